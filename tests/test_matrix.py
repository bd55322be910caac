"""`msp-select rank MATRIX.csv`: a hand-scored matrix ranked with the project's methods."""

from __future__ import annotations

import json

import pytest

from msp_select.decide.handscored import rank_matrix
from msp_select.errors import InputError


def write(tmp_path, text):
    path = tmp_path / "matrix.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_topsis_result_matches_hand_calculation(tmp_path):
    # Normalised columns are (1,0,0) and (0,1,0); with weights 3:1 the closeness is 0.75, 0.25, 0.
    path = write(tmp_path, "vendor,quality,fit\nalpha,1,0\nbeta,0,1\ngamma,0,0\n")
    out = rank_matrix(path, "max,max", "3,1", samples=200)
    ranking = out.to_json()["ranking"]
    assert [r["alternative"] for r in ranking] == ["alpha", "beta", "gamma"]
    assert [r["score"] for r in ranking] == pytest.approx([0.75, 0.25, 0.0])
    assert out.to_json()["sensitivity"]["thresholds"][0]["down"]["weight"] == pytest.approx(
        0.5, abs=1e-3
    )
    assert "alpha" in out.to_text().splitlines()[3] and "0.7500" in out.to_text()
    json.dumps(out.to_json())


def test_min_objective_prefers_lower_and_lists_are_accepted(tmp_path):
    path = write(tmp_path, "vendor,price,quality\ncheap,100,3\ndear,200,3\n")
    out = rank_matrix(path, ["min", "max"], [1, 1], method="wsm", samples=100)
    assert out.to_json()["ranking"][0]["alternative"] == "cheap"
    assert out.to_json()["method"] == "Weighted sum"


@pytest.mark.parametrize(
    "csv_text,objectives,weights,message",
    [
        ("v,a,b\nx,1,2\ny,3,oops\n", "max,max", "1,1", "matrix.csv:3: b = 'oops' is not a number"),
        ("v,a,b\nx,1,2\ny,3\n", "max,max", "1,1", "matrix.csv:3: expected 3 cells"),
        ("v,a,b\nx,1,2\ny,3,4\n", "max", "1,1", "--objectives: 1 given but"),
        ("v,a,b\nx,1,2\ny,3,4\n", "max,max", "1,2,3", "--weights: 3 given but"),
        ("v,a,b\nx,1,2\ny,3,4\n", "max,big", "1,1", "neither min nor max"),
        ("v,a,b\nx,1,2\ny,3,4\n", "max,max", "1,heavy", "not all numbers"),
        ("v,a,b\nx,1,2\nx,3,4\n", "max,max", "1,1", "matrix.csv:3: each row needs a distinct"),
        ("v,a,a\nx,1,2\n", "max,max", "1,1", "matrix.csv:1:"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, csv_text, objectives, weights, message):
    with pytest.raises(InputError) as err:
        rank_matrix(write(tmp_path, csv_text), objectives, weights, samples=10)
    assert message in str(err.value)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        rank_matrix(tmp_path / "nope.csv", "max", "1")


def test_unknown_method_suggests_one(tmp_path):
    with pytest.raises(InputError, match="did you mean 'topsis'"):
        rank_matrix(write(tmp_path, "v,a\nx,1\ny,2\n"), "max", "1", method="topsys")
