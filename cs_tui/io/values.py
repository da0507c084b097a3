"""Cell values as CRM exports write them: amounts, dates, yes/no, segments, counts, metric names.

Each parser takes the text of one non-blank cell and returns a value, or raises `ValueError` with a
message for the person who has to fix the file ("not a date (expected e.g. 2026-03-31 or
03/31/2026)"). Amounts are `Decimal` throughout, so "$1,234,567.89" becomes exactly 123456789 cents.
Where a format is ambiguous on its own ("1.234", "04/05/2026"), the reader decides once per column
from all of the column's values (`infer_decimal_mark`, `infer_date_order`) and passes the verdict in.
"""

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Literal

from cs_tui.domain.enums import LifecycleStage, values

DateOrder = Literal["month-first", "day-first"]
ColumnDateOrder = Literal["month-first", "day-first", "mixed"] | None

# ---------------------------------------------------------------------------------------- amounts

CURRENCY_SYMBOLS = {
    "US$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "￥": "JPY",
    "₹": "INR",
}
_CURRENCY = "|".join(re.escape(s) for s in CURRENCY_SYMBOLS) + "|[A-Z]{3}"
_GROUP_SPACES = " \u00a0\u202f'\u2019"  # spaces, apostrophes (Swiss 1'000)
_AMOUNT = re.compile(
    rf"(?P<sign>[-+]?)\s*(?P<pre>{_CURRENCY})?\s*(?P<sign2>[-+]?)\s*"
    rf"(?P<number>(?:[0-9]|[.,](?=[0-9]))[0-9.,{_GROUP_SPACES}]*(?:[eE][-+]?[0-9]+)?)"
    rf"\s*(?P<post>{_CURRENCY})?\s*(?P<trailing_minus>-?)"
)
_GROUP_SEPARATOR = re.compile(f"[.,{_GROUP_SPACES}]")
_EXPONENT = re.compile(r"[0-9]+(?:\.[0-9]+)?[eE][-+]?[0-9]+")
NOT_AN_AMOUNT = "not an amount (expected e.g. 12500, $1,234.56 or 1.234,56 €)"
MAX_EXPONENT = 30  # "1e999999999" would otherwise become a billion-digit integer
NOT_A_NUMBER = "not a number (expected e.g. 42, -3.5 or 1,234.5)"
_PLAIN_AMOUNT = re.compile(
    r"(?P<pre>[$€£])?(?P<whole>[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<fraction>[0-9]+))?"
)
"""The form most exports use ("$1,234,567.89", "1234.5"), read directly when the column's decimal
mark is "."; every value it matches reads the same as through the general rules (a property test
holds the two together). "0,123" and Indian grouping are left to the general rules."""


@dataclass(frozen=True)
class Amount:
    """A signed amount and the currency its cell named, if any (`from_symbol`: by "$", not "USD")."""

    value: Decimal
    currency: str | None = None
    from_symbol: bool = False


def parse_amount(text: str, *, decimal_mark: str | None = None) -> Amount:
    """An amount as exports write it: "$1,234,567.89", "1.234.567,89 €", "€ 12 500", "(1,200.00)".

    `decimal_mark` ("." or ",") is the column's verdict for values such as "1,234" that read either
    way; without it a lone separator followed by exactly three digits groups thousands.
    """
    cell = text.strip()
    if decimal_mark == "." and (plain := _PLAIN_AMOUNT.fullmatch(cell)):
        fraction = plain["fraction"]
        number = Decimal(plain["whole"].replace(",", "") + (f".{fraction}" if fraction else ""))
        symbol = plain["pre"]
        return Amount(number, CURRENCY_SYMBOLS[symbol], True) if symbol else Amount(number)
    return _amount_by_general_rules(cell, decimal_mark)


def _amount_by_general_rules(cell: str, decimal_mark: str | None) -> Amount:
    cell = cell.replace("\u2212", "-")
    negative = cell.startswith("(") and cell.endswith(")")
    if negative:
        cell = cell[1:-1].strip()
    match = _AMOUNT.fullmatch(cell)
    if match is None:
        raise ValueError(NOT_AN_AMOUNT)
    signs = [s for s in (match["sign"], match["sign2"], match["trailing_minus"]) if s]
    if len(signs) > 1 or (negative and signs):
        raise ValueError(NOT_AN_AMOUNT)
    if match["pre"] and match["post"]:
        raise ValueError(f"{NOT_AN_AMOUNT}: it names two currencies")
    marker = match["pre"] or match["post"]
    number = _plain_number(match["number"].rstrip(" \u00a0\u202f"), decimal_mark)
    if negative or signs == ["-"]:
        number = -number
    if marker is None:
        return Amount(number)
    if marker in CURRENCY_SYMBOLS:
        return Amount(number, CURRENCY_SYMBOLS[marker], from_symbol=True)
    return Amount(number, marker)


def parse_number(text: str, *, decimal_mark: str | None = None) -> Decimal:
    """A plain signed number with optional thousands grouping ("1,234.5", "-3", "12,5")."""
    try:
        amount = parse_amount(text, decimal_mark=decimal_mark)
    except ValueError:
        raise ValueError(NOT_A_NUMBER) from None
    if amount.currency is not None:
        raise ValueError(f"{NOT_A_NUMBER}: it carries a currency")
    return amount.value


def _plain_number(digits: str, decimal_mark: str | None) -> Decimal:
    if digits.isascii() and digits.isdigit():
        return Decimal(digits)
    if _EXPONENT.fullmatch(digits):
        number = Decimal(digits)
        if abs(number.adjusted()) > MAX_EXPONENT:
            raise ValueError(f"{NOT_AN_AMOUNT}: its exponent is out of range")
        return number
    if not digits[-1].isdigit():
        raise ValueError(NOT_AN_AMOUNT)
    marks = [c for c in digits if c in ".,"]
    spaced = any(c in _GROUP_SPACES for c in digits)
    decimal = _decimal_separator(digits, marks, spaced, decimal_mark)
    whole, _, fraction = digits.rpartition(decimal) if decimal else (digits, "", "")
    if decimal and not whole:
        whole = "0"
    if not fraction.isdigit() and decimal:
        raise ValueError(NOT_AN_AMOUNT)
    groups = _GROUP_SEPARATOR.split(whole)
    separators = {c for c in whole if not c.isdigit()}
    if len(separators) > 1 or not _well_grouped(groups):
        raise ValueError(f"{NOT_AN_AMOUNT}: its digit grouping is off")
    try:
        return Decimal("".join(groups) + ("." + fraction if decimal else ""))
    except InvalidOperation:
        raise ValueError(NOT_AN_AMOUNT) from None


def _decimal_separator(
    digits: str, marks: list[str], spaced: bool, decimal_mark: str | None
) -> str | None:
    kinds = set(marks)
    if len(kinds) == 2:
        decimal = marks[-1]
        if marks.count(decimal) > 1:
            raise ValueError(NOT_AN_AMOUNT)
        return decimal
    if not kinds:
        return None
    (mark,) = kinds
    if marks.count(mark) > 1:
        return None
    whole, _, fraction = digits.partition(mark)
    if len(fraction) != 3 or spaced or len(whole) > 3 or whole.strip("0") == "":
        return mark
    if decimal_mark is not None:
        return mark if decimal_mark == mark else None
    return None


def _well_grouped(groups: list[str]) -> bool:
    """1,234,567 (threes after the first group) or 12,34,567 (Indian lakh/crore grouping)."""
    joined = "".join(groups)
    if not (joined.isascii() and joined.isdigit()) or not all(groups):
        return False
    if len(groups) == 1:
        return True
    first, *middle, last = groups
    if not 1 <= len(first) <= 3 or len(last) != 3:
        return False
    return all(len(g) == 3 for g in middle) or all(len(g) == 2 for g in middle)


def infer_decimal_mark(cells: Iterable[str]) -> str | None:
    """The column's decimal separator, from the values that show it unambiguously."""
    seen: set[str] = set()
    for cell in cells:
        found = re.search(r"[0-9.,\s]+", cell)
        digits = found.group().strip() if found else ""
        marks = [c for c in digits if c in ".,"]
        if len(set(marks)) == 2:
            seen.add(marks[-1])
        elif len(marks) == 1 and len(digits.partition(marks[0])[2]) not in (0, 3):
            seen.add(marks[0])
        elif len(marks) > 1:
            seen.add("," if marks[0] == "." else ".")
    return seen.pop() if len(seen) == 1 else None


def parse_currency_code(text: str) -> str:
    """A currency cell: "EUR", "eur", or a symbol such as "€"."""
    cell = text.strip()
    code = CURRENCY_SYMBOLS.get(cell, cell.upper())
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError("not a currency (expected a three-letter code such as USD or EUR)")
    return code


# ------------------------------------------------------------------------------------------ dates

# English names, spelled out: `calendar.month_name` would follow the process locale
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTHS |= {name[:3]: number for name, number in MONTHS.items()} | {"sept": 9}
_TIME = (
    r"(?:[ T]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:Z|UTC|GMT|[-+][0-9]{2}:?[0-9]{2}))?)?"
)
_ISO = re.compile(rf"(?P<y>[0-9]{{4}})([-/.])(?P<m>[0-9]{{1,2}})\2(?P<d>[0-9]{{1,2}}){_TIME}")
_NUMERIC = re.compile(
    rf"(?P<a>[0-9]{{1,2}})(?P<sep>[-/.])(?P<b>[0-9]{{1,2}})(?P=sep)(?P<y>[0-9]{{4}}|[0-9]{{2}}){_TIME}"
)
_DAY_MONTH_NAME = re.compile(
    rf"(?P<d>[0-9]{{1,2}})[-\s/.]+(?P<mon>[A-Za-z]+)\.?[-\s/.,]+(?P<y>[0-9]{{4}}|[0-9]{{2}}){_TIME}"
)
_MONTH_NAME_DAY = re.compile(
    rf"(?P<mon>[A-Za-z]+)\.?[-\s]+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{{4}}){_TIME}"
)


def date_hint(order: DateOrder | None) -> str:
    example = "31/03/2026" if order == "day-first" else "03/31/2026"
    return f"expected e.g. 2026-03-31 or {example}"


def parse_date(
    text: str, *, order: DateOrder | None = "month-first", date_format: str = ""
) -> date:
    """Any of the formats CRMs and spreadsheets write; a time after the date is ignored.

    `order` settles slash dates such as 04/05/2026 whose parts are both 12 or less; None refuses
    them (the column mixes both orders). Dotted dates (31.03.2026) are always day-first.
    `date_format` (strptime) is tried first when given.
    """
    cell = text.strip()
    if date_format:
        try:
            return datetime.strptime(cell, date_format).date()
        except ValueError:
            pass
    if found := _ISO.fullmatch(cell):
        return _calendar_date(int(found["y"]), int(found["m"]), int(found["d"]))
    if found := _NUMERIC.fullmatch(cell):
        return _numeric_date(found, order)
    for pattern in (_DAY_MONTH_NAME, _MONTH_NAME_DAY):
        if (found := pattern.fullmatch(cell)) and found["mon"].lower() in MONTHS:
            month = MONTHS[found["mon"].lower()]
            return _calendar_date(_full_year(found["y"]), month, int(found["d"]))
    raise ValueError(f"not a date ({date_hint(order)})")


def _numeric_date(found: re.Match[str], order: DateOrder | None) -> date:
    first, second, year = int(found["a"]), int(found["b"]), _full_year(found["y"])
    if found["sep"] == "." or first > 12 >= second:
        day_first = True
    elif second > 12 >= first:
        day_first = False
    elif first > 12 and second > 12:
        raise ValueError(f"not a date: neither {first} nor {second} is a month")
    elif order is None:
        raise ValueError(
            f"ambiguous date: {first}/{second} could be day/month or month/day, and this column "
            "has dates of both kinds; write it as 2026-03-31"
        )
    else:
        day_first = order == "day-first"
    day, month = (first, second) if day_first else (second, first)
    return _calendar_date(year, month, day)


TWO_DIGIT_YEAR = (
    "the year {digits!r} has two digits: write it in full, or give a date format with %y "
    "(--date-format, or options.date_format in a mapping, e.g. %m/%d/%y) to say how to read it"
)


def _full_year(digits: str) -> int:
    """A four-digit year; a two-digit one reads as a century only a date format can tell."""
    if len(digits) == 2:
        raise ValueError(TWO_DIGIT_YEAR.format(digits=digits))
    return int(digits)


def _calendar_date(year: int, month: int, day: int) -> date:
    if year < 1:
        raise ValueError(f"not a date: there is no year {year}")
    if not 1 <= month <= 12:
        raise ValueError(f"not a date: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(
            f"not a calendar date: {MONTH_NAMES[month - 1].title()} {year} has {last} days"
        )
    return date(year, month, day)


def infer_date_order(cells: Iterable[str]) -> ColumnDateOrder:
    """Day-first if some slash date starts above 12, month-first if one has its second part above 12."""
    orders: set[str] = set()
    for cell in cells:
        found = _NUMERIC.fullmatch(cell.strip())
        if found is None or found["sep"] == ".":
            continue
        first, second = int(found["a"]), int(found["b"])
        if first > 12 >= second:
            orders.add("day-first")
        elif second > 12 >= first:
            orders.add("month-first")
    if len(orders) > 1:
        return "mixed"
    return "day-first" if orders == {"day-first"} else "month-first" if orders else None


def first_ambiguous_date(cells: Iterable[str]) -> int | None:
    """Where a column's slash dates all read both ways (03/04/2027), the first such cell's index.

    None when some date settles the order (31/03/2027), or no date is ambiguous at all (ISO dates,
    dotted dates, or day and month equal as in 03/03/2027).
    """
    first: int | None = None
    for index, cell in enumerate(cells):
        found = _NUMERIC.fullmatch(cell.strip())
        if found is None or found["sep"] == ".":
            continue
        a, b = int(found["a"]), int(found["b"])
        if (a > 12 >= b) or (b > 12 >= a):
            return None
        if first is None and a != b and a <= 12 and b <= 12:
            first = index
    return first


def both_readings(text: str) -> tuple[str, str] | None:
    """The two dates an ambiguous slash date can mean, month-first then day-first (ISO)."""
    found = _NUMERIC.fullmatch(text.strip())
    if found is None or len(found["y"]) != 4:
        return None
    a, b, year = int(found["a"]), int(found["b"]), int(found["y"])
    try:
        return date(year, a, b).isoformat(), date(year, b, a).isoformat()
    except ValueError:
        return None


def ambiguous_column_message(column: str, line: int, text: str) -> str:
    """Why a column whose every date reads both ways needs the user to name the order."""
    readings = both_readings(text)
    meaning = f" could be {readings[0]} or {readings[1]}" if readings else " reads both ways"
    return (
        f"every date in column {column!r} reads both as month/day and as day/month (line "
        f"{line}: {text.strip()!r}{meaning}); say which with --date-format %m/%d/%Y or "
        "%d/%m/%Y (options.date_format in a mapping file)"
    )


def format_order(date_format: str) -> DateOrder | None:
    """The slash-date order a strptime format implies ("%d/%m/%Y" is day-first)."""
    day, month = date_format.find("%d"), date_format.find("%m")
    if day < 0 or month < 0:
        return None
    return "day-first" if day < month else "month-first"


# ------------------------------------------------------------------------------------ the rest

# English, plus the words European Excel and CRM exports write (ja/nein, oui/non, si, nee, nej)
TRUE_WORDS = frozenset({"yes", "y", "true", "t", "1", "on", "ja", "oui", "si", "sí"})
FALSE_WORDS = frozenset({"no", "n", "false", "f", "0", "off", "nein", "non", "nee", "nej"})


def parse_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("not yes or no (expected yes/no, true/false, 1/0 or y/n)")


SEGMENTS = {
    "Enterprise": ("enterprise", "ent", "enterprises", "large enterprise"),
    "Mid-Market": ("mid-market", "mid market", "midmarket", "mm", "mid", "mid-size", "midsize"),
    "SMB": ("smb", "small business", "small and medium business", "small", "smb/small business"),
}
_SEGMENT_BY_KEY = {
    re.sub(r"[^a-z]", "", alias): segment
    for segment, aliases in SEGMENTS.items()
    for alias in aliases
}


def normalise_segment(text: str) -> str:
    """The three standard segments in one spelling each; any other segment is kept as written."""
    cell = " ".join(text.split())
    return _SEGMENT_BY_KEY.get(re.sub(r"[^a-z]", "", cell.lower()), cell)


def parse_lifecycle_stage(text: str) -> LifecycleStage:
    word = text.strip().lower()
    try:
        return LifecycleStage(word)
    except ValueError:
        allowed = ", ".join(values(LifecycleStage))
        raise ValueError(f"not a lifecycle stage (expected one of {allowed})") from None


MAX_COUNT = 2**31 - 1  # an INTEGER column on every backend


def parse_count(text: str) -> int:
    """A whole number such as a seat count: "250", "1,200", "12.0"; never negative."""
    try:
        number = parse_number(text)
    except ValueError:
        raise ValueError("not a whole number") from None
    if number != number.to_integral_value():
        raise ValueError("not a whole number")
    if number < 0:
        raise ValueError("cannot be negative")
    if number > MAX_COUNT:
        raise ValueError("too large")
    return int(number)


def normalise_metric_name(text: str) -> str:
    """Lowercase with underscores: "Active Users" and "active-users" both become "active_users"."""
    name = re.sub(r"[\s\-]+", "_", text.strip().lower())
    return re.sub(r"_+", "_", name)
