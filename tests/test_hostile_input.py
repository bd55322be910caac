"""Each crash class of the issue-11 probe: one line naming file and line, exit 2, nothing written.

Every case here used to be an internal error, a hang, a blow-up in memory or invalid JSON.
The inputs are checked before any PDF is read, so a bogus proposal file is enough.
"""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from msp_select.cli import main

GOAL = """goals:
  - id: p1
    category: response_time
    scope: P1
    target: {{op: "<=", value: {value}, unit: {unit}}}
    weight: {weight}
"""


def criteria(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "criteria"
    folder.mkdir(exist_ok=True)
    (folder / "client.yaml").write_text(text, encoding="utf-8")
    return folder


def goal(value="30", unit="minute", weight="1") -> str:
    return GOAL.format(value=value, unit=unit, weight=weight)


def run_score(tmp_path: Path, crit_text: str = goal(), extra=(), overrides: str | None = None):
    proposals = tmp_path / "proposals"
    proposals.mkdir(exist_ok=True)
    (proposals / "acme.pdf").write_bytes(b"%PDF-1.4 never read: the inputs fail first")
    if overrides is not None:
        (proposals / "overrides.yaml").write_text(overrides, encoding="utf-8")
    out = tmp_path / "out"
    args = ["score", str(proposals), "--criteria", str(criteria(tmp_path, crit_text))]
    started = time.monotonic()
    r = CliRunner().invoke(main, [*args, "--out", str(out), "--no-cache", *extra])
    assert time.monotonic() - started < 20
    return r, out


def assert_refused(r, out: Path, where: str, words: str) -> None:
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and "internal error" not in r.output
    message = r.stderr.strip()
    assert "\n" not in message, message
    assert where in message and words in message, message
    assert len(message) < 400
    assert not out.exists()


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")
)


@pytest.mark.parametrize(
    "text,line,words",
    [
        (BOMB, 6, "expands to more than"),
        ("a: &a x\nb: [" + ", ".join(["*a"] * 101) + "]\n", 2, "aliases"),
        ("goals: " + "[" * 5000 + "]" * 5000 + "\n", 1, "nested deeper"),
        (goal(unit="9**9**9**9"), 5, "unit"),
        (goal(unit="minute/0"), 5, "unit"),
        (goal(unit='"min\u200bute"'), 5, "unit"),
        (goal(unit='"\u202eetunim"'), 5, "unit"),
        (goal(unit='"()"'), 5, "unit"),
        (goal(value="1" * 400), 5, "number"),
        (goal(weight="1" * 400), 6, "weight"),
        (goal(weight=".nan"), 6, "weight"),
        (goal(weight=".inf"), 6, "weight"),
        (goal(value="-.inf"), 5, "number"),
        (goal().replace("id: p1", 'id: ""'), 2, "goal id"),
        (goal() + "on: true\n", 7, "unknown top-level key 'on'"),
        (goal().replace("scope: P1", "yes: P1"), 4, "unknown goal key 'yes'"),
    ],
)
def test_hostile_criteria_are_refused_with_file_and_line(tmp_path, text, line, words):
    r, out = run_score(tmp_path, text)
    assert_refused(r, out, f"client.yaml:{line}:", words)


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("- vendor: acme\n  action: confirm\n  on: {category: price}\n  note: x\n", 3, "'on'"),
        ("- vendor: acme\n  action: confirm\n  null: 1\n  note: x\n", 3, "'null'"),
        (
            "- vendor: acme\n  action: add\n  target: {category: price}\n  category: price\n"
            "  note: x\n",
            1,
            "takes no `target`",
        ),
        (
            "- vendor: acme\n  action: add\n  category: price\n  value: .nan\n  note: x\n",
            1,
            "value",
        ),
        (
            "- vendor: acme\n  action: add\n  category: price\n  value: 1e999\n  note: x\n",
            1,
            "value",
        ),
        ("- vendor: acme\n  action: add\n  category: price\n  value: -5\n  note: x\n", 1, "value"),
        ("- vendor: [a, b]\n  action: add\n  category: price\n  note: x\n", 1, "vendor"),
        (BOMB, 6, "expands to more than"),
        ("- " * 3000 + "x\n", 1, "nested deeper"),
    ],
)
def test_hostile_overrides_are_refused_with_file_and_line(tmp_path, text, line, words):
    r, out = run_score(tmp_path, overrides=text)
    assert_refused(r, out, f"overrides.yaml:{line}:", words)


def panel_file(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "panel.csv"
    path.write_bytes(data)
    return path


HEADER = "evaluator,vendor,criterion,score\n"


@pytest.mark.parametrize(
    "data,line,words",
    [
        ((HEADER + 'jd,acme,flexibility,"' + "x" * 200_000 + '"\n').encode(), 2, "not valid CSV"),
        ((HEADER + "jd,acme,flexibility,nan\n").encode(), 2, "outside the 0 to 5 scale"),
        ((HEADER + "jd,acme,flexibility,3\x00\n").encode(), 2, "is not a number"),
        ((HEADER + "jd,acm\xe9,flexibility,3\n").encode("latin-1"), 2, "not UTF-8 or UTF-16"),
    ],
)
def test_hostile_panel_csv_is_refused_with_file_and_line(tmp_path, data, line, words):
    panel = panel_file(tmp_path, data)
    r, out = run_score(tmp_path, extra=["--panel", str(panel)])
    assert_refused(r, out, f"panel.csv:{line}:", words)


@pytest.mark.parametrize(
    "encoding,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)]
)
def test_utf16_panel_as_excel_exports_it_is_read(tmp_path, encoding, bom):
    from msp_select.decide.judgement import load_panel

    text = HEADER + "jd,acme,flexibility,4\r\nkm,acme,flexibility,2\r\n"
    panel = load_panel(panel_file(tmp_path, bom + text.encode(encoding)))
    assert panel[("acme", "flexibility")].scores == (4.0, 2.0)


def test_tab_separated_unicode_text_panel_is_read(tmp_path):
    from msp_select.decide.judgement import load_panel

    text = HEADER.replace(",", "\t") + "jd\tacme\tflexibility\t5\n"
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert load_panel(panel_file(tmp_path, data))[("acme", "flexibility")].median == 1.0


def rank(tmp_path: Path, csv_text: str, *args):
    path = tmp_path / "matrix.csv"
    path.write_text(csv_text, encoding="utf-8")
    return CliRunner().invoke(main, ["rank", str(path), "--samples", "10", *args])


@pytest.mark.parametrize(
    "csv_text,args,words",
    [
        ("v,a,b\nx,1,2\ny,nan,3\n", ("--weights", "1,1"), "matrix.csv:3: a = 'nan'"),
        ("v,a,b\nx,1,inf\ny,2,3\n", ("--weights", "1,1"), "matrix.csv:2: b = 'inf'"),
        ("v,a,b\nx,1,1e999\ny,2,3\n", ("--weights", "1,1"), "matrix.csv:2:"),
        ("v,a,b\nx,1,2\ny,2,3\n", ("--weights", "nan,1"), "--weights"),
        ("v,a,b\nx,1,2\ny,2,3\n", ("--weights", "inf,1"), "--weights"),
        (
            "v,a,b\nx,-1,2\ny,3,-4\nz,0,1\n",
            ("--weights", "1,1", "--method", "wsm"),
            "cannot rank negative values",
        ),
    ],
)
def test_hostile_matrix_is_refused(tmp_path, csv_text, args, words):
    r = rank(tmp_path, csv_text, "--objectives", "max,min", *args)
    assert r.exit_code == 2, r.output
    assert words in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_negative_matrix_still_ranks_with_topsis(tmp_path):
    r = rank(tmp_path, "v,a,b\nx,-1,2\ny,3,-4\n", "--objectives", "max,min", "--weights", "1,1")
    assert r.exit_code == 0, r.output
    assert r.stdout.index(" y ") < r.stdout.index(" x ")


@pytest.mark.parametrize("unit,minutes", [("hours", 240), ("hrs", 240), ("business days", 1920)])
def test_unit_names_still_convert(unit, minutes):
    from msp_select import units

    assert units.to_contract(4, unit, "minute") == minutes
