"""`coopnews entities FILE...`: one JSON line per organisation or place mention
{"doc","text","start","end","label","canonical","type"}; offsets into the file's text as decoded."""
from __future__ import annotations

import sys
from pathlib import Path

from ._output import write_jsonl


def register(subparsers) -> None:
    p = subparsers.add_parser("entities", help="organisations and places in articles, one JSON line per mention")
    p.add_argument("files", nargs="+", metavar="FILE", help="article files (txt, md, html, json, jsonl, csv)")
    p.add_argument("--registry", help="partner registry YAML (default: the packaged coopnews/data/partners.yaml)")
    p.set_defaults(func=run)


def read_documents(files: list[str], command: str):
    """(RawDocument, Cleaned) for every readable document of `files`; reasons to skip go to stderr."""
    from ..cleaning import clean_text
    from ..loading import RawDocument, read_file

    out = []
    for name in files:
        path = Path(name)
        if not path.is_file():
            print(f"coopnews {command}: skipped: {name}: no such file", file=sys.stderr)
            continue
        for item in read_file(path, path.name):
            if isinstance(item, RawDocument):
                out.append((item, clean_text(item.raw_text)))
            else:
                where = item.path if item.record is None else f"{item.path} record {item.record + 1}"
                print(f"coopnews {command}: skipped: {where}: {item.reason}", file=sys.stderr)
    return out


def run(args) -> int:
    from ..cleaning import raw_span
    from ..entities import mentions_in_texts
    from ..registry import load_registry

    registry = load_registry(args.registry)
    docs = read_documents(args.files, "entities")
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
