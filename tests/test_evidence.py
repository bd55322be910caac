"""Team-fit evidence and risk flags found in proposal sentences, and their per-vendor merge."""

import dataclasses

import pytest

from msp_select import models
from msp_select.extract.evidence import finish

SRC = models.Source("acme.pdf", 3, "text")


CRITERIA = [
    (
        "dedicated-account-manager",
        "You will have a dedicated account manager who knows your business.",
    ),
    ("dedicated-account-manager", "A named service delivery manager is assigned to your account."),
    ("dedicated-account-manager", "Your single point of contact is a named client success lead."),
    (
        "senior-escalation",
        "Unresolved P1 incidents are escalated to a senior engineer after 30 minutes.",
    ),
    (
        "senior-escalation",
        "Our out-of-hours line is staffed by qualified engineers, not a call centre.",
    ),
    (
        "senior-escalation",
        "A documented escalation path runs from the service desk to our Technical Director.",
    ),
    ("governance-cadence", "We hold a monthly service review with your IT lead."),
    ("governance-cadence", "Quarterly business reviews (QBRs) cover performance and the roadmap."),
    ("governance-cadence", "Our service manager will meet you every month to review tickets."),
    ("roles-responsibilities", "A RACI matrix sets out who does what."),
    (
        "roles-responsibilities",
        "Roles and responsibilities for both parties are defined in Schedule 3.",
    ),
    ("client-obligations", "The Client shall designate a single point of contact."),
    ("client-obligations", "You must provide remote access to all in-scope servers."),
    ("client-obligations", "The customer is responsible for maintaining software licences."),
    ("performance-incentives", "We put 10% of our fee at risk against the service levels."),
    (
        "performance-incentives",
        "An earn-back mechanism lets us recover credits through sustained performance.",
    ),
    (
        "performance-incentives",
        "A performance bonus applies when every service level is met for the quarter.",
    ),
    ("change-management", "All changes go through our change advisory board."),
    (
        "change-management",
        "Changes are scheduled in agreed maintenance windows with a rollback plan.",
    ),
    (
        "change-management",
        "Each change request is logged, risk-assessed and approved before work starts.",
    ),
    ("implementation-plan", "Onboarding follows a four-phase implementation plan over 45 days."),
    (
        "implementation-plan",
        "A project manager runs the transition with a weekly timeline and go-live checklist.",
    ),
    ("implementation-plan", "We take a phased approach to migration, site by site."),
    ("adoption-communication", "We run training sessions for your staff before go-live."),
    (
        "adoption-communication",
        "End-user communications and a monthly newsletter explain each change.",
    ),
    (
        "adoption-communication",
        "Security awareness training is delivered to all employees each year.",
    ),
    ("conflict-resolution", "Disputes are escalated to directors and then to mediation."),
    (
        "conflict-resolution",
        "Any disagreement is referred to the steering group before arbitration.",
    ),
    (
        "executive-oversight",
        "A quarterly steering committee with your leadership oversees the service.",
    ),
    (
        "executive-oversight",
        "An executive sponsor from our board reviews the account twice a year.",
    ),
    ("executive-oversight", "Our CEO attends the annual strategy review."),
    ("co-managed-collaboration", "We work alongside your in-house IT team."),
    (
        "co-managed-collaboration",
        "Our co-managed model gives your staff shared ticketing and documentation.",
    ),
    (
        "co-managed-collaboration",
        "Your internal IT staff keep full access to our tools in a shared portal.",
    ),
    ("reporting-transparency", "Each month you receive an SLA performance report."),
    ("reporting-transparency", "A live dashboard shows every open ticket and its response time."),
    ("reporting-transparency", "You get real-time visibility of tickets through the portal."),
    (
        "control-retention",
        "You keep ownership of every administrator credential and all documentation.",
    ),
    ("control-retention", "All passwords and configuration remain the property of the client."),
    ("control-retention", "The client has the right to audit our work at any time."),
    (
        "exit-assistance",
        "On termination we provide 60 days of transition assistance to your next provider.",
    ),
    ("exit-assistance", "Our exit plan includes a full handover of documentation."),
    ("exit-assistance", "At the end of the contract we return all data and help migrate it."),
    ("security-compliance", "We are SOC 2 Type II audited every year."),
    ("security-compliance", "Acme is certified to ISO 27001:2022 and holds Cyber Essentials Plus."),
    ("security-compliance", "Our processes are HIPAA compliant and we sign a BAA."),
    # one held, another not yet: the one held counts
    ("security-compliance", "Acme holds Cyber Essentials Plus and is working towards ISO 27001."),
    ("flexibility", "You can add or remove users each month."),
    ("flexibility", "The service runs on a month-to-month basis with no minimum term."),
    ("flexibility", "Seats scale up and down monthly without penalty."),
]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We work alongside your three-person ICT team.", True),
        ("Our engineer works together with your in-house systems coordinator.", True),
        # the words of working together, with no two teams at work
        ("Thank you for three years of partnership.", False),
        ("This reply is valid together with our offer for 60 days.", False),
        ("At exit we work alongside your new provider for six weeks.", False),
        ("The three members are jointly and severally liable for every obligation.", False),
    ],
)
def test_co_managed_work_is_two_teams_at_work_together(evidence_of, text, expected):
    crits, _ = evidence_of(text)
    assert ("co-managed-collaboration" in crits) is expected


@pytest.mark.parametrize("criterion, text", CRITERIA)
def test_criterion_found(evidence_of, criterion, text):
    crits, _ = evidence_of(text)
    assert criterion in crits and crits[criterion] != "excluded"


def test_every_criterion_is_covered():
    assert {c for c, _ in CRITERIA} == set(models.CRITERIA_IDS)


@pytest.mark.parametrize(
    "criterion, text",
    [
        ("dedicated-account-manager", "We do not provide a dedicated account manager."),
        ("exit-assistance", "Exit assistance is not included."),
        ("security-compliance", "We do not hold ISO 27001 certification."),
        # a certification not held yet, in other words
        ("security-compliance", "We are working towards ISO 27001 and expect the audit in 2027."),
        ("security-compliance", "We are not ISO 27001 certified and do not claim to be."),
        ("security-compliance", "We hold no ISO 27001 or similar certificate."),
        ("security-compliance", "We are a small shop; a SOC 2 audit is on our plan for 2028."),
        ("security-compliance", "We expect to begin an ISO 27001 audit in 2027."),
        ("security-compliance", "SOC 2 Type II: audit in progress, report expected Q3 2027."),
    ],
)
def test_negated_criterion_is_excluded(evidence_of, criterion, text):
    crits, _ = evidence_of(text)
    assert crits.get(criterion, "excluded") == "excluded"


@pytest.mark.parametrize(
    "text, heading",
    [
        ("Your previous provider charged extra for escalation and had no account manager.", ""),
        ("You asked for a dedicated account manager and monthly service reviews.", ""),
        ("The client is looking for a partner with ISO 27001 and a clear exit plan.", ""),
        ("Case study: we replaced 220 devices in 10 weeks with a phased rollout.", ""),
        (
            "Within 9 months the customer's average resolution time fell from 11 hours to 3 hours.",
            "",
        ),
        ("The freight company moved to us after years of missed targets.", "Case study"),
        ("Account management", "Account management"),
        ("Appendix C: Exit Assistance and Handover", ""),
    ],
)
def test_restated_needs_history_and_headings_are_not_evidence(evidence_of, text, heading):
    assert evidence_of(text, heading) == ({}, set())


FLAGS = [
    ("clock-stop", "The SLA clock is paused while we await information from the client."),
    (
        "clock-stop",
        "Time spent waiting for the customer's response does not count towards resolution targets.",
    ),
    ("clock-stop", "Tickets are placed on hold, stopping the timer, until you confirm access."),
    # the clock in other words: plural times, standing still, a stop-clock event, net time
    ("clock-stop", "Response times pause only while the caller cannot be reached."),
    ("clock-stop", "The restore clock stands still while a ticket is waiting on Council staff."),
    ("clock-stop", "Response Time and Resolution Time do not run during a Stop Clock Event."),
    ("clock-stop", "Times stop while the Supplier awaits information from the Client."),
    ("clock-stop", "Response Time shall be measured net of Excluded Time."),
    (
        "first-line-only",
        "After hours, calls are answered by our first-line team and an engineer calls back the next business day.",
    ),
    ("first-line-only", "Out-of-hours calls go to an answering service that logs the ticket."),
    ("first-line-only", "Overnight, a call centre takes messages for the on-call team."),
    ("extra-cost", "Escalations to senior engineers are billed at $180 per hour."),
    (
        "extra-cost",
        "Emergency work outside business hours is charged at 1.5 times the standard rate.",
    ),
    ("extra-cost", "Weekend visits carry a premium surcharge."),
    ("vendor-holds-keys", "We retain administrative credentials for all managed systems."),
    (
        "vendor-holds-keys",
        "Domain admin passwords are held by the provider and are not shared with the client.",
    ),
    ("vendor-holds-keys", "Network documentation remains the property of Acme."),
    ("no-penalty", "Service levels carry no service credits."),
    ("no-penalty", "We do not offer credits or any other remedy if a target is missed."),
    ("no-penalty", "Credits are not payable for missed response times."),
    ("no-penalty", "We don't offer service credits or penalties of any kind."),
    ("no-penalty", "Service levels are not backed by any financial penalties."),
    ("no-penalty", "Missed service levels do not entitle the customer to any compensation."),
    (
        "auto-renewal",
        "The agreement renews automatically for a further 12 months unless notice is given.",
    ),
    ("auto-renewal", "This contract auto-renews each year."),
    (
        "auto-renewal",
        "At the end of the initial term the contract rolls over for successive one-year terms.",
    ),
    ("soft-sla", "We aim to respond to P1 incidents within 30 minutes."),
    ("soft-sla", "Our target availability is 99.9%."),
    ("soft-sla", "Critical issues are typically resolved within 4 hours."),
]


@pytest.mark.parametrize("flag, text", FLAGS)
def test_flag_raised(evidence_of, flag, text):
    assert flag in evidence_of(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "The clock never stops for a P1 incident.",
        "We do not pause the SLA clock for any reason.",
        "Our engineers stop work at 6pm and the NOC takes over.",
        "Response times are not suspended at weekends.",
    ],
)
def test_a_clock_that_never_stops_raises_no_clock_stop(evidence_of, text):
    assert "clock-stop" not in evidence_of(text)[1]


def test_every_flag_is_covered():
    assert {f for f, _ in FLAGS} == set(models.RISK_FLAGS)


@pytest.mark.parametrize(
    "flag, text",
    [
        (
            "clock-stop",
            "Response times are measured around the clock, and we never pause the SLA timer.",
        ),
        (
            "first-line-only",
            "There is no first-line call centre between you and the engineers who fix problems.",
        ),
        ("first-line-only", "Senior engineers staff our helpdesk 24x7."),
        ("extra-cost", "Escalation and after-hours work are included at no additional cost."),
        ("extra-cost", "Your previous provider charged for escalation."),
        ("extra-cost", "There is no charge for escalation or after-hours callouts."),
        ("vendor-holds-keys", "The client retains all administrative credentials."),
        ("vendor-holds-keys", "You keep ownership of every password and all documentation."),
        (
            "no-penalty",
            "Every service level carries a service credit of up to 15% of the monthly fee.",
        ),
        ("no-penalty", "There is no minimum term."),
        # a plan not offered to some clients is no remedy withheld
        ("no-penalty", "Our Solo plan isn't offered to financial institutions."),
        ("auto-renewal", "The contract does not renew automatically."),
        ("auto-renewal", "Either party may terminate with 90 days' notice."),
        ("soft-sla", "We will respond to P1 incidents within 15 minutes."),
        ("soft-sla", "We aim to make your staff feel supported."),
        ("soft-sla", "We commit to a recovery time objective of 2 hours."),
    ],
)
def test_flag_not_raised(evidence_of, flag, text):
    assert flag not in evidence_of(text)[1]


def test_vendor_holding_keys_is_not_control_retention(evidence_of):
    crits, flags = evidence_of("Our company retains administrative credentials and documentation.")
    assert "control-retention" not in crits and "vendor-holds-keys" in flags


def test_client_responsibility_heading_gives_client_obligation(evidence_of):
    crits, _ = evidence_of("Provide VPN access for our engineers.", "Client responsibilities")
    assert "client-obligations" in crits


def test_evidence_quotes_the_sentence_and_keeps_source(nlp, finder):
    ev, _ = finder.find(
        nlp("Our offices are in Leeds. We hold a monthly service review with you."), SRC
    )
    assert [(e.criterion, e.quote, e.source) for e in ev] == [
        ("governance-cadence", "We hold a monthly service review with you.", SRC)
    ]


def test_finish_keeps_the_strongest_per_criterion_and_first_flag():
    a = SRC
    b = models.Source("acme.pdf", 9, "text")
    ev = [
        models.Evidence("governance-cadence", "soft", "we aim to meet", a),
        models.Evidence("governance-cadence", "excluded", "no reviews on weekends", a),
        models.Evidence("governance-cadence", "binding", "we meet monthly", b),
        models.Evidence("governance-cadence", "binding", "we also meet quarterly", b),
        models.Evidence("change-management", "conditional", "CAB on request", a),
    ]
    fl = [
        models.RiskFlag("extra-cost", "first", a),
        models.RiskFlag("extra-cost", "second", b),
        models.RiskFlag("clock-stop", "clock", b),
    ]
    ev2, fl2 = finish(ev, fl)
    assert [(e.criterion, e.quote) for e in ev2] == [
        ("change-management", "CAB on request"),
        ("governance-cadence", "we meet monthly"),
    ]
    assert [(f.flag, f.quote) for f in fl2] == [("clock-stop", "clock"), ("extra-cost", "first")]
    assert finish(list(reversed(ev)), fl)[0][1].quote == "we also meet quarterly"


@pytest.mark.parametrize(
    "row, is_evidence",
    [
        ("Review monthly service report | R | C", False),
        ("Approve standard changes | A | R/A", False),
        ("Monthly SLA performance report | Included | Included", True),
    ],
)
def test_raci_rows_are_not_evidence(nlp, finder, row, is_evidence):
    ev, _ = finder.find(nlp(row), models.Source("acme.pdf", 5, "table"))
    assert bool(ev) == is_evidence


@pytest.mark.parametrize(
    "flag, text, flagged",
    [
        (
            "auto-renewal",
            "Our NOC shall open a Priority 1 ticket automatically when a critical alert fires.",
            False,
        ),
        ("auto-renewal", "Patches are deployed automatically every Tuesday night.", False),
        ("auto-renewal", "The agreement automatically renews for successive one-year terms.", True),
        (
            "auto-renewal",
            "This contract will renew automatically unless cancelled in writing.",
            True,
        ),
        (
            "extra-cost",
            "We manage the clinics and the urgent-care centre, priced per user with project work listed "
            "separately.",
            False,
        ),
        (
            "extra-cost",
            "Emergency on-site visits are available 24x7, subject to engineer availability and at "
            "additional cost.",
            True,
        ),
        (
            "extra-cost",
            "Escalation to a senior engineer outside business hours is billed at the after-hours rate; "
            "see section 6.",
            True,
        ),
        (
            "soft-sla",
            "We target a first-contact resolution rate of 80 percent for calls to the service desk.",
            False,
        ),
        ("soft-sla", "We aim to keep customer satisfaction above 90%.", False),
        ("soft-sla", "We aim to resolve P1 incidents within 4 hours.", True),
        ("soft-sla", "Our target availability is 99.5% per month.", True),
    ],
)
def test_flags_in_context(evidence_of, flag, text, flagged):
    """Automatic actions are not auto-renewal, pricing structure is not billed extra work, and
    KPIs stated softly are not soft service levels."""
    _, flags = evidence_of(text)
    assert (flag in flags) is flagged


@pytest.mark.parametrize(
    "text, flags, criteria",
    [
        (
            "Alder Creek keeps full ownership of all administrator credentials, stored in a vault that you own.",
            set(),
            set(),
        ),
        (
            "The Client remains the owner of all credentials, configurations and documentation.",
            set(),
            {"control-retention"},
        ),
        (
            "We retain domain administrator credentials for the security of your environment.",
            {"vendor-holds-keys"},
            set(),
        ),
        ("Emergency work on Critical incidents is never billed, at any hour.", set(), set()),
        # a negation after the verb: the vendor keeps none
        ("We keep no credential you cannot see or revoke.", set(), set()),
        # someone else's average, however hedged, is no soft service level of the vendor's
        (
            "Sector surveys put the average first response for schools at about four hours.",
            set(),
            set(),
        ),
        ("Industry figures suggest restoration typically takes around six hours.", set(), set()),
        ("Out-of-hours escalation is free of charge.", set(), set()),
        (
            "Escalation outside business hours is chargeable at our premium rate.",
            {"extra-cost"},
            set(),
        ),
        (
            "After moving to us in 2023, the group saw average resolution time fall from 11 hours to 3.5 hours.",
            set(),
            set(),
        ),
    ],
)
def test_who_holds_the_keys_and_who_pays(nlp, finder, text, flags, criteria):
    ev, fl = finder.find(nlp(text), SRC)
    assert {f.flag for f in fl} == flags
    assert {e.criterion for e in ev if e.strength != "excluded"} >= criteria
    if "vendor-holds-keys" in flags:
        assert "control-retention" not in {e.criterion for e in ev}


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        (
            "With 42,000 endpoints under management, we bring the scale of a national provider.",
            "flexibility",
            False,
        ),
        ("You can add or remove users each month as your headcount changes.", "flexibility", True),
        (
            "In week 4 of onboarding we review the handover from your current provider with your IT lead.",
            "exit-assistance",
            False,
        ),
        (
            "On termination we provide a full handover of documentation and 60 days of transition assistance.",
            "exit-assistance",
            True,
        ),
        (
            "Out of hours, calls go to our first-line desk; other tickets pass to second-line engineers the next "
            "business day.",
            "senior-escalation",
            False,
        ),
        (
            "Unresolved P1 incidents are escalated to a senior engineer after 30 minutes.",
            "senior-escalation",
            True,
        ),
    ],
)
def test_criteria_need_their_context(nlp, finder, text, criterion, present):
    ev, _ = finder.find(nlp(text), SRC)
    assert (criterion in {e.criterion for e in ev if e.strength != "excluded"}) is present


@pytest.mark.parametrize(
    "text, criteria, flags",
    [
        ("Service levels are provided without financial penalties.", set(), {"no-penalty"}),
        ("Either party may terminate without penalty on 90 days' notice.", set(), set()),
        (
            "A portion of our fee is at risk if service levels are missed.",
            {"performance-incentives"},
            set(),
        ),
        ("Seats can be added or removed on 30 days' notice.", {"flexibility"}, set()),
    ],
)
def test_remedies_and_flexibility_in_other_words(nlp, finder, text, criteria, flags):
    ev, fl = finder.find(nlp(text), SRC)
    assert {e.criterion for e in ev if e.strength != "excluded"} >= criteria
    assert {f.flag for f in fl} == flags


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        # either side may walk away for convenience
        ("Either side may end the contract on three months' notice.", "flexibility", True),
        ("The customer can terminate for convenience with 45 days' notice.", "flexibility", True),
        ("Cancellation for convenience is available after the first year.", "flexibility", True),
        ("Termination for convenience is not available.", "flexibility", False),
        ("Either party must keep the other's data confidential.", "flexibility", False),
        # the client can revoke the provider's access
        ("Your IT lead can revoke our engineers' access at any moment.", "control-retention", True),
        (
            "We sign in with personal accounts which the client may disable whenever it wishes.",
            "control-retention",
            True,
        ),
        ("You can switch off email notifications in the portal.", "control-retention", False),
        # a senior role takes an incident over
        (
            "Our Head of Service Delivery takes charge of any outage lasting an hour.",
            "senior-escalation",
            True,
        ),
        (
            "The technical director assumes ownership of every major incident.",
            "senior-escalation",
            True,
        ),
        ("Our Head of Finance sends the invoices each month.", "senior-escalation", False),
        # credits that grow with the shortfall
        (
            "We credit 3% of the fee, plus a further 2% for every hour the fix runs late.",
            "performance-incentives",
            True,
        ),
        (
            "Credits rise by 5% for each tenth of a percent under target.",
            "performance-incentives",
            True,
        ),
        ("Escalating service credits apply to repeated misses.", "performance-incentives", True),
        ("Each additional hour is billed at $120.", "performance-incentives", False),
        # a portal or summary the client can read
        (
            "The client portal displays each ticket with its due time.",
            "reporting-transparency",
            True,
        ),
        ("You receive a weekly ticket summary by email.", "reporting-transparency", True),
        ("Our portal is hosted in Sydney.", "reporting-transparency", False),
        # an account role given to the client: dedicated, assigned, appointed, or with its holder
        (
            "The Provider shall appoint a Service Delivery Manager dedicated to the Customer.",
            "dedicated-account-manager",
            True,
        ),
        (
            "Ms Corinne Baumann, Service Delivery Manager, is assigned to your firm.",
            "dedicated-account-manager",
            True,
        ),
        ("The Contractor names a service manager.", "dedicated-account-manager", True),
        ("Engagement lead: Kari Nesheim", "dedicated-account-manager", True),
        ("Named acct mgr (D. Okafor)", "dedicated-account-manager", True),
        ("Your partner on this account is Marta Quintela.", "dedicated-account-manager", True),
        ("I would be your personal contact for the contract.", "dedicated-account-manager", True),
        (
            "We assign a named team to your account; your lead engineer has 14 years of experience.",
            "dedicated-account-manager",
            False,
        ),
        (
            "Contact: Dana Reyes, Client Director, +1 (614) 555-0142.",
            "dedicated-account-manager",
            False,
        ),
        (
            "The Customer shall appoint a single point of contact.",
            "dedicated-account-manager",
            False,
        ),
        # a senior person takes an incident over, oversees it or joins its call
        (
            "Our head of engineering, Vikram Shenoy, takes personal charge.",
            "senior-escalation",
            True,
        ),
        (
            "Jakarta visits are arranged through a local partner and may take two days.",
            "senior-escalation",
            False,
        ),
        ("Every P1 is overseen by our Head of Service.", "senior-escalation", True),
        ("After 45 minutes our engineering manager joins the call.", "senior-escalation", True),
        ("An engineer joins the call within 15 minutes.", "senior-escalation", False),
        ("RED tickets pull a senior SRE onto the bridge.", "senior-escalation", True),
        (
            "Twice a year our Chief Delivery Officer will join an executive review.",
            "senior-escalation",
            False,
        ),
        ("Our technical lead will join me at each review.", "senior-escalation", False),
        ("A named service delivery manager leads your account.", "senior-escalation", False),
        ("Invoices are approved by our finance director.", "senior-escalation", False),
        # help for whoever comes after the vendor
        ("We run a documented handover to your next provider.", "exit-assistance", True),
        ("Kestrel provides up to sixty days of transition assistance.", "exit-assistance", True),
        ("We will assist the successor for up to three months.", "exit-assistance", True),
        ("Up to 15 working days of handover help.", "exit-assistance", True),
        (
            "As your new provider we will take over from the incumbent in six weeks.",
            "exit-assistance",
            False,
        ),
        ("The successor agreement will be signed in May.", "exit-assistance", False),
        ("Transition support covers discovery and go-live.", "exit-assistance", False),
        # credentials kept where someone other than the vendor owns the vault, by any name
        (
            "All administrator passwords are kept in the Verband's own password vault.",
            "control-retention",
            True,
        ),
        (
            "Every administrator credential lives in a vault that Tallgrass owns.",
            "control-retention",
            True,
        ),
        ("Admin creds: in a council-owned vault.", "control-retention", True),
        ("The passwords stay in a vault owned by Lee Valley.", "control-retention", True),
        ("All passwords are kept in our own vault.", "control-retention", False),
        ("Credentials are kept in a vault that we own.", "control-retention", False),
        # a plan is steps on a timeline, not one milestone or a duration
        ("A week-by-week plan is attached to our offer as Annex C.", "implementation-plan", True),
        ("Onboarding follows a plan with four milestones.", "implementation-plan", True),
        ("We roll the service out in four waves of five clinics.", "implementation-plan", True),
        ("Go-live: 8-10 wks from signing.", "implementation-plan", False),
        (
            "Onboarding takes eight weeks, with cut-over on a Tuesday night.",
            "implementation-plan",
            False,
        ),
        ("The onboarding period is 30 days from signing.", "implementation-plan", False),
        ("The one-time fee is invoiced at go-live.", "implementation-plan", False),
        (
            "Onboarding follows the plan in Appendix B: discovery, documentation and cut-over.",
            "implementation-plan",
            True,
        ),
        ("A fixed plan - Discover, Build, Cut-over.", "implementation-plan", True),
        (
            "The transition is completed within eight weeks, following the plan in Appendix B.",
            "implementation-plan",
            True,
        ),
        ("Our plan for Schedule changes is simple.", "implementation-plan", False),
        # a week or a phase of the plan counts from its start; a contract's month or a
        # calendar week is no step of it
        ("Week 1: discovery. Week 3: cut-over of the first site.", "implementation-plan", True),
        ("Weeks 1-2: discovery and documentation.", "implementation-plan", True),
        ("Phase Two moves the file servers.", "implementation-plan", True),
        (
            "Either party may end it, no earlier than the end of month 24.",
            "implementation-plan",
            False,
        ),
        (
            "In the peak weeks (weeks 45 to 52) a change freeze applies.",
            "implementation-plan",
            False,
        ),
        (
            "Early termination fee: 3 months' fees if ended in months 1-12.",
            "implementation-plan",
            False,
        ),
        (
            "You sign a 12-month first term; after that it is month to month.",
            "implementation-plan",
            False,
        ),
        ("Each row of the table is one step of handling a call.", "implementation-plan", False),
        # the vendor's role word is no client: "Provider shall appoint" is the vendor's own act
        ("Provider shall appoint a named service manager.", "client-obligations", False),
        ("The Supplier must name a backup engineer for each site.", "client-obligations", False),
    ],
)
def test_criteria_in_fresh_wording(evidence_of, text, criterion, present):
    crits, _ = evidence_of(text)
    assert (crits.get(criterion, "excluded") != "excluded") is present


@pytest.mark.parametrize(
    "text, heading, criterion",
    [
        (
            "You will have a named client success lead, Jo Ng, from day one.",
            "About us",
            "dedicated-account-manager",
        ),
        (
            "Each month you get a report of every ticket against its target.",
            "Who we are",
            "reporting-transparency",
        ),
        (
            "You will be assigned a service delivery manager who knows your site.",
            "Background",
            "dedicated-account-manager",
        ),
    ],
)
def test_a_promise_counts_under_a_company_history_heading(evidence_of, text, heading, criterion):
    crits, _ = evidence_of(text, heading)
    assert criterion in crits


@pytest.mark.parametrize(
    "text, heading",
    [
        ("Since 2012 our account managers have served 40 clinics.", "About us"),
        ("The hospital had a dedicated account manager and monthly reviews.", "Case study"),
        ("They get a monthly report from us.", "Case study"),
    ],
)
def test_history_under_a_skipped_heading_is_still_skipped(evidence_of, text, heading):
    assert evidence_of(text, heading) == ({}, set())


@pytest.mark.parametrize(
    "text, flag, flagged",
    [
        # extra-cost in other words
        ("Weekend attendance: a call-out charge applies.", "extra-cost", True),
        ("Engineer visits outside office hours are billed per hour.", "extra-cost", True),
        ("Work after hours, per hour | 180", "extra-cost", True),
        ("A travel fee is added for sites beyond 50 km.", "extra-cost", True),
        ("There is no call-out charge, day or night.", "extra-cost", False),
        ("Site visits are covered without any travel fee.", "extra-cost", False),
        ("Engineers outside business hours respond within an hour.", "extra-cost", False),
        # soft-sla as a hedge next to a service level
        ("Restoration of a failed laptop is best-effort.", "soft-sla", True),
        ("Fix times are estimates only.", "soft-sla", True),
        ("These repair times are something we work towards rather than promise.", "soft-sla", True),
        ("We cannot guarantee resolution of faults in third-party software.", "soft-sla", True),
        ("We cannot guarantee that your printers will last five years.", "soft-sla", False),
        ("Response times are contractual commitments, not best-effort aims.", "soft-sla", False),
        ("Best-effort advice on personal devices is included.", "soft-sla", False),
        # first-line-only negated
        (
            "Night calls reach a qualified engineer, never an answering service.",
            "first-line-only",
            False,
        ),
        (
            "Out-of-hours calls go to senior staff rather than a message service.",
            "first-line-only",
            False,
        ),
        ("Out-of-hours calls go to a message service until morning.", "first-line-only", True),
        # an engineer dispatched after hours is cover on site, not a first line
        (
            "After-hours dispatch: on request, billed at 1.5x the T&M rate.",
            "first-line-only",
            False,
        ),
        ("After hours dispatch of an engineer to any branch, 24x7.", "first-line-only", False),
        (
            "After hours, calls go to our dispatch team, who log them for an engineer the next"
            " business day.",
            "first-line-only",
            True,
        ),
        # clock-stop is about waiting on the client, not on third parties
        ("Fix times exclude time spent waiting on hardware suppliers.", "clock-stop", False),
        ("The clock stops while we are awaiting your approval.", "clock-stop", True),
    ],
)
def test_flags_in_fresh_wording(evidence_of, text, flag, flagged):
    _, flags = evidence_of(text)
    assert (flag in flags) is flagged


@pytest.mark.parametrize(
    "text, flag, flagged",
    [
        # the vendor itself says a figure is only an aim, whatever the figure measures
        ("These are targets that we report, not service levels.", "soft-sla", True),
        ("This is a KPI for our monthly review, not a service level.", "soft-sla", True),
        (
            "We aim for a user satisfaction of 90%; this is a target, not a service level.",
            "soft-sla",
            True,
        ),
        (
            "We target 70 % of calls solved at the first call: a target, not a commitment.",
            "soft-sla",
            True,
        ),
        ("P4 times are goals we plan our rota around, not promises.", "soft-sla", True),
        (
            "Restoration figures are estimates our engineers work to; they are not contractual.",
            "soft-sla",
            True,
        ),
        (
            "The P3 fix time of 2 days is an objective and not a binding obligation.",
            "soft-sla",
            True,
        ),
        # a denial with no figure in view, a commitment that says it is one, another event
        ("Our product roadmap dates are targets, not commitments.", "soft-sla", False),
        ("We guarantee 99.9% availability; this is a commitment, not a target.", "soft-sla", False),
        ("Downtime the client causes is not a service level failure.", "soft-sla", False),
        ("In 2025 we averaged 12 minutes, a figure and not a promise.", "soft-sla", False),
        # credits that are capped, not cumulative or not cash still exist
        (
            "Credits are not cumulative across rows; the largest applicable one is paid.",
            "no-penalty",
            False,
        ),
        (
            "Service credits shall not exceed 12% of the monthly fee in any month.",
            "no-penalty",
            False,
        ),
        ("The total penalty shall not exceed 10% of the monthly charges.", "no-penalty", False),
        (
            "Service credits are not refunds and may only be set against future invoices.",
            "no-penalty",
            False,
        ),
        ("Service credits are not payable under the Essentials plan.", "no-penalty", True),
        ("Credits do not apply to restoration times.", "no-penalty", True),
        ("Service credits will not be paid for missed targets.", "no-penalty", True),
        ("No service credits are offered.", "no-penalty", True),
        # leaving the contract without a penalty is the client's freedom, not an SLA's gap
        ("After the first year you can leave on 90 days' notice, no penalty.", "no-penalty", False),
        (
            "The client may terminate for convenience without any penalty or charge.",
            "no-penalty",
            False,
        ),
        # renewal struck out, chosen by someone, a ticket's auto-close or a product's name
        ("Clause 11.2 (Automatic renewal) is deleted.", "auto-renewal", False),
        (
            "Delete the automatic renewal; the agreement expires at the end of the term.",
            "auto-renewal",
            False,
        ),
        (
            "Nothing renews automatically: each renewal is the Council's to decide.",
            "auto-renewal",
            False,
        ),
        ("It may be extended by a further 12 months by written agreement.", "auto-renewal", False),
        (
            "A 36-month term, with an option to extend by a further 24 months.",
            "auto-renewal",
            False,
        ),
        (
            "The Authority may extend the contract by up to two further periods of 12 months.",
            "auto-renewal",
            False,
        ),
        (
            "Tickets auto-close 72 hours after resolution if the user does not reply.",
            "auto-renewal",
            False,
        ),
        ("The Evergreen library servers are monitored around the clock.", "auto-renewal", False),
        (
            "The agreement is on an evergreen basis until either party ends it.",
            "auto-renewal",
            True,
        ),
        ("It renews automatically for further 12-month periods.", "auto-renewal", True),
        (
            "The term rolls over for successive one-year terms unless notice is given.",
            "auto-renewal",
            True,
        ),
        ("The contract auto-renews each year.", "auto-renewal", True),
    ],
)
def test_flags_told_by_what_the_words_deny_or_strike(evidence_of, text, flag, flagged):
    _, flags = evidence_of(text)
    assert (flag in flags) is flagged


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Your own systems administrator keeps full admin access to every server.", False),
        ("Harbourline's own IT team retains the global admin credentials.", False),
        ("You hold all passwords; our engineers use named accounts.", False),
        ("Our engineers keep full admin access to every server.", True),
        ("We retain the domain administrator credentials throughout the term.", True),
    ],
)
def test_who_keeps_the_access(evidence_of, text, flagged):
    _, flags = evidence_of(text)
    assert ("vendor-holds-keys" in flags) is flagged


# --- the parties by name: the client's and the provider's names act as "the client" and "we"

CLIENT_NAME = "Harbourside Dental Group"
PROVIDER_NAME = "Tasman Networks"


@pytest.fixture
def named_evidence(nlp, finder):
    """Like evidence_of, with Harbourside Dental Group the client and Tasman Networks the vendor."""
    from msp_select.extract.strength import Parties, _forms

    parties = Parties(_forms([CLIENT_NAME]), _forms([PROVIDER_NAME]))

    def find(text: str, kind: str = "text"):
        doc = nlp(text)
        parties.mark(doc)
        evidence, flags = finder.find(doc, models.Source("proposal.pdf", 1, kind))
        return {e.criterion: e.strength for e in evidence}, {f.flag for f in flags}

    return find


@pytest.mark.parametrize(
    "text, present",
    [
        ("Ole-Martin Bakke is Harbourside's service delivery manager.", True),
        ("One service manager for Harbourside: Femke de Wit.", True),
        ("Harbourside's service desk manager approves each change.", False),
    ],
)
def test_an_account_role_held_for_the_client_by_name(named_evidence, text, present):
    crits, _ = named_evidence(text)
    assert ("dedicated-account-manager" in crits) is present


def test_name_forms_are_the_name_its_leading_words_and_initials():
    from msp_select.extract.strength import _forms

    assert set(_forms([CLIENT_NAME])) == {
        "Harbourside",
        "Harbourside Dental",
        "Harbourside Dental Group",
        "HDG",
    }
    assert _forms(["initial term", "The Group"]) == ()  # not a name: lower case, a title word
    # a legal suffix is part of the name but not always of its initials
    assert {"LNA", "LNAL"} <= set(_forms(["Loch Ness Airports Ltd"]))
    # each capitalised part of a joined word gives its initial too
    assert "ILC" in _forms(["Institut Lambert-Closse"])
    assert "SMH" in _forms(["Saint-Martin Hospital"])
    assert "ILc" not in _forms(["Institut Lambert-closse"])


@pytest.mark.parametrize(
    "paragraph, obliged",
    [
        # a figure the client must meet is a written obligation, whatever words surround it
        (
            "While a Code Red is open, the pharmacist or a delegate must stay reachable and"
            " answer our engineer within 30 minutes.",
            True,
        ),
        ("The site lead must stay reachable and answer our engineer within 30 minutes.", True),
        (
            "The cooperative must keep a spare PC and must answer our technicians within 1 hour.",
            True,
        ),
        # the provider's own figures, and a duty the client is spared, are none
        ("We answer your call within 15 minutes during a Severity 1.", False),
        ("Our engineers will approve each change within 2 business days.", False),
        ("You do not need to approve routine changes.", False),
    ],
)
def test_a_figure_the_client_must_meet_is_a_client_obligation(paragraph, obliged):
    from msp_select.extract import extract_vendor
    from tests.extract_helpers import document

    found = extract_vendor("v", [document(paragraph)])
    crits = {e.criterion for e in found.criteria_evidence}
    assert ("client-obligations" in crits) is obliged
    assert not obliged or any(c.party == "client" for c in found.commitments)


@pytest.mark.parametrize(
    "text, criterion, flag, present",
    [
        # the client by name keeps the keys: control retention, never vendor-holds-keys
        (
            "Harbourside keeps the master administrator accounts for every firewall.",
            "control-retention",
            "vendor-holds-keys",
            True,
        ),
        (
            "All global admin accounts in the tenant remain with Harbourside Dental.",
            "control-retention",
            "vendor-holds-keys",
            True,
        ),
        (
            "Every admin password sits in Harbourside's own vault; our access can be withdrawn.",
            "control-retention",
            "vendor-holds-keys",
            True,
        ),
        (
            "HDG staff retain the domain administrator credentials.",
            "control-retention",
            "vendor-holds-keys",
            True,
        ),
        # the vendor by name keeps them: the flag, not control retention
        (
            "The global administrator role is held by Tasman engineers only.",
            "control-retention",
            "vendor-holds-keys",
            False,
        ),
        (
            "Tasman Networks retains the domain administrator credentials for the whole term.",
            "control-retention",
            "vendor-holds-keys",
            False,
        ),
    ],
)
def test_who_keeps_the_keys_by_name(named_evidence, text, criterion, flag, present):
    crits, flags = named_evidence(text)
    assert (criterion in crits) is present
    assert (flag in flags) is not present


@pytest.mark.parametrize(
    "text, obliged",
    [
        ("Harbourside must name two people who may log urgent faults.", True),
        ("Harbourside will acknowledge our requests for a change approval within a day.", True),
        ("Harbourside Dental shall ensure a manager can be reached by phone at all times.", True),
        ("HDG is responsible for the licences of its practice software.", True),
        ("Harbourside will see faster fixes from the first week.", False),
        ("Tasman must name a backup engineer for every Harbourside site.", False),
        ("Harbourside has nine surgeries and 140 staff.", False),
    ],
)
def test_the_client_by_name_is_the_obliged_party(named_evidence, text, obliged):
    crits, _ = named_evidence(text)
    assert ("client-obligations" in crits) is obliged


@pytest.mark.parametrize(
    "text, flagged",
    [
        (
            "Restore times stop counting while we are waiting for Harbourside to approve a fix.",
            True,
        ),
        ("Fix times pause while a ticket is pending a reply from HDG.", True),
        ("Restore times keep counting while we wait for our own hardware supplier.", False),
    ],
)
def test_waiting_on_the_client_by_name_is_clock_stop(named_evidence, text, flagged):
    _, flags = named_evidence(text)
    assert ("clock-stop" in flags) is flagged


def test_the_client_is_found_from_the_documents_it_is_addressed_in(document):
    from msp_select.extract import extract_vendor

    doc = document(
        "Harbourside keeps the master administrator accounts for every firewall.",
        heading="Managed IT services for Harbourside Dental Group",
    )
    out = extract_vendor("tasman-networks", [doc])
    assert [e.criterion for e in out.criteria_evidence] == ["control-retention"]
    assert out.risk_flags == ()


@pytest.mark.parametrize(
    "row, criterion",
    [
        ("Executive review | Every six months with your chief executive", "executive-oversight"),
        ("Service review | Every six weeks with your operations manager", "governance-cadence"),
        (
            "Reporting | Monthly ticket and backup report, online at any time",
            "reporting-transparency",
        ),
    ],
)
def test_a_table_row_is_read_with_its_label(named_evidence, row, criterion):
    crits, _ = named_evidence(row, kind="table")
    assert criterion in crits


def test_a_heading_is_not_evidence(document):
    from msp_select.extract import extract_vendor

    doc = document("Our engineers answer the phone.", heading="Account management and reporting")
    assert extract_vendor("v", [doc]).criteria_evidence == ()


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        # a credit that grows with the shortfall is an incentive; a flat capped credit is not
        (
            "We credit 5% of the monthly fee for each 0.1% below 99.9%, up to 25%.",
            "performance-incentives",
            True,
        ),
        (
            "For every half percent by which uptime falls short we refund 10% of the month's charge.",
            "performance-incentives",
            True,
        ),
        (
            "The Supplier shall credit the percentage of the Monthly Charges shown in the table below.",
            "performance-incentives",
            True,
        ),
        (
            "If we miss the same target twice, the credit for the second month doubles.",
            "performance-incentives",
            True,
        ),
        ("Service credits of up to 10% of the monthly fee apply.", "performance-incentives", False),
        ("We report on each ticket that falls below its target.", "performance-incentives", False),
        (
            "A volume discount of 5% applies for each additional site.",
            "performance-incentives",
            False,
        ),
        # escalation to a senior role
        (
            "A Severity 1 fault not fixed in two hours goes straight to our head of operations.",
            "senior-escalation",
            True,
        ),
        (
            "The duty manager takes charge and calls in our senior network architects.",
            "senior-escalation",
            True,
        ),
        (
            "Your lead engineer has 14 years of experience with warehouse systems.",
            "senior-escalation",
            False,
        ),
        ("Our head of operations founded the company in 2009.", "senior-escalation", False),
        # a named person runs the account
        (
            "Your account will be run by Aoife Byrne, based in our Cork office.",
            "dedicated-account-manager",
            True,
        ),
        (
            "She will be your one point of contact for service, billing and planning.",
            "dedicated-account-manager",
            True,
        ),
        ("Your account will be managed by our team.", "dedicated-account-manager", False),
        # a report that shows what happened
        (
            "Each month we send a service pack showing every ticket against its target.",
            "reporting-transparency",
            True,
        ),
        ("The quarterly summary lists each breach and its cause.", "reporting-transparency", True),
        (
            "New users receive a welcome pack with their login details.",
            "reporting-transparency",
            False,
        ),
        # a review with the client at a cadence
        (
            "Each month Aoife walks through the figures with your operations manager.",
            "governance-cadence",
            True,
        ),
        (
            "Every quarter our service lead sits down with your finance director.",
            "governance-cadence",
            True,
        ),
        ("We walk through the handover with your team at go-live.", "governance-cadence", False),
        # executive oversight by the people who attend, not the word "executive"
        (
            "Twice a year our President comes for a review with your General Director.",
            "executive-oversight",
            True,
        ),
        (
            "Service and security review with the General Manager and the IT manager each quarter.",
            "executive-oversight",
            True,
        ),
        (
            "A quarterly report goes to the Audit Committee on the IT general controls.",
            "executive-oversight",
            True,
        ),
        ("Our service manager meets your IT lead every month.", "executive-oversight", False),
        # a named single contact, and changes held for approval in long sentences
        (
            "Bayu Prasetyo becomes your Service Delivery Lead: your single contact for everything.",
            "dedicated-account-manager",
            True,
        ),
        ("Your single sign-on portal lists every ticket.", "dedicated-account-manager", False),
        (
            "Changes to the MES, the JIS sequencing servers or the plant network are approved in advance.",
            "change-management",
            True,
        ),
    ],
)
def test_team_fit_in_other_words(evidence_of, text, criterion, present):
    crits, _ = evidence_of(text)
    assert (criterion in crits) is present


def test_a_duty_of_the_client_is_not_the_vendors_practice(named_evidence):
    crits, _ = named_evidence("Harbourside will approve each change request within a day.")
    assert set(crits) == {"client-obligations"}


@pytest.mark.parametrize(
    "text, kind, flag, flagged",
    [
        # an out-of-hours rate or a surcharge on the hourly rate
        ("Engineer time (evenings and weekends) | per hour | 142.50", "table", "extra-cost", True),
        (
            "Additional work at any other time | EUR 105.00 per hour plus 50%",
            "table",
            "extra-cost",
            True,
        ),
        ("Engineer time (working hours) | per hour | 95.00", "table", "extra-cost", False),
        ("Hardware bought through us is invoiced at cost plus 8%.", "text", "extra-cost", False),
        # targets instead of guarantees, closing aims
        (
            "Resolution depends on the fault, so we give targets rather than guarantees.",
            "text",
            "soft-sla",
            True,
        ),
        (
            "We aim to close Severity C problems within three working days.",
            "text",
            "soft-sla",
            True,
        ),
        ("Our fix times are guarantees, not targets.", "text", "soft-sla", False),
        # waiting on the client stops the clock, even in the words of an exclusion
        (
            "Any period in which we are waiting for the customer to approve a change is excluded "
            "from the fix time.",
            "text",
            "clock-stop",
            True,
        ),
        ("Engineers can suspend a user's access at any time.", "text", "clock-stop", False),
        (
            "Time spent waiting for a hardware supplier to deliver a part still counts.",
            "text",
            "clock-stop",
            False,
        ),
    ],
)
def test_flags_in_other_words(named_evidence, text, kind, flag, flagged):
    _, flags = named_evidence(text, kind=kind)
    assert (flag in flags) is flagged


def test_the_parties_of_an_agreement_are_named_in_its_parties_clause():
    from msp_select.extract.strength import Parties

    doc = models.Document(
        "agreement.pdf",
        "0" * 64,
        1,
        (
            models.Block(
                "This Agreement is made between Tasman Networks Ltd, 4 Quay Street, Nelson "
                '(the "Supplier") and Harbourside Dental Group (the "Practice").',
                1,
                (50, 60, 500, 90),
            ),
        ),
        (),
    )
    parties = Parties.of("tasman-networks", [doc])
    assert {"Practice", "Harbourside", "Harbourside Dental Group"} <= set(parties.client)
    assert "Supplier" in parties.provider and "Practice" not in parties.provider


def test_a_running_head_addressed_to_the_client_names_it():
    from msp_select.extract.strength import Parties

    doc = models.Document(
        "proposal.pdf",
        "0" * 64,
        1,
        (models.Block("Our service", 1, (50, 60, 500, 90)),),
        (),
        title="Managed Services Proposal",
        running=("Tasman Networks | Proposal to Harbourside Dental Group",),
    )
    assert "Harbourside" in Parties.of("tasman-networks", [doc]).client


def _titled_doc(title: str, *texts: str) -> models.Document:
    blocks = tuple(
        models.Block(t, 1, (50, 60 + 40 * i, 500, 90 + 40 * i)) for i, t in enumerate(texts)
    )
    return models.Document("proposal.pdf", "0" * 64, 1, blocks, (), title=title)


_BODY = (
    "Tasman Networks Ltd will answer Priority 1 calls within 15 minutes.",
    "Tasman Networks Ltd keeps the documentation current.",
    "Harbourside Dental Group must name a deputy for each practice.",
    "Harbourside Dental Group approves changes within 2 working days.",
)


@pytest.mark.parametrize(
    "title, client",
    [
        ("Tasman Networks Ltd - Managed Service Proposal, Harbourside Dental Group", True),
        ("Harbourside Dental Group x Tasman Networks", True),
        ("Proposal for the operation of Harbourside Dental Group's IT", True),
        ("Tasman Networks Ltd - Call-Off Order Form", False),  # a document's name
        ("Tasman Networks Ltd - Schedule 2 Service Levels", False),
    ],
)
def test_a_title_naming_the_vendor_and_another_party_names_the_client(title, client):
    """The other party a title names beside the vendor is the client, so that 'Harbourside
    must ...' in the text reads as the client's duty; parts of the title that are a
    document's name are no party."""
    from msp_select.extract.strength import Parties

    parties = Parties.of("tasman-networks", [_titled_doc(title, *_BODY)])
    assert ("Harbourside Dental Group" in parties.client) is client
    assert "Tasman Networks" not in parties.client
    assert not {"Call-Off Order Form", "Call-Off", "Schedule"} & set(parties.client)


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        ("Harbourside may terminate on 60 days' written notice.", "flexibility", True),
        ("Tasman may terminate if invoices are unpaid for 90 days.", "flexibility", False),
        (
            "All administrative credentials are the property of Harbourside and are held in "
            "Harbourside's own vault.",
            "control-retention",
            True,
        ),
        (
            "Each Code Red breach earns a credit of 5% of the monthly fee.",
            "performance-incentives",
            True,
        ),
        (
            "A Code Red ticket not restored within 2 hours is handed to our director of operations.",
            "senior-escalation",
            True,
        ),
        ("Priority 1 tickets go straight to our operations manager.", "senior-escalation", True),
        ("Invoices go to your accounts manager each month.", "senior-escalation", False),
        (
            "When the agreement ends we export all data and brief the incoming provider.",
            "exit-assistance",
            True,
        ),
        (
            "Every change to Harbourside's systems is logged, risk-rated and approved.",
            "change-management",
            True,
        ),
        ("Staff briefings per office before go-live.", "adoption-communication", True),
        ("Patch compliance is reported each month.", "security-compliance", False),
        ("We are compliant with ISO 27001.", "security-compliance", True),
        # working alongside the vendor is the client's side of a co-managed service
        (
            "Harbourside's IT team shall keep access to the ticketing tool and work tickets"
            " jointly with Tasman engineers.",
            "co-managed-collaboration",
            True,
        ),
        (
            "Harbourside must pay each invoice jointly with its sister company.",
            "co-managed-collaboration",
            False,
        ),
        (
            "You get a quarterly service review with our service manager.",
            "dedicated-account-manager",
            False,
        ),
    ],
)
def test_team_fit_with_the_parties_named(named_evidence, text, criterion, present):
    crits, _ = named_evidence(text)
    assert (criterion in crits) is present


@pytest.mark.parametrize(
    "text, flag, flagged",
    [
        (
            "All administrative credentials are the property of Harbourside.",
            "vendor-holds-keys",
            False,
        ),
        (
            "A Service Credit is not available for a month in which the client has not paid.",
            "no-penalty",
            False,
        ),
        ("Service credits are not available under this agreement.", "no-penalty", True),
        (
            "We will respond no later than one hour after the ticket is logged.",
            "first-line-only",
            False,
        ),
        ("Out of hours, calls are logged and answered the next morning.", "first-line-only", True),
        (
            "Outside business hours the on-call line is answered by a Tasman engineer.",
            "first-line-only",
            False,
        ),
    ],
)
def test_flags_with_the_parties_named(named_evidence, text, flag, flagged):
    _, flags = named_evidence(text)
    assert (flag in flags) is flagged


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        (
            "We send a one-page guide to every staff member before go-live.",
            "adoption-communication",
            True,
        ),
        (
            "A welcome e-mail for all users explains how to reach the help desk.",
            "adoption-communication",
            True,
        ),
        (
            "Our pricing guide for resellers is available on request.",
            "adoption-communication",
            False,
        ),
        (
            "Harbourside's IT coordinator joins our weekly stand-up and can close tickets in our "
            "portal.",
            "co-managed-collaboration",
            True,
        ),
        (
            "Your two IT staff can assign tickets to us or to themselves.",
            "co-managed-collaboration",
            True,
        ),
        ("Users can raise tickets in our portal at any hour.", "co-managed-collaboration", False),
    ],
)
def test_adoption_and_co_management_in_other_words(named_evidence, text, criterion, present):
    crits, _ = named_evidence(text)
    assert (criterion in crits) is present


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Our helpdesk typically resolves 70 percent of calls at first contact.", False),
        ("We typically restore a failed server within 8 hours.", True),
    ],
)
def test_a_first_contact_rate_is_no_soft_service_level(evidence_of, text, flagged):
    _, flags = evidence_of(text)
    assert ("soft-sla" in flags) is flagged


@pytest.mark.parametrize(
    "text, criteria, flags",
    [
        # the client's own story is neither evidence nor a flag
        ("Harbourside's previous provider kept all the admin passwords.", set(), set()),
        ("Harbourside's current provider charges extra for weekend call-outs.", set(), set()),
        ("Harbourside told us its last supplier held the domain admin credentials.", set(), set()),
        # ... but a transition away from that provider is still the vendor's plan
        (
            "We complete the transition from Harbourside's current provider in ten weeks, "
            "following a transition plan.",
            {"implementation-plan"},
            set(),
        ),
        # a duty of the client not to share passwords is no vendor holding them
        (
            "Harbourside must not share admin passwords with our engineers.",
            {"client-obligations"},
            set(),
        ),
        ("Harbourside will have the new laptops by March.", set(), set()),
    ],
)
def test_the_clients_story_and_duties_by_name(named_evidence, text, criteria, flags):
    assert named_evidence(text) == ({c: "binding" for c in criteria}, flags)


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        (
            "You receive a credit of 5% of the fee for every 30 minutes of downtime beyond the "
            "guarantee.",
            "performance-incentives",
            True,
        ),
        (
            "Harbourside receives a credit against the month's fee according to the bands below.",
            "performance-incentives",
            True,
        ),
        (
            "If availability falls short of 99.9% we credit 10% of the fee, and 25% if it falls "
            "below 99%.",
            "performance-incentives",
            True,
        ),
        (
            "We credit 10% of the monthly fee if availability falls short.",
            "performance-incentives",
            False,
        ),
        ("Escalation: duty manager, then Head of Service", "senior-escalation", True),
        ("Escalation of billing queries goes to our accounts team.", "senior-escalation", False),
    ],
)
def test_credit_tiers_and_escalation_ladders(named_evidence, text, criterion, present):
    crits, _ = named_evidence(text)
    assert (criterion in crits) is present


@pytest.mark.parametrize(
    "text, flagged",
    [
        (
            "Outside those hours an engineer will attend on request, charged at SGD 160 per hour.",
            True,
        ),
        ("Round-the-clock monitoring with an on-call engineer is available as an add-on.", True),
        ("Outside those hours our on-call engineer answers within 30 minutes.", False),
        ("A second site is available as an add-on.", False),
        # a price per hour, visit or call-out out of hours, wherever it stands; no clock
        # "times", exit fee or out-of-scope work is the risk
        # a price per hour, per visit or per call-out for work out of hours: wherever it stands
        (
            "Work outside business hours is performed on request at JPY 15,000 per engineer hour.",
            True,
        ),
        ("Outside office hours we come on request, at € 145,- per hour.", True),
        ("Outside these hours an engineer can attend at AED 450 per call-out.", True),
        ("Evenings and weekends: by separate order at EUR 95 per hour.", True),
        (
            "Hours beyond that, at the client's request, are billed at one and a half times the day rate.",
            True,
        ),
        ("On-site support x1.5 outside business hrs.", True),
        (
            "Outside business hours an engineer comes on location against the after-hours tariff.",
            True,
        ),
        # a figure that is no price, a charge that is no out-of-hours work, times that are clocks
        ("Outside these hours an engineer attends within 4 hours at no extra charge.", False),
        (
            "If the customer ends the contract in year one, an early-termination charge of two months' fees applies.",
            False,
        ),
        (
            "Response and resolution times for P0 and P1 run at all times; for P2 and P3 in business hours.",
            False,
        ),
        ("Emergency and High times run around the clock.", False),
        ("The new clinic is four times the size of the old one.", False),
        ("Additional work outside scope is charged at GBP 110 per hour.", False),
        (
            "Service credits of up to 20% of the monthly charge apply when a P1 time is missed.",
            False,
        ),
    ],
)
def test_out_of_hours_work_at_a_price(named_evidence, text, flagged):
    _, flags = named_evidence(text)
    assert ("extra-cost" in flags) is flagged


@pytest.mark.parametrize(
    "text, heading, obliged",
    [
        (
            "Approve or reject each change request before the next change window.",
            "What we need from you",
            True,
        ),
        ("A named contact with authority to approve changes.", "What the customer provides", True),
        ("A named engineer for every site.", "What we provide", False),
    ],
)
def test_a_heading_that_asks_the_client_makes_its_items_client_duties(
    evidence_of, text, heading, obliged
):
    crits, _ = evidence_of(text, heading)
    assert ("client-obligations" in crits) is obliged
    assert "change-management" not in crits or not obliged


def test_we_rely_on_the_client_to_is_a_client_duty(named_evidence):
    crits, _ = named_evidence("To meet these service levels we rely on Harbourside to:")
    assert "client-obligations" in crits


@pytest.mark.parametrize(
    "text, heading, flagged",
    [
        ("Targets, not guarantees.", "Restore targets", True),
        ("Targets, not guarantees.", "Our sales targets", False),
        ("At 99.9%, a month may include up to 43 minutes of downtime.", "1.2 Availability", False),
    ],
)
def test_a_hedge_takes_its_service_level_from_the_heading(evidence_of, text, heading, flagged):
    _, flags = evidence_of(text, heading)
    assert ("soft-sla" in flags) is flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        # a negation reaches no further than "but" or a semicolon
        (
            "Service levels are reported monthly but carry no service credits.",
            {"reporting-transparency": "binding"},
        ),
        (
            "We provide a dedicated account manager but no on-site support.",
            {"dedicated-account-manager": "binding"},
        ),
        (
            "Exit assistance is not included; a monthly service review is.",
            {"exit-assistance": "excluded", "governance-cadence": "binding"},
        ),
        (
            "We do not provide a dedicated account manager.",
            {"dedicated-account-manager": "excluded"},
        ),
    ],
)
def test_negation_stops_at_a_contrast(evidence_of, text, expected):
    crits, _ = evidence_of(text)
    assert crits == expected


def test_a_negated_part_raises_no_flag_but_the_other_part_does(evidence_of):
    _, flags = evidence_of(
        "We never stop the clock; weekend visits are charged at double the hourly rate."
    )
    assert flags == {"extra-cost"}


# --- the client by its short name: "Murray Basin Health Network" goes on as "the Network"

SHORT = ("Murray Basin Health Network", "Tasman Networks")


@pytest.fixture
def short_named(nlp, finder):
    """Like named_evidence, with the client also called by the last word of its name."""
    from msp_select.extract.strength import Parties, _forms

    parties = Parties(_forms([SHORT[0]]), _forms([SHORT[1]]), ("Network",))

    def find(text: str, kind: str = "text"):
        doc = nlp(text)
        parties.mark(doc)
        evidence, flags = finder.find(doc, models.Source("proposal.pdf", 1, kind))
        ents = {e.text: e.label_ for e in doc.ents}
        return {e.criterion for e in evidence}, {f.flag for f in flags}, ents

    return find


@pytest.mark.parametrize(
    "text, criteria, flags",
    [
        (
            "The Network retains the global administrator role; our engineers use delegated "
            "accounts.",
            {"control-retention"},
            set(),
        ),
        (
            "During a P1 the Network must make a named contact available within 1 hour.",
            {"client-obligations"},
            set(),
        ),
        ("All admin passwords stay with the Network.", {"control-retention"}, set()),
        (
            "The Network Operations Centre must approve each change within a day.",
            set(),
            set(),
        ),
        ("Tasman keeps the domain administrator credentials.", set(), {"vendor-holds-keys"}),
    ],
)
def test_the_client_by_the_last_word_of_its_name(short_named, text, criteria, flags):
    crits, fls, _ = short_named(text)
    assert crits & {"control-retention", "client-obligations"} == criteria
    assert fls == flags


@pytest.mark.parametrize(
    "text, name, client",
    [
        ("Activity | Tasman | Network", "Network", True),  # a column of its own
        ("the Network's eleven sites", "Network", True),
        ("Network links are monitored around the clock.", "Network", False),
        ("the Network Operations Centre", "Network", False),
        ("a network of clinics", "network", False),
    ],
)
def test_a_short_name_is_the_client_only_where_it_stands_alone(short_named, text, name, client):
    *_, ents = short_named(text)
    assert (ents.get(name) == "client") is client


def _doc(*texts: str, title: str = "") -> models.Document:
    blocks = tuple(models.Block(t, 1, (50, 60 + 40 * i, 500, 90)) for i, t in enumerate(texts))
    return models.Document("proposal.pdf", "0" * 64, 1, blocks, (), title=title)


def test_the_client_is_the_name_the_documents_go_on_to_call_the_network():
    from msp_select.extract.strength import Parties

    doc = _doc(
        "Prepared in answer to tender RFT-11 of Murray Basin Health Network.",
        "Central Highlands Data Pty Ltd operates the datacentre; the Data Hall is in Ballarat.",
        "The Network may end the agreement on 90 days' notice.",
        "the Network keeps its global administrator accounts.",
    )
    found = [
        models.NameCandidate("Tasman Networks", 12.0),
        models.NameCandidate("Murray Basin Health Network", 4.0),
        models.NameCandidate("Basin Health Network", 3.8),  # a fragment of the name
        models.NameCandidate("Central Highlands Data Pty Ltd", 4.0),
    ]
    parties = Parties.of("tasman-networks", [doc], found)
    assert "Murray Basin" in parties.client and parties.heads == ("Network",)
    assert not {"Basin", "Central", "Central Highlands Data"} & set(parties.client)
    assert parties.side("Approved by the Network") == "client"
    # a name the documents never call "the <last word>" is nobody's short name
    once = Parties.of("tasman-networks", [_doc("The Network may end it.")], found)
    assert once.client == () and once.heads == ()


def test_a_parties_clause_without_quotes_names_the_parties():
    from msp_select.extract.strength import Parties

    doc = _doc(
        "This Schedule forms part of the Managed Services Agreement between Loddon Systems Pty "
        "Ltd (the Supplier) and Murray Basin Health Network (the Customer)."
    )
    parties = Parties.of("loddon-systems", [doc])
    assert "Customer" in parties.client and "Murray Basin" in parties.client
    assert "Supplier" in parties.provider


@pytest.mark.parametrize(
    "opening",
    [
        'Between Grupo Hotelero Sac-Bé S.A. de C.V. ("Sac-Bé") and Ceiba Tecnología S.C. (the '
        '"Provider").',
        'This agreement is made between Ceiba Tecnología S.C. (the "Provider") and Grupo Hotelero'
        ' Sac-Bé S.A. de C.V. ("Sac-Bé").',
    ],
)
def test_a_hyphenated_client_named_in_the_parties_clause_takes_on_its_duties(nlp, opening):
    from msp_select.extract import extract_vendor
    from msp_select.extract.strength import Parties

    doc = _doc(
        opening,
        "6.1 Sac-Bé shall approve or reject each Normal Change within two (2) Business Days.",
        "6.2 The Provider shall answer each Priority 1 call within 15 minutes.",
        title="Ceiba Tecnología S.C. - Managed Services Agreement",
    )
    assert "Sac-Bé" in Parties.of("ceiba-tecnologia", [doc]).client
    found = extract_vendor("ceiba-tecnologia", [doc])
    assert [(c.category, c.value, c.party) for c in found.commitments] == [
        ("response_time", 960.0, "client"),
        ("response_time", 15.0, "provider"),
    ]


@pytest.mark.parametrize(
    "name, sentences, head",
    [
        (
            "Cooperativa Agroindustrial Campos",
            ["The cooperative must give our technicians access.", "the cooperative's silos"],
            "cooperative",
        ),
        (
            "Institut Lambert-Closse",
            ["The Institute shall name a contact.", "the Institute's laboratories"],
            "Institute",
        ),
        # said once, or a word that only starts like the name's, is no name of it
        ("Institut Lambert-Closse", ["The Institute shall name a contact."], None),
        (
            "Cooperativa Agroindustrial Campos",
            ["The cooperation of both teams.", "the cooperation continues"],
            None,
        ),
    ],
)
def test_the_client_by_the_kind_of_body_its_name_says_it_is(name, sentences, head):
    from msp_select.extract.strength import Parties

    doc = _doc(f"Prepared for {name}.", *sentences)
    found = [models.NameCandidate("Tasman Networks", 12.0), models.NameCandidate(name, 4.0, True)]
    heads = Parties.of("tasman-networks", [doc], found).heads
    assert (head in heads) if head else not heads


@pytest.mark.parametrize(
    "sentence, client",
    [
        (
            'This Schedule sets out the service levels that Loddon Systems s.e.n.c. ("Loddon") '
            'provides to Institut Lambert-Closse ("ILC") under the Agreement.',
            "ILC",
        ),
        ('Loddon Systems ("Loddon") will support Murray Basin Health ("MBH") from May.', "MBH"),
    ],
)
def test_a_sentence_defining_the_vendor_then_another_party_names_the_client(sentence, client):
    from msp_select.extract.strength import Parties

    parties = Parties.of("loddon-systems", [_doc(sentence)])
    assert client in parties.client and "Loddon" in parties.provider
    assert parties.side(f"{client} holds the master administrator accounts.") == "client"


def test_a_third_defined_name_is_no_party():
    from msp_select.extract.strength import Parties

    doc = _doc(
        'Loddon Systems ("Loddon") resells Microsoft Corporation ("Microsoft") licences and'
        ' Fortinet Inc. ("Fortinet") firewalls.'
    )
    assert "Microsoft" not in Parties.of("loddon-systems", [doc]).client


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        # a credit schedule led into, or a credit regime worked out and paid
        (
            "If we miss P1 or P2 response times in a month, you receive a credit against that "
            "month's fee:",
            "performance-incentives",
            True,
        ),
        (
            "If availability falls short in a month, the Customer is credited as follows:",
            "performance-incentives",
            True,
        ),
        (
            "Service credits are worked out on one twelfth of the annual fee.",
            "performance-incentives",
            True,
        ),
        (
            "Credits are calculated on the monthly charge and deducted from the next invoice.",
            "performance-incentives",
            True,
        ),
        ("Our fees for each site are as follows:", "performance-incentives", False),
        ("Service credits: up to 10% of the monthly fee.", "performance-incentives", False),
        ("Overpayments are credited to the next invoice.", "performance-incentives", False),
        # escalation up to the general manager, the managing director or the founder
        (
            "Unresolved P1 incidents are escalated after one hour to our Service Manager and "
            "after three hours to our General Manager.",
            "senior-escalation",
            True,
        ),
        (
            "If the fault persists past four hours, escalation goes on to our managing director.",
            "senior-escalation",
            True,
        ),
        (
            "Anything still open after a day is escalated to our founder, Ms Ng.",
            "senior-escalation",
            True,
        ),
        ("We escalate overdue invoices to your general manager.", "senior-escalation", False),
        ("Our general manager founded the company in 2009.", "senior-escalation", False),
        # the vendor's manager for this client, by its title
        (
            "Escalation path: service desk lead, then your service delivery manager, Mr Sam "
            "Whitfield.",
            "dedicated-account-manager",
            True,
        ),
        (
            "Your account director visits every site twice a year.",
            "dedicated-account-manager",
            True,
        ),
        ("We meet your ICT manager every quarter.", "dedicated-account-manager", False),
        ("Invoices go to your accounts manager each month.", "dedicated-account-manager", False),
        # the client's team keeps its rights
        (
            "We work alongside your three-person ICT team, who keep their administrator rights.",
            "control-retention",
            True,
        ),
        ("Your IT staff retain the domain admin credentials.", "control-retention", True),
        ("Your team, who keep the wards running, log tickets with us.", "control-retention", False),
        # the matrix that divides the work
        ("R responsible, A accountable, C consulted, I informed.", "roles-responsibilities", True),
        (
            "The table below splits the work between your team and ours.",
            "roles-responsibilities",
            True,
        ),
        (
            "Each engineer is responsible for their tickets and accountable to the lead.",
            "roles-responsibilities",
            False,
        ),
        # a monthly report is reporting, not a meeting; arithmetic is no plan
        ("The Supplier shall provide a monthly service report.", "governance-cadence", False),
        ("The Supplier shall provide a monthly service report.", "reporting-transparency", True),
        (
            "By way of example, in a 30-day month 99.9% allows 43.2 minutes of downtime.",
            "implementation-plan",
            False,
        ),
        ("Discovery runs in weeks 1 and 2, migration in week 3.", "implementation-plan", True),
        ("We achieved ISO 27001 certification in 2019.", "security-compliance", True),
    ],
)
def test_team_fit_in_new_layouts(evidence_of, text, criterion, present):
    crits, _ = evidence_of(text)
    assert (criterion in crits and crits[criterion] != "excluded") is present


@pytest.mark.parametrize(
    "text, flag, flagged",
    [
        # other companies' figures and past results are no soft service level of this vendor
        ("Metropolitan providers commonly quote 99.5% and a two-hour response.", "soft-sla", False),
        ("By comparison, a typical city MSP offers a 60-minute P1 response.", "soft-sla", False),
        ("In 2025 the Supplier met 98.7% of its P1 response targets.", "soft-sla", False),
        ("We have averaged 12 minutes against our 30-minute response target.", "soft-sla", False),
        ("We aim to respond to P1 calls within 30 minutes.", "soft-sla", True),
        ("Response targets will be met in 95% of cases.", "soft-sla", True),
        # out-of-hours work at an hourly price is billed on top
        (
            "After-hours attendance is available on request at A$210.00 per hour.",
            "extra-cost",
            True,
        ),
        (
            "Out-of-hours visits are available at $175 per hour with a two-hour minimum.",
            "extra-cost",
            True,
        ),
        ("After-hours calls are answered within one hour.", "extra-cost", False),
        ("Out-of-hours on-site attendance is included in the fixed fee.", "extra-cost", False),
    ],
)
def test_flags_in_new_layouts(evidence_of, text, flag, flagged):
    _, flags = evidence_of(text)
    assert (flag in flags) is flagged


@pytest.mark.parametrize(
    "text, criteria, flags",
    [
        (
            "Administrator credentials for the Network's servers are held by Tasman Networks.",
            set(),
            {"vendor-holds-keys"},
        ),
        (
            "The Network's ICT team keeps the administrator credentials.",
            {"control-retention"},
            set(),
        ),
    ],
)
def test_the_clients_possessive_is_not_the_client_holding(short_named, text, criteria, flags):
    crits, fls, _ = short_named(text)
    assert crits & {"control-retention"} == criteria
    assert fls == flags


@pytest.mark.parametrize(
    "header, row, criteria",
    [
        # the client responsible for an activity held to a figure, or for holding the keys
        ("Activity | Tasman | Network", "Named contact replies within 4 business hours | I | R/A",
         {"client-obligations"}),
        ("Activity | Tasman | Network", "Approve emergency P1 changes within 30 minutes | C | R/A",
         {"client-obligations"}),
        ("Activity | Tasman | Network", "Holding global administrator accounts | C | R/A",
         {"control-retention"}),
        ("Task | Client | Provider", "Client replies to queries within 1 business day | R | I",
         {"client-obligations"}),
        # dividing the work is no promise; the provider's rows are not the client's duties
        ("Activity | Tasman | Network", "Approving changes to clinical systems | C | R/A", set()),
        ("Activity | Tasman | Network", "Grant site access during incidents | I | R", set()),
        ("Activity | Tasman | Network", "Patch servers within 14 days | R/A | I", set()),
        ("Activity | Tasman | Network", "Holding global administrator accounts | R/A | I", set()),
        # columns that are not the parties
        ("Activity | Owner | Notes", "Named contact replies within 4 business hours | I | R", set()),
    ],
)  # fmt: skip
def test_a_raci_matrix_shows_the_clients_duties(nlp, finder, header, row, criteria):
    from msp_select.extract.strength import Parties, _forms

    parties = Parties(_forms([SHORT[0]]), _forms([SHORT[1]]), ("Network",))
    source = models.Source("raci.pdf", 4, "table", (50.0, 100.0, 500.0, 300.0))
    found = []
    for text in (header, row):
        doc = nlp(text)
        parties.mark(doc)
        found, flags = finder.find(doc, source, header=text == header)
        assert flags == []
    assert {e.criterion for e in found} == criteria
    # a RACI row seen without its header is read as nothing
    alone = finder.find(nlp(row), models.Source("raci.pdf", 5, "table"))
    assert alone == ([], [])


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        # the vendor's client manager is no client duty; the client itself is
        (
            "A named client manager is responsible for the account and meets your IT lead.",
            "client-obligations",
            False,
        ),
        ("Our customer success team is responsible for onboarding.", "client-obligations", False),
        ("The client is responsible for its software licences.", "client-obligations", True),
        # an availability figure that leaves out maintenance windows manages no change
        (
            "Availability is 99.9% in each month, excluding agreed maintenance windows.",
            "change-management",
            False,
        ),
        ("Changes are made only in the agreed change window.", "change-management", True),
        # a measurement period is not a report
        ("Availability: three nines, measured monthly.", "reporting-transparency", False),
        ("Service levels are reported to you monthly.", "reporting-transparency", True),
        # seniors who are billed on top are the extra-cost risk, not a strength
        (
            "Escalation to an on-call senior engineer after hours is billed at the after-hours "
            "rate.",
            "senior-escalation",
            False,
        ),
        (
            "Unresolved P1 incidents are escalated to a senior engineer after 30 minutes.",
            "senior-escalation",
            True,
        ),
    ],
)
def test_team_fit_words_that_belong_to_something_else(evidence_of, text, criterion, present):
    crits, _ = evidence_of(text)
    assert (criterion in crits) is present


@pytest.mark.parametrize(
    "text, keeps, flagged",
    [
        # the vendor alone knows them, or they stay with it
        ("Only our engineers have domain administrator rights.", False, True),
        ("Only Tasman staff hold the root passwords.", False, True),
        ("Admin credentials remain with Tasman for the term of the contract.", False, True),
        ("All passwords stay with us until the final invoice is paid.", False, True),
        ("The firewall configuration is owned by Tasman and licensed to you.", False, True),
        # the client keeps them, in the same words
        ("Only your staff have domain administrator rights.", True, False),
        ("Admin credentials remain with Harbourside for the term of the contract.", True, False),
        ("Global admin rights stay with Harbourside at all times.", True, False),
        ("Access rights remain with your IT manager.", True, False),
        ("The firewall configuration is owned by Harbourside.", True, False),
        (
            "All credentials, configurations and documentation are Harbourside property.",
            True,
            False,
        ),
        ("All admin passwords remain your property.", True, False),
        ("All credentials are Tasman property.", False, True),
        # a vendor that denies holding them leaves them with the client
        ("We never keep your administrator passwords.", True, False),
        ("We don't hold your admin passwords - they stay in your vault.", True, False),
        ("Tasman does not retain any copy of the domain admin credentials.", True, False),
        ("We hold your admin passwords in our own vault.", False, True),
    ],
)
def test_who_keeps_the_keys_in_other_words(named_evidence, text, keeps, flagged):
    crits, flags = named_evidence(text)
    assert (crits.get("control-retention") == "binding") is keeps
    assert ("vendor-holds-keys" in flags) is flagged


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        # the client's duties asked of it by name, or laid on its staff
        ("We ask Harbourside to give us remote access to every site.", "client-obligations", True),
        ("We rely on Harbourside to name a deputy for each clinic.", "client-obligations", True),
        (
            "Your practice managers must report faults through the portal.",
            "client-obligations",
            True,
        ),
        ("Your users will see faster fixes from the first week.", "client-obligations", False),
        ("We ask Tasman engineers to log every visit.", "client-obligations", False),
        # a named person who looks after the account
        ("Mia Chen will look after your account day to day.", "dedicated-account-manager", True),
        ("Our team will look after your account.", "dedicated-account-manager", False),
        # a share of the fee at risk, however far apart the words
        (
            "A fixed fee of 5% is at risk each month against the service levels.",
            "performance-incentives",
            True,
        ),
        # handing over at the end of the agreement, in the passive too
        (
            "A runbook and full documentation are handed over at the end of the agreement.",
            "exit-assistance",
            True,
        ),
        ("All data is exported on termination in an open format.", "exit-assistance", True),
        ("Tickets are returned to the queue at the end of the day.", "exit-assistance", False),
        (
            "Credentials are released on termination once all invoices are settled.",
            "exit-assistance",
            False,
        ),
    ],
)
def test_duties_managers_and_exits_in_other_words(named_evidence, text, criterion, present):
    crits, _ = named_evidence(text)
    assert (criterion in crits) is present


@pytest.mark.parametrize(
    "text, flagged",
    [
        # a fee refunded or credited is a remedy, not a charge
        (
            "If we miss a P1 target twice in a quarter, 10% of that quarter's fee is refunded.",
            False,
        ),
        ("A P1 breach earns a credit of 5% of the monthly fee.", False),
        ("P1 call-outs after hours are charged at an extra fee.", True),
    ],
)
def test_a_refunded_fee_is_no_extra_cost(evidence_of, text, flagged):
    _, flags = evidence_of(text)
    assert ("extra-cost" in flags) is flagged


@pytest.mark.parametrize(
    "text, kind, criterion, present",
    [
        # a credit per miss or per incident grows with the misses
        (
            "We credit 5% of the monthly fee per priority missed.",
            "text",
            "performance-incentives",
            True,
        ),
        ("P1 response missed | 2% per incident | 12%", "table", "performance-incentives", True),
        ("We resolve 95% of tickets per month.", "text", "performance-incentives", False),
        ("A call-out costs $150 per incident.", "text", "performance-incentives", False),
        # the vendor leans on the client's people
        (
            "We'll rely on each practice manager to approve urgent changes.",
            "text",
            "client-obligations",
            True,
        ),
        (
            "We'll need your team to name a contact at each site.",
            "text",
            "client-obligations",
            True,
        ),
        (
            "Your side will keep a current list of staff and their access.",
            "text",
            "client-obligations",
            True,
        ),
        (
            "It's on you to keep the clinical software under support.",
            "text",
            "client-obligations",
            True,
        ),
        (
            "We rely on our monitoring platform to raise alerts.",
            "text",
            "client-obligations",
            False,
        ),
        ("The server sits on top of the rack.", "text", "client-obligations", False),
        # a report sent, by whatever name
        ("We send a one-page report each month.", "text", "reporting-transparency", True),
        (
            "Ticket counts are in the report we send every month.",
            "text",
            "reporting-transparency",
            True,
        ),
        ("She sends a service pack each month.", "text", "reporting-transparency", True),
        ("We send an invoice each month.", "text", "reporting-transparency", False),
        ("New users receive a welcome pack.", "text", "reporting-transparency", False),
        # escalation that ends with an executive
        (
            "Anything she cannot settle goes to our VP of service.",
            "text",
            "senior-escalation",
            True,
        ),
        (
            "Escalation runs from the desk to the service lead and, at level 3, to our Chief "
            "Executive.",
            "text",
            "senior-escalation",
            True,
        ),
        ("At level 3, to our knowledge, no ticket was lost.", "text", "senior-escalation", False),
        # an executive at the table
        (
            "Once a year our president joins the partners for a roadmap session.",
            "text",
            "executive-oversight",
            True,
        ),
        (
            "A quarterly business review is attended by our chief executive.",
            "text",
            "executive-oversight",
            True,
        ),
        ("The kick-off is attended by our project engineer.", "text", "executive-oversight", False),
        # help on the way out
        (
            "When the relationship ends we give 60 days of exit help.",
            "text",
            "exit-assistance",
            True,
        ),
        (
            "On exit we provide a reverse transition of up to 8 weeks.",
            "text",
            "exit-assistance",
            True,
        ),
        ("A reverse proxy protects the portal.", "text", "exit-assistance", False),
    ],
)
def test_team_fit_in_plainer_words(named_evidence, text, kind, criterion, present):
    crits, _ = named_evidence(text, kind=kind)
    assert (criterion in crits) is present


@pytest.mark.parametrize(
    "text, kind, flag, flagged",
    [
        (
            "Urgent work can be booked as an emergency call-out at $195 an hour.",
            "text",
            "extra-cost",
            True,
        ),
        ("Cover around the clock costs $1,150 a month on top.", "text", "extra-cost", True),
        ("Emergency response | 5% of monthly fee per miss", "table", "extra-cost", False),
        ("The call-out team answers within 30 minutes.", "text", "extra-cost", False),
        ("Service credits: not offered.", "text", "no-penalty", True),
        ("Service credits | Not included | Not included", "table", "no-penalty", True),
        ("Service credits | 5% per missed target", "table", "no-penalty", False),
    ],
)
def test_prices_on_top_and_credits_left_out(named_evidence, text, kind, flag, flagged):
    _, flags = named_evidence(text, kind=kind)
    assert (flag in flags) is flagged


# --- flags under negation or contrast: a NOT cue reaches only its own part of the sentence


@pytest.mark.parametrize(
    "text, flag, present",
    [
        (
            "Night calls go to second-line engineers, not first-line agents.",
            "first-line-only",
            False,
        ),
        (
            "Our L1 desk logs the call and hands it to level 2 within the hour.",
            "first-line-only",
            False,
        ),
        (
            "We are a remote-first support team with engineers in three cities.",
            "first-line-only",
            False,
        ),
        ("Weekend calls are answered by an on-call senior engineer.", "first-line-only", False),
        ("Overnight calls are logged by our answering service.", "first-line-only", True),
        # first line is the risk only out of hours; an L1 desk open 24x7 is one rung of a ladder
        ("Our L1 service desk runs 24x7 and triages every call.", "first-line-only", False),
        (
            "Out of hours only our L1 desk answers; level 2 engineers call back next morning.",
            "first-line-only",
            True,
        ),
        (
            "Weekend calls reach our first-line team, who log them for Monday.",
            "first-line-only",
            True,
        ),
        ("Escalation to a senior engineer carries no extra charge.", "extra-cost", False),
        ("The desk runs 24 x 7 x 365 for every site.", "extra-cost", False),
        (
            "We monitor 24 x 7, and emergency visits are billed at 1.5 x the hourly rate.",
            "extra-cost",
            True,
        ),
        ("For an additional €4 per device per month we also cover nights.", "extra-cost", True),
        (
            "We never invoice for escalations, but weekend call-outs are charged per hour.",
            "extra-cost",
            True,
        ),
        ("This agreement does not renew automatically.", "auto-renewal", False),
        (
            "After the first year the service continues on a rolling monthly basis.",
            "auto-renewal",
            False,
        ),
        ("The term renews automatically for further twelve-month periods.", "auto-renewal", True),
        (
            "Uptime is 99.9% a month, excluding scheduled maintenance agreed in advance.",
            "clock-stop",
            False,
        ),
        ("The SLA clock is paused while we wait for your approval.", "clock-stop", True),
    ],
)
def test_flags_under_negation_and_contrast(evidence_of, text, flag, present):
    assert (flag in evidence_of(text)[1]) is present


# --- who keeps the keys: the holder is read from the clause, not from a list of sentences

KEYS_CLIENT, KEYS_VENDOR = "Brackenridge Veterinary Group", "Tasman Networks"


@pytest.fixture
def keys_of(nlp, finder):
    """(criteria, flags) with Brackenridge Veterinary Group the client, Tasman the vendor."""
    from msp_select.extract.strength import Parties, _forms

    parties = Parties(_forms([KEYS_CLIENT]), _forms([KEYS_VENDOR]))

    def find(text: str):
        doc = nlp(text)
        parties.mark(doc)
        evidence, flags = finder.find(doc, models.Source("proposal.pdf", 1, "text"))
        return {e.criterion for e in evidence if e.strength != "excluded"}, {f.flag for f in flags}

    return find


@pytest.mark.parametrize(
    "text, holder",
    [
        # the client, by name, by a role noun, or by the place the keys are held in
        ("Brackenridge retains every global administrator account.", "client"),
        ("Oakvale keeps the domain admin accounts and the break-glass login.", "client"),  # a name
        ("The buyer holds all administrator credentials for the tenant.", "client"),
        ("The firm remains the owner of its tenant and its global admin role.", "client"),
        (
            "Your partners keep the administrator accounts; our engineers use named logins.",
            "client",
        ),
        ("Every password is stored in the firm's own password manager.", "client"),
        ("Our engineers keep credentials only in Brackenridge's vault.", "client"),
        ("Microsoft retains the keys to its own datacentres.", None),  # a third party's name
        ("We work beside your IT officer, who keeps her administrator rights.", "client"),
        # the vendor, by subject or by its own place
        ("We retain the domain administrator credentials for all servers.", "provider"),
        (
            "Tasman holds the root passwords and shares them with Brackenridge on request.",
            "provider",
        ),
        ("Privileged credentials are held in Tasman's vault and issued per session.", "provider"),
        (
            "Tasman keeps your runbooks and admin passwords in its own documentation tool.",
            "provider",
        ),
        ("Admin credentials remain with us for the life of the contract.", "provider"),
        # nobody's keys
        ("All backups are held in two UK data centres.", None),
        (
            "Our lead engineer has ten years of experience and holds Azure Administrator certifications.",
            None,
        ),
        ("Backups are kept for 30 days, and yearly copies in our offsite vault.", None),
    ],
)
def test_who_keeps_the_keys_comes_from_the_clause(keys_of, text, holder):
    crits, flags = keys_of(text)
    assert ("control-retention" in crits) is (holder == "client")
    assert ("vendor-holds-keys" in flags) is (holder == "provider")


# --- soft-sla comes from hedged service levels, not from past figures or the names of figures


@pytest.mark.parametrize(
    "text, present",
    [
        ("Recovery objectives: at most 1 hour of data lost and service back in 4 hours.", False),
        ("Recovery point objective: 15 minutes; recovery time objective: 2 hours.", False),
        ("Last year we averaged a 12-minute first response on P1 tickets.", False),
        ("Our average P1 response in 2025 was 9 minutes.", False),
        ("Nine calls in ten are fixed the first time you ring, a rate we usually reach.", False),
        ("We aim to restore service within 4 hours of a declared disaster.", True),
        ("We target 99.8% uptime, and aim to fix 70% of calls on first contact.", True),
        ("Restore times are planning targets only: P1 within 4 hours.", True),
    ],
)
def test_soft_sla_needs_a_hedged_service_level(evidence_of, text, present):
    assert ("soft-sla" in evidence_of(text)[1]) is present


# --- items under an exclusion lead-in or heading are not offered


@pytest.mark.parametrize(
    "text, criterion",
    [
        (
            "Not in scope: printer repairs; end-user training; on-site cover.",
            "adoption-communication",
        ),
        ("Excluded: staff training sessions and user newsletters.", "adoption-communication"),
        ("Out of scope: a phased migration plan for the branch offices.", "implementation-plan"),
    ],
)
def test_items_after_an_exclusion_lead_in_are_excluded(evidence_of, text, criterion):
    crits, _ = evidence_of(text)
    assert crits.get(criterion) == "excluded"


def test_exclusion_lead_in_reaches_only_past_its_colon(evidence_of):
    crits, _ = evidence_of("We run staff training at go-live. Not in scope: printer repairs.")
    assert crits.get("adoption-communication") == "binding"


def test_bullets_after_an_exclusion_lead_in_are_excluded(nlp, finder):
    src = models.Source("excl.pdf", 2, "text")
    finder.find(nlp("The following are not included:"), src)
    ev, _ = finder.find(nlp("- End-user training for new starters"), src)
    assert {e.criterion: e.strength for e in ev}.get("adoption-communication") == "excluded"
    finder.find(nlp("Everything else is part of the monthly fee."), src)
    ev, _ = finder.find(nlp("- End-user training for new starters"), src)
    assert {e.criterion: e.strength for e in ev}.get("adoption-communication") == "binding"


@pytest.mark.parametrize(
    "heading, excluded",
    [("Exclusions", True), ("5.3 Not in scope", True), ("Service levels and exclusions", False)],
)
def test_an_exclusion_heading_excludes_what_is_under_it(evidence_of, heading, excluded):
    crits, flags = evidence_of("We run training sessions for your staff at every site.", heading)
    assert (crits.get("adoption-communication") == "excluded") is excluded


def test_an_excluded_item_may_still_cost_extra(evidence_of):
    crits, flags = evidence_of("Not in scope: weekend on-site visits, billed at $200 per hour.")
    assert "extra-cost" in flags
    _, flags = evidence_of("Out-of-hours work is billed at $180 per hour.", "Exclusions")
    assert "extra-cost" in flags


# --- criteria cues that are something else in context


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        (
            "Either party may end it at the end of the term on 90 days' notice.",
            "flexibility",
            False,
        ),
        ("Either party may end the agreement at any time on 30 days' notice.", "flexibility", True),
        (
            "Either party may terminate for convenience after month 12.",
            "implementation-plan",
            False,
        ),
        ("The agreement runs for two years from go-live.", "implementation-plan", False),
        ("Week 1 is discovery and week 2 moves the desk across.", "implementation-plan", True),
        (
            "RFP 3.2: Describe your onboarding plan and go-live checklist.",
            "implementation-plan",
            False,
        ),
        (
            "Requests and how-to questions are answered within 3 working days.",
            "adoption-communication",
            False,
        ),
    ],
)
def test_criteria_cues_read_in_context(evidence_of, text, criterion, present):
    crits, _ = evidence_of(text)
    assert (crits.get(criterion, "excluded") != "excluded") is present


# --- the client's duties by name or role, and the items of a list under "The County shall:"


@pytest.mark.parametrize(
    "text, duty",
    [
        ("The firm must sign off each change within two working days.", True),
        ("The buyer shall name a site contact for every office.", True),
        ("Brackenridge & Vale will name one coordinator per practice.", True),  # holds the name
        ("Ashdown & Vale will name one coordinator per practice.", False),  # nobody we know
        ("Brackenridge will name one coordinator per practice.", True),
        ("Brackenridge Veterinary Group is responsible for its own licences.", True),
        ("Brackenridge will receive a monthly service report.", False),  # receives, no duty
        ("The client will always reach a senior engineer at night.", False),
        ("A named client manager is responsible for the account.", False),
        ("Our customer success team will run the onboarding.", False),
    ],
)
def test_client_duty_by_name_or_role(keys_of, text, duty):
    crits, _ = keys_of(text)
    assert ("client-obligations" in crits) is duty


def test_items_under_a_client_duty_lead_in_are_the_clients(nlp, finder):
    from msp_select.extract.strength import Parties, _forms

    parties = Parties(_forms([KEYS_CLIENT]), _forms([KEYS_VENDOR]))
    src = models.Source("duties.pdf", 4, "text")

    def find(text):
        doc = nlp(text)
        parties.mark(doc)
        return {e.criterion for e in finder.find(doc, src)[0]}

    find("Brackenridge shall:")
    assert find("3.2 approve or reject each change request within two days.") == {
        "client-obligations"
    }
    assert "client-obligations" in find("- keep a named contact available during incidents.")
    find("Our engineers handle the rest.")  # the list has ended
    assert "client-obligations" not in find("- approve each change request within two days.")


# --- leaving, handing over and anchoring in plain words


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        ("Brackenridge may end the agreement on 60 days' written notice.", "flexibility", True),
        ("You can cancel with one month's notice at any point.", "flexibility", True),
        ("After the first year you may simply walk away.", "flexibility", True),
        ("We may end the service if invoices stay unpaid for 90 days.", "flexibility", False),
        (
            "When the contract ends, we pass every password and diagram to whoever follows us.",
            "exit-assistance",
            True,
        ),
        ("We walk your new provider through the documentation on exit.", "exit-assistance", True),
        ("We hand each ticket to the next engineer on shift.", "exit-assistance", False),
        (
            "Onboarding completes within 60 days of the kick-off meeting.",
            "implementation-plan",
            False,
        ),
        ("Transition: six weeks from award to go-live.", "implementation-plan", False),
        ("A go-live checklist is signed off for every site.", "implementation-plan", True),
        ("We offer backup together with Managed Security.", "co-managed-collaboration", False),
        ("We work together with your IT team on every change.", "co-managed-collaboration", True),
    ],
)
def test_plain_words_for_leaving_handing_over_and_anchors(evidence_of, text, criterion, present):
    crits, _ = evidence_of(text)
    assert (crits.get(criterion, "excluded") != "excluded") is present


# --- a price list's line names what may be bought; it is no evidence of a practice


@pytest.mark.parametrize(
    "row, priced",
    [
        ("Onboarding project | one time | $12,500.00", True),
        ("User training workshop | per session | 480.00", True),
        ("Transition plan | EUR 4.800", True),
        ("Go-live | 4 | Service desk live for every site", False),
        ("Quarterly business review | Included", False),
    ],
)
def test_a_price_line_is_no_criterion(nlp, finder, row, priced):
    ev, _ = finder.find(nlp(row), models.Source("prices.pdf", 3, "table"))
    assert (not ev) is priced


@pytest.mark.parametrize(
    "row, planned",
    [
        ("Go-live | 4 | Service desk live for every site", True),  # a row of the timetable
        ("Kick-off | week 1 | Workshop with your IT lead", True),
        ("Minimum term | 36 months from go-live", False),  # a milestone counted from
        ("Extra runbooks after go-live | quoted per play", False),
    ],
)
def test_a_table_row_that_opens_with_a_milestone_is_a_step_of_the_plan(nlp, finder, row, planned):
    ev, _ = finder.find(nlp(row), models.Source("plan.pdf", 2, "table"))
    assert ("implementation-plan" in {e.criterion for e in ev}) is planned


@pytest.mark.parametrize(
    "header, planned",
    [
        ("Week | What happens", True),  # a timetable: each row is a step of the plan
        ("Phase | Dates | Owner", True),
        ("Service | Hours", False),
        ("Stage | Weeks | Deliverables", True),
        ("Step | Timer | Owner | Action", False),  # an escalation ladder
        ("Day | Hours", False),
    ],
)
def test_the_rows_of_a_timetable_are_the_plan(nlp, finder, header, planned):
    source = models.Source(f"plan-{header[:5]}.pdf", 2, "table", (50, 100, 500, 300))
    finder.find(nlp(header), source)
    ev, _ = finder.find(nlp("2 | Monitoring agents deployed; first backup checked"), source)
    assert ("implementation-plan" in {e.criterion for e in ev}) is planned


def test_a_price_line_still_raises_its_flag(nlp, finder):
    _, fl = finder.find(
        nlp("After-hours call-out | per hour | $195.00 billed on top"),
        models.Source("prices.pdf", 3, "table"),
    )
    assert {f.flag for f in fl} == {"extra-cost"}


# --- phases of a plan, directors at reviews and on escalation levels, whose staff is trained


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        (
            "Onboarding takes six weeks: two weeks of discovery, then site moves.",
            "implementation-plan",
            True,
        ),
        (
            "We start with a discovery fortnight and move one office a week.",
            "implementation-plan",
            True,
        ),
        ("The move runs in three phases (audit, cutover, hypercare).", "implementation-plan", True),
        (
            "On exit we give up to 30 days of handover at our day rate.",
            "implementation-plan",
            False,
        ),
        (
            "A four-week transition plan covers handover from your current provider.",
            "implementation-plan",
            True,
        ),
        ("Your current provider charged for every project plan.", "implementation-plan", False),
        (
            "A quarterly review is attended by our Service Delivery Director.",
            "executive-oversight",
            True,
        ),
        ("Each review is held with your finance director.", "executive-oversight", False),
        (
            "We review tickets monthly and escalate blockers to our managing director.",
            "executive-oversight",
            False,
        ),
        (
            "Our engineers complete security awareness training every year.",
            "adoption-communication",
            False,
        ),
        (
            "Your staff receive security awareness training every year.",
            "adoption-communication",
            True,
        ),
    ],
)
def test_plans_directors_and_training_in_context(evidence_of, text, criterion, present):
    crits, _ = evidence_of(text)
    assert (crits.get(criterion, "excluded") != "excluded") is present


@pytest.mark.parametrize(
    "row, senior",
    [
        ("Level 3 | Head of Operations | Dana Reyes", True),
        ("Stage 2 | Operations Director | Sam Ortiz", True),
        ("Level 1 | Service Desk | Sam Ortiz", False),
    ],
)
def test_an_escalation_level_held_by_a_director_is_senior(nlp, finder, row, senior):
    ev, _ = finder.find(nlp(row), models.Source("matrix.pdf", 5, "table"))
    assert ("senior-escalation" in {e.criterion for e in ev}) is senior


# --- glossary lines and purpose clauses


@pytest.mark.parametrize(
    "text, criterion, strength",
    [
        ("Resolution means a senior engineer has restored the service.", "senior-escalation", None),
        ("Escalation is defined as referral to a senior engineer.", "senior-escalation", None),
        ("Unresolved tickets are escalated to a senior engineer.", "senior-escalation", "binding"),
        (
            "The firm must approve each change within 2 days, so that work is not held up.",
            "client-obligations",
            "binding",
        ),
        ("The firm need not approve routine changes.", "client-obligations", None),
    ],
)
def test_glossary_lines_and_purpose_clauses(evidence_of, text, criterion, strength):
    crits, _ = evidence_of(text)
    assert crits.get(criterion) == strength


# --- the scope of a negation, night hours, charges and hedged lead-ins, read from structure


@pytest.mark.parametrize(
    "text, criterion, strength",
    [
        (
            "A ticket that is not fixed within two hours goes to our head of operations.",
            "senior-escalation",
            "binding",
        ),
        (
            "Incidents which have not been resolved after a day are escalated to a senior engineer.",
            "senior-escalation",
            "binding",
        ),
        (
            "If that does not settle it, the matter is escalated to our technical director.",
            "senior-escalation",
            "binding",
        ),
        (
            "Your account manager is named in the contract and will not change without your consent.",
            "dedicated-account-manager",
            "binding",
        ),
        ("We do not provide a dedicated account manager.", "dedicated-account-manager", "excluded"),
        ("Escalation to a senior engineer is not offered.", "senior-escalation", "excluded"),
    ],
)
def test_a_condition_or_double_negative_does_not_negate_the_statement(
    evidence_of, text, criterion, strength
):
    crits, _ = evidence_of(text)
    assert crits.get(criterion) == strength


@pytest.mark.parametrize(
    "text, flag, flagged",
    [
        (
            "Between 22:00 and 06:00, calls are handled by first-line operators only.",
            "first-line-only",
            True,
        ),
        (
            "From 23.00 calls go to an answering service until the desk reopens.",
            "first-line-only",
            True,
        ),
        (
            "Alerts are triaged by first-line operators; engineers pick them up the next morning.",
            "first-line-only",
            True,
        ),
        (
            "Between 08:00 and 18:00, first-line operators take calls and pass them on.",
            "first-line-only",
            False,
        ),
        (
            "At night the desk is staffed by second- and third-line engineers rather than an answering service.",
            "first-line-only",
            False,
        ),
        (
            "Engineers on site at weekends: for P1 incidents, charged at DKK 1.450 per hour on top of the monthly fee.",
            "extra-cost",
            True,
        ),
        ("Night visits: at additional cost, invoiced monthly.", "extra-cost", True),
        ("Night visits: included in the monthly fee, never charged.", "extra-cost", False),
        ("Project work is billed at $150 an hour.", "extra-cost", False),
        (
            "Missed service levels do not give rise to credits or any other compensation.",
            "no-penalty",
            True,
        ),
        ("A breach does not lead to any penalty.", "no-penalty", True),
        (
            "The contract may be renewed by agreement for a further twelve months.",
            "auto-renewal",
            False,
        ),
        ("It may be extended for another year if both parties agree.", "auto-renewal", False),
        ("The contract renews automatically for further 12-month terms.", "auto-renewal", True),
        (
            "Tickets awaiting your confirmation close automatically after five days.",
            "clock-stop",
            False,
        ),
        ("Tickets awaiting your confirmation are auto-closed after a week.", "clock-stop", False),
        ("The clock is paused while we await your confirmation.", "clock-stop", True),
        ("- FY25 average P0 response: 12 min (all clients)", "soft-sla", False),
        (
            "For reference only: our 2025 average response was 11 min, typically faster.",
            "soft-sla",
            False,
        ),
        ("Across 40 clients we typically respond within 20 minutes.", "soft-sla", False),
        ("We typically respond within 20 minutes.", "soft-sla", True),
        ("For priority D we target the figures shown; they are not commitments.", "soft-sla", True),
        ("For low priority we aim for the times below.", "soft-sla", True),
    ],
)
def test_flags_from_structure(evidence_of, text, flag, flagged):
    _, flags = evidence_of(text)
    assert (flag in flags) is flagged


@pytest.mark.parametrize(
    "text, heading, flagged",
    [
        ("Fixes are normally in place:", "3 Service levels", True),
        ("Restoration is typically achieved within:", "", True),
        ("Service levels apply as follows:", "3 Service levels", False),
        ("We aim to bring the following to every review:", "Governance", False),
    ],
)
def test_a_hedged_lead_in_hedges_the_figures_under_it(evidence_of, text, heading, flagged):
    _, flags = evidence_of(text, heading)
    assert ("soft-sla" in flags) is flagged


@pytest.mark.parametrize(
    "text, obliged",
    [
        ("Sac-Bé must name a duty manager at each hotel.", True),
        ("Vadehav must make a decision-maker available within half an hour.", True),
        ("Lindqvist Shipping shall approve each normal change within two days.", True),
        ("Tasman Networks shall name an account manager.", False),
        ("Aino Virtanen will chair the monthly review.", False),
        ("Microsoft must patch its own platform.", False),
    ],
)
def test_a_named_subject_under_must_or_shall_is_the_clients_duty(named_evidence, text, obliged):
    crits, _ = named_evidence(text)
    assert ("client-obligations" in crits) is obliged


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        (
            "Your incumbent's report for 2025 shows an availability of 99.2%.",
            "reporting-transparency",
            False,
        ),
        ("We send a monthly report of every service level.", "reporting-transparency", True),
        (
            '1.4 "Response Time" means the time until a senior engineer begins work.',
            "senior-escalation",
            False,
        ),
        ('"Escalation" means referral to a senior engineer.', "senior-escalation", False),
        (
            "The agreement may be ended by either party on six months' notice before its expiry.",
            "flexibility",
            False,
        ),
        ("Either party may end the agreement on 60 days' notice.", "flexibility", True),
        (
            "The client can end the agreement at any time with sixty days' notice.",
            "flexibility",
            True,
        ),
        ("- Exit: 90 days' notice, any time after month 6", "flexibility", True),
        ("- Exit kit: runbooks, configs, data export", "exit-assistance", True),
        ("- quarterly exec review with your GM", "executive-oversight", True),
        (
            "Escalation runs in three stages: the account manager, then our director.",
            "implementation-plan",
            False,
        ),
        (
            "Onboarding runs in three stages: discovery, migration and hypercare.",
            "implementation-plan",
            True,
        ),
    ],
)
def test_team_fit_from_structure(evidence_of, text, criterion, present):
    crits, _ = evidence_of(text)
    assert (crits.get(criterion, "excluded") != "excluded") is present


def test_an_anchor_in_a_week_of_the_transition_is_no_plan(nlp, finder):
    ev, _ = finder.find(
        nlp("Roles | RACI matrix agreed in week 2 of transition"),
        models.Source("t.pdf", 3, "table"),
    )
    assert {e.criterion for e in ev} == {"roles-responsibilities"}


@pytest.mark.parametrize(
    "row, evidence",
    [
        ("Onboarding project | DKK 39.000 fixed", False),
        ("Onboarding project | $15,000 one-off", False),
        ("Onboarding project | A four-phase plan over 45 days", True),
    ],
)
def test_a_price_line_with_terms_is_no_plan(nlp, finder, row, evidence):
    ev, _ = finder.find(nlp(row), models.Source("t.pdf", 3, "table"))
    assert ("implementation-plan" in {e.criterion for e in ev}) is evidence


def test_a_named_client_after_a_fronted_phrase_is_obliged(named_evidence):
    crits, _ = named_evidence("For P1 incidents, Vadehav must make a decision-maker available.")
    assert "client-obligations" in crits


@pytest.mark.parametrize(
    "running, client",
    [
        # a web page printed from a browser: the page title names a market, not a client
        ("28/11/26, 10:42 AM Managed IT Plans for Business | Tembusu IT", ()),
        ("Tembusu IT | Proposal for Harbourside Dental", ("Harbourside", "Harbourside Dental")),
    ],
)
def test_a_word_the_text_writes_in_lower_case_names_no_client(running, client):
    from msp_select.extract.strength import Parties

    doc = models.Document(
        "page.pdf",
        "0" * 64,
        1,
        (models.Block("Plans for every business, with business hours support.", 1, BOX1),),
        (),
        running=(running,),
    )
    assert Parties.of("tembusu-it", [doc]).client == client


BOX1 = (50, 60, 500, 90)


@pytest.mark.parametrize(
    "text, criterion, present",
    [
        # a hand-over and a senior person, in any order and wording
        (
            "An outage still open at noon passes straight to our Chief Technology Officer.",
            "senior-escalation",
            True,
        ),
        (
            "Any Severity A fault that runs past three hours is paged to our CTO.",
            "senior-escalation",
            True,
        ),
        (
            "If the fix slips, the Head of Engineering takes over the incident.",
            "senior-escalation",
            True,
        ),
        ("Major outages come to me personally, day or night.", "senior-escalation", True),
        (
            "A stalled ticket goes to a third-line engineer within the hour.",
            "senior-escalation",
            True,
        ),
        ("The founder of the firm gets the call when a site is down.", "senior-escalation", True),
        # a senior person with nothing handed up, or the client's own senior people
        ("Our founder set up the company in 1998.", "senior-escalation", False),
        ("Invoices go to your finance director each month.", "senior-escalation", False),
        ("Unresolved tickets go to your Head of IT for a decision.", "senior-escalation", False),
        (
            "Purchase orders pass to our Commercial Director for approval.",
            "senior-escalation",
            False,
        ),
        # a place of work shared with the client's people
        (
            "Your two technicians keep a seat in our service desk queue.",
            "co-managed-collaboration",
            True,
        ),
        (
            "We work in your own ticketing platform, not a second one.",
            "co-managed-collaboration",
            True,
        ),
        ("Both teams share one backlog and one runbook library.", "co-managed-collaboration", True),
        ("Your engineers and ours handle tickets side by side.", "co-managed-collaboration", True),
        # tickets alone, figures about tickets, or sharing denied
        ("Every ticket gets a reference number by e-mail.", "co-managed-collaboration", False),
        ("We share ticket statistics with you every quarter.", "co-managed-collaboration", False),
        ("We do not share our ticket queue with client staff.", "co-managed-collaboration", False),
        ("Users raise tickets in the portal or by phone.", "co-managed-collaboration", False),
    ],
)
def test_a_criterion_told_by_its_parts(evidence_of, text, criterion, present):
    crits, _ = evidence_of(text)
    assert (crits.get(criterion, "excluded") != "excluded") is present


@pytest.mark.parametrize(
    "text",
    [
        "- Named Service Delivery Manager: Ruth Okafor",
        "• Your Account Lead: Tomasz Nowak",
    ],
)
def test_a_bulleted_label_and_name_is_an_item_not_a_heading(evidence_of, text):
    crits, _ = evidence_of(text)
    assert crits.get("dedicated-account-manager") == "binding"


@pytest.mark.parametrize(
    "text, flagged",
    [
        # an hourly rate for the hours the fee does not cover, the hours named by reference
        ("Visits in office hours are included; they are $210 an hour at any other time.", True),
        ("Desk-side help is free 8-6; outside those hours it costs £130 per hour.", True),
        # a response time at night, or an hourly rate within the fee's hours, is no surcharge
        ("We answer around the clock; an engineer reaches you within 4 hours at night.", False),
        ("Project work is billed at $150 per hour during business hours.", False),
    ],
)
def test_an_hourly_rate_for_other_hours_is_extra_cost(evidence_of, text, flagged):
    _, flags = evidence_of(text)
    assert ("extra-cost" in flags) is flagged


@pytest.mark.parametrize(
    "text, side",
    [
        ("Tasman's commitment to Harbourside", "provider"),
        ("Harbourside's duties to Tasman", "client"),
        ("Kiwi's operating level to Tasman", "provider"),  # Kiwi is neither: Tasman is named
        ("Service levels", ""),
    ],
)
def test_a_text_naming_both_parties_is_the_side_it_names_first(text, side):
    from msp_select.extract.strength import Parties, _forms

    parties = Parties(_forms(["Harbourside Dental Group"]), _forms(["Tasman Networks"]))
    assert parties.side(text) == side


def test_initials_beside_the_vendor_in_a_running_head_name_the_client():
    """'KCGC / Tasman Networks - Issues List v4' over each page: the initials are the client's
    short name when the text goes on to use them, so 'KCGC requires 30 minutes' is the
    client asking, not the vendor offering."""
    from msp_select.extract import extract_vendor
    from msp_select.extract.strength import Parties

    texts = (
        "Tasman Networks Ltd answers Priority 1 calls within 45 minutes.",
        "KCGC requires 30 minutes, 24x7.",
        "KCGC asked for monthly reviews; KCGC has agreed the term.",
    )
    doc = _titled_doc("Issues List v4", *texts)
    doc = dataclasses.replace(doc, running=("KCGC / Tasman Networks - Issues List v4",))
    assert "KCGC" in Parties.of("tasman-networks", [doc]).client
    got = {(c.category, c.value) for c in extract_vendor("tasman-networks", [doc]).commitments}
    assert ("response_time", 45.0) in got and ("response_time", 30.0) not in got


@pytest.mark.parametrize(
    "text, present",
    [
        ("The client sees every ticket and the raw data in its portal.", True),
        ("Your ICT team can view every alarm and every ticket as it happens.", True),
        # the provider's own engineers seeing alerts is monitoring, not the client's view
        ("Our engineers see every alert within 5 minutes.", False),
    ],
)
def test_the_client_seeing_every_ticket_is_transparency(text, present):
    from msp_select.extract import extract_vendor
    from tests.extract_helpers import document

    found = extract_vendor("v", [document(text)])
    assert ("reporting-transparency" in {e.criterion for e in found.criteria_evidence}) is present


@pytest.mark.parametrize(
    "text",
    [
        "It shall be renewed automatically for a similar period unless either party notifies the "
        "other in writing of its wish not to renew.",
        "The contract runs for 24 months and then renews itself for 12 months at a time unless "
        "either side ends it.",
        "The agreement extends itself by a year unless the Customer gives notice of its intention "
        "not to renew.",
    ],
)
def test_a_renewal_the_client_must_stop_is_auto_renewal(evidence_of, text):
    """The notice of a wish not to renew is the way out of the renewal, no denial of it."""
    assert "auto-renewal" in evidence_of(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "The agreement will not renew automatically.",
        "No automatic renewal applies.",
        "The term does not renew unless both parties agree in writing.",
    ],
)
def test_a_contract_that_does_not_renew_itself_raises_no_auto_renewal(evidence_of, text):
    assert "auto-renewal" not in evidence_of(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "Time during which the engineers cannot reach the equipment for a reason attributable to "
        "the Customer shall not be counted in the times of Article 4.",
        "Periods spent waiting for site access will not be counted towards the resolution time.",
    ],
)
def test_time_not_counted_in_the_service_levels_is_clock_stop(evidence_of, text):
    assert "clock-stop" in evidence_of(text)[1]


def _agreement(entries: list[str]) -> models.Document:
    """An agreement whose opening paragraphs are the given entries, one block each."""
    blocks = tuple(
        models.Block(text, 1, (50, 60 + 40 * i, 500, 90 + 40 * i)) for i, text in enumerate(entries)
    )
    return models.Document("agreement.pdf", "0" * 64, 1, blocks, ())


@pytest.mark.parametrize(
    "entries, client, provider",
    [
        (
            [
                "1. PT SEKAR JATI FURNITAMA, a limited liability company domiciled in Surabaya, "
                "hereinafter called PARTY ONE;",
                "2. PT TASMAN NETWORKS INDONESIA, a limited liability company domiciled in "
                "Sidoarjo, hereinafter called PARTY TWO.",
            ],
            "PARTY ONE",
            "PARTY TWO",
        ),
        (
            [
                "First: Delta Nile Pharmaceuticals S.A.E., Commercial Register No. 41872 Giza, "
                'represented by its Managing Director (hereinafter the "First Party");',
                "Second: Tasman Networks, a company registered in Cairo, represented by its "
                'Chairman (hereinafter referred to as the "Second Party").',
            ],
            "First Party",
            "Second Party",
        ),
    ],
    ids=["hereinafter-called", "first-second-party"],
)
def test_an_agreements_list_of_parties_names_each_partys_term(entries, client, provider):
    """A list of parties, one entry each, gives the term every party goes by: the vendor's
    entry is the provider, the other the client, so "PARTY ONE's supervisor shall confirm
    within 15 minutes" obliges the client."""
    from msp_select.extract.strength import Parties

    doc = _agreement(entries)
    parties = Parties.of("tasman-networks", [doc])
    assert client in parties.client and provider in parties.provider
    assert provider not in parties.client and client not in parties.provider


def test_a_third_party_in_a_list_of_parties_is_neither_side():
    from msp_select.extract.strength import Parties

    entries = [
        "1. Harbour Foods Ltd, a company in Auckland, hereinafter called PARTY ONE;",
        "2. Tasman Networks Ltd, a company in Nelson, hereinafter called PARTY TWO;",
        "3. Kauri Software Ltd, a company in Wellington, hereinafter called PARTY THREE.",
    ]
    doc = _agreement(entries)
    parties = Parties.of("tasman-networks", [doc], known=("Harbour Foods Ltd",))
    assert "PARTY ONE" in parties.client and "PARTY TWO" in parties.provider
    assert "PARTY THREE" not in parties.client + parties.provider


def test_a_client_named_inside_a_subject_is_no_subject(nlp):
    """ "The network of the First Party shall be available": the client's network, the
    provider's promise; every word of a name is read from the name's first word."""
    from msp_select.extract.strength import Parties, party_of

    parties = Parties(("First Party",), ("Second Party",), (), ())
    doc = nlp("The network of the First Party shall be available 99.5% of the time.")
    parties.mark(doc)
    assert party_of(doc) == "provider"
    doc = nlp("The First Party shall give the engineers access within 1 hour.")
    parties.mark(doc)
    assert party_of(doc) == "client"
