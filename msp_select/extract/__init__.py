"""Turn parsed proposals (models.Document) into what the vendor commits to (models.Commitment).

Every passage (a text block or a table row) goes through spaCy once; the pattern matcher
(nlp.py) marks category cues, priority scopes, cover words and distractors. A commitment is a
quantity (quantities.py) with a category cue nearby in the same clause and no distractor
(history, industry figures, the client's own requirement, payment terms...) in that clause.
Strength and party come from helper modules applied to the clause holding the quantity.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Sequence

from msp_select import models
from msp_select.extract import quantities
from msp_select.extract.evidence import EvidenceFinder, finish
from msp_select.extract.strength import PRECEDENCE, cues, party_of, strength_of
from msp_select.models import Commitment, Source

UNIT = {
    "response_time": "minute",
    "resolution_time": "minute",
    "rpo": "minute",
    "rto": "minute",
    "availability": "percent",
    "service_credit": "percent",
    "first_contact_resolution": "percent",
    "csat": "percent",
    "contract_term": "month",
    "termination_notice": "day",
    "review_cadence": "day",
    "onboarding_duration": "day",
    "patch_window": "day",
}
KIND = {c: ("percent" if u == "percent" else "time") for c, u in UNIT.items()}
KIND["review_cadence"] = "cadence"
SCOPED = ("response_time", "resolution_time")
# Contract terms are terms: "either party may terminate on 60 days' notice" is not a soft promise.
TERMS = ("price", "contract_term", "termination_notice")

# A clause ends at ";" or where "and/but/while" starts a new subject ("... and we will resolve ...").
_CLAUSE = re.compile(
    r";|\s[–—]\s(?=[A-Z][\w ]{0,30}:)|,\s*(?:and|but|while|whereas|although)\s|\s(?:but|while|whereas|although)\s"
    r"|\sand\s(?=(?:we|our|you|your|they|their|it|its|the|this|these|all|any|resolution|response|credits?)\b)",
    re.IGNORECASE,
)
_NEAR_GAP = re.compile(r"^[\s,/&()\-–:]*(?:and|or|&)?[\s,/&()\-–:]*$", re.IGNORECASE)
_NEGATED_HOURS = re.compile(
    r"(?:outside|out of|after|beyond|excluding|except)\s+(?:normal\s+)?$", re.IGNORECASE
)
# a clause with its own promise keeps its strength; "and resolution within 8 hours" inherits
_OWN_VERB = re.compile(
    r"\b(?:will|shall|must|guarantee[sd]?|commit(?:s|ted)?|undertake[sn]?|agree[sd]?|"
    r"obliged|contractual(?:ly)?|are|is)\b",
    re.IGNORECASE,
)
_LIST_END = re.compile(r"\sand\s|,|;")
_EVERY = re.compile(r"\bevery\s+$|\bonce\s+(?:a|per|every)\s+$", re.IGNORECASE)


@dataclass
class _Passage:
    text: str
    source: Source
    heading: str
    table: models.Table | None = None
    row: int = -1


def _strength_of(span, terms: Sequence[tuple[int, int]] = ()) -> str:
    """strength.strength_of, except that a cue word inside a category's own name does not count:
    "recovery time objective" is a name, not an aim. `terms` are document character ranges."""
    found = strength_of(span)
    if found == "binding" or not terms:
        return found
    kept = {
        label.lower()
        for label, s, e in cues(span)
        if label.lower() in PRECEDENCE
        and not any(
            ts <= span[s].idx and span[e - 1].idx + len(span[e - 1]) <= te for ts, te in terms
        )
    }
    return next((x for x in PRECEDENCE if x in kept), "binding")


# "X shall respond to our requests": whoever answers the provider's requests is the client.
_ANSWERS_US = re.compile(
    r"\b(?:respond|reply|answer|react)\w*\s+to\s+(?:our|the provider's|the supplier's|provider|supplier|vendor)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:requests?|queries|questions|enquiries|inquiries)",
    re.IGNORECASE,
)


def _party_of(span, heading: str) -> str:
    if span is not None and _ANSWERS_US.search(span.text):
        return "client"
    return party_of(span, heading)


def _passages(doc: models.Document) -> list[_Passage]:
    """Blocks then table rows (and each table's header) in document order."""
    out, heading = [], ""
    for b in doc.blocks:
        if b.heading:
            heading = b.text
        out.append(
            _Passage(
                b.text, Source(doc.file, b.page, "text", b.bbox), heading if not b.heading else ""
            )
        )
    for t in doc.tables:
        head = _heading_before(doc, t)
        out.append(
            _Passage(" | ".join(t.header), Source(doc.file, t.page, "table", t.bbox), head, t, -1)
        )
        for i, row in enumerate(t.rows):
            page = t.row_pages[i] if i < len(t.row_pages) else t.page
            out.append(
                _Passage(
                    " | ".join(c or "" for c in row),
                    Source(doc.file, page, "table", t.bbox),
                    head,
                    t,
                    i,
                )
            )
    return out


def _heading_before(doc: models.Document, table: models.Table) -> str:
    head = ""
    for b in doc.blocks:
        if (b.page, b.bbox[1]) > (table.page, table.bbox[1]):
            break
        if b.heading:
            head = b.text
    return head


class _Segment:
    """One sentence or table row: its text, its matches and helpers on clause boundaries."""

    def __init__(self, doc, start: int, end: int):
        self.doc, self.start, self.end = doc, start, end
        self.text = doc.text[start:end]
        self.matches = [
            (lab, s - start, e - start)
            for lab, s, e in doc._.msp_matches
            if s >= start and e <= end
        ]
        cuts = [0] + [m.end() for m in _CLAUSE.finditer(self.text)] + [len(self.text) + 1]
        self.clauses = list(zip(cuts, cuts[1:]))

    def clause(self, pos: int) -> tuple[int, int]:
        return next(((s, e) for s, e in self.clauses if s <= pos < e), (0, len(self.text)))

    def not_a_review(self, end: int) -> bool:
        """A frequency word followed by what it measures: "monthly report", "quarterly steering"."""
        after = _LIST_END.split(self.text[end : end + 25], maxsplit=1)[0]
        lo, hi = self.clause(end - 1)
        return bool(
            self.in_range("NOTCAD:clause", lo, hi)
            or [m for m in self.in_range("NOTCAD", end, end + len(after)) if m[0] == "NOTCAD"]
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

    def blocked(self, q_start: int, q_end: int, spans: bool = True, money: bool = False) -> bool:
        """Is the quantity at q_start..q_end a distractor (its sentence, clause or own words)?

        `NOTTIME:` distractors stop service levels only: after-hours work has no service level
        worth reading, but it does have a price.
        """
        lo, hi = self.clause(q_start)
        if (
            self.in_range("NOTSENT:", 0, len(self.text))
            or self.in_range("NOT:", lo, hi)
            or (not money and self.in_range("NOTTIME:", lo, hi))
        ):
            return True
        return spans and any(
            s <= q_start and e >= q_end for _, s, e in self.in_range("NOTSPAN:", 0, len(self.text))
        )


def _cell_bounds(row: str, pos: int) -> tuple[int, int]:
    """The cell of a table row (cells joined by " | ") that holds character `pos`."""
    lo = row.rfind("|", 0, pos) + 1
    hi = row.find("|", pos)
    return lo, len(row) if hi < 0 else hi


_COUNT_BEFORE = re.compile(r"(?<![$£€.\d])\b\d[\d,]*\s+$")
_RIGHT_AFTER = re.compile(r"^['’]?s?['’]?\s?-?$")


def _nearest(cues, pos: int, end: int, text: str = ""):
    """The cue closest to a quantity, preferring one written before it."""

    def dist(c):
        _, s, e = c
        if s <= pos and e >= end or (s >= end and _RIGHT_AFTER.match(text[end:s])):
            return 0  # around it, or right after it: "99.9% uptime"
        return pos - e if e <= pos else s - end + 10_000

    return min(cues, key=dist) if cues else None


def _scopes(seg: _Segment, pos: int, lo: int, hi: int) -> list[str]:
    """The priority (or group "P3 and P4") written nearest before the quantity, else after it in the clause."""
    found = seg.in_range("SCOPE:", 0, len(seg.text))
    before = [m for m in found if m[2] <= pos]
    after = [m for m in found if m[1] >= pos and m[2] <= hi]
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
    return sorted({m[0].split(":")[1] for m in group})


class _Extractor:
    def __init__(self, nlp):
        self.nlp = nlp

    def strength(self, seg: _Segment, lo: int, hi: int, category: str) -> str:
        terms = [
            (seg.start + s, seg.start + e) for _, s, e in seg.in_range("CAT:", 0, len(seg.text))
        ]
        own = _strength_of(seg.span(lo, hi), terms)
        start = seg.text.rfind(";", 0, lo) + 1  # a ";" starts a new statement
        if own == "binding" and lo > start and not _OWN_VERB.search(seg.text[lo:hi]):
            # a clause like "and resolution within 8 hours" inherits the sentence's wording
            own = _strength_of(seg.span(start, hi), terms)
        if category in TERMS:
            return "binding"
        return own

    def commitments(self, seg: _Segment, p: _Passage, col_info=None) -> list[Commitment]:  # noqa: C901 (to split: issue 14)
        text = seg.text
        out: list[Commitment] = []
        hours = [
            m
            for m in seg.in_range("HOURS:", 0, len(text))
            if not _NEGATED_HOURS.search(text[: m[1]])
        ]
        mask = [(s, e) for _, s, e in hours]
        times = [
            q for q in quantities.find_times(text) if not any(s <= q.start < e for s, e in mask)
        ]
        qs = times + quantities.find_percents(text) + quantities.find_money(text)
        quote = " ".join(text.split())

        def emit(cat, scope, value, unit, lo, hi, strength=None):
            span = seg.span(lo, hi)
            party = _party_of(span, p.heading) if span is not None else "provider"
            st = strength or self.strength(seg, lo, hi, cat)
            out.append(Commitment(cat, scope, value, unit, st, party, quote, p.source))

        for q in qs:
            if seg.blocked(q.start, q.end, money=q.kind == "money"):
                continue
            lo, hi = seg.clause(q.start)
            if q.kind == "money":
                self._price(
                    seg, q, lo, hi, emit, p, col_info(q.start)[2] if col_info else (), times
                )
                continue
            cues = [c for c in seg.in_range("CAT:", lo, hi) if KIND.get(c[0][4:]) == q.kind]
            column_strength = None
            if col_info is not None:
                # in a table the column header names the category and may make it soft
                cat, col_strength, _ = col_info(q.start)
                if cat and KIND.get(cat) == q.kind:
                    cues, column_strength = [("CAT:" + cat, q.start, q.end)], col_strength
            if q.kind == "time" and _EVERY.search(text[: q.start]):
                if seg.in_range("CAT:review_cadence", lo, hi) and not seg.not_a_review(q.end):
                    emit(
                        "review_cadence",
                        "all",
                        quantities.convert(q.value, q.unit, "day"),
                        "day",
                        lo,
                        hi,
                    )
                continue
            if not cues and seg.in_range("SCOPE:", lo, hi):
                # a list of priorities under one cue: "Response times: P1 – 15 minutes; P2 – 1 hour"
                cues = [c for c in seg.in_range("CAT:", 0, lo) if KIND.get(c[0][4:]) == q.kind]
            cue = _nearest(cues, q.start, q.end, text)
            if cue is None:
                continue
            cat = cue[0][4:]
            if cat in SCOPED:
                # a specific subject beats a generic verb: "vulnerabilities are remediated within 72 hours"
                special = [c for c in cues if c[0][4:] in ("patch_window", "rto")]
                cat = special[0][0][4:] if special else cat
            target = UNIT[cat]
            value = q.value if target == "percent" else quantities.convert(q.value, q.unit, target)
            if target == "percent" and q.value > 100:
                continue
            scopes = _scopes(seg, q.start, lo, hi) if cat in SCOPED else ["all"]
            if column_strength is None and col_info is not None:
                # in a table row each cell speaks for itself ("2 business days | best effort"),
                # but the row's label may qualify the whole row ("Resolution (target) | 4 hours")
                label_end = _cell_bounds(text, 0)[1]
                found_in = {self.strength(seg, *_cell_bounds(text, q.start), cat)}
                if q.start > label_end:
                    found_in.add(self.strength(seg, 0, label_end, cat))
                column_strength = next(st for st in PRECEDENCE if st in found_in)
            for scope in scopes:
                emit(cat, scope, value, target, lo, hi, column_strength)

        # review cadence written as a word ("monthly", "every quarter")
        for lab, s, e in seg.in_range("EVERY:", 0, len(text)):
            lo, hi = seg.clause(s)
            if (
                not seg.in_range("CAT:review_cadence", lo, hi)
                or seg.not_a_review(e)
                or seg.blocked(s, e)
            ):
                continue
            if any(q.start <= s < q.end for q in times):
                continue
            if (
                lab in ("EVERY:30", "EVERY:7", "EVERY:90", "EVERY:365", "EVERY:1", "EVERY:14")
                and text[s:e].lower() in ("month", "week", "quarter", "year", "day", "fortnight")
                and not re.search(r"\b(?:every|each|a|per|once a)\s+$", text[:s], re.IGNORECASE)
            ):
                continue
            emit("review_cadence", "all", float(lab.split(":")[1]), "day", lo, hi)

        # support hours: 24x7 or business hours for the helpdesk, the NOC or on-site work
        for lab, s, e in hours:
            lo, hi = seg.clause(s)
            if seg.blocked(s, e, spans=False):  # "24 hours a day" is cover, not a duration
                continue
            cover = _nearest(
                seg.in_range("COVER:", lo, hi) or seg.in_range("COVERWEAK:", lo, hi), s, e
            )
            if cover is None:
                continue
            emit("support_hours", cover[0].split(":")[1], None, lab.split(":")[1], lo, hi)

        # "Service levels do not carry service credits": an excluded remedy
        if not any(c.category == "service_credit" for c in out):
            for lab, s, e in seg.in_range("CAT:service_credit", 0, len(text)):
                if text[s:e].lower() in ("fee", "fees", "charge", "charges", "invoice", "bill"):
                    continue
                lo, hi = seg.clause(s)
                if _strength_of(seg.span(lo, hi)) == "excluded" and not seg.blocked(s, e):
                    emit("service_credit", "all", None, "percent", lo, hi, "excluded")
                    break
        return out

    def _price(self, seg, q, lo, hi, emit, p, column: Sequence[str] = (), durations=()):
        """A price's scope and period come from its sentence, its table row or its column header."""
        area = (0, len(seg.text)) if p.table is not None else (lo, hi)
        # "for 150 users" counts heads, it does not price them: the fee is a flat total
        # and the "hour" of "within 1 hour" is a duration, not an hourly rate
        scopes = [
            m
            for m in seg.in_range("PRICE:", *area)
            if not (
                m[0] in ("PRICE:per_user", "PRICE:per_device")
                and _COUNT_BEFORE.search(seg.text[: m[1]])
            )
            and not (
                m[0] == "PRICE:hourly" and any(t.start <= m[1] and m[2] <= t.end for t in durations)
            )
        ]
        periods = {m[0] for m in seg.in_range("PERIOD:", *area)} | {
            c for c in column if c.startswith("PERIOD:")
        }
        if p.table is not None and "month" in " ".join(p.table.header).lower():
            periods.add("PERIOD:month")
        cue = _nearest(scopes, q.start, q.end)
        scope = (
            cue[0].split(":")[1]
            if cue
            else next((c.split(":")[1] for c in column if c.startswith("PRICE:")), None)
        )
        if scope is None:
            if not periods and p.table is None:
                return
            scope = "flat"
        value = q.value
        if scope == "hourly":
            unit = f"{q.unit}/hour"
        elif scope == "onboarding":
            unit = q.unit
        else:
            if "PERIOD:year" in periods and "PERIOD:month" not in periods:
                value = round(value / 12, 2)
            elif not periods and p.table is None:
                return
            unit = f"{q.unit}/month"
        emit("price", scope, value, unit, lo, hi)


def _table_columns(table: models.Table, head_doc, notes: dict) -> list[tuple]:
    """Per column: the category its header names, a strength the header or a table note gives,
    and the price words of the header ("Per user / month")."""
    cols, pos = [], 0
    seg = _Segment(head_doc, 0, len(head_doc.text))
    for cell in table.header:
        lo, hi = pos, pos + len(cell)
        pos = hi + 3
        cue = next(
            (
                c[0][4:]
                for c in seg.in_range("CAT:", lo, hi)
                if c[0][4:] in SCOPED or KIND.get(c[0][4:])
            ),
            None,
        )
        strength = None
        if cue:
            st = _strength_of(seg.span(lo, hi)) if hi > lo else "binding"
            strength = st if st != "binding" else notes.get(cue)
        prices = tuple(
            lab for lab, _, _ in seg.in_range("PRICE:", lo, hi) + seg.in_range("PERIOD:", lo, hi)
        )
        cols.append((cue, strength, prices))
    return cols


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
    notes = {}
    for _, b, bdoc in sorted(below, key=lambda x: x[0]) + sorted(above, key=lambda x: x[0]):
        for sent in bdoc.sents:
            seg = _Segment(bdoc, sent.start_char, sent.end_char)
            if (
                quantities.find_times(seg.text)
                or quantities.find_percents(seg.text)
                or seg.in_range("NOT:", 0, 10**6)
            ):
                continue
            for lo, hi in seg.clauses:
                for lab, _, _ in seg.in_range("CAT:", lo, hi):
                    notes.setdefault(lab[4:], _strength_of(seg.span(lo, hi)))
        if notes:
            break
    return notes


def extract_document(doc_model: models.Document, nlp=None, finder=None):
    """(position key, commitment) pairs, evidence and flags of one document."""
    from msp_select.extract.nlp import build_nlp

    nlp = nlp or build_nlp()
    ex = _Extractor(nlp)
    passages = _passages(doc_model)
    docs = list(nlp.pipe(p.text for p in passages))
    found, evidence, flags = [], [], []
    blocks = [(doc_model.blocks[i], d) for i, d in enumerate(docs[: len(doc_model.blocks)])]
    columns = {}
    for p, d in zip(passages, docs):
        if finder is not None:
            ev, fl = finder.find(d, p.source, p.heading)
            evidence += ev
            flags += fl
        if p.table is None:
            for sent in d.sents:
                key = (p.source.page, p.source.bbox[1] if p.source.bbox else 0, -1, sent.start_char)
                found += [
                    (key, c) for c in ex.commitments(_Segment(d, sent.start_char, sent.end_char), p)
                ]
            continue
        if p.row < 0:
            columns[id(p.table)] = _table_columns(p.table, d, _table_notes(p.table, blocks))
            continue
        cols = columns[id(p.table)]
        bounds, pos = [], 0
        for cell in p.table.rows[p.row]:
            bounds.append((pos, pos + len(cell or "")))
            pos += len(cell or "") + 3

        def col_info(at, bounds=bounds, cols=cols):
            for j, (s, e) in enumerate(bounds):
                if s <= at <= e and j < len(cols):
                    return cols[j]
            return (None, None, ())

        key = (p.source.page, p.table.bbox[1], p.row, 0)
        found += [(key, c) for c in ex.commitments(_Segment(d, 0, len(d.text)), p, col_info)]
    return found, evidence, flags


def _dedupe(items: list[Commitment]) -> list[Commitment]:
    """The same commitment said twice (body and appendix) is reported once, every source kept.

    `items` arrive sorted by file, page and position, so the first statement is the one kept.
    """
    first: dict[tuple, Commitment] = {}
    order = []
    for c in items:
        key = (c.category, c.scope, c.value, c.unit, c.party, c.strength)
        if key not in first:
            first[key] = c
            order.append(key)
        elif c.source != first[key].source and c.source not in first[key].also_in:
            first[key] = replace(first[key], also_in=first[key].also_in + (c.source,))
    return [first[k] for k in order]


def extract_vendor(
    vendor: str, documents: Sequence[models.Document], nlp=None
) -> models.VendorExtraction:
    """Everything one vendor commits to across its documents."""
    from msp_select.extract.nlp import build_nlp

    nlp = nlp or build_nlp()
    finder = _finder(nlp)
    documents = sorted(documents, key=lambda d: d.file)
    commitments, evidence, flags = [], [], []
    for d in documents:
        c, e, f = extract_document(d, nlp, finder)
        commitments += [x for _, x in sorted(c, key=lambda kc: kc[0])]
        evidence += e
        flags += f
    evidence, flags = finish(evidence, flags)
    infos = tuple(
        models.DocumentInfo(d.file, d.sha256, d.pages, tuple(d.warnings)) for d in documents
    )
    commitments = _largest_credit(_dedupe(commitments))
    return models.VendorExtraction(vendor, infos, tuple(commitments), tuple(evidence), tuple(flags))


def _largest_credit(commitments: list[models.Commitment]) -> list[models.Commitment]:
    """Service credit is the largest share of the fee a vendor states (contract 1.2): a credit
    scheme ("5% for each 0.1% shortfall, up to 15%") and the smaller tiers of a credit table
    are steps towards it, not separate commitments."""
    credits = [
        c
        for c in commitments
        if c.category == "service_credit" and c.value is not None and c.party == "provider"
    ]
    if len(credits) < 2:
        return commitments
    top = max(credits, key=lambda c: (c.strength == "binding", c.value))
    return [c for c in commitments if c not in credits or c is top]


@functools.lru_cache(maxsize=4)
def _finder(nlp) -> EvidenceFinder:
    """One EvidenceFinder per pipeline: its matchers are built once, not once per vendor."""
    return EvidenceFinder(nlp)
