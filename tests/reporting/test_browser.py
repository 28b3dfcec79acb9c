"""Open the built index.html and reports in headless Chromium: they must render (the DOM has the expected
content) without a single console message (no script error, no blocked script, no blocked resource)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coopnews.reporting import build_reports

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\]? ?(.*)")


def find_browser() -> str | None:
    return next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)


@pytest.fixture(scope="module")
def browser() -> str:
    found = find_browser()
    if found is None:
        pytest.skip("no headless Chromium found (install Debian's `chromium` package: apt-get install -y chromium); "
                    "the browser test is skipped")
    return found


def open_page(browser: str, page: Path, profile: Path) -> tuple[str, list[str]]:
    """(DOM after load, console messages) of `page` in headless Chromium."""
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
           "--dump-dom", page.resolve().as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [m.group(1) for line in done.stderr.splitlines() if (m := CONSOLE.search(line))]
    return done.stdout, console


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    runs = [{"notebook": str(DATA / "notebooks" / "echo-untrusted.ipynb"),
             "parameters": {"label": "<img src=x onerror=alert('xss-param')>"}},
            {"notebook": str(DATA / "notebooks" / "fails.ipynb")}]
    runs[:0] = [{"notebook": "[0-9][0-9]-*"},  # every page of the default plan, partner pages included
                {"notebook": "04-partners", "for_each": {"parameter": "focus", "values": "top_partners", "n": 3}}]
    plan = tmp / "plan.yaml"
    plan.write_text(json.dumps({"notebooks": str(ROOT / "notebooks"), "runs": runs}), "utf-8")
    build = build_reports(DATA / "xss_corpus", plan, tmp / "out", jobs=2, progress=False)
    return build, tmp / "out"


def test_console_detection_works(browser, tmp_path):
    """The check below can fail: a page with a script error is caught."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><body><p>x</p><script>throw new Error('boom-js')</script></body></html>")
    _, console = open_page(browser, page, tmp_path / "profile")
    assert any("boom-js" in message for message in console), console


def test_index_renders_without_errors(browser, built, tmp_path):
    build, out = built
    dom, console = open_page(browser, out / "index.html", tmp_path / "profile")
    assert console == []
    assert "<script" not in dom
    assert dom.count("<tr class=") == len(build.results)
    assert "onerror=alert('xss-param')" in dom.replace("&lt;", "<").replace("&gt;", ">")


def test_every_page_runs_only_its_own_hashed_script(browser, built, tmp_path):
    """Every page of the hostile corpus opens without a console message (a blocked or failing script would
    log one), holds no script but the page's own module, and that script ran (tables enhanced)."""
    build, out = built
    assert len(build.results) >= 6
    for result in build.results:
        dom, console = open_page(browser, out / result["html"], tmp_path / "profile")
        assert console == [], (result["html"], console)
        soup = BeautifulSoup(dom, "html.parser")
        scripts = soup.find_all("script")
        assert len(scripts) <= 1 and all(s.get("type") == "module" and not s.get("src") for s in scripts), result["html"]
        assert all("xss-" not in s.get_text() for s in scripts), result["html"]
        if 'class="coopnews-table' in dom:
            assert "dt-container" in dom, result["html"]
        links = [a.get("href", "") for a in soup.find_all("a")]
        assert not [h for h in links if h.strip().lower().startswith(("javascript:", "data:"))], result["html"]


@pytest.mark.parametrize("notebook", ["echo-untrusted", "fails", "01-load-corpus"])
def test_report_renders_without_errors(browser, built, tmp_path, notebook):
    build, out = built
    result = next(r for r in build.results if r["notebook"] == notebook)
    dom, console = open_page(browser, out / result["html"], tmp_path / "profile")
    assert console == []
    scripts = BeautifulSoup(dom, "html.parser").find_all("script")
    assert len(scripts) <= 1 and all(s.get("type") == "module" for s in scripts) and "<iframe" not in dom
    assert 'class="coopnews-header"' in dom and "coopnews-toc" in dom
    if 'class="coopnews-table' in dom:
        assert "dt-container" in dom  # the page's own script ran: its tables are sortable and searchable
    if notebook == "echo-untrusted":
        assert "&lt;script&gt;alert('xss-json-title-a')&lt;/script&gt;" in dom
        assert "data:image/png;base64," in dom
    if notebook == "fails":
        assert "deliberate failure &lt;script&gt;" in dom
