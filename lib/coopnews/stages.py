"""Per-document stages — entities, temporal expressions, dated events, cooperation pairs, term counts —
and their cache.

A stage's rows for one document depend only on that document (and the stage's options), so they are
stored per document in the corpus cache (`coopnews.store`) and a later call computes only the documents
it has not seen. Notebooks and reports call the cached accessors (`entities(corpus)`, `events(corpus)`,
…); `coopnews.pipeline` fills the same cache in bulk over worker processes.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from .store import Table

VERSIONS = {"entities": "1", "timexes": "1", "events": "1", "pairs": "1", "terms": "1"}
STAGES = tuple(VERSIONS)
TERM_NAMES = "term-names.json"  # in the corpus cache folder


# --- the pure per-document computations --------------------------------------------------------------

def compute_entities(corpus, *, registry=None, progress: bool = False) -> pd.DataFrame:
    from .entities import extract_entities

    return extract_entities(corpus, registry=registry, progress=progress)


def compute_timexes(corpus) -> pd.DataFrame:
    """TIMEX3 expressions of every document, anchored on its publication date: doc_id + TIMEX_COLUMNS."""
    from .timex import TIMEX_COLUMNS, extract_timexes_many

    docs = corpus.documents
    anchors = [None if pd.isna(d) else str(d) for d in docs["date"]]
    table = extract_timexes_many(docs["text"].tolist(), anchors=anchors)
    table.insert(0, "doc_id", docs["doc_id"].to_numpy()[table["doc"].to_numpy()] if len(table) else [])
    return table[["doc_id", *TIMEX_COLUMNS]]


def compute_events(corpus, *, entities: pd.DataFrame) -> pd.DataFrame:
    from .events import extract_events

    originals = corpus.documents.assign(duplicate_of=None)  # duplicates are dropped when read, not here
    return extract_events(corpus.subset(originals["doc_id"], documents=originals), entities=entities)


def compute_pairs(corpus, *, entities: pd.DataFrame) -> pd.DataFrame:
    from .pairs import extract_pairs

    return extract_pairs(corpus, entities=entities)


def compute_terms(corpus, *, names: list[str]) -> pd.DataFrame:
    """Per-document counts of each word form (doc_id, form, count, doc_tokens), names merged."""
    from .keywords import term_counts
    from .tokens import Tokenizer

    counts = term_counts(corpus.documents, tokenizer=Tokenizer(names=names), stems=False)
    return counts[["doc_id", "form", "count", "doc_tokens"]]


# --- the cache -------------------------------------------------------------------------------------

def options_fingerprint(stage: str, **options) -> str:
    """Identifies a stage's version and options in the cache folder name."""
    payload = json.dumps([stage, VERSIONS[stage], options], sort_keys=True, default=str)
    return f"{stage}-{hashlib.sha1(payload.encode()).hexdigest()[:12]}"


def stage_table(cache_dir: Path, stage: str, **options) -> Table:
    return Table(Path(cache_dir) / "stages" / options_fingerprint(stage, **options))


def registry_fingerprint(registry=None) -> str:
    from .registry import as_registry

    return as_registry(registry).fingerprint()


def cached(corpus, table: Table | None, compute) -> pd.DataFrame:
    """Rows of `compute(subcorpus)` for every document of `corpus`, computing only what `table` lacks.

    Rows come back in corpus order (then in computed order within a document), with current doc_ids.
    """
    docs = corpus.documents
    if table is None or "cache_key" not in docs:
        return compute(corpus)
    filled(corpus, table, compute)
    return table.read_for(docs["cache_key"], docs["doc_id"]).drop(columns="cache_key")


def filled(corpus, table: Table, compute) -> Table:
    """`table` once it holds the rows of every document of `corpus` (the missing ones computed now)."""
    docs = corpus.documents
    missing = docs[~docs["cache_key"].isin(table.keys())]
    if len(missing):
        rows = compute(corpus.subset(missing["doc_id"]))
        key_of = dict(zip(missing["doc_id"], missing["cache_key"]))
        table.append(rows.assign(cache_key=rows["doc_id"].map(key_of)), missing["cache_key"])
    return table


def entities(corpus, *, registry=None, progress: bool = False) -> pd.DataFrame:
    """coopnews.entities.extract_entities, cached per document and registry."""
    return _cached_stage(corpus, "entities", registry=registry, progress=progress)


def timexes(corpus) -> pd.DataFrame:
    """Temporal expressions of every document (doc_id + coopnews.timex.TIMEX_COLUMNS), cached."""
    return _cached_stage(corpus, "timexes")


def events(corpus, *, registry=None, progress: bool = False) -> pd.DataFrame:
    """coopnews.events.extract_events of the original (non-duplicate) documents, cached per document."""
    rows = _cached_stage(corpus, "events", registry=registry, progress=progress)
    originals = set(corpus.documents.loc[corpus.documents["duplicate_of"].isna(), "doc_id"])
    return rows[rows["doc_id"].isin(originals)].reset_index(drop=True)


def pairs(corpus, *, registry=None, progress: bool = False) -> pd.DataFrame:
    """coopnews.pairs.extract_pairs, cached per document and registry."""
    return _cached_stage(corpus, "pairs", registry=registry, progress=progress)


def terms(corpus) -> pd.DataFrame:
    """Per-document word-form counts (compute_terms: doc_id, form, count, doc_tokens), cached, with the
    multi-word names the pipeline learned for this corpus."""
    return _cached_stage(corpus, "terms")


def term_names(corpus) -> list[str]:
    """The multi-word names merged by the terms stage: those stored with the cache, else found in the
    corpus' first SAMPLE_CHARS characters (as the pipeline does) and stored."""
    from .pipeline import SAMPLE_CHARS
    from .tokens import find_names

    stored = None if corpus.cache_dir is None else stored_term_names(corpus.cache_dir)
    if stored is not None:
        return stored
    texts, size = [], 0
    for text in corpus.documents["text"]:
        texts.append(text)
        size += len(text)
        if size >= SAMPLE_CHARS:
            break
    names = find_names(texts)
    if corpus.cache_dir is not None:
        store_term_names(corpus.cache_dir, names)
    return names


def stored_term_names(cache_dir) -> list[str] | None:
    """The multi-word names stored with a corpus cache by the pipeline; None when there are none yet."""
    path = Path(cache_dir) / TERM_NAMES
    return json.loads(path.read_text("utf-8")) if path.exists() else None


def store_term_names(cache_dir, names: list[str]) -> None:
    from .files import write_text_atomic

    write_text_atomic(Path(cache_dir) / TERM_NAMES, json.dumps(names, ensure_ascii=False))


def table_for(corpus, stage: str, *, registry=None) -> Table:
    """The cache table of `stage` for `corpus` (with the options that stage's rows depend on), every
    document's rows computed first where missing; its rows are not read."""
    if corpus.cache_dir is None:
        raise ValueError("this needs the corpus cache: load the corpus with use_cache=True")
    options, compute = _stage_work(corpus, stage, registry=registry)
    return filled(corpus, _table(corpus, stage, **options), compute)


def stage_options(stage: str, *, registry=None, names: list[str] | None = None) -> dict:
    """What a stage's cached rows depend on besides the document (part of its cache folder's name)."""
    if stage == "terms":
        return {"names": names}
    return {} if stage == "timexes" else {"registry": registry_fingerprint(registry)}


def _stage_work(corpus, stage: str, *, registry=None, progress: bool = False):
    """The stage's cache options for `corpus` and the function computing its rows for a subcorpus."""
    names = term_names(corpus) if stage == "terms" else None
    compute = {
        "entities": lambda sub: compute_entities(sub, registry=registry, progress=progress),
        "timexes": compute_timexes,
        "events": lambda sub: compute_events(sub, entities=entities(sub, registry=registry, progress=progress)),
        "pairs": lambda sub: compute_pairs(sub, entities=entities(sub, registry=registry, progress=progress)),
        "terms": lambda sub: compute_terms(sub, names=names),
    }[stage]
    return stage_options(stage, registry=registry, names=names), compute


def _cached_stage(corpus, stage: str, *, registry=None, progress: bool = False) -> pd.DataFrame:
    options, compute = _stage_work(corpus, stage, registry=registry, progress=progress)
    return cached(corpus, _table(corpus, stage, **options), compute)


def _table(corpus, stage: str, **options) -> Table | None:
    return None if corpus.cache_dir is None else stage_table(corpus.cache_dir, stage, **options)
