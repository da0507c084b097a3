"""Money as integer minor units with an ISO 4217 currency; formatting for people."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

ZERO_DECIMAL_CURRENCIES = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "HUF", "TWD", "UGX", "XOF"})
THREE_DECIMAL_CURRENCIES = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "AUD": "A$", "CAD": "C$"}


def minor_digits(currency: str) -> int:
    if currency in ZERO_DECIMAL_CURRENCIES:
        return 0
    if currency in THREE_DECIMAL_CURRENCIES:
        return 3
    return 2


def to_major(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-minor_digits(currency))


def to_minor(amount: Decimal, currency: str) -> int:
    """Exact conversion; an amount with more decimals than the currency has is refused."""
    scaled = amount.scaleb(minor_digits(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{amount} has more decimals than {currency} allows")
    return int(scaled)


def format_money(minor: int, currency: str, *, cents: bool = False) -> str:
    """`$1,250,000` (or with cents); unknown currencies show their code: `1,250 CHF`."""
    amount = to_major(minor, currency)
    digits = minor_digits(currency) if cents else 0
    text = f"{amount:,.{digits}f}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def format_compact(minor: int, currency: str) -> str:
    """`$1.3M`, `€48k`, `£950`: for narrow columns."""
    amount = float(to_major(minor, currency))
    symbol = SYMBOLS.get(currency, "")
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(amount) >= limit:
            value = amount / limit
            text = f"{value:.1f}".rstrip("0").rstrip(".") if value < 100 else f"{value:.0f}"
            return f"{symbol}{text}{suffix}" if symbol else f"{text}{suffix} {currency}"
    return f"{symbol}{amount:.0f}" if symbol else f"{amount:.0f} {currency}"


@dataclass(frozen=True)
class ExchangeRates:
    """The config's `[currency]`: the base currency and what one unit of each other is worth in it.

    Without a base, totals are given per currency; with one, each amount with a rate is converted
    into the base, and amounts without a rate stay listed in their own currency.
    """

    base: str | None = None
    rates: Mapping[str, Decimal] = field(default_factory=dict)

    def rate(self, currency: str) -> Decimal | None:
        if self.base is None:
            return None
        if currency == self.base:
            return Decimal(1)
        return self.rates.get(currency)


NO_RATES = ExchangeRates()


def compact_amount(minor: int, currency: str) -> str:
    """`USD 1.3M`, `EUR 48k`, `JPY 950`: the code first, so no symbol is ever taken for another."""
    amount = float(to_major(minor, currency))
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(amount) >= limit:
            value = amount / limit
            text = f"{value:.1f}".rstrip("0").rstrip(".") if value < 100 else f"{value:.0f}"
            return f"{currency} {text}{suffix}"
    return f"{currency} {amount:.0f}"


def _rate_text(rate: Decimal) -> str:
    text = f"{rate:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def describe_totals(
    by_currency: Sequence[tuple[str, int]], rates: ExchangeRates = NO_RATES, *, limit: int = 3
) -> str:
    """A total that says what it sums: `USD 1.2M · EUR 300k`, or with a base and rates
    `USD 1.5M (EUR at 1.08)` plus, listed apart, any currency without a rate.

    `by_currency` is (currency, minor units), largest first; at most `limit` currencies are
    named, the rest counted (`+ 2 more currencies`).
    """
    base = rates.base
    converted = Decimal(0)
    folded: list[str] = []
    apart: list[tuple[str, int]] = []
    for currency, minor in by_currency:
        rate = rates.rate(currency)
        if base is None or rate is None:
            apart.append((currency, minor))
            continue
        converted += to_major(minor, currency) * rate
        if currency != base:
            folded.append(f"{currency} at {_rate_text(rate)}")
    parts: list[str] = []
    if base is not None and (folded or len(apart) < len(by_currency)):
        whole = int(
            (converted.scaleb(minor_digits(base))).to_integral_value(rounding=ROUND_HALF_EVEN)
        )
        text = compact_amount(whole, base)
        parts.append(f"{text} ({', '.join(folded)})" if folded else text)
    parts += [compact_amount(minor, currency) for currency, minor in apart]
    if len(parts) > limit:
        hidden = len(parts) - limit
        parts = [*parts[:limit], f"+ {hidden} more {'currency' if hidden == 1 else 'currencies'}"]
    return " · ".join(parts)
