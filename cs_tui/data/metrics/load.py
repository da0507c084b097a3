"""What the book metrics read from the store: four set-based queries, whatever the book's size.

Every live account (with its health band and plan status from the summary cache), the revenue
events on or after the earliest day asked about (older ones change no ARR in the periods), the
owner history, and the survey responses in the periods. No query per account.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from cs_tui.data.store.database import Database
from cs_tui.domain.enums import AGREED_PLAN_STATUSES, RevenueKind, SurveyKind
from cs_tui.domain.metrics.arr import OwnerChange, RevenueChange
from cs_tui.domain.metrics.book import Response
from cs_tui.domain.metrics.flows import AccountFacts
from cs_tui.models import (
    Account,
    AccountOwnerChange,
    AccountSummary,
    RevenueEvent,
    SurveyResponse,
)

ACCOUNT = Account.__table__  # type: ignore[attr-defined]
SUMMARY = AccountSummary.__table__  # type: ignore[attr-defined]
REVENUE = RevenueEvent.__table__  # type: ignore[attr-defined]
OWNER_CHANGE = AccountOwnerChange.__table__  # type: ignore[attr-defined]
RESPONSE = SurveyResponse.__table__  # type: ignore[attr-defined]
AGREED = frozenset(s.value for s in AGREED_PLAN_STATUSES)


@dataclass(frozen=True)
class BookData:
    """The book as the metrics read it, good for any period within [since, until]."""

    since: date
    until: date
    accounts: tuple[AccountFacts, ...]
    responses: tuple[Response, ...]


def _hex(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).hex


def _grouped(rows: Iterable[tuple[Any, Any]]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for account_id, item in rows:
        grouped.setdefault(_hex(account_id), []).append(item)
    return grouped


def load_book(db: Database, *, since: date, until: date) -> BookData:
    """Everything the metrics of periods within [since, until] need."""
    accounts_query = (
        select(
            ACCOUNT.c.id, ACCOUNT.c.name, ACCOUNT.c.owner, ACCOUNT.c.segment, ACCOUNT.c.currency,
            ACCOUNT.c.arr_minor, ACCOUNT.c.contract_end, SUMMARY.c.band, SUMMARY.c.plan_status,
        )
        .select_from(ACCOUNT.outerjoin(SUMMARY, SUMMARY.c.account_id == ACCOUNT.c.id))
        .where(ACCOUNT.c.deleted_at.is_(None))
    )  # fmt: skip
    events_query = (
        select(REVENUE.c.account_id, REVENUE.c.kind, REVENUE.c.amount_minor, REVENUE.c.occurred_on)
        .where(REVENUE.c.deleted_at.is_(None), REVENUE.c.occurred_on >= since)
        .order_by(REVENUE.c.occurred_on, REVENUE.c.created_at)
    )
    owners_query = (
        select(
            OWNER_CHANGE.c.account_id, OWNER_CHANGE.c.changed_on, OWNER_CHANGE.c.owner,
            OWNER_CHANGE.c.previous_owner,
        )
        .where(OWNER_CHANGE.c.deleted_at.is_(None))
        .order_by(OWNER_CHANGE.c.changed_on, OWNER_CHANGE.c.created_at)
    )  # fmt: skip
    responses_query = select(
        RESPONSE.c.account_id, RESPONSE.c.kind, RESPONSE.c.moment, RESPONSE.c.score,
        RESPONSE.c.responded_on,
    ).where(
        RESPONSE.c.deleted_at.is_(None),
        RESPONSE.c.responded_on >= since, RESPONSE.c.responded_on <= until,
    )  # fmt: skip
    kinds = {k.value: k for k in RevenueKind}
    survey_kinds = {k.value: k for k in SurveyKind}
    with db.engine.connect() as connection:
        events = _grouped(
            (a, RevenueChange(kinds[kind], int(amount), day))
            for a, kind, amount, day in connection.execute(events_query)
        )
        owners = _grouped(
            (a, OwnerChange(day, owner, previous))
            for a, day, owner, previous in connection.execute(owners_query)
        )
        accounts = []
        for row in connection.execute(accounts_query):
            key = _hex(row[0])
            accounts.append(
                AccountFacts(
                    id=key,
                    name=row[1],
                    owner=row[2],
                    segment=row[3],
                    currency=row[4],
                    arr_minor=int(row[5]),
                    contract_end=row[6],
                    band=row[7] or "",
                    agreed_plan=row[8] in AGREED,
                    events=tuple(events.get(key, ())),
                    owner_changes=tuple(owners.get(key, ())),
                )
            )
        live = {a.id for a in accounts}
        responses = [
            Response(key, survey_kinds[kind], moment, int(score), day)
            for a, kind, moment, score, day in connection.execute(responses_query)
            if (key := _hex(a)) in live
        ]
    return BookData(since, until, tuple(accounts), tuple(responses))
