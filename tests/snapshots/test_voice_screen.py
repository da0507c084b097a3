"""What the Voice tab of Account 360 looks like, with an imported detractor on the third account."""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from cs_tui.domain.book import account_row as r
from cs_tui.widgets.account_table import AccountTable
from tests.app_support import AppFactory, settle
from tests.functional.test_voice_tab import import_pulse

SIZE = (130, 36)


def test_voice_tab(snap_compare: Any, book: Path, make_app: AppFactory, tmp_path: Path) -> None:
    async def voice(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        table = pilot.app.screen.query_one(AccountTable)
        import_pulse(book, str(table.rows[2][r.NAME]), tmp_path)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        await pilot.press("7")
        await settle(pilot)

    assert snap_compare(make_app(book), terminal_size=SIZE, run_before=voice)
