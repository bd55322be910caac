"""Ingestion: reading order, running heads, hyphens, paragraphs, tables, cache, parallel reading."""

from __future__ import annotations

import hashlib

import pytest

from msp_select import ingest
from msp_select.ingest.cache import Cache
from msp_select.models import Document
from tests.pdf_fixtures import (
    _canvas,
    flow_pdf,
    header_at_foot_then_rows,
    no_text_pdf,
    table_at_bottom_then_top,
    table_pdf,
    text_pdf,
    tiles_pdf,
    two_column_pdf,
)

BODY = "We provide managed services to the client."


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


def test_two_columns_are_read_column_by_column(tmp_path):
    left = [f"Left column line {i} about helpdesk" for i in range(15)]
    right = [f"Right column line {i} about network" for i in range(15)]
    doc = ingest.read_pdf(
        two_column_pdf(tmp_path / "cols.pdf", left, right, title="Service overview")
    )
    joined = " ".join(texts(doc))
    assert joined.index("Service overview") < joined.index("Left column line 0")
    assert joined.index("Left column line 14") < joined.index("Right column line 0")
    assert "Left column line 3 about helpdesk Left column line 4" in joined  # lines not interleaved


def test_single_column_page_keeps_line_order(tmp_path):
    lines = "\n".join(
        f"Line {i} of a long paragraph that spans the whole text width of page" for i in range(20)
    )
    doc = ingest.read_pdf(text_pdf(tmp_path / "one.pdf", [[lines]]))
    assert len(doc.blocks) == 1
    assert doc.blocks[0].text.startswith("Line 0 of") and doc.blocks[0].text.endswith(
        "width of page"
    )


@pytest.mark.parametrize(
    "header,footer",
    [
        ("Acme IT - Proposal for Harbor Point", "Page {n} of {total}"),
        ("Confidential", "- {n} -"),
        ("Acme IT proposal v2", "{n}"),
    ],
)
def test_running_headers_and_page_numbers_are_removed(tmp_path, header, footer):
    pages = [[f"Section {n} body text. " + BODY] for n in range(1, 5)]
    doc = ingest.read_pdf(text_pdf(tmp_path / "hf.pdf", pages, header=header, footer=footer))
    assert texts(doc) == [f"Section {n} body text. " + BODY for n in range(1, 5)]
    assert [b.page for b in doc.blocks] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    "lines,expected",
    [
        (
            "Our change manage-\nment process is documented.",
            "Our change management process is documented.",
        ),
        (
            "All servers are 24x7-\nmonitored by our NOC.",
            "All servers are 24x7-monitored by our NOC.",
        ),
        ("We offer a well-\nknown service.", "We offer a wellknown service."),
        ("Contact the service desk\nfor any request.", "Contact the service desk for any request."),
        ("The end-to-\nend process ends here.", "The end-to-end process ends here."),
    ],
)
def test_lines_join_and_hyphenated_words_mend(tmp_path, lines, expected):
    doc = ingest.read_pdf(text_pdf(tmp_path / "h.pdf", [[lines]]))
    assert texts(doc) == [expected]


def test_paragraphs_bullets_and_headings_are_separate_blocks(tmp_path):
    page = [
        "# Service levels",
        "Priority 1 incidents get a response\nwithin 15 minutes.",
        "Priority 2 incidents get a response within 1 hour.",
    ]
    bullets = "\n".join(["- Patch management", "- Backup monitoring", "1. Antivirus"])
    doc = ingest.read_pdf(text_pdf(tmp_path / "p.pdf", [page + [bullets]]))
    assert texts(doc) == [
        "Service levels",
        "Priority 1 incidents get a response within 15 minutes.",
        "Priority 2 incidents get a response within 1 hour.",
        "- Patch management",
        "- Backup monitoring",
        "1. Antivirus",
    ]
    assert [b.heading for b in doc.blocks] == [True, False, False, False, False, False]
    top = doc.blocks[1].bbox
    assert top[0] == pytest.approx(72, abs=1) and top[1] < top[3]


HEADER = ("Priority", "Response", "Resolution")
ROWS = [(f"P{i}", f"{15 * i} minutes", f"{4 * i} hours") for i in range(1, 5)]


@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_split_over_a_page_break_is_one_table(tmp_path, repeat_header):
    second = ([HEADER] if repeat_header else []) + ROWS[2:]
    pdf = table_at_bottom_then_top(tmp_path / "t.pdf", [HEADER] + ROWS[:2], second)
    doc = ingest.read_pdf(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert (
        t.header == HEADER and t.rows == tuple(ROWS) and t.row_pages == (1, 1, 2, 2) and t.page == 1
    )
    assert not any("15 minutes" in b for b in texts(doc))  # table text is not repeated as blocks


def test_separate_tables_on_consecutive_pages_stay_separate(tmp_path):
    other = [("Item", "Price"), ("Onboarding", "$4,500")]
    pdf = table_pdf(tmp_path / "two.pdf", [[HEADER] + ROWS, other])
    doc = ingest.read_pdf(pdf)
    assert [t.header for t in doc.tables] == [HEADER, ("Item", "Price")]
    assert doc.tables[1].row_pages == (2,)


def test_pages_without_text_give_a_warning_not_an_error(tmp_path):
    from pypdf import PdfReader, PdfWriter

    text = text_pdf(tmp_path / "a.pdf", [[BODY]])
    blank = no_text_pdf(tmp_path / "b.pdf")
    w = PdfWriter()
    for src in (text, blank):
        w.add_page(PdfReader(str(src)).pages[0])
    with open(tmp_path / "mixed.pdf", "wb") as f:
        w.write(f)
    doc = ingest.read_pdf(tmp_path / "mixed.pdf")
    assert doc.pages == 2 and texts(doc) == [BODY]
    assert len(doc.warnings) == 1 and "page 2" in doc.warnings[0]


def test_document_records_name_hash_and_pages(tmp_path):
    pdf = text_pdf(tmp_path / "vendor one.pdf", [[BODY], [BODY]])
    doc = ingest.read_pdf(pdf)
    assert doc.file == "vendor one.pdf" and doc.pages == 2
    assert doc.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()


def test_input_file_is_not_modified(tmp_path):
    pdf = text_pdf(tmp_path / "a.pdf", [[BODY]])
    before = (pdf.read_bytes(), pdf.stat().st_mtime_ns)
    ingest.read_pdf(pdf)
    ingest.read_many([pdf], jobs=1)
    assert (pdf.read_bytes(), pdf.stat().st_mtime_ns) == before


def test_read_many_keeps_input_order_and_mixes_errors(tmp_path):
    good = [text_pdf(tmp_path / f"v{i}.pdf", [[f"Vendor {i}. " + BODY]]) for i in range(3)]
    bad = tmp_path / "bad.pdf"
    bad.write_text("hello")
    seen = []
    out = ingest.read_many(
        [good[0], bad, good[1], good[2]], jobs=2, progress=lambda d, n, p: seen.append((d, n))
    )
    assert [type(r).__name__ for r in out] == ["Document", "DocumentError", "Document", "Document"]
    assert [r.file for r in out] == ["v0.pdf", "bad.pdf", "v1.pdf", "v2.pdf"]
    assert out[2].blocks[0].text.startswith("Vendor 1.")
    assert sorted(seen) == [(i, 4) for i in range(1, 5)]


def test_cache_hit_returns_equal_document_without_parsing(tmp_path, monkeypatch):
    pdf = text_pdf(tmp_path / "a.pdf", [["# Title", BODY]])
    cache = Cache(tmp_path / "cache")
    first = ingest.read_many([pdf], cache=cache, jobs=1)[0]
    assert isinstance(first, Document)

    def boom(*a, **k):
        raise AssertionError("parsed again")

    monkeypatch.setattr(ingest, "read_pdf", boom)  # a worker would now fail; a hit never starts one
    again = ingest.read_many([pdf], cache=cache, jobs=1)[0]
    assert again == first


def test_cache_entry_under_another_name_keeps_the_new_name(tmp_path):
    pdf = text_pdf(tmp_path / "a.pdf", [[BODY]])
    cache = Cache(tmp_path / "cache")
    cache.put(pdf, ingest.read_pdf(pdf))
    copy = tmp_path / "b.pdf"
    copy.write_bytes(pdf.read_bytes())
    assert cache.get(copy).file == "b.pdf"


def test_corrupt_cache_entry_is_ignored_and_reparsed(tmp_path):
    pdf = text_pdf(tmp_path / "a.pdf", [[BODY]])
    cache = Cache(tmp_path / "cache")
    doc = ingest.read_pdf(pdf)
    cache.put(pdf, doc)
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 1
    entries[0].write_text('{"file": "a.pdf", "blocks": [')
    assert cache.get(pdf) is None
    assert ingest.read_many([pdf], cache=cache, jobs=1)[0] == doc
    assert cache.get(pdf) == doc  # rewritten


def test_cache_key_depends_on_options(tmp_path):
    pdf = text_pdf(tmp_path / "a.pdf", [[BODY]])
    Cache(tmp_path / "c", layout=1).put(pdf, ingest.read_pdf(pdf))
    assert Cache(tmp_path / "c", layout=2).get(pdf) is None
    assert Cache(tmp_path / "c", layout=1).get(pdf) is not None


def test_page_number_below_short_text_is_removed_but_body_numbers_stay(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "latex.pdf"
    c = canvas.Canvas(str(path), pagesize=(612, 792))
    c.setFont("Helvetica", 10)
    c.drawString(72, 700, "Uptime is 99.9% per month.")
    c.drawString(72, 670, "3")
    c.drawString(72, 640, "Three sites are covered.")
    c.drawString(300, 150, "7")  # the page number, far above the bottom margin
    c.showPage()
    c.save()
    assert texts(ingest.read_pdf(path)) == [
        "Uptime is 99.9% per month.",
        "3",
        "Three sites are covered.",
    ]


@pytest.mark.parametrize("glyph", ["\u2022", "\x7f"])
def test_a_bullet_off_its_baseline_keeps_its_wrapped_item_together(tmp_path, glyph):
    """Word processors draw the bullet in a bigger font a little off the baseline and indent
    the wrapped line under the text: still one list item, not a heading and a stray line."""
    c = _canvas(tmp_path / "b.pdf")
    c.setFont("Helvetica", 10)
    c.drawString(72, 700, "Our service desk answers every call within one minute.")
    c.setFont("Helvetica", 12)
    c.drawString(62, 659.6, glyph)
    c.setFont("Helvetica", 10)
    c.drawString(76, 660, "Monitoring: our operations centre will monitor every managed server and")
    c.drawString(76, 647, "access point 24x7.")
    c.save()
    doc = ingest.read_pdf(tmp_path / "b.pdf")
    item = [b for b in doc.blocks if "Monitoring" in b.text]
    assert len(item) == 1 and not item[0].heading
    assert item[0].text.endswith("managed server and access point 24x7.")


@pytest.mark.parametrize("mark", ["-", "\u2013", "*"])
def test_a_small_dash_centred_on_large_slide_text_opens_its_item(tmp_path, mark):
    """A slide deck's bullet: a 10-pt dash on the baseline of 17-pt text, its top well below
    the text's. It is the item's bullet, not a paragraph of its own after it."""
    c = _canvas(tmp_path / "s.pdf")
    c.setFont("Helvetica-Bold", 23)
    c.drawString(62, 700, "Call-back times")
    c.setFont("Helvetica", 17)
    c.drawString(62, 668, "An engineer calls you back:")
    for n, text in enumerate(["RED -> 15 min, 24/7", "ORANGE -> 30 min, 24/7", "WHITE -> 1 BD"]):
        y = 640 - 25 * n
        c.setFont("Helvetica", 10)
        c.drawString(66, y, mark)
        c.setFont("Helvetica", 17)
        c.drawString(77, y, text)
    c.save()
    doc = ingest.read_pdf(tmp_path / "s.pdf")
    texts = [b.text for b in doc.blocks]
    assert not [t for t in texts if t.strip() == mark]
    items = [b for b in doc.blocks if "->" in b.text]
    assert [b.text.split(" ", 1)[1] for b in items] == [
        "RED -> 15 min, 24/7",
        "ORANGE -> 30 min, 24/7",
        "WHITE -> 1 BD",
    ]
    assert all(b.item for b in items)


@pytest.mark.parametrize("offset", [0.0, 0.3, -0.3], ids=["level", "below", "above"])
def test_a_list_number_in_another_font_stays_at_the_start_of_its_clause(tmp_path, offset):
    """Numbered contract clauses: the number in its own font a fraction of a point off the
    text's baseline, the wrapped line restating "four" as "(4)"."""
    clauses = [
        (
            "3.2.1",
            "The Contractor shall respond to Emergency incidents within",
            "thirty (30) minutes.",
        ),
        (
            "3.2.2",
            "The Contractor shall respond to Routine incidents within four",
            "(4) Business Hours.",
        ),
    ]
    path = _numbered_clauses(
        tmp_path / "sow.pdf", clauses, ("Times-Roman", 10.5), 94, 94, 14, offset
    )
    doc = ingest.read_pdf(path)
    assert texts(doc) == [
        "3.2.1 The Contractor shall respond to Emergency incidents within thirty (30) minutes.",
        "3.2.2 The Contractor shall respond to Routine incidents within four (4) Business Hours.",
    ]


def test_a_numbered_item_after_a_sentence_is_still_an_item(tmp_path):
    page = ["The County shall:\n(1) provide VPN access within five days;\n(2) name a contact."]
    doc = ingest.read_pdf(text_pdf(tmp_path / "p.pdf", [page]))
    assert texts(doc) == [
        "The County shall:",
        "(1) provide VPN access within five days;",
        "(2) name a contact.",
    ]


def test_a_sentence_broken_across_a_loose_leading_stays_one_paragraph(tmp_path):
    """A callout in small type with generous leading: the line that ends mid-sentence goes on."""
    c = _canvas(tmp_path / "callout.pdf")
    c.setFont("Helvetica", 7.5)
    c.drawString(72, 700, "AT A GLANCE - Red: 20 min / 3 h. Amber: 1 h / next business")
    c.drawString(72, 688, "day. Service desk: 24/7/365.")
    c.drawString(72, 660, "TERMS IN BRIEF - 36-month agreement. Transition in")
    c.drawString(72, 648, "60 days.")
    c.drawString(72, 620, "Quarterly review meetings.")
    c.drawString(72, 608, "Monthly reports.")
    c.showPage()
    c.save()
    assert texts(ingest.read_pdf(tmp_path / "callout.pdf")) == [
        "AT A GLANCE - Red: 20 min / 3 h. Amber: 1 h / next business day. Service desk: 24/7/365.",
        "TERMS IN BRIEF - 36-month agreement. Transition in 60 days.",
        "Quarterly review meetings.",
        "Monthly reports.",
    ]


@pytest.mark.parametrize(
    "lines, expected",
    [
        # a line ending on a word that needs its complement runs on into the number below
        (
            "Tickets get a severity from 1 to\n5. We will pick up your call:\n- Severity 1 - within 1 hour",
            [
                "Tickets get a severity from 1 to 5. We will pick up your call:",
                "- Severity 1 - within 1 hour",
            ],
        ),
        # after a finished sentence a number opens an item
        (
            "We follow four steps.\n1. Log the call.\n2. Call you back.",
            ["We follow four steps.", "1. Log the call.", "2. Call you back."],
        ),
    ],
)
def test_a_number_after_a_line_that_runs_on_is_no_list_item(tmp_path, lines, expected):
    doc = ingest.read_pdf(text_pdf(tmp_path / "p.pdf", [[lines]]))
    assert texts(doc) == expected


def test_an_unruled_table_whose_cells_open_alike_is_a_table_not_running_text():
    from msp_select.ingest import unruled

    grid = [
        ["Incident category", "Reaction", "Remedy"],
        ["Category 1", "30 min.", "is remedied within 6 hrs."],
        ["Category 2", "2 hrs.", "is remedied within 1 working day"],
        ["Category 3", "8 hours", "is remedied within 3 BD"],
    ]
    prose = [
        ["", "", "we answer every call"],
        ["", "", "and fix what we can"],
        ["", "", "before the day ends"],
        ["", "", "or call you back"],
    ]
    assert not unruled._runs_on(grid, 2)
    assert unruled._runs_on(prose, 2)


def test_clause_numbers_set_larger_than_their_text_open_clauses_not_headings(tmp_path):
    clauses = [
        ("1.1", '"Business Day" means Monday to Friday, 09:00 to 18:00, excluding', "holidays."),
        (
            "1.2",
            '"Incident" means an unplanned interruption to, or reduction in the',
            "quality of, a Service.",
        ),
        ("2.1", "Either party may end this Agreement on sixty (60) days' written", "notice."),
    ]
    _numbered_clauses(tmp_path / "msa.pdf", clauses, ("Courier", 9), 86, 77, 12)
    doc = ingest.read_pdf(tmp_path / "msa.pdf")
    assert [b.heading for b in doc.blocks] == [False, False, False]
    assert [b.text.split()[0] for b in doc.blocks] == ["1.1", "1.2", "2.1"]
    assert doc.blocks[2].text.endswith("written notice.")


def _numbered_clauses(path, clauses, font, text_x, second_x, leading, offset=0.0):
    """Contract clauses: the number in Helvetica 10 (`offset` points off the baseline), the
    text in `font` from `text_x`, each clause wrapped onto a second line at `second_x`."""
    c = _canvas(path)
    y = 700.0
    for number, first, second in clauses:
        c.setFont("Helvetica", 10)
        c.drawString(66, y - offset, number)
        c.setFont(*font)
        c.drawString(text_x, y, first)
        c.drawString(second_x, y - leading, second)
        y -= 2 * leading + 12
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("gap", [14.8, 19.0])
def test_a_line_set_out_left_of_a_bullet_ends_the_list(tmp_path, gap):
    """A lower-case lead-in for the next list, set at the margin under the last item, is no
    continuation of that item; a wrapped item line under its own text still is."""
    c = _canvas(tmp_path / "list.pdf")
    c.setFont("Helvetica", 10)
    c.drawString(72, 700, "Engineers pick up tickets within:")
    c.drawString(76, 685, "- Grade 1: 30 minutes")
    c.drawString(76, 670, "- Grade 2: 3 business days, including tickets raised by")
    c.drawString(84, 655, "the night shift")
    c.drawString(72, 655 - gap, "and close them at the latest after:")
    c.drawString(76, 640 - gap, "- Grade 1: 6 hours")
    c.showPage()
    c.save()
    assert texts(ingest.read_pdf(tmp_path / "list.pdf")) == [
        "Engineers pick up tickets within:",
        "- Grade 1: 30 minutes",
        "- Grade 2: 3 business days, including tickets raised by the night shift",
        "and close them at the latest after:",
        "- Grade 1: 6 hours",
    ]


@pytest.mark.parametrize(
    "title, label",
    [("Acme Managed IT - Quotation Q-114 - prepared for Bayside Freight", ""), ("", "Continuity")],
)
def test_a_table_continues_under_a_page_title_or_after_a_cut_off_sub_header(tmp_path, title, label):
    """A repeated header opens the next page's first table even below a page title, and a
    sub-header the page end cut off from its rows does not end the table: it heads the rows
    carried on, as a sub-header row, and is no paragraph of its own."""
    second = ([HEADER] if title else []) + ROWS[2:]
    pdf = table_at_bottom_then_top(
        tmp_path / "t.pdf", [HEADER] + ROWS[:2], second, page_title=title, trailing_label=label
    )
    doc = ingest.read_pdf(pdf)
    cut = [(label, "", "")] if label else []
    assert len(doc.tables) == 1 and doc.tables[0].rows == tuple(ROWS[:2] + cut + ROWS[2:])
    assert doc.tables[0].subheader_rows == ((2,) if label else ())
    assert doc.tables[0].row_pages[2] == (1 if label else 2)
    assert not label or all(b.text != label for b in doc.blocks)


def test_a_sentence_cut_by_the_page_break_is_one_paragraph(tmp_path):
    c = _canvas(tmp_path / "p.pdf")
    c.setFont("Helvetica", 10)
    c.drawString(72, 720, "We commit to 99.8% availability, with credits of 4% of the monthly fee")
    c.showPage()
    c.setFont("Helvetica", 10)
    c.drawString(72, 720, "for each month below it, capped at 10% in any quarter.")
    c.drawString(72, 690, "Fees are invoiced monthly.")
    c.showPage()
    c.save()
    doc = ingest.read_pdf(tmp_path / "p.pdf")
    assert texts(doc) == [
        "We commit to 99.8% availability, with credits of 4% of the monthly fee for each month "
        "below it, capped at 10% in any quarter.",
        "Fees are invoiced monthly.",
    ]
    assert doc.blocks[0].page == 1


@pytest.mark.parametrize(
    "head",
    ["MOLS DATA ApS - PROPOSAL MD-1187", "Ferrymead Technology | Quotation Q-26-0412", "Page two"],
)
def test_a_sentence_cut_by_the_page_break_joins_across_a_header_line_seen_once(tmp_path, head):
    """A header only the second page carries is not running text; the paragraph goes on
    under it."""
    c = _canvas(tmp_path / "p.pdf")
    c.setFont("Helvetica", 10)
    c.drawString(
        72, 720, "Servers are monitored during opening hours. On-site visits are made within"
    )
    c.showPage()
    c.setFont("Helvetica", 8)
    c.drawString(72, 760, head)
    c.setFont("Helvetica", 10)
    c.drawString(72, 720, "opening hours, Monday to Friday.")
    c.drawString(72, 690, "Fees are invoiced monthly.")
    c.showPage()
    c.save()
    doc = ingest.read_pdf(tmp_path / "p.pdf")
    assert texts(doc)[0] == (
        "Servers are monitored during opening hours. On-site visits are made within opening "
        "hours, Monday to Friday."
    )
    assert texts(doc)[1:] == [head, "Fees are invoiced monthly."]


def test_a_chevron_opens_a_list_item_like_a_bullet(tmp_path):
    doc = ingest.read_pdf(
        text_pdf(
            tmp_path / "p.pdf",
            [["We answer calls within:\n» Sev-A - 15 minutes\n» Sev-B - 1 hour"]],
        )
    )
    assert [b.item for b in doc.blocks] == [False, True, True]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Art. 2 Obligations of the", "Provider", ["Art. 2 Obligations of the Provider"]),
        (
            "Play 1 - SEV-A, the warehouse or a centre",
            "is down",
            ["Play 1 - SEV-A, the warehouse or a centre is down"],
        ),
        # a heading set under another in the same type is a heading of its own
        (
            "Schedule 1 - Service Levels",
            "1.1 Reaction Time",
            ["Schedule 1 - Service Levels", "1.1 Reaction Time"],
        ),
    ],
)
def test_a_heading_that_wraps_onto_a_second_line_is_one_heading(tmp_path, first, second, expected):
    pdf = flow_pdf(
        tmp_path / "h.pdf",
        [[("h2", first), ("gap", -7), ("h2", second), ("p", "The text under the heading.")]],
    )
    doc = ingest.read_pdf(pdf)
    assert [b.text for b in doc.blocks if b.heading] == expected


def test_a_deck_whose_points_open_with_an_arrow_reads_them_as_list_items(tmp_path):
    """'>' opening most lines is the document's bullet, not a quotation mark."""
    points = [("li", ">", f"Point {n}: engineers on site within {n} hours") for n in (2, 4, 8)]
    doc = ingest.read_pdf(flow_pdf(tmp_path / "d.pdf", [[("h2", "How we respond"), *points]]))
    assert [b.item for b in doc.blocks] == [False, True, True, True]
    assert not any(b.text.startswith(">") for b in doc.blocks)


def test_an_email_that_quotes_a_question_now_and_then_keeps_the_quote_mark(tmp_path):
    pages = [
        [
            ("p", "> 4. The platform needs 99.95% availability."),
            ("p", "We commit to 99.9% availability for the hosted platform."),
            ("p", "Credits apply from the first missed month."),
            ("p", "Reports are sent monthly."),
        ]
    ]
    doc = ingest.read_pdf(flow_pdf(tmp_path / "m.pdf", pages))
    assert doc.blocks[0].text.startswith(">") and not doc.blocks[0].item


@pytest.mark.parametrize(
    "header, header_kept",
    [
        (("Service element", "Cover or commitment", "Notes"), True),
        # a line of figures is no header row; nor is one whose words miss the columns
        (("Total", "4 sites", "12 users"), False),
    ],
)
def test_a_header_row_cut_off_at_a_page_foot_heads_the_rows_on_the_next_page(
    tmp_path, header, header_kept
):
    rows = [
        ("Service desk (phone, e-mail)", "Court hours", "All impact levels"),
        ("Network and security monitoring", "24x7", "SIEM with audit logging"),
        ("On-site support", "Court hours", "All five locations"),
    ]
    doc = ingest.read_pdf(header_at_foot_then_rows(tmp_path / "h.pdf", header, rows))
    assert len(doc.tables) == 1
    if header_kept:
        assert doc.tables[0].header == header and doc.tables[0].rows == tuple(rows)
        assert doc.tables[0].row_pages == (2, 2, 2)
        assert all(b.text != " ".join(header) for b in doc.blocks)
    else:
        assert doc.tables[0].header == rows[0]


GLANCE = [
    [
        ("20 min", ["to answer a Code Red", "call, any hour"]),
        ("99.9%", ["portal up, every", "month"]),
        ("A$29", ["per device per month,", "all in"]),
    ],
    [
        ("4 weeks", ["from signing to", "go-live"]),
        ("72 hrs", ["to roll out a", "critical patch"]),
        ("24 / 7", ["eyes on your network", "and servers"]),
    ],
]


@pytest.mark.parametrize(
    "bands", [GLANCE, GLANCE[:1], [GLANCE[1], GLANCE[0]], [GLANCE[0][:2], GLANCE[1][:2]]]
)
def test_a_grid_of_headline_figures_reads_each_figure_with_its_caption(tmp_path, bands):
    """An "at a glance" grid is no table: each tile is read as one item, figure then caption,
    in the order the tiles stand, under the page's title."""
    path = tiles_pdf(tmp_path / "t.pdf", "Six promises we put in the contract", bands)
    doc = ingest.read_pdf(path)
    assert not doc.tables
    want = [f"{figure} {' '.join(caption)}" for band in bands for figure, caption in band]
    items = [b.text for b in doc.blocks if b.item]
    assert items == want
    assert all(
        b.section[-1:] == ("Six promises we put in the contract",) for b in doc.blocks if b.item
    )


def test_a_price_table_whose_header_row_is_figures_stays_a_table(tmp_path):
    """Bare amounts under a header of band figures stand beside a label in words: a table."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    c.setFont("Helvetica", 10)
    rows = [("", "1-50", "51-200", "201+"), ("Per user", "$30", "$27", "$25")]
    rows += [("Per device", "$12", "$11", "$10"), ("Onboarding", "$900", "$800", "$700")]
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            c.drawString(72 + k * 110, 700 - r * 16, cell)
    c.showPage()
    c.save()
    doc = ingest.read_pdf(path)
    assert len(doc.tables) == 1
    assert doc.tables[0].rows[0][0] == "Per user"


@pytest.mark.parametrize(
    "first, second",
    [
        ("the Agreement renews for further periods of twelve (12)", "months unless either party"),
        ("The Customer must provide a secure,", "powered space for equipment."),
        ("while Baobab is waiting for the", "Customer to provide access."),
        ("The parties' directors shall meet within ten", "(10) business days of a notice."),
    ],
)
def test_small_print_with_loose_leading_keeps_a_clause_that_runs_on(tmp_path, first, second):
    """A bracket, a comma or a word that needs its complement ends no paragraph, though the
    next line stands a loose leading below in small type; a full stop does."""
    c = _canvas(tmp_path / "tc.pdf")
    c.setFont("Helvetica", 7.5)
    c.drawString(72, 700, first)
    c.drawString(72, 688, second)
    c.drawString(72, 676, "Invoices are issued monthly.")
    c.drawString(72, 664, "Prices exclude VAT.")
    c.showPage()
    c.save()
    assert texts(ingest.read_pdf(tmp_path / "tc.pdf")) == [
        f"{first} {second}",
        "Invoices are issued monthly.",
        "Prices exclude VAT.",
    ]


@pytest.mark.parametrize(
    "figures, captions",
    [
        (["15 min", "1 hr", "4 hrs"], ["Class A: an engineer is on it", "Class B: on it",
                                       "Class C: on it in working hours"]),
        (["2-4 hrs", "1 working day", "3 working days"], ["Class A: back in business",
                                                          "Class B: fixed", "Class C: fixed"]),
    ],
)  # fmt: skip
def test_one_band_of_headline_figures_over_captions_is_read_tile_by_tile(
    tmp_path, figures, captions
):
    path = tiles_pdf(
        tmp_path / "t.pdf", "What we aim for", [list(zip(figures, [[c] for c in captions]))]
    )
    doc = ingest.read_pdf(path)
    assert not doc.tables
    assert [b.text for b in doc.blocks if b.item] == [f"{f} {c}" for f, c in zip(figures, captions)]


def test_spreadsheet_column_letters_over_a_header_name_no_column(tmp_path):
    path = tmp_path / "sheet.pdf"
    c = _canvas(path)
    c.setFont("Helvetica", 9)
    rows = [("A", "B", "C", "D"), ("Item", "Qty", "Unit rate", "Monthly")]
    rows += [("Managed user (laptop, desktop, mobile and CAD support)", "220", "92.00",
              "20,240.00")]  # fmt: skip
    rows += [("Managed server (physical or virtual, any site)", "14", "115.00", "1,610.00")]
    rows += [("Plotter and multifunction printer fleet care", "18", "9.50", "171.00")]
    for r, row in enumerate(rows):
        for x, cell in zip((60, 330, 380, 450), row):
            c.drawString(x, 700 - r * 14, cell)
    c.showPage()
    c.save()
    (table,) = ingest.read_pdf(path).tables
    assert table.header == ("Item", "Qty", "Unit rate", "Monthly")


@pytest.mark.parametrize("numbers", [("1", "2", "3", "4"), ("1", "2", "3", "4 = 2 x 3")])
def test_a_row_that_numbers_the_columns_is_no_row(numbers):
    """Tender forms number their columns under the header ("1 | 2 | 3 | 4", "6 = 4 x 5")."""
    from msp_select.ingest import tables

    grid = [["Lp.", "Parameter", "Required", "Offered"], list(numbers)]
    grid += [["1", "Response time - Critical Failure", "30 min", "15 min"]]
    grid += [["2", "Response time - Failure", "2 h", "1 h"]]
    t = {"grid": grid, "span": [[0] * 4 for _ in grid], "page": 1, "bbox": (0, 0, 1, 1)}
    out = tables.finish(t | {"xs": [0, 1, 2, 3], "bold": [True, False, False, False]})
    assert [r[0] for r in out["rows"]] == ["1", "2"]
    assert len(out["row_pages"]) == 2


def test_tiles_whose_captions_run_to_several_short_lines(tmp_path):
    band = [
        ("99.9%", ["tenant portal + housing", "system availability, monthly,"]),
        ("1 h", ["max data loss (RPO)"]),
        ("4 h", ["full restore after a", "disaster (RTO)"]),
        ("10%", ["max service credit, % of", "monthly fee"]),
    ]
    doc = ingest.read_pdf(tiles_pdf(tmp_path / "t.pdf", "Platform and data", [band]))
    assert [b.text for b in doc.blocks if b.item] == [
        "99.9% tenant portal + housing system availability, monthly,",
        "1 h max data loss (RPO)",
        "4 h full restore after a disaster (RTO)",
        "10% max service credit, % of monthly fee",
    ]


@pytest.mark.parametrize(
    "rows, tiles",
    [
        ([("< 20 min", "to a live engineer on a critical incident, day or night"),
          ("$79", "per device per month, everything included"),
          ("6 wks", "from signature to all twelve homes live"),
          ("30 days", "notice to leave, at any time after month six")], True),
        # bare numbers are levels or line numbers: the table stays a table
        ([("1", "Whole site down or a clinical system unreachable"),
          ("2", "A team or a ward held up, a workaround exists"),
          ("3", "One person or one device affected")], False),
    ],
)  # fmt: skip
def test_figures_beside_their_captions_read_as_tiles(tmp_path, rows, tiles):
    path = tmp_path / "g.pdf"
    c = _canvas(path)
    c.setFont("Helvetica", 8.5)
    for r, (figure, caption) in enumerate([("The number", "What it means for you"), *rows]):
        c.drawString(69, 600 - r * 16.5, figure)
        c.drawString(175, 600 - r * 16.5, caption)
    c.showPage()
    c.save()
    doc = ingest.read_pdf(path)
    if tiles:
        assert [b.text for b in doc.blocks if b.item] == [f"{a} {b}" for a, b in rows]
        assert not doc.tables
    else:
        assert len(doc.tables) == 1 and len(doc.tables[0].rows) == len(rows)


@pytest.mark.parametrize(
    "figures, tiled",
    [
        (["15 min", "45 min", "4 h", "NBD"], True),  # a figure given as its abbreviation
        (["2 h", "8 h", "2 business days", "-"], True),  # a level with no figure
        (["NBD", "TBC", "-", "N/A"], False),  # stand-ins alone are no band of figures
    ],
)
def test_a_band_of_figures_may_hold_a_stand_in(tmp_path, figures, tiled):
    captions = ["Red - on it", "Amber - on it", "Yellow - on it", "Green - first reply"]
    path = tiles_pdf(tmp_path / "t.pdf", "Speed", [list(zip(figures, [[c] for c in captions]))])
    items = [b.text for b in ingest.read_pdf(path).blocks if b.item]
    assert (items == [f"{f} {c}" for f, c in zip(figures, captions)]) is tiled


@pytest.mark.parametrize("leading, table", [(17.6, True), (12, False)])
def test_padded_rows_of_entries_are_a_table_not_two_columns_of_text(tmp_path, leading, table):
    """Both columns hold several words a line; rows set apart like a table's, each cell opening
    on a capital and none ending a sentence, are entries."""
    rows = [
        ("Service element", "Service Hours"),
        ("Service Desk (telephone and portal)", "24 x 7 x 365"),
        ("Remote monitoring from the Aberdeen NOC", "24 x 7 x 365"),
        ("Desk-side support, Aberdeen", "Business Days"),
        ("Desk-side support, Bergen and Stavanger", "Business Days, by our subcontractor"),
        (
            "Emergency attendance at any hour, 24 x 7",
            "On request, charged at the Out-of-Hours Rate",
        ),
    ]
    path = tmp_path / "e.pdf"
    c = _canvas(path)
    c.setFont("Helvetica", 9.5)
    for r, (left, right) in enumerate(rows):
        c.drawString(69, 640 - r * leading, left)
        c.drawString(286, 640 - r * leading, right)
    c.showPage()
    c.save()
    doc = ingest.read_pdf(path)
    assert bool(doc.tables and doc.tables[0].rows[2] == rows[3]) is table


@pytest.mark.parametrize("box", ["[X]", "[ ]"])
def test_a_tick_box_hangs_its_wrapped_lines_like_a_bullet(tmp_path, box):
    """An order form's option: the box, then the text, its wrapped line under the text. The
    option is one paragraph, so whether it is bought reaches every line of it."""
    pdf = flow_pdf(
        tmp_path / "form.pdf",
        [
            [
                ("h2", "D1 Service desk hours (tick one)"),
                (
                    "li",
                    box,
                    "Option SD-2: telephone and portal, 24 hours a day; calls outside\nWorking Hours are answered by an engineer",
                ),
                ("li", "[ ]", "Option SD-1: telephone and portal, 08:00 to 18:00 on Working Days"),
            ]
        ],
        size=8,  # the box and the text stay two words
        leading=10,
    )
    texts = [b.text for b in ingest.read_pdf(pdf).blocks if not b.heading]
    assert any(t.endswith("calls outside Working Hours are answered by an engineer") for t in texts)
    assert len(texts) == 2


def test_a_sub_header_over_the_rows_the_next_page_carries_on_heads_them(tmp_path):
    """A table continued at the top of the next page under a few words in its first column
    ("Restored within"): the words are the sub-header of the rows carried on, no paragraph."""
    pdf = table_at_bottom_then_top(
        tmp_path / "t.pdf", [HEADER] + ROWS[:2], ROWS[2:], leading_label="Restored within"
    )
    doc = ingest.read_pdf(pdf)
    assert len(doc.tables) == 1
    assert doc.tables[0].rows == tuple(ROWS[:2] + [("Restored within", "", "")] + ROWS[2:])
    assert doc.tables[0].subheader_rows == (2,)
    assert all(b.text != "Restored within" for b in doc.blocks)


def test_a_paragraph_over_a_new_table_stays_a_paragraph(tmp_path):
    """(A guard: a short line over a table that does not carry on the one before is its own
    text, as before.)"""
    pdf = table_at_bottom_then_top(
        tmp_path / "t.pdf",
        [HEADER] + ROWS[:2],
        [("Plan", "Price")] + [("A", "10"), ("B", "20")],
        leading_label="Optional extras",
    )
    doc = ingest.read_pdf(pdf)
    assert any(b.text == "Optional extras" for b in doc.blocks)


@pytest.mark.parametrize(
    "before, expected",
    [
        # a bold line going on with the sentence above it is part of the paragraph
        ("Sections 1 to 5 are the other client's record: every result in them belongs to", []),
        ("Sections 1 to 5 are the other client's record, and every result in them is the", []),
        # after a finished sentence, bold words in the body's size open a heading
        ("Sections 1 to 5 are the other client's record.", ["Client R's contract and that night"]),
    ],
)
def test_bold_words_that_go_on_with_a_sentence_are_no_heading(tmp_path, before, expected):
    pdf = flow_pdf(
        tmp_path / "b.pdf",
        [[("p", f"{before}\n**Client R's contract and that night"), ("p", "Our offer follows.")]],
    )
    doc = ingest.read_pdf(pdf)
    assert [b.text for b in doc.blocks if b.heading] == expected
