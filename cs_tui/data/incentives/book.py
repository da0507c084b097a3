"""Loading what the process metrics need of each owner's accounts: one set-based query per fact
(the accounts, customer touches, the last touch before the period, the latest health score,
response-time samples), whatever the book's size."""

import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select

from cs_tui.data.store.database import Database
from cs_tui.domain.enums import CheckInKind, LifecycleStage
from cs_tui.domain.incentives.book import AccountBook
from cs_tui.domain.incentives.periods import Period
from cs_tui.models import Account, CheckIn, HealthSnapshot, MetricSample

ACCOUNT = Account.__table__  # type: ignore[attr-defined]
CHECK_IN = CheckIn.__table__  # type: ignore[attr-defined]
SNAPSHOT = HealthSnapshot.__table__  # type: ignore[attr-defined]
SAMPLE = MetricSample.__table__  # type: ignore[attr-defined]
RESPONSE_METRIC = "first_response_hours"


def _key(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).hex


def _owned(owner: str | None) -> list[Any]:
    conditions = [ACCOUNT.c.deleted_at.is_(None), ACCOUNT.c.owner != ""]
    if owner is not None:
        conditions.append(ACCOUNT.c.owner == owner)
    return conditions


def load_books(
    db: Database, period: Period, as_of: date, *, owner: str | None = None
) -> dict[str, list[AccountBook]]:
    """Each owner's accounts (today's owner) with their touches, health and samples."""
    owned = _owned(owner)
    accounts = select(
        ACCOUNT.c.id, ACCOUNT.c.name, ACCOUNT.c.owner, ACCOUNT.c.segment, ACCOUNT.c.lifecycle_stage
    ).where(*owned).order_by(ACCOUNT.c.name)  # fmt: skip

    def joined(table: Any, columns: tuple[Any, ...], *conditions: Any) -> Any:
        return (
            select(*columns)
            .join(ACCOUNT, ACCOUNT.c.id == table.c.account_id)
            .where(table.c.deleted_at.is_(None), *owned, *conditions)
        )

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
    samples = joined(
        SAMPLE, (SAMPLE.c.account_id, SAMPLE.c.observed_on, SAMPLE.c.value),
        SAMPLE.c.metric == RESPONSE_METRIC,
        SAMPLE.c.observed_on >= period.start, SAMPLE.c.observed_on <= as_of,
    ).order_by(SAMPLE.c.observed_on)  # fmt: skip

    facts: dict[str, dict[str, Any]] = {}
    with db.engine.connect() as connection:
        for id_, name, owner_name, segment, stage in connection.execute(accounts):
            facts[_key(id_)] = {
                "id": _key(id_), "name": name, "owner": owner_name, "segment": segment or "",
                "churned": stage == LifecycleStage.CHURNED.value, "touches": [],
                "response_hours": [],
            }  # fmt: skip
        for account_id, on in connection.execute(touches):
            facts[_key(account_id)]["touches"].append(on)
        for account_id, on in connection.execute(before):
            facts[_key(account_id)]["touch_before"] = on
        for account_id, on, score in connection.execute(health):
            facts[_key(account_id)].update(health=float(score), health_on=on)
        for account_id, on, value in connection.execute(samples):
            facts[_key(account_id)]["response_hours"].append((on, float(value)))
    books: dict[str, list[AccountBook]] = defaultdict(list)
    for fact in facts.values():
        fact["touches"] = tuple(fact["touches"])
        fact["response_hours"] = tuple(fact["response_hours"])
        books[fact["owner"]].append(AccountBook(**fact))
    return dict(books)
