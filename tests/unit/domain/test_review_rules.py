"""The review's expectations template (roles, prep, agenda within the limit), the meeting clock,
metric rows and their changes, health drops and the states of actions."""

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.reviews import rules
from cs_tui.domain.reviews.template import (
    AgendaItem,
    Expectations,
    TemplateError,
    agenda_clock,
    expectations,
)
from cs_tui.domain.reviews.views import ActionView, MetricRow

PEOPLE = {"owner": "Tess", "lead": "Lee"}


def template(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Quarterly book review",
        "limit_minutes": 180,
        "roles": {
            "leader": "{lead}",
            "presenter": "{owner}",
            "moderator": "Ana",
            "note_taker": "{owner}",
        },
        "prep": [{"item": "Metrics"}, "Accounts at risk"],
        "agenda": [{"title": "Numbers", "minutes": 60}, {"title": "Lessons", "minutes": 45}],
    }
    data.update(changes)
    return data


def test_roles_are_named_and_the_agenda_totalled() -> None:
    e = expectations(template(), PEOPLE)
    assert [(r.label, r.person) for r in e.roles] == [
        ("Leader", "Lee"),
        ("Presenter", "Tess"),
        ("Moderator", "Ana"),
        ("Note-taker", "Tess"),
    ]
    assert e.prep == ("Metrics", "Accounts at risk")
    assert e.total_minutes == 105
    assert Expectations.from_json(e.to_json()) == e
    assert (
        expectations(template(), PEOPLE | {"moderator": "Kim"}).roles[2].person == "Kim"
    )  # the flag wins


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"agenda": [{"title": "All day", "minutes": 200}]}, "agenda: the items add up to 200 minutes, over the 180-minute limit"),
        ({"limit_minutes": 240}, "limit_minutes: a review lasts at most 180 minutes (3 hours), not 240"),
        ({"limit_minutes": 90}, "agenda: the items add up to 105 minutes, over the 90-minute limit"),
        ({"agenda": [{"title": "Numbers", "minutes": "an hour"}]}, "agenda[1].minutes: give a whole number of minutes above 0, not 'an hour'"),
        ({"agenda": [{"title": "", "minutes": 5}]}, "agenda[1].title: give a text"),
        ({"agenda": []}, "agenda: give at least one item"),
        ({"roles": {"scribe": "x"}}, "roles.scribe: not a role (use leader, presenter, moderator, note_taker)"),
        ({"roles": {"leader": "{lead}", "presenter": "{owner}", "note_taker": "{owner}"}}, "roles.moderator: name who is the moderator"),
        ({"prep": [{"item": 3}]}, "prep[1].item: give a text"),
        ({"colour": "red"}, "colour: not a template key"),
    ],
)  # fmt: skip
def test_a_wrong_template_names_the_key(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(TemplateError) as error:
        expectations(template(**changes), PEOPLE)
    assert message in str(error.value)


AGENDA = (AgendaItem("a", 10), AgendaItem("b", 20), AgendaItem("c", 5))


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0, (0, 600, 0)),
        (599, (0, 1, 0)),
        (600, (1, 1200, 0)),
        (1799, (1, 1, 0)),
        (2100, (2, 0, 0)),
        (2160, (2, 0, 60)),
    ],
)
def test_the_meeting_clock_says_which_item_and_how_long_is_left(
    elapsed: int, expected: tuple[int, int, int]
) -> None:
    assert agenda_clock(AGENDA, elapsed) == expected


@given(st.lists(st.integers(1, 90), min_size=1, max_size=8), st.integers(0, 20_000))
def test_the_clock_always_points_at_an_item_and_never_loses_time(
    minutes: list[int], elapsed: int
) -> None:
    agenda = tuple(AgendaItem(str(i), m) for i, m in enumerate(minutes))
    index, left, over = agenda_clock(agenda, elapsed)
    assert 0 <= index < len(agenda) and left >= 0 and over >= 0
    spent_before = sum(m * 60 for m in minutes[:index])
    if over:
        assert left == 0 and elapsed == sum(m * 60 for m in minutes) + over
    else:
        assert spent_before + minutes[index] * 60 - left == elapsed


@pytest.mark.parametrize(
    ("row", "current", "change"),
    [
        (MetricRow("GRR", "share", 0.92, 0.95), "92%", "-3 pts"),
        (MetricRow("ARR", "money", 1_200_00, 1_000_00, "USD"), "$1,200", "+$200"),
        (MetricRow("ARR", "money", 900_00, 1_000_00, "EUR"), "€900", "-€100"),
        (MetricRow("NPS", "nps", 12, -5), "+12", "+17"),
        (MetricRow("Renewed", "count", 4, None), "4", ""),
        (MetricRow("CSAT", "score", None, 80), "-", ""),
    ],
)
def test_metrics_are_shown_beside_the_previous_period(
    row: MetricRow, current: str, change: str
) -> None:
    assert rules.shown(row, row.current) == current
    assert rules.change(row) == change


def test_metric_rows_without_any_accounts_are_unknown_not_zero() -> None:
    rows = rules.metric_rows(None, None)
    assert rows and all(r.current is None and r.previous is None for r in rows)


def test_the_biggest_health_drops_first() -> None:
    drops = rules.health_drops(
        [
            ("a", "Acme", 80, 50),
            ("b", "Beta", 70, 69.5),
            ("c", "Core", 60, 40),
            ("d", "Dyn", 50, 70),
            ("e", "Eon", None, 20),
        ]
    )
    assert [(d.name, d.detail) for d in drops] == [
        ("Acme", "health 80 -> 50 (-30)"),
        ("Core", "health 60 -> 40 (-20)"),
    ]


@given(st.lists(st.tuples(st.floats(0, 100), st.floats(0, 100)), max_size=30))
def test_drops_are_sorted_and_at_most_five(pairs: list[tuple[float, float]]) -> None:
    drops = rules.health_drops((str(i), f"A{i}", s, e) for i, (s, e) in enumerate(pairs))
    assert len(drops) <= rules.HEALTH_DROPS_SHOWN
    sizes = [pairs[int(d.account_id)][0] - pairs[int(d.account_id)][1] for d in drops]
    assert sizes == sorted(sizes, reverse=True) and all(s >= 1 for s in sizes)


TODAY = date(2026, 6, 15)


def action(due: int, check: int | None = None, status: str = "open") -> ActionView:
    return ActionView("id", "rid", "Call", "tess", TODAY + timedelta(days=due),
                      None if check is None else TODAY + timedelta(days=check), status, None)  # fmt: skip


@pytest.mark.parametrize(
    ("made", "state"),
    [(action(-1), "late"), (action(0), "due"), (action(7, 0), "check"), (action(7, -2), "check"),
     (action(7, 3), "open"), (action(7), "open"), (action(-3, status="done"), "done"), (action(0, status="cancelled"), "cancelled")],
)  # fmt: skip
def test_an_action_is_late_due_to_check_or_open(made: ActionView, state: str) -> None:
    assert made.state(TODAY) == state


def test_the_done_report() -> None:
    assert rules.done_report([], TODAY) == "No actions yet"
    assert (
        rules.done_report([action(-1), action(3), action(-5, status="done")], TODAY)
        == "1 of 3 actions done, 1 late"
    )
