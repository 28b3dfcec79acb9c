"""`coopnews events DIR|FILE...`: dated events (date, sentence, parties, type, figures) as JSON lines."""
from __future__ import annotations

import sys
from pathlib import Path

from ..corpus.clean import raw_span
from ..corpus.read import corpus_root, is_folder
from ..partners.entities import entities_in_text
from ..partners.relations import pairs_in_text
from ..scale.access import entities, load_corpus, pairs as corpus_pairs
from ..timeline.events import events_in_text, extract_events
from ._output import file_documents, write_jsonl


def register(subparsers) -> None:
    p = subparsers.add_parser("events", help="dated events of a corpus folder or of files")
    p.add_argument("paths", nargs="+", help="corpus folders and/or files; offsets are into each file's text as decoded")
    p.add_argument("--cues", help="event cue lexicon YAML (default: coopnews/data/event_cues.yaml)")
    p.set_defaults(func=run)


def run(args) -> int:
    status = 0
    for name in args.paths:
        path = Path(name)
        if is_folder(name):  # a local folder or a URL (s3://…)
            _folder(corpus_root(name), args.cues)
        elif path.is_file():
            status |= _file(path, args.cues)
        else:
            print(f"coopnews events: skipped: {name}: no such file or folder", file=sys.stderr)
            status = 1
    return status


def _folder(path: Path | str, cues) -> None:
    corpus = load_corpus(path, progress=False)
    events = extract_events(corpus, entities=entities(corpus), pairs=corpus_pairs(corpus), cues_path=cues,
                            progress=sys.stderr.isatty())
    for row in corpus.log[corpus.log["status"] == "skipped"].itertuples():
        print(f"coopnews events: skipped: {row.path}: {row.reason}", file=sys.stderr)
    write_jsonl(_records(events, corpus.raw_span))


def _file(path: Path, cues) -> int:
    failures: list[str] = []
    for raw, cleaned, published in file_documents([path], command="events", failures=failures):
        entities = entities_in_text(cleaned.text).assign(doc_id=raw.doc_id)
        pairs = pairs_in_text(cleaned.text, anchor=published).assign(doc_id=raw.doc_id)
        events = events_in_text(cleaned.text, doc_id=raw.doc_id, anchor=published, entities=entities, pairs=pairs,
                                cues_path=cues)
        write_jsonl(_records(events, lambda _doc, s, e: raw_span(cleaned.segments, s, e)))
    return 1 if failures else 0


def _records(events, span):
    for row in events.itertuples():
        start, end = span(row.doc_id, row.start, row.end)
        yield {"doc": row.doc_id, "value": row.value, "text": row.text, "start": start, "end": end,
               "sentence": row.sentence, "parties": list(row.parties), "type": row.event_type,
               "figures": list(row.figures)}
