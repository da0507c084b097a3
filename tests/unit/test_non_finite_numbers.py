"""NaN and infinities are refused wherever a number comes in, naming the field or flag."""

import math
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from cs_tui import locations
from cs_tui.cli import cli
from cs_tui.config import ConfigError, load_settings
from cs_tui.domain.scoring import ScorecardError, parse_scorecard
from cs_tui.io.plan_templates import TemplateError, parse_template
from cs_tui.models import ObjectiveCreate
from cs_tui.models.plan import ObjectiveUpdate
from tests.scoring_helpers import small_card_data
from tests.unit.data.test_plan_templates import GOOD

NON_FINITE = [math.nan, math.inf, -math.inf]


@pytest.mark.parametrize("value", NON_FINITE)
@pytest.mark.parametrize("field", ["baseline", "target", "current"])
def test_objectives_refuse_non_finite_numbers(field: str, value: float) -> None:
    with pytest.raises(ValidationError, match=f"{field}\n  Input should be a finite number"):
        ObjectiveCreate(title="Grow", **{field: value})
    with pytest.raises(ValidationError, match="finite number"):
        ObjectiveUpdate(**{field: value})
    assert ObjectiveCreate(title="Grow", **{field: 1e300}).model_dump()[field] == 1e300


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("groups.usage.weight", math.inf),
        ("measures.nps.weight", math.inf),
        ("measures.nps.thresholds", [-math.inf, 0.0]),
        ("measures.nps.thresholds", [math.nan, 0.0]),
        ("min_coverage", math.nan),
    ],
)
def test_a_scorecard_refuses_non_finite_numbers(path: str, value: object) -> None:
    data = small_card_data()
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[part]
    target[last] = value
    with pytest.raises(ScorecardError) as refused:
        parse_scorecard(data, source="scorecard.toml")
    assert any(p.startswith(path) and "finite number" in m for p, m in refused.value.problems), (
        refused.value.problems
    )


@pytest.mark.parametrize("literal", ["inf", "nan", "-inf"])
def test_a_plan_template_refuses_non_finite_targets(literal: str) -> None:
    with pytest.raises(TemplateError, match="target: Input should be a finite number"):
        parse_template(
            GOOD.replace("target = 12", f"target = {literal}"), key="pilot", source="pilot.toml"
        )


def test_the_config_refuses_a_non_finite_coverage_target() -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("plan_coverage_target = nan\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="plan_coverage_target: Input should be a finite number"):
        load_settings()


@pytest.mark.parametrize("flag", ["--baseline", "--target"])
@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity"])
def test_the_objective_flags_refuse_non_finite_numbers(
    tmp_path: Path, flag: str, value: str
) -> None:
    result = CliRunner().invoke(
        cli,
        ["--db", str(tmp_path / "book.db"), "plan", "objective", "Acme", "Grow", flag, value],
    )
    assert result.exit_code == 2
    assert f"Invalid value for '{flag}': '{value}' is not a finite number" in result.stderr
