"""`coopnews corpus DIR`: one JSON object per document (or a CSV/Parquet table), skipped files on stderr."""
from __future__ import annotations

import sys

import pandas as pd

from ..scale.access import load_corpus
from ._args import positive_int
from ._output import write_table

COLUMNS = ["doc_id", "title", "date", "date_source", "date_precision", "language", "source", "n_words",
           "n_sentences", "duplicate_of", "duplicate_kind", "status", "path"]


def register(subparsers) -> None:
    p = subparsers.add_parser("corpus", help="load a folder of articles and list its documents")
    p.add_argument("dir", help="corpus folder (txt, md, html, json, jsonl, csv; searched recursively)")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl")
    p.add_argument("--out", help="write to this file instead of standard output (needed for parquet)")
    p.add_argument("--text-column", help="field holding the text in JSON/CSV records (default: text/body/content)")
    p.add_argument("--max-bytes", type=positive_int, default=10_000_000, help="skip documents larger than this")
    p.add_argument("--all-columns", action="store_true", help="include the text and every documented column")
    p.add_argument("--no-cache", action="store_true", help="parse everything again, ignoring the cache")
    p.set_defaults(func=run)


def run(args) -> int:
    corpus = load_corpus(args.dir, text_column=args.text_column, max_bytes=args.max_bytes,
                         use_cache=not args.no_cache, progress=sys.stderr.isatty())
    docs = corpus.documents if args.all_columns else corpus.documents[COLUMNS]
    table = docs.rename(columns={"doc_id": "doc"}) if not args.all_columns else docs
    write_table(table, fmt=args.format, out=args.out)
    for row in corpus.log[corpus.log["status"] != "ok"].itertuples():
        where = row.path if pd.isna(row.record) else f"{row.path} record {row.record + 1}"
        print(f"coopnews corpus: {row.status}: {where}: {row.reason}", file=sys.stderr)
    print(f"coopnews corpus: {len(corpus.documents)} documents loaded, {len(corpus.skipped)} skipped", file=sys.stderr)
    return 0
