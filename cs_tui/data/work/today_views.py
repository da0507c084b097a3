"""The Today queue's read-model: sections of rows, each row naming the account and what to act on.

Plain frozen values (no ORM objects, no database library imported), so screens can name them
without loading the store.
"""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from cs_tui.domain.health_labels import band_label
from cs_tui.domain.jsonable import jsonable
from cs_tui.domain.money import compact_amount
from cs_tui.domain.plans.coverage import PlanCoverage

FOLLOW_UPS, CADENCE, RENEWALS, HEALTH_DROPS, SURVEYS = (
    "follow_ups",
    "cadence",
    "renewals",
    "health_drops",
    "surveys",
)
SECTION_KEYS = (FOLLOW_UPS, CADENCE, RENEWALS, HEALTH_DROPS, SURVEYS)
SECTION_TITLES = {
    FOLLOW_UPS: "Follow-ups due",
    CADENCE: "Check-ins due by cadence",
    RENEWALS: "Renewals coming up",
    HEALTH_DROPS: "Health dropped this week",
    SURVEYS: "New detractors and low CSAT",
}
FLAGGED_MEANING = {
    FOLLOW_UPS: "overdue (due before today)",
    CADENCE: "past 1.5x the cadence, or never touched",
    RENEWALS: "without an agreed success plan",
    HEALTH_DROPS: "now red",
    SURVEYS: "every row",
}


@dataclass(frozen=True)
class FollowUpDue:
    account_id: str
    account_name: str
    owner: str
    follow_up_id: str
    title: str
    due_on: date
    days_overdue: int  # 0: due today
    priority: str
    kind: str

    @property
    def headline(self) -> str:
        when = "due today" if self.days_overdue == 0 else f"{self.days_overdue}d overdue"
        return f"{self.title} ({when})"


@dataclass(frozen=True)
class CadenceDue:
    account_id: str
    account_name: str
    owner: str
    segment: str
    last_touch_on: date | None
    days_since: int | None  # None: never touched
    cadence_days: int
    severity: str  # "yellow" past the cadence, "red" past 1.5x or never touched
    follow_up_id: None = None

    @property
    def headline(self) -> str:
        if self.days_since is None:
            return f"never touched (every {self.cadence_days}d)"
        return f"last touch {self.days_since}d ago (every {self.cadence_days}d)"


@dataclass(frozen=True)
class RenewalDue:
    account_id: str
    account_name: str
    owner: str
    renewal_on: date
    days_to_renewal: int
    arr_minor: int
    currency: str
    plan_status: str  # "" when the account has no plan
    has_agreed_plan: bool
    follow_up_id: None = None

    @property
    def flagged(self) -> bool:
        return not self.has_agreed_plan

    @property
    def headline(self) -> str:
        plan = (
            "agreed plan"
            if self.has_agreed_plan
            else f"no agreed plan ({self.plan_status or 'none'})"
        )
        money = compact_amount(self.arr_minor, self.currency)
        return f"renews in {self.days_to_renewal}d · {money}, {plan}"


@dataclass(frozen=True)
class HealthDrop:
    account_id: str
    account_name: str
    owner: str
    band_before: str
    band_now: str
    score_before: float | None
    score_now: float | None
    before_on: date
    now_on: date
    follow_up_id: None = None

    @property
    def headline(self) -> str:
        scores = ""
        if self.score_before is not None and self.score_now is not None:
            scores = f" ({self.score_before:.0f} → {self.score_now:.0f})"
        before, now = band_label(self.band_before), band_label(self.band_now)
        return f"health {before} → {now}{scores} since {self.before_on.isoformat()}"


@dataclass(frozen=True)
class SurveyAlert:
    account_id: str
    account_name: str
    owner: str
    survey_response_id: str
    kind: str  # "nps" or "csat"
    score: int
    responded_on: date
    contact: str
    comment: str
    follow_up_id: None = None

    @property
    def headline(self) -> str:
        label = "detractor" if self.kind == "nps" else "low CSAT"
        who = f" from {self.contact}" if self.contact else ""
        return f"{self.kind.upper()} {self.score} ({label}){who} on {self.responded_on.isoformat()}"


TodayRow = FollowUpDue | CadenceDue | RenewalDue | HealthDrop | SurveyAlert


@dataclass(frozen=True)
class TodaySection:
    key: str  # one of SECTION_KEYS
    title: str
    rows: tuple[TodayRow, ...]  # at most the limit asked for; `total` counts them all
    total: int
    flagged: int  # the urgent part of `total` (see FLAGGED_MEANING)

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)


@dataclass(frozen=True)
class TodayQueue:
    as_of: date
    owner: str | None  # None: the whole team
    sections: tuple[TodaySection, ...]
    coverage: PlanCoverage

    def section(self, key: str) -> TodaySection:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def counts(self) -> dict[str, int]:
        return {section.key: section.total for section in self.sections}

    def to_json(self) -> dict[str, Any]:
        coverage = self.coverage
        return {
            "as_of": self.as_of.isoformat(),
            "owner": self.owner,
            "counts": self.counts(),
            "coverage": {
                "renewing": coverage.renewing,
                "with_agreed_plan": coverage.with_agreed_plan,
                "share": coverage.share,
                "target": coverage.target,
                "window_days": coverage.window_days,
                "meets_target": coverage.meets_target,
            },
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "total": s.total,
                    "flagged": s.flagged,
                    "rows": [{**jsonable(asdict(r)), "headline": r.headline} for r in s.rows],
                }
                for s in self.sections
            ],
        }
