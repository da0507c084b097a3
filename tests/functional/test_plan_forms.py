"""The plan editor's forms: mistakes are shown where they were made and nothing is saved."""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from cs_tui.data.plans.read import get_plan
from cs_tui.data.stakeholders.people import list_stakeholders
from cs_tui.screens.confirm import ConfirmDialog
from cs_tui.screens.plan.forms import ExpectationsForm, PlanStatusForm
from cs_tui.screens.plan.item_forms import MilestoneForm, ObjectiveForm
from cs_tui.screens.plan.screen import PlanScreen
from tests.app_support import SIZE, AppFactory, settle
from tests.functional.plan_support import (
    AGREED_PLAN,
    NO_PLAN,
    choose,
    item_lines,
    open_plan,
    replace_text,
    stored_plan,
    text_of,
    type_text,
)


async def save_and_expect_problem(pilot: Pilot[Any], form: type, problem: str) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, form)
    assert problem in text_of(pilot.app, ".form-error")


async def test_a_target_equal_to_its_baseline_is_refused_inline(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, AGREED_PLAN)
        before = stored_plan(app, AGREED_PLAN)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ObjectiveForm)
        await save_and_expect_problem(pilot, ObjectiveForm, "Title: give the objective a title.")
        await type_text(pilot, "Fewer open tickets")
        await pilot.press("tab")
        await type_text(pilot, "open_tickets")
        await pilot.press("tab")
        await type_text(pilot, "ten")
        await save_and_expect_problem(pilot, ObjectiveForm, "Baseline: 'ten' is not a number")
        await replace_text(pilot, "12")
        await pilot.press("tab")
        await type_text(pilot, "12")
        await save_and_expect_problem(
            pilot, ObjectiveForm, "Target equals baseline: the objective would measure no change"
        )
        await pilot.press("tab", "tab")  # unit, due
        await type_text(pilot, "someday")
        await pilot.press("shift+tab", "shift+tab")
        await replace_text(pilot, "6")
        await save_and_expect_problem(pilot, ObjectiveForm, "Due: 'someday' is not a date")
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert stored_plan(app, AGREED_PLAN) == before


async def test_a_customer_owner_must_be_a_stakeholder(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, AGREED_PLAN)
        before = stored_plan(app, AGREED_PLAN)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MilestoneForm)
        assert "New milestone: Shorten time to onboard a hire" in app.screen.heading
        await type_text(pilot, "Sign-off call")
        await pilot.press("tab")
        await choose(pilot, 1)
        assert "Customer side: one of the account's stakeholders" in text_of(
            app, "#milestone-owner-hint"
        )
        await pilot.press("tab")
        await type_text(pilot, "Bob Nobody")
        await pilot.press("ctrl+s")  # asked first whether to add them; declining refuses inline
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Add Bob Nobody as a stakeholder?" in text_of(app, "#confirm-question")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MilestoneForm)
        assert "Owner: 'Bob Nobody' is not a stakeholder of this account" in text_of(
            app, ".form-error"
        )
        assert "Françoise Alba" in text_of(app, ".field-problem")  # the names it could be, in full
        await pilot.press("escape", "y")
        await settle(pilot)
        assert stored_plan(app, AGREED_PLAN) == before


async def test_a_new_customer_owner_can_be_added_as_a_stakeholder_from_the_form(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        found = await open_plan(pilot, AGREED_PLAN)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MilestoneForm)
        await type_text(pilot, "Sign-off call")
        await pilot.press("tab")
        await choose(pilot, 1)
        await pilot.press("tab")
        await type_text(pilot, "bob  smith")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Add bob smith as a stakeholder?" in text_of(app, "#confirm-question")
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        people = list_stakeholders(app.store.get(), found).people
        assert "bob smith" in [p.name for p in people]
        milestones = [m for o in stored_plan(app, AGREED_PLAN).objectives for m in o.milestones]
        added = next(m for m in milestones if m.title == "Sign-off call")
        assert (added.side, added.owner) == ("customer", "bob smith")


async def test_agreeing_needs_a_day_that_is_not_in_the_future(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, NO_PLAN)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanStatusForm)
        await choose(pilot, 2)  # draft -> active
        await pilot.press("tab", "end", "ctrl+u")
        await save_and_expect_problem(
            pilot, PlanStatusForm, "needs the day the customer agreed to it"
        )
        await type_text(pilot, "2026-07-01")
        await save_and_expect_problem(pilot, PlanStatusForm, "2026-07-01 is in the future")
        await pilot.press("escape", "y")
        await settle(pilot)
        assert get_plan(app.store.get(), NO_PLAN) is None
        assert "No success plan yet" in text_of(app, "#plan-header")  # nothing was started


async def test_expectations_are_written_in_the_customers_words(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, NO_PLAN)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ExpectationsForm)
        await type_text(pilot, "Spreadsheets broke at 40 people")
        await pilot.press("tab")
        await type_text(pilot, "Reports take two days")
        await pilot.press("tab")
        await type_text(pilot, "Board pack in an hour")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        shown = text_of(app, "#plan-expectations")
        assert "Why they bought Pain points Success means" in shown
        assert "Spreadsheets broke at 40 people" in shown and "Board pack in an hour" in shown
        plan = stored_plan(app, NO_PLAN)
        assert (plan.status, plan.pain_points) == ("draft", "Reports take two days")
        assert "No objectives yet: n adds one, T applies a template." in text_of(app, "#plan-hint")
        assert item_lines(app) == []


async def test_a_non_finite_baseline_or_target_is_refused_inline(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, AGREED_PLAN)
        before = stored_plan(app, AGREED_PLAN)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ObjectiveForm)
        await type_text(pilot, "More users")
        await pilot.press("tab", "tab")  # metric, baseline
        await type_text(pilot, "nan")
        await save_and_expect_problem(
            pilot, ObjectiveForm, "Baseline: 'nan' is not a finite number"
        )
        await replace_text(pilot, "10")
        await pilot.press("tab")
        await type_text(pilot, "1e999")
        await save_and_expect_problem(
            pilot, ObjectiveForm, "Target: '1e999' is not a finite number"
        )
        assert stored_plan(app, AGREED_PLAN) == before
