"""What the forms that edit a record by hand share (an account, a stakeholder).

The form remembers the values it opened with. On save it hands `data/` only the inputs whose text
the user changed, with those opened values; the write runs in a worker while the form stays open.
A problem is shown in the form; a field someone else changed meanwhile opens the conflict dialog
(keep mine, take theirs, cancel) over the form; success closes the form with the saved record.
"""

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from cs_tui.data.accounts.edit_fields import EditConflictError, Labeller
from cs_tui.data.store.errors import StoreError
from cs_tui.domain.records.edits import resolved
from cs_tui.screens.conflict_dialog import Choice, ConflictDialog
from cs_tui.screens.modal_form import FieldProblem, ModalForm, ResultT
from cs_tui.screens.plan.form_base import field_row
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database

YES_NO = (("yes", "yes"), ("no", "no"))


class RecordForm(ShellAccess, ReportsWorkerFailures, ModalForm[ResultT]):
    """A form over one record; `fields()` yields rows whose inputs have ids `field-<input>`."""

    DEFAULT_CSS = """
    RecordForm {
        .record-form { width: 90; height: auto; max-height: 95%; }
        .record-fields { height: auto; max-height: 70vh; }
        .record-fields .field-row { height: 1; margin-bottom: 0; }
        .record-fields .field-label { width: 16; color: $text-muted; }
        .record-fields .field-row Input, .record-fields .field-row Select { width: 1fr; }
        .record-fields .field-hint { width: auto; max-width: 36; padding-left: 2; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="record_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="record_form.save", priority=True),
    ]

    inputs: tuple[str, ...] = ()

    def __init__(
        self,
        heading: str,
        *,
        opened: Mapping[str, Any] | None,
        texts: Mapping[str, str],
        label: Labeller,
        form_id: str,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.opened = dict(opened) if opened is not None else None
        self.texts = dict(texts)
        self.label = label
        self.form_id = form_id

    @property
    def editing(self) -> bool:
        return self.opened is not None

    def compose(self) -> ComposeResult:
        with Vertical(id=self.form_id, classes="dialog record-form"):
            yield Static(self.heading, classes="dialog-title")
            with VerticalScroll(classes="record-fields"):
                yield from self.fields()
            yield Static("", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def fields(self) -> Iterable[Widget]:
        raise NotImplementedError

    # -- the fields --------------------------------------------------------------------------------

    def text_row(self, key: str, *, placeholder: str = "", hint: str = "") -> Widget:
        field = Input(self.texts.get(key, ""), id=f"field-{key}", placeholder=placeholder,
                      compact=True)  # fmt: skip
        return field_row(self.label(key), field, hint=hint)

    def choice_row(self, key: str, choices: Iterable[tuple[str, str]]) -> Widget:
        field: Select[str] = Select(
            list(choices), value=self.texts.get(key) or Select.NULL, allow_blank=False,
            compact=True, id=f"field-{key}",
        )  # fmt: skip
        return field_row(self.label(key), field)

    def value_of(self, key: str) -> str:
        widget = self.query_one(f"#field-{key}")
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        assert isinstance(widget, Input)
        return widget.value

    def set_value(self, key: str, text: str) -> None:
        widget = self.query_one(f"#field-{key}")
        if isinstance(widget, Select | Input):
            widget.value = text

    def typed(self) -> dict[str, str | bool]:
        """The inputs the user changed (editing), or every one filled in (a new record)."""
        values = {key: self.value_of(key) for key in self.inputs}
        if self.editing:
            return {key: v for key, v in values.items() if v.strip() != self.texts.get(key, "")}
        return {key: v for key, v in values.items() if v.strip() or key == "name"}

    # -- saving ------------------------------------------------------------------------------------

    def check(self, typed: Mapping[str, str | bool]) -> None:
        """Raise `FieldProblem` for what is wrong in what was typed (the store checks again)."""

    def draft(self) -> Any:
        typed = self.typed()
        try:
            self.check(typed)
        except StoreError as error:
            raise FieldProblem(str(error)) from error
        return typed

    def action_save(self) -> None:
        try:
            typed = self.draft()
        except FieldProblem as problem:
            self.show_problem(str(problem))
            return
        if self.editing and not typed:
            self.app.notify("Nothing changed.", timeout=2)
            self.dismiss(None)
            return
        self.show_problem("Saving…")
        self._write(typed, self.opened)

    def write(
        self, db: "Database", typed: Mapping[str, str | bool], opened: Mapping[str, Any] | None
    ) -> ResultT:
        raise NotImplementedError

    @work(thread=True, exit_on_error=False, exclusive=True, group="record-write")
    def _write(self, typed: dict[str, str | bool], opened: dict[str, Any] | None) -> None:
        db = self.cs_app.store.get()
        try:
            saved = self.write(db, typed, opened)
        except EditConflictError as conflict:
            self.app.call_from_thread(self._conflicted, typed, opened or {}, conflict)
            return
        except StoreError as error:
            self.app.call_from_thread(self.show_problem, str(error))
            return
        self.app.call_from_thread(self.dismiss, saved)

    def _conflicted(
        self, typed: dict[str, str | bool], opened: dict[str, Any], error: EditConflictError
    ) -> None:
        self.show_problem("Changed meanwhile: choose what to keep.")

        def chosen(choice: Choice | None) -> None:
            if choice is None:
                self.show_problem("Nothing was saved: the form is as you left it.")
                return
            self._resolve(typed, opened, error, keep_mine=choice == "mine")

        self.app.push_screen(ConflictDialog(self.heading, error, self.label), chosen)

    def _resolve(
        self,
        typed: dict[str, str | bool],
        opened: dict[str, Any],
        error: EditConflictError,
        *,
        keep_mine: bool,
    ) -> None:
        """Save again as if the form had opened on their values; taking theirs shows them."""
        _, seen = resolved({}, opened, error.conflicts, keep_mine=keep_mine)
        self.opened = seen
        chosen = dict(typed)
        for conflict in error.conflicts:
            key = self.input_of(conflict.field)
            theirs = error.text(conflict.field, conflict.theirs)
            self.texts[key] = theirs
            if not keep_mine:
                chosen.pop(key, None)
                self.set_value(key, theirs)
        if not chosen:
            self.app.notify("Their changes kept; nothing else to save.", timeout=3)
            self.dismiss(None)
            return
        self.show_problem("Saving…")
        self._write(chosen, seen)

    def input_of(self, field: str) -> str:
        """The input that sets a model field."""
        return field

    def show_task_failure(self, message: str) -> bool:
        self.show_problem(message)
        return True
