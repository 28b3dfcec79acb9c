"""build_reports: plan -> validated runs -> executed notebooks -> HTML pages -> index.html."""
from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..cache.atomic import write_text_atomic
from ..corpus.read import corpus_root
from ..scale.access import ALL_STAGES, load_corpus
from .execute import RUNS_FOLDER, execute_runs, run_task
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
                  notebooks_dir: str | Path | None = None, progress: bool = True) -> Build:
    """Validate the whole plan (PlanError lists every problem; nothing runs), then build every report."""
    t0 = time.perf_counter()
    plan = load_plan(plan_path, notebooks_dir=notebooks_dir)
    corpus = load_corpus(corpus_dir, progress=progress, stages=ALL_STAGES)  # every table once, in parallel
    runs = plan_runs(plan, corpus)
    info = build_info(corpus, plan_path=plan.source)
    out_dir = Path(out_dir)
    tasks = [run_task(r, corpus_dir=corpus_dir, out_dir=out_dir, build=info, timeout=timeout, dpi=dpi) for r in runs]
    results = execute_runs(tasks, jobs=jobs, progress=progress)
    info = {**info, "finished": datetime.now().astimezone().isoformat(timespec="seconds"),
            "duration_s": round(time.perf_counter() - t0, 1)}
    index = write_index(out_dir, results, info)
    _write_manifest(out_dir, results, info)
    return Build(results=results, index=index, info=info)


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


def _write_manifest(out_dir: Path, results: list[dict], info: dict) -> None:
    text = json.dumps({"build": info, "runs": results}, indent=1, ensure_ascii=False, default=str)
    write_text_atomic(out_dir / RUNS_FOLDER / "manifest.json", text + "\n")
