"""Opening the app: a first run's welcome, databases that cannot be opened, and the shell's keys."""

import re
import sqlite3
from pathlib import Path

import pytest

from cs_tui.domain.book import account_row as r
from cs_tui.screens.account_list import AccountListScreen
from cs_tui.screens.help import HelpScreen
from cs_tui.screens.store_error import StoreErrorScreen
from cs_tui.screens.welcome import WelcomeScreen
from cs_tui.widgets.account_table import AccountTable
from tests.app_support import SIZE, AppFactory, settle
from tests.cli.conftest import FIXTURES


async def test_an_empty_book_offers_the_demo_which_then_fills_the_list(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(tmp_path / "new.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, AccountListScreen)
        assert app.screen.query_one(AccountTable).row_count == 300


async def test_starting_empty_shows_an_empty_list(tmp_path: Path, make_app: AppFactory) -> None:
    app = make_app(tmp_path / "new.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        table = app.screen.query_one(AccountTable)
        assert table.row_count == 0
        assert "No accounts" in table.render_line(1).text


async def test_import_checks_the_path_reports_bad_rows_and_loads_a_good_file(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(tmp_path / "new.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        status = app.screen.query_one("#import-status")
        app.screen.query_one("#import-path").value = str(tmp_path / "missing.csv")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert "does not exist" in str(status.render())
        app.screen.query_one("#import-path").value = str(FIXTURES / "bad_rows.csv")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert "Nothing was imported: 8 invalid rows" in str(status.render())
        report = "\n".join(app.screen.query_one("#import-report").lines)  # type: ignore[attr-defined]
        assert "line 3 [Renewal Date]" in report
        app.screen.query_one("#import-path").value = str(FIXTURES / "salesforce_report.csv")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountListScreen)
        assert app.screen.query_one(AccountTable).row_count == 4
        assert app.book is not None
        shown = {row[r.BAND] for row in app.book.ordered("name", False)}
        assert shown == {"insufficient"}  # scored at once: the list says why there is no number


async def test_a_corrupt_file_gets_an_explanation_not_a_traceback(
    tmp_path: Path, make_app: AppFactory
) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    app = make_app(broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StoreErrorScreen)
        message = str(app.screen.query_one("#store-error-message").render())
        assert "broken.db" in message and "is damaged" in message
        assert "backup" in str(app.screen.query_one("#store-error-hint").render()).lower()
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code == 1


async def test_a_foreign_database_and_a_bad_url_are_refused(
    tmp_path: Path, make_app: AppFactory
) -> None:
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE recipes (name TEXT)").connection.commit()
    for target, expected in (
        (foreign, "another application"),
        ("mysql://me@host/db", "SQLite or PostgreSQL"),
    ):
        app = make_app(target)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, StoreErrorScreen)
            assert expected in str(app.screen.query_one("#store-error-message").render())


async def test_a_newer_database_opens_read_only_after_saying_so(
    book: Path, make_app: AppFactory
) -> None:
    connection = sqlite3.connect(book)
    connection.execute("UPDATE cs_tui_schema_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StoreErrorScreen)
        assert "read-only" in str(app.screen.query_one("#store-error-hint").render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountListScreen)
        assert app.screen.query_one(AccountTable).row_count > 0
        assert app.db.read_only


async def test_f1_lists_every_key_with_its_id(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = app.export_screenshot()
        for binding_id in ("accounts.filter", "accounts.sort", "app.quit", "app.accounts"):
            assert binding_id in shown
        assert "[keymap]" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, AccountListScreen)


async def test_the_palette_goes_to_an_account_by_fuzzy_name(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = app.screen.query_one(AccountTable).rows[5]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*target[1][:12])
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#account-title").render().plain == target[1]  # type: ignore[union-attr]


async def test_a_chosen_theme_is_remembered_in_the_config(
    book: Path, make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    config = (tmp_path / "config" / "config.toml").read_text()
    assert 'theme = "nord"' in config


async def test_keys_can_be_remapped_from_the_config(book: Path, make_app: AppFactory) -> None:
    app = make_app(book, keymap={"accounts.filter": "f"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.query_one("#filter").has_focus


SCREENSHOT_DEFAULT_TEXT = "fill: #c5c8c6"  # the SVG template's own default, before any style


def colours_in(screenshot: str) -> set[tuple[int, int, int]]:
    """Every text and background colour of the terminal in an SVG screenshot (not the window)."""
    terminal = re.sub(r'<text class="terminal-\d+-title".*?</g>', "", screenshot, flags=re.S)
    terminal = terminal.replace(SCREENSHOT_DEFAULT_TEXT, "")
    return {
        (int(hex_[0:2], 16), int(hex_[2:4], 16), int(hex_[4:6], 16))
        for hex_ in re.findall(r'fill(?:="|:\s*)#([0-9a-fA-F]{6})', terminal)
    }


@pytest.mark.parametrize("no_color", [False, True])
async def test_no_color_paints_in_greys_only(
    book: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    """With NO_COLOR set the health bands read from labels and glyphs alone, never from colour."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        colours = colours_in(app.export_screenshot())
    coloured = {c for c in colours if len(set(c)) > 1}
    assert bool(coloured) is not no_color, sorted(coloured)[:5]


async def test_import_lists_report_furniture_and_asks_for_the_date_order(
    tmp_path: Path, make_app: AppFactory
) -> None:
    refused = tmp_path / "refused.csv"
    refused.write_text(
        "Account Name,Account ID,Renewal Date\nAcme,1,2027-01-31\nGlobex;2;2027-02-28\n\n"
        "Grand Totals (2 records),,\nCopyright (c) 2000-2026 salesforce.com, inc.\n"
    )
    ambiguous = tmp_path / "ambiguous.csv"
    ambiguous.write_text("Account Name,Renewal Date\nAcme,03/04/2027\nGlobex,05/06/2027\n")
    app = make_app(tmp_path / "new.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        status = app.screen.query_one("#import-status")
        app.screen.query_one("#import-path").value = str(refused)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert "Nothing was imported: 1 invalid rows" in str(status.render())
        report = list(app.screen.query_one("#import-report").lines)  # type: ignore[attr-defined]
        assert report[0].startswith("line 3: this line's values are separated by semicolons")
        assert report[1:] == [
            "line 4 skipped: blank line",
            "line 5 skipped: report footer 'Grand Totals (2 records)'",
            "line 6 skipped: report footer 'Copyright (c) 2000-2026 salesforce.com'",
        ]
        app.screen.query_one("#import-path").value = str(ambiguous)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert "Every date in column 'Renewal Date' reads both" in str(status.render())
        assert "(line 2: '03/04/2027')" in str(status.render())
        assert app.screen.focused is app.screen.query_one("#import-date-format")
        await pilot.press(*"%q", "enter")
        await settle(pilot)
        assert "Date format: '%q' is not a date format" in str(status.render())
        app.screen.query_one("#import-date-format").value = "%d/%m/%Y"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountListScreen)
        assert app.screen.query_one(AccountTable).row_count == 2
