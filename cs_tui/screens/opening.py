"""Shown while the store opens the full way (first run, a migration, a server)."""

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Header, LoadingIndicator, Static


class OpeningScreen(Screen[None]):
    def __init__(self, database: str) -> None:
        super().__init__()
        self.database = database

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center():
            yield Static(f"Opening {self.database}…", id="opening-label")
            yield LoadingIndicator()
        yield Footer()
