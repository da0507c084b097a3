"""Changing a review: its written sections, its status (held on a day), and its actions."""

from collections.abc import Sequence
from datetime import date

from sqlmodel import col, select

from cs_tui.data.reviews.reads import action_view, resolve_review, review_view
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.data.store.ids import by_short_id
from cs_tui.domain.reviews.views import SECTIONS, ActionDue, ActionView, ReviewView
from cs_tui.models import BookReview, ReviewAction
from cs_tui.models.review import REVIEW_STATUSES

MAX_SECTION = 20_000
MAX_TITLE = 300


def update_review(
    db: Database,
    reference: str,
    *,
    sections: dict[str, str] | None = None,
    status: str | None = None,
    held_on: date | None = None,
) -> ReviewView:
    """Replace the text of the sections given (worked, failed, learned, next_plan) and set the
    status (held or closed record the day, today by default, never in the future): all or nothing."""
    sections = sections or {}
    for key, text in sections.items():
        if key not in SECTIONS:
            raise InvalidInputError(f"{key}: not a section (use {', '.join(SECTIONS)})", field=key)
        if len(text) > MAX_SECTION:
            raise InvalidInputError(
                f"{key}: at most {MAX_SECTION:,} characters, not {len(text):,}", field=key
            )
    if status is not None and status not in REVIEW_STATUSES:
        raise InvalidInputError(
            f"status: {status!r} is not one of {', '.join(REVIEW_STATUSES)}", field="status"
        )
    today = db.today()
    if held_on is not None and held_on > today:
        raise InvalidInputError(f"--held: {held_on.isoformat()} is in the future", field="held_on")
    with db.write() as session:
        review = resolve_review(session, reference)
        for key, text in sections.items():
            setattr(review, key, text.strip())
        if status is not None:
            review.status = status
            if status in ("held", "closed") and review.held_on is None and held_on is None:
                review.held_on = today
        if held_on is not None:
            review.held_on = held_on
        review.updated_at = db.now()
        review.updated_by = db.user
        session.add(review)
        session.flush()
        return review_view(session, review)


def edit_review(db: Database, reference: str, sections: dict[str, str]) -> ReviewView:
    """Replace the text of the sections given (worked, failed, learned, next_plan)."""
    return update_review(db, reference, sections=sections)


def set_review_status(
    db: Database, reference: str, status: str, *, held_on: date | None = None
) -> ReviewView:
    """prepared, held (on a day, today by default; never in the future) or closed."""
    return update_review(db, reference, status=status, held_on=held_on)


def _checked_action(title: str, owner: str, where: str = "") -> tuple[str, str]:
    title, owner = " ".join(title.split()), owner.strip()
    text_field = where or "TEXT"
    if not title:
        raise InvalidInputError(f"{text_field}: say what is to be done", field="title")
    if len(title) > MAX_TITLE:
        raise InvalidInputError(
            f"{text_field}: at most {MAX_TITLE} characters, not {len(title)}", field="title"
        )
    if not owner:
        raise InvalidInputError("--owner: name who does it", field="owner")
    if len(owner) > 120:
        raise InvalidInputError("--owner: at most 120 characters", field="owner")
    return title, owner


def add_actions(
    db: Database, reference: str, actions: Sequence[tuple[str, str, date, date | None]]
) -> list[ActionView]:
    """Actions agreed in the review, (title, owner, due, check day) each, all saved or none."""
    checked = [
        (*_checked_action(title, owner, f"line {n}" if len(actions) > 1 else ""), due, check)
        for n, (title, owner, due, check) in enumerate(actions, start=1)
    ]
    with db.write() as session:
        review = resolve_review(session, reference)
        added = []
        for title, owner, due_on, check_on in checked:
            action = ReviewAction(
                review_id=review.id, title=title, owner=owner, due_on=due_on, check_on=check_on,
                updated_by=db.user,
            )  # fmt: skip
            session.add(action)
            added.append(action)
        session.flush()
        return [action_view(a) for a in added]


def add_action(
    db: Database,
    reference: str,
    title: str,
    *,
    owner: str,
    due_on: date,
    check_on: date | None = None,
) -> ActionView:
    """An action agreed in the review: its owner, when it is due, and a day to check it again."""
    return add_actions(db, reference, [(title, owner, due_on, check_on)])[0]


def _set_action(db: Database, reference: str, status: str) -> ActionView:
    with db.write() as session:
        action = by_short_id(session, ReviewAction, reference, what="an action")
        action.status = status
        action.completed_at = db.now() if status == "done" else None
        action.updated_at = db.now()
        action.updated_by = db.user
        session.add(action)
        session.flush()
        return action_view(action)


def complete_action(db: Database, reference: str) -> ActionView:
    return _set_action(db, reference, "done")


def reopen_action(db: Database, reference: str) -> ActionView:
    return _set_action(db, reference, "open")


def cancel_action(db: Database, reference: str) -> ActionView:
    return _set_action(db, reference, "cancelled")


def actions_needing_attention(db: Database, *, owner: str | None = None) -> list[ActionDue]:
    """Open actions due today or late, or whose check day has come: one person's, or everyone's."""
    today = db.today()
    with db.read() as session:
        query = (
            select(ReviewAction, BookReview.owner, BookReview.period)
            .join(BookReview, col(BookReview.id) == ReviewAction.review_id)
            .where(
                ReviewAction.status == "open",
                col(ReviewAction.deleted_at).is_(None),
                col(BookReview.deleted_at).is_(None),
                (col(ReviewAction.due_on) <= today) | (col(ReviewAction.check_on) <= today),
            )
            .order_by(col(ReviewAction.due_on), col(ReviewAction.id))
        )
        if owner is not None:
            query = query.where(ReviewAction.owner == owner)
        rows = session.exec(query).all()
        found = []
        for action, review_owner, period in rows:
            view = action_view(action)
            found.append(ActionDue(view, review_owner, period, view.state(today)))
        return found
