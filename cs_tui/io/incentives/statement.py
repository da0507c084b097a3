"""A CSM's incentive statement as Markdown or a self-contained HTML page: every figure with the
formula and the accounts and events behind it, so it can be checked line by line.

Rendered with the Jinja templates in `cs_tui/templates/incentives`; HTML is autoescaped.
"""

from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from functools import lru_cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined

from cs_tui.domain.incentives import present
from cs_tui.domain.incentives.calc import MetricActual, Payout
from cs_tui.domain.incentives.catalogue import BY_KEY
from cs_tui.domain.incentives.plan import Plan

StatementFormat = Literal["md", "html"]
FORMATS: tuple[StatementFormat, ...] = ("md", "html")


def cell(value: object) -> str:
    """Text that stays inside one Markdown table cell."""
    return " ".join(str(value).split()).replace("|", "\\|")


def day(value: date | None) -> str:
    return value.isoformat() if value else "-"


@lru_cache(maxsize=2)
def _environment(html: bool) -> Environment:
    environment = Environment(
        loader=PackageLoader("cs_tui", "templates/incentives"),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(cell=cell, day=day, ratio=present.ratio, factor=present.factor)
    return environment


def render_statement(
    plan: Plan, payout: Payout, actuals: Mapping[str, MetricActual], *,
    fmt: StatementFormat = "md", closed: str = "", what_if: Mapping[str, Fraction] | None = None,
) -> str:  # fmt: skip
    """The statement: totals per part of the mix, each component, and what is behind each metric."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown statement format {fmt!r}; use one of {', '.join(FORMATS)}")
    currency = payout.currency
    named = [line.metric for line in payout.performance]
    named += [line.metric for line in payout.commission]
    used = list(dict.fromkeys(named))
    context: dict[str, Any] = {
        "plan": plan, "payout": payout, "closed": closed,
        "what_if": {k: present.metric_value(k, v, currency) for k, v in (what_if or {}).items()},
        "metrics": [
            {"key": key, "label": BY_KEY[key].label, "computed": BY_KEY[key].computed,
             "actual": actuals.get(key),
             "value": present.metric_value(key, actuals[key].value if key in actuals else None,
                                           currency)}
            for key in used
        ],
        "money": lambda minor: present.money(int(minor), currency),
        "actual": lambda line: present.line_actual(line, currency),
        "target": lambda line: present.metric_value(line.metric, line.target, currency, minor=False),
        "percent_of": lambda part: f"{float(part):g}%",
    }  # fmt: skip
    template = _environment(fmt == "html").get_template(f"statement.{fmt}.j2")
    return template.render(context)
