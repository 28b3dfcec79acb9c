"""Execute runs with papermill (N worker processes, each keeping one kernel for its runs) and write each
run's HTML page.

A worker's kernel is started once and reused: the hidden setup cell of every run clears the namespace
(`%reset -f`), closes figures and changes to the notebook's folder, so a run sees only its own variables
while the libraries stay imported (the import time is paid once per worker, not once per page). A kernel
that died or timed out is replaced before the next run. A run that raises still gets its page (the
failing cell's code and traceback); the result says `failed`. Ctrl-C (or SIGTERM) starts no further run,
ends every worker and kernel, gives each unfinished run a page saying `interrupted`, removes half-written
files, and raises RunsInterrupted with the results."""
from __future__ import annotations

import html
import io
import multiprocessing
import os
import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import datetime
from pathlib import Path

from tqdm import tqdm

from ..cache.atomic import write_text_atomic
from ..scale.children import interrupts_held, pool_worker_started, stop_pool
from .html import SETUP_TAG, failed_cell_number, page_html, render_template, setup_source, templates_dir

RESULT_COLUMNS = {
    "notebook": "notebook stem (the report's folder)",
    "slug": "file name of the report without .html",
    "label": "notebook and parameters, e.g. `04-partners focus=Lyon`",
    "parameters": "parameters from the plan (corpus_dir excluded)",
    "status": "ok | failed | interrupted (the build was stopped before the run finished)",
    "error": "`ExceptionName: message` of the failure; empty when ok",
    "error_cell": "1-based number of the failing code cell; None when ok or unknown",
    "duration_s": "wall time of the notebook's execution, seconds",
    "started": "local start time, ISO 8601",
    "html": "the page, relative to the output folder",
    "executed": "the executed notebook, relative to the output folder",
}
KERNEL_ENV = {"TQDM_DISABLE": "1", "MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
KERNEL_NAME = "python3"  # jupyter_client maps the kernelspec's `python` to sys.executable: the venv's python
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]  # no per-run "running over TCP" or shutdown noise
# run once when a worker's kernel starts (see warm_kernel)
WARM_UP = "import coopnews.reporting.execute\ncoopnews.reporting.execute.warm_kernel()"
RUNS_FOLDER = "_runs"  # executed notebooks and manifest.json, under the output folder
_CONTROL = re.compile(r"\x1b\[[0-9;]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f]")


def run_task(run, *, corpus_dir: Path, out_dir: Path, build: dict, timeout: float | None, dpi: int) -> dict:
    """Everything a worker process needs for one run (plain data, picklable)."""
    return {"notebook": run.notebook, "path": str(run.path), "parameters": dict(run.parameters), "slug": run.slug,
            "label": run.label, "corpus_dir": str(Path(corpus_dir).resolve()), "out_dir": str(Path(out_dir).resolve()),
            "build": build, "timeout": timeout, "dpi": dpi}


class RunsInterrupted(KeyboardInterrupt):
    """The build was stopped (Ctrl-C, SIGTERM): `results` has every run, the unfinished ones `interrupted`."""

    def __init__(self, results: list[dict]):
        super().__init__("interrupted")
        self.results = results


def execute_runs(tasks: list[dict], *, jobs: int = 1, progress: bool = True, lines: bool = False) -> list[dict]:
    """Results of every task, in the tasks' order whatever `jobs` is (each worker keeps one kernel).
    `progress`: a progress bar; `lines`: one line per finished page on stderr (for logs, make, CI)."""
    results: list[dict | None] = [None] * len(tasks)
    if not tasks:
        return []
    context = multiprocessing.get_context("spawn")  # no fork of a process with threads
    pool = ProcessPoolExecutor(max_workers=max(1, min(jobs, len(tasks))), mp_context=context,
                               initializer=_init_pool_worker)
    bar = tqdm(total=len(tasks), desc="reports", unit="run", disable=not progress)
    try:
        with interrupts_held():  # workers start with Ctrl-C ignored: only this process handles it
            futures = {pool.submit(execute_run, task): i for i, task in enumerate(tasks)}
        for done, future in enumerate(as_completed(futures), start=1):
            i = futures[future]
            try:
                results[i] = future.result()
            except Exception as err:  # the worker process itself died
                results[i] = _crashed(tasks[i], err)
            bar.set_postfix_str(f"{results[i]['status']}: {tasks[i]['label']}", refresh=False)
            bar.update()
            if lines:
                print(f"coopnews report: [{done}/{len(tasks)}] {results[i]['status']} "
                      f"{terminal_text(tasks[i]['label'])} ({results[i]['duration_s']:.1f} s)", file=sys.stderr,
                      flush=True)
    except KeyboardInterrupt:
        with interrupts_held():
            stop_pool(pool)  # every worker and the kernels they started
            bar.close()
            for i, task in enumerate(tasks):
                if results[i] is None:
                    results[i] = _interrupted(task)
            _remove_partial_files(Path(tasks[0]["out_dir"]))
        raise RunsInterrupted(results) from None
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown()
    bar.close()
    return results


def _init_pool_worker() -> None:
    pool_worker_started()
    _init_worker()


def _init_worker() -> None:
    import logging
    from multiprocessing import util

    os.environ.update(KERNEL_ENV)
    logging.getLogger("papermill").setLevel(logging.ERROR)  # parameters were validated by plan.py
    if not _KERNEL.get("finalizer"):
        _KERNEL["finalizer"] = util.Finalize(None, _stop_kernel, exitpriority=10)  # run when the worker exits


_KERNEL = {}  # this worker's kernel manager, under "km"


def worker_kernel(cwd: str):
    """This worker process's running kernel (started on first use, or again after it died). An async
    manager, as nbclient makes for itself: its execution timeout only works with one."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = _KERNEL.get("km")
    if km is not None and run_sync(km.is_alive)():
        return km
    _stop_kernel()
    km = AsyncKernelManager(kernel_name=KERNEL_NAME)
    run_sync(km.start_kernel)(extra_arguments=KERNEL_ARGS, cwd=cwd, env={**os.environ, **KERNEL_ENV})
    run_sync(_warm_up)(km)
    _KERNEL["km"] = km
    return km


async def _warm_up(km) -> None:
    """Import what every setup cell needs before any timed cell runs (a cell timeout is for the notebook's
    own cells, not for the kernel's first imports)."""
    client = km.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=120)
        await client.execute_interactive(WARM_UP, timeout=300, store_history=False)
    finally:
        client.stop_channels()


def warm_kernel() -> None:
    """Run in a report kernel as it starts: import what the setup cell and the notebooks import, and load what
    their first calls would (stopwords, stemmer, registry, gazetteer, the map's land grid, fonts), before any
    cell's timeout runs."""
    import matplotlib.pyplot as plt
    import matplotlib_inline.backend_inline  # noqa: F401 (the setup cell's %matplotlib inline)

    import coopnews.plots  # noqa: F401
    from ..partners.registry import load_registry
    from ..plots.geography import _gazetteer, land_paths
    from ..terms.tokens import _stemmer, load_stopwords

    load_stopwords(), _stemmer(), load_registry(), _gazetteer(), land_paths()
    figure, ax = plt.subplots(figsize=(2, 1), layout="constrained")
    ax.set_title("warm-up")
    figure.savefig(io.BytesIO(), format="png")  # font cache and text layout
    plt.close(figure)


def _stop_kernel() -> None:
    from jupyter_core.utils import run_sync

    km = _KERNEL.pop("km", None)
    if km is not None:
        try:
            run_sync(km.shutdown_kernel)(now=True)
        except Exception:  # already gone
            pass


def execute_run(task: dict) -> dict:
    """Execute one notebook with papermill, write its page atomically, return its result (RESULT_COLUMNS)."""
    import nbformat
    import papermill as pm

    _init_worker()
    started, t0 = datetime.now().astimezone(), time.perf_counter()
    out_dir, path = Path(task["out_dir"]), Path(task["path"])
    executed = out_dir / RUNS_FOLDER / task["notebook"] / f"{task['slug']}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    executed.unlink(missing_ok=True)
    exports = out_dir / task["notebook"] / task["slug"]  # the page's CSV/Parquet tables, beside it
    shutil.rmtree(exports, ignore_errors=True)
    nb = nbformat.read(str(path), as_version=4)
    setup = nbformat.v4.new_code_cell(setup_source(dpi=task["dpi"], exports=str(exports), exports_href=task["slug"],
                                                   cwd=str(path.parent)))
    setup.metadata["tags"] = [SETUP_TAG]
    nb.cells.insert(0, setup)
    error = ""
    try:
        pm.execute_notebook(nb, str(executed), parameters={"corpus_dir": task["corpus_dir"], **task["parameters"]},
                            request_save_on_cell_execute=False,  # written once, at the end or on an error
                            kernel_name=KERNEL_NAME, cwd=str(path.parent), progress_bar=False, log_output=False,
                            execution_timeout=task["timeout"], interrupt_on_timeout=True,
                            km=worker_kernel(str(path.parent)))
    except pm.PapermillExecutionError as err:
        error = f"{err.ename}: {err.evalue}".strip()
        if err.ename == "KeyboardInterrupt" and task["timeout"]:
            error = f"TimeoutError: a cell ran longer than {task['timeout']:g} s (raise --timeout)"
    except Exception as err:  # kernel did not start or died: still write a page
        error = f"{type(err).__name__}: {err}".strip()
    result = {"notebook": task["notebook"], "slug": task["slug"], "label": task["label"],
              "parameters": task["parameters"], "status": "failed" if error else "ok", "error": error,
              "error_cell": None, "started": started.isoformat(timespec="seconds"),
              "html": f"{task['notebook']}/{task['slug']}.html",
              "executed": executed.relative_to(out_dir).as_posix() if executed.exists() else ""}
    done = nbformat.read(str(executed), as_version=4) if executed.exists() else None
    if done is not None:
        result["error_cell"] = failed_cell_number(done)
    result["duration_s"] = round(time.perf_counter() - t0, 2)  # execution; the header shows it
    page = _page(task, result, done)
    write_text_atomic(out_dir / result["html"], page)
    return result


def _page(task: dict, result: dict, nb) -> str:

    if nb is not None:
        try:
            return page_html(nb, title=task["label"], header=header_html(task, result))
        except Exception as err:  # a page that cannot be converted still says why
            result.update(status="failed", error=f"{result['error']}\nHTML conversion failed: {type(err).__name__}: {err}".strip())
    return plain_page(task["label"], header_html(task, result))


def header_html(task: dict, result: dict) -> str:
    """The page header: run, status, parameters, corpus fingerprint, code version, failure box."""

    run = {**result, "notebook_file": Path(task["path"]).name,
           "parameters": [(k, display_value(v)) for k, v in task["parameters"].items()]}
    return render_template("report_header.html.j2", run=run, build=task["build"])


def plain_page(title: str, body: str) -> str:
    """A minimal self-contained page around already-escaped `body`."""

    css = (templates_dir() / "report.css").read_text("utf-8")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{html.escape(title)}</title><style>{css}</style></head><body>{body}</body></html>\n")


def display_value(value) -> str:
    """A parameter value as a user wrote it in YAML (strings bare, lists as JSON)."""
    import json

    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def terminal_text(text: str) -> str:
    """`text` with ANSI sequences and control characters removed (error messages quote documents)."""
    return _CONTROL.sub("", text)


def _interrupted(task: dict) -> dict:
    """The result (and page) of a run the build was stopped before it finished; its executed notebook, a
    partial one, is removed."""
    result = _crashed(task, None)
    executed = Path(task["out_dir"]) / RUNS_FOLDER / task["notebook"] / f"{task['slug']}.ipynb"
    executed.unlink(missing_ok=True)
    return result


def _remove_partial_files(out_dir: Path) -> None:
    """Temporary files of atomic writes that a killed worker left behind (`.<name>.<random>.tmp`)."""
    for tmp in out_dir.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _crashed(task: dict, err: Exception | None) -> dict:
    result = {"notebook": task["notebook"], "slug": task["slug"], "label": task["label"],
              "parameters": task["parameters"], "status": "failed" if err is not None else "interrupted",
              "error": f"worker crashed: {type(err).__name__}: {err}" if err is not None else
              "interrupted: the build was stopped before this run finished",
              "error_cell": None, "started": datetime.now().astimezone().isoformat(timespec="seconds"),
              "html": f"{task['notebook']}/{task['slug']}.html", "executed": "", "duration_s": 0.0}
    write_text_atomic(Path(task["out_dir"]) / result["html"], plain_page(task["label"], header_html(task, result)))
    return result
