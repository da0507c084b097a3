"""The customer QBR pack, filled from the store on both backends: what the customer sees, and what
they never see (internal notes, the follow-ups those notes created, finance notes)."""

import json
from datetime import date

import pytest

from cs_tui.data.qbr.pack import qbr_pack
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.domain.metrics.periods import quarter
from tests.unit.data.qbr_book import SECRET, qbr_book

Q2 = quarter(2026, 2)


def test_the_pack_holds_the_quarter_of_the_account(db: Database) -> None:
    qbr_book(db)
    pack = qbr_pack(db, "acme", Q2)
    assert (pack.account_name, pack.period, pack.owner, pack.next_period) == (
        "Acme",
        "2026-Q2",
        "Tess",
        "2026-Q3",
    )
    assert (pack.period_start, pack.period_end) == (
        date(2026, 4, 1),
        date(2026, 6, 15),
    )  # up to today
    assert [p.score for p in pack.health.points] == [61, 66, 72, 72]
    assert (pack.health.start, pack.health.end, pack.health.delta, pack.health.band) == (
        61,
        72,
        11,
        "yellow",
    )
    users, tickets = pack.objectives
    assert (users.baseline, users.target, users.current, users.progress) == (120, 200, 180, 75)
    assert tickets.status == "at_risk"
    assert [m.title for m in pack.milestones_done] == ["SSO rolled out"]
    assert pack.milestones_done[0].owner == "Sam Lee"  # by display name
    assert [m.title for m in pack.milestones_due] == ["Ticket triage workshop"]
    assert [(t.day, t.kind) for t in pack.touches] == [(date(2026, 5, 12), "meeting")]
    assert pack.touches[0].attendees == ("Dana Reyes", "Sam Lee")
    assert pack.touch_counts == (("meeting", 1),)
    assert (
        pack.voice.nps,
        pack.voice.nps_responses,
        pack.voice.csat,
        pack.voice.csat_responses,
    ) == (0, 2, 100, 1)
    assert [r.contact for r in pack.voice.responses if r.kind == "nps"] == [
        "Bob Smith",
        "Dana Reyes",
    ]
    assert [(r.kind, r.amount_minor) for r in pack.revenue] == [
        ("renewal", 50_000_00),
        ("downsell", -5_000_00),
    ]
    assert pack.renewal.renewed_on == date(2026, 4, 2)
    assert pack.renewal.days_to_go == 75


def test_wins_misses_risks_and_next_quarter(db: Database) -> None:
    qbr_book(db)
    pack = qbr_pack(db, "Acme", Q2)
    assert "Milestone done: SSO rolled out" in pack.wins
    assert "Renewed: $50,000" in pack.wins
    assert "Health up 11 points to 72" in pack.wins
    assert "Objective at risk: Cut open tickets (0%)" in pack.misses
    assert "Milestone late: Ticket triage workshop (due 2026-05-20)" in pack.misses
    assert "Downsell: $5,000" in pack.misses
    assert "Budget freeze in Q3" in pack.risks
    assert "Champion may leave" in pack.risks
    assert any(r.startswith("NPS 4 from Bob Smith") for r in pack.risks)
    assert [m.title for m in pack.next_milestones] == ["Ticket triage workshop", "Admin training"]
    titles = [f.title for f in pack.next_follow_ups]
    assert "Send the usage report" in titles and "Champion may leave" in titles


def test_internal_notes_never_appear(db: Database) -> None:
    qbr_book(db)
    text = json.dumps(qbr_pack(db, "Acme", Q2).to_json())
    assert SECRET not in text
    assert "secret discount" not in text  # the note's next step is internal too
    assert "Finance only" not in text  # revenue notes stay internal
    assert "internal_note" not in text


def test_an_earlier_quarter_and_the_default_one(db: Database) -> None:
    qbr_book(db)
    q1 = qbr_pack(db, "Acme", quarter(2026, 1))
    assert (q1.period_end, [p.score for p in q1.health.points]) == (date(2026, 3, 31), [40])
    assert [t.summary for t in q1.touches] == ["Last quarter's call"]
    assert q1.voice.nps == 100 and q1.revenue == ()
    assert qbr_pack(db, "Acme").period == "2026-Q1"  # the last full quarter


def test_a_future_quarter_or_unknown_account_is_refused(db: Database) -> None:
    qbr_book(db)
    with pytest.raises(InvalidInputError, match="2026-Q3 has not started yet"):
        qbr_pack(db, "Acme", quarter(2026, 3))
    with pytest.raises(NotFoundError):
        qbr_pack(db, "Nobody", Q2)


def test_an_account_with_nothing_yet_gets_an_empty_pack(db: Database) -> None:
    from tests.unit.data.daily_book import add_account

    add_account(db, "Fresh")
    pack = qbr_pack(db, "Fresh", Q2)
    assert (pack.objectives, pack.touches, pack.revenue, pack.wins, pack.misses) == (
        (),
        (),
        (),
        (),
        (),
    )
    assert pack.voice.nps is None and pack.renewal.renewal_on is None
