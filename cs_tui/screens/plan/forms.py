"""Forms on the plan as a whole: the customer's expectations, and its status with the agreed day.

Expectations are kept in the customer's words (the template's prompts help ask for them). A plan
becomes agreed, active or achieved only with the day the customer agreed, never in the future.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

from cs_tui.data.plans.drafts import SuccessPlanUpdate
from cs_tui.data.plans.panel_data import ExpectationPrompts
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.data.store.validation import checked
from cs_tui.domain.enums import AGREED_PLAN_STATUSES, PlanStatus
from cs_tui.domain.plans.views import PlanView
from cs_tui.io.plan_export import label
from cs_tui.screens.modal_form import FieldProblem
from cs_tui.screens.plan.form_base import (
    DAY_PLACEHOLDER,
    PlanForm,
    day_text,
    field_row,
)

EXPECTATION_FIELDS = (
    ("why_bought", "Why they bought"),
    ("pain_points", "Their pain points"),
    ("success_definition", "What success means to them"),
    ("actions", "Actions: how we get there"),
)


class ExpectationsForm(PlanForm[SuccessPlanUpdate]):
    """Why they bought, their pain points, what success means to them; and the actions."""

    def __init__(
        self,
        *,
        today: date,
        account_name: str,
        plan: PlanView | None,
        prompts: ExpectationPrompts | None = None,
    ) -> None:
        super().__init__(
            f"Expectations of {account_name}, in their words", today, form_id="expectations-form"
        )
        self.plan = plan
        self.prompts = prompts or ExpectationPrompts()

    def fields(self) -> Iterable[Widget]:
        yield Label("Enter starts a new line; tab moves on.", classes="hint form-intro")
        for name, title in EXPECTATION_FIELDS:
            yield Label(title, classes="area-label")
            yield TextArea(
                getattr(self.plan, name) if self.plan else "",
                placeholder=getattr(self.prompts, name),
                compact=True,
                soft_wrap=True,
                id=f"expect-{name}",
                classes="expectation",
            )

    def draft(self) -> SuccessPlanUpdate:
        values = {
            name: self.query_one(f"#expect-{name}", TextArea).text.strip()
            for name, _title in EXPECTATION_FIELDS
        }
        try:
            return checked(SuccessPlanUpdate, **values)
        except InvalidInputError as error:
            raise FieldProblem(error.message) from error


@dataclass(frozen=True)
class PlanStatusDraft:
    """The plan's new status; `agreed_on` is given for agreed, active and achieved."""

    status: PlanStatus
    agreed_on: date | None
    review_on: date | None


def needs_agreement(status: str) -> bool:
    return status in AGREED_PLAN_STATUSES


class PlanStatusForm(PlanForm[PlanStatusDraft]):
    """Draft, agreed, active, achieved or abandoned; agreeing needs the day the customer agreed."""

    def __init__(self, *, today: date, account_name: str, plan: PlanView | None) -> None:
        super().__init__(f"Status of the plan of {account_name}", today, form_id="status-form")
        self.plan = plan

    def fields(self) -> Iterable[Widget]:
        status = self.plan.status if self.plan else PlanStatus.DRAFT.value
        yield Label(
            "Agreed, active and achieved need the day the customer agreed (not in the future).",
            classes="hint form-intro",
        )
        yield field_row(
            "Status",
            Select(
                [(label(s.value), s.value) for s in PlanStatus],
                value=status,
                allow_blank=False,
                compact=True,
                id="plan-status",
            ),
        )
        agreed = self.plan.agreed_on if self.plan and self.plan.agreed_on else self.today
        yield field_row(
            "Agreed on",
            Input(day_text(agreed), placeholder=DAY_PLACEHOLDER, id="plan-agreed", compact=True),
        )
        yield field_row(
            "Next review",
            Input(
                day_text(self.plan.review_on if self.plan else None),
                placeholder=DAY_PLACEHOLDER,
                id="plan-review",
                compact=True,
            ),
        )

    @on(Select.Changed, "#plan-status")
    def _status_changed(self, event: Select.Changed) -> None:
        agreed = self.query_one("#plan-agreed", Input)
        agreed.disabled = not needs_agreement(str(event.value))
        if not agreed.disabled and not agreed.value.strip():
            agreed.value = self.today.isoformat()

    def draft(self) -> PlanStatusDraft:
        status = PlanStatus(str(self.query_one("#plan-status", Select).value))
        agreed_on = None
        if needs_agreement(status):
            agreed_on = self.day("plan-agreed", "Agreed on")
            if agreed_on is None:
                raise FieldProblem(
                    f"Agreed on: a plan that becomes {label(status)} needs the day the customer "
                    "agreed to it."
                )
            if agreed_on > self.today:
                raise FieldProblem(
                    f"Agreed on: {agreed_on.isoformat()} is in the future; give the day the "
                    "customer agreed."
                )
        return PlanStatusDraft(status, agreed_on, self.day("plan-review", "Next review"))
