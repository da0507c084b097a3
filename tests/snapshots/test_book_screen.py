"""What the Book screen looks like: the last full quarter by owner, and the accounts behind a
figure, at a fixed size on a frozen clock and the fixed demo book."""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.app_support import AppFactory, settle

SIZE = (130, 36)


class TestBook:
    def test_by_owner(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        async def by_owner(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("b")
            await settle(pilot)
            await pilot.press("g")
            await settle(pilot)

        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=by_owner)

    def test_accounts_behind(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        async def behind(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("b")
            await settle(pilot)
            await pilot.press("down", "enter")  # starting ARR: the cohort
            await settle(pilot)

        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=behind)
