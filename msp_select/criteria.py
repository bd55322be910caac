"""Read the client's criteria folder (contract section 2) into `models.Criteria`.

Every *.yaml / *.yml file in the folder is merged. Validation is strict and every
message names `file:line` and, for a misspelt name, the closest valid one, because a
silently ignored typo would quietly change which vendor wins.

    load_criteria(directory) -> models.Criteria        # raises errors.InputError
    check_criteria(directory) -> list[str]             # every problem, [] when valid
    write_starter(directory, library=None) -> list[pathlib.Path]   # copy the default library
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import math
from importlib import resources
from pathlib import Path

import yaml

from msp_select import models, units
from msp_select.decide import METHODS  # the registry of ranking methods lives with the ranking
from msp_select.errors import InputError
from msp_select.files import safe_name
from msp_select.vocab import CATEGORIES

TOP_KEYS = ("goals", "team_fit", "settings", "description")
GOAL_KEYS = ("id", "title", "category", "scope", "target", "weight", "must_have", "description")
TARGET_KEYS = ("op", "value", "unit")
TEAM_KEYS = ("criterion", "weight", "title", "description")
SETTINGS_KEYS = ("method",)
OPS = ("<=", ">=", "==")
# The scopes of each category that takes more than `all` (from data/categories.yaml).
SCOPES = {c.id: c.scopes for c in CATEGORIES.values() if c.scopes != ("all",)}


MAX_YAML_BYTES = 1 << 20  # a criteria or overrides file is a few KB
MAX_ALIASES = 100  # `*name` references per file
MAX_DEPTH = 40  # nesting levels
MAX_NODES = 200_000  # values after expanding aliases: stops "billion laughs" documents


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that remembers each mapping's line and each key's line, and refuses
    documents that would cost more than a criteria file can need (aliases, depth, size).

    Keys are read as written: `on:`, `yes:` or `null:` stay the words "on", "yes", "null"
    (YAML 1.1 would turn them into booleans and None), so a typo gets a "did you mean".
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0
        self._weight: dict[int, int] = {}

    def _refuse(self, problem: str):
        raise yaml.composer.ComposerError(None, None, problem, self.peek_event().start_mark)

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                self._refuse(f"more than {MAX_ALIASES} aliases (*name); write the values out")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                self._refuse(f"nested deeper than {MAX_DEPTH} levels")
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if id(node) not in self._weight:
            w = self._weight.get
            if isinstance(node, yaml.SequenceNode):
                size = 1 + sum(w(id(c), 1) for c in node.value)
            elif isinstance(node, yaml.MappingNode):
                size = 1 + sum(w(id(k), 1) + w(id(v), 1) for k, v in node.value)
            else:
                size = 1
            if size > MAX_NODES:
                raise yaml.composer.ComposerError(
                    None, None, f"expands to more than {MAX_NODES} values", node.start_mark
                )
            self._weight[id(node)] = size
        return node

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, "expected a mapping", node.start_mark
            )
        self.flatten_mapping(node)
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "a key must be a plain word, not a list or mapping",
                    key_node.start_mark,
                )
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__lines__"] = {
            k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)
        }
        return mapping


class YamlProblem(Exception):
    """A YAML file that cannot be read: `line` (1-based) and a one-line `problem`."""

    def __init__(self, line: int, problem: str):
        super().__init__(problem)
        self.line = line
        self.problem = problem


def read_yaml(path: Path):
    """The data of a criteria or overrides file, read with the bounded loader.

    Raises OSError when it cannot be read and YamlProblem when it is not acceptable YAML.
    """
    with open(path, "rb") as f:
        return parse_yaml(f.read(MAX_YAML_BYTES + 1))


def parse_yaml(raw: bytes):
    """The data of YAML bytes, read with the bounded loader; YamlProblem when not acceptable."""
    if len(raw) > MAX_YAML_BYTES:
        raise YamlProblem(1, f"larger than {MAX_YAML_BYTES // 1024} KB; is this the right file?")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(line, "not UTF-8 text; save the file as UTF-8") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(
            (mark.line + 1) if mark else 1, f"not valid YAML: {exc.problem or exc.context}"
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"not valid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise YamlProblem(1, f"not valid YAML: nested deeper than {MAX_DEPTH} levels") from None


def _suggest(word, choices) -> str:
    word = str(word)[:100]
    close = difflib.get_close_matches(word, [str(c) for c in choices], n=1, cutoff=0.5)
    return (
        f"; did you mean {close[0]!r}?"
        if close
        else f"; expected one of: {', '.join(map(str, choices))}"
    )


class _Problems:
    """Collects 'file:line: message' strings so `check` can show all of them at once."""

    def __init__(self):
        self.items: list[str] = []

    def add(self, where: str, line: int, message: str) -> None:
        self.items.append(f"{where}:{line}: {message}")


def _files(directory) -> list[Path]:
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(
            f"{folder}: criteria folder not found; create it with `msp-select init {folder}`"
        )
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        raise InputError(
            f"{folder}: no criteria files (*.yaml); create a starter set with "
            f"`msp-select init {folder}`"
        )
    return files


def _line(mapping: dict, key: str | None = None) -> int:
    if key is not None:
        return mapping.get("__lines__", {}).get(key, mapping.get("__line__", 1))
    return mapping.get("__line__", 1)


def _unknown_keys(mapping: dict, allowed, where, problems: _Problems, what: str) -> None:
    for key in mapping:
        if key in ("__line__", "__lines__"):
            continue
        if key not in allowed:
            problems.add(
                where, _line(mapping, key), f"unknown {what} key {key!r}" + _suggest(key, allowed)
            )


MAX_NUMBER = 1e12  # larger than any weight, price or duration a client means


def finite_number(raw) -> float | None:
    """`raw` as a float when it is a finite number no larger than MAX_NUMBER, else None."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return None
    if isinstance(raw, int) and abs(raw) > MAX_NUMBER:
        return None  # before float(): a 400-digit integer does not fit a float
    value = float(raw)
    return value if math.isfinite(value) and abs(value) <= MAX_NUMBER else None


def _shown(raw, limit: int = 40) -> str:
    text = repr(raw)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _weight(raw, where, line, problems) -> float | None:
    value = finite_number(raw)
    if value is None or value < 0:
        problems.add(where, line, f"weight must be a number >= 0, not {_shown(raw)}")
        return None
    return value


def _goal(raw, where, problems) -> dict | None:
    if not isinstance(raw, dict):
        problems.add(
            where, 1, "each goal must be a mapping with id, category, scope, target, weight"
        )
        return None
    _unknown_keys(raw, GOAL_KEYS, where, problems, "goal")
    line = _line(raw)
    before = len(problems.items)
    for key in ("id", "category", "target", "weight"):
        if key not in raw:
            problems.add(where, line, f"goal {raw.get('id', '?')!r} has no {key!r}")
    if len(problems.items) > before:
        return None
    gid = raw["id"]
    if not isinstance(gid, (str, int)) or isinstance(gid, bool) or not str(gid).strip():
        problems.add(
            where, _line(raw, "id"), f"a goal id must be a non-empty word, not {_shown(gid)}"
        )
        return None
    gid = str(gid)
    category = raw["category"]
    if category not in models.CATEGORIES:
        problems.add(
            where,
            _line(raw, "category"),
            f"unknown category {category!r}" + _suggest(category, models.CATEGORIES),
        )
        return None
    scope = str(raw.get("scope", "all"))
    scopes = CATEGORIES[category].scopes
    if scope not in scopes:
        problems.add(
            where,
            _line(raw, "scope"),
            f"goal {gid!r}: unknown scope {scope!r} for {category}" + _suggest(scope, scopes),
        )
    target = raw["target"]
    if not isinstance(target, dict):
        problems.add(
            where,
            _line(raw, "target"),
            f"goal {gid!r}: target must be a mapping like {{op: '<=', value: 30, unit: minute}}",
        )
        return None
    _unknown_keys(target, TARGET_KEYS, where, problems, "target")
    op = target.get("op")
    if op not in OPS:
        problems.add(
            where, _line(target, "op"), f"goal {gid!r}: unknown op {op!r}" + _suggest(op, OPS)
        )
    weight = _weight(raw["weight"], where, _line(raw, "weight"), problems)
    if not isinstance(raw.get("must_have", False), bool):
        problems.add(
            where,
            _line(raw, "must_have"),
            f"goal {gid!r}: must_have is true or false, not {raw['must_have']!r}",
        )
    value, unit = _target_value(gid, category, scope, target, where, problems)
    if len(problems.items) > before:
        return None
    return dict(
        id=gid,
        title=str(raw.get("title", gid)),
        category=category,
        scope=scope,
        op=op,
        value=value,
        unit=unit,
        weight=weight,
        must_have=bool(raw.get("must_have", False)),
        description=str(raw.get("description", "")).strip(),
        origin=f"{where}:{_line(raw)}",
    )


def _target_value(gid, category, scope, target, where, problems):
    """(value, unit) of a target in the category's contract unit, or (None, '') on a problem."""
    unit = str(target.get("unit", units.CONTRACT_UNITS.get(category, "")))
    uline = _line(target, "unit")
    if category == "support_hours":
        if unit not in units.SUPPORT_UNITS:
            problems.add(
                where,
                uline,
                f"goal {gid!r}: unknown unit {unit!r}" + _suggest(unit, units.SUPPORT_UNITS),
            )
        return None, unit
    raw = target.get("value")
    if finite_number(raw) is None:
        problems.add(
            where,
            _line(target, "value") if "value" in target else _line(target),
            f"goal {gid!r}: target value must be a number (finite), not {_shown(raw)}",
        )
        return None, ""
    raw = finite_number(raw)
    if category == "price":
        try:
            value, unit = units.price_to_contract(raw, unit)
        except ValueError as exc:
            problems.add(where, uline, f"goal {gid!r}: {exc}")
            return None, ""
        period = CATEGORIES["price"].period(scope)
        have = unit.partition("/")[2]
        if period is not None and have != period:
            want = f"{unit.partition('/')[0]}/{period}" if period else unit.partition("/")[0]
            problems.add(where, uline, f"goal {gid!r}: a {scope} price is in {want}, not {unit}")
            return None, ""
        return value, unit
    want = units.CONTRACT_UNITS[category]
    try:
        return units.to_contract(raw, unit, want), want
    except ValueError:
        problems.add(
            where,
            uline,
            f"goal {gid!r}: unit {unit!r} is not a {want} unit"
            + _suggest(unit, units.known_units(category)),
        )
        return None, ""


def _team(raw, where, problems) -> dict | None:
    if not isinstance(raw, dict):
        problems.add(where, 1, "each team_fit entry must be a mapping with criterion and weight")
        return None
    _unknown_keys(raw, TEAM_KEYS, where, problems, "team_fit")
    before = len(problems.items)
    crit = raw.get("criterion")
    if crit not in models.CRITERIA_IDS:
        problems.add(
            where,
            _line(raw, "criterion"),
            f"unknown criterion id {crit!r}" + _suggest(crit, models.CRITERIA_IDS),
        )
    weight = _weight(raw.get("weight"), where, _line(raw, "weight"), problems)
    if len(problems.items) > before:
        return None
    return dict(
        criterion=crit,
        weight=weight,
        title=str(raw.get("title") or _library_titles().get(crit, "")),
        description=str(raw.get("description", "")).strip(),
        origin=f"{where}:{_line(raw)}",
    )


@functools.lru_cache(maxsize=1)
def _library_titles() -> dict[str, str]:
    """Plain titles of the team-fit criteria from the default library, for files that give none."""
    text = (resources.files("msp_select") / "data" / "library" / "team_fit.yaml").read_text(
        encoding="utf-8"
    )
    return {
        row["criterion"]: row.get("title", "") for row in yaml.safe_load(text).get("team_fit", [])
    }


def _read(directory):
    """Parse and validate every file: (goals, team, method, problems, files)."""
    files = _files(directory)
    problems = _Problems()
    goals, team, methods = [], [], []
    seen: dict[str, str] = {}
    for path in files:
        data = _read_file(path, problems)
        if data is None:
            continue
        where = str(path)
        for key, handler, sink in (("goals", _goal, goals), ("team_fit", _team, team)):
            items = data.get(key) or []
            if not isinstance(items, list):
                problems.add(where, _line(data, key), f"{key} must be a list")
                continue
            sink += _items(items, handler, where, problems, seen)
        methods += _settings(data, where, problems)
    method = _method(methods, problems)
    if not problems.items and not goals and not team:
        problems.add(str(files[0]), 1, "no goals and no team_fit criteria in any criteria file")
    if not problems.items and sum(i["weight"] for i in goals + team) <= 0:
        problems.add(
            str(files[0]), 1, "all weights are 0; give at least one goal or criterion a weight"
        )
    return goals, team, method, problems.items, files


def _read_file(path: Path, problems: _Problems) -> dict | None:
    """One criteria file as a mapping, or None (its problem noted) when it cannot be used."""
    where = str(path)
    try:
        data = read_yaml(path)
    except OSError as exc:
        problems.add(where, 1, f"cannot be read ({exc.strerror or exc})")
        return None
    except YamlProblem as exc:
        problems.add(where, exc.line, exc.problem)
        return None
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.add(where, 1, "a criteria file is a mapping with goals, team_fit and settings")
        return None
    _unknown_keys(data, TOP_KEYS, where, problems, "top-level")
    return data


def _items(items: list, handler, where: str, problems: _Problems, seen: dict) -> list[dict]:
    """The valid goals (or team-fit criteria) of one list; an id defined twice is a problem."""
    out = []
    for raw in items:
        item = handler(raw, where, problems)
        if item is None:
            continue
        ident = item.get("id") or item["criterion"]
        if ident in seen:
            problems.add(
                where,
                int(item["origin"].rsplit(":", 1)[1]),
                f"{ident!r} is defined twice (first at {seen[ident]})",
            )
            continue
        seen[ident] = item["origin"]
        out.append(item)
    return out


def _settings(data: dict, where: str, problems: _Problems) -> list[tuple[str, str, int]]:
    """(method, file, line) named in a file's settings, if any."""
    settings = data.get("settings") or {}
    if not isinstance(settings, dict):
        problems.add(where, _line(data, "settings"), "settings must be a mapping")
        return []
    _unknown_keys(settings, SETTINGS_KEYS, where, problems, "settings")
    if "method" not in settings:
        return []
    return [(str(settings["method"]).lower(), where, _line(settings, "method"))]


def _method(methods: list[tuple[str, str, int]], problems: _Problems) -> str:
    """The last method named wins; each unknown name is a problem at its line."""
    if not methods:
        return "topsis"
    for name, where, line in methods:
        if name not in METHODS:
            problems.add(where, line, f"unknown method {name!r}" + _suggest(name, sorted(METHODS)))
    return methods[-1][0]


def check_criteria(directory) -> list[str]:
    """Every problem in the criteria folder, one 'file:line: message' each ([] when valid)."""
    try:
        return _read(directory)[3]
    except InputError as exc:
        return [str(exc)]


def load_criteria(directory) -> models.Criteria:
    """The merged, validated criteria; raises InputError naming the first problem's file:line."""
    goals, team, method, problems, files = _read(directory)
    if problems:
        more = (
            f" (and {len(problems) - 1} more; run `msp-select criteria check`)"
            if len(problems) > 1
            else ""
        )
        raise InputError(problems[0] + more)
    total = sum(i["weight"] for i in goals + team)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    return models.Criteria(
        goals=tuple(models.Goal(**{**g, "weight": g["weight"] / total}) for g in goals),
        team_fit=tuple(
            models.TeamFitCriterion(**{**t, "weight": t["weight"] / total}) for t in team
        ),
        method=method,
        sha256=digest.hexdigest(),
        files=tuple(safe_name(p.name) for p in files),
    )


def write_starter(directory, library=None) -> list[Path]:
    """Copy the default criteria library (or `library`) into `directory`; never overwrite a file."""
    folder = Path(directory)
    library = (
        Path(library) if library is not None else resources.files("msp_select") / "data" / "library"
    )
    sources = sorted(
        (f for f in library.iterdir() if f.name.endswith((".yaml", ".yml"))), key=lambda f: f.name
    )
    clash = [f.name for f in sources if (folder / f.name).exists()]
    if clash:
        raise InputError(
            f"{folder}: already holds {', '.join(clash)}; choose an empty folder "
            "or remove those files first"
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for src in sources:
        dest = folder / src.name
        dest.write_bytes(src.read_bytes())
        written.append(dest)
    return written
