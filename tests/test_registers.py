"""Tables and lists that name their rows, levels and columns in the shapes of other trades:
a register's codes, a specification's clause numbers, a tech pack's "Spec" column, a
compliance form's "Value offered", levels named by when they are worked, and figures set
beside the offer as what was measured."""

from __future__ import annotations

from dataclasses import replace

import pytest

from msp_select import models
from msp_select.extract import extract_vendor, priorities, quantities
from tests.extract_helpers import document, found, table


def _read(header, rows, *paragraphs):
    doc = document(*paragraphs, tables=(table(header, rows),))
    return {(c.category, c.scope, c.value, c.unit) for c in extract_vendor("v", [doc]).commitments}


def _criteria(*paragraphs: str) -> set[str]:
    """The team-fit criteria the paragraphs give evidence of."""
    return {e.criterion for e in extract_vendor("v", [document(*paragraphs)]).criteria_evidence}


def _flags(*paragraphs: str) -> set[str]:
    """The risk flags the paragraphs raise."""
    return {f.flag for f in extract_vendor("v", [document(*paragraphs)]).risk_flags}


TECH_PACK = ["POM", "Point of measure", "Unit", "Spec", "Tol.", "Measured by"]


@pytest.mark.parametrize(
    "rows, expected",
    [
        # codes of several series ("R-1" response, "F-1" fix, "S-1" security): the description
        # names the row, though "S-1" alone reads as a severity
        (
            [
                ["R-1", "Response - Critical defect", "min", "15", "nil", "ticket tool"],
                ["R-2", "Response - Major defect", "min", "30", "nil", "ticket tool"],
                ["F-1", "Fix - Critical defect", "h", "4", "nil", "ticket tool"],
                ["S-1", "Critical security patch installed", "days", "7", "nil", "patch report"],
                ["U-1", "Uptime - ERP servers", "% per month", "99.8", "nil", "NOC"],
            ],
            {
                ("response_time", "P1", 15.0, "minute"),
                ("response_time", "P2", 30.0, "minute"),
                ("resolution_time", "P1", 240.0, "minute"),
                ("patch_window", "all", 7.0, "day"),
                ("availability", "all", 99.8, "percent"),
            },
        ),
    ],
)
def test_a_registers_codes_leave_the_row_to_its_description(rows, expected):
    assert _read(TECH_PACK, rows) == expected


def test_a_spec_column_alone_is_the_vendors_own_and_no_plan():
    rows = [
        ["R-1", "Response - Critical defect", "min", "15", "nil", "ticket tool"],
        ["R-2", "Response - Major defect", "min", "30", "nil", "ticket tool"],
    ]
    doc = document(tables=(table(TECH_PACK, rows),))
    got = {(c.category, c.value, c.tier) for c in extract_vendor("v", [doc]).commitments}
    assert got == {("response_time", 15.0, ""), ("response_time", 30.0, "")}
    # beside a column of the vendor's own figures, the specification is what it answers
    header = ["Measure", "Specification", "Our offer"]
    rows = [
        ["Response time, Critical (minutes)", "30", "15"],
        ["Response time, High (minutes)", "60", "30"],
    ]
    assert _read(header, rows) == {
        ("response_time", "P1", 15.0, "minute"),
        ("response_time", "P2", 30.0, "minute"),
    }


@pytest.mark.parametrize(
    "labels, expected",
    [
        (("Response - Critical", "Response - High"), {("P1", 15.0), ("P2", 30.0)}),
        (("Response: Critical", "Response: High"), {("P1", 15.0), ("P2", 30.0)}),
        (("Response - Red", "Response - Amber"), {("P1", 15.0), ("P2", 30.0)}),
        # "Response:" opening an answer still names no response time
        (("Response: We comply in full", "Response: Our engineers attend"), set()),
    ],
)
def test_a_measure_named_for_a_level_is_no_answer(labels, expected):
    rows = [[labels[0], "15"], [labels[1], "30"]]
    got = _read(["Measure", "Minutes"], rows)
    assert {(s, v) for c, s, v, _ in got if c == "response_time"} == expected


COMPLIANCE = ["TdR", "Requirement", "TdR minimum", "Value offered", "Complies", "Improves"]


def test_beside_the_value_offered_a_column_of_figures_is_the_requirement():
    rows = [
        ["6.1", "Critical (Critica): dispatch stopped, first response (minutes)", "30", "20", "[X]", "[X]"],
        ["6.3", "Availability in the month, mine network core", "99.5 %", "99.7 %", "[X]", "[X]"],
    ]  # fmt: skip
    assert _read(COMPLIANCE, rows) == {
        ("response_time", "P1", 20.0, "minute"),
        ("availability", "all", 99.7, "percent"),
    }


@pytest.mark.parametrize(
    "header, rows, expected",
    [
        # a plan marked "(proposed)" is one of several the client may choose
        (
            ["", "Foyer", "Circle (proposed)", "Gallery"],
            [["First response, minutes", "30", "15", "10"]],
            {15.0, 30.0, 10.0},
        ),
        # "we" alone calls no column the offer
        (
            ["", "eMAR and rostering (hosted)", "Everything else we host"],
            [["First response, minutes", "15", "60"]],
            {15.0, 60.0},
        ),
    ],
)
def test_plans_and_scopes_beside_a_marked_column_stay_the_vendors(header, rows, expected):
    assert {v for _, _, v, _ in _read(header, rows)} == expected


def test_a_records_field_is_no_offer_column():
    header = ["Number", "CNT0004127", "State", "Draft - proposed to customer"]
    rows = [
        ["Term (months)", "36", "Currency", "PLN (net)"],
        ["Termination notice (days)", "90", "Price change notice (days)", "60"],
    ]
    got = _read(header, rows)
    assert ("contract_term", "all", 36.0, "month") in got
    assert ("termination_notice", "all", 90.0, "day") in got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tk 1,480 per device", (1480.0, "BDT")),
        ("Tk. 2,20,000", (220000.0, "BDT")),
        ("S/ 12,500.00", (12500.0, "PEN")),
        ("S/. 92.50", (92.5, "PEN")),
        ("$U 12.500", (12500.0, "UYU")),
        ("U$S 1,200", (1200.0, "USD")),
        ("QR 9,500", (9500.0, "QAR")),
        # dinars count to three decimals: "31.750" is 31 dinars 750 fils
        ("KWD 31.750", (31.75, "KWD")),
        ("KD 12,750.000", (12750.0, "KWD")),
        ("EUR 31.750", (31750.0, "EUR")),
        ("NRs. 7,95,000", (795000.0, "NPR")),
        ("NRs 1,900", (1900.0, "NPR")),
        ("RO 22.400 per device", (22.4, "OMR")),
        ("R.O. 4,500.000", (4500.0, "OMR")),
    ],
)
def test_local_currency_signs(text, expected):
    (q,) = quantities.find_money(text)
    assert (q.value, q.unit) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the S/N 12345 on the label",
        "in reply to enquiry WSS/IT/2027/05",
        "QR code 12 on each asset",
    ],
)
def test_a_reference_or_serial_number_is_no_amount(text):
    assert quantities.find_money(text) == []


def test_a_column_of_bare_amounts_in_dinars_counts_fils():
    header = ["Item", "Unit", "Price (KWD)"]
    rows = [
        ["Managed user", "per user per month", "31.750"],
        ["Onboarding", "one-time", "1,250.500"],
    ]
    assert {(s, v, u) for c, s, v, u in _read(header, rows) if c == "price"} == {
        ("per_user", 31.75, "KWD/month"),
        ("onboarding", 1250.5, "KWD"),
    }


def test_a_budgets_partial_column_is_the_line_total():
    header = ["Item", "Description", "Unit", "Quantity", "Price S/.", "Partial S/."]
    rows = [
        ["01.01", "Managed end-user device: desk and field support", "dev-month", "1,050.00", "84.60", "88,830.00"],
        ["01.02", "Managed server", "srv-month", "38.00", "415.00", "15,770.00"],
    ]  # fmt: skip
    assert {(s, v, u) for c, s, v, u in _read(header, rows) if c == "price"} == {
        ("per_device", 84.6, "PEN/month"),
        ("per_device", 415.0, "PEN/month"),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Availability of the WMS: 99.5% of each calendar month (2026 actual: 99.71%; March"
            " 2027: 98.9%).",
            [99.5],
        ),
        ("At least 85% of users satisfied in the yearly survey (2026: 81%).", [85.0]),
        ("An engineer responds to a Sev 1 within 20 minutes (today: 60 minutes).", [20.0]),
        # a target stated by year is the offer
        ("Availability targets: 2027: 99.5%; 2028: 99.8%.", [99.5, 99.8]),
    ],
)
def test_what_was_measured_beside_the_offer_is_no_commitment(sentence, expected):
    assert sorted(f[2] for f in found(sentence)) == sorted(expected)


@pytest.mark.parametrize(
    "items",
    [
        [
            "- Now (a site or the gate cannot work): 1 hour",
            "- Today (a team is blocked, or a workaround exists): 2 hours",
            "- This week (one person or one device): 8 business hours",
            "- Planned (requests, new users, moves): 3 business days",
        ],
        # labels in another language, glossed in English
        [
            "- Hadisi / Avasaram (Urgent): thirty (30) minutes, day or night.",
            "- Vadagath / Mukkiyam (Important): one hour, day or night.",
            "- Saamanya / Saatharanam (Normal): four (4) working hours.",
        ],
        [
            "- Stop (the whole plant is down): 1 hour",
            "- Slow (a line is degraded): 2 hours",
            "- One (a single user): 8 business hours",
        ],
    ],
)
def test_levels_named_by_when_they_are_worked_rank_by_the_harm_they_gloss(items):
    lead = "We start working on your tickets within these times:"
    got = [(f[0], f[1]) for f in found(lead, *items)]
    assert got == [("response_time", f"P{i}") for i in range(1, len(items) + 1)]


@pytest.mark.parametrize(
    "lead, items, heading",
    [
        (
            "We will answer and restore as follows:",
            [
                "- Urgent (a floor stopped): within 30 minutes, back within 4 hours.",
                "- Quick (production at risk): within 1 hour, back within 12 hours.",
                "- Normal (one user or one device): within 4 working hours, back within 3 working days.",
            ],
            "",
        ),
        (
            "Response and resolution, by class:",
            [
                "- Class 1 - within 30 minutes, then 4 hours.",
                "- Class 2 - within 1 hour, then 12 hours.",
                "- Class 3 - within 4 hours, then 3 business days.",
            ],
            "",
        ),
        # the heading names the two clocks
        (
            "After your call to the hotline:",
            [
                "- Class 1: call back within 30 minutes, done within 4 hours.",
                "- Class 2: call back within 1 hour, done within 12 hours.",
                "- Class 3: attended within 4 hours, done within 3 business days.",
            ],
            "Attendance and repair times",
        ),
    ],
)
def test_a_lead_in_naming_two_clocks_names_each_items_figures_in_turn(lead, items, heading):
    got = sorted((f[0], f[1], f[2]) for f in found(lead, *items, heading=heading))
    assert got == [
        ("resolution_time", "P1", 240.0),
        ("resolution_time", "P2", 720.0),
        ("resolution_time", "P3", 1440.0),
        ("response_time", "P1", 30.0),
        ("response_time", "P2", 60.0),
        ("response_time", "P3", 240.0),
    ]


@pytest.mark.parametrize(
    "items",
    [
        # one figure per level for two levels: the lead-in's first clock
        ["- P1 - 15 minutes, P2 - 1 hour."],
        # one figure of each kind: the first clock
        ["- Urgent: within 1 hour.", "- Normal: within 4 hours."],
    ],
)
def test_a_lead_in_naming_two_clocks_leaves_a_single_clock_to_the_first(items):
    got = {f[0] for f in found("We will answer and restore as follows:", *items)}
    assert got == {"response_time"}


@pytest.mark.parametrize(
    "items, expected",
    [
        (
            [
                "- Emergency breakdown (a server or the network down): we call back within 30 minutes and repair within 8 hours.",
                "- Breakdown (one PC or printer): we call back within 2 hours and repair within 2 business days.",
                "- Routine service (moves, new users): we call back within 8 hours and repair within 3 business days.",
            ],
            ["P1", "P1", "P2", "P2", "P3", "P3"],
        ),
        # the named levels out of the list's order: the names rank them
        (
            [
                "- Low (one user): we call back within 30 minutes and repair within 8 hours.",
                "- Breakdown (one PC or printer): we call back within 2 hours and repair within 2 business days.",
                "- Critical (a site down): we call back within 8 hours and repair within 3 business days.",
            ],
            None,
        ),
    ],
)
def test_a_level_the_scheme_words_leave_unnamed_sits_where_the_list_puts_it(items, expected):
    got = [(f[1], f[2]) for f in found("After your call:", *items)]
    if expected:
        assert sorted(scope for scope, _ in got) == expected
    else:  # (the middle level keeps no rank)
        assert {scope for scope, value in got if value in (120.0, 960.0)} == {"all"}


@pytest.mark.parametrize(
    "header, expected",
    [
        # an offer dated beside the final one is the offer as it stood, since withdrawn
        (["No.", "Item", "Offer of 14/04/2027", "Best and final offer"], {31.75, 15.0}),
        (["No.", "Item", "First offer", "Revised offer"], {31.75, 15.0}),
        # alone, the dated offer is the offer
        (["No.", "Item", "Offer of 14/04/2027"], {36.5, 20.0}),
    ],
)
def test_a_withdrawn_or_dated_offer_beside_the_final_one_is_no_commitment(header, expected):
    rows = [
        ["1", "Fee per named user, monthly", "KWD 36.500", "KWD 31.750"],
        ["4", "Severity 1 response", "twenty (20) minutes", "fifteen (15) minutes"],
    ]
    rows = [r[: len(header)] for r in rows]
    assert {v for _, _, v, _ in _read(header, rows)} == expected


@pytest.mark.parametrize(
    "header",
    [["Control", "Test performed", "Result"], ["Control", "Test", "Findings"], ["Time", "Event"]],
)
def test_what_an_auditor_found_or_a_log_records_is_no_commitment(header):
    rows = [
        ["Incidents are answered", "Inspected 40 tickets", "one S1 engaged in 41 minutes (exception)"],
        ["Availability", "Inspected monthly reports", "Lowest month 99.93%; no exception"],
    ]  # fmt: skip
    rows = [[r[0], *r[len(r) - len(header) + 1 :]] for r in rows]
    assert _read(header, rows) == set()


@pytest.mark.parametrize(
    "header, expected",
    [
        # of dated versions of one offer, the latest binds
        (["Term", "Our tender (16/06/2027)", "Agreed and accepted (04/07/2027)"], {229.0, 15.0}),
        (["Term", "Accepted (2027-07-04)", "Tender (2027-06-16)"], {249.0, 30.0}),
        # columns dated as the start of a period price each period
        (["Term", "From 01/09/2027", "From 01/09/2028"], {249.0, 229.0, 30.0, 15.0}),
    ],
)
def test_of_dated_versions_of_an_offer_the_latest_binds(header, expected):
    rows = [
        ["Fee per managed device, monthly", "QAR 249.00", "QAR 229.00"],
        ["P1 response (minutes)", "30", "15"],
    ]
    assert {v for _, _, v, _ in _read(header, rows)} == expected


@pytest.mark.parametrize(
    "paragraphs, heading",
    [
        # a review asks what happened, and tells it in the past
        (
            ["Why did the first response take 88 minutes? The desk closed and nobody was phoned."],
            "",
        ),
        (["Why were 3 hours 40 minutes of data lost? Backups ran every 4 hours."], ""),
        # a section on what went well and what did not tells what happened
        (
            ["No desk at night; the alert sat in a queue for four hours."],
            "5. What went well and what did not",
        ),
        (["Restores took 6 hours because the runbook was out of date."], "Lessons learned"),
    ],
)
def test_a_review_of_what_happened_is_no_commitment(paragraphs, heading):
    assert found(*paragraphs, heading=heading) == []


def test_a_reviews_went_well_table_holds_no_commitment_in_words_or_figures():
    header = ["Went well", "Did not go well"]
    rows = [
        [
            "The rollback worked at the first attempt.",
            "No desk at night; the alert sat in a queue.",
        ],
        ["The logs let us rebuild every movement.", "Four hours of data at risk by design."],
    ]
    assert _read(header, rows) == set()


def test_a_header_that_declares_the_scale_counts_it_upwards():
    header = [
        "Severity (4 is the most severe, as clause 4.1 defines)",
        "A technician works on the incident within",
    ]
    rows = [
        ["Severity 4 - the plant is stopped", "25 minutes, at any hour"],
        ["Severity 3 - an area is degraded", "1 hour"],
        ["Severity 1 - a request", "next business day"],
    ]
    got = {(s, v) for c, s, v, _ in _read(header, rows) if c == "response_time"}
    assert got == {("P1", 25.0), ("P2", 60.0), ("P4", 480.0)}


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("One technician is on site on the day shift (07:00-19:00) and one on the night shift (19:00-07:00), every day of the year.", "24x7"),
        ("Engineers work on site in three shifts, 06:00-14:00, 14:00-22:00 and 22:00-06:00.", "24x7"),
        # shifts on weekdays only, or a day with a gap, are no round-the-clock cover
        ("Engineers are on site 07:00-19:00 and 19:00-23:00, Monday to Friday.", "business_hours"),
        ("Engineers are on site 07:00-12:00 and 13:00-18:00.", "business_hours"),
    ],
)  # fmt: skip
def test_shifts_that_cover_the_whole_day_are_round_the_clock_cover(sentence, unit):
    got = {f[3] for f in found(sentence) if f[0] == "support_hours"}
    assert got == {unit}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a share of the fee owed for each level missed is a credit scheme, whatever its name
        ("5% of the month's fee for each Critical defect fixed over spec, capped at 15% of the month's fee.", [15.0]),
        ("Claims: 5% of the monthly fee for each late fix, up to 15% of the monthly fee.", [15.0]),
        # a late payment, or a fee per site, is no credit
        ("Late payment: 1.5% of the invoice for each month paid late.", []),
        ("The fee rises by 5% for each additional site, up to 15%.", []),
    ],
)  # fmt: skip
def test_a_share_of_the_fee_owed_for_each_miss_is_a_credit(sentence, expected):
    assert [f[2] for f in found(sentence) if f[0] == "service_credit"] == expected


COMPLIANCE_ROWS = [
    ["R8", "The Bank tests its business continuity plan at least once a year.", "Sch. 2",
     "At most fifteen (15) minutes of data lost (RPO), and the core banking platforms running"
     " at the recovery site within two (2) hours of invocation (RTO)."],
    ["R9", "The Bank reviews the provider's performance.", "7",
     "A monthly service review with the Bank's Head of IT, and an engineer on site within four"
     " (4) hours of a call."],
]  # fmt: skip


@pytest.mark.parametrize(
    "header",
    [
        ["Ref.", "The Bank's obligation (summary)", "Clause", "How the draft agreement meets it"],
        ["Ref.", "Obligation", "Clause", "Answer"],
    ],
)
def test_a_compliance_matrixs_columns_and_rows_of_sentences_are_no_plans(header):
    """The requirement and the answer are sentences: no plan's name or terms, so no figure
    gets a tier; and a measure's short name in brackets ("(RTO)") names the figure before it."""
    doc = document(tables=(table(header, COMPLIANCE_ROWS),))
    got = extract_vendor("v", [doc]).commitments
    assert {(c.category, c.value) for c in got} >= {
        ("rpo", 15.0),
        ("rto", 120.0),
        ("review_cadence", 30.0),
        ("response_time", 240.0),
    }
    assert {c.tier for c in got} == {""}


def test_plans_side_by_side_with_short_terms_keep_their_tiers():
    rows = [["Priority 1 response", "1 hour", "15 minutes"], ["Availability", "99.5%", "99.9%"]]
    doc = document(tables=(table(["Service", "Bronze", "Gold"], rows),))
    got = extract_vendor("v", [doc]).commitments
    assert {c.tier for c in got} == {"Bronze", "Gold"}


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("Platforms running within two (2) hours of invocation (RTO).", {("rto", 120.0)}),
        # an aside that says something else about the figure leaves it to the column
        ("4 hours (restore tested twice a year)", {("response_time", 240.0)}),
    ],
)
def test_a_measures_short_name_in_brackets_names_a_cells_figure(cell, expected):
    got = _read(["Item", "Response"], [["Service desk", cell]])
    assert {(c, v) for c, _, v, _ in got} == expected


@pytest.mark.parametrize(
    "client, expected", [("MUR", "MUR/month"), ("LKR", "LKR/month"), ("", "INR/month")]
)
@pytest.mark.parametrize("declared", ["All amounts are in rupees.", ""])
@pytest.mark.parametrize("sign", ["Rs excl. VAT", "Rs, excluding VAT", "Rs per month"])
def test_amounts_in_a_shared_sign_are_in_the_clients_currency(client, expected, declared, sign):
    """ "Rs excl. VAT" over bare amounts, or "all amounts in rupees": the rupees of the client's
    country where the client pays in one of the currencies that write them so."""
    header = ["Item", "Unit", sign]
    rows = [["Managed server", "server/month", "6,200.00"]]
    doc = document(*([declared] if declared else []), tables=(table(header, rows),))
    got = extract_vendor("v", [doc], currency=client).commitments
    assert [(c.value, c.unit) for c in got if c.category == "price"] == [(6200.0, expected)]


@pytest.mark.parametrize(
    "labels, expected",
    [
        (
            ["First-degree Incident", "Second-degree Incident", "Third-degree Incident"],
            ["P1", "P2", "P3"],
        ),
        (["Priority One", "Priority Two", "Priority Three"], ["P1", "P2", "P3"]),
        # rungs of a support ladder are no ticket levels
        (["First-line support", "Second-line support", "Third-line support"], [None, None, None]),
    ],
)
def test_levels_counted_in_words_rank_as_their_numbers(labels, expected):
    assert priorities.scheme_scopes(labels) == expected


@pytest.mark.parametrize(
    "restoration",
    ["Restoration - hours (Minor and Request in business hours)", "Restoration - hours"],
)
def test_levels_a_sub_header_notes_leave_each_column_its_own_level(restoration):
    header = ["Para", "Measure", "Critical", "Major", "Minor", "Request"]
    rows = [
        ["Response - minutes from the call", "", "", "", "", ""],
        ["2.1", "Response", "30", "60", "240", "480"],
        [restoration, "", "", "", "", ""],
        ["2.2", "Restoration", "4", "8", "24", "40"],
    ]
    got = {(c, s, v) for c, s, v, _ in _read(header, rows) if c == "resolution_time"}
    assert got == {
        ("resolution_time", "P1", 240.0),
        ("resolution_time", "P2", 480.0),
        ("resolution_time", "P3", 1440.0),
        ("resolution_time", "P4", 2400.0),
    }


@pytest.mark.parametrize(
    "third, tiers",
    [
        ("Industry (any number, shift sites)", {"Start", "Business", "Industry"}),
        ("Market", {"Start", "Business", "Market"}),
        # an industry's or a market's figure is no plan
        ("Industry average", {"Start", "Business"}),
        ("Market median", {"Start", "Business"}),
    ],
)
def test_a_plan_named_like_an_industry_figure_is_still_a_plan(third, tiers):
    header = ["Parameter", "Start (up to 30 seats)", "Business (up to 150 seats)", third]
    rows = [["Reaction, minutes", "", "", ""], ["Urgent", "120", "60", "30"]]
    doc = document(tables=(table(header, rows),))
    got = extract_vendor("v", [doc]).commitments
    assert {c.tier for c in got} == tiers


LOGFRAME = ["No.", "Narrative summary and indicator", "Baseline (FY 2082/83)",
            "Target (from Shrawan 2084)", "Means of verification"]  # fmt: skip
LOGFRAME_ROWS = [
    ["P", "Availability of each link and control-room network", "99.71%", "99.9% each month", "NOC report"],
    ["1.1", "Grid-critical: an engineer working on the fault", "52 minutes on average", "20 minutes, day or night", "Ticket log"],
    ["1.2", "Grid-critical: service restored", "5 h 10 min on average", "4 hours, every fault", "Ticket log"],
    ["1.3", "Plant-critical: an engineer working on the fault", "1 h 35 min", "1 hour, day or night", "Ticket log"],
    ["1.4", "Plant-critical: service restored", "9 h on average", "10 hours", "Ticket log"],
    ["1.5", "Office-critical: an engineer working on it", "not measured", "4 office hours", "Ticket log"],
    ["A.2", "Transition: discovery, two weeks of shadowing, cut-over", "-", "within 45 days of signing", "Acceptance note"],
]  # fmt: skip
SCHEME = (
    "We class every fault by its effect, most urgent first: Grid-critical (a grid link down),"
    " Plant-critical (a plant's office network down), Office-critical (one user) and Routine"
    " (requests)."
)


@pytest.mark.parametrize(
    "declared, strength",
    [
        (
            "The target beside each indicator is a service level that we will sign as Annex 3.",
            "binding",
        ),
        ("All targets in this framework are contractual.", "binding"),
        # no declaration, or one that denies it: a target is an aim
        ("", "soft"),
        ("The targets are not binding.", "soft"),
    ],
)
def test_a_logframe_reads_its_targets_by_the_documents_own_scheme(declared, strength):
    """The baseline is what was measured; the target is the offer, binding where the document
    says its targets are; "Grid-critical", "Plant-critical" and "Office-critical" share the
    word "critical" and rank by the document's own scheme; a description with a figure of its
    own ("two weeks of shadowing") still names its row."""
    doc = document(*[p for p in (declared, SCHEME) if p], tables=(table(LOGFRAME, LOGFRAME_ROWS),))
    got = extract_vendor("v", [doc]).commitments
    assert {(c.category, c.scope, c.value) for c in got} == {
        ("availability", "all", 99.9),
        ("response_time", "P1", 20.0),
        ("resolution_time", "P1", 240.0),
        ("response_time", "P2", 60.0),
        ("resolution_time", "P2", 600.0),
        ("response_time", "P3", 240.0),
        ("onboarding_duration", "all", 45.0),
    }
    assert {c.strength for c in got if c.category != "onboarding_duration"} == {strength}


@pytest.mark.parametrize(
    "sentence",
    [
        "Monthly Fee (Cl. 13): RO 22.400 per managed device; RO 88.000 per server",
        "Monthly fee: OMR 22.400 per device, OMR 88.000 per server.",
    ],
)
def test_a_title_gives_its_billing_period_to_every_amount_after_it(sentence):
    got = {(c, s, v, u) for c, s, v, u, *_ in found(sentence)}
    assert got == {
        ("price", "per_device", 22.4, "OMR/month"),
        ("price", "per_device", 88.0, "OMR/month"),
    }


def test_a_title_without_a_period_gives_none():
    assert found("Fees: OMR 22.400 per device; OMR 88.000 per server.") == []


@pytest.mark.parametrize(
    "box",
    [
        "Response - MAYDAY and PAN-PAN (Cl. 6): MAYDAY: 20 minutes; PAN-PAN: 30 minutes; at all hours",
        "Response for MAYDAY and PAN-PAN: 20 minutes for MAYDAY, 30 minutes for PAN-PAN.",
    ],
)
def test_a_title_naming_two_levels_leaves_each_figure_the_level_beside_it(box):
    scheme = (
        "Incident categories, most urgent first: MAYDAY - Terminal stopped; PAN-PAN - a berth"
        " stopped; SECURITE - one machine; ROUTINE - a request."
    )
    got = {(c, s, v) for c, s, v, *_ in found(scheme, box)}
    assert got == {("response_time", "P1", 20.0), ("response_time", "P2", 30.0)}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Urgent means a branch is limping: thirty minutes to an engineer, eight hours to fixed.",
            [("response_time", 30.0), ("resolution_time", 480.0)],
        ),
        (
            "Two hours to a technician, two business days to fixed.",
            [("response_time", 120.0), ("resolution_time", 960.0)],
        ),
        # an engineer named elsewhere in the clause is no clock
        ("Calls are passed to an engineer and fixed within 4 hours.", [("resolution_time", 240.0)]),
    ],
)
def test_time_to_an_engineer_is_the_response(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "scheme",
    [
        "We use the four classes of section 5.2 of the RFP, most urgent first: Harvest-critical"
        " - a station cannot weigh; Business-critical - a department impaired; Standard - one"
        " user or one device; Request - a request or a question.",
        "",
    ],
)
def test_levels_sharing_a_word_beside_plain_ones_rank_by_the_scheme_or_in_order(scheme):
    """ "Standard" and "Request" rank below the two "-critical" classes, not first and second
    among themselves, whether the document lists its classes or only its table does."""
    rows = [
        ["Harvest-critical (HC)", "15", "4"],
        ["Business-critical (BC)", "30", "8"],
        ["Standard (ST)", "120", "16"],
        ["Request (RQ)", "next business day", "40"],
    ]
    header = ["Class", "Engineer working (minutes)", "Service restored (hours)"]
    doc = document(*([scheme] if scheme else []), tables=(table(header, rows),))
    got = {(c.category, c.scope, c.value) for c in extract_vendor("v", [doc]).commitments}
    assert {("response_time", "P3", 120.0), ("resolution_time", "P4", 2400.0)} <= got
    assert not {s for _, s, _ in got} & {"all"}


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Contained and service restored", {("resolution_time", "P1", 120.0)}),
        ("Service restored", {("resolution_time", "P1", 120.0)}),
        # containment alone is no restoration
        ("Contained", set()),
    ],
)
def test_a_column_that_contains_and_restores_is_the_restoration(header, expected):
    got = _read(["Impact", header], [["Severe", "within 2 hours"], ["Minor", "within 2 days"]])
    assert {(c, s, v) for c, s, v, _ in got if s == "P1"} == expected


@pytest.mark.parametrize(
    "subheader, row, expected",
    [
        ("Monthly fee - Rs per managed server, excluding VAT", ["Managed server", "6,400"],
         ("price", 6400.0, "MUR/month")),
        ("Minimum term - months", ["Minimum term", "24"], ("contract_term", 24.0, "month")),
        ("Transition - Rs, once", ["Transition charge", "120,000"], ("price", 120000.0, "MUR")),
    ],
)  # fmt: skip
def test_a_sub_header_gives_its_currency_or_unit_after_a_dash(subheader, row, expected):
    sheet = replace(table(["", "Offer"], [[subheader, ""], row]), subheader_rows=(0,))
    doc = document(tables=(sheet,))
    got = extract_vendor("v", [doc], currency="MUR").commitments
    assert [(c.category, c.value, c.unit) for c in got] == [expected]


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Amount (NRs. in lakh)", (560000.0, "NPR/month")),
        ("Amount (USD '000)", (5600.0, "USD/month")),
        ("Amount (EUR, in thousands)", (5600.0, "EUR/month")),
        # no scale: the figure as written
        ("Amount (EUR)", (5.6, "EUR/month")),
    ],
)
def test_a_header_that_counts_in_lakhs_or_thousands_scales_its_amounts(header, expected):
    rows = [["1", "O&M service, per month", "5.60"]]
    got = extract_vendor("v", [document(tables=(table(["S.N.", "Item", header], rows),))])
    assert [(c.value, c.unit) for c in got.commitments] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Recovery: the core system running at the Port of Spain data centre within eight (8)"
            " hours of the Beneficiary's instruction to invoke.",
            [("rto", "all", 480.0, "binding")],
        ),
        (
            "With the optional hot standby in Montego Bay, recovery within two (2) hours instead.",
            [("rto", "all", 120.0, "conditional")],
        ),
        # a level's recovery is its fix
        ("Priority 1: recovery within 4 hours.", [("resolution_time", "P1", 240.0, "binding")]),
    ],
)
def test_recovery_on_invocation_is_the_recovery_time(sentence, expected):
    assert [(c, s, v, st) for c, s, v, _, st, _ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, cover",
    [
        (
            "Our operations centre watches your systems from 6 a.m. to midnight, every day.",
            "business_hours",
        ),
        ("Our operations centre runs the backups at midnight, every day.", None),
    ],
)
def test_hours_that_end_at_midnight_are_hours_of_cover(sentence, cover):
    got = [(c, s, u) for c, s, _, u, *_ in found(sentence)]
    assert got == ([("support_hours", "noc", cover)] if cover else [])


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("8.1 This Agreement is in force for 36 (thirty-six) months from 01.09.2027.",
         [("contract_term", 36.0)]),
        ("8.2 Either party may withdraw from this Agreement without giving reasons by notifying"
         " the other in writing 90 (ninety) calendar days in advance.", [("termination_notice", 90.0)]),
        ("No more than 15 (fifteen) minutes of the data of the ERP are lost in a failure.",
         [("rpo", 15.0)]),
        # other notices and other things in force are no contract terms
        ("We notify you of planned maintenance 5 working days in advance.", []),
        ("These prices remain in force for 12 months.", []),
    ],
)  # fmt: skip
def test_terms_written_as_a_civil_law_contract_writes_them(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, security",
    [
        ("Hostyn is certified to ISO 9001 and ISO 14001.", False),
        ("Hudson Lode holds ISO 9001 and ISO 45001 certificates.", False),
        ("Saryarka is certified to ISO 9001:2015 for the management of its service.", False),
        # a security standard beside the quality one still counts
        ("The Contractor holds ISO/IEC 27001:2022 and ISO 9001:2015 certificates.", True),
        ("Northlight is certified to ISO/IEC 27001 and ISO 9001.", True),
        ("We are certified to ISO 27001.", True),
    ],
)
def test_a_quality_or_safety_certificate_is_no_security_certification(sentence, security):
    assert ("security-compliance" in _criteria(sentence)) == security


@pytest.mark.parametrize(
    "sentence, criterion",
    [
        ("At the changeover we write the notices and branch posters that tell the members what"
         " changes and when.", "adoption-communication"),
        ("We train the tellers before the first day.", "adoption-communication"),
        ("We take the service over within 60 days, branch by branch, each after a weekend of"
         " parallel running.", "implementation-plan"),
        ("The cut-over is done site by site over six weeks.", "implementation-plan"),
        # our own people's training and a price notice are neither
        ("Our engineers are trained every year.", None),
        ("We will tell you about any price change 60 days ahead.", None),
    ],
)  # fmt: skip
def test_adoption_and_a_phased_takeover_by_what_they_do(sentence, criterion):
    assert _criteria(sentence) == ({criterion} if criterion else set())


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        # an aim or a target declared no service level carries no credit: that is no SLA
        # without a remedy
        ("This is an aim and carries no service credit.", False),
        ("This target is not a Service Level and earns no credit.", False),
        ("We target 90 % satisfaction in the user survey; the target carries no credit.", False),
        # service levels without credits are, said of them all
        ("Our service levels do not include financial credits.", True),
        ("Restoration targets are not eligible for service credits.", True),
        ("Our service levels are goals for planning and carry no service credit.", True),
        ("These are targets, and we do not offer service credits.", True),
    ],
)
def test_no_credit_on_a_declared_aim_is_no_penalty_gap(sentence, flagged):
    assert ("no-penalty" in _flags(sentence)) == flagged


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        ("The times of items 2.1 to 2.5 stop while a permit-to-work is awaited from the Control Room.", True),
        ("The times of Boxes 12 to 15 are suspended while a crane is kept in operation at the Control Room's request.", True),
        ("We respond at any time and never stop working on a P1 until it is fixed.", False),
    ],
)  # fmt: skip
def test_the_times_of_numbered_items_stopping_is_a_clock_stop(sentence, flagged):
    assert ("clock-stop" in _flags(sentence)) == flagged


@pytest.mark.parametrize(
    "sentence, scope",
    [
        ("Two engineers are on the Terminal on every shift, day and night, every day of the year.", "onsite"),
        ("Our engineers are at the Mill from 07:00 to 19:00, Monday to Saturday.", "onsite"),
        # a desk named with capitals is no site
        ("Our engineers are on the Service Desk 24 hours a day, 7 days a week.", "helpdesk"),
    ],
)  # fmt: skip
def test_engineers_at_the_clients_named_place_are_on_site(sentence, scope):
    assert {s for c, s, *_ in found(sentence) if c == "support_hours"} == {scope}


@pytest.mark.parametrize(
    "sentence, scope",
    [
        ("We run an ICT helpdesk in our Jubail control room, manned 24 hours a day throughout the year.", "helpdesk"),
        ("The service desk answers calls at our operations centre from 8am to 6pm.", "helpdesk"),
        ("Our engineers in the operations centre monitor your servers 24x7.", "noc"),
        # the place alone names the service
        ("We monitor the network from our operations centre 24/7.", "noc"),
    ],
)  # fmt: skip
def test_a_service_sitting_in_another_services_room_keeps_its_cover(sentence, scope):
    assert {s for c, s, *_ in found(sentence) if c == "support_hours"} == {scope}


@pytest.mark.parametrize(
    "proposal, strength",
    [
        ("5.1 Annapurna proposes Alternative B, at a fixed fee of NRs. 5,60,000 a month.", "conditional"),
        ("We recommend Option B.", "conditional"),
        # the alternative proposed, or none proposed: the level stands
        ("5.1 Annapurna proposes Alternative C, at a fixed fee of NRs. 7,40,000 a month.", "binding"),
        ("", "binding"),
    ],
)  # fmt: skip
def test_a_level_under_an_alternative_not_proposed_holds_only_if_chosen(proposal, strength):
    under = "Under Alternative C a Severity 1 fault is restored within 4 hours."
    if "Option" in proposal:
        under = "Under Option C a Severity 1 fault is restored within 4 hours."
    got = found(*[p for p in (proposal, under) if p])
    assert [(c, st) for c, _, _, _, st, _ in got if c == "resolution_time"] == [
        ("resolution_time", strength)
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A Severe incident is contained and service restored within 2 hours.", [("resolution_time", 120.0)]),
        ("A Severe incident is contained within 2 hours.", []),
    ],
)  # fmt: skip
def test_contained_and_restored_in_prose_is_the_restoration(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "scheme",
    [
        "Incident categories (Cl. 5): most urgent first: MAYDAY - Terminal stopped; PAN-PAN - a"
        " berth stopped; SECURITE - one machine; ROUTINE - a request.",
        "Incident categories (HC) - most urgent first: MAYDAY (MD) - Terminal stopped; PAN-PAN (PP)"
        " - a berth stopped; SECURITE (SC) - one machine; ROUTINE (RT) - a request.",
    ],
)
def test_a_scheme_defined_after_a_bracketed_title_ranks_from_its_first_level(scheme):
    """The title that leads into the list is no level of it: MAYDAY is the first."""
    box = "Response - MAYDAY and PAN-PAN: MAYDAY: 20 minutes; PAN-PAN: 30 minutes."
    got = {(c, s, v) for c, s, v, *_ in found(scheme, box)}
    assert got == {("response_time", "P1", 20.0), ("response_time", "P2", 30.0)}


PROTOCOL = [
    "No.",
    "Clause of the draft",
    "Customer's wording",
    "Contractor's wording",
    "Agreed wording",
]


@pytest.mark.parametrize(
    "header, rows, expected",
    [
        # a protocol of disagreements: each party's wording is a position the agreed one settled,
        # and "As in the Contractor's wording" agrees to that party's cell
        (
            PROTOCOL,
            [
                [
                    "1",
                    "4.2 Response, Critical",
                    "Within 15 minutes.",
                    "Within 45 minutes.",
                    "Within 30 minutes.",
                ],
                [
                    "2",
                    "4.2 Response, High",
                    "Within 30 minutes.",
                    "Within 2 hours.",
                    "As in the Contractor's wording.",
                ],
                ["3", "4.8 Availability", "99,9 % a month.", "99,5 % a month.", "99,8 % a month."],
            ],
            {
                ("response_time", "P1", 30.0, "minute"),
                ("response_time", "P2", 120.0, "minute"),
                ("availability", "all", 99.8, "percent"),
            },
        ),
        # a negotiation log in other words: the supplier's and the buyer's positions, the final one
        (
            ["Topic", "Buyer's position", "Supplier's position", "Final position"],
            [
                ["Fix time, Priority 1", "4 hours", "8 hours", "6 hours"],
                ["Fix time, Priority 2", "8 hours", "12 hours", "As per Supplier's position"],
            ],
            {
                ("resolution_time", "P1", 360.0, "minute"),
                ("resolution_time", "P2", 720.0, "minute"),
            },
        ),
        # what follows the reference is read too
        (
            ["Item", "Our proposal", "Agreed text"],
            [
                ["Monthly fee per device", "USD 40", "USD 36"],
                [
                    "Exit assistance",
                    "30 days at the hourly rate",
                    "As in our proposal; free of charge",
                ],
            ],
            {("price", "per_device", 36.0, "USD/month")},
        ),
    ],
)
def test_beside_an_agreed_column_each_partys_version_is_settled(header, rows, expected):
    assert _read(header, rows) == expected


def test_a_verdict_column_that_accepts_settles_nothing():
    # "Accepted (Y/N)" holds no figures: the offer beside it stands
    header = ["Requirement", "Our offer", "Accepted (Y/N)"]
    rows = [["P1 response", "15 minutes", "Y"], ["Uptime", "99.9 %", "Y"]]
    assert _read(header, rows) == {
        ("response_time", "P1", 15.0, "minute"),
        ("availability", "all", 99.9, "percent"),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # what is signed is a month's paperwork: the count does not start the service
        ("Within 20 working days of the signing of the monthly act of services rendered.", set()),
        (
            "Reports are sent within 10 days of the signing of the quarterly acceptance protocol.",
            set(),
        ),
        # the contract signed: a take-over from the start
        (
            "We complete the takeover within 30 days of the signing of the Agreement.",
            {("onboarding_duration", 30.0)},
        ),
        (
            "Handover within 6 weeks of the signing of the managed services agreement.",
            {("onboarding_duration", 42.0)},
        ),
        (
            "The service is set up within 20 days of the signing of the purchase order.",
            {("onboarding_duration", 20.0)},
        ),
        # payment terms, however the verb is put, are no service figure
        ("Payment is due within 30 days of the invoice.", set()),
        ("Payments shall be made within 20 working days of the signing of the Agreement.", set()),
        # a notice before the term ends is no term
        (
            "The Contract is extended for each following year unless a party objects in writing "
            "at least 60 days before it expires.",
            set(),
        ),
    ],
)
def test_a_count_from_a_signing_starts_the_service_only_where_a_contract_is_signed(
    sentence, expected
):
    got = {
        (c.category, c.value)
        for c in extract_vendor("v", [document(sentence)]).commitments
        if c.category in ("onboarding_duration", "contract_term", "termination_notice")
    }
    assert got == expected


OFFER_TABLE = (
    ["Parameter", "Start", "Business", "Industry"],
    [
        ["Urgent response, minutes", "120", "60", "30"],
        ["Workstation, KZT a month", "9900", "12900", "14500"],
    ],
)


@pytest.mark.parametrize(
    "sentence, plans",
    [
        # the document says which plan applies to the client: the others are for comparison
        (
            "For your 540 workstations the Industry tariff applies, as Start and Business are limited "
            "to 30 and 150 workstations.",
            {"Industry"},
        ),
        ("Given the number of your sites, the Business plan is the applicable one.", {"Business"}),
        ("The Start package applies to you.", {"Start"}),
        # no plan named as the one that applies: every plan stands
        (
            "Start and Business are limited to 30 and 150 workstations.",
            {"Start", "Business", "Industry"},
        ),
        (
            "The tariff that applies depends on the number of workstations.",
            {"Start", "Business", "Industry"},
        ),
        ("We recommend the Business plan.", {"Start", "Business", "Industry"}),
        # a plan's own condition, or a plan named in passing, chooses nothing
        ("Start applies to offices of up to 30 workstations.", {"Start", "Business", "Industry"}),
        ("Business is the plan most clients choose.", {"Start", "Business", "Industry"}),
    ],
)
def test_the_plan_said_to_apply_is_the_only_plan_offered(sentence, plans):
    # (the letterhead names the vendor, as every offer does)
    doc = document("Maikuduk IT LLP - public offer", sentence, tables=(table(*OFFER_TABLE),))
    got = {c.tier for c in extract_vendor("v", [doc]).commitments if c.tier}
    assert got == plans


def test_a_plan_named_industry_is_no_industry_figure_in_prose():
    doc = document(
        "On the Industry tariff the Customer may order the duty line 24/7 for KZT 450 000,00 a "
        "month excluding VAT.",
        "The industry average response is 4 hours.",
    )
    got = {(c.category, c.value) for c in extract_vendor("v", [doc]).commitments}
    assert ("price", 450000.0) in got
    assert not any(cat == "response_time" for cat, _ in got)


GTP = [
    "Item (1)",
    "Description (2)",
    "Unit (3)",
    "Requirement (4)",
    "Guaranteed (5)",
    "Remarks (6)",
]


@pytest.mark.parametrize(
    "header",
    [
        GTP,
        # numbered in brackets before the words, or in square brackets
        [
            "(1) Item",
            "(2) Description",
            "(3) Unit",
            "(4) Requirement",
            "(5) Guaranteed",
            "(6) Remarks",
        ],
        [
            "Item [1]",
            "Description [2]",
            "Unit [3]",
            "Requirement [4]",
            "Guaranteed [5]",
            "Remarks [6]",
        ],
    ],
)
def test_a_forms_column_numbers_leave_each_header_its_words(header):
    rows = [
        ["G2.1", "Response, Category 1 (Emergency)", "min", "≤ 15", "10", "at any hour"],
        ["G3.1", "Restoration, Category 1 (Emergency)", "h", "≤ 4", "4", "at any hour"],
        ["G4.1", "Availability of hosted systems, per month", "%", "≥ 99.9", "99.9", ""],
    ]
    assert _read(header, rows) == {
        ("response_time", "P1", 10.0, "minute"),
        ("resolution_time", "P1", 240.0, "minute"),
        ("availability", "all", 99.9, "percent"),
    }


def test_a_unit_that_is_also_a_currency_sign_reads_by_the_figure():
    # "BD" is business days and Bahraini dinars: a figure written as money is money, a
    # count of days is days; a label's own code ("G7.3") prices nothing
    rows = [
        ["G3.3", "Restoration, Category 3", "BD", "≤ 3", "2", ""],
        ["G7.1", "Managed service fee, per named user", "BD/month", "-", "29.750", "excl. VAT"],
        ["G7.3", "Mobilisation", "BD", "-", "12,800.000", "lump sum"],
        ["G7.5", "Mobilisation period", "days", "-", "45", ""],
    ]
    assert _read(GTP, rows) == {
        ("resolution_time", "P3", 960.0, "minute"),
        ("price", "per_user", 29.75, "BHD/month"),
        ("price", "onboarding", 12800.0, "BHD"),
        ("onboarding_duration", "all", 45.0, "day"),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the client, named by its initials, states what it requires: no commitment
        (
            "APA requires recovery within 4 h. Zallaq guarantees recovery within 6 h.",
            {("rto", 360.0, "provider")},
        ),
        (
            "Awal Primary Aluminium asked for a response within 15 minutes; we respond within 10.",
            {("response_time", 10.0, "provider")},
        ),
        # the client's own duty is still read, as the client's
        ("APA's team answers our call within 15 minutes.", {("response_time", 15.0, "client")}),
    ],
)
def test_what_the_client_by_name_requires_is_no_commitment(sentence, expected):
    doc = document("Zallaq Engineering W.L.L. - offer to Awal Primary Aluminium (APA)", sentence)
    got = extract_vendor("zallaq", [doc], shared_clients=["Awal Primary Aluminium"]).commitments
    assert {(c.category, c.value, c.party) for c in got} == expected


@pytest.mark.parametrize(
    "sentence, scope",
    [
        # engineers who live at the client's site are on site
        ("Engineers resident at Askar: two per shift, 24/7.", "onsite"),
        ("A resident engineer is on duty 24/7.", "onsite"),
        ("Two technicians stationed at the Smelter cover every shift, 24/7.", "onsite"),
        # where the engineers are based is no cover at the client's site
        ("Our service desk answers 24/7 from Manama.", "helpdesk"),
    ],
)
def test_engineers_resident_at_the_site_are_on_site(sentence, scope):
    got = {c.scope for c in extract_vendor("v", [document(sentence)]).commitments}
    assert got == {scope}


def test_a_unit_columns_words_state_no_cover():
    # "business days" says what the row's figures count, not when a desk is open
    header = ["Item", "Description", "Unit", "Requirement", "Guaranteed"]
    rows = [
        ["G3 Restoration of service", "", "", "", ""],
        ["G3.1", "Restoration, Category 1 (Emergency)", "h", "≤ 4", "4"],
        ["G3.3", "Restoration, Category 3 (Normal)", "business days", "≤ 3", "2"],
    ]
    doc = document(tables=(replace(table(header, rows), subheader_rows=(0,)),))
    got = {(c.category, c.scope, c.value) for c in extract_vendor("v", [doc]).commitments}
    assert got == {("resolution_time", "P1", 240.0), ("resolution_time", "P3", 960.0)}


@pytest.mark.parametrize(
    "rows, expected",
    [
        # a one-letter sign in a header is too short to tell ("Amount (K)"): the document's
        # declared currency prices the column, row by row through its basis cells
        (
            [["Server", "per server, per month", "1,950.00"]],
            ("price", "per_device", 1950.0, "ZMW/month"),
        ),
        ([["Engineer hour", "per hour", "650.00"]], ("price", "hourly", 650.0, "ZMW/hour")),
    ],
)
def test_a_declared_currency_prices_a_column_whose_sign_is_one_letter(rows, expected):
    declared = "Amounts are in Zambian kwacha and exclude VAT."
    assert expected in _read(["Item", "Basis", "Amount (K)"], rows, declared)


def test_the_kwacha_sign_before_an_amount():
    text = "Managed devices cost K 690.00 per device per month."
    assert ("price", "per_device", 690.0, "ZMW/month") in _read(["Notes"], [["-"]], text)


def test_a_bracketed_letter_that_is_no_sign_prices_nothing():
    rows = [["Response, P1", "-", "15 minutes"]]
    assert _read(["Item", "Basis", "Grade (A)"], rows) == {("response_time", "P1", 15.0, "minute")}


URGENCY = ["Urgency", "Licence support", "Managed service"]
URGENCY_ROWS = [
    ["Call-back from an analyst (minutes)", "", ""],
    ["Now", "60", "15"],
    ["Today", "240", "60"],
    ["This week", "next business day", "240"],
    ["Whenever", "3 business days", "next business day"],
    ["Working again (hours)", "", ""],
    ["Now", "best effort", "3"],
    ["Today", "best effort", "8"],
    ["This week", "best effort", "24"],
    ["Whenever", "not timed", "not timed; a date is agreed with you"],
]


def _urgency(*paragraphs):
    t = replace(table(URGENCY, URGENCY_ROWS), subheader_rows=(0, 5))
    doc = document(*paragraphs, tables=(t,))
    return {(c.category, c.scope, c.value, c.tier) for c in extract_vendor("v", [doc]).commitments}


def test_the_same_labels_under_another_sub_header_are_the_same_levels():
    got = _urgency()
    # the levels ranked under the call-back are the levels of "working again": their fix
    assert {(cat, s, v) for cat, s, v, t in got if t == "Managed service"} == {
        ("response_time", "P1", 15.0),
        ("response_time", "P2", 60.0),
        ("response_time", "P3", 240.0),
        ("response_time", "P4", 480.0),
        ("resolution_time", "P1", 180.0),
        ("resolution_time", "P2", 480.0),
        ("resolution_time", "P3", 1440.0),
    }


@pytest.mark.parametrize(
    "note, tiers",
    [
        # a note under the table, as over it, says which column applies
        ("Only the Managed service column is offered to Yvy Pytã.", {""}),
        ("The Licence support column is shown for comparison.", {""}),
        # a note about something else leaves both columns open
        ("Licence support is what every licence includes.", {"Licence support", "Managed service"}),
    ],
)
def test_a_note_under_a_table_says_which_column_applies(note, tiers):
    t = replace(table(URGENCY, URGENCY_ROWS, page=1, top=100.0), subheader_rows=(0, 5))
    doc = document(tables=(t,))
    doc = replace(doc, blocks=doc.blocks + (models.Block(note, 1, (50, 400, 500, 420)),))
    got = {c.tier for c in extract_vendor("v", [doc]).commitments}
    assert got == tiers


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The managed service runs together with the licence contract, for 36 months from "
            "01/11/2027.",
            {("contract_term", 36.0)},
        ),
        ("The service runs for 24 months from signature.", {("contract_term", 24.0)}),
        ("Our backup service runs for 30 days before it is reviewed.", set()),
        ("The monitoring service runs for 12 hours a day.", set()),
    ],
)
def test_the_service_running_for_months_is_the_term(sentence, expected):
    got = {
        (c.category, c.value)
        for c in extract_vendor("v", [document(sentence)]).commitments
        if c.category == "contract_term"
    }
    assert got == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The fee is Gs. 258.000 per device a month.", 258000.0),
        ("Each server costs Gs 1.150.000 per month.", 1150000.0),
        ("Each server costs 1.150.000 guaraníes per month.", 1150000.0),
    ],
)
def test_guarani_amounts(text, expected):
    got = {(c.value, c.unit) for c in extract_vendor("v", [document(text)]).commitments}
    assert (expected, "PYG/month") in got


PERFORMANCE = [
    "No.",
    "Performance criterion",
    "Unit",
    "Weight (%)",
    "Baseline 2026",
    "Target",
    "Stretch",
]
PERFORMANCE_ROWS = [
    ["A1", "Response time, whole network incident", "minutes", "10", "24", "≤ 30", "≤ 15"],
    ["C1", "Loan system available", "% of month", "12", "99.87", "≥ 99.9", "≥ 99.95"],
    ["D2", "Users rating closed tickets good or better", "%", "8", "87", "≥ 85", "≥ 90"],
]


@pytest.mark.parametrize(
    "note, target, stretch",
    [
        # a performance contract that says its targets bind: the stretch values are aims
        (
            "Targets bind the Contractor; stretch values are aspirations, not binding.",
            "binding",
            "soft",
        ),
        ("The targets are binding service levels.", "binding", "soft"),
        # without such a sentence a target is an aim too
        ("Each criterion is measured every month.", "soft", "soft"),
    ],
)
def test_a_performance_matrix_binds_its_targets_only_where_it_says_so(note, target, stretch):
    doc = document(note, tables=(table(PERFORMANCE, PERFORMANCE_ROWS),))
    got = {(c.category, c.value, c.strength) for c in extract_vendor("v", [doc]).commitments}
    # the weights and the baseline are no commitments; a bound ("≥ 99.9") is its figure
    assert got == {
        ("response_time", 30.0, target),
        ("response_time", 15.0, stretch),
        ("availability", 99.9, target),
        ("availability", 99.95, stretch),
        ("csat", 85.0, target),
        ("csat", 90.0, stretch),
    }


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("94,000/=", 94000.0),
        ("28,500,000/=", 28500000.0),
        ("500/-", 500.0),
    ],
)
def test_a_whole_amount_closed_with_a_stroke(cell, expected):
    header = ["Item", "Basis", "TZS, excluding VAT"]
    rows = [["Managed service", "per named user, per month", cell]]
    assert _read(header, rows) == {("price", "per_user", expected, "TZS/month")}


def test_shilling_signs():
    got = {
        (c.value, c.unit)
        for c in extract_vendor(
            "v", [document("The service costs TSh 94,000/= per named user per month.")]
        ).commitments
    }
    assert got == {(94000.0, "TZS/month")}


@pytest.mark.parametrize(
    "lead, labels, expected",
    [
        # the document's own list ranks its names, though "Emergency" alone reads most urgent
        (
            "Priorities, the most urgent first: Absolute emergency (a departure is held), "
            "Emergency (flights continue on a degraded procedure), Standard (one user) and "
            "Planned (requests).",
            ["Absolute emergency", "Emergency", "Standard", "Planned"],
            ["P1", "P2", "P3", "P4"],
        ),
        (
            "Each incident is classed, most urgent first, as Total stop, Critical, Major or Minor.",
            ["Total stop", "Critical", "Major", "Minor"],
            ["P1", "P2", "P3", "P4"],
        ),
        # no list: the words rank themselves
        ("We answer every call.", ["Critical", "High", "Medium", "Low"], ["P1", "P2", "P3", "P4"]),
    ],
)
def test_the_documents_listed_levels_rank_its_table_rows(lead, labels, expected):
    times = ["10", "30", "120", "240"]
    rows = [["Engineer working - minutes", "", ""]] + [[n, t, t] for n, t in zip(labels, times)]
    t = replace(table(["Commitment", "Base offer", "Variant"], rows), subheader_rows=(0,))
    got = extract_vendor("v", [document(lead, tables=(t,))]).commitments
    assert sorted({(c.scope, c.value) for c in got}) == sorted(
        zip(expected, [float(x) for x in times])
    )


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Level 2 - intervention within sixty (60) minutes and service restored within eight (8) "
            "hours.",
            {("response_time", 60.0), ("resolution_time", 480.0)},
        ),
        ("Intervention time for a P1: 30 minutes.", {("response_time", 30.0)}),
        # an intervention no one makes is no clock
        (
            "Without manual intervention, a P1 is restored within 4 hours.",
            {("resolution_time", 240.0)},
        ),
    ],
)
def test_an_intervention_within_a_time_is_the_response(sentence, expected):
    got = {(c.category, c.value) for c in extract_vendor("v", [document(sentence)]).commitments}
    assert got == expected


@pytest.mark.parametrize(
    "label, scope",
    [
        # one charge for all of the client's sites, whatever devices it names
        ("Monitoring of the generators and Starlink terminals, all four sites", "flat"),
        (
            "Resilience service for all four sites: UPS telemetry, Starlink terminal management",
            "flat",
        ),
        # a device alone, or counted per device, is the basis
        ("Workstation", "per_device"),
        ("Monitoring, per terminal, all sites", "per_device"),
    ],
)
def test_a_charge_for_all_sites_is_one_for_the_lot(label, scope):
    rows = [[label, "a month", "4 400,00"]]
    got = _read(["Item", "Basis", "UAH, excl. VAT"], rows)
    assert got == {("price", scope, 4400.0, "UAH/month")}


def test_levels_listed_with_semicolons_are_the_columns_levels_and_no_plans():
    lead = (
        "Incidents are given one of four priorities, most urgent first: Line-stop (a potline "
        "stopped); Line-slow (a plant area impaired); Single user ; and Service request ."
    )
    header = ["Measure", "Line-stop", "Line-slow", "Single user", "Service request"]
    rows = [["Engineer working on the incident (minutes)", "15", "30", "120", "240"]]
    doc = document("Jasra Process & IT Services W.L.L.", lead, tables=(table(header, rows),))
    got = extract_vendor("v", [doc]).commitments
    assert {(c.scope, c.value, c.tier) for c in got} == {
        ("P1", 15.0, ""),
        ("P2", 30.0, ""),
        ("P3", 120.0, ""),
        ("P4", 240.0, ""),
    }


@pytest.mark.parametrize(
    "sentence, strength",
    [
        # what an option not taken would bring is conditional on the client buying it
        (
            "A warm standby, at an additional BD 2,150.000 per month, would bring recovery within "
            "2 hours.",
            "conditional",
        ),
        ("A standby server could bring recovery within 2 hours.", "conditional"),
        # a polite "would" that offers is the offer
        ("We would recover the ERP within 2 hours of invocation.", "binding"),
    ],
)
def test_what_an_option_would_bring_is_conditional(sentence, strength):
    got = {
        (c.category, c.strength)
        for c in extract_vendor("v", [document(sentence)]).commitments
        if c.category == "rto"
    }
    assert got == {("rto", strength)}


@pytest.mark.parametrize(
    "lead, offered",
    [
        # a plan of the same family that is not in the table is set aside alone
        (
            "Both plans below are offered. Hospital IT Lite, our plan for day clinics, is not "
            "offered to a hospital with an ICU.",
            True,
        ),
    ],
)
def test_a_lead_in_that_rules_out_another_plan_leaves_the_table_standing(lead, offered):
    header = ["", "Hospital IT Core", "Hospital IT Complete"]
    rows = [["Every managed PC, ZMW per device a month", "760.00", "890.00"]]
    # (test_extract's tables shown for information still offer nothing)
    doc = document("Mosi Telehealth Limited", lead, tables=(table(header, rows, page=1),))
    got = extract_vendor("v", [doc]).commitments
    assert bool(got) == offered


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Part B runs for 36 months from 01/03/2027 and renews automatically for periods of 12 "
            "months unless either party gives notice.",
            {("contract_term", 36.0)},
        ),
        ("The HMIS runs from the hub within 2 hours of a decision to fail over.", {("rto", 120.0)}),
        # a run of hours is no term
        ("The backup job runs for 2 hours every night.", set()),
    ],
)
def test_terms_and_failovers_said_plainly(sentence, expected):
    got = {
        (c.category, c.value)
        for c in extract_vendor("v", [document(sentence)]).commitments
        if c.category in ("contract_term", "rto", "termination_notice")
    }
    assert got == expected


def test_a_short_sign_in_capitals_is_no_currency_row():
    # "TSH" is a thyroid test beside rupee prices, not the Tanzanian shilling ("TSh")
    header = ["Test", "Reagent price per test (Rs.)", "Expected tests per month"]
    rows = [["TSH", "360", "3,000"], ["HbA1c", "410", "2,500"]]
    units = {unit for *_, unit in _read(header, rows)}
    assert "TZS" not in " ".join(units)


@pytest.mark.parametrize(
    "label, strength",
    [
        # a hazard the row is about ("system unavailable") rules nothing out
        ("Load control system unavailable at departure: manual loadsheets, delays", "binding"),
        # a service said to be unavailable is ruled out
        ("Weekend on-site support: unavailable", "excluded"),
    ],
)
def test_unavailable_rules_out_a_service_not_an_outage(label, strength):
    header = ["ID", "Hazard and consequence", "Mitigation - our commitment"]
    rows = [["HZ-01", label, "System restored within 2 hours."]]
    doc = document(tables=(table(header, rows),))
    got = {c.strength for c in extract_vendor("v", [doc]).commitments}
    assert got == {strength}


@pytest.mark.parametrize(
    "sentence, strength",
    [
        # what the client may lose at most is the bound, not an aim
        (
            "In a failure of the main site Customer may lose up to sixty (60) minutes of "
            "transactions.",
            "binding",
        ),
        # a figure the client gets only if it orders something is conditional
        (
            "If Customer orders it, Provider shall run a dedicated instance so that no more than "
            "five (5) minutes of transactions can be lost.",
            "conditional",
        ),
        (
            "Should the client buy the standby option, no more than 5 minutes of data is lost.",
            "conditional",
        ),
        # a condition on the incident is no option
        ("If the customer reports a failure, no more than 5 minutes of data is lost.", "binding"),
    ],
)
def test_a_bound_on_loss_and_a_figure_on_order(sentence, strength):
    got = {c.strength for c in extract_vendor("v", [document(sentence)]).commitments}
    assert got == {strength}


def test_a_polite_would_that_takes_over_is_the_offer():
    got = extract_vendor("v", [document("We would take over within 30 days of signature.")])
    assert {(c.category, c.strength) for c in got.commitments} == {
        ("onboarding_duration", "binding")
    }


@pytest.mark.parametrize(
    "client, short",
    [
        # a client called by the words after its kind of organisation
        ("Cooperativa Agroindustrial Yvy Pytã Ltda.", "Yvy Pytã"),
        ("Cooperative Dairy Society Kaimai Valley Ltd", "Kaimai Valley"),
    ],
)
def test_a_client_called_by_the_last_words_of_its_name(client, short):
    doc = document(
        f"Mbarete Ingeniería S.A. - offer to {client}",
        f"All administrator credentials stay with {short}.",
        f"Each month we review the service with {short}'s Head of IT.",
    )
    ex = extract_vendor("mbarete", [doc], shared_clients=[client])
    assert "control-retention" in {e.criterion for e in ex.criteria_evidence}


def test_your_contract_manager_is_a_named_account_manager():
    assert "dedicated-account-manager" in _criteria(
        "Your contract manager is Ing. Rodrigo Franco Ojeda, at our branch."
    )


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the month after a share is its period, no fix time
        (
            "Credits: 5% per late Emergency restoration, at most 10% a month.",
            {("service_credit", 10.0)},
        ),
        (
            "Availability 99.9% a month; an Emergency is restored within 4 hours.",
            {("availability", 99.9), ("resolution_time", 240.0)},
        ),
    ],
)
def test_a_period_after_a_share_is_no_duration(sentence, expected):
    got = {(c.category, c.value) for c in extract_vendor("v", [document(sentence)]).commitments}
    assert got == expected


def test_a_level_row_that_ends_in_total_adds_nothing_up():
    header = ["Priority", "Response (hrs)", "Restoration (hrs)", "Progress updates"]
    rows = [
        ["P1 Service Affecting - Total", "1", "4", "hourly"],
        ["P2 Service Affecting - Partial", "2", "8", "every 4 hours"],
    ]
    assert {(c, s) for c, s, _, _ in _read(header, rows)} >= {
        ("response_time", "P1"),
        ("resolution_time", "P1"),
    }


@pytest.mark.parametrize(
    "label, basis, scope",
    [
        ("Links and firewalls of the seven sites", "per month, all sites", "flat"),
        ("Cameras and access control, whole estate", "a month", "flat"),
        ("Links and firewalls of the seven sites", "per device, per month", "per_device"),
    ],
)
def test_a_basis_for_all_sites_prices_the_lot(label, basis, scope):
    got = _read(["Item", "Basis", "PYG"], [[label, basis, "11.900.000"]])
    assert {s for _, s, _, _ in got} == {scope}


@pytest.mark.parametrize(
    "sentence, criteria",
    [
        # email as a system no one is told anything by
        ("Red: the billing system or email for all users is unavailable.", set()),
        ("We send an email to all staff before each change.", {"adoption-communication"}),
        # a certification audit booked is no certificate
        (
            "We are not yet certified to ISO/IEC 27001; the certification audit is booked for "
            "March 2028.",
            set(),
        ),
        (
            "We are certified to ISO/IEC 27001:2022; our surveillance audit is scheduled for May.",
            {"security-compliance"},
        ),
    ],
)
def test_team_fit_words_in_other_senses(sentence, criteria):
    assert _criteria(sentence) == criteria


def test_a_name_in_capitals_goes_by_its_words_in_the_text():
    from msp_select.extract.strength import _forms

    forms = _forms(["CHACHANI INGENIERÍA Y TELECOMUNICACIONES S.A.C."])
    assert {"Chachani", "CHACHANI"} <= set(forms)


def test_one_word_left_of_a_name_is_no_short_form():
    from msp_select.extract.strength import _tails_called

    text = "The Terminal runs two berths. The Terminal's gate opens at six. Brno and Brno again."
    assert (
        _tails_called(["Sohar Container Terminal LLC", "Moravska Strojirna Brno a.s."], text)
        == set()
    )


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A night or Sunday visit can be booked at the call-out rate.", "conditional"),
        (
            "- Night or Sunday visit to a site: can be booked through the help desk, and is charged "
            "per visit.",
            "conditional",
        ),
        ("Night visits are included.", "binding"),
        # a list of off-hours times before the visit, whatever day the local weekend falls on
        (
            "Night and Friday visits: on request, Tk 3,000 per visit on top of the fee.",
            "conditional",
        ),
        ("Night, Friday and holiday call-out: on request only, charged per visit.", "conditional"),
        ("Night call-outs for a P1 are included in the fee.", "binding"),
        (
            "At night, at weekends and on public holidays an engineer attends either site for a "
            "P4 at no charge.",
            "binding",
        ),
        ("Evening and weekend attendance is free of charge.", "binding"),
        # a working day's visits, and hours out of cover named without a visit, are no cover
        ("Friday visits cost USD 50.", None),
        ("Monday and Tuesday visits are included.", None),
        ("No engineer attends at night.", "excluded"),
    ],
)
def test_a_night_or_sunday_visit_is_out_of_hours_cover_on_site(sentence, expected):
    got = {
        (c.scope, c.unit, c.strength)
        for c in extract_vendor("v", [document(sentence)]).commitments
        if c.category == "support_hours"
    }
    assert got == ({("onsite", "24x7", expected)} if expected else set())


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # whoever does something for our engineer, or within a time of our call, is the client
        (
            "Sarybel's shift dispatcher confirms a Pit Stop to our engineer within 15 minutes.",
            ("response_time", 15.0, "client"),
        ),
        (
            "The plant's shift lead issues or refuses the permit within 30 minutes of our engineer's "
            "request.",
            ("response_time", 30.0, "client"),
        ),
        (
            "The acopio chief opens the scale house to our engineer within 30 minutes of the call.",
            ("response_time", 30.0, "client"),
        ),
        (
            "We'll rely on each practice manager to approve urgent changes within 15 minutes of our "
            "call.",
            ("response_time", 15.0, "client"),
        ),
        (
            "The client's duty officer confirms a Level 1 incident to our call centre within "
            "fifteen (15) minutes.",
            ("response_time", 15.0, "client"),
        ),
        # our own people acting within a time are ours
        (
            "Our engineer calls you back within 15 minutes of your call.",
            ("response_time", 15.0, "provider"),
        ),
    ],
)
def test_the_clients_time_bound_acts_for_our_engineer(sentence, expected):
    doc = document("Tsavo Managed Services Ltd", sentence)
    got = {(c.category, c.value, c.party) for c in extract_vendor("v", [doc]).commitments}
    assert expected in got and all(party == expected[2] for *_, party in got)


def test_issues_escalated_to_our_manager_are_our_escalation():
    # "issues ... to our service delivery manager" is our ladder, no client act for our people
    text = "Unresolved issues escalate to our service delivery manager and then to our CEO."
    assert "senior-escalation" in _criteria(text)
    assert "client-obligations" not in _criteria(text)


def test_a_level_named_over_a_column_ranks_the_prose_that_names_it():
    # "A - Terminal Stop" heads a column: "during a Terminal Stop" is that level
    header = ["Measure", "A - Terminal Stop", "B - Berth Stop", "C - Machine Down", "D - User Down"]
    rows = [["Engineer working on it (minutes)", "15", "30", "60", "240"]]
    duty = (
        "During a Terminal Stop the Terminal duty manager confirms the Severity to our engineer "
        "within 10 minutes."
    )
    doc = document(
        "Severity A, B and C times run at all hours.", duty, tables=(table(header, rows),)
    )
    got = extract_vendor("v", [doc]).commitments
    assert ("P1", 10.0, "client") in {(c.scope, c.value, c.party) for c in got}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Our engineers visit the stores and the head office from 7h30 to 20h00 every day.", {("onsite", "business_hours")}),
        ("Service desk: 7h00 to 21h00 every day, Sundays and public holidays included.", {("helpdesk", "business_hours")}),
        ("The service desk is open 08h00-17h00, Monday to Friday.", {("helpdesk", "business_hours")}),
        # "4h30" is a duration, not a time of day
        ("P1 incidents are resolved within 4h30.", set()),
    ],
)  # fmt: skip
def test_clock_times_written_with_an_h_are_hours_of_cover(sentence, expected):
    assert {(s, u) for c, s, _, u, *_ in found(sentence) if c == "support_hours"} == expected


@pytest.mark.parametrize(
    "heading, party",
    [
        ("6 The Customer's part", "client"),
        ("6 Customer responsibilities", "client"),
        ("6 Customer roles and responsibilities", "client"),
        # the client's part as the last of several topics leaves the sentence to its subject
        ("6 Governance, people and the Customer's part", "provider"),
        ("6 Reporting and customer responsibilities", "provider"),
        ("6 Governance and your part", "provider"),
    ],
)
def test_a_heading_naming_the_clients_part_among_other_topics_leaves_the_subject(heading, party):
    sentence = "She chairs a monthly service review with the Customer's Head of IT."
    got = extract_vendor("v", [document(sentence, heading=heading)]).commitments
    assert {(c.category, c.party) for c in got} == {("review_cadence", party)}


def _sectioned(note: str, first: str) -> models.Document:
    """A note, a section of another client's record titled `first`, then the offer."""
    b = models.Block
    blocks = (
        b(note, 1, (50, 40, 500, 60)),
        b(first, 1, (50, 70, 500, 80), heading=True, level=1),
        b(
            "Client R's P1 incidents are restored within 4 hours.",
            1,
            (50, 90, 500, 100),
            section=(first,),
        ),
        b("3. Our offer", 2, (50, 40, 500, 50), heading=True, level=1),
        b(
            "We restore P1 incidents within 2 hours.",
            2,
            (50, 60, 500, 70),
            section=("3. Our offer",),
        ),
    )
    return models.Document("v.pdf", "0" * 64, 2, blocks, ())


@pytest.mark.parametrize(
    "note, first, expected",
    [
        ("Sections 1 to 2 are Client R's record, and none of them is offered to you.", "1. Results", {120.0}),
        ("Note that Section 1 is shown for information only.", "1. Results", {120.0}),
        ("Appendix B is provided for information only.", "Appendix B - Client R's levels", {120.0}),
        # a note that sets nothing aside, or another document's section, leaves both
        ("Sections 1 to 2 describe what Client R's contract asked for.", "1. Results", {120.0, 240.0}),
        ("Section 1.3 of the tender asks for evidence; none of them is offered.", "1. Results", {120.0, 240.0}),
        ("Sections 4 to 5 are shown for information only.", "1. Results", {120.0, 240.0}),
    ],
)  # fmt: skip
def test_sections_a_note_sets_aside_by_number_offer_nothing(note, first, expected):
    got = extract_vendor("v", [_sectioned(note, first)]).commitments
    assert {c.value for c in got if c.category == "resolution_time"} == expected


def test_no_engineer_keeping_a_credential_is_a_promise_not_an_exclusion():
    """ "No engineer keeps a credential" promises control; "no engineer is on site" rules
    cover out."""
    offer = (
        "Your IT Manager holds every Global Administrator account. No Ironbark engineer keeps a "
        "credential the Foundation cannot see or revoke."
    )
    row = ["B4.5", "The Foundation retains control of its systems.", "Complies", offer]
    doc = document(
        "No engineer is on site at weekends.",
        tables=(table(["Ref", "Requirement", "Compliance", "Offer"], [row]),),
    )
    got = extract_vendor("v", [doc])
    assert {e.strength for e in got.criteria_evidence if e.criterion == "control-retention"} == {
        "binding"
    }
    assert {(c.category, c.strength) for c in got.commitments} == {("support_hours", "excluded")}


@pytest.mark.parametrize(
    "sign, amount, expected",
    [
        ("JD", "70.000", (70.0, "JOD/month")),
        ("TND", "88,000", (88.0, "TND/month")),
        ("Bs", "1.600,00", (1600.0, "BOB/month")),
        ("Amount (BOB)", "1.600,00", (1600.0, "BOB/month")),
        ("Bs, with invoice", "1.600,00", (1600.0, "BOB/month")),
        ("Bs (with invoice)", "1.600,00", (1600.0, "BOB/month")),
    ],
)
def test_a_column_of_amounts_under_a_local_sign_or_code(sign, amount, expected):
    rows = [["Server", "per server, per month", amount]]
    note = "Onboarding is charged at 3.600,000 DT once." if sign == "TND" else "Our offer."
    doc = document(note, tables=(table(["Item", "Basis", sign], rows),))
    got = extract_vendor("v", [doc]).commitments
    assert [(c.value, c.unit) for c in got if c.scope == "per_device"] == [expected]


def _items(lead: str, *texts: str, top: int = 0) -> list[models.Block]:
    """A lead-in paragraph and its list items."""
    out = [models.Block(lead, 1, (50, top, 500, top + 10))]
    for i, text in enumerate(texts, start=1):
        box = (60, top + 12 * i, 500, top + 12 * i + 10)
        out.append(models.Block(text, 1, box, item=True, lead_in=lead))
    return out


@pytest.mark.parametrize(
    "lead, names, expected",
    [
        # the list's order, as its lead-in says, outranks what "Immediate" says alone
        ("The four precedences grade incidents, the most urgent first:", ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"], ["P1", "P2", "P3", "P4"]),
        ("Incidents take one of four precedences, in descending order of urgency:", ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"], ["P1", "P2", "P3", "P4"]),
        # with no order said, names that rank themselves keep their ranks
        ("The four priorities grade incidents:", ["Low", "Medium", "High", "Critical"], ["P4", "P3", "P2", "P1"]),
    ],
)  # fmt: skip
def test_levels_a_list_sets_out_in_order_rank_as_listed(lead, names, expected):
    effects = ["a plant is down", "a site is impaired", "one user", "a request"]
    defined = _items(lead, *(f"- {n} - {w}" for n, w in zip(names, effects)))
    times = ["15 minutes", "30 minutes", "2 hours", "8 hours"]
    timed = _items(
        "An engineer will be working on each incident within:",
        *(f"- {n} - {t};" for n, t in zip(names, times)),
        top=100,
    )
    doc = models.Document("v.pdf", "0" * 64, 1, tuple(defined + timed), ())
    got = extract_vendor("v", [doc]).commitments
    assert [c.scope for c in got if c.category == "response_time"] == expected


@pytest.mark.parametrize(
    "header, unit",
    [
        ("Engineer working (target, minutes)", "minute"),
        ("Restored (target, hours)", "hour"),
        ("Response (mins, max)", "minute"),
        ("Engineer working (minutes)", "minute"),
        ("Engineer working (minutes; at any hour for Severities 1 and 2)", "minute"),
        ("Service restored (hours; on the same clocks)", "hour"),
        ("Price (EUR; excl. VAT)", ""),
        # a price per unit of time, and a bracket of words, give no unit
        ("Rate (USD, per hour)", ""),
        ("Engineer working (target, on site)", ""),
    ],
)
def test_a_headers_unit_beside_a_word_that_qualifies_it(header, unit):
    from msp_select.extract.context import header_unit

    assert header_unit(header) == unit


@pytest.mark.parametrize(
    "sentence, cap, flagged",
    [
        ("Each P1 restored late earns a credit of 5% of the fee, and no month's credits exceed 15% of the fee.", 15.0, False),
        ("Each P1 restored late earns a credit of 5% of the fee; total credits may not exceed 20% of the fee.", 20.0, False),
        ("Each P1 restored late earns a credit of 5% of the fee, capped at 20% of the fee.", 20.0, False),
        # a refusal is no cap
        ("There are no service credits.", None, True),
    ],
)  # fmt: skip
def test_credits_that_may_not_exceed_a_share_are_capped_at_it(sentence, cap, flagged):
    got = extract_vendor("v", [document(sentence)])
    assert [c.value for c in got.commitments if c.category == "service_credit"] == [cap]
    assert ("no-penalty" in {f.flag for f in got.risk_flags}) == flagged


@pytest.mark.parametrize(
    "note, strength",
    [
        ("We agree these indicators with the engineer every year; they are also our service levels to the Customer.", "binding"),
        ("The targets below are our service levels to the Customer.", "binding"),
        # a note that keeps them internal leaves the targets soft
        ("We agree these indicators with the engineer every year; they are internal service levels for our staff.", "soft"),
        ("Our offer.", "soft"),
    ],
)  # fmt: skip
def test_targets_a_note_calls_the_service_levels_to_the_client_bind(note, strength):
    t = table(
        ["No.", "Indicator", "Target"],
        [["B1", "Class I: engineer working on the incident", "20 minutes"]],
    )
    got = extract_vendor("v", [document(note, tables=(t,))]).commitments
    assert [(c.category, c.strength) for c in got] == [("response_time", strength)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Notice of resignation or termination of employment: one month on either side.", []),
        ("Either party may terminate the contract on one month's notice.", [30.0]),
    ],
)
def test_an_employees_notice_is_no_contracts_notice(sentence, expected):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert [c.value for c in got if c.category == "termination_notice"] == expected


@pytest.mark.parametrize("again", ["works again", "runs again", "is working again", "is back up"])
def test_a_levels_working_again_is_its_fix(again):
    blocks = _items(
        "Our levels, the most urgent first:",
        f"- Critical: an engineer calls you back within 15 minutes, and the service {again} within 4 hours.",
        f"- High: an engineer calls you back within 30 minutes, and the service {again} within 8 hours.",
        "- Low: we call you back the next business day.",
    )
    got = extract_vendor(
        "v", [models.Document("v.pdf", "0" * 64, 1, tuple(blocks), ())]
    ).commitments
    fixes = {(c.scope, c.value) for c in got if c.category == "resolution_time"}
    assert fixes == {("P1", 240.0), ("P2", 480.0)}
    assert not [c for c in got if c.category == "rto"]


def test_servers_working_again_after_a_disaster_is_recovery():
    got = found("If the data centre is lost, your servers will work again within 4 hours.")
    assert [(c, v) for c, _, v, *_ in got] == [("rto", 240.0)]


def test_levels_named_the_worst_first_rank_in_order_and_their_names_soften_nothing():
    blocks = [
        models.Block(
            "We name our levels after the weather, the worst first: Hail - the plant stopped; "
            "Storm - a department impaired; Shower - one user; Forecast - a request.",
            1,
            (50, 0, 500, 10),
        ),
        *_items(
            "An engineer will be working on it within:",
            "- Hail - fifteen minutes, at any hour;",
            "- Storm - half an hour, at any hour;",
            "- Shower - two hours;",
            "- Forecast - the next business day.",
            top=40,
        ),
    ]
    got = extract_vendor(
        "v", [models.Document("v.pdf", "0" * 64, 1, tuple(blocks), ())]
    ).commitments
    assert [(c.scope, c.value, c.strength) for c in got if c.category == "response_time"] == [
        ("P1", 15.0, "binding"),
        ("P2", 30.0, "binding"),
        ("P3", 120.0, "binding"),
        ("P4", 480.0, "binding"),
    ]


@pytest.mark.parametrize(
    "note, strength",
    [
        ("The expected result of every test in section 3 is Kerkennah's commitment for the whole term.", "binding"),
        ("The expected results are contractual.", "binding"),
        # without such a note, what a test expects is no promise
        ("The expected results are not commitments.", "soft"),
        ("Our offer.", "soft"),
    ],
)  # fmt: skip
def test_expected_results_a_note_makes_commitments_bind(note, strength):
    t = table(
        ["Test", "What is checked", "Expected result"],
        [["T-02", "A P1 incident is raised.", "Engineer working on it within 45 min."]],
    )
    got = extract_vendor("v", [document(note, tables=(t,))]).commitments
    assert [(c.category, c.strength) for c in got] == [("response_time", strength)]


@pytest.mark.parametrize(
    "note, expected",
    [
        ("Another farm's contract of 2025 sets these levels. They are that farm's, not an offer to you.", set()),
        ("These levels are not offered to you; ours are on slide 9.", set()),
        # a note that only explains them, or sets aside a plan the table does not show,
        # leaves them offered
        ("Levels run at every hour.", {("response_time", 30.0)}),
        ("Our Lite plan covers single offices only and is not offered to you.", {("response_time", 30.0)}),
    ],
)  # fmt: skip
def test_a_note_under_a_table_that_disowns_it_leaves_no_commitment(note, expected):
    t = table(["Measure", "Contract level"], [["S0 engineer on it", "30 min"]])
    under = models.Block(note, 2, (50, t.bbox[3] + 6, 500, t.bbox[3] + 16))
    doc = models.Document("v.pdf", "0" * 64, 2, (under,), (t,))
    got = extract_vendor("v", [doc]).commitments
    assert {(c.category, c.value) for c in got} == expected


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("The meeting recorded the following, which Thyna confirms as its offer:", {("patch_window", 10.0)}),
        ("The following forms part of our offer:", {("patch_window", 10.0)}),
        # a record the lead-in does not own stays a record
        ("The meeting recorded the following:", set()),
    ],
)  # fmt: skip
def test_what_minutes_record_is_the_offer_where_the_lead_in_says_so(lead, expected):
    t = replace(
        table(
            ["Item", "Subject", "Recorded"],
            [["4.12", "Security patches", "critical patches installed within 10 days of release"]],
        ),
        lead_in=lead,
    )
    got = extract_vendor("v", [document(tables=(t,))]).commitments
    assert {(c.category, c.value) for c in got} == expected


def test_levels_classed_with_the_harm_each_does_rank_in_the_order_given():
    levels = (
        "Incidents are classed as Stop-line (reception or a bottling line stopped), Slow-line "
        "(one of them slowed or working around a fault), Single post (one user or one device) "
        "and Request."
    )
    rows = [
        ["Stop-line working again", "within 6 hours"],
        ["Slow-line working again", "within 1 working day"],
    ]
    got = extract_vendor("v", [document(levels, tables=(table(["Subject", "Agreed"], rows),))])
    fixes = {(c.scope, c.value) for c in got.commitments if c.category == "resolution_time"}
    assert fixes == {("P1", 360.0), ("P2", 480.0)}


@pytest.mark.parametrize(
    "heading, lead, expected",
    [
        ("1.2 Response: minutes from the call until an engineer is working on it", "For each severity we guarantee the following maximum:", [("P1", 20.0), ("P2", 60.0)]),
        ("1.2 Response", "For each severity we guarantee the following, in minutes:", [("P1", 20.0), ("P2", 60.0)]),
        # no unit over the list: a bare number is no time
        ("1.2 Response", "For each severity we guarantee the following maximum:", []),
    ],
)  # fmt: skip
def test_a_bare_number_in_a_list_takes_the_unit_of_the_heading_or_lead_in(heading, lead, expected):
    head = models.Block(heading, 1, (50, 0, 500, 10), heading=True, level=2)
    items = _items(lead, "- S1 Critical - 20, at any hour", "- S2 High - 60", top=20)
    items = [replace(b, section=(heading,)) for b in items]
    doc = models.Document("v.pdf", "0" * 64, 1, (head, *items), ())
    got = extract_vendor("v", [doc]).commitments
    assert [(c.scope, c.value) for c in got if c.category == "response_time"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("For an Important request work begins within 4 working hours.", [("response_time", 240.0)]),
        ("On a P1 incident, work starts within 15 minutes.", [("response_time", 15.0)]),
        # building work is no ticket's
        ("Building work starts within 30 days of signature.", [("onboarding_duration", 30.0)]),
    ],
)  # fmt: skip
def test_work_that_begins_on_a_request_is_its_response(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, strength",
    [
        ("The databases can be replicated every hour, so that no more than one hour of data is lost, at an extra Bs 2.900,00 a month.", "conditional"),
        ("For an extra 250 EUR a month, no more than one hour of data is lost.", "conditional"),
        ("No more than one hour of data is lost, at no extra cost.", "binding"),
    ],
)  # fmt: skip
def test_a_level_bought_at_an_extra_amount_is_an_option(sentence, strength):
    assert [s for c, _, _, _, s, _ in found(sentence) if c == "rpo"] == [strength]


@pytest.mark.parametrize("title", ["Lic.", "Ing.", "Dott.", "Sra."])
def test_a_title_before_a_name_ends_no_sentence(title):
    sentence = f"Every month our service manager, {title} Veronica Mamani, meets your head of IT."
    assert [(c, v) for c, _, v, *_ in found(sentence)] == [("review_cadence", 30.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Times run at every hour for Harvest stop and Cellar slow, and in business hours (Monday to Saturday, 08:00-20:00) for One desk and Wish list.", set()),
        # the desk itself, named as such, still has its hours
        ("Our service desk answers Monday to Saturday, 08:00-20:00.", {("helpdesk", "business_hours")}),
    ],
)  # fmt: skip
def test_a_levels_name_is_no_service(sentence, expected):
    levels = (
        "We grade incidents, the worst first: Harvest stop - the intake stopped; Cellar slow - a "
        "department impaired; One desk - one user or one device; Wish list - a request."
    )
    got = extract_vendor("v", [document(levels, sentence)]).commitments
    assert {(c.scope, c.unit) for c in got if c.category == "support_hours"} == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("She meets the IT Manager every quarter and sends each month an IT signal log.", [90.0]),
        ("We send a monthly summary and meet you every quarter.", [90.0]),
        # what the meeting goes through is no report sent
        ("We meet you each month to go through the dashboard.", [30.0]),
        ("Our service manager meets every month with a dashboard of every incident.", [30.0]),
    ],
)
def test_a_log_or_summary_sent_is_no_review(sentence, expected):
    assert [v for c, _, v, *_ in found(sentence) if c == "review_cadence"] == expected


@pytest.mark.parametrize("further", ["a further", "an additional", "an extra"])
def test_a_renewal_for_more_months_is_no_option(further):
    sentence = f"The contract runs for 24 months and then renews for {further} 12 months."
    assert [(c, s) for c, _, _, _, s, _ in found(sentence) if c == "contract_term"] == [
        ("contract_term", "binding")
    ]


@pytest.mark.parametrize(
    "sentence, criterion, present",
    [
        ("If the contract ends, we keep the number running for 30 days and hand the Cooperative the recordings and the documentation.", "exit-assistance", True),
        ("When the agreement expires we return all data in an open format.", "exit-assistance", True),
        ("If the contract ends early, the fees for the remaining months are due.", "exit-assistance", False),
        ("Your technician gets a queue of its own in our tool, through which they pass tickets to us.", "co-managed-collaboration", True),
        ("We pass tickets to the hardware maker.", "co-managed-collaboration", False),
        ("We train the lamp-room keepers and shift bosses at each mine mouth, one session per shift.", "adoption-communication", True),
        ("Our engineers train on the new firewall in two sessions a year.", "adoption-communication", False),
        ("Before each harvest we train the new weighbridge clerks at the mill.", "adoption-communication", True),
        ("Our trainers brief the intake clerks, the weighers and the seasonal staff at both sites.", "adoption-communication", True),
        ("A specialist teaches the night-shift operators how to log a call.", "adoption-communication", True),
        ("Before each season we retrain the scale operators of every depot.", "adoption-communication", True),
        ("Every quarter our General Manager meets the Cooperative's General Manager.", "executive-oversight", True),
        ("Our service manager meets your IT lead every month.", "executive-oversight", False),
        ("The general manager's office is on the second floor.", "executive-oversight", False),
        ("We brief the engineers before each visit.", "adoption-communication", False),
        ("We train our technicians on every new product.", "adoption-communication", False),
        ("We train the models on your data; the servers are ours.", "adoption-communication", False),
        ("Every month our service manager, Lic. Veronica Mamani, meets the head of IT.", "dedicated-account-manager", True),
        ("Veronica Mamani, our service delivery manager, meets you monthly.", "dedicated-account-manager", True),
        ("Our service manager, Monday to Friday, answers calls.", "dedicated-account-manager", False),
        ("We take over within 40 days: the line and the prompts first, then the servers, then the lamp rooms.", "implementation-plan", True),
        ("We answer the phone first, then log the call.", "implementation-plan", False),
    ],
)  # fmt: skip
def test_team_fit_said_in_plain_words(sentence, criterion, present):
    got = extract_vendor("v", [document(sentence)]).criteria_evidence
    assert (criterion in {e.criterion for e in got}) == present


def test_working_again_under_columns_named_for_the_levels_is_their_fix():
    levels = (
        "We name our levels after the weather, the worst first: Hail - the line stopped; Storm - "
        "a department held up; Shower - one user; Forecast - a request."
    )
    rows = [
        ["We start work within", "20 minutes", "1 hour", "4 working hours"],
        ["Working again within", "4 hours", "same working day", "2 working days"],
    ]
    t = table(["", "Hail", "Storm", "Shower"], rows)
    got = extract_vendor("v", [document(levels, tables=(t,))]).commitments
    fixes = [(c.scope, c.value) for c in got if c.category == "resolution_time"]
    assert fixes == [("P1", 240.0), ("P2", 480.0), ("P3", 960.0)]
    assert not [c for c in got if c.category == "rto"]


@pytest.mark.parametrize(
    "sentence, hours",
    [
        ("Our help desk is open 24 hours, all 7 days.", "24x7"),
        ("The help desk takes calls 24 hours, seven days a week.", "24x7"),
        ("The help desk answers 24 hours every day, holidays included.", "24x7"),
        ("The help desk answers 24 hours on all days.", "24x7"),
        ("The help desk is open 24 hours a day.", "24x7"),
        ("The help desk is open Monday to Friday, 08:00-18:00.", "business_hours"),
        # a duration of 24 hours is no cover
        ("The help desk closes a request within 24 hours.", None),
        ("The help desk staff work 24 hours per week each.", None),
    ],
)
def test_round_the_clock_said_as_hours_and_days(sentence, hours):
    got = {
        c.unit
        for c in extract_vendor("v", [document(sentence)]).commitments
        if c.category == "support_hours"
    }
    assert got == ({hours} if hours else set())


def _levels_as_subheaders(names: list[str]) -> set:
    rows, subs = [], []
    for i, name in enumerate(names):
        subs.append(len(rows))
        rows += [
            [name, ""],
            ["Response", f"{30 * (i + 1)} minutes"],
            ["Fault fixed", f"{4 * (i + 1)} hours"],
        ]
    rows += [["Account", ""], ["Service review", "quarterly"], ["Report", "monthly"]]
    subs.append(len(rows) - 3)
    t = replace(table(["Plan", "Offer"], rows), subheader_rows=tuple(subs))
    found_ = extract_vendor("v", [document(tables=(t,))]).commitments
    return {(c.category, c.scope, c.value) for c in found_ if c.category.endswith("_time")}


@pytest.mark.parametrize(
    "names",
    [
        [
            "Emergency - lab stopped",
            "Urgent - reports delayed",
            "Normal - one user",
            "Planned - requests",
        ],
        ["Critical", "Urgent", "Routine", "Planned work"],
        ["Severe - plant down", "Major - line slow", "Minor - one user"],
    ],
)
def test_subheaders_over_the_same_measures_are_one_scheme_in_order(names):
    expected = set()
    for i, _ in enumerate(names):
        expected |= {
            ("response_time", f"P{i + 1}", 30.0 * (i + 1)),
            ("resolution_time", f"P{i + 1}", 240.0 * (i + 1)),
        }
    assert _levels_as_subheaders(names) == expected


def test_subheaders_over_different_rows_are_no_scheme():
    rows = [
        ["Urgent requests", ""],
        ["Response", "30 minutes"],
        ["Normal requests", ""],
        ["Answered within", "4 hours"],
        ["Reported on", "monthly"],
    ]
    t = replace(table(["Plan", "Offer"], rows), subheader_rows=(0, 2))
    got = {(c.category, c.scope) for c in extract_vendor("v", [document(tables=(t,))]).commitments}
    assert ("response_time", "P2") not in got


@pytest.mark.parametrize(
    "sentence, present",
    [
        ("Harbour Mills Group's technician keeps his own queue in our ticket tool.", True),
        ("Harbour Mills Group's IT clerk and the supervisor have their own logins and queue in our tool.", True),
        ("Your ICT Officer works tickets in our desk tool as a resolver.", True),
        ("Harbour Mills Group's technician keeps the first line at the plant and we take the rest.", True),
        ("Your own team works the first line at the depot and passes the rest to us.", True),
        ("He and our specialists work from one shared task list.", True),
        ("Your staff call our first-line desk by phone.", False),
        ("Our engineers keep their own notes on every ticket.", False),
        ("We keep a ticket queue for each site.", False),
        ("Harbour Mills Group's staff log tickets by e-mail.", False),
    ],
)  # fmt: skip
def test_the_clients_own_people_working_in_the_providers_tools_is_co_management(sentence, present):
    got = extract_vendor("v", [document(sentence)], shared_clients=["Harbour Mills Group"])
    assert ("co-managed-collaboration" in {e.criterion for e in got.criteria_evidence}) == present


@pytest.mark.parametrize(
    "scheme, rows",
    [
        (
            "Every call is given one of three priorities: Darasa Kwanza (first) when a kiln stops; "
            "Darasa Pili (second) when a line slows; Darasa Tatu (third) for one user.",
            ["Kwanza", "Pili", "Tatu"],
        ),
        (
            "Each fault falls in one of three classes: Klasse Rot when the press stops; Klasse "
            "Gelb when it slows; and Klasse Blau for one user.",
            ["Rot", "Gelb", "Blau"],
        ),
        (
            "Every call is given one of three priorities: Halt (a line stopped); Single user; "
            "and Service request.",
            ["Halt", "Single user", "Service request"],
        ),
    ],
)
def test_levels_counted_one_to_a_clause_rank_in_order_and_rows_may_drop_the_scheme_word(
    scheme, rows
):
    got = _read(
        ["Site", "Response time"],
        [[rows[0], "30 minutes"], [rows[1], "2 hours"], [rows[2], "1 working day"]],
        scheme,
    )
    assert got == {
        ("response_time", "P1", 30.0, "minute"),
        ("response_time", "P2", 120.0, "minute"),
        ("response_time", "P3", 480.0, "minute"),
    }


def test_a_count_of_levels_whose_clauses_do_not_match_it_ranks_nothing():
    got = _read(
        ["Site", "Response time"],
        [["Kwanza", "30 minutes"], ["Pili", "2 hours"]],
        "We use one of three priorities: Darasa Kwanza when a kiln stops; Darasa Pili otherwise.",
    )
    assert {s for _, s, _, _ in got} == {"all"}


@pytest.mark.parametrize(
    "gloss, levels",
    [
        (["What it means", "the kiln or the ERP stopped", "one line impaired", "one workplace", "a question or a new account"], True),
        (["Example", "press 3 down", "a department slowed", "a single user", "a change request"], True),
        # a row that describes plans, not harm: the columns are plans side by side
        (["Who it suits", "small offices", "growing firms", "large sites", "groups"], False),
    ],
)  # fmt: skip
def test_columns_named_by_any_words_rank_as_levels_where_a_row_says_what_each_does(gloss, levels):
    rows = [gloss, ["Engineer working, minutes", "30", "60", "240", "480"]]
    got = _read(["", "Ember", "Smoke", "Spark", "Ash"], rows)
    scopes = {s for c, s, _, _ in got if c == "response_time"}
    assert scopes == ({"P1", "P2", "P3", "P4"} if levels else {"all"})


@pytest.mark.parametrize(
    "scheme, scope",
    [
        ("The desk places every ticket in one of four rings, counted from the centre: Ring 1 - a site stopped; Ring 2 - one office impaired; Ring 3 - one person; Ring 4 - a request.", "P2"),
        ("Each call goes into one of three bins: Bin 1 - the plant stopped; Bin 2 - a line slowed; Bin 3 - one user.", "P2"),
        # no count of the word: "Ring 2" is only a name
        ("The desk marks tickets Ring 1 - a site stopped; Ring 2 - one office impaired; Ring 3 - one person; Ring 4 - a request.", "all"),
    ],
)  # fmt: skip
def test_a_count_of_the_word_that_numbers_the_levels_declares_the_scheme(scheme, scope):
    paragraph = (
        "We answer " + ("Bin" if "Bin 2" in scheme else "Ring") + " 2 tickets within 1 hour."
    )
    got = {
        (c.category, c.scope)
        for c in extract_vendor("v", [document(scheme, paragraph)]).commitments
    }
    assert got == {("response_time", scope)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Incidents are graded by impact; the higher the number, the more urgent. Impact 3: the line stopped. Impact 2: a yard impaired. Impact 1: one user.", {"Impact 3": "P1", "Impact 2": "P2", "Impact 1": "P3"}),
        # a heading's number is no count of the levels
        ("3.2 Impact levels\nThe Lessee grades each incident; the higher the number, the more urgent. Impact 3: the line stopped. Impact 2: a yard. Impact 1: a user.", {"Impact 3": "P1", "Impact 2": "P2", "Impact 1": "P3"}),
        ("We grade incidents; the higher the grade, the worse. Grade 4 is a plant stop, Grade 3 a line, Grade 2 a user.", {"grade 4": "P1", "grade 3": "P2", "grade 2": "P3"}),
        ("The higher the number, the more we charge. See page 3.", {}),
    ],
)  # fmt: skip
def test_levels_that_count_upwards_with_no_count_given_top_at_the_highest_named(text, expected):
    got = priorities.declared_scale(text)
    assert {k: v for k, v in got.items() if k in expected} == expected
    assert bool(got) == bool(expected)


def _items_then(items: list[str], sentence: str) -> set:
    blocks = [models.Block("What the buttons mean", 1, (50, 40, 500, 55), heading=True)]
    blocks += [
        models.Block(text, 1, (50, 60 + 20 * i, 500, 75 + 20 * i), item=True)
        for i, text in enumerate(items)
    ]
    blocks.append(models.Block(sentence, 1, (50, 200, 500, 230)))
    doc = models.Document("v.pdf", "0" * 64, 1, tuple(blocks), ())
    return {(c.category, c.scope) for c in extract_vendor("v", [doc]).commitments}


@pytest.mark.parametrize(
    "items, scope",
    [
        (["Kiln Out - the kilns or the ERP have stopped.", "Shed Slow - one shed is impaired.", "Desk Fault - one person or one printer."], "P2"),
        (["Red Line - the plant is down.", "Amber Line - a line is slowed.", "Green Line - a single user."], "P2"),
        # items that name plans by their contents, not harm: no scheme
        (["Shed Plan - sheds and yards.", "Mill Plan - the mill and its office.", "Full Plan - everything we look after."], "all"),
    ],
)  # fmt: skip
def test_items_that_each_say_what_harm_they_name_are_levels_without_a_lead_in(items, scope):
    second = items[1].split(" - ")[0]
    got = _items_then(items, f"An engineer calls back on a {second} within 30 minutes.")
    assert got == {("response_time", scope)}


SIGNALS = "Tell us how bad it is with one word. RED = the kiln has stopped. AMBER = slow, or one machine down. BLUE = a question."


@pytest.mark.parametrize(
    "message, expected",
    [
        ("RED: call us and say RED. An engineer calls you back within 15 min. The kiln works again within 5 hrs.", {("response_time", "P1", 15.0), ("resolution_time", "P1", 300.0)}),
        ("AMBER: send AMBER. We answer within 1 hr and fix it within 8 hrs.", {("response_time", "P2", 60.0), ("resolution_time", "P2", 480.0)}),
        # a label that names no level leaves the sentences after it unscoped
        ("NOTE: save this number. An engineer calls you back within 15 min.", {("response_time", "all", 15.0)}),
    ],
)  # fmt: skip
def test_levels_defined_with_equals_signs_and_a_message_that_opens_on_one(message, expected):
    got = extract_vendor("v", [document(SIGNALS, message)]).commitments
    assert {(c.category, c.scope, c.value) for c in got if c.category.endswith("_time")} == expected


APPROVAL = [
    "Ref",
    "Item",
    "Catalogue SLA-2026",
    "Requested in RFP",
    "Account team proposal",
    "Approved for Harbour Mills Group",
    "Approver",
]


@pytest.mark.parametrize(
    "approved, expected",
    [
        # the approved column is the offer, whoever it is for; "Catalogue" reads the catalogue's cell
        ("45 min", 45.0),
        ("Catalogue", 60.0),
        ("Catalogue (30 min rejected: needs a second engineer)", 60.0),
        ("As catalogue", 60.0),
    ],
)  # fmt: skip
def test_an_approval_forms_approved_column_is_the_offer_and_reads_its_references(
    approved, expected
):
    rows = [["S3", "Response, partial outage", "1 h", "30 min", "45 min", approved, "Country Ops"]]
    doc = document("The offer is made to Harbour Mills Group.", tables=(table(APPROVAL, rows),))
    got = extract_vendor("v", [doc], shared_clients=["Harbour Mills Group"]).commitments
    assert [(c.category, c.value) for c in got] == [("response_time", expected)]


def test_a_column_headed_with_the_clients_name_alone_is_still_the_clients():
    heads = ["Item", "Harbour Mills Group requirement", "Our offer"]
    doc = document(tables=(table(heads, [["Response, outage", "30 min", "20 min"]]),))
    got = extract_vendor("v", [doc], shared_clients=["Harbour Mills Group"]).commitments
    assert [c.value for c in got] == [20.0]


@pytest.mark.parametrize("label", ["Plans not proposed", "Options not offered", "Tier not quoted"])
def test_a_row_of_plans_not_proposed_holds_no_commitment(label):
    rows = [
        [label, "Basic (desk Mon-Sat 7:00-19:00) and Premium (15 min response)"],
        ["Response", "30 min"],
    ]
    got = _read(["Deal", "Details"], rows)
    assert got == {("response_time", "all", 30.0, "minute")}


def test_a_compliance_forms_field_labels_are_no_levels():
    from msp_select.extract.context import itemised_levels

    items = [
        'Requirement: "The provider must start work on a Priority 1 incident within 30 minutes."',
        "Status: partly compliant, the service is down.",
        "Response: we start work on Priority 1 incidents within 45 minutes.",
    ]
    blocks = [
        models.Block(t, 1, (50, 60 + 20 * i, 500, 75 + 20 * i), item=True)
        for i, t in enumerate(items)
    ]
    assert itemised_levels(blocks) == {}


@pytest.mark.parametrize(
    "heading, sentence, category",
    [
        ("4. Time until work begins on a call", "Every call: 45 minutes.", "response_time"),
        ("", "Work begins on each call within 45 minutes.", "response_time"),
        ("", "Work starts within 30 days of signature.", "onboarding_duration"),
    ],
)
def test_the_time_until_work_begins_on_a_call_is_its_response(heading, sentence, category):
    got = extract_vendor("v", [document(sentence, heading=heading)]).commitments
    assert {c.category for c in got} == {category}


def test_a_sheet_of_terms_made_out_under_the_clients_name_is_the_offer():
    rows = [
        ["Service review", "Quarterly, with the IT Manager"],
        ["Managed service fee", "USD 22.00 per named user per month"],
    ]
    doc = document(tables=(table(["Item", "Harbour Mills Group"], rows),))
    got = extract_vendor("v", [doc], shared_clients=["Harbour Mills Group"]).commitments
    assert {(c.category, c.value) for c in got} == {("review_cadence", 90.0), ("price", 22.0)}


LOG = ["Date", "Shift", "Time", "Entry", "Status"]


def test_a_dated_log_of_what_happened_holds_no_commitment():
    rows = [
        [
            "14.10.2027",
            "Night",
            "20:35",
            "Tablet 2 cannot print (Code Yellow); fixed remotely.",
            "Closed",
        ],
        [
            "14.10.2027",
            "Night",
            "21:52",
            "Weighbridge PC frozen, running again 22:14 (22 min).",
            "Closed",
        ],
        ["15.10.2027", "Day", "00:40", "Grid outage at the depot; UPS held for 38 min.", "Info"],
    ]
    assert _read(LOG, rows) == set()


def test_a_table_of_elapsed_times_without_dates_still_reads_them():
    rows = [
        ["Critical", "00:15", "04:00"],
        ["High", "00:30", "08:00"],
        ["Normal", "02:00", "24:00"],
    ]
    got = _read(["Priority", "Response (hh:mm)", "Restore (hh:mm)"], rows)
    assert ("response_time", "P1", 15.0, "minute") in got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Service desk and security operations centre: staffed 24 hours a day, every day of the year.", {("helpdesk", "24x7"), ("noc", "24x7")}),
        ("The service desk and the NOC are staffed 24 hours a day, 7 days a week.", {("helpdesk", "24x7"), ("noc", "24x7")}),
        ("Our NOC and the on-site team work Monday to Friday, 08:00-17:00.", {("noc", "business_hours"), ("onsite", "business_hours")}),
        # a place is no second service, nor a service with hours of its own
        ("The service desk, in our NOC, is staffed 24 hours a day.", {("helpdesk", "24x7")}),
        ("The service desk is open 8-6 on weekdays and the NOC monitors 24 hours a day.", {("helpdesk", "business_hours"), ("noc", "24x7")}),
    ],
)  # fmt: skip
def test_services_joined_as_one_subject_share_its_hours(sentence, expected):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert {(c.scope, c.unit) for c in got if c.category == "support_hours"} == expected


def test_a_letters_address_block_under_the_clients_name_is_no_sheet_of_terms():
    rows = [
        [
            "Why us",
            "We have run the plant's ERP since 2024, and the dispatch system was up 99.7% of the year.",
        ]
    ]
    doc = document(
        tables=(table(["To", "Eng. A. Ali, IT Manager, Harbour Mills Group, Dammam"], rows),)
    )
    got = extract_vendor("v", [doc], shared_clients=["Harbour Mills Group"]).commitments
    assert [c for c in got if c.category == "availability"] == []


def test_prose_names_a_level_that_a_table_ranks_as_a_column():
    rows = [
        [
            "What it means",
            "the kiln or the ERP stopped",
            "one line impaired",
            "one workplace",
            "a question",
        ],
        ["Engineer working, minutes", "30", "60", "240", "480"],
    ]
    prose = "During a Smoke call the shift foreman answers our engineer within 10 minutes."
    doc = document(prose, tables=(table(["", "Ember", "Smoke", "Spark", "Ash"], rows),))
    got = extract_vendor("v", [doc]).commitments
    assert ("response_time", "P2", 10.0) in {(c.category, c.scope, c.value) for c in got}


@pytest.mark.parametrize(
    "note, kept",
    [
        ("Parts 1 and 2 are the report as delivered: none of their figures is a promise.", {"P1"}),
        ("Parts 1 and 2 record what we found; the figures are not commitments.", {"P1"}),
        ("Parts 1 and 2 record what we found.", {"P1", "all"}),
    ],
)
def test_parts_whose_figures_a_note_says_are_no_promise_hold_no_commitment(note, kept):
    texts = [
        (note, False, ()),
        ("1. Findings", True, ()),
        (
            "The firewall can be fixed within 7 days; we restore the ERP within 4 hours.",
            False,
            ("1. Findings",),
        ),
        ("2. Attack path", True, ()),
        ("3. Our offer", True, ()),
        ("We respond to P1 incidents within 30 minutes.", False, ("3. Our offer",)),
    ]
    blocks = tuple(
        models.Block(
            t, 1, (50, 40 + 30 * i, 500, 60 + 30 * i), heading=h, level=int(h), section=sec
        )
        for i, (t, h, sec) in enumerate(texts)
    )
    doc = models.Document("v.pdf", "0" * 64, 1, blocks, ())
    got = extract_vendor("v", [doc]).commitments
    assert {c.scope for c in got if c.category.endswith("_time")} == kept


@pytest.mark.parametrize(
    "lead, strength",
    [
        ("The plans differ only where the table shows two values.", "binding"),
        ("The two plans vary only in their times:", "binding"),
        ("These times apply only where the site is in the capital:", "conditional"),
    ],
)
def test_a_lead_in_saying_where_plans_differ_sets_no_condition(lead, strength):
    t = replace(
        table(
            ["Level", "Standard", "Business"],
            [["Response, minutes", "", ""], ["Critical", "15", "10"]],
        ),
        subheader_rows=(0,),
        lead_in=lead,
    )
    got = extract_vendor("v", [document(lead, tables=(t,))]).commitments
    assert {c.strength for c in got if c.category == "response_time"} == {strength}


def test_a_status_pages_uptime_over_past_days_is_a_record_not_a_commitment():
    rows = [["Kigali cloud", "Operational", "99.98%"], ["Customer portal", "Degraded", "99.62%"]]
    assert _read(["Component", "Status now", "Uptime, last 90 days"], rows) == set()
    assert _read(["Component", "Status", "Availability"], rows) == {
        ("availability", "all", 99.98, "percent"),
        ("availability", "all", 99.62, "percent"),
    }


@pytest.mark.parametrize(
    "heading, kept",
    [("Past incidents", False), ("Incident history", False), ("Restoration", True)],
)
def test_incidents_under_a_heading_of_past_incidents_are_history(heading, kept):
    got = extract_vendor(
        "v",
        [
            document(
                "Resolved - the fibre was repaired and service restored in 9 hours.",
                heading=heading,
            )
        ],
    ).commitments
    assert bool([c for c in got if c.category.endswith("_time") or c.category == "rto"]) == kept


@pytest.mark.parametrize(
    "sentence, prices",
    [
        ("The amount uses the central bank's rate of 2027.11.21, USD 1 = MNT 3,415.20.", set()),
        ("Riel amounts are converted at US$ 1.00 = KHR 4,100 until the end of 2027.", set()),
        ("The fee is USD 45 per user per month; USD 1 = MNT 3,415.20.", {45.0}),
        (
            "For reference, at 1 JPY = 172 VND the device fee is about 2.413 yen per device per month.",
            set(),
        ),
    ],
)
def test_an_amount_set_equal_to_another_is_a_rate_of_exchange_not_a_price(sentence, prices):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert {c.value for c in got if c.category == "price"} == prices


@pytest.mark.parametrize(
    "sentence, party",
    [
        ("During a P1 incident the Customer's shift foreman answers the engineer's call within 15 minutes.", "client"),
        ("During a P1 incident, answer the desk's call-back within 15 minutes.", "client"),
        ("During a P1 incident the shift master answers the engineer within 10 minutes and opens the room.", "client"),
        ("During a P1 incident our desk answers the engineer's call within 5 minutes.", "provider"),
        ("During a P1 incident we answer the customer's call within 15 minutes.", "provider"),
    ],
)  # fmt: skip
def test_whoever_answers_the_engineers_call_is_the_client(sentence, party):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert [c.party for c in got if c.category == "response_time"] == [party]


@pytest.mark.parametrize(
    "heads, expected",
    [
        (["LINE STOP", "URGENT", "NORMAL", "LOW"], ["P1", "P2", "P3", "P4"]),
        (["Standstill", "High", "Low"], ["P1", "P2", "P3"]),
        # a column that names no harm before the known words leaves them their own places
        (["Remote", "URGENT", "NORMAL", "LOW"], ["all", "P1", "P3", "P4"]),
    ],
)
def test_columns_named_by_harm_before_the_known_words_rank_first(heads, expected):
    got = _read(
        ["", *heads],
        [["Technician calls back (minutes)", "30", "60", "240", "480"][: len(heads) + 1]],
    )
    order = {v: s for _, s, v, _ in got}
    assert [order[float(v)] for v in ["30", "60", "240", "480"][: len(heads)]] == expected


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("In the 2026/27 harvest the outgoing provider restored most Severity 1 incidents within 8 hours.", False),
        ("The outgoing provider restored 11 of its 14 P1 incidents within 8 hours.", False),
        ("We restore 9 of every 10 P1 incidents within 4 hours.", True),
        ("In the 2027/28 season we will restore P1 incidents within 4 hours.", True),
    ],
)  # fmt: skip
def test_a_record_of_a_past_season_or_a_count_of_past_incidents_is_history(sentence, kept):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert bool([c for c in got if c.category == "resolution_time"]) == kept


def test_a_sheet_under_a_client_name_with_a_legal_suffix_is_still_the_offer():
    rows = [["Service start date", "[within 14 days of signature]"]]
    doc = document(tables=(table(["Customer", "[Harbour Mills Group Co., Ltd.]"], rows),))
    got = extract_vendor("v", [doc], shared_clients=["Harbour Mills Group Co., Ltd."]).commitments
    assert [(c.category, c.value) for c in got] == [("onboarding_duration", 14.0)]


@pytest.mark.parametrize(
    "heads",
    [
        ["Item", "Qty", "Unit price (EUR)", "Valoare (EUR)"],
        [
            "Item",
            "Qty",
            "Unit price (EUR)",
            "Line (EUR)",
            "of which eligible (EUR)",
            "not eligible (EUR)",
        ],
    ],
)
def test_a_column_of_quantity_times_unit_price_is_a_line_amount_in_any_language(heads):
    rows = [
        [
            "Managed device, monthly",
            "251 x 36",
            "175.00",
            "1,581,300.00",
            "527,100.00",
            "1,054,200.00",
        ],
        ["Managed server, monthly", "9 x 36", "690.00", "223,560.00", "74,520.00", "149,040.00"],
    ]
    got = _read(heads, [r[: len(heads)] for r in rows])
    assert {v for c, _, v, _ in got if c == "price"} == {175.0, 690.0}


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("Considered and rejected: a remote desk at about 310 000 so'm a user a month.", False),
        ("Order No. 31 (with a named user at 298 000 so'm a month) is declared invalid from 01.01.2028.", False),
        ("The old tariff of 298 000 so'm a month is hereby revoked.", False),
        ("The fee is 345 000 so'm per named user a month.", True),
    ],
)  # fmt: skip
def test_a_price_rejected_or_declared_invalid_is_no_offer(sentence, kept):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert bool([c for c in got if c.category == "price"]) == kept


@pytest.mark.parametrize(
    "rows, basis",
    [
        (
            [["Fee per named user", "UZS 310 000,00 a month (desk, halls, PCs, network, servers)"]],
            "per_user",
        ),
        ([["Managed service", "USD 45.00 a month (per device)"]], "per_device"),
    ],
)
def test_what_an_aside_lists_is_what_a_price_covers_not_its_basis(rows, basis):
    got = _read(["Item", "Price"], rows)
    assert {s for c, s, _, _ in got if c == "price"} == {basis}


def test_a_sentences_basis_outside_the_aside_wins():
    sentence = (
        "The fee per named user is UZS 310 000,00 a month (desk, halls, PCs, network, servers)."
    )
    got = extract_vendor("v", [document(sentence)]).commitments
    assert [c.scope for c in got if c.category == "price"] == ["per_user"]


@pytest.mark.parametrize("head", ["US$ (VAT 10% extra)", "Price, EUR (VAT 21% not included)"])
def test_a_price_columns_note_of_the_tax_left_out_blocks_nothing(head):
    got = _read(["Item", "Basis", head], [["Named user", "per user, per month", "27.00"]])
    assert {(c, s, v) for c, s, v, _ in got} == {("price", "per_user", 27.0)}


@pytest.mark.parametrize(
    "sentence, days",
    [
        (
            "She comes to the mill every quarter to go through every claim with your IT Manager.",
            90.0,
        ),
        ("Each month we walk through all the calls of the month with your supervisor.", 30.0),
        ("We log every claim on the day it is made.", None),
    ],
)
def test_going_through_the_claims_with_the_client_is_a_review(sentence, days):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert [c.value for c in got if c.category == "review_cadence"] == ([days] if days else [])


@pytest.mark.parametrize("hours", ["shop hours", "store hours", "banking hours", "school hours"])
def test_the_hours_a_trade_keeps_are_business_hours(hours):
    got = extract_vendor(
        "v", [document(f"We watch your servers with our monitoring software during {hours}.")]
    ).commitments
    assert [(c.scope, c.unit) for c in got if c.category == "support_hours"] == [
        ("noc", "business_hours")
    ]


def test_a_unit_price_beside_a_quantity_of_one_is_still_the_price():
    rows = [
        ["PC maintenance, monthly, per device", "330", "28,000", "9,240,000"],
        ["Backup NAS management, monthly, lump sum", "1", "1,000,000", "1,000,000"],
        ["Initial set-up, one-time", "1", "1,500,000", "1,500,000"],
    ]
    got = _read(["Item", "Qty", "Unit price (KRW)", "Amount (KRW)"], rows)
    assert {v for c, _, v, _ in got if c == "price"} == {28000.0, 1000000.0, 1500000.0}


@pytest.mark.parametrize(
    "sentence, criterion, present",
    [
        ('our trainer spends half a day with the clerks at each station, in Kinyarwanda.', 'adoption-communication', True),
        ('Before each harvest we teach every weighbridge operator and yard clerk to use this bot.', 'adoption-communication', True),
        ('An engineer spends ten minutes at each shift change showing the foremen how to call.', 'adoption-communication', True),
        ('Our trainer spends a day with our engineers at the lab.', 'adoption-communication', False),
        ("We show every server's status on the portal.", 'adoption-communication', False),
        ('Every month we send the Executive Director a summary of the logbook with each call and its times.', 'reporting-transparency', True),
        ('The monthly statement lists every ticket, the hours it used and the times we met or missed.', 'reporting-transparency', True),
        ('We keep a list of all requests with their periods and the penalties due, sent every month.', 'reporting-transparency', True),
        ('We log every call in our tool.', 'reporting-transparency', False),
        ("Ms. Keo Malis, Service Delivery Manager, is the Customer's named contact for the contract.", 'dedicated-account-manager', True),
        ("SERVICE MANAGER: N. OYUNCHIMEG, THE CLIENT'S NAMED SINGLE CONTACT.", 'dedicated-account-manager', True),
        ("Bahodir Mirzayev, our deputy director, is the Mill's engineer-in-charge and its one contact.", 'dedicated-account-manager', True),
        ("Mr. Ali is the Customer's contact for invoices only when we are asked.", 'dedicated-account-manager', False),
        ('We take over within 30 days: the head office and the hosted servers in the first week, then the 11 stations, two a day.', 'implementation-plan', True),
        ('We take the service over within 40 days: the server room and the ERP in the first two weeks, the halls next.', 'implementation-plan', True),
        ('We take your calls in the first week of each month.', 'implementation-plan', False),
        ('Every shift at every cross-dock gets a 30-minute scanner and ticketing session in Spanish or English at go-live.', 'adoption-communication', True),
        ('Each ward receives a one-hour briefing on the new desk before go-live.', 'adoption-communication', True),
        ('Each site gets a new switch in the first month.', 'adoption-communication', False),
        ('The process is in operation within 50 days of the order: inventory and documentation (days 1-15), parallel run with the current provider (days 16-40), handover (days 41-50).', 'implementation-plan', True),
        ('Invoices are payable within 30 days (days 1-30 count from receipt).', 'implementation-plan', False),
        ('Your current provider runs the desk; it answers in 4 hours.', 'implementation-plan', False),
    ],
)  # fmt: skip
def test_team_fit_said_in_more_plain_words(sentence, criterion, present):
    """Training the client's people, reports of every ticket, the client's one named contact and
    a takeover in stages or numbered days, each beside a sentence that says something else."""
    assert (criterion in _criteria(sentence)) == present


@pytest.mark.parametrize(
    "sentence, category, kept",
    [
        ('Satisfaction: 93% of 412 survey answers good or better.', 'csat', False),
        ('- 3 S0 incidents, all restored within 2 h 40 min; none cost a flight.', 'resolution_time', False),
        ('At least 90% of survey answers will rate the service good or better.', 'csat', True),
        ('We restore all S0 incidents within 4 hours.', 'resolution_time', True),
        ('For each Priority 1 incident restored late we credit 3% of the monthly fee, up to 10% in any month.', 'service_credit', True),
    ],
)  # fmt: skip
def test_counted_past_incidents_and_survey_answers_are_a_record(sentence, category, kept):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert bool([c for c in got if c.category == category]) == kept


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        ('Item 3 is quoted in US dollars; the amount uses the Bank of Mongolia rate of 2027.11.21, USD 1 = MNT 3,415.20.', False),
        ('Amounts are in US dollars; riel amounts are converted at US$ 1.00 = KHR 4,100 until 31/12/2027.', False),
        ('A visit at night or on a Sunday is charged at FRW 45,000 per visit on top of the monthly fee.', True),
    ],
)  # fmt: skip
def test_a_rate_of_exchange_is_no_extra_charge(sentence, flagged):
    assert ("extra-cost" in _flags(sentence)) == flagged


TILES = ["Tile", "What it shows", "Contract level", "Clock"]


def test_a_column_that_says_what_each_row_shows_names_its_measure():
    rows = [
        ["D1 Data at risk", "minutes of data that a failure could lose (RPO)", "30 min", "24/7"],
        ["D2 Recovery", "hours to run at the recovery site (RTO)", "4 h", "24/7"],
        ["H1 Desk open", "hours the service desk answers calls", "24/7", "24/7"],
    ]
    got = extract_vendor("v", [document(tables=(table(TILES, rows),))]).commitments
    assert {(c.category, c.value, c.unit, c.strength) for c in got} == {
        ("rpo", 30.0, "minute", "binding"),
        ("rto", 240.0, "minute", "binding"),
        ("support_hours", None, "24x7", "binding"),
    }


@pytest.mark.parametrize("head, cover", [("Clock", False), ("Timer runs", False), ("Hours", True)])
def test_a_column_that_says_when_a_levels_clock_runs_is_no_cover(head, cover):
    rows = [["P1 desk response", "15 min", "24/7"], ["P3 desk response", "4 BH", "BH"]]
    got = _read(["Level", "Target", head], rows)
    assert bool([c for c, *_ in got if c == "support_hours"]) == cover


@pytest.mark.parametrize(
    "sentence, kind, name, present",
    [
        ('If we cannot reach anyone at the station, the 5 hrs wait until we do.', 'flag', 'clock-stop', True),
        ('We fix P1 faults within 5 hrs, and wait for nobody.', 'flag', 'clock-stop', False),
        ('She is the last point of escalation: a Ring 1 ticket still open after 3 hours is hers.', 'crit', 'senior-escalation', True),
        ('Before cherry reception opens, she spends a day at each of the 11 washing stations with the station clerks.', 'crit', 'adoption-communication', True),
        ('Our account manager spends a day each month with your IT manager.', 'crit', 'adoption-communication', False),
    ],
)  # fmt: skip
def test_a_wait_that_stops_the_clock_the_last_point_of_escalation_and_a_day_with_the_clerks(
    sentence, kind, name, present
):
    found = _flags(sentence) if kind == "flag" else _criteria(sentence)
    assert (name in found) == present


@pytest.mark.parametrize(
    "sentence, priced",
    [
        ("SMS receipts to farmers cost RWF 12 per message.", False),
        ("Managed printing costs USD 0.02 per page.", False),
        ("The fee is USD 40 per user per month.", True),
    ],
)
def test_a_price_per_message_or_page_has_no_contract_scope(sentence, priced):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert bool([c for c in got if c.category == "price"]) == priced


def test_a_description_beside_columns_that_name_their_measure_describes_the_level():
    rows = [
        ["P1", "Plant down, no workaround", "within 30 mins", "within 4 hrs"],
        ["P2", "Major degradation, workaround exists", "within 1 hr", "within 8 hrs"],
    ]
    got = _read(["Priority", "Description", "Response SLA", "Resolution SLA"], rows)
    assert got == {
        ("response_time", "P1", 30.0, "minute"),
        ("resolution_time", "P1", 240.0, "minute"),
        ("response_time", "P2", 60.0, "minute"),
        ("resolution_time", "P2", 480.0, "minute"),
    }


def test_a_key_that_defines_the_levels_keeps_its_level_names():
    key = table(
        ["Sev", "Meaning"],
        [
            ["Sev-0", "Plant office cannot operate"],
            ["Sev-1", "Crew or department degraded"],
            ["Sev-2", "One user cannot work"],
            ["Sev-3", "Request or question"],
        ],
    )
    doc = document("Sev-2: engaged within 4 business hours.", tables=(key,))
    got = extract_vendor("v", [doc]).commitments
    assert [(c.category, c.scope) for c in got if c.category == "response_time"] == [
        ("response_time", "P3")
    ]


def test_minutes_that_happen_to_be_a_product_of_two_columns_are_no_line_amount():
    heads = [
        "Period of cover",
        "Immediate - respond (min)",
        "Immediate - restore (hrs)",
        "Urgent - respond (min)",
        "Routine - respond (hrs)",
    ]
    rows = [["Weekdays", "15", "6", "60", "4"], ["Overnight", "30", "8", "240", "12"]]
    got = _read(heads, rows)
    assert {v for c, s, v, _ in got if s == "P2"} == {60.0, 240.0}


def test_a_level_glossed_in_brackets_in_a_key_names_a_column_without_its_gloss():
    key = replace(
        table(
            ["Category", "Meaning"],
            [
                ["Emergency (avaar)", "the plant is stopped"],
                ["Urgent", "a department works with difficulty"],
                ["Planned", "one user; a fault that can wait for working hours"],
                ["Consultation", "a question"],
            ],
        ),
        lead_in="Failures are assigned to one of four categories, the most serious first:",
    )
    times = table(
        ["", "Emergency", "Urgent", "Planned", "Consultation"],
        [["Engineer working within (minutes)", "30", "60", "240", "480"]],
    )
    got = extract_vendor("v", [document(tables=(key, times))]).commitments
    assert {(c.category, c.scope, c.value) for c in got} == {
        ("response_time", "P1", 30.0),
        ("response_time", "P2", 60.0),
        ("response_time", "P3", 240.0),
        ("response_time", "P4", 480.0),
    }


def test_what_a_key_says_a_level_is_holds_no_service_hours():
    key = table(
        ["Category", "Meaning"],
        [
            ["Urgent", "a department works with difficulty"],
            ["Planned", "one user; a fault that can wait for working hours"],
        ],
    )
    got = extract_vendor("v", [document(tables=(key,))]).commitments
    assert [c for c in got if c.category == "support_hours"] == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("User satisfaction: min. 90% good or better in the quarterly survey.", ("csat", 90.0)),
        ("USER SATISFACTION: MIN. 90% GOOD OR BETTER IN THE QUARTERLY SURVEY.", ("csat", 90.0)),
        ("Service credits: 4% of the monthly fee for each late fault; max. 12% per month.", ("service_credit", 12.0)),
    ],
)  # fmt: skip
def test_min_and_max_before_a_figure_are_minimum_and_maximum(sentence, expected):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert [(c.category, c.value) for c in got] == [expected]


def test_minutes_with_a_full_stop_still_end_a_sentence():
    got = extract_vendor(
        "v", [document("We answer P1 calls within 30 min. 99.9% uptime is guaranteed.")]
    ).commitments
    assert ("availability", 99.9) in {(c.category, c.value) for c in got}


@pytest.mark.parametrize(
    "sentence, strength",
    [
        ("Service credits: 3 % of the monthly fee per 0.1 % below target, max. 15 %.", "binding"),
        ("Credits of 3% per 0.1% under the target, capped at 15% of the monthly fee.", "binding"),
    ],
)
def test_a_credit_for_falling_below_target_is_no_soft_credit(sentence, strength):
    got = extract_vendor("v", [document(sentence)]).commitments
    assert {c.strength for c in got if c.category == "service_credit"} == {strength}


def test_a_quotes_description_column_still_names_the_cover_it_sells():
    rows = [
        ["MS-DESK", "Bilingual Service Desk, 24x7x365, unlimited tickets", "1", "Included"],
        ["MS-EP", "Managed Endpoint: patching, EDR, 24x7 NOC monitoring", "140", "$64.00"],
    ]
    got = extract_vendor(
        "v", [document(tables=(table(["Part #", "Description", "Qty", "Unit Price"], rows),))]
    ).commitments
    assert {(c.scope, c.unit) for c in got if c.category == "support_hours"} == {
        ("helpdesk", "24x7"),
        ("noc", "24x7"),
    }
