"""Renewal forecasts, and the upcoming renewals with their ARR, health, plan and forecast.

A forecast belongs to one renewal: the account and its renewal date (the contract end when it was
set). Setting it again for the same renewal replaces it; a renewal recorded later moves the contract
end, so the next renewal starts without a forecast.
"""

import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from cs_tui.data.accounts.references import find_account
from cs_tui.data.revenue.events import amount_in_minor
from cs_tui.data.revenue.views import (
    CurrencyTotals,
    ForecastDraft,
    ForecastView,
    RenewalRow,
    RenewalsReport,
)
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.domain.enums import LifecycleStage
from cs_tui.domain.metrics.periods import Period
from cs_tui.domain.revenue.forecast import (
    ForecastCategory,
    ForecastError,
    RenewalExposure,
    arr_at_risk,
    check_probability,
    is_at_risk,
    parse_category,
    weighted_forecast,
)
from cs_tui.models import Account, AccountSummary, RenewalForecast, RenewalForecastCreate

FORECAST = RenewalForecast.__table__  # type: ignore[attr-defined]
ACCOUNT = Account.__table__  # type: ignore[attr-defined]
SUMMARY = AccountSummary.__table__  # type: ignore[attr-defined]


def _view(row: Any) -> ForecastView:
    return ForecastView(
        account_id=row.account_id.hex, renewal_on=row.renewal_on,
        forecast_minor=int(row.forecast_minor), currency=row.currency,
        probability=float(row.probability), category=row.category, risks=row.risks,
        updated_at=row.updated_at.date(), updated_by=row.updated_by,
    )  # fmt: skip


def set_forecast(db: Database, account: uuid.UUID | str, draft: ForecastDraft) -> ForecastView:
    """Forecast the account's renewal (its contract end unless `renewal_on` says otherwise)."""
    try:
        category = parse_category(draft.category)
    except ForecastError as problem:
        raise InvalidInputError(str(problem), field="category") from None
    try:
        probability = check_probability(draft.probability)
    except ForecastError as problem:
        raise InvalidInputError(str(problem), field="probability") from None
    with db.write() as session:
        found = find_account(session, account)
        renewal_on = draft.renewal_on or found.contract_end
        if renewal_on is None:
            raise InvalidInputError(
                f"{found.name} has no contract end: give the renewal date", field="renewal_date"
            )
        if found.lifecycle_stage == LifecycleStage.CHURNED:
            raise InvalidInputError(f"{found.name} has churned: there is no renewal to forecast")
        amount = (
            found.arr_minor
            if draft.amount is None
            else amount_in_minor(draft.amount, found.currency)
        )
        try:
            data = RenewalForecastCreate(
                renewal_on=renewal_on, forecast_minor=amount, currency=found.currency,
                probability=probability, category=category, risks=draft.risks,
            )  # fmt: skip
        except ValidationError as error:
            first = error.errors()[0]
            raise InvalidInputError(
                str(first["msg"]), field=".".join(str(p) for p in first["loc"])
            ) from None
        existing = session.execute(
            select(RenewalForecast).where(
                FORECAST.c.account_id == found.id, FORECAST.c.renewal_on == renewal_on
            )
        ).scalar_one_or_none()
        if existing is None:
            existing = RenewalForecast.model_validate(data, update={"account_id": found.id})
        else:
            for name, value in data.model_dump().items():
                setattr(existing, name, value)
            existing.deleted_at = None
        session.add(existing)
        session.flush()
        session.refresh(existing)
        return _view(existing)


def forecast_for(db: Database, account_id: uuid.UUID, renewal_on: date) -> ForecastView | None:
    with db.engine.connect() as connection:
        row = connection.execute(
            select(FORECAST).where(
                FORECAST.c.account_id == account_id,
                FORECAST.c.renewal_on == renewal_on,
                FORECAST.c.deleted_at.is_(None),
            )
        ).first()
    return _view(row) if row is not None else None


def renewal_at_risk(db: Database, account_id: uuid.UUID, forecast: ForecastView | None) -> bool:
    with db.engine.connect() as connection:
        band = connection.execute(
            select(SUMMARY.c.band).where(SUMMARY.c.account_id == account_id)
        ).scalar()
    return is_at_risk(forecast.category if forecast else None, band or None)


def list_renewals(
    db: Database,
    period: Period,
    *,
    owner: str | None = None,
    today: date | None = None,
    label: str | None = None,
) -> RenewalsReport:
    """Live, not churned accounts whose contract ends within the period, soonest first."""
    today = today or db.today()
    query = (
        select(
            ACCOUNT.c.id, ACCOUNT.c.name, ACCOUNT.c.owner, ACCOUNT.c.contract_end,
            ACCOUNT.c.arr_minor, ACCOUNT.c.currency, ACCOUNT.c.auto_renew, SUMMARY.c.score,
            SUMMARY.c.band, SUMMARY.c.plan_status,
            *(FORECAST.c[n].label(f"f_{n}") for n in (
                "account_id", "renewal_on", "forecast_minor", "currency", "probability",
                "category", "risks", "updated_at", "updated_by")),
        )
        .select_from(ACCOUNT)
        .outerjoin(SUMMARY, SUMMARY.c.account_id == ACCOUNT.c.id)
        .outerjoin(
            FORECAST,
            (FORECAST.c.account_id == ACCOUNT.c.id)
            & (FORECAST.c.renewal_on == ACCOUNT.c.contract_end)
            & FORECAST.c.deleted_at.is_(None),
        )
        .where(
            ACCOUNT.c.deleted_at.is_(None),
            ACCOUNT.c.lifecycle_stage != LifecycleStage.CHURNED.value,
            ACCOUNT.c.contract_end >= period.start, ACCOUNT.c.contract_end <= period.end,
        )
        .order_by(ACCOUNT.c.contract_end, ACCOUNT.c.name)
    )  # fmt: skip
    if owner is not None:
        query = query.where(ACCOUNT.c.owner == owner)
    with db.engine.connect() as connection:
        found = connection.execute(query).all()
    rows = tuple(_renewal(row, today) for row in found)
    return RenewalsReport(period.start, period.end, label or period.label, rows, _totals(rows))


def _renewal(row: Any, today: date) -> RenewalRow:
    forecast = None
    if row.f_account_id is not None:
        forecast = ForecastView(
            account_id=row.f_account_id.hex, renewal_on=row.f_renewal_on,
            forecast_minor=int(row.f_forecast_minor), currency=row.f_currency,
            probability=float(row.f_probability), category=row.f_category, risks=row.f_risks,
            updated_at=row.f_updated_at.date(), updated_by=row.f_updated_by,
        )  # fmt: skip
    band = row.band or ""
    return RenewalRow(
        account_id=row.id.hex, name=row.name, owner=row.owner, renewal_on=row.contract_end,
        days_left=(row.contract_end - today).days, arr_minor=int(row.arr_minor),
        currency=row.currency, score=None if row.score is None else round(row.score),
        band=band, plan_status=row.plan_status or "", auto_renew=bool(row.auto_renew),
        forecast=forecast, at_risk=is_at_risk(forecast.category if forecast else None, band),
    )  # fmt: skip


def _totals(rows: tuple[RenewalRow, ...]) -> tuple[CurrencyTotals, ...]:
    by_currency: dict[str, list[RenewalRow]] = defaultdict(list)
    for row in rows:
        by_currency[row.currency].append(row)
    totals = []
    for currency, group in sorted(by_currency.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        exposures = [
            RenewalExposure(r.arr_minor, r.forecast.category if r.forecast else None, r.band)
            for r in group
        ]
        totals.append(
            CurrencyTotals(
                currency=currency,
                renewals=len(group),
                forecasts=sum(1 for r in group if r.forecast),
                arr_minor=sum(r.arr_minor for r in group),
                forecast_minor=sum(
                    r.forecast.forecast_minor if r.forecast else r.arr_minor for r in group
                ),
                weighted_minor=sum(
                    weighted_forecast(r.forecast.forecast_minor, r.forecast.probability)
                    for r in group
                    if r.forecast
                ),
                at_risk_minor=arr_at_risk(exposures),
            )
        )
    return tuple(totals)


def accounts_forecast_at_risk(db: Database) -> frozenset[str]:
    """The live accounts whose next renewal (their contract end) is forecast at risk, as hex ids:
    what the book metrics' ARR at risk adds to the accounts in red health."""
    query = (
        select(ACCOUNT.c.id)
        .join(
            FORECAST,
            (FORECAST.c.account_id == ACCOUNT.c.id)
            & (FORECAST.c.renewal_on == ACCOUNT.c.contract_end)
            & FORECAST.c.deleted_at.is_(None),
        )
        .where(
            ACCOUNT.c.deleted_at.is_(None),
            FORECAST.c.category == ForecastCategory.AT_RISK.value,
        )
    )
    with db.engine.connect() as connection:
        ids = connection.execute(query).scalars().all()
    return frozenset(i.hex if isinstance(i, uuid.UUID) else uuid.UUID(str(i)).hex for i in ids)
