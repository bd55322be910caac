"""Nothing dropped in silence: every file of a proposals folder is read, skipped with a reason
or named as unreadable in the memo; `extract FOLDER` reads a folder as `score` does."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from msp_select.cli import main
from tests.pdf_fixtures import text_pdf

ACME = [["Acme Managed IT", "Acme will respond to Priority 1 incidents within 15 minutes."]]
BRAVO = [["Bravo IT", "We will respond to Priority 1 incidents within 20 minutes."]]


def folder(tmp_path: Path) -> Path:
    d = tmp_path / "proposals"
    d.mkdir()
    text_pdf(d / "acme-it.pdf", ACME)
    (d / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    (d / "cobalt-notes.docx").write_bytes(b"PK\x03\x04")
    (d / "readme.txt").write_text("pricing to follow", encoding="utf-8")
    (d / ".hidden-vendor").mkdir()
    text_pdf(d / ".hidden-vendor" / "proposal.pdf", BRAVO)
    return d


def test_memo_names_every_document_read_skipped_or_unreadable(score_cli, tmp_path):
    d = folder(tmp_path)
    out = tmp_path / "out"
    r = score_cli(d, out, "--date", "2026-11-24")
    assert r.exit_code == 1, r.output  # one document could not be read, the rest scored
    assert "broken.pdf" in r.stderr
    assert "warning:" in r.stderr and ".hidden-vendor: skipped, hidden folder" in r.stderr
    md = " ".join((out / "memo.md").read_text("utf-8").split())
    docs = md.split("## Documents")[1]
    assert "Could not be read" in docs and "broken.pdf:" in docs
    assert "cobalt-notes.docx: not a PDF" in docs and "readme.txt: not a PDF" in docs
    assert ".hidden-vendor/: hidden folder (its name starts with '.')" in docs
    assert "acme-it.pdf (Acme Managed IT, 1 page)" in docs  # the company, from its title line
    assert "1 document(s) could not be read" in md.split("## Recommendation")[0]
    html = (out / "memo.html").read_text("utf-8")
    assert '<section id="documents">' in html and "cobalt-notes.docx" in html


def test_extract_reads_a_flat_folder_one_vendor_per_pdf_like_score(tmp_path):
    d = tmp_path / "flat"
    d.mkdir()
    text_pdf(d / "acme-it.pdf", ACME)
    text_pdf(d / "bravo-it.pdf", BRAVO)
    (d / "cobalt").mkdir()
    text_pdf(d / "cobalt" / "proposal.pdf", BRAVO)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["extract", str(d), "--out", str(out), "--no-cache"])
    assert r.exit_code == 0, r.output
    vendors = json.loads((out / "commitments.json").read_text())["vendors"]
    assert [v["vendor"] for v in vendors] == ["acme-it", "bravo-it", "cobalt"]
