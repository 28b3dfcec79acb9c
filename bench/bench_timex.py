"""Throughput of the TIMEX3 tagger against dateparser.search_dates, one core, same run.

    .venv/bin/python bench/bench_timex.py                 # Reuters-21578 bodies
    .venv/bin/python bench/bench_timex.py FILE.jsonl --limit 2000 --peer-docs 100

dateparser is slow, so it runs on the first --peer-docs documents only; MB/s are comparable. "batch" is
extract_timexes_many (one table for all documents: the fast path for corpora); the per-document rate
includes building one pandas DataFrame per document. Rates are given on wall-clock time and on the process's
CPU time: on a machine shared with other work the CPU-time rate is the one-core throughput.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from benchdata import REUTERS, read_texts

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REUTERS


def _size(item) -> int:
    return len(item.encode("utf-8")) if isinstance(item, str) else sum(map(_size, item))


def run(name: str, func, texts: list) -> tuple[float, int]:
    """Time `func` over every item (a text, or for the batch run one list of all texts) and print the rates."""
    size = _size(texts)
    n_docs = sum(1 if isinstance(t, str) else len(t) for t in texts)
    t0, c0 = time.perf_counter(), time.process_time()
    found = sum(func(t) for t in texts)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{name:<26} {n_docs:7d} {size / 1e6:7.2f} {seconds:8.2f} {size / 1e6 / seconds:7.2f} {n_docs / seconds:8.0f}"
          f" {cpu:8.2f} {size / 1e6 / cpu:7.2f} {n_docs / cpu:8.0f} {found:7d}")
    return seconds, found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT), help="JSON-lines collection")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--peer-docs", type=int, default=200, help="documents given to dateparser (slow)")
    args = ap.parse_args(argv)
    from coopnews.timeline.timex import extract_timexes, extract_timexes_many
    from dateparser.search import search_dates

    texts = read_texts(Path(args.path), limit=args.limit, who="bench_timex")
    anchor = "1987-03-01"
    for text in texts[:200]:  # warm up: the per-word rule regexes are compiled on first use (~0.3 s in all)
        extract_timexes(text, anchor=anchor)

    def peer(text: str) -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return len(search_dates(text, languages=["en"]) or [])

    print(f"{args.path}")
    print(f"{'':<26} {'':>7} {'':>7} {'---------- wall ----------':>26} {'--- CPU time (one core) ---':>26}")
    print(f"{'system':<26} {'docs':>7} {'MB':>7} {'s':>8} {'MB/s':>7} {'docs/s':>8} {'s':>8} {'MB/s':>7} {'docs/s':>8}"
          f" {'found':>7}")
    run("coopnews.timex", lambda t: len(extract_timexes(t, anchor=anchor)), texts)
    run("coopnews.timex batch", lambda t: len(extract_timexes_many(t, anchors=[anchor] * len(t))), [texts])
    run("coopnews.timex (sample)", lambda t: len(extract_timexes(t, anchor=anchor)), texts[:args.peer_docs])
    run("dateparser.search_dates", peer, texts[:args.peer_docs])
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "lib"))
    sys.exit(main())
