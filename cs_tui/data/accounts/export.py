"""Every live account with its health summary, as plain dicts, for export."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from cs_tui.data.store.database import Database
from cs_tui.domain.health_labels import health_label
from cs_tui.domain.money import to_major
from cs_tui.models import Account, AccountSummary

EXPORT_FIELDS = (
    "id",
    "external_id",
    "name",
    "domain",
    "owner",
    "segment",
    "industry",
    "lifecycle_stage",
    "arr",
    "currency",
    "contract_start",
    "contract_end",
    "auto_renew",
    "licensed_seats",
    "tags",
    "health_score",
    "health_band",
    "health_label",
    "health_overridden",
    "health_coverage",
    "last_touch_on",
    "open_followups",
    "plan_status",
    "updated_at",
    "updated_by",
)

SELECTED = tuple(name for name in EXPORT_FIELDS if name != "health_label")


def iter_account_records(db: Database, *, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Accounts by name; ARR as an exact decimal in major units next to its currency; the health
    band by its code and its label, marked when a manual override set the score."""
    a = Account.__table__.c  # type: ignore[attr-defined]
    s = AccountSummary.__table__.c  # type: ignore[attr-defined]
    statement = (
        select(
            a.id, a.external_id, a.name, a.domain, a.owner, a.segment, a.industry,
            a.lifecycle_stage, a.arr_minor, a.currency, a.contract_start, a.contract_end,
            a.auto_renew, a.licensed_seats, a.tags, s.score, s.band, s.overridden, s.coverage,
            s.last_touch_on, s.open_followups, s.plan_status, a.updated_at, a.updated_by,
        )
        .select_from(Account.__table__.outerjoin(AccountSummary.__table__))  # type: ignore[attr-defined]
        .where(a.deleted_at.is_(None))
        .order_by(a.name, a.id)
    )  # fmt: skip
    with db.engine.connect() as connection:
        result = connection.execution_options(yield_per=batch).execute(statement)
        for row in result:
            record = dict(zip(SELECTED, row, strict=True))
            record["id"] = row.id.hex
            record["arr"] = to_major(row.arr_minor, row.currency)
            record["health_score"] = None if row.score is None else round(row.score, 1)
            record["health_band"] = row.band or ""
            record["health_overridden"] = bool(row.overridden)
            record["health_label"] = health_label(row.band or "", overridden=bool(row.overridden))
            record["health_coverage"] = None if row.coverage is None else round(row.coverage, 3)
            record["open_followups"] = row.open_followups or 0
            record["plan_status"] = row.plan_status or ""
            yield {name: record[name] for name in EXPORT_FIELDS}
