"""The fields of an account a user edits, read from what they typed (a flag, a form field).

Both the command line and the account form hand over text per input (`INPUTS`), named as the
flags are (`arr`, `renewal`, `seats`...); `parse_account_input` turns it into model fields or an
`InvalidInputError` naming every input that is wrong, in the caller's words (`--renewal` or
"Renewal"). Amounts read like the importer's ("12,500.00", "€12 500"), dates are ISO.

No database library is imported here: screens read the labels, texts and conflicts too.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cs_tui.data.store.errors import InvalidInputError
from cs_tui.domain.money import minor_digits, to_major, to_minor
from cs_tui.domain.records.edits import FieldConflict
from cs_tui.io.values import (
    normalise_segment,
    parse_amount,
    parse_bool,
    parse_count,
    parse_currency_code,
    parse_lifecycle_stage,
)

if TYPE_CHECKING:
    from cs_tui.data.accounts.views import AccountDetail

INPUTS = (
    "name", "owner", "segment", "industry", "stage", "arr", "currency", "contract_start",
    "renewal", "auto_renew", "seats", "tags", "domain", "external_id",
)  # fmt: skip
FIELD_OF = {
    **{key: key for key in INPUTS},
    "stage": "lifecycle_stage",
    "arr": "arr_minor",
    "renewal": "contract_end",
    "seats": "licensed_seats",
}
INPUT_OF = {field: key for key, field in FIELD_OF.items()}
EDITABLE = tuple(FIELD_OF[key] for key in INPUTS)
LABELS = {
    "name": "Name",
    "owner": "Owner",
    "segment": "Segment",
    "industry": "Industry",
    "stage": "Stage",
    "arr": "ARR",
    "currency": "Currency",
    "contract_start": "Contract start",
    "renewal": "Renewal",
    "auto_renew": "Auto-renew",
    "seats": "Seats",
    "tags": "Tags",
    "domain": "Domain",
    "external_id": "CRM id",
}
MAX_MINOR_UNITS = 2**63 - 1
NOT_A_DATE = "is not a date (write it as YYYY-MM-DD)"

Labeller = Callable[[str], str]


def default_label(key: str) -> str:
    return LABELS.get(key, key)


def label_of_field(field: str, label: Labeller = default_label) -> str:
    """The user's word for a model field (`contract_end` -> "Renewal", or `--renewal`)."""
    return label(INPUT_OF.get(field, field))


@dataclass(frozen=True)
class ArrAmount:
    """An ARR as typed: its value and the currency the amount itself named, if any."""

    value: Decimal
    currency: str | None = None
    from_symbol: bool = False


def _day(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} {NOT_A_DATE}") from None


def _arr(text: str) -> ArrAmount:
    amount = parse_amount(text)
    if amount.value < 0:
        raise ValueError("ARR cannot be negative")
    return ArrAmount(amount.value, amount.currency, amount.from_symbol)


def _seats(text: str) -> int | None:
    return parse_count(text) if text.strip() else None


def _required(text: str) -> str:
    if not text.strip():
        raise ValueError("cannot be empty")
    return text.strip()


def _bool(value: str) -> bool:
    return parse_bool(value)


PARSERS: dict[str, Callable[[str], object]] = {
    "name": _required,
    "owner": str.strip,
    "segment": normalise_segment,
    "industry": str.strip,
    "stage": lambda text: parse_lifecycle_stage(text).value,
    "arr": _arr,
    "currency": parse_currency_code,
    "contract_start": _day,
    "renewal": _day,
    "auto_renew": _bool,
    "seats": _seats,
    "tags": str.strip,
    "domain": str.strip,
    "external_id": lambda text: text.strip() or None,
}


def parse_account_input(
    typed: Mapping[str, str | bool], *, label: Labeller = default_label
) -> dict[str, object]:
    """Model fields from the inputs given (only those); every wrong input named in one error."""
    fields: dict[str, object] = {}
    problems: list[tuple[str, str]] = []
    for key, value in typed.items():
        if key not in PARSERS:
            raise KeyError(f"not an account input: {key}")
        try:
            parsed = value if isinstance(value, bool) else PARSERS[key](value)
        except ValueError as problem:
            problems.append((key, str(problem)))
            continue
        fields[FIELD_OF[key]] = parsed
    if problems:
        raise InvalidInputError(
            "; ".join(f"{label(key)}: {message}" for key, message in problems),
            field=problems[0][0],
        )
    return fields


def settle_money(
    changes: Mapping[str, object],
    *,
    arr_minor: int,
    currency: str,
    label: Labeller = default_label,
) -> dict[str, object]:
    """The changes with a typed ARR in minor units of the currency it ends up in.

    A currency named by the amount ("€12,500") is the account's new currency unless one is given
    apart (then a code that contradicts it is refused; a symbol yields). A new currency without a
    new ARR keeps the amount ("12,500.00 USD" becomes "12,500.00 EUR").
    """
    settled = dict(changes)
    amount = settled.get("arr_minor")
    given_currency = settled.get("currency")
    if isinstance(amount, ArrAmount):
        named = amount.currency
        if named and given_currency and named != given_currency and not amount.from_symbol:
            raise InvalidInputError(
                f"{label('arr')}: the amount is in {named}, but "
                f"{label('currency')} says {given_currency}",
                field="arr",
            )
        final = str(given_currency or amount.currency or currency)
        if amount.currency and not given_currency and final != currency:
            settled["currency"] = final
        settled["arr_minor"] = _minor(amount.value, final, label("arr"), "arr")
    elif (
        isinstance(given_currency, str)
        and given_currency != currency
        and "arr_minor" not in settled
    ):
        kept = to_major(arr_minor, currency)
        settled["arr_minor"] = _minor(
            kept, given_currency, label("currency"), "currency",
            hint=f" (the ARR {kept:,} would change: give {label('arr')} too)",
        )  # fmt: skip
    return settled


def _minor(value: Decimal, currency: str, named: str, key: str, *, hint: str = "") -> int:
    try:
        minor = to_minor(value, currency)
    except ValueError:
        raise InvalidInputError(
            f"{named}: {currency} amounts have {minor_digits(currency)} decimals at most{hint}",
            field=key,
        ) from None
    if minor > MAX_MINOR_UNITS:
        raise InvalidInputError(f"{named}: the amount is too large", field=key)
    return minor


# -- the values a form opens with, and showing them -----------------------------------------------


def editable_values(detail: "AccountDetail") -> dict[str, Any]:
    """The stored values of every editable field, as the edit compares them."""
    return {
        "name": detail.name,
        "external_id": detail.external_id,
        "domain": detail.domain,
        "owner": detail.owner,
        "segment": detail.segment,
        "industry": detail.industry,
        "lifecycle_stage": detail.lifecycle_stage,
        "arr_minor": detail.arr_minor,
        "currency": detail.currency,
        "contract_start": detail.contract_start,
        "contract_end": detail.contract_end,
        "auto_renew": detail.auto_renew,
        "licensed_seats": detail.licensed_seats,
        "tags": ", ".join(detail.tags),
    }


def amount_text(minor: int, currency: str) -> str:
    """An ARR as the form shows it: "12,500.00" (no symbol: the currency is its own field)."""
    return f"{to_major(minor, currency):,.{minor_digits(currency)}f}"


def value_text(field: str, value: object, *, currency: str = "USD") -> str:
    """A stored value as the form and the conflict dialog show it."""
    if value is None:
        return ""
    if field == "arr_minor" and isinstance(value, int):
        return amount_text(value, currency)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def input_texts(values: Mapping[str, Any]) -> dict[str, str]:
    """The text of every input for a form opened on these stored values."""
    currency = str(values.get("currency") or "USD")
    return {key: value_text(FIELD_OF[key], values.get(FIELD_OF[key]), currency=currency)
            for key in INPUTS}  # fmt: skip


class EditConflictError(InvalidInputError):
    """Fields the user changed were changed by someone else since the form opened; nothing saved.

    `conflicts` say what the form opened with, what is stored now (theirs) and what the user
    typed (mine); `currency` is the stored one, to show amounts.
    """

    def __init__(
        self, record: str, conflicts: tuple[FieldConflict, ...], *, currency: str = "USD",
        label: Labeller = default_label,
    ) -> None:  # fmt: skip
        self.conflicts = conflicts
        self.currency = currency
        listed = "; ".join(
            f"{label_of_field(c.field, label)}: now {self.text(c.field, c.theirs) or '(empty)'}, "
            f"yours {self.text(c.field, c.mine) or '(empty)'}"
            for c in conflicts
        )
        super().__init__(
            f"{record} was changed since you opened it: {listed}. Nothing was saved.",
            field=conflicts[0].field if conflicts else "",
        )

    def text(self, field: str, value: object) -> str:
        return value_text(field, value, currency=self.currency)
