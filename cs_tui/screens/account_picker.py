"""Choosing an account by typing part of its name: for actions started where no account is in view."""

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cs_tui.domain.book import account_row as r
from cs_tui.domain.book.views import BookIndex

CANDIDATES = 400
SHOWN = 12


def best_matches(book: BookIndex, text: str, limit: int = SHOWN) -> list[tuple[str, str]]:
    """(id, label) of the accounts whose names match `text` best (fuzzy, whole words first)."""
    if not text.strip():
        rows = book.candidates("", limit=limit)
        return [(row[r.ID], _label(row)) for row in rows]
    matcher = Matcher(text)
    scored = [(matcher.match(row[r.NAME]), row) for row in book.candidates(text, limit=CANDIDATES)]
    scored = [pair for pair in scored if pair[0] > 0]
    scored.sort(key=lambda pair: -pair[0])
    return [(row[r.ID], _label(row)) for _, row in scored[:limit]]


def _label(row: tuple[object, ...]) -> str:
    return f"{row[r.NAME]}  ·  {row[r.OWNER] or 'no owner'}  ·  {row[r.SEGMENT] or '-'}"


class AccountPicker(ModalScreen[str | None]):
    """Dismissed with the chosen account's id, or None."""

    DEFAULT_CSS = """
    AccountPicker {
        #picker-options {
            height: 1fr;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "next", "Next", show=False, id="picker.next"),
        Binding("up", "previous", "Previous", show=False, id="picker.previous"),
    ]

    def __init__(self, book: BookIndex, purpose: str) -> None:
        super().__init__()
        self.book = book
        self.purpose = purpose

    def compose(self) -> ComposeResult:
        with Vertical(id="account-picker", classes="dialog"):
            yield Static(self.purpose, classes="dialog-title")
            yield Input(placeholder="type part of the account's name", id="picker-query")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._refresh("")

    @on(Input.Changed, "#picker-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, text: str) -> None:
        options = self.query_one("#picker-options", OptionList)
        options.clear_options()
        options.add_options([Option(label, id=account_id) for account_id, label in
                             best_matches(self.book, text)])  # fmt: skip
        if options.option_count:
            options.highlighted = 0

    def action_next(self) -> None:
        self.query_one("#picker-options", OptionList).action_cursor_down()

    def action_previous(self) -> None:
        self.query_one("#picker-options", OptionList).action_cursor_up()

    @on(Input.Submitted, "#picker-query")
    def _choose_highlighted(self) -> None:
        options = self.query_one("#picker-options", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#picker-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
