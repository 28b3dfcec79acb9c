"""The tables of a loaded corpus (the Corpus dataclass and its documented columns), and the parsing of
one raw document into its rows.

    corpus = coopnews.load_corpus("seeds")
    corpus.documents   # one row per document (DOCUMENT_COLUMNS)
    corpus.sentences   # one row per sentence, with offsets into documents.text (SENTENCE_COLUMNS)
    corpus.removed     # boilerplate lines taken out of each document (REMOVED_COLUMNS)
    corpus.log         # one row per file or record read: ok, skipped (with the reason) or warning
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .clean import clean_text, raw_span
from .dates import normalise_date
from .duplicates import minhash_signature, normalised_hash
from .language import detect_language
from .read import RawDocument
from .sentences import SentenceSplitter, count_words

PARSER_VERSION = "3"  # 2: Chinese and French bylines, datelines after the title, Chinese sentences; 3: merged with issue 13's pubdate

DOCUMENT_COLUMNS = {
    "doc_id": "file stem, or the record's id in a JSON/CSV collection (made unique with its path if needed)",
    "path": "file path relative to the corpus folder",
    "record": "position of the record inside a collection file; null for one-document files",
    "title": "sidecar/record/HTML title, else the first line when it looks like a headline; may be null",
    "text": "cleaned body (boilerplate lines and dateline removed; paragraphs separated by blank lines)",
    "segments": "way back to the raw text: [clean_start, raw_start, length] runs (see Corpus.raw_span)",
    "date": "publication date, ISO (YYYY-MM-DD, YYYY-MM or YYYY); null when unknown",
    "date_source": "sidecar | record | header (HTML metadata) | dateline | byline | timestamp (a printed "
                   "timestamp line) | none",
    "date_evidence": "[start, end] raw-text offsets of the printed date it was read from (dateline, byline, "
                     "timestamp); null for metadata or no date",
    "date_precision": "day | month | year; null when there is no date",
    "language": "ISO 639-1 code from the sidecar/record/HTML, else detected by py3langid; 'und' if too short",
    "language_confidence": "the detector's probability (1.0 when given by metadata)",
    "source": "publisher, from the sidecar/record or a 'From X' line; may be null",
    "url": "from the sidecar or record; may be null",
    "encoding": "encoding the file was decoded with",
    "n_words": "words in text (CJK characters count one each)",
    "n_sentences": "sentences in text",
    "content_hash": "SHA-1 of the raw document text (cache key)",
    "text_hash": "SHA-1 of the cleaned text, lower-cased, whitespace collapsed (exact duplicates share it)",
    "duplicate_of": "doc_id of the first copy when this document is an exact or near duplicate",
    "duplicate_kind": "exact | near; null for originals",
    "duplicate_similarity": "estimated Jaccard similarity of word 5-shingles with duplicate_of",
    "status": "ok (loaded); files that could not be loaded are in Corpus.log with their reason",
    "cache_key": "key of the document's cached rows (content, origin, metadata and parser version)",
}
SENTENCE_COLUMNS = {
    "doc_id": "document",
    "sent_id": "0-based position of the sentence in the document",
    "start": "character offset into documents.text",
    "end": "end offset (exclusive)",
    "text": "the sentence",
}
REMOVED_COLUMNS = {"doc_id": "document", "kind": "what kind of boilerplate", "text": "the line removed"}
LOG_COLUMNS = {
    "path": "file path relative to the corpus folder",
    "record": "record number inside a collection file, if any",
    "doc_id": "document id when loaded",
    "status": "ok | skipped | warning",
    "reason": "why it was skipped (empty for ok)",
}


@dataclass
class Corpus:
    """The tables of one loaded corpus."""

    root: Path | str  # the corpus folder, or its URL for a corpus fsspec reads (s3://…)
    documents: pd.DataFrame
    sentences: pd.DataFrame
    removed: pd.DataFrame
    log: pd.DataFrame
    sentence_model: str
    cache_dir: Path | None = None  # where per-document stage results are cached (None: not cached)

    @property
    def skipped(self) -> pd.DataFrame:
        """Files and records that were not loaded, with their reasons."""
        return self.log[self.log["status"] == "skipped"].reset_index(drop=True)

    @property
    def fingerprint(self) -> str:
        """Content hash of the whole corpus: equal for equal document sets."""
        joined = "\n".join(sorted(self.documents["content_hash"]))
        return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]

    def raw_span(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        """Map a span of documents.text to the file's (or record's) text as decoded."""
        segments = self.documents.set_index("doc_id").at[doc_id, "segments"]
        return raw_span([tuple(s) for s in segments], start, end)

    def subset(self, doc_ids, *, documents: pd.DataFrame | None = None) -> Corpus:
        """The same corpus restricted to `doc_ids` (in corpus order); `documents` replaces the table."""
        wanted = set(doc_ids)
        docs = self.documents if documents is None else documents
        keep = lambda table: table[table["doc_id"].isin(wanted)].reset_index(drop=True)  # noqa: E731
        return Corpus(self.root, keep(docs), keep(self.sentences), keep(self.removed), self.log,
                      self.sentence_model, self.cache_dir)

    def __repr__(self) -> str:
        return (f"Corpus({str(self.root)!r}: {len(self.documents)} documents, "
                f"{len(self.sentences)} sentences, {len(self.skipped)} skipped)")


def chunk_corpus(raws: list[RawDocument], keys: list[str], splitter: SentenceSplitter) -> tuple[Corpus, dict]:
    """Parse a chunk of documents: an in-memory Corpus of them, and their rows for the cache tables."""
    docs, sents, removed = [], [], []
    for raw, key in zip(raws, keys):
        doc, doc_sents, doc_removed = parse_document(raw, splitter)
        docs.append({**doc, "doc_id": raw.doc_id, "cache_key": key})
        sents.extend({**row, "doc_id": raw.doc_id, "cache_key": key} for row in doc_sents)
        removed.extend({**row, "doc_id": raw.doc_id, "cache_key": key} for row in doc_removed)
    tables = {
        "documents": pd.DataFrame(docs).astype({"record": "Int64"}),
        "sentences": records_frame(sents, [*SENTENCE_COLUMNS, "cache_key"]),
        "removed": records_frame(removed, [*REMOVED_COLUMNS, "cache_key"]),
    }
    documents = tables["documents"].assign(duplicate_of=None, duplicate_kind=None, duplicate_similarity=float("nan"))
    corpus = Corpus(root=Path("."), documents=documents, sentences=tables["sentences"], removed=tables["removed"],
                    log=pd.DataFrame(columns=list(LOG_COLUMNS)), sentence_model=splitter.origin)
    return corpus, tables


def stored_chunk_corpus(tables: dict[str, pd.DataFrame], sentence_model: str) -> Corpus:
    """The in-memory Corpus of a chunk whose documents were parsed before: chunk_corpus's Corpus built from
    their stored documents, sentences and removed rows (with doc_id and cache_key) instead of parsing again."""
    documents = tables["documents"].assign(duplicate_of=None, duplicate_kind=None, duplicate_similarity=float("nan"))
    documents["record"] = documents["record"].astype("Int64")
    return Corpus(root=Path("."), documents=documents, sentences=tables["sentences"], removed=tables["removed"],
                  log=pd.DataFrame(columns=list(LOG_COLUMNS)), sentence_model=sentence_model)


def log_row(raw: RawDocument) -> dict:
    return {"path": raw.path, "record": raw.record, "doc_id": raw.doc_id, "status": "ok", "reason": ""}


def parse_document(raw: RawDocument, splitter: SentenceSplitter) -> tuple[dict, list[dict], list[dict]]:
    """One document's row, its sentences and its removed lines."""
    cleaned = clean_text(raw.raw_text)
    text = cleaned.text
    meta = raw.meta
    date, source_of_date, evidence = publication_date(meta, cleaned)
    if meta.get("language"):
        language, confidence = meta["language"].lower(), 1.0
    else:
        language, confidence = detect_language(text)
    spans = splitter.spans(text)
    doc = {
        "path": raw.path, "record": raw.record,
        "title": meta.get("title") or cleaned.title,
        "text": text, "segments": [list(s) for s in cleaned.segments],
        "date": date[0] if date else None, "date_source": source_of_date,
        "date_evidence": list(evidence) if evidence else None,
        "date_precision": date[1] if date else None,
        "language": language, "language_confidence": confidence,
        "source": meta.get("source") or cleaned.source, "url": meta.get("url"),
        "encoding": raw.encoding, "n_words": count_words(text), "n_sentences": len(spans),
        "content_hash": raw.content_hash, "text_hash": normalised_hash(text),
        "minhash": minhash_signature(text), "status": "ok",
    }
    sentences = [{"sent_id": i, "start": s, "end": e, "text": text[s:e]} for i, (s, e) in enumerate(spans)]
    removed = [{"kind": kind, "text": line} for kind, line in cleaned.removed]
    return doc, sentences, removed


def publication_date(meta: dict, cleaned) -> tuple[tuple[str, str] | None, str, tuple[int, int] | None]:
    """(date, date_source, evidence span): sidecar/record/HTML metadata first, then the dateline, then a
    timestamp line or byline; never the body."""
    if meta.get("date"):
        parsed = normalise_date(meta["date"])
        if parsed:
            return parsed, meta.get("date_source", "record"), None
    if cleaned.dateline:
        return cleaned.dateline, "dateline", cleaned.dateline_span
    if cleaned.header_date:
        return cleaned.header_date, cleaned.header_source or "timestamp", cleaned.header_span
    return None, "none", None


def records_frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """`rows` as a table of `columns` (record as a nullable integer)."""
    df = pd.DataFrame(rows, columns=columns)
    if "record" in df:
        df["record"] = df["record"].astype("Int64")
    return df
