"""Frequencies, per-10k rates, document frequency and Gries' DP on hand-made documents."""
from __future__ import annotations

import pandas as pd
import pytest

from coopnews.terms.frequencies import dp_dispersion, term_counts, term_frequencies


def docs(*texts):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})


def test_dp_matches_gries_2008_example():
    # Gries (2008): five corpus parts of 9, 10, 10, 10 and 11 words; the word occurs 1, 2, 3, 4, 5 times.
    assert dp_dispersion([1, 2, 3, 4, 5], [9, 10, 10, 10, 11]) == pytest.approx(0.18)


@pytest.mark.parametrize("freqs, sizes, expected", [
    ([2, 2], [10, 10], 0.0),            # spread exactly like the corpus
    ([4, 0], [10, 10], 0.5),            # all in one of two equal halves
    ([1, 0, 0, 0], [25, 25, 25, 25], 0.75),
])
def test_dp_hand_computed(freqs, sizes, expected):
    assert dp_dispersion(freqs, sizes) == pytest.approx(expected)


def test_frequency_table_counts_rates_df_and_dp():
    d = docs("port port harbour ships", "port ships ship", "trade")
    table = term_frequencies(term_counts(d, stems=True), d).set_index("term")
    assert table.loc["port", "count"] == 3 and table.loc["port", "doc_freq"] == 2
    assert table.loc["ships", "count"] == 3  # ship + ships grouped, shown as the commoner form
    assert table.loc["port", "per_10k"] == pytest.approx(3 / 8 * 10_000)
    # port: shares of occurrences (2/3, 1/3, 0) vs document shares (4/8, 3/8, 1/8)
    assert table.loc["port", "dp"] == pytest.approx(0.5 * (abs(2 / 3 - 4 / 8) + abs(1 / 3 - 3 / 8) + 1 / 8))
    assert table.loc["trade", "dp"] > table.loc["port", "dp"]
    assert list(table.index[:2]) == ["port", "ships"]  # ties sorted by term


def test_term_counts_keep_names_whole(seeds_corpus):
    counts = term_counts(seeds_corpus.documents)
    assert "bank of china" in set(counts["term"])
    assert "chen zhichang" in set(counts["term"])


def test_missing_text_column_is_explained():
    with pytest.raises(ValueError, match="doc_id and text"):
        term_counts(pd.DataFrame({"doc_id": ["a"]}))
