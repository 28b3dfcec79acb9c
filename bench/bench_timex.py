"""Throughput of the TIMEX3 tagger against dateparser.search_dates, one core, same run.

    .venv/bin/python bench/bench_timex.py                 # Reuters-21578 bodies
    .venv/bin/python bench/bench_timex.py FILE.jsonl --limit 2000 --peer-docs 100

dateparser is slow, so it runs on the first --peer-docs documents only; MB/s are comparable. "batch" is
extract_timexes_many (one table for all documents, as the events module uses it); the per-document rate
includes building one pandas DataFrame per document.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "eval" / "news" / "reuters21578" / "reuters21578.jsonl"


def read_texts(path: Path, *, limit: int | None) -> list[str]:
    """Bodies ('text', 'body' or 'content') of a JSON-lines file."""
    if not path.is_file():
        raise SystemExit(f"{path}: not found; give a JSON-lines file with a 'text' or 'body' field per line")
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("text") or record.get("body") or record.get("content") or ""
            if text.strip():
                texts.append(text)
            if limit and len(texts) >= limit:
                break
    return texts


def _size(item) -> int:
    return len(item.encode("utf-8")) if isinstance(item, str) else sum(map(_size, item))


def run(name: str, func, texts: list) -> tuple[float, int]:
    """Time `func` over every item (a text, or for the batch run one list of all texts) and print the rates."""
    size = _size(texts)
    n_docs = sum(1 if isinstance(t, str) else len(t) for t in texts)
    t0 = time.perf_counter()
    found = sum(func(t) for t in texts)
    seconds = time.perf_counter() - t0
    print(f"{name:<26} {n_docs:7d} docs {size / 1e6:8.2f} MB {seconds:8.2f} s   "
          f"{size / 1e6 / seconds:7.2f} MB/s {n_docs / seconds:9.1f} docs/s   {found:7d} expressions")
    return seconds, found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT), help="JSON-lines collection")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--peer-docs", type=int, default=200, help="documents given to dateparser (slow)")
    args = ap.parse_args(argv)
    from coopnews.timex import extract_timexes, extract_timexes_many
    from dateparser.search import search_dates

    texts = read_texts(Path(args.path), limit=args.limit)
    anchor = "1987-03-01"
    extract_timexes(texts[0], anchor=anchor)  # compile and warm up

    def peer(text: str) -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return len(search_dates(text, languages=["en"]) or [])

    print(f"{args.path}")
    run("coopnews.timex", lambda t: len(extract_timexes(t, anchor=anchor)), texts)
    run("coopnews.timex batch", lambda t: len(extract_timexes_many(t, anchors=[anchor] * len(t))), [texts])
    run("coopnews.timex (sample)", lambda t: len(extract_timexes(t, anchor=anchor)), texts[:args.peer_docs])
    run("dateparser.search_dates", peer, texts[:args.peer_docs])
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "lib"))
    sys.exit(main())
