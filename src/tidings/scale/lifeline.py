"""Worker processes that die with their parent, even when the parent is killed with SIGKILL.

A process pool's workers (``ingest --workers N``) and a local Dask cluster's worker processes are children of
the process that started them. When that process ends normally it stops them; killed with ``kill -9`` it
cannot, and they would run on as orphans holding memory (and, for Dask, ports). :func:`die_with_parent`,
called first thing in each child, closes that hole twice over:

* on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the child the moment its parent dies;
* everywhere, a daemon thread that checks every ``interval`` seconds whether the parent is still the
  process it was, and ends the child (``os._exit``) when it is not (a child whose parent died is
  re-parented, so ``os.getppid()`` changes).

The first is immediate but Linux-only (and follows the parent *thread* that started the child); the second
is portable and catches what the first misses, within ``interval``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
INTERVAL = 1.0
_started: set[int] = set()


def die_with_parent(parent: int | None = None, *, interval: float = INTERVAL) -> None:
    """Make this process end when ``parent`` (default: the current parent) ends; idempotent."""
    parent = os.getppid() if parent is None else parent
    if parent in _started:
        return
    _started.add(parent)
    _pdeathsig()
    if os.getppid() != parent:  # the parent is already gone (it died before the signal was armed)
        os._exit(1)
    threading.Thread(target=_watch, args=(parent, interval), name="tidings-lifeline", daemon=True).start()


def _pdeathsig() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):  # no libc or no prctl: the watch thread still works
        return False


def _watch(parent: int, interval: float) -> None:
    while True:
        time.sleep(interval)
        if os.getppid() != parent:
            os._exit(1)

