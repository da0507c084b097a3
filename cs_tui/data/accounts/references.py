"""Finding the account a user means from what they typed: an id, a CRM id or (part of) a name."""

import re
import uuid

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from cs_tui.data.store.errors import AmbiguousReferenceError, NotFoundError
from cs_tui.models import Account

_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.I)
MAX_LISTED = 8


def resolve_account(session: Session, reference: str) -> Account:
    """The one live account `reference` names: id, external id, exact name, then a unique partial name."""
    reference = reference.strip()
    if not reference:
        raise NotFoundError("no account given")
    live = select(Account).where(col(Account.deleted_at).is_(None))
    if _UUID.match(reference):
        found = session.exec(live.where(Account.id == uuid.UUID(reference))).first()
        if found:
            return found
    by_external = session.exec(live.where(Account.external_id == reference)).first()
    if by_external:
        return by_external
    lowered = reference.lower()
    exact = session.exec(
        live.where(func.lower(Account.name) == lowered).limit(MAX_LISTED + 1)
    ).all()
    if len(exact) == 1:
        return exact[0]
    candidates = (
        exact
        or session.exec(
            live.where(or_(func.lower(Account.name).contains(lowered, autoescape=True)))
            .order_by(func.lower(Account.name))
            .limit(MAX_LISTED + 1)
        ).all()
    )
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFoundError(
            f"no account matches {reference!r}",
            hint="Use `cs-tui accounts list` to see names and ids.",
        )
    names = ", ".join(
        f"{a.name} ({a.external_id or a.id.hex[:8]})" for a in candidates[:MAX_LISTED]
    )
    more = " and more" if len(candidates) > MAX_LISTED else ""
    raise AmbiguousReferenceError(
        f"{reference!r} matches several accounts: {names}{more}",
        hint="Give the full name, the CRM id or the id.",
    )


def find_account(session: Session, account: uuid.UUID | str) -> Account:
    """The live account with this id, or the one a user's text names (see `resolve_account`)."""
    if not isinstance(account, uuid.UUID):
        return resolve_account(session, account)
    found = session.get(Account, account)
    if found is None or found.deleted_at is not None:
        raise NotFoundError(f"no account with id {account.hex}")
    return found
