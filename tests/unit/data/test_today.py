"""The Today queue on a book built for the test: each section, the counts and the plan coverage."""

import pytest

from cs_tui.data.plans.plan import set_plan_status
from cs_tui.data.store.database import Database
from cs_tui.data.work.check_ins import log_check_in
from cs_tui.data.work.drafts import CheckInDraft, FollowUpDraft, SnoozeDraft
from cs_tui.data.work.follow_ups import add_follow_up, complete_follow_up, snooze_follow_up
from cs_tui.data.work.today import today_queue
from cs_tui.data.work.today_views import CADENCE, FOLLOW_UPS, HEALTH_DROPS, RENEWALS, SURVEYS
from cs_tui.domain.enums import PlanStatus
from cs_tui.domain.work.cadence import Cadences
from cs_tui.domain.work.today_rules import TodayRules
from tests.conftest import FROZEN_TODAY, TEST_USER
from tests.unit.data.daily_book import add_account, add_snapshot, day


def touch(db: Database, account: str, days_ago: int, **extra: object) -> None:
    log_check_in(
        db,
        CheckInDraft(account=account, summary="Touch", occurred_on=day(-days_ago), **extra),  # type: ignore[arg-type]
    )


def follow_up(db: Database, account: str, title: str, due: int, owner: str | None = None) -> str:
    return add_follow_up(db, account, FollowUpDraft(title=title, due_on=day(due), owner=owner)).id


@pytest.fixture
def book(db: Database) -> Database:
    add_account(db, "Late Ent", segment="Enterprise")
    touch(db, "Late Ent", 20)
    add_account(db, "Very Late Ent", segment="Enterprise")
    touch(db, "Very Late Ent", 30)
    add_account(db, "Fresh SMB", segment="SMB")
    touch(db, "Fresh SMB", 10)
    add_account(db, "Never Touched", segment="Mid-Market")
    add_account(db, "Gone", segment="SMB", stage="churned")
    add_account(db, "Sams Account", owner="sam", segment="SMB")

    follow_up(db, "Fresh SMB", "Overdue", -3)
    follow_up(db, "Fresh SMB", "Due today", 0)
    follow_up(db, "Fresh SMB", "Tomorrow", 1)
    snooze_follow_up(
        db, follow_up(db, "Fresh SMB", "Snoozed", -2), SnoozeDraft(until=day(2), reason="OOO")
    )
    complete_follow_up(db, follow_up(db, "Fresh SMB", "Done already", -5))
    follow_up(db, "Sams Account", "Sams overdue", -1, owner="sam")

    add_account(db, "Renews Agreed", segment="SMB", renews_in=30)
    touch(db, "Renews Agreed", 1)
    set_plan_status(db, "Renews Agreed", PlanStatus.AGREED, agreed_on=day(-10))
    add_account(db, "Renews No Plan", segment="SMB", renews_in=60)
    touch(db, "Renews No Plan", 1)
    add_account(db, "Renews Later", segment="SMB", renews_in=150)
    touch(db, "Renews Later", 1)
    add_account(db, "Renewed Last Week", segment="SMB", renews_in=-5)
    touch(db, "Renewed Last Week", 1)

    touch(db, "Renews Agreed", 5, nps=3)
    touch(db, "Renews Later", 2, nps=9)
    touch(db, "Renews No Plan", 20, csat=1)  # too long ago
    touch(db, "Fresh SMB", 0, csat=2)

    # planted last: each check-in above rescores its account and writes today's snapshot
    for name, bands in {
        "Fresh SMB": [("green", 10), ("yellow", 0)],  # dropped
        "Late Ent": [("red", 12), ("yellow", 0)],  # improved
        "Renews Later": [("green", 20), ("green", 3), ("red", 0)],  # dropped against 20 days ago
        "Renews No Plan": [("green", 3), ("red", 0)],  # nothing a week older to compare with
    }.items():
        account_id = _id(db, name)
        for band, days_ago in bands:
            add_snapshot(db, account_id, band, days_ago)
    return db


def _id(db: Database, name: str):  # type: ignore[no-untyped-def]
    from cs_tui.data.accounts.records import account_id_for

    return account_id_for(db, name)


def names(queue, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.account_name for row in queue.section(key).rows]


def test_follow_ups_due_today_or_overdue_not_snoozed(book: Database) -> None:
    queue = today_queue(book)
    section = queue.section(FOLLOW_UPS)
    assert [row.title for row in section.rows] == ["Overdue", "Due today"]
    assert [row.days_overdue for row in section.rows] == [3, 0]
    assert (section.total, section.flagged) == (2, 1)
    assert all(row.follow_up_id for row in section.rows)
    team = today_queue(book, team=True).section(FOLLOW_UPS)
    assert [row.title for row in team.rows] == ["Overdue", "Sams overdue", "Due today"]


def test_accounts_past_their_cadence_red_first(book: Database) -> None:
    section = today_queue(book).section(CADENCE)
    rows = {row.account_name: row for row in section.rows}
    assert list(rows) == ["Never Touched", "Very Late Ent", "Late Ent"]
    assert (rows["Late Ent"].severity, rows["Late Ent"].days_since, rows["Late Ent"].cadence_days) == (
        "yellow", 20, 14,
    )  # fmt: skip
    assert rows["Very Late Ent"].severity == "red"
    assert (rows["Never Touched"].severity, rows["Never Touched"].days_since) == ("red", None)
    assert (section.total, section.flagged) == (3, 2)
    assert "Sams Account" in names(today_queue(book, team=True), CADENCE)


def test_cadences_are_configurable(book: Database) -> None:
    relaxed = TodayRules(cadences=Cadences({"Enterprise": 25, "Mid-Market": 30, "SMB": 60}))
    assert names(today_queue(book, rules=relaxed), CADENCE) == ["Never Touched", "Very Late Ent"]


def test_renewals_within_the_window_flag_those_without_an_agreed_plan(book: Database) -> None:
    section = today_queue(book).section(RENEWALS)
    assert [(r.account_name, r.has_agreed_plan, r.days_to_renewal) for r in section.rows] == [
        ("Renews No Plan", False, 60),
        ("Renews Agreed", True, 30),
    ]
    assert (section.total, section.flagged) == (2, 1)
    wider = today_queue(book, rules=TodayRules(renewal_window_days=200)).section(RENEWALS)
    assert [r.account_name for r in wider.rows][:2] == ["Renews No Plan", "Renews Later"]


def test_health_band_drops_against_a_week_ago(book: Database) -> None:
    section = today_queue(book).section(HEALTH_DROPS)
    drops = {r.account_name: (r.band_before, r.band_now, r.before_on) for r in section.rows}
    assert drops == {
        "Renews Later": ("green", "red", day(-20)),
        "Fresh SMB": ("green", "yellow", day(-10)),
    }
    assert next(r.account_name for r in section.rows) == "Renews Later"  # red first
    assert section.flagged == 1


def test_new_detractors_and_low_csat_in_the_last_two_weeks(book: Database) -> None:
    section = today_queue(book).section(SURVEYS)
    assert [(r.account_name, r.kind, r.score) for r in section.rows] == [
        ("Fresh SMB", "csat", 2),
        ("Renews Agreed", "nps", 3),
    ]
    longer = today_queue(book, rules=TodayRules(survey_window_days=30)).section(SURVEYS)
    assert longer.total == 3


def test_plan_coverage_of_renewals_in_six_months(book: Database) -> None:
    coverage = today_queue(book).coverage
    assert (coverage.renewing, coverage.with_agreed_plan) == (3, 1)
    assert not coverage.meets_target and coverage.missing == 1
    set_plan_status(book, "Renews Later", PlanStatus.ACTIVE, agreed_on=day(0))
    coverage = today_queue(book).coverage
    assert coverage.with_agreed_plan == 2 and coverage.meets_target
    assert today_queue(book, owner="sam").coverage.share is None


def test_limits_keep_the_full_counts(book: Database) -> None:
    queue = today_queue(book, team=True, limit=1)
    section = queue.section(CADENCE)
    assert len(section.rows) == 1 and section.total == 4 and section.truncated
    assert queue.counts()[FOLLOW_UPS] == 3


def test_an_empty_book_has_an_empty_queue(db: Database) -> None:
    queue = today_queue(db)
    assert queue.as_of == FROZEN_TODAY and queue.owner == TEST_USER
    assert all(section.total == 0 for section in queue.sections)
    assert queue.coverage.share is None
    assert queue.to_json()["counts"] == {
        FOLLOW_UPS: 0, CADENCE: 0, RENEWALS: 0, HEALTH_DROPS: 0, SURVEYS: 0,
    }  # fmt: skip
