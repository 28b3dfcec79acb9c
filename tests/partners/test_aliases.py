"""coopnews.partners.aliases: an acronym one document links to its long form names the same partner in the
corpus' other documents."""
from __future__ import annotations

import pandas as pd

from coopnews.partners.aliases import corpus_aliases, entities_with_aliases, events_with_aliases, pairs_with_aliases
from coopnews.scale.access import entities, events, load_corpus, partner_tables


def _rows(*rows) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": d, "start": 0, "end": 1, "text": t, "label": "ORG", "canonical": c,
                          "type": k, "country": None} for d, t, c, k in rows])


ROWS = _rows(("d1", "General Motors", "General Motors", "company"), ("d1", "GM", "General Motors", "company"),
             ("d2", "GM", "GM", None), ("d2", "Fiat", "Fiat", "company"),
             ("d3", "AOL", "AOL Europe", None), ("d4", "AOL", "AOL", None),  # a division, not the initials
             ("d5", "PSA", "Port of Singapore Authority", None), ("d6", "PSA", "Peugeot Societe Anonyme", None),
             ("d7", "PSA", "PSA", None))


def test_an_acronym_linked_to_one_long_form_names_it_in_every_document():
    aliases = corpus_aliases(ROWS)
    assert aliases["GM"].name == "General Motors" and aliases["GM"].type == "company"
    assert "AOL" not in aliases  # "AOL Europe" starts with AOL but AOL is not its initials
    assert "PSA" not in aliases  # linked to two different names: left as written
    renamed = entities_with_aliases(ROWS, aliases)
    d2 = renamed[renamed["doc_id"] == "d2"]
    assert d2["canonical"].tolist() == ["General Motors", "Fiat"] and d2["text"].tolist() == ["GM", "Fiat"]
    assert renamed.loc[renamed["doc_id"] == "d7", "canonical"].tolist() == ["PSA"]
    assert renamed.loc[renamed["doc_id"] == "d4", "canonical"].tolist() == ["AOL"]


def test_pairs_and_event_parties_take_the_long_form():
    aliases = corpus_aliases(ROWS)
    pairs = pd.DataFrame({"doc_id": ["d2", "d2"], "a": ["GM", "GM"], "b": ["Fiat", "General Motors"]})
    assert pairs_with_aliases(pairs, aliases)[["a", "b"]].values.tolist() == [["General Motors", "Fiat"]]
    ev = pd.DataFrame({"doc_id": ["d2"], "parties": [["GM", "Fiat", "General Motors"]]})
    assert events_with_aliases(ev, aliases)["parties"].tolist() == [["General Motors", "Fiat"]]


def test_a_corpus_names_an_acronym_as_the_document_that_defines_it(tmp_path):
    (tmp_path / "a.txt").write_text("Kestrel Harbour Logistics opens hub\n\nKestrel Harbour Logistics (KHL) said "
                                    "on Monday it would open a hub in the port of Gdansk.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Port deal\n\nKHL and the city of Rotterdam signed a cooperation agreement on "
                                    "12 May 2021 to share port data.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path, progress=False, use_cache=False, stages=["events"])
    b = corpus.documents.loc[corpus.documents["path"].astype(str).str.endswith("b.txt"), "doc_id"].item()
    named = entities(corpus)
    assert set(named.loc[named["doc_id"] == b, "canonical"]) == {"Kestrel Harbour Logistics", "Rotterdam"}
    assert "KHL" not in set(partner_tables(corpus).entities["canonical"])
    parties = events(corpus).set_index("doc_id").loc[b, "parties"]
    assert "Kestrel Harbour Logistics" in list(parties) and "KHL" not in list(parties)
