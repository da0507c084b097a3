"""Dated series for one account: metric samples and health history (for sparklines and trends)."""

import uuid
from datetime import date

from sqlalchemy import select

from cs_tui.data.accounts.views import HealthPoint, Series
from cs_tui.data.store.database import Database
from cs_tui.models import HealthSnapshot, MetricSample

SAMPLE = MetricSample.__table__  # type: ignore[attr-defined]
SNAPSHOT = HealthSnapshot.__table__  # type: ignore[attr-defined]


def metric_series(
    db: Database, account_id: uuid.UUID, *, since: date | None = None
) -> list[Series]:
    """Every metric sampled for the account, oldest point first, metrics by name."""
    statement = (
        select(SAMPLE.c.metric, SAMPLE.c.observed_on, SAMPLE.c.value)
        .where(SAMPLE.c.account_id == account_id, SAMPLE.c.deleted_at.is_(None))
        .order_by(SAMPLE.c.metric, SAMPLE.c.observed_on)
    )
    if since is not None:
        statement = statement.where(SAMPLE.c.observed_on >= since)
    points: dict[str, list[tuple[date, float]]] = {}
    with db.engine.connect() as connection:
        for metric, observed_on, value in connection.execute(statement):
            points.setdefault(metric, []).append((observed_on, value))
    return [Series(name, tuple(values)) for name, values in points.items()]


def health_history(db: Database, account_id: uuid.UUID, *, limit: int = 52) -> list[HealthPoint]:
    """The latest `limit` daily snapshots, oldest first."""
    statement = (
        select(SNAPSHOT.c.taken_on, SNAPSHOT.c.score, SNAPSHOT.c.band)
        .where(SNAPSHOT.c.account_id == account_id)
        .order_by(SNAPSHOT.c.taken_on.desc())
        .limit(limit)
    )
    with db.engine.connect() as connection:
        rows = [HealthPoint(*row) for row in connection.execute(statement)]
    return rows[::-1]
