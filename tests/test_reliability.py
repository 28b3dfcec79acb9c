"""Nothing lost, nothing hung (issue 16): each probe a careful user ran, as a test. Hostile files are made here in
tmp_path (binary, wrong encodings, empty, huge, unreadable, symlink loops, odd names, HTML/script payloads);
concurrent runs, Ctrl-C and kill -9 use real `coopnews` processes; hostile markup is opened in Chromium."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest

import coopnews
from coopnews import load_corpus
from coopnews.cli import main

ROOT = Path(__file__).resolve().parents[1]
LIB = Path(coopnews.__file__).resolve().parents[1]  # the code under test, for the `coopnews` subprocesses
NOTEBOOKS = Path(__file__).resolve().parent / "data" / "notebooks"
SENTENCE = "Lyon and Nanjing signed a cooperation agreement on urban transport in 2019."
WAIT = 240  # seconds a process gets to reach a state (a loaded machine is slow); a failure, never a timing claim


# ---- helpers --------------------------------------------------------------------------------------------

def write(folder: Path, rel: str, content: str | bytes) -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    return path


def log_of(corpus) -> dict[str, list[str]]:
    """path -> the statuses and reasons logged for it."""
    out: dict[str, list[str]] = {}
    for row in corpus.log.itertuples():
        out.setdefault(row.path, []).append(f"{row.status}: {row.reason}")
    return out


def cli(*args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """`coopnews ARGS` in a new session (as a terminal's foreground job), running the coopnews this test imported.
    Ctrl-C is restored to its default in the child: a suite started in the background (`cmd &` in a script)
    ignores SIGINT, and an ignored signal is inherited, so the child would never see the Ctrl-C the tests send."""
    full_env = {**os.environ, "PYTHONPATH": str(LIB), "TQDM_DISABLE": "1", **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "coopnews", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=full_env, start_new_session=True,
                            preexec_fn=_foreground_signals, **kwargs)


def _foreground_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    proc = cli(*args, env=env)
    out, err = proc.communicate(timeout=WAIT)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def wait_for(condition, what: str, timeout: float = WAIT):
    """Poll `condition()` until it returns something truthy; fail naming `what` when it never does."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = condition()
        if found:
            return found
        time.sleep(0.3)
    pytest.fail(f"never happened: {what}")


def tree(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def is_running(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def still_running(procs: list[psutil.Process], grace: float = 10.0) -> list[psutil.Process]:
    """Which of `procs` still run `grace` seconds after their parent exited: a process already ending (its
    command line gone) can still read as running a moment after the parent returned (seen on a fast machine),
    and multiprocessing's resource tracker only ends once it sees its parent's pipe close."""
    _, alive = psutil.wait_procs(procs, timeout=grace)
    return [p for p in alive if is_running(p)]


def kernels(pid: int) -> list[psutil.Process]:
    def is_kernel(p):
        try:
            return "ipykernel" in " ".join(p.cmdline())
        except psutil.Error:
            return False
    return [p for p in tree(pid) if is_kernel(p)]


@pytest.fixture
def many_documents(tmp_path) -> Path:
    folder = tmp_path / "many"
    for i in range(140):
        write(folder, f"d{i:03d}.txt", f"{SENTENCE} Agreement number {i} covers trade. The mayors spoke.")
    return folder


@pytest.fixture
def sleeping_plan(tmp_path) -> Path:
    plan = tmp_path / "plan.yaml"
    runs = [{"notebook": "sleeps", "parameters": {"seconds": 300 + i}} for i in range(3)]
    plan.write_text(json.dumps({"notebooks": str(NOTEBOOKS), "runs": runs}), "utf-8")
    return plan


# ---- one file never stops a load; every file accounted for ----------------------------------------------

@pytest.mark.parametrize("entry", ["load_corpus", "corpus", "process"])
def test_csv_field_over_131072_characters_loads(tmp_path, entry, capsys):
    folder = tmp_path / "c"
    write(folder, "big.csv", f"id,text\nlong,{SENTENCE} {'x' * 200_000}\nshort,{SENTENCE}\n")
    write(folder, "ok.txt", SENTENCE)
    if entry == "load_corpus":
        assert sorted(load_corpus(folder, progress=False).documents["doc_id"]) == ["long", "ok", "short"]
    else:
        assert main([entry, str(folder)] + (["--workers", "1", "--stages"] if entry == "process" else [])) == 0
        assert "Traceback" not in capsys.readouterr().err


def test_deeply_nested_json_is_logged_and_no_cache_leaves_no_temp_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    folder = tmp_path / "c"
    write(folder, "deep.json", "[" * 100_000 + "]" * 100_000)
    write(folder, "deep.jsonl", '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    write(folder, "ok.txt", SENTENCE)
    corpus = load_corpus(folder, progress=False, use_cache=False)
    assert corpus.documents["doc_id"].tolist() == ["ok"]
    log = log_of(corpus)
    assert "nested too deeply" in log["deep.json"][0] and "nested too deeply" in log["deep.jsonl"][0]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_no_cache_run_that_fails_leaves_no_temp_folder(tmp_path, monkeypatch):
    import coopnews.scale.pipeline as pipeline

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    write(tmp_path / "c", "ok.txt", SENTENCE)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pipeline, "_duplicates", broken)
    with pytest.raises(OSError):
        load_corpus(tmp_path / "c", progress=False, use_cache=False)
    assert list((tmp_path / "tmp").iterdir()) == []


def test_symlink_loops_and_dangling_links_are_logged(tmp_path):
    folder = tmp_path / "c"
    write(folder, "ok.txt", SENTENCE)
    write(tmp_path, "outside/linked.txt", SENTENCE.replace("Lyon", "Lille"))
    (folder / "loop-a").symlink_to("loop-b")
    (folder / "loop-b").symlink_to("loop-a")
    (folder / "gone.txt").symlink_to("nowhere.txt")
    (folder / "up").symlink_to("..")  # a folder holding the corpus: following it would never end
    (folder / "file-link.txt").symlink_to(tmp_path / "outside" / "linked.txt")
    corpus = load_corpus(folder, progress=False)
    log = log_of(corpus)
    assert sorted(corpus.documents["doc_id"]) == ["file-link", "ok"]
    assert "symlink loop" in log["loop-a"][0] and "symlink loop" in log["loop-b"][0]
    assert "dangling link" in log["gone.txt"][0] and "nowhere.txt" in log["gone.txt"][0]
    assert "symlink loop" in log["up/"][0]


def test_unreadable_folder_is_logged_with_the_fix(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    write(folder, "ok.txt", SENTENCE)
    write(folder, "locked/secret.txt", SENTENCE)
    locked = folder / "locked"
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the folder unreadable as it is for everyone else
        real_scandir = os.scandir

        def scandir(path="."):
            if isinstance(path, (str, os.PathLike)) and Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        corpus = load_corpus(folder, progress=False, use_cache=False)
    finally:
        locked.chmod(0o755)
    assert corpus.documents["doc_id"].tolist() == ["ok"]
    reason = log_of(corpus)["locked/"][0]
    assert reason.startswith("skipped: unreadable folder") and "permissions" in reason


def test_scalar_json_header_only_csv_and_empty_collections_are_logged(tmp_path):
    folder = tmp_path / "c"
    write(folder, "scalar.json", "42")
    write(folder, "text.json", '"just a string"')
    write(folder, "none.json", "[]")
    write(folder, "header.csv", "id,text\n")
    write(folder, "ok.txt", SENTENCE)
    log = log_of(load_corpus(folder, progress=False))
    assert "JSON holds a number" in log["scalar.json"][0]
    assert "JSON holds a string" in log["text.json"][0]
    assert "empty collection" in log["none.json"][0]
    assert "header line only" in log["header.csv"][0]


def test_sidecar_problems_are_logged_naming_the_folder(tmp_path):
    folder = tmp_path / "c"
    write(folder, "2020/a.txt", SENTENCE)
    write(folder, "2020/metadata.csv", "file,title,date,colour\na.txt,A title,sometime in spring,red\n"
                                       "ghost.txt,Ghost,2020-01-01,blue\n,No file,2020-01-02,\n")
    write(folder, "2021/metadata.csv", "name,title\nb.txt,B\n")  # no 'file' column, and no other file here
    corpus = load_corpus(folder, progress=False)
    log = log_of(corpus)
    reasons = " | ".join(log["2020/metadata.csv"])
    assert "unknown column(s) colour" in reasons
    assert "date 'sometime in spring' not understood" in reasons
    assert "'ghost.txt', which is not a file of this folder" in reasons
    assert "names no file" in reasons
    assert "no 'file' column" in log["2021/metadata.csv"][0]
    assert all(status.startswith("warning") for status in log["2020/metadata.csv"])
    doc = corpus.documents.iloc[0]
    assert doc["title"] == "A title" and doc["date_source"] != "sidecar"


@pytest.mark.parametrize("text, encoding", [("合作协议", "gbk"), ("南京", "gbk"), ("Café", "latin-1"),
                                            ("Zürich", "latin-1"), ("São Paulo", "latin-1")])
def test_short_legacy_encodings_are_read_right_or_warned_about(tmp_path, text, encoding):
    write(tmp_path / "c", "short.txt", text.encode(encoding))
    corpus = load_corpus(tmp_path / "c", progress=False)
    decoded = corpus.documents["text"].iloc[0]
    warned = [r for r in log_of(corpus)["short.txt"] if r.startswith("warning: encoding guessed")]
    assert decoded == text or warned, f"read as {decoded!r} without a word"
    assert all("re-save the file as UTF-8" in w for w in warned)


def test_every_hostile_file_is_loaded_or_logged(tmp_path):
    """Binary, empty, huge, wrong encodings, odd names, markup: each file is a document or a log row."""
    folder = tmp_path / "c"
    files = {
        "binary.txt": bytes(range(256)) * 16, "empty.txt": b"", "blank.md": b"  \n\n ", "huge.txt": b"word " * 30_000,
        "utf16.txt": SENTENCE.encode("utf-16"), "cp1252.txt": ("Coopération réussie à Lyon. " * 20).encode("cp1252"),
        "script.html": f"<html><body><script>alert('x')</script><p>{SENTENCE}</p></body></html>",
        "space name.txt": SENTENCE, "-dash.txt": SENTENCE, "naïve 名字.txt": SENTENCE, "line\nbreak.txt": SENTENCE,
        "NO_SUFFIX": SENTENCE, "image.png": b"\x89PNG\r\n\x1a\n" + bytes(100), "bad.jsonl": "{nope\n",
        "broken.csv": 'id,text\n1,"never closed\n', "title.json": json.dumps([{"title": "<style>x</style>", "text": SENTENCE}]),
    }
    for name, content in files.items():
        write(folder, name, content)
    corpus = load_corpus(folder, progress=False, max_bytes=100_000)
    logged = set(corpus.log["path"])
    assert set(files) <= logged, set(files) - logged
    assert {"space name", "-dash", "naïve 名字", "line\nbreak", "script", "utf16", "cp1252", "title-1"} <= \
        set(corpus.documents["doc_id"])
    assert "alert" not in " ".join(corpus.documents["text"])


# ---- concurrent runs on one cache -----------------------------------------------------------------------

def test_two_process_runs_share_one_cache(tmp_path, many_documents):
    """More than 64 parts: compaction runs while the other process lists and reads the same tables."""
    env = {"COOPNEWS_CACHE": str(tmp_path / "cache")}
    runs = [cli("process", str(many_documents), "--workers", "1", "--chunk-size", "2", "--stages", env=env)
            for _ in range(2)]
    done = [(proc.communicate(timeout=WAIT * 2), proc.returncode) for proc in runs]
    for (out, err), code in done:
        assert code == 0, err[-2000:]
        assert "Traceback" not in err
        assert json.loads(out)["documents"] == 140
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COOPNEWS_CACHE", str(tmp_path / "cache"))
        corpus = load_corpus(many_documents, progress=False)
    assert len(corpus.documents) == 140 and corpus.sentences["doc_id"].nunique() == 140


def _append_many(folder: str, writer: int, rounds: int) -> None:
    from coopnews.cache.tables import Table

    table = Table(Path(folder), max_parts=4)  # compaction at almost every append
    for i in range(rounds):
        key = f"w{writer}-{i:04d}"
        table.append(pd.DataFrame({"cache_key": [key], "x": [i]}), [key])


def _read_many(folder: str, rounds: int) -> None:
    from coopnews.cache.tables import Table

    table = Table(Path(folder), max_parts=4)
    for _ in range(rounds):
        keys = table.keys()
        assert len(table.read(keys)) == len(keys)


def test_writers_and_readers_in_several_processes_share_a_table(tmp_path):
    """Two processes append and compact the same table while a third lists and reads it: no part vanishes
    under a reader, no row is lost or doubled."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    folder = str(tmp_path / "table")
    jobs = [context.Process(target=_append_many, args=(folder, w, 40)) for w in range(2)]
    jobs.append(context.Process(target=_read_many, args=(folder, 100)))
    for job in jobs:
        job.start()
    for job in jobs:
        job.join(WAIT)
    assert [job.exitcode for job in jobs] == [0, 0, 0]
    from coopnews.cache.tables import Table

    rows = Table(Path(folder)).read()
    assert sorted(rows["cache_key"]) == sorted(f"w{w}-{i:04d}" for w in range(2) for i in range(40))


def test_results_do_not_depend_on_the_order_files_arrived_in(tmp_path):
    """A file added before the others changes what the corpus models learn from: they are learned again, and
    the corpus reads as it does from a fresh cache."""
    from coopnews.scale.pipeline import process

    folder = tmp_path / "c"
    for i in range(4):
        write(folder, f"doc{i}.txt", f"{SENTENCE} Deal {i} was signed by Dr. Wang.")
    process(folder, workers=1, progress=False, cache_dir=tmp_path / "grown")
    write(folder, "a-first.txt", "Dr. Smith of St. Louis met Mr. Li. He signed. " * 40)
    grown = process(folder, workers=1, progress=False, cache_dir=tmp_path / "grown").corpus()
    fresh = process(folder, workers=1, progress=False, cache_dir=tmp_path / "fresh").corpus()
    pd.testing.assert_frame_equal(grown.sentences, fresh.sentences)
    assert grown.documents["cache_key"].tolist() == fresh.documents["cache_key"].tolist()


# ---- interrupts -----------------------------------------------------------------------------------------

def test_ctrl_c_stops_process_cleanly(tmp_path, many_documents):
    proc = cli("process", str(many_documents), "--workers", "2", "--chunk-size", "1", "--stages", "entities",
               env={"COOPNEWS_CACHE": str(tmp_path / "cache")})
    workers = wait_for(lambda: len(tree(proc.pid)) >= 2 and tree(proc.pid), "two worker processes")
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends its foreground job on Ctrl-C
    out, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == 130, err[-2000:]
    assert "Traceback" not in err and err.strip().splitlines()[-1] == "coopnews process: interrupted"
    assert out == ""
    assert not still_running(workers)
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_killed_process_leaves_no_workers(tmp_path, many_documents):
    proc = cli("process", str(many_documents), "--workers", "2", "--chunk-size", "1", "--stages", "entities",
               env={"COOPNEWS_CACHE": str(tmp_path / "cache")})
    workers = wait_for(lambda: len(tree(proc.pid)) >= 2 and tree(proc.pid), "two worker processes")
    proc.kill()
    proc.communicate(timeout=WAIT)
    wait_for(lambda: not [p for p in workers if is_running(p)], "the workers of a killed run exiting", timeout=60)


@pytest.mark.notebook
def test_ctrl_c_stops_report_with_index_and_manifest(tmp_path, sleeping_plan):
    out = tmp_path / "out"
    proc = cli("report", "--corpus", str(ROOT / "seeds"), "--plan", str(sleeping_plan), "--out", str(out),
               "--jobs", "2", env={"COOPNEWS_CACHE": str(tmp_path / "cache")})
    wait_for(lambda: (out / "_runs").is_dir() and len(kernels(proc.pid)) >= 2, "two pages running in kernels")
    started = tree(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == 130, err[-2000:]
    assert "Traceback" not in err and "Exception" not in err
    assert not still_running(started), "workers or kernels still running"
    manifest = json.loads((out / "_runs" / "manifest.json").read_text("utf-8"))
    assert manifest["build"]["interrupted"] is True
    assert [r["status"] for r in manifest["runs"]] == ["interrupted"] * 3
    assert (out / "index.html").is_file() and all((out / r["html"]).is_file() for r in manifest["runs"])
    assert not list(out.rglob("*.tmp")) and not list(out.rglob("*.ipynb"))


@pytest.mark.notebook
def test_killed_report_leaves_no_workers_or_kernels(tmp_path, sleeping_plan):
    proc = cli("report", "--corpus", str(ROOT / "seeds"), "--plan", str(sleeping_plan), "--out", str(tmp_path / "out"),
               "--jobs", "2", env={"COOPNEWS_CACHE": str(tmp_path / "cache")})
    wait_for(lambda: len(kernels(proc.pid)) >= 2, "two notebook kernels running")
    started = tree(proc.pid)
    proc.kill()
    proc.communicate(timeout=WAIT)
    wait_for(lambda: not [p for p in started if is_running(p)], "workers and kernels of a killed run exiting",
             timeout=60)


# ---- the HTML sanitizer ---------------------------------------------------------------------------------

STYLE_TITLE = "Blank <style>body{display:none}</style> page"
LINK_TITLE = "Click [here](https://evil.example/x) now"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    from coopnews.reporting import build_reports

    tmp = tmp_path_factory.mktemp("hostile-report")
    write(tmp / "corpus", "records.json", json.dumps([{"id": "s", "title": STYLE_TITLE, "text": SENTENCE},
                                                      {"id": "l", "title": LINK_TITLE, "text": SENTENCE}]))
    plan = tmp / "plan.yaml"
    plan.write_text(json.dumps({"notebooks": str(NOTEBOOKS), "runs": [{"notebook": "echo-untrusted"}]}), "utf-8")
    build = build_reports(tmp / "corpus", plan, tmp / "out", progress=False)
    assert build.results[0]["status"] == "ok", build.results[0]["error"]
    return tmp / "out" / build.results[0]["html"]


@pytest.mark.notebook
def test_style_and_external_links_from_documents_are_inert(hostile_report):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(hostile_report.read_text("utf-8"), "html.parser")
    assert [s for s in soup.find_all("style") if "display:none" in s.get_text()] == []
    assert not soup.body.find_all("style")
    assert not [a for a in soup.find_all("a") if "evil.example" in a.get("href", "")]
    assert "here" in soup.get_text() and "Blank" in soup.get_text()


@pytest.mark.notebook
@pytest.mark.browser
def test_hostile_titles_do_not_blank_the_page_in_chromium(hostile_report, tmp_path):
    from matplotlib.image import imread

    browser = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if browser is None:
        pytest.skip("no headless Chromium found (apt-get install -y chromium)")
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--no-first-run", "--disable-extensions", "--window-size=1000,800"]
    dom = subprocess.run([*common, f"--user-data-dir={tmp_path / 'p1'}", "--virtual-time-budget=2000", "--dump-dom",
                          hostile_report.resolve().as_uri()], capture_output=True, text=True, timeout=120, check=True).stdout
    assert "Click" in dom and "evil.example/x" not in dom.replace("[here](https://evil.example/x)", "")
    shot = tmp_path / "page.png"
    subprocess.run([*common, f"--user-data-dir={tmp_path / 'p2'}", f"--screenshot={shot}",
                    hostile_report.resolve().as_uri()], capture_output=True, timeout=120, check=True)
    assert imread(shot).std() > 0.01, "the page renders blank"


# ---- the command line's error path ----------------------------------------------------------------------

def test_process_prints_strict_json(tmp_path, capsys):
    write(tmp_path / "c", "undated.txt", SENTENCE.replace(" in 2019", ""))
    assert main(["process", str(tmp_path / "c"), "--workers", "1"]) == 0
    out = capsys.readouterr().out

    def refuse(name):
        raise ValueError(f"non-standard JSON constant {name}")

    json.loads(out, parse_constant=refuse)


def test_corpus_all_columns_writes_every_column(seeds_dir, capsys):
    assert main(["corpus", str(seeds_dir), "--all-columns"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 5 and {"text", "segments", "cache_key"} <= set(rows[0])


@pytest.mark.parametrize("option", [["--chunk-size", "0"], ["--workers", "0"], ["--partitions", "-1"]])
def test_bad_numbers_are_usage_errors(tmp_path, option, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["process", str(tmp_path), *option])
    assert stop.value.code == 2
    assert f"argument {option[0]}: must be at least 1" in capsys.readouterr().err


def test_cache_or_out_pointing_at_a_file_is_one_line(tmp_path):
    write(tmp_path / "c", "ok.txt", SENTENCE)
    afile = write(tmp_path, "a-file", "x")
    runs = {
        "cache": run_cli("corpus", str(tmp_path / "c"), env={"COOPNEWS_CACHE": str(afile)}),
        "cache-parent": run_cli("corpus", str(tmp_path / "c"), env={"COOPNEWS_CACHE": str(afile / "sub")}),
        "report-out": run_cli("report", "--corpus", str(tmp_path / "c"), "--plan", str(afile), "--out", str(afile)),
        "corpus-out": run_cli("corpus", str(tmp_path / "c"), "--out", str(tmp_path)),
    }
    for name, done in runs.items():
        assert done.returncode == 2, (name, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, (name, done.stderr)
        assert str(afile if name != "corpus-out" else tmp_path) in done.stderr, (name, done.stderr)


def test_partners_on_a_missing_path_fails(tmp_path, capsys):
    assert main(["partners", str(tmp_path / "missing")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
