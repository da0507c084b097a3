"""A success plan to share with the customer, as Markdown or as a self-contained HTML page.

Rendered with the Jinja templates shipped in `cs_tui/templates/export`; HTML is autoescaped, and
in Markdown every value typed into the plan has `<`, `>` and entity-like `&` escaped (a Markdown
viewer would otherwise run `<script>` or `<img onerror=...>` as HTML), so whatever was typed shows
as text, never as markup.
"""

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from cs_tui.domain.plans.views import ObjectiveView, PlanView

ExportFormat = Literal["md", "html"]
FORMATS: tuple[ExportFormat, ...] = ("md", "html")
STATUS_LABELS = {
    "draft": "Draft",
    "agreed": "Agreed",
    "active": "Active",
    "achieved": "Achieved",
    "abandoned": "Abandoned",
    "not_started": "Not started",
    "on_track": "On track",
    "at_risk": "At risk",
    "missed": "Missed",
    "todo": "To do",
    "in_progress": "In progress",
    "done": "Done",
    "blocked": "Blocked",
}


def number(value: float | None, unit: str = "") -> str:
    """42, 0.35, 1,200 - without a trailing .0; shares as percentages."""
    if value is None:
        return "-"
    if unit == "share" and -1.5 <= value <= 1.5:
        return f"{value * 100:.0f}%"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip() if unit else text


def cell(value: str) -> str:
    """Text that stays inside one Markdown table cell."""
    return " ".join(value.split()).replace("|", "\\|")


def day(value: date | None) -> str:
    return value.strftime("%d %b %Y").lstrip("0") if value else "-"


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}%"


def label(value: str) -> str:
    return STATUS_LABELS.get(value, value.replace("_", " ").capitalize())


def measure(objective: ObjectiveView, escape: Callable[[str], str] = str) -> str:
    """ "120 users -> 200 users by 1 Sep 2026" (the parts that are known; typed ones `escape`d)."""
    parts = []
    if objective.baseline is not None or objective.target is not None:
        baseline = escape(number(objective.baseline, objective.unit))
        parts.append(f"{baseline} -> {escape(number(objective.target, objective.unit))}")
    if objective.due_on:
        parts.append(f"by {day(objective.due_on)}")
    return " ".join(parts)


ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def markdown_text(text: str) -> str:
    """Text that a Markdown viewer shows as written: no HTML tag, comment or entity in it."""
    return ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def _markdown_value(value: Any) -> Any:
    """Every value a Markdown template prints, escaped unless the exporter built it (`Markup`)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return markdown_text(value)


def _markdown_measure(objective: ObjectiveView) -> Markup:
    return Markup(measure(objective, markdown_text))


@lru_cache(maxsize=2)
def _environment(html: bool) -> Environment:
    environment = Environment(
        loader=PackageLoader("cs_tui", "templates/export"),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=None if html else _markdown_value,
    )
    environment.filters.update(number=number, day=day, percent=percent, label=label, cell=cell)
    environment.globals.update(measure=measure if html else _markdown_measure)
    return environment


def team_logins(plan: PlanView) -> tuple[str, ...]:
    """Who of our team the document names (by login): the account's owner, the objectives' owners
    and our side's milestone owners. A customer-side owner is a stakeholder's name already."""
    found = [plan.account_owner]
    for objective in plan.objectives:
        found.append(objective.owner)
        found += [m.owner for m in objective.milestones if m.side != "customer"]
    return tuple(dict.fromkeys(login for login in found if login))


def unnamed_logins(plan: PlanView, people: Mapping[str, str]) -> tuple[str, ...]:
    """Logins the document would show because the team list gives them no name."""
    return tuple(login for login in team_logins(plan) if login not in people)


def render_plan(
    plan: PlanView,
    *,
    fmt: ExportFormat = "md",
    today: date,
    people: Mapping[str, str] | None = None,
) -> str:
    """The plan as a document: expectations, objectives with progress, milestones, status.

    The customer reads it, so our people appear by the names of the config's team list
    (`people`: login -> name), never by their login, where the list names them."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    names = dict(people or {})
    context: dict[str, Any] = {
        "plan": plan,
        "today": today,
        "person": lambda login: names.get(login, login),
    }
    template = _environment(fmt == "html").get_template(f"plan.{fmt}.j2")
    return template.render(context)
