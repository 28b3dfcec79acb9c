"""N-gram collocations and window collocates."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from coopnews.terms.collocations import collocates, collocations
from coopnews.terms.tokens import Tokenizer


def docs():
    return pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
        "Sister city ties grew. The sister city programme signed a sister city deal.",
        "Free trade zone plans; the free trade zone opened near the port.",
        "The port handled trade and the city grew.",
    ]})


def test_bigrams_rank_fixed_phrases_first():
    table = collocations(docs(), n=2, min_count=2, by="llr", tokenizer=Tokenizer())
    assert set(table["ngram"].head(3)) >= {"sister city", "free trade"}
    row = table.set_index("ngram").loc["sister city"]
    assert row["count"] == 3
    # PMI by hand: tokens = 13 + 12 + 8 words (stopwords included), sister 3, city 4, pair 3
    n = 33
    assert row["pmi"] == pytest.approx(math.log2(3 * (n - 1) / (3 * 4)), rel=0.05)


def test_trigrams_and_min_count():
    table = collocations(docs(), n=3, min_count=2, tokenizer=Tokenizer())
    assert table["ngram"].tolist() == ["free trade zone"]
    assert collocations(docs(), n=3, min_count=3, tokenizer=Tokenizer()).empty


def test_window_collocates():
    table = collocates(docs(), "city", window=2, min_count=2, tokenizer=Tokenizer()).set_index("collocate")
    assert table.loc["sister", "count"] == 3 and table.loc["sister", "left"] == 3
    assert table.loc["sister", "right"] == 0
    assert "grew" in table.index


def test_bad_n_is_explained():
    with pytest.raises(ValueError, match="n must be 2 or 3"):
        collocations(docs(), n=4)
