"""What every success-plan form shares: labelled one-line fields read as text, days and numbers.

Saving, cancelling and showing problems inline come from `ModalForm`; the fields are checked with
the same rules the store applies. The caller writes the value through `data/` in a worker.
"""

import math
from collections.abc import Iterable
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from cs_tui.domain.day_words import DayWordError, parse_day
from cs_tui.screens.modal_form import FieldProblem, ModalForm, ResultT, form_footer

DAY_PLACEHOLDER = "YYYY-MM-DD, today, +2w, fri"


def field_row(label: str, widget: Widget, *, hint: str = "") -> Horizontal:
    """A label and its field on one line (the label is what screen readers and users see first)."""
    parts: list[Widget] = [Label(label, classes="field-label"), widget]
    if hint:
        parts.append(Label(hint, classes="field-hint hint"))
    return Horizontal(*parts, classes="field-row")


def day_text(value: date | None) -> str:
    return value.isoformat() if value else ""


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else str(value)


class PlanForm(ModalForm[ResultT]):
    """A form on a success plan: ctrl+s (or enter in the last field) saves, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="plan_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="plan_form.save", priority=True),
    ]

    def __init__(self, heading: str, today: date, *, form_id: str) -> None:
        super().__init__()
        self.heading = heading
        self.today = today
        self.form_id = form_id

    def compose(self) -> ComposeResult:
        with Vertical(id=self.form_id, classes="dialog plan-form"):
            yield Static(self.heading, classes="dialog-title")
            yield from self.fields()
            yield form_footer()

    def fields(self) -> Iterable[Widget]:
        """The form's rows, in the order tab visits them."""
        raise NotImplementedError

    # -- reading fields ---------------------------------------------------------------------------

    def text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value.strip()

    def day(self, field_id: str, label: str) -> date | None:
        """The day typed in the field (ISO or a day word), None when left empty."""
        typed = self.text(field_id)
        if not typed:
            return None
        try:
            return parse_day(typed, self.today)
        except DayWordError as error:
            raise FieldProblem(f"{label}: {error}", field=field_id) from error

    def number(self, field_id: str, label: str) -> float | None:
        typed = self.text(field_id).replace(",", "").replace("_", "")
        if not typed:
            return None
        try:
            value = float(typed)
        except ValueError as error:
            raise FieldProblem(f"{label}: {typed!r} is not a number", field=field_id) from error
        if not math.isfinite(value):
            raise FieldProblem(f"{label}: {typed!r} is not a finite number", field=field_id)
        return value
