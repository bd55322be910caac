"""How firmly a sentence commits (binding, soft, conditional, excluded) and who it binds.

Who it binds also rests on names: `Parties` marks the client's and the provider's names as
`client` and `provider` entities, which the patterns match as `{"ENT_TYPE": "client"}`.

Cues are spaCy Matcher token patterns in `patterns/strength.jsonl` (labels EXCLUDED,
NOREMEDY ("no credit is paid": excluded only where the remedy itself is read), CONDITIONAL, SOFT, BINDING, OK, PARTY:client, PARTY:client!, PARTY:provider), so wording
can be added without touching Python. Where cues compete the most cautious reading wins:
excluded > conditional > soft > binding. A sentence with no cue is binding, because
proposals state most services plainly ("Our helpdesk operates 24x7"). An OK match
("no later than", "at no additional cost", "will not exceed") cancels the cues it overlaps.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile
from typing import Sequence

from msp_select.extract.nlp import IndexedMatcher, load_patterns, span_matches
from msp_select.extract.priorities import parse_level
from msp_select.vocab import MOST_CAUTIOUS_FIRST

PRECEDENCE = tuple(s.value for s in MOST_CAUTIOUS_FIRST)  # the most cautious reading wins
_LABELS = {
    "EXCLUDED": "excluded",
    "NOREMEDY": "excluded",
    "CONDITIONAL": "conditional",
    "OPTION": "conditional",  # an option bought on top ("optional", "add-on"): see cues
    "SOFT": "soft",
    "BINDING": "binding",
}
# the client's own duties; a heading naming them by the client's name ("TFCU obligations")
# is the client's too, while its "requirements" are what it asks of the provider
_DUTIES = r"responsibilit|obligation|dut(?:y|ies)|undertaking"
_CLIENT_HEADING = re.compile(
    rf"\b(?:client|customer|your|you|purchaser|buyer)(?:'s|’s|s)?\b.*\b(?:{_DUTIES}"
    r"|dependenc|requirement|commitments|prerequisite|assumption|role|part\b|provides?\b)"
    r"|\b(?:need|require|expect|ask)\s+(?:of|from)\s+(?:you|the client|the customer)\b"
    r"|\bwhat you (?:need to|must|will|should) do\b",
    re.IGNORECASE,
)
# "Governance, people and the Bank's part", "Reporting and customer responsibilities": the
# client's duties as the last of several topics, which leaves each passage to its own subject
_TOPIC_JOIN = r"(?:,|;|&|\band\b)\s*(?:the\s+)?"
_AMONG_TOPICS = re.compile(_TOPIC_JOIN + r"$", re.IGNORECASE)
_NAMED_AMONG_TOPICS = re.compile(_TOPIC_JOIN + r"(?:[\w-]+\s+){0,2}[\w-]+(?:['’]s\s+)?$")


def _client_heading(heading: str) -> bool:
    """Does the heading (or lead-in) name the client's duties as its subject?"""
    m = _CLIENT_HEADING.search(heading or "")
    return bool(m) and not _AMONG_TOPICS.search(heading[: m.start()])


_CONDITION = re.compile(
    r"\s*(?:\(?\d+(?:\.\d+)*[.)]?\s+|\([a-z]\)\s+)?(?:provided(?: that)?|if|where|when|unless|as long as|subject to|on condition that)\b",
    re.IGNORECASE,
)
_MATCHERS: dict[int, object] = {}


def _matcher(vocab):
    """One Matcher per vocabulary (a pipeline), built on first use."""
    key = id(vocab)
    if key not in _MATCHERS:
        m = IndexedMatcher(vocab)
        for row in load_patterns(("strength.jsonl",)):
            m.add(row["label"], [row["pattern"]])
        _MATCHERS[key] = (vocab, m)  # keep vocab alive so its id is never reused
    return _MATCHERS[key][1]


def cues(span) -> list[tuple[str, int, int]]:
    """(label, start, end) token offsets within `span`, with OK-cancelled cues removed."""
    found = span_matches(span, _matcher(span.vocab), "strength")
    ok = [(s, e) for label, s, e in found if label == "OK"]
    return sorted(
        (label, s, e)
        for label, s, e in found
        if label != "OK" and not any(s < oe and os < e for os, oe in ok)
    )


def strength_of(span, remedies: bool = True, skip=lambda s, e: False) -> str:
    """binding | soft | conditional | excluded for a sentence or clause (a spaCy Span or Doc).

    With `remedies=False` "no credit is paid" says nothing: the figure it follows still stands.
    `skip(start, end)` says which cues (token offsets) to pass over.
    """
    if span is None or not len(span):
        return "binding"
    found = [(label, s, e) for label, s, e in cues(span) if not skip(s, e)]
    remedy = [(s, e) for label, s, e in found if label == "NOREMEDY"]
    # "we aim to ..., though we would rather not promise it": an aim whose promise is
    # declined is still an aim, not a service ruled out
    aimed = any(label == "SOFT" for label, _, _ in found)
    declined = [(s, e) for label, s, e in found if label == "UNPROMISED"] if aimed else []
    seen = {
        _LABELS[label]
        for label, s, e in found
        if label in _LABELS
        and (remedies or not any(s < re_ and rs < e for rs, re_ in remedy))  # "no service credits"
        and not (label == "EXCLUDED" and any(s < de and ds < e for ds, de in declined))
    }
    return next((s for s in PRECEDENCE if s in seen), "binding")


def party_of(span, heading: str = "") -> str:
    """ "client" when the client is the one obliged, else "provider".

    A strong client cue ("the Client's responsibility", "we require you to") decides alone;
    otherwise the first subject cue wins (client + obligation verb vs we/our/the provider);
    with no subject cue a heading such as "Client responsibilities" decides.
    """
    if span is None or not len(span):
        return "client" if _client_heading(heading) else "provider"
    # "Provided that the client maintains X, faults will be fixed": the client is the subject of
    # the condition, not of the promise, so subjects inside a leading condition do not count
    lead = _CONDITION.match(span.text)
    skip_to = span.text.find(",", lead.end()) if lead else -1
    first = span[0].idx
    found = [
        (s, -(e - s), label)
        for label, s, e in cues(span)
        if label.startswith("PARTY:")
        and not (skip_to > 0 and span[s].idx - first < skip_to)
        and not _relative(span, s)
        and not (label.startswith("PARTY:client") and _object(span, s))
        and span[s].ent_iob_ != "I"  # ("First Party": the name is read from its first word)
        and (label != "PARTY:client-acts" or _acts_within(span, s))
    ]
    if (
        any(label == "PARTY:client!" for _, _, label in found)
        or _answers_provider(span)
        or _timed_from_provider(span)
    ):
        return "client"
    if found:
        return "client" if min(found)[2] in ("PARTY:client", "PARTY:client-acts") else "provider"
    return "client" if _client_heading(heading) else "provider"


def _acts_within(span, i: int) -> bool:
    """ "Your IT lead approves emergency changes within 1 hour", "the customer's contact must
    be reachable within 30 minutes": a client's person (`PARTY:client-acts`) who opens the
    statement and acts within a time is the one obliged, whatever the act. Not one inside
    another clause ("a board that the Client's IT manager attends"), nor one described
    ("your IT team works in our queue")."""
    before = _word_before(span, i)
    opens = before is None or before.is_punct or before.is_space or _set_scene(span, i)
    return opens and bool(_WITHIN.search(span[i:].text))


_SCENE = ("for", "during", "in", "on", "after", "outside", "at")


def _set_scene(span, i: int) -> bool:
    """A short phrase that says when, before the person ("For a Priority 1 incident, the
    Customer's shift supervisor calls back within 20 minutes"), still lets the person open
    the statement."""
    k = i
    while k > 0 and not (span[k - 1].is_punct or span[k - 1].is_space) and i - k < 8:
        k -= 1
    while k < i and span[k].like_num:
        k += 1  # a clause's number ("3.4.1")
    return (
        k < i
        and (k == 0 or span[k - 1].is_punct or span[k - 1].is_space)
        and (span[k].lower_ in _SCENE)
    )


def _word_before(span, i: int):
    """The token before a name at `i`, past its articles ("with the Trust's"); None at the
    start."""
    k = i - 1
    while k >= 0 and span[k].lower_ in _ARTICLES:
        k -= 1
    return span[k] if k >= 0 else None


# the words that bound the time within which something must be done ("within", "no later than")
DEADLINE = r"(?:within|inside(?:\s+of)?|no\s+later\s+than|not\s+later\s+than)"
# (a deadline word before a time: "inside your own tenant" is a place)
_WITHIN = re.compile(
    rf"\b{DEADLINE}\s+(?:an?\s+|half\s+an?\s+|the\s+next\s+)?(?:\d|[a-z-]+\s+(?:minutes?|hours?"
    r"|days?|weeks?|business|working)|hour\b|day\b)",
    re.IGNORECASE,
)


def _object(span, i: int) -> bool:
    """A client named after a preposition is no subject: "A quarterly review with the Trust's
    ICT Lead covers tickets" obliges the provider. (The provider so named still decides: "...
    allocates each activity to the Provider, the Customer or both" is no client duty.)"""
    before = _word_before(span, i)
    possessed = i + 1 < len(span) and span[i + 1].lower_ in ("'s", "’s")
    if before is None or (before.lower_ == "to" and span[i].is_lower and not possessed):
        return False  # "someone on your team to call us back": "to" before a verb
    return before.lower_ in _PREPOSITIONS


_PREPOSITIONS = {"with", "to", "from", "by", "for", "between", "and", "of", "among", "via"}


def _timed_from_provider(span) -> bool:
    """ "Your IT coordinator confirms the impact within 30 minutes of our first response",
    "Hoshizora confirms a P1 within 30 minutes of our call": a time that runs from the
    provider's own call, request or response (`CLOCK:ours` in strength.jsonl) times whoever
    answers it, the client when the words before it name the client and not the provider
    ("We restore service within 4 hours of our first response" is the provider's)."""
    for label, s, _ in cues(span):
        if label == "CLOCK:ours":
            # after a colon the statement starts again ("we need your side too: your Head of
            # IT confirms ...")
            colons = [t.i - span.start for t in span[:s] if t.text == ":"]
            before = span[colons[-1] + 1 if colons else 0 : s]
            if not any(t.lower_ in _SUBJECTS or t.ent_type_ == "provider" for t in before):
                # (or someone named before the verb, "The plant's duty officer confirms ...":
                # whoever acts within a time of our call is not us)
                return any(
                    t.lower_ in _YOURS
                    or t.ent_type_ == "client"
                    or t.text in _CLIENT_WORDS
                    or t.lower_ in ("'s", "\u2019s")
                    for t in before
                )
    return False


_YOURS = {"your", "yours"}
_RELATIVE = {"that", "which", "whom"}
_SUBJECTS = {"we", "our"}  # "us" is never the subject: "someone who can let us in and answer"


def _answers_provider(span) -> bool:
    """ "Each office's contact must acknowledge a call from our engineers", "a deputy who
    replies to Sycamore", "the site lead shall return the provider's calls": whoever answers
    the provider's call, request or question (`ANSWERS` in strength.jsonl) is the client,
    unless the provider is the one answering ("We acknowledge every alert from our
    monitoring")."""
    return any(label == "ANSWERS" and not _provider_answers(span, s) for label, s, _ in cues(span))


def _provider_answers(span, verb: int) -> bool:
    """Whether the subject of the answering verb at `verb` is the provider: the words back to
    the clause's start (past "While a Code Red is open,"), or the few before a relative "who"
    ("a named contact at each park who returns our call")."""
    words = []
    for k in range(verb - 1, -1, -1):
        t = span[k]
        if t.lower_ in _RELATIVE_SUBJECTS:
            words = list(span[max(0, k - 3) : k])
            break
        if t.text in (":", ";", ","):
            break
        words.append(t)
    return any(t.lower_ in _SUBJECTS or t.ent_type_ == "provider" for t in words)


_RELATIVE_SUBJECTS = (_RELATIVE - {"whom"}) | {"who"}


def _relative(span, i: int) -> bool:
    """A subject inside a relative clause after the figure ("99.95%, leaving out windows that
    you have agreed") qualifies a noun; it is not who makes the promise. So does one right
    after an article's noun, "that" left out ("restored, or a workaround the Court accepts")."""
    if i > 0 and span[i - 1].lower_ in _RELATIVE:
        return any(t.like_num or "%" in t.text for t in span[: i - 1])
    if span[i].lower_ == "the" and i + 1 < len(span):
        i += 1  # the cue "the customer accepts" as "customer accepts"
    k = i - 1 if i > 0 and span[i - 1].lower_ == "the" else i
    named = span[i].ent_type_ in ("client", "provider") or span[i].text in _CLIENT_WORDS
    return (
        named
        and k >= 2
        and span[k - 2].lower_ in _ARTICLES
        and span[k - 1].is_alpha
        and span[k - 1].lower_ not in _ARTICLES
        # "After the meeting the client shall approve": a modal makes it the main clause
        and not any(t.lower_ in _MODALS for t in takewhile(lambda t: not t.is_punct, span[i:]))
    )


_ARTICLES = {"a", "an", "any", "each", "every", "the"}
_MODALS = {"shall", "will", "must", "should", "may", "can", "would", "could"}


@dataclass(frozen=True)
class Parties:
    """The names the two parties go by in one vendor's documents ("Corrib Valley Housing
    Association", "Lough Derg Digital"), each with its short forms ("Corrib", "CVHA").

    `mark` makes their mentions `client` and `provider` entities, so "Corrib must name a deputy"
    reads like "the customer must name a deputy" and "held by Lough Derg engineers" like "held
    by our engineers". `heads` are the last words of the client's name that the documents use
    as its short name ("Murray Basin Health Network" -> "the Network"): a head is the client
    after "the" or alone in a table cell, never inside a longer name ("the Network Operations
    Centre").
    """

    client: tuple[str, ...] = ()
    provider: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()
    # the names of two words or more the documents address as the client (shared_clients)
    addressed: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        vendor: str,
        documents: Sequence,
        found: Sequence | None = None,
        known: Sequence[str] = (),
    ) -> "Parties":
        """The client is the name the documents address ("Proposal for X", "Response to X" in
        a title or running head) or the other party of a contract's parties clause; the
        provider is the vendor's own strongest name. `found` is company.candidates for these
        documents when the caller has them already. A party's defined term ('Red Cedar
        Regional Transit Commission (the "Commission")') is one of its names. `known` are the
        names the other vendors' documents address (shared_clients): one these documents
        mention is the client's, though they never address it ("Tender for managed ICT
        services to Kurrajong Valley Schools Trust")."""
        from msp_select import company

        if found is None:
            found = company.candidates(vendor, documents)
        own = _own_name(found)
        text = " ".join(b.text for doc in documents for b in doc.blocks)
        clients, aliases = _addressed(vendor, documents, found, own, text)
        addressed = _long_names(clients)
        if known:
            said = f" {company.norm(' '.join(t for d in documents for t in company._text_of(d)))} "
            words = set(re.findall(r"\b[A-Z][A-Z0-9]{2,}\b", text))
            # (or by its initials alone: "CMPP keeps the administrator accounts", the run's
            # client being "Compañía Minera Pichu Pichu S.A.A.")
            clients += [
                n
                for n in known
                if (f" {company.key(n)} " in said or _initials_of(n) & words) and not _same(n, own)
            ]
        entered = _party_entries(documents, own, clients)
        for side, names in entered.items():
            aliases[side] += [alias for _, alias in names]
        clients += [name for name, _ in entered["client"]]
        for block in (b for doc in documents for b in doc.blocks[:_PARTIES_BLOCKS]):
            # 'St. Brigid's Housing Association CLG (the "Authority")': the client's defined term
            aliases["client"] += [
                m["x"]
                for m in _DEFINED.finditer(block.text)
                if any(_same_name(m["name"], c) for c in clients)
            ]
        provider = set(_forms([own]) if own else ()) | set(aliases["provider"])
        client = set(_forms(clients)) | set(aliases["client"]) | _tails_called(clients, text)
        heads = {h for h in map(_head, clients) if _called(text, h)} - provider
        heads |= _kinds(text, clients) - provider
        # a role the client designates ("The County shall designate a Library Systems
        # Liaison") is the client's: "the Liaison shall respond ..." obliges the client
        roles = _designated(text, client - provider)
        heads |= {role.split()[-1] for role in roles} - provider
        client |= roles
        return cls(
            tuple(sorted(client - provider)),
            tuple(sorted(provider - client)),
            tuple(sorted(heads)),
            addressed,
        )

    def side(self, text: str) -> str:
        """'provider' or 'client' when `text` names that party by name, else ''; naming both,
        the one it names first ("Sawaed's operating level to Corniche" is Sawaed's)."""
        first: dict[str, int] = {}
        for label, forms in (("provider", self.provider), ("client", self.client)):
            at = [
                m.start()
                for f in forms
                for m in [re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text)]
                if m
            ]
            if at:
                first[label] = min(at)
        if first:
            return min(first, key=lambda label: (first[label], label != "provider"))
        return "client" if any(_called(text, h) for h in self.heads) else ""

    def mark(self, doc) -> None:
        """Set `client` / `provider` entities on every mention of a name in `doc`."""
        if not (self.client or self.provider or self.heads) or not len(doc):
            return
        from spacy.tokens import Span
        from spacy.util import filter_spans

        strings = doc.vocab.strings
        spans = [
            Span(doc, s, e, "client" if strings[key] == "head" else strings[key])
            for key, s, e in _names_matcher(self, doc.vocab)(doc)
            if strings[key] != "head" or _short_name(doc, s)
        ]
        if spans:
            doc.set_ents(filter_spans(spans), default="unmodified")


def _party_entries(documents: Sequence, own: str, clients: Sequence[str]) -> dict:
    """{side: [(name, defined term)]} from an agreement's list of parties, one entry a party
    ('PT Sekar Jati Furnitama, a limited liability company ..., hereinafter called PARTY ONE;',
    'Second: Amoun Technology Services, ... (hereinafter the "Second Party")'): the vendor's
    entry is the provider's, an entry naming a known client or, of two entries, the other
    one is the client's (and of two, the one that is not the client's is the vendor's); a
    third party's entry is neither."""
    from msp_select import company

    entries = [
        (m["name"].strip(), m["x"].strip())
        for doc in documents
        for block in doc.blocks[:_PARTIES_BLOCKS]
        if (m := _PARTY_ENTRY.match(block.text))
    ]

    def mine(name: str) -> bool:
        return bool(own) and (
            _same_name(name, own) or f" {company.key(own)} " in f" {company.key(name)} "
        )

    out: dict[str, list] = {"provider": [], "client": []}
    others = [(n, x) for n, x in entries if not mine(n)]
    out["provider"] = [(n, x) for n, x in entries if mine(n)]
    out["client"] = [(n, x) for n, x in others if any(_same_name(n, c) for c in clients)]
    if not out["client"] and len(entries) == 2 and len(others) == 1:
        out["client"] = others
    if len(entries) == 2 and len(out["client"]) == 1 and not out["provider"]:
        out["provider"] = [e for e in entries if e not in out["client"]]  # the vendor's own
    return out


# one entry of a list of parties: its name, then the term it is called by
_PARTY_ENTRY = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s*|[-•]\s*|(?:First|Second|Third|Fourth)\s*:\s*)?"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,6}),.{0,400}?\bhereinafter\s+"
    r"(?:(?:called|referred\s+to\s+as|named|known\s+as|designated\s+as)\s+)?(?:the\s+)?"
    r"[\"“']?(?P<x>[A-Z][\w -]{1,30}?)[\"”']?\s*(?:[);,.]|$)",
    re.DOTALL,
)


def _own_name(found: Sequence) -> str:
    """The vendor's own strongest name among company.candidates (none when unsure)."""
    from msp_select import company

    return next(
        (
            c.text
            for c in found
            if not c.recipient
            and c.score >= company.CONFIDENT
            # "respond to Critical incidents": a level word is no company
            and not (len(c.text.split()) == 1 and parse_level(c.text, words_only=True))
        ),
        "",
    )


def client_names(vendor: str, documents: Sequence, found: Sequence | None = None) -> tuple:
    """The names of two words or more that one vendor's documents address as the client (see
    Parties.of), for shared_clients."""
    from msp_select import company

    if found is None:
        found = company.candidates(vendor, documents)
    text = " ".join(b.text for doc in documents for b in doc.blocks)
    clients, _ = _addressed(vendor, documents, found, _own_name(found), text)
    return _long_names(clients)


def _long_names(names: Sequence[str]) -> tuple[str, ...]:
    """The names of two words or more: a one-word name ("Council") is no name to share."""
    return tuple(sorted({n for n in names if len(n.split()) > 1}))


def shared_clients(named: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The client's name as the vendors of one run address it: a name (or a longer form of
    it: "Brattøy Laks" in "Brattøy Laks AS") that the documents of two vendors or more
    address. One vendor's stray guess ("Tenders SBHA-2026-014") is nobody else's."""
    from msp_select import company

    keyed = [{company.key(n): n for n in sorted(names, key=len)} for names in named]
    counted: dict[str, str] = {}
    for names in keyed:
        for k, n in names.items():
            if sum(any(o == k or o.startswith(k + " ") for o in other) for other in keyed) > 1:
                counted[k] = max(counted.get(k, ""), n, key=lambda x: (len(x), x))
    return tuple(
        sorted(n for k, n in counted.items() if not any(o.startswith(k + " ") for o in counted))
    )


def _same_name(a: str, b: str) -> bool:
    """One name is the other or begins it, word for word ("St. Brigid's Housing Association"
    and "St Brigid's Housing Association CLG")."""
    from msp_select import company

    x, y = sorted((company.key(a), company.key(b)), key=len)
    return bool(x) and len(x.split()) > 1 and (y == x or y.startswith(x + " "))


def _addressed(vendor: str, documents: Sequence, found: Sequence, own: str, text: str):
    """(client names, defined terms per side) the documents give: the names they address, the
    other party of a parties clause, the name a title pairs with the vendor's."""
    clients = [c.text for c in found if c.recipient]
    aliases: dict[str, list[str]] = {"client": [], "provider": []}
    for doc in documents:
        for line in (doc.title, *doc.running):
            clients += [_POSSESSIVE.split(m.group(1))[0] for m in _ADDRESSED.finditer(line or "")]
        for block in doc.blocks[:_PARTIES_BLOCKS]:
            clients += [m.group(1) for m in _CLIENT_LABEL.finditer(block.text)]
            for m in _PARTIES_CLAUSE.finditer(block.text):
                for name, alias in ((m["a"], m["x"]), (m["b"], m["y"])):
                    side = "provider" if _forms([name])[:1] and _same(name, own) else "client"
                    aliases[side].append(alias)
                    if side == "client":
                        clients.append(name)
            # 'the service levels that Tessier Réseaux ("Tessier") provides to Institut
            # Lambert-Closse ("ILC")': one sentence defines both parties, the vendor first
            defined = [(m["name"], m["x"]) for m in _DEFINED.finditer(block.text)]
            if len(defined) == 2 and own and _same(defined[0][0], own):
                (_, mine), (name, alias) = defined
                aliases["provider"].append(mine)
                aliases["client"].append(alias)
                clients.append(name)
            # 'Managed IT Support Services for St. Brigid's Housing Association CLG (the
            # "Authority")': a name the opening addresses and defines
            for m in _DEFINED.finditer(block.text):
                if _FOR_TO.search(block.text[: m.start()]) and not (own and _same(m["name"], own)):
                    aliases["client"].append(m["x"])
                    clients.append(m["name"])
    clients += [
        n
        for doc in documents
        for line in (doc.title, *_title_page(doc, vendor, own))
        for n in _titled(line, vendor, own, found, text)
    ]
    called = [c.text for c in found if not c.recipient and _called(text, _head(c.text)) > 1]
    # a name the documents go on to call "the Network" is the client's (not a fragment of it)
    clients += [c for c in called if not any(d.endswith(" " + c) for d in called)]
    # "for RED and AMBER" addresses a priority level, not a party
    clients = [
        c
        for c in clients
        if not (own and _same(c, own))
        and not (len(c.split()) == 1 and parse_level(c, words_only=True))
        # "Managed IT Plans for Business": a word the text writes in lower case is no name
        and not (len(c.split()) == 1 and re.search(rf"\b{re.escape(c.lower())}\b", text))
    ]
    return clients, aliases


def _kinds(text: str, clients: Sequence[str]) -> set[str]:
    """The kind of body the client is, in the documents' language ("Cooperativa ..." is "the
    cooperative", "Institut ..." "the Institute"), when they call it that more than once."""
    stems = {
        w.lower()[:-1]
        for name in clients
        for w in name.split()
        if len(w) >= 6 and w.isalpha() and w[0].isupper()
    }
    said = Counter(m.group(1) for m in re.finditer(r"\b[Tt]he ([A-Za-z]{6,})\b", text))
    return {
        w
        for w, n in said.items()
        if n > 1
        and any(w.lower().startswith(s) or s.startswith(w.lower()[:-1]) for s in stems)
        and _called(text, w)
    }


def _designated(text: str, client: set[str]) -> set[str]:
    """Capitalised roles the client designates, appoints or names ("The Customer shall appoint
    a Site Coordinator")."""
    names = "|".join(re.escape(c) for c in sorted(client | _CLIENT_WORDS, key=len, reverse=True))
    return {m["role"] for m in re.finditer(_DESIGNATES.format(names), text)}


_CLIENT_WORDS = {"Customer", "Client", "Purchaser", "Buyer", "customer", "client"}
_DESIGNATES = (
    r"\b(?:{})\s+(?:shall|will|must|agrees\s+to|is\s+to)\s+(?:designate|appoint|nominate|name)"
    r"\s+(?:a|an|one|its)\s+(?P<role>(?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*)"
)


@lru_cache(maxsize=8)
def _names_matcher(parties: Parties, vocab):
    """A PhraseMatcher of the parties' names, word for word (token texts): one pass over a
    passage finds every mention, where trying each name at each token took one per name."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(vocab, attr="ORTH")
    for label, forms in (
        ("client", parties.client),
        ("provider", parties.provider),
        ("head", parties.heads),
    ):
        if forms:
            matcher.add(label, [Doc(vocab, words=_words(f)) for f in forms])
    return matcher


def _words(name: str) -> list[str]:
    """A name's tokens as the tokenizer cuts them: "Sac-Bé" is "Sac", "-", "Bé"."""
    return [w for part in name.split() for w in re.split(r"(?<=\w)(-)(?=\w)", part) if w]


def _short_name(doc, i: int) -> bool:
    """The head word at `i` stands for the client: "the Network must ...", or a table cell of
    its own ("Activity | Riverina | Network"); not "the Network Operations Centre"."""
    before = doc[i - 1].lower_ if i else "|"
    after = doc[i + 1] if i + 1 < len(doc) else None
    if before == "the":
        return after is None or not (after.is_title or after.is_upper)
    return before == "|" and (after is None or after.text == "|")


def _titled(title: str, vendor: str, own: str, found: Sequence, text: str) -> list[str]:
    """The other party a title names beside the vendor ("Saimaa Systems - Managed Service
    Proposal, Vadehav Ferry Line A/S", "Harbourline Freight x Lantern Bay"): a part of the
    title that the documents' names (company.candidates) hold, of two words or more, not the
    vendor's and not a document's name ("Call-Off Order Form", "Schedule 2")."""
    from msp_select import company

    named = {company.key(c.text) for c in found if c.score >= company.CONFIDENT}
    papers = company._lexicon()["document_words"]
    mine = set(vendor.split("-")) | {w.lower() for w in own.split()}
    out = []
    for seg in (p for part in company._segments(title) for p in _PAIRED.split(part)):
        seg = _POSSESSIVE.split(seg)[0].strip()
        words = seg.split()
        if (
            # (initials alone are the client's short name when the text goes on to use them)
            (
                (len(words) >= 2 and company.key(seg) in named)
                or (_ACRONYM.fullmatch(seg) and len(re.findall(rf"\b{seg}\b", text)) >= 3)
            )
            and not any(ch.isdigit() for ch in seg)
            and not any(company.norm(w) in mine | papers for w in words)
        ):
            out.append(seg)
    return out


def _title_page(doc, vendor: str, own: str) -> list[str]:
    """The short lines that open a document, or run at the head of its pages, and name the
    vendor ("KCGC / Kundasang Systems - Managed IT Services Agreement"): its title as set."""
    from msp_select import company

    first = [b.text for b in doc.blocks[: company.FIRST_BLOCKS]] + list(doc.running)
    mine = [w for w in (own.split()[:1] or vendor.split("-")[:1]) if len(w) > 2]
    return [
        t
        for t in first
        if len(t.split()) <= company.CUE_WORDS
        and any(re.search(rf"\b{re.escape(w)}\b", t, re.IGNORECASE) for w in mine)
    ]


_ACRONYM = re.compile(r"[A-Z]{3,6}")  # "KCGC / Kundasang Systems": the client by its initials
_PAIRED = re.compile(r"\s+(?:[xX×/]|and)\s+")  # "Harbourline Freight x Lantern Bay", "A and B"
_POSSESSIVE = re.compile(r"['’]s\b")  # "Egådalen Forsyning's IT": the name is the owner


def _called(text: str, head: str) -> int:
    """How often `text` calls a party "the <head>" ("the Network's sites")."""
    return len(re.findall(rf"\b[Tt]he {re.escape(head)}\b(?!\s+[A-Z])", text)) if head else 0


def _head(name: str) -> str:
    """The last word of an organisation's name, legal form dropped ("Murray Basin Health Network
    Ltd" -> "Network"), when it can stand for the name as "the Network"."""
    from msp_select import company

    words = name.split(",")[0].split()
    while len(words) > 1 and company.norm(words[-1]) in company._lexicon()["suffixes"]:
        words.pop()
    last = words[-1] if len(words) > 1 else ""
    return last if last.isalpha() and last.istitle() and len(last) > 2 else ""


# a name right after "for" or "to" in a title or running head: the client the document addresses
# (not a place that qualifies a common noun: "stable IT for the Hamamatsu plant")
_ADDRESSED = re.compile(
    r"\b(?:for|to)\s+(?:the\s+(?:[a-z]+\s+){1,2}of\s+)?(?:the\s+)?((?:[A-Z][\w&'’-]*\s+){0,5}[A-Z][\w&'’-]*)"
    r"(?![\w&'’-]|\s+[a-z])"
)
# a contract's parties clause: 'between A (the "Supplier") and B (the "Commission")', quoted or not
# '("Commission")', '(the "Supplier")', '(hereinafter "Principal" / Auftraggeber)': a defined
# term, perhaps with the same term in another language after it
_TERM = (
    r"\(\s*(?:hereinafter(?:\s+(?:called|referred\s+to\s+as))?\s+)?(?:the\s+)?[\"“'‘]?"
    r"(?P<{}>[A-Z][\w -]{{1,30}}?)[\"”'’]?(?:\s*[/;]\s*[^()]{{1,40}})?\s*\)"
)
_PARTIES_CLAUSE = re.compile(
    r"\b[Bb]etween\s+(?P<a>[^()]{2,150}?),?\s*" + _TERM.format("x") + r"\s*,?\s*and\s+"
    r"(?P<b>[^()]{2,150}?),?\s*" + _TERM.format("y")
)
# the client named on a cover's label ("Customer: Thornbury Grammar School Foundation.") or as
# the issuer of the tender answered ("Request for Tender TGSF-01, issued by Thornbury ...")
_CLIENT_LABEL = re.compile(
    r"(?:(?:^|(?<=[.;]\s))(?:Customer|Client|Prepared\s+for|Buyer|Purchaser)\s*:\s*"
    r"|\b(?:Request\s+for\s+(?:Tenders?|Proposals?|Quotations?)|RFT|RFP|RFQ|ITT|[Tt]ender)\b"
    r"[^.]{0,80}?\bissued\s+by\s+(?:the\s+)?)"
    r"((?:[A-Z][\w&'’-]*\s+){0,6}[A-Z][\w&'’-]*)"
)
_PARTIES_BLOCKS = 12  # an agreement names its parties at the start
# a name and the defined term it goes by: 'Institut Lambert-Closse ("ILC")'
_FOR_TO = re.compile(r"\b(?:for|to)\s+(?:the\s+)?$")  # a name that follows is addressed
_DEFINED = re.compile(
    r"(?P<name>(?:[A-Z][\w&'’.-]*\s+){0,5}[A-Z][\w&'’.-]*(?:\s+[a-z][\w.]*\.)?),?\s*"
    + _TERM.format("x")
)


def _same(name: str, other: str) -> bool:
    """Two names of one party: they share their first word ("Thompson Ridge Systems Inc., 410
    Victoria Street" and "Thompson Ridge Systems")."""
    a, b = name.split(), other.split()
    return bool(a and b) and a[0].strip(",.").lower() == b[0].strip(",.").lower()


def _forms(names) -> tuple[str, ...]:
    """A name, its leading words ("Corrib Valley", "Corrib") and its initials ("CVHA"): the
    short forms a proposal uses once it has named the client in full. A form must start with
    a capitalised word that is not an ordinary word of titles ("Managed", "The")."""
    from msp_select import company

    suffixes = company.legal_forms()
    generic = company._lexicon()["generic"] | suffixes
    out = set()
    # (a letterhead's "CHACHANI INGENIERÍA S.A.C." is "Chachani" in the text)
    names = [*names, *(n.title() for n in names if n.isupper() and len(n) > 4)]
    for name in names:
        words = [w.strip(".;:") for w in name.split(",")[0].split()]
        if not words or not words[0][:1].isupper() or words[0].lower() in generic:
            continue
        # ("Al Noor" alone, "St Brigid's" alone: a particle or a title is no short form)
        out.update(
            " ".join(words[:k]) for k in range(1, len(words) + 1) if k > 1 or _alone(words[0])
        )
        initials = "".join(w[0] for w in words if w[:1].isupper())
        # "Loch Ness Airports Ltd" goes by "LNA" as well as "LNAL"
        # (and "Compania Minera Pichu Pichu S.A.A." by "CMPP": a dotted form is a suffix)
        bare = "".join(
            w[0] for w in words if w[:1].isupper() and w.lower() not in suffixes and "." not in w
        )
        # "Institut Lambert-Closse" goes by "ILC": each capitalised part of a joined word
        parts = "".join(p[0] for w in words for p in w.split("-") if p[:1].isupper())
        out.update(x for x in (initials, bare, parts) if len(x) >= 3)
    return tuple(sorted(out))


def _tails_called(names: Sequence[str], text: str) -> set[str]:
    """The last words of a name that the documents use alone, twice or more: "Cooperativa
    Agroindustrial Yvy Pytã Ltda." goes by "Yvy Pytã", its kind of organisation left off."""
    from msp_select import company

    suffixes = company.legal_forms()
    out = set()
    for name in names:
        words = [w.strip(".;:") for w in name.split(",")[0].split()]
        while len(words) > 1 and company.norm(words[-1]) in suffixes:
            words.pop()
        for k in range(1, len(words)):
            tail = words[k:]
            # (one word alone is too often a place or a kind: "Brno", "the Terminal")
            if len(tail) < 2 or not all(w[:1].isupper() for w in tail):
                continue
            alone = re.compile(
                rf"(?<!{re.escape(words[k - 1])} )(?<![\w-]){re.escape(' '.join(tail))}(?![\w-])"
            )
            if len(alone.findall(text)) >= 2:
                out.add(" ".join(tail))
                break
    return out


def _initials_of(name: str) -> set[str]:
    """The initials a name goes by (see _forms), three letters or more."""
    return {f for f in _forms([name]) if f.isupper() and " " not in f and len(f) >= 3}


def _alone(word: str) -> bool:
    """A first word that can stand for its name on its own: three letters or more, or an
    acronym ("BT")."""
    return len(word) > 2 or word.isupper()


def names_duties(heading: str) -> bool:
    """Whether a heading names duties ("obligations", "responsibilities", "Kahu's part"), not
    requirements."""
    m = re.search(rf"\b(?:{_DUTIES})|['’]s\s+(?:part|role)\b", heading or "", re.IGNORECASE)
    if not m:
        return False
    before = heading[: m.start()]
    named = heading[m.start()] in "'’" or re.search(r"['’]s\s+$", before)
    return not (named and _NAMED_AMONG_TOPICS.search(before))


# "Fields marked [T] are targets that we work to but do not guarantee", "Figures marked * are
# indicative", "Restoration times marked (target) are aims": a legend for marks beside figures
_LEGEND = re.compile(
    r"\b(?:fields?|items?|figures?|values?|lines?|entries|levels?|rows?|measures?|times?)\s+marked\s+"
    r"(?:with\s+)?[\"“']?(?P<mark>\[\w{1,8}\]|\(\w{1,8}\)|\*{1,2}|†|‡)[\"”']?\s+(?:are|is)\s+"
    r"(?P<words>[^.;]+)",
    re.IGNORECASE,
)


def declared_marks(text: str) -> dict[str, str]:
    """Marks a document's legend defines, with what it says of the figures they mark."""
    return {m["mark"]: m["words"] for m in _LEGEND.finditer(text)}
