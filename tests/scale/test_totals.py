"""Corpus totals from the cache's parts equal the same figures computed from the whole per-document tables,
and merging partials gives the same table in any grouping."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from coopnews.cache import stages
from coopnews.scale import access
from coopnews.scale import totals as aggregates
from coopnews.terms import keyness
from coopnews.terms.collocations import bigram_collocations, collocations
from coopnews.terms.frequencies import term_counts, term_frequencies
from coopnews.scale.totals import combine, finished, partial, totals
from coopnews.partners.relations import pair_counts
from coopnews.partners.profiles import partner_mentions
from coopnews.scale.pipeline import process


def _with_keys(corpus, rows: pd.DataFrame) -> pd.DataFrame:
    key_of = dict(zip(corpus.documents["doc_id"], corpus.documents["cache_key"]))
    return rows.assign(cache_key=rows["doc_id"].map(key_of))


def test_term_totals_are_the_sums_of_the_per_document_counts(seeds_corpus):
    table = totals(seeds_corpus, "terms")
    counts = access.terms(seeds_corpus)
    expected = counts.groupby("form").agg(count=("count", "sum"), documents=("doc_id", "nunique"))
    got = table.set_index("form")
    assert got[["count", "documents"]].equals(expected.loc[got.index].astype("int64"))
    assert len(got) == len(expected)
    nanjing = got.loc["nanjing"]  # forms are lower-cased
    assert nanjing["documents"] == 4  # seeds 000, 001, 002, 003 name Nanjing; 004 is about Lyon
    assert table["count"].is_monotonic_decreasing


def test_partner_totals_match_partner_mentions(seeds_corpus):
    table = totals(seeds_corpus, "partners").set_index("partner")
    mentions = partner_mentions(access.partner_tables(seeds_corpus)).set_index("partner")
    assert set(table.index) == set(mentions.index)
    assert table["mentions"].equals(mentions.loc[table.index, "mentions"].astype("int64"))
    assert table["documents"].equals(mentions.loc[table.index, "documents"].astype("int64"))
    assert table.loc["Lyon", "type"] == "city" and table.loc["Lyon", "country"] == "France"


def test_pair_totals_match_pair_counts_with_first_and_last_dates(seeds_corpus):
    table = totals(seeds_corpus, "pairs")
    expected = pair_counts(access.pairs(seeds_corpus))
    merged = expected.merge(table, on=["a", "b"], suffixes=("", "_total"))
    assert len(merged) == len(expected) == len(table)
    assert (merged["sentences"] == merged["sentences_total"]).all()
    assert (merged["documents"] == merged["documents_total"]).all()
    lyon_guangzhou = table[(table["a"] == "Guangzhou") & (table["b"] == "Lyon")].iloc[0]
    assert lyon_guangzhou["first_date"] <= "1988" <= lyon_guangzhou["last_date"]  # twinned in 1988 (seed 004)


def test_a_corpus_gives_the_same_statistics_in_memory_and_from_totals(seeds_corpus):
    """What notebook 02 computes from the texts (term_counts with the corpus' names, stems grouped under their
    commonest form) equals what the totals give from the cache: term counts, bigram collocations, keyness."""
    corpus, docs = seeds_corpus, seeds_corpus.documents
    assert docs["duplicate_of"].isna().all()  # totals leave duplicates out; the seeds have none
    counts = term_counts(docs)
    terms = totals(corpus, "terms")
    in_memory = term_frequencies(counts, docs).set_index("term")["count"]
    from_totals = terms.groupby("term")["count"].sum()
    pd.testing.assert_series_equal(from_totals.sort_index(), in_memory.sort_index(), check_names=False)
    assert dict(zip(terms["form"], terms["term"])) == dict(zip(counts["form"], counts["term"]))  # same stem groups
    assert terms.loc[terms["form"] == "city", "term"].item() == "cities"

    size = totals(corpus, "group_sizes")
    pd.testing.assert_frame_equal(bigram_collocations(totals(corpus, "bigrams"), terms, int(size["tokens"].sum()),
                                                      min_count=2, top_n=None),
                                  collocations(docs, n=2, min_count=2, top_n=None))

    for by in ("doc_id", "source"):
        from_totals = aggregates.group_keyness(totals(corpus, "group_terms", by=by), totals(corpus, "group_sizes", by=by),
                                               terms, size, min_count=2)
        direct = keyness.keyness_by_group(docs, keyness.groups_from_column(docs, by), min_count=2, counts=counts)
        assert len(from_totals) == len(direct) > 50
        pd.testing.assert_frame_equal(from_totals, direct, check_dtype=False)


@pytest.mark.parametrize("name", ["terms", "bigrams", "partners", "pairs"])
def test_partials_merge_to_the_same_total_in_any_grouping(seeds_corpus, name):
    stage = aggregates.TOTALS[name].stage
    if stage == "documents":
        rows, options = seeds_corpus.documents[["doc_id", "text", "cache_key"]], {"names": access.term_names(seeds_corpus)}
    else:
        rows, options = _with_keys(seeds_corpus, getattr(access, stage)(seeds_corpus)), {}
    whole = finished(name, partial(name, rows, **options))
    keys = sorted(rows["cache_key"].unique())
    rng = random.Random(7)
    for _ in range(5):  # random splits of the documents into parts, merged in random trees
        rng.shuffle(keys)
        cuts = sorted(rng.sample(range(1, len(keys)), rng.randint(1, len(keys) - 1)))
        parts = [partial(name, rows[rows["cache_key"].isin(chunk)], **options)
                 for chunk in (keys[i:j] for i, j in zip([0, *cuts], [*cuts, len(keys)]))]
        rng.shuffle(parts)
        while len(parts) > 1:
            i = rng.randrange(len(parts) - 1)
            parts[i:i + 2] = [combine(name, parts[i], parts[i + 1])]
        pd.testing.assert_frame_equal(finished(name, parts[0]), whole)


def test_totals_run_in_worker_processes_and_over_many_parts(tmp_path, seeds_dir):
    manifest = process(seeds_dir, stages=["terms"], chunk_size=1, workers=1, progress=False,
                       cache_dir=tmp_path / "cache", totals=["terms"])
    table = stages.stage_table(tmp_path / "cache", "terms", names=stages.stored_term_names(tmp_path / "cache"))
    assert len(table.partitions(manifest.order["cache_key"])) == 5  # one part per document: five map tasks
    tasks = aggregates.partition_tasks("terms", table, manifest.order["cache_key"])
    in_processes = finished("terms", aggregates.reduce_locally("terms", tasks, workers=2))
    pd.testing.assert_frame_equal(in_processes, manifest.totals["terms"])
    stored = list((tmp_path / "cache" / "totals").glob("terms-*.parquet"))
    assert len(stored) == 1 and totals(manifest.corpus(), "terms").equals(pd.read_parquet(stored[0]))
    by_year = totals(manifest, "group_sizes", by="year")
    assert by_year.set_index("group")["documents"].to_dict() == {"2025": 1}  # only seed 003 is dated


def test_totals_need_the_stage_rows_and_known_names(tmp_path, seeds_dir):
    with pytest.raises(ValueError, match="need the stage"):
        process(seeds_dir, stages=["timexes"], totals=["pairs"], progress=False, cache_dir=tmp_path / "a")
    manifest = process(seeds_dir, stages=["timexes"], progress=False, cache_dir=tmp_path / "a")
    with pytest.raises(ValueError, match="no cached entities rows: run `coopnews process .* --stages entities`"):
        totals(manifest, "partners")
    with pytest.raises(ValueError, match="unknown total 'words'"):
        totals(manifest, "words")
    with pytest.raises(ValueError, match="`by` only applies"):
        totals(manifest, "terms", by="source")


def test_collocations_from_totals_equal_collocations_on_the_texts(seeds_corpus):
    from coopnews.terms.tokens import Tokenizer

    corpus = seeds_corpus
    from_totals = bigram_collocations(totals(corpus, "bigrams"), totals(corpus, "terms"),
                                      int(totals(corpus, "group_sizes")["tokens"].sum()), min_count=2, top_n=None)
    direct = collocations(corpus.documents, n=2, min_count=2, top_n=None,
                          tokenizer=Tokenizer(names=access.term_names(corpus)))
    assert len(from_totals) == len(direct) > 20
    pd.testing.assert_frame_equal(from_totals, direct)
    assert from_totals["ngram"].iloc[0] == "jiangning development zone jndz"  # a merged name and its acronym


def test_process_command_prints_the_top_of_each_total(seeds_dir, capsys):
    import json

    from coopnews.cli import main

    assert main(["process", str(seeds_dir), "--stages", "terms", "--workers", "1"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["documents"] == 5 and set(summary["totals"]) == {"terms", "bigrams"}  # those whose stage ran
    assert summary["totals"]["terms"][0] == {"form": "nanjing", "count": 45, "documents": 4, "term": "nanjing"}
    top = summary["totals"]["bigrams"][0]  # most frequent first, ties by words
    assert (top["w1"], top["w2"], top["count"]) == ("cooperation", "expand", 3)
