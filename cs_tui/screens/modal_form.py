"""What every form shares: it checks its fields, shows a problem where the user is, and only
closes with a valid value, so nothing is half-saved.

A form is a `ModalScreen` typed by the value it returns. `draft()` reads the fields and returns
that value or raises `FieldProblem` saying what to put right; save (its button, or enter in the
last field) closes with the value or shows the problem; cancel closes with None, after asking
"Discard changes?" when something was typed. Each family of forms declares its own ctrl+s and
escape bindings, so their ids (which users remap) stay the family's.

At any terminal size the form's footer (the problem line and the buttons, `form_footer()`) is
docked at the bottom of the dialog, which scrolls its fields above it; a problem is also shown
right under the field it is about, which takes the focus.
"""

from typing import TypeVar

from textual import on
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.events import Mount
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static, TextArea

from cs_tui.screens.discard import DiscardDialog

ResultT = TypeVar("ResultT")
ROW_CLASSES = ("field-row", "form-row")
LABEL_CLASSES = ("field-label", "form-label")


def _has_any(widget: Widget, classes: tuple[str, ...]) -> bool:
    return any(widget.has_class(name) for name in classes)


class FieldProblem(ValueError):
    """A field that is wrong; the message says which and how to put it right.

    `field` is the id of the widget it is about; without one, a message that starts with a
    row's label ("Title: ...") is shown under that row."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def form_footer(*extra: Button, error_id: str | None = None) -> Vertical:
    """The problem line and Save, `extra`, Cancel: docked under the fields, always in view."""
    return Vertical(
        Static("", classes="form-error", id=error_id),
        Horizontal(
            Button("Save (ctrl+s)", id="save", variant="primary"),
            *extra,
            Button("Cancel (esc)", id="cancel"),
            classes="dialog-buttons",
        ),
        classes="dialog-footer",
    )


def typed_text(screen: Widget) -> dict[str, str]:
    """What the text fields of `screen` hold, by widget id."""
    found: dict[str, str] = {}
    for widget in screen.query("Input, TextArea"):
        if widget.id is not None:
            found[widget.id] = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
    return found


class FormHelpers(ModalScreen[ResultT]):
    """Inline problems and the discard question, for forms built on `ModalForm` or not."""

    _initial_text: dict[str, str] | None = None

    @on(Mount)
    def _remember_initial_text(self) -> None:
        self._initial_text = typed_text(self)

    def has_unsaved_text(self) -> bool:
        """Whether any text field differs from what the form opened with."""
        return self._initial_text is not None and typed_text(self) != self._initial_text

    def close_unless_typed(self) -> None:
        """Close with None; when text was typed, only once the user says to discard it."""
        if not self.has_unsaved_text():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(DiscardDialog(), answered)

    def field_widget(self, field: str | None, message: str) -> Widget | None:
        """The widget a problem is about: by id, else by the row label the message starts with."""
        if field:
            try:
                return self.query_one(f"#{field}")
            except NoMatches:
                return None
        head, colon, _ = message.partition(":")
        if not colon:
            return None
        for row in self.query(", ".join(f".{name}" for name in ROW_CLASSES)):
            labels = [label for label in row.query(Label) if _has_any(label, LABEL_CLASSES)]
            if labels and str(labels[0].render()).strip().casefold() == head.strip().casefold():
                fields = [w for w in row.query("Input, TextArea, Select") if w.focusable]
                return fields[0] if fields else None
        return None

    def show_field_problem(self, message: str, field: str | None = None) -> None:
        """The problem in the footer, and under its field (which takes the focus)."""
        for shown in self.query(".field-problem"):
            shown.remove()
        error = self.query_one(".form-error", Static)
        error.update(message)
        widget = self.field_widget(field, message)
        error.set_class(widget is not None, "-echo")  # one line: the field has it in full
        if widget is None:
            return
        anchor: Widget = widget
        for ancestor in widget.ancestors:
            if isinstance(ancestor, Widget) and _has_any(ancestor, ROW_CLASSES):
                anchor = ancestor
                break
        problem = Static(message, classes="field-problem")
        parent = anchor.parent
        assert isinstance(parent, Widget)
        parent.mount(problem, after=anchor)
        widget.focus()
        self.call_after_refresh(problem.scroll_visible, animate=False)

    def clear_field_problems(self) -> None:
        for shown in self.query(".field-problem"):
            shown.remove()


class ModalForm(FormHelpers[ResultT]):
    """Save or cancel, problems shown inline, enter moves to the next field (saves in the last)."""

    def draft(self) -> ResultT:
        """The value to return; raises `FieldProblem` naming what is wrong."""
        raise NotImplementedError

    def show_problem(self, problem: str, field: str | None = None) -> None:
        self.show_field_problem(problem, field)

    def action_save(self) -> None:
        try:
            value = self.draft()
        except FieldProblem as problem:
            self.show_problem(str(problem), problem.field)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.close_unless_typed()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        if event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()
