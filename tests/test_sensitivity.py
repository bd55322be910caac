"""Robustness of the winner: perturbed weights, weight thresholds, method agreement, rank reversal."""

from __future__ import annotations

import json

import numpy as np
import pytest

from msp_select import models
from msp_select.decide import rank_matrix
from msp_select.decide.sensitivity import analyse, analyse_matrix, topsis_many

# Two vendors, each best on one criterion: TOPSIS closeness of `a` is exactly w1 / (w1 + w2),
# so `a` wins while the first criterion weighs more than 50%.
MIRROR = dict(
    matrix=[[1.0, 0.0], [0.0, 1.0]],
    objectives=["max", "max"],
    alternatives=["a", "b"],
    criteria=["speed", "price"],
)


def test_threshold_found_where_hand_calculation_puts_it():
    out = analyse_matrix(weights=[0.7, 0.3], samples=500, **MIRROR)
    assert out.winner == "a"
    speed, price = out.thresholds
    assert speed.down.weight == pytest.approx(0.5, abs=1e-3)
    assert speed.down.new_winner == "b"
    assert speed.up is None  # more weight on a's strength never hurts a
    assert price.up.weight == pytest.approx(0.5, abs=1e-3)
    assert price.down is None
    assert any('"price" weighs more than 50%' in s for s in out.sentences)


def test_probabilities_sum_to_one_and_favour_the_clear_winner():
    out = analyse_matrix(weights=[0.9, 0.1], samples=2000, **MIRROR)
    probs = out.shares()
    assert sum(probs.values()) == pytest.approx(1.0)
    assert probs["a"] > 0.99
    assert out.first_place[0].vendor == "a"


def test_no_samples_still_gives_the_thresholds_without_shares():
    out = analyse_matrix(weights=[0.7, 0.3], samples=0, **MIRROR)
    assert out.winner == "a" and out.samples == 0
    assert out.thresholds[0].down.new_winner == "b"
    assert not any("ranks first alone" in s for s in out.sentences)


def test_close_call_is_uncertain():
    out = analyse_matrix(weights=[0.52, 0.48], samples=4000, **MIRROR)
    probs = out.shares()
    assert 0.3 < probs["a"] < 0.8


def test_same_seed_gives_identical_json():
    args = dict(
        matrix=[[100, 5, 3], [120, 4, 4], [90, 3, 1], [130, 1, 2]],
        objectives=["min", "max", "max"],
        weights=[3, 2, 1],
        alternatives=["d", "b", "c", "a"],
        criteria=["price", "q", "r"],
        samples=3000,
    )
    first = json.dumps(analyse_matrix(seed=1, **args).to_json())
    assert first == json.dumps(analyse_matrix(seed=1, **args).to_json())


def test_vectorised_topsis_ranks_like_scikit_criteria():
    rng = np.random.default_rng(3)
    x = rng.uniform(1, 10, size=(6, 4))
    objectives = ["min", "max", "max", "min"]
    w = np.array([0.4, 0.3, 0.2, 0.1])
    names = [f"v{i}" for i in range(6)]
    cols = tuple(models.Column(f"c{j}", o, float(w[j]), "goal") for j, o in enumerate(objectives))
    ref = rank_matrix(x.tolist(), cols, names, "topsis")
    mine = topsis_many(x, [o == "max" for o in objectives], w[None, :])[0]
    assert [ref[n][1] for n in names] == pytest.approx(list(mine), abs=1e-9)


def test_method_agreement_and_rank_reversal_structure():
    out = analyse_matrix(
        [[100, 5, 3], [120, 4, 4], [90, 3, 1], [130, 1, 2]],
        ["min", "max", "max"],
        [3, 2, 1],
        ["a", "b", "c", "d"],
        ["price", "q", "r"],
        samples=200,
    )
    agreement = out.method_agreement
    methods = {m.method: m for m in agreement.methods}
    assert agreement.reference == "topsis"
    assert methods["topsis"].kendall_tau == 1.0
    assert "wsm" in methods and len(methods) >= 5
    for m in methods.values():
        assert sorted(m.ranking) == ["a", "b", "c", "d"]
        assert m.kendall_tau is None or -1.0 <= m.kendall_tau <= 1.0
    rr = out.rank_reversal
    assert rr["checked"] is True
    assert rr["invariance"]["tests"] >= 3 and isinstance(rr["invariance"]["holds"], bool)
    assert isinstance(rr["transitivity"]["holds"], bool)


def test_rank_reversal_skipped_for_two_vendors():
    out = analyse_matrix(weights=[0.7, 0.3], samples=100, **MIRROR)
    assert out.rank_reversal["checked"] is False


def test_analyse_decision_ignores_eliminated_and_fills_missing():
    cols = (models.Column("speed", "max", 0.7, "goal"), models.Column("price", "max", 0.3, "goal"))
    decision = models.Decision(
        method="TOPSIS",
        columns=cols,
        vendors=("a", "b", "z"),
        matrix=((1.0, 0.0), (0.0, 1.0), (None, 5.0)),
        ranking=(
            models.RankedVendor("a", 1, 0.7),
            models.RankedVendor("b", 2, 0.3),
            models.RankedVendor("z", 3, 0.9, eliminated=True),
        ),
        verdicts=(),
        team_fit=(),
    )
    out = analyse(decision, samples=300)
    assert out.vendors == ("a", "b")
    assert out.winner == "a"
    assert out.thresholds[0].down.weight == pytest.approx(0.5, abs=1e-3)
    assert json.loads(json.dumps(out.to_json()))["thresholds"][0]["down"]["new_winner"] == "b"


def test_single_survivor_has_nothing_to_compare():
    out = analyse_matrix([[1.0, 2.0]], ["max", "max"], [1, 1], ["only"], ["x", "y"], samples=10)
    assert "nothing to compare" in out.sentences[0]


# TOPSIS puts y first, the weighted product x: the analysis must follow the method used.
SPLIT = dict(
    matrix=[[3, 5], [7, 2], [1, 5]],
    objectives=["max", "max"],
    weights=[0.5, 0.5],
    alternatives=["x", "y", "z"],
    criteria=["speed", "price"],
)


def test_sensitivity_follows_the_ranking_method_with_a_stated_margin():
    topsis = analyse_matrix(samples=2000, **SPLIT)
    wpm = analyse_matrix(method="wpm", samples=5000, **SPLIT)
    assert topsis.winner == "y" and wpm.winner == "x"
    assert wpm.to_json()["weight_model"] == "Weighted product"
    assert wpm.samples == 1000 and wpm.margin == pytest.approx(0.031, abs=1e-3)
    assert "ranked with Weighted product; shares ±3 points" in wpm.sentences[0]
    assert wpm.sentences[0].startswith("x ranks first alone in")
    for t in wpm.thresholds:
        for change in (t.up, t.down):
            if change:
                assert change.new_winner != "x"
    # the first place of the method agrees with the weight analysis
    first = {r.method: r.winner for r in wpm.method_agreement.methods}
    assert first["wpm"] == "x" and first["topsis"] == "y"


def test_identical_vendors_are_reported_as_tied_not_as_a_sure_winner():
    out = analyse_matrix(
        matrix=[[5, 3], [5, 3], [1, 1]],
        objectives=["max", "max"],
        weights=[0.5, 0.5],
        alternatives=["b", "a", "c"],
        criteria=["q", "r"],
        samples=500,
    )
    assert out.tied_first == ("a", "b")
    assert out.tie_share == 1.0
    assert all(p.probability == 0 for p in out.first_place)
    assert "a and b are tied for first" in out.sentences[0]
    assert not any("first alone in 100%" in s for s in out.sentences)
    assert "12 of 12 ranking methods put a and b level first." in out.sentences
    assert all(t.up is None and t.down is None for t in out.thresholds)


def test_no_impossible_percentages_and_goal_titles_in_sentences():
    # b is better on r by a hair: it could only win with r at (nearly) 100% of the weight
    out = analyse_matrix(
        matrix=[[9, 1.0], [1, 1.001]],
        objectives=["max", "max"],
        weights=[0.5, 0.5],
        alternatives=["a", "b"],
        criteria=["q", "r"],
        samples=200,
        titles={"q": "Quick response", "r": "Reliable uptime"},
    )
    text = " ".join(out.sentences)
    assert out.thresholds[1].up is None and out.thresholds[0].down is None
    assert "than 100%" not in text and "than 0%" not in text
    assert "No single reweighting changes the winner" in text
    out = analyse_matrix(weights=[0.7, 0.3], samples=200, titles={"price": "Price"}, **MIRROR)
    assert any('"Price" weighs more than 50%' in s for s in out.sentences)


def test_rank_reversal_findings_are_sentences():
    out = analyse_matrix(
        matrix=[[100, 5, 3], [120, 4, 4], [90, 3, 1], [130, 1, 2]],
        objectives=["min", "max", "max"],
        weights=[3, 2, 1],
        alternatives=["d", "b", "c", "a"],
        criteria=["price", "q", "r"],
        samples=300,
    )
    rr = out.rank_reversal
    assert rr["checked"]
    text = " ".join(out.sentences)
    assert "Rank reversal" in text or "Rank-reversal" in text
    if rr["transitivity"].get("holds") is False:
        assert "transitivity check failed" in text
    else:
        assert "transitivity holds" in text


def test_transitivity_runs_when_two_vendors_share_a_zero_column():
    # b and c both score 0 on r: a pair-wise TOPSIS on (b, c) must not divide 0 by 0
    out = analyse_matrix(
        matrix=[[9, 1, 9], [5, 0, 5], [3, 0, 3]],
        objectives=["max", "max", "max"],
        weights=[1, 1, 1],
        alternatives=["a", "b", "c"],
        criteria=["q", "r", "s"],
        samples=100,
    )
    assert out.rank_reversal["transitivity"] == {"holds": True}
    assert "transitivity holds" in " ".join(out.sentences)
