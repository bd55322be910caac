"""Tables as a reader sees them: aligned by spacing only or ruled, wrapped cells, right-aligned
figures, continued over page breaks; and layouts that only look like tables."""

from __future__ import annotations

import pytest

from msp_select import ingest
from tests import pdf_fixtures as fx

FILLER = [("p", f"Filler paragraph {i} about the managed service we offer.") for i in range(3)]


def read(tmp_path, pages, **kw):
    return ingest.read_pdf(fx.flow_pdf(tmp_path / "t.pdf", pages, **kw))


def words_in_blocks(doc) -> set[str]:
    return {w for b in doc.blocks for w in b.text.split()}


SLA = [
    ("Priority", "Response", "Resolution"),
    ("P1 Critical", "15 minutes", "4 hours"),
    ("P2 High", "1 hour", "8 hours"),
    ("P3 Normal", "4 hours", "3 days"),
]


@pytest.mark.parametrize(
    "xs,opts",
    [
        ([72, 200, 330], {}),
        ([72, 160, 250], {"bold": 0}),  # narrow columns, header not bold
        ([90, 300, 420], {"pitch": 13.0}),  # tight rows
        ([72, 200, 330], {"right": (1, 2)}),  # figures right-aligned
    ],
    ids=["left", "narrow-plain", "tight", "right-aligned"],
)
def test_unruled_table_is_found_and_its_words_leave_the_blocks(tmp_path, xs, opts):
    items = [("p", "Our service levels:"), ("table", SLA, xs, opts), ("p", "Times are targets.")]
    doc = read(tmp_path, [FILLER + items])
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.header == SLA[0] and t.rows == tuple(SLA[1:])
    assert t.lead_in == "Our service levels:" and t.row_pages == (1, 1, 1)
    assert not words_in_blocks(doc) & {"15", "minutes", "P1", "Resolution"}
    assert [b.text for b in doc.blocks][-2:] == ["Our service levels:", "Times are targets."]


def test_wrapped_cells_stay_in_their_row(tmp_path):
    rows = [
        ("Severity", "Description", "Response"),
        ("SEV-1", "Service outage or severe\ndegradation for all users", "30 minutes"),
        ("SEV-2", "Degraded service that\nallows work to continue", "2 hours"),
        ("SEV-3", "A question", "1 business day"),
    ]
    doc = read(tmp_path, [[("table", rows, [72, 150, 380])]])
    t = doc.tables[0]
    assert t.rows == (
        ("SEV-1", "Service outage or severe degradation for all users", "30 minutes"),
        ("SEV-2", "Degraded service that allows work to continue", "2 hours"),
        ("SEV-3", "A question", "1 business day"),
    )


def test_two_line_header_cells_join(tmp_path):
    rows = [
        ("Priority", "Target", "Fix time"),
        ("", "(min)", "(hrs)"),
        ("1", "15", "4"),
        ("2", "30", "8"),
        ("3", "60", "24"),
    ]
    doc = read(tmp_path, [[("table", rows, [72, 200, 330], {"bold": 2})]])
    t = doc.tables[0]
    assert t.header == ("Priority", "Target (min)", "Fix time (hrs)")
    assert t.rows == (("1", "15", "4"), ("2", "30", "8"), ("3", "60", "24"))


def test_tiers_as_columns_with_prices_in_the_header(tmp_path):
    rows = [
        ("Service", "Basic ($25/device)", "Premium ($45/device)"),
        ("Patch management", "Yes", "Yes"),
        ("After-hours support", "", "Yes"),
        ("On-site visits", "2 per month", "Unlimited"),
    ]
    doc = read(tmp_path, [[("table", rows, [72, 250, 400])]])
    t = doc.tables[0]
    assert t.header == rows[0] and t.rows[1] == ("After-hours support", "", "Yes")


def test_key_value_table_aligned_by_spacing_is_a_table(tmp_path):
    rows = [
        ("Contract term", "36 months"),
        ("Termination notice", "90 days"),
        ("Onboarding", "6 weeks"),
        ("Review meetings", "Quarterly"),
    ]
    doc = read(tmp_path, [[("p", "Key terms."), ("table", rows, [72, 250], {"bold": 0})]])
    assert len(doc.tables) == 1 and doc.tables[0].header == ("Contract term", "36 months")
    assert doc.tables[0].rows[-1] == ("Review meetings", "Quarterly")


@pytest.mark.parametrize("xs", [[72, 210, 370], [60, 230, 400]])
def test_cells_spanning_both_tiers_do_not_merge_the_tiers_columns(tmp_path, xs):
    """ "15,500 in either option" and long descriptions run across both tiers' columns; the
    second tier still has its own column where its cells start, and the rows of lower-case
    descriptions, each under its own label, are a table's rows, not running text."""
    rows = [
        ("", "Care - ELV systems", "Care Plus - with managed IT"),
        ("Fixed monthly charge (QR)", "15,500 in either option", None),
        ("Per device, monthly (QR)", "-", "205"),
        ("Per server, monthly (QR)", "-", "850"),
        ("Help desk", "Sunday to Thursday 07:00-18:00 and Saturday 08:00-13:00", None),
        ("Category A (system down)", "response within 15 minutes; engineer on site within 1 hour", None),
        ("Category A restored within", "6 hours", "4 hours"),
        ("Category B (degraded)", "response within 2 hours; restored within 1 business day", None),
        ("Monitoring", "alerts e-mailed to the help desk and handled in help-desk hours", None),
    ]  # fmt: skip
    doc = read(tmp_path, [FILLER + [("p", "Either option:"), ("table", rows, xs, {})]], size=8.5)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.header == rows[0]
    assert ("Per device, monthly (QR)", "-", "205") in t.rows
    assert ("Category A restored within", "6 hours", "4 hours") in t.rows
    assert t.rows[-1][:2] == rows[-1][:2]


def test_a_label_beside_a_paragraph_that_runs_on_is_no_table(tmp_path):
    """A side label beside a wrapped paragraph: its lines after the first have no label."""
    lines = [
        "Help desk     our desk answers calls from Sunday to Thursday and on",
        "              every public holiday; out of hours the duty engineer takes",
        "              the calls and logs them for the morning; the desk also",
        "              watches the monitoring alerts and handles them in hours",
    ]
    rows = [tuple(x.strip() for x in line.split("     ", 1)) for line in lines]
    doc = read(tmp_path, [FILLER + [("table", rows, [72, 200], {"bold": 0, "pitch": 20.0})]])
    assert doc.tables == ()


# --- layouts that are not tables ------------------------------------------------------------


def test_two_columns_of_prose_are_not_a_table(tmp_path):
    left = [f"Our engineers patch servers weekly and report {i}" for i in range(12)]
    right = [f"monthly on backups, licences and tickets {i}" for i in range(12)]
    doc = ingest.read_pdf(fx.two_column_pdf(tmp_path / "p.pdf", left, right, title="Overview"))
    assert doc.tables == ()
    joined = " ".join(b.text for b in doc.blocks)
    assert joined.index("report 11") < joined.index("monthly on backups, licences and tickets 0")


def test_bullets_with_a_hanging_indent_are_not_a_table(tmp_path):
    items = [("p", "We include:")] + [
        ("li", "•", text)
        for text in ("Patching of servers", "Backup checks", "Antivirus", "Monthly reports")
    ]
    doc = read(tmp_path, [items])
    assert doc.tables == ()
    assert [b.text for b in doc.blocks if b.item] == [
        "• Patching of servers",
        "• Backup checks",
        "• Antivirus",
        "• Monthly reports",
    ]


def test_numbered_clauses_with_a_hanging_indent_are_not_a_table(tmp_path):
    c = fx._canvas(tmp_path / "n.pdf")
    c.setFont("Helvetica", 10)
    y = 700
    for n in range(1, 5):
        c.drawString(72, y, f"4.{n}")
        c.drawString(110, y, f"The provider will answer priority {n} tickets within {n} hours")
        c.drawString(110, y - 12, "of the ticket being logged on the portal.")
        y -= 30
    c.save()
    doc = ingest.read_pdf(tmp_path / "n.pdf")
    assert doc.tables == ()
    assert any("4.2" in b.text and "priority 2" in b.text for b in doc.blocks)


def test_key_value_lines_with_single_spaces_are_not_a_table(tmp_path):
    text = "Term: 12 months\nNotice: 90 days\nBilling: monthly in advance\nReviews: quarterly"
    doc = read(tmp_path, [[("p", "Terms:"), ("p", text)]])
    assert doc.tables == ()
    assert [b.text for b in doc.blocks if b.item] == text.split("\n")


# --- tables over page breaks ----------------------------------------------------------------

HEADER = ("Priority", "Response", "Resolution")
ROWS = [(f"P{i}", f"{15 * i} minutes", f"{4 * i} hours") for i in range(1, 7)]
XS = [72, 220, 360]
LONG_FILLER = [("p", f"Filler paragraph {i} about our managed services.") for i in range(34)]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("repeat", [True, False], ids=["repeated-header", "no-header"])
@pytest.mark.parametrize("margins", [True, False], ids=["running-heads", "bare"])
def test_table_continued_over_a_page_break_is_one(tmp_path, ruled, repeat, margins):
    opts = {"ruled": ruled}
    first = LONG_FILLER + [("table", [HEADER] + ROWS[:3], XS, opts)]
    second = [("table", ([HEADER] if repeat else []) + ROWS[3:], XS, opts | {"bold": int(repeat)})]
    second.append(("p", "All times run from the logged ticket."))
    kw = {"header": "Acme IT - Proposal", "footer": "Page {n} of {total}"} if margins else {}
    doc = read(tmp_path, [first, second], **kw)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.header == HEADER and t.rows == tuple(ROWS)
    assert t.row_pages == (1, 1, 1, 2, 2, 2) and t.page == 1


@pytest.mark.parametrize("margins", [True, False], ids=["running-heads", "bare"])
def test_a_header_and_one_row_closing_a_page_open_the_table_the_next_page_carries_on(
    tmp_path, margins
):
    first = LONG_FILLER + [("table", [HEADER] + ROWS[:1], XS)]
    second = [("table", ROWS[1:], XS), ("p", "All times run from the logged ticket.")]
    kw = {"header": "Acme IT - Proposal", "footer": "Page {n} of {total}"} if margins else {}
    doc = read(tmp_path, [first, second], **kw)
    assert [(t.header, t.rows) for t in doc.tables] == [(HEADER, tuple(ROWS))]
    assert doc.tables[0].row_pages == (1, 2, 2, 2, 2, 2)
    assert not words_in_blocks(doc) & {"P1", "Resolution"}


@pytest.mark.parametrize(
    "second",
    [
        [("p", "Prices follow on the next page."), ("table", ROWS[1:], XS)],  # text first
        [("table", [(r[0], r[2]) for r in ROWS[1:]], [72, 300])],  # other columns
    ],
    ids=["text-first", "other-columns"],
)
def test_two_aligned_lines_closing_a_page_stay_text_unless_a_table_carries_on(tmp_path, second):
    first = LONG_FILLER + [("table", [HEADER] + ROWS[:1], XS)]
    doc = read(tmp_path, [first, second])
    assert {"P1", "Resolution"} <= words_in_blocks(doc)
    assert all(t.row_pages[0] == 2 for t in doc.tables)


def test_a_header_and_row_closing_a_page_join_the_table_that_repeats_the_header(tmp_path):
    """The next page repeats the header over the rows that carry on: the header and row the
    page break cut off are that table's start, not two lines of text."""
    first = LONG_FILLER + [("table", [HEADER] + ROWS[:1], XS)]
    doc = read(tmp_path, [first, [("table", [HEADER] + ROWS[1:], XS, {"bold": 1})]])
    assert [(t.header, t.rows) for t in doc.tables] == [(HEADER, tuple(ROWS))]
    assert doc.tables[0].row_pages[:2] == (1, 2)
    assert not words_in_blocks(doc) & {"P1", "Resolution"}


def test_a_new_table_after_text_on_the_next_page_stays_separate(tmp_path):
    first = LONG_FILLER + [("table", [HEADER] + ROWS[:3], XS)]
    second = [("p", "Prices follow."), ("table", [HEADER] + ROWS[3:], XS)]
    doc = read(tmp_path, [first, second])
    assert [len(t.rows) for t in doc.tables] == [3, 3]
    assert doc.tables[1].lead_in == "Prices follow."


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_a_headerless_continuation_under_a_page_title_is_one_table(tmp_path, ruled):
    first = LONG_FILLER + [("table", [HEADER] + ROWS[:3], XS, {"ruled": ruled})]
    second = [
        ("p", "Acme IT - Service levels, continued"),
        ("table", ROWS[3:], XS, {"ruled": ruled}),
    ]
    doc = read(tmp_path, [first, second])
    assert [(t.header, t.rows) for t in doc.tables] == [(HEADER, tuple(ROWS))]


def test_tables_with_other_columns_on_the_next_page_stay_separate(tmp_path):
    first = LONG_FILLER + [("table", [HEADER] + ROWS[:3], XS, {"ruled": True})]
    prices = [("Item", "Price"), ("Onboarding", "$4,500"), ("Monthly", "$3,000")]
    second = [("table", prices, [72, 300], {"ruled": True})]
    doc = read(tmp_path, [first, second])
    assert [t.header for t in doc.tables] == [HEADER, ("Item", "Price")]


# --- two-column pages --------------------------------------------------------------------------


def _two_columns(tmp_path, left, right, left_x, right_x, top=700, pitch=11, title=""):
    """A page of two columns of lines under an optional title, read back."""
    c = fx._canvas(tmp_path / "c.pdf")
    if title:
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, top + 40, title)
    c.setFont("Helvetica", 9)
    for x, lines in ((left_x, left), (right_x, right)):
        for i, line in enumerate(lines):
            c.drawString(x, top - pitch * i, line.strip())
    c.save()
    return ingest.read_pdf(tmp_path / "c.pdf")


def _columns_kept_apart(doc, left_word, right_word, last_left, first_right):
    """No table, no paragraph mixing the columns, the left column read before the right."""
    assert doc.tables == ()
    for b in doc.blocks:
        assert not (left_word in b.text and right_word in b.text), b.text
    joined = " ".join(b.text for b in doc.blocks)
    assert joined.index(last_left) < joined.index(first_right)


@pytest.mark.parametrize(
    "left_x,right_x,gap_words",
    [(72, 320, 6), (60, 300, 8), (72, 340, 5)],
    ids=["even", "narrow-gutter", "wide-gutter"],
)
def test_two_column_page_never_mixes_columns(tmp_path, left_x, right_x, gap_words):
    left = [f"left {i} " + "alpha " * gap_words for i in range(25)]
    right = [f"right {i} " + "omega " * gap_words for i in range(18)]
    doc = _two_columns(tmp_path, left, right, left_x, right_x, title="Service description")
    _columns_kept_apart(doc, "alpha", "omega", "left 24", "right 0")


@pytest.mark.parametrize("right_lines", [4, 6])
def test_a_short_second_column_of_prose_is_read_after_the_first_and_never_as_a_tables_cells(
    tmp_path, right_lines
):
    """A page whose right-hand column is short (the contract terms beside a long list of
    service levels): no line of one column joins a line of the other, as a table's cells or
    as one paragraph, and each column is read whole."""
    left = [f"- Level {i}: a shop floor stopped, engineer within {i} hours" for i in range(30)]
    right = [
        f"The contract term clause {i} runs for thirty-six months from signature"
        for i in range(right_lines)
    ]
    doc = _two_columns(tmp_path, left, right, 50, 330, top=760, pitch=12)
    _columns_kept_apart(doc, "Level", "contract term", "Level 29", "clause 0")


def _catalogue_pdf(path, sections):
    """Unruled two-column sheets set tight under 15 pt headings, as a service catalogue
    prints them: 8 pt rows 16 pt apart, a heading 29 pt below the row above it and 21 pt over its own."""
    c = fx._canvas(path)
    y = fx.HEIGHT - 80
    for title, rows in sections:
        c.setFont("Helvetica-Bold", 15)
        c.drawString(57, y, title)
        y -= 21
        for r, (label, value) in enumerate(rows):
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 8)
            c.drawString(57, y, label)
            c.drawString(300, y, value)
            y -= 16
        y -= 13
    c.save()
    return path


def test_unruled_sheets_set_tight_under_their_own_headings_are_separate_tables(tmp_path):
    """A heading set larger than the rows, from the table's left edge, ends the table above
    even when it stands as close to it as a sub-header would."""
    sheet = ("Attribute", "Specification")
    sections = [
        (
            "Impact classes",
            [("Class", "Impact"), ("Critical", "Customs cannot be lodged")]
            + [("Minor", "One person affected"), ("Advice", "Questions and how-to")],
        ),
        ("SVC-100 Service Desk", [sheet, ("Hours", "24 hours, 365 days"), ("Channels", "Phone")]),
        ("SVC-200 Operations", [sheet, ("Coverage", "24x7 monitoring"), ("Patching", "48 hours")]),
    ]
    doc = ingest.read_pdf(_catalogue_pdf(tmp_path / "c.pdf", sections))
    assert [(t.section[-1], t.header, len(t.rows)) for t in doc.tables] == [
        ("Impact classes", ("Class", "Impact"), 3),
        ("SVC-100 Service Desk", sheet, 2),
        ("SVC-200 Operations", sheet, 2),
    ]


def test_a_sub_header_in_the_rows_type_stays_inside_its_table(tmp_path):
    rows = [
        ("Class", "Figure"),
        ("Critical", ""),
        ("Response", "10 minutes"),
        ("Restore", "4 hours"),
    ]
    rows += [("Minor", ""), ("Response", "2 hours"), ("Restore", "2 days")]
    doc = read(tmp_path, [[("h2", "Service levels"), ("table", rows, [72, 250])]])
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 6


def test_rows_a_page_break_carries_over_join_the_table_that_closed_the_page(tmp_path):
    """Two rows alone at the top of the next page, too few for a table of their own, set
    over the columns of the unruled table that closed the page before."""
    first = LONG_FILLER + [("table", [HEADER] + ROWS[:3], XS)]
    doc = read(tmp_path, [first, [("table", ROWS[3:5], XS), ("p", "All times run from logging.")]])
    assert [(t.header, t.rows) for t in doc.tables] == [(HEADER, tuple(ROWS[:5]))]
    assert doc.tables[0].row_pages == (1, 1, 1, 2, 2)


@pytest.mark.parametrize("repeat", [True, False], ids=["repeated-header", "no-header"])
def test_a_long_last_row_carried_over_under_a_repeated_header_joins_its_table(tmp_path, repeat):
    """One row at the top of the next page, under the header the page repeats: the header is
    no row, and a cell as long as the table's own cells is no running text."""
    header = ("Category", "When", "Response")
    rows = [("A", "Stoppage: the plant, an office or a key system cannot work", "30 min"),
            ("B", "Restriction: a department works with difficulty", "1 h"),
            ("C", "Individual: one user or one device", "4 h"),
            ("D", "Request: new user, software, change", "1 day")]  # fmt: skip
    xs = [72, 140, 460]
    first = LONG_FILLER + [("table", [header] + rows[:3], xs)]
    carried = [("table", ([header] if repeat else []) + rows[3:], xs)]
    doc = read(tmp_path, [first, carried + [("p", "All times run from logging.")]])
    assert [(t.header, t.rows) for t in doc.tables] == [(header, tuple(rows))]


def test_a_currency_row_declares_the_currency_of_a_key_value_tables_bare_amounts():
    from msp_select.extract import extract_vendor
    from tests.extract_helpers import document, table

    terms = table(
        ("Term", "Our offer"),
        [
            ("Currency", "NOK, excluding VAT"),
            ("Monthly fee per managed device", "720"),
            ("Onboarding, one-off charge", "65,000"),
            ("Hourly rate outside the scope", "1,090"),
            ("Managed servers", "18"),  # a count, not a price
            ("First-time fix rate", "85"),  # a rate of a measure, not a charge
        ],
    )
    got = extract_vendor("v", [document("Commercial terms.", tables=(terms,))]).commitments
    assert sorted((c.scope, c.value, c.unit) for c in got if c.category == "price") == [
        ("hourly", 1090.0, "NOK/hour"),
        ("onboarding", 65000.0, "NOK"),
        ("per_device", 720.0, "NOK/month"),
    ]


@pytest.mark.parametrize(
    "note, priced",
    [
        # the counts are the buyer's estimate; the rates are still the offer
        ("Rates are in Singapore dollars. Quantities are the Trust's estimates and are not part of the offer.", True),
        ("Rates are in Singapore dollars. The volumes shown are estimates only and are not part of the offer.", True),
        # the rates themselves disowned
        ("Rates are in Singapore dollars. These rates are shown for information and are not part of the offer.", False),
    ],
)  # fmt: skip
def test_a_note_on_the_buyers_quantities_leaves_the_rates_offered(tmp_path, note, priced):
    rows = [
        ("Item", "Description", "Unit of charge", "Rate (SGD)"),
        ("PS-1.1", "Managed workplace service, head office staff", "per user per month", "92.00"),
        ("PS-1.2", "Engineering work outside the scope", "per hour", "165.00"),
    ]
    from msp_select.extract import extract_vendor

    doc = read(tmp_path, [[("h2", "Part C - Schedule of Rates"), ("p", note), ("table", rows, [72, 130, 330, 450], {"ruled": True, "bold": 1})]])  # fmt: skip
    prices = {(c.scope, c.value) for c in extract_vendor("v", [doc]).commitments if c.category == "price"}  # fmt: skip
    assert (prices == {("per_user", 92.0), ("hourly", 165.0)}) is priced
    assert bool(prices) is priced


def test_status_chips_on_a_shaded_panel_are_no_grid(tmp_path):
    """Boxes behind status words and a shaded panel under the whole table look like cells to a
    ruling detector; read as such, one cell swallows the table. Read by alignment instead,
    each row keeps its own cells."""
    rows = [
        ("Service", "Hours", "Status"),
        ("Service desk", "Mon-Fri 08:00-18:00", "INCLUDED"),
        ("Network operations centre", "24x7x365 monitoring", "INCLUDED"),
        ("On-site engineer", "Business hours", "INCLUDED"),
        ("Desk telephone, after hours", "Not staffed", "NOT COVERED"),
    ]
    doc = ingest.read_pdf(fx.chips_pdf(tmp_path / "chips.pdf", rows, chip_column=2))
    (t,) = doc.tables
    assert t.header == rows[0]
    assert list(t.rows) == rows[1:]


@pytest.mark.parametrize(
    "rows",
    [
        [
            ("Deviation class", "Example", "Respond (minutes)", "Restore (hours)"),
            ("Critical deviation", "dispatch stopped; the ERP down", "15", "4"),
            ("Major deviation", "a department or a depot impaired", "30", "8"),
            ("Minor deviation", "one user, one tablet, one printer", "120", "16"),
            ("Observation", "request, question, planned change", "480", "none"),
        ],
        [
            ("Impact", "What it looks like", "Answer", "Fix"),
            ("Site down", "nobody at the site can work", "15 min", "4 h"),
            ("Team stuck", "a whole team waits on us", "1 h", "8 h"),
            ("One person", "a laptop will not start up", "4 h", "2 days"),
        ],
    ],
    ids=["deviation-classes", "impact-rows"],
)
def test_a_column_of_descriptions_in_lower_case_beside_figures_is_a_table(tmp_path, rows):
    """Descriptions that open in lower case row after row read like running text, but the
    columns of figures beside them make the run a table."""
    items = [
        ("p", "We respond and restore within these times:"),
        ("table", rows, [72, 190, 390, 470], {}),
    ]
    doc = read(tmp_path, [FILLER + items], size=8.5)
    assert len(doc.tables) == 1
    assert doc.tables[0].header == rows[0] and doc.tables[0].rows == tuple(rows[1:])


BOXES = [
    ("Place and date", "Sohar, 02/06/2027"),
    ("Period (Cl. 3)", "thirty-six (36) months"),
    ("Incident categories", "most urgent first: MAYDAY, PAN-PAN"),
    ("Response (Cl. 6)", "MAYDAY: 20 minutes; PAN-PAN: 30 minutes"),
    ("Monthly Fee (Cl. 13)", "RO 22.400 per device; RO 88.000 per server"),
    ("Law and disputes", "laws of Oman"),
]


def test_a_grid_of_numbered_boxes_is_a_form_of_paragraphs_not_a_table(tmp_path):
    """Each box is a statement of its own, its bold title set off from its entry, in the
    boxes' order: no box is the header or the row label of another."""
    doc = ingest.read_pdf(fx.boxes_pdf(tmp_path / "f.pdf", BOXES))
    assert doc.tables == ()
    texts = [b.text for b in doc.blocks]
    assert texts == [f"{title}: {entry}" for title, entry in BOXES]


def test_numbered_cells_that_do_not_run_on_are_a_table(tmp_path):
    """Numbered cells out of sequence ("1. Critical | 15 minutes") are rows of a table."""
    rows = [("Level", "Response"), ("1. Critical", "15 minutes"), ("2. High", "1 hour"),
            ("3. Normal", "4 hours"), ("4. Low", "1 day")]  # fmt: skip
    doc = read(tmp_path, [[("table", rows, [72, 250], {"ruled": True})]])
    assert len(doc.tables) == 1
