"""Hand-made extraction, criteria and decision records for the memo and export tests."""

from __future__ import annotations

from msp_select.decide.sensitivity import FirstPlace, Sensitivity
from msp_select.models import (
    Column,
    Commitment,
    Criteria,
    Decision,
    DocumentInfo,
    Evidence,
    Goal,
    RankedVendor,
    RiskFlag,
    Source,
    TeamFitCriterion,
    TeamFitScore,
    VendorExtraction,
    Verdict,
)

EVIL = "<script>alert(1)</script>"
TEMPLATE_QUOTE = "Priority 1: we aim to respond within {{ 7*7 }} minutes | typically"


def _src(file: str, page: int, kind: str = "text") -> Source:
    return Source(file=file, page=page, kind=kind)


def build(evil_name: str = EVIL):
    """(extractions, criteria, decision) for three vendors: acme wins, evil second, core out."""
    acme_p1 = Commitment(
        "response_time",
        "P1",
        15,
        "minute",
        "binding",
        "provider",
        "Priority 1: we respond within 15 minutes, 24x7x365",
        _src("acme.pdf", 4, "table"),
    )
    acme = VendorExtraction(
        vendor="acme",
        documents=(DocumentInfo("acme.pdf", "a" * 64, 12),),
        commitments=(
            acme_p1,
            Commitment(
                "price",
                "flat",
                11000,
                "USD/month",
                "binding",
                "provider",
                '=HYPERLINK("http://x") monthly fee USD 11,000',
                _src("acme.pdf", 9),
            ),
            Commitment(
                "response_time",
                "all",
                None,
                "minute",
                "binding",
                "client",
                "The Client shall designate a single point of contact",
                _src("acme.pdf", 11),
            ),
        ),
        criteria_evidence=(
            Evidence(
                "dedicated-account-manager",
                "binding",
                "A named account manager will lead quarterly reviews",
                _src("acme.pdf", 7),
            ),
        ),
        risk_flags=(
            RiskFlag(
                "auto-renewal",
                "This agreement renews automatically for 12 months",
                _src("acme.pdf", 10),
            ),
        ),
    )
    evil_p1 = Commitment(
        "response_time", "P1", 30, "minute", "soft", "provider", TEMPLATE_QUOTE, _src("evil.pdf", 3)
    )
    evil = VendorExtraction(
        vendor=evil_name,
        documents=(DocumentInfo("evil.pdf", "b" * 64, 8),),
        commitments=(
            evil_p1,
            Commitment(
                "price",
                "flat",
                9000,
                "USD/month",
                "conditional",
                "provider",
                "-2+3 USD 9,000 per month subject to a 36-month term",
                _src("evil.pdf", 5),
            ),
        ),
        risk_flags=(
            RiskFlag(
                "clock-stop",
                "The SLA clock stops while we await @client input",
                _src("evil.pdf", 6),
            ),
        ),
    )
    core = VendorExtraction(vendor="core", documents=(DocumentInfo("core.pdf", "c" * 64, 5),))
    criteria = Criteria(
        goals=(
            Goal(
                "p1-response",
                "Priority-1 incidents get a first response fast",
                "response_time",
                "P1",
                "<=",
                30,
                "minute",
                0.5,
                must_have=True,
            ),
            Goal(
                "budget",
                "Stay within the monthly budget",
                "price",
                "flat",
                "<=",
                12000,
                "USD/month",
                0.3,
            ),
        ),
        team_fit=(TeamFitCriterion("dedicated-account-manager", 0.2),),
        sha256="d" * 64,
        files=("criteria/goals.yaml",),
    )
    vendors = ("acme", evil_name, "core")
    decision = Decision(
        method="topsis",
        columns=(
            Column("p1-response", "min", 0.5, "goal", "P1 response"),
            Column("budget", "min", 0.3, "goal", "Monthly price"),
            Column("dedicated-account-manager", "max", 0.2, "team_fit", "Account manager"),
        ),
        vendors=vendors,
        matrix=((15, 11000, 1.0), (30, 9000, 0.0), (None, None, 0.0)),
        ranking=(
            RankedVendor("acme", 1, 0.81),
            RankedVendor(evil_name, 2, 0.64),
            RankedVendor(
                "core",
                3,
                0.0,
                eliminated=True,
                reasons=("Priority-1 incidents get a first response fast: not addressed",),
            ),
        ),
        verdicts=(
            Verdict("acme", "p1-response", "meets", 15, 30, "minute", "15 <= 30", (acme_p1,)),
            Verdict("acme", "budget", "meets", 11000, 12000, "USD/month", "ok"),
            Verdict(evil_name, "p1-response", "partial", 30, 30, "minute", "soft", (evil_p1,)),
            Verdict(
                evil_name,
                "budget",
                "meets",
                9000,
                12000,
                "USD/month",
                "ok",
                overridden="analyst confirmed price by phone",
            ),
            Verdict("core", "p1-response", "not_addressed", None, 30, "minute", "none"),
            Verdict("core", "budget", "not_addressed", None, 12000, "USD/month", "none"),
        ),
        team_fit=(
            TeamFitScore(
                "acme",
                "dedicated-account-manager",
                1.0,
                "binding",
                "named AM",
                acme.criteria_evidence,
            ),
            TeamFitScore(evil_name, "dedicated-account-manager", 0.0, "none", "nothing"),
            TeamFitScore(
                "core", "dedicated-account-manager", 0.5, "manual", "analyst", manual=True
            ),
        ),
        sensitivity=Sensitivity(
            vendors=("acme", evil_name, "core"),
            method="TOPSIS",
            samples=1000,
            margin=0.031,
            seed=0,
            noise="",
            winner="acme",
            first_place=(
                FirstPlace("acme", 0.83),
                FirstPlace(evil_name, 0.17),
                FirstPlace("core", 0.0),
            ),
            sentences=("acme stays first in 83% of 1000 random weight draws.",),
        ),
        missing_values="a value not stated counts as the worst value among vendors.",
        overrides=("core: dedicated-account-manager scored 0.5 by hand (analyst call)",),
    )
    return (acme, evil, core), criteria, decision
