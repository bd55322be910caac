"""Tables without ruling lines: columns aligned by spacing only.

Lines are cut into segments where two words stand further apart than a word space; a run of
at least three lines with two or more segments whose gaps line up is a table when its columns
are not just two columns of prose or a list with a hanging indent. Wrapped cell text (a line
with fewer cells, or one starting in lower case) joins the row above it.
"""

from __future__ import annotations

import re
import statistics

from msp_select.ingest.layout import HEADER_BAND, bold
from msp_select.ingest.tables import LEFT, labelish

CELL_GAP = 0.7  # ems between two words that may separate two cells
RUN_GAP = 1.6  # ems of blank space between lines that ends a run
MIN_LINES = 3  # lines with two or more cells a table needs
BULLETS = re.compile(r"^[•●▪◦‣∙·\-–*]$")
MARKER = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z][.)]|\(?[ivx]{1,4}[.)]|[^\w\s])$"
)
ALIGN = 6.0  # points a cell edge may stand off its column's edge and still be aligned with it
PROSE_WORDS = 5  # median words per cell line from which a column reads as running text


def _segments(line: dict) -> list[dict]:
    """Runs of words closer than a cell gap; a leading bullet stays with its text."""
    segs: list[dict] = []
    for w in line["words"]:
        size = w.get("size") or line["size"] or 10.0
        if segs and w["x0"] - segs[-1]["x1"] < max(CELL_GAP * size, 4.0):
            segs[-1]["words"].append(w)
            segs[-1]["x1"] = max(segs[-1]["x1"], w["x1"])
        else:
            segs.append({"words": [w], "x0": w["x0"], "x1": w["x1"]})
    if len(segs) > 1 and BULLETS.match(" ".join(w["text"] for w in segs[0]["words"])):
        first = segs.pop(0)
        segs[0] = {
            "words": first["words"] + segs[0]["words"],
            "x0": first["x0"],
            "x1": segs[0]["x1"],
        }
    for s in segs:
        s["text"] = " ".join(w["text"] for w in s["words"])
    return segs


def _runs(lines: list[dict]) -> list[list[int]]:
    """Indexes of lines that follow each other without a paragraph-sized blank."""
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else None
        if prev is None or line["top"] - prev["bottom"] > RUN_GAP * max(line["size"], 1.0):
            runs.append([])
        runs[-1].append(i)
    return runs


def _columns(rows: list[list[dict]]) -> list[tuple[float, float]]:
    """Column extents from the segments of multi-cell lines: x ranges covered by more than
    a few lines (a header cell spanning two columns may cross a gap)."""
    lo = min(s["x0"] for r in rows for s in r)
    hi = max(s["x1"] for r in rows for s in r)
    cover = [0] * (int(hi - lo) + 2)
    for r in rows:
        for s in r:
            for x in range(int(s["x0"] - lo), int(s["x1"] - lo) + 1):
                cover[x] += 1
    limit = max(1, len(rows) // 4) if len(rows) > MIN_LINES else 0
    cols, start = [], None
    for x, n in enumerate(cover + [0]):
        if n > limit and start is None:
            start = x
        elif n <= limit and start is not None:
            cols.append((lo + start, lo + x))
            start = None
    return _extents(_split_shared(_close_gaps(cols), rows), rows)


def _split_shared(cols: list[tuple[float, float]], rows: list[list[dict]]) -> list:
    """A column two cells of one line share, at the edge where the second cell starts in
    several lines, is two columns: cells spanning both ("15,500 in either option" under
    "Care | Care Plus") bridged the gap between them."""
    out = []
    for a, b in cols:
        starts = sorted(
            s["x0"]
            for r in rows
            for s in r
            if a + ALIGN < s["x0"] <= b
            and any(o is not s and o["x0"] >= a - ALIGN and o["x1"] < s["x0"] for o in r)
        )
        edge = next((x for x in starts if sum(1 for y in starts if abs(y - x) <= ALIGN) >= 3), None)
        if edge is None:
            out.append((a, b))
            continue
        left = [s["x1"] for r in rows for s in r if a - ALIGN <= s["x0"] and s["x1"] < edge - ALIGN]
        out += [(a, max(left, default=edge - 2 * ALIGN)), (edge - ALIGN, b)]
    return out


def _extents(cols: list[tuple[float, float]], rows: list[list[dict]]) -> list[tuple[float, float]]:
    """Each column widened to the cells aligned with its left or right edge (the core that
    most lines share can be narrow: a short number under a long header)."""
    out = []
    for k, (a, b) in enumerate(cols):
        left = [s for r in rows for s in r if abs(s["x0"] - a) <= ALIGN]
        right = [s for r in rows for s in r if abs(s["x1"] - b) <= ALIGN]
        members = left if len(left) >= len(right) else right
        if members:
            a, b = min(a, *(s["x0"] for s in members)), max(b, *(s["x1"] for s in members))
        if k + 1 < len(cols):
            b = min(b, cols[k + 1][0] - 1)  # (a cell spanning on into the next column)
        out.append((a, b))
    return out


def _close_gaps(cols: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Gaps narrower than a word space are not column gaps."""
    out: list[tuple[float, float]] = []
    for c in cols:
        if out and c[0] - out[-1][1] < 4.0:
            out[-1] = (out[-1][0], c[1])
        else:
            out.append(c)
    return out


def _bounds(cols: list[tuple[float, float]]) -> list[float]:
    """Borders between column territories: the middle of each gap."""
    return [(a[1] + b[0]) / 2 for a, b in zip(cols, cols[1:])]


def _col(x: float, bounds: list[float]) -> int:
    return sum(1 for b in bounds if x >= b)


def _reach(s: dict, cols: list[tuple[float, float]], bounds: list[float], taken: set) -> range:
    """The columns a segment covers. One aligned with a column's left or right edge sits in
    that column (and spans on over empty columns whose border it crosses); one centred
    between edges (a tier name over its sub-columns) covers the run of empty columns whose
    middle is nearest its own."""
    first, last = _col(s["x0"] + 1, bounds), _col(s["x1"] - 1, bounds)
    aligned = abs(s["x0"] - cols[first][0]) <= ALIGN or abs(s["x1"] - cols[last][1]) <= ALIGN
    if aligned:
        stop = first
        while stop < last and stop + 1 not in taken:
            stop += 1
        return range(first, stop + 1)
    mid = (s["x0"] + s["x1"]) / 2
    c = _col(mid, bounds)
    best, dist = range(c, c + 1), abs((cols[c][0] + cols[c][1]) / 2 - mid)
    a = c
    while a >= 0 and (a == c or a not in taken):
        b = c
        while b < len(cols) and (b == c or b not in taken):
            d = abs((cols[a][0] + cols[b][1]) / 2 - mid)
            if d < dist:
                best, dist = range(a, b + 1), d
            b += 1
        a -= 1
    return best


def _place(segs: list[dict], cols: list[tuple[float, float]]) -> tuple[list[str], list[int]]:
    """A line's cells, and LEFT where a segment spans on from the column on the left."""
    bounds = _bounds(cols)
    cells, span = [""] * len(cols), [0] * len(cols)
    for s in segs:
        taken = {_col(o["x0"] + 1, bounds) for o in segs if o is not s}
        reach = _reach(s, cols, bounds, taken)
        cells[reach[0]] = f"{cells[reach[0]]} {s['text']}".strip()
        for k in reach[1:]:
            span[k] = LEFT
    return cells, span


def _prose_line(segs: list[dict], bounds: list[float], width: float, left: float) -> bool:
    """A one-segment line across a column border that is too long to be a spanning label.

    A bold line from the table's left edge at the rows' size is a band across the table
    ("RESPONSE | minutes from the ticket being logged"), however long: a sub-header."""
    s = segs[0]
    crosses = _col(s["x0"] + 1, bounds) != _col(s["x1"] - 1, bounds)
    band = abs(s["x0"] - left) <= ALIGN and all(bold(w) for w in s["words"])
    long = s["x1"] - s["x0"] > 0.5 * width or len(s["words"]) > 8
    return len(segs) == 1 and crosses and long and not band


def _header_like(segs: list[dict]) -> bool:
    """A line of short labels ("Priority  Bronze  Silver  Gold"), as a table's header is."""
    return all(len(s["words"]) <= 3 for s in segs)


def _heading_line(line: dict, segs: list[dict], body: float, left: float) -> bool:
    """A one-segment line set clearly larger than the table's rows, from its left edge: the
    heading of what follows ("SVC-200 Operations Centre"), which ends the table above it (a
    heading over the other column of a two-column page does not)."""
    return len(segs) == 1 and line["size"] >= body * 1.25 and abs(segs[0]["x0"] - left) <= ALIGN


def _continues(cells: list[str], span: list[int], row: list[str], tight: bool) -> bool:
    """A line without a first cell carries on the row above when it fills fewer cells or
    starts in lower case (wrapped cell text); a spanning label never does."""
    if cells[0] or not tight or LEFT in span:
        return False
    filled = sum(1 for c in cells if c)
    lower = any(c[:1].islower() for c in cells if c)
    return filled < sum(1 for c in row if c) or lower


def _rows(lines: list[dict], segs: list[list[dict]], cols: list[tuple[float, float]]) -> dict:
    grid, span, bolds, prev = [], [], [], None
    for line, ss in zip(lines, segs):
        cells, sp = _place(ss, cols)
        tight = prev is not None and line["top"] - prev["bottom"] < 1.2 * line["size"]
        if grid and _continues(cells, sp, grid[-1], tight):
            grid[-1] = [f"{a} {b}".strip() for a, b in zip(grid[-1], cells)]
        else:
            grid.append(cells)
            span.append(sp)
            bolds.append(all(bold(w) for s in ss for w in s["words"]))
        prev = line
    return {"grid": grid, "span": span, "bold": bolds}


def _column_segments(segs: list[list[dict]], bounds: list[float], n: int) -> list[list[dict]]:
    cols: list[list[dict]] = [[] for _ in range(n)]
    for ss in segs:
        for s in ss:
            cols[_col(s["x0"] + 1, bounds)].append(s)
    return cols


def _prose(col: list[dict]) -> bool:
    """Running text: long cells, or wide cells that mostly fill the column's width."""
    words = statistics.median(len(s["words"]) for s in col)
    width = max(s["x1"] for s in col) - min(s["x0"] for s in col)
    full = sum(1 for s in col if s["x1"] - s["x0"] >= 0.7 * width) / len(col)
    return words >= PROSE_WORDS or (words >= 3 and width >= 120 and full >= 0.6)


def _share(col: list[dict], pattern: re.Pattern) -> float:
    return sum(1 for s in col if pattern.match(s["text"])) / len(col)


def _runs_on(grid: list[list[str]], c: int) -> bool:
    """A column whose cells carry on each other's sentences (row after row starts in lower
    case) is a column of text, not of cells."""
    pairs = [(a[c], b[c]) for a, b in zip(grid, grid[1:]) if a[c] and b[c]]
    on = [b for a, b in pairs if b[:1].islower() and not a.endswith((".", ":", ";"))]
    # cells that all open alike ("is remedied within 6 hrs.", "is remedied within 3 BD") are
    # parallel entries of one column, not a sentence carried from line to line
    firsts = [b.split()[0] for b in on]
    parallel = len(on) >= 2 and max(firsts.count(f) for f in firsts) * 3 >= 2 * len(on)
    return not parallel and len(on) >= 2 and len(on) >= 0.3 * len(pairs)


def _entries(grid: list[list[str]]) -> bool:
    """Rows of long cells that each open on a capital or a figure and none ends a sentence
    ("Desk-side support, Aberdeen | Business Days"): entries, where two columns of prose
    carry sentences on from line to line (in padded rows: prose is set line under line)."""
    cells = [c for row in grid for c in row if c]
    return len(grid) >= 4 and all(
        (c[:1].isupper() or c[:1].isdigit()) and not c.endswith((".", ",", ";")) for c in cells
    )


def _plausible(
    segs: list[list[dict]], bounds: list[float], grid: list[list[str]], padded: bool = False
) -> bool:
    """Not columns of prose, not a list with a hanging indent, not scattered glyphs, and most
    rows fill two cells or more."""
    cols = _column_segments(segs, bounds, len(bounds) + 1)
    if any(not c for c in cols):
        return False
    letters = [s for c in cols for s in c if len(s["text"]) == 1 and s["text"].isalpha()]
    if len(letters) >= 0.5 * sum(len(c) for c in cols):
        return False  # single letters: rotated or scattered text
    prose = [_prose(c) for c in cols]
    firsts = [[s["text"].split()[0] for s in c] for c in cols]
    if (
        all(prose)
        and not (padded and _entries(grid))
        or all(all(BULLETS.match(t) for t in f) for f in firsts)
    ):
        return False  # columns of prose; lists side by side
    if MARKER.match(cols[0][0]["text"]) and _share(cols[0], MARKER) >= 0.75:
        return False  # numbered clauses or items with a hanging indent
    if (
        any(p and _runs_on(grid, c) for c, p in enumerate(prose))
        and not _figure_column(grid)
        and not (padded and not prose[0] and _labelled(grid))
    ):
        return False  # (a column of figures beside it makes the running text a description)
    full = sum(1 for row in grid if sum(1 for c in row if c) >= 2)
    return full >= 2 and full >= len(grid) / 2


def _labelled(grid: list[list[str]]) -> bool:
    """Rows set apart, each under a label of its own in the first column ("Help desk |
    Sunday to Thursday ...", "Backup | nightly; ..."): entries, not a paragraph run on from
    line to line beside a label, whose lines after the first have none."""
    return len(grid) >= 4 and all(row[0] for row in grid[1:])


def _figure_column(grid: list[list[str]]) -> bool:
    """A column whose cells below the first row are mostly figures ("15", "30", "120"): no
    page of two-column prose has one."""
    body = grid[1:]
    return len(body) >= 2 and any(
        sum(1 for row in body if c < len(row) and FIGURE.match(row[c])) >= 0.7 * len(body)
        for c in range(1, max(len(r) for r in body))
    )


FIGURE = re.compile(
    r"^(?:[≤≥<>~]\s?)?(?:[A-Z]{0,3}[$€£¥])?\s?\d[\d.,]*(?:\s?(?:/|x|-|–)\s?\d[\d.,]*){0,2}(?:\s?(?:%|\+|[a-z]{1,8}\.?|[A-Z]{1,3}\b)){0,2}\+?$"
)
# a tile that states its figure as an abbreviation ("NBD") or shows none ("-")
_STAND_IN = re.compile(r"^(?:[-–—]|[A-Z]{2,4})$")


def _figures(cells: list[str]) -> bool:
    """A row of headline figures: every cell a figure or a stand-in, most of them figures."""
    real = sum(1 for c in cells if FIGURE.match(c))
    return real * 2 > len(cells) and all(FIGURE.match(c) or _STAND_IN.match(c) for c in cells)


def tiles(grid: list[list[str]]) -> list[str]:
    """The tiles of a grid of headline figures, each with its caption beneath it ("20 min" over
    "to answer a Code Red call, any hour"), read tile by tile; [] when the grid is a table.

    A row of figures fills every column and the rows under it up to the next such row hold
    only words: a price table's bare amounts stand beside a label in words, never under one."""
    side = _side_tiles(grid) if len(grid[0]) == 2 else []
    if side:
        return side
    figure = [_figures(row) for row in grid]
    if len(grid[0]) < 2 or not figure[0] or figure[-1]:
        return []
    if any(FIGURE.match(c) for row, f in zip(grid, figure) if not f for c in row if c):
        return []
    if any(a and b for a, b in zip(figure, figure[1:])):
        return []
    out: list[str] = []
    for i, row in enumerate(grid):
        if figure[i]:
            out += list(row)
            first = len(out) - len(row)
        else:
            for k, cell in enumerate(row):
                if cell:
                    out[first + k] += " " + cell
    return out


def _table(lines: list[dict], segs: list[list[dict]], page: int) -> dict | None:
    multi = [s for s in segs if len(s) >= 2]
    cols = _columns(multi)
    if len(cols) < 2:
        return None
    bounds = _bounds(cols)
    t = _rows(lines, segs, cols)
    # (a grid of headline figures over captions is read as tiles, whatever its captions look like)
    t["tiles"] = tiles(t["grid"]) if len(t["grid"]) >= 2 else []
    tops = [ln["top"] for ln in lines]
    leading = statistics.median(b - a for a, b in zip(tops, tops[1:])) if len(tops) > 1 else 0
    padded = leading >= 1.5 * statistics.median(ln["size"] for ln in lines)
    if len(t["grid"]) < 2 or not (t["tiles"] or _plausible(segs, bounds, t["grid"], padded)):
        return None
    box = (
        min(ln["x0"] for ln in lines),
        min(ln["top"] for ln in lines),
        max(ln["x1"] for ln in lines),
        max(ln["bottom"] for ln in lines),
    )
    xs = [
        min(s["x0"] for ss in segs for s in ss if _col(s["x0"] + 1, bounds) == k)
        for k in range(len(cols))
    ]
    return t | {"page": page, "bbox": box, "xs": xs, "ruled": False}


def _pieces(
    lines: list[dict], segs: list[list[dict]], run: list[int], least: int = MIN_LINES
) -> list[list[int]]:
    """Split a run into stretches from its first to its last multi-cell line, cut at prose
    lines that cross a column border and at headings (a stretch under its own heading needs
    only a header and one row, as `least` may allow at the foot of a page)."""
    todo, out = [(run, least)], []
    while todo:
        piece, least = todo.pop()
        multi = [i for i in piece if len(segs[i]) >= 2]
        if len(multi) < MIN_LINES and not (
            len(multi) >= least and _header_like(segs[multi[0]]) or _figure_band(segs, multi)
        ):
            continue
        piece = piece[piece.index(multi[0]) : piece.index(multi[-1]) + 1]
        cols = _columns([segs[i] for i in multi])
        if len(cols) < 2:
            continue
        bounds = _bounds(cols)
        width = cols[-1][1] - cols[0][0]
        body = statistics.median(lines[i]["size"] for i in multi)
        headed = {
            k for k, i in enumerate(piece) if _heading_line(lines[i], segs[i], body, cols[0][0])
        }
        cut = sorted(
            headed
            | {k for k, i in enumerate(piece) if _prose_line(segs[i], bounds, width, cols[0][0])}
        )
        if not cut:
            out.append(piece)
            continue
        edges = [-1] + cut + [len(piece)]
        todo += [
            (piece[a + 1 : b], 2 if a in headed else MIN_LINES)
            for a, b in zip(edges, edges[1:])
            if b - a > 1
        ]
    return sorted(out)


_BARE = re.compile(r"^[\d.,\s]+$")


def _side_tiles(grid: list[list[str]]) -> list[str]:
    """ "$79 | per device per month ..." / "6 wks | from signature to all twelve homes live":
    each headline figure with its caption beside it, under a header in words or none."""
    rows = grid[1:] if grid and not FIGURE.match(grid[0][0]) else grid
    # (a bare number is a level or a line number, "1 | Whole site down": no headline figure)
    if len(rows) < 2 or not all(
        FIGURE.match(a) and not _BARE.match(a) and re.search(r"[a-z]{3}", b) for a, b in rows
    ):
        return []
    return [f"{a} {b}" for a, b in rows]


def _figure_band(segs: list[list[dict]], multi: list[int]) -> bool:
    """A line of headline figures with a line of captions under it ("15 min | 1 hr | 4 hrs"
    over "Class A: ... | Class B: ... | Class C: ..."): a band of tiles, however short."""
    return len(multi) >= 2 and _figures([s["text"] for s in segs[multi[0]]])


def find(lines: list[dict], page: int) -> tuple[list[dict], list[dict]]:
    """Unruled tables on a page's lines, and the lines left over.

    A header and one row that close the page may be a table the next page carries on: it
    is found as `tail`, holding its `lines`, for `keep_tails` to confirm or give back."""
    segs = [_segments(ln) for ln in lines]
    found, used = [], set()
    for run in _runs(lines):
        pieces = [(piece, False) for piece in _pieces(lines, segs, run)]
        if run[-1] == len(lines) - 1:
            seen = [piece for piece, _ in pieces]
            pieces += [
                (piece, True)
                for piece in _pieces(lines, segs, run, 2)
                if piece not in seen and piece[-1] == len(lines) - 1
            ]
        for piece, tail in pieces:
            t = (
                None
                if used.intersection(piece)
                else _table([lines[i] for i in piece], [segs[i] for i in piece], page)
            )
            short = sum(1 for i in piece if len(segs[i]) >= 2) < MIN_LINES
            if t is None or short and _figure_band(segs, piece) and not t["tiles"]:
                continue
            if tail:
                t |= {"tail": True, "lines": [lines[i] for i in piece]}
            found.append(t)
            used.update(piece)
    return found, [ln for i, ln in enumerate(lines) if i not in used]


def keep_tails(pages: list[dict]) -> None:
    """A page's `tail` table stands only where the next page opens on an unruled table with
    its columns and no header of its own; else its lines are text again ("kept")."""
    for number, p in enumerate(pages):
        for t in [t for t in p["tables"] if t.get("tail")]:
            nxt = pages[number + 1] if number + 1 < len(pages) else None
            first = (
                min(nxt["tables"], key=lambda u: u["bbox"][1]) if nxt and nxt["tables"] else None
            )
            opens = (
                first is not None
                and not first.get("ruled", True)
                and not any(
                    first["bbox"][1] >= ln["bottom"] > nxt["height"] * HEADER_BAND
                    for ln in nxt["kept"]
                )
                and len(first["xs"]) == len(t["xs"])
                and all(abs(a - b) <= ALIGN for a, b in zip(first["xs"], t["xs"]))
                and not labelish(first["grid"][0])
            )
            if not opens:
                p["tables"].remove(t)
                p["kept"] = sorted(p["kept"] + t["lines"], key=lambda ln: ln["top"])


def cut_headers(pages: list[dict]) -> None:
    """A table's header row, and perhaps its first rows, left at the foot of a page ("Meeting
    or report   Rhythm and content") head the unruled table the next page opens on, when
    their words stand over that table's columns, one run of words per column; their lines are
    no paragraphs then."""
    for number, p in enumerate(pages[:-1]):
        nxt = pages[number + 1]
        if not p["kept"] or not nxt["tables"]:
            continue
        first = min(nxt["tables"], key=lambda u: u["bbox"][1])
        if first.get("ruled", True) or any(
            first["bbox"][1] >= ln["bottom"] > nxt["height"] * HEADER_BAND for ln in nxt["kept"]
        ):
            continue  # a ruled table, or text above it on its page
        foot = _aligned_foot(p, first["xs"])
        if not foot or not labelish(foot[0][1]):
            continue
        # (a header the next page repeats stays where it is, the rows cut off go under it)
        repeated = [c.strip() for c in first["grid"][0]] == foot[0][1]
        for k, (line, cells) in enumerate(foot):
            p["kept"].remove(line)
            if not (repeated and k == 0):
                _add_row(first, k, line, cells, number + 1)


def _aligned_foot(p: dict, xs: list[float], most: int = 4) -> list[tuple[dict, list[str]]]:
    """The last lines of a page, top first, that each set one run of words over every column
    at `xs`, with nothing but them between the last table or text above and the page foot."""
    lines = sorted(p["kept"], key=lambda ln: ln["top"])
    out: list[tuple[dict, list[str]]] = []
    for line in reversed(lines[-most:]):
        cells = _over_columns(line, xs)
        if cells is None or out and out[0][0]["top"] - line["bottom"] > 2 * line["size"]:
            break  # not over the columns, or a gap: no part of the table
        out.insert(0, (line, cells))
    if out and any(t["bbox"][3] >= out[0][0]["top"] - 2 for t in p["tables"]):
        return []  # a table ends under or at them: they are its own last rows
    return out


def carried_rows(pages: list[dict]) -> None:
    """The first lines of a page that set one run of words over each column of the unruled
    table closing the page before ("Disturbance (Störung)   4   16") are that table's rows
    carried over, too few to make a table of their own."""
    for number, p in enumerate(pages[1:], start=1):
        before = pages[number - 1]
        if not p["kept"] or not before["tables"]:
            continue
        last = max(before["tables"], key=lambda u: u["bbox"][3])
        if last.get("ruled", True) or any(ln["top"] >= last["bbox"][3] for ln in before["kept"]):
            continue  # a ruled table, or text under it on its page
        if any(u["bbox"][1] < min(ln["top"] for ln in p["kept"]) for u in p["tables"]):
            continue  # the page opens on a table of its own
        header = [c.strip() for c in last["grid"][0]]
        for line, cells in _aligned_head(p, last["xs"], _widest(last["grid"])):
            p["kept"].remove(line)
            if [c.strip() for c in cells] != header:  # (the header the page repeats)
                _add_row(last, len(last["grid"]), line, cells, number + 1)


def _widest(grid: list[list[str]]) -> list[int]:
    """The longest cell of each column: how long a carried cell may be."""
    width = max((len(row) for row in grid), default=0)
    return [
        max((len(row[j] or "") for row in grid if j < len(row)), default=0) for j in range(width)
    ]


def _aligned_head(
    p: dict, xs: list[float], widest: list[int] = (), most: int = 6
) -> list[tuple[dict, list[str]]]:
    """The first lines of a page, top first, that each set one run of words over every
    column at `xs` (the page's running head is gone already), each cell no longer than the
    table's longest in its column (or 30 characters)."""
    out: list[tuple[dict, list[str]]] = []
    for line in sorted(p["kept"], key=lambda ln: ln["top"])[:most]:
        cells = _over_columns(line, xs)
        if cells is None or out and line["top"] - out[-1][0]["bottom"] > 2 * line["size"]:
            break
        longest = list(widest) + [0] * len(cells)
        if any(len(c) > max(30, longest[j]) for j, c in enumerate(cells) if j):
            break  # running text in columns, not the table's short cells
        out.append((line, cells))
    return out


def _over_columns(line: dict, xs: list[float]) -> list[str] | None:
    """A line's cells when it sets one run of words over each column at `xs`, else None."""
    segs = _segments(line)
    if len(segs) != len(xs) or not all(abs(s["x0"] - x) <= ALIGN for s, x in zip(segs, xs)):
        return None
    return [s["text"] for s in segs]


def _add_row(t: dict, k: int, line: dict, cells: list[str], page: int) -> None:
    """Row `k` of an unruled table's grid from a line of another page, on that page."""
    t.setdefault("grid_pages", [t["page"]] * len(t["grid"]))
    t["grid"].insert(k, cells)
    t["span"].insert(k, [0] * len(cells))
    t["bold"].insert(k, all(bold(w) for w in line["words"]))
    t["grid_pages"].insert(k, page)
