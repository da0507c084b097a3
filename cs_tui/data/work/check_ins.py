"""Logging a check-in: the touch, its next steps as follow-ups, the CSM's sentiment, a survey score.

Everything a check-in writes commits in one transaction: with any invalid value nothing is saved and
the error names the field. Saving costs indexed lookups on one account only (no book-wide work), so
it stays well under a frame at 100,000 accounts.
"""

import uuid
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from cs_tui.data.accounts.changes import account_write
from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.data.work.drafts import CheckInDraft
from cs_tui.data.work.views import CheckInSaved
from cs_tui.domain.enums import (
    CheckInKind,
    FollowUpKind,
    FollowUpOrigin,
    SurveyKind,
    SurveyMoment,
)
from cs_tui.domain.work.cadence import DEFAULT_CADENCES, Cadences, default_due_on
from cs_tui.models import CheckIn, FollowUp, SentimentEntry, Stakeholder, SurveyResponse

REASON_MAX = 200
DEFAULT_SENTIMENT_REASON = "check-in"


def sentiment_reason(summary: str) -> str:
    """The reason recorded with the sentiment: the summary's first line, else "check-in"."""
    first = next((line.strip() for line in summary.splitlines() if line.strip()), "")
    if not first:
        return DEFAULT_SENTIMENT_REASON
    return first if len(first) <= REASON_MAX else first[: REASON_MAX - 1].rstrip() + "…"


def check_in_day(draft: CheckInDraft, today: date) -> date:
    """The day of the check-in: today unless backdated; never in the future."""
    day = draft.occurred_on or today
    if day > today:
        raise InvalidInputError(
            f"date: {day.isoformat()} is in the future; a check-in can be backdated, not "
            "forward-dated (log it on the day, or add a follow-up instead)",
            field="date",
        )
    return day


def _attendees(
    session: Session, account_id: uuid.UUID, typed: Sequence[str]
) -> tuple[list[str], list[Stakeholder]]:
    """Typed names with the account's stakeholders' spelling; free text kept as typed."""
    people = session.exec(
        select(Stakeholder).where(
            Stakeholder.account_id == account_id, col(Stakeholder.deleted_at).is_(None)
        )
    ).all()
    by_name = {p.name.casefold(): p for p in people}
    names: list[str] = []
    matched: list[Stakeholder] = []
    for name in typed:
        if not name:
            continue
        person = by_name.get(name.casefold())
        names.append(person.name if person else name)
        if person is not None:
            matched.append(person)
    return list(dict.fromkeys(names)), matched


def log_check_in(
    db: Database, draft: CheckInDraft, *, cadences: Cadences = DEFAULT_CADENCES
) -> CheckInSaved:
    """Save a check-in with everything it carries, all or nothing."""
    today = db.today()
    day = check_in_day(draft, today)
    with account_write(db) as write:
        session = write.session
        account = resolve_account(session, draft.account)
        names, people = _attendees(session, account.id, draft.attendees)
        check_in = CheckIn(
            account_id=account.id,
            occurred_on=day,
            kind=draft.kind,
            summary=draft.summary,
            attendees=", ".join(names),
            sentiment=draft.sentiment,
            risks=draft.risks,
            author=db.user,
        )
        session.add(check_in)
        session.flush()  # the check-in exists before its next steps are checked and added
        default_due = default_due_on(today, account.segment, cadences)
        follow_ups = []
        for number, step in enumerate(draft.next_steps, start=1):
            due = step.due_on or default_due
            if due < day:
                raise InvalidInputError(
                    f"next step {number} due: {due.isoformat()} is before the check-in "
                    f"({day.isoformat()}); a next step comes after it",
                    field=f"next_steps.{number - 1}.due_on",
                )
            follow_up = FollowUp(
                account_id=account.id,
                check_in_id=check_in.id,
                title=step.title,
                kind=FollowUpKind.FOLLOW_UP,
                owner=step.owner or db.user,
                due_on=due,
                origin=FollowUpOrigin.CHECK_IN,
                origin_ref=check_in.id.hex,
            )
            session.add(follow_up)
            session.flush()
            follow_ups.append(follow_up)
        sentiment_id = None
        if draft.sentiment is not None:
            entry = SentimentEntry(
                account_id=account.id,
                value=draft.sentiment,
                reason=sentiment_reason(draft.summary),
                recorded_on=day,
                author=db.user,
            )
            session.add(entry)
            sentiment_id = entry.id.hex
        survey_id = None
        score = draft.nps if draft.nps is not None else draft.csat
        if score is not None:
            contact = people[0] if people else None
            survey = SurveyResponse(
                account_id=account.id,
                kind=SurveyKind.NPS if draft.nps is not None else SurveyKind.CSAT,
                moment=(
                    SurveyMoment.ONBOARDING
                    if draft.kind is CheckInKind.ONBOARDING
                    else SurveyMoment.PERIODIC
                ),
                score=score,
                responded_on=day,
                contact=contact.name if contact else "",
                stakeholder_id=contact.id if contact else None,
            )
            session.add(survey)
            survey_id = survey.id.hex
        session.flush()
        write.touch(account.id)
        saved = CheckInSaved(
            check_in_id=check_in.id.hex,
            account_id=account.id.hex,
            account_name=account.name,
            occurred_on=day,
            follow_up_ids=tuple(f.id.hex for f in follow_ups),
            follow_up_due=tuple(f.due_on for f in follow_ups if f.due_on is not None),
            sentiment_entry_id=sentiment_id,
            survey_response_id=survey_id,
        )
    return saved
