"""Reading survey responses back: the book's (filtered by account, moment and dates) and one
account's voice with its NPS, CSAT and trend. One query each, tuples only."""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, select

from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.store.database import Database
from cs_tui.data.voice.views import AccountVoice, MomentScores, ResponseView
from cs_tui.domain.enums import SurveyKind, SurveyMoment
from cs_tui.domain.voice.scores import csat, nps
from cs_tui.domain.voice.windows import csat_as_of, nps_as_of, quarterly_trend
from cs_tui.models import Account, Stakeholder, SurveyResponse

RESPONSE = SurveyResponse.__table__  # type: ignore[attr-defined]
ACCOUNT = Account.__table__  # type: ignore[attr-defined]
STAKEHOLDER = Stakeholder.__table__  # type: ignore[attr-defined]


def _hex(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else str(value)


def _query(
    *,
    account_id: uuid.UUID | None,
    moment: SurveyMoment | None,
    since: date | None,
    until: date | None,
    kind: SurveyKind | None = None,
) -> Any:
    known = exists().where(
        and_(
            STAKEHOLDER.c.account_id == RESPONSE.c.account_id,
            STAKEHOLDER.c.deleted_at.is_(None),
            func.lower(STAKEHOLDER.c.email) == RESPONSE.c.contact_email,
        )
    )
    statement = (
        select(
            RESPONSE.c.id, RESPONSE.c.account_id, ACCOUNT.c.name, ACCOUNT.c.owner, RESPONSE.c.kind,
            RESPONSE.c.moment, RESPONSE.c.score, RESPONSE.c.responded_on, RESPONSE.c.contact,
            RESPONSE.c.contact_email, RESPONSE.c.comment, RESPONSE.c.reason,
            RESPONSE.c.competitor, RESPONSE.c.source, RESPONSE.c.stakeholder_id, known,
        )
        .join(ACCOUNT, ACCOUNT.c.id == RESPONSE.c.account_id)
        .where(RESPONSE.c.deleted_at.is_(None), ACCOUNT.c.deleted_at.is_(None))
        .order_by(RESPONSE.c.responded_on.desc(), ACCOUNT.c.name, RESPONSE.c.id)
    )  # fmt: skip
    if account_id is not None:
        statement = statement.where(RESPONSE.c.account_id == account_id)
    if moment is not None:
        statement = statement.where(RESPONSE.c.moment == moment.value)
    if kind is not None:
        statement = statement.where(RESPONSE.c.kind == kind.value)
    if since is not None:
        statement = statement.where(RESPONSE.c.responded_on >= since)
    if until is not None:
        statement = statement.where(RESPONSE.c.responded_on <= until)
    return statement


def _view(row: Sequence[Any]) -> ResponseView:
    return ResponseView(
        id=_hex(row[0]), account_id=_hex(row[1]), account_name=row[2], owner=row[3],
        kind=row[4], moment=row[5], score=int(row[6]), responded_on=row[7], contact=row[8],
        contact_email=row[9], comment=row[10], reason=row[11], competitor=row[12],
        source=row[13], stakeholder_id=None if row[14] is None else _hex(row[14]),
        new_contact=bool(row[9]) and row[14] is None and not row[15],
    )  # fmt: skip


def list_responses(
    db: Database,
    *,
    account: str | None = None,
    moment: SurveyMoment | None = None,
    since: date | None = None,
    until: date | None = None,
    kind: SurveyKind | None = None,
    limit: int | None = None,
) -> tuple[ResponseView, ...]:
    """Responses newest first; `account` is a name, external id or id."""
    account_id = None
    if account is not None:
        with db.read() as session:
            account_id = resolve_account(session, account).id
    statement = _query(account_id=account_id, moment=moment, since=since, until=until, kind=kind)
    if limit is not None:
        statement = statement.limit(limit)
    with db.engine.connect() as connection:
        return tuple(_view(row) for row in connection.execute(statement))


def scores_by_moment(
    responses: Sequence[ResponseView], as_of: date | None = None
) -> tuple[MomentScores, ...]:
    """NPS and CSAT per moment: within their windows up to `as_of`, or (None) of every response."""
    result = []
    for moment in SurveyMoment:
        mine = [r for r in responses if r.moment == moment]
        if as_of is None:
            result.append(MomentScores(moment.value, nps(r.score for r in mine if r.kind == "nps"),
                                       csat(r.score for r in mine if r.kind == "csat")))  # fmt: skip
            continue
        scored = [(r.responded_on, SurveyKind(r.kind), r.score) for r in mine]
        result.append(
            MomentScores(moment.value, nps_as_of(scored, as_of), csat_as_of(scored, as_of))
        )
    return tuple(result)


def account_voice(db: Database, account: str) -> AccountVoice:
    """Everything the Voice tab shows for one account, as of today."""
    with db.read() as session:
        found = resolve_account(session, account)
        account_id, name = found.id, found.name
    today = db.today()
    statement = _query(account_id=account_id, moment=None, since=None, until=None)
    with db.engine.connect() as connection:
        responses = tuple(_view(row) for row in connection.execute(statement))
    scored = [(r.responded_on, SurveyKind(r.kind), r.score) for r in responses]
    return AccountVoice(
        account_id=account_id.hex, account_name=name, as_of=today,
        nps=nps_as_of(scored, today), csat=csat_as_of(scored, today),
        by_moment=scores_by_moment(responses, today), trend=quarterly_trend(scored, today),
        responses=responses,
    )  # fmt: skip
