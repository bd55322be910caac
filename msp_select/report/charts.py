"""Charts for the memo: ranked scores, vendor x criterion heat map, Monte Carlo first places.

Each chart is SVG text written here directly: inline in memo.html, a .svg file beside
memo.md. Drawing three simple charts with a plotting library cost more than a whole
re-score (importing and laying out matplotlib, then rendering PNGs); these are a few
rectangles and labels. Output is byte-reproducible: no dates, ids or software stamps.

Labels are never cut: widths and margins come from the text lengths (an average glyph
width that errs wide); long column titles wrap over several lines.
"""

from __future__ import annotations

import math
import re
from html import escape
from typing import TYPE_CHECKING, Mapping

from msp_select.models import Decision
from msp_select.report.wording import verdict_value

if TYPE_CHECKING:
    from msp_select.decide.sensitivity import Sensitivity

FONT = 12
_GLYPH = 0.62  # average glyph width of a sans-serif face, in em, rounded up
_ROW = 26
_PAD = 8
_BAR_AREA = 360

# How a cell reads against the client's target (verdicts of decide), and team fit (0..1).
VERDICT_COLOURS = {
    "meets": "#5aae61",
    "partial": "#f6c343",
    "misses": "#d6604d",
    "not_addressed": "#d9d9d9",
}
VERDICT_WORDS = {
    "meets": "meets the target",
    "partial": "partly (not binding)",
    "misses": "misses the target",
    "not_addressed": "not addressed",
}
_TEAM_FIT_LIGHT, _TEAM_FIT_DARK = (222, 235, 247), (33, 102, 172)


def normalised(decision: Decision) -> list[list[float | None]]:
    """The matrix scaled per column to 0..1, 1 best (objective-aware); None stays None."""
    rows = [list(r) for r in decision.matrix]
    for j, col in enumerate(decision.columns):
        vals = [r[j] for r in rows if r[j] is not None]
        lo, hi = (min(vals), max(vals)) if vals else (0.0, 0.0)
        for r in rows:
            if r[j] is None:
                continue
            x = 1.0 if hi == lo else (r[j] - lo) / (hi - lo)
            r[j] = 1.0 - x if col.objective == "min" else x
    return rows


def first_place(sensitivity: Sensitivity | None) -> dict[str, float]:
    """Monte Carlo first-place probability per vendor (none when no analysis was run)."""
    return sensitivity.shares() if sensitivity else {}


def text_width(text: str, size: float = FONT) -> float:
    return len(text) * _GLYPH * size


def _n(x: float) -> str:
    """A coordinate: one decimal at most, no trailing zeros, never '-0'."""
    s = f"{x:.1f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _text(x, y, text, *, anchor="start", size=FONT, fill="#222", extra="") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{_n(size)}" '
        f'fill="{fill}"{extra}>{escape(str(text))}</text>'
    )


def _rect(x, y, w, h, fill, extra="") -> str:
    return f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="{fill}"{extra}/>'


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    w, h = _n(math.ceil(width)), _n(math.ceil(height))
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" '
        f'role="img">'
    )
    return "\n".join([head, f"<title>{escape(title)}</title>", *body, "</svg>"]) + "\n"


def _bars(rows: list[tuple[str, float, str, str]], top: float, axis: str, title: str) -> str:
    """Horizontal bars: (label, value 0..top, value text, colour) per row, first row on top."""
    left = max((text_width(label) for label, *_ in rows), default=0) + 2 * _PAD
    value_room = max((text_width(v) for _, _, v, _ in rows), default=0) + _PAD
    body, y = [], _PAD
    for label, value, shown, colour in rows:
        length = _BAR_AREA * max(0.0, value) / top if top > 0 else 0.0
        body.append(_text(left - _PAD, y + _ROW / 2 + 4, label, anchor="end"))
        body.append(_rect(left, y + 5, length, _ROW - 10, colour))
        body.append(_text(left + length + 4, y + _ROW / 2 + 4, shown))
        y += _ROW
    body.append(
        f'<line x1="{_n(left)}" y1="{_n(_PAD)}" x2="{_n(left)}" y2="{_n(y)}" stroke="#666"/>'
    )
    width = left + _BAR_AREA + value_room + _PAD
    body.append(_text(left + _BAR_AREA / 2, y + 20, axis, anchor="middle", fill="#444"))
    return _svg(max(width, text_width(axis) + 2 * _PAD), y + 30, title, body)


def scores_chart(
    decision: Decision, title: str = "Overall scores", names: Mapping[str, str] | None = None
) -> str:
    names = names or {}
    ranked = sorted(decision.ranking, key=lambda r: r.rank)
    rows = [
        (
            f"{r.rank}. {names.get(r.vendor, r.vendor)}"
            + (" (eliminated)" if r.eliminated else ""),
            r.score,
            f"{r.score:.2f}",
            "#b0b0b0" if r.eliminated else ("#1f5f99" if r.rank == 1 else "#6f9fcc"),
        )
        for r in ranked
    ]
    top = max([r.score for r in ranked] + [1.0])
    return _bars(rows, top, f"{decision.method} score (higher is better)", title)


def first_place_chart(
    probs: dict[str, float], title: str = "First place", names: Mapping[str, str] | None = None
) -> str:
    shown = names or {}
    order = sorted(probs, key=lambda v: (-probs[v], v))
    rows = [(shown.get(v, v), probs[v], f"{probs[v] * 100:.0f}%", "#1f5f99") for v in order]
    return _bars(rows, 1.0, "Chance of ranking first when weights vary", title)


def _team_fit_colour(score: float) -> str:
    t = min(1.0, max(0.0, score))
    rgb = (round(a + (b - a) * t) for a, b in zip(_TEAM_FIT_LIGHT, _TEAM_FIT_DARK))
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _cells(decision: Decision):
    """(fill, text, text colour, tooltip) per vendor (rank order) and column."""
    verdicts = {(v.vendor, v.goal): v for v in decision.verdicts}
    team = {(t.vendor, t.criterion): t for t in decision.team_fit}
    rows = []
    for r in sorted(decision.ranking, key=lambda r: r.rank):
        row = []
        for col in decision.columns:
            v, t = verdicts.get((r.vendor, col.id)), team.get((r.vendor, col.id))
            if v is not None:
                shown = verdict_value(v) if v.verdict != "not_addressed" else "not stated"
                tip = (
                    f"{r.vendor}, {col.title or col.id}: {VERDICT_WORDS.get(v.verdict, v.verdict)}"
                )
                row.append((VERDICT_COLOURS.get(v.verdict, "#ffffff"), shown, "#222", tip))
            elif t is not None:
                tip = f"{r.vendor}, {col.title or col.id}: team fit {t.score:.2f} ({t.basis})"
                ink = "#ffffff" if t.score > 0.6 else "#222"
                row.append((_team_fit_colour(t.score), f"{t.score:.1f}", ink, tip))
            else:
                row.append(("#ffffff", "", "#222", f"{r.vendor}, {col.title or col.id}"))
        rows.append((r, row))
    return rows


def _wrap(text: str, chars: int) -> list[str]:
    """Words into lines of at most `chars` characters (a longer word gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def heatmap_chart(
    decision: Decision,
    title: str = "Standing per criterion",
    names: Mapping[str, str] | None = None,
) -> str:
    """Vendors in rank order x criteria; a goal cell is coloured by its verdict against the
    client's target, a team-fit cell by its score (darker blue = stronger evidence).

    Vendors are the rows, or the columns when there are more criteria than vendors, so the
    chart keeps a readable width on a page. Titles wrap over as many lines as they need."""
    rows = _cells(decision)
    # a no-break space keeps "1." with the vendor's name when a column title wraps
    names = names or {}
    vendors = [
        (f"{r.rank}.\u00a0{names.get(r.vendor, r.vendor)}", "#888" if r.eliminated else "#222")
        for r, _ in rows
    ]
    criteria = [(c.title or c.id, "#222") for c in decision.columns]
    grid = [row for _, row in rows]
    if len(criteria) > len(vendors):
        vendors, criteria = criteria, vendors
        grid = [list(col) for col in zip(*grid)]
    width, height, body = _grid(vendors, criteria, grid)
    return _svg(width, height, title, body)


def _grid(row_labels, col_labels, grid) -> tuple[float, float, list[str]]:
    """(width, height, SVG elements) of a table of coloured cells with a legend below."""
    small = FONT - 2
    longest_word = max((len(w) for x, _ in col_labels for w in x.split()), default=0)
    cell_w = max(
        [84.0, text_width("x" * min(longest_word, 24), small) + 8]
        + [text_width(s, small) + 10 for row in grid for _, s, _, _ in row]
    )
    chars = max(1, int((cell_w - 8) / (_GLYPH * small)))
    heads = [(_wrap(x, chars), ink) for x, ink in col_labels]
    line_h = small + 3
    top = max((len(h) for h, _ in heads), default=1) * line_h + 2 * _PAD
    left = max((text_width(x) for x, _ in row_labels), default=0) + 2 * _PAD
    body = []
    for j, (lines, ink) in enumerate(heads):
        x = left + (j + 0.5) * cell_w
        for k, line in enumerate(lines):
            y = top - _PAD - (len(lines) - 1 - k) * line_h
            body.append(_text(x, y, line, anchor="middle", size=small, fill=ink))
    cell_h = 24
    for i, ((label, ink), row) in enumerate(zip(row_labels, grid)):
        y = top + i * cell_h
        body.append(_text(left - _PAD, y + cell_h / 2 + 4, label, anchor="end", fill=ink))
        for j, (fill, shown, colour, tip) in enumerate(row):
            x = left + j * cell_w
            body.append(
                _rect(x, y, cell_w, cell_h, fill, ' stroke="#ffffff"')[:-2]
                + f"><title>{escape(tip)}</title></rect>"
            )
            body.append(
                _text(
                    x + cell_w / 2,
                    y + cell_h / 2 + 4,
                    shown,
                    anchor="middle",
                    size=small,
                    fill=colour,
                )
            )
    width = max(left + len(col_labels) * cell_w + _PAD, 480)
    y = top + len(row_labels) * cell_h + 20
    line_x = left
    legend = [(VERDICT_COLOURS[k], VERDICT_WORDS[k]) for k in VERDICT_COLOURS]
    legend.append((_team_fit_colour(0.8), "team fit: darker = stronger evidence"))
    for colour, words in legend:
        need = 16 + text_width(words, small) + 16
        if line_x + need > width and line_x > left:
            y += 18
            line_x = left
        body.append(_rect(line_x, y - 10, 12, 12, colour))
        body.append(_text(line_x + 16, y, words, size=small))
        line_x += need
    return width, y + _PAD, body


def render(
    decision: Decision,
    titles: dict[str, str] | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """{name: svg text} for "scores", "heatmap" and, when known, "first_place"; vendors are
    labelled by `names` (vendor id -> display name) where given."""
    titles = titles or {}
    out = {"scores": scores_chart(decision, titles.get("scores", "Overall scores"), names)}
    if decision.columns and decision.vendors:
        out["heatmap"] = heatmap_chart(
            decision, titles.get("heatmap", "Standing per criterion"), names
        )
    probs = first_place(decision.sensitivity)
    if probs:
        out["first_place"] = first_place_chart(
            probs, titles.get("first_place", "First place"), names
        )
    return out


def svg_ids_prefixed(svg: str, prefix: str) -> str:
    """Give every id in one SVG a prefix so several SVGs can share one HTML page."""
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    return re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{prefix}{m.group(1)}"', svg)
