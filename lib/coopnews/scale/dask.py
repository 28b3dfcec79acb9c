"""The pipeline on a Dask cluster, for corpora that outgrow one machine.

Per-document work: each chunk of documents is one task, a pure function (`coopnews.scale.workers.work_with`)
from raw documents to their tables. Results come back to the driver, which writes them as Parquet parts in
the same cache layout as the local engine, so notebooks and reports read either the same way.

Corpus-level totals (`coopnews.scale.totals`): one task per Parquet part computes a partial total, and the
partials are merged on the cluster in a tree of `combine` tasks; only the final table comes back. No text
is shuffled between workers in either step.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .workers import work_with

FAN_IN = 8  # partials merged per combine task


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int | None = None):
    """A Client of the cluster at `scheduler`, or of an in-process LocalCluster of `workers` single-threaded
    worker processes when no address is given (closed on exit). Prints the dashboard link."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    print(f"coopnews: Dask scheduler {client.scheduler.address}, dashboard {client.dashboard_link}", file=sys.stderr)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_on_dask(client, tasks: Iterator[dict], context: dict) -> Iterator[dict]:
    """Results of each per-document task in task order; at most two tasks per worker slot are in flight,
    so the driver never holds the whole corpus."""
    shared = client.scatter(context, broadcast=True)
    slots = max(1, sum(client.nthreads().values()))
    window: list = []
    for task in tasks:
        window.append(client.submit(work_with, shared, task, pure=False))
        if len(window) > 2 * slots:
            yield window.pop(0).result()
    for future in window:
        yield future.result()


def map_reduce(client, func: Callable, items: list, combine: Callable, *, fan_in: int = FAN_IN):
    """combine(*[func(item) for item in items]) computed on the cluster as a tree: each combine task merges
    up to `fan_in` results where they are, and only the root's result is sent back."""
    futures = client.map(func, items, pure=False)
    if not futures:
        return combine()
    while len(futures) > 1:
        futures = [client.submit(combine, *futures[i:i + fan_in], pure=False)
                   for i in range(0, len(futures), fan_in)]
    return futures[0].result()
