"""`msp-select compare VENDOR VENDOR... --out DIR`: vendors side by side from a previous score run.

    compare(scores, commitments, vendors) -> Comparison      # parsed scores.json / commitments.json
    to_text(c), to_markdown(c), to_csv(c), to_json(c) -> str

Rows: rank and score, each goal (verdict and value), each team-fit criterion (score), risk flags
and prices. Cells are plain strings so every renderer shows the same thing.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from msp_select.errors import InputError
from msp_select.report import md_escape
from msp_select.report.wording import fmt_value
from msp_select.units import SUPPORT_UNITS


@dataclass(frozen=True)
class Row:
    section: str  # ranking, goal, team fit, risk, price
    label: str
    cells: tuple[str, ...]  # one per vendor, in Comparison.vendors order


@dataclass(frozen=True)
class Comparison:
    vendors: tuple[str, ...]
    method: str
    rows: tuple[Row, ...]


def _value(value, unit: str) -> str:
    """A value in words as the memo writes it ("4 hours", "99.9%", "USD 118/month")."""
    if value is None and unit not in SUPPORT_UNITS:
        return ""
    return fmt_value(value, unit)


def compare(scores: dict, commitments: dict, vendors: Sequence[str]) -> Comparison:
    """Side-by-side rows for the named vendors (order as given); unknown names suggest the nearest."""
    vendors = _known_vendors(scores, vendors)
    by_vendor = {e["vendor"]: e for e in commitments.get("vendors", [])}
    titles = {c["id"]: c.get("title") or c["id"] for c in scores.get("criteria", [])}
    names = tuple(by_vendor.get(v, {}).get("company") or "-" for v in vendors)
    rows = [Row("ranking", "company", names)] + _ranking_rows(scores, vendors)
    rows += _goal_rows(scores, vendors, titles)
    rows += _team_fit_rows(scores, vendors, titles)
    flags = {
        v: sorted({f["flag"] for f in by_vendor.get(v, {}).get("risk_flags", [])}) for v in vendors
    }
    rows.append(Row("risk", "risk flags", tuple(", ".join(flags[v]) or "none" for v in vendors)))
    rows += _price_rows(by_vendor, vendors)
    return Comparison(vendors, scores.get("method", ""), tuple(rows))


def _known_vendors(scores: dict, vendors: Sequence[str]) -> tuple[str, ...]:
    """The vendors asked for, each once; an unknown name is an error suggesting the nearest."""
    known = [r["vendor"] for r in scores.get("ranking", [])]
    if not vendors:
        raise InputError(
            "compare: name at least one vendor; known vendors: " + ", ".join(sorted(known))
        )
    for v in vendors:
        if v not in known:
            close = difflib.get_close_matches(v, known, n=1, cutoff=0.4)
            hint = (
                f"; did you mean {close[0]!r}?"
                if close
                else f"; known vendors: {', '.join(sorted(known))}"
            )
            raise InputError(f"compare: unknown vendor {v!r}{hint}")
    return tuple(dict.fromkeys(vendors))


def _ranking_rows(scores: dict, vendors: tuple[str, ...]) -> list[Row]:
    rank = {r["vendor"]: r for r in scores["ranking"]}
    return [
        Row(
            "ranking",
            "rank",
            tuple(
                f"{rank[v]['rank']}" + (" (eliminated)" if rank[v].get("eliminated") else "")
                for v in vendors
            ),
        ),
        Row("ranking", "score", tuple(f"{rank[v]['score']:.3f}" for v in vendors)),
    ]


def _goal_rows(scores: dict, vendors: tuple[str, ...], titles: dict) -> list[Row]:
    verdicts = {(x["vendor"], x["goal"]): x for x in scores.get("verdicts", [])}
    rows = []
    for goal in dict.fromkeys(x["goal"] for x in scores.get("verdicts", [])):
        cells = []
        for v in vendors:
            x = verdicts.get((v, goal))
            if x is None:
                cells.append("-")
                continue
            value = _value(x.get("value"), x.get("unit", ""))
            cells.append(x["verdict"].replace("_", " ") + (f" ({value})" if value else ""))
        rows.append(Row("goal", titles.get(goal, goal), tuple(cells)))
    return rows


def _team_fit_rows(scores: dict, vendors: tuple[str, ...], titles: dict) -> list[Row]:
    team = {(t["vendor"], t["criterion"]): t for t in scores.get("team_fit", [])}
    rows = []
    for crit in dict.fromkeys(t["criterion"] for t in scores.get("team_fit", [])):
        cells = []
        for v in vendors:
            t = team.get((v, crit))
            cells.append(
                "-" if t is None else f"{t['score']:.2f}" + (" (manual)" if t.get("manual") else "")
            )
        rows.append(Row("team fit", titles.get(crit, crit), tuple(cells)))
    return rows


def _price_rows(by_vendor: dict, vendors: tuple[str, ...]) -> list[Row]:
    """One row per price scope: the provider's prices, soft or conditional ones marked."""
    prices: dict[str, dict[str, list[str]]] = {v: {} for v in vendors}
    for v in vendors:
        for c in by_vendor.get(v, {}).get("commitments", []):
            if c.get("category") == "price" and c.get("party", "provider") == "provider":
                text = _value(c.get("value"), c.get("unit", "")) or "-"
                if c.get("strength", "binding") != "binding":
                    text += f" ({c['strength']})"
                prices[v].setdefault(c.get("scope", "all"), []).append(text)
    return [
        Row(
            "price",
            f"price {scope}",
            tuple("; ".join(prices[v].get(scope, [])) or "-" for v in vendors),
        )
        for scope in sorted({s for p in prices.values() for s in p})
    ]


def _table(c: Comparison) -> list[list[str]]:
    return [["section", "item", *c.vendors]] + [[r.section, r.label, *r.cells] for r in c.rows]


def to_text(c: Comparison) -> str:
    table = [row[1:] for row in _table(c)]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines, section = [], None
    for (sec, *_), row in zip(_table(c), table):
        if sec != section and section is not None:
            lines.append("")
        section = sec
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return "\n".join(lines) + "\n"


def _md(cell: str) -> str:
    return md_escape(cell)


def to_markdown(c: Comparison) -> str:
    table = _table(c)
    out = [
        "| " + " | ".join(_md(h) for h in table[0][1:]) + " |",
        "|" + "---|" * (len(table[0]) - 1),
    ]
    out += ["| " + " | ".join(_md(x) for x in row[1:]) + " |" for row in table[1:]]
    return "\n".join(out) + "\n"


def to_csv(c: Comparison) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in _table(c):
        # a cell starting with = + - @ would run as a formula in a spreadsheet: vendor text is untrusted
        writer.writerow(
            ["'" + x if x[:1] in ("=", "+", "@") or (x[:1] == "-" and x != "-") else x for x in row]
        )
    return buf.getvalue()


def to_json(c: Comparison) -> str:
    data = {
        "vendors": list(c.vendors),
        "method": c.method,
        "rows": [
            {"section": r.section, "item": r.label, "values": dict(zip(c.vendors, r.cells))}
            for r in c.rows
        ],
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


RENDERERS = {"text": to_text, "markdown": to_markdown, "csv": to_csv, "json": to_json}
