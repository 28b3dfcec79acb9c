"""Load a folder of articles into documented tables, with a parquet cache keyed by content hashes.

    corpus = load_corpus("seeds")
    corpus.documents   # one row per document (DOCUMENT_COLUMNS)
    corpus.sentences   # one row per sentence, with offsets into documents.text (SENTENCE_COLUMNS)
    corpus.removed     # boilerplate lines taken out of each document (REMOVED_COLUMNS)
    corpus.log         # one row per file or record read: ok, skipped (with the reason) or warning
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from . import cache as cache_mod
from .cleaning import clean_text, raw_span
from .duplicates import find_duplicates, minhash_signature, normalised_hash
from .language import detect_language
from .loading import RawDocument, Skipped, normalise_date, read_corpus
from .text import SentenceSplitter, count_words

PARSER_VERSION = "1"

DOCUMENT_COLUMNS = {
    "doc_id": "file stem, or the record's id in a JSON/CSV collection (made unique with its path if needed)",
    "path": "file path relative to the corpus folder",
    "record": "position of the record inside a collection file; null for one-document files",
    "title": "sidecar/record/HTML title, else the first line when it looks like a headline; may be null",
    "text": "cleaned body (boilerplate lines and dateline removed; paragraphs separated by blank lines)",
    "segments": "way back to the raw text: [clean_start, raw_start, length] runs (see Corpus.raw_span)",
    "date": "publication date, ISO (YYYY-MM-DD, YYYY-MM or YYYY); null when unknown",
    "date_source": "sidecar | record | header | dateline | none",
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

    root: Path
    documents: pd.DataFrame
    sentences: pd.DataFrame
    removed: pd.DataFrame
    log: pd.DataFrame
    sentence_model: str

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

    def __repr__(self) -> str:
        return (f"Corpus({str(self.root)!r}: {len(self.documents)} documents, "
                f"{len(self.sentences)} sentences, {len(self.skipped)} skipped)")


def load_corpus(path: str | Path, *, text_column: str | None = None, max_bytes: int = 10_000_000,
                near_duplicate_threshold: float = 0.8, use_cache: bool = True, progress: bool = True,
                workers: int | None = None) -> Corpus:
    """Read every supported file under `path` into a Corpus; bad files are logged with a reason.

    `workers` processes parse new documents (default: all cores when there are over 500 of them);
    the result is the same whatever the number of workers.
    """
    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root} (give a folder of .txt/.md/.html/.json/.jsonl/.csv files)")
    cache_dir = cache_mod.corpus_cache_dir(root) if use_cache else None
    raws, log_rows = _read_all(root, text_column=text_column, max_bytes=max_bytes, progress=progress)
    splitter = _sentence_splitter(cache_dir, raws)
    key_prefix = f"{PARSER_VERSION}:{splitter.fingerprint()}"
    keys = [_cache_key(raw, key_prefix) for raw in raws]
    cached = _read_cache(cache_dir)
    docs, sents, removed = [], [], []
    todo = [(raw, key) for raw, key in zip(raws, keys) if key not in cached["documents"]]
    parsed = parse_documents([raw for raw, _ in todo], splitter, workers=workers, progress=progress)
    for (raw, key), (doc, doc_sents, doc_removed) in zip(todo, parsed):
        cached["documents"][key] = {**doc, "cache_key": key}
        cached["sentences"][key] = [{**s, "cache_key": key} for s in doc_sents]
        cached["removed"][key] = [{**r, "cache_key": key} for r in doc_removed]
    for raw, key in zip(raws, keys):
        docs.append({**cached["documents"][key], "doc_id": raw.doc_id})
        sents.extend({**s, "doc_id": raw.doc_id} for s in cached["sentences"].get(key, []))
        removed.extend({**r, "doc_id": raw.doc_id} for r in cached["removed"].get(key, []))
    documents = _documents_frame(docs, near_duplicate_threshold)
    sentences = _frame(sents, list(SENTENCE_COLUMNS) + ["cache_key"])
    removed_df = _frame(removed, list(REMOVED_COLUMNS) + ["cache_key"])
    if cache_dir is not None and (todo or len(cached["documents"]) != len(set(keys))):
        _write_cache(cache_dir, documents, sentences, removed_df)
    return Corpus(
        root=root,
        documents=documents[list(DOCUMENT_COLUMNS)].reset_index(drop=True),
        sentences=sentences[list(SENTENCE_COLUMNS)].reset_index(drop=True),
        removed=removed_df[list(REMOVED_COLUMNS)].reset_index(drop=True),
        log=_frame(log_rows, list(LOG_COLUMNS)),
        sentence_model=splitter.origin,
    )


def _read_all(root: Path, *, text_column, max_bytes, progress) -> tuple[list[RawDocument], list[dict]]:
    raws: list[RawDocument] = []
    log_rows: list[dict] = []
    for item in tqdm(read_corpus(root, text_column=text_column, max_bytes=max_bytes), desc="reading files",
                     unit="doc", disable=not progress):
        if isinstance(item, Skipped):
            status = "warning" if item.reason.startswith("sidecar") else "skipped"
            log_rows.append({"path": item.path, "record": item.record, "doc_id": None, "status": status,
                             "reason": item.reason})
        else:
            raws.append(item)
    _make_ids_unique(raws)
    for raw in raws:
        log_rows.append({"path": raw.path, "record": raw.record, "doc_id": raw.doc_id, "status": "ok", "reason": ""})
    return raws, log_rows


def _make_ids_unique(raws: list[RawDocument]) -> None:
    """Documents sharing a stem get their folder path (and record number) in the id."""
    counts: dict[str, int] = {}
    for raw in raws:
        counts[raw.doc_id] = counts.get(raw.doc_id, 0) + 1
    seen: set[str] = set()
    for raw in raws:
        if counts[raw.doc_id] > 1:
            base = raw.path.rsplit(".", 1)[0].replace("/", "__")
            raw.doc_id = base if raw.record is None else f"{base}-{raw.record + 1}"
        candidate, n = raw.doc_id, 1
        while candidate in seen:
            n += 1
            candidate = f"{raw.doc_id}~{n}"
        raw.doc_id = candidate
        seen.add(candidate)


def parse_documents(raws: list[RawDocument], splitter: SentenceSplitter, *, workers: int | None = None,
                    progress: bool = True, chunk_size: int = 200) -> Iterator[tuple[dict, list[dict], list[dict]]]:
    """parse_document over `raws`, in order, in `workers` processes when that pays off."""
    workers = workers or (os.cpu_count() or 1 if len(raws) > 500 else 1)
    bar = tqdm(total=len(raws), desc="parsing documents", unit="doc", disable=not progress or not raws)
    if workers <= 1:
        for raw in raws:
            yield parse_document(raw, splitter)
            bar.update()
    else:
        chunks = [raws[i:i + chunk_size] for i in range(0, len(raws), chunk_size)]
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(splitter.to_json(),)) as pool:
            for results in pool.map(_parse_chunk, chunks):
                yield from results
                bar.update(len(results))
    bar.close()


_WORKER_SPLITTER: SentenceSplitter | None = None


def _init_worker(splitter_json: str) -> None:
    global _WORKER_SPLITTER
    _WORKER_SPLITTER = SentenceSplitter.from_json(splitter_json)


def _parse_chunk(raws: list[RawDocument]) -> list[tuple[dict, list[dict], list[dict]]]:
    return [parse_document(raw, _WORKER_SPLITTER) for raw in raws]


def parse_document(raw: RawDocument, splitter: SentenceSplitter) -> tuple[dict, list[dict], list[dict]]:
    """One document's row, its sentences and its removed lines."""
    cleaned = clean_text(raw.raw_text)
    text = cleaned.text
    meta = raw.meta
    date, source_of_date = publication_date(meta, cleaned)
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


def publication_date(meta: dict, cleaned) -> tuple[tuple[str, str] | None, str]:
    """Sidecar/record/HTML metadata first, then the dateline, then a header line; never the body."""
    if meta.get("date"):
        parsed = normalise_date(meta["date"])
        if parsed:
            return parsed, meta.get("date_source", "record")
    if cleaned.dateline:
        return cleaned.dateline, "dateline"
    if cleaned.header_date:
        return cleaned.header_date, "header"
    return None, "none"


def _cache_key(raw: RawDocument, prefix: str) -> str:
    payload = json.dumps([prefix, raw.content_hash, raw.path, raw.record, raw.fmt, raw.encoding, raw.meta],
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def _sentence_splitter(cache_dir: Path | None, raws: list[RawDocument]) -> SentenceSplitter:
    """The splitter stored with the cache (so old documents keep their sentences), else a new one."""
    stored = cache_dir / "sentence-model.json" if cache_dir else None
    if stored and stored.exists():
        try:
            return SentenceSplitter.from_json(stored.read_text("utf-8"))
        except (ValueError, KeyError):
            pass
    splitter = SentenceSplitter.for_texts(clean_text(raw.raw_text).text for raw in raws)
    if stored:
        from .files import write_text_atomic

        write_text_atomic(stored, splitter.to_json())
    return splitter


def _read_cache(cache_dir: Path | None) -> dict[str, dict]:
    """Cached rows grouped by cache key."""
    out: dict[str, dict] = {"documents": {}, "sentences": {}, "removed": {}}
    if cache_dir is None:
        return out
    docs = cache_mod.read_table(cache_dir, "documents")
    sents = cache_mod.read_table(cache_dir, "sentences")
    removed = cache_mod.read_table(cache_dir, "removed")
    if docs is None or sents is None or removed is None:
        return out
    out["documents"] = {row["cache_key"]: row for row in docs.to_dict("records")}
    for name, table in (("sentences", sents), ("removed", removed)):
        for key, group in table.groupby("cache_key", sort=False):
            out[name][key] = group.to_dict("records")
    return out


def _write_cache(cache_dir: Path, documents, sentences, removed) -> None:
    cache_mod.write_table(cache_dir, "documents", documents)
    cache_mod.write_table(cache_dir, "sentences", sentences)
    cache_mod.write_table(cache_dir, "removed", removed)


def _documents_frame(rows: list[dict], threshold: float) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    if df.empty:
        return pd.DataFrame(columns=list(DOCUMENT_COLUMNS) + ["minhash", "cache_key"])
    df = df.drop(columns=[c for c in ("duplicate_of", "duplicate_kind", "duplicate_similarity") if c in df])
    df = pd.concat([df, find_duplicates(df, threshold=threshold)], axis=1)
    df["record"] = df["record"].astype("Int64")
    return df


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    if "record" in df:
        df["record"] = df["record"].astype("Int64")
    return df
