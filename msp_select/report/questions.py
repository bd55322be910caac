"""Clarification questions for each vendor, generated from the gaps in its proposal.

Templates live in data/questions.yaml. Vendor text (quotes) is passed in as a value to
`str.format_map`, so it is never read as a template.
"""

from __future__ import annotations

from collections.abc import Sequence

from msp_select.models import Commitment, Criteria, Decision, VendorExtraction
from msp_select.report.wording import fmt_target, fmt_value, label, load_data, verdict_value

_SCOPES = {
    "all": "",
    "flat": "",
    "helpdesk": " for the helpdesk",
    "noc": " for monitoring (NOC)",
    "onsite": " on site",
    "per_user": " per user",
    "per_device": " per device",
    "onboarding": " for onboarding",
    "hourly": " per hour",
}


def scope_text(scope: str) -> str:
    """ " for P1", " per user", "" for all: a phrase to append to a category name."""
    return _SCOPES.get(scope, f" for {scope}")


def short_quote(text: str, limit: int = 220) -> str:
    """A quote on one line, cut at a word boundary when long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _fill(template: str, **fields: object) -> str:
    return " ".join(template.format_map({k: str(v) for k, v in fields.items()}).split())


def _quote_fields(c) -> dict:
    return {"quote": short_quote(c.quote), "file": c.source.file, "page": c.source.page}


def _goal_matches(goal, c: Commitment) -> bool:
    return c.party == "provider" and c.category == goal.category and c.scope in (goal.scope, "all")


def _goal_fields(goal) -> dict:
    return {
        "goal": goal.title or goal.id,
        "target": fmt_target(goal.op, goal.value, goal.unit),
        "category": label("categories", goal.category),
        "scope": scope_text(goal.scope),
    }


def goal_question(goal, verdict) -> str:
    """The question a goal's verdict raises ("" when the goal is met)."""
    t = load_data("questions.yaml")
    base = _goal_fields(goal)
    if verdict is None or verdict.verdict == "not_addressed":
        template = t["not_addressed_by_category"].get(goal.category, t["not_addressed"])
        return _fill(template, **base)
    if verdict.verdict in ("misses", "partial"):
        return _fill(t[verdict.verdict], value=verdict_value(verdict), **base)
    return ""


def vendor_questions(
    extraction: VendorExtraction, criteria: Criteria, decision: Decision
) -> list[str]:
    """Questions to send one vendor before signing, most important first, without repeats."""
    t = load_data("questions.yaml")
    vendor = extraction.vendor
    verdicts = {v.goal: v for v in decision.verdicts if v.vendor == vendor}
    out: list[str] = []
    asked_quotes: set[str] = set()

    for goal in criteria.goals:
        v = verdicts.get(goal.id)
        base = _goal_fields(goal)
        asked = goal_question(goal, v)
        if asked:
            out.append(asked)
        for c in extraction.commitments:
            if (
                c.strength in ("soft", "conditional", "excluded")
                and _goal_matches(goal, c)
                and c.quote not in asked_quotes
            ):
                asked_quotes.add(c.quote)
                out.append(
                    _fill(
                        t[c.strength],
                        value=fmt_value(c.value, c.unit, adjective=True),
                        **{
                            **base,
                            "category": label("categories", c.category),
                            "scope": scope_text(c.scope),
                        },
                        **_quote_fields(c),
                    )
                )

    for flag in sorted(extraction.risk_flags, key=lambda f: (f.flag, f.source.page, f.quote)):
        template = t["flags"].get(flag.flag)
        if template and flag.quote not in asked_quotes:
            asked_quotes.add(flag.quote)
            out.append(_fill(template, **_quote_fields(flag)))

    scores = {s.criterion: s for s in decision.team_fit if s.vendor == vendor}
    for tf in criteria.team_fit:
        s = scores.get(tf.criterion)
        name = label("criteria", tf.criterion)
        if s is None or s.basis == "none":
            out.append(_fill(t["team_fit_missing"], criterion=name))
        elif s.basis == "soft" and s.evidence:
            out.append(_fill(t["team_fit_soft"], criterion=name, **_quote_fields(s.evidence[0])))

    seen: set[str] = set()
    return [q for q in out if not (q in seen or seen.add(q))]


def all_questions(
    extractions: Sequence[VendorExtraction], criteria: Criteria, decision: Decision
) -> dict[str, list[str]]:
    """Questions per vendor id, vendors in the order of the ranking."""
    by_id = {e.vendor: e for e in extractions}
    order = [r.vendor for r in decision.ranking if r.vendor in by_id]
    order += sorted(v for v in by_id if v not in order)
    return {v: vendor_questions(by_id[v], criteria, decision) for v in order}
