"""How robust is the winner? Weight perturbation, weight thresholds, method agreement, rank reversal.

    analyse(decision, *, samples=10000, seed=0) -> Sensitivity  # .to_json(): scores.json's
    analyse_matrix(matrix, objectives, weights, alternatives, criteria, method="topsis",
                   *, samples=10000, seed=0, titles=None) -> Sensitivity  # for a bare matrix

Only vendors that survived elimination are analysed: an eliminated vendor cannot win by
re-weighting. The weight analyses use the method that ranked the vendors. TOPSIS is written in
NumPy so 10,000 weightings cost one array operation; any other method runs through
scikit-criteria once per weighting, so at most FEW_SAMPLES are drawn and the outputs state the
95% margin of the shares. Several vendors level on score are a tie, never a first place won
by the vendor id. Thresholds within EXTREME of 0% or 100% are not reported: no one weighs a
goal at 100%. Everything returned is rounded and ordered so reruns are byte-identical.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from msp_select import decide, models
from msp_select.decide import methods
from msp_select.decide.methods import kendall_tau

NOISE_SIGMA = 0.3  # each weight is multiplied by exp(N(0, 0.3^2)): roughly +-30%, then renormalised
THRESHOLD_GRID = 201  # weights scanned from 0 to 1 before bisection refines a change of winner
COARSE_GRID = 21  # the same scan for a method without a vectorised form
FEW_SAMPLES = 1000  # at most this many weightings for such a method (margin stated in outputs)
EXTREME = 0.01  # a threshold within 1% of 0 or 100% weight is no realistic reweighting
_TIE = 1e-9
_DIGITS = 4


@dataclass(frozen=True)
class FirstPlace:
    """How often a vendor ranked first alone among the perturbed weightings (0..1)."""

    vendor: str
    probability: float


@dataclass(frozen=True)
class WinnerChange:
    """The weight at which the winner changes, and who wins then (None: a tie for first)."""

    weight: float
    new_winner: str | None


@dataclass(frozen=True)
class Threshold:
    """One criterion's weight now, and the change of winner moving it up or down (if any)."""

    criterion: str
    weight: float
    up: WinnerChange | None = None
    down: WinnerChange | None = None

    def to_json(self) -> dict:
        return {
            "criterion": self.criterion,
            "weight": self.weight,
            "up": None if self.up is None else dataclasses.asdict(self.up),
            "down": None if self.down is None else dataclasses.asdict(self.down),
        }


@dataclass(frozen=True)
class MethodRanking:
    """The ranking another method gives, and its Kendall tau against the chosen method's."""

    method: str
    ranking: tuple[str, ...]
    winner: str
    first: tuple[str, ...]  # every vendor level on the top score
    kendall_tau: float | None


@dataclass(frozen=True)
class MethodAgreement:
    reference: str  # the chosen method
    methods: tuple[MethodRanking, ...]
    failed: tuple[tuple[str, str], ...] = ()  # (method, why) for a method that could not rank

    def to_json(self) -> dict:
        return {
            "reference": self.reference,
            "methods": [
                {
                    "method": m.method,
                    "ranking": list(m.ranking),
                    "winner": m.winner,
                    "first": list(m.first),
                    "kendall_tau": m.kendall_tau,
                }
                for m in self.methods
            ],
            "failed": [{"method": name, "error": why} for name, why in self.failed],
        }


@dataclass(frozen=True)
class Sensitivity:
    """How robust the winner is (see the module docstring); scores.json holds its to_json().

    With fewer than two vendors only the settings and one sentence are filled (winner None).
    `rank_reversal` is the checks' JSON-ready outcome: its shape follows what could be run.
    """

    vendors: tuple[str, ...]
    method: str  # the method's display name
    samples: int  # weightings drawn
    margin: float  # half-width of a 95% interval on a share
    seed: int
    noise: str
    winner: str | None = None
    tied_first: tuple[str, ...] = ()
    first_place: tuple[FirstPlace, ...] = ()  # most often first first
    tie_share: float = 0.0
    thresholds: tuple[Threshold, ...] = ()
    method_agreement: MethodAgreement | None = None
    rank_reversal: Mapping = field(default_factory=dict)
    sentences: tuple[str, ...] = ()

    def shares(self) -> dict[str, float]:
        """First-place probability per vendor."""
        return {p.vendor: p.probability for p in self.first_place}

    def to_json(self) -> dict:
        out: dict = {
            "vendors": list(self.vendors),
            "method": self.method,
            "weight_model": self.method,
            "samples": self.samples,
            "margin": self.margin,
            "seed": self.seed,
            "noise": self.noise,
        }
        if self.winner is not None:
            out.update(
                winner=self.winner,
                tied_first=list(self.tied_first),
                first_place=[dataclasses.asdict(p) for p in self.first_place],
                tie_share=self.tie_share,
                thresholds=[t.to_json() for t in self.thresholds],
                method_agreement=self.method_agreement.to_json() if self.method_agreement else None,
                rank_reversal=self.rank_reversal,
            )
        out["sentences"] = list(self.sentences)
        return out


def _fill(decision: models.Decision):
    """The survivors' rows with missing cells filled (worst value seen in the column, as decide does)."""
    filled = decide.fill_missing(decision.matrix, decision.columns)
    alive = {r.vendor for r in decision.ranking if not r.eliminated}
    keep = [i for i, v in enumerate(decision.vendors) if v in alive]
    return [decision.vendors[i] for i in keep], [filled[i] for i in keep]


def topsis_many(matrix, maximise, weights):
    """TOPSIS closeness for many weight vectors at once.

    matrix (n alternatives x m criteria), maximise (m bools), weights (s x m, rows sum to 1)
    -> closeness (s x n). Vector normalisation, as scikit-criteria's TOPSIS pipeline uses.
    """
    x = np.asarray(matrix, dtype=float)
    norm = np.linalg.norm(x, axis=0)
    x = x / np.where(norm == 0, 1.0, norm)
    w = np.atleast_2d(np.asarray(weights, dtype=float))
    v = w[:, None, :] * x[None, :, :]  # s x n x m
    hi, lo = v.max(axis=1), v.min(axis=1)  # s x m
    mx = np.asarray(maximise, dtype=bool)
    ideal = np.where(mx, hi, lo)[:, None, :]
    anti = np.where(mx, lo, hi)[:, None, :]
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=2))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=2))
    total = d_plus + d_minus
    return np.where(total == 0, 0.0, d_minus / np.where(total == 0, 1.0, total))


def method_scores(matrix, maximise, weights, method: str = "topsis", alternatives=None):
    """Higher-is-better scores of `method` for many weight rows: (s x n).

    TOPSIS is computed in NumPy for all rows at once; any other method runs through
    scikit-criteria once per row (the same code that ranks the vendors), which is why fewer
    samples are drawn for it.
    """
    if method == "topsis":
        return topsis_many(matrix, maximise, weights)
    x = np.asarray(matrix, dtype=float)
    w = np.atleast_2d(np.asarray(weights, dtype=float))
    names = list(alternatives) if alternatives is not None else [str(i) for i in range(len(x))]
    names = [f"{i:06d}" for i in range(len(names))]  # order-preserving ids: ties keep index order
    rows = x.tolist()
    out = np.empty((w.shape[0], len(names)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, wr in enumerate(w):
            cols = tuple(
                models.Column(str(j), "max" if maximise[j] else "min", float(wr[j]), "goal")
                for j in range(x.shape[1])
            )
            ranked = decide.rank_matrix(rows, cols, names, method)
            out[i] = [ranked[a][1] for a in names]
    return out


def _leaders(scores):
    """Per weight row: the index of the sole first-placed alternative, or -1 for a tie."""
    top = scores.max(axis=1, keepdims=True)
    level = scores >= top - _TIE
    return np.where(level.sum(axis=1) == 1, scores.argmax(axis=1), -1)


def _winners(matrix, maximise, weights, method: str = "topsis"):
    """Sole first-placed alternative per weight row (-1 where several tie for first)."""
    return _leaders(method_scores(matrix, maximise, weights, method))


def _perturbed(weights, samples: int, seed: int):
    rng = np.random.default_rng(seed)
    w = np.asarray(weights, dtype=float)
    draws = w * np.exp(rng.normal(0.0, NOISE_SIGMA, size=(samples, w.size)))
    return draws / draws.sum(axis=1, keepdims=True)


def _reweight(weights, j: int, t):
    """Weight rows where criterion j weighs t (array) and the others keep their proportions."""
    w = np.asarray(weights, dtype=float)
    t = np.atleast_1d(np.asarray(t, dtype=float))
    rest = 1.0 - w[j]
    scale = (1.0 - t)[:, None] / rest if rest > 0 else np.zeros((t.size, 1))
    out = w[None, :] * scale
    out[:, j] = t
    return out


def _threshold(matrix, maximise, weights, j: int, base: int, upward: bool, method: str):
    """(weight at which the winner changes, new winner index or -1 for a tie) moving weight j
    up or down, or None when no weight in the realistic range changes it."""
    w = float(weights[j])
    end = 1.0 - EXTREME if upward else EXTREME
    if (upward and w >= end) or (not upward and w <= end):
        return None
    steps = THRESHOLD_GRID if method == "topsis" else COARSE_GRID
    grid = np.linspace(w, end, steps)[1:]
    winners = _winners(matrix, maximise, _reweight(weights, j, grid), method)
    changed = np.nonzero(winners != base)[0]
    if changed.size == 0:
        return None
    k = int(changed[0])
    inside, outside = (w if k == 0 else grid[k - 1]), grid[k]
    for _ in range(40 if method == "topsis" else 14):
        mid = (inside + outside) / 2
        if _winners(matrix, maximise, _reweight(weights, j, mid), method)[0] == base:
            inside = mid
        else:
            outside = mid
    return float(outside), int(winners[k])  # the leader just past the change, not at a tie


def margin(samples: int) -> float:
    """Half-width of a 95% interval on a share estimated from `samples` draws (worst case)."""
    return 1.96 * math.sqrt(0.25 / samples) if samples else 1.0


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _method_agreement(matrix, columns, alternatives, method: str) -> MethodAgreement:
    """Rank with every method decide offers; Kendall tau of each against the chosen one."""
    names = sorted(set(decide._METHOD_TABLE))
    results, failed, level = {}, [], {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in names:
            try:
                ranked = decide.rank_matrix(matrix, columns, alternatives, name)
            except Exception as err:  # a method that cannot handle this matrix is reported
                failed.append(
                    (name, str(err).splitlines()[0][:200] if str(err) else type(err).__name__)
                )
                continue
            results[name] = [ranked[a][0] for a in alternatives]
            best = max(ranked[a][1] for a in alternatives)
            level[name] = [a for a in alternatives if ranked[a][1] >= best - _TIE]
    rows = []
    for name, ranks in results.items():
        order = [a for _, a in sorted(zip(ranks, alternatives))]
        tau = (
            1.0
            if len(results) < 2
            else kendall_tau(results[method], ranks)
            if method in results
            else None
        )
        rows.append(
            MethodRanking(
                name,
                tuple(order),
                order[0],
                tuple(level[name]),
                None
                if tau is None or not math.isfinite(float(tau))
                else round(float(tau), _DIGITS),
            )
        )
    return MethodAgreement(method, tuple(rows), tuple(failed))


def _rank_reversal(matrix, columns, alternatives, method: str, seed: int) -> dict:
    """Rank-reversal tests of the chosen method, as scikit-criteria's RankInvariantChecker and
    RankTransitivityChecker run them (decide/methods.py; needs at least three vendors)."""
    keep = [
        j for j in range(len(columns)) if columns[j].weight > 0 and len({r[j] for r in matrix}) > 1
    ]
    if len(alternatives) < 3 or not keep:
        return {
            "checked": False,
            "reason": "needs at least three vendors that differ on some criterion",
        }
    x = np.array([[r[j] for j in keep] for r in matrix], dtype=float)
    w = np.array([columns[j].weight for j in keep], dtype=float)
    w = w / w.sum()
    maximise = [columns[j].objective == "max" for j in keep]
    out: dict = {"checked": True}
    names = list(alternatives)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = methods.evaluate(method, x, maximise, w)[0]
        order_of = lambda ranks: [a for _, a in sorted(zip(ranks, names))]  # noqa: E731
        ref_order = order_of(ref)
        worse_of, bounds = methods.worsening_bounds(x, ref)
        stuck = [names[i] for i, b in zip(worse_of, bounds) if not np.any(b > 0)]
        try:
            if stuck:
                # skcriteria 0.10 loops forever when a vendor has no room to be made worse
                raise ValueError(
                    f"skipped: {', '.join(stuck)} cannot be made worse (zero or tied values)"
                )
            tests, changed, winner_changed = 0, [], []
            for i, ranks in methods.invariance_runs(method, x, maximise, w, ref, seed):
                tests += 1
                worse = names[i]
                order = order_of(ranks)
                if [a for a in order if a != worse] != [a for a in ref_order if a != worse]:
                    changed.append(worse)
                if order[0] != ref_order[0]:
                    winner_changed.append(worse)
            out["invariance"] = {
                "tests": tests,
                "changed": len(changed),
                "holds": not changed,
                "worsened_changes_order": sorted(set(changed)),
                "worsened_changes_winner": sorted(set(winner_changed)),
            }
        except Exception as err:
            out["invariance"] = {
                "error": str(err).splitlines()[0][:200] if str(err) else type(err).__name__
            }
        try:
            out["transitivity"] = {"holds": methods.transitive(method, x, maximise, w, ref)}
        except Exception as err:
            out["transitivity"] = {
                "error": "could not run: " + str(err).splitlines()[0][:200]
                if str(err)
                else type(err).__name__
            }
    return out


def analyse_matrix(
    matrix: Sequence[Sequence[float]],
    objectives: Sequence[str],
    weights: Sequence[float],
    alternatives: Sequence[str],
    criteria: Sequence[str],
    method: str = "topsis",
    *,
    samples: int = 10000,
    seed: int = 0,
    titles: Mapping[str, str] | None = None,
) -> Sensitivity:
    """Sensitivity of a filled numeric matrix (alternatives x criteria); see the module docstring.

    `titles` names criteria in sentences (a goal's title rather than its id).
    """
    method = decide.canonical_method(method)
    alternatives = list(alternatives)
    order = sorted(range(len(alternatives)), key=lambda i: alternatives[i])
    alternatives = [alternatives[i] for i in order]
    x = np.array([[float(v) for v in matrix[i]] for i in order], dtype=float).reshape(
        len(order), len(criteria)
    )
    w = np.asarray(weights, dtype=float)
    w = w / w.sum() if w.sum() > 0 else np.full(w.size, 1.0 / max(w.size, 1))
    maximise = [o == "max" for o in objectives]
    columns = tuple(
        models.Column(c, o, float(wt), "goal") for c, o, wt in zip(criteria, objectives, w)
    )
    drawn = samples if method == "topsis" else min(samples, FEW_SAMPLES)
    result = Sensitivity(
        vendors=tuple(alternatives),
        method=decide.METHODS[method],
        samples=drawn,
        margin=round(margin(drawn), _DIGITS),
        seed=seed,
        noise=f"each weight multiplied by exp(N(0, {NOISE_SIGMA}^2)) and renormalised",
    )
    if len(alternatives) < 2:
        return dataclasses.replace(
            result, sentences=("Only one vendor is left, so there is nothing to compare.",)
        )
    base_scores = method_scores(x, maximise, w[None, :], method)[0]
    level = [a for a, sc in zip(alternatives, base_scores) if sc >= base_scores.max() - _TIE]
    base = int(_leaders(base_scores[None, :])[0])
    leaders = (
        _winners(x, maximise, _perturbed(w, drawn, seed), method) if drawn else np.array([], int)
    )
    alone = np.bincount(leaders[leaders >= 0], minlength=len(alternatives)) / max(drawn, 1)
    result = dataclasses.replace(
        result,
        winner=alternatives[base] if base >= 0 else level[0],
        tied_first=tuple(level) if base < 0 else (),
        first_place=tuple(
            sorted(
                (FirstPlace(a, round(float(p), _DIGITS)) for a, p in zip(alternatives, alone)),
                key=lambda f: (-f.probability, f.vendor),
            )
        ),
        tie_share=round(float((leaders < 0).sum()) / max(drawn, 1), _DIGITS),
        thresholds=_thresholds(x, maximise, w, base, alternatives, criteria, method),
        method_agreement=_method_agreement([list(r) for r in x], columns, alternatives, method),
        rank_reversal=_rank_reversal([list(r) for r in x], columns, alternatives, method, seed),
    )
    return dataclasses.replace(result, sentences=tuple(_sentences(result, method, titles or {})))


def _thresholds(x, maximise, w, base: int, alternatives, criteria, method: str):
    """Per criterion, the weight up or down at which the winner changes (none when tied now)."""

    def change(j: int, upward: bool) -> WinnerChange | None:
        found = None if base < 0 else _threshold(x, maximise, w, j, base, upward, method)
        if found is None:
            return None
        return WinnerChange(
            round(found[0], _DIGITS), alternatives[found[1]] if found[1] >= 0 else None
        )

    return tuple(
        Threshold(crit, round(float(w[j]), _DIGITS), change(j, True), change(j, False))
        for j, crit in enumerate(criteria)
    )


def _share_sentences(result: Sensitivity, method: str, n: Callable[[str], str]) -> list[str]:
    winner, drawn = result.winner, result.samples
    if not drawn:
        return []
    name = decide.METHODS[method]
    pm = f"±{result.margin * 100:.0f}" if result.margin >= 0.005 else "±<1"
    how = f"{drawn:,} weightings perturbed around yours, ranked with {name}; shares {pm} points"
    out = []
    if result.tied_first:
        out.append(
            f"{' and '.join(map(n, result.tied_first))} are tied for first with your weights: the "
            "ranking cannot choose between them."
        )
    mine = result.shares()[winner]
    if not result.tied_first:
        out.append(f"{n(winner)} ranks first alone in {_pct(mine)} of {how}.")
    else:
        out.append(f"Across {how}:")
    if result.tie_share:
        out.append(f"In {_pct(result.tie_share)} of them two or more vendors tie for first.")
    top = result.first_place[0]
    if top.vendor != winner and top.probability > mine:
        out.append(
            f"{n(top.vendor)} ranks first alone more often ({_pct(top.probability)}) once "
            "weights wobble."
        )
    return out


def _threshold_sentences(
    result: Sensitivity, titles: Mapping[str, str], n: Callable[[str], str]
) -> list[str]:
    winner = n(result.winner)
    if result.tied_first:
        return []
    out = []
    for t in result.thresholds:
        name = titles.get(t.criterion, t.criterion)
        for change, word in ((t.up, "more"), (t.down, "less")):
            if change:
                then = (
                    f"then {n(change.new_winner)} wins"
                    if change.new_winner
                    else "then vendors tie for first"
                )
                out.append(
                    f'{winner} stays first unless "{name}" weighs {word} than '
                    f"{_pct(change.weight)} of the total (now {_pct(t.weight)}); {then}."
                )
    if not out:
        out.append(
            f"No single reweighting changes the winner: moving any one weight anywhere between "
            f"{_pct(EXTREME)} and {_pct(1 - EXTREME)} of the total keeps {winner} first."
        )
    return out


def _reversal_sentences(result: Sensitivity, n: Callable[[str], str]) -> list[str]:
    rr = result.rank_reversal
    if not rr.get("checked"):
        return [f"Rank-reversal checks not run: {rr.get('reason', 'not applicable')}."]
    out = []
    inv, tra = rr.get("invariance", {}), rr.get("transitivity", {})
    if inv.get("holds") is False:
        who = ", ".join(map(n, inv["worsened_changes_order"]))
        out.append(
            f"Rank reversal: making {who} slightly worse reordered the other vendors "
            f"({inv['changed']} of {inv['tests']} tests"
            + (", and the winner changed)." if inv["worsened_changes_winner"] else ").")
        )
    elif inv.get("holds"):
        out.append(
            f"Rank reversal: making a lower-ranked vendor slightly worse never reordered the "
            f"others ({inv['tests']} tests)."
        )
    elif "error" in inv:
        out.append(f"Rank-reversal invariance check not run: {_plain(inv['error'])}.")
    if tra.get("holds") is False:
        out.append(
            "Rank reversal: comparing the vendors two at a time does not give the same order as "
            "ranking them together (the transitivity check failed), so treat close places as level."
        )
    elif tra.get("holds"):
        out.append("Comparing vendors two at a time gives the same order (transitivity holds).")
    elif "error" in tra:
        out.append(f"Transitivity check not run: {_plain(tra['error'])}.")
    return out


def _plain(error: str) -> str:
    """A check's failure in words: library messages about array values say nothing to a reader."""
    error = error.removeprefix("could not run: ").removeprefix("skipped: ")
    return (
        "the method gives no ranking on these values" if "look like a ranking" in error else error
    )


def _sentences(
    result: Sensitivity,
    method: str,
    titles: Mapping[str, str],
    names: Mapping[str, str] | None = None,
) -> list[str]:
    def n(vendor: str) -> str:
        return (names or {}).get(vendor, vendor)

    out = _share_sentences(result, method, n) + _threshold_sentences(result, titles, n)
    top = result.tied_first or [result.winner]
    rows = result.method_agreement.methods if result.method_agreement else ()
    same = [r.method for r in rows if set(r.first) == set(top)]
    who = " and ".join(map(n, top)) + (" level" if len(top) > 1 else "")
    if rows:
        out.append(f"{len(same)} of {len(rows)} ranking methods put {who} first.")
    return out + _reversal_sentences(result, n)


def describe(
    result: Sensitivity | None, titles: Mapping[str, str], names: Mapping[str, str]
) -> list[str]:
    """The sentences of an `analyse` result again, vendors by the names people know them by
    (scores.json keeps the ids)."""
    if result is None:
        return []
    method = next((k for k, v in decide.METHODS.items() if v == result.method), None)
    if result.winner is None or method is None:
        return list(result.sentences)
    return _sentences(result, method, titles, names)


def analyse(decision: models.Decision, *, samples: int = 10000, seed: int = 0) -> Sensitivity:
    """Sensitivity of a decision's ranking, for scores.json["sensitivity"] (see module docstring)."""
    vendors, rows = _fill(decision)
    method = next((k for k, v in decide.METHODS.items() if v == decision.method), decision.method)
    cols = decision.columns
    return analyse_matrix(
        rows,
        [c.objective for c in cols],
        [c.weight for c in cols],
        vendors,
        [c.id for c in cols],
        method,
        samples=samples,
        seed=seed,
        titles={c.id: c.title for c in cols if c.title},
    )
