"""What the success-plan editor looks like at a fixed size, on the frozen clock and demo book.

Accept an intended change with `pytest tests/snapshots/test_plan_screens.py --snapshot-update`
after looking at `snapshot_report.html`.
"""

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.app_support import AppFactory, settle
from tests.functional.plan_support import AGREED_PLAN, NO_PLAN, open_plan

SIZE = (130, 36)
Steps = Callable[[Pilot[Any]], Awaitable[None]]


def plan_of(name: str, *keys: str) -> Steps:
    """Open the named account's plan screen, then press `keys`."""

    async def steps(pilot: Pilot[Any]) -> None:
        await open_plan(pilot, name)
        for key in keys:
            await pilot.press(key)
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor would make the picture a coin toss
        await pilot.pause()

    return steps


class TestPlanEditor:
    def test_agreed_plan(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        steps = plan_of(AGREED_PLAN, "down", "down")
        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=steps)

    def test_no_plan_yet(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=plan_of(NO_PLAN))

    def test_template_picker(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        steps = plan_of(NO_PLAN, "T", "down", "down")
        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=steps)

    def test_milestone_owner_refused(
        self, snap_compare: Any, book: Path, make_app: AppFactory
    ) -> None:
        keys = (
            "m",
            *"Sign-off call",
            "tab",
            "enter",
            "down",
            "enter",
            "tab",
            *"Bob",
            "ctrl+s",
            "n",
        )
        steps = plan_of(AGREED_PLAN, *keys)
        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=steps)

    def test_objective_form(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        steps = plan_of(AGREED_PLAN, "down", "down", "down", "down", "e")
        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=steps)
