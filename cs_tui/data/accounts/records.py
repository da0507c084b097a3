"""Accounts and stakeholders: the detail read-model and the writes a user makes by hand."""

import uuid

from sqlmodel import Session, col, select

from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.accounts.summary import refresh_summaries
from cs_tui.data.accounts.views import AccountDetail, StakeholderView, split_tags
from cs_tui.data.store.database import Database
from cs_tui.models import Account, AccountCreate, AccountSummary, AccountUpdate, Stakeholder
from cs_tui.models.account import StakeholderCreate


def _detail(session: Session, account: Account) -> AccountDetail:
    summary = session.get(AccountSummary, account.id)
    people = session.exec(
        select(Stakeholder)
        .where(Stakeholder.account_id == account.id, col(Stakeholder.deleted_at).is_(None))
        .order_by(col(Stakeholder.is_primary).desc(), Stakeholder.name)
    ).all()
    return AccountDetail(
        id=account.id.hex,
        name=account.name,
        external_id=account.external_id,
        domain=account.domain,
        owner=account.owner,
        segment=account.segment,
        industry=account.industry,
        lifecycle_stage=str(account.lifecycle_stage),
        arr_minor=account.arr_minor,
        currency=account.currency,
        contract_start=account.contract_start,
        contract_end=account.contract_end,
        auto_renew=account.auto_renew,
        licensed_seats=account.licensed_seats,
        tags=split_tags(account.tags),
        created_at=account.created_at,
        updated_at=account.updated_at,
        updated_by=account.updated_by,
        score=summary.score if summary else None,
        band=summary.band if summary else "",
        score_delta=summary.score_delta if summary else None,
        coverage=summary.coverage if summary else 0.0,
        overridden=summary.overridden if summary else False,
        last_touch_on=summary.last_touch_on if summary else None,
        open_followups=summary.open_followups if summary else 0,
        overdue_followups=summary.overdue_followups if summary else 0,
        plan_status=summary.plan_status if summary else "",
        stakeholders=tuple(
            StakeholderView(
                id=p.id.hex,
                name=p.name,
                email=p.email,
                title=p.title,
                role=str(p.role),
                is_primary=p.is_primary,
                left_on=p.left_on,
            )
            for p in people
        ),
    )


def get_account_detail(db: Database, reference: str) -> AccountDetail:
    with db.read() as session:
        return _detail(session, resolve_account(session, reference))


def account_id_for(db: Database, reference: str) -> uuid.UUID:
    with db.read() as session:
        return resolve_account(session, reference).id


def create_account(db: Database, data: AccountCreate) -> uuid.UUID:
    with db.write() as session:
        account = Account.model_validate(data)
        session.add(account)
        session.flush()
        refresh_summaries(session.connection(), today=db.today(), account_ids=[account.id])
        return account.id


def update_account(db: Database, reference: str, changes: AccountUpdate) -> AccountDetail:
    with db.write() as session:
        account = resolve_account(session, reference)
        for field, value in changes.model_dump(exclude_unset=True).items():
            setattr(account, field, value)
        AccountCreate.model_validate(account, from_attributes=True)  # the whole row must stay valid
        session.flush()
        return _detail(session, account)


def delete_account(db: Database, reference: str) -> str:
    """Tombstone the account (it disappears from lists; its history stays for audit)."""
    with db.write() as session:
        account = resolve_account(session, reference)
        account.deleted_at = db.now()
        session.add(account)
        return account.name


def add_stakeholder(db: Database, reference: str, data: StakeholderCreate) -> uuid.UUID:
    with db.write() as session:
        account = resolve_account(session, reference)
        if data.is_primary:
            for other in session.exec(
                select(Stakeholder).where(
                    Stakeholder.account_id == account.id, col(Stakeholder.is_primary)
                )
            ):
                other.is_primary = False
        person = Stakeholder.model_validate(data, update={"account_id": account.id})
        session.add(person)
        session.flush()
        return person.id
