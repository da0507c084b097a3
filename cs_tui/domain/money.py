"""Money as integer minor units with an ISO 4217 currency; formatting for people."""

from decimal import Decimal

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
