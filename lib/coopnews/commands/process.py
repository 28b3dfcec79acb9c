"""`coopnews process DIR`: run the per-document pipeline once into the cache, so notebooks and reports
on a large corpus read cached tables instead of recomputing them."""
from __future__ import annotations

import sys

from ..cache.stages import STAGES
from ..scale.pipeline import process
from ..scale.totals import TOTALS
from ._args import positive_int
from ._output import json_line


DEFAULT_TOTALS = ("terms", "bigrams", "partners", "pairs")
TOP = 5  # rows of each total printed


def register(subparsers) -> None:
    p = subparsers.add_parser("process", help="parse a corpus and run every per-document stage into the cache")
    p.add_argument("dir", help="corpus folder")
    p.add_argument("--stages", nargs="*", default=list(STAGES), choices=list(STAGES),
                   help="stages to run after parsing (default: all)")
    p.add_argument("--workers", type=positive_int, help="worker processes (default: one per core)")
    p.add_argument("--chunk-size", type=positive_int, default=256, help="documents per unit of work")
    p.add_argument("--text-column", help="field holding the text in JSON/CSV records")
    p.add_argument("--max-bytes", type=positive_int, default=10_000_000, help="skip documents larger than this")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes (default) or a Dask cluster")
    p.add_argument("--scheduler", help="with --engine dask: the scheduler address, e.g. tcp://10.0.0.5:8786 "
                                       "(default: an in-process LocalCluster of --workers processes)")
    p.add_argument("--partitions", type=positive_int, help="split the corpus into about N chunks (overrides --chunk-size)")
    p.add_argument("--totals", nargs="*", choices=list(TOTALS), default=None,
                   help="corpus totals to combine after the stages, with the same engine (default: terms, bigrams, "
                        "partners and pairs, those whose stage ran; see coopnews.scale.totals); printed as their top rows")
    p.set_defaults(func=run)


def run(args) -> int:
    ran = {*args.stages, "documents"}
    wanted = args.totals if args.totals is not None else [t for t in DEFAULT_TOTALS if TOTALS[t].stage in ran]
    manifest = process(args.dir, stages=args.stages, workers=args.workers, chunk_size=args.chunk_size,
                       text_column=args.text_column, max_bytes=args.max_bytes, progress=sys.stderr.isatty(),
                       engine=args.engine, scheduler=args.scheduler, partitions=args.partitions, totals=wanted)
    stats = manifest.stats
    skipped = int((manifest.log["status"] == "skipped").sum()) if len(manifest.log) else 0
    summary = {"documents": stats["documents"], "skipped": skipped, "new": stats["new"],
               "seconds": {k: round(v, 2) for k, v in stats["seconds"].items()}, "cache": str(manifest.cache_dir),
               "totals": {name: table.head(TOP).to_dict("records") for name, table in manifest.totals.items()}}
    print(json_line(summary))
    return 0
