"""Today, driven by keyboard: the coverage figure, completing and snoozing follow-ups, checking in."""

from datetime import timedelta
from pathlib import Path
from typing import Any

from cs_tui.data.plans.plan import set_plan_status
from cs_tui.data.store.database import open_database
from cs_tui.data.work.drafts import FollowUpDraft
from cs_tui.data.work.follow_ups import add_follow_up
from cs_tui.data.work.today_views import FollowUpDue
from cs_tui.domain.enums import PlanStatus
from cs_tui.screens.account.screen import AccountScreen
from cs_tui.screens.check_in import CheckInForm
from cs_tui.screens.follow_ups.forms import FollowUpForm
from cs_tui.screens.today import TodayScreen
from cs_tui.widgets.today_list import TodayList
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import FROZEN_TODAY, TEST_USER, frozen_clock
from tests.unit.data.daily_book import add_account


def header(app: Any) -> str:
    return " ".join(shown_text(app.screen.query_one("#today-header")).split())


def lines(app: Any) -> str:
    return shown_text(app.screen.query_one(TodayList))


def build_book(path: Path) -> Path:
    """Four renewals within six months, two with agreed plans; two follow-ups of mine."""
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    try:
        for name, days in (("Alpha", 20), ("Bravo", 60), ("Charlie", 100), ("Delta", 170)):
            add_account(db, name, segment="SMB", renews_in=days)
        add_account(db, "Later", segment="SMB", renews_in=300)
        for name in ("Alpha", "Delta"):
            set_plan_status(db, name, PlanStatus.AGREED, agreed_on=FROZEN_TODAY - timedelta(days=3))
        add_follow_up(db, "Bravo", FollowUpDraft(title="Send the deck", due_on=FROZEN_TODAY))
        add_follow_up(
            db,
            "Charlie",
            FollowUpDraft(title="Chase legal", due_on=FROZEN_TODAY - timedelta(days=4)),
        )
    finally:
        db.close()
    return path


async def open_today(pilot: Any) -> None:
    await settle(pilot)
    assert isinstance(pilot.app.screen, TodayScreen)


async def test_the_header_counts_and_shows_plan_coverage(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(build_book(tmp_path / "book.db"), start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        text = header(app)
        assert "Today · Monday 15 June 2026 · mine (tess)" in text
        assert "2 follow-ups due (1 overdue)" in text
        assert "Success-plan coverage ✓ 50% of 4 renewals in 183 days have an agreed plan" in text
        assert "! Charlie" in lines(app) and "Chase legal (4d overdue)" in lines(app)


async def test_completing_and_undoing_and_snoozing_follow_ups(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(build_book(tmp_path / "book.db"), start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        today_list = app.screen.query_one(TodayList)
        first = today_list.highlighted_row()
        assert isinstance(first, FollowUpDue) and first.title == "Chase legal"
        await pilot.press("d")
        await settle(pilot)
        assert "Chase legal" not in lines(app)
        assert "1 follow-ups due (0 overdue)" in header(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Chase legal" in lines(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpForm)
        await pilot.press(*"+1w", "enter", "ctrl+s")
        assert "reason" in shown_text(app.screen.query_one(".form-error"))
        await pilot.press(*"Legal is on holiday", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "Chase legal" not in lines(app)  # snoozed until next week


async def test_c_logs_a_check_in_on_the_highlighted_account_and_enter_opens_it(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(build_book(tmp_path / "book.db"), start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInForm)
        assert "Charlie" in shown_text(app.screen.query_one(".dialog-title"))
        await pilot.press(*"Legal call", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "Charlie " not in lines(app).split("Renewals")[0].split("Check-ins due")[1]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_a_lead_switches_to_the_team_queue(book: Path, make_app: AppFactory) -> None:
    app = make_app(book, start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        mine = header(app)
        await pilot.press("o")
        await settle(pilot)
        assert "the team" in header(app) and header(app) != mine
        assert "· daisy" in lines(app)  # the owner of each line is shown in the team's queue
