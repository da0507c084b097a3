"""Working a follow-up off from any list of them: done, snooze, move, reassign, delete, undo.

A screen or a list widget mixes `FollowUpActions` in and says which follow-up is highlighted; the
keys and the writes are the same everywhere (Today, an account's follow-ups, the book's). On a
widget the keys apply while it has focus, so they can share letters with the screen's own keys.
Every change can be undone once with `u`: done is reopened, a snooze lifted, a delete restored.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding, BindingType

from cs_tui.screens.follow_ups.forms import (
    FollowUpChange,
    FollowUpForm,
    NewDueDate,
    NewOwner,
    Snooze,
)
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

if TYPE_CHECKING:
    from textual.widget import Widget


@dataclass(frozen=True)
class FollowUpInFocus:
    follow_up_id: str
    title: str
    account_id: str
    owner: str = ""


UNDO = {"complete": "reopen", "snooze": "unsnooze", "delete": "restore"}
DONE_MESSAGES = {
    "complete": "Done",
    "reopen": "Reopened",
    "snooze": "Snoozed",
    "unsnooze": "Snooze lifted",
    "delete": "Deleted",
    "restore": "Restored",
    "due": "Due date moved",
    "owner": "Reassigned",
}


FOLLOW_UP_BINDINGS: list[BindingType] = [
    Binding("d", "complete_follow_up", "Done", id="follow_up.done"),
    Binding("s", "snooze_follow_up", "Snooze", id="follow_up.snooze"),
    Binding("m", "move_follow_up", "Move due", id="follow_up.move", show=False),
    Binding("r", "reassign_follow_up", "Reassign", id="follow_up.reassign", show=False),
    Binding("delete", "delete_follow_up", "Delete", id="follow_up.delete", show=False),
    Binding("u", "undo_follow_up", "Undo", id="follow_up.undo", show=False),
]
"""The keys, for the host's own BINDINGS (Textual merges bindings of widget classes only)."""

if TYPE_CHECKING:
    _Host = Widget
else:  # a plain mixin at run time: a Widget base would hide the host's component classes
    _Host = object


class FollowUpActions(ShellAccess, ReportsWorkerFailures, _Host):
    """Actions on the highlighted follow-up, for a list screen or widget that includes
    `FOLLOW_UP_BINDINGS` in its BINDINGS and implements `follow_up_in_focus`."""

    _last_change: tuple[str, FollowUpInFocus] | None = None
    restored_follow_up: str | None = None
    """A follow-up an undo brought back: the list highlights it when it reloads."""

    def follow_up_in_focus(self) -> FollowUpInFocus | None:
        """The highlighted follow-up; None when the highlighted line is not one."""
        raise NotImplementedError

    def _focused_or_say(self) -> FollowUpInFocus | None:
        found = self.follow_up_in_focus()
        if found is None:
            self.notify("Highlight a follow-up first.", timeout=2)
        return found

    def action_complete_follow_up(self) -> None:
        if found := self._focused_or_say():
            self._apply("complete", found, None)

    def action_delete_follow_up(self) -> None:
        if found := self._focused_or_say():
            self._apply("delete", found, None)

    def _ask(self, kind: str, current: str = "") -> None:
        found = self._focused_or_say()
        if found is None:
            return

        def given(change: FollowUpChange | None) -> None:
            if change is not None:
                operation = {Snooze: "snooze", NewDueDate: "due", NewOwner: "owner"}[type(change)]
                self._apply(operation, found, change)

        form = FollowUpForm(kind, found.title, today=self.cs_app.today(), current=current)
        self.app.push_screen(form, given)

    def action_snooze_follow_up(self) -> None:
        self._ask("snooze")

    def action_move_follow_up(self) -> None:
        self._ask("due")

    def action_reassign_follow_up(self) -> None:
        found = self.follow_up_in_focus()
        self._ask("owner", current=found.owner if found else "")

    def action_undo_follow_up(self) -> None:
        if self._last_change is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        operation, found = self._last_change
        self._apply(UNDO[operation], found, None)

    @work(thread=True, exit_on_error=False, group="follow-up-write")
    def _apply(self, operation: str, found: FollowUpInFocus, change: FollowUpChange | None) -> None:
        from cs_tui.data.store.errors import StoreError
        from cs_tui.data.work import follow_ups as f
        from cs_tui.data.work.drafts import SnoozeDraft

        db = self.cs_app.store.get()
        ref = found.follow_up_id
        try:
            if isinstance(change, Snooze):
                f.snooze_follow_up(db, ref, SnoozeDraft(until=change.until, reason=change.reason))
            elif isinstance(change, NewDueDate):
                f.reschedule_follow_up(db, ref, change.due_on)
            elif isinstance(change, NewOwner):
                f.reassign_follow_up(db, ref, change.owner)
            else:
                simple = {
                    "complete": f.complete_follow_up, "reopen": f.reopen_follow_up,
                    "unsnooze": f.unsnooze_follow_up, "delete": f.delete_follow_up,
                    "restore": f.restore_follow_up,
                }  # fmt: skip
                simple[operation](db, ref)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        self.app.call_from_thread(self._applied, operation, found)

    def _applied(self, operation: str, found: FollowUpInFocus) -> None:
        self._last_change = (operation, found) if operation in UNDO else None
        self.restored_follow_up = found.follow_up_id if operation in UNDO.values() else None
        hint = "  (u undoes)" if operation in UNDO else ""
        self.notify(f"{DONE_MESSAGES[operation]}: {found.title}{hint}", timeout=4)
        self.cs_app.accounts_changed([found.account_id])
