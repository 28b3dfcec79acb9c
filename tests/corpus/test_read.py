"""load_corpus on the seeds and on hand-made folders: formats, sidecar, bad files, duplicates, cache, CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from coopnews.corpus import tables as corpus_mod
from coopnews import load_corpus

SEED_DATES = {
    "000_978891ec4f136724": None,  # "Copyright © 2018" is a footer, not its date
    "001_a8ebd945cfdb3d44": None,
    "002_e616c3d33100e524": None,  # "On 24 June" and "Tech Week 2021" are body events, not publication dates
    "003_e34678cbd33f4e69": "2025-04-03",  # dateline
    "004_3c3d29bd9ffa8773": None,
}
ARTICLE = ("Lyon and Guangzhou Renew Their Pact\n\nLyon and Guangzhou signed a new cooperation agreement. "
           "The two cities will work on smart-city projects and on education.\n")


def test_seeds_load_with_the_right_publication_dates(seeds_corpus):
    docs = seeds_corpus.documents.set_index("doc_id")
    assert sorted(docs.index) == sorted(SEED_DATES)
    assert docs["date"].astype(object).where(docs["date"].notna(), None).to_dict() == SEED_DATES
    assert docs.at["003_e34678cbd33f4e69", "date_source"] == "dateline"
    assert set(docs["language"]) == {"en"}
    assert docs.at["000_978891ec4f136724", "source"] == "Invest Nanjing"
    assert docs.at["001_a8ebd945cfdb3d44", "title"] == "Chen Zhichang Leads Nanjing Delegation on a Study Visit in France"
    assert pd.isna(docs.at["004_3c3d29bd9ffa8773", "title"])
    assert seeds_corpus.skipped.empty


def test_seed_boilerplate_is_removed_and_body_kept(seeds_corpus):
    removed = seeds_corpus.removed
    assert set(removed.loc[removed.doc_id == "000_978891ec4f136724", "kind"]) == {
        "language switcher", "section label", "source line", "footer"}
    text = seeds_corpus.documents.set_index("doc_id").at["000_978891ec4f136724", "text"]
    assert text.startswith("Nanjing Strengthens Ties with France")
    assert text.endswith("innovation-led cooperation in the decade ahead.")
    assert "Copyright" not in text and "Biz News" not in text


def test_sentence_offsets_point_into_the_text(seeds_corpus):
    texts = seeds_corpus.documents.set_index("doc_id")["text"]
    for row in seeds_corpus.sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    counts = seeds_corpus.sentences.groupby("doc_id").size()
    assert (counts == seeds_corpus.documents.set_index("doc_id")["n_sentences"]).all()


def test_raw_span_maps_back_to_the_file(seeds_corpus, seeds_dir):
    doc_id = "003_e34678cbd33f4e69"
    text = seeds_corpus.documents.set_index("doc_id").at[doc_id, "text"]
    start = text.index("102 major projects")
    raw_start, raw_end = seeds_corpus.raw_span(doc_id, start, start + len("102 major projects"))
    raw = (seeds_dir / f"{doc_id}.txt").read_text("utf-8")
    assert raw[raw_start:raw_end] == "102 major projects"


def _write(folder: Path, name: str, data: bytes | str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


@pytest.fixture
def mixed_folder(tmp_path) -> Path:
    """One good document in each format, and one bad file of each kind."""
    folder = tmp_path / "mixed"
    _write(folder, "good.txt", ARTICLE)
    _write(folder, "sub/good-md.md", "# Nanjing Tech Week\n\nThe week opened in Nanjing with French guests.\n")
    _write(folder, "page.html", "<html lang='fr'><head><title>Lyon et Canton</title>"
           "<meta property='article:published_time' content='2021-06-24T08:00:00Z'></head>"
           "<body><nav>Accueil</nav><article><p>Lyon et Canton ont signé un accord de coopération.</p>"
           "<script>alert(1)</script></article></body></html>")
    _write(folder, "feed.jsonl", json.dumps({"id": "r1", "title": "Nanjing bank", "date": "2020-05-01",
                                             "body": "Bank of Nanjing and BNP Paribas deepened cooperation."}) + "\n"
           + "{not json\n" + json.dumps({"id": "r3", "body": ""}) + "\n")
    _write(folder, "items.json", json.dumps([{"id": "j1", "text": "Sophia Antipolis met Jiangning Development Zone."}]))
    _write(folder, "table.csv", "id,title,text\nc1,A csv row,Guangzhou and Lyon discussed urban regeneration.\n")
    _write(folder, "utf16.txt", ("Nanjing et Lyon coopèrent dans l’éducation depuis 2014. " * 3).encode("utf-16"))
    _write(folder, "empty.txt", b"")
    _write(folder, "binary.txt", bytes(range(256)) * 8)
    _write(folder, "huge.txt", "word " * 5000)
    _write(folder, "scan.pdf", b"%PDF-1.4 something")
    _write(folder, ".hidden/ignored.txt", "not part of the corpus")
    return folder


def test_folder_with_bad_files_loads_the_good_ones_and_reports_each_bad_one(mixed_folder):
    corpus = load_corpus(mixed_folder, max_bytes=20_000, progress=False)
    assert sorted(corpus.documents["doc_id"]) == ["c1", "good", "good-md", "j1", "page", "r1", "utf16"]
    reasons = {(row.path, None if pd.isna(row.record) else int(row.record)): row.reason
               for row in corpus.skipped.itertuples()}
    assert reasons[("empty.txt", None)].startswith("empty file")
    assert reasons[("binary.txt", None)].startswith("binary file")
    assert reasons[("huge.txt", None)].startswith("too big")
    assert reasons[("scan.pdf", None)].startswith("unsupported file type '.pdf'")
    assert reasons[("feed.jsonl", 1)].startswith("line 2 is not valid JSON")
    assert reasons[("feed.jsonl", 2)] == "empty text field"
    assert len(corpus.skipped) == 6
    assert not any("hidden" in p for p in corpus.log["path"])


def test_formats_give_their_metadata(mixed_folder):
    docs = load_corpus(mixed_folder, max_bytes=20_000, progress=False).documents.set_index("doc_id")
    assert docs.at["page", "title"] == "Lyon et Canton"
    assert docs.at["page", "date"] == "2021-06-24" and docs.at["page", "date_source"] == "header"
    assert docs.at["page", "language"] == "fr"
    assert "alert" not in docs.at["page", "text"] and "Accueil" not in docs.at["page", "text"]
    assert docs.at["r1", "date"] == "2020-05-01" and docs.at["r1", "date_source"] == "record"
    assert docs.at["good-md", "title"] == "Nanjing Tech Week"
    assert docs.at["utf16", "encoding"] == "utf-16" and docs.at["utf16", "language"] == "fr"
    assert docs.at["c1", "title"] == "A csv row"


def test_text_column_parameter_names_the_field(tmp_path):
    _write(tmp_path, "t.csv", "id,story\ns1,Nanjing and Lyon signed an agreement.\n")
    corpus = load_corpus(tmp_path, text_column="story", progress=False)
    assert corpus.documents["text"].tolist() == ["Nanjing and Lyon signed an agreement."]
    missing = load_corpus(tmp_path, text_column="body", progress=False, use_cache=False)
    assert missing.documents.empty
    assert "no 'body' field (fields: id, story)" in missing.skipped["reason"].iloc[0]


def test_sidecar_overrides_what_is_inferred(tmp_path):
    _write(tmp_path, "a.txt", "NANJING, China, April 3, 2025 /PRNewswire/ -- Nanjing held a conference.")
    _write(tmp_path, "b.txt", ARTICLE)
    _write(tmp_path, "metadata.csv", "file,title,date,source,url,language\n"
           "a.txt,Conference in Nanjing,2025-04-05,PR Newswire,https://example.org/a,\n"
           "b.txt,,2019,,,\n")
    docs = load_corpus(tmp_path, progress=False).documents.set_index("doc_id")
    assert docs.at["a", "date"] == "2025-04-05" and docs.at["a", "date_source"] == "sidecar"
    assert docs.at["a", "title"] == "Conference in Nanjing" and docs.at["a", "source"] == "PR Newswire"
    assert docs.at["b", "date"] == "2019" and docs.at["b", "date_precision"] == "year"
    assert docs.at["b", "title"] == "Lyon and Guangzhou Renew Their Pact"  # blank cell: inferred title kept


def test_exact_and_near_duplicates_are_flagged_and_linked(tmp_path):
    story = " ".join(f"Nanjing and Lyon discussed project number {i} in the field of smart cities." for i in range(30))
    _write(tmp_path, "a-original.txt", story)
    _write(tmp_path, "b-copy.txt", "  " + story.upper() + "\n")
    _write(tmp_path, "c-republished.txt", story + " Reporting by the Lyon desk.")
    _write(tmp_path, "d-other.txt", ARTICLE)
    docs = load_corpus(tmp_path, progress=False).documents.set_index("doc_id")
    assert docs.at["b-copy", "duplicate_of"] == "a-original" and docs.at["b-copy", "duplicate_kind"] == "exact"
    assert docs.at["c-republished", "duplicate_of"] == "a-original"
    assert docs.at["c-republished", "duplicate_kind"] == "near"
    assert docs.at["c-republished", "duplicate_similarity"] >= 0.8
    assert pd.isna(docs.at["a-original", "duplicate_of"]) and pd.isna(docs.at["d-other", "duplicate_of"])
    assert len(docs) == 4  # both copies are kept


def test_same_stem_in_two_folders_gets_distinct_ids(tmp_path):
    _write(tmp_path, "2020/article.txt", ARTICLE)
    _write(tmp_path, "2021/article.txt", ARTICLE.replace("Lyon", "Paris"))
    ids = load_corpus(tmp_path, progress=False).documents["doc_id"].tolist()
    assert ids == ["article", "2021__article"]  # the first keeps its stem, the next gets its folder


def test_cache_reparses_only_new_documents(tmp_path, monkeypatch):
    from coopnews.cache import stages

    monkeypatch.setattr(stages, "SAMPLE_CHARS", 2 * len(ARTICLE))  # models learned on the first two documents
    for i in range(3):
        _write(tmp_path, f"doc{i}.txt", ARTICLE.replace("Lyon", f"Lyon{i}"))
    first = load_corpus(tmp_path, progress=False)
    calls = []
    original = corpus_mod.parse_document
    monkeypatch.setattr(corpus_mod, "parse_document", lambda raw, splitter: calls.append(raw.doc_id) or original(raw, splitter))
    again = load_corpus(tmp_path, progress=False)
    assert calls == []
    assert again.documents.drop(columns=["segments"]).equals(first.documents.drop(columns=["segments"]))
    assert again.sentences.equals(first.sentences)
    _write(tmp_path, "doc3.txt", ARTICLE.replace("Lyon", "Marseille"))
    grown = load_corpus(tmp_path, progress=False)
    assert calls == ["doc3"]
    assert len(grown.documents) == 4


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="corpus folder not found"):
        load_corpus(tmp_path / "nope")


def test_cli_lists_the_seeds_with_their_dates(seeds_dir):
    out = subprocess.run([sys.executable, "-m", "coopnews", "corpus", str(seeds_dir)],
                         capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert {r["doc"]: r["date"] for r in rows} == SEED_DATES
    assert all({"doc", "title", "date", "date_source", "language", "n_words", "status"} <= set(r) for r in rows)
    assert "5 documents loaded, 0 skipped" in out.stderr


def test_cli_reports_skipped_files_on_stderr(mixed_folder):
    out = subprocess.run([sys.executable, "-m", "coopnews", "corpus", str(mixed_folder), "--max-bytes", "20000"],
                         capture_output=True, text=True, check=True)
    assert "skipped: binary.txt: binary file" in out.stderr
    assert "skipped: feed.jsonl record 2: line 2 is not valid JSON" in out.stderr


def test_cli_writes_csv_and_parquet(seeds_dir, tmp_path):
    subprocess.run([sys.executable, "-m", "coopnews", "corpus", str(seeds_dir), "--format", "parquet",
                    "--out", str(tmp_path / "c.parquet")], check=True, capture_output=True)
    assert len(pd.read_parquet(tmp_path / "c.parquet")) == 5
    bad = subprocess.run([sys.executable, "-m", "coopnews", "corpus", str(tmp_path / "missing")],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "corpus folder not found" in bad.stderr


def test_two_workers_give_the_same_tables_as_one(tmp_path):
    from coopnews.scale.pipeline import process

    for i in range(7):
        _write(tmp_path / "docs", f"doc{i}.txt", ARTICLE.replace("Lyon", f"Lyon{i}"))
    serial = process(tmp_path / "docs", workers=1, chunk_size=2, progress=False, cache_dir=tmp_path / "c1").corpus()
    parallel = process(tmp_path / "docs", workers=2, chunk_size=2, progress=False, cache_dir=tmp_path / "c2").corpus()
    assert parallel.documents.drop(columns="segments").equals(serial.documents.drop(columns="segments"))
    assert parallel.sentences.equals(serial.sentences)
