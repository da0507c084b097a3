"""From an export's bytes to CSV records with the physical line each one starts on.

Exports arrive as UTF-8 with or without a byte-order mark, as Windows-1252 from older Excel, or as
UTF-16 "Unicode text"; delimited by commas, semicolons (European Excel), tabs or pipes; with a report
title above the header and totals and disclaimers below the data. This module decodes the text,
finds the header line and its delimiter, reads records (quoted values may hold delimiters and line
breaks), and sets aside blank lines and report furniture, listing each line it sets aside. Anything
that is not a delimited text file at all is refused with an `ImportFileError`.
"""

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

CANDIDATE_DELIMITERS = (",", ";", "\t", "|")
HEADER_SEARCH_LINES = 50
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAGIC_NUMBERS = {
    b"PK\x03\x04": "an Excel workbook or another zip archive; save it as CSV first",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls); save it as CSV first",
    b"%PDF": "a PDF document, not CSV",
}
HTML_START = re.compile(r"\s*<(!doctype\s+html|html|head|body|\?xml)\b", re.IGNORECASE)
FOOTER_LABEL = re.compile(
    r"(grand\s+totals?|totals?|sub-?totals?|sum|count|record\s+count)"
    r"\s*(\(\s*[0-9][0-9,. ]*\s+records?\s*\))?\s*:?",
    re.IGNORECASE,
)
GROUP_LABEL = re.compile(
    r"sub-?totals?\b.*|.*\(\s*[0-9][0-9,. ]*\s+records?\s*\)", re.IGNORECASE | re.DOTALL
)
"""A grouped report's subtotal row, or a group heading such as "Tess Ng (12 records)"."""
LEGAL_LINE = re.compile(
    r"copyright\s*(\(c\)|©)|©|confidential\s+information\b|generated\s+by\s*:", re.IGNORECASE
)
"""A report's legal or metadata line, even unquoted and split at its commas into two cells."""
SUBTOTAL = re.compile(r"sub-?totals?\b", re.IGNORECASE)
GRAND_TOTAL = re.compile(r"grand\s+totals?\b", re.IGNORECASE)
DELIMITER_WORDS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}
FOOTER_PREFIX = re.compile(
    r"(generated\s+by|copyright|confidential|filtered\s+by|report\s+generated|run\s+by|"
    r"printed\s+by)\b|\(c\)\s|©",
    re.IGNORECASE,
)


class ImportFileError(Exception):
    """The file cannot be imported at all; the message names the file and the cause."""


class AmbiguousDatesError(ImportFileError):
    """A date column whose every date reads both as month/day and as day/month: the user must
    name the order (a date format) before anything is read."""

    def __init__(self, message: str, *, column: str, line: int, text: str) -> None:
        super().__init__(message)
        self.column, self.line, self.text = column, line, text


@dataclass(frozen=True)
class RowError:
    """One problem with one data line. `column` is the header as written in the file ("" = row)."""

    line: int
    column: str
    value: str
    message: str


@dataclass(frozen=True)
class SkippedLine:
    """A line that holds no data (blank, a report title or footer), listed so none goes unseen."""

    line: int
    reason: str


@dataclass(frozen=True)
class Record:
    """One CSV record; `line` is the 1-based physical line it starts on, `last_line` where it ends.

    `unclosed_quote`: a quote opened in this record is never closed, so it ran to the end of the file.
    """

    line: int
    last_line: int
    cells: tuple[str, ...]
    unclosed_quote: bool = False
    text: str = ""  # the record as written (its physical lines)


@dataclass(frozen=True)
class Table:
    """A decoded, delimited file: its header record and the records below it."""

    encoding: str
    delimiter: str
    header: Record
    records: tuple[Record, ...]
    skipped_above: tuple[SkippedLine, ...]


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_file(path: Path, encoding: str | None = None) -> DecodedText:
    """The file's text: in `encoding` if given, else UTF-8 (with or without BOM), UTF-16 with a BOM,
    or Windows-1252 when the bytes are not valid UTF-8. Binary and empty files are refused."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    if not raw.strip():
        raise ImportFileError(f"{path.name}: the file is empty")
    if encoding:
        decoded = _decode_as(path, raw, encoding)
    elif raw.startswith(codecs.BOM_UTF8):
        decoded = DecodedText(raw.decode("utf-8-sig", errors="strict"), "utf-8-sig")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoded = _decode_as(path, raw, "utf-16")
    else:
        _refuse_binary(path, raw)
        decoded = _utf8_or_cp1252(path, raw)
    text = decoded.text.removeprefix("\ufeff")
    sample = text[:65_536]
    if len(CONTROL_CHARACTERS.findall(sample)) > max(8, len(sample) // 100):
        raise ImportFileError(f"{path.name}: not a text file (it holds binary data)")
    if not text.strip():
        raise ImportFileError(f"{path.name}: the file is empty")
    if HTML_START.match(text):
        raise ImportFileError(
            f"{path.name}: this is a web page (HTML), not CSV; it was perhaps saved from an "
            "error or sign-in page instead of the export itself"
        )
    return DecodedText(text, decoded.encoding)


def _decode_as(path: Path, raw: bytes, encoding: str) -> DecodedText:
    try:
        return DecodedText(raw.decode(encoding), codecs.lookup(encoding).name)
    except LookupError:
        raise ImportFileError(f"{path.name}: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path.name}: not {encoding} text (byte {error.start} cannot be decoded)"
        ) from None


def _refuse_binary(path: Path, raw: bytes) -> None:
    for magic, what in MAGIC_NUMBERS.items():
        if raw.startswith(magic):
            raise ImportFileError(f"{path.name}: this is {what}")
    if b"\x00" in raw[:65_536]:
        raise ImportFileError(f"{path.name}: not a text file (it holds binary data)")


def _utf8_or_cp1252(path: Path, raw: bytes) -> DecodedText:
    try:
        return DecodedText(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(raw.decode("cp1252"), "cp1252")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path.name}: neither UTF-8 nor Windows-1252 text (byte {error.start}); "
            "save it as CSV UTF-8, or name its encoding in a mapping file"
        ) from None


def physical_lines(text: str) -> list[str]:
    """Lines split on \\n, \\r\\n or \\r only (not on the other breaks `str.splitlines` knows)."""
    return io.StringIO(text, newline="").readlines()


def _cells(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter, skipinitialspace=True), [])
    except csv.Error:
        return []


def find_header(
    lines: Sequence[str], is_key_header: Callable[[str], bool], delimiter: str | None = None
) -> tuple[int, str] | None:
    """The index of the first line holding a key column, and the delimiter that splits it best."""
    candidates = (delimiter,) if delimiter else CANDIDATE_DELIMITERS
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        if not line.strip():
            continue
        fits = []
        for candidate in candidates:
            cells = _cells(line, candidate)
            if any(map(is_key_header, cells)):
                fits.append((len(cells), candidate))
        if fits:
            best = max(count for count, _ in fits)
            return index, next(d for count, d in fits if count == best)
    return None


def first_line_preview(lines: Sequence[str]) -> str:
    first = next((line.strip() for line in lines if line.strip()), "")
    return first if len(first) <= 80 else first[:77] + "..."


def read_table(
    path: Path, lines: Sequence[str], header_index: int, delimiter: str, encoding: str
) -> Table:
    """Records from the header line on; the lines above the header are listed as skipped."""
    above = tuple(
        SkippedLine(
            index + 1, "blank line" if not line.strip() else "report title above the header"
        )
        for index, line in enumerate(lines[:header_index])
    )
    records = iter(_records(path, lines[header_index:], delimiter, first_line=header_index + 1))
    header = next(records)
    return Table(encoding, delimiter, header, tuple(records), above)


def _records(
    path: Path, lines: Sequence[str], delimiter: str, *, first_line: int
) -> Iterator[Record]:
    reader = csv.reader(iter(lines), delimiter=delimiter, skipinitialspace=True)
    consumed = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFileError(
                f"{path.name}, line {first_line + consumed}: the CSV cannot be read ({error})"
            ) from None
        start, consumed = consumed, reader.line_num
        text = lines[start] if consumed - start == 1 else "".join(lines[start:consumed])
        runaway = consumed == len(lines) and consumed - start > 1
        unclosed = runaway and text.count('"') % 2 == 1
        yield Record(first_line + start, first_line + consumed - 1, tuple(cells), unclosed, text)


def footer_label(record: Record) -> str | None:
    """The text of a report footer row ("Grand Totals (120 records)", "Generated By: ..."), if it is one."""
    first = next((cell.strip() for cell in record.cells if cell.strip()), "")
    if FOOTER_LABEL.fullmatch(first) or FOOTER_PREFIX.match(first) or GROUP_LABEL.fullmatch(first):
        return first
    return None


def _within_report(label: str) -> str:
    """What a furniture row among the data is: a group's heading or a (sub)total."""
    if GROUP_LABEL.fullmatch(label) and not SUBTOTAL.match(label):
        return "report group heading"
    return "report subtotal"


def _ends_data(label: str) -> bool:
    """A grand total or the report's legal and metadata lines: everything after is footer."""
    return bool(GRAND_TOTAL.match(label) or FOOTER_PREFIX.match(label))


def set_aside_furniture(
    records: Sequence[Record], *, key_index: int | None, header: Record | None = None
) -> tuple[list[Record], list[SkippedLine]]:
    """Data records, and the blank lines and report furniture set aside.

    Furniture is a row whose first value reads like "Grand Totals (12 records)", "Total",
    "Subtotal", "Tess Ng (3 records)", "Generated By: ..." or "Copyright ..." and which has no
    other value in the key column (`key_index`, the record id): a real account named "Total" with
    an id is data, a "Grand Totals (3 records)" written in the id column is not. After a grand
    total or the legal lines, any line with at most one value (the report name, filter
    descriptions, the company) is footer too, and so are such lines between a blank line and the
    legal lines (a report name above "Copyright ..."). A copy of the `header` (two exports pasted
    together) is set aside as well.
    """
    header_cells = [cell.strip() for cell in header.cells] if header else None
    kept: list[tuple[Record, SkippedLine | None]] = []
    in_footer = False
    for record in records:
        filled = [cell.strip() for cell in record.cells if cell.strip()]
        has_key = key_index is not None and key_index < len(record.cells)
        key = record.cells[key_index].strip() if has_key and key_index is not None else ""
        first = next((i for i, cell in enumerate(record.cells) if cell.strip()), None)
        label = footer_label(record) if not key or first == key_index else None
        if label is None and first is not None and LEGAL_LINE.match(record.cells[first].strip()):
            label = record.cells[first].strip()
        skipped: SkippedLine | None = None
        if not filled:
            skipped = SkippedLine(record.line, "blank line")
        elif header_cells is not None and [c.strip() for c in record.cells] == header_cells:
            skipped = SkippedLine(record.line, "the header again")
        elif label is not None:
            if _ends_data(label) and not in_footer:
                in_footer = True
                _footer_above(kept)
            what = "report footer" if in_footer else _within_report(label)
            skipped = SkippedLine(record.line, f"{what} {_quoted(label)}")
        elif in_footer and len(filled) == 1:
            skipped = SkippedLine(record.line, f"report footer {_quoted(filled[0])}")
        kept.append((record, skipped))
    data = [record for record, skipped in kept if skipped is None]
    return data, [skipped for _, skipped in kept if skipped is not None]


def _footer_above(kept: list[tuple[Record, SkippedLine | None]]) -> None:
    """Mark the one-value lines just above the footer's start as footer, if a blank line heads them."""
    run: list[int] = []
    for position in range(len(kept) - 1, -1, -1):
        record, skipped = kept[position]
        if skipped is not None:
            if skipped.reason == "blank line":
                for index in run:
                    line = kept[index][0]
                    text = next(c.strip() for c in line.cells if c.strip())
                    kept[index] = (line, SkippedLine(line.line, f"report footer {_quoted(text)}"))
            return
        if sum(1 for cell in record.cells if cell.strip()) != 1:
            return
        run.append(position)


def delimiter_problem(record: Record, delimiter: str, header_width: int) -> str | None:
    """Why a record with too few values looks separated by another delimiter than its header."""
    if header_width < 2 or len(record.cells) >= header_width or not record.text:
        return None
    for other in CANDIDATE_DELIMITERS:
        if other == delimiter:
            continue
        count = len(_cells(record.text, other))
        if count > len(record.cells) and count >= max(2, (header_width + 1) // 2):
            theirs = DELIMITER_WORDS.get(delimiter, repr(delimiter))
            return (
                f"this line's values are separated by {DELIMITER_WORDS[other]}, but the "
                f"header's by {theirs} (a line from another export?); use one delimiter "
                "throughout the file"
            )
    return None


def _quoted(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")
