"""The held-out phrasings corpus (tests/corpora/phrasings) stays in step with its sources.

The corpus measures extraction on text the project was not tuned on, so its truth must be
exactly what its generator writes from the sources: regenerating gives the same bytes.
Regenerate with `.venv/bin/python tests/corpora/phrasings/generate.py`.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from msp_select import criteria, models

CORPUS = Path(__file__).resolve().parent / "corpora" / "phrasings"
TRUTH = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))


def load_generator():
    spec = importlib.util.spec_from_file_location("phrasings_generate", CORPUS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_regeneration_is_byte_identical(tmp_path):
    pytest.importorskip("reportlab")
    load_generator().main(["--out", str(tmp_path)])
    shipped = sorted(p.relative_to(CORPUS) for p in (CORPUS / "proposals").rglob("*.pdf"))
    fresh = sorted(p.relative_to(tmp_path) for p in (tmp_path / "proposals").rglob("*.pdf"))
    assert fresh == shipped
    for rel in shipped + [Path("truth.json")]:
        assert (tmp_path / rel).read_bytes() == (CORPUS / rel).read_bytes(), (
            f"{rel} differs from a fresh run: run tests/corpora/phrasings/generate.py"
        )


def test_truth_uses_contract_names_and_every_vendor_has_documents():
    folders = {p.name for p in (CORPUS / "proposals").iterdir() if p.is_dir()}
    singles = {p.stem for p in (CORPUS / "proposals").glob("*.pdf")}
    assert folders | singles == set(TRUTH["vendors"])
    for vendor, entry in TRUTH["vendors"].items():
        assert set(entry["criteria"]) <= set(models.CRITERIA_IDS), vendor
        assert set(entry["risk_flags"]) <= set(models.RISK_FLAGS), vendor
        for c in entry["commitments"]:
            assert c["category"] in models.CATEGORIES and c["strength"] in models.STRENGTHS
            assert c["party"] in models.PARTIES and c["page"] >= 1
            assert ("file" in c) == (vendor in folders), (vendor, c)


def test_expected_decision_keeps_one_winner_and_puts_the_eliminated_last():
    ranking, eliminated = TRUTH["expected_ranking"], TRUTH["expected_eliminated"]
    assert sorted(ranking) == sorted(TRUTH["vendors"])
    assert ranking[0] not in eliminated
    assert set(ranking[len(ranking) - len(eliminated) :]) == set(eliminated)


def test_client_criteria_load_with_the_project_loader():
    loaded = criteria.load_criteria(CORPUS / "criteria")
    assert sum(g.must_have for g in loaded.goals) == 2
    assert 6 <= len(loaded.goals) <= 10 and 6 <= len(loaded.team_fit) <= 10
