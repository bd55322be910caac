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
from msp_select.extract import quantities
from msp_select.extract.nlp import IndexedMatcher, load_patterns, sentences, span_matches
from msp_select.extract.strength import party_of, strength_of
from msp_select.extract.tables import RACI_CODE, responsible

RANK = {"binding": 0, "conditional": 1, "soft": 2, "excluded": 3}  # strongest first
_NEGATIVE_FLAGS = {"no-penalty", "soft-sla", "clock-stop"}  # cues that are negations by nature
_CONTRAST = {"but", "however", "whereas", "although", "though", ";"}
_CLAUSE_CUTS = {";", ":"}  # who holds the keys is read clause by clause
_HEADING_LABELS = ("HEADSKIP", "HEADEXCL")  # matched on headings, not on sentences
_BULLETS = "-•–*·▪"
_NUMBERED = re.compile(r"(?:\d+(?:\.\d+)+|\(?[a-z]\)|\d+\))\s")  # "4.3 ", "(b) ", "2) "
# what a client's sentence shows
_CLIENT_SIDE = ("client-obligations", "control-retention", "co-managed-collaboration")
_OBLIGED = {"must", "shall"}  # modals that oblige a named subject even when not known as the client
# a table row "activity | R | A/C | I": every cell after the first is a RACI code
_RACI = re.compile(rf"[^|]*(?:\|\s*(?:{RACI_CODE.pattern}|-|)\s*)+", re.IGNORECASE)


class EvidenceFinder:
    """Built once per pipeline; `find` is called once per passage (paragraph, item or table row)."""

    def __init__(self, nlp):
        from spacy.matcher import Matcher

        self.make_doc = nlp.make_doc
        self.matcher = IndexedMatcher(nlp.vocab)
        self.heading_matcher = Matcher(
            nlp.vocab
        )  # LOWER-only patterns: headings are not lemmatised
        self._headings: dict[str, set[str]] = {}
        self._heading_cues: dict[str, set[str]] = {}
        # the file whose last passage was an exclusion lead-in ("Not in scope:"): its bullets
        # that follow are excluded items, not offers
        self._excluding: str | None = None
        # the party of each column of the last table header seen at a place, for its RACI rows
        self._matrices: dict[tuple, tuple[str, ...]] = {}
        # the tables whose header opens with a step of time ("Week | What happens"): a timetable
        self._timetables: set[tuple] = set()
        # the roles a criterion told by its parts needs, all in one part of a sentence
        self.roles: dict[str, set[str]] = {}
        for row in load_patterns(("criteria.jsonl", "flags.jsonl")):
            target = self.heading_matcher if row["label"] in _HEADING_LABELS else self.matcher
            target.add(row["label"], [row["pattern"]])
            if row["label"].startswith("PART:"):
                criterion, role = row["label"][5:].split("/")
                self.roles.setdefault(criterion, set()).add(role)

    def labels(self, span) -> list[tuple[str, int, int]]:
        """(label, start, end) token offsets of every cue in `span`, sorted."""
        return sorted(span_matches(span, self.matcher, f"evidence-{id(self)}"))

    def _heading_has(self, heading: str, cue: str) -> bool:
        """Whether the heading holds a cue of the sentence patterns ("Out-of-hours cover")."""
        if heading not in self._heading_cues:
            found = self.labels(self.make_doc(heading)) if heading else []
            self._heading_cues[heading] = {label for label, _, _ in found}
        return cue in self._heading_cues[heading]

    def _heading_names_sla(self, heading: str) -> bool:
        return self._heading_has(heading, "CTX:sla")

    def _heading_labels(self, heading: str) -> set[str]:
        if heading not in self._headings:
            strings = self.make_doc("").vocab.strings
            found = self.heading_matcher(self.make_doc(heading)) if heading else []
            self._headings[heading] = {strings[m] for m, _, _ in found}
        return self._headings[heading]

    def _excluding_heading(self, heading: str) -> bool:
        """A heading that is an exclusion list's title ("Exclusions", "4.2 Not in scope"), not
        a section that also has some ("Service levels and exclusions")."""
        words = heading.lower().replace("&", " and ").split()
        return (
            "HEADEXCL" in self._heading_labels(heading) and len(words) <= 5 and "and" not in words
        )

    def _skip_heading(self, heading: str) -> bool:
        return "HEADSKIP" in self._heading_labels(heading)

    def find(self, doc, source: models.Source, heading: str = "", answer: str = "", header=False):
        """(evidence, flags) of one passage, one entry per sentence and criterion or flag.
        `answer` is the paragraph after it, which may answer a question the passage asks;
        `header` says the passage is a table's header row."""
        evidence, flags = [], []
        text = doc.text.strip()
        # under "Exclusions", or in a bullet after "Not in scope:", every item is one not offered
        bullet = text[:1] in _BULLETS or bool(_NUMBERED.match(text))
        excluded = self._excluding_heading(heading) or (
            bullet and self._excluding == (source.file, "excluded")
        )
        client_item = bullet and self._excluding == (source.file, "client")
        if not bullet:
            self._excluding = (source.file, self._lead_in(doc)) if text.endswith(":") else None
        if source.kind == "text" and (text == heading.strip() or _looks_like_heading(doc)):
            return [], []  # a heading names a topic; the paragraphs under it commit (or not)
        planned, sides = False, ()
        if source.kind == "table":
            sides, planned = self._table_row(doc, source, header)
            if _RACI.fullmatch(text) and not header:
                return self._raci_row(doc, source, sides), []
        skipped = bool(heading) and self._skip_heading(heading)
        # a table row is read whole: its label says what its cells promise
        # ("Executive review | Every six months with your chief executive")
        units = [doc[:]] if source.kind == "table" else sentences(doc)
        for sent in units:
            if sum(t.is_alpha for t in sent) < 3:
                continue  # a caption or stray label, not a statement
            if source.kind == "text" and not _affirmed(sent.text, answer):
                continue  # a question ("Who holds the admin passwords?") states nothing
            crits, fls = self.classify(
                sent, heading, promises_only=skipped, excluded=excluded, client_item=client_item
            )
            if source.kind == "table" and _priced(doc):
                crits = []  # a price line names what may be bought, it promises no practice
            elif planned:
                # "Go-live | week 4 | Service desk live for every site": a row of a plan's
                # timetable, where in prose one milestone named is no plan
                crits = sorted(dict([("implementation-plan", strength_of(sent))] + crits).items())
            quote = sent.text.strip()
            evidence += [models.Evidence(c, st, quote, source) for c, st in crits]
            flags += [models.RiskFlag(f, quote, source) for f in fls]
        if self._clients_work(doc, sides):
            return self._raci_row(doc, source, sides) + evidence, []
        return evidence, flags

    def _table_row(self, doc, source: models.Source, header: bool) -> tuple[tuple[str, ...], bool]:
        """The party of each column of the row's table (its header's, kept for every row)
        and whether the row is a step of a plan's timetable."""
        place = (source.file, source.bbox)  # (a table over a page break keeps its place)
        if header:
            self._matrices[place] = self._column_sides(doc)
        if _TIMETABLE.match(doc.text.strip()):
            self._timetables.add(place)  # "Week | What happens" heads a plan's timetable
        planned = place in self._timetables or self._milestone(doc[:])
        return self._matrices.get(place, ()), planned

    @staticmethod
    def _clients_work(doc, sides: tuple[str, ...]) -> bool:
        """A matrix row marked R for the client beside a level column ("Hold the domain admin
        accounts | R/A | I | always"): the client's own work, which raises nothing against
        the vendor."""
        return bool(sides) and responsible([c.text for c in _cells(doc)], sides) == {"client"}

    def _milestone(self, sent) -> bool:
        """Does a table row open with a milestone ("Go-live | week 4 | ...")? A milestone the
        row counts from ("Minimum term | 36 months from go-live") is no step of a plan."""
        return any(label == "CUE:milestone" and s <= 2 for label, s, _ in self.labels(sent))

    def _lead_in(self, doc) -> str:
        """What the list after a passage ending in a colon is: "excluded" after an exclusion
        lead-in ("The following are not included:", "Out of scope:"), "client" after the
        client's duty ("The County shall:", "Tri-Rivers agrees to:"), else ""."""
        last = list(sentences(doc))[-1]
        found = self.labels(last)
        if any(label == "LEADIN:excluded" for label, _, _ in found):
            return "excluded"
        return "client" if _client_duty(last, found) else ""

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
        if (
            not sides
            or len(cells) != len(sides)
            or responsible([c.text for c in cells], sides) != {"client"}
        ):
            return []
        names = {
            label
            for j, cell in enumerate(cells)
            if not sides[j]
            for label, _, _ in self.labels(cell)
        }
        crits = [
            c
            for c, cue in (("client-obligations", "CTX:qty"), ("control-retention", "CUE:custody"))
            if cue in names
        ]
        strength, quote = strength_of(cells[0]), doc.text.strip()
        return [models.Evidence(c, strength, quote, source) for c in crits]

    def classify(
        self,
        sent,
        heading: str = "",
        promises_only: bool = False,
        excluded: bool = False,
        client_item: bool = False,
    ) -> tuple[list[tuple[str, str]], list[str]]:
        """([(criterion, strength)], [flag]) for one sentence; with `promises_only` (under a
        case-study or company-history heading) only a sentence that promises the client counts;
        with `excluded` (an item of an exclusion list) all of it is evidence not offered; with
        `client_item` (an item under "The County shall:") it is the client's duty."""
        found = self.labels(sent)
        names = {label for label, _, _ in found}
        if _skipped(found) or (promises_only and "PROMISE" not in names):
            return [], []
        strength = strength_of(sent)
        # a negation reaches no further than "but" or ";", and not out of a condition
        scope = _Contrasts(sent, [(s, e) for label, s, e in found if label == "NEUTRAL"])
        # "Not in scope: on-site support; user training": everything after the lead-in's colon
        lead = _exclusion_lead(sent, found)
        cut = 0 if excluded else lead
        found = _told_by_parts(found, scope, self.roles)

        crit_cues, flag_cues = _cues(found, scope)
        meeting = next(((s, e) for label, s, e in found if label == "CUE:meeting"), None)
        if meeting and "CUE:cadence" in names:
            crit_cues.setdefault("governance-cadence", [meeting])  # "each month ... we meet you"
        denied = _custody(sent, found, crit_cues, flag_cues)
        crits = {c: min(spans) for c, spans in crit_cues.items()}
        flag_spans = {f: min(spans) for f, spans in flag_cues.items()}
        flag_ids = set(flag_spans)
        # a hedge may take its service level from the heading: "Targets, not guarantees."
        # under "Restore targets"
        sla = "CTX:sla" in names or self._heading_names_sla(heading)
        elsewhere = _someone_elses(sent)
        if not sla or "KPI" in names or "PAST" in names or elsewhere:
            flag_ids.discard("soft-sla")  # "we cannot guarantee third-party software" is no SLA
        if _denied_service_level(names, sla) and not elsewhere:
            flag_ids.add("soft-sla")
        if "CTX:offhours" not in names and not self._heading_has(heading, "CTX:offhours"):
            # a first-line desk is the risk only out of hours: "L1 desk, 24x7" is a ladder's rung
            flag_ids.discard("first-line-only")
        if _charged_off_hours(found, scope):
            flag_ids.add("extra-cost")
        if client_item or _client_duty(sent, found) or party_of(sent, heading) == "client":
            # the client's duty is evidence of that duty, not of the vendor's own practice
            # ("Corrib will acknowledge our requests for a change approval"), and a duty not
            # to share passwords is no vendor keeping them
            crits = {c: crits[c] for c in _CLIENT_SIDE if c in crits}
            if not any(label == "WHO:provider" for label, _, _ in found):
                crits.pop("co-managed-collaboration", None)  # jointly with the vendor's people
            crits.setdefault("client-obligations", (0, 0))
            flag_ids.discard("vendor-holds-keys")
        _who_holds_the_keys(crits, flag_ids, flag_spans)
        if flag_ids & {"first-line-only", "extra-cost"}:
            # seniors only the next day, or only at a price, is the risk itself
            crits.pop("senior-escalation", None)
        if "CUE:credit" in names and sent[-1].text == ":":
            # "... the Network receives a credit against that month's fee:" above a credit table
            crits.setdefault("performance-incentives", (0, 0))
        if (
            not elsewhere
            and _soft_service_level(sent, found, strength)
            or (sent[-1].text == ":" and strength == "soft" and sla and not names & {"KPI", "PAST"})
        ):  # "Fixes are normally in place:" hedges the figures listed under it
            flag_ids.add("soft-sla")
        return sorted(
            (
                c,
                "binding"
                if c == "control-retention" and denied
                else scope.strength(at)
                if cut is None or at[0] < cut
                else "excluded",
            )
            for c, at in crits.items()
        ), sorted(flag_ids)


def _cues(found, scope: "_Contrasts") -> tuple[dict, dict]:
    """{criterion: [span]} and {flag: [span]} of the cues that stand. A NOT:<flag> or
    NOTCRIT:<criterion> cue cancels its cues in its own part only ("we never bill for
    escalation, but weekend call-outs are charged" is extra-cost); a NOTAFTER:<criterion> cue
    only those after it in its part; a NOTSPAN:<flag> cue only the cues it overlaps ("24 x 7"
    is no "1.5 x" rate). A flag cue in a negated part is no
    flag (except the negative flags). An exclusion lead-in does not reach the flags: an item
    not in scope may still cost extra ("Not in scope: weekend visits, billed at $200 an
    hour")."""
    cancelled = {
        (label.split(":", 1)[1], scope.part(s))
        for label, s, _ in found
        if label.startswith(("NOT:", "NOTCRIT:"))
    }
    spans = [(label[8:], s, e) for label, s, e in found if label.startswith("NOTSPAN:")]
    # NOTAFTER:<criterion> governs what follows it in its part: "holds Cyber Essentials Plus
    # and is working towards ISO 27001" holds the one, not yet the other
    ahead = [
        (label[9:], scope.part(s), s) for label, s, _ in found if label.startswith("NOTAFTER:")
    ]
    crit_cues: dict[str, list] = {}
    flag_cues: dict[str, list] = {}
    for label, s, e in found:
        is_flag = label.startswith("FLAG:")
        name = label.split(":", 1)[-1]
        if not (is_flag or label.startswith("CRIT:")) or (name, scope.part(s)) in cancelled:
            continue
        if any(f == name and s < ne and ns < e for f, ns, ne in spans):
            continue
        if any(f == name and part == scope.part(s) and at < s for f, part, at in ahead):
            continue
        if is_flag and name not in _NEGATIVE_FLAGS and scope.strength((s, e)) == "excluded":
            continue
        (flag_cues if is_flag else crit_cues).setdefault(name, []).append((s, e))
    return crit_cues, flag_cues


def _told_by_parts(found, scope: "_Contrasts", roles: dict[str, set[str]]) -> list:
    """A criterion told by its parts in any order and wording: `PART:<criterion>/<role>` cues
    ("Your WMS team works in our ticket queue" holds a shared place of work and a ticket queue;
    "a Priority One still open after two hours goes to our Head of Operations" a hand-over and
    a senior person). Where every role of a criterion stands in one part of the sentence,
    outside a NOTSPAN:<criterion> span, the sentence gains a CRIT:<criterion> cue at its first
    part; negation and contrast then treat it as any other cue."""
    spans = [(label[8:], s, e) for label, s, e in found if label.startswith("NOTSPAN:")]
    parts: dict[tuple[str, int], dict[str, tuple[int, int]]] = {}
    for label, s, e in found:
        if not label.startswith("PART:"):
            continue
        criterion, role = label[5:].split("/")
        if any(f == criterion and s < ne and ns < e for f, ns, ne in spans):
            continue
        parts.setdefault((criterion, scope.part(s)), {}).setdefault(role, (s, e))
    told = [
        (f"CRIT:{criterion}", *min(got.values()))
        for (criterion, _), got in parts.items()
        if set(got) == roles[criterion]
    ]
    return sorted(found + told) if told else found


def _charged_off_hours(found, scope: "_Contrasts") -> bool:
    """extra-cost from its two halves in one part of the sentence, wherever they stand: an
    off-hours context (nights, weekends, "22:00") and a charge ("charged at", "on top of",
    "at additional cost"), with nothing there that says it is included or free ("Engineers on
    site at night: at additional cost, charged at DKK 1.450 per hour")."""
    parts = {}
    for label, s, _ in found:
        if label in ("CTX:offhours", "CUE:charge", "NOT:extra-cost"):
            parts.setdefault(scope.part(s), set()).add(label)
    return any(
        {"CTX:offhours", "CUE:charge"} <= names and "NOT:extra-cost" not in names
        for names in parts.values()
    )


def _skipped(found) -> bool:
    """A SKIP cue outside every NOTSKIP span: "your current provider" restates history, but
    "handover from your current provider" is a step of the transition."""
    keep = [(s, e) for label, s, e in found if label == "NOTSKIP"]
    return any(
        label == "SKIP" and not any(ks <= s and e <= ke for ks, ke in keep) for label, s, e in found
    )


def _client_duty(sent, found) -> bool:
    """The sentence puts a duty on the client by name or role: the party nearest before its
    first `DUTY` cue ("The firm must approve", "Harrowgate & Finch will name", "The County
    shall:") is the client, or a name that is not the provider's opens the sentence right
    before it. "You/your" are left to strength.party_of ("your account manager will")."""
    duty = next((s for label, s, _ in found if label == "DUTY"), None)
    if not duty:
        return False
    client = {s for label, s, _ in found if label == "WHO:client" and s < duty}
    # the head of the subject is the client ("The firm must"), not a modifier of it ("a named
    # client manager is responsible"); or a name holding the client's ("Harrowgate & Finch");
    # or any name not the provider's under a modal of obligation ("Sac-Bé must name", "Vadehav
    # shall approve"): a vendor states its own duties as "we", and its staff's as "will"
    if duty - 1 in client:
        return True
    # the subject opens the sentence or follows a fronted phrase ("For P1 incidents, Vadehav must")
    start = max((t.i - sent.start + 1 for t in sent[:duty] if t.text == ","), default=0)
    named = _named_subject(sent, start, duty, found, verbs=("DUTY",))
    return named and (bool(client) or sent[duty].lower_ in _OBLIGED)


def _exclusion_lead(sent, found) -> int | None:
    """Token offset where the items of an exclusion lead-in start ("Not in scope: a; b"), or
    None: the lead-in must be followed by its colon."""
    for label, s, e in found:
        if label == "LEADIN:excluded" and e < len(sent) and sent[e].text == ":":
            return e + 1
    return None


def _someone_elses(sent) -> bool:
    """Does the extraction read the sentence's figures as someone else's or the past ("Sector
    surveys put the average first response at about four hours")? Its hedge is not the
    vendor's service level."""
    lo, hi = sent.start_char, sent.end_char
    return any(
        label in _NOT_THE_OFFER and lo <= s < hi
        for label, s, _ in getattr(sent.doc._, "msp_matches", None) or ()
    )


_NOT_THE_OFFER = {"NOT:history", "NOT:other-party", "NOTPREV:other-party"}


def _soft_service_level(sent, found, strength: str) -> bool:
    """soft-sla from the wording of the service level itself, clause by clause, so that a KPI
    or a past figure in one clause does not hide a hedged target in another ("We target 99.8%
    uptime, and aim to resolve 65% of calls on first contact"). A figure of the past is no
    service level ("last year we averaged 12 minutes"); a NOT:soft-sla span is neutral wording
    ("Recovery objectives: RPO 1 hour" names the figures, it does not hedge them)."""
    clauses = _clauses(sent)
    for a, b in clauses if len(clauses) > 1 else [(0, len(sent))]:
        names = {label for label, s, _ in found if a <= s < b}
        if "PAST" in names or "KPI" in names:
            continue
        neutral = [(s, e) for label, s, e in found if label == "NOT:soft-sla" and a <= s < b]
        part = (
            strength
            if (a, b) == (0, len(sent)) and not neutral
            else _strength_outside(sent, a, b, neutral)
        )
        if soft_sla_flag(names, part):
            return True
    return False


def _denied_service_level(names: set[str], sla: bool) -> bool:
    """The vendor itself says a figure is only an aim ("these are targets that we report, not
    service levels", "a KPI for our monthly review, not a commitment"): soft-sla whatever the
    figure measures, a satisfaction rate included, as long as a figure or service level is in
    view; past figures are told, not denied."""
    return "DENY:sla" in names and "PAST" not in names and (sla or "CTX:qty" in names)


def _clauses(sent) -> list[tuple[int, int]]:
    """Token ranges of the clauses of a sentence: cut at ";", "but", "however", "whereas",
    "while" and at ", and" / ", while" between clauses."""
    cuts = [
        t.i - sent.start
        for t in sent
        if t.lower_ in _CONTRAST | {"while"}
        or (t.lower_ in ("and", "while") and t.i > sent.start and t.nbor(-1).text == ",")
    ]
    edges = [0, *cuts, len(sent)]
    return [(a, b) for a, b in zip(edges, edges[1:]) if b > a]


def _strength_outside(sent, a: int, b: int, neutral: list[tuple[int, int]]) -> str:
    """The most cautious strength of the pieces of sent[a:b] outside the `neutral` spans."""
    pieces, at = [], a
    for s, e in sorted(neutral):
        pieces.append((at, s))
        at = max(at, e)
    pieces.append((at, b))
    found = {strength_of(sent[s:e]) for s, e in pieces if e > s}
    return min(found, key=lambda x: -RANK[x]) if found else "binding"


def _custody(sent, found, crit_cues: dict, flag_cues: dict) -> bool:
    """Who keeps the keys, read from the clause rather than from a list of sentences.

    In each clause that holds credentials, documentation or admin rights (a `KEYS` word and a
    holding verb), the holder is the party of the place they are held in ("in the County's
    vault", "with us", "in its own platform": `PLACE` then `WHO:`), else the subject before the
    verb ("The buyer keeps", "Your partners keep", "we store"), else a name that opens the
    clause right before an active holding verb ("Lindehoeve retains", "Tri-Rivers holds":
    a named party that is not the provider is the client). A client holder is
    control-retention and cancels vendor-holds-keys cues of that clause; a provider holder
    cancels control-retention cues there, and a provider's own place raises
    vendor-holds-keys ("are held in Vidyut's PAM vault"). A clause held somewhere that names
    no party at all ("All data is held in UK data centres"), or a third party's keys
    ("Microsoft retains ...": `WHO:other`), raise no flag. A provider that denies holding them
    ("We never keep your administrator passwords") leaves them with the client: True then."""
    denied = False
    ends = [t.i - sent.start for t in sent if t.text in _CLAUSE_CUTS or t.lower_ in _CONTRAST]
    edges = [0, *ends, len(sent)]
    for a, b in zip(edges, edges[1:]):
        inside = [(label, s, e) for label, s, e in found if a <= s < b]
        names = {label for label, _, _ in inside}
        verbs = [s for label, s, _ in inside if label.startswith("HOLD:")]
        mine = [c for c in flag_cues.get("vendor-holds-keys", []) if a <= c[0] < b]
        if not verbs or not ("KEYS" in names or mine):
            continue
        verb = min(verbs)
        who = sorted(
            (s, "client" if label == "WHO:you" else label[4:])
            for label, s, _ in inside
            if label.startswith("WHO:")
        )
        holder, by_place, denies = _holder(sent, a, verb, inside, who)
        denied = denied or denies
        mine = flag_cues.get("vendor-holds-keys", [])
        by_place = by_place and "KEYS" in names
        if holder == "client":
            flag_cues["vendor-holds-keys"] = [c for c in mine if not a <= c[0] < b]
            crit_cues.setdefault("control-retention", []).append((verb, verb + 1))
        elif holder == "provider":
            crit_cues["control-retention"] = [
                c for c in crit_cues.get("control-retention", []) if not a <= c[0] < b
            ]
            if by_place:
                flag_cues.setdefault("vendor-holds-keys", []).append((verb, verb + 1))
        elif holder == "other" or (
            not who and any(label.startswith("PLACE:") and s > verb for label, s, _ in inside)
        ):  # a third party's keys ("Microsoft retains"), or a place of no party's
            flag_cues["vendor-holds-keys"] = [c for c in mine if not a <= c[0] < b]
    for kind in (crit_cues, flag_cues):
        for key in [k for k, v in kind.items() if not v]:
            del kind[key]
    return denied


def _holder(sent, a: int, verb: int, inside, who) -> tuple[str, bool, bool]:
    """Who holds the keys of the clause from `a` with its holding verb at `verb`: the party of
    the place, else the subject; whether a place says so; whether a provider subject denies
    holding them."""
    # the party nearest before the verb: "We work with your team, who keep their rights"
    subject = next((side for s, side in reversed(who) if s < verb and side != "self"), "")
    if not subject and _named_subject(sent, a, verb, inside):
        subject = "client"
    place, by_place = "", False
    for s, side in who:
        if s > verb and _held_at(s, inside):
            place, by_place = (subject if side == "self" else side), True
            break
    if subject == "provider" and _denied(sent, a, verb):
        return "client", by_place, True
    return place or subject, by_place, False


def _denied(sent, start: int, verb: int) -> bool:
    """The holding verb at `verb` is negated in its own clause ("we never keep", "we don't
    hold")."""
    return any(t.lower_ in _DENIALS for t in sent[max(start, verb - 3) : verb])


_DENIALS = {"not", "n't", "never", "no"}


def _held_at(at: int, inside) -> bool:
    """The party mention at `at` is where the keys are held: it follows a place word that
    comes right after a holding verb ("held in Vidyut's vault", "remain with us") or right
    after the keys themselves ("credentials only in the County's vault"; not "shares them
    with the client", which gives them away, nor "raise changes in our portal")."""
    for label, p, _ in inside:
        if not (label.startswith("PLACE:") and at - 3 <= p < at):
            continue
        for other, s, e in inside:
            near = p - 2 <= e - 1 < p
            if near and (other.startswith("HOLD:") or (other == "KEYS" and label == "PLACE:in")):
                return True
    return False


def _named_subject(sent, a: int, verb: int, inside, verbs=("HOLD:verb",)) -> bool:
    """The clause opens with a proper name right before an active holding verb (or a duty):
    capitalised words (joined by hyphens or "&") that no cue claims, not the provider's."""
    if not any(label in verbs and s == verb for label, s, _ in inside):
        return False
    words = [t for t in sent[a:verb] if not (t.is_punct and t.text not in "-&")]
    if not words or len(words) > 4:
        return False
    claimed = {
        i for label, s, e in inside if not label.startswith(("WHO:", "COL:")) for i in range(s, e)
    }
    return all(
        (t.text in "-&" or (t.is_title and not t.is_stop))
        and t.i - sent.start not in claimed
        and t.ent_type_ != "provider"
        for t in words
    ) and not any(label in _NOT_NAMED and a <= s < verb for label, s, _ in inside)


# "Provider shall appoint a named manager": the vendor's own role word is no name of another
_NOT_NAMED = ("WHO:other", "WHO:provider")


class _Contrasts:
    """The parts of a sentence that "but", "however", "whereas" or a semicolon set against
    each other, each with its own strength: in "no service credits apply, but service levels
    are reported monthly" the reporting is binding, the credits excluded."""

    def __init__(self, sent, neutral: list[tuple[int, int]] = ()):
        start = getattr(sent, "start", 0)  # a Span, or a whole Doc
        # a purpose clause has its own strength: "The firm must approve each change, so that
        # work is not held up" is no negated duty
        cuts = [
            t.i - start
            for t in sent
            if t.lower_ in _CONTRAST
            or (t.lower_ == "so" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ in ("that", "as"))
        ]
        edges = [0, *cuts, len(sent)]
        self.parts = [(a, b) for a, b in zip(edges, edges[1:]) if b > a]
        self.sent = sent
        # a condition or double negative ("that is not back in service", "will not change
        # without your consent") sets no strength: it is read around, not in
        self.neutral = list(neutral)
        self.whole = self._of(0, len(sent))
        self._memo: dict[tuple[int, int], str] = {}

    def _of(self, a: int, b: int) -> str:
        inside = [(s, e) for s, e in self.neutral if a <= s < b]
        if not inside:
            return strength_of(self.sent[a:b])
        return _strength_outside(self.sent, a, b, [(s, min(e, b)) for s, e in inside])

    def part(self, at: int) -> int:
        """The index of the part holding token offset `at`."""
        return next((i for i, p in enumerate(self.parts) if p[0] <= at < p[1]), 0)

    def strength(self, at: tuple[int, int]) -> str:
        """The strength of the part holding the cue that starts at `at[0]`."""
        if len(self.parts) < 2:
            return self.whole
        part = next((p for p in self.parts if p[0] <= at[0] < p[1]), self.parts[0])
        if part not in self._memo:
            self._memo[part] = self._of(*part)
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


# a header row whose first cell counts steps of a plan: "Week | What happens", "Phase | Dates"
# (a "Step" or "Stage" only beside a column of time: an escalation ladder has steps too)
_TIMETABLE = re.compile(
    r"\s*(?:(?:week|wk|phase|milestone|wave)s?\s*(?:\(.*?\))?\s*\|"
    # "Stage | Weeks | Deliverables": a stage or step beside a column of time
    r"|(?:stage|step)s?\s*\|.*\b(?:weeks?|wks?|dates?|days|months?|timing|when)\b)",
    re.I,
)


def _priced(doc) -> bool:
    """A table row whose cells after the first include a bare amount: a line of a price list
    ("Onboarding project | one time | $15,000.00", "Security awareness training | per session |
    650.00")."""
    return any(_amount_first(c) for c in _cells(doc)[1:])


def _amount_first(cell) -> bool:
    """A cell that is an amount, alone or with a word or two of terms ("650.00", "DKK 39.000
    fixed", "$1,200 one-off"); a plain count ("4") or "24x7" is none. Amounts are read as
    quantities.py reads them."""
    text = cell.text.strip()
    money = [q for q in quantities.find_money(text) if q.start == 0]
    if money:
        return len(text[money[0].end :].split()) <= 2
    return quantities.bare_number(text) is not None and bool(re.search(r"[.,]", text))


def _cells(doc) -> list:
    """The cells of a table row passage ("a | b | c") as spans of `doc`."""
    cuts = [-1, *(t.i for t in doc if t.text == "|"), len(doc)]
    return [doc[a + 1 : b] for a, b in zip(cuts, cuts[1:])]


_YES_NO = re.compile(
    r"\s*(?:question\.\s*)?(?:do|does|did|is|are|was|were|will|would|can|could|shall|should"
    r"|may|might|must|has|have|had)\b",
    re.IGNORECASE,
)
_AFFIRMS = re.compile(r"\s*(?:answer\.\s*)?(?:yes|only|sometimes|occasionally|at times)\b", re.I)


def _affirmed(sentence: str, answer: str) -> bool:
    """Whether a sentence states what it says: a question does only where it asks yes or no
    and the answer after it says yes ("Does the clock ever stop?" / "Only while we wait on
    your reply.")."""
    if not sentence.rstrip().endswith("?"):
        return True
    return bool(_YES_NO.match(sentence) and _AFFIRMS.match(answer))


def _looks_like_heading(doc) -> bool:
    """A short title-case line with no closing full stop ("Appendix B: Responsibilities (RACI)").
    A bullet is an item ("- Named Service Delivery Manager: Thandeka Nkosi")."""
    if not 0 < len(doc) <= 10 or doc[-1].text in ".!?" or doc.text[:1] in _BULLETS:
        return False
    words = [t for t in doc if t.is_alpha]
    return bool(words) and all(t.is_title or t.is_upper or t.is_stop for t in words)


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
