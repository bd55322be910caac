"""Bad input gives one DocumentError line naming the file and what to do, never a traceback."""

from __future__ import annotations

import pytest

from msp_select import ingest
from msp_select.errors import DocumentError
from tests.pdf_fixtures import (
    encrypted_pdf,
    many_pages_pdf,
    no_text_pdf,
    text_pdf,
    truncated_copy,
    zero_pages_pdf,
)

BODY = "We provide managed services to the client."


def error_of(path, **kw) -> str:
    with pytest.raises(DocumentError) as info:
        ingest.read_pdf(path, **kw)
    msg = str(info.value)
    assert "\n" not in msg and msg.startswith(path.name + ": ")
    assert info.value.file == path.name
    return msg


@pytest.fixture
def plain(tmp_path):
    return text_pdf(tmp_path / "plain.pdf", [[BODY], [BODY]])


def test_encrypted_without_password_asks_for_one(tmp_path, plain):
    pdf = encrypted_pdf(plain, tmp_path / "locked.pdf", user="s3cret")
    assert "encrypted; pass --password" in error_of(pdf)


def test_wrong_password_says_so(tmp_path, plain):
    pdf = encrypted_pdf(plain, tmp_path / "locked.pdf", user="s3cret")
    assert "password given does not open it" in error_of(pdf, password="wrong")


def test_right_password_opens(tmp_path, plain):
    pdf = encrypted_pdf(plain, tmp_path / "locked.pdf", user="s3cret")
    assert [b.text for b in ingest.read_pdf(pdf, password="s3cret").blocks] == [BODY, BODY]


def test_owner_password_only_opens_without_password(tmp_path, plain):
    pdf = encrypted_pdf(plain, tmp_path / "owner.pdf", user="")
    assert ingest.read_pdf(pdf).pages == 2


def test_no_text_layer_suggests_ocr(tmp_path):
    msg = error_of(no_text_pdf(tmp_path / "scan.pdf", pages=2))
    assert "no text layer" in msg and "ocrmypdf" in msg


@pytest.mark.parametrize("fraction", [0.3, 0.5])
def test_truncated_file_is_reported_as_damaged(tmp_path, plain, fraction):
    pdf = truncated_copy(plain, tmp_path / "cut.pdf", fraction)
    assert "damaged or truncated" in error_of(pdf)


@pytest.mark.parametrize(
    "content,looks_like",
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
        (b"Dear vendor,\nplease find our proposal attached.\n", "text file"),
        (b"PK\x03\x04" + b"\x00" * 100, "ZIP"),
        (b"", "empty (0 bytes)"),
    ],
)
def test_not_a_pdf_says_what_it_looks_like(tmp_path, content, looks_like):
    path = tmp_path / "proposal.pdf"
    path.write_bytes(content)
    assert looks_like in error_of(path)


def test_header_only_is_damaged(tmp_path):
    path = tmp_path / "head.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    assert "damaged" in error_of(path)


def test_zero_pages(tmp_path):
    assert "has no pages" in error_of(zero_pages_pdf(tmp_path / "empty.pdf"))


def test_over_max_pages_names_count_and_option(tmp_path):
    pdf = many_pages_pdf(tmp_path / "long.pdf", 12)
    assert "has 12 pages, over the limit of 10; use --max-pages" in error_of(pdf, max_pages=10)
    assert ingest.read_pdf(pdf, max_pages=12).pages == 12


def test_missing_file(tmp_path):
    assert "cannot be read" in error_of(tmp_path / "gone.pdf")


def test_timeout_kills_the_worker_and_reports_it(tmp_path, monkeypatch):
    import time

    quick = text_pdf(tmp_path / "quick.pdf", [[BODY]])
    slow = text_pdf(tmp_path / "slow.pdf", [[BODY]])
    real = ingest.read_pdf

    def hang_on_slow(path, **kw):  # workers are forked, so they see this stand-in
        if str(path).endswith("slow.pdf"):
            time.sleep(30)
        return real(path, **kw)

    monkeypatch.setattr(ingest, "read_pdf", hang_on_slow)
    start = time.monotonic()
    out = ingest.read_many([slow, quick], timeout=1.0, jobs=2)
    assert time.monotonic() - start < 10
    assert str(out[0]) == (
        "slow.pdf: took longer than 1 s to read; it may be very large or malformed; "
        "raise the limit with --timeout"
    )
    assert out[1].pages == 1


def test_read_many_returns_errors_instead_of_raising(tmp_path, plain):
    locked = encrypted_pdf(plain, tmp_path / "locked.pdf", user="pw")
    out = ingest.read_many([locked, plain], jobs=1)
    assert isinstance(out[0], DocumentError) and "--password" in str(out[0])
    assert out[1].pages == 2


def test_document_over_the_memory_limit_is_an_error_not_a_crash(tmp_path, monkeypatch, capfd):
    dense = "\n".join("x " * 60 for _ in range(300))  # 36,000 characters on one page
    pdf = text_pdf(tmp_path / "big.pdf", [[dense]], size=2, leading=2.4)
    monkeypatch.setattr(ingest, "MEMORY_LIMIT", 4 << 20)  # 4 MB: far less than this page needs
    out = ingest.read_many([pdf], jobs=1)[0]
    assert isinstance(out, DocumentError) and str(out).startswith("big.pdf: ")
    assert "Fatal Python error" not in capfd.readouterr().err
