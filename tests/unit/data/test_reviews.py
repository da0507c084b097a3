"""Book reviews in the store, on both backends: prepared from the template with the book's metrics
and the accounts worth discussing, refused whole when something is wrong, edited, and their actions
due and checked."""

from datetime import date, timedelta

import pytest

from cs_tui.data.reviews.edits import (
    actions_needing_attention,
    add_action,
    cancel_action,
    complete_action,
    edit_review,
    reopen_action,
    set_review_status,
)
from cs_tui.data.reviews.prepare import prepare_review
from cs_tui.data.reviews.reads import get_review, list_reviews
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.domain.metrics.periods import quarter
from cs_tui.domain.reviews.views import ReviewView
from cs_tui.io.reviews.template_file import read_template
from tests.conftest import FROZEN_TODAY
from tests.unit.data.daily_book import add_account, add_snapshot
from tests.unit.data.qbr_book import qbr_book

Q2 = quarter(2026, 2)


def prepared(db: Database, owner: str = "tess", **people: str) -> ReviewView:
    source, data = read_template()
    return prepare_review(
        db, owner, Q2, template=data, template_source=source, people={"lead": "Lee"} | people
    )


def book(db: Database) -> None:
    qbr_book(db)
    beta = add_account(db, "Beta")
    add_snapshot(db, beta, "green", 70, score=80)
    add_snapshot(db, beta, "red", 0, score=45)
    add_account(db, "Gamma", owner="sam")


def section(review: ReviewView, key: str) -> list[str]:
    return [a.name for s in review.discuss if s.key == key for a in s.accounts]


def test_a_prepared_review_holds_expectations_metrics_and_accounts(db: Database) -> None:
    book(db)
    review = prepared(db)
    assert (review.owner, review.period, review.previous_period, review.status) == (
        "tess",
        "2026-Q2",
        "2026-Q1",
        "prepared",
    )
    roles = {r.key: r.person for r in review.expectations.roles}
    assert roles == {"leader": "Lee", "presenter": "tess", "moderator": "Lee", "note_taker": "tess"}
    assert review.expectations.total_minutes == 160 <= review.expectations.limit_minutes == 180
    labels = [m.label for m in review.metrics]
    assert {"Renewals due", "Renewed", "NPS", "Starting ARR", "GRR (USD)", "NRR (USD)"} <= set(
        labels
    )
    contraction = next(m for m in review.metrics if m.label == "Contraction")
    assert contraction.current == 5_000_00
    assert section(review, "renewed") == ["Acme"]
    assert section(review, "contracted") == ["Acme"]
    drops = [a for s in review.discuss if s.key == "health_drops" for a in s.accounts]
    assert [(a.name, a.detail) for a in drops] == [("Beta", "health 80 -> 45 (-35)")]
    assert section(review, "plans_missing") == ["Acme", "Beta"]  # a draft plan is not agreed
    assert "Gamma" not in str(review.to_json())  # another CSM's book
    assert (review.worked, review.failed, review.learned, review.next_plan, review.actions) == (
        "",
        "",
        "",
        "",
        (),
    )
    assert get_review(db, review.id[-8:]) == review


@pytest.mark.parametrize(
    ("owner", "period", "message"),
    [
        ("nobody", Q2, "--owner: no accounts are owned by 'nobody' (owners: sam, tess)"),
        ("", Q2, "--owner: name the CSM"),
        ("tess", quarter(2026, 4), "--period: 2026-Q4 has not started yet"),
    ],
)
def test_a_review_that_cannot_be_prepared_writes_nothing(
    db: Database, owner: str, period: object, message: str
) -> None:
    book(db)
    source, data = read_template()
    with pytest.raises(InvalidInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        prepare_review(db, owner, period, template=data, template_source=source)  # type: ignore[arg-type]
    assert list_reviews(db) == []


def test_an_agenda_over_the_limit_is_refused_naming_the_template(db: Database) -> None:
    book(db)
    _, data = read_template()
    data["agenda"].append({"title": "Deep dive", "minutes": 45})
    with pytest.raises(
        InvalidInputError,
        match=r"mine.toml: agenda: the items add up to 205 minutes, over the 180-minute limit",
    ):
        prepare_review(db, "tess", Q2, template=data, template_source="mine.toml")
    assert list_reviews(db) == []


def test_one_review_per_owner_and_period(db: Database) -> None:
    book(db)
    first = prepared(db)
    with pytest.raises(InvalidInputError, match=f"prepared already: {first.id[-8:]}"):
        prepared(db)
    other = prepared(db, "sam")
    assert [r.owner for r in list_reviews(db)] == ["sam", "tess"]
    assert [r.id for r in list_reviews(db, owner="sam")] == [other.id]


def test_sections_are_written_and_the_review_held(db: Database) -> None:
    book(db)
    review = prepared(db)
    edited = edit_review(
        db,
        review.id,
        {"worked": " Weekly adoption calls \n", "next_plan": "Agree plans for every renewal"},
    )
    assert (edited.worked, edited.next_plan, edited.failed) == (
        "Weekly adoption calls",
        "Agree plans for every renewal",
        "",
    )
    with pytest.raises(InvalidInputError, match="mood: not a section"):
        edit_review(db, review.id, {"mood": "good", "worked": "changed"})
    assert get_review(db, review.id).worked == "Weekly adoption calls"  # nothing half-saved
    held = set_review_status(db, review.id, "held")
    assert (held.status, held.held_on) == ("held", FROZEN_TODAY)
    with pytest.raises(InvalidInputError, match="is in the future"):
        set_review_status(db, review.id, "closed", held_on=FROZEN_TODAY + timedelta(days=1))
    with pytest.raises(NotFoundError):
        edit_review(db, "ffffffff", {"worked": "x"})


def test_actions_are_due_checked_and_reported_done(db: Database) -> None:
    book(db)
    review = prepared(db)
    late = add_action(
        db, review.id, "Call every red account", owner="tess", due_on=date(2026, 6, 10)
    )
    check = add_action(
        db,
        review.id,
        "Plans for Q3 renewals",
        owner="tess",
        due_on=date(2026, 7, 15),
        check_on=date(2026, 6, 15),
    )
    later = add_action(
        db,
        review.id,
        "Share the playbook",
        owner="sam",
        due_on=date(2026, 8, 1),
        check_on=date(2026, 7, 1),
    )
    due = actions_needing_attention(db)
    assert [(d.action.title, d.state, d.review_period) for d in due] == [
        ("Call every red account", "late", "2026-Q2"),
        ("Plans for Q3 renewals", "check", "2026-Q2"),
    ]
    assert actions_needing_attention(db, owner="sam") == []
    complete_action(db, late.id[-8:])
    assert [d.action.id for d in actions_needing_attention(db)] == [check.id]
    cancel_action(db, check.id)
    assert actions_needing_attention(db) == []
    reopen_action(db, check.id)
    shown = get_review(db, review.id)
    assert [(a.title, a.status) for a in shown.actions] == [
        ("Call every red account", "done"), ("Plans for Q3 renewals", "open"), ("Share the playbook", "open"),
    ]  # fmt: skip
    assert shown.actions_done == 1 and shown.actions[0].completed_on == FROZEN_TODAY
    assert later.check_on == date(2026, 7, 1)
    assert (list_reviews(db)[0].actions_done, list_reviews(db)[0].actions_open) == (1, 2)


@pytest.mark.parametrize(
    ("title", "owner", "message"),
    [
        ("  ", "tess", "TEXT: say what is to be done"),
        ("Call", " ", "--owner: name who does it"),
        ("x" * 301, "tess", "TEXT: at most 300"),
    ],
)
def test_a_bad_action_is_refused(db: Database, title: str, owner: str, message: str) -> None:
    book(db)
    review = prepared(db)
    with pytest.raises(InvalidInputError, match=message):
        add_action(db, review.id, title, owner=owner, due_on=FROZEN_TODAY)
    assert get_review(db, review.id).actions == ()
