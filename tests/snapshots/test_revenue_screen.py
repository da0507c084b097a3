"""What the Revenue tab of Account 360 looks like on the demo book's first account."""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.app_support import AppFactory, settle

SIZE = (130, 36)


def test_revenue_tab(snap_compare: Any, book: Path, make_app: AppFactory) -> None:
    async def revenue(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("8")
        await settle(pilot)

    assert snap_compare(make_app(book), terminal_size=SIZE, run_before=revenue)
