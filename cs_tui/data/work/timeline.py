"""One account's feed, newest first: check-ins, internal notes, survey responses, revenue events,
success-plan changes and completed follow-ups.

Plan changes are derived from the plan rows themselves (started, agreed, marked achieved or
abandoned, objectives added, achieved, missed or removed, milestones done or removed), so no change
log has to be kept in step with every edit.
"""

import uuid
from collections.abc import Collection, Iterator, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Row, Table, select
from sqlmodel import Session

from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.data.work.views import TIMELINE_KINDS, TimelineEntry
from cs_tui.domain.money import format_money
from cs_tui.domain.work.today_rules import survey_alert
from cs_tui.models import (
    CheckIn,
    FollowUp,
    PlanMilestone,
    PlanObjective,
    RevenueEvent,
    SuccessPlan,
    SurveyResponse,
)

_SIGNS = {"churn": "-", "downsell": "-"}


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


def _rows(session: Session, model: Any, *conditions: Any) -> Sequence[Row[Any]]:
    """Rows of one table as Core tuples (named like the columns), not ORM objects."""
    table = _table(model)
    return session.connection().execute(select(table).where(*conditions)).all()


def _live_of(model: Any, account_id: uuid.UUID) -> tuple[Any, Any]:
    table = _table(model)
    return table.c.account_id == account_id, table.c.deleted_at.is_(None)


_ALERT_LABELS = {"detractor": "detractor", "low_csat": "unhappy"}


def _check_ins(session: Session, account_id: uuid.UUID) -> Iterator[TimelineEntry]:
    for c in _rows(session, CheckIn, *_live_of(CheckIn, account_id)):
        kind = str(c.kind)
        title = kind.replace("_", " ").capitalize() if kind != "qbr" else "QBR"
        if c.sentiment is not None:
            title += f" · sentiment {c.sentiment}/5"
        lines = [c.summary]
        if c.attendees:
            lines.append(f"With: {c.attendees}")
        if c.risks:
            lines.append(f"Risks: {c.risks}")
        yield TimelineEntry(
            "note" if kind == "internal_note" else "check_in",
            c.occurred_on, c.created_at, title, "\n".join(lines), c.id.hex, c.author,
        )  # fmt: skip


def _surveys(session: Session, account_id: uuid.UUID) -> Iterator[TimelineEntry]:
    for s in _rows(session, SurveyResponse, *_live_of(SurveyResponse, account_id)):
        kind = str(s.kind)
        alert = survey_alert(kind, s.score)
        title = f"{kind.upper()} {s.score}" + (f" ({_ALERT_LABELS[alert]})" if alert else "")
        if s.contact:
            title += f" from {s.contact}"
        detail = "\n".join(x for x in (s.comment, s.reason and f"Reason: {s.reason}") if x)
        yield TimelineEntry("survey", s.responded_on, s.created_at, title, detail, s.id.hex)


def _revenue(session: Session, account_id: uuid.UUID) -> Iterator[TimelineEntry]:
    for r in _rows(session, RevenueEvent, *_live_of(RevenueEvent, account_id)):
        kind = str(r.kind)
        sign = _SIGNS.get(kind, "+")
        title = f"{kind.replace('_', ' ').capitalize()} {sign}{format_money(r.amount_minor, r.currency)}"
        detail = "\n".join(x for x in (r.reason_code and f"Reason: {r.reason_code}", r.note) if x)
        yield TimelineEntry("revenue", r.occurred_on, r.created_at, title, detail, r.id.hex)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def _plan_events(session: Session, account_id: uuid.UUID) -> Iterator[TimelineEntry]:
    plans = _table(SuccessPlan)
    for plan in _rows(session, SuccessPlan, plans.c.account_id == account_id):
        started = plan.started_on or plan.created_at.date()
        template = f" from the {plan.template} template" if plan.template else ""
        yield TimelineEntry(
            "plan", started, plan.created_at, f"Success plan started{template}", "", plan.id.hex
        )
        if plan.agreed_on:
            yield TimelineEntry(
                "plan", plan.agreed_on, _at(plan.agreed_on), "Success plan agreed with the customer",
                "", plan.id.hex,
            )  # fmt: skip
        if str(plan.status) in ("achieved", "abandoned"):
            yield TimelineEntry(
                "plan", plan.updated_at.date(), plan.updated_at,
                f"Success plan marked {plan.status}", "", plan.id.hex, plan.updated_by,
            )  # fmt: skip
        yield from _objective_events(session, plan)


def _objective_events(session: Session, plan: Row[Any]) -> Iterator[TimelineEntry]:
    table = _table(PlanObjective)
    objectives = _rows(session, PlanObjective, table.c.plan_id == plan.id)
    for o in objectives:
        if o.created_at > plan.created_at:
            yield TimelineEntry(
                "plan", o.created_at.date(), o.created_at, f"Objective added: {o.title}", "",
                o.id.hex, o.updated_by,
            )  # fmt: skip
        if str(o.status) in ("achieved", "missed") and o.deleted_at is None:
            yield TimelineEntry(
                "plan", o.updated_at.date(), o.updated_at, f"Objective {o.status}: {o.title}", "",
                o.id.hex, o.updated_by,
            )  # fmt: skip
        if o.deleted_at is not None:
            yield TimelineEntry(
                "plan", o.deleted_at.date(), o.deleted_at, f"Objective removed: {o.title}", "",
                o.id.hex, o.updated_by,
            )  # fmt: skip
    titles = {o.id: o.title for o in objectives}
    milestone_table = _table(PlanMilestone)
    milestones = (
        _rows(session, PlanMilestone, milestone_table.c.objective_id.in_(list(titles)))
        if titles
        else []
    )
    for m in milestones:
        detail = f"{titles[m.objective_id]} · {m.owner or 'unassigned'} ({m.owner_side})"
        if m.completed_on and m.deleted_at is None:
            yield TimelineEntry(
                "plan", m.completed_on, _at(m.completed_on), f"Milestone done: {m.title}",
                detail, m.id.hex, m.updated_by,
            )  # fmt: skip
        if m.deleted_at is not None and m.deleted_at != _deleted(objectives, m):
            yield TimelineEntry(
                "plan", m.deleted_at.date(), m.deleted_at, f"Milestone removed: {m.title}",
                detail, m.id.hex, m.updated_by,
            )  # fmt: skip


def _deleted(objectives: Sequence[Row[Any]], milestone: Row[Any]) -> datetime | None:
    """The objective's tombstone: milestones removed with their objective are not listed twice."""
    found: datetime | None = next(
        (o.deleted_at for o in objectives if o.id == milestone.objective_id), None
    )
    return found


def _completed_follow_ups(session: Session, account_id: uuid.UUID) -> Iterator[TimelineEntry]:
    table = _table(FollowUp)
    done = (table.c.status == "done", table.c.completed_at.is_not(None))
    for f in _rows(session, FollowUp, *_live_of(FollowUp, account_id), *done):
        yield TimelineEntry(
            "follow_up", f.completed_at.date(), f.completed_at, f"Done: {f.title}",
            f"Owner: {f.owner}" if f.owner else "", f.id.hex, f.updated_by,
        )  # fmt: skip


_SOURCES = {
    "check_in": _check_ins,
    "note": _check_ins,
    "survey": _surveys,
    "revenue": _revenue,
    "plan": _plan_events,
    "follow_up": _completed_follow_ups,
}


def account_timeline(
    db: Database,
    account_reference: str,
    *,
    kinds: Collection[str] | None = None,
    limit: int | None = None,
) -> list[TimelineEntry]:
    """The account's feed, newest first; `kinds` keeps only some of TIMELINE_KINDS."""
    wanted = set(kinds) if kinds else set(TIMELINE_KINDS)
    unknown = wanted - set(TIMELINE_KINDS)
    if unknown:
        raise InvalidInputError(
            f"type: unknown timeline kinds {sorted(unknown)}; use {', '.join(TIMELINE_KINDS)}",
            field="type",
        )
    with db.read() as session:
        account_id = resolve_account(session, account_reference).id
        sources = dict.fromkeys(_SOURCES[k] for k in TIMELINE_KINDS if k in wanted)
        entries = [
            entry
            for source in sources
            for entry in source(session, account_id)
            if entry.kind in wanted
        ]
    entries.sort(key=lambda e: (e.on, e.at or _at(e.on), e.ref_id), reverse=True)
    return entries[:limit] if limit is not None else entries
