"""The small unit registry (data/units.txt) reads unit names exactly as pint's full one did."""

import pint
import pytest

from msp_select import units
from msp_select.extract import quantities

WRITTEN = (
    "min mins minute minutes h hr hrs hour hours d day days week weeks "
    "month months yr yrs year years a business_day"
).split()
NOT_TIME = ["parsec", "percent", "kmin", "decade", "USD", "s", "sec", "hrs/0"]


@pytest.fixture(scope="module")
def full():
    """pint's whole default registry with the contract calendar, as the tool built it before."""
    reg = pint.UnitRegistry()
    reg.define("contract_month = 30 * day")
    reg.define("contract_year = 12 * contract_month")
    reg.define("business_day = 8 * hour")
    reg.define("business_hour = hour")
    return reg


@pytest.mark.parametrize("unit", WRITTEN)
@pytest.mark.parametrize("want", ["minute", "day", "month"])
def test_time_names_convert_as_with_the_full_registry(full, monkeypatch, unit, want):
    got = units.to_contract(7.5, unit, want)
    monkeypatch.setattr(quantities, "_ureg", lambda: full)
    assert got == units.to_contract(7.5, unit, want)


@pytest.mark.parametrize("unit", ["fortnight", "ms", "metre"])
def test_other_names_pint_knows_are_still_refused(full, unit):
    assert full.get_name(unit)  # known to the full registry, and not a time we convert
    with pytest.raises(ValueError):
        units.to_contract(4, unit, "minute")


@pytest.mark.parametrize("unit", NOT_TIME)
def test_other_units_are_refused(unit):
    with pytest.raises(ValueError):
        units.to_contract(4, unit, "minute")
