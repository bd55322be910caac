"""`msp-select rank MATRIX.csv`: rank a hand-scored decision matrix with the same methods and checks.

    rank_matrix(csv_path, objectives, weights, method="topsis", *, samples=10000, seed=0)
        -> RankOutcome (.to_json() for --json, .to_text() for the table)

The CSV's first column names the alternatives and its header names the criteria; every other
cell is a number. `objectives` is "min,max,..." (or a list), `weights` "3,2,1" (relative).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from msp_select import decide, models
from msp_select.decide import sensitivity
from msp_select.decide.sensitivity import Sensitivity
from msp_select.errors import InputError
from msp_select.files import read_csv

MAX_VALUE = 1e12  # no score or weight a team writes by hand is larger


def _split(value, what: str) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value)
    items = [str(i).strip() for i in items]
    if not items or any(not i for i in items):
        raise InputError(
            f"--{what}: give one comma-separated value per criterion, e.g. min,max,max"
        )
    return items


def read_matrix(csv_path):
    """(alternatives, criteria, rows of floats) from the CSV; errors name file:line."""
    path = Path(csv_path)
    rows = read_csv(path, "matrix")
    if not rows or len(rows[0][1]) < 2:
        raise InputError(f"{path}:1: the header needs a name column and at least one criterion")
    criteria = [h.strip() for h in rows[0][1][1:]]
    if len(set(criteria)) != len(criteria) or any(not c for c in criteria):
        raise InputError(f"{path}:1: criterion names in the header must be present and distinct")
    names, values = [], []
    for line, row in rows[1:]:
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(criteria) + 1:
            raise InputError(f"{path}:{line}: expected {len(criteria) + 1} cells, found {len(row)}")
        name = row[0].strip()
        if not name or name in names:
            raise InputError(
                f"{path}:{line}: each row needs a distinct alternative name in the first column"
            )
        cells = []
        for crit, cell in zip(criteria, row[1:]):
            try:
                value = float(cell)
            except ValueError:
                value = math.nan
            if not math.isfinite(value) or abs(value) > MAX_VALUE:
                raise InputError(
                    f"{path}:{line}: {crit[:40]} = {cell.strip()[:40]!r} is not a number (finite)"
                )
            cells.append(value)
        names.append(name)
        values.append(cells)
    if not names:
        raise InputError(f"{path}: no alternatives below the header")
    return names, criteria, values


@dataclass(frozen=True)
class RankedAlternative:
    alternative: str
    rank: int
    score: float


@dataclass(frozen=True)
class RankOutcome:
    """A hand-scored matrix ranked: the method's name, the criteria, the ranking, sensitivity."""

    method: str  # the method's display name ("TOPSIS")
    criteria: tuple[models.Column, ...]  # weights normalised to sum to 1
    ranking: tuple[RankedAlternative, ...]  # best first
    sensitivity: Sensitivity

    def to_json(self) -> dict:
        return {
            "method": self.method,
            "criteria": [
                {"id": c.id, "objective": c.objective, "weight": round(c.weight, 6)}
                for c in self.criteria
            ],
            "ranking": [
                {"alternative": r.alternative, "rank": r.rank, "score": round(r.score, 6)}
                for r in self.ranking
            ],
            "sensitivity": self.sensitivity.to_json(),
        }

    def to_text(self) -> str:
        width = max(len("alternative"), *(len(r.alternative) for r in self.ranking))
        lines = [f"Method: {self.method}", "", f"{'rank':>4}  {'alternative':<{width}}  score"]
        for r in self.ranking:
            lines.append(f"{r.rank:>4}  {r.alternative:<{width}}  {round(r.score, 6):.4f}")
        sentences = self.sensitivity.sentences
        if sentences:
            lines += ["", "Sensitivity:"] + [f"- {s}" for s in sentences]
        return "\n".join(lines) + "\n"


def rank_matrix(
    csv_path,
    objectives: Sequence[str] | str,
    weights: Sequence[float] | str,
    method: str = "topsis",
    *,
    samples: int = 10000,
    seed: int = 0,
) -> RankOutcome:
    """Ranking plus sensitivity of a hand-scored matrix."""
    names, criteria, values = read_matrix(csv_path)
    objectives = [o.lower() for o in _split(objectives, "objectives")]
    bad = [o for o in objectives if o not in ("min", "max")]
    if bad:
        raise InputError(f"--objectives: {bad[0]!r} is neither min nor max")
    raw_weights = _split(weights, "weights")
    try:
        w = [float(x) for x in raw_weights]
    except ValueError:
        w = [math.nan]
    if not all(math.isfinite(x) and x <= MAX_VALUE for x in w):
        raise InputError(f"--weights: {','.join(raw_weights)[:80]} are not all numbers (finite)")
    for what, got in (("objectives", objectives), ("weights", w)):
        if len(got) != len(criteria):
            raise InputError(
                f"--{what}: {len(got)} given but {csv_path} has {len(criteria)} criteria "
                f"({', '.join(criteria)})"
            )
    if any(x < 0 for x in w) or sum(w) <= 0:
        raise InputError("--weights: weights must be zero or positive and not all zero")
    total = sum(w)
    columns = tuple(
        models.Column(c, o, x / total, "goal") for c, o, x in zip(criteria, objectives, w)
    )
    method = decide.canonical_method(method)
    try:
        ranked = decide.rank_matrix(values, columns, names, method)
    except ValueError:  # skcriteria: this method cannot operate on values < 0
        if not any(x < 0 for row in values for x in row):
            raise
        raise InputError(
            f"{csv_path}: method {method} cannot rank negative values; "
            "use --method topsis, or rescale the scores to 0 or more"
        ) from None
    ranking = tuple(
        RankedAlternative(a, ranked[a][0], ranked[a][1])
        for a in sorted(names, key=lambda a: ranked[a][0])
    )
    sens = sensitivity.analyse_matrix(
        values, objectives, w, names, criteria, method, samples=samples, seed=seed
    )
    return RankOutcome(decide.METHODS[method], columns, ranking, sens)
