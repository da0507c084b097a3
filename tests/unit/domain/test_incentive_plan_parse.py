"""Reading an incentive plan: a good plan is read exactly; every bad field is named."""

import copy
import tomllib
from datetime import date
from fractions import Fraction as F
from typing import Any

import pytest

from cs_tui.domain.incentives.parse import parse_plan
from cs_tui.domain.incentives.plan import AttainmentRule, PlanError
from cs_tui.io.incentives.plan_file import EXAMPLE_PLAN_FILE

ISSUE_PLAN = """
name = "CSM plan"
period = "quarter"
currency = "USD"
on_target_earnings = 120000
[mix]
base = 60
performance = 30
commission = 10
[[components]]
key = "retention"
kind = "performance"
metric = "grr"
category = "result"
weight = 40
attainment = "band"
floor = 0.75
target = 0.95
threshold = 0.4
accelerator = 2.0
cap = 1.8
[[components]]
key = "upsell"
kind = "commission"
metric = "expansion_arr"
tiers = [{ up_to = 30000, rate = 0.04 }, { rate = 0.08 }]
cap = 2.5
"""


def _plan() -> dict[str, Any]:
    return tomllib.loads(ISSUE_PLAN)


def test_the_issue_plan_reads_exactly() -> None:
    plan = parse_plan(_plan())
    (retention,) = plan.performance
    assert retention.attainment is AttainmentRule.BAND
    assert (retention.floor, retention.target, retention.curve.cap) == (
        F("0.75"),
        F("0.95"),
        F("1.8"),
    )
    (upsell,) = plan.commission
    assert [(t.up_to, t.rate) for t in upsell.tiers] == [(F(30000), F("0.04")), (None, F("0.08"))]
    assert plan.periods_per_year == 4 and len(plan.fingerprint) == 12


def test_the_example_plan_is_valid() -> None:
    with EXAMPLE_PLAN_FILE.open("rb") as handle:
        plan = parse_plan(tomllib.load(handle))
    assert plan.mix.base == 60 and len(plan.performance) >= 4 and plan.commission


def _problems(change: Any) -> dict[str, str]:
    data = _plan()
    change(data)
    with pytest.raises(PlanError) as caught:
        parse_plan(copy.deepcopy(data), source="plan.toml")
    assert "plan.toml" in str(caught.value)
    return dict(caught.value.problems)


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        target = data
        for part in path[:-1]:
            target = target[part]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "field", "said"),
    [
        (("name",), "", "name", "non-empty"),
        (("period",), "week", "period", "month, quarter, year"),
        (("currency",), "dollars", "currency", "three-letter"),
        (("on_target_earnings",), -5, "on_target_earnings", "positive"),
        (("mix", "base"), 70, "mix", "add up to 100"),
        (("mix", "bonus"), 1, "mix.bonus", "unknown name"),
        (
            ("components", 0, "metric"),
            "happiness",
            "components.retention.metric",
            "expected one of",
        ),
        (("components", 0, "weight"), 0, "components.retention.weight", "positive"),
        (
            ("components", 0, "attainment"),
            "curve",
            "components.retention.attainment",
            "ratio, band",
        ),
        (("components", 0, "floor"), 0.99, "components.retention.target", "above the floor"),
        (("components", 0, "floor"), _DELETE, "components.retention.floor", "is missing"),
        (("components", 0, "threshold"), 1.5, "components.retention.threshold", "between 0 and 1"),
        (("components", 0, "cap"), 0.5, "components.retention.cap", "between 1 and 10"),
        (("components", 0, "target"), "high", "components.retention.target", "must be a number"),
        (("components", 0, "tresh"), 0.4, "components.retention.tresh", "unknown name"),
        (("components", 1, "metric"), "grr", "components.upsell.metric", "not an amount of money"),
        (
            ("components", 1, "tiers"),
            [{"rate": 0.04}, {"up_to": 10, "rate": 0.08}],
            "components.upsell.tiers[0].up_to",
            "is missing",
        ),
        (
            ("components", 1, "tiers"),
            [{"up_to": 100, "rate": 0.04}, {"up_to": 50, "rate": 0.08}, {"rate": 0.1}],
            "components.upsell.tiers[1].up_to",
            "above the previous",
        ),
        (
            ("components", 1, "tiers"),
            [{"rate": 1.5}],
            "components.upsell.tiers[0].rate",
            "between 0 and 1",
        ),
        (("components", 1, "kind"), "bonus", "components.upsell.kind", "performance, commission"),
        (("components", 1, "key"), "retention", "components[1].key", "used by another"),
        (
            ("owners",),
            {"Dana": {"targets": {"retenton": 0.9}}},
            "owners.Dana.targets.retenton",
            "unknown name",
        ),
        (("owners",), {"Dana": {"starts_on": "May"}}, "owners.Dana.starts_on", "a date"),
        (
            ("owners",),
            {"Dana": {"starts_on": date(2026, 5, 2), "ends_on": date(2026, 5, 1)}},
            "owners.Dana.ends_on",
            "on or after",
        ),
    ],
)
def test_each_bad_field_is_named(path: tuple[Any, ...], value: Any, field: str, said: str) -> None:
    problems = _problems(_set(path, value))
    assert field in problems, problems
    assert said in problems[field]


def test_all_problems_are_listed_at_once() -> None:
    def change(data: dict[str, Any]) -> None:
        data["period"] = "week"
        data["components"][0]["weight"] = -1
        data["components"][1]["tiers"] = []

    problems = _problems(change)
    assert {"period", "components.retention.weight", "components.upsell.tiers"} <= set(problems)


def test_a_mix_part_needs_its_components() -> None:
    problems = _problems(lambda data: data.update(components=data["components"][:1]))
    assert "no commission component" in problems["mix.commission"]


def test_the_readme_plan_is_valid() -> None:
    readme = (EXAMPLE_PLAN_FILE.parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Incentive plans", 1)[1].split("```toml", 1)[1].split("```", 1)[0]
    plan = parse_plan(tomllib.loads(block))
    assert plan.owners["Dana Reyes"].starts_on == date(2026, 5, 1)
