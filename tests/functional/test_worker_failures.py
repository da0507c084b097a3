"""Failures inside the app: a worker that fails says so and the app carries on, nothing lost."""

import ast
import importlib
import sqlite3
from pathlib import Path

import pytest

from cs_tui.data.work.timeline import account_timeline
from cs_tui.domain.book import account_row as r
from cs_tui.screens.account_list import AccountListScreen
from cs_tui.screens.check_in import CheckInForm
from cs_tui.widgets.account_table import AccountTable
from cs_tui.widgets.worker_failures import ReportsWorkerFailures
from tests.app_support import SIZE, AppFactory, settle
from tests.conftest import TEST_USER, frozen_clock

PACKAGE = Path(__file__).parents[2] / "cs_tui"


def messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


def timeline_of(book: Path, account_id: str) -> list[str]:
    from cs_tui.data.store.database import open_database

    db = open_database(str(book), user=TEST_USER, clock=frozen_clock)
    try:
        return [entry.detail for entry in account_timeline(db, account_id)]
    finally:
        db.close()


async def log_check_in(pilot: object, summary: str) -> None:
    await pilot.press("c")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press(*summary, "ctrl+s")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_a_scorecard_broken_while_the_app_runs_keeps_the_check_in_and_the_app(
    book: Path, make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = tmp_path / "scorecard.toml"
    monkeypatch.setenv("CS_TUI_SCORECARD", str(card))
    from cs_tui.io.scorecard_file import DEFAULT_SCORECARD_FILE

    card.write_text(DEFAULT_SCORECARD_FILE.read_text())
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.query_one(AccountTable).rows[0]
        card.write_text("[groups.usage]\nweight = -1\n")  # the user edits it badly meanwhile
        await log_check_in(pilot, "Renewal call")
        assert app.is_running
        assert isinstance(app.screen, AccountListScreen)
        shown = messages(app)
        assert any(m.startswith(f"Check-in saved on {row[r.NAME]}") for m in shown)
        assert any("health scores were not refreshed" in m and str(card) in m for m in shown)
    assert app.return_code in (0, None)
    assert any("Renewal call" in detail for detail in timeline_of(book, row[r.ID]))


async def test_an_unexpected_error_in_a_worker_is_a_message_and_a_logged_traceback(
    book: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the disk controller said no")

    monkeypatch.setattr("cs_tui.data.work.check_ins.log_check_in", broken)
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await log_check_in(pilot, "Quarterly call")
        assert app.is_running
        form = app.screen
        assert isinstance(form, CheckInForm)  # still open: nothing was saved, nothing lost
        problem = str(form.query_one("#check-in-error").render())
        assert (
            "Saving the check-in failed unexpectedly (RuntimeError: the disk controller" in problem
        )
        await pilot.press("escape")
        await settle(pilot)
    log = (tmp_path / "data" / "cs-tui.log").read_text()
    assert "Traceback" in log and "the disk controller said no" in log


async def test_a_database_locked_by_another_writer_is_a_message_and_the_next_try_works(
    book: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cs_tui.data.store.database.SQLITE_BUSY_TIMEOUT_MS", 50)
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.query_one(AccountTable).rows[0]
        other = sqlite3.connect(book, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            await log_check_in(pilot, "Locked out")
            assert app.is_running
            assert isinstance(app.screen, CheckInForm)
            problem = str(app.screen.query_one("#check-in-error").render())
            assert "locked" in problem.lower()
        finally:
            other.rollback()
            other.close()
        await pilot.press("ctrl+s")  # the same form, once the other writer is done
        await settle(pilot)
        assert isinstance(app.screen, AccountListScreen)
    assert sum("Locked out" in d for d in timeline_of(book, row[r.ID])) == 1


def _worker_owners() -> list[tuple[str, str, list[str]]]:
    """(module, class, decorators) of every method run as a Textual worker in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text())
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            for item in node.body:
                if not isinstance(item, ast.FunctionDef):
                    continue
                works = [ast.unparse(d) for d in item.decorator_list if "work(" in ast.unparse(d)]
                if works:
                    found.append((module, node.name, works))
    return found


def test_every_worker_leaves_failures_to_the_app_and_its_owner_reports_them() -> None:
    owners = _worker_owners()
    assert len(owners) >= 15, "the scan found the workers"
    for module, class_name, decorators in owners:
        for decorator in decorators:
            assert "exit_on_error=False" in decorator, f"{module}.{class_name}: {decorator}"
        cls = getattr(importlib.import_module(module), class_name)
        assert issubclass(cls, ReportsWorkerFailures), f"{module}.{class_name}"
