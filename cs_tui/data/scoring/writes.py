"""Storing scores in bulk: day snapshots (upserted) and the account summary, through `executemany`.

Rows are bound the way the driver takes them (as the demo writer does): ISO dates, the audit
timestamp encoded once by its column type, and the snapshot's breakdown written as JSON text whose
constant part is prepared once per profile.

The breakdown keeps what the score was computed from, so any snapshot can be explained again later:
`{"format": 1, "scorecard": fingerprint, "profile": key, "segment": ..., "stage": ...,
"values": [raw value or null, ...]}`, the values in catalogue order (`catalogue.MEASURE_NAMES`,
which only ever grows at the end, so older breakdowns simply have fewer values).
"""

import json
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from cs_tui.domain.jsonable import strict_json
from cs_tui.domain.scoring.catalogue import MEASURE_NAMES, Values
from cs_tui.domain.scoring.compiled import ResolvedProfile
from cs_tui.models import HealthSnapshot

BREAKDOWN_FORMAT = 1
BATCH_ROWS = 20_000
SNAPSHOT = HealthSnapshot.__table__  # type: ignore[attr-defined]

UPSERT_SNAPSHOT = """
INSERT INTO health_snapshot (id, account_id, taken_on, score, band, coverage, profile,
                             override_score, breakdown, created_at)
VALUES ({marks})
ON CONFLICT (account_id, taken_on) DO UPDATE SET
    score = excluded.score, band = excluded.band, coverage = excluded.coverage,
    profile = excluded.profile, override_score = excluded.override_score,
    breakdown = excluded.breakdown, created_at = excluded.created_at
"""

UPDATE_SUMMARY = """
UPDATE account_summary SET score = {m}, band = {m}, score_delta = {m}, previous_band = {m},
                           coverage = {m}, overridden = {m}, scored_on = {m}
WHERE account_id = {m} AND (scored_on IS NULL OR scored_on <= {m})
"""


def breakdown_head(profile: ResolvedProfile, fingerprint: str) -> str:
    """The breakdown's JSON up to its values, the same for every account of the profile."""
    head = strict_json(
        {
            "format": BREAKDOWN_FORMAT,
            "scorecard": fingerprint,
            "profile": profile.key,
            "segment": profile.segment,
            "stage": profile.stage,
        }
    )
    return head[:-1] + ', "values": '


def read_breakdown(text: str) -> dict[str, Any]:
    """A stored breakdown with its values by measure name (missing ones as None)."""
    data: dict[str, Any] = json.loads(text) if text else {}
    data["by_measure"] = dict(zip(MEASURE_NAMES, data.get("values", []), strict=False))
    return data


def _id_stream() -> Any:
    """Fresh ids as 32-digit hex, consecutive from a random start (cheap, and kind to indexes)."""
    start = uuid.uuid4().int >> 32 << 32
    n = 0
    while True:
        n += 1
        yield f"{start + n:032x}"


class SnapshotWriter:
    """Collects one day's snapshot and summary rows and writes them in batches."""

    def __init__(
        self, connection: Connection, *, as_of: date, now: datetime, fingerprint: str
    ) -> None:
        dialect = connection.dialect
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        self._connection = connection
        self._upsert = UPSERT_SNAPSHOT.format(marks=", ".join([mark] * 10))
        self._update = UPDATE_SUMMARY.format(m=mark)
        self._day = as_of.isoformat()
        encode = SNAPSHOT.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
        self._created = encode(now) if encode else now
        self._fingerprint = fingerprint
        self._heads: dict[str, str] = {}
        self._ids = _id_stream()
        self._snapshots: list[tuple[Any, ...]] = []
        self._summaries: list[tuple[Any, ...]] = []

    def scored(
        self, account: Any, profile: ResolvedProfile, values: Values, score: float | None,
        band: str, coverage: float, override: int | None, shown_score: float | None,
        shown_band: str, previous_score: float | None, previous_band: str,
    ) -> None:  # fmt: skip
        head = self._heads.get(profile.key + profile.segment + profile.stage)
        if head is None:
            head = breakdown_head(profile, self._fingerprint)
            self._heads[profile.key + profile.segment + profile.stage] = head
        self._snapshots.append((
            next(self._ids), account, self._day, score, band, coverage, profile.key, override,
            head + strict_json(values) + "}", self._created,
        ))  # fmt: skip
        delta = None
        if shown_score is not None and previous_score is not None:
            delta = shown_score - previous_score
        self._summaries.append((
            shown_score, shown_band, delta, previous_band, coverage, override is not None,
            self._day, account, self._day,
        ))  # fmt: skip
        if len(self._snapshots) >= BATCH_ROWS:
            self.flush()

    def unscored(self, account: Any) -> None:
        self._summaries.append((None, "", None, "", 0.0, False, self._day, account, self._day))

    def flush(self) -> None:
        if self._snapshots:
            self._connection.exec_driver_sql(self._upsert, self._snapshots)
            self._snapshots = []
        if self._summaries:
            self._connection.exec_driver_sql(self._update, self._summaries)
            self._summaries = []
