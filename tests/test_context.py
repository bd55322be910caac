"""Reading a number's context: priority schemes, table rows and columns, lead-ins, headings.

Each case is written in phrasings of our own; the mechanisms, not the sentences, are tested.
"""

from __future__ import annotations

import pytest

from msp_select import models
from msp_select.extract import extract_vendor
from msp_select.extract.priorities import scheme_scopes
from tests.extract_helpers import table


@pytest.mark.parametrize(
    "labels, bare, expected",
    [
        (["SEV-1", "SEV-2", "SEV-3", "SEV-4", "SEV-5"], False, ["P1", "P2", "P3", "P4", "P4"]),
        (["Level 4", "Level 3", "Level 2", "Level 1"], False, ["P1", "P2", "P3", "P4"]),
        (["Tier A: Sev 3", "Tier B: Sev 2", "Tier C: Sev 1"], False, ["P1", "P2", "P3"]),
        (
            ["P1 - Critical", "P2 - High", "P3 - Medium", "P4 - Low"],
            False,
            ["P1", "P2", "P3", "P4"],
        ),
        (["1. Urgent", "2. High", "3. Normal", "4. Low"], False, ["P1", "P2", "P3", "P4"]),
        (["Fatal", "Severe", "Medium", "Minor"], False, ["P1", "P2", "P3", "P4"]),
        (["High", "Medium", "Low"], False, ["P1", "P2", "P3"]),
        (["Emergency", "Serious", "Routine"], False, ["P1", "P2", "P3"]),
        (["Critical", "Low"], False, ["P1", "P4"]),
        (["P3", "P4"], False, ["P3", "P4"]),
        (["P0", "P1", "P2"], False, ["P1", "P2", "P3"]),
        (["1", "2", "3"], True, ["P1", "P2", "P3"]),
    ],
)
def test_a_priority_scheme_maps_onto_p1_to_p4_by_rank(labels, bare, expected):
    assert scheme_scopes(labels, bare) == expected


@pytest.mark.parametrize(
    "labels, bare",
    [
        (["Starter", "Professional", "Enterprise", "Emergency"], False),  # plans, not priorities
        (["1", "2", "3"], False),  # bare numbers only count under a severity header
        (["Email address", "Slack channel", "Video calls"], False),
        (["Urgent"], False),  # one label is not a scheme
    ],
)
def test_labels_that_are_not_a_priority_scheme(labels, bare):
    assert scheme_scopes(labels, bare) == [None] * len(labels)


def _doc(blocks=(), tables=()):
    """Blocks on page 1 from the top, each 30 points below the last; tables placed after them."""
    out, top = [], 40.0
    for text in blocks:
        heading = text.startswith("# ")
        out.append(models.Block(text.removeprefix("# "), 1, (50, top, 500, top + 20), heading))
        top += 30
    placed = tuple(
        models.Table(t.header, t.rows, 1, (50, top + 10, 500, top + 200), t.row_pages)
        for t in tables
    )
    return models.Document("v.pdf", "0" * 64, 1, tuple(out), placed)


def _found(doc):
    return [
        (c.category, c.scope, c.value, c.unit, c.strength, c.tier)
        for c in extract_vendor("v", [doc]).commitments
    ]


def test_tiers_as_columns_priorities_as_rows_category_from_the_heading():
    t = table(
        ["Ticket class", "Essentials", "Enterprise"],
        [["Class 1 - outage", "2 hours", "30 minutes"], ["Class 2 - degraded", "1 day", "4 hours"]],
    )
    got = _found(_doc(["# How quickly we pick up your tickets"], [t]))
    assert ("response_time", "P1", 120, "minute", "binding", "Essentials") in got
    assert ("response_time", "P1", 30, "minute", "binding", "Enterprise") in got
    assert ("response_time", "P2", 1440, "minute", "binding", "Essentials") in got
    assert ("response_time", "P2", 240, "minute", "binding", "Enterprise") in got


def test_priorities_as_columns_with_a_severity_word_scheme():
    t = table(
        ["Service", "Critical", "High", "Medium", "Low"],
        [["Email", "1 hour", "4 hours", "1 day", "3 days"]],
    )
    got = _found(_doc(["# Restoration targets"], [t]))
    scopes = [(c, s, v) for c, s, v, *_ in got]
    assert scopes == [
        ("resolution_time", "P1", 60),
        ("resolution_time", "P2", 240),
        ("resolution_time", "P3", 1440),
        ("resolution_time", "P4", 4320),
    ]
    assert {st for *_, st, _ in got} == {"soft"}  # "targets" in the heading


@pytest.mark.parametrize(
    "header, cell, expected",
    [
        ("Target (min)", "15", ("response_time", "P1", 15, "minute")),
        ("Answer within (hrs)", "2", ("response_time", "P1", 120, "minute")),
        ("Reply in hours", "4", ("response_time", "P1", 240, "minute")),
    ],
)
def test_a_unit_in_the_column_header_gives_bare_numbers_their_unit(header, cell, expected):
    t = table(["Severity", header], [["Severity 1", cell]])
    got = _found(_doc(["# Response commitments"], [t]))
    assert expected in [g[:4] for g in got]


def test_a_bare_number_without_a_unit_anywhere_is_not_a_commitment():
    t = table(["Severity", "Engineers assigned"], [["Severity 1", "4"]])
    assert _found(_doc(["# Response commitments"], [t])) == []


@pytest.mark.parametrize(
    "header, rows, expected",
    [
        (
            ["Plan", "Monthly fee (EUR)"],
            [["Per seat", "42"]],
            ("price", "per_user", 42, "EUR/month"),
        ),
        (
            ["", "Lite ($19/endpoint/month)", "Plus ($29/endpoint/month)"],
            [["Patching", "Yes", "Yes"]],
            ("price", "per_device", 29, "USD/month"),
        ),
        (
            ["Package", "Hourly rate"],
            [["Bronze", "95.00 €"]],
            ("price", "hourly", 95, "EUR/hour"),
        ),
    ],
)
def test_prices_take_currency_scope_and_period_from_headers(header, rows, expected):
    got = _found(_doc(["# Pricing"], [table(header, rows)]))
    assert expected in [g[:4] for g in got]


def test_a_price_per_site_has_no_contract_scope_and_zero_is_no_price():
    t = table(["Item", "Fee"], [["Network care per site / month", "$300"], ["Extra", "$0"]])
    assert _found(_doc(["# Pricing"], [t])) == []


def test_an_annual_restatement_of_a_monthly_fee_is_not_a_second_price():
    t = table(["", "Gold"], [["Cost per user", "$30 / month or $300 / year"]])
    got = [g[:4] for g in _found(_doc(["# Pricing"], [t]))]
    assert got == [("price", "per_user", 30, "USD/month")]


def test_a_yes_cell_offers_its_row_label_to_its_tier():
    t = table(
        ["Feature", "Basic", "Premier"],
        [["Helpdesk 24/7", "", "Yes"], ["Quarterly business review", "-", "Included"]],
    )
    got = _found(_doc(["# What each plan includes"], [t]))
    assert ("support_hours", "helpdesk", None, "24x7", "binding", "Premier") in got
    assert ("review_cadence", "all", 90, "day", "binding", "Premier") in got
    assert not [g for g in got if g[-1] == "Basic"]


def test_a_list_under_a_lead_in_takes_category_strength_and_scheme_from_it():
    doc = _doc(
        [
            "# Service levels",
            "We aim to acknowledge tickets within these times:",
            "• Outage - 20 minutes",
            "• Serious - 2 hours",
            "• Routine - 1 business day",
        ]
    )
    got = _found(doc)
    assert got == [
        ("response_time", "P1", 20, "minute", "soft", ""),
        ("response_time", "P2", 120, "minute", "soft", ""),
        ("response_time", "P3", 480, "minute", "soft", ""),
    ]


def test_support_hours_in_a_list_take_their_cover_from_the_lead_in():
    doc = _doc(["Our service desk is staffed at these times:", "• Monday to Friday, 7am - 7pm"])
    assert _found(doc) == [("support_hours", "helpdesk", None, "business_hours", "binding", "")]


def test_a_duration_in_business_hours_is_not_the_hours_of_cover():
    doc = _doc(["Our support team will respond within 4 business hours."])
    assert [g[0] for g in _found(doc)] == ["response_time"]


def test_a_table_introduced_as_targets_is_soft():
    doc = _doc(
        ["The schedule below lists our targeted fix times:"],
        [table(["Priority", "Fix"], [["P1", "4 hours"], ["P2", "8 hours"]])],
    )
    assert {g[4] for g in _found(doc)} == {"soft"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Either side may terminate the agreement on forty-five days' notice.", 45),
        ("The client may end this contract by giving 60 days' written notice.", 60),
        ("To stop the agreement renewing, give 90 days' notice before the anniversary.", 90),
        ("We will give 30 days' notice of scheduled maintenance.", None),
        ("Price changes take effect after 60 days' notice.", None),
        ("Changes to these terms are notified with 14 days' notice.", None),
        ("We may terminate if you fail to pay within 15 days of our written notice.", None),
        ("Objections must be raised within 10 days of the notice we send.", None),
    ],
)
def test_a_notice_period_belongs_to_the_event_its_sentence_names(sentence, expected):
    got = [g for g in _found(_doc([sentence])) if g[0] == "termination_notice"]
    assert [g[2] for g in got] == ([expected] if expected else [])
    assert all(g[4] == "binding" for g in got)


@pytest.mark.parametrize(
    "sentence",
    [
        "For example, a ticket raised at 4pm with a 2 hour response time is answered by 10am.",
        "For instance, 99.9% availability allows about 43 minutes of downtime a month.",
        "Credit requests must be made within 30 days of the incident.",
        "Ticket status updates are sent every 4 hours.",
        # an example labelled after a clause number, a typical case worked out, an option left out
        "5.4 Example: if the monthly fees are $6,000 and availability is 99.7%, the credit is 10%.",
        "A typical store with 9 devices therefore costs CAD 801 a month.",
        "[ ] Warm standby for hosted systems - $1,400 per month (not selected)",
    ],
)
def test_examples_claim_windows_and_status_updates_are_not_commitments(sentence):
    assert _found(_doc([sentence])) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("[X] Managed desktops - $45 per device per month (selected)", 45),
        ("Our example invoice: the fee is $45 per device per month.", 45),
    ],
)
def test_a_selected_option_or_an_unlabelled_fee_is_still_offered(sentence, expected):
    assert [g[2] for g in _found(_doc([sentence]))] == [expected]


@pytest.mark.parametrize(
    "declaration, expected",
    [
        ("All prices are in New Zealand dollars and exclude GST.", "NZD/month"),
        ("Fees are quoted in AUD.", "AUD/month"),
        # a peso is written with "$" too; its name comes from CLDR
        ("All prices are in Mexican pesos and exclude IVA.", "MXN/month"),
        ("Prices are stated in CLP, excluding VAT.", "CLP/month"),
        # a currency written with its own sign does not own the bare "$"
        ("All prices are in euros.", "USD/month"),
        ("Our pricing is simple.", "USD/month"),
    ],
)
def test_a_declared_currency_governs_a_bare_dollar(declaration, expected):
    got = _found(_doc([declaration, "Managed desktops cost $45 per device per month."]))
    assert [g[3] for g in got if g[0] == "price"] == [expected]


def test_a_row_label_is_read_through_the_glossary_that_defines_it():
    glossary = table(
        ["Term", "Definition"],
        [["Time to Engage", "The time between a ticket being logged and our acknowledgement."]],
    )
    sla = table(["Measure", "Gold"], [["Time to Engage (TTE)", "45 minutes"]])
    got = _found(_doc(["# Service levels"], [sla, glossary]))
    assert [g[:4] for g in got] == [("response_time", "all", 45, "minute")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("First reply: 20 minutes for Critical tickets; 3 hours for High tickets.", ["P1", "P2"]),
        (
            "First reply: 20 minutes for Urgent; 3 hours for High; 2 days for Low.",
            ["P1", "P2", "P3"],  # three levels named together are the scheme: by rank
        ),
        ("We answer calls within 1 hour and emails within 8 hours.", ["all", "all"]),
    ],
)
def test_clauses_that_pair_durations_with_priority_words_form_a_scheme(sentence, expected):
    assert [g[1] for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Uptime will be ninety-nine point nine five percent each month.", 99.95),
        ("We guarantee ninety-nine and a half percent availability.", 99.5),
        ("The platform will be available ninety-nine percent of the time.", 99.0),
    ],
)
def test_percentages_written_in_words(sentence, expected):
    assert [g[2] for g in _found(_doc([sentence]))] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("After the first year the contract may be ended with ninety days' notice.", 90),
        ("We will tell you about any price change sixty days beforehand.", None),
        ("Maintenance windows are announced five business days in advance.", None),
        ("Leaving in the first year costs three months' charges.", None),
        ("Disagreements not settled within ten business days go to mediation.", None),
        ("Ending the agreement early costs 40% of the remaining fees.", None),
    ],
)
def test_notice_periods_fees_and_dispute_periods(sentence, expected):
    got = _found(_doc([sentence]))
    assert [(g[0], g[2]) for g in got] == ([("termination_notice", expected)] if expected else [])


def test_a_dash_list_counting_down_from_the_most_urgent_level():
    doc = _doc(
        [
            "Our technicians start work on a call as follows:",
            "- Level 3 (site down) - within 45 minutes",
            "- Level 2 (team affected) - within three hours",
            "- Level 1 (questions) - within two business days",
        ]
    )
    assert [(g[0], g[1], g[2]) for g in _found(doc)] == [
        ("response_time", "P1", 45),
        ("response_time", "P2", 180),
        ("response_time", "P3", 960),
    ]


@pytest.mark.parametrize(
    "sentence, category, value",
    [
        ("After a disaster your servers will be running again within six hours.", "rto", 360),
        ("No more than thirty minutes of records can be lost.", "rpo", 30),
        ("Engineers visit your office between 9:00 and 17:00 on weekdays.", "support_hours", None),
    ],
)
def test_recovery_and_cover_phrasings(sentence, category, value):
    got = _found(_doc([sentence]))
    assert [(g[0], g[2]) for g in got] == [(category, value)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Solved tickets close automatically after seven days without a reply.",
        "Tickets are auto-closed five working days after the fix is confirmed.",
    ],
)
def test_ticket_auto_closure_is_not_a_resolution_time(sentence):
    assert _found(_doc([sentence])) == []


def test_the_client_answering_the_providers_requests_is_the_clients_obligation():
    got = _found(_doc(["The customer must answer our technicians' questions within two hours."]))
    assert [(g[0], g[2]) for g in got] == [("response_time", 120)]
    doc = extract_vendor(
        "v", [_doc(["The customer must answer our technicians' questions within two hours."])]
    )
    assert [c.party for c in doc.commitments] == ["client"]


def test_a_lead_in_sentence_about_the_past_does_not_stop_the_next_sentence_naming_a_category():
    doc = _doc(
        ["Last year we averaged 25 minutes. The table gives how fast an engineer responds:"],
        [table(["Grade", "Target (min)"], [["Grade 1", "15"], ["Grade 2", "45"]])],
    )
    assert [(g[0], g[1], g[2]) for g in _found(doc)] == [
        ("response_time", "P1", 15),
        ("response_time", "P2", 45),
    ]


@pytest.mark.parametrize(
    "lead_in, expected",
    [
        ("The table lists our response limits. These limits are contractual:", "binding"),
        ("The table lists how quickly we respond:", "soft"),  # the "Target" header decides
    ],
)
def test_a_lead_in_that_declares_the_figures_binding_outweighs_a_target_header(lead_in, expected):
    doc = _doc([lead_in], [table(["Priority", "Response target (min)"], [["P1", "15"]])])
    assert [g[4] for g in _found(doc)] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("These service levels carry no service credits.", [("service_credit", None)]),
        (
            "Customers are not eligible for any refund if targets are missed.",
            [("service_credit", None)],
        ),
        ("If we miss a target we will review it; no change to the remedy terms applies.", []),
        ("Card payments are subject to a 3% fee.", []),
        ("We refund 10% of the monthly fee for each missed P1 response.", [("service_credit", 10)]),
        ("Credits are 2% of monthly spend per 1% below the availability target.", []),
    ],
)
def test_service_credits_need_a_remedy_and_a_negation_that_governs_it(sentence, expected):
    got = [(g[0], g[2]) for g in _found(_doc([sentence])) if g[0] == "service_credit"]
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Work outside the catalogue is charged at $140 an hour.",
        "Email is covered by the mail host's own 99.9% service level.",
    ],
)
def test_a_rates_hour_and_a_third_partys_own_figure_are_not_service_levels(sentence):
    assert [g[0] for g in _found(_doc(["# Commercial terms", sentence]))] in ([], ["price"])


def test_a_dollar_column_follows_the_currency_the_document_declares():
    doc = _doc(
        ["All prices are in Australian dollars."],
        [table(["Item", "Monthly fee ($)"], [["Per user", "41"]])],
    )
    assert [g[3] for g in _found(doc)] == ["AUD/month"]


@pytest.mark.parametrize(
    "label_header, rows, expected",
    [
        (
            "Effect on the business",
            [["Everyone stopped", "15"], ["A team stopped", "60"], ["One person", "240"]],
            ["P1", "P2", "P3"],
        ),
        (
            "Impact",
            [["Site down", "30 minutes"], ["Degraded", "2 hours"], ["Cosmetic", "1 day"]],
            ["P1", "P2", "P3"],
        ),
        # the same times everywhere: no urgency order to read
        ("Impact", [["Site down", "60"], ["One user", "60"]], ["all"]),
        # times that shrink down the table are not listed most urgent first
        ("Impact", [["One user", "240"], ["Site down", "15"]], ["all"]),
        # rows of services, not of urgency
        ("Service", [["Email", "15"], ["Phones", "60"]], ["all"]),
    ],
)
def test_rows_named_by_effect_rank_in_document_order_when_their_times_grow(
    label_header, rows, expected
):
    doc = _doc(["# Response"], [table([label_header, "Response (min)"], rows)])
    assert sorted({g[1] for g in _found(doc)}) == expected


def test_a_subheader_naming_hours_gives_the_cells_below_it_their_unit():
    t = table(
        ["", "Essentials", "Enterprise"],
        [["Hours to restore service", "", ""], ["High", "12", "4"], ["Low", "72", "36"]],
    )
    got = _found(_doc(["# Service levels"], [t]))
    assert ("resolution_time", "P1", 720, "minute", "binding", "Essentials") in got
    assert ("resolution_time", "P2", 2160, "minute", "binding", "Enterprise") in got


def test_a_paragraph_that_points_at_these_times_introduces_the_table():
    doc = _doc(
        [
            "# Time to first contact",
            "An engineer will call the person who raised it within these times.",
        ],
        [
            table(
                ["Priority", "Standard (min)", "Plus (min)"],
                [["P1", "30", "15"], ["P2", "90", "60"]],
            )
        ],
    )
    assert ("response_time", "P1", 30, "minute", "binding", "Standard") in _found(doc)
    assert ("response_time", "P2", 60, "minute", "binding", "Plus") in _found(doc)


def test_a_paragraph_mentioning_these_services_in_passing_is_not_a_lead_in():
    doc = _doc(
        ["# Our offer", "We resolve faults in these services quickly and then report."],
        [table(["Priority", "Standard (min)"], [["P1", "30"], ["P2", "90"]])],
    )
    assert [g for g in _found(doc) if g[0] == "resolution_time"] == []


def test_no_credit_for_a_missed_target_leaves_the_target_soft_not_excluded():
    doc = _doc(
        [
            "# Restoration",
            "We aim to fix faults within the times below. These are not guarantees and no credit is paid.",
        ],
        [table(["Priority", "Fix (hours)"], [["P1", "4"], ["P2", "8"]])],
    )
    got = [g for g in _found(doc) if g[0] == "resolution_time"]
    assert {g[4] for g in got} == {"soft"} and len(got) == 2


def test_a_cadence_word_in_a_cell_takes_its_category_from_the_row_label():
    t = table(
        ["Feature", "Core", "Complete"],
        [
            ["Account review meeting", "Every six months", "Quarterly"],
            ["Backups", "Daily", "Daily"],
        ],
    )
    got = [(g[0], g[2], g[5]) for g in _found(_doc(["# Plans"], [t]))]
    assert ("review_cadence", 180, "Core") in got and ("review_cadence", 90, "Complete") in got
    assert [g for g in got if g[0] == "review_cadence" and g[1] == 1] == []


@pytest.mark.parametrize(
    "label, cell, expected",
    [
        ("Labour outside business hours, per hour", "150", [("price", "hourly", 150, "NZD/hour")]),
        ("Call-out outside business hours (per visit)", "180", []),  # a visit is not an hour
        ("Early exit charge if the agreement ends in year one", "3,000", []),
        ("Onboarding (one-off)", "4,200", [("price", "onboarding", 4200, "NZD")]),
    ],
)
def test_charges_in_a_fee_table_are_read_by_what_their_row_charges_for(label, cell, expected):
    t = table(["Charge", "NZD"], [[label, cell]])
    assert [g[:4] for g in _found(_doc(["# Other charges"], [t]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The service desk is open 8:00 to 18:00 on working days.", "business_hours"),
        ("The helpdesk takes calls 7:30 am to 6 pm.", "business_hours"),
        ("Our service desk is staffed 8am-6pm.", "business_hours"),
        ("The service desk will respond in 1 to 2 hours.", None),
        ("The service desk will respond within 2 working days.", None),
    ],
)
def test_a_clock_range_or_working_days_is_business_hours_cover(sentence, expected):
    got = [g[3] for g in _found(_doc([sentence])) if g[0] == "support_hours"]
    assert got == ([expected] if expected else [])


def test_a_working_days_cell_under_a_service_desk_row_is_business_hours():
    t = table(
        ["What is included", "Essentials", "Enterprise"], [["Service desk", "Working days", "24x7"]]
    )
    got = _found(_doc(["# Plans"], [t]))
    assert ("support_hours", "helpdesk", None, "business_hours", "binding", "Essentials") in got
    assert ("support_hours", "helpdesk", None, "24x7", "binding", "Enterprise") in got


def test_one_value_column_is_no_choice_of_tiers_and_neither_are_its_rows():
    t = table(
        ["Service", "Amount ($)"], [["Service desk", "Working days"], ["Monthly fee", "$900"]]
    )
    assert {g[5] for g in _found(_doc(["# Plan"], [t]))} == {""}


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["Typical repair times, which we cannot guarantee:", "• P1 - 6 hours"], "soft"),
        (["A typical client of ours saw repairs within 6 hours."], None),
    ],
)
def test_typical_figures_are_soft_and_a_typical_client_is_history(lines, expected):
    got = [g[4] for g in _found(_doc(lines)) if g[0] == "resolution_time"]
    assert got == ([expected] if expected else [])


def test_days_and_weeks_count_as_business_days_when_the_document_says_so():
    t = table(["Priority", "Fix"], [["P1", "4 days"], ["P2", "1 week"]])
    plain = _found(_doc(["# Resolution"], [t]))
    declared = _found(_doc(["# Resolution", "All SLAs are in accordance with business days."], [t]))
    assert [g[2] for g in plain] == [5760, 10080]
    assert [g[2] for g in declared] == [4 * 480, 5 * 480]


@pytest.mark.parametrize(
    "header, row, expected",
    [
        (
            ["Plan", "Price", "Unit"],
            ["Basic", "$30", "per user / month"],
            [("price", "per_user", 30, "USD/month")],
        ),
        (
            ["Plan", "Rate", "Channels"],
            ["Silver", "95.00 €", "Email, chat, phone (office hours)"],
            [("price", "hourly", 95, "EUR/hour")],
        ),
    ],
)
def test_a_neighbouring_cell_says_what_an_amount_is_per_only_when_it_reads_as_a_unit(
    header, row, expected
):
    got = _found(_doc(["# Prices"], [table(header, [row])]))
    assert [g[:4] for g in got if g[0] == "price"] == expected


def test_a_name_value_table_whose_first_row_holds_a_figure_has_no_header():
    t = table(
        ["Service level agreement", "Bronze: 99.5% Silver: 99.9%"],
        [["Portal level agreement", "99.90%"], ["Calculation", "Minutes in the month"]],
    )
    got = sorted(g[2] for g in _found(_doc(["# Hosted desktops"], [t])) if g[0] == "availability")
    assert got == [99.5, 99.9]


@pytest.mark.parametrize(
    "label, cell, expected",
    [
        ("Uptime SLA", "99.95%", [99.95]),
        ("Service level", "99.5%", [99.5]),
        ("Service level", "85%", []),  # a low percentage under a service level is no uptime
        ("Discount", "99%", []),
    ],
)
def test_a_high_percentage_in_a_service_level_row_is_availability(label, cell, expected):
    t = table(["Item", "Value"], [[label, cell]])
    got = [g[2] for g in _found(_doc(["# Terms"], [t])) if g[0] == "availability"]
    assert got == expected


@pytest.mark.parametrize(
    "labels, trailing, expected",
    [
        (["Urgent", "High", "Normal", "Low", "Planned work"], True, ["P1", "P2", "P3", "P4", "P4"]),
        (["Critical", "Serious", "Everything else"], True, ["P1", "P2", "P3"]),
        # a table's extra column ("Notes") is not a level below the last one
        (["Critical", "High", "Notes"], False, ["P1", "P2", None]),
        # an unnamed label before the scheme stays unnamed
        (["Email", "Critical", "High"], True, [None, "P1", "P2"]),
    ],
)
def test_a_list_item_after_the_last_named_level_ranks_below_it(labels, trailing, expected):
    assert scheme_scopes(labels, trailing=trailing) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We resolve no fewer than 75 percent of calls at first contact.", [75]),
        ("We fix not less than 72% of calls on first contact.", [72]),
        ("In the 2024 financial year we resolved 83% of calls on first contact.", []),
        ("In 2025 our engineers closed 80% of calls at first contact.", []),
    ],
)
def test_a_floor_is_a_commitment_and_a_past_year_is_history(sentence, expected):
    got = [g[2] for g in _found(_doc([sentence])) if g[0] == "first_contact_resolution"]
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Response times apply during working hours (9am to 5.30pm) only.",
            ("business_hours", "binding"),
        ),
        ("Our response targets apply 24x7.", ("24x7", "binding")),
        (
            "Working hours are defined as 8:30 to 17:00, Monday to Friday.",
            ("business_hours", "binding"),
        ),
        ("Invoices are payable within 20 business days.", None),
        ("Office hours in the café are 9am to 5pm for visitors.", None),
    ],
)
def test_hours_a_response_clause_or_a_definition_names_are_the_desks_hours(sentence, expected):
    got = [(g[3], g[4]) for g in _found(_doc([sentence])) if g[0] == "support_hours"]
    assert got == ([expected] if expected else [])


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Ad hoc help costs $120 / hour (4 hour deposit).", [("price", "hourly", 120, "USD/hour")]),
        ("A deposit of $120 an hour is held against ad hoc work.", []),
    ],
)
def test_a_distractor_in_an_aside_does_not_govern_the_amount_before_it(sentence, expected):
    assert [g[:4] for g in _found(_doc([sentence])) if g[0] == "price"] == expected


def test_an_aside_after_one_priority_does_not_lend_it_to_the_next_clause():
    got = _found(
        _doc(
            [
                "First replies: 30 minutes for Urgent (including triage); 4 hours for High; 2 days for Low."
            ]
        )
    )
    assert [(g[1], g[2]) for g in got if g[0] == "response_time"] == [
        ("P1", 30),
        ("P2", 240),
        ("P3", 2880),  # three levels named together rank among themselves (contract 1.2.1)
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Tickets other than P1 are answered within 4 hours.", ["P2", "P3", "P4"]),
        ("Non-urgent requests get a reply within one business day.", ["P2", "P3", "P4"]),
        ("If the ticket is not a Priority 1 ticket, we reply within 8 hours.", ["P2", "P3", "P4"]),
        ("Priority 1 tickets are answered within 15 minutes.", ["P1"]),
    ],
)
def test_a_negated_priority_names_every_priority_but_itself(sentence, expected):
    assert [g[1] for g in _found(_doc([sentence])) if g[0] == "response_time"] == expected


def test_a_heading_that_says_in_minutes_gives_a_tables_bare_numbers_their_unit():
    t = table(
        ["Priority", "Basic", "Premium"], [["Priority 1", "45", "20"], ["Priority 2", "90", "60"]]
    )
    got = _found(_doc(["# How fast we reply, in minutes"], [t]))
    assert ("response_time", "P1", 45, "minute", "binding", "Basic") in got
    assert ("response_time", "P2", 60, "minute", "binding", "Premium") in got


def test_a_stack_of_tables_under_one_header_ranks_each_part_on_its_own():
    t = table(
        ["Priority", "Basic", "Premium"],
        [
            ["Priority 1 - everyone down", "30", "15"],
            ["Priority 2 - one team down", "120", "60"],
            ["Time to fix, in hours", "", ""],
            ["Priority", "Basic", "Premium"],
            ["Priority 1", "8", "4"],
            ["Priority 2", "24", "12"],
        ],
    )
    got = {(g[0], g[1], g[2], g[5]) for g in _found(_doc(["# Reply times, in minutes"], [t]))}
    assert ("response_time", "P1", 30, "Basic") in got
    assert ("response_time", "P2", 60, "Premium") in got
    assert ("resolution_time", "P1", 480, "Basic") in got
    assert ("resolution_time", "P2", 720, "Premium") in got
    assert len(got) == 8


def test_a_table_continued_on_the_next_page_keeps_its_subheader_and_heading():
    first = table(
        ["Priority", "Basic", "Premium"],
        [["Time to fix, in hours", "", ""], ["Priority 1", "8", "4"]],
        page=1,
        top=100,
    )
    rest = table(["Priority", "Basic", "Premium"], [["Priority 2", "24", "12"]], page=2, top=60)
    doc = models.Document("v.pdf", "0" * 64, 2, (), (first, rest))
    got = {(g[0], g[1], g[2]) for g in _found(doc)}
    assert ("resolution_time", "P2", 1440) in got and ("resolution_time", "P2", 720) in got


@pytest.mark.parametrize(
    "labels, expected",
    [
        (["Severity A", "Severity B", "Severity C", "Severity D"], ["P1", "P2", "P3", "P4"]),
        (
            ["Sev A reply (mins)", "Sev A fix (hrs)", "Sev B reply (mins)", "Price"],
            ["P1", "P1", "P2", None],
        ),
        (["Tier A", "Tier B"], [None, None]),  # plans, not levels
    ],
)
def test_letters_after_a_level_word_are_levels(labels, expected):
    assert scheme_scopes(labels) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "A Severity C fault gets a first response within four working hours.",
            [("response_time", "P3")],
        ),
        ("A ticket is closed two days after we mark it resolved.", []),
    ],
)
def test_lettered_priorities_in_prose_and_closure_after_resolution(sentence, expected):
    assert [g[:2] for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "We respond to P1 tickets within 15 minutes, measured from when the ticket is logged.",
            [("response_time", "P1", 15)],
        ),
        ("Availability is calculated as 100% minus the downtime.", []),
        (
            "The managed service costs €94 per user per month, excluding VAT.",
            [("price", "per_user", 94)],
        ),
        ("VAT at 23% is added to every invoice.", []),
        (
            "An engineer will be actively working on P2 tickets within 2 hours.",
            [("response_time", "P2", 120)],
        ),
    ],
)
def test_definitions_govern_what_follows_and_tax_words_qualify_a_price(sentence, expected):
    assert [g[:3] for g in _found(_doc([sentence]))] == expected


def test_a_term_defined_by_means_is_read_through_the_glossary():
    doc = _doc(
        ['"Fix Window" means the time until the fault is resolved.'],
        [table(["Priority", "Fix Window"], [["P1", "4 hours"], ["P2", "8 hours"]])],
    )
    assert [(g[0], g[1], g[2]) for g in _found(doc)] == [
        ("resolution_time", "P1", 240),
        ("resolution_time", "P2", 480),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "A Transition Charge of €6,100.00 is payable on the Effective Date.",
            [("price", "onboarding", 6100)],
        ),
        (
            "Work outside the Services is charged at £90 per hour, invoiced monthly.",
            [("price", "hourly", 90)],
        ),
        ("Invoices are payable within 30 days.", []),
        (
            "The Transition shall be completed within sixty (60) days of signing.",
            [("onboarding_duration", "all", 60)],
        ),
        ("On exit we support the transition to a new provider for up to 90 days.", []),
    ],
)
def test_payment_words_stop_durations_not_prices_and_transition_completes_onboarding(
    sentence, expected
):
    assert [g[:3] for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The service desk is available twenty-four (24) hours a day, seven (7) days a week.",
            ("helpdesk", "24x7"),
        ),
        ("We monitor your servers continuously.", ("noc", "24x7")),
    ],
)
def test_round_the_clock_cover_in_contract_wording(sentence, expected):
    assert [(g[1], g[3]) for g in _found(_doc([sentence])) if g[0] == "support_hours"] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Backups are kept for 30 days, so at most 12 hours of changes could be lost.",
            [("rpo", 720)],
        ),
        (
            "After a site loss we will restore the hosted servers within 1 business day.",
            [("rto", 480)],
        ),
        ("Backups are kept for 30 days.", []),
    ],
)
def test_retention_governs_its_own_clause_and_a_site_loss_restore_is_recovery(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


def test_a_numbered_clause_that_starts_with_a_condition_on_the_client_binds_the_provider():
    clause = (
        "5.2 Provided that the Customer has bought the DR option, the Supplier shall restore"
        " the service within six (6) hours of invocation."
    )
    (c,) = extract_vendor("v", [_doc([clause])]).commitments
    assert (c.category, c.value, c.strength, c.party) == ("rto", 360, "conditional", "provider")


@pytest.mark.parametrize(
    "lines, expected",
    [
        (
            ["Response times:", "– Urgent (payroll unavailable): 30 minutes"],
            [("response_time", "binding")],
        ),
        (["A P1 fault that is not resolved within 2 hours goes to our operations director."], []),
        (["A P1 fault still open after 4 hours is escalated to the director."], []),
    ],
)
def test_a_labels_aside_says_nothing_of_strength_and_escalation_triggers_are_not_targets(
    lines, expected
):
    assert [(g[0], g[4]) for g in _found(_doc(lines))] == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (
            [
                "The service desk is open 8 am to 6 pm, Monday to Friday.",
                "Site visits take place during desk hours.",
            ],
            [("helpdesk", "business_hours"), ("onsite", "business_hours")],
        ),
        (
            ["Engineers attend your offices on working days, between 09:00 and 17:00."],
            [("onsite", "business_hours")],
        ),
        (
            ["Attendance at the Customer's premises shall be provided during Business Hours."],
            [("onsite", "business_hours")],
        ),
        (["Site visits take place during desk hours."], []),  # no desk hours stated to refer to
    ],
)
def test_site_attendance_and_hours_that_refer_to_the_desks_hours(lines, expected):
    assert [(g[1], g[3]) for g in _found(_doc(lines)) if g[0] == "support_hours"] == expected


def test_a_note_that_no_credits_are_paid_leaves_a_tables_targets_soft():
    doc = _doc(
        ["# Service levels", "Fix times are targets for planning and carry no service credits."],
        [table(["", "P1", "P2"], [["We aim to fix within", "8 h", "24 h"]])],
    )
    got = [(g[0], g[4]) for g in _found(doc) if g[0] == "resolution_time"]
    assert got == [("resolution_time", "soft"), ("resolution_time", "soft")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "We commit to a satisfaction score of at least 90% in our post-ticket surveys.",
            [("csat", 90)],
        ),
        ("Industry surveys show 85% satisfaction with managed services.", []),
    ],
)
def test_our_own_surveys_measure_a_commitment_industry_surveys_are_history(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The Customer shall ensure that a contact is available to us within four (4) business hours of a request.",
            [("response_time", 240, "client")],
        ),
        ("The new portal will be available within 30 days of signing.", []),
    ],
)
def test_a_client_contact_available_within_a_time_is_the_clients_response(sentence, expected):
    got = extract_vendor("v", [_doc([sentence])]).commitments
    assert [(c.category, c.value, c.party) for c in got] == expected


def test_a_definition_gives_the_desks_hours_only_when_nothing_else_states_them():
    definition = "Business Hours means 08:00 to 18:00, Monday to Friday."
    alone = _found(_doc([definition]))
    stated = _found(_doc(["Our service desk is staffed 24x7.", definition]))
    assert [(g[1], g[3]) for g in alone] == [("helpdesk", "business_hours")]
    assert [(g[1], g[3]) for g in stated] == [("helpdesk", "24x7")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Urgent calls can be phoned in at any hour on our emergency line.",
            [("helpdesk", "24x7", "binding")],
        ),
        ("We do not run an out-of-hours help desk.", [("helpdesk", "24x7", "excluded")]),
        ("There is no after-hours support on this plan.", [("helpdesk", "24x7", "excluded")]),
        (
            "Site visits outside business hours are available on request and are billed extra.",
            [("onsite", "24x7", "conditional")],
        ),
        # in other words: a multiple of the rate, a call-out, a dispatch, the client asking
        (
            "Out-of-hours on-site attendance is charged at 1.5 times the hourly rate.",
            [("onsite", "24x7", "conditional")],
        ),
        ("At night and at weekends we come out on request.", [("onsite", "24x7", "conditional")]),
        (
            "Dispatch of engineers outside the above hours is possible upon request.",
            [("onsite", "24x7", "conditional")],
        ),
        (
            "Evening and weekend attendance on campus, when you ask for it.",
            [("onsite", "24x7", "conditional")],
        ),
        (
            "We will have an engineer at either plant within two hours of a call, at any hour.",
            [("onsite", "24x7", "binding")],
        ),
        # out-of-hours cover that is offered need not be round the clock
        ("Our after-hours line is staffed by senior engineers.", []),
        ("Support is available outside of working hours in an emergency.", []),
        ("Emails received outside office hours are read the next business day.", []),
    ],
)
def test_out_of_hours_cover_is_24x7_only_when_negated_or_on_request(sentence, expected):
    got = extract_vendor("v", [_doc([sentence])]).commitments
    assert [(c.scope, c.unit, c.strength) for c in got if c.category == "support_hours"] == expected


@pytest.mark.parametrize(
    "sentence, days",
    [
        (
            "It then continues for further periods of twelve months each unless either party gives "
            "notice of non-renewal at least three months before the end of the current term.",
            [90],
        ),
        (
            "The agreement renews for successive terms of one (1) year unless either party gives "
            "60 days' written notice before the end of the term.",
            [60],
        ),
        ("The contract continues for additional periods of 24 months.", []),
    ],
)
def test_a_renewal_period_is_not_a_notice_period(sentence, days):
    got = _found(_doc([sentence]))
    assert [g[2] for g in got if g[0] == "termination_notice"] == days


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an aside after a level's name describes the level; its words name no category
        (
            "Priority 2 (no workaround available) - response within 4 hours.",
            [("response_time", 240)],
        ),
        (
            "Severity 3 (one user, fix can wait): acknowledged within 8 hours.",
            [("response_time", 480)],
        ),
        (
            "Priority 1 (resolution within 8 hours): response 30 minutes.",
            [("resolution_time", 480), ("response_time", 30)],
        ),
        ("Maximum data loss (RPO): 4 hours.", [("rpo", 240)]),
    ],
)
def test_an_aside_after_a_level_name_names_no_category(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Priority 4 requests are completed within five working days.",
            [("resolution_time", 2400)],
        ),
        (
            "Standard service requests are fulfilled within 3 business days.",
            [("resolution_time", 1440)],
        ),
        ("Onboarding will be completed within 8 weeks.", [("onboarding_duration", 56)]),
        (
            "If the data centre itself fails we will have your systems running from our second site within 6 hours.",
            [("rto", 360)],
        ),
        ("Should the region go down, we fail over within 2 hours.", [("rto", 120)]),
        ("If an office fails to pay within 30 days, service is suspended.", []),
        (
            "Critical updates reach every device within a fortnight of release.",
            [("patch_window", 14)],
        ),
        # a third party's published figure is not the proposer's promise
        ("Our backup software vendor quotes a 15-minute restore for a single mailbox.", []),
        ("The hardware manufacturer states a 4-hour replacement for failed disks.", []),
    ],
)
def test_what_a_number_measures_from_its_clause(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Work outside the plan is charged at €110 an hour.", [("price", "hourly", 110)]),
        (
            "Extra work costs €110 an hour, and we respond within an hour.",
            [("response_time", "all", 60), ("price", "hourly", 110)],
        ),
        (
            "Once a year our managing director meets your chief executive.",
            [("review_cadence", "all", 365)],
        ),
        # "twice a year" holds "year": one frequency, the one written
        (
            "Our director reviews the service with you twice a year.",
            [("review_cadence", "all", 180)],
        ),
        ("Service reviews are held twice per year.", [("review_cadence", "all", 180)]),
        (
            "If we miss it, you receive a credit of 5% of the monthly fee for each 0.1% below 99.7%, capped at 25%.",
            [("service_credit", "all", 25)],
        ),
        (
            "Availability below 99.9% but at least 99.5% earns a 5% credit.",
            [("service_credit", "all", 5)],
        ),
    ],
)
def test_rates_frequencies_and_credit_caps(sentence, expected):
    assert [g[:3] for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "lead_in, items, expected",
    [
        (
            "We respond to issues in the following order:",
            [
                "• Whole platform: within 1 hour.",
                "• One service: within 4 hours.",
                "• Anything else: within 2 days.",
            ],
            [("P1", 60), ("P2", 240), ("P3", 2880)],
        ),
        (
            "Our engineers respond within these times:",
            [
                "• When the whole office is down: 30 minutes.",
                "• When several users are affected: 2 hours.",
                "• When one user is affected: 8 hours.",
            ],
            [("P1", 30), ("P2", 120), ("P3", 480)],
        ),
        # no order stated, no effects described: the items are not levels
        (
            "Our engineers respond within these times:",
            ["• Email: 4 hours.", "• Phone: 8 hours."],
            [("all", 240), ("all", 480)],
        ),
        # times that do not grow down the list are not a ranking
        (
            "We respond to issues in the following order:",
            ["• Whole platform: within 4 hours.", "• One service: within 1 hour."],
            [("all", 240), ("all", 60)],
        ),
    ],
)
def test_unnamed_levels_rank_in_document_order_when_the_list_says_so(lead_in, items, expected):
    got = _found(_doc([lead_in, *items]))
    assert [(g[1], g[2]) for g in got if g[0] == "response_time"] == expected


def test_sibling_headings_numbered_upwards_rank_as_a_scheme():
    doc = _doc(
        [
            "# Service levels",
            "The higher the number, the more urgent the ticket.",
            "# Priority 3 - Service down",
            "An engineer will respond inside fifteen minutes.",
            "# Priority 2 - Degraded",
            "We will respond within two hours.",
            "# Priority 1 - Request",
            "We will respond within three business days.",
        ]
    )
    assert [(g[1], g[2]) for g in _found(doc)] == [("P1", 15), ("P2", 120), ("P3", 1440)]


def test_numbered_sections_are_not_a_priority_scheme():
    doc = _doc(
        [
            "# 1. Summary",
            "We have served the sector for years.",
            "# 2. Your team",
            "Your practice manager shall reply to our questions within one business day.",
        ]
    )
    assert [(g[0], g[1], g[2]) for g in _found(doc)] == [("response_time", "all", 480)]


def test_colour_codes_rank_in_traffic_light_order():
    t = table(
        ["Code", "Acknowledge (min)"],
        [["Code Red", "20"], ["Code Amber", "60"], ["Code Green", "240"]],
    )
    assert [(g[1], g[2]) for g in _found(_doc([], [t]))] == [("P1", 20), ("P2", 60), ("P3", 240)]


def test_a_basis_column_is_not_a_tier_and_bare_amounts_keep_thousands():
    t = table(
        ["Item", "Basis", "Price (CAD)"],
        [
            ["Onboarding and discovery", "one-time", "11,900.00"],
            ["Managed device", "per device per month", "97.00"],
            ["After-hours site visit", "per hour", "225.00"],
            ["Firewall management", "per site per month", "145.00"],
        ],
    )
    assert [(g[1], g[2], g[3], g[5]) for g in _found(_doc([], [t]))] == [
        ("onboarding", 11900, "CAD", ""),
        ("per_device", 97, "CAD/month", ""),
        ("hourly", 225, "CAD/hour", ""),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The database can always be recovered to a point no more than one hour old.",
            [("rpo", 60)],
        ),
        ("We roll back to a point not older than two hours.", [("rpo", 120)]),
        ("We restore the system to a working order within 4 hours.", [("resolution_time", 240)]),
    ],
)
def test_recovery_to_a_point_is_the_recovery_point(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Setup is completed within 30 days of signature.", [("onboarding_duration", 30)]),
        ("We will complete the migration within six weeks.", [("onboarding_duration", 42)]),
        ("We complete the move of your mailboxes within 2 hours of the request.", []),
        # a range is promised at its upper bound; number words are two numbers, not one
        ("Onboarding takes between six and nine weeks.", [("onboarding_duration", 63)]),
        ("Onboarding takes between 6 and 9 weeks.", [("onboarding_duration", 63)]),
        (
            "Onboarding takes six weeks, depending on how quickly the current provider hands over.",
            [("onboarding_duration", 42)],
        ),
        (
            "A credit of 5% applies when availability is between 99.0% and 99.5%.",
            [("service_credit", 5)],
        ),
        (
            "We install patches that the software vendor rates critical within seven days of release.",
            [("patch_window", 7)],
        ),
    ],
)
def test_completion_ranges_and_dependencies(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The desk is staffed between 8 and 6 on weekdays.", [("helpdesk", "business_hours")]),
        (
            "Critical alerts from your servers and dispatch platform wake an engineer at any hour.",
            [("noc", "24x7")],
        ),
        ("Our operations centre watches your dispatch platform 24 hours a day.", [("noc", "24x7")]),
        ("We dispatch an engineer to your site 24/7.", [("onsite", "24x7")]),
    ],
)
def test_which_service_the_hours_cover(sentence, expected):
    assert [(g[1], g[3]) for g in _found(_doc([sentence])) if g[0] == "support_hours"] == expected


def test_a_row_label_gives_its_bare_cells_a_currency_or_percent():
    t = table(
        ["", "Standard", "Plus"],
        [
            ["Monthly fee per device (CAD)", "96", "104"],
            ["Platform availability (%)", "99.5", "99.9"],
        ],
    )
    assert [(g[0], g[2], g[3], g[5]) for g in _found(_doc([], [t]))] == [
        ("price", 96, "CAD/month", "Standard"),
        ("price", 104, "CAD/month", "Plus"),
        ("availability", 99.5, "percent", "Standard"),
        ("availability", 99.9, "percent", "Plus"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a capital after "Schedule B." starts a sentence; the escalation after it blocks only itself
        (
            "The Supplier shall meet the Commission each quarter to review performance against "
            "Schedule B. Critical Incidents not restored within two hours are escalated.",
            [("review_cadence", 90)],
        ),
        # a clause without a service takes the one named before it in the sentence
        (
            "The Supplier shall monitor the platform and its network devices twenty-four hours a day.",
            [("support_hours", None)],
        ),
        # a partner's or supplier's own promise is a third party's, "the Supplier" is a party
        (
            "Our data centre partner in Calgary guarantees 99.999% power and cooling availability.",
            [],
        ),
        ("Our backup partner guarantees 99.99% durability for the copies it stores.", []),
        ("The Supplier guarantees availability of 99.5% each month.", [("availability", 99.5)]),
        ("As your partner we guarantee 99.9% availability.", [("availability", 99.9)]),
        # worked examples are arithmetic, not prices
        ("By way of example, 240 managed devices would be invoiced $23,760.00 a month.", []),
        ("As an example, a 4-hour outage costs 0.5% availability.", []),
    ],
)
def test_sentences_clauses_and_parties(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Normal and Low tickets have no restoration figure on any plan.", ["P3", "P4"]),
        ("Level 4 requests have no fix time.", ["P4"]),
        ("We do not commit to a resolution time for P4 tickets.", ["P4"]),
        ("Resolution times are not guaranteed for P4.", ["P4"]),
        ("We don't set fix times for P3 or P4 jobs.", ["P3", "P4"]),
        ("We do not offer fulfilment times for P4 requests.", ["P4"]),
        ("No fulfilment time is offered for P4 requests.", ["P4"]),
        # not a statement that a service level is not offered
        ("We do not set the time at which tickets are resolved.", []),
        # ruled out for tickets the document names no level for: no level can be read
        ("We do not set fix times for single-user issues or requests.", []),
        ("No resolution is possible without access.", []),
        ("If an issue is not raised in this way, the guaranteed response time does not apply.", []),
        ("The difference between our plans is not only response time.", []),
        ("Time waiting for the customer shall not count towards any resolution time.", []),
        ("Tickets not resolved within 4 hours are escalated.", []),
    ],
)
def test_a_service_level_stated_as_not_offered_is_excluded(sentence, expected):
    got = extract_vendor("v", [_doc([sentence])]).commitments
    assert [c.scope for c in got if c.strength == "excluded" and c.value is None] == expected


def test_a_table_cell_that_offers_no_target_is_excluded_for_its_row():
    t = table(
        ["Impact level", "Target to resolve, in hours"],
        [["Critical", "6"], ["Major", "16"], ["Informational", "No resolution target"]],
    )
    got = extract_vendor("v", [_doc([], [t])]).commitments
    assert [(c.scope, c.value, c.strength) for c in got] == [
        ("P1", 360, "soft"),  # a "Target" column is a target
        ("P2", 960, "soft"),
        ("P3", None, "excluded"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "We shall complete the transition from your current provider within ten weeks.",
            [("onboarding_duration", 70)],
        ),
        ("Your current provider responds within 8 hours.", []),
        ("Fixed monthly fee of €9,800 (excl. VAT).", [("price", 9800)]),
        ("VAT at 23% is added to every invoice.", []),
    ],
)
def test_a_qualifier_says_how_a_figure_is_stated_not_whose_it_is(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


def test_prose_naming_a_level_of_the_documents_own_scheme_takes_its_scope():
    t = table(
        ["Incident class", "Response (minutes)"],
        [["Critical", "15"], ["Major", "30"], ["Minor", "120"], ["Cosmetic", "480"]],
    )
    doc = _doc(
        [
            "No restoration time applies to Cosmetic incidents.",
            "We fix a cosmetic fault on the portal within 2 days.",  # a word, not the level
        ],
        [t],
    )
    got = [(c.category, c.scope, c.value) for c in extract_vendor("v", [doc]).commitments]
    assert ("resolution_time", "P4", None) in got
    assert ("resolution_time", "all", 2880) in got


def test_an_operations_centre_is_monitoring_cover():
    got = _found(_doc(["We run a 24/7 operations centre in Montreal and field teams in Kamloops."]))
    assert [(g[1], g[3]) for g in got] == [("noc", "24x7")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The customer must keep a contact who can be reached within 2 hours.", [(120, "client")]),
        ("Your team must keep someone reachable within 30 minutes during a P1.", [(30, "client")]),
        ("Last year we reached 99.9% availability.", []),
    ],
)
def test_a_client_contact_reached_within_a_time_is_the_clients_response(sentence, expected):
    got = extract_vendor("v", [_doc([sentence])]).commitments
    assert [(c.value, c.party) for c in got] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "We guarantee 99,9 % availability each month.",
            [("availability", "all", 99.9, "binding")],
        ),
        (
            "Should the platform fail, we will restore it from backup within 8 hours, losing no "
            "more than the last four hours of transactions.",
            [("rto", "all", 480, "binding"), ("rpo", "all", 240, "binding")],
        ),
        ("We should respond within 4 hours.", [("response_time", "all", 240, "soft")]),
        (
            "P3 and P4 tickets are answered within 4 h and 1 business day respectively.",
            [("response_time", "P3", 240, "binding"), ("response_time", "P4", 480, "binding")],
        ),
        ("Your manager, who has looked after logistics clients for nine years.", []),
    ],
)
def test_decimal_commas_inversions_respectively_and_experience(sentence, expected):
    assert [(g[0], g[1], g[2], g[4]) for g in _found(_doc([sentence]))] == expected


def test_a_verbless_clause_after_and_keeps_the_credit_it_continues():
    got = _found(
        _doc(["If we miss it we credit 10% of that month's fee, and 25% if it falls further."])
    )
    assert [(g[0], g[2]) for g in got] == [("service_credit", 25)]


@pytest.mark.parametrize(
    "lead_in, party",
    [
        ("What we need from you:", "client"),
        ("What you need to do:", "client"),
        ("Our part:", "provider"),
    ],
)
def test_a_list_under_a_lead_in_addressed_to_the_client_is_the_clients(lead_in, party):
    doc = _doc([lead_in, "• name a duty manager who can be reached within 15 minutes;"])
    got = extract_vendor("v", [doc]).commitments
    assert [(c.value, c.party) for c in got] == [(15, party)]


def test_a_table_under_a_lead_in_about_the_clients_requirements_is_the_providers():
    t = table(["Priority", "Response"], [["P1", "15 minutes"], ["P2", "30 minutes"]])
    doc = _doc(["Our response to your requirements is set out in the following table:"], [t])
    got = extract_vendor("v", [doc]).commitments
    assert [(c.scope, c.party) for c in got] == [("P1", "provider"), ("P2", "provider")]


# whose figures a column holds: the client's requirement or a competitor's are context only
@pytest.mark.parametrize(
    "theirs, ours",
    [
        ("Requirement", "Tenderer's response"),
        ("Client specification", "Our offer"),
        ("RFP requirement (mandatory)", "Response"),
        ("Typical MSP", "Proposed service"),
        ("Incumbent", "What we commit to"),
        ("Current provider", "Our commitment"),
    ],
)
def test_a_column_of_someone_elses_figures_is_context_not_a_commitment(theirs, ours):
    t = table(
        ["No.", theirs, ours],
        [
            ["4.1", "Priority 1 incidents: response within 30 minutes.", "Within 15 minutes."],
            ["4.2", "Monthly availability of at least 99.9%.", "99.5%"],
        ],
    )
    got = _found(_doc(["# Schedule of compliance"], [t]))
    assert ("response_time", "P1", 15, "minute", "binding", "") in got
    assert ("availability", "all", 99.5, "percent", "binding", "") in got
    assert not [g for g in got if g[2] in (30, 99.9)]


def test_beside_the_vendors_own_column_another_named_column_is_a_competitor():
    t = table(
        ["", "Kestrel Networks", "Brightline Services"],
        [["P1 response", "15 min", "60 min"], ["Price", "NZD 78 per seat a month", "NZD 95"]],
    )
    doc = _doc(["# Kestrel Networks - proposal for Harbour Foods", "# How we compare"], [t])
    got = [
        (c.category, c.value, c.tier) for c in extract_vendor("kestrel-networks", [doc]).commitments
    ]
    assert ("response_time", 15, "") in got and ("price", 78, "") in got
    assert not [g for g in got if g[1] in (60, 95)]


@pytest.mark.parametrize(
    "header, kept",
    [
        ("What Harbour Foods gets", {99.8, 60.0}),  # what the client gets is the offer
        ("Harbour Foods receives", {99.8, 60.0}),
        ("Harbour Foods today", set()),  # the client's own figures
    ],
)
def test_a_column_named_for_the_client_is_theirs_unless_it_says_what_they_get(header, kept):
    t = table(
        ["Service", header],
        [["Hosting", "Billing hosted in our data centre, 99.8% available per month"],
         ["Backup", "Hourly copies; at most 1 hour of data lost"]],
    )  # fmt: skip
    doc = _doc(["# Kestrel Networks - proposal for Harbour Foods", "# Service catalogue"], [t])
    got = {c.value for c in extract_vendor("kestrel-networks", [doc]).commitments}
    assert got == kept


def test_tier_columns_are_still_tiers_beside_a_requirement_word_in_the_label_column():
    t = table(
        ["Requirement", "Essentials", "Enterprise"],
        [["P1 response", "2 hours", "30 minutes"]],
    )
    got = _found(_doc(["# Service levels"], [t]))
    assert ("response_time", "P1", 120, "minute", "binding", "Essentials") in got
    assert ("response_time", "P1", 30, "minute", "binding", "Enterprise") in got


def test_a_requirement_number_in_the_label_column_is_not_a_tier():
    t = table(
        ["Ref", "Specification", "Our response"],
        [["3.1", "Response to P1 calls", "20 minutes"], ["3.2", "Response to P2 calls", "1 hour"]],
    )
    got = _found(_doc(["# Compliance"], [t]))
    assert ("response_time", "P1", 20, "minute", "binding", "") in got
    assert ("response_time", "P2", 60, "minute", "binding", "") in got


# a compliance form: clause-numbered rows, a Y / N / P column, the County's words, our answer
FORM = ["No.", "County requirement", "Y / N / P", "Respondent comments"]


@pytest.mark.parametrize(
    "number, requirement, answer, expected",
    [
        ("3.1", "Respond to Critical incidents within 30 minutes.", "45 min, any hour.",
         ("response_time", "P1", 45.0, "minute")),
        ("7.3", "Restore service for Low incidents within 3 business days.", "2 BD.",
         ("resolution_time", "P4", 960.0, "minute")),
        ("3.7", "Respond to High incidents within 2 hours.", "Y - 1 hr.",
         ("response_time", "P2", 60.0, "minute")),
        # the requirement names the event a bare notice period in the answer ends
        ("7.3", "County may terminate for convenience on 30 days' notice.",
         "90 days' written notice.", ("termination_notice", "all", 90.0, "day")),
        ("12.4", "The contract may be ended by either party for convenience.",
         "Sixty (60) days' notice in writing.", ("termination_notice", "all", 60.0, "day")),
    ],
)  # fmt: skip
def test_a_compliance_forms_answer_takes_level_and_measure_from_its_requirement(
    number, requirement, answer, expected
):
    rows = [[number, requirement, "P", answer], ["9.9", "Named account manager.", "Y", "Dana Ng."]]
    got = [g[:4] + (g[5],) for g in _found(_doc(["# Attachment C"], [table(FORM, rows)]))]
    # a clause number ("7.3") is no level, the Y / N / P column no plan
    assert got == [expected + ("",)]


def test_a_questionnaire_declares_its_scale_in_a_requirement_and_answers_beside_it():
    rows = [
        ["SLA-01", "Severity 4 (most urgent) incidents: response within 30 minutes.", "Full",
         "We respond within 20 minutes at any hour."],
        ["SLA-05", "Severity 2 incidents: resolution within 3 business days.", "Full",
         "Within 2 business days."],
        ["SLA-02", "Monitoring of the SCADA network 24x7.", "No",
         "Monitoring runs 0600-2000 daily; 24x7 monitoring is not offered."],
    ]  # fmt: skip
    prose = "Beyond the form: a Severity 4 incident is restored within 4 hours."
    header = ["Req. ID", "Requirement", "Comply (Full, Partial, No)", "Vendor Response"]
    got = {
        g[:5] + (g[5],)
        for g in _found(_doc(["# Technical requirements", prose], [table(header, rows)]))
    }
    # "Vendor Response" is the answer column, no measure naming the rows as plans
    assert got >= {
        ("response_time", "P1", 20.0, "minute", "binding", ""),
        ("resolution_time", "P3", 960.0, "minute", "binding", ""),  # Severity 2 of 4
        ("support_hours", "noc", None, "24x7", "excluded", ""),
        ("resolution_time", "P1", 240.0, "minute", "binding", ""),  # the scale the form set
    }
    assert not [g for g in got if g[2] in (30.0, 1440.0 * 3)]


def test_a_price_header_per_unit_of_time_prices_its_cells():
    t = table(["Role", "Rate (USD/hour)"], [["Technician", "95"], ["Architect", "210"]])
    got = {(c, s, v, u) for c, s, v, u, *_ in _found(_doc(["# Work outside the plan"], [t]))}
    assert got == {("price", "hourly", 95.0, "USD/hour"), ("price", "hourly", 210.0, "USD/hour")}
    t = table(["Role", "Fix time (hrs)"], [["Critical", "4"], ["Minor", "24"]])
    got = {(c, v) for c, s, v, *_ in _found(_doc(["# Fixes"], [t]))}
    assert got == {("resolution_time", 240.0), ("resolution_time", 1440.0)}


def _faq(*entries):
    """Blocks under a document heading, section headings and question headings."""
    blocks, top = [], 40.0
    for section, text, heading in entries:
        blocks.append(models.Block(text, 1, (50, top, 500, top + 20), heading, 0, section))
        top += 30
    return models.Document("v.pdf", "0" * 64, 1, tuple(blocks), ())


def test_a_question_heading_and_its_section_are_the_topic_not_the_document_title():
    top = ("Your questions, our answers",)
    doc = _faq(
        ((), top[0], True),
        (top, "Response and repair", True),
        (top + ("Response and repair",), "Q5. And the other priorities?", True),
        (top + ("Response and repair", "Q5. And the other priorities?"), "P2: two hours.", False),
        (top, "Security and change", True),
        (top + ("Security and change",), "Q12. How do you handle changes?", True),
        (
            top + ("Security and change", "Q12. How do you handle changes?"),
            "An emergency change is approved by phone and written up within one working day.",
            False,
        ),
    )
    assert _found(doc) == [("response_time", "P2", 120, "minute", "binding", "")]


def test_a_numbered_list_counts_items_not_priority_levels():
    doc = _doc(
        [
            "# What we need from you",
            "To meet these service levels we rely on you to:",
            "1. name a duty manager who can be reached within 15 minutes during a critical fault;",
            "2. answer our questions on open tickets within one working day;",
            "3. approve each change request before the next change window.",
        ]
    )
    got = {(c, s, v) for c, s, v, *_ in _found(doc)}
    assert ("response_time", "all", 480) in got
    assert ("response_time", "P2", 480) not in got


@pytest.mark.parametrize("mark", ["–", "-", "•"])
def test_a_dash_bullet_is_not_part_of_the_level_name(mark):
    doc = _doc(
        [
            "# Response times",
            "An engineer will be working on your ticket within:",
            f"{mark} Critical (whole office down): 45 minutes",
            f"{mark} Major (several users affected): 2 hrs",
            f"{mark} Minor (inconvenience, workaround in place): 1 working day",
        ]
    )
    assert [(c, s, v) for c, s, v, *_ in _found(doc)] == [
        ("response_time", "P1", 45),
        ("response_time", "P2", 120),
        ("response_time", "P4", 480),  # "minor" is the fourth urgency, not "workaround" = fixed
    ]


def test_elapsed_times_written_hh_mm_with_footnote_marks():
    t = table(
        ["", "Sev-1", "Sev-2", "Sev-3"],
        [["Initial response", "00:15", "00:45", "04:00*"], ["Restoration", "04:00¹", "08:00", "-"]],
    )
    got = [g[:3] for g in _found(_doc(["# 3. Service levels"], [t]))]
    assert got == [
        ("response_time", "P1", 15),
        ("response_time", "P2", 45),
        ("response_time", "P3", 240),
        ("resolution_time", "P1", 240),
        ("resolution_time", "P2", 480),
    ]


def test_clock_times_of_the_hours_of_cover_are_not_elapsed_times():
    t = table(["Desk", "Opens", "Closes"], [["Service desk", "07:00", "19:00"]])
    assert [g for g in _found(_doc(["# Hours"], [t])) if g[0] != "support_hours"] == []


def test_extended_prices_totals_and_quantities_are_not_prices_or_tiers():
    t = table(
        ["Item", "Unit", "Quantity", "Unit Price", "Extended Price"],
        [
            ["Managed endpoint", "per endpoint per month", "640", "$118.00", "$75,520.00"],
            ["Transition-in", "one time", "1", "$24,500.00", "$24,500.00"],
            ["Total monthly service fee", "", "", "", "$85,590.00"],
        ],
    )
    got = [(c, s, v, u, tier) for c, s, v, u, _, tier in _found(_doc(["# Cost proposal"], [t]))]
    assert got == [
        ("price", "per_device", 118, "USD/month", ""),
        ("price", "onboarding", 24500, "USD", ""),
    ]


def test_contract_year_columns_are_not_a_yearly_basis():
    t = table(
        ["Service", "Unit", "Year 1", "Year 2"],
        [["Managed workstation", "per device per month", "$105.00", "$108.15"]],
    )
    got = [(c, s, v, u) for c, s, v, u, *_ in _found(_doc(["# Pricing schedule"], [t]))]
    assert got == [
        ("price", "per_device", 105, "USD/month"),
        ("price", "per_device", 108.15, "USD/month"),
    ]


def test_tiers_numbered_from_zero_are_a_priority_scheme():
    t = table(
        ["Tier", "Response", "Restoration"],
        [
            ["Tier 0", "twenty (20) minutes", "eight (8) hours"],
            ["Tier 1", "two (2) hours", "one (1) business day"],
            ["Tier 2", "eight (8) business hours", "three (3) business days"],
        ],
    )
    got = [g[:3] for g in _found(_doc(["# Incident tiers"], [t]))]
    assert got[:3] == [
        ("response_time", "P1", 20),
        ("resolution_time", "P1", 480),
        ("response_time", "P2", 120),
    ]


def test_an_escalation_matrix_is_not_a_service_level():
    t = table(
        ["Role", "Name", "Engaged after"],
        [
            ["Service Desk Supervisor", "Jamie Cho", "1 hour"],
            ["Account Executive", "Rosa", "4 hours"],
        ],
    )
    assert _found(_doc(["# Escalation"], [t])) == []


def test_the_documents_own_level_names_outrank_the_generic_words_in_prose():
    doc = _doc(
        [
            "# Definitions",
            "- Business Day: Monday through Friday.",
            "- Emergency: a public-safety system is down.",
            "- Urgent: a department cannot work.",
            "- Routine: one user is affected.",
            "# Requirements",
            "The Contractor shall respond to Urgent incidents within one (1) hour and to "
            "Routine incidents within four (4) Business Hours.",
        ]
    )
    got = [(c, s, v) for c, s, v, *_ in _found(doc)]
    assert ("response_time", "P2", 60) in got and ("response_time", "P3", 240) in got
    assert not [g for g in got if g[1] == "P1"]


@pytest.mark.parametrize(
    "title",
    [
        "Response to RFP No. 2026-IT-014",
        "Our response to your tender",
        "Reply to the RFQ",
        "Tender response - managed IT services",
    ],
)
def test_a_response_to_a_tender_in_the_title_names_no_response_time(title):
    doc = _doc(
        [f"# {title}", "# Warranty", "Project work is warranted for 90 days after acceptance."]
    )
    assert _found(doc) == []


def test_single_letters_labelling_the_parts_of_a_cell_are_levels_in_order():
    t = table(
        ["Service name", "Service Desk"],
        [
            ["Response", "A: ½ hour • B: 90 min • C: 4 working hours • D: NBD"],
            ["Price", "R 398 /user/month excl. VAT"],
        ],
    )
    got = [(c, s, v, u) for c, s, v, u, *_ in _found(_doc(["# SD-01 Service Desk"], [t]))]
    assert got == [
        ("response_time", "P1", 30, "minute"),
        ("response_time", "P2", 90, "minute"),
        ("response_time", "P3", 240, "minute"),
        ("response_time", "P4", 480, "minute"),
        ("price", "per_user", 398, "ZAR/month"),
    ]


def test_letters_out_of_order_are_no_scheme():
    t = table(["Item", "Terms"], [["Response", "B: 90 min; A: 2 hours"]])
    got = [(c, s) for c, s, *_ in _found(_doc(["# Service"], [t]))]
    assert ("response_time", "P1") not in got


def test_levels_that_open_sentences_across_a_document_form_a_scheme():
    doc = _doc(
        [
            "# How fast we act",
            "We sort every call by colour. Red incidents stop a campus and are answered "
            "within 20 minutes.",
            "Amber incidents, where a class cannot work, are answered within 1 hour.",
            "Green incidents affect one person. We answer them within 4 hours.",
            "Blue is for requests. We respond within 2 business days.",
        ]
    )
    got = [(c, s, v) for c, s, v, *_ in _found(doc)]
    assert got == [
        ("response_time", "P1", 20),
        ("response_time", "P2", 60),
        ("response_time", "P3", 240),
        ("response_time", "P4", 960),
    ]


def test_a_showstopper_heads_a_scheme_of_known_words():
    t = table(
        ["Priority", "Example", "Minutes to respond", "Hours to fix"],
        [
            ["Showstopper", "Practice cannot treat patients", "max. 45", "max. 6"],
            ["Major", "A chair is down", "max. 90", "up to 12"],
            ["Minor", "An annoyance with a workaround", "max. 240", "up to 40"],
        ],
    )
    got = [g[:3] for g in _found(_doc(["# Priorities and targets"], [t]))]
    assert got == [
        ("response_time", "P1", 45),
        ("resolution_time", "P1", 360),
        ("response_time", "P2", 90),
        ("resolution_time", "P2", 720),
        ("response_time", "P3", 240),
        ("resolution_time", "P3", 2400),
    ]


def test_rows_named_by_service_state_rank_when_their_times_grow():
    t = table(
        ["State", "Engineer responds", "Fix (target)", "Typical fix"],
        [
            ["Business down", "30 minutes", "4 hours", "2 hours"],
            ["Degraded", "2 hours", "1 business day", "6 hours"],
            ["Single user", "1 business day", "3 business days", "1 day"],
        ],
    )
    got = [g[:3] for g in _found(_doc(["# Service levels"], [t]))]
    assert got == [
        ("response_time", "P1", 30),
        ("resolution_time", "P1", 240),
        ("response_time", "P2", 120),
        ("resolution_time", "P2", 480),
        ("response_time", "P3", 480),
        ("resolution_time", "P3", 1440),
    ]  # the "Typical fix" column is history, not an offer


def test_single_letter_rows_under_a_class_header_rank_in_order_and_reaction_is_response():
    t = table(
        ["Class", "Description", "Reaction", "Time to fix"],
        [
            ["A", "Business stopped", "45 min.", "4 hrs."],
            ["B", "Business hindered", "2 hrs.", "within the same working day"],
        ],
    )
    got = [g[:3] for g in _found(_doc(["# Service levels"], [t]))]
    assert got == [
        ("response_time", "P1", 45),
        ("resolution_time", "P1", 240),
        ("response_time", "P2", 120),
        ("resolution_time", "P2", 480),
    ]


def test_a_header_naming_two_categories_pairs_them_with_the_parts_of_a_cell():
    t = table(
        ["Priority", "Typical cases", "Respond / Resolve"],
        [["P1 Critical", "Campus down", "45m / 4h"], ["P2 High", "A department", "2h / 8h"]],
    )
    got = [g[:3] for g in _found(_doc(["# Service level commitments"], [t]))]
    assert got == [
        ("response_time", "P1", 45),
        ("resolution_time", "P1", 240),
        ("response_time", "P2", 120),
        ("resolution_time", "P2", 480),
    ]


def test_a_price_list_in_a_declared_currency_with_period_columns():
    t = table(
        ["Code", "Description", "Unit", "Monthly", "Annual", "Notes"],
        [
            ["KD-100", "Managed staff user", "user", "489.00", "5 868.00", "min. 20 seats"],
            ["KD-110", "Learner Chromebook", "device", "28.00", "336.00", ""],
        ],
    )
    doc = _doc(["# Price list", "All amounts in rand (ZAR), excluding 15% VAT."], [t])
    got = [(c, s, v, u, tier) for c, s, v, u, _, tier in _found(doc)]
    assert got == [
        ("price", "per_user", 489, "ZAR/month", ""),
        ("price", "per_device", 28, "ZAR/month", ""),
    ]


def test_an_amount_beside_a_rate_is_a_line_total_but_alone_it_is_the_price():
    with_rate = table(
        ["Item", "Qty", "Rate (A$)", "Monthly amount (A$)"],
        [["Managed user", "420", "$39.50/user/mth", "16,590.00"]],
    )
    alone = table(
        ["Item", "Basis", "Amount (SGD)"], [["Managed device", "per device per month", "96.00"]]
    )
    assert [g[2] for g in _found(_doc(["# Prices"], [with_rate]))] == [39.5]
    assert [g[2] for g in _found(_doc(["# Prices"], [alone]))] == [96]


@pytest.mark.parametrize(
    "header, rows, expected",
    [
        # the unnamed clock before a named fix is the first answer
        (
            ["Class", "Example", "First word from an engineer", "Fix (target)"],
            [
                ["Urgent", "Office down", "15 minutes", "4 hours"],
                ["High", "One user", "2 hours", "2 days"],
            ],
            {
                ("response_time", "P1", 15),
                ("resolution_time", "P1", 240),
                ("response_time", "P2", 120),
            },
        ),
        # the unnamed clock after a named response is the fix
        (
            ["Rating", "Acknowledged", "Up and running again"],
            [["Critical", "30 minutes", "8 hours"], ["Major", "2 hours", "12 hours"]],
            {
                ("response_time", "P1", 30),
                ("resolution_time", "P1", 480),
                ("resolution_time", "P2", 720),
            },
        ),
    ],
)
def test_an_unnamed_clock_beside_a_named_one_is_the_other_clock(header, rows, expected):
    got = {g[:3] for g in _found(_doc(["# Service levels"], [table(header, rows)]))}
    assert expected <= got


@pytest.mark.parametrize(
    "header, rows",
    [
        # the unnamed column is sometimes the shorter: not the fix
        (
            ["Priority", "Response", "Window"],
            [["P1", "30 minutes", "10 minutes"], ["P2", "2 hours", "4 hours"]],
        ),
        # rows that are no levels: no pair of clocks to read
        (
            ["Service", "Response", "Window"],
            [["Email", "30 minutes", "8 hours"], ["Phones", "1 hour", "12 hours"]],
        ),
    ],
)
def test_an_unnamed_time_column_stays_unread_when_the_structure_does_not_pair_it(header, rows):
    got = _found(_doc(["# Figures"], [table(header, rows)]))
    assert not [g for g in got if g[0] == "resolution_time"]


@pytest.mark.parametrize(
    "header, labels",
    [
        ("Colour", ["Red", "Amber", "Green", "Blue"]),
        ("Class", ["Urgent", "Serious", "Routine", "Planned"]),
    ],
)
def test_a_row_after_the_last_named_level_ranks_below_it_when_the_times_grow(header, labels):
    times = ["20 minutes", "1 hour", "4 hours", "2 working days"]
    t = table([header, "Response"], [[lab, tm] for lab, tm in zip(labels, times)])
    got = [g[1] for g in _found(_doc(["# Service levels"], [t]))]
    assert got == ["P1", "P2", "P3", "P4"]


def test_a_trailing_row_keeps_no_level_when_its_time_is_shorter():
    t = table(
        ["Class", "Response"],
        [
            ["Urgent", "20 minutes"],
            ["Serious", "1 hour"],
            ["Routine", "4 hours"],
            ["Planned", "30 minutes"],
        ],
    )
    got = [g[1] for g in _found(_doc(["# Service levels"], [t]))]
    assert got == ["P1", "P2", "P3", "all"]


def test_a_description_column_says_nothing_about_how_firmly_a_time_is_promised():
    t = table(
        ["Class", "Typical case", "Response"],
        [
            ["Urgent", "Nobody can work", "15 minutes"],
            ["Serious", "Several people cannot work normally", "1 hour"],
        ],
    )
    got = _found(_doc(["# Service levels"], [t]))
    assert [g[4] for g in got] == ["binding", "binding"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a time the client must act within is the client's response, whatever the act
        (
            "The customer must approve or reject each change we propose within 2 working days.",
            [("response_time", "all", 960, "client")],
        ),
        (
            "The customer shall confirm every access request within 4 hours.",
            [("response_time", "all", 240, "client")],
        ),
        # a period the client keeps something for is no deadline
        ("The customer will keep its own backups for 90 days.", []),
        # a one-off task counted from the start of the contract is not a response
        (
            "The customer shall provide VPN access within five business days of the effective date.",
            [],
        ),
        # paying an invoice is a payment term
        ("The customer must pay each invoice within 30 days.", []),
        # the customer receiving something is the provider's duty, not the customer's
        ("The customer will receive a service credit within 30 days.", []),
    ],
)
def test_a_deadline_the_client_must_meet_is_the_clients_response(sentence, expected):
    got = [(c.category, c.scope, c.value, c.party) for c in _commitments(sentence)]
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # after a colon come the parts of the figure the cue already has
        (
            "Transition completes within 60 days: four weeks of discovery and four of handover.",
            [("onboarding_duration", "all", 60)],
        ),
        # an approximate amount is an estimate, not a price one can sign
        ("For 250 users the service comes to about €9,000 a month.", []),
        (
            "The service costs €36 per user per month, roughly €9,000 a month for 250 users.",
            [("price", "per_user", 36)],
        ),
        # an illustration after the figure is arithmetic, not a second commitment
        (
            "Availability is guaranteed at 99.9% each month; as an illustration, that allows roughly 43 minutes of downtime.",
            [("availability", "all", 99.9)],
        ),
        ("If the server fails you lose at most 30 minutes of bookings.", [("rpo", "all", 30)]),
        ("The portal will be reachable 99.8% of the time.", [("availability", "all", 99.8)]),
        (
            "We close at least 65% of calls within the first conversation.",
            [("first_contact_resolution", "all", 65)],
        ),
        (
            "After year one you may walk away on 30 days' notice.",
            [("termination_notice", "all", 30)],
        ),
    ],
)
def test_breakdowns_estimates_illustrations_and_plain_words_for_known_measures(sentence, expected):
    assert [g[:3] for g in _found(_doc([sentence]))] == expected


def _commitments(sentence):
    return extract_vendor("v", [_doc([sentence])]).commitments


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Engineers attend your offices in person between 8am and 6pm on weekdays.",
            [("support_hours", "onsite", None, "business_hours", "binding")],
        ),
        (
            "Calls are taken from 8am to 6pm on working days.",
            [("support_hours", "helpdesk", None, "business_hours", "binding")],
        ),
        (
            "Our monitoring platform checks your systems every minute of every day.",
            [("support_hours", "noc", None, "24x7", "binding")],
        ),
        (
            "A failed server is rebuilt within 24 hours.",
            [("rto", "all", 1440, "minute", "binding")],
        ),
        (
            "Setting up the service costs £2,900 once.",
            [("price", "onboarding", 2900, "GBP", "binding")],
        ),
        # a level the vendor does not offer, its name hyphenated or called a clock
        (
            "There is no committed pick-up time for Low tickets.",
            [("response_time", "P4", None, "minute", "excluded")],
        ),
        (
            "Low requests carry no restoration clock.",
            [("resolution_time", "P4", None, "minute", "excluded")],
        ),
        (
            "Low requests are restored within 3 days; the clock pauses while we wait for you.",
            [("resolution_time", "P4", 4320, "minute", "binding")],
        ),
        # how long something lasts is no response time
        (
            "After the contract ends our engineers answer your new supplier's questions for a month.",
            [],
        ),
    ],
)
def test_cover_recovery_one_off_prices_and_unoffered_levels_in_plain_words(sentence, expected):
    assert [g[:5] for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a one-off charge however it is said: set up, established, paid once, charged at a fixed sum
        ("Setting up all fourteen clinics costs $3,200, once.", [("onboarding", 3200, "USD")]),
        ("An establishment fee of $7,200 is payable once.", [("onboarding", 7200, "USD")]),
        ("Onboarding is charged at a fixed DKK 55.000.", [("onboarding", 55000, "DKK")]),
        # paid once a month is a monthly fee, and a price held for a year no price change
        ("The monthly fee of $2,000 is payable once a month.", [("flat", 2000, "USD/month")]),
        ("Support costs $2,000, once a month.", [("flat", 2000, "USD/month")]),
        ("Fees are fixed for the first year.", []),
    ],
)
def test_one_off_charges_in_other_words(sentence, expected):
    got = _found(_doc([sentence]))
    assert [(s, v, u) for c, s, v, u, *_ in got if c == "price"] == expected


@pytest.mark.parametrize(
    "sentence, strength",
    [
        ("Night desk (optional) costs £6 per user per month.", "conditional"),
        ("Weekend cover is available for an additional $14 per endpoint per month.", "conditional"),
        ("The desk can run around the clock for $1,150 a month on top.", "conditional"),
        (
            "Engineers on site at night, at additional cost, are charged at DKK 1.450 per hour.",
            "conditional",
        ),
        ("Engineers on site at night are charged at DKK 1.450 per hour on request.", "binding"),
        ("The service costs £52 per user per month.", "binding"),
        ("There is no additional charge: £52 per user per month covers everything.", "binding"),
        # soft words do not make a price soft: it is a term of the offer
        ("We aim to keep the fee at £52 per user per month.", "binding"),
    ],
)
def test_a_price_that_buys_an_option_is_conditional(sentence, strength):
    prices = [g for g in _found(_doc([sentence])) if g[0] == "price"]
    assert [g[4] for g in prices] == [strength]


def test_a_basis_cell_written_with_a_slash_says_what_the_amount_is_per():
    t = table(
        ["Item", "Unit", "GBP (ex VAT)"],
        [["Support and hosting", "user / month", "44.00"], ["Take-on", "one off", "1,800.00"]],
    )
    got = [g[:4] for g in _found(_doc(["# Prices"], [t]))]
    assert got == [("price", "per_user", 44, "GBP/month"), ("price", "onboarding", 1800, "GBP")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "after-hours" is a time of day, not a rate: the amount is per month
        (
            "If you add the after-hours bundle, the desk also answers around the clock for $1,150 a month on top.",
            ("price", "flat", 1150, "USD/month"),
        ),
        ("Additional hours are charged at $150.", ("price", "hourly", 150, "USD/hour")),
        ("Out-of-hours call-outs cost £120 an hour.", ("price", "hourly", 120, "GBP/hour")),
    ],
)
def test_an_hourly_rate_is_named_by_the_hour_not_by_a_time_of_day(sentence, expected):
    assert [g[:4] for g in _found(_doc([sentence])) if g[0] == "price"] == [expected]


def test_columns_lettered_a_to_d_are_a_scheme_listed_most_urgent_first():
    t = table(
        ["Service level", "A - Halted", "B - At risk", "C - Degraded", "D - Request"],
        [["Engineer assigned (minutes)", "≤ 10", "≤ 30", "≤ 120", "≤ 480"]],
    )
    got = [g[:3] for g in _found(_doc(["# Service matrix"], [t]))]
    assert got == [
        ("response_time", "P1", 10),
        ("response_time", "P2", 30),
        ("response_time", "P3", 120),
        ("response_time", "P4", 480),
    ]


def test_a_level_alone_under_its_own_subheader_keeps_its_place_in_the_whole_scheme():
    t = table(
        ["Impact", "Example at Acme", "Reaction (min)", "Back in service (hrs)"],
        [
            ["Incidents, day and night", "", "", ""],
            ["Impact 4", "Ticket gates down", "15", "4"],
            ["Impact 3", "A team working with reduced function", "30", "8"],
            ["Impact 2", "One user", "120", "24"],
            ["Service requests, weekdays", "", "", ""],
            ["Impact 1", "New starters", "240", "40"],
        ],
    )
    got = {g[:3] for g in _found(_doc(["# Service levels"], [t]))}
    # counted upwards; the bare cells take the headers' units; the unnamed second clock
    # ("Back in service" names only a recovery) is the fix; a column of examples naming the
    # client holds nobody's figures, so its words ("reduced") block nothing
    assert got == {
        ("response_time", "P1", 15),
        ("resolution_time", "P1", 240),
        ("response_time", "P2", 30),
        ("resolution_time", "P2", 480),
        ("response_time", "P3", 120),
        ("resolution_time", "P3", 1440),
        ("response_time", "P4", 240),
        ("resolution_time", "P4", 2400),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an escalation trigger: what happens if a level is not met
        ("A P1 incident that is not back in service after two hours goes to our director.", []),
        # the client's duty to answer at any hour is not the desk's hours
        (
            "During a P1 incident the customer must have its duty officer answer our engineers within 30 minutes, day or night.",
            [("response_time", "P1", 30, "client")],
        ),
        # the client's requirement quoted back, another client's price, a package not offered
        ("The client asks for a first response within 30 minutes.", []),
        ("Our Norwegian clients pay NOK 520 per user per month for the same service.", []),
        (
            "Our smaller package costs DKK 295 per user per month but lacks night cover, so we do not offer it here.",
            [],
        ),
        # a total worked out for a headcount is arithmetic; a fee with a ceiling or covering a
        # headcount is a price
        ("At 290 users the monthly fee comes to DKK 114.550.", []),
        ("For 180 staff the managed service comes to £10,440 a month.", []),
        (
            "The fee is DKK 9,500 per month for up to 50 users.",
            [("price", "flat", 9500, "provider")],
        ),
        ("A flat fee of £4,000 a month covers 40 users.", [("price", "flat", 4000, "provider")]),
    ],
)
def test_triggers_client_duties_quoted_requirements_and_worked_totals(sentence, expected):
    got = [(c.category, c.scope, c.value, c.party) for c in _commitments(sentence)]
    assert got == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (["We answer Severity 1 calls within the hour."], [("response_time", "P1", 60)]),
        # a response clause gives the desk's hours only when no sentence states them
        (
            ["We answer Severity 1 calls within the hour, day and night."],
            [("response_time", "P1", 60), ("support_hours", "helpdesk", None)],
        ),
        (
            [
                "We answer Severity 1 calls within the hour, day and night.",
                "The help desk is open from 07:00 to 19:00, Monday to Friday.",
            ],
            [("response_time", "P1", 60), ("support_hours", "helpdesk", None)],
        ),
        # a renewal period is no notice period
        (
            ["It is extended automatically by 12 months unless terminated with 3 months' notice."],
            [("termination_notice", "all", 90)],
        ),
        # "shall" with any act binds the client; receiving or being told does not
        (
            [
                "The Client shall name a contact who answers the Contractor's queries within 4 business hours."
            ],
            [("response_time", "all", 240)],
        ),
        (["So no more than fifteen minutes of bookings can be lost."], [("rpo", "all", 15)]),
    ],
)
def test_the_hour_desk_hours_renewals_and_client_acts(paragraphs, expected):
    assert [g[:3] for g in _found(_doc(paragraphs))] == expected


def test_desk_hours_stated_outright_outweigh_a_response_clause():
    doc = _doc(
        [
            "We answer Severity 1 calls within the hour, day and night.",
            "The help desk is open from 07:00 to 19:00, Monday to Friday.",
        ]
    )
    hours = [g[3] for g in _found(doc) if g[0] == "support_hours"]
    assert hours == ["business_hours"]


@pytest.mark.parametrize(
    "labels, expected",
    [
        (["Very high", "High", "Normal", "Low"], ["P1", "P2", "P3", "P4"]),
        (["Extremely urgent", "Urgent", "Normal"], ["P1", "P2", "P3"]),
        (["Critical", "High", "Medium", "Low"], ["P1", "P2", "P3", "P4"]),
    ],
)
def test_an_intensifier_ranks_a_level_above_its_word(labels, expected):
    assert scheme_scopes(labels) == expected


def test_a_first_column_that_only_numbers_the_lines_is_not_the_row_label():
    t = table(
        ["Pos.", "Service", "Unit", "Amount (DKK)"],
        [
            ["1.1", "Service desk", "per user / month", "429,00"],
            ["5.2", "Security training (optional)", "per user / month", "18,00"],
        ],
    )
    got = [(g[2], g[4]) for g in _found(_doc(["# Prices"], [t]))]
    assert got == [(429, "binding"), (18, "conditional")]


def test_a_header_the_structure_names_measures_the_same_in_another_table():
    tiers = table(
        ["", "Essentials", "Professional"],
        [["Engineer on the line, 'Individual fault'", "4 hours", "2 hours"]],
    )
    levels = table(
        ["Effect", "Engineer on the line", "Restored (target)"],
        [
            ["Sailings stopped", "20 minutes", "3 hours"],
            ["Operations impaired", "1 hour", "6 hours"],
            ["Individual fault", "2 hours", "2 business days"],
        ],
    )
    got = {g[:3] + (g[5],) for g in _found(_doc(["# Levels"], [tiers, levels]))}
    assert ("response_time", "P3", 240, "Essentials") in got
    assert ("response_time", "P3", 120, "Professional") in got
    assert ("response_time", "P1", 20, "") in got


def test_an_on_call_line_of_the_service_desk_is_the_desks_cover():
    sentence = (
        "For critical incidents the Service Desk is also reachable through an on-call line "
        "answered by an engineer 24 hours a day, 7 days a week."
    )
    assert [g[:4] for g in _found(_doc([sentence]))] == [
        ("support_hours", "helpdesk", None, "24x7")
    ]


@pytest.mark.parametrize(
    "definition, expected",
    [
        (
            '"Priority" means the ranking given to an Incident, one of Business critical, '
            "Business impacting, Non-critical or Service request.",
            ["P1", "P2", "P3", "P4"],
        ),
        (
            "We class each incident as Very high (site down), High (a team), Normal (one user) "
            "or Low (questions).",
            ["P1", "P2", "P3", "P4"],
        ),
        # a list of places or systems is no scheme, whatever the sentence says about priority
        ("Each priority applies equally to the Leeds, York and Hull offices.", None),
    ],
)
def test_a_sentence_listing_the_scheme_ranks_its_levels_in_order(definition, expected):
    from msp_select.extract.context import enumerated_levels
    from tests.extract_helpers import document

    got = enumerated_levels(document(definition).blocks)
    assert (list(got.values()) or None) == expected


def test_prose_naming_a_listed_level_takes_its_rank_plural_included():
    doc = _doc(
        [
            '"Priority" means the ranking given to an Incident, one of Business critical, '
            "Business impacting, Non-critical or Service request.",
            "A Business impacting Incident stops a department. Its Response Time is 2 hours.",
            "Service requests are answered within 2 Business Days.",
        ]
    )
    got = [g[:3] for g in _found(doc) if g[0] == "response_time"]
    assert got == [("response_time", "P2", 120), ("response_time", "P4", 960)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the measures' name is no aim
        (
            "Recovery objectives: RPO 15 minutes, RTO 2 hours for the hosted system.",
            [("rpo", "all", 15, "minute", "binding"), ("rto", "all", 120, "minute", "binding")],
        ),
        # "the end of a calendar month" is a point in time, not a notice period
        (
            "Either party may end the agreement with 6 months' notice to the end of a calendar month.",
            [("termination_notice", "all", 180, "day", "binding")],
        ),
        # a cure period for a breach is no resolution time
        (
            "If a breach has not been remedied within 30 calendar days, either party may terminate.",
            [],
        ),
        # after a disaster, restoring is recovery
        (
            "After a disaster the practice system is restored at the latest after 8 hours.",
            [("rto", "all", 480, "minute", "binding")],
        ),
    ],
)
def test_recovery_names_points_in_time_and_disasters(sentence, expected):
    assert [g[:5] for g in _found(_doc([sentence]))] == expected


def test_a_clock_column_named_like_a_remedy_is_still_a_clock():
    t = table(
        ["Incident category", "Reaction", "Remedy"],
        [
            ["Incident category 1 (business stopped)", "30 min.", "is remedied within 6 hrs."],
            [
                "Incident category 2 (business impaired)",
                "2 hrs.",
                "is remedied within 1 working day",
            ],
        ],
    )
    got = [g[:3] for g in _found(_doc(["# Service levels"], [t]))]
    assert got == [
        ("response_time", "P1", 30),
        ("resolution_time", "P1", 360),
        ("response_time", "P2", 120),
        ("resolution_time", "P2", 480),
    ]


@pytest.mark.parametrize(
    "labels, expected",
    [
        (["Crítico", "Alto", "Medio", "Bajo"], ["P1", "P2", "P3", "P4"]),
        (["Kritisch", "Hoch", "Mittel", "Niedrig"], ["P1", "P2", "P3", "P4"]),
        (["Critique", "Élevée", "Moyenne", "Faible"], ["P1", "P2", "P3", "P4"]),
    ],
)
def test_priority_words_in_other_languages_rank_on_the_same_scale(labels, expected):
    assert scheme_scopes(labels) == expected


def test_a_unit_column_gives_each_rows_bare_figures_their_unit():
    t = table(
        ["Metric", "Esencial", "Integral", "Unit"],
        [
            ["Platform availability", "99.8", "99.95", "% per month"],
            ["Recovery point (RPO)", "240", "60", "min"],
            ["Recovery time (RTO)", "8", "4", "h"],
            ["Critical patches applied", "14", "7", "days from release"],
        ],
    )
    got = {g[:4] + (g[5],) for g in _found(_doc(["# Key figures"], [t]))}
    assert got == {
        ("availability", "all", 99.8, "percent", "Esencial"),
        ("availability", "all", 99.95, "percent", "Integral"),
        ("rpo", "all", 240, "minute", "Esencial"),
        ("rpo", "all", 60, "minute", "Integral"),
        ("rto", "all", 480, "minute", "Esencial"),
        ("rto", "all", 240, "minute", "Integral"),
        ("patch_window", "all", 14, "day", "Esencial"),
        ("patch_window", "all", 7, "day", "Integral"),
    }


def test_in_a_price_list_the_unit_column_is_the_prices_basis():
    t = table(["Item", "Unit", "GBP (ex VAT)"], [["Extra work", "hour", "85.00"]])
    assert [g[:4] for g in _found(_doc(["# Prices"], [t]))] == [("price", "hourly", 85, "GBP/hour")]


def test_a_terms_table_row_names_the_event_and_a_price_review_is_no_service_review():
    t = table(
        ["Item", "Value"],
        [
            ["Termination by the customer", "90 days' written notice, after month 12"],
            ["Price review", "Yearly by CPI, 60 days' notice"],
            ["Service review", "Monthly"],
        ],
    )
    got = [g[:3] for g in _found(_doc(["# Terms"], [t]))]
    assert got == [("termination_notice", "all", 90), ("review_cadence", "all", 30)]


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (
            [
                "# How quickly we react",
                "We classify every ticket as Crítico, Alto, Medio or Bajo:",
                "- Crítico: engineer within 20 minutes; service back within 4 hours",
                "- Alto: engineer within 1 hour; service back within 8 hours",
            ],
            [
                ("response_time", "P1", 20),
                ("resolution_time", "P1", 240),
                ("response_time", "P2", 60),
                ("resolution_time", "P2", 480),
            ],
        ),
        (["We bring a failed server back within 12 hours."], [("rto", "all", 720)]),
        # "21,000 pesos" in a document priced in Chilean pesos is in Chilean pesos
        (
            ["All prices are in Chilean pesos.", "Hosting is a fixed 21,000 pesos a month."],
            [("price", "flat", 21000)],
        ),
    ],
)
def test_service_back_failed_servers_and_currency_words(paragraphs, expected):
    assert [g[:3] for g in _found(_doc(paragraphs))] == expected


def test_a_currency_word_follows_the_declared_currency():
    doc = _doc(["All prices are in Chilean pesos.", "Hosting is a fixed 21,000 pesos a month."])
    assert [g[3] for g in _found(doc)] == ["CLP/month"]


def test_paragraphs_that_open_with_an_effect_rank_in_order_and_a_list_after_them_carries_on():
    doc = _doc(
        [
            "# When something breaks",
            "When a hotel cannot check guests in, an engineer will be working on it within twenty minutes, and we will have the hotel trading again within six hours.",
            "When a single outlet cannot take payments, we will respond within one hour and restore normal service within twelve hours.",
            "For the quieter cases, our engineers will pick up as follows:",
            "- one guest or one device affected - within four business hours;",
            "- requests and questions - by the end of the next business day.",
        ]
    )
    got = [g[:3] for g in _found(doc)]
    assert got == [
        ("response_time", "P1", 20),
        ("resolution_time", "P1", 360),
        ("response_time", "P2", 60),
        ("resolution_time", "P2", 720),
        ("response_time", "P3", 240),
        ("response_time", "P4", 480),
    ]


def test_paragraphs_whose_times_shrink_are_no_scheme():
    doc = _doc(
        [
            "# Response",
            "When a user cannot print, we respond within four hours.",
            "When a whole site cannot work, we respond within fifteen minutes.",
        ]
    )
    assert {g[1] for g in _found(doc)} == {"all"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a past year's survey, a sentence opening on last year, a competitor's advert
        ("Our 2025 client survey came back at 94% satisfied.", []),
        ("Last year we answered 90% of calls within 5 minutes, and our uptime was 99.9%.", []),
        ("A national chain advertises a one-hour response for its top priority.", []),
        # looking ahead is no history
        (
            "Over the next year we will respond within 15 minutes.",
            [("response_time", "all", 15)],
        ),
    ],
)
def test_past_results_and_a_competitors_advert_are_not_commitments(sentence, expected):
    assert [g[:3] for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "header, expected_units",
    [
        (["Grade", "Pick-up time [min]", "Fix time [h]"], (30, 360)),
        (["Grade", "Pick-up time, minutes", "Fix time, hours"], (30, 360)),
        (["Grade", "Pick-up time / min", "Fix time / hrs"], (30, 360)),
        (["Grade", "Pick-up time (minutes)", "Fix time (working days)"], (30, 6 * 480)),
    ],
)
def test_a_unit_in_square_brackets_or_after_a_comma_gives_bare_cells_their_unit(
    header, expected_units
):
    t = table(header, [["Grade 1", "30", "6"], ["Grade 2", "90", "12"]])
    got = {g[:3] for g in _found(_doc(["# Service levels"], [t]))}
    assert ("response_time", "P1", expected_units[0]) in got
    assert ("resolution_time", "P1", expected_units[1]) in got


def test_a_bracketed_currency_and_percent_head_bare_cells():
    t = table(["Item", "Basis", "Fee [CHF]"], [["Managed laptop", "per device per month", "61.50"]])
    assert [g[:4] for g in _found(_doc(["# Fees"], [t]))] == [
        ("price", "per_device", 61.5, "CHF/month")
    ]


def test_lettered_items_named_by_effect_rank_in_order_when_their_times_grow():
    lines = [
        "# Service levels",
        "The following times apply from the moment a ticket is logged:",
        "(a) Plant halted: an engineer engages within fifteen (15) minutes and service is restored within four (4) hours;",
        "(b) Plant impaired: an engineer engages within one (1) hour and service is restored within ten (10) hours;",
        "(c) One operator: an engineer engages within four (4) hours and service is restored within two (2) business days;",
        "(d) Changes: an engineer engages within two (2) business days; the change is made on the agreed date.",
    ]
    got = {g[:3] for g in _found(_doc(lines))}
    assert {("response_time", "P1", 15), ("resolution_time", "P1", 240)} <= got
    assert {("response_time", "P2", 60), ("resolution_time", "P2", 600)} <= got
    assert ("response_time", "P3", 240) in got and ("response_time", "P4", 960) in got


def test_items_whose_first_label_names_no_effect_are_no_scheme():
    lines = [
        "# Site visits",
        "An engineer reaches each office within the following times:",
        "(a) Harbour office: within two (2) hours;",
        "(b) Valley office: within four (4) hours;",
        "(c) Hill office: within six (6) hours.",
    ]
    assert not any(g[1] in ("P1", "P2", "P3") for g in _found(_doc(lines)))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The contract is concluded for 48 months.", [("contract_term", "all", 48, "month")]),
        ("This agreement is made for two (2) years.", [("contract_term", "all", 24, "month")]),
        ("The migration phase lasts five weeks.", [("onboarding_duration", "all", 35, "day")]),
        (
            "Handover of the estate is completed within 45 days of signature.",
            [("onboarding_duration", "all", 45, "day")],
        ),
        # replication every N minutes is the most data that can be lost
        (
            "The ledger is replicated to our second site every 20 minutes.",
            [("rpo", "all", 20, "minute")],
        ),
        # a review held every month is a cadence, not a recovery point
        ("We hold a replication review every month.", [("review_cadence", "all", 30, "day")]),
        ("Payroll recovered within 6 hours at our standby site.", [("rto", "all", 360, "minute")]),
        (
            "After a declared disaster the portal runs again within 5 hours.",
            [("rto", "all", 300, "minute")],
        ),
        # restoring at the client's own site is an incident fix, not a failover
        (
            "We restore the service within 4 hours at your site.",
            [("resolution_time", "all", 240, "minute")],
        ),
        (
            "Monitoring of alarms: continuous, all year.",
            [("support_hours", "noc", None, "24x7")],
        ),
        # a continuous improvement programme is no round-the-clock cover
        ("We run a continuous improvement programme.", []),
    ],
)
def test_terms_recovery_and_cover_in_other_words(sentence, expected):
    assert [g[:4] for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Our Lite plan at EUR 19 per user a month is not proposed: it lacks a service desk.",
        "A 24-month option at EUR 21 per device a month is not part of this proposal.",
    ],
)
def test_a_plan_the_offer_does_not_propose_has_no_price(sentence):
    assert _found(_doc(["# Fees", sentence])) == []


def test_a_verbless_step_after_a_semicolon_continues_the_credit_before_it():
    doc = _doc(
        [
            "# Availability and credits",
            "Should availability fall under 99.8%, you receive a credit of 4% of the monthly fee; under 99%, 8%.",
        ]
    )
    got = [g[:3] for g in _found(doc)]
    assert ("availability", "all", 8) not in got
    assert ("service_credit", "all", 8) in got


def test_a_long_clause_after_a_semicolon_is_not_read_as_the_credit_before_it():
    doc = _doc(
        [
            "# Availability",
            "The incumbent promised 99.5% availability; its own monthly reports showed 97.9% last spring.",
        ]
    )
    assert not any(g[0] == "service_credit" for g in _found(doc))


def test_each_offered_tier_keeps_its_own_credit_cap():
    t = table(
        ["Measure", "Bronze", "Silver", "Gold"],
        [
            ["Availability (%)", "99.5", "99.8", "99.9"],
            ["Credit cap (% of monthly fee)", "none", "6", "12"],
        ],
    )
    got = {(g[0], g[2], g[5]) for g in _found(_doc(["# Tiers"], [t]))}
    assert {("service_credit", 6, "Silver"), ("service_credit", 12, "Gold")} <= got


@pytest.mark.parametrize(
    "header, kept",
    [
        # the provider's own answer column names no category of its own
        (["Ref", "Requirement (quoted)", "Falkner answer"], False),
        (["Ref", "Requirement (quoted)", "Vendor reply"], False),
    ],
)
def test_an_answer_column_named_after_the_bidder_is_no_response_time(header, kept):
    t = table(
        header,
        [
            [
                "3.2",
                "Data restored within 8 hours",
                "Data restored within 6 hours in our secondary data centre.",
            ]
        ],
    )
    got = [g[:3] for g in _found(_doc(["# Compliance"], [t]))]
    assert ("response_time", "all", 360) not in got
    assert ("rto", "all", 360) in got


def test_lettered_items_named_as_kinds_of_ticket_rank_in_order():
    lines = [
        "# Schedule 1 - Service Levels",
        "S1.1 The Contractor shall acknowledge each ticket within the following periods:",
        "(a) Halt Incident: ten (10) minutes;",
        "(b) Degradation Incident: forty-five (45) minutes;",
        "(c) Annoyance Incident: four (4) Business Hours;",
        "(d) Change Request: two (2) Business Days.",
        "S1.2 The Client shall answer the Contractor's questions on a Halt Incident within twenty (20) minutes.",
    ]
    got = {g[:3] for g in _found(_doc(lines))}
    assert {
        ("response_time", "P1", 10),
        ("response_time", "P2", 45),
        ("response_time", "P3", 240),
        ("response_time", "P4", 960),
    } <= got
    assert ("response_time", "P1", 20) in got  # the client's duty on the level it names


def test_items_that_name_things_not_tickets_stay_unranked():
    lines = [
        "Spare parts are shipped within the following periods:",
        "(a) Firewall Appliance: one (1) day;",
        "(b) Wireless Controller: two (2) days;",
        "(c) Desk Phone: five (5) days.",
    ]
    assert not any(g[1].startswith("P") for g in _found(_doc(lines)))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a threshold of the credit scheme is neither the credit nor the level
        (
            "If uptime stays at or above 99.0% but under the target, a credit of 3% of the fee applies.",
            [("service_credit", "all", 3, "percent")],
        ),
        # a cap after "never more than" is the credit
        (
            "We credit 2% of the fee per hour of downtime, never more than 20% of the monthly fee.",
            [("service_credit", "all", 20, "percent")],
        ),
        # a service level beside a credit cue is the level, not a 99.7% credit
        (
            "We commit to 99.7% availability in every month, with service credits of 5% of the monthly fee for each month below it, capped at 15% in a quarter.",
            [("availability", "all", 99.7, "percent"), ("service_credit", "all", 15, "percent")],
        ),
        # a deadline set off by commas belongs to the verb before it
        (
            "The Contractor shall complete the Transition, including inventory and cut-over of the phones, within sixty (60) days of the Start Date.",
            [("onboarding_duration", "all", 60, "day")],
        ),
        # a third party's own terms, and a figure the sentence disclaims
        (
            "The carrier supplies the link under its own terms, which state 99.5% availability.",
            [],
        ),
        ("Your registrar quotes 99.9%; that figure is not a service level of this offer.", []),
        # a total worked out from unit prices is no price
        (
            "Support costs EUR 40 per device per month, which for 300 devices comes to EUR 12,000 a month.",
            [("price", "per_device", 40, "EUR/month")],
        ),
        (
            "We propose an initial engagement of twenty-four months.",
            [("contract_term", "all", 24, "month")],
        ),
        (
            "Database logs are shipped to the standby region every ten minutes.",
            [("rpo", "all", 10, "minute")],
        ),
        # a test of recovery twice a year is no recovery point
        ("Recovery is rehearsed twice a year.", []),
        (
            "We bring the ledger up at the second site within three (3) hours of a declared disaster.",
            [("rto", "all", 180, "minute")],
        ),
        # links between sites are no site visits
        (
            "Our operations room watches your routers and site links 24 hours a day, seven days a week.",
            [("support_hours", "noc", None, "24x7")],
        ),
        (
            "Phones and e-mail: Monday to Friday, 8am to 6pm.",
            [("support_hours", "helpdesk", None, "business_hours")],
        ),
    ],
)
def test_credits_deadlines_and_disclaimed_figures(sentence, expected):
    assert [g[:4] for g in _found(_doc([sentence]))] == expected


def test_a_bullets_run_in_title_names_its_figure():
    doc = _doc(
        [
            "# Terms",
            "• Initial term. 30 months from the start date.",
            "• Set-up fee. GBP 6,500.00, invoiced on signature.",
            "• Escalation. A ticket still open after 2 hours goes to the duty manager.",
        ]
    )
    assert [g[:4] for g in _found(doc)] == [
        ("contract_term", "all", 30, "month"),
        ("price", "onboarding", 6500, "GBP"),
    ]


def test_a_question_heading_names_the_category_without_softening_it():
    doc = _doc(["# How much data could you lose?", "- At most 30 minutes of orders."])
    assert [g[:5] for g in _found(doc)] == [("rpo", "all", 30, "minute", "binding")]


def test_a_list_by_priority_under_a_working_again_lead_in_is_resolution():
    lines = [
        "# Getting you going",
        "From the call to the moment the service works again:",
        "- Code Black - 3 hours",
        "- Code Red - 8 hours",
        "- Code Amber - 2 business days",
    ]
    got = [g[:3] for g in _found(_doc(lines))]
    assert got == [
        ("resolution_time", "P1", 180),
        ("resolution_time", "P2", 480),
        ("resolution_time", "P3", 960),
    ]


def test_levels_listed_after_a_colon_in_lower_case_rank_prose_that_names_them():
    doc = _doc(
        [
            "Each call falls into one of three grades, most urgent first: stoppage, slowdown and query.",
            "Slowdown calls will get an engineer within 90 minutes, query calls are usually answered next day.",
        ]
    )
    got = [g[:5] for g in _found(doc)]
    assert ("response_time", "P2", 90, "minute", "binding") in got


def test_a_lower_case_list_without_a_colon_is_no_scheme():
    from msp_select.extract.context import enumerated_levels
    from tests.extract_helpers import document

    text = "Tickets are normal priority if they are not low priority, urgent or critical."
    assert enumerated_levels(document(text).blocks) == {}


def test_a_new_subject_after_a_comma_starts_a_clause_but_a_condition_does_not():
    got = [
        g[:5]
        for g in _found(
            _doc(
                [
                    "P2 tickets will be picked up within 2 hours, P3 tickets are typically picked up within a day."
                ]
            )
        )
    ]
    assert ("response_time", "P2", 120, "minute", "binding") in got
    got = [
        g[:3]
        for g in _found(
            _doc(["When P1 is declared, an engineer is on the line within 20 minutes."])
        )
    ]
    assert got == [("response_time", "P1", 20)]


def test_a_row_not_proposed_is_no_price_and_an_options_table_is_conditional():
    prices = table(
        ["No.", "Description", "Unit", "Unit price (EUR)"],
        [["7", "Lite desk (for reference only; not proposed)", "device / month", "19.00"]],
    )
    onboarding = table(
        ["No.", "Description", "Qty", "Unit price (EUR)"],
        [["8", "Onboarding and transition", "1", "4,200.00"]],
    )
    options = table(["Item", "Unit", "Price (EUR)"], [["Weekend on-site visit", "hour", "140.00"]])
    doc = _doc(["# 2. Charges"], [prices, onboarding])
    assert [g[:4] for g in _found(doc)] == [("price", "onboarding", 4200, "EUR")]
    doc = _doc(["# 3. Optional add-ons"], [options])
    assert [g[:5] for g in _found(doc)] == [("price", "hourly", 140, "EUR/hour", "conditional")]


def test_a_committed_level_and_a_remarks_column_are_no_tiers():
    t = table(
        ["Service element", "Committed level", "Remarks"],
        [
            ["Credit cap", "12% of monthly fee", "2% per missed P1 ticket"],
            ["Uptime", "99.7% monthly", "hosted ERP"],
        ],
    )
    got = {(g[0], g[2], g[5]) for g in _found(_doc(["# Levels"], [t]))}
    assert ("service_credit", 12, "") in got and ("availability", 99.7, "") in got
    assert not any(g[2] for g in got)


def test_a_basis_cell_says_what_is_priced_before_the_rows_description():
    t = table(
        ["Item", "Basis", "Charge (AUD)"],
        [["Managed end-user device (laptop, scanner)", "per device per month", "58.00"]],
    )
    assert [g[:4] for g in _found(_doc(["# Charges"], [t]))] == [
        ("price", "per_device", 58, "AUD/month")
    ]


def test_rows_that_describe_effects_rank_in_order_under_any_header():
    t = table(
        ["Basket", "What you notice", "On it within", "Sorted within"],
        [
            ["All stopped", "The till cannot take payments", "15 minutes", "3 hours"],
            ["Part broken", "One printer is down", "1 hour", "1 business day"],
            ["Irritation", "A slow laptop", "4 hours", "2 business days"],
            ["Whenever", "A new starter", "1 business day", "we aim for 4 business days"],
        ],
    )
    got = {g[:5] for g in _found(_doc(["# How fast"], [t]))}
    assert {
        ("response_time", "P1", 15, "minute", "binding"),
        ("resolution_time", "P1", 180, "minute", "binding"),
    } <= got
    assert ("resolution_time", "P4", 1920, "minute", "soft") in got


def test_a_list_that_defines_grades_ranks_them_and_a_tier_matrix_header_naming_one_takes_its_rank():
    t = table(
        ["Tier", "Meltdown response (min)", "Meltdown fix (hrs)", "Wobble response (min)"],
        [["Bronze", "30", "8", "120"], ["Gold", "10", "2", "30"]],
    )
    lines = [
        "# How we grade incidents",
        "- Meltdown - a whole site is down",
        "- Wobble - a department is affected, it works badly",
        "- Hiccup - one user, a workaround exists",
        "- Wish - a request or a question",
    ]
    got = {(g[0], g[1], g[2], g[5]) for g in _found(_doc(lines, [t]))}
    assert {("response_time", "P1", 10, "Gold"), ("resolution_time", "P1", 120, "Gold")} <= got
    assert ("response_time", "P2", 120, "Bronze") in got


def test_a_list_of_things_without_times_is_no_scheme():
    lines = [
        "# What we grade",
        "- Laptops - repaired when they are down",
        "- Printers - serviced yearly",
        "- Phones - replaced on request",
    ]
    from msp_select.extract.context import block_layers

    assert not any(x.scopes for layers in block_layers(_doc(lines).blocks) for x in layers)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Proposal deck.\n- All money in NZ dollars, GST exclusive\n- Set-up: $6,500 one-off",
            "NZD",
        ),
        ("Every figure here is in Australian dollars.\nSet-up: $6,500", "AUD"),
        # a capitalised code only: "try" is no Turkish lira
        ("Please try the portal first.\nSet-up: $6,500", ""),
        # a part of a line set apart by bars or dots, as a cover line is
        ("WMS-P-118 | 1 Oct 2026 | Valid 45 days | All $ = NZD ex GST\nOnboarding $4,500", "NZD"),
        ("Quote 2026-114 • 3 November 2026 • Prices in Canadian dollars\nSet-up: $900", "CAD"),
        ("Quote 2026-114 | 3 November 2026 | 45 pages\nSet-up: $900", ""),
    ],
)
def test_a_sentence_about_the_currency_declares_it(text, expected):
    from msp_select.extract.quantities import declared_currency

    assert declared_currency(text) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # what the buyer asks for is no commitment
        ("The customer expects a first response within 30 minutes for its most urgent class.", []),
        (
            "The RFP asks for a 24-month term; we propose an initial term of 36 months.",
            [("contract_term", "all", 36, "month")],
        ),
        ("This offer is open for acceptance for 60 days.", []),
        (
            "After-hours visits to the main site are included for outages, at no additional charge.",
            [("support_hours", "onsite", None, "24x7")],
        ),
        ("We do not offer overnight monitoring.", [("support_hours", "noc", None, "24x7")]),
        ("- Backups kept 30 days on site, 2 years off site", []),
        (
            "- Engineers on site: working days, every branch",
            [("support_hours", "onsite", None, "business_hours")],
        ),
        ("Tickets left open close on the 5th business day.", []),
        (
            "An early-termination charge equal to three (3) months' Monthly Charges applies.",
            [],
        ),
        ("For illustration only: 300 laptops give a Monthly Charge of $27,000.00.", []),
        ("Its supplier's own service terms (99.5% availability) apply to that system.", []),
        ("For your 250 staff that's $15,500 a month, plus $900 a month for the six servers.", []),
    ],
)
def test_requirements_retention_and_worked_totals_in_other_words(sentence, expected):
    assert [g[:4] for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["Backups run every two hours to our second site."], [("rpo", "all", 120)]),
        # a stated recovery point wins over the backup schedule
        (
            ["Backups run every two hours. We guarantee a recovery point objective of 4 hours."],
            [("rpo", "all", 240)],
        ),
    ],
)
def test_a_backup_interval_is_the_recovery_point_only_when_none_is_stated(lines, expected):
    assert [g[:3] for g in _found(_doc(lines))] == expected


def test_a_row_naming_a_measure_and_a_generic_verb_takes_the_measure():
    t = table(["Key fact", "Commitment"], [["Core server restore (RTO)", "3 hours"]])
    assert [g[:3] for g in _found(_doc(["# Continuity"], [t]))] == [("rto", "all", 180)]


def test_an_hourly_rate_for_exit_assistance_is_a_price():
    t = table(
        ["Ref", "Charge", "Unit", "Amount (EUR)"],
        [
            ["C1", "Managed laptop", "per device, monthly", "€80.00"],
            ["C4", "Extra work and exit assistance", "per hour", "€150.00"],
            ["C5", "Early exit charge", "once", "€3,000.00"],
        ],
    )
    got = [g[:4] for g in _found(_doc(["# Charges"], [t]))]
    assert ("price", "hourly", 150, "EUR/hour") in got
    assert not any(g[2] == 3000 for g in got)


def test_level_words_opening_labels_rank_across_a_documents_cards_and_headers():
    card1 = table(
        ["Item", "Value"], [["Red – respond", "≤ 10 min"], ["Amber – respond", "≤ 45 min"]]
    )
    card2 = table(
        ["Item", "Value"], [["Yellow – respond", "≤ 3 h"], ["Green – resolve", "≤ 4 business days"]]
    )
    got = {g[:3] for g in _found(_doc(["# Cards"], [card1, card2]))}
    assert {
        ("response_time", "P1", 10),
        ("response_time", "P2", 45),
        ("response_time", "P3", 180),
        ("resolution_time", "P4", 1920),
    } <= got


def test_a_header_naming_a_level_ranks_in_the_documents_scheme_not_its_tables():
    first = table(["Plan", "Critical: first response"], [["Bronze", "1 hour"], ["Gold", "15 min"]])
    second = table(
        ["Plan", "High: first response", "Normal: first response"],
        [["Bronze", "4 hours", "2 business days"]],
    )
    got = {g[:3] for g in _found(_doc(["# Plans"], [first, second]))}
    assert {
        ("response_time", "P1", 15),
        ("response_time", "P2", 240),
        ("response_time", "P3", 960),
    } <= got


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("Not included", ("support_hours", "noc", None, "24x7", "excluded")),
        ("No", ("support_hours", "noc", None, "24x7", "excluded")),
        ("On request, at additional cost", ("support_hours", "noc", None, "24x7", "conditional")),
    ],
)
def test_a_row_label_read_with_a_cell_that_rules_it_out_or_prices_it(cell, expected):
    t = table(
        ["Item", "Value"],
        [["Monitoring", "Mon–Fri 08:00–18:00"], ["Out-of-hours monitoring", cell]],
    )
    assert expected in {g[:5] for g in _found(_doc(["# Cover"], [t]))}


def test_parts_that_add_up_to_a_price_are_no_prices_of_their_own():
    parts = table(
        ["Component of the device fee", "EUR per device per month"],
        [["Labour", "30.00"], ["Tools", "12.00"], ["Margin", "8.00"], ["Device fee", "50.00"]],
    )
    assert [g[:3] for g in _found(_doc(["# Fee build-up"], [parts]))] == [
        ("price", "per_device", 50)
    ]
    priced = table(
        ["Component", "Unit", "Price (EUR)"],
        [
            ["Desk", "per user per month", "30.00"],
            ["Servers", "per server per month", "90.00"],
            ["Set-up", "one-time", "2,000.00"],
        ],
    )
    assert len(_found(_doc(["# Prices"], [priced]))) == 3


def test_paragraphs_titled_by_effect_rank_in_order_throughout():
    doc = _doc(
        [
            "# Four kinds of incident",
            "Wards stopped. When a fault stops a ward, an engineer will call back within ten minutes and we will restore care within two hours.",
            "Clinic disrupted. Where a clinic is slowed, we will respond within half an hour and restore it within five hours.",
            "Single clinician. One person's problem is answered within two hours.",
            "Paperwork. Requests are acknowledged within one business day.",
        ]
    )
    got = {g[:3] for g in _found(doc)}
    assert {
        ("response_time", "P1", 10),
        ("resolution_time", "P1", 120),
        ("response_time", "P2", 30),
        ("response_time", "P4", 480),
    } <= got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The Procuring Entity shall name a contact who shall answer the Contractor within twenty (20) minutes.",
            [("response_time", "all", 20, "minute", "client")],
        ),
        (
            "Backups with point-in-time recovery to within 10 minutes.",
            [("rpo", "all", 10, "minute", "provider")],
        ),
        (
            "Set-up costs EUR 3,000 and you are live in 21 days.",
            [
                ("onboarding_duration", "all", 21, "day", "provider"),
                ("price", "onboarding", 3000, "EUR", "provider"),
            ],
        ),
        ("Plans run for 24 months.", [("contract_term", "all", 24, "month", "provider")]),
        (
            "Credits: 4% of the fee for each 0.1% below your uptime, capped at 12%.",
            [("service_credit", "all", 12, "percent", "provider")],
        ),
        ("Avg. P1 response last quarter (info): 9 minutes.", []),
    ],
)
def test_tender_roles_recovery_points_and_caps_in_other_words(sentence, expected):
    assert [g[:4] + (g[5],) for g in _found_party(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "designation, duty, party",
    [
        ("The Customer shall designate a Library Systems Liaison and an alternate.",
         "During a Severity 1 incident the Liaison shall respond to requests within one (1) hour.",
         "client"),
        ("The Client will appoint a Site Coordinator for each campus.",
         "The Site Coordinator must respond to access requests within one hour.", "client"),
        # a role the provider names is the provider's
        ("We will appoint a Service Delivery Manager for the account.",
         "The Service Delivery Manager will respond to P1 incidents within one hour.", "provider"),
    ],
)  # fmt: skip
def test_a_role_the_client_designates_answers_for_the_client(designation, duty, party):
    got = [(c, v, who) for c, _, v, _, _, who in _found_party(_doc([designation, duty]))]
    assert got == [("response_time", 60.0, party)]


def _found_party(doc):
    return [
        (c.category, c.scope, c.value, c.unit, c.strength, c.party)
        for c in extract_vendor("v", [doc]).commitments
    ]


def test_rows_marked_third_party_or_info_are_context():
    t = table(
        ["Item", "Value"],
        [
            ["WAN availability (monthly)", "99.9 %"],
            ["Carrier circuit SLA (third party)", "99.5 %"],
            ["Avg. P1 response (info)", "11 min"],
        ],
    )
    assert [g[:3] for g in _found(_doc(["# Network"], [t]))] == [("availability", "all", 99.9)]


def test_colour_columns_are_levels_not_the_client_a_line_addresses():
    """ "for RED and AMBER" in a note addresses levels: a one-word level is never a party."""
    t = table(
        ["Measure", "RED", "AMBER", "YELLOW"],
        [
            ["Acknowledge (minutes) [1]", "30", "60", "240"],
            ["Restore service (hours) [1]", "4", "8", "24"],
        ],
    )
    doc = _doc(
        [
            "Prepared for Northwind Credit Union.",
            "[1] Clock hours for RED and AMBER; for YELLOW the clock runs in business hours.",
        ],
        [t],
    )
    got = {g[:3] for g in _found(doc)}
    assert {
        ("response_time", "P1", 30),
        ("response_time", "P3", 240),
        ("resolution_time", "P1", 240),
    } <= got


@pytest.mark.parametrize(
    "label, cell, expected",
    [
        (
            "Availability of managed network (% per month)",
            "99.9",
            ("availability", "all", 99.9, "percent"),
        ),
        ("Critical patch deployment (days from release)", "14", ("patch_window", "all", 14, "day")),
        ("Initial term (months)", "24", ("contract_term", "all", 24, "month")),
    ],
)
def test_a_unit_in_parentheses_with_words_after_it(label, cell, expected):
    t = table(["Measure", "Value"], [[label, cell]])
    assert [g[:4] for g in _found(_doc(["# Platform"], [t]))] == [expected]


def test_rows_measuring_one_clock_for_kinds_of_incident_rank_in_order():
    t = table(
        ["", "Basic $60/device/mo", "Plus $80/device/mo"],
        [
            ["Office-down response", "30 min", "15 min"],
            ["Broken-laptop response", "4 h", "2 h"],
            ["Question response", "1 business day", "4 h"],
            ["Uptime guarantee", "99.5%", "99.9%"],
        ],
    )
    got = {(g[0], g[1], g[2], (g[5].split() or [""])[0]) for g in _found(_doc(["# Plans"], [t]))}
    assert {
        ("response_time", "P1", 15, "Plus"),
        ("response_time", "P2", 240, "Basic"),
        ("response_time", "P3", 240, "Plus"),
    } <= got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Workstation or device: 92,00 $ per month.", [("price", "per_device", 92, "USD/month")]),
        ("Example: 300 devices plus 10 servers on Plus = $25,000/mo.", []),
        ("Our Solo plan ($39/device/mo) is built for tiny offices and isn't offered to banks.", []),
        (
            "For reference only: in 2025 our average response was 9 minutes, and 78% of calls were closed on first contact.",
            [],
        ),
        (
            "The transition from your current provider will be complete within 40 days of signature.",
            [("onboarding_duration", "all", 40, "day")],
        ),
        (
            "Credits are capped at 20% of the monthly fee and are applied to the next invoice.",
            [("service_credit", "all", 20, "percent")],
        ),
    ],
)
def test_french_dollars_equations_and_disclaimers(sentence, expected):
    assert [g[:4] for g in _found(_doc([sentence]))] == expected


def test_a_bilingual_basis_cell_gives_the_period():
    t = table(
        ["Item", "Price", "Period"], [["Serveur / Server", "240,00 $", "par mois / per month"]]
    )
    assert [g[:4] for g in _found(_doc(["# Tarifs / Pricing"], [t]))] == [
        ("price", "per_device", 240, "USD/month")
    ]


def test_a_two_word_level_name_ranks_a_row_that_writes_it_in_lower_case():
    levels = table(
        ["Class", "Engaged", "Back"],
        [
            ["Site down", "20 min", "3 h"],
            ["Site slow", "45 min", "6 h"],
            ["One person", "3 h", "1 business day"],
        ],
    )
    compare = table(
        ["", "Today", "With us"], [["First response, site down", "2 hours", "20 minutes, any hour"]]
    )
    got = [g[:3] for g in _found(_doc(["# Levels"], [levels, compare]))]
    assert ("response_time", "all", 20) not in got and ("response_time", "P1", 20) in got


def test_two_unnamed_deadline_columns_are_the_answer_then_the_fix():
    t = table(
        ["Code", "Working on it within", "Back to normal within"],
        [
            ["Code Red", "15 minutes", "4 hours"],
            ["Code Orange", "1 hour", "8 hours"],
            ["Code Green", "1 business day", "5 business days"],
        ],
    )
    got = {g[:3] for g in _found(_doc(["# Times"], [t]))}
    assert {
        ("response_time", "P1", 15),
        ("resolution_time", "P1", 240),
        ("resolution_time", "P3", 2400),
    } <= got


def test_two_unnamed_columns_of_cover_are_no_clocks():
    t = table(
        ["Code", "Weekdays", "Weekends"],
        [["Code Red", "15 minutes", "1 hour"], ["Code Orange", "1 hour", "4 hours"]],
    )
    assert not any(g[0] == "resolution_time" for g in _found(_doc(["# Cover"], [t])))


def test_a_list_item_naming_two_levels_of_the_documents_scheme_takes_both():
    lines = [
        "# Grades",
        "- Code Red - a campus has stopped",
        "- Code Orange - one classroom cannot work",
        "- Code Yellow - one person is slowed down",
        "- Code Green - a request or a question",
        "# Summer",
        "- Code Red: response within 1 hour.",
        "- Code Orange and Code Yellow: response on the next business day.",
    ]
    got = {g[:3] for g in _found(_doc(lines))}
    assert {("response_time", "P2", 480), ("response_time", "P3", 480)} <= got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("USD 36.00 per staff device per month.", [("price", "per_device", 36, "USD/month")]),
        (
            "- After-hours desk, so calls are answered at any hour: $2,900 per month.",
            [("price", "flat", 2900, "USD/month")],
        ),
    ],
)
def test_a_person_word_before_a_device_and_an_hour_before_a_monthly_amount(sentence, expected):
    prices = [g[:4] for g in _found(_doc([sentence])) if g[0] == "price"]
    assert prices == expected


def test_the_sentence_that_introduces_a_price_table_gives_its_period():
    t = table(
        ["Device class", "1 - 5,000 devices", "5,001 and above"],
        [["Student laptop", "$4.10", "$3.60"]],
    )
    doc = _doc(["# What one device costs", "All figures are US dollars per device per month."], [t])
    assert [g[:4] for g in _found(doc)] == [
        ("price", "per_device", 4.1, "USD/month"),
        ("price", "per_device", 3.6, "USD/month"),
    ]


def test_a_list_under_an_optional_add_ons_heading_is_conditional():
    doc = _doc(["# Optional add-ons", "- Repair depot with loaner pool: $2,000 per month."])
    assert [g[:5] for g in _found(doc)] == [("price", "flat", 2000, "USD/month", "conditional")]


def test_a_capitalised_level_naming_tickets_mid_sentence_ranks_them():
    lines = [
        "- We will respond to Red tickets within 15 minutes and restore service within 4 hours.",
        "- We will respond to Amber tickets within 30 minutes and restore service within 8 hours.",
        "- We will respond to Green tickets within 1 business day and complete them within 5 business days.",
    ]
    got = {g[:3] for g in _found(_doc(lines))}
    assert {
        ("response_time", "P1", 15),
        ("response_time", "P2", 30),
        ("resolution_time", "P3", 2400),
    } <= got


def test_two_clocks_in_one_cell_of_a_ranked_row_are_the_answer_then_the_fix():
    t = table(
        ["Severity", "Bronze", "Gold"],
        [
            ["Sev 1 - Outage (site unavailable)", "30m / 6h", "15m / 2h"],
            ["Sev 2 - Degraded", "1h / 12h", "30m / 6h"],
        ],
    )
    got = {g[:5] for g in _found(_doc(["# Clocks"], [t]))}
    assert {
        ("response_time", "P1", 15, "minute", "binding"),
        ("resolution_time", "P1", 120, "minute", "binding"),
    } <= got
    assert ("response_time", "P2", 60, "minute", "binding") in got


def test_titled_paragraphs_rank_even_after_untimed_ones():
    lines = [
        "Hi Sam,",
        "How we sort jobs.",
        "Everything's stopped. A tech will be on it within 20 minutes, day or night.",
        "Work's slowed. A tech will pick it up within 1 hour.",
        "One person stuck. We'll get back to them within 4 business hours.",
        "Cheers,",
    ]
    got = {g[:3] for g in _found(_doc(lines))}
    assert {
        ("response_time", "P1", 20),
        ("response_time", "P2", 60),
        ("response_time", "P3", 240),
    } <= got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Response times: critical 15 min, high 1 hr, medium 4 hrs, low 8 hrs.",
            [("P1", 15), ("P2", 60), ("P3", 240), ("P4", 480)],
        ),
        (
            "Guaranteed response: 30 minutes (Severity A), 2 hours (Severity B), next business"
            " day (Severity C).",
            [("P1", 30), ("P2", 120), ("P3", 480)],
        ),
        (
            "For a complete outage we respond in 15 minutes; for a partial outage, 1 hour; for"
            " everything else, 4 hours.",
            [("P1", 15), ("P2", 60), ("P3", 240)],
        ),
        # two measures in one sentence are no scheme, however the clauses describe effects
        (
            "Where a site is disrupted we will respond within half an hour and, where the"
            " affected room is open to us, restore normal working within six hours.",
            [("all", 30)],
        ),
        # named parts that are not levels, and times that do not grow, rank nothing
        ("We answer calls in 15 minutes, emails in 2 hours.", [("all", 15), ("all", 120)]),
        (
            "For a complete outage we respond in 4 hours; for a partial outage, 1 hour.",
            [("all", 240)],  # the verbless part stays unread rather than ranked
        ),
    ],
)
def test_the_parts_of_one_sentence_rank_the_levels_they_name_or_describe(sentence, expected):
    got = [(g[1], g[2]) for g in _found(_doc([sentence])) if g[0] == "response_time"]
    assert got == expected


@pytest.mark.parametrize(
    "titles, minutes, expected",
    [
        (
            ["Everything has stopped", "Part of the office cannot work", "One person is affected"],
            [20, 45, 180],
            ["P1", "P2", "P3"],
        ),
        # headings that name no effect, or times that shrink, are no scheme
        (["Service desk", "Field engineers", "Projects"], [20, 45, 180], ["all"] * 3),
        (
            ["Everything has stopped", "Part of the office cannot work", "One person is affected"],
            [180, 45, 20],
            ["all"] * 3,
        ),
    ],
)
def test_sibling_headings_that_describe_effects_rank_the_times_under_them(
    titles, minutes, expected
):
    blocks = ["# Response times"]
    for title, m in zip(titles, minutes):
        blocks += [f"# {title}", f"We will reply within {m} minutes."]
    got = [(g[1], g[2]) for g in _found(_doc(blocks)) if g[0] == "response_time"]
    assert got == list(zip(expected, minutes))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a figure given as an estimate is no promise
        ("Onboarding takes about six weeks.", [("onboarding_duration", 42, "soft")]),
        ("We will reply in around 30 minutes.", [("response_time", 30, "soft")]),
        (
            "Onboarding will be completed within six weeks.",
            [("onboarding_duration", 42, "binding")],
        ),
        # the SLA's own name ("the availability target") in the condition softens no credit
        (
            "If we miss the availability target, you receive a credit of 5% of the monthly fee,"
            " up to 20%.",
            [("service_credit", 20, "binding")],
        ),
        (
            "Where the service falls short of its target, a credit of 10% applies.",
            [("service_credit", 10, "binding")],
        ),
        ("We aim to meet a response target of 30 minutes.", [("response_time", 30, "soft")]),
        # a clause with its own verb keeps its own wording; a condition still governs its clause
        (
            "An establishment fee is payable once, and transition takes 4 weeks from signature.",
            [("onboarding_duration", 28, "binding")],
        ),
        (
            "4.3 Provided that the Customer has taken the Disaster Recovery option, the Supplier"
            " shall restore the Hosted Services within eight (8) hours of invoking disaster recovery.",
            [("rto", 480, "conditional")],
        ),
        # a move to the service is onboarding; a task of hours is not
        ("The transition will take 8 weeks.", [("onboarding_duration", 56, "binding")]),
        ("Mailbox migration takes about two hours per user.", []),
    ],
)
def test_how_firmly_a_figure_is_given_and_what_it_measures(sentence, expected):
    got = [(g[0], g[2], g[4]) for g in _found(_doc([sentence])) if g[0] != "price"]
    assert got == expected


def test_a_line_item_quote_reads_unit_prices_by_their_description_not_counts_or_totals():
    t = table(
        ["Ln", "SKU", "Description", "Qty", "Unit price", "Extended / mo"],
        [
            ["1", "AB-USER", "Managed user, per user per month", "120", "$89.00", "$10,680.00"],
            ["2", "AB-GW", "Sensor gateway watch, per gateway per month", "6", "$45.00", "$270.00"],
            ["3", "AB-ONB", "Onboarding and documentation, one-time", "1", "$6,200.00", "-"],
        ],
    )
    got = sorted(g[:4] for g in _found(_doc(["# Line-item quote"], [t])) if g[0] == "price")
    assert got == [
        ("price", "onboarding", 6200, "USD"),
        ("price", "per_device", 45, "USD/month"),
        ("price", "per_user", 89, "USD/month"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("- Customer duty: acknowledge incidents raised by us within 30 minutes", "client"),
        (
            "The customer shall keep a named contact reachable at all times, who shall respond"
            " within 15 minutes of being called.",
            "client",
        ),
        ("Our engineers, who work in three shifts, respond within 15 minutes.", "provider"),
    ],
)
def test_whose_duty_a_response_time_is(sentence, expected):
    got = [c.party for c in extract_vendor("v", [_doc([sentence])]).commitments]
    assert got == [expected]


def test_a_term_binds_the_offer_whoever_gives_the_notice_in_its_sentence():
    doc = _doc(
        [
            "The initial term is 36 months, renewing automatically unless the customer gives"
            " notice before the end of a term."
        ]
    )
    got = [(c.category, c.party) for c in extract_vendor("v", [doc]).commitments]
    assert got == [("contract_term", "provider")]


def test_a_level_named_by_the_head_word_of_its_row_label_scopes_prose():
    t = table(
        ["Priority", "Respond within"],
        [
            ["Red - outage", "15 minutes"],
            ["Amber - impaired", "1 hour"],
            ["Green - one user", "4 hours"],
        ],
    )
    doc = _doc(
        ["# Service levels", "The customer will acknowledge Amber incidents within 2 hours."], [t]
    )
    client = [
        (g.scope, g.value) for g in extract_vendor("v", [doc]).commitments if g.party == "client"
    ]
    assert client == [("P2", 120)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Backups are taken every 4 hours and kept for 30 days.", [("rpo", 240)]),
        ("Backups are kept for 30 days.", []),
        ("Backups kept 35 days on site, 1 year off site.", []),
    ],
)
def test_how_long_copies_are_kept_is_no_recovery_point(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


def test_a_cell_of_slash_separated_levels_ranks_each_and_a_recovery_time_by_level_is_a_fix_time():
    t = table(
        ["Attribute", "Our service"],
        [
            ["Pick-up time", "Red ≤ 30 min / Orange ≤ 2 h / Yellow ≤ 8 h"],
            ["Back in service", "Red 6 h / Orange 1 working day"],
            ["Recovery (RTO)", "≤ 8 h after loss of the primary site"],
        ],
    )
    got = sorted((g[0], g[1], g[2]) for g in _found(_doc(["# Service desk"], [t])))
    assert got == [
        ("resolution_time", "P1", 360),
        ("resolution_time", "P2", 480),
        ("response_time", "P1", 30),
        ("response_time", "P2", 120),
        ("response_time", "P3", 480),
        ("rto", "all", 480),
    ]


@pytest.mark.parametrize(
    "labels, expected",
    [
        (["Severe", "Major", "Moderate", "Minor"], ["P1", "P2", "P3", "P4"]),
        (["Critical", "High", "Medium", "Low"], ["P1", "P2", "P3", "P4"]),
        (["High", "Medium", "Low"], ["P1", "P2", "P3"]),
        (["Critical", "Low"], ["P1", "P4"]),  # no tie: the standard words keep their places
    ],
)
def test_two_words_of_one_urgency_in_a_scheme_are_two_levels_in_the_order_written(labels, expected):
    assert scheme_scopes(labels) == expected


def test_a_lead_in_that_describes_the_market_column_does_not_soften_the_offer():
    t = table(
        ["Element", "Market standard", "Our offer"],
        [["Severity 1 response", "60 min", "20 min"], ["Notice period", "6 months", "60 days"]],
    )
    doc = _doc(
        [
            "# Our offer against the market",
            "The matrix below shows what the market usually offers and what we contractually offer.",
        ],
        [t],
    )
    got = [(g[0], g[1], g[2], g[4]) for g in _found(doc)]
    assert got == [
        ("response_time", "P1", 20, "binding"),
        ("termination_notice", "all", 60, "binding"),
    ]


def test_prose_that_names_a_column_by_its_header_says_how_firm_its_figures_are():
    t = table(
        ["Priority Level", "Reaction Time", "Restoration Time"],
        [
            ["Level 2 - blocking", "30 minutes", "8 hours"],
            ["Level 1 - demand", "4 hours", "3 days"],
        ],
    )
    doc = _doc(
        [
            "The Provider engages itself to respect the Reaction Times of Schedule 1.",
            "The Restoration Times are indicative values and the Provider will make its best"
            " endeavours to respect them.",
            "# Schedule 1",
        ],
        [t],
    )
    got = {(g[0], g[4]) for g in _found(doc)}
    assert got == {("response_time", "binding"), ("resolution_time", "soft")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Monitoring: 24 x 7 x 365", "binding"),
        ("Our NOC monitors your systems 24 x 7.", "binding"),
        ("Event monitoring (NOC): continuous, 24 × 7, including public holidays", "binding"),
        ("Monitoring runs 24 x 7 at additional cost.", "conditional"),
    ],
)
def test_24_x_7_written_with_spaces_is_cover_not_a_count(sentence, expected):
    got = [g[4] for g in _found(_doc([sentence])) if g[0] == "support_hours"]
    assert got == [expected]


def test_a_clause_takes_the_level_its_sentence_opened_on():
    t = table(
        ["Level", "Meaning"], [["Emergency", "a site is down"], ["Urgent", "a team is impaired"]]
    )
    doc = _doc(
        [
            "An Urgent request means a team is impaired; we will answer it within two hours and"
            " resolve it within one business day."
        ],
        [t],
    )
    got = [(g[0], g[1], g[2]) for g in _found(doc)]
    assert got == [("response_time", "P2", 120), ("resolution_time", "P2", 480)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Our co-location provider certifies 99.999% for power and cooling.", []),
        ("The carrier's 99.95% for the circuits is theirs, not ours.", []),
        ("We commit to 99.95% availability for the hosted platform.", [("availability", 99.95)]),
        (
            "The Agreement renews for periods of twelve (12) months unless terminated on 60"
            " days' notice.",
            [("termination_notice", 60)],
        ),
        ("A week-by-week onboarding plan is attached as Annex C.", []),
        (
            "Onboarding takes four weeks; a week-by-week plan is attached.",
            [("onboarding_duration", 28)],
        ),
    ],
)
def test_someone_elses_figure_a_renewal_period_and_a_manner_are_not_commitments(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "If the data centre is lost, we restore service at our second site within 8 hours.",
            "rto",
        ),
        # a site that is down is an incident's level, not a disaster
        (
            "When a distribution centre is down, an engineer is working on it within 8 hours.",
            "response_time",
        ),
    ],
)
def test_a_lost_site_is_a_disaster_a_site_that_is_down_is_an_incident(sentence, expected):
    assert [g[0] for g in _found(_doc([sentence]))] == [expected]


@pytest.mark.parametrize(
    "sentence, scope",
    [
        ("Response time, Prioritet 1 - Kritisk: 15 minutes.", "P1"),
        ("Prioridad 2: response within 1 hour.", "P2"),
        ("Urgency 3 incidents are answered within 4 hours.", "P3"),
    ],
)
def test_a_numbered_level_in_another_word_or_language_is_a_priority(sentence, scope):
    assert [g[1] for g in _found(_doc([sentence])) if g[0] == "response_time"] == [scope]


def test_a_scale_the_document_says_counts_up_ranks_its_highest_number_first():
    t = table(
        ["Tier", "Urgency 4 response (min)", "Urgency 3 response (min)"],
        [["Standard", "30", "120"], ["Premium", "15", "60"]],
    )
    doc = _doc(
        [
            "Urgency is graded from 1 to 4, and Urgency 4 is the most urgent.",
            "Urgency 1 requests are answered the next business day.",
        ],
        [t],
    )
    got = sorted((g[1], g[2], g[5]) for g in _found(doc) if g[0] == "response_time")
    assert got == [
        ("P1", 15, "Premium"),
        ("P1", 30, "Standard"),
        ("P2", 60, "Premium"),
        ("P2", 120, "Standard"),
        ("P4", 480, ""),
    ]


def test_a_table_whose_header_names_a_measure_over_every_column_reads_its_first_column():
    t = table(
        ["Availability per month", "Backup interval (RPO)", "Critical security patches"],
        [["99,8 %", "4 hours", "within 10 days"]],
    )
    got = sorted((g[0], g[2]) for g in _found(_doc(["# Common to every tier"], [t])))
    assert got == [("availability", 99.8), ("patch_window", 10), ("rpo", 240)]


@pytest.mark.parametrize(
    "heads, rows, expected",
    [
        (
            ["Committed - written into the MSA", "Aimed for - not in the MSA"],
            [["Uptime 99.95% / month", "Uptime 99.99%"], ["RPO <= 15 min", "RPO <= 5 min"]],
            [
                ("availability", 99.95, "binding"),
                ("availability", 99.99, "soft"),
                ("rpo", 5, "soft"),
                ("rpo", 15, "binding"),
            ],
        ),
        (
            ["Our stretch goal", "What we contract for"],
            [["Availability 99.99%", "Availability 99.9%"], ["RTO of 2 hours", "RTO of 8 hours"]],
            [
                ("availability", 99.9, "binding"),
                ("availability", 99.99, "soft"),
                ("rto", 120, "soft"),
                ("rto", 480, "binding"),
            ],
        ),
        # a label column that names the measure with a figure of its own stays a label
        (
            ["Measure", "Commitment"],
            [["Availability (24x7)", "99.9%"], ["RPO (tier 1 systems)", "15 minutes"]],
            [("availability", 99.9, "binding"), ("rpo", 15, "binding")],
        ),
    ],
)
def test_columns_that_are_alternatives_read_every_cell_the_first_too(heads, rows, expected):
    got = sorted((g[0], g[2], g[4]) for g in _found(_doc(["# Recovery"], [table(heads, rows)])))
    assert got == expected


def test_a_basis_column_says_what_each_amount_is_per_and_a_currency_header_is_no_tier():
    t = table(
        ["Fee", "Per", "NOK excl. VAT"],
        [
            ["Managed device", "device and month", "655,00"],
            ["Extra storage", "per 100 GB per month", "30,00"],
            ["Work outside the agreement", "hour", "1190,00"],
        ],
    )
    got = [g[:4] + (g[5],) for g in _found(_doc(["# Fees"], [t]))]
    assert got == [
        ("price", "per_device", 655, "NOK/month", ""),
        ("price", "hourly", 1190, "NOK/hour", ""),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The total malus in one month is capped at 12 % of that month's fee.",
            [("service_credit", 12)],
        ),
        (
            "He meets NKF's IT manager every month to go through the report.",
            [("review_cadence", 30)],
        ),
        ("We send the service report every month.", []),
    ],
)
def test_a_malus_is_a_credit_and_a_meeting_to_go_through_a_report_is_a_review(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


def test_an_impact_scale_extensive_to_minor_ranks_the_rows_that_name_it():
    t = table(
        ["Element", "Content"],
        [
            ["Definition", "Time until a technician has started diagnosis."],
            ["Agreed level, Extensive", "15 minutes"],
            ["Agreed level, Significant", "45 minutes"],
            ["Agreed level, Moderate", "4 hours"],
            ["Agreed level, Minor", "1 business day"],
        ],
    )
    got = [(g[1], g[2]) for g in _found(_doc(["# KPI-01 Response time"], [t]))]
    assert got == [("P1", 15), ("P2", 45), ("P3", 240), ("P4", 480)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Our prices are in NOK excluding VAT: 560,00 per managed device per month; onboarding"
            " at a fixed 95.000,00; additional work at 980,00 per hour.",
            [
                ("per_device", 560, "NOK/month"),
                ("onboarding", 95000, "NOK"),
                ("hourly", 980, "NOK/hour"),
            ],
        ),
        # a figure to the cent that prices nothing, or a percentage, is no amount
        ("All prices are in NOK. Version 2.10 of the portal shipped in March.", []),
    ],
)
def test_amounts_to_the_cent_in_prose_take_the_declared_currency(sentence, expected):
    assert [(g[1], g[2], g[3]) for g in _found(_doc([sentence])) if g[0] == "price"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("You ask whether we can respond to priority 1 faults within 30 minutes.", []),
        (
            "If our data centre is lost, the platform is started at our second site within 12 hours.",
            [("rto", 720)],
        ),
        ("At most 4 hours of data can be lost.", [("rpo", 240)]),
    ],
)
def test_the_clients_question_is_no_answer_and_a_lost_data_centre_is_a_recovery_time(
    sentence, expected
):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == expected


def test_level_labelled_sentences_after_a_measured_one_measure_the_same_by_their_own_level():
    t = table(
        ["Colour", "When we use it"],
        [
            ["Red", "a plant is down"],
            ["Orange", "a department"],
            ["Yellow", "one user"],
            ["Green", "a request"],
        ],
    )
    doc = _doc(
        [
            "Red incidents: an engineer is on the case within 20 minutes, day or night.",
            "Orange: within 1 hour. Yellow: within 4 hours. Green: within two business days.",
        ],
        [t],
    )
    got = [(g[0], g[1], g[2]) for g in _found(doc) if g[0] != "support_hours"]
    assert got == [
        ("response_time", "P1", 20),
        ("response_time", "P2", 60),
        ("response_time", "P3", 240),
        ("response_time", "P4", 480 * 2),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The customer shall keep a contact who answers our engineers within 30 minutes.",
            [("response_time", 30, "client")],
        ),
        (
            "The agreement runs for three (3) years, with the customer's option to extend by 1 + 1 years.",
            [("contract_term", 36, "provider")],
        ),
    ],
)
def test_who_answers_the_provider_and_an_option_to_extend(sentence, expected):
    got = [
        (c.category, c.value, c.party) for c in extract_vendor("v", [_doc([sentence])]).commitments
    ]
    assert got == expected


def test_a_scorecards_bands_are_no_offer_and_a_committed_target_is_binding():
    t = table(
        ["Class", "Committed target", "Green", "Amber", "Red"],
        [
            ["Sev 1 - Floor down", "10 min", "≤ 10 min", "11-20 min", "> 20 min"],
            ["Sev 2 - Team down", "30 min", "≤ 30 min", "31-60 min", "> 60 min"],
        ],
    )
    got = [(g[1], g[2], g[4]) for g in _found(_doc(["# Time to respond"], [t]))]
    assert got == [("P1", 10, "binding"), ("P2", 30, "binding")]


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # the client's quoted e-mail is not the vendor's answer
        (
            [
                "> 4. The hosted platform needs 99.95% availability.",
                "We'll keep it up 99.9% of every month.",
            ],
            [("availability", 99.9)],
        ),
        # a tender's requirement reproduced in quotation marks above the answer to it
        (
            [
                '"The Supplier shall respond to Priority 1 incidents within one hour."',
                "Compliant. We respond to Priority 1 incidents within 30 minutes.",
            ],
            [("response_time", 30.0)],
        ),
        (
            [
                "“Backups shall allow recovery to a point no more than 24 hours old.”",
                "Compliant: the recovery point is never more than 4 hours old.",
            ],
            [("rpo", 240.0)],
        ),
        # a defined term in quotation marks opens a definition, which is no quotation
        (
            ['"Response Time" means the time to respond, not exceeding 30 minutes.'],
            [("response_time", 30.0)],
        ),
        # a maintenance window is no desk's hours
        (["Planned maintenance only runs between 10:00 and 14:00 on Sundays."], []),
    ],
)
def test_quoted_mail_and_maintenance_windows_are_not_commitments(paragraphs, expected):
    assert [(g[0], g[2]) for g in _found(_doc(paragraphs))] == expected


def test_parts_that_name_the_documents_own_levels_keep_their_ranks():
    doc = _doc(
        [
            "We rank incidents Urgent, High, Normal and Low.",
            "Urgent gets an engineer within thirty minutes. High gets an engineer within forty-five"
            " minutes, Normal within four hours, and Low by the next business day.",
        ]
    )
    got = [(g[1], g[2]) for g in _found(doc) if g[0] == "response_time"]
    assert got == [("P1", 30), ("P2", 45), ("P3", 240), ("P4", 480)]


def test_a_sub_header_that_opens_with_its_unit_gives_bare_numbers_their_unit():
    t = table(
        ["", "Day shift", "Night shift"],
        [
            ["Minutes from ticket or call", "", ""],
            ["P1 Critical", "5", "10"],
            ["P2 Major", "20", "30"],
        ],
    )
    got = [
        (g[1], g[2], g[5])
        for g in _found(_doc(["We guarantee an engineer is working your ticket within:"], [t]))
    ]
    assert got == [
        ("P1", 5, "Day shift"),
        ("P1", 10, "Night shift"),
        ("P2", 20, "Day shift"),
        ("P2", 30, "Night shift"),
    ]


@pytest.mark.parametrize(
    "header",
    [["Line", "PHP", "Billing"], ["Item", "Php", "Billing"]],
)
def test_a_currency_code_header_prices_a_list_whose_first_column_names_the_rows(header):
    t = table(
        header, [["Agent seat", "760", "per seat / month"], ["Onboarding", "350,000", "one-time"]]
    )
    got = [(g[1], g[2], g[3]) for g in _found(_doc(["# Commercials"], [t]))]
    assert got == [("per_user", 760, "PHP/month"), ("onboarding", 350000, "PHP")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Our commitment is an engineer on an Urgent ticket within thirty minutes.",
            [("response_time", "P1", 30)],
        ),
        ("We put an engineer on every P2 call within one hour.", [("response_time", "P2", 60)]),
        ("The engineer on the case will fix it within 4 hours.", [("resolution_time", "all", 240)]),
    ],
)
def test_an_engineer_put_on_a_ticket_is_a_response(sentence, expected):
    assert [(g[0], g[1], g[2]) for g in _found(_doc([sentence]))] == expected


@pytest.mark.parametrize(
    "labels, expected",
    [
        (["Critical", "Major", "Minor"], ["P1", "P2", "P3"]),
        (["Urgent", "Normal", "Low"], ["P1", "P2", "P3"]),
        (["Critical", "High", "Medium", "Low"], ["P1", "P2", "P3", "P4"]),
    ],
)
def test_the_rows_of_a_table_that_are_all_levels_rank_among_themselves(labels, expected):
    t = table(
        ["Priority", "Response"], [[label, f"{i + 1} hours"] for i, label in enumerate(labels)]
    )
    got = _found(_doc(["# Service levels"], [t]))
    assert [s for _, s, *_ in got] == expected


def test_a_standard_word_named_alone_in_prose_keeps_its_place():
    got = _found(_doc(["Low requests are answered within 2 business days."]))
    assert got[0][:2] == ("response_time", "P4")


TIERED = [
    ["First response (minutes) ¹", "", "", ""],
    ["Store closed", "60", "30", "15"],
    ["Lane down", "120", "90", "45"],
    ["One person", "480", "240", "120"],
    ["Request", "960", "720", "480"],
]


def test_rows_whose_times_grow_under_a_clock_sub_header_are_levels_in_order():
    t = table(["", "Counter", "Dispensary", "Apothecary"], TIERED)
    got = _found(_doc(["# The packages side by side"], [t]))
    by_scope = {(s, v, tier) for c, s, v, _, _, tier in got if c == "response_time"}
    assert (
        "P1",
        15,
        "Apothecary",
    ) in by_scope  # "Store closed" names no clock: the sub-header does
    assert ("P2", 120, "Counter") in by_scope
    assert ("P4", 480, "Apothecary") in by_scope
    assert {c for c, *_ in got} == {"response_time"}


def test_rows_whose_times_do_not_grow_are_no_levels():
    rows = [TIERED[0], ["Head office", "60", "30", "15"], ["Branches", "30", "20", "10"]]
    got = _found(_doc(["# Response"], [table(["", "Counter", "Dispensary", "Apothecary"], rows)]))
    assert got and {s for _, s, *_ in got} == {"all"}


@pytest.mark.parametrize(
    "sentence, dropped",
    [
        ("Bronze is shown for reference only: it is not offered to you.", {"Bronze"}),
        ("We list Bronze for comparison. Bronze is not offered to firms of your size.", {"Bronze"}),
        ("Bronze suits offices of up to 50 seats.", set()),  # named, not ruled out
        ("Services not offered here are quoted on request.", set()),  # no tier named
        ("Bronze Plan is not offered to firms of your size.", {"Bronze"}),
        # another plan whose name begins with a tier's ("Bronze Lite") rules out only itself
        ("Bronze Lite is not offered at your size.", set()),
        ("Gold Remote is not offered in your region.", set()),
    ],
)
def test_a_tier_the_document_says_it_does_not_offer_is_no_commitment(sentence, dropped):
    t = table(
        ["", "Bronze", "Silver", "Gold"],
        [["Response time, minutes", "", "", ""], ["Critical", "60", "30", "20"]],
    )
    got = _found(_doc([sentence], [t]))
    assert {tier for *_, tier in got} == {"Bronze", "Silver", "Gold"} - dropped
    assert {st for *_, st, _ in got} == {"binding"}


@pytest.mark.parametrize(
    "sentence, dropped",
    [
        (
            "The Essential and Max columns are shown for comparison only and are not offered.",
            {"CarePack Essential", "CarePack Max"},
        ),
        ("CarePack Max is not offered in this quotation.", {"CarePack Max"}),
        ("Essential is not part of this quotation.", {"CarePack Essential"}),
        ("Essential suits offices of up to 50 seats.", set()),  # named, not ruled out
        ("The Max Planck Institute is not one of our clients.", set()),  # another name
    ],
)
def test_a_tier_not_offered_may_be_named_without_the_brand_every_tier_shares(sentence, dropped):
    t = table(
        ["", "CarePack Essential", "CarePack Plus (proposed for you)", "CarePack Max"],
        [["Response time, minutes", "", "", ""], ["Critical", "60", "30", "20"]],
    )
    got = _found(_doc([sentence], [t]))
    assert {tier for *_, tier in got} == {
        "CarePack Essential",
        "CarePack Plus",
        "CarePack Max",
    } - dropped


@pytest.mark.parametrize(
    "declaration", ["All figures CAD", "Prices: CAD, before tax", "Amounts (CAD)"]
)
def test_a_unit_price_column_is_in_the_currency_the_document_declares(declaration):
    t = table(
        ["Line item", "Qty", "Unit price", "Ext. / mo"],
        [
            ["Managed device (per device/mo)", "146", "74.00", "10,804.00"],
            ["Onboarding (one-time)", "1", "5,200.00", "-"],
        ],
    )
    got = {(c, s, v, u) for c, s, v, u, *_ in _found(_doc([declaration], [t]))}
    assert got == {
        ("price", "per_device", 74.0, "CAD/month"),
        ("price", "onboarding", 5200.0, "CAD"),
    }


def test_without_a_declared_currency_a_unit_price_column_is_no_price():
    t = table(
        ["Line item", "Qty", "Unit price"], [["Managed device (per device/mo)", "146", "74.00"]]
    )
    assert _found(_doc(["Our quote."], [t])) == []


def test_a_tier_headers_price_does_not_make_the_rows_figures_prices():
    t = table(
        ["", "Counter (CAD 72 / device / month)", "Dispensary (CAD 91 / device / month)"],
        [
            ["Critical patches applied within", "14", "7"],
            ["Store network uptime (%)", "99.5", "99.9"],
        ],
    )
    got = {(c, v, u) for c, _, v, u, *_ in _found(_doc(["# Packages"], [t]))}
    assert ("patch_window", 14.0, "day") in got and ("patch_window", 7.0, "day") in got
    assert ("availability", 99.9, "percent") in got
    assert ("price", 72.0, "CAD/month") in got
    assert not {x for x in got if x[0] == "price" and x[1] in (14.0, 7.0)}


def test_a_table_of_sentences_cut_at_their_figure_reads_each_row_as_its_sentence():
    t = table(
        ["Service level", "Measure"],
        [
            ["Red response. An engineer will be working on a Red ticket within 20.", "minutes"],
            ["Red restoration. Normal service will be restored within 4.", "hours"],
            ["Device charge. Each managed laptop is charged at 46.50", "£ per device per month"],
            ["Term. The agreement runs for an initial 36", "months"],
            ["Clock pauses. The clock stops while a ticket awaits your reply.", "-"],
        ],
    )
    got = {(c, v, u) for c, _, v, u, *_ in _found(_doc(["# Service levels"], [t]))}
    assert got == {
        ("response_time", 20.0, "minute"),
        ("resolution_time", 240.0, "minute"),
        ("price", 46.5, "GBP/month"),
        ("contract_term", 36.0, "month"),
    }


@pytest.mark.parametrize(
    "definition, expected",
    [
        (
            "We grade every incident by colour. Red: a whole office cannot work. Amber: a team "
            "is impaired. Green: one person is affected. Blue: requests and advice.",
            ["P1", "P2", "P3", "P4"],
        ),
        (
            "Tickets are sorted by what they stop. Store closed - a store cannot sell. Lane "
            "down - a till is out. One person - a single user. Request - changes and questions.",
            ["P1", "P2", "P3", "P4"],
        ),
    ],
)
def test_levels_a_paragraph_defines_one_after_another(definition, expected):
    names = [m.split(" - ")[0].split(":")[0] for m in definition.split(". ")[1:]]
    sentences = [
        f"{name} tickets are answered within {k + 1} hours." for k, name in enumerate(names)
    ]
    got = _found(_doc([definition, *sentences]))
    assert [s for _, s, *_ in got] == expected


@pytest.mark.parametrize(
    "definition",
    [
        "Tickets are sorted by what they stop: Stopped - a clinic cannot treat patients; "
        "Slowed - a clinic is impaired; Stuck - one user or one chair; Wish - a request.",
        "We sort tickets by what they stop: Stopped: a site is down. Slowed: a team is "
        "impaired. Stuck: one user. Wish: a request.",
    ],
)
def test_levels_defined_after_a_lead_in_and_its_colon_start_with_the_first(definition):
    sentences = [
        f"For a {name} ticket we answer within {k + 1} hours."
        for k, name in enumerate(["Stopped", "Slowed", "Stuck", "Wish"])
    ]
    got = _found(_doc([definition, *sentences]))
    assert [s for _, s, *_ in got] == ["P1", "P2", "P3", "P4"]


def test_labels_with_descriptions_that_sort_nothing_are_no_levels():
    got = _found(
        _doc(
            [
                "Our team. Anna: service manager. Ben: lead engineer. Cara: account manager.",
                "Anna answers support calls within 2 hours.",
            ]
        )
    )
    assert [s for _, s, *_ in got] == ["all"]


def test_one_table_per_level_takes_the_level_from_its_corner_cell():
    tables = [
        table(
            [corner, "Standard care", "Extended care"],
            [["Response", r1, r2], ["Resolution", f1, f2]],
        )
        for corner, r1, r2, f1, f2 in [
            ("Category 5 - Emergency", "≤ 30 min", "≤ 15 min", "4h", "2h"),
            ("Category 4 - Urgent", "1h", "45 min", "8h", "6h"),
            ("Category 3 - Standard", "4h", "2h", "3 BD", "2 BD"),
        ]
    ]
    got = {
        (c, s, v, tier) for c, s, v, _, _, tier in _found(_doc(["# Incident categories"], tables))
    }
    assert ("response_time", "P1", 15.0, "Extended care") in got
    assert ("resolution_time", "P1", 240.0, "Standard care") in got
    assert ("response_time", "P2", 60.0, "Standard care") in got
    assert ("resolution_time", "P3", 960.0, "Extended care") in got


def test_extended_care_is_a_tier_and_an_extended_price_a_total():
    tiers = table(["", "Standard care", "Extended care"], [["Response", "1 hour", "30 min"]])
    got = {(v, tier) for c, _, v, *_, tier in _found(_doc(["# Care levels"], [tiers]))}
    assert got == {(60.0, "Standard care"), (30.0, "Extended care")}
    quote = table(
        ["Item", "Qty", "Unit price ($)", "Extended price"],
        [["Managed device per month", "100", "40", "4,000"]],
    )
    got = {v for c, _, v, *_ in _found(_doc(["# Prices"], [quote])) if c == "price"}
    assert got == {40.0}


def test_level_rows_only_some_of_which_are_level_words_rank_in_order_when_times_grow():
    t = table(
        ["Criticality", "Start of attendance", "Solution"],
        [
            ["Emergencial", "20 minutes", "4 hours"],
            ["Urgente", "1 hour", "8 hours"],
            ["Normal", "4 business hours", "2 business days"],
            ["Programado", "1 business day", "5 business days"],
        ],
    )
    got = [(c, s, v) for c, s, v, *_ in _found(_doc(["# Deadlines"], [t]))]
    assert ("response_time", "P1", 20.0) in got and ("resolution_time", "P1", 240.0) in got
    assert ("response_time", "P4", 480.0) in got and ("resolution_time", "P4", 2400.0) in got


def test_a_line_value_beside_a_unit_value_and_a_quantity_is_no_price():
    t = table(
        ["Description", "Unit value", "Quantity", "Monthly value"],
        [["Management of workstation (per equipment/month)", "R$ 92,50", "412", "R$ 38.110,00"]],
    )
    got = {v for c, _, v, *_ in _found(_doc(["# Investment"], [t])) if c == "price"}
    assert got == {92.5}


@pytest.mark.parametrize(
    "header, cell, expected",
    [
        ("Monthly (R$ per device)", "84,00", ("price", 84.0, "BRL/month")),
        ("Fee (NZ$)", "62.00", ("price", 62.0, "NZD/month")),
        ("Price (€ per device)", "45", ("price", 45.0, "EUR/month")),
    ],
)
def test_a_currency_sign_in_a_header_prices_bare_cells(header, cell, expected):
    t = table(["Plan", header], [["Managed device per month", cell]])
    got = [(c, v, u) for c, _, v, u, *_ in _found(_doc(["# Prices"], [t]))]
    assert got == [expected]


def test_a_plan_named_total_is_a_tier_where_the_table_holds_no_money():
    t = table(
        ["", "Base", "Campo", "Total"],
        [
            ["First response, in minutes", "", "", ""],
            ["STOP", "60", "40", "20"],
            ["SLOW", "240", "120", "60"],
        ],
    )
    got = {(v, tier) for c, _, v, *_, tier in _found(_doc(["# Service levels by plan"], [t]))}
    assert (20.0, "Total") in got and (60.0, "Base") in got


def test_bilingual_headers_give_their_unit_basis_and_category_in_either_language():
    sla = table(
        [
            "Priorité / Priority",
            "Délai de réponse / Response time (minutes)",
            "Délai de résolution / Resolution time (heures / hours)",
        ],
        [["Critique / Critical", "15", "4"], ["Élevée / High", "60", "8"]],
    )
    credits = table(
        [
            "Disponibilité mensuelle / Monthly availability",
            "Crédit (% des frais mensuels / of monthly fee)",
        ],
        [["moins de / below 99,9 %", "5"], ["moins de / below 99,5 %", "10"]],
    )
    prices = table(
        ["Élément / Item", "Base / Basis", "Prix / Price ($)"],
        [
            [
                "Poste géré / Managed workstation",
                "par appareil, par mois / per device, per month",
                "58,00",
            ],
            ["Travaux hors forfait / Out-of-scope work", "taux horaire / hourly", "145,00"],
        ],
    )
    doc = _doc(["All amounts are in Canadian dollars."], [sla, credits, prices])
    got = {(c, v, u) for c, _, v, u, *_ in _found(doc)}
    assert ("resolution_time", 240.0, "minute") in got
    assert ("response_time", 15.0, "minute") in got
    assert ("price", 58.0, "CAD/month") in got and ("price", 145.0, "CAD/hour") in got
    assert not {x for x in got if x[0] == "price" and x[1] in (5.0, 10.0)}


def test_levels_from_zero_in_column_headers_rank_from_p1():
    t = table(
        ["Measure", "P0", "P1", "P2", "P3"], [["Response", "15 min", "1 hour", "4 hours", "1 day"]]
    )
    got = [(s, v) for c, s, v, *_ in _found(_doc(["# Service levels"], [t]))]
    assert got == [("P1", 15.0), ("P2", 60.0), ("P3", 240.0), ("P4", 1440.0)]


def test_a_level_zero_in_a_heading_never_reaches_the_output():
    got = _found(_doc(["# P0 incidents", "We respond within 15 minutes."]))
    assert [s for _, s, *_ in got] in (["P1"], ["all"])


@pytest.mark.parametrize(
    "labels, expected",
    [
        (
            [
                "Critical response",
                "Critical resolution",
                "High response",
                "High resolution",
                "Low response",
            ],
            ["P1", "P1", "P2", "P2", "P3"],
        ),
        (
            ["Very high", "High", "Normal", "Low", "Very high", "High"],
            ["P1", "P2", "P3", "P4", "P1", "P2"],
        ),
    ],
)
def test_one_level_measured_twice_ranks_once(labels, expected):
    assert scheme_scopes(labels) == expected


def test_tiers_as_rows_with_level_and_measure_in_the_column_headers():
    t = table(
        ["Plan", "Critical response", "Critical resolution", "High response", "High resolution"],
        [
            ["Essential", "1 hour", "8 hours", "4 hours", "2 days"],
            ["Enhanced", "30 min", "4 hours", "2 hours", "1 day"],
        ],
    )
    got = {(c, s, v, tier) for c, s, v, _, _, tier in _found(_doc(["# Plans"], [t]))}
    assert ("resolution_time", "P1", 480.0, "Essential") in got
    assert ("response_time", "P2", 120.0, "Enhanced") in got
    assert ("resolution_time", "P2", 1440.0, "Enhanced") in got


def test_a_cell_that_points_at_a_lettered_note_reads_what_the_note_says():
    t = table(
        ["Service", "Essential", "Plus"],
        [
            ["Service desk", "√ (a)", "√ (b)"],
            ["On-site attendance outside business hours", "(c)", "(c)"],
            ["Sev C restoration", "10 BD (d)", "5 BD"],
        ],
    )
    legend = (
        "(a) Business days, 08:00-18:00. (b) 24 hours a day, 7 days a week. (c) On request, "
        "billed at the after-hours rate. (d) A target only: not a service level and not "
        "eligible for credits."
    )
    got = {(c, s, u, st, tier) for c, s, v, u, st, tier in _found(_doc([legend], [t]))}
    assert ("support_hours", "helpdesk", "business_hours", "binding", "Essential") in got
    assert ("support_hours", "helpdesk", "24x7", "binding", "Plus") in got
    assert ("support_hours", "onsite", "24x7", "conditional", "Essential") in got
    assert ("resolution_time", "P3", "minute", "soft", "Essential") in got


@pytest.mark.parametrize(
    "notes",
    [
        ["* Business days, 08:00-18:00. † A target only, not guaranteed."],
        ["* Business days, 08:00-18:00.", "† A target only, not guaranteed."],
        ["¹ Business days, 08:00-18:00. ² A target only, not guaranteed."],
    ],
)
def test_a_figure_that_points_at_a_footnote_reads_what_the_note_says(notes):
    first, second = ("¹", "²") if notes[0].startswith("¹") else ("*", "†")
    t = table(
        ["Measure", "Bronze", "Gold"],
        [["Service desk", f"Yes{first}", "24x7"], ["P1 restore (h)", f"8{second}", "4"]],
    )
    got = {(c, v, u, st, tier) for c, _, v, u, st, tier in _found(_doc(notes, [t]))}
    assert ("support_hours", None, "business_hours", "binding", "Bronze") in got
    assert ("resolution_time", 480.0, "minute", "soft", "Bronze") in got
    assert ("resolution_time", 240.0, "minute", "binding", "Gold") in got


@pytest.mark.parametrize(
    "label, kept",
    [
        ("Research storage recovery point (RPO)", True),
        ("Recovery point (RPO) according to Gartner", False),
    ],
)
def test_research_as_a_subject_is_no_third_party(label, kept):
    t = table(["Service", "Basic", "Plus"], [[label, "4 h", "1 h"]])
    assert bool(_found(_doc(["# Data protection"], [t]))) == kept


def _slides(*slides):
    """One heading and one table per page, as a slide deck sets them out."""
    blocks, tables = [], []
    for page, (title, header, rows) in enumerate(slides, start=1):
        blocks.append(models.Block(title, page, (50, 40, 500, 60), True))
        tables.append(
            models.Table(
                tuple(header),
                tuple(map(tuple, rows)),
                page,
                (50, 100, 500, 300),
                (page,) * len(rows),
                section=(title,),
            )
        )
    return models.Document("v.pdf", "0" * 64, len(slides), tuple(blocks), tuple(tables))


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("4. First touch", "5. Fix: service back", "resolution_time"),
        ("Response times", "Restoration times", "resolution_time"),
        ("Time to restore", "Time to respond", "response_time"),
    ],
)
def test_a_table_under_its_own_heading_is_no_continuation_of_one_with_the_same_columns(
    first, second, expected
):
    header = ["", "Standard", "Premium"]
    doc = _slides(
        (first, header, [["Red", "30 min", "15 min"], ["Amber", "2 hours", "1 hour"]]),
        (second, header, [["Red", "6 hours", "4 hours"], ["Amber", "12 hours", "8 hours"]]),
    )
    got = _found(doc)
    assert ("P1", 360, "Standard") in {(s, v, t) for c, s, v, _, _, t in got if c == expected}
    assert not any(c == expected for c, s, v, *_ in got if v == 30)


def test_a_table_continued_under_the_same_heading_keeps_its_context():
    header = ["", "Standard", "Premium"]
    doc = _slides(
        ("Response times", header, [["P1", "30 min", "15 min"]]),
        ("Response times", header, [["P2", "2 hours", "1 hour"]]),
    )
    got = {(c, s, v) for c, s, v, *_ in _found(doc)}
    assert {("response_time", "P1", 30), ("response_time", "P2", 120)} <= got


@pytest.mark.parametrize(
    "corner, expected",
    [
        ("Per device / month", {("per_device", 79.0, "Standard"), ("per_device", 92.0, "Plus")}),
        ("Monthly, per user", {("per_user", 79.0, "Standard"), ("per_user", 92.0, "Plus")}),
        ("Services", set()),  # a corner that only heads the row labels says nothing of amounts
    ],
)
def test_a_corner_cell_naming_a_billing_period_says_what_every_amount_is(corner, expected):
    t = table([corner, "Standard", "Plus"], [["Managed support", "$79", "$92"]])
    doc = _doc(["All money NZD, excluding GST."], [t])
    got = {
        (c.scope, c.value, c.tier)
        for c in extract_vendor("v", [doc]).commitments
        if c.category == "price" and c.unit.endswith("/month")
    }
    assert got == expected


@pytest.mark.parametrize(
    "order",
    ["widest first", "most disruptive first", "worst first", "in order of impact"],
)
def test_bands_a_sentence_lists_with_a_superlative_first_rank_in_that_order(order):
    text = (
        f"We sort every ticket into four bands, {order}: Whole Estate (everything down), "
        "One Service (a system stopped), One Person, and Asks (requests). "
        "Whole Estate tickets are answered within 15 minutes, One Service tickets within "
        "45 minutes, One Person tickets within four hours."
    )
    got = [(c, s, v) for c, s, v, *_ in _found(_doc([text]))]
    assert got == [
        ("response_time", "P1", 15),
        ("response_time", "P2", 45),
        ("response_time", "P3", 240),
    ]


def test_bands_listed_without_saying_their_order_set_no_scheme():
    text = (
        "We look after four areas: Whole Estate, One Service, One Person, and Asks. "
        "Whole Estate tickets are answered within 15 minutes."
    )
    assert [(c, s) for c, s, *_ in _found(_doc([text]))] == [("response_time", "all")]


def _cells(header, rows, blocks=(), subheaders=()):
    t = models.Table(
        tuple(header),
        tuple(map(tuple, rows)),
        1,
        (50, 300, 500, 500),
        (1,) * len(rows),
        subheader_rows=tuple(subheaders),
    )
    return {
        (c.category, c.scope, c.value, c.strength)
        for c in extract_vendor("v", [_doc(list(blocks), [t])]).commitments
    }


def test_a_yes_beside_a_quoted_requirement_offers_nothing_the_answer_column_does():
    header = ["Requirement (as written in the RFP)", "Comply", "Our answer"]
    rows = [
        ["Priority 1: first response within 30 minutes", "Yes", "P1: 15 minutes, 24x7"],
        ["Availability of 99.9% each month", "Yes", "99.95% each calendar month"],
    ]
    got = _cells(header, rows)
    assert ("response_time", "P1", 15, "binding") in got
    assert ("availability", "all", 99.95, "binding") in got
    assert not any(v in (30, 99.9) for _, _, v, _ in got)


def test_a_yes_beside_a_requirement_with_no_answer_column_still_agrees_to_it():
    got = _cells(["Requirement", "Comply"], [["Availability of 99.9% each month", "Yes"]])
    assert ("availability", "all", 99.9, "binding") in got


@pytest.mark.parametrize(
    "header, offered",
    [
        (["Attribute", "Specification"], True),  # a catalogue's own sheet
        (["Attribute", "Specification", "Our offer"], False),  # the client's spec beside ours
    ],
)
def test_a_specification_column_is_the_vendors_own_unless_another_column_answers_it(
    header, offered
):
    rows = [["Recovery point", "15 minutes"] + (["5 minutes"] if len(header) == 3 else [])]
    got = _cells(header, rows)
    assert (("rpo", "all", 15, "binding") in got) == offered


def test_a_definitions_table_ranks_the_levels_a_grouped_matrix_names_in_its_sub_headers():
    classes = table(
        ["Class", "Impact"],
        [
            ["Vessel-critical", "Customs declarations cannot be lodged"],
            ["Office-wide", "A department is impaired"],
            ["Single user", "One person or one device is affected"],
            ["Advice", "Questions and how-to"],
        ],
    )
    rows = [
        ["Vessel-critical", "", "", ""],
        ["", "Response", "10 minutes", "Guaranteed"],
        ["", "Restore", "4 hours", "Guaranteed"],
        ["Single user", "", "", ""],
        ["", "Response", "2 hours", "Guaranteed"],
        ["", "Restore", "2 business days", "Target"],
        ["Advice", "", "", ""],
        ["", "Response", "2 business days", "Guaranteed"],
        ["", "Restore", "none offered", "Excluded"],
    ]
    matrix = models.Table(
        ("Class", "Measure", "Figure", "Basis"),
        tuple(map(tuple, rows)),
        2,
        (50, 100, 500, 400),
        (2,) * len(rows),
        subheader_rows=(0, 3, 6),
    )
    doc = models.Document(
        "v.pdf", "0" * 64, 2, (), tuple(replace_page(t) for t in (classes,)) + (matrix,)
    )
    got = {
        (c.category, c.scope, c.value, c.strength) for c in extract_vendor("v", [doc]).commitments
    }
    assert got >= {
        ("response_time", "P1", 10, "binding"),
        ("resolution_time", "P1", 240, "binding"),
        ("response_time", "P3", 120, "binding"),
        ("resolution_time", "P3", 960, "soft"),  # "Target" in the Basis column
        ("response_time", "P4", 960, "binding"),
    }


@pytest.mark.parametrize(
    "head, scoped",
    [
        ("Code", "P1"),  # "Code | Applies when" names the levels a colour scheme uses
        ("Colour", "P1"),
    ],
)
def test_a_definitions_table_headed_by_a_code_names_the_levels_prose_uses(head, scoped):
    codes = table(
        [head, "Applies when"],
        [
            ["Red", "The cluster or the network is unavailable"],
            ["Orange", "A laboratory is degraded and no workaround exists"],
            ["Yellow", "A single user is affected"],
            ["Green", "Requests and questions"],
        ],
    )
    doc = _doc(
        [
            "For every Red incident the client shall keep a named contact who answers our call"
            " within 30 minutes."
        ],
        [codes],
    )
    got = [(c.category, c.scope, c.value, c.party) for c in extract_vendor("v", [doc]).commitments]
    assert got == [("response_time", scoped, 30, "client")]


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("hour", [("price", "hourly", 106, "EUR/hour")]),  # the basis of a rate, not a duration
        ("hr", [("price", "hourly", 106, "EUR/hour")]),
        ("per device per month", [("price", "per_device", 106, "EUR/month")]),
    ],
)
def test_a_price_column_holds_money_whatever_unit_its_row_names(unit, expected):
    prices = table(["Item", "Unit", "Price"], [["Engineer", unit, "106.00"]])
    got = _found(_doc(["All prices are in euros, excluding VAT."], [prices]))
    assert [g[:4] for g in got] == expected


def test_a_unit_column_still_gives_a_time_column_its_unit():
    times = table(["Priority", "Unit", "Response"], [["P1", "hours", "4"]])
    assert [g[:4] for g in _found(_doc(["All prices are in euros."], [times]))] == [
        ("response_time", "P1", 240, "minute")
    ]


def replace_page(t: models.Table, page: int = 1) -> models.Table:
    return models.Table(t.header, t.rows, page, (50, 100, 500, 300), (page,) * len(t.rows))


def test_a_table_of_numbered_levels_with_penalties_defines_no_level_names():
    """'Priority Level | Penalty' over '1 | 5% of the fee': numbers any scheme reads, no names."""
    penalties = table(
        ["Priority level", "Penalty"], [["1", "5% of fee"], ["2", "2% of fee"], ["3", "1% of fee"]]
    )
    times = table(["Severity", "Response (min)"], [["1", "15"], ["2", "30"], ["3", "120"]])
    got = [(c, s, v) for c, s, v, *_ in _found(_doc([], [penalties, times]))]
    assert ("response_time", "P1", 15) in got and ("response_time", "P3", 120) in got


@pytest.mark.parametrize("corner", ["USD, ex-tax", "Prices (USD)", "US$"])
def test_a_corner_cell_naming_the_currency_prices_the_bare_amounts_of_its_tiers(corner):
    t = table(
        [corner, "Deckhand", "Navigator"],
        [["Per seat, monthly", "39", "52"], ["Onboarding, one-off", "9,800", "12,400"]],
    )
    got = {
        (c.scope, c.value, c.unit, c.tier) for c in extract_vendor("v", [_doc([], [t])]).commitments
    }
    assert got == {
        ("per_user", 39, "USD/month", "Deckhand"),
        ("per_user", 52, "USD/month", "Navigator"),
        ("onboarding", 9800, "USD", "Deckhand"),
        ("onboarding", 12400, "USD", "Navigator"),
    }


def test_a_corner_cell_without_a_currency_prices_nothing():
    t = table(["Plan", "Deckhand", "Navigator"], [["Per seat, monthly", "39", "52"]])
    assert not extract_vendor("v", [_doc([], [t])]).commitments


@pytest.mark.parametrize(
    "intro, heading",
    [
        (
            "Minutes from ticket creation to an engineer working the ticket.",
            "First response by plan",
        ),
        ("Sev 0 and Sev 1 clocks run 24x7.", "First response - minutes - by plan"),
    ],
)
def test_a_paragraph_or_heading_that_names_the_unit_gives_a_tier_by_level_table_its_minutes(
    intro, heading
):
    t = table(["Plan", "Sev 1", "Sev 2"], [["Guard", "25", "90"], ["Fortress", "15", "45"]])
    got = {(c, s, v) for c, s, v, *_ in _found(_doc([f"# {heading}", intro], [t]))}
    assert got == {
        ("response_time", "P1", 25),
        ("response_time", "P2", 90),
        ("response_time", "P1", 15),
        ("response_time", "P2", 45),
    }


@pytest.mark.parametrize(
    "scheme",
    [
        "We sort every call into one of five levels by what it stops: a Standstill (a feed "
        "barge), Reduced running of a site, a Single user, a Request, or Advice and planned work.",
        "Calls fall into four classes: Standstill, Reduced running, Single user and Request.",
    ],
)
def test_levels_counted_then_listed_rank_in_order_and_their_names_are_no_distractors(scheme):
    text = "A Reduced incident gets an engineer within one hour, a Single user within four hours."
    got = [(c, s, v) for c, s, v, *_ in _found(_doc([scheme, text]))]
    assert got == [("response_time", "P2", 60), ("response_time", "P3", 240)]


def test_a_list_whose_length_differs_from_the_count_sets_no_levels():
    scheme = "We sort every call into one of five levels: Standstill, Reduced and Request."
    text = "A Reduced incident gets an engineer within one hour."
    assert [s for _, s, *_ in _found(_doc([scheme, text]))] != ["P2"]


def test_a_label_that_counts_devices_prices_a_total():
    t = table(
        ["Service", "Basis", "SGD"],
        [
            ["Managed support: all 260 devices and 180 users", "per month", "19,800"],
            ["Managed endpoint", "per device per month", "86"],
        ],
    )
    got = {(c.scope, c.value) for c in extract_vendor("v", [_doc([], [t])]).commitments}
    assert got == {("flat", 19800), ("per_device", 86)}


def test_volume_bands_in_the_column_headers_keep_a_per_device_price():
    t = table(
        ["Device class", "1 - 5,000 devices", "5,001 devices and above"],
        [["Student Chromebook", "$3.95", "$3.40"]],
    )
    doc = _doc(["All figures are US dollars per device per month."], [t])
    got = {(c.scope, c.value) for c in extract_vendor("v", [doc]).commitments}
    assert got == {("per_device", 3.95), ("per_device", 3.4)}


@pytest.mark.parametrize(
    "header",
    [
        ["Measure", "P1 Critical", "P2 High", "P3 Normal", "P4 Request"],
        ["Commitment", "Severity 1", "Severity 2", "Severity 3", "Severity 4"],
    ],
)
def test_under_level_columns_rows_under_a_clock_sub_header_are_measures_not_levels(header):
    """Priorities as columns, measures as rows under "Response" / "Resolution" bands: the
    times grow down each band, but the rows are what is measured, the columns the levels."""
    rows = [
        ["Response", "", "", "", ""],
        ["Acknowledge", "15 min", "30 min", "2 hours", "1 business day"],
        ["Engineer engaged", "30 min", "1 hour", "4 hours", "2 business days"],
        ["Resolution", "", "", "", ""],
        ["Workaround", "2 hours", "6 hours", "1 business day", "-"],
    ]
    got = _cells(header, rows, subheaders=(0, 3))
    assert {("response_time", "P1", 15, "binding"), ("response_time", "P2", 30, "binding")} <= got
    assert ("response_time", "P4", 480, "binding") in got
    assert ("resolution_time", "P2", 360, "binding") in got
    # the second row keeps its columns' levels instead of all being P2
    assert ("response_time", "P1", 30, "binding") in got
    assert (
        not {("response_time", "P2", 15, "binding"), ("response_time", "P1", 120, "binding")} & got
    )


FAQ = [
    "# Questions and answers",
    "We sort tickets into four colours. Red: a branch cannot trade. Amber: a team is slowed. "
    "Yellow: one person is stuck. Green: requests and questions.",
    "If a branch goes Red, how quickly will an engineer pick up the ticket?",
    "Within 20 minutes, day or night.",
    "And for Amber, Yellow and Green?",
    "Amber within 1 hour, Yellow within 4 hours, Green by the next business day.",
    "How much data could we lose?",
    "No more than one hour.",
    "What happens when we leave?",
    "We hand back every document and give up to two weeks of help at no charge.",
]


def test_a_question_paragraph_heads_the_answer_under_it():
    """An FAQ set as paragraphs: the question names the measure and the level its answer
    leaves out; a follow-up ("And for Amber ...?") asks the question before it again."""
    got = {(c, s, v) for c, s, v, *_ in _found(_doc(FAQ))}
    assert {
        ("response_time", "P1", 20),
        ("response_time", "P2", 60),
        ("response_time", "P3", 240),
        ("rpo", "all", 60),
    } <= got
    # the answer to a question that names no measure takes none from the headings above
    assert not [g for g in got if g[2] == 20160]


@pytest.mark.parametrize(
    "question, answer, flagged",
    [
        ("Does the clock ever stop?", "Only while we wait on your reply.", True),
        ("Does the SLA clock stop while we are asked for information?", "Yes, it pauses.", True),
        ("Does it renew automatically?", "No. Nothing rolls over without your signature.", False),
        ("Who holds the admin passwords?", "You do, in a vault you own.", False),
        ("Is the overnight engineer just taking messages?", "No, a second-line engineer.", False),
    ],
)
def test_a_question_states_a_flag_only_where_the_answer_says_yes(question, answer, flagged):
    doc = _doc(["# Your questions", question, answer])
    flags = extract_vendor("v", [doc]).risk_flags
    assert bool([f for f in flags if f.quote == question]) == flagged


@pytest.mark.parametrize(
    "prio",
    [("Prio 1", "Prio 2", "Prio 3"), ("Severity 1", "Severity 2", "Severity 3")],
)
def test_a_card_label_holds_for_the_rows_under_it_that_leave_it_blank(prio):
    """A service card ("Response: | Prio 1 - 10 min" then " | Prio 2 - 30 min"): the blank
    label cells continue the label above, and the levels numbered in the cells rank
    themselves even where a paragraph defined them one after another."""
    card = table(
        ["SC-01", "Service Desk"],
        [
            ["Hours:", "24/7/365, by phone and portal"],
            ["Response:", f"{prio[0]} - 10 min"],
            ["", f"{prio[1]} - 30 min"],
            ["", f"{prio[2]} - 4 h"],
            ["Restore:", f"{prio[0]} - 4 h"],
            ["", f"{prio[1]} - 8 h"],
            ["Price:", "Included"],
        ],
    )
    defined = (
        f"Priorities used on every card: {prio[0]} - the business stops. {prio[1]} - a team is "
        f"hindered. {prio[2]} - one user or one device."
    )
    got = {(c, s, v) for c, s, v, *_ in _found(_doc([defined], [card]))}
    assert {
        ("response_time", "P1", 10),
        ("response_time", "P2", 30),
        ("response_time", "P3", 240),
        ("resolution_time", "P1", 240),
        ("resolution_time", "P2", 480),
    } <= got


@pytest.mark.parametrize("sep", [" - ", ": "])
def test_clause_numbered_levels_and_bare_figures_under_a_lead_in_that_gives_the_unit(sep):
    """A schedule in numbered clauses: "1.3 Standard - ..." defines the levels (the clause
    number is no part of the name, so prose that names "Standard" elsewhere does not re-rank
    it), and "3.1 Emergency - 3" under "... within the following times, in hours:" is three
    hours, as a cell under "(hours)" is."""
    levels = "Every incident is given one of four priorities:"
    restore = "We shall restore service within the following times, in hours:"
    respond = "We shall respond no later than:"
    paragraphs = [
        (
            "Last year our average response to an Emergency was 9 minutes; a Standard ticket "
            "took longer.",
            "",
        ),
        (levels, None),
        ("1.1 Emergency - a pharmacy cannot dispense.", levels),
        ("1.2 Urgent - a pharmacy is impaired.", levels),
        ("1.3 Standard - one user is affected.", levels),
        ("1.4 Planned - requests and changes.", levels),
        (restore, None),
        (f"3.1 Emergency{sep}3", restore),
        (f"3.2 Urgent{sep}8", restore),
        (f"3.3 Standard{sep}16", restore),
        (respond, None),
        ("2.1 Emergency: 15 minutes.", respond),
        ("2.3 Standard: 4 hours within Service Hours.", respond),
    ]
    blocks = tuple(
        models.Block(
            text,
            1,
            (50, 40 + 30 * i, 500, 60 + 30 * i),
            item=lead is not None and lead != "",
            lead_in=lead or "",
        )
        for i, (text, lead) in enumerate(paragraphs)
    )
    got = {(c, s, v) for c, s, v, *_ in _found(models.Document("v.pdf", "0" * 64, 1, blocks, ()))}
    assert {
        ("resolution_time", "P1", 180),
        ("resolution_time", "P2", 480),
        ("resolution_time", "P3", 960),
        ("response_time", "P1", 15),
        ("response_time", "P3", 240),
    } <= got


def test_levels_an_answer_cell_defines_rank_the_answers_beside_the_clients_question():
    """A questionnaire: the client's question quotes its own critical-incident figure; the
    answer cell of an earlier row defines the scheme, so "High: within 1 hour." is P2."""
    t = table(
        ["No.", "Client question", "Our response"],
        [
            [
                "4.1.1",
                "Describe your priority scheme.",
                "We use four priorities. Critical: tills have stopped. High: a shop is impaired. "
                "Normal: one user. Request: changes and questions.",
            ],
            [
                "4.1.2",
                "We require a first response to a critical incident within 30 minutes. "
                "State your response times.",
                "Critical: within 20 minutes. High: within 1 hour. Normal: within 8 business hours.",
            ],
        ],
    )
    got = {(c, s, v) for c, s, v, *_ in _found(_doc([], [t]))}
    assert {
        ("response_time", "P1", 20),
        ("response_time", "P2", 60),
        ("response_time", "P3", 480),
    } <= got
    assert ("response_time", "P1", 30) not in got


@pytest.mark.parametrize("last", ["Minor (one user is inconvenienced).", "Minor."])
def test_levels_listed_with_semicolons_after_a_colon_rank_in_order(last):
    from msp_select.extract.context import enumerated_levels

    text = (
        "Each incident is assigned an Impact Level: Critical (a site cannot trade); Major (a "
        f"site is impaired); Moderate (one user cannot work); {last}"
    )
    got = enumerated_levels([models.Block(text, 1, (50, 40, 500, 60))])
    assert got == {"Critical": "P1", "Major": "P2", "Moderate": "P3", "Minor": "P4"}


@pytest.mark.parametrize(
    "declaration, priced",
    [
        ("All prices are euro, exclude VAT and are monthly.", True),
        ("All prices are euro and exclude VAT.", False),  # no period: no monthly fee
    ],
)
def test_a_documents_monthly_declaration_gives_bare_table_amounts_their_period(declaration, priced):
    t = table(
        ["Ref", "Line item", "Charged", "Plan (EUR)"],
        [["A1", "Managed seat", "per seat", "84"], ["E1", "Onboarding", "once", "7,900"]],
    )
    got = {(c, s, v) for c, s, v, *_ in _found(_doc([declaration, "# Price schedule"], [t]))}
    assert (("price", "per_user", 84) in got) == priced
    assert ("price", "onboarding", 7900) in got


@pytest.mark.parametrize("tick", ["√", "✓", "Yes"])
def test_a_tick_offers_what_its_row_label_says(tick):
    """A tier table's tick ("Monitoring (NOC) 24/7 | √"): the row label is the offer."""
    t = table(
        ["Feature", "Start", "Plus"],
        [["Monitoring (NOC) 24/7", tick, tick], ["Quarterly service review", "-", tick]],
    )
    got = {(c, s, u) for c, s, _, u, *_ in _found(_doc([], [t]))}
    assert ("support_hours", "noc", "24x7") in got


@pytest.mark.parametrize(
    "listing, uses",
    [
        (
            "In Silver we sort incidents as Critical (P1), High (P2), Normal (P3) and Low (P4).",
            "A Critical incident gets a response within 15 minutes; a High incident gets a "
            "response within 45 minutes and is restored within 8 hours; a Normal incident "
            "gets a response within 4 hours and is restored within 2 business days.",
        ),
        (
            "Each ticket is classed as Urgent, High, Normal or Low.",
            "An Urgent ticket is answered in 15 minutes. A High ticket gets a reply within "
            "45 minutes and is fixed within 8 hours. A Normal ticket is answered within 4 "
            "hours and fixed in 2 business days.",
        ),
    ],
)
def test_a_listed_scheme_outranks_the_few_level_names_prose_uses(listing, uses):
    """The sentences name only some of the levels (High, Normal); the listing names all four,
    so High is second, not first of two."""
    got = {(c, s, v) for c, s, v, *_ in _found(_doc(["# Service levels", listing, uses]))}
    assert {
        ("response_time", "P2", 45),
        ("resolution_time", "P2", 480),
        ("response_time", "P3", 240),
        ("resolution_time", "P3", 960),
    } <= got
    assert not {(c, s) for c, s, _ in got if s == "P1"} - {("response_time", "P1")}


def _definition_list(levels, fields, answers):
    """Same-level headings: each level, then its fields, each field's answer under it."""
    out, top, sec = [], 40.0, ("Appendix A - Service levels",)

    def add(text, heading=False, section=sec):
        nonlocal top
        out.append(
            models.Block(text, 1, (50, top, 500, top + 20), heading, 2 if heading else 0, section)
        )
        top += 30

    out.append(models.Block(sec[0], 1, (50, 10, 500, 30), True, 1, ()))
    for level, said in zip(levels, answers):
        add(level, True)
        for field, answer in zip(fields, said):
            add(field, True)
            add(answer, section=sec + (field,))
    return models.Document("v.pdf", "0" * 64, 1, tuple(out), ())


@pytest.mark.parametrize(
    "levels, fields",
    [
        (
            ["Priority 1 (Critical)", "Priority 2 (Major)", "Priority 3 (Minor)"],
            ["Response", "Restoration"],
        ),
        (["Severity A", "Severity B", "Severity C"], ["First reply", "Fix time"]),
        (["Critical", "High", "Medium"], ["Time to respond", "Time to resolve"]),
    ],
)
def test_fields_repeated_under_each_level_heading_take_its_level(levels, fields):
    """A definition list: "Response" recurs as a heading beside each level's heading, at the
    same depth; each answer belongs to the level heading before its field."""
    answers = [
        ["Within fifteen minutes, at any hour.", "Four hours or less."],
        ["Within 30 minutes.", "Eight hours."],
        ["Two hours.", "By the end of the next business day."],
    ]
    got = {(c, s, v) for c, s, v, *_ in _found(_definition_list(levels, fields, answers))}
    assert got == {
        ("response_time", "P1", 15),
        ("resolution_time", "P1", 240),
        ("response_time", "P2", 30),
        ("resolution_time", "P2", 480),
        ("response_time", "P3", 120),
        ("resolution_time", "P3", 480),
    }


@pytest.mark.parametrize(
    "scheme, sentence",
    [
        (
            "Every incident is placed in one of four categories when it is registered: "
            "category S where the control room has stopped, category H where work is hindered "
            "for several users, category I where one user is inconvenienced, and category R "
            "for orders, questions and other requests.",
            "We will make the first contact within 15 minutes, 1 hour, 4 hours and 2 business "
            "days respectively for incidents in categories S, H, I and R.",
        ),
        (
            "Calls are sorted into three bands: band X1 for a stopped site, band X2 for a "
            "slowed team and band X3 for a single person.",
            "Engineers respond within 15 minutes, 1 hour and 4 hours to bands X1, X2 and X3.",
        ),
        (
            "We sort tickets into one of four classes: class D where a site is down, class "
            "W where a workaround exists, class U for one user, and class Q for questions.",
            "For classes D, W, U and Q, we respond within 15 minutes, 1 hour, 4 hours and 2 "
            "business days respectively.",
        ),
    ],
)
def test_levels_named_by_a_scheme_word_and_a_code_are_read_in_a_list_of_codes(scheme, sentence):
    got = sorted((s, v) for c, s, v, *_ in _found(_doc(["# Service levels", scheme, sentence])))
    assert got[:3] == [("P1", 15), ("P2", 60), ("P3", 240)]
    assert len(got) in (3, 4) and ("all", 15) not in got


def test_codes_the_document_never_defined_are_no_levels():
    sentence = "We respond within 15 minutes and 1 hour respectively for categories S and H."
    got = {s for c, s, *_ in _found(_doc(["# Service levels", sentence]))}
    assert got == {"all"}


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "Our service comes in three packages - Bronze, Silver and Gold - that share the "
            "same people and tools.",
            "Bronze is our business-hours package. At $45 per user per month it gives a "
            "response to critical faults within 1 hour.",
            "Gold places an engineer on site and shortens the response to critical faults to "
            "10 minutes, at $90 per user per month.",
            "We therefore propose Silver, and everything below describes Silver only.",
            "Critical faults get a response within 15 minutes. Silver costs $60 per user per "
            "month.",
        ],
        [
            "We sell three plans: Essentials, Professional and Enterprise.",
            "Essentials answers critical calls within 1 hour for $45 per user per month.",
            "The Enterprise plan answers within 10 minutes for $90 per user per month.",
            "For your firm we recommend Professional.",
            "Critical calls are answered within 15 minutes; the fee is $60 per user per month.",
        ],
    ],
)
def test_a_package_named_in_prose_but_not_proposed_is_a_contrast(paragraphs):
    got = {(c, v) for c, s, v, *_ in _found(_doc(["# Our offer", *paragraphs]))}
    assert got == {("response_time", 15), ("price", 60)}


def test_packages_named_in_prose_all_count_when_none_is_proposed():
    paragraphs = [
        "We sell three plans: Essentials, Professional and Enterprise.",
        "Essentials answers critical calls within 1 hour.",
        "The Enterprise plan answers within 10 minutes.",
    ]
    got = {(c, v) for c, s, v, *_ in _found(_doc(["# Our offer", *paragraphs]))}
    assert got == {("response_time", 60), ("response_time", 10)}


@pytest.mark.parametrize(
    "codes",
    [("MS-WS", "MS-SRV"), ("WS01", "SRV02"), ("LIC.WS", "LIC.SRV")],
)
def test_an_item_code_column_names_its_rows_with_the_description_beside_it(codes):
    t = table(
        ["Code", "Description", "Qty", "Unit price", "Line total"],
        [
            ["Monthly recurring charges", "", "", "", ""],
            [
                codes[0],
                "Managed workstation (incl. X-ray acquisition PCs)",
                "148",
                "66.00",
                "9,768.00",
            ],
            [codes[1], "Managed server", "6", "240.00", "1,440.00"],
            ["", "Total monthly charges", "", "", "11,208.00"],
        ],
    )
    doc = _doc(["# Quotation", "All amounts are New Zealand dollars and exclude GST."], [t])
    got = {(c, s, v) for c, s, v, *_ in _found(doc)}
    assert got == {("price", "per_device", 66), ("price", "per_device", 240)}


def test_level_codes_in_the_first_column_stay_the_row_labels():
    t = table(
        ["Priority", "Description", "Response"],
        [["P1", "Whole site down", "15 minutes"], ["P2", "One team slowed", "1 hour"]],
    )
    got = {(c, s, v) for c, s, v, *_ in _found(_doc(["# Service levels"], [t]))}
    assert got == {("response_time", "P1", 15), ("response_time", "P2", 60)}


@pytest.mark.parametrize(
    "scheme, uses",
    [
        (
            "We sort incidents into three kinds: critical (animals cannot be treated), pressing "
            "(a clinic is working around a fault) and everyday (everything else).",
            "A critical incident gets an engineer within 45 minutes. A pressing fault will be "
            "picked up within two hours, and an everyday request by the next business day.",
        ),
        (
            "Tickets come in four types: blocking, degraded, routine, and advisory.",
            "Blocking tickets are answered within 45 minutes. Degraded tickets are answered "
            "within two hours and routine tickets within 8 hours.",
        ),
    ],
)
def test_counted_kinds_named_in_lower_case_are_a_scheme(scheme, uses):
    got = {(s, v) for c, s, v, *_ in _found(_doc(["# What we promise", scheme, uses]))}
    assert {("P1", 45), ("P2", 120), ("P3", 480)} == got


@pytest.mark.parametrize(
    "follow_up", ["And the others?", "What about the other levels?", "And for the rest?"]
)
def test_a_follow_up_question_heading_asks_the_question_heading_before_it(follow_up):
    """Question headings are siblings under "Service levels"; the follow-up's answer names
    no measure, the question heading before it does."""
    sec = ("Service levels",)
    parts = [
        (
            "How do you rank a problem?",
            "Four ways. Critical: passengers cannot be processed. "
            "Serious: a team is affected. Standard: one person. Minor: requests.",
        ),
        ("How quickly will someone pick up a Critical?", "Within 15 minutes, day or night."),
        (follow_up, "Serious: under an hour. Standard: 4h. Minor: NBD."),
    ]
    blocks, top = [models.Block(sec[0], 1, (50, 10, 500, 30), True, 1, ())], 40.0
    for question, answer in parts:
        blocks.append(models.Block(question, 1, (50, top, 500, top + 20), True, 2, sec))
        blocks.append(
            models.Block(answer, 1, (50, top + 30, 500, top + 50), False, 0, sec + (question,))
        )
        top += 60
    doc = models.Document("v.pdf", "0" * 64, 1, tuple(blocks), ())
    got = {(c, s, v) for c, s, v, *_ in _found(doc)}
    assert {("response_time", "P2", 60), ("response_time", "P3", 240)} <= got


@pytest.mark.parametrize(
    "lead, strength",
    [
        # a lead-in sentence that hedges its own figure hedges nothing in the table under it
        (
            "Requests have no fix time; we typically complete them within five business days.",
            "binding",
        ),
        ("Most jobs usually close within 2 days. The table lists our service levels.", "binding"),
        ("Our usual targets are below.", "soft"),
        ("We aim to meet the levels below.", "soft"),
        # a choice the client may make is no hedge on the figures
        ("The Council may choose either plan; the levels below are contractual.", "binding"),
        ("You may select either plan; both bind us.", "binding"),
    ],
)
def test_only_a_lead_in_that_speaks_of_the_table_sets_how_firm_it_is(lead, strength):
    rows = (("Service restored, in hours", "", ""), ("Critical", "8", "4"), ("Minor", "24", "12"))
    t = models.Table(
        ("", "Branch Care", "Branch Care Plus"), rows, 1, (50, 80, 500, 160), (1, 1, 1),
        subheader_rows=(0,), lead_in=lead,
    )  # fmt: skip
    doc = models.Document("v.pdf", "0" * 64, 1, (models.Block(lead, 1, (50, 40, 500, 60)),), (t,))
    got = {(v, st) for c, _, v, _, st, tier in _found(doc) if c == "resolution_time" and tier}
    assert got == {(v * 60, strength) for v in (8.0, 4.0, 24.0, 12.0)}


@pytest.mark.parametrize(
    "blocks, expected",
    [
        # a figure set large as a heading reads with the caption under it
        (["# 15 MIN", "to a named engineer on the phone when a show is at risk"],
         [("response_time", 15.0)]),
        (["# 99.9%", "box office uptime in every performance week"], [("availability", 99.9)]),
        (["# 24/7", "service desk cover, every day of the year"], [("support_hours", None)]),
        # a heading with words is no callout; a caption is read once
        (["# Our 15 engineers", "answer the phone every weekday"], []),
        (["# 4 HRS", "to fix a broken box office", "We have 40 engineers."],
         [("resolution_time", 240.0)]),
    ],
)  # fmt: skip
def test_a_figure_callout_reads_with_its_caption(blocks, expected):
    assert [(c, v) for c, _, v, *_ in _found(_doc(blocks))] == expected


def test_a_quoted_requirement_raises_no_flag_and_gives_no_evidence():
    doc = _doc(
        [
            '"The Supplier shall retain all administrative credentials and hold the only '
            'copy of the network documentation."',
            "Compliant. All administrator passwords stay with the customer.",
        ]
    )
    got = extract_vendor("v", [doc])
    assert not {f.flag for f in got.risk_flags}
    assert {e.criterion for e in got.criteria_evidence} == {"control-retention"}


@pytest.mark.parametrize(
    "restored",
    [
        "Service restored - hours, no later than",
        # a bracketed note after the unit qualifies it
        "Service restored - hours (P2 in business hours)",
    ],
)
def test_a_sub_header_gives_its_unit_before_a_comma_and_tiers_are_columns(restored):
    t = table(
        ["Priority", "Bronze", "Gold"],
        [
            ["Acknowledged, with an engineer assigned - minutes, no later than", "", ""],
            ["P1", "30", "10"],
            ["P2", "90", "30"],
            [restored, "", ""],
            ["P1", "8", "4"],
            ["P2", "16", "8"],
        ],
    )
    got = {(c, s, v, tier) for c, s, v, _, _, tier in _found(_doc([], [t]))}
    assert got == {
        ("response_time", "P1", 30.0, "Bronze"),
        ("response_time", "P1", 10.0, "Gold"),
        ("response_time", "P2", 90.0, "Bronze"),
        ("response_time", "P2", 30.0, "Gold"),
        ("resolution_time", "P1", 480.0, "Bronze"),
        ("resolution_time", "P1", 240.0, "Gold"),
        ("resolution_time", "P2", 960.0, "Bronze"),
        ("resolution_time", "P2", 480.0, "Gold"),
    }


@pytest.mark.parametrize(
    "heads, rows, expected",
    [
        # columns named by their effect on the business, times growing along the rows
        (
            ["Measure", "Branch cannot serve customers", "Part of a branch affected",
             "One person affected", "Advice or request"],
            [["First response (minutes)", "30", "60", "240", "480"]],
            {("response_time", "P1", 30.0), ("response_time", "P2", 60.0),
             ("response_time", "P3", 240.0), ("response_time", "P4", 480.0)},
        ),
        (
            ["", "Whole site down", "Degraded service", "Single user"],
            [["Fix time", "4 hours", "8 hours", "2 days"]],
            {("resolution_time", "P1", 240.0), ("resolution_time", "P2", 480.0),
             ("resolution_time", "P3", 2880.0)},
        ),
        # times that do not grow are no ranking; plans are no effects
        (
            ["", "Whole site down", "Single user"],
            [["Fix time", "8 hours", "4 hours"]],
            {("resolution_time", "all", 480.0), ("resolution_time", "all", 240.0)},
        ),
        (
            ["", "Bronze", "Silver", "Gold"],
            [["Response (minutes)", "60", "30", "15"]],
            {("response_time", "all", 60.0), ("response_time", "all", 30.0),
             ("response_time", "all", 15.0)},
        ),
    ],
)  # fmt: skip
def test_columns_named_by_effect_rank_as_levels_most_serious_first(heads, rows, expected):
    got = {(c, s, v) for c, s, v, *_ in _found(_doc([], [table(heads, rows)]))}
    assert got == expected


@pytest.mark.parametrize(
    "lead, strengths",
    [
        # a lead-in that names one clock softens that clock only
        ("Restoration figures are targets that our engineers work to.", ("binding", "soft")),
        ("Response and restoration figures are targets.", ("soft", "soft")),
        ("All figures below are targets.", ("soft", "soft")),
        # a price basis is no exclusion
        ("All amounts are in Kenya shillings and exclude VAT.", ("binding", "binding")),
    ],
)
def test_a_lead_in_sets_the_strength_of_what_it_speaks_of(lead, strengths):
    rows = (("Sev 1", "20 min", "6 hours"), ("Sev 2", "2 hours", "1 business day"))
    t = models.Table(
        ("Severity", "First response", "Restoration"), rows, 1, (50, 80, 500, 160), (1, 1),
        lead_in=lead,
    )  # fmt: skip
    doc = models.Document("v.pdf", "0" * 64, 1, (models.Block(lead, 1, (50, 40, 500, 60)),), (t,))
    got = {(c, st) for c, _, _, _, st, _ in _found(doc)}
    assert got == {("response_time", strengths[0]), ("resolution_time", strengths[1])}


def test_a_row_label_of_one_word_names_the_term_and_a_commitment_column_does_not():
    t = table(
        ["", "What we commit to"],
        [["Contract", "36 months"], ["Engineer at a branch", "Business hours"]],
    )
    got = {(c, s, v, u) for c, s, v, u, *_ in _found(_doc([], [t]))}
    assert got == {
        ("contract_term", "all", 36.0, "month"),
        ("support_hours", "onsite", None, "business_hours"),
    }
    t = table(["Item", "Commitment"], [["Backup retention", "90 days"]])
    assert _found(_doc([], [t])) == []


def test_measure_rows_under_level_columns_are_no_levels_and_not_applicable_excludes():
    """A "Service Level" corner over "Sev-0 ... Sev-4" columns: the rows name measures, and
    a "Not applicable" cell rules its level's measure out."""
    t = table(
        ["Service Level", "Sev-0", "Sev-1", "Sev-2", "Sev-3", "Sev-4"],
        [
            ["Acknowledgement Time", "≤ 10 min", "≤ 30 min", "≤ 2 h", "≤ 1 BD", "≤ 3 BD"],
            ["Restoration Time", "≤ 3 h", "≤ 8 h", "≤ 2 BD", "≤ 5 BD", "Not applicable"],
        ],
    )
    got = {(c, s, v, st) for c, s, v, _, st, _ in _found(_doc([], [t]))}
    assert {("response_time", "P2", 30.0, "binding"), ("resolution_time", "P1", 180.0, "binding"),
            ("resolution_time", "P4", None, "excluded")} <= got  # fmt: skip
    assert not {(c, s) for c, s, *_ in got if s == "P1"} - {("response_time", "P1"),
                                                           ("resolution_time", "P1")}  # fmt: skip
    assert ("response_time", "P1", 30.0, "binding") not in got


def test_defined_hours_terms_read_in_a_cover_table():
    """ "Court Hours" and "Continuous" defined once, then used as a table's hours of cover;
    the "Hours of cover" column is no plan."""
    t = table(
        ["Service", "Hours of cover", "Reference"],
        [
            ["Service Desk (telephone and portal)", "Continuous", "Def. 1"],
            ["Security Operations Centre monitoring", "Continuous", "Def. 1"],
            ["On-site Attendance at every Court Location", "Court Hours", "Def. 1"],
        ],
    )
    doc = _doc(
        [
            '"Court Hours" means 7:00 a.m. to 6:00 p.m. Arizona time on a Business Day.',
            '"Continuous" and "Continuously" mean at every hour of every day of the year.',
        ],
        [t],
    )
    got = {(c, s, u, tier) for c, s, _, u, _, tier in _found(doc)}
    assert got == {
        ("support_hours", "helpdesk", "24x7", ""),
        ("support_hours", "noc", "24x7", ""),
        ("support_hours", "onsite", "business_hours", ""),
    }


def test_an_answer_column_takes_its_level_and_measure_from_the_requirement_beside_it():
    rows = [
        ["2.1", "The RFP requires a first response to Priority A within 30 minutes. State yours.",
         "Comply. 15 minutes, at all hours."],
        ["2.2", "State your committed first response to Priority B.", "1 hour on court days."],
        ["4.5", "State how long backups are retained.", "Daily copies 90 days."],
        ["5.2", "If you answered Exception to 5.1, state any alternative offered.",
         "Emergency deployment inside 72 hours, at additional cost."],
        ["7.1", "State the duration of transition-in.", "Within 60 days of notice to proceed."],
        ["8.1", "The RFP proposes an initial term of three years. State any exception.",
         "No exception: three years."],
    ]  # fmt: skip
    t = table(["Item", "Court requirement or question", "Respondent's answer"], rows)
    doc = _doc(
        ["Priority A: a courtroom cannot proceed. Priority B: a division is impaired. Priority"
         " C: a single user. Priority D: requests."],
        [t],
    )  # fmt: skip
    got = {(c, s, v) for c, s, v, *_ in _found(doc)}
    assert got == {
        ("response_time", "P1", 15.0),
        ("response_time", "P2", 60.0),
        ("onboarding_duration", "all", 60.0),
        ("contract_term", "all", 36.0),
    }


def test_a_numbered_note_reads_with_the_sentence_that_cites_it():
    doc = _doc(
        [
            "We sort every call into one of four colours. Red means a courtroom cannot sit."
            " Amber means a division is impaired. Green is one person. Blue is a request.",
            "When a Red call comes in, an engineer is on it within minutes [1], and the other"
            " colours follow in order [2]. Our senior engineers lead Red calls [3].",
            "[1] Red: engineer response no later than 20 minutes after the call is logged.",
            "[2] Amber: 1 hour. Green: 4 business hours. Blue: next business day.",
            "[3] A senior engineer has at least eight years in court or government IT.",
        ]
    )
    got = {(c, s, v) for c, s, v, *_ in _found(doc)}
    assert got == {
        ("response_time", "P1", 20.0),
        ("response_time", "P2", 60.0),
        ("response_time", "P3", 240.0),
        ("response_time", "P4", 480.0),
    }


@pytest.mark.parametrize(
    "header, unit_minutes",
    [("Minor incidents Response (BD)", 480), ("Fix (bus. days)", 480), ("Fix (hrs)", 60)],
)
def test_a_business_day_abbreviation_in_a_header_is_the_unit(header, unit_minutes):
    t = table(["Plan", header], [["Core", "2"], ["Plus", "1"]])
    doc = _doc(["BD means a business day of eight working hours."], [t])
    got = sorted(v for _, _, v, *_ in _found(doc))
    assert got == [unit_minutes, 2 * unit_minutes]


def test_hours_glossed_in_prose_read_in_a_cover_table():
    t = table(
        ["Service element", "Cover or commitment"],
        [["On-site support", "Court hours"], ["Network monitoring", "24x7"]],
    )
    doc = _doc(["Lower levels run in court hours (7:00 a.m. to 6:00 p.m., Monday to Friday)."], [t])
    got = {(c, s, u) for c, s, _, u, *_ in _found(doc)}
    assert got == {("support_hours", "onsite", "business_hours"), ("support_hours", "noc", "24x7")}


def test_rows_under_an_optional_items_heading_are_bought_at_the_clients_choice():
    t = table(
        ["Option", "Description", "Price", "Basis"],
        [["O-1", "After-hours on-site dispatch, 24x7", "$6,800.00", "per month"]],
    )
    for heading, strength in (
        ("# C.2 Optional Line Items", "conditional"),
        ("# C.1 Base Bid", "binding"),
    ):
        got = {(c, st) for c, _, _, _, st, _ in _found(_doc([heading], [t]))}
        assert got == {("price", strength), ("support_hours", strength)}


def test_a_requirement_heads_the_answer_rows_that_carry_on_under_it():
    rows = [
        ["4.1", "Respond to Priority 1 incidents within 30 minutes.", "Emergency: 20 minutes"],
        ["4.3", "State response times for Priority 3 and Priority 4.", "Standard: 4 hours"],
        ["", "", "Scheduled: 2 business days"],
    ]
    t = table(["Ref", "Client requirement (as issued)", "Our answer"], rows)
    got = {(c, v) for c, _, v, *_ in _found(_doc([], [t]))}
    assert got == {("response_time", 20.0), ("response_time", 240.0), ("response_time", 960.0)}


def test_one_tables_own_labels_rank_by_that_table_not_by_a_word_scale():
    """ "Outage / Degraded / Disturbance / Request" rows, times growing: listed most urgent
    first, though "Outage" and "Request" are the only words of the generic scale."""
    t = table(
        ["Service state", "Response, hours", "Restoration target, hours"],
        [
            ["Outage (Ausfall)", "0.5", "4"],
            ["Degraded (Beeintraechtigung)", "2", "8"],
            ["Disturbance (Stoerung)", "4", "16"],
            ["Request (Anfrage)", "16", "40"],
        ],
    )
    got = {(c, s, v) for c, s, v, *_ in _found(_doc([], [t])) if c == "response_time"}
    assert got == {
        ("response_time", "P1", 30.0),
        ("response_time", "P2", 120.0),
        ("response_time", "P3", 240.0),
        ("response_time", "P4", 960.0),
    }


def test_a_service_a_card_names_outranks_a_generic_cover_word_in_its_row():
    t = table(["S-03", "Monitoring of servers and network"],
              [["Coverage", "24 hours a day, 7 days a week"]])  # fmt: skip
    got = {(c, s, u) for c, s, _, u, *_ in _found(_doc([], [t]))}
    assert got == {("support_hours", "noc", "24x7")}


@pytest.mark.parametrize(
    "label, cell, expected",
    [
        ("Restore (one server)", "within 8 h", ("rto", 480.0)),
        ("Blue - fulfilled", "10 BD", ("resolution_time", 4800.0)),
        ("Takeover", "6 weeks", ("onboarding_duration", 42.0)),
    ],
)
def test_short_row_labels_name_their_measure(label, cell, expected):
    doc = _doc(["BD means a business day of eight working hours."],
               [table(["Card", "Service"], [[label, cell]])])  # fmt: skip
    assert {(c, v) for c, _, v, *_ in _found(doc)} == {expected}


def test_levels_counted_then_defined_one_sentence_each_rank_in_that_order():
    doc = _doc(
        [
            "Every call is placed in one of four bands. A Lights Out call means a branch cannot"
            " lend. A Brownout means several desks are slow. A Single Seat call affects one"
            " person. Housekeeping covers requests and questions.",
            "A Brownout is picked up within the hour. We answer Single Seat calls within four"
            " business hours, and Housekeeping requests are acknowledged within 2 business days.",
        ]
    )
    got = {(s, v) for c, s, v, *_ in _found(doc) if c == "response_time"}
    assert got == {("P2", 60.0), ("P3", 240.0), ("P4", 960.0)}


@pytest.mark.parametrize(
    "label, currency",
    [("ILS Hosting Fee", "CAD"), ("Hosting fee (USD)", "USD"), ("Managed device", "CAD")],
)
def test_a_code_that_names_a_system_is_no_currency(label, currency):
    t = table(["Fee Item", "Unit", "Fee (CAD)"], [[label, "per month", "1,400.00"]])
    got = {u for c, _, _, u, *_ in _found(_doc([], [t])) if c == "price"}
    assert got == {f"{currency}/month"}


@pytest.mark.parametrize(
    "months", [["Jul", "Aug", "Sep"], ["March 2026", "April 2026", "May 2026"]]
)
def test_a_column_per_past_month_holds_measurements_not_offers(months):
    """A performance report: the months' columns hold what was measured; the offer is
    elsewhere (here the 'Committed' column)."""
    t = table(
        ["Measure", *months, "Committed"],
        [
            ["P1 response", "41 min", "52 min", "38 min", "30 min"],
            ["Uptime", "99.1%", "98.7%", "99.3%", "99.5%"],
        ],
    )
    got = _found(_doc(["# Performance this year and what we commit to"], [t]))
    assert ("response_time", "P1", 30, "minute", "binding", "") in got
    assert ("availability", "all", 99.5, "percent", "binding", "") in got
    assert not [g for g in got if g[2] in (41, 52, 38, 99.1, 98.7, 99.3)]


@pytest.mark.parametrize(
    "net, gross",
    [
        ("Unit price before tax (JPY)", "Unit price incl. tax (JPY)"),
        ("Price ex GST", "Price inc GST"),
        ("Monthly fee (excl. VAT)", "VAT 15%"),
        ("Rate (EUR)", "Rate including VAT (EUR)"),
    ],
)
def test_a_column_that_adds_the_tax_restates_the_price_before_it(net, gross):
    t = table(
        ["Item", net, gross],
        [
            ["Managed service, per device per month", "80.00", "92.00"],
            ["Engineer, per hour", "120.00", "138.00"],
        ],
    )
    got = _found(_doc(["# Fees", "All amounts are in euros."], [t]))
    values = {g[2] for g in got if g[0] == "price"}
    assert {80, 120} <= values and not values & {92, 138}


def test_a_tax_inclusive_column_alone_is_the_price():
    t = table(
        ["Item", "Price incl. VAT (EUR)"], [["Managed service, per device per month", "92.00"]]
    )
    got = _found(_doc(["# Fees"], [t]))
    assert [g[2] for g in got if g[0] == "price"] == [92]


def test_a_grade_s_above_a_ranks_first():
    """Levels graded S, A, B: S is above A, whether or not the times grow down the table."""
    t = table(
        ["Level", "What it means", "First response"],
        [
            [
                "S",
                "The whole site cannot work",
                "Within 20 minutes by phone, on site within 4 hours",
            ],
            ["A", "A department cannot work", "Within 1 hour"],
            ["B", "One person cannot work", "Within 4 hours"],
        ],
    )
    got = _found(_doc(["# Failure levels", "Level S is the most serious level."], [t]))
    times = {(g[1], g[2]) for g in got if g[0] == "response_time"}
    assert {("P1", 20), ("P2", 60), ("P3", 240)} <= times
    assert not [g for g in got if g[5]]  # no tiers named S or A


@pytest.mark.parametrize("mark", ["[x]", "[X]", "Yes"])
def test_plan_cards_with_the_basis_under_the_price_and_ticked_features(mark):
    """A newsletter's plan cards: the price, then 'per device / month' on the line under it;
    a feature matrix ticks what each plan includes."""
    cards = table(
        ["Starter", "Standard", "Premium"],
        [
            ["$49", "$64", "$80"],
            ["per device / month"] * 3,
            ["Help desk only", "Plus backup", "Plus on-site"],
        ],
    )
    features = table(
        ["", "Starter", "Standard", "Premium"],
        [
            ["Critical patches installed within 10 days", mark, mark, mark],
            ["Quarterly business review", "[ ]", "[ ]", mark],
        ],
    )
    got = _found(_doc(["# Our plans", "All prices in US dollars."], [cards, features]))
    prices = {(g[2], g[5]) for g in got if g[0] == "price"}
    assert prices == {(49, "Starter"), (64, "Standard"), (80, "Premium")}
    assert ("patch_window", "all", 10, "day", "binding", "Starter") in got
    # (one statement per value: the plan that ticks the review offers it)
    assert [g[4:] for g in got if g[0] == "review_cadence"] == [("binding", "Premium")]


@pytest.mark.parametrize("corner, code", [("KPI", "KPI 3"), ("ID", "SL-03"), ("Req. no.", "R 3")])
def test_a_registers_own_codes_number_its_rows(corner, code):
    t = table(
        [corner, "Measure", "Level to be achieved"],
        [
            [code, "Availability of the booking system", "99.7% per month"],
            [code + "1", "Maximum data loss (RPO)", "4 hours"],
        ],
    )
    got = _found(_doc(["# Key performance indicators"], [t]))
    assert ("availability", "all", 99.7, "percent", "binding", "") in got
    assert ("rpo", "all", 240, "minute", "binding", "") in got


@pytest.mark.parametrize(
    "theirs",
    ["Current wording", "Response target (current)", "Measured in March", "Median achieved"],
)
def test_a_column_of_the_terms_in_force_or_of_results_offers_nothing(theirs):
    """An amendment or a service report: the wording being replaced, the targets of the
    agreement in force and what was measured stand beside the new terms."""
    t = table(
        ["Clause", theirs, "New service level"],
        [["P1 response", "45 minutes", "20 minutes"], ["Availability", "99.5%", "99.9%"]],
    )
    got = _found(_doc(["# Proposed changes"], [t]))
    assert {(g[0], g[2]) for g in got} == {("response_time", 20), ("availability", 99.9)}


def test_infographic_tiles_with_figures_over_captions_and_numbered_notes():
    """A datasheet: each tile a figure set large with a caption under it over two lines; a
    numbered note under the tiles says one figure is only a target."""
    tiles = table(
        ["30 min", "8 h", "99.9% 2)"],
        [
            ["RPO: the most work", "RTO: systems back", "Availability of"],
            ["you can lose", "after a disaster", "the hosted platform"],
        ],
    )
    doc = models.Document(
        "v.pdf",
        "0" * 64,
        1,
        (
            models.Block("YOUR DATA", 1, (50, 40, 500, 60), heading=True),
            models.Block(
                "2) The availability is a target, not a guaranteed service level.",
                1,
                (50, 400, 500, 420),
            ),
        ),
        (models.Table(tiles.header, tiles.rows, 1, (50, 100, 500, 200), tiles.row_pages),),
    )
    got = _found(doc)
    assert ("rpo", "all", 30, "minute", "binding", "") in got
    assert ("rto", "all", 480, "minute", "binding", "") in got
    assert ("availability", "all", 99.9, "percent", "soft", "") in got


def test_a_lead_in_that_hedges_some_levels_hedges_only_those():
    t = table(
        ["Priority", "Response", "Restore"],
        [
            ["P1", "15 min", "4 h"],
            ["P2", "30 min", "8 h"],
            ["P3", "4 h", "3 days"],
            ["P4", "1 day", "10 days"],
        ],
    )
    lead = (
        "We guarantee every response time below and the restore times for P1 and P2; the restore "
        "times for P3 and P4 are targets only."
    )
    got = _found(_doc(["# Service levels", lead], [t]))
    soft = {(g[0], g[1]) for g in got if g[4] == "soft"}
    assert soft == {("resolution_time", "P3"), ("resolution_time", "P4")}


def test_a_note_marked_on_a_heading_reads_for_the_figures_under_it():
    """A datasheet's heading points at a numbered note that says its figures are targets."""
    blocks = (
        models.Block("FIX: service back within 2)", 1, (50, 40, 500, 60), heading=True),
        models.Block("4 h Critical (P1)", 1, (50, 70, 500, 90)),
        models.Block("1 business day High (P2)", 1, (50, 100, 500, 120)),
        models.Block("1) Response times are guaranteed.", 1, (50, 400, 500, 420)),
        models.Block(
            "2) Fix times are targets we staff for, not contractual service levels.",
            1,
            (50, 430, 500, 450),
        ),
    )
    got = _found(models.Document("v.pdf", "0" * 64, 1, blocks, ()))
    assert ("resolution_time", "P1", 240, "minute", "soft", "") in got
    assert ("resolution_time", "P2", 480, "minute", "soft", "") in got


def _cover(doc):
    return sorted((g[1], g[3], g[4]) for g in _found(doc) if g[0] == "support_hours")


@pytest.mark.parametrize("mark", ["(f)", "f)", "-", "1.6"])
def test_hours_a_listed_definition_gives_are_the_hours_its_term_names(mark):
    """A definitions list whose items carry their letter: the term's own words ("Service Desk
    Hours") are no hours, the definition is, and the promise that uses the term takes them."""
    doc = _doc(
        [
            f'{mark} "Working Hours" means 08:00 to 18:00 on a Working Day;',
            f'{mark} "Service Desk Hours" means 24 hours a day, 7 days a week, 365 days a year.',
            "2.2 The Supplier shall operate the Service Desk throughout the Service Desk Hours.",
        ]
    )
    assert _cover(doc) == [("helpdesk", "24x7", "binding")]


@pytest.mark.parametrize(
    "after",
    [
        "answered by an engineer every night of the year, Christmas Day included",
        "answered by our on-call engineer, weekends and bank holidays included",
        "answered by the duty engineer every single night",
    ],
)
def test_out_of_hours_cover_every_night_is_round_the_clock(after):
    doc = _doc(
        [
            "Our desk is staffed from eight in the morning until eight in the evening, Monday to "
            f"Saturday. Outside those hours the same number rings through to a live desk, {after}."
        ]
    )
    assert ("helpdesk", "24x7", "binding") in _cover(doc)


@pytest.mark.parametrize(
    "after",
    [
        "answered by an engineer on some evenings",
        "answered by voicemail, which we check the next morning",
    ],
)
def test_out_of_hours_cover_on_some_nights_is_no_round_the_clock_desk(after):
    doc = _doc([f"Outside business hours the service desk is {after}."])
    assert ("helpdesk", "24x7", "binding") not in _cover(doc)


def test_hours_stated_outright_outside_hours_belong_to_the_desk_not_a_call_out():
    """(A guard: "calls to the service" reads as a call-out, which the out-of-hours words
    must not take as their cover when the hours are stated outright.)"""
    doc = _doc(
        [
            "Outside these hours, calls to the service desk are answered by the on-call engineer "
            "24 hours a day, 365 days a year."
        ]
    )
    assert _cover(doc) == [("helpdesk", "24x7", "binding")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Critical incidents are assigned at once to a senior engineer and are not handled by "
        "first-line staff at any hour.",
        "Outage calls are not handled by first-line staff at any hour.",
    ],
)
def test_a_negated_agent_says_who_works_not_when_the_desk_is_closed(sentence):
    """The negation falls on who handles the call; the hours rule nothing out."""
    assert _cover(_doc([sentence])) == []


def test_a_desk_not_staffed_at_some_hours_is_still_ruled_out():
    assert _cover(_doc(["The service desk is not staffed at weekends."])) == [
        ("helpdesk", "24x7", "excluded")
    ]


_TARGET_TABLE = table(
    ["Priority", "Target times Response", "Target times Resolution"],
    [["P1 Critical", "15 min", "3 hours"], ["P2 High", "30 min", "8 hours"]],
)


@pytest.mark.parametrize(
    "credit",
    [
        "If we miss a P1 or P2 response or resolution time, we credit 5% of that month's fee.",
        "Each missed response or resolution time earns a service credit of 2% of the monthly "
        "charge.",
    ],
)
def test_a_target_header_over_figures_a_credit_is_paid_on_is_no_aim(credit):
    got = _found(_doc(["# Service levels", credit], [_TARGET_TABLE]))
    assert {g[4] for g in got if g[0] in ("response_time", "resolution_time")} == {"binding"}


@pytest.mark.parametrize(
    "credit",
    [
        "",  # no credit at all
        "Credits are paid only on availability below 99.9% in a month.",  # another measure
        "Response and resolution times are targets and are not eligible for service credits.",
    ],
)
def test_a_target_header_stays_an_aim_where_no_credit_is_paid_on_its_figures(credit):
    got = _found(_doc(["# Service levels", credit], [_TARGET_TABLE]))
    assert {g[4] for g in got if g[0] in ("response_time", "resolution_time")} == {"soft"}


def test_a_credit_on_one_measure_leaves_a_target_column_of_another_an_aim():
    """A credit on missed workaround times says nothing of the "Permanent Fix (target)"."""
    t = table(
        ["Severity", "Workaround", "Permanent Fix (target)"],
        [
            ["Severity 1", "4 hours", "10 business days"],
            ["Severity 2", "1 business day", "20 days"],
        ],
    )
    credit = "Where a Severity 1 Workaround time is missed, we credit 5% of that month's fee."
    got = _found(_doc(["# Support", credit], [t]))
    assert ("resolution_time", "P1", 240, "minute", "binding", "") in got
    assert ("resolution_time", "P1", 4800, "minute", "soft", "") in got


@pytest.mark.parametrize(
    "sentence, strength",
    [
        ("For each Critical Incident the Target Response Time is thirty (30) minutes.", "binding"),
        ("For a P1 Incident the Target Resolution Time is 4 hours.", "binding"),
        ("Our target response time for a P1 incident is 30 minutes.", "soft"),
        ("For a P1 incident we target a response within 30 minutes.", "soft"),
    ],
)
def test_a_capitalised_measure_name_is_a_defined_term_not_an_aim(sentence, strength):
    got = [g for g in _found(_doc([sentence])) if g[0] in ("response_time", "resolution_time")]
    assert [g[4] for g in got] == [strength]


@pytest.mark.parametrize(
    "sentence",
    [
        "With the Premium SLA option the service desk is also staffed 24/7 for P1 incidents.",
        "Under our Gold upgrade the service desk is staffed 24/7 for P1 incidents.",
    ],
)
def test_cover_that_comes_with_a_named_option_is_conditional(sentence):
    assert ("helpdesk", "24x7", "conditional") in _cover(_doc([sentence]))


def test_a_term_with_the_option_to_extend_is_still_the_term():
    got = _found(_doc(["The initial term is 36 months with the option to extend by 12 months."]))
    assert ("contract_term", "all", 36, "month", "binding", "") in got


@pytest.mark.parametrize(
    "sentence",
    [
        "We respond to P1 calls within 45 minutes. A P1 response within 30 minutes is "
        "impractical at remote stations.",
        "We respond to P1 calls within 45 minutes. Remote stations make a P1 response within 30 "
        "minutes impossible.",
        "We respond to P1 calls within 45 minutes. Satellite links render a 30-minute P1 "
        "response unrealistic.",
    ],
)
def test_a_figure_the_vendor_calls_infeasible_is_no_commitment(sentence):
    got = [g for g in _found(_doc([sentence])) if g[0] == "response_time"]
    assert [g[2] for g in got] == [45]


@pytest.mark.parametrize(
    "sentence",
    [
        "Availability means the share of minutes the platform is usable; for example, 99.5% "
        "allows about 3.6 hours of downtime in a 30-day month.",
        "Uptime is measured monthly - for instance, 99.9% leaves about 43 minutes of downtime.",
    ],
)
def test_an_example_inside_a_sentence_is_no_commitment(sentence):
    assert [g for g in _found(_doc([sentence])) if g[0] == "availability"] == []


def test_a_promise_before_an_example_still_stands():
    sentence = "We guarantee 99.9% availability; for example, that allows 43 minutes of downtime."
    got = [g for g in _found(_doc([sentence])) if g[0] == "availability"]
    assert [(g[2], g[4]) for g in got] == [(99.9, "binding")]


def test_cover_outside_hours_at_additional_charges_is_conditional():
    """(A guard: "Additional Charges" is a price's name, and still makes the cover a choice
    bought on top; only a service level's capitalised name is a defined term.)"""
    doc = _doc(
        [
            "(c) on-site attendance: Business Hours, and outside Business Hours at the Additional "
            "Charges set out in Schedule 5."
        ]
    )
    assert ("onsite", "24x7", "conditional") in _cover(doc)


@pytest.mark.parametrize(
    "levels, fix",
    [
        (
            "The Provider shall respond within: (a) a fault stopping production or a whole "
            "site: one (1) hour; (b) a fault affecting a department: two (2) hours; (c) a fault "
            "affecting one user: four (4) hours.",
            "The Provider shall repair the fault within: (a) eight (8) hours; (b) twenty-four "
            "(24) hours; (c) three (3) working days.",
        ),
        (
            "We answer: (a) a whole site down: 15 minutes; (b) one department: 1 hour; (c) one "
            "user: 4 hours.",
            "We fix the fault within: (a) 4 hours; (b) 1 day; (c) 3 days.",
        ),
    ],
)
def test_a_run_of_bare_figures_takes_the_levels_of_the_run_before(levels, fix):
    got = {(g[1], g[2]) for g in _found(_doc([levels + " " + fix])) if g[0] == "resolution_time"}
    assert {g[0] for g in got} == {"P1", "P2", "P3"}
    assert len(got) == 3


def test_a_run_of_figures_with_no_run_of_levels_before_names_no_level():
    got = _found(_doc(["We fix the fault within: (a) 4 hours; (b) 1 day; (c) 3 days."]))
    assert {(g[1], g[2]) for g in got if g[0] == "resolution_time"} == {
        ("all", 240),
        ("all", 1440),
        ("all", 4320),
    }


@pytest.mark.parametrize(
    "sentence, hours",
    [
        (
            "The Provider shall take fault reports through its call centre twenty-four (24) hours a "
            "day, seven (7) days a week.",
            "24x7",
        ),
        ("Our contact centre is open from 08:00 to 18:00 on working days.", "business_hours"),
    ],
)
def test_a_call_centre_is_the_desk(sentence, hours):
    assert ("helpdesk", hours, "binding") in _cover(_doc([sentence]))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Provider shall station one (1) qualified engineer at the Customer's plant during "
        "working hours.",
        "We base a technician at the Client's head office during business hours.",
    ],
)
def test_an_engineer_stationed_at_the_clients_site_is_on_site_cover(sentence):
    assert ("onsite", "business_hours", "binding") in _cover(_doc([sentence]))


def _levels_of(*paragraphs):
    return sorted((g[1], g[2]) for g in _found(_doc(list(paragraphs))) if g[0] == "response_time")


def test_a_list_of_named_levels_ends_where_its_items_stop_being_labelled():
    """Numbered conditions: three levels each named and described, then other conditions;
    "4) We try to fix ..." is no fourth level."""
    got = _found(
        _doc(
            [
                "# Service conditions",
                "1) Emergency (line stop, server down): we call back within 1 hour.",
                "2) General fault (one PC, printer, network point): visit within 1 business day.",
                "3) Request (install, move, new account): within 3 business days.",
                "4) We try to fix an emergency within 8 hours; parts delays excepted.",
                "5) Set-up completed within 2 weeks of the order.",
            ]
        )
    )
    assert {(g[1], g[2]) for g in got if g[0] == "response_time"} == {
        ("P1", 60),
        ("P2", 480),
        ("P3", 1440),
    }
    assert [g[1] for g in got if g[0] == "resolution_time"] == ["all"]


@pytest.mark.parametrize("word", ["Oncelik", "Derece", "Dringlichkeit"])
def test_a_word_the_document_numbers_its_levels_with_names_them(word):
    """A scheme in the client's language: the word numbers the levels as "Priority" would."""
    scheme = (
        f"Every incident is classified by its effect: {word} 1 (Kritik) - a line is stopped; "
        f"{word} 2 (Yuksek) - a department is degraded; {word} 3 (Normal) - one user."
    )
    lead = "We shall respond, with an engineer working on the incident:"
    items = [
        f"3.2.1 to a {word} 1 incident within 15 minutes;",
        f"3.2.2 to a {word} 2 incident within 30 minutes;",
        f"3.2.3 to a {word} 3 incident within 2 hours.",
    ]
    assert _levels_of(scheme, lead, *items) == [("P1", 15), ("P2", 30), ("P3", 120)]


def test_a_word_numbered_once_or_out_of_order_is_no_level():
    """(A guard: "Phase 1 (...) - ...; Phase 3" counts no scheme.)"""
    text = (
        "Every site is classified for the move: Phase 1 (Izmir) - the head office; Phase 3 "
        "(Denizli) - the plant. We respond to a Phase 1 incident within 15 minutes."
    )
    assert [g[1] for g in _found(_doc([text])) if g[0] == "response_time"] == ["all"]


@pytest.mark.parametrize(
    "scene",
    ["For a Priority 1 incident", "During a P1 outage", "In a Severity 1 outage"],
)
def test_a_client_person_after_a_phrase_of_when_still_acts(scene):
    sentence = f"{scene} the Customer's shift supervisor calls back within 20 minutes."
    got = [(g[0], g[5]) for g in _found_party(_doc([sentence])) if g[0] == "response_time"]
    assert got == [("response_time", "client")]


def test_the_providers_engineer_calling_a_client_person_is_the_providers_time():
    sentence = (
        "For a Priority 1 incident our engineer calls the Customer's IT manager within 20 minutes."
    )
    got = [g[5] for g in _found_party(_doc([sentence])) if g[0] == "response_time"]
    assert got == ["provider"]


@pytest.mark.parametrize("header", ["LE (excl. VAT)", "L.E.", "LE"])
def test_the_egyptian_pound_written_le_heads_a_price_column(header):
    t = table(
        ["Item", "How charged", header],
        [
            ["Managed device", "per device, monthly", "1,250"],
            ["Takeover of the sites", "once", "150,000"],
        ],
    )
    got = {(g[0], g[1], g[2], g[3]) for g in _found(_doc(["# Prices"], [t]))}
    assert ("price", "per_device", 1250, "EGP/month") in got
    assert ("price", "onboarding", 150000, "EGP") in got


@pytest.mark.parametrize("per", [" per device", " / device", ""])
def test_a_bare_amount_counted_per_device_takes_the_sub_headers_currency(per):
    t = table(
        ["Item", "Standard", "Plus"],
        [
            ["Fees (KRW per month, excl. VAT)", "", ""],
            ["Managed PC or laptop", f"43,000{per}", f"54,000{per}"],
        ],
    )
    got = [(g[0], g[1], g[2], g[3], g[5]) for g in _found(_doc(["# Packages"], [t]))]
    assert got == [
        ("price", "per_device", 43000, "KRW/month", "Standard"),
        ("price", "per_device", 54000, "KRW/month", "Plus"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Projections: with the service, your IT costs fall to EUR 4,100 a month.",
        "Forecast: your IT spend falls to EUR 4,100 a month from year two.",
        "Our projection is a monthly IT cost of EUR 4,100 once the service runs.",
    ],
)
def test_a_forecast_offers_no_price(sentence):
    """A value proposition's forecast (a payback table's lead-in, a projection) is no fee."""
    assert [g for g in _found(_doc([sentence])) if g[0] == "price"] == []


def test_a_fee_stated_outright_is_still_a_price():
    assert [g[:4] for g in _found(_doc(["Our fee is EUR 4,100 a month."]))] == [
        ("price", "flat", 4100, "EUR/month")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Your finance team puts the cost of a stopped packing line at about EUR 180,000 an hour.",
        "The cost of downtime for a plant of your size is EUR 45,000 per hour.",
    ],
)
def test_what_downtime_costs_the_client_is_no_price(sentence):
    assert [g for g in _found(_doc([sentence])) if g[0] == "price"] == []


def test_an_hourly_rate_beside_a_downtime_cost_still_stands():
    sentence = "Work outside the scope costs EUR 120 an hour."
    assert ("price", "hourly", 120, "EUR/hour", "binding", "") in _found(_doc([sentence]))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("It aims for 90% of users rating their ticket good or better.", [("csat", 90)]),
        ("We aim for 92% of callers to rate each call good or better.", [("csat", 92)]),
        ("Last year our users rated us 4.8 out of 5.", []),
    ],
)
def test_users_rating_their_tickets_is_satisfaction(sentence, expected):
    assert [(g[0], g[2]) for g in _found(_doc([sentence])) if g[0] == "csat"] == expected


@pytest.mark.parametrize(
    "label", ["ERP / MES server recovery", "Database restore", "System rebuild"]
)
def test_a_systems_recovery_row_is_the_recovery_time(label):
    t = table(["Measure", "Level"], [[label, "4 hours"], ["Data lost at most", "1 hour"]])
    got = [(g[0], g[2]) for g in _found(_doc(["# Continuity"], [t]))]
    assert ("rto", 240) in got


def test_a_short_form_beside_its_partner_header_is_spelt_out():
    """A spreadsheet matrix: "Rest" beside "Resp" is the restoration time."""
    t = table(
        ["Prio", "Resp Std (min)", "Resp Ext (min)", "Rest Std (h)", "Rest Ext (h)"],
        [["P1", "30", "15", "8", "4"], ["P2", "60", "30", "16", "8"]],
    )
    got = {(g[0], g[1], g[2]) for g in _found(_doc(["# SLA matrix"], [t]))}
    assert {
        ("resolution_time", "P1", 480),
        ("resolution_time", "P1", 240),
        ("resolution_time", "P2", 960),
    } <= got


def test_rest_without_its_partner_is_no_restoration():
    t = table(["Item", "Rest (h)"], [["Site visit", "8"]])
    assert [g for g in _found(_doc(["# Visits"], [t])) if g[0] == "resolution_time"] == []


@pytest.mark.parametrize("outer", ["(2)", "(3)"])
def test_a_nested_list_stands_under_the_item_that_introduces_it(tmp_path, outer):
    """A regulation: "(2) The Company shall restore the service within:" over "a) Class 1: 6
    hours;", though the article's first paragraph also ends "as follows:"."""
    from msp_select import ingest
    from tests import pdf_fixtures as fx

    items = [
        ("p", "Fault classes - Article 6 - (1) Faults are classified as follows: a) Class 1: a"),
        ("p", "fault that stops production; b) Class 2: a fault that affects a department."),
        ("p", f"{outer} The Company shall restore the service within:"),
        ("p", "a) Class 1: 6 hours;"),
        ("p", "b) Class 2: 2 working days."),
    ]
    doc = ingest.read_pdf(fx.flow_pdf(tmp_path / "n.pdf", [items]))
    got = {(g[0], g[1], g[2]) for g in _found(doc)}
    assert {("resolution_time", "P1", 360), ("resolution_time", "P2", 960)} <= got


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The zone fibre network is available %99,5 of each calendar month.", 99.5),
        ("The hosted platform is available % 99.9 of each month.", 99.9),
    ],
)
def test_a_percent_sign_before_the_figure_is_a_percentage(sentence, value):
    assert [(g[0], g[2]) for g in _found(_doc([sentence]))] == [("availability", value)]


@pytest.mark.parametrize(
    "label", ["Managed PC, if selected", "Managed PC where the Group pays half"]
)
def test_a_price_row_for_a_case_is_conditional(label):
    t = table(
        ["Item (EUR per month)", "Standard"],
        [[label, "21.50 per device"], ["Managed server", "190.00 per server"]],
    )
    got = {(g[2], g[4]) for g in _found(_doc(["# Fees"], [t])) if g[0] == "price"}
    assert got == {(21.5, "conditional"), (190, "binding")}


def test_a_cell_that_lists_later_lettered_levels_keeps_their_own_letters():
    """A compliance answer that starts at Category B ("Category B: 12 hours. Category C: 3
    business days. Category D: ...") ranks each by its letter, not B first."""
    scheme = table(
        ["Category", "Definition"],
        [
            ["A", "Production is stopped"],
            ["B", "A site is degraded"],
            ["C", "One user"],
            ["D", "Requests"],
        ],
    )
    answers = table(
        ["Ref", "Requirement", "Response"],
        [
            ["C1.2", "Category A incidents must be resolved within 4 hours.", "We resolve Category A within 6 hours."],
            ["C1.3", "State resolution times for Categories B, C and D.",
             "Category B: 12 hours. Category C: 3 business days. Category D: 10 business days."],
        ],
    )  # fmt: skip
    got = {
        (g[1], g[2])
        for g in _found(_doc(["# Compliance"], [scheme, answers]))
        if g[0] == "resolution_time"
    }
    assert {("P1", 360), ("P2", 720), ("P3", 1440)} <= got


@pytest.mark.parametrize(
    "sentence, hours",
    [
        ("A Critical call is answered by a live engineer on our duty desk at any hour.", "24x7"),
        (
            "Response times apply during working hours (9am - 5.30pm): P1 within 1 hour.",
            "business_hours",
        ),
    ],
)
def test_the_desk_answering_at_any_hour_is_still_its_hours(sentence, hours):
    assert _cover(_doc([sentence])) == [("helpdesk", hours, "binding")]


def test_a_basis_code_a_legend_defines_as_a_target_softens_its_row():
    """A spreadsheet's "Basis" column holds "C" or "T"; its legend sheet says what they mean."""
    matrix = table(
        ["Ref", "Service", "Level", "Basis"],
        [
            ["NET-01", "Availability of the core network", "99.9%", "C"],
            ["SD-02", "First-contact fix", ">= 70 %", "T"],
        ],
    )
    legend = table(
        ["#", "A Code", "B Meaning"],
        [["1", "C", "Commitment: contractual"], ["2", "T", "Target: reported monthly, no credit, not a contractual service level"]],
    )  # fmt: skip
    got = {(g[0], g[4]) for g in _found(_doc(["# Service catalogue"], [matrix, legend]))}
    assert got == {("availability", "binding"), ("first_contact_resolution", "soft")}


def test_a_table_of_codes_with_their_times_is_no_legend():
    """(A guard: "Code | Meaning | Picked up | Restored" ranks levels and gives their times.)"""
    t = table(
        ["Code", "Meaning", "Picked up", "Restored"],
        [["Code 1", "Practice cannot treat patients", "20 min", "3 hrs"], ["Code 2", "Part impaired", "45 min", "6 hrs"]],
    )  # fmt: skip
    got = {(g[0], g[1], g[2]) for g in _found(_doc(["# Service levels"], [t]))}
    assert ("response_time", "P2", 45) in got and ("resolution_time", "P2", 360) in got
