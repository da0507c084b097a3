"""Asked when escape would close a form holding typed text: "Discard changes?"

`y` discards (the form closes), `n`, escape or enter keep editing; the answer is True to discard.
"""

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class DiscardDialog(ModalScreen[bool]):
    """Discard what was typed, or go back to the form (the default)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Discard", id="discard.yes"),
        Binding("n", "answer(False)", "Keep editing", id="discard.no"),
        Binding("escape", "answer(False)", "Keep editing", show=False, id="discard.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="discard-dialog", classes="dialog"):
            yield Static("Discard changes?", classes="dialog-title", id="discard-question")
            yield Static("What you typed in this form will be lost.", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Discard (y)", id="discard", variant="error")
                yield Button("Keep editing (n)", id="keep", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss(False)
