"""Token + keyword pass on Reuters-21578 bodies: coopnews vs NLTK's Treebank word tokenizer + FreqDist.

    .venv/bin/python bench/bench_keywords.py [REUTERS_JSONL] [--limit N] [--repeat 3]

The named peer is NLTK's TreebankWordTokenizer + FreqDist: nltk.word_tokenize is Punkt sentence splitting
followed by this tokenizer, and Punkt's English data cannot be downloaded here. Both sides lower-case,
tokenize and count non-stopword word tokens per document and for the corpus; rows:
  * coopnews Tokenizer.term_counts: the regex tokenizer + stopword filter, per-document Counters (the pass);
  * coopnews term_counts+frequencies: the full table (stems grouped, per 10k, doc freq, DP) as a DataFrame;
  * coopnews with corpus names: as the first, plus finding recurring names and merging them (MWETokenizer).
Best of --repeat runs, one process, one core. Timings vary by ~25% on a shared VM.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "news" / "reuters21578" / "reuters21578.jsonl"


def load_bodies(path: Path, limit: int | None) -> list[str]:
    """Non-empty bodies of the Reuters-21578 JSON lines file."""
    if not path.is_file():
        raise SystemExit(f"bench_keywords: {path} not found: pass the Reuters-21578 JSON lines file as argument")
    bodies = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            body = json.loads(line).get("body") or ""
            if body.strip():
                bodies.append(body)
            if limit and len(bodies) >= limit:
                break
    return bodies


def peer(bodies: list[str]):
    """NLTK TreebankWordTokenizer + FreqDist, same stopword filter."""
    from nltk import FreqDist
    from nltk.tokenize import TreebankWordTokenizer

    from coopnews.terms.tokens import load_stopwords

    tokenizer, stop, total = TreebankWordTokenizer(), load_stopwords(), FreqDist()
    for body in bodies:
        fd = FreqDist(t for t in tokenizer.tokenize(body.lower()) if t.isalpha() and t not in stop and len(t) > 1)
        total.update(fd)
    return total


def ours_pass(bodies: list[str]):
    from coopnews.terms.tokens import Tokenizer

    tokenizer, total = Tokenizer(), Counter()
    per_doc = [tokenizer.term_counts(body) for body in bodies]
    for counts in per_doc:
        total.update(counts)
    return total


def ours_table(bodies: list[str]):
    from coopnews.terms.frequencies import term_counts, term_frequencies
    from coopnews.terms.tokens import Tokenizer

    docs = pd.DataFrame({"doc_id": [str(i) for i in range(len(bodies))], "text": bodies})
    return term_frequencies(term_counts(docs, tokenizer=Tokenizer()), docs)


def ours_names(bodies: list[str]):
    from coopnews.terms.tokens import Tokenizer, find_names

    tokenizer, total = Tokenizer(names=find_names(bodies)), Counter()
    for body in bodies:
        total.update(tokenizer.term_counts(body))
    return total


def best_time(fn, bodies, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(bodies)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT), help="reuters21578.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="first N non-empty bodies only")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    bodies = load_bodies(Path(args.path), args.limit)
    mb = sum(len(b.encode("utf-8")) for b in bodies) / 1e6
    print(f"Reuters-21578: {len(bodies):,} bodies, {mb:.1f} MB; best of {args.repeat}")
    rows = [("NLTK Treebank + FreqDist (peer)", peer), ("coopnews Tokenizer.term_counts", ours_pass),
            ("coopnews term_counts+frequencies", ours_table), ("coopnews with corpus names", ours_names)]
    base = None
    print(f"{'method':<36}{'seconds':>9}{'MB/s':>9}{'docs/s':>10}{'vs peer':>9}")
    for name, fn in rows:
        seconds = best_time(fn, bodies, args.repeat)
        base = base or seconds
        print(f"{name:<36}{seconds:9.2f}{mb / seconds:9.2f}{len(bodies) / seconds:10.0f}{base / seconds:8.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
