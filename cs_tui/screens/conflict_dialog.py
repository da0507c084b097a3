"""When a field the user changed was changed by someone else since their form opened.

The dialog shows, per field, what the form opened with, what is stored now (theirs) and what the
user typed (mine), and lets them choose: keep mine (write over theirs), take theirs (save the rest
of the form without those fields) or cancel (nothing saved, back to the form).
"""

from typing import ClassVar, Literal

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from cs_tui.data.accounts.edit_fields import EditConflictError, Labeller, label_of_field

Choice = Literal["mine", "theirs"]


def conflict_table(error: EditConflictError, label: Labeller) -> Table:
    table = Table(box=None, expand=True, header_style="bold", pad_edge=False)
    for heading in ("Field", "When you opened it", "Now (theirs)", "Yours"):
        table.add_column(heading, overflow="fold")
    for conflict in error.conflicts:
        table.add_row(
            label_of_field(conflict.field, label),
            error.text(conflict.field, conflict.opened) or "(empty)",
            error.text(conflict.field, conflict.theirs) or "(empty)",
            error.text(conflict.field, conflict.mine) or "(empty)",
        )
    return table


class ConflictDialog(ModalScreen[Choice | None]):
    """Keep mine (`m`), take theirs (`t`) or cancel (`escape`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('mine')", "Keep mine", id="conflict.mine"),
        Binding("t", "choose('theirs')", "Take theirs", id="conflict.theirs"),
        Binding("escape", "cancel", "Cancel", id="conflict.cancel"),
    ]

    def __init__(self, record: str, error: EditConflictError, label: Labeller) -> None:
        super().__init__()
        self.record = record
        self.error = error
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(id="conflict-dialog", classes="dialog"):
            yield Static(f"{self.record} was changed since you opened it", classes="dialog-title")
            yield Static(
                "Someone else saved these fields meanwhile. Nothing is saved until you choose.",
                classes="hint",
            )
            yield Static(conflict_table(self.error, self.label), id="conflict-fields")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine (m)", id="mine", variant="primary")
                yield Button("Take theirs (t)", id="theirs")
                yield Button("Cancel (esc)", id="cancel")

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#mine")
    def _mine(self) -> None:
        self.dismiss("mine")

    @on(Button.Pressed, "#theirs")
    def _theirs(self) -> None:
        self.dismiss("theirs")

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
