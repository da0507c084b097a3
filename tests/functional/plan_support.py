"""Opening an account's success plan in the app and reading what the plan editor shows."""

from typing import Any

from textual.pilot import Pilot

from cs_tui.data.plans.read import get_plan
from cs_tui.domain.book import account_row as r
from cs_tui.domain.plans.views import PlanView
from cs_tui.screens.plan.screen import PlanScreen
from tests.app_support import settle, shown_text

NO_PLAN = "Ashford Publishing"  # no plan; stakeholders Rita Philippe and Katja de Roo
AGREED_PLAN = "Alegre Trust AG"  # an agreed plan from the adoption template, two objectives


def account_id(app: Any, name: str) -> str:
    return next(row[r.ID] for row in app.book.ordered("name", False) if row[r.NAME] == name)


def list_row(app: Any, name: str) -> tuple[Any, ...]:
    return next(row for row in app.book.ordered("name", False) if row[r.NAME] == name)


async def open_plan(pilot: Pilot[Any], name: str) -> str:
    """Push the plan screen of the named account and wait until it shows; the account's id."""
    await settle(pilot)
    found = account_id(pilot.app, name)
    pilot.app.push_screen(PlanScreen(found))
    await settle(pilot)
    assert isinstance(pilot.app.screen, PlanScreen)
    return found


def text_of(app: Any, selector: str) -> str:
    """What the widget shows, with runs of spaces folded (so columns don't matter)."""
    return " ".join(shown_text(app.screen.query_one(selector)).split())


def item_lines(app: Any) -> list[str]:
    """The lines of objectives and milestones as the user sees them, spaces folded."""
    lines = shown_text(app.screen.query_one("#plan-items")).splitlines()
    return [" ".join(line.split()) for line in lines if line.strip()]


def stored_plan(app: Any, name: str) -> PlanView:
    plan = get_plan(app.store.get(), name)
    assert plan is not None
    return plan


def notifications(app: Any) -> list[str]:
    return [notification.message for notification in app._notifications]


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)


async def replace_text(pilot: Pilot[Any], text: str) -> None:
    """Clear the focused field and type `text` (ctrl+u deletes to the start, end first)."""
    await pilot.press("end", "ctrl+u", *text)


async def choose(pilot: Pilot[Any], downs: int) -> None:
    """In a focused Select: open it, move `downs` options down from the current one, pick it."""
    await pilot.press("enter", *(["down"] * downs), "enter")
    await pilot.pause()
