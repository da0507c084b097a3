"""Book metrics read from the store on both backends: the cohort, flows, owner at the start,
currencies, voice, trends, and the owner history that edits and imports write."""

import uuid
from dataclasses import dataclass, field
from datetime import date

import pytest
from sqlmodel import select

from cs_tui.data.accounts.imports import import_accounts
from cs_tui.data.metrics.compute import metrics_for, metrics_trend
from cs_tui.data.revenue.forecasts import set_forecast
from cs_tui.data.revenue.views import ForecastDraft
from cs_tui.data.store.database import Database
from cs_tui.domain.metrics.book import accounts_behind
from cs_tui.domain.metrics.periods import parse_period
from cs_tui.models import Account, AccountCreate, AccountOwnerChange
from tests.unit.data.metrics_book import metrics_book

Q1 = parse_period("2026-Q1")


def test_the_quarter_of_the_book(db: Database) -> None:
    metrics_book(db)
    total = metrics_for(db, Q1).total
    usd, eur = total.money_in("USD"), total.money_in("EUR")
    assert [m.currency for m in total.money] == ["EUR", "USD"]
    assert (usd.starting, usd.new, usd.expansion, usd.contraction, usd.churn, usd.ending) == (
        1_000_000 + 400_000 + 200_000, 300_000, 150_000, 0, 400_000,
        1_150_000 + 300_000 + 200_000,
    )  # fmt: skip
    assert usd.grr == pytest.approx(1_200_000 / 1_600_000)
    assert usd.nrr == pytest.approx(1_350_000 / 1_600_000)
    assert (eur.starting, eur.contraction, eur.grr) == (600_000, 100_000, pytest.approx(5 / 6))
    assert (total.cohort, total.accounts, total.new_logos, total.churned) == (4, 4, 1, 1)
    assert total.logo_churn == 0.25
    assert (total.due, total.renewed) == (3, 1)  # Acme renewed; Globex lost; Umbrella lapsed
    assert (usd.renewable, usd.renewed_gross, usd.renewed_net) == (
        1_600_000, 1_000_000, 1_150_000,
    )  # fmt: skip
    assert (total.at_risk, usd.at_risk) == (1, 200_000)
    assert total.with_plan == 1 and total.plan_coverage == pytest.approx(1 / 3)
    assert (total.nps.responses, total.nps.score) == (2, 0.0)
    assert (total.csat.responses, total.csat.score) == (1, 100.0)


def test_accounts_count_for_their_owner_at_the_start(db: Database) -> None:
    metrics_book(db)
    by_owner = {g.key: g for g in metrics_for(db, Q1, by="owner").groups}
    assert by_owner["ana"].cohort == 3  # Acme, Initech and Umbrella (handed to bo after Q1)
    assert by_owner["bo"].cohort == 1
    later = {g.key: g for g in metrics_for(db, parse_period("2026-Q3"), by="owner").groups}
    assert later["bo"].cohort == 2


def test_by_segment_and_by_moment(db: Database) -> None:
    metrics_book(db)
    groups = {g.key: g for g in metrics_for(db, Q1, by="segment").groups}
    assert set(groups) == {"Enterprise", "SMB", "Mid-Market"}
    assert groups["Mid-Market"].new_logos == 1
    exit_only = metrics_for(db, Q1, moment="exit").total
    assert (exit_only.nps.responses, exit_only.nps.score) == (1, -100.0)


def test_the_accounts_behind_churn_and_at_risk(db: Database) -> None:
    ids = metrics_book(db)
    metrics = metrics_for(db, Q1, by="owner")
    assert [(f.account_id, n) for f, n in accounts_behind(metrics, "churn")] == [
        (ids["Globex"], 400_000)
    ]
    assert [f.name for f, _ in accounts_behind(metrics, "cohort", key="ana")] == [
        "Initech", "Acme", "Umbrella",
    ]  # fmt: skip
    assert [f.name for f, _ in accounts_behind(metrics, "at_risk")] == ["Umbrella"]


def test_forecast_at_risk_accounts_add_to_arr_at_risk(db: Database) -> None:
    ids = metrics_book(db)
    total = metrics_for(db, Q1, at_risk_ids=frozenset({ids["Hooli"]})).total
    assert total.money_in("USD").at_risk == 200_000 + 300_000


def test_a_renewal_forecast_at_risk_counts_in_arr_at_risk_by_itself(db: Database) -> None:
    ids = metrics_book(db)
    with db.write() as session:
        hooli = session.get(Account, uuid.UUID(ids["Hooli"]))
        assert hooli is not None
        hooli.contract_end = date(2027, 2, 1)
    set_forecast(db, ids["Hooli"], ForecastDraft(None, 0.3, "at_risk", "champion left"))
    assert metrics_for(db, Q1).total.money_in("USD").at_risk == 200_000 + 300_000
    set_forecast(db, ids["Hooli"], ForecastDraft(None, 0.9, "likely"))
    assert metrics_for(db, Q1).total.money_in("USD").at_risk == 200_000


def test_a_trend_reads_once_for_every_period(db: Database) -> None:
    metrics_book(db)
    trend = metrics_trend(db, Q1, count=4)
    assert [m.period.label for m in trend.periods] == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]
    assert trend.current.total == metrics_for(db, Q1).total
    before = trend.periods[-2].total
    assert before.money_in("USD").starting == before.money_in("USD").ending == 1_600_000
    assert before.nps.responses == 1


def test_an_empty_book_has_no_ratios(db: Database) -> None:
    total = metrics_for(db, Q1).total
    assert (total.money, total.cohort, total.logo_churn, total.nps.score) == ((), 0, None, None)


# -- owner history ---------------------------------------------------------------------------


def _history(db: Database) -> list[tuple[str, str, date]]:
    with db.read() as session:
        rows = session.exec(select(AccountOwnerChange).order_by(AccountOwnerChange.owner)).all()
        return [(r.previous_owner, r.owner, r.changed_on) for r in rows]


def test_an_edit_of_the_owner_is_recorded_once(db: Database) -> None:
    metrics_book(db)
    assert _history(db) == [("ana", "bo", db.today())]


@dataclass(frozen=True)
class Row:
    line: int
    account: AccountCreate


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    errors: list[object] = field(default_factory=list)


def test_an_import_that_moves_accounts_records_the_moves(db: Database) -> None:
    first = Parsed([Row(2, AccountCreate(name="A", owner="ana")),
                    Row(3, AccountCreate(name="B", owner="ana"))])  # fmt: skip
    import_accounts(db, first)
    assert _history(db) == []
    moved = Parsed([Row(2, AccountCreate(name="A", owner="cy")),
                    Row(3, AccountCreate(name="B", owner="ana", segment="SMB"))])  # fmt: skip
    import_accounts(db, moved)
    assert _history(db) == [("ana", "cy", db.today())]
    import_accounts(db, moved, dry_run=True)
    assert len(_history(db)) == 1


def test_a_cache_steps_through_periods_with_the_same_figures(db: Database) -> None:
    from cs_tui.data.metrics.compute import MetricsCache

    metrics_book(db)
    cache = MetricsCache(db, margin=1)
    trend = cache.trend(Q1, count=4, by="owner")
    fresh = metrics_trend(db, Q1, count=4, by="owner")
    assert [m.total for m in trend.periods] == [m.total for m in fresh.periods]
    assert [m.groups for m in trend.periods] == [m.groups for m in fresh.periods]
    assert cache.metrics(Q1, by="owner") is trend.current  # computed once
    far = parse_period("2023-Q1")  # beyond the rows read: read again, still right
    assert cache.metrics(far).total == metrics_for(db, far).total
    later = parse_period("2027-Q4")
    assert cache.metrics(later, by="segment").groups == metrics_for(db, later, by="segment").groups


def test_every_orm_write_that_changes_the_owner_is_recorded(db: Database) -> None:
    from cs_tui.data.accounts.changes import account_write
    from cs_tui.models import Account

    metrics_book(db)
    with account_write(db) as write:
        acme = write.session.exec(select(Account).where(Account.name == "Acme")).one()
        acme.owner = "cy"
        write.session.flush()
        acme.owner = "dee"
        write.touch(acme.id)
    with db.write() as session:
        hooli = session.exec(select(Account).where(Account.name == "Hooli")).one()
        hooli.owner = "bo"  # the same owner: no change
        hooli.segment = "SMB"
    assert _history(db) == [
        ("ana", "bo", db.today()), ("ana", "cy", db.today()), ("cy", "dee", db.today()),
    ]  # fmt: skip
    by_owner = {g.key for g in metrics_for(db, parse_period("2026-Q3"), by="owner").groups}
    assert "dee" in by_owner and "cy" not in by_owner
