"""Writing accounts out: CSV that is safe to open in a spreadsheet, or JSON."""

import csv
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TextIO

from cs_tui.domain.jsonable import strict_json
from cs_tui.io.csv_safety import csv_safe_cell, needs_quotes


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def write_csv(records: Iterable[dict[str, Any]], fields: tuple[str, ...], out: TextIO) -> int:
    """Write records as CSV; cells a spreadsheet would run as formulas are neutralised, and a row
    with a carriage return in a cell is written fully quoted so that no cell can split it."""
    writer = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow([csv_safe_cell(field) for field in fields])
    count = 0
    for record in records:
        cells = [csv_safe_cell(_plain(record[field])) for field in fields]
        (quoted if needs_quotes(cells) else writer).writerow(cells)
        count += 1
    return count


def _json_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array, one record per line, streamed (no whole-book string in memory)."""
    out.write("[")
    count = 0
    for record in records:
        out.write(",\n " if count else "\n ")
        out.write(strict_json({k: _json_value(v) for k, v in record.items()}, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
