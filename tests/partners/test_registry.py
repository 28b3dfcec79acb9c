"""coopnews.registry: the packaged registry, user registries, bad files, and candidates to add."""
from __future__ import annotations

import pandas as pd
import pytest

from coopnews.partners.registry import (CANDIDATE_COLUMNS, PARTNER_COLUMNS, candidates, load_registry, normalise_name,
                               registry_frame)


@pytest.mark.parametrize("alias, name, label, type_, country", [
    ("Nanjing", "Nanjing", "PLACE", "city", "China"),
    ("南京", "Nanjing", "PLACE", "city", "China"),
    ("Nankin", "Nanjing", "PLACE", "city", "China"),
    ("Guangzhou", "Guangzhou", "PLACE", "city", "China"),
    ("广州", "Guangzhou", "PLACE", "city", "China"),
    ("Canton", "Guangzhou", "PLACE", "city", "China"),
    ("里昂", "Lyon", "PLACE", "city", "France"),
    ("FSA", "Fondation Sophia Antipolis", "ORG", "association", "France"),
    ("Foundation Sophia Antipolis", "Fondation Sophia Antipolis", "ORG", "association", "France"),
    ("the Bank of China’s", "Bank of China", "ORG", "bank", "China"),
    ("JNDZ", "Jiangning Development Zone", "ORG", "zone", "China"),
    ("Rhône-Alps", "Auvergne-Rhône-Alpes", "PLACE", "region", "France"),
])
def test_lookup_aliases(alias, name, label, type_, country):
    entry = load_registry().lookup(alias)
    assert entry == {"name": name, "label": label, "type": type_, "country": country}


@pytest.mark.parametrize("text, key", [
    ("The Bank of China’s", "bank of china"),
    ("Sophia‐Antipolis", "sophia-antipolis"),
    ("  Lyon  Business   School ", "lyon business school"),
])
def test_normalise_name(text, key):
    assert normalise_name(text) == key


def test_ignored_names():
    reg = load_registry()
    assert reg.is_ignored("AI") and reg.is_ignored("ict") and reg.is_ignored("the Consul General")
    assert not reg.is_ignored("Nanjing")


def test_registry_frame_is_documented():
    frame = registry_frame()
    assert list(frame.columns) == list(PARTNER_COLUMNS)
    assert {"Nanjing", "Lyon", "Guangzhou", "Fondation Sophia Antipolis"} <= set(frame["name"])


def test_own_registry_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("partners:\n  - name: Suzhou\n    label: PLACE\n    type: city\n    country: China\n"
                    "    aliases: [苏州, Soochow]\n", "utf-8")
    reg = load_registry(path)
    assert reg.lookup("Soochow")["name"] == "Suzhou"
    assert reg.lookup("Nanjing") is None


@pytest.mark.parametrize("content, message", [
    ("partners:\n  - label: ORG\n", "has no 'name'"),
    ("partners:\n  - name: X\n    label: CITY\n", "label must be ORG or PLACE"),
    ("partners:\n  - name: X\n    label: ORG\n    type: shop\n", "type 'shop' is not one of"),
    ("partners: [\n", "not valid YAML"),
    ("- just\n- a list\n", "must be a mapping"),
])
def test_bad_registry_names_file_and_reason(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(ValueError) as err:
        load_registry(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_missing_registry_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="partner registry not found"):
        load_registry(tmp_path / "nope.yaml")


def test_candidates_are_frequent_unknown_names():
    entities = pd.DataFrame([
        {"doc_id": "a", "text": "Qinhuai Lab", "label": "ORG", "canonical": "Qinhuai Lab", "type": "institute", "country": "China"},
        {"doc_id": "b", "text": "Qinhuai Lab", "label": "ORG", "canonical": "Qinhuai Lab", "type": "institute", "country": "China"},
        {"doc_id": "b", "text": "the Qinhuai Lab", "label": "ORG", "canonical": "Qinhuai Lab", "type": "institute", "country": "China"},
        {"doc_id": "a", "text": "Nanjing", "label": "PLACE", "canonical": "Nanjing", "type": "city", "country": "China"},
        {"doc_id": "b", "text": "Nanjing", "label": "PLACE", "canonical": "Nanjing", "type": "city", "country": "China"},
        {"doc_id": "a", "text": "Ghent", "label": "PLACE", "canonical": "Ghent", "type": "city", "country": "Belgium"},
        {"doc_id": "b", "text": "Ghent", "label": "PLACE", "canonical": "Ghent", "type": "city", "country": "Belgium"},
        {"doc_id": "a", "text": "Once Only", "label": "ORG", "canonical": "Once Only", "type": "other", "country": None},
    ])
    table = candidates(entities, min_count=2)
    assert list(table.columns) == list(CANDIDATE_COLUMNS)
    assert table["canonical"].tolist() == ["Qinhuai Lab"]
    assert table.iloc[0]["mentions"] == 3 and table.iloc[0]["documents"] == 2


def test_candidates_on_seeds_are_not_registry_names(seeds_corpus):
    from coopnews.partners.entities import extract_entities

    table = candidates(extract_entities(seeds_corpus), min_count=1)
    reg = load_registry()
    assert all(reg.lookup(name) is None for name in table["canonical"])
    assert "Nanjing" not in set(table["canonical"])
