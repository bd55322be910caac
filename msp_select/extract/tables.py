"""Read a table the way an analyst does: every cell with its row label and column header.

Tiers are often columns (Essentials / Professional / Enterprise) and priorities rows, or the
other way round; units and currencies stand in the headers ("Target (min)", "Price (EUR)");
a row that fills only its first cell names the rows below it. `cell_layers` turns that
structure into context layers (context.py) for each cell, so the cell "15" under
"Response (min)" in the row "P1 - Critical" reads as a 15-minute P1 response.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace
from importlib import resources
from typing import Callable, NamedTuple, Sequence

import yaml

from msp_select import models
from msp_select.extract import quantities
from msp_select.extract.context import Layer, cell_unit, header_currency, header_unit
from msp_select.extract.nlp import spelt_headers
from msp_select.extract.priorities import (
    describes_effects,
    grows,
    in_document_order,
    parse_level,
    scheme_scopes,
)
from msp_select.vocab import CATEGORIES

_PAREN = re.compile(r"\s*\(.*$")
_BADGE = re.compile(r"\s+[-–—]\s+[A-Z][A-Z !]+$")  # "Business - MOST POPULAR"


def _tier_name(header: str) -> str:
    """A plan's name as its column header gives it, without a note or a badge."""
    return _BADGE.sub("", _PAREN.sub("", header)).strip()


_COMPONENTS = re.compile(r"\b(?:components?|breakdown|build-?up|made\s+up\s+of|make-?up)\b", re.I)
_UNIT_HEADER = re.compile(r"^\s*(?:units?|uom|unit\s+of\s+measure(?:ment)?)\s*$", re.IGNORECASE)
_CLOCKS = frozenset({"response_time", "resolution_time"})
_CLAUSE_NUMBER = re.compile(r"\s*\d+(?:\.\d+)*\.?\s*")  # "3.11": a requirement's number, not a tier


_ITEM_CODE = re.compile(r"[A-Z][A-Z0-9]*(?:[-./_][A-Z0-9]+)+|[A-Z]{2,}[0-9]*")
_LINE_NUMBER = re.compile(r"\d+|[A-Z]{1,2}\d{0,3}")  # under "Ref": "4", "A3", "F12", "G"
_LINE_HEADER = re.compile(
    r"^\s*(?:r[ée]f\.?|ref(?:erence)?|item|line|ln|no\.?|nr\.?|n[°º]|#|lp\.?|pos\.?|s/?n)\s*$", re.I
)


def _described(
    rows, labels: list[str], body: list[int], width: int, numbered: bool, asked: bool = False
) -> list[str]:
    """A first column of item codes ("MS-WS", "ONB-14"), or of line numbers under a header
    that says so ("Ref.", "Item", "#"), names its rows only with the description beside it
    ("Managed workstation"), which says what a price is per. Codes of several series ("R-1",
    "F-1", "S-1": response, fix, security) are a register's, though one may read as a level
    ("S-1"): the description alone names the row."""
    coded = [i for i in body if labels[i]]
    # "6.1 | Critical: dispatch stopped": a specification's clause numbers, where the second
    # column is no requirement that restates a figure of its own ("8.1 | The RFP proposes a
    # term of three years"; a logframe's "A.2 | Transition: two weeks of shadowing" is the
    # row's own name)
    clauses = not asked or not any(
        len(rows[i]) > 1
        and (quantities.find_times(rows[i][1]) or quantities.find_percents(rows[i][1]))
        for i in coded
    )
    series = {re.match(r"[A-Z]*", labels[i].strip()).group() for i in coded}
    register = len(series) > 1 and all(_ITEM_CODE.fullmatch(labels[i].strip()) for i in coded)
    if (
        width < 3
        or len(coded) < (1 if numbered else 2)
        or not all(
            (
                _ITEM_CODE.fullmatch(labels[i].strip())
                or clauses
                and _CLAUSE_NUMBER.fullmatch(labels[i])
                and re.search(r"\d\.\d", labels[i])
                or numbered
                and _LINE_NUMBER.fullmatch(labels[i].strip())
            )
            and (register or not parse_level(labels[i]))
            for i in coded
        )
        or not all(len(rows[i]) > 1 and re.search(r"[^\W\d]{3}", rows[i][1] or "") for i in coded)
    ):
        return labels
    # (a line number is dropped: "4 | Repair time - Critical Failure" is no level 4)
    return [
        (rows[i][1] if label.strip().isdigit() or register else f"{label} {rows[i][1]}").strip()
        if i in body and len(rows[i]) > 1
        else label
        for i, label in enumerate(labels)
    ]


@dataclass(frozen=True)
class Grid:
    """A table's structure: a layer per row (label, sub-header) and per column (header)."""

    rows: tuple[tuple[Layer, ...], ...]
    columns: tuple[Layer | None, ...]
    label_column: int | None  # None: every column holds values
    last_subheader: Layer | None = None  # what a continuation on the next page stands under
    others: frozenset[int] = frozenset()  # columns holding someone else's figures (context only)
    totals: frozenset[int] = frozenset()  # rows that add other rows up (no candidates)


def read_grid(
    table: models.Table,
    names: Callable[[str], set[str]],
    carry: Layer | None = None,
    party: Callable[[str], str] = lambda text: "",
) -> Grid:
    """Row and column layers of `table`.

    `names(text)` is the set of category cue labels found in a text (so a header that names a
    category is not taken for a tier). `carry` is the sub-header a table continued from the
    previous page still stands under. `party(text)` says which party a header names by name
    ("client", "provider" or "").
    """
    width = max([len(table.header)] + [len(r) for r in table.rows])
    subheaders = set(getattr(table, "subheader_rows", ()) or _subheaders(table.rows))
    # a row that repeats the header starts the next table of a stack ("Priority | Gold | Silver")
    repeats = {i for i, r in enumerate(table.rows) if tuple(r) == tuple(table.header)}
    labels = [r[0] if r else "" for r in table.rows]
    body = [i for i in range(len(table.rows)) if i not in subheaders | repeats]
    head0 = table.header[0] if table.header else ""
    numbered = bool(_LINE_HEADER.match(head0))  # "Lp. | Parameter": line numbers, no levels
    asked = len(table.header) > 1 and names_others(table.header[1] or "")
    labels = _described(table.rows, labels, body, width, numbered, asked)
    # "Priority" over the rows names what they are; "Category 5 - Emergency" is one level itself
    by_level = bool(_header_words().levels.search(head0)) and parse_level(head0) is None
    clocks = frozenset(i for i in subheaders if names(labels[i] or "") & _CLOCKS)
    col_scopes = _led_by_harm(list(table.header[1:])) if len(table.header) > 2 else []
    if len(table.header) > 2 and not any(col_scopes):
        col_scopes = _lettered(table.header[1:])  # "A - Sailing halted | B - Sailing at risk"
    if len(table.header) > 2 and not any(col_scopes):
        col_scopes = _effect_columns(table.rows, list(table.header[1:]), body)
    # (a column of line numbers counts rows: the description names them)
    named = (
        [(labels[i], *r[1:]) if r else r for i, r in enumerate(table.rows)]
        if numbered
        else table.rows
    )
    ranks = _level_column(named, labels, body)
    # under level columns ("P1 Critical | P2 High"), times that grow down a part are measures
    timed = frozenset() if any(col_scopes) else clocks
    row_scopes = _table_row_scopes(named, ranks, body, subheaders, repeats, by_level, timed)
    if any(col_scopes):
        # under level columns ("Sev-0 | Sev-1"), a row that names a measure ("Acknowledgement
        # Time") is no level, though the corner says "Service Level"
        row_scopes = {i: s for i, s in row_scopes.items() if not (s and names(labels[i] or ""))}
    bare_rows = all(re.fullmatch(r"\s*\d\s*", labels[i] or "") for i in body)
    if any(col_scopes) and bare_rows:
        row_scopes = {}  # "item priority 1..3" rows under severity columns: rows are tiers
    heads = spelt_headers(
        [table.header[j] if j < len(table.header) else "" for j in range(1, width)]
    )
    words = _owner_words()
    adds, measures, amounts = words.totals, words.measures, words.line_amounts
    rates = words.unit_prices
    priced = any(rates.search(h) and not amounts.search(h) for h in heads)
    # "Total" adds up amounts; beside "Base | Campo" over response times it is a plan's name
    money = any(header_currency(h) or rates.search(h) or amounts.search(h) for h in heads)
    others = _others(heads, names, party, lambda j: _has_figures(table.rows, j, body)) | {
        j + 1
        for j, h in enumerate(heads)
        if (adds.search(h) and money) or (priced and amounts.search(h)) or _counts(h)
    }
    others |= _tax_added(heads)
    others |= _line_totals(table, body)
    others |= _band_columns(table.rows, width, body)
    # a column of words ("Example at Vadehav", "Typical case") describes the row: it holds
    # nobody's figures
    # (what was measured or happened holds no commitment, in figures or in words: "Did not go
    # well | Four hours of data at risk")
    others = frozenset(
        j
        for j in others
        if _has_figures(table.rows, j, body) or words.retrospective.search(heads[j - 1] or "")
    )
    # (a level's row adds nothing up: "P1 Service Affecting - Total")
    totals = frozenset(i for i in _adding_rows(table, body, adds) if not row_scopes.get(i))
    if not any(row_scopes.values()) and not subheaders - clocks and not any(col_scopes):
        # (under sub-headers that name the kinds, "Single user", each group is its kind's)
        row_scopes.update(
            _measured_alike(table.rows, labels, body, names)
            or _clocked_rows(table.rows, labels, body, heads, names)
        )
    levelled = by_level or any(row_scopes.values())
    implied = _paired_times(table.rows, body, heads, names) if levelled else {}
    tiers = [
        ""
        if (
            names(text)
            or j + 1 in implied
            or (j < len(col_scopes) and col_scopes[j])
            or j + 1 in others
            or measures.fullmatch(_PAREN.sub("", text).strip())
            or header_currency(_PAREN.sub("", text))  # "NOK excl. VAT": what the figures are in
        )
        else _tier_name(text)
        for j, text in enumerate(heads)
    ]
    # (a column of bases is no plan, nor beside someone else's requirements a column of
    # verdicts with no figure in them, "Y / N / P")
    quoting = others or any(words.others.search(h or "") for h in table.header)
    tiers = [
        ""
        if _basis_column(table.rows, j + 1)
        or _prose_column(table.rows, j + 1)
        or (quoting and not _has_figures(table.rows, j + 1, body))
        else t
        for j, t in enumerate(tiers)
    ]
    if sum(bool(t) for t in tiers) < 2:
        tiers = [""] * len(heads)  # one value column ("Amount ($)") is no choice of tiers
    # rows are tiers only in a table whose columns name what is measured ("Response", "Price")
    # ("Vendor Response" is the answer column, no measure)
    row_tiers = not any(tiers) and any(
        names(text) and not words.answers.search(text) for text in heads
    )
    # "KIS availability per month | Backup interval (RPO)" over "99,8 % | 4 hours": a header
    # that names a measure over every column, the first too, labels no rows
    values_only = _values_only(table, head0, body, names)
    # plans side by side as cards: the first column is a plan like the others
    card = _cards(table, body, names) and any(tiers)
    columns: list[Layer | None] = [
        Layer(
            "column",
            head0,
            tier=_tier_name(head0) if card else "",
            unit=header_unit(head0),
            currency=header_currency(head0),
        )
        if values_only or card
        else None
    ]
    values_only = values_only or card
    for j in range(1, width):
        text = heads[j - 1]
        scope = col_scopes[j - 1] if j - 1 < len(col_scopes) else None
        tier = tiers[j - 1]
        columns.append(
            Layer(
                "column",
                text,
                (scope,) if scope else (),
                tier,
                header_unit(text),
                header_currency(text),
                implied.get(j, ""),
            )
        )
    # a "Unit" column says what each row's bare figures count ("min", "% per month", "MXN")
    # (in a price list, whose value columns name a currency, that column is the price's basis)
    priced_list = any(header_currency(h or "") for h in table.header)
    unit_col = next(
        (j for j, h in enumerate(table.header) if j and _UNIT_HEADER.match(h or "")), None
    )
    unit_col = None if priced_list else unit_col
    rows = []
    sub_scopes = _level_subheaders(labels, subheaders, repeats, row_scopes)
    # (a description names the row's measure only where no header names one: beside
    # "Response SLA", "Plant down, no workaround" describes the level)
    # (and only beside figures: "Sev | Meaning" alone is a key that defines the levels)
    measured = any(names(h or "") for h in table.header[1:])
    figured = any(_has_figures(table.rows, j, body) for j in range(1, width))
    describing = _describing_columns(table, body) if figured and not measured else []
    current_sub: Layer | None = carry
    held = ""  # a label over several rows ("Response: | Prio 1 - 10 min" / " | Prio 2 - 30 min")
    theirs_of = _theirs(table.rows, labels, others, subheaders | repeats)
    for i, label in enumerate(labels):
        held = "" if i in subheaders or i in repeats else (label or held)
        label = label or held
        if i in subheaders:
            current_sub = Layer(
                "subheader",
                label,
                sub_scopes.get(i, ()),
                unit=header_unit(label),
                currency=header_currency(label),
            )
        if i in subheaders or i in repeats:
            rows.append(())
            continue
        scope = row_scopes.get(i)
        tier = (
            ""
            if (
                not row_tiers
                or names(label)
                or scope
                or bare_rows
                and not any(col_scopes)
                or _CLAUSE_NUMBER.fullmatch(label or "")
                or _sentence(label)
            )
            else label
        )
        if bare_rows and any(col_scopes):
            tier = f"{head0} {label}".strip()
        unit, currency = _row_unit(label, table.rows[i], unit_col)
        said = next((table.rows[i][j] for j in describing if j < len(table.rows[i])), "")
        # (what a description says may happen, "data that a failure could lose", is what the
        # row measures, not how firmly it is offered)
        said = _MODAL.sub("", said or "")
        text = f"{label} - {said}" if said and label and not names(label) else label
        layer = Layer("row", text, (scope,) if scope else (), tier, unit, currency)
        rows.append((layer,) + theirs_of[i] + ((current_sub,) if current_sub else ()))
    label_column = None if values_only else 0
    return Grid(tuple(rows), tuple(columns), label_column, current_sub, frozenset(others), totals)


def _theirs(rows, labels, others, breaks: set[int]) -> list[tuple[Layer, ...]]:
    """What each row is about, in someone else's words ("P2 incidents shall receive a response
    within 2 hours" beside the bare answer "Within 1 hour."); a row that carries on the one
    above with no label of its own ("4.3 | State P3 and P4 times | Standard: 4 hours" then " |
    | Scheduled: 2 days") stands under the same requirement."""
    out: list[tuple[Layer, ...]] = []
    held: dict[int, str] = {}
    for i, row in enumerate(rows):
        if i in breaks:
            held = {}
        elif labels[i]:
            held = {j: row[j] for j in others if j < len(row)}
        cells = {j: (row[j] if j < len(row) else "") or held.get(j, "") for j in sorted(others)}
        out.append(tuple(Layer("theirs", text) for text in cells.values() if text))
    return out


def _values_only(table, head0: str, body: list[int], names) -> bool:
    return (
        len(body) <= 2
        and bool(head0 and names(head0))
        and all(table.rows[i] and _HAS_FIGURE.search(table.rows[i][0] or "") for i in body)
    ) or _parallel(table, head0, body, names)


def _parallel(table, head0: str, body: list[int], names) -> bool:
    """Columns that are alternatives of one another ("Committed | Aimed for" over "RPO <= 15
    min | RPO <= 5 min"): every cell names its own measure and holds its figure, the same
    measure across each row, so the first column labels nothing."""
    if not head0 or names(head0) or len(body) < 2:
        return False
    for i in body:
        cells = [c for c in table.rows[i] if c and c.strip()]
        if len(cells) < 2 or not all(_HAS_FIGURE.search(c) for c in cells):
            return False
        measured = [names(c) for c in cells]
        if not measured[0] or any(m != measured[0] for m in measured[1:]):
            return False
    return True


def _cards(table, body: list[int], names) -> bool:
    """Plans side by side ("Essentials | Business | Business Plus" over "$79 /user/mo | $99
    /user/mo | $129 /user/mo"): no header names a measure and the first row states every
    column's figure alike, so the first column is a plan, not row labels."""
    if len(table.header) < 2 or not body or not all(h and not names(h) for h in table.header):
        return False
    first = table.rows[body[0]]
    shapes = {re.sub(r"[\d.,\s]+", "#", c or "") for c in first}
    return all(c and _HAS_FIGURE.search(c) for c in first) and len(shapes) == 1


_HAS_FIGURE = re.compile(r"\d")


@functools.lru_cache(maxsize=1)
def _columns() -> dict:
    return yaml.safe_load(
        (resources.files("msp_select") / "patterns" / "columns.yaml").read_text("utf-8")
    )


class _HeaderWords(NamedTuple):
    levels: re.Pattern
    question: re.Pattern


def names_levels(header: str) -> bool:
    """A first header over the rows' levels ("Priority", "Class", "Impact") (columns.yaml
    `level_headers`)."""
    return bool(_header_words().levels.search(header or ""))


@functools.lru_cache(maxsize=1)
def _header_words() -> _HeaderWords:
    """A first header that names the rows' levels, and a header that opens with a question
    word (columns.yaml `level_headers`, `question_words`)."""
    data = _columns()
    return _HeaderWords(
        re.compile(rf"\b(?:{'|'.join(data['level_headers'])})\b", re.IGNORECASE),
        re.compile(rf"\s*(?:{'|'.join(data['question_words'])})\b", re.IGNORECASE),
    )


@functools.lru_cache(maxsize=1)
def _carries() -> re.Pattern:
    words = "|".join(_columns()["carried"])
    return re.compile(rf"\s*\(?\s*(?:{words})\s*\)?\s*\.?\s*", re.IGNORECASE)


def carried(table: models.Table) -> models.Table:
    """A cell that keeps the figure of the terms in force ("Today | From 1 April" over "2 hours
    | unchanged", columns.yaml `carried`) reads as that figure: "2 hours ... unchanged" is
    offered again. The figure comes from the row's only other value cell, in a column of
    terms in force or replaced (`others`, `superseded`)."""
    table = _referred(table)
    same, words = _carries(), _owner_words()
    kept = {
        k
        for k, h in enumerate(table.header)
        if k and (words.others.search(h) or words.superseded.search(h)) and not names_offer(h)
    }
    rows = []
    for row in table.rows:
        cells = list(row)
        for j, cell in enumerate(row):
            other = [k for k, c in enumerate(row) if k and k != j and c and not same.fullmatch(c)]
            if j and cell and same.fullmatch(cell) and len(other) == 1 and other[0] in kept:
                cells[j] = f"{row[other[0]]} ... {cell}"
        rows.append(tuple(cells))
    rows = tuple(rows)
    return table if rows == table.rows else replace(table, rows=rows)


@functools.lru_cache(maxsize=1)
def _refers() -> re.Pattern:
    return re.compile(rf"\s*(?:{'|'.join(_columns()['refers'])})\s*", re.IGNORECASE)


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


def _referred(table: models.Table) -> models.Table:
    """A cell that refers to another column of its row ("As in the Contractor's wording;
    assistance beyond 30 days at the hourly rate") reads as that column's cell, then what
    follows the reference (columns.yaml `refers`)."""
    heads = [_plain(h or "") for h in table.header]
    refers = _refers()
    rows = []
    for row in table.rows:
        cells = list(row)
        for j, cell in enumerate(row):
            m = refers.fullmatch(cell or "") if j else None
            if m and m.group("word"):
                # (a header's first word, of a column before this one: "Catalogue")
                word = _plain(m.group("word"))
                k = next((k for k in range(1, j) if heads[k].split()[:1] == [word]), None)
            else:
                what = _plain(m.group("what")) if m else ""
                k = next(
                    (
                        k
                        for k, h in enumerate(heads)
                        if k and k != j and what and h.startswith(what)
                    ),
                    None,
                )
            if m and k is not None and k < len(row) and row[k]:
                cells[j] = f"{row[k]} {m.group('rest') or ''}".strip()
        rows.append(tuple(cells))
    rows = tuple(rows)
    return table if rows == table.rows else replace(table, rows=rows)


@functools.lru_cache(maxsize=None)
def _whole_header(key: str) -> re.Pattern:
    """A whole header that is one of columns.yaml's `key` list."""
    return re.compile(rf"\s*(?:{'|'.join(_columns()[key])})\s*", re.IGNORECASE)


def numbers_lines(header: str) -> bool:
    """A header of a column that numbers or codes the rows ("Ln", "SKU") (columns.yaml)."""
    return any(_whole_header("line_numbers").fullmatch(p.strip()) for p in _languages(header))


def names_units(header: str) -> bool:
    """A header over each row's unit ("Unit", "UoM"): its cells say what the figures count
    ("business days", "BD/month") and state nothing themselves."""
    return bool(_UNIT_HEADER.match(header or ""))


def names_basis(header: str) -> bool:
    """A header of a column that says what each amount is per ("Per", "Basis") (columns.yaml)."""
    return any(_whole_header("bases").fullmatch(p.strip()) for p in _languages(header))


def names_deliverer(header: str) -> bool:
    """A header over who delivers each row ("Delivered by") (columns.yaml `deliverers`)."""
    return bool(_owner_words().deliverers.search(header or ""))


def names_others(header: str) -> bool:
    """A header over someone else's words or figures ("Court requirement or question")
    (columns.yaml `others`)."""
    return bool(_owner_words().others.search(header or ""))


def names_offer(header: str) -> bool:
    """A header that calls its column the vendor's offer ("Renewal offer", "Our proposal",
    "Offered: response (min)"): columns.yaml `offer`."""
    return bool(_owner_words().offer.search(header or ""))


def names_answers(header: str) -> bool:
    """A header over the vendor's answers ("Respondent's answer"): what the cells answer is
    the row's question, not a response time (columns.yaml `answers`)."""
    return bool(_owner_words().answers.search(header or ""))


_TWO_FORMS = re.compile(r"\s*(.*?\d.*?)\s+/\s+(.*?\d.*?)\s*")


def one_form(cell: str) -> str:
    """A figure a bilingual table writes twice ("89.00 / 89,00", "7,500.00 / 7 500,00"): the
    first form; any other cell as it is."""
    m = _TWO_FORMS.fullmatch(cell or "")
    if m and re.sub(r"\D", "", m.group(1)) == re.sub(r"\D", "", m.group(2)):
        return m.group(1)
    return cell


def _counts(header: str) -> bool:
    """A column that counts what its row prices ("Qty", "No. of devices"), brackets aside."""
    return bool(_owner_words().counts.fullmatch(_PAREN.sub("", header or "").strip()))


def bought_once(table: models.Table, row: int) -> bool:
    """A quote line whose quantity column holds 1 ("Hosted server pair | 1 | $3,950.00"): its
    unit price is the whole line's fee, not a rate per device or per user."""
    if not 0 <= row < len(table.rows):
        return False
    return any(
        _counts(h)
        and j < len(table.rows[row])
        and re.fullmatch(r"\s*1(?:[.,]0+)?\s*", table.rows[row][j] or "")
        for j, h in enumerate(table.header)
    )


def names_line_amount(header: str) -> bool:
    """A header of a column that multiplies a unit price by a quantity ("Monthly (RM)",
    "Line amount") (columns.yaml line_amounts)."""
    return bool(_owner_words().line_amounts.search(header or ""))


def names_unit_price(header: str) -> bool:
    """A header of a column of unit prices ("Unit price", "Rate", "Fee") (columns.yaml)."""
    return bool(_owner_words().unit_prices.search(header or ""))


@functools.lru_cache(maxsize=1)
class _Owners(NamedTuple):
    """Header words (columns.yaml) of someone else's column, of the offer's own, of one that
    calls itself the offer, of a total, of a measure, of a line amount, of a unit price and
    of a count; of someone else's column only beside another value column, or only where
    the header names no measure of its own; of the bidder's answer column; and of a column
    of what the parties agreed, beside each party's version."""

    others: re.Pattern
    own: re.Pattern
    offer: re.Pattern
    totals: re.Pattern
    measures: re.Pattern
    line_amounts: re.Pattern
    unit_prices: re.Pattern
    counts: re.Pattern
    beside_another: re.Pattern
    unmeasured: re.Pattern
    answers: re.Pattern
    superseded: re.Pattern
    tax_added: re.Pattern
    measured: re.Pattern
    deliverers: re.Pattern
    offered_values: re.Pattern
    dated: re.Pattern
    retrospective: re.Pattern
    period_starts: re.Pattern
    agreed: re.Pattern
    versions: re.Pattern


@functools.lru_cache(maxsize=1)
def _owner_words() -> _Owners:
    data = _columns()

    def words(*keys: str) -> re.Pattern:
        listed = [w for key in keys for w in data[key]]
        return re.compile(rf"\b(?:{'|'.join(listed)})(?![\w-])", re.IGNORECASE)

    return _Owners(
        words("others"),
        words("own", "offer"),
        words("offer"),
        *(words(k) for k in ("totals", "measures", "line_amounts", "unit_prices")),
        re.compile(rf"(?:{'|'.join(data['counts'])})", re.IGNORECASE),
        words("others_beside_another"),
        words("others_unmeasured"),
        words("answers"),
        words("superseded"),
        words("tax_added"),
        words("measured"),
        words("deliverers"),
        words("offered_values"),
        words("superseded_beside_another"),
        words("retrospective"),
        words("period_starts"),
        re.compile(rf"\s*(?:as\s+)?(?:{'|'.join(data['agreed'])})\b", re.IGNORECASE),
        words("versions"),
    )


def _table_row_scopes(
    rows, labels, body, subheaders, repeats, by_level, clocks=frozenset()
) -> dict[int, str | None]:
    """The rank of each row: part by part between sub-headers and repeated headers. Under a
    sub-header that names a clock ("First response (minutes)"), rows whose times grow down
    the table are levels listed most urgent first, whatever they are called ("Store closed",
    "Lane down", "One person")."""
    row_scopes: dict[int, str | None] = {}
    for part in _parts(len(rows), subheaders | repeats):
        row_scopes.update(_row_scopes(rows, labels, part, by_level))
        if part[0] - 1 in clocks and not any(row_scopes.get(i) for i in part):
            timed = list(itertools.takewhile(lambda i: _all_times(rows[i]), part))
            if len(timed) >= 2 and _faster_first(rows, timed):
                row_scopes.update(zip(timed, in_document_order(len(timed))))
    # the same labels under another sub-header ("Now | Today" under "Call-back (minutes)",
    # then under "Working again (hours)") are the same levels
    ranked = {(labels[i] or "").strip().lower(): s for i, s in row_scopes.items() if s}
    for part in _parts(len(rows), subheaders | repeats):
        named = [(labels[i] or "").strip().lower() for i in part]
        if not any(row_scopes.get(i) for i in part) and named and all(n in ranked for n in named):
            row_scopes.update((i, ranked[n]) for i, n in zip(part, named))
    lone = [p for p in _parts(len(rows), subheaders) if not any(row_scopes.get(i) for i in p)]
    if lone and subheaders and not repeats:
        # sub-headers that group one scheme ("Incidents" / "Service requests"): a part that
        # ranks nothing alone ("Impact 1") takes its place in the whole table's scheme
        whole = _row_scopes(rows, labels, body, by_level)
        for i in (i for p in lone for i in p):
            row_scopes[i] = whole.get(i)
    return row_scopes


_LETTER = re.compile(r"[^\W\d_]")  # "Impact 1" is a level, "0:15" a time


def _level_column(rows, labels: list[str], body: Sequence[int]) -> list[str]:
    """The cells that name each row's level: the row labels, or where the labels are only
    references ("R-01", "X-02") a later column's cells that are levels ("Ref | Service line |
    Measure | ..." over "R-01 | Incident response | Impact 1 | ...")."""

    def level(i: int, j: int) -> bool:
        cell = (rows[i][j] or "") if j < len(rows[i]) else ""
        if not j:
            return bool(parse_level(cell, bare_numbers=True))
        # a short name ("Impact 1", "Sev-B"), not a description that holds a level word
        short = len(cell.split()) <= 4 and _LETTER.search(cell)
        return bool(short and parse_level(cell)) and not (
            quantities.find_times(cell) or quantities.find_percents(cell)
        )

    def levels(j: int) -> int:
        return sum(1 for i in body if level(i, j))

    width = max((len(rows[i]) for i in body), default=0)
    best = max(range(1, width), key=levels, default=None)
    if best is None or levels(best) < 2 or levels(0):
        return labels
    return [rows[i][best] if i in body and level(i, best) else lab for i, lab in enumerate(labels)]


def _measured_alike(rows, labels, body: Sequence[int], names) -> dict[int, str]:
    """Rows that measure one clock for different kinds of incident ("Branch-down response",
    "Broken-thing response", "How-do-I response"), the times growing down the table: the
    kinds rank in document order."""
    groups: dict[str, list[int]] = {}
    for i in body:
        named = names(labels[i] or "")
        if len(named) == 1 and named & {"response_time", "resolution_time"}:
            groups.setdefault(next(iter(named)), []).append(i)
    out: dict[int, str] = {}
    for group in groups.values():
        if len(group) >= 3 and _faster_first(rows, group):
            out.update(zip(group, in_document_order(len(group))))
    return out


@functools.lru_cache(maxsize=1)
def _plans() -> re.Pattern:
    """The names a row or column takes when it is a plan (columns.yaml `plans`)."""
    return re.compile(rf"\b(?:{'|'.join(_columns()['plans'])})\b", re.IGNORECASE)


def _clocked_rows(rows, labels, body: Sequence[int], heads, names) -> dict[int, str]:
    """Rows under columns that measure a clock ("Reach | Respond | Restore service") whose
    times grow down the table: the rows are levels, most urgent first, whatever they are
    called ("Plant-wide", "Site", "Team", "Individual"); rows named as plans ("Gold",
    "Basic plan") are the offer's tiers."""
    # (three rows may be the lower levels of a scheme the document ranks elsewhere)
    if len(body) < 4 or not any(names(h or "") & _CLOCKS for h in heads):
        return {}
    if any(_plans().search(labels[i] or "") for i in body) or not _faster_first(rows, body):
        return {}
    return dict(zip(body, in_document_order(len(body))))


def _adding_rows(table: models.Table, body: Sequence[int], adds: re.Pattern) -> frozenset[int]:
    """Rows that hold no price of their own: a total of the rows above ("Monthly total"), and
    the parts a price is built from ("Component of item 1.1 | KES": all but the last row, when
    they add up to it)."""
    totals = {i for i, row in enumerate(table.rows) if any(adds.search(c or "") for c in row[:2])}
    if table.header and _COMPONENTS.search(table.header[0] or "") and len(body) > 2:
        amounts = [_amount(table.rows[i][-1] if table.rows[i] else "") for i in body]
        if None not in amounts and abs(sum(amounts[:-1]) - amounts[-1]) <= 0.01 * amounts[-1]:
            totals |= set(body[:-1])
    return frozenset(totals)


def _amount(cell: str) -> float | None:
    bare = quantities.bare_number(cell or "")
    return bare[0] if bare else None


def agreement_columns(table: models.Table, label_column: int | None) -> frozenset[int]:
    """In a compliance matrix, the columns that only agree ("Comply | Yes"): the label column
    quotes someone else's requirement ("Requirement (as written in the RFP)") and another
    column answers in the vendor's own words ("P0: engineer responds in 15 minutes"), which
    say what is offered. A verdict column holds a word or three and no figure in every row."""
    words = _owner_words()
    theirs, ours = words.others, words.own
    header = table.header
    if label_column is None or label_column >= len(header):
        return frozenset()
    label = header[label_column] or ""
    if not theirs.search(label) or ours.search(label):
        return frozenset()

    def verdicts(j: int) -> bool:
        cells = [(row[j] or "") for row in table.rows if j < len(row) and row[j]]
        return bool(cells) and all(len(c.split()) <= 3 and not re.search(r"\d", c) for c in cells)

    others = [j for j in range(len(header)) if j != label_column]
    agreeing = frozenset(j for j in others if verdicts(j))
    return agreeing if len(agreeing) < len(others) else frozenset()


def is_date(cell: str) -> bool:
    """A cell that holds only a date in figures ("14.10.2027", "2027-10-14")."""
    return _DATE.fullmatch((cell or "").strip()) is not None


def _line_totals(table: models.Table, body: Sequence[int]) -> frozenset[int]:
    """Columns of money whose figures are another column's times a quantity on every row that
    has them ("251 x 36 | 175,00 | 1.581.300,00"): a price list's line amounts, in whatever
    language the header names them. A price is each line's unit price, not its total. (Only
    a column whose header names a currency: minutes in one column of an SLA table may happen
    to be another's times a third's.)"""
    rows = table.rows
    width = max((len(rows[i]) for i in body), default=0)
    if width < 4 or len(body) < 2:
        return frozenset()
    values: dict[tuple[int, int], float | None] = {}

    def value(i: int, j: int) -> float | None:
        if (i, j) not in values:
            cell = (rows[i][j] if j < len(rows[i]) else "") or ""
            times = _TIMES.fullmatch(cell)
            found = None if times else quantities.bare_number(cell)
            values[i, j] = (
                float(times["a"]) * float(times["b"]) if times else found[0] if found else None
            )
        return values[i, j]

    out = set()
    for m in range(1, width):
        if not header_currency(table.header[m] if m < len(table.header) else ""):
            continue
        products = [
            (i, j, k)
            for i in body
            for j in range(1, width)
            for k in range(j + 1, width)
            if len({j, k, m}) == 3
            and None not in (value(i, j), value(i, k), value(i, m))
            and value(i, m) > 0
            and abs(value(i, j) * value(i, k) - value(i, m)) <= 0.005 * value(i, m)
            and min(value(i, j), value(i, k)) > 1
        ]
        if len({i for i, _, _ in products}) >= 2:
            out.add(m)
    # (and the parts a line amount splits into: "of which eligible | not eligible")
    for m in sorted(out):
        for j, k in itertools.combinations([c for c in range(1, width) if c not in out], 2):
            split = [
                i
                for i in body
                if None not in (value(i, j), value(i, k), value(i, m))
                and min(value(i, j), value(i, k)) >= 0.02 * value(i, m) > 0
                and abs(value(i, j) + value(i, k) - value(i, m)) <= 0.005 * value(i, m)
            ]
            if len(split) >= 2:
                out |= {j, k}
    return frozenset(out)


_TIMES = re.compile(r"\s*(?P<a>\d{1,5})\s*[x×]\s*(?P<b>\d{1,5})\s*")


def _tax_added(heads: Sequence[str]) -> frozenset[int]:
    """Columns (by index in the row) that add the tax to a price column beside them ("Unit
    price before tax | Unit price incl. tax"): a restatement. Alone, such a column is the price."""
    words = _owner_words()
    taxed = {j for j, h in enumerate(heads) if words.tax_added.search(h)}
    priced = any(
        j not in taxed and (header_currency(h) or words.unit_prices.search(h))
        for j, h in enumerate(heads)
    )
    return frozenset(j + 1 for j in taxed) if priced else frozenset()


def _sole_measure(head: str, heads: Sequence[str], names) -> bool:
    """Does the header name a measure no other column names? "Typical fix" alone is the
    vendor's own (soft) fix time; beside "Fix (target)" it is what usually happens."""
    own = names(head)
    return bool(own) and not any(h != head and own & names(h) for h in heads if h)


_SAYS = re.compile(r"\b(?:comments?|responses?|answers?|repl(?:y|ies)|remarks?)\b", re.I)


def _address_commas(header: str) -> int:
    """The commas of a header that set off more than a company's legal form (", Ltd.", ", S.A.
    de C.V." belong to the name; ", IT Manager, Dammam" is an address)."""
    from msp_select import company

    return sum(not company.is_legal_form(part) for part in header.split(",")[1:])


def _others(heads: Sequence[str], names, party, figured=lambda j: True) -> frozenset[int]:
    """Value columns (by index in the row) that hold someone else's figures: the client's
    requirement, an incumbent's or a competitor's (columns.yaml), a column headed with the
    client's name, and beside a column of figures headed with the vendor's own name every
    other named column that names no category ("Bukit Timah | Typical tier-1 MSP"). (A
    column under the vendor's name that holds no figures, "R/A" in a responsibility matrix,
    says who does the work, and the "Level" beside it is the vendor's.)"""
    words = _owner_words()
    theirs, ours, beside, unmeasured = (
        words.others,
        words.own,
        words.beside_another,
        words.unmeasured,
    )
    # (a column for the client is no column of the client's: "Approved for Café Ulúa",
    # "Offered to Kihondo")
    sides = [party(re.split(r"\s+(?:for|to)\s+", h)[0]) if h else "" for h in heads]

    def valued(j: int) -> bool:  # another column holds figures ("Spec" beside "Our offer")
        return any(h and k != j and figured(k + 1) for k, h in enumerate(heads))

    out = {
        j + 1
        for j, h in enumerate(heads)
        if h
        and (
            words.superseded.search(h)
            or (words.dated.search(h) and valued(j))
            or words.measured.search(h)
            or words.retrospective.search(h)
            # ("KCGC comment": what the client says, where the client's name opens it;
            # "Response to KCGC" is the vendor's answer, "KCGC receives" the vendor's offer)
            # (a table's only value column under the client's name alone, "Item | Karmir
            # Kamurj CJSC", is the sheet of terms made out for it; not "To | Eng. A. Ali, IT
            # Manager, Thabat Co.", a letter's address)
            or (
                sides[j] == "client"
                and (valued(j) or _address_commas(h) or len(h.split()) > 6)
                and (not ours.search(h) or (_SAYS.search(h) and party(h.split()[0]) == "client"))
            )
            or (
                (
                    theirs.search(h)
                    or (beside.search(h) and valued(j))
                    or (unmeasured.search(h) and not _sole_measure(h, heads, names))
                )
                and not ours.search(h)
            )
        )
    }
    if any(
        side == "provider" and figured(j + 1) and not _header_words().question.match(heads[j])
        for j, side in enumerate(sides)
    ):  # ("How Thuqbah meets it" describes the vendor's answer: it holds no rival's figures)
        out |= {
            j + 1
            for j, h in enumerate(heads)
            if h and sides[j] != "provider" and not names(h) and not ours.search(h)
        }
    settled = _settled_versions(heads, figured)
    return frozenset(
        out | _unoffered_twins(heads, names, figured) | _earlier_versions(heads) | settled
    )


def _settled_versions(heads: Sequence[str], figured=lambda j: True) -> set[int]:
    """ "Customer's wording | Contractor's wording | Agreed wording": beside a column of
    figures that says what the parties agreed, each party's version is a position the
    agreement settled (columns.yaml `agreed`, `versions`)."""
    words = _owner_words()
    agreed = {j for j, h in enumerate(heads) if h and words.agreed.match(h) and figured(j + 1)}
    if not agreed:
        return set()
    return {
        j + 1
        for j, h in enumerate(heads)
        if h and j not in agreed and words.versions.search(h) and not words.agreed.match(h)
    }


def _earlier_versions(heads: Sequence[str]) -> set[int]:
    """ "Our tender (16/06/2027) | Agreed and accepted (04/07/2027)": of columns that date the
    versions of one offer, all but the latest are what it replaced. (A column dated as the
    start of a period, "From 01/09/2028", prices that period and is no version.)"""
    dated = {
        j: when
        for j, h in enumerate(heads)
        if h and not _owner_words().period_starts.search(h) and (when := _header_date(h))
    }
    if len(set(dated.values())) < 2:
        return set()
    latest = max(dated.values())
    return {j + 1 for j, when in dated.items() if when < latest}


def _header_date(header: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date a header gives in figures ("(16/06/2027)", "of 2027-07-04"),
    day first unless the month cannot be."""
    m = _DATE.search(header)
    if not m:
        return None
    if m.group("y4"):
        return int(m.group("y4")), int(m.group("m4")), int(m.group("d4"))
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    day, month = (b, a) if b > 12 else (a, b)
    return (year + 2000 if year < 100 else year), month, day


_DATE = re.compile(
    r"\b(?:(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))\b"
)


def _unoffered_twins(heads: Sequence[str], names, figured=lambda j: True) -> set[int]:
    """ "Pliego: response (min) | Offered: response (min)": of two columns that measure the
    same thing, where one header calls itself the offer and the other does not, the other holds
    someone else's figures (the tender's, whatever its word for it). ("Response" names the
    measure here, not the bidder's answer.) Beside the one column of figures that calls itself
    the offer ("TdR minimum | Value offered"), a column of figures that names no measure of its
    own is likewise what the offer answers."""
    measured = [(j, names(h)) for j, h in enumerate(heads) if h]
    offered = [m for j, m in measured if m and names_offer(heads[j])]
    twins = {j + 1 for j, m in measured if m and not names_offer(heads[j]) and m in offered}
    # (only a header that is the offer's and nothing else: a plan's name marked "Circle
    # (proposed)" or "Silver - proposed" is one plan of several, each open to the client, and
    # "Draft - proposed to customer" a record's field)
    says = _owner_words().offered_values
    offers = [j for j, _ in measured if _only_the_offer(heads[j], says) and figured(j + 1)]
    if len(offers) == 1:
        twins |= {
            j + 1
            for j, m in measured
            if j != offers[0] and not m and figured(j + 1) and not says.search(heads[j])
        }
    return twins


def _only_the_offer(head: str, says: re.Pattern) -> bool:
    """ "Value offered", "Our offer", "Bid": a header that calls its column the offer and names
    nothing else but what such a column holds (columns.yaml `offer_nouns`)."""
    rest = says.sub(" ", head.lower())
    nouns = set(_columns()["offer_nouns"])
    return bool(says.search(head)) and not set(re.findall(r"[^\W\d_]+", rest)) - nouns


def beside_the_offered(tables) -> set[str]:
    """Plans side by side where one header marks itself as the offer ("Silver | Gold
    (offered) | Platinum"): the others, shown for comparison, are not offered (columns.yaml
    `offered_marks`)."""
    marks = "|".join(m.replace(" ", r"\s+") for m in _columns()["offered_marks"])
    mark = re.compile(rf"\(\s*(?:{marks})\s*\)", re.IGNORECASE)
    out: set[str] = set()
    for t in tables:
        heads = [cell or "" for cell in t.header[1:]]
        marked = [h for h in heads if mark.search(h)]
        if len(marked) == 1 and len(heads) > 1:
            out |= {re.sub(r"\([^)]*\)", "", h).strip() for h in heads if h and h not in marked}
    return out


def names_options(corner: str) -> bool:
    """A corner cell over rows that are options ("Option", "Add-ons"): columns.yaml
    `option_corners`."""
    return _whole_header("option_corners").fullmatch(corner or "") is not None


_UNIT_PER_PERIOD = re.compile(
    r"^\s*[A-Za-z]+\s*/\s*(?:month|mo|year|yr|annum|quarter|week|hour|hr)\.?\s*$", re.IGNORECASE
)
_BASIS = re.compile(r"^\s*(?:per|/|each|every|one[- ]?(?:time|off)|once[- ]?off)\b", re.IGNORECASE)


def _row_unit(label: str, row: Sequence[str], unit_col: int | None) -> tuple[str, str]:
    """The unit and currency of a row's bare figures: its label's ("Uptime (%)"), else its
    cell in a "Unit" column ("min", "% per month")."""
    unit, currency = header_unit(label), header_currency(label)
    if unit_col is not None and unit_col < len(row):
        given = cell_unit(row[unit_col])
        unit, currency = unit or given[0], currency or given[1]
    return unit, currency


_RANGE = re.compile(r"^\s*\d[\d.,]*\s*(?:[-–]|to)\s*\d[\d.,]*\s*(?:%|[^\W\d])", re.IGNORECASE)
_COMPARED = re.compile(
    r"^\s*(?:[≤≥<>]=?|up\s+to\b|under\b|over\b|below\b|above\b|more\s+than\b)", re.I
)


def _band_columns(rows: Sequence[Sequence[str]], width: int, body: Sequence[int]) -> set[int]:
    """A scorecard's bands ("Green ≤ 10 min | Amber 11-20 min | Red > 20 min"): where a column
    holds ranges, it and every column of comparisons beside it grade the result; only the
    committed column is the offer."""

    def share(j: int, pattern: re.Pattern) -> float:
        cells = [rows[i][j] for i in body if j < len(rows[i]) and (rows[i][j] or "").strip()]
        return sum(bool(pattern.match(c)) for c in cells) / len(cells) if cells else 0.0

    ranged = {j for j in range(1, width) if share(j, _RANGE) >= 0.6}
    if not ranged:
        return set()
    return ranged | {j for j in range(1, width) if share(j, _COMPARED) >= 0.6}


def responsible(cells: Sequence[str], sides: Sequence[str]) -> set[str]:
    """The parties a responsibility matrix's row marks R (or, with no R, A), `sides` naming
    the party of each column ("Hoshizora IT | Sanaru" over "R/A | I"); none unless both
    parties head a column ("Class | Description" over "A | Business stopped" is no matrix)."""
    if not {"client", "provider"} <= set(sides):
        return set()
    codes = [
        (side, (cell or "").strip().upper())
        for side, cell in zip(sides, cells)
        if side and RACI_CODE.fullmatch((cell or "").strip().upper())
    ]
    return {side for side, code in codes if "R" in code} or {
        side for side, code in codes if "A" in code
    }


RACI_CODE = re.compile(r"[RACI](?:\s*[/,]\s*[RACI])*")  # "R/A", "C", "I"


def _has_figures(rows: Sequence[Sequence[str]], j: int, body: Sequence[int]) -> bool:
    return any(j < len(rows[i]) and re.search(r"\d", rows[i][j] or "") for i in body)


def is_basis(cell: str) -> bool:
    """A cell that says what a neighbouring amount is per ("per site per month", "one-time",
    "Out of scope, per hour": the basis may close a description)."""
    if _UNIT_PER_PERIOD.match(cell or ""):
        return True  # "Device / Month": a form's unit of measure
    parts = [p for lang in _languages(cell) for p in [lang, *lang.split(",")[1:]]]
    return any(_BASIS.match(part.strip()) for part in parts)


def _languages(text: str) -> list[str]:
    """A bilingual label's versions ("Base / Basis", "par appareil, par mois / per device, per
    month"): either may say what the column holds; the whole text is the first."""
    text = text or ""
    return [text, *text.split(" / ")] if " / " in text else [text]


def _prose_column(rows: Sequence[Sequence[str]], j: int) -> bool:
    """A column of sentences ("How the draft agreement meets it" over "At most fifteen (15)
    minutes of data lost ..."): answers or descriptions, not a plan's terms, which are
    short."""
    cells = [r[j] for r in rows if j < len(r) and r[j]]
    return bool(cells) and sum(len(c.split()) > _PLAN_CELL_WORDS for c in cells) * 2 > len(cells)


_PLAN_CELL_WORDS = 12


def _sentence(label: str) -> bool:
    """A row label that is a sentence ("The Bank tests its plan."), the requirement a row
    answers: no plan's name."""
    words = (label or "").split()
    return len(words) > _PLAN_CELL_WORDS or (len(words) >= 3 and words[-1].endswith("."))


def _basis_column(rows: Sequence[Sequence[str]], j: int) -> bool:
    """A column of bases: the basis of a price, not a tier."""
    cells = [r[j] for r in rows if j < len(r) and r[j]]
    return bool(cells) and sum(is_basis(c) for c in cells) * 2 > len(cells)


def _led_by_harm(heads: list[str]) -> list[str | None]:
    """The levels of columns: by their words, and where the known words ("URGENT | NORMAL |
    LOW") follow columns named by the harm they do ("LINE STOP"), all in the order written,
    the harm first."""
    ranked = scheme_scopes(heads)
    lead = next((i for i, s in enumerate(ranked) if s), 0)
    known = [s for s in ranked[lead:] if s]
    if (
        lead
        and len(known) == len(ranked) - lead
        and known == sorted(known)
        and all(describes_effects([h or ""]) for h in heads[:lead])
    ):
        return in_document_order(len(heads))
    return ranked


def names_description(header: str) -> bool:
    """A header over words that say what each row is ("Meaning", "What it shows"):
    columns.yaml `describing`."""
    return _whole_header("describing").fullmatch(header or "") is not None


def names_clock(header: str) -> bool:
    """A header over when each row's clock runs ("Clock", "Timer runs"): columns.yaml
    `clock_headers`."""
    return _whole_header("clock_headers").fullmatch(header or "") is not None


_MODAL = re.compile(r"\b(?:could|can|may|might|would)\s+", re.IGNORECASE)


def _describing_columns(table: models.Table, body: Sequence[int]) -> list[int]:
    """Columns of words whose header says they describe the row ("What it shows"): columns.yaml
    `describing`."""
    return [
        j
        for j, h in enumerate(table.header)
        if j
        and _whole_header("describing").fullmatch(h or "")
        and not _has_figures(table.rows, j, body)
    ]


def _level_subheaders(labels, subheaders, repeats, row_scopes) -> dict[int, tuple[str]]:
    """Sub-headers over the same measures ("Emergency - lab stopped" / "Urgent - reports
    delayed", each over "Response | Fault fixed") are the levels of one scheme, listed most
    urgent first: each ranks in that scheme, not by what its word alone would say."""
    under: dict[tuple[str, ...], list[int]] = {}
    for part in _parts(len(labels), set(subheaders) | repeats):
        head = part[0] - 1
        if head in subheaders and not any(row_scopes.get(i) for i in part):
            measures = tuple((labels[i] or "").strip().lower() for i in part)
            under.setdefault(measures, []).append(head)
    heads = max(under.values(), key=len, default=[])
    if len(heads) < 2:
        return {}
    names = [labels[i] for i in heads]
    levels = [lv for lv in map(parse_level, names) if lv]
    urgencies = [lv.urgency for lv in levels if lv.number is None]
    if len(urgencies) >= 2 and len(urgencies) == len(levels) and urgencies == sorted(urgencies):
        ranked = in_document_order(len(heads))  # ("Critical / Urgent / Routine / Planned")
    else:
        ranked = scheme_scopes(names, words_only=True, trailing=True, whole=True)
    return {i: (s,) for i, s in zip(heads, ranked) if s} if all(ranked) else {}


def _parts(count: int, breaks: set[int]) -> list[list[int]]:
    """Row indices between sub-headers and repeated headers: each part ranks on its own."""
    parts: list[list[int]] = [[]]
    for i in range(count):
        if i in breaks:
            parts.append([])
        else:
            parts[-1].append(i)
    return [p for p in parts if p]


_LETTERED = re.compile(r"^\s*\(?([A-FS])(?:\)|\.|\s*[-–—:]\s|\s*$)")


def _lettered(labels: Sequence[str]) -> list[str | None]:
    """Labels lettered A, B, C ... in order ("A", "B - Sailing at risk", "C: Degraded"): a
    scheme listed most urgent first, as letters are read. An S grades above A ("S | A | B")."""
    letters = [m.group(1) if (m := _LETTERED.match(text or "")) else None for text in labels]
    alphabet = [chr(ord("A") + k) for k in range(len(labels))]
    if len(labels) < 2 or letters not in (alphabet, ["S", *alphabet[:-1]]):
        return [None] * len(labels)
    return in_document_order(len(labels))


def _effect_columns(rows, heads: list[str], body: Sequence[int]) -> list[str | None]:
    """Columns named by effect ("Branch cannot serve customers | One person affected |
    Advice or request") whose times grow along every row of times: the levels of a transposed
    SLA table, most urgent first."""
    width = len(heads) + 1
    timed = [
        [_minutes(rows[i][j] or "") for j in range(1, width)]
        for i in body
        if len(rows[i]) >= width and _all_times(rows[i][:width])
    ]
    # (or named by any words, with a row that says what each does: "What it means | a hall
    # stopped | a line impaired | one workplace")
    glossed = any(
        describes_effects([rows[i][j] or "" for j in range(1, width)])
        for i in body
        if len(rows[i]) >= width and not _all_times(rows[i][:width])
    )
    named = describes_effects(heads) or _numbered_series(heads) or glossed
    if 2 <= len(heads) <= 6 and named and timed and all(map(grows, timed)):
        return in_document_order(len(heads))
    return [None] * len(heads)


def _numbered_series(heads: Sequence[str]) -> bool:
    """Three or more headers that number one word 1, 2, 3 ... ("Muc 1 Khan cap | Muc 2 Cao |
    Muc 3 Trung binh", "Stufe 1 | Stufe 2 | Stufe 3"): a scale, in whatever language, unless
    the word names plans ("Option 1 | Option 2")."""
    found = [_SERIES.match(h or "") for h in heads]
    if len(heads) < 3 or not all(found):
        return False
    words = {m.group(1).lower() for m in found}
    numbers = [int(m.group(2)) for m in found]
    return (
        len(words) == 1
        and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        and not _plans().search(found[0].group(1))
    )


_SERIES = re.compile(r"\s*([^\W\d_]{2,})\s+(\d{1,2})\b")


def _row_scopes(rows, labels, part: list[int], by_level: bool) -> dict[int, str | None]:
    runs = _level_runs(labels, part)
    if len(runs) > 1:
        return {i: s for run in runs for i, s in _row_scopes(rows, labels, run, by_level).items()}
    lettered = _lettered([labels[i] for i in part]) if by_level else []
    if any(lettered):
        return dict(zip(part, lettered))  # "Class | A / B / C"
    # under a level header, rows after the last named level rank below it when the times
    # grow down the table ("Red / Amber / Green / Blue", "Urgent / ... / Planned")
    trailing = by_level and _faster_first(rows, part)
    named = [labels[i] for i in part]
    whole = len(part) >= 3 and all(parse_level(x, by_level) for x in named)
    scopes = dict(zip(part, scheme_scopes(named, by_level, trailing=trailing, whole=whole)))
    described = by_level or describes_effects([" ".join(c or "" for c in rows[i]) for i in part])
    ranks = [s for s in scopes.values() if s]
    if (
        described
        and (len(ranks) < len(part) or len(set(ranks)) < len(ranks))
        and _faster_first(rows, part)
    ):
        # rows named by effect ("Whole site down", "One user affected") under an "Impact"
        # header, or rows that describe effects ("Everything's stopped | A clinic can't take
        # payments"), their times growing down the table: listed most urgent first, also
        # where only some of them are level words ("Emergencial / Urgente / Normal / ...") or
        # the words give two rows one rank ("Minor deviation", "Observation")
        scopes = dict(zip(part, in_document_order(len(part))))
    return scopes


def _level_runs(labels, part: list[int]) -> list[list[int]]:
    """A part whose labels count the levels more than once, each run named alike up to its
    number ("First response, Priority 1 .. 3", "Confirm a Priority 1 ...", "Restore service,
    Priority 1 .. 3 and 4"), split into its runs: each is its own scheme. Otherwise (one
    run, or a run that repeats a number of its own) the part."""
    runs: dict[str, list[int]] = {}
    numbers: dict[str, list[str]] = {}
    for i in part:
        label = _CODE_FIRST.sub("", _PAREN.sub("", labels[i] or ""))
        digits = re.findall(r"\d+", label)
        if len(digits) > 1:
            return [part]  # "Resolution, S1 / S2": levels paired in one row read together
        key = label[: label.find(digits[0])].strip().lower() if digits else ""
        runs.setdefault(key, []).append(i)
        numbers.setdefault(key, []).extend(digits)
    counted = [ns for key, ns in numbers.items() if key]
    shared = set.intersection(*map(set, counted)) if len(counted) > 1 else set()
    if not shared or any(len(set(ns)) < len(ns) for ns in counted):
        return [part]
    return sorted(runs.values())


_CODE_FIRST = re.compile(r"^\S*\d\S*\s+(?=\D)")  # "A3 First response": the row's code
_PAIR = ("response_time", "resolution_time")
_DEADLINE = re.compile(r"\b(?:within|by|inside|target|time)\b", re.IGNORECASE)


def _paired_times(rows, body: Sequence[int], heads: Sequence[str], names) -> dict[int, str]:
    """The category of an unnamed time column beside a named one in a table of levels.

    An SLA table's two clocks are the first answer and the fix, in that order and the first
    never the longer: "First human contact | Fix objective", "Acknowledged | Back to normal".
    When one header names its clock and the other names none (or only a recovery, "Up and
    running again"), the other is the other clock.
    """
    units = [""] + [header_unit(h) for h in heads]
    timed = [
        j
        for j in range(1, len(heads) + 1)
        if sum(_minutes_of(rows[i], j, units[j]) is not None for i in body) * 2 > len(body)
    ]
    if len(timed) != 2:
        return {}
    first, second = timed
    said = [set(names(heads[j - 1])) & set(_PAIR) for j in timed]
    if not (said[0] or said[1]) and all(_DEADLINE.search(heads[j - 1]) for j in timed):
        # neither names its clock ("Working on it within | Back to normal within"): the
        # shorter, first clock is the answer and the longer the fix
        said = [{_PAIR[0]}, set()] if not any(names(heads[j - 1]) for j in timed) else said
    if said[0] and said[1] or not (said[0] or said[1]):
        return {}
    known = said[0] or said[1]
    if len(known) != 1 or (said[0] and known != {_PAIR[0]}) or (said[1] and known != {_PAIR[1]}):
        return {}
    unnamed = timed[1] if said[0] else timed[0]
    clocks = {
        n for n in names(heads[unnamed - 1]) if n in CATEGORIES and CATEGORIES[n].kind == "time"
    }
    if clocks - {"rto"}:
        return {}  # the other header names another duration ("Escalation", "Notice")
    pairs = [
        (_minutes_of(rows[i], first, units[first]), _minutes_of(rows[i], second, units[second]))
        for i in body
    ]
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    if len(pairs) < 2 or any(a > b for a, b in pairs):
        return {}
    if said[0] and not names(heads[first - 1]):
        return {first: _PAIR[0], second: _PAIR[1]}
    return {second: _PAIR[1]} if said[0] else {first: _PAIR[0]}


def _minutes_of(row: Sequence[str], j: int, unit: str = "") -> float | None:
    """A cell's duration in minutes, a bare number taking its header's unit ("Reaction (min)")."""
    cell = (row[j] or "") if j < len(row) else ""
    minutes = quantities.longest_minutes(cell)
    if minutes is None and unit and unit != "percent":
        bare = quantities.bare_number(cell)
        minutes = quantities.convert(bare[0], unit, "minute") if bare else None
    return minutes


def _minutes(cell: str) -> float | None:
    minutes = quantities.longest_minutes(cell)
    if minutes is not None:
        return minutes
    bare = quantities.bare_number(cell)
    return bare[0] if bare else None


def _all_times(row: Sequence[str]) -> bool:
    """A row whose every value cell holds a duration or a bare number."""
    cells = [c for c in row[1:] if c]
    return bool(cells) and all(_minutes(c) is not None for c in cells)


def _faster_first(rows: Sequence[Sequence[str]], body: Sequence[int]) -> bool:
    """Two to six rows whose every time column never gets faster down the table, and grows."""
    if not 2 <= len(body) <= 6:
        return False
    width = min(len(rows[i]) for i in body)
    columns = [[_minutes(rows[i][j] or "") for i in body] for j in range(1, width)]
    timed = [c for c in columns if all(v is not None for v in c)]
    return bool(timed) and all(grows(c) for c in timed)


def _subheaders(rows: Sequence[Sequence[str]]) -> list[int]:
    """Rows that fill only their first cell with words: "Priority 1 - Critical", "Gold plan"."""
    out = []
    for i, row in enumerate(rows):
        if len(row) > 2 and row[0] and not any(c for c in row[1:]) and not row[0][:1].isdigit():
            out.append(i)
    return out
