"""Success-plan coverage: the share of accounts renewing soon that have an agreed plan.

The portfolio goal from the source on success planning: at least half of the customers renewing in
the next six months have an agreed, discussed success plan.
"""

import math
from dataclasses import dataclass

DEFAULT_COVERAGE_WINDOW_DAYS = 183
DEFAULT_COVERAGE_TARGET = 0.5


@dataclass(frozen=True)
class PlanCoverage:
    renewing: int  # accounts renewing within the window
    with_agreed_plan: int  # of those, with a plan agreed, active or achieved
    target: float = DEFAULT_COVERAGE_TARGET  # share wanted, 0..1
    window_days: int = DEFAULT_COVERAGE_WINDOW_DAYS

    def __post_init__(self) -> None:
        if not 0 <= self.with_agreed_plan <= self.renewing:
            raise ValueError(
                f"{self.with_agreed_plan} agreed plans among {self.renewing} renewing accounts"
            )
        if not 0.0 <= self.target <= 1.0:
            raise ValueError(f"coverage target {self.target} is not a share between 0 and 1")

    @property
    def share(self) -> float | None:
        """0..1, or None when nothing renews in the window (no coverage to speak of)."""
        return self.with_agreed_plan / self.renewing if self.renewing else None

    @property
    def needed(self) -> int:
        """Agreed plans the target asks for (rounded up: half of 5 renewals is 3 plans)."""
        return math.ceil(round(self.target * self.renewing, 9))

    @property
    def meets_target(self) -> bool:
        return self.with_agreed_plan >= self.needed

    @property
    def missing(self) -> int:
        """How many more agreed plans would reach the target."""
        return max(0, self.needed - self.with_agreed_plan)

    def describe(self) -> str:
        share = self.share
        if share is None:
            return f"no renewals in the next {self.window_days} days"
        verdict = "meets" if self.meets_target else "below"
        return (
            f"{share:.0%} of {self.renewing} renewals in {self.window_days} days have an agreed "
            f"plan ({verdict} the {self.target:.0%} target)"
        )
