"""The Dask side of :mod:`tidings.scale.lifeline` (kept apart, so that a process pool's workers need not
import Dask)."""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from tidings.scale.lifeline import die_with_parent


class DieWithClient(WorkerPlugin):
    """A Dask worker plugin: each worker process of a local cluster dies with the process that started it
    (the client's process, where the nannies run); Dask hands registered plugins to restarted workers too."""

    name = "tidings-die-with-client"
    idempotent = True

    def setup(self, worker: object) -> None:
        die_with_parent()
