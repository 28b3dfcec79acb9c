"""The pipeline's per-chunk work on a Dask cluster, for corpora that outgrow one machine.

Each chunk of documents is one task: a pure function (`coopnews.pipeline.work_with`) from raw documents
to their tables. Results come back to the driver, which writes them as Parquet parts in the same cache
layout as the local engine, so notebooks and reports read either the same way. No text is shuffled
between workers, and corpus-level results (duplicates, term totals) are combined from per-document rows.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator


def run_on_dask(tasks: Iterator[dict], context: dict, *, scheduler: str | None = None,
                workers: int | None = None) -> Iterator[dict]:
    """Results of each task in task order, computed on the cluster at `scheduler`, or on an in-process
    LocalCluster of `workers` single-threaded worker processes when no address is given."""
    from dask.distributed import Client, LocalCluster

    from .pipeline import work_with

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    print(f"coopnews: Dask scheduler {client.scheduler.address}, dashboard {client.dashboard_link}", file=sys.stderr)
    try:
        shared = client.scatter(context, broadcast=True)
        slots = max(1, sum(client.nthreads().values()))
        window: list = []
        for task in tasks:
            window.append(client.submit(work_with, shared, task, pure=False))
            if len(window) > 2 * slots:  # bounded: the driver never holds the whole corpus
                yield window.pop(0).result()
        for future in window:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
