"""Reading the voice back: responses, one account's NPS, CSAT and trend, exit reasons, new contacts."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from cs_tui.data.revenue.events import record_revenue_event
from cs_tui.data.revenue.views import RevenueDraft
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.data.voice.contacts import add_respondent_as_stakeholder
from cs_tui.data.voice.reads import account_voice, list_responses
from cs_tui.data.voice.reasons import exit_reasons
from cs_tui.domain.enums import RevenueKind, StakeholderRole, SurveyMoment
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


def _churn(db: Database, account: str, reason: str, arr: str, competitor: str = "") -> None:
    """The account signs for `arr` in January and churns it on 10 June 2026."""
    sale = RevenueDraft(kind=RevenueKind.NEW, occurred_on=date(2026, 1, 5), amount=Decimal(arr))
    record_revenue_event(db, account, sale)
    churn = RevenueDraft(
        kind=RevenueKind.CHURN, occurred_on=date(2026, 6, 10), reason_code=reason,
        competitor=competitor,
    )  # fmt: skip
    record_revenue_event(db, account, churn)


def test_an_exit_survey_import_counts_under_the_taxonomy_beside_the_churn_events(
    db: Database,
) -> None:
    survey_book(db)
    report = load(db, "plain_exit.csv")
    assert (report.new, report.unmatched, report.problems) == (8, (), ())
    _churn(db, "Globex", "budget", "12000")
    _churn(db, "Acme Analytics", "competitor", "5000", competitor="ChurnZero")
    found = exit_reasons(db)
    assert (found.exit_responses, found.churn_events) == (8, 2)
    table = found.table
    assert [(c.name, c.stated, c.judged) for c in table.categories] == [
        ("Money", 2, 1), ("Competition", 1, 1), ("Product", 1, 0), ("Value", 1, 0),
    ]  # fmt: skip
    rows = {r.code: r for r in table.rows}
    assert list(rows) == ["budget", "price", "competitor", "product_gap", "low_adoption"]
    budget, price, rival = rows["budget"], rows["price"], rows["competitor"]
    assert (budget.stated, budget.judged) == (1, 1)
    assert budget.stated_lost == budget.judged_lost == (("USD", 1_200_000),)
    assert (price.stated, price.judged, price.stated_lost, price.judged_lost) == (
        1, 0, (("USD", 500_000),), (),
    )  # fmt: skip
    assert [(c.name, c.stated, c.judged) for c in price.competitors] == [("ChurnZero", 1, 0)]
    assert [(c.name, c.stated, c.judged) for c in rival.competitors] == [
        ("ChurnZero", 0, 1), ("Gainsight", 1, 0),
    ]  # fmt: skip
    assert rival.judged_lost == (("USD", 500_000),) and rival.stated_lost == (("USD", 1_200_000),)
    assert table.categories[0].stated_lost == (("USD", 1_700_000),)
    assert [(u.text, u.count, u.competitors) for u in table.unmapped] == [
        ("The moon was in the wrong phase", 2, ("Vitally",)),
    ]
    assert table.unstated == 1
    assert (table.agreeing, table.compared) == (1, 2)
    later = exit_reasons(db, since=date(2026, 6, 8))
    assert (later.exit_responses, later.churn_events) == (2, 2)
    assert [r.code for r in later.table.rows] == ["budget", "competitor", "low_adoption"]


def test_the_raw_reason_and_competitor_are_kept(db: Database) -> None:
    survey_book(db)
    load(db, "plain_exit.csv")
    by_email = {r.contact_email: r for r in list_responses(db)}
    assert by_email["jo.park@acme.com"].reason == "Too expensive for a team our size"
    assert by_email["jo.park@acme.com"].competitor == "ChurnZero"
    assert (by_email["ana@globex.com"].reason, by_email["ana@globex.com"].competitor) == (
        "", "Gainsight",
    )  # fmt: skip


def test_churn_codes_the_taxonomy_no_longer_has_are_listed_apart(db: Database) -> None:
    survey_book(db)
    with db.write() as session:
        globex = account_voice(db, "Globex").account_id
        session.add(
            RevenueEvent(
                account_id=uuid.UUID(globex), kind="churn", amount_minor=90_000,
                occurred_on=date(2026, 6, 10), reason_code="moved_abroad",
            )
        )  # fmt: skip
    found = exit_reasons(db)
    assert [(c.name, [r.code for r in c.reasons]) for c in found.table.categories] == [
        ("Not in the taxonomy", ["moved_abroad"]),
    ]
    assert found.table.rows[0].judged_lost == (("USD", 90_000),)
