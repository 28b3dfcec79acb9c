"""`coopnews timex FILE... [--dct YYYY-MM-DD]`: temporal expressions as JSON lines, offsets into the file's text."""
from __future__ import annotations

import sys
from pathlib import Path

from .output import write_jsonl


def register(subparsers) -> None:
    p = subparsers.add_parser("timex", help="tag and normalise temporal expressions (TIMEX3) in files")
    p.add_argument("files", nargs="+", help="text/HTML/JSON/CSV files (collections give one document per record)")
    p.add_argument("--dct", help="anchor date YYYY-MM-DD for relative expressions (default: the publication date "
                                 "found as the corpus loader finds it; none -> no year is invented)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..cleaning import clean_text, raw_span
    from ..corpus import publication_date
    from ..loading import Skipped, read_file
    from ..timex import extract_timexes
    from ..timex.calendar import parse_anchor

    if args.dct:
        parse_anchor(args.dct)  # clear error on a bad date
    status = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"coopnews timex: skipped: {name}: no such file (give a path to a text, HTML, JSON or CSV file)",
                  file=sys.stderr)
            status = 1
            continue
        for raw in read_file(path, path.name):
            if isinstance(raw, Skipped):
                print(f"coopnews timex: skipped: {name}: {raw.reason}", file=sys.stderr)
                status = 1
                continue
            cleaned = clean_text(raw.raw_text)
            anchor = args.dct
            if not anchor:
                found, _ = publication_date(raw.meta, cleaned)
                anchor = found[0] if found else None
            table = extract_timexes(cleaned.text, anchor=anchor)
            write_jsonl(_records(raw, cleaned, table, raw_span))
    return status


def _records(raw, cleaned, table, raw_span):
    for row in table.itertuples():
        start, end = raw_span(cleaned.segments, row.start, row.end)
        yield {"doc": raw.doc_id, "start": start, "end": end, "text": raw.raw_text[start:end],
               "value": row.value, "type": row.type}
