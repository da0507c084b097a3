"""An account with a quarter of history, written as a user would, for the QBR and review tests.

The frozen day is 2026-06-15, in 2026-Q2 (1 April to 30 June). Acme has a plan with two
objectives, milestones done, late and planned, customer check-ins with a risk, an internal note
that must never reach the customer, survey answers, a renewal and a downsell, and health
snapshots from 61 to 72.
"""

import uuid
from datetime import date

from cs_tui.data.plans.items import add_milestone, add_objective, complete_milestone
from cs_tui.data.plans.plan import ensure_plan
from cs_tui.data.store.database import Database
from cs_tui.data.work.check_ins import log_check_in
from cs_tui.data.work.drafts import CheckInDraft, FollowUpDraft, NextStepDraft
from cs_tui.data.work.follow_ups import add_follow_up
from cs_tui.domain.enums import CheckInKind, FollowUpKind
from cs_tui.models import MilestoneCreate, ObjectiveCreate, RevenueEvent, SurveyResponse
from tests.unit.data.daily_book import add_account, add_metric, add_person, add_snapshot

SECRET = "Internal: procurement thinks we are overpriced"


def add_survey(
    db: Database,
    account_id: uuid.UUID,
    kind: str,
    score: int,
    day: date,
    contact: str = "",
    comment: str = "",
) -> None:
    with db.write() as session:
        session.add(
            SurveyResponse(
                account_id=account_id, kind=kind, score=score, responded_on=day,
                contact=contact, comment=comment,
            )
        )  # fmt: skip


def add_revenue(
    db: Database, account_id: uuid.UUID, kind: str, amount_minor: int, day: date, reason: str = ""
) -> None:
    with db.write() as session:
        session.add(
            RevenueEvent(
                account_id=account_id, kind=kind, amount_minor=amount_minor, occurred_on=day,
                reason_code=reason, note="Finance only: discount approved by the VP",
            )
        )  # fmt: skip


def qbr_book(db: Database, name: str = "Acme") -> uuid.UUID:
    account_id = add_account(db, name, renews_in=75)
    add_person(db, name, "Dana Reyes", "champion")
    ensure_plan(db, name)
    users = add_objective(
        db, name,
        ObjectiveCreate(title="Grow weekly active users", metric="active_users", baseline=120, target=200, unit="users"),
    )  # fmt: skip
    add_metric(db, account_id, "active_users", 180, days_ago=3)
    tickets = add_objective(db, name, ObjectiveCreate(title="Cut open tickets", status="at_risk"))
    done = add_milestone(
        db, users, MilestoneCreate(title="SSO rolled out", owner="sam.lee", due_on=date(2026, 5, 1))
    )
    complete_milestone(db, done)
    add_milestone(
        db,
        tickets,
        MilestoneCreate(title="Ticket triage workshop", owner="tess", due_on=date(2026, 5, 20)),
    )
    add_milestone(db, users, MilestoneCreate(title="Admin training", due_on=date(2026, 8, 10)))
    log_check_in(
        db,
        CheckInDraft(
            account=name, kind=CheckInKind.MEETING, occurred_on=date(2026, 5, 12),
            summary="Reviewed adoption with Dana; SSO is live", attendees=("Dana Reyes", "sam.lee"),
            risks="Budget freeze in Q3", next_steps=(NextStepDraft(title="Send the usage report", due_on=date(2026, 7, 2)),),
        ),
    )  # fmt: skip
    log_check_in(
        db,
        CheckInDraft(
            account=name, kind=CheckInKind.INTERNAL_NOTE, occurred_on=date(2026, 6, 1), summary=SECRET,
            next_steps=(NextStepDraft(title="Ask finance about a secret discount", due_on=date(2026, 7, 1)),),
        ),
    )  # fmt: skip
    log_check_in(
        db,
        CheckInDraft(account=name, kind=CheckInKind.CALL, occurred_on=date(2026, 3, 20), summary="Last quarter's call"),
    )  # fmt: skip
    add_follow_up(
        db,
        name,
        FollowUpDraft(title="Champion may leave", kind=FollowUpKind.RISK, due_on=date(2026, 6, 30)),
    )
    add_survey(db, account_id, "nps", 9, date(2026, 4, 20), "Dana Reyes", "Great support")
    add_survey(db, account_id, "nps", 4, date(2026, 5, 2), "bob.smith@acme.com", "Too slow")
    add_survey(db, account_id, "csat", 5, date(2026, 5, 3))
    add_survey(db, account_id, "nps", 10, date(2026, 1, 10))  # last quarter: not counted
    add_revenue(db, account_id, "renewal", 50_000_00, date(2026, 4, 2))
    add_revenue(db, account_id, "downsell", 5_000_00, date(2026, 4, 2), reason="budget")
    for days_ago, score, band in (
        (70, 61, "yellow"),
        (40, 66, "yellow"),
        (10, 72, "yellow"),
        (0, 72, "yellow"),
    ):
        add_snapshot(db, account_id, band, days_ago, score=score)
    add_snapshot(db, account_id, "red", 120, score=40)  # Q1: not in the trend
    return account_id
