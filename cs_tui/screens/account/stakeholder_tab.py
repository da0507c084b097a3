"""The Stakeholders tab of Account 360: who is who on the customer's side, and editing them.

`n` adds a person, `e` edits the highlighted one, `delete` deletes them (after a confirmation)
and `u` undoes the last delete. One person is the primary contact: making another one primary
clears the first. A champion who left is flagged.
"""

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from cs_tui.data.accounts.views import StakeholderView
from cs_tui.data.store.errors import StoreError
from cs_tui.screens.account.stakeholder_form import StakeholderForm
from cs_tui.screens.confirm import ConfirmDialog
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.stakeholder_panel import ROLE_LABELS
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

EMPTY = "No stakeholders recorded yet: press n to add the first."


def status_of(person: StakeholderView) -> Text:
    if person.left_on:
        return Text(f"⚠ left {person.left_on.isoformat()}", style="bold")
    return Text("★ primary" if person.is_primary else "")


class StakeholderTab(ShellAccess, ReportsWorkerFailures, Vertical):
    """The account's people in a table; its keys write through `data/` in workers."""

    DEFAULT_CSS = """
    StakeholderTab {
        #stakeholder-table { height: auto; max-height: 1fr; }
        #stakeholder-hint { height: auto; padding: 1 1 0 1; color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New stakeholder", id="stakeholders.new"),
        Binding("e", "edit", "Edit stakeholder", id="stakeholders.edit"),
        Binding("delete", "delete", "Delete stakeholder", id="stakeholders.delete"),
        Binding("u", "undo", "Undo delete", id="stakeholders.undo"),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.account_id = ""
        self.account_name = ""
        self.people: tuple[StakeholderView, ...] = ()
        self.deleted: list[StakeholderView] = []

    def compose(self) -> ComposeResult:
        table: DataTable[str | Text] = DataTable(id="stakeholder-table", cursor_type="row")
        table.add_columns("Name", "Role", "Title", "E-mail", "Status")
        yield table
        yield Static("n new · e edit · delete deletes · u undoes", id="stakeholder-hint")

    @property
    def table(self) -> "DataTable[str | Text]":
        return self.query_one("#stakeholder-table", DataTable)

    def show(self, account_id: str, account_name: str, people: tuple[StakeholderView, ...]) -> None:
        if account_id != self.account_id:
            self.deleted = []
        self.account_id, self.account_name, self.people = account_id, account_name, people
        table = self.table
        row = table.cursor_row
        table.clear()
        for p in people:
            table.add_row(p.name, ROLE_LABELS.get(p.role, p.role), p.title or "-",
                          p.email or "-", status_of(p), key=p.id)  # fmt: skip
        if people:
            table.move_cursor(row=min(max(row, 0), len(people) - 1))
        hint = "n new · e edit · delete deletes · u undoes the last delete"
        self.query_one("#stakeholder-hint", Static).update(hint if people else EMPTY)

    def selected(self) -> StakeholderView | None:
        row = self.table.cursor_row
        return self.people[row] if 0 <= row < len(self.people) else None

    def focus_table(self) -> None:
        self.table.focus()

    # -- the keys ----------------------------------------------------------------------------------

    def action_new(self) -> None:
        if self.account_id:
            form = StakeholderForm(self.account_id, self.account_name)
            self.app.push_screen(form, self._saved)

    def action_edit(self) -> None:
        person = self.selected()
        if person is not None:
            form = StakeholderForm(self.account_id, self.account_name, person)
            self.app.push_screen(form, self._saved)

    def _saved(self, person: StakeholderView | None) -> None:
        if person is not None:
            self.notify(f"Saved {person.name}", timeout=3)
            self.cs_app.accounts_changed([self.account_id])

    def action_delete(self) -> None:
        person = self.selected()
        if person is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(person.id, restore=False)

        question = ConfirmDialog(
            f"Delete {person.name}?", "u on this tab undoes it.", yes="Delete", no="Keep"
        )
        self.app.push_screen(question, answered)

    def action_undo(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo.", timeout=2)
            return
        self._change(self.deleted[-1].id, restore=True)

    @work(thread=True, exit_on_error=False, exclusive=True, group="stakeholder-write")
    def _change(self, person_id: str, *, restore: bool) -> None:
        from cs_tui.data.stakeholders.people import delete_stakeholder, restore_stakeholder

        db = self.cs_app.store.get()
        try:
            person = (restore_stakeholder if restore else delete_stakeholder)(db, person_id)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        self.app.call_from_thread(self._changed, person, restore)

    def _changed(self, person: StakeholderView, restored: bool) -> None:
        if restored:
            self.deleted = [p for p in self.deleted if p.id != person.id]
            self.notify(f"Restored {person.name}", timeout=3)
        else:
            self.deleted.append(person)
            self.notify(f"Deleted {person.name}. Press u to undo.", timeout=10)
        self.cs_app.accounts_changed([self.account_id])
