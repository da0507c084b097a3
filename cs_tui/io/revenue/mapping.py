"""A revenue mapping file: which of your columns holds what, and how your CRM words its reasons.

    [columns]                 # our field = the header in your file
    account = "Customer"
    kind = "Deal kind"
    amount = "Value"
    date = "Signed"
    reason = "Why lost"

    [options]
    layout = "plain"          # or "salesforce", "hubspot" (default: recognised from the headers)
    date_format = "%d/%m/%Y"
    currency = "EUR"
    delimiter = ";"
    encoding = "cp1252"

    [reasons]                 # your wording = a reason code of the taxonomy
    "Too pricey" = "price"

A mapped column overrides what the layout found; an unknown key is refused, naming it.
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cs_tui.io.column_mapping import option_date_format, option_delimiter, option_encoding
from cs_tui.io.text_files import ImportFileError

COLUMN_KEYS = ("key", "account", "account_id", "name", "kind", "stage", "amount", "currency",
               "date", "reason", "competitor", "note")  # fmt: skip
OPTION_KEYS = ("layout", "date_format", "currency", "delimiter", "encoding")
LAYOUTS = ("salesforce", "hubspot", "plain")


@dataclass(frozen=True)
class RevenueMapping:
    columns: Mapping[str, str] = field(default_factory=dict)
    layout: str = ""
    date_format: str = ""
    currency: str = ""
    delimiter: str = ""
    encoding: str = ""
    reasons: Mapping[str, str] = field(default_factory=dict)
    name: str = "mapping"


def load_revenue_mapping(path: Path) -> RevenueMapping:
    """Read and check a revenue mapping; a problem raises `ImportFileError` naming the key."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ImportFileError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ImportFileError(f"{path.name}: not a valid TOML file ({error})") from None
    for key in document:
        if key not in ("columns", "options", "reasons"):
            raise ImportFileError(
                f"{path.name}: unknown section or key {key!r} "
                "(expected [columns], [options] and [reasons])"
            )
    columns = _strings(path, document, "columns", COLUMN_KEYS)
    options = _strings(path, document, "options", OPTION_KEYS)
    reasons = _strings(path, document, "reasons", None)
    if not (columns or options or reasons):
        raise ImportFileError(f"{path.name}: neither [columns], [options] nor [reasons] is given")
    layout = options.get("layout", "").strip().casefold()
    if layout and layout not in LAYOUTS:
        raise ImportFileError(
            f"{path.name}: options.layout {options['layout']!r} is not one of {', '.join(LAYOUTS)}"
        )
    currency = options.get("currency", "").strip().upper()
    if currency and not (len(currency) == 3 and currency.isalpha()):
        raise ImportFileError(
            f"{path.name}: options.currency {currency!r} is not a three-letter code such as EUR"
        )
    return RevenueMapping(
        columns={key: header.strip() for key, header in columns.items() if header.strip()},
        layout=layout,
        date_format=option_date_format(path, options.get("date_format", "").strip()),
        currency=currency,
        delimiter=option_delimiter(path, options.get("delimiter", "")),
        encoding=option_encoding(path, options.get("encoding", "").strip()),
        reasons={text.strip(): code.strip() for text, code in reasons.items()},
        name=path.name,
    )


def _strings(
    path: Path, document: Mapping[str, object], section: str, allowed: tuple[str, ...] | None
) -> dict[str, str]:
    table = document.get(section, {})
    if not isinstance(table, dict):
        raise ImportFileError(f"{path.name}: {section!r} must be a table ([{section}])")
    for key, value in table.items():
        if allowed is not None and key not in allowed:
            raise ImportFileError(
                f"{path.name}: unknown key {section}.{key} (known: {', '.join(allowed)})"
            )
        if not isinstance(value, str):
            raise ImportFileError(f"{path.name}: {section}.{key} must be a string in quotes")
    return dict(table)
