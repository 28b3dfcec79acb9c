"""build_reports: plan -> validated runs -> executed notebooks -> HTML pages -> index.html."""
from __future__ import annotations

import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..cache.atomic import write_text_atomic
from ..corpus.read import corpus_root
from ..scale.access import ALL_STAGES, events, load_corpus, partner_tables
from ..scale.children import interrupts_held
from .execute import RUNS_FOLDER, RunsInterrupted, execute_runs, run_task
from .index import write_index
from .plan import load_plan, plan_runs

DEFAULT_TIMEOUT = 600  # seconds per cell
DEFAULT_DPI = 90  # embedded PNG figures: legible, small pages


@dataclass
class Build:
    """What a build produced: one result per run (RESULT_COLUMNS), the index and the build's facts."""

    results: list[dict]
    index: Path
    info: dict

    @property
    def failures(self) -> list[dict]:
        return [r for r in self.results if r["status"] != "ok"]


def build_reports(corpus_dir: str | Path, plan_path: str | Path, out_dir: str | Path, *, jobs: int = 1,
                  timeout: float | None = DEFAULT_TIMEOUT, dpi: int = DEFAULT_DPI,
                  notebooks_dir: str | Path | None = None, progress: bool = True, lines: bool = False) -> Build:
    """Validate the whole plan (PlanError lists every problem; nothing runs), then build every report.
    Pages an earlier build wrote into `out_dir` and this one does not rebuild are removed (with their
    exports), so a folder never mixes corpora or plans. `lines`: a line per finished page on stderr."""
    t0 = time.perf_counter()
    plan = load_plan(plan_path, notebooks_dir=notebooks_dir)
    corpus = load_corpus(corpus_dir, progress=progress, stages=ALL_STAGES)  # every table once, in parallel
    runs = plan_runs(plan, corpus)
    warm_tables(corpus)
    info = build_info(corpus, plan_path=plan.source)
    out_dir = Path(out_dir)
    tasks = [run_task(r, corpus_dir=corpus_dir, out_dir=out_dir, build=info, timeout=timeout, dpi=dpi) for r in runs]
    try:
        results, stopped = execute_runs(tasks, jobs=jobs, progress=progress, lines=lines), None
        remove_stale(out_dir, results)
    except RunsInterrupted as interrupt:  # Ctrl-C / SIGTERM: index and manifest of what finished, then stop
        results, stopped = interrupt.results, interrupt
    info = {**info, "finished": datetime.now().astimezone().isoformat(timespec="seconds"),
            "duration_s": round(time.perf_counter() - t0, 1), "interrupted": stopped is not None}
    with interrupts_held():  # a second Ctrl-C cannot leave the index without its manifest
        index = write_index(out_dir, results, info)
        _write_manifest(out_dir, results, info)
    if stopped is not None:
        raise stopped
    return Build(results=results, index=index, info=info)


def warm_tables(corpus) -> None:
    """Compute (or read back) the cached tables every page reads, once, before the pages run in parallel."""
    partner_tables(corpus)
    events(corpus)


def build_info(corpus, *, plan_path: Path) -> dict:
    """Facts every page shows: corpus folder, size and fingerprint, coopnews version, git revision."""
    root = corpus_root(corpus.root)  # a local folder, shown resolved, or a URL (s3://…), shown as given
    return {"corpus_dir": str(root.resolve()) if isinstance(root, Path) else root, "n_documents": len(corpus.documents),
            "fingerprint": corpus.fingerprint, "version": __version__, "revision": git_revision(),
            "plan": str(plan_path)}


def git_revision() -> str | None:
    """`git rev-parse --short HEAD` of the checkout coopnews runs from, or None outside a git checkout."""
    root = Path(__file__).resolve().parents[3]
    if not (root / ".git").exists():
        return None
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def remove_stale(out_dir: Path, results: list[dict]) -> list[Path]:
    """Remove what the previous build's manifest lists and this build did not make: pages, their export
    folders and executed notebooks (nothing that no coopnews build wrote is touched). Returns them."""
    manifest = out_dir / RUNS_FOLDER / "manifest.json"
    try:
        previous = json.loads(manifest.read_text("utf-8"))["runs"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    kept = {r["html"] for r in results}
    removed = []
    for run in previous:
        page = str(run.get("html", ""))
        if not page or page in kept or ".." in Path(page).parts or Path(page).is_absolute():
            continue
        for path in (out_dir / page, out_dir / page[: -len(".html")], out_dir / str(run.get("executed") or "")):
            if path != out_dir and path.exists():
                shutil.rmtree(path) if path.is_dir() else path.unlink()
                removed.append(path)
    for folder in {(out_dir / r.get("html", "")).parent for r in previous}:
        if folder != out_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed


def _write_manifest(out_dir: Path, results: list[dict], info: dict) -> None:
    text = json.dumps({"build": info, "runs": results}, indent=1, ensure_ascii=False, default=str)
    write_text_atomic(out_dir / RUNS_FOLDER / "manifest.json", text + "\n")
