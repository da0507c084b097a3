"""A respondent the book does not know yet becomes a stakeholder of their account.

The person is added through the accounts' own `add_stakeholder` (so the rules of stakeholders
apply: one primary, a valid e-mail), then the account's responses from that address are linked
to them. Linking again is harmless, so a failure between the two steps leaves nothing that a
second attempt does not mend.
"""

import uuid

from sqlmodel import col, func, select

from cs_tui.data.accounts.changes import account_write
from cs_tui.data.accounts.records import add_stakeholder
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.data.store.validation import checked
from cs_tui.domain.enums import StakeholderRole
from cs_tui.models import Stakeholder, SurveyResponse
from cs_tui.models.account import StakeholderCreate


def add_respondent_as_stakeholder(
    db: Database,
    survey_response_id: str,
    *,
    name: str,
    role: StakeholderRole = StakeholderRole.USER,
    title: str = "",
) -> uuid.UUID:
    """Add the response's contact to its account; the new stakeholder's id."""
    try:
        wanted = uuid.UUID(survey_response_id)
    except ValueError:
        raise NotFoundError(f"{survey_response_id!r} is not a survey response id") from None
    with db.read() as session:
        response = session.get(SurveyResponse, wanted)
        if response is None or response.deleted_at is not None:
            raise NotFoundError(f"no survey response has the id {survey_response_id!r}")
        account_id, email = response.account_id, response.contact_email
        if not email:
            raise InvalidInputError(
                "email: this response has no e-mail address to add", field="email"
            )
        known = session.exec(
            select(Stakeholder.name).where(
                Stakeholder.account_id == account_id,
                col(Stakeholder.deleted_at).is_(None),
                func.lower(Stakeholder.email) == email,
            )
        ).first()
    if known is not None:
        raise InvalidInputError(f"email: {email} is already a stakeholder ({known})", field="email")
    data = checked(StakeholderCreate, name=name, email=email, role=role, title=title)
    person_id = add_stakeholder(db, account_id.hex, data)
    link_responses(db, account_id, email, person_id)
    return person_id


def link_responses(db: Database, account_id: uuid.UUID, email: str, person_id: uuid.UUID) -> int:
    """Point the account's unlinked responses from `email` at the stakeholder; how many."""
    with account_write(db) as write:
        responses = write.session.exec(
            select(SurveyResponse).where(
                SurveyResponse.account_id == account_id,
                SurveyResponse.contact_email == email,
                col(SurveyResponse.stakeholder_id).is_(None),
                col(SurveyResponse.deleted_at).is_(None),
            )
        ).all()
        for response in responses:
            response.stakeholder_id = person_id
            write.session.add(response)
        write.touch(account_id)
    return len(responses)
