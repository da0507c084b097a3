"""The cold start's baseline: the least a Textual app can be, one Static that shows the keys typed.

Run as `python -m bench.trivial_app`, the same way `python -m cs_tui` starts the real app.
"""

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static

READY = "Trivial app ready"


class TrivialApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(READY, id="typed")

    def on_key(self, event: events.Key) -> None:
        if event.character and event.is_printable:
            self.query_one("#typed", Static).update(f"{READY} · typed {event.character}")


if __name__ == "__main__":
    TrivialApp().run()
