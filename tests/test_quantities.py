"""Numbers, durations, percentages and money as proposals write them, in the contract's units."""

import pytest

from msp_select.extract import quantities
from tests.extract_helpers import found


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("within 15 minutes", 15, "minute"),
        ("within four (4) business hours", 4, "business_hour"),
        ("within half an hour", 0.5, "hour"),
        ("a quarter of an hour", 0.25, "hour"),
        ("within three quarters of an hour", 0.75, "hour"),
        ("within an hour", 1, "hour"),
        ("in 4h", 4, "hour"),
        ("a 4-hour fix", 4, "hour"),
        ("by the next business day", 1, "business_day"),
        ("within twenty-four hours", 24, "hour"),
        ("within fifteen mins", 15, "minute"),
        ("within 2 working days", 2, "business_day"),
        ("over 6 weeks", 6, "week"),
        ("a term of three years", 3, "year"),
    ],
)
def test_durations(text, value, unit):
    (q,) = quantities.find_times(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "value, unit, target, expected",
    [
        (4, "hour", "minute", 240),
        (1, "business_day", "minute", 480),
        (2, "business_day", "minute", 960),
        (1, "day", "minute", 1440),
        (0.5, "hour", "minute", 30),
        (48, "hour", "day", 2),
        (5, "business_day", "day", 5),
        (2, "week", "day", 14),
        (3, "month", "day", 90),
        (3, "year", "month", 36),
        (90, "day", "month", 3),
    ],
)
def test_convert_follows_contract_calendar(value, unit, target, expected):
    assert quantities.convert(value, unit, target) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text, value",
    [
        ("99.95% uptime", 99.95),
        ("99.9 percent", 99.9),
        ("15 per cent", 15),
        ("Availability: three nines, measured monthly", 99.9),
        ("four nines of uptime", 99.99),
        ("a 5 nines platform", 99.999),
    ],
)
def test_percents(text, value):
    (q,) = quantities.find_percents(text)
    assert q.value == value


@pytest.mark.parametrize(
    "text, value, currency",
    [
        ("$6,000.00 one-time", 6000, "USD"),
        ("€25 per server", 25, "EUR"),
        ("£1,250 a month", 1250, "GBP"),
        ("GBP 95 per hour", 95, "GBP"),
        ("1,200 USD per month", 1200, "USD"),
        ("$12k per month", 12000, "USD"),
        ("SGD 1.236,00 per device per year", 1236, "SGD"),  # a decimal comma
        ("9.800,00 EUR one-off", 9800, "EUR"),
        ("EUR 180,00 per hour", 180, "EUR"),
        ("$12,500 per month", 12500, "USD"),  # a thousands comma, not a decimal one
        ("R 450 per user per month excl. VAT", 450, "ZAR"),
        ("R 85 000 once-off", 85000, "ZAR"),  # thousands set off by spaces
        ("R 1 425 per server", 1425, "ZAR"),
        ("₹1,200 per user", 1200, "INR"),
        ("Rs. 950 an hour", 950, "INR"),
        ("CHF 120 per device", 120, "CHF"),
        ("450 rand a month", 450, "ZAR"),
        ("EUR 2.950,- one-off", 2950, "EUR"),  # thousands set off by a point, no cents
        ("EUR 4.800 per year", 4800, "EUR"),
        ("€95.50 per hour", 95.5, "EUR"),
        # thousands set off by a space, cents after a comma
        ("1 250,00 EUR per site", 1250, "EUR"),
        ("DKK 9\u00a0500,00 a month", 9500, "DKK"),
        ("1.250,00 EUR per site", 1250, "EUR"),
        # signs and words of other currencies
        ("RM 1,250.00 per device", 1250, "MYR"),
        ("Dhs 18,000 one-off", 18000, "AED"),
        ("95 zł per user", 95, "PLN"),
        ("2,400 ringgit a month", 2400, "MYR"),
        ("₱45,000 per month", 45000, "PHP"),
        ("Rs. 1,85,000 per month", 185000, "INR"),
        # a word after the amount in any case ("Kč" as written, "Kc" where a font lacks "č")
        ("12 500 Kč bez DPH", 12500, "CZK"),
        ("1 090,00 Kc per device", 1090, "CZK"),
        ("480 Zł per user", 480, "PLN"),
        ("N26,500 per device", 26500, "NGN"),
        ("N6,800 per device per month", 6800, "NGN"),  # one digit before the thousands group
        ("R1,500 per user", 1500, "ZAR"),
        ("UF 1,15 per device per month", 1.15, "CLF"),
        # local signs after the amount, as their own documents write them
        ("7 400 Ft per device a month", 7400, "HUF"),
        ("2 143 500 Ft + ÁFA a month", 2143500, "HUF"),
        ("GH¢ 3,950.00 per month", 3950, "GHS"),
        ("GHC 1,200 one-off", 1200, "GHS"),
        ("1,050 Baht per device", 1050, "THB"),
        ("450.000 ₫ per user", 450000, "VND"),
    ],
)
def test_money(text, value, currency):
    (q,) = quantities.find_money(text)
    assert (q.value, q.unit) == (value, currency)


@pytest.mark.parametrize(
    "text", ["Page 4 of 12", "ISO 27001:2022", "founded in 2006", "call +1 (614) 555-0142"]
)
def test_no_duration_in_plain_numbers(text):
    assert quantities.find_times(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("• Every SLA is in accordance with business hours/ days.", True),
        ("Response and resolution times are measured in working days.", True),
        ("Service levels are stated in business days except for 24x7 cover.", True),
        ("We answer within two business days.", False),  # one figure, not the calendar
        ("SLAs are measured in calendar days, not business days.", False),
        ("Our office is open on working days.\nSLAs are in hours.", False),
    ],
)
def test_a_document_may_declare_its_service_levels_in_business_days(text, expected):
    assert quantities.declares_business_days(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("P3 within three working days and P4 within ten.", [(10, "business_day")]),
        ("P1 replies within 2 hours; P2 replies within 4.", [(4, "hour")]),
        ("Replies within 2 hours to 95% of calls.", []),
        ("Within 10, we answer.", []),  # nothing written before to take a unit from
    ],
)
def test_a_bare_number_after_within_takes_the_unit_written_before_it(text, expected):
    times = quantities.find_times(text)
    got = quantities.find_elided_times(text, times)
    assert [(q.value, q.unit) for q in got] == expected


@pytest.mark.parametrize(
    "text, value",
    [
        ("1.236,00", 1236),
        ("180,00", 180),
        ("11,900.00", 11900),
        ("4,5", 4.5),
        ("1,500", 1500),
        # points between thousands: an amount never has three decimals
        ("48.000", 48000),
        ("1.701.720", 1701720),
        ("99.95", 99.95),
    ],
)
def test_a_cell_holding_only_a_number_in_either_decimal_convention(text, value):
    assert quantities.bare_number(text)[0] == value


@pytest.mark.parametrize("text", ["nines", "nine nines of availability", "three nine"])
def test_words_that_are_not_a_count_of_nines(text):
    assert quantities.find_percents(text) == []


@pytest.mark.parametrize("text", ["R2 release", "the R&D team", "Room R 12"])
def test_a_letter_r_is_not_rand_without_an_amount_after_it(text):
    assert [q for q in quantities.find_money(text) if q.value >= 100] == []


@pytest.mark.parametrize(
    "text", ["a 6 ft patch cable", "racks 20 ft apart", "12 Ftx units", "patching for NIS2", "RMB2"]
)
def test_a_sign_after_the_amount_counts_only_as_written(text):
    assert quantities.find_money(text) == []


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("A: ½ hour", 0.5, "hour"),
        ("within 1½ hours", 1.5, "hour"),
        ("D: NBD", 1, "business_day"),
        ("1,5 hours", 1.5, "hour"),
        ("1,500 hours", 1500, "hour"),
        ("fixed within 3 WD", 3, "business_day"),
        ("a same day response", 1, "business_day"),
    ],
)
def test_fractions_decimal_commas_and_abbreviated_days(text, value, unit):
    (q,) = quantities.find_times(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text, value", [("max. 45", 45), ("up to 12", 12), ("≤ 4", 4), ("within 8", 8), ("~3", 3)]
)
def test_a_bare_cell_number_may_carry_its_bound(text, value):
    assert quantities.bare_number(text)[0] == value


@pytest.mark.parametrize(
    "text, value",
    [("24 (target only)", 24), ("240, business hours only", 240), ("12 (cap)", 12)],
)
def test_a_bare_cell_number_may_carry_a_few_words_that_qualify_it(text, value):
    assert quantities.bare_number(text)[0] == value


@pytest.mark.parametrize("text", ["up to", "max. 4 users", "Code 4", "8 hours", "4 (2 on site)"])
def test_a_cell_with_more_than_a_bounded_number_is_not_bare(text):
    assert quantities.bare_number(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("All amounts in rand (ZAR), excluding VAT.", "ZAR"),
        ("Prices are shown in euros.", "EUR"),
        ("Our prices are all in Danish kroner.", "DKK"),
        ("All prices are in Mexican pesos (MXN).", "MXN"),
        ("Fees are quoted in Swiss francs.", "CHF"),
        ("Our prices are fair.", ""),
    ],
)
def test_a_document_declares_the_currency_of_its_amounts_by_name_or_code(text, expected):
    assert quantities.declared_amounts(text) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("P4 fix: 3 bus. days.", ("resolution_time", "P4", 1440.0, "minute")),
        ("Crit. patches within 14 days of release.", ("patch_window", "all", 14.0, "day")),
        ("Term 12 mths.", ("contract_term", "all", 12.0, "month")),
        ("Onboarding complete in 4 wks from PO.", ("onboarding_duration", "all", 28.0, "day")),
    ],
)
def test_abbreviations_are_read_and_do_not_end_the_sentence(sentence, expected):
    assert [f[:4] for f in found(sentence)] == [expected]


def test_a_full_stop_before_a_capital_still_ends_the_sentence():
    got = found("Resolution is quoted per ticket. P1 response within 1 hour.")
    assert [f[:3] for f in got] == [("response_time", "P1", 60.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "After a disaster the environment is restored in until 6 (six) hours (RTO).",
            ("rto", 360.0),
        ),
        (
            "Critical patches are applied within 48 (forty-eight) hours of release.",
            ("patch_window", 2.0),
        ),
        ("Start of attendance within 20 minutes for critical calls.", ("response_time", 20.0)),
        ("Solution time for critical calls is 4 hours.", ("resolution_time", 240.0)),
    ],
)
def test_a_figure_followed_by_its_words_and_translated_clock_names(sentence, expected):
    assert [(f[0], f[2]) for f in found(sentence)] == [expected]


def test_our_solution_is_no_clock():
    assert found("Our solution will be deployed within 6 weeks.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("J+1", [(1.0, "business_day")]),
        ("D+3", [(3.0, "business_day")]),
        ("P+1", []),
        ("J+1 h", [(1.0, "hour")]),
    ],
)
def test_day_plus_notation_counts_business_days(text, expected):
    assert [(q.value, q.unit) for q in quantities.find_times(text)] == expected


@pytest.mark.parametrize(
    "text, span",
    [
        ("8:00 to 18:00", (8.0, 18.0)),
        ("9am - 5.30pm", (9.0, 17.5)),
        ("8.30am to 6", (8.5, 18.0)),
        ("9.00 to 5pm", (9.0, 17.0)),
        ("12:00 to 1pm", (12.0, 13.0)),
        ("10:00 p.m. to 2:00 a.m.", (22.0, 2.0)),
        ("between 22:00 and 06:00", (22.0, 6.0)),
        ("00:00-24:00", (0.0, 24.0)),
        ("0700-1800 PT, M-F", (7.0, 18.0)),  # a 24-hour clock in four digits
        ("2200 to 0600", (22.0, 6.0)),
        # midnight and noon are times of the clock
        ("from 6 a.m. to midnight", (6.0, 24.0)),
        ("midnight to 6 a.m.", (0.0, 6.0)),
        ("8 am to noon", (8.0, 12.0)),
        ("seasons 2019-2021", None),  # years are no clock
        ("within 4 hours", None),
        ("on 12 May", None),
    ],
)
def test_a_clock_range_gives_the_hours_it_runs_from_and_to(text, span):
    assert quantities.clock_span(text) == span


@pytest.mark.parametrize(
    "text", ["response times run on a business-hours clock", "a working-days calendar"]
)
def test_an_article_before_a_plural_counts_nothing(text):
    assert quantities.find_times(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("99.5 or better, measured monthly", 99.5),
        ("95 in business hours; time and a half outside business hours", 95),
        ("24 (target only)", 24),
        ("240, business hours only", 240),
        # a cell that counts or dates something else holds no bare figure
        ("14 (founded 2013, Limerick)", None),
        ("3 sites; 20 users", None),
        ("4 hours", None),
    ],
)
def test_a_cell_figure_may_carry_a_bound_and_a_few_qualifying_words(text, value):
    got = quantities.bare_number(text)
    assert (got[0] if got else None) == value


@pytest.mark.parametrize(
    "text, monthly",
    [
        ("All prices are New Zealand dollars, exclude GST and are monthly unless marked.", True),
        ("Fees are quoted per month and exclude VAT.", True),
        ("All amounts shown are per month.", True),
        # a month named for something else is no declaration of the prices' period
        ("Up to fifteen percent (15%) of the monthly Fees are at risk each month.", False),
        ("Invoices are issued monthly in advance.", False),
        ("Prices are fixed for 24 months.", False),
    ],
)
def test_a_document_may_declare_its_prices_monthly(text, monthly):
    assert quantities.declares_monthly(text) == monthly


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Critical patches: ≤ 7d from release", [(7.0, "day")]),
        ("P3: ≤ 4 BH", [(4.0, "business_hour")]),
        ("restored within 2 d", [(2.0, "day")]),
        # not days: a word ending in d, a kind of printer, days a week, a number word
        ("Platform, backup and patching", []),
        ("CBCT and 3D scanners", []),
        ("Extended cover (9pm - midnight 7d/w)", []),
        ("one d", []),
    ],
)
def test_short_unit_letters_count_only_after_digits(text, expected):
    assert [(q.value, q.unit) for q in quantities.find_times(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NBD = next business day; BD = business day.", []),
        ("Key: NBD = next business day", []),
        ("P4: NBD", [(1.0, "business_day")]),
        ("P4 = next business day", [(1.0, "business_day")]),
    ],
)
def test_a_legend_that_spells_out_nbd_is_no_duration(text, expected):
    assert [(q.value, q.unit) for q in quantities.find_times(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("backups run once each Business Day at 11.00 pm.", []),
        ("the nightly job starts at 22.30 hrs", []),
        ("labour is charged at 145.00 per hour", [145.0]),
    ],
)
def test_a_time_of_day_to_the_minute_is_no_amount(text, expected):
    assert [q.value for q in quantities.find_bare_amounts(text, "AUD")] == expected


@pytest.mark.parametrize(
    "text, currency",
    [
        ("Many City systems (CAD, the records system, the radio console) are supported by"
         " third parties.", ""),
        ("Currency: CAD", "CAD"),
        ("Ref 118 | Valid 45 days | All $ = NZD ex GST", "NZD"),
    ],
)  # fmt: skip
def test_a_bare_code_declares_a_currency_only_where_money_is_the_subject(text, currency):
    assert quantities.declared_currency(text) == currency


@pytest.mark.parametrize(
    "text, value",
    [
        ("CHF 22'480.00 per month", 22480),
        ("CHF 9’850.– one-off", 9850),
        ("CHF 1’250.50 per hour", 1250.5),
        ("CHF 84.– per device", 84),
    ],
)
def test_swiss_amounts_with_apostrophes_and_a_dash_for_cents(text, value):
    found = quantities.find_money(text)
    assert [q.value for q in found] == [value]
    assert text.startswith(found[0].text)  # the quote is the text as written


def test_an_apostrophe_between_words_is_no_thousands_separator():
    assert quantities.bare_number("22'480.00") == (22480.0, 0, 9)
    assert [q.value for q in quantities.find_money("the client's 3 sites at $40")] == [40]


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,85,000.00", 185000),  # lakhs, as Indian English groups them
        ("4,17,32,400.00", 41732400),  # and crores
        ("12,50,000", 1250000),
        ("11,900.00", 11900),
        ("1,450.00", 1450),
    ],
)
def test_a_bare_amount_grouped_in_lakhs_and_crores(text, value):
    assert quantities.bare_number(text)[0] == value


@pytest.mark.parametrize(
    "text, expected",
    [
        ("6.4 Hours of cover", []),
        ("Section 12.3 Days of Service", []),
        ("2.5 Hours", [2.5]),  # a cell's duration
        ("We restore service in 6.4 hours.", [6.4]),
    ],
)
def test_a_headings_clause_number_is_no_duration(text, expected):
    assert [q.value for q in quantities.find_times(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("within 2 hours 30 minutes", [(150.0, "minute")]),
        ("within 1 hour and 30 minutes", [(90.0, "minute")]),
        ("within 2 hrs 15 mins", [(135.0, "minute")]),
        ("within 4h30", [(270.0, "minute")]),
        ("within 1 h 30", [(90.0, "minute")]),
        ("within 1h30min", [(90.0, "minute")]),
        # separate figures, and times of day, stay as they are
        ("P1 1 hour, P2 30 minutes", [(1.0, "hour"), (30.0, "minute")]),
        ("within 2 hours 90 minutes later", [(2.0, "hour"), (90.0, "minute")]),
        ("the desk opens at 7h30", []),
        ("from 07h30 to 20h00", []),
        ("within 4h", [(4.0, "hour")]),
    ],
)
def test_hours_and_minutes_written_together_are_one_duration(text, expected):
    assert [(q.value, q.unit) for q in quantities.find_times(text)] == expected


@pytest.mark.parametrize(
    "text, span",
    [
        ("from 7h30 to 20h00", (7.5, 20.0)),
        ("08h00-17h00", (8.0, 17.0)),
        ("9am - 5.30pm", (9.0, 17.5)),
    ],
)
def test_clock_times_written_with_an_h_are_times_of_day(text, span):
    assert quantities.clock_span(text) == span


@pytest.mark.parametrize(
    "text, expected",
    [
        # any country's code today, as CLDR lists them, and the local signs of its locales
        ("GEL 95.00 per hour", [(95.0, "GEL")]),
        ("1,250.00 GEL", [(1250.0, "GEL")]),
        ("ETB 4,400.00", [(4400.0, "ETB")]),
        ("Br 4,400.00 a device", [(4400.0, "ETB")]),
        ("Bs 1.250,00", [(1250.0, "BOB")]),
        ("JD 41.750", [(41.75, "JOD")]),
        ("1.250,500 DT", [(1250.5, "TND")]),
        ("1 250 000,00 DA", [(1250000.0, "DZD")]),
        ("MWK 12,500.00", [(12500.0, "MWK")]),
        # a code that is also a word is money only beside an amount written as money
        ("BOB 1.250,00", [(1250.0, "BOB")]),
        ("445,00 BOB", [(445.0, "BOB")]),
        ("ALL 5 sites are covered", []),
        ("our TOP 10 risks", []),
        # so is a one-letter sign: the lempira's "L" before money, not "L 3" support
        ("L 1,320.00 per user", [(1320.0, "HNL")]),
        ("L 42,000 once", [(42000.0, "HNL")]),
        ("an L 3 engineer on call", []),
        ("1,180 lempiras a month", [(1180.0, "HNL")]),
        # the unit nouns of CLDR's English names, where one currency alone is so called,
        # the local locales' signs, and local spellings
        ("1,250,000 dram", [(1250000.0, "AMD")]),
        ("120,000 riels a visit", [(120000.0, "KHR")]),
        ("1 250 000 so'm", [(1250000.0, "UZS")]),
        ("₮1,250,000", [(1250000.0, "MNT")]),
        ("30,000 Frw", [(30000.0, "RWF")]),
        ("FRW 41,500", [(41500.0, "RWF")]),
        # shared names ("franc", "dollar") and English words ("marks") are no currency alone
        ("we scored 5 marks", []),
        ("1,500 francs", []),
    ],
)
def test_currencies_of_every_country_read_as_written(text, expected):
    assert [(q.value, q.unit) for q in quantities.find_money(text)] == expected


@pytest.mark.parametrize(
    "document, cell, currency, expected",
    [
        # a document writing "3.600,000" writes its millimes after the comma
        ("Onboarding: 3.600,000 DT once.", "88,000", "TND", 88.0),
        ("Onboarding: 3.600,000 DT once.", "41.750", "TND", 41.75),
        # without that, "88,000" is eighty-eight thousand
        ("Onboarding: 3,600.000 TND once.", "88,000", "TND", 88000.0),
        # and a currency counted in cents keeps its thousands
        ("Onboarding: 3.600,000 DT once.", "88,000", "EUR", 88000.0),
    ],
)
def test_a_three_decimal_currency_written_with_a_comma_counts_millimes(
    document, cell, currency, expected
):
    value = quantities.bare_number(cell)[0]
    comma = quantities.writes_comma_fils(document)
    assert quantities.in_fils(value, cell, currency, comma) == expected
