"""What a vendor commits to, read from sentences and table rows the way proposals write them."""

import dataclasses
from dataclasses import replace

import pytest

from msp_select import models
from msp_select.extract import extract_vendor
from tests.extract_helpers import document, found, table

CLOCKS = ("response_time", "resolution_time")

B, S, C, X = "binding", "soft", "conditional", "excluded"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # response and resolution, every way of naming a priority
        (
            # a reply promised at any hour is a desk that answers at any hour
            "We will acknowledge Severity 1 tickets within 10 minutes, 24/7.",
            [("response_time", "P1", 10, "minute"), ("support_hours", "helpdesk", None, "24x7")],
        ),
        (
            "Critical incidents: response in 15 mins, resolution in 4 hrs.",
            [("response_time", "P1", 15, "minute"), ("resolution_time", "P1", 240, "minute")],
        ),
        (
            "Priority 2 calls are responded to within one hour.",
            [("response_time", "P2", 60, "minute")],
        ),
        (
            "We respond to all tickets within two business hours.",
            [("response_time", "all", 120, "minute")],
        ),
        ("Our engineers will fix P1 faults within 4h.", [("resolution_time", "P1", 240, "minute")]),
        (
            "Urgent issues receive an engineer within half an hour.",
            [("response_time", "P1", 30, "minute")],
        ),
        ("Response to P1s: 15 minutes (guaranteed).", [("response_time", "P1", 15, "minute")]),
        (
            "Priority 1 and Priority 2 incidents will be responded to within 20 minutes.",
            [("response_time", "P1", 20, "minute"), ("response_time", "P2", 20, "minute")],
        ),
        (
            "Medium and low priority requests (P3 and P4) will be answered within four (4) business hours.",
            [("response_time", "P3", 240, "minute"), ("response_time", "P4", 240, "minute")],
        ),
        (
            "For Sev 3 requests, we will respond within 8 business hours and resolve within 3 business days.",
            [("response_time", "P3", 480, "minute"), ("resolution_time", "P3", 1440, "minute")],
        ),
        (
            "We guarantee a 4-hour fix for critical incidents.",
            [("resolution_time", "P1", 240, "minute")],
        ),
        (
            "Standard tickets are closed by the next business day.",
            [("resolution_time", "P3", 480, "minute")],
        ),
        (
            "We will respond within 15 minutes for P1 incidents.",
            [("response_time", "P1", 15, "minute")],
        ),
        (
            "Response times: P1 – 15 minutes; P2 – 1 hour; P4 – 1 business day.",
            [
                ("response_time", "P1", 15, "minute"),
                ("response_time", "P2", 60, "minute"),
                ("response_time", "P4", 480, "minute"),
            ],
        ),
        (
            "Our technicians will be on site within 4 hours.",
            [("response_time", "all", 240, "minute")],
        ),
        ("RTO – 2 hours", [("rto", "all", 120, "minute")]),
        ("Recovery Point Objective (RPO): 4 hours.", [("rpo", "all", 240, "minute")]),
        (
            "All critical vulnerabilities are remediated within 72 hours.",
            [("patch_window", "all", 3, "day")],
        ),
        (
            "A 90-day notice period applies to termination.",
            [("termination_notice", "all", 90, "day")],
        ),
        (
            "The agreement is for an initial period of 3 years.",
            [("contract_term", "all", 36, "month")],
        ),
        (
            "Our fee is $8,950 per month for the entire managed service.",
            [("price", "flat", 8950, "USD/month")],
        ),
        (
            "Quarterly, we will run a service review with your leadership.",
            [("review_cadence", "all", 90, "day")],
        ),
        (
            "We will provide monthly reporting and a quarterly service review.",
            [("review_cadence", "all", 90, "day")],
        ),
        (
            "We hold a service review every month and a quarterly executive steering meeting.",
            [("review_cadence", "all", 30, "day")],
        ),
        (
            "SLA credits: 5% per hour of downtime, capped at 25% of monthly fees.",
            [("service_credit", "all", 25, "percent")],
        ),
        ("Per-seat price: $110/user/month.", [("price", "per_user", 110, "USD/month")]),
        ("Fixed monthly fee of €9,800 (excl. VAT).", [("price", "flat", 9800, "EUR/month")]),
        ("Contract length: 3 years.", [("contract_term", "all", 36, "month")]),
        (
            "The agreement auto-renews annually unless 60 days notice is given.",
            [("termination_notice", "all", 60, "day")],
        ),
        ("Daily backups with a 24-hour RPO.", [("rpo", "all", 1440, "minute")]),
        ("An RTO of four hours applies to tier-1 systems.", [("rto", "all", 240, "minute")]),
        (
            "We resolve 80% of tickets on first contact.",
            [("first_contact_resolution", "all", 80, "percent")],
        ),
        # availability and credits
        (
            "Service availability of 99.95% is guaranteed each month.",
            [("availability", "all", 99.95, "percent")],
        ),
        ("We commit to an uptime SLA of 99.9 percent.", [("availability", "all", 99.9, "percent")]),
        (
            "Service credits are capped at 20% of the monthly charges.",
            [("service_credit", "all", 20, "percent")],
        ),
        (
            "You receive a credit of 5% of the monthly fee for each 0.1% shortfall, up to a maximum of 15% of the "
            "monthly fee.",
            [("service_credit", "all", 15, "percent")],
        ),
        # continuity and patching
        (
            "The RPO is 24 hours and the RTO is 8 hours.",
            [("rpo", "all", 1440, "minute"), ("rto", "all", 480, "minute")],
        ),
        ("At most one hour of data could be lost.", [("rpo", "all", 60, "minute")]),
        (
            "We will restore critical systems within 4 hours of a declared disaster.",
            [("rto", "all", 240, "minute")],
        ),
        (
            "Critical patches are deployed within 14 days of release.",
            [("patch_window", "all", 14, "day")],
        ),
        ("Security updates are applied within 48 hours.", [("patch_window", "all", 2, "day")]),
        # money
        (
            "Total monthly fee of $12,400, fixed for the term.",
            [("price", "flat", 12400, "USD/month")],
        ),
        ("Annual fee: $120,000 per annum.", [("price", "flat", 10000, "USD/month")]),
        ("Pricing is £45 per user per month.", [("price", "per_user", 45, "GBP/month")]),
        ("Servers are €25 per server per month.", [("price", "per_device", 25, "EUR/month")]),
        ("Ad-hoc work is charged at $125/hour.", [("price", "hourly", 125, "USD/hour")]),
        ("A one-time setup fee of $2,000 applies.", [("price", "onboarding", 2000, "USD")]),
        # terms and governance
        ("The contract term is three years.", [("contract_term", "all", 36, "month")]),
        ("The minimum commitment is 24 months.", [("contract_term", "all", 24, "month")]),
        (
            "Either party may cancel with 30 days written notice.",
            [("termination_notice", "all", 30, "day")],
        ),
        ("We hold quarterly business reviews.", [("review_cadence", "all", 90, "day")]),
        ("Account reviews take place every two weeks.", [("review_cadence", "all", 14, "day")]),
        (
            "We meet with each client every six months to review the service.",
            [("review_cadence", "all", 180, "day")],
        ),
        ("Onboarding will take 6 weeks.", [("onboarding_duration", "all", 42, "day")]),
        (
            "Implementation completes within 45 days of signature.",
            [("onboarding_duration", "all", 45, "day")],
        ),
        (
            "We will resolve at least 65% of calls at first contact.",
            [("first_contact_resolution", "all", 65, "percent")],
        ),
        ("Our customer satisfaction score will stay above 92%.", [("csat", "all", 92, "percent")]),
    ],
)
def test_commitments_in_prose(sentence, expected):
    got = [(c, s, v, u) for c, s, v, u, _, _ in found(sentence)]
    assert got == [(c, s, pytest.approx(v), u) for c, s, v, u in expected]


@pytest.mark.parametrize(
    "sentence, cover, hours",
    [
        ("Our help desk is available 24/7/365.", "helpdesk", "24x7"),
        ("Our helpdesk operates 24 hours a day, 7 days a week.", "helpdesk", "24x7"),
        ("The NOC provides round-the-clock monitoring.", "noc", "24x7"),
        ("Support is available Monday to Friday, 8am to 6pm.", "helpdesk", "business_hours"),
        ("The service desk is open during business hours only.", "helpdesk", "business_hours"),
        ("On-site visits are available during business hours.", "onsite", "business_hours"),
        ("On-site attendance outside the hours above is at the hourly rate.", "onsite", "24x7"),
        ("Site visits outside our contracted hours are charged extra.", "onsite", "24x7"),
        ("We do not provide on-site support on weekends or holidays.", "onsite", "24x7"),
        ("The service desk is not staffed at night.", "helpdesk", "24x7"),
        (
            "Our service desk answers calls 24 hours a day, 7 days a week, from our operations "
            "centre in Horsham.",
            "helpdesk",
            "24x7",
        ),
    ],
)
def test_support_hours(sentence, cover, hours):
    assert [(c, s, v, u) for c, s, v, u, _, _ in found(sentence)] == [
        ("support_hours", cover, None, hours)
    ]


def test_two_covers_in_one_sentence():
    got = found(
        "Senior engineers staff our helpdesk 24x7 and our NOC watches your environment around the clock."
    )
    assert {(s, u) for _, s, _, u, _, _ in got} == {("helpdesk", "24x7"), ("noc", "24x7")}


@pytest.mark.parametrize(
    "sentence, strength",
    [
        ("We will respond to P1 incidents within 15 minutes.", B),
        ("Acme shall respond to P1 incidents within 15 minutes.", B),
        ("We aim to respond to P1 incidents within 15 minutes.", S),
        ("We typically respond to P1 incidents within 15 minutes.", S),
        ("Our target is to respond to P1 incidents within 15 minutes.", S),
        ("We endeavour to respond to P1 incidents within 15 minutes.", S),
        ("Subject to staff availability, we respond to P1 incidents within 15 minutes.", C),
    ],
)
def test_strength(sentence, strength):
    ((_, _, _, _, got, _),) = found(sentence)
    assert got == strength


@pytest.mark.parametrize(
    "sentence",
    [
        "Service levels do not carry service credits.",
        "No service credits are offered under this agreement.",
        "Our service levels do not include financial credits.",
        "We do not offer service credits.",
    ],
)
def test_excluded_credits(sentence):
    assert found(sentence) == [("service_credit", "all", None, "percent", X, "provider")]


def test_each_clause_keeps_its_own_strength():
    got = found("Our goal is to respond within 30 minutes and we will resolve within 4 hours.")
    assert [(c, st) for c, _, _, _, st, _ in got] == [("response_time", S), ("resolution_time", B)]


def test_labelled_parts_of_a_line_keep_their_own_strength():
    got = found(
        "Severity Level 1 (Critical) – Initial Response: 30 Minutes – Target Resolution: 4 Hours"
    )
    assert [(c, s, st) for c, s, _, _, st, _ in got] == [
        ("response_time", "P1", B),
        ("resolution_time", "P1", S),
    ]


def test_second_clause_without_a_verb_inherits_the_sentence_strength():
    got = found("We typically respond within 30 minutes, and resolution within 4 hours.")
    assert [st for *_, st, _ in got] == [S, S]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Client shall respond to requests within one business day.",
        "Harbor Point shall respond to our requests for information within one business day.",
        "You will respond to our change approval requests within one business day.",
    ],
)
def test_client_obligation(sentence):
    assert found(sentence) == [("response_time", "all", 480, "minute", B, "client")]


def test_client_obligation_under_a_client_heading():
    got = found(
        "Respond to provider queries within 1 business day.", heading="Client responsibilities"
    )
    assert got == [("response_time", "all", 480, "minute", B, "client")]


def test_semicolon_starts_a_new_statement():
    got = found("On-site support is not included; remote response within 1 hour.")
    assert got == [("response_time", "all", 60, "minute", B, "provider")]


DISTRACTORS = [
    "Last year we averaged 99.99% uptime.",
    # a ticket closed for want of the client's confirmation is no resolution time
    "Incidents that the Customer has not confirmed as Resolved within five (5) Working Days of "
    "the Supplier's notice shall be closed.",
    "Unconfirmed tickets will be closed after 3 business days.",
    "Requests you do not reply to within ten days are closed.",
    # a contract's estimated or total value is arithmetic over the prices, no price itself
    "Estimated contract value for evaluation, with 456 workstations: NOK 4 003 200,00 a year.",
    "The total contract value is EUR 240,000 over three years.",
    "Our average P1 response across all customers last quarter was 11 minutes.",
    "Industry surveys put the average first response at closer to two hours.",
    "You asked for Priority 1 incidents to receive a response within 30 minutes.",
    "Your RFP requires 99.9% availability.",
    "Response time: the time between a ticket being logged and an engineer starting work on it.",
    "Invoices are issued monthly in advance and are payable within 30 days.",
    "This proposal is valid for 90 days.",
    "Valid for 60 days from the date of issue.",
    "Our lead engineer has 14 years of experience with warehouse systems.",
    "Our service desk analysts complete 120 hours of training before they take their first call.",
    "Today 64 engineers manage more than 9,500 endpoints.",
    "We were founded in 1998 and employ 150 staff.",
    "Late payments accrue interest at 1.5% per month.",
    "Fees are reviewed annually in line with CPI, capped at 4%.",
    "Each party's aggregate liability is capped at the fees paid in the 12 months preceding the claim.",
    "Confidentiality obligations survive termination for 5 years.",
    "Within 9 months its average resolution time fell from 11 hours to 3 hours.",
    "First-contact resolution rose from 41% to 68%.",
    "Case study: a freight forwarder reached 99.97% availability with us.",
    "Their previous provider answered P1 calls in 2 hours.",
    "We cut its monthly ticket volume by 35%, saving an estimated $48,000 a year.",
    "Staff turnover in our service desk was 8% last year, against an industry figure of around 30%.",
    "Unresolved P1 incidents are escalated to a senior engineer after 30 minutes.",
    "After hours, calls are answered by our first-line team the next business day.",
    "This agreement renews automatically for further 12-month terms.",
    "We provide up to 60 days of transition assistance on exit.",
    "Meridian earns a performance bonus of 3% of the quarterly fee when every service level is met.",
    "Our customers report 98% satisfaction.",
    "In 2023 we resolved 92% of tickets at first contact.",
    "Our team resolved a ransomware outage within 6 hours for a client last year.",
    "Typical industry response is 4 hours.",
    "Backups are retained for 30 days.",
    "Pricing assumes 120 users, 150 devices, 2 offices and 3 warehouses.",
    "In our experience, 20% of causes produce 80% of tickets.",
    "Each month you receive a report of every service-level measurement.",
    "Changes follow a change-management process with a fortnightly change window.",
    "Page 4 of 12",
    "Work outside business hours is billed at 1.5 times the hourly rate.",
    "Availability: the percentage of the month in which a service can be used as intended.",
    "We offer a 30-day money-back guarantee.",
    "We do not guarantee resolution times.",
    "Fees are reviewed annually.",
    "We have maintained 99.99% uptime for 36 consecutive months.",
    "Gartner estimates that 60% of MSP contracts lack meaningful credits.",
    "Sample report: P1 tickets responded within 14 minutes (target 15).",
    "Onboarding for a previous client took 45 days.",
    "Across our client base, median P1 response in 2025 was 9 minutes.",
    "According to the RFP, the client requires a 4-hour resolution for critical incidents.",
    "A 2% early payment discount applies if paid within 10 days.",
    "Price increases are limited to 3% per year.",
    "Log files are kept for 90 days.",
    "Passwords are reviewed every 90 days.",
    "The hospital asked in its RFP for a first response within 30 minutes, resolution within four hours, "
    "and a recovery point of no more than one hour.",
    "Prices are fixed for the first 24 months; thereafter increases are limited to 3 percent a year.",
    "Your tender specified that critical systems be restored within 8 hours, with 99.9% availability.",
    "In practice our engineers pick up most calls in under ten minutes.",
    "In reality most P2 tickets are closed within a day.",
    "By comparison, a typical regional MSP offers a 60-minute P1 response and 99.5% availability.",
    "Metropolitan providers commonly quote 99.5% and a two-hour response for the same work.",
    "The racks are hosted by Bendigo DC Pty Ltd, whose facility agreement guarantees 99.999%.",
    "If we miss Sev-1 or Sev-2 response times in a month, you receive a credit.",
    "4.2 Example. With a monthly fee of A$20,580.00, the credit would be A$2,058.00.",
    "RFP 4.3: The Contractor shall respond to Severity 1 incidents within one (1) hour.",
    "Requirement 7: Availability of at least 99.9% per month.",
    "Response: Project work is warranted for 90 days after acceptance.",
    "Our 2025 client satisfaction score was 96%, and we resolved 78% of calls on first contact.",
    "The platform runs on Amazon Web Services, whose regional SLA is 99.99%.",
    "Annual not-to-exceed amount: $1,100,000.",
    "Every engineer passes a fingerprint-based background check, normally completed within ten "
    "business days.",
    "4.3 Worked example: with 60 minutes of Downtime, Availability is 99.86% and the credit is 7%.",
    "The platform runs in Azure UK South, for which Microsoft publishes a 99.99% SLA.",
    "Every change is presented to a Change Advisory Board of both parties that meets weekly.",
    "Indicative example: with 230 users the monthly fee would be about EUR 38.530.",
]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Our helpdesk answers calls 24 hours a day, 7 days a week, including holidays.",
            [("support_hours", "helpdesk", None, "24x7", "binding", "provider")],
        ),
        (
            "Engineers take calls 24 hours a day, 365 days a year at the service desk.",
            [("support_hours", "helpdesk", None, "24x7", "binding", "provider")],
        ),
        (
            "Service desk: 0700-1800 PT, M-F.",
            [("support_hours", "helpdesk", None, "business_hours", "binding", "provider")],
        ),
        (
            "The NOC is staffed 0000-2400 every day.",
            [("support_hours", "noc", None, "24x7", "binding", "provider")],
        ),
        ("The help desk ran from 2019-2021 at this site.", []),
        (
            "Red incidents on site - any day, any hour",
            [("support_hours", "onsite", None, "24x7", "binding", "provider")],
        ),
        (
            "Engineer visits any hour, any day for outages.",
            [("support_hours", "onsite", None, "24x7", "binding", "provider")],
        ),
    ],
)
def test_round_the_clock_cover_is_not_a_duration(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence", DISTRACTORS)
def test_distractors_yield_nothing(sentence):
    assert found(sentence) == []


def test_rto_and_rpo_names_are_not_soft_wording():
    got = found("Recovery time objective: 1 hour. Recovery point objective: 15 minutes.")
    assert [(c, st) for c, _, _, _, st, _ in got] == [("rto", B), ("rpo", B)]


def test_frequency_of_a_measure_is_not_a_review_cadence():
    assert [c for c, *_ in found("We guarantee to meet a 99.5% monthly uptime target.")] == [
        "availability"
    ]


def test_missing_spacy_model_is_a_clear_input_error():
    from msp_select.errors import InputError
    from msp_select.extract.nlp import build_nlp

    with pytest.raises(InputError, match="not installed"):
        build_nlp("no_such_model_xyz")


def test_sla_table_with_target_column_and_note():
    t = table(
        ["Severity", "Response time", "Resolution target"],
        [["Severity 1", "1 hour", "6 hours"], ["Sev 2 (High)", "2 hours", "next business day"]],
    )
    assert found(tables=(t,)) == [
        ("response_time", "P1", 60, "minute", B, "provider"),
        ("resolution_time", "P1", 360, "minute", S, "provider"),
        ("response_time", "P2", 120, "minute", B, "provider"),
        ("resolution_time", "P2", 480, "minute", S, "provider"),
    ]


def test_table_note_makes_a_column_soft():
    t = table(
        ["Priority", "Response", "Resolution"],
        [["P1 - Critical", "30 minutes", "4 hours"]],
        page=1,
        top=10,
    )
    got = found("Response times are contractual; resolution figures are targets.", tables=(t,))
    assert [(c, st) for c, _, _, _, st, _ in got] == [("response_time", B), ("resolution_time", S)]


def test_row_label_gives_scope_and_header_gives_category():
    t = table(
        ["Priority", "Acknowledge", "Restore"],
        [["Critical", "15 min", "4 hrs"], ["Low", "1 business day", "10 business days"]],
    )
    assert [(c, s, v) for c, s, v, *_ in found(tables=(t,))] == [
        ("response_time", "P1", 15),
        ("resolution_time", "P1", 240),
        ("response_time", "P4", 480),
        ("resolution_time", "P4", 4800),
    ]


def test_price_table_with_unit_column():
    t = table(
        ["Service", "Unit", "Price"],
        [
            ["Managed seat", "per user per month", "$135.00"],
            ["Server management", "per server / month", "$95"],
            ["Project onboarding", "one-time", "$6,000"],
            ["Additional engineering", "per hour", "$150.00"],
        ],
    )
    assert [(s, v, u) for _, s, v, u, *_ in found(tables=(t,))] == [
        ("per_user", 135, "USD/month"),
        ("per_device", 95, "USD/month"),
        ("onboarding", 6000, "USD"),
        ("hourly", 150, "USD/hour"),
    ]


def test_price_table_currency_and_period_in_header():
    t = table(["Item", "Monthly fee"], [["Per user", "£80"], ["Per endpoint", "£10"]])
    assert [(s, v, u) for _, s, v, u, *_ in found(tables=(t,))] == [
        ("per_user", 80, "GBP/month"),
        ("per_device", 10, "GBP/month"),
    ]


@pytest.mark.parametrize(
    "header, period",
    [
        (["Line item", "Unit", "Qty", "Unit price (RM)", "Monthly (RM)"], "MYR/month"),
        (["Line item", "Unit", "Qty", "Unit price (EUR)", "Monthly cost (EUR)"], "EUR/month"),
        (["Line item", "Unit", "Qty", "Rate (USD)", "Monthly amount (USD)"], "USD/month"),
        (["Line item", "Unit", "Qty", "Rate (AED)", "Per month (AED)"], "AED/month"),
    ],
)
def test_a_unit_price_is_charged_per_the_period_of_the_line_amount_it_makes(header, period):
    """'Unit price' beside 'Monthly': qty x unit price is the month's charge, so the unit
    price is monthly; a one-time line stays one-off, the line amounts are no prices."""
    rows = [
        ["DEV Managed device", "device", "610", "76.00", "46,360.00"],
        ["ONB Onboarding and discovery (one-time)", "once", "1", "24,000.00", "-"],
    ]
    got = [(s, v, u) for _, s, v, u, *_ in found(tables=(table(header, rows),))]
    assert got == [("per_device", 76, period), ("onboarding", 24000, period.split("/")[0])]


def test_key_value_table():
    t = table(
        ["Metric", "Commitment"],
        [["Availability", "99.9%"], ["Recovery point objective", "15 minutes"]],
    )
    assert [(c, v) for c, _, v, *_ in found(tables=(t,))] == [("availability", 99.9), ("rpo", 15)]


def test_contents_table_yields_nothing():
    assert (
        found(tables=(table(["Section", "Page"], [["Service levels", "4"], ["Pricing", "12"]]),))
        == []
    )


def test_repeated_commitment_reported_once_with_every_source():
    body = document("We guarantee 99.9% availability.")
    appendix = models.Document(
        "v.pdf",
        "0" * 64,
        9,
        (models.Block("We guarantee 99.9% availability.", 9, (0, 0, 1, 1)),),
        (),
    )
    doc = models.Document("v.pdf", "0" * 64, 9, body.blocks + appendix.blocks, ())
    (c,) = extract_vendor("v", [doc]).commitments
    assert c.source.page == 1 and [s.page for s in c.also_in] == [9]


def test_quote_and_source_point_at_the_sentence():
    doc = document("We are proud of our team. We will respond to P1 incidents within 15 minutes.")
    (c,) = extract_vendor("v", [doc]).commitments
    assert c.quote == "We will respond to P1 incidents within 15 minutes."
    assert (c.source.file, c.source.page, c.source.kind) == ("v.pdf", 1, "text")


def test_output_is_deterministic_and_sorted():
    docs = [
        document("Term: 36 months.", "We guarantee 99.9% uptime.", file="b.pdf"),
        document("We respond to P1 calls within 15 minutes.", file="a.pdf"),
    ]
    one = extract_vendor("v", docs)
    two = extract_vendor("v", list(reversed(docs)))
    assert one == two
    assert [c.source.file for c in one.commitments] == ["a.pdf", "b.pdf", "b.pdf"]
    assert [d.file for d in one.documents] == ["a.pdf", "b.pdf"]


def test_price_columns_name_the_scope():
    t = table(
        ["Plan", "Per user / month", "Per device / month", "Setup (one-time)"],
        [["Essentials", "$95", "$25", "$1,500"]],
    )
    assert [(s, v, u) for _, s, v, u, *_ in found(tables=(t,))] == [
        ("per_user", 95, "USD/month"),
        ("per_device", 25, "USD/month"),
        ("onboarding", 1500, "USD"),
    ]


def test_credit_tiers_give_one_credit_the_largest_and_no_extra_availability():
    tiers = table(
        ["Monthly availability", "Service credit"],
        [
            ["below 99.95% but at least 99.5%", "5% of the monthly fee"],
            ["between 99.0% and 99.5%", "10% of the monthly fee"],
            ["below 99.0%", "20% of the monthly fee"],
        ],
    )
    got = found("We guarantee 99.95% availability of the managed servers.", tables=(tiers,))
    assert ("availability", "all", 99.95, "percent", "binding", "provider") in got
    assert [g for g in got if g[0] == "availability"] == [
        ("availability", "all", 99.95, "percent", "binding", "provider")
    ]
    assert [g[2] for g in got if g[0] == "service_credit"] == [20.0]


@pytest.mark.parametrize(
    "sentence",
    [
        "If availability falls below 99.5% in a month, a credit of 5% of the monthly fee applies.",
        "Where uptime is less than 99 percent, we credit 10% of the fee.",
    ],
)
def test_a_credit_trigger_is_not_an_availability_commitment(sentence):
    assert not [g for g in found(sentence) if g[0] == "availability"]


@pytest.mark.parametrize(
    "sentence, days",
    [
        (
            "The agreement renews for a further 36 months unless cancelled in writing at least 120 days before expiry.",
            120,
        ),
        (
            "Either party may give notice of non-renewal no later than ninety (90) days before the end of the term.",
            90,
        ),
        (
            "Thereafter the Agreement renews automatically for successive twelve (12) month periods unless either party "
            "gives written notice of non-renewal at least ninety (90) days before the end of the then-current term.",
            90,
        ),
        (
            "After the first twelve months, the Client may terminate for convenience on sixty (60) days' written notice.",
            60,
        ),
    ],
)
def test_notice_before_expiry_is_the_termination_notice(sentence, days):
    got = found(sentence)
    assert [g[2] for g in got if g[0] == "termination_notice"] == [days]
    assert not [g for g in got if g[0] == "contract_term" and g[2] != 36]


@pytest.mark.parametrize(
    "sentence",
    [
        "At the end of the 36 months the agreement renews for successive periods of 12 months"
        " unless either party gives notice of termination.",
        "Either party may give notice of termination at the expiry of the initial 24 months.",
    ],
)
def test_the_end_of_the_term_is_no_notice_period(sentence):
    """The notice is there, its length is not: the months the sentence names end the term."""
    assert [g for g in found(sentence) if g[0] == "termination_notice"] == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Our service manager will meet quarterly with your leadership.",
            ("review_cadence", "all", 90.0, "day"),
        ),
        (
            "We will restore critical systems within four (4) hours of a declared disaster.",
            ("rto", "all", 240.0, "minute"),
        ),
        (
            "Backups run every hour: we shall restore data to a recovery point no older than one (1) hour, and shall "
            "restore critical systems within four (4) hours of a declared disaster.",
            ("rto", "all", 240.0, "minute"),
        ),
    ],
)
def test_other_phrasings_of_cadence_and_recovery(sentence, expected):
    assert expected in [g[:4] for g in found(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "\u2022 On-site support: an engineer will be on site Monday to Friday, 07:00 to 18:00, within the business "
            "hours defined in Appendix A.",
            ("support_hours", "onsite", None, "business_hours"),
        ),
    ],
)
def test_a_reference_to_a_definition_is_not_a_definition(sentence, expected):
    assert expected in [g[:4] for g in found(sentence)]


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Emergency after-hours call-outs are billed at USD 180 per hour.", 180.0),
        ("Out-of-hours engineering is charged at $225 per hour.", 225.0),
    ],
)
def test_after_hours_rates_are_hourly_prices(sentence, value):
    assert ("price", "hourly", value, "USD/hour") in [g[:4] for g in found(sentence)]


def test_after_hours_ticket_logging_is_not_a_response_time():
    assert (
        found(
            "After hours, calls are answered by our first-line team, who log the ticket for an engineer "
            "the next business day."
        )
        == []
    )


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Our monthly fee for 150 users is $18,750.", ("price", "flat", 18750.0, "USD/month")),
        (
            "Managed services for 200 devices cost $9,000 per month.",
            ("price", "flat", 9000.0, "USD/month"),
        ),
        (
            "Pricing: $95 per seat/month for all 150 staff.",
            ("price", "per_user", 95.0, "USD/month"),
        ),
        ("Account reviews take place twice a year.", ("review_cadence", "all", 180.0, "day")),
    ],
)
def test_counts_and_cadences_in_other_words(sentence, expected):
    assert expected in [g[:4] for g in found(sentence)]


def test_each_table_cell_has_its_own_strength():
    sla = table(
        ["Priority", "We will respond within", "Resolution"],
        [
            ["P3", "4 business hours", "2 business days"],
            ["P4", "2 business days", "best effort"],
        ],
    )
    got = found(tables=(sla,))
    assert ("response_time", "P4", 960.0, "minute", "binding", "provider") in got
    assert ("resolution_time", "P3", 960.0, "minute", "binding", "provider") in got


def test_a_row_label_can_qualify_its_row():
    rows = table(["Measure", "Value"], [["Resolution of P1 incidents (target only)", "4 hours"]])
    assert ("resolution_time", "P1", 240.0, "minute", "soft", "provider") in found(tables=(rows,))


@pytest.mark.parametrize(
    "sentence, expected, absent",
    [
        (
            "Provided that the client keeps a hardware support contract, hardware faults will be fixed within 1 business "
            "day.",
            ("resolution_time", "all", 480.0, "minute", "conditional", "provider"),
            None,
        ),
        (
            "Emergency response within 1 hour is available at an additional charge of $250 per incident.",
            ("response_time", "all", 60.0, "minute", "conditional", "provider"),
            ("price", "hourly"),
        ),
        (
            "Our service desk is open from 7 a.m. to 7 p.m., Monday through Friday.",
            ("support_hours", "helpdesk", None, "business_hours", "binding", "provider"),
            None,
        ),
    ],
)
def test_conditions_durations_and_opening_hours(sentence, expected, absent):
    got = found(sentence)
    assert expected in got
    if absent:
        assert absent not in [g[:2] for g in got]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Our client manager meets Harbour Foods' IT manager monthly.", [30]),
        ("Each quarter our director meets Ms Tan to review the service.", [90]),
        ("The service meets ISO 27001 and the standard is renewed yearly.", []),
    ],
)
def test_a_meeting_with_someone_named_is_a_review(sentence, expected):
    assert [v for c, _, v, *_ in found(sentence) if c == "review_cadence"] == expected


def test_an_observed_figure_beside_a_promised_one_keeps_only_the_promise():
    got = found(
        "In practice we answer most calls within ten minutes, "
        "but our response time commitment is 30 minutes."
    )
    assert [(c, v) for c, _, v, *_ in got] == [("response_time", 30)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("During a Sev-1 we respond within 15 minutes.", ("response_time", "P1", 15)),
        ("Sev-2s are answered within 1 hour.", ("response_time", "P2", 60)),
        ("Prio-1 calls get a response inside 10 minutes.", ("response_time", "P1", 10)),
        ("3.2 Response. Within 15 minutes for Sev-1 tickets.", ("response_time", "P1", 15)),
        (
            "If the hosted platform is lost we will restore it within 6 hours.",
            ("rto", "all", 360),
        ),
        ("We lose at most 15 minutes of patient data.", ("rpo", "all", 15)),
        (
            "Unlike most providers, we guarantee a 15-minute P1 response.",
            ("response_time", "P1", 15),
        ),
        (
            "Compared with other MSPs, we answer P1 calls within 15 minutes.",
            ("response_time", "P1", 15),
        ),
        ("Onboarding is completed within a month.", ("onboarding_duration", "all", 30)),
        # ordinal grades and levels counted in words
        (
            "For every First-degree Incident we restore the service within 4 hours.",
            ("resolution_time", "P1", 240),
        ),
        ("A second-grade fault is answered within 2 hours.", ("response_time", "P2", 120)),
    ],
)
def test_other_ways_of_naming_levels_recovery_and_competitors(sentence, expected):
    assert [(c, s, v) for c, s, v, *_ in found(sentence)] == [expected]


def test_a_run_in_title_addressed_to_the_client_makes_the_paragraph_the_clients():
    got = found(
        "3.6 Your part. During a Sev-1 a named contact answers our engineers within 1 business hour."
    )
    assert [(c, s, v, p) for c, s, v, _, _, p in got] == [("response_time", "P1", 60, "client")]


def test_ten_hours_of_project_work_is_not_a_recovery_point():
    assert found("Up to 10 hours of project work per month are included.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The initial term is three (3) years with two (2) one-year options.",
        "Initial term: three (3) years, with two (2) optional one-year renewals.",
        "The base period is 36 months, plus two 12-month option periods.",
    ],
)
def test_option_periods_are_not_the_term(sentence):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == [("contract_term", 36)]


def test_an_answer_label_names_no_category_but_the_answer_still_does():
    got = found("Response: We respond to Severity 1 incidents within 30 minutes.")
    assert [(c, s, v) for c, s, v, *_ in got] == [("response_time", "P1", 30)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Our service levels assume that the customer names a contact who answers our calls "
            "within one business day.",
            ("response_time", "all", 480, "client"),
        ),
        (
            "The customer's designated contact shall answer our calls within fifteen (15) minutes.",
            ("response_time", "all", 15, "client"),
        ),
        (
            "For a Sev 1 ticket the customer must give our engineer remote access within 1 hour "
            "of being asked.",
            ("response_time", "P1", 60, "client"),
        ),
        (
            "Attendance at the Customer's premises shall be provided during Business Hours.",
            ("support_hours", "onsite", None, "provider"),
        ),
        (
            "Our engineers return all calls within 30 minutes.",
            ("response_time", "all", 30, "provider"),
        ),
    ],
)
def test_the_client_named_by_possession_or_assumption_and_responses_to_a_request(
    sentence, expected
):
    assert [(c, s, v, p) for c, s, v, _, _, p in found(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "We respond within 15 minutes to P1 and within 1 hour to P2.",
            [("response_time", "P1", 15), ("response_time", "P2", 60)],
        ),
        (
            "Response: 15 minutes for P1, 1 hour for P2.",
            [("response_time", "P1", 15), ("response_time", "P2", 60)],
        ),
        ("Response: Within 30 minutes.", [("response_time", "all", 30)]),
        ("Response: Recovery point objective: 15 minutes.", [("rpo", "all", 15)]),
        ("Response: Project work is warranted for 90 days after acceptance.", []),
        (
            "P2 incidents slow a team down. We answer them within 1 hour.",
            [("response_time", "P2", 60)],
        ),
        (
            "P1 incidents stop a whole site. Availability is 99.9%.",
            [("availability", "all", 99.9)],
        ),
    ],
)
def test_which_priority_a_figure_belongs_to_and_answer_labels(sentence, expected):
    assert [(c, s, v) for c, s, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "That's £4,500 one-off + VAT to get started, then £36.00 pupm for support.",
            [("price", "onboarding", 4500, "GBP"), ("price", "per_user", 36, "GBP/month")],
        ),
        ("Managed service: A$1,250.00 p.m.", [("price", "flat", 1250, "AUD/month")]),
        ("Ad hoc engineering: £95 p/h.", [("price", "hourly", 95, "GBP/hour")]),
        (
            "95% of P1 tickets are responded to within 30 mins.",
            [("response_time", "P1", 30, "minute")],
        ),
        (
            "We will resolve at least 70% of calls at first contact.",
            [("first_contact_resolution", "all", 70, "percent")],
        ),
    ],
)
def test_abbreviated_bases_and_shares_of_tickets(sentence, expected):
    assert [(c, s, v, u) for c, s, v, u, *_ in found(sentence)] == expected


def test_conditions_naming_effects_rank_in_the_order_written():
    got = found(
        "If a line is stopped or the ERP is down, we're on it within 30 mins and we will have "
        "you back up and running within 4hrs. If a team can't work properly we'll respond within "
        "2hrs and fix it by NBD. Everything else gets a same day response and is fixed within 3 WD."
    )
    assert [(c, s, v) for c, s, v, *_ in got] == [
        ("response_time", "P1", 30),
        ("resolution_time", "P1", 240),
        ("response_time", "P2", 120),
        ("resolution_time", "P2", 480),
        ("response_time", "P3", 480),
        ("resolution_time", "P3", 1440),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # times that shrink are no ranking of effects
        "If a site is down we respond within 4 hours. If one user is affected we respond within "
        "30 minutes.",
        # conditions that name no effect
        "If you call before noon we respond within 2 hours. If you email we respond within 4 hours.",
    ],
)
def test_conditions_that_do_not_rank_leave_the_scope_open(sentence):
    assert {s for _, s, *_ in found(sentence)} == {"all"}


@pytest.mark.parametrize(
    "levels, sentence, expected",
    [
        # a recovery clause naming one of the document's levels, hyphenated as an adjective
        # before its noun, is that level's restoration
        ("We sort every call into one of three piles. Drop everything: a branch is down. "
         "Today: people can work around it. This week: one person.",
         "For a drop-everything problem we will have you back up and running within 4 hours.",
         ("resolution_time", "P1", 240.0)),
        ("We use three levels. Branch down: a branch cannot open. Degraded: it is slow. One "
         "user: one person is stuck.",
         "Every branch-down incident is back up and running within 6 hours.",
         ("resolution_time", "P1", 360.0)),
        # a recovery clause naming no level is the recovery time
        ("Drop everything: a branch is down. This week: one person.",
         "If a server dies completely, we'll have it back up and running within 2 days.",
         ("rto", "all", 2880.0)),
    ],
)  # fmt: skip
def test_recovery_for_a_named_level_is_its_restoration(levels, sentence, expected):
    assert [(c, s, v) for c, s, v, *_ in found(levels, sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Here's our promise on picking up: within 15 minutes.", [("response_time", 15.0)]),
        ("We pick up the phone within 2 minutes of a call.", [("response_time", 2.0)]),
        ("Service requests have a fulfilment target of 5 business days.", [("resolution_time", 2400.0)]),
    ],
)  # fmt: skip
def test_picking_up_answers_and_fulfilment_resolves(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the most one could lose is a bound, no hedge
        ("We back up twice a day, so the most you could ever lose is twelve hours' changes.",
         [("rpo", 720.0, "binding")]),
        ("Restores could take up to 8 hours.", [("resolution_time", 480.0, "soft")]),
        ("We'll have everything set up in under four weeks from the day you say yes.",
         [("onboarding_duration", 28.0, "binding")]),
        # a new starter's account is no onboarding of the service
        ("New starters are set up within 2 working days.", []),
        # a dead server had back is a recovery; a laptop back to its user is no such thing
        ("If a server dies completely, we'll have it back within two working days.",
         [("rto", 960.0, "binding")]),
        ("We will have the laptop back to you within 3 days.", []),
    ],
)  # fmt: skip
def test_plain_words_for_data_loss_and_setting_up(sentence, expected):
    assert [(c, v, st) for c, _, v, _, st, _ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the figure a vendor offers "rather than" or "in place of" another is its offer alone
        ("Deviation 3 - Section 7.1: we offer 99.5% availability rather than the 99.9% requested.",
         [("availability", 99.5)]),
        ("Contractor proposes ninety (90) days' notice of termination in place of thirty (30) days.",
         [("termination_notice", 90.0)]),
        ("We will fix P1 faults in 4 hours instead of 8 hours.", [("resolution_time", 240.0)]),
        # an optional line the vendor does not bid
        ("Optional item B-4, after-hours field support at $175 per hour: not bid.", []),
    ],
)  # fmt: skip
def test_exceptions_and_items_not_bid(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a service "not offered" is ruled out; a plan "not offered" is only set aside
        ("24x7 monitoring is not offered.", [("support_hours", "noc", "24x7", "excluded")]),
        ("Monitoring runs 0600-2000 daily; 24x7 monitoring is not offered.",
         [("support_hours", "noc", "business_hours", "binding"),
          ("support_hours", "noc", "24x7", "excluded")]),
        ("On-site support outside business hours is not offered.",
         [("support_hours", "onsite", "24x7", "excluded")]),
        ("Bronze is not offered to firms of your size.", []),
        ("Campus Lite has no overnight monitoring and is not offered to the Trust.", []),
        ("Our entry plan with a business-hours desk is not offered here.", []),
    ],
)  # fmt: skip
def test_a_service_not_offered_is_excluded_and_a_plan_not_offered_set_aside(sentence, expected):
    assert [(c, s, u, st) for c, s, _, u, st, _ in found(sentence)] == expected


def test_back_up_and_running_after_a_site_failure_is_still_recovery():
    got = found("If the data centre fails, the ERP is back up and running within 4 hours.")
    assert [(c, v) for c, _, v, *_ in got] == [("rto", 240)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Code 1 calls are picked up by an engineer inside of 20 minutes.",
            ("response_time", "P1", 20),
        ),
        (
            "Where possible we restore a failed server within eight hours, typically sooner.",
            ("rto", "all", 480),
        ),
        ("A full restore is completed inside of twelve hours.", ("rto", "all", 720)),
    ],
)
def test_codes_name_levels_and_restoring_a_failed_server_is_recovery(sentence, expected):
    assert [(c, s, v) for c, s, v, *_ in found(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a restore in a sentence that names a disaster is the recovery time
        (
            "In a disaster, a complete hosted service can be restored within 8 hours.",
            [("rto", "all", 480)],
        ),
        (
            "Should a server fail completely, we will restore it to service within 6 hours.",
            [("rto", "all", 360)],
        ),
        ("If a server is lost we restore it within 6 hours.", [("rto", "all", 360)]),
        # a fix for a priority, or a failed part, is no disaster
        ("P1 incidents are restored within 4 hours.", [("resolution_time", "P1", 240)]),
        (
            "In a disaster P1 incidents are still restored within 4 hours.",
            [("resolution_time", "P1", 240)],
        ),
        (
            "Service is restored within 8 hours of a reported fault.",
            [("resolution_time", "all", 480)],
        ),
    ],
)
def test_a_restore_after_a_named_disaster_is_the_recovery_time(sentence, expected):
    assert [(c, s, v) for c, s, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Time to engineer for category 1 incidents: 30 minutes.", ("response_time", "P1", 30)),
        ("Our reaction time is 2 hours.", ("response_time", "all", 120)),
    ],
)
def test_reaction_and_time_to_engineer_are_responses(sentence, expected):
    assert [(c, s, v) for c, s, v, *_ in found(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Our hosted backup vault is up 99.5% of the time, measured monthly.",
            [("availability", 99.5)],
        ),
        (
            "We send a report each month and sit down with you once a quarter.",
            [("review_cadence", 90)],
        ),
        ("We bring every practice on board in 30 days.", [("onboarding_duration", 30)]),
        ("Twelve-month agreement.", [("contract_term", 12)]),
        ("Patches are applied to 98% of devices.", []),
    ],
)
def test_plain_spoken_metrics(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


def test_your_side_is_the_client():
    got = found("Your side will answer our calls within one business day when we need a decision.")
    assert [(c, v, p) for c, _, v, _, _, p in got] == [("response_time", 480, "client")]


def test_levels_counted_from_zero_shift_every_numbered_level_by_one():
    got = found(
        "For a P0, where a studio is down, we respond within 20 minutes.",
        "For a P1, where a team is blocked, we respond within one hour.",
        "P3 requests are answered by the next business day.",
    )
    assert [f[:3] for f in got] == [
        ("response_time", "P1", 20.0),
        ("response_time", "P2", 60.0),
        ("response_time", "P4", 480.0),
    ]


def test_levels_counted_from_one_keep_their_numbers():
    got = found("For a P1 we respond within one hour.", "P3 requests are answered in 4 hours.")
    assert [f[:3] for f in got] == [("response_time", "P1", 60.0), ("response_time", "P3", 240.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Our engineer will call you back within twenty minutes.", ("response_time", 20.0)),
        ("An engineer will contact you within 20 minutes.", ("response_time", 20.0)),
        ("A technician will be in touch within 20 minutes.", ("response_time", 20.0)),
        ("We will ring the caller back within 15 minutes.", ("response_time", 15.0)),
        ("The service costs Rs. 1,750 per device per month.", ("price", 1750.0)),
    ],
)
def test_a_call_back_is_a_response_and_an_abbreviated_sign_keeps_its_amount(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Please call the service desk within 2 hours of noticing a fault.",  # the client's call
        "You must contact us within 30 days of the invoice.",
    ],
)
def test_the_client_calling_in_is_no_response_commitment(sentence):
    assert not [f for f in found(sentence) if f[0] == "response_time" and f[5] == "provider"]


@pytest.mark.parametrize(
    "sentence, party",
    [
        ("We need the duty manager to confirm the grade by phone within 15 minutes.", "client"),
        ("We ask that each studio names a coordinator who answers within 15 minutes.", "client"),
        ("We need two weeks to onboard the sites.", "provider"),  # the provider's own time
        ("We need to respond within 15 minutes.", "provider"),
    ],
)
def test_the_provider_asking_someone_to_act_makes_it_the_clients_duty(sentence, party):
    assert {f[5] for f in found(sentence)} == {party}


@pytest.mark.parametrize(
    "sentence, party",
    [
        # a person someone other than the provider names, appoints or needs is theirs
        (
            "Each clinic names a contact who must answer the engineer's call within 15 minutes.",
            "client",
        ),
        (
            "Every depot needs a named shift lead who can reset scanners and who must pick up "
            "within 10 minutes.",
            "client",
        ),
        ("Each store appoints one keyholder who shall open the building within 1 hour.", "client"),
        # the provider naming its own people keeps the duty its own
        ("We assign a named engineer who will respond to P1 calls within 15 minutes.", "provider"),
        ("Our service desk names a duty manager who will respond within 30 minutes.", "provider"),
        ("A named engineer will respond within 15 minutes.", "provider"),
    ],
)
def test_a_person_named_by_the_client_side_carries_the_clients_duty(sentence, party):
    assert {f[5] for f in found(sentence)} == {party}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a short "while" with no figure of its own says when the clause holds
        ("We respond within 15 minutes while a P1 is open.", {("P1", 15.0)}),
        (
            "An engineer calls back within 20 minutes while Priority 1 tickets are open.",
            {("P1", 20.0)},
        ),
        # a "while" with its own figure is a contrast: two clauses, two levels
        (
            "P1s are answered within 15 minutes while P2s take up to 2 hours.",
            {("P1", 15.0), ("P2", 120.0)},
        ),
        # a long "while" stays a clause of its own
        (
            "We respond within 15 minutes, while our partner for the P1 hardware repairs keeps "
            "its own separate queue and working hours.",
            {("all", 15.0)},
        ),
    ],
)
def test_a_while_part_without_a_figure_qualifies_the_clause_before(sentence, expected):
    assert {(f[1], f[2]) for f in found(sentence) if f[0] == "response_time"} == expected


def test_the_provider_asking_a_third_party_is_no_client_duty():
    assert not [
        f for f in found("We ask an outside firm to retest within 30 days.") if f[5] == "client"
    ]


CODES = [
    "On a Code Red an engineer is on the line within fifteen minutes, and we will have the "
    "store trading again within four hours.",
    "We will respond to a Code Amber within one hour and restore the lane within 8 hours.",
    "We pick up a Code Green within four hours.",
    "We will acknowledge a Code Blue by the next business day.",
]


def test_level_names_opened_by_a_scheme_word_rank_as_a_scheme():
    got = [f[:3] for f in found(*CODES)]
    assert got == [
        ("response_time", "P1", 15.0),
        ("resolution_time", "P1", 240.0),  # trading again after a Code Red is its fix
        ("response_time", "P2", 60.0),
        ("resolution_time", "P2", 480.0),
        ("response_time", "P3", 240.0),
        ("response_time", "P4", 480.0),  # Blue, of no known urgency, ranks after Green
    ]


def test_a_capitalised_level_word_after_an_article_joins_the_documents_scheme():
    got = found(
        "An engineer will call back on an Emergency within half an hour.",
        "Urgent calls get a response within 4 hours.",
        "Normal calls are answered by the next working day.",
    )
    assert [f[1] for f in got] == ["P1", "P2", "P3"]


def test_a_change_type_is_no_level():
    got = found(
        "A Normal change is approved within 5 business days.",
        "Urgent calls get a response within 4 hours.",
    )
    assert ("response_time", "P1", 240.0) in [f[:3] for f in got]


@pytest.mark.parametrize(
    "sentence, kept",
    [
        (
            "The Services shall be Available for at least [99.9%] [deleted: 99.95%] of each month.",
            [99.9],
        ),
        ("Response within [6 hours] [deleted: 4 hours].", [360.0]),
        ("Availability below 99.9% but at or above 99.5% earns a 5% credit.", [5.0]),
        (
            "Divergences not resolved between the managers in 10 business days go to the directors.",
            [],
        ),
        ("(b) below 99.5% but at or above 99.0%, 10%;", []),
    ],
)
def test_deleted_text_credit_bands_and_unresolved_disagreements_are_no_offer(sentence, kept):
    assert [f[2] for f in found(sentence)] == kept


def test_an_availability_far_below_any_uptime_is_no_availability():
    got = found(
        "If availability falls short, the following credits apply:", "- 5% of the monthly fee"
    )
    assert not [f for f in got if f[0] == "availability"]


@pytest.mark.parametrize(
    "sentence, strength",
    [
        ("P3 restoration: 10 business days (a target only, not eligible for credits).", "soft"),
        ("P3 restoration: 10 business days, not eligible for service credits.", "binding"),
        ("We do not offer a P3 restoration time of 10 business days.", "excluded"),
    ],
)
def test_ruling_out_credits_rules_out_no_other_figure(sentence, strength):
    assert [f[4] for f in found(sentence) if f[0] == "resolution_time"] == [strength]


@pytest.mark.parametrize(
    "sentence",
    [
        "Respond: 15 min / 1 h / 4 h for P1 / P2 / P3.",
        "Response times are 15, 60 and 240 minutes for priorities 1, 2 and 3 respectively.",
        "P1, P2 and P3 incidents get a response within 15, 60 and 240 minutes.",
    ],
)
def test_a_list_of_figures_and_a_list_of_levels_pair_off_in_order(sentence):
    assert [f[1:3] for f in found(sentence)] == [("P1", 15.0), ("P2", 60.0), ("P3", 240.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Priority 3 and 4 times stay as they are today: we respond to a Priority 3 call"
            " within 4 working hours and to a Priority 4 request by the next working day.",
            [("P3", 240.0), ("P4", 480.0)],
        ),
        (
            "Severity 2 and 3 fixes are unchanged: a Severity 2 fault is fixed within 8 hours"
            " and a Severity 3 fault within 3 business days.",
            [("P2", 480.0), ("P3", 1440.0)],
        ),
        # no level of its own in the clause: the title's pair holds for the figure
        ("For priorities 1 and 2 we respond within 30 minutes.", [("P1", 30.0), ("P2", 30.0)]),
    ],
)
def test_a_clause_naming_one_level_beats_the_pair_its_title_names(sentence, expected):
    assert sorted(f[1:3] for f in found(sentence)) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Five working days before each service review we shall deliver a report showing"
            " the response time of every incident.",
            [],
        ),
        ("Two days ahead of each review meeting we send the response times.", []),
        ("We respond within 15 minutes, before any other work.", [("response_time", 15.0)]),
    ],
)
def test_a_time_before_an_event_is_no_ticket_clock(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence) if f[0] in CLOCKS] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "An engineer on the case within 25 minutes, back in service within 4 hours.",
            [("response_time", 25.0), ("rto", 240.0)],
        ),
        (
            "Priority 1: an engineer on the case within 25 minutes, back in service within 4 hours.",
            [("response_time", 25.0), ("resolution_time", 240.0)],
        ),
        # a cue right after its own figure stays with it
        (
            "15 minutes response, 4 hours resolution.",
            [("response_time", 15.0), ("resolution_time", 240.0)],
        ),
    ],
)
def test_a_cue_past_a_comma_belongs_to_the_figure_after_it(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == expected


def test_in_a_labelled_run_the_runs_measures_come_before_the_next_figures_cue():
    got = found(
        "- Plant stopped (P1): an engineer on the case within 25 minutes, back in service"
        " within 4 hours.",
        "- A department hampered (P2): within 1 hour, back in service within one business day.",
    )
    assert [(f[0], f[1], f[2]) for f in got] == [
        ("response_time", "P1", 25.0),
        ("resolution_time", "P1", 240.0),
        ("response_time", "P2", 60.0),
        ("resolution_time", "P2", 480.0),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Resolved tickets close after 5 days without reply.",
        "Tickets are closed 3 business days after resolution if there is no response.",
        "A resolved ticket closes 48 hours later unless the user objects.",
    ],
)
def test_a_ticket_closed_when_nobody_answers_is_no_fix_time(sentence):
    assert [f for f in found(sentence) if f[0] in CLOCKS] == []


@pytest.mark.parametrize(
    "total, flat",
    [
        ("For 100 devices and 4 servers the monthly fee is $5,800.", []),
        ("100 managed devices and 4 servers: $5,800 a month in all.", []),
        # a fee the unit prices do not make is a flat price of its own
        ("For 100 devices and 4 servers we charge a flat $4,500 a month.", [4500.0]),
    ],
)
def test_a_fee_the_unit_prices_add_up_to_is_arithmetic(total, flat):
    got = found("We charge $50 per device per month and $200 per server per month.", total)
    assert [f[2] for f in got if f[:2] == ("price", "flat")] == flat
    assert {f[2] for f in got if f[:2] == ("price", "per_device")} == {50.0, 200.0}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Across our hospital clients the networks we run were available 99.98% of the time.", []),
        ("The portal was up 99.95% of the time.", []),
        ("The platform is available 99.9% of the time.", [99.9]),
    ],
)
def test_availability_already_achieved_is_history(sentence, expected):
    assert [f[2] for f in found(sentence) if f[0] == "availability"] == expected


def test_a_range_is_not_a_list():
    assert [f[2] for f in found("P1 incidents are resolved in between 2 and 4 hours.")] == [240.0]


def test_a_level_word_is_never_taken_for_the_providers_name():
    got = found(
        "We respond to Critical incidents in 15 minutes, Major incidents in 1 hour and Minor incidents in 4 hours."
    )
    assert [(f[1], f[5]) for f in got] == [
        ("P1", "provider"),
        ("P2", "provider"),
        ("P3", "provider"),
    ]


def test_labelled_paragraphs_describing_effects_rank_in_order_when_times_grow():
    got = found(
        "Business-critical outages: 15-minute response, 4-hour fix.",
        "Degraded service: 1-hour response, 8-hour fix.",
        "Single user: 4-hour response, 2-day fix.",
    )
    assert [f[:3] for f in got if f[0] == "response_time"] == [
        ("response_time", "P1", 15.0),
        ("response_time", "P2", 60.0),
        ("response_time", "P3", 240.0),
    ]


def test_labelled_paragraphs_whose_times_do_not_grow_are_no_scheme():
    got = found("Head office: 1-hour response.", "Branch offices: 30-minute response.")
    assert {f[1] for f in got} == {"all"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The line is answered by technicians of our own company 24 (twenty-four) hours per day, "
            "7 (seven) days per week.",
            [("support_hours", "helpdesk", None)],
        ),
        ("We have a staff of 64 engineers.", []),
    ],
)
def test_round_the_clock_cover_with_figures_in_words_and_company_facts(sentence, expected):
    assert [f[:3] for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("Initial contact for P1 within 15 minutes.", "response_time"),
        ("P1 calls are returned within 15 minutes.", "response_time"),
        ("First touch for P1 within 15 minutes.", "response_time"),
        ("First touch: 15 min for every P1.", "response_time"),
        ("P1 closure within 4 hours.", "resolution_time"),
        ("We remedy P1 faults within 4 hours.", "resolution_time"),
        ("We resolve 80% of calls at first contact.", "first_contact_resolution"),
    ],
)
def test_other_names_for_the_two_clocks(sentence, category):
    assert [f[0] for f in found(sentence)] == [category]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The portal will be up ninety-nine point eight percent of every month.",
            [("availability", "all", 99.8)],
        ),
        ("Hosted systems will be online 99.5% of the time.", [("availability", "all", 99.5)]),
        ("Service credits will be up to 10% of the monthly fee.", [("service_credit", "all", 10)]),
        ("Prices will be up 3% from July.", []),
        (
            "An engineer will come to any of your sites at any hour of the day or night.",
            [("support_hours", "onsite", None)],
        ),
        (
            "I will come and see your IT lead every month to go over the tickets.",
            [("review_cadence", "all", 30)],
        ),
        ("We run through the figures with you every quarter.", [("review_cadence", "all", 90)]),
        (
            "Someone on our side will return your engineers' calls within an hour.",
            [("response_time", "all", 60)],
        ),
    ],
)
def test_plain_verbs_name_the_measure(sentence, expected):
    """'be up', 'come to your sites', 'go over the tickets', 'return ... calls'."""
    assert [f[:3] for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "declaration",
    [
        "We grade every call from one to four, and the higher the grade, the more it hurts.",
        "Calls are graded from 1 to 4; the higher the grade, the more serious the problem.",
        "We sort every fault into one of four grades, and the higher the grade the worse it is.",
        "Grade 4 is the most urgent.",
        # a scale said to count upwards names its levels' word after it
        "We grade calls on a four-point scale that counts upwards. Grade 4 stops the office.",
        "We use four grades numbered upwards: a grade four stops the office.",
    ],
)
def test_grades_counted_upwards_in_words_rank_from_the_top(declaration):
    got = (
        found(
            declaration,
            "For a grade four we will have an engineer on it within twenty minutes.",
            "A grade three will be picked up within an hour, and a grade one on the next working day.",
        )
        if "score" not in declaration
        else found(
            declaration,
            "For a score 4 we will have an engineer on it within twenty minutes.",
            "A score 3 will be picked up within an hour, and a score 1 on the next working day.",
        )
    )
    assert [(c, s, v) for c, s, v, *_ in got] == [
        ("response_time", "P1", 20),
        ("response_time", "P2", 60),
        ("response_time", "P4", 480),
    ]


@pytest.mark.parametrize(
    "heading, answer, expected",
    [
        # a question heading names what its short answer gives the hours or the figure of
        (
            "Will you come on site?",
            "Yes, Monday to Friday, 7 a.m. to 5 p.m.",
            [("support_hours", "onsite", None, "business_hours")],
        ),
        (
            "Service desk hours",
            "Monday to Friday, 8 a.m. to 6 p.m.",
            [("support_hours", "helpdesk", None, "business_hours")],
        ),
        ("About us", "Monday to Friday, 8 a.m. to 6 p.m.", []),
        (
            "How long do we sign for, and can we leave?",
            "Twelve months to start, then month to month.",
            [("contract_term", "all", 12, "month")],
        ),
        (
            "How long does the agreement run?",
            "Thirty-six months.",
            [("contract_term", "all", 36, "month")],
        ),
        (
            "How much data could we lose?",
            "At most 30 minutes of billing data; for the file shares, no more than 4 hours.",
            [("rpo", "all", 30, "minute"), ("rpo", "all", 240, "minute")],
        ),
        ("Deliveries", "Please sign for each delivery within 2 days.", []),
    ],
)
def test_a_question_heading_names_what_its_answer_gives(heading, answer, expected):
    assert [f[:4] for f in found(answer, heading=heading)] == expected


@pytest.mark.parametrize(
    "row, expected",
    [
        ("Per office user, per month | $112", [("price", "per_user", 112)]),
        ("Per site server, per month | $60", [("price", "per_device", 60)]),
        ("Per branch laptop, per month | $15", [("price", "per_device", 15)]),
    ],
)
def test_a_place_before_the_priced_noun_only_qualifies_it(row, expected):
    label, amount = row.split(" | ")
    assert _in_table("Fees", table(["Item", "Price (USD)"], [[label, amount]])) == expected


def _in_table(heading: str, t) -> list[tuple]:
    """(category, scope, value) of what a table under `heading` commits to."""
    doc = document(heading, tables=(t,))
    return [(c.category, c.scope, c.value) for c in extract_vendor("v", [doc]).commitments]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Project work is charged at a day rate of £560.", []),
        ("Consultants are billed at daily rates from £680.", []),
        ("Project work is charged at an hourly rate of £115.", [("price", "hourly", 115.0)]),
        (
            "Out-of-scope work is charged at our standard rate of £115.",
            [("price", "hourly", 115.0)],
        ),
    ],
)
def test_a_day_rate_is_no_hourly_rate(sentence, expected):
    assert [f[:3] for f in found(sentence)] == expected


def test_a_note_row_says_the_unit_of_a_tables_bare_figures():
    t = table(
        ["Priority", "Typical example", "Response", "Restore"],
        [
            ["All times are elapsed hours, measured 24 hours a day", "", "", ""],
            ["P1 Critical", "Email unavailable to an office", "0.25", "4"],
            ["P2 Serious", "Dictation failing for a team", "1", "8"],
        ],
    )
    assert _in_table("Service levels", t) == [
        ("response_time", "P1", 15.0),
        ("resolution_time", "P1", 240.0),
        ("response_time", "P2", 60.0),
        ("resolution_time", "P2", 480.0),
    ]


@pytest.mark.parametrize(
    "definitions, upward",
    [
        (
            "We use three codes. Code 3 - lights and sirens - means a plant office or the network"
            " is down. Code 2 means a team is struggling. Code 1 is one person, a request or a"
            " question.",
            True,
        ),
        (
            "Code 1 is one user who cannot print. Code 2 means a team is slowed. Code 3 covers"
            " an outage of the whole site.",
            True,
        ),
        # the usual way round, or levels whose harm says nothing of their order
        (
            "Code 1 means the whole site is down. Code 2 means a team is slowed. Code 3 is one"
            " person or a request.",
            False,
        ),
        ("Code 1 means we phone you. Code 2 means we e-mail you. Code 3 means we log it.", False),
    ],
)
def test_numbered_levels_defined_by_their_harm_say_which_way_they_count(definitions, upward):
    got = found(
        definitions,
        "For a Code 3 an engineer is on it within 20 minutes. For a Code 1 we answer within"
        " 8 hours.",
    )
    scopes = {v: s for c, s, v, *_ in got if c == "response_time"}
    assert scopes == ({20: "P1", 480: "P3"} if upward else {20: "P3", 480: "P1"})


@pytest.mark.parametrize(
    "declaration",
    [
        "",
        "Our fees rise upwards with headcount.",  # what counts upwards is no scale of grades
        "Each of our two offices counts upwards of forty staff.",
    ],
)
def test_grades_without_a_declaration_count_down_from_one(declaration):
    got = found(
        *[declaration] * bool(declaration),
        "A grade one will be picked up within an hour, a grade two within four hours.",
    )
    assert [(c, s, v) for c, s, v, *_ in got] == [
        ("response_time", "P1", 60),
        ("response_time", "P2", 240),
    ]


@pytest.mark.parametrize(
    "heading, answer, expected",
    [
        # a form's answer label and a title that calls the document a response name no clock
        ("Requirements Response", "Kahu response: Compliant. The term is 36 months.", []),
        ("Tender Response", "Our response: Compliant. The term is 36 months.", []),
        ("Schedule Response", "Acme response: we accept a 36-month term.", []),
        # a measure that is a response time still is one
        ("Service levels", "Target response: 30 minutes for P1.", [("response_time", 30)]),
        ("Service levels", "Engineer response: within 1 hour.", [("response_time", 60)]),
    ],
)
def test_a_response_that_answers_a_question_is_no_response_time(heading, answer, expected):
    got = [(c, v) for c, _, v, *_ in found(answer, heading=heading) if c == "response_time"]
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Either party may end the agreement on 60 days' written notice once the first 12 "
            "months have passed.",
            [("termination_notice", "all", 60)],
        ),
        (
            "Either party may terminate for convenience after the first twelve (12) months by "
            "giving not less than ninety (90) days' written notice.",
            [("termination_notice", "all", 90)],
        ),
        ("The initial term is twelve (12) months.", [("contract_term", "all", 12)]),
    ],
)
def test_the_months_before_notice_may_be_given_are_no_notice_period(sentence, expected):
    assert [f[:3] for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("After-hours dispatch: any hour, billed at the T&M rate.", [("onsite", "24x7")]),
        ("Branch dispatch: Mon-Fri 08:00-17:00.", [("onsite", "business_hours")]),
        ("We answer within any hour of the working day.", [("helpdesk", "business_hours")]),
    ],
)
def test_any_hour_is_round_the_clock_and_a_branch_dispatch_is_on_site(sentence, expected):
    assert [(f[1], f[3]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "definition, use, expected",
    [
        (
            "1.9 Recovery Time Objective means three (3) hours from the declaration of a Disaster.",
            "The Provider shall restore the Core Systems within the Recovery Time Objective.",
            [("rto", "all", 180)],
        ),
        (
            "Response Time means thirty (30) minutes from the logging of an Incident.",
            "The Supplier will respond to every Incident no later than the Response Time.",
            [("response_time", "all", 30)],
        ),
        # a definition that no promise holds the provider to stays a definition
        (
            "1.9 Recovery Time Objective means three (3) hours from the declaration of a Disaster.",
            "Reports show the time taken against the Recovery Time Objective.",
            [],
        ),
    ],
)
def test_a_defined_figure_a_binding_sentence_holds_the_provider_to_is_a_commitment(
    definition, use, expected
):
    assert [f[:3] for f in found(definition, use)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Initial term: 36 mo from go-live.", [("contract_term", "all", 36)]),
        ("Not proposed: Essentials, $79 / device / month (no NOC).", []),
        ("2026 actuals: FCR 77%, CSAT 96% (past results).", []),
        ("Past results: first-contact resolution of 81%.", []),
    ],
)
def test_what_a_term_sheet_line_says_it_is_not(sentence, expected):
    assert [f[:3] for f in found(sentence)] == expected


def test_a_score_counted_upwards_is_a_level_only_where_the_scale_is_declared():
    scored = (
        "For a score 4 we will have an engineer on it within twenty minutes.",
        "A score 3 will be picked up within an hour.",
    )
    declared = (
        "Every ticket gets an urgency score from 1 to 4, and the higher the score, the more urgent."
    )
    assert [(c, s, v) for c, s, v, *_ in found(declared, *scored)] == [
        ("response_time", "P1", 20),
        ("response_time", "P2", 60),
    ]
    assert {s for _, s, *_ in found(*scored)} == {"all"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The customer shall approve or reject an emergency change within thirty (30) "
            "minutes of our request.",
            [("response_time", "all", 30, "client")],
        ),
        (
            "Your duty manager confirms a P1 classification by phone within 15 minutes of our call.",
            [("response_time", "P1", 15, "client")],
        ),
        # a client's person as the subject of any act, or reachable, within a time
        (
            "Your IT lead approves Priority 1 emergency changes within 1 hour, day or night.",
            [("response_time", "P1", 60, "client")],
        ),
        (
            "On a P1, the customer's duty manager calls the NOC back within 30 minutes.",
            [("response_time", "P1", 30, "client")],
        ),
        (
            "The customer's IT contact must be reachable by phone within 30 minutes.",
            [("response_time", "all", 30, "client")],
        ),
        (
            "The client shall name an after-hours contact who returns our calls within 1 hour.",
            [("response_time", "all", 60, "client")],
        ),
        # ... but not the provider's person assigned to the client, nor the client's tickets
        (
            "Your account manager answers within 2 hours.",
            [("response_time", "all", 120, "provider")],
        ),
        (
            "Your service desk answers within 15 minutes.",
            [("response_time", "all", 15, "provider")],
        ),
        (
            "Your tickets are answered within 15 minutes.",
            [("response_time", "all", 15, "provider")],
        ),
        # "and its ..." joins a noun to the act; it opens no clause without the subject
        (
            "For a P1 your duty manager confirms the outage and its priority by phone within"
            " 15 minutes of our call.",
            [("response_time", "P1", 15, "client")],
        ),
        # a one-off task at the start, a payment term, the provider's own step: no such duty
        (
            "The customer shall provide VPN access within five business days of the effective date.",
            [],
        ),
        ("The customer shall pay invoices within 30 days.", []),
        ("We confirm every classification within 15 minutes.", []),
        # a deadline joined on with its verb and subject left out is the same party's
        (
            "The Buyer shall name a contact who responds to the Supplier's requests within 1 "
            "Working Day, and within 30 minutes during a Priority 1 Incident.",
            [("response_time", "all", 480, "client"), ("response_time", "P1", 30, "client")],
        ),
        (
            "We answer P2 calls within 2 hours, and within 30 minutes during a Priority 1 Incident.",
            [("response_time", "P2", 120, "provider"), ("response_time", "P1", 30, "provider")],
        ),
    ],
)
def test_a_client_duty_with_a_deadline_is_the_clients_response_time(sentence, expected):
    assert [(f[0], f[1], f[2], f[5]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "heading, party",
    [
        ("I. TFCU OBLIGATIONS", "client"),
        ("I. TFCU REQUIREMENTS", "provider"),
        ("TFCU's part", "client"),
        ("TFCU’s role", "client"),
        ("Ironbridge's part", "provider"),
    ],
)
def test_a_heading_naming_the_clients_own_duties_makes_its_lines_the_clients(heading, party):
    from msp_select import models
    from msp_select.extract import extract_vendor

    blocks = (
        models.Block("Ironbridge Managed Services", 1, (50, 40, 500, 60), True),
        models.Block("Proposal for Tallgrass Federal Credit Union (TFCU).", 1, (50, 70, 500, 90)),
        models.Block(heading, 1, (50, 100, 500, 120), True),
        models.Block("On-call approver reachable within 1 hour for a P1.", 1, (50, 130, 500, 150)),
    )
    doc = models.Document("v.pdf", "0" * 64, 1, blocks, ())
    got = extract_vendor("v", [doc]).commitments
    assert [(c.category, c.value, c.party) for c in got] == [("response_time", 60, party)]


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        ("Other servers are typically restored within eight hours.", True),
        ("We aim to apply critical patches within 3 days.", True),
        ("We will restore other servers within eight hours.", False),
        ("We aim to complete onboarding within 6 weeks.", False),  # a project, not a service level
        ("Customer satisfaction is typically above 90%.", False),  # a KPI, not a service level
        ("We aim to answer P1 calls within 15 minutes.", True),
        ("We target 99.9% availability for the hosted platform.", True),
    ],
)
def test_a_service_level_stated_only_as_an_aim_raises_soft_sla_on_its_quote(sentence, flagged):
    from msp_select.extract import extract_vendor
    from tests.extract_helpers import document

    got = extract_vendor("v", [document(sentence)])
    flags = [f for f in got.risk_flags if f.flag == "soft-sla"]
    assert bool(flags) == flagged
    assert all(sentence.strip("| ").split()[0] in f.quote for f in flags)


@pytest.mark.parametrize(
    "response, flagged",
    [
        # fix times given as targets beside contractual responses: honest practice, no soft SLA
        ("Response time", False),
        # the responses only aimed at too: the service levels as a whole are aims
        ("Response target", True),
    ],
)
def test_soft_fix_times_beside_firm_responses_raise_no_soft_sla(response, flagged):
    from msp_select.extract import extract_vendor
    from tests.extract_helpers import document, table

    note = "Our service levels are set out below."
    levels = table(
        ["Severity", response, "Resolution target"],
        [["Severity 1", "1 hour", "6 hours"], ["Severity 2", "2 hours", "next business day"]],
        page=1,
    )
    got = extract_vendor("v", [document(note, tables=(levels,))])
    soft = {c.category for c in got.commitments if c.strength == "soft"}
    assert "resolution_time" in soft
    assert any(f.flag == "soft-sla" for f in got.risk_flags) is flagged


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("On-site attendance at any other hour is available at our overtime rate.", "conditional"),
        (
            "On-site attendance outside Business Days is available at the after-hours rate.",
            "conditional",
        ),
        (
            "Attendance outside Business Hours is available at the Supplier's out-of-hours rate.",
            "conditional",
        ),
        ("A weekend or night visit is available at additional cost.", "conditional"),
        ("Emergency call-outs outside those hours are billed at the hourly rate.", "conditional"),
        ("Attendance at night and at weekends is an option in the quotation.", "conditional"),
        ("Site visits outside working hours are not part of this service.", "excluded"),
        ("Engineers attend at any other hour at no extra charge.", "binding"),
    ],
)
def test_on_site_cover_outside_business_hours_takes_its_terms(sentence, expected):
    assert [(f[1], f[3], f[4]) for f in found(sentence)] == [("onsite", "24x7", expected)]


@pytest.mark.parametrize(
    "sentence, strength",
    [
        ("We respond to P1 at a rate of 95% within 15 minutes.", "binding"),  # a share, no charge
        ("P1 credits accrue at the rate shown, up to 15% of the monthly fee.", "binding"),
        (
            "We fix P1 faults within 4 hours, charged at our standard hourly rate.",
            "conditional",
        ),
    ],
)
def test_at_a_rate_is_a_charge_only_where_it_prices_the_work(sentence, strength):
    assert {f[4] for f in found(sentence)} == {strength}


def test_an_after_hours_rate_names_a_tariff_not_a_time_of_cover():
    got = found("We respond to P1 within 1 hour, charged at the after-hours rate.")
    assert not [f for f in got if f[0] == "support_hours"]


@pytest.mark.parametrize(
    "legend, line, strength",
    [
        (
            "Fields marked [T] are targets that we work to but do not guarantee.",
            "Uptime [T]: 99.7 %",
            "soft",
        ),
        ("Figures marked * are indicative only.", "Uptime*: 99.7 %", "soft"),
        ("Fields marked [B] are binding service levels.", "Uptime [B]: 99.7 %", "binding"),
        ("Fields marked [T] are targets.", "Uptime [B]: 99.7 %", "binding"),  # another mark
    ],
)
def test_a_legend_says_how_firmly_the_figures_it_marks_are_promised(legend, line, strength):
    assert [(f[0], f[4]) for f in found(legend, line)] == [("availability", strength)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The service desk is open 00:00 to 24:00, every day of the year.", [("helpdesk", "24x7")]),
        ("Support is available 00:00-24:00, seven days a week.", [("helpdesk", "24x7")]),
        ("The service desk is open 8:00 to 18:00 on weekdays.", [("helpdesk", "business_hours")]),
        # a window across midnight is out-of-hours cover, not business hours
        ("Between 22:00 and 06:00 the NOC is run by first-line operators.", []),
        ("From 10:00 p.m. to 2:00 a.m. our NOC watches the backups.", []),
        # hours that say when a rate applies
        ("Project work is $150 per hour in business hours and $225 per hour after hours.", []),
        ("Ad-hoc work: business hours $150/hour, after hours $225/hour.", []),
        ("Our service desk is open in business hours and costs $25 per user.", [("helpdesk", "business_hours")]),
        # a priced visit outside business hours is cover on terms
        ("On-site visits outside business hours are billed at $180 per hour.", [("onsite", "24x7")]),
        ("After-hours site attendance is chargeable at time and a half.", [("onsite", "24x7")]),
        ("Impact 3 response times run on a business-hours clock.", []),
    ],
)  # fmt: skip
def test_the_hours_a_clock_range_or_a_rate_names(sentence, expected):
    assert [(f[1], f[3]) for f in found(sentence) if f[0] == "support_hours"] == expected


def test_out_of_hours_cover_at_a_price_is_conditional():
    got = [f for f in found("On-site visits outside business hours are billed at $180 per hour.")]
    assert ("support_hours", "onsite", None, "24x7", "conditional", "provider") in got
    assert ("price", "hourly", 180.0, "USD/hour", "binding", "provider") in got


@pytest.mark.parametrize(
    "sentence, scopes",
    [
        ("For Impact 1 tickets we respond within 15 minutes.", ["P1"]),
        ("Impact 1 and Impact 2 calls are answered within 15 minutes.", ["P1", "P2"]),
        ("A business impact of 1 hour a week is expected; we respond within 15 minutes.", ["all"]),
    ],
)
def test_an_impact_number_is_a_priority(sentence, scopes):
    assert [f[1] for f in found(sentence) if f[0] == "response_time"] == scopes


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("We hold a service review at intervals of 90 days.", 90.0),
        ("Service reviews take place every 30 days.", 30.0),
        ("The review pack is sent within 90 days of go-live.", None),
    ],
)
def test_a_review_held_at_intervals_is_a_cadence(sentence, value):
    got = [f[2] for f in found(sentence) if f[0] == "review_cadence"]
    assert got == ([value] if value else [])


def _banded(header, rows, bands):
    t = models.Table(
        tuple(header),
        tuple(tuple(r) for r in rows),
        2,
        (50, 300, 500, 500),
        tuple([2] * len(rows)),
        header_rows=(tuple(header),),
        subheader_rows=tuple(bands),
    )
    return extract_vendor("v", [document(tables=(t,))]).commitments


CATALOGUE = ("Ref", "Service line", "Measure", "Essential", "Complete", "Notes")


@pytest.mark.parametrize(
    "band, unit",
    [
        ("RESPONSE | minutes from the ticket being logged to an engineer working it", 1),
        ("Response: minutes", 1),
        ("Response - minutes", 1),
        ("RESPONSE | hours until an engineer is working it", 60),
    ],
)
def test_a_band_row_gives_the_category_and_unit_to_the_bare_figures_below(band, unit):
    rows = [
        (band, "", "", "", "", ""),
        ("R-01", "Incident response", "Impact 1", "30", "20", "All hours"),
        ("R-02", "Incident response", "Impact 2", "120", "75", "All hours"),
        ("R-03", "Incident response", "Impact 3", "240", "150", "Business hours clock"),
    ]
    got = {(c.category, c.scope, c.value, c.tier) for c in _banded(CATALOGUE, rows, (0,))}
    assert got == {
        ("response_time", "P1", 30.0 * unit, "Essential"),
        ("response_time", "P1", 20.0 * unit, "Complete"),
        ("response_time", "P2", 120.0 * unit, "Essential"),
        ("response_time", "P2", 75.0 * unit, "Complete"),
        ("response_time", "P3", 240.0 * unit, "Essential"),
        ("response_time", "P3", 150.0 * unit, "Complete"),
    }


def test_the_level_may_stand_in_a_later_column_than_the_row_reference():
    """Restore times do not grow in a way that would rank the rows: the levels are read
    from the "Measure" column, in every band."""
    rows = [
        ("RESTORE | hours until service is restored", "", "", "", "", ""),
        ("X-01", "Restore", "Impact 1", "8", "5", "Clock stops on hold"),
        ("X-02", "Restore", "Impact 2", "16", "10", "Clock stops on hold"),
        ("X-03", "Restore", "Impact 4", "not measured", "not measured", ""),
    ]
    got = {(c.category, c.scope, c.value, c.strength) for c in _banded(CATALOGUE, rows, (0,))}
    assert ("resolution_time", "P1", 480.0, "binding") in got
    assert ("resolution_time", "P2", 600.0, "binding") in got
    assert not {g for g in got if g[1] == "all"}


def test_a_description_with_a_level_word_is_not_a_level_column():
    rows = [
        ("1", "Reasonable efforts, during normal business hours.", "4 hours"),
        ("2", "Reasonable efforts, during normal business hours.", "1 business day"),
    ]
    got = {(c.scope, c.value) for c in _banded(("Severity", "Effort", "Response"), rows, ())}
    assert got == {("P1", 240.0), ("P2", 480.0)}


@pytest.mark.parametrize(
    "measure, scope, unit",
    [
        ("Out of scope, per hour", "hourly", "CAD/hour"),
        ("One-time", "onboarding", "CAD"),
        ("Per named user", "per_user", "CAD/month"),
    ],
)
def test_a_basis_beside_the_figure_outranks_the_band_over_the_rows(measure, scope, unit):
    rows = [
        ("PRICE | CAD per month; one-time and hourly fees as marked", "", "", "", "", ""),
        ("P-01", "Fees", measure, "175", "175", ""),
    ]
    got = {(c.category, c.scope, c.value, c.unit) for c in _banded(CATALOGUE, rows, (0,))}
    assert got == {("price", scope, 175.0, unit)}


def test_a_header_counting_the_days_between_reviews_is_a_cadence():
    rows = [
        ("GOVERNANCE | days between service reviews", "", "", "", "", ""),
        ("G-01", "Governance", "Service review", "180", "30", "With the IT supervisor"),
    ]
    got = {(c.category, c.value, c.tier) for c in _banded(CATALOGUE, rows, (0,))}
    assert got == {("review_cadence", 180.0, "Essential"), ("review_cadence", 30.0, "Complete")}


PLANS = ("What you get", "Bronze", "Silver - proposed", "Gold")
PLAN_ROWS = [("Urgency 3 response (minutes)", "60", "30", "15"), ("Per user per month (CAD)", "89", "118", "159")]  # fmt: skip


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("Neither Bronze nor Gold is offered to the Commission.", {30.0, 118.0}),
        ("Bronze and Gold are not offered here.", {30.0, 118.0}),
        ("Bronze is not offered to the Commission.", {30.0, 15.0, 118.0, 159.0}),
        ("Every plan is open to the Commission.", {30.0, 60.0, 15.0, 89.0, 118.0, 159.0}),
    ],
)
def test_plans_a_sentence_says_are_not_offered_are_only_a_contrast(sentence, kept):
    doc = document(
        "We grade calls by urgency on a three-step scale, and the higher the number the faster "
        "we move: Urgency 3 means an office cannot work; Urgency 1 is one person.",
        sentence,
        tables=(table(PLANS, PLAN_ROWS),),
    )
    assert {c.value for c in extract_vendor("v", [doc]).commitments} == kept


def test_what_an_unoffered_plan_lacks_is_no_statement_about_the_offer():
    doc = document(
        "Neither Bronze nor Gold is offered. Bronze has no after-hours service desk.",
        tables=(table(PLANS, [("Service desk", "Business hours", "24x7", "24x7")]),),
    )
    got = {(c.scope, c.unit, c.strength) for c in extract_vendor("v", [doc]).commitments}
    assert got == {("helpdesk", "24x7", "binding")}


def test_a_currency_header_is_no_plan_a_negation_can_rule_out():
    doc = document(
        "Prices are in DKK and do not include VAT. Engineers on site at night: for urgent "
        "incidents, at additional cost, charged at DKK 1.450 per hour.",
        tables=(
            table(("Item", "Basis", "DKK"), [("Managed service", "per user per month", "395")]),
        ),
    )
    got = {(c.category, c.scope, c.value) for c in extract_vendor("v", [doc]).commitments}
    assert ("price", "hourly", 1450.0) in got and ("price", "per_user", 395.0) in got


def test_an_upward_scale_declared_by_the_higher_the_number_ranks_the_named_levels():
    got = found(
        "We grade calls by urgency on a three-step scale, and the higher the number the faster "
        "we move: Urgency 3 means a plant office cannot work; Urgency 1 is one person.",
        "The client must acknowledge our call-back on an Urgency 3 call within 10 minutes.",
        "An Urgency 1 call is answered within 4 hours.",
    )
    assert {(f[1], f[2], f[5]) for f in got if f[0] == "response_time"} == {
        ("P1", 10.0, "client"),
        ("P3", 240.0, "provider"),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("After-hours work is billed at CAD 180/h.", [("price", "hourly", 180.0, "CAD/hour")]),
        ("Work is billed at $180/hr.", [("price", "hourly", 180.0, "USD/hour")]),
    ],
)
def test_a_rate_per_h_is_hourly(sentence, expected):
    assert [f[:4] for f in found(sentence) if f[0] == "price"] == expected


def test_a_share_in_per_cent_is_no_price_where_bare_amounts_are_priced():
    got = found(
        "All of our prices are in Canadian dollars.",
        "The servers will be available 99.95 per cent of every calendar month.",
    )
    assert [f[:4] for f in got] == [("availability", "all", 99.95, "percent")]


def test_levels_described_by_consequence_across_paragraphs_rank_in_order():
    """One level per paragraph or two, the first after an introduction, and an escalation
    after the scheme that is no level of its own."""
    got = found(
        "We do not ask your people to learn a priority code. If a plant office cannot work at "
        "all, an engineer will be on the line within fifteen minutes.",
        "If a crew or a whole department is slowed, we respond within one hour.",
        "When a single person is stuck, we respond within four business hours. Requests and "
        "questions are answered no later than the next business day.",
        "If a plant office is still down two hours after the first call, our director takes "
        "charge.",
    )
    assert [(f[1], f[2]) for f in got if f[0] == "response_time"] == [
        ("P1", 15.0),
        ("P2", 60.0),
        ("P3", 240.0),
        ("P4", 480.0),
    ]


def test_one_paragraphs_own_scheme_outranks_a_spread_reading():
    got = found(
        "If a site is down, we respond within 15 minutes. If a team is slowed, we respond "
        "within 1 hour.",
        "If a site is down, we restore it within 4 hours. If a team is slowed, we restore it "
        "within 8 hours.",
    )
    assert {(f[0], f[1], f[2]) for f in got} == {
        ("response_time", "P1", 15.0),
        ("response_time", "P2", 60.0),
        ("resolution_time", "P1", 240.0),
        ("resolution_time", "P2", 480.0),
    }


def test_an_answer_inline_takes_its_measure_from_the_question_quoted_above_it():
    got = found(
        "> Q1. How do you classify incidents?",
        "Three levels. Critical = a clinic can't see patients. Urgent = one surgery is stuck. "
        "Routine = everything else.",
        "> Q2. The tender requires a first response within 30 minutes. Please give your "
        "response times for each level.",
        "Comfortably inside that:",
        "- Critical - 20 min, 24x7",
        "- Urgent - under 1 hr (business hours)",
        "- Routine - no later than the next business day",
    )
    assert [(f[0], f[1], f[2]) for f in got if f[0] == "response_time"] == [
        ("response_time", "P1", 20.0),
        ("response_time", "P2", 60.0),
        ("response_time", "P3", 480.0),
    ]  # the client's 30 minutes in the quote is no commitment


@pytest.mark.parametrize(
    "question, answer, expected",
    [
        (
            "> Q8. Contract length, notice, renewal?",
            "24 months. You can end it on 90 days' notice at any point.",
            {("contract_term", 24.0), ("termination_notice", 90.0)},
        ),
        # a question of both recovery measures leaves a bare figure's measure open
        (
            "> If we lose the server room, how much can we lose and how quickly are we back? "
            "We need RPO 1 hour and RTO 8 hours.",
            "We will have the full system running from Cape Town in six hours or less.",
            set(),
        ),
        ("> What is the recovery point objective?", "15 minutes for the databases.", {("rpo", 15.0)}),
    ],
)  # fmt: skip
def test_a_question_names_the_measure_its_answer_gives(question, answer, expected):
    assert {(f[0], f[2]) for f in found(question, answer)} == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Response times: P1: 15 min, P2: 1 hour.", [("P1", 15.0), ("P2", 60.0)]),
        ("Response times: P1 15 min, P2: 1 hour.", [("P1", 15.0), ("P2", 60.0)]),
        ("Onboarding completes within 45 days: three weeks of discovery, two of handover.", [("all", 45.0)]),
        (
            "Onboarding takes 30 days from signature, in four stages: a survey (week 1), "
            "go-live and a week of hypercare (week 4).",
            [("all", 30.0)],
        ),
        ("Priority 1 (resolution within 8 hours): response 30 minutes.", [("P1", 480.0), ("P1", 30.0)]),
    ],
)  # fmt: skip
def test_figures_after_a_colon_are_parts_of_a_total_only_when_smaller(sentence, expected):
    assert [(f[1], f[2]) for f in found(sentence)] == expected


PARTNER_LEVELS = (("Partner sev", "Engineer engaged", "Fix target"), [("S1", "15 min", "4 hrs"), ("S2", "30 min", "8 hrs")])  # fmt: skip


def _levels_table(heading: str, lead: str):
    header, rows = PARTNER_LEVELS
    t = models.Table(
        header,
        tuple(rows),
        1,
        (50, 300, 500, 360),
        (1, 1),
        header_rows=(header,),
        section=(heading,),
        lead_in=lead,
    )
    blocks = [models.Block(heading, 1, (50, 240, 500, 255), heading=True)]
    if lead:
        blocks.append(models.Block(lead, 1, (50, 270, 500, 285)))
    doc = models.Document("v.pdf", "0" * 64, 1, tuple(blocks), (t,))
    return {(c.category, c.scope, c.value) for c in extract_vendor("v", [doc]).commitments}


@pytest.mark.parametrize(
    "heading, lead, disowned",
    [
        ("3. Partner NOC service levels (for information)", "", True),
        ("3. Partner NOC levels", "The levels below are shown for information and are not offered to the Trust.", True),
        ("3. Service levels", "Service credits are not offered for the levels below.", False),
        ("3. Service levels", "We respond and fix as follows:", False),
    ],
)  # fmt: skip
def test_a_table_shown_for_information_offers_nothing(heading, lead, disowned):
    got = _levels_table(heading, lead)
    assert (not got) == disowned


@pytest.mark.parametrize(
    "sentence",
    [
        "Auto-renews for 12 mths unless cancelled in writing.",
        "The agreement renews for further 12-mth periods unless cancelled.",
    ],
)
def test_a_renewal_period_in_abbreviated_months_is_no_notice(sentence):
    assert [f for f in found(sentence) if f[0] == "termination_notice"] == []


@pytest.mark.parametrize(
    "header, currency",
    [
        ("Once-off $", "$"),
        ("Unit $/mth", "$"),
        ("$", "$"),
        ("$/device", "$"),
        ("One-off (AUD)", "AUD"),
        ("Description", ""),
        ("Price USD per month", "USD"),
        ("NOK excl. VAT", "NOK"),
        ("Monthly fee EUR", "EUR"),
        # a currency's letter sign in brackets, with what follows it in the bracket
        ("Charge (RM, excl. SST)", "MYR"),
        ("Fee (Rs.)", "INR"),
        ("Monthly (Dhs)", "AED"),
        ("Amount (R)", ""),  # a single letter is too short to tell
        # a currency's word in brackets or after a comma
        ("Tariff, so'm excl. VAT", "UZS"),
        ("Price (dram)", "AMD"),
        ("Lempiras (L), before ISV", "HNL"),
        # a one-letter sign with its tax basis or per what it is
        ("Monthly retainer (L, before ISV)", "HNL"),
        ("Extra hours (L per hour)", "HNL"),
        ("Level (L)", ""),
        ("Random sample", ""),
        ("Response, minutes", ""),
        # a code a noun follows is another acronym: the library's ILS, not shekels
        ("Availability, managed ILS servers and network core", ""),
        ("Recovery point, ILS database", ""),
        # a header that is a code alone, however cased; a level's letter is none
        ("Eur", "EUR"),
        ("A", ""),
        ("C", ""),
    ],
)
def test_a_dollar_sign_standing_alone_in_a_header_is_its_currency(header, currency):
    from msp_select.extract.context import header_currency

    assert header_currency(header) == currency


def test_a_once_off_column_prices_onboarding():
    doc = document(tables=(table(("SKU", "Description", "Qty", "Once-off $"), [("ONB", "Onboarding and rollout", "1", "4,950.00")]),))  # fmt: skip
    got = {(c.category, c.scope, c.value, c.unit) for c in extract_vendor("v", [doc]).commitments}
    assert got == {("price", "onboarding", 4950.0, "USD")}


def test_criticality_letters_are_levels_and_a_level_sentence_carries_the_measure():
    got = found(
        "We respond to incidents of Criticality A in a maximum period of fifteen minutes. "
        "For Criticality B the maximum period is one hour and for Criticality C it is four hours."
    )
    assert [(f[0], f[1], f[2]) for f in got] == [
        ("response_time", "P1", 15.0),
        ("response_time", "P2", 60.0),
        ("response_time", "P3", 240.0),
    ]


def test_a_time_without_a_level_does_not_carry_the_measure():
    got = found("We respond to Criticality A within 15 minutes. Backups are kept for 30 days.")
    assert [(f[0], f[2]) for f in got] == [("response_time", 15.0)]


def test_a_tender_response_title_names_no_measure():
    doc = document(
        "Copies of the databases are kept for 90 days.",
        tables=(),
    )
    doc = models.Document(
        "v.pdf",
        "0" * 64,
        1,
        (models.Block("Tender AZB-2026/011 - Response of Lusotec", 1, (50, 40, 500, 60), heading=True),)
        + doc.blocks,
        (),
    )  # fmt: skip
    assert [c.category for c in extract_vendor("v", [doc]).commitments] == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The transition is concluded in the maximum term of 45 days from signature.", ("onboarding_duration", 45.0)),
        ("The initial term is 36 months.", ("contract_term", 36.0)),
    ],
)  # fmt: skip
def test_a_term_counted_in_days_is_the_time_limit_of_what_the_clause_names(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == [expected]


def test_other_problems_close_a_scheme_told_by_consequence():
    got = found(
        "When a hotel is stopped, we call back within 30 minutes. For a stopped hotel we cannot "
        "promise how long the repair will take. Other problems we answer by the next working day."
    )
    assert [(f[1], f[2]) for f in got if f[0] == "response_time"] == [("P1", 30.0), ("P2", 480.0)]


@pytest.mark.parametrize(
    "sentence", ["You will hear from us within one hour.", "You will hear from an engineer within one hour."]
)  # fmt: skip
def test_hearing_from_the_provider_is_its_response(sentence):
    assert [(f[0], f[2]) for f in found(sentence)] == [("response_time", 60.0)]


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (
            ["The Customer shall: (b) respond to any request by the Supplier for a decision within "
             "one (1) Business Day of the request, or within two (2) hours for a P1 Incident."],
            [("all", 480.0, "client"), ("P1", 120.0, "client")],
        ),
        (
            ["3.2 The Customer shall:", "(b) respond to any request by the Supplier within one (1) Business Day;"],
            [("all", 480.0, "client")],
        ),
        (
            ["The Provider shall: (a) respond to P1 incidents within 15 minutes; (b) resolve them within 4 hours."],
            [("P1", 15.0, "provider"), ("P1", 240.0, "provider")],
        ),
    ],
)  # fmt: skip
def test_lettered_duties_under_a_subject_and_its_modal_are_that_subjects(paragraphs, expected):
    assert [(f[1], f[2], f[5]) for f in found(*paragraphs)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Your PMS is a cloud service: its 99.95% availability promise is the PMS vendor's, not ours.",
        "The 99.9% uptime figure is Microsoft's, not ours.",
    ],
)
def test_a_figure_said_to_be_someone_elses_not_ours_is_no_commitment(sentence):
    assert found(sentence) == []


LEVELS = [
    ("Business down", "30 minutes", "4 hours"),
    ("Degraded", "2 hours", "1 business day"),
    ("Single user", "1 business day", "3 business days"),
]
FIXES = {
    ("resolution_time", "P1", 240.0, "soft"),
    ("resolution_time", "P2", 480.0, "soft"),
    ("resolution_time", "P3", 1440.0, "soft"),
}


def test_a_typical_column_alone_is_the_vendors_own_soft_fix_time():
    doc = document(tables=(table(("State", "Engineer responds", "Typical fix"), LEVELS),))
    got = {
        (c.category, c.scope, c.value, c.strength)
        for c in extract_vendor("v", [doc]).commitments
        if c.category == "resolution_time"
    }
    assert got == FIXES


@pytest.mark.parametrize(
    "header, rows",
    [
        # beside a target column the typical figures are what usually happens
        (("State", "Engineer responds", "Fix (target)", "Typical fix"), [r + ("90 minutes",) for r in LEVELS]),
        # a typical provider's column is the market's
        (("Measure", "Our offer", "Typical tier-1 MSP"), [("P1 response", "15 minutes", "90 minutes")]),
    ],
)  # fmt: skip
def test_a_typical_column_beside_another_of_its_measure_is_no_commitment(header, rows):
    doc = document(tables=(table(header, rows),))
    assert 90.0 not in {c.value for c in extract_vendor("v", [doc]).commitments}


@pytest.mark.parametrize(
    "sentence, scope",
    [
        ("iPad care: $4.20 per iPad per month.", "per_device"),
        ("Hosting: $40 per VM per month.", "per_device"),
        ("Chromebook repair depot with loaner pool: $2,400 per month.", "flat"),
    ],
)
def test_a_fee_per_named_device_is_per_device(sentence, scope):
    assert [f[1] for f in found(sentence) if f[0] == "price"] == [scope]


HMM = "1.2 Periods of time are written h:mm, hours then minutes: 0:15 is fifteen minutes."


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        ([HMM, "5.1 Recovery Point Objective for the Hosted Platform: 0:15."], [("rpo", 15.0)]),
        ([HMM, "5.2 Recovery Time Objective: 4:00 from the declaration of a disaster."], [("rto", 240.0)]),
        # times of day are no periods, in a document that writes periods h:mm too
        ([HMM, "Maintenance is carried out between 22:00 and 05:00."], []),
        ([HMM, "Calls outside 07:00-19:00 go to the night roster."], []),
        # without the notation declared, "0:15" is no period
        (["5.1 Recovery Point Objective for the Hosted Platform: 0:15."], []),
    ],
)  # fmt: skip
def test_periods_written_h_mm_where_the_document_says_so(paragraphs, expected):
    assert [(f[0], f[2]) for f in found(*paragraphs) if f[0] != "support_hours"] == expected


def test_alert_levels_counted_up_rank_the_highest_first():
    got = found(
        "Alert levels count up: Alert 3 is the most serious, Alert 1 the least.",
        "We respond to an Alert 3 within 15 minutes, to an Alert 2 within 1 hour and to an "
        "Alert 1 within 8 business hours.",
    )
    assert [(f[1], f[2]) for f in got] == [("P1", 15.0), ("P2", 60.0), ("P3", 480.0)]


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("5 hours from declaration (restore tested twice a year)", [("rto", 300.0)]),
        ("5 hours from declaration", [("rto", 300.0)]),
    ],
)
def test_an_aside_after_a_cell_figure_does_not_rename_what_its_row_measures(answer, expected):
    rows = [("C3", "Recovery time for the practice-management servers", answer)]
    doc = document(tables=(table(("Ref", "Question", "Response"), rows),))
    got = [(c.category, c.value) for c in extract_vendor("v", [doc]).commitments]
    assert got == expected


def test_working_on_it_is_a_response_and_putting_it_right_a_fix():
    got = found(
        "For P2 we will be working on it within one hour and will have it put right within "
        "eight hours."
    )
    assert [(f[0], f[1], f[2]) for f in got] == [
        ("response_time", "P2", 60.0),
        ("resolution_time", "P2", 480.0),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We guarantee a 15 min call-back for P1 tickets.", [("response_time", "P1", 15.0)]),
        ("P2 callback within 30 minutes, 24/7.", [("response_time", "P2", 30.0)]),
        ("Call-backs: P1 within 15 minutes.", [("response_time", "P1", 15.0)]),
        # last year's average call-back is history, no promise
        ("Our average call-back time in 2025 was 9 minutes.", []),
    ],
)
def test_a_call_back_is_a_response(sentence, expected):
    assert [f[:3] for f in found(sentence) if f[0] == "response_time"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We commit to three nines for the hosted database each month.", [99.9]),
        ("The hosted platform will run at four nines, measured monthly.", [99.99]),
        # a credit threshold written in nines is no availability promise
        ("Where the database falls below three nines in a month we credit 5% of the fee.", []),
    ],
)
def test_nines_name_an_availability(sentence, expected):
    assert [f[2] for f in found(sentence) if f[0] == "availability"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "We charge $79 a month for each member of staff and $30 a month for each X-ray PC.",
            [("per_user", 79.0), ("per_device", 30.0)],
        ),
        (
            "Onboarding costs £4,500 one-off, then £36.00 per device per month.",
            [("onboarding", 4500.0), ("per_device", 36.0)],
        ),
    ],
)
def test_a_basis_after_an_amount_and_before_the_next_is_that_amounts(sentence, expected):
    assert [(f[1], f[2]) for f in found(sentence) if f[0] == "price"] == expected


@pytest.mark.parametrize(
    "sentence, party",
    [
        ("Your practice managers must return our call within half an hour.", "client"),
        ("The site lead shall return the provider's calls within 1 hour.", "client"),
        ("We will return your call within 30 minutes.", "provider"),
    ],
)
def test_whoever_returns_the_providers_call_is_the_client(sentence, party):
    assert {f[5] for f in found(sentence) if f[0] == "response_time"} == {party}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Service credits of up to 10% of the monthly fee are paid when the availability "
            "above is not achieved.",
            [("service_credit", 10.0)],
        ),
        (
            "A credit of 15% of the monthly fee is paid whenever the uptime target is not reached.",
            [("service_credit", 15.0)],
        ),
        (
            "If the response times are not delivered in a month, we credit 5% of the fee.",
            [("service_credit", 5.0)],
        ),
        # a past result stays history, however it is put
        ("In 2025 we achieved 99.98% availability.", []),
        ("Achieved availability last year was 99.98%.", []),
        ("Availability reached 99.97% last winter.", []),
    ],
)
def test_a_target_not_achieved_is_a_condition_not_a_past_result(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "line, kept",
    [
        ("- Weka Lite ($59/device/mth, business-hours desk only) - not proposed", False),
        ("- Essentials plan at $45 per user per month; not quoted here", False),
        ("- Managed device at $79 per device per month", True),
    ],
)
def test_a_plan_set_apart_as_not_proposed_offers_nothing(line, kept):
    assert bool([f for f in found(line) if f[0] == "price"]) == kept


@pytest.mark.parametrize(
    "levels, times",
    [
        (
            ["- Crit = a clinic can't treat", "- Urg = one clinic degraded", "- Std = one user"],
            [
                "- Crit: resp ≤ 20 mins / fix ≤ 4 hrs",
                "- Urg: resp ≤ 1 hr / fix ≤ 8 hrs",
                "- Std: resp ≤ 4 hrs / fix ≤ 16 hrs",
            ],
        ),
        (
            ["- Critical = a site is down", "- Urgent = a team is slowed", "- Standard = one user"],
            [
                "- Critical - resp. 20 mins, fix 4 hrs",
                "- Urgent - resp. 1 hr, fix 8 hrs",
                "- Standard - resp. 4 hrs, fix 16 hrs",
            ],
        ),
    ],
)
def test_short_forms_of_terse_bullets_read_as_their_words(levels, times):
    """ "resp" is a response, "Crit" / "Urg" / "Std" rank as the words they shorten, and a
    level defined with "=" is named by its lead word."""
    got = {(c, s, v) for c, s, v, *_ in found(*levels, *times)}
    assert got == {
        ("response_time", "P1", 20),
        ("resolution_time", "P1", 240),
        ("response_time", "P2", 60),
        ("resolution_time", "P2", 480),
        ("response_time", "P3", 240),
        ("resolution_time", "P3", 960),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Hosted PMS: 99.9% avail., measured mthly.", [("availability", 99.9)]),
        ("Avg. P1 resp. in Q3 2026: 22 mins.", []),
        ("P1 resp. 22 mins.", [("response_time", 22.0)]),
    ],
)
def test_abbreviated_words_and_an_abbreviated_average(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "On-site visits to our offices are made within opening hours.",
            [("onsite", "business_hours")],
        ),
        ("Servers are monitored during opening hours.", [("noc", "business_hours")]),
        ("Engineers attend the stores during trading hours.", [("onsite", "business_hours")]),
        ("Outside opening hours the service desk is closed.", []),
        ("The shop's opening hours are printed on the door.", []),
    ],
)
def test_opening_and_trading_hours_are_business_hours(sentence, expected):
    assert [(s, u) for c, s, _, u, *_ in found(sentence) if c == "support_hours"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Response Time means the time from logging of an Incident until an engineer "
            "begins work on it, not exceeding 15 minutes for a Priority 1 Incident.",
            [("response_time", "P1", 15.0)],
        ),
        (
            "Recovery Time means the time taken to restore the Hosted Services after a site "
            "failure, not exceeding 6 hours.",
            [("rto", "all", 360.0)],
        ),
        (
            "Monthly Availability means the share of minutes the Hosted Services are up, "
            "which we warrant will be no less than 99.9%.",
            [("availability", "all", 99.9)],
        ),
        # the term names the measure, whatever its definition mentions ("restored")
        (
            "Recovery Point means the point in time to which data is restored after a "
            "failure, which will be not more than 60 minutes before the failure.",
            [("rpo", "all", 60.0)],
        ),
        (
            "Resolution Time means the time until service is restored and the first reply "
            "confirmed, not exceeding 8 hours for a Priority 2 Incident.",
            [("resolution_time", "P2", 480.0)],
        ),
        # a bare figure in a definition binds only where a promise holds the provider to it
        ("Initial Term means the period of 48 months from the Commencement Date.", []),
        # a term that names no measure defines something else
        ("Critical Incident means an incident that stops 50 or more users.", []),
        ("Maintenance Window means 00:30 to 03:30 on a Tuesday night.", []),
    ],
)
def test_a_defined_term_naming_a_measure_is_held_to_its_figure(sentence, expected):
    assert [(c, s, v) for c, s, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The portal is hosted in our Sydney data centre, which we guarantee will be "
            "available 99.95% of each month.",
            [("availability", 99.95)],
        ),
        (
            "Every call is answered by an engineer, which we commit will happen within 20 minutes.",
            [("response_time", 20.0)],
        ),
        # the relative clause of a past result is still the past
        ("The platform ran all year, which in 2025 meant 99.98% uptime.", []),
    ],
)
def test_a_relative_clause_takes_the_measure_it_qualifies(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("After the first six months you can leave at any time on 30 days' notice.", [30.0]),
        ("You can leave with 60 days' notice at any time.", [60.0]),
        ("Either party may leave the agreement on 90 days' written notice.", [90.0]),
        ("Staff may take annual leave with 30 days' notice.", []),
    ],
)
def test_leaving_on_notice_is_ending_the_contract(sentence, expected):
    assert [v for c, _, v, *_ in found(sentence) if c == "termination_notice"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a bare notice label with its own value is the contract's notice, as a row would be
        ("Notice: 6 months to the end of a month.", [180.0]),
        ("Contract notice period: 90 days", [90.0]),
        ("Notice period - 3 months.", [90.0]),
        # convenience and a rolling contract are ways of ending it
        ("Either party may withdraw for convenience on sixty days' written notice.", [60.0]),
        ("Term: 36 months, then rolling monthly with 90 days' notice.", [90.0]),
        # a notice for something else, or one the label does not hold, is none
        ("The notice period is 10 days for planned maintenance.", []),
        ("Notice of a price increase: 30 days.", []),
        ("Notice: we give 5 days' notice of any planned outage.", []),
    ],
)
def test_a_bare_notice_label_is_the_contracts_notice(sentence, expected):
    assert [v for c, _, v, *_ in found(sentence) if c == "termination_notice"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # how long an agreement runs is its term, whatever the agreement is called
        ("This SOW runs for 36 months.", [("contract_term", 36.0)]),
        ("Schedule C runs for 24 months from signature.", [("contract_term", 24.0)]),
        ("The engagement lasts for 36 months.", [("contract_term", 36.0)]),
        ("Our agreements run for twelve months.", [("contract_term", 12.0)]),
        ("The agreement would run for two years.", [("contract_term", 24.0)]),
        ("The agreement runs three years.", [("contract_term", 36.0)]),
        ("The contract has the duration of 36 months.", [("contract_term", 36.0)]),
        (
            "12-month minimum, then rolling monthly with 90 days' notice.",
            [("contract_term", 12.0), ("termination_notice", 90.0)],
        ),
        # what else runs for a while is no term
        ("Each review meeting runs for 2 hours.", []),
        ("The onboarding runs for six weeks.", [("onboarding_duration", 42.0)]),
        ("Nothing rolls over without your signature three months before the end.", []),
    ],
)
def test_how_long_an_agreement_runs_is_its_term(sentence, expected):
    assert [(c, v) for c, _, v, *_ in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "A P2 incident gets a response within 45 minutes and is restored within 8 hours; "
            "a P3 incident within 4 hours and 2 days.",
            {("response_time", "P3", 240.0), ("resolution_time", "P3", 2880.0)},
        ),
        (
            "Severity 1 faults are answered in 15 minutes and fixed in 4 hours; Severity 2 "
            "faults in 1 hour and 8 hours.",
            {("response_time", "P2", 60.0), ("resolution_time", "P2", 480.0)},
        ),
    ],
)
def test_a_clause_of_bare_durations_repeats_the_measures_before_it_in_order(sentence, expected):
    assert expected <= {(c, s, v) for c, s, v, *_ in found(sentence)}


def test_one_bare_duration_after_two_measures_keeps_the_nearest():
    got = {
        (c, s, v)
        for c, s, v, *_ in found(
            "A P2 incident gets a response within 45 minutes and is restored within 8 hours; "
            "a P3 incident within 2 days."
        )
    }
    assert ("resolution_time", "P3", 2880.0) in got


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        # a verb with no subject of its own shares the one before it
        (
            "During a P1 the Customer shall keep a manager reachable by phone, and shall confirm"
            " the fix with our engineer within 30 minutes of being asked.",
            [("response_time", "P1", 30.0, "minute", B, "client")],
        ),
        (
            "We shall keep the ticket open, and shall respond to P1 calls within 30 minutes.",
            [("response_time", "P1", 30.0, "minute", B, "provider")],
        ),
        # an escalation and its elided second step are timers, not service levels
        (
            "Who handles a P1 that is not fixed quickly? After one hour a P1 passes to our senior"
            " engineer, and after four hours to our Chief Technology Officer.",
            [],
        ),
        ("A P1 goes to the service manager after 2 hours.", []),
        (
            "We fix a P1 within 4 hours; the ticket then goes to the customer for sign-off.",
            [("resolution_time", "P1", 240.0, "minute", B, "provider")],
        ),
        # a figure called out of reach, a comparison and a past year's results offer nothing
        (
            "We will complete onboarding within 60 days; 30 days is not realistic.",
            [("onboarding_duration", "all", 60.0, "day", B, "provider")],
        ),
        ("In our experience onboarding in 60 days is not achievable for 40 sites.", []),
        ("For comparison, the carrier publishes 99.5% availability for its network.", []),
        ("For scale: 99.95% of a month still allows about 22 minutes of an outage.", []),
        (
            "Critical patches go on within 3 days, whatever the day of a 7-day week.",
            [("patch_window", "all", 3.0, "day", B, "provider")],
        ),
        ("Patches are counted over a 30-day month.", []),
        (
            "In 2025 our average P1 response was 14 minutes, and 88% of tickets were resolved"
            " on first contact.",
            [],
        ),
        # the loss of a named system is a disaster recovery; a laptop's is not
        (
            "After a failure of the primary server we restore service on the standby within"
            " 6 hours.",
            [("rto", "all", 360.0, "minute", B, "provider")],
        ),
        ("Following the loss of a server, we will restore service within 4 hours.", None),
        ("After a failure of a laptop we swap it within 4 hours.", []),
        # a contract that runs until a party gives notice ends on that notice; notice of a
        # change is no notice to end it
        (
            "After that it simply continues until either of us gives one month's notice.",
            [("termination_notice", "all", 30.0, "day", B, "provider")],
        ),
        ("The service runs until we give 60 days' notice of any change to the fees.", []),
        ("Either party may terminate on 90 days' notice of any price increase.", []),
        (
            "We may change our fees for a renewal term by notice given 45 days before the renewal.",
            [],
        ),
        (
            "The agreement renews for 12 months unless either party gives 60 days' notice"
            " before the renewal date.",
            [("termination_notice", "all", 60.0, "day", B, "provider")],
        ),
        # a restore beside the recovery point is the recovery time
        (
            "Backups run every four hours, giving a recovery point of 4 hours, and we will"
            " restore the DMS within 6 hours.",
            [
                ("rpo", "all", 240.0, "minute", B, "provider"),
                ("rto", "all", 360.0, "minute", B, "provider"),
            ],
        ),
        # hours of cover written as "24 hours, every day", either way round
        (
            "The service desk is open 24 hours, all week.",
            [("support_hours", "helpdesk", None, "24x7", B, "provider")],
        ),
        (
            "Our service desk answers seven days a week, 24 hours.",
            [("support_hours", "helpdesk", None, "24x7", B, "provider")],
        ),
        # ... but "within 24 hours" is a duration, whatever follows it
        (
            "We respond within 24 hours every day.",
            [("response_time", "all", 1440.0, "minute", B, "provider")],
        ),
        # a service level declared not covered
        (
            "Resolution time is not covered for P4 tickets.",
            [("resolution_time", "P4", None, "minute", X, "provider")],
        ),
        # a currency sign written with a full stop keeps its amount in the same sentence
        (
            "A managed server costs Kshs. 9,500/= per server per month.",
            [("price", "per_device", 9500.0, "KES/month", B, "provider")],
        ),
        (
            "Support is Rs. 35,000 per month.",
            [("price", "flat", 35000.0, "INR/month", B, "provider")],
        ),
    ],
)
def test_clauses_read_by_their_grammar_and_their_purpose(paragraph, expected):
    got = found(paragraph)
    if expected is None:  # only the category matters
        assert [g[0] for g in got] == ["rto"]
    else:
        assert got == expected


def test_a_numbered_question_is_the_clients_and_heads_the_answer_under_it():
    """A clarification log's "Q9." paragraph asks; its "A9." answer takes the measure from it,
    and the question's own requirement offers nothing."""
    got = found(
        "Q5. RFP clause 4.5 requires round-the-clock monitoring of the core platform. Please"
        " confirm.",
        "A5. Our monitoring centre is staffed from 06:00 to 22:00, seven days a week.",
        "Q9. What availability do you commit to for the hosted gateway?",
        "A9. 99.9% in each calendar month, excluding planned maintenance.",
        "Q18. How long will onboarding take? The RFP asks for 60 days.",
        "A18. Ninety days from signature to the last site going live.",
    )
    assert sorted(got) == [
        ("availability", "all", 99.9, "percent", B, "provider"),
        ("onboarding_duration", "all", 90.0, "day", B, "provider"),
        ("support_hours", "noc", None, "business_hours", B, "provider"),
    ]


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        # whatever the client's act, the time it has to act in is its response
        (
            "The Customer shall confirm the restoration of a P1 incident within 1 hour of our"
            " notice.",
            [("response_time", "P1", 60.0, "minute", B, "client")],
        ),
        # going into service within weeks of signature is the onboarding
        (
            "We will be fully in service within eight weeks of signature.",
            [("onboarding_duration", "all", 56.0, "day", B, "provider")],
        ),
        # a renewal "a year at a time" is no term
        (
            "The agreement runs for two years and then rolls forward a year at a time.",
            [("contract_term", "all", 24.0, "month", B, "provider")],
        ),
        # an hourly rate charged for a visit is an hourly rate; a price per visit is not
        (
            "A visit outside those hours is charged at $210 per hour, with a four-hour minimum.",
            [
                ("price", "hourly", 210.0, "USD/hour", B, "provider"),
                ("support_hours", "onsite", None, "24x7", C, "provider"),
            ],
        ),
        ("Each site visit costs $150.", []),
    ],
)
def test_whose_time_and_which_price_a_clause_states(paragraph, expected):
    assert found(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph, strength",
    [
        ("We charge $84 per device per month, provided you accept a five-year term.", C),
        ("We charge $84 per device per month for a five-year term.", B),
    ],
)
def test_a_price_and_term_offered_on_the_clients_choice_are_conditional(paragraph, strength):
    assert {(c, st) for c, _, _, _, st, _ in found(paragraph)} == {
        ("price", strength),
        ("contract_term", strength),
    }


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # a nested list takes the lead-in of the item it hangs under
        (
            [
                "(1) The Contractor shall respond to a fault report within the following times:",
                "a) Category I: not more than 45 minutes;",
                "(2) The Contractor shall restore the service, by a workaround or a fix, within:",
                "a) Category I: eight hours;",
            ],
            {("response_time", 45.0), ("resolution_time", 480.0)},
        ),
        # levels listed after "as" in the sentence that declares them, then used in lower case
        (
            [
                "We classify each call as urgent, normal or low. We will call back on urgent"
                " faults within 4 hours, on normal faults by the next business day and on"
                " low-priority calls within three business days."
            ],
            {("response_time", 240.0, "P1"), ("response_time", 480.0, "P2"),
             ("response_time", 1440.0, "P3")},
        ),
        # what a part after a semicolon measures, when it names nothing
        (
            ["Recovery time objective: 4 hours for the admin server; one business day for a"
             " file server."],
            {("rto", 240.0), ("rto", 480.0)},
        ),
        (["We respond to P1 within 15 minutes; backups are kept for 30 days."],
         {("response_time", 15.0)}),
    ],
)  # fmt: skip
def test_lists_and_parts_read_by_their_structure(paragraphs, expected):
    got = found(*paragraphs)
    width = len(next(iter(expected)))
    assert {(c, v, s)[:width] for c, s, v, *_ in got} == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("If a P1 ticket is restored late we credit 5% of the monthly fee, up to a maximum of"
         " 15% of the monthly fee.", [("service_credit", "all", 15.0, "percent", B, "provider")]),
        ("Invoices paid late attract interest of 2% per month.", []),
        ("For each half point of availability short, the monthly fee is reduced by 2 per cent,"
         " by no more than 20 per cent in total.",
         [("service_credit", "all", 20.0, "percent", B, "provider")]),
        ("The hosted platform shall be restored within four hours of a failure.",
         [("rto", "all", 240.0, "minute", B, "provider")]),
        ("An on-call engineer is available at all times for alarms from the monitoring.",
         [("support_hours", "noc", None, "24x7", B, "provider")]),
        ("The transition is complete within 12 weeks of signing, according to the plan in"
         " Annex A.", [("onboarding_duration", "all", 84.0, "day", B, "provider")]),
        ("According to Gartner, most providers respond within 4 hours.", []),
        ("The data centre operator states an availability of 99.5% for its storage.", []),
        ("A steering meeting with the Client's board is held quarterly.",
         [("review_cadence", "all", 90.0, "day", B, "provider")]),
        ("Either side may give notice of 3 months to the end of a calendar quarter.",
         [("termination_notice", "all", 90.0, "day", B, "provider")]),
        ("Central systems cost EUR 1,950 per month, flat, for servers and networks.",
         [("price", "flat", 1950.0, "EUR/month", B, "provider")]),
    ],
)  # fmt: skip
def test_credits_recovery_cover_and_third_parties_in_other_words(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        # ordinal bands are levels; a "first-line" engineer is no level
        ("A second-band call will be picked up within half an hour.",
         [("response_time", "P2", 30.0, "minute", B, "provider")]),
        ("Our first-line engineers answer within 30 minutes.",
         [("response_time", "all", 30.0, "minute", B, "provider")]),
        # a maintenance notice "at least 72 hours" ahead is no escalation timer
        ("We guarantee 99.95% availability, excluding maintenance notified at least 72 hours in"
         " advance.", [("availability", "all", 99.95, "percent", B, "provider")]),
        ("Our duty manager is notified at 2 hours.", []),
        # a financial year's results are history
        ("In FY2025 we resolved 74% of calls at first contact.", []),
        # "each of your 900 devices" prices every device; "your 900 devices" all of them
        ("Looking after each of your roughly 900 devices will cost $89 a month.",
         [("price", "per_device", 89.0, "USD/month", B, "provider")]),
        ("Looking after your 900 devices will cost $8,900 a month.",
         [("price", "flat", 8900.0, "USD/month", B, "provider")]),
    ],
)  # fmt: skip
def test_bands_notices_and_financial_years(paragraph, expected):
    assert found(paragraph) == expected


def test_the_part_before_a_semicolon_outranks_a_heading():
    got = found(
        "RTO: 4 hours for the medication system; 10 hours for all other hosted systems.",
        heading="C4 Hosting, recovery and patching",
    )
    assert {(c, v) for c, _, v, *_ in got} == {("rto", 240.0), ("rto", 600.0)}


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        (
            "A visit outside those hours is charged at $210 per hour, with a four-hour minimum.",
            True,
        ),
        ("Night and weekend visits can be arranged for Red tickets at $210 an hour.", True),
        # visits in working hours billed by the hour are the offer itself
        ("On-site visits: working hours only, by arrangement, charged at £95 p/h.", False),
        ("Our engineers visit on site during business hours.", False),
    ],
)
def test_after_hours_cover_billed_by_the_hour_is_extra_cost(sentence, flagged):
    flags = {f.flag for f in extract_vendor("v", [document(sentence)]).risk_flags}
    assert ("extra-cost" in flags) is flagged


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        ("We administer all administrator accounts of your systems.", True),
        ("Bluepoint administers the Court's systems through its own privileged accounts.", True),
        ("Admin accounts are managed exclusively by the Supplier.", True),
        # running the client's systems is the service; its own vault keeps its keys
        ("We administer your Microsoft 365 tenant day to day.", False),
        (
            "The Customer keeps all credentials in its own vault; our engineers use named accounts.",
            False,
        ),
    ],
)
def test_who_holds_the_administrator_keys(sentence, flagged):
    flags = {f.flag for f in extract_vendor("v", [document(sentence)]).risk_flags}
    assert ("vendor-holds-keys" in flags) is flagged


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "N to do X": the time it takes to do what follows the figure
        ("P2: 1 hour to respond, 8 hours to fix.",
         {("response_time", 60.0), ("resolution_time", 480.0)}),
        ("For P3 the figures are two business hours to pick up and the next business day to fix.",
         {("response_time", 120.0), ("resolution_time", 480.0)}),
        # ... but "within N to do X" is the deadline of the verb before it
        ("We respond within 4 hours to resolve your issue quickly.", {("response_time", 240.0)}),
    ],
)  # fmt: skip
def test_a_time_to_do_what_follows_the_figure(sentence, expected):
    assert {(c, v) for c, _, v, *_ in found(sentence)} == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In FY2025 we resolved 74% of calls at first contact; for you we commit to no less than"
         " 70%.", [("first_contact_resolution", "all", 70.0, "percent", B, "provider")]),
        ("In 2025 we resolved 74% of calls at first contact; invoices are due in 30 days.", []),
    ],
)  # fmt: skip
def test_a_promise_set_against_a_past_figure_takes_its_measure(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # someone placed at or sent to the client's site, in words other than "on-site"
        ("An engineer is based at the depot from 07:00 to 17:00 on weekdays.",
         [("onsite", "business_hours", B)]),
        ("Two resident technicians work in the plant on weekdays.",
         [("onsite", "business_hours", B)]),
        ("Our technician will come to the clinic between 8 am and 6 pm on weekdays.",
         [("onsite", "business_hours", B)]),
        ("We will send an engineer to any branch during business hours.",
         [("onsite", "business_hours", B)]),
        # out of hours: refused, or offered at a price or on request
        ("We do not send engineers out at night or on Sundays.", [("onsite", "24x7", X)]),
        ("Not in scope: out-of-hours on-site support.", [("onsite", "24x7", X)]),
        ("Visits at other times can be arranged at the after-hours rate.",
         [("onsite", "24x7", C)]),
        ("We will also come out after dark or on a Sunday if you need us to.",
         [("onsite", "24x7", C)]),
        ("Attendance at any campus outside the school day can be arranged.",
         [("onsite", "24x7", C)]),
        ("We propose engineers on every campus on school days.", [("onsite", "business_hours", B)]),
        ("Field technicians in Ponta Grossa and Guarapuava: Monday to Friday 8:00-18:00.",
         [("onsite", "business_hours", B)]),
        ("On working days a technician is dispatched within 4 hours.",
         [("onsite", "business_hours", B)]),
        # a count of staff in a place is the company's size, not its cover
        ("Our 40 engineers in Leeds and York look after 9,000 devices around the clock.", []),
        ("On-site service is included during service hours; outside service hours on-site work is"
         " possible against surcharge.", [("onsite", "business_hours", B), ("onsite", "24x7", C)]),
        # "the same hours" are the hours just stated, whoever they were stated for
        ("Our help desk is open 8:00 a.m. to 6:00 p.m., Monday to Friday, and our technicians"
         " visit branches during the same hours.",
         [("helpdesk", "business_hours", B), ("onsite", "business_hours", B)]),
        # an engineer on a ticket or on shift is no site visit; "available" alone is no offer
        ("A named engineer is on every Code Red within 15 minutes, at any hour.", []),
        ("The NOC watches every link around the clock, with a network engineer on shift at all"
         " times.", [("noc", "24x7", B)]),
        ("Support is available outside of working hours in the case of an emergency.", []),
        ("Our technicians come to an agreement with you on the change window.", []),
    ],
)  # fmt: skip
def test_site_attendance_in_other_words(sentence, expected):
    assert [(f[1], f[3], f[4]) for f in found(sentence) if f[0] == "support_hours"] == expected


def test_a_clock_time_with_a_full_stop_can_end_a_sentence():
    got = found(
        "An engineer comes out to your branch on weekdays between 8 a.m. and 5 p.m. We don't"
        " send technicians to branches at night or on weekends."
    )
    assert [(f[1], f[3], f[4]) for f in got] == [
        ("onsite", "business_hours", B),
        ("onsite", "24x7", X),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the take-over named by its verb or by a bare label before "in"
        ("We would take over in eight weeks.", [56.0]),
        ("The whole take-over is finished within 10 weeks of signature.", [70.0]),
        ("Transition in 60 days.", [60.0]),
        ("Setting up takes four weeks.", [28.0]),
        # no measure named: a span counted from the start of the contract
        ("Everything is handed over within thirty (30) days of signature.", [30.0]),
        ("Every hotel is visited and inventoried within three weeks of signature.", [21.0]),
        # counted from something else, or the client's duty, or the kick-off itself
        ("A performance bond will be lodged within 14 days of notification of award.", []),
        ("Your data is returned within 30 days of contract end.", []),
        ("The customer must name a contact within 10 days of signature.", []),
        ("We will hold a kick-off meeting within 5 days of signature.", []),
        ("Invoices are payable within 30 days of the invoice date.", []),
    ],
)  # fmt: skip
def test_how_long_the_take_over_takes(sentence, expected):
    assert [f[2] for f in found(sentence) if f[0] == "onboarding_duration"] == expected


def test_a_lead_in_that_states_the_total_does_not_lend_it_to_its_stages():
    got = found(
        "The whole take-over is finished within 10 weeks of signature:",
        "- Weeks 1-4: discovery and documentation of every branch.",
        "- Weeks 5-9: branch-by-branch cut-over, three branches a week.",
    )
    assert [f[2] for f in got if f[0] == "onboarding_duration"] == [70.0]


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # an executive forum's cadence stands where it is the only review offered
        (["Our director chairs a monthly steering meeting."], [30.0]),
        (["A quarterly Executive Steering Committee reviews the service."], [90.0]),
        (["A quarterly executive steering meeting reviews the roadmap."], [90.0]),
        (["The governance board sits quarterly."], [90.0]),
        (["We hold a weekly ops huddle with your IT lead."], [7.0]),
        # ... and gives way to the service review where both are offered
        (["We hold a service review with your IT lead every month and a quarterly executive"
          " steering meeting with your COO."], [30.0]),
        (["Service reviews are held every month.", "A quarterly steering meeting sets priorities."],
         [30.0]),
        # the forum anywhere in the clause, or its members: senior people of both sides
        (["Service reviews are held every month.", "A Steering Committee, with our branch director"
          " and your Managing Board, will meet each quarter."], [30.0]),
        # the people at a review do not make it an executive forum
        (["A service review is held monthly with the Client's Operations Director.",
          "A strategic review is held twice a year with our Managing Director."], [30.0, 180.0]),
        # a report sent to a board is no meeting
        (["We send a monthly report to the board."], []),
    ],
)  # fmt: skip
def test_review_cadence_of_executive_forums(paragraphs, expected):
    assert [f[2] for f in found(*paragraphs) if f[0] == "review_cadence"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("For priority A and B incidents we respond within 30 minutes.", ["P1", "P2"]),
        ("Severity A, B or C calls are answered within 4 hours.", ["P1", "P2", "P3"]),
        ("For Severity 1 and 2 incidents we respond within 30 minutes.", ["P1", "P2"]),
        # a lower-case word after "and" is no level letter
        ("For priority A and a second site we respond within 30 minutes.", ["P1"]),
    ],
)
def test_a_list_of_level_letters_names_each_level(sentence, expected):
    assert [f[1] for f in found(sentence) if f[0] == "response_time"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("During a P1 incident the client must be reachable by phone within 2 hours.",
         [("response_time", "P1", 120.0, "client")]),
        ("You must be reachable within one hour during a Severity 1.",
         [("response_time", "P1", 60.0, "client")]),
        ("The customer shall be available by telephone within 30 minutes of our call.",
         [("response_time", "all", 30.0, "client")]),
        # the customer who receives is not the one acting
        ("The customer will receive a response within 30 minutes.",
         [("response_time", "all", 30.0, "provider")]),
    ],
)  # fmt: skip
def test_a_client_who_must_be_reachable_owes_a_response(sentence, expected):
    assert [(f[0], f[1], f[2], f[5]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # how often data is copied away is the most that can be lost
        ("We back up every server every 2 hours.", [("rpo", 120.0)]),
        ("Your files are saved every 4 hours.", [("rpo", 240.0)]),
        ("At most one hour of lab work could ever be lost.", [("rpo", 60.0)]),
        ("In a disaster you would lose one day's work.", [("rpo", 1440.0)]),
        # a line down for hours loses no data; how long copies are kept is no recovery point
        ("If power is lost for more than 4 hours, the generator starts.", []),
        (
            "We back up every server every 2 hours and keep the copies for 90 days.",
            [("rpo", 120.0)],
        ),
    ],
)
def test_recovery_point_in_other_words(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence) if f[0] in ("rpo", "rto")] == expected


@pytest.mark.parametrize(
    "heading, sentence, expected",
    [
        # a restore under a disaster-recovery heading is the recovery time ...
        ("Disaster recovery", "Restoring a whole server takes one working day.", "rto"),
        ("Disaster recovery", "A complete hosted service can be restored within 8 hours.", "rto"),
        # ... unless a priority says it is an incident's fix; elsewhere it is the fix
        ("Disaster recovery", "P1 incidents are restored within 4 hours.", "resolution_time"),
        ("Incident management", "A hosted service can be restored within 8 hours.",
         "resolution_time"),
    ],
)  # fmt: skip
def test_a_restore_under_a_recovery_heading_is_the_recovery_time(heading, sentence, expected):
    assert [f[0] for f in found(sentence, heading=heading)] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("No time to fix applies to Prio 4 requests.", ("P4", None, X)),
        ("P4 requests: we don't put a fix time on them.", ("P4", None, X)),
        ("Housekeeping requests (P4) carry no completion time at all.", ("P4", None, X)),
        ("For Prio 3 there is no solve time.", ("P3", None, X)),
        ("P2 calls have a completion target of 8 hours.", ("P2", 480.0, B)),
    ],
)
def test_fix_times_refused_or_given_in_other_words(sentence, expected):
    got = [(f[1], f[2], f[4]) for f in found(sentence) if f[0] == "resolution_time"]
    assert got == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Leave whenever you like with 30 days' notice.", [30.0]),
        ("You may leave early with 30 days' written notice.", [30.0]),
        ("You may end yours at any time with thirty days' notice.", [30.0]),
        # leaving a message is no leaving the contract
        ("Please leave a message; we give 30 days' notice of planned maintenance.", []),
    ],
)
def test_leaving_the_contract_is_its_termination(sentence, expected):
    assert [f[2] for f in found(sentence) if f[0] == "termination_notice"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a disclaimer after the figure disowns the clause before it
        ("Our co-location provider certifies 99.999% for power and cooling; that figure is"
         " theirs, not ours.", []),
        ("The data centre publishes a 99.99% facility uptime, but that figure is the data"
         " centre's, not ours.", []),
        ("Microsoft publishes a 99.99% virtual machine SLA; that figure is Microsoft's and is not"
         " a Service Level.", []),
        # ... and only that clause
        ("We guarantee 99.9% availability each month; the data centre publishes 99.99%, but that"
         " figure is theirs, not ours.", [99.9]),
    ],
)  # fmt: skip
def test_a_figure_disowned_after_it_is_someone_elses(sentence, expected):
    assert [f[2] for f in found(sentence) if f[0] == "availability"] == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # service requests rank below the incident levels, as P4 where the scheme leaves it free
        (["P3 incidents are answered within 4 hours.",
          "Service requests are acknowledged within 2 business days."],
         [("P3", 240.0), ("P4", 960.0)]),
        (["Housekeeping requests are acknowledged by the end of the next business day."],
         [("P4", 480.0)]),
        # beside four incident levels they are a class of their own
        (["P4 incidents are answered within 8 hours.",
          "Service requests are acknowledged within 2 business days."],
         [("P4", 480.0), ("all", 960.0)]),
        # a plain "request" is any ticket
        (["We respond to every request within 4 hours."], [("all", 240.0)]),
    ],
)  # fmt: skip
def test_service_requests_rank_below_the_incident_levels(paragraphs, expected):
    assert [(f[1], f[2]) for f in found(*paragraphs) if f[0] == "response_time"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Evening and weekend help desk cover is not part of this proposal.",
         [("helpdesk", "24x7", X)]),
        ("24x7 monitoring is not part of this offer.", [("noc", "24x7", X)]),
        ("Overnight on-site visits are not part of this offer.", [("onsite", "24x7", X)]),
        # a plan or a level left out of the offer sets its figures aside
        ("Our Gold plan is not part of this offer; it answers in 10 minutes.", []),
        ("A 99.9% commitment would need a second hosting site, which is not part of this"
         " tender.", []),
    ],
)  # fmt: skip
def test_a_service_not_part_of_the_offer_is_excluded_cover(sentence, expected):
    assert [(f[1], f[3], f[4]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("99.9% Canvas and Synergetic links up, every month", [("availability", 99.9)]),
        ("1 hr the most student work you could ever lose", [("rpo", 60.0)]),
        ("24 / 7 eyes on your network, servers and links", [("support_hours", None)]),
        ("90%+ staff happy with every ticket - or better", [("csat", 90.0)]),
        # a share of calls picked up is no uptime; a past rating is no promise
        ("98% of P1 calls picked up within the hour.", [("response_time", 60.0)]),
        ("Last year 94% of staff were happy with our service.", []),
    ],
)  # fmt: skip
def test_headline_figures_read_from_their_captions(sentence, expected):
    """A tile of an "at a glance" page: the figure first, then words that name the measure."""
    got = found(sentence, heading="At a glance - six promises we put in the contract")
    assert [(f[0], f[2]) for f in got] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We restore service inside 6 hrs, provided your servers have moved to our data"
         " centre.", "conditional"),
        ("Back up and running inside 6 hrs - provided the servers are hosted with us.",
         "conditional"),
        ("Back up and running inside 6 hrs provided that your servers are hosted with us.",
         "conditional"),
        ("We restore service inside 6 hrs of a site loss.", "binding"),
    ],
)  # fmt: skip
def test_provided_without_that_makes_a_condition(sentence, expected):
    assert [f[4] for f in found(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Code Amber - a faculty, a year level or the front office is stuck", []),
        ("Code Amber - a year level is stuck: we answer in 1 hour.", [("response_time", 60.0)]),
        ("A Sev 4 request is answered within 20 business days.", [("response_time", 9600.0)]),
    ],
)  # fmt: skip
def test_a_year_is_no_response_time(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("9.1 The Supplier must complete the Transition Services no later than twelve (12)"
         " weeks after the Commencement Date.", [("onboarding_duration", 84.0)]),
        ("On termination we provide transition services for 90 days.", []),
        ("Transition assistance is available for 60 days from the termination date.", []),
        # counted from a letter or date that starts the contract
        ("1. To commence the services within sixty (60) days of the Letter of Award.",
         [("onboarding_duration", 60.0)]),
        ("Services go live within 45 days from the date of signature.", [("onboarding_duration", 45.0)]),
        # a security lodged after the award is no take-over of the service
        ("A performance security of 10% of the contract sum will be lodged within 14 days of"
         " notification of award.", []),
    ],
)  # fmt: skip
def test_transition_services_at_the_start_are_the_onboarding(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("During school hours the customer's IT team must acknowledge a Severity 1 escalation"
         " from our operations centre within 30 minutes.", [("P1", 30.0, "client")]),
        ("During a P1, the customer's IT team will join the bridge call within 30 minutes of"
         " being paged.", [("P1", 30.0, "client")]),
        ("The customer's users will receive a reply within 30 minutes.",
         [("all", 30.0, "provider")]),
        ("Unresolved P1 incidents are escalated to the Service Manager after 2 hours.", []),
        ("An escalation to the duty manager happens within 1 hour.", []),
    ],
)  # fmt: skip
def test_the_clients_team_answering_an_escalation_is_the_clients_duty(sentence, expected):
    assert [(f[1], f[2], f[5]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("4.3 For example, if the Monthly Service Fee is $40,000 and Availability in a Month is"
         " 98.7%, the Service Credit is $4,000.", []),
        ("4.3 Availability in each Month will be at least 99.5%.", [("availability", 99.5)]),
    ],
)  # fmt: skip
def test_an_example_is_one_after_its_clause_number(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == expected


def _cover(*paras, tables=()):
    doc = document(*paras, tables=tables)
    return sorted(
        (c.scope, c.unit)
        for c in extract_vendor("v", [doc]).commitments
        if c.category == "support_hours"
    )


@pytest.mark.parametrize(
    "legend",
    [
        ["Two service windows are used:", "- Standard Support Hours (SSH) : 07:30 to 17:30,"
         " Monday to Friday.", "- Extended Support Hours (ESH) : 24 hours a day, 7 days a week."],
        ["Key: SSH = business hours, 07:30 to 17:30 Monday to Friday; ESH = 24x7, every hour"
         " of every day."],
    ],
)  # fmt: skip
def test_hours_a_document_names_by_a_short_form_cover_the_cells_that_use_it(legend):
    rows = [
        ["Infrastructure monitoring (NOC)", "ESH"],
        ["Field services (on-site at either campus)", "SSH"],
    ]
    got = _cover(*legend, tables=(table(["Service component", "Hours of cover"], rows),))
    assert ("noc", "24x7") in got and ("onsite", "business_hours") in got
    assert ("noc", "business_hours") not in got and ("onsite", "24x7") not in got


@pytest.mark.parametrize(
    "key, expected",
    [
        ("Key: BH = business hours, 08:00-17:00 Mon-Fri; NBD = next business day.",
         [("helpdesk", "business_hours"), ("noc", "business_hours")]),
        # without the legend a bare "BH" still reads as business hours
        ("", [("helpdesk", "business_hours"), ("noc", "business_hours")]),
    ],
)  # fmt: skip
def test_a_legend_short_form_in_a_list_is_the_hours_it_stands_for(key, expected):
    items = ["- Helpdesk: BH (phone, email, portal).", "- Monitoring: BH; alerts raised"
             " outside BH are queued for the NBD."]  # fmt: skip
    assert _cover(*([key] if key else []), *items) == expected


@pytest.mark.parametrize(
    "opening",
    [
        "Customer: Thornbury Grammar School Foundation. Provider: Kookaburra Networks Pty Ltd.",
        "Request for Tender TGSF-2027-01, Managed ICT Services, issued by Thornbury Grammar"
        " School Foundation. Respondent: Kookaburra Networks Pty Ltd.",
    ],
)
def test_the_client_named_on_a_cover_label_or_as_the_tenders_issuer(opening):
    """Once the client is known by name, what its own people must do is the client's duty."""
    doc = document(
        opening,
        "During a P1, Thornbury's IT team will join the bridge call within 30 minutes.",
        "Kookaburra Networks answers P2 calls within 2 hours.",
    )
    got = {(c.scope, c.party) for c in extract_vendor("kookaburra-networks", [doc]).commitments}
    assert got == {("P1", "client"), ("P2", "provider")}


def test_a_requirement_quoted_in_a_compliance_row_does_not_soften_the_answer():
    header = ["Clause", "Requirement (RFT Part B)", "Compliance", "Respondent's response"]
    rows = [
        ["B1.7", "The Supplier should resolve at least 70% of service desk contacts at first"
         " contact.", "Exceeds", "At least 75% of contacts resolved at first contact."],
        ["B1.8", "Customer satisfaction of at least 85%.", "Partially complies",
         "We aim for 85% satisfaction."],
    ]  # fmt: skip
    doc = document(tables=(table(header, rows),))
    got = {(c.category, c.value, c.strength) for c in extract_vendor("v", [doc]).commitments}
    assert got == {("first_contact_resolution", 75.0, "binding"), ("csat", 85.0, "soft")}


def test_a_quote_tables_unit_prices_take_their_period_from_the_section_heading():
    """A quote's recurring lines: the period in the heading over the table, the basis in the
    line's description; "RTO 4 hr" in a description is a duration, not an hourly rate."""
    header = ["Part #", "Description", "Qty", "Unit Price", "Ext. Price"]
    rows = [
        ["MS-EP", "Managed Endpoint Pro: patching, EDR", "140", "$64.00", "$8,960.00"],
        ["MS-BDR", "Backup & DR for hosted TMS: RPO 15 min, RTO 4 hr", "1", "$1,450.00",
         "$1,450.00"],
    ]  # fmt: skip
    for heading, period in [("Recurring Services (billed monthly in advance)", True),
                            ("Services", False)]:  # fmt: skip
        t = replace(table(header, rows), section=(heading,))
        doc = document(tables=(t,), heading=heading)
        got = {
            (c.scope, c.value, c.unit)
            for c in extract_vendor("v", [doc]).commitments
            if c.category == "price"
        }
        want = {("per_device", 64.0, "USD/month"), ("flat", 1450.0, "USD/month")}
        assert got == (want if period else set())


@pytest.mark.parametrize(
    "head, expected",
    [
        ("Ref.", {("per_device", 56.0), ("flat", 1850.0)}),
        ("#", {("per_device", 56.0), ("flat", 1850.0)}),
        # numbers under a header that does not call them line numbers: the row is the band's
        ("Band", {("flat", 56.0), ("flat", 1850.0)}),
    ],
)
def test_a_line_numbers_row_is_named_by_its_description(head, expected):
    header = [head, "Description", "Qty", "Unit price", "Amount"]
    rows = [
        ["1", "Managed workstations, laptops and instrument PCs", "860", "$56.00", "$48,160.00"],
        ["2", "HPC cluster care, 32 nodes, flat fee", "1", "$1,850.00", "$1,850.00"],
    ]
    heading = "Recurring services (per month)"
    doc = document(tables=(replace(table(header, rows), section=(heading,)),), heading=heading)
    got = {
        (c.scope, c.value) for c in extract_vendor("v", [doc]).commitments if c.category == "price"
    }
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A one-off onboarding fee of $6,400 covers all fourteen clinics and head office.",
         [("onboarding", 6400.0)]),
        ("The fee is $45 per head per month.", [("per_user", 45.0)]),
    ],
)  # fmt: skip
def test_head_office_is_no_head_count(sentence, expected):
    assert [
        (f[1], f[2]) for f in found(sentence, heading="What will it cost each month?")
    ] == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # a scale declared in a phrase, its count in the sentence before
        (["Four severities. Higher number = bigger problem.", "Sev 4 response: 30 min.",
          "Sev 1 response: 3 business days."], [("P1", 30.0), ("P4", 1440.0)]),
        # without the declaration Sev 4 is the fourth level
        (["Four severities.", "Sev 4 response: 30 min.", "Sev 1 response: 3 business days."],
         [("P4", 30.0), ("P1", 1440.0)]),
    ],
)  # fmt: skip
def test_a_scale_declared_as_higher_number_bigger_problem_counts_upwards(paragraphs, expected):
    assert [(f[1], f[2]) for f in found(*paragraphs)] == expected


def test_a_levels_table_defined_by_harm_counts_upwards():
    levels = table(["Sev", "What it looks like"], [
        ["4", "Bottling line down, web shop down"], ["3", "A site slowed down"],
        ["2", "One person stuck"], ["1", "Questions, requests, nice-to-haves"]])  # fmt: skip
    doc = document("Sev 4 response: 30 min. Sev 1 response: 3 business days.", tables=(levels,))
    got = [(c.scope, c.value) for c in extract_vendor("v", [doc]).commitments]
    assert got == [("P1", 30.0), ("P4", 1440.0)]


@pytest.mark.parametrize(
    "sorting",
    [
        "We sort every job into one of three piles. A stop-everything job is the line or the"
        " tills not working. A this-morning job is a team slowed down. Everything else - one"
        " person stuck, a question - is a when-you-can job.",
        "We put every job into three piles. A stop-everything job is the line down. A"
        " this-morning job is a team slowed down. A when-you-can job is one person stuck.",
    ],
)
def test_levels_named_in_a_letters_own_words_rank_in_the_order_defined(sorting):
    got = found(
        sorting,
        "For a stop-everything job, an engineer will be on the phone within fifteen minutes.",
        "This-morning jobs we call back within an hour.",
        "When-you-can jobs we pick up the same working day.",
    )
    assert [(f[1], f[2]) for f in got] == [("P1", 15.0), ("P2", 60.0), ("P3", 480.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("All we ask is that someone at the customer gets back to us within two hours.",
         [(120.0, "client")]),
        ("What we need from you: a site lead who calls us back within 2 hours on a P1 call.",
         [(120.0, "client")]),
        ("A fault that you report to us will have an engineer on it within fifteen minutes.",
         [(15.0, "provider")]),
        ("Our engineer will get back to you within 2 hours.", [(120.0, "provider")]),
    ],
)  # fmt: skip
def test_whoever_answers_the_provider_is_the_client(sentence, expected):
    assert [(f[2], f[5]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("If we miss that, we'll take ten percent off that month's bill.",
         [("service_credit", "all", 10.0)]),
        ("You would lose at most one day's orders and till sales.", [("rpo", "all", 1440.0)]),
        ("Setting you up is a fixed $2,400 and takes three weeks.",
         [("onboarding_duration", "all", 21.0), ("price", "onboarding", 2400.0)]),
        ("We charge $20 a month for each harvest casual while they're with you.",
         [("price", "per_user", 20.0)]),
        ("We promise to have you going again within four hours.",
         [("resolution_time", "all", 240.0)]),
        # a sale that goes again, a bill paid in ten days: no credit, no fix
        ("The till sales of one day are reported within four hours.", []),
    ],
)  # fmt: skip
def test_plain_letter_wording_of_credits_data_loss_setup_and_fixes(sentence, expected):
    assert sorted((f[0], f[1], f[2]) for f in found(sentence)) == sorted(expected)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Happy users: at least 90% of survey answers rate us good or excellent.", "binding"),
        ("Extra visits are charged at our standard hourly rate of $90.", "binding"),
        ("Extra visits are charged at the premium rate: we answer within 2 hours.", "conditional"),
    ],
)
def test_at_least_before_a_rating_is_no_rate_charged(sentence, expected):
    assert [f[4] for f in found(sentence)] == [expected]


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("What we aim for", "soft"),
        ("Our targets", "soft"),
        ("What we promise", "binding"),
        ("How much data could we lose?", "binding"),
        ("How much data could we lose", "binding"),
    ],
)
def test_a_heading_that_says_what_we_aim_for_makes_aims_of_the_figures_under_it(heading, expected):
    assert [f[4] for f in found("P1 incidents are fixed within 4 hours.", heading=heading)] == [
        expected
    ]


def test_a_tile_names_its_level_after_the_figure():
    """A tile read as a list item ("2-4 hrs Class A: back in business") is labelled by the
    level after its figure, not by the figure's number."""
    texts = ["- Class A - an office is down", "- Class B - a team is slowed",
             "- Class C - one person", "2-4 hrs Class A: back in business",
             "1 working day Class B: fixed"]  # fmt: skip
    blocks = tuple(
        models.Block(t, 1, (50, 60 + 30 * i, 500, 80 + 30 * i), item=True, section=("Aims",))
        for i, t in enumerate(texts)
    )
    doc = models.Document("v.pdf", "0" * 64, 1, blocks, ())
    got = [(c.scope, c.value) for c in extract_vendor("v", [doc]).commitments]
    assert got == [("P1", 240.0), ("P2", 480.0)]


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("For comparison only - not part of this offer", []),
        ("Services (for information)", []),
        ("Our offer", [("helpdesk", "business_hours")]),
    ],
)  # fmt: skip
def test_what_stands_under_a_heading_shown_for_comparison_is_not_offered(heading, expected):
    got = found("Essentials: desk in business hours only, $61 per user per month.", heading=heading)
    assert [(f[1], f[3]) for f in got if f[0] == "support_hours"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a unit kept with its full stop ends the sentence: the next one rules out only its plan
        ("One-time onboarding $9,500; work outside the package $150/h. Lite ($69 per user) is"
         " not offered.", [("onboarding", 9500.0), ("hourly", 150.0)]),
        # storage is no contract basis; a count before the devices says what a flat fee covers
        ("Cloud backup is $18.00 per TB stored per month.", []),
        ("Plotter fleet care, up to 20 wide-format devices: $650.00 per month.",
         [("flat", 650.0)]),
        ("Plotter care is $32.00 per device per month.", [("per_device", 32.0)]),
    ],
)  # fmt: skip
def test_what_a_price_is_per(sentence, expected):
    assert [(f[1], f[2]) for f in found(sentence) if f[0] == "price"] == expected


@pytest.mark.parametrize(
    "header, expected",
    [
        (["Resource Unit", "Baseline volume", "Monthly rate per RU"], [142.0]),
        (["Item", "Qty", "Unit rate (USD)", "Monthly (USD)"], [142.0]),
        (["Item", "Qty", "Monthly (USD)"], [4544.0]),
    ],
)
def test_a_period_column_beside_a_unit_rate_is_its_line_total(header, expected):
    cells = {"Resource Unit": "Supported user", "Item": "Supported user", "Qty": "32",
             "Baseline volume": "32", "Monthly rate per RU": "$142.00",
             "Unit rate (USD)": "$142.00", "Monthly (USD)": "$4,544.00"}  # fmt: skip
    t = table(header, [[cells[h] for h in header]])
    doc = document("All prices are monthly.", tables=(t,))
    got = [c.value for c in extract_vendor("v", [doc]).commitments if c.category == "price"]
    assert got == expected


@pytest.mark.parametrize("cell, expected", [("Business hrs", "business_hours"), ("24/7", "24x7")])
def test_hours_written_short_in_a_plan_table(cell, expected):
    doc = document(tables=(table(["", "Core"], [["Help desk", cell]]),))
    got = [(c.scope, c.unit) for c in extract_vendor("v", [doc]).commitments]
    assert got == [("helpdesk", expected)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("After loss of the primary storage, service is restored on the copy by T+8 h.",
         [("rto", 480.0)]),
        ("After a failure of the primary server we restore service within 4 hours.",
         [("rto", 240.0)]),
        ("P1 incidents are restored within 4 hours.", [("resolution_time", 240.0)]),
    ],
)  # fmt: skip
def test_a_restore_after_losing_a_system_is_the_recovery_time(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == expected


def test_a_tender_forms_numbered_rows_are_named_by_their_parameter():
    """ "Lp. | Parameter | Required | Offered": the line number names no level (row 4 is no
    P4), the offered column is the answer and the required one the client's."""
    header = ["Lp.", "Parameter (ref.)", "Requirement of the Ordering Party", "Offered"]
    rows = [
        ["1", "Response time - Critical Failure (3.2)", "≤ 30 min", "30 min"],
        ["2", "Response time - Failure (3.2)", "≤ 2 h", "1 h"],
        ["3", "Response time - Defect (3.2)", "≤ 1 business day", "4 business hours"],
        ["4", "Repair time - Critical Failure (3.3)", "≤ 8 h", "4 h"],
        ["5", "Repair time - Failure (3.3)", "≤ 24 h", "12 h"],
        ["6", "Repair time - Defect (3.3)", "≤ 5 business days", "3 business days"],
        ["10", "Availability of the servers (5.1)", "≥ 99,5 % per month", "99,9 % per month"],
    ]
    levels = (
        "Classes of events: Critical Failure (awaria krytyczna) - an event that stops patient"
        " treatment; Failure (awaria) - an event that restricts the work of a clinic; Defect"
        " (usterka) - a fault of a single workstation."
    )
    doc = document(levels, tables=(table(header, rows),))
    got = [(c.category, c.scope, c.value) for c in extract_vendor("v", [doc]).commitments]
    assert got == [
        ("response_time", "P1", 30.0),
        ("response_time", "P2", 60.0),
        ("response_time", "P3", 240.0),
        ("resolution_time", "P1", 240.0),
        ("resolution_time", "P2", 720.0),
        ("resolution_time", "P3", 1440.0),
        ("availability", "all", 99.9),
    ]


@pytest.mark.parametrize(
    "columns, expected",
    [
        (["FC 1 operation prevented", "FC 2 operation impeded", "FC 3 minor fault"],
         [("P1", 15.0), ("P2", 60.0), ("P3", 240.0)]),
        (["SEV 1", "SEV 2", "SEV 3"], [("P1", 15.0), ("P2", 60.0), ("P3", 240.0)]),
        # a code not counted on from one ranks nothing
        (["FC 2", "FC 4", "FC 7"], [("all", 15.0), ("all", 60.0), ("all", 240.0)]),
    ],
)  # fmt: skip
def test_one_short_code_numbered_in_order_heads_levels(columns, expected):
    t = table(["Service level", *columns], [["Response Time [h]", "0,25", "1", "4"]])
    got = [(c.scope, c.value) for c in extract_vendor("v", [document(tables=(t,))]).commitments]
    assert got == expected


def test_levels_a_count_announces_run_on_past_a_semicolon():
    got = found(
        "Every fault report is assigned to one of four classes: FC 1 - operation prevented:"
        " a clinic cannot treat patients; FC 2 - operation impeded; FC 3 - minor fault;"
        " FC 4 - service request.",
        "For FC 2 faults we respond within 1 hour.",
        "For FC 4 requests we respond within 8 hours.",
    )
    assert [(f[1], f[2]) for f in got] == [("P2", 60.0), ("P4", 480.0)]


@pytest.mark.parametrize(
    "clause",
    [
        'between Kowalczyk Dental Group (hereinafter "Principal" / Auftraggeber) and Elbtal'
        ' Systemhaus GmbH (hereinafter "Contractor" / Auftragnehmer).',
        'between Kowalczyk Dental Group (the "Principal") and Elbtal Systemhaus GmbH (the'
        ' "Contractor").',
    ],
)
def test_a_defined_term_with_its_other_language_names_the_party(clause):
    doc = document(
        "This Annex is agreed " + clause,
        "The Principal shall answer queries of the Contractor's technicians within 30 minutes.",
        "Elbtal Systemhaus responds to faults within 2 hours.",
    )
    got = {(c.value, c.party) for c in extract_vendor("elbtal-systemhaus", [doc]).commitments}
    assert got == {(30.0, "client"), (120.0, "provider")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Principal's tender documents required a reaction within 30 minutes.", []),
        ("The RFT demanded a response within 30 minutes.", []),
        ("We respond within 15 minutes.", [15.0]),
    ],
)
def test_what_the_tender_documents_required_is_theirs(sentence, expected):
    assert [f[2] for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sorting, names",
    [
        ("We sort every call into one of three kinds. A standstill is when a clinic cannot treat"
         " patients. A disturbance is when part of a clinic is held up. Everything else is"
         " everything else: a single printer, a question.",
         ("standstill", "disturbance", "everything else")),
        ("Every call is one of three kinds. Stopped : the portal is down. Slowed : a team is"
         " held up. Snagged : one person's problem, or a request.",
         ("Stopped", "Slowed", "Snagged")),
    ],
)  # fmt: skip
def test_levels_defined_by_when_they_apply_or_with_a_colon(sorting, names):
    first, second, third = names
    got = found(
        sorting,
        f"A {first} call gets an engineer within 30 minutes.",
        f"A {second} we take up within two hours.",
        f"{third.capitalize()} we respond to by the next working day.",
    )
    assert [(f[1], f[2]) for f in got] == [("P1", 30.0), ("P2", 120.0), ("P3", 480.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A disturbance we try to clear the same working day.", [("resolution_time", 480.0)]),
        ("Faults are cleared within 4 hours.", [("resolution_time", 240.0)]),
        ("Calls we take up within two hours.", [("response_time", 120.0)]),
        ("The new office takes up two floors within a week of the move.", []),
    ],
)  # fmt: skip
def test_clearing_a_fault_and_taking_up_a_call(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("How long is the contract, and how soon can you start?",
         [("contract_term", 12.0), ("onboarding_duration", 28.0)]),
        ("How long is the contract?", [("contract_term", 12.0)]),
        # a question about how fast a call is worked names no start of the service
        ("How quickly does someone start on it?", []),
    ],
)  # fmt: skip
def test_a_question_heading_asks_the_term_and_the_start(heading, expected):
    got = found("Twelve months to start with.", "We will be fully up and running in four weeks.",
                heading=heading)  # fmt: skip
    assert [(f[0], f[2]) for f in got] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We don't offer service credits.", [("service_credit", None, "excluded")]),
        ("We won’t pay credits of any kind.", [("service_credit", None, "excluded")]),
        ("The portal is hosted by its supplier, so its availability is outside our service.",
         [("availability", None, "excluded")]),
        ("There is no committed pick-up time for Cosmetic items.", []),
        ("We host the portal at 99.9% availability.", [("availability", 99.9, "binding")]),
    ],
)  # fmt: skip
def test_a_contracted_negation_and_an_uptime_outside_the_service_exclude(sentence, expected):
    assert [(f[0], f[2], f[4]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Prices are fixed for the term; any change on renewal is announced 90 days ahead.", []),
        ("Either of us can end the agreement on 90 days' notice.", [90.0]),
    ],
)
def test_a_change_announced_ahead_is_no_notice_to_end(sentence, expected):
    got = found(sentence, heading="Q16. How long is the contract, and how do we leave?")
    assert [f[2] for f in got if f[0] == "termination_notice"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We respond within 15 minutes of you telling us.", [("all", 15.0, "provider")]),
        ("You must tell us within 2 hours of any planned outage.", [("all", 120.0, "client")]),
        ("Your side: a named contact who picks up within 1 h during any P1.",
         [("P1", 60.0, "client")]),
    ],
)  # fmt: skip
def test_the_act_that_starts_the_clock_is_no_client_duty(sentence, expected):
    assert [(f[1], f[2], f[5]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("80% is above what we can guarantee for this estate.", []),
        ("We resolve 80% of calls at first contact.", [80.0]),
    ],
)
def test_a_figure_above_what_we_can_guarantee_is_disclaimed(sentence, expected):
    assert [f[2] for f in found(sentence, heading="First-call fix")] == (expected)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Then rolls on year by year unless either side gives 90 days' notice.", [90.0]),
        ("After the term it continues month to month unless you give 30 days' notice.", [30.0]),
        ("Support continues during upgrades unless agreed otherwise; notice of 30 days applies"
         " to price changes.", []),
    ],
)  # fmt: skip
def test_a_renewal_stopped_by_notice_gives_the_termination_notice(sentence, expected):
    assert [f[2] for f in found(sentence) if f[0] == "termination_notice"] == expected


@pytest.mark.parametrize(
    "label, expected",
    [("Engineer on it", "response_time"), ("Back up and running (target)", "resolution_time")],
)
def test_a_plan_rows_plain_words_name_the_clock(label, expected):
    t = table(["", "Sev-0", "Sev-1"], [[label, "≤ 15 min", "≤ 1 h"]])
    got = {c.category for c in extract_vendor("v", [document(tables=(t,))]).commitments}
    assert got == {expected}


def test_the_heading_question_names_the_clock_of_a_short_answer():
    got = found("Every call is one of three kinds. Stopped : the portal is down. Slowed : a team"
                " is held up. Snagged : one person.",
                "For a Stopped call, within half an hour of you telling us.",
                heading="How fast will someone get to work on it?")  # fmt: skip
    assert [(f[0], f[1], f[2], f[5]) for f in got] == [("response_time", "P1", 30.0, "provider")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("- Helpdesk: Mon-Sat 7-20 on Core and Plus", [("support_hours", "helpdesk", None)]),
        ("- On-site engineer: clinic hours, Mon-Sat, all plans",
         [("support_hours", "onsite", None)]),
        ("- Missed a RED response? 5% of that month's fee back per miss, capped at 10%",
         [("service_credit", "all", 10.0)]),
        ("- 12-month term - 60 days' notice to leave",
         [("contract_term", "all", 12.0), ("termination_notice", "all", 60.0)]),
        ('- "Monthly Uptime Percentage" is calculated by subtracting from 100% the percentage'
         " of minutes of downtime.", []),
    ],
)  # fmt: skip
def test_a_decks_short_lines(sentence, expected):
    assert sorted((f[0], f[1], f[2]) for f in found(sentence)) == sorted(expected)


@pytest.mark.parametrize(
    "label, expected",
    [("Central laboratory network and CAD/CAM cell, flat rate", "EUR/month"),
     ("Flat rate, billed in CAD", "CAD/month")],
)  # fmt: skip
def test_cad_cam_names_no_currency(label, expected):
    t = table(
        ["Pos.", "Service", "Unit", "Price net (EUR)"], [["2", label, "per month", "1.250,00"]]
    )
    doc = document("All prices are in euros.", tables=(t,))
    assert [c.unit for c in extract_vendor("v", [doc]).commitments] == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Critical security updates shall be deployed within five (5) Business Days of release,"
         " save where the Customer has asked for deferral.", [("patch_window", 5.0)]),
        ("The Supplier gives no Availability commitment for satellite links.",
         [("availability", None)]),
        ("The Supplier shall back up all Customer Data at intervals not exceeding one hour.",
         [("rpo", 60.0)]),
        ("There is no fix time for single-user issues.", []),
    ],
)  # fmt: skip
def test_a_contracts_exceptions_and_refusals(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We respond to A-faults within 30 minutes.", [("P1", 30.0)]),
        ("During a C-fault we respond within 8 hours.", [("P3", 480.0)]),
        ("A B-incident gets an engineer within two hours.", [("P2", 120.0)]),
        # a letter before a hyphen names a level only before a word for trouble
        ("Our A-team responds within 30 minutes.", [("all", 30.0)]),
    ],
)
def test_fault_classes_named_by_a_letter(sentence, expected):
    assert [(f[1], f[2]) for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, party",
    [
        ("During an A-fault, the Customer's duty operations desk shall approve an emergency"
         " change within 30 minutes.", "client"),
        ("The Client's site coordinator must give our engineer access within 2 hours.", "client"),
        ("Our service desk shall answer within 30 minutes.", "provider"),
    ],
)  # fmt: skip
def test_the_clients_desk_or_site_that_shall_act_is_the_client(sentence, party):
    assert [f[5] for f in found(sentence)] == [party]


def test_a_level_coded_in_a_table_is_named_in_prose_by_its_code_and_a_noun():
    levels = table(
        ["Level", "Response"],
        [["L4 Critical", "15 min"], ["L3 High", "1 hour"], ["L2 Normal", "4 hours"],
         ["L1 Low", "2 business days"]],
    )  # fmt: skip
    got = found(
        "For an L4 incident the Customer shall answer our call within 20 minutes.",
        "L1 engineers pick up the phone within 60 seconds.",
        tables=(levels,),
    )
    client = [(f[1], f[2]) for f in got if f[5] == "client"]
    assert client == [("P1", 20.0)]
    assert ("P4", 1.0) not in [(f[1], f[2]) for f in got]


@pytest.mark.parametrize(
    "definition",
    [
        "We sort trouble into three kinds. A stoppage is when an office cannot work; a slow-down"
        " is when a team is hampered; everything else is a request.",
        "We sort trouble into three kinds. A stoppage is when an office cannot work. A slow-down"
        " is when a team is hampered. Everything else is a request.",
    ],
)
def test_levels_defined_clause_by_clause_and_the_last_by_what_is_left(definition):
    got = found(
        definition,
        "When we see a stoppage, an engineer is on it within the hour. A slow-down gets an"
        " answer within two hours, and a request is answered by the next working day.",
    )
    assert [(f[1], f[2]) for f in got if f[0] == "response_time"] == [
        ("P1", 60.0),
        ("P2", 120.0),
        ("P3", 480.0),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("07-17 weekdays: on site in Stavanger and Bergen", [("onsite", "business_hours")]),
        ("On site at every office 8-18 weekdays.", [("onsite", "business_hours")]),
        ("Desk-side support in Aberdeen: Business Days", [("onsite", "business_hours")]),
        # a span of days is no opening hours
        ("On-site visits are booked within 5-10 business days.", []),
    ],
)
def test_opening_hours_of_a_site_service(sentence, expected):
    assert [(f[1], f[3]) for f in found(sentence) if f[0] == "support_hours"] == expected


QUOTE = ["Item", "Description", "Qty", "Unit Price", "Ext. Price"]


@pytest.mark.parametrize(
    "rows, expected",
    [
        # one coded line names its row by its description
        ([["QCS-ONB", "Onboarding: documentation, site audits and agent deployment", "1",
           "$9,800.00", "$9,800.00"]], [("onboarding", 9800.0)]),
        # a line bought once is its whole fee; one bought by the dozen is a unit rate
        ([["QCS-PMS", "Hosted PMS server pair", "1", "$3,950.00", "$3,950.00"],
          ["QCS-MS", "Managed server", "12", "$189.00", "$2,268.00"]],
         [("flat", 3950.0), ("per_device", 189.0)]),
    ],
)  # fmt: skip
def test_a_quotes_lines(rows, expected):
    got = found("All prices are in Canadian dollars.", tables=(table(QUOTE, rows),),
                heading="Monthly Recurring")  # fmt: skip
    assert [(f[1], f[2]) for f in got if f[0] == "price"] == expected


def test_no_commitment_under_a_resolution_column_excludes_each_levels_fix_time():
    rows = [
        ["Emergency", "A clinic cannot see patients", "30 minutes", "No commitment"],
        ["Urgent", "Several users affected", "2 hours", "No commitment"],
        ["Standard", "Single user issue", "1 business day", "4 business days"],
    ]
    got = found(tables=(table(["Priority", "Example", "Response", "Resolution"], rows),))
    assert [(f[1], f[2], f[4]) for f in got if f[0] == "resolution_time"] == [
        ("P1", None, X),
        ("P2", None, X),
        ("P3", 1920.0, B),
    ]


@pytest.mark.parametrize(
    "amount, basis, expected",
    [
        ("89.00 / 89,00", "per device per month / par appareil par mois", ("per_device", 89.0)),
        ("7,500.00 / 7 500,00", "one-time / unique", ("onboarding", 7500.0)),
    ],
)
def test_a_figure_a_bilingual_table_writes_twice_is_one_price(amount, basis, expected):
    fees = table(
        ["Item / Article", "Basis / Base", "Amount ($) / Montant ($)"],
        [["Managed device and onboarding / Appareil et intégration", basis, amount]],
    )
    got = found("All amounts are in Canadian dollars.", tables=(fees,))
    assert [(f[1], f[2]) for f in got if f[0] == "price"] == [expected]


def test_no_commitment_in_a_row_with_no_level_excludes_nothing():
    rows = [["Monitoring", "24x7", "No commitment"], ["Patching", "Monthly", "No commitment"]]
    got = found(tables=(table(["Service", "Hours", "Resolution"], rows),))
    assert [f for f in got if f[4] == X] == []


@pytest.mark.parametrize(
    "header, tiers",
    [
        (["Essentials", "Business - MOST POPULAR", "Business Plus"],
         ["Essentials", "Business", "Business Plus"]),
        (["Essentials (small teams)", "Business", "Business Plus"],
         ["Essentials", "Business", "Business Plus"]),
    ],
)  # fmt: skip
def test_plans_side_by_side_as_cards_each_price_their_own_tier(header, tiers):
    cards = table(
        header,
        [["$79 /user/mo", "$99 /user/mo", "$129 /user/mo"],
         ["For small teams.", "For growing firms.", "For critical systems."],
         ["• P1 response in 30 min", "• P1 response in 20 min", "• P1 response in 15 min"]],
    )  # fmt: skip
    doc = document("All prices in Singapore dollars (SGD), billed monthly.", tables=(cards,))
    got = extract_vendor("v", [doc]).commitments
    assert [(c.value, c.tier) for c in got if c.category == "price"] == list(
        zip([79.0, 99.0, 129.0], tiers)
    )
    assert [(c.value, c.tier) for c in got if c.category == "response_time"] == list(
        zip([30.0, 20.0, 15.0], tiers)
    )


def test_a_first_column_of_labels_is_no_card():
    rows = [["Managed user", "$79 /user/mo", "$99 /user/mo"], ["Onboarding", "$900", "$1,200"]]
    doc = document(
        "All prices in SGD, monthly.", tables=(table(["Item", "Essentials", "Business"], rows),)
    )
    tiers = [c.tier for c in extract_vendor("v", [doc]).commitments if c.category == "price"]
    assert "Managed user" not in tiers and "Item" not in tiers


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an amendment: the new figure binds, the one it replaces does not
        ("The availability commitment is increased from 99.9% to 99.95% per calendar month.",
         [("availability", 99.95)]),
        ("The P1 response is improved from 30 to 15 minutes.", [("response_time", 15.0)]),
        # a change that happened is history
        ("Last year we reduced our P1 response from 30 to 15 minutes.", []),
        ("Our P1 response fell from 30 minutes to 12 minutes in 2025.", []),
        # terms struck out or replaced are no offer
        ("The Initial Term is 24 months (the Proposal offered 36 months).",
         [("contract_term", 24.0)]),
        ("Under the Proposal such attendance was chargeable at SGD 220 per hour; that charge no"
         " longer applies.", []),
        ("Clause 8.3 (Onboarding Charge of SGD 24,000) is deleted.", []),
        ("The Monthly Service Charge is SGD 109.00 per User per month. The Proposal priced this"
         " at SGD 118.00.", [("price", 109.0)]),
    ],
)  # fmt: skip
def test_a_final_offer_binds_its_new_terms_not_the_ones_they_replace(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == expected


def test_a_column_of_superseded_terms_offers_nothing():
    rows = [["P1 response", "30 min", "15 min"], ["P2 response", "1 hour", "30 min"]]
    header = ["Item", "Proposal (14 Oct 2026) - superseded", "Best and Final Offer (20 Nov 2026)"]
    got = found(tables=(table(header, rows),))
    assert [(f[1], f[2]) for f in got] == [("P1", 15.0), ("P2", 30.0)]


@pytest.mark.parametrize(
    "header, kept",
    [
        (["Term", "Today (Agreement 2024/017)", "From 1 April 2027"], "unchanged"),
        (["Service level", "Current agreement", "Renewal offer"], "no change"),
        (["Measure", "Existing contract", "Our offer for 2027"], "Same as today"),
        (["Measure", "Was", "Now"], "as before"),
    ],
)  # fmt: skip
def test_a_cell_that_keeps_the_other_columns_figure_offers_it_again(header, kept):
    """A renewal's "unchanged" carries the figure in force into the offer; the figures it
    replaces are still no offer."""
    rows = [["P1 response", "60 minutes", "30 minutes"], ["P2 response", "2 hours", kept],
            ["Device fee per month", "EUR 40.00", "EUR 42.00"]]  # fmt: skip
    got = found(tables=(table(header, rows),))
    assert [(f[1], f[2]) for f in got] == [("P1", 30.0), ("P2", 120.0), ("per_device", 42.0)]


@pytest.mark.parametrize(
    "header, expected",
    [
        (["Pricing dimension", "List price (CLP)", "Private offer price (CLP)"], [31500.0]),
        (["Item", "RRP", "Your price"], [31500.0]),
        # a price list's only price column is the offer
        (["Pricing dimension", "List price (CLP)"], [35000.0]),
    ],
)  # fmt: skip
def test_a_list_price_beside_the_price_offered_is_no_offer(header, expected):
    rows = [["Managed endpoint, per device per month", "$35.000", "$31.500"][: len(header)]]
    got = found("All prices are in Chilean pesos (CLP).", tables=(table(header, rows),))
    assert [f[2] for f in got if f[0] == "price"] == expected


@pytest.mark.parametrize(
    "header, expected",
    [
        (["Priority", "Pliego: response (min)", "Offered: response (min)", "Pliego: fix (h)",
          "Offered: fix (h)"], [("P1", 15.0), ("P1", 180.0), ("P2", 60.0), ("P2", 360.0)]),
        (["Priority", "Response (min)", "Our response (min)"], [("P1", 15.0), ("P2", 60.0)]),
        # two measures, neither called the offer: both are read
        (["Priority", "Response (min)", "Fix (h)"],
         [("P1", 30.0), ("P1", 900.0), ("P2", 120.0), ("P2", 3600.0)]),
    ],
)  # fmt: skip
def test_of_two_columns_measuring_one_thing_the_one_not_called_the_offer_is_someone_elses(
    header, expected
):
    rows = [["Critica", "30", "15", "4", "3"][: len(header)],
            ["Grave", "120", "60", "8", "6"][: len(header)]]  # fmt: skip
    got = found(tables=(table(header, rows),))
    assert [(f[1], f[2]) for f in got] == expected


def test_a_word_in_a_cell_that_keeps_nothing_carries_nothing():
    rows = [["P1 response", "30 minutes", "unchanged"], ["P2 response", "2 hours", "4 hours"]]
    got = found(tables=(table(["Priority", "Response", "Resolution"], rows),))
    # "unchanged" beside a response is no resolution time: only the one other figure is carried,
    # and under a header naming another measure it is read as that measure's
    assert ("resolution_time", "P2", 240.0) in [(f[0], f[1], f[2]) for f in got]
    assert ("resolution_time", "P1", 30.0) not in [(f[0], f[1], f[2]) for f in got]


def test_a_forms_unit_of_measure_gives_the_period_over_a_contract_year_column():
    form = table(
        ["Line", "Description", "Unit of Measure", "Estimated Quantity", "Unit Price Base Year"],
        [["0001", "Managed services - end-user device", "Device / Month", "600", "$92.00"],
         ["0002", "Senior engineer, time and materials", "Hour", "200", "$145.00"],
         ["0003", "Hosted backup storage above 20 TB", "TB / Month", "0", "$22.00"]],
    )  # fmt: skip
    got = found("Enter a firm, fixed Unit Price in US dollars.", tables=(form,))
    assert [(f[1], f[2], f[3]) for f in got if f[0] == "price"] == [
        ("per_device", 92.0, "USD/month"),
        ("hourly", 145.0, "USD/hour"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("When the town hall lost its core switch on a Monday in March 2026, our engineer was"
         " on the phone in 6 minutes and the network was back 2 hours later.", []),
        ("From March 2027 our engineer will be on site within 4 hours.", [240.0]),
    ],
)  # fmt: skip
def test_a_dated_event_in_the_past_tense_is_history(sentence, expected):
    assert [f[2] for f in found(sentence)] == expected


def test_an_answer_in_clarification_minutes_reads_the_question_asked_before_it():
    got = found(
        "Q3 (City): Please confirm the response times for the other priorities.",
        "A (Tern River): Confirmed as in the proposal: Priority 2 within two hours during"
        " business hours, Priority 3 and Priority 4 by the next business day.",
    )
    assert [(f[0], f[1], f[2]) for f in got] == [
        ("response_time", "P2", 120.0),
        ("response_time", "P3", 480.0),
        ("response_time", "P4", 480.0),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("One-time transition charges: Rs. 4.5 lakh.", [("price", "onboarding", 450000.0)]),
        ("One-time transition charges: Rs. 4,50,000.", [("price", "onboarding", 450000.0)]),
        ("L1 service desk: 24*7 via phone, e-mail and portal.",
         [("support_hours", "helpdesk", None)]),
        # a conversion in brackets is for the reader: the price is the one it converts
        ("Per-user fee: SGD 84.00 (approx. Rs. 5,460) per user per month.",
         [("price", "per_user", 84.0)]),
    ],
)  # fmt: skip
def test_indian_english_amounts_and_cover(sentence, expected):
    assert [f[:3] for f in found("All prices are in SGD.", sentence)] == expected


@pytest.mark.parametrize(
    "labels, expected",
    [
        (["P2 response", "P1 fix time"], [("response_time", "P2"), ("resolution_time", "P1")]),
        # a severity scale listed from 4 down counts down: Severity 4 is the most urgent
        (["Severity 4 response", "Severity 1 response"],
         [("response_time", "P1"), ("response_time", "P2")]),
    ],
)  # fmt: skip
def test_a_p_number_is_its_level_in_whatever_order_a_table_lists_it(labels, expected):
    rows = [[labels[0], "2 hours", "1 hour"], [labels[1], "8 hours", "4 hours"]]
    got = found(tables=(table(["", "Essentials", "Business"], rows),))
    assert sorted({(f[0], f[1]) for f in got}) == sorted(expected)


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (["The At-Risk Amount is twelve percent (12%) of the Monthly Fee."], [(12.0, B)]),
        (["Missing a Target earns no credit and is not a breach."], [(None, X)]),
        # a numbered paragraph titled as an example shows arithmetic, not a credit
        (["The At-Risk Amount is 12% of the Monthly Fee.",
          "D.4.2 Example, for illustration only: with 640 devices the At-Risk Amount is USD"
          " 7,987.20. A Red result (weighting 20%) would earn a credit of USD 1,597.44."],
         [(12.0, B)]),
    ],
)  # fmt: skip
def test_the_credit_at_risk(paragraphs, expected):
    assert [(f[2], f[4]) for f in found(*paragraphs) if f[0] == "service_credit"] == expected


def test_a_scorecards_window_and_weighting_columns_are_no_service_levels():
    header = ["KPI", "Measure", "Measurement window", "Minimum Service Level (contractual)",
              "Credit weighting (% of At-Risk Amount)"]  # fmt: skip
    rows = [["K-10", "First-contact resolution", "Rolling 3 months", "70%", "5"],
            ["K-01", "Priority 1 response", "Calendar month", "20 minutes", "20"]]  # fmt: skip
    got = found(tables=(table(header, rows),))
    assert sorted((f[0], f[2]) for f in got) == [
        ("first_contact_resolution", 70.0),
        ("response_time", 20.0),
    ]


@pytest.mark.parametrize(
    "correction, kept",
    [
        ("A correction to my e-mail: please disregard the SGD 89; the correct fee is SGD 104 per"
         " user per month.", [104.0]),
        ("Disregard the SGD 89; the fee is SGD 104 per user per month.", [104.0]),
        # a number that is no amount taken back withdraws nothing
        ("Ignore the first two steps; the fee is also quoted below.", [89.0]),
    ],
)  # fmt: skip
def test_a_price_a_later_message_takes_back_is_no_price(correction, kept):
    got = found("Per-user fee: SGD 89 per user per month.", correction)
    assert [f[2] for f in got if f[0] == "price"] == kept


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Monitoring agents run continuously; alerts are reviewed and acted on during Support"
         " Hours.", [("noc", "business_hours")]),
        ("Our RMM platform watches your servers around the clock, but alerts are actioned by our"
         " engineers during support hours only.", [("noc", "business_hours")]),
        # a desk may answer round the clock for P1 and in business hours for the rest
        ("The service desk answers 24/7 for P1 and in business hours for everything else.",
         [("helpdesk", "24x7"), ("helpdesk", "business_hours")]),
        # some alerts only looked at in business hours: the rest are still watched at night
        ("Our platform watches the servers continuously, twenty-four hours a day and seven days"
         " a week, and pages the technician on call; alerts on lab PCs are reviewed during"
         " business hours only.", [("noc", "24x7"), ("noc", "business_hours")]),
    ],
)  # fmt: skip
def test_monitoring_nobody_acts_on_at_night_is_business_hours_cover(sentence, expected):
    assert [(f[1], f[3]) for f in found(sentence) if f[0] == "support_hours"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("After the first twenty-four (24) months, the Customer may terminate for convenience on"
         " not less than one hundred and eighty (180) days' written notice.", [180.0]),
        ("After the first 24 months either party may terminate on 90 days' notice.", [90.0]),
        # the earliest end after the notice, in the same clause
        ("Either party may terminate it with 3 months' notice to the end of a month, though not"
         " to expire before 12 months have passed.", [90.0]),
        ("Either party may terminate on 60 days' written notice, but not within the first six"
         " months.", [60.0]),
    ],
)  # fmt: skip
def test_the_first_months_before_a_notice_are_no_notice(sentence, expected):
    assert [f[2] for f in found(sentence) if f[0] == "termination_notice"] == expected


@pytest.mark.parametrize(
    "note, kept",
    [
        ("The values in Colombian pesos (COP) are informative only, at the reference exchange"
         " rate of COP 4.000 per USD 1.", [("USD/month", 78.0)]),
        ("Invoices are issued monthly.", [("USD/month", 78.0), ("COP/month", 312000.0)]),
    ],
)  # fmt: skip
def test_prices_in_a_currency_given_for_reference_only_are_no_prices(note, kept):
    got = found("Managed device: USD 78,00 per device per month.", note,
                "Managed device: COP 312.000,00 per device per month.")  # fmt: skip
    assert [(f[3], f[2]) for f in got if f[0] == "price"] == kept


@pytest.mark.parametrize(
    "text, expected",
    [
        # an option left unticked on an order form is not bought
        ("[ ] Option B: recovery point no more than 4 hours", []),
        ("\u2610 Option C: on-site attendance at any hour, 24/7", []),
        (
            "[X] Option A: recovery point no more than 30 minutes",
            [("rpo", "all", 30, "minute", "binding", "provider")],
        ),
        ("Managed service, Option 2 (not selected): 47.00 GBP per user per month", []),
        # a Yes / No pair of boxes answers a question: the answer after the ticked one stands
        (
            "[ ] Yes [X] No - monitoring alerts are watched during office hours only",
            [("support_hours", "noc", None, "business_hours", "binding", "provider")],
        ),
        # cover words, not a duration: "24 hours, 365 days"
        (
            "Calls are answered within 20 minutes (24 hours, 365 days).",
            [
                ("response_time", "all", 20, "minute", "binding", "provider"),
                ("support_hours", "helpdesk", None, "24x7", "binding", "provider"),
            ],
        ),
        # the old contract's targets being replaced are no hedge of the new levels
        (
            "From April we will answer every Priority 1 call within 45 minutes; this replaces the current contract targets.",
            [("response_time", "P1", 45, "minute", "binding", "provider")],
        ),
        # a definition ends at its colon; what follows it promises
        (
            "Priority 1 means a whole shop cannot trade: an engineer is working on it within the hour.",
            [("response_time", "P1", 60, "minute", "binding", "provider")],
        ),
        ("Priority 1 means a fault that has stopped a shop trading for an hour.", []),
        # a credit as money knocked off the bill, the percentage beside the verb
        (
            "Miss a response target and we knock 10% off that month's bill.",
            [("service_credit", "all", 10, "percent", "binding", "provider")],
        ),
        ("Pay a year in advance and we take 5% off the monthly fees.", []),  # a discount
        # the client's right to a credit is the provider's commitment; its claim window is none
        (
            "The Council may claim a credit of 7% of that month's charges.",
            [("service_credit", "all", 7, "percent", "binding", "provider")],
        ),
        (
            "Where a KPI is missed the Trust may abate 4% of the monthly charges.",
            [("service_credit", "all", 4, "percent", "binding", "provider")],
        ),
        ("To receive a credit, the Council must ask for it within sixty (60) days.", []),
        # the tax on a price, and the total it gives, are no prices of their own
        (
            "Monthly fee CHF 18'200.00 plus VAT 8.1% CHF 1'474.20 gives CHF 19'674.20 per month.",
            [("price", "flat", 18200, "CHF/month", "binding", "provider")],
        ),
        (
            "Our prices are in NOK excluding VAT: 640,00 per managed device per month.",
            [("price", "per_device", 640, "NOK/month", "binding", "provider")],
        ),
        # a change log: the value changed from is no longer offered; a page's reading time
        (
            "Recovery time for the booking system changed from 6 hours to 3 hours.",
            [("rto", "all", 180, "minute", "binding", "provider")],
        ),
        ("Last updated by Ana Ruiz on 3 Mar 2027 - 4 min read - Labels: proposal", []),
        # a report of what happened: past results, however close to a service level
        ("All four P1 incidents were answered within the contractual 30 minutes.", []),
        ("Last month's restore test took 3 hours from start to finish.", []),
        (
            "Systems will be recovered within 8 hours (RTO).",
            [("rto", "all", 480, "minute", "binding", "provider")],
        ),
        # a one-time fee's sites are the work it covers, a fee per site has no contract scope
        (
            "A one-off set-up charge of $2,400 includes a survey of every office.",
            [("price", "onboarding", 2400, "USD", "binding", "provider")],
        ),
        ("Engineer visits are charged at $160 per office.", []),
        # a level named in a professional firm's words, with its effect in brackets
        (
            "We will begin work on a critical matter (the booking system unavailable) within twenty minutes.",
            [("response_time", "P1", 20, "minute", "binding", "provider")],
        ),
    ],
)
def test_options_cover_and_levels_in_other_genres(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "definition, soft",
    [
        ("- SLO (service level objective): the internal objective we run the service to. SLOs "
         "are targets; we report them every month, but they are not contractual.", True),
        ("SLO (service level objective) - an aim we work towards, not a guarantee.", True),
        # a short form defined as a commitment leaves its row firm
        ("- SLO (service level obligation): the level we guarantee and pay credits against.", False),
    ],
)  # fmt: skip
def test_a_row_named_by_a_short_form_defined_as_a_target_is_soft(definition, soft):
    t = table(
        ["Measure", "SEV1", "SEV2"],
        [["Acknowledge - SLO (min)", "5", "15"], ["Acknowledge - SLA (min)", "15", "30"]],
    )
    doc = document(definition, "- SLA (service level agreement): the contractual commitment.", tables=(t,))  # fmt: skip
    got = {(c.scope, c.value, c.strength) for c in extract_vendor("v", [doc]).commitments}
    target = "soft" if soft else "binding"
    assert got == {("P1", 5, target), ("P2", 15, target), ("P1", 15, "binding"), ("P2", 30, "binding")}  # fmt: skip


def test_a_column_header_naming_a_party_gives_its_cells_that_party():
    """An operating-level agreement between the vendor and its subcontractor, shown to the
    client: 'Tasman's commitment to Harbourside' is the vendor's own column; 'Kiwi's
    operating level to Tasman' is the subcontractor's, whom the parties clause names as the
    other party, and offers the client nothing. Under 'Customer commitments' (which may mean
    either) the header decides."""
    t = models.Table(
        ("Measure", "Tasman's commitment to Harbourside", "Kiwi's operating level to Tasman"),
        (
            ("Severity 1 response", "15 minutes, 24x7", "Engineer on site within 2 hours"),
            ("Severity 1 restoration", "4 hours", "Part replaced within 3 hours of arrival"),
        ),
        1,
        (50, 300, 500, 360),
        (1, 1),
        section=("Schedule 1 - Customer commitments and operating levels",),
    )
    blocks = (
        models.Block(
            'Agreement between Tasman Networks Ltd ("Tasman") and Kiwi Field Services Ltd ("Kiwi").',
            1,
            (50, 60, 500, 90),
        ),
        models.Block(
            "Schedule 1 - Customer commitments and operating levels",
            1,
            (50, 240, 500, 255),
            heading=True,
        ),  # fmt: skip
    )
    doc = models.Document("ola.pdf", "0" * 64, 1, blocks, (t,), title="Operating Level Agreement")
    got = {
        (c.category, c.scope, c.value, c.party)
        for c in extract_vendor("tasman-networks", [doc]).commitments
        if c.category in ("response_time", "resolution_time")
    }
    assert got == {("response_time", "P1", 15, "provider"), ("resolution_time", "P1", 240, "provider")}  # fmt: skip


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an old value in brackets beside the new one is superseded
        ("Initial term of 24 months (was 36 months).", [("contract_term", 24.0)]),
        ("RM 69.00 per device per month (was RM 72.00).", [("price", 69.0)]),
        ("P1 response within 15 minutes (previously 30 minutes).", [("response_time", 15.0)]),
        # a billing minimum is no time of service
        ("Billed at RM 195.00 per hour, minimum 2 hours.", [("price", 195.0)]),
        (
            "Call-outs are charged at $180 per hour with a minimum charge of 3 hours.",
            [("price", 180.0)],
        ),
        # a billing unit is no time of service either
        ("Each P2 ticket uses 1 SU per 15 minutes worked.", []),
        ("Work is billed in 15-minute increments at EUR 120 per hour.", [("price", 120.0)]),
        ("Backups are taken every 15 minutes.", [("rpo", 15.0)]),
        # an amount restated in words, with a total over the term, is no second price
        (
            "Quoted Rate in Words: INR Four Crore Seventeen Lakh Only (about Rs. 4.17 crore"
            " over 36 months, or Rs. 11.46 lakh a month).",
            [],
        ),
        ("Amount in words: Rupees Sixty-Five Thousand Only.", []),
        # a total worked out on the buyer's quantities
        (
            "Total annual charges on the quantities in Schedule I: about Rs. 65.9 lakh, excluding GST.",
            [],
        ),
        ("Charges total INR 1,45,000 per month for the managed service.", [("price", 145000.0)]),
        # a charge made once is one-off, whatever rate it was worked out at
        (
            "It is charged once as 160 SU at the standard rate, RM 12,800.00, invoiced on signature.",
            [("price", 12800.0)],
        ),
    ],
)
def test_an_old_value_in_brackets_and_a_billing_minimum_are_no_commitments(sentence, expected):
    got = found(sentence)
    assert [(f[0], f[2]) for f in got] == expected
    assert all(f[1] == "onboarding" for f in got if f[2] == 12800.0)


@pytest.mark.parametrize(
    "status, strength",
    [
        ("GUARANTEED", "binding"),
        ("TARGET", "soft"),
        ("Indicative", "soft"),
        ("Committed", "binding"),
    ],
)
def test_a_column_of_status_words_says_how_firm_each_rows_figure_is(status, strength):
    rows = [
        ["First response", "P1 Critical", "15 min", "GUARANTEED"],
        ["Restore service", "P1 Critical", "6 h", status],
        ["Restore service", "P2 High", "12 h", "TARGET"],
    ]
    t = table(["Metric", "Priority", "Level", "Type"], rows)
    got = {(c, s, v, st) for c, s, v, _, st, _ in found(tables=(t,))}
    assert got == {
        ("response_time", "P1", 15.0, "binding"),
        ("resolution_time", "P1", 360.0, strength),
        ("resolution_time", "P2", 720.0, "soft"),
    }


@pytest.mark.parametrize(
    "header, rows, expected",
    [
        # the column header pairs the measures
        (["Priority", "Response / Resolution"], [["P1", "20 min / 6 h"], ["P2", "1 h / 8 h"]],
         {("response_time", "P1", 20.0), ("resolution_time", "P1", 360.0),
          ("response_time", "P2", 60.0), ("resolution_time", "P2", 480.0)}),
        # or the row label does, in a table of terms
        (["Item", "Our offer"], [["Severity 1 response / restore", "20 minutes / 6 hours, 24x7"],
                                 ["Term", "24 months"]],
         {("response_time", "P1", 20.0), ("resolution_time", "P1", 360.0)}),
    ],
)  # fmt: skip
def test_a_header_or_label_pairing_two_measures_gives_each_part_its_own(header, rows, expected):
    got = found(tables=(table(header, rows),))
    assert {(c, s, v) for c, s, v, *_ in got if c.endswith("_time")} == expected


def test_a_column_the_clients_name_opens_is_the_clients_even_as_comments():
    """An issues list: 'KCGC comment' holds what the client asks, 'Tasman response' what the
    vendor offers; the word 'comment' (a vendor's answer column elsewhere) does not make the
    client's column the vendor's."""
    t = models.Table(
        ("No.", "Clause", "KCGC comment", "Tasman response", "Status"),
        (
            ("1", "Term", "24 months, not 36.", "Initial term of 24 months.", "AGREED"),
            ("2", "P1 response", "KCGC needs 30 minutes.", "Maintains 45 minutes, 24x7.", "OPEN"),
        ),
        1,
        (50, 300, 500, 360),
        (1, 1),
    )
    doc = models.Document(
        "issues.pdf", "0" * 64, 1, (), (t,), running=("KCGC / Tasman Networks - Issues List",)
    )
    doc = dataclasses.replace(
        doc, blocks=tuple(models.Block(f"KCGC note {i}.", 1, (50, 60, 500, 90)) for i in range(3))
    )
    got = {(c.category, c.value) for c in extract_vendor("tasman-networks", [doc]).commitments}
    assert ("response_time", 45.0) in got and ("contract_term", 24.0) in got
    assert ("response_time", 30.0) not in got


@pytest.mark.parametrize(
    "header, expected",
    [
        # beside a recovery point the rows are a recovery plan's tiers: the time is the RTO
        (["Tier", "Recovery point", "Recovery time"],
         {("rpo", "all", 15.0), ("rto", "all", 240.0), ("rpo", "all", 60.0), ("rto", "all", 480.0)}),
        # beside a first response, a recovery per priority is the fix time
        (["Tier", "First response", "Recovery time"],
         {("response_time", "P1", 15.0), ("resolution_time", "P1", 240.0),
          ("response_time", "P2", 60.0), ("resolution_time", "P2", 480.0)}),
    ],
)  # fmt: skip
def test_a_recovery_time_per_tier_is_the_rto_beside_a_recovery_point(header, expected):
    rows = [
        ["Tier 1 - Critical", "15 minutes", "4 hours"],
        ["Tier 2 - Important", "1 hour", "8 hours"],
    ]
    got = {(c, s, v) for c, s, v, *_ in found(tables=(table(header, rows),))}
    assert got == expected


@pytest.mark.parametrize(
    "verdict, flagged",
    [("Partial", True), ("Deviation", True), ("Non-compliant", True), ("Comply", False)],
)
def test_a_requirement_the_answer_does_not_meet_is_no_statement_of_the_vendors(verdict, flagged):
    """'Harbourside keeps all administrator credentials | Partial | Tasman keeps the domain
    administrator credentials': what the vendor says is the flag; the client's requirement,
    which a partial answer does not meet, does not cancel it."""
    answer = (
        "Tasman keeps the domain administrator credentials; your staff get delegated rights."
        if verdict != "Comply"
        else "All administrator credentials stay with Harbourside."
    )
    t = table(
        ["Ref", "Harbourside requirement", "Compliance", "Tasman offer"],
        [
            ["R-17", "Harbourside keeps all administrator credentials", verdict, answer],
            ["R-18", "Named account manager", "Comply", "Mihi Walker is your account manager."],
        ],
    )
    doc = dataclasses.replace(
        document("Tasman Networks answers this tender.", tables=(t,)),
        title="Harbourside Dental Group x Tasman Networks",
    )
    flags = {f.flag for f in extract_vendor("tasman-networks", [doc]).risk_flags}
    assert ("vendor-holds-keys" in flags) is flagged


def _matrix(rows, title="Shared responsibility matrix - Kestrel Foods Ltd and Tasman Networks"):
    t = table(["Ref", "Task", "Kestrel IT", "Tasman", "Level", "Notes"], rows)
    doc = document("Tasman Networks runs Kestrel's IT with Kestrel IT.", tables=(t,))
    return extract_vendor("tasman-networks", [dataclasses.replace(doc, title=title)])


@pytest.mark.parametrize(
    "row, expected",
    [
        # the party marked R does the work the level times
        (["A3", "First response, Priority 1", "I", "R/A", "30 minutes", "any hour"], "provider"),
        (["A4", "First response, Priority 2", "C", "R", "2 hours", ""], "provider"),
        (["B1", "Acknowledge a Priority 1 call", "R/A", "I", "20 minutes", ""], "client"),
        # with no R on the row, the accountable party
        (["B2", "Acknowledge a Priority 2 call", "A", "C", "1 hour", ""], "client"),
    ],
)
def test_a_responsibility_matrix_level_is_the_responsible_partys(row, expected):
    """Beside party columns that hold R/A/C/I codes, not figures, the "Level" column is no
    one else's figure: it is the commitment of whoever is marked responsible on the row."""
    found = [(c.category, c.party) for c in _matrix([row]).commitments]
    assert found == [("response_time", expected)]


def test_beside_the_vendors_column_of_figures_a_named_column_is_someone_elses():
    """The contrast: where the vendor's own column holds figures, the named column beside it
    is a competitor's ("Tasman | Typical MSP"), not a level of the offer."""
    t = table(
        ["Measure", "Tasman", "Typical MSP"],
        [["Priority 1 response", "15 minutes", "60 minutes"]],
    )
    doc = dataclasses.replace(
        document("Tasman Networks compares itself.", tables=(t,)),
        title="Kestrel Foods Ltd x Tasman Networks",
    )
    found = [(c.category, c.value) for c in extract_vendor("tasman-networks", [doc]).commitments]
    assert found == [("response_time", 15.0)]


@pytest.mark.parametrize(
    "row, criterion, flagged",
    [
        (
            ["D2", "Hold the domain admin and firewall accounts", "R/A", "I", "always", ""],
            "control-retention",
            False,
        ),
        (
            ["D2", "Hold the domain admin and firewall accounts", "I", "R/A", "always", ""],
            None,
            True,
        ),
        (
            ["A7", "Confirm a Priority 1 and name a contact", "R/A", "I", "20 minutes", ""],
            "client-obligations",
            False,
        ),
    ],
)
def test_the_clients_own_work_in_a_responsibility_matrix(row, criterion, flagged):
    """A row the client is responsible for is its duty, or its control of the keys; it
    raises nothing against the vendor. The same row with the vendor responsible does."""
    found = _matrix([row])
    crits = {e.criterion for e in found.criteria_evidence}
    assert criterion is None or criterion in crits
    assert ("vendor-holds-keys" in {f.flag for f in found.risk_flags}) is flagged


@pytest.mark.parametrize(
    "title, client",
    [
        ("Shared responsibility matrix - Kestrel Foods Ltd and Tasman Networks", "Kestrel Foods"),
        ("Tasman Networks and Kestrel Foods Ltd - joint service plan", "Kestrel Foods"),
    ],
)
def test_a_title_names_the_client_beside_the_vendor(title, client):
    from msp_select.extract.strength import Parties

    doc = dataclasses.replace(
        document("Tasman Networks will look after Kestrel Foods and the Kestrel plant."),
        title=title,
    )
    assert client in Parties.of("tasman-networks", [doc]).client


@pytest.mark.parametrize(
    "title, addressed",
    [
        ("Pilot proposal - managed IT for Kestrel Foods", ["Kestrel Foods"]),
        ("Proposal to Vadehav Ferry Line", ["Vadehav Ferry Line"]),
        # a place that qualifies a noun is not the client the title addresses
        ("A3 proposal - stable IT for the Hamamatsu plant", []),
    ],
)
def test_the_name_a_title_is_addressed_to(title, addressed):
    from msp_select.extract.strength import _ADDRESSED

    assert [m.group(1) for m in _ADDRESSED.finditer(title)] == addressed


def test_rows_numbered_by_short_codes_are_named_by_their_task():
    """Under "Ref", codes such as "A3" only number the rows; the task beside each names its
    level, however long ("First response, Priority 1 (line stop, ERP down)")."""
    t = table(
        ["Ref", "Task", "Level"],
        [
            ["A3", "First response, Priority 1 (line stop, ERP down)", "30 minutes"],
            ["A4", "First response, Priority 2", "2 hours"],
            ["A5", "First response, Priority 3", "8 business hours"],
            ["A7", "Confirm a Priority 1 and name a contact", "20 minutes"],
            ["A8", "Restore service, Priority 1", "4 hours"],
        ],
    )
    got = [
        (c.category, c.scope, c.value)
        for c in extract_vendor("v", [document(tables=(t,))]).commitments
    ]
    assert ("response_time", "P1", 30.0) in got
    assert ("response_time", "P3", 480.0) in got
    assert ("resolution_time", "P1", 240.0) in got


def test_a_legend_softens_only_the_figures_it_marks():
    """ "Restoration times marked (target) are aims": the marked cells are soft, the other
    restoration times of the column stay binding."""
    t = table(
        ["IT incident priority", "Response", "Restoration"],
        [
            ["P1 - site down", "15 minutes", "4 hours"],
            ["P3 - single user", "4 hours", "2 business days (target)"],
        ],
    )
    note = models.Block(
        "Restoration times marked (target) are aims, not commitments.", 2, (50, 345, 500, 360)
    )
    doc = dataclasses.replace(document(tables=(t,)), blocks=(note,))
    got = {
        (c.scope, c.strength)
        for c in extract_vendor("v", [doc]).commitments
        if c.category == "resolution_time"
    }
    assert got == {("P1", "binding"), ("P3", "soft")}


@pytest.mark.parametrize(
    "header",
    [
        ["Measure", "Pilot target", "Pilot result", "Roll-out level"],
        ["Measure", "Trial target", "Trial result", "Full service"],
        ["Measure", "Proof of concept", "Measured in the PoC", "Contract level"],
    ],
)
def test_a_pilots_figures_are_not_the_service_offered(header):
    """A pilot's target and result sit beside the level offered for the service after it;
    a result's own words ("12 (median)") say nothing of the offered level in its row."""
    t = table(
        header,
        [
            ["Response (minutes)", "", "", ""],
            ["P1 - factory stopped", "30", "12 (median)", "20"],
            ["P2 - several users affected", "60", "34 (median)", "60"],
        ],
    )
    got = [(c.scope, c.value) for c in extract_vendor("v", [document(tables=(t,))]).commitments]
    assert got == [("P1", 20.0), ("P2", 60.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We contain a compromised host within 30 minutes of triage.", []),
        ("Containment of a Critical threat within 30 minutes, at any hour.", []),
        ("Our analysts isolate an infected laptop within 30 minutes.", []),
        ("Our analysts respond to a Critical alert within 15 minutes.", [("response_time", 15.0)]),
    ],
)
def test_a_time_to_contain_a_threat_is_no_response_or_fix(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == expected


def test_a_containment_column_beside_triage_times():
    t = table(
        ["Severity", "Triage by an analyst", "Containment"],
        [["Critical", "≤ 15 min", "≤ 30 min"], ["High", "≤ 1 h", "≤ 4 h"]],
    )
    got = [(c.category, c.value) for c in extract_vendor("v", [document(tables=(t,))]).commitments]
    assert got == [("response_time", 15.0), ("response_time", 60.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Our analysts respond to every Critical incident within 15 minutes.", [15.0]),
        ("Industry analysts estimate a typical response of 4 hours.", []),
        ("Analysts report that most providers respond within 2 hours.", []),
    ],
)
def test_the_providers_own_analysts_are_no_market_analysts(sentence, expected):
    assert [f[2] for f in found(sentence)] == expected


def test_a_rows_own_status_outweighs_a_target_header():
    """Under a "Target" header, the row's "Contractual" basis binds and "Objective" is an
    aim; a generic header ("Target", "Measure") names no plan."""
    t = table(
        ["SLT", "Measure", "Target", "Basis"],
        [
            ["SLT-01", "Response, Priority 1", "15 min", "Contractual"],
            ["SLT-07", "Restoration, Priority 3", "3 business days", "Objective"],
        ],
    )
    got = [
        (c.category, c.strength, c.tier)
        for c in extract_vendor("v", [document(tables=(t,))]).commitments
    ]
    assert got == [("response_time", "binding", ""), ("resolution_time", "soft", "")]


@pytest.mark.parametrize(
    "sign, code",
    [("KSh", "KES"), ("Kshs", "KES"), ("RM", "MYR"), ("Rs.", "INR"), ("zł net", "PLN")],
)
def test_a_header_that_is_only_a_sign_in_letters_names_the_currency(sign, code):
    t = table(
        ["Item", "Unit", sign],
        [["Managed device (PC, laptop)", "per device per month", "2,850.00"]],
    )
    (c,) = extract_vendor("v", [document(tables=(t,))]).commitments
    assert (c.scope, c.value, c.unit) == ("per_device", 2850.0, f"{code}/month")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Our service desk analysts complete 120 hours of training before they start.", []),
        ("New engineers receive 40 hours of induction.", []),
        ("Onboarding takes 10 days, including 4 hours of training for your users.", [10.0]),
    ],
)
def test_staff_training_hours_are_no_onboarding_time(sentence, expected):
    assert [f[2] for f in found(sentence)] == expected


@pytest.mark.parametrize(
    "label, basis, scope",
    [
        ("4G backup routers and data bundles, all seven sites", "per month", "flat"),
        ("Firewalls and switches at all sites", "per month", "flat"),
        ("Managed device (PC, laptop, tablet, printer)", "per device per month", "per_device"),
        ("Managed firewall", "per firewall per month", "per_device"),
        # a noun in the singular is the unit charged for
        ("Managed server", "per month", "per_device"),
        ("Supported user", "per month", "per_user"),
    ],
)
def test_a_basis_cell_of_only_a_period_prices_the_whole_row(label, basis, scope):
    """The basis column says what an amount is per; where it says only how often ("per
    month") over things in the plural, the one charge covers all of them."""
    t = table(["Item", "Unit", "KES"], [[label, basis, "42,000.00"]])
    (c,) = extract_vendor("v", [document(tables=(t,))]).commitments
    assert (c.scope, c.unit) == (scope, "KES/month")


_TERMS = [
    "1) Business Day - this shall mean a day from Monday to Friday;",
    "2) Outage - this shall mean an event which stops the Client's business from operating;",
    "3) Defect - this shall mean an event which hinders the use of a system;",
    "4) Ticket - this shall mean a request for a service or information;",
    "5) Report - this shall mean the notification of an Outage, Defect or Ticket.",
]


def test_kinds_of_report_a_definitions_list_defines_are_levels():
    """Terms defined as events, the first by what it stops, rank most urgent first: the
    times the contract gives each are P1, P2, P3."""
    got = found(
        *_TERMS,
        "The Provider shall remove an Outage within 4 hours, a Defect within 2 Business Days"
        " and complete a Ticket within 5 Business Days.",
    )
    assert [(f[0], f[1], f[2]) for f in got if f[0] == "resolution_time"] == [
        ("resolution_time", "P1", 240.0),
        ("resolution_time", "P2", 960.0),
        ("resolution_time", "P3", 2400.0),
    ]


def test_a_glossary_of_nested_terms_ranks_nothing():
    from msp_select.extract.context import glossary_levels

    blocks = [
        models.Block(text, 1, (50, 60 + 20 * i, 500, 75 + 20 * i))
        for i, text in enumerate(
            [
                "(a) Incident means an event which stops a service;",
                "(b) Major Incident means an incident which stops several sites;",
                "(c) Service Request means a request for information;",
            ]
        )
    ]
    assert glossary_levels(blocks) == {}
    # an alphabetical glossary's order says nothing of urgency
    alphabetical = [
        "Amber Incident means an incident that degrades a system;",
        "Business Day means Monday to Friday;",
        "Green Request means a request for a change;",
        "Red Incident means an incident that stops a system;",
    ]
    assert glossary_levels([models.Block(t, 1, (50, 60, 500, 75)) for t in alphabetical]) == {}
    assert glossary_levels([models.Block(t, 1, (50, 60, 500, 75)) for t in _TERMS]) == {
        "Outage": "P1",
        "Defect": "P2",
        "Ticket": "P3",
    }


@pytest.mark.parametrize(
    "deliverer, kept",
    [
        ("Aegisight EDR (the platform maker)", False),
        ("Aegisight and Lumora", False),
        ("Tasman SOC", True),
        ("Provider", True),
    ],
)
def test_a_row_another_party_delivers_holds_that_partys_figures(deliverer, kept):
    """Beside rows the vendor delivers ("Tasman SOC"), a row a "Delivered by" column gives
    to a platform maker holds the maker's figures, not the vendor's."""
    t = table(
        ["Stage", "Delivered by", "Figure"],
        [
            ["Triage of a Critical alert", "Tasman SOC", "within 15 minutes"],
            ["Platform console availability", deliverer, "99.95% a month"],
        ],
    )
    doc = dataclasses.replace(
        document("Tasman Networks runs the service.", tables=(t,)),
        title="Kestrel Foods Ltd x Tasman Networks",
    )
    got = {c.category for c in extract_vendor("tasman-networks", [doc]).commitments}
    assert ("availability" in got) is kept
    assert "response_time" in got


def test_a_pilots_pass_marks_are_no_service_levels():
    """ "Criterion | Pass mark": what a pilot must show for the buyer to go on, not the level
    the service is offered at."""
    t = table(
        ["Criterion", "Pass mark", "How it is measured"],
        [
            ["Priority 1 first response", "95% within 30 minutes", "Ticket timestamps"],
            ["Resolved at first contact", "at least 55%", "Tickets closed in the first call"],
        ],
    )
    assert not extract_vendor("v", [document(tables=(t,))]).commitments


def _listed(lead: str, *items: str) -> list[tuple]:
    """A lead-in paragraph and the list items under it, as ingest sets them."""
    blocks = [models.Block(lead, 1, (50, 60, 500, 80))]
    blocks += [
        models.Block(t, 1, (60, 90 + 20 * i, 500, 105 + 20 * i), item=True, lead_in=lead)
        for i, t in enumerate(items)
    ]
    doc = models.Document("v.pdf", "0" * 64, 1, tuple(blocks), ())
    return [
        (c.category, c.scope, c.value)
        for c in extract_vendor("v", [doc]).commitments
        if c.category in ("response_time", "resolution_time")
    ]


@pytest.mark.parametrize(
    "lead, items",
    [
        ("Whatever reaches the desk, we commit to the following, by the impact you report:",
         ["- Plant-wide - an engineer working on it within 20 minutes; service back within 4 hours.",
          "- Department - within 1 hour; back within 8 business hours.",
          "- Individual - within 4 business hours; back within 2 business days."]),
        ("Our times, according to severity:",
         ["- Kitchen dark - we pick up within 20 minutes and restore within 4 hours.",
          "- Till slow - 1 hour and 8 business hours.",
          "- One waiter - 4 business hours and 2 business days."]),
    ],
)  # fmt: skip
def test_list_items_in_the_first_items_shape_take_its_measures_in_order(lead, items):
    """Levels named in the writer's own words, ranked by the list's order because the lead-in
    says it runs by impact; the later items' bare times measure what the first item's did,
    one for one."""
    assert _listed(lead, *items) == [
        ("response_time", "P1", 20.0), ("resolution_time", "P1", 240.0),
        ("response_time", "P2", 60.0), ("resolution_time", "P2", 480.0),
        ("response_time", "P3", 240.0), ("resolution_time", "P3", 960.0),
    ]  # fmt: skip


def test_a_list_that_says_no_order_ranks_nothing():
    got = _listed(
        "Some examples from last year:",
        "- Plant-wide - an engineer working on it within 20 minutes; service back within 4 hours.",
        "- Department - within 1 hour; back within 8 business hours.",
    )
    assert ("response_time", "P2", 60.0) not in got and ("response_time", "P1", 20.0) not in got


_VERSIONS = (
    ("Item", "Class", "4.2", "5.0"),
    [
        ("P1 response", "Business", "90 min", "60 min"),
        ("Availability", "Business", "99.5%", "99.7%"),
    ],
)


@pytest.mark.parametrize(
    "note, kept",
    [
        ("Only the 5.0 column applies to contracts signed from 1 March.", {60.0, 99.7}),
        ("The 4.2 column is shown so that existing customers can see what changes.", {60.0, 99.7}),
        ("Only the right-hand column is offered.", {60.0, 99.7}),
        ("Only the 4.2 column applies until March.", {90.0, 99.5}),
        # a note that names no column, or a column not in the table, leaves both
        ("Both columns are shown for comparison.", {60.0, 90.0, 99.5, 99.7}),
        ("Only the 6.0 column applies.", {60.0, 90.0, 99.5, 99.7}),
    ],
)
def test_prose_that_says_which_column_applies_sets_the_others_aside(note, kept):
    t = table(*_VERSIONS, page=1, top=300.0)
    got = found(note, tables=(t,))
    assert {f[2] for f in got if f[0] in ("response_time", "availability")} == kept


@pytest.mark.parametrize(
    "waiver, excluded",
    [
        (
            "Restoration times are targets: they are not guaranteed and carry no service credit.",
            False,
        ),
        ("Response and resolution times carry no credit; only availability does.", False),
        ("Missing a target earns no credit and is not a breach.", False),
    ],
)
def test_a_credit_scheme_stands_beside_measures_it_leaves_out(waiver, excluded):
    """Credits on some measures and none on others is one credit scheme: the refusal narrows
    it and is no second, excluded service credit."""
    credits = [
        (f[2], f[4])
        for f in found(
            "Service credits of up to 10% of the monthly fee apply to availability.", waiver
        )
        if f[0] == "service_credit"
    ]
    assert credits == [(10.0, B)] + ([(None, X)] if excluded else [])


@pytest.mark.parametrize(
    "sentence", ["We do not pay service credits.", "Our service levels carry no service credits."]
)
def test_a_vendor_with_no_credit_at_all_offers_an_excluded_one(sentence):
    assert [(f[0], f[4]) for f in found(sentence)] == [("service_credit", X)]


@pytest.mark.parametrize(
    "total, kept",
    [
        ("The total monthly fee of R 435 270,00 excluding VAT is R 500 560,50 including VAT.", []),
        ("In total the monthly charge comes to R 435 270,00.", []),
        ("The monthly project management fee is R 12 500,00.", [12500.0]),
    ],
)
def test_a_fee_called_a_total_beside_unit_prices_is_arithmetic(total, kept):
    prices = found("The fee is R 450,00 per device per month.", total)
    assert [f[2] for f in prices if f[1] == "flat"] == kept
    assert [f[2] for f in prices if f[1] == "per_device"] == [450.0]


def test_a_fee_called_a_total_with_no_unit_prices_is_the_price():
    assert [(f[1], f[2]) for f in found("Our total monthly fee is R 35 000,00.")] == [
        ("flat", 35000.0)
    ]


REACH = [
    ["Plant-wide", "15 minutes", "4 hours"],
    ["Site", "30 minutes", "8 hours"],
    ["Team", "2 hours", "2 business days"],
    ["Individual", "next business day", "5 business days"],
]


@pytest.mark.parametrize("corner", ["Reach", "", "Scope of the fault"])
def test_rows_under_clock_columns_whose_times_grow_are_levels(corner):
    """Rows of unknown names under "Respond | Restore" columns, faster first: the levels,
    most urgent first, whatever they are called."""
    t = table([corner, "Respond", "Restore service"], REACH)
    got = [
        (c.category, c.scope, c.value, c.tier)
        for c in extract_vendor("v", [document(tables=(t,))]).commitments
    ]
    assert [g[1] for g in got if g[0] == "response_time"] == ["P1", "P2", "P3", "P4"]
    assert {g[3] for g in got} == {""}


@pytest.mark.parametrize(
    "rows",
    [
        [[n, *r[1:]] for n, r in zip(["Platinum", "Gold", "Silver", "Bronze"], REACH)],
        [[n, *r[1:]] for n, r in zip(["Core plan", "Plus plan", "Pro plan", "Lite plan"], REACH)],
        REACH[:3],  # three rows may be the lower levels of a scheme ranked elsewhere
    ],
    ids=["metals", "plans", "three-rows"],
)
def test_plan_rows_under_clock_columns_stay_tiers(rows):
    t = table(["", "Respond", "Restore service"], rows)
    got = extract_vendor("v", [document(tables=(t,))]).commitments
    assert {c.scope for c in got} == {"all"} and all(c.tier for c in got)


def test_two_rows_the_level_words_rank_alike_take_their_order_in_the_table():
    """ "Minor deviation" and "Observation" both read as the lowest level; their times
    growing down the table rank them third and fourth."""
    t = table(
        ["Deviation class", "Example", "Respond (minutes)", "Restore (hours)"],
        [
            ["Critical deviation", "dispatch stopped", "15", "4"],
            ["Major deviation", "a department impaired", "30", "8"],
            ["Minor deviation", "one user, one tablet", "120", "16"],
            ["Observation", "request, question", "next business day", "none"],
        ],
    )
    got = [
        (c.scope, c.value)
        for c in extract_vendor("v", [document(tables=(t,))]).commitments
        if c.category == "response_time"
    ]
    assert got == [("P1", 15.0), ("P2", 30.0), ("P3", 120.0), ("P4", 480.0)]


@pytest.mark.parametrize("measure", ["Rectification", "Rectify the fault", "Time to rectify"])
def test_rectification_is_the_time_to_fix(measure):
    t = table(
        ["KPI", "Measure", "Category A", "Category B", "Category C"],
        [
            ["KPI-01", "Response", "30 minutes", "2 hours", "1 Working Day"],
            ["KPI-02", measure, "8 hours", "24 hours", "3 Working Days"],
        ],
    )
    got = [
        (c.category, c.scope, c.value)
        for c in extract_vendor("v", [document(tables=(t,))]).commitments
    ]
    assert [g for g in got if g[0] == "resolution_time"] == [
        ("resolution_time", "P1", 480.0),
        ("resolution_time", "P2", 1440.0),
        ("resolution_time", "P3", 1440.0),
    ]


@pytest.mark.parametrize(
    "mark, kept",
    [
        ("Gold (offered)", {"Gold"}),
        ("Gold (quoted)", {"Gold"}),
        ("Gold (proposed)", {"Silver", "Gold", "Platinum"}),  # recommended: the rest stay open
        ("Gold (popular)", {"Silver", "Gold", "Platinum"}),
    ],
)
def test_a_header_that_marks_one_plan_as_the_offer_sets_the_others_aside(mark, kept):
    t = table(
        ["Managed Services 2027", "Silver", mark, "Platinum"],
        [["Respond to P1 (Critical)", "60 minutes", "15 minutes", "10 minutes"]],
    )
    got = extract_vendor("v", [document(tables=(t,))]).commitments
    assert {c.tier for c in got} == kept


def test_a_column_saying_how_the_vendor_meets_a_control_leaves_the_service_level_its_own():
    """ "How Thuqbah meets it" describes the vendor's answer: the "Service level" beside it
    is the vendor's, not a rival's column."""
    t = table(
        ["Ref.", "Control", "How Thuqbah meets it", "Service level"],
        [
            [
                "2-5",
                "Network security",
                "Plant networks kept apart; weekly scans",
                "Network available 99.95% per month",
            ],
            [
                "2-10",
                "Vulnerability management",
                "Patches tested on a pilot group within 2 days",
                "Critical patches within 7 days",
            ],
        ],
    )
    doc = dataclasses.replace(
        document("Thuqbah Cyber maps its service.", tables=(t,)),
        title="Thuqbah Cyber - proposal for Thabat",
    )
    got = {(c.category, c.value) for c in extract_vendor("thuqbah-cyber", [doc]).commitments}
    assert {("availability", 99.95), ("patch_window", 7.0)} <= got


@pytest.mark.parametrize(
    "sign, code", [("lei, excl. TVA", "RON"), ("zł, net", "PLN"), ("KSh, excl. VAT", "KES")]
)
def test_a_sign_in_letters_with_its_tax_basis_after_a_comma_names_the_currency(sign, code):
    t = table(
        ["Item", "Basis", sign], [["Managed device (PC, laptop)", "per device per month", "235,00"]]
    )
    (c,) = extract_vendor("v", [document(tables=(t,))]).commitments
    assert (c.scope, c.value, c.unit) == ("per_device", 235.0, f"{code}/month")


@pytest.mark.parametrize(
    "sentences, expected",
    [
        (["The Board of Directors meets the client's director twice a year."], [180.0]),
        (
            [
                "The Board of Directors meets the client's director twice a year.",
                "Our account manager meets your IT lead every month.",
            ],
            [30.0],
        ),
        (
            [
                "Service review with the IT Manager every month; executive review with the General Manager each quarter."
            ],
            [30.0],
        ),
        (
            ["Procedures are reviewed every 12 months.", "We hold a service review every quarter."],
            [90.0],
        ),
        (["Access rights are reviewed every 3 months."], []),
    ],
)
def test_the_review_cadence_is_the_service_reviews(sentences, expected):
    """An executive forum's frequency stands only where no service review is stated, and a
    review of procedures or access rights is no service review."""
    assert [f[2] for f in found(*sentences) if f[0] == "review_cadence"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Critical patches are applied within 5 days of release; all other patches within 30 days.",
            [5.0],
        ),
        (
            "Critical security updates shall be applied within 48 hours, and all other updates within 14 days.",
            [2.0],
        ),
        (
            "Critical OS patches within 7 days of release; third-party applications within 14 days.",
            [7.0],
        ),
        ("Patches are applied within 14 days of release.", [14.0]),
    ],
)
def test_the_patch_window_is_the_time_for_critical_patches(sentence, expected):
    assert [f[2] for f in found(sentence) if f[0] == "patch_window"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("SR 210 per managed device per month.", [("per_device", 210.0, "SAR/month")]),
        ("Devices are SR 95.50 per device per month.", [("per_device", 95.5, "SAR/month")]),
        ("Please log an SR for each request within 4 hours.", []),
    ],
)
def test_sr_is_the_saudi_riyal(sentence, expected):
    assert [(f[1], f[2], f[3]) for f in found(sentence) if f[0] == "price"] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "A penalty of SR 500 per hour of delay applies.",
        "A penalty of USD 500 per hour of delay applies.",
    ],
)
def test_what_a_miss_costs_the_vendor_is_no_price(sentence):
    assert [f for f in found(sentence) if f[0] == "price"] == []


def test_a_penalty_column_holds_no_prices_but_its_cap_is_the_credit():
    t = table(
        ["Ref.", "Failure", "Penalty (SAR)", "Unit"],
        [
            ["E-1", "Category A response later than KPI-01", "500", "per hour of delay"],
            ["E-5", "Resident technician absent", "450", "per day"],
            ["E-7", "All penalties in one month", "at most 10% of the monthly contract value", ""],
        ],
    )
    got = [(c.category, c.value) for c in extract_vendor("v", [document(tables=(t,))]).commitments]
    assert got == [("service_credit", 10.0)]


@pytest.mark.parametrize(
    "declaration, code",
    [
        ("All prices are in Pakistani rupees (PKR) and exclude sales tax.", "PKR"),
        ("Prices are quoted in LKR.", "LKR"),
        ("Our company is based in Pune.", "INR"),  # no declaration: the sign's own code
    ],
)
def test_a_sign_several_currencies_write_follows_the_declared_currency(declaration, code):
    prices = [
        f
        for f in found(declaration, "The fee is Rs. 1,850 per device per month.")
        if f[0] == "price"
    ]
    assert [(f[2], f[3]) for f in prices] == [(1850.0, f"{code}/month")]


@pytest.mark.parametrize(
    "sentence",
    [
        "RFP requirement T2.1: a first response to a Priority 1 incident within 20 minutes.",
        "Requirement 3.1: no more than one hour of data lost.",
        "Client requirement R-07: restoration within 4 hours.",
    ],
)
def test_a_quoted_requirement_is_the_clients_not_an_offer(sentence):
    assert found(sentence) == []


def test_a_column_of_terms_that_end_on_a_date_is_superseded():
    t = table(
        ["Service", "Until 30-06-2027", "From 01-07-2027"],
        [["Priority 1 response", "1 hour", "30 minutes"], ["Priority 1 fix", "8 hours", "6 hours"]],
    )
    got = [(c.category, c.value) for c in extract_vendor("v", [document(tables=(t,))]).commitments]
    assert got == [("response_time", 30.0), ("resolution_time", 360.0)]


@pytest.mark.parametrize(
    "definitions",
    [
        [
            "The GTI (garantie de temps d'intervention) is the time within which an engineer is "
            "working on the incident; the GTR (garantie de temps de retablissement) is the time "
            "within which the service works again, by a workaround or a fix."
        ],
        [
            "TTA is the time within which an engineer acknowledges the ticket.",
            "TTR is the maximum time within which the service is restored.",
        ],
    ],
    ids=["one-sentence", "two-sentences"],
)
def test_short_forms_defined_as_measures_name_their_columns(definitions):
    first, second = ("GTI", "GTR") if "GTI" in definitions[0] else ("TTA", "TTR")
    t = table(
        ["Level", "Clock", f"{first} (hours)", f"{second} (hours)"],
        [["1 - Blocking", "24/7", "0,5", "4"], ["2 - Major", "24/7", "1", "8"]],
    )
    got = [
        (c.category, c.scope, c.value)
        for c in extract_vendor("v", [document(*definitions, tables=(t,))]).commitments
    ]
    assert got == [
        ("response_time", "P1", 30.0),
        ("resolution_time", "P1", 240.0),
        ("response_time", "P2", 60.0),
        ("resolution_time", "P2", 480.0),
    ]


@pytest.mark.parametrize(
    "heads, expected",
    [
        (
            ["Muc 1 Khan cap", "Muc 2 Cao", "Muc 3 Trung binh", "Muc 4 Thap"],
            ["P1", "P2", "P3", "P4"],
        ),
        (["Stufe 1", "Stufe 2", "Stufe 3"], ["P1", "P2", "P3"]),
        (["Option 1", "Option 2", "Option 3"], ["all", "all", "all"]),  # plans, not levels
    ],
)
def test_columns_that_number_one_word_with_times_growing_are_levels(heads, expected):
    """A numbered scale in any language ("Muc 1 .. Muc 4") over times that grow along the
    row is the priority scheme, most urgent first; numbered options are plans."""
    times = ["30", "60", "240", "480"][: len(heads)]
    t = table(["Measure", *heads], [["Response (minutes)", *times]])
    got = [c.scope for c in extract_vendor("v", [document(tables=(t,))]).commitments]
    assert got == expected


def test_rows_under_a_type_header_beside_an_intervention_column_are_levels():
    """ "Type of call" names what the rows are; a column headed "Intervention" is the time to
    intervene, the first response (the word alone in running text promises nothing:
    "planned interventions are announced 7 days ahead")."""
    t = table(
        ["Type of call", "Intervention", "Back in service"],
        [
            ["Blocking fault: a line or the network stopped", "1 hour", "4 hours"],
            ["Non-blocking fault", "4 working hours", "2 working days"],
            ["Request", "next working day", "as agreed"],
        ],
    )
    got = [
        (c.category, c.scope, c.value)
        for c in extract_vendor("v", [document(tables=(t,))]).commitments
    ]
    assert got == [
        ("response_time", "P1", 60.0),
        ("resolution_time", "P1", 240.0),
        ("response_time", "P2", 240.0),
        ("resolution_time", "P2", 960.0),
        ("response_time", "P3", 480.0),
    ]
    assert found("The planned interventions are announced with 7 days' notice.") == []


def test_a_charters_success_criteria_are_the_vendors_measures():
    """A project charter's "Success criterion" column holds what the provider is measured
    against; only a pilot's or a trial's columns are the buyer's test."""
    t = table(
        ["Severity", "Success criterion"],
        [["S1 Lab Halt", "within four hours"], ["S2 Lab Slow", "within eight hours"]],
    )
    doc = document(
        "Section 2 sets the measures.", tables=(t,), heading="2.2 Time to restore service"
    )
    got = [(c.category, c.scope, c.value) for c in extract_vendor("v", [doc]).commitments]
    assert [g[2] for g in got] == [240.0, 480.0] and {g[1] for g in got} == {"P1", "P2"}


def test_an_obligation_of_means_softens_and_taking_charge_is_the_response():
    """The civil-law pair: an "obligation of result" binds, an "obligation of means" is best
    efforts; "taking charge" of a ticket is the first response (a director who "takes charge"
    on escalation is none)."""
    t = table(
        ["", "Class S", "Class R"],
        [
            ["Taking charge - obligation of result", "", ""],
            ["P1 Critical: a site stopped", "30 min", "15 min"],
            ["Restoration - obligation of means", "", ""],
            ["P1 Critical: a site stopped", "8 h", "4 h"],
        ],
    )
    got = [
        (c.category, c.value, c.strength)
        for c in extract_vendor("v", [document(tables=(t,))]).commitments
    ]
    assert got == [
        ("response_time", 30.0, B),
        ("response_time", 15.0, B),
        ("resolution_time", 480.0, S),
        ("resolution_time", 240.0, S),
    ]
    assert found("If a site is still down after two hours, our director takes charge.") == []


@pytest.mark.parametrize(
    "corner, strength", [("Option", C), ("Optional extras", C), ("Add-on", C), ("Service", B)]
)
def test_a_table_whose_rows_are_options_offers_each_only_if_taken(corner, strength):
    t = table(
        [corner, "What it adds", "Monthly fee (EUR)"],
        [["O-2", "standby server; the ERP server restored within 4 hours", "1,850.00"]],
    )
    got = {
        (c.category, c.strength) for c in extract_vendor("v", [document(tables=(t,))]).commitments
    }
    assert got == {("rto", strength), ("price", B)}  # the option's own price is firm
