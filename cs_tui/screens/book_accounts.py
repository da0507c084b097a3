"""The accounts behind one of the Book screen's figures; `enter` opens the account."""

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from cs_tui.domain.metrics.book import BEHIND, BookMetrics, accounts_behind
from cs_tui.domain.money import format_money
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.key_footer import KeyFooter


class BookAccountsScreen(ShellAccess, Screen[None]):
    """The accounts one figure of a period is made of, largest amount first."""

    DEFAULT_CSS = """
    BookAccountsScreen {
        #book-accounts-header {
            height: auto;
            padding: 0 1 1 1;
            background: $panel;
        }
        #book-accounts {
            height: 1fr;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="book_accounts.back"),
        Binding("enter", "open_account", "Open account", id="book_accounts.open"),
    ]

    def __init__(self, metrics: BookMetrics, behind: str, label: str, key: str | None) -> None:
        super().__init__()
        self.rows = accounts_behind(metrics, behind, key=key)
        whose = "" if key is None else f" · {key or '(none)'}"
        self.title_text = (
            f"{label} · {metrics.period.label}{whose} · {BEHIND[behind][0]}: "
            f"{len(self.rows):,} accounts · enter opens one · esc back"
        )

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.title_text, id="book-accounts-header")
        yield DataTable(id="book-accounts", cursor_type="row")
        yield KeyFooter()

    def on_mount(self) -> None:
        table: DataTable[str] = self.query_one("#book-accounts", DataTable)
        table.add_columns("Account", "Owner at start", "Segment", "Amount", "Start ARR", "End ARR")
        for flow, amount in self.rows:
            table.add_row(
                flow.name, flow.owner or "-", flow.segment or "-",
                format_money(amount, flow.currency), format_money(flow.starting, flow.currency),
                format_money(flow.ending, flow.currency), key=flow.account_id,
            )  # fmt: skip
        table.focus()

    @on(DataTable.RowSelected, "#book-accounts")
    def action_open_account(self) -> None:
        table = self.query_one("#book-accounts", DataTable)
        if table.row_count:
            self.cs_app.open_account(self.rows[table.cursor_row][0].account_id)
