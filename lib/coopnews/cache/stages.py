"""The stage table — entities, temporal expressions, dated events, cooperation pairs, term counts — and the
per-document cache of each stage's rows.

A stage's rows for one document depend only on that document (and the stage's options), so they are
stored per document in the corpus cache (coopnews.cache.tables) and a later call computes only the
documents it has not seen. `STAGES` says, once, what each stage is: its version, what its rows depend on
besides the document, how they are computed and their columns. The pipeline (coopnews.scale.pipeline), the
Dask engine and the cached accessors (coopnews.scale.access) all read it.

The corpus models (Punkt parameters, the multi-word names the terms stage merges) are stored here too,
learned from the corpus' first SAMPLE_CHARS characters, with a fingerprint of that sample: when the sample
changes (files added before the others, edited or removed) they are learned again, so a corpus gets the
same models, hence the same sentences and cache keys, whatever the cache's history.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..corpus.sentences import PARAMETER_FIELDS, SAMPLE_CHARS, SentenceSplitter, corpus_sample
from ..partners.entities import ENTITY_COLUMNS, extract_entities
from ..partners.registry import as_registry
from ..partners.relations import PAIR_COLUMNS, extract_pairs
from ..terms.frequencies import term_counts
from ..terms.tokens import Tokenizer, corpus_names, stem
from ..timeline.events import EVENT_COLUMNS, extract_events
from ..timeline.timex import TIMEX_COLUMNS, extract_timexes_many
from .atomic import write_text_atomic
from .code import code_fingerprint
from .tables import Table

SENTENCE_MODEL = "sentence-model.json"  # in the corpus cache folder
TERM_NAMES = "term-names.json"
SAMPLE_SUFFIX = ".sample"  # beside each model: the fingerprint of the texts it was learned on
TERM_COLUMNS = {"doc_id": "document", "form": "word form or merged multi-word name",
                "count": "occurrences in the document",
                "doc_tokens": "tokens in the document, stopwords included (the denominator for rates and keyness)",
                "stem": "the form's Snowball stem (a multi-word name is its own stem): what stem groups join"}


# --- the pure per-document computations --------------------------------------------------------------

def compute_entities(corpus, *, registry=None, progress: bool = False, **_) -> pd.DataFrame:
    """coopnews.partners.entities.extract_entities of every document."""
    return extract_entities(corpus, registry=registry, progress=progress)


def compute_timexes(corpus, **_) -> pd.DataFrame:
    """TIMEX3 expressions of every document, anchored on its publication date: doc_id + TIMEX_COLUMNS."""
    docs = corpus.documents
    anchors = [None if pd.isna(d) else str(d) for d in docs["date"]]
    languages = docs["language"].tolist() if "language" in docs else None
    table = extract_timexes_many(docs["text"].tolist(), anchors=anchors, languages=languages)
    table.insert(0, "doc_id", docs["doc_id"].to_numpy()[table["doc"].to_numpy()] if len(table) else [])
    return table[["doc_id", *TIMEX_COLUMNS]]


def compute_events(corpus, *, entities: pd.DataFrame, pairs: pd.DataFrame | None = None, **_) -> pd.DataFrame:
    """Dated events of every document, duplicates included (they are dropped when read, not here): the dates
    of the cooperation relations (the pairs stage's rows of the same documents, computed here when not given)
    and of event sentences."""
    originals = corpus.documents.assign(duplicate_of=None)
    subset = corpus.subset(originals["doc_id"], documents=originals)
    if pairs is None:
        pairs = extract_pairs(subset, entities=entities)
    return extract_events(subset, entities=entities, pairs=pairs)


def compute_pairs(corpus, *, entities: pd.DataFrame, **_) -> pd.DataFrame:
    """Cooperation pairs of every sentence (coopnews.partners.relations.extract_pairs)."""
    return extract_pairs(corpus, entities=entities)


def compute_terms(corpus, *, names: list[str], **_) -> pd.DataFrame:
    """Per-document counts of each word form (doc_id, form, count, doc_tokens, stem), names merged. The stems
    are stored so that reading the counts back (`coopnews keywords` on an unchanged folder) stems nothing."""
    counts = term_counts(corpus.documents, tokenizer=Tokenizer(names=names), stems=False)
    return counts.assign(stem=counts["form"].map(stem))[list(TERM_COLUMNS)]


@dataclass(frozen=True)
class Stage:
    """One per-document stage: what its cached rows depend on and how they are computed."""

    name: str
    version: str  # bump to invalidate the cached rows
    depends_on: tuple[str, ...]  # besides the document: "registry" (its fingerprint), "names" (term names)
    compute: Callable[..., pd.DataFrame]  # (subcorpus, *, entities, names, registry, progress) -> rows
    columns: dict[str, str]  # the rows' documented columns
    needs_entities: bool = False  # compute takes the entity rows of the same documents
    needs_pairs: bool = False  # compute takes the pair rows of the same documents (the pairs stage runs first)


STAGES = {stage.name: stage for stage in (
    Stage("entities", "3", ("registry",), compute_entities, ENTITY_COLUMNS),
    Stage("timexes", "3", (), compute_timexes, {"doc_id": "document", **TIMEX_COLUMNS}),
    Stage("pairs", "3", ("registry",), compute_pairs, PAIR_COLUMNS, needs_entities=True),
    Stage("events", "3", ("registry",), compute_events, EVENT_COLUMNS, needs_entities=True, needs_pairs=True),
    Stage("terms", "4", ("names",), compute_terms, TERM_COLUMNS),
)}


def stage_options(stage: str, *, registry=None, names: list[str] | None = None) -> dict:
    """What a stage's cached rows depend on besides the document (part of its cache folder's name)."""
    given = {"registry": lambda: registry_fingerprint(registry), "names": lambda: names}
    return {key: given[key]() for key in STAGES[stage].depends_on}


def registry_fingerprint(registry=None) -> str:
    return as_registry(registry).fingerprint()


def options_fingerprint(stage: str, **options) -> str:
    """Identifies a stage's version, the code computing it (cache.code) and its options in the cache folder
    name."""
    payload = json.dumps([stage, STAGES[stage].version, code_fingerprint(), options], sort_keys=True, default=str)
    return f"{stage}-{hashlib.sha1(payload.encode()).hexdigest()[:12]}"


def stage_table(cache_dir: Path, stage: str, **options) -> Table:
    """The cache table holding `stage`'s rows computed with `options`."""
    return Table(Path(cache_dir) / "stages" / options_fingerprint(stage, **options))


# --- the cache of a stage's rows ------------------------------------------------------------------------

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


def stage_rows(corpus, stage: str, *, registry=None, progress: bool = False) -> pd.DataFrame:
    """`stage`'s rows for every document of `corpus`, from the corpus cache (the missing ones computed and
    stored first); computed afresh when the corpus has no cache."""
    options, compute = _stage_work(corpus, stage, registry=registry, progress=progress)
    table = None if corpus.cache_dir is None else stage_table(corpus.cache_dir, stage, **options)
    return cached(corpus, table, compute)


def filled_table(corpus, stage: str, *, registry=None) -> Table:
    """The cache table of `stage` for `corpus` (with the options that stage's rows depend on), every
    document's rows computed first where missing; its rows are not read."""
    if corpus.cache_dir is None:
        raise ValueError("this needs the corpus cache: load the corpus with use_cache=True")
    options, compute = _stage_work(corpus, stage, registry=registry)
    return filled(corpus, stage_table(corpus.cache_dir, stage, **options), compute)


def _stage_work(corpus, stage: str, *, registry=None, progress: bool = False):
    """The stage's cache options for `corpus` and the function computing its rows for a subcorpus; a stage
    that needs entities gets the cached entity rows of the same documents."""
    spec = STAGES[stage]
    names = term_names(corpus) if "names" in spec.depends_on else None

    def compute(sub) -> pd.DataFrame:
        found = stage_rows(sub, "entities", registry=registry, progress=progress) if spec.needs_entities else None
        pairs = stage_rows(sub, "pairs", registry=registry, progress=progress) if spec.needs_pairs else None
        return spec.compute(sub, entities=found, pairs=pairs, names=names, registry=registry, progress=progress)

    return stage_options(stage, registry=registry, names=names), compute


# --- the corpus models ----------------------------------------------------------------------------------

def corpus_models(cache_dir: Path | None, texts: Iterable[str], *, splitter: bool = True,
                  names: bool = True) -> tuple[SentenceSplitter | None, list[str] | None]:
    """The corpus' sentence splitter and multi-word term names (each only when asked), learned from the
    corpus' first SAMPLE_CHARS characters of `texts` (cleaned document texts in corpus order): those stored
    with the cache when they were learned on the same sample, else learned now and stored (with the
    sample's fingerprint). `texts` is read only as far as the sample needs."""
    sample = corpus_sample(texts, max_chars=SAMPLE_CHARS)
    fingerprint = f"{sample_fingerprint(sample)}:{code_fingerprint()}"  # the sample and the code learning on it
    found_splitter = found_names = None
    if splitter:
        found_splitter = stored_splitter(cache_dir) if _learned_on(cache_dir, SENTENCE_MODEL) == fingerprint else None
        if found_splitter is None:
            found_splitter = SentenceSplitter.for_texts(sample)
            _store(cache_dir, SENTENCE_MODEL, found_splitter.to_json(), fingerprint)
    if names:
        found_names = stored_term_names(cache_dir) if _learned_on(cache_dir, TERM_NAMES) == fingerprint else None
        if found_names is None:
            found_names = corpus_names(sample)
            _store(cache_dir, TERM_NAMES, json.dumps(found_names, ensure_ascii=False), fingerprint)
    return found_splitter, found_names


def _learned_on(cache_dir: Path | None, model: str) -> str | None:
    """The fingerprint of the sample a stored model was learned on; None when unknown."""
    path = None if cache_dir is None else Path(cache_dir) / f"{model}{SAMPLE_SUFFIX}"
    return path.read_text("utf-8").strip() if path is not None and path.exists() else None


def _store(cache_dir: Path | None, model: str, text: str, fingerprint: str) -> None:
    """Write a model, then the fingerprint of what it was learned on (a model without one is learned again)."""
    if cache_dir is None:
        return
    (Path(cache_dir) / f"{model}{SAMPLE_SUFFIX}").unlink(missing_ok=True)
    write_text_atomic(Path(cache_dir) / model, text)
    write_text_atomic(Path(cache_dir) / f"{model}{SAMPLE_SUFFIX}", fingerprint)


def sample_fingerprint(sample: list[str]) -> str:
    """SHA-1 of the texts a corpus' models learn from."""
    digest = hashlib.sha1()
    for text in sample:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()


def term_names(corpus) -> list[str]:
    """The multi-word names merged by the terms stage: those stored with the corpus cache, else learned from
    the corpus' first SAMPLE_CHARS characters (as the pipeline does) and stored."""
    _, names = corpus_models(corpus.cache_dir, corpus.documents["text"], splitter=False)
    return names


def stored_splitter(cache_dir: Path | None) -> SentenceSplitter | None:
    """The Punkt parameters stored with a corpus cache; None when there are none (or they are unreadable)."""
    path = None if cache_dir is None else Path(cache_dir) / SENTENCE_MODEL
    if path is None or not path.exists():
        return None
    try:
        return SentenceSplitter.from_json(path.read_text("utf-8"))
    except (ValueError, KeyError):
        return None


def stored_splitter_exists(cache_dir: Path | None) -> bool:
    """Whether a corpus cache holds readable Punkt parameters (read as JSON only: building the splitter
    imports NLTK, which a run that finds everything cached does not need)."""
    path = None if cache_dir is None else Path(cache_dir) / SENTENCE_MODEL
    try:
        data = json.loads(path.read_text("utf-8")) if path is not None and path.exists() else None
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and set(PARAMETER_FIELDS) <= data.keys()


def stored_term_names(cache_dir: Path | None) -> list[str] | None:
    """The multi-word names stored with a corpus cache by the pipeline; None when there are none yet (or
    they are unreadable)."""
    path = None if cache_dir is None else Path(cache_dir) / TERM_NAMES
    if path is None or not path.exists():
        return None
    try:
        return json.loads(path.read_text("utf-8"))
    except ValueError:
        return None
