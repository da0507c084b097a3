"""Exported cells never run as spreadsheet formulas, and numbers stay numbers."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_tui.io.csv_safety import FORMULA_TRIGGERS, LINE_BREAK, csv_safe_cell, is_plain_number
from cs_tui.io.export import write_csv


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("-2+3", "'-2+3"),
        ("+2-3", "'+2-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r'=cmd"),
        ("+44 20 7946 0958", "'+44 20 7946 0958"),
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("-", "'-"),
        ("--5", "'--5"),
        ("-5 days", "'-5 days"),
        (" =1+2", "' =1+2"),
        ("\n=1+2", "'\n'=1+2"),
        ("Acme\n=HYPERLINK(1)", "Acme\n'=HYPERLINK(1)"),
        ("Acme\r\n@SUM(A1)\r-5 days", "Acme\r\n'@SUM(A1)\r'-5 days"),
        ("notes\n \t=cmd", "notes\n' \t=cmd"),
        ("-12.5\n-3", "'-12.5\n-3"),
        ("-1,234.5", "'-1,234.5"),
    ],
)
def test_formula_like_cells_are_quoted(value: str, cell: str) -> None:
    assert csv_safe_cell(value) == cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("-12.5", "-12.5"),
        ("+3", "+3"),
        ("1e5", "1e5"),
        ("-1E-5", "-1E-5"),
        ("-0", "-0"),
        ("-.5", "-.5"),
        (-12.5, "-12.5"),
        (-7, "-7"),
        (Decimal("-1234.50"), "-1234.50"),
        ("Acme = best", "Acme = best"),
        ("a-b", "a-b"),
        ("2026-03-31", "2026-03-31"),
        (date(2026, 3, 31), "2026-03-31"),
        ("", ""),
        (None, ""),
        ("Société Générale", "Société Générale"),
    ],
)
def test_ordinary_cells_and_numbers_are_untouched(value: object, cell: str) -> None:
    assert csv_safe_cell(value) == cell


@pytest.mark.parametrize(
    ("text", "number"),
    [("-12.5", True), ("+3", True), ("1e5", True), ("-0", True), ("12.", True), ("-2+3", False),
     ("+44 20 7946 0958", False), ("1,000", False), ("-", False), ("", False), ("- 5", False)],
)  # fmt: skip
def test_what_counts_as_a_plain_number(text: str, number: bool) -> None:
    assert is_plain_number(text) is number


@settings(deadline=None)  # no timing assertions in unit tests
@given(st.text())
def test_output_never_starts_with_a_formula_character_unless_a_number(value: str) -> None:
    cell = csv_safe_cell(value)
    lead = cell.lstrip(" \n\x0b\x0c")
    assert not lead.startswith(FORMULA_TRIGGERS) or is_plain_number(cell)


@settings(deadline=None)  # no timing assertions in unit tests
@given(st.text())
def test_the_original_text_is_kept_after_the_guard(value: str) -> None:
    """The guard only ever adds one quote at the start of a line; nothing else changes."""
    cell = csv_safe_cell(value)
    given_parts, guarded_parts = LINE_BREAK.split(value), LINE_BREAK.split(cell)
    assert guarded_parts[1::2] == given_parts[1::2]  # the same line breaks
    for before, after in zip(given_parts[::2], guarded_parts[::2], strict=True):
        assert after in (before, "'" + before)


CELL_TEXT = st.text(st.sampled_from("=+-@\t\r\n ,\"'1.a") | st.characters())


def guarded_everywhere(cell: str) -> bool:
    lines = LINE_BREAK.split(cell)[::2]
    first = cell.lstrip(" \n\x0b\x0c")
    if first.startswith(FORMULA_TRIGGERS) and not is_plain_number(cell):
        return False
    return all(
        not line.lstrip(" \x0b\x0c").startswith(FORMULA_TRIGGERS) or is_plain_number(line)
        for line in lines[1:]
    )


@settings(deadline=None)  # no timing assertions in unit tests
@given(CELL_TEXT)
def test_no_line_of_a_cell_begins_a_formula(value: str) -> None:
    assert guarded_everywhere(csv_safe_cell(value))


@settings(deadline=None)  # no timing assertions in unit tests
@given(st.lists(st.tuples(CELL_TEXT, CELL_TEXT), max_size=8))
def test_an_export_reads_back_row_for_row_whatever_its_cells_hold(
    rows: list[tuple[str, str]],
) -> None:
    """No cell can start a new row or smuggle a formula after a line break, on any reader that
    follows the CSV rules, with universal or with Windows newlines."""
    out = io.StringIO()
    write_csv(({"name": a, "note": b} for a, b in rows), ("name", "note"), out)
    text = out.getvalue()
    for newline in ("", None):
        read = list(csv.reader(io.StringIO(text, newline=newline)))
        if newline == "":
            assert read[1:] == [[csv_safe_cell(a), csv_safe_cell(b)] for a, b in rows]
        assert len(read) == len(rows) + 1
        assert all(len(row) == 2 and all(map(guarded_everywhere, row)) for row in read[1:])


@settings(deadline=None)  # no timing assertions in unit tests
@given(
    st.one_of(
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.decimals(allow_nan=False, allow_infinity=False),
    )
)
def test_numbers_are_never_quoted(number: object) -> None:
    assert csv_safe_cell(number) == str(number)


def test_guarded_cells_survive_a_csv_round_trip() -> None:
    out = io.StringIO()
    csv.writer(out).writerow([csv_safe_cell(v) for v in ("=1+2", "-5", "+44 20 7946 0958")])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'=1+2", "-5", "'+44 20 7946 0958"]
