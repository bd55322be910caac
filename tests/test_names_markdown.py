"""File names of any bytes, and vendor text in Markdown, are shown safely (issue 11)."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from msp_select import report
from msp_select.files import safe_name, terminal_safe, visible_controls
from msp_select.report import compare, md_escape
from tests.pdf_fixtures import text_pdf
from tests.report_fixtures import build

cmarkgfm = pytest.importorskip("cmarkgfm")
from cmarkgfm.cmark import Options  # noqa: E402

BODY = ["Acme will respond to Priority 1 incidents within 15 minutes, 24x7."]
HOSTILE_TEXT = (
    "\u202eevil\u202c See https://evil.example/x, www.evil.example and HTTP://EVIL.EXAMPLE, mail "
    "ceo@evil.example or mailto:ceo@evil.example, [a link](https://evil.example), "
    '![pic](https://evil.example/p.png), <img src=x onerror="alert(1)">, <b>bold</b>, '
    "<https://evil.example>, &lt;script&gt;, [ref]: https://evil.example"
)


def gfm(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)


def commonmark(text: str) -> str:
    return cmarkgfm.markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)


@pytest.mark.parametrize("render", [gfm, commonmark])
def test_vendor_text_makes_no_link_image_or_html(render):
    html = render(md_escape(HOSTILE_TEXT))
    assert "<a " not in html and "<img" not in html and "<b>" not in html, html
    assert "https://evil.example/x" in html and "ceo@evil.example" in html  # words kept


@pytest.mark.parametrize("render", [gfm, commonmark])
def test_memo_md_makes_no_link_from_vendor_text(tmp_path, render):
    ex, cr, de = build()
    ex = [
        replace(
            e,
            commitments=tuple(replace(c, quote=HOSTILE_TEXT) for c in e.commitments),
            risk_flags=tuple(replace(f, quote=HOSTILE_TEXT) for f in e.risk_flags),
        )
        for e in ex
    ]
    files = report.write_reports(
        tmp_path, ex, cr, de, date="2026-01-05", tool_version="t", input_hashes={}
    )
    md = next(p for p in files if p.name == "memo.md").read_text("utf-8")
    html = render(md)
    assert "<a " not in html
    assert set(re.findall(r'<img src="([^"]*)"', html)) <= {p.name for p in files}
    assert "<script" not in html and "<b>" not in html and "\u202e" not in html
    memo_html = next(p for p in files if p.name == "memo.html").read_text("utf-8")
    assert "\u202e" not in memo_html and "&lt;U+202E&gt;" in memo_html


def test_compare_markdown_keeps_hostile_vendor_names_inert():
    name = '<img src=x onerror="alert(1)">[x](https://evil.example)'
    scores = {
        "method": "TOPSIS",
        "ranking": [{"vendor": name, "rank": 1, "score": 0.5, "eliminated": False}],
    }
    text = compare.to_markdown(compare.compare(scores, {"vendors": []}, [name]))
    html = gfm(text)
    assert "<img" not in html and "<a " not in html and "<table>" in html


def test_helpers():
    assert safe_name("acme\udcff\x07.pdf") == "acme\\xff\\x07.pdf"
    assert terminal_safe("a\x1b[31mb\u202ec\udcfe") == "a\\x1b[31mb\\u202ec\\xfe"
    assert visible_controls("a\u202eb\u2066c") == "a<U+202E>b<U+2066>c"
    assert md_escape("x|y") == "x\\|y"


@pytest.fixture()
def proposals(tmp_path: Path) -> Path:
    folder = tmp_path / "proposals"
    folder.mkdir()
    return folder


@pytest.fixture()
def score(score_cli):
    """`score(proposals, out, *extra)`: score_cli with 20 samples, one worker, a fixed date."""
    return lambda proposals, out, *extra: score_cli(
        proposals, out, "--samples", "20", "--jobs", "1", "--date", "2026-01-05", *extra
    )


@pytest.mark.skipif(os.name != "posix", reason="byte file names are a POSIX matter")
def test_non_utf8_and_control_names_are_read_and_reported_safely(score, tmp_path, proposals):
    text_pdf(Path(os.fsdecode(bytes(proposals) + b"/acme\xff.pdf")), [BODY])
    text_pdf(proposals / "bra\x1b[31mvo\u202e.pdf", [BODY])
    (proposals / "bad\x1b]0;owned\x07.pdf").write_bytes(b"not a pdf")
    out = proposals.parent / "out"
    r = score(proposals, out, "--format", "xlsx", "--format", "md", "--format", "html")
    assert r.exit_code == 1, r.output
    assert "\x1b" not in r.output and "\x07" not in r.output and "\u202e" not in r.output
    assert "bad\\x1b]0;owned\\x07.pdf: is not a PDF" in r.stderr
    vendors = [v["vendor"] for v in json.loads((out / "commitments.json").read_text())["vendors"]]
    assert vendors == ["acme\\xff", "bra\\x1b[31mvo\u202e"]
    memo = (out / "memo.md").read_text("utf-8")
    assert "\u202e" not in memo and "<U+202E>" in memo
    assert (out / "decision.xlsx").stat().st_size > 0


@pytest.mark.skipif(os.name != "posix", reason="byte file names are a POSIX matter")
def test_run_json_keeps_a_non_utf8_folder_name_so_review_finds_it(score, tmp_path):
    from msp_select.review.session import find_run

    proposals = Path(os.fsdecode(bytes(tmp_path) + b"/prop\xff\xfe"))
    try:
        proposals.mkdir()
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    text_pdf(proposals / "acme.pdf", [BODY])
    runs = []
    for name in ("out", "again"):
        out = tmp_path / name
        r = score(proposals, out)
        assert r.exit_code == 0, r.output
        runs.append((out / "run.json").read_bytes())
    assert runs[0] == runs[1]  # deterministic
    runs[0].decode("ascii")  # valid JSON text in any encoding
    assert find_run(tmp_path / "out").proposals == proposals.resolve()
