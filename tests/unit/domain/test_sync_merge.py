"""The clock and the merge rule: every order of the same ops, with duplicates, gives one state."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.sync.clock import MAX_AHEAD_MS, ClockError, Hlc, receive, tick, too_far_ahead
from cs_tui.domain.sync.ops import (
    DELETED_FIELD,
    Op,
    is_conflict,
    is_deleted,
    merge,
    row_values,
    wins,
)

A, B = "aaaa", "bbbb"


@pytest.mark.parametrize(
    ("last", "now", "expected"),
    [
        (None, 1000, Hlc(1000, 0, A)),
        (Hlc(900, 4, B), 1000, Hlc(1000, 0, A)),
        (Hlc(1000, 4, B), 1000, Hlc(1000, 5, A)),
        (Hlc(5000, 2, A), 1000, Hlc(5000, 3, A)),  # the wall clock went back: still after
    ],
)
def test_tick_is_after_the_last_clock(last: Hlc | None, now: int, expected: Hlc) -> None:
    assert tick(last, now, A) == expected
    assert last is None or tick(last, now, A) > last


def test_receive_moves_past_a_remote_clock_ahead_of_the_wall() -> None:
    after = receive(Hlc(1000, 0, A), Hlc(2000, 7, B), 1500, A)
    assert after == Hlc(2000, 8, A)
    assert tick(after, 1500, A) > Hlc(2000, 7, B)


@given(st.integers(0, 10**12), st.integers(0, 999), st.sampled_from([A, B, "c0ffee"]))
def test_encoding_round_trips_and_keeps_the_order(wall: int, counter: int, device: str) -> None:
    clock = Hlc(wall, counter, device)
    assert Hlc.decode(clock.encode()) == clock
    later = Hlc(wall, counter + 1, device)
    assert clock.encode() < later.encode()


@pytest.mark.parametrize("text", ["", "12-3-a", "0000000001000-000000-", "x" * 20])
def test_a_malformed_clock_is_refused(text: str) -> None:
    with pytest.raises(ClockError):
        Hlc.decode(text)


def test_only_clocks_more_than_five_minutes_ahead_are_held() -> None:
    assert not too_far_ahead(Hlc(1000 + MAX_AHEAD_MS, 0, B), 1000)
    assert too_far_ahead(Hlc(1001 + MAX_AHEAD_MS, 0, B), 1000)


def _op(field: str, value: object, wall: int, device: str = A, **kw: object) -> Op:
    return Op("account", "r1", field, value, Hlc(wall, 0, device), **kw)  # type: ignore[arg-type]


def test_the_greatest_clock_wins_per_field() -> None:
    state = merge({}, [_op("name", "Old", 1), _op("name", "New", 3, B), _op("owner", "Ann", 2)])
    assert row_values(state, "account", "r1") == {"name": "New", "owner": "Ann"}


def test_an_edit_of_another_field_never_brings_a_deleted_row_back() -> None:
    deleted = _op(DELETED_FIELD, "2026-06-01T00:00:00+00:00", 5)
    later_edit = _op("name", "Renamed", 9, B)
    values = row_values(merge({}, [deleted, later_edit]), "account", "r1")
    assert is_deleted(values) and values["name"] == "Renamed"


def test_a_restore_with_a_later_clock_undoes_the_delete() -> None:
    deleted = _op(DELETED_FIELD, "2026-06-01T00:00:00+00:00", 5)
    restored = _op(DELETED_FIELD, None, 6, B)
    assert not is_deleted(row_values(merge({}, [restored, deleted]), "account", "r1"))
    stale_restore = _op(DELETED_FIELD, None, 4, B)
    assert is_deleted(row_values(merge({}, [deleted, stale_restore]), "account", "r1"))


@pytest.mark.parametrize(
    ("incoming", "local", "conflict"),
    [
        # concurrent: both replaced the same base, different people and values
        (
            _op("name", "X", 5, B, author="bo", base=Hlc(1, 0, A)),
            _op("name", "Y", 4, A, author="al", base=Hlc(1, 0, A)),
            True,
        ),
        # the incoming edit had seen the local value
        (
            _op("name", "X", 5, B, author="bo", base=Hlc(4, 0, A)),
            _op("name", "Y", 4, A, author="al", base=Hlc(1, 0, A)),
            False,
        ),
        # the local edit had seen the incoming value
        (
            _op("name", "X", 3, B, author="bo", base=Hlc(1, 0, A)),
            _op("name", "Y", 4, A, author="al", base=Hlc(3, 0, B)),
            False,
        ),
        # the same person on two devices
        (
            _op("name", "X", 5, B, author="al", base=Hlc(1, 0, A)),
            _op("name", "Y", 4, A, author="al", base=Hlc(1, 0, A)),
            False,
        ),
        # the same value
        (
            _op("name", "Y", 5, B, author="bo", base=Hlc(1, 0, A)),
            _op("name", "Y", 4, A, author="al", base=Hlc(1, 0, A)),
            False,
        ),
        (_op("name", "Y", 5, B, author="bo"), None, False),
    ],
)
def test_conflicts_are_concurrent_edits_by_different_people(
    incoming: Op, local: Op | None, conflict: bool
) -> None:
    assert is_conflict(incoming, local) is conflict
    if local is not None:
        assert is_conflict(local, incoming) is conflict


def test_a_tie_on_the_clock_is_broken_by_the_value() -> None:
    one, other = _op("name", "a", 1), _op("name", "b", 1)
    assert wins(other, one) and not wins(one, other)


ops_strategy = st.lists(
    st.builds(
        Op,
        table=st.sampled_from(["account", "follow_up"]),
        row=st.sampled_from(["r1", "r2", "r3"]),
        field=st.sampled_from(["name", "owner", DELETED_FIELD]),
        value=st.one_of(
            st.none(), st.integers(-3, 3), st.text(max_size=3), st.floats(allow_nan=False)
        ),
        clock=st.builds(Hlc, st.integers(0, 5), st.integers(0, 2), st.sampled_from([A, B, "c"])),
        author=st.sampled_from(["al", "bo"]),
    ),
    max_size=25,
)


@given(ops_strategy, st.randoms())
def test_merge_is_commutative_and_idempotent(ops: list[Op], rnd: object) -> None:
    shuffled = list(ops) + list(ops[: len(ops) // 2])
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert merge({}, shuffled) == merge({}, ops)
    once = merge({}, ops)
    assert merge(once, ops) == once


@given(ops_strategy, ops_strategy, ops_strategy)
def test_merge_is_associative(a: list[Op], b: list[Op], c: list[Op]) -> None:
    left = merge(merge(merge({}, a), b), c)
    right = merge(merge({}, a), [*merge(merge({}, b), c).values()])
    assert left == right


@given(ops_strategy, st.lists(st.integers(0, 2), max_size=40), st.integers(0, 10**6))
def test_replicas_that_saw_the_same_ops_converge(
    ops: list[Op], deliveries: list[int], seed: int
) -> None:
    """Three replicas each get the ops in their own order (some twice), then everything."""
    replicas: list[dict[tuple[str, str, str], Op]] = [{}, {}, {}]
    for position, op in enumerate(ops):
        target = deliveries[position % len(deliveries)] if deliveries else 0
        replicas[target] = merge(replicas[target], [op, op])
    for index in range(3):
        rotated = ops[(seed + index) % (len(ops) or 1) :] + ops[: (seed + index) % (len(ops) or 1)]
        replicas[index] = merge(replicas[index], rotated)
    assert replicas[0] == replicas[1] == replicas[2] == merge({}, ops)


@pytest.mark.parametrize(
    ("seconds", "conflicts", "problems", "expected"),
    [
        (20, 0, 0, "synced 20 s ago"),
        (150, 1, 0, "synced 2 min ago · 1 conflict"),
        (7300, 3, 2, "synced 2 h ago · 3 conflicts · 2 problems"),
        (200_000, 0, 1, "synced 2 d ago · 1 problem"),
    ],
)
def test_the_header_says_when_the_book_last_synced(
    seconds: int, conflicts: int, problems: int, expected: str
) -> None:
    from datetime import UTC, datetime, timedelta

    from cs_tui.domain.sync.labels import sync_label

    now = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
    label = sync_label(
        last_synced_at=now - timedelta(seconds=seconds),
        now=now,
        conflicts=conflicts,
        problems=problems,
    )
    assert label == expected


def test_the_header_says_when_a_sync_is_running_failed_or_never_ran() -> None:
    from datetime import UTC, datetime

    from cs_tui.domain.sync.labels import sync_label

    now = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
    assert sync_label(last_synced_at=None, now=now) == "not synced yet"
    assert sync_label(last_synced_at=now, now=now, syncing=True) == "syncing…"
    assert sync_label(last_synced_at=now, now=now, error="disk full") == "sync failed"
