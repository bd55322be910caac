"""Team-fit evidence (contract 1.3) and risk flags (contract 1.4) found sentence by sentence.

Cues are spaCy Matcher patterns in `patterns/criteria.jsonl` and `patterns/flags.jsonl`:

- `CRIT:<criterion>` a sentence speaks to a team-fit criterion;
- `FLAG:<flag>` a sentence raises a risk flag; `NOT:<flag>` cancels that flag in the sentence
  ("at no additional cost" cancels extra-cost; "we never stop the clock" cancels clock-stop);
- `HEADSKIP` (matched on the heading) the passage sits under "Case study", "Your requirements"...;
  under such a heading only a sentence with a `PROMISE` cue ("you will have ...") is read, since
  an "About us" section may still promise the client something;
- `SKIP` the sentence restates the client's needs or history ("your previous provider
  charged for escalation", "you asked for ...") and is neither evidence nor a flag;
- `CUE:cadence` ("each month", "quarterly") with `CUE:meeting` ("meets", "walks through it
  with your ...") in one sentence is governance-cadence evidence;
- `CTX:sla` / `CTX:qty` mark service-level words and quantities, for the soft-sla flag;
  a `FLAG:soft-sla` hedge ("best-effort", "cannot guarantee") counts only beside a `CTX:sla` word;
- `CUE:credit` a credit: a sentence about one that ends in a colon leads into a credit schedule;
- `COL:client` / `COL:provider` a table header cell naming a party, so that a RACI matrix's
  rows tell whose activity each is; `CUE:custody` an activity of holding the keys.

Strength and party come from `strength.py`. A negated sentence ("we do not provide an
account manager") gives evidence of strength `excluded`, which never counts in a vendor's
favour, and raises no flag except no-penalty (whose cues are negations by nature).
"""

from __future__ import annotations

import re

from msp_select import models
from msp_select.extract.nlp import IndexedMatcher, load_patterns, span_matches
from msp_select.extract.strength import party_of, strength_of

RANK = {"binding": 0, "conditional": 1, "soft": 2, "excluded": 3}  # strongest first
_NEGATIVE_FLAGS = {"no-penalty", "soft-sla", "clock-stop"}  # cues that are negations by nature
_CONTRAST = {"but", "however", "whereas", "although", "though", ";"}
_CLIENT_SIDE = ("client-obligations", "control-retention")  # what a client's sentence shows
# a table row "activity | R | A/C | I": every cell after the first is a RACI code
_RACI = re.compile(r"[^|]*(?:\|\s*(?:[RACI](?:\s*[/,]\s*[RACI])*|-|)\s*)+", re.IGNORECASE)


class EvidenceFinder:
    """Built once per pipeline; `find` is called once per passage (paragraph, item or table row)."""

    def __init__(self, nlp):
        from spacy.matcher import Matcher

        self.make_doc = nlp.make_doc
        self.matcher = IndexedMatcher(nlp.vocab)
        self.heading_matcher = Matcher(
            nlp.vocab
        )  # LOWER-only patterns: headings are not lemmatised
        self._skipped_headings: dict[str, bool] = {}
        self._sla_headings: dict[str, bool] = {}
        # the party of each column of the last table header seen at a place, for its RACI rows
        self._matrices: dict[tuple, tuple[str, ...]] = {}
        for row in load_patterns(("criteria.jsonl", "flags.jsonl")):
            target = self.heading_matcher if row["label"] == "HEADSKIP" else self.matcher
            target.add(row["label"], [row["pattern"]])

    def labels(self, span) -> list[tuple[str, int, int]]:
        """(label, start, end) token offsets of every cue in `span`, sorted."""
        return sorted(span_matches(span, self.matcher, f"evidence-{id(self)}"))

    def _heading_names_sla(self, heading: str) -> bool:
        if heading not in self._sla_headings:
            found = self.labels(self.make_doc(heading)) if heading else []
            self._sla_headings[heading] = any(label == "CTX:sla" for label, _, _ in found)
        return self._sla_headings[heading]

    def _skip_heading(self, heading: str) -> bool:
        if heading not in self._skipped_headings:
            self._skipped_headings[heading] = bool(self.heading_matcher(self.make_doc(heading)))
        return self._skipped_headings[heading]

    def find(self, doc, source: models.Source, heading: str = ""):
        """(evidence, flags) of one passage, one entry per sentence and criterion or flag."""
        evidence, flags = [], []
        text = doc.text.strip()
        if source.kind == "text" and (text == heading.strip() or _looks_like_heading(doc)):
            return [], []  # a heading names a topic; the paragraphs under it commit (or not)
        if source.kind == "table":
            place = (source.file, source.page, source.bbox)
            if _RACI.fullmatch(text):
                return self._raci_row(doc, source, self._matrices.get(place, ())), []
            self._matrices[place] = self._column_sides(doc)
        skipped = bool(heading) and self._skip_heading(heading)
        # a table row is read whole: its label says what its cells promise
        # ("Executive review | Every six months with your chief executive")
        units = [doc[:]] if source.kind == "table" else doc.sents
        for sent in units:
            if sum(t.is_alpha for t in sent) < 3:
                continue  # a caption or stray label, not a statement
            crits, fls = self.classify(sent, heading, promises_only=skipped)
            quote = sent.text.strip()
            evidence += [models.Evidence(c, st, quote, source) for c, st in crits]
            flags += [models.RiskFlag(f, quote, source) for f in fls]
        return evidence, flags

    def _column_sides(self, doc) -> tuple[str, ...]:
        """'client', 'provider' or '' per column of a header row that names both parties
        ("Activity | Riverina | Network"); () for any other row."""
        sides = []
        for cell in _cells(doc):
            names = {label for label, _, _ in self.labels(cell)}
            found = [side for side in ("client", "provider") if f"COL:{side}" in names]
            sides.append(found[0] if len(found) == 1 and len(cell) <= 4 else "")
        return tuple(sides) if {"client", "provider"} <= set(sides) else ()

    def _raci_row(self, doc, source: models.Source, sides: tuple[str, ...]):
        """A RACI matrix's row under columns named for the parties. A row divides the work, it
        promises nothing, except where the client is responsible: an activity held to a figure
        is the client's duty ("Named contact replies within 4 business hours | I | R/A") and
        holding the keys is control retention ("Holding global administrator accounts | C |
        R/A"). Without party columns, or with the provider responsible, nothing."""
        cells = _cells(doc)
        if not sides or len(cells) != len(sides):
            return []
        codes = [c.text.upper() for c in cells]
        owners = {sides[j] for j in range(1, len(cells)) if sides[j] and "R" in codes[j]}
        owners = owners or {sides[j] for j in range(1, len(cells)) if sides[j] and "A" in codes[j]}
        if owners != {"client"}:
            return []
        names = {label for label, _, _ in self.labels(cells[0])}
        crits = [
            c
            for c, cue in (("client-obligations", "CTX:qty"), ("control-retention", "CUE:custody"))
            if cue in names
        ]
        strength, quote = strength_of(cells[0]), doc.text.strip()
        return [models.Evidence(c, strength, quote, source) for c in crits]

    def classify(
        self, sent, heading: str = "", promises_only: bool = False
    ) -> tuple[list[tuple[str, str]], list[str]]:
        """([(criterion, strength)], [flag]) for one sentence; with `promises_only` (under a
        case-study or company-history heading) only a sentence that promises the client counts."""
        found = self.labels(sent)
        names = {label for label, _, _ in found}
        if "SKIP" in names or (promises_only and "PROMISE" not in names):
            return [], []
        strength = strength_of(sent)
        crits = {label[5:]: (s, e) for label, s, e in reversed(found) if label.startswith("CRIT:")}
        meeting = next(((s, e) for label, s, e in found if label == "CUE:meeting"), None)
        if meeting and "CUE:cadence" in names:
            crits.setdefault("governance-cadence", meeting)  # "each month ... we meet you"
        flag_spans = {
            label[5:]: (s, e) for label, s, e in reversed(found) if label.startswith("FLAG:")
        }
        flag_ids = {f for f in flag_spans if f"NOT:{f}" not in names}
        scope = _Contrasts(sent)  # a negation reaches no further than "but" or ";"
        flag_ids = {
            f
            for f in flag_ids
            if f in _NEGATIVE_FLAGS or scope.strength(flag_spans[f]) != "excluded"
        }
        # a hedge may take its service level from the heading: "Targets, not guarantees."
        # under "Restore targets"
        sla = "CTX:sla" in names or self._heading_names_sla(heading)
        if not sla or "KPI" in names:
            flag_ids.discard("soft-sla")  # "we cannot guarantee third-party software" is no SLA
        if party_of(sent, heading) == "client":
            # the client's duty is evidence of that duty, not of the vendor's own practice
            # ("Corrib will acknowledge our requests for a change approval"), and a duty not
            # to share passwords is no vendor keeping them
            crits = {c: crits[c] for c in _CLIENT_SIDE if c in crits}
            crits.setdefault("client-obligations", (0, 0))
            flag_ids.discard("vendor-holds-keys")
        _who_holds_the_keys(crits, flag_ids, flag_spans)
        if flag_ids & {"first-line-only", "extra-cost"}:
            # seniors only the next day, or only at a price, is the risk itself
            crits.pop("senior-escalation", None)
        if "CUE:credit" in names and sent[-1].text == ":":
            # "... the Network receives a credit against that month's fee:" above a credit table
            crits.setdefault("performance-incentives", (0, 0))
        if soft_sla_flag(names, strength):
            flag_ids.add("soft-sla")
        return sorted((c, scope.strength(at)) for c, at in crits.items()), sorted(flag_ids)


class _Contrasts:
    """The parts of a sentence that "but", "however", "whereas" or a semicolon set against
    each other, each with its own strength: in "no service credits apply, but service levels
    are reported monthly" the reporting is binding, the credits excluded."""

    def __init__(self, sent):
        start = getattr(sent, "start", 0)  # a Span, or a whole Doc
        cuts = [t.i - start for t in sent if t.lower_ in _CONTRAST]
        edges = [0, *cuts, len(sent)]
        self.parts = [(a, b) for a, b in zip(edges, edges[1:]) if b > a]
        self.sent = sent
        self.whole = strength_of(sent)
        self._memo: dict[tuple[int, int], str] = {}

    def strength(self, at: tuple[int, int]) -> str:
        """The strength of the part holding the cue that starts at `at[0]`."""
        if len(self.parts) < 2:
            return self.whole
        part = next((p for p in self.parts if p[0] <= at[0] < p[1]), self.parts[0])
        if part not in self._memo:
            self._memo[part] = strength_of(self.sent[part[0] : part[1]])
        return self._memo[part]


def _who_holds_the_keys(crits: dict, flag_ids: set, flag_spans: dict) -> None:
    """Control retention and vendor-holds-keys in one sentence: whoever is named first holds
    the keys ("The client retains admin credentials; we keep a sealed copy")."""
    keys = flag_spans.get("vendor-holds-keys") if "vendor-holds-keys" in flag_ids else None
    if keys and "control-retention" in crits:
        if crits["control-retention"][0] <= keys[0]:
            flag_ids.discard("vendor-holds-keys")
        else:
            crits.pop("control-retention")
    elif keys:
        crits.pop("control-retention", None)


def _cells(doc) -> list:
    """The cells of a table row passage ("a | b | c") as spans of `doc`."""
    cuts = [-1, *(t.i for t in doc if t.text == "|"), len(doc)]
    return [doc[a + 1 : b] for a, b in zip(cuts, cuts[1:])]


def _looks_like_heading(doc) -> bool:
    """A short title-case line with no closing full stop ("Appendix B: Responsibilities (RACI)")."""
    words = [t for t in doc if t.is_alpha]
    return (
        len(doc) <= 10
        and bool(words)
        and doc[-1].text not in ".!?"
        and all(t.is_title or t.is_upper or t.is_stop for t in words)
    )


def soft_sla_flag(names, strength: str) -> bool:
    """A service level with a quantity stated only softly ("we aim to respond within 1 hour").

    `names` are the cue labels of the sentence (`EvidenceFinder.labels`). Code that already
    holds a soft response/resolution/availability commitment may raise soft-sla directly.
    """
    # satisfaction and first-contact rates are KPIs to report on, not service levels to enforce
    return strength == "soft" and "CTX:sla" in names and "CTX:qty" in names and "KPI" not in names


def finish(evidence, flags):
    """Across one vendor: one Evidence per criterion (the strongest, first in document order on
    a tie) and one RiskFlag per flag (the first), both sorted by id, so output is deterministic."""
    best: dict[str, models.Evidence] = {}
    for ev in evidence:
        if ev.criterion not in best or RANK[ev.strength] < RANK[best[ev.criterion].strength]:
            best[ev.criterion] = ev
    first: dict[str, models.RiskFlag] = {}
    for fl in flags:
        first.setdefault(fl.flag, fl)
    return [best[k] for k in sorted(best)], [first[k] for k in sorted(first)]


merge = finish
