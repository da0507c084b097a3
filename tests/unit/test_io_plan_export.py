"""Exporting a success plan for the customer: Markdown and self-contained, escaped HTML."""

from datetime import date

import pytest

from cs_tui.domain.plans.views import MilestoneView, ObjectiveView, PlanView
from cs_tui.io.plan_export import measure, number, render_plan

TODAY = date(2026, 6, 15)


def milestone(title: str, side: str, owner: str, status: str = "todo") -> MilestoneView:
    return MilestoneView(
        id="m" * 32, title=title, side=side, owner=owner, stakeholder_id=None,
        due_on=date(2026, 7, 1), status=status, completed_on=None, position=0,
    )  # fmt: skip


def objective(**changes: object) -> ObjectiveView:
    values: dict[str, object] = {
        "id": "o" * 32, "title": "Grow monthly active users", "metric": "active_users",
        "baseline": 120.0, "target": 200.0, "unit": "users", "due_on": date(2026, 9, 1),
        "owner": "casey", "status": "on_track", "position": 0, "current": 160.0,
        "current_on": date(2026, 6, 1), "tracked": True, "progress": 50.0,
        "progress_source": "metric",
        "milestones": (
            milestone("Admin training", "ours", "casey", "done"),
            milestone("Invite | the team", "customer", "Ana Lima"),
        ),
    }  # fmt: skip
    values.update(changes)
    return ObjectiveView(**values)  # type: ignore[arg-type]


def plan(**changes: object) -> PlanView:
    values: dict[str, object] = {
        "id": "p" * 32, "account_id": "a" * 32, "account_name": "Acme & Sons", "account_owner": "casey",
        "status": "agreed", "why_bought": "Spreadsheets broke at 40 people",
        "pain_points": "Board pack takes two days", "success_definition": "Board pack in an hour",
        "actions": "Train the analysts", "started_on": date(2026, 5, 1), "agreed_on": date(2026, 5, 20),
        "review_on": date(2026, 7, 15), "template": "onboarding", "progress": 50.0,
        "objectives": (objective(),),
    }  # fmt: skip
    values.update(changes)
    return PlanView(**values)  # type: ignore[arg-type]


def test_markdown_has_expectations_objectives_baseline_to_target_and_both_sides() -> None:
    text = render_plan(plan(), fmt="md", today=TODAY)
    assert text.startswith("# Success plan: Acme & Sons")
    assert "- **Status:** Agreed, agreed on 20 May 2026\n- **Started:** 1 May 2026\n" in text
    assert "**Why you chose us.** Spreadsheets broke at 40 people" in text
    assert "### 1. Grow monthly active users" in text
    assert "active users: 120 users -> 200 users by 1 Sep 2026" in text
    assert "**Progress:** 50% · On track" in text
    assert "| Admin training | casey | Our team | 1 Jul 2026 | Done |" in text
    assert "| Invite \\| the team | Ana Lima | Your team | 1 Jul 2026 | To do |" in text
    assert "Prepared by casey on 15 Jun 2026." in text


def test_html_is_self_contained_and_escapes_what_was_typed() -> None:
    risky = plan(why_bought="<script>alert('x')</script>", account_name="Acme <b>Corp</b>")
    html = render_plan(risky, fmt="html", today=TODAY)
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Acme &lt;b&gt;Corp&lt;/b&gt;" in html
    assert "120 users -&gt; 200 users by 1 Sep 2026" in html
    assert 'style="width: 50%"' in html
    assert "http" not in html.split("<body>")[0]  # no external stylesheet or font


def test_markdown_escapes_html_as_the_html_export_does() -> None:
    risky = plan(
        why_bought="<script>alert('x')</script>",
        account_name="Acme <b>Corp</b> & Sons",
        actions="<img src=x onerror=alert(1)> &lt;already&gt; &#60;",
        objectives=(
            objective(
                title="<iframe src=evil>",
                unit="<u>",
                milestones=(milestone("<a href=x>go</a>", "ours", "<i>casey</i>"),),
            ),
        ),
    )
    text = render_plan(risky, fmt="md", today=TODAY)
    assert "<" not in text and ">" not in text.replace("->", "")
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in text
    assert text.startswith("# Success plan: Acme &lt;b&gt;Corp&lt;/b&gt; & Sons")
    assert "&amp;lt;already&amp;gt; &amp;#60;" in text  # shown as typed, not decoded
    assert "### 1. &lt;iframe src=evil&gt;" in text
    assert "120 &lt;u&gt; -> 200 &lt;u&gt; by 1 Sep 2026" in text
    assert "| &lt;a href=x&gt;go&lt;/a&gt; | &lt;i&gt;casey&lt;/i&gt; |" in text


def test_an_empty_draft_still_reads_well() -> None:
    empty = plan(status="draft", agreed_on=None, why_bought="", pain_points="", success_definition="",
                 actions="", objectives=(), progress=None)  # fmt: skip
    text = render_plan(empty, fmt="md", today=TODAY)
    assert "- **Status:** Draft\n" in text and "_To be written together._" in text
    assert "_No objectives yet._" in text


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (120.0, "users", "120 users"),
        (0.35, "share", "35%"),
        (1250.5, "", "1,250.5"),
        (None, "x", "-"),
    ],
)
def test_numbers_read_naturally(value: float | None, unit: str, text: str) -> None:
    assert number(value, unit) == text


def test_measure_of_an_objective_without_a_metric_target() -> None:
    assert measure(objective(baseline=None, target=None)) == "by 1 Sep 2026"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="md, html"):
        render_plan(plan(), fmt="pdf", today=TODAY)  # type: ignore[arg-type]
