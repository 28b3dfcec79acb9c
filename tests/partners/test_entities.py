"""coopnews.entities on small hand-written texts and on the seeds: the right partners, types and fixes."""
from __future__ import annotations

import pandas as pd
import pytest

from coopnews.partners.entities import ENTITY_COLUMNS, TEXT_ENTITY_COLUMNS, entities_in_text, extract_entities


def found(text: str) -> dict[str, tuple[str, str | None]]:
    """canonical -> (label, type) of the entities of `text`."""
    table = entities_in_text(text)
    return {row.canonical: (row.label, row.type) for row in table.itertuples()}


@pytest.mark.parametrize("text, expected", [
    # French company names in a list (spaCy tags some of them as places or misses them)
    ("The mayor visited BNP Paribas, Allianz Insurance Group, Valeo Group, Dassault Systèmes, and Kayent Group.",
     {"BNP Paribas": ("ORG", "bank"), "Allianz": ("ORG", "company"), "Valeo": ("ORG", "company"),
      "Dassault Systèmes": ("ORG", "company"), "Kering": ("ORG", "company")}),
    ("Engineers from EDF, Engie and Veolia met delegations from Beijing, Tianjin and Shenzhen.",
     {"EDF": ("ORG", "company"), "Engie": ("ORG", "company"), "Veolia": ("ORG", "company"),
      "Beijing": ("PLACE", "city"), "Tianjin": ("PLACE", "city"), "Shenzhen": ("PLACE", "city")}),
    # "Long Name (ACR)" merged, and the French and English spellings of the foundation are one partner
    ("The Fondation Sophia Antipolis (FSA) signed with the Jiangning Development Zone (JNDZ). FSA said so.",
     {"Fondation Sophia Antipolis": ("ORG", "association"), "Jiangning Development Zone": ("ORG", "zone")}),
    ("The Qinhuai Science Foundation (QSF) met the Bordeaux Wine Council. Later QSF hosted a seminar.",
     {"Qinhuai Science Foundation": ("ORG", "association"), "Bordeaux Wine Council": ("ORG", "association")}),
    # events are not organisations, but the places they name are places
    ("The China-France Economic and Trade Cooperation Conference was held during Nanjing Tech Week.",
     {"China": ("PLACE", "country"), "France": ("PLACE", "country"), "Nanjing": ("PLACE", "city")}),
    # China-France / Sino-French / Chinese-French split into their countries
    ("They discussed Sino-French projects and a Chinese-French platform.",
     {"China": ("PLACE", "country"), "France": ("PLACE", "country")}),
    # acronyms of fields are not organisations
    ("Task forces dedicated to AI (software), robotics and next-gen ICT and IOT were set up in Nanjing.",
     {"Nanjing": ("PLACE", "city")}),
    # titles glued to names
    ("He met the Consul General in Strasbourg and Mr. Oberg, Vice President of Allianz Insurance Group.",
     {"Strasbourg": ("PLACE", "city"), "Allianz": ("ORG", "company")}),
    # places spaCy tags as nationalities or persons
    ("It took place between the cities of Lyon, Paris, Montargis and the Sophia Antipolis technology park.",
     {"Lyon": ("PLACE", "city"), "Paris": ("PLACE", "city"), "Montargis": ("PLACE", "city"),
      "Sophia Antipolis": ("ORG", "zone")}),
    # organisations named by their kind
    ("The French company Sanofi and the shipping group Maersk opened offices in Guangzhou.",
     {"Sanofi": ("ORG", "company"), "Maersk": ("ORG", "company"), "Guangzhou": ("PLACE", "city")}),
    # 'X and the Y' are two organisations, 'Chamber of Commerce and Industry' is one
    ("The University of Montpellier and the Lyon Chamber of Commerce and Industry signed a memorandum.",
     {"University of Montpellier": ("ORG", "university"),
      "Lyon Chamber of Commerce and Industry": ("ORG", "association")}),
    # French and Chinese names of the same city
    ("Nankin et 南京 sont la même ville; Canton aussi s'appelle 广州.",
     {"Nanjing": ("PLACE", "city"), "Guangzhou": ("PLACE", "city")}),
])
def test_entities_in_text(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, canonical, country", [
    ("The Chinese Consulate in Lyon supported the event.", "Chinese Consulate in Lyon", "China"),
    ("The Bank of Suzhou financed the programme.", "Bank of Suzhou", "China"),
    ("Students of the Lyon Business School went to Guangzhou.", "emlyon business school", "France"),
    ("Wuhan Municipal People's Government hosted the talks.", "Wuhan Municipal People's Government", "China"),
])
def test_countries_of_organisations(text, canonical, country):
    table = entities_in_text(text)
    row = table[table["canonical"] == canonical]
    assert len(row) == 1 and row.iloc[0]["country"] == country


def test_offsets_point_at_the_mention():
    text = "Lyon and Guangzhou have cooperated since 1988 with Sun Yat Sen University."
    table = entities_in_text(text)
    assert list(table.columns) == list(TEXT_ENTITY_COLUMNS)
    assert all(text[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))
    assert table["canonical"].tolist() == ["Lyon", "Guangzhou", "Sun Yat-sen University"]


def test_empty_text_gives_an_empty_table():
    table = entities_in_text("")
    assert table.empty and list(table.columns) == list(TEXT_ENTITY_COLUMNS)


def test_own_registry_adds_a_partner(tmp_path):
    registry = tmp_path / "partners.yaml"
    registry.write_text("partners:\n  - name: Qinhuai Lab\n    label: ORG\n    type: institute\n"
                        "    country: China\n    aliases: [QHL]\nignore: [Nanjing]\n", "utf-8")
    table = entities_in_text("QHL works with Nanjing and Lyon.", registry=str(registry))
    assert table["canonical"].tolist() == ["Qinhuai Lab", "Lyon"]
    assert table.iloc[0]["type"] == "institute"


@pytest.fixture(scope="module")
def seed_entities(seeds_corpus) -> pd.DataFrame:
    return extract_entities(seeds_corpus)


def test_extract_entities_columns_and_offsets(seeds_corpus, seed_entities):
    assert list(seed_entities.columns) == list(ENTITY_COLUMNS)
    texts = seeds_corpus.documents.set_index("doc_id")["text"]
    assert all(texts[d][s:e] == t for d, s, e, t in
               zip(seed_entities["doc_id"], seed_entities["start"], seed_entities["end"], seed_entities["text"]))
    assert set(seed_entities["label"]) == {"ORG", "PLACE"}


@pytest.mark.parametrize("doc_prefix, canonical, label, type_", [
    ("000", "Bank of China", "ORG", "bank"),
    ("000", "Nanjing Investment Promotion Bureau", "ORG", "government"),
    ("000", "Nanjing University of Science and Technology", "ORG", "university"),
    ("000", "French and Chinese New Institute of Lyon", "ORG", "institute"),
    ("001", "Consulate General in Strasbourg", "ORG", "embassy"),
    ("001", "Paris Region SME Union", "ORG", "association"),
    ("001", "Europe", "PLACE", "region"),
    ("002", "Fondation Sophia Antipolis", "ORG", "association"),
    ("002", "Jiangning Development Zone", "ORG", "zone"),
    ("002", "Montargis", "PLACE", "city"),
    ("003", "Jiangsu", "PLACE", "region"),
    ("003", "Hong Kong University of Science and Technology", "ORG", "university"),
    ("004", "Guangzhou", "PLACE", "city"),
    ("004", "Auvergne-Rhône-Alpes", "PLACE", "region"),
    ("004", "Lyon Confluence", "ORG", "zone"),
])
def test_seed_partners(seed_entities, doc_prefix, canonical, label, type_):
    rows = seed_entities[seed_entities["doc_id"].str.startswith(doc_prefix) & (seed_entities["canonical"] == canonical)]
    assert len(rows) >= 1
    assert (rows.iloc[0]["label"], rows.iloc[0]["type"]) == (label, type_)


@pytest.mark.parametrize("doc_prefix, not_expected", [
    ("000", "Global Investment Cooperation Partners"),
    ("000", "CTO"),
    ("001", "General"),
    ("002", "Nanjing Tech"),
    ("002", "IOT"),
    ("002", "Win-Win"),
    ("003", "AI"),
    ("003", "ICT"),
    ("003", "Industrial Technology Innovation and Investment Promotion Conference"),
])
def test_seed_non_partners(seed_entities, doc_prefix, not_expected):
    rows = seed_entities[seed_entities["doc_id"].str.startswith(doc_prefix)]
    assert not_expected not in set(rows["canonical"]) | set(rows["text"])


def test_cli_entities_contract(seeds_dir, tmp_path, capsys):
    import json

    from coopnews.cli import main

    article = tmp_path / "lyon-news.txt"
    article.write_text("Lyon and 广州 (Canton) renewed their ties.\n\nThe Bank of China opened an office in Lyon.\n",
                       "utf-8")
    missing = tmp_path / "missing.txt"
    assert main(["entities", str(article), str(seeds_dir / "002_e616c3d33100e524.txt"), str(missing)]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert all(set(r) == {"doc", "text", "start", "end", "label", "canonical", "type"} for r in records)
    assert {r["label"] for r in records} == {"ORG", "PLACE"}
    texts = {"lyon-news": article.read_text("utf-8"),
             "002_e616c3d33100e524": (seeds_dir / "002_e616c3d33100e524.txt").read_text("utf-8")}
    assert all(texts[r["doc"]][r["start"]:r["end"]] == r["text"] for r in records)
    ours = [(r["text"], r["canonical"]) for r in records if r["doc"] == "lyon-news"]
    assert ours == [("Lyon", "Lyon"), ("广州", "Guangzhou"), ("Canton", "Guangzhou"), ("Bank of China", "Bank of China"),
                    ("Lyon", "Lyon")]
    assert "missing.txt" in err and "skipped" in err
