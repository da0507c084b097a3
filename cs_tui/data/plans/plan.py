"""Success plans: one per account, its expectations in the customer's words, actions and status.

Moving a plan to agreed (or active, or achieved) needs the day the customer agreed to it; that day
is never in the future. Every edit goes through `account_write`, so the account's summary (plan
status) and score follow.
"""

from datetime import date
from typing import Any

from sqlmodel import Session

from cs_tui.data.accounts.changes import account_write
from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.plans.read import live_plan, plan_view
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.data.store.locks import lock_account
from cs_tui.domain.enums import AGREED_PLAN_STATUSES, PlanStatus
from cs_tui.domain.plans.views import PlanView
from cs_tui.models import Account, SuccessPlan, SuccessPlanUpdate


def plan_for_account(session: Session, account: Account, *, started_on: date) -> SuccessPlan:
    """The account's live plan, created as a draft (starting `started_on`) when it has none.

    The account's row is locked first, so two people creating its plan at once get one plan."""
    lock_account(session, account.id)
    plan = live_plan(session, account.id)
    if plan is None:
        plan = SuccessPlan(account_id=account.id, started_on=started_on)
        session.add(plan)
        session.flush()
    return plan


def ensure_plan(db: Database, account_reference: str) -> PlanView:
    """The account's plan, created as an empty draft starting today if it has none."""
    with account_write(db) as write:
        account = resolve_account(write.session, account_reference)
        plan_for_account(write.session, account, started_on=db.today())
        write.touch(account.id)
        view = plan_view(write.session, account)
    assert view is not None
    return view


def check_status_change(
    before: PlanStatus, after: PlanStatus, agreed_on: date | None, *, dated: bool, today: date
) -> None:
    """A plan becoming agreed (or active, or achieved) from draft or abandoned needs the day the
    customer agreed, given with the change (`dated`); that day is never in the future."""
    newly_agreed = after in AGREED_PLAN_STATUSES and before not in AGREED_PLAN_STATUSES
    if (newly_agreed and not dated) or (after in AGREED_PLAN_STATUSES and agreed_on is None):
        raise InvalidInputError(
            f"agreed on: a plan that becomes {after.value} needs the date the customer agreed "
            "to it",
            field="agreed_on",
        )
    if agreed_on is not None and agreed_on > today:
        raise InvalidInputError(
            f"agreed on: {agreed_on.isoformat()} is in the future; give the day the customer "
            "agreed",
            field="agreed_on",
        )


def update_plan(db: Database, account_reference: str, changes: SuccessPlanUpdate) -> PlanView:
    """Change the plan's expectations, actions, dates or status (the plan is created if needed)."""
    values: dict[str, Any] = changes.model_dump(exclude_unset=True)
    with account_write(db) as write:
        session = write.session
        account = resolve_account(session, account_reference)
        plan = plan_for_account(session, account, started_on=db.today())
        before = PlanStatus(plan.status)
        after = PlanStatus(values.get("status", before))
        agreed_on = values.get("agreed_on", plan.agreed_on)
        if "status" in values or "agreed_on" in values:
            check_status_change(
                before, after, agreed_on, dated="agreed_on" in values, today=db.today()
            )
        for name, value in values.items():
            setattr(plan, name, "" if value is None and name in _TEXT_FIELDS else value)
        write.touch(account.id)
        session.flush()
        view = plan_view(session, account)
    assert view is not None
    return view


_TEXT_FIELDS = {"why_bought", "pain_points", "success_definition", "actions", "template"}


def set_plan_status(
    db: Database, account_reference: str, status: PlanStatus, *, agreed_on: date | None = None
) -> PlanView:
    """Move the plan to `status`; `agreed_on` is required when it becomes agreed."""
    fields: dict[str, Any] = {"status": status}
    if agreed_on is not None:
        fields["agreed_on"] = agreed_on
    return update_plan(db, account_reference, SuccessPlanUpdate(**fields))
