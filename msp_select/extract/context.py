"""The words around a number that may say what it measures (contract 1.2.1).

A procurement analyst reading "Urgent - 1 hour" looks up: to the sentence that introduces the
list ("we will respond as follows:"), to the heading, to a table's row label and column
header. A `Layer` is one of those places; a passage carries its layers nearest first, and the
extractor asks them, in order, for a category, a priority scope, a tier, a unit and a currency
when the number's own clause does not say.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Sequence

from msp_select import models, vocab
from msp_select.extract.priorities import (
    CODE_NUMBER,
    defined_in_order,
    defining_verbs,
    describes_effects,
    enumeration_cues,
    filled_in_order,
    in_document_order,
    parse_level,
    ranked_by_order,
    says_order,
    scheme_scopes,
    table_level_heads,
    ticket_words,
)
from msp_select.extract.quantities import (
    CURRENCY_CODES,
    WORD_CODES,
    first_minutes,
    longest_minutes,
    time_unit,
    word_number,
)
from msp_select.vocab import CURRENCIES, currency_code


@dataclass(frozen=True)
class Layer:
    """One place around a passage: its kind, its text and what its scheme says.

    `kind` is row (a table row's label), column (a column header), subheader (a row
    that names the rows below it), lead_in (a sentence that introduces a list or table),
    item (a list item's lead word) or heading.
    """

    kind: str
    text: str
    scopes: tuple[str, ...] = ()
    tier: str = ""
    unit: str = ""  # the unit a header gives its bare numbers ("Target (min)", "Uptime (%)")
    currency: str = ""  # a currency a column header gives its bare numbers ("Price (EUR)")
    category: str = ""  # what the table's structure says an unnamed header measures


_TIME_UNIT = re.compile(
    # ("(target, minutes)", "(mins, max)": a word that qualifies the unit beside it)
    r"[(\[]\s*(?:[a-z.]+,\s*)?(?:in\s+)?(mins?|minutes?|hrs?|hours?|h|days?|(?:business|working|bus\.?)\s+days?|bds?|wds?|weeks?|months?|years?)"
    # ("(minutes; at any hour for Severities 1 and 2)": when they run, after a semicolon)
    r"(?:\s+(?:from|after|of|per)\b[^)\]]*|,\s*[a-z.]+|;[^)\]]*)?\s*[)\]]"
    # "Fix, hours", "RESPONSE | minutes from the ticket being logged", "Notice - calendar days"
    r"|(?:,|\s/|\s[-–—]|\s?\||:)\s*(?:elapsed\s+|calendar\s+)?"
    r"(mins?|minutes|hrs?|hours|h|days|(?:business|working)\s+days|weeks|months|years)"
    # ("Service restored - hours, no later than", "Restoration - hours (Minor in business
    # hours)": what bounds or qualifies them follows a comma or a bracket)
    r"\s*(?:$|\s[-–—]\s|[,;(]|(?:from|after|until|till|to|before|since|between|of|per)\b)"
    r"|\bin\s+(minutes|hours|days|business\s+days)\b"
    # a note over the figures: "All times are elapsed hours, measured 24 hours a day"
    r"|\b(?:times|figures|targets)\s+(?:are|shown|given|stated)\s+(?:in\s+)?(?:elapsed\s+|clock\s+"
    r"|calendar\s+)?(minutes|hours|days|(?:business|working)\s+days)\b"
    r"|^\s*(?:elapsed\s+|calendar\s+)?(minutes|hours|days|(?:business|working)\s+days)\s*"
    r"(?:$|to\b|until\b|till\b|before\b|from\b|after\b|since\b)",
    re.IGNORECASE,
)
_UNIT_NAME = {
    "min": "minute",
    "h": "hour",
    "hr": "hour",
    "bus": "business_day",
    "bd": "business_day",
    "wd": "business_day",
}
# signs with a symbol in them ("R$", "NZ$", "€", "₹"), longest first; letter-only signs ("R",
# "Rs") are too short to tell from a word in a header. A sign with letters in it stands apart
# from a word or reference around it ("S/" is Peruvian soles, not a part of "WSS/IT/2027/05")
_SIGNS = "|".join(
    (rf"(?<![\w/.]){re.escape(w)}(?![^\W\d_])" if re.search(r"[^\W\d_]", w) else re.escape(w))
    for w in sorted(CURRENCIES, key=len, reverse=True)
    if not w.isalpha() and not w.islower() and w != "$"
)
# "Price ($)", "Fee (EUR)", "EUR", "R$"; a "$" standing alone after the words ("Once-off $",
# "Unit $/mth") is the column's currency too. A code that a noun follows ("managed ILS
# servers") is some other acronym; one before "per", "excl." or a period is a currency.
# ("ILS Hosting Fee": a code before a noun of any case is a name; "USD Amount" still prices)
_NOUN_AFTER = (
    r"(?!\s+(?!(?i:per|ex|excl|incl|exclusive|inclusive|excluding|including|net|gross|only|each"
    r"|a|an|monthly|annually|yearly|in|for|to|price|prices|amount|amounts|fee|fees|cost|costs"
    r"|total|totals|rate|rates|value|charge|charges)\b)[A-Za-z]{2,})"
    r"(?!/[A-Za-z])"  # "CAD/CAM" is a kind of software, no currency
)


def _spelt_signs(capitalised: bool) -> str:
    """Currency signs written in letters, two or more ("Rs", "RM", "Dhs"; "zł", "rand")."""
    return "|".join(
        re.escape(w)
        for w in sorted(CURRENCIES, key=len, reverse=True)
        if w.rstrip(".").isalpha() and len(w) >= 2 and (w[:1].isupper() or not capitalised)
    )


# capitalised letter signs, read only where a header puts them in brackets ("Charge (RM,
# excl. SST)")
_LETTER_SIGNS = _spelt_signs(capitalised=True)
# currency words after an amount ("dram", "so'm"), read where a header puts them in brackets
# or after a comma ("Tariff, so'm excl. VAT", "Price (riel)")
_CURRENCY_WORDS = "|".join(
    re.escape(w) for w in sorted(CURRENCIES, key=len, reverse=True) if w.islower() and len(w) > 2
)
_ONE_LETTER = "|".join(sorted(w for w in CURRENCIES if len(w) == 1 and w.isalpha()))
_CURRENCY = re.compile(
    rf"(?:[(\[]|\s[-–—])\s*({CURRENCY_CODES}|{WORD_CODES}|{_SIGNS}|{_LETTER_SIGNS}|\$)"
    r"(?=[\s,)\]]|$)"
    rf"|(?:[(\[,]|\s[-–—])\s*({_CURRENCY_WORDS})(?=[\s,)\]]|$)"
    rf"|^\s*((?i:{_CURRENCY_WORDS}))(?=[\s,(]|$)"  # "Lempiras (L), before ISV"
    # a one-letter sign in brackets, with its tax basis or per what it is ("(L, before ISV)",
    # "(L per hour)"); alone ("Amount (R)") it is too short to tell
    rf"|[(\[]\s*({_ONE_LETTER})(?=\s*,\s*(?:before|after|excl|incl|ex|plus|net)\b|\s+per\b)"
    rf"|\b({CURRENCY_CODES})\b{_NOUN_AFTER}"
    rf"|({_SIGNS})|(?:^|(?<=\s))(\$)(?=\s*(?:/|$))"
)


# a header that is only a sign in letters, perhaps with its tax basis or its period ("KSh",
# "zł net", "lei, excl. TVA", "Rs per month, excluding VAT")
_ALONE_SIGN = re.compile(
    rf"(?:{_spelt_signs(capitalised=False)})"
    r"(?:,?\s+\(?(?:net|gross|(?:excl|incl|ex|plus)(?:\.|uding|usive|\b).*|per\s+[a-z]+\b.*"
    r"|with(?:out)?\s+\w+.*))?",  # "Bs, with invoice": its tax stated
    re.IGNORECASE,
)
_PERCENT_UNIT = re.compile(
    r"[(\[]\s*(?:in\s+)?(?:%|percent|per\s?cent)(?:\s+[^)\]]*)?\s*[)\]]|\bin\s+per\s?cent\b"
    r"|(?:,|\s/|\s[-–—]|\s?\||:)\s*(?:%|percent|per\s?cent)(?:\s+of\b.*)?$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def header_unit(text: str) -> str:
    """The unit a header gives bare numbers: "Fix time (hrs)" -> "hour", "Uptime (%)" ->
    "percent"."""
    # "(heures / hours)", "(% des frais / of monthly fee)": a bilingual header's unit is
    # whichever of its alternatives names one
    if _PRICE_BASIS.search(text or ""):
        return ""  # "Rate (USD/hour)", "(EUR per month)": an amount per unit of time is a price
    text = _ALTERNATIVES.sub(r"(\1) (\2)", text or "")
    m = _TIME_UNIT.search(text)
    if not m:
        return "percent" if _PERCENT_UNIT.search(text) else ""
    word = next(g for g in m.groups() if g).lower()
    for prefix, unit in _UNIT_NAME.items():
        if word.startswith(prefix) and (prefix != "h" or word in ("h", "hr", "hrs")):
            return unit
    business = word.startswith(("busi", "work"))
    return "business_day" if business else word.rstrip("s")


_PRICE_BASIS = re.compile(
    rf"(?:{CURRENCY_CODES}|{_SIGNS}|\$)\s*(?:/|\bper\b)\s*(?:hours?|hrs?|h|days?|weeks?|months?|mo|years?|yr)\b",
    re.IGNORECASE,
)
_ALTERNATIVES = re.compile(r"\(([^()/]+?)\s*/\s*([^()]+)\)")
_BUSINESS_DAYS = re.compile(r"^\s*(?:business|working)\s+days?\b", re.IGNORECASE)


def cell_unit(text: str) -> tuple[str, str]:
    """(unit, currency) a "Unit" column's cell gives its row's figures: "min", "h", "% per
    month", "days from release", "MXN"."""
    text = (text or "").strip()
    if text.startswith("%"):
        return "percent", ""
    if _BUSINESS_DAYS.match(text):
        return "business_day", ""
    first = re.split(r"[\s/]", text, maxsplit=1)[0]
    # ("BD" is business days, or Bahraini dinars: the figure will say which)
    return time_unit(first), header_currency(text) or header_currency(first)


@functools.lru_cache(maxsize=4096)
def header_currency(text: str) -> str:
    m = _CURRENCY.search(text)
    if not m:
        # a header that is only a code, however cased ("Php", "Eur"), or only a sign written
        # in letters ("KSh", "RM"), names its currency
        alone = (text or "").strip()
        if alone.upper() in vocab.CURRENCY_CODES:
            return alone.upper()
        if not _ALONE_SIGN.fullmatch(alone):
            return ""
        word = alone.split()[0].rstrip(",")
        # (a short sign in capitals is some other code: "TSH" is a blood test, "TSh" the
        # shilling)
        same = [w for w in CURRENCIES if w.lower() == word.lower()]
        if len(word) <= 3 and word.isupper() and word not in same:
            return ""
        return currency_code(next(iter(same), word))
    code = next(g for g in m.groups() if g)
    return currency_code(code)  # "$" follows the document


_LEAD_WORD = re.compile(
    r"^\s*(?:[•●▪◦‣∙·*]\s*|[-–—]\s+)?([^:–—\-(=]{1,40}?)\s*(?:[:–—]|\s[-=]\s|\()"
)
# (a sub-clause's number before a word in lower case, "3.2.1 to an Oncelik 1 incident within
# 15 minutes;", marks a part of the sentence its lead-in opens)
_ITEM = re.compile(
    r"^\s*(?:[•●▪◦‣∙·*]|[-–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=[a-z]))"
)
_FIGURE_FIRST = re.compile(
    r"(?:[A-Z]{0,3}[$€£¥])?\d[\d.,]*(?:\s?[-–/]\s?\d[\d.,]*)?\s?(?:%|[a-z]{1,8}\.?)"
    r"(?:\s[a-z]{1,8}\.?)?\s+(?=[A-Z])"
)


def is_item(block: models.Block) -> bool:
    return bool(getattr(block, "item", False)) or starts_item(block.text)


def starts_item(text: str) -> bool:
    """The text opens with a bullet or a list number ("•", "2.", "(b)")."""
    return bool(_ITEM.match(text))


def gloss_span(text: str) -> tuple[int, int] | None:
    """Where the bracket right after a label that opens the text stands ("Hadisi / Avasaram
    (Urgent): 30 min", "- Today (a team is blocked): 2 hours"): it says what the label is."""
    item = _ITEM.match(text)
    m = _GLOSSED.match(text, item.end() if item else 0)
    return m.span("gloss") if m else None


def _gloss(text: str) -> str:
    """What a label's gloss names it in a word or two ("Urgent"); "" when it has none or the
    gloss describes it at length."""
    span = gloss_span(text)
    said = text[span[0] + 1 : span[1] - 1].strip() if span else ""
    return said if len(said) <= 30 else ""


_GLOSSED = re.compile(r"\s*[^:;.()\d]{1,40}?\s*(?P<gloss>\([^()]{1,80}\))\s*(?::|\s[-–—]\s)")


def lead_word(text: str) -> str:
    """A list item's label: "Urgent - 1 hour" -> "Urgent"; "P1: 15 minutes" -> "P1". An item
    without a label ("2. answer our questions within a day") is named by its first words, not
    by its list number, which counts items, not levels."""
    body = _ITEM.sub("", text, count=1)  # "(a) Stoppage Incident: 15 minutes"
    # a headline figure before its caption's label ("2-4 hrs Class A: back in business")
    figure = _FIGURE_FIRST.match(body)
    if figure and _LEAD_WORD.match(body[figure.end() :]):
        body = body[figure.end() :]
    m = _LEAD_WORD.match(body)
    return m.group(1).strip() if m else " ".join(body.split()[:3])


def _heading_path(blocks: Sequence[models.Block], index: int) -> tuple[str, ...]:
    """Headings above block `index`, nearest first (at most two: a section and its parent)."""
    section = getattr(blocks[index], "section", ())
    if section:
        return _up_to_question(tuple(reversed(section))[:3])
    found = []
    for block in reversed(blocks[:index]):
        if block.heading and block.text not in found:
            found.append(block.text)
            if len(found) == 2:
                break
    return _up_to_question(tuple(found))


def _up_to_question(path: tuple[str, ...]) -> tuple[str, ...]:
    """A question heading ("Q12. How do you handle changes?") and the section it stands in
    ("Security and change") are the topic of its answer; the heading above them all is the
    document's ("Your questions, our answers") and says nothing of one answer."""
    if path and path[0].rstrip().endswith("?"):
        return path[:2]
    return path


def _lead_in(blocks: Sequence[models.Block], index: int) -> str:
    """The sentence introducing the list that block `index` belongs to ("... as follows:")."""
    given = getattr(blocks[index], "lead_in", "")
    kind = _marker_kind(blocks[index].text)
    nested = _nested_lead(blocks, index, kind)
    if nested:
        return nested  # "(2) ... respond within the following times:" over "a) Class 1: 30 minutes"
    if given and _INTRODUCES.search(given):
        return given
    for block in reversed(blocks[:index]):
        if block.heading:
            return ""
        if not is_item(block):
            return block.text if block.text.rstrip().endswith(":") else ""
        if (
            kind
            and _marker_kind(block.text) not in ("", kind)
            and block.text.rstrip().endswith(":")
        ):
            return block.text  # "(2) ... restore the service within:" over "a) Category I: 8 hours"
    return ""


def _nested_lead(blocks: Sequence[models.Block], index: int, kind: str) -> str:
    """The item of another list, marked another way, that a nested list's items stand under
    ("(2) The Company shall restore the service within:" over "a) Class 1: 6 hours;")."""
    if not kind:
        return ""
    for block in reversed(blocks[:index]):
        if block.heading or not is_item(block):
            return ""
        other = _marker_kind(block.text)
        if other not in ("", kind):
            return block.text if block.text.rstrip().endswith(":") else ""
    return ""


_MARKER_KINDS = (
    ("paren-number", re.compile(r"^\s*\(\d{1,2}\)\s")),
    ("letter", re.compile(r"^\s*\(?[a-z]\)\s")),
    ("roman", re.compile(r"^\s*\(?[ivx]{1,4}\)\s")),
    ("number", re.compile(r"^\s*\d{1,2}[.)]\s")),
    ("bullet", re.compile(r"^\s*[-–•●▪◦‣∙·*]\s")),
)


def _marker_kind(text: str) -> str:
    """How an item is marked ("(1)", "a)", "-"): a list nested in another marks its items in
    another way."""
    return next((kind for kind, pattern in _MARKER_KINDS if pattern.match(text)), "")


# "3.5 Recovery. If the platform is lost ...": a numbered paragraph's run-in title
_RUN_IN = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?|[•●▪◦‣∙·*]|[-–])\s+(?P<title>[A-Z][A-Za-z'’/&-]*(?:\s+[A-Za-z'’/&-]+){0,4})\.\s+(?=\S)"
)


def run_in_title(text: str) -> str:
    """The title a numbered paragraph or a bullet opens with ("3.6 Your part. During a Sev-1
    ..." -> "Your part", "• Minimum term. 24 months"): the heading of that paragraph alone."""
    m = _RUN_IN.match(text)
    return m.group("title") if m else ""


def block_layers(blocks: Sequence[models.Block]) -> list[tuple[Layer, ...]]:
    """Layers of every block: the item's lead word (ranked in its list), lead-in, run-in
    title, headings."""
    out: list[tuple[Layer, ...]] = []
    runs = _item_runs(blocks)
    headings = _HeadingLayers(blocks)
    asked = ""  # the last quoted text since the last heading
    question = ""  # the last question paragraph since the last heading
    cited = _citing_sentences(blocks)
    for i, block in enumerate(blocks):
        layers: list[Layer] = []
        note = _NOTE_NUMBER.match(block.text)
        if note and note.group(1) in cited:
            # "[2] Amber: 1 hour." says what the sentence that cites it speaks of ("an engineer
            # is on it within minutes [1], and the other colours follow in order [2]")
            layers.append(Layer("heading", cited[note.group(1)]))
        if i in runs:
            label, scope = runs[i]
            layers.append(Layer("item", label, (scope,) if scope else ()))
        lead = _lead_in(blocks, i) if is_item(block) or len(block.text.split()) <= 14 else ""
        if lead:
            layers.append(Layer("lead_in", lead))
        title = "" if block.heading else run_in_title(block.text)
        if title:
            layers.append(Layer("heading", title))
        # an e-mail answer inline under "> Q2. Please give your response times for each
        # level.": the quoted text above it, with no heading between, names its figures
        quoted = _QUOTE_MARK.match(block.text)
        asked = "" if block.heading else (_QUOTE_MARK.sub("", block.text) if quoted else asked)
        if asked and not quoted:
            layers.append(Layer("heading", asked))
        # a question set as a paragraph ("If a clinic goes Red, how quickly will a person get
        # back to us?") heads the answers under it, up to the next question or heading
        asks = is_question(block)
        if block.heading:
            question = ""
        elif asks:
            # "And for Amber, Yellow and Green?" asks the question before it again
            question = asked_with(question, block.text)
        if question and not asked and not asks:
            layers.append(Layer("heading", question))
        out.append(tuple(layers) + headings.of(i))
    return out


_NOTE_NUMBER = re.compile(r"^\s*\[(\d{1,2})\]\s+\S")
_CITATION = re.compile(r"\s*\[(\d{1,2})\]")
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[])")


def _citing_sentences(blocks: Sequence[models.Block]) -> dict[str, str]:
    """Note number -> the sentence that cites it ("... follow in order [2]."), its citation
    marks dropped, for documents that put their figures in numbered notes."""
    notes = {m.group(1) for b in blocks if (m := _NOTE_NUMBER.match(b.text))}
    out: dict[str, str] = {}
    if not notes:
        return out
    for block in blocks:
        if _NOTE_NUMBER.match(block.text) or block.heading:
            continue
        for sentence in _SENTENCES.split(block.text):
            for number in _CITATION.findall(sentence):
                if number in notes:
                    out.setdefault(number, _CITATION.sub("", sentence).strip())
    return out


class _HeadingLayers:
    """The heading layers of each block, in document order: its heading path, the question a
    follow-up question heading asks again, and the level heading a field heading belongs to."""

    def __init__(self, blocks: Sequence[models.Block]):
        self.blocks = blocks
        self.fields = _field_headings(blocks)
        self.ranked = _heading_schemes(blocks, self.fields)
        self.owner: tuple[tuple[str, ...], str] | None = None  # the last heading no field
        self.asked = ""  # what the last question heading asks, follow-ups included

    def of(self, i: int) -> tuple[Layer, ...]:
        block = self.blocks[i]
        parents = tuple(getattr(block, "section", ()))
        if block.heading:
            if (parents, block.text) not in self.fields:
                self.owner = (parents, block.text)
            # "And the others?" under its own heading asks the question heading before it again
            asks = block.text.rstrip().endswith("?")
            self.asked = asked_with(self.asked, block.text) if asks else ""
            return ()
        path = _heading_path(self.blocks, i)
        if not path:
            return ()
        parents = parents[:-1]
        scope = self.ranked.get((parents, path[0]))
        layers = [Layer("heading", path[0], (scope,) if scope else ())]
        if path[0] != self.asked and self.asked.endswith(path[0]):
            layers.append(Layer("heading", self.asked))
        if (parents, path[0]) in self.fields and self.owner and self.owner[0] == parents:
            # "Response" repeated under each "Priority 3 (Minor)" at the same level is a
            # field of the heading before it
            scope = self.ranked.get(self.owner)
            layers.append(Layer("heading", self.owner[1], (scope,) if scope else ()))
        return tuple(layers + [Layer("heading", h) for h in path[1:]])


_QUOTE_MARK = re.compile(r"^\s*>\s*")


_FOLLOW_UP = re.compile(
    r"\s*(?:Q\s*\d+[.:)]?\s*)?(?:and|or|what about|how about|same for)\b", re.IGNORECASE
)


def asks_again(question: str) -> bool:
    """Whether a question follows up the one before it ("And for Amber?", "Q5. And the other
    priorities?"): what it asks is named before it."""
    return bool(_FOLLOW_UP.match(question))


def asked_with(before: str, question: str) -> str:
    """What a question asks: a follow-up asks the question before it again, with itself."""
    return f"{before} {question}" if asks_again(question) else question


def is_question(block: models.Block) -> bool:
    """A paragraph that is one short question ("Can prices go up?", "Question. Will engineers
    come to the sites?")."""
    text = block.text.strip()
    if numbered_question(text) and not block.heading and len(text.split()) <= 60:
        return True  # "Q18. How long will onboarding take? The RFP asks for 60 days."
    return (
        text.endswith("?")
        and not block.heading
        and len(text.split()) <= 30
        and not re.search(r"[.!?]\s+\S", _QUESTION_LABEL.sub("", text[:-1], count=1))
    )


# "Q18. ", "Question 4: ": a paragraph numbered as a question in a clarification log
# ("Q3 (City): ...": who asks, in brackets, in minutes of a clarification meeting)
_NUMBERED_QUESTION = re.compile(r"^\s*Q(?:uestion)?\s*\d+[a-z]?(?:\s*\([^)]{1,40}\))?[.:)]\s+\S")
_NUMBERED_ANSWER = re.compile(r"(?:^|\s)A(?:nswer)?\s*\d+[a-z]?[.:)]\s")


def numbered_question(text: str) -> bool:
    """A paragraph numbered as the client's question ("Q5. RFP clause 4.5 requires
    round-the-clock monitoring. Please confirm."), with no answer run into it: the client's
    words, which offer nothing."""
    return bool(_NUMBERED_QUESTION.match(text)) and not _NUMBERED_ANSWER.search(text)


# "Question. ", "Q9. ", "Question 4: ": the label a question is numbered by, no sentence
_QUESTION_LABEL = re.compile(r"^\s*(?:Q(?:uestion)?\.?\s*\d*[a-z]?[.:)]?)\s+")


_SECTION_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[A-Z])[.):]?\s+")


def unnumbered(heading: str) -> str:
    """A heading without its section number ("2. Service levels" -> "Service levels")."""
    return _SECTION_NUMBER.sub("", heading)


def _field_headings(blocks: Sequence[models.Block]) -> set[tuple[tuple[str, ...], str]]:
    """(parent headings, heading) of the headings that recur among their siblings ("Priority
    1 (Critical)", "Response", "Restoration", "Priority 2 (Major)", "Response", ...): the
    fields of a definition list, each under the sibling heading before it."""
    seen: dict[tuple[tuple[str, ...], str], int] = {}
    for block in blocks:
        if block.heading:
            key = (tuple(getattr(block, "section", ())), block.text)
            seen[key] = seen.get(key, 0) + 1
    return {key for key, n in seen.items() if n >= 2}


def _heading_schemes(
    blocks: Sequence[models.Block], fields: set = frozenset()
) -> dict[tuple[tuple[str, ...], str], str]:
    """(parent headings, heading) -> P-scope for sibling headings that form a priority scheme
    ("Priority 5 - Service down" ... "Priority 1 - Request", one level per heading); the
    fields of a definition list are no part of it."""
    siblings: dict[tuple[str, ...], list[str]] = {}
    bodies: dict[tuple[tuple[str, ...], str], list[str]] = {}
    under: list[str] | None = None
    for block in blocks:
        if block.heading:
            parents = tuple(getattr(block, "section", ()))
            if (parents, block.text) in fields:
                continue
            siblings.setdefault(parents, []).append(block.text)
            under = bodies.setdefault((parents, block.text), [])
        elif under is not None:
            under.append(block.text)
    out = {}
    for parents, texts in siblings.items():
        if len(texts) >= 2:
            names = [unnumbered(text) for text in texts]
            scopes = scheme_scopes(names)
            if not any(scopes):
                scopes = _ranked_bodies(names, [" ".join(bodies[parents, t]) for t in texts])
            for text, scope in zip(texts, scopes):
                if scope:
                    out[parents, text] = scope
    return out


def _ranked_bodies(names: list[str], bodies: list[str]) -> list[str | None]:
    """P1.. for sibling headings named by effect ("Everything has stopped", "One person is
    affected") when the first time under each grows down the run of headings that state one."""
    if sum(describes_effects([name]) for name in names) < 2:
        return [None] * len(names)  # no run of effects to rank: spare reading the bodies
    minutes = [first_minutes(body) for body in bodies]
    lo, hi = 0, len(names)
    while lo < hi and minutes[lo] is None:
        lo += 1
    while hi > lo and minutes[hi - 1] is None:
        hi -= 1
    ranked = ranked_by_order(names[lo:hi], minutes[lo:hi]) if hi - lo >= 2 else []
    return [None] * lo + ranked + [None] * (len(names) - hi) if any(ranked) else [None] * len(names)


def _item_runs(blocks: Sequence[models.Block]) -> dict[int, tuple[str, str | None]]:
    """Index -> (lead word, P-scope) for list items whose lead words form a priority scheme."""
    out: dict[int, tuple[str, str | None]] = {}
    run: list[int] = []
    listed = ordered_levels(blocks)  # (they rank where the document's list puts them)
    for i in range(len(blocks) + 1):
        if i < len(blocks) and is_item(blocks[i]) and not blocks[i].heading:
            run.append(i)
            continue
        for part in _labelled_parts(run, blocks):
            _rank_run(part, blocks, out, listed)
        run = []
    return out


# an item that opens on a label: "Emergency (line stop): ...", "Plant-wide - an engineer ..."
_LABELLED = re.compile(r"^\s*[^:;.()]{1,40}?(?:\s[-–—=]\s|:|\(|[–—])")


def _labelled_parts(run: list[int], blocks: Sequence[models.Block]) -> list[list[int]]:
    """Where a run holds items without a label ("4) We try to fix an emergency within 8
    hours"), each stretch of labelled items ("1) Emergency (line stop): ...", "2) General fault
    (one PC): ..."), then the whole run: levels are listed by their names, one after another."""
    labelled = [bool(_LABELLED.match(_ITEM.sub("", blocks[j].text, count=1))) for j in run]
    parts: list[list[int]] = []
    if not all(labelled):
        stretch: list[int] = []
        for j, named in zip(run + [-1], labelled + [False]):
            if named:
                stretch.append(j)
                continue
            if len(stretch) >= 2:
                parts.append(stretch)
            stretch = []
    return parts + [run]


def _rank_run(run: list[int], blocks: Sequence[models.Block], out: dict, listed: dict) -> None:
    """Rank one run of items as levels, into `out`, unless an earlier reading ranked them;
    labels that all name levels the document `listed` in order rank as listed."""
    if len(run) < 2 or any(j in out for j in run):
        return
    labels = [lead_word(blocks[j].text) for j in run]
    if all(_listed_key(label) in listed for label in labels):
        for j, label in zip(run, labels):
            out[j] = (label, listed[_listed_key(label)])
        return
    scopes = scheme_scopes(labels, trailing=True)
    if not any(scopes):
        # a label in another language glossed in English: "Hadisi / Avasaram (Urgent): 30 min"
        glosses = [_gloss(blocks[j].text) for j in run]
        glossed = scheme_scopes(glosses, trailing=True) if all(glosses) else []
        if glossed and all(glossed):  # every level, or the list's own order decides
            scopes = glossed
    texts = [blocks[j].text for j in run]
    longest = [longest_minutes(t) for t in texts]
    if any(scopes):
        scopes = filled_in_order(scopes, longest)
    else:
        lead = _lead_in(blocks, run[0])
        scopes = ranked_by_order(texts, longest, lead, labels)
        if not any(scopes):
            # an item may end on a longer, other clock ("acknowledgement within two
            # days; completion on the date agreed"): the first time each item states
            firsts = [first_minutes(t) for t in texts]
            scopes = ranked_by_order(texts, firsts, lead, labels)
        if not any(scopes) and not any(longest):
            heading = next((b.text for b in reversed(blocks[: run[0]]) if b.heading), "")
            scopes = defined_in_order(labels, texts, f"{heading} {lead}")
    for j, label, scope in zip(run, labels, scopes):
        if scope:
            out[j] = (label, scope)


_INTRODUCES = re.compile(
    r":\s*$|\b(?:following|below|as follows|this table|the table|chart|matrix|schedule)\b"
    r"|^\W*(?:all\s+)?(?:figures|prices|amounts|fees|rates)\s+(?:are|in)\b"
    # "Minutes from ticket creation to an engineer working the ticket." says what they count
    r"|^\W*(?:elapsed\s+|calendar\s+)?(?:minutes|hours|days|business\s+days)\s+(?:from|after)\b"
    r"|\b(?:these|those)\s+[\w-]+\s*[.:]?\s*$",
    re.IGNORECASE,
)


def _introducers(blocks: Sequence[models.Block], page: int, top: float) -> list[str]:
    """Sentences between the last heading and a table that introduce it ("as follows:",
    "the following table defines ..."), nearest first: at most three, on the same page."""
    out = []
    for block in reversed(blocks[-3:]):
        if block.heading or block.page != page:
            break
        if _INTRODUCES.search(block.text):
            out.append(block.text)
    return out


def heading_layers(
    blocks: Sequence[models.Block], page: int, top: float, table: models.Table | None = None
) -> tuple[Layer, ...]:
    """Lead-in and headings above a point of the document (a table's top edge)."""
    index = 0
    for i, block in enumerate(blocks):
        if (block.page, block.bbox[1]) > (page, top):
            break
        index = i + 1
    layers = []
    # a paragraph above a table introduces it only when it says so ("as follows:", "below")
    leads = _introducers(blocks[:index], page, top)
    given = getattr(table, "lead_in", "") if table is not None else ""
    if given and _INTRODUCES.search(given) and not any(given in text for text in leads):
        leads.insert(0, given)
    layers += [_stating("lead_in", text) for text in leads]
    section = getattr(table, "section", ()) if table is not None else ()
    if section:
        heads = _up_to_question(tuple(reversed(section))[:3])
    else:
        heads = _heading_path(
            list(blocks[:index]) + [models.Block("", page, (0, top, 0, top))], index
        )
    return tuple(layers) + tuple(_stating("heading", h) for h in heads)


def _stating(kind: str, text: str) -> Layer:
    """A lead-in or heading with the unit or currency it gives a table's bare numbers
    ("How fast we start work, in minutes")."""
    return Layer(kind, text, unit=header_unit(text), currency=header_currency(text))


_NAMED_TICKETS = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+)\s+(\w+)")
_ARTICLE_LEVEL = re.compile(
    r"(?<=[a-z,] )(?:an?|each|every|any)\s+([A-Z][a-z]+)\b(?!\s+(?:[A-Z]|changes?\b))"
)
# "Code Red", "Priority Critical": a scheme word before each level's own name
_PREFIXED = re.compile(
    r"\b(Code|Priority|Severity|Class|Category|Grade|Level|Status)\s+([A-Z][a-z]+)\b"
)
_SENTENCE = re.compile(r"(?:^|(?<=[.!?])\s+)([A-Z][a-z]+)\s+(\w+)(?:\s+(\w+))?")


def prose_levels(blocks: Sequence[models.Block]) -> dict[str, str]:
    """Level names that open sentences across the document, in the order it gives them:
    "Red incidents ... Amber incidents ... Green incidents ... Blue is for requests" is a
    scheme of its own (ranked as a list is), though no table or list sets it out."""
    nouns, defining = ticket_words(), defining_verbs()
    names: list[str] = []
    last = -2  # the block that named a level last
    for i, block in enumerate(blocks):
        if block.heading:
            continue
        for m in _SENTENCE.finditer(block.text):
            word, nxt = m.group(1), m.group(2).lower()
            if word in names or not (nxt in nouns or nxt in defining):
                continue
            # a word of no known urgency joins a scheme only as the next paragraph's subject
            if parse_level(word, words_only=True) is not None or (m.start() == 0 and last == i - 1):
                names.append(word)
                last = i
        # a capitalised level word naming tickets mid-sentence ("respond to Amber tickets"),
        # or capitalised as a defined term after an article ("call back on an Emergency")
        for m in _NAMED_TICKETS.finditer(block.text):
            word = m.group(1)
            if (
                word not in names
                and m.group(2).lower() in nouns
                and parse_level(word, words_only=True)
            ):
                names.append(word)
        for m in _ARTICLE_LEVEL.finditer(block.text):
            word = m.group(1)
            if word not in names and parse_level(word, words_only=True):
                names.append(word)
    whole = len(names) >= 3  # three or more names are the scheme, ranked among themselves
    scopes = (
        scheme_scopes(names, words_only=True, trailing=True, whole=whole) if len(names) >= 2 else []
    )
    return {name: scope for name, scope in zip(names, scopes) if scope}


_DEFINED = re.compile(
    r"(?:^|(?<=[.!?;:])\s+)([A-Z][\w'’-]*(?: [\w'’-]+){0,2})\s*(?::|\s[-–—]|\s=)(?=\s+\S)"
)


def defined_levels(blocks: Sequence[models.Block]) -> dict[str, str]:
    """Levels a paragraph defines one after another ("Tickets are sorted by what they stop.
    Store closed - a store cannot sell. Lane down - a till is out. One person - ... Request -
    ..."): three or more sentences that each open with a label and its description, in a
    paragraph about sorting tickets or naming known levels; listed most urgent first."""
    cues = tuple(enumeration_cues())
    for block in blocks:
        if block.heading or block.item:
            continue
        # (a short form in brackets stands between a name and its dash: "Harvest-critical (HC)
        # - a buying station cannot weigh")
        text = _PARENS.sub("", block.text)
        found = list(_DEFINED.finditer(text))
        # "Priorities are colours: Red - ...; Orange - ...", "Incident categories (Cl. 5), most
        # urgent first: MAYDAY - ...": the words before the colon lead in
        labels = [
            m.group(1)
            for m, after in zip(found, found[1:] + [None])
            if not (after and text[m.end(1) : after.start(1)].strip().endswith(":"))
        ]
        if not 3 <= len(labels) <= 6 or len(set(labels)) != len(labels):
            continue
        if all(re.search(r"\d", label) and parse_level(label) for label in labels):
            continue  # "Prio 2 - ..., Prio 3 - ...": numbered levels rank themselves
        lettered = [
            parse_level(label) if re.search(r"\b[A-F]$", label) else None for label in labels
        ]
        if all(lv is not None and lv.number for lv in lettered):
            # "Category B: 12 hours. Category C: ...": lettered levels rank by their letters,
            # wherever the paragraph starts
            return {name: f"P{min(lv.number, 4)}" for name, lv in zip(labels, lettered)}
        ranked = scheme_scopes(labels, words_only=True, trailing=True, whole=True)
        if not any(ranked) and (
            any(cue in block.text.lower() for cue in cues) or says_order(block.text)
        ):
            ranked = in_document_order(len(labels))  # ("We name our levels ..., the worst first:")
        if any(ranked):
            return {name: scope for name, scope in zip(labels, ranked) if scope}
    return {}


def ordered_levels(blocks: Sequence[models.Block]) -> dict[str, str]:
    """The levels the document lists in order in its own words ("Priorities, the most urgent
    first: Absolute emergency (...), Emergency (...), Standard (...) and Planned (...)", or one
    item each under such a lead-in), by name in lower case: a label that is one of those names
    ranks where the list puts it, whatever its words would say alone ("Emergency" second)."""
    listed = itemised_levels(blocks, ordered=True) | enumerated_levels(blocks)
    return {_listed_key(name): scope for name, scope in listed.items()}


def _listed_key(name: str) -> str:
    return " ".join(name.lower().split())


def itemised_levels(blocks: Sequence[models.Block], ordered: bool = False) -> dict[str, str]:
    """Levels a list sets out one item each ("The same four precedences grade incidents, the
    most urgent first:" over "- FLASH - water supply ... is down", "- IMMEDIATE - a system is
    impaired", ...): three to six items under one lead-in about the scheme, each a label and
    its description with no time in it. A lead-in that says the order ranks them by it,
    whatever their words would say alone; else (unless `ordered` asks for such a list only)
    the names rank themselves, or the order."""
    cues = tuple(enumeration_cues())
    runs = itertools.groupby(blocks, key=lambda b: (b.item, b.lead_in))
    for (item, lead), run in runs:
        cued = bool(lead) and any(cue in lead.lower() for cue in cues)
        if not item or not (cued or not ordered):
            continue
        labels, glosses = [], []
        for b in run:
            m = _ITEM_LABEL.match(b.text)
            if not m or first_minutes(b.text) is not None:
                break
            labels.append(m.group(1))
            glosses.append(b.text[m.end(1) :])
        else:
            if not 3 <= len(labels) <= 6 or len(set(labels)) != len(labels):
                continue
            # (with no lead-in about the scheme, items that each say what harm they name:
            # "Mill Stop - the milling line has stopped", "Desk Fault - one person")
            if not cued and not (
                describes_effects(glosses)
                and not any(re.search(r"\d", g) or len(g.split()) > 30 for g in glosses)
            ):
                continue
            if says_order(lead):
                return dict(zip(labels, in_document_order(len(labels))))
            if ordered:
                continue
            ranked = scheme_scopes(labels, words_only=True, trailing=True, whole=True)
            if not any(ranked):
                ranked = in_document_order(len(labels))
            return {name: scope for name, scope in zip(labels, ranked) if scope}
    return {}


# "- FLASH - water supply ... is down", "• Red: a branch cannot trade": an item's label
_ITEM_LABEL = re.compile(r"^\W*([A-Z][\w'’-]*(?: [\w'’-]+){0,2})\s*(?::|\s[-–—])\s+\S")


def glossary_levels(blocks: Sequence[models.Block]) -> dict[str, str]:
    """Kinds of report a definitions list defines among its other terms ("3) Failure - this
    shall mean an event which prevents the Client's business from operating", "4) Fault - ...
    an event which hinders the use of a system", "5) Request - ... a request for a service"):
    three to five terms defined as events or requests, the first by what it stops, listed
    most urgent first."""
    glossary = [
        (m["name"], m["what"])
        for b in blocks
        if not b.heading
        for m in [_GLOSSARY_ITEM.match(b.text)]
        if m
    ]
    defined = [(name, what) for name, what in glossary if _EVENT.match(what)]
    names = [name for name, _ in defined]
    if not 3 <= len(names) <= 5 or len(set(names)) != len(names):
        return {}
    terms = [name.lower() for name, _ in glossary]
    if terms == sorted(terms):
        return {}  # an alphabetical glossary's order says nothing of urgency
    # the first stops the business; no term is a kind of another ("Incident", "Major Incident")
    nested = any(a != b and a.lower() in b.lower() for a in names for b in names)
    if nested or not describes_effects([defined[0][1]]):
        return {}
    return dict(zip(names, in_document_order(len(names))))


# "3) Failure - this shall mean ...", "(b) "Fault" means ...": an item of a definitions list
_GLOSSARY_ITEM = re.compile(
    r"^\W*(?:\(?(?:\d{1,2}|[a-z])[.)]\s*)?[\"“]?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
    r"[\"”]?\s*(?:[-–—:]\s*)?(?:this\s+)?(?:shall\s+mean|means|refers\s+to)\s+(?P<what>.+)"
)
# what a level's definition defines: an event, incident, failure or request
_EVENT = re.compile(
    r"(?:an?|any)\s+(?:\w+\s+){0,2}?(?:event|incident|failure|fault|outage|disruption|request|"
    r"situation|occurrence|interruption)s?\b",
    re.IGNORECASE,
)


def tabled_levels(tables: Sequence[models.Table]) -> dict[str, str]:
    """Levels a definitions table sets out ("Class | Impact" over "Vessel-critical | A vessel
    call cannot be processed", "Office-wide | ...", "Advice | Questions"): a table headed by a
    scheme word (or one whose header says their order) whose rows name three to six levels
    and only describe them, with no times; listed most urgent first unless the names rank
    themselves."""
    cues = tuple(enumeration_cues())
    for t in tables:
        head = (t.header[0] or "").lower() if len(t.header) == 2 else ""
        # ("Key | Meaning (most urgent first)": a header that says the rows' order)
        ordered = len(t.header) == 2 and says_order(" ".join(h or "" for h in t.header))
        if not (any(cue in head for cue in cues) or head.strip() in table_level_heads() or ordered):
            continue
        names = [row[0].strip() for row in t.rows if row and (row[0] or "").strip()]
        if not 3 <= len(names) <= 6 or len(set(names)) != len(names):
            continue
        # names in words ("1", "2" are numbers any level scheme reads); descriptions, not figures
        if any(len(n.split()) > 4 or not re.search(r"[^\W\d]{2}", n) for n in names) or any(
            first_minutes(row[1] or "") is not None or "%" in (row[1] or "")
            for row in t.rows
            if len(row) > 1
        ):
            continue
        ranked = scheme_scopes(names, words_only=True, trailing=True, whole=True)
        if ordered or not all(ranked):  # "Vessel-critical" alone says its rank: the order says all
            ranked = in_document_order(len(names))
        return dict(zip(names, ranked))
    return {}


def prefixed_levels(blocks: Sequence[models.Block]) -> dict[str, str]:
    """Level names a scheme word opens, in the order the document first uses them ("Code
    Red", "Code Amber", "Code Green", "Code Blue"): ranked by their words' urgency, a name of
    no known urgency after the last known one ranking below it."""
    by_prefix: dict[str, list[str]] = {}
    for block in blocks:
        for m in _PREFIXED.finditer(block.text):
            names = by_prefix.setdefault(m.group(1), [])
            if m.group(0) not in names:
                names.append(m.group(0))
    out: dict[str, str] = {}
    for names in by_prefix.values():
        words = [name.split()[1] for name in names]
        known = sum(parse_level(w, words_only=True) is not None for w in words)
        if len(names) >= 3 and known * 2 > len(names):
            ranked = scheme_scopes(words, words_only=True, trailing=True, whole=True)
            out.update({n: sc for n, sc in zip(names, ranked) if sc})
    return out


_PARENS = re.compile(r"\s*\([^()]*\)")
_NAME = r"[A-Z][\w-]*(?: (?!or\b|and\b)[\w-]+){0,2}"
_ENUMERATION = re.compile(rf"(?<![\w-])((?:{_NAME}, ){{1,5}}{_NAME},? (?:or|and) {_NAME})")
# after a colon the names may be in lower case: "in order of urgency: critical-path, routine ..."
_WORD_NAME = r"[a-z][\w-]*(?: (?!or\b|and\b)[\w-]+){0,2}"
_LISTED = re.compile(rf":\s*((?:{_WORD_NAME}, ){{1,5}}{_WORD_NAME},? (?:or|and) {_WORD_NAME})")
# ... or after "as": "We classify each call as urgent, normal or low."
_AS_LISTED = re.compile(
    rf"\bas\s+((?:{_WORD_NAME}, ){{1,5}}{_WORD_NAME},? (?:or|and) {_WORD_NAME})"
)
_SEMI_LISTED = re.compile(rf":\s*((?:{_NAME}\s*;\s*){{2,5}}(?:(?:and|or)\s+)?{_NAME})\s*(?:\.|$)")
_ITEM_SPLIT = re.compile(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+")


_COUNTED = re.compile(
    r"\b(?P<n>three|four|five|six|[3-6])\s+(?P<noun>levels|grades|classes|categories|priorities|"
    r"bands|severities|kinds|types)\b[^:.]*:\s*(?P<items>[^.]+)",
    re.IGNORECASE,
)


_COUNT = re.compile(
    r"\b(?P<n>three|four|five|six|[3-6])\s+(?:levels|grades|classes|categories|priorities|bands|"
    r"severities|kinds|types|tiers of urgency)\b"
    # "We sort every job into one of three piles": whatever the sorting calls them
    r"|\b(?:sort|put|place|file|triage|divide|split|group)s?\b[^.]{0,40}?\binto\s+(?:one\s+of\s+)?"
    r"(?P<into>three|four|five|six|[3-6])\s+[a-z]+s\b",
    re.IGNORECASE,
)
# "A Lights Out call means ...", "Housekeeping covers ...": a sentence that opens by defining a
# level named in capitals
_DEFINING_OPENER = re.compile(
    r"^(?:An?\s+|The\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+"
    r"(?:(?:call|ticket|incident|request|fault|issue|problem|job)s?\s+[a-z]+|means|is|are|covers)\b"
    # "A stop-everything job is ...": a hyphened name in lower case before the ticket word
    r"|^(?:An?\s+|The\s+)?(?P<hyphened>[a-z]+(?:-[a-z]+)+)\s+"
    r"(?:call|ticket|incident|request|fault|issue|problem|job)s?\s+(?:means|is|are|covers)\b"
    # "...; everything else is a request.": the last level is the word left to name
    r"|^(?:[Ee]verything|[Aa]nything)\s+else\s+is\s+(?:an?\s+)?(?P<remaining>[a-z]{3,}(?:-[a-z]+)*)\W*$"
    # "Everything else - one person stuck, a question - is a when-you-can job."
    r"|^(?:Everything|Anything|All)\s+else\b[^.]*?\b(?:is|are)\s+(?:an?\s+)?"
    r"(?P<rest>[\w'’-]+(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:call|ticket|incident|request|job)s?\b"
    # "A standstill is when a clinic cannot treat patients": a word defined by when it applies
    r"|^(?:[Aa]n?|[Tt]he)\s+(?P<when>[a-z]{3,}(?:-[a-z]+)*)\s+is\s+(?:when|where)\b"
    # "Everything else is everything else: ...": the last level takes what is left
    r"|^(?P<left>Everything\s+else|Anything\s+else)\s+(?:is|covers|means)\b"
    # "Stopped : the call centre ... is down.": a name and a colon, as a glossary sets it
    r"|^(?P<colon>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s*:\s"
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_CLAUSES = re.compile(r"(?<=;)\s+")


def counted_definitions(blocks: Sequence[models.Block]) -> dict[str, str]:
    """ "Every call is placed in one of four bands ... A Lights Out call means ... A Brownout
    means ... A Single Seat call is ... Housekeeping covers ...": as many sentences as the
    levels counted, each opening on the name it defines, rank those names in order."""
    for block in blocks:
        if block.heading:
            continue
        # ("A stoppage is when ...; a slow-down is when ...": a clause defines one each)
        sentences = [c for s in _SENTENCE_SPLIT.split(block.text) for c in _CLAUSES.split(s)]
        for k, sentence in enumerate(sentences):
            m = _COUNT.search(sentence)
            if not m:
                continue
            count = m["n"] or m["into"]
            n = int(count) if count.isdigit() else int(word_number(count) or 0)
            names = []
            for later in sentences[k + 1 :]:
                d = _DEFINING_OPENER.match(later)
                if not d:
                    break
                names.append(next(n for n in d.groups() if n))
            if len(names) == n and len(set(names)) == n:
                return dict(zip(names, in_document_order(n)))
    return {}


_GLOSS_START = re.compile(r"\s*\(|\s+[-–—:]\s|\s+(?:when|where|if|for|means|is|are)\b")


def _counted_levels(sentence: str) -> list[str]:
    """ "We sort every call into one of five levels by what it stops: a Standstill, Reduced
    running of a site or department, a Single user, a Request, or Advice and planned work":
    as many items as the levels counted, each named by its capitalised lead words."""
    m = _COUNTED.search(sentence)
    if not m:
        return []
    n = int(m["n"]) if m["n"].isdigit() else int(word_number(m["n"]) or 0)
    # "one of four categories: category S where ..., category H where ..., ...": the scheme
    # word and a short code name each level
    noun = m["noun"].lower()
    noun = (
        noun[:-3] + "y"
        if noun.endswith("ies")
        else noun[:-2]
        if noun.endswith("sses")
        else noun[:-1]
    )
    coded = [
        c.group(0) for c in re.finditer(rf"\b{noun}\s+[A-Z0-9][\w-]{{0,3}}\b", m["items"], re.I)
    ]
    if len(coded) == n and len(set(coded)) == n:
        return coded
    # "one of four classes: FC 1 - ...; FC 2 - ...": a short code numbered 1 to n names them
    short = list(CODE_NUMBER.finditer(sentence, m.start("items")))
    if [int(c.group(2)) for c in short] == list(range(1, n + 1)) and (
        len({c.group(1) for c in short}) == 1
    ):
        return [c.group(0) for c in short]
    clauses = [re.sub(r"^(?:and|or)\s+", "", x.strip()) for x in m["items"].split(";")]
    if len(clauses) == n:
        # ("...: Prioritas Tinggi (high) when ...; Single user; and Service request": one level
        # to a clause, named by the words before its gloss)
        names = [_GLOSS_START.split(x, maxsplit=1)[0].strip() for x in clauses]
        if all(names) and len(set(names)) == n and all(len(x.split()) <= 4 for x in names):
            return names
    items = [x.strip() for x in re.split(r",\s*(?:or\s+|and\s+)?", clauses[0]) if x.strip()]
    if len(items) == n - 1:  # "..., Single user and Request"
        items[-1:] = re.split(r"\s+(?:and|or)\s+", items[-1], maxsplit=1)
    names = [
        " ".join(
            itertools.takewhile(
                lambda w: w[:1].isupper(), re.sub(r"^(?:an?|the)\s+", "", x).split()
            )
        )
        for x in items
    ]
    if not all(names) and all(re.fullmatch(r"[a-z][\w-]+", x) for x in items):
        names = items  # "three kinds: critical (...), pressing (...) and everyday (...)"
    if len(names) != n or not all(names) or len(set(names)) != n:
        return []
    return names


# a name the document gives its levels with their numbers: "Oncelik 1 (Kritik) - ...;
# Oncelik 2 (Yuksek) - ..." (a word of the client's language, or one no list of ours knows)
_NUMBERED_NAME = re.compile(r"\b([A-Z][a-z]{2,15})\s+([0-5])\b(?=\s*(?:\(|[-–—:]))")


def numbered_levels(blocks: Sequence[models.Block]) -> dict[str, str]:
    """Levels a sentence about the scheme names with one word and counting numbers, each
    defined where it is named ("classifies every incident by its effect: Oncelik 1 (Kritik) -
    a line is stopped; Oncelik 2 (Yuksek) - ...; Oncelik 3 ..."): the word numbers the levels
    as "Priority" would, from 1 (or 0) the most urgent."""
    cues = tuple(enumeration_cues())
    for block in blocks:
        if block.heading:
            continue
        for sentence in re.split(r"(?<=[.])\s+(?=[A-Z0-9])", block.text):
            found = [(m.group(1), int(m.group(2))) for m in _NUMBERED_NAME.finditer(sentence)]
            words = {w for w, _ in found}
            numbers = [n for _, n in found]
            # ("places every ticket in one of four rings: Ring 1 - ...; Ring 2 - ...": a count
            # of the very word that numbers them says as much as "priority" would)
            counted = len(words) == 1 and re.search(
                rf"\bone\s+of\s+(?:three|four|five|six|[3-6])\s+{re.escape(min(words))}s\b",
                sentence,
                re.IGNORECASE,
            )
            if not (counted or any(cue in sentence.lower() for cue in cues)):
                continue
            if (
                len(words) == 1
                and len(numbers) >= 3
                and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
                and numbers[0] in (0, 1)
            ):
                word = words.pop()
                shift = 1 - numbers[0]
                return {f"{word} {n}": f"P{min(n + shift, 4)}" for n in numbers}
    return {}


_GLOSS = re.compile(r"\(([^()]{3,})\)")


def enumerated_levels(blocks: Sequence[models.Block]) -> dict[str, str]:
    """Level names a sentence about the scheme lists in order ("classes each incident as Very
    high (...), High (...), Normal (...) or Low (...)"): most urgent first, as lists are read."""
    cues = tuple(enumeration_cues())
    for block in blocks:
        if block.heading:
            continue
        text = _PARENS.sub("", block.text)
        for sentence in re.split(r"(?<=[.;])\s+", text):
            if not any(cue in sentence.lower() for cue in cues):
                continue
            # (the levels a count announces may run on past a semicolon: "FC 1 - ...; FC 2")
            counted = _counted_levels(text[text.find(sentence) :])
            if counted:
                return dict(zip(counted, in_document_order(len(counted))))
            m = (
                _ENUMERATION.search(sentence)
                or _LISTED.search(sentence)
                or _AS_LISTED.search(sentence)
            )
            if m:
                names = [x.strip() for x in _ITEM_SPLIT.split(m.group(1)) if x.strip()]
                leveled = sum(parse_level(name, words_only=True) is not None for name in names)
                # ("classed as Stop-line (reception ... stopped), Slow-line (... slowed), Single
                # post (one user) and Request": glosses that describe each level's harm)
                glosses = _GLOSS.findall(block.text)
                if (
                    3 <= len(names) <= 6
                    and len(set(names)) == len(names)
                    and (
                        leveled * 2 > len(names)
                        or says_order(sentence)
                        or len(glosses) >= len(names) - 1
                        and describes_effects(glosses)
                    )
                ):
                    return dict(zip(names, in_document_order(len(names))))
        # "assigned an Impact Level: Critical (...); Major (...); Moderate (...); Minor (...)"
        for sentence in re.split(r"(?<=[.])\s+", _PARENS.sub("", block.text)):
            m = _SEMI_LISTED.search(sentence)
            if m and any(cue in sentence.lower() for cue in cues):
                names = [re.sub(r"^(?:and|or)\s+", "", x.strip()) for x in m.group(1).split(";")]
                if len(set(names)) == len(names):
                    return dict(zip(names, in_document_order(len(names))))
    return {}
