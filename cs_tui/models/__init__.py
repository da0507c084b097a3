"""SQLModel table models and the Create/Update models that validate input."""

from cs_tui.models.account import (
    Account,
    AccountCreate,
    AccountUpdate,
    Stakeholder,
    StakeholderCreate,
)
from cs_tui.models.activity import CheckIn, CheckInCreate, FollowUp, FollowUpCreate
from cs_tui.models.health import (
    AccountSummary,
    HealthSnapshot,
    ScoreOverride,
    ScoreOverrideCreate,
    SentimentCreate,
    SentimentEntry,
)
from cs_tui.models.incentives import IncentiveInput, IncentivePeriod
from cs_tui.models.owner_history import AccountOwnerChange
from cs_tui.models.plan import (
    MilestoneCreate,
    ObjectiveCreate,
    PlanMilestone,
    PlanObjective,
    SuccessPlan,
    SuccessPlanUpdate,
)
from cs_tui.models.revenue import RenewalForecast, RenewalForecastCreate
from cs_tui.models.review import BookReview, ReviewAction
from cs_tui.models.signals import (
    MetricSample,
    MetricSampleCreate,
    RevenueEvent,
    RevenueEventCreate,
    SurveyResponse,
    SurveyResponseCreate,
)
from cs_tui.models.sync import SyncConflict, SyncDevice, SyncOp, SyncPending, SyncSegment

__all__ = [
    "Account",
    "AccountCreate",
    "AccountOwnerChange",
    "AccountSummary",
    "AccountUpdate",
    "BookReview",
    "CheckIn",
    "CheckInCreate",
    "FollowUp",
    "FollowUpCreate",
    "HealthSnapshot",
    "IncentiveInput",
    "IncentivePeriod",
    "MetricSample",
    "MetricSampleCreate",
    "MilestoneCreate",
    "ObjectiveCreate",
    "PlanMilestone",
    "PlanObjective",
    "RenewalForecast",
    "RenewalForecastCreate",
    "RevenueEvent",
    "RevenueEventCreate",
    "ReviewAction",
    "ScoreOverride",
    "ScoreOverrideCreate",
    "SentimentCreate",
    "SentimentEntry",
    "Stakeholder",
    "StakeholderCreate",
    "SuccessPlan",
    "SuccessPlanUpdate",
    "SurveyResponse",
    "SurveyResponseCreate",
    "SyncConflict",
    "SyncDevice",
    "SyncOp",
    "SyncPending",
    "SyncSegment",
]
