"""`coopnews keywords DIR [--by COLUMN]`: the term frequency table, or with --by the keyness table."""
from __future__ import annotations

import sys

from ..scale.access import load_corpus
from ..terms.frequencies import term_counts, term_frequencies
from ..terms.keyness import groups_from_column, keyness_by_group
from ._args import positive_int
from ._output import write_table


def register(subparsers) -> None:
    p = subparsers.add_parser("keywords", help="term frequencies of a corpus, or key terms of each group (--by)")
    p.add_argument("dir", help="corpus folder")
    p.add_argument("--by", metavar="COLUMN",
                   help="document column to group by (e.g. source, language, date, doc_id): prints keyness of "
                        "each group against the rest")
    p.add_argument("--min-count", type=positive_int, default=2, help="drop terms seen fewer times (default 2)")
    p.add_argument("--top", type=positive_int, default=None, help="keep the top N terms (per group with --by)")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl")
    p.add_argument("--out", help="write to this file instead of standard output (needed for parquet)")
    p.add_argument("--text-column", help="field holding the text in JSON/CSV records")
    p.set_defaults(func=run)


def run(args) -> int:
    corpus = load_corpus(args.dir, text_column=args.text_column, progress=sys.stderr.isatty())
    docs = corpus.documents
    if docs.empty:
        raise ValueError(f"no documents could be loaded from {args.dir} (see `coopnews corpus {args.dir}`)")
    counts = term_counts(docs, progress=sys.stderr.isatty())
    if args.by:
        table = keyness_by_group(docs, groups_from_column(docs, args.by), min_count=args.min_count,
                                 top_n=args.top, counts=counts)
    else:
        table = term_frequencies(counts, docs, min_count=args.min_count, top_n=args.top)
        table = table.assign(forms=table["forms"].map(lambda f: "|".join(f)))
    write_table(table, fmt=args.format, out=args.out)
    return 0
