"""Turn extractions and criteria into verdicts, team-fit scores, a matrix and a ranking.

Public functions (signatures are stable; sensitivity.py / judgement.py build on them):

    decide(extractions, criteria, method=None, manual_scores=None) -> models.Decision
    verdict_for(vendor: models.VendorExtraction, goal: models.Goal) -> models.Verdict
    team_fit_score(vendor, criterion: str, manual=None) -> models.TeamFitScore
    build_matrix(vendors, criteria, verdicts, team_fit) -> (columns, raw_matrix, filled_matrix)
    rank_matrix(filled_matrix, columns, vendors, method) -> dict[vendor, (rank, score)]
    METHODS: dict[name -> display name]        # ranking methods offered

Rules, in plain words:
- Candidates for a goal are the provider's commitments of the goal's category and scope
  (a client-party commitment never satisfies a goal). When the vendor states nothing for
  the exact scope (e.g. P1) a commitment scoped `all` stands in for it. A price goal only
  takes commitments in its own unit (currency and period).
- The best binding value decides (lowest for `<=`, highest for `>=`): meets or misses.
  With no binding value, the best soft or conditional value gives at most `partial`
  (partial when it would meet the target, misses when even it fails). Only `excluded`
  statements, or nothing at all, give `not_addressed`.
- support_hours meets when a binding commitment of the target cover exists; soft or
  conditional cover of that kind is partial; binding cover of another kind misses.
- The matrix uses binding values only (as the corpus reference scorer does): a goal without
  a binding value is a missing cell, filled with the worst value any vendor has in that
  column (0 for a maximised column nobody fills). support_hours is 1/0, `==` goals are the
  distance from the target (minimised).
- Team-fit scores come from data/scoring.yaml: the strongest evidence's score minus a penalty
  per risk flag that concerns the criterion; an analyst's manual score replaces it.
- A vendor that misses a must-have goal (a binding value that fails the target, only a soft
  or conditional promise, or an explicit exclusion) is eliminated: survivors are ranked on
  their own matrix, eliminated vendors after them, ordered by the method run over all vendors.
- A must-have the proposal is silent on is a question, not a failure: the vendor stays ranked
  with the status "unconfirmed must-have" and the reasons say what to confirm before award.
  `absent="eliminate"` (CLI `--absent-must-have eliminate`) keeps the strict rule.
- Exact ties (equal scores, or identical rows) share a rank and name each other.
- MARCOS, COPRAS, ELECTRE and ERVD are not offered: MARCOS prints to stdout, COPRAS needs
  a minimised criterion, ELECTRE I gives a kernel not a ranking, ERVD needs reference points.
- RankedVendor.score is the method's own score when it has one (TOPSIS closeness, the
  weighted sum, ...); otherwise (n - rank) / (n - 1). Ties go to the vendor id.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import importlib
import math
from collections.abc import Mapping, Sequence
from importlib import resources

import numpy as np
import yaml

from msp_select import models
from msp_select.decide import methods
from msp_select.errors import InputError

NOT_ADDRESSED, MEETS, PARTIAL, MISSES = "not_addressed", "meets", "partial", "misses"
ABSENT_POLICIES = ("confirm", "eliminate")  # what a must-have with no evidence does
UNCONFIRMED = "unconfirmed must-have"
_TIE_EPS = 1e-9

# name -> (display name, skcriteria module, class name, preprocessing recipe)
_METHOD_TABLE = {
    "topsis": ("TOPSIS", "topsis", "TOPSIS", "vector"),
    "wsm": ("Weighted sum", "simple", "WeightedSumModel", "invert"),
    "wpm": ("Weighted product", "simple", "WeightedProductModel", "invert"),
    "waspas": ("WASPAS", "waspas", "WASPAS", "invert"),
    "moora": ("MOORA (ratio system)", "moora", "RatioMOORA", "invert"),
    "vikor": ("VIKOR", "vikor", "VIKOR", "invert"),
    "edas": ("EDAS", "edas", "EDAS", "invert"),
    "aras": ("ARAS", "aras", "ARAS", "invert"),
    "cocoso": ("CoCoSo", "cocoso", "CoCoSo", "invert"),
    "codas": ("CODAS", "codas", "CODAS", "invert"),
    "mabac": ("MABAC", "mabac", "MABAC", "invert"),
    "spotis": ("SPOTIS", "spotis", "SPOTIS", "invert"),
}
_ALIASES = {"weighted-sum": "wsm", "saw": "wsm", "weighted-product": "wpm"}
METHODS = {
    **{k: v[0] for k, v in _METHOD_TABLE.items()},
    **{a: _METHOD_TABLE[t][0] for a, t in _ALIASES.items()},
}
_SCORE_KEYS = ("similarity", "score")  # where skcriteria keeps a 'higher is better' score
_LOWER_BETTER = {"spotis", "vikor"}  # their score is a distance: we use rank instead


@functools.lru_cache(maxsize=None)
def scoring_rules() -> dict:
    """The team-fit scoring table of data/scoring.yaml."""
    return yaml.safe_load(
        (resources.files("msp_select") / "data" / "scoring.yaml").read_text(encoding="utf-8")
    )


def _fmt(value: float | None) -> str:
    if value is None:
        return "no value"
    return f"{value:g}"


def _amount(value: float | None, unit: str) -> str:
    """'15 minutes', '99.9%', '125 USD/month' for reasons people read."""
    if value is None:
        return unit
    if unit == "percent":
        return f"{_fmt(value)}%"
    if unit in ("minute", "day", "month") and value != 1:
        unit += "s"
    return f"{_fmt(value)} {unit}"


def _describe(c: models.Commitment) -> str:
    value = _amount(c.value, c.unit)
    return f"{value} ({c.strength}, {c.source.file} p.{c.source.page})"


def _satisfies(goal: models.Goal, value: float | None) -> bool:
    if value is None or goal.value is None:
        return False
    eps = 1e-9 * max(1.0, abs(goal.value))
    return {
        "<=": value <= goal.value + eps,
        ">=": value >= goal.value - eps,
        "==": abs(value - goal.value) <= eps,
    }[goal.op]


def _best(goal: models.Goal, commitments):
    """The commitment with the best value for the goal's direction (ties: first in document order)."""
    with_value = [c for c in commitments if c.value is not None]
    if not with_value:
        return None
    if goal.op == "<=":
        key = lambda c: c.value  # noqa: E731
    elif goal.op == ">=":
        key = lambda c: -c.value  # noqa: E731
    else:
        key = lambda c: abs(c.value - goal.value)  # noqa: E731
    return min(with_value, key=key)


def candidates(vendor: models.VendorExtraction, goal: models.Goal) -> tuple[list, str]:
    """Provider commitments that speak to the goal, and a note when `all` stood in for the scope."""
    same = [c for c in vendor.commitments if c.category == goal.category and c.party == "provider"]
    if goal.category == "price":
        same = [c for c in same if c.unit == goal.unit]
    scoped = [c for c in same if c.scope == goal.scope]
    if scoped or goal.scope == "all":
        return scoped, ""
    broad = [c for c in same if c.scope == "all"]
    return broad, (
        f"; no {goal.scope}-specific commitment, so the one for all priorities applies"
        if broad
        else ""
    )


def verdict_for(vendor: models.VendorExtraction, goal: models.Goal) -> models.Verdict:
    """How the vendor stands on one goal, with the commitment that decided it."""
    found, note = candidates(vendor, goal)
    target = goal.value
    base = functools.partial(
        models.Verdict, vendor=vendor.vendor, goal=goal.id, target=target, unit=goal.unit
    )

    def make(**kw):
        ev = kw.get("evidence") or ()
        return base(**kw, overridden=ev[0].override if ev else "")

    binding = [c for c in found if c.strength == "binding"]
    weaker = [c for c in found if c.strength in ("soft", "conditional")]
    excluded = [c for c in found if c.strength == "excluded"]
    want = f"{goal.op} {_amount(target, goal.unit)}" if target is not None else goal.unit
    if goal.category == "support_hours":
        for group, verdict in ((binding, MEETS), (weaker, PARTIAL)):
            hit = [c for c in group if c.unit == goal.unit]
            if hit:
                why = "binding" if verdict == MEETS else f"only {hit[0].strength}, not binding"
                return make(
                    verdict=verdict,
                    value=1.0,
                    reason=f"{_describe(hit[0])}: {why}{note}",
                    evidence=(hit[0],),
                )
        if binding:
            return make(
                verdict=MISSES,
                value=0.0,
                evidence=(binding[0],),
                reason=f"{_describe(binding[0])} where {goal.unit} is needed{note}",
            )
    else:
        for group, ok in ((binding, MEETS), (weaker, PARTIAL)):
            best = _best(goal, group)
            if best is None:
                continue
            met = _satisfies(goal, best.value)
            among = (
                f", the best of {len(group)} {'binding' if ok == MEETS else 'non-binding'} commitments"
                if len(group) > 1
                else ""
            )
            if ok == MEETS:
                verdict_text = f"{'meets' if met else 'misses'} {want}"
            elif met:
                verdict_text = f"would meet {want} but is only {best.strength}, not binding"
            else:
                verdict_text = f"misses {want} (and is only {best.strength})"
            return make(
                verdict=ok if met else MISSES,
                value=best.value,
                evidence=(best,),
                reason=f"{_describe(best)}{among} {verdict_text}{note}",
            )
    if excluded:
        return make(
            verdict=NOT_ADDRESSED,
            value=None,
            evidence=(excluded[0],),
            reason=f"the vendor explicitly excludes it ({excluded[0].source.file} p.{excluded[0].source.page})",
        )
    return make(verdict=NOT_ADDRESSED, value=None, reason="no commitment found in the proposal")


def team_fit_score(
    vendor: models.VendorExtraction, criterion: str, manual: float | None = None, note: str = ""
) -> models.TeamFitScore:
    """Score 0..1 from the strongest evidence, minus the penalties of the risk flags that concern it."""
    rules = scoring_rules()
    evidence = tuple(e for e in vendor.criteria_evidence if e.criterion == criterion)
    flags = tuple(
        f for f in vendor.risk_flags if criterion in rules["flag_criteria"].get(f.flag, ())
    )
    strengths = rules["strength_scores"]
    best = max(evidence, key=lambda e: strengths.get(e.strength, 0.0), default=None)
    basis = best.strength if best is not None else "none"
    base = strengths.get(basis, 0.0)
    distinct = sorted({f.flag for f in flags})
    computed = max(0.0, base - rules["flag_penalty"] * len(distinct))
    reason = (
        f"{basis} evidence ({best.source.file} p.{best.source.page})"
        if best
        else "no evidence found"
    )
    if distinct:
        reason += f", minus {rules['flag_penalty']:g} for each of: {', '.join(distinct)}"
    if manual is None:
        return models.TeamFitScore(
            vendor.vendor, criterion, computed, basis, reason, evidence, flags
        )
    if not 0.0 <= manual <= 1.0:
        raise ValueError(
            f"a manual score for {vendor.vendor}/{criterion} must be between 0 and 1, not {manual}"
        )
    reason = f"manual score {manual:g}{': ' + note if note else ''} (evidence gave {computed:g}: {reason})"
    return models.TeamFitScore(
        vendor.vendor,
        criterion,
        float(manual),
        "manual",
        reason,
        evidence,
        flags,
        manual=True,
        disagreement=abs(manual - computed) >= 0.5,
    )


def _columns(criteria: models.Criteria) -> tuple[models.Column, ...]:
    cols = []
    for g in criteria.goals:
        objective = "max" if g.category == "support_hours" or g.op == ">=" else "min"
        cols.append(models.Column(g.id, objective, g.weight, "goal", g.title))
    for t in criteria.team_fit:
        cols.append(models.Column(t.criterion, "max", t.weight, "team_fit", t.title))
    return tuple(cols)


def _cell(goal: models.Goal, v: models.Verdict) -> float | None:
    if goal.category == "support_hours":
        return 1.0 if v.verdict == MEETS else 0.0
    if not v.evidence or v.evidence[0].strength != "binding" or v.value is None:
        return None  # soft, conditional or excluded: not a value the vendor can be held to
    return abs(v.value - goal.value) if goal.op == "==" else float(v.value)


_MUST_HAVE_VERB = {
    MISSES: "misses",
    PARTIAL: "only partly meets",
    NOT_ADDRESSED: "does not address",
}

MISSING_RULE = (
    "A goal without a binding value (not stated, or only soft or conditional) counts as the "
    "worst value any vendor states for it, so a gap never beats a stated value; a column "
    "nobody fills counts as 0."
)


def build_matrix(vendors: Sequence[str], criteria: models.Criteria, verdicts, team_fit):
    """(columns, raw rows with None for missing, rows with missing cells filled)."""
    columns = _columns(criteria)
    by_v = {(v.vendor, v.goal): v for v in verdicts}
    by_t = {(t.vendor, t.criterion): t.score for t in team_fit}
    raw = []
    for name in vendors:
        row = [_cell(g, by_v[(name, g.id)]) for g in criteria.goals]
        row += [by_t[(name, t.criterion)] for t in criteria.team_fit]
        raw.append(tuple(row))
    return columns, tuple(raw), fill_missing(raw, columns)


def fill_missing(raw, columns) -> tuple[tuple[float, ...], ...]:
    """Missing cells take the worst value any vendor has in that column (0 when nobody has one),
    so a gap never beats a stated value; see MISSING_RULE for the wording in outputs."""
    filled = [list(r) for r in raw]
    for j, col in enumerate(columns):
        seen = [r[j] for r in raw if r[j] is not None]
        fill = (min(seen) if col.objective == "max" else max(seen)) if seen else 0.0
        for row in filled:
            if row[j] is None:
                row[j] = fill
    return tuple(tuple(r) for r in filled)


def _pipeline(name: str):
    # Deferred: importing scikit-criteria loads its datasets and seaborn (about a second),
    # which only a ranking needs, never `criteria check` or `extract` (see decide/methods.py).
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.increment import AddValueToZero
    from skcriteria.preprocessing.invert_objectives import InvertMinimize
    from skcriteria.preprocessing.scalers import SumScaler, VectorScaler

    _, module, cls, recipe = _METHOD_TABLE[name]
    agg = getattr(importlib.import_module(f"skcriteria.agg.{module}"), cls)()
    if recipe == "vector":
        return mkpipe(VectorScaler(target="matrix"), agg)
    # The other methods want positive, maximised criteria: lift zeros, invert costs, scale.
    return mkpipe(
        AddValueToZero(value=0.01, target="matrix"),
        InvertMinimize(),
        SumScaler(target="matrix"),
        agg,
    )


def canonical_method(method: str) -> str:
    key = method.lower()
    key = _ALIASES.get(key, key)
    if key not in _METHOD_TABLE:
        close = difflib.get_close_matches(key, sorted(METHODS), n=1)
        hint = (
            f"; did you mean {close[0]!r}?"
            if close
            else f"; choose one of {', '.join(sorted(METHODS))}"
        )
        raise InputError(f"unknown ranking method {method!r}{hint}")
    return key


def _normalised(weights: Sequence[float]) -> list[float]:
    w = np.asarray(weights, dtype=float)
    return w / w.sum()


def rank_matrix(
    rows, columns, vendors: Sequence[str], method: str = "topsis"
) -> dict[str, tuple[int, float]]:
    """Rank vendors on a filled matrix: {vendor: (rank 1..n, score)}; ties go to the vendor id."""
    method = canonical_method(method)
    vendors = list(vendors)
    n = len(vendors)
    if n == 0:
        return {}
    # Constant columns tell vendors nothing apart and break some normalisations: drop them.
    keep = [
        j for j in range(len(columns)) if columns[j].weight > 0 and len({r[j] for r in rows}) > 1
    ]
    if n == 1 or not keep:
        order = sorted(vendors)
        return {v: (i + 1, 1.0 if n == 1 else 0.0) for i, v in enumerate(order)}
    ranked, own = methods.evaluate(
        method,
        [[r[j] for j in keep] for r in rows],
        [columns[j].objective == "max" for j in keep],
        _normalised([columns[j].weight for j in keep]),
    )
    ranks = [int(x) for x in ranked]
    scores = None if own is None or len(own) != n else [float(x) for x in own]
    if scores is None or any(not math.isfinite(s) for s in scores):
        scores = [(n - r) / (n - 1) for r in ranks]
    order = sorted(range(n), key=lambda i: (ranks[i], -scores[i], vendors[i]))
    return {vendors[i]: (pos + 1, scores[i]) for pos, i in enumerate(order)}


def _must_have_reasons(verdicts, criteria: models.Criteria, absent: str):
    """{vendor: eliminating reasons}, {vendor: unconfirmed reasons}, {vendor: unconfirmed ids}."""
    goals = {g.id: g for g in criteria.goals}
    failed: dict[str, list[str]] = {}
    unsure: dict[str, list[str]] = {}
    unsure_ids: dict[str, list[str]] = {}
    for v in verdicts:
        g = goals[v.goal]
        failed.setdefault(v.vendor, [])
        unsure.setdefault(v.vendor, [])
        unsure_ids.setdefault(v.vendor, [])
        if not g.must_have or v.verdict == MEETS:
            continue
        silent = v.verdict == NOT_ADDRESSED and not v.evidence
        name = goal_name(g)
        if silent and absent != "eliminate":
            unsure[v.vendor].append(f"{UNCONFIRMED} {name}: {v.reason}; confirm before award")
            unsure_ids[v.vendor].append(g.id)
        elif v.verdict == NOT_ADDRESSED and v.evidence:
            failed[v.vendor].append(f"excludes must-have {name}: {v.reason}")
        else:
            failed[v.vendor].append(f"{_MUST_HAVE_VERB[v.verdict]} must-have {name}: {v.reason}")
    return failed, unsure, unsure_ids


def goal_name(goal: models.Goal) -> str:
    """A goal as people read it: its title in quotes with the id in brackets, or the bare id."""
    if not goal.title or goal.title == goal.id:
        return goal.id
    return f'"{goal.title}" ({goal.id})'


def _tie_groups(names: Sequence[str], scored: dict, rows: dict) -> dict[str, tuple[str, ...]]:
    """Vendors with the same score (or the same row of values) as another, by vendor."""
    out: dict[str, tuple[str, ...]] = {}
    for a in names:
        same = tuple(
            b
            for b in names
            if b != a and (abs(scored[a][1] - scored[b][1]) <= _TIE_EPS or rows[a] == rows[b])
        )
        if same:
            out[a] = same
    return out


def _ranked(names, scored, rows, start: int, **extra) -> list[models.RankedVendor]:
    """RankedVendor records in the method's order; tied vendors share the better rank."""
    ties = _tie_groups(names, scored, rows)
    out: list[models.RankedVendor] = []
    for name in sorted(names, key=lambda v: scored[v][0]):
        rank = start + len(out)
        tied = ties.get(name, ())
        if out and out[-1].vendor in tied:
            rank = out[-1].rank
        out.append(
            models.RankedVendor(
                name,
                rank,
                scored[name][1],
                tied_with=tied,
                **{k: f(name) for k, f in extra.items()},
            )
        )
    return out


def decide(
    extractions: Sequence[models.VendorExtraction],
    criteria: models.Criteria,
    method: str | None = None,
    manual_scores: Mapping[tuple[str, str], object] | None = None,
    absent: str = "confirm",
) -> models.Decision:
    """Verdicts, team-fit scores, matrix and ranking for every vendor.

    `manual_scores` maps (vendor, criterion) to an analyst's 0..1 score (or a judgement
    PanelScore) that replaces the evidence score (the TeamFitScore keeps both). Overrides of
    commitments are applied to the extractions before calling this. `absent` is "confirm"
    (a must-have nobody found leaves the vendor ranked, to confirm) or "eliminate".
    """
    if absent not in ABSENT_POLICIES:
        raise InputError(f"absent must-have rule {absent!r}: use {' or '.join(ABSENT_POLICIES)}")
    method = canonical_method(method or criteria.method)
    manual_scores = manual_scores or {}
    vendors = sorted(e.vendor for e in extractions)
    by_name = {e.vendor: e for e in extractions}
    verdicts = tuple(verdict_for(by_name[v], g) for v in vendors for g in criteria.goals)
    team_fit = tuple(
        _team_fit_with_manual(by_name[v], t.criterion, manual_scores.get((v, t.criterion)))
        for v in vendors
        for t in criteria.team_fit
    )
    columns, raw, filled = build_matrix(vendors, criteria, verdicts, team_fit)
    failed, unsure, unsure_ids = _must_have_reasons(verdicts, criteria, absent)
    survivors = [v for v in vendors if not failed.get(v)]
    eliminated = [v for v in vendors if failed.get(v)]
    rows_of = dict(zip(vendors, filled))
    everyone = rank_matrix(filled, columns, vendors, method)
    alive = (
        rank_matrix([rows_of[v] for v in survivors], columns, survivors, method)
        if survivors
        else {}
    )
    ranking = _ranked(
        survivors,
        alive,
        rows_of,
        1,
        reasons=lambda v: tuple(unsure[v]),
        unconfirmed=lambda v: tuple(unsure_ids[v]),
    )
    ranking += _ranked(
        eliminated,
        everyone,
        rows_of,
        len(ranking) + 1,
        eliminated=lambda v: True,
        reasons=lambda v: tuple(failed[v] + unsure[v]),
        unconfirmed=lambda v: tuple(unsure_ids[v]),
    )
    overrides = tuple(f"{t.vendor} / {t.criterion}: {t.reason}" for t in team_fit if t.manual)
    return models.Decision(
        method=METHODS[method],
        columns=columns,
        vendors=tuple(vendors),
        matrix=raw,
        ranking=tuple(ranking),
        verdicts=verdicts,
        team_fit=team_fit,
        missing_values=MISSING_RULE,
        overrides=overrides,
    )


def _team_fit_with_manual(vendor: models.VendorExtraction, criterion: str, manual):
    """team_fit_score with an analyst's float or a panel score (median plus each evaluator)."""
    if manual is None or isinstance(manual, (int, float)):
        return team_fit_score(vendor, criterion, manual)
    each = ", ".join(f"{who} {x:g}" for who, x in zip(manual.evaluators, manual.scores))
    note = f"panel median of {len(manual.scores)} on 0-5 ({each}; spread {manual.spread:g})"
    score = team_fit_score(vendor, criterion, manual.median, note=note)
    return dataclasses.replace(
        score,
        panel=tuple(zip(manual.evaluators, manual.scores)),
        disagreement=score.disagreement or manual.disagreement,
    )
