"""Churned ARR behind each exit reason is summed per currency, never across them."""

import pytest

from cs_tui.domain.voice.reasons import Judged, reason_table
from cs_tui.io.revenue.reasons_file import DEFAULT_REASONS_FILE, read_taxonomy

TAXONOMY = read_taxonomy(DEFAULT_REASONS_FILE)


@pytest.mark.parametrize(
    ("events", "amounts"),
    [
        ([("a", 100, "USD"), ("b", 50, "USD")], (("USD", 150),)),
        ([("a", 100, "USD"), ("b", 300, "EUR"), ("c", 20, "USD")], (("EUR", 300), ("USD", 120))),
        ([], ()),
    ],
)
def test_amounts_per_currency(
    events: list[tuple[str, int, str]], amounts: tuple[object, ...]
) -> None:
    table = reason_table(TAXONOMY, [], [Judged(a, "budget", m, c) for a, m, c in events])
    rows = {row.code: row for row in table.rows}
    found = rows["budget"].judged_lost if "budget" in rows else ()
    assert found == amounts
