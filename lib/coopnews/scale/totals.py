"""Corpus-level totals — term counts, keyness inputs, partner mentions, pair counts — as a map-reduce over
the per-document tables in the cache.

    totals(corpus, "terms")                     # form, count, documents
    totals(corpus, "bigrams")                   # w1, w2, count, documents (collocation inputs)
    totals(corpus, "group_terms", by="source")  # group, form, count, documents (keyness inputs)
    group_keyness(totals(corpus, "group_terms", by="source"), totals(corpus, "group_sizes", by="source"))

Map: one Parquet part of a stage table (only the rows of this corpus' documents) becomes a small partial
table of sums, minima and maxima per key. Reduce: `combine` merges partials; it is associative and
commutative, so partials merge in any grouping — a running total in the driver, or a tree of tasks on a
Dask cluster where only the partial tables travel, never the text — and give the same table. A document's
rows all live in one part, so "documents" counts add up across parts.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial as bind
from functools import reduce
from pathlib import Path

import pandas as pd

from ..cache.atomic import write_parquet_atomic
from ..cache.stages import filled_table, stage_options, stage_table, stored_term_names, term_names
from ..cache.tables import Table, read_partition
from ..terms.keyness import GROUP_KEYNESS_COLUMNS, compare, groups_from_column
from ..terms.tokens import Tokenizer, stem_groups
from .children import pool_worker_started, stop_pool
from .dask import map_reduce

TOTAL_COLUMNS = {
    "terms": {"form": "word form or merged multi-word name (as counted by the terms stage)",
              "count": "occurrences in the corpus", "documents": "documents containing it",
              "term": "the term it counts for: the commonest form of its stem (stem_groups, as term_counts shows it)"},
    "group_terms": {"group": "value of the document column `by` (one document may be in several groups)",
                    "form": "word form", "count": "occurrences in the group's documents",
                    "documents": "the group's documents containing it"},
    "group_sizes": {"group": "value of the document column `by`", "documents": "documents in the group",
                    "tokens": "tokens in them, stopwords included (the denominator for keyness)"},
    "bigrams": {"w1": "first word (a term: not a stopword)", "w2": "second word (a term), next to w1 in a document",
                "count": "occurrences of the pair", "documents": "documents containing it"},
    "partners": {"partner": "canonical name", "label": "ORG or PLACE (the smallest when a name has several)",
                 "type": "partner type", "country": "country; null when unknown", "mentions": "mentions",
                 "documents": "documents mentioning it"},
    "pairs": {"a": "partner first in name order", "b": "the other partner",
              "sentences": "cooperation sentences linking them", "documents": "documents with such a sentence",
              "first_date": "earliest TIMEX3 value with a known year among those sentences; null when none",
              "last_date": "latest such value"},
}


@dataclass(frozen=True)
class Total:
    """How one corpus total is read from a stage table, grouped and reduced."""

    stage: str  # the per-document table it reads
    columns: tuple[str, ...]  # the columns it reads
    keys: tuple[str, ...]  # group-by columns
    reducers: dict  # column → "sum" | "min" | "max"
    per_document: Callable[..., pd.DataFrame]  # part rows (+ group), options → one row per document and key
    order: tuple[str, ...]  # sort: the first reducer column descending, then the keys


def _term_rows(rows: pd.DataFrame, **_) -> pd.DataFrame:
    keys = ["group", "form"] if "group" in rows else ["form"]
    return rows.groupby([*keys, "cache_key"], sort=False).agg(count=("count", "sum")).reset_index() \
        .assign(documents=1)


def _size_rows(rows: pd.DataFrame, **_) -> pd.DataFrame:
    per_doc = rows.groupby(["group", "cache_key"], sort=False).agg(tokens=("doc_tokens", "first")).reset_index()
    return per_doc.assign(documents=1)


def _bigram_rows(rows: pd.DataFrame, *, names: list[str]) -> pd.DataFrame:
    tok, out = Tokenizer(names=names), []
    for key, text in zip(rows["cache_key"], rows["text"]):
        tokens = tok.tokens(text or "")
        pairs = Counter(p for p in zip(tokens, tokens[1:]) if tok.is_term(p[0]) and tok.is_term(p[1]))
        out.extend((w1, w2, key, n) for (w1, w2), n in pairs.items())
    return pd.DataFrame(out, columns=["w1", "w2", "cache_key", "count"]).assign(documents=1)


def _partner_rows(rows: pd.DataFrame, **_) -> pd.DataFrame:
    rows = rows.rename(columns={"canonical": "partner"})
    return rows.groupby(["partner", "cache_key"], sort=False, dropna=False).agg(
        label=("label", "min"), type=("type", "min"), country=("country", "min"),
        mentions=("text", "size")).reset_index().assign(documents=1)


def _pair_rows(rows: pd.DataFrame, **_) -> pd.DataFrame:
    a, b = rows["a"].astype(str), rows["b"].astype(str)
    dated = rows["date"].where(rows["date"].astype("str").str.match(r"\d{4}"))  # not XXXX-06-24 (year unknown)
    rows = rows.assign(a=a.where(a <= b, b), b=b.where(a <= b, a), date=dated)
    return rows.groupby(["a", "b", "cache_key"], sort=False).agg(
        sentences=("sent_id", "size"), first_date=("date", "min"), last_date=("date", "max")).reset_index() \
        .assign(documents=1)


TOTALS = {
    "terms": Total("terms", ("form", "count"), ("form",), {"count": "sum", "documents": "sum"}, _term_rows,
                   ("count", "form")),
    "group_terms": Total("terms", ("form", "count"), ("group", "form"), {"count": "sum", "documents": "sum"},
                         _term_rows, ("count", "group", "form")),
    "group_sizes": Total("terms", ("doc_tokens",), ("group",), {"documents": "sum", "tokens": "sum"}, _size_rows,
                         ("documents", "group")),
    "bigrams": Total("documents", ("text",), ("w1", "w2"), {"count": "sum", "documents": "sum"}, _bigram_rows,
                     ("count", "w1", "w2")),
    "partners": Total("entities", ("canonical", "label", "type", "country", "text"), ("partner",),
                      {"label": "min", "type": "min", "country": "min", "mentions": "sum", "documents": "sum"},
                      _partner_rows, ("mentions", "partner")),
    "pairs": Total("pairs", ("a", "b", "sent_id", "date"), ("a", "b"),
                   {"sentences": "sum", "documents": "sum", "first_date": "min", "last_date": "max"},
                   _pair_rows, ("sentences", "a", "b")),
}
TOTALS_VERSION = "2"  # bump when a total's columns change: stored totals of other versions are not read
GROUPED = {"group_terms", "group_sizes"}


# --- map and reduce ----------------------------------------------------------------------------------

def partial(name: str, rows: pd.DataFrame, groups: pd.DataFrame | None = None, **options) -> pd.DataFrame:
    """The partial total `name` of some documents' stage rows (with `groups` [cache_key, group] if grouped;
    `options` for the per-document step, e.g. the bigrams' `names`)."""
    spec = TOTALS[name]
    if groups is not None:
        rows = rows.merge(groups, on="cache_key", how="inner")
    if rows.empty:
        return _empty(name)
    return _reduced(spec, spec.per_document(rows, **options))


def combine(name: str, *partials: pd.DataFrame) -> pd.DataFrame:
    """Partials merged into one (associative and commutative: any grouping gives the same table)."""
    frames = [p for p in partials if len(p)]
    if not frames:
        return _empty(name)
    return _reduced(TOTALS[name], pd.concat(frames, ignore_index=True))


def finished(name: str, total: pd.DataFrame) -> pd.DataFrame:
    """The combined total in its documented columns and order: largest first, ties by key."""
    spec = TOTALS[name]
    ascending = [False] + [True] * (len(spec.order) - 1)
    table = total.sort_values(list(spec.order), ascending=ascending, kind="stable").reset_index(drop=True)
    if name == "terms":  # forms grouped under terms as coopnews.terms.frequencies.term_counts groups them
        table["term"] = table["form"].map(stem_groups(dict(zip(table["form"], table["count"]))))
    return table[list(TOTAL_COLUMNS[name])]


def _reduced(spec: Total, rows: pd.DataFrame) -> pd.DataFrame:
    out = rows.groupby(list(spec.keys), sort=True, dropna=False).agg(spec.reducers).reset_index()
    return out.astype({c: "int64" for c, how in spec.reducers.items() if how == "sum"})


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("count", "documents", "tokens", "mentions",
                                                              "sentences") else "str")
                         for c in TOTAL_COLUMNS[name]})


def partition_partial(task: dict) -> pd.DataFrame:
    """Map step, run where the part is readable (driver, worker process or Dask worker)."""
    spec = TOTALS[task["name"]]
    rows = read_partition(task["part"], task["keys"], columns=list(spec.columns))
    return partial(task["name"], rows, task.get("groups"), **task.get("options", {}))


def partition_tasks(name: str, table, cache_keys: Iterable[str], groups: pd.DataFrame | None = None,
                    options: dict | None = None) -> list[dict]:
    """One map task per Parquet part of `table` holding rows of `cache_keys` (with those documents' groups)."""
    parts = table.partitions(cache_keys)
    tasks = [{"name": name, "part": part, "keys": keys, "options": options or {}} for part, keys in parts]
    if groups is not None:
        part_of = {key: i for i, (_, keys) in enumerate(parts) for key in keys}
        split = dict(tuple(groups.groupby(groups["cache_key"].map(part_of), sort=False)))
        for i, task in enumerate(tasks):
            task["groups"] = split.get(i, groups.iloc[:0])
    return tasks


def reduce_locally(name: str, tasks: Iterable[dict], *, workers: int = 1) -> pd.DataFrame:
    """Map the tasks in `workers` processes and fold the partials as they arrive (a running total)."""
    fold = lambda total, part: combine(name, total, part)  # noqa: E731
    tasks = list(tasks)
    if workers <= 1 or len(tasks) < 2:
        return reduce(fold, map(partition_partial, tasks), _empty(name))
    pool = ProcessPoolExecutor(min(workers, len(tasks)), initializer=pool_worker_started)
    try:
        total = reduce(fold, pool.map(partition_partial, tasks), _empty(name))
    except BaseException:
        stop_pool(pool)  # no worker outlives an interrupted run
        raise
    pool.shutdown()
    return total


# --- what notebooks and the CLI call -----------------------------------------------------------------

def document_groups(documents: pd.DataFrame, by: str) -> pd.DataFrame:
    """[cache_key, group] for the document column `by` ("year" = the date's year); lists are exploded."""
    docs = documents
    if by == "year" and "year" not in docs:
        docs = docs.assign(year=docs["date"].str.slice(0, 4))
    long = groups_from_column(docs, by)
    key_of = dict(zip(docs["doc_id"], docs["cache_key"]))
    return pd.DataFrame({"cache_key": long["doc_id"].map(key_of), "group": long["group"]})


def totals(source, name: str, *, by: str | None = None, registry=None, client=None, workers: int = 1) -> pd.DataFrame:
    """TOTAL_COLUMNS[name] over the original (non-duplicate) documents of `source` (a Corpus, or the
    Manifest of coopnews.scale.pipeline.process) from their cached stage rows; a Corpus' missing rows are
    computed first. The group totals group by the document column `by` ("year" = the date's year;
    None = one group "all"). With a dask.distributed `client` the map-reduce runs on its cluster, else in
    `workers` local processes. The result is stored with the cache and reused while the documents and
    the stage options are unchanged."""
    if name not in TOTALS:
        raise ValueError(f"unknown total {name!r}; choose one of {', '.join(TOTALS)}")
    if by is not None and name not in GROUPED:
        raise ValueError(f"{name}: `by` only applies to {' and '.join(sorted(GROUPED))}")
    docs, table = _documents_and_table(source, TOTALS[name].stage, by=by, registry=registry)
    options = {"names": _term_names(source)} if name == "bigrams" else None
    asked = fingerprint(docs["cache_key"], TOTALS_VERSION, name, str(by), table.folder.name,
                        json.dumps(options, sort_keys=True))
    stored = Path(source.cache_dir) / "totals" / f"{name}-{asked}.parquet"
    if stored.exists():
        return pd.read_parquet(stored)
    groups = None
    if name in GROUPED:
        groups = document_groups(docs, by) if by else pd.DataFrame({"cache_key": docs["cache_key"], "group": "all"})
    with table.reading():  # the parts stay in place while they are read (coopnews.cache.lock)
        tasks = partition_tasks(name, table, docs["cache_key"], groups, options)
        if client is not None:
            result = finished(name, map_reduce(client, partition_partial, tasks, partial_combiner(name)))
        else:
            result = finished(name, reduce_locally(name, tasks, workers=workers))
    write_parquet_atomic(result, stored)
    return result


def _documents_and_table(source, stage: str, *, by: str | None, registry=None):
    """The original documents [doc_id, cache_key, (by)] of a Corpus or Manifest, and the filled stage table."""
    if getattr(source, "cache_dir", None) is None:
        raise ValueError("totals read the corpus cache: load the corpus with use_cache=True")
    if hasattr(source, "documents"):  # a Corpus: compute what the cache lacks
        docs = source.documents[source.documents["duplicate_of"].isna()]
        if stage == "documents":
            return docs, Table(Path(source.cache_dir) / "documents")
        return docs, filled_table(source, stage, registry=registry)
    docs = source.order[["doc_id", "cache_key"]].merge(source.duplicates[["cache_key", "duplicate_of"]],
                                                       on="cache_key", how="left")
    docs = docs[docs["duplicate_of"].isna()]
    if by:
        column = "date" if by == "year" else by
        meta = Table(Path(source.cache_dir) / "documents").read(docs["cache_key"], columns=[column])
        docs = docs.merge(meta.drop_duplicates("cache_key"), on="cache_key", how="left")
    if stage == "documents":
        table = Table(Path(source.cache_dir) / "documents")
    else:
        options = stage_options(stage, registry=registry, names=stored_term_names(source.cache_dir))
        table = stage_table(source.cache_dir, stage, **options)
    missing = len(set(docs["cache_key"]) - table.keys())
    if missing:
        raise ValueError(f"{missing} documents have no cached {stage} rows: run "
                         f"`coopnews process {source.root} --stages {stage}` first")
    return docs, table


def partial_combiner(name: str) -> Callable[..., pd.DataFrame]:
    """combine(name, *partials) as a picklable one-argument-list function for a task graph."""
    return bind(combine, name)


def group_keyness(group_terms: pd.DataFrame, group_sizes: pd.DataFrame, corpus_terms: pd.DataFrame,
                  corpus_size: pd.DataFrame, *, min_count: int = 2) -> pd.DataFrame:
    """coopnews.terms.keyness.GROUP_KEYNESS_COLUMNS of each group against all other documents, from totals
    alone (group_terms and group_sizes by a column; terms; group_sizes with by=None): the same table as
    keyness_by_group on the documents (forms counted under their terms, as term_counts groups them)."""
    term_of = dict(zip(corpus_terms["form"], corpus_terms["term"]))
    corpus_counts = corpus_terms.groupby("term")["count"].sum()
    all_docs, all_words = int(corpus_size["documents"].sum()), float(corpus_size["tokens"].sum())
    tables = []
    for size in group_sizes.sort_values("group").itertuples(index=False):
        if size.documents >= all_docs:
            continue  # a group holding every document has no reference
        forms = group_terms[group_terms["group"] == size.group]
        target = forms.groupby(forms["form"].map(term_of))["count"].sum()
        reference = corpus_counts.sub(target, fill_value=0)
        table = compare(target.rename_axis("term"), reference.rename_axis("term"), target_words=float(size.tokens),
                        reference_words=all_words - float(size.tokens), min_count=min_count)
        tables.append(table[table["count"] > 0].assign(group=size.group))
    if not tables:
        return pd.DataFrame({c: [] for c in GROUP_KEYNESS_COLUMNS})
    out = pd.concat(tables, ignore_index=True)[list(GROUP_KEYNESS_COLUMNS)]
    return out.sort_values(["group", "log_odds_z", "term"], ascending=[True, False, True], kind="stable") \
        .reset_index(drop=True)


def _term_names(source) -> list[str]:
    """The multi-word names the terms stage merges for this corpus, so bigrams tokenise as terms do."""
    if hasattr(source, "documents"):
        return term_names(source)
    return stored_term_names(source.cache_dir) or []


def fingerprint(cache_keys: Iterable[str], *parts: str) -> str:
    """Identifies a total: the documents it covers and how it was asked for."""
    digest = hashlib.sha1("\n".join([*parts, *sorted(cache_keys)]).encode()).hexdigest()
    return digest[:16]
