"""Human judgement on top of extraction: analyst overrides and evaluation-panel scores.

    load_overrides(path) -> list[Override]                     # PROPOSALS_DIR/overrides.yaml or --overrides FILE
    apply_overrides(extractions, overrides) -> (new_extractions, applied: list[str])
    load_panel(path) -> dict[(vendor, criterion), PanelScore]  # panel CSV: evaluator,vendor,criterion,score
    manual_scores(panel) -> dict[(vendor, criterion), float]   # for decide(..., manual_scores=...)

An override file is a YAML list; each entry names a vendor, an action and a note (why):

    - vendor: northwind
      action: correct             # confirm | correct | add | reject
      target: {category: response_time, scope: P1}   # or {criterion: ...} or {quote: "substring"}
      value: 30                   # fields to set (correct) or the new record's fields (add)
      note: Appendix B says 30 minutes, the table is a typo
      analyst: jd

Overrides never edit a record in place: changed records are new frozen copies carrying the note
in `override`, so the memo can show which facts a person decided. An override that matches
nothing is an error, because a silently ignored correction would change the ranking unnoticed.

Panel scores use a 0-5 scale (0 = absent, 5 = excellent), normalised to 0..1 by dividing by 5.
Evaluators disagree when their scores spread (max - min) by more than 2 points.
"""

from __future__ import annotations

import dataclasses
import difflib
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from msp_select import models
from msp_select.criteria import MAX_YAML_BYTES, YamlProblem, finite_number, parse_yaml
from msp_select.errors import InputError
from msp_select.files import read_csv

ACTIONS = ("confirm", "correct", "add", "reject")
RECORD_KEYS = ("category", "scope", "value", "unit", "strength", "party", "quote", "criterion")
ENTRY_KEYS = ("vendor", "action", "target", "note", "analyst", *RECORD_KEYS)
TARGET_KEYS = ("category", "scope", "criterion", "quote")
COMMITMENT_FIELDS = ("category", "scope", "value", "unit", "strength", "party", "quote")
EVIDENCE_FIELDS = ("criterion", "strength", "quote")
PANEL_SCALE = 5.0
PANEL_DISAGREEMENT = 2.0  # points on the 0-5 scale
PANEL_COLUMNS = ("evaluator", "vendor", "criterion", "score")


@dataclass(frozen=True)
class Override:
    """One checked entry of an overrides file: what an analyst decided about a vendor, and why."""

    vendor: str
    action: str  # one of ACTIONS
    note: str  # as written; messages use it stripped
    where: str = "overrides"  # "file:line", for messages and the source of an added record
    target: Mapping[str, object] = field(default_factory=dict)  # TARGET_KEYS, as written
    values: Mapping[str, object] = field(default_factory=dict)  # record fields given, as written
    analyst: str | None = None

    @classmethod
    def from_entry(cls, entry: Mapping, where: str = "overrides") -> Override:
        """An Override from a validated entry mapping (line bookkeeping keys are dropped)."""
        target = entry.get("target") or {}
        return cls(
            vendor=entry["vendor"],
            action=entry["action"],
            note=str(entry["note"]),
            where=where,
            target={k: v for k, v in target.items() if not str(k).startswith("__")},
            values={k: entry[k] for k in RECORD_KEYS if k in entry},
            analyst=str(entry["analyst"]) if entry.get("analyst") else None,
        )

    def as_entry(self) -> dict:
        """The entry as overrides.yaml holds it, keys in ENTRY_KEYS order."""
        entry: dict = {"vendor": self.vendor, "action": self.action}
        if self.target:
            entry["target"] = dict(self.target)
        entry["note"] = self.note
        if self.analyst:
            entry["analyst"] = self.analyst
        entry.update(self.values)
        return entry


def _suggest(word, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else ""


def load_overrides(path) -> list[Override]:
    """The checked override entries of a YAML file, each knowing its "file:line"."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_YAML_BYTES + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot read the overrides file ({err.strerror})") from None
    return parse_overrides(raw, path)


def parse_overrides(raw: bytes, path) -> list[Override]:
    """The override entries of YAML bytes, named as `path` in messages (see load_overrides)."""
    path = Path(path)
    try:
        data = parse_yaml(raw)
    except YamlProblem as err:
        raise InputError(
            f"{path}:{err.line}: {err.problem}; check indentation and quotes"
        ) from None
    if data is None:
        return []
    if isinstance(data, dict) and "overrides" in data:
        data = data["overrides"]
    if not isinstance(data, list):
        raise InputError(
            f"{path}:1: expected a list of overrides (lines starting with '- vendor: ...')"
        )
    entries = []
    for item in data:
        if not isinstance(item, dict):
            raise InputError(
                f"{path}: each override must be a mapping with vendor, action, target and note"
            )
        where = f"{path}:{item.get('__line__', 1)}"
        lines = item.get("__lines__", {})
        entry = {k: v for k, v in item.items() if not k.startswith("__")}
        for key in entry:
            if key not in ENTRY_KEYS:
                raise InputError(
                    f"{path}:{lines.get(key, item.get('__line__', 1))}: unknown key {key!r}"
                    f"{_suggest(key, ENTRY_KEYS)}"
                )
        _validate(entry, where)
        entries.append(Override.from_entry(entry, where))
    return entries


def load_judgement(proposals_dir, overrides, panel, vendors, criteria):
    """(override entries, panel scores) for `score`, checked before any PDF is read.

    An overrides or panel file the user names must exist; PROPOSALS_DIR/overrides.yaml is read
    when present. Rows naming an unknown vendor or criterion are errors with file and line.
    """
    if overrides and not Path(overrides).is_file():
        raise InputError(f"{overrides}: overrides file not found; check the --overrides path")
    if panel and not Path(panel).is_file():
        raise InputError(f"{panel}: panel scores file not found; check the --panel path")
    path = Path(overrides) if overrides else Path(proposals_dir) / "overrides.yaml"
    entries = load_overrides(path) if path.is_file() else []
    for entry in entries:
        if entry.vendor not in vendors:
            raise InputError(
                f"{entry.where}: unknown vendor {entry.vendor!r}"
                f"{_suggest(entry.vendor, sorted(vendors))}; use a vendor id: "
                + ", ".join(sorted(vendors))
            )
    scores = None
    if panel:
        team = {t.criterion for t in criteria.team_fit}
        scores = load_panel(panel, vendors=set(vendors), criteria=team)
    return entries, scores


def _validate(entry: dict, where: str) -> None:
    """Refuse an override entry that cannot be applied as written: one line naming the problem."""
    _validate_action(entry, where)
    _validate_target(entry, where)
    _validate_names(entry, where)


def _validate_action(entry: dict, where: str) -> None:
    if not entry.get("vendor") or not isinstance(entry["vendor"], str):
        raise InputError(f"{where}: an override needs `vendor`, the vendor's name")
    for key in ("scope", "unit", "quote", "analyst"):
        if entry.get(key) is not None and not isinstance(entry[key], (str, int, float)):
            raise InputError(f"{where}: `{key}` must be plain text")
    action = entry.get("action")
    if action not in ACTIONS:
        raise InputError(
            f"{where}: action {action!r} is not one of {', '.join(ACTIONS)}{_suggest(action, ACTIONS)}"
        )
    if not str(entry.get("note") or "").strip():
        raise InputError(f"{where}: an override needs a `note` saying why, so the memo can show it")


def _validate_target(entry: dict, where: str) -> None:
    action, target = entry["action"], entry.get("target")
    if action != "add":
        if not isinstance(target, dict) or not target:
            raise InputError(
                f"{where}: {action} needs a `target` ({{category, scope}}, {{criterion}} or {{quote}})"
            )
        for key in target:
            if str(key).startswith("__"):
                continue
            if key not in TARGET_KEYS:
                raise InputError(f"{where}: unknown target key {key!r}{_suggest(key, TARGET_KEYS)}")
    if action == "add" and target is not None:
        raise InputError(
            f"{where}: add makes a new record and takes no `target`; "
            "use correct to change an existing one"
        )
    if action == "add" and not (entry.get("category") or entry.get("criterion")):
        raise InputError(
            f"{where}: add needs `category` (a commitment) or `criterion` (team-fit evidence)"
        )


def _validate_names(entry: dict, where: str) -> None:
    """Category, criterion, strength and party are contract names; a value is a number >= 0."""
    for key, known in (("category", models.CATEGORIES), ("criterion", models.CRITERIA_IDS)):
        given = entry.get(key)
        if given is not None and given not in known:
            raise InputError(f"{where}: unknown {key} {given!r}{_suggest(given, known)}")
    for key, known in (("strength", models.STRENGTHS), ("party", models.PARTIES)):
        given = entry.get(key)
        if given is not None and given not in known:
            raise InputError(f"{where}: {key} {given!r} is not one of {', '.join(known)}")
    value = entry.get("value")
    if value is not None and (finite_number(value) is None or finite_number(value) < 0):
        raise InputError(
            f"{where}: value {str(value)[:40]!r} must be a number >= 0 in the category's contract unit"
        )


def _matches(record, target: dict) -> bool:
    for key, want in target.items():
        have = getattr(record, key, None)
        if key == "quote":
            if str(want).lower() not in record.quote.lower():
                return False
        elif have is None or str(have) != str(want):
            return False
    return True


def _describe(entry: Override) -> str:
    what = ", ".join(f"{k} {v!r}" if k == "quote" else f"{v}" for k, v in entry.target.items())
    return what or "new record"


def _mark(entry: Override) -> str:
    by = f" ({entry.analyst})" if entry.analyst else ""
    return f"{entry.action}: {entry.note.strip()}{by}"


def apply_overrides(
    extractions: Sequence[models.VendorExtraction], overrides: Sequence[Override]
) -> tuple[list[models.VendorExtraction], list[str]]:
    """New extractions with every override applied, and one plain sentence per override."""
    by_name = {e.vendor: e for e in extractions}
    applied: list[str] = []
    for entry in overrides:
        name = entry.vendor
        if name not in by_name:
            raise InputError(
                f"{entry.where}: unknown vendor {name!r}{_suggest(name, sorted(by_name))}"
            )
        ext = by_name[name]
        evidence_side = "criterion" in entry.target or (
            entry.action == "add" and entry.values.get("criterion")
        )
        field = "criteria_evidence" if evidence_side else "commitments"
        records = list(getattr(ext, field))
        if entry.action == "add":
            sentence = _add(entry, records, evidence_side)
        else:
            sentence = _change(entry, records, evidence_side)
        applied.append(f"{name}: {sentence} ({entry.where}): {entry.note.strip()}")
        by_name[name] = dataclasses.replace(ext, **{field: tuple(records)})
    return [by_name[e.vendor] for e in extractions], applied


def _add(entry: Override, records: list, evidence_side: bool) -> str:
    """Append the record an `add` entry makes; what was added, in words."""
    values, quote = entry.values, entry.values.get("quote") or entry.note
    file, line = entry.where.rsplit(":", 1)
    src = models.Source(Path(file).name, int(line), "override")
    if evidence_side:
        new = models.Evidence(
            values["criterion"],
            values.get("strength", "binding"),
            quote,
            src,
            override=_mark(entry),
        )
        records.append(new)
        return f"added {new.criterion}"
    new = models.Commitment(
        values["category"],
        values.get("scope", "all"),
        values.get("value"),
        values.get("unit", ""),
        values.get("strength", "binding"),
        values.get("party", "provider"),
        quote,
        src,
        override=_mark(entry),
    )
    records.append(new)
    return f"added {new.category} {new.scope} {_value(new)}"


def _change(entry: Override, records: list, evidence_side: bool) -> str:
    """Confirm, correct or reject the records an entry targets (in place in `records`)."""
    hits = [i for i, r in enumerate(records) if _matches(r, entry.target)]
    if not hits:
        raise InputError(
            f"{entry.where}: no {'evidence' if evidence_side else 'commitment'} of "
            f"{entry.vendor} matches {_describe(entry)}; check the target against commitments.json"
        )
    matching = f"{len(hits)} record(s) matching {_describe(entry)}"
    if entry.action == "reject":
        records[:] = [r for i, r in enumerate(records) if i not in hits]
        return f"rejected {matching}"
    fields = EVIDENCE_FIELDS if evidence_side else COMMITMENT_FIELDS
    changes = {k: entry.values[k] for k in fields if k in entry.values}
    if entry.action != "correct":
        changes = {}
    if changes.get("value") is not None:
        changes["value"] = float(changes["value"])
    for i in hits:
        was = _replaced(records[i], changes)
        records[i] = dataclasses.replace(
            records[i], **changes, override=_mark(entry) + (f"; was {was}" if was else "")
        )
    if entry.action == "confirm":
        return f"confirmed {matching}"
    return f"corrected {', '.join(f'{k} to {v!r}' for k, v in changes.items())} in {matching}"


def _value(c: models.Commitment) -> str:
    return c.unit if c.value is None else f"{c.value:g} {c.unit}"


def _replaced(record, changes: dict) -> str:
    """What a correction replaces, in the record's own terms ("60 minute", "soft")."""
    old = []
    for key, new in changes.items():
        before = getattr(record, key)
        if key == "value" and before != new:
            old.append(_value(record))
        elif key not in ("value", "quote") and before != new:
            old.append(f"{key} {before}")
    return ", ".join(old)


@dataclass(frozen=True)
class PanelScore:
    median: float  # 0..1
    scores: tuple[float, ...]  # each evaluator's score on the 0-5 scale, in file order
    disagreement: bool  # spread larger than PANEL_DISAGREEMENT points
    evaluators: tuple[str, ...] = ()  # who gave each score, in the order of `scores`

    @property
    def spread(self) -> float:
        return max(self.scores) - min(self.scores)


def load_panel(path, vendors=None, criteria=None) -> dict[tuple[str, str], PanelScore]:
    """Median panel score per (vendor, criterion), with disagreement flagged.

    With `vendors` (ids) and `criteria` (team-fit ids) given, a row naming anything else is
    an error, as is one evaluator scoring the same vendor and criterion twice: a row that
    would be ignored could change the ranking unnoticed.
    """
    path = Path(path)
    rows = read_csv(path, "panel scores")
    header = [h.strip().lower() for h in (rows[0][1] if rows else [])]
    missing = [c for c in PANEL_COLUMNS if c not in header]
    if missing:
        raise InputError(
            f"{path}:1: the header needs columns {', '.join(PANEL_COLUMNS)}; missing {', '.join(missing)}"
        )
    at = {c: header.index(c) for c in PANEL_COLUMNS}
    seen: dict[tuple[str, str], list[float]] = {}
    who: dict[tuple[str, str], dict[str, int]] = {}
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise InputError(f"{path}:{line}: expected {len(header)} cells, found {len(row)}")
        evaluator, vendor, criterion, raw = (row[at[c]].strip() for c in PANEL_COLUMNS)
        try:
            score = float(raw)
        except ValueError:
            raise InputError(
                f"{path}:{line}: score {raw[:20]!r} is not a number; use 0 to 5"
            ) from None
        if not 0 <= score <= PANEL_SCALE:
            raise InputError(f"{path}:{line}: score {raw[:20]} is outside the 0 to 5 scale")
        _check_panel_row(f"{path}:{line}", evaluator, vendor, criterion, vendors, criteria)
        earlier = who.setdefault((vendor, criterion), {})
        if evaluator in earlier:
            raise InputError(
                f"{path}:{line}: {evaluator} already scored {vendor} / {criterion} on line "
                f"{earlier[evaluator]}; keep one score per evaluator"
            )
        earlier[evaluator] = line
        seen.setdefault((vendor, criterion), []).append(score)
    return {
        key: PanelScore(
            round(statistics.median(v) / PANEL_SCALE, 6),
            tuple(v),
            max(v) - min(v) > PANEL_DISAGREEMENT,
            tuple(who[key]),
        )
        for key, v in sorted(seen.items())
    }


def _check_panel_row(where, evaluator, vendor, criterion, vendors, criteria) -> None:
    if not evaluator:
        raise InputError(f"{where}: the evaluator is empty; name who gave the score")
    if criterion not in models.CRITERIA_IDS:
        raise InputError(
            f"{where}: unknown team-fit criterion {criterion!r}{_suggest(criterion, models.CRITERIA_IDS)}"
        )
    if criteria is not None and criterion not in criteria:
        raise InputError(
            f"{where}: {criterion} is not a team-fit criterion of the criteria files; "
            f"add it to team_fit or remove the row (scored: {', '.join(sorted(criteria))})"
        )
    if vendors is not None and vendor not in vendors:
        raise InputError(
            f"{where}: unknown vendor {vendor!r}{_suggest(vendor, sorted(vendors))}; "
            f"use a vendor id: {', '.join(sorted(vendors))}"
        )


def manual_scores(panel: dict[tuple[str, str], PanelScore]) -> dict[tuple[str, str], float]:
    """The 0..1 medians, in the shape decide(..., manual_scores=...) takes."""
    return {key: p.median for key, p in panel.items()}
