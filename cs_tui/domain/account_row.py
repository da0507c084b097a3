"""The account list's row: a plain tuple (cheap at 100,000 rows), with named positions."""

from typing import Any

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

AccountRow = tuple[Any, ...]


def row_as_dict(row: AccountRow) -> dict[str, Any]:
    return dict(zip(FIELDS, row, strict=True))
