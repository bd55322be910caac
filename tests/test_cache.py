"""The parse cache keeps secrets secret and trusts no entry it did not seal (issue 11)."""

from __future__ import annotations

import json

import pytest

from msp_select import api
from msp_select.ingest.cache import Cache, valid_document
from tests.pdf_fixtures import encrypted_pdf, text_pdf

BODY = "Acme will respond to Priority 1 incidents within 15 minutes."


@pytest.fixture
def locked(tmp_path):
    plain = text_pdf(tmp_path / "plain.pdf", [[BODY]])
    folder = tmp_path / "in"
    folder.mkdir()
    return encrypted_pdf(plain, folder / "locked.pdf", user="s3cret")


def _extract(pdf, tmp_path, password, name):
    opts = api.ReadOptions(password=password, cache_dir=str(tmp_path / "cache"), jobs=1)
    return api.extract([pdf], tmp_path / name, opts)


@pytest.mark.parametrize("second", [None, "wrong"])
def test_encrypted_document_needs_its_password_on_every_call(tmp_path, locked, second):
    first = _extract(locked, tmp_path, "s3cret", "one")
    assert first.exit_code == 0 and first.extractions[0].commitments
    again = _extract(locked, tmp_path, second, "two")
    assert again.exit_code == 1 and not again.extractions
    assert again.errors[0].startswith("locked.pdf: ")
    assert ("pass --password" if second is None else "check --password") in again.errors[0]


def test_decrypted_text_is_never_written_to_the_cache(tmp_path, locked):
    _extract(locked, tmp_path, "s3cret", "one")
    stored = [p.read_text() for p in (tmp_path / "cache").rglob("*.json")]
    assert not any("Priority 1" in text for text in stored)


def test_plain_document_is_cached_and_keyed_by_password(tmp_path):
    from msp_select import ingest

    pdf = text_pdf(tmp_path / "a.pdf", [[BODY]])
    Cache(tmp_path / "c").put(pdf, ingest.read_pdf(pdf))
    assert Cache(tmp_path / "c").get(pdf) is not None
    assert Cache(tmp_path / "c", password="x").get(pdf) is None


def _entry(tmp_path):
    from msp_select import ingest

    pdf = text_pdf(tmp_path / "a.pdf", [[BODY]])
    cache = Cache(tmp_path / "c")
    cache.put(pdf, ingest.read_pdf(pdf))
    (path,) = (tmp_path / "c").rglob("*.json")
    return pdf, cache, path


def test_edited_entry_is_a_miss_even_with_its_digest_intact(tmp_path):
    pdf, cache, path = _entry(tmp_path)
    text = path.read_text().replace("15 minutes", "1 minutes")
    assert "1 minutes" in text
    path.write_text(text)
    assert cache.get(pdf) is None


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(pages="1"),
        lambda d: d.update(pages=True),
        lambda d: d["blocks"][0].update(text=15),
        lambda d: d["blocks"][0].update(page=99),
        lambda d: d["blocks"][0].update(bbox=[0, 0, 1]),
        lambda d: d.update(tables={}),
        lambda d: d.update(extra=1),
        lambda d: d.pop("warnings"),
    ],
)
def test_entry_with_a_wrong_field_type_is_a_miss_not_an_error(tmp_path, mutate):
    pdf, cache, path = _entry(tmp_path)
    entry = json.loads(path.read_text())
    mutate(entry["payload"])
    assert not valid_document(entry["payload"])
    # re-seal it so only the schema can refuse it
    entry["checksum"] = cache.store._seal(path.stem, entry["payload"])
    path.write_text(json.dumps(entry))
    assert cache.get(pdf) is None


def test_second_call_fails_through_the_cli_too(tmp_path, locked):
    from click.testing import CliRunner

    from msp_select.cli import main

    cache = str(tmp_path / "cache")
    args = ["extract", str(locked), "--cache-dir", cache, "--jobs", "1", "--out"]
    ok = CliRunner().invoke(main, args + [str(tmp_path / "a"), "--password", "s3cret"])
    assert ok.exit_code == 0, ok.output
    bad = CliRunner().invoke(main, args + [str(tmp_path / "b")])
    assert bad.exit_code == 1
    assert "locked.pdf: is encrypted" in bad.output
