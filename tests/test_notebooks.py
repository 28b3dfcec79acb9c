"""Every numbered notebook: well-formed (kernelspec, one `parameters` cell, no outputs, short cells)
and executed top to bottom with papermill on seeds/."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
MAX_CELL_LINES = 15
CELL_TIMEOUT = 600  # seconds; the slowest cell takes about 20 s on seeds/ with an empty cache


@pytest.fixture(params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def notebook(request) -> Path:
    return request.param


def test_there_are_notebooks():
    assert any(p.stem == "01-load-corpus" for p in NOTEBOOKS)


def test_notebook_is_committed_clean(notebook):
    nb = json.loads(notebook.read_text("utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    tagged = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    assert code.index(tagged[0]) <= 1, "the parameters cell comes right after the imports"
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "outputs are stripped"
    long_cells = [c["source"] for c in code if len("".join(c["source"]).strip().splitlines()) > MAX_CELL_LINES]
    assert not long_cells, f"cells longer than {MAX_CELL_LINES} lines: move the logic into coopnews"
    markdown = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert markdown.lstrip().startswith("# ") and "What this shows" in markdown


@pytest.mark.notebook
def test_notebook_runs_on_seeds(notebook, tmp_path):
    # papermill runs in a process of its own, as `make reports` runs it: the threads and event loops earlier
    # tests leave in this process (dask's, tqdm's) are not the kernel client's
    out = tmp_path / notebook.name
    run = subprocess.run(
        [sys.executable, "-m", "papermill", str(notebook), str(out), "-p", "corpus_dir", str(ROOT / "seeds"),
         "--cwd", str(notebook.parent), "-k", "python3", "--no-progress-bar",
         "--execution-timeout", str(CELL_TIMEOUT)],  # a kernel that stops answering fails the test, not the CI run
        capture_output=True, text=True, timeout=2 * CELL_TIMEOUT, env=os.environ.copy())
    assert run.returncode == 0, run.stderr[-3000:]
    executed = json.loads(out.read_text("utf-8"))
    errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
