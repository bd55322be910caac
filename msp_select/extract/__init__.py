"""Turn parsed proposals (models.Document) into what the vendor commits to (models.Commitment).

Every passage (a text block or a table row) goes through spaCy once; the pattern matcher
(nlp.py) marks category cues, priority scopes, cover words and distractors. A commitment is a
quantity (quantities.py) with a category cue nearby in the same clause and no distractor
(history, industry figures, the client's own requirement, payment terms...) in that clause.
Strength and party come from helper modules applied to the clause holding the quantity.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, replace
from typing import Sequence

from msp_select import company, models, vocab
from msp_select.extract import quantities
from msp_select.extract.context import (
    Layer,
    asks_again,
    block_layers,
    counted_definitions,
    defined_levels,
    enumerated_levels,
    gloss_span,
    glossary_levels,
    header_currency,
    header_unit,
    heading_layers,
    itemised_levels,
    lead_word,
    numbered_levels,
    numbered_question,
    ordered_levels,
    prefixed_levels,
    prose_levels,
    run_in_title,
    starts_item,
    tabled_levels,
    unnumbered,
)
from msp_select.extract.evidence import RANK, EvidenceFinder, finish
from msp_select.extract.nlp import sentences
from msp_select.extract.priorities import (
    condition_ranks,
    declared_scale,
    describes_effects,
    grows,
    in_document_order,
    parse_level,
    ranked_by_order,
    scheme_scopes,
    ticket_words,
)
from msp_select.extract.strength import (
    DEADLINE,
    PRECEDENCE,
    Parties,
    cues,
    declared_marks,
    names_duties,
    party_of,
    strength_of,
)
from msp_select.extract.tables import (
    agreement_columns,
    beside_the_offered,
    bought_once,
    carried,
    is_basis,
    is_date,
    names_answers,
    names_basis,
    names_clock,
    names_deliverer,
    names_description,
    names_levels,
    names_line_amount,
    names_offer,
    names_options,
    names_others,
    names_unit_price,
    names_units,
    numbers_lines,
    one_form,
    read_grid,
    responsible,
)
from msp_select.models import Commitment, Source
from msp_select.vocab import CATEGORIES

# The contract's categories (vocab, from data/categories.yaml), as the rules ask for them.
UNIT = {c.id: c.unit for c in CATEGORIES.values() if c.unit}
KIND = {c.id: c.kind for c in CATEGORIES.values()}  # time, percent, cadence, cover, money
SCOPED = tuple(c.id for c in CATEGORIES.values() if c.scoped)
# Contract terms are terms: "either party may terminate on 60 days' notice" is not a soft promise.
TERMS = tuple(c.id for c in CATEGORIES.values() if c.term)

# A clause ends at ";" or where "and/but/while" starts a new subject ("... and we will resolve ...").
_CLAUSE = re.compile(
    r";|\s[–—]\s(?=[A-Z][\w ]{0,30}:)|,\s*(?:and|but|while|whereas|although|so|depending\s+(?:on|upon))\s"
    r"|\s(?:but|while|whereas|although)\s"
    # ", save where the Customer has asked for deferral": an exception is a clause of its own
    r"|,\s*(?:save|except|other\s+than)\s+(?:where|when|if|that)\s"
    r"|\sand\s(?=(?:we|our|you|your|they|their|it|resolution|response|credits?)\b)"
    # "taken every 4 hours and kept for 30 days": how long copies are kept is a second predicate
    r"|\sand\s(?=(?:(?:are|is|then)\s+)?(?:kept|retained|stored|archived)\b)"
    # "... and the WMS platform at 99.95%" joins a noun; "and the desk is open" opens a clause
    # (so does "its": "confirms the outage and its priority within 15 minutes")
    r"|\sand\s(?=(?:the|this|these|all|any|its)\s+(?:[\w-]+\s+){0,3}"
    r"(?:is|are|will|shall|must|can|may|has|have|gets?|receives?|runs?|remains?|stays?|we|you|they)\b)",
    re.IGNORECASE,
)


def _states_figure(text: str) -> bool:
    """Whether a text gives a time, a percentage or an amount of its own."""
    return bool(
        quantities.find_times(text) or quantities.find_percents(text) or quantities.find_money(text)
    )


_ON_DUTY = re.compile(
    r"\s*(?:duty\s+|on-call\s+)?(?:contacts?|person|people|managers?|lead|supervisor|coordinator|deputy"
    r"|representatives?|liaison|key\s*holder|engineers?|technicians?)\b",
    re.IGNORECASE,
)
_WHILE = re.compile(r"\bwhil(?:e|st)\s$", re.IGNORECASE)
_SUBORDINATE = re.compile(  # "When a site is down, an engineer is on the line ..."
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:when|whenever|if|where|should|once|while|as\s+soon\s+as|after"
    r"|before|unless|until|provided|providing|subject\s+to|in\s+the\s+event|on\s+condition)\b",
    re.IGNORECASE,
)
_NEW_SUBJECT = re.compile(
    r",\s+(?=(?:[\w-]+\s+){1,3}(?:are|is|will|shall|must|get|gets|receive|receives)\b)"
)


def _spliced(text: str) -> set[int]:
    """ "P2 tickets will be answered within 2 hours, routine ones are typically picked up ...":
    after a clause with its own verb (not a condition), a comma before a new subject and its
    verb starts a new clause."""
    cuts, last = set(), 0
    for m in _NEW_SUBJECT.finditer(text):
        before = text[last : m.start()]
        if _OWN_VERB.search(before) and not _SUBORDINATE.match(before):
            cuts.add(m.end())
            last = m.end()
    return cuts


_NEAR_GAP = re.compile(r"^[\s,/&()\-–:]*(?:and|or|&)?[\s,/&()\-–:]*$", re.IGNORECASE)
_NEGATED_HOURS = re.compile(
    r"(?:outside(?:\s+of)?|out of|after|beyond|excluding|except)\s+(?:normal\s+)?$", re.IGNORECASE
)
# a clause with its own promise keeps its strength; "and resolution within 8 hours" inherits
_OWN_VERB = re.compile(  # "to start handling" is no verb of its own
    r"(?<!\bto\s)\b(?:will|shall|must|guarantee[sd]?|commit(?:s|ted)?|undertake[sn]?|agree[sd]?|"
    r"obliged|contractual(?:ly)?|are|is|has|have|takes?|lasts?|runs?|starts?|begins?|ends?|"
    r"gets?|receives?|remains?|stays?|applies|apply)\b",
    re.IGNORECASE,
)
_LIST_END = re.compile(r"\sand\s|,|;")
# a frequency, not a duration: "every 6 months", "once a quarter", "twice a year"
_EVERY = re.compile(
    r"\bevery\s+$|\bonce\s+(?:a|per|every)\s+$|\b(?:once|twice|thrice|times)\s+$"
    r"|\bintervals?\s+of\s+$",
    re.IGNORECASE,
)
# "days between service reviews", "Review interval (days)": a header whose figures are intervals
_INTERVAL = re.compile(r"\b(?:between|intervals?|frequency|apart)\b", re.IGNORECASE)


@dataclass
class _Passage:
    """A text block, a table row (for evidence) or a table cell (for commitments).

    `layers` are the places around it that may name what its numbers measure, nearest first.
    """

    text: str
    source: Source
    heading: str
    layers: tuple[Layer, ...] = ()
    kind: str = "text"  # text | header | row | cell | header_cell
    table: models.Table | None = None
    row: int = -1


def _strength_of(span, terms: Sequence[tuple[int, int]] = ()) -> str:
    """strength.strength_of, except that a cue word inside a category's own name does not count:
    "recovery time objective" is a name, not an aim. `terms` are document character ranges."""
    found = strength_of(span)
    if found == "binding" or not terms:
        return found
    return strength_of(
        span,
        skip=lambda s, e: any(
            ts <= span[s].idx and span[e - 1].idx + len(span[e - 1]) <= te for ts, te in terms
        ),
    )


# a notice label that names no event: a row "Notice period", a statement "Notice: 6 months"
_NOTICE_LABEL = r"\s*(?:the\s+)?(?:contract(?:ual)?\s+)?notice(?:\s+(?:period|term))?"
_BARE_NOTICE = re.compile(_NOTICE_LABEL + r"\s*:?\s*", re.IGNORECASE)
# an item that opens with its verb ("(b) respond to ...", "- provide access ...")
_ELIDED_SUBJECT = re.compile(r"^\s*(?:\(?[a-z0-9]{1,3}[.)]|[-•*–])\s+[a-z]")
# "6.1 The Customer shall:", "The Provider will:": a subject and its modal over lettered parts
_INLINE_LEAD = re.compile(
    r"[^:;]{0,80}?\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to)\s*:", re.IGNORECASE
)
_WHO = re.compile(r"\W*who\b", re.IGNORECASE)
# "and after four hours to our CTO": a clause with no subject or verb of its own, the one
# before it understood, when "and", "or" or "then" joins it on
_ELLIPSIS = re.compile(r"\W*(?:(?:and|or)\s+)?(?:then\s+)?(?:after|beyond|past)\s", re.IGNORECASE)
_JOINED = re.compile(r"\b(?:and|or|then)\W*$|^\W*(?:and|or|then)\b", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\W*(?:and|or|but)?\W*", re.IGNORECASE)  # a clause of a bare "and"
# ", and shall confirm the fix within 30 minutes": a verb with no subject of its own shares the
# clause's before it
_SHARED_SUBJECT = re.compile(
    r"\W*(?:and|or|but)?\s*(?:(?:also|then)\s+)?"
    r"(?:shall|must|will|should|agrees?\s+to|undertakes?\s+to)\b",
    re.IGNORECASE,
)
# "..., and within 30 minutes during a Priority 1 Incident": a deadline joined on alone, its
# verb and subject the clause's before it
_BARE_DEADLINE = re.compile(r"\W*(?:within|inside|in\s+under|no\s+later\s+than)\b", re.IGNORECASE)


def _asked(span) -> bool:
    """Whether a clause states what the buyer asks for ("The Group expects a first response
    within 30 minutes"); a condition on the buyer asking ("visits at weekends, when you ask
    for them") is the provider's offer."""
    return any(
        label == "ASKED" and not any(t.lower_ in _ON_ASKING for t in span[max(0, s - 3) : s])
        for label, s, _ in cues(span)
    )


_ON_ASKING = {"when", "whenever", "if", "once", "should", "unless", "where"}


def _passages(
    doc: models.Document,
    names,
    party=lambda text: "",
    strength=lambda text: "binding",
    captions=lambda text: False,
) -> list[_Passage]:
    """Blocks, then each table's header, rows (for evidence) and cells (for commitments);
    `party(text)` is the party a text names by name (strength.Parties.side), `strength(text)`
    how firmly a short text offers (strength.jsonl), `captions(text)` whether a corner cell
    says what every figure of its table is."""
    out, heading, callout = [], "", ""
    legend = _legend(doc.blocks)
    blocks = _noted_headings(doc.blocks, legend)
    for b, layers in zip(blocks, block_layers(blocks)):
        if b.heading:
            heading = b.text
        source = Source(doc.file, b.page, "text", b.bbox)
        title = "" if b.heading else run_in_title(b.text)
        # a figure set large as a heading ("15 MIN") and the caption under it ("to a named
        # engineer on the phone") are read as one statement
        text = f"{callout} - {b.text}" if callout and not b.heading else b.text
        out.append(_Passage(text, source, title or (heading if not b.heading else ""), layers))
        callout = b.text.strip() if b.heading and _CALLOUT.fullmatch(b.text.strip()) else ""
    tables = [
        _based(
            _ungrouped(
                _unnumbered(
                    _headless(
                        _unmarked(
                            _noted(
                                _captioned(carried(_applying(_column_numbers(t), doc.blocks))),
                                legend,
                            )
                        )
                    )
                )
            )
        )
        for t in doc.tables
    ]
    grids = [read_grid(t, names, None, party) for t in tables]
    measures = _implied_measures(grids)
    leads = _lead_levels(tables)
    corners = _corner_levels(tables)
    prev, grid, prev_around = None, None, ()
    for t, alone in zip(tables, grids):
        around = (
            corners.get(id(t), ())
            + _corner_caption(t, captions)
            + heading_layers(blocks, t.page, t.bbox[1], t)
        )
        # (a table under a heading of its own, "5. Fix", is a new table with the same columns)
        continued = (
            prev is not None
            and t.page > prev.page
            and t.header == prev.header
            and t.section == prev.section
        )
        if continued:
            around = prev_around  # a table carried over a page break keeps its context
        head = next((layer.text for layer in around if layer.kind == "heading"), "")
        source = Source(doc.file, t.page, "table", t.bbox)
        out.append(_Passage(" | ".join(t.header), source, head, around, "header", t, -1))
        for j, cell in enumerate(t.header):
            if j and cell:
                out.append(_Passage(cell, source, head, around, "header_cell", t, -1))
        # a table continued from the page before stands under that page's last sub-header
        grid = read_grid(t, names, grid.last_subheader, party) if continued else alone
        prev, prev_around = t, around
        if _sentence_rows(t):
            out += [
                _Passage(
                    _joined_row(row),
                    Source(doc.file, page, "table", t.bbox),
                    head,
                    around,
                    "text",
                    t,
                    i,
                )
                for i, (row, page) in enumerate(_rows_with_pages(t))
            ]
            continue
        out += _cell_passages(doc.file, t, grid, head, around, (leads, measures, names, strength))
    return out


def _corner_levels(tables: list[models.Table]) -> dict[int, tuple[Layer, ...]]:
    """One table per level, the level in its corner cell ("Category 5 - Emergency | Standard
    care | Extended care" over "Response | 30 min | 15 min"): the corners of the document's
    tables form the scheme, and every figure of a table is its corner's level."""
    cornered = [t for t in tables if t.header and t.header[0] and parse_level(t.header[0])]
    if len(cornered) < 2:
        return {}
    scopes = scheme_scopes([t.header[0] for t in cornered], whole=True)
    return {
        id(t): (Layer("corner", t.header[0], scopes=(scope,)),)
        for t, scope in zip(cornered, scopes)
        if scope
    }


def _corner_caption(t: models.Table, captions) -> tuple[Layer, ...]:
    """A corner cell that says what the table's figures are ("Per device / month | Standard |
    Plus" over "Laptop | $79 | $92", "USD, ex-tax") says it of every cell, as a caption would."""
    corner = (t.header[0] or "") if t.header else ""
    currency = header_currency(corner)  # "USD, ex-tax | Deckhand | Navigator" over bare amounts
    if corner and not parse_level(corner) and (captions(corner) or currency):
        return (Layer("corner", corner, currency=currency),)
    return ()


def _rows_with_pages(t: models.Table):
    return [
        (row, t.row_pages[i] if i < len(t.row_pages) else t.page) for i, row in enumerate(t.rows)
    ]


def _cell_passages(file: str, t: models.Table, grid, head: str, around, context) -> list[_Passage]:
    """A table's rows (for evidence) and cells (for commitments), each cell with its layers."""
    leads, measures, names, strength = context
    out: list[_Passage] = []
    # "Fee | Per | NOK": a column headed as the basis says what each amount is per
    basis = {k for k, h in enumerate(t.header) if k and names_basis(h)}
    # a column of status words ("GUARANTEED", "TARGET", "NOT COVERED") says how firm each row's
    # figure is; a "best effort" in place of a figure is that cell's own value
    basis |= _status_columns(t, strength)
    agreeing = agreement_columns(t, grid.label_column)
    theirs = set(grid.others) | {k for k, h in enumerate(t.header) if names_others(h or "")}
    units = {k for k, h in enumerate(t.header) if k and names_units(h)}
    for i, (row, page) in enumerate(_rows_with_pages(t)):
        source = Source(file, page, "table", t.bbox)
        # a requirement the answer beside it does not meet ("Partial", "Deviation") is no
        # statement of the vendor's: the row reads without it, and without that verdict
        unmet = any(_UNMET.match(c or "") for c in row)
        said = [
            c or ""
            for k, c in enumerate(row)
            if not (unmet and (k in theirs or _UNMET.match(c or "")))
        ]
        out.append(_Passage(" | ".join(said), source, head, (), "row", t, i))
        for j, cell in enumerate(row):
            if (
                j == grid.label_column
                or not cell
                or j >= len(grid.columns)
                or j in grid.others
                or j in units
                or i in grid.totals
            ):
                continue
            column = _with_lead_level((grid.columns[j],), leads) if grid.columns[j] else ()
            # ("basis": a cell of a "Basis" column, "per device" or "Target")
            siblings = tuple(
                Layer("basis" if k in basis or is_basis(other) else "sibling", other)
                for k, other in enumerate(row)
                if k not in (j, grid.label_column)
                and (
                    _unit_like(other)
                    or (k in basis and not _HAS_DIGIT.search(other))
                    or (is_basis(other) and not _HAS_DIGIT.search(other))
                )
            )
            row_layers = _with_lead_level(grid.rows[i], leads)
            layers = _with_measure(row_layers, measures, names) + column + siblings + around
            label = row[grid.label_column] if grid.label_column is not None else ""
            terms = "" if _HAS_DIGIT.search(cell) else _said(cell, strength)
            if label and (_YES.match(cell) or terms) and j in agreeing:
                continue  # "Comply: Yes" to the client's requirement: its answer column offers
            if label and (_YES.match(cell) or terms):
                # "Quarterly service review | Yes": the tier offers what the row label says;
                # "Out-of-hours monitoring | Not included" rules it out, "| At extra cost"
                # offers it at a price
                said = label if _YES.match(cell) else f"{label}: {terms}"
                offered = column + row_layers[1:] + around
                named = grid.columns[j].text if grid.columns[j] else ""
                ranked = bool(row_layers and row_layers[0].scopes)
                if terms and ranked and named and names(named) and strength(cell) == "excluded":
                    # "Emergency | ... | No commitment" under "Resolution": no fix time for it
                    said = f"{label}: {named}: {terms}"
                    offered = column + row_layers + around
                out.append(_Passage(said, source, head, offered, "cell", t, i))
                continue
            out.append(_Passage(one_form(cell), source, head, layers, "cell", t, i))
    return out


_ENDS_IN_FIGURE = re.compile(r"\d[\d,.]*\s*(?:or (?:better|more|less|sooner))?\.?\s*$")
_GOES_ON = re.compile(r"^\s*(?:[a-z%£$€]|[A-Z]{3}\b)")


def _sentence_rows(t: models.Table) -> bool:
    """A two-column table whose rows are sentences cut at their figure ("An engineer will be
    working on a Red ticket within 20. | minutes"): the second column finishes each sentence."""
    if len(t.header) != 2 or len(t.rows) < 2:
        return False
    cut = [
        r
        for r in t.rows
        if len(r) == 2 and _ENDS_IN_FIGURE.search(r[0] or "") and _GOES_ON.match(r[1] or "")
    ]
    return len(cut) * 2 >= len(t.rows)


def _joined_row(row) -> str:
    """A row of a sentence table read as the sentence it is."""
    first, rest = (row[0] or "").strip(), (row[1] or "").strip() if len(row) > 1 else ""
    if _ENDS_IN_FIGURE.search(first) and _GOES_ON.match(rest):
        return f"{first.rstrip('.')} {rest}."
    return first if not rest or rest in ("-", "–", "—") else f"{first} ({rest})"


def _named_levels(passages: list[_Passage]) -> dict[str, str]:
    """Level names the document's own tables and lists rank ("Cosmetic" -> P4), so that prose
    naming the level ("No restoration time applies to Cosmetic Incidents") takes its scope;
    a label's head word names its level too when it names no other ("Red - outage": "Red
    incidents")."""
    out: dict[str, str] = {}
    heads: dict[str, set[str]] = {}
    for p in passages:
        for layer in p.layers:
            # "1.3 Standard": a clause's number is no part of the level's name
            name = _CLAUSE_NO.sub("", layer.text.strip())
            if (
                layer.kind in ("row", "item")
                and len(layer.scopes) == 1
                and len(name.split()) <= 3
                and name[:1].isupper()
            ):
                out.setdefault(name, layer.scopes[0])
                word = _label_head(name)
                if len(word) >= 3 and word.isalpha() and word[0].isupper():
                    heads.setdefault(word, set()).add(layer.scopes[0])
                code = _label_head(name) if p.table is not None else ""
                if re.fullmatch(r"[A-Z0-9]{1,2}", code) and p.table.header and p.table.header[0]:
                    # "E - Emergency" under "Class": prose writes "Class E"
                    out.setdefault(f"{p.table.header[0].strip()} {code}", layer.scopes[0])
                coded = _CODE_NAMED.match(name)
                if coded:
                    # "L4 Critical": prose writes "an L4 incident" (never a bare "L1", which
                    # may be the first support line)
                    for noun in _LEVEL_NOUNS:
                        out.setdefault(f"{coded.group(1)} {noun}", layer.scopes[0])
            elif layer.kind == "column" and len(layer.scopes) == 1:
                called = _column_level_name(name)
                if called:
                    out.setdefault(called, layer.scopes[0])
    for word, scopes in heads.items():
        if len(scopes) == 1:
            out.setdefault(word, next(iter(scopes)))
    return out


def _column_level_name(name: str) -> str:
    """What prose calls the level a column header names: "a Terminal Stop" for "A - Terminal
    Stop", "a Stoppage" for "Stoppage"; "" for a longer header."""
    code = _label_head(name)
    bare = _AFTER_LABEL.sub("", name[len(code) :], count=1) if code else ""
    if re.fullmatch(r"[A-Z0-9]{1,3}", code) and len(bare.split()) <= 3:
        return bare
    return name if len(name.split()) <= 3 and name[:1].isupper() else ""


_CODE_NAMED = re.compile(r"([A-Z]{1,2}-?\d)\s+[A-Z][a-z]+$")
_LEVEL_NOUNS = ("incident", "fault", "call", "ticket")
_AFTER_LABEL = re.compile(r"\s*[-–—:]\s*")
_TARGET_WORD = re.compile(
    r"\b(?:targets?|indicators?|KPIs?|expected(?=\s+results?\b))\b", re.IGNORECASE
)
_NAMED_ALTERNATIVE = r"(?:alternative|option|variant|scenario)\s+[A-Z0-9]{1,2}\b"
_ALTERNATIVE = re.compile(rf"\b{_NAMED_ALTERNATIVE}", re.IGNORECASE)
_UNDER_ALTERNATIVE = re.compile(
    rf"\W*(?:\d+(?:\.\d+)*\s+)?(?:under|with|in|for)\s+(?:the\s+)?(?P<alt>{_NAMED_ALTERNATIVE})",
    re.IGNORECASE,
)
_LEVEL_THEN = re.compile(r"\s*:\s+|\s+[-–—]\s+")
_CLAUSE_NO = re.compile(r"^\d+(?:\.\d+)+\.?\s+")


def _label_head(text: str) -> str:
    """The one word a label opens with before its description ("Red – respond" -> "Red",
    "E - Emergency" -> "E", "Critical: first response" -> "Critical"); "" for a label that is
    all one thing ("Monitoring", "Service desk")."""
    head = lead_word(text or "")
    return head if len(head.split()) == 1 and head != (text or "").strip() else ""


_CODE = re.compile(r"\b[A-Z0-9][\w-]{0,3}\b")
_CODED = re.compile(r"([A-Za-z]+)\s+([A-Z0-9][\w-]{0,3})")


@functools.lru_cache(maxsize=64)
def _coded_lists(levels: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern, dict[str, str]]]:
    """For levels named by a scheme word and a code ("category S", "category H"): a pattern
    for the plural word before a list of their codes ("categories S, H and I"), and each
    code's scope."""
    by_word: dict[str, dict[str, str]] = {}
    for name, scope in levels:
        m = _CODED.fullmatch(name)
        if m:
            by_word.setdefault(m.group(1).lower(), {})[m.group(2)] = scope
    out = []
    for word, codes in by_word.items():
        if len(codes) < 2:
            continue
        plural = word[:-1] + "(?:y|ies)" if word.endswith("y") else word + "(?:e?s)?"
        code = "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
        listed = rf"(?<![\w-])(?i:{plural})\s+(?P<codes>(?:{code})(?:\s*(?:,|and|or|&|/)\s*(?:{code}))+)\b"
        out.append((re.compile(listed), codes))
    return out


@functools.lru_cache(maxsize=32)
def _tier_names(tiers: frozenset[str], opening: bool = False) -> re.Pattern:
    """Any of the tiers as a whole word; `opening`: as the first words of a text."""
    names = "|".join(re.escape(t) for t in sorted(tiers, key=len, reverse=True))
    return re.compile(rf"\s*(?:The\s+)?(?:{names})\b" if opening else rf"\b(?:{names})\b")


def _gapped(before: list, mine: list, q):
    """ "a response within 45 minutes and restoration within 8 hours; a Normal incident within
    4 hours and 2 business days": a clause of several durations and no measure of its own
    repeats, in order, the measures the clause before it named."""
    if len(mine) < 2 or q not in mine:
        return None
    order: list = []
    for c in before:
        if not order or order[-1][0] != c[0]:
            order.append(c)
    tail = order[-len(mine) :]
    if len(tail) != len(mine) or len({c[0] for c in tail}) != len(mine):
        return None
    return tail[mine.index(q)]


def _matches_within(doc, start: int, end: int) -> list[tuple[str, int, int]]:
    """The passage's matches that lie within [start, end], in their own order: found by
    their start in an index kept on the Doc, not by a scan of every match per sentence."""
    found = doc._.msp_matches
    index = doc.user_data.get("msp_by_start")
    if index is None or index[2] is not found or index[3] != len(found):
        order = sorted(range(len(found)), key=lambda i: found[i][1])
        index = ([found[i][1] for i in order], order, found, len(found))
        doc.user_data["msp_by_start"] = index
    starts, order = index[0], index[1]
    hit = [
        i
        for i in order[bisect.bisect_left(starts, start) : bisect.bisect_right(starts, end)]
        if found[i][2] <= end
    ]
    return [found[i] for i in sorted(hit)]


def _names(name: str, text: str) -> bool:
    """`text` names the level as the document writes it, capital included ("Cosmetic Incidents")."""
    return bool(_level_name(name).search(text))


@functools.lru_cache(maxsize=256)
def _level_name(name: str) -> re.Pattern:
    """A level's name as a whole word, plural included ("Service requests"); a name the
    document writes in lower case ("significant") may open a sentence, and a name of two
    words or more ("Branch down") may run on in lower case ("First response, branch down")
    or be hyphenated before a noun ("a drop-everything problem")."""
    either = name[:1].islower() or len(name.split()) > 1
    head = f"[{name[0].lower()}{name[0].upper()}]" if either else re.escape(name[:1])
    rest = r"[\s-]".join(map(re.escape, name[1:].split(" ")))
    # ("low-priority calls": the level with its scheme's noun run on)
    compound = r"(?:-(?:priority|severity|urgency|impact|level))?"
    return re.compile(rf"(?<![\w-]){head}{rest}s?{compound}(?![\w-])")


def _implied_measures(grids) -> dict[str, str]:
    """What the structure of one table says an unnamed header measures ("Engineer on the line"
    beside "Restored (target)" is the response), for the same words in the document's other
    tables."""
    out: dict[str, str] = {}
    for grid in grids:
        for column in grid.columns:
            if column is not None and column.category:
                out.setdefault(_term_key(column.text), column.category)
    return out


def _with_measure(row: tuple[Layer, ...], measures: dict[str, str], names) -> tuple[Layer, ...]:
    """A row label holding a header the document's structure has named ("Engineer on the line,
    'Individual fault'") measures what that header does."""
    if not row or not measures or row[0].kind != "row" or names(row[0].text):
        return row
    text = row[0].text.lower()
    found = [cat for term, cat in measures.items() if term and term in text]
    return (replace(row[0], category=found[0]),) + row[1:] if found else row


def _headless(t: models.Table) -> models.Table:
    """A two-column table of names and values whose first row holds a figure has no header
    ("Service level | 99.95%"): its first row is data like the others."""
    if len(t.header) != 2 or not t.header[0] or not _HAS_DIGIT.search(t.header[1] or ""):
        return t
    if any(len(row) != 2 for row in t.rows):
        return t
    pages = (t.page,) + tuple(t.row_pages) if t.row_pages else ()
    return replace(t, header=("", ""), rows=(t.header,) + t.rows, row_pages=pages, header_rows=())


def _applying(t: models.Table, blocks) -> models.Table:
    """ "Only the 5.0 column applies to contracts signed from 1 March", "The 4.2 column is shown
    so that existing customers can see what changes": prose over or under a table on its page that
    says which column applies makes every other column of figures one that no longer applies
    (columns.yaml `superseded`), as its header would ("Version 4.2 - no longer applies"). So
    does a corrigendum's "For | Read" make its column "For"."""
    heads = [h.strip() for h in t.header]
    if len(heads) < 3:
        return t
    figured = [
        k
        for k in range(1, len(heads))
        if any(k < len(r) and _states_figure(r[k] or "") for r in t.rows)
    ]
    if len(figured) < 2:
        return t
    over = [b for b in blocks if b.page == t.page and not b.heading and b.bbox[3] <= t.bbox[1] + 2]
    # (the note may stand just under the table as well as over it)
    before = [b.text for b in over[-3:] + _blocks_under(t, blocks)[:2]]
    # an erratum's "For | Read": what the column "For" says is what the correction replaces
    lowered = [h.lower() for h in heads]
    gone = {k for k in figured if lowered[k] == "for"} if "read" in lowered else set()
    for text in before:
        for m in _COLUMN_NOTE.finditer(text):
            k = _column_named(m["h"], heads, figured)
            if k is not None:
                gone |= {j for j in figured if j != k} if m["only"] else {k}
    if not gone:
        return t
    header = tuple(f"{h} - no longer applies" if k in gone else h for k, h in enumerate(t.header))
    return replace(t, header=header)


_COLUMN_NOTE = re.compile(
    r"\b(?P<only>only\s+)?the\s+(?P<h>(?:[^.;:,]|\.(?=\d)){1,30}?)\s+column\s+(?:"
    r"(?(only)(?:applies|counts|is\s+(?:offered|binding|contractual|proposed))"
    r"|is\s+(?:shown|given|included|kept|listed|printed)\s+(?:only\s+)?(?:for|so|as|to)\b))",
    re.IGNORECASE,
)
_COLUMN_PLACE = {"right-hand": -1, "right": -1, "last": -1, "left-hand": 0, "left": 0, "first": 0}


def _column_named(name: str, heads: list[str], figured: list[int]) -> int | None:
    """The column of figures a note names, by its header ("5.0") or its place ("right-hand")."""
    name = name.strip().strip("\"'“”‘’").lower()
    if name in _COLUMN_PLACE:
        return figured[_COLUMN_PLACE[name]]
    named = [k for k in figured if heads[k].lower() == name]
    return named[0] if len(named) == 1 else None


def _captioned(t: models.Table) -> models.Table:
    """Tiles of an infographic set as a table: the figures head the columns ("15 min | 4 h |
    72 h") and each column's lines below caption its figure ("RPO: the most cataloguing work" /
    "you can lose"). Read as one row per tile: its caption, then its figure."""
    heads = [h.strip() for h in t.header]
    if len(heads) < 2 or not t.rows or not all(heads) or any(len(h.split()) > 4 for h in heads):
        return t
    if sum(bool(_HAS_DIGIT.search(h)) for h in heads) * 3 < len(heads) * 2:
        return t
    if any(_HAS_DIGIT.search(c or "") for row in t.rows for c in row):
        return t
    captions = [
        " ".join(row[j] for row in t.rows if j < len(row) and row[j]) for j in range(len(heads))
    ]
    if not all(captions):
        return t
    rows = tuple(zip(captions, heads))
    return replace(
        t,
        header=("", ""),
        rows=rows,
        row_pages=(t.page,) * len(rows),
        header_rows=(),
        subheader_rows=(),
    )


_LEGEND_ENTRY = re.compile(r"(?:^|(?<=\s))\(([a-z])\)\s+(.+?)(?=\s+\([a-z]\)\s|$)")
# a note keyed by a symbol ("* Business hours only. † Target, not guaranteed."), and a figure
# that points at one ("30 min*", "99,8 %¹", "8†")
_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰†‡§"  # the symbols a footnote is keyed by (with "*" and "**")
_SYMBOL = rf"\*{{1,2}}|[{_MARKS}]"
_SYMBOL_ENTRY = re.compile(
    rf"(?:^|(?<=\s))({_SYMBOL})\s*([A-Z(].+?)(?=\s+(?:{_SYMBOL})\s*[A-Z(]|$)"
)
# ... and a numbered note ("99.95% 3)" over "3) The availability is our target ...")
_CELL_NOTE = re.compile(
    rf"(?:^|(?<=\s))\(([a-z])\)(?=\s|$)|(?<=[\w%.)])({_SYMBOL})(?=\s|$)"
    r"|(?<=[\w%.])\s(\d{1,2})\)$"
)
_NUMBERED_NOTE = re.compile(r"(\d{1,2})\)\s+([A-Z].+)")


def _with_notes(text: str, legend: dict[str, str]) -> str:
    """`text` with each mark that points at a note of the legend replaced by the note."""

    def note(m: re.Match) -> str:
        key = m.group(1) or m.group(2) or m.group(3)
        space = " " if m.group(2) or m.group(3) else ""
        return f"{space}({legend[key]})" if key in legend else m.group(0)

    return _CELL_NOTE.sub(note, text or "")


def _noted_headings(blocks, legend: dict[str, str]) -> tuple:
    """A heading that points at a note ("RESTORE: back in service within 2)" over "2) Restore
    times are targets ...") reads with the note in place of its mark, for every block under
    it, as a table cell does (_noted)."""
    if not legend:
        return tuple(blocks)
    noted = {b.text: _with_notes(b.text, legend) for b in blocks if b.heading}
    noted = {old: new for old, new in noted.items() if new != old}
    if not noted:
        return tuple(blocks)
    return tuple(
        replace(
            b,
            text=noted.get(b.text, b.text) if b.heading else b.text,
            section=tuple(noted.get(h, h) for h in b.section),
        )
        for b in blocks
    )


def _legend(blocks) -> dict[str, str]:
    """What the lettered notes under a table say ("(a) Business days, 08:00-18:00. (b) 24
    hours a day ..."): a block that opens with "(a)" and defines two or more letters."""
    out: dict[str, str] = {}
    for b in blocks:
        text = b.text.lstrip()
        if text.startswith("(a)"):
            entries = {m.group(1): m.group(2).strip() for m in _LEGEND_ENTRY.finditer(text)}
            if len(entries) < 2:
                continue
        elif re.match(_SYMBOL, text) and not b.item and not b.heading:
            # footnotes under a table, each keyed by its symbol, each its first sentence (what
            # follows the last note, "Abbreviations: ...", is no part of it)
            entries = {
                m.group(1): _SENTENCE_BREAK.split(m.group(2).strip())[0]
                for m in _SYMBOL_ENTRY.finditer(text)
            }
        elif numbered := _NUMBERED_NOTE.match(text):
            # "3) The availability is our target ...": a numbered note, one block each
            entries = {numbered.group(1): _SENTENCE_BREAK.split(numbered.group(2).strip())[0]}
        else:
            continue
        for key, note in entries.items():
            out.setdefault(key, note)
    return out


def _noted(t: models.Table, legend: dict[str, str]) -> models.Table:
    """Cells that point at a lettered note ("√ (a)", "10 BD (d)") or a footnote ("8†") read
    with what the note says in place of the mark, so the note gives the cell its hours, terms
    or firmness."""
    if not legend:
        return t

    rows = tuple(tuple(_with_notes(c, legend) if j else c for j, c in enumerate(r)) for r in t.rows)
    return t if rows == t.rows else replace(t, rows=rows)


_FOOTNOTE_MARK = re.compile(rf"\s*[{_MARKS}]+(?=\s|$)")


def _unmarked(t: models.Table) -> models.Table:
    """Footnote marks on a header or a row label ("Response time, minutes ¹") point at a note
    below the table; the label reads without them."""

    def plain(cells):
        return tuple(_FOOTNOTE_MARK.sub("", c) if c else c for c in cells)

    if not any(_FOOTNOTE_MARK.search(c or "") for c in t.header + tuple(r[0] for r in t.rows if r)):
        return t
    return replace(
        t,
        header=plain(t.header),
        header_rows=tuple(plain(r) for r in t.header_rows),
        rows=tuple(plain(r[:1]) + tuple(r[1:]) for r in t.rows),
    )


def _based(t: models.Table) -> models.Table:
    """A row of bases under a row of figures ("$59 | $72 | $86" over "per device / month" in
    each column), as plan cards print them: each figure reads with the basis under it."""
    rows = [list(r) for r in t.rows]
    for above, below in zip(rows, rows[1:]):
        pairs = [
            j
            for j, (a, b) in enumerate(zip(above, below))
            if a and b and _HAS_DIGIT.search(a) and is_basis(b) and not _HAS_DIGIT.search(b)
        ]
        if len(pairs) >= 2 and all(not c or j in pairs for j, c in enumerate(below)):
            for j in pairs:
                above[j] = f"{above[j]} {below[j]}"
    based = tuple(tuple(r) for r in rows)
    return t if based == t.rows else replace(t, rows=based)


_OUTLINE = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})+\.?\s*$")  # "5.2", "1.1.3"
_LINE_CODE = re.compile(r"^[A-Za-z]{1,5}[\s-]?\d{1,3}(?:\.\d{1,3})*$")  # "KPI 1", "SL-03"


_COLUMN_NUMBER = re.compile(r"^\s*[(\[](\d{1,2})[)\]]\s*|\s*[(\[](\d{1,2})[)\]]\s*$")


# what may follow a level's name in its label: a description in brackets or after a dash
_LEVEL_LABEL_END = re.compile(r"\s*(?:\(.*|\s[-–—:].*)$")


def _column_numbers(t: models.Table) -> models.Table:
    """ "Item (1) | Description (2) | Unit (3) | Requirement (4)": a form's columns numbered so
    that its instructions can name them ("enter in column 5 ..."). The numbers name no unit,
    level or plan; each header reads without its own."""
    found = [_COLUMN_NUMBER.search(h or "") for h in t.header]
    numbers = [int(m.group(1) or m.group(2)) for m in found if m]
    if len(numbers) < 3 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return t
    header = tuple(_COLUMN_NUMBER.sub("", h, count=1) if h else h for h in t.header)
    return replace(t, header=header)


def _unnumbered(t: models.Table) -> models.Table:
    """First columns that only number or code the lines ("Pos. | 5.2 | Security training
    (optional)", "Ln | SKU | Description") say nothing; the column after them names the row."""
    while len(t.header) >= 3 and t.rows:
        firsts = [row[0] for row in t.rows if row and row[0]]
        numbered = len(t.rows) > 1 and all(_OUTLINE.match(c) for c in firsts)
        # "3", "CMS-PLUS-U", "KPI 1"
        coded = all((len(c.split()) == 1 or _LINE_CODE.match(c)) and len(c) <= 16 for c in firsts)
        if not firsts or not (numbered or (coded and numbers_lines(t.header[0]))):
            return t
        t = replace(
            t,
            header=t.header[1:],
            rows=tuple(row[1:] for row in t.rows),
            header_rows=tuple(r[1:] for r in t.header_rows),
        )
    return t


def _ungrouped(t: models.Table) -> models.Table:
    """A first column filled only in its sub-header rows ("Class | Measure | Figure" over
    "Vessel-critical", then "| Response | 10 minutes") groups the rows: the column after it
    names each row, and each sub-header stands over its group."""
    subs = set(t.subheader_rows)
    body = [i for i in range(len(t.rows)) if i not in subs]
    if len(t.header) < 3 or not subs or not body:
        return t
    if any((t.rows[i][0] or "").strip() for i in body) or not all(
        (t.rows[i][0] or "").strip() for i in subs
    ):
        return t
    return replace(
        t,
        header=t.header[1:],
        rows=tuple(row[:1] + row[2:] if i in subs else row[1:] for i, row in enumerate(t.rows)),
        header_rows=tuple(r[1:] for r in t.header_rows),
    )


def _unqualified(matches: list) -> list:
    """Matches without the cues a qualifier cancels (distractors.jsonl): `QUALIFIER` cancels
    distractors ("94.00, excl. VAT" says how a price is stated, not that the figure is a tax;
    "the transition from your current provider" names where the work comes from), and
    `QUALIFIER:X` cancels X cues ("Response:" opening an answer names no response time, "Year 2"
    is a contract year, not a price's period)."""
    spans = [
        ("NOT:" if lab == "QUALIFIER" else lab[10:] + ":", s, e)
        for lab, s, e in matches
        if lab == "QUALIFIER" or lab.startswith("QUALIFIER:")
    ]
    if not spans:
        return matches
    # a cue that runs past a `QUALIFIER:X` span ("Response: Recovery point objective") is kept
    return [
        m
        for m in matches
        if not any(
            m[0].startswith(cancels) and a <= m[1] < b and (cancels == "NOT:" or m[2] <= b)
            for cancels, a, b in spans
        )
    ]


class _Segment:
    """One sentence or table row: its text, its matches and helpers on clause boundaries."""

    def __init__(self, sent):
        doc, start, end = sent.doc, sent.start_char, sent.end_char
        self.doc, self.start, self.end = doc, start, end
        self.text = sent.text  # not doc.text[...]: Doc.text re-joins every token of the passage
        self.topic: str | None = None  # the level the sentence before defined
        # the measure a "Level: time" run before it named, or its measures in the order its
        # first sentence gave them ("within 20 minutes; back within 4 hours")
        self.carried: tuple[str, ...] = ()
        self.matches = _unqualified(
            [(lab, s - start, e - start) for lab, s, e in _matches_within(doc, start, end)]
        )
        self.matches += _listed_levels(self.text)
        cuts = sorted(
            {0, len(self.text) + 1}
            | {m.end() for m in _CLAUSE.finditer(self.text)}
            | _spliced(self.text)
            | self._defined_up_to()
        )
        # "... within 15 minutes while a P1 is open": a short "while" part that states no
        # figure of its own says when the clause before holds; it is no contrast with it
        cuts = [
            c
            for i, c in enumerate(cuts)
            if not (
                0 < i < len(cuts) - 1
                and _WHILE.search(self.text, max(0, c - 8), c)
                and len(self.text[c : cuts[i + 1]].split()) <= 10
                and not _states_figure(self.text[c : cuts[i + 1]])
            )
        ]
        self.clauses = list(zip(cuts, cuts[1:]))
        self.asides = [m.span() for m in _ASIDE.finditer(self.text)]  # "(...)" spans
        # "Minor (inconvenience, workaround in place): 3 days": an aside right after a level's
        # name says what the level is, so its words name no category
        levels = [(s, e) for lab, s, e in self.matches if lab.startswith("SCOPE:")]
        self.level_asides = [
            (a, b) for a, b in self.asides if any(s <= a <= e + 1 for s, e in levels)
        ]
        # so does the aside of a label that opens the text and names no measure itself,
        # however it names the level ("- Today (a team is blocked, or a workaround exists): 2
        # hours"; "Time to restore (RTO): 16 hours" glosses the measure)
        glossed = gloss_span(self.text)
        if glossed and not any(
            lab.startswith("CAT:") and s < glossed[0] for lab, s, _ in self.matches
        ):
            self.level_asides.append(glossed)

    def _defined_up_to(self) -> set[int]:
        """A definition that opens a sentence ends at its colon: "Priority 1 means the office is
        down: a technician is working on it within the hour" promises after it."""
        ends = set()
        for lab, s, e in self.matches:
            opens = lab == "NOT:definition" and len(self.text[:s].split()) <= 4
            colon = self.text.find(": ", e) if opens else -1
            if colon > 0 and ";" not in self.text[e:colon]:
                ends.add(colon + 1)
        return ends

    @functools.cached_property
    def defined(self) -> re.Match | None:
        """ "Response Time means ...": the term the sentence defines and its definition."""
        return _DEFINES.match(self.text)

    def clause(self, pos: int) -> tuple[int, int]:
        return next(((s, e) for s, e in self.clauses if s <= pos < e), (0, len(self.text)))

    def defines_level(self) -> str | None:
        """The one level a sentence without figures is about ("Green incidents affect one
        person."): the topic of the sentence after it ("We answer them within 4 hours.")."""
        named = {lab[6:] for lab, _, _ in self.in_range("SCOPE:", 0, len(self.text))}
        if len(named) != 1 or quantities.find_times(self.text):
            return None
        return named.pop()

    def count_from_zero(self) -> None:
        """In a document whose levels count from zero ("P0" the most urgent), "P1" is the
        second level (contract 1.2.1: priority by rank)."""
        self.matches = [
            (f"SCOPE:{_FROM_ZERO_RANK[lab[6:]]}", s, e)
            if lab[6:] in _FROM_ZERO_RANK
            else (lab, s, e)
            for lab, s, e in self.matches
        ]

    def own_levels(self, levels: dict[str, str]) -> None:
        """The document's own level names ("Urgent" ranked second in its definitions) rank
        where the text names tickets with them ("Urgent incidents"), over the generic words."""
        nouns = ticket_words()
        for name, scope in levels.items():
            for m in _level_name(name).finditer(self.text):
                s, e = m.span()
                generic = [
                    x for x in self.matches if x[0].startswith("SCOPE:") and x[1] < e and s < x[2]
                ]
                # nor is the name a distractor's cue ("Reduced" running is a level, not a
                # reduction reported from the past)
                generic += [x for x in self.matches if x[0].startswith("NOT:") and s < x[2] <= e]
                following = self.text[e:].split(maxsplit=1)[:1]
                opens = not self.text[:s].strip()  # "Blue is for requests."
                prefixed = _PREFIXED_NAME.match(name)  # "Code Red" is a level wherever it stands
                if (
                    any(x[0].startswith("SCOPE:") for x in generic)
                    or opens
                    or prefixed
                    or (following and following[0].lower().strip(".,;:") in nouns)
                ):
                    self.matches = [x for x in self.matches if x not in generic]
                    self.matches.append((f"SCOPE:{scope}", s, e))
        # "in categories S, H, I and R": one scheme word before the codes of several levels
        for listed, codes in _coded_lists(tuple(levels.items())):
            for m in listed.finditer(self.text):
                lo = m.start("codes")
                for c in _CODE.finditer(m.group("codes")):
                    if c.group(0) in codes:
                        self.matches.append(
                            (f"SCOPE:{codes[c.group(0)]}", lo + c.start(), lo + c.end())
                        )
        self.matches.sort(key=lambda x: (x[1], x[2]))

    def not_a_review(self, end: int, start: int | None = None, label: str = "NOTCAD") -> bool:
        """A frequency word next to what it measures: "monthly report", "a report each month".
        With label "EXECCAD": next to an executive forum ("quarterly steering meeting")."""
        after = _LIST_END.split(self.text[end : end + 25], maxsplit=1)[0]
        if _PURPOSE.match(after):
            after = ""  # "meets ... every month to go through the report": the meeting's
        lo, hi = self.clause(end - 1)
        before = (
            []
            if start is None
            else [
                m
                for m in self.in_range(label, max(0, start - 30), start)
                if m[0] == label and _NEXT_TO.fullmatch(self.text[m[2] : start])
            ]
        )
        return bool(
            (label == "NOTCAD" and self.in_range("NOTCAD:clause", lo, hi))
            or [m for m in self.in_range(label, end, end + len(after)) if m[0] == label]
            or before
        )

    def in_range(self, prefix: str, lo: int, hi: int):
        return [
            (lab, s, e)
            for lab, s, e in self.matches
            if lab.startswith(prefix) and s >= lo and e <= hi
        ]

    def span(self, lo: int, hi: int):
        return self.doc.char_span(
            self.start + lo, self.start + min(hi, len(self.text)), alignment_mode="expand"
        )

    def previous_clause(self, lo: int) -> int:
        """Where the clause before the one at `lo` starts, a bare "and" skipped."""
        return max(
            (a for a, b in self.clauses if b <= lo and not _CONJUNCTION.fullmatch(self.text[a:b])),
            default=0,
        )

    def next_clause_end(self, hi: int) -> int:
        """Where the clause after the one ending at `hi` ends, a bare "but" or "and" skipped:
        a disclaimer there ("..., but that figure is theirs") looks back at this one."""
        return next(
            (b for a, b in self.clauses if a >= hi and not _CONJUNCTION.fullmatch(self.text[a:b])),
            hi,
        )

    def blocked(
        self, q_start: int, q_end: int, spans: bool = True, durations: bool = True, cover=False
    ) -> bool:
        """Is the quantity at q_start..q_end a distractor (its sentence, clause or own words)?

        `NOTTIME:` distractors stop durations only: after-hours work has no service level
        worth reading, but it does have a price, and "out-of-hours" is itself hours of cover.
        A `cover` (hours words) is no figure a ratio multiplies ("on-site attendance out of
        hours is charged at 1.5 times the hourly rate").
        """
        lo, hi = self.clause(q_start)
        if _ELLIPSIS.match(self.text[lo:hi]) and (
            _JOINED.search(self.text[:lo]) or _JOINED.match(self.text[lo:hi])
        ):
            lo = self.previous_clause(lo)  # "..., and after four hours to our CTO": its verb's
        asides = [(a, b) for a, b in self.asides if not a <= q_start < b]

        def governs(found) -> bool:
            """ "$100 / hour (5 hour deposit)": an aside governs nothing; "15 minutes, measured
            from logging": a definition governs only what follows it."""
            return any(
                not any(a <= s < b for a, b in asides)
                and not (label == "NOT:definition" and s > q_start)
                for label, s, _ in found
            )

        if (
            any(
                not self._service_not_offered(m)
                for m in self.in_range("NOTSENT:", 0, len(self.text))
            )
            or governs([m for m in self._nots(lo, hi) if not (cover and m[0] == "NOT:ratio")])
            or governs(self.in_range("NOTPREV:", lo, self.next_clause_end(hi)))
            or (durations and governs(self._not_times(lo, hi)))
        ):
            return True
        return spans and any(
            s <= q_start and e >= q_end and not _FLOOR_BEFORE.search(self.text[:s])
            for _, s, e in self.in_range("NOTSPAN:", 0, len(self.text))
        )

    def _nots(self, lo: int, hi: int) -> list:
        """`NOT:` cues of the clause; an escalation that someone must acknowledge ("acknowledge
        a Severity 1 escalation within 30 minutes") is a call to answer, not a timer."""
        return [
            m
            for m in self.in_range("NOT:", lo, hi)
            if not (m[0] == "NOT:escalation" and _ANSWERED.search(self.text, lo, m[1]))
        ]

    def _not_times(self, lo: int, hi: int) -> list:
        """`NOTTIME:` cues of the clause; "complete the Transition Services ... after the
        Commencement Date" is the transition in, not the assistance at the exit."""
        found = [
            m
            for m in self.in_range("NOTTIME:", lo, hi)
            # "an after-hours contact who returns our calls within 1 hour": a person on duty
            if not (m[0] == "NOTTIME:after-hours" and _ON_DUTY.match(self.text, m[2]))
        ]
        if self.in_range("ANCHOR:start", lo, hi):
            return [m for m in found if m[0] != "NOTTIME:commercial"]
        return found

    def _service_not_offered(self, match) -> bool:
        """ "24x7 monitoring is not offered": what the clause rules out is a service, whose
        exclusion is itself read, where "Bronze is not offered" sets a plan aside."""
        label, s, e = match
        lo, _ = self.clause(s)
        return (
            label == "NOTSENT:not_offered"
            # "not offered", "not part of this offer/proposal"; not a line "not bid" or "not quoted"
            and bool(_OFFER_WORDS.search(self.text, s, e))
            # "Our Solo plan ... isn't offered", "Campus Lite, at $6,900 a month, ...": a plan
            and not _PLAN_WORD.search(self.text, lo, s)
            and not _NAMED.search(self.text, lo, s)
            # (nor a level: "a 99.9% commitment would need a site not part of this tender")
            and not quantities.find_money(self.text)
            and not quantities.find_percents(self.text)
            and bool(self.in_range("COVER:", lo, s) or self.in_range("HOURS:", lo, s))
        )


_NAMED = re.compile(r"(?<=\S)\s+[A-Z][a-z]+\b")  # a capitalised word past the first
_OURS = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_MODALS = ("could", "may", "might", "should", "would", "can")
_ANSWERED = re.compile(
    r"\b(?:acknowledge|answer|respond\s+to|reply\s+to|pick\s+up)s?\s+(?:an?|the|any|each|every)?"
    r"\s*(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_OFFER_WORDS = re.compile(r"offered|\bpart\s+of\b", re.IGNORECASE)
_PLAN_WORDS = "plan|package|tier|edition|bundle|option"  # what a document calls its offers
_PLAN_WORD = re.compile(rf"\b(?:{_PLAN_WORDS})s?\b", re.IGNORECASE)
_CLOCKS = ("response_time", "resolution_time")
# a time before an event is a lead time or a notice, never how fast a ticket is answered or
# fixed, nor how long the contract runs
_LEAD_TIME = re.compile(r"\s*(?:\(\w+\)\s*)?(?:before|prior\s+to|ahead\s+of)\b", re.IGNORECASE)
# "for a month afterwards" says how long; "we aim for 5 days" or "target for" says how fast
_FOR_PERIOD = re.compile(
    r"(?<!\baim )(?<!\baims )(?<!\btarget )(?<!\bstrive )(?<!\bshoot )\bfor\s+"
    r"(?:up\s+to\s+|a\s+further\s+|another\s+)?$",
    re.IGNORECASE,
)
_DEADLINE = DEADLINE
_DEADLINE_BEFORE = re.compile(rf"\b{_DEADLINE}\s+(?:the\s+)?$", re.IGNORECASE)
_DEADLINE_TAIL = re.compile(rf"^\W*{_DEADLINE}\s+\S+(?:\s+\(\d+\))?\s*$", re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]{1,80}\)")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_FLOOR_BEFORE = re.compile(r"\b(?:no|not|never)\s+$", re.IGNORECASE)  # "no fewer than 70%"
_NOTICE_AFTER = re.compile(
    r"^['’]?s?['’]?\s*(?:\(\w+\)\s*)?(?:prior\s+|advance\s+|written\s+|notice\s+in\s+)*"
    r"(?:notice|beforehand|in advance|ahead)\b",
    re.IGNORECASE,
)
_CHANGES_PRICES = re.compile(
    r"\b(?:change|increase|raise|vary|adjust|revise|review)s?\s+(?:its|our|the|their|any|these)?"
    r"\s*(?:[\w-]+\s+){0,2}?(?:fees?|prices?|charges?|rates?|pricing|tariffs?)\b",
    re.IGNORECASE,
)
_NOTICE_OF_CHANGE = re.compile(
    r"^['’]?s?['’]?\s*(?:prior\s+|advance\s+|written\s+)*notice\s+of\s+(?:an?\s+|any\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:changes?|increases?|rises?|variations?|amendments?|maintenance|works)\b",
    re.IGNORECASE,
)
# "a 2.5% fee", "three months' charges", and for a duration also "two (2) months' Monthly
# Charges": amounts of money (a percentage "of the monthly fee" is a share, not a fee)
# ("billing" only as a noun of its own: "30 minutes of billing data" is data)
_CHARGES = (
    r"(?:fees?|charges?|payments?"
    r"|billing\b(?!\s+(?!(?:in|on|at|for|of|to|and|or|as|is|are|will|shall|may)\b)[a-z]))\b"
)
_CHARGES_AFTER = re.compile(rf"^['’]?s?['’]?\s+(?:of\s+)?{_CHARGES}")
_MONTHS_CHARGES_AFTER = re.compile(
    rf"^['’]?s?['’]?\s+(?:of\s+)?(?:the\s+)?(?:monthly\s+|annual\s+|service\s+)?{_CHARGES}",
    re.IGNORECASE,
)
_DURATION_BEFORE = re.compile(
    r"(?:\d\)?|\b(?:one|two|three|four|five|six|eight|ten|twelve))\s*(?:\(\d+\)\s*)?$"
)
_BAND = re.compile(
    r"\d[\d,]*\s*(?:-|–|to)\s*\d[\d,]*\s+[a-z]|\d[\d,]*\s*\+|"
    r"\d[\d,]*\s+[a-z]+\s+(?:and\s+(?:above|over|more|up)|or\s+(?:more|above))",
    re.IGNORECASE,
)
# (a word or two may qualify what is counted: "up to 20 wide-format devices")
_COUNT_BEFORE = re.compile(r"(?<![$£€.\d])\b\d[\d,]*\s+(?:[a-z][\w-]*\s+){0,2}$")
# a cell holding only hh:mm, footnote mark allowed ("04:00*"): an elapsed time in some tables
_ELAPSED = re.compile(r"^\s*(?P<h>\d{1,2}):(?P<m>[0-5]\d)\s*[*¹²³†‡]*\s*$")


@functools.lru_cache(maxsize=64)
def _elapsed_table(table) -> bool:
    """A table whose hh:mm cells are elapsed times: one of them is under an hour ("00:15");
    opening hours ("07:00 | 19:00") never are, nor the times a dated log stamps its entries
    with ("14.10.2027 | 00:40 | Grid outage ...")."""
    return (
        table is not None
        and not _dated_log(table)
        and any(
            (m := _ELAPSED.match(cell or "")) and m["h"] in ("0", "00") and m["m"] != "00"
            for row in table.rows
            for cell in row
        )
    )


def _dated_log(table, stamped: bool = False) -> bool:
    """A table with a column of dates: a log or register, its hh:mm cells times of day. With
    `stamped`, one that also stamps each row with a time of day: a log of what happened."""
    width = max((len(r) for r in table.rows), default=0)

    def column(holds) -> bool:
        return any(
            sum(bool(holds(row[j] or "")) for row in table.rows if j < len(row)) * 2
            > len(table.rows)
            for j in range(width)
        )

    return column(is_date) and (not stamped or column(_ELAPSED.match))


@functools.lru_cache(maxsize=64)
def _event_log(table) -> bool:
    """A dated log that stamps its entries with times of day: a record of what happened."""
    return len(table.rows) >= 3 and _dated_log(table, True)


# restoration words that name a recovery objective only when no priority is in view
_ASKS = re.compile(
    r"^\s*(?:[\d.]+\s+)?(?:how|what|when|which|where|who|why)\b|\?\s*$", re.IGNORECASE
)
# "after-hours visits are included", "at no additional charge": cover beyond business hours
_INCLUDED = re.compile(
    r"\b(?:are|is)\s+included\b|\b(?:at|for|with(?:out)?)\s+no\s+(?:additional\s+|extra\s+)?"
    r"(?:charge|cost)\b|\bfree\s+of\s+charge\b|\bwithout\s+(?:additional\s+|extra\s+)?charge\b",
    re.IGNORECASE,
)
# a specific subject beats a generic verb ("vulnerabilities are remediated within 72 hours",
# "Critical server restore (RTO)", "Transition will be completed within 30 days")
_SPECIFIC = ("patch_window", "rto", "onboarding_duration")
# "by the next business day", "on the 5th business day": a day, not the hours of cover
_OPENING_HOURS = re.compile(r"\b(?:0?[5-9]|1[01])\s*[-–]\s*(?:1[4-9]|2[0-3])\s*$")
_WHICH_DAY = re.compile(
    r"\b(?:next|same|following|one|a|that|this|\d+(?:st|nd|rd|th)|first|second|third|fifth)\s+$",
    re.IGNORECASE,
)
_BACK_AGAIN = re.compile(r"\b(?:again|back)\b", re.IGNORECASE)
_INCIDENT_RESTORE = re.compile(
    r"^(?:back|run(?:s|ning)?|work(?:s|ing)?|operational|trading|operating|recovery\s+(?:within|in|inside))\b",
    re.IGNORECASE,
)
_RESTORE_WORD = re.compile(r"^(?:restor|recover|rebuil|back\b|running\b)", re.IGNORECASE)
# "a report each month": the thing measured stands right before its frequency
_NEXT_TO = re.compile(r"\s+(?:(?:each|every|per|once|twice|a|an)\s+)*", re.IGNORECASE)
_RIGHT_AFTER = re.compile(r"^['’]?s?['’]?\s?-?$")  # "99.9% uptime", "four hours' restore"
# "15 minutes to respond", "8 hours to fix": the time it takes to do what follows (but "within
# 4 hours to resolve it" is the deadline of the verb before, and what follows its purpose)
_TO_DO = re.compile(r"^\s+to\s+$")
# a deadline word of any strength before a figure ("in 4 hours", "under 2 hours")
_DEADLINE_WORD_BEFORE = re.compile(rf"\b(?:{_DEADLINE}|in|under|by|than)\s+$", re.IGNORECASE)


def _next_figures(cue, q, times, text: str) -> bool:
    """Whether a cue written after a figure, past a comma, belongs to the next figure of its
    kind: "within 1 hour, back in service within one business day" ("15 minutes response,
    4 hours resolution" keeps its own). Past a list of figures it is theirs all: "remove an
    Outage within 4 hours, a Defect within 2 days and complete a Ticket within 5 days"."""
    return (
        cue[1] >= q.end
        and "," in text[q.end : cue[1]]
        and any(t.kind == q.kind and t.start >= cue[2] for t in times)
        and not any(t.kind == q.kind and q.end <= t.start and t.end <= cue[1] for t in times)
    )


def _nearest(cues, pos: int, end: int, text: str):
    """The cue closest to a quantity, preferring one written before it."""

    def dist(c):
        _, s, e = c
        if s <= pos and e >= end or (s >= end and _RIGHT_AFTER.match(text[end:s])):
            return 0  # around it, or right after it: "99.9% uptime"
        if s >= end and _TO_DO.match(text[end:s]) and not _DEADLINE_WORD_BEFORE.search(text[:pos]):
            return 0
        if pos < s < end <= e:
            return 0  # growing out of it: "four hours of transactions"
        return pos - e if e <= pos else s - end + 10_000

    return min(cues, key=dist) if cues else None


def _scopes(seg: _Segment, pos: int, lo: int, hi: int, times=()) -> list[str]:
    """The priority (or group "P3 and P4") written nearest before the quantity in its clause,
    else after it in the clause, else before the clause. A priority written right after
    another figure is that figure's ("15 minutes to P1 and 1 hour to P2")."""
    # in reading order: a list's levels ("Priority 3 and 4 times stay ...") come last
    found = sorted(seg.in_range("SCOPE:", 0, len(seg.text)), key=lambda m: m[1:])
    taken = [
        m
        for m in found
        if any(
            t.start < pos and t.end <= m[1] and _FOR_GAP.fullmatch(seg.text[t.end : m[1]])
            for t in times
        )
    ]
    before = [m for m in found if m[2] <= pos and m not in taken]
    # "within one Business Day, or within two hours for a Class A incident": a level named
    # after another figure is that figure's
    after = [
        m
        for m in found
        if m[1] >= pos and m[2] <= hi and not any(pos < t.start < m[1] for t in times)
    ]
    if after and not [m for m in before if m[1] >= lo]:
        before = []  # "...; 3 hours for High tickets": its own clause names it, after it
    if before:
        group = [before[-1]]
        for m in reversed(before[:-1]):
            if _NEAR_GAP.match(seg.text[m[2] : group[0][1]]) or m[2] > group[0][1]:
                group.insert(0, m)
            else:
                break
    elif after:
        group = [after[0]]
        for m in after[1:]:
            if _NEAR_GAP.match(seg.text[group[-1][2] : m[1]]):
                group.append(m)
            else:
                break
    else:
        return ["all"]
    named = {m[0].split(":")[1] for m in group}
    if all(_NEGATED_SCOPE.search(seg.text[max(0, m[1] - 24) : m[1]]) for m in group):
        # "tickets other than P1", "non-urgent requests": every priority but the one named
        return (
            sorted({"P1", "P2", "P3", "P4"} - named)
            if named <= {"P1", "P2", "P3", "P4"}
            else ["all"]
        )
    return sorted(named)


_FOR_GAP = re.compile(
    r"\s*[(\[]?\s*(?:to|for|on|in|with|at)?\s*(?:all|any|each|every|an?|the)?\s*", re.I
)
_NEGATED_SCOPE = re.compile(
    r"(?:\bnon-?\s*|\bnot\s+(?:an?\s+|the\s+)?|\bother\s+than\s+|\bexcept(?:\s+for)?\s+"
    r"|\bexcluding\s+)$",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
_SLA_LABEL = re.compile(r"\b(?:SLA|service level|level agreement)\b", re.IGNORECASE)
_UNMET = re.compile(
    r"^\s*(?:partial(?:ly)?(?:\s+compl(?:y|ies|iant))?|non-?\s?compl(?:y|iant)|not\s+compliant"
    r"|does\s+not\s+comply|deviation|exception|no)\s*\.?\s*$",
    re.IGNORECASE,
)
_YES = re.compile(r"^\s*(?:yes|included|[✓✔☑☒√]|y|\[[xX✓✔]\])\s*\*?\s*$", re.IGNORECASE)
_NO = re.compile(r"^\s*(?:no|\[\s*\]|☐)\s*\.?\s*$", re.IGNORECASE)


def _status_columns(t: models.Table, strength) -> set[int]:
    """Columns whose every cell is a word or two and none a figure, some saying how firm a
    figure is ("GUARANTEED", "TARGET", "Indicative"): a status each row's figure carries."""
    out = set()
    for k in range(1, len(t.header)):
        cells = [r[k] for r in t.rows if k < len(r) and r[k]]
        if (
            len(cells) >= 2
            and all(len(c.split()) <= 3 and not _HAS_DIGIT.search(c) for c in cells)
            and any(strength(c.lower()) in ("soft", "conditional") for c in cells)
        ):
            out.add(k)
    return out


def _said(cell: str, strength) -> str:
    """A words-only cell that rules its row out ("Not included", a bare "No") or offers it on
    terms ("On request, at additional cost"), as read after the row label; "" otherwise."""
    if _NO.match(cell):
        return "not included"
    return cell if strength(cell) in ("excluded", "conditional") else ""


def _lead_levels(tables) -> dict[str, str]:
    """Level words that open row labels or column headers across the document's tables
    ("Red – respond", "Yellow – resolve" on another card, "Critical: first response"): one
    scheme over all of them, most urgent first."""
    words: list[str] = []
    sources: set[int] = set()
    partial = False  # a table where some labels open on no level word
    for n, t in enumerate(tables):
        # (under a header that says the rows are levels, "Class", a label counts whole:
        # "Harvest-critical (HC)")
        whole = bool(t.header) and names_levels(t.header[0])
        rows = [
            _label_head(row[0]) or (_PAREN_TEXT.sub("", row[0]).strip() if whole else "")
            for row in t.rows
            if row and row[0]
        ]
        heads = rows + [_label_head(text) for text in t.header[1:]]
        leveled = [h for h in heads if h and parse_level(h, words_only=True)]
        if leveled:
            sources.add(n)
            partial = partial or any(h and not parse_level(h, words_only=True) for h in rows)
        words += [h for h in leveled if h not in words]
    if len(sources) == 1 and partial:
        return {}  # "Outage / Degraded / Disturbance / Request": the table ranks its own rows
    scopes = scheme_scopes(words, words_only=True) if len(words) >= 2 else []
    return {w: sc for w, sc in zip(words, scopes) if sc}


def _with_lead_level(layers: tuple[Layer, ...], leads: dict[str, str]) -> tuple[Layer, ...]:
    """A row label or column header opening with a level of the document's scheme takes its
    rank in that scheme, over a rank among its own table's few ("High" second, not first)."""
    if not layers or not leads:
        return layers
    scope = leads.get(_label_head(layers[0].text))
    return (replace(layers[0], scopes=(scope,)),) + layers[1:] if scope else layers


def _unit_like(text: str) -> bool:
    """A short cell of words that may say what a neighbouring amount is per ("per user / month")."""
    words = text.split()
    parts = [w for w in re.split(r"[\s/]+", text) if w]  # "user / month" is two words
    # "par mois / per month": one language's version of the basis is enough
    versions = [v.split() for v in text.split(" / ") if v.strip()]
    return (
        bool(parts)
        and not _HAS_DIGIT.search(text)
        and (
            len(parts) <= 2
            or words[0].lower() in _PER_WORDS
            or any(v[0].lower() in _PER_WORDS for v in versions)
        )
        and len(words) <= 5
    )


_PER_WORDS = ("per", "/", "each", "a", "an", "every")
_PURPOSE = re.compile(r"\s*(?:in\s+order\s+)?to\s+[a-z]+", re.IGNORECASE)


_CONTEXT_STRENGTH = ("row", "column", "subheader")
# someone else's cell in the row ("Requirement | P1 within 2 hours") says what the row is
# about, never how firmly the vendor promises
_CONTEXT = _CONTEXT_STRENGTH + ("theirs",)


class _Extractor:
    """The commitment rules, applied to one sentence or table cell at a time.

    `commitments` runs each rule family in turn (durations and percentages, prices, cadence
    words, support hours, an excluded service credit). Where the number's own clause does not
    name its category, scope, tier or unit, the passage's layers are asked, nearest first.
    """

    def __init__(
        self,
        nlp,
        dollar: str = "",
        glossary: dict[str, str] | None = None,
        business_days: bool = False,
    ):
        self.nlp = nlp
        self.business_days = business_days  # the document counts service levels in business days
        self.desk_hours = ""  # the service desk's hours, which "desk hours" later refers to
        self.levels: dict[str, str] = {}  # the document's level names -> P-scope ("Cosmetic")
        self.listed: dict[str, str] = {}  # the levels it lists in order, by lower-case name
        self.declared: dict[str, str] = {}  # a numbered scale the document says counts up
        # desk hours read only from a definition or a response clause ("P1 calls are answered
        # within the hour, day and night"): they stand when no sentence states the desk's hours
        self.implied: list[Commitment] = []  # what only a definition or a schedule says
        self.requested: list[Commitment] = []  # clocks scoped P4 because they time requests
        self.dollar = dollar  # the currency the document declares for "$" amounts
        self.amounts = ""  # the currency the document declares for all its amounts
        self.client_currency = ""  # the one the client compares prices in
        self.glossary = glossary or {}  # defined term -> its definition
        self.unoffered: frozenset[str] = frozenset()  # tiers the document says it does not offer
        self.from_zero = False  # the document's levels count from zero ("P0", "Sev 0")
        self.bound: frozenset[str] = frozenset()  # defined terms a "shall" holds it to
        self.credited: frozenset[tuple[str, str]] = frozenset()  # (category, word) credited
        self.markers: dict[str, str] = {}  # "[T]" -> "soft": marks the document's legend defines
        self.hmm = False  # the document writes its periods h:mm ("0:15 is fifteen minutes")
        self.comma_fils = False  # its amounts are written "3.600,000": "88,000" is 88
        self.notes_under: dict[tuple, str] = {}  # (page, bbox) of a table -> the note under it
        self.monthly = False  # the document says its prices are monthly unless marked
        self.targets_bind = False  # "the target beside each indicator is a service level we sign"
        self.proposed: frozenset[str] = frozenset()  # "proposes Alternative B": {"alternative b"}
        self.side = Parties().side  # which party a text names by name (strength.Parties)
        self._docs: dict[str, tuple] = {}
        self._third_rows: dict[int, frozenset[int]] = {}  # per table: rows a third party delivers

    @functools.cached_property
    def hours_terms(self) -> tuple[tuple[re.Pattern, str], ...]:
        """Defined terms that are hours of cover ("Court Hours" means 7:00 a.m. to 6:00 p.m.
        on a Business Day; "Continuous" means at every hour of every day): each with the
        HOURS: label its definition reads as."""
        out = []
        for term, definition in self.glossary.items():
            # (the definition is the hours, opening on them; "Response Time means the time ...
            # in Business Hours" defines a measure)
            hours = [
                (s, lab) for lab, s, _ in self._layer(definition)[1] if lab.startswith("HOURS:")
            ]
            kinds = {lab for _, lab in hours} - {"HOURS:same"}
            if (
                len(kinds) == 1
                and min(s for s, _ in hours) <= 3
                and not self.labels(definition, "NOT:")
                and not self.labels(definition, "CAT:")
            ):
                out.append((re.compile(rf"\b{re.escape(term)}\b", re.IGNORECASE), kinds.pop()))
        return tuple(out)

    def _layer(self, text: str) -> tuple:
        """A layer's text parsed once, with its matches (tax qualifiers' distractors dropped)."""
        parsed = self._docs.get(text)
        if parsed is None:
            doc = self.nlp(text)
            parsed = self._docs[text] = (doc, _unqualified(list(doc._.msp_matches)))
        return parsed

    def layer_doc(self, text: str):
        return self._layer(text)[0]

    def parse(self, texts: list[str]) -> list:
        """Docs of many texts, each distinct text parsed once, in one pipe: a heading or a
        repeated header is a passage and a layer of others."""
        new = list(dict.fromkeys(t for t in texts if t not in self._docs))
        for text, doc in zip(new, self.nlp.pipe(new)):
            self._docs[text] = (doc, _unqualified(list(doc._.msp_matches)))
        return [self._docs[t][0] for t in texts]

    def labels(self, text: str, prefix: str) -> list[str]:
        """Pattern labels starting with `prefix` found in a layer's text, in text order; a
        level numbered from zero ("P0") ranks by the document's count (count_from_zero)."""
        found = [lab for lab, _, _ in self._layer(text)[1] if lab.startswith(prefix)]
        if prefix.startswith("SCOPE") and (self.from_zero or "SCOPE:P0" in found):
            found = [f"SCOPE:{_FROM_ZERO_RANK.get(lab[6:], lab[6:])}" for lab in found]
        return found

    def names(self, text: str) -> set[str]:
        """Category names a header or label mentions (a header naming one is not a tier),
        also by a term the glossary defines as a measure ("GTR (hours)")."""
        if not text:
            return set()
        return {lab[4:] for lab in self.labels(text, "CAT:")} or set(self.defined(text))

    def strength(self, seg: _Segment, lo: int, hi: int, category: str) -> str:
        # cue words inside a category's name or a label's aside ("Critical (system
        # unavailable): 45 minutes") say nothing about how firmly the figure is promised
        spans = [
            (_named_from(seg.text, s, e) if lab[4:] in _EXCLUDABLE else s, e)
            for lab, s, e in seg.in_range("CAT:", 0, len(seg.text))
        ]
        label_end = seg.text.rfind(":", 0, hi)
        spans += [(a, b) for a, b in seg.asides if b <= label_end]
        # nor do the names of the document's levels ("Forecast - the next business day")
        spans += [(s, e) for _, s, e in seg.in_range("SCOPE:", 0, len(seg.text))]
        spans += self._level_spans(seg.text)
        if category != "service_credit":
            # "10 BD (a target only, not eligible for credits)": what rules out credits rules
            # out no other figure
            spans += [m.span() for m in _NO_CREDITS.finditer(seg.text)]
        terms = [(seg.start + s, seg.start + e) for s, e in spans]
        own = _strength_of(seg.span(lo, hi), terms)
        start = seg.text.rfind(";", 0, lo) + 1  # a ";" starts a new statement
        if own == "binding" and lo > start and not _OWN_VERB.search(seg.text[lo:hi]):
            # a clause like "and resolution within 8 hours" inherits the sentence's wording
            own = _strength_of(seg.span(start, hi), terms)
        if category in TERMS:
            return "binding"
        marked = [st for mark, st in self.markers.items() if mark in seg.text[: hi + 1]]
        if own == "binding" and marked:
            return marked[0]  # "First-call fix [T]: 70 %" where "[T]" marks targets
        return own

    def commitments(self, seg: _Segment, p: _Passage, notes=None) -> list[Commitment]:
        if p.kind == "text" and (
            self._titled_aside(p.text) or _QUOTED.match(p.text) or numbered_question(p.text)
        ):
            # "> 4. The hosted platform needs 99.95%", "Q5. RFP clause 4.5 requires ...": the
            # other party's words
            return []
        if any(x.kind == "column" and x.tier in self.unoffered for x in p.layers):
            return []  # a tier shown only for contrast
        if p.table is not None and (
            (p.kind == "cell" and self._table_disowned(p)) or _legend_columns(tuple(p.table.header))
        ):
            # "3. PARTNER NOC SERVICE LEVELS (FOR INFORMATION)": someone else's table; "Code |
            # Meaning": a legend says what marks mean, it offers nothing
            return []
        if self._section_disowned(p):
            return []  # under "For comparison only - not part of this offer"
        defined = seg.defined
        if defined and (
            _term_key(defined.group("term")) in self.bound
            or (self.names(defined.group("term")) and _HELD_TO.search(defined.group("definition")))
        ):
            # "1.9 Recovery Time Objective means three (3) hours", held to by a "shall"
            # elsewhere; "Response Time means ..., not exceeding 15 minutes for a Red
            # Incident": a measure's definition that bounds its own figure holds to it
            seg.matches = [m for m in seg.matches if m[0] != "NOT:definition"]
        if self.from_zero or any(lab == "SCOPE:P0" for lab, _, _ in seg.matches):
            seg.count_from_zero()
        if self.levels:
            seg.own_levels(self.levels)
        found = _Found(self, seg, p, notes or {})
        quantities_found = found.quantities()
        for q in quantities_found:
            if (
                seg.blocked(q.start, q.end, durations=q.kind == "time")
                or self._row_blocked(p)
                or (
                    q.kind == "money"
                    and (
                        self._penalty_cell(p)
                        or _remedy_amount(seg, q)
                        or _exchange_rate(seg.text, q, found.money)
                    )
                )
            ):
                continue
            if q.kind == "money":
                self._price(found, q)
            else:
                self._service_level(found, q)
        if p.kind in ("text", "cell") and not self._row_unoffered(p):
            self._cadence_words(found)
            self._support_hours(found)
            self._excluded_credit(found)
            self._excluded_level(found)
        return _acted_on(found.out)

    def _table_disowned(self, p: _Passage) -> bool:
        """Does the table's own heading or the sentence that introduces it say its figures are
        not offered ("(for information)", "They are shown for information and are not offered
        to the Trust")? A lead-in that rules out one measure ("Credits are not offered") or one
        plan ("Bronze is shown for reference only") names it, and leaves the table standing."""
        heading = next((x.text for x in p.layers if x.kind == "heading"), "")
        lead = next((x.text for x in p.layers if x.kind == "lead_in"), "")
        plans = [h for h in p.table.header[1:] if h and len(h) > 2] if p.table else []
        # (or the note just under it, of the table's figures: "They are that farm's, not an
        # offer to AHR"; not "Kilima Lite ... is not offered", of a plan not shown)
        under = self.notes_under.get((p.table.page, p.table.bbox), "") if p.table else ""
        if any(
            _OF_THE_TABLE.match(part) and "NOTSENT:not_offered" in self.labels(part, "NOTSENT:")
            for part in _SENTENCE_END.split(under)
        ):
            return True
        return bool(self.labels(heading, "NOT:information")) or any(
            "NOTSENT:not_offered" in self.labels(part, "NOTSENT:")
            and not self.labels(lead, "CAT:")
            # "Quantities are the Trust's estimates and are not part of the offer": the
            # counts priced are the buyer's, the rates still the offer
            and not self.labels(part, "ABOUT:quantities")
            and not any(plan in lead for plan in plans)  # "Bronze is shown for reference"
            # ("Hospital IT Lite ... is not offered" beside "Hospital IT Core | Hospital IT
            # Complete": a plan of the same family, not in the table, is set aside alone)
            and not _names_a_sibling_plan(part, plans)
            for part in _SENTENCE_END.split(lead)
            if part.strip()
        )

    def disowned_sections(self, blocks: Sequence[models.Block]) -> frozenset[str]:
        """Sections a note sets aside by number ("Sections 1 to 5 are Client R's record ...
        and none of them is offered to you", "Appendix B is for information only"): what
        stands under them is someone else's or for reference, not offered."""
        out: set[str] = set()
        for b in blocks:
            for sentence in _SENTENCE_BREAK.split(b.text):
                ref = _SECTIONS_NAMED.match(sentence)
                if ref and any(
                    lab in ("NOTSENT:not_offered", "NOTSENT:example")
                    for lab in self.labels(sentence, "NOTSENT:")
                ):
                    out |= _section_keys(ref)
        return frozenset(out)

    def _section_disowned(self, p: _Passage) -> bool:
        """Is the heading right over the passage one that shows it for reference only ("For
        comparison only", "(for information)")? What stands under it is not offered."""
        heading = next((x.text for x in p.layers if x.kind == "heading"), "")
        return bool(heading) and (
            "NOTSENT:example" in self.labels(heading, "NOTSENT:")
            or bool(self.labels(heading, "NOT:information"))
            # a review's "What went well and what did not", "Lessons learned": what happened
            or bool(self.labels(heading, "RETRO:"))
        )

    def _titled_aside(self, text: str) -> bool:
        """A paragraph titled as a distractor ("4.2 Example. With a monthly fee of ...", "D.4.2
        Example, for illustration only: with 640 devices ...")."""
        colon = _NUMBERED_TITLE.match(text)
        title = run_in_title(text) or (colon.group(1) if colon else "")
        return bool(title) and any(
            lab.startswith(("NOT:", "NOTSENT:")) for lab, _, _ in self._layer(title + ".")[1]
        )

    def _row_blocked(self, p: _Passage) -> bool:
        """A row label or column header that is a distractor ("Escalation time") blocks a cell,
        as does a row that says it is not offered ("Lite desk (for reference; not proposed)")."""
        # ("Ref | Court requirement | Answer": the rows are named by what they require)
        quoted = p.table is not None and bool(p.table.header) and names_others(p.table.header[0])
        # ("The meeting recorded the following, which Thyna confirms as its offer:" over
        # "Recorded": what a record holds is the offer its lead-in says it is)
        owned = p.table is not None and bool(_OWNED_AS_OFFER.search(p.table.lead_in or ""))
        return (
            self._row_unoffered(p)
            or self._delivered_by_another(p)
            or any(
                self._layer_nots(layer, quoted)
                - ({"NOT:history"} if owned and layer.kind == "column" else set())
                for layer in p.layers
                if layer.kind in _CONTEXT
            )
        )

    def _row_unoffered(self, p: _Passage) -> bool:
        """A row that says it is not offered ("Lite desk (for reference; not proposed)", "Plans
        not proposed | Basic ..."), or an entry of a dated log ("14.10.2027 | 21:52 | PC
        frozen, running again 22:14 (22 min)", a record of what happened): nothing in it is
        offered, hours and cadence words included."""
        if p.table is None:
            return False
        label = next((x.text for x in p.layers if x.kind == "row"), "")
        return "NOTSENT:not_offered" in self.labels(label, "NOTSENT:") or _event_log(p.table)

    def _delivered_by_another(self, p: _Passage) -> bool:
        """A row whose "Delivered by" cell names someone other than the parties ("Aegisight
        EDR (the platform maker)"), in a column whose other rows name the vendor ("Tenryu
        SOC"): its figures are that third party's, not the vendor's."""
        if p.table is None or p.row < 0:
            return False
        if id(p.table) not in self._third_rows:
            self._third_rows[id(p.table)] = self._delivered_rows(p.table)
        return p.row in self._third_rows[id(p.table)]

    def _delivered_rows(self, table: models.Table) -> frozenset[int]:
        out: set[int] = set()
        for j, head in enumerate(table.header):
            column = [(row[j] if j < len(row) else "") or "" for row in table.rows]
            if not names_deliverer(head) or "provider" not in map(self.side, column):
                continue
            out |= {
                i
                for i, cell in enumerate(column)
                if re.search(r"\b[A-Z][a-z]", cell)
                and not self.side(cell)
                and not any(lab.startswith("PARTY:") for lab, _, _ in cues(self.layer_doc(cell)))
            }
        return frozenset(out)

    def _layer_nots(self, layer: Layer, quoted: bool = True) -> set[str]:
        """The distractor cues of a row label, header or requirement beside an answer; the
        requirement an answer answers is one, and that is no veto on the answer. Nor is
        whose or when someone else's figure is ("12 (median)" in a "Pilot result" column):
        only what it is about ("Escalation within 2 hours") speaks for the row."""
        nots = set(self.labels(layer.text, "NOT:"))
        if layer.kind == "column" and layer.tier:
            nots -= {"NOT:other-party"}  # a plan named "Industry" beside "Start" and "Business"
        if layer.kind == "column" and layer.currency:
            nots -= {"NOT:commercial"}  # "US$ (VAT 10% extra)": the tax its prices leave out
        if layer.kind == "theirs":
            return nots - {"NOT:requirement", "NOT:history", "NOT:other-party"}
        return nots - {"NOT:requirement"} if layer.kind == "row" and quoted else nots

    def unoffered_tiers(self, doc: models.Document) -> frozenset[str]:
        """Tiers of the document's tables that a sentence names as not offered ("Bronze is
        shown for reference only: it is not offered to you"): a contrast, no commitment."""
        # (a header naming a currency, a unit, a basis or a measure names no plan)
        plans = [
            [
                _PAREN_TEXT.sub("", cell).strip()
                for cell in t.header[1:]
                if cell
                and not (
                    header_currency(cell)
                    or header_unit(cell)
                    or names_basis(cell)
                    or self.names(cell)
                )
            ]
            for t in doc.tables
            if len(t.header) > 2
        ]
        tiers = {p for row in plans for p in row}
        out = set(self._unproposed(doc.blocks, tiers)) | beside_the_offered(doc.tables)
        written = [
            (t, re.compile(rf"\b{re.escape(name)}\b{_NAME_ENDS}"))
            for row in plans
            for t, name in _plan_names(row)
        ]
        for b in doc.blocks if tiers else ():
            for sentence in _SENTENCE_END.split(b.text):
                named = {t: m for t, name in written if (m := name.search(sentence))}
                if not _NEGATED.search(sentence):
                    if named and _APPLIES.search(sentence):
                        out |= self._beside_the_applying(sentence, named, doc.tables)
                    continue  # every way of saying "not offered" says "not" (or "neither")
                named = {t: m.start() for t, m in named.items()}
                if not named:
                    continue  # (a sentence naming no tier is not parsed)
                cues = [e for lab, _, e in self._layer(sentence)[1] if lab == "NOTSENT:not_offered"]
                if len(named) == 1 and cues:
                    out.update(named)
                elif cues:
                    # "Neither Bronze nor Gold is offered": every tier named up to the words
                    out.update(t for t, at in named.items() if at < cues[0])
        return frozenset(out)

    def _beside_the_applying(self, sentence: str, named: dict, tables) -> set[str]:
        """ "For your 540 workstations the Industry tariff applies": where the document says
        which of a table's plans applies to the client, that table's other plans are shown for
        comparison (distractors.jsonl `OFFER:applies`, right after the plan's name)."""
        cues = [s for lab, s, _ in self._layer(sentence)[1] if lab == "OFFER:applies"]
        chosen = {t for t, m in named.items() if any(0 <= c - m.end() <= 2 for c in cues)}
        if len(chosen) != 1:
            return set()
        (tier,) = chosen
        for t in tables:
            plans = {_PAREN_TEXT.sub("", cell).strip() for cell in t.header[1:] if cell}
            if tier in plans and len(plans) > 1:
                return {p for p in plans if p != tier and p}
        return set()

    def _unproposed(self, blocks, tabled: set[str]) -> set[str]:
        """Packages named in prose ("three packages - Bronze, Silver and Gold") where the
        document proposes one of them ("We therefore propose Silver"): the others are
        contrasts. (A table's tiers side by side are each a commitment, proposed or not.)"""
        named: list[str] = []
        for b in blocks:
            for m in _PROSE_TIERS.finditer(b.text):
                named += re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m["names"])
        named = [n for n in dict.fromkeys(named) if n and n not in tabled]
        if len(named) < 2:
            return set()
        for b in blocks:
            for sentence in _SENTENCE_END.split(b.text):
                chosen = [n for n in named if re.search(rf"\b{re.escape(n)}\b", sentence)]
                if (
                    len(chosen) == 1
                    and not _NEGATED.search(sentence)
                    and self.labels(sentence, "OFFER:proposed")
                ):
                    return set(named) - set(chosen)
        return set()

    def _cues(self, found: "_Found", q) -> list | None:
        """The category cues of a number's clause, or of the sentence before it when the clause
        goes on from there; None for a step of a credit scheme ("at or above 99.5%")."""
        seg, text = found.seg, found.seg.text
        lo, hi = seg.clause(q.start)
        defined = seg.defined
        if defined and defined.end("term") < q.start:
            # "Recovery Point means the point to which data is restored ..., not more than 60
            # minutes": the term defined names the measure, whatever its definition mentions
            term = [
                c
                for c in seg.in_range("CAT:", 0, defined.end("term"))
                if KIND.get(c[0][4:]) == q.kind
            ]
            if term:
                return term
        # (in a cell, an aside after the figure, "5 hours (restore tested twice a year)", says
        # something about it; the row or column says what it is)
        # ("within two hours of invocation (RTO)": an aside that is only a measure's name
        # names it)
        asides = seg.level_asides + (seg.asides if found.p.kind == "cell" else [])
        cues = [
            c
            for c in seg.in_range("CAT:", lo, hi)
            if KIND.get(c[0][4:]) == q.kind
            and not any(
                a <= c[1] < b
                and not a <= q.start < b
                and text[a:b].strip("() ") != text[c[1] : c[2]]
                for a, b in asides
            )
        ]
        before = text[:lo].rstrip()
        elliptic = (
            q.kind == "percent"
            and (before.endswith(", and") or before.endswith(";") and len(text[lo:hi].split()) <= 5)
            and not _OWN_VERB.search(text[lo:hi])
        )
        # a deadline set off by commas ("shall complete the onboarding, including ..., within
        # 45 days") belongs to the verb before it
        tail = q.kind == "time" and _DEADLINE_TAIL.match(text[lo : q.start])
        # "repair the fault within: (a) eight hours; (b) one day; (c) three days": each part of
        # a run after the lead's colon has the lead's verb
        listed = _LATER_MARK.match(text, lo) and _FIRST_MARK.search(text, 0, lo)
        # 99.8% of the fee is no credit: a service level's figure near a credit cue
        high = q.kind == "percent" and 90 <= q.value < 100
        level = high and any(c[0] == "CAT:service_credit" for c in cues)
        if high and _THRESHOLD_BEFORE.search(text[: q.start]):
            # "If uptime stays at or above 99%, a credit of 3%": a step of the scheme
            if (
                level
                or _SUBORDINATE.match(text)
                and seg.in_range("CAT:service_credit", 0, len(text))
            ):
                return None
        if level:
            cues = [c for c in cues if c[0] != "CAT:service_credit"]
        credits = seg.in_range("CAT:service_credit", 0, len(text))
        if q.kind == "percent" and credits and _CAPPED_BEFORE.search(text[: q.start]):
            return credits  # "5% ... for each 0.1% below your plan's uptime, capped at 15%"
        if not cues and (
            seg.in_range("SCOPE:", lo, hi)
            or _sentence_scheme(found, q)
            or elliptic
            or tail
            or listed
            or level
            # "..., which we warrant will be no less than 99.9%": what the clause qualifies
            or _RELATIVE_OPEN.match(text, lo)
        ):
            # a list of priorities under one cue: "Response times: P1 – 15 minutes; P2 – 1 hour";
            # a clause without a verb of its own: "we credit 10% ..., and 25% if it falls below",
            # "a credit of 5% ...; below 99.5%, 10%"; the level the sentence began on
            cues = [
                c
                for c in seg.in_range("CAT:", 0, lo)
                if KIND.get(c[0][4:]) == q.kind and not (level and c[0] == "CAT:service_credit")
            ]
            gapped = _gapped(cues, [t for t in found.times if lo <= t.start < hi], q)
            if gapped:
                return [gapped]
        return cues

    def category(self, found: "_Found", q) -> tuple[str, Layer | None] | None:
        """The category of a number: from its clause, else from the nearest layer naming one."""
        seg, text = found.seg, found.seg.text
        lo, hi = seg.clause(q.start)
        cues = self._cues(found, q)
        if cues is None:
            return None
        own = [c for c in cues if not _next_figures(c, q, found.times, text)]
        cue = _nearest(own, q.start, q.end, text)
        if _parts_after_total(found, q):
            # "completes within 45 days: three weeks of discovery, two of handover", "30 days
            # from signature, in four stages: ... a week of hypercare"
            return None
        if cue is not None and cue[0] == "CAT:contract_term" and q.unit not in ("month", "year"):
            # "concluded in the maximum term of 45 days": a time limit, not the contract's
            # length, when the clause names what is done in it ("the transition")
            others = [c for c in cues if c[0] != "CAT:contract_term"]
            cue = _nearest(others, q.start, q.end, text) if others else cue
        if cue is not None:
            return self._cue_category(found, cue, own), None
        if q.kind == "percent" and quantities.in_nines(q.text):
            return "availability", None  # "three nines" is how available a service is
        if found.p.kind not in ("cell", "text") or not found.p.layers:
            return self._client_duty(found, q, lo, hi) or _from_start(found, q, hi)
        paired = self._paired_category(found, q)
        if paired:
            return paired, None
        layered = self._layer_category(found, q)
        if layered:
            return layered
        if q.kind == "percent" and q.value >= 90 and self._sla_row(found.p):
            return "availability", None  # "Service level agreement | 99.95%": a service's level
        return self._client_duty(found, q, lo, hi) or _from_start(found, q, hi)

    def _cue_category(self, found: "_Found", cue, cues) -> str:
        """The category the clause's nearest cue names, read with what surrounds it; `cues`
        are the figure's own (none of the next figure's: "an engineer on the case within 25
        minutes, back in service within 4 hours")."""
        text = found.seg.text
        cat = cue[0][4:]
        if cat in SCOPED:
            special = [c for c in cues if c[0][4:] in _SPECIFIC]
            cue = special[0] if special else cue
            cat = cue[0][4:]
        if (
            cat == "rto"
            and _INCIDENT_RESTORE.search(text[cue[1] : cue[2]])
            and self._of_a_level(found)
        ):
            return "resolution_time"  # "back up and running within 4hrs" for a P1 is its fix
        if cat == "resolution_time" and self._restore_under_recovery(found, cue):
            return "rto"  # "Disaster recovery" over "restoring a whole server takes a day"
        return cat

    def _restore_under_recovery(self, found: "_Found", cue) -> bool:
        """Is a restore word in a sentence that names a disaster, or under a heading, lead-in
        or label that names recovery from one, with no priority in sight? Then it is the
        recovery time, not a fix."""
        seg = found.seg
        if not _RESTORE_WORD.match(seg.text[cue[1] : cue[2]]):
            return False
        if seg.topic or seg.in_range("SCOPE:", 0, len(seg.text)):
            return False
        if seg.in_range("DISASTER", 0, len(seg.text)) or seg.in_range("CAT:rpo", 0, len(seg.text)):
            # "In a disaster, a complete hosted service can be restored in 8 hours"; "backups
            # every four hours give a recovery point of 4 hours, and we restore the DMS in 6"
            return True
        layers = found.p.layers
        if any(x.scopes for x in layers):
            return False
        return any("rto" in self.layer_names(x) for x in layers)

    def _layer_category(self, found: "_Found", q) -> tuple[str, Layer] | None:
        """The category the nearest layer names: a heading "Commercial terms" names no term,
        though a paragraph's own title ("Minimum term.") does; the service working "again" in
        a list by priority is the incident's fix, not a recovery from disaster. A level's row
        label ("Store closed") says which tickets, not which clock, where a sub-header or
        column header names the clock."""
        layers = found.p.layers
        for layer in layers:
            names = [n for n in self.layer_names(layer) if KIND.get(n) == q.kind]
            if (
                layer.kind == "row"
                and layer.scopes
                and not self._clock_after_level(layer.text)
                and any(
                    x is not layer
                    and x.kind in _CONTEXT
                    and set(self.layer_names(x)) & set(_CLOCKS)
                    for x in layers
                )
            ):
                names = [n for n in names if n not in _CLOCKS]
            # (a question the text answers, "Q8. Contract length, notice, renewal?", does)
            asks = "?" in layer.text
            if layer.kind == "heading" and layer.text != run_in_title(found.p.text) and not asks:
                names = [n for n in names if n not in TERMS]
            if asks and len(set(names)) > 1:
                # a question of several measures: the one counted in the figure's own unit
                # ("24 months" the term, "90 days" the notice); RPO or RTO stays open
                names = [n for n in names if UNIT[n] == _UNIT_FAMILY.get(q.unit, q.unit)]
                if len(set(names)) > 1:
                    continue
            if not names and layer.text.endswith("?") and not asks_again(layer.text):
                return None  # the answer is about what its question asks, which no measure is
            if names[:1] == ["rto"] and _BACK_AGAIN.search(layer.text) and self._of_a_level(found):
                return "resolution_time", layer
            special = [n for n in names if n in _SPECIFIC]
            if names and names[0] in SCOPED and special:
                return special[0], layer  # "Critical server restore (RTO)": the named measure
            if names and names[0] not in SCOPED and self._states_a_total(layer, q):
                return None  # "The take-over is finished within 10 weeks:" over its stages
            if names:
                return _in_turn(names, found, q) or names[0], layer
        return None

    def declares_binding_targets(self, blocks) -> bool:
        """A sentence that says the document's targets bind ("The target beside each indicator
        is a service level that we will sign", "all targets are contractual"): a "Target"
        header then softens nothing (strength.jsonl TARGETS_BIND)."""
        return any(
            label == "TARGETS_BIND"
            for b in blocks
            if _TARGET_WORD.search(b.text)
            # (a ";" may go on about them: "we agree these indicators each year; they are
            # also our service levels to you")
            for sentence in _SENTENCE_BREAK.split(b.text)
            if _TARGET_WORD.search(sentence)
            for label, _, _ in cues(self.layer_doc(sentence)[:])
        )

    def proposed_alternatives(self, blocks) -> frozenset[str]:
        """The alternatives a sentence proposes ("Annapurna proposes Alternative B", "We
        recommend Option 2"), lower-cased."""
        return frozenset(
            m.group(0).lower()
            for b in blocks
            for sentence in _SENTENCE_END.split(b.text)
            if _ALTERNATIVE.search(sentence) and self.labels(sentence, "OFFER:proposed")
            for m in _ALTERNATIVE.finditer(sentence)
        )

    def under_another_alternative(self, text: str) -> bool:
        """ "Under Alternative C a Severity 1 fault is restored within 4 hours" where the
        document proposes Alternative B: a level that holds only if the client chooses C."""
        m = _UNDER_ALTERNATIVE.match(text)
        return bool(self.proposed and m and m.group("alt").lower() not in self.proposed)

    def _clock_after_level(self, label: str) -> bool:
        """ "Grid-critical: an engineer working on the fault": a row label that names its level
        and then, after a colon or a dash, the clock its figures count."""
        parts = _LEVEL_THEN.split(label, maxsplit=1)
        return len(parts) == 2 and bool(self.names(parts[1]) & set(_CLOCKS))

    def _states_a_total(self, layer: Layer, q) -> bool:
        """Does a lead-in state its own figure of the kind q is ("The whole take-over is
        finished within 10 weeks of signature:")? Its items' figures are then its parts."""
        return (
            layer.kind == "lead_in" and q.kind == "time" and bool(quantities.find_times(layer.text))
        )

    def _client_duty(self, found: "_Found", q, lo: int, hi: int) -> tuple[str, None] | None:
        """ "The firm must approve each change within 2 working days", "the duty manager
        confirms the classification within 15 minutes of our call": a time the client is
        obliged to act within, with no measure named, is the client's response (contract
        1.2.1), whatever the act; a one-off task counted from the start of the contract
        ("within five days of the effective date") is not."""
        seg = found.seg
        if (
            q.kind == "time"
            and _DEADLINE_BEFORE.search(seg.text[lo : q.start])
            and not seg.in_range("ANCHOR:start", q.end, hi)
            and not (seg.in_range("NOT:", lo, hi) or seg.in_range("NOTSENT:", lo, hi))
            and found.party(lo, hi) == "client"
        ):
            return "response_time", None
        return None

    def _paired_category(self, found: "_Found", q) -> str | None:
        """ "Respond / Resolve" over "45m / 4h": a header naming one category per part of its
        cells gives each figure the category of its part."""
        column = next((x for x in found.p.layers if x.kind == "column"), None)
        if found.p.kind != "cell" or column is None:
            return None
        # ("Severity 1 response / restore" | "20 minutes / 6 hours": the row label may pair them)
        paired = next(
            (x for x in found.p.layers if x.kind in ("column", "row") and "/" in x.text), None
        )
        if paired is None:
            return _two_clocks(found, q)
        parts = [self.names(part) for part in re.split(r"\s*/\s*", paired.text)]
        times = [t for t in found.times if t.kind == q.kind]
        if len(parts) < 2 or len(times) != len(parts) or q not in times:
            return None
        names = [[n for n in part if KIND.get(n) == q.kind] for part in parts]
        mine = names[times.index(q)]
        return mine[0] if len(mine) == 1 else None

    def _row_ends_the_contract(self, p: _Passage) -> bool:
        """ "Termination by Sac-Bé | 90 days' written notice": the row label, or the requirement
        the row answers ("County may terminate for convenience ... | 90 days' notice"), names
        the event; a row that is only "Notice period" in a table of terms is the contract's."""
        return p.kind == "cell" and any(
            (
                self.labels(layer.text, "EVENT:termination")
                and not self.labels(layer.text, "EVENT:cure")
            )
            or (layer.kind == "row" and _BARE_NOTICE.fullmatch(layer.text))
            for layer in p.layers
            if layer.kind in _CONTEXT
        )

    def _sla_row(self, p: _Passage) -> bool:
        return any(layer.kind in _CONTEXT and _SLA_LABEL.search(layer.text) for layer in p.layers)

    def _layer_named(self, found: "_Found", cat: str, unless: str = "") -> bool:
        """A table cell whose row label or column header names `cat` ("Reviews | Every quarter");
        with `unless`, not a label that also carries that pattern label ("Price review")."""
        return found.p.kind == "cell" and any(
            cat in self.layer_names(layer) and not (unless and self.labels(layer.text, unless))
            for layer in found.p.layers
            if layer.kind in _CONTEXT
        )

    def layer_names(self, layer: Layer) -> list[str]:
        """Categories a layer names, sentence by sentence: a sentence that is a distractor
        ("last year we averaged ...") names none, the others still do."""
        if layer.kind in _CONTEXT:
            if self._layer_nots(layer) or (layer.kind == "column" and names_answers(layer.text)):
                return []
            if layer.category:
                return [layer.category]  # the table's structure says what the column measures
            names = [lab[4:] for lab in self.labels(layer.text, "CAT:")] or self._label_only(
                layer.text
            )
            return names or ([] if layer.scopes else self.defined(layer.text))
        (doc, matches), names = self._layer(layer.text), []
        for sent in sentences(doc):
            inside = [m for m in matches if sent.start_char <= m[1] < sent.end_char]
            # "Tender AZB-11 - Response of Lusotec": the document a heading names, no measure
            titled = layer.kind == "heading" and any(lab == "DOCUMENT" for lab, _, _ in inside)
            cats = [
                (lab, s)
                for lab, s, e in inside
                if lab.startswith("CAT:")
                and not (titled and layer.text[s:e].lower() in ("response", "responses"))
            ]
            first = min((s for _, s in cats), default=0)
            # "within these times, measured from logging:" defines the clock, not the category
            if not any(
                lab.startswith("NOT:") and not (lab == "NOT:definition" and s > first)
                for lab, s, _ in inside
            ):
                names += [lab[4:] for lab, _ in cats]
        return names

    def _label_only(self, text: str) -> list[str]:
        """A row label or header that is one word and nothing else ("Contract" beside "36
        months"): the measure the word alone names (commitments.jsonl LABEL:)."""
        word = text.strip(" :").lower()
        return [
            lab[6:]
            for lab, s, e in self._layer(text)[1]
            if lab.startswith("LABEL:") and text[s:e].lower() == word
        ]

    def defined(self, term: str) -> list[str]:
        """Categories a term's definition names: "Turn Around Time (TAT)" is whatever the
        glossary says it measures ("the time until the acknowledgment")."""
        definition = self.glossary.get(_term_key(term))
        if not definition or not _MEASURE.search(definition) or self.labels(definition, "NOT:"):
            return []
        return [lab[4:] for lab in self.labels(definition, "CAT:")]

    def _service_level(self, found: "_Found", q) -> None:
        seg, text = found.seg, found.seg.text
        lo, hi = seg.clause(q.start)
        named = self._named(found, q, lo, hi)
        if named is None:
            return
        cat, source_layer, schedule = named
        if _NOTICE_AFTER.match(text[q.end :]):
            cat = "termination_notice"  # "sixty days' notice": the number is a notice period
        after = _MONTHS_CHARGES_AFTER if q.kind == "time" else _CHARGES_AFTER
        if after.match(text[q.end :]):
            return  # "three months' charges" is an amount of money, not a duration
        if cat in _CLOCKS and _FOR_PERIOD.search(text[: q.start]):
            return  # "answer their questions for a month afterwards": how long, not how fast
        if cat == "termination_notice" and (
            _NOTICE_OF_CHANGE.match(text[q.end :]) or _CHANGES_PRICES.search(text, lo, q.start)
        ):
            # "60 days' notice of any change to the fees", "may change its fees for a renewal
            # term by notice given 45 days before": notice of the change
            return
        if cat == "termination_notice" and _beside_the_notice(found, q, lo, hi):
            return  # "with 3 months' notice, though not to expire before 12 months have passed"
        if cat == "termination_notice" and not (
            _ends_the_contract(seg)
            or self._row_ends_the_contract(found.p)
            or _bare_notice(found, q)
        ):
            return
        if cat == "service_credit" and not self._a_credit(found, q):
            return
        target = UNIT[cat]
        value = q.value if target == "percent" else self._duration(cat, q, target)
        if not CATEGORIES[cat].shortest <= value <= CATEGORIES[cat].longest or (
            target == "percent" and value > 100
        ):
            return
        cat, scopes = self._scoped(found, q, lo, hi, cat)
        strength = self.context_strength(found, lo, hi, cat, source_layer)
        for scope in scopes:
            before = len(found.out)
            found.emit(cat, scope, value, target, lo, hi, strength)
            if schedule and len(found.out) > before:
                self.implied.append(found.out[-1])

    def _beside_rpo(self, p: _Passage) -> bool:
        """ "Tier 1 - Critical | 15 minutes | 4 hours" under "Recovery point | Recovery time":
        rows of a recovery plan's tiers, not ticket priorities, so the time is the RTO."""
        header = p.table.header if p.kind == "cell" and p.table is not None else ()
        return any("rpo" in self.names(h or "") for h in header)

    def _scoped(self, found: "_Found", q, lo: int, hi: int, cat: str) -> tuple[str, list[str]]:
        """The category and scopes of a number: a recovery time given per priority ("Back in
        service: Red 6 h / Orange 1 day") is a resolution time."""
        if cat == "rto" and not self._beside_rpo(found.p):
            ranked = _sentence_scheme(found, q)
            ranked = ranked or next(
                (x.scopes[0] for x in found.p.layers if x.kind in ("row", "column") and x.scopes),
                None,
            )
            # "For a drop-everything problem we aim to have you back up and running within
            # half a day": the level the clause names
            clause = found.seg.text[lo:hi]
            named = sorted({sc for name, sc in self.levels.items() if _names(name, clause)})
            ranked = ranked or (named[0] if len(named) == 1 else None)
            return ("resolution_time", [ranked]) if ranked else (cat, ["all"])
        return cat, self.scopes(found, q, lo, hi) if cat in SCOPED else ["all"]

    def _named(self, found: "_Found", q, lo: int, hi: int) -> tuple[str, Layer | None, bool] | None:
        """(category, layer that named it, implied) of a number. A frequency ("every 6 months")
        is a cadence instead; how often data is copied ("replicated every 30 minutes") is the
        recovery point, unless the document states that elsewhere."""
        seg, text = found.seg, found.seg.text
        if not (q.kind == "time" and (_EVERY.search(text[: q.start]) or self._interval(found))):
            # (the part before a semicolon is nearer than any heading)
            named = (
                _after_semicolon(found, q, lo)
                or self.category(found, q)
                or self._client_duty(found, q, lo, hi)
            )
            if not named and seg.carried and q.kind == "time":
                measure = _carried_measure(seg, found, q)
                return (measure, None, False) if measure else None
            if (
                named
                and named[0] in (*_CLOCKS, "contract_term")
                and _LEAD_TIME.match(text, q.end)
                and not _DEADLINE_BEFORE.search(text[: q.start])
            ):
                return None  # "Five Working Days before each Service Review ... a report"
            return (*named, False) if named else None
        copied = re.search(r"\b(?:every|each)\s+$", text[: q.start], re.IGNORECASE)
        if copied and any(c[0] == "CAT:rpo" for c in seg.in_range("CAT:", lo, hi)):
            return "rpo", None, True
        # "twice a year" is a frequency word of its own (cadence.jsonl), not 365 days
        if not any(
            s <= q.start and q.end <= e and e - s > q.end - q.start
            for _, s, e in seg.in_range("EVERY:", 0, len(text))
        ):
            self._cadence(found, q, lo, hi)
        return None

    def _a_credit(self, found: "_Found", q) -> bool:
        """A percentage a credit cue names is the share of the fee credited, not a fee for
        ending early or paying by card ("ending early costs 50%"), a threshold of the scheme
        ("remains at or above 99.5%") or a formula ("2% per 1% below target": its cap is the
        credit, contract 1.2)."""
        seg, text = found.seg, found.seg.text
        return not (
            seg.in_range("EVENT:termination", 0, len(text))
            or not (_names_a_remedy(seg) or self._remedy_around(found.p))
            or _COMPARED_BEFORE.search(text[: q.start])
            or _RATE_AFTER.match(text[q.end :])
        )

    def _interval(self, found: "_Found") -> bool:
        """Does a header over a bare figure say it counts the time between reviews?"""
        return found.p.kind == "cell" and any(
            _INTERVAL.search(layer.text) and self.labels(layer.text, "CAT:review_cadence")
            for layer in found.p.layers
            if layer.kind in ("subheader", "column", "row")
        )

    def _cadence(self, found: "_Found", q, lo: int, hi: int) -> None:
        """ "Every six months" in a clause or a row that names a review."""
        seg = found.seg
        named = seg.in_range("CAT:review_cadence", lo, hi) or self._layer_named(
            found, "review_cadence"
        )
        if named and not seg.not_a_review(q.end, q.start) and not self._row_not_a_review(found):
            # contract 1.2 counts a yearly review as 365 days, like the "annually" cue
            yearly = q.unit == "year"
            value = 365 * q.value if yearly else quantities.convert(q.value, q.unit, "day")
            self._emit_review(found, value, lo, hi, q.start, q.end)

    def _duration(self, cat: str, q, target: str) -> float:
        value, unit = q.value, q.unit
        if self.business_days and cat in SCOPED and unit in ("day", "week"):
            value, unit = value * (5 if unit == "week" else 1), "business_day"
        return quantities.convert(value, unit, target)

    def _of_a_level(self, found: "_Found") -> bool:
        """Is the figure a ticket level's, so that its service "working again" or "back in
        service" is that level's fix, not a recovery from disaster? The clause, its topic or a
        layer around it names the level ("T1 CUT-OFF back in service", "Working again within"
        under "Emergency | Same-day")."""
        seg = found.seg
        return bool(
            seg.topic
            or seg.in_range("SCOPE:", 0, len(seg.text))
            or self._labelled_level(found.p.text)  # "RED: ... Your station works again in 5 hrs."
            or any(
                x.scopes or x.kind in _CONTEXT and self._names_a_level(x.text)
                for x in found.p.layers
            )
        )

    def _names_a_level(self, text: str) -> bool:
        """Does the text name a level, in the scheme's words or the document's own names?"""
        return bool(self.labels(text, "SCOPE:") or self._level_spans(text))

    def _level_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text names the document's own levels ("One desk", "Forecast")."""
        return [m.span() for name in self.levels for m in _level_name(name).finditer(text)]

    def listed_level(self, label: str) -> str | None:
        """The rank of a label that names a level the document lists in order."""
        return self.listed.get(_LEVEL_LABEL_END.sub("", label.lower()).strip())

    def _layer_scopes(self, p: _Passage) -> list[str]:
        """The scope the nearest layer names: its scheme's rank, a level word, or a level of
        the document's own scheme ranked in another table ("Engineer on the line, 'Individual
        fault'"). A column's level outranks what a sub-header says of some levels
        ("Restoration - hours (Minor and Request in business hours)" over "Critical")."""
        by_column = any(x.kind == "column" and x.scopes for x in p.layers)
        for layer in p.layers:
            if by_column and layer.kind == "subheader":
                continue
            # (the scale the document declares outranks a table's own reading of a partial
            # list: "Severity 4" and "Severity 2" rows where Severity 4 is the most urgent)
            declared = sorted(
                {sc for name, sc in self.declared.items() if _names(name, layer.text)}
            )
            if declared:
                return declared  # "Urgency 4 response (min)" where Urgency 4 is the most urgent
            listed = self.listed_level(layer.text)
            if listed and layer.kind in ("row", "subheader", "column"):
                return [listed]
            if layer.scopes:
                return list(layer.scopes)
            named = sorted({lab[6:] for lab in self.labels(layer.text, "SCOPE:")})
            if named:
                return named
            # (a question heads its answer as a row label does its cells, and so does the
            # requirement an answer column answers)
            if layer.kind in ("row", "subheader", "column", "theirs") or layer.text.endswith("?"):
                own = sorted({sc for name, sc in self.levels.items() if _names(name, layer.text)})
                if own:
                    return own
        return []

    def _labelled_level(self, text: str) -> list[str]:
        """ "Yellow: within 4 hours." names its own level, whatever came before it."""
        label = _LABELLED.match(text)
        own = {sc for name, sc in self.levels.items() if label and _names(name, label.group(0))}
        return sorted(own) if len(own) == 1 else []

    def _item_level(self, found: "_Found") -> list[str]:
        """The list's own scheme ranks its lead word ("Level 3"); a lead word naming levels of
        the document's scheme takes their ranks ("Code Orange and Code Yellow")."""
        item = next((x for x in found.p.layers if x.kind == "item" and x.scopes), None)
        if item is None:
            return []
        own = sorted({sc for name, sc in self.levels.items() if _names(name, item.text)})
        return own or list(item.scopes)

    def _passage_label(self, found: "_Found") -> list[str]:
        """ "RED: call us. An engineer calls you back within 15 min. Your station works again
        within 5 hrs.": the label that opens the passage names the level of every sentence
        in it that names none of its own."""
        if found.seg.in_range("SCOPE:", 0, len(found.seg.text)):
            return []
        return self._labelled_level(found.p.text)

    def scopes(self, found: "_Found", q, lo: int, hi: int) -> list[str]:
        labelled = self._labelled_level(found.seg.text)
        own = _part_levels(found, q)
        if labelled or own:
            return labelled or [own]
        opened = self._item_level(found) or self._passage_label(found)
        if opened:
            return opened
        scopes = _scopes(found.seg, q.start, lo, hi, found.times)
        paired = _parallel(found, q, lo, hi) or _respectively(found, q, lo, hi, scopes)
        if paired:
            return [paired]
        inline = _sentence_scheme(found, q)
        if inline and not found.seg.in_range("SCOPE:", lo, hi):
            return [inline]  # "...for Urgent (note); 4 hours for High": its own clause ranks it
        if scopes != ["all"]:
            return scopes
        if inline:
            return [inline]
        lettered = _letter_scope(found.p.text, found.seg.text) or self._marked_before(found, q)
        if lettered:
            return [lettered]
        if found.seg.topic and not found.seg.in_range("SCOPE:", 0, len(found.seg.text)):
            return [found.seg.topic]
        layered = self._layer_scopes(found.p)
        if layered:
            return layered
        clause = found.seg.text[lo:hi]
        named = sorted({sc for name, sc in self.levels.items() if _names(name, clause)})
        if not named:
            # "An Urgent request means ...; we will answer it within two hours and resolve it
            # within one business day": the level the sentence opened on, nearest first
            before = found.seg.text[:lo]
            hits = [
                (m.start(), sc)
                for name, sc in self.levels.items()
                for m in _level_name(name).finditer(before)
            ]
            named = [max(hits)[1]] if hits else []
        return named or ["all"]

    def _marked_before(self, found: "_Found", q) -> str | None:
        """ "... respond within: (a) a fault stopping production: one (1) hour; (b) a fault
        affecting a department: ...", then "repair the fault within: (a) eight (8) hours; (b)
        ...": a run of bare figures under the marks of a run of levels before it takes their
        levels, (a) the first, as lettered levels rank (_letter_scope)."""
        text = found.seg.text
        marks = [m.group(1) for m in _RUN_MARK.finditer(text, 0, q.start)]
        if not marks or marks[0] != "a":
            return None
        before = found.p.text[: max(found.p.text.find(text), 0)]
        earlier = [m.group(1) for m in _RUN_MARK.finditer(before)]
        if len(earlier) < 2 or earlier[0] != "a" or marks[-1] not in earlier:
            return None
        return f"P{min(ord(marks[-1]) - ord('a') + 1, 4)}"

    def context_strength(self, found: "_Found", lo, hi, cat: str, source: Layer | None) -> str:
        """The most cautious of the clause, its row label and column header, a table note
        and the layer that named the category ("Target response times" makes them targets)."""
        seen = {self.strength(found.seg, lo, hi, cat)}
        if cat in TERMS:
            # a term is the offer's, unless the clause makes it a choice ("$84 per device,
            # provided you accept a sixty-month term")
            span = found.seg.span(lo, hi)
            chosen = span is not None and any(label == "OPTION" for label, _, _ in cues(span))
            return "conditional" if chosen else "binding"
        labels, remedies = set(), cat == "service_credit"
        # beside someone else's column ("Market standard"), a lead-in's "usually" is theirs
        compared = any(layer.kind == "theirs" for layer in found.p.layers)
        # a row labelled by someone else's requirement ("The Supplier should resolve 70% ...")
        # says nothing of how firmly the answer beside it offers
        theirs = [layer.text for layer in found.p.layers if layer.kind == "theirs"]
        for layer in found.p.layers:
            if layer.kind == "row" and any(t and t in layer.text for t in theirs):
                continue
            if layer.kind in _CONTEXT_STRENGTH + ("basis",):
                # a level's row says which tickets: its description ("Sev 1 - Outage (FleetWorks
                # unavailable)") is no exclusion, though "(target)" still softens; a cell beside
                # the figure in a "Basis" column ("Target") softens it, but its "Excluded" rules
                # out only a row without a figure
                text = _TARGET_WORD.sub("", layer.text) if self.targets_bind else layer.text
                said = strength_of(self.layer_doc(text), remedies)
                if not ((layer.scopes or layer.kind == "basis") and said == "excluded"):
                    labels.add(said)
                labels |= self._defined_soft(layer.text)
            elif (
                layer.kind != "theirs"
                and not (compared and layer.kind == "lead_in")
                and not (layer.kind == "lead_in" and self._names_unoffered(layer.text))
                and (layer is source or (source is not None and layer.kind == "lead_in"))
                and not (layer.kind == "heading" and _ASKS.search(layer.text))
            ):
                # a heading that asks ("How much data you could lose") promises nothing less
                if layer.kind == "lead_in":
                    levels = {sc for x in found.p.layers for sc in x.scopes}
                    words = self._about(_unfigured(layer.text), cat, levels)
                else:
                    words = layer.text
                if words:
                    seen.add(strength_of(self.layer_doc(words), remedies))
        nearest = next((x.text for x in found.p.layers if x.kind == "heading"), "")
        if nearest and self._aims(nearest):
            seen.add("soft")  # under "What we aim for" every figure is an aim
        if found.p.kind == "cell" and found.notes.get(cat):
            seen.add(found.notes[cat])
        seen |= _optional_rows(found.p)
        if labels - {"binding"} == {"soft"} and (
            self._declared_binding(found.p) or self._credited(source, cat)
        ):
            # "These are contractual limits", or a credit paid on a miss, outweighs a "Target"
            # header
            labels = {"binding"}
        seen |= labels
        return next(st for st in PRECEDENCE if st in seen)

    def _credited(self, named_by: Layer | None, cat: str) -> bool:
        """Does the layer that named the figure's measure name it in the words a credit is
        paid on?"""
        return named_by is not None and any(
            (cat, named_by.text[s:e].lower()) in self.credited
            for lab, s, e in self._layer(named_by.text)[1]
            if lab == f"CAT:{cat}"
        )

    def _defined_soft(self, text: str) -> set[str]:
        """ "SLO (objective)" over a column, where the document defines "SLO (service level
        objective): ... SLOs are targets; ... not contractual": a short form the glossary
        defines as a target softens what it heads."""
        # (a bare code in a "Basis" cell, "T", is a short form too when a legend defines it)
        shorts = _SHORT_TERM.findall(text) or ([text.strip()] if len(text.strip()) <= 2 else [])
        return {
            "soft"
            for short in shorts
            if short.lower() in self.glossary
            # ("Target: reported monthly, no credit": what rules out a credit says nothing here)
            and strength_of(self.layer_doc(self.glossary[short.lower()]), False) == "soft"
        }

    def _aims(self, heading: str) -> bool:
        """A heading that says what we aim for ("What we aim for", "Our targets"), not one
        that asks ("How much data could we lose?")."""
        if not _OURS.search(heading) or heading.rstrip().endswith("?") or len(heading.split()) > 8:
            return False
        doc = self.layer_doc(heading)
        return any(
            label == "SOFT" and doc[s:e].text.lower() not in _MODALS for label, s, e in cues(doc)
        )

    def _about(self, text: str, cat: str, levels: set[str] = frozenset()) -> str:
        """The sentences and clauses of a lead-in that speak of `cat` or of no other service
        level, and of the figure's level if they name levels: "Restoration figures are
        targets" softens the restoration column, not the first response; "we guarantee the
        restore times for P1 and P2; those for P3 and P4 are targets" softens only P3 and P4."""

        def about(part: str) -> bool:
            named = self.labels(part, "CAT:")
            if f"CAT:{cat}" not in named and any(n[4:] in SCOPED for n in named):
                return False
            ranked = {lab[6:] for lab in self.labels(part, "SCOPE:")}
            return not (levels and ranked and not levels & ranked)

        return " ".join(part for part in _SENTENCE_END.split(text) if about(part))

    def opens_on_unoffered(self, text: str) -> bool:
        """A paragraph whose first words name a plan not offered is about that plan."""
        return bool(self.unoffered) and bool(_tier_names(self.unoffered, True).match(text))

    def _names_unoffered(self, text: str) -> bool:
        """A lead-in about a tier not offered ("Bronze ... is not offered to you") says
        nothing of how firmly the other tiers are offered."""
        return bool(self.unoffered) and bool(_tier_names(self.unoffered).search(text))

    def _remedy_around(self, p: _Passage) -> bool:
        """A row label, column header or lead-in that names a credit ("Service credit")."""
        return any(self._names_remedy(layer.text) for layer in p.layers)

    def _penalty_cell(self, p: _Passage) -> bool:
        """ "Penalty (SR) | 500": what a miss costs the vendor, under a header or beside a
        label that names a credit, is no price."""
        return p.kind == "cell" and any(
            x.kind in ("column", "row") and self._names_remedy(x.text) for x in p.layers
        )

    def _names_remedy(self, text: str) -> bool:
        credit = [m for m in self._layer(text)[1] if m[0] == "CAT:service_credit"]
        return bool(_remedy_words(credit, text))

    def _declared_binding(self, p: _Passage) -> bool:
        """Does a lead-in state outright that the figures bind ("contractual", "guaranteed"),
        or the row's own status cell ("Target | Basis" over "15 min | Contractual")?"""
        return any(
            label == "BINDING"
            for layer in p.layers
            if layer.kind in ("lead_in", "basis")
            for label, _, _ in cues(self.layer_doc(layer.text))
        )

    def _cadence_words(self, found: "_Found") -> None:
        """Review cadence written as a word ("monthly", "every quarter")."""
        seg, text = found.seg, found.seg.text
        every = seg.in_range("EVERY:", 0, len(text))
        for lab, s, e in every:
            lo, hi = seg.clause(s)
            if (
                # "twice a year" holds "year": the longer frequency is the one written
                any(a <= s and e <= b and b - a > e - s for _, a, b in every)
                or not (
                    seg.in_range("CAT:review_cadence", lo, hi)
                    or self._layer_named(found, "review_cadence", unless="NOTCAD:clause")
                )
                or seg.not_a_review(e, s)
                or self._row_not_a_review(found)
                or seg.blocked(s, e)
                or any(q.start <= s < q.end for q in found.times)
            ):
                continue
            if text[e : e + 1] == "-" or text[s - 1 : s] == "-":
                continue  # "a week-by-week plan", "year-on-year": no frequency
            if (
                lab in ("EVERY:30", "EVERY:7", "EVERY:90", "EVERY:365", "EVERY:1", "EVERY:14")
                and text[s:e].lower() in ("month", "week", "quarter", "year", "day", "fortnight")
                and not re.search(r"\b(?:every|each|a|per|once a)\s+$", text[:s], re.IGNORECASE)
            ):
                continue
            self._emit_review(found, float(lab.split(":")[1]), lo, hi, s, e)

    def _row_not_a_review(self, found: "_Found") -> bool:
        """ "Governance" over "Service report | monthly": a cell's row that names what the
        frequency measures (a report, a backup, a test) and no review."""
        row = next((x for x in found.p.layers if x.kind == "row"), None)
        return (
            found.p.kind == "cell"
            and row is not None
            and not found.seg.in_range("CAT:review_cadence", 0, len(found.seg.text))
            and bool(self.labels(row.text, "NOTCAD"))
            and "review_cadence" not in self.layer_names(row)
        )

    def _emit_review(self, found: "_Found", days: float, lo: int, hi: int, s: int, e: int):
        """A review cadence; an executive forum's ("a quarterly steering meeting") stands only
        where the document states no other review."""
        before = len(found.out)
        found.emit("review_cadence", "all", days, "day", lo, hi)
        # ("A Steering Committee ... will meet each quarter": the forum anywhere in the clause,
        # nearer this frequency than any other)
        if len(found.out) > before and (
            found.seg.not_a_review(e, s, label="EXECCAD") or _forum_nearest(found, s, lo, hi)
        ):
            self.implied.append(found.out[-1])

    def _support_hours(self, found: "_Found") -> None:
        """24x7 or business hours for the helpdesk, the NOC or on-site work; not the hours a
        level's clock runs in ("Clock | 24/7")."""
        seg = found.seg
        # (nor what a key says a level is: "Planned | a fault that can wait for working hours")
        level_row = any(x.kind == "row" and x.scopes for x in found.p.layers)
        if any(
            x.kind == "column"
            and (names_clock(x.text) or (level_row and names_description(x.text)))
            for x in found.p.layers
        ):
            return
        # (a level's name is no service: "in business hours for One desk and Wish list")
        named = self._level_spans(seg.text)
        for lab, s, e in found.hours:
            lo, hi = seg.clause(s)
            defines = _defines_hours(seg, lab)
            if _not_cover(found, lab, s, e, defines):
                continue
            cover = _nearest(_cover_cues(seg, lo, hi, s, named), s, e, seg.text)
            scope = cover[0].split(":")[1] if cover else self._layer_cover(found.p, found.times)
            implied = None if scope else _implied_cover(seg, lo, hi, defines)
            hours, strength = self._hours_said(found, lab, s, e, lo, hi), None
            if hours == "beyond":
                if any(lab2 == "HOURS:24x7" and lo <= s2 < hi for lab2, s2, _ in found.hours):
                    continue  # "Outside these hours, calls ... are answered 24 hours a day"
                hours, strength = _beyond_hours(found, lo, hi)
                if not hours:
                    continue
            if hours and (scope or implied):
                # the hours a response clause names are not soft because its times are targets
                if implied and not defines:
                    strength = "binding"
                before = len(found.out)
                every = seg.in_range("COVER:", 0, len(seg.text))
                for service in (scope or implied, *_coordinated(cover, every, seg.text)):
                    found.emit("support_hours", service, None, hours, lo, hi, strength)
                if not scope and len(found.out) > before:
                    self.implied.append(found.out[-1])
                if (scope or implied) == "helpdesk":
                    self.desk_hours = self.desk_hours or hours

    def _hours_said(self, found: "_Found", lab: str, s: int, e: int, lo: int, hi: int) -> str:
        """The hours an HOURS cue at `s` stands for: its clock range, round the clock where
        shifts cover the day, or the hours "the same hours" refers to."""
        seg = found.seg
        hours = _clock_cover(seg.text[s:e]) or lab.split(":")[1]
        if _shifts_round_the_clock(seg, found.hours, lo, hi):
            return "24x7"  # "the day shift (07:00-19:00) and the night shift (19:00-07:00)"
        if hours != "same":
            return hours
        said = [m[0] for m in found.hours if m[1] < s and m[0] != lab]
        # "the desk opens 8 to 5, and technicians visit during the same hours"; else "site
        # visits take place during desk hours"
        return said[-1].split(":")[1] if said else self.desk_hours

    def _layer_cover(self, p: _Passage, timed=()) -> str | None:
        """The cover a list's lead-in, a row label, a column header or a heading names; over
        a paragraph, only a heading that names the service outright ("Will you come on site?"
        over "Yes, Monday to Friday, 7 a.m. to 5 p.m."). A sentence or item `timed` by a
        service level takes no cover from around it ("... on a P1 within 20 minutes, at any
        hour" under "Service desk")."""
        if p.kind == "text" and timed:
            return None
        if p.kind == "text" and not any(layer.kind in ("lead_in", "item") for layer in p.layers):
            for layer in p.layers:
                names = self.labels(layer.text, "COVER:") if layer.kind == "heading" else []
                if names:
                    return names[0].split(":")[1]
            return None
        # a service the table's own row or column names outranks a generic word nearer
        # ("Coverage" under "S-03 Monitoring of servers and network")
        for layer in p.layers:
            names = layer.kind in ("row", "column", "subheader") and self.labels(
                layer.text, "COVER:"
            )
            if names:
                return names[0].split(":")[1]
        for layer in p.layers:
            names = self.labels(layer.text, "COVER:") or self.labels(layer.text, "COVERWEAK:")
            if names:
                return names[0].split(":")[1]
        return None

    def _excluded_credit(self, found: "_Found") -> None:
        """ "Service levels do not carry service credits": an excluded remedy."""
        seg, text = found.seg, found.seg.text
        if any(c.category == "service_credit" for c in found.out):
            return
        for s, e in _remedy_words(seg.in_range("CAT:service_credit", 0, len(text)), text):
            lo, hi = seg.clause(s)
            if not _NEGATED_BEFORE.search(text[lo:s]):
                continue  # the negation must govern the remedy: "no credit", "not eligible for credits"
            if _strength_of(seg.span(lo, hi)) == "excluded" and not seg.blocked(s, e):
                found.emit("service_credit", "all", None, "percent", lo, hi, "excluded")
                return

    def _excluded_level(self, found: "_Found") -> None:
        """ "No restoration time applies to Cosmetic incidents", "Normal tickets have no fix
        target": a service level the vendor states it does not offer, for the priorities named."""
        seg, text = found.seg, found.seg.text
        if _CONDITION_FIRST.match(text):
            return  # "if ..., the response time does not apply": a condition, not an offer
        done = {(c.category, c.scope) for c in found.out}
        for lab, s, e in seg.in_range("CAT:", 0, len(text)):
            cat = lab[4:]
            if (
                cat not in _EXCLUDABLE
                or cat == "availability"
                and not _AVAILABILITY.search(text, s, e)
            ):
                continue  # ("no committed pick-up time" rules out no uptime)
            lo, hi = seg.clause(s)
            if any(lo <= q.start < hi for q in found.times) or seg.blocked(s, e, spans=False):
                continue
            offered = [
                lab for lab, a, _ in seg.in_range("NOTOFFERED", lo, hi) if a >= e and a - e <= 30
            ]
            negated = offered or any(
                a <= s and e <= b for _, a, b in seg.in_range("NOLEVEL", lo, hi)
            )
            if not negated:
                continue  # the negation must govern a time or target: "no restoration figure"
            at = quantities.Quantity("time", 0.0, "minute", s, e, text[s:e])
            scopes = self.scopes(found, at, lo, hi)
            if scopes == ["all"] and offered == ["NOTOFFERED:none"]:
                continue  # "Recovery point: none" may be no loss at all; a level's "none" is none
            if scopes == ["all"] and cat in SCOPED and _RESTRICTED.match(text, e):
                continue  # "no fix times for single-user issues": for some tickets, not named
            for scope in scopes:
                if (cat, scope) not in done:
                    found.emit(cat, scope, None, UNIT[cat], lo, hi, "excluded")
                    done.add((cat, scope))

    def _cell_period(self, p: _Passage) -> str | None:
        """The period of a bare amount in a table: "Unit price (RM)" beside "Monthly (RM)" is
        monthly, as the line amount it multiplies into is; failing that, the document's own
        "All prices are ... monthly unless the Charged column ..." """
        for h in p.table.header if p.table is not None else ():
            if names_line_amount(h) and not names_unit_price(h):
                period = next(iter(self.labels(h, "PERIOD:")), None)
                if period:
                    return period
        return "PERIOD:month" if self.monthly else None

    def _price(self, found: "_Found", q) -> None:
        """A price's scope and period come from its clause, else its cell's row, column or lead-in."""
        seg, p = found.seg, found.p
        lo, hi = seg.clause(q.start)
        context = _price_context(p)
        own = _price_scopes(seg, lo, hi, found.times, found.money)
        # the basis nearest the amount is its own: "£4,500 one-off, then £36.00 pupm"; one
        # after it, before the next amount, first: "$79 a month for each member of staff and
        # $30 a month for each X-ray PC"
        # (an amount in brackets is an aside: "SGD 84.00 (approx. Rs. 5,460) per user")
        asides = [(a, b) for a, b in seg.asides if not a <= q.start < b]
        # ("UZS 310 000,00 a month (desk, PCs, network, servers)": what an aside lists is what
        # the price covers, not what it is counted per; it counts only where nothing else does)
        covered = [m for m in own if any(a <= m[1] < b for a, b in asides)]
        own = [m for m in own if m not in covered]
        following = min(
            (
                m.start
                for m in found.money
                if m.start > q.start and not any(a <= m.start < b for a, b in asides)
            ),
            default=hi,
        )
        own.sort(
            key=lambda m: (
                (0, m[1] - q.end)
                if q.end <= m[1] < following
                else (1, m[1] - q.end if m[1] >= q.end else q.start - m[2])
            )
        )
        own = _once_off(own, q)
        scopes = [m[0] for m in own]
        once = p.table is not None and bought_once(p.table, p.row)
        # (a row or basis "for all sites" prices the lot; in the amount's own sentence, "a
        # one-off fee of $9,500, covering all thirteen sites", the sites are the work it covers)
        scopes += [
            "PRICE:flat" if m[0] == "LOT" else m[0]
            for text in context
            for m in _head_nouns(text, self._layer(text)[1])
            if (m[0].startswith("PRICE:") or m[0] == "LOT")
            and not _counted(text, m)
            and not _a_duration(m, quantities.find_times(text))
            and not (once and m[0] in _HEAD_RATES)
        ]
        scopes += [m[0] for m in covered]
        # the sentence that introduces a table says what its bare amounts are when nothing
        # nearer does ("All figures are US dollars per device per month")
        intro = [x.text for x in p.layers if x.kind == "lead_in" and x.text not in context]
        # and, failing all else, the heading of its section ("Recurring Services (billed
        # monthly in advance)")
        intro += [x.text for x in p.layers if x.kind == "heading"]
        period = _period_of(seg, q, lo, hi) or next(
            (lab for text in context + intro for lab in self.labels(text, "PERIOD:")), None
        )
        if period is None and p.kind == "cell":
            period = self._cell_period(p)
        # ("A visit ... is charged at $210 per hour": the basis nearest the amount decides)
        unpriced = own[0][0] == "PRICE:unpriced_scope" if own else "PRICE:unpriced_scope" in scopes
        if q.value <= 0 or unpriced:
            return  # "0.00 €" offers nothing; a price per site or network has no contract scope
        scope = (
            "flat"  # "4G routers and data bundles | per month | 42,000": one charge
            if not own and self._whole_basis(p)
            else _price_scope(scopes, seg.text[q.end :], period)
        )
        # ("Current agreement | Renewal offer": a column of the offer ends nothing)
        offered = {x.text for x in p.layers if x.kind == "column" and names_offer(x.text)}
        if scope != "hourly" and (
            seg.in_range("EVENT:termination", lo, hi)
            or any(self.labels(t, "EVENT:termination") for t in context if t not in offered)
        ):
            # "Early exit charge | 3,000": an early-termination fee is not a price offered (an
            # hourly rate for exit assistance is)
            return
        if _headcount(seg, lo, hi) and any(
            s < q.start for _, s, _ in seg.in_range("TOTAL", lo, hi)
        ):
            return  # "..., which for 500 devices comes to USD 27,420": a worked total
        if scope is None:
            # "At 290 users the monthly fee comes to ...": a total for a headcount, not a price
            if period is None or _headcount(seg, lo, hi):
                return
            scope = "flat"
        value, unit = q.value, q.unit
        if scope == "hourly":
            unit = f"{unit}/hour"
        elif scope != "onboarding":
            if period is None:
                return
            if period == "PERIOD:year":
                if any(x.kind == "money" and x is not q for x in found.money_in(lo, hi)):
                    return  # "$100 / month $1,000 / year": the annual figure restates the fee
                value = round(value / 12, 2)
            unit = f"{unit}/month"
        found.emit("price", scope, value, unit, lo, hi, self._price_strength(found, lo, hi))

    def _whole_basis(self, p: _Passage) -> bool:
        """The amount's own basis cell says only how often it is charged ("per month") and the
        row lists things in the plural ("4G routers and data bundles, all seven sites"): one
        charge for the whole of them."""
        basis = next(
            (x.text for x in p.layers if x.kind in ("basis", "sibling") and is_basis(x.text)), ""
        )
        if not _PERIOD_ONLY.fullmatch(basis):
            return False  # ("dev/mo" names its unit)
        # ("Managed user | per month": a noun in the singular is the unit charged for)
        row = next((x.text for x in p.layers if x.kind == "row"), "")
        doc, matches = self._layer(row)
        nouns = [doc.char_span(s, e) for label, s, e in matches if label in _HEAD_RATES]
        return not any(t.lemma_.lower() == t.lower_ for span in nouns if span for t in span)

    def _price_strength(self, found: "_Found", lo: int, hi: int) -> str:
        """A price is a term of the offer (binding) unless it buys an option: "(optional)",
        "as an add-on", "for an additional ..." in its clause or its row label, or its row
        prices a case ("..., if selected"). A rate charged on request or an amount "payable" on
        signature is still the price offered."""
        texts = [found.seg.span(lo, hi)] + [
            self.layer_doc(layer.text)[:]
            for layer in found.p.layers
            if layer.kind in _CONTEXT_STRENGTH
        ]
        option = any(
            label == "OPTION" for span in texts if span is not None for label, _, _ in cues(span)
        )
        # "Managed PC or laptop, if selected | 21,500 per device": a row priced for a case
        eligible = any(layer.kind == "row" and _IF.search(layer.text) for layer in found.p.layers)
        return "conditional" if option or eligible or self._under_options(found.p) else "binding"

    def _under_options(self, p: _Passage) -> bool:
        """A table or list under a heading that opens by naming options ("3. Optional add-ons",
        "C.2 Optional Line Items")."""
        heading = next((x.text for x in p.layers if x.kind == "heading"), "")
        if p.kind not in ("cell", "text") or not heading:
            return False
        titled = self.layer_doc(unnumbered(heading))
        return any(label == "OPTION" and start <= 1 for label, start, _ in cues(titled[:]))


# a condition a row label states: "..., if selected", "where the Customer opts in"
_IF = re.compile(r"\b(?:if|where|provided|providing|subject\s+to|unless)\b", re.IGNORECASE)
_DEFINES = re.compile(
    # past a clause number or a list item's mark: "1.1 ", "(f) ", "b) ", "- "
    r"^[\s\d.]*(?:(?:\(?[a-z]{1,4}\)|[-–•*])\s+)?[“\"']?(?P<term>[A-Z][\w /&-]{2,40}?)[”\"']?\s*(?:\([^)]{1,12}\)\s*)?"
    # '"Continuous" and "Continuously" mean ...': two forms of one term
    r"(?:(?:and|or)\s+[“\"'](?P<other>[A-Z][\w /&-]{2,40}?)[”\"']\s+mean\s+"
    r"|(?:means|refers to|is defined as)\s+)(?P<definition>.+)",
)
# the words that bound a figure or a term from above or below ("within", "not exceeding",
# "no less than"): a promise held to a defined term, or a definition held to its own figure
_BOUNDS = (
    r"within|inside|not\s+(?:to\s+)?exceed(?:ing)?|no\s+(?:more|less|later|longer|greater|fewer)\s+than"
    r"|not\s+(?:more|less|later|longer)\s+than|at\s+(?:least|most|the\s+latest)|up\s+to"
)
_BOUND_TO = rf"(?:{_BOUNDS})\s+(?:the|its)\s+"


def bound_terms(docs, terms) -> frozenset[str]:
    """Defined terms a binding sentence (strength.jsonl BINDING) holds the provider to ("shall
    restore the Core Systems within the Recovery Time Objective"): the figure their definition
    gives ("Recovery Time Objective means three (3) hours") is then a commitment."""
    if not terms:
        return frozenset()
    out = set()
    for d in docs:
        for sent in sentences(d):
            if any(label == "BINDING" for label, _, _ in cues(sent)):
                out |= {
                    t
                    for t in terms
                    if re.search(_BOUND_TO + re.escape(t) + r"\b", sent.text, re.IGNORECASE)
                }
    return frozenset(out)


# a capitalised word that opens a capitalised service level's name mid-sentence: "the Target
# Response Time is thirty (30) minutes" names a defined term, it sets no aim
_NAME_WORD = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+ $")


def _named_from(text: str, s: int, e: int) -> int:
    """Where the name holding the category words at s:e begins."""
    if not text[s:e][:1].isupper():
        return s
    m = _NAME_WORD.search(text, 0, s)
    return m.start() if m else s


def credited_measures(docs) -> frozenset[tuple[str, str]]:
    """The service levels a document attaches a credit to, each as its category and the word
    that names it ("If we miss a P1 response or resolution time ... we credit 5% of the
    monthly fee"): a figure whose miss is paid for is a commitment, whatever a "Target" header
    over it calls it, while a "Permanent Fix (target)" column beside credited "Workaround"
    times stays an aim."""
    out = set()
    for d in docs:
        found = [(lab, s, d.text[s:e].lower()) for lab, s, e in d._.msp_matches]
        credits = [
            s for lab, s, w in found if lab == "CAT:service_credit" and w.startswith("credit")
        ]
        if not credits:
            continue  # (most passages name no credit: no sentence split for them)
        for sent in sentences(d):
            a, b = sent.start_char, sent.end_char
            if not any(a <= s < b for s in credits) or strength_of(sent) in ("excluded", "soft"):
                continue  # "targets only, not eligible for credits"
            out |= {(lab[4:], w) for lab, s, w in found if a <= s < b and lab[4:] in _CLOCKS}
    return frozenset(out)


_RELATIVE_OPEN = re.compile(r"[\s,;(]*which\b", re.IGNORECASE)
_HELD_TO = re.compile(rf"\b(?:{_BOUNDS})\b", re.IGNORECASE)
_SHORT_TERM = re.compile(r"\b[A-Z]{2,6}\b")  # a defined short form in a header ("SLO")
_GLOSSARY_HEADER = re.compile(r"^(?:terms?|glossary|definitions?|meaning|name)$", re.IGNORECASE)
_LINE_NUMBER = re.compile(r"|#|no\.?|nr\.?", re.IGNORECASE)
_SHEET_LETTER = re.compile(r"^[A-Z]\s+(?=[A-Z])")
_CODE_HEADER = re.compile(r"^(?:codes?|abbreviations?|symbols?|keys?|marks?)$", re.IGNORECASE)
_MEANING_HEADER = re.compile(
    r"^(?:meanings?|definitions?|stands\s+for|explanation)$", re.IGNORECASE
)


_MEASURE = re.compile(r"\b(?:time|between|interval|elapsed|until|period)\b", re.IGNORECASE)


def _term_key(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", text).strip().lower()


@functools.lru_cache(maxsize=512)
def _legend_columns(header: tuple[str, ...]) -> tuple[int, int] | None:
    """The code and meaning columns of a legend ("# | A Code | B Meaning": a sheet's column
    letters may stand before the names), or None. (Asked for every cell: kept per header.)"""
    heads = [_SHEET_LETTER.sub("", h or "").strip() for h in header]
    code = next((j for j, h in enumerate(heads) if _CODE_HEADER.match(h)), None)
    meaning = next((j for j, h in enumerate(heads) if _MEANING_HEADER.match(h)), None)
    if code is None or meaning is None or code > meaning:
        return None
    # ("Code | Meaning | Picked up | Restored" is a table of levels with their times)
    others = [h for j, h in enumerate(heads) if j not in (code, meaning)]
    return (code, meaning) if all(_LINE_NUMBER.fullmatch(h) for h in others) else None


def _table_terms(t: models.Table) -> list[tuple[str, str]]:
    """(term, definition) rows of a Term | Definition table or a legend of codes."""
    if len(t.header) == 2 and any(_GLOSSARY_HEADER.match(h.strip()) for h in t.header):
        columns: tuple[int, int] | None = (0, 1)
    else:
        columns = _legend_columns(tuple(t.header))
    if columns is None:
        return []
    term, meaning = columns
    return [(r[term], r[meaning]) for r in t.rows if len(r) > meaning and r[term] and r[meaning]]


def glossary(doc: models.Document) -> dict[str, str]:
    """Defined terms of a document: a Term | Definition table, or "X means ..." sentences."""
    out: dict[str, str] = {}
    for t in doc.tables:
        for term, definition in _table_terms(t):
            out.setdefault(_term_key(term), definition)
    for b in doc.blocks:
        m = _DEFINES.match(b.text)
        if m:
            for term in (m.group("term"), m.group("other")):
                if term:
                    out.setdefault(_term_key(term), m.group("definition"))
        for m in _HOURS_GLOSSED.finditer(b.text):
            out.setdefault(_term_key(m.group(1)), m.group(2))  # "court hours (7:00 a.m. to ...)"
        for term, definition in _short_forms(b.text):
            out.setdefault(term, definition)
        for m in _IS_THE_TIME.finditer(b.text):
            out.setdefault(_term_key(m.group("term")), m.group("definition"))
    return out


# "The GTI (garantie de temps d'intervention) is the time within which an engineer is working
# on the incident; the GTR (...) is the time within which the service works again": a short
# form defined as a measure, in any clause
_IS_THE_TIME = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\band\s))(?:[Tt]he\s+)?(?P<term>[A-Z][A-Za-z]{1,7})\s*(?:\([^)]{1,80}\)\s*)?"
    r"is\s+(?P<definition>the\s+(?:maximum\s+|elapsed\s+)?(?:time|period)\b[^;.]{5,160})"
)


def _short_forms(text: str) -> list[tuple[str, str]]:
    """Terms a legend gives with their short forms: "Standard Support Hours (SSH): 07:30 to
    17:30 ...", "Key: BH = business hours, 08:00-17:00; NBD = next business day", "SLO
    (service level objective): the internal objective we run the service to"."""
    out = [(m.group(1).lower(), m.group(2)) for m in _EQUATED.finditer(text)]
    m = _SHORTENED.match(text) or _SHORT_FIRST.match(text)
    if m:
        out += [(m.group(term).lower(), m.group("definition")) for term in ("term", "short")]
    return out


# a term with its short form, then what it is: "- Standard Support Hours (SSH) : 07:30 to ..."
_SHORTENED = re.compile(
    r"^[\s\-–•*]*(?P<term>[A-Z][\w /&-]{2,40}?)\s*\((?P<short>[A-Z]{2,6})\)\s*[:=–-]\s*"
    r"(?P<definition>.+)"
)
# the short form first: "- SLO (service level objective): the internal objective ..."
_SHORT_FIRST = re.compile(
    r"^[\s\-–•*]*(?P<short>[A-Z]{2,6})\s*\((?P<term>[A-Za-z][\w /&-]{2,40}?)\)\s*[:=–-]\s*"
    r"(?P<definition>.+)"
)
# a legend's entry: "BH = business hours, 08:00-17:00 Mon-Fri; NBD = next business day"
_EQUATED = re.compile(r"(?:^|[;:]\s*)\b([A-Z]{2,6})\s*=\s*([^;=]{3,120})(?=;|$)")


# "run in court hours (7:00 a.m. to 6:00 p.m., Monday to Friday)": hours named, then glossed
_HOURS_GLOSSED = re.compile(r"\b([A-Za-z]{3,}\s+hours)\s*\(([^()]{5,80})\)")


_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:no|not|never|without|nor|neither|cannot)\b|\b\w+n['’]t)(?:\W+\w+){0,4}\W*$",
    re.IGNORECASE,
)
_CONDITION_FIRST = re.compile(r"^\W*(?:[\w.]+\s+)?(?:if|where|unless|when|should)\b", re.IGNORECASE)
_EXCLUDABLE = ("response_time", "resolution_time", "rto", "rpo", "availability")
_AVAILABILITY = re.compile(r"availab|(?<![\w-])up-?time", re.IGNORECASE)
_THRESHOLD = (  # "never more than 15%" is a cap, not a threshold
    r"(?<!\bno )(?<!\bnot )(?<!\bnever )"
    r"\b(?:below|above|under|over|beneath|(?:less|more|lower|higher)\s+than"
    r"|at\s+or\s+(?:above|below)|falls?\s+to|drops?\s+to)"
)
_THRESHOLD_BEFORE = re.compile(_THRESHOLD + r"\s*$", re.IGNORECASE)
_COMPARED_BEFORE = re.compile(rf"(?:{_THRESHOLD}|\bat\s+least)\s*$", re.IGNORECASE)
_RATE_AFTER = re.compile(
    r"^(?:\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?\s+(?:per|for\s+(?:each|every))"
    r"\s+(?:\d|(?:full\s+|whole\s+|part(?:ial)?\s+)?(?:hour|minute|day|percent|%))",
    re.IGNORECASE,
)
_FEE_WORDS = ("fee", "fees", "charge", "charges", "invoice", "bill")


_STATES_HOURS = re.compile(r"\b(?:defined as|deemed to be|refers? to|means?)\b", re.IGNORECASE)


def _defines_hours(seg: _Segment, label: str) -> bool:
    """ "Business hours are defined as 9 AM to 8 PM": a definition that states the hours."""
    return label == "HOURS:business_hours" and bool(_STATES_HOURS.search(seg.text))


# "$150 per hour in business hours", "business hours: $150/hr": hours beside a rate
_RATE_THEN_HOURS = re.compile(
    r"^\s*(?:/\s*h(?:ou)?r|(?:per|an?)\s+hour)?\s*(?:in|during|within)?\s*$"
)
_HOURS_THEN_RATE = re.compile(r"^\s*(?:[:=-]|\bat\b|\bis\b)?\s*$")


def _prices_the_hours(found: "_Found", s: int, e: int) -> bool:
    """Do the hours at s:e name when a rate applies rather than when a service is open?"""
    text = found.seg.text
    return any(
        (m.end <= s and _RATE_THEN_HOURS.match(text[m.end : s]))
        or (e <= m.start and _HOURS_THEN_RATE.match(text[e : m.start]))
        for m in found.money
    )


# a figure counted from go-live comes after the take-over; a kick-off opens it
_AFTER_LIVE = re.compile(r"\blive\b", re.IGNORECASE)
_KICK_OFF = re.compile(r"\bkick[\s-]?off\b", re.IGNORECASE)
# "30 days (thirty) counted from signature": the anchor follows the figure; "of contract end"
_ANCHOR_NEXT = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?(?:(?:counted|calendar|business|working)\s+)?"
)
_CONTRACT_END = re.compile(r"\s+(?:end|expiry|termination|exit|renewal)\b", re.IGNORECASE)


_SIGNED_OF = re.compile(r"\s+of\s+[^.;:,()]{1,40}")


def _signs_another(seg, end: int) -> bool:
    """ "within 20 working days of the signing of the monthly act of services rendered": what
    is signed is named and is no contract (commitments.jsonl `SIGNED:`), so the count starts
    at a month's paperwork, not at the start of the service."""
    m = _SIGNED_OF.match(seg.text, end)
    return bool(m) and not seg.in_range("SIGNED:", end, m.end())


def _from_start(found: "_Found", q, hi: int) -> tuple[str, None] | None:
    """ "Everything is handed over within thirty days of signature", "8 weeks from your
    go-ahead": with no measure named, a span of days or weeks counted from the start of the
    contract is how long the provider takes to take the service over."""
    seg = found.seg
    if q.kind != "time" or q.unit not in ("day", "week", "month", "business_day"):
        return None
    anchor = next((m for m in seg.in_range("ANCHOR:start", q.end, hi)), None)
    if (
        anchor is None
        or not _ANCHOR_NEXT.fullmatch(seg.text[q.end : anchor[1]])
        or _AFTER_LIVE.search(seg.text[anchor[1] : anchor[2]])
        or _CONTRACT_END.match(seg.text[anchor[2] :])
        or _signs_another(seg, anchor[2])
    ):
        return None
    lo = seg.clause(q.start)[0]
    if (
        seg.in_range("NOT", lo, hi)
        or seg.in_range("CAT:availability", lo, hi)  # "the new portal is available within ..."
        or _KICK_OFF.search(seg.text[lo:hi])
        or found.party(lo, hi) == "client"  # "you name a contact within 10 days of signature"
    ):
        return None
    return "onboarding_duration", None


def _not_cover(found: "_Found", label: str, s: int, e: int, defines: bool) -> bool:
    """Hours words at s:e that name no service's opening hours."""
    seg = found.seg
    lo, hi = seg.clause(s)
    term = seg.defined
    if (
        term
        and e <= term.end("term")
        and any(t >= term.start("definition") for _, t, _ in found.hours)
    ):
        return True  # '"Service Desk Hours" means 24 hours a day': the definition states them
    if seg.blocked(s, e, spans=False, durations=False, cover=True) and not defines:
        return True  # "24 hours a day" is cover, not a duration
    if seg.in_range("NOTHOURS:", lo, hi):
        return True  # "planned maintenance runs between 10:00 and 14:00": no desk's hours
    if _prices_the_hours(found, s, e) and not seg.in_range("COVER:", lo, hi):
        return True  # "$150 per hour in business hours": the hours a rate applies in
    day = label == "HOURS:business_hours" and _WHICH_DAY.search(seg.text[:s])
    # "07-17 weekdays": a day's opening hours, not seventeen days
    opening = _OPENING_HOURS.search(seg.text[:s]) and seg.text[s:e].lower().startswith("weekday")
    # "within 4 business hours", "by the next business day": durations
    return bool(_DURATION_BEFORE.search(seg.text[:s]) and not opening or day)


# the unit a measure is counted in, for the unit a figure is written in
_UNIT_FAMILY = {
    "year": "month",
    "week": "day",
    "business_day": "day",
    "fortnight": "day",
    "hour": "minute",
    "business_hour": "minute",
}


def _parts_after_total(found: "_Found", q) -> bool:
    """Is q one of the parts a total before a colon is made of ("30 days from signature, in
    four stages: ..., a week of hypercare")? The colon closes the total's own phrase, and
    each part is shorter than the whole."""
    text = found.seg.text
    colon = text.rfind(":", 0, q.start)
    if colon < 0 or found.seg.in_range("SCOPE:", colon, q.start):
        return False  # "P1: 15 min, P2: 1 hour": a list of levels, each with its own figure
    before = {lab for lab, _, _ in found.seg.in_range("CAT:", 0, colon)}
    after = {lab for lab, _, _ in found.seg.in_range("CAT:", colon, q.start)}
    if any(lab[4:] in _CLOCKS for lab in after - before):
        return False  # "Priority 1 (resolution within 8 hours): response 30 minutes"
    mine = quantities.convert(q.value, q.unit, "minute") if q.kind == "time" else q.value
    return any(
        t is not q
        and t.kind == q.kind
        and t.end <= colon
        and not re.search(r"[;.\d]", text[t.end : colon])
        and len(text[t.end : colon].split()) <= 6
        and mine < (quantities.convert(t.value, t.unit, "minute") if t.kind == "time" else t.value)
        for t in found.times
    )


def _cover_cues(seg: "_Segment", lo: int, hi: int, s: int, named) -> list:
    """The services a clause names for hours at `s`, less a level's name ("in business hours
    for One desk and Wish list")."""
    return [
        c
        for c in _services(seg.in_range("COVER:", lo, hi), seg.text)
        or seg.in_range("COVERWEAK:", lo, hi)
        or seg.in_range("COVER:", 0, s)  # "we monitor X and its devices 24x7"
        if not any(a <= c[1] < b for a, b in named)
    ]


def _coordinated(cover, cues: list, text: str) -> list[str]:
    """The other services joined to the nearest one as one subject ("The service desk and the
    security operations centre are staffed 24 hours a day"): the same hours are theirs."""
    if cover is None:
        return []
    merged: list[list] = []  # overlapping cues ("security operations", "operations centre")
    for label, s, e in sorted(cues, key=lambda c: (c[1], c[2])):
        if merged and s < merged[-1][2]:
            merged[-1][2] = max(merged[-1][2], e)
        else:
            merged.append([label, s, e])
    at = next((i for i, (_, s, e) in enumerate(merged) if s <= cover[1] < e), None)
    out = []
    for step in (-1, 1) if at is not None else ():
        i = at
        while 0 <= i + step < len(merged):
            a, b = sorted((merged[i], merged[i + step]), key=lambda m: m[1])
            if not _ALSO_SERVICE.fullmatch(text[a[2] : b[1]]):
                break
            i += step
            out.append(merged[i][0].split(":")[1])
    own = cover[0].split(":")[1]
    return [x for x in dict.fromkeys(out) if x != own]


_ALSO_SERVICE = re.compile(
    r"\s*(?:,|and|&|/|as\s+well\s+as)\s*(?:(?:the|our|its|their|a)\s+)?", re.IGNORECASE
)


def _services(cues: list, text: str) -> list:
    """Cover cues less those that only say where another service sits ("an ICT helpdesk in its
    control room, manned 24 hours a day" is the helpdesk's cover)."""
    services = [c for c in cues if not _PLACE_BEFORE.search(text[: c[1]])]
    return services or cues


# "in its Jubail", "from our", "at the": a place named before the cue that follows
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|from|inside)\s+(?:(?:the|its|our|their|your|a|an)\s+)?(?:[A-Z][\w-]*\s+){0,3}$"
)


def _beyond_hours(found: "_Found", lo: int, hi: int) -> tuple[str | None, str | None]:
    """Cover outside business hours, with the strength it is offered at, or (None, None).

    "no out-of-hours desk" rules out 24x7, "visits outside business hours on request" and
    "... are billed at $180 an hour" offer it at a price; "available out of hours" alone need
    not be 24x7."""
    seg = found.seg
    if _strength_of(seg.span(lo, hi)) in ("excluded", "conditional"):
        return "24x7", None
    if (
        seg.in_range("FLAG:extra-cost", lo, hi)
        or any(lo <= m.start < hi for m in found.money)
        or _ON_DEMAND.search(seg.text[lo:hi])
    ):
        return "24x7", "conditional"
    text = seg.text[lo:hi]
    return ("24x7", None) if _INCLUDED.search(text) or _ALL_YEAR.search(text) else (None, None)


# out-of-hours cover that runs every night of the year, not on some nights: it is 24x7
_ALL_YEAR = re.compile(
    r"\b(?:every|each)\s+(?:single\s+)?(?:night|evening)\b|\ball\s+(?:year|night)\b|\b365\s+days"
    r"|\b(?:weekends?|(?:bank|public)\s+holidays?|christmas(?:\s+day)?)\s+included"
    r"|\bincluding\s+(?:weekends|(?:bank|public)\s+holidays|christmas)",
    re.IGNORECASE,
)


# out-of-hours cover offered at a price or when asked for ("at the after-hours rate",
# "T&M", "can be arranged", "when you ask for it"); "available out of hours" alone need not be
# 24x7
_ON_DEMAND = re.compile(
    r"\b(?:rates?|tariffs?|surcharges?|T&M|time\s+and\s+materials?|billed|charged|chargeable|"
    r"billable|(?:can|may)\s+be\s+(?:arranged|booked|requested)|"
    r"(?:when|if|whenever)\s+(?:you|the\s+\w+)\s+(?:asks?|requests?|needs?|wants?|calls?))\b",
    re.IGNORECASE,
)


def _shifts_round_the_clock(seg: _Segment, hours, lo: int, hi: int) -> bool:
    """Clock ranges of one clause that together cover the whole day, on every day ("one
    technician on the day shift (07:00-19:00) and one on the night shift (19:00-07:00), every
    day of the year"; three shifts of eight hours): the cover is round the clock."""
    spans = [
        span
        for lab, s, e in hours
        if lo <= s < hi and (span := quantities.clock_span(seg.text[s:e])) is not None
    ]
    # (the shifts one service is staffed in; "08:00-18:00, and on call 18:00-08:00" is a desk
    # and its out-of-hours cover, each its own; "Monday to Friday", "weekdays" are some days)
    some_days = any(
        lab == "HOURS:business_hours"
        and lo <= s < hi
        and quantities.clock_span(seg.text[s:e]) is None
        for lab, s, e in hours
    )
    if len(spans) < 2 or some_days or not seg.in_range("SHIFT", lo, hi):
        return False
    covered = set()
    for start, end in spans:
        length = (end - start) % 24 or 24
        covered |= {round(start * 4 + k) % 96 for k in range(round(length * 4))}
    return len(covered) == 96


def _clock_cover(text: str) -> str | None:
    """The cover a clock range states by its own times: "00:00-24:00" is the whole day, and a
    range across midnight ("22:00 to 06:00") is out-of-hours cover, not business hours."""
    span = quantities.clock_span(text)
    if span is None:
        return None
    start, end = span
    if (end - start) % 24 >= 23.5 or (start, end) == (0, 24):
        return "24x7"
    return "beyond" if end < start else None


def _implied_cover(seg: _Segment, lo: int, hi: int, defines: bool) -> str | None:
    """Hours with no service named: "response times apply during working hours (9am - 5.30pm)"
    and "business hours are defined as 9 AM to 8 PM" are the hours the desk answers."""
    if defines:
        return "helpdesk"
    named = seg.in_range("CAT:response_time", lo, hi) or seg.in_range("CAT:resolution_time", lo, hi)
    return "helpdesk" if named else None


def _names_a_remedy(seg: _Segment) -> bool:
    """A percentage of the fee is a service credit only where a credit, rebate, refund or
    penalty is named in its sentence, or where it is owed for each level missed ("5% of the
    month's fee for each Critical defect fixed over spec"); "fee" alone is a price term."""
    credit = seg.in_range("CAT:service_credit", 0, len(seg.text))
    return bool(seg.in_range("PER_MISS", 0, len(seg.text))) or bool(_remedy_words(credit, seg.text))


def _remedy_words(credit_cues, text: str) -> list[tuple[int, int]]:
    """Spans of the credit cues that name a remedy ("credit", "penalty", "rebate"): "fee" or
    "charge" alone is a price term."""
    return [(s, e) for _, s, e in credit_cues if text[s:e].lower() not in _FEE_WORDS]


def _headcount(seg: _Segment, lo: int, hi: int) -> bool:
    """Does the clause work out a total for a count of users or devices ("For 290 users this
    is ...", "At 290 users the fee comes to ...", "Total annual charges on the quantities in
    Schedule I: ...")?"""
    return bool(seg.in_range("TOTAL", lo, hi)) and (
        bool(seg.in_range("ABOUT:quantities", lo, hi))
        or any(
            _COUNT_BEFORE.search(seg.text[:s]) and not _CAP_BEFORE.search(seg.text[:s])
            for lab, s, _ in seg.in_range("PRICE:", lo, hi)
            if lab in ("PRICE:per_user", "PRICE:per_device")
        )
    )


# "capped at 15%", "up to a maximum of 15%": the cap a credit scheme rises to
_CAPPED_BEFORE = re.compile(
    r"\b(?:capped\s+at|a\s+cap\s+of|up\s+to(?:\s+a\s+maximum\s+of)?|max(?:imum)?(?:\s+of)?"
    r"|not\s+exceed(?:ing)?|no\s+more\s+than|never\s+more\s+than|limited\s+to)\s+$",
    re.IGNORECASE,
)
# "for up to 50 users": a fee's ceiling, not the headcount of a worked total
_CAP_BEFORE = re.compile(r"\b(?:up\s+to|to|max(?:imum)?|no\s+more\s+than)\s+\d[\d,]*\s+$", re.I)


def _beside_the_notice(found: "_Found", q, lo: int, hi: int) -> bool:
    """Another figure of the clause is the notice itself ("3 months' notice") and this one is
    not: it dates the earliest end or a minimum term ("not before 12 months have passed")."""
    text = found.seg.text
    return not _NOTICE_AFTER.match(text[q.end :]) and any(
        t is not q
        and t.kind == "time"
        and lo <= t.start < hi
        and _NOTICE_AFTER.match(text[t.end :])
        for t in found.times
    )


def _bare_notice(found: "_Found", q) -> bool:
    """A short statement that opens with a bare notice label ("Notice: 6 months to the end of
    a month", "The notice period is 3 months") is the contract's notice, as a table row
    "Notice period | 3 months" is; not one that names maintenance."""
    seg = found.seg
    label = _BARE_NOTICE_LEAD.match(seg.text)
    return bool(
        label
        and not seg.text[label.end() : q.start].strip()  # the label's own value
        and len(seg.text.split()) <= _SHORT_STATEMENT
        and not seg.in_range("NOTHOURS:", 0, len(seg.text))
    )


_BARE_NOTICE_LEAD = re.compile(_NOTICE_LABEL + r"\s*(?::|[-–=]|is\b)\s*", re.IGNORECASE)
_SHORT_STATEMENT = 12  # words: a label and its value, not a clause about something else


def _ends_the_contract(seg: _Segment) -> bool:
    """A notice period is a termination notice only in a sentence about ending the contract,
    and not as the cure period before a termination for breach or non-payment."""
    whole = (0, len(seg.text))
    return bool(seg.in_range("EVENT:termination", *whole)) and not seg.in_range(
        "EVENT:cure", *whole
    )


_LETTER_LABEL = re.compile(r"(?:^|[•·;|/]\s*)([A-E])\s*[:=]\s")


# a run of parts after a lead's colon, "within: (a) ...", and a later part of it, "; (b) ..."
_FIRST_MARK = re.compile(r":\s*\(a\)\s")
_LATER_MARK = re.compile(r"\s*\([b-z]\)\s")
# a mark of a run of items written inline, after a colon or a semicolon: "within: (a) ...; (b)"
_RUN_MARK = re.compile(r"(?:^|[:;]\s*)\(([a-z])\)\s")


def _letter_scope(passage: str, segment: str) -> str | None:
    """ "A: ½ hour • B: 90 min • C: 4 working hours": single letters labelling the parts of
    one line, A first, are priority levels in that order."""
    letters = [m.group(1) for m in _LETTER_LABEL.finditer(passage)]
    if len(letters) < 2 or letters[0] != "A" or letters != sorted(set(letters)):
        return None
    m = _LETTER_LABEL.match(segment.lstrip())
    return f"P{min(ord(m.group(1)) - ord('A') + 1, 4)}" if m else None


def _parallel(found: "_Found", q, lo: int, hi: int) -> str | None:
    """ "15 min / 1 h / 4 h for P1 / P2 / P3", "15, 60 and 240 minutes for priorities 1, 2 and
    3": a list of figures and a list of levels of the same length, one after the other in the
    clause, pair off in order."""
    times = [t for t in found.times if lo <= t.start < hi]
    levels = sorted(
        {(s, lab[6:]) for lab, s, _ in found.seg.in_range("SCOPE:", lo, hi)}, key=lambda x: x[0]
    )
    if q not in times or len(times) < 2 or len(levels) != len(times):
        return None
    if len({sc for _, sc in levels}) != len(levels):
        return None
    apart = max(t.start for t in times) < levels[0][0] or levels[-1][0] < min(
        t.start for t in times
    )
    return levels[times.index(q)][1] if apart else None


def _respectively(found: "_Found", q, lo: int, hi: int, scopes: list[str]) -> str | None:
    """ "P3 and P4 tickets are answered within 4 h and 1 business day respectively"."""
    if len(scopes) < 2 or not _RESPECTIVELY.search(found.seg.text[lo:hi]):
        return None
    mine = [t for t in found.times if lo <= t.start < hi]
    return scopes[mine.index(q)] if len(mine) == len(scopes) and q in mine else None


def _inline_scheme(found: "_Found", q) -> str | None:
    """ "30 minutes for Urgent; 4 hours for High": clauses that each pair a duration with a
    priority word form a scheme of their own."""
    seg = found.seg
    clauses = [(lo, hi) for lo, hi in seg.clauses if any(lo <= t.start < hi for t in found.times)]
    if len(clauses) < 2:
        return None
    ranked = scheme_scopes(
        [seg.text[lo:hi] for lo, hi in clauses], words_only=True, whole=len(clauses) >= 3
    )
    return next((sc for (lo, hi), sc in zip(clauses, ranked) if lo <= q.start < hi), None)


_PART = re.compile(r"[;,]\s*|\s(?:and|or|/)\s")


def _part_levels(found: "_Found", q) -> str | None:
    """ "High gets an engineer within forty-five minutes, Normal within four hours, and Low by
    the next business day": parts that each name a level of the document's own scheme keep
    its ranks, whatever a generic reading of one word says."""
    split = found.parts
    if not split:
        return None
    parts, labels, _ = split
    own = [{sc for name, sc in found.ex.levels.items() if _names(name, x)} for x in labels]
    if not all(own):
        return None
    k = next((k for k, (lo, hi) in enumerate(parts) if lo <= q.start < hi), None)
    if k is None:
        return None
    if len(own[k]) == 1:
        return next(iter(own[k]))
    span = parts[k]
    # (where a part names more than one, the level right after the figure is its own, "20
    # minutes for MAYDAY", else the one named last before it: "Response - MAYDAY and
    # PAN-PAN: MAYDAY: 20 minutes; PAN-PAN: 30 minutes")
    text = found.seg.text
    after = _FOR_LEVEL.match(text, q.end, span[1])
    named = _first_level(found.ex.levels, text[after.end() : span[1]]) if after else None
    return named or _last_level(found.ex.levels, text[span[0] : q.start])


def _last_level(levels: dict[str, str], text: str) -> str | None:
    """The scope of the level of the document's scheme that `text` names last."""
    at = {sc: m.start() for name, sc in levels.items() for m in _level_name(name).finditer(text)}
    return max(at, key=at.get) if at else None


def _first_level(levels: dict[str, str], text: str) -> str | None:
    """The scope of the level of the document's scheme that `text` opens with."""
    return next((sc for name, sc in levels.items() if _level_name(name).match(text)), None)


_FOR_LEVEL = re.compile(r"\s+(?:for|on|in|of)\s+(?:an?\s+|the\s+|each\s+|every\s+)?")


def _sentence_scheme(found: "_Found", q) -> str | None:
    """The level a scheme written inside the sentence gives the quantity: clauses that pair
    a duration with a level word, else parts that each hold one duration."""
    return _inline_scheme(found, q) or _part_scheme(found, q)


def _parts(found: "_Found"):
    """(spans, labels, minutes) of the parts of a sentence that each hold one duration of one
    measure, or None (read once per sentence: _Found.parts)."""
    text = found.seg.text
    cuts = [0] + [m.end() for m in _PART.finditer(text)] + [len(text)]
    spans: list[list[int]] = []
    start = 0  # a part without a duration joins the next ("for a partial outage, 1 hour")
    for lo, hi in zip(cuts, cuts[1:]):
        if any(lo <= t.start < hi for t in found.times):
            spans.append([start, hi])
            start = hi
    if not spans:
        return None
    spans[-1][1] = len(text)
    parts, labels, minutes = [], [], []
    for lo, hi in spans:
        mine = [t for t in found.times if lo <= t.start < hi]
        if len(mine) != 1:
            return None
        t = mine[0]
        parts.append((lo, hi))
        labels.append(f"{text[lo : t.start]} {text[t.end : hi]}".strip())
        minutes.append(quantities.convert(t.value, t.unit, "minute"))
    named = {m[0] for lo, hi in parts for m in found.seg.in_range("CAT:", lo, hi)}
    if len(parts) < 2 or len(named) > 1:
        return None  # "respond within half an hour and restore within six hours": two measures
    return parts, labels, minutes


def _part_scheme(found: "_Found", q) -> str | None:
    """ "critical 15 min, high 1 hr, medium 4 hrs", "30 minutes (Severity A), 2 hours
    (Severity B)", "for a complete outage 15 minutes; for a partial outage, 1 hour": the parts
    of one sentence, each holding one duration of the same measure, whose words beside it
    form a scheme, or describe effects while the durations grow."""
    split = found.parts
    if not split:
        return None
    parts, labels, minutes = split
    ranked = scheme_scopes(labels, whole=len(labels) >= 3)
    if not any(ranked):
        ranked = ranked_by_order(labels, minutes)
    return next((sc for (lo, hi), sc in zip(parts, ranked) if lo <= q.start < hi), None)


def _counted(text: str, m, money=()) -> bool:
    """A head noun after a count ("for 150 users", "all 260 devices") counts what a total
    covers; it is no per-head basis."""
    if m[0] not in ("PRICE:per_user", "PRICE:per_device") or _BAND.search(text):
        return False  # "1 - 5,000 devices", "5,001 devices and above": a volume band's price
    count = _COUNT_BEFORE.search(text[: m[1]])
    return bool(count) and not any(x.start <= count.start() < x.end for x in money)


def _price_scopes(seg: _Segment, lo: int, hi: int, durations, money=()) -> list:
    """Price scope cues of a clause, without head counts and durations.

    "for 150 users" counts heads, it does not price them: the fee is a flat total ("R 398
    /user" is the amount's own basis); and the "hour" of "within 1 hour" is a duration, not an
    hourly rate.
    """

    return [
        m
        for m in _head_nouns(seg.text, seg.in_range("PRICE:", lo, hi))
        if not _counted(seg.text, m, money) and not _a_duration(m, durations)
    ]


def _a_duration(m: tuple, durations) -> bool:
    """The "hour" of "within 1 hour" or "RTO 4 hr" is a duration, not an hourly rate."""
    return m[0] == "PRICE:hourly" and any(t.start <= m[1] and m[2] <= t.end for t in durations)


def _price_scope(scopes: list[str], after: str, period: str | None) -> str | None:
    """What an amount is for: its nearest basis; not an hour named before an amount charged
    per month ("calls are answered at any hour: $3,100 per month"); a rate with no period is
    hourly."""
    scope = next((x.split(":")[1] for x in scopes if x != "PRICE:rate"), None)
    if scope == "hourly" and _MONTHLY_AFTER.match(after):
        scope = next((x.split(":")[1] for x in scopes if x not in _RATES), None)
    if scope is None and "PRICE:rate" in scopes and period is None:
        scope = "hourly"
    return scope


_PERIOD_ONLY = re.compile(
    r"\s*(?:per|a|an|/|each|every)\s*(?:calendar\s+)?(?:month|mo|quarter|year|yr|annum)\.?\s*",
    re.IGNORECASE,
)
_MONTHLY_AFTER = re.compile(r"^\s*(?:per|a|an|/|each)\s*(?:month|mo)\b", re.IGNORECASE)
_RATES = ("PRICE:rate", "PRICE:hourly")
_HEAD_RATES = ("PRICE:per_device", "PRICE:per_user")


def _in_turn(names: list[str], found: "_Found", q) -> str | None:
    """ "We will answer and restore as follows:" over "Quick - within 1 hour, back within 12
    hours": a lead-in or heading that names as many measures as the clause gives figures of
    their kind, all for one level, names them in its order."""
    named = list(dict.fromkeys(names))
    times = [t for t in found.times if t.kind == q.kind]
    if len(named) < 2 or len(times) != len(named) or q not in times:
        return None
    if found.seg.in_range("SCOPE:", times[0].end, times[-1].start):
        return None  # "P1 - 15 minutes, P2 - 1 hour": one measure for two levels
    return named[times.index(q)]


def _two_clocks(found: "_Found", q) -> str | None:
    """ "20m / 4h" in a ranked row: two clocks in one cell, the answer first and the fix second
    (never the shorter)."""
    times = [t for t in found.times if t.kind == "time"]
    text = found.seg.text
    if (
        len(times) != 2
        or q not in times
        or text[times[0].end : times[1].start].strip() != "/"
        or not any(x.scopes for x in found.p.layers if x.kind in ("row", "column"))
    ):
        return None
    minutes = [quantities.convert(t.value, t.unit, "minute") for t in times]
    if minutes[0] > minutes[1]:
        return None
    return _CLOCKS[times.index(q)]


def _head_nouns(text: str, matches: list) -> list:
    """Price cues without a word that only qualifies the noun after it: "staff device",
    "end-user laptop" are per device, not per user; "per office user" is per user, not per
    office."""
    devices = [(s, e) for lab, s, e in matches if lab == "PRICE:per_device"]
    heads = [(s, e) for lab, s, e in matches if lab in ("PRICE:per_user", "PRICE:per_device")]

    def qualifies(e: int, nouns) -> bool:
        return any(0 <= ns - e <= 1 and text[e:ns] in ("", " ", "-") for ns, _ in nouns)

    # "Monitoring of the generators and Starlink terminals, all four sites": what is watched
    # is named, and the charge is one for the lot
    lot = any(lab == "LOT" for lab, _, _ in matches)
    return [
        (lab, s, e)
        for lab, s, e in matches
        if not (lab == "PRICE:per_user" and qualifies(e, devices))
        and not (lab == "PRICE:unpriced_scope" and qualifies(e, heads))
        and not (lot and (s, e) in heads and not _PER_BEFORE.search(text[:s]))
    ]


# a sentence about numbered sections, as its subject: "Sections 1 to 5 are ...", "Note that
# Appendix B is ...", "Parts 2 and 3 ..."
_SECTIONS_NAMED = re.compile(
    r"\W*(?:(?:please\s+)?note(?:\s+that|\s*:)?\s+)?(?:the\s+)?"
    r"(?P<kind>sections?|parts?|chapters?|annex(?:es)?|appendix|appendices|schedules?)\s+"
    r"(?P<a>\d{1,2}|[A-Z])\b(?!\.\d)(?:\s*(?P<join>to|through|-|–|and|&|,)\s*(?P<b>\d{1,2}|[A-Z])\b(?!\.\d))?"
    r"(?!\s+(?:of|in)\b)",  # "Section 6.3 of tender ...": another document's section
    re.IGNORECASE,
)
# the section a heading opens: "1. Scope", "6.1 Recovery" (of section 6), "Appendix B - ..."
_HEADING_KEY = re.compile(
    r"\s*(?:(?:section|part|chapter)\s+)?(?P<n>\d{1,2})(?:[.):]|\s)"
    r"|\s*(?:annex|appendix|schedule)\s+(?P<x>[A-Z]|\d{1,2})\b",
    re.IGNORECASE,
)


def _section_keys(ref: re.Match) -> set[str]:
    """The section numbers or letters a reference names: "1 to 5" is five of them."""
    a, b = ref.group("a").upper(), (ref.group("b") or "").upper()
    if (
        b
        and ref.group("join").lower() in ("to", "through", "-", "–")
        and a.isdigit()
        and b.isdigit()
    ):
        return {str(n) for n in range(int(a), int(b) + 1)} if int(b) - int(a) < 20 else set()
    return {a, b} - {""}


def _section_key(path: Sequence[str]) -> str:
    """The number or letter of the outermost numbered heading of a heading path."""
    for heading in path:
        m = _HEADING_KEY.match(heading)
        if m:
            return (m.group("n") or m.group("x")).upper()
    return ""


# a note's subject that is the table over it: "They are ...", "These levels ...", "The
# figures above ..."
_OF_THE_TABLE = re.compile(
    r"\W*(?:they|these|those|this\s+table|(?:all\s+)?(?:the|these)\s+(?:figures|levels|times|"
    r"values|prices|rates|targets)(?:\s+above)?)\b",
    re.IGNORECASE,
)


def _blocks_under(t: models.Table, blocks) -> list[models.Block]:
    """The paragraphs below a table on its page, nearest first."""
    under = [b for b in blocks if b.page == t.page and not b.heading and b.bbox[1] >= t.bbox[3] - 2]
    return sorted(under, key=lambda b: b.bbox[1])


def _notes_under(doc: models.Document) -> dict[tuple, str]:
    """The paragraph set right under each table on its page, by the table's page and box: a
    note that says what the table's figures are ("They are that farm's, not an offer")."""
    out = {}
    for t in doc.tables:
        under = _blocks_under(t, doc.blocks)[:1]
        if under and under[0].bbox[1] - t.bbox[3] <= 24:
            out[(t.page, t.bbox)] = under[0].text
    return out


def _without_sections(doc: models.Document, keys: frozenset[str]) -> models.Document:
    """The document less the blocks and tables under the sections `keys` name."""
    if not keys:
        return doc
    blocks = tuple(
        b
        for b in doc.blocks
        if _section_key(b.section + ((b.text,) if b.heading else ())) not in keys
    )
    tables = tuple(t for t in doc.tables if _section_key(t.section) not in keys)
    return replace(doc, blocks=blocks, tables=tables)


# a lead-in that says what follows is the vendor's offer ("which Thyna confirms as its offer",
# "The following forms part of our offer")
_OWNED_AS_OFFER = re.compile(
    r"\b(?:confirms?|is|are|forms?(?:\s+part\s+of)?|constitutes?)\s+(?:as\s+)?(?:its|our|the\s+\w+'s)\s+"
    r"(?:binding\s+)?(?:offer|proposal|commitments?)\b",
    re.IGNORECASE,
)


# (a sentence that may say which plan applies: only such a sentence is parsed for it)
_APPLIES = re.compile(r"\b(?:appl(?:ies|icable)|governs)\b", re.IGNORECASE)
# a name of two capitalised words or more ("Hospital IT Lite")
_TWO_WORD_NAME = re.compile(r"\b[A-Z][\w+-]*(?:\s+[A-Z][\w+-]*)+")


def _names_a_sibling_plan(sentence: str, plans: Sequence[str]) -> bool:
    """Does the sentence name a plan of the table's family that the table does not show
    ("Hospital IT Lite" beside "Hospital IT Core | Hospital IT Complete")?"""
    firsts = {plan.split()[0] for plan in plans if len(plan.split()) > 1}
    return any(
        name not in plans and name.split()[0] in firsts for name in _TWO_WORD_NAME.findall(sentence)
    )


_PER_BEFORE = re.compile(r"(?:\bper|\beach|\ba|\ban|/)\s*$", re.IGNORECASE)


_NEAR = 15  # characters after an amount within which a basis is the amount's own


def _once_off(own: list, q) -> list:
    """A one-time fee's sites further on are the work it covers, not its basis: "a one-time
    onboarding fee of $3,500 covers a walk-through of every site" ("$2,000 per site" is)."""
    if "PRICE:onboarding" not in [m[0] for m in own if m[2] <= q.start]:
        return own
    return [m for m in own if m[0] != "PRICE:unpriced_scope" or m[1] - q.end <= _NEAR]


def _price_context(p: _Passage) -> list[str]:
    """The texts around an amount that may say what it is for: its basis cell first ("per
    device per month" before the row's "Managed end-user device"), row label, column header and
    sibling cells, a list's lead-in, a paragraph's own title ("• One-off onboarding fee.")."""
    kinds = _CONTEXT + ("sibling", "basis", "corner")
    # a basis in the figure's own row before one in a sub-header over several rows
    ordered = sorted(
        (layer for layer in p.layers if layer.kind in kinds),
        key=lambda layer: (
            not is_basis(layer.text),
            is_basis(layer.text) and layer.kind not in ("basis", "sibling"),
        ),
    )
    context = [layer.text for layer in ordered]
    if p.kind == "header_cell" or not any(layer.kind == "row" for layer in p.layers):
        context += [layer.text for layer in p.layers if layer.kind == "lead_in"]
    title = run_in_title(p.text) if p.kind == "text" else ""
    return context + ([title] if title else [])


_NUMBERED_TITLE = re.compile(r"^\s*(?:[A-Z]\.)?\d+(?:\.\d+)*\.?\s+([A-Z][^:.;]{2,50}):\s")
_BRACKETED = re.compile(r"\([^()]*\)")


def _period_of(seg: _Segment, q, lo: int, hi: int) -> str | None:
    """The billing period written with an amount: the nearest one after it, else before it,
    else in the title its sentence opens with ("Monthly Fee: RO 22.400 per device; RO 88.000
    per server")."""
    title = seg.text.find(": ")
    if 0 < title < lo and not seg.in_range("PERIOD:", lo, hi):
        return next((m[0] for m in seg.in_range("PERIOD:", 0, title)), None)
    periods = seg.in_range("PERIOD:", lo, hi)
    after = [m for m in periods if m[1] >= q.end]
    before = [m for m in periods if m[2] <= q.start]
    if after:
        nxt = min(after, key=lambda m: m[1])
        # (no other figure between them, a bracketed aside apart: "84.00 (approx. Rs. 5,460)
        # per user per month")
        gap = _BRACKETED.sub("", seg.text[q.end : nxt[1]])
        if not any(ch.isdigit() for ch in gap):
            return nxt[0]
    return before[-1][0] if before else None


class _Found:
    """What one segment yields, with the quantities found in it."""

    def __init__(self, ex: _Extractor, seg: _Segment, p: _Passage, notes: dict):
        self.ex, self.seg, self.p, self.notes = ex, seg, p, notes
        self.out: list[Commitment] = []
        self.quote = " ".join(seg.text.split())
        text = seg.text
        self.hours = [
            m
            for m in seg.in_range("HOURS:", 0, len(text))
            if not _NEGATED_HOURS.search(text[: m[1]])
            # "within 24 hours every day": a duration, however the words after it run on
            and not (text[m[1] : m[1] + 1].isdigit() and _DEADLINE_BEFORE.search(text[: m[1]]))
        ]
        # "outside the school day": the hours inside an out-of-hours phrase are what it excludes
        beyond = [(s, e) for lab, s, e in self.hours if lab == "HOURS:beyond"]
        self.hours = [
            m
            for m in self.hours
            if m[0] == "HOURS:beyond" or not any(s < m[1] and m[2] <= e for s, e in beyond)
        ]
        if ex.hours_terms and not seg.defined:
            # "Security Operations Centre monitoring | Continuous", a defined term for hours
            self.hours += [
                (label, m.start(), m.end())
                for pattern, label in ex.hours_terms
                for m in pattern.finditer(text)
                if not any(s <= m.start() < e for _, s, e in self.hours)
            ]
        mask = [(s, e) for _, s, e in self.hours]
        self.times = [
            q for q in quantities.find_times(text) if not any(s <= q.start < e for s, e in mask)
        ]
        self.times += quantities.find_elided_times(text, self.times)
        if ex.hmm:  # "within 0:15", "Recovery Point Objective: 0:15", not "22:00 to 05:00"
            taken = [(s, e) for _, s, e in self.hours] + [(q.start, q.end) for q in self.times]
            self.times += [
                q for q in quantities.find_hmm(text) if not any(s <= q.start < e for s, e in taken)
            ]
            self.times.sort(key=lambda q: q.start)
        self.money = quantities.find_money(
            text, ex.dollar, ex.amounts or ex.client_currency, ex.comma_fils
        )
        if ex.amounts:  # "in NOK excluding VAT: 560,00 per managed device per month"
            taken = [(q.start, q.end) for q in self.money]
            self.money += [
                q
                for q in quantities.find_bare_amounts(text, ex.amounts)
                if not any(s < q.end and q.start < e for s, e in taken)
            ]
            self.money.sort(key=lambda q: q.start)
        # "€110 an hour": the hour is the rate's unit, not a duration
        self.times = [
            t for t in self.times if not any(0 <= t.start - m.end <= 5 for m in self.money)
        ]
        self.percents = quantities.find_percents(text)
        # ("at most 10% a month": the month is the share's period, no duration)
        self.times = [
            t
            for t in self.times
            if not any(0 <= t.start - p.end <= 3 and t.value == 1 for p in self.percents)
        ]
        # "99.95 per cent" in a document that prices bare amounts is a share, not a price
        self.money = [
            m
            for m in self.money
            if not any(p.start < m.end and m.start < p.end for p in self.percents)
        ]

    @functools.cached_property
    def parts(self):
        return _parts(self)

    def quantities(self) -> list:
        found = self.times + self.percents + self.money
        if not found and self.p.kind == "cell":
            found = self._bare_number()
        elif not found and self.p.kind == "text":
            found = self._item_number()
        return found

    def _item_number(self) -> list:
        """A bare number after a list item's label where the lead-in or heading over the list
        gives the unit ("restore service within the following times, in hours:" over "3.1
        Emergency - 3"), as a column header does for its cells."""
        item = next((x for x in self.p.layers if x.kind == "item"), None)
        at = self.seg.text.find(item.text) if item is not None and item.text else -1
        if at < 0 or self.seg.text[:at].strip("-–—•*· "):  # (after its bullet, if any)
            return []
        # (or the heading right over the list: "1.2 Response: minutes from the call until an
        # engineer is working on it")
        over = [x for x in self.p.layers if x.kind in ("lead_in", "heading")][:2]
        unit = next((u for x in over if (u := header_unit(x.text))), "")
        after = _AFTER_LABEL.match(self.seg.text, at + len(item.text))
        bare = quantities.bare_number(self.seg.text[after.end() :]) if unit and after else None
        if bare is None:
            return []
        value, start, end = bare
        start, end = start + after.end(), end + after.end()
        kind = "percent" if unit == "percent" else "time"
        return [quantities.Quantity(kind, value, unit, start, end, self.seg.text[start:end])]

    def _bare_number(self) -> list:
        """A bare number in a cell whose row or column header gives the unit ("Target (min)"),
        or an elapsed time written hh:mm ("00:15", "04:00*")."""
        clock = _ELAPSED.match(self.seg.text)
        if clock and _elapsed_table(self.p.table):
            minutes = int(clock["h"]) * 60 + int(clock["m"])
            text = clock.group(0).strip()
            start = self.seg.text.index(text)
            return [quantities.Quantity("time", minutes, "minute", start, start + 5, text[:5])]
        bare = quantities.bare_number(self.seg.text)
        if bare is None:
            return []
        value, start, end = bare
        text = self.seg.text[start:end]
        nearest = [x for x in self.p.layers if x.kind in _CONTEXT]
        stated = [x for x in self.p.layers if x.kind in ("corner", "lead_in", "heading")]
        # "Engineer | hour | 106.00" under "Price": the row's "hour" is the rate's basis, and
        # the column says the figure is money
        priced = self.ex.amounts and any(
            x.kind == "column" and not x.unit and names_unit_price(x.text) for x in nearest
        )
        for layer in nearest + stated:
            # a unit that is also a currency's sign ("BD": business days or Bahraini dinars)
            # is money where the figure is written as money ("12,800.000")
            as_money = layer.currency and quantities.written_as_money(text)
            if layer.unit and not (priced and layer.kind == "row") and not as_money:
                kind = "percent" if layer.unit == "percent" else "time"
                return [quantities.Quantity(kind, value, layer.unit, start, end, text)]
            if layer.currency:
                # (a label's own code, "G7.3 Mobilisation" in a "BD" row, prices nothing)
                priced_layer = quantities.find_money(layer.text, self.ex.dollar, layer.currency)
                measured = self._row_measure(nearest) if priced_layer else None
                if measured:
                    # "Critical patches applied within | 14" under "Dispensary (CAD 91 /
                    # device / month)": the header's amount is the tier's price; the row
                    # names what the figure is
                    return self._in_own_unit(measured, value, start, end, text)
                currency = (
                    (self.ex.dollar or "USD")
                    if layer.currency == "$"
                    else vocab.shared_sign_code(
                        layer.text, layer.currency, self.ex.amounts or self.ex.client_currency
                    )
                )
                # ("Amount (NRs. in lakh)" over "5.60": the header counts in lakhs)
                value = quantities.in_fils(
                    value, text, currency, self.ex.comma_fils
                ) * quantities.header_scale(layer.text)
                return [quantities.Quantity("money", value, currency, start, end, text)]
        # (or, under a column of amounts, its basis cell: "Server | per server, per month |
        # 1,950.00" under "Amount (K)")
        amounts = any(x.kind == "column" and names_line_amount(x.text) for x in nearest)
        based = [x for x in self.p.layers if x.kind == "basis"] if amounts else []
        if self.ex.amounts and any(
            (
                x.kind in ("column", "basis")
                and (self.ex.labels(x.text, "PERIOD:") or names_unit_price(x.text))
            )
            or (x.kind == "basis" and self.ex.labels(x.text, "PRICE:"))
            or (x.kind == "row" and names_unit_price(x.text) and not self._rate_of(x))
            for x in nearest + based
        ):
            # "Monthly | 489.00", "Unit price | 74.00", "Onboarding, one-off charge | 65,000"
            # in a document whose amounts are all in one declared currency
            value = quantities.in_fils(value, text, self.ex.amounts, self.ex.comma_fils)
            return [quantities.Quantity("money", value, self.ex.amounts, start, end, text)]
        return []

    def _rate_of(self, row: Layer) -> bool:
        """ "First-time fix rate", "Success rate": the rate a percentage measure runs at, not a
        charge (a "fee" names a service credit's base, which is money)."""
        names = set(self.ex.layer_names(row)) - {"service_credit"}
        return any(KIND.get(n) == "percent" for n in names)

    def _row_measure(self, nearest) -> str | None:
        """The category a row label or sub-header names when it is no price."""
        for x in nearest:
            if x.kind in ("row", "subheader"):
                named = self.ex.layer_names(x)
                if named and all(KIND.get(n) != "money" for n in named):
                    return named[0]
        return None

    @staticmethod
    def _in_own_unit(cat: str, value: float, start: int, end: int, text: str) -> list:
        """A bare figure of a category counted in days, months or percent is in that unit
        ("applied within | 14" days); a bare figure of a clock in minutes says too little."""
        unit = CATEGORIES[cat].unit
        if unit == "percent":
            return [quantities.Quantity("percent", value, "percent", start, end, text)]
        if unit in ("day", "month"):
            return [quantities.Quantity("time", value, unit, start, end, text)]
        return []

    def money_in(self, lo: int, hi: int) -> list:
        return [q for q in self.money if lo <= q.start < hi]

    def _subject(self, lo: int, hi: int):
        """The span that holds a clause's subject."""
        text = self.seg.text
        while lo > 0 and (
            _WHO.match(text[lo:])
            or _SHARED_SUBJECT.match(text[lo:])
            or (_BARE_DEADLINE.match(text[lo:]) and _JOINED.search(text[:lo]))
        ):
            # "..., who shall respond within 15 minutes": the person is the previous clause's;
            # "Mavuno shall keep ..., and shall confirm ...": so is the subject
            lo = self.seg.previous_clause(lo)
        lead = _INLINE_LEAD.match(self.seg.text)
        if lead and lead.end() <= lo:
            # "The Customer shall: (a) appoint ...; (b) provide access within one Business
            # Day": each lettered part is the lead's subject's duty
            lo = 0
        return self.seg.span(lo, hi)

    def party(self, lo: int, hi: int, span=None) -> str:
        """Who a clause obliges: its subject, else the heading or list lead-in over it."""
        span = self._subject(lo, hi) if span is None else span
        # a list under "What we need from you:" is the client's, like one under such a heading
        item = any(x.kind == "item" for x in self.p.layers) or starts_item(self.p.text)
        leads = [x.text for x in self.p.layers if x.kind == "lead_in"] if item else []
        intro = " ".join([self.p.heading] + leads)
        if self.ex.side(self.p.heading) == "client" and names_duties(self.p.heading):
            intro = "client " + intro  # "I. TFCU OBLIGATIONS" as "Client obligations"
        column = next((self.ex.side(x.text) for x in self.p.layers if x.kind == "column"), "")
        if column:
            # "Corniche's commitment to Al Noor" over the cell: the party the header names
            # (under "Customer commitments", which may mean either)
            return party_of(span, "client" if column == "client" else "")
        owner = self._responsible()
        if owner:
            return owner
        lead = next((t for t in leads if _INLINE_LEAD.fullmatch(t.strip())), "")
        if lead and _ELIDED_SUBJECT.match(self.p.text):
            # "The Customer shall:" over "(b) respond to any request by the Supplier ...":
            # the item's verb has the lead-in's subject, whoever else it names
            return party_of(self.ex.layer_doc(lead)[:])
        return party_of(span, intro) if span is not None else "provider"

    def _responsible(self) -> str:
        """In a responsibility matrix with a column per party ("Hoshizora IT | Sanaru"), the
        party marked R (or, with no R, A) on the row does the work its figure times: "Confirm a
        Priority 1 | R/A | I | 20 minutes" is the client's duty."""
        table, i = self.p.table, self.p.row
        if table is None or i < 0:
            return ""
        sides = [self.ex.side(head) if head else "" for head in table.header]
        owners = responsible(table.rows[i], sides)
        return owners.pop() if len(owners) == 1 else ""

    def emit(self, cat, scope, value, unit, lo, hi, strength=None) -> None:
        span = self._subject(lo, hi)
        party = self.party(lo, hi, span)
        if cat in TERMS:
            party = "provider"  # a price, term or notice period binds both: a term of the offer
        if cat in ("support_hours", "rpo", "rto") and party == "client":
            # "Vadehav must answer within 30 minutes, day or night": not the desk's hours; "you
            # back up your laptops every 4 hours": no recovery objective of the provider's
            return
        if cat == "resolution_time" and party == "client":
            # "The Court shall confirm the restoration within 1 hour": whatever the client's
            # act, the time it has to act in is its response (contract 1.2.1)
            cat = "response_time"
        if span is not None and _asked(span):
            return  # "The Group expects a first response within 30 minutes": what the buyer asks
        if span is not None and self.ex.unoffered and self.ex._names_unoffered(span.text):
            return  # "Bronze has no after-hours desk": a plan shown only for contrast
        if self.p.kind == "text" and self.ex.opens_on_unoffered(self.p.text):
            return  # "Gold places an engineer on site ... and answers in 10 minutes": its paragraph
        st = strength or self.ex.strength(self.seg, lo, hi, cat)
        if st == "binding" and self.p.kind == "cell" and self.ex._under_options(self.p):
            st = "conditional"  # a row of "Optional Line Items": bought at the client's choice
        if (
            st == "binding"
            and cat not in TERMS
            and self.ex.under_another_alternative(self.seg.text)
        ):
            st = "conditional"  # (an alternative's price is the price of it, as an option's is)
        # (a column named after a level the document lists is that level, no plan)
        tier = next(
            (x.tier for x in self.p.layers if x.tier and not self.ex.listed_level(x.text)), ""
        )
        scope = "P1" if scope == "P0" else scope  # the contract's scopes start at P1
        requests = (
            scope == "all" and cat in ("response_time", "resolution_time") and self._requests()
        )
        scope = "P4" if requests else scope
        self.out.append(
            Commitment(cat, scope, value, unit, st, party, self.quote, self.p.source, tier=tier)
        )
        if requests:
            self.ex.requested.append(self.out[-1])

    def _requests(self) -> bool:
        """Does the text or a row, column or heading over it time service requests ("Service
        requests are acknowledged within two business days")? Asked only of a figure no level
        scoped: a scheme that ranks requests itself has given them a scope already."""
        texts = [self.seg.text] + [x.text for x in self.p.layers]
        return any(_REQUESTS.search(t) for t in texts)


def _after_semicolon(found: "_Found", q, lo: int) -> tuple[str, None] | None:
    """What a part after a semicolon that names no measure measures: the one measure the part
    before it named, when that part stated a figure of it. Either the part is elliptic, a time
    and what it is for ("RTO: 4 hours for the admin server; one business day for a file
    server"), or it promises against a past figure ("In FY2025 we resolved 74% of calls at
    first contact; for you we commit to no less than 70%")."""
    seg = found.seg
    _, hi = seg.clause(q.start)
    if not seg.text[:lo].rstrip().endswith(";") or seg.in_range("CAT:", lo, hi):
        return None
    before, part = seg.previous_clause(lo), seg.text[lo:hi]
    cats = {lab[4:] for lab, _, _ in seg.in_range("CAT:", before, lo)}
    cats = {c for c in cats if KIND.get(c) == q.kind}  # ("we resolved 74%": the percentage's)
    figures = found.times if q.kind == "time" else quantities.find_percents(seg.text)
    stated = [x for x in figures if before <= x.start < lo]
    if len(cats) != 1 or not stated:
        return None
    if seg.in_range("NOT:history", before, lo):
        return cats.pop(), None
    elliptic = (
        q.kind == "time"
        and len(part.split()) <= 12
        and not (
            _OWN_VERB.search(part) or _SUBJECT_OR_AUX.search(part)
        )  # "; a rebuild takes 2 days"
        and not (seg.in_range("SCOPE:", lo, hi) or describes_effects([part]))  # "; for a
        # partial outage, 1 hour": which tickets, left unranked
        and any(not seg.blocked(x.start, x.end, durations=True) for x in stated)  # no timer
    )
    return (cats.pop(), None) if elliptic else None


_SUBJECT_OR_AUX = re.compile(r"\b(?:we|you|they|it|our|your|was|were|be|had|took|may|can)\b", re.I)


def _table_notes(table, blocks) -> dict[str, str]:
    """Strength per category from a note under or over the table ("resolution figures are targets").

    A note describes the table's figures without stating numbers of its own.
    """
    below = [
        (b.bbox[1] - table.bbox[3], b, d)
        for b, d in blocks
        if b.page == table.page and -5 <= b.bbox[1] - table.bbox[3] <= 60
    ]
    above = [
        (table.bbox[1] - b.bbox[3], b, d)
        for b, d in blocks
        if b.page == table.page and -5 <= table.bbox[1] - b.bbox[3] <= 40 and not b.heading
    ]
    notes: dict[str, str] = {}
    for _, b, bdoc in sorted(below, key=lambda x: x[0]) + sorted(above, key=lambda x: x[0]):
        if declared_marks(b.text):
            continue  # "Restoration times marked (target) are aims": only the cells marked
        for cat, said in _note_strengths(bdoc).items():
            notes.setdefault(cat, said[0])
        if notes:
            break
    # "The Restoration Times are indicative values": prose anywhere that names a column by its
    # header ("Restoration Time") says how firm that column's figures are, the most cautious
    # of what it says winning
    terms = [t for t in map(_header_term, table.header[1:]) if t]
    far: dict[str, list[str]] = {}
    for b, bdoc in blocks if terms else ():
        if not b.heading and not declared_marks(b.text) and any(t.search(b.text) for t in terms):
            for cat, said in _note_strengths(bdoc, terms).items():
                far.setdefault(cat, []).extend(said)
    for cat, said in far.items():
        notes.setdefault(cat, next(x for x in PRECEDENCE if x in said))
    return notes


def _header_term(header: str) -> re.Pattern | None:
    """A column header of two or more capitalised words, as prose names it ("Restoration
    Time", "Restoration Times")."""
    text = _PAREN_TEXT.sub("", header or "").strip()
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    return re.compile(rf"\b{re.escape(text)}s?\b")


_PAREN_TEXT = re.compile(r"\([^)]*\)")
_NO_CREDITS = re.compile(r"\b(?:not|no|never|without)\b[^.;:,()]{0,30}?\bcredits?\b", re.IGNORECASE)
_LEVEL_LIST = re.compile(
    r"\b(?i:priorit(?:y|ies)|severit(?:y|ies)|levels?|sev|class(?:es)?|categor(?:y|ies))\s+"
    r"(\d(?:\s*,\s*\d)*\s*,?\s+(?i:and|or)\s+\d|[A-D](?:\s*,\s*[A-D])*\s*,?\s+(?i:and|or)\s+[A-D])\b"
)


def _listed_levels(text: str) -> list[tuple[str, int, int]]:
    """ "priorities 1, 2 and 3", "priority A and B": each number or letter of the list is a
    level, where it stands."""
    out = []
    for m in _LEVEL_LIST.finditer(text):
        for n in re.finditer(r"\b[\dA-D]\b", m.group(1)):
            start = m.start(1) + n.start()
            mark = n.group(0)
            rank = int(mark) if mark.isdigit() else ord(mark) - ord("A") + 1
            out.append(("SCOPE:" + f"P{min(rank, 4) or 1}", start, start + 1))
    return out


_FROM_ZERO_RANK = {"P0": "P1", "P1": "P2", "P2": "P3", "P3": "P4", "P4": "P4"}
_PREFIXED_NAME = re.compile(
    r"(?:Code|Priority|Severity|Class|Category|Grade|Level|Status)\s+[A-Z][a-z]+$"
)
# "comes in three packages - Bronze, Silver and Gold": plans named in prose
_PROSE_TIERS = re.compile(
    rf"\b(?:(?:{_PLAN_WORDS})s|levels of service)\b[^.:;]{{0,40}}?"
    r"(?::|\s[-–—])\s*(?P<names>[A-Z][\w+-]*(?:,\s*[A-Z][\w+-]*)*,?\s+(?:and|or)\s+[A-Z][\w+-]*)"
)
# a tier's name ends where no other capitalised word goes on with it: "Branch Care Lite is
# not offered" names another plan than Branch Care, "Bronze Plan is not offered" names Bronze
_NAME_ENDS = rf"(?!\s+(?!(?i:{_PLAN_WORDS}|service)s?\b)[A-Z][a-z])"


def _without_shared_lead(names: Sequence[str]) -> list[str]:
    """Each name less the words every name opens on ("BizCare Essential | BizCare Plus":
    "Essential", "Plus"), one word at least left to each; the names as they are where they
    share no lead."""
    words = [n.split() for n in names]
    shared = 0
    while len(words) > 1 and all(
        len(w) > shared + 1 and w[shared] == words[0][shared] for w in words
    ):
        shared += 1
    return [" ".join(w[shared:]) for w in words]


def _plan_names(plans: list[str]) -> list[tuple[str, str]]:
    """Each plan of a table with the names a sentence may call it by: its header, and what is
    left of it without the brand every plan shares ("the Essential column is shown for
    comparison")."""
    named = [p for p in plans if p]
    return [
        (p, n)
        for p, rest in zip(named, _without_shared_lead(named))
        for n in dict.fromkeys([p, rest])
    ]


_NEGATED = re.compile(r"\bnot\b|n['’]t\b|\bneither\b", re.IGNORECASE)
_RESTRICTED = re.compile(r"[^.;:]*?\bfor\s+(?!(?:any|all|every|each|the)\b)\w", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_SENTENCE_END = re.compile(rf"{_SENTENCE_BREAK.pattern}|;\s*")  # a ";" starts a statement too


@functools.lru_cache(maxsize=1024)
def _unfigured(text: str) -> str:
    """The sentences of a lead-in that state no figure of their own: "we typically complete
    them within five business days" hedges its own five days, not the table under it. (The
    statements stay apart: a clause after a ";" may be about other levels.)"""
    return "; ".join(
        sentence
        for sentence in _SENTENCE_END.split(text)
        if not (quantities.find_times(sentence) or quantities.find_percents(sentence))
    )


def _note_strengths(bdoc, terms=()) -> dict[str, list[str]]:
    """Strengths per category of a note's sentences that state no figures of their own (with
    `terms`, of those sentences that name one of them)."""
    out: dict[str, list[str]] = {}
    for sent in sentences(bdoc):
        seg = _Segment(sent)
        if (
            (terms and not any(t.search(seg.text) for t in terms))
            or quantities.find_times(seg.text)
            or quantities.find_percents(seg.text)
            or seg.in_range("NOT:", 0, 10**6)
            or seg.in_range("HOURS:", 0, 10**6)  # when targets apply, not how firm they are
        ):
            continue
        for lo, hi in seg.clauses:
            for lab, _, _ in seg.in_range("CAT:", lo, hi):
                cat = lab[4:]
                st = strength_of(seg.span(lo, hi), cat == "service_credit")
                if st != "excluded":  # "¹ Excludes carrier faults" carves out, it keeps the figures
                    out.setdefault(cat, []).append(st)
    return out


def _document_levels(
    passages, doc: models.Document, text: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The document's level names and their P-scopes, from its tables and lists first, then
    from its prose; and the numbered scale it declares ("Level 4 is the most urgent"), which
    overrides them."""
    blocks = doc.blocks
    levels = _named_levels(passages)
    found = [
        tabled_levels(doc.tables),
        prose_levels(blocks),
        enumerated_levels(blocks),
        itemised_levels(blocks),
        numbered_levels(blocks),
        counted_definitions(blocks),
        glossary_levels(blocks),
        prefixed_levels(blocks),
        # (a questionnaire's answer cell may define them: "We use four priorities. Critical:
        # ... High: ...")
        defined_levels(blocks + _cell_blocks(doc.tables)),
    ]
    # the fuller scheme first: "sort incidents as Critical, High, Normal and Low" ranks High
    # second, where the two names that open sentences would rank it first
    for scheme in sorted(found, key=len, reverse=True):
        for name, scope in {
            **scheme,
            **_without_scheme_word(scheme),
            **_unglossed(scheme),
        }.items():
            levels.setdefault(name, scope)
    # (a questionnaire may declare it in the requirement it quotes: "Severity 4 (most urgent)")
    # (or in a table's header: "Severity (4 is the most severe)")
    cells = "\n".join(
        cell for t in doc.tables for row in (t.header, *t.rows) for cell in row if cell
    )
    declared = declared_scale(text) or declared_scale(cells) or declared_scale(_defined_rows(doc))
    levels.update(declared)
    return levels, declared


def _without_scheme_word(scheme: dict[str, str]) -> dict[str, str]:
    """ "Prioritas Tinggi / Prioritas Sedang / Prioritas Rendah": where every name of a scheme
    opens on the same word, a table may name the levels without it ("Tinggi | 8 hours")."""
    rest = dict(zip(_without_shared_lead(list(scheme)), scheme.values()))
    if len(rest) < 2 or any(r in scheme for r in rest):
        return {}
    return rest if all(re.fullmatch(r"[^\W\d_]{3,}", r) for r in rest) else {}


def _unglossed(scheme: dict[str, str]) -> dict[str, str]:
    """ "Emergency (avaar)": a level named with a gloss in brackets is named without it too
    ("Emergency | Urgent | Planned" over the times)."""
    out = {_PAREN_TEXT.sub("", name).strip(): scope for name, scope in scheme.items()}
    return {name: scope for name, scope in out.items() if name and name not in scheme}


def _defined_rows(doc: models.Document) -> str:
    """A table that defines numbered levels ("Sev | What it looks like", "4 | Bottling line
    down"), as the sentences it stands for ("Sev 4 is Bottling line down.")."""
    return "\n".join(
        f"{t.header[0].strip()} {row[0].strip()} is {row[1]}."
        for t in doc.tables
        if len(t.header) == 2 and parse_level(f"{t.header[0].strip()} 1")
        for row in t.rows
        if len(row) == 2 and row[0].strip().isdigit() and row[1]
    )


def _cell_blocks(tables) -> tuple[models.Block, ...]:
    """The cells of several sentences, as paragraphs."""
    return tuple(
        models.Block(cell, t.page, t.bbox)
        for t in tables
        for row in t.rows
        for cell in row
        if cell and cell.count(". ") >= 2
    )


def extract_document(
    doc_model: models.Document, nlp=None, finder=None, parties=Parties(), currency: str = ""
):
    """(position key, commitment) pairs, evidence and flags of one document; `parties` names
    the client and the provider (strength.Parties). A sign several currencies write ("Rs.")
    means the one the document declares for its amounts, else the client's `currency` when
    the sign may mean it, else the sign's own code."""
    from msp_select.extract.nlp import build_nlp

    nlp = nlp or build_nlp()
    text = "\n".join(b.text for b in doc_model.blocks)
    # a table row "Currency | NOK, excluding VAT" declares the currency as a sentence would
    rows = "\n".join(
        " | ".join(cell for cell in row if cell)
        for t in doc_model.tables
        for row in (t.header, *t.rows)
    )
    ex = _Extractor(
        nlp,
        quantities.declared_currency(text + "\n" + rows),
        glossary(doc_model),
        quantities.declares_business_days(text),
    )
    disowned = ex.disowned_sections(doc_model.blocks)
    if disowned:
        doc_model = _without_sections(doc_model, disowned)
        text = "\n".join(b.text for b in doc_model.blocks)
    ex.amounts = quantities.declared_amounts(text + "\n" + rows, currency)
    ex.client_currency = currency
    ex.hmm = quantities.declares_hmm(text)
    ex.comma_fils = quantities.writes_comma_fils(text + "\n" + rows)
    ex.monthly = quantities.declares_monthly(text)
    ex.targets_bind = ex.declares_binding_targets(doc_model.blocks)
    ex.proposed = ex.proposed_alternatives(doc_model.blocks)
    ex.unoffered = ex.unoffered_tiers(doc_model)
    ex.notes_under = _notes_under(doc_model)
    ex.markers = {
        mark: said
        for mark, words in declared_marks(text).items()
        if (said := strength_of(ex.layer_doc(words))) != "binding"
    }
    ex.side = parties.side
    passages = _passages(
        doc_model,
        ex.names,
        parties.side,
        lambda text: strength_of(ex.layer_doc(text)),
        lambda text: bool(ex.labels(text, "PERIOD:")),
    )
    ex.levels, ex.declared = _document_levels(passages, doc_model, text)
    ex.listed = ordered_levels(doc_model.blocks)
    docs = ex.parse([p.text for p in passages])
    # a document that names a level zero anywhere (scopes.jsonl "SCOPE:P0") counts from zero
    ex.from_zero = any(lab == "SCOPE:P0" for d in docs for lab, _, _ in d._.msp_matches)
    for d in docs:
        parties.mark(d)
    # (after the parties are marked: the strength cues are matched once per text and kept)
    ex.bound = bound_terms(docs[: len(doc_model.blocks)], ex.glossary)
    ex.credited = credited_measures(docs[: len(doc_model.blocks)])
    found, evidence, flags = [], [], []
    blocks = [(doc_model.blocks[i], d) for i, d in enumerate(docs[: len(doc_model.blocks)])]
    notes: dict[int, dict] = {}
    openers = _paragraph_ranks(passages, docs)
    spread = _spread_ranks(passages, docs, openers)
    run = _LabelledRun()
    for n, (p, d) in enumerate(zip(passages, docs)):
        # (a requirement quoted in quotation marks is the client's words: no evidence either)
        quoted = p.kind == "text" and bool(_QUOTED.match(p.text))
        if finder is not None and p.kind in ("text", "header", "row") and not quoted:
            # a heading names a topic ("Account management and reporting"), it promises nothing
            titled = n < len(doc_model.blocks) and doc_model.blocks[n].heading
            answer = passages[n + 1].text if n + 1 < len(doc_model.blocks) else ""
            ev, fl = finder.find(
                d, p.source, p.text if titled else p.heading, answer, p.kind == "header"
            )
            evidence += ev
            flags += fl
        if p.kind == "text":
            top = p.source.bbox[1] if p.source.bbox else 0
            topic = None
            sents = list(sentences(d))
            ranked = spread.get(n) or condition_ranks([s.text for s in sents])
            if n in openers and not any(ranked):
                ranked[0] = openers[n]  # "When a hotel cannot trade, ..." opens a paragraph
            # a paragraph titled by its level ("Clinic disrupted. Where ...") is about it throughout
            titled = openers.get(n) if sents and len(sents[0].text.split()) <= 5 else None
            for sent, rank in zip(sents, ranked):
                seg = _Segment(sent)
                seg.topic = rank or topic or titled
                # (a list item led by a level's name, "Department - within 1 hour", too)
                levelled = bool(seg.in_range("SCOPE:", 0, len(seg.text))) or (
                    starts_item(seg.text) and lead_word(seg.text) in ex.levels
                )
                seg.carried = run.carried(seg.text, p.heading, levelled)
                got = ex.commitments(seg, p)
                run.saw(seg.text, p.heading, got, levelled)
                found += [((p.source.page, top, -1, sent.start_char), c) for c in got]
                topic = seg.defines_level()
        elif p.kind == "header":
            notes[id(p.table)] = _table_notes(p.table, blocks)
        elif p.kind in ("cell", "header_cell"):
            for sent in sentences(d):
                key = (p.source.page, p.table.bbox[1], p.row, n, sent.start_char)
                seg = _Segment(sent)
                found += [(key, c) for c in ex.commitments(seg, p, notes.get(id(p.table)))]
    return (
        _requests_ranked_last(_stated_elsewhere(found, ex.implied), ex.requested),
        evidence,
        flags,
    )


# "> 4. The hosted platform needs 99.95%", or a paragraph wholly in quotation marks: the
# other party's words quoted (a tender's requirement reproduced above the answer to it)
_CALLOUT = re.compile(r"[<>≤≥~]?\s*[$£€]?\d[\d.,:/x]*\s*(?:%|[A-Za-z]{1,8}\.?)?\s*[*+]?")
_QUOTED = re.compile(r"\s*(?:>|[\"“][^\"“”]*[\"”]\s*$)")
_LABELLED = re.compile(r"^\W*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:\s*\S")


class _LabelledRun:
    """ "Red incidents: an engineer is on the case within 20 minutes. Orange: within 1 hour.
    Yellow: within 4 hours.", "... respond to Criticality A in fifteen minutes. For
    Criticality B the maximum period is one hour": sentences that each open with a level's
    label, or name a level, and give only a time measure what the first of the run measured."""

    def __init__(self) -> None:
        self.measure: tuple[str, ...] = ()
        self.heading = ""

    def carried(self, text: str, heading: str, levelled: bool = False) -> tuple[str, ...]:
        """The measures, in order, the run's first sentence gave its times."""
        on = _LABELLED.match(text) or levelled
        return self.measure if self.heading == heading and on else ()

    def saw(self, text: str, heading: str, got: list[Commitment], levelled: bool = False) -> None:
        if not (_LABELLED.match(text) or levelled):
            self.measure = ()
            return
        clocks = [c.category for c in got if c.category in _CLOCKS]
        if len(set(clocks)) == 1:
            self.measure, self.heading = (clocks[0],), heading
        elif len(clocks) == len(set(clocks)) > 1 and not self.measure:
            self.measure, self.heading = tuple(clocks), heading
        elif heading != self.heading:
            self.measure = ()


def _paragraph_runs(passages: list[_Passage]) -> list[list[int]]:
    """Indexes of the plain paragraphs that follow each other under one heading (a list
    item or a lead-in ends a run)."""
    runs: list[list[int]] = []
    for n, p in enumerate(passages):
        if p.kind != "text" or any(x.kind in ("item", "lead_in") for x in p.layers):
            runs.append([])
            continue
        if not runs or not runs[-1] or passages[runs[-1][-1]].heading != p.heading:
            runs.append([])
        runs[-1].append(n)
    return runs


def _paragraph_ranks(passages: list[_Passage], docs) -> dict[int, str]:
    """P1.. for paragraphs under one heading that each open with a condition naming an effect
    ("When a hotel cannot check guests in, ...", "When a single outlet is struggling, ...")
    and whose times grow in that order: condition_ranks over the paragraphs' first sentences."""
    out: dict[int, str] = {}
    for run in _paragraph_runs(passages):
        if len(run) < 2:
            continue
        # a paragraph's title is its first short sentence or its label ("Degraded service: ...")
        firsts = [
            _COLON_TITLE.match(passages[n].text).group(1)
            if _COLON_TITLE.match(passages[n].text)
            else (next(iter(sentences(docs[n]))).text if len(docs[n]) else "")
            for n in run
        ]
        ranks = condition_ranks(firsts)
        if not any(ranks):
            ranks = _titled_ranks([passages[n].text for n in run], firsts)
        for n, rank in zip(run, ranks):
            if rank:
                out[n] = rank
        if any(n in out for n in run):
            out.update(_list_after(passages, max(n for n in run if n in out), out))
    return out


def _spread_ranks(passages: list[_Passage], docs, openers) -> dict[int, list[str | None]]:
    """Per-sentence ranks for a level scheme spread over the paragraphs under one heading
    ("... If a plant office cannot work at all, an engineer ... within fifteen minutes." /
    "If a crew is slowed, ... within one hour ..." / "When a single person is stuck, ...
    Requests ... by the next business day"), where no paragraph holds one of its own and no
    paragraph opens with a level (`openers`)."""
    out: dict[int, list[str | None]] = {}
    runs = _paragraph_runs(passages)
    for run in (r for r in runs if len(r) >= 2 and not any(n in openers for n in r)):
        sents = [[s.text for s in sentences(docs[n])] for n in run]
        own = max(sum(map(bool, condition_ranks(texts))) for texts in sents)
        ranks = condition_ranks([t for texts in sents for t in texts], least=3)
        if sum(map(bool, ranks)) <= own:
            continue  # each paragraph's own scheme stands ("If ..., If ..." twice over)
        ranked = iter(ranks)
        for n, texts in zip(run, sents):
            out[n] = [next(ranked) for _ in texts]
    return out


_COLON_TITLE = re.compile(r"^\s*([A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4})\s*:\s+\S")


def _titled_ranks(texts: list[str], firsts: list[str]) -> list[str | None]:
    """P1.. for paragraphs that each open with a short title describing an effect ("Patient
    safety at risk. When a fault ...", "Clinic disrupted. Where ...", "Single clinician. ...")
    when their first times grow in that order."""
    short = [0 < len(first.split()) <= 5 for first in firsts]
    times = [quantities.first_minutes(t) for t in texts]
    start = 0
    while start < len(texts):
        end = start
        while end < len(texts) and short[end]:
            end += 1
        # paragraphs without a time ("How we sort jobs.") do not open or close the scheme
        lo, hi = start, end
        while lo < hi and times[lo] is None:
            lo += 1
        while hi > lo and times[hi - 1] is None:
            hi -= 1
        titles = [t.rstrip(". ") for t in firsts[lo:hi]]
        if hi - lo >= 3 and describes_effects(titles) and grows(times[lo:hi]):
            return [None] * lo + in_document_order(hi - lo) + [None] * (len(texts) - hi)
        start = end + 1
    return [None] * len(texts)


def _list_after(passages: list[_Passage], last: int, ranks: dict[int, str]) -> dict[int, str]:
    """ "For the quieter cases, we pick up as follows: - one guest affected - within four
    hours; - requests - by the next business day": a list right after ranked paragraphs
    carries the ranking on when its times keep growing."""
    items, n = [], last + 1
    while n < len(passages) and passages[n].heading == passages[last].heading:
        p = passages[n]
        if p.kind == "text" and (starts_item(p.text) or any(x.kind == "item" for x in p.layers)):
            items.append(n)
        elif items or p.kind != "text":
            break
        n += 1
    times = [quantities.longest_minutes(passages[i].text) or 0.0 for i in items]
    before = quantities.longest_minutes(passages[last].text) or 0.0
    if len(items) < 2 or not all(times) or not grows([min(before, times[0])] + times):
        return {}
    start = int(ranks[last][1:])
    return {i: f"P{min(start + k + 1, 4)}" for k, i in enumerate(items)}


_REQUESTS = re.compile(
    r"\b(?:service|scheduled|planned|housekeeping|routine)\s+requests?\b|\brequests?\s+(?:and|&)\s+"
    r"(?:questions?|advice|how-to|enquiries)\b",
    re.IGNORECASE,
)


def _requests_ranked_last(found: list, requested: list[Commitment]) -> list:
    """Service requests with no level rank below every incident level, as P4, where the
    document's own scheme leaves P4 free; beside a fourth incident level with its own figure
    they are a class of their own, scoped "all"."""
    ids = {id(c) for c in requested}
    held = {
        c.category for _, c in found if c.scope == "P4" and c.value is not None and id(c) not in ids
    }
    return [
        (k, replace(c, scope="all") if id(c) in ids and c.category in held else c) for k, c in found
    ]


def _forum_nearest(found: "_Found", at: int, lo: int, hi: int) -> bool:
    """Whether an executive forum in the clause ("A Steering Committee ... will meet each
    quarter") is nearer the frequency at `at` than any other frequency of the clause ("a
    service review every month and a quarterly steering meeting": the month is the review's)."""
    seg = found.seg
    often = [s for _, s, _ in seg.in_range("EVERY:", lo, hi)]
    often += [q.start for q in found.times if lo <= q.start < hi]
    return any(
        min(often, key=lambda x: abs(x - f)) == at
        for _, f, _ in seg.in_range("EXECCAD", lo, hi)
        if often
    )


def _stated_elsewhere(found: list, implied: list[Commitment]) -> list:
    """What the document only implies counts when it states that category for that scope
    nowhere else: a definition ("Business Hours means 09:00 to 17:30") or a response clause
    gives the desk's hours, how often backups run gives the recovery point."""
    ids = {id(c) for c in implied}
    stated = {(c.category, c.scope) for _, c in found if id(c) not in ids}
    return [(k, c) for k, c in found if not (id(c) in ids and (c.category, c.scope) in stated)]


def _dedupe(items: list[Commitment]) -> list[Commitment]:
    """The same commitment said twice (body and appendix) is reported once, every source kept.

    `items` arrive sorted by file, page and position, so the first statement is the one kept,
    unless another plan of the same table states it more firmly: a feature one plan ticks and
    another leaves out ("Quarterly review | [ ] | [x]") is offered; and a figure first ruled
    out and then promised is the promise.
    """
    first: dict[tuple, Commitment] = {}
    order = []
    for c in items:
        key = (c.source.file, c.category, c.scope, c.value, c.unit, c.party)
        if key not in first:
            first[key] = c
            order.append(key)
            continue
        kept = first[key]
        if (
            c.source == kept.source
            and c.tier != kept.tier
            and RANK[c.strength] < RANK[kept.strength]
        ):
            first[key] = c  # one table's plans: the plan that offers it
        elif kept.strength == "excluded" and c.strength != "excluded" and kept.value is not None:
            first[key] = c  # a figure ruled out (a past result, a plan not taken), then promised
        elif c.source != kept.source and c.source not in kept.also_in:
            first[key] = replace(kept, also_in=kept.also_in + (c.source,))
    return [first[k] for k in order]


def extract_vendor(
    vendor: str,
    documents: Sequence[models.Document],
    nlp=None,
    shared_clients: Sequence[str] = (),
    currency: str = "",
) -> models.VendorExtraction:
    """Everything one vendor commits to across its documents; `shared_clients` are the names
    the run's vendors address as the client (strength.shared_clients), `currency` the one the
    client compares prices in (see extract_document)."""
    from msp_select.extract.nlp import build_nlp

    nlp = nlp or build_nlp()
    finder = _finder(nlp)
    documents = sorted(documents, key=lambda d: d.file)
    names = company.candidates(vendor, documents)  # the memo's company name and the parties
    parties = Parties.of(vendor, documents, names, shared_clients)
    commitments, evidence, flags = [], [], []
    for d in documents:
        c, e, f = extract_document(d, nlp, finder, parties, currency)
        commitments += [x for _, x in sorted(c, key=lambda kc: kc[0])]
        evidence += e
        flags += f
    commitments = _dedupe(_one_credit_scheme(_sums(_taken_back(commitments, documents))))
    evidence, flags = finish(
        evidence + _client_duties(commitments),
        flags + _soft_levels(commitments) + _charged_cover(commitments),
    )
    infos = tuple(
        models.DocumentInfo(d.file, d.sha256, d.pages, tuple(d.warnings)) for d in documents
    )
    return models.VendorExtraction(
        vendor,
        infos,
        tuple(commitments),
        tuple(evidence),
        tuple(flags),
        names=names,
        clients=parties.addressed,
        shared_clients=tuple(shared_clients),
    )


def _carried_measure(seg: "_Segment", found, q) -> str | None:
    """What a labelled run's first sentence measured, for a time in a later one: one measure
    for every time ("Orange: within 1 hour." after "Red: ..."), unless the sentence names a
    category of its own; else the measures in the order given ("Department - within 1 hour;
    back within 8 business hours" after "Plant-wide - an engineer on it within 20 minutes;
    service back within 4 hours")."""
    if len(seg.carried) == 1:
        return None if seg.in_range("CAT:", 0, len(seg.text)) else seg.carried[0]
    times = [t for t in found.times if t.kind == "time"]
    if len(times) <= len(seg.carried) and q in times:
        return seg.carried[times.index(q)]
    return None


_ACTED = re.compile(r"\b(?:acted|actioned|handled|worked on|responded to)\b", re.IGNORECASE)


def _acted_on(got: list[Commitment]) -> list[Commitment]:
    """ "Agents watch around the clock, but alerts are acted on during support hours": one
    sentence that gives monitoring round-the-clock and business-hours cover gives it the
    narrower; monitoring nobody acts on at night is no 24x7 cover (a desk may well answer
    round the clock for P1 and in business hours for the rest)."""
    noc = [c for c in got if c.category == "support_hours" and c.scope == "noc"]
    acted = any(c.unit == "business_hours" and _ACTED.search(c.quote) for c in noc)
    if not acted or {c.unit for c in noc if c.strength == "binding"} != {"24x7", "business_hours"}:
        return got
    return [c for c in got if not (c in noc and c.unit == "24x7" and c.strength == "binding")]


# "The values in Colombian pesos (COP) are informative only": a second currency for reference
_INFORMATIVE = re.compile(
    r"\b(?:values|amounts|prices|figures|fees)\s+in\s+[^.;]{0,40}?\(?\b(?P<code>[A-Z]{3})\b\)?"
    r"[^.;]{0,30}?\b(?:informative|indicative|for\s+(?:information|reference))\b"
)


# "Please disregard the SGD 89", "the $89 I quoted is withdrawn": an amount the writer takes back
_WITHDRAWN = re.compile(
    r"\b(?i:disregard|ignore|withdraw|retract)\s+(?:the\s+|my\s+|our\s+)?(?:[A-Z]{3}\s?|[$€£])?"
    r"(?P<a>\d[\d,]*(?:\.\d+)?)"
    r"|(?:[A-Z]{3}\s?|[$€£])(?P<b>\d[\d,]*(?:\.\d+)?)\s+(?:I|we)\s+quoted\s+(?:is|was)\s+"
    r"(?:withdrawn|wrong|incorrect|an?\s+error)",
)


def _taken_back(commitments: list[Commitment], documents) -> list[Commitment]:
    """Prices the documents themselves set aside: those in a currency given for reference only
    ("The values in Colombian pesos (COP) are informative only") and amounts a later message
    withdraws ("A correction: ... Please disregard the SGD 89")."""
    codes, amounts = set(), set()
    for b in (b for d in documents for b in d.blocks):
        codes |= {m.group("code") for m in _INFORMATIVE.finditer(b.text)}
        for m in _WITHDRAWN.finditer(b.text):
            number = quantities.bare_number(m.group("a") or m.group("b") or "")
            if number:
                amounts.add(number[0])
    return [
        c
        for c in commitments
        if not (c.category == "price" and (c.value in amounts or c.unit.split("/")[0] in codes))
    ]


def _charged_cover(commitments: list[models.Commitment]) -> list[models.RiskFlag]:
    """Cover outside working hours offered only on terms, in the same statement as an hourly
    rate ("A visit outside those hours is charged at $210 per hour"): work outside the fee,
    billed on top of it, raises extra-cost (contract 1.4)."""
    rated = {
        (c.quote, c.source) for c in commitments if c.category == "price" and c.scope == "hourly"
    }
    return [
        models.RiskFlag("extra-cost", c.quote, c.source)
        for c in commitments
        if c.category == "support_hours"
        and c.unit == "24x7"  # (visits in working hours billed by the hour are the offer)
        and c.strength == "conditional"
        and c.party == "provider"
        and (c.quote, c.source) in rated
    ]


def _client_duties(commitments: list[models.Commitment]) -> list[models.Evidence]:
    """A figure the client must meet ("your duty manager answers our call within 15 minutes")
    is a written client obligation (contract 1.3 client-obligations), quoted from that figure,
    whatever words stand around it; the duties the text names itself come first."""
    return [
        models.Evidence("client-obligations", c.strength, c.quote, c.source)
        for c in commitments
        if c.party == "client" and c.strength != "excluded"
    ]


def _soft_levels(commitments: list[models.Commitment]) -> list[models.RiskFlag]:
    """A service level the provider states only as an aim or target ("typically restored
    within eight hours") raises soft-sla (contract 1.4), quoted from that figure; the flags
    the text raises itself come first."""
    return [
        models.RiskFlag("soft-sla", c.quote, c.source)
        for c in commitments
        if c.strength == "soft" and c.party == "provider" and CATEGORIES[c.category].service_level
    ]


def _sums(commitments: list[models.Commitment]) -> list[models.Commitment]:
    """ "For 274 devices and 6 servers the monthly fee is THB 310,500": a fee stated for counts
    of the units the vendor prices one by one, that those counts times those prices make, is
    arithmetic on the offer, not a flat price of its own; so is a fee the text calls a total
    ("The total monthly fee of R 435 270,00") where the vendor prices units in that currency."""
    units = [c for c in commitments if c.category == "price" and c.scope in _UNIT_SCOPES]
    priced = {u.unit.split("/")[0] for u in units}
    return [
        c
        for c in commitments
        if not (
            c.category == "price"
            and (
                _summed(c, units)
                or c.scope == "flat"
                and c.unit.split("/")[0] in priced
                and _TOTAL.search(c.quote)
            )
        )
    ]


_TOTAL = re.compile(r"\b(?:total|totals|totalling|totaling|altogether|in\s+all)\b", re.IGNORECASE)


_UNIT_SCOPES = ("per_device", "per_user")


@functools.lru_cache(maxsize=1)
def _unit_counts() -> re.Pattern:
    """ "274 devices", "6 managed servers": a count of the units prices.jsonl prices one by one
    (its one-word `PRICE:per_device` and `PRICE:per_user` nouns)."""
    from msp_select.extract.nlp import load_patterns

    nouns = sorted(
        {
            w
            for row in load_patterns(("prices.jsonl",))
            if row["label"] in ("PRICE:per_device", "PRICE:per_user") and len(row["pattern"]) == 1
            for w in row["pattern"][0].get("LOWER", {}).get("IN", [])
            if w.isalpha()
        }
    )
    return re.compile(
        rf"\b(\d{{1,3}}(?:[,\s]\d{{3}})*|\d+)\s+(?:[a-z-]+\s+){{0,2}}?(?:{'|'.join(nouns)})\b",
        re.IGNORECASE,
    )


def _summed(price: models.Commitment, units: list[models.Commitment]) -> bool:
    """Whether the counts the price's quote names, times some of the unit prices in its
    currency (one each), add up to the price."""
    if price.scope != "flat" or price.value is None:
        return False
    counts = [int(re.sub(r"\D", "", m[1])) for m in _unit_counts().finditer(price.quote)]
    currency = price.unit.split("/")[0]
    rates = sorted({u.value for u in units if u.value and u.unit.split("/")[0] == currency})
    if not counts or len(counts) > 4 or not rates:
        return False
    return any(
        abs(sum(n * r for n, r in zip(counts, chosen)) - price.value) <= 0.005 * price.value
        for chosen in itertools.permutations(rates, len(counts))
    )


def _exchange_rate(text: str, q, money) -> bool:
    """ "USD 1 = MNT 3,415.20", "US$ 1.00 = KHR 4,100": one amount set equal to another is a
    rate of exchange, neither of them a price; and at such a rate, "about 2.413 yen" is a
    conversion of a price, not one."""
    rates = [
        (a, b)
        for a, b in zip(money, money[1:])
        if a.unit != b.unit and _EQUALS.fullmatch(text[a.end : b.start])
    ]
    return any(q in pair for pair in rates) or bool(rates and _ABOUT.search(text[: q.start]))


_EQUALS = re.compile(r"\s*(?:=|equals?|is\s+worth|buys)\s*", re.IGNORECASE)
_ABOUT = re.compile(r"\b(?:about|approximately|approx\.|roughly|around|some|circa|~)\s*$", re.I)


def _remedy_amount(seg: "_Segment", q) -> bool:
    """ "a penalty of USD 500 per hour of delay", "a credit of EUR 200": an amount a remedy
    word names is what a miss costs the vendor, no price."""
    credit = seg.in_range("CAT:service_credit", 0, q.start)
    return any(
        _REMEDY_GAP.fullmatch(seg.text[e : q.start]) for _, e in _remedy_words(credit, seg.text)
    )


_REMEDY_GAP = re.compile(r"\s*(?:(?:of|is|are|:)\s*)?(?:(?:a|an|the|up\s+to)\s+)?", re.IGNORECASE)


def _optional_rows(p: _Passage) -> set[str]:
    """{"conditional"} for a service level in a table whose rows are options ("Option | What
    it adds" over "O-2 | standby server; ERP restored within 4 hours"): it holds only if the
    client takes the option. (The option's price is the price of it, as a rate card's is.)"""
    corner = (p.table.header[0] or "") if p.table is not None and p.table.header else ""
    return {"conditional"} if names_options(corner) else set()


def _one_credit_scheme(commitments: list[models.Commitment]) -> list[models.Commitment]:
    """Service credit is the largest share of the fee a vendor states (contract 1.2): a credit
    scheme ("5% for each 0.1% shortfall, up to 15%") and the smaller tiers of a credit table
    are steps towards it, not separate commitments. Each of the offer's tiers (a tier other
    commitments have too, "Plus") keeps its own; a credit table's rows are no tiers.

    A vendor that pays credits on some measures and says others "carry no credit" ("restore
    times are targets and earn no credit") has that one scheme all the same: the refusal
    narrows it, it is no second, excluded service credit. Only a vendor with no credit at all
    offers an excluded one ("we do not pay service credits")."""
    credits = [
        c
        for c in commitments
        if c.category == "service_credit" and c.value is not None and c.party == "provider"
    ]
    paid = {c.tier for c in credits if c.strength in ("binding", "conditional")}
    offered = {c.tier for c in commitments if c.tier and c.category != "service_credit"}
    groups: dict[str, list[models.Commitment]] = {}
    for c in credits:
        groups.setdefault(c.tier if c.tier in offered else "", []).append(c)
    tops = [max(g, key=lambda c: (c.strength == "binding", c.value)) for g in groups.values()]
    return [
        c
        for c in commitments
        if (c not in credits or any(c is t for t in tops))
        and not (
            c.category == "service_credit"
            and c.value is None
            and c.strength == "excluded"
            and ("" in paid or c.tier in paid)
        )
    ]


@functools.lru_cache(maxsize=4)
def _finder(nlp) -> EvidenceFinder:
    """One EvidenceFinder per pipeline: its matchers are built once, not once per vendor."""
    return EvidenceFinder(nlp)
