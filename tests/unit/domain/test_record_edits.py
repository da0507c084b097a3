"""Stale edits: a save writes only the changed fields, and stops on a change made underneath."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.records.edits import FieldConflict, changed_fields, plan_edit, resolved

OPENED = {"name": "Acme", "owner": "tess", "contract_end": date(2027, 3, 31), "seats": 50}


@pytest.mark.parametrize(
    ("current", "wanted", "writes", "conflicting"),
    [
        # nobody else saved: the changed field is written, nothing else
        (OPENED, {"owner": "sam"}, {"owner": "sam"}, []),
        # someone changed another field: theirs stays, mine is written
        ({**OPENED, "seats": 80}, {"owner": "sam"}, {"owner": "sam"}, []),
        # someone changed the same field to something else: a conflict, nothing written
        ({**OPENED, "owner": "lee"}, {"owner": "sam", "seats": 60}, {}, ["owner"]),
        # someone already made the very same change: nothing to write, no conflict
        ({**OPENED, "owner": "sam"}, {"owner": "sam"}, {}, []),
        # the user typed back what is stored: nothing to write
        (OPENED, {"seats": 50}, {}, []),
    ],
)
def test_plan_edit_table(
    current: dict[str, object],
    wanted: dict[str, object],
    writes: dict[str, object],
    conflicting: list[str],
) -> None:
    plan = plan_edit(current, wanted, OPENED)
    assert plan.writes == writes
    assert [c.field for c in plan.conflicts] == conflicting
    assert plan.blocked == bool(conflicting)


def test_a_conflict_shows_what_was_opened_theirs_and_mine() -> None:
    plan = plan_edit({**OPENED, "contract_end": date(2027, 6, 30)},
                     {"contract_end": date(2027, 9, 30)}, OPENED)  # fmt: skip
    assert plan.conflicts == (
        FieldConflict("contract_end", date(2027, 3, 31), date(2027, 6, 30), date(2027, 9, 30)),
    )


def test_without_opened_values_every_difference_is_written() -> None:
    plan = plan_edit({**OPENED, "owner": "lee"}, {"owner": "sam", "seats": 50})
    assert plan.writes == {"owner": "sam"}
    assert not plan.blocked


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(KeyError, match="not a field of this record: colour"):
        plan_edit(OPENED, {"colour": "red"})


def test_keeping_mine_writes_over_theirs_and_taking_theirs_drops_the_field() -> None:
    current = {**OPENED, "owner": "lee"}
    wanted = {"owner": "sam", "seats": 60}
    conflicts = plan_edit(current, wanted, OPENED).conflicts
    mine, seen = resolved(wanted, OPENED, conflicts, keep_mine=True)
    assert plan_edit(current, mine, seen).writes == {"owner": "sam", "seats": 60}
    theirs, seen = resolved(wanted, OPENED, conflicts, keep_mine=False)
    assert plan_edit(current, theirs, seen).writes == {"seats": 60}


def test_changed_fields_are_those_that_differ_from_the_opened_form() -> None:
    edited = {**OPENED, "owner": "sam"}
    assert changed_fields(OPENED, edited) == {"owner": "sam"}
    assert changed_fields(OPENED, OPENED) == {}


FIELDS = ["a", "b", "c", "d"]
records = st.fixed_dictionaries({f: st.integers(0, 3) for f in FIELDS})


@given(opened=records, current=records, edited=records)
def test_untouched_fields_are_never_written(
    opened: dict[str, int], current: dict[str, int], edited: dict[str, int]
) -> None:
    wanted = changed_fields(opened, edited)
    plan = plan_edit(current, wanted, opened)
    assert set(plan.writes) <= set(wanted)
    for field in set(FIELDS) - set(wanted):
        assert field not in plan.writes
    if plan.blocked:
        assert plan.writes == {}
        assert all(c.theirs != c.opened and c.theirs != c.mine for c in plan.conflicts)
    else:
        after = {**current, **plan.writes}
        assert all(after[f] == v for f, v in wanted.items())
        assert all(after[f] == current[f] for f in set(FIELDS) - set(wanted))


@given(opened=records, edited=records)
def test_no_conflict_when_nothing_changed_underneath(
    opened: dict[str, int], edited: dict[str, int]
) -> None:
    plan = plan_edit(opened, changed_fields(opened, edited), opened)
    assert not plan.blocked
    assert {**opened, **plan.writes} == edited


@given(opened=records, current=records, edited=records, keep=st.booleans())
def test_a_choice_always_resolves_the_conflicts_it_was_shown(
    opened: dict[str, int], current: dict[str, int], edited: dict[str, int], keep: bool
) -> None:
    wanted = changed_fields(opened, edited)
    plan = plan_edit(current, wanted, opened)
    again_wanted, again_opened = resolved(wanted, opened, plan.conflicts, keep_mine=keep)
    assert not plan_edit(current, again_wanted, again_opened).blocked
