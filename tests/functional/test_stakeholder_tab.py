"""The Stakeholders tab of Account 360: n new, e edit, delete (confirmed), u undo; one primary."""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from cs_tui.data.stakeholders.people import list_stakeholders
from cs_tui.screens.account.screen import AccountScreen
from cs_tui.screens.account.stakeholder_form import StakeholderForm
from cs_tui.screens.account.stakeholder_tab import StakeholderTab
from cs_tui.screens.confirm import ConfirmDialog
from tests.app_support import SIZE, AppFactory, settle
from tests.functional.plan_support import account_id, notifications, replace_text
from tests.functional.test_account_form import focus_field, text_of

ACCOUNT = "Ashford Publishing"  # stakeholders Rita Philippe and Katja de Roo


def people(app: Any, account: str) -> list[tuple[str, str, bool]]:
    found = list_stakeholders(app.store.get(), account).people
    return [(p.name, p.title, p.is_primary) for p in found]


async def open_stakeholders(pilot: Pilot[Any]) -> str:
    await settle(pilot)
    found = account_id(pilot.app, ACCOUNT)
    pilot.app.open_account(found)
    await settle(pilot)
    assert isinstance(pilot.app.screen, AccountScreen)
    await pilot.press("5")
    await pilot.pause()
    tab = pilot.app.screen.query_one(StakeholderTab)
    assert tab.table.has_focus
    return found


async def test_n_adds_a_person_and_a_new_primary_clears_the_old(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        found = await open_stakeholders(pilot)
        before = people(app, found)
        assert {name for name, _, _ in before} >= {"Rita Philippe", "Katja de Roo"}
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StakeholderForm)
        await focus_field(pilot, "name")
        await pilot.press(*"Bob Smith")
        await focus_field(pilot, "email")
        await pilot.press(*"bob at ashford")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StakeholderForm)  # a bad address is shown, nothing saved
        assert "E-mail: email 'bob at ashford' is not an e-mail address" in text_of(
            app, ".form-error"
        )
        await replace_text(pilot, "bob@ashford.example")
        await focus_field(pilot, "primary")
        await pilot.press("enter", "up", "enter")  # no -> yes
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        after = people(app, found)
        assert after[0] == ("Bob Smith", "", True)
        assert [p for p in after if p[2]] == [("Bob Smith", "", True)]  # one primary
        assert len(after) == len(before) + 1
        assert "Bob Smith" in text_of(app, "#stakeholder-table")


async def test_e_edits_the_highlighted_person_only_where_changed(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        found = await open_stakeholders(pilot)
        tab = app.screen.query_one(StakeholderTab)
        person = tab.selected()
        assert person is not None
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, StakeholderForm)
        assert app.screen.value_of("name") == person.name
        await focus_field(pilot, "title")
        await replace_text(pilot, "Chief Customer Officer")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        edited = next(p for p in list_stakeholders(app.store.get(), found).people
                      if p.id == person.id)  # fmt: skip
        assert edited.title == "Chief Customer Officer"
        assert (edited.name, edited.email, edited.role) == (person.name, person.email, person.role)


async def test_delete_asks_and_u_undoes_it(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        found = await open_stakeholders(pilot)
        before = people(app, found)
        person = app.screen.query_one(StakeholderTab).selected()
        assert person is not None
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert people(app, found) == before
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert person.name not in [name for name, _, _ in people(app, found)]
        assert f"Deleted {person.name}. Press u to undo." in notifications(app)
        assert person.name not in text_of(app, "#stakeholder-table")
        app.screen.query_one(StakeholderTab).focus_table()
        await pilot.press("u")
        await settle(pilot)
        assert people(app, found) == before
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo." in notifications(app)
