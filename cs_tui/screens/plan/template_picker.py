"""Choosing a success-plan template and the day it starts from.

Lists the shipped templates and the user's own (from the config folder), each with its description
and what it lays out; a user file that cannot be read is named with the reason, never applied.
"""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from cs_tui.domain.day_words import DayWordError, parse_day
from cs_tui.domain.plans.template import PlanTemplate
from cs_tui.io.plan_templates import TemplateCatalog
from cs_tui.screens.plan.form_base import DAY_PLACEHOLDER, field_row
from cs_tui.widgets.worker_failures import ReportsWorkerFailures


@dataclass(frozen=True)
class TemplateChoice:
    key: str
    name: str
    start_on: date


def template_prompt(template: PlanTemplate) -> Text:
    """Name and key, the description, then what it lays out and where it comes from."""
    milestones = sum(len(o.milestones) for o in template.objectives)
    source = "shipped" if template.source == "shipped" else f"yours: {template.source}"
    return Text.assemble(
        (template.name, "bold"),
        (f"  ({template.key})\n", "dim"),
        f"  {template.description or 'No description.'}\n",
        (f"  {len(template.objectives)} objectives, {milestones} milestones · {source}", "dim"),
    )


class TemplatePicker(ReportsWorkerFailures, ModalScreen[TemplateChoice | None]):
    """Up/down picks a template, the start day defaults to today; enter or ctrl+s applies it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="plan_template.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="plan_template.apply", priority=True),
    ]

    def __init__(self, *, today: date, account_name: str) -> None:
        super().__init__()
        self.today = today
        self.account_name = account_name
        self.catalog = TemplateCatalog()

    def compose(self) -> ComposeResult:
        with Vertical(id="template-picker", classes="dialog plan-form"):
            yield Static(f"Apply a template to {self.account_name}", classes="dialog-title")
            yield Static(
                "Its objectives and milestones are added after the plan's own, due dates "
                "counted from the start day. Up and down choose, tab goes to the start day, "
                "enter applies.",
                classes="hint",
            )
            yield OptionList(id="template-list")
            yield Static("", id="template-problems", classes="hint")
            yield field_row(
                "Start on",
                Input(self.today.isoformat(), placeholder=DAY_PLACEHOLDER, id="template-start",
                      compact=True),
            )  # fmt: skip
            yield Static("", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply (ctrl+s)", id="apply", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#template-list", OptionList).loading = True
        self._load_catalog()

    def show_task_failure(self, message: str) -> bool:
        if not self.is_attached:
            return False
        self.query_one(".form-error", Static).update(message)
        return True

    @work(thread=True, exit_on_error=False, exclusive=True, group="plan-templates")
    def _load_catalog(self) -> None:
        from cs_tui.io.plan_templates import TemplateError, load_catalog

        try:
            catalog = load_catalog()
        except TemplateError as error:
            catalog = TemplateCatalog(problems=(str(error),))
        self.app.call_from_thread(self._show_catalog, catalog)

    def _show_catalog(self, catalog: TemplateCatalog) -> None:
        self.catalog = catalog
        listing = self.query_one("#template-list", OptionList)
        listing.loading = False
        listing.add_options(
            Option(template_prompt(t), id=key) for key, t in catalog.templates.items()
        )
        if catalog.templates:
            listing.highlighted = 0
        problems = self.query_one("#template-problems", Static)
        problems.update("\n".join(f"Skipped {problem}" for problem in catalog.problems))
        problems.display = bool(catalog.problems)
        listing.focus()

    def choice(self) -> TemplateChoice | str:
        """The chosen template and start day, or what is wrong."""
        listing = self.query_one("#template-list", OptionList)
        option = listing.highlighted_option
        if option is None or option.id is None:
            return "Choose a template first (up and down move through the list)."
        typed = self.query_one("#template-start", Input).value.strip() or "today"
        try:
            start = parse_day(typed, self.today)
        except DayWordError as error:
            return f"Start on: {error}"
        return TemplateChoice(option.id, self.catalog.templates[option.id].name, start)

    def action_apply(self) -> None:
        choice = self.choice()
        if isinstance(choice, str):
            self.query_one(".form-error", Static).update(choice)
        else:
            self.dismiss(choice)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#template-list")
    @on(Input.Submitted, "#template-start")
    @on(Button.Pressed, "#apply")
    def _apply_requested(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)
