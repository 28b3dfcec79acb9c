"""`coopnews keyphrases FILE... [-k 10]`: one {"doc", "keyphrases"} JSON line per document."""
from __future__ import annotations

import sys

from ..terms.keyphrases import KeyphraseExtractor
from ._args import positive_int
from ._output import file_documents, write_jsonl


def register(subparsers) -> None:
    p = subparsers.add_parser("keyphrases", help="the best keyphrases of each file, one JSON line per document")
    p.add_argument("files", nargs="+", metavar="FILE", help="text, HTML, JSON(L) or CSV files")
    p.add_argument("-k", type=positive_int, default=10, help="keyphrases per document (default 10)")
    p.add_argument("--preset", choices=["phrases", "words"], default="phrases",
                   help="phrases (multi-word first, default) or words (single words and names first)")
    p.add_argument("--text-column", help="field holding the text in JSON/CSV records")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.k < 1:
        raise ValueError(f"-k must be at least 1, not {args.k}")
    names, texts = [], []
    for raw, cleaned, _ in file_documents(args.files, command="keyphrases", failures=[], text_column=args.text_column):
        names.append(raw.doc_id)
        texts.append(cleaned.text)
    extractor = KeyphraseExtractor.fit(texts, preset=args.preset)
    found = extractor.extract_many(texts, k=args.k, progress=sys.stderr.isatty())
    write_jsonl({"doc": name, "keyphrases": [p for p, _ in phrases]} for name, phrases in zip(names, found))
    return 0 if texts or not args.files else 1
