"""Template targets drawn from a baseline: whole counts stay whole, shares keep their decimals."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.plans.template import TemplateObjective, template_target


def objective(
    unit: str, *, change: float | None = None, target: float | None = None
) -> TemplateObjective:
    return TemplateObjective("Grow", 90, metric="m", unit=unit, target=target, target_change=change)


@pytest.mark.parametrize(
    ("unit", "baseline", "change", "expected"),
    [
        ("users", 18.0, 0.35, 25.0),  # 24.3 users is no target: the next whole user
        ("users", 40.0, 0.35, 54.0),  # exact stays exact
        ("tickets", 12.0, -0.5, 6.0),
        ("tickets", 7.0, -0.5, 3.0),  # 3.5 tickets: down to the next whole ticket
        ("share", 0.42, 0.4, 0.59),
        ("share", 1.0, -0.25, 0.75),  # a whole share is still a share
        ("users", 12.5, 0.2, 15.0),  # a fractional baseline is kept to two decimals
        ("", 10.0, 0.33, 14.0),
    ],
)
def test_targets_from_a_change(unit: str, baseline: float, change: float, expected: float) -> None:
    assert template_target(objective(unit, change=change), baseline) == expected


def test_a_stated_target_wins_and_no_baseline_gives_none() -> None:
    assert template_target(objective("users", target=50), 18.0) == 50
    assert template_target(objective("users", change=0.5), None) is None


@given(
    baseline=st.integers(min_value=1, max_value=100_000),
    change=st.floats(min_value=-0.99, max_value=5, allow_nan=False).filter(lambda c: abs(c) > 1e-6),
)
def test_a_count_target_is_whole_and_moves_the_asked_way(baseline: int, change: float) -> None:
    target = template_target(objective("users", change=change), float(baseline))
    assert target is not None and target.is_integer()
    assert (target > baseline) if change > 0 else (target < baseline)
    assert abs(target - baseline * (1 + change)) < 1
