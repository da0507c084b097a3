"""Reading the voice back: responses, one account's NPS, CSAT and trend, exit reasons, new contacts."""

import uuid
from datetime import date

import pytest

from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.data.voice.contacts import add_respondent_as_stakeholder
from cs_tui.data.voice.reads import account_voice, list_responses
from cs_tui.data.voice.reasons import exit_reasons
from cs_tui.domain.enums import StakeholderRole, SurveyMoment
from cs_tui.models import RevenueEvent
from tests.unit.data.voice_book import load, survey_book


def _book(db: Database) -> None:
    survey_book(db)
    load(db, "qualtrics_nps.csv")
    load(db, "surveymonkey_exit.csv", moment="exit")
    load(db, "delighted_nps.csv")


def test_responses_newest_first_filtered_by_account_moment_and_dates(db: Database) -> None:
    _book(db)
    everything = list_responses(db)
    days = [r.responded_on for r in everything]
    assert days == sorted(days, reverse=True) and len(everything) == 7
    acme = list_responses(db, account="Acme Analytics")
    assert {r.account_name for r in acme} == {"Acme Analytics"} and len(acme) == 2
    exits = list_responses(db, moment=SurveyMoment.EXIT)
    assert {r.contact_email for r in exits} == {"lee.kim@globex.com", "ops@initech.com"}
    early = list_responses(db, since=date(2026, 6, 3), until=date(2026, 6, 5))
    assert [r.responded_on for r in early] == [date(2026, 6, 5), date(2026, 6, 3)]


def test_an_accounts_voice_has_nps_csat_trend_and_new_contacts(db: Database) -> None:
    _book(db)
    voice = account_voice(db, "Globex")
    assert (voice.nps.responses, voice.nps.score) == (2, 100.0)  # Ana 10, Lee 9
    assert (voice.csat.responses, voice.csat.score) == (1, 0.0)  # Lee's exit CSAT 2
    assert voice.trend[-1].label == "2026-Q2" and voice.trend[-1].nps.responses == 2
    exit_scores = next(m for m in voice.by_moment if m.moment == "exit")
    assert exit_scores.csat.responses == 1
    assert [c.contact_email for c in voice.new_contacts] == [
        "ana.novak@globex.com", "lee@globex.com", "lee.kim@globex.com",
    ]  # fmt: skip


def test_a_new_contact_becomes_a_stakeholder_and_their_responses_link(db: Database) -> None:
    _book(db)
    ana = next(r for r in account_voice(db, "Globex").responses if r.contact == "Ana Novak")
    person = add_respondent_as_stakeholder(
        db, ana.id, name="Ana Novak", role=StakeholderRole.CHAMPION
    )
    after = next(r for r in account_voice(db, "Globex").responses if r.id == ana.id)
    assert after.stakeholder_id == person.hex and not after.new_contact
    with pytest.raises(InvalidInputError, match=r"ana\.novak@globex\.com is already a stakeholder"):
        add_respondent_as_stakeholder(db, ana.id, name="Ana Novak")


def test_adding_a_contact_checks_what_it_is_given(db: Database) -> None:
    _book(db)
    lee = next(r for r in account_voice(db, "Globex").responses if r.contact == "Lee Kim")
    with pytest.raises(InvalidInputError, match="name"):
        add_respondent_as_stakeholder(db, lee.id, name="  ")
    with pytest.raises(NotFoundError, match="not a survey response id"):
        add_respondent_as_stakeholder(db, "nope", name="Lee")


def test_exit_reasons_stated_beside_judged(db: Database) -> None:
    _book(db)
    with db.write() as session:
        globex = account_voice(db, "Globex").account_id
        session.add(
            RevenueEvent(
                account_id=uuid.UUID(globex), kind="churn", amount_minor=1_200_000,
                occurred_on=date(2026, 6, 10), reason_code="budget",
            )
        )  # fmt: skip
    found = exit_reasons(db)
    assert (found.exit_responses, found.churn_events) == (2, 1)
    budget = next(row for row in found.table.rows if row.code == "budget")
    assert (budget.stated, budget.judged, budget.judged_amount_minor) == (1, 1, 1_200_000)
    assert budget.competitors == (("Gainsight", 1),)
    assert (found.table.agreeing, found.table.compared) == (1, 1)
    assert exit_reasons(db, since=date(2026, 6, 11)).churn_events == 0


def test_churned_arr_is_kept_per_currency(db: Database) -> None:
    _book(db)
    globex = uuid.UUID(account_voice(db, "Globex").account_id)
    with db.write() as session:
        for amount, currency in ((1_200_000, "USD"), (500_000, "EUR"), (300_000, "USD")):
            session.add(
                RevenueEvent(
                    account_id=globex, kind="churn", amount_minor=amount, currency=currency,
                    occurred_on=date(2026, 6, 10), reason_code="budget",
                )
            )  # fmt: skip
    budget = next(row for row in exit_reasons(db).table.rows if row.code == "budget")
    assert budget.judged_amounts == (("USD", 1_500_000), ("EUR", 500_000))
    assert not budget.single_currency
