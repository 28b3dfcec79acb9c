"""The per-document pipeline over a corpus folder, streamed through worker processes into the cache.

    manifest = process("articles/", stages=STAGES, workers=2)   # parse → entities → timexes → events → pairs → terms
    corpus = manifest.corpus()                                   # the same Corpus as load_corpus()

Documents are read lazily, in chunks; only a window of chunks is in flight, so memory does not grow
with the corpus. Every result is stored per document in the corpus cache (coopnews.cache.tables), keyed by
the document's content: a re-run reads the cache, a grown corpus processes only its new documents,
and the tables are the same whatever the number of workers.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from ..cache.code import code_fingerprint
from ..cache.paths import corpus_cache_dir
from ..cache.stages import (STAGES, corpus_models, stage_options, stage_table, stored_splitter, stored_splitter_exists,
                             stored_term_names)
from ..cache.tables import Table, read_partition
from ..corpus.clean import clean_text
from ..corpus.duplicates import find_duplicates
from ..corpus.read import RawDocument, Skipped, corpus_location, corpus_root, read_corpus, read_corpus_file
from ..corpus.tables import DOCUMENT_COLUMNS, LOG_COLUMNS, PARSER_VERSION, REMOVED_COLUMNS, SENTENCE_COLUMNS, \
    Corpus, records_frame
from .dask import dask_client, run_on_dask
from .snapshot import folder_stamp, read_snapshot, write_snapshot
from .totals import TOTALS
from .totals import totals as aggregate_totals
from .workers import PARSE_TABLES, run_locally

ENGINES = ("local", "dask")


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
    totals: dict = field(default_factory=dict)  # name → corpus total (coopnews.scale.totals.TOTAL_COLUMNS)

    def corpus(self, *, keep_cache: bool = True) -> Corpus:
        """The Corpus (documents, sentences, removed, log) read back from the cache."""
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
    `totals` (names of coopnews.scale.totals.TOTALS) are then combined over the whole corpus with the same
    engine and returned in `Manifest.totals`.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    root = corpus_root(path)  # a Path for a local folder, else the URL (s3://…, memory://…)
    corpus_location(root)  # FileNotFoundError / ValueError naming the location and the fix
    requested = set(stages)
    unknown = sorted(requested - set(STAGES))
    if unknown:
        raise ValueError(f"unknown stage(s) {unknown}; choose from {', '.join(STAGES)}")
    if any(STAGES[s].needs_pairs for s in requested):
        requested.add("pairs")  # events are dated relations: the pairs are kept, not computed twice
    if any(STAGES[s].needs_entities for s in requested):
        requested.add("entities")  # computed once, cached, and read by every stage built on them
    stages = [s for s in STAGES if s in requested]
    totals = list(totals)
    unknown = sorted(set(totals) - set(TOTALS))
    if unknown:
        raise ValueError(f"unknown total(s) {unknown}; choose from {', '.join(TOTALS)}")
    missing = sorted({TOTALS[t].stage for t in totals} - {*stages, *PARSE_TABLES})
    if missing:
        raise ValueError(f"totals {totals} need the stage(s) {missing}: add them to stages")
    cache_dir = Path(cache_dir) if cache_dir else corpus_cache_dir(root)
    started = time.perf_counter()
    stamp = folder_stamp(root, text_column=text_column, max_bytes=max_bytes,
                         threshold=near_duplicate_threshold) if isinstance(root, Path) else None
    with _engine(engine, scheduler=scheduler, workers=workers) as client:
        manifest = _unchanged(root, cache_dir, stamp, stages, registry=registry, text_column=text_column,
                              max_bytes=max_bytes, workers=workers, chunk_size=chunk_size, progress=progress,
                              client=client)
        if manifest is None:
            manifest = _run(root, cache_dir, stages, text_column=text_column, max_bytes=max_bytes, workers=workers,
                            chunk_size=chunk_size, partitions=partitions, threshold=near_duplicate_threshold,
                            progress=progress, registry=registry, client=client)
            if stamp is not None:
                write_snapshot(cache_dir, stamp, manifest.order, manifest.log, manifest.duplicates,
                               {"sentence_model": manifest.sentence_model,
                                "characters": manifest.stats["characters"]})
        t0 = time.perf_counter()
        for name in totals:
            manifest.totals[name] = aggregate_totals(manifest, name, registry=registry, client=client,
                                                     workers=workers or 1)
        if totals:
            manifest.stats["seconds"]["totals"] = time.perf_counter() - t0
    manifest.stats["seconds"]["total"] = time.perf_counter() - started
    return manifest


def _unchanged(root, cache_dir: Path, stamp: str | None, stages: list[str], *, registry, text_column,
               max_bytes: int, workers, chunk_size: int, progress: bool, client) -> Manifest | None:
    """The manifest of the last run when the folder's files are unchanged since (same stamp), its documents
    parsed in the cache and the stage tables completed: only the files of documents some stage lacks are
    read again. None when the folder must be read as a whole (changed, or a cache that cannot say)."""
    found = None if stamp is None else read_snapshot(cache_dir, stamp)
    names = stored_term_names(cache_dir) if any("names" in STAGES[s].depends_on for s in stages) else []
    if found is None or not stored_splitter_exists(cache_dir) or names is None:
        return None
    order, log, duplicates, facts = found
    keys = set(order["cache_key"])
    tables = _tables(cache_dir, stages, registry=registry, names=names)
    known = {name: table.keys() for name, table in tables.items()}
    if any(not keys <= known[name] for name in PARSE_TABLES):
        return None
    stats = {"documents": len(order), "characters": facts.get("characters", 0),
             "new": {name: 0 for name in tables}, "seconds": {}, "unchanged": True}
    lacking = order[~order["cache_key"].isin(set.intersection(*known.values()))]
    if len(lacking):
        splitter = stored_splitter(cache_dir)  # built only now: it imports NLTK (1.3 s of every command)
        if splitter is None:
            return None
        prefix = key_prefix(splitter)
        raws = _reread(root, lacking, text_column=text_column, max_bytes=max_bytes, prefix=prefix)
        context = {"splitter": splitter.to_json(), "names": names, "registry": registry}
        try:
            _fill(tables, raws, context, stats, prefix=prefix, workers=workers, chunk_size=chunk_size,
                  progress=progress, client=client)
        except _Changed:
            return None  # what was stored is right for its documents; the folder is now read as a whole
    return Manifest(root, cache_dir, order, log, facts["sentence_model"], duplicates, stats)


class _Changed(Exception):
    """A file of an unchanged-looking folder no longer gives the document the snapshot says it gave."""


def _reread(root, lacking: pd.DataFrame, *, text_column, max_bytes: int, prefix: str) -> Iterator[RawDocument]:
    """The raw documents of `lacking` (rows of a manifest's order, in corpus order), read again from their files
    one file at a time, with their ids; _Changed if one no longer has the cache key it had."""
    for path, group in lacking.groupby("path", sort=False):
        wanted = {None if pd.isna(r) else int(r): (d, k) for d, k, r in zip(group["doc_id"], group["cache_key"],
                                                                            group["record"])}
        for item in read_corpus_file(root, path, text_column=text_column, max_bytes=max_bytes):
            if isinstance(item, RawDocument) and item.record in wanted:
                item.doc_id, key = wanted.pop(item.record)
                if cache_key(item, prefix) != key:
                    raise _Changed(path)
                yield item
        if wanted:
            raise _Changed(path)


def _run(root, cache_dir: Path, stages: list[str], *, text_column, max_bytes: int, workers, chunk_size: int,
         partitions, threshold: float, progress: bool, registry, client) -> Manifest:
    """Read the folder, run what the cache lacks (in local processes, or on Dask when `client` is given) and
    return the manifest (without totals)."""
    log_rows: list[dict] = []
    docs = _unique_documents(read_corpus(root, text_column=text_column, max_bytes=max_bytes), log_rows)
    splitter, names, docs = _learned_models(cache_dir, docs, need_names=any("names" in STAGES[s].depends_on
                                                                            for s in stages))
    tables = _tables(cache_dir, stages, registry=registry, names=names)
    if partitions:
        chunk_size = max(1, -(-count_documents(root, text_column=text_column, max_bytes=max_bytes) // partitions))
    order_rows: list[dict] = []
    stats = {"documents": 0, "characters": 0, "new": {name: 0 for name in tables}, "seconds": {}}

    def seen(chunk: list[RawDocument], keys: list[str]) -> None:
        for raw, key in zip(chunk, keys):
            order_rows.append({"doc_id": raw.doc_id, "cache_key": key, "path": raw.path, "record": raw.record})
            log_rows.append(log_row(raw))
            stats["characters"] += len(raw.raw_text)
        stats["documents"] += len(chunk)

    context = {"splitter": splitter.to_json(), "names": names, "registry": registry}
    _fill(tables, docs, context, stats, prefix=key_prefix(splitter), seen=seen,
          workers=workers, chunk_size=chunk_size, progress=progress, client=client)
    order = pd.DataFrame(order_rows, columns=["doc_id", "cache_key", "path", "record"])
    duplicates = _duplicates(tables["documents"], order, threshold)
    return Manifest(root, cache_dir, order, pd.DataFrame(log_rows), splitter.origin, duplicates, stats)


def _fill(tables: dict[str, Table], docs: Iterable[RawDocument], context: dict, stats: dict, *, prefix: str,
          seen=None, workers, chunk_size: int, progress: bool, client) -> None:
    """Run the work `tables` lack for `docs` in chunks (local processes, or on Dask when `client` is given) and
    append the results; `seen(chunk, keys)` is called for every chunk, in corpus order."""
    known = {name: table.keys() for name, table in tables.items()}
    cached = {name: _CachedRows(tables[name]) for name in ("entities", "pairs", *PARSE_TABLES) if name in tables}

    def tasks() -> Iterator[dict]:
        for chunk in _chunks(docs, chunk_size):
            keys = [cache_key(raw, prefix) for raw in chunk]
            if seen is not None:
                seen(chunk, keys)
            needs = {name: {k for k in keys if k not in known[name]} for name in tables}
            wanted = set().union(*needs.values())
            if wanted:
                task = {"raws": [r for r, k in zip(chunk, keys) if k in wanted],
                        "keys": [k for k in keys if k in wanted], "needs": needs}
                if not any(needs[name] for name in PARSE_TABLES):  # parsed before: send the stored rows
                    task = _with_stored_parse(task, chunk, keys, cached)
                yield _with_cached_inputs(task, chunk, keys, cached)
            bar.update(len(chunk))

    bar = tqdm(desc="processing documents", unit="doc", disable=not progress)
    if client is not None:
        results = run_on_dask(client, tasks(), context)
    else:
        results = run_locally(tasks(), context, workers=workers)
    for result in results:
        for name, (frame, keys) in result["tables"].items():
            tables[name].append(frame, keys)
            known[name].update(keys)
            stats["new"][name] += len(keys)
        for name, seconds in result["seconds"].items():
            stats["seconds"][name] = stats["seconds"].get(name, 0.0) + seconds
    bar.close()


def _with_stored_parse(task: dict, chunk: list[RawDocument], keys: list[str], sources: dict) -> dict:
    """The task with its documents' stored documents, sentences and removed rows (task["parsed"]) in place of
    their raw documents, which the worker would otherwise parse again (most of a stage's time on news)."""
    wanted = set(task["keys"])
    ids = [raw.doc_id for raw, key in zip(chunk, keys) if key in wanted]
    parsed = {name: sources[name].rows(task["keys"], ids) for name in PARSE_TABLES}
    return {**task, "raws": None, "parsed": parsed}


def _with_cached_inputs(task: dict, chunk: list[RawDocument], keys: list[str], sources: dict) -> dict:
    """The task, carrying the cached rows of the stages other stages are built on (entities, pairs) for its
    documents that need such a stage but already have those rows in the cache (coopnews.scale.workers reads
    them instead of computing): task["entities"] + task["entity_keys"], task["pairs"] + task["pair_keys"]."""
    needs = task["needs"]
    for name, flag, keys_field in (("entities", "needs_entities", "entity_keys"), ("pairs", "needs_pairs", "pair_keys")):
        reuse = set().union(*(needs[s] for s in needs if s in STAGES and getattr(STAGES[s], flag)))
        reuse -= needs.get(name, set())
        if sources.get(name) is None or not reuse:
            continue
        ids = [raw.doc_id for raw, key in zip(chunk, keys) if key in reuse]
        wanted = [key for key in keys if key in reuse]
        task = {**task, name: sources[name].rows(wanted, ids), keys_field: wanted}
    return task


class _CachedRows:
    """Rows of a cache table for a few documents at a time, keeping the last part file read in memory (the
    chunks of a run mostly fall in the same parts)."""

    def __init__(self, table: Table):
        self.table = table
        self._part: Path | None = None
        self._frame: pd.DataFrame | None = None

    def rows(self, keys: list[str], doc_ids: list[str]) -> pd.DataFrame:
        """The rows of the documents `keys` (with cache_key), in that order, labelled with `doc_ids`."""
        id_of, position = dict(zip(keys, doc_ids)), {key: i for i, key in enumerate(keys)}
        frames = []
        for part, mine in self.table.partitions(keys):
            if part != self._part:
                self._part, self._frame = part, read_partition(part, None)
            frames.append(self._frame[self._frame["cache_key"].isin(mine)])
        if not frames:
            return pd.DataFrame(columns=["doc_id", "cache_key"])
        rows = pd.concat(frames, ignore_index=True)
        rows = rows.assign(doc_id=rows["cache_key"].map(id_of), _pos=rows["cache_key"].map(position))
        return rows.sort_values("_pos", kind="stable").drop(columns="_pos").reset_index(drop=True)


@contextmanager
def _engine(engine: str, *, scheduler: str | None, workers: int | None):
    """A dask.distributed Client for the Dask engine (closed on exit), None for local processes."""
    if engine != "dask":
        yield None
        return
    with dask_client(scheduler, workers=workers) as client:
        yield client


def _unique_documents(stream, log_rows: list[dict]) -> Iterator[RawDocument]:
    """Documents with unique ids (a repeated stem gets its folder path); skipped items go to the log."""
    seen: set[str] = set()
    for item in stream:
        if isinstance(item, Skipped):
            log_rows.append({"path": item.path, "record": item.record, "doc_id": None, "status": item.status,
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
    """The corpus models (coopnews.cache.stages.corpus_models) learned from the cleaned texts of the first
    documents, and the document stream, rewound."""
    head: list[RawDocument] = []

    def texts() -> Iterator[str]:
        for raw in docs:
            head.append(raw)
            yield clean_text(raw.raw_text).text

    splitter, names = corpus_models(cache_dir, texts(), names=need_names)
    return splitter, names or [], itertools.chain(head, docs)


def _tables(cache_dir: Path, stages: list[str], *, registry, names) -> dict[str, Table]:
    tables = {name: Table(cache_dir / name) for name in PARSE_TABLES}
    for stage in stages:
        tables[stage] = stage_table(cache_dir, stage, **stage_options(stage, registry=registry, names=names))
    return tables


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def count_documents(root: Path | str, *, text_column: str | None, max_bytes: int) -> int:
    """How many documents the folder or URL `root` holds (one cheap pass: listing and decoding, no parsing)."""
    return sum(1 for item in read_corpus(root, text_column=text_column, max_bytes=max_bytes)
               if isinstance(item, RawDocument))


def _duplicates(documents: Table, order: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Exact and near duplicates over the whole corpus, from the stored hashes and MinHash signatures."""
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


def key_prefix(splitter) -> str:
    """What every document's cache key shares: the parser's version, the code's digest (cache.code) and the
    sentence splitter's fingerprint."""
    return f"{PARSER_VERSION}:{code_fingerprint()}:{splitter.fingerprint()}"


def cache_key(raw: RawDocument, prefix: str) -> str:
    """The key of a document's cached rows: its content, where it came from, its metadata, the parser."""
    payload = json.dumps([prefix, raw.content_hash, raw.path, raw.record, raw.fmt, raw.encoding, raw.meta],
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def log_row(raw: RawDocument) -> dict:
    return {"path": raw.path, "record": raw.record, "doc_id": raw.doc_id, "status": "ok", "reason": ""}


def corpus_from_cache(manifest: Manifest, *, keep_cache: bool = True) -> Corpus:
    """The Corpus tables of a processed folder, read back from its cache in corpus order (the sentence table,
    the largest, on first use when the cache is kept: the folder commands never read it)."""
    read = partial(_cached_rows, manifest.cache_dir, manifest.order[["cache_key", "doc_id"]])
    documents = read("documents", tuple(c for c in DOCUMENT_COLUMNS if not c.startswith("duplicate_")))
    documents = documents.merge(manifest.duplicates, on="cache_key", how="left")[list(DOCUMENT_COLUMNS)]
    documents["record"] = documents["record"].astype("Int64")
    sentences = partial(read, "sentences", tuple(SENTENCE_COLUMNS))
    corpus = _CachedCorpus(
        root=manifest.root,
        documents=documents,
        sentences=sentences if keep_cache else sentences(),
        removed=read("removed", tuple(REMOVED_COLUMNS)),
        log=records_frame(manifest.log.to_dict("records"), list(LOG_COLUMNS)),
        sentence_model=manifest.sentence_model,
        cache_dir=manifest.cache_dir if keep_cache else None,
    )
    if not keep_cache:
        remove_cache(manifest.cache_dir)
    return corpus


def _cached_rows(cache_dir: Path, order: pd.DataFrame, name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    """The rows of the cache table `name` for the documents of `order` (cache_key, doc_id), in that order."""
    table = Table(Path(cache_dir) / name).read_for(order["cache_key"], order["doc_id"])
    return table.reindex(columns=list(columns))


class _CachedCorpus(Corpus):
    """A Corpus read back from the cache whose `sentences` may be given as a function reading them: called
    on first use, once."""

    @property
    def sentences(self) -> pd.DataFrame:
        if callable(self._sentences):
            self._sentences = self._sentences()
        return self._sentences

    @sentences.setter
    def sentences(self, value) -> None:
        self._sentences = value
