"""Totals over several currencies say what they sum: each currency by its code, or converted."""

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.money import NO_RATES, ExchangeRates, compact_amount, describe_totals

RATES = ExchangeRates(base="USD", rates={"EUR": Decimal("1.08"), "GBP": Decimal("1.25")})


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (120_000_000, "USD", "USD 1.2M"),
        (30_000_000, "EUR", "EUR 300k"),
        (95_000, "GBP", "GBP 950"),
        (30_000_000, "JPY", "JPY 30M"),
        (1_260_000_000_00, "USD", "USD 1.3B"),
    ],
)
def test_compact_amounts_lead_with_the_code(minor: int, currency: str, text: str) -> None:
    assert compact_amount(minor, currency) == text


@pytest.mark.parametrize(
    ("totals", "rates", "text"),
    [
        ([("USD", 120_000_000)], NO_RATES, "USD 1.2M"),
        ([("USD", 120_000_000), ("EUR", 30_000_000)], NO_RATES, "USD 1.2M · EUR 300k"),
        # 1.2M USD + 300k EUR x 1.08 = 1.524M USD
        ([("USD", 120_000_000), ("EUR", 30_000_000)], RATES, "USD 1.5M (EUR at 1.08)"),
        ([("EUR", 100_000_000)], RATES, "USD 1.1M (EUR at 1.08)"),
        # no rate for JPY: listed apart, never added to the dollars
        ([("USD", 100_000_000), ("JPY", 30_000_000)], RATES, "USD 1M · JPY 30M"),
        ([("CHF", 100_000_000)], RATES, "CHF 1M"),
        (
            [("USD", 4), ("EUR", 3), ("GBP", 2), ("CHF", 1), ("SEK", 1)],
            NO_RATES,
            "USD 0 · EUR 0 · GBP 0 · + 2 more currencies",
        ),
        ([], NO_RATES, ""),
    ],
)
def test_totals_name_each_currency_or_the_rates_used(
    totals: list[tuple[str, int]], rates: ExchangeRates, text: str
) -> None:
    assert describe_totals(totals, rates) == text


CODES = st.sampled_from(["USD", "EUR", "GBP", "JPY", "CHF", "SEK"])
TOTALS = st.dictionaries(CODES, st.integers(0, 10**14), min_size=1, max_size=3)


@given(totals=TOTALS)
def test_without_rates_every_currency_is_named_and_no_symbol_is_used(
    totals: dict[str, int],
) -> None:
    text = describe_totals(sorted(totals.items()), NO_RATES)
    assert set(re.findall(r"[A-Z]{3}", text)) == set(totals)
    assert not set(text) & set("$€£¥")


@given(totals=TOTALS)
def test_with_rates_only_unconvertible_currencies_stay_apart(totals: dict[str, int]) -> None:
    text = describe_totals(sorted(totals.items()), RATES)
    amounts = [part.split(" (")[0] for part in text.split(" · ")]
    codes = [amount.split()[0] for amount in amounts]
    convertible = {c for c in totals if RATES.rate(c) is not None}
    assert codes.count("USD") == (1 if convertible else 0)
    assert set(codes) - {"USD"} == set(totals) - convertible
