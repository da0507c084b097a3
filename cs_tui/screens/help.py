"""`f1`: every key the current screen answers to, with its id (for remapping in the config)."""

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, header_style="bold", pad_edge=False)
        table.add_column("Key", no_wrap=True)
        table.add_column("Does")
        table.add_column("Id (for [keymap] in config.toml)", style="dim", no_wrap=True)
        for key, active in sorted(self.bindings.items(), key=lambda item: item[1].binding.action):
            binding = active.binding
            description = binding.description or binding.action.replace("_", " ")
            table.add_row(self.app.get_key_display(binding) or key, description, binding.id or "")
        with VerticalScroll(id="help", classes="dialog"):
            yield Static("Keys", classes="dialog-title")
            yield Static(table)
            yield Static(
                "Bindings never fire while you type in a text field. ctrl+p opens the command "
                'palette. Remap a key in config.toml: [keymap] app.accounts = "A"',
                classes="hint",
            )
