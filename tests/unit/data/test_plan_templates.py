"""Plan templates: the shipped ones, the user's own, refused files, and applying one to an account."""

from pathlib import Path

import pytest

from cs_tui import locations
from cs_tui.data.plans.items import add_objective
from cs_tui.data.plans.templates import apply_template
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.io.plan_templates import TemplateError, load_catalog, load_template, parse_template
from cs_tui.models import ObjectiveCreate
from tests.conftest import FROZEN_TODAY, TEST_USER
from tests.unit.data.daily_book import add_account, add_metric, add_person, day

SHIPPED = {"onboarding", "adoption", "renewal-readiness", "expansion"}

GOOD = """
name = "Pilot"
description = "A four-week pilot"
[[objectives]]
title = "Pilot team active"
metric = "active_users"
target = 12
due_days = 28
  [[objectives.milestones]]
  title = "Pilot kick-off"
  side = "ours"
  due_days = 2
"""


def write_user_template(name: str, text: str) -> Path:
    folder = locations.user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_four_shipped_templates_are_valid_and_listed() -> None:
    catalog = load_catalog()
    assert set(catalog.templates) >= SHIPPED
    assert catalog.problems == ()
    for template in catalog.templates.values():
        assert template.objectives and all(o.title for o in template.objectives)
        assert template.why_bought_prompt and template.success_prompt


def test_user_templates_join_the_list_and_a_bad_one_is_reported_not_listed() -> None:
    write_user_template("pilot", GOOD)
    write_user_template("broken", GOOD.replace('side = "ours"', 'side = "theirs"'))
    catalog = load_catalog()
    assert catalog.templates["pilot"].source.endswith("pilot.toml")
    assert "broken" not in catalog.templates
    (problem,) = catalog.problems
    assert "broken.toml" in problem and "objective 1 milestone 1 side" in problem


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('name = "Pilot"', ""), "name: Field required"),
        (("due_days = 28", "due_days = -1"), "objective 1 due days"),
        (('metric = "active_users"', 'metric = "Active Users"'), "objective 1 metric"),
        (("target = 12", "target = 12\ntarget_change = 0.5"), "target or target_change"),
        (('title = "Pilot kick-off"', 'title = "Pilot kick-off"\ncolour = "red"'), "colour"),
        (("[[objectives]]", "[[objectives]\n"), "not valid TOML"),
    ],
)
def test_an_invalid_template_names_the_file_and_the_field(
    change: tuple[str, str], message: str
) -> None:
    with pytest.raises(TemplateError, match=message) as error:
        parse_template(GOOD.replace(*change), key="pilot", source="/tmp/pilot.toml")
    assert "/tmp/pilot.toml" in str(error.value)


def test_an_unknown_template_lists_the_known_ones() -> None:
    with pytest.raises(TemplateError, match="onboarding"):
        load_template("no-such-template")


def test_applying_onboarding_lays_out_objectives_and_milestones_from_the_start(
    db: Database,
) -> None:
    account_id = add_account(db, "Acme", owner="casey")
    add_person(db, "Acme", "Ana Lima", role="champion")
    add_metric(db, account_id, "active_users", 20, days_ago=15)
    add_metric(db, account_id, "active_users", 30, days_ago=2)  # after the start: not the baseline
    start = day(-10)
    plan = apply_template(db, "Acme", "onboarding", start)
    assert (plan.status, plan.template, plan.started_on) == ("draft", "onboarding", start)
    assert plan.review_on == day(20)  # review_days = 30
    assert plan.actions.startswith("Kick-off")
    users, features = plan.objectives
    # the baseline is the metric on the start day (20 users), target +100%; progress is measured now
    assert (users.baseline, users.target, users.due_on, users.owner) == (20, 40, day(50), "casey")
    assert (users.current, users.progress) == (30, 50.0)
    assert (features.baseline, features.target) == (0.0, 0.4)
    kick_off, _admins, invite = users.milestones
    assert (kick_off.side, kick_off.owner, kick_off.due_on) == ("ours", "casey", day(-5))
    assert (invite.side, invite.owner, invite.stakeholder_id is not None) == (
        "customer",
        "Ana Lima",
        True,
    )
    sign_off = features.milestones[-1]
    assert (sign_off.side, sign_off.owner) == ("customer", "")  # no executive sponsor named yet


def test_applying_to_an_existing_plan_adds_after_its_own_objectives(db: Database) -> None:
    add_account(db, "Acme")
    add_objective(db, "Acme", ObjectiveCreate(title="Our own goal"))
    plan = apply_template(db, "Acme", "renewal-readiness")
    assert next(o.title for o in plan.objectives) == "Our own goal"
    assert len(plan.objectives) == 3
    assert plan.started_on == FROZEN_TODAY
    assert plan.objectives[1].owner == TEST_USER  # the account's CSM


def test_applying_a_user_template_and_refusing_a_broken_one(db: Database) -> None:
    add_account(db, "Acme")
    write_user_template("pilot", GOOD)
    write_user_template("broken", "name = 3")
    assert [o.title for o in apply_template(db, "Acme", "pilot").objectives] == [
        "Pilot team active"
    ]
    with pytest.raises(InvalidInputError, match=r"broken\.toml") as error:
        apply_template(db, "Acme", "broken")
    assert error.value.field == "template"
