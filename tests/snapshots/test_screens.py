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


async def _open_third_account(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("down", "down", "enter")
    await settle(pilot)


class TestAccount360:
    def test_health(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        app = make_app(book)
        assert snap_compare(app, terminal_size=(130, 44), run_before=_open_third_account)

    def test_metrics(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        async def metrics(pilot: Pilot[Any]) -> None:
            await _open_third_account(pilot)
            await pilot.press("6")

        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=metrics)

    def test_override_form(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        async def override(pilot: Pilot[Any]) -> None:
            await _open_third_account(pilot)
            await pilot.press("o", "1", "5", "tab", *"Escalation", "tab", *"2026-01-01", "enter")

        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=override)


class TestDailyWork:
    def test_today(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        app = make_app(book, start_screen="today")
        assert snap_compare(app, terminal_size=(130, 40), run_before=_settled)

    def test_check_in_form(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        async def typed(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            await pilot.press(*"Walked through the renewal", "tab", *"Send pricing @fri")

        assert snap_compare(make_app(book), terminal_size=(130, 40), run_before=typed)

    def test_follow_ups(self, snap_compare: Any, book: Path, make_app: AppFactory) -> None:
        async def follow_ups(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            await pilot.press("f")
            await settle(pilot)

        assert snap_compare(make_app(book), terminal_size=SIZE, run_before=follow_ups)
