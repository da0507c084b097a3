"""Forms for one objective (a measurable deliverable) and one milestone (a step with an owner).

Each returns the store's own input model, checked with the store's rules before it closes: a
target equal to its baseline, a customer-side owner who is not a stakeholder of the account or a
date that is not one are shown inline and nothing is saved. A customer-side owner who is not a
stakeholder yet can be added as one there and then ("Add Bob Smith as a stakeholder?").
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypeVar

from textual import on, work
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from cs_tui.data.accounts.views import StakeholderView
from cs_tui.data.plans.drafts import MilestoneCreate, ObjectiveCreate
from cs_tui.data.store.errors import InvalidInputError, StoreError
from cs_tui.data.store.validation import checked
from cs_tui.domain.enums import MilestoneStatus, ObjectiveStatus, Side
from cs_tui.domain.plans.views import MilestoneView, ObjectiveView
from cs_tui.io.plan_export import label
from cs_tui.screens.confirm import ConfirmDialog
from cs_tui.screens.modal_form import FieldProblem
from cs_tui.screens.plan.form_base import (
    DAY_PLACEHOLDER,
    PlanForm,
    day_text,
    field_row,
    number_text,
)
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

SIDE_CHOICES = (("Ours: a team member", Side.OURS.value), ("Customer: a stakeholder", "customer"))


ModelT = TypeVar("ModelT", ObjectiveCreate, MilestoneCreate)


def _checked_model(model: type[ModelT], **values: object) -> ModelT:
    try:
        return checked(model, **values)
    except InvalidInputError as error:
        raise FieldProblem(error.message[:1].upper() + error.message[1:]) from error


class ObjectiveForm(PlanForm[ObjectiveCreate]):
    """An objective tied to a metric: baseline -> target (unit) by a date, one owner, a status."""

    def __init__(
        self,
        *,
        today: date,
        objective: ObjectiveView | None = None,
        default_owner: str = "",
    ) -> None:
        heading = f"Edit objective: {objective.title}" if objective else "New objective"
        super().__init__(heading, today, form_id="objective-form")
        self.objective = objective
        self.default_owner = default_owner

    def fields(self) -> Iterable[Widget]:
        o = self.objective
        yield field_row("Title", Input(o.title if o else "", id="objective-title", compact=True))
        yield field_row(
            "Metric",
            Input(o.metric if o else "", placeholder="e.g. active_users", id="objective-metric",
                  compact=True),
            hint="its latest value measures progress",
        )  # fmt: skip
        for name, value in (
            ("Baseline", o.baseline if o else None),
            ("Target", o.target if o else None),
        ):
            field = Input(number_text(value), compact=True, id=f"objective-{name.lower()}")
            yield field_row(name, field)  # fmt: skip
        yield field_row("Unit", Input(o.unit if o else "", id="objective-unit", compact=True))
        yield field_row(
            "Due",
            Input(day_text(o.due_on if o else None), placeholder=DAY_PLACEHOLDER,
                  id="objective-due", compact=True),
        )  # fmt: skip
        owner = o.owner if o else self.default_owner
        yield field_row("Owner", Input(owner, id="objective-owner", compact=True))
        yield field_row(
            "Status",
            Select(
                [(label(s.value), s.value) for s in ObjectiveStatus],
                value=o.status if o else ObjectiveStatus.NOT_STARTED.value,
                allow_blank=False, compact=True, id="objective-status",
            ),
        )  # fmt: skip
        tracked = o is not None and o.tracked
        current = Input(
            "" if tracked or o is None else number_text(o.current), compact=True,
            placeholder="the metric's latest sample" if tracked else "optional",
            id="objective-current", disabled=tracked,
        )  # fmt: skip
        yield field_row("Current value", current, hint="by hand, when no samples are imported")

    def draft(self) -> ObjectiveCreate:
        title = self.text("objective-title")
        if not title:
            raise FieldProblem("Title: give the objective a title.")
        status = self.query_one("#objective-status", Select).value
        current = None
        if not (self.objective and self.objective.tracked):
            current = self.number("objective-current", "Current value")
        return _checked_model(
            ObjectiveCreate,
            title=title,
            metric=self.text("objective-metric"),
            baseline=self.number("objective-baseline", "Baseline"),
            target=self.number("objective-target", "Target"),
            unit=self.text("objective-unit"),
            due_on=self.day("objective-due", "Due"),
            owner=self.text("objective-owner"),
            status=status,
            current=current,
        )


class OwnerSuggester(Suggester):
    """Completes the owner from the names that fit the chosen side."""

    def __init__(self, form: "MilestoneForm") -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.form = form

    async def get_suggestion(self, value: str) -> str | None:
        for name in self.form.owner_choices():
            if name.casefold().startswith(value.casefold()):
                return name
        return None


class MilestoneForm(ShellAccess, ReportsWorkerFailures, PlanForm[MilestoneCreate]):
    """A step towards an objective, owned on our side or by a named customer contact.

    Given the `account_id`, a customer-side owner who is not a stakeholder yet is offered to be
    added as one; on yes they are, and the milestone is saved with them as its owner.
    """

    def __init__(
        self,
        *,
        today: date,
        objective_title: str,
        stakeholders: Sequence[str],
        milestone: MilestoneView | None = None,
        default_owner: str = "",
        account_id: str | None = None,
    ) -> None:
        heading = (
            f"Edit milestone: {milestone.title}"
            if milestone
            else f"New milestone: {objective_title}"
        )
        super().__init__(heading, today, form_id="milestone-form")
        self.milestone = milestone
        self.stakeholders = tuple(stakeholders)
        self.default_owner = default_owner
        self.current_side = milestone.side if milestone else Side.OURS.value
        self.account_id = account_id

    def fields(self) -> Iterable[Widget]:
        m = self.milestone
        yield field_row("Title", Input(m.title if m else "", id="milestone-title", compact=True))
        yield field_row(
            "Side",
            Select(SIDE_CHOICES, value=m.side if m else Side.OURS.value, allow_blank=False,
                   compact=True, id="milestone-side"),
        )  # fmt: skip
        owner = m.owner if m else self.default_owner
        yield field_row(
            "Owner",
            Input(owner, id="milestone-owner", compact=True, suggester=OwnerSuggester(self)),
        )
        yield Label(self._owner_hint(), id="milestone-owner-hint", classes="hint field-note")
        yield field_row(
            "Due",
            Input(day_text(m.due_on if m else None), placeholder=DAY_PLACEHOLDER,
                  id="milestone-due", compact=True),
        )  # fmt: skip
        yield field_row(
            "Status",
            Select([(label(s.value), s.value) for s in MilestoneStatus],
                   value=m.status if m else MilestoneStatus.TODO.value, allow_blank=False,
                   compact=True, id="milestone-status"),
        )  # fmt: skip

    def owner_choices(self) -> Sequence[str]:
        """The names the owner field suggests: stakeholders on the customer's side."""
        if self.current_side == Side.CUSTOMER:
            return self.stakeholders
        return (self.default_owner,) if self.default_owner else ()

    def _owner_hint(self) -> str:
        if self.current_side != Side.CUSTOMER:
            return "Our side: a team member (CSM, sales, product, support)."
        names = ", ".join(self.stakeholders) or "none recorded yet"
        return f"Customer side: one of the account's stakeholders ({names})."

    @on(Select.Changed, "#milestone-side")
    def _side_changed(self, event: Select.Changed) -> None:
        side = self.current_side = str(event.value)
        self.query_one("#milestone-owner-hint", Label).update(self._owner_hint())
        owner = self.query_one("#milestone-owner", Input)
        if side == Side.CUSTOMER and owner.value == self.default_owner:
            owner.value = ""
        elif side == Side.OURS and not owner.value:
            owner.value = self.default_owner

    def _customer_owner(self, typed: str) -> str:
        """The stakeholder's name as stored; a name that is not one is refused."""
        for name in self.stakeholders:
            if name.casefold() == typed.casefold():
                return name
        names = ", ".join(self.stakeholders) or "none recorded yet"
        raise FieldProblem(
            f"Owner: {typed!r} is not a stakeholder of this account (stakeholders: {names})."
        )

    def _new_customer_owner(self) -> str | None:
        """The customer-side owner typed, when they are not a stakeholder yet."""
        typed = self.text("milestone-owner")
        if self.current_side != Side.CUSTOMER or not typed:
            return None
        known = {name.casefold() for name in self.stakeholders}
        return None if typed.casefold() in known else " ".join(typed.split())

    def action_save(self) -> None:
        newcomer = self._new_customer_owner()
        if newcomer is None or self.account_id is None or not self.text("milestone-title"):
            super().action_save()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.show_problem(f"Adding {newcomer}…")
                self._add_stakeholder(newcomer)
            else:
                super(MilestoneForm, self).action_save()  # says who the stakeholders are

        question = ConfirmDialog(
            f"Add {newcomer} as a stakeholder?",
            f"{newcomer} is not a stakeholder of this account yet; the milestone needs one.",
            yes="Add", no="No",
        )  # fmt: skip
        self.app.push_screen(question, answered)

    @work(thread=True, exit_on_error=False, exclusive=True, group="stakeholder-write")
    def _add_stakeholder(self, name: str) -> None:
        from cs_tui.data.stakeholders.people import add_stakeholder_to

        assert self.account_id is not None
        try:
            person = add_stakeholder_to(self.cs_app.store.get(), self.account_id, {"name": name})
        except StoreError as error:
            self.app.call_from_thread(self.show_problem, str(error))
            return
        self.app.call_from_thread(self._stakeholder_added, person)

    def _stakeholder_added(self, person: StakeholderView) -> None:
        self.stakeholders = (*self.stakeholders, person.name)
        self.query_one("#milestone-owner", Input).value = person.name
        self.query_one("#milestone-owner-hint", Label).update(self._owner_hint())
        self.app.notify(f"{person.name} added as a stakeholder", timeout=3)
        if self.account_id is not None:
            self.cs_app.accounts_changed([self.account_id])
        super().action_save()

    def show_task_failure(self, message: str) -> bool:
        self.show_problem(message)
        return True

    def draft(self) -> MilestoneCreate:
        title = self.text("milestone-title")
        if not title:
            raise FieldProblem("Title: give the milestone a title.")
        side = self.current_side
        owner = self.text("milestone-owner")
        if side == Side.CUSTOMER and owner:
            owner = self._customer_owner(owner)
        return _checked_model(
            MilestoneCreate,
            title=title,
            owner_side=side,
            owner=owner,
            due_on=self.day("milestone-due", "Due"),
            status=self.query_one("#milestone-status", Select).value,
        )
