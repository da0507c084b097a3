"""The account list, driven by keyboard and mouse on a demo book."""

from datetime import timedelta
from pathlib import Path

from cs_tui.domain.book import account_row as r
from cs_tui.screens.account_list import AccountListScreen
from cs_tui.widgets.account_table import AccountTable
from cs_tui.widgets.lazy_table import LazyTable
from tests.app_support import BOOK_ACCOUNTS, SIZE, AppFactory, settle
from tests.conftest import FROZEN_TODAY, TEST_USER


def table_of(app: object) -> AccountTable:
    return app.screen.query_one("#accounts", AccountTable)  # type: ignore[attr-defined]


def footer_text(app: object) -> str:
    return str(app.screen.query_one("#list-footer").render())  # type: ignore[attr-defined]


def shown_lines(table: LazyTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_the_list_opens_on_the_whole_book_sorted_by_name(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AccountListScreen)
        table = table_of(app)
        assert table.row_count == BOOK_ACCOUNTS
        names = [row[r.NAME] for row in table.rows]
        assert names == sorted(names, key=str.casefold)
        header = shown_lines(table)[0]
        for label in ("Account", "Owner", "ARR", "Renewal", "Health", "Touched", "Plan"):
            assert label in header
        assert f"{BOOK_ACCOUNTS} accounts" in footer_text(app)
        assert "ARR" in footer_text(app)
        assert TEST_USER in app.sub_title and "book.db" in app.sub_title


async def test_typing_a_filter_narrows_the_list_and_the_footer(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        word = table.rows[0][r.NAME].split()[0][:4].lower()
        await pilot.press("slash", *word)
        await pilot.pause()
        assert app.screen.query_one("#filter").has_focus
        matching = [
            row
            for row in table.rows
            if word in f"{row[r.NAME]} {row[r.OWNER]} {row[r.TAGS]}".lower()
        ]
        assert 0 < table.row_count == len(matching) < BOOK_ACCOUNTS
        assert f"{table.row_count} account" in footer_text(app)
        await pilot.press("escape")  # leaves the filter for the table, keeping the filter
        assert table.has_focus and table.row_count == len(matching)
        await pilot.press("escape")  # clears it
        assert table.row_count == BOOK_ACCOUNTS


async def test_keys_typed_in_the_filter_are_text_not_commands(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q", "a", "1", "s", "o")
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one("#filter").value == "qa1so"  # type: ignore[attr-defined]
        assert app.screen.list_query.sort == "name"  # type: ignore[attr-defined]


async def test_sorting_by_key_and_by_header_click(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("s")  # the next column: owner
        owners = [row[r.OWNER].casefold() for row in table.rows]
        assert owners == sorted(owners)
        assert "Owner ▲" in shown_lines(table)[0]
        header = shown_lines(table)[0]
        await pilot.click(AccountTable, offset=(header.index("ARR"), 0))
        await pilot.pause()
        amounts = [row[r.ARR_MINOR] for row in table.rows]
        assert amounts == sorted(amounts, reverse=True)
        assert "ARR ▼" in shown_lines(table)[0]
        await pilot.press("S")
        amounts = [row[r.ARR_MINOR] for row in table.rows]
        assert amounts == sorted(amounts)


async def test_saved_views_and_the_owner_switch(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("1")
        assert table.row_count > 0
        assert {row[r.OWNER] for row in table.rows} == {TEST_USER}
        assert "My book" in str(app.screen.query_one("#list-view").render())
        await pilot.press("3")
        horizon = FROZEN_TODAY + timedelta(days=120)
        assert table.row_count > 0
        assert all(FROZEN_TODAY <= row[r.RENEWAL_ON] <= horizon for row in table.rows)
        await pilot.press("5", "o")
        first_owner = table.rows[0][r.OWNER]
        assert {row[r.OWNER] for row in table.rows} == {first_owner}
        assert first_owner in str(app.screen.query_one("#list-view").render())


async def test_enter_opens_the_account_and_escape_comes_back_to_the_same_row(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        chosen = table.rows[2]
        assert app.screen.query_one("#account-title").render().plain == chosen[r.NAME]  # type: ignore[union-attr]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AccountListScreen)
        assert table_of(app).cursor_key == chosen[r.ID]


async def test_rescoring_from_the_palette_reports_and_reloads_the_list(
    book: Path, make_app: AppFactory
) -> None:
    import sqlite3

    connection = sqlite3.connect(book)
    connection.execute("UPDATE account_summary SET score = NULL, band = ''")
    connection.commit()
    connection.close()
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert all(row[r.SCORE] is None for row in table_of(app).rows)
        await pilot.press("ctrl+p", *"rescore")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert any(
            n.message.startswith(f"Rescored {BOOK_ACCOUNTS} accounts") for n in app._notifications
        )
        assert sum(row[r.SCORE] is not None for row in table_of(app).rows) > BOOK_ACCOUNTS // 2
        assert app.activity == ""
