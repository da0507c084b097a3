"""Keeping exported CSV cells inert when the file is opened in a spreadsheet.

Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or
carriage return before one) as a formula, so an account named `=HYPERLINK(...)` could act on the
reader's machine ("CSV injection"). Such cells get a leading single quote, which spreadsheets read
as "this is text". Genuine numbers such as `-12.5` or `+3` are left alone: they are not formulas,
and quoting them would turn every negative amount into text.
"""

import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def is_plain_number(text: str) -> bool:
    """`-12.5`, `+3`, `1e5`, `-0`: what a spreadsheet reads as a number, never as a formula."""
    return NUMBER.fullmatch(text) is not None


def csv_safe_cell(value: object) -> str:
    """The cell's text, prefixed with `'` if a spreadsheet would otherwise run it as a formula."""
    text = "" if value is None else str(value)
    lead = text.lstrip(" \n\x0b\x0c")
    if lead.startswith(FORMULA_TRIGGERS) and not is_plain_number(text):
        return "'" + text
    return text
