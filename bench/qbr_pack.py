"""The customer QBR pack (Markdown) of an account with two years of history, on the demo book.

One account is added to a copy of the demo book with two years behind it: a health snapshot
every day, three check-ins a week (some of them internal notes), survey answers every month,
revenue events every quarter, a success plan of ten objectives with five milestones each, daily
samples of five metrics and two hundred follow-ups. The measure is what `cs-tui qbr ACCOUNT`
does once the store is open: read the pack of the last full quarter and render it as Markdown.
Judged on its own: under one second.
"""

import random
import time
from datetime import timedelta
from pathlib import Path

from bench.context import Context
from bench.registry import Benchmark, Metric, Samples, Side, Target

NAME = "Two Years Of History Inc"
USER = "bench"
DAYS = 730


def history_book(context: Context) -> Path:
    """A copy of the demo book with the account and its history (made once per suite run)."""

    def build() -> Path:
        import shutil

        from cs_tui.data.accounts.records import create_account
        from cs_tui.data.store.database import open_database
        from cs_tui.domain.enums import (
            CheckInKind,
            FollowUpStatus,
            HealthBand,
            MilestoneStatus,
            PlanStatus,
            RevenueKind,
            SurveyKind,
        )
        from cs_tui.models import (
            AccountCreate,
            CheckIn,
            FollowUp,
            HealthSnapshot,
            MetricSample,
            PlanMilestone,
            PlanObjective,
            RevenueEvent,
            SuccessPlan,
            SurveyResponse,
        )

        path = context.scratch() / "qbr-history.db"
        shutil.copyfile(context.book(), path)
        db = open_database(str(path), user=USER)
        dice = random.Random(context.seed)
        today = db.today()
        first = today - timedelta(days=DAYS)
        try:
            account_id = create_account(
                db,
                AccountCreate(
                    name=NAME,
                    owner=USER,
                    segment="Enterprise",
                    arr_minor=250_000_00,
                    contract_start=first,
                    contract_end=today + timedelta(days=90),
                ),
            )
            with db.write() as session:
                days = [first + timedelta(days=n) for n in range(DAYS + 1)]
                for day in days:
                    score = 40 + 40 * dice.random()
                    band = (
                        HealthBand.RED
                        if score <= 50
                        else HealthBand.YELLOW
                        if score <= 75
                        else HealthBand.GREEN
                    )
                    session.add(
                        HealthSnapshot(account_id=account_id, taken_on=day, score=score, band=band)
                    )
                    for metric in (
                        "active_users",
                        "logins_30d",
                        "tickets_open",
                        "seats_used",
                        "adoption",
                    ):
                        session.add(
                            MetricSample(
                                account_id=account_id,
                                metric=metric,
                                observed_on=day,
                                value=dice.randrange(10, 500),
                            )
                        )
                    if day.weekday() in (0, 2, 4):
                        kind = (
                            CheckInKind.INTERNAL_NOTE
                            if day.weekday() == 4
                            else dice.choice(
                                [CheckInKind.CALL, CheckInKind.MEETING, CheckInKind.EMAIL]
                            )
                        )
                        session.add(
                            CheckIn(
                                account_id=account_id,
                                occurred_on=day,
                                kind=kind,
                                summary=f"Talked about adoption on {day}",
                                attendees="Dana Reyes, sam.lee",
                                risks="Budget review" if day.day == 1 else "",
                                author=USER,
                            )
                        )
                    if day.day == 15:
                        session.add(
                            SurveyResponse(
                                account_id=account_id,
                                kind=SurveyKind.NPS,
                                score=dice.randrange(11),
                                responded_on=day,
                                contact="Dana Reyes",
                                comment="Fine",
                            )
                        )
                    if day.day == 2 and day.month in (1, 4, 7, 10):
                        session.add(
                            RevenueEvent(
                                account_id=account_id,
                                kind=dice.choice([RevenueKind.UPSELL, RevenueKind.RENEWAL]),
                                amount_minor=dice.randrange(1_000, 50_000) * 100,
                                occurred_on=day,
                            )
                        )
                plan = SuccessPlan(
                    account_id=account_id,
                    status=PlanStatus.ACTIVE,
                    agreed_on=first,
                    started_on=first,
                )
                session.add(plan)
                session.flush()
                for number in range(10):
                    objective = PlanObjective(
                        plan_id=plan.id,
                        title=f"Objective {number}",
                        metric="active_users",
                        baseline=100,
                        target=400,
                        position=number,
                    )
                    session.add(objective)
                    session.flush()
                    for step in range(5):
                        due = first + timedelta(days=dice.randrange(DAYS + 120))
                        done = due < today and dice.random() < 0.7
                        session.add(
                            PlanMilestone(
                                objective_id=objective.id,
                                title=f"Step {number}.{step}",
                                owner=USER,
                                due_on=due,
                                status=MilestoneStatus.DONE if done else MilestoneStatus.TODO,
                                completed_on=due if done else None,
                                position=step,
                            )
                        )
                for number in range(200):
                    due = first + timedelta(days=dice.randrange(DAYS + 60))
                    session.add(
                        FollowUp(
                            account_id=account_id,
                            title=f"Follow-up {number}",
                            owner=USER,
                            due_on=due,
                            status=FollowUpStatus.OPEN
                            if due > today - timedelta(days=30)
                            else FollowUpStatus.DONE,
                        )
                    )
        finally:
            db.close()
        return path

    return context.memo("qbr_history_book", build)


def pack_seconds(path: Path) -> float:
    from cs_tui.data.qbr.pack import qbr_pack
    from cs_tui.data.store.database import open_database
    from cs_tui.io.qbr.render import render_text

    db = open_database(str(path), user=USER)
    try:
        started = time.perf_counter()
        pack = qbr_pack(db, NAME)
        text = render_text(pack, "md")
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    if NAME not in text or not pack.health.points or not pack.touches:
        raise RuntimeError("the pack is missing the account's history")
    return elapsed


def run(context: Context, side: Side) -> Samples:
    return {"qbr_pack": [pack_seconds(history_book(context))]}


BENCHMARKS = [
    Benchmark(
        name="qbr_pack",
        title="A customer QBR pack",
        metrics=(
            Metric(
                "qbr_pack",
                "QBR pack (Markdown) of an account with 2 years of history",
                "s",
                (Target("max", 1.0),),
            ),
        ),
        run=run,
        warmup=1,
    )
]
