"""Preparing a book review: the expectations from the template, the book's metrics for the period
beside the previous one, and the accounts worth discussing, kept as they were on the day."""

import json
import uuid
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, func, select

from cs_tui.data.metrics.compute import metrics_trend
from cs_tui.data.reviews.reads import review_view
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.domain.enums import AGREED_PLAN_STATUSES
from cs_tui.domain.metrics.book import BookMetrics, GroupMetrics, accounts_behind
from cs_tui.domain.metrics.periods import Period
from cs_tui.domain.reviews import rules
from cs_tui.domain.reviews.template import TemplateError, expectations
from cs_tui.domain.reviews.views import DiscussAccount, DiscussSection, ReviewView
from cs_tui.models import Account, BookReview, HealthSnapshot, SuccessPlan

ACCOUNT = Account.__table__  # type: ignore[attr-defined]
SNAPSHOT = HealthSnapshot.__table__  # type: ignore[attr-defined]
PLAN = SuccessPlan.__table__  # type: ignore[attr-defined]
REVIEW = BookReview.__table__  # type: ignore[attr-defined]
LISTED = 10
SNAPSHOT_LOOKBACK_DAYS = 35  # a start score may come from the weeks before the period

BEHIND = (
    ("renewed", "renewed", "Renewed"),
    ("churn", "churned", "Churned"),
    ("contraction", "contracted", "Contracted"),
    ("at_risk", "at_risk", "At risk"),
)


def _hex(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else str(value)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def known_owners(connection: Connection) -> list[str]:
    rows = connection.execute(
        select(ACCOUNT.c.owner)
        .where(ACCOUNT.c.deleted_at.is_(None), ACCOUNT.c.owner != "")
        .distinct()
    )
    return sorted(str(r[0]) for r in rows)


def _owner_group(metrics: BookMetrics, owner: str) -> GroupMetrics | None:
    return next((g for g in metrics.groups if g.key == owner), None)


def _behind(metrics: BookMetrics, owner: str) -> list[DiscussSection]:
    sections = []
    for metric, key, title in BEHIND:
        rows = accounts_behind(metrics, metric, key=owner)[:LISTED]
        accounts = tuple(
            DiscussAccount(f.account_id, f.name, rules.money_detail(amount, f.currency))
            for f, amount in rows
        )
        sections.append(DiscussSection(key, title, accounts))
    return sections


def _health_drops(
    connection: Connection, owner: str, period: Period, today: date
) -> DiscussSection:
    end = min(period.end, today)
    rows = connection.execute(
        select(ACCOUNT.c.id, ACCOUNT.c.name, SNAPSHOT.c.taken_on, SNAPSHOT.c.score)
        .join(SNAPSHOT, SNAPSHOT.c.account_id == ACCOUNT.c.id)
        .where(
            ACCOUNT.c.owner == owner, ACCOUNT.c.deleted_at.is_(None),
            SNAPSHOT.c.taken_on >= period.start - timedelta(days=SNAPSHOT_LOOKBACK_DAYS),
            SNAPSHOT.c.taken_on <= end, SNAPSHOT.c.score.is_not(None),
        )
        .order_by(ACCOUNT.c.id, SNAPSHOT.c.taken_on)
    )  # fmt: skip
    first: dict[str, tuple[str, float]] = {}
    last: dict[str, float] = {}
    for account_id, name, taken_on, score in rows:
        key = _hex(account_id)
        day = _day(taken_on)
        if key not in first or day <= period.start:
            first[key] = (str(name), float(score))  # the last one on or before the start
        last[key] = float(score)
    scores = [(key, name, start, last.get(key)) for key, (name, start) in first.items()]
    return DiscussSection("health_drops", "Biggest health drops", rules.health_drops(scores))


def _plans_missing(connection: Connection, owner: str) -> DiscussSection:
    agreed = select(PLAN.c.id).where(
        PLAN.c.account_id == ACCOUNT.c.id, PLAN.c.deleted_at.is_(None),
        PLAN.c.status.in_(sorted(s.value for s in AGREED_PLAN_STATUSES)),
    ).exists()  # fmt: skip
    rows = connection.execute(
        select(ACCOUNT.c.id, ACCOUNT.c.name, ACCOUNT.c.arr_minor, ACCOUNT.c.currency, ACCOUNT.c.contract_end)
        .where(
            ACCOUNT.c.owner == owner, ACCOUNT.c.deleted_at.is_(None),
            ACCOUNT.c.lifecycle_stage != "churned", ACCOUNT.c.arr_minor > 0, ~agreed,
        )
        .order_by(ACCOUNT.c.arr_minor.desc(), func.lower(ACCOUNT.c.name))
        .limit(LISTED)
    )  # fmt: skip
    accounts = []
    for account_id, name, arr, currency, contract_end in rows:
        renews = f", renews {_day(contract_end).isoformat()}" if contract_end else ""
        accounts.append(
            DiscussAccount(
                _hex(account_id), str(name), rules.money_detail(int(arr), str(currency)) + renews
            )
        )
    return DiscussSection("plans_missing", "Without an agreed success plan", tuple(accounts))


def prepare_review(
    db: Database,
    owner: str,
    period: Period,
    *,
    template: Mapping[str, Any],
    template_source: str = "",
    people: Mapping[str, str] | None = None,
) -> ReviewView:
    """Create the review of `owner`'s book for `period`; refused (nothing written) when the owner
    has no accounts, the period has not started, one exists already, or the template is wrong."""
    owner = owner.strip()
    today = db.today()
    if not owner:
        raise InvalidInputError("--owner: name the CSM whose book is reviewed", field="owner")
    if period.start > today:
        raise InvalidInputError(f"--period: {period.label} has not started yet", field="period")
    named = {"owner": owner, "lead": db.user} | {k: v for k, v in (people or {}).items() if v}
    try:
        expected = expectations(template, named)
    except TemplateError as error:
        where = f"{template_source}: " if template_source else ""
        raise InvalidInputError(f"{where}{error}", field="template") from error
    with db.read() as session:
        connection = session.connection()
        owners = known_owners(connection)
        if owner not in owners:
            listed = ", ".join(owners[:12]) or "none yet"
            raise InvalidInputError(
                f"--owner: no accounts are owned by {owner!r} (owners: {listed})", field="owner"
            )
        existing = connection.execute(
            select(REVIEW.c.id).where(
                REVIEW.c.owner == owner,
                REVIEW.c.period == period.label,
                REVIEW.c.deleted_at.is_(None),
            )
        ).first()
        if existing is not None:
            raise InvalidInputError(
                f"{owner}'s review of {period.label} is prepared already: {_hex(existing[0])[-8:]}",
                field="period", hint="`cs-tui review show ID` shows it; `cs-tui review edit ID` changes it.",
            )  # fmt: skip
        drops = _health_drops(connection, owner, period, today)
        missing = _plans_missing(connection, owner)
    previous, current = metrics_trend(db, period, count=2, by="owner").periods  # one read
    facts = {
        "previous_period": period.previous().label,
        "metrics": [
            vars(row)
            for row in rules.metric_rows(_owner_group(current, owner), _owner_group(previous, owner))
        ],
        "discuss": [
            {"key": s.key, "title": s.title, "accounts": [vars(a) for a in s.accounts]}
            for s in (*_behind(current, owner), drops, missing)
        ],
    }  # fmt: skip
    with db.write() as session:
        review = BookReview(
            owner=owner, period=period.label, period_start=period.start, period_end=period.end,
            template=template_source[:200], expectations=json.dumps(expected.to_json()),
            facts=json.dumps(facts), updated_by=db.user,
        )  # fmt: skip
        session.add(review)
        session.flush()
        return review_view(session, review)
