"""Cell values as CRM exports write them: amounts, dates, yes/no, segments, counts, metric names."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_tui.domain.enums import LifecycleStage
from cs_tui.domain.money import to_minor
from cs_tui.io.values import (
    _PLAIN_AMOUNT,
    _amount_by_general_rules,
    infer_date_order,
    infer_decimal_mark,
    normalise_metric_name,
    normalise_segment,
    parse_amount,
    parse_bool,
    parse_count,
    parse_currency_code,
    parse_date,
    parse_lifecycle_stage,
    parse_number,
)

# ---------------------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("12500", "12500", None),
        ("$1,234,567.89", "1234567.89", "USD"),
        ("1.234.567,89 €", "1234567.89", "EUR"),
        ("€ 12 500", "12500", "EUR"),
        ("€\u00a012\u00a0500,50", "12500.50", "EUR"),
        ("12\u202f500 €", "12500", "EUR"),
        ("USD 12,000", "12000", "USD"),
        ("12,000.00 EUR", "12000.00", "EUR"),
        ("GBP12000", "12000", "GBP"),
        ("£950", "950", "GBP"),
        ("¥1,200,000", "1200000", "JPY"),
        ("US$ 3.50", "3.50", "USD"),
        ("A$1,000", "1000", "AUD"),
        ("₹12,34,567.00", "1234567.00", "INR"),
        ("1'234.50", "1234.50", None),
        ("1.234", "1234", None),
        ("1,234", "1234", None),
        ("0.125", "0.125", None),
        ("1500.250", "1500.250", None),
        ("1500,250", "1500.250", None),
        ("12,5", "12.5", None),
        (".5", "0.5", None),
        ("1e5", "1E+5", None),
        ("  7  ", "7", None),
    ],
)
def test_amounts_as_exports_write_them(text: str, value: str, currency: str | None) -> None:
    amount = parse_amount(text)
    assert amount.value == Decimal(value)
    assert amount.currency == currency


@pytest.mark.parametrize(
    ("text", "value"),
    [("(1,200.00)", "-1200.00"), ("-5", "-5"), ("5-", "-5"), ("-$5", "-5"), ("$-5", "-5")],
)
def test_negative_amounts_keep_their_sign(text: str, value: str) -> None:
    assert parse_amount(text).value == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "lots",
        "$",
        "n/a",
        "--5",
        "(-5)",
        "1.2.3,4,5",
        "1,2,3",
        "12,34.56.78",
        "$5 EUR",
        "5 k",
        "1,23,4",
        "1e999999999",
        "1e-999999999",
    ],
)
def test_garbage_is_not_an_amount(text: str) -> None:
    with pytest.raises(ValueError, match="not an amount"):
        parse_amount(text)


def test_a_symbol_is_told_apart_from_a_code() -> None:
    assert parse_amount("$5").from_symbol
    assert not parse_amount("USD 5").from_symbol


@pytest.mark.parametrize(
    ("text", "mark", "value"),
    [
        ("1,234", ",", "1.234"),
        ("1,234", ".", "1234"),
        ("1.234", ".", "1.234"),
        ("1.234", ",", "1234"),
    ],
)
def test_the_columns_decimal_mark_settles_three_digit_groups(
    text: str, mark: str, value: str
) -> None:
    assert parse_amount(text, decimal_mark=mark).value == Decimal(value)


@pytest.mark.parametrize(
    ("cells", "mark"),
    [
        (["1.234,56", "1.234"], ","),
        (["1.234.567", "12"], ","),
        (["$1,234.00", "1,234"], "."),
        (["12,5", "7"], ","),
        (["1,234", "1.234"], None),
        (["1,234.5", "12,5"], None),
        (["12500", ""], None),
    ],
)
def test_decimal_mark_is_inferred_from_the_unambiguous_values(
    cells: list[str], mark: str | None
) -> None:
    assert infer_decimal_mark(cells) == mark


def test_jpy_has_no_minor_digits() -> None:
    amount = parse_amount("¥1,200,000")
    assert amount.currency == "JPY"
    assert to_minor(amount.value, "JPY") == 1_200_000
    with pytest.raises(ValueError, match="more decimals than JPY allows"):
        to_minor(parse_amount("¥1,200.50").value, "JPY")


US_GROUPS = st.sampled_from([(",", "."), ("", "."), (" ", "."), ("'", ".")])
EUROPEAN_GROUPS = st.sampled_from(
    [(".", ","), ("", ","), (" ", ","), ("\u00a0", ","), ("\u202f", ",")]
)


def formatted(minor: int, thousands: str, decimal: str, *, digits: int = 2) -> str:
    whole, cents = divmod(minor, 10**digits)
    grouped = f"{whole:,}".replace(",", thousands)
    return grouped + (f"{decimal}{cents:0{digits}d}" if digits else "")


@settings(deadline=None)  # no timing assertions in unit tests
@given(
    minor=st.integers(min_value=0, max_value=10**15),
    style=st.one_of(US_GROUPS, EUROPEAN_GROUPS),
    wrapper=st.sampled_from(["{}", "${}", "{} €", "€ {}", "USD {}", "{} EUR", "£{}"]),
)
def test_any_grouping_parses_back_to_the_same_minor_units(
    minor: int, style: tuple[str, str], wrapper: str
) -> None:
    text = wrapper.format(formatted(minor, *style))
    assert to_minor(parse_amount(text).value, "USD") == minor


@settings(deadline=None)  # no timing assertions in unit tests
@given(
    whole=st.integers(min_value=0, max_value=10**12),
    thousands=st.sampled_from([",", ".", " ", "'", ""]),
)
def test_whole_amounts_parse_back_whatever_the_grouping(whole: int, thousands: str) -> None:
    text = formatted(whole, thousands, "", digits=0)
    assert to_minor(parse_amount(f"¥{text}").value, "JPY") == whole


@settings(deadline=None)  # no timing assertions in unit tests
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2))
def test_plain_decimal_text_round_trips(value: Decimal) -> None:
    assert parse_amount(str(value)).value == value


@settings(deadline=None)  # no timing assertions in unit tests
@given(
    st.one_of(
        st.from_regex(_PLAIN_AMOUNT, fullmatch=True),
        st.from_regex(r"[$€£]?[0-9]{1,4}(,[0-9]{1,4}){0,3}(\.[0-9]{0,4})?", fullmatch=True),
    )
)
def test_the_direct_reading_of_plain_amounts_agrees_with_the_general_rules(text: str) -> None:
    """ "$1,234.56" is read directly when the column's decimal mark is "."; never differently."""
    try:
        general = _amount_by_general_rules(text, ".")
    except ValueError:
        assert _PLAIN_AMOUNT.fullmatch(text) is None
        return
    direct = parse_amount(text, decimal_mark=".")
    assert direct == general
    assert direct.value.as_tuple() == general.value.as_tuple()


@pytest.mark.parametrize(
    ("text", "value"),
    [("$1,234,567.89", "1234567.89"), ("0,123", "0.123"), ("1,23", "1.23"), ("1234,567", "1234.567"),
     ("1,234", "1234"), ("12,34,567.5", "1234567.5"), ("£007", "7")],
)  # fmt: skip
def test_amounts_read_with_a_point_as_decimal_mark(text: str, value: str) -> None:
    assert parse_amount(text, decimal_mark=".").value == Decimal(value)


@pytest.mark.parametrize(
    ("text", "code"), [("eur", "EUR"), (" USD ", "USD"), ("€", "EUR"), ("£", "GBP")]
)
def test_currency_cells(text: str, code: str) -> None:
    assert parse_currency_code(text) == code


@pytest.mark.parametrize("text", ["Euro", "US", "12", "E U"])
def test_bad_currency_cells(text: str) -> None:
    with pytest.raises(ValueError, match="three-letter code"):
        parse_currency_code(text)


@pytest.mark.parametrize(
    ("text", "value"), [("42", 42), ("-3.5", -3.5), ("1,204", 1204), ("0,62", 0.62)]
)
def test_plain_numbers(text: str, value: float) -> None:
    assert float(parse_number(text)) == value


@pytest.mark.parametrize("text", ["n/a", "$5", "EUR 5", "twelve"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


# ------------------------------------------------------------------------------------------ dates

MARCH_31 = date(2026, 3, 31)


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-31",
        "2026-03-31 00:00:00",
        "2026-03-31T10:15:00Z",
        "2026-03-31T10:15:00.000+0000",
        "3/31/2026",
        "03/31/2026",
        "3/31/2026 10:15 AM",
        "31/03/2026",
        "31.03.2026",
        "31-03-2026",
        "31-Mar-2026",
        "31 Mar 2026",
        "31 March 2026",
        "Mar 31, 2026",
        "March 31, 2026",
        "Mar. 31 2026",
        "31-MAR-2026",
        "2026/03/31",
        "2026.03.31",
    ],
)
def test_every_date_format_reads_as_the_same_day(text: str) -> None:
    assert parse_date(text) == MARCH_31


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("04/05/2026", "month-first", date(2026, 4, 5)),
        ("04/05/2026", "day-first", date(2026, 5, 4)),
        ("13/05/2026", "month-first", date(2026, 5, 13)),
        ("05/13/2026", "day-first", date(2026, 5, 13)),
        ("04.05.2026", "month-first", date(2026, 5, 4)),
    ],
)
def test_slash_dates_follow_the_column_order_only_when_ambiguous(
    text: str, order: str, expected: date
) -> None:
    assert parse_date(text, order=order) == expected  # type: ignore[arg-type]


def test_ambiguous_dates_are_refused_in_a_mixed_column() -> None:
    with pytest.raises(ValueError, match="ambiguous date"):
        parse_date("04/05/2026", order=None)
    assert parse_date("13/05/2026", order=None) == date(2026, 5, 13)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "February 2026 has 28 days"),
        ("2/29/2026", "February 2026 has 28 days"),
        ("2026-13-01", "no month 13"),
        ("31/31/2026", "neither 31 nor 31 is a month"),
        ("31-Foo-2026", "not a date"),
        ("soon", "not a date"),
        ("20260331", "not a date"),
    ],
)
def test_impossible_dates_are_explained(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(text)


def test_the_date_hint_follows_the_order() -> None:
    with pytest.raises(ValueError, match=r"2026-03-31 or 31/03/2026"):
        parse_date("soon", order="day-first")
    with pytest.raises(ValueError, match=r"2026-03-31 or 03/31/2026"):
        parse_date("soon", order="month-first")


def test_a_given_format_is_tried_first() -> None:
    assert parse_date("31032026", date_format="%d%m%Y") == MARCH_31
    assert parse_date("2026-03-31", date_format="%d/%m/%Y") == MARCH_31


def test_leap_day_exists_in_leap_years() -> None:
    assert parse_date("2/29/2028") == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("cells", "order"),
    [
        (["04/05/2026", "13/05/2026"], "day-first"),
        (["04/05/2026", "05/13/2026"], "month-first"),
        (["04/05/2026", "05/13/2026", "13/05/2026"], "mixed"),
        (["04/05/2026", "2026-01-31", "31.01.2026"], None),
        ([], None),
    ],
)
def test_column_date_order_from_all_its_values(cells: list[str], order: str | None) -> None:
    assert infer_date_order(cells) == order


@settings(deadline=None)  # no timing assertions in unit tests
@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_round_trip_through_every_unambiguous_format(day: date) -> None:
    for text in (day.isoformat(), day.strftime("%d.%m.%Y"), day.strftime("%d-%b-%Y")):
        assert parse_date(text) == day
    assert parse_date(day.strftime("%m/%d/%Y"), order="month-first") == day
    assert parse_date(day.strftime("%d/%m/%Y"), order="day-first") == day


# ------------------------------------------------------------------------------------- the rest


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", True), ("Yes", True), ("Y", True), ("true", True), ("TRUE", True), ("1", True),
        ("no", False), ("N", False), ("false", False), ("0", False), ("ja", True), ("non", False),
    ],
)  # fmt: skip
def test_booleans(text: str, value: bool) -> None:
    assert parse_bool(text) is value


@pytest.mark.parametrize("text", ["maybe", "2", "yes please", "-"])
def test_not_booleans(text: str) -> None:
    with pytest.raises(ValueError, match="not yes or no"):
        parse_bool(text)


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("enterprise", "Enterprise"), ("Ent", "Enterprise"), ("ENT", "Enterprise"),
        ("mid market", "Mid-Market"), ("Mid-Market", "Mid-Market"), ("midmarket", "Mid-Market"),
        ("MM", "Mid-Market"), ("smb", "SMB"), ("Small Business", "SMB"),
        ("Strategic", "Strategic"), ("  Public   Sector ", "Public Sector"),
    ],
)  # fmt: skip
def test_segments_are_normalised_and_others_kept(text: str, segment: str) -> None:
    assert normalise_segment(text) == segment


@pytest.mark.parametrize(("text", "stage"), [("Adoption", "adoption"), (" RENEWAL ", "renewal")])
def test_lifecycle_stages_ignore_case(text: str, stage: str) -> None:
    assert parse_lifecycle_stage(text) is LifecycleStage(stage)


def test_unknown_lifecycle_stage_lists_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="onboarding, adoption, value, renewal, churned"):
        parse_lifecycle_stage("Customer")


@pytest.mark.parametrize(("text", "count"), [("250", 250), ("1,200", 1200), ("12.0", 12)])
def test_counts(text: str, count: int) -> None:
    assert parse_count(text) == count


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12.5", "whole number"),
        ("-3", "negative"),
        ("lots", "whole number"),
        ("1e20", "too large"),
        ("3,000,000,000", "too large"),
    ],
)
def test_bad_counts(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_count(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Active Users", "active_users"),
        ("logins-30d", "logins_30d"),
        (" NPS ", "nps"),
        ("a - b", "a_b"),
    ],
)
def test_metric_names_are_normalised(text: str, name: str) -> None:
    assert normalise_metric_name(text) == name


PARSERS = [parse_amount, parse_number, parse_date, parse_bool, parse_count, parse_currency_code,
           parse_lifecycle_stage]  # fmt: skip


@settings(deadline=None)  # no timing assertions in unit tests
@given(text=st.text(), parser=st.sampled_from(PARSERS))
def test_parsers_refuse_any_text_only_with_a_value_error(text: str, parser: object) -> None:
    try:
        parser(text)  # type: ignore[operator]
    except ValueError as problem:
        assert str(problem)
