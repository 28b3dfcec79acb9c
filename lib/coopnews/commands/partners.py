"""`coopnews partners DIR|FILE...`: one JSON line per cooperation pair
{"doc","a","b","type","sector","date","sentence","start","end"}; start/end locate the sentence in the file's
text as decoded."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from ..corpus.clean import raw_span
from ..corpus.read import corpus_root, is_folder, read_corpus_file
from ..corpus.sentences import SentenceSplitter
from ..corpus.tables import parse_document
from ..partners.entities import extract_entities
from ..partners.registry import load_registry
from ..partners.relations import extract_pairs, pairs_in_sentences
from ..scale.access import entities, load_corpus
from ..scale.access import pairs as cached_pairs
from ._output import file_documents, raw_spans, write_jsonl


def register(subparsers) -> None:
    p = subparsers.add_parser("partners", help="cooperation pairs (two partners linked in one sentence)")
    p.add_argument("inputs", nargs="+", metavar="DIR|FILE", help="a corpus folder, or article files")
    p.add_argument("--registry", help="partner registry YAML (default: the packaged coopnews/data/partners.yaml)")
    p.add_argument("--cues", help="cooperation cue lexicon YAML (default: coopnews/data/cooperation_cues.yaml)")
    p.set_defaults(func=run)


def _record(row, start: int, end: int, text: str) -> dict:
    return {"doc": row.doc_id, "a": row.a, "b": row.b, "type": row.type, "sector": row.sector,
            "date": row.date, "sentence": text[start:end], "start": start, "end": end}


def _folder_pairs(folder: Path | str, registry, cues) -> list[dict]:
    """Pairs of a folder from its cache, computed first where missing by the parallel pipeline (reusing the
    entities `events` cached); a custom cue lexicon re-reads only the pairs from the cached entities."""
    corpus = load_corpus(folder, progress=sys.stderr.isatty(), stages=["entities"] if cues else ["pairs"],
                         registry=registry)
    for row in corpus.log[corpus.log["status"] == "skipped"].itertuples():
        print(f"coopnews partners: skipped: {row.path}: {row.reason}", file=sys.stderr)
    if cues:
        pairs = extract_pairs(corpus, entities=entities(corpus, registry=registry), cues=cues)
    else:
        pairs = cached_pairs(corpus, registry=registry)
    raw_texts = _raw_texts(corpus, set(pairs["doc_id"]))
    span = raw_spans(corpus)
    out = []
    for row in pairs.itertuples():
        start, end = span(row.doc_id, row.start, row.end)
        out.append(_record(row, start, end, raw_texts.get(row.doc_id, "")))
    return out


def _raw_texts(corpus, doc_ids: set[str]) -> dict[str, str]:
    """doc_id -> the text of its file (or record) as decoded, for `doc_ids`; each file read once."""
    docs = corpus.documents[corpus.documents["doc_id"].isin(doc_ids)]
    out = {}
    for path, group in docs.groupby("path", sort=False):
        by_record = {None if pd.isna(r) else int(r): d for d, r in zip(group["doc_id"], group["record"])}
        for item in read_corpus_file(corpus.root, path):  # a local folder or a URL
            record = getattr(item, "record", None)
            doc_id = by_record.get(None) if None in by_record else by_record.get(record)
            if doc_id is not None and doc_id not in out:
                out[doc_id] = getattr(item, "raw_text", "")
    return out


def _file_pairs(files: list[str], registry, cues) -> list[dict]:
    docs = [(raw, cleaned) for raw, cleaned, _ in file_documents(files, command="partners", failures=[])]
    if not docs:
        return []
    splitter = SentenceSplitter.for_texts(cleaned.text for _, cleaned in docs)
    rows, sentences = [], []
    for raw, _ in docs:
        doc, sents, _removed = parse_document(raw, splitter)
        rows.append({"doc_id": raw.doc_id, "text": doc["text"], "date": doc["date"]})
        sentences.extend({**s, "doc_id": raw.doc_id} for s in sents)
    entities = extract_entities(pd.DataFrame(rows), registry=registry)
    sents = pd.DataFrame(sentences, columns=["doc_id", "sent_id", "start", "end", "text"])
    pairs = pairs_in_sentences(sents, entities, anchors={r["doc_id"]: r["date"] for r in rows}, cues=cues)
    by_id = {raw.doc_id: (raw, cleaned) for raw, cleaned in docs}
    out = []
    for row in pairs.itertuples():
        raw, cleaned = by_id[row.doc_id]
        start, end = raw_span([tuple(s) for s in cleaned.segments], row.start, row.end)
        out.append(_record(row, start, end, raw.raw_text))
    return out


def run(args) -> int:
    registry = load_registry(args.registry)
    folders = [corpus_root(p) for p in args.inputs if is_folder(p)]  # local folders or URLs (s3://…)
    missing = [p for p in args.inputs if not is_folder(p) and not Path(p).is_file()]
    files = [p for p in args.inputs if not is_folder(p) and p not in missing]
    for name in missing:
        print(f"coopnews partners: skipped: {name}: no such file or folder", file=sys.stderr)
    records = []
    for folder in folders:
        records.extend(_folder_pairs(folder, registry, args.cues))
    if files:
        records.extend(_file_pairs(files, registry, args.cues))
    write_jsonl(records)
    return 1 if missing else 0
