"""A small two-CSM book with a known first quarter of 2026, for the incentive tests."""

from datetime import date
from pathlib import Path

from cs_tui.data.store.database import Database
from cs_tui.domain.enums import RevenueKind, SurveyKind
from cs_tui.io.incentives.plan_file import EXAMPLE_PLAN_FILE
from cs_tui.models import Account, RevenueEvent, SurveyResponse

PLAN_TEXT = EXAMPLE_PLAN_FILE.read_text(encoding="utf-8")
K = 100_000  # 1,000.00 in minor units


def incentive_book(db: Database) -> dict[str, Account]:
    """sam: Acme (renewed, upsold 10k), Globex (churned 50k), Initech (downsold 10k) in 2026-Q1:
    starting ARR 200k, GRR 70%, NRR 75%; tess: Hooli, upsold 25k in Q1."""
    accounts = {
        "Acme": Account(name="Acme", owner="sam", segment="Enterprise", arr_minor=110 * K,
                        contract_end=date(2027, 2, 10)),
        "Globex": Account(name="Globex", owner="sam", arr_minor=0, lifecycle_stage="churned"),
        "Initech": Account(name="Initech", owner="sam", segment="SMB", arr_minor=40 * K,
                           contract_end=date(2026, 9, 30)),
        "Hooli": Account(name="Hooli", owner="tess", arr_minor=45 * K),
    }  # fmt: skip
    with db.write() as session:
        session.add_all(accounts.values())
        session.flush()
        events = [
            ("Acme", RevenueKind.RENEWAL, 100 * K, date(2026, 2, 10), ""),
            ("Acme", RevenueKind.UPSELL, 10 * K, date(2026, 2, 20), ""),
            ("Globex", RevenueKind.CHURN, 50 * K, date(2026, 3, 1), "price"),
            ("Initech", RevenueKind.DOWNSELL, 10 * K, date(2026, 1, 15), "budget"),
            ("Hooli", RevenueKind.UPSELL, 25 * K, date(2026, 3, 10), ""),
        ]
        for name, kind, amount, on, reason in events:
            session.add(RevenueEvent(account_id=accounts[name].id, kind=kind, amount_minor=amount,
                                     occurred_on=on, reason_code=reason))  # fmt: skip
        for name, score, on in (("Acme", 10, date(2026, 2, 1)), ("Initech", 5, date(2026, 3, 1))):
            session.add(SurveyResponse(account_id=accounts[name].id, kind=SurveyKind.NPS,
                                       score=score, responded_on=on))  # fmt: skip
    return accounts


def add_churn(db: Database, account: Account, amount: int, on: date) -> None:
    with db.write() as session:
        session.add(RevenueEvent(account_id=account.id, kind=RevenueKind.CHURN,
                                 amount_minor=amount, occurred_on=on, reason_code="price"))  # fmt: skip


def write_plan(folder: Path, text: str = PLAN_TEXT, name: str = "plan.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
