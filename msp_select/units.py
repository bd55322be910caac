"""Convert a criteria target to its category's contract unit (contract section 1.2).

pint reads unit names as people write them ("hrs", "weeks", "years"); the contract's own
calendar (a business day is 480 minutes but one day, a month 30 days, a year 12 months) is
applied by quantities.convert, shared with the extractor, so both count the same way.
"""

from __future__ import annotations

import re

from msp_select.extract import quantities
from msp_select.vocab import CATEGORIES, SUPPORT_UNITS

# Contract unit of each quantitative category (support_hours and price have none).
CONTRACT_UNITS = {c.id: c.unit for c in CATEGORIES.values() if c.unit}
_PERIODS = {"month": "month", "hour": "hour", "year": "year", "yr": "year", "mo": "month"}
_TIME_NAMES = ("minute", "hour", "day", "week", "month", "year", "business_day")
_UNIT_NAME = re.compile(r"[A-Za-z]{1,30}", re.ASCII)  # one unit name, never an expression
_BUSINESS_DAY = re.compile(r"^business[ _-]?days?$|^working[ _-]?days?$", re.I)


def known_units(category: str) -> list[str]:
    """Unit names offered in 'did you mean' suggestions for a category."""
    want = CONTRACT_UNITS.get(category)
    if want in ("minute", "day", "month"):
        return ["minute", "hour", "day", "business day", "week", "month", "year"]
    if want == "percent":
        return ["percent", "%"]
    if category == "support_hours":
        return list(SUPPORT_UNITS)
    return ["USD/month", "USD", "USD/hour", "EUR/month", "GBP/month"]


def to_contract(value: float, unit: str, want: str) -> float:
    """`value` in `unit` (as a person writes it: "hours", "business days") in contract unit `want`.

    The contract calendar itself lives in quantities.convert; this only reads the unit name.
    Raises ValueError when the unit is not of the same kind.
    """
    unit = unit.strip()
    if unit == want:
        return float(value)
    if want == "percent":
        if unit == "%":
            return float(value)
        raise ValueError(f"expected percent, got {unit!r}")
    if _BUSINESS_DAY.match(unit):
        name = "business_day"
    elif not _UNIT_NAME.fullmatch(unit):
        # pint would evaluate "9**9**9**9" or "minute/0" as an expression: only names go in
        raise ValueError(f"unknown unit {unit[:40]!r}")
    else:
        import pint  # only here: most targets are already in their contract unit

        try:
            name = quantities._ureg().get_name(unit)
        except (pint.errors.PintError, AttributeError, TypeError, ValueError) as exc:
            raise ValueError(f"unknown unit {unit!r}") from exc
    if name not in _TIME_NAMES:
        raise ValueError(f"cannot convert {unit!r} to {want!r}")
    return float(quantities.convert(float(value), name, want))


def split_money(unit: str) -> tuple[str, str]:
    """'USD/month' -> ('USD', 'month'), 'EUR' -> ('EUR', ''); ValueError for anything else."""
    m = re.fullmatch(r"\s*([A-Z]{3})\s*(?:(?:/|per\s+)\s*([A-Za-z]+))?\s*", unit)
    if not m:
        raise ValueError(
            f"a price unit is a currency code with an optional period, like USD/month, not {unit!r}"
        )
    period = (m.group(2) or "").lower()
    if period and period.rstrip("s") not in _PERIODS:
        raise ValueError(f"unknown price period {period!r} (use month, year or hour)")
    return m.group(1), _PERIODS.get(period.rstrip("s"), "")


def price_to_contract(value: float, unit: str) -> tuple[float, str]:
    """A price target in its contract unit: per year becomes per month (divided by 12)."""
    currency, period = split_money(unit)
    if period == "year":
        return float(value) / 12, f"{currency}/month"
    return float(value), f"{currency}/{period}" if period else currency
