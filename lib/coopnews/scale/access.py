"""What notebooks, reports and the command line read: a loaded corpus and its per-document tables, each
computed once per document and cached.

    corpus = load_corpus("seeds", stages=("events", "pairs"))  # parsed and computed in worker processes
    entities(corpus), timexes(corpus), events(corpus), pairs(corpus), terms(corpus)
    tables = partner_tables(corpus)     # the entity and pair tables coopnews.partners.profiles compares

The stages (coopnews.corpus, .terms, .timeline, .partners) take and return DataFrames; these accessors
compose them through the stage table and its cache (coopnews.cache.stages), so a stage that needs entities
gets the cached ones. Rows the cache lacks are computed in the calling process; give load_corpus the stages
you will read to compute them once, in parallel (the command line and the report batch do).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..cache.stages import STAGES, stage_rows, term_names
from ..corpus.tables import Corpus
from ..partners.aliases import corpus_aliases, entities_with_aliases, events_with_aliases, pairs_with_aliases
from ..partners.profiles import PartnerTables
from ..partners.registry import as_registry
from .pipeline import process, remove_cache, temporary_cache

ALL_STAGES = tuple(STAGES)  # every per-document stage, for load_corpus(path, stages=ALL_STAGES)

__all__ = ["ALL_STAGES", "entities", "events", "load_corpus", "pairs", "partner_tables", "term_names", "terms", "timexes"]


def load_corpus(path: str | Path, *, text_column: str | None = None, max_bytes: int = 10_000_000,
                near_duplicate_threshold: float = 0.8, use_cache: bool = True, progress: bool = True,
                workers: int | None = None, stages: Iterable[str] = (), registry=None) -> Corpus:
    """Read every supported file under `path` into a Corpus; bad files are logged with a reason.

    New documents are parsed in `workers` processes (default: one per core once there are two chunks of
    work or more) and stored in the cache; the result is the same whatever the number of workers. `stages`
    (names of coopnews.cache.stages.STAGES, e.g. ("events", "pairs"), or ALL_STAGES) are computed in the same
    pass for the documents the cache lacks, with `registry` (default: the packaged one), so that the accessors
    below only read them. An unchanged folder is not read again: its file stats match the last run's.
    """
    cache_dir = None if use_cache else temporary_cache()
    try:
        manifest = process(path, text_column=text_column, max_bytes=max_bytes, workers=workers, stages=stages,
                           registry=registry, near_duplicate_threshold=near_duplicate_threshold, progress=progress,
                           cache_dir=cache_dir)
        return manifest.corpus(keep_cache=use_cache)
    finally:
        if cache_dir is not None:
            remove_cache(cache_dir)  # whatever happened: no coopnews-nocache-* folder is left behind


def entities(corpus: Corpus, *, registry=None, progress: bool = False) -> pd.DataFrame:
    """coopnews.partners.entities.extract_entities, cached per document and registry, with acronyms that
    stand alone named as the corpus' other documents name them (coopnews.partners.aliases)."""
    rows = _document_entities(corpus, registry=registry, progress=progress)
    return entities_with_aliases(rows, corpus_aliases(rows))


def _document_entities(corpus: Corpus, *, registry=None, progress: bool = False) -> pd.DataFrame:
    return stage_rows(corpus, "entities", registry=registry, progress=progress)


def _aliases(corpus: Corpus, registry=None) -> dict:
    return corpus_aliases(_document_entities(corpus, registry=registry))


def timexes(corpus: Corpus) -> pd.DataFrame:
    """Temporal expressions of every document (doc_id + coopnews.timeline.timex.TIMEX_COLUMNS), cached."""
    return stage_rows(corpus, "timexes")


def events(corpus: Corpus, *, registry=None, progress: bool = False) -> pd.DataFrame:
    """coopnews.timeline.events.extract_events of the original (non-duplicate) documents, cached per document."""
    rows = stage_rows(corpus, "events", registry=registry, progress=progress)
    originals = set(corpus.documents.loc[corpus.documents["duplicate_of"].isna(), "doc_id"])
    rows = rows[rows["doc_id"].isin(originals)].reset_index(drop=True)
    return events_with_aliases(rows, _aliases(corpus, registry)) if not rows.empty else rows


def pairs(corpus: Corpus, *, registry=None, progress: bool = False) -> pd.DataFrame:
    """coopnews.partners.relations.extract_pairs, cached per document and registry, acronyms named as in
    entities()."""
    rows = stage_rows(corpus, "pairs", registry=registry, progress=progress)
    return pairs_with_aliases(rows, _aliases(corpus, registry)) if not rows.empty else rows


def terms(corpus: Corpus) -> pd.DataFrame:
    """Per-document word-form counts (doc_id, form, count, doc_tokens, stem), cached, with the multi-word names the
    corpus' models merge (term_names)."""
    return stage_rows(corpus, "terms")


def partner_tables(corpus: Corpus, *, registry=None, progress: bool = False) -> PartnerTables:
    """The entities and cooperation pairs of a corpus (cached per document and registry) for
    coopnews.partners.profiles."""
    reg = as_registry(registry)
    docs = corpus.documents[["doc_id", "text", "date"]].copy()
    rows = _document_entities(corpus, registry=reg, progress=progress)
    aliases = corpus_aliases(rows)
    return PartnerTables(docs, corpus.sentences, entities_with_aliases(rows, aliases),
                         pairs_with_aliases(stage_rows(corpus, "pairs", registry=reg, progress=progress), aliases))
