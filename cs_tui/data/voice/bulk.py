"""The one place survey imports write through Core instead of the ORM (100,000 responses in a
few seconds), so team sync has one function to emit its ops from.

Ids are derived from what the rows are: a response's from its tool and response id, its
follow-up's from the response. Two devices importing the same export make the same rows, and a
second import finds them there; a tombstoned response stays deleted.
"""

import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select

from cs_tui.data.accounts.summary import refresh_summaries
from cs_tui.data.store.bulk_insert import TupleInserter
from cs_tui.models import FollowUp, SurveyResponse

RESPONSE = SurveyResponse.__table__  # type: ignore[attr-defined]
FOLLOW_UP = FollowUp.__table__  # type: ignore[attr-defined]
SURVEY_NAMESPACE = uuid.UUID("5b0f3a5e-2c1d-4b7e-9a57-0c1e5d2f6a90")
RESPONSE_COLUMNS = (
    "id", "account_id", "stakeholder_id", "kind", "moment", "score", "responded_on", "contact",
    "contact_email", "comment", "reason", "competitor", "question", "source", "external_id",
)  # fmt: skip
FOLLOW_UP_COLUMNS = (
    "id", "account_id", "title", "kind", "priority", "owner", "due_on", "origin", "origin_ref",
)  # fmt: skip
LOOKUP_CHUNK = 5_000
INSERT_CHUNK = 10_000


def response_id(key: str) -> uuid.UUID:
    """The id of the response a survey tool identifies by `key`."""
    return uuid.uuid5(SURVEY_NAMESPACE, key)


def follow_up_id(survey_response_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(SURVEY_NAMESPACE, f"follow-up|{survey_response_id.hex}")


def existing_response_ids(connection: Connection, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these responses the store holds already (deleted ones too)."""
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), LOOKUP_CHUNK):
        chunk = ids[start : start + LOOKUP_CHUNK]
        found.update(
            connection.execute(select(RESPONSE.c.id).where(RESPONSE.c.id.in_(chunk))).scalars()
        )
    return found


def write_survey_rows(
    connection: Connection,
    responses: Sequence[tuple[Any, ...]],
    follow_ups: Sequence[tuple[Any, ...]],
    *,
    user: str,
    now: datetime,
    today: date,
    touched: Iterable[uuid.UUID],
) -> None:
    """Insert new responses (tuples in `RESPONSE_COLUMNS` order) and the follow-ups they raise
    (`FOLLOW_UP_COLUMNS`), then refresh the touched accounts' summaries, in the caller's
    transaction (`touched`: the accounts whose open follow-ups changed)."""
    stamps = {"created_at": now, "updated_at": now, "updated_by": user, "deleted_at": None}
    inserter = TupleInserter(connection, RESPONSE, RESPONSE_COLUMNS, same_for_all=stamps)
    for start in range(0, len(responses), INSERT_CHUNK):
        inserter.insert(responses[start : start + INSERT_CHUNK])
    if follow_ups:
        open_ = {**stamps, "status": "open", "snooze_reason": "", "snoozed_until": None,
                 "check_in_id": None, "completed_at": None}  # fmt: skip
        TupleInserter(connection, FOLLOW_UP, FOLLOW_UP_COLUMNS, same_for_all=open_).insert(
            follow_ups
        )
    ids = sorted(set(touched))
    if ids:
        refresh_summaries(connection, today=today, account_ids=ids)
