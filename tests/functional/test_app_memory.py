"""A long day in the app: screens the CSM leaves stop being notified (and held) by the app, views
open without parsing the styles again, and the started app is kept out of the garbage collector's
way while it runs."""

import gc
from pathlib import Path

import pytest

from cs_tui.app.shell import CsTuiApp
from cs_tui.config import LaunchSettings
from cs_tui.io.bulk_work import take_back_what_was_set_aside
from cs_tui.screens.app_watch import WATCHERS_ATTRIBUTE
from tests.app_support import SIZE, AppFactory, settle
from tests.conftest import TEST_USER, frozen_clock
from tests.functional.test_account_360 import open_account


def watchers_of(app: CsTuiApp, attribute: str) -> list[object]:
    return [node for node, _ in getattr(app, WATCHERS_ATTRIBUTE, {}).get(attribute, [])]


async def test_accounts_left_are_no_longer_watching(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        for index in range(3):
            await open_account(pilot, index)
            await pilot.press("escape")
            await settle(pilot)
        assert all(node.is_attached for node in watchers_of(app, "data_version"))  # type: ignore[attr-defined]
        await open_account(pilot, 0)
        assert pilot.app.screen in watchers_of(app, "data_version")


async def test_the_program_sets_the_started_app_aside_from_collections(book: Path) -> None:
    settings = LaunchSettings(database_url=f"sqlite:///{book}", user=TEST_USER)
    app = CsTuiApp(settings, start_screen="accounts", clock=frozen_clock, set_aside_long_lived=True)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.book is not None
            assert gc.get_freeze_count() > 10_000
    finally:
        take_back_what_was_set_aside()
    assert gc.get_freeze_count() == 0


async def test_an_app_inside_another_program_leaves_the_collector_alone(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.book is not None
        assert gc.get_freeze_count() == 0


async def test_visiting_each_view_does_not_parse_the_styles_again(
    book: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reparsed: list[bool] = []
        monkeypatch.setattr(app.stylesheet, "reparse", lambda: reparsed.append(True))
        for key in ("t", "f", "a"):
            await pilot.press(key)
            await settle(pilot)
        assert app.current_mode == "accounts"
        assert reparsed == []
        app.theme = "textual-light"  # a new theme still restyles everything
        await settle(pilot)
        assert reparsed
