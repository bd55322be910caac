"""Overrides and panel files through `msp-select score`: checked before any PDF is read,
exit 2 with file and line and nothing written when a row would otherwise be ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ACME = [
    [
        "Acme Managed IT: proposal",
        "Acme will respond to Priority 1 incidents within 15 minutes, 24x7.",
        "Our service desk is staffed 24x7x365 by engineers.",
        "A named account manager will lead monthly service reviews.",
    ]
]
QUIET = [["Quiet IT proposal", "Our service desk is staffed 24x7x365 by engineers."]]


@pytest.fixture()
def proposals(proposals_folder) -> Path:
    return proposals_folder({"acme-it.pdf": ACME, "quiet-it.pdf": QUIET})


@pytest.fixture()
def score(score_cli):
    """`score(proposals, out, *extra)`: score_cli with the memo's date fixed."""
    return lambda proposals, out, *extra: score_cli(proposals, out, "--date", "2026-11-24", *extra)


@pytest.mark.parametrize("option", ["--overrides", "--panel"])
def test_a_named_file_that_is_missing_is_an_input_error(score, proposals, tmp_path, option):
    out = tmp_path / "out"
    r = score(proposals, out, option, str(tmp_path / "nope.yaml"))
    assert r.exit_code == 2 and "nope.yaml" in r.output and "not found" in r.output
    assert "Traceback" not in r.output and not out.exists()


@pytest.mark.parametrize(
    "rows, needle",
    [
        ("ann,acme-it,exit-assistance,4\nann,acme-itt,exit-assistance,3\n", ":3: unknown vendor"),
        ("ann,acme-it,flexibility,4\n", ":2: flexibility is not a team-fit criterion"),
        ("ann,acme-it,exit-assistance,4\nann,acme-it,exit-assistance,2\n", "on line 2"),
        (",acme-it,exit-assistance,4\n", ":2: the evaluator is empty"),
    ],
)
def test_unmatched_panel_rows_are_errors_with_file_and_line(
    score, proposals, tmp_path, rows, needle
):
    panel = tmp_path / "panel.csv"
    panel.write_text("evaluator,vendor,criterion,score\n" + rows, encoding="utf-8")
    out = tmp_path / "out"
    r = score(proposals, out, "--panel", str(panel))
    assert r.exit_code == 2, r.output
    assert "panel.csv" in r.output and needle in r.output
    assert not out.exists()


def test_override_for_an_unknown_vendor_fails_before_reading(score, proposals, tmp_path):
    (proposals / "overrides.yaml").write_text(
        "\n- vendor: acme\n  action: confirm\n  target: {category: rto}\n  note: x\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    r = score(proposals, out)
    assert r.exit_code == 2
    assert "overrides.yaml:2: unknown vendor 'acme'; did you mean 'acme-it'?" in r.output
    assert not out.exists()


def test_silent_must_have_stays_ranked_unless_told_to_eliminate(score, proposals, tmp_path):
    r = score(proposals, tmp_path / "a")
    assert r.exit_code == 0, r.output
    ranking = json.loads((tmp_path / "a" / "scores.json").read_text())["ranking"]
    quiet = next(x for x in ranking if x["vendor"] == "quiet-it")
    assert quiet["eliminated"] is False and quiet["status"] == "unconfirmed must-have"
    assert "p1-response" in quiet["unconfirmed"]
    md = (tmp_path / "a" / "memo.md").read_text()
    assert "**Quiet IT** is silent on the must-have" in md  # its name, from its title line

    r = score(proposals, tmp_path / "b", "--absent-must-have", "eliminate")
    assert r.exit_code == 0, r.output
    ranking = json.loads((tmp_path / "b" / "scores.json").read_text())["ranking"]
    quiet = next(x for x in ranking if x["vendor"] == "quiet-it")
    assert quiet["eliminated"] is True and ranking[-1]["vendor"] == "quiet-it"


def test_panel_scores_and_overrides_are_marked_in_every_output(score, proposals, tmp_path):
    panel = tmp_path / "panel.csv"
    panel.write_text(
        "evaluator,vendor,criterion,score\nann,acme-it,exit-assistance,4\n"
        "bob,acme-it,exit-assistance,1\n",
        encoding="utf-8",
    )
    (proposals / "overrides.yaml").write_text(
        "- vendor: acme-it\n  action: correct\n  target: {category: response_time, scope: P1}\n"
        "  value: 30\n  note: Appendix B says 30 minutes\n  analyst: jd\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    r = score(proposals, out, "--panel", str(panel), "--format", "md", "--format", "csv")
    assert r.exit_code == 0, r.output
    scores = json.loads((out / "scores.json").read_text())
    team = next(
        t
        for t in scores["team_fit"]
        if (t["vendor"], t["criterion"]) == ("acme-it", "exit-assistance")
    )
    assert team["panel"] == [{"evaluator": "ann", "score": 4.0}, {"evaluator": "bob", "score": 1.0}]
    assert team["manual"] and team["disagreement"]
    p1 = next(
        v for v in scores["verdicts"] if (v["vendor"], v["goal"]) == ("acme-it", "p1-response")
    )
    assert (
        "Appendix B says 30 minutes (jd)" in p1["overridden"]
        and "was 15 minute" in p1["overridden"]
    )
    verdicts_csv = (out / "verdicts.csv").read_text()
    assert "Appendix B says 30 minutes (jd); was 15 minute" in verdicts_csv
    assert "ann 4" in (out / "team_fit.csv").read_text()
