"""Rescoring: read every account's signals, score them, store one snapshot per account per day.

Rescoring the same day again replaces that day's snapshot. The account summary (what the list shows)
takes the shown score (an override's, while one is in force), its band, the change since the
previous snapshot on an earlier day, the coverage and the override flag; rescoring an earlier day
than the summary's never moves the summary back in time. Writes go through the driver's
`executemany` in the caller's transaction; accounts in unscored stages (churned) get no snapshot
and an empty score.
"""

import time
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Uuid, bindparam, text

from cs_tui.data.accounts.summary import refresh_summaries
from cs_tui.data.scoring import facts as f
from cs_tui.data.scoring.signals_sql import Windows
from cs_tui.data.scoring.writes import SnapshotWriter
from cs_tui.data.store.database import Database
from cs_tui.domain.scoring import Scorer, shown_result
from cs_tui.domain.scoring.facts import measure_values
from cs_tui.io.bulk_work import collector_paused

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 10_000
IDS_PER_QUERY = 2_000  # more accounts are rescored in parts (SQL parameter limits)


@dataclass(frozen=True)
class RescoreSummary:
    """What a rescoring did: how many accounts, their bands, and how long it took."""

    as_of: date
    accounts: int  # live accounts looked at
    scored: int  # snapshots written
    unscored: int  # accounts in a stage that is not scored (e.g. churned)
    bands: Mapping[str, int] = field(default_factory=dict)  # by shown band
    overridden: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "accounts": self.accounts,
            "scored": self.scored,
            "unscored": self.unscored,
            "bands": dict(self.bands),
            "overridden": self.overridden,
            "seconds": round(self.seconds, 3),
        }


def _default_scorer() -> Scorer:
    from cs_tui.io.scorecard_file import current_scorer

    return current_scorer()


def rescore_book(
    db: Database,
    *,
    as_of: date | None = None,
    progress: Progress | None = None,
    scorer: Scorer | None = None,
) -> RescoreSummary:
    """Rescore every live account on `as_of` (default: today) in one transaction."""
    scorer = scorer or _default_scorer()
    with collector_paused(), db.write_connection() as connection:
        return rescore_on(
            connection, as_of=as_of or db.today(), now=db.now(), scorer=scorer, progress=progress
        )


def rescore_accounts(
    db: Database,
    account_ids: Sequence[uuid.UUID],
    *,
    as_of: date | None = None,
    scorer: Scorer | None = None,
) -> RescoreSummary:
    """Rescore some accounts (after a check-in, a sentiment or an override, say)."""
    scorer = scorer or _default_scorer()
    with db.write_connection() as connection:
        return rescore_on(
            connection, as_of=as_of or db.today(), now=db.now(), scorer=scorer,
            account_ids=account_ids,
        )  # fmt: skip


def rescore_on(
    connection: Connection,
    *,
    as_of: date,
    now: datetime,
    scorer: Scorer,
    account_ids: Sequence[uuid.UUID] | None = None,
    progress: Progress | None = None,
) -> RescoreSummary:
    """Rescore within the caller's transaction (so a write and its rescoring commit together)."""
    started = time.perf_counter()
    if account_ids is not None and not account_ids:
        return RescoreSummary(as_of, 0, 0, 0)
    if account_ids is not None and len(account_ids) > IDS_PER_QUERY:
        parts = [
            rescore_on(connection, as_of=as_of, now=now, scorer=scorer,
                       account_ids=account_ids[start : start + IDS_PER_QUERY])
            for start in range(0, len(account_ids), IDS_PER_QUERY)
        ]  # fmt: skip
        return _merged(as_of, parts, time.perf_counter() - started)
    card = scorer.card
    _ensure_summaries(connection, as_of, account_ids)
    windows = Windows.ending(as_of, card.signals)
    past = as_of < now.astimezone().date()
    book = f.read_signals(connection, windows, card.signals, account_ids, past=past)
    total = len(book.rows)
    writer = SnapshotWriter(connection, as_of=as_of, now=now, fingerprint=card.fingerprint)
    profiles = scorer.profile
    bands, overrides = card.bands, book.overrides
    sentiment_days = card.signals.sentiment_expires_after_days
    shown_bands: Counter[str] = Counter()
    overridden = unscored = 0
    for done, row in enumerate(book.rows, start=1):
        key = row[f.ID]
        profile = profiles(row[f.SEGMENT], row[f.STAGE])
        if profile is None:
            unscored += 1
            writer.unscored(key)
        else:
            values = measure_values(book.facts(row), as_of, sentiment_days)
            score, band, coverage = profile.score(values)
            override = overrides.get(key)
            shown_score, shown_band = shown_result(score, band, override, bands)
            previous_score, previous_band = shown_result(
                row[f.PREVIOUS_SCORE], row[f.PREVIOUS_BAND] or "", row[f.PREVIOUS_OVERRIDE], bands
            )
            writer.scored(
                key, profile.resolved, values, score, band, coverage, override,
                shown_score, shown_band, previous_score, previous_band,
            )  # fmt: skip
            shown_bands[shown_band] += 1
            overridden += override is not None
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
    writer.flush()
    if progress is not None:
        progress(total, total)
    return RescoreSummary(
        as_of=as_of,
        accounts=total,
        scored=total - unscored,
        unscored=unscored,
        bands=dict(sorted(shown_bands.items())),
        overridden=overridden,
        seconds=time.perf_counter() - started,
    )


def _merged(as_of: date, parts: Sequence[RescoreSummary], seconds: float) -> RescoreSummary:
    bands: Counter[str] = Counter()
    for part in parts:
        bands.update(part.bands)
    return RescoreSummary(
        as_of=as_of,
        accounts=sum(p.accounts for p in parts),
        scored=sum(p.scored for p in parts),
        unscored=sum(p.unscored for p in parts),
        bands=dict(sorted(bands.items())),
        overridden=sum(p.overridden for p in parts),
        seconds=seconds,
    )


MISSING_SUMMARIES = """
SELECT a.id FROM account a
WHERE a.deleted_at IS NULL {only}
  AND NOT EXISTS (SELECT 1 FROM account_summary s WHERE s.account_id = a.id)
"""


def _ensure_summaries(
    connection: Connection, as_of: date, account_ids: Sequence[uuid.UUID] | None
) -> None:
    """Accounts without a summary row get one first, so that rescoring only has to update."""
    if account_ids is None:
        statement = text(MISSING_SUMMARIES.format(only=""))
        missing = list(connection.execute(statement).scalars())
    else:
        statement = text(MISSING_SUMMARIES.format(only="AND a.id IN :ids")).bindparams(
            bindparam("ids", expanding=True, type_=Uuid())
        )
        missing = list(connection.execute(statement, {"ids": list(account_ids)}).scalars())
    if missing:
        ids = [m if isinstance(m, uuid.UUID) else uuid.UUID(str(m)) for m in missing]
        refresh_summaries(connection, today=as_of, account_ids=ids)
