"""The Today queue: what needs me (or the team) today, in five set-based queries and one count.

Every query filters and counts in SQL (a window count gives each section's total when only the
first rows are fetched), with dates passed as parameters, so the same text runs on SQLite and
PostgreSQL and stays fast at 100,000 accounts.
"""

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Date, bindparam, text

from cs_tui.data.store.database import Database
from cs_tui.data.work.today_sql import (
    COVERAGE_SQL,
    FOLLOW_UPS_SQL,
    RENEWALS_SQL,
    SURVEYS_SQL,
    cadence_sql,
    health_drops_sql,
)
from cs_tui.data.work.today_views import (
    CADENCE,
    FOLLOW_UPS,
    HEALTH_DROPS,
    RENEWALS,
    SECTION_KEYS,
    SECTION_TITLES,
    SURVEYS,
    CadenceDue,
    FollowUpDue,
    HealthDrop,
    RenewalDue,
    SurveyAlert,
    TodayQueue,
    TodaySection,
)
from cs_tui.domain.enums import AGREED_PLAN_STATUSES
from cs_tui.domain.plans.coverage import PlanCoverage
from cs_tui.domain.work.cadence import segment_key
from cs_tui.domain.work.today_rules import TodayRules

NO_LIMIT = 1_000_000_000


def _hex(value: Any) -> str:
    """An id as hex: PostgreSQL returns UUIDs, SQLite the stored hex text."""
    return value.hex if isinstance(value, uuid.UUID) else str(value)


def _day(value: Any) -> date:
    """A date column read through plain SQL: SQLite returns its ISO text."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _maybe_day(value: Any) -> date | None:
    return None if value is None else _day(value)


def _run(connection: Connection, statement: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Execute with only the parameters the statement names, dates bound as dates."""
    used = {name: value for name, value in params.items() if f":{name}" in statement}
    clause = text(statement).bindparams(
        *(bindparam(name, type_=Date()) for name, value in used.items() if isinstance(value, date))
    )
    return [tuple(row) for row in connection.execute(clause, used)]


def _owner_clause(owner: str | None, column: str) -> str:
    return f"AND {column} = :owner" if owner is not None else ""


def _section(key: str, rows: list[Any], result: Sequence[Any]) -> TodaySection:
    total = int(result[0][-2]) if result else 0
    flagged = int(result[0][-1] or 0) if result else 0
    return TodaySection(key, SECTION_TITLES[key], tuple(rows), total, flagged)


def _follow_ups(connection: Connection, params: dict[str, Any], owner: str | None) -> TodaySection:
    today: date = params["today"]
    result = _run(connection, FOLLOW_UPS_SQL.format(owner=_owner_clause(owner, "f.owner")), params)
    rows = [
        FollowUpDue(
            account_id=_hex(r[1]), account_name=r[2], owner=r[4], follow_up_id=_hex(r[0]),
            title=r[3], due_on=_day(r[5]), days_overdue=(today - _day(r[5])).days, priority=r[6], kind=r[7],
        )
        for r in result
    ]  # fmt: skip
    return _section(FOLLOW_UPS, rows, result)


def _cadence(
    connection: Connection, params: dict[str, Any], owner: str | None, rules: TodayRules
) -> TodaySection:
    today: date = params["today"]
    segments = {segment_key(name): days for name, days in rules.cadences.days.items()}
    late, very_late = {}, {}
    for index, (key, days) in enumerate(segments.items()):
        late[f"seg{index}"] = (key, today - timedelta(days=days))
        very_late[f"seg{index}"] = (key, today - timedelta(days=rules.cadences.overdue_days(days)))
    fallback = rules.cadences.fallback_days
    statement, values = cadence_sql(
        late, very_late,
        fallback_late=today - timedelta(days=fallback),
        fallback_very_late=today - timedelta(days=rules.cadences.overdue_days(fallback)),
        owner=_owner_clause(owner, "a.owner"),
    )  # fmt: skip
    result = _run(connection, statement, {**params, **values})
    rows = []
    for r in result:
        cadence = rules.cadences.for_segment(r[3])
        last = _maybe_day(r[4])
        rows.append(
            CadenceDue(
                account_id=_hex(r[0]), account_name=r[1], owner=r[2], segment=r[3],
                last_touch_on=last, days_since=None if last is None else (today - last).days,
                cadence_days=cadence, severity="red" if r[5] else "yellow",
            )
        )  # fmt: skip
    return _section(CADENCE, rows, result)


def _renewals(connection: Connection, params: dict[str, Any], owner: str | None) -> TodaySection:
    today: date = params["today"]
    result = _run(connection, RENEWALS_SQL.format(owner=_owner_clause(owner, "a.owner")), params)
    rows = [
        RenewalDue(
            account_id=_hex(r[0]), account_name=r[1], owner=r[2], renewal_on=_day(r[3]),
            days_to_renewal=(_day(r[3]) - today).days, arr_minor=int(r[4]), currency=r[5],
            plan_status=r[6], has_agreed_plan=r[6] in AGREED_PLAN_STATUSES,
        )
        for r in result
    ]  # fmt: skip
    return _section(RENEWALS, rows, result)


def _health_drops(
    connection: Connection, params: dict[str, Any], owner: str | None
) -> TodaySection:
    statement = health_drops_sql(connection.dialect.name, owner=_owner_clause(owner, "a.owner"))
    result = _run(connection, statement, params)
    rows = [
        HealthDrop(
            account_id=_hex(r[0]), account_name=r[1], owner=r[2], band_before=r[6],
            band_now=r[3], score_before=r[7], score_now=r[4], before_on=_day(r[8]), now_on=_day(r[5]),
        )
        for r in result
    ]  # fmt: skip
    return _section(HEALTH_DROPS, rows, result)


def _surveys(connection: Connection, params: dict[str, Any], owner: str | None) -> TodaySection:
    result = _run(connection, SURVEYS_SQL.format(owner=_owner_clause(owner, "a.owner")), params)
    rows = [
        SurveyAlert(
            account_id=_hex(r[1]), account_name=r[2], owner=r[3], survey_response_id=_hex(r[0]),
            kind=r[4], score=int(r[5]), responded_on=_day(r[6]), contact=r[7], comment=r[8],
        )
        for r in result
    ]  # fmt: skip
    return _section(SURVEYS, rows, result)


def _coverage(
    connection: Connection, params: dict[str, Any], owner: str | None, rules: TodayRules
) -> PlanCoverage:
    ((renewing, agreed),) = _run(
        connection, COVERAGE_SQL.format(owner=_owner_clause(owner, "a.owner")), params
    )
    return PlanCoverage(
        renewing=int(renewing or 0),
        with_agreed_plan=int(agreed or 0),
        target=rules.coverage_target,
        window_days=rules.coverage_window_days,
    )


def today_queue(
    db: Database,
    *,
    team: bool = False,
    owner: str | None = None,
    rules: TodayRules | None = None,
    limit: int | None = None,
) -> TodayQueue:
    """What needs attention today: mine (accounts and follow-ups I own), another CSM's (`owner`),
    or the whole team's (`team`). Each section holds at most `limit` rows and counts them all."""
    rules = rules or TodayRules()
    today = db.today()
    who = None if team else (owner or db.user)
    params: dict[str, Any] = {
        "today": today,
        "owner": who,
        "limit": NO_LIMIT if limit is None else limit,
        "renewal_horizon": rules.renewal_horizon(today),
        "coverage_horizon": rules.coverage_horizon(today),
        "survey_since": rules.survey_since(today),
        "lookback": rules.band_drop_lookback_days,
    }
    wanted = rules.sections or SECTION_KEYS
    with db.engine.connect() as connection:
        builders = {
            FOLLOW_UPS: lambda: _follow_ups(connection, params, who),
            CADENCE: lambda: _cadence(connection, params, who, rules),
            RENEWALS: lambda: _renewals(connection, params, who),
            HEALTH_DROPS: lambda: _health_drops(connection, params, who),
            SURVEYS: lambda: _surveys(connection, params, who),
        }
        sections = tuple(builders[key]() for key in SECTION_KEYS if key in wanted)
        coverage = _coverage(connection, params, who, rules)
    return TodayQueue(as_of=today, owner=who, sections=sections, coverage=coverage)
