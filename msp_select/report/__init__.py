"""The selection memo: memo.md (with PNG charts beside it) and a self-contained memo.html.

Everything the templates show is computed here as plain values; the templates only lay it
out. Vendor text is untrusted: it reaches the HTML only through Jinja autoescaping and the
Markdown only through `md_escape`, and it is never used as a template or a path.
"""

from __future__ import annotations

import datetime as _dt
import re
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import jinja2
from markupsafe import Markup

from msp_select.decide import sensitivity
from msp_select.errors import InputError
from msp_select.files import atomic_write, visible_controls
from msp_select.models import Criteria, Decision, VendorExtraction
from msp_select.report import charts
from msp_select.report.charts import first_place, normalised
from msp_select.report.questions import all_questions, goal_question, scope_text, short_quote
from msp_select.report.wording import basis_evidence, fmt_target, label, verdict_value, where
from msp_select.units import SUPPORT_UNITS

CHART_TITLES = {
    "scores": "Overall scores",
    "heatmap": "Standing per criterion",
    "first_place": "How often each vendor ranks first when the weights vary",
}


def resolve_date(date: str | None) -> tuple[str, bool]:
    """(YYYY-MM-DD, fixed?) — today's UTC date only when the caller fixed none."""
    if date:
        return date, True
    return _dt.datetime.now(_dt.timezone.utc).date().isoformat(), False


_MD_SPECIAL = re.compile(
    r"[\\`*\[\]|]"  # emphasis, code, links, table cells
    r"|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"  # an underscore that could open or close emphasis
    r"|<(?=[A-Za-z/!?])"  # the start of an HTML tag or comment
    r"|&(?=#?[A-Za-z0-9]+;)"  # the start of an HTML entity
    r"|^#"  # a heading
)
WRAP = 88  # memo.md line width, for reading in a terminal


# An e-mail address is autolinked by GitHub's renderer whatever is escaped in it; in a code
# span it stays text. The pattern excludes ` and | so the span cannot end early or split a table.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def md_escape(value: object) -> str:
    """Vendor text as one literal Markdown line that still reads as plain text.

    Only what Markdown would act on is backslash-escaped (a tag start, an entity, emphasis,
    links, pipes), so `<=`, `&` and `response_time` stay as written: no HTML entities. Bare
    URLs and e-mail addresses are kept from GitHub's autolinks; bidirectional controls are
    shown as <U+202E>.
    """
    if value is None:
        return ""
    text = visible_controls(" ".join(str(value).split()))
    parts, pos = [], 0
    for m in _EMAIL.finditer(text):
        parts += [_md_text(text[pos : m.start()]), f"`{m.group()}`"]
        pos = m.end()
    return "".join(parts) + _md_text(text[pos:])


def _md_text(text: str) -> str:
    text = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    # "\://" and "www\." keep the words but stop GitHub's autolinks of bare URLs
    return re.sub(r"(?i)(www)\.", r"\1\\.", text.replace("://", "\\://"))


_LIST_ITEM = re.compile(r"^(\s*(?:[-*]|\d+\.)\s+)")


def wrap_markdown(text: str, width: int = WRAP) -> str:
    """Wrap long paragraphs and list items at `width`, continuation lines indented under the
    item; table rows, headings and images stay on one line."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.lstrip().startswith(("|", "#", "![")):
            out.append(line)
            continue
        m = _LIST_ITEM.match(line)
        indent = " " * len(m.group(1)) if m else re.match(r"\s*", line).group(0)
        out.extend(
            textwrap.wrap(
                line,
                width,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)


def _html_text(value: object) -> object:
    """Plain strings get visible bidirectional controls; markup we made (charts) is kept."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return visible_controls(value)
    return value


def _env(html: bool):
    return jinja2.Environment(
        loader=jinja2.PackageLoader("msp_select", "templates"),
        autoescape=html,
        finalize=_html_text if html else md_escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# --- the content ------------------------------------------------------------------------


def _cite(item) -> dict:
    return {
        "quote": short_quote(item.quote, 300),
        "file": item.source.file,
        "page": item.source.page,
    }


def _column_cell(decision: Decision, vendor: str, col) -> tuple[str, list[dict]]:
    """What one vendor offers on one column, in words, and the quotes behind it."""
    if col.kind == "goal":
        for v in decision.verdicts:
            if v.vendor == vendor and v.goal == col.id:
                text = (
                    verdict_value(v)
                    if v.value is not None or v.unit in SUPPORT_UNITS
                    else label("verdicts", v.verdict)
                )
                return text, [_cite(c) for c in v.evidence[:1]]
        return "not addressed", []
    for s in decision.team_fit:
        if s.vendor == vendor and s.criterion == col.id:
            return f"{s.score:.1f} ({s.basis})", [_cite(e) for e in s.evidence[:1]]
    return "no evidence", []


def _separators(
    decision: Decision, winner: str, runner: str, names: Mapping[str, str], limit: int = 3
) -> list[dict]:
    """The criteria with the largest weighted difference in the winner's favour."""
    if winner not in decision.vendors or runner not in decision.vendors:
        return []
    norm = normalised(decision)
    wi, ri = decision.vendors.index(winner), decision.vendors.index(runner)
    gaps = []
    for j, col in enumerate(decision.columns):
        a, b = norm[wi][j], norm[ri][j]
        gap = col.weight * ((a if a is not None else 0.0) - (b if b is not None else 0.0))
        if gap > 1e-9:
            gaps.append((-gap, col.id, col))
    out = []
    for _, _, col in sorted(gaps, key=lambda g: g[:2])[:limit]:
        w_text, w_quotes = _column_cell(decision, winner, col)
        r_text, r_quotes = _column_cell(decision, runner, col)
        out.append(
            {
                "title": col.title or col.id,
                "weight": f"{col.weight * 100:.0f}%",
                "winner_value": w_text,
                "runner_value": r_text,
                "quotes": [dict(q, vendor=names[winner]) for q in w_quotes]
                + [dict(q, vendor=names[runner]) for q in r_quotes],
            }
        )
    return out


def _headline(
    decision: Decision, titles: Mapping[str, str], names: Mapping[str, str]
) -> dict | None:
    """The recommendation; vendors by their display names (`names`)."""
    standing = [r for r in sorted(decision.ranking, key=lambda r: r.rank) if not r.eliminated]
    if not standing:
        return None
    win = standing[0]
    run = standing[1] if len(standing) > 1 else None
    return {
        "conditional": [titles.get(g, g) for g in win.unconfirmed],
        "tied": [names[r.vendor] for r in standing if r.vendor in win.tied_with],
        "winner": names[win.vendor],
        "winner_score": f"{win.score:.2f}",
        "runner": names[run.vendor] if run else "",
        "runner_score": f"{run.score:.2f}" if run else "",
        "gap": f"{win.score - run.score:.2f}" if run else "",
        "separators": _separators(decision, win.vendor, run.vendor, names) if run else [],
    }


def _documents(extractions, documents: Mapping | None, names: Mapping[str, str]) -> dict:
    documents = documents or {}
    read = documents.get("read") or [
        (e.vendor, d.file, d.pages) for e in extractions for d in e.documents
    ]
    unreadable = list(documents.get("unreadable") or []) + [
        err for e in extractions for err in e.errors
    ]
    return {
        "read": [
            {"vendor": names.get(v, v), "file": f, "pages": f"{p} page{'s' if p != 1 else ''}"}
            for v, f, p in sorted(read)
        ],
        "skipped": [{"file": f, "why": why} for f, why in documents.get("skipped", [])],
        "unreadable": sorted(dict.fromkeys(unreadable)),
    }


def _to_confirm(criteria: Criteria, decision: Decision, names: Mapping[str, str]) -> list[dict]:
    """Must-haves each vendor still in the running is silent on, with the question to ask."""
    goals = {g.id: g for g in criteria.goals}
    verdicts = {(v.vendor, v.goal): v for v in decision.verdicts}
    out = []
    for r in sorted(decision.ranking, key=lambda r: r.rank):
        if r.eliminated or not r.unconfirmed:
            continue
        out.append(
            {
                "vendor": names[r.vendor],
                "goals": [
                    {
                        "title": goals[g].title or g,
                        "question": goal_question(goals[g], verdicts.get((r.vendor, g))),
                    }
                    for g in r.unconfirmed
                    if g in goals
                ],
            }
        )
    return out


def _source_of(item) -> dict:
    """File and page (or overrides line) of a fact, and its quote, for a table cell."""
    if item is None:
        return {"where": "", "quote": ""}
    return {"where": where(item.source), "quote": short_quote(item.quote, 300)}


def _goal_cell(v, name: str) -> dict:
    if v is None:
        return {
            "vendor": name,
            "verdict": "not_addressed",
            "text": "not addressed",
            "overridden": "",
            "where": "",
            "quote": "",
            "why": "no verdict",
        }
    value = verdict_value(v) if v.verdict != "not_addressed" else ""
    ev = v.evidence[0] if v.evidence else None
    return {
        "vendor": name,
        "verdict": v.verdict,
        "text": label("verdicts", v.verdict) + (f": {value}" if value else ""),
        "overridden": v.overridden,
        "why": "" if ev else "no commitment found in any of its documents",
        **_source_of(ev),
    }


def _goal_rows(criteria: Criteria, decision: Decision, vendors: list[str], names) -> list[dict]:
    verdicts = {(v.vendor, v.goal): v for v in decision.verdicts}
    weights = {c.id: c.weight for c in decision.columns}
    return [
        {
            "title": g.title or g.id,
            "id": g.id,
            "must_have": g.must_have,
            "weight": f"{weights.get(g.id, g.weight) * 100:.0f}%",
            "target": fmt_target(g.op, g.value, g.unit) + scope_text(g.scope),
            "cells": [_goal_cell(verdicts.get((v, g.id)), names[v]) for v in vendors],
        }
        for g in criteria.goals
    ]


def _team_fit_cell(s, name: str) -> dict:
    if s is None:
        return {
            "vendor": name,
            "text": "0.0 (none)",
            "score": 0.0,
            "manual": False,
            "where": "",
            "quote": "",
            "why": "not scored",
            "flags": "",
            "panel": "",
        }
    best = basis_evidence(s)
    flags = ", ".join(
        f"{label('flags', f)} ({where(x.source)})"
        for f, x in sorted({f.flag: f for f in s.flags}.items())
    )
    panel = ", ".join(f"{who} {x:g}/5" for who, x in s.panel)
    return {
        "vendor": name,
        "text": f"{s.score:.1f} ({s.basis})"
        + (" (manual)" if s.manual and s.basis != "manual" else ""),
        "score": s.score,
        "manual": s.manual,
        "why": "" if best else "no evidence found in any of its documents",
        "flags": flags,
        "panel": panel,
        "reason": s.reason if s.manual else "",
        **_source_of(best),
    }


def _team_fit_rows(criteria: Criteria, decision: Decision, vendors: list[str], names) -> list[dict]:
    scores = {(s.vendor, s.criterion): s for s in decision.team_fit}
    weights = {c.id: c.weight for c in decision.columns}
    return [
        {
            "title": tf.title or label("criteria", tf.criterion),
            "weight": f"{weights.get(tf.criterion, tf.weight) * 100:.0f}%",
            "cells": [_team_fit_cell(scores.get((v, tf.criterion)), names[v]) for v in vendors],
        }
        for tf in criteria.team_fit
    ]


def build_context(
    extractions: Sequence[VendorExtraction],
    criteria: Criteria,
    decision: Decision,
    *,
    date: str | None,
    tool_version: str,
    input_hashes: Mapping[str, str],
    documents: Mapping | None = None,
) -> dict:
    """Every value the memo shows, as plain strings and lists (templates escape them).

    `documents` lists what was read ((vendor, file, pages)), skipped ((path, why)) and could
    not be read (one line each); without it the read files come from the extractions.
    """
    day, fixed = resolve_date(date)
    ranking = sorted(decision.ranking, key=lambda r: r.rank)
    vendors = [r.vendor for r in ranking] + sorted(
        {e.vendor for e in extractions} - {r.vendor for r in ranking}
    )
    by_id = {e.vendor: e for e in extractions}
    names = {v: by_id[v].display if v in by_id else v for v in vendors}
    names.update({v: v for v in decision.vendors if v not in names})
    probs = first_place(decision.sensitivity)

    titles = {c.id: c.title for c in decision.columns if c.title}
    sentences = sensitivity.describe(decision.sensitivity, titles, names)
    return {
        "date": day,
        "date_fixed": fixed,
        "tool_version": tool_version,
        "method": decision.method.upper(),
        "vendors": vendors,
        "names": names,
        "headline": _headline(decision, {g.id: g.title or g.id for g in criteria.goals}, names),
        "ranking": [
            {
                "rank": r.rank,
                "vendor": r.vendor,
                "name": names[r.vendor],
                "score": "—" if r.eliminated else f"{r.score:.2f}",
                "eliminated": r.eliminated,
                "status": r.status + (" (tied)" if r.tied_with else ""),
                "first_place": f"{probs[r.vendor] * 100:.0f}%" if r.vendor in probs else "",
            }
            for r in ranking
        ],
        "to_confirm": _to_confirm(criteria, decision, names),
        "eliminated": [
            {"vendor": names[r.vendor], "missed": list(r.reasons) or ["a must-have goal"]}
            for r in ranking
            if r.eliminated
        ],
        "goals": _goal_rows(criteria, decision, vendors, names),
        "team_fit": _team_fit_rows(criteria, decision, vendors, names),
        "risks": [
            {
                "vendor": names[v],
                "flags": [
                    dict(_cite(f), label=label("flags", f.flag))
                    for f in sorted(by_id[v].risk_flags, key=lambda f: (f.source.page, f.flag))
                ],
            }
            for v in vendors
            if v in by_id
        ],
        "client_duties": [
            {
                "vendor": names[v],
                "entries": [
                    dict(
                        _cite(c),
                        what=label("categories", c.category),
                        strength=label("strengths", c.strength),
                    )
                    for c in by_id[v].commitments
                    if c.party == "client"
                ]
                + [
                    dict(
                        _cite(e), what="client obligation", strength=label("strengths", e.strength)
                    )
                    for e in by_id[v].criteria_evidence
                    if e.criterion == "client-obligations"
                ],
            }
            for v in vendors
            if v in by_id
        ],
        "questions": [
            {"vendor": names.get(v, v), "entries": qs}
            for v, qs in all_questions(extractions, criteria, decision).items()
        ],
        "sensitivity": sentences,
        "weights": [
            {
                "title": c.title or c.id,
                "kind": "goal" if c.kind == "goal" else "team fit",
                "objective": "lower is better" if c.objective == "min" else "higher is better",
                "weight": f"{c.weight * 100:.1f}%",
            }
            for c in decision.columns
        ],
        "missing_values": decision.missing_values,
        "overrides": list(decision.overrides),
        "inputs": sorted(input_hashes.items()),
        "criteria_sha": criteria.sha256 or "not recorded",
        "criteria_files": list(criteria.files),
        "documents": _documents(extractions, documents, names),
        "chart_titles": CHART_TITLES,
    }


def write_reports(
    out_dir,
    extractions: Sequence[VendorExtraction],
    criteria: Criteria,
    decision: Decision,
    *,
    date: str | None,
    tool_version: str,
    input_hashes: Mapping[str, str],
    formats: Sequence[str] = ("md", "html"),
    documents: Mapping | None = None,
) -> list[Path]:
    """Write memo.md (+ memo-<chart>.svg) and/or memo.html into out_dir; return the paths."""
    unknown = sorted(set(formats) - {"md", "html"})
    if unknown:
        raise InputError(f"unknown memo format {', '.join(unknown)}; use md or html")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = build_context(
        extractions,
        criteria,
        decision,
        date=date,
        tool_version=tool_version,
        input_hashes=input_hashes,
        documents=documents,
    )
    rendered = charts.render(decision, CHART_TITLES, ctx["names"]) if decision.ranking else {}
    written: list[Path] = []
    if "md" in formats:
        files = {}
        for name, svg in rendered.items():
            path = out / f"memo-{name.replace('_', '-')}.svg"
            atomic_write(path, svg.encode("utf-8"))
            written.append(path)
            files[name] = path.name
        text = wrap_markdown(_env(html=False).get_template("memo.md.j2").render(ctx, charts=files))
        atomic_write(out / "memo.md", text.encode("utf-8"))
        written.append(out / "memo.md")
    if "html" in formats:
        svgs = {
            name: Markup(charts.svg_ids_prefixed(svg, f"c-{name}-"))
            for name, svg in rendered.items()
        }
        text = _env(html=True).get_template("memo.html.j2").render(ctx, charts=svgs)
        atomic_write(out / "memo.html", text.encode("utf-8"))
        written.append(out / "memo.html")
    return written
