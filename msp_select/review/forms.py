"""Turn what a browser sends into one override entry, or refuse it with a message.

Everything is checked here, on the server: the vendor, the record the action is about, each
category, criterion, scope, unit, strength and party against the contract's vocabulary,
numbers finite, text free of control characters. A value given in another unit of the same
kind (hours for a response time) is converted to the contract unit before it is written.
"""

from __future__ import annotations

import hashlib
import json
import math
import re

from msp_select import models, units, vocab

ACTIONS = {"accept": "confirm", "reject": "reject", "correct": "correct", "add": "add"}
MAX_TEXT = 2000
_INITIALS = re.compile(r"^[^\W_][\w .'-]{0,15}$")
_UNIT_NAME = re.compile(r"^(?:[A-Za-z][A-Za-z _-]{0,24}|%)$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


class Refused(Exception):
    """An action the server will not carry out; the message is shown to the analyst."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def item_id(record) -> str:
    """A short stable id for a commitment or evidence record, the same across processes."""
    if isinstance(record, models.Commitment):
        key = ["c", record.category, record.scope, record.value, record.unit, record.strength]
        key += [record.party, record.quote]
    else:
        key = ["e", record.criterion, record.strength, record.quote]
    key += [record.source.file, record.source.page, record.override]
    return hashlib.sha1(json.dumps(key).encode("utf-8")).hexdigest()[:12]


def _text(payload: dict, key: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    raw = payload.get(key)
    if raw is None or raw == "":
        if required:
            raise Refused(f"{key} is required")
        return ""
    if not isinstance(raw, str):
        raise Refused(f"{key} must be text")
    text = raw.strip()
    if _CONTROL.search(text):
        raise Refused(f"{key} holds control characters; type it as plain text")
    if len(text) > limit:
        raise Refused(f"{key} is longer than {limit} characters")
    if required and not text:
        raise Refused(f"{key} is required")
    return text


def _choice(payload: dict, key: str, choices, what: str) -> str | None:
    value = _text(payload, key, limit=100)
    if not value:
        return None
    if value not in choices:
        raise Refused(f"unknown {what} {value!r}; use one of {', '.join(map(str, choices))}")
    return value


def _number(payload: dict, key: str) -> float | None:
    raw = payload.get(key)
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise Refused(f"{key} must be a number")
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise Refused(f"{key} {raw!r} is not a number") from None
    if not math.isfinite(value) or abs(value) > 1e12:
        raise Refused(f"{key} {raw!r} is not a usable number")
    return int(value) if value.is_integer() else value


def scopes(category: str) -> tuple[str, ...]:
    known = vocab.CATEGORIES.get(category)
    return known.scopes if known else ("all",)


def contract_unit(category: str, value: float | None, unit: str) -> tuple[float | None, str]:
    """(value, unit) in the category's contract unit; Refused for a unit of another kind."""
    if category == "support_hours":
        if unit not in units.SUPPORT_UNITS:
            raise Refused(
                f"unknown unit {unit!r} for support_hours; use {' or '.join(units.SUPPORT_UNITS)}"
            )
        return None, unit
    if value is None:
        raise Refused(f"a {category} commitment needs a value")
    if category == "price":
        try:
            currency, period = units.split_money(unit)
        except ValueError as err:
            raise Refused(f"unknown unit {unit!r} for price: {err}") from None
        return value, f"{currency}/{period}" if period else currency
    want = units.CONTRACT_UNITS[category]
    offered = ", ".join(units.known_units(category))
    if not _UNIT_NAME.match(unit):  # a name, never an expression for pint to evaluate
        raise Refused(f"unknown unit {unit!r} for {category}; use one of {offered}")
    try:
        converted = units.to_contract(value, unit, want)
    except ValueError:
        raise Refused(f"unknown unit {unit!r} for {category}; use one of {offered}") from None
    converted = round(converted, 6)
    return (int(converted) if converted.is_integer() else converted), want


def _signature(payload: dict) -> dict:
    return {
        "note": _text(payload, "note", required=True),
        "analyst": _text(payload, "analyst", required=True, limit=16),
    }


def _check_initials(entry: dict) -> None:
    if not _INITIALS.match(entry["analyst"]):
        raise Refused("analyst: give your initials (letters, up to 16 characters)")


def _find(extraction: models.VendorExtraction, wanted: str):
    for record in extraction.commitments + extraction.criteria_evidence:
        if item_id(record) == wanted:
            return record
    raise Refused(
        "that item is no longer there (changed in another tab?); reload the page to see it now",
        409,
    )


def _target(record) -> dict:
    if isinstance(record, models.Commitment):
        return {"category": record.category, "scope": record.scope, "quote": record.quote}
    return {"criterion": record.criterion, "quote": record.quote}


def _corrections(record, payload: dict) -> dict:
    """The fields a correction changes, validated; only those that differ from the record."""
    if isinstance(record, models.Evidence):
        changes = {
            "criterion": _choice(payload, "criterion", models.CRITERIA_IDS, "criterion"),
            "strength": _choice(payload, "strength", models.STRENGTHS, "strength"),
        }
    else:
        changes = {
            "scope": _choice(payload, "scope", scopes(record.category), "scope"),
            "strength": _choice(payload, "strength", models.STRENGTHS, "strength"),
            "party": _choice(payload, "party", models.PARTIES, "party"),
        }
        value, unit = _number(payload, "value"), _text(payload, "unit", limit=40)
        if value is not None or unit:
            value, unit = contract_unit(
                record.category, value if value is not None else record.value, unit or record.unit
            )
            changes.update(value=value, unit=unit)
    changes = {k: v for k, v in changes.items() if v is not None and v != getattr(record, k)}
    if not changes:
        raise Refused("nothing to correct: change a field, or accept the item as it is")
    return changes


def _addition(payload: dict, documents: list[models.Document]) -> dict:
    """The fields of a new record: a commitment (category) or team-fit evidence (criterion)."""
    category = _choice(payload, "category", models.CATEGORIES, "category")
    criterion = _choice(payload, "criterion", models.CRITERIA_IDS, "criterion")
    if bool(category) == bool(criterion):
        raise Refused("add needs a category (a commitment) or a criterion (team-fit evidence)")
    quote = _text(payload, "quote", required=True)
    strength = _choice(payload, "strength", models.STRENGTHS, "strength") or "binding"
    if criterion:
        fields = {"criterion": criterion, "strength": strength, "quote": quote}
    else:
        scope = _choice(payload, "scope", scopes(category), "scope") or "all"
        value, unit = contract_unit(
            category, _number(payload, "value"), _text(payload, "unit", limit=40)
        )
        party = _choice(payload, "party", models.PARTIES, "party") or "provider"
        fields = {
            "category": category,
            "scope": scope,
            "value": value,
            "unit": unit,
            "strength": strength,
            "party": party,
            "quote": quote,
        }
    page = _number(payload, "page")
    if page is not None:
        doc = _document(payload, documents)
        if not (isinstance(page, int) and 1 <= page <= doc.pages):
            raise Refused(f"page {page} is not a page of {doc.file} (1 to {doc.pages})")
        fields["note_page"] = f"{doc.file} p. {page}"
    return fields


def _document(payload: dict, documents: list[models.Document]) -> models.Document:
    index = _number(payload, "doc") or 0
    if not (isinstance(index, int) and 0 <= index < len(documents)):
        raise Refused(f"unknown document {payload.get('doc')!r}")
    return documents[index]


def entry_for(
    vendor: str,
    payload: dict,
    extraction: models.VendorExtraction,
    documents: dict[str, list[models.Document]],
) -> dict:
    """The overrides.yaml entry for one action, in judgement's format."""
    if not isinstance(payload, dict):
        raise Refused("send the action as a JSON object")
    action = ACTIONS.get(str(payload.get("action")))
    if action is None:
        raise Refused(f"unknown action {payload.get('action')!r}; use {', '.join(ACTIONS)}")
    entry: dict = {"vendor": vendor, "action": action}
    if action == "add":
        fields = _addition(payload, documents.get(vendor, []))
        where = fields.pop("note_page", "")
        entry.update(fields)
        entry.update(_signature(payload))
        if where:
            entry["note"] = f"{entry['note']} ({where})"
    else:
        record = _find(extraction, _text(payload, "item", required=True, limit=40))
        entry["target"] = _target(record)
        if action == "correct":
            entry.update(_corrections(record, payload))
        entry.update(_signature(payload))
    _check_initials(entry)
    return entry
