"""A book review as a document: Markdown or a self-contained HTML page (autoescaped)."""

from datetime import date
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from cs_tui.domain.reviews import rules
from cs_tui.domain.reviews.views import SECTION_TITLES, SECTIONS, ReviewView
from cs_tui.io.plan_export import cell, day, label

FORMATS = ("md", "html")


def minutes(value: int) -> str:
    """`2 h 40 min`, `45 min`."""
    hours, rest = divmod(value, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{hours} h" if hours else f"{rest} min"


@lru_cache(maxsize=2)
def _environment(html: bool) -> Environment:
    environment = Environment(
        loader=PackageLoader("cs_tui", "templates/reviews"),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(day=day, label=label, cell=cell, minutes=minutes)
    environment.globals.update(
        shown=rules.shown, change=rules.change, sections=SECTIONS, section_titles=SECTION_TITLES
    )
    return environment


def render_review(review: ReviewView, fmt: str = "md", *, today: date) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use md or html")
    context: dict[str, Any] = {
        "review": review,
        "today": today,
        "done_report": rules.done_report(review.actions, today),
    }
    return _environment(fmt == "html").get_template(f"review.{fmt}.j2").render(context)
