"""The project's vocabulary, typed once: commitment strengths, commitment categories and
the currency signs proposals write.

`Strength` is a str enum, so records and JSON keep writing "binding"; its members are in
contract order. Categories are data (`msp_select/data/categories.yaml`) read into frozen
`Category` records: what a category's value is, its contract unit and the scopes it takes.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml


class Strength(str, enum.Enum):
    """How firmly a proposal states something (contract section 1.2), in contract order."""

    BINDING = "binding"
    SOFT = "soft"
    CONDITIONAL = "conditional"
    EXCLUDED = "excluded"

    __str__ = str.__str__  # "binding" in f-strings and messages, on every Python version
    __format__ = str.__format__


# When cues compete in one sentence, the most cautious reading wins ("we aim to ... at
# additional cost" is conditional).
MOST_CAUTIOUS_FIRST = (Strength.EXCLUDED, Strength.CONDITIONAL, Strength.SOFT, Strength.BINDING)
# Which of several pieces of team-fit evidence counts: a conditional promise is still a promise.
STRONGEST_FIRST = (Strength.BINDING, Strength.CONDITIONAL, Strength.SOFT, Strength.EXCLUDED)

SUPPORT_UNITS = ("24x7", "business_hours")  # the values of a `cover` category


@dataclass(frozen=True)
class Category:
    """One commitment category of the contract, as `data/categories.yaml` describes it."""

    id: str
    label: str
    kind: str  # time, percent, cadence, cover or money
    unit: str = ""  # contract unit; "" for cover and money (the unit is part of the value)
    scopes: tuple[str, ...] = ("all",)
    periods: tuple[tuple[str, str], ...] = ()  # money: (scope, billing period) pairs
    term: bool = False  # a contract term: always binding
    shortest: float = 0.0  # in `unit`: a shorter duration is something else (a 2-hour task)
    longest: float = float("inf")  # in `unit`: a longer one is something else (a school year)
    service_level: bool = False  # stated only softly, it raises the soft-sla flag

    @property
    def scoped(self) -> bool:
        """Its commitments name a priority (P1-P4), not only `all`."""
        return "P1" in self.scopes

    def period(self, scope: str) -> str | None:
        """The billing period a price of `scope` is compared in ("" one-time, None unknown)."""
        return dict(self.periods).get(scope)


def _load_categories() -> dict[str, Category]:
    text = resources.files("msp_select").joinpath("data", "categories.yaml").read_text("utf-8")
    out = {}
    for ident, entry in yaml.safe_load(text).items():
        out[ident] = Category(
            id=ident,
            label=entry["label"],
            kind=entry["kind"],
            unit=entry.get("unit", ""),
            scopes=tuple(entry.get("scopes", ("all",))),
            periods=tuple(entry.get("periods", {}).items()),
            term=entry.get("term", False),
            shortest=float(entry.get("shortest", 0)),
            longest=float(entry.get("longest", "inf")),
            service_level=entry.get("service_level", False),
        )
    return out


CATEGORIES: dict[str, Category] = _load_categories()

_CURRENCY_DATA = yaml.safe_load(
    resources.files("msp_select").joinpath("data", "currencies.yaml").read_text("utf-8")
)
CURRENCIES: dict[str, str] = dict(_CURRENCY_DATA["written"])  # signs and words -> ISO code


@functools.lru_cache(maxsize=1)
def _tender_codes() -> frozenset[str]:
    """The ISO 4217 codes CLDR lists as some country's legal tender today."""
    from babel.core import get_global

    return frozenset(
        code
        for spans in get_global("territory_currencies").values()
        for code, _start, end, tender in spans
        if end is None and tender
    )


def _unit_nouns() -> dict[str, str]:
    """ "dram", "riels", "tugriks": the last word of CLDR's English name of a currency, one and
    many, where no other currency is so called ("dollar", "franc", "som" are several)."""
    import collections

    from babel.numbers import get_currency_name

    named = collections.defaultdict(set)
    for code in _tender_codes():
        for count in (None, 1, 2):
            named[get_currency_name(code, count=count, locale="en").split()[-1].lower()].add(code)
    stop = set(_CURRENCY_DATA["not_unit_nouns"])
    return {
        n: min(codes) for n, codes in sorted(named.items()) if len(codes) == 1 and n not in stop
    }


for _noun, _code in _unit_nouns().items():
    CURRENCIES.setdefault(_noun, _code)

WORD_CODES: frozenset[str] = frozenset(_CURRENCY_DATA["word_codes"])  # "ALL", "TOP": words too
MONEY_ONLY: frozenset[str] = frozenset(_CURRENCY_DATA["money_only"])  # "L": also a level
# codes read as written (sorted: the same regex, so the same reading, every run)
CURRENCY_CODES: tuple[str, ...] = tuple(
    sorted((_tender_codes() | set(_CURRENCY_DATA["codes"])) - WORD_CODES)
)
DOLLAR_CURRENCIES: frozenset[str] = frozenset(_CURRENCY_DATA["dollar"])  # written with "$"
CURRENCY_NAMES: dict[str, str] = _CURRENCY_DATA["names"]  # declaration names CLDR lacks
FOLLOW_DECLARED: frozenset[str] = frozenset(_CURRENCY_DATA["follow_declared"])  # "pesos"
# a sign several currencies write ("Rs.": INR, PKR, LKR) -> the currencies it may mean
SHARED_SIGNS: dict[str, frozenset[str]] = {
    sign.lower(): frozenset(codes) for sign, codes in _CURRENCY_DATA["shared_signs"].items()
}
CURRENCIES_AFTER: tuple[str, ...] = tuple(_CURRENCY_DATA["after"])  # signs after an amount
THREE_DECIMALS: frozenset[str] = frozenset(_CURRENCY_DATA["three_decimals"])  # 1 KWD = 1000 fils


def currency_code(written: str) -> str:
    """The ISO code of a currency as written ("€" -> "EUR", "dollars" -> "USD", "nzd" ->
    "NZD"); a bare "$" stays "$": it means the currency the document declares."""
    if written == "$":
        return written
    return CURRENCIES.get(written) or CURRENCIES.get(written.lower(), written.upper())


def shared_sign_code(written: str, code: str, declared: str) -> str:
    """`code`, read from `written` ("Price (Rs.)" read as INR), is `declared` instead when
    `written` holds a sign several currencies write and `declared` is one of them."""
    if not declared or declared == code:
        return code
    for sign in re.findall(r"[^\W\d_]+\.?", written):
        if declared in SHARED_SIGNS.get(sign.lower(), ()) and currency_code(sign) == code:
            return declared
    return code
