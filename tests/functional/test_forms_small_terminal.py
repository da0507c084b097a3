"""Every form at 80x24: it fits or scrolls with its buttons and problems in view, a problem shows
next to its field, keys typed right after opening land in the right fields, and escape asks before
throwing typed text away."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea

from cs_tui.screens.account.voice_form import ContactForm
from cs_tui.screens.discard import DiscardDialog
from cs_tui.screens.follow_ups.screen import FollowUpsScreen
from tests.app_support import AppFactory, settle, shown_text
from tests.functional.plan_support import AGREED_PLAN, open_plan
from tests.functional.test_voice_tab import first_account_name, import_pulse, open_voice

SMALL = (80, 24)


def value_of(app: Any, selector: str) -> str:
    widget = app.screen.query_one(selector)
    return widget.text if isinstance(widget, TextArea) else widget.value


def in_view(widget: Widget) -> bool:
    """Whether the widget is on screen, unhidden: the screen shows it at its own centre."""
    region = widget.region
    if region.area == 0:
        return False
    x, y = region.x + region.width // 2, region.y + region.height // 2
    width, height = widget.screen.size
    if not (0 <= x < width and 0 <= y < height):
        return False
    shown, _ = widget.screen.get_widget_at(x, y)
    return shown is widget or widget in shown.ancestors_with_self


async def to_list(pilot: Pilot[Any]) -> None:
    await settle(pilot)


async def to_account(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def to_plan(pilot: Pilot[Any]) -> None:
    await open_plan(pilot, AGREED_PLAN)


async def to_follow_ups(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FollowUpsScreen)


async def to_voice(pilot: Pilot[Any]) -> None:
    await open_voice(pilot)


@dataclass(frozen=True)
class FormCase:
    name: str
    reach: Callable[[Pilot[Any]], Awaitable[None]]
    key: str
    typed: tuple[tuple[str, str], ...]  # (selector, text) in tab order from the first field
    save_problem: str  # a word of the problem saving it empty shows

    def keys(self) -> list[str]:
        keys: list[str] = []
        for index, (_, text) in enumerate(self.typed):
            if index:
                keys.append("tab")
            keys += list(text)
        return keys


FORMS = [
    FormCase("check-in", to_list, "c",
             (("#summary", "summary text"), ("#next_steps", "next step")), "summary"),
    FormCase("sentiment", to_account, "s",
             (("#sentiment-value", "4"), ("#sentiment-reason", "budget freeze")), "value"),
    FormCase("override", to_account, "o",
             (("#override-score", "35"), ("#override-reason", "sponsor left"),
              ("#override-until", "2026-07-01")), "score"),
    FormCase("objective", to_plan, "n",
             (("#objective-title", "Cut tickets"), ("#objective-metric", "open_tickets")), "Title"),
    FormCase("snooze", to_follow_ups, "s",
             (("#day", "fri"), ("#reason", "out of office")), "day"),
    FormCase("milestone", to_plan, "m", (("#milestone-title", "Kick-off"),), "Title"),
]  # fmt: skip


@pytest.mark.parametrize("case", FORMS, ids=lambda case: case.name)
async def test_keys_typed_right_after_opening_land_in_their_fields(
    book: Path, make_app: AppFactory, case: FormCase
) -> None:
    app = make_app(book)
    async with app.run_test(size=SMALL) as pilot:
        await case.reach(pilot)
        await pilot.press(case.key, *case.keys())
        await settle(pilot)
        for selector, text in case.typed:
            assert value_of(app, selector).endswith(text), selector


@pytest.mark.parametrize("case", FORMS, ids=lambda case: case.name)
async def test_at_80x24_the_buttons_and_the_problem_stay_in_view(
    book: Path, make_app: AppFactory, case: FormCase
) -> None:
    app = make_app(book)
    async with app.run_test(size=SMALL) as pilot:
        await case.reach(pilot)
        await pilot.press(case.key)
        await settle(pilot)
        form = app.screen
        for selector, _ in case.typed:  # clear what the form filled in
            widget = form.query_one(selector)
            if isinstance(widget, Input):
                widget.value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form is app.screen
        assert in_view(form.query_one("#save")), "Save"
        assert in_view(form.query_one("#cancel")), "Cancel"
        problems = [w for w in form.query(".field-problem") if shown_text(w).strip()]
        assert problems, "no problem shown next to a field"
        assert case.save_problem.lower() in shown_text(problems[0]).lower()
        assert in_view(problems[0])


@pytest.mark.parametrize("case", FORMS, ids=lambda case: case.name)
async def test_escape_asks_before_discarding_typed_text(
    book: Path, make_app: AppFactory, case: FormCase
) -> None:
    app = make_app(book)
    async with app.run_test(size=SMALL) as pilot:
        await case.reach(pilot)
        below = app.screen
        await pilot.press(case.key)
        await settle(pilot)
        form = app.screen
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(pilot)
        assert app.screen is below
        await pilot.press(case.key, *case.keys())
        await settle(pilot)
        form = app.screen
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DiscardDialog)
        assert "Discard changes?" in shown_text(app.screen.query_one("#discard-question"))
        await pilot.press("n")  # keep editing: the text is still there
        await settle(pilot)
        assert app.screen is form
        selector, text = case.typed[0]
        assert value_of(app, selector).endswith(text)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is below


async def test_the_voice_form_fits_and_keeps_typed_keys(
    book: Path, make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(book)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        name = first_account_name(app)
    import_pulse(book, name, tmp_path)
    app = make_app(book)
    async with app.run_test(size=SMALL) as pilot:
        await to_voice(pilot)
        await pilot.press("a", "ctrl+u", *"Nia V.")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ContactForm)
        assert value_of(app, "#contact-name") == "Nia V."
        await pilot.press("ctrl+u", "ctrl+s")
        await settle(pilot)
        assert in_view(form.query_one("#save")) and in_view(form.query_one("#cancel"))
        problem = form.query_one(".field-problem")
        assert "give the person's name" in shown_text(problem) and in_view(problem)
        assert form.focused is form.query_one("#contact-name")
        await pilot.press("escape")  # the name was changed: ask
        await settle(pilot)
        assert isinstance(app.screen, DiscardDialog)
