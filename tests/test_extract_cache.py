"""Extraction results are cached: a re-score reads them back byte for byte, trusts no entry
it cannot check, and never keeps an encrypted document's content (issue 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from msp_select import api, extract_cache, models
from msp_select.extract_cache import ExtractionCache, decode, encode
from msp_select.io import commitments_json
from msp_select.parallel import Pending, map_forked
from tests.pdf_fixtures import encrypted_pdf, text_pdf

BODY = [
    "# Service levels",
    "Acme will respond to Priority 1 incidents within 15 minutes.",
    "We guarantee 99.9% availability, with service credits of up to 10% of the monthly fee.",
]


@pytest.fixture
def proposals(tmp_path):
    folder = tmp_path / "proposals"
    folder.mkdir()
    text_pdf(folder / "acme.pdf", [BODY])
    text_pdf(folder / "bolt.pdf", [[BODY[0], BODY[1].replace("15 minutes", "2 hours")]])
    return folder


def _run(folder, out, cache, **kw):
    vendors = api.proposals_folder(folder)
    opts = api.ReadOptions(cache_dir=str(cache), jobs=kw.pop("jobs", 1), **kw)
    return api.read_and_extract(vendors, opts)


def test_second_run_reads_extractions_back_without_parsing_or_extracting(
    tmp_path, proposals, monkeypatch
):
    first, errors = _run(proposals, tmp_path / "a", tmp_path / "cache")
    assert not errors and first[0].commitments

    def fail(*args, **kwargs):
        raise AssertionError("parsed or extracted again")

    from msp_select import extract, ingest

    monkeypatch.setattr(ingest, "read_pdf", fail)
    monkeypatch.setattr(extract, "extract_vendor", fail)
    monkeypatch.setattr("msp_select.extract.nlp.build_nlp", fail)
    again, errors = _run(proposals, tmp_path / "b", tmp_path / "cache")
    assert again == first and not errors
    assert commitments_json(again) == commitments_json(first)


def test_outputs_are_the_same_with_and_without_the_cache(tmp_path, proposals):
    cold, _ = _run(proposals, tmp_path / "a", tmp_path / "cache")
    warm, _ = _run(proposals, tmp_path / "b", tmp_path / "cache")
    none, _ = _run(proposals, tmp_path / "c", tmp_path / "other", use_cache=False)
    assert cold == warm == none
    assert not (tmp_path / "other").exists()


def test_two_workers_give_what_one_gives(tmp_path, proposals):
    one, _ = _run(proposals, tmp_path / "a", tmp_path / "c1", use_cache=False, jobs=1)
    two, _ = _run(proposals, tmp_path / "b", tmp_path / "c2", use_cache=False, jobs=2)
    assert one == two and [e.vendor for e in two] == ["acme", "bolt"]


def test_changed_extraction_code_or_file_is_a_miss(tmp_path, proposals, monkeypatch):
    _run(proposals, tmp_path / "a", tmp_path / "cache")
    pdf = proposals / "acme.pdf"
    assert ExtractionCache(tmp_path / "cache").get("acme", [pdf]) is not None
    assert ExtractionCache(tmp_path / "cache", password="x").get("acme", [pdf]) is None
    assert ExtractionCache(tmp_path / "cache", max_pages=3).get("acme", [pdf]) is None
    assert ExtractionCache(tmp_path / "cache").get("bolt", [pdf]) is None  # another vendor id
    monkeypatch.setattr(extract_cache, "code_version", lambda: "changed")
    assert ExtractionCache(tmp_path / "cache").get("acme", [pdf]) is None


def test_code_digest_covers_extraction_and_pattern_files():
    package = extract_cache._PACKAGE
    covered = {p for glob in extract_cache._SHAPING for p in package.glob(glob)}
    # currencies and categories shape every price and unit read (vocab.py loads them)
    for name in (
        "extract/__init__.py",
        "models.py",
        "ingest/__init__.py",
        "data/units.txt",
        "data/currencies.yaml",
        "data/categories.yaml",
        "vocab.py",
    ):
        assert package / name in covered
    assert any(p.parent.name == "patterns" and p.suffix == ".jsonl" for p in covered)


def _stored(cache):
    return list((cache / "extractions").rglob("*.json"))


@pytest.mark.parametrize("damage", ["checksum", "type", "field"])
def test_a_damaged_or_edited_entry_is_a_miss(tmp_path, proposals, damage):
    first, _ = _run(proposals, tmp_path / "a", tmp_path / "cache")
    for path in _stored(tmp_path / "cache"):
        entry = json.loads(path.read_text())
        if damage == "checksum":
            entry["payload"]["commitments"] = []
        else:
            if damage == "type":
                entry["payload"]["documents"][0]["pages"] = "many"
            else:
                entry["payload"]["surprise"] = 1
            entry["checksum"] = extract_cache.parse_cache.Store._seal(path.stem, entry["payload"])
        path.write_text(json.dumps(entry))
    pdf = proposals / "acme.pdf"
    assert ExtractionCache(tmp_path / "cache").get("acme", [pdf]) is None
    again, _ = _run(proposals, tmp_path / "b", tmp_path / "cache")
    assert again == first


def test_encrypted_vendor_is_never_stored(tmp_path):
    plain = text_pdf(tmp_path / "plain.pdf", [BODY])
    folder = tmp_path / "in"
    folder.mkdir()
    encrypted_pdf(plain, folder / "locked.pdf", user="s3cret")
    found, errors = _run(folder, tmp_path / "a", tmp_path / "cache", password="s3cret")
    assert found and not errors
    assert _stored(tmp_path / "cache") == []
    again, errors = _run(folder, tmp_path / "b", tmp_path / "cache")
    assert again == [] and "pass --password" in errors[0]


def test_round_trip_keeps_every_field_and_type():
    source = models.Source("a.pdf", 2, "table", (1.0, 2.5, 3, 4.0))
    extraction = models.VendorExtraction(
        "acme",
        (models.DocumentInfo("a.pdf", "0" * 64, 3, ("page 2 has no text layer",)),),
        (
            models.Commitment(
                "response_time", "P1", 15.0, "minute", "binding", "provider", "q", source
            ),
            models.Commitment("price", "all", None, "", "soft", "provider", "q", source),
        ),
    )
    data = json.loads(json.dumps(encode(extraction)))
    assert decode(models.VendorExtraction, data) == extraction
    with pytest.raises(TypeError):
        decode(models.VendorExtraction, {**data, "vendor": 7})


def _square_or_fail(x):
    if x == 3:
        raise ValueError("three")
    return x * x


def test_map_forked_keeps_order_and_surfaces_errors_as_without_workers():
    assert map_forked(lambda x: x * x, range(7), 2, weights=[1, 9, 1, 1, 5, 1, 1]) == [
        x * x for x in range(7)
    ]
    with pytest.raises(ValueError, match="three"):
        map_forked(_square_or_fail, range(5), 2)


def _starts_a_process_of_its_own():
    import multiprocessing as mp

    worker = mp.get_context("fork").Process(target=os._exit, args=(0,))
    worker.start()
    worker.join()
    return os.getpid()


def test_pending_work_that_starts_processes_runs_in_its_child():
    # the PDF readers start workers: a daemonic child could not, and the parse ran again here
    with Pending(_starts_a_process_of_its_own) as job:
        assert job.result() != os.getpid()


def test_a_rescore_imports_neither_the_pdf_reader_nor_spacy(tmp_path, proposals):
    criteria = tmp_path / "criteria"
    api.init(criteria)
    code = (
        "import sys; from msp_select import cli\n"
        "try: cli.main(sys.argv[1:])\n"
        "except SystemExit as e: assert not e.code, e.code\n"
        "print(sorted(m for m in ('spacy', 'pdfplumber', 'openpyxl') if m in sys.modules))"
    )
    args = [str(proposals), "--criteria", str(criteria), "--cache-dir", str(tmp_path / "cache")]
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, "-q", "score", *args, "--out", str(tmp_path / out)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for out in ("cold", "again")
    ]
    assert runs[0] != ["[]"]  # the cold run did read and extract
    assert runs[1] == ["[]"]


def test_the_client_named_by_the_other_vendors_and_a_cached_vendor_read_again_without_them(
    tmp_path,
):
    """Cobalt's schedule only mentions the Trust; Acme's and Bolt's proposals address it, so
    the Trust keeping the credentials is Cobalt's client keeping control. Scored alone later,
    Cobalt's cached entry (read with the others' names) is not reused: it is read again."""
    folder = tmp_path / "proposals"
    folder.mkdir()
    for name in ("acme", "bolt"):
        title = f"# {name.title()} IT - Managed Service Proposal for Kurrajong Valley Schools Trust"
        text_pdf(folder / f"{name}.pdf", [[title, BODY[1]]])
    cobalt = [
        "# Cobalt Systems - Returnable Schedule B",
        "Tender for managed ICT services to Kurrajong Valley Schools Trust.",
        "The Trust holds every administrator credential; our engineers use accounts it revokes.",
    ]
    text_pdf(folder / "cobalt.pdf", [cobalt])

    def custody(extractions):
        (c,) = [e for e in extractions if e.vendor == "cobalt"]
        return {e.criterion for e in c.criteria_evidence} & {"control-retention"}

    together, _ = _run(folder, tmp_path / "a", tmp_path / "cache")
    assert custody(together) == {"control-retention"}
    (folder / "acme.pdf").unlink()
    (folder / "bolt.pdf").unlink()
    alone, _ = _run(folder, tmp_path / "b", tmp_path / "cache")
    fresh, _ = _run(folder, tmp_path / "c", tmp_path / "cache", use_cache=False)
    assert alone == fresh and custody(alone) == set()
