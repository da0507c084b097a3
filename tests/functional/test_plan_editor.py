"""The success-plan editor, driven by keyboard only: from no plan to an agreed plan from a template."""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from cs_tui.domain.book import account_row as r
from cs_tui.screens.plan.forms import PlanStatusForm
from cs_tui.screens.plan.item_forms import MilestoneForm, ObjectiveForm
from cs_tui.screens.plan.panel import PlanPanel
from cs_tui.screens.plan.screen import PlanScreen
from cs_tui.screens.plan.template_picker import TemplatePicker
from tests.app_support import SIZE, AppFactory, settle
from tests.conftest import FROZEN_TODAY
from tests.functional.plan_support import (
    NO_PLAN,
    choose,
    item_lines,
    list_row,
    notifications,
    open_plan,
    replace_text,
    stored_plan,
    text_of,
    type_text,
)


async def apply_onboarding_from(pilot: Pilot[Any], start: str) -> None:
    app = pilot.app
    await pilot.press("T")
    await settle(pilot)
    assert isinstance(app.screen, TemplatePicker)
    listing = text_of(app, "#template-list")
    assert "Onboarding (onboarding)" in listing and "First 90 days" in listing
    assert "Renewal readiness" in listing and "2 objectives, 6 milestones · shipped" in listing
    await pilot.press("down", "down")  # adoption, expansion, onboarding
    await pilot.press("tab")
    await replace_text(pilot, start)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, PlanScreen)


async def edit_first_target(pilot: Pilot[Any], target: str) -> None:
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ObjectiveForm)
    await pilot.press("tab", "tab", "tab")  # title, metric, baseline, target
    await replace_text(pilot, target)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def add_customer_milestone(pilot: Pilot[Any], title: str, owner_start: str, due: str) -> None:
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MilestoneForm)
    await type_text(pilot, title)
    await pilot.press("tab")
    await choose(pilot, 1)  # ours -> customer
    await pilot.press("tab")
    await type_text(pilot, owner_start)
    await settle(pilot)  # the owner is suggested from the account's stakeholders
    await pilot.press("right", "tab")
    await type_text(pilot, due)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def agree_on(pilot: Pilot[Any], day: str) -> None:
    await pilot.press("tab")
    await replace_text(pilot, day)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_plan_from_empty_to_agreed_with_a_template(
    book: Path, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot, NO_PLAN)
        assert "Success plan · Ashford Publishing" in text_of(app, "#plan-title")
        empty = text_of(app, "#plan-hint")
        assert "Ashford Publishing has no success plan yet." in empty
        assert "T apply a template" in empty and "n start the plan" in empty

        await apply_onboarding_from(pilot, "2026-06-01")
        header = text_of(app, "#plan-header")
        assert "Status ○ Draft (not agreed yet)" in header and "Template onboarding" in header
        assert "Started 2026-06-01" in header and "Review 2026-07-01" in header
        lines = item_lines(app)
        assert lines[0].startswith("1. First team live on the product ○ Not started")
        assert "1.1 Kick-off call with sponsor and champion ours: daisy.moore due 2026-06-06" in (
            " ".join(lines)
        )
        assert "2. Core features in use" in " ".join(lines)
        plan = stored_plan(app, NO_PLAN)
        assert (len(plan.objectives), plan.started_on) == (2, FROZEN_TODAY.replace(day=1))
        assert sum(len(o.milestones) for o in plan.objectives) == 6

        await edit_first_target(pilot, "40")  # the cursor rests on the first new objective
        assert stored_plan(app, NO_PLAN).objectives[0].target == 40
        assert "→ 40 users by 2026-07-31" in item_lines(app)[1]

        await add_customer_milestone(pilot, "Champion demo to the team", "katja", "+2w")
        milestones = stored_plan(app, NO_PLAN).objectives[0].milestones
        added = milestones[-1]
        assert (added.title, added.side, added.owner) == (
            "Champion demo to the team",
            "customer",
            "Katja de Roo",
        )
        assert added.stakeholder_id is not None
        demo_line = next(line for line in item_lines(app) if "Champion demo" in line)
        assert "1.4 Champion demo to the team customer: Katja de Roo due 2026-06-29" in demo_line
        assert "○ To do" in demo_line

        await pilot.press("x")  # the cursor is on the milestone just added
        await settle(pilot)
        demo_line = next(line for line in item_lines(app) if "Champion demo" in line)
        assert demo_line.endswith("✓ Done 2026-06-15")
        assert stored_plan(app, NO_PLAN).objectives[0].milestones[-1].status == "done"

        await pilot.press("delete")
        await settle(pilot)
        assert not any("Champion demo" in line for line in item_lines(app))
        assert "Deleted milestone “Champion demo to the team”. Press u to undo." in notifications(
            app
        )
        assert len(stored_plan(app, NO_PLAN).objectives[0].milestones) == 3
        await pilot.press("u")
        await settle(pilot)
        demo_line = next(line for line in item_lines(app) if "Champion demo" in line)
        assert demo_line.endswith("✓ Done 2026-06-15")

        await pilot.press("end")  # the last milestone of the second objective...
        await pilot.press("up", "up", "up")  # ...up to the objective itself
        assert app.screen.query_one(PlanPanel).selected().title == "Core features in use"
        await pilot.press("K")
        await settle(pilot)
        assert item_lines(app)[0].startswith("1. Core features in use")
        assert [o.title for o in stored_plan(app, NO_PLAN).objectives] == [
            "Core features in use",
            "First team live on the product",
        ]

        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanStatusForm)
        await choose(pilot, 1)  # draft -> agreed
        await agree_on(pilot, "+3d")
        assert isinstance(app.screen, PlanStatusForm)
        assert "2026-06-18 is in the future" in text_of(app, ".form-error")
        assert stored_plan(app, NO_PLAN).status == "draft"
        await replace_text(pilot, "2026-06-12")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert "Status ◉ Agreed on 2026-06-12" in text_of(app, "#plan-header")
        plan = stored_plan(app, NO_PLAN)
        assert (plan.status, plan.agreed_on) == ("agreed", FROZEN_TODAY.replace(day=12))
        assert list_row(app, NO_PLAN)[r.PLAN_STATUS] == "agreed"  # the list follows

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PlanScreen)
