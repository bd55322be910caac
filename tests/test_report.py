"""The selection memo: content a CIO reads, escaping of vendor text, reproducible bytes."""

from __future__ import annotations

import re
from dataclasses import replace

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_select.report import md_escape, write_reports
from msp_select.report.questions import vendor_questions
from msp_select.report.wording import fmt_value
from tests.report_fixtures import EVIL, build

SECTIONS = (
    "Recommendation",
    "Eliminated vendors",
    "Goal coverage",
    "Team fit",
    "Risk flags",
    "What we commit to as the client",
    "Clarification questions",
    "Sensitivity",
    "Method and weights",
    "Reproducibility",
)


def flat(text: str) -> str:
    """memo.md with its wrapped lines joined, for finding a sentence wherever it breaks."""
    return " ".join(text.split())


def _write(out, date="2026-11-24", **kw):
    ex, cr, de = kw.pop("fixture", None) or build()
    paths = write_reports(
        out,
        ex,
        cr,
        de,
        date=date,
        tool_version="0.1.0",
        input_hashes={"acme.pdf": "a" * 64, "evil.pdf": "b" * 64},
        **kw,
    )
    return {p.name: p for p in paths}


@pytest.fixture(scope="module")
def memo(tmp_path_factory):
    out = tmp_path_factory.mktemp("memo")
    files = _write(out)
    return files, files["memo.md"].read_text("utf-8"), files["memo.html"].read_text("utf-8")


def test_writes_md_html_and_svgs_beside_the_markdown(memo):
    files, md, _ = memo
    for name in ("memo-scores.svg", "memo-heatmap.svg", "memo-first-place.svg"):
        assert files[name].read_text("utf-8").startswith("<svg xmlns=")
        assert f"]({name})" in md


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_present(memo, section):
    _, md, html = memo
    assert f"## {section}\n" in md
    assert f"<h2>{section}</h2>" in html


def test_headline_names_winner_runner_up_and_quoted_reasons(memo):
    _, md, _ = memo
    head = flat(md.split("## Eliminated")[0])
    assert "We recommend **acme** (score 0.81)." in head
    assert "runner-up is **\\<script>alert(1)\\</script>**" in head
    # the criterion with the largest weighted gap comes first, backed by quote, file and page
    assert head.index("**P1 response**") < head.index("**Account manager**")
    assert '"Priority 1: we respond within 15 minutes, 24x7x365" (acme.pdf, p. 4)' in head


def test_no_recommendation_when_every_vendor_is_eliminated(tmp_path):
    ex, cr, de = build()
    de = replace(de, ranking=tuple(replace(r, eliminated=True) for r in de.ranking))
    md = _write(tmp_path, fixture=(ex, cr, de))["memo.md"].read_text("utf-8")
    assert "we make no recommendation" in md
    assert "We recommend" not in md


def test_eliminated_vendor_names_the_missed_must_have(memo):
    _, md, _ = memo
    section = md.split("## Eliminated vendors")[1].split("##")[0]
    assert "**core** missed: Priority-1 incidents get a first response fast" in section
    assert "acme" not in section


def test_risk_flags_client_duties_and_overrides_are_shown(memo):
    _, md, html = memo
    md = flat(md)
    assert '"The SLA clock stops while we await @client input" (evil.pdf, p. 6)' in md
    assert '"The Client shall designate a single point of contact" (acme.pdf, p. 11)' in md
    assert "- MANUAL: core: dedicated-account-manager scored 0.5 by hand" in md
    assert "OVERRIDE: analyst confirmed price by phone" in md
    assert 'class="manual"' in html


def test_vendor_text_is_escaped_and_never_evaluated(memo):
    _, md, html = memo
    assert EVIL not in html and "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html
    for text in (md, html):
        assert "within 49 minutes" not in text
    assert not re.search(r"(?<!\\)<script", md)  # a tag start is always escaped
    assert "{{ 7\\*7 }}" in flat(md)


def test_every_goal_and_team_fit_line_names_file_and_page_or_says_why(tmp_path):
    ex, cr, de = build(evil_name="pipe|vendor\nwith newline")
    md = _write(tmp_path, fixture=(ex, cr, de))["memo.md"].read_text("utf-8")
    for section in ("## Goal coverage", "## Team fit"):
        body = md.split(section)[1].split("\n## ")[0]
        items = flat(body.replace("\n- ", "\n\x00- ")).split("\x00")[1:]
        assert len(items) == 6 if section == "## Goal coverage" else 3
        for item in items:
            assert (
                re.search(r"\(\S+\.pdf p\. \d+: \"", item)
                or "no commitment found" in item
                or ("no evidence found" in item or "MANUAL" in item)
            ), item
    assert "pipe\\|vendor with newline: partial: 30 minutes (evil.pdf p. 3:" in flat(md)


def test_memo_md_reads_as_plain_text(memo):
    _, md, _ = memo
    assert "&lt;" not in md and "&amp;" not in md and "&gt;" not in md
    assert all(len(line) <= 88 for line in md.splitlines() if not line.startswith(("|", "!")))


def test_html_is_strict_valid_and_self_contained(memo):
    _, _, html = memo
    html5lib.HTMLParser(strict=True).parse(html)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html)
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert html.count("<svg") == 3
    assert "@media print" in html and "break-inside: avoid" in html


def test_same_inputs_and_date_give_identical_bytes(memo, tmp_path):
    files, _, _ = memo
    again = _write(tmp_path)
    assert sorted(again) == sorted(files)
    for name, path in again.items():
        assert path.read_bytes() == files[name].read_bytes(), name
    assert not list(tmp_path.glob(".*.tmp")), "temporary files left behind"


def test_date_is_in_footer_and_unfixed_date_is_said(tmp_path):
    fixed = _write(tmp_path / "a")["memo.md"].read_text("utf-8")
    assert "- Date: 2026-11-24\n" in fixed
    loose = _write(tmp_path / "b", date=None)["memo.md"].read_text("utf-8")
    assert "not fixed: pass --date or SOURCE_DATE_EPOCH" in loose


def test_footer_lists_hashes(memo):
    _, md, _ = memo
    assert f"- acme.pdf SHA-256: {'a' * 64}" in md
    assert f"- Criteria SHA-256: {'d' * 64}" in md


def test_html_only_writes_no_markdown(tmp_path):
    files = _write(tmp_path, formats=("html",))
    assert sorted(files) == ["memo.html"]


# --- clarification questions ------------------------------------------------------------


def _questions(vendor):
    ex, cr, de = build()
    return vendor_questions({e.vendor: e for e in ex}[vendor], cr, de)


@pytest.mark.parametrize(
    "vendor, expected",
    [
        (
            EVIL,
            "Confirm in writing that the 30-minute response time for P1 is contractual and "
            "carries a service credit.",
        ),
        (EVIL, "List every condition attached to the price and any extra cost"),
        (EVIL, "List every condition that stops the SLA clock"),
        (EVIL, "The proposal says nothing about a dedicated account manager."),
        ("core", "The proposal does not state a response time for P1"),
        ("acme", "Agree to replace automatic renewal"),
        ("core", "State the full price, with every item billed on top of it."),
    ],
)
def test_questions_come_from_gaps(vendor, expected):
    assert any(expected in q for q in _questions(vendor)), _questions(vendor)


@pytest.mark.parametrize(
    "vendor, absent",
    [
        ("acme", "response time for P1"),  # binding and meets the target
        ("acme", "dedicated account manager"),  # binding evidence
        ("core", "SLA clock"),  # no such flag
    ],
)
def test_no_questions_where_the_proposal_is_clear(vendor, absent):
    assert not any(absent in q for q in _questions(vendor))


def test_question_quotes_are_literal():
    assert any("{{ 7*7 }}" in q for q in _questions(EVIL))


# --- wording ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("a|b", "a\\|b"),
        ("line\nbreak", "line break"),
        ("<b>x</b>", "\\<b>x\\</b>"),
        ("P1 <= 30 min & P2 <= 60", "P1 <= 30 min & P2 <= 60"),
        ("response_time", "response_time"),
        ("&amp; _x_", "\\&amp; \\_x\\_"),
        ("*bold* [link](x)", "\\*bold\\* \\[link\\](x)"),
        (None, ""),
    ],
)
def test_md_escape(raw, escaped):
    assert md_escape(raw) == escaped


@pytest.mark.parametrize(
    "value, unit, text",
    [
        (240, "minute", "4 hours"),
        (15, "minute", "15 minutes"),
        (1440, "minute", "1 day"),
        (99.95, "percent", "99.95%"),
        (12000, "USD/month", "USD 12,000/month"),
        (None, "24x7", "24x7"),
        (None, "minute", "—"),
        (36, "month", "36 months"),
    ],
)
def test_fmt_value(value, unit, text):
    assert fmt_value(value, unit) == text


def test_chart_text_is_escaped_and_dollar_signs_stay_literal(tmp_path):
    ex, cr, de = build(evil_name="Cost$ave$ IT <b>")
    html = _write(tmp_path, fixture=(ex, cr, de))["memo.html"].read_text("utf-8")
    svg = html[html.index("<svg") :]
    assert "Cost$ave$ IT &lt;b&gt;" in svg and "<b>" not in html


def test_unknown_format_is_an_input_error(tmp_path):
    from msp_select.errors import InputError

    with pytest.raises(InputError, match="unknown memo format pdf"):
        _write(tmp_path, formats=("md", "pdf"))
    assert not list(tmp_path.iterdir()), "nothing is written on bad input"


@pytest.mark.parametrize(
    "value, unit, text",
    [
        (30, "minute", "30-minute"),
        (240, "minute", "4-hour"),
        (36, "month", "36-month"),
    ],
)
def test_fmt_value_as_adjective(value, unit, text):
    assert fmt_value(value, unit, adjective=True) == text


@given(st.text())
def test_md_escape_never_leaves_a_raw_pipe_newline_or_tag(text):
    out = md_escape(text)
    bare = re.sub(r"\\.", "", out)  # what is left once escaped characters are removed
    assert "\n" not in out and not re.search(r"<[A-Za-z/!?]", bare)
    assert "|" not in bare and not re.search(r"&#?[A-Za-z0-9]+;", bare)


def test_level_vendors_are_said_to_be_level(tmp_path):
    ex, cr, de = build()
    de = replace(de, matrix=((15, 11000, 1.0), (15, 11000, 1.0), (None, None, 0.0)))
    md = _write(tmp_path, fixture=(ex, cr, de))["memo.md"].read_text("utf-8")
    assert "No single criterion separates them" in md


def test_memo_from_a_real_decision(tmp_path):
    decide = pytest.importorskip("msp_select.decide")
    ex, cr, _ = build()
    decision = decide.decide(ex, cr)
    files = _write(tmp_path, fixture=(ex, cr, decision))
    md = files["memo.md"].read_text("utf-8")
    html5lib.HTMLParser(strict=True).parse(files["memo.html"].read_text("utf-8"))
    winner = next(r.vendor for r in decision.ranking if not r.eliminated)
    assert f"We recommend **{md_escape(winner)}**" in md
    for r in decision.ranking:
        if r.eliminated:
            assert f"- **{md_escape(r.vendor)}** missed:" in md


def test_silent_must_have_gives_a_conditional_recommendation_and_a_question(tmp_path):
    decide = pytest.importorskip("msp_select.decide")
    ex, cr, _ = build()
    acme = replace(ex[0], commitments=ex[0].commitments[1:])  # acme no longer states P1
    decision = decide.decide((acme, *ex[1:]), cr)
    files = _write(tmp_path, fixture=((acme, *ex[1:]), cr, decision))
    md, html = files["memo.md"].read_text("utf-8"), files["memo.html"].read_text("utf-8")
    top = next(r for r in decision.ranking if not r.eliminated)
    assert top.vendor == "acme" and top.status == "unconfirmed must-have"
    assert "on condition that it confirms in writing" in flat(md.split("## To confirm")[0])
    section = flat(md.split("## To confirm before award")[1].split("\n## ")[0])
    assert (
        '**acme** is silent on the must-have "Priority-1 incidents get a first response' in section
    )
    assert "State the value you will commit to" in section
    assert "| unconfirmed must-have |" in md
    assert "<td>unconfirmed must-have</td>" in html and "on condition that" in html


def test_no_condition_when_every_must_have_is_stated(memo):
    _, md, _ = memo
    assert "on condition that" not in md
    assert "Every vendor still in the running states a commitment" in md
