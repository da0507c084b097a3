"""The app and its database file: a synced folder is refused, a moved file stops writing with a message."""

import os
import sqlite3
from pathlib import Path

import pytest

from cs_tui.screens.follow_ups.follow_up_list import FollowUpList
from cs_tui.screens.follow_ups.screen import FollowUpsScreen
from cs_tui.screens.store_error import StoreErrorScreen
from tests.app_support import SIZE, AppFactory, settle, shown_text


async def test_a_database_in_a_synced_folder_gets_the_reason_and_what_to_do(
    tmp_path: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = tmp_path / "home" / "OneDrive - Acme" / "book.db"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StoreErrorScreen)
        message = shown_text(app.screen.query_one("#store-error-message"))
        assert "OneDrive" in " ".join(message.split())
        hint = " ".join(shown_text(app.screen.query_one("#store-error-hint")).split())
        assert "cs-tui team init FOLDER" in hint
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code == 1
    assert not path.parent.exists()


async def test_a_file_moved_under_the_app_stops_writes_with_a_message(
    book: Path, make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpsScreen)
        listing = app.screen.query_one(FollowUpList)
        first = listing.rows[0]
        await pilot.press("d")  # saved while the file is in place
        await settle(pilot)
        assert first.id not in {row.id for row in listing.rows}
        moved = tmp_path / "moved.db"
        os.rename(book, moved)
        await pilot.press("d")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any(
            f"Cannot save to {book}: it was moved to {moved}" in message for message in messages
        ), messages
        assert listing.rows[0].id != first.id  # the refused change shows nothing as done
    assert first.title in done_follow_ups(moved)  # the change saved before the move is in it


def done_follow_ups(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT title FROM follow_up WHERE status = 'done'")
        return [row[0] for row in rows]
    finally:
        connection.close()
