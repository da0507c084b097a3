"""An account's success plan on a screen of its own, full size; `escape` goes back.

The same `PlanPanel` that Account 360 shows as its "Plan" tab, with room for long plans.
"""

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from cs_tui.screens.plan.panel import PlanPanel


class PlanScreen(Screen[None]):
    """The success-plan editor for one account."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="plan.back"),
    ]

    def __init__(self, account_id: str) -> None:
        super().__init__()
        self.account_id = account_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Success plan", id="plan-title", classes="screen-title")
        yield PlanPanel(self.account_id, id="plan-panel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PlanPanel).focus()

    @on(PlanPanel.Loaded)
    def _plan_loaded(self, event: PlanPanel.Loaded) -> None:
        self.sub_title = event.account_name
        self.query_one("#plan-title", Static).update(f"Success plan · {event.account_name}")
