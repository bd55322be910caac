"""Read a table the way an analyst does: every cell with its row label and column header.

Tiers are often columns (Essentials / Professional / Enterprise) and priorities rows, or the
other way round; units and currencies stand in the headers ("Target (min)", "Price (EUR)");
a row that fills only its first cell names the rows below it. `cell_layers` turns that
structure into context layers (context.py) for each cell, so the cell "15" under
"Response (min)" in the row "P1 - Critical" reads as a 15-minute P1 response.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from msp_select import models
from msp_select.extract import quantities
from msp_select.extract.context import Layer
from msp_select.extract.priorities import scheme_scopes
from msp_select.vocab import currency_code

_TIME_UNIT = re.compile(
    r"\(\s*(?:in\s+)?(mins?|minutes?|hrs?|hours?|h|days?|business\s+days?|weeks?)\s*\)"
    r"|\bin\s+(minutes|hours|days|business\s+days)\b"
    r"|^\s*(minutes|hours|days|(?:business|working)\s+days)\s*(?:$|to\b|until\b|till\b|before\b)",
    re.IGNORECASE,
)
_UNIT_NAME = {"min": "minute", "h": "hour", "hr": "hour", "busi": "business_day"}
_CURRENCY = re.compile(
    r"\(\s*(EUR|USD|GBP|AUD|CAD|NZD|SGD|€|\$|£)\s*\)|\b(EUR|USD|GBP|AUD|CAD|NZD|SGD)\b|([€£])"
)
_LEVEL_HEADER = re.compile(
    r"\b(?:priority|severity|sev|level|category|impact|effect|urgency|criticality|classification)\b",
    re.IGNORECASE,
)
_BARE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")
_PAREN = re.compile(r"\s*\(.*$")


def header_unit(text: str) -> str:
    """The time unit a header gives bare numbers: "Fix time (hrs)" -> "hour"."""
    m = _TIME_UNIT.search(text)
    if not m:
        return ""
    word = next(g for g in m.groups() if g).lower()
    for prefix, unit in _UNIT_NAME.items():
        if word.startswith(prefix) and (prefix != "h" or word in ("h", "hr", "hrs")):
            return unit
    business = word.startswith(("busi", "work"))
    return "business_day" if business else word.rstrip("s")


def header_currency(text: str) -> str:
    m = _CURRENCY.search(text)
    if not m:
        return ""
    return currency_code(m.group(1) or m.group(2) or m.group(3))  # "$" follows the document


@dataclass(frozen=True)
class Grid:
    """A table's structure: a layer per row (label, sub-header) and per column (header)."""

    rows: tuple[tuple[Layer, ...], ...]
    columns: tuple[Layer | None, ...]
    label_column: int


def read_grid(table: models.Table, names: Callable[[str], set[str]]) -> Grid:
    """Row and column layers of `table`.

    `names(text)` is the set of category cue labels found in a text (so a header that names a
    category is not taken for a tier).
    """
    width = max([len(table.header)] + [len(r) for r in table.rows])
    subheaders = set(getattr(table, "subheader_rows", ()) or _subheaders(table.rows))
    labels = [r[0] if r else "" for r in table.rows]
    body = [i for i in range(len(table.rows)) if i not in subheaders]
    head0 = table.header[0] if table.header else ""
    by_level = bool(_LEVEL_HEADER.search(head0))
    row_scopes = dict(zip(body, scheme_scopes([labels[i] for i in body], by_level)))
    if by_level and not any(row_scopes.values()) and _faster_first(table.rows, body):
        # rows named by effect ("Whole site down", "One user affected") under an "Impact"
        # header, their times growing down the table: the document lists them most urgent first
        row_scopes = {i: f"P{min(n + 1, 4)}" for n, i in enumerate(body)}
    col_scopes = scheme_scopes(list(table.header[1:])) if len(table.header) > 2 else []
    bare_rows = all(re.fullmatch(r"\s*\d\s*", labels[i] or "") for i in body)
    if any(col_scopes) and bare_rows:
        row_scopes = {}  # "item priority 1..3" rows under severity columns: rows are tiers
    heads = [table.header[j] if j < len(table.header) else "" for j in range(1, width)]
    tiers = [
        ""
        if (names(text) or (j < len(col_scopes) and col_scopes[j]))
        else _PAREN.sub("", text).strip()
        for j, text in enumerate(heads)
    ]
    if sum(bool(t) for t in tiers) < 2:
        tiers = [""] * len(heads)  # one value column ("Amount ($)") is no choice of tiers
    # rows are tiers only in a table whose columns name what is measured ("Response", "Price")
    row_tiers = not any(tiers) and any(names(text) for text in heads)
    columns: list[Layer | None] = [None]
    for j in range(1, width):
        text = heads[j - 1]
        scope = col_scopes[j - 1] if j - 1 < len(col_scopes) else None
        tier = tiers[j - 1]
        columns.append(
            Layer(
                "column",
                text,
                (scope,) if scope else (),
                tier,
                header_unit(text),
                header_currency(text),
            )
        )
    rows = []
    current_sub: Layer | None = None
    for i, label in enumerate(labels):
        if i in subheaders:
            current_sub = Layer("subheader", label, unit=header_unit(label))
            rows.append(())
            continue
        scope = row_scopes.get(i)
        tier = (
            ""
            if (not row_tiers or names(label) or scope or bare_rows and not any(col_scopes))
            else label
        )
        if bare_rows and any(col_scopes):
            tier = f"{head0} {label}".strip()
        layer = Layer("row", label, (scope,) if scope else (), tier, header_unit(label))
        rows.append((layer,) + ((current_sub,) if current_sub else ()))
    return Grid(tuple(rows), tuple(columns), 0)


def _minutes(cell: str) -> float | None:
    times = quantities.find_times(cell)
    if times:
        return max(quantities.convert(q.value, q.unit, "minute") for q in times)
    bare = _BARE.match(cell)
    return float(bare.group(1)) if bare else None


def _faster_first(rows: Sequence[Sequence[str]], body: Sequence[int]) -> bool:
    """Two to six rows whose every time column never gets faster down the table, and grows."""
    if not 2 <= len(body) <= 6:
        return False
    width = min(len(rows[i]) for i in body)
    columns = [[_minutes(rows[i][j] or "") for i in body] for j in range(1, width)]
    timed = [c for c in columns if all(v is not None for v in c)]
    return bool(timed) and all(
        all(a <= b for a, b in zip(c, c[1:])) and c[0] < c[-1] for c in timed
    )


def _subheaders(rows: Sequence[Sequence[str]]) -> list[int]:
    """Rows that fill only their first cell with words: "Priority 1 - Critical", "Gold plan"."""
    out = []
    for i, row in enumerate(rows):
        if len(row) > 2 and row[0] and not any(c for c in row[1:]) and not row[0][:1].isdigit():
            out.append(i)
    return out
