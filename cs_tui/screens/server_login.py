"""The team moved to a PostgreSQL server: the teammate's credentials, checked before anything else.

Shown by the app when the book's team folder carries a move mark. The user gives their user name
and password on the server (or a full URL); save checks the connection in the background and
closes only with the server's book open, so a wrong password or a server that is down is a
message in the form, never a half-switched app. The password goes into the config file only
when the user ticks the box; otherwise it comes from PGPASSWORD or ~/.pgpass next time.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static

from cs_tui.io.sync.moved import FolderMoved
from cs_tui.screens.modal_form import FieldProblem, ModalForm
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database


@dataclass(frozen=True)
class ServerLogin:
    """The server's book, open, and the URL it was opened with."""

    db: "Database"
    url: str
    save_password: bool


class ServerLoginForm(ReportsWorkerFailures, ModalForm[ServerLogin]):
    """Dismissed with the opened server book, or None when the user stays on the file."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Not now", id="server_login.cancel"),
        Binding("ctrl+s", "save", "Connect", id="server_login.save", priority=True),
    ]

    def __init__(self, moved: FolderMoved, source: "Database") -> None:
        super().__init__()
        self.moved = moved
        self.source = source

    def has_unsaved_text(self) -> bool:
        """ "Not now" never asks: nothing typed here is lost work (the Team screen's `s` brings
        the form back), and a half-typed password is better dropped than kept."""
        return False

    def compose(self) -> ComposeResult:
        moved = self.moved
        by = f" by {moved.moved_by}" if moved.moved_by else ""
        with Vertical(id="server-login", classes="dialog"):
            yield Static("Your team moved to a server", classes="dialog-title")
            yield Static(
                f"The team folder was moved to PostgreSQL at {moved.server}{by} on "
                f"{moved.moved_at:%Y-%m-%d %H:%M}. Nothing is synced through the folder any "
                "more. Connect with your account on the server:",
                id="server-login-message",
            )
            yield Label("User", classes="hint")
            yield Input(moved.server_user or self.source.user, id="user")
            yield Label("Password (empty: PGPASSWORD or ~/.pgpass)", classes="hint")
            yield Input(id="password", password=True)
            yield Label("Or a full URL (instead of user and password)", classes="hint")
            yield Input(id="url", placeholder=moved.url("me"))
            yield Checkbox("Save the password in the config file", id="save-password")
            yield Static("", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Connect (ctrl+s)", id="save", variant="primary")
                yield Button("Not now (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#password", Input).focus()

    def _url(self) -> str:
        from cs_tui.data.move.team_folder import server_url
        from cs_tui.data.store.errors import StoreError

        try:
            return server_url(
                self.moved,
                user=self.query_one("#user", Input).value,
                password=self.query_one("#password", Input).value,
                url=self.query_one("#url", Input).value,
            )
        except StoreError as error:
            raise FieldProblem(str(error)) from error

    def action_save(self) -> None:
        try:
            url = self._url()
        except FieldProblem as problem:
            self.show_problem(str(problem))
            return
        self.show_problem(f"Connecting to {self.moved.server}…")
        self.query_one("#save", Button).disabled = True
        self._connect(url, self.query_one("#save-password", Checkbox).value)

    @work(thread=True, exit_on_error=False, exclusive=True, group="server-login")
    def _connect(self, url: str, save_password: bool) -> None:
        from cs_tui.data.move.team_folder import open_server
        from cs_tui.data.store.errors import StoreError

        try:
            db = open_server(url, self.source)
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self.dismiss, ServerLogin(db, url, save_password))

    def _failed(self, message: str) -> None:
        self.query_one("#save", Button).disabled = False
        self.show_problem(f"Cannot connect: {message}")
