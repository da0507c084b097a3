"""The plan panel as a tab of a host screen, its keys, and the rest of its editing keys."""

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent, TabPane

from cs_tui.data.plans.read import get_plan
from cs_tui.screens.plan.panel import PlanPanel
from cs_tui.screens.plan.screen import PlanScreen
from cs_tui.screens.plan.template_picker import TemplatePicker
from tests.app_support import SIZE, AppFactory, settle
from tests.functional.plan_support import (
    AGREED_PLAN,
    NO_PLAN,
    account_id,
    item_lines,
    notifications,
    open_plan,
    replace_text,
    stored_plan,
    text_of,
)


def test_every_key_has_an_id_and_says_what_it_does() -> None:
    for binding in PlanPanel.BINDINGS:
        assert isinstance(binding, Binding)
        assert binding.id and binding.id.startswith("plan.")
        assert binding.description
    ids = [b.id for b in PlanPanel.BINDINGS if isinstance(b, Binding)]
    assert len(ids) == len(set(ids))


class TabHost(Screen[None]):
    """A screen that embeds the panel as a tab, the way Account 360 does."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("4", "show_plan", "Plan")]

    def __init__(self, account: str) -> None:
        super().__init__()
        self.account = account
        self.changes: list[str] = []

    def compose(self) -> ComposeResult:
        with TabbedContent(id="account-tabs"):
            with TabPane("Health", id="tab-health"):
                yield Footer()
            with TabPane("Plan", id="tab-plan"):
                yield PlanPanel(self.account, id="plan")

    def action_show_plan(self) -> None:
        self.query_one(TabbedContent).active = "tab-plan"
        self.query_one(PlanPanel).focus()

    @on(PlanPanel.Changed)
    def _plan_changed(self, event: PlanPanel.Changed) -> None:
        self.changes.append(event.account_id)


async def test_as_a_tab_the_panel_answers_its_keys_and_reports_changes(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        account = account_id(app, AGREED_PLAN)
        host = TabHost(account)
        app.push_screen(host)
        await settle(pilot)
        await pilot.press("4")
        await pilot.pause()
        assert "Status ◉ Agreed on 2025-06-13" in text_of(app, "#plan-header")
        await pilot.press("down", "J")  # the first milestone moves below the second
        await settle(pilot)
        titles = [m.title for m in stored_plan(app, AGREED_PLAN).objectives[0].milestones]
        assert titles[:2] == ["Team leads trained", "Adoption review held"]
        assert "1.2 Adoption review held" in " ".join(item_lines(app))
        assert host.changes == [account]


async def test_an_objective_is_achieved_reopened_deleted_and_restored_with_its_milestones(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, AGREED_PLAN)
        panel = app.screen.query_one(PlanPanel)
        assert panel.check_action("undo", ()) is None  # nothing deleted yet: the key is off
        await pilot.press("K")
        await settle(pilot)
        assert "Shorten time to onboard a hire is already first." in notifications(app)
        await pilot.press("x")
        await settle(pilot)
        assert "1. Shorten time to onboard a hire ✓ Achieved 100%" in item_lines(app)[0]
        await pilot.press("x")
        await settle(pilot)
        assert "◐ On track" in item_lines(app)[0]

        await pilot.press("delete")
        await settle(pilot)
        assert item_lines(app)[0].startswith("1. Raise feature adoption")
        assert (
            "Deleted objective “Shorten time to onboard a hire” with its 3 milestones. "
            "Press u to undo." in notifications(app)
        )
        assert len(stored_plan(app, AGREED_PLAN).objectives) == 1
        await pilot.press("u")
        await settle(pilot)
        restored = stored_plan(app, AGREED_PLAN).objectives[0]
        assert (restored.title, len(restored.milestones)) == ("Shorten time to onboard a hire", 3)
        assert panel.selected().title == "Shorten time to onboard a hire"  # type: ignore[union-attr]
        assert panel.check_action("undo", ()) is None


async def test_enter_edits_the_milestone_under_the_cursor(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, AGREED_PLAN)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen.heading == "Edit milestone: Team leads trained"  # type: ignore[attr-defined]
        assert app.screen.query_one("#milestone-owner").value == "Rocío Stoffelsz"  # type: ignore[attr-defined]
        await pilot.press("tab", "tab", "end", "ctrl+u", *"jon")
        await settle(pilot)  # the stakeholder whose name starts so is suggested
        await pilot.press("right", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        milestone = stored_plan(app, AGREED_PLAN).objectives[0].milestones[1]
        assert (milestone.side, milestone.owner) == ("customer", "Jonathan Guillon")
        assert "Milestone saved: Team leads trained" in notifications(app)
        line = next(line for line in item_lines(app) if "Team leads trained" in line)
        assert "customer: Jonathan Guillon" in line


QBR_TEMPLATE = """
name = "QBR follow-through"
description = "What we promised at the last business review."

[[objectives]]
title = "Promises kept"
due_days = 30

  [[objectives.milestones]]
  title = "Recap sent to the sponsor"
  side = "ours"
  due_days = 2
"""


async def test_the_picker_lists_user_templates_and_names_the_ones_refused(
    book: Path, make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "config" / "templates"  # the test's config folder (conftest)
    folder.mkdir(parents=True)
    (folder / "qbr.toml").write_text(QBR_TEMPLATE, encoding="utf-8")
    (folder / "broken.toml").write_text('name = "Broken"\n', encoding="utf-8")
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, NO_PLAN)
        await pilot.press("T")
        await settle(pilot)
        listing = text_of(app, "#template-list")
        assert "QBR follow-through (qbr)" in listing and "1 objectives, 1 milestones · yours:" in (
            listing
        )
        assert "Skipped" in text_of(app, "#template-problems")
        assert "broken.toml: objectives" in text_of(app, "#template-problems")
        await pilot.press("up", "tab")  # the list starts on the first template (adoption)
        await replace_text(pilot, "next week")
        await pilot.press("enter")
        assert "Start on: 'next week' is not a date" in text_of(app, ".form-error")
        await pilot.press("escape")
        await settle(pilot)
        assert get_plan(app.store.get(), NO_PLAN) is None


async def test_remapped_keys_work_and_are_the_ones_the_panel_offers(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book, keymap={"plan.template": "g", "plan.add_objective": "o"})
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, NO_PLAN)
        offered = text_of(app, "#plan-hint")
        assert "g apply a template" in offered and "o start the plan" in offered
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, TemplatePicker)
