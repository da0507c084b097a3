"""The Reviews screen (`R`): a CSM's own reviews or the team's, sections edited in place, the agenda
clock during the meeting, actions typed like next steps and marked done; Today shows them when due."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, TextArea

from cs_tui.data.reviews.prepare import prepare_review
from cs_tui.data.reviews.reads import get_review, list_reviews
from cs_tui.data.store.database import open_database
from cs_tui.domain.metrics.periods import quarter
from cs_tui.io.reviews.template_file import read_template
from cs_tui.screens.reviews import ActionsForm, ReviewsScreen
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import TEST_USER, frozen_clock
from tests.unit.data.daily_book import add_account
from tests.unit.data.qbr_book import qbr_book


@pytest.fixture
def reviews_book(tmp_path: Path) -> Path:
    path = tmp_path / "reviews.db"
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    qbr_book(db)
    add_account(db, "Gamma", owner="sam")
    source, data = read_template()
    for owner in ("tess", "sam"):
        prepare_review(
            db,
            owner,
            quarter(2026, 1),
            template=data,
            template_source=source,
            people={"lead": "Lee"},
        )
    db.close()
    return path


def record_notifications(app: Any) -> list[str]:
    """Every message the app is asked to show, kept (toasts expire on a slow machine)."""
    said: list[str] = []
    shown = app.notify

    def notify(message: str, **options: Any) -> None:
        said.append(message)
        shown(message, **options)

    app.notify = notify
    return said


def text(app: Any, selector: str) -> str:
    return " ".join(shown_text(app.screen.query_one(selector)).split())


async def open_reviews(pilot: Any) -> ReviewsScreen:
    await settle(pilot)
    await pilot.press("R")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReviewsScreen)
    return screen


async def test_a_csm_sees_their_own_reviews_and_switches_to_the_teams(
    reviews_book: Path, make_app: AppFactory
) -> None:
    app = make_app(reviews_book)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reviews(pilot)
        assert screen.scope == "mine"
        assert [r.owner for r in screen.rows] == ["tess"]
        assert "Reviews · mine (tess) · 1 reviews" in text(app, "#reviews-header")
        assert screen.review is not None and screen.review.owner == "tess"
        assert "Lee" in app.export_screenshot()  # the leader, shown in the document
        await pilot.press("o")
        await settle(pilot)
        assert screen.scope == "team"
        assert sorted(r.owner for r in screen.rows) == ["sam", "tess"]


async def test_a_lead_who_owns_no_accounts_sees_the_team_first(
    reviews_book: Path, make_app: AppFactory
) -> None:
    app = make_app(reviews_book, user="lee")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reviews(pilot)
        assert screen.scope == "team" and len(screen.rows) == 2


async def test_a_section_is_edited_in_place(reviews_book: Path, make_app: AppFactory) -> None:
    app = make_app(reviews_book)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reviews(pilot)
        await pilot.press("1")
        editor = screen.query_one("#review-editor", TextArea)
        assert editor.has_focus and screen.editing == "worked"
        await pilot.press(*"Weekly adoption calls")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "What worked saved" in said
        assert screen.editing is None and screen.review is not None
        assert screen.review.worked == "Weekly adoption calls"
        await pilot.press("2", *"nothing", "escape")  # escape drops the change
        await settle(pilot)
        db = open_database(f"sqlite:///{reviews_book}", user=TEST_USER, clock=frozen_clock)
        stored = get_review(db, screen.review.id)
        db.close()
        assert (stored.worked, stored.failed) == ("Weekly adoption calls", "")


async def test_the_agenda_clock_runs_during_the_meeting(
    reviews_book: Path, make_app: AppFactory
) -> None:
    app = make_app(reviews_book)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reviews(pilot)
        await pilot.press("m")
        assert screen.meeting_started is not None
        assert "▶ Last review's actions · 15:00 left" in text(app, "#review-clock")
        screen.meeting_started -= timedelta(minutes=20)  # twenty minutes into the meeting
        screen._tick()
        await pilot.pause()
        clock = text(app, "#review-clock")
        assert "Meeting 20:00 of 160 min" in clock
        assert (
            "Last review's actions · 15 min ✓" in clock
            and "▶ The book in numbers · 20:00 left" in clock
        )
        screen.meeting_started -= timedelta(minutes=150)
        screen._tick()
        await pilot.pause()
        assert "over by 10 min 00 s" in text(app, "#review-clock")
        await pilot.press("m")
        assert screen.meeting_started is None


async def test_actions_are_typed_like_next_steps_and_marked_done(
    reviews_book: Path, make_app: AppFactory
) -> None:
    app = make_app(reviews_book)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reviews(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ActionsForm)
        await pilot.press(*"Call every red account", "ctrl+s")
        assert "line 1: give the day it is due" in text(app, ".form-error")
        await pilot.press(*" @today", "enter", *"Plans for Q3 renewals @+4w", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewsScreen)
        assert "2 actions added" in said
        assert screen.review is not None
        assert [(a.title, a.owner, a.state(app.today())) for a in screen.review.actions] == [
            ("Call every red account", "tess", "due"), ("Plans for Q3 renewals", "tess", "open"),
        ]  # fmt: skip
        actions = screen.query_one("#review-actions", OptionList)
        actions.focus()
        actions.highlighted = 0
        await pilot.press("d")
        await settle(pilot)
        assert screen.review.actions[0].status == "done"
        assert any("Call every red account: done (1 of 2 actions done)" in n for n in said)
        assert list_reviews_done(reviews_book) == 1


def list_reviews_done(path: Path) -> int:
    db = open_database(f"sqlite:///{path}", user=TEST_USER, clock=frozen_clock)
    rows = list_reviews(db, owner="tess")
    db.close()
    return rows[0].actions_done


async def test_today_shows_review_actions_due(reviews_book: Path, make_app: AppFactory) -> None:
    from cs_tui.data.reviews.edits import add_action
    from tests.conftest import FROZEN_TODAY

    db = open_database(f"sqlite:///{reviews_book}", user=TEST_USER, clock=frozen_clock)
    review = list_reviews(db, owner="tess")[0]
    add_action(
        db,
        review.id,
        "Call every red account",
        owner="tess",
        due_on=FROZEN_TODAY - timedelta(days=2),
    )
    add_action(
        db,
        review.id,
        "Check the plans",
        owner="tess",
        due_on=FROZEN_TODAY + timedelta(days=9),
        check_on=FROZEN_TODAY,
    )
    add_action(db, review.id, "Not yet", owner="tess", due_on=FROZEN_TODAY + timedelta(days=9))
    db.close()
    app = make_app(reviews_book, start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = text(app, "#today-review-actions")
        assert "Review actions: 2 need attention (R opens Reviews)" in shown
        assert (
            "Call every red account · tess · late" in shown
            and "Check the plans · tess · check today" in shown
        )
        assert "Not yet" not in shown


async def test_preparing_my_review_from_the_screen(tmp_path: Path, make_app: AppFactory) -> None:
    path = tmp_path / "fresh.db"
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    qbr_book(db)
    db.close()
    app = make_app(path)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reviews(pilot)
        assert screen.rows == [] and "N prepares mine" in text(app, "#reviews-header")
        await pilot.press("N")
        await settle(pilot)
        assert "Review of 2026-Q1 prepared" in said
        assert [r.period for r in screen.rows] == ["2026-Q1"]
        await pilot.press("N")  # again: refused, said, nothing new
        await settle(pilot)
        assert any("prepared already" in n for n in said)
        assert len(screen.rows) == 1
