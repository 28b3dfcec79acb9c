"""Tokenizer, stopwords, stem groups and multi-word names on small hand-written texts."""
from __future__ import annotations

import pytest

from coopnews.terms.tokens import Tokenizer, find_names, load_stopwords, stem_groups, tokenize


@pytest.mark.parametrize("text, expected", [
    ("Nanjing's city-led deals don't stop.", ["nanjing", "s", "city-led", "deals", "don't", "stop"]),
    ("Signed on 3.5 billion yuan", ["signed", "on", "3.5", "billion", "yuan"]),
    ("Lyon—China ties", ["lyon", "china", "ties"]),
    ("Dassault Systèmes", ["dassault", "systèmes"]),
    ("the 4th forum on 5G", ["the", "4th", "forum", "on", "5g"]),
])
def test_tokenize(text, expected):
    assert tokenize(text) == expected


def test_stopwords_come_from_spacy_plus_news_words():
    stop = load_stopwords()
    assert {"the", "and", "of", "said", "mr"} <= stop
    assert "nanjing" not in stop and "investment" not in stop


@pytest.mark.parametrize("text, expected", [
    ("The mayor said the investment was signed in 2024.", ["mayor", "investment", "signed"]),
    ("Bank of China and the Bank of China office", ["bank of china", "bank of china", "office"]),
])
def test_terms_drop_stopwords_and_numbers_and_merge_names(text, expected):
    tok = Tokenizer(names=["Bank of China"])
    assert tok.terms(text) == expected


def test_numbers_kept_when_asked():
    assert Tokenizer(keep_numbers=True).terms("102 projects") == ["102", "projects"]


def test_stem_groups_display_most_frequent_form():
    groups = stem_groups({"investment": 5, "investments": 2, "invest": 1, "city": 3, "cities": 4})
    assert groups["investments"] == "investment" and groups["invest"] == "investment"
    assert groups["city"] == "cities"


def test_find_names_keeps_recurring_capitalised_sequences():
    texts = ["The Foundation Sophia Antipolis met the Jiangning Development Zone.",
             "Sophia Antipolis and the Jiangning Development Zone signed.",
             "Lyon and China agreed. Lyon and China again. Bank of China’s office opened; Bank of China grew."]
    names = find_names(texts)
    assert "jiangning development zone" in names
    assert "sophia antipolis" in names          # also occurs alone
    assert "bank of china" in names             # possessive cut off
    assert "lyon and china" not in names        # two names joined by "and"
    assert "foundation sophia antipolis" not in names  # seen once only


def test_find_names_adds_user_list():
    assert "nanjing tech week" in find_names(["nothing here"], extra=["Nanjing Tech Week"])
