"""One account's health, explained: the read-model behind the health panel and `score explain`.

The panel shows the latest snapshot (what the list shows), explained again from the raw values the
snapshot kept; "what changed" compares it with the snapshot before, both under the scorecard in
force. An account never scored yet is scored on the spot (and nothing is stored).
"""

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, select

from cs_tui.data.accounts.references import find_account
from cs_tui.data.scoring.facts import read_signals
from cs_tui.data.scoring.health_views import (
    HealthPanel,
    HistoryPoint,
    OverrideView,
    ScoreChange,
    SentimentView,
)
from cs_tui.data.scoring.signals_sql import Windows
from cs_tui.data.scoring.writes import read_breakdown
from cs_tui.data.store.database import Database
from cs_tui.domain.scoring import Scorer, movers, resolve, shown_result
from cs_tui.domain.scoring.catalogue import MEASURE_NAMES
from cs_tui.domain.scoring.explain import Explanation, Mover, explain
from cs_tui.domain.scoring.facts import measure_values
from cs_tui.models import Account, HealthSnapshot, ScoreOverride, SentimentEntry

SNAPSHOT = HealthSnapshot.__table__  # type: ignore[attr-defined]
OVERRIDE = ScoreOverride.__table__  # type: ignore[attr-defined]
SENTIMENT = SentimentEntry.__table__  # type: ignore[attr-defined]
HISTORY_POINTS = 52


def health_panel(
    db: Database,
    account: uuid.UUID | str,
    *,
    scorer: Scorer | None = None,
    history: int = HISTORY_POINTS,
) -> HealthPanel:
    """The health panel of one account, given its id or what a user typed (name, CRM id)."""
    if scorer is None:
        from cs_tui.io.scorecard_file import current_scorer

        scorer = current_scorer()
    today = db.today()
    with db.read() as session:
        found = find_account(session, account)
        connection = session.connection()
        snapshots = _snapshots(connection, found.id, today, history)
        override = _override(connection, found.id, today)
        sentiment = _sentiment(connection, found.id, today, scorer)
        stage = str(found.lifecycle_stage)
        explained: Explanation | None = None
        fingerprint: str | None = None
        if stage in scorer.card.unscored_stages:
            pass  # its history stays visible, but it has no current score
        elif snapshots:
            explained, fingerprint = _explained(scorer, snapshots[0]["breakdown"])
        else:
            explained = _live(connection, scorer, found.id, today)
    return _panel(scorer, found, stage, snapshots, explained, fingerprint, override, sentiment)


def _snapshots(
    connection: Connection, account_id: uuid.UUID, today: date, limit: int
) -> list[dict[str, Any]]:
    """The account's latest snapshots up to today, newest first."""
    statement = (
        select(
            SNAPSHOT.c.taken_on,
            SNAPSHOT.c.score,
            SNAPSHOT.c.band,
            SNAPSHOT.c.coverage,
            SNAPSHOT.c.override_score,
            SNAPSHOT.c.breakdown,
        )
        .where(SNAPSHOT.c.account_id == account_id, SNAPSHOT.c.taken_on <= today)
        .order_by(SNAPSHOT.c.taken_on.desc())
        .limit(max(limit, 2))
    )
    return [dict(row._mapping) for row in connection.execute(statement)]


def _override(connection: Connection, account_id: uuid.UUID, today: date) -> OverrideView | None:
    statement = (
        select(
            OVERRIDE.c.score,
            OVERRIDE.c.reason,
            OVERRIDE.c.set_on,
            OVERRIDE.c.expires_on,
            OVERRIDE.c.author,
        )
        .where(
            OVERRIDE.c.account_id == account_id,
            OVERRIDE.c.deleted_at.is_(None),
            OVERRIDE.c.cleared_at.is_(None),
            OVERRIDE.c.set_on <= today,
            OVERRIDE.c.expires_on >= today,
        )
        .order_by(OVERRIDE.c.set_on.desc(), OVERRIDE.c.created_at.desc())
        .limit(1)
    )
    row = connection.execute(statement).first()
    return OverrideView(*row) if row else None


def _sentiment(
    connection: Connection, account_id: uuid.UUID, today: date, scorer: Scorer
) -> SentimentView | None:
    statement = (
        select(SENTIMENT.c.value, SENTIMENT.c.reason, SENTIMENT.c.recorded_on, SENTIMENT.c.author)
        .where(
            SENTIMENT.c.account_id == account_id,
            SENTIMENT.c.deleted_at.is_(None),
            SENTIMENT.c.recorded_on <= today,
        )
        .order_by(SENTIMENT.c.recorded_on.desc(), SENTIMENT.c.created_at.desc())
        .limit(1)
    )
    row = connection.execute(statement).first()
    if row is None:
        return None
    value, reason, recorded_on, author = row
    expires_on = recorded_on + timedelta(days=scorer.card.signals.sentiment_expires_after_days)
    return SentimentView(value, reason, recorded_on, expires_on, author, today > expires_on)


def _explained(scorer: Scorer, breakdown: str) -> tuple[Explanation, str]:
    """A snapshot explained again from the raw values it kept, and its scorecard's fingerprint."""
    data = read_breakdown(breakdown)
    values = tuple(data["by_measure"].get(name) for name in MEASURE_NAMES)
    profile = resolve(scorer.card, str(data.get("segment", "")), str(data.get("stage", "")))
    return explain(profile, values), str(data.get("scorecard", ""))


def _live(
    connection: Connection, scorer: Scorer, account_id: uuid.UUID, today: date
) -> Explanation:
    signals = scorer.card.signals
    book = read_signals(connection, Windows.ending(today, signals), signals, [account_id])
    facts = book.facts(book.rows[0])
    values = measure_values(facts, today, signals.sentiment_expires_after_days)
    return explain(resolve(scorer.card, facts.segment, facts.stage), values)


def _panel(
    scorer: Scorer,
    account: Account,
    stage: str,
    snapshots: Sequence[dict[str, Any]],
    explained: Explanation | None,
    fingerprint: str | None,
    override: OverrideView | None,
    sentiment: SentimentView | None,
) -> HealthPanel:
    bands = scorer.card.bands
    history = tuple(
        HistoryPoint(s["taken_on"], *_shown(scorer, s), s["override_score"] is not None)
        for s in reversed(snapshots)
    )
    latest = snapshots[0] if snapshots and explained is not None else None
    computed_score = latest["score"] if latest else (explained.score if explained else None)
    computed_band = latest["band"] if latest else (explained.band if explained else "")
    coverage = latest["coverage"] if latest else (explained.coverage if explained else 0.0)
    override_score = override.score if override is not None else None
    score, band = shown_result(computed_score, computed_band, override_score, bands)
    change: ScoreChange | None = None
    moved: tuple[Mover, ...] = ()
    if latest is not None and len(snapshots) > 1 and explained is not None:
        before = snapshots[1]
        previous_score, previous_band = _shown(scorer, before)
        delta = (
            None if score is None or previous_score is None else round(score - previous_score, 1)
        )
        change = ScoreChange(before["taken_on"], previous_score, previous_band, delta)
        moved = movers(explained, _explained(scorer, before["breakdown"])[0])
    not_scored = ""
    if stage in scorer.card.unscored_stages:
        not_scored = f"{stage} accounts are not scored"
    return HealthPanel(
        account_id=account.id.hex,
        account_name=account.name,
        scored_on=latest["taken_on"] if latest else None,
        profile=explained.profile if explained else "",
        profile_label=explained.profile_label if explained else "",
        score=score if explained else None,
        band=band if explained else "",
        band_label=bands.label(band) if explained else "Not scored",
        computed_score=computed_score,
        computed_band=computed_band,
        computed_band_label=bands.label(computed_band) if computed_band else "Not scored",
        coverage=coverage,
        min_coverage=scorer.card.min_coverage,
        override=override,
        sentiment=sentiment,
        groups=explained.groups if explained else (),
        biggest_detractor=explained.biggest_detractor if explained else None,
        change=change,
        movers=moved,
        history=history,
        scorecard_changed=fingerprint is not None and fingerprint != scorer.card.fingerprint,
        not_scored_reason=not_scored,
    )


def _shown(scorer: Scorer, snapshot: dict[str, Any]) -> tuple[float | None, str]:
    return shown_result(
        snapshot["score"], snapshot["band"], snapshot["override_score"], scorer.card.bands
    )
