"""`coopnews entities FILE...`: one JSON line per organisation or place mention
{"doc","text","start","end","label","canonical","type"}; offsets into the file's text as decoded."""
from __future__ import annotations

from ..corpus.clean import raw_span
from ..partners.entities import mentions_in_texts
from ..partners.registry import load_registry
from ._output import file_documents, write_jsonl


def register(subparsers) -> None:
    p = subparsers.add_parser("entities", help="organisations and places in articles, one JSON line per mention")
    p.add_argument("files", nargs="+", metavar="FILE", help="article files (txt, md, html, json, jsonl, csv)")
    p.add_argument("--registry", help="partner registry YAML (default: the packaged coopnews/data/partners.yaml)")
    p.set_defaults(func=run)


def run(args) -> int:
    registry = load_registry(args.registry)
    docs = [(raw, cleaned) for raw, cleaned, _ in file_documents(args.files, command="entities", failures=[])]
    found = mentions_in_texts([cleaned.text for _, cleaned in docs], registry=registry)
    records = []
    for (raw, cleaned), mentions in zip(docs, found):
        segments = [tuple(s) for s in cleaned.segments]
        for m in mentions:
            start, end = raw_span(segments, m.start, m.end)
            records.append({"doc": raw.doc_id, "text": raw.raw_text[start:end], "start": start, "end": end,
                            "label": m.label, "canonical": m.canonical, "type": m.type})
    write_jsonl(records)
    return 0 if docs or not args.files else 1
