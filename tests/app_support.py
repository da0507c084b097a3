"""Driving the real app on a small demo book, on a frozen clock, as a user would.

Loaded for every test folder through `pytest_plugins` in `tests/conftest.py`.
"""

import contextlib
import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from cs_tui.app.shell import CsTuiApp
from cs_tui.config import LaunchSettings
from cs_tui.data.store.database import open_database
from tests.conftest import FROZEN_TODAY, TEST_USER, frozen_clock

BOOK_ACCOUNTS = 80
BOOK_SEED = 11
SIZE = (130, 36)


HISTORY_WEEKS = 6


def prepare_book(path: Path, *, accounts: int = BOOK_ACCOUNTS, seed: int = BOOK_SEED) -> Path:
    """A demo book as of the frozen day, scored weekly for a few weeks up to that day."""
    from cs_tui.data.scoring.rescoring import rescore_book
    from cs_tui.demo import write_demo_book

    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    try:
        write_demo_book(db, accounts=accounts, seed=seed, as_of=FROZEN_TODAY)
        for weeks_ago in range(HISTORY_WEEKS, -1, -1):
            rescore_book(db, as_of=FROZEN_TODAY - timedelta(weeks=weeks_ago))
    finally:
        db.close()
    return path


@pytest.fixture(scope="session")
def book_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return prepare_book(tmp_path_factory.mktemp("template") / "book.db")


@pytest.fixture
def book(book_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo book for one test."""
    copy = tmp_path / "book.db"
    shutil.copyfile(book_template, copy)
    return copy


AppFactory = Callable[..., CsTuiApp]


@pytest.fixture
def make_app() -> AppFactory:
    def factory(
        database: Path | str,
        *,
        user: str = TEST_USER,
        start_screen: str = "accounts",
        **settings: object,
    ) -> CsTuiApp:
        """The app on `database`, opening on the account list unless told otherwise."""
        url = database if isinstance(database, str) else f"sqlite:///{database}"
        launch = LaunchSettings(
            database_url=url,
            user=user,
            start_screen=start_screen,
            **settings,  # type: ignore[arg-type]
        )
        return CsTuiApp(launch, clock=frozen_clock)

    return factory


async def settle(pilot: Pilot[object]) -> None:
    """Wait until every worker (and the workers they start) is done and the screen is painted."""
    app = pilot.app
    for _ in range(20):
        await pilot.pause()
        running = [worker for worker in app.workers if not worker.is_finished]
        if not running:
            await pilot.pause()
            return
        for worker in running:
            with contextlib.suppress(WorkerCancelled):  # a screen that closed cancels its workers
                await worker.wait()
    raise AssertionError("workers kept starting workers")


def shown_text(widget: object) -> str:
    """The text a widget shows on screen, line by line (styles dropped)."""
    from textual.widget import Widget

    assert isinstance(widget, Widget)
    strips = widget.render_lines(widget.region.reset_offset)
    return "\n".join(strip.text.rstrip() for strip in strips)
