"""What the key screens look like at a fixed size, on a frozen clock and a fixed demo book.

A failing snapshot shows the difference in `snapshot_report.html`; accept an intended change with
`pytest tests/snapshots --snapshot-update` after looking at it.
"""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.app_support import AppFactory, settle

SIZE = (130, 36)


async def _settled(pilot: Pilot[Any]) -> None:
    await settle(pilot)


class TestOpening:
    def test_welcome(self, snap_compare: Any, tmp_path: Path, make_app: AppFactory) -> None:
        assert snap_compare(make_app(tmp_path / "new.db"), terminal_size=SIZE, run_before=_settled)

    def test_cannot_open(self, snap_compare: Any, make_app: AppFactory) -> None:
        folder = Path("/tmp/cs-tui-snapshots")  # the message names the file: a fixed path
        folder.mkdir(exist_ok=True)
        broken = folder / "broken.db"
        broken.write_bytes(b"not a database at all")
        try:
            assert snap_compare(make_app(broken), terminal_size=SIZE, run_before=_settled)
        finally:
            broken.unlink()


class TestAccountList:
    def test_whole_book(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=_settled)

    def test_my_renewals_by_arr(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        async def choose(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("3", "s", "s", "s")

        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=choose)

    def test_narrow_terminal(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        assert snap_compare(make_app(book), terminal_size=(72, 24), run_before=_settled)

    def test_help(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        async def help_(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("f1")

        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=help_)
