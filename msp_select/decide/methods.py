"""The ranking methods decide offers, in NumPy: the same formulas and preprocessing as
scikit-criteria's pipelines, so ranks and scores are the same.

Why not call scikit-criteria: importing any part of it loads its datasets, seaborn and
scipy.stats (about 2.5 s), more than a whole re-score costs. It stays the reference:
tests/test_methods.py compares every method here with its pipeline on random matrices.

    evaluate(name, matrix, maximise, weights) -> (ranks, scores or None)

`matrix` is alternatives x criteria, `maximise` one bool per criterion, `weights` sum to 1.
Ranks are dense and 1-based (equal scores share a rank); `scores` is the method's own
'higher is better' score, None for VIKOR and SPOTIS whose score is a distance.
"""

from __future__ import annotations

import numpy as np

# name -> preprocessing: "vector" scales columns to unit length (TOPSIS keeps costs as
# costs); "invert" lifts columns holding a zero by 0.01, inverts costs (1/x) and scales
# each column to sum 1, as the other methods want positive, maximised criteria.
RECIPE = {
    "topsis": "vector",
    **dict.fromkeys(
        (
            "wsm",
            "wpm",
            "waspas",
            "moora",
            "vikor",
            "edas",
            "aras",
            "cocoso",
            "codas",
            "mabac",
            "spotis",
        ),
        "invert",
    ),
}


def dense_rank(values, reverse: bool = False):
    """1-based dense ranks, lowest first (highest first with `reverse`). A NaN score (a
    degenerate matrix) fails with scikit-criteria's message, so reports stay the same."""
    values = np.asarray(values, dtype=float)
    if np.isnan(values).any():
        garbage = np.full(values.shape, np.iinfo(np.int64).min)  # what its rankdata gives
        raise ValueError(f"The data {garbage} doesn't look like a ranking")
    _, inverse = np.unique(-values if reverse else values, return_inverse=True)
    return inverse.reshape(values.shape).astype(np.int64) + 1


def _prepare(recipe: str, matrix, maximise):
    x = np.asarray(matrix, dtype=float)
    mx = np.asarray(maximise, dtype=bool)
    if recipe == "vector":
        return x / np.linalg.norm(x, axis=0), mx
    x = x + np.any(x == 0, axis=0, keepdims=True) * 0.01
    x[:, ~mx] = 1.0 / x[:, ~mx]
    return x / np.sum(x, axis=0, keepdims=True), np.ones_like(mx)


def _topsis(x, mx, w):
    v = x * w
    ideal = np.where(mx, v.max(axis=0), v.min(axis=0))
    anti = np.where(mx, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return d_minus / (d_plus + d_minus)


def _wsm(x, w):
    if np.any(x < 0):
        raise ValueError("WeightedSumModel can't operate with values < 0")
    return np.inner(x, w)


def _log_wpm(x, w):
    if np.any(x <= 0):
        raise ValueError("WeightedProductModel can't operate with values <= 0")
    return np.sum(np.log10(x) * w, axis=1)


def _waspas(x, w):
    if np.any(x <= 0):
        raise ValueError("WASPAS can't operate with values <= 0")
    return 0.5 * np.inner(x, w) + 0.5 * np.power(10, np.sum(np.log10(x) * w, axis=1))


def _edas(x, w):
    avg = x.mean(axis=0)
    divisor = avg + 1e-5 if np.any(avg == 0) else avg
    divisor = np.where(divisor == 0, -1e-6, divisor)
    diff = x - avg
    pda = (np.maximum(0, diff) / divisor * w).sum(axis=1)
    nda = (np.maximum(0, -diff) / divisor * w).sum(axis=1)
    pda = pda / (pda.max() if pda.max() != 0 else 1e-5)
    nda = 1 - nda / (nda.max() if nda.max() != 0 else 1e-5)
    return 0.5 * (pda + nda)


def _cocoso(x, w):
    if np.any(x < 0):
        raise ValueError("CoCoSo can't operate with values <= 0")
    wsm = np.sum(x * w, axis=1)
    wpm = np.sum(x**w, axis=1)
    k_a = (wsm + wpm) / np.sum(wsm + wpm)
    k_b = wsm / np.min(wsm) + wpm / np.min(wpm)
    k_c = (0.5 * wsm + 0.5 * wpm) / (0.5 * np.max(wsm) + 0.5 * np.max(wpm))
    return (k_a * k_b * k_c) ** (1 / 3) + (k_a + k_b + k_c) * (1 / 3)


def _codas(x, w, tau: float = 0.02):
    if np.any((x > 1) | (x < 0)):
        raise ValueError("DM must be normalized (Suggested to use BenefitCostInverter)")
    v = x * w
    gap = v - v.min(axis=0)
    euclid = np.sqrt(np.sum(gap**2, axis=1))
    taxicab = np.sum(np.abs(gap), axis=1)
    d_e = euclid[:, None] - euclid[None, :]
    d_t = taxicab[:, None] - taxicab[None, :]
    psi = (np.abs(d_e) >= tau).astype(int)
    return np.sum(d_e + psi * d_t, axis=1)


def _mabac(x, w):
    v = (x + 1) * w
    border = np.prod(v, axis=0) ** (1 / x.shape[0])
    return np.sum(v - border, axis=1)


def _cenit_scale(x, maximise):
    """(x - worst) / (best - worst) per column; a constant column becomes 0."""
    hi, lo = x.max(axis=0), x.min(axis=0)
    best, worst = np.where(maximise, hi, lo), np.where(maximise, lo, hi)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nan_to_num((x - worst) / (best - worst))


def _vikor_ranks(x, w, v: float = 0.5):
    """VIKOR with its compromise set: every member of the set ranks first."""
    scaled = _cenit_scale(x, np.zeros(x.shape[1], dtype=bool)) * w
    dist = np.column_stack((scaled.sum(axis=1), scaled.max(axis=1)))
    dist = _cenit_scale(dist, np.ones(2, dtype=bool))
    q = dist @ np.array([v, 1 - v])
    ranks = dense_rank(q)
    chosen = np.where(ranks == 1)[0]
    close = np.where(q - q[chosen[0]] < 1 / (len(x) - 1))[0]
    advantage = len(close) == len(chosen)
    stability = set(chosen) <= set(np.any(dist == 0, axis=1).nonzero()[0])
    if stability and advantage:
        compromise = chosen
    elif advantage:
        compromise = np.where(ranks <= 2)[0]
    else:
        compromise = close
    top = np.max(ranks[compromise])
    return np.where(ranks <= top, 1, ranks - top + 1)


def _spotis_distance(x, w):
    lo, hi = x.min(axis=0), x.max(axis=0)
    return np.sum(np.abs((x - hi) / (hi - lo)) * w, axis=1)


_SCORES = {
    "topsis": lambda x, mx, w: _topsis(x, mx, w),
    "wsm": lambda x, mx, w: _wsm(x, w),
    "wpm": lambda x, mx, w: _log_wpm(x, w),
    "waspas": lambda x, mx, w: _waspas(x, w),
    "moora": lambda x, mx, w: np.inner(x, w),
    "edas": lambda x, mx, w: _edas(x, w),
    "aras": lambda x, mx, w: np.sum(x * w, axis=1),  # ranked on score / ideal score, below
    "cocoso": lambda x, mx, w: _cocoso(x, w),
    "codas": lambda x, mx, w: _codas(x, w),
    "mabac": lambda x, mx, w: _mabac(x, w),
}


def evaluate(name: str, matrix, maximise, weights):
    """(dense ranks, score or None) of one method on a matrix; see the module docstring."""
    x, mx = _prepare(RECIPE[name], matrix, maximise)
    w = np.asarray(weights, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if name == "vikor":
            return _vikor_ranks(x, w), None
        if name == "spotis":
            return dense_rank(_spotis_distance(x, w)), None
        score = _SCORES[name](x, mx, w)
        ranked_on = score / np.sum(x.max(axis=0) * w) if name == "aras" else score
    return dense_rank(ranked_on, reverse=True), score


def kendall_tau(a, b) -> float:
    """Kendall's tau-b of two rankings (nan when one of them ties everyone)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    i, j = np.triu_indices(len(a), 1)
    da, db = np.sign(a[i] - a[j]), np.sign(b[i] - b[j])
    pairs = np.count_nonzero(da) * np.count_nonzero(db)
    return float((da * db).sum() / np.sqrt(pairs)) if pairs else float("nan")


# --- rank reversal: scikit-criteria's RankInvariantChecker and RankTransitivityChecker ------


def worsening_bounds(matrix, ranks):
    """(not-best alternatives in rank order, how far each may worsen per criterion): up to
    the next alternative's value, the last one by the median of the others' bounds, and
    never across zero."""
    x = np.asarray(matrix, dtype=float)
    order = np.argsort(np.asarray(ranks), kind="stable")[1:]
    rows = x[order]
    bounds = np.abs(rows[:-1] - rows[1:])
    bounds = np.vstack([bounds, np.median(bounds, axis=0)])
    return order, np.minimum(bounds, np.abs(rows))


def invariance_runs(name: str, matrix, maximise, weights, ranks, seed: int):
    """[(worsened alternative, ranks after)]: each not-best alternative made a little worse
    (at most down to the next one) with random noise; a sound method keeps the others' order.
    Draws the same random numbers as RankInvariantChecker(repeat=1, random_state=seed)."""
    x = np.asarray(matrix, dtype=float)
    mx = np.asarray(maximise, dtype=bool)
    rng = np.random.default_rng(seed)
    runs = []
    for i, bound in zip(*worsening_bounds(x, ranks)):
        noise = np.zeros(len(bound))
        while np.all(noise == 0):
            noise = np.array([rng.uniform(0, b) for b in bound])
        noise[mx] *= -1
        worse = x.copy()
        worse[i] += noise
        runs.append((int(i), evaluate(name, worse, mx, weights)[0]))
    return runs


def transitive(name: str, matrix, maximise, weights, ranks) -> bool:
    """Ranked two at a time, do the alternatives beat each other without a cycle and in the
    order of the full ranking? (RankTransitivityChecker's third test criterion.)"""
    x = np.asarray(matrix, dtype=float)
    n = len(x)
    beats = np.zeros((n, n), dtype=bool)
    mx, w = np.asarray(maximise, dtype=bool), np.asarray(weights, dtype=float)
    for a in range(n):
        for b in range(a + 1, n):
            # as rank_matrix does: a column where the two are level says nothing and, when it
            # is zero for both, breaks the normalisation (0/0)
            differ = (x[a] != x[b]) & (w > 0)
            if not differ.any():
                continue
            pair = evaluate(name, x[[a, b]][:, differ], mx[differ], w[differ] / w[differ].sum())
            beats[(a, b) if pair[0][0] < pair[0][1] else (b, a)] = True
    for a in range(n):
        for b in np.nonzero(beats[a])[0]:
            if np.any(beats[b] & beats[:, a]):
                return False  # a beats b beats c beats a
    return (beats.sum(axis=0) + 1).tolist() == [int(r) for r in ranks]
