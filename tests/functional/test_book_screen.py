"""The Book screen: a period's figures with their trend, stepping periods, grouping, currencies,
and the accounts behind a figure down to Account 360."""

from pathlib import Path
from typing import Any

from textual.widgets import DataTable, OptionList

from cs_tui.data.metrics.compute import metrics_for
from cs_tui.data.store.database import open_database
from cs_tui.domain.metrics.periods import parse_period
from cs_tui.screens.account.screen import AccountScreen
from cs_tui.screens.book import BookScreen
from cs_tui.screens.book_accounts import BookAccountsScreen
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import TEST_USER, frozen_clock


def header(app: Any) -> str:
    return " ".join(shown_text(app.screen.query_one("#book-header")).split())


def figure_row(app: Any, figure: str) -> list[str]:
    table = app.screen.query_one("#book-figures", DataTable)
    return [str(cell) for cell in table.get_row(figure)]


def expected_grr(book: Path, period: str, currency: str) -> str:
    db = open_database(str(book), user=TEST_USER, clock=frozen_clock)
    try:
        grr = metrics_for(db, parse_period(period)).total.money_in(currency).grr
    finally:
        db.close()
    return "-" if grr is None else f"{grr * 100:.1f}".removesuffix(".0") + "%"


async def test_the_last_full_quarter_with_trends(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BookScreen)
        assert "Book · 2026-Q1 (01 Jan 2026 to 31 Mar 2026) · whole book" in header(app)
        assert "Trend over 8 periods, 2024-Q2 to 2026-Q1" in header(app)
        currency = app.screen.currency
        assert currency is not None
        label, value, _detail, spark, arrow, _previous = figure_row(app, "grr")
        assert label.startswith("GRR")
        assert value == expected_grr(book, "2026-Q1", currency)
        assert len(spark) == 8 and arrow in "▲▼▶·"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "Book · 2025-Q4" in header(app)
        assert figure_row(app, "grr")[1] == expected_grr(book, "2025-Q4", currency)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert "Book · 2026-Q2" in header(app)


async def test_grouping_and_currency_by_key(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BookScreen)
        groups = screen.query_one("#book-groups", OptionList)
        assert groups.option_count == 1
        await pilot.press("g")
        await settle(pilot)
        assert "by owner at the start" in header(app)
        assert screen.trend is not None
        owners = [g.key for g in screen.trend.current.groups]
        assert groups.option_count == 1 + len(owners) > 2
        whole = figure_row(app, "accounts")[1]
        groups.focus()
        await pilot.press("down")
        await settle(pilot)
        assert f"by owner at the start · {owners[0]}" in header(app)
        first_group = screen.trend.current.groups[0]
        assert figure_row(app, "accounts")[1] == f"{first_group.accounts:,}"
        assert whole == f"{screen.trend.current.total.accounts:,}"
        await pilot.press("g")
        await settle(pilot)
        assert "by segment" in header(app)
        currencies = screen.trend.current.currencies
        before = screen.currency
        await pilot.press("m")
        assert (
            before
            == max(screen.trend.current.total.money, key=lambda m: (m.ending, m.starting)).currency
        )  # the currency holding the most ARR comes first
        after = currencies[(currencies.index(before) + 1) % len(currencies)]
        assert screen.currency == after


async def test_enter_lists_the_accounts_behind_a_figure(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BookScreen) and screen.trend is not None
        table = screen.query_one("#book-figures", DataTable)
        table.move_cursor(row=table.get_row_index("starting"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BookAccountsScreen)
        listed = app.screen.rows
        assert len(listed) == screen.trend.current.total.cohort > 0
        shown = shown_text(app.screen.query_one("#book-accounts-header"))
        assert f"Starting ARR · 2026-Q1 · customers at the start: {len(listed)} accounts" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        assert app.screen.account_id == listed[0][0].account_id
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, BookScreen)
        table.move_cursor(row=table.get_row_index("nps"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BookScreen)  # NPS comes from responses: a notice instead


async def test_the_palette_opens_the_book(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Book metrics")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BookScreen)
        assert "Book · 2026-Q1" in header(app)


async def test_accounts_without_an_owner_form_their_own_group(
    tmp_path: Path, make_app: AppFactory
) -> None:
    from cs_tui.data.accounts.records import create_account
    from cs_tui.models import AccountCreate
    from tests.unit.data.metrics_book import metrics_book

    path = tmp_path / "small.db"
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    try:
        metrics_book(db)
        create_account(db, AccountCreate(name="Orphan", arr_minor=70_000, currency="USD"))
    finally:
        db.close()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        groups = app.screen.query_one("#book-groups", OptionList)
        labels = [str(groups.get_option_at_index(i).prompt) for i in range(groups.option_count)]
        assert labels == ["Whole book", "(no owner)", "ana", "bo"]
        groups.focus()
        await pilot.press("down")
        await settle(pilot)
        assert "by owner at the start · (no owner)" in header(app)
        assert figure_row(app, "accounts")[1] == "1"
        # money shows in USD first (the book's largest ARR), then EUR
        assert figure_row(app, "starting")[:2] == ["Starting ARR (USD)", "$700"]
        await pilot.press("m")
        assert figure_row(app, "starting")[1] == "€0"
