"""The SQL that gathers every account's scoring signals on a day, in a handful of set-based reads.

Plain SQL text with named parameters, valid on SQLite and PostgreSQL alike (and through the standard
`sqlite3` module, which the rescoring benchmark's baseline uses). Every date window ends on `:as_of`,
so the same reads rebuild the past: rescoring an earlier day sees only what was known by then.
Follow-ups completed after that day still count as open on it; plans have no history and count as
they are now.

Each per-account subquery filters on the account first, so the planner walks that account's rows
by its index; the list of metric and survey windows is in `Windows`.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cs_tui.domain.scoring.scorecard import SignalSettings


@dataclass(frozen=True)
class Windows:
    """The first day excluded from each window (windows run from the day after it to as_of)."""

    as_of: date
    fresh_after: date  # metric samples older than this are stale
    recent_after: date  # usage: the recent window ...
    previous_after: date  # ... and the one before it
    nps_after: date
    csat_after: date
    sentiment_after: date

    @classmethod
    def ending(cls, as_of: date, signals: SignalSettings) -> "Windows":
        def back(days: int) -> date:
            return as_of - timedelta(days=days)

        return cls(
            as_of=as_of,
            fresh_after=back(signals.metric_max_age_days),
            recent_after=back(signals.usage_window_days),
            previous_after=back(2 * signals.usage_window_days),
            nps_after=back(signals.nps_window_days),
            csat_after=back(signals.csat_window_days),
            sentiment_after=back(
                signals.sentiment_expires_after_days + 1
            ),  # counts on its last day
        )

    def params(self, signals: SignalSettings) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "day_after": self.as_of + timedelta(days=1),
            "fresh_after": self.fresh_after,
            "recent_after": self.recent_after,
            "previous_after": self.previous_after,
            "nps_after": self.nps_after,
            "csat_after": self.csat_after,
            "survey_after": min(self.nps_after, self.csat_after),
            "sentiment_after": self.sentiment_after,
            "active_metric": signals.active_users_metric,
            "usage_metric": signals.usage_metric,
            "adoption_metric": signals.adoption_metric,
            "tickets_metric": signals.tickets_metric,
            "response_metric": signals.response_metric,
        }


DATE_PARAMS = ("as_of", "day_after", "fresh_after", "recent_after", "previous_after", "nps_after",
               "csat_after", "survey_after", "sentiment_after")  # fmt: skip


def _latest(metric: str) -> str:
    return f"""(SELECT m.value FROM metric_sample m
        WHERE m.account_id = a.id AND m.metric = :{metric}
          AND m.observed_on > :fresh_after AND m.observed_on <= :as_of AND m.deleted_at IS NULL
        ORDER BY m.observed_on DESC LIMIT 1)"""


def _usage(after: str, until: str) -> str:
    return f"""(SELECT avg(m.value) FROM metric_sample m
        WHERE m.account_id = a.id AND m.metric = :usage_metric
          AND m.observed_on > :{after} AND m.observed_on <= :{until} AND m.deleted_at IS NULL)"""


ACCOUNT_FACTS = f"""
SELECT a.id, a.segment, a.lifecycle_stage, a.licensed_seats,
       {_latest("active_metric")},
       {_usage("recent_after", "as_of")},
       {_usage("previous_after", "recent_after")},
       {_latest("adoption_metric")},
       {_latest("tickets_metric")},
       {_latest("response_metric")},
       COALESCE(s.promoters, 0), COALESCE(s.detractors, 0), COALESCE(s.nps_answers, 0),
       COALESCE(s.satisfied, 0), COALESCE(s.csat_answers, 0),
       (SELECT c.occurred_on FROM check_in c
         WHERE c.account_id = a.id AND c.occurred_on <= :as_of
           AND c.deleted_at IS NULL AND c.kind <> 'internal_note'
         ORDER BY c.occurred_on DESC LIMIT 1),
       (SELECT COALESCE(SUM(CASE WHEN f.due_on < :as_of AND f.created_at < :day_after
                                  AND (f.status = 'open' OR f.completed_at >= :day_after)
                                  AND (f.snoozed_until IS NULL OR f.snoozed_until <= :as_of)
                                 THEN 1 ELSE 0 END), 0)
          FROM follow_up f
         WHERE f.account_id = a.id AND f.deleted_at IS NULL AND f.status IN ({{followup_statuses}})),
       h.taken_on, h.score, h.band, h.override_score
FROM account a
LEFT JOIN (
    SELECT r.account_id,
           SUM(CASE WHEN r.kind = 'nps' AND r.responded_on > :nps_after AND r.score >= 9
                    THEN 1 ELSE 0 END) AS promoters,
           SUM(CASE WHEN r.kind = 'nps' AND r.responded_on > :nps_after AND r.score <= 6
                    THEN 1 ELSE 0 END) AS detractors,
           SUM(CASE WHEN r.kind = 'nps' AND r.responded_on > :nps_after
                    THEN 1 ELSE 0 END) AS nps_answers,
           SUM(CASE WHEN r.kind = 'csat' AND r.responded_on > :csat_after AND r.score >= 4
                    THEN 1 ELSE 0 END) AS satisfied,
           SUM(CASE WHEN r.kind = 'csat' AND r.responded_on > :csat_after
                    THEN 1 ELSE 0 END) AS csat_answers
      FROM survey_response r
     WHERE r.deleted_at IS NULL AND r.responded_on > :survey_after AND r.responded_on <= :as_of
           {{only_surveys}}
     GROUP BY r.account_id
) s ON s.account_id = a.id
LEFT JOIN health_snapshot h
       ON h.account_id = a.id
      AND h.taken_on = (SELECT max(p.taken_on) FROM health_snapshot p
                         WHERE p.account_id = a.id AND p.taken_on < :as_of)
WHERE a.deleted_at IS NULL {{only}}
"""
"""One row per live account: kind, metric values, survey counts, last touch, overdue follow-ups and
the previous snapshot (its day, score, band and override), in that order."""

SENTIMENT = """
SELECT e.account_id, e.value, e.recorded_on
FROM sentiment_entry e
WHERE e.deleted_at IS NULL AND e.recorded_on > :sentiment_after AND e.recorded_on <= :as_of {only}
ORDER BY e.account_id, e.recorded_on, e.created_at
"""
"""Sentiment entries that have not expired on as_of; the last one per account is in force."""

OVERRIDES = """
SELECT o.account_id, o.score
FROM score_override o
WHERE o.deleted_at IS NULL AND o.set_on <= :as_of AND o.expires_on >= :as_of
  AND (o.cleared_at IS NULL OR o.cleared_at >= :day_after) {only}
ORDER BY o.account_id, o.set_on, o.created_at
"""
"""Overrides in force on as_of; the last one set per account wins."""

PLANS = """
SELECT p.account_id, p.status, o.status, o.baseline, o.target, o."current",
       CASE WHEN o."current" IS NULL OR o.baseline IS NULL OR o.target IS NULL THEN
           (SELECT count(*) FROM plan_milestone x
             WHERE x.objective_id = o.id AND x.deleted_at IS NULL AND x.status = 'done')
       ELSE 0 END,
       CASE WHEN o."current" IS NULL OR o.baseline IS NULL OR o.target IS NULL THEN
           (SELECT count(*) FROM plan_milestone x
             WHERE x.objective_id = o.id AND x.deleted_at IS NULL)
       ELSE 0 END
FROM success_plan p
LEFT JOIN plan_objective o
       ON o.plan_id = p.id AND o.deleted_at IS NULL AND p.status IN ('agreed', 'active')
WHERE p.deleted_at IS NULL {only}
"""
"""Each live plan's status and, for agreed and active plans, its objectives; milestones are
counted only for objectives whose metric is not tracked (see `facts.objective_progress`)."""

ONLY_ACCOUNTS = {
    ACCOUNT_FACTS: "AND a.id IN :ids",
    SENTIMENT: "AND e.account_id IN :ids",
    OVERRIDES: "AND o.account_id IN :ids",
    PLANS: "AND p.account_id IN :ids",
}
"""Each query's filter to some accounts (by the expanding `:ids` parameter)."""
ONLY_SURVEYS = "AND r.account_id IN :ids"


def statement(sql: str, *, some_accounts: bool, past: bool = False) -> str:
    """The query for every account, or (with an expanding `:ids` parameter) for some.

    Scoring a past day (`past`) also looks at follow-ups done since, which were still open then.
    """
    return sql.format(
        only=ONLY_ACCOUNTS[sql] if some_accounts else "",
        only_surveys=ONLY_SURVEYS if some_accounts else "",
        followup_statuses="'open', 'done'" if past else "'open'",
    )
