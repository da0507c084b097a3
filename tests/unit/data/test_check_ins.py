"""Logging a check-in: one transaction, next steps as follow-ups, sentiment and survey recorded."""

from datetime import timedelta

import pytest
from pydantic import ValidationError
from sqlmodel import select

from cs_tui.data.accounts.records import get_account_detail
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.data.work.check_ins import log_check_in, sentiment_reason
from cs_tui.data.work.drafts import CheckInDraft, NextStepDraft
from cs_tui.domain.work.cadence import Cadences
from cs_tui.models import CheckIn, FollowUp, SentimentEntry, SurveyResponse
from tests.conftest import FROZEN_TODAY, TEST_USER
from tests.unit.data.daily_book import add_account, add_person, count, day


def test_a_call_with_next_steps_becomes_follow_ups_due_by_cadence(db: Database) -> None:
    add_account(db, "Acme", segment="Enterprise")
    saved = log_check_in(
        db,
        CheckInDraft(
            account="Acme",
            summary="Renewal prep",
            next_steps=(
                NextStepDraft(title="Send the pricing deck"),
                NextStepDraft(title="Book the QBR", due_on=day(3), owner="sam"),
            ),
        ),
    )
    assert saved.account_name == "Acme"
    assert saved.occurred_on == FROZEN_TODAY
    assert saved.follow_up_due == (day(14), day(3))  # Enterprise cadence: 14 days
    with db.read() as session:
        follow_ups = session.exec(select(FollowUp).order_by(FollowUp.due_on)).all()
    assert [(f.title, f.owner, f.origin) for f in follow_ups] == [
        ("Book the QBR", "sam", "check_in"),
        ("Send the pricing deck", TEST_USER, "check_in"),
    ]
    assert {f.check_in_id.hex for f in follow_ups if f.check_in_id} == {saved.check_in_id}


def test_the_due_default_follows_the_configured_cadence(db: Database) -> None:
    add_account(db, "Smallco", segment="smb")
    saved = log_check_in(
        db,
        CheckInDraft(account="Smallco", summary="Chat", next_steps=(NextStepDraft(title="x"),)),
        cadences=Cadences({"SMB": 45}),
    )
    assert saved.follow_up_due == (day(45),)


def test_the_summary_shows_the_touch_and_the_open_follow_ups_at_once(db: Database) -> None:
    add_account(db, "Acme")
    log_check_in(
        db,
        CheckInDraft(
            account="Acme", kind="meeting", summary="Kick-off", occurred_on=day(-2),
            next_steps=(NextStepDraft(title="Late already", due_on=day(-1)),),
        ),
    )  # fmt: skip
    detail = get_account_detail(db, "Acme")
    assert detail.last_touch_on == day(-2)
    assert (detail.open_followups, detail.overdue_followups) == (1, 1)


def test_an_internal_note_is_not_a_customer_touch(db: Database) -> None:
    add_account(db, "Acme")
    log_check_in(db, CheckInDraft(account="Acme", kind="internal_note", summary="Sponsor leaving?"))
    assert get_account_detail(db, "Acme").last_touch_on is None
    log_check_in(db, CheckInDraft(account="Acme", kind="email", summary="Recap sent"))
    assert get_account_detail(db, "Acme").last_touch_on == FROZEN_TODAY


def test_sentiment_is_recorded_for_the_health_score_with_the_first_line_as_reason(
    db: Database,
) -> None:
    add_account(db, "Acme")
    saved = log_check_in(
        db,
        CheckInDraft(
            account="Acme", summary="\nWorried about the renewal\nDetails...", sentiment=2
        ),
    )
    with db.read() as session:
        (entry,) = session.exec(select(SentimentEntry)).all()
        (check_in,) = session.exec(select(CheckIn)).all()
    assert saved.sentiment_entry_id == entry.id.hex
    assert (entry.value, entry.reason, entry.recorded_on) == (
        2,
        "Worried about the renewal",
        FROZEN_TODAY,
    )
    assert check_in.sentiment == 2


def test_sentiment_reason_is_short_or_the_default() -> None:
    assert sentiment_reason("   \n  ") == "check-in"
    assert len(sentiment_reason("x" * 500)) == 200


def test_an_nps_given_in_the_meeting_is_a_survey_response_from_the_attendee(db: Database) -> None:
    account_id = add_account(db, "Acme")
    add_person(db, "Acme", "Ana Lima")
    saved = log_check_in(
        db,
        CheckInDraft(
            account=account_id.hex,
            summary="QBR",
            kind="qbr",
            attendees=("ana lima", "Our PM"),
            nps=4,
        ),
    )
    with db.read() as session:
        (survey,) = session.exec(select(SurveyResponse)).all()
        (check_in,) = session.exec(select(CheckIn)).all()
    assert saved.survey_response_id == survey.id.hex
    assert (survey.kind, survey.score, survey.contact) == ("nps", 4, "Ana Lima")
    assert survey.stakeholder_id is not None
    assert check_in.attendees == "Ana Lima, Our PM"  # the stakeholder's spelling, free text kept


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"summary": ""}, "summary"),
        ({"sentiment": 6}, "sentiment"),
        ({"nps": 11}, "nps"),
        ({"csat": 0}, "csat"),
        ({"nps": 9, "csat": 4}, ""),
        ({"kind": "internal_note", "nps": 9}, ""),
        ({"kind": "webinar"}, "kind"),
        ({"next_steps": [{"title": ""}]}, "next_steps"),
    ],
)
def test_invalid_drafts_name_the_field(fields: dict[str, object], field: str) -> None:
    values = {"account": "Acme", "summary": "ok", **fields}
    with pytest.raises(ValidationError) as error:
        CheckInDraft.model_validate(values)
    assert error.value.errors()[0]["loc"][:1] == ((field,) if field else ())


def test_a_check_in_in_the_future_is_refused_and_nothing_is_saved(db: Database) -> None:
    add_account(db, "Acme")
    draft = CheckInDraft(
        account="Acme", summary="Not yet", occurred_on=FROZEN_TODAY + timedelta(days=1),
        next_steps=(NextStepDraft(title="x"),),
    )  # fmt: skip
    with pytest.raises(InvalidInputError, match="future") as error:
        log_check_in(db, draft)
    assert error.value.field == "date"
    assert count(db, CheckIn) == count(db, FollowUp) == 0


def test_an_invalid_next_step_saves_nothing_at_all(db: Database) -> None:
    add_account(db, "Acme")
    draft = CheckInDraft(
        account="Acme", summary="Call", sentiment=3, nps=8, occurred_on=day(-5),
        next_steps=(NextStepDraft(title="fine"), NextStepDraft(title="too early", due_on=day(-6))),
    )  # fmt: skip
    with pytest.raises(InvalidInputError, match="next step 2 due") as error:
        log_check_in(db, draft)
    assert error.value.field == "next_steps.1.due_on"
    assert count(db, CheckIn) == count(db, FollowUp) == count(db, SentimentEntry) == 0
    assert count(db, SurveyResponse) == 0
    assert get_account_detail(db, "Acme").last_touch_on is None


def test_an_unknown_account_saves_nothing(db: Database) -> None:
    add_account(db, "Acme")
    with pytest.raises(NotFoundError, match="no account matches 'Nobody Inc'"):
        log_check_in(db, CheckInDraft(account="Nobody Inc", summary="Call"))
    assert count(db, CheckIn) == 0
