"""Success plans: expectations in the customer's words, measurable objectives, milestones both sides.

About half of the accounts renewing within six months have an agreed plan (the source's portfolio goal
is at least 50%), so the coverage view has something to show on both sides of the line.
"""

from typing import TYPE_CHECKING

from cs_tui.demo.draws import Calendar, Dice
from cs_tui.demo.vocabulary import (
    MILESTONES_CUSTOMER,
    MILESTONES_OURS,
    OBJECTIVES,
    OUR_TEAM,
    PLAN_ACTIONS,
    PLAN_PAIN_POINTS,
    PLAN_SUCCESS,
    PLAN_TEMPLATES,
    PLAN_WHY_BOUGHT,
    TOPICS,
)

if TYPE_CHECKING:
    from cs_tui.demo.generate import AccountDraft, Rows

_AGREED = ("agreed", "active", "achieved")
_AGREED_BOUNDS = (0.25, 0.85, 1.0)
_ANY = ("draft", "agreed", "active", "achieved", "abandoned")
_ANY_BOUNDS = (0.2, 0.35, 0.8, 0.9, 1.0)
_RENEWING_SOON_DAYS = 183


def _status(dice: Dice, account: "AccountDraft") -> str | None:
    if account.churned:
        return ("abandoned" if dice.chance(0.8) else "achieved") if dice.chance(0.4) else None
    if account.contract_end <= _RENEWING_SOON_DAYS:
        if dice.chance(0.5):
            return dice.weighted(_AGREED, _AGREED_BOUNDS)
        return ("draft" if dice.chance(0.7) else "abandoned") if dice.chance(0.5) else None
    if account.stage == "onboarding":
        return dice.pick(("draft", "agreed")) if dice.chance(0.8) else None
    if not dice.chance(account.segment.plan):
        return None
    return dice.weighted(_ANY, _ANY_BOUNDS)


def _template(dice: Dice, account: "AccountDraft") -> str:
    if account.stage == "onboarding":
        return "onboarding"
    if account.segment.name == "Enterprise":
        return "enterprise"
    return dice.pick(PLAN_TEMPLATES)


def success_plan(dice: Dice, calendar: Calendar, account: "AccountDraft", rows: "Rows") -> None:
    status = _status(dice, account)
    if status is None:
        return
    iso = calendar.iso
    last_day = account.last_day
    started = min(last_day - 5, max(account.customer_since, -400) + dice.between(0, 60))
    agreed = None
    if status in _AGREED or (status == "abandoned" and dice.chance(0.5)):
        agreed = min(last_day, started + dice.between(5, 40))
    review = None
    if status in ("agreed", "active"):
        review = dice.between(7, 90)
    elif status == "achieved":
        review = min(last_day, started + dice.between(90, 300))
    topic = dice.pick(TOPICS)
    plan_id = dice.new_id()
    rows["success_plan"].append((
        plan_id, account.id, status,
        dice.pick(PLAN_WHY_BOUGHT).format(topic=topic),
        dice.pick(PLAN_PAIN_POINTS),
        dice.pick(PLAN_SUCCESS).format(topic=topic),
        dice.pick(PLAN_ACTIONS).format(topic=topic),
        iso(started), None if agreed is None else iso(agreed), None if review is None else iso(review),
        _template(dice, account),
    ))  # fmt: skip
    low, high = account.segment.objectives
    chosen = dice.rng.sample(range(len(OBJECTIVES)), dice.between(low, high))
    for position, which in enumerate(chosen):
        _objective(dice, calendar, account, rows, plan_id, status, started, position, which)


def _objective(
    dice: Dice, calendar: Calendar, account: "AccountDraft", rows: "Rows", plan_id: str,
    plan_status: str, started: int, position: int, which: int,
) -> None:  # fmt: skip
    title, metric, unit, (low, high), change, per_seat = OBJECTIVES[which]
    scale = account.seats if per_seat else 1
    digits = 2 if high <= 1 and not per_seat else 0
    baseline = round(dice.uniform(low, high) * scale, digits)
    target = round(baseline * (1 + change * dice.uniform(0.7, 1.3)), digits)
    if metric == "active_users":
        target = min(float(account.seats), target)
    if target == baseline:
        target = baseline + (10**-digits if change > 0 else -(10**-digits))
    due = started + dice.between(90, 270)
    if plan_status == "draft":
        status, progress = "not_started", None
    elif plan_status == "achieved":
        status, progress = ("achieved", 1.0) if dice.chance(0.85) else ("missed", 0.6)
    elif plan_status == "abandoned":
        status, progress = ("missed", 0.2) if dice.chance(0.6) else ("not_started", 0.0)
    elif plan_status == "agreed":
        status, progress = ("not_started", 0.0) if dice.chance(0.6) else ("on_track", 0.2)
    elif account.unhealthy:
        status, progress = ("at_risk", 0.3) if dice.chance(0.6) else ("missed", 0.4)
    else:
        roll = dice.random()
        status = "on_track" if roll < 0.6 else "achieved" if roll < 0.8 else "at_risk"
        progress = {"on_track": 0.6, "achieved": 1.0, "at_risk": 0.35}[status]
    current = None
    if progress is not None:
        current = round(baseline + (target - baseline) * progress, digits or 1)
    people = account.active_people()
    owner = account.owner if dice.chance(0.5) else people[0].name
    objective_id = dice.new_id()
    rows["plan_objective"].append((
        objective_id, plan_id, title, metric, float(baseline), float(target), current, unit,
        calendar.iso(due), owner, status, position,
    ))  # fmt: skip
    customer_first = dice.chance(0.5)
    for step in range(dice.between(1, 3)):
        on_customer_side = (step % 2 == 0) == customer_first
        milestone_due = started + (due - started) * (step + 1) // 4
        _milestone(dice, calendar, account, rows, objective_id, plan_status, on_customer_side,
                   milestone_due, step)  # fmt: skip


def _milestone(
    dice: Dice, calendar: Calendar, account: "AccountDraft", rows: "Rows", objective_id: str,
    plan_status: str, customer_side: bool, due: int, position: int,
) -> None:  # fmt: skip
    if customer_side:
        person = dice.pick(account.active_people())
        title, side, owner, stakeholder_id = (
            dice.pick(MILESTONES_CUSTOMER),
            "customer",
            person.name,
            person.id,
        )
    else:
        owner = account.owner if dice.chance(0.6) else dice.pick(OUR_TEAM)
        title, side, stakeholder_id = dice.pick(MILESTONES_OURS), "ours", None
    completed = None
    if plan_status == "draft":
        status = "todo"
    elif plan_status == "achieved" or (due < account.last_day and dice.chance(0.7)):
        status = "done"
        completed = min(account.last_day, due + dice.between(-5, 10))
    elif due < account.last_day:
        status = "blocked" if dice.chance(0.35) else "in_progress"
    else:
        roll = dice.random()
        status = "todo" if roll < 0.6 else "in_progress" if roll < 0.9 else "blocked"
    rows["plan_milestone"].append((
        dice.new_id(), objective_id, stakeholder_id, title, side, owner, calendar.iso(due), status,
        None if completed is None else calendar.iso(completed), position,
    ))  # fmt: skip
