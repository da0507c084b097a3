"""Shown while the store opens the full way (first run, a migration, a server)."""

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Header, LoadingIndicator, Static

from cs_tui.widgets.key_footer import KeyFooter


class OpeningScreen(Screen[None]):
    DEFAULT_CSS = """
    OpeningScreen {
        #opening-label {
            width: auto;
        }
    }
    """

    def __init__(self, database: str) -> None:
        super().__init__()
        self.database = database

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center():
            yield Static(f"Opening {self.database}…", id="opening-label")
            yield LoadingIndicator()
        yield KeyFooter()
