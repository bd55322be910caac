"""Hypothesis on every loader of user input: whatever the bytes, the answer is a value or one
InputError line naming the file, never another exception, and never slow to come.

`make test` runs a fixed number of derandomised examples; a campaign raises them with
MSP_FUZZ_EXAMPLES=5000 (and random seeds with MSP_FUZZ_RANDOM=1).
"""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msp_select import criteria, units
from msp_select.decide import handscored, judgement
from msp_select.errors import InputError
from msp_select.extract import quantities

FUZZ = settings(
    max_examples=int(os.environ.get("MSP_FUZZ_EXAMPLES", "60")),
    derandomize=not os.environ.get("MSP_FUZZ_RANDOM"),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
ROOT = Path(tempfile.mkdtemp(prefix="msp-fuzz-"))

# Values a hostile file would use, mixed into generated documents.
ATOMS = st.one_of(
    st.sampled_from(
        [
            "minute",
            "hour",
            "9**9**9**9",
            "minute/0",
            "()",
            "\u202eetunim",
            "USD/month",
            "on",
            "P1",
            "response_time",
            "price",
            "<=",
            ">=",
            "==",
            "24x7",
            "flexibility",
            "acme",
            "add",
            "correct",
        ]
    ),
    st.text(max_size=20),
    st.integers(min_value=-(10**500), max_value=10**500),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
TREES = st.recursive(
    ATOMS,
    lambda kids: st.one_of(
        st.lists(kids, max_size=5),
        st.dictionaries(
            st.one_of(
                st.sampled_from(
                    [
                        "goals",
                        "team_fit",
                        "settings",
                        "id",
                        "category",
                        "scope",
                        "target",
                        "op",
                        "value",
                        "unit",
                        "weight",
                        "must_have",
                        "criterion",
                        "method",
                        "vendor",
                        "action",
                        "note",
                        "on",
                        "yes",
                        "null",
                    ]
                ),
                st.text(max_size=8),
            ),
            kids,
            max_size=6,
        ),
    ),
    max_leaves=30,
)


def _write(name: str, data: bytes) -> Path:
    path = ROOT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _yaml_bytes(tree, raw: bytes, use_raw: bool) -> bytes:
    if use_raw:
        return raw
    try:
        return yaml.safe_dump(tree, allow_unicode=True).encode("utf-8", "surrogatepass")
    except (yaml.YAMLError, ValueError):
        return b"goals: []\n"


def _one_line(err: InputError, name: str) -> None:
    text = str(err)
    assert "\n" not in text and name in text and len(text) < 2000


@FUZZ
@given(tree=TREES, raw=st.binary(max_size=300), use_raw=st.booleans(), wrap=st.booleans())
def test_criteria_loader(tree, raw, use_raw, wrap):
    _write("criteria/c.yaml", _yaml_bytes({"goals": [tree]} if wrap else tree, raw, use_raw))
    problems = criteria.check_criteria(ROOT / "criteria")
    assert all("\n" not in p and "c.yaml" in p for p in problems)
    if problems:
        return
    crit = criteria.load_criteria(ROOT / "criteria")
    weights = [g.weight for g in crit.goals] + [t.weight for t in crit.team_fit]
    assert all(math.isfinite(w) and w >= 0 for w in weights)
    assert math.isclose(sum(weights), 1.0, rel_tol=1e-6)
    assert all(g.value is None or math.isfinite(g.value) for g in crit.goals)


@FUZZ
@given(tree=TREES, raw=st.binary(max_size=300), use_raw=st.booleans())
def test_overrides_loader(tree, raw, use_raw):
    path = _write("overrides.yaml", _yaml_bytes([tree], raw, use_raw))
    try:
        entries = judgement.load_overrides(path)
    except InputError as err:
        _one_line(err, "overrides.yaml")
        return
    for e in entries:
        assert isinstance(e.vendor, str)
        assert e.values.get("value") is None or math.isfinite(float(e.values["value"]))


CSV_CELLS = st.one_of(
    st.sampled_from(["acme", "flexibility", "4", "nan", "inf", "-1", "1e999", "", '"', "\x00"]),
    st.text(max_size=10),
)


def _csv(rows, encoding) -> bytes:
    text = "\n".join(",".join(r) for r in rows)
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


@FUZZ
@given(
    rows=st.lists(st.lists(CSV_CELLS, min_size=1, max_size=5), max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "latin-1"]),
    header=st.booleans(),
)
def test_panel_loader(rows, encoding, header):
    rows = ([["evaluator", "vendor", "criterion", "score"]] if header else []) + rows
    path = _write("panel.csv", _csv(rows, encoding))
    try:
        panel = judgement.load_panel(path)
    except InputError as err:
        _one_line(err, "panel.csv")
        return
    assert all(0 <= p.median <= 1 for p in panel.values())


@FUZZ
@given(
    rows=st.lists(st.lists(CSV_CELLS, min_size=2, max_size=3), min_size=1, max_size=5),
    weights=st.sampled_from(["1,1", "1,2", "nan,1", "inf,1", "0,0", "1"]),
    method=st.sampled_from(["topsis", "wsm", "wpm", "vikor", "codas"]),
)
def test_matrix_loader_and_rank(rows, weights, method):
    path = _write("matrix.csv", _csv([["v", "a", "b"], *rows], "utf-8"))
    try:
        result = handscored.rank_matrix(path, "max,min", weights, method, samples=5)
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert all(math.isfinite(r["score"]) for r in result["json"]["ranking"])


@FUZZ
@given(value=st.floats(allow_nan=False, allow_infinity=False, width=32), unit=st.text(max_size=30))
def test_unit_names_are_never_evaluated(value, unit):
    try:
        out = units.to_contract(value, unit, "minute")
    except ValueError:
        return
    assert isinstance(out, float)


NUMBER_WORDS = st.lists(
    st.sampled_from(
        ["one", "two", "twenty", "hundred", "and", "-", "four (4)", "hours", "minutes"]
    ),
    max_size=400,
)


@FUZZ
@given(words=NUMBER_WORDS, noise=st.text(max_size=40))
def test_quantity_finder_takes_any_text(words, noise):
    text = " ".join(words) + noise
    for q in quantities.find_times(text) + quantities.find_percents(text):
        assert 0 <= q.start < q.end <= len(text) and math.isfinite(q.value)
