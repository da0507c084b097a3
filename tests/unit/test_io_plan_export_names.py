"""The exported plan shows our people by the team list's names; the customer's keep theirs."""

import pytest

from cs_tui.io.plan_export import render_plan, team_logins, unnamed_logins
from tests.unit.test_io_plan_export import TODAY, milestone, objective, plan

PEOPLE = {"casey": "Casey Jones", "sam": "Sam Lee"}


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_logins_become_names_wherever_our_people_appear(fmt: str) -> None:
    shown = plan(
        objectives=(objective(milestones=(
            milestone("Admin training", "ours", "sam"),
            milestone("Invite the team", "customer", "casey"),  # a stakeholder who is called so
        )),),
    )  # fmt: skip
    document = render_plan(shown, fmt=fmt, today=TODAY, people=PEOPLE)  # type: ignore[arg-type]
    assert "Prepared by Casey Jones" in document
    assert "Sam Lee" in document
    assert document.count("Casey Jones") == 2  # the owner of the plan and of the objective
    assert "casey" in document  # the customer-side stakeholder keeps the name typed


def test_without_a_team_list_the_document_is_as_before() -> None:
    assert render_plan(plan(), today=TODAY) == render_plan(plan(), today=TODAY, people={})
    assert "Prepared by casey" in render_plan(plan(), today=TODAY)


def test_which_logins_lack_a_name() -> None:
    shown = plan(objectives=(objective(owner="dana"),))
    assert team_logins(shown) == ("casey", "dana")
    assert unnamed_logins(shown, PEOPLE) == ("dana",)
    assert unnamed_logins(shown, {**PEOPLE, "dana": "Dana Park"}) == ()
