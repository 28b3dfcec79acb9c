"""The per-document work of the pipeline — parse a chunk of raw documents, then run the stages it needs —
and the local process pool that runs it (coopnews.scale.dask runs the same work on a Dask cluster).

A task is {"raws", "keys", "needs"}: the chunk's raw documents, their cache keys, and for each table the
keys whose rows are missing. When the parse tables already hold all its documents, "parsed" carries their
stored documents, sentences and removed rows, and the raw documents are not parsed again. Optionally
"entities": the cached entity rows (with their cache_key) of documents that need a stage built on entities,
so these are not computed again. Its result is {"tables": {name: (rows, keys)}, "seconds": {stage: seconds}}.
"""
from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext

import pandas as pd

from ..cache.stages import STAGES
from ..corpus.sentences import SentenceSplitter
from ..corpus.tables import chunk_corpus, stored_chunk_corpus
from .children import interrupts_held, pool_worker_started, stop_pool

PARSE_TABLES = ("documents", "sentences", "removed")

_CONTEXT: dict = {}


def run_locally(tasks: Iterator[dict], context: dict, *, workers: int | None) -> Iterator[dict]:
    """Results of `work` for each task, in task order, inline or in worker processes.

    Default workers: $COOPNEWS_WORKERS, else one per core — but a single chunk of work runs inline.
    """
    first = list(itertools.islice(tasks, 2))
    tasks = itertools.chain(first, tasks)
    if workers is None:
        workers = int(os.environ.get("COOPNEWS_WORKERS") or 0) or os.cpu_count() or 1
        if len(first) < 2:
            workers = 1
    if workers <= 1:
        _init_worker(context)
        yield from map(work, tasks)
        return
    pool = ProcessPoolExecutor(workers, initializer=_init_pool_worker, initargs=(context,))
    try:
        window: list = []
        for n, task in enumerate(tasks):
            with interrupts_held() if n == 0 else nullcontext():  # workers start (fork) ignoring Ctrl-C: ours
                window.append(pool.submit(work, task))
            if len(window) > 2 * workers:  # bounded: memory does not grow with the corpus
                yield window.pop(0).result()
        for future in window:
            yield future.result()
    except BaseException:  # interrupted (Ctrl-C, SIGTERM), failed, or the consumer stopped early
        stop_pool(pool)  # no worker outlives the run
        raise
    pool.shutdown()


def _init_pool_worker(context: dict) -> None:
    pool_worker_started()
    _init_worker(context)


def _init_worker(context: dict) -> None:
    _CONTEXT.clear()
    _CONTEXT.update(context, splitter=SentenceSplitter.from_json(context["splitter"]))


def work_with(context: dict, task: dict) -> dict:
    """`work` in a process that may not have been initialised with this run's context (a Dask worker)."""
    if _CONTEXT.get("_source") is not context:  # a scattered context is one object per worker and run
        _init_worker(context)
        _CONTEXT["_source"] = context
    return work(task)


def work(task: dict) -> dict:
    """Parse one chunk and run the stages it needs (in the stage table's order): {"tables": {name: (rows,
    keys)}, "seconds": {...}}. Entities are computed once for every stage that needs them."""
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    if task.get("parsed") is not None:  # parsed by an earlier run: its stored rows, not the raw documents again
        corpus, parsed = stored_chunk_corpus(task["parsed"], _CONTEXT["splitter"].origin), task["parsed"]
    else:
        corpus, parsed = chunk_corpus(task["raws"], task["keys"], _CONTEXT["splitter"])
    seconds["parse"] = time.perf_counter() - t0
    out: dict[str, tuple[pd.DataFrame, list[str]]] = {}
    needs = task["needs"]
    for name in PARSE_TABLES:
        if needs[name]:
            out[name] = (parsed[name][parsed[name]["cache_key"].isin(needs[name])], sorted(needs[name]))
    registry = _CONTEXT.get("registry")
    entities = _chunk_entities(corpus, task, registry, seconds)
    key_of = dict(zip(corpus.documents["doc_id"], corpus.documents["cache_key"]))
    for name, stage in STAGES.items():
        if not needs.get(name):
            continue
        t0 = time.perf_counter()
        sub = _subset(corpus, needs[name])
        if name == "entities":
            rows = entities[entities["doc_id"].isin(sub.documents["doc_id"])]
        else:
            rows = stage.compute(sub, entities=entities, pairs=_pairs_of(sub, out, task) if stage.needs_pairs else None,
                                 names=_CONTEXT["names"], registry=registry)
        out[name] = (rows.assign(cache_key=rows["doc_id"].map(key_of)), sorted(needs[name]))
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - t0
    return {"tables": out, "seconds": seconds}


def _pairs_of(sub, out: dict, task: dict) -> pd.DataFrame | None:
    """The pair rows of the documents of `sub` when this chunk has them for all of them (computed by the pairs
    stage, which runs before the stages built on pairs, or cached rows the task carries), else None (the
    stage computes them)."""
    frames, covered = [], set()
    if "pairs" in out:
        rows, keys = out["pairs"]
        frames.append(rows)
        covered.update(keys)
    if task.get("pairs") is not None:
        frames.append(task["pairs"])
        covered.update(task.get("pair_keys", ()))
    mine = set(sub.documents["cache_key"])
    if not frames or not mine <= covered:
        return None
    rows = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return rows[rows["cache_key"].isin(mine)].drop(columns="cache_key").reset_index(drop=True)


def _chunk_entities(corpus, task: dict, registry, seconds: dict) -> pd.DataFrame | None:
    """The entity rows of every document of the chunk that needs them (for the entities stage or a stage built on
    them): the cached rows the task carries, the others computed here, in chunk order."""
    needs = task["needs"]
    wanted = set().union(*(needs.get(s, set()) for s, stage in STAGES.items()
                           if s == "entities" or stage.needs_entities))
    given = task.get("entities")  # cached rows of the documents `entity_keys` (some may have none)
    frames = [] if given is None else [given.drop(columns="cache_key")]
    missing = wanted - set(task.get("entity_keys", ()))
    if missing:
        t0 = time.perf_counter()
        frames.append(STAGES["entities"].compute(_subset(corpus, missing), registry=registry))
        seconds["entities"] = time.perf_counter() - t0
    if not wanted or not frames:
        return None
    rows = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    position = {doc: i for i, doc in enumerate(corpus.documents["doc_id"])}
    order = rows["doc_id"].map(position).to_numpy()
    return rows.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def _subset(corpus, keys: set[str]):
    docs = corpus.documents
    return corpus.subset(docs.loc[docs["cache_key"].isin(keys), "doc_id"])
