"""Garbage collection around lints: paused while a lint runs, collected once after it.

A lint allocates hundreds of thousands of objects that live until it ends (the parsed documents,
indexes, findings; in the language server most are kept in the incremental linter's caches).
Nearly all of it is acyclic and freed by reference counting, so Python's collector, left on, only
scans it: dozens of times inside one lint and twice or more over the whole heap on a first lint
(~100 ms of a cold lint of the largest swagger), ~5% of the CPU of `check` over the certified
corpus. So a lint runs with the collector paused, and whoever publishes the result calls
`collect_garbage()` afterwards, off the path from keystroke to diagnostics (the language server), or
`collect_young()` (`check`, after each connector).
"""

from __future__ import annotations

import gc
import threading

_pauses = 0
_pause_lock = threading.Lock()


class gc_paused:  # noqa: N801 - used as a context manager, like a function
    """Pause automatic garbage collection (nestable, from any thread)."""

    def __enter__(self):
        global _pauses
        with _pause_lock:
            _pauses += 1
            gc.disable()

    def __exit__(self, *exc):
        global _pauses
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0:
                gc.enable()


_frozen = False


def collect_garbage() -> None:
    """Collect what the last lint left. The first time, collect everything and freeze what
    survives (the parsed documents and the caches: long-lived, and never garbage in cycles) so
    that later full collections skip it; after that, collect the young generations only."""
    global _frozen
    with gc_paused():
        if not _frozen:
            gc.collect()
            gc.freeze()
            _frozen = True
        else:
            gc.collect(1)


def collect_young() -> None:
    """Collect what a lint whose results are not kept (`check`, one connector) left in cycles: all
    of it is young. Freezes nothing, unlike `collect_garbage`: `check` may run inside another program."""
    gc.collect(0)
