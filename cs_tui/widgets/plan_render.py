"""How a success plan reads on screen: its header, the customer's expectations, objectives, milestones.

Pure Rich renderings of the `PlanView` read-model, so the panel stays thin and every line can be
checked without running the app. Meaning is never in colour alone: each status has a glyph and a
word, progress a number and a bar, an overdue milestone says so.
"""

from collections.abc import Mapping
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cs_tui.domain.plans.views import MilestoneView, ObjectiveView, PlanView
from cs_tui.io.plan_export import label, number

BAR_WIDTH = 10
BAR_EIGHTHS = " ▏▎▍▌▋▊▉"
EXPECTATION_LIMIT = 240
PLAN_GLYPHS = {"draft": "○", "agreed": "◉", "active": "▶", "achieved": "✓", "abandoned": "✗"}
OBJECTIVE_GLYPHS = {
    "not_started": "○",
    "on_track": "◐",
    "at_risk": "⚠",
    "achieved": "✓",
    "missed": "✗",
}
MILESTONE_GLYPHS = {"todo": "○", "in_progress": "◐", "done": "✓", "blocked": "⊘"}
SIDE_LABELS = {"ours": "ours", "customer": "customer"}
EXPECTATIONS = (
    ("Why they bought", "why_bought"),
    ("Pain points", "pain_points"),
    ("Success means", "success_definition"),
)


def progress_bar(percent: float | None, width: int = BAR_WIDTH) -> str:
    """`████▌░░░░░` for 45%: whole blocks, one partial block, the rest shaded."""
    if percent is None:
        return "░" * width
    filled = max(0.0, min(100.0, percent)) / 100 * width
    whole = int(filled)
    partial = BAR_EIGHTHS[int((filled - whole) * 8)] if whole < width else ""
    bar = "█" * whole + partial.strip()
    return bar + "░" * (width - len(bar))


def progress_text(percent: float | None) -> Text:
    """`45% ████▌░░░░░`, or `  - ░░░…` when nothing measures it yet."""
    shown = "  -" if percent is None else f"{percent:3.0f}%"
    return Text.assemble((shown, "bold"), " ", progress_bar(percent))


def day(value: date | None) -> str:
    return value.isoformat() if value else "-"


def status_text(status: str, glyphs: dict[str, str]) -> Text:
    return Text(f"{glyphs.get(status, '·')} {label(status)}")


def header(plan: PlanView | None) -> Text:
    """One line: status, when agreed, progress, template, next review."""
    if plan is None:
        return Text("No success plan yet", style="bold")
    line = Text.assemble(("Status ", "bold"), status_text(plan.status, PLAN_GLYPHS))
    if plan.agreed_on and plan.agreed:
        line.append(f" on {plan.agreed_on.isoformat()}")
    elif not plan.agreed:
        line.append(" (not agreed yet)", style="dim")
    line.append(" · ")
    line.append_text(Text.assemble(("Progress ", "bold"), progress_text(plan.progress)))
    line.append(" · ")
    line.append_text(Text.assemble(("Template ", "bold"), plan.template or "none"))
    line.append(" · ")
    line.append_text(Text.assemble(("Review ", "bold"), day(plan.review_on)))
    line.append(" · ")
    line.append_text(Text.assemble(("Started ", "bold"), day(plan.started_on)))
    return line


def _shortened(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXPECTATION_LIMIT else flat[: EXPECTATION_LIMIT - 1] + "…"


def expectations(plan: PlanView) -> RenderableType:
    """The customer's expectations in their words, side by side, then how we get there."""
    table = Table(box=None, expand=True, header_style="bold", pad_edge=False, padding=(0, 2, 0, 0))
    for title, _field in EXPECTATIONS:
        table.add_column(title, ratio=1, overflow="fold")
    missing = Text("not written yet", style="dim italic")
    table.add_row(*(_shortened(getattr(plan, field)) or missing for _title, field in EXPECTATIONS))
    actions = Text.assemble(("Actions ", "bold"), _shortened(plan.actions) or missing)
    return Group(table, actions)


def measure(objective: ObjectiveView) -> str:
    """`Active users: 12 → 24 users by 2026-08-14` (the parts that are known)."""
    parts = []
    if objective.metric:
        parts.append(f"{objective.metric.replace('_', ' ').capitalize()}:")
    if objective.baseline is not None or objective.target is not None:
        baseline = number(objective.baseline, objective.unit)
        parts.append(f"{baseline} → {number(objective.target, objective.unit)}")
    if objective.due_on:
        parts.append(f"by {objective.due_on.isoformat()}")
    return " ".join(parts) or "no metric, baseline or target yet"


def progress_source(objective: ObjectiveView) -> str:
    """Where the objective's progress comes from, in words."""
    source = objective.progress_source
    if source == "achieved":
        return "achieved"
    if source == "metric":
        value = number(objective.current, objective.unit)
        if objective.tracked and objective.current_on:
            return f"from the metric: {value} on {objective.current_on.isoformat()}"
        return f"from the value recorded by hand: {value}"
    if source == "milestones":
        done = sum(1 for m in objective.milestones if m.status == "done")
        return f"from milestones: {done} of {len(objective.milestones)} done"
    return "nothing measures it yet"


def objective_prompt(objective: ObjectiveView, number_label: str) -> RenderableType:
    """Two lines: number, title, status and progress; then the measure, owner and source."""
    top = Table.grid(expand=True, padding=(0, 1))
    top.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    top.add_column(width=14, no_wrap=True)
    top.add_column(width=15, no_wrap=True)
    top.add_row(
        Text(f"{number_label}. {objective.title}", style="bold"),
        status_text(objective.status, OBJECTIVE_GLYPHS),
        progress_text(objective.progress),
    )
    details = Text("   ", no_wrap=True, overflow="ellipsis")
    details.append(measure(objective))
    details.append(f" · owner {objective.owner or 'none'}", style="dim")
    details.append(f" · {progress_source(objective)}", style="dim")
    return Group(top, details)


def milestone_state(milestone: MilestoneView) -> Text:
    """`✓ Done 2026-06-12`, `○ To do`, `⊘ Blocked`."""
    text = status_text(milestone.status, MILESTONE_GLYPHS)
    if milestone.status == "done" and milestone.completed_on:
        text.append(f" {milestone.completed_on.isoformat()}")
    return text


def milestone_prompt(milestone: MilestoneView, number_label: str, today: date) -> RenderableType:
    """One line: number and title, the owner and their side, the due day, the status."""
    row = Table.grid(expand=True, padding=(0, 1))
    row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    row.add_column(width=30, no_wrap=True, overflow="ellipsis")
    row.add_column(width=26, no_wrap=True)
    row.add_column(width=18, no_wrap=True)
    side = SIDE_LABELS.get(milestone.side, milestone.side)
    owner = milestone.owner or "unassigned"
    due = Text(f"due {day(milestone.due_on)}")
    if milestone.due_on and milestone.due_on < today and milestone.status != "done":
        due.append(" ⚠ overdue", style="bold")
    row.add_row(
        Text(f"     {number_label} {milestone.title}"),
        Text.assemble((f"{side}: ", "dim"), owner),
        due,
        milestone_state(milestone),
    )
    return row


def empty_state(account_name: str, keys: Mapping[str, str]) -> Text:
    """What an account without a plan offers: a template, or a plan of one's own.

    `keys` maps the panel's actions to the keys that run them (users may remap them).
    """
    return Text.assemble(
        (f"{account_name} has no success plan yet.\n\n", "bold"),
        (keys["template"], "bold"),
        "  apply a template: objectives and milestones on both sides, dated from a start day\n",
        (keys["add_objective"], "bold"),
        "  start the plan with an objective of your own\n",
        (keys["expectations"], "bold"),
        "  start by writing down the customer's expectations, in their words\n",
        (keys["status"], "bold"),
        "  start it and set its status",
    )


def no_objectives(keys: Mapping[str, str]) -> Text:
    return Text.assemble(
        "No objectives yet: ",
        (keys["add_objective"], "bold"),
        " adds one, ",
        (keys["template"], "bold"),
        " applies a template.",
    )
