"""The list's filter, saved views, sorting and totals."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.book import account_row as r
from cs_tui.domain.book.views import (
    SORTABLE,
    BookIndex,
    Query,
    SavedView,
    ViewContext,
    describe,
    totals,
)
from cs_tui.domain.money import ExchangeRates
from cs_tui.domain.work.cadence import Cadences

TODAY = date(2026, 6, 15)
CONTEXT = ViewContext(
    me="tess", today=TODAY, cadences=Cadences({"Enterprise": 14, "Mid-Market": 30, "SMB": 60})
)


def make_row(
    name: str,
    *,
    owner: str = "tess",
    segment: str = "SMB",
    arr: int = 10_000_00,
    currency: str = "USD",
    renewal_in: int | None = 300,
    score: float | None = 80.0,
    band: str = "green",
    touched_days_ago: int | None = 5,
    tags: str = "",
    stage: str = "adoption",
) -> tuple[object, ...]:
    renewal = TODAY + timedelta(days=renewal_in) if renewal_in is not None else None
    touched = TODAY - timedelta(days=touched_days_ago) if touched_days_ago is not None else None
    return (
        f"id-{name}", name, owner, segment, arr, currency, renewal, score, band, None, touched,
        0, 0, "", tags, stage, 1.0, False, None,
    )  # fmt: skip


BOOK = [
    make_row("Acme", owner="tess", tags="strategic, beta", score=42, band="red"),
    make_row("Globex", owner="omar", segment="Enterprise", arr=900_000_00, touched_days_ago=20),
    make_row("Initech", owner="tess", renewal_in=90, score=None, band=""),
    make_row("acme labs", owner="omar", score=60, band="yellow", touched_days_ago=None),
    make_row("Umbrella", owner="lena", currency="EUR", arr=50_000_00, renewal_in=-10),
    make_row("Hooli", owner="lena", segment="Mid-Market", touched_days_ago=31, stage="churned"),
]


def names(rows: list[tuple[object, ...]]) -> list[str]:
    return [str(row[r.NAME]) for row in rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (Query(), ["Acme", "acme labs", "Globex", "Hooli", "Initech", "Umbrella"]),
        (Query(text="acme"), ["Acme", "acme labs"]),
        (Query(text="  OMAR "), ["acme labs", "Globex"]),
        (Query(text="beta"), ["Acme"]),
        (Query(text="zzz"), []),
        (Query(view=SavedView.MINE), ["Acme", "Initech"]),
        (Query(view=SavedView.AT_RISK), ["Acme"]),  # red only: yellow is "Watch"
        (Query(view=SavedView.RENEWALS), ["Initech"]),
        (Query(view=SavedView.NO_TOUCH), ["acme labs", "Globex"]),
        (Query(owner="lena"), ["Hooli", "Umbrella"]),
        (Query(owner="lena", text="umb"), ["Umbrella"]),
        (Query(sort="arr", descending=True), ["Globex", "Umbrella", "Acme", "acme labs", "Hooli", "Initech"]),
        (Query(sort="health"), ["Acme", "acme labs", "Globex", "Hooli", "Umbrella", "Initech"]),
        (Query(sort="health", descending=True), ["Globex", "Hooli", "Umbrella", "acme labs", "Acme", "Initech"]),
        (Query(sort="renewal"), ["Umbrella", "Initech", "Acme", "acme labs", "Globex", "Hooli"]),
    ],
)  # fmt: skip
def test_queries(query: Query, expected: list[str]) -> None:
    assert names(BookIndex(BOOK).query(query, CONTEXT)) == expected


def test_owners_are_listed_once_in_order() -> None:
    assert BookIndex(BOOK).owners == ("lena", "omar", "tess")


def test_totals_sum_per_currency_largest_first() -> None:
    total = totals(BOOK)
    assert total.count == 6
    assert total.arr_by_currency == (("USD", 940_000_00), ("EUR", 50_000_00))
    assert describe(Query(), total) == "6 accounts · USD 940k · EUR 50k ARR"
    rates = ExchangeRates(base="USD", rates={"EUR": Decimal("1.2")})
    assert describe(Query(), total, rates) == "6 accounts · USD 1M (EUR at 1.2) ARR"


rows_strategy = st.lists(
    st.builds(
        make_row,
        st.text(alphabet="abcXYZ ", min_size=1, max_size=6),
        owner=st.sampled_from(["tess", "Tess", "omar", "lena", ""]),
        arr=st.integers(0, 10**9),
        score=st.none() | st.floats(0, 100),
        touched_days_ago=st.none() | st.integers(0, 400),
    ),
    max_size=40,
    unique_by=lambda row: row[r.NAME],
)


@given(rows_strategy, st.text(alphabet="abcxyz ", max_size=3))
def test_filtering_keeps_a_subset_in_the_same_order(
    rows: list[tuple[object, ...]], text: str
) -> None:
    index = BookIndex(rows)
    everything = index.query(Query(sort="arr"), CONTEXT)
    shown = index.query(Query(text=text, sort="arr"), CONTEXT)
    assert [row for row in everything if row in shown] == shown
    assert all(
        text.strip().casefold() in f"{row[r.NAME]}\x00{row[r.OWNER]}\x00{row[r.TAGS]}".casefold()
        for row in shown
    )


@given(rows_strategy, st.sampled_from(["arr", "health", "last_touch", "name", "owner"]))
def test_descending_reverses_the_present_values(
    rows: list[tuple[object, ...]], column: str
) -> None:
    index = BookIndex(rows)
    up = index.query(Query(sort=column), CONTEXT)
    down = index.query(Query(sort=column, descending=True), CONTEXT)
    assert sorted(map(id, up)) == sorted(map(id, down))
    assert len(up) == len(rows)


def reference_order(rows: list[tuple[object, ...]], column: str, descending: bool) -> list[object]:
    """The order the list promises, written plainly: by value (text ignoring case), empty values
    last in either direction, ties in name order."""
    index = SORTABLE[column]
    by_name = sorted(rows, key=lambda row: (str(row[r.NAME]).casefold(), str(row[r.ID])))

    def empty(value: object) -> bool:
        return value is None or value == ""

    def key(row: tuple[object, ...]) -> object:
        value = row[index]
        return value.casefold() if isinstance(value, str) else value

    present = sorted((row for row in by_name if not empty(row[index])), key=key, reverse=descending)
    return [row[r.ID] for row in present + [row for row in by_name if empty(row[index])]]


@given(
    rows_strategy,
    st.sampled_from(sorted(SORTABLE)),
    st.booleans(),
    st.booleans(),
)
def test_every_order_matches_the_plain_definition(
    rows: list[tuple[object, ...]], column: str, descending: bool, prepared: bool
) -> None:
    index = BookIndex(rows)
    if prepared:
        index.prepare()
    shown = index.query(Query(sort=column, descending=descending), CONTEXT)
    assert [row[r.ID] for row in shown] == reference_order(rows, column, descending)


@given(rows_strategy, st.text(alphabet="abcxyz ", max_size=2))
def test_cached_totals_equal_a_fresh_count(rows: list[tuple[object, ...]], text: str) -> None:
    index = BookIndex(rows).prepare()
    query = Query(text=text)
    shown = index.query(query, CONTEXT)
    assert index.totals_of(query, shown) == totals(shown)
    assert index.totals_of(replace(query, sort="arr"), shown) == totals(shown)
