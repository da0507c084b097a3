"""Bulk work (reading a 100,000-row file, writing a whole book) without the cyclic garbage collector.

Each full collection walks every object alive; while a bulk job allocates hundreds of thousands of
rows, Python runs several of them, which cost as much as the job's own parsing (about 2 s of a 5 s
read of a 100,000-row CSV) and, in the TUI, freeze the screen for the length of each pass whatever
thread triggers it. The rows of such a job form no reference cycles, so reference counting frees
them; the collector is paused for the job and resumed after it. Pauses nest and may overlap across
threads: the collector resumes when the last one ends, and only if it was running before the first.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0
_resume = False
_set_aside = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of the block."""
    global _active, _resume
    with _lock:
        if _active == 0:
            _resume = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _resume:
                _settle_survivors()
                gc.enable()


def _settle_survivors() -> None:
    """Move what survived the job out of the young generations without scanning it.

    Unfreezing hands every frozen object to the oldest generation, including what the started
    app set aside; while that exemption holds, the survivors join it instead.
    """
    gc.freeze()
    if not _set_aside:
        gc.unfreeze()


def set_aside_what_lives_on() -> None:
    """Exempt every object alive now from future collections: call once the app has started.

    What a started app holds (its modules, classes and the loaded book: over 130,000 objects) lives
    as long as the app; without this each full collection walks all of it again (100-140 ms, a
    visible stall, whenever enough new objects have piled up). Objects freed later by reference
    counting are freed as usual, but garbage cycles among them are not: `take_back_what_was_set_aside`
    ends the exemption (the program calls it when the app exits). Bulk jobs run meanwhile keep it.
    """
    global _set_aside
    with _lock:
        _set_aside = True
        gc.freeze()


def take_back_what_was_set_aside() -> None:
    global _set_aside
    with _lock:
        _set_aside = False
        gc.unfreeze()
