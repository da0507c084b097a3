"""Adding and editing accounts in the app: the form, New account, delete/restore, conflicts."""

from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from cs_tui.data.accounts.edits import edit_account
from cs_tui.data.accounts.records import get_account_detail
from cs_tui.data.store.database import open_database
from cs_tui.domain.book import account_row as r
from cs_tui.screens.account.account_form import AccountForm
from cs_tui.screens.account.screen import AccountScreen
from cs_tui.screens.account_list import AccountListScreen
from cs_tui.screens.confirm import ConfirmDialog
from cs_tui.screens.conflict_dialog import ConflictDialog
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import TEST_USER, frozen_clock
from tests.functional.plan_support import replace_text


def text_of(app: Any, selector: str) -> str:
    return " ".join(shown_text(app.screen.query_one(selector)).split())


async def open_first_account(pilot: Pilot[Any]) -> tuple[Any, ...]:
    await settle(pilot)
    row = next(iter(pilot.app.book.ordered("name", False)))
    pilot.app.open_account(row[r.ID])
    await settle(pilot)
    assert isinstance(pilot.app.screen, AccountScreen)
    return row


async def focus_field(pilot: Pilot[Any], key: str) -> None:
    pilot.app.screen.query_one(f"#field-{key}").focus()
    await pilot.pause()


def someone_else_edits(book: Path, account_id: str, typed: dict[str, str | bool]) -> None:
    db = open_database(str(book), user="sam", clock=frozen_clock)
    try:
        edit_account(db, account_id, typed)
    finally:
        db.close()


def stored(app: Any, account_id: str) -> Any:
    return get_account_detail(app.store.get(), account_id)


async def test_n_in_the_list_adds_an_account_and_opens_it(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = len(app.book.ordered("name", False))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AccountForm)
        assert "New account" in text_of(app, ".dialog-title")
        await pilot.press("ctrl+s")  # no name yet: refused inline, nothing written
        await pilot.pause()
        assert isinstance(app.screen, AccountForm)
        assert "Name: cannot be empty" in text_of(app, ".form-error")
        await focus_field(pilot, "name")
        await pilot.press(*"Zephyr Labs")
        await focus_field(pilot, "arr")
        await pilot.press(*"-10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ARR: ARR cannot be negative" in text_of(app, ".form-error")
        await replace_text(pilot, "48,000.00")
        await focus_field(pilot, "renewal")
        await pilot.press(*"2027-01-31")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        detail = app.screen.view.detail  # type: ignore[attr-defined]
        assert (detail.name, detail.arr_minor, detail.contract_end) == (
            "Zephyr Labs", 4_800_000, date(2027, 1, 31),
        )  # fmt: skip
        assert detail.owner == ""
        rows = app.book.ordered("name", False)
        assert len(rows) == before + 1
        assert any(row[r.NAME] == "Zephyr Labs" for row in rows)


async def test_new_account_is_in_the_command_palette(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"New account")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AccountForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AccountListScreen)


async def test_e_edits_only_the_fields_changed_and_the_list_follows(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        row = await open_first_account(pilot)
        before = stored(app, row[r.ID])
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, AccountForm)
        assert app.screen.value_of("name") == before.name
        await focus_field(pilot, "renewal")
        await replace_text(pilot, "2028-02-29")
        await focus_field(pilot, "owner")
        await replace_text(pilot, "sam")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        after = stored(app, row[r.ID])
        assert (after.contract_end, after.owner) == (date(2028, 2, 29), "sam")
        assert (after.arr_minor, after.tags, after.segment) == (
            before.arr_minor, before.tags, before.segment,
        )  # fmt: skip
        listed = next(x for x in app.book.ordered("name", False) if x[r.ID] == row[r.ID])
        assert (listed[r.OWNER], listed[r.RENEWAL_ON]) == ("sam", date(2028, 2, 29))
        assert "2028-02-29" in text_of(app, "#account-facts")


async def test_a_stale_form_keeps_the_other_change_and_asks_on_a_clash(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        row = await open_first_account(pilot)
        await pilot.press("e")
        await pilot.pause()
        # meanwhile someone else changes the seats and the renewal
        someone_else_edits(book, row[r.ID], {"seats": "777", "renewal": "2029-01-31"})
        await focus_field(pilot, "renewal")
        await replace_text(pilot, "2028-06-30")
        await focus_field(pilot, "industry")
        await replace_text(pilot, "Aerospace")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        table = text_of(app, "#conflict-fields")
        assert "Renewal" in table and "2029-01-31" in table and "2028-06-30" in table
        assert stored(app, row[r.ID]).industry != "Aerospace"  # nothing saved yet
        await pilot.press("t")  # take theirs: the rest of my form is saved
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        after = stored(app, row[r.ID])
        assert (after.contract_end, after.industry, after.licensed_seats) == (
            date(2029, 1, 31), "Aerospace", 777,
        )  # fmt: skip


async def test_keeping_mine_writes_over_theirs_and_cancel_saves_nothing(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        row = await open_first_account(pilot)
        await pilot.press("e")
        await pilot.pause()
        someone_else_edits(book, row[r.ID], {"owner": "lee"})
        await focus_field(pilot, "owner")
        await replace_text(pilot, "sam")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("escape")  # cancel: back to the form, nothing saved
        await pilot.pause()
        assert isinstance(app.screen, AccountForm)
        assert "Nothing was saved" in text_of(app, ".form-error")
        assert stored(app, row[r.ID]).owner == "lee"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        assert stored(app, row[r.ID]).owner == "sam"


async def test_delete_asks_first_and_restore_brings_the_account_back(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        row = await open_first_account(pilot)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert f"Delete {row[r.NAME]}?" in text_of(app, "#confirm-question")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        assert any(x[r.ID] == row[r.ID] for x in app.book.ordered("name", False))
        await pilot.press("D", "y")
        await settle(pilot)
        assert "(deleted: R restores it)" in text_of(app, "#account-title")
        assert not any(x[r.ID] == row[r.ID] for x in app.book.ordered("name", False))
        await pilot.press("e")  # a deleted account is not edited
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert text_of(app, "#account-title") == row[r.NAME]
        assert any(x[r.ID] == row[r.ID] for x in app.book.ordered("name", False))
        db = open_database(str(book), user=TEST_USER, clock=frozen_clock)
        try:
            assert get_account_detail(db, row[r.ID]).name == row[r.NAME]
        finally:
            db.close()


async def test_at_80x24_the_form_scrolls_and_its_buttons_and_problems_stay_in_view(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_account(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AccountForm)
        screen_region = form.region
        for selector in ("#save", "#cancel", ".form-error"):
            assert screen_region.contains_region(form.query_one(selector).region), selector
        await focus_field(pilot, "external_id")  # the last field: scrolled into view
        await pilot.pause()
        last = form.query_one("#field-external_id").region
        assert screen_region.contains_region(last)
        await pilot.press("end", *"-x", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
