"""The pure rules of a QBR pack: the health trend, what was done and due, wins, misses and risks.

No clock and no I/O: the quarter and the day the pack is made (`as_of`) are passed in.
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from cs_tui.domain.metrics.periods import Period
from cs_tui.domain.money import format_money
from cs_tui.domain.qbr.pack import (
    HealthPoint,
    HealthTrend,
    MilestoneLine,
    ObjectiveLine,
    RevenueLine,
    Touch,
    Voice,
)

NEGATIVE_REVENUE = frozenset({"downsell", "churn"})
HEALTH_MOVE_POINTS = 5.0  # a change of at least this many points is a win or a miss
DETRACTOR_MAX = 6
LOW_CSAT_MAX = 2
_WORD_SEPARATORS = re.compile(r"[._\-]+")


def display_name(person: str) -> str:
    """How a person is shown to the customer: `tess` -> Tess, `tess.ortiz@x.com` -> Tess Ortiz;
    a name already written with capitals or spaces is kept as typed."""
    text = person.strip()
    if not text:
        return ""
    if "@" in text:
        text = text.split("@", 1)[0]
    elif " " in text or any(ch.isupper() for ch in text):
        return " ".join(text.split())
    words = [w for w in _WORD_SEPARATORS.split(text) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def people(text: str) -> tuple[str, ...]:
    """Attendees as typed (`Ana, bob; tess`) as display names, in order, each once."""
    seen: dict[str, None] = {}
    for part in re.split(r"[,;\n]+", text):
        name = display_name(part)
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


def signed_amount(kind: str, amount_minor: int) -> int:
    return -amount_minor if kind in NEGATIVE_REVENUE else amount_minor


def health_trend(points: Iterable[HealthPoint]) -> HealthTrend:
    ordered = tuple(sorted(points, key=lambda p: p.day))
    scores = [p.score for p in ordered if p.score is not None]
    return HealthTrend(
        points=ordered,
        start=scores[0] if scores else None,
        end=scores[-1] if scores else None,
        low=min(scores) if scores else None,
        high=max(scores) if scores else None,
        band=ordered[-1].band if ordered else "",
    )


def done_in(milestones: Iterable[MilestoneLine], period: Period) -> tuple[MilestoneLine, ...]:
    """Milestones completed during the quarter, in the order they were done."""
    done = [
        m
        for m in milestones
        if m.status == "done" and m.completed_on is not None and period.contains(m.completed_on)
    ]
    return tuple(sorted(done, key=lambda m: (m.completed_on or date.min, m.title)))


def due_by(milestones: Iterable[MilestoneLine], period: Period) -> tuple[MilestoneLine, ...]:
    """Milestones not done that were due by the quarter's end, earliest first."""
    due = [
        m
        for m in milestones
        if m.status != "done" and m.due_on is not None and m.due_on <= period.end
    ]
    return tuple(sorted(due, key=lambda m: (m.due_on or date.min, m.title)))


def planned_for(milestones: Iterable[MilestoneLine], period: Period) -> tuple[MilestoneLine, ...]:
    """Open milestones for the next quarter: due by its end (late ones carry over), or undated."""
    open_ = [
        m for m in milestones if m.status != "done" and (m.due_on is None or m.due_on <= period.end)
    ]
    return tuple(sorted(open_, key=lambda m: (m.due_on or date.max, m.title)))


def touch_counts(touches: Sequence[Touch]) -> tuple[tuple[str, int], ...]:
    counts = Counter(t.kind for t in touches)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}%"


def wins(
    objectives: Sequence[ObjectiveLine],
    done: Sequence[MilestoneLine],
    revenue: Sequence[RevenueLine],
    health: HealthTrend,
    voice: Voice,
) -> tuple[str, ...]:
    found: list[str] = []
    for o in objectives:
        if o.status == "achieved" or (o.progress is not None and o.progress >= 100):
            found.append(f"Objective achieved: {o.title}")
    found.extend(f"Milestone done: {m.title}" for m in done)
    for line in revenue:
        if line.kind in ("renewal", "upsell", "cross_sell", "new"):
            what = {"renewal": "Renewed", "upsell": "Upsell", "cross_sell": "Cross-sell"}.get(
                line.kind, "New business"
            )
            found.append(f"{what}: {format_money(line.amount_minor, line.currency)}")
    if health.delta is not None and health.delta >= HEALTH_MOVE_POINTS:
        found.append(f"Health up {health.delta:.0f} points to {health.end:.0f}")
    if voice.nps is not None and voice.nps > 0:
        found.append(f"NPS {voice.nps:+.0f} from {voice.nps_responses} responses")
    return tuple(found)


def misses(
    objectives: Sequence[ObjectiveLine],
    due: Sequence[MilestoneLine],
    revenue: Sequence[RevenueLine],
    health: HealthTrend,
    as_of: date,
) -> tuple[str, ...]:
    found: list[str] = []
    for o in objectives:
        if o.status in ("missed", "at_risk"):
            state = "missed" if o.status == "missed" else "at risk"
            found.append(f"Objective {state}: {o.title} ({_pct(o.progress)})")
    for m in due:
        if m.due_on is not None and m.due_on < as_of:
            found.append(f"Milestone late: {m.title} (due {m.due_on.isoformat()})")
    for line in revenue:
        if line.kind in NEGATIVE_REVENUE:
            what = "Churn" if line.kind == "churn" else "Downsell"
            found.append(f"{what}: {format_money(-line.amount_minor, line.currency)}")
    if health.delta is not None and health.delta <= -HEALTH_MOVE_POINTS:
        found.append(f"Health down {-health.delta:.0f} points to {health.end:.0f}")
    return tuple(found)


def risks(
    raised: Iterable[str],
    risk_follow_ups: Iterable[str],
    health: HealthTrend,
    voice: Voice,
) -> tuple[str, ...]:
    """Risks raised in customer meetings, open risk follow-ups, a red score, unhappy answers."""
    found: dict[str, None] = {}
    for text in raised:
        for line in text.splitlines():
            if line.strip():
                found.setdefault(line.strip(), None)
    for title in risk_follow_ups:
        found.setdefault(title, None)
    if health.band == "red":
        found.setdefault(
            f"Health is red ({health.end:.0f})" if health.end is not None else "Health is red", None
        )
    for r in voice.responses:
        if (r.kind == "nps" and r.score <= DETRACTOR_MAX) or (
            r.kind == "csat" and r.score <= LOW_CSAT_MAX
        ):
            who = f" from {r.contact}" if r.contact else ""
            found.setdefault(f"{r.kind.upper()} {r.score}{who} on {r.day.isoformat()}", None)
    return tuple(found)
