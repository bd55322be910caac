"""The held-out phrasings corpora (tests/corpora/phrasings, phrasings2 ... phrasingsN) stay in
step with their sources.

The corpora measure extraction on text the project was not tuned on, so each truth must be
exactly what the generator writes from the sources: regenerating gives the same bytes.
Regenerate with `.venv/bin/python tests/corpora/phrasings/generate.py [tests/corpora/phrasingsN]`.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from msp_select import criteria, models

CORPORA = Path(__file__).resolve().parent / "corpora"
GENERATOR = CORPORA / "phrasings" / "generate.py"
# every corpus the generator writes, so a newly registered one is checked too
NAMES = sorted(
    (p.name for p in CORPORA.glob("phrasings*") if (p / "source").is_dir()),
    key=lambda name: int(name[len("phrasings") :] or 1),
)


def truth_of(name: str) -> dict:
    return json.loads((CORPORA / name / "truth.json").read_text(encoding="utf-8"))


@functools.cache
def load_generator():
    spec = importlib.util.spec_from_file_location("phrasings_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", NAMES)
def test_regeneration_is_byte_identical(name, tmp_path):
    pytest.importorskip("reportlab")
    corpus = CORPORA / name
    load_generator().main([str(corpus), "--out", str(tmp_path)])
    shipped = sorted(p.relative_to(corpus) for p in (corpus / "proposals").rglob("*.pdf"))
    fresh = sorted(p.relative_to(tmp_path) for p in (tmp_path / "proposals").rglob("*.pdf"))
    assert fresh == shipped
    for rel in shipped + [Path("truth.json")]:
        assert (tmp_path / rel).read_bytes() == (corpus / rel).read_bytes(), (
            f"{name}/{rel} differs from a fresh run: run tests/corpora/phrasings/generate.py"
        )


@pytest.mark.parametrize("name", NAMES)
def test_truth_uses_contract_names_and_every_vendor_has_documents(name):
    corpus, truth = CORPORA / name, truth_of(name)
    folders = {p.name for p in (corpus / "proposals").iterdir() if p.is_dir()}
    singles = {p.stem for p in (corpus / "proposals").glob("*.pdf")}
    assert folders | singles == set(truth["vendors"])
    for vendor, entry in truth["vendors"].items():
        assert set(entry["criteria"]) <= set(models.CRITERIA_IDS), vendor
        assert set(entry["risk_flags"]) <= set(models.RISK_FLAGS), vendor
        for c in entry["commitments"]:
            assert c["category"] in models.CATEGORIES and c["strength"] in models.STRENGTHS
            assert c["party"] in models.PARTIES and c["page"] >= 1
            assert ("file" in c) == (vendor in folders), (vendor, c)


@pytest.mark.parametrize("name", NAMES)
def test_expected_decision_keeps_one_winner_and_puts_the_eliminated_last(name):
    truth = truth_of(name)
    ranking, eliminated = truth["expected_ranking"], truth["expected_eliminated"]
    assert sorted(ranking) == sorted(truth["vendors"])
    assert ranking[0] not in eliminated
    assert set(ranking[len(ranking) - len(eliminated) :]) == set(eliminated)


@pytest.mark.parametrize("name", NAMES)
def test_client_criteria_load_with_the_project_loader(name):
    loaded = criteria.load_criteria(CORPORA / name / "criteria")
    assert sum(g.must_have for g in loaded.goals) == 2
    assert 6 <= len(loaded.goals) <= 12 and 6 <= len(loaded.team_fit) <= 12


# --- the generator's own checks, which keep the truth honest ----------------------------------

GOAL = {"id": "p1", "category": "response_time", "scope": "P1"}
GOAL["target"] = {"op": "<=", "value": 30, "unit": "minute"}


def _c(value, strength="binding", **kw):
    base = {"category": "response_time", "scope": "P1", "unit": "minute", "party": "provider"}
    return dict(base, value=value, strength=strength, **kw)


@pytest.mark.parametrize(
    "commitments,missed",
    [
        ([], False),  # silence is a question, not a miss (contract 1.5)
        ([_c(15)], False),
        ([_c(60)], True),
        ([_c(15, "soft")], True),  # only an aim
        ([_c(None, "excluded")], True),
        ([_c(60), _c(20)], False),  # the best binding value decides
        ([_c(15, party="client")], False),  # the client's duty says nothing about the provider
    ],
)
def test_must_have_rule_of_the_expected_decision(commitments, missed):
    gen = load_generator()
    assert gen.misses(commitments, GOAL, None) is missed


def test_a_one_tier_reading_keeps_that_tier_and_the_untiered_values():
    gen = load_generator()
    tiers = [_c(60, tier="Basic"), _c(20, tier="Plus"), _c(45)]
    assert gen.goal_value(tiers, GOAL, None) == 20  # pooled: the best binding value
    assert gen.goal_value(tiers, GOAL, "Basic") == 45
    assert gen.misses(tiers[:2], GOAL, "Basic") and not gen.misses(tiers[:2], GOAL, "Plus")


def test_a_proposed_tier_is_the_only_tier_a_reading_takes():
    gen = load_generator()
    offer = [_c(60, tier="Basic"), _c(20, tier="Plus")]  # Basic alone would miss the 30-minute goal
    other = [_c(25)]
    criteria = {"goals": [dict(GOAL, weight=1, must_have=True)], "team_fit": []}
    vendors = {"a": {"commitments": offer, "criteria": [], "proposed_tier": "Plus"}}
    vendors["b"] = {"commitments": other, "criteria": []}
    assert gen.expected_decision(vendors, criteria)["expected_eliminated"] == []
    del vendors["a"]["proposed_tier"]  # then reading it at Basic eliminates it: not robust
    with pytest.raises(SystemExit, match="fragile"):
        gen.expected_decision(vendors, criteria)


def test_plain_topsis_prefers_the_vendor_closer_to_the_ideal():
    import numpy as np

    topsis = load_generator().topsis
    s = topsis(np.array([[10.0, 1.0], [20.0, 0.0], [15.0, 1.0]]), np.array([0.5, 0.5]),
               np.array([False, True]))  # fmt: skip
    assert s[0] == pytest.approx(1.0) and s[1] == pytest.approx(0.0) and s[0] > s[2] > s[1]


@pytest.mark.parametrize(
    "find,value,ok",
    [
        ("ninety-nine point nine five percent", 99.95, True),
        ("within three business days", 1440, True),
        ("forty-five days' notice", 45, True),
        (["Severity 1", "15", "4"], 240, True),
        ("inside of six weeks", 42, True),
        ("inside of six weeks", 45, False),
        ("on one hundred and twenty days' written notice", 120, True),
        ("within thirty (30) minutes", 30, True),
        ("within a fortnight of release", 14, True),
        (["Severity 1", "15"], 16, False),
        (["Hosted WMS", "99,9 %"], 99.9, True),  # a decimal comma
        (["Hosted WMS", "99,9 %"], 99.5, False),
        (["per device per year", "1.236,00"], 103, True),  # a yearly fee is a twelfth a month
        ("Availability: three nines", 99.9, True),
        ("P4 (requests and questions): a working day", 480, True),
        (["Platform availability", "four nines"], 99.99, True),
        ("P3 Medium - response same business day", 480, True),
        ("A: ½ hour", 30, True),  # a vulgar fraction
        ("D: NBD", 480, True),
        ("Once-off onboarding fee R 85 000", 85000, True),  # a thousands space after the rand sign
        (["KD-101", "5 520.00"], 460, True),  # a spreadsheet cell, yearly
        ("Impact 2 Respond: 2 h 85 000", 85000, False),  # no currency sign, no decimals
        ("A bi-annual strategic review", 180, True),
        ("P3 same day", 480, True),  # phrasings7
        ("P3 same day", 960, False),
        ("Prio 4 next working day", 480, True),  # phrasings10
        (["Setup and onboarding", "€ 1.450,- one-off"], 1450, True),  # a thousands dot, no cents
        (["Monitoring", "EUR 4.800 per year"], 400, True),
        ("High: 1,5 hours", 90, True),
        ("a service review twice a year", 180, True),
        ("a service review twice a year", 12, False),
        (["Urgent", "a quarter of an hour"], 15, True),  # phrasings11
        (["Urgent", "a quarter of an hour"], 60, False),
    ],
)
def test_an_annotated_value_must_follow_from_its_phrase(find, value, ok):
    gen = load_generator()
    c = {"find": find, "value": value}
    if ok:
        gen.check_value_shown(c, "here")
    else:
        with pytest.raises(AssertionError):
            gen.check_value_shown(c, "here")


def test_table_annotations_match_tokens_on_one_line_in_order():
    on_page = load_generator().on_page
    views = [["Severity 1 A clinic cannot work 15 4", "Severity 2 One team 30 8"]]
    assert on_page(views, ["Severity 1", "15", "4"])
    assert not on_page(views, ["Severity 1", "30"])  # 30 is on another row
    assert not on_page(views, ["Severity 1", "5"])  # a token is a whole number, not a digit of 15
    assert on_page(views, "cannot work 15 4 Severity 2")  # a phrase may run over lines
