"""The demo book: deterministic, realistic, consistent, and stored exactly as the app stores data."""

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.store.database import Database, open_database
from cs_tui.demo import DemoBookError, DemoSummary, write_demo_book
from cs_tui.demo.generate import FIELDS, BookGenerator
from cs_tui.domain.enums import (
    AGREED_PLAN_STATUSES,
    REASON_REQUIRED_KINDS,
    CheckInKind,
    FollowUpStatus,
    LifecycleStage,
    PlanStatus,
    RevenueKind,
    StakeholderRole,
    values,
)
from cs_tui.models import (
    Account,
    CheckIn,
    FollowUp,
    MetricSample,
    PlanMilestone,
    RevenueEvent,
    ScoreOverride,
    Stakeholder,
    SuccessPlan,
    SurveyResponse,
)
from tests.conftest import FROZEN_NOW, FROZEN_TODAY, TEST_USER, frozen_clock

AS_OF = FROZEN_TODAY
BOOK_SIZE = 300
Book = dict[str, list[dict[str, Any]]]


def days_from_as_of(iso: str) -> int:
    return (date.fromisoformat(iso[:10]) - AS_OF).days


def new_database(path: Path) -> Database:
    return open_database(str(path), user=TEST_USER, clock=frozen_clock)


def read_book(path: Path) -> Book:
    """Every demo table of an SQLite file, as dicts, in rowid order."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return {
            table: [
                dict(row) for row in connection.execute(f"SELECT * FROM {table} ORDER BY rowid")
            ]
            for table in FIELDS
        }
    finally:
        connection.close()


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, DemoSummary]]:
    path = tmp_path_factory.mktemp("demo") / "book.db"
    db = new_database(path)
    summary = write_demo_book(db, accounts=BOOK_SIZE, seed=7, as_of=AS_OF)
    db.close()
    yield path, summary


@pytest.fixture(scope="module")
def book(stored: tuple[Path, DemoSummary]) -> Book:
    return read_book(stored[0])


def live(book: Book) -> list[dict[str, Any]]:
    return [a for a in book["account"] if a["lifecycle_stage"] != LifecycleStage.CHURNED]


def by_account(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["account_id"]].append(row)
    return grouped


# --- determinism -------------------------------------------------------------------------------


def test_the_same_seed_and_date_give_the_same_book_ids_included(tmp_path: Path) -> None:
    books = []
    for name in ("first.db", "second.db"):
        db = new_database(tmp_path / name)
        write_demo_book(db, accounts=120, seed=11, as_of=AS_OF)
        db.close()
        books.append(read_book(tmp_path / name))
    assert books[0] == books[1]


def test_another_seed_or_date_gives_another_book() -> None:
    def first_accounts(seed: int, as_of: date) -> list[tuple[Any, ...]]:
        generator = BookGenerator(seed=seed, as_of=as_of, accounts=20, me=TEST_USER)
        return next(generator.batches(20))["account"]

    reference = first_accounts(7, AS_OF)
    assert first_accounts(8, AS_OF) != reference
    assert first_accounts(7, AS_OF + timedelta(days=1)) != reference
    assert first_accounts(7, AS_OF) == reference


def test_drawing_in_a_subprocess_writes_the_same_book(tmp_path: Path) -> None:
    books = []
    for parallel in (False, True):
        path = tmp_path / f"parallel-{parallel}.db"
        db = new_database(path)
        write_demo_book(db, accounts=150, seed=3, as_of=AS_OF, parallel=parallel)
        db.close()
        books.append(read_book(path))
    assert books[0] == books[1]


# --- what was written --------------------------------------------------------------------------


def test_every_table_is_populated_and_the_summary_counts_the_rows(
    stored: tuple[Path, DemoSummary], book: Book
) -> None:
    _path, summary = stored
    assert summary.accounts == BOOK_SIZE
    assert summary.as_of == AS_OF
    assert summary.rows == {table: len(rows) for table, rows in book.items()}
    assert all(count > 0 for count in summary.rows.values()), summary.rows
    assert 2 <= summary.rows["score_override"] <= 3


def test_foreign_keys_and_check_constraints_hold(stored: tuple[Path, DemoSummary]) -> None:
    connection = sqlite3.connect(stored[0])
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()


def test_the_bulk_load_puts_indexes_and_settings_back(tmp_path: Path) -> None:
    db = new_database(tmp_path / "book.db")
    with db.engine.connect() as connection:
        indexes_before = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).all()
    write_demo_book(db, accounts=40, as_of=AS_OF)
    with db.engine.connect() as connection:
        indexes_after = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).all()
        assert connection.exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -2000
    db.close()
    assert indexes_after == indexes_before


def test_a_failed_load_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = new_database(tmp_path / "book.db")
    original = BookGenerator.next_rows
    calls = []

    def fail_on_the_second_batch(self: BookGenerator, count: int) -> Any:
        calls.append(count)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, count)

    monkeypatch.setattr(BookGenerator, "next_rows", fail_on_the_second_batch)
    monkeypatch.setattr("cs_tui.demo.write.ACCOUNTS_PER_BATCH", 10)
    with pytest.raises(RuntimeError, match="disk full"):
        write_demo_book(db, accounts=30, as_of=AS_OF, parallel=False)
    db.close()
    connection = sqlite3.connect(tmp_path / "book.db")
    assert connection.execute("SELECT count(*) FROM account").fetchone() == (0,)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"ix_metric_sample_observed", "ix_account_name_lower"} <= names
    connection.close()


def test_a_database_that_holds_a_book_is_refused(tmp_path: Path) -> None:
    db = new_database(tmp_path / "book.db")
    write_demo_book(db, accounts=5, as_of=AS_OF)
    with pytest.raises(DemoBookError, match="already holds 5 accounts"):
        write_demo_book(db, accounts=5, as_of=AS_OF)
    db.close()


def test_progress_is_reported_until_every_account_is_written(tmp_path: Path) -> None:
    db = new_database(tmp_path / "book.db")
    seen: list[tuple[str, int, int]] = []
    write_demo_book(db, accounts=25, as_of=AS_OF, progress=lambda *step: seen.append(step))
    db.close()
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages == ["preparing", "writing accounts", "indexing and committing"]
    assert ("writing accounts", 25, 25) in seen


def test_rows_read_back_through_the_models_with_audit_stamps(tmp_path: Path) -> None:
    db = new_database(tmp_path / "book.db")
    write_demo_book(db, accounts=30, as_of=AS_OF)
    with db.read() as session:
        for model in (Account, Stakeholder, CheckIn, FollowUp, SuccessPlan, PlanMilestone,
                      MetricSample, SurveyResponse, RevenueEvent, ScoreOverride):  # fmt: skip
            row = session.exec(select(model)).first()
            assert row is not None, model.__name__
            assert row.created_at == FROZEN_NOW
            assert row.updated_at == FROZEN_NOW
            assert row.updated_by == TEST_USER
            assert row.deleted_at is None
        done = session.exec(select(FollowUp).where(FollowUp.status == "done")).first()
        assert done is not None and done.completed_at is not None
        assert done.completed_at.tzinfo is not None and done.completed_at <= FROZEN_NOW
        account = session.exec(select(Account)).first()
        assert account is not None and isinstance(account.contract_end, date)
    rows = fetch_account_rows(db)
    db.close()
    assert len(rows) == 30


def test_the_current_user_owns_part_of_the_book(
    stored: tuple[Path, DemoSummary], book: Book
) -> None:
    owners = Counter(a["owner"] for a in book["account"])
    assert stored[1].owners[0] == TEST_USER
    assert set(owners) == set(stored[1].owners)
    assert 3 <= len(owners) <= 5  # about one CSM per 60-100 accounts
    assert owners[TEST_USER] >= BOOK_SIZE // 8


# --- a believable book -------------------------------------------------------------------------


def test_segments_arr_and_currencies_look_like_a_real_book(book: Book) -> None:
    segments = Counter(a["segment"] for a in book["account"])
    assert segments["SMB"] > segments["Mid-Market"] > segments["Enterprise"] > 0
    arr = defaultdict(list)
    for account in live(book):
        arr[account["segment"]].append(account["arr_minor"] // 100)
    assert all(5_000 <= v <= 30_000 for v in arr["SMB"])
    assert all(30_000 <= v <= 150_000 for v in arr["Mid-Market"])
    assert all(150_000 <= v <= 2_000_000 for v in arr["Enterprise"])
    currencies = Counter(a["currency"] for a in book["account"])
    assert currencies.most_common(1)[0][0] == "USD" and {"EUR", "GBP"} <= set(currencies)
    assert {a["lifecycle_stage"] for a in book["account"]} == set(values(LifecycleStage))
    external_ids = [a["external_id"] for a in book["account"] if a["external_id"]]
    assert len(set(external_ids)) == len(external_ids) > BOOK_SIZE * 0.9
    assert all(len(x) == 18 and x.startswith("001") for x in external_ids)
    assert any("strategic" in a["tags"] for a in book["account"])
    assert len({a["name"] for a in book["account"]}) == BOOK_SIZE


def test_every_account_has_exactly_one_primary_stakeholder_and_some_champions_left(
    book: Book,
) -> None:
    people = by_account(book["stakeholder"])
    for account in book["account"]:
        mine = people[account["id"]]
        assert 2 <= len(mine) <= 7
        assert sum(p["is_primary"] for p in mine) == 1
        primary = next(p for p in mine if p["is_primary"])
        assert primary["left_on"] is None
    roles = Counter(p["role"] for p in book["stakeholder"])
    assert set(roles) == set(values(StakeholderRole))
    left = [p for p in book["stakeholder"] if p["left_on"]]
    assert left and all(
        p["role"] == "champion" and days_from_as_of(p["left_on"]) <= 0 for p in left
    )
    assert len(left) < BOOK_SIZE * 0.2


def test_active_users_never_exceed_licensed_seats(book: Book) -> None:
    seats = {a["id"]: a["licensed_seats"] for a in book["account"]}
    active = [s for s in book["metric_sample"] if s["metric"] == "active_users"]
    assert active
    assert all(0 <= s["value"] <= seats[s["account_id"]] for s in active)
    adoption = [s["value"] for s in book["metric_sample"] if s["metric"] == "feature_adoption"]
    assert adoption and all(0 <= v <= 1 for v in adoption)


def test_most_live_accounts_have_usage_this_month_and_last_month(book: Book) -> None:
    samples = by_account([s for s in book["metric_sample"] if s["metric"] == "active_users"])
    recent = 0
    for account in live(book):
        ages = [-days_from_as_of(s["observed_on"]) for s in samples[account["id"]]]
        if any(0 <= age < 30 for age in ages) and any(30 <= age < 60 for age in ages):
            recent += 1
    assert recent >= 0.85 * len(live(book))


def test_usage_history_spans_six_to_twelve_months_with_trends_and_gaps(book: Book) -> None:
    samples = by_account([s for s in book["metric_sample"] if s["metric"] == "active_users"])
    spans = []
    trends = Counter()
    for account in book["account"]:
        points = sorted((s["observed_on"], s["value"]) for s in samples[account["id"]])
        if len(points) < 4:
            continue
        spans.append(days_from_as_of(points[-1][0]) - days_from_as_of(points[0][0]))
        first, last = points[0][1], points[-1][1]
        trends["up" if last > first * 1.15 else "down" if last < first * 0.85 else "flat"] += 1
    assert max(spans) <= 12 * 31 and sum(s >= 150 for s in spans) > len(spans) / 2
    assert min(trends.values()) > 0, trends
    metrics = Counter(s["metric"] for s in book["metric_sample"])
    assert set(metrics) == {
        "active_users", "logins_30d", "feature_adoption", "open_tickets", "first_response_hours"
    }  # fmt: skip
    never_reported = [a for a in book["account"] if not any(
        s["metric"] == "first_response_hours" for s in by_account(book["metric_sample"])[a["id"]]
    )]  # fmt: skip
    assert never_reported


def test_check_ins_follow_the_cadence_and_some_accounts_are_past_it(book: Book) -> None:
    cadence = {"Enterprise": 14, "Mid-Market": 30, "SMB": 60}
    touches = by_account([c for c in book["check_in"] if c["kind"] != "internal_note"])
    late = 0
    for account in live(book):
        days = [-days_from_as_of(c["occurred_on"]) for c in touches[account["id"]]]
        assert all(day >= 0 for day in days)
        if not days or min(days) > cadence[account["segment"]]:
            late += 1
    assert 0.1 * len(live(book)) < late < 0.6 * len(live(book))
    kinds = Counter(c["kind"] for c in book["check_in"])
    assert set(kinds) == set(values(CheckInKind))
    sentiments = [c["sentiment"] for c in book["check_in"] if c["sentiment"] is not None]
    assert set(sentiments) <= {1, 2, 3, 4, 5} and len(set(sentiments)) == 5
    notes = [c for c in book["check_in"] if c["kind"] == "internal_note"]
    assert all(not n["attendees"] and n["sentiment"] is None for n in notes)


def test_follow_ups_are_overdue_done_and_snoozed_as_in_a_real_book(book: Book) -> None:
    follow_ups = book["follow_up"]
    check_ins = {c["id"]: c for c in book["check_in"]}
    statuses = Counter(f["status"] for f in follow_ups)
    assert set(statuses) == set(values(FollowUpStatus))
    overdue = [
        f for f in follow_ups
        if f["status"] == "open" and days_from_as_of(f["due_on"]) < 0 and f["snoozed_until"] is None
    ]  # fmt: skip
    assert len(overdue) > 10
    snoozed = [f for f in follow_ups if f["snoozed_until"]]
    assert snoozed and all(
        f["status"] == "open" and f["snooze_reason"] and days_from_as_of(f["snoozed_until"]) > 0
        for f in snoozed
    )
    for follow_up in follow_ups:
        assert (follow_up["status"] == "done") == (follow_up["completed_at"] is not None)
        if follow_up["origin"] == "check_in":
            check_in = check_ins[follow_up["check_in_id"]]
            assert check_in["account_id"] == follow_up["account_id"]
            assert follow_up["due_on"] > check_in["occurred_on"]
        else:
            assert follow_up["check_in_id"] is None
        if follow_up["completed_at"]:
            assert days_from_as_of(follow_up["completed_at"]) <= 0
    assert {f["origin"] for f in follow_ups} == {"manual", "check_in", "rule"}
    assert {f["priority"] for f in follow_ups} == {"low", "normal", "high", "urgent"}


def test_plans_exist_in_every_status_and_cover_about_half_of_near_renewals(book: Book) -> None:
    plans = {p["account_id"]: p for p in book["success_plan"]}
    assert {p["status"] for p in plans.values()} == set(values(PlanStatus))
    for plan in plans.values():
        agreed = plan["status"] in {s.value for s in AGREED_PLAN_STATUSES}
        assert agreed <= (plan["agreed_on"] is not None)
        if plan["status"] == "draft":
            assert plan["agreed_on"] is None
        assert plan["why_bought"] and plan["success_definition"]
    renewing = [a for a in live(book) if days_from_as_of(a["contract_end"]) <= 183]
    covered = [
        a for a in renewing
        if a["id"] in plans and plans[a["id"]]["status"] in {s.value for s in AGREED_PLAN_STATUSES}
    ]  # fmt: skip
    assert 0.35 <= len(covered) / len(renewing) <= 0.65


def test_objectives_are_measurable_and_milestones_sit_on_both_sides(book: Book) -> None:
    objectives = book["plan_objective"]
    per_plan = Counter(o["plan_id"] for o in objectives)
    assert set(per_plan.values()) <= {1, 2, 3, 4}
    assert all(o["target"] != o["baseline"] and o["metric"] and o["unit"] for o in objectives)
    milestones = book["plan_milestone"]
    stakeholders = {p["id"]: p for p in book["stakeholder"]}
    assert {m["owner_side"] for m in milestones} == {"ours", "customer"}
    for milestone in milestones:
        if milestone["owner_side"] == "customer":
            assert stakeholders[milestone["stakeholder_id"]]["name"] == milestone["owner"]
        else:
            assert milestone["stakeholder_id"] is None
        assert (milestone["status"] == "done") == (milestone["completed_on"] is not None)


def test_surveys_stay_on_their_scales_and_some_recent_answers_are_detractors(book: Book) -> None:
    responses = book["survey_response"]
    assert all(0 <= r["score"] <= 10 for r in responses if r["kind"] == "nps")
    assert all(1 <= r["score"] <= 5 for r in responses if r["kind"] == "csat")
    assert {r["moment"] for r in responses} == {"onboarding", "periodic", "exit"}
    recent_detractors = [
        r for r in responses
        if r["kind"] == "nps" and r["score"] <= 6 and -90 <= days_from_as_of(r["responded_on"]) <= 0
    ]  # fmt: skip
    assert recent_detractors
    exits = [r for r in responses if r["moment"] == "exit"]
    assert exits and all(r["reason"] for r in exits) and any(r["competitor"] for r in exits)


def test_churned_accounts_have_a_churn_event_with_a_reason(book: Book) -> None:
    events = by_account(book["revenue_event"])
    churned = [a for a in book["account"] if a["lifecycle_stage"] == LifecycleStage.CHURNED]
    assert churned
    for account in churned:
        churn = [e for e in events[account["id"]] if e["kind"] == RevenueKind.CHURN]
        assert len(churn) == 1 and churn[0]["reason_code"] and churn[0]["amount_minor"] > 0
        assert days_from_as_of(account["contract_end"]) < 0
        assert account["arr_minor"] == 0
    losses = [e for e in book["revenue_event"] if e["kind"] in REASON_REQUIRED_KINDS]
    assert all(e["reason_code"] for e in losses)


def test_renewals_spread_over_the_next_eighteen_months(book: Book) -> None:
    ends = [days_from_as_of(a["contract_end"]) for a in live(book)]
    assert all(0 < days <= 548 for days in ends)
    assert all(
        any(low < days <= high for days in ends) for low, high in ((0, 183), (183, 365), (365, 548))
    )
    events = by_account(book["revenue_event"])
    renewed = [a for a in live(book) if any(e["kind"] == "renewal" for e in events[a["id"]])]
    assert renewed
    for account in renewed:
        last_renewal = max(
            e["occurred_on"] for e in events[account["id"]] if e["kind"] == "renewal"
        )
        assert last_renewal <= account["contract_start"] < account["contract_end"]


def test_revenue_events_sit_in_the_last_two_years() -> None:
    book = generated_book(600, seed=5)
    assert {e["kind"] for e in book["revenue_event"]} == set(values(RevenueKind))
    assert all(-730 <= days_from_as_of(e["occurred_on"]) <= 0 for e in book["revenue_event"])
    assert any(days_from_as_of(e["occurred_on"]) < -548 for e in book["revenue_event"])
    assert all(
        e["amount_minor"] > 0 and e["amount_minor"] % 100 == 0 for e in book["revenue_event"]
    )
    churns = [e for e in book["revenue_event"] if e["kind"] == "churn"]
    assert all(bool(e["competitor"]) == (e["reason_code"] == "competitor") for e in churns)
    assert all(
        e["reason_code"] for e in book["revenue_event"] if e["kind"] in ("churn", "downsell")
    )


def test_upcoming_renewals_have_forecasts_that_follow_health() -> None:
    book = generated_book(600, seed=5)
    accounts = {a["id"]: a for a in book["account"]}
    forecasts = book["renewal_forecast"]
    assert len(forecasts) > 10
    for f in forecasts:
        account = accounts[f["account_id"]]
        assert account["lifecycle_stage"] != "churned"
        assert f["renewal_on"] == account["contract_end"]
        assert 0 < days_from_as_of(f["renewal_on"]) <= 120
        assert 0 <= f["probability"] <= 1 and f["currency"] == account["currency"]
        assert 0 <= f["forecast_minor"] <= account["arr_minor"] * 1.05 + 100
    assert {f["category"] for f in forecasts} == {"commit", "likely", "at_risk", "lost"}
    lost = [f["probability"] for f in forecasts if f["category"] == "lost"]
    commit = [f["probability"] for f in forecasts if f["category"] == "commit"]
    assert max(lost) < min(commit)


def test_retention_over_the_last_year_is_believable() -> None:
    """GRR about 85-95% and NRR about 95-115%, on the cohort present a year ago (new logos excluded)."""
    book = generated_book(2_000, seed=7)
    start = (AS_OF - timedelta(days=365)).isoformat()
    events = by_account(book["revenue_event"])
    opening = expansion = contraction = churn = 0
    for account in book["account"]:
        if account["currency"] != "USD":
            continue
        mine = events[account["id"]]
        if any(e["kind"] == "new" and e["occurred_on"] >= start for e in mine):
            continue
        if any(e["kind"] == "churn" and e["occurred_on"] < start for e in mine):
            continue
        year = Counter()
        for event in mine:
            if event["occurred_on"] >= start:
                year[event["kind"]] += event["amount_minor"]
        grown = year["upsell"] + year["cross_sell"]
        opening += account["arr_minor"] + year["churn"] - grown + year["downsell"]
        expansion, contraction, churn = (
            expansion + grown,
            contraction + year["downsell"],
            churn + year["churn"],
        )
    assert 0.85 <= (opening - contraction - churn) / opening <= 0.95
    assert 0.95 <= (opening + expansion - contraction - churn) / opening <= 1.15


def test_score_overrides_are_active_with_a_reason() -> None:
    book = generated_book(300, seed=7)
    overrides = book["score_override"]
    assert 2 <= len(overrides) <= 3
    for override in overrides:
        assert override["reason"] and 0 <= override["score"] <= 100
        assert days_from_as_of(override["set_on"]) <= 0 < days_from_as_of(override["expires_on"])
        assert override["cleared_at"] is None


# --- the generator alone (no database) ---------------------------------------------------------


def generated_book(accounts: int, *, seed: int) -> Book:
    generator = BookGenerator(seed=seed, as_of=AS_OF, accounts=accounts, me=TEST_USER)
    book: Book = defaultdict(list)
    for batch in generator.batches(500):
        for table, rows in batch.items():
            book[table] += [dict(zip(FIELDS[table], row, strict=True)) for row in rows]
    return book


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), accounts=st.integers(1, 40))
def test_any_seed_gives_a_consistent_book(seed: int, accounts: int) -> None:
    book = generated_book(accounts, seed=seed)
    assert len(book["account"]) == accounts
    ids = [row["id"] for rows in book.values() for row in rows]
    assert len(set(ids)) == len(ids) and all(len(i) == 32 and i[12] == "7" for i in ids)
    accounts_by_id = {a["id"]: a for a in book["account"]}
    people = by_account(book["stakeholder"])
    for account in book["account"]:
        assert sum(p["is_primary"] for p in people[account["id"]]) == 1
        assert account["contract_start"] < account["contract_end"]
    for sample in book["metric_sample"]:
        assert days_from_as_of(sample["observed_on"]) <= 0
        if sample["metric"] == "active_users":
            assert sample["value"] <= accounts_by_id[sample["account_id"]]["licensed_seats"]
    assert all(
        0 <= r["score"] <= (10 if r["kind"] == "nps" else 5) for r in book["survey_response"]
    )
    assert all(r["account_id"] in accounts_by_id for r in book["revenue_event"])
    assert len({a["account_id"] for a in book["success_plan"]}) == len(book["success_plan"])


# --- PostgreSQL ----------------------------------------------------------------------------------


@pytest.mark.postgres
def test_a_small_book_on_postgresql_matches_the_sqlite_one(
    postgres_db: Database, tmp_path: Path
) -> None:
    summary = write_demo_book(postgres_db, accounts=200, seed=7, as_of=AS_OF)
    sqlite_db = new_database(tmp_path / "book.db")
    assert write_demo_book(sqlite_db, accounts=200, seed=7, as_of=AS_OF).rows == summary.rows
    for model in (Account, Stakeholder, FollowUp, PlanMilestone, MetricSample, ScoreOverride):
        with postgres_db.read() as pg, sqlite_db.read() as lite:
            on_postgres = [
                r.model_dump(warnings=False) for r in pg.exec(select(model).order_by(model.id))
            ]
            on_sqlite = [
                r.model_dump(warnings=False) for r in lite.exec(select(model).order_by(model.id))
            ]
        assert on_postgres == on_sqlite, model.__name__
    assert len(fetch_account_rows(postgres_db)) == 200
    sqlite_db.close()
