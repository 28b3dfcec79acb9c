"""The per-document pipeline over a corpus folder, streamed through worker processes into the cache.

    manifest = process("articles/", stages=STAGES, workers=2)   # parse → entities → timexes → events → pairs → terms
    corpus = manifest.corpus()                                   # the same Corpus as load_corpus()

Documents are read lazily, in chunks; only a window of chunks is in flight, so memory does not grow
with the corpus. Every result is stored per document in the corpus cache (coopnews.store), keyed by
the document's content: a re-run reads the cache, a grown corpus processes only its new documents,
and the tables are the same whatever the number of workers.
"""
from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from . import stages as stage_mod
from .aggregates import TOTALS
from .aggregates import totals as aggregate_totals
from .cache import corpus_cache_dir
from .cleaning import clean_text
from .files import write_text_atomic
from .loading import RawDocument, Skipped, corpus_location, corpus_root, read_corpus
from .store import Table
from .text import SentenceSplitter

PARSE_TABLES = ("documents", "sentences", "removed")
ENGINES = ("local", "dask")
SAMPLE_CHARS = 1_000_000  # the corpus sample Punkt and the name finder learn from


@dataclass
class Manifest:
    """What `process` found: documents in corpus order, the log, duplicates and timings."""

    root: Path
    cache_dir: Path
    order: pd.DataFrame  # doc_id, cache_key, path, record
    log: pd.DataFrame
    sentence_model: str
    duplicates: pd.DataFrame  # cache_key, duplicate_of, duplicate_kind, duplicate_similarity
    stats: dict = field(default_factory=dict)  # documents, new documents per table, seconds per stage
    totals: dict = field(default_factory=dict)  # name → corpus total (coopnews.aggregates.TOTAL_COLUMNS)

    def corpus(self, *, keep_cache: bool = True):
        """The Corpus (documents, sentences, removed, log) read back from the cache."""
        from .corpus import corpus_from_cache

        return corpus_from_cache(self, keep_cache=keep_cache)


def process(path: str | Path, *, stages: Iterable[str] = (), text_column: str | None = None,
            max_bytes: int = 10_000_000, workers: int | None = None, chunk_size: int = 256,
            near_duplicate_threshold: float = 0.8, progress: bool = True, cache_dir: str | Path | None = None,
            registry=None, engine: str = "local", scheduler: str | None = None,
            partitions: int | None = None, totals: Iterable[str] = ()) -> Manifest:
    """Parse every document under `path` and run `stages` on it, storing all results in the cache.

    engine "local" runs chunks in `workers` local processes; "dask" on the Dask cluster at `scheduler`
    (or an in-process LocalCluster of `workers` processes). `partitions` splits the corpus into about that
    many chunks instead of chunks of `chunk_size` documents. The tables are the same either way.
    `totals` (names of coopnews.aggregates.TOTALS) are then combined over the whole corpus with the same
    engine and returned in `Manifest.totals`.
    """
    from .corpus import PARSER_VERSION, cache_key, log_row

    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    root = corpus_root(path)  # a Path for a local folder, else the URL (s3://…, memory://…)
    corpus_location(root)  # FileNotFoundError / ValueError naming the location and the fix
    requested = set(stages)
    unknown = sorted(requested - set(stage_mod.STAGES))
    if unknown:
        raise ValueError(f"unknown stage(s) {unknown}; choose from {', '.join(stage_mod.STAGES)}")
    stages = [s for s in stage_mod.STAGES if s in requested]
    totals = list(totals)
    unknown = sorted(set(totals) - set(TOTALS))
    if unknown:
        raise ValueError(f"unknown total(s) {unknown}; choose from {', '.join(TOTALS)}")
    missing = sorted({TOTALS[t].stage for t in totals} - {*stages, *PARSE_TABLES})
    if missing:
        raise ValueError(f"totals {totals} need the stage(s) {missing}: add them to stages")
    cache_dir = Path(cache_dir) if cache_dir else corpus_cache_dir(root)
    started = time.perf_counter()
    log_rows: list[dict] = []
    docs = _unique_documents(read_corpus(root, text_column=text_column, max_bytes=max_bytes), log_rows)
    splitter, names, docs = _learned_models(cache_dir, docs, need_names="terms" in stages)
    tables = _tables(cache_dir, stages, registry=registry, names=names)
    if partitions:
        chunk_size = max(1, -(-count_documents(root, text_column=text_column, max_bytes=max_bytes) // partitions))
    known = {name: table.keys() for name, table in tables.items()}
    prefix = f"{PARSER_VERSION}:{splitter.fingerprint()}"
    order_rows: list[dict] = []
    stats = {"documents": 0, "characters": 0, "new": {name: 0 for name in tables}, "seconds": {}}

    def tasks() -> Iterator[dict]:
        for chunk in _chunks(docs, chunk_size):
            keys = [cache_key(raw, prefix) for raw in chunk]
            for raw, key in zip(chunk, keys):
                order_rows.append({"doc_id": raw.doc_id, "cache_key": key, "path": raw.path, "record": raw.record})
                log_rows.append(log_row(raw))
                stats["characters"] += len(raw.raw_text)
            stats["documents"] += len(chunk)
            needs = {name: {k for k in keys if k not in known[name]} for name in tables}
            wanted = set().union(*needs.values())
            if wanted:
                yield {"raws": [r for r, k in zip(chunk, keys) if k in wanted],
                       "keys": [k for k in keys if k in wanted], "needs": needs}
            bar.update(len(chunk))

    bar = tqdm(desc="processing documents", unit="doc", disable=not progress)
    context = {"splitter": splitter.to_json(), "names": names, "registry": registry}
    with _engine(engine, scheduler=scheduler, workers=workers) as client:
        if client is not None:
            from .dask_engine import run_on_dask

            results = run_on_dask(client, tasks(), context)
        else:
            results = _run(tasks(), context, workers=workers)
        for result in results:
            for name, (frame, keys) in result["tables"].items():
                tables[name].append(frame, keys)
                known[name].update(keys)
                stats["new"][name] += len(keys)
            for name, seconds in result["seconds"].items():
                stats["seconds"][name] = stats["seconds"].get(name, 0.0) + seconds
        bar.close()
        order = pd.DataFrame(order_rows, columns=["doc_id", "cache_key", "path", "record"])
        duplicates = _duplicates(tables["documents"], order, near_duplicate_threshold)
        manifest = Manifest(root, cache_dir, order, pd.DataFrame(log_rows), splitter.origin, duplicates, stats)
        t0 = time.perf_counter()
        for name in totals:
            manifest.totals[name] = aggregate_totals(manifest, name, registry=registry, client=client,
                                                     workers=workers or 1)
        if totals:
            stats["seconds"]["totals"] = time.perf_counter() - t0
    stats["seconds"]["total"] = time.perf_counter() - started
    return manifest


@contextmanager
def _engine(engine: str, *, scheduler: str | None, workers: int | None):
    """A dask.distributed Client for the Dask engine (closed on exit), None for local processes."""
    if engine != "dask":
        yield None
        return
    from .dask_engine import dask_client

    with dask_client(scheduler, workers=workers) as client:
        yield client


def _unique_documents(stream, log_rows: list[dict]) -> Iterator[RawDocument]:
    """Documents with unique ids (a repeated stem gets its folder path); skipped items go to the log."""
    seen: set[str] = set()
    for item in stream:
        if isinstance(item, Skipped):
            status = "warning" if item.reason.startswith("sidecar") else "skipped"
            log_rows.append({"path": item.path, "record": item.record, "doc_id": None, "status": status,
                             "reason": item.reason})
            continue
        if item.doc_id in seen:
            base = item.path.rsplit(".", 1)[0].replace("/", "__")
            item.doc_id = base if item.record is None else f"{base}-{item.record + 1}"
        candidate, n = item.doc_id, 1
        while candidate in seen:
            n += 1
            candidate = f"{item.doc_id}~{n}"
        item.doc_id = candidate
        seen.add(candidate)
        yield item


def _learned_models(cache_dir: Path, docs: Iterator[RawDocument], *, need_names: bool):
    """Punkt parameters (and multi-word names for term counts) stored with the cache, else learned from
    the corpus' first SAMPLE_CHARS characters; returns them with the document stream, rewound."""
    model_path, splitter = cache_dir / "sentence-model.json", None
    if model_path.exists():
        try:
            splitter = SentenceSplitter.from_json(model_path.read_text("utf-8"))
        except (ValueError, KeyError):
            splitter = None
    names = stage_mod.stored_term_names(cache_dir)
    if splitter is not None and (names is not None or not need_names):
        return splitter, names or [], docs
    head, texts = [], []
    for raw in docs:
        head.append(raw)
        texts.append(clean_text(raw.raw_text).text)
        if sum(map(len, texts)) >= SAMPLE_CHARS:
            break
    if splitter is None:
        splitter = SentenceSplitter.for_texts(texts, max_chars=SAMPLE_CHARS)
        write_text_atomic(model_path, splitter.to_json())
    if names is None and need_names:
        from .tokens import find_names

        names = find_names(texts)
        stage_mod.store_term_names(cache_dir, names)
    return splitter, names or [], itertools.chain(head, docs)


def _tables(cache_dir: Path, stages: list[str], *, registry, names) -> dict[str, Table]:
    tables = {name: Table(cache_dir / name) for name in PARSE_TABLES}
    for stage in stages:
        options = stage_mod.stage_options(stage, registry=registry, names=names)
        tables[stage] = stage_mod.stage_table(cache_dir, stage, **options)
    return tables


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _run(tasks: Iterator[dict], context: dict, *, workers: int | None) -> Iterator[dict]:
    """Results of `_work` for each task, in task order, inline or in worker processes.

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
        yield from map(_work, tasks)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(context,)) as pool:
        window: list = []
        for task in tasks:
            window.append(pool.submit(_work, task))
            if len(window) > 2 * workers:  # bounded: memory does not grow with the corpus
                yield window.pop(0).result()
        for future in window:
            yield future.result()


_CONTEXT: dict = {}


def _init_worker(context: dict) -> None:
    _CONTEXT.clear()
    _CONTEXT.update(context, splitter=SentenceSplitter.from_json(context["splitter"]))


def work_with(context: dict, task: dict) -> dict:
    """`_work` in a process that may not have been initialised with this run's context (a Dask worker)."""
    if _CONTEXT.get("_source") is not context:  # a scattered context is one object per worker and run
        _init_worker(context)
        _CONTEXT["_source"] = context
    return _work(task)


def count_documents(root: Path | str, *, text_column: str | None, max_bytes: int) -> int:
    """How many documents the folder or URL `root` holds (one cheap pass: listing and decoding, no parsing)."""
    return sum(1 for item in read_corpus(root, text_column=text_column, max_bytes=max_bytes)
               if isinstance(item, RawDocument))


def _work(task: dict) -> dict:
    """Parse one chunk and run the stages it needs: {"tables": {name: (rows, keys)}, "seconds": {...}}."""
    from .corpus import chunk_corpus

    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    corpus, parsed = chunk_corpus(task["raws"], task["keys"], _CONTEXT["splitter"])
    seconds["parse"] = time.perf_counter() - t0
    out: dict[str, tuple[pd.DataFrame, list[str]]] = {}
    needs = task["needs"]
    for name in PARSE_TABLES:
        if needs[name]:
            out[name] = (parsed[name][parsed[name]["cache_key"].isin(needs[name])], sorted(needs[name]))
    registry = _CONTEXT.get("registry")
    entity_docs = set().union(*(needs.get(s, set()) for s in ("entities", "events", "pairs")))
    entities = None
    if entity_docs:
        t0 = time.perf_counter()
        entities = stage_mod.compute_entities(_subset(corpus, entity_docs), registry=registry)
        seconds["entities"] = time.perf_counter() - t0
    computations = {
        "entities": lambda sub: entities[entities["doc_id"].isin(sub.documents["doc_id"])],
        "timexes": stage_mod.compute_timexes,
        "events": lambda sub: stage_mod.compute_events(sub, entities=entities),
        "pairs": lambda sub: stage_mod.compute_pairs(sub, entities=entities),
        "terms": lambda sub: stage_mod.compute_terms(sub, names=_CONTEXT["names"]),
    }
    key_of = dict(zip(corpus.documents["doc_id"], corpus.documents["cache_key"]))
    for stage, compute in computations.items():
        if not needs.get(stage):
            continue
        t0 = time.perf_counter()
        rows = compute(_subset(corpus, needs[stage]))
        out[stage] = (rows.assign(cache_key=rows["doc_id"].map(key_of)), sorted(needs[stage]))
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - t0
    return {"tables": out, "seconds": seconds}


def _subset(corpus, keys: set[str]):
    docs = corpus.documents
    return corpus.subset(docs.loc[docs["cache_key"].isin(keys), "doc_id"])


def _duplicates(documents: Table, order: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Exact and near duplicates over the whole corpus, from the stored hashes and MinHash signatures."""
    from .duplicates import find_duplicates

    sigs = documents.read(order["cache_key"], columns=["text_hash", "minhash"])
    sigs = order[["doc_id", "cache_key"]].merge(sigs, on="cache_key", how="left")
    found = find_duplicates(sigs, threshold=threshold) if len(sigs) else pd.DataFrame(
        columns=["duplicate_of", "duplicate_kind", "duplicate_similarity"])
    return pd.concat([sigs[["cache_key"]], found], axis=1)


def temporary_cache() -> Path:
    """A fresh cache folder for a run that must not touch the user's cache (removed by the caller)."""
    return Path(tempfile.mkdtemp(prefix="coopnews-nocache-"))


def remove_cache(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
