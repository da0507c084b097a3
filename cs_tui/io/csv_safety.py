"""Keeping exported CSV cells inert when the file is opened in a spreadsheet.

Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or
carriage return before one) as a formula, so an account named `=HYPERLINK(...)` could act on the
reader's machine ("CSV injection"). Such cells get a leading single quote, which spreadsheets read
as "this is text". Genuine numbers such as `-12.5` or `+3` are left alone: they are not formulas,
and quoting them would turn every negative amount into text. The guard applies to every line
of a cell that holds line breaks, and such cells are always quoted, so no cell can start a row.
"""

import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def is_plain_number(text: str) -> bool:
    """`-12.5`, `+3`, `1e5`, `-0`: what a spreadsheet reads as a number, never as a formula."""
    return NUMBER.fullmatch(text) is not None


def csv_safe_cell(value: object) -> str:
    """The cell's text, prefixed with `'` if a spreadsheet would otherwise run it as a formula.

    A cell holding line breaks gets the same guard at the start of each line, so that a reader
    splitting it into lines (or rows) still never finds a formula there.
    """
    text = "" if value is None else str(value)
    lead = text.lstrip(" \n\x0b\x0c")
    if lead.startswith(FORMULA_TRIGGERS) and not is_plain_number(text):
        text = "'" + text
    if "\n" in text or "\r" in text:
        parts = LINE_BREAK.split(text)
        for index in range(2, len(parts), 2):  # the lines after the first, between the breaks
            parts[index] = _guarded_line(parts[index])
        text = "".join(parts)
    return text


LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


def _guarded_line(line: str) -> str:
    if line.lstrip(" \x0b\x0c").startswith(FORMULA_TRIGGERS) and not is_plain_number(line):
        return "'" + line
    return line


def needs_quotes(cells: list[str]) -> bool:
    """A row with a carriage return in a cell: Python's csv module quotes a lone \r only when it
    is part of the line terminator, so such rows are written with every cell quoted."""
    return any("\r" in cell for cell in cells)
