"""The book's accounts as survey respondents are matched to them: stakeholders' e-mails, account
domains, external ids and names, read in three indexed queries (no ORM objects per row)."""

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from cs_tui.data.store.database import Database
from cs_tui.domain.voice.matching import AccountIndex, normalise_domain, normalise_email
from cs_tui.models import Account, Stakeholder

ACCOUNT = Account.__table__  # type: ignore[attr-defined]
STAKEHOLDER = Stakeholder.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class RespondentIndex:
    accounts: AccountIndex[uuid.UUID]
    stakeholders: dict[tuple[str, uuid.UUID], uuid.UUID]  # (email, account) -> stakeholder
    owners: dict[uuid.UUID, str]
    names: dict[uuid.UUID, str]


def respondent_index(db: Database) -> RespondentIndex:
    by_email: defaultdict[str, list[uuid.UUID]] = defaultdict(list)
    by_domain: defaultdict[str, list[uuid.UUID]] = defaultdict(list)
    by_reference: defaultdict[str, list[uuid.UUID]] = defaultdict(list)
    stakeholders: dict[tuple[str, uuid.UUID], uuid.UUID] = {}
    owners: dict[uuid.UUID, str] = {}
    names: dict[uuid.UUID, str] = {}
    accounts = select(
        ACCOUNT.c.id, ACCOUNT.c.name, ACCOUNT.c.external_id, ACCOUNT.c.domain, ACCOUNT.c.owner
    ).where(ACCOUNT.c.deleted_at.is_(None))
    people = (
        select(STAKEHOLDER.c.id, STAKEHOLDER.c.account_id, STAKEHOLDER.c.email)
        .join(ACCOUNT, ACCOUNT.c.id == STAKEHOLDER.c.account_id)
        .where(
            STAKEHOLDER.c.deleted_at.is_(None),
            ACCOUNT.c.deleted_at.is_(None),
            STAKEHOLDER.c.email != "",
        )
    )
    with db.engine.connect() as connection:
        for account_id, name, external_id, domain, owner in connection.execute(accounts):
            owners[account_id], names[account_id] = owner, name
            by_reference[name.casefold()].append(account_id)
            if external_id:
                by_reference[external_id.casefold()].append(account_id)
            if domain and (clean := normalise_domain(domain)):
                by_domain[clean].append(account_id)
        for person_id, account_id, email in connection.execute(people):
            address = normalise_email(email)
            if address:
                by_email[address].append(account_id)
                stakeholders.setdefault((address, account_id), person_id)
    return RespondentIndex(
        AccountIndex(dict(by_email), dict(by_domain), dict(by_reference)),
        stakeholders,
        owners,
        names,
    )
