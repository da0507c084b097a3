"""A database that cannot be opened (or only read-only): what happened and what to do, no traceback."""

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class StoreErrorScreen(ModalScreen[bool]):
    """Dismissed with True when the user continues (read-only), else the app quits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Quit", id="store_error.quit"),
        Binding("enter", "continue", "Continue read-only", id="store_error.continue", show=False),
    ]

    def __init__(self, message: str, hint: str, *, can_continue: bool = False) -> None:
        super().__init__()
        self.message = message
        self.hint = hint
        self.can_continue = can_continue

    def compose(self) -> ComposeResult:
        with Vertical(id="store-error", classes="dialog"):
            title = "Read-only" if self.can_continue else "The database cannot be opened"
            yield Static(title, classes="dialog-title")
            yield Static(self.message, id="store-error-message")
            if self.hint:
                yield Static(self.hint, id="store-error-hint", classes="hint")
            yield Static(
                "Use --db PATH_OR_URL or CS_TUI_DATABASE_URL to open another database; "
                "`cs-tui locate db` shows the default.",
                classes="hint",
            )
            with Horizontal(classes="dialog-buttons"):
                if self.can_continue:
                    yield Button("Continue read-only", id="continue", variant="primary")
                yield Button("Quit", id="quit", variant="error")

    @on(Button.Pressed, "#continue")
    def action_continue(self) -> None:
        if self.can_continue:
            self.dismiss(True)

    @on(Button.Pressed, "#quit")
    def action_leave(self) -> None:
        self.app.exit(return_code=1, message=f"{self.message}\n{self.hint}".strip())
