"""Which survey responses call for a follow-up: a new detractor (NPS 0-6) or a low CSAT (1-2).

A response raises one follow-up, at most, ever: the data layer derives the follow-up's id from the
response's, so importing the file again, or a teammate's device syncing the same response, finds
the follow-up already there. Only recent responses (within the alert window, as Today's survey
alerts) raise one: importing last year's history must not bury today's queue.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from cs_tui.domain.enums import FollowUpKind, Priority, SurveyKind, SurveyMoment
from cs_tui.domain.work.today_rules import DEFAULT_SURVEY_WINDOW_DAYS, survey_alert

TITLE_MAX = 300
MOMENT_WORDS = {
    SurveyMoment.ONBOARDING: "onboarding survey",
    SurveyMoment.PERIODIC: "survey",
    SurveyMoment.EXIT: "exit survey",
}


@dataclass(frozen=True)
class SurveyFollowUp:
    title: str
    kind: FollowUpKind
    priority: Priority
    due_on: date


def follow_up_for(
    *,
    kind: SurveyKind,
    score: int,
    moment: SurveyMoment,
    responded_on: date,
    contact: str,
    today: date,
    window_days: int = DEFAULT_SURVEY_WINDOW_DAYS,
) -> SurveyFollowUp | None:
    """The follow-up this response raises, due today, or None."""
    alert = survey_alert(kind.value, score)
    if alert is None or not today - timedelta(days=window_days) <= responded_on <= today:
        return None
    who = contact.strip() or "the respondent"
    what = "detractor" if alert == "detractor" else "low CSAT"
    action = "learn what would have kept them" if moment is SurveyMoment.EXIT else "call back"
    title = (
        f"{what.capitalize()} on the {MOMENT_WORDS[moment]}: {who} gave "
        f"{kind.value.upper()} {score} on {responded_on.isoformat()}; {action}"
    )
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1].rstrip() + "…"
    priority = Priority.NORMAL if moment is SurveyMoment.EXIT else Priority.HIGH
    return SurveyFollowUp(title, FollowUpKind.RISK, priority, today)
