"""Matching respondents to accounts, recognising questions, and which responses raise a follow-up."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.enums import FollowUpKind, Priority, SurveyKind, SurveyMoment
from cs_tui.domain.voice.follow_ups import TITLE_MAX, SurveyFollowUp, follow_up_for
from cs_tui.domain.voice.matching import (
    FREE_MAIL_DOMAINS,
    AccountIndex,
    domain_candidates,
    match_respondent,
    normalise_domain,
    normalise_email,
)
from cs_tui.domain.voice.questions import question_role, score_kind

INDEX = AccountIndex(
    by_email={"jo@acme.com": ["acme"], "sam@shared.io": ["a", "b"]},
    by_domain={"acme.com": ["acme"], "globex.com": ["globex"], "twin.com": ["t1", "t2"]},
    by_reference={"0011": ["initech"], "initech": ["initech"], "dup": ["d1", "d2"]},
)


@pytest.mark.parametrize(
    ("email", "account", "found", "rule"),
    [
        ("jo@acme.com", "", "acme", "email"),
        ("JO@Acme.COM ", "", "acme", "email"),
        ("Jo Park <jo@acme.com>", "", "acme", "email"),
        ("new.person@acme.com", "", "acme", "domain"),
        ("pat@eu.globex.com", "", "globex", "domain"),
        ("pat@gmail.com", "0011", "initech", "account"),
        ("", "Initech", "initech", "account"),
        ("sam@shared.io", "0011", "initech", "account"),
        ("kim@twin.com", "initech", "initech", "account"),
        ("jo@acme.com", "0011", "acme", "email"),
    ],
)
def test_respondents_match_by_email_then_domain_then_account(
    email: str, account: str, found: str, rule: str
) -> None:
    match = match_respondent(INDEX, email, account)
    assert (match.account, match.rule) == (found, rule)


@pytest.mark.parametrize(
    ("email", "account", "reason"),
    [
        ("pat@gmail.com", "", "gmail.com is a free-mail domain"),
        ("pat@outlook.com", "", "outlook.com is a free-mail domain"),
        ("kim@twin.com", "", "2 accounts have the domain twin.com"),
        ("sam@shared.io", "", "sam@shared.io is a contact of 2 accounts"),
        ("lee@nowhere.org", "", "no account has the domain nowhere.org"),
        ("lee@nowhere.org", "Nope", "no account has the external id or name 'Nope'"),
        ("", "dup", "2 accounts are named 'dup'"),
        ("not an address", "", "'not an address' is not an e-mail address"),
        ("", "", "no e-mail address and no account to match"),
    ],
)
def test_the_unmatched_say_why(email: str, account: str, reason: str) -> None:
    match = match_respondent(INDEX, email, account)
    assert match.account is None and reason in match.reason


def test_common_free_mail_domains_never_match_an_account() -> None:
    assert {"gmail.com", "outlook.com", "yahoo.com", "hotmail.com"} <= FREE_MAIL_DOMAINS
    index = AccountIndex(by_email={}, by_domain={"gmail.com": ["oops"]}, by_reference={})
    assert match_respondent(index, "x@gmail.com", "").account is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://www.Acme.com/about", "acme.com"),
        ("acme.com", "acme.com"),
        ("WWW.acme.co.uk:443", "acme.co.uk"),
        ("http://shop.acme.com?x=1", "shop.acme.com"),
    ],
)
def test_account_domains_as_crms_write_them(text: str, expected: str) -> None:
    assert normalise_domain(text) == expected


def test_emails_are_recognised_or_refused() -> None:
    assert normalise_email("mailto:Jo@Acme.com") == "jo@acme.com"
    assert normalise_email("jo@localhost") == ""
    assert normalise_email("n/a") == ""
    assert domain_candidates("a.b.acme.com") == ("a.b.acme.com", "b.acme.com", "acme.com")


@given(st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,8}){1,3}", fullmatch=True))
def test_a_domain_always_ends_its_candidates(domain: str) -> None:
    candidates = domain_candidates(domain)
    assert candidates[0] == domain and all(domain.endswith(c) for c in candidates)
    assert all(c.count(".") >= 1 for c in candidates)


@given(st.emails())
def test_a_stakeholder_email_always_matches_its_account(email: str) -> None:
    address = normalise_email(email)
    if address:
        index = AccountIndex(by_email={address: ["mine"]}, by_domain={}, by_reference={})
        assert match_respondent(index, email.upper(), "").account == "mine"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How likely are you to recommend Acme to a friend or colleague?", SurveyKind.NPS),
        ("On a scale from 0-10, how likely is it that you would recommend us?", SurveyKind.NPS),
        ("Likelihood to recommend", SurveyKind.NPS),
        ("How satisfied are you with our support? - Overall", SurveyKind.CSAT),
        ("Overall, how satisfied were you with onboarding?", SurveyKind.CSAT),
        ("What is the primary reason for your score?", None),
    ],
)
def test_score_questions_are_known_by_their_wording(question: str, kind: SurveyKind | None) -> None:
    assert score_kind(question) is kind


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("What is the main reason you are leaving?", "reason"),
        ("Why did you decide to cancel?", "reason"),
        ("Which product are you switching to?", "competitor"),
        ("Are you moving to a competitor? Which one?", "competitor"),
        ("What is the primary reason for your score?", "comment"),
        ("What could we do better?", "comment"),
        ("How likely are you to recommend us?", "score"),
        ("Which department do you work in", None),
    ],
)
def test_exit_and_comment_questions(question: str, role: str | None) -> None:
    assert question_role(question) == role


TODAY = date(2026, 6, 15)


def _raise(
    kind: SurveyKind, score: int, days_ago: int = 0, moment: SurveyMoment = SurveyMoment.PERIODIC
) -> SurveyFollowUp | None:
    return follow_up_for(
        kind=kind, score=score, moment=moment, responded_on=TODAY - timedelta(days=days_ago),
        contact="Jo Park", today=TODAY,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "score", "raised"),
    [
        (SurveyKind.NPS, 0, True),
        (SurveyKind.NPS, 6, True),
        (SurveyKind.NPS, 7, False),
        (SurveyKind.NPS, 10, False),
        (SurveyKind.CSAT, 1, True),
        (SurveyKind.CSAT, 2, True),
        (SurveyKind.CSAT, 3, False),
    ],
)
def test_detractors_and_low_csat_raise_a_follow_up(
    kind: SurveyKind, score: int, raised: bool
) -> None:
    assert (_raise(kind, score) is not None) is raised


def test_the_follow_up_says_who_what_and_is_due_today() -> None:
    raised = _raise(SurveyKind.NPS, 3, days_ago=2)
    assert raised is not None
    assert raised.title == ("Detractor on the survey: Jo Park gave NPS 3 on 2026-06-13; call back")
    assert (raised.kind, raised.priority, raised.due_on) == (
        FollowUpKind.RISK,
        Priority.HIGH,
        TODAY,
    )
    exit_ = _raise(SurveyKind.CSAT, 1, moment=SurveyMoment.EXIT)
    assert exit_ is not None and "exit survey" in exit_.title and "kept them" in exit_.title


def test_only_recent_responses_raise_one() -> None:
    assert _raise(SurveyKind.NPS, 2, days_ago=14) is not None
    assert _raise(SurveyKind.NPS, 2, days_ago=15) is None
    assert _raise(SurveyKind.NPS, 2, days_ago=-1) is None  # dated after today


@given(st.text(max_size=400))
def test_any_contact_gives_a_title_that_fits(contact: str) -> None:
    raised = follow_up_for(
        kind=SurveyKind.NPS, score=0, moment=SurveyMoment.EXIT, responded_on=TODAY,
        contact=contact, today=TODAY,
    )  # fmt: skip
    assert raised is not None and 0 < len(raised.title) <= TITLE_MAX
