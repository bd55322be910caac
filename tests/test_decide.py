"""Verdicts, team-fit scores, must-have elimination, ranking methods and scores.json."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest

from msp_select import models
from msp_select.decide import (
    METHODS,
    decide,
    rank_matrix,
    team_fit_score,
    verdict_for,
)
from msp_select.io import decision_to_json

SRC = models.Source("v.pdf", 3, "text")


def c(
    category="response_time",
    scope="P1",
    value=15,
    unit="minute",
    strength="binding",
    party="provider",
    page=3,
):
    return models.Commitment(
        category, scope, value, unit, strength, party, "quote", models.Source("v.pdf", page, "text")
    )


def vendor(name="v", commitments=(), evidence=(), flags=()):
    return models.VendorExtraction(
        name,
        (),
        tuple(commitments),
        tuple(models.Evidence(crit, strength, "quote", SRC) for crit, strength in evidence),
        tuple(models.RiskFlag(f, "quote", SRC) for f in flags),
    )


def goal(
    id="p1",
    category="response_time",
    scope="P1",
    op="<=",
    value=30.0,
    unit="minute",
    weight=1.0,
    must_have=False,
):
    return models.Goal(id, id, category, scope, op, value, unit, weight, must_have)


@pytest.mark.parametrize(
    "commitments,verdict,value",
    [
        ([c(value=15)], "meets", 15),
        ([c(value=60)], "misses", 60),
        ([c(value=30)], "meets", 30),  # the bound itself meets
        ([c(value=15, strength="soft")], "partial", 15),
        ([c(value=15, strength="conditional")], "partial", 15),
        ([c(value=60, strength="soft")], "misses", 60),
        ([c(value=None, strength="excluded")], "not_addressed", None),
        ([c(value=15, party="client")], "not_addressed", None),  # the client's duty is no promise
        ([c(scope="P2", value=15)], "not_addressed", None),
        ([c(category="resolution_time", value=15)], "not_addressed", None),
        ([], "not_addressed", None),
        ([c(value=60), c(value=20, page=9)], "meets", 20),  # best binding value decides
        (
            [c(value=60), c(value=10, strength="soft")],
            "misses",
            60,
        ),  # a soft promise does not rescue a binding miss
        ([c(scope="all", value=20)], "meets", 20),  # "all priorities" stands in for P1
        ([c(scope="all", value=10), c(value=60)], "misses", 60),  # ... but not when P1 has its own
    ],
)
def test_verdict_rules(commitments, verdict, value):
    v = verdict_for(vendor(commitments=commitments), goal())
    assert (v.verdict, v.value) == (verdict, value)
    assert v.reason


def test_reason_names_the_value_used_among_several():
    v = verdict_for(vendor(commitments=[c(value=60), c(value=20, page=9)]), goal())
    assert "20 minutes (binding, v.pdf p.9)" in v.reason
    assert "best of 2" in v.reason


def test_excluded_reason_says_so():
    v = verdict_for(vendor(commitments=[c(value=None, strength="excluded")]), goal())
    assert "explicitly excludes" in v.reason


@pytest.mark.parametrize(
    "op,target,values,verdict,value",
    [
        (">=", 99.9, [99.5, 99.95], "meets", 99.95),
        (">=", 99.9, [99.5], "misses", 99.5),
    ],
)
def test_at_least_goals_use_the_highest_value(op, target, values, verdict, value):
    g = goal(category="availability", scope="all", op=op, value=target, unit="percent")
    v = verdict_for(vendor(commitments=[c("availability", "all", x, "percent") for x in values]), g)
    assert (v.verdict, v.value) == (verdict, value)


@pytest.mark.parametrize(
    "unit,strength,verdict",
    [
        ("24x7", "binding", "meets"),
        ("24x7", "soft", "partial"),
        ("business_hours", "binding", "misses"),
    ],
)
def test_support_hours(unit, strength, verdict):
    g = goal(category="support_hours", scope="helpdesk", op="==", value=None, unit="24x7")
    v = verdict_for(vendor(commitments=[c("support_hours", "helpdesk", None, unit, strength)]), g)
    assert v.verdict == verdict


def test_price_goal_only_takes_its_own_currency_and_period():
    g = goal(category="price", scope="per_user", value=125, unit="USD/month")
    v = verdict_for(
        vendor(
            commitments=[
                c("price", "per_user", 90, "EUR/month"),
                c("price", "per_user", 150, "USD/month"),
            ]
        ),
        g,
    )
    assert (v.verdict, v.value) == ("misses", 150)


@pytest.mark.parametrize(
    "evidence,flags,score",
    [
        ([], [], 0.0),
        ([("control-retention", "soft")], [], 0.5),
        ([("control-retention", "binding")], [], 1.0),
        ([("control-retention", "soft"), ("control-retention", "binding")], [], 1.0),
        ([("control-retention", "binding")], ["vendor-holds-keys"], 0.75),
        ([("control-retention", "binding")], ["clock-stop"], 1.0),  # unrelated flag
        ([], ["vendor-holds-keys"], 0.0),  # never below 0
    ],
)
def test_team_fit_score(evidence, flags, score):
    assert (
        team_fit_score(vendor(evidence=evidence, flags=flags), "control-retention").score == score
    )


def test_manual_score_replaces_evidence_and_flags_disagreement():
    s = team_fit_score(
        vendor(evidence=[("flexibility", "binding")]), "flexibility", manual=0.2, note="panel"
    )
    assert (s.score, s.basis, s.manual, s.disagreement) == (0.2, "manual", True, True)
    with pytest.raises(ValueError):
        team_fit_score(vendor(), "flexibility", manual=2)


def criteria(goals, team=()):
    return models.Criteria(tuple(goals), tuple(models.TeamFitCriterion(t, w) for t, w in team))


def test_must_have_miss_eliminates_and_ranks_last():
    crit = criteria(
        [goal(must_have=True, weight=0.5), goal("rto", "rto", "all", value=240, weight=0.5)]
    )
    vendors = [
        # best on everything else but misses the must-have
        vendor("alpha", [c(value=45), c("rto", "all", 10)]),
        vendor("bravo", [c(value=20), c("rto", "all", 200)]),
        vendor("charlie", [c(value=25), c("rto", "all", 100)]),
        vendor("delta", [c(value=30, strength="soft"), c("rto", "all", 300)]),
    ]
    d = decide(vendors, crit)
    assert [r.vendor for r in d.ranking] == ["charlie", "bravo", "alpha", "delta"]
    assert [r.rank for r in d.ranking] == [1, 2, 3, 4]
    assert [r.eliminated for r in d.ranking] == [False, False, True, True]
    assert d.ranking[2].reasons == (
        "misses must-have p1: 45 minutes (binding, v.pdf p.3) misses <= 30 minutes",  # no title
    )
    assert d.ranking[3].reasons[0].startswith("only partly meets must-have p1: 30 minutes (soft")


def test_silent_must_have_keeps_the_vendor_ranked_with_reasons():
    crit = criteria(
        [goal(must_have=True, weight=0.5), goal("rto", "rto", "all", value=240, weight=0.5)]
    )
    vendors = [
        vendor("quiet", [c("rto", "all", 10)]),  # best RTO, says nothing about P1
        vendor("loud", [c(value=20), c("rto", "all", 200)]),
        vendor("late", [c(value=45), c("rto", "all", 100)]),
    ]
    d = decide(vendors, crit)
    by = {r.vendor: r for r in d.ranking}
    assert not by["quiet"].eliminated and by["quiet"].status == "unconfirmed must-have"
    assert by["quiet"].unconfirmed == ("p1",)
    assert "confirm before award" in by["quiet"].reasons[0]
    assert by["late"].eliminated and by["late"].rank == 3
    assert by["loud"].status == "in the running"
    data = decision_to_json(d)
    quiet = next(r for r in data["ranking"] if r["vendor"] == "quiet")
    assert quiet["eliminated"] is False and quiet["unconfirmed"] == ["p1"] and quiet["reasons"]


@pytest.mark.parametrize(
    "absent,value,start",
    [
        ("eliminate", None, 'does not address must-have "P1 answered fast" (p1)'),
        ("confirm", None, 'unconfirmed must-have "P1 answered fast" (p1)'),
        ("confirm", 45, 'misses must-have "P1 answered fast" (p1): 45 minutes'),
    ],
)
def test_must_have_reasons_name_the_goal_by_its_title(absent, value, start):
    g = dataclasses.replace(goal(must_have=True), title="P1 answered fast")
    quiet = vendor("quiet", [c(value=value)] if value else [])
    d = decide([quiet, vendor("loud", [c(value=20)])], criteria([g]), absent=absent)
    reasons = next(r.reasons for r in d.ranking if r.vendor == "quiet")
    assert reasons[0].startswith(start), reasons


def test_absent_must_have_eliminate_keeps_the_strict_rule():
    crit = criteria([goal(must_have=True)])
    d = decide([vendor("quiet"), vendor("loud", [c(value=20)])], crit, absent="eliminate")
    assert [(r.vendor, r.eliminated) for r in d.ranking] == [("loud", False), ("quiet", True)]
    assert d.ranking[1].reasons[0].startswith("does not address must-have p1")


def test_explicitly_excluded_must_have_eliminates():
    crit = criteria([goal(must_have=True)])
    d = decide([vendor("x", [c(value=None, strength="excluded")]), vendor("y", [c()])], crit)
    assert d.ranking[1].vendor == "x" and d.ranking[1].eliminated
    assert d.ranking[1].reasons[0].startswith("excludes must-have p1")


def test_unknown_absent_rule_is_an_input_error():
    from msp_select.errors import InputError

    with pytest.raises(InputError, match="confirm or eliminate"):
        decide([vendor("a")], criteria([goal()]), absent="maybe")


@pytest.mark.parametrize("method", ["topsis", "wsm", "vikor"])
def test_exact_ties_share_a_rank_and_name_each_other(method):
    crit = criteria([goal(weight=0.5), goal("rto", "rto", "all", value=240, weight=0.5)])
    same = [c(value=20), c("rto", "all", 100)]
    d = decide(
        [vendor("b", same), vendor("a", same), vendor("c", [c(value=30), c("rto", "all", 200)])],
        crit,
        method=method,
    )
    assert [(r.vendor, r.rank, r.tied_with) for r in d.ranking] == [
        ("a", 1, ("b",)),
        ("b", 1, ("a",)),
        ("c", 3, ()),
    ]


def test_missing_value_is_filled_with_worst_seen_and_documented():
    crit = criteria([goal(weight=1)], [("flexibility", 1)])
    d = decide([vendor("a", [c(value=10)]), vendor("b", [c(value=20)]), vendor("c")], crit)
    assert d.matrix[2][0] is None  # the raw matrix keeps the gap visible
    assert [r.vendor for r in d.ranking] == ["a", "b", "c"]
    assert "worst value" in d.missing_values


def test_soft_values_are_not_used_in_the_matrix():
    crit = criteria([goal(weight=1)])
    d = decide([vendor("a", [c(value=10, strength="soft")]), vendor("b", [c(value=20)])], crit)
    assert d.matrix[0][0] is None and d.matrix[1][0] == 20


SMALL = [
    [15, 240, 99.9, 1, 0.0, 1.0],
    [30, 480, 99.5, 0, 1.0, 0.0],
    [60, 600, 99.95, 1, 0.5, 1.0],
    [20, 300, 99.0, 0, 0.0, 0.5],
]


def small_columns():
    objectives = ["min", "min", "max", "max", "max", "max"]
    weights = [3, 2, 2, 2, 1, 1]
    return tuple(
        models.Column(f"c{i}", o, w / sum(weights), "goal")
        for i, (o, w) in enumerate(zip(objectives, weights))
    )


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_offered_method_gives_a_full_ranking(method):
    result = rank_matrix(SMALL, small_columns(), ["a", "b", "c", "d"], method)
    assert sorted(r for r, _ in result.values()) == [1, 2, 3, 4]
    assert all(math.isfinite(s) for _, s in result.values())


@pytest.mark.parametrize("method", sorted(METHODS))
def test_a_dominating_vendor_wins_with_every_method(method):
    rows = [[10, 100, 99.99, 1, 1.0, 1.0]] + SMALL[1:]
    result = rank_matrix(rows, small_columns(), ["a", "b", "c", "d"], method)
    assert result["a"][0] == 1


def plain_topsis(rows, weights, maximise):
    """TOPSIS as Hwang & Yoon define it: vector normalisation, weighted distances to the ideals."""
    n = len(weights)
    norms = [math.sqrt(sum(r[j] ** 2 for r in rows)) for j in range(n)]
    v = [[weights[j] * r[j] / norms[j] for j in range(n)] for r in rows]
    best = [max(col) if maximise[j] else min(col) for j, col in enumerate(zip(*v))]
    worst = [min(col) if maximise[j] else max(col) for j, col in enumerate(zip(*v))]
    out = []
    for r in v:
        dp = math.dist(r, best)
        dm = math.dist(r, worst)
        out.append(dm / (dp + dm))
    return out


def test_topsis_closeness_matches_the_textbook_formula():
    cols = small_columns()
    expected = plain_topsis(
        SMALL, [col.weight for col in cols], [col.objective == "max" for col in cols]
    )
    result = rank_matrix(SMALL, cols, ["a", "b", "c", "d"], "topsis")
    assert [round(result[v][1], 3) for v in "abcd"] == [round(x, 3) for x in expected]


def test_topsis_textbook_car_example():
    """The lecture example of Hwang & Yoon's TOPSIS: four cars, weights .1 .4 .3 .2, the last a cost.

    The lecture gives the ideal point A* = (0.059, 0.244, 0.162, 0.080); the closeness values
    below follow from it by the formula (Honda best, Ford last).
    """
    rows = [[7, 9, 9, 8], [8, 7, 8, 7], [9, 6, 8, 9], [6, 7, 8, 6]]
    cols = tuple(
        models.Column(f"k{i}", o, w, "goal")
        for i, (o, w) in enumerate(zip(["max", "max", "max", "min"], [0.1, 0.4, 0.3, 0.2]))
    )
    result = rank_matrix(rows, cols, ["honda", "saturn", "ford", "mazda"], "topsis")
    assert [round(result[v][1], 3) for v in ("honda", "saturn", "ford", "mazda")] == [
        0.743,
        0.404,
        0.176,
        0.441,
    ]
    assert sorted(result, key=lambda v: result[v][0]) == ["honda", "mazda", "saturn", "ford"]


def test_ties_go_to_vendor_id():
    cols = small_columns()
    result = rank_matrix([SMALL[0], SMALL[0], SMALL[1]], cols, ["zeta", "alpha", "mid"], "topsis")
    assert result["alpha"][0] == 1 and result["zeta"][0] == 2


def test_unknown_method_suggests():
    from msp_select.errors import InputError

    with pytest.raises(InputError, match="did you mean 'topsis'"):
        decide([vendor("a")], criteria([goal()]), method="topsys")


def test_scores_json_is_stable_and_complete():
    crit = criteria([goal(must_have=True, weight=0.6)], [("flexibility", 0.4)])
    vendors = [vendor("b", [c(value=20)], [("flexibility", "binding")]), vendor("a", [c(value=40)])]
    first = json.dumps(decision_to_json(decide(vendors, crit)), sort_keys=True)
    again = json.dumps(decision_to_json(decide(list(reversed(vendors)), crit)), sort_keys=True)
    assert first == again
    data = json.loads(first)
    assert data["schema_version"] == 1 and data["method"] == "TOPSIS"
    assert data["ranking"][0] == {
        "vendor": "b",
        "rank": 1,
        "score": data["ranking"][0]["score"],
        "eliminated": False,
        "reasons": [],
        "status": "in the running",
        "unconfirmed": [],
        "tied_with": [],
    }
    assert data["ranking"][1]["eliminated"] is True
    assert data["ranking"][1]["status"] == "eliminated"
    assert {v["verdict"] for v in data["verdicts"]} == {"meets", "misses"}
    assert data["verdicts"][0]["source"] == {"file": "v.pdf", "page": 3, "kind": "text"}
    assert [c["objective"] for c in data["criteria"]] == ["min", "max"]


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize("rows", [[[10, 0.0], [20, 1.0]], [[0, 0.0], [5, 0.5], [5, 0.5]]])
def test_methods_cope_with_two_vendors_zeros_and_ties(method, rows):
    cols = (models.Column("a", "min", 0.5, "goal"), models.Column("b", "max", 0.5, "team_fit"))
    result = rank_matrix(rows, cols, ["x", "y", "z"][: len(rows)], method)
    assert sorted(r for r, _ in result.values()) == list(range(1, len(rows) + 1))


DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


@pytest.mark.skipif(
    not (DEV / "truth.json").exists(), reason="the shared dev corpus is not available"
)
def test_dev_corpus_truth_gives_the_expected_ranking():
    from msp_select.criteria import load_criteria

    truth = json.loads((DEV / "truth.json").read_text())
    vendors = []
    for name, v in truth["vendors"].items():
        commitments = [
            c(
                x["category"],
                x["scope"],
                x["value"],
                x["unit"],
                x["strength"],
                x["party"],
                x.get("page", 1),
            )
            for x in v["commitments"]
        ]
        vendors.append(
            vendor(name, commitments, [(k, "binding") for k in v["criteria"]], v["risk_flags"])
        )
    d = decide(vendors, load_criteria(DEV / "criteria"))
    assert [r.vendor for r in d.ranking] == truth["expected_ranking"]
    assert sorted(r.vendor for r in d.ranking if r.eliminated) == sorted(
        truth["expected_eliminated"]
    )
