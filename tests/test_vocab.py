"""The vocabulary typed once: strengths and categories, and the copies that must agree with it."""

from __future__ import annotations

import json

import pytest

from msp_select import models, units, vocab
from msp_select.extract import evidence, strength
from msp_select.report.wording import label
from msp_select.vocab import CATEGORIES, Strength, currency_code

UNITS_OF_KIND = {
    "time": {"minute", "day", "month"},
    "cadence": {"day"},
    "percent": {"percent"},
    "cover": {""},
    "money": {""},
}


def test_a_strength_writes_as_its_plain_word():
    assert json.dumps({"strength": Strength.SOFT}) == '{"strength": "soft"}'
    assert f"{Strength.CONDITIONAL}" == "conditional" == str(Strength.CONDITIONAL)
    assert Strength("excluded") is Strength.EXCLUDED and Strength.BINDING == "binding"
    assert models.STRENGTHS == ("binding", "soft", "conditional", "excluded")


@pytest.mark.parametrize("order", [vocab.MOST_CAUTIOUS_FIRST, vocab.STRONGEST_FIRST])
def test_each_strength_order_names_every_strength_once(order):
    assert sorted(order) == sorted(Strength)


def test_the_extractors_orders_agree_with_the_vocabulary():
    assert tuple(strength.PRECEDENCE) == vocab.MOST_CAUTIOUS_FIRST
    assert sorted(evidence.RANK, key=evidence.RANK.get) == list(vocab.STRONGEST_FIRST)


@pytest.mark.parametrize("category", CATEGORIES.values(), ids=lambda c: c.id)
def test_every_category_is_described_whole(category):
    assert category.label.strip()
    assert category.unit in UNITS_OF_KIND[category.kind]
    assert category.scopes and len(set(category.scopes)) == len(category.scopes)
    if category.kind == "money":
        assert {scope for scope, _ in category.periods} == set(category.scopes)
    assert label("categories", category.id) == category.label


def test_priorities_scope_only_response_and_resolution():
    assert {c.id for c in CATEGORIES.values() if c.scoped} == {"response_time", "resolution_time"}
    assert CATEGORIES["price"].period("hourly") == "hour"
    assert CATEGORIES["price"].period("onboarding") == ""
    assert CATEGORIES["price"].period("per_moon") is None


def test_contract_units_and_ids_come_from_the_categories():
    assert models.CATEGORIES == tuple(CATEGORIES)
    assert units.CONTRACT_UNITS == {
        c.id: c.unit for c in CATEGORIES.values() if c.kind not in ("cover", "money")
    }
    assert units.SUPPORT_UNITS == ("24x7", "business_hours")


def test_the_extractors_unit_table_agrees_with_the_categories():
    from msp_select import extract

    assert extract.UNIT == units.CONTRACT_UNITS
    assert set(extract.TERMS) == {c.id for c in CATEGORIES.values() if c.term}


@pytest.mark.parametrize(
    "written, code",
    [("€", "EUR"), ("£", "GBP"), ("US$", "USD"), ("NZ$", "NZD"), ("euros", "EUR"), ("nzd", "NZD")],
)
def test_a_currency_as_written_has_one_code(written, code):
    assert currency_code(written) == code


def test_a_bare_dollar_waits_for_the_documents_currency():
    assert currency_code("$") == "$"
