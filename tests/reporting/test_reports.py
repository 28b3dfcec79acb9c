"""Batch reports: plan validation, slugs, sanitising, failure isolation, atomic writes, and one real build
of every notebook (plus the test notebooks in tests/data/notebooks) on a corpus full of HTML/markdown/script
injections (tests/data/xss_corpus), shared by the tests below."""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coopnews.partners.profiles import known_partners, top_partners
from coopnews.reporting import PlanError, build_reports, load_plan, parameters_slug, plan_runs, slugify
from coopnews.reporting.html import markdown_output_html, sanitize_html, script_hash, table_assets
from coopnews.reporting.index import write_index
from coopnews.reporting.params import type_matches
from coopnews.reporting.plan import Run
from coopnews.reporting.slugs import assign_slugs
from coopnews.scale.access import partner_tables

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "data"
XSS = DATA / "xss_corpus"
TEST_NOTEBOOKS = DATA / "notebooks"
REAL_NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
XSS_LABEL = "<script>alert('xss-param')</script>"
MAX_PAGE_BYTES = 1_500_000


def write_plan(tmp_path: Path, runs: list[dict], *, notebooks: Path = TEST_NOTEBOOKS) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(json.dumps({"notebooks": str(notebooks), "runs": runs}), "utf-8")  # JSON is YAML
    return path


@pytest.fixture(scope="module")
def xss_corpus():
    from coopnews import load_corpus

    return load_corpus(XSS, progress=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every numbered notebook, the echo notebook and a failing one, on the XSS corpus."""
    tmp = tmp_path_factory.mktemp("reports")
    runs = [{"notebook": "[0-9][0-9]-*"}] if REAL_NOTEBOOKS else []
    runs += [{"notebook": str(TEST_NOTEBOOKS / "echo-untrusted.ipynb"), "parameters": {"label": XSS_LABEL}},
             {"notebook": str(TEST_NOTEBOOKS / "fails.ipynb")}]
    plan = write_plan(tmp, runs, notebooks=ROOT / "notebooks")
    out = tmp / "out"
    build = build_reports(XSS, plan, out, jobs=2, timeout=300, progress=False)
    return build, out


def pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def result_for(build, notebook: str) -> dict:
    return next(r for r in build.results if r["notebook"] == notebook)


# ---- the shared build -----------------------------------------------------------------------------------

def test_failing_run_is_isolated(built):
    build, out = built
    assert [r["label"] for r in build.failures] == ["fails"]
    assert all(r["status"] == "ok" for r in build.results if r["notebook"] != "fails"), build.failures
    assert "ValueError: deliberate failure" in build.failures[0]["error"]
    assert all((out / r["html"]).is_file() for r in build.results)
    assert len(build.results) == len(REAL_NOTEBOOKS) + 2


def test_every_real_notebook_has_a_report(built):
    build, out = built
    for notebook in REAL_NOTEBOOKS:
        assert (out / notebook.stem / "default.html").is_file()


def test_failed_page_shows_the_failing_cell_and_traceback_only(built):
    build, out = built
    soup = BeautifulSoup((out / result_for(build, "fails")["html"]).read_text("utf-8"), "html.parser")
    failed = soup.select(".celltag_coopnews-failed")
    assert len(failed) == 1
    assert "raise ValueError" in failed[0].select_one(".jp-InputArea").get_text()
    assert "deliberate failure <script>alert('xss-traceback')</script> boom" in failed[0].get_text()
    assert len(soup.select(".jp-CodeCell .jp-InputArea")) == 1, "other cells' code stays hidden"
    assert "before the failure True" in soup.get_text()
    header = soup.select_one(".coopnews-failure").get_text()
    assert "code cell 4" in header and "ValueError" in header
    assert soup.find(id="papermill-error-cell") is not None


@pytest.mark.parametrize("marker", ["<script>alert('xss-json-title-a')</script>", "onerror=alert('xss-json-img-b')",
                                    '<script>alert("xss-sidecar-1")</script>', XSS_LABEL])
def test_untrusted_text_reads_as_plain_text(built, marker):
    build, out = built
    text = BeautifulSoup((out / result_for(build, "echo-untrusted")["html"]).read_text("utf-8"), "html.parser").get_text()
    assert marker in text


def test_no_live_markup_from_the_corpus_in_any_page(built):
    """The only script of a page is coopnews' own table script, allowed by its hash and nothing else."""
    build, out = built
    own_script = table_assets()[1]
    assert len(pages(out)) == len(build.results) + 1
    for page in pages(out):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        where = page.relative_to(out)
        assert soup.find_all(["iframe", "object", "embed", "form", "base", "svg"]) == [], where
        scripts = soup.find_all("script")
        assert all(s.string == own_script and s.get("type") == "module" and not s.get("src") for s in scripts), where
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                assert not name.lower().startswith("on"), (where, tag.name, name)
                if name in ("href", "src", "action", "formaction", "xlink:href"):
                    assert not value.strip().lower().startswith(("javascript:", "//", "data:text")), (where, value)
                    assert tag.name == "a" or not value.strip().lower().startswith(("http:", "https:")), (where, value)
                    assert tag.name != "img" or value.startswith("data:image/"), (where, value[:40])
        assert "xss-" not in "".join(s.get_text() for s in soup.find_all("style")), where
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp is not None and "default-src 'none'" in csp["content"], where
        allowed = re.findall(r"'sha256-[^']+'", csp["content"])
        assert allowed == ([script_hash(own_script)] if scripts else []), where
        assert "unsafe-inline" not in csp["content"].split("script-src")[-1] or not scripts, where


def test_real_notebook_tables_are_browsable_with_exports(built):
    """Each real notebook's page has sortable tables, a "rows" line and CSV + Parquet files beside it."""
    build, out = built
    import pandas as pd

    for result in build.results:
        if result["notebook"] not in {p.stem for p in REAL_NOTEBOOKS} or result["status"] != "ok":
            continue
        soup = BeautifulSoup((out / result["html"]).read_text("utf-8"), "html.parser")
        tables = soup.select("table.coopnews-table")
        counts = soup.select("p.coopnews-table-count")
        assert counts, result["html"]
        assert len(soup.find_all("script")) == (1 if tables else 0)
        for link in soup.select("p.coopnews-table-count a"):
            target = (out / result["html"]).parent / link["href"]
            assert target.is_file(), target
            if target.suffix == ".parquet":
                csv = pd.read_csv(target.with_suffix(".csv"))
                assert len(pd.read_parquet(target)) == len(csv)


def test_code_setup_and_injected_parameters_are_hidden(built):
    build, out = built
    page = (out / result_for(build, "echo-untrusted")["html"]).read_text("utf-8")
    assert "load_corpus(corpus_dir" not in page
    assert "%matplotlib inline" not in page and "# Parameters" not in page
    assert BeautifulSoup(page, "html.parser").select(".jp-CodeCell .jp-InputArea") == []


def test_header_gives_parameters_corpus_and_version(built, xss_corpus):
    import coopnews

    build, out = built
    soup = BeautifulSoup((out / result_for(build, "echo-untrusted")["html"]).read_text("utf-8"), "html.parser")
    header = " ".join(soup.select_one("header.coopnews-header").get_text(" ").split())
    assert xss_corpus.fingerprint in header and "4 documents" in header
    assert f"label = {XSS_LABEL}" in header
    assert f"coopnews {coopnews.__version__}" in header
    if (ROOT / ".git").exists():
        assert build.info["revision"] and build.info["revision"] in header
    assert re.search(r"— ok in \d+\.\d s, started \d{4}-\d\d-\d\dT", header)


def test_table_of_contents_links_to_headings(built):
    build, out = built
    soup = BeautifulSoup((out / result_for(build, "echo-untrusted")["html"]).read_text("utf-8"), "html.parser")
    links = soup.select("nav.coopnews-toc a")
    assert [a.get_text() for a in links] == ["Echo of untrusted text", "Titles as raw HTML", "Titles as markdown",
                                             "A table, printed text and a figure", "What this shows"]
    assert all(soup.find(id=a["href"][1:]) is not None for a in links)


def test_figures_are_embedded_and_pages_small(built):
    build, out = built
    soup = BeautifulSoup((out / result_for(build, "echo-untrusted")["html"]).read_text("utf-8"), "html.parser")
    assert any(img["src"].startswith("data:image/png;base64,") for img in soup.find_all("img"))
    for page in pages(out):
        assert page.stat().st_size < MAX_PAGE_BYTES, (page, page.stat().st_size)


def test_kernel_is_the_running_python(built):
    build, out = built
    text = BeautifulSoup((out / result_for(build, "echo-untrusted")["html"]).read_text("utf-8"), "html.parser").get_text()
    assert f"kernel: {sys.executable}" in text


def test_index_lists_every_run_grouped_with_links(built):
    build, out = built
    soup = BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")
    sections = {s.h2.get_text(): s for s in soup.find_all("section")}
    assert list(sections) == list(dict.fromkeys(r["notebook"] for r in build.results))
    rows = soup.select("section tbody tr")
    assert len(rows) == len(build.results)
    for row, result in zip(rows, build.results):
        link = row.find("a")["href"]
        assert (out / link).is_file() and link == result["html"]
        assert row.select("td")[1].get_text() == result["status"]
    echo = sections["echo-untrusted"].get_text()
    assert f"label = {XSS_LABEL}" in echo
    assert "deliberate failure <script>alert('xss-traceback')</script>" in sections["fails"].get_text()
    manifest = json.loads((out / "_runs" / "manifest.json").read_text("utf-8"))
    assert [r["slug"] for r in manifest["runs"]] == [r["slug"] for r in build.results]


def test_same_page_whatever_the_number_of_jobs(built, tmp_path):
    build, out = built
    plan = write_plan(tmp_path, [{"notebook": "echo-untrusted", "parameters": {"label": XSS_LABEL}}])
    alone = build_reports(XSS, plan, tmp_path / "out", jobs=1, progress=False)

    def body(path: Path) -> str:
        return re.sub(r"<header class=\"coopnews-header\">.*?</header>", "", path.read_text("utf-8"), flags=re.S)

    assert body(tmp_path / "out" / alone.results[0]["html"]) == body(out / result_for(build, "echo-untrusted")["html"])


# ---- validation: nothing runs ---------------------------------------------------------------------------

@pytest.mark.parametrize("runs, expected", [
    ([{"notebook": "05-missing"}], "entry 1 (05-missing): notebook not found"),
    ([{"notebook": "zz*"}], "no notebook in"),
    ([{"notebook": "echo-untrusted", "parameters": {"colour": "red"}}], "unknown parameter 'colour' for echo-untrusted"),
    ([{"notebook": "echo-untrusted", "parameters": {"top_n": "ten"}}], "parameter 'top_n' should be int, got str \"ten\""),
    ([{"notebook": "echo-untrusted", "parameters": {"top_n": True}}], "parameter 'top_n' should be int, got bool"),
    ([{"notebook": "echo-untrusted", "parameters": {"year": 2021.5}}], "parameter 'year' should be int | None"),
    ([{"notebook": "echo-untrusted", "parameters": {"corpus_dir": "/etc"}}], "`corpus_dir` is set from --corpus"),
    ([{"notebook": "fails", "parameters": {"message": 3}}], "parameter 'message' should be str, got int 3"),
    ([{"notebook": "fails", "colour": 1}], "unknown key 'colour'"),
    ([{"notebook": "fails", "for_each": {"parameter": "message", "values": "decades"}}], "`values` must be a list or one of"),
    ([{"notebook": "fails"}, {"notebook": "fails"}], "entry 2 (fails): same notebook and parameters as entry 1"),
    (["fails"], "entry 1: must be a mapping with a `notebook:` key"),
    ([], "`runs:` is empty"),
])
def test_plan_problems_are_named(tmp_path, xss_corpus, runs, expected):
    with pytest.raises(PlanError) as err:
        plan_runs(load_plan(write_plan(tmp_path, runs)), xss_corpus)
    assert expected in str(err.value)
    assert "nothing was run" in str(err.value)


def test_all_problems_in_one_message_and_nothing_runs(tmp_path, capsys):
    from coopnews.cli import main

    plan = write_plan(tmp_path, [{"notebook": "05-missing"}, {"notebook": "fails", "parameters": {"nope": 1}},
                                 {"notebook": "echo-untrusted", "parameters": {"top_n": "x"}}])
    code = main(["report", "--corpus", str(XSS), "--plan", str(plan), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert "3 problems, nothing was run" in err
    assert "05-missing" in err and "'nope'" in err and "'top_n'" in err
    assert not (tmp_path / "out").exists()


def test_partner_names_are_checked_against_the_corpus(tmp_path, seeds_corpus):
    known = known_partners(partner_tables(seeds_corpus))
    real = sorted(known)[0]
    plan = write_plan(tmp_path, [{"notebook": "04-partners", "parameters": {"focus": "Atlantis"}},
                                 {"notebook": "04-partners", "parameters": {"focus": real}}], notebooks=ROOT / "notebooks")
    with pytest.raises(PlanError) as err:
        plan_runs(load_plan(plan), seeds_corpus)
    assert err.value.problems == [f"entry 1 (04-partners focus=Atlantis): parameter 'focus': 'Atlantis' not among "
                                  f"the corpus's partners ({len(known)} known; "
                                  "list them with `coopnews partners`)"]


def test_expansions_make_one_run_per_value(tmp_path, xss_corpus):
    plan = write_plan(tmp_path, [
        {"notebook": "echo-untrusted", "parameters": {"label": "x"}, "for_each": {"parameter": "year", "values": "years"}},
        {"notebook": "fails", "parameter_sets": [{"message": "a"}, {"message": "b"}]},
        {"notebook": "fails", "for_each": {"parameter": "message", "values": ["Lyon", "lyon"]}},
        {"notebook": "sleeps", "name": "../../etc/passwd"},
    ])
    runs = plan_runs(load_plan(plan), xss_corpus)
    assert [(r.notebook, r.parameters, r.slug) for r in runs] == [
        ("echo-untrusted", {"label": "x", "year": 2019}, "label-x-year-2019"),
        ("echo-untrusted", {"label": "x", "year": 2021}, "label-x-year-2021"),
        ("echo-untrusted", {"label": "x", "year": 2023}, "label-x-year-2023"),
        ("fails", {"message": "a"}, "message-a"),
        ("fails", {"message": "b"}, "message-b"),
        ("fails", {"message": "Lyon"}, "message-lyon"),
        ("fails", {"message": "lyon"}, "message-lyon-2"),
        ("sleeps", {}, "etc-passwd"),
    ]


def test_one_partner_report_per_top_partner(tmp_path, xss_corpus):
    top = top_partners(partner_tables(xss_corpus), n=3, min_mentions=1)
    plan = write_plan(tmp_path, [{"notebook": "04-partners", "for_each": {"parameter": "focus", "values": "top_partners",
                                                                          "n": 3, "min_mentions": 1}}],
                      notebooks=ROOT / "notebooks")
    runs = plan_runs(load_plan(plan), xss_corpus)
    assert top and [r.parameters for r in runs] == [{"focus": name} for name in top]
    assert [r.slug for r in runs] == [parameters_slug({"focus": name}) for name in top]


def test_cell_timeout_fails_the_run(tmp_path):
    plan = write_plan(tmp_path, [{"notebook": "sleeps", "parameters": {"seconds": 60}}])
    build = build_reports(XSS, plan, tmp_path / "out", timeout=2, progress=False)
    [result] = build.results
    assert result["status"] == "failed" and result["error"].startswith("TimeoutError: a cell ran longer than 2 s")
    assert result["duration_s"] < 30
    assert "time.sleep(seconds)" in (tmp_path / "out" / result["html"]).read_text("utf-8")


# ---- slugs, types, sanitising ---------------------------------------------------------------------------

@pytest.mark.parametrize("parameters, expected", [
    ({}, "default"),
    ({"focus": "Lyon"}, "focus-lyon"),
    ({"focus": "Dassault Systèmes"}, "focus-dassault-systemes"),
    ({"focus": "../../etc/passwd"}, "focus-etc-passwd"),
    ({"focus": "a/b\\c:d*e?f\"g<h>i|j"}, "focus-a-b-c-d-e-f-g-h-i-j"),
    ({"partners": ["Lyon", "Nanjing"], "top_n": 5}, "partners-lyon-nanjing-top-n-5"),
    ({"year": 2021}, "year-2021"),
])
def test_parameters_slug(parameters, expected):
    assert parameters_slug(parameters) == expected


@pytest.mark.parametrize("text", ["南京", "..", "...", "/", "", "<script>", "x" * 500, "Nanjing 南京" * 20, "..\\..\\x"])
def test_slugs_are_safe_bounded_and_nonempty(text):
    slug = parameters_slug({"focus": text})
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug) and len(slug) <= 60 and ".." not in slug
    assert slugify(text) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", slugify(text))


def test_non_latin_values_get_distinct_slugs():
    assert parameters_slug({"focus": "南京"}) != parameters_slug({"focus": "上海"})
    assert parameters_slug({"focus": "南京 Nanjing"}) != parameters_slug({"focus": "Nanjing"})
    long_a, long_b = parameters_slug({"focus": "x" * 100 + "a"}), parameters_slug({"focus": "x" * 100 + "b"})
    assert long_a != long_b and len(long_a) == len(long_b) == 60


def test_assign_slugs_unique_per_notebook():
    runs = [Run("a", Path("a.ipynb"), {"f": "Lyon"}), Run("a", Path("a.ipynb"), {"f": "LYON"}),
            Run("b", Path("b.ipynb"), {"f": "Lyon"})]
    assign_slugs(runs)
    assert [r.relpath for r in runs] == ["a/f-lyon.html", "a/f-lyon-2.html", "b/f-lyon.html"]


@pytest.mark.parametrize("value, annotation, ok", [
    (3, "int", True), (True, "int", False), ("3", "int", False), (3, "float", True), (3.5, "int", False),
    ("x", "str", True), (None, "str", False), (None, "str | None", True), (None, "Optional[int]", True),
    (2021, "int | None", True), (["a", "b"], "list", True), (["a", "b"], "list[str]", True),
    (["a", 1], "list[str]", False), ("a", "list", False), ({"a": 1}, "dict", True), (False, "bool", True),
    ("whatever", "SomeClass", True), (1, None, True),
])
def test_type_matches(value, annotation, ok):
    assert type_matches(value, annotation) is ok


@pytest.mark.parametrize("fragment, survives, gone", [
    ("<b>ok</b><script>alert(1)</script>", "<b>ok</b>", "<script"),
    ('<img src=x onerror="alert(1)">', "", "onerror"),
    ('<a href="javascript:alert(1)">x</a>', "x", "javascript:"),
    ('<table class="dataframe"><tr><th>a</th><td>1</td></tr></table>', '<table class="dataframe">', "&lt;table"),
    ('<div onclick="x()">t</div>', "<div>t</div>", "onclick"),
    ('<iframe src="https://evil.example"></iframe>', "&lt;iframe", "<iframe"),
    ("<style>.a{color:red}</style></style><script>alert(1)</script>", "&lt;/style&gt;", "<style"),
    ('<a href="https://evil.example">x</a>', "x", "evil.example"),
    ('<a href="#section-2">in the page</a>', 'href="#section-2"', "evil"),
    ('<p style="position:fixed;inset:0;color:red">t</p>', "color:red", "position"),
    ('<img src="data:image/png;base64,AAAA">', 'src="data:image/png;base64,AAAA"', "onerror"),
])
def test_sanitize_html(fragment, survives, gone):
    cleaned = sanitize_html(fragment)
    assert survives in cleaned and gone not in cleaned


def test_markdown_outputs_escape_raw_html():
    out = markdown_output_html("## Title\n\n**bold** <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=y>")
    assert "<h2>Title</h2>" in out and "<strong>bold</strong>" in out
    assert "&lt;script&gt;" in out and "<script" not in out and "javascript:" not in out and "<img" not in out


# ---- atomic writes --------------------------------------------------------------------------------------

INDEX_BUILD = {"corpus_dir": "c", "n_documents": 1, "fingerprint": "f", "version": "v", "revision": None,
               "plan": "p", "finished": "t", "duration_s": 1.0}
INDEX_RUN = {"notebook": "n", "slug": "default", "label": "n", "parameters": {}, "status": "ok", "error": "",
             "error_cell": None, "started": "t", "html": "n/default.html", "executed": "", "duration_s": 1.0}


def test_failed_write_keeps_the_old_index_and_leaves_no_temp_file(tmp_path, monkeypatch):
    import coopnews.cache.atomic

    (tmp_path / "index.html").write_text("old index", "utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(coopnews.cache.atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_index(tmp_path, [INDEX_RUN], INDEX_BUILD)
    assert (tmp_path / "index.html").read_text("utf-8") == "old index"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]


def test_failed_render_keeps_the_old_index(tmp_path):
    (tmp_path / "index.html").write_text("old index", "utf-8")
    with pytest.raises(KeyError):
        write_index(tmp_path, [{k: v for k, v in INDEX_RUN.items() if k != "parameters"}], INDEX_BUILD)
    assert (tmp_path / "index.html").read_text("utf-8") == "old index"
    write_index(tmp_path, [INDEX_RUN], INDEX_BUILD)
    assert "n/default.html" in (tmp_path / "index.html").read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]
    assert os.stat(tmp_path / "index.html").st_mode & 0o044, "pages are readable by others, like any file"
