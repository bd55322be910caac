"""Find numbers with units in proposal text and convert them to the contract's units.

A proposal writes the same duration many ways ("4 hours", "four (4) hours", "half an hour",
"next business day", "48hrs"). This module turns each into a `Quantity` carrying its
character span, so the extractor can tell which words surround it. Number words go through
text2num, money through price-parser, unit arithmetic through pint.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from msp_select import vocab
from msp_select.vocab import CURRENCIES, currency_code

_NUM_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()
_WORD = r"(?:%s)" % "|".join(sorted(_NUM_WORDS, key=len, reverse=True))
# "four", "twenty-four", "one hundred and twenty", optionally followed by "(4)"; at most six
# words ("nine hundred and ninety nine" is four): unbounded, a page of number words takes
# quadratic time, each word starting a match that runs to the end of the run
_WORDNUM = rf"{_WORD}(?:[\s-]+(?:(?<=hundred\s)and\s+)?{_WORD}){{0,5}}"  # not "six and nine"
# "11,900.00"; and as Indian English groups them, lakhs and crores: "1,85,000.00"
_THOUSANDS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d+)?"
# "1.236,00", "180,00": a decimal comma (two decimals after it, points between thousands)
# "1.250,00", "1 250,00": thousands set off by points or spaces, cents after a comma
_DECIMAL_COMMA = r"\d{1,3}(?:[. \u00a0\u202f]\d{3})*,\d{2}(?![\d,])"
# "1.250,500": thousands set off by points and three decimals after the comma (a dinar's
# millimes), which no other reading allows
_COMMA_FILS = r"\d{1,3}(?:\.\d{3})+,\d{3}(?![\d,])"
_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")  # "1,5 hours": a decimal comma
_DIGITS = rf"{_THOUSANDS}|\d+,\d{{1,2}}(?![\d,])|\d+(?:\.\d+)?"
NUMBER = rf"(?:(?P<digits>{_DIGITS})(?P<frac>[½¼¾])?(?:\s*\([a-z][a-z -]*\))?|(?P<vulgar>[½¼¾])|(?P<words>{_WORDNUM})(?:\s*\((?P<paren>\d+(?:\.\d+)?)\))?|(?P<article>an?|one|half\s+an?|(?:a|one|three)\s+quarters?\s+of\s+an?))"

_TIME_UNITS = {
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "m": "minute",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "wk": "week",
    "wks": "week",
    "wd": "business_day",  # "3 WD": working days
    "wds": "business_day",
    "bd": "business_day",
    "bds": "business_day",
    "bh": "business_hour",  # "4 BH": business hours
    "d": "day",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "mo": "month",
    "mos": "month",
    "mth": "month",
    "mths": "month",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
}
_BUSINESS = r"(?P<biz>business|working|office|clock|calendar|bus\.)(?:(?<=\.)\s*|[\s-]+)"
_UNIT = r"(?P<unit>minutes?|mins?|hours?|hrs?|days?|wds?|bds?|weeks?|wks?|fortnights?|months?|mos?|mths?|years?|yrs?|bh|h|m|d)"
_TIME_RE = re.compile(
    rf"(?<![\w$€£.,]){NUMBER}(?:\s*|-)(?:{_BUSINESS})?{_UNIT}(?![\w])"
    r"|(?P<nbd>\bNBD\b|next[\s-]+(?:business|working)[\s-]+day|same[\s-]+(?:business[\s-]+|working[\s-]+)?day|end\s+of\s+(?:the\s+)?next\s+(?:business|working)\s+day)",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,]\d+)?)\s?(?:%|percent\b|per\s?cent\b)"
    # the sign before the figure, as Turkish writes it: "%99,5"
    r"|(?<![\w%])%\s?(\d{1,3}(?:[.,]\d+)?)(?![\d.,]*\s?%)(?![.,]?\d)",
    re.IGNORECASE,
)
# ISO codes proposals write as such (signs and words are in data/currencies.yaml)
CURRENCY_CODES = "|".join(vocab.CURRENCY_CODES)
# codes that are also words ("ALL", "TOP"): money only beside an amount written as money
WORD_CODES = "|".join(sorted(vocab.WORD_CODES))
# "R 85 000", "5 520.00": thousands set off by spaces
_SPACED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d{1,2})?(?!\d|,\d)"
# "EUR 4.800", "€ 3.750,-": thousands set off by points, no cents (three digits after a point)
_DOTTED = r"\d{1,3}(?:\.\d{3})+(?:,-)?(?!\d|[.,]\d)"
_AMOUNT = rf"{_COMMA_FILS}|{_DECIMAL_COMMA}|{_SPACED}|{_DOTTED}|\d(?:[\d,]*\d)?(?:\.\d+)?"


def _money_re() -> re.Pattern:
    written = sorted([*CURRENCIES, "$"], key=len, reverse=True)
    # a sign in letters ("R 450", "RMB 95") needs a space, two digits or a thousands group
    # after it ("N6,800"): "R2" is a release, "NIS2" a directive
    signs = "|".join(
        re.escape(w) + (r"(?=\s|\d\d|\d[,.]\d{3})" if w.isalpha() else "")
        for w in written
        if not w.islower()
    )
    words = "|".join(re.escape(w) for w in written if w.islower())
    after = "|".join(re.escape(w) for w in vocab.CURRENCIES_AFTER)
    return re.compile(
        rf"(?:(?<![A-Za-z/])(?P<sym>{signs}|\b(?:{CURRENCY_CODES}|{WORD_CODES})\b)\s?(?P<a1>{_AMOUNT})"
        rf"(?:\s?(?P<k1>[kK]|million\b|m\b|lakhs?\b|lacs?\b|crores?\b))?"
        rf"|(?P<a2>{_AMOUNT})\s?(?P<k2>[kK]\b)?\s?(?:(?P<code>{CURRENCY_CODES}|{WORD_CODES}|(?i:{words}))\b"
        # "150.00 €", "92,00 $" as French writes dollars, "7 400 Ft"
        rf"|(?P<post>[€£$]|(?:{after})(?!\w))))"
    )


_MONEY_RE = _money_re()
_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "lakh": 1e5,
    "lac": 1e5,
    "crore": 1e7,
}


@dataclass(frozen=True)
class Quantity:
    """A number with a unit found in a text: `kind` is time, percent or money."""

    kind: str
    value: float
    unit: str  # time: minute/hour/day/week/month/year/business_day/business_hour; money: currency
    start: int
    end: int
    text: str


def word_number(words: str) -> float | None:
    """ "twenty-four" -> 24, "one hundred and twenty" -> 120; None when it is not a number."""
    from text_to_num import text2num

    try:
        return float(text2num(re.sub(r"[\s-]+", " ", words.lower()).replace(" and ", " "), "en"))
    except ValueError:
        return None


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75}


def _number(m: re.Match) -> float | None:
    if m.group("vulgar"):
        return _VULGAR[m.group("vulgar")]
    if m.group("digits"):
        digits = m.group("digits")
        whole = float(
            digits.replace(",", ".")
            if _COMMA_DECIMAL.fullmatch(digits)
            else digits.replace(",", "")
        )
        return whole + _VULGAR.get(m.group("frac") or "", 0.0)
    if m.group("paren"):
        return float(m.group("paren"))
    if m.group("words"):
        return word_number(m.group("words"))
    art = (m.group("article") or "").lower()
    if art.startswith("half"):
        return 0.5
    if "quarter" in art:  # "a quarter of an hour", "three quarters of an hour"
        return 0.75 if art.startswith("three") else 0.25
    return 1.0 if art else None


def time_unit(word: str) -> str:
    """The unit a unit word names ("min" -> "minute", "hrs" -> "hour", "WD" -> "business_day"),
    "" for any other word."""
    return _TIME_UNITS.get(word.lower(), "")


def find_times(text: str) -> list[Quantity]:
    """Durations: "15 minutes", "four (4) business hours", "half an hour", "next business day"."""
    return list(_times(text))


# (cached, as are percentages and amounts: a sentence is read by several rules, and a cell or
# a footer recurs)
def _no_letter_unit(m: re.Match, unit_word: str, text: str) -> bool:
    """A short unit only after digits: not "a h", "one d", "and" (an + d); "3D" is a kind of
    printer and "7d/w" days a week."""
    if unit_word in ("m", "h", "d") and m.group("words") or m.group("unit") == "D":
        return True
    if unit_word == "d" and text[m.end() : m.end() + 1] == "/":
        return True
    return bool(m.group("article")) and unit_word in _SHORT_UNITS


_SHORT_UNITS = ("m", "h", "d", "bh", "min", "mins", "hr", "hrs")  # "a" counts none of them


_EQUALS_AFTER = re.compile(r"\s*=")
_CODE_EQUALS_BEFORE = re.compile(r"\b[A-Z]{2,5}\s*=\s*$")
# a heading's clause number before a title in capitals ("6.4 Hours of cover", "Section 12.3
# Days of Service"): a unit with a capital after a dotted number that opens the text, and
# "of" after it (a cell "2.5 Hours" is a duration)
_SECTION_TITLE = re.compile(
    r"\s*(?:[Ss]ection\s+|[Cc]lause\s+|§\s*)?(?P<n>\d{1,2}(?:\.\d{1,2})+)\.?\s+[A-Z][a-z]+\s+of\b"
)


@lru_cache(maxsize=4096)
def _times(text: str) -> tuple[Quantity, ...]:
    out = []
    for m in _TIME_RE.finditer(text):
        if m.group("nbd"):
            if _EQUALS_AFTER.match(text, m.end()) or _CODE_EQUALS_BEFORE.search(text, 0, m.start()):
                continue  # a legend, "NBD = next business day", spells a term out
            out.append(Quantity("time", 1.0, "business_day", m.start(), m.end(), m.group(0)))
            continue
        unit_word = m.group("unit").lower()
        if _no_letter_unit(m, unit_word, text):
            continue
        if m.group("article") and unit_word.endswith("s") and not unit_word.endswith("ss"):
            continue  # "a business-hours clock": "a" counts no plural
        if _BY_UNIT.match(text, m.end()):
            continue  # "a week-by-week plan", "day-to-day running": a manner, not a duration
        if (t := _SECTION_TITLE.match(text)) and t.end("n") >= m.start():
            continue  # "6.4 Hours of cover": a section's number and its title
        value = _number(m)
        if value is None:
            continue
        unit = _TIME_UNITS[unit_word]
        if m.group("biz") and m.group("biz").lower() in ("business", "working", "office", "bus."):
            unit = {"day": "business_day", "hour": "business_hour"}.get(unit, unit)
        out.append(Quantity("time", value, unit, m.start(), m.end(), m.group(0)))
    for m in _THE_HOUR.finditer(text):  # "within the hour" is within one hour
        out.append(Quantity("time", 1.0, "hour", m.start(1), m.end(1), m.group(1)))
    out = _hours_and_minutes(text, out)
    out += _sharing_a_unit(text, out)
    for m in _DAY_PLUS.finditer(text):  # "J+1", "D+3": the business day so many after
        out.append(
            Quantity("time", float(m.group(1)), "business_day", m.start(), m.end(), m.group(0))
        )
    return tuple(sorted(out, key=lambda q: q.start))


_CLOCK = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)?(?![\d%])",
    re.IGNORECASE,
)


_MILITARY_RANGE = re.compile(
    r"(?<![\d.,:$£€])([01]\d|2[0-4])(00|15|30|45)\s*(?:-|–|to|until)\s*([01]\d|2[0-4])(00|15|30|45)"
    r"(?![\d.,%])"
)


def clock_span(text: str) -> tuple[float, float] | None:
    """The hours of the day a clock range runs from and to ("9am - 5.30pm" -> (9, 17.5),
    "10:00 p.m. to 2:00 a.m." -> (22, 2), "00:00-24:00" -> (0, 24)); None unless the text
    holds two clock times. A lone "pm" after the second time covers the first where that
    keeps the range forward ("9 to 5pm")."""
    # ("6 a.m. to midnight", "midnight to 6 a.m.", "8 to noon")
    text = _NAMED_HOURS.sub(
        lambda m: "12:00" if m.group(0).lower() != "midnight" else "24:00", text
    )
    military = _MILITARY_RANGE.search(text)
    if military:  # "0700-1800": four-digit times of a 24-hour clock
        h1, m1, h2, m2 = map(int, military.groups())
        return h1 + m1 / 60, h2 + m2 / 60
    times = []
    for m in _CLOCK.finditer(text):
        h, mins, ap = int(m.group("h")), int(m.group("m") or 0), (m.group("ap") or "").lower()
        if h > 24 or (not times and not (m.group("m") or ap)):
            continue  # the first time needs minutes or am/pm; "8.30am to 6" may end bare
        times.append((h, mins, ap[:1]))
        if len(times) == 2:
            break
    if len(times) != 2:
        return None
    (h1, m1, a1), (h2, m2, a2) = times
    if a2 == "p" and not a1 and h1 <= 12:
        a1 = "p" if h1 == 12 or h1 < h2 % 12 else "a"  # "9.00 to 5pm", "1.00 to 5pm"
    if a1 == "a" and not a2 and h2 <= h1:
        a2 = "p"  # "8am to 6" ends in the evening

    def hour(h: int, m: int, a: str) -> float:
        return (h % 12 + (12 if a == "p" else 0) if a else h) + m / 60

    start = hour(h1, m1, a1)
    return (0.0 if start == 24 else start), hour(h2, m2, a2)


_NAMED_HOURS = re.compile(r"\b(?:midnight|noon|midday)\b", re.IGNORECASE)


_HMM_DECLARED = re.compile(r"\bh{1,2}:mm\b", re.IGNORECASE)
_HMM = re.compile(r"(?<![\d:.,])(?P<h>\d{1,3}):(?P<m>[0-5]\d)(?![\d:]|\s*(?:[ap]\.?m\b|h\b))", re.I)


def declares_hmm(text: str) -> bool:
    """Does the document say it writes periods as h:mm ("Periods of time are written h:mm:
    0:15 is fifteen minutes")?"""
    return bool(_HMM_DECLARED.search(text))


def find_hmm(text: str) -> list[Quantity]:
    """Periods written h:mm ("0:15", "24:00"), for a document that declares that notation."""
    found = list(_HMM.finditer(text))
    # "07:00-19:00", "between 22:00 and 05:00": times of day, not periods
    paired = {
        k
        for i, (a, b) in enumerate(zip(found, found[1:]))
        if re.fullmatch(r"\s*(?:-|–|to|until|till)\s*", text[a.end() : b.start()], re.I)
        or (
            re.fullmatch(r"\s*and\s*", text[a.end() : b.start()], re.I)
            and re.search(r"\b(?:between|from)\s*$", text[: a.start()], re.I)
        )
        for k in (i, i + 1)
    }
    return [
        Quantity("time", int(m["h"]) * 60 + int(m["m"]), "minute", m.start(), m.end(), m.group(0))
        for i, m in enumerate(found)
        if i not in paired
    ]


def _hours_and_minutes(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "2 hours 30 minutes", "1 hour and 30 minutes" and "4h30" are one duration in minutes;
    "07h30 to 20h00" and "at 7h30" are times of day, not durations."""
    out = [
        Quantity("time", int(m[1]) * 60.0 + int(m[2]), "minute", m.start(), m.end(), m[0])
        for m in _H_MM.finditer(text)
        if not (_CLOCK_BEFORE.search(text, 0, m.start()) or _CLOCK_AFTER.match(text, m.end()))
    ]
    found = [q for q in found if not any(o.start < q.end and q.start < o.end for o in out)]
    for q, nxt in zip(found, [*found[1:], None]):
        if out and out[-1].end == q.end:
            continue  # the minutes of the hours just joined
        if (
            nxt is not None
            and q.unit == "hour"
            and nxt.unit == "minute"
            and nxt.value < 60
            and _HOURS_JOIN.fullmatch(text[q.end : nxt.start])
        ):
            minutes = q.value * 60 + nxt.value
            q = Quantity("time", minutes, "minute", q.start, nxt.end, text[q.start : nxt.end])
        out.append(q)
    return sorted(out, key=lambda q: q.start)


_HOURS_JOIN = re.compile(r"\s*(?:and\s+)?")
# "4h30", "1 h 30", "1h30min": hours and minutes in one figure
_H_MM = re.compile(
    r"(?<![\w.,:])(\d{1,2})\s?h\s?([0-5]\d)(?:\s?(?:min|mins|mn|m)\b)?(?![\d:%])", re.IGNORECASE
)
_CLOCK_BEFORE = re.compile(r"\b(?:at|from|until|till|to|before|after|by|between|and)\s+$", re.I)
_CLOCK_AFTER = re.compile(r"\s*(?:-|–|to|until|till|and)\s*\d{1,2}\s?h\s?\d{2}", re.I)


def _sharing_a_unit(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "15, 60 and 240 minutes": the figures listed before a duration share its unit."""
    out = []
    for q in found:
        if not text[max(0, q.start - 6) : q.start].rstrip().endswith(("and", "or")):
            continue
        listed = _LISTED_BEFORE.search(text, max(0, q.start - 60), q.start)
        if (
            listed
            and text[q.start : q.start + 1].isdigit()
            and not _BETWEEN.search(text, max(0, listed.start(1) - 12), listed.start(1))  # a range
        ):
            for n in re.finditer(r"\d+(?:\.\d+)?", listed.group(1)):
                start = listed.start(1) + n.start()
                value = float(n.group(0))
                out.append(
                    Quantity("time", value, q.unit, start, start + len(n.group(0)), n.group(0))
                )
    return out


_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_LISTED_BEFORE = re.compile(
    r"(?<![\w.,:/-])((?:\d+(?:\.\d+)?\s*,\s*)*\d+(?:\.\d+)?)\s*,?\s+(?:and|or)\s+$"
)
_DAY_PLUS = re.compile(r"(?<![\w+-])[JD]\s?\+\s?(\d{1,2})\b(?!\s*(?:h|min|hours?|minutes?)\b)")


_BY_UNIT = re.compile(r"-(?:by|to)-(?:minute|hour|day|week|month|year)\b", re.IGNORECASE)
_THE_HOUR = re.compile(r"\b(?:within|inside(?:\s+of)?)\s+(the\s+hour)\b", re.IGNORECASE)
_ELIDED = re.compile(rf"\bwithin\s+(?P<n>\d{{1,3}}|{_WORDNUM})(?=\s*(?:[.;,)]|$))", re.IGNORECASE)


def find_elided_times(text: str, times: list[Quantity]) -> list[Quantity]:
    """ "...within three working days and Severity D requests within ten.": a bare number
    after "within" takes the unit of the duration written before it in the sentence."""
    out = []
    for m in _ELIDED.finditer(text):
        before = [q for q in times if q.end <= m.start()]
        if not before or any(q.start <= m.start("n") < q.end for q in times):
            continue
        words = m.group("n")
        value = float(words) if words.isdigit() else word_number(words)
        if value:
            unit = before[-1].unit
            out.append(Quantity("time", value, unit, m.start("n"), m.end("n"), words))
    return out


_DIGIT_WORDS = {w: i for i, w in enumerate(_NUM_WORDS[:10])}
_WORD_PERCENT_RE = re.compile(
    rf"(?<![\w-])(?P<whole>{_WORDNUM})(?:\s+point(?P<decimals>(?:\s+(?:{'|'.join(_NUM_WORDS[:10])}))+)"
    r"|\s+and\s+(?P<half>a\s+half|one\s+half|a\s+quarter|three\s+quarters))?"
    r"\s+(?:percent\b|per\s?cent\b|%)",
    re.IGNORECASE,
)
# "three nines" is 99.9%, "four nines" 99.99%: availability as engineers say it
_NINES_RE = re.compile(r"(?<![\w-])(?P<n>[2-6]|two|three|four|five|six)\s+nines\b", re.IGNORECASE)


def in_nines(text: str) -> bool:
    """Whether a percentage is written as its count of nines ("three nines")."""
    return bool(_NINES_RE.fullmatch(text))


_FRACTION = {"a half": 0.5, "one half": 0.5, "a quarter": 0.25, "three quarters": 0.75}


def find_percents(text: str) -> list[Quantity]:
    """Percentages in digits ("99.9%") or words ("ninety-nine point nine five percent",
    "ninety-nine and a half percent")."""
    return list(_percents(text))


@lru_cache(maxsize=4096)
def _percents(text: str) -> tuple[Quantity, ...]:
    found = [
        Quantity(
            "percent",
            float((m.group(1) or m.group(2)).replace(",", ".")),
            "percent",
            m.start(),
            m.end(),
            m.group(0),
        )
        for m in _PERCENT_RE.finditer(text)  # "99,9 %": a decimal comma
    ]
    for m in _WORD_PERCENT_RE.finditer(text):
        value = word_number(m.group("whole"))
        if value is None:
            continue
        if m.group("decimals"):
            digits = "".join(str(_DIGIT_WORDS[w.lower()]) for w in m.group("decimals").split())
            value += float("0." + digits)
        elif m.group("half"):
            value += _FRACTION[" ".join(m.group("half").lower().split())]
        found.append(Quantity("percent", value, "percent", m.start(), m.end(), m.group(0)))
    for m in _NINES_RE.finditer(text):
        n = int(m.group("n")) if m.group("n").isdigit() else int(word_number(m.group("n")) or 0)
        value = round(100 - 10 ** (2 - n), n)
        found.append(Quantity("percent", value, "percent", m.start(), m.end(), m.group(0)))
    return tuple(sorted(found, key=lambda q: q.start))


# "CHF 22'480.00", "14'980.–": thousands set off by apostrophes, and a dash for no cents, as
# Swiss amounts are written; read as "22,480.00" and "14,980.0" (the same length, so every
# offset into the text still holds)
_APOSTROPHE = re.compile(r"(?<=\d)['’](?=\d{3}(?!\d))")
_NO_CENTS = re.compile(r"(?<=\d)\.[–—-](?![\d–—-])")


def swiss(text: str) -> str:
    """`text` with Swiss thousands and dashes for cents written the common way."""
    if "'" not in text and "’" not in text and "." not in text:
        return text
    return _NO_CENTS.sub(".0", _APOSTROPHE.sub(",", text))


def find_money(
    text: str, dollar: str = "", declared: str = "", comma_fils: bool = False
) -> list[Quantity]:
    """Amounts with a currency: "$1,250", "€95.50", "GBP 1,200", "12k USD", "150.00 €", "92,00 $".

    `dollar` is the currency a document declares for a bare "$" (contract 1.2.1), else USD;
    `declared` the one it declares for all its amounts, which a sign several currencies
    write ("Rs.") means when it is one of them.
    """
    return list(_money(text, dollar, declared, comma_fils))


@lru_cache(maxsize=4096)
def _money(
    text: str, dollar: str, declared: str = "", comma_fils: bool = False
) -> tuple[Quantity, ...]:
    from price_parser import Price

    out = []
    read = swiss(text)
    for m in _MONEY_RE.finditer(read):
        cur = m.group("sym") or m.group("code") or m.group("post")
        if cur in vocab.MONEY_ONLY and not written_as_money(m.group("a1") or m.group("a2") or ""):
            continue  # "L 3": a level, not three lempiras
        if cur == "$":
            cur = dollar or "USD"
        elif cur.lower() in vocab.FOLLOW_DECLARED and dollar:
            cur = dollar  # "21,000 pesos" in a document priced in Chilean pesos
        else:  # "Rs. 1,850" in a document priced in Pakistani rupees is PKR
            cur = vocab.shared_sign_code(cur, currency_code(cur), declared)
        amount = m.group("a1") or m.group("a2") or ""
        if cur in vocab.WORD_CODES and not written_as_money(amount):
            continue  # "ALL 5 sites", "TOP 10": words, not the lek or the pa'anga
        comma = re.fullmatch(_DECIMAL_COMMA, amount) or re.fullmatch(_COMMA_FILS, amount)
        if comma or re.fullmatch(_SPACED, amount):
            amount = re.sub(r"[ \u00a0\u202f]", "", amount)
        elif re.fullmatch(_DOTTED, amount):
            amount = amount.replace(".", "").removesuffix(",-")
        price = Price.fromstring(amount, decimal_separator="," if comma else ".")
        if price.amount is None:
            continue
        value = in_fils(float(price.amount), m.group("a1") or m.group("a2") or "", cur, comma_fils)
        mult = (m.group("k1") or m.group("k2") or "").lower()
        # (Indian English counts in lakhs of 100,000 and crores of 10,000,000)
        value *= _MULTIPLIERS.get(mult.removesuffix("s"), 1)
        out.append(Quantity("money", value, cur, m.start(), m.end(), text[m.start() : m.end()]))
    return tuple(out)


@lru_cache(maxsize=1)
def _currency_names() -> dict[str, str]:
    """English names a document may declare its currency by ("Mexican pesos", "euros"), from
    Babel's CLDR data for every code currencies.yaml reads, and the names it adds."""
    from babel.numbers import get_currency_name

    out: dict[str, str] = {}
    for code in vocab.CURRENCY_CODES:
        for count in (1, 2):
            out.setdefault(get_currency_name(code, count, "en").lower(), code)
    out.update({k.lower(): v for k, v in vocab.CURRENCY_NAMES.items()})
    out.update({k: v for k, v in CURRENCIES.items() if k.islower() and len(k) > 1})
    return out


@lru_cache(maxsize=2)
def _declaration(dollar: bool) -> re.Pattern:
    """ "prices are quoted in NZD", "All amounts in Mexican pesos": a declaration naming a
    currency (with `dollar`, only one written with a bare "$")."""
    names = {
        n: c for n, c in _currency_names().items() if not dollar or c in vocab.DOLLAR_CURRENCIES
    }
    codes = [c for c in vocab.CURRENCY_CODES if not dollar or c in vocab.DOLLAR_CURRENCIES]
    spelled = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        r"\b(?:prices|pricing|fees|charges|rates|amounts|figures|costs|sums)\b(?:[^.;|]{0,60}?"
        r"\b(?:in|are|denominated|expressed|quoted|stated|shown)\b[^.;|]{0,20}?|\s*[:(]?\s*)"
        rf"(?:(?<![\w.])(?P<name>{spelled})(?![\w])|\b(?P<code>{'|'.join(codes)})\b)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=2)
def _currency_word(dollar: bool) -> re.Pattern:
    """A currency's name or code anywhere in a text (with `dollar`, only a "$" currency's)."""
    names = [n for n, c in _currency_names().items() if not dollar or c in vocab.DOLLAR_CURRENCIES]
    codes = [c for c in vocab.CURRENCY_CODES if not dollar or c in vocab.DOLLAR_CURRENCIES]
    spelled = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # names in any case ("NZ dollars"); codes only in capitals ("TRY" is no "try")
    return re.compile(
        rf"(?:(?<![\w.])(?P<name>(?i:{spelled}))(?![\w])|\b(?P<code>{'|'.join(codes)})\b)"
    )


_MONEY_TALK = re.compile(
    r"[$€£¥]|\b(?:prices?|pricing|fees?|charges?|costs?|rates?|tariffs?|amounts?|money|invoiced?|invoices|billed|"
    r"billing|pay(?:able|ment)?|currency|tax|gst|vat|hst|excl(?:uding)?|incl(?:uding)?)\b",
    re.IGNORECASE,
)


_UNIT_AFTER = re.compile(r"\s*(?:[)/]|$)")  # "(EUR)", "USD/hour", "Currency: CAD"


def _declared(text: str, dollar: bool, client: str = "") -> str:
    m = _declaration(dollar).search(text)
    if not m:
        # "All money in NZ dollars, GST exclusive": a sentence that names a currency and
        # states no amount is about the currency of the whole document (as is a part of a
        # line the document sets apart: "Ref 118 | Valid 45 days | All $ = NZD ex GST")
        word = _currency_word(dollar)
        sentences = re.split(r"(?<=[.;!?])\s+|\n|\s[|•·]\s", text)
        m = next(
            (
                w
                for t in sentences
                if not re.search(r"\d", t)
                and (w := word.search(t))
                # a bare code is a currency where money is the subject ("CAD, the records
                # system" in a dispatch centre is its Computer-Aided Dispatch)
                and (w.group("name") or _MONEY_TALK.search(t) or _UNIT_AFTER.match(t, w.end()))
            ),
            None,
        )
    if not m:
        return ""
    code = (
        m.group("code").upper() if m.group("code") else _currency_names()[m.group("name").lower()]
    )
    # ("All amounts in rupees" to a client in Mauritius: the rupees it pays in)
    return vocab.shared_sign_code(m.group(0), code, client)


def declared_currency(text: str) -> str:
    """The currency a document declares for its "$" amounts ("all prices are in New Zealand
    dollars", "fees are quoted in AUD", "amounts in Mexican pesos"), or "" when it declares
    none."""
    return _declared(text, dollar=True)


def declared_amounts(text: str, client: str = "") -> str:
    """The currency a document declares for all its amounts ("All amounts in rand (ZAR)"),
    which bare numbers in a price table are in; "" when it declares none. A sign or name
    several currencies share ("Rs", "rupees") is the `client`'s currency where it is one of
    them."""
    return _declared(text, dollar=False, client=client)


_MONTHLY_PRICES = re.compile(
    r"\b(?:all\s+)?(?:prices|fees|charges|amounts|figures)\b[^.;]{0,80}?\b(?:are|is)\s+"
    r"(?:(?:quoted|shown|stated|given|charged|billed|payable)\s+)?"
    r"(?:monthly|per\s+month|a\s+month|each\s+month)\b",
    re.IGNORECASE,
)


def declares_monthly(text: str) -> bool:
    """ "All prices are New Zealand dollars, exclude GST and are monthly unless ...": the
    document's bare amounts are monthly fees where nothing nearer gives a period."""
    return bool(_MONTHLY_PRICES.search(text))


_SLA_WORDS = re.compile(
    r"\b(?:SLAs?|service levels?|(?:response|resolution|turn\s?around|fix) times?)\b", re.IGNORECASE
)
_BUSINESS_DAYS = re.compile(r"\b(?:business|working)\s+(?:hours?\s*/\s*)?days\b", re.IGNORECASE)
_COUNTED_IN = re.compile(
    r"\b(?:in accordance with|(?:measured|expressed|counted|calculated|stated|given) in|are in|"
    r"refer to|means?)\b",
    re.IGNORECASE,
)


def declares_business_days(text: str) -> bool:
    """ "All SLAs are in accordance with business hours/days": the document counts its service
    levels in business days, so its "1 week" is five business days and its "4 days" four."""
    for sentence in re.split(r"(?<=[.;])\s+|\n", text):
        if (
            _SLA_WORDS.search(sentence)
            and _BUSINESS_DAYS.search(sentence)
            and _COUNTED_IN.search(sentence)
            and "calendar" not in sentence.lower()
        ):
            return True
    return False


_UNITS_FILE = Path(__file__).resolve().parent.parent / "data" / "units.txt"


@lru_cache(maxsize=1)
def _ureg():
    """Time units and the contract's calendar from data/units.txt (pint's whole default
    registry would cost half a second a run)."""
    import pint

    return pint.UnitRegistry(str(_UNITS_FILE))


_PINT_NAME = {"month": "contract_month", "year": "contract_year"}


@functools.lru_cache(maxsize=4096)
def convert(value: float, unit: str, target: str) -> float:
    """Convert a duration to minute, day or month the way contract section 1.2 counts.

    In day or month units a business day counts as a whole day (5 business days = 5 days).
    (Cached: a pint conversion costs far more than the lookup, and documents repeat figures.)
    """
    if target in ("day", "month") and unit == "business_day":
        unit = "day"
    if target == "month" and unit == "year":
        return value * 12
    if target == "month" and unit == "month":
        return value
    ureg = _ureg()
    q = ureg.Quantity(value, _PINT_NAME.get(unit, unit))
    out = q.to(_PINT_NAME.get(target, target)).magnitude
    return round(float(out), 4)


def longest_minutes(text: str) -> float | None:
    """The longest duration a text states, in minutes ("2 hours to respond, 8 to fix": 480)."""
    times = find_times(text)
    return max((convert(q.value, q.unit, "minute") for q in times), default=None)


def first_minutes(text: str) -> float | None:
    """The first duration a text states, in minutes."""
    times = find_times(text)
    return convert(times[0].value, times[0].unit, "minute") if times else None


_BARE_NUMBER = re.compile(
    r"^\s*(?:~|[≤<≥>]=?|max(?:imum)?\.?|min(?:imum)?\.?|up\s+to|under|within|no\s+more\s+than|at\s+most"
    r"|at\s+least|no\s+less\s+than)?\s*"
    rf"(?:(?P<thousands>{_THOUSANDS})|(?P<comma>{_DECIMAL_COMMA}|{_COMMA_FILS})|(?P<dotted>\d{{1,3}}(?:\.\d{{3}})+)"
    rf"|(?P<plain>\d{{1,6}}(?:[.,]\d+)?))\s*\*?"
    # "94,000/=", "500/-": a whole amount, written so that no figure can be added after it
    r"(?:/[=-])?"
    # "99.5 or better": a bound the figure sets
    r"(?:\s+or\s+(?:better|more|higher|less|lower|sooner|faster))?"
    # and a few words that qualify it: "24 (target only)", "240, business hours only", "95 in
    # business hours" (up to a ";" that goes on to another case)
    r"(?:\s*\([^()\d]{1,40}\)|,\s*[^\d,();]{1,40}|\s+(?:in|during|within|for)\s+[^\d,();]{1,40})?"
    # and what it is counted per: "43,000 per device", "190,000 / server / month"
    r"(?:\s*(?:\bper\b|/|\beach\b)\s*[a-z][a-z -]{1,24})?"
    r"\s*(?:;.*)?$"
)


# a figure written as money: thousands set off ("12,800.000", "1.250,00", "1 250 000") or
# cents after the point ("29.750", "66.00")
_AS_MONEY = re.compile(
    rf"{_THOUSANDS}|{_DECIMAL_COMMA}|\d{{1,3}}(?:[. \u00a0\u202f]\d{{3}})+|\d+[.,]\d{{2,3}}"
)


def written_as_money(text: str) -> bool:
    """Is the figure written as an amount is ("12,800.000"), not as a count ("2")?"""
    return bool(_AS_MONEY.fullmatch(text.strip()))


def bare_number(text: str) -> tuple[float, int, int] | None:
    """(value, start, end) of a cell that holds only a number ("11,900.00", "45", "4,5",
    "1.236,00", "48.000"), perhaps with a few words that qualify it ("24 (target only)")."""
    m = _BARE_NUMBER.match(swiss(text))
    if not m:
        return None
    if m.group("comma"):
        value = float(re.sub(r"[.\s\u00a0\u202f]", "", m.group("comma")).replace(",", "."))
        return value, m.start("comma"), m.end("comma")
    if m.group("dotted"):  # "48.000", "1.701.720": points between thousands, never 3 decimals
        return float(m.group("dotted").replace(".", "")), m.start("dotted"), m.end("dotted")
    if m.group("thousands"):
        return (
            float(m.group("thousands").replace(",", "")),
            m.start("thousands"),
            m.end("thousands"),
        )
    return float(m.group("plain").replace(",", ".")), m.start("plain"), m.end("plain")


def header_scale(header: str) -> float:
    """What a header's bare amounts are counted in: "Amount (NRs. in lakh)" is 100,000 a
    unit, "Price (USD '000)" or "(in thousands)" 1,000; else 1."""
    m = _SCALE.search(header or "")
    return _MULTIPLIERS[(m.group(1) or "thousand").lower().removesuffix("s")] if m else 1.0


# the multipliers spelt as words ("in lakh", "(thousands)"), or thousands written "'000"
_SCALE = re.compile(
    rf"(?:\bin\s+|\(\s*)({'|'.join(w for w in _MULTIPLIERS if len(w) > 1)})s?\b|'000\b|\b000s\b",
    re.IGNORECASE,
)


def in_fils(value: float, said: str, currency: str, comma: bool = False) -> float:
    """A bare "31.750" read as thousands is 31.75 in a currency counted to three decimals;
    so is "31,750" in a document that writes its millimes after a comma (`comma`, see
    writes_comma_fils)."""
    if currency in vocab.THREE_DECIMALS and re.fullmatch(r"\s*\d{1,3}\.\d{3}\s*", said):
        return float(said)
    if comma and currency in vocab.THREE_DECIMALS and re.fullmatch(r"\s*\d{1,3},\d{3}\s*", said):
        return float(said.replace(",", "."))
    return value


def writes_comma_fils(text: str) -> bool:
    """Does the document write amounts as "3.600,000" (points between thousands, three
    decimals after the comma), so that its "88,000" is 88?"""
    return bool(re.search(rf"(?<![\d.,]){_COMMA_FILS}", text))


# "560,00 per managed device per month", "at 980,00 per hour", "a fixed 95.000,00": an amount
# written to the cent with no currency of its own, in prose that prices something
_CENTS = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:\.\d{3})+,\d{2}|\d{1,3}(?:,\d{3})+\.\d{2}|\d+[.,]\d{2})(?![\w%.,]|\s*%)"
    r"(?!\s*(?:[ap]\.?m\b|hours\b|hrs\b|h\b|o'clock))"  # "at 11.00 pm" is a time of day
)
_PRICED_AFTER = re.compile(r"\s*(?:per|a|an|each|/)\b|\s*/", re.IGNORECASE)
_PRICED_BEFORE = re.compile(
    r"\b(?:at|of|fixed|fee|fees|price|prices|cost|costs|charge|charged|billed|is|are)\s+(?:a\s+)?$",
    re.IGNORECASE,
)


def find_bare_amounts(text: str, currency: str) -> list[Quantity]:
    """Amounts to the cent in prose of a document that declares one currency for all its
    amounts ("Our prices are in NOK excluding VAT: 560,00 per managed device per month")."""
    out = []
    for m in _CENTS.finditer(swiss(text)):
        if not (_PRICED_AFTER.match(text, m.end()) or _PRICED_BEFORE.search(text[: m.start()])):
            continue
        read = bare_number(m.group("n"))
        if read:
            said = text[m.start("n") : m.end("n")]
            out.append(Quantity("money", read[0], currency, m.start(), m.end(), said))
    return out
