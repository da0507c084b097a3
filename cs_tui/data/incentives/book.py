"""Loading each owner's accounts for a period in a few set-based queries (one per kind of fact)."""

import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select

from cs_tui.data.store.database import Database
from cs_tui.domain.enums import AGREED_PLAN_STATUSES, CheckInKind, LifecycleStage, RevenueKind
from cs_tui.domain.incentives.book import AccountBook, RevenueFact
from cs_tui.domain.incentives.periods import Period
from cs_tui.models import (
    Account,
    CheckIn,
    HealthSnapshot,
    MetricSample,
    RevenueEvent,
    SuccessPlan,
    SurveyResponse,
)

ACCOUNT = Account.__table__  # type: ignore[attr-defined]
REVENUE = RevenueEvent.__table__  # type: ignore[attr-defined]
SURVEY = SurveyResponse.__table__  # type: ignore[attr-defined]
CHECK_IN = CheckIn.__table__  # type: ignore[attr-defined]
SNAPSHOT = HealthSnapshot.__table__  # type: ignore[attr-defined]
PLAN = SuccessPlan.__table__  # type: ignore[attr-defined]
SAMPLE = MetricSample.__table__  # type: ignore[attr-defined]
RESPONSE_METRIC = "first_response_hours"


def _key(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")


def _owned(owner: str | None) -> list[Any]:
    conditions = [ACCOUNT.c.deleted_at.is_(None), ACCOUNT.c.owner != ""]
    if owner is not None:
        conditions.append(ACCOUNT.c.owner == owner)
    return conditions


def owners(db: Database) -> tuple[str, ...]:
    """Every owner of a live account, in name order."""
    query = select(ACCOUNT.c.owner).where(*_owned(None)).distinct().order_by(ACCOUNT.c.owner)
    with db.engine.connect() as connection:
        return tuple(str(row[0]) for row in connection.execute(query))


def load_books(
    db: Database, period: Period, as_of: date, *, owner: str | None = None
) -> dict[str, list[AccountBook]]:
    """Each owner's accounts with the facts the metrics need, keyed by owner."""
    owned = _owned(owner)
    accounts = select(
        ACCOUNT.c.id, ACCOUNT.c.name, ACCOUNT.c.owner, ACCOUNT.c.segment, ACCOUNT.c.arr_minor,
        ACCOUNT.c.lifecycle_stage, ACCOUNT.c.contract_end,
    ).where(*owned).order_by(ACCOUNT.c.name)  # fmt: skip

    def joined(table: Any, *conditions: Any) -> Any:
        return (
            select(*conditions[0])
            .join(ACCOUNT, ACCOUNT.c.id == table.c.account_id)
            .where(table.c.deleted_at.is_(None), *owned, *conditions[1:])
        )  # fmt: skip

    revenue = joined(
        REVENUE, (REVENUE.c.account_id, REVENUE.c.kind, REVENUE.c.amount_minor, REVENUE.c.occurred_on),
        REVENUE.c.occurred_on >= period.start,
    ).order_by(REVENUE.c.occurred_on)  # fmt: skip
    surveys = joined(
        SURVEY, (SURVEY.c.account_id, SURVEY.c.kind, SURVEY.c.responded_on, SURVEY.c.score),
        SURVEY.c.responded_on >= period.start, SURVEY.c.responded_on <= as_of,
    ).order_by(SURVEY.c.responded_on)  # fmt: skip
    customer = CHECK_IN.c.kind != CheckInKind.INTERNAL_NOTE.value
    touches = joined(
        CHECK_IN, (CHECK_IN.c.account_id, CHECK_IN.c.occurred_on),
        customer, CHECK_IN.c.occurred_on >= period.start, CHECK_IN.c.occurred_on <= as_of,
    )  # fmt: skip
    before = joined(
        CHECK_IN, (CHECK_IN.c.account_id, func.max(CHECK_IN.c.occurred_on)),
        customer, CHECK_IN.c.occurred_on < period.start,
    ).group_by(CHECK_IN.c.account_id)  # fmt: skip
    latest = (
        select(SNAPSHOT.c.account_id, func.max(SNAPSHOT.c.taken_on).label("taken_on"))
        .where(SNAPSHOT.c.taken_on <= as_of)
        .group_by(SNAPSHOT.c.account_id)
        .subquery()
    )
    health = (
        select(SNAPSHOT.c.account_id, SNAPSHOT.c.taken_on, SNAPSHOT.c.score)
        .join(latest, (latest.c.account_id == SNAPSHOT.c.account_id)
              & (latest.c.taken_on == SNAPSHOT.c.taken_on))
        .join(ACCOUNT, ACCOUNT.c.id == SNAPSHOT.c.account_id)
        .where(*owned, SNAPSHOT.c.score.is_not(None))
    )  # fmt: skip
    plans = joined(
        PLAN, (PLAN.c.account_id,),
        PLAN.c.status.in_([s.value for s in AGREED_PLAN_STATUSES]),
    )  # fmt: skip
    samples = joined(
        SAMPLE, (SAMPLE.c.account_id, SAMPLE.c.observed_on, SAMPLE.c.value),
        SAMPLE.c.metric == RESPONSE_METRIC,
        SAMPLE.c.observed_on >= period.start, SAMPLE.c.observed_on <= as_of,
    ).order_by(SAMPLE.c.observed_on)  # fmt: skip

    facts: dict[str, dict[str, Any]] = {}
    with db.engine.connect() as connection:
        rows = connection.execute(accounts).all()
        for id_, name, owner_name, segment, arr, stage, contract_end in rows:
            facts[_key(id_)] = {
                "id": _key(id_), "name": name, "owner": owner_name, "segment": segment or "",
                "arr_minor": int(arr), "churned": stage == LifecycleStage.CHURNED.value,
                "contract_end": contract_end, "revenue": [], "nps": [], "csat": [],
                "touches": [], "response_hours": [],
            }  # fmt: skip
        for account_id, kind, amount, on in connection.execute(revenue):
            facts[_key(account_id)]["revenue"].append(
                RevenueFact(RevenueKind(kind), int(amount), on)
            )
        for account_id, kind, on, score in connection.execute(surveys):
            facts[_key(account_id)][kind].append((on, int(score)))
        for account_id, on in connection.execute(touches):
            facts[_key(account_id)]["touches"].append(on)
        for account_id, on in connection.execute(before):
            facts[_key(account_id)]["touch_before"] = on
        for account_id, on, score in connection.execute(health):
            facts[_key(account_id)].update(health=float(score), health_on=on)
        for (account_id,) in connection.execute(plans):
            facts[_key(account_id)]["agreed_plan"] = True
        for account_id, on, value in connection.execute(samples):
            facts[_key(account_id)]["response_hours"].append((on, float(value)))
    books: dict[str, list[AccountBook]] = defaultdict(list)
    for fact in facts.values():
        for name in ("revenue", "nps", "csat", "touches", "response_hours"):
            fact[name] = tuple(fact[name])
        books[fact["owner"]].append(AccountBook(**fact))
    return dict(books)
