"""The closed vocabularies of the domain, shared by storage, import, the CLI and the screens."""

from enum import StrEnum


class LifecycleStage(StrEnum):
    ONBOARDING = "onboarding"
    ADOPTION = "adoption"
    VALUE = "value"
    RENEWAL = "renewal"
    CHURNED = "churned"


class StakeholderRole(StrEnum):
    CHAMPION = "champion"
    EXECUTIVE_SPONSOR = "executive_sponsor"
    DECISION_MAKER = "decision_maker"
    USER = "user"
    DETRACTOR = "detractor"


class PlanStatus(StrEnum):
    DRAFT = "draft"
    AGREED = "agreed"
    ACTIVE = "active"
    ACHIEVED = "achieved"
    ABANDONED = "abandoned"


AGREED_PLAN_STATUSES = frozenset({PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.ACHIEVED})


class ObjectiveStatus(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    ACHIEVED = "achieved"
    MISSED = "missed"


class MilestoneStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"


class Side(StrEnum):
    """Which side of the relationship owns a milestone."""

    OURS = "ours"
    CUSTOMER = "customer"


class CheckInKind(StrEnum):
    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    QBR = "qbr"
    ONBOARDING = "onboarding"
    SURVEY = "survey"
    INTERNAL_NOTE = "internal_note"

    @property
    def is_customer_touch(self) -> bool:
        return self is not CheckInKind.INTERNAL_NOTE


class FollowUpKind(StrEnum):
    FOLLOW_UP = "follow_up"
    RISK = "risk"
    OPPORTUNITY = "opportunity"
    LIFECYCLE = "lifecycle"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class FollowUpOrigin(StrEnum):
    MANUAL = "manual"
    CHECK_IN = "check_in"
    RULE = "rule"


class SurveyKind(StrEnum):
    NPS = "nps"
    CSAT = "csat"


class SurveyMoment(StrEnum):
    ONBOARDING = "onboarding"
    PERIODIC = "periodic"
    EXIT = "exit"


class RevenueKind(StrEnum):
    NEW = "new"
    RENEWAL = "renewal"
    UPSELL = "upsell"
    CROSS_SELL = "cross_sell"
    DOWNSELL = "downsell"
    CHURN = "churn"


EXPANSION_KINDS = frozenset({RevenueKind.UPSELL, RevenueKind.CROSS_SELL})
REASON_REQUIRED_KINDS = frozenset({RevenueKind.DOWNSELL, RevenueKind.CHURN})


class HealthBand(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    INSUFFICIENT = "insufficient"


def values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]
