"""Reading book reviews back: one with its actions, or the list (a CSM's or the team's)."""

import json
from collections import Counter
from typing import Any

from sqlmodel import Session, col, select

from cs_tui.data.store.database import Database
from cs_tui.data.store.ids import by_short_id
from cs_tui.domain.reviews.template import Expectations
from cs_tui.domain.reviews.views import (
    ActionView,
    DiscussAccount,
    DiscussSection,
    MetricRow,
    ReviewRow,
    ReviewView,
)
from cs_tui.models import BookReview, ReviewAction


def resolve_review(session: Session, reference: str) -> BookReview:
    """The review `reference` names: its id, or its short id (the last 8 characters)."""
    return by_short_id(session, BookReview, reference, what="a review")


def action_view(action: ReviewAction) -> ActionView:
    return ActionView(
        id=action.id.hex, review_id=action.review_id.hex, title=action.title, owner=action.owner,
        due_on=action.due_on, check_on=action.check_on, status=action.status,
        completed_on=action.completed_at.date() if action.completed_at else None,
    )  # fmt: skip


def _facts(review: BookReview) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(review.facts or "{}")
    return data


def review_view(session: Session, review: BookReview) -> ReviewView:
    actions = session.exec(
        select(ReviewAction)
        .where(ReviewAction.review_id == review.id, col(ReviewAction.deleted_at).is_(None))
        .order_by(col(ReviewAction.due_on), col(ReviewAction.created_at), col(ReviewAction.id))
    ).all()
    facts = _facts(review)
    return ReviewView(
        id=review.id.hex,
        owner=review.owner,
        period=review.period,
        period_start=review.period_start,
        period_end=review.period_end,
        previous_period=str(facts.get("previous_period", "")),
        status=review.status,
        held_on=review.held_on,
        template=review.template,
        expectations=Expectations.from_json(json.loads(review.expectations)),
        metrics=tuple(MetricRow(**row) for row in facts.get("metrics", [])),
        discuss=tuple(
            DiscussSection(s["key"], s["title"], tuple(DiscussAccount(**a) for a in s["accounts"]))
            for s in facts.get("discuss", [])
        ),
        worked=review.worked,
        failed=review.failed,
        learned=review.learned,
        next_plan=review.next_plan,
        actions=tuple(action_view(a) for a in actions),
    )


def get_review(db: Database, reference: str) -> ReviewView:
    with db.read() as session:
        return review_view(session, resolve_review(session, reference))


def list_reviews(db: Database, *, owner: str | None = None) -> list[ReviewRow]:
    """Reviews newest period first: one CSM's (`owner`) or the whole team's."""
    with db.read() as session:
        query = select(BookReview).where(col(BookReview.deleted_at).is_(None))
        if owner is not None:
            query = query.where(BookReview.owner == owner)
        reviews = session.exec(
            query.order_by(col(BookReview.period_start).desc(), col(BookReview.owner))
        ).all()
        counts: Counter[tuple[str, str]] = Counter()
        if reviews:
            for review_id, status in session.exec(
                select(ReviewAction.review_id, ReviewAction.status).where(
                    col(ReviewAction.review_id).in_([r.id for r in reviews]),
                    col(ReviewAction.deleted_at).is_(None),
                )
            ).all():
                counts[(review_id.hex, status)] += 1
        return [
            ReviewRow(
                id=r.id.hex, owner=r.owner, period=r.period, status=r.status, held_on=r.held_on,
                actions_open=counts[(r.id.hex, "open")], actions_done=counts[(r.id.hex, "done")],
            )
            for r in reviews
        ]  # fmt: skip
