"""Sector lexicon: cue matching, ordering, counts per document and group, bad lexicons."""
from __future__ import annotations

import pandas as pd
import pytest

from coopnews.terms.sectors import load_lexicon, sector_counts, sectors_in


def test_default_lexicon_has_the_issue_sectors():
    lex = load_lexicon()
    assert {"finance", "biomedicine", "automotive", "education", "ai_software", "robotics", "ict", "smart_city",
            "energy", "aerospace", "culture_tourism", "agriculture"} <= set(lex)


@pytest.mark.parametrize("text, expected", [
    ("Banks and insurance firms joined a biomedical park.", ["finance", "biomedicine"]),
    ("The AI lab wrote software for robots.", ["ai_software", "robotics"]),
    ("She said hi to Kai.", []),                              # 'ai' inside words never counts
    ("A wind power and solar deal; biotechnology too.", ["energy", "biomedicine"]),
    ("Airbus opened an aerospace plant near the airport.", ["aerospace"]),
    ("smart-city pilots for urban planning", ["smart_city"]),
])
def test_sectors_in(text, expected):
    assert sectors_in(text) == expected


def test_ties_sorted_by_name():
    assert sectors_in("bank and hospital") == ["biomedicine", "finance"]


def test_counts_per_document_and_group():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["X", "X", "Y"],
                         "text": ["bank bank university", "bank", "solar farm"]})
    per_doc = sector_counts(docs)
    assert per_doc[per_doc["doc_id"] == "a"].set_index("sector")["hits"].to_dict() == {"finance": 2, "education": 1}
    per_group = sector_counts(docs, by="source").set_index(["source", "sector"])
    assert per_group.loc[("X", "finance"), "hits"] == 3 and per_group.loc[("X", "finance"), "docs"] == 2
    assert per_group.loc[("X", "finance"), "n_docs"] == 2
    assert per_group.loc[("Y", "energy"), "hits"] == 1


def test_custom_lexicon_file(tmp_path):
    path = tmp_path / "lex.yaml"
    path.write_text("ports:\n  - harbour\n  - port*\n", "utf-8")
    lex = load_lexicon(path)
    assert sectors_in("Harbours and portside cranes", lexicon=lex) == ["ports"]


@pytest.mark.parametrize("content, message", [("- just a list", "mapping"), ("a: [unclosed", "not valid YAML")])
def test_bad_lexicon_is_explained(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=message):
        load_lexicon(path)


def test_missing_lexicon_file(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"nope.yaml: file not found \(a copy of coopnews/data/sectors.yaml"):
        load_lexicon(tmp_path / "nope.yaml")
