"""What a user waits for: the CLI chain `coopnews corpus`, `keywords`, `events`, `partners` on Reuters-21578
written out as one .txt file per non-empty body, fresh and again unchanged; the seed reports; and the entity
stage as the chain runs it next to the in-process path (entities in the calling process, as before the
pipeline ran them) in the same run.

    python bench/bench_cli.py                          # 19,779 files: chain fresh + cached, reports, entity peer
    python bench/bench_cli.py --limit 500 --peer-limit 200 --no-reports     # quick check that it works

Each command runs as a user runs it (`python -m coopnews CMD FOLDER > file`, default workers) with its own
cache folder; time is wall clock, memory the peak of the summed RSS of the command and its worker processes
(sampled every 0.1 s). Peer, on the first --peer-limit files in the same run: coopnews.partners.entities.
extract_entities on the loaded corpus in this process, one core, as `events`/`partners` on a folder did
before the pipeline ran them; coopnews: `process(folder, stages=["entities"])`, the path the commands take
now (parsing included). Both must give the same entity rows. Never writes into the project.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from benchdata import REUTERS

ROOT = Path(__file__).resolve().parents[1]
CHAIN = ("corpus", "keywords", "events", "partners")


class TreeRSS:
    """Peak of the summed RSS of a process and its children, sampled every 0.1 s while it runs."""

    def __init__(self, pid: int):
        self.peak = 0
        self._pid = pid
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            root = psutil.Process(self._pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in procs))
            except psutil.Error:
                pass
            time.sleep(0.1)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def write_folder(source: Path, folder: Path, *, limit: int | None) -> tuple[int, int]:
    """One .txt file per non-empty body (named by its NEWID), as a user's folder of articles; (files, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    n = size = 0
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            body = record.get("body") or ""
            if not body.strip():
                continue
            (folder / f"reut-{int(record['newid']):05d}.txt").write_text(body, encoding="utf-8")
            n, size = n + 1, size + len(body.encode("utf-8"))
            if limit and n >= limit:
                break
    return n, size


def run_command(args: list[str], *, cache: Path, out: Path) -> tuple[float, int, int]:
    """(wall seconds, peak RSS of the process tree, exit status) of `python -m coopnews ARGS > out`."""
    env = {**os.environ, "COOPNEWS_CACHE": str(cache), "PYTHONPATH": str(ROOT / "lib"), "TQDM_DISABLE": "1"}
    with out.open("wb") as stdout:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "coopnews", *args], stdout=stdout, stderr=subprocess.PIPE,
                                env=env)
        with TreeRSS(proc.pid) as rss:
            _, err = proc.communicate()
        wall = time.perf_counter() - t0
    if proc.returncode:
        print(f"  coopnews {' '.join(args[:1])} failed ({proc.returncode}): {err.decode()[-500:]}", file=sys.stderr)
    return wall, rss.peak, proc.returncode


def chain(folder: Path, cache: Path, outs: Path, label: str) -> list[tuple[str, float, int]]:
    rows = []
    for command in CHAIN:
        wall, peak, _ = run_command([command, str(folder)], cache=cache, out=outs / f"{label}-{command}.jsonl")
        rows.append((command, wall, peak))
    return rows


def entity_peer(folder: Path, work: Path, workers: int | None) -> list[str]:
    """Today's path and the pipeline's on the same files, timed in this process; both must give the same rows."""
    sys.path.insert(0, str(ROOT / "lib"))
    from coopnews.cache.stages import stage_rows
    from coopnews.partners.entities import extract_entities, load_ner
    from coopnews.scale.pipeline import process

    corpus = process(folder, workers=1, progress=False, cache_dir=work / "cache-parsed").corpus()  # not timed
    load_ner()
    docs = len(corpus.documents)
    t0 = time.perf_counter()
    theirs = extract_entities(corpus)
    peer = time.perf_counter() - t0
    t0 = time.perf_counter()
    manifest = process(folder, stages=["entities"], workers=workers, progress=False, cache_dir=work / "cache-peer")
    ours_wall = time.perf_counter() - t0
    ours = stage_rows(manifest.corpus(), "entities")
    same = ours.astype(str).equals(theirs.astype(str))
    return [f"{'peer: extract_entities in the calling process (1 core)':58s} {peer:8.1f} s {docs / peer:8.1f} docs/s",
            f"{'coopnews: process(stages=[entities]), parsing included':58s} {ours_wall:8.1f} s "
            f"{docs / ours_wall:8.1f} docs/s",
            f"entity stage: {peer / ours_wall:.2f}x the in-process path's docs/s on {docs:,} files; same rows: {same}"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=REUTERS, help="Reuters-21578 JSONL")
    ap.add_argument("--limit", type=int, help="only the first N non-empty bodies (default: all 19,779)")
    ap.add_argument("--peer-limit", type=int, default=1000, help="files for the entity stage and its peer (0: skip)")
    ap.add_argument("--workers", type=int, help="worker processes for the entity comparison (default: one per core)")
    ap.add_argument("--no-reports", action="store_true", help="skip `coopnews report` on the seeds")
    ap.add_argument("--keep", type=Path, help="write the folders, caches and outputs here instead of a temporary folder")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"bench_cli: {args.data} not found; pass the path to reuters21578.jsonl", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="coopnews-bench-cli-"))
    folder, outs = work / "reuters", work / "out"
    for path in (folder, outs, work / "cache", work / "cache-peer", work / "cache-parsed", work / "cache-reports",
                 work / "peer"):
        shutil.rmtree(path, ignore_errors=True)
    outs.mkdir(parents=True)
    files, size = write_folder(args.data, folder, limit=args.limit)
    print(f"Reuters-21578 as {files:,} .txt files ({size / 1e6:.1f} MB); {os.cpu_count()} cores; "
          f"commands as `python -m coopnews CMD FOLDER`")
    fresh = chain(folder, work / "cache", outs, "fresh")
    again = chain(folder, work / "cache", outs, "again")
    same = all((outs / f"fresh-{c}.jsonl").read_bytes() == (outs / f"again-{c}.jsonl").read_bytes() for c in CHAIN)
    print(f"\n{'command':10s} {'fresh':>9s} {'peak RSS':>10s} {'unchanged re-run':>17s} {'peak RSS':>10s}")
    for (command, wall, peak), (_, wall2, peak2) in zip(fresh, again):
        print(f"{command:10s} {wall:8.1f}s {peak / 2**20:7.0f} MiB {wall2:16.1f}s {peak2 / 2**20:7.0f} MiB")
    print(f"{'chain':10s} {sum(r[1] for r in fresh):8.1f}s {max(r[2] for r in fresh) / 2**20:7.0f} MiB "
          f"{sum(r[1] for r in again):16.1f}s {max(r[2] for r in again) / 2**20:7.0f} MiB   (targets: 300 s, 4 GB, 30 s)")
    print(f"re-run output identical to the fresh run's: {same}")
    if not args.no_reports:
        report_out = work / "reports"
        shutil.rmtree(report_out, ignore_errors=True)
        wall, peak, status = run_command(["report", "--corpus", str(ROOT / "seeds"), "--plan",
                                          str(ROOT / "reports" / "plan.yaml"), "--out", str(report_out),
                                          "--jobs", "2", "--no-progress"], cache=work / "cache-reports",
                                         out=outs / "report.txt")
        pages = len(list(report_out.glob("*/*.html")))
        print(f"\nseed reports (make reports: --jobs 2, fresh cache): {wall:.1f} s, {pages} pages, "
              f"peak {peak / 2**20:.0f} MiB, exit {status}   (target: 60 s)")
    if args.peer_limit:
        peer_folder = work / "peer"
        write_folder(args.data, peer_folder, limit=args.peer_limit)
        print()
        for row in entity_peer(peer_folder, work, args.workers):
            print(row)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
