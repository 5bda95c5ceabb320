"""``tidings ingest --engine dask``: the thin command-line side of :func:`~tidings.scale.runner.run_dask`.

Called by :func:`tidings.cli.ingest` when ``--engine dask`` is given; returns the exit code (0 everything
coded, 1 some inputs skipped or partitions failed, 2 nothing could be done).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from tidings.errors import TidingsError
from tidings.ingest.runner import IngestOptions
from tidings.scale.partition import DEFAULT_SIZE
from tidings.scale.runner import DaskSummary, run_dask


def dask_command(paths: Sequence[str], *, db: str, options: IngestOptions, scheduler: str | None = None,
                 local_workers: int | None = None, out_parquet: str | Path | None = None,
                 run_dir: str | Path | None = None, partition_size: int = DEFAULT_SIZE, keep: bool = False,
                 console: Console | None = None) -> int:
    """Run the ingest on a Dask cluster and print what it did on ``console`` (stderr by default)."""
    err = console or Console(stderr=True)
    if scheduler is not None and local_workers is not None:
        err.print("[red]error:[/red] give --scheduler or --local-workers, not both")
        return 2
    try:
        summary = run_dask(paths, scheduler=scheduler, local_workers=local_workers, run_dir=run_dir,
                           out_parquet=out_parquet, db=None if out_parquet is not None else db,
                           options=options, partition_size=partition_size, progress=err.is_terminal,
                           keep=keep)
    except (TidingsError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        return 2
    err.print(describe(summary, out_parquet=out_parquet), highlight=False)
    if summary.failed:
        for part, error in sorted(summary.failed.items()):
            err.print(f"[red]failed:[/red] partition {part}: {error}", highlight=False)
        err.print(f"run the same command again to resume: finished partitions are kept in {summary.run_dir}",
                  highlight=False)
        return 1 if summary.coded or summary.resumed else 2
    if summary.load is not None and summary.load.skipped:
        return 1 if summary.load.articles or summary.load.duplicates or summary.load.near_duplicates else 2
    return 0


def describe(summary: DaskSummary, *, out_parquet: str | Path | None = None) -> str:
    """A few lines: partitions, articles per second, memory, and what was loaded where."""
    lines = [f"{summary.partitions} partition(s): {summary.coded} coded now, {summary.resumed} done before, "
             f"{len(summary.failed)} failed; {summary.documents} documents, {summary.events} events coded "
             f"on {summary.workers} worker(s) in {summary.coding_seconds:.1f} s "
             f"({summary.rate:.1f} articles/s)"]
    if summary.peak_rss_mb:
        lines.append("peak RSS per worker: " + ", ".join(f"{v:.0f} MB" for v in summary.peak_rss_mb.values()))
    load = summary.load
    if load is not None:
        text = (f"run {load.run_id}: {load.articles} articles stored, {load.events} events, "
                f"{load.duplicates} duplicates, {load.near_duplicates} near-duplicates, "
                f"{load.skipped} skipped")
        if load.reasons:
            text += " (" + ", ".join(f"{n} {r}" for r, n in sorted(load.reasons.items())) + ")"
        lines.append(text)
    elif out_parquet is not None and summary.ok:
        lines.append(f"Parquet dataset in {summary.run_dir}: articles/ events/ mentions/ actors/ skipped/ "
                     "(read with duckdb: SELECT * FROM read_parquet('DIR/events/*.parquet'))")
    return "\n".join(lines)
