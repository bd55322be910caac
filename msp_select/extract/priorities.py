"""Priority schemes: a vendor's own levels mapped onto P1..P4 by rank (contract 1.2.1).

A level name alone says little ("Level 4" is the most urgent in one document and the least
in another), but a scheme says a lot: the row labels of a table, the lead words of a list or
sibling headings are written most urgent first, or carry words whose order is known
("Fatal / Severe / Medium / Minor"). `scheme_scopes` ranks the labels of one scheme and maps
the first three ranks onto P1..P3 and every further rank onto P4.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Sequence

import yaml

from msp_select.extract.quantities import convert, find_times, word_number


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(
        (resources.files("msp_select") / "patterns" / "priorities.yaml").read_text("utf-8")
    )


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, float], re.Pattern, re.Pattern]:
    data = _data()
    words = {str(k).lower(): float(v) for k, v in data["words"].items()}
    level = "|".join(sorted(map(re.escape, data["level_words"]), key=len, reverse=True))
    spelled = "|".join(data["number_words"])
    ordinal = "|".join(data["ordinal_words"])
    nouns = "|".join(data["ordinal_level_nouns"])
    numbered = re.compile(
        rf"\b(?:{level})(?:[\s.:#-]*level)?[\s.:#-]*([0-9]|{spelled})\b"
        rf"|\b({ordinal})[\s-]+(?:{nouns})\b",
        re.IGNORECASE,
    )
    lettered = "|".join(map(re.escape, data["lettered_level_words"]))
    letters = re.compile(rf"\b(?:{lettered})[\s.:#-]*([A-E])\b", re.IGNORECASE)
    return words, numbered, letters


@functools.lru_cache(maxsize=1)
def _intensifiers() -> dict[str, float]:
    return {str(k).lower(): float(v) for k, v in _data().get("intensifiers", {}).items()}


@functools.lru_cache(maxsize=1)
def enumeration_cues() -> tuple[str, ...]:
    """Word stems of a sentence that lists a priority scheme (priorities.yaml)."""
    return tuple(_data()["enumeration_cues"])


def table_level_heads() -> frozenset[str]:
    """Header words over a definitions table's level names too common in prose to be
    enumeration cues ("Code | Applies when")."""
    return frozenset(_data()["table_level_heads"])


@functools.lru_cache(maxsize=1)
def ticket_words() -> frozenset[str]:
    """Nouns a level name qualifies when it names tickets ("Urgent incidents")."""
    return frozenset(_data()["ticket_words"])


@functools.lru_cache(maxsize=1)
def defining_verbs() -> frozenset[str]:
    """Verbs after a level name that say what the level is ("Blue is for requests")."""
    return frozenset(_data()["defining_verbs"])


@functools.lru_cache(maxsize=1)
def _order_cues() -> tuple[re.Pattern, re.Pattern]:
    data = _data()
    ordered = "|".join(map(re.escape, data["ordered_lead_ins"]))
    # what a level is defined by: its effect, or how wide the harm is (how narrow it is
    # describes only the levels below the first: see describes_effects)
    effect = "|".join(map(re.escape, [*data["effect_words"], *data["widest_harm"]]))
    # or any superlative put first: "widest first", "most disruptive first"
    superlative = r"(?:\w{2,}est|worst|most\s+\w+)\s+first"
    return (
        re.compile(rf"\b(?:{ordered}|{superlative})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{effect})\b", re.IGNORECASE),
    )


def describes_effects(labels: Sequence[str]) -> bool:
    """Every label describes an effect, or in a longer list the first and half of them
    ("Service stopped", "Service impaired", "Single user", "Scheduled work")."""
    _, effect = _order_cues()
    narrow = _narrowest_harm()
    # (two levels that differ only in how narrow they are may close a longer scheme)
    wide = len(labels) >= 3
    effects = [
        bool(effect.search(text) or (i and wide and narrow.search(text)))
        for i, text in enumerate(labels)
    ]
    return bool(effects) and (
        all(effects) or (len(labels) >= 3 and effects[0] and 2 * sum(effects) >= len(labels))
    )


@functools.lru_cache(maxsize=1)
def _narrowest_harm() -> re.Pattern:
    """ "one person", "requests": a level below the first, by the harm it is limited to."""
    words = "|".join(map(re.escape, _data()["narrowest_harm"]))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def says_order(text: str) -> bool:
    """The text says its list runs most urgent first ("in descending order of urgency")."""
    return bool(_order_cues()[0].search(text))


def ranked_by_order(
    labels: Sequence[str],
    minutes: Sequence[float | None],
    lead_in: str = "",
    names: Sequence[str] = (),
) -> list[str | None]:
    """P1.. in document order for unnamed levels whose times grow down the list or table,
    when the lead-in says the list is ordered, the labels describe effects (every one, or in
    a longer list the first and half of them: "Service stopped", "Service impaired", "Single
    user", "Scheduled work"), or three or more items are each named as a kind of ticket
    ("Stoppage Incident", "Nuisance Incident", "Service Request"); else None."""
    ordered, _ = _order_cues()
    described = describes_effects(labels)
    nouns = ticket_words() - {"priority", "level"}
    kinds = len(names) >= 3 and all(
        len(name.split()) > 1 and name.split()[-1].lower() in nouns for name in names
    )
    if 2 <= len(labels) <= 6 and grows(minutes) and (ordered.search(lead_in) or described or kinds):
        return in_document_order(len(labels))
    return [None] * len(labels)


def defined_in_order(labels: Sequence[str], texts: Sequence[str], context: str) -> list[str | None]:
    """P1.. in document order for a list that defines a scheme's levels without times ("How we
    grade incidents: Flatline - a site is down; Limping - ...; Niggle - ...") when its heading
    or lead-in names the scheme of tickets ("How we grade incidents") and its first item
    describes an effect; else None."""
    _, effect = _order_cues()
    words = set(re.findall(r"[a-z]+", context.lower()))
    about_tickets = bool(words & ticket_words()) or any(
        cue in context.lower() for cue in ("priorit", "severit", "urgenc")
    )
    if (
        3 <= len(labels) <= 6
        and len(set(labels)) == len(labels)
        and all(1 <= len(label.split()) <= 3 for label in labels)
        and any(cue in context.lower() for cue in enumeration_cues())
        and about_tickets
        and effect.search(texts[0])
    ):
        return in_document_order(len(labels))
    return [None] * len(labels)


def filled_in_order(scopes: Sequence[str | None], minutes: Sequence[float | None]) -> list:
    """ "Emergency breakdown", "Breakdown", "Routine service", their times growing down the
    list: where the scheme's words name some levels and leave others between them, the list's
    own order ranks them all, as long as the named ones keep that order."""
    known = [int(s[1:]) for s in scopes if s and re.fullmatch(r"P\d", s)]
    if (
        len(scopes) < 3
        or all(scopes)
        or len(known) != sum(1 for s in scopes if s)
        or not known
        or any(a >= b for a, b in zip(known, known[1:]))
        or not grows(minutes)
    ):
        return list(scopes)
    return in_document_order(len(scopes))


def in_document_order(count: int) -> list[str | None]:
    """P1, P2, P3, then P4 for every further level: a scheme listed most urgent first."""
    return [f"P{min(n + 1, 4)}" for n in range(count)]


def grows(values: Sequence[float | None]) -> bool:
    """Every value known, none smaller than the one before, the last larger than the first."""
    return (
        bool(values)
        and all(v is not None for v in values)
        and all(a <= b for a, b in zip(values, values[1:]))
        and values[0] < values[-1]
    )


# "1. Urgent", "(2) High", "3 - Normal"; "3.1" numbers a clause, not a level
_BARE = re.compile(r"^\s*\(?([0-9])(?:\.(?!\d)|[):]|\s*[-–—]|\s|$)")
_WORD = re.compile(r"[^\W\d_]+")  # letters, accented ones included ("Crítico")


@dataclass(frozen=True)
class Level:
    """What one label says about urgency: a level number and/or a priority word's urgency."""

    number: int | None
    urgency: float | None
    word: str | None = None  # the level word it ranks by ("critical" in "Critical response")


def parse_level(label: str, bare_numbers: bool = False, words_only: bool = False) -> Level | None:
    """The level a label names ("P1 - Critical", "SEV-2", "Level 4", "1. Urgent", "High")."""
    words, numbered, letters = _vocabulary()
    text = label.strip()
    match = None if words_only else numbered.search(text[:40])
    number = _level_number(match) if match else None
    lettered = None if words_only or match else letters.search(text[:40])
    if lettered:
        number = ord(lettered.group(1).upper()) - ord("A") + 1  # "Sev A" is the first level
    if number is None and not words_only:
        bare = _BARE.match(text)
        if bare and (bare_numbers or len(text) > len(bare.group(0))):
            number = int(bare.group(1))
    urgency, named = None, None
    found = _WORD.findall(text[:60].lower())[:8]
    for i, word in enumerate(found):
        if word in words:
            urgency = words[word] + (_intensifiers().get(found[i - 1], 0.0) if i else 0.0)
            named = word
            break
    if number is None and urgency is None:
        return None
    return Level(number, urgency, named)


def _shared_words_unranked(labels: Sequence[str], levels: list) -> list:
    """ "Grid-critical", "Plant-critical", "Office-critical": a level word that several
    differently named levels share ranks none of them, nor the levels beside them (the
    document's own scheme does). A level named twice ("Critical: response", "Critical: fix")
    is still one level."""
    heads: dict[str, set[str]] = {}
    for text, lv in zip(labels, levels):
        if lv is not None and lv.word and lv.number is None:
            # the word as written, with what it is compounded with ("grid-critical")
            token = next((t for t in text.lower().split() if lv.word in t), lv.word)
            heads.setdefault(lv.word, set()).add(token.strip(".,:;()"))
    shared = {word for word, named in heads.items() if len(named) > 1}
    return [
        None if lv is not None and lv.word in shared and lv.number is None else lv for lv in levels
    ]


def _level_number(match: re.Match) -> int:
    """The number a level's match counts: a digit, a number word or an ordinal."""
    data = _data()
    word = (match.group(1) or match.group(2)).lower()
    return int(word) if word.isdigit() else {**data["number_words"], **data["ordinal_words"]}[word]


_P_CODE = re.compile(r"(?<![\w-])P\d(?![\w-])")


def scheme_scopes(
    labels: Sequence[str],
    bare_numbers: bool = False,
    words_only: bool = False,
    trailing: bool = False,
    whole: bool = False,
) -> list[str | None]:
    """The P-scope of each label when the labels form a priority scheme, else all None.

    Two or more labels (and most of them) must name a level. Numbered levels rank in the
    direction the document lists them (a list that starts at "Level 4" counts down); words
    rank by their known urgency. With `trailing`, a list's items after its last named level
    rank below it ("Low", then "Planned work") and items before its first name none. With
    `whole`, the labels are the scheme's every level (the rows of a table), so the standard
    words rank among themselves ("Critical / Major / Minor" is P1-P3) rather than keep the
    places they have when a text names only some of them.
    """
    parsed = [parse_level(text, bare_numbers, words_only) for text in labels]
    levels = _shared_words_unranked(labels, parsed)
    if levels != parsed:
        return [None] * len(labels)  # (the document's own scheme ranks them all)
    first = next((i for i, lv in enumerate(levels) if lv is not None), 0)
    if trailing and first:
        # a list of definitions may name other terms ("Business Day") before its levels
        rest = scheme_scopes(labels[first:], bare_numbers, words_only, trailing)
        return [None] * first + rest
    named = [lv for lv in levels if lv is not None]
    coded = _coded(labels)
    if all(coded) and not any(lv and lv.number is not None for lv in named):
        return coded
    if len(named) < 2 or len(named) * 5 < len(labels) * 3:
        return [None] * len(labels)
    numbers = [lv.number for lv in named if lv.number is not None]
    if len(numbers) * 2 >= len(named) and len(set(numbers)) > 1:
        # counting up from the most urgent, or levels written "P2", "P1" (a P-number is its
        # level whatever order a table lists it in): the number is the level
        p_coded = all(_P_CODE.search(t) for t, lv in zip(labels, levels) if lv is not None)
        if numbers[0] < numbers[-1] or p_coded:
            shift = 1 - min(1, min(numbers))  # "P0" is the most urgent of a scheme from zero
            return [
                None if not lv or lv.number is None else f"P{min(lv.number + shift, 4)}"
                for lv in levels
            ]
        keys = [-lv.number if lv and lv.number is not None else None for lv in levels]
    else:
        keys = [lv.urgency if lv else None for lv in levels]
    ranks = sorted({k for k in keys if k is not None})
    if len(ranks) < 2:
        return [None] * len(labels)
    # a level is its word and its urgency: "Very high" is not "High"
    words = [(lv.word, k) if lv and lv.word else None for lv, k in zip(levels, keys)]
    if not numbers and None not in keys and len(set(words)) < len(words):
        # "Critical response | Critical resolution | High response ...": one level measured
        # twice ranks once; the distinct levels rank among themselves
        return _by_distinct_words(words, keys)
    if not numbers and None not in keys and len(ranks) < len(keys) and keys == sorted(keys):
        # "Severe / Major / Moderate / Minor": two words of one urgency in a scheme written
        # most urgent first are two levels, in the order written
        out = in_document_order(len(keys))
        return _trailing(out) if trailing else out
    if ranks[0] == 1 and set(ranks) <= {1, 2, 3, 4} and not numbers and not whole:
        # the four standard words keep their place when a table lists only some of them
        out = [None if k is None else f"P{int(k)}" for k in keys]
    else:
        out = [None if k is None else f"P{min(ranks.index(k) + 1, 4)}" for k in keys]
    return _trailing(out) if trailing else out


# a short code and the number of a level: "FC 1", "SEV-2" (a document's own scheme)
CODE_NUMBER = re.compile(r"\b([A-Z]{2,3})[\s-]?([0-9])\b")


def _coded(labels: Sequence[str]) -> list[str | None]:
    """ "FC 1 operation prevented | FC 2 operation impeded | ...": one short code numbered on
    from 0 or 1, as a document abbreviates its own scheme ("Fault Class"), ranks by number."""
    none: list[str | None] = [None] * len(labels)
    found = [CODE_NUMBER.match((text or "").strip()) for text in labels]
    if len(labels) < 2 or not all(found) or len({m.group(1) for m in found}) != 1:
        return none
    numbers = [int(m.group(2)) for m in found]
    first = numbers[0]
    if (
        found[0].group(1).lower() in _data()["not_level_codes"]
        or first not in (0, 1)
        or numbers != list(range(first, first + len(numbers)))
    ):
        return none
    return [f"P{min(n + 1 - first, 4)}" for n in numbers]


def _by_distinct_words(words: list, keys: list) -> list[str | None]:
    distinct: dict = {}
    for word, key in zip(words, keys):
        if word is not None:
            distinct.setdefault(word, key)
    order = sorted(distinct, key=lambda w: (distinct[w], list(distinct).index(w)))
    return [None if w is None else f"P{min(order.index(w) + 1, 4)}" for w in words]


def _trailing(scopes: list[str | None]) -> list[str | None]:
    """Levels listed after the last named one ("Low", then "Planned work") rank below it."""
    out = list(scopes)
    last = max((i for i, x in enumerate(out) if x), default=-1)
    if last < 0 or [x for x in out if x] != sorted(x for x in out if x):
        return out
    for i in range(last + 1, len(out)):
        out[i] = f"P{min(int(out[i - 1][1:]) + 1, 4)}"
    return out


def condition_ranks(sentences: Sequence[str], least: int = 2) -> list[str | None]:
    """See _condition_ranks (cached: a paragraph's sentences are ranked more than once)."""
    return list(_condition_ranks(tuple(sentences), least))


@functools.lru_cache(maxsize=1024)
def _condition_ranks(sentences: tuple[str, ...], least: int) -> tuple[str | None, ...]:
    """P1.. for the sentences of one paragraph that open with a condition naming an effect
    ("If a line is stopped", "If a team can't work") and a catch-all after them ("Everything
    else"), when their times grow in that order; None for every other sentence.

    With `least` (sentences across several paragraphs) the scheme is the longest run from
    the first such sentence whose times grow, of at least `least` sentences: a later "If a
    plant office is still down two hours after the call, ..." is an escalation, not a level."""
    data = _data()
    _, effect = _order_cues()
    openers = tuple(data["condition_openers"])
    catch = tuple(data["catch_alls"]) + (tuple(data["closing_requests"]) if least > 2 else ())
    tickets = ticket_words()
    picked: list[int] = []
    closers: set[int] = set()
    for i, text in enumerate(sentences):
        words = text.strip().lower()
        first = words.split(maxsplit=1)[0] if words else ""
        # "Other problems we answer by ...": "other" and a ticket word close the scheme too
        other = re.match(r"(?:all |any )?other (\w+)", words)
        closing = words.startswith(catch) or bool(other and other.group(1) in tickets)
        # a sentence about the same level that gives no time ("For a stopped hotel we cannot
        # promise ...") is no level of its own
        opens = first in openers and bool(effect.search(text)) and bool(find_times(text))
        if opens or (picked and closing):
            picked.append(i)
            if closing:
                closers.add(i)
    if len(picked) < least:
        return (None,) * len(sentences)
    minutes = [
        min((convert(t.value, t.unit, "minute") for t in find_times(sentences[i])), default=None)
        for i in picked
    ]
    if minutes[-1] is None and picked[-1] in closers:
        minutes[-1] = float("inf")  # a catch-all without a figure of its own ranks last
    if least > 2:
        while len(picked) > least and not grows(minutes):
            picked, minutes = picked[:-1], minutes[:-1]
    if not grows(minutes):
        return (None,) * len(sentences)
    out: list[str | None] = [None] * len(sentences)
    for i, scope in zip(picked, in_document_order(len(picked))):
        out[i] = scope
    return tuple(out)


_MOST = r"(?:the\s+)?(?:most\s+(?:urgent|critical|severe|serious|important)|highest|top)"
_MOST_WORD = re.compile(r"most|highest|top", re.IGNORECASE)  # what every _declaration holds


@functools.lru_cache(maxsize=1)
def _declaration() -> re.Pattern:
    words = _data()["level_words"] + _data()["scale_words"]
    level = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(
        # ("Severity (4 is the most severe, as 4.1 defines)": the count in the word's aside)
        rf"\b(?P<word>{level})\s+(?:\(\s*)?(?P<n>[2-9])\s*"
        rf"(?:is\s+{_MOST}|\(\s*{_MOST}|[-–—:]\s*{_MOST})",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=1)
def _upward() -> tuple[re.Pattern, re.Pattern]:
    """ "We grade every call from one to four, and the higher the grade, the more it hurts",
    "one of three grades, and the higher the grade the more serious": the word and the count."""
    words = _data()["level_words"] + _data()["scale_words"]
    level = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    number = rf"[2-9]|{'|'.join(_NUMBER_WORDS[2:])}"
    return (
        re.compile(
            rf"\bthe\s+higher\s+the\s+(?P<word>{level}|number|figure)\b[^.]*?\bthe\s+"
            r"(?:more|worse|greater|faster|sooner|quicker)\b"
            # "Higher number = bigger problem", "a higher grade means a worse outage"
            rf"|\b(?:an?\s+)?higher\s+(?P<short>{level}|number|figure)\s*(?:=|means|is)\s*"
            r"(?:an?\s+)?(?:bigger|worse|more|greater|larger|higher)\b"
            # "a five-point scale that counts upwards": its levels' word is named after it
            r"|\b(?:counts?|counting|numbered|runs?|goes|rises?|climbs?)\s+upwards?\b(?!\s+of)"
            r"|\bin\s+ascending\s+order\b",
            re.IGNORECASE,
        ),
        re.compile(
            # (not a heading's number: "3.2 Impact levels")
            rf"\b(?:from\s+(?:1|one)\s+to\s+(?P<to>{number})|(?<![\d.])(?P<n>{number})\s+(?:\w+\s+)?\w+s"
            rf"|(?P<steps>{number})[-\s]+(?:step|point|level|grade)\s+scale)\b",
            re.I,
        ),
    )


@functools.lru_cache(maxsize=1)
def _named_figure() -> re.Pattern:
    words = _data()["level_words"] + _data()["scale_words"]
    level = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    figure = "|".join(("[1-9]",) + _NUMBER_WORDS[1:])
    return re.compile(rf"\b(?P<word>{level})\s+(?:{figure})\b", re.IGNORECASE)


_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@functools.lru_cache(maxsize=1)
def _harm() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = _data()
    words = data["level_words"] + data["scale_words"]
    level = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    verbs = "|".join(map(re.escape, data["defining_verbs"]))
    defined = re.compile(
        # "Code 3 - lights and sirens - means ...", "Code 1 is one person": the level, an
        # aside, a defining verb and what it covers, to the end of the sentence
        rf"\b(?P<word>{level})\s+(?P<n>[1-9])\b(?:\s*[-–—(][^.;]{{0,60}}?[-–—)])?\s+"
        rf"(?:{verbs})\b(?P<what>[^.;]*)",
        re.IGNORECASE,
    )

    def cues(key: str) -> re.Pattern:
        return re.compile(rf"\b(?:{'|'.join(map(re.escape, data[key]))})\b", re.IGNORECASE)

    return defined, cues("widest_harm"), cues("narrowest_harm")


def _defined_by_harm(text: str) -> tuple[str, str] | None:
    """(word, top number) when a document defines its numbered levels by what they cover and
    the highest covers the widest harm, the lowest the narrowest ("Code 3 ... means the
    network is down ... Code 1 is one person, a request or a question")."""
    defined, widest, narrowest = _harm()
    # level word (as first written) -> number -> what it covers
    found: dict[str, dict[int, str]] = {}
    written: dict[str, str] = {}
    for m in defined.finditer(text):
        word = written.setdefault(m.group("word").lower(), m.group("word"))
        found.setdefault(word, {}).setdefault(int(m.group("n")), m.group("what"))
    for word in sorted(found):
        levels = found[word]
        top, low = levels[max(levels)], levels.get(1)
        if (
            len(levels) >= 2
            and low is not None
            and widest.search(top)
            and narrowest.search(low)
            and not widest.search(low)
            and not narrowest.search(top)
        ):
            return word, str(max(levels))
    return None


def _uncounted_upward(text: str, end: int, word: str) -> dict[str, str]:
    named = _named_figure().search(text, end)
    if word.lower() in ("number", "figure"):
        word = named.group("word") if named else ""
    found = re.findall(rf"\b{re.escape(word)}\s+([1-9])\b", text[end:], re.IGNORECASE)
    numbers = {int(n) for n in found}
    if not word or len(numbers) < 2:
        return {}
    top = max(numbers)
    return {
        key: f"P{min(top - k + 1, 4)}"
        for k in range(1, top + 1)
        for key in (f"{word} {k}", f"{word} {_NUMBER_WORDS[k]}")
    }


def declared_scale(text: str) -> dict[str, str]:
    """ "Urgency is graded from 1 to 4, and Urgency 4 is the most urgent", "from Level 4 (the
    highest ...) to Level 1", "from one to four, and the higher the grade, the more it hurts":
    a document that says its numbers count up to the most urgent ranks "Urgency 4" P1,
    "Urgency 3" P2 and so on, in figures or in words ("grade four"); so does "a five-point
    scale that counts upwards. Category 5 is ..."."""
    # (a whole document is searched: the word every declaration holds is looked for first)
    m = _declaration().search(text) if _MOST_WORD.search(text) else None
    by_harm = None if m else _defined_by_harm(text)
    if m:
        word, n = m.group("word"), m.group("n").lower()
    elif by_harm:
        word, n = by_harm
    else:
        upward, count = _upward()
        m = upward.search(text)
        # the count in the declaring sentence or the one before ("Four severities. Higher
        # number = bigger problem.")
        start = text.rfind(".", 0, m.start()) + 1 if m else 0
        before = max(text.rfind(end, 0, max(start - 1, 0)) for end in ".\n") + 1 if start else 0
        counted = (
            count.search(text, start, m.end()) or count.search(text, before, start) if m else None
        )
        if not m:
            return {}
        word = m.group("word") or m.group("short") or "number"
        if not counted:
            # "the higher the number, the more urgent. Impact 3: ... Impact 2: ... Impact 1":
            # with no count, the highest number the levels' word carries is the top
            return _uncounted_upward(text, m.end(), word)
        n = (counted.group("to") or counted.group("n") or counted.group("steps")).lower()
        if word.lower() in ("number", "figure"):
            # "the higher the number the faster we move: Urgency 3 means ...": the levels'
            # own word is the one written before a figure after the declaration
            named = _named_figure().search(text, m.end())
            if not named:
                return {}
            word = named.group("word")
    top = int(n) if n.isdigit() else int(word_number(n) or 0)
    out = {}
    for k in range(1, top + 1):
        scope = f"P{min(top - k + 1, 4)}"
        out[f"{word} {k}"] = out[f"{word} {_NUMBER_WORDS[k]}"] = scope
    return out
