"""The streamed pipeline and its per-document cache: re-runs read the cache, a grown corpus processes only
its new documents, and the tables do not depend on the number of workers."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from coopnews.cache import stages
from coopnews.scale import access
from coopnews.scale.pipeline import process
from coopnews.cache.tables import Table
from coopnews.corpus import tables as corpus_tables

ARTICLE = ("Lyon and Guangzhou Renew Their Pact\n\nOn 24 June 2021, Lyon and Guangzhou signed a cooperation "
           "agreement on smart cities in Lyon. Sun Yat-sen University will partner with Lyon Business School.\n")


def _folder(tmp_path, n: int):
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:02d}.txt").write_text(ARTICLE.replace("2021", str(2000 + i)), "utf-8")
    return folder


def test_table_keeps_documents_without_rows_as_done(tmp_path):
    table = Table(tmp_path / "t")
    table.append(pd.DataFrame({"cache_key": ["a", "a"], "x": [1, 2]}), ["a", "b"])
    assert table.keys() == {"a", "b"}
    assert table.read(["a", "b"])["x"].tolist() == [1, 2]
    assert table.read(["b"]).empty
    assert table.read(["a"])["x"].dtype == "int64"


def test_table_compaction_keeps_every_row_once(tmp_path):
    table = Table(tmp_path / "t")
    for i in range(5):
        table.append(pd.DataFrame({"cache_key": [f"k{i}"], "x": [i]}), [f"k{i}"])
    table.compact()
    assert len(table.parts()) == 1
    assert sorted(table.read()["x"]) == [0, 1, 2, 3, 4]


def test_rerun_reads_the_cache_and_growth_processes_only_new_documents(tmp_path, monkeypatch):
    monkeypatch.setattr(stages, "SAMPLE_CHARS", 2 * len(ARTICLE))  # the models learn from the first two documents
    folder = _folder(tmp_path, 6)
    first = process(folder, stages=stages.STAGES, workers=1, chunk_size=4, progress=False, cache_dir=tmp_path / "c")
    assert first.stats["new"]["entities"] == 6 and first.stats["new"]["documents"] == 6
    again = process(folder, stages=stages.STAGES, workers=1, chunk_size=4, progress=False, cache_dir=tmp_path / "c")
    assert set(again.stats["new"].values()) == {0}
    (folder / "doc99.txt").write_text(ARTICLE.replace("Lyon", "Marseille"), "utf-8")
    grown = process(folder, stages=stages.STAGES, workers=1, chunk_size=4, progress=False, cache_dir=tmp_path / "c")
    assert set(grown.stats["new"].values()) == {1}
    assert len(grown.corpus().documents) == 7


def test_stage_tables_do_not_depend_on_the_number_of_workers(tmp_path):
    folder = _folder(tmp_path, 5)
    tables = []
    for workers in (1, 2):
        manifest = process(folder, stages=("entities", "events", "pairs", "timexes"), workers=workers, chunk_size=2,
                           progress=False, cache_dir=tmp_path / f"c{workers}")
        corpus = manifest.corpus()
        tables.append([access.entities(corpus), access.events(corpus), access.pairs(corpus), access.timexes(corpus)])
    for one, two in zip(*tables):
        pd.testing.assert_frame_equal(one, two)
    assert len(tables[0][0]) > 0 and len(tables[0][1]) > 0 and len(tables[0][2]) > 0


def test_cached_accessors_compute_each_document_once(seeds_corpus, monkeypatch):
    calls = []
    original = stages.STAGES["timexes"]
    counted = lambda sub, **kw: calls.append(len(sub.documents)) or original.compute(sub, **kw)  # noqa: E731
    monkeypatch.setitem(stages.STAGES, "timexes", dataclasses.replace(original, compute=counted))
    first = access.timexes(seeds_corpus)
    second = access.timexes(seeds_corpus)
    assert calls in ([5], [])  # computed at most once (another test may have filled the cache)
    pd.testing.assert_frame_equal(first, second)
    assert "2025-03-26" in set(first.loc[first["doc_id"] == "003_e34678cbd33f4e69", "value"])


def test_cached_entities_equal_a_fresh_extraction(seeds_corpus):
    from coopnews.partners.entities import extract_entities

    pd.testing.assert_frame_equal(access.entities(seeds_corpus), extract_entities(seeds_corpus))


def test_unknown_stage_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown stage"):
        process(_folder(tmp_path, 1), stages=["sentiment"], progress=False, cache_dir=tmp_path / "c")


def test_unchanged_folder_is_not_read_again_and_a_touched_file_is(tmp_path, monkeypatch):
    from coopnews.scale import pipeline

    monkeypatch.setattr(stages, "SAMPLE_CHARS", len(ARTICLE))  # the models learn from doc00 only
    read_corpus = pipeline.read_corpus
    folder = _folder(tmp_path, 3)
    first = process(folder, stages=["terms"], workers=1, progress=False, cache_dir=tmp_path / "c")
    fresh = access.timexes(process(folder, workers=1, progress=False, cache_dir=tmp_path / "fresh").corpus())
    monkeypatch.setattr(pipeline, "read_corpus", lambda *a, **k: pytest.fail("an unchanged folder was read"))
    again = process(folder, stages=["terms"], workers=1, progress=False, cache_dir=tmp_path / "c")
    pd.testing.assert_frame_equal(again.corpus().documents, first.corpus().documents)
    pd.testing.assert_frame_equal(again.log, first.log)
    more = process(folder, stages=["timexes"], workers=1, progress=False, cache_dir=tmp_path / "c")  # a new stage
    assert more.stats["new"]["timexes"] == 3 and more.stats["new"]["documents"] == 0
    pd.testing.assert_frame_equal(access.timexes(more.corpus()), fresh)
    monkeypatch.setattr(pipeline, "read_corpus", read_corpus)
    (folder / "doc02.txt").write_text(ARTICLE.replace("Lyon", "Marseille"), "utf-8")  # outside the models' sample
    changed = process(folder, stages=["terms"], workers=1, progress=False, cache_dir=tmp_path / "c")
    assert changed.stats["new"]["documents"] == 1
    assert "Marseille" in changed.corpus().documents.set_index("doc_id").at["doc02", "text"]


def test_a_stage_built_on_cached_entities_does_not_compute_them_again(tmp_path, monkeypatch):
    folder = _folder(tmp_path, 3)
    process(folder, stages=["timexes", "entities"], workers=1, progress=False, cache_dir=tmp_path / "c")
    fresh = process(folder, stages=["pairs"], workers=1, progress=False, cache_dir=tmp_path / "fresh")
    monkeypatch.setitem(stages.STAGES, "entities", dataclasses.replace(
        stages.STAGES["entities"], compute=lambda *a, **k: pytest.fail("entities computed again")))
    reused = process(folder, stages=["pairs"], workers=1, progress=False, cache_dir=tmp_path / "c")
    assert reused.stats["new"]["pairs"] == 3
    pd.testing.assert_frame_equal(access.pairs(reused.corpus()), access.pairs(fresh.corpus()))


def test_events_keep_the_pairs_they_are_dated_from(tmp_path, monkeypatch):
    """`coopnews events` then `coopnews partners`: the pairs the events were read from are cached, not
    extracted again, and the events are those of a run that computed the pairs separately."""
    folder = _folder(tmp_path, 3)
    fresh = process(folder, stages=["events"], workers=1, progress=False, cache_dir=tmp_path / "fresh")
    monkeypatch.setattr(stages, "extract_pairs", lambda *a, **k: pytest.fail("pairs extracted again"))
    reused = process(folder, stages=["pairs", "events"], workers=1, progress=False, cache_dir=tmp_path / "fresh")
    assert reused.stats["new"]["pairs"] == 0 and reused.stats["new"]["events"] == 0
    monkeypatch.undo()
    apart = tmp_path / "apart"
    process(folder, stages=["pairs"], workers=1, progress=False, cache_dir=apart)
    monkeypatch.setattr(stages, "extract_pairs", lambda *a, **k: pytest.fail("pairs extracted again"))
    later = process(folder, stages=["events"], workers=1, progress=False, cache_dir=apart)
    assert later.stats["new"]["events"] == 3
    pd.testing.assert_frame_equal(access.events(later.corpus()), access.events(fresh.corpus()))


def test_a_cached_corpus_reads_its_sentences_when_asked(tmp_path, monkeypatch):
    """The sentence table of a corpus read back from the cache is read on first use (the folder commands never
    use it), and is the same table as an uncached load's; such a corpus pickles whole."""
    import pickle

    folder = _folder(tmp_path, 3)
    uncached = access.load_corpus(folder, use_cache=False, progress=False, workers=1)
    corpus = access.load_corpus(folder, progress=False, workers=1)
    reads = []
    read_for = Table.read_for
    monkeypatch.setattr(Table, "read_for", lambda self, *a: reads.append(self.folder.name) or read_for(self, *a))
    corpus = access.load_corpus(folder, progress=False, workers=1)
    assert "sentences" not in reads and "documents" in reads
    pd.testing.assert_frame_equal(corpus.sentences, uncached.sentences)
    assert reads.count("sentences") == 1
    corpus.sentences
    assert reads.count("sentences") == 1
    pd.testing.assert_frame_equal(pickle.loads(pickle.dumps(corpus)).sentences, uncached.sentences)
    texts = corpus.documents.set_index("doc_id")["text"]
    assert all(texts[d][a:b] == t for d, a, b, t in corpus.sentences[["doc_id", "start", "end", "text"]].itertuples(
        index=False))


def test_a_stage_on_a_parsed_folder_reads_the_stored_parse_instead_of_parsing_again(tmp_path, monkeypatch):
    folder = _folder(tmp_path, 5)
    fresh = process(folder, stages=["pairs", "terms"], workers=1, chunk_size=2, progress=False,
                    cache_dir=tmp_path / "fresh")
    process(folder, workers=1, chunk_size=2, progress=False, cache_dir=tmp_path / "c")  # `coopnews corpus`

    def no_parsing(*args, **kwargs):
        raise AssertionError("a document was parsed again")

    monkeypatch.setattr(corpus_tables, "parse_document", no_parsing)
    later = process(folder, stages=["pairs", "terms"], workers=1, chunk_size=2, progress=False,
                    cache_dir=tmp_path / "c")
    assert later.stats["new"]["pairs"] == 5 and later.stats["new"]["documents"] == 0
    for table in (access.pairs, access.terms):
        got, expected = table(later.corpus()), table(fresh.corpus())
        assert len(got) > 0
        pd.testing.assert_frame_equal(got, expected)


def test_rows_another_version_of_coopnews_cached_are_computed_again(tmp_path, monkeypatch):
    from coopnews.scale import pipeline, snapshot

    folder = _folder(tmp_path, 3)
    first = process(folder, stages=["events"], workers=1, progress=False, cache_dir=tmp_path / "c")
    assert first.stats["new"]["events"] == 3
    for module in (stages, pipeline, snapshot):  # an upgrade, or an edited lexicon or rule
        monkeypatch.setattr(module, "code_fingerprint", lambda: "another-code")
    again = process(folder, stages=["events"], workers=1, progress=False, cache_dir=tmp_path / "c")
    assert again.stats["new"]["documents"] == 3 and again.stats["new"]["entities"] == 3
    assert again.stats["new"]["events"] == 3
    pd.testing.assert_frame_equal(access.events(again.corpus()), access.events(first.corpus()))
