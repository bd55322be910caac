#!/usr/bin/env python3
"""Regenerate the shipped sample proposals (proposals/) and their ground truth.

Four fictional managed service providers answer one fictional client, Alder
Creek Medical Group (a 210-person regional physician group). The texts mix
binding, soft, conditional and excluded wording, client obligations, and many
numbers that are not commitments, so `make demo` shows what the tool does on
something that reads like a real tender.

Every commitment is written next to the sentence that states it (`Fact`), with
a short phrase (`at`) that the PDF shows. After rendering, that phrase is
looked up in the PDF's own text layer, so the page numbers in the truth file
are measured, never guessed. The expected ranking is computed from the truth
with a plain TOPSIS and refused if a different treatment of missing values
could change it.

    .venv/bin/python scripts/make_samples.py                 # into proposals/ and tests/data/
    .venv/bin/python scripts/make_samples.py --out DIR --truth FILE

Needs reportlab and pdfplumber. Output is byte-identical from run to run.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

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
CLIENT = "Alder Creek Medical Group"
RFP = "ACMG-IT-2026-04"


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
    def cover(self, title: str, *lines: str) -> None:
        self.story += [Spacer(1, 50 * mm), Paragraph(title, self.s_title)]
        self.story += [Paragraph(line, self.s_sub) for line in lines]
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
            title=f"{self.file} for {CLIENT}",
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


# --- the client's RFP, restated by everybody ---------------------------------------------


def restated(doc: Proposal) -> None:
    doc.p(
        f"{CLIENT} asked in RFP {RFP} for a first response to Priority 1 incidents within 30 minutes, "
        "resolution within four hours, a service desk that the urgent-care centre can reach at any hour, "
        "and a recovery point of no more than one hour for the electronic health record interfaces."
    )


# --- vendor 1: Cobalt Ridge IT Partners (folder: proposal + price sheet) -----------------

COBALT = Look(
    LETTER,
    "Helvetica",
    "Helvetica-Bold",
    colors.Color(0.09, 0.2, 0.42),
    f"Cobalt Ridge IT Partners | Proposal for {CLIENT}",
    "Confidential  |  Page {page} of {total}",
    "right",
)


def cobalt_proposal() -> Proposal:
    d = Proposal("proposal.pdf", COBALT)
    d.cover(
        "Managed IT Services Proposal",
        f"Prepared for {CLIENT}",
        f"In response to RFP {RFP}",
        "Submitted 3 November 2026",
        "Cobalt Ridge IT Partners, 1420 NW Lovejoy Street, Portland, Oregon 97209",
    )
    d.contents()

    d.h1("1. Executive summary")
    d.p(
        "Thank you for inviting Cobalt Ridge to propose. We have read your RFP closely and visited two of "
        "your clinics. This proposal describes a fully managed service for all 210 staff, the seven clinics "
        "and the urgent-care centre, priced per user with servers and project work listed separately in the "
        "attached price sheet."
    )
    restated(d)
    d.p(
        "Our answer is a service run by engineers who know healthcare: a local service desk staffed around "
        "the clock, a named account manager, measurable service levels with real service credits, and an "
        "arrangement that leaves every administrator credential in your hands."
    )

    d.h1("2. About Cobalt Ridge")
    d.p(
        "Founded in 2009 in Portland, Cobalt Ridge employs 140 people, 62 of them certified engineers, and "
        "manages more than 18,000 endpoints for 95 clients across Oregon and Washington. Twenty-three of those "
        "clients are clinics, dental groups or behavioral health providers."
    )
    d.p(
        "<b>Case study: Willamette Family Clinics.</b> After moving to Cobalt Ridge in 2023, the twelve-site "
        "group saw average ticket resolution time fall from 11 hours to 3.5 hours, and unplanned downtime of "
        "its scheduling system fall by 64 percent in the first year."
    )
    d.p(
        "Last year our service desk answered calls in an average of 38 seconds and resolved 81 percent of "
        "requests at first contact. Industry surveys put unplanned downtime in outpatient care at an average "
        "of 1.9 hours per month; our healthcare clients averaged 0.4 hours."
    )

    d.h1("3. Scope of services")
    d.bullets(
        (
            "Service desk: our service desk will be staffed by Cobalt Ridge engineers 24 hours a day, 7 days a "
            "week, 365 days a year, by telephone, e-mail and portal.",
            Fact(
                "support_hours",
                "helpdesk",
                None,
                "24x7",
                "will be staffed by Cobalt Ridge engineers 24 hours a day",
            ),
        ),
        (
            "Monitoring: our network operations centre will monitor every managed server, firewall, switch and "
            "wireless access point 24x7.",
            Fact(
                "support_hours",
                "noc",
                None,
                "24x7",
                "network operations centre will monitor every managed server",
            ),
        ),
        (
            "On-site support: an engineer will be on site at any clinic Monday to Friday, 07:00 to 18:00, within "
            "the business hours defined in Appendix A.",
            Fact(
                "support_hours",
                "onsite",
                None,
                "business_hours",
                "Monday to Friday, 07:00 to 18:00",
            ),
        ),
        "Escalation: out of hours every Critical incident is escalated to an on-call senior engineer, at no "
        "additional charge; senior engineers are the same people who work on your systems by day.",
        (
            "Patching: critical security patches will be applied within 72 hours of the vendor's release; other "
            "patches are applied in the monthly maintenance window.",
            Fact("patch_window", "all", 3, "day", "applied within 72 hours"),
        ),
        "Endpoint security, e-mail filtering, Microsoft 365 administration and support for your line-of-business "
        "applications, including liaison with the EHR vendor.",
    )
    d.h2("Backup and disaster recovery")
    d.p(
        "We will back up all servers and the EHR interface engine every 15 minutes, giving a recovery point "
        "objective of 15 minutes, and we guarantee a recovery time objective of four (4) hours for the systems "
        "your clinics need to see patients.",
        Fact("rpo", "all", 15, "minute", "recovery point objective of 15 minutes"),
        Fact("rto", "all", 240, "minute", "recovery time objective of four (4) hours"),
    )
    d.p(
        "Restores are tested every quarter and the results reported to your practice administrator."
    )

    d.h1("4. Service levels")
    d.p(
        "Incidents are prioritised with you when they are logged. The response and resolution times below "
        "are binding commitments, measured from the moment a ticket is logged, and apply around the clock to "
        "Critical and High incidents and during business hours to Medium and Low incidents."
    )
    d.table(
        [
            ["Priority", "Response", "Resolution", "Examples"],
            [
                "Critical",
                "15 minutes",
                "4 hours",
                "EHR unreachable from a clinic; clinic network or phones down",
            ],
            [
                "High",
                "30 minutes",
                "8 hours",
                "A department cannot print prescriptions; one provider cannot log in",
            ],
            [
                "Medium",
                "4 business hours",
                "3 business days",
                "A single workstation fault with a workaround",
            ],
            [
                "Low",
                "next business day",
                "10 business days",
                "Requests, questions and minor changes",
            ],
        ],
        [24, 32, 32, 82],
        Fact("response_time", "P1", 15, "minute", "Critical 15 minutes 4 hours"),
        Fact("resolution_time", "P1", 240, "minute", "Critical 15 minutes 4 hours"),
        Fact("response_time", "P2", 30, "minute", "High 30 minutes 8 hours"),
        Fact("resolution_time", "P2", 480, "minute", "High 30 minutes 8 hours"),
        Fact("response_time", "P3", 240, "minute", "Medium 4 business hours 3 business days"),
        Fact("resolution_time", "P3", 1440, "minute", "Medium 4 business hours 3 business days"),
        Fact("response_time", "P4", 480, "minute", "Low next business day 10 business days"),
        Fact("resolution_time", "P4", 4800, "minute", "Low next business day 10 business days"),
    )
    d.p(
        "We guarantee availability of 99.95 percent per calendar month for the managed network and server "
        "infrastructure, excluding maintenance agreed with you in advance.",
        Fact("availability", "all", 99.95, "percent", "guarantee availability of 99.95 percent"),
    )
    d.p(
        "If we miss a service level in any month, Cobalt Ridge will credit up to 20 percent of the monthly "
        "fee, according to the schedule below. Credits are applied to the next invoice without a claim.",
        Fact(
            "service_credit",
            "all",
            20,
            "percent",
            "will credit up to 20 percent of the monthly fee",
        ),
    )
    d.table(
        [
            ["Monthly availability", "Critical incidents resolved late", "Credit"],
            ["below 99.95% but at least 99.5%", "1", "5% of the monthly fee"],
            ["below 99.5% but at least 99.0%", "2 or 3", "10% of the monthly fee"],
            ["below 99.0%", "4 or more", "20% of the monthly fee"],
        ],
        [62, 60, 48],
    )
    d.p(
        "If Cobalt Ridge misses the same service level two months in a row, the credit for the second month "
        "doubles and we will present a remediation plan to the steering committee."
    )
    d.p(
        "The resolution clock is paused while a ticket is in Awaiting Client status, for example while we wait "
        "for access to a clinic or for a user to confirm that a fix works."
    )
    d.p(
        "We target a first-contact resolution rate of 80 percent for calls to the service desk.",
        Fact(
            "first_contact_resolution",
            "all",
            80,
            "percent",
            "target a first-contact resolution rate of 80 percent",
            strength="soft",
        ),
    )

    d.h1("5. Account management and governance")
    d.p(
        "A dedicated account manager, Dana Whitfield, will be your single point of accountability for service, "
        "billing and planning. Dana has managed healthcare accounts at Cobalt Ridge since 2017."
    )
    d.p(
        "We will hold a service review with your practice administrator every month, covering every missed "
        "service level, the ticket trends and the open risks.",
        Fact(
            "review_cadence",
            "all",
            30,
            "day",
            "service review with your practice administrator every month",
        ),
    )
    d.p(
        "A steering committee of your chief operating officer, our CEO and both account leads will meet "
        "quarterly to review the roadmap, the budget and the relationship itself.",
        Fact("review_cadence", "all", 90, "day", "will meet quarterly"),
    )
    d.p(
        "You will have live access to the ticket queue, SLA attainment and asset inventory in our client "
        "portal, and a written monthly report with every service level measured against its target."
    )
    d.p(
        "Disagreements are escalated from the account manager to our Service Delivery Director within five "
        "business days, and then to the steering committee, before either party may start the formal dispute "
        "process in the agreement."
    )

    d.h1("6. Roles and responsibilities")
    d.p(
        "The RACI matrix below sets out who does what (R responsible, A accountable, C consulted, I informed)."
    )
    raci = [
        ["Activity", "Cobalt Ridge", "Alder Creek"],
        ["Service desk and incident handling", "R, A", "I"],
        ["Prioritising incidents with clinical impact", "R", "A, C"],
        ["Monitoring of servers, network and backups", "R, A", "I"],
        ["Patch management for servers and workstations", "R, A", "I"],
        ["Approval of changes to clinical systems", "R", "A"],
        ["EHR vendor liaison", "R", "A"],
        ["User account creation and removal", "R", "A (requests)"],
        ["Security awareness training content", "R", "A"],
        ["Asset register and documentation", "R", "A"],
        ["Backup restore tests", "R, A", "I"],
        ["Disaster recovery plan", "R", "A"],
        ["Hardware procurement", "R", "A"],
        ["Licence management (Microsoft 365, EHR)", "R", "A"],
        ["Budget and roadmap planning", "C", "R, A"],
        ["Clinic moves, adds and changes", "R", "A"],
        ["New clinic openings", "R", "A"],
        ["Third-party telecoms providers", "R", "A"],
        ["Internet and WAN carrier escalation", "R", "I"],
        ["Printer and scanner fleet", "R", "I"],
        ["Mobile device management", "R, A", "I"],
        ["Incident post-mortems", "R", "C"],
        ["Monthly service report", "R, A", "I"],
        ["Access reviews (quarterly)", "R", "A"],
        ["Offboarding of leavers", "R", "A (requests)"],
        ["Vendor contracts for line-of-business software", "C", "R, A"],
        ["Policy approval", "C", "R, A"],
    ]
    d.table(raci, [90, 40, 40])
    d.h2("Client responsibilities")
    d.bullets(
        "The Client shall designate a named IT liaison and a deputy, with authority to approve changes.",
        (
            "The Client shall respond to our requests for information on Critical incidents within thirty (30) "
            "minutes.",
            Fact(
                "response_time",
                "P1",
                30,
                "minute",
                "Critical incidents within thirty (30) minutes",
                party="client",
            ),
        ),
        "The Client shall provide remote access and, where needed, physical access to clinics during business "
        "hours.",
        "The Client shall keep its EHR vendor support contract current.",
    )

    d.h1("7. Implementation plan")
    d.p(
        "Onboarding will be completed within 45 days of contract signature, following the plan below. Your "
        "current provider's contract ends on 31 January 2027, which leaves comfortable time for a parallel run.",
        Fact(
            "onboarding_duration", "all", 45, "day", "Onboarding will be completed within 45 days"
        ),
    )
    d.table(
        [
            ["Weeks", "Phase", "Outcome"],
            [
                "1-2",
                "Discovery",
                "Site surveys of all clinics; documentation and credential inventory",
            ],
            [
                "3-4",
                "Tooling",
                "Monitoring, backup and remote-support agents deployed and verified",
            ],
            [
                "5-6",
                "Transition",
                "Service desk cut-over, one clinic at a time, with floor-walkers",
            ],
            ["7", "Acceptance", "Joint acceptance review against the transition checklist"],
        ],
        [20, 32, 118],
    )
    d.p(
        "Every change to clinical systems goes through our change management process: a written request, "
        "impact and rollback plan, approval by your IT liaison and a change advisory board before "
        "implementation."
    )
    d.p(
        "We will run short training sessions at each clinic and send plain-language communications to all staff "
        "before every cut-over, so that nobody on a clinic floor is surprised by a new number or a new tool."
    )

    d.h1("8. Security and compliance")
    d.p(
        "Cobalt Ridge holds a SOC 2 Type II report, audited every year, and will sign a HIPAA Business "
        "Associate Agreement. Our engineers complete HIPAA privacy and security training every year."
    )

    d.h1("9. Control, documentation and exit")
    d.p(
        f"{CLIENT} keeps full ownership of all administrator credentials, stored in a password vault that you "
        "own; Cobalt Ridge engineers use named accounts that you can audit and revoke at any time. All "
        "documentation is kept in your own SharePoint site."
    )
    d.p(
        "On termination, for any reason, we will provide up to 60 days of exit assistance, including handover "
        "documentation and knowledge transfer to your new provider, at no extra charge."
    )

    d.h1("10. Commercial terms")
    d.p(
        "The initial term of the agreement will be thirty-six (36) months.",
        Fact("contract_term", "all", 36, "month", "thirty-six (36) months"),
    )
    d.p(
        f"After the first twelve months, {CLIENT} may terminate for convenience on sixty (60) days' written "
        "notice, without penalty.",
        Fact("termination_notice", "all", 60, "day", "sixty (60) days' written notice"),
    )
    d.p(
        "Fees are set out in the separate price sheet. Invoices are payable within 30 days. Each party's "
        "liability is capped at the fees paid in the preceding 12 months. This proposal is valid for 90 days."
    )

    d.h1("Appendix A. Definitions")
    d.p(
        "<b>Business hours</b> means 07:00 to 18:00 Pacific Time, Monday to Friday, excluding public holidays. "
        "<b>Business day</b> means a day on which business hours apply. <b>Critical</b> means an incident that "
        "stops a clinic from seeing patients.",
        small=True,
    )
    d.h1("Appendix B. Service level summary")
    d.p(
        "For convenience: Critical incidents receive a first response in 15 min, 24x7, and a fix or workaround "
        "in 4 h. The full schedule in section 4 prevails.",
        small=True,
    )
    return d


def cobalt_prices() -> Proposal:
    look = Look(
        landscape(LETTER),
        "Helvetica",
        "Helvetica-Bold",
        COBALT.accent,
        f"Cobalt Ridge IT Partners | Price sheet for {CLIENT}",
        "Page {page} of {total}",
        "center",
    )
    d = Proposal("price-sheet.pdf", look)
    d.h1("Price sheet: managed IT services")
    d.p(
        f"Reference RFP {RFP}. All prices in US dollars, excluding sales tax. Monthly fees are calculated on "
        "the actual number of users and servers at the start of each month."
    )
    d.table(
        [
            ["Item", "Unit", "Estimated quantity", "Price"],
            [
                "Managed user, all-inclusive (service desk, devices, Microsoft 365, security)",
                "per user per month",
                "210",
                "USD 142.00",
            ],
            ["Managed server (physical or virtual)", "per server per month", "14", "USD 95.00"],
            ["Onboarding and transition", "one-time", "1", "USD 14,500.00"],
            ["Project and out-of-scope work", "per hour", "as agreed", "USD 165.00"],
        ],
        [120, 50, 40, 40],
        Fact("price", "per_user", 142, "USD/month", "per user per month 210 USD 142.00"),
        Fact("price", "per_device", 95, "USD/month", "per server per month 14 USD 95.00"),
        Fact("price", "onboarding", 14500, "USD", "one-time 1 USD 14,500.00"),
        Fact("price", "hourly", 165, "USD/hour", "per hour as agreed USD 165.00"),
    )
    d.h2("Notes")
    d.bullets(
        "Prices are fixed for the first 24 months; thereafter increases are limited to 3 percent a year.",
        "Travel to any clinic within 60 miles of Portland is included.",
        "Hardware and software licences are passed through at cost plus 8 percent.",
        "Emergency work on Critical incidents is never billed, at any hour.",
    )
    return d


# --- vendor 2: Fernhill Systems (Severity 1-4, table across a page break) ---------------

FERNHILL = Look(
    LETTER,
    "Times-Roman",
    "Times-Bold",
    colors.Color(0.13, 0.4, 0.24),
    f"Fernhill Systems, Inc. | Response to {RFP}",
    "Page {page} of {total}",
    "center",
)


def fernhill() -> Proposal:
    d = Proposal("fernhill-systems.pdf", FERNHILL)
    d.cover(
        "Proposal for Managed Services",
        f"{CLIENT}",
        f"Response to RFP {RFP}",
        "Fernhill Systems, Inc., 800 W Main Street, Boise, Idaho",
        "October 30, 2026",
    )
    d.contents("Table of Contents")

    d.h1("1. Introduction")
    d.p(
        "Fernhill Systems has delivered managed IT services since 1998 from our operations centre in Boise. "
        "With 310 employees and more than 42,000 endpoints under management, we bring the scale of a national "
        "provider and the attention of a regional one."
    )
    restated(d)
    d.p(
        "According to the HHS breach portal, 725 large healthcare data breaches were reported in 2024, and the "
        "average cost of a healthcare breach exceeded USD 9.7 million. Security is therefore at the centre of "
        "our proposal."
    )

    d.h1("2. Service description")
    d.bullets(
        (
            "Helpdesk: our helpdesk will answer calls 24 hours a day, 7 days a week, including holidays.",
            Fact(
                "support_hours",
                "helpdesk",
                None,
                "24x7",
                "will answer calls 24 hours a day, 7 days a week",
            ),
        ),
        "Outside Coverage Hours, calls are handled by our first-line night desk; tickets other than Severity 1 "
        "are passed to second-line engineers on the next business day.",
        "Escalation to an on-call senior engineer outside Coverage Hours for Severity 2 to 4 incidents is billed "
        "at the after-hours rate in section 6.",
        (
            "Monitoring: your servers and network will be monitored 24x7 by the Fernhill NOC.",
            Fact(
                "support_hours", "noc", None, "24x7", "will be monitored 24x7 by the Fernhill NOC"
            ),
        ),
        "Co-managed option: Fernhill can work alongside your internal IT coordinator in a co-managed model, "
        "sharing our ticketing system, documentation and runbooks with your staff.",
    )
    d.p(
        "Our helpdesk typically resolves 70 percent of calls at first contact.",
        Fact(
            "first_contact_resolution",
            "all",
            70,
            "percent",
            "typically resolves 70 percent",
            strength="soft",
        ),
    )

    d.h1("3. Service Level Agreement")
    d.p(
        "The schedule below sets out the service levels Fernhill commits to. Response means a qualified "
        "technician has begun work on the ticket; resolution means service is restored, permanently or by a "
        "workaround. Service levels are measured during Coverage Hours (Appendix A) except for Severity 1."
    )
    d.p(
        "Severity is assigned by Fernhill on the basis of business impact and may be revised as an incident "
        "develops. Where you disagree with a severity, the duty manager decides within one hour."
    )
    d.p(
        "The tables in this section are also provided as a spreadsheet on request. Each row states the metric, "
        "the commitment and the way it is measured, so that the monthly report can be read against it."
    )
    d.table(
        [
            ["Metric", "Commitment", "Measurement"],
            ["Severity 1 response", "30 minutes", "24x7; time to first technician action"],
            ["Severity 1 resolution", "8 hours", "24x7; service restored or workaround in place"],
            ["Severity 2 response", "1 hour", "Coverage Hours"],
            ["Severity 2 resolution", "1 business day", "Coverage Hours"],
            ["Severity 3 response", "4 business hours", "Coverage Hours"],
            ["Severity 3 resolution", "3 business days", "Coverage Hours"],
            ["Severity 4 response", "1 business day", "Coverage Hours"],
            ["Severity 4 resolution", "10 business days", "Coverage Hours"],
            [
                "Availability of managed servers and network",
                "99.9 percent per month",
                "Excludes scheduled maintenance, announced 5 business days ahead",
            ],
            ["Backup recovery point", "4 hours", "Snapshots of all managed servers"],
            ["Recovery time, critical systems", "8 hours", "From declaration of a disaster"],
            ["Critical security patches", "within 14 days", "From the vendor's release"],
            ["Monthly service report", "5th business day", "Published in the client portal"],
            ["Quarterly business review", "every quarter", "On site or by video"],
        ],
        [62, 44, 64],
        Fact("response_time", "P1", 30, "minute", "Severity 1 response 30 minutes"),
        Fact("resolution_time", "P1", 480, "minute", "Severity 1 resolution 8 hours"),
        Fact("response_time", "P2", 60, "minute", "Severity 2 response 1 hour"),
        Fact("resolution_time", "P2", 480, "minute", "Severity 2 resolution 1 business day"),
        Fact("response_time", "P3", 240, "minute", "Severity 3 response 4 business hours"),
        Fact("resolution_time", "P3", 1440, "minute", "Severity 3 resolution 3 business days"),
        Fact("response_time", "P4", 480, "minute", "Severity 4 response 1 business day"),
        Fact("resolution_time", "P4", 4800, "minute", "Severity 4 resolution 10 business days"),
        Fact("availability", "all", 99.9, "percent", "99.9 percent per month"),
        Fact("rpo", "all", 240, "minute", "Backup recovery point 4 hours"),
        Fact("rto", "all", 480, "minute", "Recovery time, critical systems 8 hours"),
        Fact("patch_window", "all", 14, "day", "Critical security patches within 14 days"),
        Fact("review_cadence", "all", 90, "day", "Quarterly business review every quarter"),
    )
    d.p(
        "The SLA clock stops while a ticket is pending customer action, and restarts when the customer "
        "responds."
    )
    d.p(
        "Where monthly availability falls below 99.9 percent, Fernhill will credit 5 percent of the monthly fee "
        "for each 0.5 percent shortfall, capped at ten percent (10%) of the monthly recurring fee. Credits must "
        "be claimed within 30 days of the monthly report.",
        Fact(
            "service_credit",
            "all",
            10,
            "percent",
            "capped at ten percent (10%) of the monthly recurring fee",
        ),
    )

    d.h1("4. Account management")
    d.p(
        "Fernhill will assign a named account manager, who will be your first point of contact for anything "
        "that is not a ticket. We will hold a quarterly business review with your leadership, and a service "
        "report is published in the client portal at the end of each month with every ticket, every SLA "
        "measurement and the trend against the previous quarter."
    )

    d.h1("5. Onboarding")
    d.p(
        "Onboarding typically completes within 60 days, in four phases: assessment, tool deployment, "
        "documentation and go-live. A project plan with named owners and dates is agreed in the kick-off "
        "meeting.",
        Fact(
            "onboarding_duration",
            "all",
            60,
            "day",
            "typically completes within 60 days",
            strength="soft",
        ),
    )
    d.p(
        "Fernhill is certified to ISO/IEC 27001:2022 and signs HIPAA Business Associate Agreements with every "
        "healthcare client."
    )
    d.h2("Customer responsibilities")
    d.bullets(
        "The Customer shall provide a primary and a secondary contact for escalations.",
        (
            "The Customer shall ensure that a Customer contact is available to Fernhill within four (4) "
            "business hours of a request.",
            Fact(
                "response_time",
                "all",
                240,
                "minute",
                "within four (4) business hours of a request",
                party="client",
            ),
        ),
        "The Customer shall maintain vendor support for all hardware and software in scope.",
    )

    d.h1("6. Pricing and terms")
    d.table(
        [
            ["Service", "Price"],
            ["Managed user (up to 2 devices)", "USD 118 per user per month"],
            ["Additional managed device", "USD 14 per device per month"],
            ["Onboarding (one-time)", "USD 9,800"],
            ["Project work, business hours", "USD 150 per hour"],
            ["After-hours engineering", "USD 225 per hour"],
        ],
        [90, 80],
        Fact("price", "per_user", 118, "USD/month", "USD 118 per user per month"),
        Fact("price", "per_device", 14, "USD/month", "USD 14 per device per month"),
        Fact("price", "onboarding", 9800, "USD", "Onboarding (one-time) USD 9,800"),
        Fact("price", "hourly", 150, "USD/hour", "USD 150 per hour"),
        Fact("price", "hourly", 225, "USD/hour", "USD 225 per hour"),
    )
    d.p(
        "The initial term is 36 months.",
        Fact("contract_term", "all", 36, "month", "initial term is 36 months"),
    )
    d.p(
        "Thereafter the Agreement renews automatically for successive twelve (12) month periods unless either "
        "party gives written notice of non-renewal at least ninety (90) days before the end of the then-current "
        "term.",
        Fact("termination_notice", "all", 90, "day", "at least ninety (90) days before the end"),
    )
    d.p(
        "Payment terms are net 30; late payments accrue interest at 1.5 percent per month. Fernhill's total "
        "liability is limited to the fees paid in the six months before the claim."
    )

    d.h1("Appendix A. Definitions")
    d.p(
        "<b>Coverage Hours</b> means 06:00 to 20:00 Mountain Time, Monday to Friday, excluding US federal "
        "holidays. <b>Severity 1</b> means a complete loss of a critical service affecting multiple users. "
        "<b>Business day</b> means a weekday within Coverage Hours.",
        small=True,
    )
    return d


# --- vendor 3: Pinecrest Networks (soft SLA, two-column page) ---------------------------

PINECREST = Look(
    LETTER,
    "Helvetica",
    "Helvetica-Bold",
    colors.Color(0.45, 0.25, 0.1),
    "Pinecrest Networks LLC - Managed IT Proposal",
    "Page {page} of {total}",
    "right",
)


def pinecrest() -> Proposal:
    d = Proposal("pinecrest-networks.pdf", PINECREST)
    d.cover(
        "Managed IT Proposal",
        f"for {CLIENT}",
        "Pinecrest Networks LLC, Eugene, Oregon",
        "Contents: About Pinecrest; Our approach; Service levels; Pricing and terms",
    )
    d.story.pop()  # the cover's page break: the two-column page starts the next page itself
    d.story.pop()
    d.columns()
    d.h1("About Pinecrest")
    d.p(
        "Pinecrest is a family-owned business, founded in 2004, with 38 staff who support about 4,200 devices "
        "for small and mid-size organisations in the Willamette Valley. Most of our clients have been with us "
        "for more than eight years."
    )
    d.p(
        "We keep things simple: one flat price per user, one phone number, and people who know your name."
    )
    d.p("Last year we closed 11,800 tickets with an average satisfaction score of 4.8 out of 5.")
    d.h2("Why clinics choose us")
    d.bullets(
        "Local engineers who can be at most Lane County clinics within the hour.",
        "Experience with the scheduling, imaging and dictation systems small practices use.",
        "No call centre: the person who answers the phone is a technician.",
    )
    d.p(
        "<b>Client story.</b> When Coburg Family Dental moved to Pinecrest in 2022, its monthly ticket count "
        "fell from 140 to 55 within six months, after we replaced eleven ageing workstations and cleaned up its "
        "network."
    )
    d.p(
        "Industry studies suggest that small practices lose around 14 hours of productivity per employee each "
        "year to IT problems. We think that number should be close to zero."
    )
    d.next_column()
    d.h1("Our approach")
    d.p(
        "Our help desk will answer calls 24 hours a day, 365 days a year, from our office in Eugene.",
        Fact(
            "support_hours",
            "helpdesk",
            None,
            "24x7",
            "will answer calls 24 hours a day, 365 days a year",
        ),
    )
    d.p(
        "You will have a named account manager who visits each clinic at least twice a year and is your "
        "contact for planning and purchasing."
    )
    d.p(
        "Pinecrest retains domain administrator credentials for the security of your environment. Credentials "
        "are released on termination once all invoices are settled."
    )
    d.p(
        "On-site support is available during business hours at additional cost.",
        Fact(
            "support_hours",
            "onsite",
            None,
            "business_hours",
            "On-site support is available during business hours",
            strength="conditional",
        ),
    )
    d.h2("Onboarding plan")
    d.p(
        "Onboarding is completed within 30 days: in week 1 we document your network, in week 2 we install our "
        "monitoring agent, in week 3 we move the help desk over and in week 4 we review the handover with you.",
        Fact("onboarding_duration", "all", 30, "day", "Onboarding is completed within 30 days"),
    )
    d.p(
        "We will send a welcome e-mail and a one-page guide to every staff member before go-live, explaining "
        "how to reach the help desk."
    )
    d.single()

    d.h1("Service levels")
    d.table(
        [
            ["Priority", "We will respond within", "We aim to resolve within"],
            ["P1", "30 minutes", "4 hours"],
            ["P2", "2 hours", "1 business day"],
            ["P3", "8 business hours", "3 business days"],
            ["P4", "2 business days", "best effort"],
        ],
        [30, 60, 60],
        Fact("response_time", "P1", 30, "minute", "P1 30 minutes 4 hours"),
        Fact("resolution_time", "P1", 240, "minute", "P1 30 minutes 4 hours", strength="soft"),
        Fact("response_time", "P2", 120, "minute", "P2 2 hours 1 business day"),
        Fact("resolution_time", "P2", 480, "minute", "P2 2 hours 1 business day", strength="soft"),
        Fact("response_time", "P3", 480, "minute", "P3 8 business hours 3 business days"),
        Fact(
            "resolution_time",
            "P3",
            1440,
            "minute",
            "P3 8 business hours 3 business days",
            strength="soft",
        ),
        Fact("response_time", "P4", 960, "minute", "P4 2 business days"),
    )
    d.p(
        "Resolution times are targets, not guarantees: every network is different and some fixes depend on "
        "third parties."
    )
    d.p(
        "We aim for 99.5 percent uptime on the servers we manage.",
        Fact(
            "availability",
            "all",
            99.5,
            "percent",
            "We aim for 99.5 percent uptime",
            strength="soft",
        ),
    )
    d.p(
        "We do not offer service credits. If something goes wrong, we fix it.",
        Fact(
            "service_credit",
            "all",
            None,
            "percent",
            "We do not offer service credits",
            strength="excluded",
        ),
    )
    d.p(
        "Backups will run every night, giving a recovery point of no more than twenty-four (24) hours. Restores "
        "are handled on a best-effort basis.",
        Fact("rpo", "all", 1440, "minute", "recovery point of no more than twenty-four (24) hours"),
    )

    d.h1("Pricing and terms")
    d.bullets(
        (
            "Managed user: USD 96 per user per month, including two devices.",
            Fact("price", "per_user", 96, "USD/month", "USD 96 per user per month"),
        ),
        (
            "Additional devices: USD 12 per device per month.",
            Fact("price", "per_device", 12, "USD/month", "USD 12 per device per month"),
        ),
        (
            "Setup fee: USD 4,500, one-time.",
            Fact("price", "onboarding", 4500, "USD", "Setup fee: USD 4,500"),
        ),
        (
            "Standard hourly rate for projects: USD 125 per hour.",
            Fact("price", "hourly", 125, "USD/hour", "USD 125 per hour"),
        ),
        (
            "Emergency after-hours call-outs are billed at USD 180 per hour.",
            Fact("price", "hourly", 180, "USD/hour", "USD 180 per hour"),
        ),
    )
    d.p(
        "The agreement runs for a 36-month term and renews automatically for a further 36 months unless "
        "cancelled in writing at least 120 days before expiry.",
        Fact("contract_term", "all", 36, "month", "36-month term"),
        Fact("termination_notice", "all", 120, "day", "at least 120 days before expiry"),
    )
    d.p("Invoices are due on receipt. Our liability is limited to one month of fees.")
    return d


# --- vendor 4: Nordvik Digital Services (EUR, A4; no 24x7 helpdesk) ---------------------

NORDVIK = Look(
    A4,
    "Helvetica",
    "Helvetica-Bold",
    colors.Color(0.0, 0.42, 0.45),
    "Nordvik Digital Services B.V. | Offer NDS-2026-117",
    "Page {page} of {total}",
    "left",
)


def nordvik() -> Proposal:
    d = Proposal("nordvik-digital.pdf", NORDVIK)
    d.cover(
        "Offer for Managed Workplace and Infrastructure Services",
        f"{CLIENT}",
        "Offer NDS-2026-117, 2 November 2026",
        "Nordvik Digital Services B.V., Amsterdam and Seattle",
    )
    d.contents()

    d.h1("1. Summary")
    d.p(
        "Nordvik Digital Services is a European managed service provider with 520 staff, headquartered in "
        "Amsterdam since 2002, with a US delivery hub in Seattle that serves 40 clients on the West Coast. Our "
        "group price book is denominated in euros; prices in this offer are therefore stated in EUR."
    )
    restated(d)

    d.h1("2. Service scope")
    d.p(
        "Our remote service desk will be available Monday to Friday, 07:00 to 19:00 Pacific Time.",
        Fact(
            "support_hours",
            "helpdesk",
            None,
            "business_hours",
            "Monday to Friday, 07:00 to 19:00 Pacific Time",
        ),
    )
    d.p(
        "24x7 service desk cover is available as an optional add-on at additional cost (see section 6).",
        Fact(
            "support_hours",
            "helpdesk",
            None,
            "24x7",
            "24x7 service desk cover is available as an optional add-on",
            strength="conditional",
        ),
    )
    d.p(
        "Our NOC shall monitor your servers, network and cloud services 24x7, and shall open a Priority 1 ticket "
        "automatically when a critical alert fires.",
        Fact("support_hours", "noc", None, "24x7", "Our NOC shall monitor your servers"),
    )
    d.p(
        "Incidents that the first engineer cannot resolve within 30 minutes are escalated to a senior "
        "engineer or architect; we do not use a tiered call centre."
    )
    d.p(
        "Critical security patches shall be installed within 7 days of release.",
        Fact("patch_window", "all", 7, "day", "installed within 7 days of release"),
    )
    d.p(
        "We can operate fully managed or co-managed with your own IT staff, sharing tooling and documentation."
    )

    d.h1("3. Service levels")
    d.table(
        [
            ["Priority", "Response", "Resolution", "Definition"],
            ["Priority 1", "20 minutes", "4 hours", "Critical service unavailable for a clinic"],
            ["Priority 2", "1 hour", "8 hours", "Critical service degraded"],
            ["Priority 3", "4 business hours", "2 business days", "Single user affected"],
            ["Priority 4", "next business day", "5 business days", "Service requests"],
        ],
        [26, 32, 32, 80],
        Fact("response_time", "P1", 20, "minute", "Priority 1 20 minutes 4 hours"),
        Fact("resolution_time", "P1", 240, "minute", "Priority 1 20 minutes 4 hours"),
        Fact("response_time", "P2", 60, "minute", "Priority 2 1 hour 8 hours"),
        Fact("resolution_time", "P2", 480, "minute", "Priority 2 1 hour 8 hours"),
        Fact("response_time", "P3", 240, "minute", "Priority 3 4 business hours 2 business days"),
        Fact("resolution_time", "P3", 960, "minute", "Priority 3 4 business hours 2 business days"),
        Fact("response_time", "P4", 480, "minute", "Priority 4 next business day 5 business days"),
        Fact(
            "resolution_time", "P4", 2400, "minute", "Priority 4 next business day 5 business days"
        ),
    )
    d.p(
        "Nordvik shall meet these response and resolution times. Outside service desk hours, Priority 3 and 4 "
        "tickets are handled on the next business day."
    )
    d.p(
        "Nordvik shall provide availability of 99.9 percent per month for the managed infrastructure. Where we "
        "fall short, service credits of up to 15 percent of the monthly charge apply automatically.",
        Fact("availability", "all", 99.9, "percent", "availability of 99.9 percent per month"),
        Fact("service_credit", "all", 15, "percent", "service credits of up to 15 percent"),
    )
    d.p(
        "Backups run every hour: Nordvik shall restore data to a recovery point no older than one (1) hour, and "
        "shall restore critical systems within four (4) hours of a declared disaster.",
        Fact("rpo", "all", 60, "minute", "no older than one (1) hour"),
        Fact("rto", "all", 240, "minute", "within four (4) hours of a declared disaster"),
    )

    d.h1("4. Governance")
    d.p(
        "A dedicated service delivery manager will lead your account. We shall hold a service review every "
        "month, and an executive sponsor from our US board will chair a quarterly steering board with your "
        "leadership.",
        Fact("review_cadence", "all", 30, "day", "service review every month"),
        Fact("review_cadence", "all", 90, "day", "quarterly steering board"),
    )
    d.p(
        "Reports on every service level, ticket and change are available in our portal at any time."
    )
    d.p(
        "Every change follows our change management procedure with risk assessment, approval and a tested "
        "rollback plan."
    )
    d.p(
        "Disputes follow a three-step escalation ladder: service delivery manager, then account director, then "
        "the steering board. If that fails, the parties shall refer the dispute to mediation before any court "
        "proceedings."
    )

    d.h1("5. Security, ownership and exit")
    d.p(
        "Nordvik is certified to ISO/IEC 27001 and ISO 9001 and will sign a HIPAA Business Associate "
        "Agreement."
    )
    d.p(
        "The Client remains the owner of all credentials, configurations and documentation, which are kept in "
        "a Client-owned vault and repository."
    )
    d.p(
        "At the end of the agreement we shall provide an exit plan and assistance for up to 90 days to hand the "
        "service over to the Client or a successor."
    )

    d.h1("6. Prices")
    d.table(
        [
            ["Service", "Unit", "Price"],
            ["Managed workplace user", "per user per month", "EUR 104"],
            ["Endpoint monitoring add-on", "per device per month", "EUR 18"],
            ["Transition (one-time)", "one-time", "EUR 11,000"],
            ["Consulting and projects", "per hour", "EUR 140"],
            ["Optional 24x7 service desk add-on", "per user per month", "EUR 22"],
        ],
        [80, 50, 40],
        Fact(
            "price",
            "per_user",
            104,
            "EUR/month",
            "Managed workplace user per user per month EUR 104",
        ),
        Fact("price", "per_device", 18, "EUR/month", "per device per month EUR 18"),
        Fact("price", "onboarding", 11000, "EUR", "Transition (one-time) one-time EUR 11,000"),
        Fact("price", "hourly", 140, "EUR/hour", "per hour EUR 140"),
        Fact(
            "price",
            "per_user",
            22,
            "EUR/month",
            "Optional 24x7 service desk add-on per user per month EUR 22",
            strength="conditional",
        ),
    )
    d.p(
        "The initial term is twelve (12) months. After that the agreement continues month to month and may be "
        "ended by either party with thirty (30) days' notice.",
        Fact("contract_term", "all", 12, "month", "initial term is twelve (12) months"),
        Fact("termination_notice", "all", 30, "day", "thirty (30) days' notice"),
    )
    d.p(
        "We shall endeavour to complete the transition within 30 days of signature.",
        Fact(
            "onboarding_duration",
            "all",
            30,
            "day",
            "endeavour to complete the transition within 30 days",
            strength="soft",
        ),
    )
    d.p(
        "Prices exclude VAT and sales tax. Invoices are payable within 30 days. Liability is limited to 100 "
        "percent of the annual charges.",
        small=True,
    )
    return d


# --- who is who: files, team-fit evidence, risk flags -------------------------------------


@dataclass(frozen=True)
class Vendor:
    id: str
    docs: tuple  # of callables returning Proposal
    criteria: dict  # criterion id -> phrase the documents show
    risks: dict  # risk flag -> phrase the documents show

    @property
    def is_folder(self) -> bool:
        return len(self.docs) > 1


VENDORS = (
    Vendor(
        "cobalt-ridge-it",
        (cobalt_proposal, cobalt_prices),
        {
            "dedicated-account-manager": "A dedicated account manager, Dana Whitfield",
            "senior-escalation": "escalated to an on-call senior engineer, at no additional charge",
            "governance-cadence": "service review with your practice administrator every month",
            "executive-oversight": "A steering committee of your chief operating officer",
            "reporting-transparency": "live access to the ticket queue, SLA attainment",
            "conflict-resolution": "Disagreements are escalated from the account manager",
            "performance-incentives": "the credit for the second month doubles",
            "roles-responsibilities": "The RACI matrix below sets out who does what",
            "client-obligations": "The Client shall designate a named IT liaison",
            "implementation-plan": "Onboarding will be completed within 45 days",
            "change-management": "Every change to clinical systems goes through our change management process",
            "adoption-communication": "send plain-language communications to all staff",
            "security-compliance": "holds a SOC 2 Type II report",
            "control-retention": "keeps full ownership of all administrator credentials",
            "exit-assistance": "up to 60 days of exit assistance",
            "flexibility": "may terminate for convenience",
        },
        {
            "clock-stop": "The resolution clock is paused while a ticket is in Awaiting Client status",
        },
    ),
    Vendor(
        "fernhill-systems",
        (fernhill,),
        {
            "dedicated-account-manager": "Fernhill will assign a named account manager",
            "governance-cadence": "We will hold a quarterly business review",
            "reporting-transparency": "a service report is published in the client portal",
            "co-managed-collaboration": "work alongside your internal IT coordinator in a co-managed model",
            "implementation-plan": "A project plan with named owners and dates",
            "security-compliance": "certified to ISO/IEC 27001:2022",
            "client-obligations": "The Customer shall provide a primary and a secondary contact",
        },
        {
            "first-line-only": "calls are handled by our first-line night desk",
            "extra-cost": "is billed at the after-hours rate",
            "clock-stop": "The SLA clock stops while a ticket is pending customer action",
            "auto-renewal": "renews automatically for successive twelve (12) month periods",
        },
    ),
    Vendor(
        "pinecrest-networks",
        (pinecrest,),
        {
            "dedicated-account-manager": "You will have a named account manager",
            "implementation-plan": "in week 1 we document your network",
            "adoption-communication": "a one-page guide to every staff member",
        },
        {
            "soft-sla": "Resolution times are targets, not guarantees",
            "no-penalty": "We do not offer service credits",
            "vendor-holds-keys": "Pinecrest retains domain administrator credentials",
            "auto-renewal": "renews automatically for a further 36 months",
            "extra-cost": "Emergency after-hours call-outs are billed",
        },
    ),
    Vendor(
        "nordvik-digital",
        (nordvik,),
        {
            "dedicated-account-manager": "A dedicated service delivery manager will lead your account",
            "senior-escalation": "escalated to a senior engineer or architect",
            "governance-cadence": "We shall hold a service review every month",
            "executive-oversight": "an executive sponsor from our US board will chair a quarterly steering board",
            "reporting-transparency": "Reports on every service level, ticket and change are available",
            "change-management": "Every change follows our change management procedure",
            "conflict-resolution": "Disputes follow a three-step escalation ladder",
            "co-managed-collaboration": "co-managed with your own IT staff",
            "security-compliance": "certified to ISO/IEC 27001",
            "control-retention": "The Client remains the owner of all credentials",
            "exit-assistance": "exit plan and assistance for up to 90 days",
            "flexibility": "continues month to month",
        },
        {
            "extra-cost": "optional add-on at additional cost",
        },
    ),
)


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


def build(out_dir: Path) -> dict:
    """Render every vendor into `out_dir`; return the truth (contract section 3)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    truth = {}
    for vendor in VENDORS:
        folder = out_dir / vendor.id if vendor.is_folder else out_dir
        folder.mkdir(parents=True, exist_ok=True)
        commitments, all_texts = [], []
        for make in vendor.docs:
            doc = make()
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
    import yaml

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
    print(
        f"wrote {sum(len(v.docs) for v in VENDORS)} PDFs to {args.out} and the truth to {args.truth}"
    )
    print("expected ranking:", ranking, "eliminated:", eliminated)


if __name__ == "__main__":
    main()
