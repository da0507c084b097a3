"""Recording and listing revenue events; each recorded event keeps its account consistent.

The event, the account's new ARR, stage and contract end, and its rescoring are written in one
transaction (see `domain.revenue.effects` for the rules). A bad value is refused with an
`InvalidInputError` naming the field, and nothing is written.
"""

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlmodel import Session, col

from cs_tui.data.accounts.references import find_account
from cs_tui.data.revenue.views import AccountRevenue, RecordedEvent, RevenueDraft, RevenueEventView
from cs_tui.data.scoring.rescoring import rescore_on
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.domain.enums import LifecycleStage, RevenueKind
from cs_tui.domain.money import minor_digits, to_minor
from cs_tui.domain.revenue.effects import AccountState, EffectError, EventInput, effect_of
from cs_tui.domain.revenue.taxonomy import ReasonError, Taxonomy, check_reason
from cs_tui.domain.scoring import Scorer
from cs_tui.models import Account, RevenueEvent, RevenueEventCreate

REVENUE = RevenueEvent.__table__  # type: ignore[attr-defined]
ACCOUNT = Account.__table__  # type: ignore[attr-defined]
AMOUNT_REQUIRED = frozenset({RevenueKind.NEW, RevenueKind.UPSELL, RevenueKind.CROSS_SELL,
                             RevenueKind.DOWNSELL})  # fmt: skip
MAX_MINOR = 2**63 - 1


def _taxonomy(taxonomy: Taxonomy | None) -> Taxonomy:
    if taxonomy is not None:
        return taxonomy
    from cs_tui.io.revenue.reasons_file import current_taxonomy

    return current_taxonomy()


def amount_in_minor(amount: Decimal, currency: str) -> int:
    """The amount in minor units of `currency`; too many decimals or a negative amount refused."""
    if amount < 0:
        raise InvalidInputError("the amount cannot be negative", field="amount")
    try:
        minor = to_minor(amount, currency)
    except ValueError:
        raise InvalidInputError(
            f"{currency} amounts have {minor_digits(currency)} decimals at most", field="amount"
        ) from None
    if minor > MAX_MINOR:
        raise InvalidInputError("the amount is too large", field="amount")
    return minor


def latest_event_on(session: Session, account_id: uuid.UUID) -> date | None:
    found = session.exec(  # type: ignore[call-overload]
        select(func.max(REVENUE.c.occurred_on)).where(
            REVENUE.c.account_id == account_id, REVENUE.c.deleted_at.is_(None)
        )
    ).scalar()
    return found if isinstance(found, date) else None


def account_state(account: Account, latest: date | None) -> AccountState:
    return AccountState(
        arr_minor=account.arr_minor, stage=LifecycleStage(account.lifecycle_stage),
        contract_end=account.contract_end, currency=account.currency, latest_event_on=latest,
    )  # fmt: skip


def record_revenue_event(
    db: Database,
    account: uuid.UUID | str,
    draft: RevenueDraft,
    *,
    taxonomy: Taxonomy | None = None,
    scorer: Scorer | None = None,
) -> RecordedEvent:
    """Store the event and apply its effect to the account, then rescore it, all or nothing."""
    taxonomy = _taxonomy(taxonomy)
    try:
        reason = check_reason(taxonomy, draft.kind, draft.reason_code, draft.competitor)
    except ReasonError as problem:
        field = "competitor" if draft.reason_code.strip() and draft.competitor else "reason"
        raise InvalidInputError(str(problem), field=field) from None
    if draft.kind in AMOUNT_REQUIRED and draft.amount is None:
        raise InvalidInputError(f"a {draft.kind.value} needs an amount", field="amount")
    if draft.renewal_to is not None and draft.kind is not RevenueKind.RENEWAL:
        raise InvalidInputError("only a renewal moves the contract end", field="renewal_to")
    if scorer is None:
        from cs_tui.io.scorecard_file import current_scorer

        scorer = current_scorer()
    with db.write() as session:
        found = find_account(session, account)
        currency = (draft.currency or found.currency).strip().upper()
        if currency != found.currency:
            raise InvalidInputError(
                f"{found.name}'s ARR is in {found.currency}, not {currency}", field="currency"
            )
        amount = 0 if draft.amount is None else amount_in_minor(draft.amount, currency)
        before = account_state(found, latest_event_on(session, found.id))
        try:
            effect = effect_of(
                before, EventInput(draft.kind, amount, draft.occurred_on, draft.renewal_to)
            )
        except EffectError as problem:
            field = "renewal_to" if draft.renewal_to is not None else "amount"
            raise InvalidInputError(str(problem), field=field) from None
        data = _validated(
            kind=draft.kind, amount_minor=effect.amount_minor, currency=currency,
            occurred_on=draft.occurred_on, reason_code=reason.code if reason else "",
            note=draft.note, competitor=draft.competitor if reason else "",
        )  # fmt: skip
        event = RevenueEvent.model_validate(data, update={"account_id": found.id})
        session.add(event)
        after = effect.after
        found.arr_minor = after.arr_minor
        found.lifecycle_stage = after.stage
        found.contract_end = after.contract_end
        session.add(found)
        session.flush()
        rescore_on(
            session.connection(), as_of=db.today(), now=db.now(), scorer=scorer,
            account_ids=[found.id],
        )  # fmt: skip
        view = _view(event, found.name, taxonomy)
        return RecordedEvent(
            event=view, arr_before=before.arr_minor, arr_after=after.arr_minor,
            stage_before=before.stage.value, stage_after=after.stage.value,
            contract_end_before=before.contract_end, contract_end_after=after.contract_end,
            history=effect.history,
        )  # fmt: skip


def _validated(**fields: Any) -> RevenueEventCreate:
    try:
        return RevenueEventCreate(**fields)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "value"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise InvalidInputError(message, field=field) from None


def _view(event: RevenueEvent, account_name: str, taxonomy: Taxonomy) -> RevenueEventView:
    reason = taxonomy.get(event.reason_code) if event.reason_code else None
    return RevenueEventView(
        id=event.id.hex, account_id=event.account_id.hex, account_name=account_name,
        kind=RevenueKind(event.kind), amount_minor=event.amount_minor, currency=event.currency,
        occurred_on=event.occurred_on, reason_code=event.reason_code,
        reason_label=reason.label if reason else event.reason_code.replace("_", " "),
        competitor=event.competitor, note=event.note, source=event.source,
    )  # fmt: skip


def list_revenue_events(
    db: Database,
    *,
    account: uuid.UUID | str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    taxonomy: Taxonomy | None = None,
) -> list[RevenueEventView]:
    """Live events of live accounts (or of one), newest first."""
    taxonomy = _taxonomy(taxonomy)
    with db.read() as session:
        query = (
            select(RevenueEvent, ACCOUNT.c.name)
            .join(ACCOUNT, ACCOUNT.c.id == REVENUE.c.account_id)
            .where(col(RevenueEvent.deleted_at).is_(None), ACCOUNT.c.deleted_at.is_(None))
        )
        if account is not None:
            query = query.where(REVENUE.c.account_id == find_account(session, account).id)
        if since is not None:
            query = query.where(REVENUE.c.occurred_on >= since)
        if until is not None:
            query = query.where(REVENUE.c.occurred_on <= until)
        query = query.order_by(
            REVENUE.c.occurred_on.desc(), REVENUE.c.created_at.desc(), ACCOUNT.c.name
        )
        if limit is not None:
            query = query.limit(limit)
        rows = session.execute(query).all()
        return [_view(event, name, taxonomy) for event, name in rows]


def account_revenue(
    db: Database, account: uuid.UUID | str, *, taxonomy: Taxonomy | None = None
) -> AccountRevenue:
    """The account's ARR, its revenue events and its next renewal's forecast."""
    from cs_tui.data.revenue.forecasts import forecast_for, renewal_at_risk

    with db.read() as session:
        found = find_account(session, account)
        account_id, name = found.id, found.name
        arr, currency, stage, end = (
            found.arr_minor,
            found.currency,
            str(found.lifecycle_stage),
            found.contract_end,
        )
    events = list_revenue_events(db, account=account_id, taxonomy=taxonomy)
    forecast = forecast_for(db, account_id, end) if end is not None else None
    return AccountRevenue(
        account_id=account_id.hex, name=name, arr_minor=arr, currency=currency, stage=stage,
        contract_end=end, events=tuple(events), forecast=forecast,
        at_risk=renewal_at_risk(db, account_id, forecast),
    )  # fmt: skip
