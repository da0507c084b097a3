"""What every form shares: it checks its fields, shows a problem where the user is, and only
closes with a valid value, so nothing is half-saved.

A form is a `ModalScreen` typed by the value it returns. `draft()` reads the fields and returns
that value or raises `FieldProblem` saying what to put right; save (its button, or enter in the
last field) closes with the value or shows the problem in the form's `.form-error` line; cancel
closes with None. Each family of forms declares its own ctrl+s and escape bindings, so their ids
(which users remap) stay the family's.
"""

from typing import TypeVar

from textual import on
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

ResultT = TypeVar("ResultT")


class FieldProblem(ValueError):
    """A field that is wrong; the message says which and how to put it right."""


class ModalForm(ModalScreen[ResultT]):
    """Save or cancel, problems shown inline, enter moves to the next field (saves in the last)."""

    def draft(self) -> ResultT:
        """The value to return; raises `FieldProblem` naming what is wrong."""
        raise NotImplementedError

    def show_problem(self, problem: str) -> None:
        self.query_one(".form-error", Static).update(problem)

    def action_save(self) -> None:
        try:
            value = self.draft()
        except FieldProblem as problem:
            self.show_problem(str(problem))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)

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
