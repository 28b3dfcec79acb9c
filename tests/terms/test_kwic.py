"""KWIC concordance: matching, windows, sorting and escaped HTML."""
from __future__ import annotations

import pandas as pd
import pytest

from coopnews.terms.kwic import kwic, kwic_html


def docs():
    return pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "Lyon and Nanjing signed a sister city pact. Later, Nanjing hosted a forum.",
        "<script>alert('x')</script> Nanjing investment rose & grew\nnext line words",
    ]})


def test_term_matches_whole_words_case_insensitively():
    table = kwic(docs(), "nanjing", window=3)
    assert len(table) == 3
    first = table.iloc[0]
    assert (first["left"], first["node"], first["right"]) == ("Lyon and", "Nanjing", "signed a sister")


def test_phrase_and_regex():
    assert kwic(docs(), "sister   city").iloc[0]["node"] == "sister city"
    assert kwic(docs(), r"sign\w+", regex=True)["node"].tolist() == ["signed"]
    assert kwic(docs(), "Nanjin").empty  # whole words only


def test_context_stops_at_line_break():
    row = kwic(docs(), "grew", window=5).iloc[0]
    assert row["right"] == ""


def test_sort_by_right_context():
    table = kwic(docs(), "nanjing", window=3, sort="right")
    assert [r.split()[0] for r in table["right"]] == ["hosted", "investment", "signed"]


def test_sort_by_left_context_reads_leftwards_from_the_node():
    table = kwic(docs(), "nanjing", window=3, sort="left")
    # keys: "<script>...", "and lyon", "later, pact. city"
    assert table["left"].tolist() == ["<script>alert('x')</script>", "Lyon and", "city pact. Later,"]


def test_html_escapes_document_text_and_marks_the_node():
    out = kwic_html(kwic(docs(), "nanjing", window=3))
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<mark>Nanjing</mark>" in out
    assert "&amp; grew" in kwic_html(kwic(docs(), "investment", window=3))


def test_bad_regex_is_explained():
    with pytest.raises(ValueError, match="invalid regular expression"):
        kwic(docs(), "(", regex=True)
