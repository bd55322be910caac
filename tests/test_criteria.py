"""Criteria folders: merging, unit conversion of targets, weights, and errors a user can fix."""

from __future__ import annotations

import textwrap

import pytest

from msp_select.criteria import check_criteria, load_criteria, write_starter
from msp_select.errors import InputError

BASE = """\
goals:
  - id: p1-response
    title: P1 answered fast
    category: response_time
    scope: P1
    target: {op: "<=", value: 30, unit: minute}
    weight: 3
    must_have: true
team_fit:
  - criterion: control-retention
    weight: 1
settings:
  method: topsis
"""


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def goal_yaml(category, scope, target, extra=""):
    return f"""\
goals:
  - id: g
    category: {category}
    scope: {scope}
    target: {target}
    weight: 1
{extra}"""


def test_loads_goal_team_fit_and_method(tmp_path):
    crit = load_criteria(write(tmp_path, "client.yaml", BASE))
    (goal,) = crit.goals
    assert (goal.id, goal.category, goal.scope, goal.op, goal.value, goal.unit, goal.must_have) == (
        "p1-response",
        "response_time",
        "P1",
        "<=",
        30.0,
        "minute",
        True,
    )
    assert goal.origin.endswith("client.yaml:2")
    assert [t.criterion for t in crit.team_fit] == ["control-retention"]
    assert crit.method == "topsis"
    assert len(crit.sha256) == 64


def test_weights_of_goals_and_team_fit_sum_to_one_together(tmp_path):
    crit = load_criteria(write(tmp_path, "client.yaml", BASE))
    assert crit.goals[0].weight == pytest.approx(0.75)
    assert crit.team_fit[0].weight == pytest.approx(0.25)


@pytest.mark.parametrize(
    "category,scope,target,value,unit",
    [
        ("response_time", "P1", "{op: '<=', value: 4, unit: hours}", 240, "minute"),
        ("resolution_time", "P2", "{op: '<=', value: 1, unit: business day}", 480, "minute"),
        ("resolution_time", "P2", "{op: '<=', value: 1, unit: day}", 1440, "minute"),
        ("onboarding_duration", "all", "{op: '<=', value: 6, unit: weeks}", 42, "day"),
        ("onboarding_duration", "all", "{op: '<=', value: 10, unit: business days}", 10, "day"),
        ("contract_term", "all", "{op: '<=', value: 2, unit: years}", 24, "month"),
        ("availability", "all", "{op: '>=', value: 99.9, unit: '%'}", 99.9, "percent"),
        ("price", "per_user", "{op: '<=', value: 1200, unit: USD/year}", 100, "USD/month"),
        ("price", "flat", "{op: '<=', value: 9000, unit: EUR/month}", 9000, "EUR/month"),
        ("price", "onboarding", "{op: '<=', value: 5000, unit: USD}", 5000, "USD"),
    ],
)
def test_targets_are_converted_to_contract_units(tmp_path, category, scope, target, value, unit):
    (goal,) = load_criteria(write(tmp_path, "c.yaml", goal_yaml(category, scope, target))).goals
    assert goal.value == pytest.approx(value)
    assert goal.unit == unit


def test_support_hours_target_has_no_value(tmp_path):
    text = goal_yaml("support_hours", "helpdesk", "{op: '==', unit: 24x7}")
    (goal,) = load_criteria(write(tmp_path, "c.yaml", text)).goals
    assert (goal.value, goal.unit, goal.op) == (None, "24x7", "==")


@pytest.mark.parametrize(
    "text,line,words",
    [
        (
            goal_yaml("reponse_time", "P1", "{op: '<=', value: 30, unit: minute}"),
            3,
            "did you mean 'response_time'?",
        ),
        (goal_yaml("response_time", "P7", "{op: '<=', value: 30, unit: minute}"), 4, "scope 'P7'"),
        (
            goal_yaml("response_time", "P1", "{op: '<=', value: 30, unit: minutez}"),
            5,
            "did you mean 'minute'?",
        ),
        (
            goal_yaml("response_time", "P1", "{op: '=<', value: 30, unit: minute}"),
            5,
            "unknown op '=<'",
        ),
        (
            goal_yaml("response_time", "P1", "{op: '<=', value: 30, unit: percent}"),
            5,
            "is not a minute unit",
        ),
        (
            goal_yaml("price", "per_user", "{op: '<=', value: 30, unit: USD}"),
            5,
            "a per_user price is in USD/month",
        ),
        (
            goal_yaml("availability", "all", "{op: '>=', value: high, unit: percent}"),
            5,
            "must be a number",
        ),
        (
            goal_yaml(
                "response_time", "P1", "{op: '<=', value: 30, unit: minute}", "    must_hav: true\n"
            ),
            7,
            "did you mean 'must_have'?",
        ),
        ("goal:\n  - id: x\n", 1, "did you mean 'goals'?"),
        (
            goal_yaml(
                "response_time",
                "P1",
                "{op: '<=', value: 30, unit: minute}",
                "    must_have: maybe\n",
            ),
            7,
            "must_have is true or false",
        ),
        (
            "team_fit:\n  - criterion: control-retension\n    weight: 1\n",
            2,
            "did you mean 'control-retention'?",
        ),
        (
            "team_fit:\n  - criterion: flexibility\n    weight: -1\n",
            3,
            "weight must be a number >= 0",
        ),
        ("settings:\n  method: topsys\n", 2, "did you mean 'topsis'?"),
        ("goals:\n  - id: a\n   category: x\n", 3, "not valid YAML"),
    ],
)
def test_errors_name_file_line_and_suggest(tmp_path, text, line, words):
    folder = write(tmp_path, "bad.yaml", text)
    with pytest.raises(InputError) as err:
        load_criteria(folder)
    message = str(err.value)
    assert f"bad.yaml:{line}:" in message
    assert words in message


def test_repeated_goal_id_across_files_is_an_error(tmp_path):
    write(tmp_path, "a.yaml", BASE)
    write(
        tmp_path,
        "b.yml",
        BASE.replace("team_fit:\n  - criterion: control-retention\n    weight: 1\n", ""),
    )
    with pytest.raises(
        InputError, match=r"b\.yml:2: 'p1-response' is defined twice \(first at .*a\.yaml:2\)"
    ):
        load_criteria(tmp_path)


def test_files_are_merged(tmp_path):
    write(tmp_path, "a.yaml", BASE)
    write(
        tmp_path,
        "b.yaml",
        goal_yaml("rto", "all", "{op: '<=', value: 4, unit: hour}").replace("id: g", "id: rto"),
    )
    crit = load_criteria(tmp_path)
    assert [g.id for g in crit.goals] == ["p1-response", "rto"]
    assert crit.files == ("a.yaml", "b.yaml")


@pytest.mark.parametrize("make", [lambda p: p / "missing", lambda p: p])
def test_missing_or_empty_folder_is_an_error(tmp_path, make):
    with pytest.raises(InputError, match="criteria"):
        load_criteria(make(tmp_path))


def test_check_lists_every_problem(tmp_path):
    write(
        tmp_path, "a.yaml", goal_yaml("reponse_time", "P1", "{op: '<=', value: 30, unit: minute}")
    )
    write(tmp_path, "b.yaml", "team_fit:\n  - criterion: control-retension\n    weight: 1\n")
    problems = check_criteria(tmp_path)
    assert len(problems) == 2
    assert "a.yaml:3:" in problems[0] and "b.yaml:2:" in problems[1]
    assert check_criteria(write(tmp_path / "ok", "c.yaml", BASE)) == []


def test_sha256_changes_with_content(tmp_path):
    one = load_criteria(write(tmp_path / "1", "c.yaml", BASE)).sha256
    two = load_criteria(
        write(tmp_path / "2", "c.yaml", BASE.replace("weight: 3", "weight: 4"))
    ).sha256
    assert one != two


def test_starter_copies_and_never_overwrites(tmp_path):
    library = write(tmp_path / "lib", "core.yaml", BASE)
    (tmp_path / "lib" / "notes.txt").write_text("not criteria")
    written = write_starter(tmp_path / "criteria", library=library)
    assert [p.name for p in written] == ["core.yaml"]
    assert load_criteria(tmp_path / "criteria").goals[0].id == "p1-response"
    (tmp_path / "criteria" / "core.yaml").write_text("# mine")
    with pytest.raises(InputError, match="already holds core.yaml"):
        write_starter(tmp_path / "criteria", library=library)
    assert (tmp_path / "criteria" / "core.yaml").read_text() == "# mine"


def test_packaged_starter_library_is_valid(tmp_path):
    from importlib import resources

    library = resources.files("msp_select") / "data" / "library"
    if not library.is_dir() or not any(f.name.endswith(".yaml") for f in library.iterdir()):
        pytest.skip("default criteria library not packaged yet")
    written = write_starter(tmp_path / "criteria")
    assert written and all(p.exists() for p in written)
    assert load_criteria(tmp_path / "criteria").goals
    with pytest.raises(InputError, match="already holds"):
        write_starter(tmp_path / "criteria")
