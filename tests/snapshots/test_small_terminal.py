"""The day at 80x24: Today's one-line rows, and a long form with a problem and its buttons in view."""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.app_support import AppFactory, settle

SMALL = (80, 24)


class TestSmallTerminal:
    def test_today(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        async def third_section(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("3")

        app = make_app(book, start_screen="today")
        assert snap_compare(app, terminal_size=SMALL, run_before=third_section)

    def test_check_in_with_a_problem(
        self, snap_compare: Any, book: Path, make_app: AppFactory
    ) -> None:
        async def bad_date(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press(
                "c", *"Quick sync", "tab", "tab", "tab", "ctrl+a", "ctrl+k", *"soon", "ctrl+s"
            )
            await settle(pilot)
            pilot.app.screen.query_one("#date", Input).cursor_blink = False  # a steady picture

        assert snap_compare(make_app(book), terminal_size=SMALL, run_before=bad_date)
