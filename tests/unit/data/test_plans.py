"""Success plans: expectations, status and agreement, objectives with progress, milestones both sides."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from cs_tui.data.accounts.records import get_account_detail
from cs_tui.data.plans.items import (
    add_milestone,
    add_objective,
    complete_milestone,
    complete_objective,
    delete_milestone,
    delete_objective,
    move_milestone,
    move_objective,
    reopen_milestone,
    restore_milestone,
    restore_objective,
    update_milestone,
    update_objective,
)
from cs_tui.data.plans.plan import ensure_plan, set_plan_status, update_plan
from cs_tui.data.plans.read import get_plan
from cs_tui.data.store.database import Database, open_database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.domain.enums import PlanStatus
from cs_tui.domain.plans.views import PlanView
from cs_tui.models import MilestoneCreate, ObjectiveCreate, SuccessPlan, SuccessPlanUpdate
from cs_tui.models.plan import MilestoneUpdate, ObjectiveUpdate
from tests.conftest import FROZEN_NOW, FROZEN_TODAY, TEST_USER
from tests.unit.data.daily_book import add_account, add_metric, add_person, day


def plan_of(db: Database, account: str = "Acme") -> PlanView:
    plan = get_plan(db, account)
    assert plan is not None
    return plan


def test_an_account_without_a_plan_gets_an_empty_draft(db: Database) -> None:
    add_account(db, "Acme")
    assert get_plan(db, "Acme") is None
    plan = ensure_plan(db, "Acme")
    assert (plan.status, plan.started_on, plan.objectives, plan.progress) == (
        "draft",
        FROZEN_TODAY,
        (),
        None,
    )
    assert ensure_plan(db, "Acme").id == plan.id  # one plan per account
    assert get_account_detail(db, "Acme").plan_status == "draft"


def test_expectations_are_kept_in_the_customers_words(db: Database) -> None:
    add_account(db, "Acme")
    update_plan(
        db, "Acme",
        SuccessPlanUpdate(
            why_bought="  Spreadsheets broke at 40 people ", pain_points="Reports take 2 days",
            success_definition="Board pack in an hour", actions="Train the analysts",
        ),
    )  # fmt: skip
    plan = plan_of(db)
    assert plan.why_bought == "Spreadsheets broke at 40 people"
    assert (plan.pain_points, plan.success_definition, plan.actions) == (
        "Reports take 2 days", "Board pack in an hour", "Train the analysts",
    )  # fmt: skip


def test_moving_to_agreed_needs_the_day_the_customer_agreed(db: Database) -> None:
    add_account(db, "Acme")
    ensure_plan(db, "Acme")
    with pytest.raises(InvalidInputError, match="agreed") as error:
        set_plan_status(db, "Acme", PlanStatus.AGREED)
    assert error.value.field == "agreed_on"
    with pytest.raises(InvalidInputError, match="future"):
        set_plan_status(db, "Acme", PlanStatus.AGREED, agreed_on=day(1))
    assert plan_of(db).status == "draft"
    plan = set_plan_status(db, "Acme", PlanStatus.AGREED, agreed_on=day(-3))
    assert (plan.status, plan.agreed_on, plan.agreed) == ("agreed", day(-3), True)
    assert set_plan_status(db, "Acme", PlanStatus.ACTIVE).agreed_on == day(-3)  # stays agreed
    assert get_account_detail(db, "Acme").plan_status == "active"


def test_re_agreeing_a_plan_needs_a_new_date(db: Database) -> None:
    add_account(db, "Acme")
    set_plan_status(db, "Acme", PlanStatus.AGREED, agreed_on=day(-30))
    set_plan_status(db, "Acme", PlanStatus.DRAFT)
    with pytest.raises(
        InvalidInputError, match="agreed on: a plan that becomes agreed needs the date"
    ):
        set_plan_status(db, "Acme", PlanStatus.AGREED)


def test_progress_comes_from_the_latest_metric_sample_between_baseline_and_target(
    db: Database,
) -> None:
    account_id = add_account(db, "Acme")
    add_objective(
        db,
        "Acme",
        ObjectiveCreate(title="Grow users", metric="active_users", baseline=100, target=200),
    )
    assert plan_of(db).objectives[0].progress is None  # nothing measured, no milestones
    add_metric(db, account_id, "active_users", 120, days_ago=40)
    add_metric(db, account_id, "active_users", 175, days_ago=10)
    objective = plan_of(db).objectives[0]
    assert (objective.current, objective.current_on, objective.tracked) == (175, day(-10), True)
    assert (objective.progress, objective.progress_source) == (75.0, "metric")
    assert plan_of(db).progress == 75.0


def test_less_is_better_objectives_and_overshoot_stay_within_0_and_100(db: Database) -> None:
    account_id = add_account(db, "Acme")
    add_objective(
        db,
        "Acme",
        ObjectiveCreate(
            title="Faster answers", metric="first_response_hours", baseline=30, target=10
        ),
    )
    add_metric(db, account_id, "first_response_hours", 4, days_ago=1)
    assert plan_of(db).objectives[0].progress == 100.0


def test_untracked_objectives_progress_by_their_milestones(db: Database) -> None:
    add_account(db, "Acme")
    objective_id = add_objective(
        db, "Acme", ObjectiveCreate(title="Go live", metric="not_imported")
    )
    first = add_milestone(db, objective_id, MilestoneCreate(title="Kick-off"))
    add_milestone(db, objective_id, MilestoneCreate(title="Data migrated"))
    complete_milestone(db, first)
    objective = plan_of(db).objectives[0]
    assert (objective.progress, objective.progress_source) == (50.0, "milestones")
    assert objective.milestones[0].completed_on == FROZEN_TODAY
    reopen_milestone(db, first)
    assert plan_of(db).objectives[0].progress == 0.0
    complete_objective(db, objective_id)
    assert (plan_of(db).objectives[0].progress, plan_of(db).objectives[0].status) == (
        100.0,
        "achieved",
    )


def test_milestones_have_owners_on_both_sides(db: Database) -> None:
    add_account(db, "Acme")
    add_person(db, "Acme", "Ana Lima", role="champion")
    objective_id = add_objective(db, "Acme", ObjectiveCreate(title="Rollout"))
    add_milestone(db, objective_id, MilestoneCreate(title="Train admins", due_on=day(7)))
    add_milestone(
        db,
        objective_id,
        MilestoneCreate(title="Invite team", owner_side="customer", owner="ana lima"),
    )
    with pytest.raises(InvalidInputError, match="not a stakeholder") as error:
        add_milestone(
            db, objective_id, MilestoneCreate(title="Sign off", owner_side="customer", owner="Bob")
        )
    assert error.value.field == "owner"
    ours, theirs = plan_of(db).objectives[0].milestones
    assert (ours.side, ours.owner, ours.stakeholder_id, ours.due_on) == (
        "ours",
        TEST_USER,
        None,
        day(7),
    )
    assert (theirs.side, theirs.owner) == ("customer", "Ana Lima")
    assert theirs.stakeholder_id is not None
    update_milestone(db, theirs.id, MilestoneUpdate(owner_side="ours", owner="Support team"))
    moved = plan_of(db).objectives[0].milestones[1]
    assert (moved.side, moved.owner, moved.stakeholder_id) == ("ours", "Support team", None)


def test_objectives_are_edited_and_stay_valid(db: Database) -> None:
    add_account(db, "Acme")
    objective_id = add_objective(db, "Acme", ObjectiveCreate(title="Grow", baseline=10, target=20))
    update_objective(db, objective_id, ObjectiveUpdate(title="Grow users", target=40, unit="users"))
    objective = plan_of(db).objectives[0]
    assert (objective.title, objective.target, objective.unit) == ("Grow users", 40, "users")
    with pytest.raises(InvalidInputError, match="target equals baseline"):
        update_objective(db, objective_id, ObjectiveUpdate(target=10))
    assert plan_of(db).objectives[0].target == 40


def test_reordering_objectives_and_milestones(db: Database) -> None:
    add_account(db, "Acme")
    ids = [add_objective(db, "Acme", ObjectiveCreate(title=t)) for t in ("A", "B", "C")]
    move_objective(db, ids[2], -1)
    assert [o.title for o in plan_of(db).objectives] == ["A", "C", "B"]
    move_objective(db, ids[0], +5)  # past the end: last
    assert [o.title for o in plan_of(db).objectives] == ["C", "B", "A"]
    assert [o.position for o in plan_of(db).objectives] == [0, 1, 2]
    first = add_milestone(db, ids[0], MilestoneCreate(title="one"))
    add_milestone(db, ids[0], MilestoneCreate(title="two"))
    move_milestone(db, first, 1)
    assert [m.title for m in plan_of(db).objectives[2].milestones] == ["two", "one"]


def test_deleting_an_objective_takes_its_milestones_and_restore_brings_them_back(
    db: Database,
) -> None:
    add_account(db, "Acme")
    objective_id = add_objective(db, "Acme", ObjectiveCreate(title="Rollout"))
    add_milestone(db, objective_id, MilestoneCreate(title="Kick-off"))
    delete_objective(db, objective_id)
    assert plan_of(db).objectives == ()
    with pytest.raises(NotFoundError, match="no objective has the id"):
        add_milestone(db, objective_id, MilestoneCreate(title="late"))
    restore_objective(db, objective_id[-8:])
    assert [m.title for m in plan_of(db).objectives[0].milestones] == ["Kick-off"]


def test_a_milestone_deleted_before_its_objective_stays_deleted_on_restore(tmp_path: Path) -> None:
    ticks = iter(range(1000))

    def ticking() -> datetime:
        return datetime(2026, 6, 15, 9, tzinfo=UTC) + timedelta(seconds=next(ticks))

    db = open_database(str(tmp_path / "book.db"), user=TEST_USER, clock=ticking)
    try:
        add_account(db, "Acme")
        objective_id = add_objective(db, "Acme", ObjectiveCreate(title="Rollout"))
        dropped = add_milestone(db, objective_id, MilestoneCreate(title="Dropped earlier"))
        add_milestone(db, objective_id, MilestoneCreate(title="Kept"))
        delete_milestone(db, dropped)
        delete_objective(db, objective_id)
        restore_objective(db, objective_id)
        assert [m.title for m in plan_of(db).objectives[0].milestones] == ["Kept"]
        restore_milestone(db, dropped)
        assert len(plan_of(db).objectives[0].milestones) == 2
    finally:
        db.close()


def test_plan_edits_keep_the_audit_stamp(db: Database) -> None:
    add_account(db, "Acme")
    ensure_plan(db, "Acme")
    with db.read() as session:
        plan = session.exec(select(SuccessPlan)).one()
    assert (plan.updated_by, plan.updated_at) == (TEST_USER, FROZEN_NOW)
