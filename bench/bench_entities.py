"""Throughput of coopnews entity extraction against spaCy's full pipeline, side by side in one run.

    .venv/bin/python bench/bench_entities.py                       # 2,000 Reuters-21578 bodies
    .venv/bin/python bench/bench_entities.py FILE.jsonl --limit 500 --n-process 2

Peer: en_core_web_sm with every component (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) run with
nlp.pipe. coopnews: the NER component only (its own tok2vec), nlp.pipe batching, then the registry, gazetteer
and genre rules (coopnews.entities.mentions_in_texts); `--n-process 2` runs spaCy in two processes.
Models are loaded before timing; each system runs once on the same texts after one warm-up batch.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from benchdata import REUTERS, read_texts

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "lib"))
DEFAULT = REUTERS


def timed(label: str, func, texts: list[str]) -> dict:
    start = time.perf_counter()
    n_entities = func(texts)
    seconds = time.perf_counter() - start
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return {"system": label, "docs": len(texts), "MB": round(mb, 2), "seconds": round(seconds, 2),
            "docs/s": round(len(texts) / seconds, 1), "MB/s": round(mb / seconds, 3), "entities": n_entities}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT), help="JSON-lines file of articles")
    parser.add_argument("--limit", type=int, default=2000, help="documents to read (default 2,000; 0 = all)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--n-process", type=int, default=1, help="spaCy processes for coopnews (default 1; 2 did not help on a busy 2-core machine)")
    args = parser.parse_args(argv)
    texts = read_texts(Path(args.path), limit=args.limit or None, who="bench_entities")

    from coopnews.partners.entities import load_ner, mentions_in_texts, model_name
    from coopnews.partners.registry import load_registry

    full, ner = load_ner(full=True), load_ner()
    registry = load_registry()
    warm = texts[:32]
    list(full.pipe(warm)), mentions_in_texts(warm, registry=registry)

    def spacy_full(batch):
        return sum(len([e for e in doc.ents if e.label_ in ("ORG", "GPE", "LOC")])
                   for doc in full.pipe(batch, batch_size=args.batch_size))

    def ours(batch):
        found = mentions_in_texts(batch, registry=registry, batch_size=args.batch_size, n_process=args.n_process)
        return sum(map(len, found))

    print(f"model: {model_name()}; full pipeline: {', '.join(full.pipe_names)}; coopnews: {', '.join(ner.pipe_names)}"
          f" + rules, n_process={args.n_process}; {len(texts)} documents from {args.path}")
    rows = [timed("spaCy full pipeline (nlp.pipe)", spacy_full, texts),
            timed("coopnews.entities", ours, texts)]
    width = max(len(r["system"]) for r in rows)
    print(f"{'system':<{width}}  {'docs':>6} {'MB':>6} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'entities':>9}")
    for r in rows:
        print(f"{r['system']:<{width}}  {r['docs']:>6} {r['MB']:>6} {r['seconds']:>8} {r['docs/s']:>8} "
              f"{r['MB/s']:>7} {r['entities']:>9}")
    print(f"speed-up: {rows[1]['docs/s'] / rows[0]['docs/s']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
