"""The JSON files msp-select writes, in one place: commitments.json (contract 1.1) and
scores.json (contract 1.5).

Same inputs give the same bytes: keys in contract order, floats rounded to 6 places, UTF-8,
two-space indent, one trailing newline, written atomically.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from msp_select import __version__, models
from msp_select.files import atomic_write

SCHEMA_VERSION = 1


def commitments_json(extractions: Sequence[models.VendorExtraction]) -> dict:
    """commitments.json per contract section 1.1 (plus `company`, `also_in` and `bbox`)."""

    def source(s: models.Source) -> dict:
        out = {"file": s.file, "page": s.page, "kind": s.kind}
        if s.bbox is not None:
            out["bbox"] = [round(x, 2) for x in s.bbox]
        return out

    vendors = []
    for e in sorted(extractions, key=lambda e: e.vendor):
        vendors.append(
            {
                "vendor": e.vendor,
                "documents": [
                    {
                        "file": d.file,
                        "sha256": d.sha256,
                        "pages": d.pages,
                        "warnings": list(d.warnings),
                    }
                    for d in e.documents
                ],
                "commitments": [
                    dict(
                        {
                            "category": c.category,
                            "scope": c.scope,
                            "value": c.value,
                            "unit": c.unit,
                            "strength": c.strength,
                            "party": c.party,
                            "quote": c.quote,
                            "source": source(c.source),
                            "also_in": [source(s) for s in c.also_in],
                        },
                        **({"override": c.override} if c.override else {}),
                        **({"tier": c.tier} if c.tier else {}),
                    )
                    for c in e.commitments
                ],
                "criteria_evidence": [
                    dict(
                        {
                            "criterion": v.criterion,
                            "strength": v.strength,
                            "quote": v.quote,
                            "source": source(v.source),
                        },
                        **({"override": v.override} if v.override else {}),
                    )
                    for v in e.criteria_evidence
                ],
                "risk_flags": [
                    {"flag": f.flag, "quote": f.quote, "source": source(f.source)}
                    for f in e.risk_flags
                ],
                "company": e.company or None,  # the name in the proposal; null: none found
            }
        )
    return {"schema_version": SCHEMA_VERSION, "tool_version": __version__, "vendors": vendors}


def write_json(path: Path, data: dict) -> Path:
    """Write JSON atomically with a stable byte layout (same inputs, same bytes)."""
    text = json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
    atomic_write(path, text.encode("utf-8"))
    return path


def _r(x):
    return None if x is None else round(float(x), 6)


def _source(s: models.Source) -> dict:
    return {"file": s.file, "page": s.page, "kind": s.kind}


def decision_to_json(decision: models.Decision) -> dict:
    """scores.json (contract section 1.5); floats rounded so reruns are byte-identical."""
    verdicts = []
    for v in decision.verdicts:
        ev = v.evidence[0] if v.evidence else None
        verdicts.append(
            {
                "vendor": v.vendor,
                "goal": v.goal,
                "verdict": v.verdict,
                "value": _r(v.value),
                "target": _r(v.target),
                "unit": v.unit,
                "reason": v.reason,
                "quote": ev.quote if ev else None,
                "source": _source(ev.source) if ev else None,
                "overridden": v.overridden,
            }
        )
    team = [
        {
            "vendor": t.vendor,
            "criterion": t.criterion,
            "score": _r(t.score),
            "basis": t.basis,
            "reason": t.reason,
            "manual": t.manual,
            "disagreement": t.disagreement,
            "panel": [{"evaluator": who, "score": _r(x)} for who, x in t.panel],
            "flags": sorted({f.flag for f in t.flags}),
            "evidence": [
                dict(
                    {"strength": e.strength, "quote": e.quote, "source": _source(e.source)},
                    **({"override": e.override} if e.override else {}),
                )
                for e in t.evidence
            ],
        }
        for t in decision.team_fit
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "method": decision.method,
        "criteria": [
            {
                "id": c.id,
                "objective": c.objective,
                "weight": _r(c.weight),
                "kind": c.kind,
                "title": c.title,
            }
            for c in decision.columns
        ],
        "ranking": [
            {
                "vendor": r.vendor,
                "rank": r.rank,
                "score": _r(r.score),
                "eliminated": r.eliminated,
                "reasons": list(r.reasons),
                "status": r.status,
                "unconfirmed": list(r.unconfirmed),
                "tied_with": list(r.tied_with),
            }
            for r in decision.ranking
        ],
        "verdicts": verdicts,
        "team_fit": team,
        "matrix": {
            "vendors": list(decision.vendors),
            "columns": [c.id for c in decision.columns],
            "values": [[_r(x) for x in row] for row in decision.matrix],
        },
        "missing_values": decision.missing_values,
        "sensitivity": decision.sensitivity.to_json() if decision.sensitivity else {},
        "overrides": list(decision.overrides),
    }
