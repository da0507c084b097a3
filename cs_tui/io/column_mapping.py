"""Which column of an export holds which account field: CRM labels built in, the rest by mapping.

Salesforce and HubSpot report exports are recognised by their column labels, compared without
regard to case, spaces or punctuation ("Account Name", "account_name" and "ACCOUNT NAME" are one
label). Any other layout is described by a TOML mapping file:

    [columns]               # our field = the header in your file ("" = do not import that field)
    name = "Customer"
    arr = "Yearly value"
    [options]               # all optional
    date_format = "%d/%m/%Y"
    currency = "EUR"
    delimiter = ";"
    encoding = "cp1252"
"""

import codecs
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cs_tui.io.text_files import ImportFileError

ACCOUNT_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("Account Name", "Company name", "Name", "Customer Name", "Account", "Company"),
    "external_id": (
        "Account ID",
        "Record ID",
        "External ID",
        "Account ID (18)",
        "Company ID",
        "ID",
    ),
    "domain": ("Website", "Domain", "Company domain name", "Domain Name"),
    "owner": ("Account Owner", "Company owner", "Owner", "CSM", "Customer Success Manager"),
    "segment": ("Segment", "Customer Segment", "Account Segment"),
    "industry": ("Industry",),
    "lifecycle_stage": ("Lifecycle Stage", "Stage", "Customer Stage"),
    "arr": ("ARR", "Annual Revenue", "Annual recurring revenue"),
    "currency": (
        "Currency",
        "Account Currency",
        "Currency ISO Code",
        "ARR Currency",
        "Annual Revenue Currency",
    ),
    "contract_start": ("Contract Start Date", "Contract Start"),
    "contract_end": ("Renewal Date", "Contract End Date", "Contract End", "Next Renewal Date"),
    "auto_renew": ("Auto Renew", "Auto Renewal", "Auto-Renew"),
    "licensed_seats": ("Licensed Seats", "Seats", "Licenses", "Seat Count", "Number of Seats"),
    "tags": ("Tags", "Labels"),
}
ACCOUNT_FIELDS = tuple(ACCOUNT_LABELS)
OPTION_KEYS = ("date_format", "currency", "delimiter", "encoding")
DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def header_key(label: str) -> str:
    """A label reduced to lowercase letters and digits, so spelling variants compare equal."""
    return "".join(ch for ch in label.casefold() if ch.isalnum())


@dataclass(frozen=True)
class ColumnMapping:
    """A user's description of their file: our field -> their header, and reading options."""

    columns: Mapping[str, str] = field(default_factory=dict)
    date_format: str = ""
    currency: str = ""
    delimiter: str = ""
    encoding: str = ""
    source: Path | None = None


@dataclass(frozen=True)
class ColumnMatch:
    """Each field's cell index and the header as written; headers no field uses."""

    index: Mapping[str, int]
    labels: Mapping[str, str]
    ignored: tuple[str, ...]


def load_column_mapping(path: Path) -> ColumnMapping:
    """Read and check a mapping file; an unknown field or option is refused, naming the key."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ImportFileError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ImportFileError(f"{path.name}: not a valid TOML file ({error})") from None
    for key in document:
        if key not in ("columns", "options"):
            raise ImportFileError(
                f"{path.name}: unknown section or key {key!r} (expected [columns] and [options])"
            )
    columns = _string_table(path, document, "columns", ACCOUNT_FIELDS)
    if "name" in columns and not columns["name"].strip():
        raise ImportFileError(f"{path.name}: columns.name cannot be empty: every account needs one")
    options = _string_table(path, document, "options", OPTION_KEYS)
    if not columns and not options:
        raise ImportFileError(f"{path.name}: neither [columns] nor [options] is given")
    return ColumnMapping(
        columns={name: header.strip() for name, header in columns.items()},
        date_format=option_date_format(path, options.get("date_format", "").strip()),
        currency=option_currency(path, options.get("currency", "").strip()),
        delimiter=option_delimiter(path, options.get("delimiter", "")),
        encoding=option_encoding(path, options.get("encoding", "").strip()),
        source=path,
    )


def _string_table(
    path: Path, document: Mapping[str, object], section: str, allowed: Sequence[str]
) -> dict[str, str]:
    table = document.get(section, {})
    if not isinstance(table, dict):
        raise ImportFileError(f"{path.name}: {section!r} must be a table ([{section}])")
    for key, value in table.items():
        if key not in allowed:
            raise ImportFileError(
                f"{path.name}: unknown key {section}.{key} (known: {', '.join(allowed)})"
            )
        if not isinstance(value, str):
            raise ImportFileError(f"{path.name}: {section}.{key} must be a string in quotes")
    return dict(table)


def check_date_format(value: str) -> str:
    """A strptime format that writes and reads back a whole date, or `ValueError`."""
    sample = date(2026, 3, 31)
    try:
        if datetime.strptime(sample.strftime(value), value).date() == sample:
            return value
    except ValueError:
        pass
    raise ValueError(f"{value!r} is not a date format such as %d/%m/%Y or %m/%d/%y")


def option_date_format(path: Path, value: str) -> str:
    """A mapping file's `options.date_format`, checked; the file named in the message."""
    if not value:
        return ""
    try:
        return check_date_format(value)
    except ValueError:
        raise ImportFileError(
            f"{path.name}: options.date_format {value!r} is not a date format such as %d/%m/%Y"
        ) from None


def option_currency(path: Path, value: str) -> str:
    """A mapping file's `options.currency`: a three-letter code, upper-cased."""
    if value and not re.fullmatch(r"[A-Za-z]{3}", value):
        raise ImportFileError(
            f"{path.name}: options.currency {value!r} is not a three-letter code such as EUR"
        )
    return value.upper()


def option_delimiter(path: Path, value: str) -> str:
    """A mapping file's `options.delimiter` (one character, or tab, comma, semicolon, pipe)."""
    value = DELIMITER_NAMES.get(value.lower(), value) if value.strip() else value
    if len(value) > 1 or value in ('"', "\n", "\r"):
        raise ImportFileError(
            f"{path.name}: options.delimiter {value!r} must be one character, such as ; or tab"
        )
    return value


def option_encoding(path: Path, value: str) -> str:
    """A mapping file's `options.encoding`, as Python names it."""
    if not value:
        return ""
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise ImportFileError(f"{path.name}: options.encoding {value!r} is unknown") from None


def column_letters(position: int) -> str:
    """A 0-based column position as a spreadsheet shows it: 0 -> A, 26 -> AA."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


OCCURRENCE = re.compile(r"(?P<header>.*?)\s*#(?P<n>[0-9]+)")


def match_columns(
    headers: Sequence[str],
    labels: Mapping[str, Sequence[str]],
    mapped: Mapping[str, str],
    *,
    file_name: str,
    mapping_name: str = "",
    can_map: bool = True,
) -> ColumnMatch:
    """Give each field its column: the mapped header if any, else its first built-in label found.

    A mapped header missing from the file is an `ImportFileError` naming the key; a field mapped to
    "" is left out. A header written twice or more cannot say which column a field reads: that is
    an `ImportFileError` naming the columns, unless the mapping picks one ("Account Name #2", the
    second column so headed). Every header no field uses is listed in `ignored`.
    """
    positions: dict[str, list[int]] = {}
    for position, header in enumerate(headers):
        if header.strip():
            positions.setdefault(header_key(header), []).append(position)
    index: dict[str, int] = {}
    for field_name, header in mapped.items():
        if header:
            index[field_name] = _mapped_position(
                headers, positions, field_name, header, file_name, mapping_name or "mapping"
            )
    claimed = set(index.values())
    for field_name, aliases in labels.items():
        if field_name in mapped:
            continue
        for alias in aliases:
            found = positions.get(header_key(alias))
            if found is not None and found[0] not in claimed:
                if len(found) > 1:
                    raise _duplicated(headers, found, field_name, file_name, can_map)
                index[field_name] = found[0]
                claimed.add(found[0])
                break
    ignored = tuple(h for i, h in enumerate(headers) if i not in claimed and h.strip())
    return ColumnMatch(index, {f: headers[i] for f, i in index.items()}, ignored)


def _mapped_position(
    headers: Sequence[str],
    positions: Mapping[str, list[int]],
    field_name: str,
    header: str,
    file_name: str,
    mapping_name: str,
) -> int:
    found = positions.get(header_key(header))
    if found is not None:
        if len(found) > 1:
            raise _duplicated(headers, found, field_name, file_name, True)
        return found[0]
    occurrence = OCCURRENCE.fullmatch(header.strip())
    if occurrence is not None and (same := positions.get(header_key(occurrence["header"]))):
        n = int(occurrence["n"])
        if 1 <= n <= len(same):
            return same[n - 1]
        raise ImportFileError(
            f"{mapping_name}: columns.{field_name} = {header!r}, but {file_name} has "
            f"{len(same)} columns headed {occurrence['header']!r}"
        )
    shown = ", ".join(h for h in headers if h.strip())
    raise ImportFileError(
        f"{mapping_name}: columns.{field_name} = {header!r}, but "
        f"{file_name} has no such column (its columns: {shown})"
    )


def _duplicated(
    headers: Sequence[str], found: Sequence[int], field_name: str, file_name: str, can_map: bool
) -> ImportFileError:
    header = headers[found[0]].strip()
    named = [f"{p + 1} ({column_letters(p)})" for p in found]
    where = ", ".join(named[:-1]) + " and " + named[-1]
    advice = (
        f"say which one holds the {field_name.replace('_', ' ')} in a mapping file "
        f'([columns] {field_name} = "{header} #2" for the second)'
        if can_map
        else "rename the columns so that each header is written once"
    )
    return ImportFileError(
        f"{file_name}: {len(found)} columns are headed {header!r}: columns {where}; {advice}"
    )


def key_header_test(
    labels: Mapping[str, Sequence[str]], mapped: Mapping[str, str], key_field: str
) -> "KeyHeader":
    """A test for "this header names the key field" (the mapped header, else a built-in label)."""
    if header := mapped.get(key_field):
        keys = {header_key(header)}
        if occurrence := OCCURRENCE.fullmatch(header.strip()):
            keys.add(header_key(occurrence["header"]))
        return KeyHeader(frozenset(keys))
    return KeyHeader(frozenset(header_key(label) for label in labels[key_field]))


@dataclass(frozen=True)
class KeyHeader:
    keys: frozenset[str]

    def __call__(self, header: str) -> bool:
        return header_key(header) in self.keys
