"""First run: no accounts yet. Load the demo book, import a CSV, or start empty."""

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Log, ProgressBar, Static

from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.key_footer import KeyFooter
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

DEMO_ACCOUNTS = 300


class WelcomeScreen(ShellAccess, ReportsWorkerFailures, Screen[str]):
    """Dismissed with "demo", "import" or "empty" once the book is ready."""

    DEFAULT_CSS = """
    WelcomeScreen {
        align: center middle;
        #import-report {
            height: 8;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "demo", "Demo book", id="welcome.demo"),
        Binding("i", "import", "Import CSV", id="welcome.import"),
        Binding("e", "empty", "Start empty", id="welcome.empty"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome", classes="dialog"):
            yield Static("Welcome to cs-tui", classes="dialog-title")
            yield Static(
                "There are no accounts in this book yet. How would you like to start?",
                id="welcome-intro",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Load the demo book (d)", id="demo", variant="primary")
                yield Button("Import a CSV (i)", id="import")
                yield Button("Start empty (e)", id="empty")
            with Vertical(id="import-form"):
                yield Static("CRM export (Salesforce, HubSpot or any CSV):", classes="label")
                yield Input(placeholder="path/to/accounts.csv", id="import-path")
                yield Input(
                    placeholder="date format, only if asked (e.g. %d/%m/%Y)",
                    id="import-date-format",
                )
                yield Static("", id="import-status", classes="hint")
                yield Log(id="import-report", max_lines=500)
            yield ProgressBar(id="welcome-progress", show_eta=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#import-form").display = False
        self.query_one("#welcome-progress").display = False

    @on(Button.Pressed, "#demo")
    def action_demo(self) -> None:
        self._busy("Writing the demo book…")
        self._write_demo()

    @on(Button.Pressed, "#import")
    def action_import(self) -> None:
        self.query_one("#import-form").display = True
        self.query_one("#import-path", Input).focus()

    @on(Button.Pressed, "#empty")
    def action_empty(self) -> None:
        self.dismiss("empty")

    def _busy(self, label: str) -> None:
        bar = self.query_one("#welcome-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.query_one("#welcome-intro", Static).update(label)
        for button in self.query(Button):
            button.disabled = True

    @work(thread=True, exit_on_error=False, exclusive=True, group="welcome")
    def _write_demo(self) -> None:
        from cs_tui.data.scoring.book_scoring import score_new_book
        from cs_tui.demo import write_demo_book

        db = self.cs_app.store.get()

        def progress(stage: str, done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, f"{stage}…", done, total)

        write_demo_book(db, accounts=DEMO_ACCOUNTS, progress=progress)
        self.app.call_from_thread(self._progress, "Summarising…", 0, 0)
        score_new_book(db)
        self.app.call_from_thread(self.dismiss, "demo")

    def _progress(self, label: str, done: int, total: int) -> None:
        self.query_one("#welcome-intro", Static).update(label)
        bar = self.query_one("#welcome-progress", ProgressBar)
        bar.update(total=total or None, progress=done)

    @on(Input.Submitted, "#import-path")
    @on(Input.Submitted, "#import-date-format")
    def _import_submitted(self) -> None:
        from cs_tui.io.column_mapping import check_date_format

        typed = self.query_one("#import-path", Input).value.strip()
        path = Path(typed).expanduser()
        date_format = self.query_one("#import-date-format", Input).value.strip()
        status = self.query_one("#import-status", Static)
        if not typed:
            status.update("Type the path of a CSV file.")
        elif not path.exists():
            status.update(f"{path} does not exist.")
        elif not path.is_file():
            status.update(f"{path} is not a file.")
        else:
            try:
                checked = check_date_format(date_format) if date_format else ""
            except ValueError as problem:
                status.update(f"Date format: {problem}.")
                self.query_one("#import-date-format", Input).focus()
                return
            status.update(f"Reading {path.name}…")
            self._import(path, checked)

    @work(thread=True, exit_on_error=False, exclusive=True, group="welcome")
    def _import(self, path: Path, date_format: str = "") -> None:
        from cs_tui.data.accounts.imports import import_accounts
        from cs_tui.data.scoring.book_scoring import rescore_written
        from cs_tui.io.account_file import AmbiguousDatesError, ImportFileError, read_account_file
        from cs_tui.io.column_mapping import ColumnMapping

        db = self.cs_app.store.get()
        try:
            parsed = read_account_file(path, mapping=ColumnMapping(date_format=date_format))
        except AmbiguousDatesError as error:
            message = (
                f"Every date in column {error.column!r} reads both as month/day and as day/month "
                f"(line {error.line}: {error.text!r}). Type the date format below, %m/%d/%Y or "
                "%d/%m/%Y, and press enter."
            )
            self.app.call_from_thread(self._import_failed, message, [], "#import-date-format")
            return
        except ImportFileError as error:
            self.app.call_from_thread(self._import_failed, str(error), [])
            return
        report = import_accounts(db, parsed)
        if report.written:
            self.app.call_from_thread(self._progress, "Scoring the accounts…", 0, 0)
            rescore_written(db, report.account_ids)
            self.app.call_from_thread(self.dismiss, "import")
            return
        lines = [
            f"line {p.line}"
            + (f" [{p.column}]" if p.column else "")
            + f": {p.message}"
            + (f" ({p.value!r})" if p.value else "")
            for p in report.problems
        ]
        lines += [f"line {s.line} skipped: {s.reason}" for s in parsed.skipped]
        message = (
            f"Nothing was imported: {len(report.problems)} invalid rows. Fix them and try again."
            if report.problems
            else f"{path.name} holds no account rows."
        )
        self.app.call_from_thread(self._import_failed, message, lines)

    def _import_failed(self, message: str, lines: list[str], focus: str = "") -> None:
        self.query_one("#import-status", Static).update(message)
        log = self.query_one("#import-report", Log)
        log.clear()
        log.write_lines(lines)
        if focus:
            self.query_one(focus, Input).focus()
