"""The whole pipeline (load → keywords → timeline → partners) on Reuters-21578, with each stage's peer.

    python bench/bench_pipeline.py                      # ×1: full pipeline, re-run from cache, +1% growth
    python bench/bench_pipeline.py --times 10 --stages timexes terms   # ×10 copies with new ids: memory growth
    python bench/bench_pipeline.py --dask                # the local engine and a Dask LocalCluster, side by side
    python bench/bench_pipeline.py --dask --limit 300 --peer-sample 0   # quick: both engines' tables compared

Prints, per stage and for the whole, MB/s, documents/s and peak RSS (main process plus workers, as PSS), then
the peers run in the same process on a sample: NLTK's Treebank word tokenizer + FreqDist (keywords),
dateparser.search_dates (timeline), spaCy's full en_core_web_sm pipeline (partners).
Reads ../shared/eval/news/reuters21578/reuters21578.jsonl by default; never writes into the project.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from benchdata import REUTERS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REUTERS


class PeakRSS:
    """Samples the memory of this process and its worker processes every 0.1 s: the sum of their
    proportional set sizes (PSS), so pages a forked worker shares with its parent count once."""

    def __init__(self):
        self.peak = 0
        self.driver = 0  # peak of this process alone (the driver: keys, log, duplicate detection)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                driver = me.memory_full_info().pss
                total = driver + sum(p.memory_full_info().pss for p in me.children(recursive=True))
            except psutil.Error:
                driver = total = 0
            self.peak, self.driver = max(self.peak, total), max(self.driver, driver)
            time.sleep(0.1)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def write_corpus(source: Path, folder: Path, *, times: int, limit: int | None) -> tuple[int, int]:
    """`times` copies of the JSONL records with new ids, one file per copy; returns (records, body bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [json.loads(line) for line in source.open(encoding="utf-8")]
    records = [r for r in records if (r.get("body") or "").strip()][:limit]
    size = sum(len(r["body"].encode("utf-8")) for r in records) * times
    for copy in range(times):
        with (folder / f"reuters-{copy:02d}.jsonl").open("w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps({"id": f"c{copy}-{r['newid']}", "title": r.get("title"), "date": r.get("datetime"),
                                      "body": r["body"]}) + "\n")
    return len(records) * times, size


def run_pipeline(folder: Path, stages, workers: int, cache: Path, engine: str = "local"):
    """(manifest, wall seconds, peak memory) of one run, corpus totals of the stages run included."""
    from coopnews.scale.totals import TOTALS
    from coopnews.scale.pipeline import process

    totals = [name for name in ("terms", "partners", "pairs") if TOTALS[name].stage in stages]
    with PeakRSS() as rss:
        t0 = time.perf_counter()
        manifest = process(folder, stages=stages, workers=workers, text_column="body", progress=False, cache_dir=cache,
                           engine=engine, totals=totals)
        wall = time.perf_counter() - t0
    print(f"  ({engine} engine: the driver process alone peaked at {rss.driver / 2**20:,.0f} MiB)")
    return manifest, wall, rss.peak


def cache_tables(cache: Path) -> dict:
    """Every table of a cache (parse tables and stages), rows sorted, without the part layout."""
    from coopnews.cache.tables import Table

    out = {}
    for folder in sorted([*cache.glob("stages/*"), cache / "documents", cache / "sentences", cache / "removed"]):
        table = Table(folder).read().drop(columns=["segments", "minhash"], errors="ignore")
        table = table.astype({c: str for c in table.columns if table[c].dtype == object})
        out[folder.name.split("-")[0]] = table.sort_values(list(table.columns), kind="stable").reset_index(drop=True)
    return out


def engines_agree(local, dask, local_cache: Path, dask_cache: Path) -> str:
    """One line: whether every cached table and corpus total of the two engines is equal."""
    ours, theirs = cache_tables(local_cache), cache_tables(dask_cache)
    differ = [name for name in sorted(set(ours) | set(theirs))
              if name not in ours or name not in theirs or not ours[name].equals(theirs[name])]
    differ += [f"totals:{name}" for name in local.totals if not local.totals[name].equals(dask.totals.get(name))]
    rows = sum(len(t) for t in ours.values())
    checked = f"{len(ours)} tables ({rows:,} rows) and {len(local.totals)} totals"
    return f"Dask output equals the local engine's: {checked}" if not differ else \
        f"Dask output DIFFERS from the local engine's in: {', '.join(differ)} (of {checked})"


def line(name: str, seconds: float, docs: int, size: int, rss: int | None = None) -> str:
    mb = size / 1e6
    rate = f"{mb / seconds:8.2f} MB/s {docs / seconds:9.1f} docs/s" if seconds > 0 else f"{'-':>13} {'-':>16}"
    memory = f"{rss / 2**20:8.0f} MiB" if rss else ""
    return f"{name:42s} {seconds:9.1f} s {rate} {memory}"


def peers(source: Path, sample: int, seed: int = 1) -> list[str]:
    """The named peers on a random sample of bodies, with coopnews on the same sample."""
    from coopnews.cache import stages
    from coopnews.corpus.tables import Corpus

    records = [json.loads(x) for x in source.open(encoding="utf-8")]
    bodies = [r["body"] for r in records if (r.get("body") or "").strip()]
    random.Random(seed).shuffle(bodies)
    texts = bodies[:sample]
    size = sum(len(t.encode()) for t in texts)
    out = []

    from nltk import FreqDist
    from nltk.tokenize import TreebankWordTokenizer

    t0 = time.perf_counter()
    tok = TreebankWordTokenizer()
    FreqDist(w.lower() for t in bodies for w in tok.tokenize(t))
    all_size = sum(len(t.encode()) for t in bodies)
    out.append(line("peer: NLTK Treebank tokenizer + FreqDist", time.perf_counter() - t0, len(bodies), all_size))

    from dateparser.search import search_dates

    t0 = time.perf_counter()
    for t in texts:
        search_dates(t, languages=["en"])
    out.append(line(f"peer: dateparser.search_dates ({sample})", time.perf_counter() - t0, len(texts), size))

    import pandas as pd
    from coopnews.partners.entities import load_ner

    nlp = load_ner(full=True)
    t0 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=64))
    out.append(line(f"peer: spaCy full pipeline ({sample})", time.perf_counter() - t0, len(texts), size))

    docs = pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": texts, "date": None})
    corpus = Corpus(Path("."), docs, pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "text"]),
                    pd.DataFrame(columns=["doc_id"]), pd.DataFrame(), "")
    stages.compute_timexes(corpus.subset(corpus.documents["doc_id"][:20]))  # warm-up: rule tables compile once
    t0 = time.perf_counter()
    stages.compute_timexes(corpus)
    out.append(line(f"coopnews timexes, same sample ({sample})", time.perf_counter() - t0, len(texts), size))
    t0 = time.perf_counter()
    stages.compute_entities(corpus)
    out.append(line(f"coopnews entities, same sample ({sample})", time.perf_counter() - t0, len(texts), size))
    return out


def main(argv=None) -> int:
    from coopnews.cache.stages import STAGES

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="Reuters-21578 JSONL")
    ap.add_argument("--times", type=int, default=1, help="copies of the corpus, each with new ids")
    ap.add_argument("--limit", type=int, help="use only the first N non-empty bodies")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--stages", nargs="*", default=list(STAGES), choices=list(STAGES))
    ap.add_argument("--peer-sample", type=int, default=300, help="documents for the slow peers (0: skip peers)")
    ap.add_argument("--dask", action="store_true",
                    help="also run the pipeline on a Dask LocalCluster of --workers processes (fresh cache) and print both")
    ap.add_argument("--keep", type=Path, help="build the corpus and cache here instead of a temporary folder")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"bench_pipeline: {args.data} not found; pass the path to reuters21578.jsonl", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="coopnews-bench-"))
    folder, cache = work / "corpus", work / "cache"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    docs, size = write_corpus(args.data, folder, times=args.times, limit=args.limit)
    print(f"corpus: Reuters-21578 ×{args.times}: {docs:,} documents, {size / 1e6:.1f} MB of body text; "
          f"{args.workers} workers; stages: parse {' '.join(args.stages)}")
    local, wall, rss = run_pipeline(folder, args.stages, args.workers, cache)
    stats = local.stats
    print(f"\n{'stage (seconds summed over workers)':42s} {'time':>11} {'throughput':>30} {'peak RSS':>12}")
    for stage, seconds in stats["seconds"].items():
        if stage != "total":
            print(line(stage, seconds, docs, size))
    print(line(f"whole pipeline, wall clock ({args.workers} workers)", wall, docs, size, rss))
    if args.dask:
        dask, dask_wall, dask_rss = run_pipeline(folder, args.stages, args.workers, work / "cache-dask", engine="dask")
        print(line(f"whole pipeline on a Dask LocalCluster ({args.workers})", dask_wall, docs, size, dask_rss))
        print(f"{'  of which corpus totals (tree reduce)':42s} {dask.stats['seconds'].get('totals', 0):9.1f} s")
        print(engines_agree(local, dask, cache, work / "cache-dask"))
        shutil.rmtree(work / "cache-dask", ignore_errors=True)
    again, again_wall, again_rss = run_pipeline(folder, args.stages, args.workers, cache)
    again_stats, again = again.stats, again_wall
    print(line("re-run on the unchanged corpus (cache)", again, docs, size, again_rss),
          f"  new documents: {again_stats['new']['documents']}")
    grow, grow_size = max(1, docs // 100), 0
    # new articles in a file that sorts after the others, as dated or numbered files do: the corpus models,
    # learned from the corpus' first SAMPLE_CHARS characters, stay the same (a file sorting before them would
    # change that sample, relearn the models and recompute every document, by design: coopnews.cache.stages)
    with (folder / "zz-new-articles.jsonl").open("w", encoding="utf-8") as out:
        for i, rec in enumerate(json.loads(x) for x in (folder / "reuters-00.jsonl").open(encoding="utf-8")):
            if i >= grow:
                break
            body = rec["body"] + " (updated)"
            grow_size += len(body.encode("utf-8"))
            out.write(json.dumps({**rec, "id": f"new-{rec['id']}", "body": body}) + "\n")
    grown, grown_wall, grown_rss = run_pipeline(folder, args.stages, args.workers, cache)
    grown_stats, grown = grown.stats, grown_wall
    print(line(f"corpus grown by 1% ({grow} documents)", grown, grow, grow_size, grown_rss),
          f"  new documents processed: {grown_stats['new']['documents']}")
    if args.peer_sample:
        print()
        for row in peers(args.data, args.peer_sample):
            print(row)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
