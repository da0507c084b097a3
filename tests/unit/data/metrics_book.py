"""A small book with a quarter of revenue history (2026-Q1), for the metrics' data and CLI tests.

Acme (ana, USD): 10,000 at the start, a 1,500 upsell, renewed at 11,500. Globex (bo, USD): 4,000,
churned. Initech (ana, EUR): 6,000, a 1,000 downsell. Hooli (bo, USD): a new logo of 3,000.
Umbrella (ana, USD, 2,000, red health, contract ended in Q1, not renewed) is handed to bo today
(after the quarter). Soylent is deleted. An NPS promoter (Acme) and an exit detractor (Globex).
"""

from datetime import date

from cs_tui.data.accounts.records import create_account, delete_account, update_account
from cs_tui.data.store.database import Database
from cs_tui.domain.enums import LifecycleStage
from cs_tui.models import (
    AccountCreate,
    AccountSummary,
    AccountUpdate,
    RevenueEvent,
    SurveyResponse,
)

ACCOUNTS = (
    ("Acme", "ana", "Enterprise", "USD", 1_150_000, None),
    ("Globex", "bo", "SMB", "USD", 0, None),
    ("Initech", "ana", "SMB", "EUR", 500_000, None),
    ("Hooli", "bo", "Mid-Market", "USD", 300_000, None),
    ("Umbrella", "ana", "SMB", "USD", 200_000, date(2026, 3, 10)),
    ("Soylent", "ana", "SMB", "USD", 99_900, None),
)
EVENTS = (
    ("Acme", "upsell", 150_000, date(2026, 2, 10), ""),
    ("Acme", "renewal", 1_150_000, date(2026, 2, 11), ""),
    ("Globex", "churn", 400_000, date(2026, 3, 1), "budget"),
    ("Initech", "downsell", 100_000, date(2026, 1, 20), "budget"),
    ("Hooli", "new", 300_000, date(2026, 2, 1), ""),
    ("Soylent", "upsell", 5_000, date(2026, 2, 1), ""),
)


def metrics_book(db: Database) -> dict[str, str]:
    """Write the book; the accounts' ids (hex) by name."""
    ids = {}
    for name, owner, segment, currency, arr, end in ACCOUNTS:
        stage = LifecycleStage.CHURNED if arr == 0 else LifecycleStage.VALUE
        ids[name] = create_account(
            db,
            AccountCreate(
                name=name, owner=owner, segment=segment, currency=currency, arr_minor=arr,
                contract_end=end, lifecycle_stage=stage,
            ),
        )  # fmt: skip
    with db.write() as session:
        for name, kind, amount, day, reason in EVENTS:
            currency = next(a[3] for a in ACCOUNTS if a[0] == name)
            session.add(
                RevenueEvent(
                    account_id=ids[name],
                    kind=kind,
                    amount_minor=amount,
                    currency=currency,
                    occurred_on=day,
                    reason_code=reason,
                )
            )
        for name, kind, moment, score, day in (
            ("Acme", "nps", "periodic", 10, date(2026, 3, 1)),
            ("Globex", "nps", "exit", 3, date(2026, 2, 20)),
            ("Hooli", "csat", "onboarding", 5, date(2026, 2, 25)),
            ("Acme", "nps", "periodic", 0, date(2025, 12, 31)),  # the quarter before
        ):
            session.add(
                SurveyResponse(
                    account_id=ids[name], kind=kind, moment=moment, score=score, responded_on=day
                )
            )
        umbrella = session.get(AccountSummary, ids["Umbrella"])
        assert umbrella is not None
        umbrella.band = "red"
        acme = session.get(AccountSummary, ids["Acme"])
        assert acme is not None
        acme.plan_status = "agreed"
    update_account(db, "Umbrella", AccountUpdate(owner="bo"))
    delete_account(db, "Soylent")
    return {name: account_id.hex for name, account_id in ids.items()}
