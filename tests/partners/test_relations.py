"""coopnews.pairs: cooperation pairs, their type, sector and date, on hand-written texts and the seeds."""
from __future__ import annotations

import pytest

from coopnews.partners.relations import PAIR_COLUMNS, cue_in, extract_pairs, load_cues, pair_counts, pairs_in_text


def pair_set(text: str, **kw) -> set[frozenset]:
    table = pairs_in_text(text, **kw)
    return {frozenset((a, b)) for a, b in zip(table["a"], table["b"])}


@pytest.mark.parametrize("text, expected", [
    ("Wuhan and Bordeaux signed a memorandum of understanding on Monday.", {("Wuhan", "Bordeaux")}),
    ("Nantes and Jinan have been twin cities since 2002.", {("Nantes", "Jinan")}),
    # the place that only locates an organisation is not a party
    ("The Chinese Consulate in Lyon signed an agreement with the Bank of China.",
     {("Chinese Consulate in Lyon", "Bank of China")}),
    # a city and its own country are not a pair; a place where something is held is a venue
    ("Nanjing, China, signed an accord with Paris.", {("Nanjing", "Paris")}),
    ("The forum was held in Nanjing, China, with Paris.", set()),
    # no cooperation cue, no pair
    ("Nanjing is larger than Lyon.", set()),
    # only one partner, no pair
    ("Nanjing is moving to the front line of global partnership.", set()),
    # a cue inside a name does not count
    ("Keynote speakers came from Tsinghua University and BMW Group.", set()),
])
def test_pairs_in_text(text, expected):
    assert pair_set(text) == {frozenset(p) for p in expected}


@pytest.mark.parametrize("sentence, kind", [
    ("They signed a cooperation agreement.", "agreement"),
    ("The two cities are sister cities.", "twinning"),
    ("Valeo will invest in a plant.", "investment"),
    ("The mayor led a delegation to Paris.", "visit"),
    ("The forum was attended by 400 people.", "forum"),
    ("They cooperate on smart cities.", "partnership"),
    ("473 students were trained there.", "education"),
    ("The weather was fine.", None),
])
def test_cooperation_type(sentence, kind):
    cue = cue_in(sentence)
    assert (cue[0] if cue else None) == kind


def test_cue_lexicon_is_documented_yaml():
    cues = load_cues()
    assert {"agreement", "twinning", "investment", "visit", "forum", "partnership"} <= set(cues)


def test_own_cue_file(tmp_path):
    path = tmp_path / "cues.yaml"
    path.write_text("friendship: [befriend*]\n", "utf-8")
    assert cue_in("Lyon befriended Guangzhou.", cues=path) == ("friendship", "befriended")
    assert pair_set("Lyon befriended Guangzhou.", cues=str(path)) == {frozenset(("Lyon", "Guangzhou"))}


def test_bad_cue_file(tmp_path):
    path = tmp_path / "cues.yaml"
    path.write_text("- not a mapping\n", "utf-8")
    with pytest.raises(ValueError, match="cues.yaml"):
        load_cues(path)


@pytest.mark.parametrize("text, anchor, date", [
    ("Lyon and Guangzhou signed an agreement on 8 November 2023.", None, "2023-11-08"),
    ("Since 1988 Guangzhou and Lyon have cooperated in education.", None, "1988"),
    ("Lyon and Guangzhou signed an agreement last year.", "2024-05-14", "2023"),
])
def test_pair_date(text, anchor, date):
    table = pairs_in_text(text, anchor=anchor)
    assert table["date"].tolist() == [date]


def test_pair_sector():
    table = pairs_in_text("BNP Paribas and Bank of Nanjing signed a banking cooperation agreement.")
    assert len(table) == 1 and table.iloc[0]["sector"] == "finance"


@pytest.fixture(scope="module")
def seed_pairs(seeds_corpus):
    return extract_pairs(seeds_corpus)


def test_seed_pairs_columns_and_evidence(seeds_corpus, seed_pairs):
    assert list(seed_pairs.columns) == list(PAIR_COLUMNS)
    texts = seeds_corpus.documents.set_index("doc_id")["text"]
    assert all(texts[d][s:e] == sent for d, s, e, sent in
               zip(seed_pairs["doc_id"], seed_pairs["start"], seed_pairs["end"], seed_pairs["sentence"]))


@pytest.mark.parametrize("a, b, kind", [
    ("Fondation Sophia Antipolis", "Jiangning Development Zone", "agreement"),
    ("BNP Paribas", "Bank of Nanjing", "partnership"),
    ("Nanjing Investment Promotion Bureau", "France-China Friendship Association", "agreement"),
    ("AgroParisTech", "Nanjing University of Science and Technology", "agreement"),
    ("Guangzhou", "Lyon", "agreement"),
    ("Guangzhou", "Lyon Confluence", "visit"),
])
def test_seed_pairs(seed_pairs, a, b, kind):
    rows = seed_pairs[((seed_pairs["a"] == a) & (seed_pairs["b"] == b)) | ((seed_pairs["a"] == b) & (seed_pairs["b"] == a))]
    assert kind in set(rows["type"])


def test_seed_non_pairs(seed_pairs):
    pairs = {frozenset((a, b)) for a, b in zip(seed_pairs["a"], seed_pairs["b"])}
    assert frozenset(("Nanjing", "China")) not in pairs  # a city and its country
    assert frozenset(("Nanjing", "Jiangsu")) not in pairs  # a city and its province
    assert frozenset(("Chinese Consulate in Lyon", "Lyon")) not in pairs  # a place locating an organisation
    assert not any("Hong Kong University of Science and Technology" in p for p in pairs)  # keynote list, no cue


def test_seed_pair_dates(seed_pairs):
    dated = seed_pairs[(seed_pairs["a"] == "Guangzhou") & (seed_pairs["b"] == "Lyon Confluence")]
    assert dated["date"].tolist() == ["2013"]


def test_pair_counts_orders_pairs(seed_pairs):
    counts = pair_counts(seed_pairs)
    assert (counts["a"] <= counts["b"]).all()
    assert counts["sentences"].is_monotonic_decreasing


def test_cli_partners_contract(seeds_dir, tmp_path, capsys):
    import json
    import shutil

    from coopnews.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(seeds_dir / "004_3c3d29bd9ffa8773.txt", folder)
    (folder / "twins.txt").write_text("Title line\n\nNantes and Jinan, twin cities since 2002, signed a new accord.\n",
                                      "utf-8")
    keys = {"doc", "a", "b", "type", "sector", "date", "sentence", "start", "end"}
    for args in ([str(folder)], [str(folder / "twins.txt"), str(folder / "004_3c3d29bd9ffa8773.txt")]):
        assert main(["partners", *args]) == 0
        records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert records and all(set(r) == keys for r in records)
        for r in records:
            raw = (folder / f"{r['doc']}.txt").read_text("utf-8")
            assert raw[r["start"]:r["end"]] == r["sentence"]
        twins = [r for r in records if r["doc"] == "twins"]
        assert [(r["a"], r["b"], r["type"]) for r in twins] == [("Nantes", "Jinan", "agreement")]
        assert {("Guangzhou", "Lyon Confluence")} <= {(r["a"], r["b"]) for r in records}
