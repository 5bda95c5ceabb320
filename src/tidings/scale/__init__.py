"""Scale out: batch ingest on a Dask cluster (``tidings ingest --engine dask``). See ``docs/scaling.md``.

    partition.plan(paths) ─> worker.code_partition (one Pipeline per worker process) ─> Parquet shards
                          ─> runner.load_run (the single writer) ─> DuckDB store

Importing this package does not import Dask; :func:`run_dask` does, when it needs a cluster.
"""

from __future__ import annotations

from tidings.errors import ClusterError
from tidings.scale.partition import Member, Partition, plan
from tidings.scale.runner import DaskSummary, LoadStats, load_run, run_dask
from tidings.scale.worker import ShardSummary, code_partition, pipeline_for

__all__ = ["ClusterError", "DaskSummary", "LoadStats", "Member", "Partition", "ShardSummary",
           "code_partition", "load_run", "pipeline_for", "plan", "run_dask"]
