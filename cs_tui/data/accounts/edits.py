"""Adding, editing, deleting and restoring accounts by hand: the one path the CLI and the app share.

Every write goes through `account_write` (one transaction, then the account's list row and score
are refreshed). An edit reads the account under a lock (SELECT ... FOR UPDATE on PostgreSQL; the
write transaction holds SQLite's write lock from its start), compares it with the values the
user's form opened with (`plan_edit`) and writes only the fields the user changed, or nothing at
all when one of them was changed underneath (`EditConflictError`).
"""

import re
import uuid
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func
from sqlmodel import Session, col, select

from cs_tui.data.accounts.changes import account_write
from cs_tui.data.accounts.edit_fields import (
    EDITABLE,
    EditConflictError,
    Labeller,
    default_label,
    label_of_field,
    parse_account_input,
    settle_money,
)
from cs_tui.data.accounts.records import get_account_detail
from cs_tui.data.accounts.references import MAX_LISTED, resolve_account
from cs_tui.data.accounts.views import AccountDetail
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import AmbiguousReferenceError, InvalidInputError, NotFoundError
from cs_tui.domain.records.edits import plan_edit
from cs_tui.models import Account, AccountCreate

CONTRACT_ORDER = re.compile(r"^contract: end (?P<end>\S+) is before start (?P<start>\S+)$")
UUID_TEXT = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.I)


def stored_values(account: Account) -> dict[str, Any]:
    """The editable fields of a stored account, as `editable_values` gives them for a form."""
    values = {field: getattr(account, field) for field in EDITABLE}
    values["lifecycle_stage"] = str(account.lifecycle_stage)
    return values


def _validated(values: Mapping[str, Any], label: Labeller) -> AccountCreate:
    try:
        return AccountCreate.model_validate(dict(values))
    except ValidationError as error:
        listed = []
        for item in error.errors():
            location = item["loc"]
            message = str(item["msg"]).removeprefix("Value error, ")
            where = label_of_field(str(location[0]), label) if location else ""
            field = str(location[0]) if location else ""
            if out_of_order := CONTRACT_ORDER.match(message):
                field, where = "contract_end", label("renewal")
                message = (
                    f"{out_of_order['end']} is before {label('contract_start')} "
                    f"{out_of_order['start']}"
                )
            listed.append((field, where, message))
        raise InvalidInputError(
            "; ".join(f"{where}: {message}" if where else message for _, where, message in listed),
            field=listed[0][0] if listed else "",
        ) from None


def _refuse_taken_external_id(
    session: Session, external_id: str | None, account_id: uuid.UUID, label: Labeller
) -> None:
    if not external_id:
        return
    other = session.exec(
        select(Account).where(
            Account.external_id == external_id,
            Account.id != account_id,
            col(Account.deleted_at).is_(None),
        )
    ).first()
    if other is not None:
        raise InvalidInputError(
            f"{label('external_id')}: {external_id!r} is already the CRM id of {other.name}",
            field="external_id",
        )


def _locked(session: Session, account_id: uuid.UUID) -> Account:
    """The account's row, re-read under a lock for the rest of the transaction."""
    statement = (
        select(Account)
        .where(Account.id == account_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return session.exec(statement).one()


def add_account(
    db: Database, typed: Mapping[str, str | bool], *, label: Labeller = default_label
) -> AccountDetail:
    """A new account from the inputs given; the name is required, the rest has defaults."""
    fields = parse_account_input(typed, label=label)
    if "name" not in fields:
        raise InvalidInputError(f"{label('name')}: give the account a name", field="name")
    fields = settle_money(
        fields, arr_minor=0, currency=str(fields.get("currency") or "USD"), label=label
    )
    data = _validated(fields, label)
    with account_write(db) as write:
        account = Account.model_validate(data)
        _refuse_taken_external_id(write.session, account.external_id, account.id, label)
        write.session.add(account)
        write.session.flush()
        write.touch(account.id)
    return get_account_detail(db, account.id.hex)


def edit_account(
    db: Database,
    reference: str,
    typed: Mapping[str, str | bool],
    *,
    opened: Mapping[str, Any] | None = None,
    label: Labeller = default_label,
) -> AccountDetail:
    """Change only the inputs given; with `opened` (what the user's form showed), refuse to write
    over a field someone else changed since, naming it (`EditConflictError`)."""
    changes = parse_account_input(typed, label=label)
    with account_write(db) as write:
        session = write.session
        account = _locked(session, resolve_account(session, reference).id)
        current = stored_values(account)
        settled = settle_money(
            changes, arr_minor=account.arr_minor, currency=account.currency, label=label
        )
        row = _validated({**current, **settled}, label)  # the whole row must stay valid
        wanted = {field: getattr(row, field) for field in settled}
        if "lifecycle_stage" in wanted:
            wanted["lifecycle_stage"] = str(wanted["lifecycle_stage"])
        plan = plan_edit(current, wanted, opened)
        if plan.blocked:
            raise EditConflictError(
                account.name, plan.conflicts, currency=account.currency, label=label
            )
        if "external_id" in plan.writes:
            _refuse_taken_external_id(session, plan.writes["external_id"], account.id, label)
        for field, value in plan.writes.items():
            setattr(account, field, value)
        session.add(account)
        if plan.writes:
            write.touch(account.id)
        account_id = account.id
    return get_account_detail(db, account_id.hex)


def delete_account(db: Database, reference: str) -> AccountDetail:
    """Tombstone the account: gone from lists and Today, its history kept; `restore_account`."""
    detail = get_account_detail(db, reference)
    with account_write(db) as write:
        account = _locked(write.session, uuid.UUID(detail.id))
        if account.deleted_at is not None:
            raise NotFoundError(f"{account.name} is already deleted")
        account.deleted_at = db.now()
        write.session.add(account)
        write.touch(account.id)
    return detail


def find_deleted_account(session: Session, reference: str) -> Account:
    """The deleted account `reference` names: id, CRM id, exact name, then a unique partial name."""
    reference = reference.strip()
    if not reference:
        raise NotFoundError("no account given")
    gone = select(Account).where(col(Account.deleted_at).is_not(None))
    if UUID_TEXT.match(reference):
        found = session.exec(gone.where(Account.id == uuid.UUID(reference))).first()
        if found:
            return found
    candidates = session.exec(gone.where(Account.external_id == reference)).all()
    lowered = reference.lower()
    if not candidates:
        candidates = session.exec(gone.where(func.lower(Account.name) == lowered)).all()
    if not candidates:
        candidates = session.exec(
            gone.where(func.lower(Account.name).contains(lowered, autoescape=True))
            .order_by(func.lower(Account.name))
            .limit(MAX_LISTED + 1)
        ).all()
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFoundError(f"no deleted account matches {reference!r}")
    names = ", ".join(
        f"{a.name} ({a.id.hex}, deleted {a.deleted_at:%Y-%m-%d})"
        for a in candidates[:MAX_LISTED]
        if a.deleted_at is not None
    )
    raise AmbiguousReferenceError(
        f"{reference!r} matches several deleted accounts: {names}",
        hint="Give the id to restore one.",
    )


def restore_account(db: Database, reference: str) -> AccountDetail:
    """Undo a delete: the account is back in lists, with everything it had."""
    with account_write(db) as write:
        account = _locked(write.session, find_deleted_account(write.session, reference).id)
        _refuse_taken_external_id(write.session, account.external_id, account.id, default_label)
        account.deleted_at = None
        write.session.add(account)
        write.touch(account.id)
        account_id = account.id
    return get_account_detail(db, account_id.hex)
