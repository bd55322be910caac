"""Render a phrasings corpus: proposals/*.pdf and truth.json from the documents in source/.

    python tests/corpora/phrasings/generate.py [CORPUS] [--out DIR]

CORPUS is a corpus folder holding source/ and criteria/client.yaml (default: this one, the
first phrasings corpus; tests/corpora/phrasings2, phrasings3 and phrasings4 are the others);
DIR defaults to CORPUS.

Each file in source/ is one vendor document written as data (headings, paragraphs, bullet
lists, tables); every quantitative commitment, team-fit evidence and risk flag carries the
phrase that shows it. After rendering, each phrase is looked up in the PDF's own text
(pdfplumber) and its page recorded, so the truth never guesses where reportlab broke a page,
and a phrase that is not on the page fails the run. The expected ranking is computed here,
from the truth and criteria/client.yaml, by a plain TOPSIS that does not use msp_select.
The same sources give byte-identical PDFs and truth.json on every run.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pdfplumber
import yaml
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, A5, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

rl_config.invariant = 1  # no creation date or random document id: same bytes every run

HERE = Path(__file__).resolve().parent

# contract.md section 1.2: the unit each category normalises to
UNITS = {
    "response_time": "minute",
    "resolution_time": "minute",
    "availability": "percent",
    "rpo": "minute",
    "rto": "minute",
    "service_credit": "percent",
    "contract_term": "month",
    "termination_notice": "day",
    "review_cadence": "day",
    "onboarding_duration": "day",
    "first_contact_resolution": "percent",
    "csat": "percent",
    "patch_window": "day",
}
SCOPES = {
    "response_time": {"P1", "P2", "P3", "P4", "all"},
    "resolution_time": {"P1", "P2", "P3", "P4", "all"},
    "support_hours": {"helpdesk", "noc", "onsite"},
    "price": {"flat", "per_user", "per_device", "onboarding", "hourly"},
}
PRICE_UNIT = {"onboarding": r"[A-Z]{3}", "hourly": r"[A-Z]{3}/hour"}
CRITERIA_IDS = {
    "dedicated-account-manager", "senior-escalation", "governance-cadence",
    "roles-responsibilities", "client-obligations", "performance-incentives",
    "change-management", "implementation-plan", "adoption-communication",
    "conflict-resolution", "executive-oversight", "co-managed-collaboration",
    "reporting-transparency", "control-retention", "exit-assistance",
    "security-compliance", "flexibility",
}  # fmt: skip
RISK_FLAGS = {
    "clock-stop", "first-line-only", "extra-cost", "vendor-holds-keys", "no-penalty",
    "auto-renewal", "soft-sla",
}  # fmt: skip
# a goal's target unit -> factor into its category's contract unit (contract.md 1.2)
TO_CONTRACT = {
    "minute": {"minute": 1, "hour": 60, "business_day": 480, "day": 1440},
    "day": {"day": 1, "week": 7, "month": 30, "year": 365},
    "month": {"month": 1, "year": 12},
}


# --- rendering ------------------------------------------------------------------------------


@dataclass
class Look:
    """Fonts, page size and running texts of one document."""

    font: str = "Helvetica"
    size: float = 10
    page: str = "a4"
    landscape: bool = False
    header: str = ""
    footer: str = "Page {page} of {pages}"
    accent: str = "#1f3b5a"
    columns: int = 1  # 2: two columns from the first page on, e.g. an A3 report (phrasings88)

    @property
    def bold(self) -> str:
        return {"Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}.get(
            self.font, self.font + "-Bold"
        )

    @property
    def italic(self) -> str:
        return {"Times-Roman": "Times-Italic", "Vera": "Vera-Italic"}.get(
            self.font, self.font + "-Oblique"
        )

    @property
    def pagesize(self):
        # "a5": a pocket card or a leaflet (phrasings86); "a3": a one-sheet A3 report
        # (phrasings88); anything else is A4
        size = {"letter": LETTER, "a5": A5, "a3": A3}.get(self.page, A4)
        return landscape(size) if self.landscape else size


def _register(font: str) -> None:
    """Vera (shipped with reportlab) is the one embedded font: it has the signs the standard
    fonts lack ("≤", "≥"); the standard fonts need no registration."""
    if font == "Vera" and "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
        pdfmetrics.registerFont(TTFont("Vera-Bold", "VeraBd.ttf"))
        pdfmetrics.registerFont(TTFont("Vera-Italic", "VeraIt.ttf"))


def _styles(look: Look) -> dict[str, ParagraphStyle]:
    _register(look.font)
    body = ParagraphStyle("body", fontName=look.font, fontSize=look.size, leading=look.size * 1.35)
    accent = colors.HexColor(look.accent)
    # the embedded font sets its bullets in itself, on the text's baseline
    bullet_font = (
        {"bulletFontName": "Vera", "bulletFontSize": look.size} if look.font == "Vera" else {}
    )
    return {
        "p": ParagraphStyle("p", parent=body, spaceAfter=5),
        "small": ParagraphStyle("small", parent=body, fontSize=look.size - 1.5, spaceAfter=4),
        "cell": ParagraphStyle(
            "cell", parent=body, fontSize=look.size - 1, leading=look.size * 1.2
        ),
        "cellb": ParagraphStyle(
            "cellb",
            parent=body,
            fontName=look.bold,
            fontSize=look.size - 1,
            leading=look.size * 1.2,
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=2, **bullet_font
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=look.bold,
            fontSize=look.size + 6,
            leading=look.size + 10,
            spaceBefore=8,
            spaceAfter=6,
            textColor=accent,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=look.bold,
            fontSize=look.size + 2.5,
            leading=look.size + 6,
            spaceBefore=7,
            spaceAfter=4,
            textColor=accent,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=look.bold,
            fontSize=look.size + 0.5,
            leading=look.size + 4,
            spaceBefore=5,
            spaceAfter=3,
        ),
        # an italic paragraph (a quoted requirement) and a pull quote (phrasings77)
        "em": ParagraphStyle("em", parent=body, fontName=look.italic, leftIndent=12, spaceAfter=5),
        "pull": ParagraphStyle(
            "pull",
            parent=body,
            fontName=look.italic,
            fontSize=look.size + 4,
            leading=(look.size + 4) * 1.3,
            leftIndent=10,
            rightIndent=10,
            spaceBefore=6,
            spaceAfter=8,
            textColor=accent,
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=look.bold,
            fontSize=26,
            leading=32,
            spaceAfter=14,
            textColor=accent,
        ),
    }


def markup(text: str) -> str:
    """Escape source text for a Paragraph; **bold** is the only markup a source may use."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(str(text)))


def _item_text(item) -> str:
    return item["text"] if isinstance(item, dict) else str(item)


def table_flowable(block: dict, st: dict, width: float) -> Table:
    """A ruled or unruled table; header rows repeat over a page break unless told not to."""
    header = block.get("header", [])
    header = [header] if header and not isinstance(header[0], list) else header
    if block.get("size"):  # a table set in its own type size, e.g. a slide (phrasings78)
        size = float(block["size"])
        st = dict(st)
        for k in ("cell", "cellb"):
            st[k] = ParagraphStyle(k + "-sized", parent=st[k], fontSize=size, leading=size * 1.25)
    ncols = len(header[0]) if header else len(block["rows"][0])
    for row in header + [r for r in block["rows"] if isinstance(r, list)]:
        assert len(row) == ncols, f"a table row has {len(row)} cells, not {ncols}: {row}"
    data, style = [], []
    for row in header:
        data.append([Paragraph(markup(c), st["cellb"]) for c in row])
    big = set(block.get("big", []))  # rows set as headline figures, e.g. on a slide (phrasings78)
    if big:
        size = st["cellb"].fontSize * 2.4
        st = dict(
            st, big=ParagraphStyle("big", parent=st["cellb"], fontSize=size, leading=size * 1.2)
        )
    for i, row in enumerate(block["rows"]):
        if isinstance(row, dict):  # a sub-header row spanning the table
            n = len(data)
            data.append([Paragraph(markup(row["sub"]), st["cellb"])] + [""] * (ncols - 1))
            style.append(("SPAN", (0, n), (-1, n)))
            if block.get("ruled", True):
                style.append(("BACKGROUND", (0, n), (-1, n), colors.HexColor("#eeeeee")))
        else:
            data.append([Paragraph(markup(c), st["big" if i in big else "cell"]) for c in row])
    fractions = block.get("widths") or [1 / ncols] * ncols
    total = sum(fractions)
    t = Table(
        data,
        colWidths=[width * f / total for f in fractions],
        repeatRows=len(header) if block.get("repeat_header", True) else 0,
        hAlign="LEFT",
    )
    style += [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    style += _decorations(block, header)
    t.setStyle(TableStyle(style))
    return t


def _decorations(block: dict, header: list) -> list:
    """Style commands beyond the cells: merged cells, shading, fills, frame, padding, rules."""
    style = []
    # merged cells, [first col, first row, last col, last row] counted over header and body rows
    # together, the covered cells left "" in the source: a wiki table (phrasings82)
    for c0, r0, c1, r1 in block.get("spans", []):
        style.append(("SPAN", (c0, r0), (c1, r1)))
    if block.get("shade"):  # a tinted box behind the whole table: a wiki info panel (phrasings82)
        style.append(("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(block["shade"])))
    # cells whose whole text is a key are filled with its colour: a Gantt bar (phrasings82)
    plain = header + [r if isinstance(r, list) else [] for r in block["rows"]]
    for mark, colour in block.get("fill", {}).items():
        for y, row in enumerate(plain):
            for x, cell in enumerate(row):
                if str(cell) == mark:
                    style.append(("BACKGROUND", (x, y), (x, y), colors.HexColor(colour)))
    if block.get("frame"):  # an outline round the whole table: a slide on a handout page
        style.append(("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor("#333333")))
    if "padding" in block:  # side padding of the cells: wide for a slide, tight for a wide export
        pad = float(block["padding"])
        style += [("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad)]
    if block.get("ruled", True):
        style += [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
            ("BACKGROUND", (0, 0), (-1, len(header) - 1), colors.HexColor("#dde4ec")),
        ]
    return style


def _bullets(b: dict, st: dict) -> list:
    """A list; a mark with {n} or {a} numbers its items ("{n}." gives 1. 2. 3., "({a})" (a) (b))."""
    mark = b.get("mark", "-")
    items = [
        Paragraph(markup(_item_text(i)), st["bullet"], bulletText=mark.format(n=n, a=chr(96 + n)))
        for n, i in enumerate(b["bullets"], 1)
    ]
    return items + [Spacer(1, 4)]


def _table(b: dict, st: dict, look: Look, width: float) -> list:
    # "width" narrows a table to a fraction of the body, e.g. to fit one column (phrasings77)
    out = [table_flowable(b["table"], st, width * b["table"].get("width", 1))]
    if b["table"].get("note"):
        out.append(Paragraph(markup(b["table"]["note"]), st["small"]))
    return out + [Spacer(1, 6)]


class FootOfPage(Flowable):
    """Footnotes set at the foot of the page under a short rule; the flowable takes the rest of
    the frame, so what follows starts a new page (a key-facts sheet, phrasings81)."""

    def __init__(self, paras: list, gap: float = 2):
        super().__init__()
        self.paras, self.gap = paras, gap

    def wrap(self, aw, ah):
        self.sizes = [p.wrap(aw, ah) for p in self.paras]
        need = sum(h for _, h in self.sizes) + self.gap * len(self.paras) + 8
        self.width = aw
        self.height = need if need > ah else max(need, ah - 1)
        return self.width, self.height

    def draw(self):
        y = 0.0
        for p, (_, h) in reversed(list(zip(self.paras, self.sizes))):
            p.drawOn(self.canv, 0, y)
            y += h + self.gap
        self.canv.setLineWidth(0.5)
        self.canv.line(0, y + 3, self.width * 0.3, y + 3)


def _footnotes(b: dict, st: dict) -> list:
    return [FootOfPage([Paragraph(markup(_item_text(i)), st["small"]) for i in b["footnotes"]])]


# block kind -> its flowables; a block is a mapping with exactly one of these keys
KINDS = {
    **{
        k: (lambda b, st, look, w, k=k: [Paragraph(markup(b[k]), st[k])])
        for k in ("title", "h1", "h2", "h3", "p", "small", "em", "pull")
    },
    "bullets": lambda b, st, look, w: _bullets(b, st),
    "footnotes": lambda b, st, look, w: _footnotes(b, st),
    "table": _table,
    "spacer": lambda b, st, look, w: [Spacer(1, float(b["spacer"]))],
    "pagebreak": lambda b, st, look, w: [PageBreak()],
    "keep": lambda b, st, look, w: [CondPageBreak(float(b["keep"]))],
    "nextcolumn": lambda b, st, look, w: [FrameBreak()],
    "columns": lambda b, st, look, w: [
        NextPageTemplate("two" if b["columns"] == 2 else "one"),
        PageBreak(),
    ],
}


def flowables(blocks: list[dict], st: dict, look: Look, width: float) -> list:
    """The story for one document's blocks."""
    out = []
    for b in blocks:
        (kind,) = [k for k in b if k in KINDS]
        out += KINDS[kind](b, st, look, width)
    while out and isinstance(out[-1], Spacer):  # a trailing gap could open an empty page
        out.pop()
    return out


def render(doc: dict, pages_hint: int = 0) -> tuple[bytes, int]:
    """Render one source document; returns the PDF bytes and the page count."""
    look = Look(**doc.get("look", {}))
    st = _styles(look)
    w, h = look.pagesize
    margin = 20 * mm
    buf = io.BytesIO()
    template = BaseDocTemplate(
        buf,
        pagesize=look.pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=doc["title"],
        author=doc["author"],
        subject="Proposal",
        creator=doc["author"],
        invariant=1,
    )
    count = {"n": 0}

    def decorate(canv, _doc):
        count["n"] += 1
        n = canv.getPageNumber()
        canv.saveState()
        canv.setFont(look.font, 8)
        if look.header and n > 1:
            canv.drawString(margin, h - 12 * mm, look.header)
        footer = look.footer.format(page=n, pages=pages_hint or "?")
        canv.drawRightString(w - margin, 11 * mm, footer)
        canv.restoreState()

    body_w = w - 2 * margin
    gap = 8 * mm
    one = Frame(margin, margin, body_w, h - 2 * margin, id="one")
    left = Frame(margin, margin, (body_w - gap) / 2, h - 2 * margin, id="left")
    right = Frame(margin + (body_w + gap) / 2, margin, (body_w - gap) / 2, h - 2 * margin)
    templates = [
        PageTemplate(id="one", frames=[one], onPage=decorate),
        PageTemplate(id="two", frames=[left, right], onPage=decorate),
    ]
    if look.columns == 2:  # the first template is the one the first page uses
        templates.reverse()
    template.addPageTemplates(templates)
    template.build(flowables(doc["blocks"], st, look, body_w))
    return buf.getvalue(), count["n"]


def render_final(doc: dict) -> bytes:
    """Render twice: the first pass counts the pages the "Page X of Y" footer needs."""
    _, pages = render(doc)
    pdf, again = render(doc, pages)
    assert again == pages, f"{doc['file']}: page count changed between passes"
    return pdf


# --- locating every annotated phrase in the rendered text ------------------------------------


def page_lines(pdf: bytes) -> list[list[list[str]]]:
    """Per page, its text lines read whole and per half (a two-column page mixes them)."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as pl:
        for p in pl.pages:
            boxes = [(0, 0, p.width, p.height), (0, 0, p.width / 2, p.height)]
            boxes.append((p.width / 2, 0, p.width, p.height))
            views = [(p.crop(b).extract_text() or "").splitlines() for b in boxes]
            out.append([[" ".join(x.split()) for x in view] for view in views])
    return out


def _token_regex(tokens: list[str]) -> re.Pattern:
    parts = [r"(?<![\w.])" + re.escape(t) + r"(?![\w])" for t in tokens]
    return re.compile(r".*?".join(parts))


def on_page(views: list[list[str]], find) -> bool:
    """A string is a phrase of the page's running text; a list is tokens on one line, in order."""
    if isinstance(find, list):
        rx = _token_regex([str(t) for t in find])
        return any(rx.search(line) for view in views for line in view)
    phrase = " ".join(str(find).split())
    return any(phrase in " ".join(view) for view in views)


def locate(pages: list[list[str]], find, start: int, what: str) -> int:
    """The first page (1-based) at or after `start` that shows `find`."""
    for n in range(start, len(pages) + 1):
        if on_page(pages[n - 1], find):
            return n
    raise SystemExit(f"{what}: {find!r} is not in the rendered text from page {start} on")


# --- the truth ----------------------------------------------------------------------------------


def check_commitment(c: dict, where: str) -> None:
    cat, scope, unit = c["category"], c["scope"], c["unit"]
    assert c.get("strength", "binding") in {"binding", "soft", "conditional", "excluded"}, where
    assert c.get("party", "provider") in {"provider", "client"}, where
    assert scope in SCOPES.get(cat, {"all"}), f"{where}: scope {scope} for {cat}"
    if cat == "support_hours":
        assert unit in {"24x7", "business_hours"} and c.get("value") is None, where
    elif cat == "price":
        assert re.fullmatch(PRICE_UNIT.get(scope, r"[A-Z]{3}/month"), unit), f"{where}: {unit}"
    else:
        assert cat in UNITS and unit == UNITS[cat], f"{where}: {cat} in {unit}"
        if c.get("strength") != "excluded":
            assert isinstance(c.get("value"), (int, float)), where


# number words a source may use for a value; longest first so compounds win
NUMBER_WORDS = {
    "ninety-nine point nine five": 99.95, "ninety-nine and a half": 99.5, "thirty-six": 36,
    "forty-five": 45, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "sixty": 60, "ninety": 90, "next business day": 1, "month": 1, "quarter": 3,
    "ninety-nine point nine": 99.9, "ninety-nine point eight": 99.8, "eleven": 11,
    "eighteen": 18, "twenty-four": 24, "forty-eight": 48, "seventy-two": 72, "fourteen": 14,
    "fortnight": 14, "week": 1, "year": 12, "annual": 365, "once a year": 365, "half an hour": 30,
    "an hour": 60, "one hundred and twenty": 120, "seventy": 70, "three nines": 99.9,
    "a working day": 1, "four nines": 99.99, "same business day": 1, "½": 0.5, "nbd": 1,
    "bi-annual": 180, "same day": 1,  # same (business) day, phrasings7
    "the hour": 1,  # "within the hour", phrasings9
    "next working day": 1, "same working day": 1, "twice a year": 180,  # phrasings10
    "quarter of an hour": 15,  # phrasings11
}  # fmt: skip
# how a stated figure may scale into its contract unit: hours, business days and days to
# minutes, weeks and months to days, years to months, hours to days, a yearly fee to a month
FACTORS = (1, 60, 480, 1440, 7, 30, 12, 1 / 24, 1 / 12)


def numbers_in(text: str) -> list[float]:
    """The figures a phrase shows, in digits or in the words above."""
    text = text.lower()
    found = [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]
    # a decimal comma ("99,9 %", "1.236,00"), as a document in continental style writes it
    for x in re.findall(r"\d{1,3}(?:\.\d{3})*,\d{1,2}(?!\d)|\d+,\d{1,2}(?!\d)", text):
        found.append(float(x.replace(".", "").replace(",", ".")))
    # a thousands space after a currency sign ("R 85 000", "€ 1 250"), as South Africa writes it
    for x in re.findall(r"(?:\br|€|zar|eur)\s?(\d{1,3}(?: \d{3})+)(?!\d)", text):
        found.append(float(x.replace(" ", "")))
    for x in re.findall(r"(?<![\d.])\d{1,3}(?: \d{3})+\.\d{2}(?!\d)", text):  # "5 520.00"
        found.append(float(x.replace(" ", "")))
    # a thousands space with a decimal comma under a currency column ("1 260,00"), phrasings81
    for x in re.findall(r"(?<![\d.,])\d{1,3}(?: \d{3})+,\d{2}(?!\d)", text):
        found.append(float(x.replace(" ", "").replace(",", ".")))
    # a thousands space beside Czech koruna, without decimals or with ",-" ("68 000 Kc",
    # "12 500,- Kč", "CZK 96 000"), as the Czech Republic writes it (phrasings92)
    # and beside Hungarian forint ("4 950 Ft + ÁFA", "HUF 96 000"), phrasings94
    for x in re.findall(r"(?<![\d.,])(\d{1,3}(?: \d{3})+)(?=,-|\s?(?:kč|kc|czk|ft|huf)\b)", text):
        found.append(float(x.replace(" ", "")))
    for x in re.findall(r"\b(?:czk|huf)\s?(\d{1,3}(?: \d{3})+)(?![\d,])", text):
        found.append(float(x.replace(" ", "")))
    # a thousands dot without decimals ("EUR 4.800 per year", "€ 1.450,- one-off"), phrasings10
    for x in re.findall(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.]|,\d)", text):
        found.append(float(x.replace(".", "")))
    # a thousands apostrophe ("CHF 1'250.00", "CHF 14'980.-"), as Switzerland writes it (phrasings80)
    for x in re.findall(r"(?<![\d'])\d{1,3}(?:'\d{3})+(?:\.\d+)?(?![\d'])", text):
        found.append(float(x.replace("'", "")))
    for word, n in sorted(NUMBER_WORDS.items(), key=lambda kv: -len(kv[0])):
        if re.search(r"(?<![\w-])" + re.escape(word), text):
            found.append(float(n))
            text = text.replace(word, " ")
    return found


def check_value_shown(c: dict, where: str) -> None:
    """A commitment's value must follow from a figure in its own phrase."""
    if c.get("value") is None:
        return
    phrase = c["find"] if isinstance(c["find"], str) else " ".join(map(str, c["find"]))
    ok = any(abs(n * f - c["value"]) < 1e-6 for n in numbers_in(phrase) for f in FACTORS)
    assert ok, f"{where}: the value {c['value']} does not follow from the phrase"


def annotations(block: dict):
    """(kind, annotation) for every commitment, evidence and flag a block carries."""
    for key, kind in (("c", "commitment"), ("evidence", "criterion"), ("flags", "flag")):
        for a in block.get(key, []):
            yield kind, a
    for item in block.get("bullets", []):
        if isinstance(item, dict):
            yield from annotations(item)
    if "table" in block:
        yield from annotations(block["table"])


def document_truth(doc: dict, pdf: bytes, folder: bool) -> dict:
    """Commitments, criteria and flags of one rendered document, each with its page."""
    pages = page_lines(pdf)
    cursor = 1
    commitments, criteria, flags = [], [], []
    seen = set()
    for block in doc["blocks"]:
        heading = next((block[k] for k in ("title", "h1", "h2", "h3") if k in block), None)
        if heading:
            cursor = locate(pages, heading, cursor, doc["file"])
        for kind, a in annotations(block):
            where = f"{doc['file']}: {a['find']!r}"
            page = locate(pages, a["find"], cursor, doc["file"])
            if kind == "criterion":
                assert a["criterion"] in CRITERIA_IDS, where
                criteria.append(a["criterion"])
                continue
            if kind == "flag":
                assert a["flag"] in RISK_FLAGS, where
                flags.append(a["flag"])
                continue
            check_commitment(a, where)
            check_value_shown(a, where)
            entry = {
                "category": a["category"],
                "scope": a["scope"],
                "value": a.get("value"),
                "unit": a["unit"],
                "strength": a.get("strength", "binding"),
                "party": a.get("party", "provider"),
                "page": page,
            }
            key = tuple(entry[k] for k in ("category", "scope", "value", "unit", "party"))
            assert key not in seen, f"{where}: the same value is already marked in this document"
            seen.add(key)
            if folder:
                entry["file"] = Path(doc["file"]).name
            if a.get("tier"):
                entry["tier"] = a["tier"]
            entry["text"] = a["find"] if isinstance(a["find"], str) else " ... ".join(a["find"])
            commitments.append(entry)
    return {"commitments": commitments, "criteria": criteria, "risk_flags": flags}


# --- the expected decision: must-haves, then a plain TOPSIS --------------------------------------


def target_in_contract_units(goal: dict) -> float:
    """A goal's target in its category's contract unit; percent and prices stay as given."""
    t = goal["target"]
    factors = TO_CONTRACT.get(UNITS.get(goal["category"], ""), {})
    return t["value"] * factors.get(t["unit"], 1)


def stated(commitments: list[dict], goal: dict, tier: str | None) -> list[dict]:
    """The provider's statements of a goal's category and scope (in its unit, for a price);
    with `tier`, only that tier's and untiered statements."""
    tiers_ok = {None, tier} if tier else None
    mine = [
        c
        for c in commitments
        if c["category"] == goal["category"]
        and c["party"] == "provider"
        and (tiers_ok is None or c.get("tier") in tiers_ok)
    ]
    exact = [c for c in mine if c["scope"] == goal["scope"]]
    if not exact and any(c["scope"] == "all" for c in mine):
        raise SystemExit(f"goal {goal['id']}: only an `all` value stands in; tools may differ")
    if goal["category"] == "price":
        exact = [c for c in exact if c["unit"] == goal["target"]["unit"]]
    return exact


def goal_value(commitments: list[dict], goal: dict, tier: str | None):
    """The best binding provider value for a goal (support_hours: 1/0), or None."""
    binding = [c for c in stated(commitments, goal, tier) if c["strength"] == "binding"]
    if goal["category"] == "support_hours":
        return 1.0 if any(c["unit"] == goal["target"]["unit"] for c in binding) else 0.0
    values = [c["value"] for c in binding if c["value"] is not None]
    if not values:
        return None
    return min(values) if goal["target"]["op"] == "<=" else max(values)


def misses(commitments: list[dict], goal: dict, tier: str | None) -> bool:
    """Contract 1.5: a binding value that fails, or only a soft, conditional or excluded
    statement, misses a goal; silence does not (the vendor stays ranked, to be confirmed)."""
    said = stated(commitments, goal, tier)
    if not said:
        return False
    if any(c["strength"] == "binding" for c in said):
        return not meets(goal, goal_value(commitments, goal, tier))
    return True


def meets(goal: dict, value) -> bool:
    if goal["category"] == "support_hours":
        return value == 1.0
    if value is None:
        return False
    target = target_in_contract_units(goal)
    op = goal["target"]["op"]
    return {"<=": value <= target + 1e-9, ">=": value >= target - 1e-9}.get(
        op, abs(value - target) < 1e-9
    )


def topsis(matrix: np.ndarray, weights: np.ndarray, maximise: np.ndarray) -> np.ndarray:
    """Closeness to the ideal: vector-normalised columns, weighted, Euclidean distances."""
    norms = np.sqrt((matrix**2).sum(axis=0))
    v = weights * matrix / np.where(norms == 0, 1, norms)
    best = np.where(maximise, v.max(axis=0), v.min(axis=0))
    worst = np.where(maximise, v.min(axis=0), v.max(axis=0))
    d_best = np.sqrt(((v - best) ** 2).sum(axis=1))
    d_worst = np.sqrt(((v - worst) ** 2).sum(axis=1))
    total = d_best + d_worst
    return np.where(total == 0, 0, d_worst / np.where(total == 0, 1, total))


def _fill(column: list, maximise: bool, how: str) -> list[float]:
    seen = [x for x in column if x is not None]
    if how == "worst-seen" and seen:
        gap = min(seen) if maximise else max(seen)
    else:
        gap = 0.0 if maximise else (2 * max(seen) if seen else 1.0)
    return [gap if x is None else x for x in column]


def _matrix(vendors: dict, goals: list, team: list, reading: dict) -> tuple[dict, set]:
    """Each vendor's row of goal values and team-fit 1/0, and who misses a must-have.

    `reading` maps a vendor to the one tier read for it; other vendors pool their tiers.
    """
    rows, eliminated = {}, set()
    for v, entry in vendors.items():
        tier, mine = reading.get(v), entry["commitments"]
        if any(g.get("must_have") and misses(mine, g, tier) for g in goals):
            eliminated.add(v)
        rows[v] = [goal_value(mine, g, tier) for g in goals]
        rows[v] += [float(t["criterion"] in entry["criteria"]) for t in team]
    return rows, eliminated


def expected_decision(vendors: dict, criteria: dict) -> dict:
    """Ranking and eliminations; fails when a reasonable reading could change the order.

    Variants that must agree: a missing value filled with the worst value seen or the worst
    possible; every tier of a tiered offer pooled, or a vendor read at any one of its tiers;
    TOPSIS over the survivors or over every vendor. Neighbours must be 0.05 apart.
    """
    goals, team = criteria["goals"], criteria["team_fit"]
    raw = np.array([g["weight"] for g in goals] + [t["weight"] for t in team], dtype=float)
    weights = raw / raw.sum()
    maximise = np.array(
        [g["category"] == "support_hours" or g["target"]["op"] == ">=" for g in goals]
        + [True] * len(team)
    )
    names = sorted(vendors)
    tiers = {
        v: [e["proposed_tier"]]
        if e.get("proposed_tier")
        else sorted({c["tier"] for c in e["commitments"] if c.get("tier")})
        for v, e in vendors.items()
    }
    readings = [{}] + [{v: t} for v in names for t in tiers[v]]
    outcomes, scores = set(), {}
    for reading in readings:
        rows, eliminated = _matrix(vendors, goals, team, reading)
        survivors = [v for v in names if v not in eliminated]
        for how in ("worst-seen", "worst-possible"):
            for pool in (survivors, names):
                cols = [
                    _fill([rows[v][j] for v in pool], maximise[j], how) for j in range(len(raw))
                ]
                by = dict(zip(pool, topsis(np.array(cols, dtype=float).T, weights, maximise)))
                order = tuple(sorted(survivors, key=lambda v: (-by[v], v)))
                outcomes.add((order, tuple(sorted(eliminated))))
                if reading or how != "worst-seen":
                    continue
                if pool is names:
                    scores = by
                elif min([by[a] - by[b] for a, b in zip(order, order[1:])] or [1]) < 0.05:
                    raise SystemExit(f"ranking too close to call: {by}")
    if len(outcomes) > 1:
        raise SystemExit(f"fragile ranking: {sorted(outcomes)}")
    ((order, eliminated),) = outcomes
    last = sorted(eliminated, key=lambda v: (-scores[v], v))
    return {
        "expected_ranking": list(order) + last,
        "expected_eliminated": list(eliminated),
        "scores": {v: round(float(scores[v]), 3) for v in names},
    }


# --- main -----------------------------------------------------------------------------------------


def load_sources(corpus: Path) -> list[dict]:
    paths = sorted((corpus / "source").glob("*.yaml"))
    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths]
    files = [d["file"] for d in docs]
    assert len(files) == len(set(files)), "two sources write the same file"
    return docs


def build(corpus: Path, out: Path) -> dict:
    """Write every PDF of `corpus` under out/proposals and return the truth."""
    vendors: dict[str, dict] = {}
    for doc in load_sources(corpus):
        pdf = render_final(doc)
        path = out / "proposals" / doc["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
        folder = "/" in doc["file"]
        vendor = doc["file"].split("/")[0].removesuffix(".pdf")
        part = document_truth(doc, pdf, folder)
        entry = vendors.setdefault(vendor, {"commitments": [], "criteria": [], "risk_flags": []})
        if doc.get("proposed_tier"):  # the tier the proposal offers (contract 1.2.1)
            entry["proposed_tier"] = doc["proposed_tier"]
        entry["commitments"] += part["commitments"]
        entry["criteria"] = sorted(set(entry["criteria"]) | set(part["criteria"]))
        entry["risk_flags"] = sorted(set(entry["risk_flags"]) | set(part["risk_flags"]))
    criteria = yaml.safe_load((corpus / "criteria" / "client.yaml").read_text(encoding="utf-8"))
    decision = expected_decision(vendors, criteria)
    return {
        "vendors": dict(sorted(vendors.items())),
        "expected_ranking": decision["expected_ranking"],
        "expected_eliminated": decision["expected_eliminated"],
        "reference_scores": decision["scores"],
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, nargs="?", default=HERE, help="the corpus folder")
    ap.add_argument("--out", type=Path, help="where proposals/ and truth.json go (default CORPUS)")
    a = ap.parse_args(argv)
    out = a.out or a.corpus
    truth = build(a.corpus, out)
    text = json.dumps(truth, indent=1, ensure_ascii=False) + "\n"
    (out / "truth.json").write_text(text, encoding="utf-8")
    n = sum(len(v["commitments"]) for v in truth["vendors"].values())
    print(f"{len(truth['vendors'])} vendors, {n} commitments; ranking {truth['expected_ranking']}")


if __name__ == "__main__":
    sys.exit(main())
