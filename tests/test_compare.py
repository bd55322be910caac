"""Shortlisted vendors side by side, from the JSON a score run wrote."""

from __future__ import annotations

import csv
import io
import json

import pytest

from msp_select.errors import InputError
from msp_select.report import compare

SCORES = {
    "method": "TOPSIS",
    "criteria": [{"id": "p1-response", "objective": "min", "weight": 0.5, "title": "P1 response"}],
    "ranking": [
        {"vendor": "acme", "rank": 1, "score": 0.8, "eliminated": False},
        {"vendor": "=cmd|calc", "rank": 2, "score": 0.3, "eliminated": True},
    ],
    "verdicts": [
        {
            "vendor": "acme",
            "goal": "p1-response",
            "verdict": "meets",
            "value": 240,
            "unit": "minute",
        },
        {
            "vendor": "=cmd|calc",
            "goal": "p1-response",
            "verdict": "not_addressed",
            "value": None,
            "unit": "minute",
        },
    ],
    "team_fit": [
        {"vendor": "acme", "criterion": "exit-assistance", "score": 1.0},
        {"vendor": "=cmd|calc", "criterion": "exit-assistance", "score": 0.5, "manual": True},
    ],
}
COMMITMENTS = {
    "vendors": [
        {
            "vendor": "acme",
            "commitments": [
                {
                    "category": "price",
                    "scope": "per_user",
                    "value": 118,
                    "unit": "USD/month",
                    "strength": "binding",
                    "party": "provider",
                }
            ],
            "risk_flags": [{"flag": "clock-stop"}],
            "company": "Acme Managed IT Ltd",
        },
        {"vendor": "=cmd|calc", "commitments": [], "risk_flags": []},
    ]
}


def table() -> compare.Comparison:
    return compare.compare(SCORES, COMMITMENTS, ["acme", "=cmd|calc"])


def test_rows_say_values_in_words_and_mark_manual_scores():
    rows = {r.label: r.cells for r in table().rows}
    assert rows["company"] == ("Acme Managed IT Ltd", "-")  # from the proposal; none found
    assert rows["rank"] == ("1", "2 (eliminated)")
    assert rows["P1 response"] == ("meets (4 hours)", "not addressed")
    cells = next(r.cells for r in table().rows if r.section == "team fit")
    assert cells == ("1.00", "0.50 (manual)")
    assert next(r.cells for r in table().rows if r.section == "risk") == ("clock-stop", "none")
    assert next(r.cells for r in table().rows if r.section == "price") == ("USD 118/month", "-")


def test_csv_neutralises_formulas_from_vendor_names():
    rows = list(csv.reader(io.StringIO(compare.to_csv(table()))))
    assert rows[0][3] == "'=cmd|calc"


def test_json_and_markdown_hold_every_vendor():
    data = json.loads(compare.to_json(table()))
    assert data["vendors"] == ["acme", "=cmd|calc"]
    md = compare.to_markdown(table())
    assert md.count("\n|") >= len(table().rows)


@pytest.mark.parametrize(
    "names, hint", [(["acm"], "did you mean 'acme'"), ([], "name at least one vendor")]
)
def test_unknown_or_missing_vendor_is_an_input_error(names, hint):
    with pytest.raises(InputError, match=hint):
        compare.compare(SCORES, COMMITMENTS, names)
