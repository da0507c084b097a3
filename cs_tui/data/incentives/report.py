"""Payouts for a period: each owner's metric inputs (live, or frozen when the period was closed),
the plan in force (or the one frozen with the closed period), and what-if values on top."""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import delete, select

from cs_tui.data.incentives.book import load_books
from cs_tui.data.metrics.load import load_book
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.domain.incentives.book import owner_metrics
from cs_tui.domain.incentives.calc import MetricActual, Payout, Trace, compute_payout, what_if
from cs_tui.domain.incentives.periods import Period, so_far
from cs_tui.domain.incentives.plan import Plan
from cs_tui.domain.metrics.book import Response
from cs_tui.domain.metrics.flows import AccountFlow, period_flows
from cs_tui.domain.work.cadence import Cadences
from cs_tui.io.incentives.plan_file import plan_from_text
from cs_tui.models import IncentiveInput, IncentivePeriod

Inputs = Mapping[str, Mapping[str, MetricActual]]  # owner -> metric -> actual


@dataclass(frozen=True)
class Closed:
    period: str
    closed_at: datetime
    closed_by: str
    plan_name: str
    plan_fingerprint: str


@dataclass(frozen=True)
class TeamReport:
    plan: Plan
    period: Period
    as_of: date
    closed: Closed | None
    payouts: tuple[Payout, ...]
    inputs: Inputs
    what_if: Mapping[str, Fraction] = field(default_factory=dict)

    def payout_of(self, owner: str) -> Payout | None:
        return next((p for p in self.payouts if p.owner == owner), None)


def pick_owner(known: Iterable[str], name: str, period: Period) -> str:
    """The owner as the book spells them (case does not matter), or `NotFoundError`."""
    names = sorted(known)
    found = [o for o in names if o.casefold() == name.strip().casefold()]
    if not found:
        listed = ", ".join(names) or "none"
        raise NotFoundError(
            f"no accounts are owned by {name!r} in {period.label}; owners: {listed}"
        )
    return found[0]


def _fraction_text(value: Fraction | None) -> str | None:
    return None if value is None else str(value)


def _trace_json(trace: Trace) -> dict[str, Any]:
    return {
        "account_id": trace.account_id, "account": trace.account, "event": trace.event,
        "on": trace.on.isoformat() if trace.on else None, "amount_minor": trace.amount_minor,
        "value": trace.value,
    }  # fmt: skip


def _trace_of(data: Mapping[str, Any]) -> Trace:
    on = data.get("on")
    return Trace(
        str(data["account_id"]), str(data["account"]), str(data["event"]),
        date.fromisoformat(on) if on else None, data.get("amount_minor"), str(data.get("value", "")),
    )  # fmt: skip


def _closed_row(db: Database, period: Period) -> IncentivePeriod | None:
    with db.read() as session:
        return session.execute(
            select(IncentivePeriod).where(
                IncentivePeriod.period == period.label,  # type: ignore[arg-type]
                IncentivePeriod.deleted_at.is_(None),  # type: ignore[union-attr]
            )
        ).scalar_one_or_none()


def _closed(row: IncentivePeriod) -> Closed:
    return Closed(row.period, row.updated_at, row.updated_by, row.plan_name, row.plan_fingerprint)


def _frozen_inputs(
    db: Database, row: IncentivePeriod, owner: str | None
) -> dict[str, dict[str, MetricActual]]:
    query = select(IncentiveInput).where(
        IncentiveInput.period_id == row.id,  # type: ignore[arg-type]
        IncentiveInput.deleted_at.is_(None),  # type: ignore[union-attr]
    )
    found: dict[str, dict[str, MetricActual]] = {}
    with db.read() as session:
        for item in session.execute(query).scalars():
            if owner is not None and item.owner != owner:
                continue
            traces = tuple(_trace_of(t) for t in json.loads(item.traces))
            value = None if item.value is None else Fraction(item.value)
            found.setdefault(item.owner, {})[item.metric] = MetricActual(
                item.metric, value, item.detail, traces
            )
    return found


def live_inputs(
    db: Database, period: Period, as_of: date, cadences: Cadences, currency: str, *,
    owner: str | None = None,
) -> dict[str, dict[str, MetricActual]]:  # fmt: skip
    """Each owner's metrics computed from the book now: results on the accounts they had at the
    period's start (the book metrics' flows), process metrics on the accounts they have today."""
    data = load_book(db, since=period.start, until=as_of)
    facts = {f.id: f for f in data.accounts}
    flows = [f for f in period_flows(data.accounts, period, today=as_of) if f.owner]
    if owner is not None:
        flows = [f for f in flows if f.owner == owner]
    owner_of = {f.account_id: f.owner for f in flows}
    books = load_books(db, period, as_of, owner=owner)
    flows_of: dict[str, list[AccountFlow]] = {}
    for flow in flows:
        flows_of.setdefault(flow.owner, []).append(flow)
    responses_of: dict[str, list[Response]] = {}
    for response in data.responses:
        if (name := owner_of.get(response.account_id)) is not None:
            responses_of.setdefault(name, []).append(response)
    return {
        name: owner_metrics(
            flows_of.get(name, []),
            facts,
            responses_of.get(name, []),
            books.get(name, []),
            period,
            as_of,
            cadences,
            currency,
        )
        for name in sorted({*flows_of, *books})
    }


def team_report(
    db: Database, plan: Plan, period: Period, cadences: Cadences, *,
    owner: str | None = None, overrides: Mapping[str, Fraction] | None = None,
    today: date | None = None,
) -> TeamReport:  # fmt: skip
    """Every owner's payout (or one owner's) for the period; a closed period uses its frozen inputs
    and frozen plan. What-if values replace metrics for the calculation only (nothing is stored)."""
    if period.kind != plan.period.value:
        raise InvalidInputError(
            f"{period.label} is a {period.kind}, but the plan pays per {plan.period.value}",
            field="--period",
        )
    row = _closed_row(db, period)
    if row is not None:
        plan = plan_from_text(row.plan_toml, source=f"the plan frozen with {row.period}")
        as_of = row.ends_on
        inputs: Inputs = _frozen_inputs(db, row, None)
        closed: Closed | None = _closed(row)
    else:
        as_of = so_far(period, today or db.today())
        inputs = live_inputs(db, period, as_of, cadences, plan.currency)
        closed = None
    if owner is not None:  # results follow the owner at the period start: pick among all
        chosen = pick_owner(inputs, owner, period)
        inputs = {chosen: inputs[chosen]}
    changes = dict(overrides or {})
    payouts = tuple(
        compute_payout(plan, name, period, what_if(actuals, changes), as_of)
        for name, actuals in sorted(inputs.items())
    )
    return TeamReport(plan, period, as_of, closed, payouts, inputs, changes)


def close_period(
    db: Database, plan: Plan, plan_toml: str, period: Period, cadences: Cadences, *,
    replace: bool = False, today: date | None = None,
) -> Closed:  # fmt: skip
    """Freeze every owner's inputs and the plan for an ended period, so its statements never change."""
    now = today or db.today()
    if period.kind != plan.period.value:
        raise InvalidInputError(
            f"{period.label} is a {period.kind}, but the plan pays per {plan.period.value}",
            field="PERIOD",
        )
    if period.end >= now:
        raise InvalidInputError(
            f"{period.label} runs until {period.end.isoformat()}; close it once it has ended",
            field="PERIOD",
        )
    existing = _closed_row(db, period)
    if existing is not None and not replace:
        raise InvalidInputError(
            f"{period.label} was closed on {existing.updated_at:%Y-%m-%d} by "
            f"{existing.updated_by or 'someone'}; nothing was changed",
            field="PERIOD", hint="Pass --replace to freeze today's book for it instead.",
        )  # fmt: skip
    inputs = live_inputs(db, period, period.end, cadences, plan.currency)
    with db.write() as session:
        if existing is not None:
            session.execute(delete(IncentiveInput).where(
                IncentiveInput.period_id == existing.id))  # type: ignore[arg-type]  # fmt: skip
            row = session.get(IncentivePeriod, existing.id)
            assert row is not None
        else:
            row = IncentivePeriod(period=period.label, starts_on=period.start, ends_on=period.end)
        row.plan_name, row.plan_fingerprint, row.plan_toml = plan.name, plan.fingerprint, plan_toml
        session.add(row)
        session.flush()
        for name, actuals in inputs.items():
            for metric, actual in actuals.items():
                session.add(IncentiveInput(
                    period_id=row.id, owner=name, metric=metric,
                    value=_fraction_text(actual.value), detail=actual.detail,
                    traces=json.dumps([_trace_json(t) for t in actual.traces]),
                ))  # fmt: skip
        session.flush()
        closed = _closed(row)
    return closed


def closed_periods(db: Database) -> tuple[Closed, ...]:
    query = select(IncentivePeriod).where(IncentivePeriod.deleted_at.is_(None))  # type: ignore[union-attr]
    with db.read() as session:
        rows = session.execute(query).scalars().all()
    return tuple(sorted((_closed(r) for r in rows), key=lambda c: c.period))
