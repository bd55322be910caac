"""The NumPy ranking methods give scikit-criteria's ranks and scores (its pipelines are the
reference; decide no longer imports them because the import alone costs seconds)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from msp_select import decide
from msp_select.decide import methods

METHOD_NAMES = sorted(methods.RECIPE)


def _matrix(seed: int):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(3, 8)), int(rng.integers(2, 7))
    x = rng.uniform(0, 100, size=(n, m)).round(int(rng.integers(0, 3)))
    x[rng.random((n, m)) < 0.15] = 0.0  # zeros, as missing binding values are filled with
    if seed % 3 == 0:
        x[1] = x[0]  # an exact tie between two vendors
    maximise = rng.random(m) > 0.4
    weights = rng.uniform(0.1, 3, size=m)
    return x, maximise, weights / weights.sum()


def _reference(name, x, maximise, weights):
    import skcriteria as skc

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dm = skc.mkdm(x, [max if b else min for b in maximise], weights=weights)
        result = decide._pipeline(name).evaluate(dm)
    extra = dict(result.e_)
    score = next((extra[k] for k in ("similarity", "score") if k in extra), None)
    return np.asarray(result.rank_), score


@pytest.mark.parametrize("name", METHOD_NAMES)
@pytest.mark.parametrize("seed", range(12))
def test_same_ranks_and_scores_as_scikit_criteria(name, seed):
    x, maximise, weights = _matrix(seed)
    keep = [j for j in range(x.shape[1]) if len(set(x[:, j])) > 1]
    x, maximise, weights = x[:, keep], maximise[keep], weights[keep] / weights[keep].sum()
    ref_ranks, ref_score = _reference(name, x, maximise, weights)
    ranks, score = methods.evaluate(name, x, maximise, weights)
    assert ranks.tolist() == ref_ranks.tolist()
    if score is not None and name not in ("vikor", "spotis"):
        np.testing.assert_allclose(score, ref_score, rtol=1e-12, atol=1e-12)


def test_dense_rank_shares_ranks_between_equal_values():
    assert methods.dense_rank([0.5, 0.9, 0.5, 0.1], reverse=True).tolist() == [2, 1, 2, 3]
    assert methods.dense_rank([3.0, 1.0, 3.0]).tolist() == [2, 1, 2]


def test_negative_values_are_refused_with_the_reference_message():
    x = np.array([[-1.0, 2.0], [3.0, 4.0], [5.0, 1.0]])
    with pytest.raises(ValueError, match="WeightedSumModel can't operate with values < 0"):
        methods.evaluate("wsm", x, [True, True], [0.5, 0.5])


def test_decide_never_imports_scikit_criteria_to_rank():
    import subprocess
    import sys

    code = (
        "import sys; from msp_select import decide, models;"
        "cols = (models.Column('a', 'max', 0.5, 'goal'), models.Column('b', 'min', 0.5, 'goal'));"
        "decide.rank_matrix([[1, 2], [3, 1], [2, 5]], cols, ['x', 'y', 'z'], 'vikor');"
        "print('skcriteria' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("name", ["topsis", "wsm", "vikor", "mabac"])
@pytest.mark.parametrize("seed", range(4))
def test_rank_reversal_runs_match_scikit_criteria(name, seed):
    import skcriteria as skc
    from skcriteria.ranksrev import RankInvariantChecker, RankTransitivityChecker

    x, maximise, weights = _matrix(3 * seed + 101)  # no tied vendors: room to be made worse
    x = x + 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dm = skc.mkdm(x, [max if b else min for b in maximise], weights=weights)
        pipe = decide._pipeline(name)
        checked = RankInvariantChecker(pipe, repeat=1, random_state=seed).evaluate(dm)
        transitivity = RankTransitivityChecker(pipe).evaluate(dm)
        ref = methods.evaluate(name, x, maximise, weights)[0]
        runs = methods.invariance_runs(name, x, maximise, weights, ref, seed)
        holds = methods.transitive(name, x, maximise, weights, ref)
    expected = [
        (int(run.e_["rank_inv_check"]["mutated"][1:]), run.rank_.tolist())  # "A3" -> 3
        for label, run in checked.named_ranks.items()
        if label != "Reference"
    ]
    assert [(i, r.tolist()) for i, r in runs] == expected
    assert holds == bool(transitivity.extra_["test_criterion_3"])


def test_kendall_tau_b():
    assert methods.kendall_tau([1, 2, 3, 4], [1, 2, 3, 4]) == 1.0
    assert methods.kendall_tau([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0
    assert methods.kendall_tau([1, 2, 3], [1, 3, 2]) == pytest.approx(1 / 3)
    assert np.isnan(methods.kendall_tau([1, 1, 1], [1, 2, 3]))
