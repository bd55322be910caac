"""Tables: ruled ones from pdfplumber's line finder, header and sub-header rows, and tables
continued over a page break merged into one.

A page's table is a dict while the document is read: `grid` (rows of cell texts, every row
as long as the widest), `span` (per cell: 0, or LEFT / UP when a merged cell from the left or
from above covers it), `bold` (per row), `page`, `bbox`, `xs` (column left edges).
`finish` turns it into the header rows / rows / sub-header rows that models.Table holds.
"""

from __future__ import annotations

import bisect
import itertools
import re

from msp_select.ingest.layout import bold, lines_of

LEFT, UP = 1, 2
CHECK = re.compile(r"^(?:yes|no|y|n|x|✓|✔|✗|✘|included|n/a|-+|—)$", re.I)
PARENS = re.compile(r"\([^)]*\)")
X_TOLERANCE = 6.0  # points two column edges may differ by and still be the same column


def _cell(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def inside(word: dict, box) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


# --- ruled tables ---------------------------------------------------------------------------


def _span_kinds(row, xs: list[float]) -> list[int]:
    """For each column of a pdfplumber row: 0 for a cell of its own, LEFT when the cell to its
    left reaches over it, UP when a cell from a row above does."""
    kinds, last = [], None
    for c, box in enumerate(row.cells):
        if box is not None:
            kinds.append(0)
            last = box
        elif last is not None and last[2] > xs[c] + 1:
            kinds.append(LEFT)
        else:
            kinds.append(UP)
    return kinds


def _row(words: list[dict], tops: list[float], row) -> tuple[list[str], bool]:
    """A pdfplumber row's cell texts from the page's words (`words` sorted by top, `tops`
    their tops; cheaper than `Table.extract`, which scans every character once per row) and
    whether all its words are bold."""
    box = row.bbox
    lo, hi = bisect.bisect_left(tops, box[1] - 5), bisect.bisect_right(tops, box[3])
    in_row = [w for w in words[lo:hi] if inside(w, box)]
    cells, titles = [], []
    for cell in row.cells:
        mine = [w for w in in_row if cell is not None and inside(w, cell)]
        lines = lines_of(mine)
        cells.append(" ".join(ln["text"] for ln in lines))
        titles.append(_bold_title([w for ln in lines for w in ln["words"]]))
    return cells, titles, bool(in_row) and all(bold(w) for w in in_row)


def _bold_title(words: list[dict]) -> str:
    """The bold words a cell opens with before its text in the regular type ("12. Response
    (Cl. 6)" then "MAYDAY: 20 minutes"): a form's box title; "" when there are none."""
    run = list(itertools.takewhile(bold, words))
    return " ".join(w["text"] for w in run) if 0 < len(run) < len(words) else ""


def ruled(found, words: list[dict], page: int) -> list[dict]:
    """Page tables from pdfplumber's `find_tables()` result."""
    out = []
    words = sorted(words, key=lambda w: w["top"])
    tops = [w["top"] for w in words]
    for t in found:
        xs = sorted({c[0] for c in t.cells})
        grid, span, bolds, texts, titles = [], [], [], [], []
        for row in t.rows:
            cells, title, heavy = _row(words, tops, row)
            texts.append(cells)
            if not any(cells):
                continue
            grid.append(cells)
            titles.append(title)
            span.append(_span_kinds(row, xs))
            bolds.append(heavy)
        if len(grid) < 2 or len(xs) < 2 or _overlapping(t, texts):
            continue
        out.append(
            {"grid": grid, "span": span, "bold": bolds, "page": page, "bbox": tuple(t.bbox)}
            | {"xs": xs, "ruled": True, "titles": titles}
        )
    return out


def _overlapping(t, texts: list[list[str]]) -> bool:
    """A cell that reaches down over the rows after it and holds their text too: shading and
    coloured labels drawn as boxes ("GUARANTEED" chips on a shaded panel), not a grid. The
    words are left to be read as an unruled table. (A merged cell spanning rows holds a
    label of a few words.)"""
    bottoms = [row.bbox[3] for row in t.rows]
    return any(
        cell is not None and cell[3] > bottoms[i + 1] + 1 and len(texts[i][k].split()) >= _SWALLOWED
        for i, row in enumerate(t.rows[:-1])
        for k, cell in enumerate(row.cells)
    )


_SWALLOWED = 12  # words: more than a merged label holds


# --- header rows and sub-header rows ---------------------------------------------------------


def labelish(cells: list[str]) -> bool:
    """Column labels, not values: no digit outside parentheses, not all check marks."""
    filled = [c for c in cells if c]
    return (
        len(filled) >= 2
        and not any(re.search(r"\d", PARENS.sub("", c)) for c in filled)
        and not all(CHECK.match(c) for c in filled)
    )


def header_count(t: dict) -> int:
    """How many leading rows are header rows: the first always; more while a row carries on
    a bold header over a plain body, or labels the columns of a spanning row above it."""
    grid, span, bolds = t["grid"], t["span"], t["bold"]
    n = 1
    while n < len(grid) - 1:
        styled = all(bolds[: n + 1]) and not all(bolds[n + 1 :])
        under_span = LEFT in span[n - 1] or not grid[n][0]
        single = sum(1 for c in grid[n] if c) < 2
        if single or not (styled or under_span) or not labelish(grid[n]):
            break
        n += 1
    return n


def _fill(t: dict, n_header: int) -> list[list[str]]:
    """Merged cells repeated: header cells into the columns they span, body cells into the
    rows they span (a row label merged over two rows labels both)."""
    rows = [list(r) for r in t["grid"]]
    for r, row in enumerate(rows):
        for c in range(len(row)):
            kind = t["span"][r][c]
            if kind == LEFT and r < n_header and c:
                row[c] = row[c - 1]
            elif kind == UP and r > n_header and not row[c]:
                row[c] = rows[r - 1][c]
    _spread_groups(rows, n_header)
    return rows


def _spread_groups(rows: list[list[str]], n_header: int) -> None:
    """A group label over sub-columns that repeat under each group ("Response (minutes)" over
    "Target | Guaranteed", then "Restoration (hours)" over "Target | Guaranteed") heads every
    sub-column up to the next label, though no ruling says it spans them."""
    if n_header < 2:
        return
    subs = rows[n_header - 1]
    named = [x for x in subs[1:] if x]
    if len(set(named)) == len(named):
        return  # no sub-label repeats: the columns are not grouped
    for row in rows[: n_header - 1]:
        for c in range(2, len(row)):
            if not row[c] and row[c - 1] and subs[c] and subs[c] != subs[c - 1]:
                row[c] = row[c - 1]


def subheaders(rows: list[list[str]], span: list[list[int]]) -> tuple[int, ...]:
    """Body rows with one filled cell, in the first column or spanning from it."""
    if not rows or len(rows[0]) < 2 or not any(sum(1 for c in r if c) >= 2 for r in rows):
        return ()
    out = []
    for i, row in enumerate(rows):
        filled = [c for c, v in enumerate(row) if v]
        if len(filled) == 1 and (filled[0] == 0 or LEFT in span[i]):
            out.append(i)
    return tuple(out)


def _column_numbers(row) -> bool:
    """ "1 | 2 | 3 | 4": the columns counted from one, as forms number them."""
    cells = [c.strip() for c in row]
    # ("6 = 4 x 5": a column numbered with the sum that fills it)
    return len(cells) >= 3 and all(
        re.match(rf"{k}(?!\d)(?:\s*=.*)?$", c) for k, c in enumerate(cells, start=1)
    )


def _sheet_letters(row: tuple[str, ...]) -> bool:
    """A spreadsheet's column letters printed over its header ("A | B | C | D"): they name
    no column's content."""
    cells = [c.strip() for c in row if c.strip()]
    return (
        len(cells) >= 3
        and all(len(c) == 1 and c.isupper() for c in cells)
        and all(ord(b) - ord(a) == 1 for a, b in zip(cells, cells[1:]))
    )


def finish(t: dict) -> dict:
    """header_rows, header, rows, subheader_rows and row_pages from a page table's grid."""
    n = header_count(t)
    if n == 1 and len(t["grid"]) > 2 and _sheet_letters(tuple(t["grid"][0])):
        n = 2  # the letters stand over the header, not in its place
    rows = _fill(t, n)
    head = [tuple(r) for r in rows[:n]]
    named = [h for h in head if not _sheet_letters(h)] or head
    header = tuple(" ".join(_dedupe([h[c] for h in named if h[c]])) for c in range(len(rows[0])))
    page = t["page"]
    # (rows a page break cut off and set back over the rest stand on the page before)
    pages = t.get("grid_pages", [page] * len(rows))[n:]
    # a row that numbers the columns ("1 | 2 | 3 | 4" under a tender form's header) is none
    kept = [i for i, r in enumerate(rows[n:]) if not _column_numbers(r)]
    body = [tuple(rows[n + i]) for i in kept]
    return {
        "header": header,
        "header_rows": head,
        "rows": body,
        "subheader_rows": subheaders([list(r) for r in body], [t["span"][n + i] for i in kept]),
        "row_pages": [pages[i] for i in kept],
        "page": page,
        "bbox": t["bbox"],
        "xs": t["xs"],
    }


def _dedupe(parts: list[str]) -> list[str]:
    """A cell merged down over two header rows counts once."""
    return [p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1]]


# --- tables continued over a page break -------------------------------------------------------


def _aligned(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= X_TOLERANCE for x, y in zip(a, b))


def _continues(prev: dict, t: dict) -> bool:
    """`t` carries on `prev`: first thing on the next page after `prev` ended its page, with
    the same columns (by count and position, or by a repeated header)."""
    headless = not any(labelish(list(r)) for r in t["header_rows"])  # its "header" is data
    # a repeated header opens the next page's first table even under a page title
    repeated = t["header_rows"] == prev["header_rows"] and t.get("below_title", False)
    return (
        t["page"] == prev["row_pages"][-1] + 1
        and prev.get("last_on_page", False)
        and (
            t.get("first_on_page", False) or headless and _aligned(prev["xs"], t["xs"]) or repeated
        )
        and len(t["header"]) == len(prev["header"])
        and (_aligned(prev["xs"], t["xs"]) or t["header_rows"] == prev["header_rows"])
    )


def merge(tables: list[dict]) -> list[dict]:
    """One table continued over page breaks is one; a repeated header row is dropped."""
    merged: list[dict] = []
    for t in tables:
        prev = merged[-1] if merged else None
        if prev and _continues(prev, t):
            repeated = t["header_rows"] == prev["header_rows"]
            body = t["rows"] if repeated else t["header_rows"] + t["rows"]
            pages = [t["page"]] * len(body)
            label = prev.pop("cut_label", None) or t.get("head_label")
            if label is not None:
                # the sub-header left at the foot of the page before, or set over the rows
                # carried on at the top of this one, heads them
                body = [(label["text"],) + ("",) * (len(prev["header"]) - 1)] + list(body)
                pages = [prev["row_pages"][-1]] + pages
                prev["taken_labels"] = prev.get("taken_labels", ()) + (label,)
            subs = subheaders([list(r) for r in body], [[0] * len(r) for r in body])
            prev["subheader_rows"] = tuple(prev["subheader_rows"]) + tuple(
                i + len(prev["rows"]) for i in subs
            )
            prev["rows"] = prev["rows"] + list(body)
            prev["row_pages"] = prev["row_pages"] + pages
            prev["last_on_page"] = t.get("last_on_page", False)
            if "cut_label" in t:
                prev["cut_label"] = t["cut_label"]
            continue
        merged.append(dict(t, rows=list(t["rows"]), row_pages=list(t["row_pages"])))
        if prev is not None:
            prev.pop("cut_label", None)
    return merged


_BOX = re.compile(r"^\s*(\d{1,2})\.\s+(?=\S)")


def boxes(t: dict) -> list[str]:
    """The boxes of a form set out as a grid of numbered boxes ("11. Incident categories ...
    | 12. Response - MAYDAY ..."), in their numbers' order, each without its number and with
    its title (the bold words it opens with) set off by a colon; [] for a table. Every cell is
    a box of its own, numbered on from the cell before it along the rows."""
    firsts = t.get("titles") or [[""] * len(r) for r in t["grid"]]
    cells = [(c, f) for r, fr in zip(t["grid"], firsts) for c, f in zip(r, fr) if c and c.strip()]
    found = [(_BOX.match(c), c, f) for c, f in cells]
    if len(cells) < 6 or not all(m for m, _, _ in found):
        return []
    numbers = [int(m.group(1)) for m, _, _ in found]
    if any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return []
    out = []
    for m, cell, first in found:
        title = _BOX.sub("", first).strip(" :")
        rest = cell[m.end() :].strip()
        if first and title and rest.startswith(title) and len(rest) > len(title):
            rest = f"{title}: {rest[len(title) :].strip(' :')}"
        out.append(rest)
    return out
