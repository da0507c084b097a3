"""The trend of several periods computed in one pass gives exactly each period's own metrics."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_tui.domain.enums import RevenueKind, SurveyKind
from cs_tui.domain.metrics.arr import OwnerChange, RevenueChange, arr_on
from cs_tui.domain.metrics.book import Response, book_metrics, book_metrics_trend
from cs_tui.domain.metrics.flows import AccountFacts, contiguous, flow_numbers, trend_numbers
from cs_tui.domain.metrics.periods import parse_period, trailing

TODAY = date(2026, 11, 2)
K = RevenueKind


def facts(
    name: str,
    arr: int,
    *events: tuple[str, int, date],
    owner: str = "ana",
    segment: str = "SMB",
    contract_end: date | None = None,
    band: str = "green",
    owner_changes: tuple[OwnerChange, ...] = (),
) -> AccountFacts:
    return AccountFacts(
        id=name, name=name, owner=owner, segment=segment, currency="USD", arr_minor=arr,
        contract_end=contract_end, band=band, agreed_plan=name.endswith("p"),
        events=tuple(RevenueChange(K(kind), amount, day) for kind, amount, day in events),
        owner_changes=owner_changes,
    )  # fmt: skip


def test_one_account_over_four_quarters() -> None:
    account = facts(
        "a", 1_300,
        ("upsell", 200, date(2026, 2, 10)),
        ("renewal", 1_200, date(2026, 5, 1)),
        ("downsell", 100, date(2026, 5, 2)),
        ("upsell", 200, date(2026, 12, 1)),  # after the last quarter: undone from all four
        contract_end=date(2027, 5, 1),
    )  # fmt: skip
    periods = trailing(parse_period("2026-Q3"), 4)  # 2025-Q4 .. 2026-Q3
    found = trend_numbers(account, periods, [p.start for p in periods], TODAY, False)
    starts_and_ends = [(n[0], n[1]) for n in found if n is not None]
    assert starts_and_ends == [(1_000, 1_000), (1_000, 1_200), (1_200, 1_100), (1_100, 1_100)]
    assert found[2] is not None and found[2][6:10] == (True, False, True, 1_200)  # renewed in Q2


def test_a_contract_ending_in_one_period_is_due_in_that_one_only() -> None:
    account = facts("a", 500, contract_end=date(2026, 8, 15))
    periods = trailing(parse_period("2026-Q4"), 3)
    found = trend_numbers(account, periods, [p.start for p in periods], TODAY, False)
    assert [n[6] if n else None for n in found] == [False, True, False]
    assert found[1] is not None and found[1][7] is False  # ended before today: decided


def test_periods_with_gaps_are_each_computed_on_their_own() -> None:
    book = [facts("a", 0, ("churn", 1_000, date(2026, 8, 1))), facts("b", 300)]
    periods = (parse_period("2026-Q1"), parse_period("2026-Q3"), parse_period("2026-08"))
    assert not contiguous(periods)
    found = book_metrics_trend(book, [], periods, today=TODAY, by="owner")
    assert found == tuple(book_metrics(book, [], p, today=TODAY, by="owner") for p in periods)
    assert [m.total.churned for m in found] == [0, 1, 1]
    assert book_metrics_trend(book, [], (), today=TODAY) == ()


# -- properties --------------------------------------------------------------------------------

LAST = ["2026-Q3", "2026", "2026-08", "2026-07-15..2026-10-02"]
EDGES = sorted(
    {
        day + timedelta(days=step)
        for last in LAST
        for p in trailing(parse_period(last), 8)
        for day in (p.start, p.end)
        for step in (-1, 0, 1)
    }
)
"""The first and last days of every period the properties ask about, and their neighbours."""
days = st.dates(date(2024, 6, 1), date(2027, 6, 30)) | st.sampled_from(EDGES)
event = st.tuples(
    st.sampled_from([k.value for k in RevenueKind]),
    st.integers(0, 50_000),
    days,
)
change = st.builds(
    OwnerChange,
    days,
    st.sampled_from(["ana", "bo", "cy"]),
    st.sampled_from(["ana", "bo", "cy"]),
)
account = st.builds(
    lambda arr, events, owner, segment, end, band, moves: facts(
        "", arr, *events, owner=owner, segment=segment, contract_end=end, band=band,
        owner_changes=tuple(sorted(moves, key=lambda c: c.changed_on)),
    ),
    st.integers(0, 200_000),
    st.lists(event, max_size=8),
    st.sampled_from(["ana", "bo", "cy"]),
    st.sampled_from(["SMB", "Enterprise"]),
    st.none() | days,
    st.sampled_from(["green", "yellow", "red"]),
    st.lists(change, max_size=2),
)  # fmt: skip
books = st.lists(account, max_size=20).map(
    lambda accounts: [
        a._replace(id=f"a{i}", name=f"a{i}" + ("p" if i % 3 == 0 else ""))
        for i, a in enumerate(accounts)
    ]
)
response = st.builds(
    lambda index, kind, moment, score, day: (index, kind, moment, score, day),
    st.integers(0, 19),
    st.sampled_from(list(SurveyKind)),
    st.sampled_from(["periodic", "exit", "onboarding"]),
    st.integers(0, 10),
    days,
)


@settings(max_examples=150, deadline=None)
@given(
    books,
    st.lists(response, max_size=15),
    st.sampled_from(LAST),
    st.integers(1, 8),
    st.sampled_from(["owner", "segment", None]),
    st.sampled_from([None, "periodic"]),
)
def test_the_trend_equals_each_period_on_its_own(
    book: list[AccountFacts],
    answers: list[tuple[int, SurveyKind, str, int, date]],
    last: str,
    count: int,
    by: str | None,
    moment: str | None,
) -> None:
    responses = [
        Response(f"a{i}", kind, m, score, day) for i, kind, m, score, day in answers
    ]  # "a19" may be no account of the book
    at_risk = frozenset(a.id for a in book[::4])
    periods = trailing(parse_period(last), count)
    trend = book_metrics_trend(
        book,
        responses,
        periods,
        today=TODAY,
        by=by,
        moment=moment,
        at_risk_ids=at_risk,  # type: ignore[arg-type]
    )
    each = tuple(
        book_metrics(book, responses, p, today=TODAY, by=by, moment=moment, at_risk_ids=at_risk)  # type: ignore[arg-type]
        for p in periods
    )
    assert trend == each
    assert [m.flows for m in trend] == [m.flows for m in each]


@settings(max_examples=200, deadline=None)
@given(account, st.sampled_from(LAST), st.integers(1, 8))
def test_each_periods_arr_is_the_arr_undone_from_later_events(
    one: AccountFacts, last: str, count: int
) -> None:
    periods = trailing(parse_period(last), count)
    found = trend_numbers(one, periods, [p.start for p in periods], TODAY, False)
    for period, numbers in zip(periods, found, strict=True):
        assert numbers == flow_numbers(one, period, TODAY, False)
        starting = arr_on(one.arr_minor, one.events, period.start - timedelta(days=1))
        ending = arr_on(one.arr_minor, one.events, period.end)
        if numbers is not None and starting > 0:
            assert (numbers[0], numbers[1]) == (starting, ending)
        if starting <= 0 and ending > 0:
            assert numbers is not None and numbers[2] == ending  # a new logo's ARR is new
        if starting <= 0 and ending <= 0 and numbers is not None:
            assert numbers[0] == 0


@pytest.mark.parametrize("last", LAST)
def test_trailing_periods_are_contiguous(last: str) -> None:
    assert contiguous(trailing(parse_period(last), 8))
