"""`coopnews timex FILE... [--dct YYYY-MM-DD]`: temporal expressions as JSON lines, offsets into the file's text."""
from __future__ import annotations

from ..corpus.clean import raw_span
from ..timeline.timex import extract_timexes
from ..timeline.timex.calendar import parse_anchor
from ._output import file_documents, write_jsonl


def register(subparsers) -> None:
    p = subparsers.add_parser("timex", help="tag and normalise temporal expressions (TIMEX3) in files")
    p.add_argument("files", nargs="+", help="text/HTML/JSON/CSV files (collections give one document per record)")
    p.add_argument("--dct", help="anchor date YYYY-MM-DD for relative expressions (default: the publication date "
                                 "found as the corpus loader finds it; none -> no year is invented)")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.dct:
        parse_anchor(args.dct)  # clear error on a bad date
    failures: list[str] = []
    for raw, cleaned, published in file_documents(args.files, command="timex", failures=failures):
        table = extract_timexes(cleaned.text, anchor=args.dct or published)
        write_jsonl(_records(raw, cleaned, table))
    return 1 if failures else 0


def _records(raw, cleaned, table):
    for row in table.itertuples():
        start, end = raw_span(cleaned.segments, row.start, row.end)
        yield {"doc": raw.doc_id, "start": start, "end": end, "text": raw.raw_text[start:end],
               "value": row.value, "type": row.type}
