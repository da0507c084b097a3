"""Exit reasons: what the exit surveys of a period say, beside the churn events' reason codes,
both under the revenue reason taxonomy in force (so an edited taxonomy applies to past answers)."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select

from cs_tui.data.store.database import Database
from cs_tui.data.voice.views import ExitReasons
from cs_tui.domain.enums import RevenueKind, SurveyMoment
from cs_tui.domain.revenue.taxonomy import Taxonomy
from cs_tui.domain.voice.reasons import Judged, Stated, reason_table
from cs_tui.models import Account, RevenueEvent, SurveyResponse

RESPONSE = SurveyResponse.__table__  # type: ignore[attr-defined]
REVENUE = RevenueEvent.__table__  # type: ignore[attr-defined]
ACCOUNT = Account.__table__  # type: ignore[attr-defined]


def _between(column: Any, since: date | None, until: date | None) -> list[Any]:
    conditions = []
    if since is not None:
        conditions.append(column >= since)
    if until is not None:
        conditions.append(column <= until)
    return conditions


def _key(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else str(value)


def _taxonomy(taxonomy: Taxonomy | None) -> Taxonomy:
    if taxonomy is not None:
        return taxonomy
    from cs_tui.io.revenue.reasons_file import current_taxonomy

    return current_taxonomy()


def exit_reasons(
    db: Database,
    *,
    since: date | None = None,
    until: date | None = None,
    taxonomy: Taxonomy | None = None,
) -> ExitReasons:
    """Exit-survey responses and churn events dated within [since, until] (open ends allowed);
    `taxonomy` defaults to the one in force (a bad taxonomy file raises `TaxonomyError`)."""
    chosen = _taxonomy(taxonomy)
    stated_query = (
        select(RESPONSE.c.account_id, RESPONSE.c.reason, RESPONSE.c.competitor, RESPONSE.c.comment)
        .join(ACCOUNT, ACCOUNT.c.id == RESPONSE.c.account_id)
        .where(
            RESPONSE.c.deleted_at.is_(None), ACCOUNT.c.deleted_at.is_(None),
            RESPONSE.c.moment == SurveyMoment.EXIT.value,
            *_between(RESPONSE.c.responded_on, since, until),
        )
    )  # fmt: skip
    judged_query = (
        select(
            REVENUE.c.account_id, REVENUE.c.reason_code, REVENUE.c.amount_minor,
            REVENUE.c.currency, REVENUE.c.competitor,
        )
        .join(ACCOUNT, ACCOUNT.c.id == REVENUE.c.account_id)
        .where(
            REVENUE.c.deleted_at.is_(None), ACCOUNT.c.deleted_at.is_(None),
            REVENUE.c.kind == RevenueKind.CHURN.value,
            *_between(REVENUE.c.occurred_on, since, until),
        )
    )  # fmt: skip
    with db.engine.connect() as connection:
        stated = [
            Stated(_key(a), reason, comment, competitor)
            for a, reason, competitor, comment in connection.execute(stated_query)
        ]
        judged = [
            Judged(_key(a), code, int(amount), currency, competitor)
            for a, code, amount, currency, competitor in connection.execute(judged_query)
        ]
    return ExitReasons(since, until, reason_table(chosen, stated, judged), len(stated), len(judged))
