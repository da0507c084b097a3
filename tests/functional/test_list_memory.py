"""The account list across runs and currencies: it remembers its view, "At risk" means red by
renewal, totals name their currencies, and an override shows in the health column."""

import json
import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from cs_tui.config import LaunchSettings
from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.scoring.health_writes import set_override
from cs_tui.data.store.database import open_database
from cs_tui.domain.book import account_row as r
from cs_tui.domain.money import ExchangeRates
from cs_tui.screens.account_list import AccountListScreen
from cs_tui.widgets.account_table import AccountTable
from tests.app_support import SIZE, AppFactory, settle
from tests.conftest import FROZEN_TODAY, TEST_USER, frozen_clock
from tests.functional.test_account_list import footer_text, shown_lines, table_of


def view_label(app: object) -> str:
    return str(app.screen.query_one("#list-view").render())  # type: ignore[attr-defined]


def state_file() -> Path:
    return Path(os.environ["CS_TUI_DATA_DIR"]) / "view-state.json"


async def test_the_list_reopens_on_the_last_view_filter_and_sort(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "s", "s", "s", "slash", *"co")  # no touch · by ARR · "co"
        await pilot.pause()
        query = app.screen.list_query  # type: ignore[attr-defined]
        assert (query.view.value, query.sort, query.text) == ("no_touch", "arr", "co")
        shown = [row[r.ID] for row in table_of(app).rows]
    saved = json.loads(state_file().read_text("utf-8"))
    assert saved["account_list"]["view"] == "no_touch"

    again = make_app(book)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, AccountListScreen)
        assert "No touch past cadence" in view_label(again)
        assert again.screen.query_one("#filter").value == "co"  # type: ignore[attr-defined]
        assert [row[r.ID] for row in table_of(again).rows] == shown
        assert "ARR ▼" in shown_lines(table_of(again))[0]


async def test_a_damaged_state_file_opens_the_default_view(
    book: Path, make_app: AppFactory
) -> None:
    state_file().parent.mkdir(parents=True, exist_ok=True)
    state_file().write_text('{"account_list": {"view": "gone", "sort": 3', "utf-8")
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert view_label(app).startswith("All")
        assert app.screen.list_query.sort == "name"  # type: ignore[attr-defined]


async def test_at_risk_is_the_red_accounts_soonest_renewal_first(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")  # by owner first: the view brings its own order
        await pilot.press("2")
        rows = table_of(app).rows
        assert rows and {row[r.BAND] for row in rows} == {"red"}
        everyone_red = [row for row in app.book.ordered("name", False) if row[r.BAND] == "red"]  # type: ignore[union-attr]
        assert len(rows) == len(everyone_red)
        dated = [row[r.RENEWAL_ON] for row in rows if row[r.RENEWAL_ON] is not None]
        assert dated == sorted(dated)
        assert "Renewal ▲" in shown_lines(table_of(app))[0]


async def test_the_footer_names_each_currency_or_converts_with_the_config_rates(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        currencies = {row[r.CURRENCY] for row in table_of(app).rows}
        assert len(currencies) > 1  # the demo book holds several
        footer = footer_text(app)
        for code in currencies:
            assert code in footer
        assert "$" not in footer and "€" not in footer
    rates = {code: Decimal("1.1") for code in currencies if code != "USD"}
    converted = make_app(book, currency=ExchangeRates(base="USD", rates=rates))
    async with converted.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = footer_text(converted)
        assert footer.count("USD") == 1 and "at 1.1" in footer
        assert " · EUR" not in footer


async def test_an_override_shows_in_the_health_column(book: Path, make_app: AppFactory) -> None:
    db = open_database(str(book), user=TEST_USER, clock=frozen_clock)
    try:  # the account first by name gets a manual score
        target = min(fetch_account_rows(db), key=lambda row: row[r.NAME].casefold())
        set_override(db, target[r.ID], score=12, reason="Sponsor left",
                     expires_on=FROZEN_TODAY + timedelta(days=30))  # fmt: skip
    finally:
        db.close()
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = next(line for line in shown_lines(app.screen.query_one(AccountTable))
                    if target[r.NAME][:10] in line)  # fmt: skip
        assert "12 At risk" in line and "override" in line


def test_launch_settings_default_to_totals_per_currency() -> None:
    assert LaunchSettings(database_url="sqlite://", user="x").currency == ExchangeRates()
