"""Sensitivity analysis speed: 10,000-sample Monte Carlo against one plain TOPSIS run.

    python benchmarks/sensitivity.py [--vendors 10] [--criteria 30] [--samples 10000]

Both are timed in this process on the same random matrix; the figure that matters is the
ratio (how many plain TOPSIS runs the whole weight perturbation costs), and the absolute
Monte Carlo time against the aim of half a second on two cores.
"""

from __future__ import annotations

import argparse

import numpy as np
from timing import best_of


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vendors", type=int, default=10)
    ap.add_argument("--criteria", type=int, default=30)
    ap.add_argument("--samples", type=int, default=10000)
    a = ap.parse_args()

    import skcriteria as skc
    from skcriteria.agg.similarity import TOPSIS
    from skcriteria.preprocessing.scalers import VectorScaler

    from msp_select.decide import sensitivity

    rng = np.random.default_rng(0)
    matrix = rng.uniform(1, 100, size=(a.vendors, a.criteria))
    maximise = rng.random(a.criteria) > 0.5
    weights = rng.uniform(0.5, 3, size=a.criteria)
    weights /= weights.sum()

    dm = skc.mkdm(matrix, [max if m else min for m in maximise], weights=weights)
    scaler, topsis = VectorScaler(target="matrix"), TOPSIS()
    plain = best_of(lambda: topsis.evaluate(scaler.transform(dm)))

    def monte_carlo():
        w = sensitivity._perturbed(weights, a.samples, 0)
        sensitivity._winners(matrix, maximise, w)

    mc = best_of(monte_carlo)
    names = [f"v{i:02d}" for i in range(a.vendors)]
    crits = [f"c{j:02d}" for j in range(a.criteria)]
    objectives = ["max" if m else "min" for m in maximise]
    whole = best_of(
        lambda: sensitivity.analyse_matrix(
            matrix, objectives, weights, names, crits, samples=a.samples
        ),
        repeat=1,
    )
    print(f"{a.vendors} vendors x {a.criteria} criteria")
    print(f"plain scikit-criteria TOPSIS, one run      {plain * 1000:8.2f} ms")
    print(f"Monte Carlo, {a.samples:,} weight vectors       {mc * 1000:8.2f} ms")
    print(f"whole analysis (+ thresholds, methods, rank reversal) {whole * 1000:8.0f} ms")
    print(f"ratio Monte Carlo / one TOPSIS             {mc / plain:8.1f}x")
    print(f"aim: Monte Carlo under 500 ms -> {'met' if mc < 0.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
