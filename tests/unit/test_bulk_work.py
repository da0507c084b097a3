"""The collector pause of bulk jobs: paused inside, restored after, nested and across threads."""

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from cs_tui.io.bulk_work import collector_paused


@pytest.fixture(autouse=True)
def collector_running() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_inside_and_running_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_it_resumes_after_an_exception() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the import failed")
    assert gc.isenabled()


def test_nested_pauses_resume_only_when_the_outer_one_ends() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_pauses_in_two_threads() -> None:
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    with collector_paused():
        thread.start()
        assert inside.wait(5)
    assert not gc.isenabled(), "the worker's pause is still running"
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_what_the_job_keeps_skips_the_young_generations() -> None:
    """The first collection after a job must not scan every row the job made (a frozen screen)."""
    with collector_paused():
        kept = [[n] for n in range(10_000)]
    assert gc.get_count()[0] < 100
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(row) in oldest for row in kept[::1000])
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert not any(id(row) in young for row in kept)


def test_garbage_cycles_made_during_a_job_are_still_collected() -> None:
    class Node:
        partner: "Node"

    with collector_paused():
        first, second = Node(), Node()
        first.partner, second.partner = second, first
        watched = weakref.ref(first)
        del first, second
    assert watched() is not None, "a cycle waits for the collector"
    gc.collect()
    assert watched() is None


def test_a_bulk_job_keeps_what_the_started_app_set_aside() -> None:
    from cs_tui.io.bulk_work import set_aside_what_lives_on, take_back_what_was_set_aside

    try:
        set_aside_what_lives_on()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with collector_paused():
            rows = [(i, str(i)) for i in range(1000)]
        assert gc.get_freeze_count() >= frozen, "the job handed the app's objects back"
        del rows
    finally:
        take_back_what_was_set_aside()
    assert gc.get_freeze_count() == 0


def test_without_a_set_aside_a_bulk_job_leaves_nothing_frozen() -> None:
    with collector_paused():
        rows = [(i, str(i)) for i in range(1000)]
    assert gc.get_freeze_count() == 0
    del rows
