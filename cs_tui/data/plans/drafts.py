"""What the plan forms submit: the validated input of a plan, an objective and a milestone.

Screens build these and hand them to `data/plans`; the models themselves stay in `models/`.
"""

from cs_tui.models.plan import (
    MilestoneCreate,
    MilestoneUpdate,
    ObjectiveCreate,
    ObjectiveUpdate,
    SuccessPlanUpdate,
)

__all__ = [
    "MilestoneCreate",
    "MilestoneUpdate",
    "ObjectiveCreate",
    "ObjectiveUpdate",
    "SuccessPlanUpdate",
]
