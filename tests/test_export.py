"""Spreadsheet exports: every commitment present, formulas neutralised, reproducible bytes."""

from __future__ import annotations

import csv
import time

import openpyxl
import pytest

from msp_select.report.export import write_csv, write_xlsx
from tests.report_fixtures import build

SHEETS = ["decision_matrix", "verdicts", "team_fit", "commitments", "evidence", "risk_flags"]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "decision.xlsx"
    write_xlsx(path, *build(), date="2026-11-24")
    return path


def test_workbook_holds_every_commitment_with_its_source(workbook):
    ex, _, _ = build()
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == SHEETS
    rows = list(wb["commitments"].iter_rows(min_row=2, values_only=True))
    expected = [
        (e.vendor, c.quote, c.source.file, c.source.page, c.strength, c.party)
        for e in ex
        for c in e.commitments
    ]
    assert [(r[0], r[7], r[8], r[9], r[5], r[6]) for r in rows] == expected


def test_vendor_formulas_stay_text(workbook):
    wb = openpyxl.load_workbook(workbook)
    cells = [
        c
        for row in wb["commitments"].iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str) and c.value[:1] in "=-"
    ]
    assert {c.value for c in cells} >= {'=HYPERLINK("http://x") monthly fee USD 11,000'}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    flags = [c.value for row in wb["risk_flags"].iter_rows(min_row=2) for c in row]
    assert "The SLA clock stops while we await @client input" in flags


def test_eliminated_and_matrix_values_are_numbers(workbook):
    ws = openpyxl.load_workbook(workbook)["decision_matrix"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["acme"][1:5] == (1, 0.81, False, 15)
    assert rows["core"][3] is True and rows["core"][4] is None


def test_same_date_gives_identical_workbook_bytes(workbook, tmp_path):
    time.sleep(2.1)  # zip entry times have two-second resolution; the clock must not leak in
    again = write_xlsx(tmp_path / "again.xlsx", *build(), date="2026-11-24")
    assert again.read_bytes() == workbook.read_bytes()
    props = openpyxl.load_workbook(again).properties
    assert props.created.isoformat() == props.modified.isoformat() == "2026-11-24T00:00:00"


def test_other_date_changes_the_stamp(workbook, tmp_path):
    other = write_xlsx(tmp_path / "other.xlsx", *build(), date="2026-12-01")
    assert other.read_bytes() != workbook.read_bytes()


def test_csv_tables_match_the_workbook_and_neutralise_formulas(tmp_path):
    paths = write_csv(tmp_path, *build())
    assert [p.stem for p in paths] == SHEETS
    with (tmp_path / "commitments.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 5
    quotes = [r["quote"] for r in rows]
    assert '\'=HYPERLINK("http://x") monthly fee USD 11,000' in quotes
    assert "'-2+3 USD 9,000 per month subject to a 36-month term" in quotes
    assert "Priority 1: we aim to respond within {{ 7*7 }} minutes | typically" in quotes
    assert rows[2]["value"] == ""  # a missing value is empty, not "None"


def test_goal_and_team_fit_rows_carry_file_page_quote_overrides_and_panel(tmp_path):
    from dataclasses import replace

    ex, cr, de = build()
    panel = replace(de.team_fit[2], panel=(("ann", 4.0), ("bob", 1.0)))
    de = replace(de, team_fit=(*de.team_fit[:2], panel))
    write_csv(tmp_path, ex, cr, de)
    with (tmp_path / "verdicts.csv").open(newline="", encoding="utf-8") as fh:
        verdicts = {(r["vendor"], r["goal"]): r for r in csv.DictReader(fh)}
    p1 = verdicts[("acme", "p1-response")]
    assert (p1["file"], p1["page"], p1["kind"]) == ("acme.pdf", "4", "table")
    assert p1["quote"].startswith("Priority 1: we respond within 15 minutes")
    assert verdicts[("core", "p1-response")]["file"] == ""  # nothing found: no source invented
    assert verdicts[("<script>alert(1)</script>", "budget")]["override"].startswith("analyst")
    with (tmp_path / "team_fit.csv").open(newline="", encoding="utf-8") as fh:
        team = {r["vendor"]: r for r in csv.DictReader(fh)}
    assert (team["acme"]["file"], team["acme"]["page"]) == ("acme.pdf", "7")
    assert team["core"]["panel_scores"] == "ann 4, bob 1" and team["core"]["panel_spread"] == "3.0"
