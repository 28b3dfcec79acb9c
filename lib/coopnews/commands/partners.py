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
from ..scale.access import load_corpus
from ._output import file_documents, write_jsonl


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
    corpus = load_corpus(folder, progress=False)
    for row in corpus.log[corpus.log["status"] == "skipped"].itertuples():
        print(f"coopnews partners: skipped: {row.path}: {row.reason}", file=sys.stderr)
    pairs = extract_pairs(corpus, registry=registry, cues=cues)
    raw_texts = {}
    out = []
    for row in pairs.itertuples():
        if row.doc_id not in raw_texts:
            raw_texts[row.doc_id] = _raw_text(corpus, row.doc_id)
        start, end = corpus.raw_span(row.doc_id, row.start, row.end)
        out.append(_record(row, start, end, raw_texts[row.doc_id]))
    return out


def _raw_text(corpus, doc_id: str) -> str:
    doc = corpus.documents.set_index("doc_id").loc[doc_id]
    record = doc["record"]
    for i, item in enumerate(read_corpus_file(corpus.root, doc["path"])):  # a local folder or a URL
        if pd.isna(record) or getattr(item, "record", None) == record:
            return getattr(item, "raw_text", "")
    return ""


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
