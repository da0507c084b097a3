"""Account 360: reading the health panel, recording sentiment, setting and clearing an override."""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from cs_tui.domain.book import account_row as r
from cs_tui.screens.account.health_forms import OverrideForm, SentimentForm
from cs_tui.screens.account.screen import AccountScreen
from cs_tui.screens.account_list import AccountListScreen
from cs_tui.widgets.account_table import AccountTable
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import FROZEN_TODAY


def text_of(app: Any, selector: str) -> str:
    return " ".join(shown_text(app.screen.query_one(selector)).split())


def list_row(app: Any, account_id: str) -> tuple[Any, ...]:
    return next(row for row in app.book.ordered("name", False) if row[r.ID] == account_id)


async def open_account(pilot: Pilot[Any], index: int = 0) -> tuple[Any, ...]:
    """Open the `index`-th account of the list; its row."""
    await settle(pilot)
    table = pilot.app.screen.query_one(AccountTable)
    table.move_cursor(index)
    row = table.rows[index]
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AccountScreen)
    return row


async def test_the_panel_shows_score_band_trend_and_every_measure(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        row = await open_account(pilot)
        health = app.screen.view.health  # type: ignore[attr-defined]
        summary = text_of(app, "#health-summary")
        assert f"{health.score:.0f} {health.band_label}" in summary
        assert "Coverage" in summary and "History" in summary
        assert row[r.NAME] in text_of(app, "#account-title")
        breakdown = app.export_screenshot()
        for group in health.groups:
            assert group.label.replace(" ", "&#160;") in breakdown
        assert "Computed&#160;score" in breakdown


async def test_recording_sentiment_rescores_and_updates_the_list(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        row = await open_account(pilot, 3)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SentimentForm)
        await pilot.press("ctrl+s")  # nothing typed yet: refused inline, form stays
        assert isinstance(app.screen, SentimentForm)
        assert "Choose a value" in text_of(app, ".form-error")
        await pilot.press("1", "tab", "ctrl+s")
        assert "Give a reason" in text_of(app, ".form-error")
        await pilot.press(*"Exec sponsor left", "enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        sentiment = app.screen.view.health.sentiment  # type: ignore[attr-defined]
        assert (sentiment.value, sentiment.reason) == (1, "Exec sponsor left")
        assert sentiment.recorded_on == FROZEN_TODAY
        assert "1/5 very worried" in text_of(app, "#health-summary")
        assert list_row(app, row[r.ID])[r.SCORE] == app.screen.view.health.score  # type: ignore[attr-defined]


async def test_an_override_needs_reason_and_future_expiry_and_can_be_cleared(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        row = await open_account(pilot, 5)
        computed = app.screen.view.health.computed_score  # type: ignore[attr-defined]
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverrideForm)
        await pilot.press("2", "0", "tab", *"Legal escalation", "tab", *"2026-06-01", "enter")
        assert "must be after today" in text_of(app, ".form-error")
        app.screen.query_one("#override-until").value = "2026-07-31"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        health = app.screen.view.health  # type: ignore[attr-defined]
        assert health.override.score == 20 and health.score == 20
        assert health.computed_score == computed  # the computed score is still shown beside it
        summary = text_of(app, "#health-summary")
        assert "Override 20 until 2026-07-31" in summary and "OVERRIDDEN" in summary
        assert list_row(app, row[r.ID])[r.SCORE] == 20
        assert list_row(app, row[r.ID])[r.OVERRIDDEN] is True
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen.view.health.override is None  # type: ignore[attr-defined]
        assert list_row(app, row[r.ID])[r.OVERRIDDEN] is False


async def test_escape_cancels_a_form_and_number_keys_switch_tabs(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot)
        await pilot.press("s", "4", "escape", "y")  # typed: asks before discarding
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        assert (
            app.screen.view.health.sentiment is None or app.screen.view.health.sentiment.value != 4
        )  # type: ignore[attr-defined]
        await pilot.press("5")
        assert app.screen.query_one("#account-tabs").active == "tab-stakeholders"  # type: ignore[attr-defined]
        await pilot.press("6")
        assert app.screen.query_one("#account-tabs").active == "tab-metrics"  # type: ignore[attr-defined]
        assert "Active users" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AccountListScreen)


async def test_the_timeline_shows_one_kind_at_a_time(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, 2)
        await pilot.press("3")
        everything = text_of(app, "#timeline")
        assert "Showing everything" in everything and "Check-in" in everything
        await pilot.press("k")  # check-ins only
        await settle(pilot)
        only = text_of(app, "#timeline")
        assert "only check-in events" in only
        assert "Revenue" not in only and "Note " not in only
        kinds = {entry.kind for entry in app.screen.view.timeline}  # type: ignore[attr-defined]
        assert kinds == {"check_in"}


async def test_follow_ups_are_worked_off_from_the_account(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, 2)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"Kickoff", "tab", *"Send the agenda @+2d", "ctrl+s")
        await settle(pilot)
        await pilot.press("4")
        follow_ups = app.screen.query_one("#account-follow-ups")
        assert follow_ups.has_focus
        assert "Send the agenda" in text_of(app, "#account-follow-ups").split("·")[1]
        await pilot.press("home", "m")  # the open follow-up is listed first
        await pilot.pause()
        await pilot.press(*"2026-06-30", "ctrl+s")
        await settle(pilot)
        assert "due 2026-06-30" in text_of(app, "#account-follow-ups")
        await pilot.press("d")
        await settle(pilot)
        shown = text_of(app, "#account-follow-ups")
        assert "done 2026-06-15" in shown and "Send the agenda" in shown
        await pilot.press("s")  # the list has focus: s snoozes (done ones refuse), not sentiment
        await pilot.pause()
        assert not isinstance(app.screen, SentimentForm)


async def test_the_plan_tab_holds_the_plan_editor(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_account(pilot, 2)
        await pilot.press("2")
        panel = app.screen.query_one("#plan-panel")
        assert app.screen.query_one("#account-tabs").active == "tab-plan"  # type: ignore[attr-defined]
        assert panel.has_focus_within
        await pilot.press("P")
        await settle(pilot)
        assert type(app.screen).__name__ == "PlanScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
