"""What the pages show, as plain dicts for the templates (which escape every value).

The vendor page groups the evidence the way the decision used it: each goal with the
commitments that spoke to it (decide.candidates), each team-fit criterion with its evidence
and the risk flags that lowered its score, then whatever no goal or criterion took.
"""

from __future__ import annotations

from msp_select import decide, models
from msp_select.report import wording
from msp_select.review.forms import item_id
from msp_select.review.session import Session, Snapshot


def _source(session: Session, vendor: str, source: models.Source) -> dict:
    doc = session.doc_index(vendor, source.file)
    bbox = ",".join(f"{x:.2f}" for x in source.bbox) if source.bbox else ""
    return {
        "file": source.file,
        "page": source.page,
        "kind": source.kind,
        "doc": doc,
        "bbox": bbox,
        "viewable": doc is not None,
    }


def _commitment(session, vendor, c: models.Commitment) -> dict:
    return {
        "id": item_id(c),
        "kind": "commitment",
        "category": c.category,
        "scope": c.scope,
        "value": None if c.value is None else f"{c.value:g}",
        "unit": c.unit,
        "shown": wording.fmt_value(c.value, c.unit),
        "strength": c.strength,
        "party": c.party,
        "quote": c.quote,
        "override": c.override,
        "source": _source(session, vendor, c.source),
    }


def _evidence(session, vendor, e: models.Evidence) -> dict:
    return {
        "id": item_id(e),
        "kind": "evidence",
        "criterion": e.criterion,
        "strength": e.strength,
        "quote": e.quote,
        "override": e.override,
        "source": _source(session, vendor, e.source),
    }


def _flag(session, vendor, f: models.RiskFlag) -> dict:
    return {
        "flag": f.flag,
        "label": wording.label("flags", f.flag),
        "quote": f.quote,
        "source": _source(session, vendor, f.source),
    }


def _must_have(snap: Snapshot, session: Session, vendor: str) -> dict:
    """Must-have status: met, or which must-have goals are missed or unconfirmed."""
    must = {g.id: decide.goal_name(g) for g in session.criteria.goals if g.must_have}
    open_goals = [
        (v.goal, v.verdict)
        for v in snap.decision.verdicts
        if v.vendor == vendor and v.goal in must and v.verdict != decide.MEETS
    ]
    if not must:
        return {"status": "none", "text": "no must-have goals"}
    if not open_goals:
        return {"status": "met", "text": "all met"}
    text = "; ".join(
        f"{must[goal]}: {wording.label('verdicts', verdict)}" for goal, verdict in open_goals
    )
    return {"status": "open", "text": text}


def to_review(extraction: models.VendorExtraction) -> int:
    """Records nobody has decided on yet (no override note)."""
    records = extraction.commitments + extraction.criteria_evidence
    return sum(1 for r in records if not r.override)


def company(session: Session, vendor: str) -> str:
    """The company's name when the extraction found one, else the vendor id."""
    ext = next(e for e in session.base if e.vendor == vendor)
    return getattr(ext, "company", "") or vendor


def ranking(session: Session, snap: Snapshot) -> list[dict]:
    rows = []
    for r in snap.decision.ranking:
        ext = snap.extractions[r.vendor]
        rows.append(
            {
                "vendor": r.vendor,
                "company": company(session, r.vendor),
                "rank": r.rank,
                "score": r.score,
                "eliminated": r.eliminated,
                "reasons": list(r.reasons),
                "must_have": _must_have(snap, session, r.vendor),
                "to_review": to_review(ext),
                "total": len(ext.commitments) + len(ext.criteria_evidence),
                "flags": len(ext.risk_flags),
            }
        )
    return rows


def _goal_groups(session, snap, vendor, ext) -> tuple[list[dict], set]:
    verdicts = {v.goal: v for v in snap.decision.verdicts if v.vendor == vendor}
    groups, used = [], set()
    for goal in session.criteria.goals:
        found, _ = decide.candidates(ext, goal)
        used.update(id(c) for c in found)
        v = verdicts.get(goal.id)
        groups.append(
            {
                "id": goal.id,
                "title": goal.title,
                "category": goal.category,
                "scope": goal.scope,
                "must_have": goal.must_have,
                "target": wording.fmt_target(goal.op, goal.value, goal.unit),
                "verdict": v.verdict if v else "",
                "verdict_label": wording.label("verdicts", v.verdict) if v else "",
                "reason": v.reason if v else "",
                "records": [_commitment(session, vendor, c) for c in found],
            }
        )
    return groups, used


def _team_groups(session, snap, vendor, ext) -> tuple[list[dict], set]:
    scores = {t.criterion: t for t in snap.decision.team_fit if t.vendor == vendor}
    groups, used = [], set()
    for t in session.criteria.team_fit:
        found = [e for e in ext.criteria_evidence if e.criterion == t.criterion]
        used.update(id(e) for e in found)
        score = scores.get(t.criterion)
        groups.append(
            {
                "id": t.criterion,
                "title": t.title or wording.label("criteria", t.criterion),
                "score": score.score if score else None,
                "reason": score.reason if score else "",
                "records": [_evidence(session, vendor, e) for e in found],
                "flags": [_flag(session, vendor, f) for f in (score.flags if score else ())],
            }
        )
    return groups, used


def vendor_page(session: Session, snap: Snapshot, vendor: str) -> dict:
    """Everything the vendor page shows for one vendor."""
    ext = snap.extractions[vendor]
    goals, used_c = _goal_groups(session, snap, vendor, ext)
    team, used_e = _team_groups(session, snap, vendor, ext)
    other_c = [_commitment(session, vendor, c) for c in ext.commitments if id(c) not in used_c]
    other_e = [_evidence(session, vendor, e) for e in ext.criteria_evidence if id(e) not in used_e]
    decisions = [
        {k: e.as_entry().get(k) for k in ("action", "target", "note", "analyst", "value", "unit")}
        for e in snap.entries
        if e.vendor == vendor
    ]
    docs = [
        {"index": i, "file": d.file, "pages": d.pages}
        for i, d in enumerate(session.documents.get(vendor, ()))
    ]
    return {
        "vendor": vendor,
        "company": company(session, vendor),
        "goals": goals,
        "team": team,
        "other_commitments": other_c,
        "other_evidence": other_e,
        "flags": [_flag(session, vendor, f) for f in ext.risk_flags],
        "decisions": decisions,
        "documents": docs,
    }


def search(session: Session, vendor: str, query: str, limit: int = 50) -> list[dict]:
    """Blocks and table rows of the vendor's documents that contain `query` (any case)."""
    needle = query.strip().lower()
    if not needle:
        return []
    hits = []
    for index, doc in enumerate(session.documents.get(vendor, ())):
        texts = [(b.text, b.page, b.bbox) for b in doc.blocks]
        for t in doc.tables:
            pages = t.row_pages or (t.page,) * len(t.rows)
            texts += [(" | ".join(row), page, None) for row, page in zip(t.rows, pages)]
        for text, page, bbox in texts:
            at = text.lower().find(needle)
            if at < 0:
                continue
            start = max(0, at - 60)
            hits.append(
                {
                    "doc": index,
                    "file": doc.file,
                    "page": page,
                    "bbox": ",".join(f"{x:.2f}" for x in bbox) if bbox else "",
                    "before": ("…" if start else "") + text[start:at],
                    "match": text[at : at + len(needle)],
                    "after": text[at + len(needle) : at + len(needle) + 80],
                }
            )
            if len(hits) >= limit:
                return hits
    return hits
