"""Words -> lines -> paragraphs: reading order, running heads, headings and list items.

A line is a dict (`words`, `top`, `bottom`, `x0`, `x1`, `text`, `size`, `bold`); a paragraph
("raw block") is a dict that `structure.build` turns into a models.Block once the whole
document is known (heading levels need every heading's style).
"""

from __future__ import annotations

import re
from collections import Counter

_BULLET_GLYPHS = r"[•●▪◦‣∙·\-–*]"
BULLET = re.compile(rf"^(?:{_BULLET_GLYPHS}|\(?\d{{1,2}}[.)]|\(?[a-z][.)])\s")
GLYPH = re.compile(rf"^{_BULLET_GLYPHS}\s")  # a bullet glyph: its line is an item, never a heading
# "Urgent - 1 hour", "Priority 1: within 15 minutes": a short label, then a dash or a colon
LABEL = re.compile(r"^[A-Z0-9][\w/&()'’+.]*(?:\s+[\w/&()'’+.]+){0,4}?(\s+[-–—]\s|:\s)\S")
PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
HEADER_BAND = 0.07  # top/bottom fraction of the page where running heads live
LINE_TOLERANCE = 3.0  # words whose tops differ by less than this share a line

_CLAUSE_NUMBER = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2})*[.)]?$")
# glyphs that open a list item wherever a typesetter put them ("»", "➢"; not ticks or boxes,
# which are a table's Yes and No)
_GLYPH = re.compile(r"^(?:\(cid:\d+\)|[•●▪◦‣∙·»›➢➤►▸◆❖])$")


def arrows_as_bullets(pages: list[list[dict]], share: float = 0.3) -> None:
    """A ">" that opens a third of a document's lines or more is its bullet (a slide deck's
    points), not a quotation mark (an e-mail answer quoting a question now and then): it
    becomes "•" so that its lines are list items."""
    lines = [line for page in pages for line in page if line["words"]]
    opened = [line for line in lines if line["words"][0]["text"] == ">"]
    if lines and len(opened) >= share * len(lines):
        for line in opened:
            line["words"][0] = dict(line["words"][0], text="•")


def lines_of(words: list[dict]) -> list[dict]:
    """Group words into lines (top-to-bottom, left-to-right).

    A bullet glyph or a list number set in another font often sits a fraction of a point off
    its line's baseline, so it joins the line it is level with even though it lies to the left
    of the words already there; an unmapped glyph ("(cid:127)") or another bullet glyph ("»")
    becomes "•" so the paragraph logic sees a list item.
    """
    lines: list[dict] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        line = lines[-1] if lines else None
        glyph = _GLYPH.match(w["text"]) is not None
        if glyph:
            w = dict(w, text="•")
        # a mark set smaller within the line's height ("-" before 17-pt slide text) is on it
        within = line and line["top"] - 0.5 <= w["top"] and w["bottom"] <= line["bottom"] + 0.5
        if (
            line
            and (abs(w["top"] - line["top"]) < LINE_TOLERANCE or within)
            and (w["x0"] >= line["x1"] - 1 or glyph or w["x1"] <= line["x0"] + 1)
        ):
            line["words"].append(w)
            line["x0"] = min(line["x0"], w["x0"])
            line["x1"] = max(line["x1"], w["x1"])
            line["bottom"] = max(line["bottom"], w["bottom"])
        else:
            lines.append(
                {"words": [w], "top": w["top"], "x0": w["x0"], "x1": w["x1"], "bottom": w["bottom"]}
            )
    for line in lines:
        _finish_line(line)
    return lines


def _finish_line(line: dict) -> None:
    line["words"].sort(key=lambda w: w["x0"])
    line["x0"] = line["words"][0]["x0"]
    line["text"] = " ".join(w["text"] for w in line["words"])
    text_words = [w for w in line["words"] if w["text"] != "•"] or line["words"]
    # a bullet's, a clause number's or a tick box's hanging indent is not a new paragraph
    numbered = len(text_words) > 1 and _CLAUSE_NUMBER.match(text_words[0]["text"])
    line["text_x0"] = text_words[
        min(_boxed(text_words) or int(bool(numbered)), len(text_words) - 1)
    ]["x0"]
    # the size most of the line's letters are set in: a clause number in a larger font
    # ("1.4" in 10 pt before 9 pt text) does not make the line a heading
    sizes: dict[float, int] = {}
    for w in text_words:
        size = round(w.get("size", 0) or 0, 1)
        sizes[size] = sizes.get(size, 0) + len(w["text"])
    line["size"] = max(sizes, key=lambda k: (sizes[k], k))
    line["bold"] = all(bold(w) for w in text_words)


_BOX = re.compile(r"^(?:\[[xX✓✔ ]?\]|[☐☒☑□■])$")  # a tick box, ticked or not: "[X]", "[ ]", "☐"


def _boxed(words: list[dict]) -> int:
    """How many words of a line its leading tick box takes ("[ ]" may be two: "[" and "]")."""
    if len(words) > 2 and words[0]["text"] == "[" and words[1]["text"] == "]":
        return 2
    return int(len(words) > 1 and bool(_BOX.match(words[0]["text"])))


def bold(word: dict) -> bool:
    font = (word.get("fontname") or "").lower()
    return "bold" in font or "black" in font or "heavy" in font


def _share(words: list[dict], split: float) -> float:
    """The smaller column's share of the words."""
    left = sum(1 for w in words if w["x1"] <= split)
    right = sum(1 for w in words if w["x0"] >= split)
    return min(left, right) / len(words)


def _strip(words: list[dict], width: float) -> float | None:
    """The x of the widest empty vertical strip in the page's middle (a gutter between two
    columns if each holds enough of the words: see _share), or None."""
    if len(words) < 20 or width <= 0:
        return None
    bins = int(width) + 1
    cover = [0] * bins
    for w in words:
        for x in range(max(0, int(w["x0"])), min(bins, int(w["x1"]) + 1)):
            cover[x] += 1
    lo, hi = int(width * 0.3), int(width * 0.7)
    limit = max(1, len(words) // 100)  # a title crossing the gutter is tolerated
    best, run, start = None, 0, 0
    for x in range(lo, hi):
        if cover[x] <= limit:
            if run == 0:
                start = x
            run += 1
            if run >= 8 and (best is None or run > best[1]):
                best = (start, run)
        else:
            run = 0
    if best is None:
        return None
    return best[0] + best[1] / 2


def prose_columns(lines: list[dict], width: float) -> list[list[dict]]:
    """The page's lines in the groups a table may lie within: on a page of two columns of
    running text (each with three lines or more that fill most of their column), each band
    between full-width lines splits into its left and right column, however short one of them
    is, so that no table is read across the gutter ("- Urgent - a sewing floor stopped" beside
    "both signatures." in the other column); else all the lines, as one group."""
    words = [w for line in lines for w in line["words"]]
    split = _prose_gutter(words, width)
    if split is None:
        return [lines]
    groups: list[list[dict]] = []
    band: list[dict] = []
    for line in lines:
        if any(w["x0"] < split < w["x1"] for w in line["words"]):
            groups += _sides(band, split) + [[line]]
            band = []
        else:
            band.append(line)
    return [g for g in groups + _sides(band, split) if g]


def _prose_gutter(words: list[dict], width: float, split: float | None = None) -> float | None:
    """A gutter between two columns of running text, one of them perhaps short (`split`: the
    page's empty strip, when the caller has found it already)."""
    split = _strip(words, width) if split is None else split
    if split is None or _share(words, split) < 0.05:
        return None
    left = [w for w in words if w["x1"] <= split]
    right = [w for w in words if w["x0"] >= split]
    x0 = min((w["x0"] for w in left), default=split)
    x1 = max((w["x1"] for w in right), default=split)
    lefts = _prose(lines_of(left), split - x0)
    rights = _prose(lines_of(right), x1 - split)
    # side by side: each column's running text stands level with three lines of the other's
    # (prose above a table whose notes column runs on is no page of two columns)
    if _level_with(lefts, rights) >= 3 and _level_with(rights, lefts) >= 3:
        return split
    return None


def _prose(lines: list[dict], width: float) -> list[dict]:
    """The lines of running text: five words or more, no wider space between them than a
    table's cells leave, filling most of the column."""
    return [ln for ln in lines if ln["x1"] - ln["x0"] >= 0.6 * width and _running(ln)]


def _level_with(these: list[dict], those: list[dict]) -> int:
    if not those:
        return 0
    top, bottom = min(ln["top"] for ln in those), max(ln["bottom"] for ln in those)
    return sum(1 for ln in these if top <= ln["top"] <= bottom)


def _running(line: dict) -> bool:
    words = line["words"]
    height = max(1.0, line["bottom"] - line["top"])
    return len(words) >= 5 and all(b["x0"] - a["x1"] <= height for a, b in zip(words, words[1:]))


def _sides(band: list[dict], split: float) -> list[list[dict]]:
    words = [w for line in band for w in line["words"]]
    return [
        lines_of([w for w in words if w["x1"] <= split]),
        lines_of([w for w in words if w["x0"] >= split]),
    ]


def reading_order(words: list[dict], width: float) -> list[dict]:
    """Lines in reading order: full-width lines split the page into bands; in a band the
    left column is read before the right one."""
    split = _strip(words, width)
    if split is not None and _share(words, split) < 0.2:
        split = _prose_gutter(words, width, split)
    if split is None:
        return lines_of(words)
    ordered: list[dict] = []
    left: list[dict] = []
    right: list[dict] = []
    for line in lines_of(words):
        crosses = any(w["x0"] < split < w["x1"] for w in line["words"])
        if crosses:
            ordered += lines_of(left) + lines_of(right) + [line]
            left, right = [], []
        else:
            left += [w for w in line["words"] if w["x1"] <= split]
            right += [w for w in line["words"] if w["x0"] >= split]
    return ordered + lines_of(left) + lines_of(right)


# --- running heads and page numbers ----------------------------------------------------------


def running_keys(pages: list[list[dict]], heights: list[float]) -> set[tuple[str, int]]:
    """(text with digits masked, vertical band) of lines repeated in the margins of many pages."""
    seen: Counter = Counter()
    for lines, height in zip(pages, heights):
        keys = {_key(line) for line in lines if in_margin(line, height)}
        seen.update(keys)
    need = max(2, len(pages) // 2) if len(pages) > 2 else 2
    return {k for k, n in seen.items() if n >= need}


def _key(line: dict) -> tuple[str, int]:
    return re.sub(r"\d+", "#", line["text"].lower()), int(line["top"] // 10)


def in_margin(line: dict, height: float, band: float = HEADER_BAND) -> bool:
    return line["bottom"] < height * band or line["top"] > height * (1 - band)


def body_lines(lines: list[dict], height: float, running: set) -> list[dict]:
    """The page's lines without running heads and a page number at its top or bottom edge."""
    edges = {min(ln["top"] for ln in lines), max(ln["top"] for ln in lines)} if lines else set()
    return [
        ln
        for ln in lines
        if not (
            (in_margin(ln, height) and _key(ln) in running)
            or (ln["top"] in edges and PAGE_NUMBER.match(ln["text"]))
        )
    ]


# --- paragraphs ------------------------------------------------------------------------------


def _join(prev: str, nxt: str) -> str:
    """Join two lines of a paragraph, mending a word hyphenated at the line break."""
    if prev.endswith("-") and nxt[:1].islower():
        frag = re.search(r"(\S+)-$", prev)
        first = nxt.split()[0]
        if frag and frag.group(1).isalpha() and frag.group(1)[-1].islower() and "-" not in first:
            return prev[:-1] + nxt
        return prev + nxt
    return f"{prev} {nxt}"


_BARE_NUMBER = re.compile(r"^\d{1,2}\s*[:\-–—]")
_ENDED = re.compile(r"[.:;!?)]\s*$")


def _label_runs(lines: list[dict]) -> list[bool]:
    """Which lines open a labelled item: a LABEL line with another one of the same separator
    (dash or colon) at the same indent a few lines away (a single "Note: ..." stays prose)."""
    seps = []
    for i, ln in enumerate(lines):
        m = LABEL.match(ln["text"])
        # "... within 4 hours. Code" / "2: typically ...": a bare number finishing the line
        # above ("Code 2") labels nothing
        if m and i and _BARE_NUMBER.match(ln["text"]) and not _ENDED.search(lines[i - 1]["text"]):
            m = None
        seps.append((":" if ":" in m.group(1) else "-") if m else None)
    out = [False] * len(lines)
    for i, line in enumerate(lines):
        if seps[i] is None:
            continue
        for j in range(i + 1, min(len(lines), i + 5)):
            if seps[j] == seps[i] and abs(lines[j]["x0"] - line["x0"]) < 3:
                out[i] = out[j] = True
                break
    return out


def _is_heading(line: dict, body: float) -> bool:
    return (
        len(line["text"]) < 100
        and not GLYPH.match(line["text"])
        and not line["text"].endswith((".", ",", ";"))
        and (line["size"] >= body + 1.0 or (line["bold"] and line["size"] >= body - 0.5))
    )


_RESTATED = re.compile(r"^\((\d{1,3})\)\s")


def _restated_number(cur: dict | None, line: dict) -> bool:
    """ "... within four" / "(4) Business Hours.": a wrapped line that restates the number word
    ending the line before in figures, as contracts write them, continues it; it is no item."""
    m = _RESTATED.match(line["text"])
    words = (cur or {}).get("text", "").split()
    if not m or not words:
        return False
    from text_to_num import text2num

    try:
        return text2num(words[-1].lower(), "en") == int(m.group(1))
    except ValueError:
        return False


# a line that ends on a word needing its complement ("a severity from 1 to") runs on: the
# number opening the next line ("5. We will ...") ends that sentence, it numbers no item
_RUNS_ON = re.compile(r"\b(?:to|from|of|and|or|than|within|by|at|between|per|up|the|a|an)$", re.I)
_NUMBER_OPENS = re.compile(r"^\(?\d{1,3}[.)]\s")


# the marks of a run of items written inline: "... within: (a) eight (8) hours; (b) twenty-four"
_INLINE_MARK = re.compile(r"(?:^|[:;,]\s*)\(([a-z]|\d{1,2})\)\s")  # "(8)" after "eight" restates
_ITEM_MARK = re.compile(r"^\(([a-z]|\d{1,2})\)\s")


def _next_inline_item(cur: dict | None, line: dict) -> bool:
    """ "... (a) eight (8) hours; (b) twenty-four (24) hours;" / "(c) three (3) working days.":
    a line that opens with the next mark of a run the paragraph writes inline goes on with that
    run; it opens no list of its own."""
    opened = _ITEM_MARK.match(line["text"])
    text = (cur or {}).get("text", "").rstrip()
    marks = _INLINE_MARK.findall(text)
    if not opened or len(marks) < 2 or not text.endswith((";", ",", " and", " or")):
        return False
    last, mark = marks[-1], opened.group(1)
    if last.isdigit() or mark.isdigit():
        return last.isdigit() and mark.isdigit() and int(mark) == int(last) + 1
    return ord(mark) == ord(last) + 1


def _runs_on(cur: dict | None, line: dict) -> bool:
    return bool(cur and _NUMBER_OPENS.match(line["text"]) and _RUNS_ON.search(cur.get("text", "")))


def _opens_clause(cur: dict | None, line: dict) -> bool:
    """ "1.2 "Incident" means ...": a clause number after a finished sentence opens the next
    clause, as a bullet opens the next item."""
    words = line["text"].split(maxsplit=1)
    return bool(
        cur
        and len(words) > 1
        and _CLAUSE_NUMBER.match(words[0])
        and "." in words[0].rstrip(".")
        and cur["text"].rstrip().endswith((".", ";", ":"))
    )


def _paragraph_gap(line: dict, cur: dict) -> float:
    """The white space above a line that ends a paragraph. A sentence broken mid-way ("... next
    business" / "day. Service desk ...") continues across a looser leading, as in a callout
    box set in small type."""
    gap = max(3.0, 0.5 * line["size"])
    first = line["text"][:1] if line["text"][:1] != "(" else line["text"][1:2]  # "(10) days"
    last = cur["text"][-1:]
    # ("... periods of twelve (12)" / "months unless": a bracket or a comma closes no sentence;
    # "waiting for the" / "Customer to ...": nor does a word that needs its complement)
    broken = (
        (last.isalnum() or last in ",)]’'\"")
        and (first.islower() or first.isdigit())
        or (bool(_RUNS_ON.search(cur["text"])) and first.isalnum())
    )
    return max(gap, 1.2 * line["size"]) if broken else gap


def _heading_wraps(line: dict, cur: dict | None, heading: bool) -> bool:
    """ "Art. 2 Obligations of the" / "Provider", "Play 1 - SEV-A, the warehouse or a centre" /
    "is down": a heading's second line, set close under it in the same type, that goes on
    with a lower-case word or after a word needing its complement."""
    if not (cur and heading and cur["heading"]):
        return False
    text, prev = line["text"], cur["text"].rstrip()
    return (
        abs(line["size"] - cur["size"]) <= 0.5
        and line["bold"] == cur["bold"]
        and line["top"] - cur["last_bottom"] <= 0.6 * line["size"]
        and (
            text[:1].islower() or bool(_RUNS_ON.search(prev)) or prev.endswith((",", "-", "–", "&"))
        )
    )


def _starts_block(line: dict, cur: dict | None, heading: bool, labelled: bool) -> bool:
    if _heading_wraps(line, cur, heading):
        return False
    return (
        cur is None
        or heading
        or labelled
        or cur["heading"]
        or (
            BULLET.match(line["text"]) is not None
            and not _restated_number(cur, line)
            and not _runs_on(cur, line)
            and not _next_inline_item(cur, line)
        )
        or _opens_clause(cur, line)
        or line["top"] - cur["last_bottom"] > _paragraph_gap(line, cur)
        or line["top"] < cur["last_top"] - 1  # jumped to another column
        or abs(line["size"] - cur["size"]) > 1.0
        or line["x0"] > cur["last_x0"] + 12  # first-line indent
        or (cur["item"] and line["x0"] < cur["x0"] - 2)  # set out left of the bullet: list ended
    )


def _wraps_on(line: dict, nxt: dict) -> bool:
    """ "1) Emergency (line stop): we call back within 1 hour and an engineer is on" / "site
    within 2 hours.": a line set larger than the body, like a heading, whose sentence runs on,
    in the same type and close under it, into a line of text is that text's first line."""
    first = nxt["text"][:1]
    return (
        abs(line["size"] - nxt["size"]) <= 0.5
        and not line["bold"]  # (a paragraph set in bold is a question or a heading's text)
        and not nxt["bold"]
        and nxt["top"] - line["bottom"] <= 0.6 * line["size"]
        and (first.islower() or first.isdigit())
        and not line["text"].rstrip().endswith(":")
    )


def _bold_run_on(prev: dict, line: dict, body: float) -> bool:
    """ "... every target, time and result in them belongs to Client" / "R's contract and to
    that night, and none of them is offered to you": words set in bold in the body's size,
    close under a line whose sentence has not ended, go on with that sentence; no heading."""
    return (
        line["size"] < body + 1.0
        and abs(line["size"] - prev["size"]) <= 0.5
        and line["top"] - prev["bottom"] <= 0.6 * line["size"]
        and (prev["text"].rstrip()[-1:].isalnum() or prev["text"].rstrip().endswith((",", "’s")))
    )


def paragraphs(lines: list[dict], page: int, body: float) -> list[dict]:
    """Raw blocks: text, page, bbox, heading, item, size, bold."""
    blocks: list[dict] = []
    cur: dict | None = None
    headings = [_is_heading(line, body) for line in lines]
    for i in range(len(lines) - 1):
        if headings[i] and not headings[i + 1] and _wraps_on(lines[i], lines[i + 1]):
            headings[i] = False
    for i in range(1, len(lines)):
        if headings[i] and not headings[i - 1] and _bold_run_on(lines[i - 1], lines[i], body):
            headings[i] = False
    for line, labelled, heading in zip(lines, _label_runs(lines), headings):
        if _starts_block(line, cur, heading, labelled):
            cur = {
                "text": line["text"],
                "page": page,
                "x0": line["x0"],
                "top": line["top"],
                "x1": line["x1"],
                "bottom": line["bottom"],
                "heading": heading,
                "size": line["size"],
                "bold": line["bold"],
                "item": not heading and (labelled or BULLET.match(line["text"]) is not None),
            }
            blocks.append(cur)
        else:
            cur["text"] = _join(cur["text"], line["text"])
            cur["x0"], cur["x1"] = min(cur["x0"], line["x0"]), max(cur["x1"], line["x1"])
            cur["bottom"] = max(cur["bottom"], line["bottom"])
        cur["last_bottom"], cur["last_top"], cur["last_x0"] = (
            line["bottom"],
            line["top"],
            line["text_x0"],
        )
    for b in blocks:
        b["bbox"] = (b["x0"], b["top"], b["x1"], b["bottom"])
    return blocks


def join_pages(blocks: list[dict]) -> list[dict]:
    """A paragraph the page break cut mid-sentence ("... service credits of 3% of the monthly
    fee" / "for each month below that level ...") is one paragraph, kept on its first page."""
    out: list[dict] = []
    for i, b in enumerate(blocks):
        first = i > 0 and blocks[i - 1]["page"] < b["page"]
        # (a header line the page opens with, seen on no other page, may stand between:
        # "MOLS DATA ApS - PROPOSAL MD-1187" over "hours.")
        after_head = (
            i > 1
            and len(out) >= 2
            and blocks[i - 2]["page"] < b["page"] == blocks[i - 1]["page"]
            and out[-1] is blocks[i - 1]
            and _page_head(blocks[i - 1])
        )
        prev = out[-2] if after_head else (out[-1] if out and first else None)
        if (
            prev is not None
            and prev["page"] == b["page"] - 1
            and not (prev["heading"] or b["heading"] or b["item"])
            and prev["text"][-1:].isalnum()
            and b["text"][:1].islower()
        ):
            prev["text"] = _join(prev["text"], b["text"])
            continue
        out.append(b)
    return out


def _page_head(b: dict) -> bool:
    """One short line with no sentence in it: a page's header."""
    text = b["text"].strip()
    return (
        not b["item"]
        and "\n" not in text
        and len(text.split()) <= 12
        and not re.search(r"[.!?:;]$", text)
        and b["bbox"][3] - b["bbox"][1] < 2.5 * max(b.get("size") or 10, 6)
    )
