"""Reading a metric feed (usage, support, delivery signals) into validated samples and row errors.

A feed is CSV with the columns `account` (external id or exact name), `metric`, `value` and `date`
(and optionally `source`), or JSON lines with the same keys (`.jsonl` / `.ndjson`, or any file whose
first line is a JSON object). Decoding, delimiters, report furniture and dates are handled as for
account exports. Which account a reference names is decided when the samples are stored.
"""

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from cs_tui.domain.scoring.scorecard import SignalSettings
from cs_tui.domain.signals.feed_values import ValueKind, metric_kinds, value_problem
from cs_tui.io.column_mapping import ColumnMatch, key_header_test, match_columns
from cs_tui.io.text_files import (
    AmbiguousDatesError,
    ImportFileError,
    Record,
    RowError,
    SkippedLine,
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
    normalise_metric_name,
    parse_date,
    parse_number,
)
from cs_tui.models import MetricSampleCreate

METRIC_LABELS: dict[str, tuple[str, ...]] = {
    "account": ("account", "account_ref", "account id", "external id", "account name"),
    "metric": ("metric", "metric name"),
    "value": ("value",),
    "date": ("date", "observed_on", "observed on", "day"),
    "source": ("source",),
}
REQUIRED = ("account", "metric", "value", "date")
SOURCE_LENGTH = 80  # the stored column's size (MetricSample.source)
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
METRIC_NAME_RULE = "a metric name starts with a letter and holds letters, digits and underscores"
MAX_NUMBER_LENGTH = 60  # characters; longer is no number a feed means
DEFAULT_KINDS = metric_kinds(SignalSettings())


@dataclass(frozen=True)
class MetricRow:
    line: int
    account_ref: str
    sample: MetricSampleCreate


@dataclass(frozen=True)
class MetricFile:
    path: Path
    format: Literal["csv", "jsonl"]
    encoding: str
    rows: tuple[MetricRow, ...]
    errors: tuple[RowError, ...]
    skipped: tuple[SkippedLine, ...]


@dataclass(frozen=True)
class _Entry:
    """One sample as written: each field's text, and what to call the field in messages."""

    line: int
    values: Mapping[str, str]
    columns: Mapping[str, str]


def read_metric_file(
    path: Path, *, date_format: str = "", kinds: Mapping[str, ValueKind] | None = None
) -> MetricFile:
    """Read a CSV or JSON-lines feed; whole-file problems raise `ImportFileError`.

    `kinds` says which metrics are shares, counts or hours (default: the default scorecard's).
    """
    decoded = decode_file(path)
    lines = physical_lines(decoded.text)
    if _is_json_lines(path, lines):
        entries, errors, skipped = _json_entries(path, lines)
        file_format: Literal["csv", "jsonl"] = "jsonl"
    else:
        entries, errors, skipped = _csv_entries(path, lines, decoded.encoding)
        file_format = "csv"
    if not date_format:
        _refuse_ambiguous_dates(entries)
    rows, row_errors = _samples(
        entries,
        date_format=date_format,
        source=path.name,
        kinds=DEFAULT_KINDS if kinds is None else kinds,
    )
    return MetricFile(
        path=path,
        format=file_format,
        encoding=decoded.encoding,
        rows=tuple(rows),
        errors=tuple(sorted(errors + row_errors, key=lambda e: e.line)),
        skipped=tuple(sorted(skipped, key=lambda s: s.line)),
    )


def _refuse_ambiguous_dates(entries: Sequence["_Entry"]) -> None:
    dated = [entry for entry in entries if entry.values.get("date")]
    first = first_ambiguous_date(entry.values["date"] for entry in dated)
    if first is not None:
        entry = dated[first]
        column = entry.columns.get("date", "date")
        text = entry.values["date"]
        raise AmbiguousDatesError(
            ambiguous_column_message(column, entry.line, text),
            column=column,
            line=entry.line,
            text=text,
        )


def _is_json_lines(path: Path, lines: Sequence[str]) -> bool:
    first = next((line.strip() for line in lines if line.strip()), "")
    if first.startswith("[") and path.suffix.lower() not in (".csv", ".tsv", ".txt"):
        raise ImportFileError(
            f"{path.name}: this is a JSON array; write one JSON object per line (JSON lines)"
        )
    return path.suffix.lower() in JSON_LINES_SUFFIXES or first.startswith("{")


def _csv_entries(
    path: Path, lines: list[str], encoding: str
) -> tuple[list[_Entry], list[RowError], list[SkippedLine]]:
    found = find_header(lines, key_header_test(METRIC_LABELS, {}, "account"))
    if found is None:
        raise ImportFileError(
            f"{path.name}: no account column (expected the columns account, metric, value, "
            f"date); its first line reads {first_line_preview(lines)!r}"
        )
    table = read_table(path, lines, found[0], found[1], encoding)
    match = match_columns(table.header.cells, METRIC_LABELS, {}, file_name=path.name, can_map=False)
    missing = [name for name in REQUIRED if name not in match.index]
    if missing:
        raise ImportFileError(
            f"{path.name}: no {', '.join(missing)} column (the header has: "
            f"{', '.join(h for h in table.header.cells if h.strip())})"
        )
    data, furniture = set_aside_furniture(table.records, key_index=None, header=table.header)
    entries: list[_Entry] = []
    errors: list[RowError] = []
    width = len(table.header.cells)
    for record in data:
        if record.unclosed_quote:
            errors.append(
                RowError(
                    record.line,
                    "",
                    "",
                    f"a quoted value opened on this line is never closed (it runs to line "
                    f"{record.last_line}, the end of the file)",
                )
            )
        elif mixed := delimiter_problem(record, table.delimiter, width):
            errors.append(RowError(record.line, "", _preview(record.text), mixed))
        else:
            entries.append(_csv_entry(record, match))
    return entries, errors, [*table.skipped_above, *furniture]


def _csv_entry(record: Record, match: ColumnMatch) -> _Entry:
    values = {
        name: record.cells[index].strip()
        for name, index in match.index.items()
        if index < len(record.cells)
    }
    return _Entry(record.line, values, match.labels)


def _json_entries(
    path: Path, lines: list[str]
) -> tuple[list[_Entry], list[RowError], list[SkippedLine]]:
    entries: list[_Entry] = []
    errors: list[RowError] = []
    skipped: list[SkippedLine] = []
    keys = {name: name for name in METRIC_LABELS}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            skipped.append(SkippedLine(number, "blank line"))
            continue
        try:
            document = json.loads(
                line, parse_float=Decimal, parse_int=Decimal, parse_constant=_NonFinite
            )
        except json.JSONDecodeError as error:
            reason = f"not valid JSON ({error.msg} at column {error.colno})"
            errors.append(RowError(number, "", _preview(line), reason))
            continue
        except RecursionError:
            reason = "not read: its JSON is nested too deeply"
            errors.append(RowError(number, "", _preview(line), reason))
            continue
        if not isinstance(document, dict):
            errors.append(RowError(number, "", _preview(line), "not a JSON object"))
            continue
        values: dict[str, str] = {}
        for name in METRIC_LABELS:
            value = document.get(name, document.get("observed_on") if name == "date" else None)
            if isinstance(value, bool | dict | list):
                shown = _preview(json.dumps(value, default=str, allow_nan=False))
                errors.append(RowError(number, name, shown, "not a value"))
                break
            if isinstance(value, _NonFinite):
                errors.append(RowError(number, name, str(value), "not a finite number"))
                break
            if value is not None:
                values[name] = _json_text(value).strip()
        else:
            entries.append(_Entry(number, values, keys))
    return entries, errors, skipped


class _NonFinite(str):
    """NaN, Infinity or -Infinity as a JSON line wrote it (strict JSON has no such numbers)."""

    __slots__ = ()


def _json_text(value: object) -> str:
    return str(value)


def _preview(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 80 else text[:77] + "..."


def _samples(
    entries: list[_Entry], *, date_format: str, source: str, kinds: Mapping[str, ValueKind]
) -> tuple[list[MetricRow], list[RowError]]:
    dates = [e.values["date"] for e in entries if e.values.get("date")]
    seen_order = infer_date_order(dates)
    order: DateOrder | None = format_order(date_format) or "month-first"
    if not date_format and seen_order is not None:
        order = None if seen_order == "mixed" else seen_order
    decimal_mark = infer_decimal_mark(e.values["value"] for e in entries if e.values.get("value"))
    rows: list[MetricRow] = []
    errors: list[RowError] = []
    for entry in entries:
        problems: list[tuple[str, str]] = []
        fields: dict[str, object] = {"source": entry.values.get("source") or source[:SOURCE_LENGTH]}
        if len(str(fields["source"])) > SOURCE_LENGTH:
            problems.append(
                ("source", f"longer than the {SOURCE_LENGTH} characters the book keeps")
            )
        for name in REQUIRED:
            if not entry.values.get(name):
                problems.append((name, f"missing {name}"))
        if text := entry.values.get("metric"):
            fields["metric"] = normalise_metric_name(text)
        if text := entry.values.get("value"):
            try:
                value = _finite(text, decimal_mark)
            except ValueError as problem:
                problems.append(("value", str(problem)))
            else:
                metric = str(fields.get("metric", ""))
                if wrong := value_problem(metric, value, kinds):
                    problems.append(("value", wrong))
                fields["value"] = value
        if text := entry.values.get("date"):
            try:
                fields["observed_on"] = parse_date(text, order=order, date_format=date_format)
            except ValueError as problem:
                problems.append(("date", str(problem)))
        if not problems:
            try:
                sample = MetricSampleCreate.model_validate(fields)
            except ValidationError as invalid:
                problems = [_model_problem(detail) for detail in invalid.errors()]
            else:
                rows.append(MetricRow(entry.line, entry.values["account"], sample))
                continue
        errors.extend(
            RowError(
                entry.line,
                entry.columns.get(name, name),
                _preview(entry.values.get(name, "")),
                text,
            )
            for name, text in problems
        )
    return rows, errors


SCIENTIFIC = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?[eE][-+]?[0-9]+")
NON_FINITE_WORDS = frozenset({"nan", "inf", "infinity", "-inf", "-infinity", "+inf", "+infinity"})


def _finite(text: str, decimal_mark: str | None) -> float:
    """The value as a finite float: NaN, infinities and numbers beyond a float are refused."""
    if text.strip().lower() in NON_FINITE_WORDS:
        raise ValueError("not a finite number")
    if len(text) > MAX_NUMBER_LENGTH:
        raise ValueError(f"too long to be a number ({len(text):,} characters)")
    if SCIENTIFIC.fullmatch(text.strip()):
        number = Decimal(text.strip())  # 1e999 is a number, only too large for a float
    else:
        number = parse_number(text, decimal_mark=decimal_mark)
    value = float(number)
    if not number.is_finite() or value in (float("inf"), float("-inf")):
        raise ValueError("too large a number")
    return value


def _model_problem(detail: Mapping[str, object]) -> tuple[str, str]:
    location = detail.get("loc") or ()
    name = str(location[0]) if isinstance(location, tuple) and location else ""
    name = {"observed_on": "date"}.get(name, name)
    if name == "metric" and detail.get("type") == "string_pattern_mismatch":
        return name, f"not a metric name ({METRIC_NAME_RULE})"
    return name, str(detail.get("msg", "invalid")).removeprefix("Value error, ")
