"""Read-models and drafts of revenue and renewals, for the CLI and the screens."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cs_tui.domain.enums import RevenueKind


@dataclass(frozen=True)
class RevenueDraft:
    """A revenue event as a user gives it; the amount in major units (None: the rule's default)."""

    kind: RevenueKind
    occurred_on: date
    amount: Decimal | None = None
    currency: str | None = None  # None: the account's
    reason_code: str = ""
    competitor: str = ""
    note: str = ""
    renewal_to: date | None = None


@dataclass(frozen=True)
class ForecastDraft:
    amount: Decimal | None  # None: the account's ARR
    probability: float
    category: str
    risks: str = ""
    renewal_on: date | None = None  # None: the account's contract end


@dataclass(frozen=True)
class RevenueEventView:
    id: str
    account_id: str
    account_name: str
    kind: RevenueKind
    amount_minor: int
    currency: str
    occurred_on: date
    reason_code: str
    reason_label: str
    competitor: str
    note: str
    source: str


@dataclass(frozen=True)
class RecordedEvent:
    """What recording an event did: the event, and the account's ARR, stage and end around it."""

    event: RevenueEventView
    arr_before: int
    arr_after: int
    stage_before: str
    stage_after: str
    contract_end_before: date | None
    contract_end_after: date | None
    history: bool  # dated before a later event: stored, changed nothing


@dataclass(frozen=True)
class ForecastView:
    account_id: str
    renewal_on: date
    forecast_minor: int
    currency: str
    probability: float
    category: str
    risks: str
    updated_at: date
    updated_by: str


@dataclass(frozen=True)
class RenewalRow:
    account_id: str
    name: str
    owner: str
    renewal_on: date
    days_left: int
    arr_minor: int
    currency: str
    score: int | None
    band: str
    plan_status: str
    auto_renew: bool
    forecast: ForecastView | None
    at_risk: bool


@dataclass(frozen=True)
class CurrencyTotals:
    currency: str
    renewals: int
    forecasts: int  # renewals with a forecast
    arr_minor: int
    forecast_minor: int  # forecast amount where forecast, else the ARR
    weighted_minor: int  # forecast amount x probability, of the renewals with a forecast
    at_risk_minor: int


@dataclass(frozen=True)
class RenewalsReport:
    start: date
    end: date
    label: str
    rows: tuple[RenewalRow, ...]
    totals: tuple[CurrencyTotals, ...]


@dataclass(frozen=True)
class AccountRevenue:
    """The Revenue tab: the account's money, its events (newest first), its next renewal."""

    account_id: str
    name: str
    arr_minor: int
    currency: str
    stage: str
    contract_end: date | None
    events: tuple[RevenueEventView, ...]
    forecast: ForecastView | None
    at_risk: bool
