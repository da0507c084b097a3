"""Importing survey exports: matching, idempotence, all or nothing, and follow-ups raised once."""

from sqlmodel import select

from cs_tui.data.store.database import Database
from cs_tui.data.voice.imports import import_surveys
from cs_tui.data.work.today import today_queue
from cs_tui.data.work.today_views import FOLLOW_UPS
from cs_tui.io.revenue.reasons_file import DEFAULT_REASONS_FILE, read_taxonomy
from cs_tui.models import FollowUp, Stakeholder, SurveyResponse
from tests.conftest import FROZEN_TODAY
from tests.unit.data.daily_book import count
from tests.unit.data.voice_book import load, read, survey_book


def _responses(db: Database) -> dict[str, SurveyResponse]:
    with db.read() as session:
        return {r.contact_email: r for r in session.exec(select(SurveyResponse)).all()}


def test_a_qualtrics_export_matches_by_email_domain_and_account(db: Database) -> None:
    survey_book(db)
    report = load(db, "qualtrics_nps.csv")
    assert (report.written, report.new, report.already) == (True, 3, 0)
    assert report.matched_by == {"email": 1, "domain": 1, "account": 1}
    assert [(u.line, u.email) for u in report.unmatched] == [(9, "kit@unknown-corp.example")]
    assert "no account has the domain unknown-corp.example" in report.unmatched[0].reason
    stored = _responses(db)
    jo = stored["jo.park@acme.com"]
    assert (jo.kind, jo.score, jo.source, jo.external_id) == (
        "nps",
        3,
        "qualtrics",
        "R_1a2B3c4D5e6F7g8",
    )
    assert jo.comment == "Reports time out every Monday.\nSupport took a week to answer."
    with db.read() as session:
        person = session.exec(select(Stakeholder).where(Stakeholder.name == "Jo Park")).one()
    assert jo.stakeholder_id == person.id
    assert stored["ana.novak@globex.com"].stakeholder_id is None
    assert report.new_contacts == 2  # Ana (by domain) and Sol (by account column)


def test_re_importing_the_same_file_adds_nothing_and_raises_nothing_again(db: Database) -> None:
    survey_book(db)
    first = load(db, "qualtrics_nps.csv")
    again = load(db, "qualtrics_nps.csv")
    assert (first.follow_ups, again.new, again.already, again.follow_ups) == (1, 0, 3, 0)
    assert count(db, SurveyResponse) == 3 and count(db, FollowUp) == 1


def test_a_detractor_raises_one_follow_up_on_the_owners_today(db: Database) -> None:
    survey_book(db)
    load(db, "qualtrics_nps.csv")
    with db.read() as session:
        (raised,) = session.exec(select(FollowUp)).all()
    assert (raised.owner, raised.due_on, raised.kind, raised.priority, raised.origin) == (
        "tess", FROZEN_TODAY, "risk", "high", "rule",
    )  # fmt: skip
    assert raised.title.startswith("Detractor on the survey: Jo Park gave NPS 3 on 2026-06-08")
    section = next(s for s in today_queue(db).sections if s.key == FOLLOW_UPS)
    assert [row.title for row in section.rows] == [raised.title]


def test_a_low_csat_on_an_exit_survey_raises_one_for_the_accounts_owner(db: Database) -> None:
    survey_book(db)
    report = load(db, "surveymonkey_exit.csv", moment="exit")
    assert report.follow_ups == 1
    with db.read() as session:
        (raised,) = session.exec(select(FollowUp)).all()
    assert raised.owner == "sam" and "exit survey" in raised.title and "Lee Kim" in raised.title
    lee = _responses(db)["lee.kim@globex.com"]
    assert (lee.moment, lee.reason, lee.competitor) == ("exit", "Budget cuts", "Gainsight")


def test_incomplete_responses_are_skipped_and_counted(db: Database) -> None:
    survey_book(db)
    report = load(db, "typeform_onboarding.csv", moment="onboarding")
    assert report.new == 3
    assert {r.moment for r in _responses(db).values()} == {"onboarding"}


def test_any_invalid_row_means_nothing_is_written(db: Database) -> None:
    survey_book(db)
    report = load(db, "plain_bad.csv", kind="nps")
    assert report.refused and not report.written
    assert [(p.line, p.column) for p in report.problems] == [
        (3, "score"), (4, "date"), (4, "moment"), (4, "email"),
    ]  # fmt: skip
    assert count(db, SurveyResponse) == 0


def test_skip_invalid_writes_the_valid_rows(db: Database) -> None:
    survey_book(db)
    report = load(db, "plain_bad.csv", kind="nps", skip_invalid=True)
    assert (report.written, report.new, report.refused) == (True, 1, False)
    assert count(db, SurveyResponse) == 1


def test_a_dry_run_writes_nothing(db: Database) -> None:
    survey_book(db)
    report = load(db, "delighted_nps.csv", dry_run=True)
    assert (report.written, report.new, report.follow_ups) == (False, 2, 1)
    assert count(db, SurveyResponse) == 0 and count(db, FollowUp) == 0


def test_a_deleted_response_is_not_brought_back_by_a_re_import(db: Database) -> None:
    survey_book(db)
    load(db, "delighted_nps.csv")
    with db.write() as session:
        response = session.exec(select(SurveyResponse).where(SurveyResponse.score == 9)).one()
        response.deleted_at = db.now()
        session.add(response)
    again = load(db, "delighted_nps.csv")
    assert (again.new, again.already) == (0, 2)


def test_new_exit_reasons_are_reported_under_the_taxonomy_and_stored_as_written(
    db: Database,
) -> None:
    survey_book(db)
    taxonomy = read_taxonomy(DEFAULT_REASONS_FILE)
    parsed = read("plain_exit.csv")
    first = import_surveys(db, parsed, taxonomy=taxonomy)
    assert first.exit_reasons == {
        "budget": 1, "price": 1, "product_gap": 1, "competitor": 1, "low_adoption": 1,
    }  # fmt: skip
    assert first.unmapped_reasons == (
        (6, "The moon was in the wrong phase"), (7, "the moon was in the wrong  phase"),
    )  # fmt: skip
    stored = _responses(db)
    assert (stored["jo.park@acme.com"].reason, stored["jo.park@acme.com"].competitor) == (
        "Too expensive for a team our size", "ChurnZero",
    )  # fmt: skip
    assert stored["sam@acme.com"].comment == "Honestly, nobody used it after the rollout."
    again = import_surveys(db, parsed, taxonomy=taxonomy)
    assert (again.new, again.exit_reasons, again.unmapped_reasons) == (0, {}, ())
    assert import_surveys(db, read("qualtrics_nps.csv"), taxonomy=taxonomy).exit_reasons == {}
