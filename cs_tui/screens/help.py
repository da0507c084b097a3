"""`f1`: every key the current screen answers to, grouped by where it applies, with its id.

The id is what `[keymap]` in config.toml uses to remap a key.
"""

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

HIDDEN_ACTIONS = {"scroll_left", "scroll_right", "page_left", "page_right", "screen.copy_text"}
GROUPS = ("This screen", "Everywhere", "In the focused widget")


def _group_of(active: ActiveBinding) -> str:
    if isinstance(active.node, App):
        return "Everywhere"
    if isinstance(active.node, Screen):
        return "This screen"
    return "In the focused widget"


def bindings_table(app: App[object], bindings: Iterable[ActiveBinding]) -> Table:
    """One row per key, grouped (this screen, everywhere, the focused widget), in declared order."""
    table = Table(box=None, expand=True, header_style="bold", pad_edge=False)
    table.add_column("Key", no_wrap=True)
    table.add_column("Does")
    table.add_column(Text("Id (for [keymap] in config.toml)"), style="dim", no_wrap=True)
    grouped: dict[str, list[Binding]] = {group: [] for group in GROUPS}
    for active in bindings:
        if active.binding.action not in HIDDEN_ACTIONS:
            grouped[_group_of(active)].append(active.binding)
    for group, members in grouped.items():
        if not members:
            continue
        table.add_row(Text(group, style="bold underline"), "", "")
        for binding in members:
            description = binding.description or binding.action.replace("_", " ")
            table.add_row(app.get_key_display(binding), Text(description), binding.id or "")
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static("Keys", classes="dialog-title")
            yield Static(bindings_table(self.app, self.bindings.values()))
            yield Static(
                "Keys never fire while you type in a text field. ctrl+p opens the command "
                'palette. Remap a key in config.toml: [keymap] "app.accounts" = "A"',
                classes="hint",
                markup=False,
            )
