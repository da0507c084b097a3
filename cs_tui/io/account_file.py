"""Reading an accounts CSV (a CRM export) into validated `AccountCreate` rows and row errors.

Every data line ends up in exactly one of `rows`, `errors` (one entry per problem, each naming the
line and the column as headed in the file) or `skipped` (blank lines, report titles and footers).
Writing the rows to the book, and deciding what to do when some are invalid, is the caller's job.

A blank cell leaves its field out of the row (`model_fields_set`), so an import never erases a
stored value just because the export left it empty; only the account name is required.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from annotated_types import MaxLen
from pydantic import ValidationError

from cs_tui.domain.money import minor_digits, to_minor
from cs_tui.io.bulk_work import collector_paused
from cs_tui.io.column_mapping import (
    ACCOUNT_LABELS,
    ColumnMapping,
    ColumnMatch,
    key_header_test,
    load_column_mapping,
    match_columns,
)
from cs_tui.io.text_files import (
    AmbiguousDatesError,
    ImportFileError,
    Record,
    RowError,
    SkippedLine,
    Table,
    decode_file,
    delimiter_problem,
    find_header,
    first_line_preview,
    physical_lines,
    read_table,
    set_aside_furniture,
)
from cs_tui.io.values import (
    DateOrder,
    ambiguous_column_message,
    first_ambiguous_date,
    format_order,
    infer_date_order,
    infer_decimal_mark,
    normalise_segment,
    parse_amount,
    parse_bool,
    parse_count,
    parse_currency_code,
    parse_date,
    parse_lifecycle_stage,
)
from cs_tui.models import AccountCreate
from cs_tui.models.account import AccountFields

__all__ = [
    "AccountFile",
    "AccountRow",
    "AmbiguousDatesError",
    "ImportFileError",
    "RowError",
    "SkippedLine",
    "load_column_mapping",
    "read_account_file",
]

TEXT_FIELDS = ("name", "external_id", "domain", "owner", "industry", "tags")
DATE_FIELDS = ("contract_start", "contract_end")
MODEL_FIELD_COLUMNS = {"arr_minor": "arr"}
MAX_MINOR_UNITS = 2**63 - 1

# the column sizes of the stored account, where they are tighter than AccountCreate's own rules
STORED_LENGTHS = {
    name: rule.max_length
    for name, info in AccountFields.model_fields.items()
    for rule in info.metadata
    if isinstance(rule, MaxLen)
}

_Problem = tuple[str, str]  # (field, message)


@dataclass(frozen=True)
class AccountRow:
    line: int
    account: AccountCreate


@dataclass(frozen=True)
class AccountFile:
    """What was read: how (encoding, delimiter, which header feeds which field) and the outcome."""

    path: Path
    encoding: str
    delimiter: str
    header_line: int
    columns: Mapping[str, str]
    ignored_headers: tuple[str, ...]
    rows: tuple[AccountRow, ...]
    errors: tuple[RowError, ...]
    skipped: tuple[SkippedLine, ...]


@dataclass(frozen=True)
class _ColumnRules:
    """Per-file and per-column decisions taken before any row is read."""

    match: ColumnMatch
    date_orders: Mapping[str, DateOrder | None]
    decimal_mark: str | None
    date_format: str
    currency: str
    default_currency: str
    header_width: int
    delimiter: str


def read_account_file(
    path: Path, *, mapping: ColumnMapping | None = None, default_currency: str = "USD"
) -> AccountFile:
    """Read an accounts export; whole-file problems raise `ImportFileError`."""
    with collector_paused():
        return _read_account_file(path, mapping or ColumnMapping(), default_currency)


def _read_account_file(path: Path, mapping: ColumnMapping, default_currency: str) -> AccountFile:
    decoded = decode_file(path, mapping.encoding or None)
    lines = physical_lines(decoded.text)
    is_name = key_header_test(ACCOUNT_LABELS, mapping.columns, "name")
    found = find_header(lines, is_name, mapping.delimiter or None)
    if found is None:
        raise _no_name_column(path, lines, mapping)
    table = read_table(path, lines, found[0], found[1], decoded.encoding)
    match = match_columns(
        table.header.cells,
        ACCOUNT_LABELS,
        mapping.columns,
        file_name=path.name,
        mapping_name=mapping.source.name if mapping.source else "",
    )
    if "name" not in match.index:
        raise _no_name_column(path, lines, mapping)
    data, furniture = set_aside_furniture(
        table.records, key_index=match.index.get("external_id"), header=table.header
    )
    rules = _column_rules(match, data, mapping, default_currency, table)
    rows, errors = _read_rows(data, rules)
    return AccountFile(
        path=path,
        encoding=decoded.encoding,
        delimiter=table.delimiter,
        header_line=table.header.line,
        columns=dict(match.labels),
        ignored_headers=match.ignored,
        rows=tuple(rows),
        errors=tuple(errors),
        skipped=tuple(sorted(table.skipped_above + tuple(furniture), key=lambda s: s.line)),
    )


def _no_name_column(path: Path, lines: list[str], mapping: ColumnMapping) -> ImportFileError:
    if mapping.columns.get("name"):
        where = mapping.source.name if mapping.source else "the mapping"
        return ImportFileError(
            f"{where}: columns.name = {mapping.columns['name']!r}, but {path.name} has no such "
            f"column (its first line reads {first_line_preview(lines)!r})"
        )
    return ImportFileError(
        f"{path.name}: no account name column (expected a header such as 'Account Name' or "
        f"'Company name', or a mapping file that names it); its first line reads "
        f"{first_line_preview(lines)!r}"
    )


def _column_rules(
    match: ColumnMatch,
    data: list[Record],
    mapping: ColumnMapping,
    default_currency: str,
    table: Table,
) -> _ColumnRules:
    def column(field_name: str) -> list[str]:
        index = match.index.get(field_name)
        if index is None:
            return []
        return [r.cells[index] for r in data if index < len(r.cells) and r.cells[index].strip()]

    default_order: DateOrder = format_order(mapping.date_format) or "month-first"
    orders: dict[str, DateOrder | None] = {}
    for field_name in DATE_FIELDS:
        if not mapping.date_format:
            _refuse_ambiguous_column(match, data, field_name)
        seen = infer_date_order(column(field_name))
        if mapping.date_format or seen is None:
            orders[field_name] = default_order
        else:
            orders[field_name] = None if seen == "mixed" else seen
    return _ColumnRules(
        match=match,
        date_orders=orders,
        decimal_mark=infer_decimal_mark(column("arr")),
        date_format=mapping.date_format,
        currency=mapping.currency,
        default_currency=default_currency,
        header_width=len(table.header.cells),
        delimiter=table.delimiter,
    )


def _refuse_ambiguous_column(match: ColumnMatch, data: list[Record], field_name: str) -> None:
    """A date column whose every slash date reads both ways cannot be guessed: ask for the order."""
    index = match.index.get(field_name)
    if index is None:
        return
    filled = [r for r in data if index < len(r.cells) and r.cells[index].strip()]
    first = first_ambiguous_date(r.cells[index] for r in filled)
    if first is not None:
        record = filled[first]
        column, text = match.labels[field_name], record.cells[index].strip()
        raise AmbiguousDatesError(
            ambiguous_column_message(column, record.line, text),
            column=column,
            line=record.line,
            text=text,
        )


def _read_rows(data: list[Record], rules: _ColumnRules) -> tuple[list[AccountRow], list[RowError]]:
    rows: list[AccountRow] = []
    errors: list[RowError] = []
    first_seen: dict[tuple[str, str], int] = {}
    for record in data:
        account, problems = _read_row(record, rules)
        problems += _duplicate(record, rules.match, first_seen)
        if problems:
            errors.extend(problems)
        elif account is not None:
            rows.append(AccountRow(record.line, account))
    return rows, errors


def _duplicate(
    record: Record, match: ColumnMatch, first_seen: dict[tuple[str, str], int]
) -> list[RowError]:
    """A later line repeating an external id (or, without one, a name) names the earlier line."""
    for field_name, what in (("external_id", "external id"), ("name", "name")):
        value = _cell(record, match, field_name)
        if value:
            key = (field_name, value if field_name == "external_id" else value.casefold())
            earlier = first_seen.setdefault(key, record.line)
            if earlier == record.line:
                return []
            return [
                RowError(
                    record.line,
                    match.labels[field_name],
                    value,
                    f"duplicate {what}: line {earlier} has the same {what}",
                )
            ]
    return []


def _cell(record: Record, match: ColumnMatch, field_name: str) -> str:
    index = match.index.get(field_name)
    if index is None or index >= len(record.cells):
        return ""
    return record.cells[index].strip()


CELL_PARSERS: dict[str, Callable[[str], object]] = {
    "segment": normalise_segment,
    "lifecycle_stage": parse_lifecycle_stage,
    "auto_renew": parse_bool,
    "licensed_seats": parse_count,
}


def _read_row(record: Record, rules: _ColumnRules) -> tuple[AccountCreate | None, list[RowError]]:
    shape = _shape_problem(record, rules)
    if shape is not None:
        return None, [shape]
    fields, problems = _parse_cells(record, rules)
    if problems:
        return None, [_row_error(record, rules.match, f, message) for f, message in problems]
    try:
        account = AccountCreate.model_validate(fields)
    except ValidationError as invalid:
        return None, [_model_problem(record, rules.match, detail) for detail in invalid.errors()]
    too_long = [
        _row_error(record, rules.match, name, f"longer than the {limit} characters the book keeps")
        for name, limit in STORED_LENGTHS.items()
        if len(getattr(account, name) or "") > limit
    ]
    return (None, too_long) if too_long else (account, [])


def _parse_cells(record: Record, rules: _ColumnRules) -> tuple[dict[str, object], list[_Problem]]:
    """The row's non-blank cells as model field values, and the cells that could not be read."""
    fields: dict[str, object] = {}
    problems: list[_Problem] = []
    for field_name in TEXT_FIELDS:
        if value := _cell(record, rules.match, field_name):
            fields[field_name] = value
    if "name" not in fields:
        problems.append(("name", "missing account name"))
    for field_name, parse in CELL_PARSERS.items():
        if text := _cell(record, rules.match, field_name):
            try:
                fields[field_name] = parse(text)
            except ValueError as problem:
                problems.append((field_name, str(problem)))
    dates: dict[str, date] = {}
    for field_name in DATE_FIELDS:
        if text := _cell(record, rules.match, field_name):
            order = rules.date_orders[field_name]
            try:
                dates[field_name] = parse_date(text, order=order, date_format=rules.date_format)
            except ValueError as problem:
                problems.append((field_name, str(problem)))
    start, end = dates.get("contract_start"), dates.get("contract_end")
    if start and end and end < start:
        problems.append(("contract_end", f"the contract ends before it starts ({start})"))
    money, money_problems = _read_money(record, rules)
    problems += money_problems
    problems.sort(key=lambda problem: rules.match.index.get(problem[0], -1))
    return fields | dates | money, problems


def _row_error(record: Record, match: ColumnMatch, field_name: str, message: str) -> RowError:
    return RowError(
        record.line, match.labels[field_name], _shown(_cell(record, match, field_name)), message
    )


def _shape_problem(record: Record, rules: _ColumnRules) -> RowError | None:
    if record.unclosed_quote:
        return RowError(
            record.line,
            "",
            "",
            f"a quoted value opened on this line is never closed (it runs to line "
            f"{record.last_line}, the end of the file)",
        )
    if mixed := delimiter_problem(record, rules.delimiter, rules.header_width):
        return RowError(record.line, "", _preview(record.text), mixed)
    extra = [cell for cell in record.cells[rules.header_width :] if cell.strip()]
    if extra:
        return RowError(
            record.line,
            "",
            extra[0],
            f"{len(record.cells)} values but the header has {rules.header_width} columns "
            "(a value holding the delimiter without quotes?)",
        )
    return None


def _read_money(record: Record, rules: _ColumnRules) -> tuple[dict[str, object], list[_Problem]]:
    """ARR in minor units and its currency, and the currency column's own value.

    The currency is, in order: the row's currency column, the mapping's `currency` option, a symbol
    or code in the amount itself ("€", "USD"), the default. An ISO code in the amount that
    contradicts the column or option is an error; a symbol ("$") yields to them.
    """
    fields: dict[str, object] = {}
    stated = ""
    if currency_text := _cell(record, rules.match, "currency"):
        try:
            stated = fields["currency"] = parse_currency_code(currency_text)
        except ValueError as problem:
            return fields, [("currency", str(problem))]
    arr_text = _cell(record, rules.match, "arr")
    if not arr_text:
        return fields, []
    try:
        amount = parse_amount(arr_text, decimal_mark=rules.decimal_mark)
    except ValueError as problem:
        return fields, [("arr", str(problem))]
    said_by = "currency column" if stated else "mapping's currency option"
    stated = stated or rules.currency
    if amount.currency and stated and amount.currency != stated and not amount.from_symbol:
        return fields, [
            ("arr", f"the amount is in {amount.currency}, but the {said_by} says {stated}")
        ]
    currency = stated or amount.currency or rules.default_currency
    if amount.value < 0:
        return fields, [("arr", "ARR cannot be negative")]
    try:
        minor = to_minor(amount.value, currency)
    except ValueError:
        digits = minor_digits(currency)
        return fields, [("arr", f"{currency} amounts have {digits} decimals at most")]
    if minor > MAX_MINOR_UNITS:
        return fields, [("arr", "the amount is too large")]
    fields.update(arr_minor=minor, currency=currency)
    return fields, []


def _model_problem(record: Record, match: ColumnMatch, detail: Mapping[str, object]) -> RowError:
    location = detail.get("loc") or ()
    field_name = str(location[0]) if isinstance(location, tuple) and location else ""
    field_name = MODEL_FIELD_COLUMNS.get(field_name, field_name)
    message = str(detail.get("msg", "invalid")).removeprefix("Value error, ")
    if field_name not in match.labels:
        return RowError(record.line, "", "", message)
    return RowError(
        record.line, match.labels[field_name], _shown(_cell(record, match, field_name)), message
    )


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "..."


def _shown(value: str) -> str:
    """A cell's value as a problem quotes it: cut short when it is long."""
    return value if len(value) <= 80 else value[:77] + "..."
