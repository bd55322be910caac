"""How robust is the winner? Weight perturbation, weight thresholds, method agreement, rank reversal.

    analyse(decision, *, samples=10000, seed=0) -> dict        # scores.json["sensitivity"]
    analyse_matrix(matrix, objectives, weights, alternatives, criteria, method="topsis",
                   *, samples=10000, seed=0) -> dict             # the same, for a bare matrix

Only vendors that survived elimination are analysed: an eliminated vendor cannot win by
re-weighting. The weight analyses (a, b) use TOPSIS written in NumPy so that 10,000 weightings
cost one array operation instead of 10,000 scikit-criteria runs; when the chosen method is
another one, the output says so. Everything returned is rounded and ordered so reruns with the
same seed are byte-identical.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

from msp_select import models

NOISE_SIGMA = 0.3  # each weight is multiplied by exp(N(0, 0.3^2)): roughly +-30%, then renormalised
THRESHOLD_GRID = 201  # weights scanned from 0 to 1 before bisection refines a change of winner
_DIGITS = 4


def _fill(decision: models.Decision):
    """The survivors' rows with missing cells filled (worst value seen in the column, as decide does)."""
    from msp_select.decide import fill_missing

    filled = fill_missing(decision.matrix, decision.columns)
    alive = {r.vendor for r in decision.ranking if not r.eliminated}
    keep = [i for i, v in enumerate(decision.vendors) if v in alive]
    return [decision.vendors[i] for i in keep], [filled[i] for i in keep]


def topsis_many(matrix, maximise, weights):
    """TOPSIS closeness for many weight vectors at once.

    matrix (n alternatives x m criteria), maximise (m bools), weights (s x m, rows sum to 1)
    -> closeness (s x n). Vector normalisation, as scikit-criteria's TOPSIS pipeline uses.
    """
    import numpy as np

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


def _winners(matrix, maximise, weights):
    """Index of the first-placed alternative per weight row (ties: the earliest, i.e. lowest id)."""
    return topsis_many(matrix, maximise, weights).argmax(axis=1)


def _perturbed(weights, samples: int, seed: int):
    import numpy as np

    rng = np.random.default_rng(seed)
    w = np.asarray(weights, dtype=float)
    draws = w * np.exp(rng.normal(0.0, NOISE_SIGMA, size=(samples, w.size)))
    return draws / draws.sum(axis=1, keepdims=True)


def _reweight(weights, j: int, t):
    """Weight rows where criterion j weighs t (array) and the others keep their proportions."""
    import numpy as np

    w = np.asarray(weights, dtype=float)
    t = np.atleast_1d(np.asarray(t, dtype=float))
    rest = 1.0 - w[j]
    scale = (1.0 - t)[:, None] / rest if rest > 0 else np.zeros((t.size, 1))
    out = w[None, :] * scale
    out[:, j] = t
    return out


def _threshold(matrix, maximise, weights, j: int, base: int, upward: bool):
    """(weight at which the winner changes, new winner index) moving weight j up or down, or None."""
    import numpy as np

    w = float(weights[j])
    end = 1.0 if upward else 0.0
    grid = np.linspace(w, end, THRESHOLD_GRID)[1:]
    if grid.size == 0 or w == end:
        return None
    winners = _winners(matrix, maximise, _reweight(weights, j, grid))
    changed = np.nonzero(winners != base)[0]
    if changed.size == 0:
        return None
    k = int(changed[0])
    inside, outside = (w if k == 0 else grid[k - 1]), grid[k]
    for _ in range(40):
        mid = (inside + outside) / 2
        if _winners(matrix, maximise, _reweight(weights, j, mid))[0] == base:
            inside = mid
        else:
            outside = mid
    new = int(_winners(matrix, maximise, _reweight(weights, j, outside))[0])
    return float(outside), new


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _method_agreement(matrix, columns, alternatives, method: str) -> dict:
    """Rank with every method decide offers; Kendall tau of each against the chosen one."""
    from msp_select import decide
    from msp_select.decide.methods import kendall_tau

    names = sorted(set(decide._METHOD_TABLE))
    results, failed = {}, []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in names:
            try:
                ranked = decide.rank_matrix(matrix, columns, alternatives, name)
            except (
                Exception
            ) as err:  # a method that cannot handle this matrix is reported, not fatal
                failed.append(
                    {
                        "method": name,
                        "error": str(err).splitlines()[0][:200] if str(err) else type(err).__name__,
                    }
                )
                continue
            results[name] = [ranked[a][0] for a in alternatives]
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
            {
                "method": name,
                "ranking": order,
                "winner": order[0],
                "kendall_tau": None
                if tau is None or not math.isfinite(float(tau))
                else round(float(tau), _DIGITS),
            }
        )
    return {"reference": method, "methods": rows, "failed": failed}


def _rank_reversal(matrix, columns, alternatives, method: str, seed: int) -> dict:
    """Rank-reversal tests of the chosen method, as scikit-criteria's RankInvariantChecker and
    RankTransitivityChecker run them (decide/methods.py; needs at least three vendors)."""
    import numpy as np

    from msp_select.decide import methods

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
) -> dict:
    """Sensitivity of a filled numeric matrix (alternatives x criteria); see the module docstring."""
    import numpy as np

    from msp_select import decide

    method = decide.canonical_method(method)
    alternatives = list(alternatives)
    order = sorted(
        range(len(alternatives)), key=lambda i: alternatives[i]
    )  # ties go to the vendor id
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
    result: dict = {
        "vendors": alternatives,
        "method": decide.METHODS[method],
        "weight_model": "TOPSIS",
        "samples": samples,
        "seed": seed,
        "noise": f"each weight multiplied by exp(N(0, {NOISE_SIGMA}^2)) and renormalised",
    }
    if len(alternatives) < 2:
        result["sentences"] = ["Only one vendor is left, so there is nothing to compare."]
        return result
    base = int(_winners(x, maximise, w[None, :])[0])
    winner = alternatives[base]
    counts = np.bincount(
        _winners(x, maximise, _perturbed(w, samples, seed)), minlength=len(alternatives)
    )
    probs = counts / samples
    result["winner"] = winner
    result["first_place"] = sorted(
        (
            {"vendor": a, "probability": round(float(p), _DIGITS)}
            for a, p in zip(alternatives, probs)
        ),
        key=lambda d: (-d["probability"], d["vendor"]),
    )
    thresholds = []
    for j, crit in enumerate(criteria):
        entry = {"criterion": crit, "weight": round(float(w[j]), _DIGITS)}
        for key, upward in (("up", True), ("down", False)):
            found = _threshold(x, maximise, w, j, base, upward)
            entry[key] = (
                None
                if found is None
                else {"weight": round(found[0], _DIGITS), "new_winner": alternatives[found[1]]}
            )
        thresholds.append(entry)
    result["thresholds"] = thresholds
    result["method_agreement"] = _method_agreement(
        [list(r) for r in x], columns, alternatives, method
    )
    result["rank_reversal"] = _rank_reversal(
        [list(r) for r in x], columns, alternatives, method, seed
    )
    result["sentences"] = _sentences(result, method)
    return result


def _sentences(result: dict, method: str) -> list[str]:
    from msp_select import decide

    winner = result["winner"]
    top = result["first_place"][0]
    out = []
    under = (
        ""
        if method == "topsis"
        else f" (weights tested with TOPSIS; the ranking uses {decide.METHODS[method]})"
    )
    mine = next(p["probability"] for p in result["first_place"] if p["vendor"] == winner)
    out.append(
        f"{winner} ranks first in {_pct(mine)} of {result['samples']:,} perturbed weightings{under}."
    )
    if top["vendor"] != winner:
        out.append(
            f"{top['vendor']} ranks first more often ({_pct(top['probability'])}) once weights wobble."
        )
    robust = True
    for t in result["thresholds"]:
        if t["up"]:
            robust = False
            out.append(
                f"{winner} stays first unless {t['criterion']} weighs more than {_pct(t['up']['weight'])} "
                f"(now {_pct(t['weight'])}); then {t['up']['new_winner']} wins."
            )
        if t["down"]:
            robust = False
            out.append(
                f"{winner} stays first unless {t['criterion']} weighs less than {_pct(t['down']['weight'])} "
                f"(now {_pct(t['weight'])}); then {t['down']['new_winner']} wins."
            )
    if robust:
        out.append(f"No change to a single weight makes {winner} lose first place.")
    rows = result["method_agreement"]["methods"]
    same = [r["method"] for r in rows if r["winner"] == winner]
    if rows:
        out.append(f"{len(same)} of {len(rows)} ranking methods put {winner} first.")
    rr = result["rank_reversal"]
    if rr.get("checked") and rr.get("invariance", {}).get("holds") is False:
        inv = rr["invariance"]
        who = ", ".join(inv["worsened_changes_order"])
        out.append(
            f"Rank reversal: making {who} slightly worse reordered the other vendors "
            f"({inv['changed']} of {inv['tests']} tests"
            + (", and the winner changed)." if inv["worsened_changes_winner"] else ").")
        )
    return out


def analyse(decision: models.Decision, *, samples: int = 10000, seed: int = 0) -> dict:
    """Sensitivity of a decision's ranking, for scores.json["sensitivity"] (see module docstring)."""
    from msp_select import decide

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
    )
