"""`coopnews report --corpus DIR --plan FILE --out DIR`: build the HTML reports of a plan, then index.html."""
from __future__ import annotations

import sys

from ..reporting.build import DEFAULT_DPI, DEFAULT_TIMEOUT, build_reports
from ..reporting.execute import terminal_text
from ._args import output_folder, positive_int


def register(subparsers) -> None:
    p = subparsers.add_parser("report", help="run notebooks in batch from a YAML plan and write HTML reports",
                              description="Validate every run of the plan (nothing runs if any is wrong), execute "
                                          "each notebook with papermill and write OUT/<notebook>/<slug>.html and "
                                          "OUT/index.html. Exit status: 0 all ok, 1 some runs failed, 2 bad plan.")
    p.add_argument("--corpus", required=True, help="corpus folder given to every notebook as corpus_dir")
    p.add_argument("--plan", required=True, help="YAML plan (format: reports/README.md)")
    p.add_argument("--out", required=True, help="output folder for the pages and index.html")
    p.add_argument("--jobs", type=positive_int, default=1, help="notebooks executed in parallel (default: 1)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help=f"seconds a single cell may run before the run fails (default: {DEFAULT_TIMEOUT})")
    p.add_argument("--notebooks", help="folder of the notebooks (default: the plan's `notebooks:`, else notebooks/)")
    p.add_argument("--dpi", type=int, default=DEFAULT_DPI, help=f"resolution of embedded figures (default: {DEFAULT_DPI})")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (on a terminal) nor progress lines (in a log: one line per finished page)")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.jobs < 1 or args.timeout <= 0 or args.dpi < 10:
        raise ValueError("--jobs must be at least 1, --timeout positive and --dpi at least 10")
    output_folder(args.out)
    build = build_reports(args.corpus, args.plan, args.out, jobs=args.jobs, timeout=args.timeout, dpi=args.dpi,
                          notebooks_dir=args.notebooks, progress=not args.no_progress and sys.stderr.isatty(),
                          lines=not args.no_progress and not sys.stderr.isatty())
    failures = build.failures
    for result in failures:
        print(f"coopnews report: failed: {terminal_text(result['label'])}: {terminal_text(result['error'])} "
              f"(see {args.out}/{result['html']})", file=sys.stderr)
    n = len(build.results)
    print(f"coopnews report: {n} runs, {n - len(failures)} ok, {len(failures)} failed in "
          f"{build.info['duration_s']:.1f} s; index: {build.index}", file=sys.stderr)
    return 1 if failures else 0
