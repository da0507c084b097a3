"""The customer QBR pack of one account and one period (a quarter), read in a few indexed queries.

Internal notes (and follow-ups that came from them) are left out; people are shown by display name.
"""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.plans.read import plan_view
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.domain.enums import CheckInKind
from cs_tui.domain.metrics.periods import Period, default_period, quarter_containing
from cs_tui.domain.qbr import rules
from cs_tui.domain.qbr.pack import (
    FollowUpLine,
    HealthPoint,
    MilestoneLine,
    ObjectiveLine,
    QbrPack,
    Renewal,
    RevenueLine,
    SurveyLine,
    Touch,
    Voice,
)
from cs_tui.domain.voice.scores import csat, nps
from cs_tui.models import CheckIn, FollowUp, HealthSnapshot, RevenueEvent, SurveyResponse

SNAPSHOT = HealthSnapshot.__table__  # type: ignore[attr-defined]
CHECK_IN = CheckIn.__table__  # type: ignore[attr-defined]
SURVEY = SurveyResponse.__table__  # type: ignore[attr-defined]
REVENUE = RevenueEvent.__table__  # type: ignore[attr-defined]
FOLLOW_UP = FollowUp.__table__  # type: ignore[attr-defined]
INTERNAL = CheckInKind.INTERNAL_NOTE.value


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _maybe_day(value: Any) -> date | None:
    return None if value is None else _day(value)


def _health(
    connection: Connection, account_id: uuid.UUID, start: date, end: date
) -> list[HealthPoint]:
    rows = connection.execute(
        select(SNAPSHOT.c.taken_on, SNAPSHOT.c.score, SNAPSHOT.c.band)
        .where(
            SNAPSHOT.c.account_id == account_id,
            SNAPSHOT.c.taken_on >= start,
            SNAPSHOT.c.taken_on <= end,
        )
        .order_by(SNAPSHOT.c.taken_on)
    )
    return [HealthPoint(_day(d), None if s is None else float(s), str(b)) for d, s, b in rows]


def _touches(
    connection: Connection, account_id: uuid.UUID, start: date, end: date
) -> tuple[list[Touch], list[str]]:
    rows = connection.execute(
        select(
            CHECK_IN.c.occurred_on, CHECK_IN.c.kind, CHECK_IN.c.summary, CHECK_IN.c.attendees,
            CHECK_IN.c.sentiment, CHECK_IN.c.risks,
        )
        .where(
            CHECK_IN.c.account_id == account_id, CHECK_IN.c.deleted_at.is_(None),
            CHECK_IN.c.kind != INTERNAL, CHECK_IN.c.occurred_on >= start,
            CHECK_IN.c.occurred_on <= end,
        )
        .order_by(CHECK_IN.c.occurred_on.desc(), CHECK_IN.c.created_at.desc())
    )  # fmt: skip
    touches: list[Touch] = []
    raised: list[str] = []
    for occurred_on, kind, summary, attendees, sentiment, risks in rows:
        touches.append(
            Touch(
                _day(occurred_on),
                str(kind),
                summary or "",
                rules.people(attendees or ""),
                sentiment,
            )
        )
        if risks:
            raised.append(risks)
    return touches, raised


def _voice(connection: Connection, account_id: uuid.UUID, start: date, end: date) -> Voice:
    rows = connection.execute(
        select(SURVEY.c.responded_on, SURVEY.c.kind, SURVEY.c.score, SURVEY.c.contact, SURVEY.c.comment)
        .where(
            SURVEY.c.account_id == account_id, SURVEY.c.deleted_at.is_(None),
            SURVEY.c.responded_on >= start, SURVEY.c.responded_on <= end,
        )
        .order_by(SURVEY.c.responded_on.desc())
    )  # fmt: skip
    lines = tuple(
        SurveyLine(_day(d), str(k), int(s), rules.display_name(c or ""), comment or "")
        for d, k, s, c, comment in rows
    )
    promoters = nps(line.score for line in lines if line.kind == "nps")
    satisfied = csat(line.score for line in lines if line.kind == "csat")
    return Voice(promoters.score, promoters.responses, satisfied.score, satisfied.responses, lines)


def _revenue(
    connection: Connection, account_id: uuid.UUID, start: date, end: date
) -> list[RevenueLine]:
    rows = connection.execute(
        select(REVENUE.c.occurred_on, REVENUE.c.kind, REVENUE.c.amount_minor, REVENUE.c.currency)
        .where(
            REVENUE.c.account_id == account_id, REVENUE.c.deleted_at.is_(None),
            REVENUE.c.occurred_on >= start, REVENUE.c.occurred_on <= end,
        )
        .order_by(REVENUE.c.occurred_on)
    )  # fmt: skip
    return [
        RevenueLine(_day(d), str(k), rules.signed_amount(str(k), int(a)), str(c))
        for d, k, a, c in rows
    ]


def _open_follow_ups(
    connection: Connection, account_id: uuid.UUID, until: date
) -> tuple[list[FollowUpLine], list[str]]:
    """Open follow-ups due by `until` (or undated), and the titles of open risks; none from notes."""
    from_note = (
        select(CHECK_IN.c.id)
        .where(CHECK_IN.c.id == FOLLOW_UP.c.check_in_id, CHECK_IN.c.kind == INTERNAL)
        .exists()
    )
    rows = connection.execute(
        select(FOLLOW_UP.c.title, FOLLOW_UP.c.owner, FOLLOW_UP.c.due_on, FOLLOW_UP.c.kind)
        .where(
            FOLLOW_UP.c.account_id == account_id, FOLLOW_UP.c.deleted_at.is_(None),
            FOLLOW_UP.c.status == "open", ~from_note,
        )
    )  # fmt: skip
    # sorted here, not in SQL: an ORDER BY on the due day lets SQLite walk the book's open
    # follow-ups by (status, due_on) instead of this account's by (account_id, status)
    ordered = sorted(rows, key=lambda r: (_maybe_day(r[2]) or date.max, str(r[0])))
    planned: list[FollowUpLine] = []
    risk_titles: list[str] = []
    for title, owner, due_on, kind in ordered:
        due = _maybe_day(due_on)
        if str(kind) == "risk":
            risk_titles.append(str(title))
        if due is None or due <= until:
            planned.append(
                FollowUpLine(str(title), rules.display_name(owner or ""), due, str(kind))
            )
    return planned, risk_titles


def qbr_pack(db: Database, reference: str, period: Period | None = None) -> QbrPack:
    """The account's QBR pack for a period (default: the last full quarter); one still running is
    shown up to today."""
    today = db.today()
    period = period or default_period(today)
    if period.start > today:
        raise InvalidInputError(
            f"{period.label} has not started yet (today is {today.isoformat()})",
            field="period",
            hint=f"Use {quarter_containing(today).label} or an earlier period.",
        )
    start, end = period.start, min(period.end, today)
    following = period.next()
    with db.read() as session:
        account = resolve_account(session, reference)
        plan = plan_view(session, account)
        connection = session.connection()
        points = _health(connection, account.id, start, end)
        touches, raised = _touches(connection, account.id, start, end)
        voice = _voice(connection, account.id, start, end)
        revenue = _revenue(connection, account.id, start, end)
        planned, risk_titles = _open_follow_ups(connection, account.id, following.end)
    objectives = tuple(
        ObjectiveLine(
            o.title, o.metric, o.unit, o.baseline, o.target, o.current, o.progress, o.status,
            o.due_on, rules.display_name(o.owner),
        )
        for o in (plan.objectives if plan else ())
    )  # fmt: skip
    milestones = [
        MilestoneLine(
            m.title, o.title, rules.display_name(m.owner), m.side, m.due_on, m.status,
            m.completed_on,
        )
        for o in (plan.objectives if plan else ())
        for m in o.milestones
    ]  # fmt: skip
    health = rules.health_trend(points)
    done = rules.done_in(milestones, period)
    due = rules.due_by(milestones, period)
    renewed = [line.day for line in revenue if line.kind == "renewal"]
    renewal = Renewal(
        renewal_on=account.contract_end,
        days_to_go=(account.contract_end - today).days if account.contract_end else None,
        auto_renew=account.auto_renew,
        arr_minor=account.arr_minor,
        currency=account.currency,
        renewed_on=renewed[-1] if renewed else None,
    )
    return QbrPack(
        account_name=account.name,
        owner=rules.display_name(account.owner),
        segment=account.segment,
        stage=str(account.lifecycle_stage),
        period=period.label,
        period_start=start,
        period_end=end,
        as_of=today,
        health=health,
        objectives=objectives,
        milestones_done=done,
        milestones_due=due,
        touches=tuple(touches),
        touch_counts=rules.touch_counts(touches),
        voice=voice,
        revenue=tuple(revenue),
        renewal=renewal,
        risks=rules.risks(raised, risk_titles, health, voice),
        wins=rules.wins(objectives, done, revenue, health, voice),
        misses=rules.misses(objectives, due, revenue, health, today),
        next_period=following.label,
        next_milestones=rules.planned_for(milestones, following),
        next_follow_ups=tuple(planned),
    )
