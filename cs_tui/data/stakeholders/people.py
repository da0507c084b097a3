"""Stakeholders written by hand: one primary per account (setting one clears the other), deletes
are tombstones that `restore_stakeholder` undoes, and an edit writes only the fields the user
changed, refusing to overwrite a change made since their form opened (as accounts do).
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, col, select

from cs_tui.data.accounts.changes import account_write
from cs_tui.data.accounts.edit_fields import EditConflictError
from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.accounts.views import StakeholderView
from cs_tui.data.stakeholders.fields import (
    EDITABLE,
    Labeller,
    default_label,
    parse_stakeholder_input,
)
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.domain.records.edits import plan_edit
from cs_tui.models import Stakeholder
from cs_tui.models.account import StakeholderCreate


@dataclass(frozen=True)
class AccountPeople:
    account_id: str
    account_name: str
    people: tuple[StakeholderView, ...]


def view_of(person: Stakeholder) -> StakeholderView:
    return StakeholderView(
        id=person.id.hex,
        name=person.name,
        email=person.email,
        title=person.title,
        role=str(person.role),
        is_primary=person.is_primary,
        left_on=person.left_on,
    )


def _live_people(session: Session, account_id: uuid.UUID) -> list[Stakeholder]:
    return list(
        session.exec(
            select(Stakeholder)
            .where(Stakeholder.account_id == account_id, col(Stakeholder.deleted_at).is_(None))
            .order_by(col(Stakeholder.is_primary).desc(), Stakeholder.name)
        ).all()
    )


def list_stakeholders(db: Database, account: str) -> AccountPeople:
    """The account's stakeholders, the primary one first, then by name."""
    with db.read() as session:
        found = resolve_account(session, account)
        people = tuple(view_of(p) for p in _live_people(session, found.id))
        return AccountPeople(found.id.hex, found.name, people)


def _validated(values: Mapping[str, Any], label: Labeller) -> StakeholderCreate:
    try:
        return StakeholderCreate.model_validate(dict(values))
    except ValidationError as error:
        listed = []
        for item in error.errors():
            where = str(item["loc"][0]) if item["loc"] else ""
            message = str(item["msg"]).removeprefix("Value error, ")
            if message.startswith("email "):
                where = "email"
            listed.append((where, f"{label(where)}: {message}" if where else message))
        raise InvalidInputError(
            "; ".join(text for _, text in listed), field=listed[0][0] if listed else ""
        ) from None


def _clear_other_primaries(session: Session, account_id: uuid.UUID, keep: uuid.UUID) -> None:
    for other in session.exec(
        select(Stakeholder).where(
            Stakeholder.account_id == account_id,
            Stakeholder.id != keep,
            col(Stakeholder.is_primary),
        )
    ):
        other.is_primary = False
        session.add(other)


def _person_id(reference: str) -> uuid.UUID:
    try:
        return uuid.UUID(reference.strip())
    except ValueError:
        raise NotFoundError(
            f"{reference!r} is not a stakeholder id",
            hint="`cs-tui stakeholders list ACCOUNT` shows each one's id.",
        ) from None


def _locked_person(session: Session, reference: str, *, deleted: bool = False) -> Stakeholder:
    statement = (
        select(Stakeholder)
        .where(Stakeholder.id == _person_id(reference))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    person = session.exec(statement).first()
    if person is None or (person.deleted_at is not None) != deleted:
        state = "deleted stakeholder" if deleted else "stakeholder"
        raise NotFoundError(f"no {state} has the id {reference.strip()!r}")
    return person


def add_stakeholder_to(
    db: Database, account: str, typed: Mapping[str, str | bool], *,
    label: Labeller = default_label,
) -> StakeholderView:  # fmt: skip
    """A new stakeholder of the account; a new primary one takes over from the previous."""
    fields = parse_stakeholder_input(typed, label=label)
    if "name" not in fields:
        raise InvalidInputError(f"{label('name')}: give the person's name", field="name")
    data = _validated(fields, label)
    with account_write(db) as write:
        found = resolve_account(write.session, account)
        person = Stakeholder.model_validate(data, update={"account_id": found.id})
        write.session.add(person)
        write.session.flush()
        if person.is_primary:
            _clear_other_primaries(write.session, found.id, person.id)
        write.touch(found.id)
        view = view_of(person)
    return view


def edit_stakeholder(
    db: Database,
    stakeholder_id: str,
    typed: Mapping[str, str | bool],
    *,
    opened: Mapping[str, Any] | None = None,
    label: Labeller = default_label,
) -> StakeholderView:
    """Change only the inputs given; with `opened`, refuse to overwrite a change made since."""
    changes = parse_stakeholder_input(typed, label=label)
    with account_write(db) as write:
        person = _locked_person(write.session, stakeholder_id)
        current = {field: getattr(person, field) for field in EDITABLE}
        current["role"] = str(person.role)
        row = _validated({**current, **changes}, label)
        wanted = {field: getattr(row, field) for field in changes}
        if "role" in wanted:
            wanted["role"] = str(wanted["role"])
        plan = plan_edit(current, wanted, opened)
        if plan.blocked:
            raise EditConflictError(person.name, plan.conflicts, label=label)
        for field, value in plan.writes.items():
            setattr(person, field, value)
        write.session.add(person)
        if plan.writes.get("is_primary"):
            _clear_other_primaries(write.session, person.account_id, person.id)
        if plan.writes:
            write.touch(person.account_id)
        view = view_of(person)
    return view


def delete_stakeholder(db: Database, stakeholder_id: str) -> StakeholderView:
    """Tombstone the stakeholder (`restore_stakeholder` undoes it)."""
    with account_write(db) as write:
        person = _locked_person(write.session, stakeholder_id)
        person.deleted_at = db.now()
        write.session.add(person)
        write.touch(person.account_id)
        view = view_of(person)
    return view


def restore_stakeholder(db: Database, stakeholder_id: str) -> StakeholderView:
    """Undo a delete; a restored primary stays primary only if the account has none meanwhile."""
    with account_write(db) as write:
        person = _locked_person(write.session, stakeholder_id, deleted=True)
        if person.is_primary and any(
            p.is_primary for p in _live_people(write.session, person.account_id)
        ):
            person.is_primary = False
        person.deleted_at = None
        write.session.add(person)
        write.touch(person.account_id)
        view = view_of(person)
    return view
