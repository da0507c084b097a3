"""What the plan panel shows, read in one go: the plan, the account's name, owner and stakeholders.

Read in a worker (never on the event loop); the forms need the stakeholders (customer-side owners)
and the template's prompts for the customer's expectations.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cs_tui.domain.plans.views import PlanView

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database


@dataclass(frozen=True)
class ExpectationPrompts:
    """Questions that help the customer say it in their words (from the plan's template)."""

    why_bought: str = ""
    pain_points: str = ""
    success_definition: str = ""
    actions: str = ""


@dataclass(frozen=True)
class PlanData:
    """What the panel shows, read together in one worker."""

    account_id: str
    account_name: str
    account_owner: str
    stakeholders: tuple[str, ...]
    plan: PlanView | None
    prompts: ExpectationPrompts


def read_plan_data(db: "Database", account_id: str) -> PlanData:
    """The account's plan with what its forms need (stakeholders, the template's prompts)."""
    from cs_tui.data.accounts.records import get_account_detail
    from cs_tui.data.plans.read import get_plan
    from cs_tui.io.plan_templates import TemplateError, load_template

    detail = get_account_detail(db, account_id)
    plan = get_plan(db, account_id)
    prompts = ExpectationPrompts()
    if plan is not None and plan.template:
        try:
            template = load_template(plan.template)
        except TemplateError:
            pass  # a template removed since it was applied: no prompts, nothing else lost
        else:
            prompts = ExpectationPrompts(
                template.why_bought_prompt, template.pain_points_prompt, template.success_prompt
            )
    return PlanData(
        account_id=detail.id,
        account_name=detail.name,
        account_owner=detail.owner,
        stakeholders=tuple(person.name for person in detail.stakeholders),
        plan=plan,
        prompts=prompts,
    )
