"""Plain-English names and value formatting shared by the memo, the questions and the exports."""

from __future__ import annotations

import functools
from importlib import resources

import yaml

from msp_select.vocab import CATEGORIES, SUPPORT_UNITS


@functools.lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """A YAML file from msp_select/data, parsed once."""
    text = resources.files("msp_select").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def label(kind: str, key: str) -> str:
    """The plain name of a category, criterion, flag, verdict or strength; the id itself if unknown."""
    if kind == "categories" and key in CATEGORIES:
        return CATEGORIES[key].label
    return load_data("wording.yaml").get(kind, {}).get(key, key)


def _num(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt_value(value: float | None, unit: str, *, adjective: bool = False) -> str:
    """`240, "minute"` -> "4 hours" ("4-hour" as an adjective); `99.9, "percent"` -> "99.9%"."""

    def _plural(n: float, word: str) -> str:
        if adjective:
            return f"{_num(n)}-{word}"
        return f"{_num(n)} {word}" + ("" if n == 1 else "s")

    if unit in SUPPORT_UNITS:
        return unit.replace("_", " ")
    if value is None:
        return "—"
    if unit == "minute":
        if value >= 1440 and value % 1440 == 0:
            return _plural(value / 1440, "day")
        if value >= 60 and value % 60 == 0:
            return _plural(value / 60, "hour")
        return _plural(value, "minute")
    if unit in ("day", "month"):
        return _plural(value, unit)
    if unit == "percent":
        return f"{_num(value)}%"
    if "/" in unit:
        currency, per = unit.split("/", 1)
        return f"{currency} {_num(value)}/{per}"
    if unit.isupper():
        return f"{unit} {_num(value)}"
    return f"{_num(value)} {unit}".strip()


def fmt_target(op: str, value: float | None, unit: str) -> str:
    """A goal's target in words: "at most 30 minutes", "24x7"."""
    if value is None:
        return unit
    word = {"<=": "at most", ">=": "at least", "==": "exactly"}.get(op, op)
    return f"{word} {fmt_value(value, unit)}"


def verdict_value(verdict) -> str:
    """The value a verdict rests on, in words; support hours name the cover actually offered."""
    if verdict.unit in SUPPORT_UNITS and verdict.evidence:
        return fmt_value(None, verdict.evidence[0].unit)
    return fmt_value(verdict.value, verdict.unit)


def where(source) -> str:
    """Where a fact comes from: "acme.pdf p. 4", or "overrides.yaml line 12" for an analyst's
    added record (its `page` holds the line of the overrides file)."""
    if source.kind == "override":
        return f"{source.file} line {source.page}"
    return f"{source.file} p. {source.page}"


def basis_evidence(score):
    """The evidence a team-fit score rests on: the first quote of the strength it was scored
    on (decide takes the strongest), else the first quote; None without evidence."""
    same = [e for e in score.evidence if e.strength == score.basis]
    return (same or list(score.evidence) or [None])[0]
