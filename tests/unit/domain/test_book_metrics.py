"""The book's metrics: the domain brief's worked example, ARR undone from events, the cohort,
renewals, voice, grouping and currencies; properties that hold for any book."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_tui.domain.enums import RevenueKind, SurveyKind
from cs_tui.domain.metrics import formulas
from cs_tui.domain.metrics.arr import OwnerChange, RevenueChange, arr_on, owner_on
from cs_tui.domain.metrics.book import Response, accounts_behind, book_metrics
from cs_tui.domain.metrics.flows import AccountFacts, account_flow
from cs_tui.domain.metrics.periods import parse_period

Q3 = parse_period("2026-Q3")
TODAY = date(2026, 11, 2)
K = RevenueKind


def facts(
    name: str,
    arr: int,
    *events: tuple[str, int, date],
    owner: str = "ana",
    segment: str = "SMB",
    currency: str = "USD",
    contract_end: date | None = None,
    band: str = "green",
    plan: bool = False,
    owner_changes: tuple[OwnerChange, ...] = (),
) -> AccountFacts:
    return AccountFacts(
        id=name, name=name, owner=owner, segment=segment, currency=currency, arr_minor=arr,
        contract_end=contract_end, band=band, agreed_plan=plan,
        events=tuple(RevenueChange(K(kind), amount, day) for kind, amount, day in events),
        owner_changes=owner_changes,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("start", "expansion", "contraction", "churn", "grr", "nrr"),
    [
        (10_000_000, 1_800_000, 600_000, 900_000, 0.85, 1.03),  # the domain brief's example
        (1_000, 0, 0, 0, 1.0, 1.0),
        (1_000, 500, 0, 0, 1.0, 1.5),
        (1_000, 0, 0, 1_000, 0.0, 0.0),
        (1_000, 0, 700, 700, 0.0, 0.0),  # inconsistent data never goes below zero
    ],
)
def test_grr_and_nrr(
    start: int, expansion: int, contraction: int, churn: int, grr: float, nrr: float
) -> None:
    assert formulas.grr(start, contraction, churn) == pytest.approx(grr)
    assert formulas.nrr(start, expansion, contraction, churn) == pytest.approx(nrr)


def test_ratios_without_a_base_are_none() -> None:
    assert formulas.grr(0, 0, 0) is None
    assert formulas.nrr(0, 5, 0, 0) is None
    assert formulas.logo_churn(0, 0) is None
    assert formulas.renewal_value_net(10, 0) is None


@pytest.mark.parametrize(("monthly", "yearly"), [(0.0, 0.0), (0.01, 0.1136), (1.0, 1.0)])
def test_annualised_logo_churn(monthly: float, yearly: float) -> None:
    assert formulas.annualised_churn(monthly) == pytest.approx(yearly, abs=1e-4)


def test_the_worked_example_through_accounts_and_events() -> None:
    """10.0M start, 0.6M contraction, 0.9M churn, 1.8M expansion -> GRR 85%, NRR 103%."""
    book = [
        facts("a", 4_000_000 + 1_800_000, ("upsell", 1_800_000, date(2026, 8, 1))),
        facts("b", 3_000_000 - 600_000, ("downsell", 600_000, date(2026, 7, 20))),
        facts("c", 0, ("churn", 900_000, date(2026, 9, 30))),
        facts("d", 2_100_000),
        facts("new", 500_000, ("new", 500_000, date(2026, 8, 15))),
    ]
    money = book_metrics(book, [], Q3, today=TODAY).total.money_in("USD")
    assert (money.starting, money.expansion, money.contraction, money.churn, money.new) == (
        10_000_000, 1_800_000, 600_000, 900_000, 500_000,
    )  # fmt: skip
    assert money.grr == pytest.approx(0.85)
    assert money.nrr == pytest.approx(1.03)
    assert money.ending == 10_000_000 + 500_000 + 1_800_000 - 600_000 - 900_000


def test_arr_at_a_date_undoes_later_events() -> None:
    events = [
        RevenueChange(K.NEW, 1_000, date(2025, 1, 10)),
        RevenueChange(K.UPSELL, 300, date(2026, 2, 1)),
        RevenueChange(K.RENEWAL, 1_300, date(2026, 1, 10)),
        RevenueChange(K.DOWNSELL, 100, date(2026, 5, 1)),
    ]
    assert arr_on(1_200, events, date(2026, 6, 1)) == 1_200
    assert arr_on(1_200, events, date(2026, 4, 30)) == 1_300
    assert arr_on(1_200, events, date(2026, 1, 31)) == 1_000
    assert arr_on(1_200, events, date(2025, 1, 9)) == 0


def test_owner_at_a_date_from_the_history() -> None:
    changes = (
        OwnerChange(date(2026, 8, 1), "bo", "ana"),
        OwnerChange(date(2026, 10, 1), "cy", "bo"),
    )
    assert owner_on("cy", changes, date(2026, 7, 1)) == "ana"
    assert owner_on("cy", changes, date(2026, 8, 1)) == "bo"
    assert owner_on("cy", changes, date(2026, 12, 1)) == "cy"
    assert owner_on("cy", (), date(2020, 1, 1)) == "cy"


def test_accounts_count_for_the_owner_they_had_at_the_start() -> None:
    moved = facts(
        "m", 1_000, owner="bo", owner_changes=(OwnerChange(date(2026, 8, 1), "bo", "ana"),)
    )
    book = [moved, facts("s", 2_000, owner="bo")]
    metrics = book_metrics(book, [], Q3, today=TODAY, by="owner")
    assert {g.key: g.money_in("USD").starting for g in metrics.groups} == {
        "ana": 1_000,
        "bo": 2_000,
    }


def test_new_logos_stay_out_of_the_cohort() -> None:
    book = [facts("n", 800, ("new", 500, date(2026, 7, 5)), ("upsell", 300, date(2026, 9, 1)))]
    total = book_metrics(book, [], Q3, today=TODAY).total
    assert (total.cohort, total.new_logos, total.accounts) == (0, 1, 1)
    money = total.money_in("USD")
    assert (money.starting, money.new, money.expansion, money.grr) == (0, 800, 0, None)


def test_logo_churn_counts_the_cohort_lost() -> None:
    book = [facts("gone", 0, ("churn", 400, date(2026, 8, 1))), facts("kept", 100),
            facts("also", 100), facts("four", 100)]  # fmt: skip
    total = book_metrics(book, [], Q3, today=TODAY).total
    assert (total.churned, total.cohort, total.logo_churn) == (1, 4, 0.25)


def test_renewal_rates_on_contracts_due() -> None:
    book = [
        facts("up", 1_200, ("upsell", 200, date(2026, 8, 1)), ("renewal", 1_200, date(2026, 8, 2))),
        facts("flat", 500, ("renewal", 500, date(2026, 7, 10))),
        facts("lost", 0, ("churn", 300, date(2026, 9, 1))),
        facts("lapsed", 1_000, contract_end=date(2026, 9, 15)),
        facts("later", 700, contract_end=date(2027, 3, 1)),
    ]
    total = book_metrics(book, [], Q3, today=TODAY).total
    money = total.money_in("USD")
    assert (total.due, total.renewed, total.renewal_rate) == (4, 2, 0.5)
    assert money.renewable == 1_000 + 500 + 300 + 1_000
    assert money.renewed_gross == 1_000 + 500  # capped at the contract's original value
    assert money.renewed_net == 1_200 + 500
    assert money.renewal_value_gross == pytest.approx(1_500 / 2_800)
    assert money.renewal_value_net == pytest.approx(1_700 / 2_800)


def test_an_open_renewal_counts_for_coverage_but_not_the_rate() -> None:
    period = parse_period("2026-Q4")
    book = [
        facts("open", 1_000, contract_end=date(2026, 12, 1), plan=True),
        facts("done", 900, ("renewal", 900, date(2026, 10, 20))),
    ]
    total = book_metrics(book, [], period, today=TODAY).total
    assert (total.due, total.renewed, total.open_renewals, total.with_plan) == (1, 1, 1, 1)
    assert total.renewal_rate == 1.0
    assert total.plan_coverage == 0.5


def test_arr_at_risk_is_red_or_forecast_at_risk() -> None:
    book = [facts("red", 1_000, band="red"), facts("fc", 300), facts("ok", 50)]
    total = book_metrics(book, [], Q3, today=TODAY, at_risk_ids=frozenset({"fc"})).total
    assert (total.at_risk, total.money_in("USD").at_risk) == (2, 1_300)


def test_money_is_never_summed_across_currencies() -> None:
    book = [facts("us", 1_000), facts("eu", 2_000, currency="EUR"), facts("eu2", 5, currency="EUR")]
    total = book_metrics(book, [], Q3, today=TODAY).total
    assert [(m.currency, m.starting) for m in total.money] == [("EUR", 2_005), ("USD", 1_000)]


def test_nps_and_csat_of_the_period_per_owner_and_moment() -> None:
    book = [facts("a", 100, owner="ana"), facts("b", 100, owner="bo")]
    responses = [
        Response("a", SurveyKind.NPS, "periodic", 10, date(2026, 8, 1)),
        Response("a", SurveyKind.NPS, "exit", 2, date(2026, 8, 2)),
        Response("b", SurveyKind.NPS, "periodic", 8, date(2026, 8, 3)),
        Response("b", SurveyKind.CSAT, "onboarding", 5, date(2026, 8, 3)),
        Response("b", SurveyKind.NPS, "periodic", 0, date(2026, 6, 30)),  # before the period
    ]
    metrics = book_metrics(book, responses, Q3, today=TODAY, by="owner")
    assert metrics.total.nps.score == pytest.approx(0.0)
    assert metrics.total.csat.score == 100.0
    assert {g.key: g.nps.responses for g in metrics.groups} == {"ana": 2, "bo": 1}
    periodic = book_metrics(book, responses, Q3, today=TODAY, moment="periodic").total
    assert periodic.nps.score == pytest.approx(50.0)


def test_the_accounts_behind_a_number() -> None:
    book = [facts("big", 900, ("downsell", 100, date(2026, 8, 1))),
            facts("small", 40, ("downsell", 10, date(2026, 8, 1))), facts("none", 5)]  # fmt: skip
    metrics = book_metrics(book, [], Q3, today=TODAY)
    assert [(f.name, amount) for f, amount in accounts_behind(metrics, "contraction")] == [
        ("big", 100), ("small", 10),
    ]  # fmt: skip
    with pytest.raises(ValueError, match="no accounts behind 'nope'"):
        accounts_behind(metrics, "nope")


def test_an_account_that_was_never_a_customer_has_no_flow() -> None:
    assert account_flow(facts("x", 0), Q3, today=TODAY) is None


# -- properties --------------------------------------------------------------------------------

KINDS = list(RevenueKind)
event = st.tuples(
    st.sampled_from([k.value for k in KINDS]),
    st.integers(0, 50_000),
    st.dates(date(2025, 1, 1), date(2027, 6, 30)),
)
account = st.builds(
    lambda arr, events, owner, currency, end: facts(
        "", arr, *events, owner=owner, currency=currency, contract_end=end
    ),
    st.integers(0, 200_000),
    st.lists(event, max_size=6),
    st.sampled_from(["ana", "bo", "cy"]),
    st.sampled_from(["USD", "EUR"]),
    st.none() | st.dates(date(2026, 1, 1), date(2027, 12, 31)),
)
books = st.lists(account, max_size=25).map(
    lambda accounts: [a._replace(id=f"a{i}", name=f"a{i}") for i, a in enumerate(accounts)]
)


@settings(max_examples=150, deadline=None)
@given(books, st.sampled_from(["2026-Q3", "2026", "2026-08", "2026-07-15..2026-10-02"]))
def test_properties_of_any_book(book: list[AccountFacts], text: str) -> None:
    period = parse_period(text)
    metrics = book_metrics(book, [], period, today=TODAY, by="owner")
    for money in metrics.total.money:
        assert money.ending == (
            money.starting + money.new + money.expansion - money.contraction - money.churn
        )
        if money.grr is not None:
            assert 0.0 <= money.grr <= 1.0
            assert money.nrr is not None and money.nrr >= money.grr
        assert money.renewed_gross <= money.renewable
    assert 0 <= metrics.total.churned <= metrics.total.cohort
    assert 0 <= metrics.total.renewed <= metrics.total.due
    for field in ("accounts", "cohort", "new_logos", "churned", "due", "renewed", "at_risk"):
        assert sum(getattr(g, field) for g in metrics.groups) == getattr(metrics.total, field)
    for money in metrics.total.money:
        for field in ("starting", "new", "expansion", "contraction", "churn", "ending"):
            parts = sum(getattr(g.money_in(money.currency), field) for g in metrics.groups)
            assert parts == getattr(money, field)


@given(st.lists(st.tuples(st.integers(1, 10**9), st.sampled_from(["USD", "EUR"])), max_size=20))
def test_a_book_without_events_keeps_everything(arrs: list[tuple[int, str]]) -> None:
    book = [facts(f"a{i}", arr, currency=c) for i, (arr, c) in enumerate(arrs)]
    for money in book_metrics(book, [], Q3, today=TODAY).total.money:
        assert money.grr == money.nrr == 1.0
        assert money.starting == money.ending


@settings(max_examples=150, deadline=None)
@given(books, st.sampled_from(["2026-Q3", "2026", "2026-08"]), st.sampled_from(["owner", None]))
def test_the_one_pass_tallies_equal_the_sums_of_the_flows(
    book: list[AccountFacts], text: str, by: str | None
) -> None:
    from cs_tui.domain.metrics.book import group_key, summarise

    metrics = book_metrics(book, [], parse_period(text), today=TODAY, by=by)  # type: ignore[arg-type]
    assert metrics.total == summarise("", metrics.flows, [])
    for group in metrics.groups:
        assert by is not None
        mine = [f for f in metrics.flows if group_key(f, by) == group.key]  # type: ignore[arg-type]
        assert group == summarise(group.key, mine, [])
