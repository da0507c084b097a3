"""The SQL of the Today queue, one statement per section, for SQLite and PostgreSQL alike.

Each section's statement ends its select list with two window aggregates - the section's total
and its flagged count - computed before the LIMIT, so a page of rows still carries full counts.
`{owner}` is replaced by an owner condition or nothing.
"""

from datetime import date

from cs_tui.domain.work.cadence import SEGMENT_SEPARATORS

FOLLOW_UPS_SQL = """
SELECT f.id, f.account_id, a.name, f.title, f.owner, f.due_on, f.priority, f.kind,
       count(*) OVER () AS total,
       sum(CASE WHEN f.due_on < :today THEN 1 ELSE 0 END) OVER () AS flagged
FROM follow_up f JOIN account a ON a.id = f.account_id
WHERE f.status = 'open' AND f.deleted_at IS NULL AND a.deleted_at IS NULL
  AND f.due_on <= :today
  AND (f.snoozed_until IS NULL OR f.snoozed_until <= :today)
  {owner}
ORDER BY f.due_on,
         CASE f.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
         a.name, f.id
LIMIT :limit
"""

RENEWALS_SQL = """
SELECT a.id, a.name, a.owner, a.contract_end, a.arr_minor, a.currency, COALESCE(p.status, ''),
       count(*) OVER () AS total,
       sum(CASE WHEN p.status IN ('agreed', 'active', 'achieved') THEN 0 ELSE 1 END) OVER ()
         AS flagged
FROM account a
LEFT JOIN success_plan p ON p.account_id = a.id AND p.deleted_at IS NULL
WHERE a.deleted_at IS NULL AND a.lifecycle_stage <> 'churned'
  AND a.contract_end >= :today AND a.contract_end <= :renewal_horizon
  {owner}
ORDER BY CASE WHEN p.status IN ('agreed', 'active', 'achieved') THEN 1 ELSE 0 END,
         a.contract_end, a.name, a.id
LIMIT :limit
"""

SURVEYS_SQL = """
SELECT r.id, r.account_id, a.name, a.owner, r.kind, r.score, r.responded_on, r.contact, r.comment,
       count(*) OVER () AS total, count(*) OVER () AS flagged
FROM survey_response r JOIN account a ON a.id = r.account_id
WHERE r.deleted_at IS NULL AND a.deleted_at IS NULL
  AND r.responded_on >= :survey_since AND r.responded_on <= :today
  AND ((r.kind = 'nps' AND r.score <= 6) OR (r.kind = 'csat' AND r.score <= 2))
  {owner}
ORDER BY r.responded_on DESC, r.score, a.name, r.id
LIMIT :limit
"""

COVERAGE_SQL = """
SELECT count(*),
       sum(CASE WHEN p.status IN ('agreed', 'active', 'achieved') THEN 1 ELSE 0 END)
FROM account a
LEFT JOIN success_plan p ON p.account_id = a.id AND p.deleted_at IS NULL
WHERE a.deleted_at IS NULL AND a.lifecycle_stage <> 'churned'
  AND a.contract_end >= :today AND a.contract_end <= :coverage_horizon
  {owner}
"""

_NORMALISED_SEGMENT = "lower(a.segment)"
for _separator in SEGMENT_SEPARATORS:
    _NORMALISED_SEGMENT = f"replace({_NORMALISED_SEGMENT}, '{_separator}', '')"

_CADENCE_SQL = """
SELECT a.id, a.name, a.owner, a.segment, s.last_touch_on,
       CASE WHEN s.last_touch_on IS NULL OR s.last_touch_on < {very_late} THEN 1 ELSE 0 END
         AS very_late,
       count(*) OVER () AS total,
       sum(CASE WHEN s.last_touch_on IS NULL OR s.last_touch_on < {very_late} THEN 1 ELSE 0 END)
         OVER () AS flagged
FROM account a LEFT JOIN account_summary s ON s.account_id = a.id
WHERE a.deleted_at IS NULL AND a.lifecycle_stage <> 'churned'
  AND (s.last_touch_on IS NULL OR s.last_touch_on < {late})
  {owner}
ORDER BY 6 DESC, CASE WHEN s.last_touch_on IS NULL THEN 0 ELSE 1 END, s.last_touch_on, a.name, a.id
LIMIT :limit
"""


def _by_segment(cutoffs: dict[str, tuple[str, date]], prefix: str, fallback: str) -> str:
    if not cutoffs:
        return f":{fallback}"
    whens = " ".join(f"WHEN :{prefix}_{name}_key THEN :{prefix}_{name}" for name in cutoffs)
    return f"(CASE {_NORMALISED_SEGMENT} {whens} ELSE :{fallback} END)"


def cadence_sql(
    late: dict[str, tuple[str, date]],
    very_late: dict[str, tuple[str, date]],
    *,
    fallback_late: date,
    fallback_very_late: date,
    owner: str,
) -> tuple[str, dict[str, object]]:
    """The cadence statement and its parameters; a touch before the cutoff day is late.

    `late` and `very_late` map a parameter name to (normalised segment, cutoff day).
    """
    values: dict[str, object] = {
        "late_fallback": fallback_late,
        "very_late_fallback": fallback_very_late,
    }
    for prefix, cutoffs in (("late", late), ("very_late", very_late)):
        for name, (key, cutoff) in cutoffs.items():
            values[f"{prefix}_{name}_key"] = key
            values[f"{prefix}_{name}"] = cutoff
    statement = _CADENCE_SQL.format(
        late=_by_segment(late, "late", "late_fallback"),
        very_late=_by_segment(very_late, "very_late", "very_late_fallback"),
        owner=owner,
    )
    return statement, values


_WEEK_BEFORE = {
    "sqlite": "date(l.taken_on, '-' || :lookback || ' days')",
    "postgresql": "l.taken_on - CAST(:lookback AS integer)",
}

_HEALTH_DROPS_SQL = """
WITH latest AS (
    SELECT h.account_id, max(h.taken_on) AS taken_on
    FROM health_snapshot h JOIN account a ON a.id = h.account_id
    WHERE h.taken_on <= :today AND a.deleted_at IS NULL {owner}
    GROUP BY h.account_id
), compared AS (
    SELECT l.account_id, l.taken_on AS now_on,
           (SELECT max(e.taken_on) FROM health_snapshot e
             WHERE e.account_id = l.account_id AND e.taken_on <= {week_before}) AS before_on
    FROM latest l
)
SELECT a.id, a.name, a.owner, n.band, n.score, c.now_on, b.band, b.score, c.before_on,
       count(*) OVER () AS total,
       sum(CASE WHEN n.band = 'red' THEN 1 ELSE 0 END) OVER () AS flagged
FROM compared c
JOIN health_snapshot n ON n.account_id = c.account_id AND n.taken_on = c.now_on
JOIN health_snapshot b ON b.account_id = c.account_id AND b.taken_on = c.before_on
JOIN account a ON a.id = c.account_id
WHERE {rank_now} < {rank_before}
ORDER BY {rank_now}, a.arr_minor DESC, a.name, a.id
LIMIT :limit
"""


def _band_rank(column: str) -> str:
    """red 0, yellow 1, green 2; unranked bands (insufficient data, none) never count as a drop."""
    return (
        f"(CASE {column} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'green' THEN 2 ELSE NULL END)"
    )


def health_drops_sql(dialect: str, *, owner: str) -> str:
    return _HEALTH_DROPS_SQL.format(
        week_before=_WEEK_BEFORE[dialect],
        owner=owner,
        rank_now=_band_rank("n.band"),
        rank_before=_band_rank("b.band"),
    )
