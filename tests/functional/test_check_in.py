"""Logging a check-in by keyboard: from the list, from Account 360, and with no account in view."""

from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from cs_tui.data.store.database import open_database
from cs_tui.data.work.follow_up_list import list_follow_ups
from cs_tui.data.work.timeline import account_timeline
from cs_tui.domain.book import account_row as r
from cs_tui.screens.account.screen import AccountScreen
from cs_tui.screens.account_list import AccountListScreen
from cs_tui.screens.check_in import CheckInForm
from cs_tui.widgets.account_table import AccountTable
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import FROZEN_TODAY, TEST_USER, frozen_clock


def stored(book: Path, account_id: str) -> tuple[list[Any], list[Any]]:
    """The account's timeline and open follow-ups, read back from the file."""
    db = open_database(str(book), user=TEST_USER, clock=frozen_clock)
    try:
        return account_timeline(db, account_id), list_follow_ups(db, account=account_id)
    finally:
        db.close()


class KeyCounter:
    """Presses keys and counts those that are not part of the typed text."""

    def __init__(self, pilot: Pilot[Any]) -> None:
        self.pilot = pilot
        self.commands = 0

    async def command(self, *keys: str) -> None:
        self.commands += len(keys)
        await self.pilot.press(*keys)

    async def text(self, words: str) -> None:
        await self.pilot.press(*words)


async def test_a_plain_call_with_one_next_step_takes_three_keys_besides_the_text(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.query_one(AccountTable).rows[0]
        keys = KeyCounter(pilot)
        await keys.command("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInForm)
        await keys.text("Walked through the renewal")
        await keys.command("tab")
        await keys.text("Send pricing @fri")
        await keys.command("ctrl+s")
        await settle(pilot)
        assert keys.commands == 3 <= 10
        assert isinstance(app.screen, AccountListScreen)
        assert any(n.message.startswith(f"Check-in saved on {row[r.NAME]}, 1 follow-up")
                   for n in app._notifications)  # fmt: skip
        updated = next(x for x in app.book.ordered("name", False) if x[r.ID] == row[r.ID])  # type: ignore[union-attr]
        assert updated[r.LAST_TOUCH_ON] == FROZEN_TODAY
    timeline, follow_ups = stored(book, row[r.ID])
    assert timeline[0].kind == "check_in" and "Walked through the renewal" in timeline[0].detail
    friday = FROZEN_TODAY + timedelta(days=(4 - FROZEN_TODAY.weekday()) % 7 or 7)
    assert [(f.title, f.due_on, f.owner) for f in follow_ups if f.title == "Send pricing"] == [
        ("Send pricing", friday, TEST_USER)
    ]


async def test_bad_input_is_shown_inline_and_nothing_is_saved(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.query_one(AccountTable).rows[1]
        await pilot.press("down", "c")
        await settle(pilot)
        await pilot.press("ctrl+s")
        error = app.screen.query_one("#check-in-error")
        assert "summary: write a line" in shown_text(error)
        await pilot.press(*"Quick sync", "tab", *"Chase legal @fir", "ctrl+s")
        assert "not a date" in shown_text(error)
        form = app.screen
        form.query_one("#next_steps").text = "Chase legal @+3d"  # type: ignore[attr-defined]
        form.query_one("#date").value = "tomorrow"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert "cannot be in the future" in shown_text(error)
        assert app.screen.focused is form.query_one("#date")
        await pilot.press("escape", "y")  # typed text: asked, then discarded
        await settle(pilot)
        assert isinstance(app.screen, AccountListScreen)
    timeline, _ = stored(book, row[r.ID])
    assert not any("Quick sync" in entry.detail for entry in timeline)


async def test_from_account_360_backdated_with_sentiment_and_nps(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        account_id = app.screen.account_id
        await pilot.press("c")
        await settle(pilot)
        form = app.screen
        await pilot.press(*"QBR prep with the sponsor", "tab", "tab")
        await pilot.press(*"meeting", "tab", *"yesterday", "tab")  # typing replaces the default
        await pilot.press("tab", "tab", "2", "tab", "9", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CheckInForm), shown_text(
            form.query_one("#check-in-error")
        )
        assert isinstance(app.screen, AccountScreen)
        health = app.screen.view.health  # type: ignore[attr-defined]
        assert health.sentiment.value == 2
        assert health.sentiment.recorded_on == FROZEN_TODAY - timedelta(days=1)
    timeline, _ = stored(book, account_id)
    kinds = {(entry.kind, entry.on) for entry in timeline[:3]}
    assert ("check_in", FROZEN_TODAY - timedelta(days=1)) in kinds
    assert ("survey", FROZEN_TODAY - timedelta(days=1)) in kinds


async def test_with_no_account_in_view_the_account_is_picked_by_name(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = app.screen.query_one(AccountTable).rows[7]
        app.push_screen(Screen())  # a screen with no account in view
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*target[r.NAME][:10], "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInForm)
        assert target[r.NAME] in shown_text(app.screen.query_one(".dialog-title"))
