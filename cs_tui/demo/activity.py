"""The CSM's side of an account: check-ins and internal notes, follow-ups, sentiment, overrides.

Touches follow the segment's cadence, and how late the last one is depends on the account's health,
so some accounts are past their cadence. Older follow-ups are mostly done; recent ones are open, some
overdue, some snoozed with a reason.
"""

from typing import TYPE_CHECKING

from cs_tui.demo.draws import Calendar, Dice
from cs_tui.demo.profiles import CHECK_IN_WINDOW_DAYS
from cs_tui.demo.vocabulary import (
    CHECK_IN_SUMMARIES,
    FOLLOW_UP_TITLES,
    OVERRIDE_REASONS,
    RISKS,
    SENTIMENT_REASONS,
    SNOOZE_REASONS,
    TOPICS,
)

if TYPE_CHECKING:
    from cs_tui.demo.generate import AccountDraft, Contact, Row

CheckInRef = tuple[str, int, str, str]  # id, day, kind, the contact's first name

_TOUCH_KINDS = ("call", "email", "meeting", "survey")
_TOUCH_BOUNDS = (0.38, 0.74, 0.95, 1.0)
_FOLLOW_UP_KINDS = ("follow_up", "risk", "opportunity", "lifecycle")
_FOLLOW_UP_BOUNDS_HEALTHY = (0.66, 0.72, 0.9, 1.0)
_FOLLOW_UP_BOUNDS_UNHEALTHY = (0.55, 0.88, 0.92, 1.0)
_PRIORITIES = ("low", "normal", "high", "urgent")
_PRIORITY_BOUNDS = (0.2, 0.8, 0.97, 1.0)
_RISK_PRIORITY_BOUNDS = (0.0, 0.25, 0.75, 1.0)


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def check_ins(
    dice: Dice, calendar: Calendar, account: "AccountDraft", out: "list[Row]"
) -> list[CheckInRef]:
    """Touches over the last six months (before churn, for a churned account), newest first."""
    segment, profile = account.segment, account.profile
    cadence = segment.cadence_days
    last_day = account.last_day
    window_start = max(account.customer_since, last_day - CHECK_IN_WINDOW_DAYS)
    low, high = profile.touch_lateness
    day = last_day - int(cadence * dice.uniform(low, high))
    if day < account.customer_since:
        day = dice.between(account.customer_since, last_day)
    iso = calendar.iso
    made: list[CheckInRef] = []
    days_since_qbr = 999
    while day >= window_start and len(made) < segment.max_check_ins:
        contact = account.contact(dice, day)
        if day - account.customer_since < 90 and dice.chance(0.6):
            kind = "onboarding"
        elif segment.name != "SMB" and days_since_qbr > 80 and dice.chance(0.5):
            kind, days_since_qbr = "qbr", 0
        else:
            kind = dice.weighted(_TOUCH_KINDS, _TOUCH_BOUNDS)
        made.append(_touch(dice, calendar, account, out, day, kind, contact))
        step = int(cadence * dice.uniform(0.55, 1.35)) + 1
        days_since_qbr += step
        day -= step
    notes = dice.between(0, 2) if account.unhealthy else int(dice.chance(0.45))
    for _ in range(notes):
        day = dice.between(window_start, last_day)
        summary = dice.pick(CHECK_IN_SUMMARIES["internal_note"]).format(
            first=account.people[0].first, topic=dice.pick(TOPICS)
        )
        out.append(
            (
                dice.new_id(),
                account.id,
                iso(day),
                "internal_note",
                summary,
                "",
                None,
                "",
                account.owner,
            )
        )
    return made


def _touch(
    dice: Dice, calendar: Calendar, account: "AccountDraft", out: "list[Row]", day: int,
    kind: str, contact: "Contact",
) -> CheckInRef:  # fmt: skip
    profile = account.profile
    topic = dice.pick(TOPICS)
    summary = dice.pick(CHECK_IN_SUMMARIES[kind]).format(first=contact.first, topic=topic)
    attendees = [contact.name]
    if kind not in ("email", "survey"):
        others = [p.name for p in account.active_people(day) if p is not contact]
        attendees += others[: dice.between(0, min(2, len(others)))]
        if kind in ("meeting", "qbr", "onboarding"):
            attendees.append(account.owner)
    sentiment = None
    if dice.chance(0.65):
        # unhealthy accounts were happier before they started to slide
        drift = 0.1 * (-day // 30) if account.unhealthy else 0.0
        sentiment = _clamp(profile.sentiment + drift + dice.uniform(-0.9, 0.9), 1, 5)
    risks = ""
    if account.unhealthy and dice.chance(0.45):
        risks = dice.pick(RISKS).format(topic=topic)
    check_in_id = dice.new_id()
    out.append((
        check_in_id, account.id, calendar.iso(day), kind, summary, ", ".join(attendees),
        sentiment, risks, account.owner,
    ))  # fmt: skip
    return (check_in_id, day, kind, contact.first)


def follow_ups(
    dice: Dice, calendar: Calendar, account: "AccountDraft", touches: list[CheckInRef],
    out: "list[Row]",
) -> None:  # fmt: skip
    """Next steps from check-ins, a few by hand, and rule-made ones for red or renewing accounts."""
    for check_in_id, day, kind, first in touches:
        if kind != "survey" and dice.chance(0.45):
            due = day + dice.between(3, 21)
            _follow_up(dice, calendar, account, out, due, first, "check_in", "", check_in_id)
    if account.churned:
        return
    first = account.people[0].first
    for _ in range(int(dice.chance(0.4)) + int(dice.chance(0.12))):
        _follow_up(dice, calendar, account, out, dice.between(-20, 30), first, "manual", "", None)
    if account.health == 3 and dice.chance(0.6):
        _follow_up(dice, calendar, account, out, dice.between(-7, 7), first, "rule", "health_red")
    if account.contract_end <= 90 and dice.chance(0.5):
        due = max(-10, account.contract_end - 60)
        _follow_up(dice, calendar, account, out, due, first, "rule", "renewal_90d")


def _follow_up(
    dice: Dice, calendar: Calendar, account: "AccountDraft", out: "list[Row]", due: int,
    first: str, origin: str, origin_ref: str, check_in_id: str | None = None,
) -> None:  # fmt: skip
    if origin_ref == "health_red":
        kind, title = "risk", "Health turned red: agree a save plan"
    elif origin_ref == "renewal_90d":
        kind = "lifecycle"
        title = f"Renewal on {calendar.iso(account.contract_end)}: confirm the plan"
    else:
        bounds = _FOLLOW_UP_BOUNDS_UNHEALTHY if account.unhealthy else _FOLLOW_UP_BOUNDS_HEALTHY
        kind = dice.weighted(_FOLLOW_UP_KINDS, bounds)
        title = dice.pick(FOLLOW_UP_TITLES[kind]).format(first=first, topic=dice.pick(TOPICS))
    priority_bounds = _RISK_PRIORITY_BOUNDS if kind == "risk" else _PRIORITY_BOUNDS
    priority = dice.weighted(_PRIORITIES, priority_bounds)
    last_day = account.last_day
    roll = dice.random()
    if due < -21:
        status = "done" if roll < 0.88 else "cancelled" if roll < 0.93 else "open"
    elif due < 0:
        status = "done" if roll < 0.45 else "open"
    else:
        status = "open"
    if account.churned and status == "open":
        status = "cancelled"
    completed_at = None
    if status == "done":
        finished = min(last_day, due + dice.between(-3, 5))
        completed_at = calendar.moment(finished, dice.between(8 * 60, 18 * 60))
    snoozed_until, snooze_reason = None, ""
    if status == "open" and dice.chance(0.12):
        snoozed_until = calendar.iso(dice.between(2, 21))
        snooze_reason = dice.pick(SNOOZE_REASONS).format(first=first)
    out.append((
        dice.new_id(), account.id, check_in_id, title, kind, priority, account.owner,
        calendar.iso(due), status, snoozed_until, snooze_reason, origin, origin_ref, completed_at,
    ))  # fmt: skip


def sentiment(dice: Dice, calendar: Calendar, account: "AccountDraft", out: "list[Row]") -> None:
    """The CSM's own 1-5 pulse, with a reason, on about a third of the live accounts."""
    if account.churned or not dice.chance(0.55 if account.unhealthy else 0.3):
        return
    count = 1 + int(dice.chance(0.4)) + int(dice.chance(0.15))
    for _ in range(count):
        value = _clamp(account.profile.sentiment + dice.uniform(-0.8, 0.8), 1, 5)
        reason = dice.pick(SENTIMENT_REASONS[value]).format(topic=dice.pick(TOPICS))
        day = -dice.between(0, 100)
        out.append((dice.new_id(), account.id, value, reason, calendar.iso(day), account.owner))


def score_override(
    dice: Dice, calendar: Calendar, account: "AccountDraft", out: "list[Row]"
) -> None:
    """An active manual score with a reason and an expiry: a few per book."""
    if account.unhealthy:
        score, reason = dice.between(65, 80), OVERRIDE_REASONS[0]
    else:
        score, reason = dice.between(30, 45), dice.pick(OVERRIDE_REASONS[1:])
    set_on = -dice.between(1, 20)
    expires_on = dice.between(10, 75)
    out.append((
        dice.new_id(), account.id, score, reason, calendar.iso(set_on), calendar.iso(expires_on),
        account.owner, None,
    ))  # fmt: skip
