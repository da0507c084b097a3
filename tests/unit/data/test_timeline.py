"""One account's feed: touches, notes, surveys, revenue, plan changes and completed follow-ups."""

import pytest

from cs_tui.data.plans.items import add_milestone, add_objective, complete_milestone
from cs_tui.data.plans.plan import set_plan_status
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.data.work.check_ins import log_check_in
from cs_tui.data.work.drafts import CheckInDraft, NextStepDraft
from cs_tui.data.work.follow_ups import complete_follow_up
from cs_tui.data.work.timeline import account_timeline
from cs_tui.domain.enums import PlanStatus
from cs_tui.models import MilestoneCreate, ObjectiveCreate, RevenueEvent
from tests.unit.data.daily_book import add_account, day


def busy_account(db: Database) -> None:
    account_id = add_account(db, "Acme")
    saved = log_check_in(
        db,
        CheckInDraft(
            account="Acme", kind="call", summary="Renewal prep", occurred_on=day(-3), sentiment=4,
            csat=2, risks="Champion leaving", next_steps=(NextStepDraft(title="Send deck"),),
        ),
    )  # fmt: skip
    log_check_in(
        db,
        CheckInDraft(
            account="Acme", kind="internal_note", summary="Ask about budget", occurred_on=day(-1)
        ),
    )
    complete_follow_up(db, saved.follow_up_ids[0])
    with db.write() as session:
        session.add(
            RevenueEvent(
                account_id=account_id, kind="renewal", amount_minor=120_000_00, occurred_on=day(-40)
            )
        )
    set_plan_status(db, "Acme", PlanStatus.AGREED, agreed_on=day(-2))
    objective = add_objective(db, "Acme", ObjectiveCreate(title="Go live"))
    milestone = add_milestone(db, objective, MilestoneCreate(title="Kick-off"))
    complete_milestone(db, milestone)


def test_the_feed_is_newest_first_with_every_kind(db: Database) -> None:
    busy_account(db)
    entries = account_timeline(db, "Acme")
    assert entries == sorted(entries, key=lambda e: e.on, reverse=True)
    by_title = {e.title: e for e in entries}
    call = by_title["Call · sentiment 4/5"]
    assert (call.kind, call.on) == ("check_in", day(-3))
    assert "Risks: Champion leaving" in call.detail
    assert by_title["Internal note"].kind == "note"
    assert by_title["CSAT 2 (unhappy)"].kind == "survey"
    assert by_title["Renewal +$120,000"].on == day(-40)
    assert by_title["Done: Send deck"].kind == "follow_up"
    plan_titles = [e.title for e in entries if e.kind == "plan"]
    assert "Success plan agreed with the customer" in plan_titles
    assert "Milestone done: Kick-off" in plan_titles
    assert "Success plan started" in plan_titles


def test_the_feed_filters_by_kind_and_limits(db: Database) -> None:
    busy_account(db)
    notes = account_timeline(db, "Acme", kinds=["note"])
    assert [e.detail for e in notes] == ["Ask about budget"]
    assert {e.kind for e in account_timeline(db, "Acme", kinds=["survey", "revenue"])} == {
        "survey",
        "revenue",
    }
    assert len(account_timeline(db, "Acme", limit=2)) == 2
    with pytest.raises(InvalidInputError, match="unknown timeline kinds"):
        account_timeline(db, "Acme", kinds=["emails"])
