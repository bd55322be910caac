#!/usr/bin/env python3
"""Regenerate the shipped sample proposals (proposals/) and their ground truth.

Four fictional managed service providers answer one fictional client, Alder
Creek Medical Group (a 210-person regional physician group). The texts mix
binding, soft, conditional and excluded wording, client obligations, and many
numbers that are not commitments, so `make demo` shows what the tool does on
something that reads like a real tender.

The proposals are data: `samples/vendors.yaml` lists the vendors (their documents,
team-fit evidence and risk flags) and `samples/<vendor>/<document>.yaml` holds one
document's house style and blocks (cover, headings, paragraphs, bullets, tables), each
commitment annotated under `c:` next to the text that states it, with a short phrase
(`at`) that the PDF shows. This script only renders them. After rendering, each phrase is
looked up in the PDF's own text layer, so the page numbers in the truth file are measured,
never guessed. The expected ranking is computed from the truth with a plain TOPSIS (on
purpose not the product's code) and refused if a different treatment of missing values
could change it.

    .venv/bin/python scripts/make_samples.py                 # into proposals/ and tests/data/
    .venv/bin/python scripts/make_samples.py --out DIR --truth FILE

Needs reportlab, pdfplumber and PyYAML. Output is byte-identical from run to run.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

rl_config.invariant = 1  # no timestamps or random ids in the PDF: same bytes every run

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


# --- what a proposal is made of ---------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One commitment a careful reader should extract; `at` is a phrase the page shows."""

    category: str
    scope: str
    value: float | None
    unit: str
    at: str
    strength: str = "binding"
    party: str = "provider"


@dataclass(frozen=True)
class Look:
    """The house style of one vendor's documents."""

    pagesize: tuple
    body_font: str
    bold_font: str
    accent: colors.Color
    header: str
    footer: str  # format string with {page} and {total}
    footer_align: str = "center"  # center, right or left


@dataclass
class Proposal:
    """One PDF: a list of reportlab flowables plus the facts they state."""

    file: str
    look: Look
    client: str
    story: list = field(default_factory=list)
    facts: list = field(default_factory=list)

    def __post_init__(self):
        lk = self.look
        self.s_body = ParagraphStyle(
            "body", fontName=lk.body_font, fontSize=10, leading=13.5, spaceAfter=6
        )
        self.s_small = ParagraphStyle("small", parent=self.s_body, fontSize=8.5, leading=11)
        self.s_cell = ParagraphStyle(
            "cell", parent=self.s_body, fontSize=9, leading=11.5, spaceAfter=0
        )
        self.s_head = ParagraphStyle(
            "cellhead", parent=self.s_cell, fontName=lk.bold_font, textColor=colors.white
        )
        self.s_h1 = ParagraphStyle(
            "H1",
            fontName=lk.bold_font,
            fontSize=15,
            leading=19,
            spaceBefore=10,
            spaceAfter=8,
            textColor=lk.accent,
        )
        self.s_h2 = ParagraphStyle(
            "H2", fontName=lk.bold_font, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4
        )
        self.s_title = ParagraphStyle(
            "title",
            fontName=lk.bold_font,
            fontSize=26,
            leading=32,
            textColor=lk.accent,
            spaceAfter=14,
        )
        self.s_sub = ParagraphStyle(
            "sub", fontName=lk.body_font, fontSize=13, leading=18, spaceAfter=6
        )

    def _note(self, text: str, facts) -> None:
        flat = " ".join(re.sub(r"<[^>]+>", "", text).split())
        for f in facts:
            if " ".join(f.at.split()) not in flat:
                raise ValueError(f"{self.file}: phrase {f.at!r} is not in its own text")
            self.facts.append(f)

    # blocks -----------------------------------------------------------------------
    def cover(self, title: str, *lines: str, page_break: bool = True) -> None:
        """A title page; without `page_break` the next block (say, `columns`) starts the page."""
        self.story += [Spacer(1, 50 * mm), Paragraph(title, self.s_title)]
        self.story += [Paragraph(line, self.s_sub) for line in lines]
        if page_break:
            self.story += [NextPageTemplate("body"), PageBreak()]

    def contents(self, heading: str = "Contents") -> None:
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [
            ParagraphStyle("toc0", fontName=self.look.body_font, fontSize=10.5, leading=16)
        ]
        self.story += [
            Paragraph(heading, ParagraphStyle("toch", parent=self.s_h1)),
            toc,
            PageBreak(),
        ]

    def h1(self, text: str) -> None:
        self.story.append(Paragraph(text, self.s_h1))

    def h2(self, text: str) -> None:
        self.story.append(Paragraph(text, self.s_h2))

    def p(self, text: str, *facts: Fact, small: bool = False) -> None:
        self._note(text, facts)
        self.story.append(Paragraph(text, self.s_small if small else self.s_body))

    def bullets(self, *items) -> None:
        """Each item is a string or (string, Fact, ...)."""
        out = []
        for item in items:
            text, *facts = (item,) if isinstance(item, str) else item
            self._note(text, facts)
            out.append(ListItem(Paragraph(text, self.s_body), leftIndent=14))
        self.story.append(
            ListFlowable(
                out,
                bulletType="bullet",
                start="\u2022",
                leftIndent=14,
                bulletFontName=self.look.body_font,
            )
        )

    def table(
        self, rows: list[list[str]], widths: list[float], *facts: Fact, repeat: int = 1
    ) -> None:
        """A table with a coloured header row; a long one splits and repeats its header."""
        self._note(" ".join(" ".join(r) for r in rows), facts)
        cells = [
            [Paragraph(c, self.s_head if i < repeat else self.s_cell) for c in row]
            for i, row in enumerate(rows)
        ]
        t = Table(cells, colWidths=[w * mm for w in widths], repeatRows=repeat)
        t.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, repeat - 1), self.look.accent),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    (
                        "ROWBACKGROUNDS",
                        (0, repeat),
                        (-1, -1),
                        [colors.white, colors.Color(0.95, 0.95, 0.95)],
                    ),
                ]
            )
        )
        self.story += [t, Spacer(1, 4 * mm)]

    def columns(self) -> None:
        """Start a new page laid out in two columns (until `single()`)."""
        self.story += [NextPageTemplate("twocol"), PageBreak()]

    def next_column(self) -> None:
        self.story.append(FrameBreak())

    def single(self) -> None:
        self.story += [NextPageTemplate("body"), PageBreak()]

    def page_break(self) -> None:
        self.story.append(PageBreak())

    # rendering --------------------------------------------------------------------
    def render(self, path: Path) -> None:
        look = self.look
        width, height = look.pagesize
        margin = 20 * mm

        def decorate(bare: bool):
            def on_page(canv, doc):
                canv._bare = bare
                if bare:
                    return
                canv.saveState()
                canv.setFont(look.body_font, 8)
                canv.setFillColor(colors.grey)
                canv.drawString(margin, height - 12 * mm, look.header)
                canv.setStrokeColor(look.accent)
                canv.line(margin, height - 14 * mm, width - margin, height - 14 * mm)
                canv.restoreState()

            return on_page

        body = Frame(margin, margin, width - 2 * margin, height - 2 * margin - 4 * mm, id="body")
        gap = 8 * mm
        colw = (width - 2 * margin - gap) / 2
        left = Frame(margin, margin, colw, height - 2 * margin - 4 * mm, id="left")
        right = Frame(margin + colw + gap, margin, colw, height - 2 * margin - 4 * mm, id="right")

        class Doc(BaseDocTemplate):
            def afterFlowable(self, flowable):
                if isinstance(flowable, Paragraph) and flowable.style.name == "H1":
                    self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))

        doc = Doc(
            str(path),
            pagesize=look.pagesize,
            invariant=1,
            title=f"{self.file} for {self.client}",
            author=look.header.split(" | ")[0],
            creator="msp-select sample generator",
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
        )
        doc.addPageTemplates(
            [
                PageTemplate("cover", [body], onPage=decorate(True)),
                PageTemplate("body", [body], onPage=decorate(False)),
                PageTemplate("twocol", [left, right], onPage=decorate(False)),
            ]
        )
        if not self.story or not any(
            isinstance(f, Paragraph) and f.style.name == "title" for f in self.story
        ):
            doc.pageTemplates.insert(0, doc.pageTemplates.pop(1))  # no cover: start on a body page
        doc.multiBuild(list(self.story), canvasmaker=_numbered_canvas(look))


def _numbered_canvas(look: Look):
    """A canvas that writes "Page X of Y" once the total is known (skips cover pages)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []
            self._bare = False

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            width = look.pagesize[0]
            for state in self._pages:
                self.__dict__.update(state)
                if not self._bare:
                    text = look.footer.format(page=self._pageNumber, total=total)
                    self.setFont(look.body_font, 8)
                    self.setFillColor(colors.grey)
                    if look.footer_align == "right":
                        self.drawRightString(width - 20 * mm, 11 * mm, text)
                    elif look.footer_align == "left":
                        self.drawString(20 * mm, 11 * mm, text)
                    else:
                        self.drawCentredString(width / 2, 11 * mm, text)
                super().showPage()
            super().save()

    return NumberedCanvas


# --- reading the samples ----------------------------------------------------------------------

PAGES = {"letter": LETTER, "a4": A4}
BARE_BLOCKS = ("columns", "next_column", "single", "page_break")


def load_look(data: dict) -> Look:
    """`page` is "letter" or "a4", optionally followed by "landscape"."""
    size, _, orientation = data["page"].partition(" ")
    pagesize = landscape(PAGES[size]) if orientation == "landscape" else PAGES[size]
    return Look(
        pagesize,
        data["body_font"],
        data["bold_font"],
        colors.Color(*data["accent"]),
        data["header"],
        data["footer"],
        data.get("footer_align", "center"),
    )


def _facts(block: dict) -> list[Fact]:
    return [Fact(**fact) for fact in block.get("c", ())]


def _add(doc: Proposal, block) -> None:
    """One block of a document file: a bare name, or a mapping keyed by its kind."""
    if isinstance(block, str) and block in BARE_BLOCKS:
        getattr(doc, block)()
    elif "cover" in block:
        cover = block["cover"]
        doc.cover(cover["title"], *cover["lines"], page_break=cover.get("page_break", True))
    elif "contents" in block:
        doc.contents(block["contents"])
    elif "h1" in block or "h2" in block:
        ((kind, text),) = block.items()
        getattr(doc, kind)(text)
    elif "p" in block:
        doc.p(block["p"], *_facts(block), small=block.get("small", False))
    elif "bullets" in block:
        items = [i if isinstance(i, str) else (i["text"], *_facts(i)) for i in block["bullets"]]
        doc.bullets(*items)
    elif "table" in block:
        table = block["table"]
        doc.table(table["rows"], table["widths"], *_facts(block), repeat=table.get("repeat", 1))
    else:
        raise SystemExit(f"{doc.file}: unknown block {block!r}")


def load_document(path: Path, client: str) -> Proposal:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc = Proposal(data["file"], load_look(data["look"]), client)
    for block in data["blocks"]:
        _add(doc, block)
    return doc


@dataclass(frozen=True)
class Vendor:
    id: str
    docs: tuple[Path, ...]  # document files, in the order they are rendered
    criteria: dict  # criterion id -> phrase the documents show
    risks: dict  # risk flag -> phrase the documents show

    @property
    def is_folder(self) -> bool:
        return len(self.docs) > 1


def load_vendors(folder: Path = SAMPLES) -> tuple[str, list[Vendor]]:
    """The client's name and the vendors of `vendors.yaml`, in its order."""
    index = yaml.safe_load((folder / "vendors.yaml").read_text(encoding="utf-8"))
    vendors = [
        Vendor(
            v["id"],
            tuple(folder / v["id"] / name for name in v["documents"]),
            v.get("criteria", {}),
            v.get("risk_flags", {}),
        )
        for v in index["vendors"]
    ]
    return index["client"], vendors


# --- rendering and page location ------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(text.split())


def page_texts(path: Path) -> list[list[str]]:
    """Per page: the whole text and each half (a two-column page interleaves in the whole text)."""
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            mid = page.width / 2
            out.append(
                [
                    _squash(page.extract_text() or ""),
                    _squash(page.crop((0, 0, mid, page.height)).extract_text() or ""),
                    _squash(page.crop((mid, 0, page.width, page.height)).extract_text() or ""),
                ]
            )
    return out


def find_pages(texts: list[list[str]], phrase: str) -> list[int]:
    """1-based pages on which `phrase` appears (ignoring line breaks)."""
    want = _squash(phrase)
    return [i for i, views in enumerate(texts, 1) if any(want in v for v in views)]


def build(out_dir: Path, samples: Path = SAMPLES) -> dict:
    """Render every vendor into `out_dir`; return the truth (contract section 3)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    client, vendors = load_vendors(samples)
    truth = {}
    for vendor in vendors:
        folder = out_dir / vendor.id if vendor.is_folder else out_dir
        folder.mkdir(parents=True, exist_ok=True)
        commitments, all_texts = [], []
        for source in vendor.docs:
            doc = load_document(source, client)
            name = doc.file if vendor.is_folder else f"{vendor.id}.pdf"
            path = folder / name
            doc.render(path)
            texts = page_texts(path)
            all_texts += texts
            for f in doc.facts:
                pages = find_pages(texts, f.at)
                if len(pages) != 1:
                    raise SystemExit(
                        f"{name}: phrase {f.at!r} found on pages {pages}, expected exactly one"
                    )
                row = {
                    "category": f.category,
                    "scope": f.scope,
                    "value": f.value,
                    "unit": f.unit,
                    "strength": f.strength,
                    "party": f.party,
                    "page": pages[0],
                    "text": _squash(f.at),
                }
                if vendor.is_folder:
                    row["file"] = name
                commitments.append(row)
        for phrase in list(vendor.criteria.values()) + list(vendor.risks.values()):
            if not find_pages(all_texts, phrase):
                raise SystemExit(
                    f"{vendor.id}: evidence phrase {phrase!r} is not in the rendered PDFs"
                )
        truth[vendor.id] = {
            "commitments": commitments,
            "criteria": sorted(vendor.criteria),
            "risk_flags": sorted(vendor.risks),
        }
    return truth


# --- expected decision ------------------------------------------------------------------------


def _minutes_or_days(value: float, unit: str) -> float:
    """A criteria target in the contract unit (the example client uses minutes, hours, days, percent)."""
    return value * {"hour": 60, "hours": 60, "week": 7}.get(unit, 1)


def goal_value(commitments: list, goal: dict):
    """The vendor's best binding provider value for a goal (1/0 for support hours), else None."""
    hits = [
        c
        for c in commitments
        if c["category"] == goal["category"]
        and c["scope"] == goal["scope"]
        and c["party"] == "provider"
        and c["strength"] == "binding"
    ]
    target = goal["target"]
    if goal["category"] == "support_hours":
        return 1.0 if any(c["unit"] == target["unit"] for c in hits) else 0.0
    if goal["category"] == "price":
        hits = [c for c in hits if c["unit"] == target["unit"]]
    values = [c["value"] for c in hits if c["value"] is not None]
    if not values:
        return None
    return min(values) if target["op"] == "<=" else max(values)


def meets(goal: dict, value) -> bool:
    t = goal["target"]
    if goal["category"] == "support_hours":
        return value == 1.0
    if value is None:
        return False
    want = _minutes_or_days(t["value"], t["unit"])
    return {"<=": value <= want, ">=": value >= want, "==": value == want}[t["op"]]


def topsis(rows: list[list[float]], weights: list[float], maximise: list[bool]) -> list[float]:
    """Closeness to the ideal vendor (vector normalisation)."""
    cols = list(zip(*rows))
    norms = [math.sqrt(sum(x * x for x in col)) or 1.0 for col in cols]
    scaled = [[w * x / n for x, w, n in zip(r, weights, norms)] for r in rows]
    best = [max(c) if up else min(c) for c, up in zip(zip(*scaled), maximise)]
    worst = [min(c) if up else max(c) for c, up in zip(zip(*scaled), maximise)]
    out = []
    for r in scaled:
        plus = math.dist(r, best)
        minus = math.dist(r, worst)
        out.append(minus / (plus + minus) if plus + minus else 0.0)
    return out


def expected_decision(truth: dict, criteria: dict) -> tuple[list[str], list[str]]:
    """(ranking, eliminated); refuses a ranking that a choice about missing values could flip."""
    goals, team = criteria["goals"], criteria["team_fit"]
    total = sum(g["weight"] for g in goals) + sum(t["weight"] for t in team)
    weights = [g["weight"] / total for g in goals] + [t["weight"] / total for t in team]
    maximise = [g["category"] == "support_hours" or g["target"]["op"] == ">=" for g in goals] + [
        True
    ] * len(team)
    table, eliminated = {}, []
    for vid, v in truth.items():
        values = [goal_value(v["commitments"], g) for g in goals]
        if any(g.get("must_have") and not meets(g, x) for g, x in zip(goals, values)):
            eliminated.append(vid)
        table[vid] = values + [1.0 if t["criterion"] in v["criteria"] else 0.0 for t in team]
    survivors = [v for v in truth if v not in eliminated]

    def order(fill_worst_seen: bool) -> tuple[list[str], dict]:
        cols = list(zip(*(table[v] for v in survivors)))
        fills = []
        for col, up in zip(cols, maximise):
            seen = [x for x in col if x is not None]
            if fill_worst_seen and seen:
                fills.append(min(seen) if up else max(seen))
            else:
                fills.append(0.0 if up else 2 * max(seen or [1.0]))
        rows = [[f if x is None else x for x, f in zip(table[v], fills)] for v in survivors]
        scores = dict(zip(survivors, topsis(rows, weights, maximise)))
        return sorted(survivors, key=lambda v: -scores[v]), scores

    first, scores = order(True)
    second, _ = order(False)
    if first != second:
        raise SystemExit(f"ranking depends on how missing values are scored: {first} vs {second}")
    gaps = [scores[a] - scores[b] for a, b in zip(first, first[1:])]
    if gaps and min(gaps) < 0.05:
        raise SystemExit(f"ranking too close to call: {scores}")
    print("TOPSIS scores:", {v: round(s, 3) for v, s in scores.items()})
    return first + sorted(eliminated), sorted(eliminated)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "proposals")
    ap.add_argument("--truth", type=Path, default=ROOT / "tests" / "data" / "sample_truth.json")
    ap.add_argument("--criteria", type=Path, default=ROOT / "criteria" / "example" / "client.yaml")
    args = ap.parse_args(argv)
    vendors = build(args.out)
    criteria = yaml.safe_load(args.criteria.read_text(encoding="utf-8"))
    ranking, eliminated = expected_decision(vendors, criteria)
    args.truth.parent.mkdir(parents=True, exist_ok=True)
    args.truth.write_text(
        json.dumps(
            {"vendors": vendors, "expected_ranking": ranking, "expected_eliminated": eliminated},
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(vendors)} vendors' PDFs to {args.out} and the truth to {args.truth}")
    print("expected ranking:", ranking, "eliminated:", eliminated)


if __name__ == "__main__":
    main()
