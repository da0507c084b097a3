"""The account list's row: a plain tuple (cheap at 100,000 rows), with named positions.

The last position holds the row's search text (name, owner and tags, casefolded), built once when
the row is read so that filtering never formats anything.
"""

from typing import Any

from cs_tui.domain.health_labels import health_label

ID, NAME, OWNER, SEGMENT, ARR_MINOR, CURRENCY, RENEWAL_ON = range(7)
SCORE, BAND, SCORE_DELTA, LAST_TOUCH_ON, OPEN_FOLLOWUPS, OVERDUE_FOLLOWUPS = range(7, 13)
PLAN_STATUS, TAGS, STAGE, COVERAGE, OVERRIDDEN, EXTERNAL_ID = range(13, 19)
FIELDS = (
    "id",
    "name",
    "owner",
    "segment",
    "arr_minor",
    "currency",
    "renewal_on",
    "score",
    "band",
    "score_delta",
    "last_touch_on",
    "open_followups",
    "overdue_followups",
    "plan_status",
    "tags",
    "lifecycle_stage",
    "coverage",
    "overridden",
    "external_id",
)

SEARCH_TEXT = len(FIELDS)

AccountRow = tuple[Any, ...]


def search_text(name: str, owner: str, tags: str) -> str:
    """What the list's filter looks in: name, owner and tags, casefolded, kept apart by NULs."""
    return f"{name}\x00{owner}\x00{tags}".casefold()


def with_search_text(row: AccountRow) -> AccountRow:
    """The row with its search text at the end (rows read by the store already have it)."""
    if len(row) > SEARCH_TEXT:
        return row
    return (*row, search_text(row[NAME], row[OWNER], row[TAGS]))


def row_as_dict(row: AccountRow) -> dict[str, Any]:
    """The row's fields by name (without the search text), for JSON, with the health's label."""
    fields = dict(zip(FIELDS, row[:SEARCH_TEXT], strict=True))
    fields["health_label"] = health_label(row[BAND], overridden=bool(row[OVERRIDDEN]))
    return fields
