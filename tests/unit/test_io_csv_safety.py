"""Exported cells never run as spreadsheet formulas, and numbers stay numbers."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_tui.io.csv_safety import FORMULA_TRIGGERS, csv_safe_cell, is_plain_number


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("-2+3", "'-2+3"),
        ("+2-3", "'+2-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
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
        ("\n=1+2", "'\n=1+2"),
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
    cell = csv_safe_cell(value)
    assert cell in (value, "'" + value)


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
