"""Finding a row by its id or by its short id: the last 4 to 12 characters, as lists show the
last 8. (Ids made in bulk are time-ordered, so their first characters are shared; the end is
random.)
"""

import re
import uuid
from typing import TypeVar

from sqlalchemy import String, cast
from sqlmodel import Session, col, select

from cs_tui.data.store.errors import AmbiguousReferenceError, NotFoundError
from cs_tui.models.base import Tracked

T = TypeVar("T", bound=Tracked)
SHORT_ID_LENGTH = 8
_SHORT = re.compile(r"^[0-9a-f]{4,12}$")


def short_id(hex_id: str) -> str:
    return hex_id[-SHORT_ID_LENGTH:]


def _full(reference: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(reference)
    except ValueError:
        return None


def by_short_id(
    session: Session, model: type[T], reference: str, *, what: str, deleted: bool = False
) -> T:
    """The live (or, with `deleted`, tombstoned) row with this id or whose id ends with it.

    The last 12 hex digits of an id are contiguous in both backends' text forms of a UUID, so one
    LIKE serves both; a full id is a primary-key lookup.
    """
    wanted = reference.strip().lower()
    tombstone = col(model.deleted_at)
    query = select(model).where(tombstone.is_not(None) if deleted else tombstone.is_(None))
    full = _full(wanted)
    if full is not None:
        query = query.where(col(model.id) == full)
    elif _SHORT.match(wanted):
        query = query.where(cast(col(model.id), String).like(f"%{wanted}"))
    else:
        raise NotFoundError(
            f"{reference!r} is not {what} id",
            hint="Give the id shown in the list (its last 8 characters), or the full id.",
        )
    found = session.exec(query.limit(2)).all()
    noun = what.split(" ", 1)[-1]
    if not found:
        raise NotFoundError(f"no {'deleted ' if deleted else ''}{noun} has the id {reference!r}")
    if len(found) > 1:
        raise AmbiguousReferenceError(
            f"{reference!r} ends several {noun} ids", hint="Give more characters, or the full id."
        )
    return found[0]
