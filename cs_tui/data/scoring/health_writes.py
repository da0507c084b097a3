"""The CSM's own say in an account's health: sentiment, and a manual override of the score.

Each write is validated by its Create model (a bad value is reported, nothing is stored) and the
account is rescored in the same transaction, so the list and the summary show the change at once.
Setting an override clears the one in force; clearing keeps the row (with `cleared_at`) for history.
At most one override per account is open (not cleared): a unique index holds it on both backends,
and setting one locks the account's row first, so two people setting one at once take turns and
the later one replaces the earlier.
"""

import uuid
from datetime import date
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlmodel import Session, col, select

from cs_tui.data.accounts.references import find_account
from cs_tui.data.scoring.rescoring import RescoreSummary, rescore_on
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import StoreError
from cs_tui.data.store.locks import lock_account
from cs_tui.data.store.validation import problems
from cs_tui.domain.scoring import Scorer
from cs_tui.models import (
    Account,
    ScoreOverride,
    ScoreOverrideCreate,
    SentimentCreate,
    SentimentEntry,
)

T = TypeVar("T")


class InvalidHealthInputError(StoreError):
    """A sentiment or override value that cannot be stored; the message says which and why."""


def _checked(model: type[T], **fields: object) -> T:
    try:
        return model(**fields)
    except ValidationError as error:
        listed = problems(error)  # a model-level rule has no field: just its message
        raise InvalidHealthInputError(
            "; ".join(f"{field}: {message}" if field else message for field, message in listed)
        ) from error
    except ValueError as error:  # a model-level rule (e.g. the expiry is not after today)
        raise InvalidHealthInputError(str(error)) from error


def _scorer(scorer: Scorer | None) -> Scorer:
    if scorer is not None:
        return scorer
    from cs_tui.io.scorecard_file import current_scorer

    return current_scorer()


def _rescore(db: Database, session: Session, account: Account, scorer: Scorer) -> RescoreSummary:
    session.flush()
    return rescore_on(
        session.connection(), as_of=db.today(), now=db.now(), scorer=scorer,
        account_ids=[account.id],
    )  # fmt: skip


def record_sentiment(
    db: Database,
    account: uuid.UUID | str,
    *,
    value: int,
    reason: str,
    scorer: Scorer | None = None,
) -> RescoreSummary:
    """Record today's 1-5 pulse with its reason and rescore the account."""
    data = _checked(SentimentCreate, value=value, reason=reason, recorded_on=db.today())
    scorer = _scorer(scorer)
    with db.write() as session:
        found = find_account(session, account)
        lock_account(session, found.id)
        session.add(
            SentimentEntry.model_validate(data, update={"account_id": found.id, "author": db.user})
        )
        return _rescore(db, session, found, scorer)


def _open(session: Session, account_id: uuid.UUID) -> Any:
    return select(ScoreOverride).where(
        ScoreOverride.account_id == account_id,
        col(ScoreOverride.deleted_at).is_(None),
        col(ScoreOverride.cleared_at).is_(None),
    )


def _in_force(session: Session, account_id: uuid.UUID, today: date) -> list[ScoreOverride]:
    return list(session.exec(_open(session, account_id).where(ScoreOverride.expires_on >= today)))


def set_override(
    db: Database,
    account: uuid.UUID | str,
    *,
    score: int,
    reason: str,
    expires_on: date,
    scorer: Scorer | None = None,
) -> RescoreSummary:
    """Show `score` instead of the computed one through `expires_on` (after today); rescore."""
    today = db.today()
    data = _checked(
        ScoreOverrideCreate, score=score, reason=reason, set_on=today, expires_on=expires_on
    )
    scorer = _scorer(scorer)
    with db.write() as session:
        found = find_account(session, account)
        lock_account(session, found.id)
        for earlier in session.exec(_open(session, found.id)):  # in force, or expired uncleared
            earlier.cleared_at = db.now()
        session.flush()
        session.add(
            ScoreOverride.model_validate(data, update={"account_id": found.id, "author": db.user})
        )
        return _rescore(db, session, found, scorer)


def clear_override(
    db: Database, account: uuid.UUID | str, *, scorer: Scorer | None = None
) -> RescoreSummary | None:
    """End the override in force (None when there was none) and rescore the account."""
    scorer = _scorer(scorer)
    with db.write() as session:
        found = find_account(session, account)
        lock_account(session, found.id)
        in_force = _in_force(session, found.id, db.today())
        if not in_force:
            return None
        for override in in_force:
            override.cleared_at = db.now()
        return _rescore(db, session, found, scorer)
