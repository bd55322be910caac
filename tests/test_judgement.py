"""Analyst overrides of extracted facts, and evaluation-panel scores."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from msp_select import models
from msp_select.decide.judgement import apply_overrides, load_overrides, load_panel, manual_scores
from msp_select.errors import InputError

SRC = models.Source("nw.pdf", 4, "table")


def extraction():
    return models.VendorExtraction(
        "northwind",
        (),
        (
            models.Commitment(
                "response_time", "P1", 60, "minute", "binding", "provider", "P1: 60 minutes", SRC
            ),
            models.Commitment(
                "availability", "all", 99.9, "percent", "soft", "provider", "we aim for 99.9%", SRC
            ),
        ),
        (
            models.Evidence(
                "dedicated-account-manager", "soft", "a named contact may be assigned", SRC
            ),
        ),
    )


def overrides(tmp_path, body: str):
    path = tmp_path / "overrides.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_overrides(path)


CORRECT_P1 = """\
- vendor: northwind
  action: correct
  target: {category: response_time, scope: P1}
  value: 30
  note: Appendix B says 30 minutes
  analyst: jd
"""


def test_correct_changes_value_and_marks_the_record(tmp_path):
    entries = overrides(tmp_path, CORRECT_P1)
    original = extraction()
    new, applied = apply_overrides([original], entries)
    p1 = new[0].commitments[0]
    assert p1.value == 30.0 and "Appendix B" in p1.override and "(jd)" in p1.override
    assert original.commitments[0].value == 60  # the input is untouched
    assert "corrected value to 30" in applied[0] and "overrides.yaml:1" in applied[0]


def test_an_override_is_a_frozen_record_that_gives_back_its_entry(tmp_path):
    (entry,) = overrides(tmp_path, "# the analyst's file\n" + CORRECT_P1)
    assert entry.where == f"{tmp_path / 'overrides.yaml'}:2"
    assert entry.target == {"category": "response_time", "scope": "P1"}
    assert entry.as_entry() == {
        "vendor": "northwind",
        "action": "correct",
        "target": {"category": "response_time", "scope": "P1"},
        "note": "Appendix B says 30 minutes",
        "analyst": "jd",
        "value": 30,
    }
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.note = "changed"


def test_confirm_keeps_value_and_records_note(tmp_path):
    entries = overrides(
        tmp_path,
        """\
        - vendor: northwind
          action: confirm
          target: {quote: "aim for 99.9"}
          note: checked with the vendor
        """,
    )
    new, applied = apply_overrides([extraction()], entries)
    avail = new[0].commitments[1]
    assert avail.value == 99.9 and avail.strength == "soft"
    assert avail.override.startswith("confirm: checked")
    assert applied[0].startswith("northwind: confirmed 1 record")


def test_reject_removes_evidence(tmp_path):
    entries = overrides(
        tmp_path,
        """\
        - vendor: northwind
          action: reject
          target: {criterion: dedicated-account-manager}
          note: the contact is a sales rep, not an account manager
        """,
    )
    new, applied = apply_overrides([extraction()], entries)
    assert new[0].criteria_evidence == ()
    assert "rejected 1 record" in applied[0]


@pytest.mark.parametrize(
    "body,field,check",
    [
        (
            "category: rto\n  value: 240\n  unit: minute",
            "commitments",
            lambda r: (
                (r.category, r.value, r.strength, r.party) == ("rto", 240, "binding", "provider")
            ),
        ),
        (
            "criterion: exit-assistance\n  strength: binding",
            "criteria_evidence",
            lambda r: (
                r.criterion == "exit-assistance"
                and r.source.kind == "override"
                and r.source.page == 1
            ),
        ),
    ],
)
def test_add_creates_a_new_record_sourced_to_the_override_file(tmp_path, body, field, check):
    entries = overrides(
        tmp_path, f"- vendor: northwind\n  action: add\n  {body}\n  note: stated in the call\n"
    )
    new, applied = apply_overrides([extraction()], entries)
    added = getattr(new[0], field)[-1]
    assert check(added) and added.override
    assert applied[0].startswith("northwind: added")


@pytest.mark.parametrize(
    "body,message",
    [
        (
            "- vendor: northwind\n  action: correct\n  target: {category: response_time}\n  value: 5\n",
            "needs a `note`",
        ),
        (
            "- vendor: northwind\n  action: corect\n  target: {category: rto}\n  note: x\n",
            "did you mean 'correct'",
        ),
        ("- vendor: northwind\n  action: reject\n  note: x\n", "needs a `target`"),
        (
            "- vendor: northwind\n  action: add\n  category: responsetime\n  note: x\n",
            "did you mean 'response_time'",
        ),
        (
            "- vendor: northwind\n  action: confirm\n  target: {category: rto}\n  note: x\n  vaule: 3\n",
            "yaml:5: unknown key 'vaule'",
        ),
        (
            "- vendor: northwind\n  action: correct\n  target: {category: rto}\n  value: fast\n  note: x\n",
            "must be a number",
        ),
        (
            "- vendor: northwind\n  action: add\n  criterion: exit-asistance\n  note: x\n",
            "unknown criterion 'exit-asistance'; did you mean 'exit-assistance'",
        ),
        (
            "- vendor: northwind\n  action: add\n  category: rto\n  strength: firm\n  note: x\n",
            "strength 'firm' is not one of binding, soft, conditional, excluded",
        ),
        (
            "- vendor: northwind\n  action: add\n  category: rto\n  party: us\n  note: x\n",
            "party 'us' is not one of provider",
        ),
        ("- vendor: [unclosed\n", "not valid YAML"),
    ],
)
def test_invalid_override_file_names_file_and_line(tmp_path, body, message):
    with pytest.raises(InputError) as err:
        overrides(tmp_path, body)
    assert "overrides.yaml:" in str(err.value) and message in str(err.value)


@pytest.mark.parametrize(
    "body,message",
    [
        (
            "- vendor: northwnd\n  action: confirm\n  target: {category: rto}\n  note: x\n",
            "did you mean 'northwind'",
        ),
        (
            "- vendor: northwind\n  action: confirm\n  target: {category: rto}\n  note: x\n",
            "no commitment of northwind",
        ),
        (
            "\n- vendor: northwind\n  action: reject\n  target: {criterion: exit-assistance}\n  note: x\n",
            "no evidence",
        ),
    ],
)
def test_override_matching_nothing_is_an_error_with_line(tmp_path, body, message):
    entries = overrides(tmp_path, body)
    with pytest.raises(InputError) as err:
        apply_overrides([extraction()], entries)
    line = 2 if body.startswith("\n") else 1
    assert f"overrides.yaml:{line}" in str(err.value) and message in str(err.value)


def write_panel(tmp_path, text):
    path = tmp_path / "panel.csv"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_panel_median_and_disagreement(tmp_path):
    panel = load_panel(
        write_panel(
            tmp_path,
            """\
        evaluator,vendor,criterion,score
        ann,northwind,change-management,4
        bob,northwind,change-management,5
        cid,northwind,change-management,3
        ann,meridian,change-management,1
        bob,meridian,change-management,5
        """,
        )
    )
    nw = panel[("northwind", "change-management")]
    assert nw.median == pytest.approx(0.8) and nw.scores == (4.0, 5.0, 3.0) and not nw.disagreement
    md = panel[("meridian", "change-management")]
    assert md.median == pytest.approx(0.6) and md.disagreement  # spread 4 > 2 points
    assert manual_scores(panel) == {
        ("meridian", "change-management"): 0.6,
        ("northwind", "change-management"): 0.8,
    }


@pytest.mark.parametrize(
    "rows,message",
    [
        ("evaluator,vendor,score\nann,nw,3\n", ":1: the header needs"),
        (
            "evaluator,vendor,criterion,score\nann,nw,change-management,high\n",
            ":2: score 'high' is not a number",
        ),
        (
            "evaluator,vendor,criterion,score\nann,nw,change-management,4\nbob,nw,change-management,7\n",
            ":3: score 7",
        ),
        (
            "evaluator,vendor,criterion,score\nann,nw,change-managment,4\n",
            "did you mean 'change-management'",
        ),
        ("evaluator,vendor,criterion,score\nann,nw\n", ":2: expected 4 cells"),
    ],
)
def test_bad_panel_csv_names_file_and_line(tmp_path, rows, message):
    with pytest.raises(InputError) as err:
        load_panel(write_panel(tmp_path, rows))
    assert "panel.csv" in str(err.value) and message in str(err.value)
