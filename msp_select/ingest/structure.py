"""Document structure over raw blocks and tables: heading levels, heading paths, list items
with their lead-in, and where each table sits among the paragraphs.

Heading levels need every heading of the document (a size is only "big" next to the others),
so this runs once per document, after all pages are read.
"""

from __future__ import annotations

import re

from msp_select.models import Block, Table

NUMBERING = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s")
SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\be\.g)(?<!\bi\.e)(?<=[.!?])\s+(?=[A-Z0-9\"'“(])")
LEAD_IN_GAP = 40.0  # points between a paragraph and the table it introduces, at most


def _depth(text: str) -> int:
    """Numbering depth: "3 " and "3." are 1, "3.2" is 2; unnumbered headings count as 1."""
    m = NUMBERING.match(text)
    return m.group(1).count(".") + 1 if m else 1


def _style(b: dict) -> tuple:
    return (-round(b["size"] * 2) / 2, 0 if b["bold"] else 1, _depth(b["text"]))


def heading_levels(raw: list[dict]) -> dict[int, int]:
    """Index of each heading block -> its level: bigger, then bolder, then less deeply
    numbered headings rank higher; the highest rank present is level 1."""
    styles = {i: _style(b) for i, b in enumerate(raw) if b["heading"]}
    ranks = {s: n for n, s in enumerate(sorted(set(styles.values())), start=1)}
    return {i: ranks[s] for i, s in styles.items()}


def last_sentence(text: str) -> str:
    parts = SENTENCE_END.split(text.strip())
    return parts[-1] if parts else ""


def _above(b: dict, t: dict) -> bool:
    """The block lies above the table on its page and overlaps it horizontally."""
    return (
        b["page"] == t["page"]
        and b["bbox"][3] <= t["bbox"][1] + 2
        and b["bbox"][0] < t["bbox"][2]
        and b["bbox"][2] > t["bbox"][0]
    )


def _anchor(raw: list[dict], t: dict) -> int:
    """Index of the block the table follows in reading order (-1 before the first)."""
    anchor = -1
    for i, b in enumerate(raw):
        if b["page"] < t["page"] or _above(b, t):
            anchor = i
    return anchor


def _sequence(raw: list[dict], tables: list[dict]) -> list[tuple[str, int]]:
    """Blocks and tables in reading order, as ("block", i) and ("table", j)."""
    keyed = [((i, 0, 0.0), ("block", i)) for i in range(len(raw))]
    keyed += [((_anchor(raw, t), 1, t["bbox"][1]), ("table", j)) for j, t in enumerate(tables)]
    return [item for _, item in sorted(keyed)]


def _table_lead_in(prev: dict | None, t: dict) -> str:
    if prev is None or prev["heading"] or prev["item"]:
        return ""
    gap = t["bbox"][1] - prev["bbox"][3]
    same_page = prev["page"] == t["page"]
    near = same_page and -5 <= gap <= LEAD_IN_GAP
    if near or (prev["text"].endswith(":") and (same_page or prev["page"] == t["page"] - 1)):
        return last_sentence(prev["text"])
    return ""


def _item_lead_in(prev: dict | None, prev_lead: str) -> str:
    """An item continues its run's lead-in, or takes the paragraph right before the run."""
    if prev is None or prev["heading"]:
        return ""
    if prev["item"]:
        return prev_lead
    return last_sentence(prev["text"])


def _over_page_top(prev: dict | None, before: dict | None) -> dict | None:
    """The block a run or table under `prev` follows: `prev` itself, unless `prev` opens its
    page ("Pernstejn | offer N-031 for MSB", a header only page 2 carries) and the page before
    ended on a lead-in ("we commit to the following:"), which the list or table still follows."""
    if (
        prev is not None
        and before is not None
        and before["page"] < prev["page"]
        and not prev["text"].endswith(":")
        and before["text"].endswith(":")
        and not before["heading"]
        and not before["item"]
    ):
        return before
    return prev


def build(raw: list[dict], tables: list[dict]) -> tuple[tuple[Block, ...], tuple[Table, ...]]:
    """Blocks and Tables with level, section, item and lead-in filled in."""
    levels = heading_levels(raw)
    stack: list[tuple[int, str]] = []
    blocks: dict[int, Block] = {}
    done: dict[int, Table] = {}
    prev: dict | None = None
    before: dict | None = None  # the block before prev
    prev_lead = ""
    for kind, i in _sequence(raw, tables):
        if kind == "table":
            t = tables[i]
            section = tuple(text for _, text in stack)
            done[i] = make_table(t, section, _table_lead_in(_over_page_top(prev, before), t))
            prev, before, prev_lead = None, None, ""
            continue
        b = raw[i]
        level = levels.get(i, 0)
        if level:
            while stack and stack[-1][0] >= level:
                stack.pop()
        lead = _item_lead_in(_over_page_top(prev, before), prev_lead) if b["item"] else ""
        blocks[i] = Block(
            b["text"],
            b["page"],
            b["bbox"],
            b["heading"],
            level,
            tuple(text for _, text in stack),
            b["item"],
            lead,
        )
        if level:
            stack.append((level, b["text"]))
        prev, before, prev_lead = b, prev, lead
    return tuple(blocks[i] for i in range(len(raw))), tuple(done[j] for j in range(len(tables)))


def make_table(t: dict, section: tuple[str, ...] = (), lead_in: str = "") -> Table:
    return Table(
        t["header"],
        tuple(t["rows"]),
        t["page"],
        t["bbox"],
        tuple(t["row_pages"]),
        tuple(t["header_rows"]),
        tuple(t["subheader_rows"]),
        section,
        lead_in,
    )
