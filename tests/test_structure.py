"""Document structure from ingest: heading levels and paths, list items and their lead-in,
where a table sits (its heading path and the sentence that introduces it)."""

from __future__ import annotations

import pytest

from msp_select import ingest
from msp_select.ingest.cache import Cache
from tests import pdf_fixtures as fx


def block(doc, start: str):
    found = [b for b in doc.blocks if b.text.startswith(start)]
    assert len(found) == 1, (start, [b.text for b in doc.blocks])
    return found[0]


SIZED = [
    ("h1", "Managed Services Proposal"),
    ("h2", "Service levels"),
    ("p", "We answer every call."),
    ("h3", "Response times"),
    ("p", "Priority 1 calls get a response within 15 minutes."),
    ("h2", "Pricing"),
    ("p", "The monthly fee is $4,000."),
]
NUMBERED = [
    ("h2", "Managed Services Proposal"),
    ("hb", "1. Service levels"),
    ("p", "We answer every call."),
    ("hb", "1.1 Response times"),
    ("p", "Priority 1 calls get a response within 15 minutes."),
    ("hb", "2. Pricing"),
    ("p", "The monthly fee is $4,000."),
]
MIXED = [
    ("h1", "Managed Services Proposal"),
    ("h2", "3 Service levels"),
    ("p", "We answer every call."),
    ("hb", "3.2 Response times"),
    ("p", "Priority 1 calls get a response within 15 minutes."),
    ("h2", "4 Pricing"),
    ("p", "The monthly fee is $4,000."),
]


@pytest.mark.parametrize("items", [SIZED, NUMBERED, MIXED], ids=["sized", "numbered", "mixed"])
def test_heading_levels_and_paths(tmp_path, items):
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "h.pdf", [items]))
    title, levels, response, pricing = (
        items[0][1],
        block(doc, items[1][1]),
        block(doc, items[3][1]),
        block(doc, items[5][1]),
    )
    assert block(doc, title).level == 1 and block(doc, title).section == ()
    assert levels.level == 2 and levels.section == (title,)
    assert response.level == 3 and response.section == (title, items[1][1])
    assert pricing.level == 2 and pricing.section == (title,)  # back up one level
    p1 = block(doc, "Priority 1 calls")
    assert p1.level == 0 and not p1.heading
    assert p1.section == (title, items[1][1], items[3][1])
    assert block(doc, "The monthly fee").section == (title, items[5][1])


def test_numbering_depth_ranks_headings_of_one_style(tmp_path):
    items = [
        ("hb", "1. Scope"),
        ("hb", "1.1 Sites"),
        ("hb", "1.1.1 Main office"),
        ("hb", "2. Fees"),
    ]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "d.pdf", [items]))
    assert [(b.level, b.section) for b in doc.blocks] == [
        (1, ()),
        (2, ("1. Scope",)),
        (3, ("1. Scope", "1.1 Sites")),
        (1, ()),
    ]


def test_text_before_the_first_heading_has_no_section(tmp_path):
    doc = ingest.read_pdf(
        fx.flow_pdf(tmp_path / "n.pdf", [[("p", "Prepared for Harbor Point."), ("h2", "Scope")]])
    )
    assert block(doc, "Prepared").section == () and block(doc, "Prepared").level == 0


def test_section_carries_over_a_page_break(tmp_path):
    pages = [[("h1", "Support"), ("p", "Intro.")], [("p", "Our desk is open 24x7.")]]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "s.pdf", pages, footer="Page {n}"))
    assert block(doc, "Our desk").section == ("Support",) and block(doc, "Our desk").page == 2


LISTS = {
    "bullets": [("•", "Urgent: 1 hour"), ("•", "High: 4 hours"), ("•", "Normal: 1 day")],
    "numbers": [("1.", "Critical - 30 minutes"), ("2.", "Major - 2 hours"), ("3.", "Minor")],
    "dashes": [("-", "Site visit within four hours"), ("-", "Remote fix within one hour")],
}


@pytest.mark.parametrize("kind", LISTS)
def test_list_items_carry_the_sentence_that_introduces_them(tmp_path, kind):
    intro = "Scope of cover. Our engineers respond to incidents as follows:"
    items = [("h2", "Response"), ("p", intro)] + [("li", m, t) for m, t in LISTS[kind]]
    items.append(("p", "All times run from the logged ticket."))
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "l.pdf", [items]))
    listed = [b for b in doc.blocks if b.item]
    assert len(listed) == len(LISTS[kind])
    assert all(b.lead_in == "Our engineers respond to incidents as follows:" for b in listed)
    assert all(b.section == ("Response",) for b in listed)
    assert not block(doc, "All times").item and block(doc, "All times").lead_in == ""
    assert not block(doc, "Scope of cover").item


@pytest.mark.parametrize(
    "lines",
    [
        ["Urgent - 1 hour", "High - 4 hours", "Normal - next business day"],
        ["Priority 1: within 15 minutes", "Priority 2: within 1 hour", "Priority 3: 8 hours"],
        ["Term: 12 months", "Notice: 90 days", "Billing: monthly in advance"],
        ["Sev 1 – 30 minutes, 24x7", "Sev 2 – 2 hours, business hours"],
    ],
)
def test_a_run_of_labelled_lines_is_a_list(tmp_path, lines):
    items = [("p", "We attend on site as follows:"), ("p", "\n".join(lines))]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "k.pdf", [items]))
    assert [b.text for b in doc.blocks if b.item] == lines
    assert {b.lead_in for b in doc.blocks if b.item} == {"We attend on site as follows:"}


def test_single_label_line_and_prose_are_not_items(tmp_path):
    text = "Note: all times are measured\nfrom the moment a ticket is logged - not from the call."
    items = [("p", text), ("p", "Our team - based in Leeds - answers.\nUptime is 99.9% a month.")]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "n.pdf", [items]))
    assert not any(b.item for b in doc.blocks)
    assert block(doc, "Note:").text.endswith("not from the call.")


def test_a_level_number_carried_to_the_next_line_opens_no_item(tmp_path):
    text = (
        "Code 3: we restore the service within 4 hours. Code\n"
        "2: typically the same business day. Code 1: we\n"
        "don't set a fix time."
    )
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "c.pdf", [[("p", text)]]))
    assert [b.text for b in doc.blocks] == [text.replace("\n", " ")]


def test_a_list_right_under_a_heading_has_no_lead_in(tmp_path):
    items = [("h2", "Included services"), ("li", "•", "Patching"), ("li", "•", "Backups")]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "u.pdf", [items]))
    assert [(b.item, b.lead_in) for b in doc.blocks[1:]] == [(True, ""), (True, "")]


TIERS = [
    ("Priority", "Gold", None, "Silver", None),
    ("", "Response (min)", "Resolution (hrs)", "Response (min)", "Resolution (hrs)"),
    ("P1", "15", "4", "30", "8"),
    ("P2", "30", "8", "60", "24"),
]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_table_heading_path_lead_in_and_two_header_rows(tmp_path, ruled):
    xs = [72, 150, 240, 330, 420]
    items = [
        ("h1", "Proposal"),
        ("h2", "Service levels"),
        ("p", "Our targets per plan are shown below:"),
        ("table", TIERS, xs, {"ruled": ruled, "bold": 2}),
        ("p", "Targets are measured monthly."),
    ]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "t.pdf", [items]))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.section == ("Proposal", "Service levels")
    assert t.lead_in == "Our targets per plan are shown below:"
    assert t.header_rows == (
        ("Priority", "Gold", "Gold", "Silver", "Silver"),
        ("", "Response (min)", "Resolution (hrs)", "Response (min)", "Resolution (hrs)"),
    )
    assert t.header == (
        "Priority",
        "Gold Response (min)",
        "Gold Resolution (hrs)",
        "Silver Response (min)",
        "Silver Resolution (hrs)",
    )
    assert t.rows == (("P1", "15", "4", "30", "8"), ("P2", "30", "8", "60", "24"))
    assert not any("15" in b.text.split() for b in doc.blocks)


def test_table_right_under_a_heading_has_no_lead_in(tmp_path):
    rows = [("Item", "Price"), ("Onboarding", "$4,500"), ("Monthly fee", "$3,000")]
    items = [("h2", "Pricing"), ("table", rows, [72, 250], {"ruled": True})]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "t.pdf", [items]))
    assert doc.tables[0].lead_in == "" and doc.tables[0].section == ("Pricing",)
    assert doc.tables[0].header_rows == (("Item", "Price"),)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_sub_header_rows_inside_the_body_are_marked(tmp_path, ruled):
    rows = [
        ("Measure", "Target", "Hours"),
        ("Priority 1 - Critical", None, None),
        ("Response", "15 minutes", "24x7"),
        ("Resolution", "4 hours", "24x7"),
        ("Priority 2 - High", None, None),
        ("Response", "1 hour", "Business"),
    ]
    items = [("p", "Service levels follow."), ("table", rows, [72, 250, 400], {"ruled": ruled})]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "s.pdf", [items]))
    t = doc.tables[0]
    assert t.header == ("Measure", "Target", "Hours")
    assert t.rows[0][0] == "Priority 1 - Critical" and t.rows[3][0] == "Priority 2 - High"
    assert t.subheader_rows == (0, 3)


def test_structure_survives_the_cache(tmp_path):
    items = [
        ("h1", "Proposal"),
        ("p", "Engineers attend as follows:"),
        ("li", "•", "Urgent - 4 hours"),
        ("table", TIERS, [72, 150, 240, 330, 420], {"ruled": True, "bold": 2}),
    ]
    pdf = fx.flow_pdf(tmp_path / "c.pdf", [items])
    cache = Cache(tmp_path / "cache")
    doc = ingest.read_pdf(pdf)
    cache.put(pdf, doc)
    again = cache.get(pdf)
    assert again == doc
    assert again.tables[0].header_rows and again.blocks[-1].lead_in


def test_bold_bands_across_an_unruled_table_are_sub_headers_not_breaks(tmp_path):
    """A spreadsheet export: a band as long as a sentence, set bold at the rows' size from the
    table's left edge, names the rows below it; the table and its header row go on."""
    band = "RESPONSE | minutes from the ticket being logged to an engineer working on it"
    rows = [
        ("Ref", "Measure", "Essential", "Extended", "Notes"),
        (band, None, None, None, None),
        ("R-01", "Impact 1", "30", "20", "All hours"),
        ("R-02", "Impact 2", "120", "75", "All hours"),
        ("RESTORE | hours until service is restored or a workaround is in place", None, None, None, None),
        ("X-01", "Impact 1", "8", "5", "Clock stops on hold"),
        ("X-02", "Impact 2", "16", "10", "Clock stops on hold"),
    ]  # fmt: skip
    items = [
        ("p", "Exported from the pricing workbook."),
        ("table", rows, [72, 130, 220, 290, 360], {"bands": (1, 4), "pitch": 14}),
    ]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "bands.pdf", [items]))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.header == rows[0]
    assert [t.rows[i][0] for i in t.subheader_rows] == [band, rows[4][0]]
    assert t.rows[1] == rows[2] and t.rows[-1] == rows[-1]


def test_a_long_plain_line_inside_an_unruled_table_still_ends_it(tmp_path):
    rows = [
        ("Ref", "Measure", "Essential", "Extended", "Notes"),
        ("R-01", "Impact 1", "30", "20", "All hours"),
        ("R-02", "Impact 2", "120", "75", "All hours"),
        ("R-03", "Impact 3", "240", "150", "Business hours"),
    ]
    prose = "Figures are contractual at the level the Commission selects, as the letter says."
    items = [
        ("table", rows, [72, 130, 220, 290, 360], {"pitch": 14}),
        ("table", [(prose, None, None, None, None)], [72, 130, 220, 290, 360], {"bold": 0}),
    ]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "prose.pdf", [items]))
    assert [t.rows[-1][0] for t in doc.tables] == ["R-03"]
    assert any(b.text.startswith("Figures are contractual") for b in doc.blocks)


PAIRED = [
    ("", "Response (minutes)", "", "Restoration (hours)", ""),
    ("Severity", "Target", "Guaranteed", "Target", "Guaranteed"),
    ("1", "10", "30", "2", "6"),
    ("2", "30", "60", "4", "12"),
]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_a_group_label_heads_each_repeated_sub_column_up_to_the_next(tmp_path, ruled):
    """ "Response (minutes)" drawn over the first of "Target | Guaranteed" heads both: the
    sub-labels repeat under each group, so the blank beside the label is the group's."""
    items = [
        ("h2", "Service levels"),
        ("table", PAIRED, [72, 150, 240, 330, 420], {"ruled": ruled, "bold": 2}),
    ]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "t.pdf", [items]))
    assert doc.tables[0].header == (
        "Severity",
        "Response (minutes) Target",
        "Response (minutes) Guaranteed",
        "Restoration (hours) Target",
        "Restoration (hours) Guaranteed",
    )


def test_a_blank_over_a_sub_column_of_its_own_stays_blank(tmp_path):
    rows = [
        ("", "Response (minutes)", ""),
        ("Severity", "Target", "Notes"),
        ("1", "10", "on site"),
        ("2", "30", "remote"),
    ]
    items = [("h2", "Service levels"), ("table", rows, [72, 150, 240], {"ruled": True, "bold": 2})]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "t.pdf", [items]))
    assert doc.tables[0].header == ("Severity", "Response (minutes) Target", "Notes")


@pytest.mark.parametrize(
    "ends, expected",
    [
        ("we commit to the following, by the impact you report:",
         "Whatever reaches the desk, we commit to the following, by the impact you report:"),
        # a paragraph that introduces nothing: the list follows the line right above it
        ("we answer every call.", "Acme IT | offer 031 for Harbor Point"),
    ],
)  # fmt: skip
def test_a_list_after_a_page_break_keeps_the_lead_in_the_page_before_ended_on(
    tmp_path, ends, expected
):
    """A line that opens the next page ("Acme IT | offer 031 for Harbor Point", a header only
    that page carries) stands between a lead-in and its list; the list still follows it."""
    pages = [
        [("h2", "Service levels"), ("p", f"Whatever reaches the desk, {ends}")],
        [("p", "Acme IT | offer 031 for Harbor Point"),
         ("li", "-", "Plant-wide - within 20 minutes"), ("li", "-", "Department - within 1 hour")],
    ]  # fmt: skip
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "l.pdf", pages))
    items = [b for b in doc.blocks if b.item]
    assert [b.lead_in for b in items] == [expected, expected]


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "Fees: (a) EUR 40 per device a month; (b) EUR 90 per server a month;",
            "(c) EUR 120 an hour.",
        ),
        (
            "The Provider shall repair the fault within: (a) eight (8) hours; (b) one day;",
            "(c) three (3) working days.",
        ),
        ("Response within: (1) 30 minutes for outages; (2) 2 hours for faults;", "(3) one day."),
    ],
)
def test_an_inline_run_of_items_goes_on_over_a_line_break(tmp_path, first, second):
    """The next mark of a run the sentence writes inline opens no list of its own."""
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "r.pdf", [[("p", f"{first}\n{second}")]]))
    assert [b.text for b in doc.blocks] == [f"{first} {second}"]
    assert not any(b.item for b in doc.blocks)


def test_a_list_after_a_finished_sentence_still_opens_items(tmp_path):
    """(A guard: a run's mark after a full stop, or a mark that is not the next one, starts a
    list as before.)"""
    text = "We will: (a) answer calls; (b) fix faults.\n(c) Reports are monthly."
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "g.pdf", [[("p", text)]]))
    assert len(doc.blocks) == 2


@pytest.mark.parametrize(
    "wrapped",
    [
        "1) Emergency (line stop): we call back within 1 hour and an engineer is on\nsite "
        "within 2 hours.",
        "6) Office hours for calls and visits: Monday to Friday 09:00-18:00, Saturday\n"
        "09:00-13:00.",
    ],
)
def test_a_line_set_like_a_heading_whose_sentence_runs_on_is_text(tmp_path, wrapped):
    """Conditions printed in the heading's type: the first line runs on into the second, in
    the same type and close under it, so both are one paragraph, not a heading over text."""
    terms = "Terms: every order placed under this quotation is subject to our terms of trade."
    path = fx.text_pdf(
        tmp_path / "w.pdf",
        [[terms, terms, "# Service conditions", "# " + wrapped, terms]],
        bold_headings=False,
    )
    doc = ingest.read_pdf(path)
    assert (wrapped.replace("\n", " "), False) in [(b.text, b.heading) for b in doc.blocks]
    assert ("Service conditions", True) in [(b.text, b.heading) for b in doc.blocks]


def test_a_heading_over_its_paragraph_stays_a_heading(tmp_path):
    path = fx.text_pdf(tmp_path / "h.pdf", [["# Service levels", "we answer within 1 hour."]])
    doc = ingest.read_pdf(path)
    assert [(b.text, b.heading) for b in doc.blocks] == [
        ("Service levels", True),
        ("we answer within 1 hour.", False),
    ]
