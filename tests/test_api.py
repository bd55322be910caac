"""The library API a Python user calls: every command is one function, and works without click."""

from __future__ import annotations

import json

import pytest

from msp_select import api
from msp_select.errors import InputError
from msp_select.extract import extract_vendor
from msp_select.io import commitments_json


def test_init_writes_a_starter_folder_that_checks_clean(tmp_path):
    written = api.init(tmp_path / "crit")
    assert written and all(p.is_file() and p.parent == tmp_path / "crit" for p in written)
    assert api.check_criteria(tmp_path / "crit") == []


def test_check_criteria_names_the_file_and_line_of_each_problem(tmp_path):
    written = api.init(tmp_path / "crit")
    goals = next(p for p in written if p.name == "goals.yaml")
    goals.write_text(goals.read_text(encoding="utf-8") + "\nnonsense: [\n", encoding="utf-8")
    problems = api.check_criteria(tmp_path / "crit")
    assert problems and all("goals.yaml:" in p for p in problems)


def test_rank_orders_a_hand_scored_matrix(tmp_path):
    matrix = tmp_path / "m.csv"
    matrix.write_text("vendor,price,quality\ncheap,100,3\ndear,200,3\n", encoding="utf-8")
    result = api.rank(matrix, "min,max", "1,1", samples=50)
    assert [r["alternative"] for r in result.to_json()["ranking"]] == ["cheap", "dear"]


def test_compare_renders_two_vendors_of_a_score_run(tmp_path, text_pdf):
    proposals = tmp_path / "proposals"
    proposals.mkdir()
    text_pdf("proposals/acme.pdf", [["Acme will respond to P1 incidents within 15 minutes."]])
    text_pdf("proposals/bravo.pdf", [["We aim to respond to P1 incidents within 2 hours."]])
    api.init(tmp_path / "crit")
    options = api.ReadOptions(use_cache=False, jobs=1)
    api.score(proposals, tmp_path / "crit", tmp_path / "out", options, api.ScoreOptions(samples=0))

    table = json.loads(api.compare(["acme", "bravo"], tmp_path / "out", "json"))
    assert "acme" in json.dumps(table) and "bravo" in json.dumps(table)
    with pytest.raises(InputError, match="scores.json: not found"):
        api.compare(["acme", "bravo"], tmp_path / "nowhere")


def test_commitments_json_keeps_the_contract_fields_in_order(document):
    found = extract_vendor("acme", [document("Acme will respond to P1 calls within 15 minutes.")])
    vendor = commitments_json([found])["vendors"][0]
    contract = ["vendor", "documents", "commitments", "criteria_evidence", "risk_flags"]
    assert list(vendor) == [*contract, "company"]  # the project's addition comes last
    first = vendor["commitments"][0]
    assert list(first)[:7] == ["category", "scope", "value", "unit", "strength", "party", "quote"]
    assert (first["category"], first["value"], first["unit"]) == ("response_time", 15, "minute")


@pytest.mark.parametrize(
    "paragraphs, rows, currency, expected",
    [
        # "Rs." means the rupee the client compares prices in, in text and in a column header
        (["Support costs Rs. 1,850 per device per month."], [], "PKR", "PKR/month"),
        ([], [("Managed device, per month", "1,850")], "PKR", "PKR/month"),
        (["Support costs Rs. 1,850 per device per month."], [], "LKR", "LKR/month"),
        # no client currency, or one the sign cannot mean: the sign's own code
        (["Support costs Rs. 1,850 per device per month."], [], "", "INR/month"),
        ([], [("Managed device, per month", "1,850")], "USD", "INR/month"),
        # the document's own declaration comes first
        (
            [
                "All prices are in Sri Lankan rupees (LKR).",
                "Support costs Rs. 1,850 per device per month.",
            ],
            [],
            "PKR",
            "LKR/month",
        ),
    ],
)
def test_a_sign_several_currencies_write_follows_the_clients_currency(
    paragraphs, rows, currency, expected
):
    from tests.extract_helpers import document, table

    tables = (table(("Item", "Price (Rs.)"), rows),) if rows else ()
    found = extract_vendor("acme", [document(*paragraphs, tables=tables)], currency=currency)
    prices = [c for c in found.commitments if c.category == "price"]
    assert [(c.value, c.unit) for c in prices] == [(1850, expected)]


def test_the_clients_currency_comes_from_its_price_goals_and_keys_the_cache(tmp_path, text_pdf):
    """Criteria priced in PKR read "Rs." as PKR; criteria priced in INR, run over the same
    cache, read it again as INR rather than serving the PKR reading back."""
    proposals = tmp_path / "proposals"
    proposals.mkdir()
    text_pdf("proposals/acme.pdf", [["Support costs Rs. 1,850 per managed device per month."]])
    options = api.ReadOptions(cache_dir=str(tmp_path / "cache"), jobs=1)
    units = []
    for code in ("PKR", "INR"):
        crit = tmp_path / f"crit-{code}"
        crit.mkdir()
        (crit / "client.yaml").write_text(
            "goals:\n  - id: fee\n    title: Fee per device\n    category: price\n"
            "    scope: per_device\n"
            f"    target: {{op: '<=', value: 2000, unit: {code}/month}}\n    weight: 1\n",
            encoding="utf-8",
        )
        out = tmp_path / f"out-{code}"
        api.score(proposals, crit, out, options, api.ScoreOptions(samples=0, formats=()))
        vendor = json.loads((out / "commitments.json").read_text(encoding="utf-8"))["vendors"][0]
        units += [c["unit"] for c in vendor["commitments"] if c["category"] == "price"]
    assert units == ["PKR/month", "INR/month"]
