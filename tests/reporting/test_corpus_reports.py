"""The default report plan on a corpus that is not the seeds (a test-sized stand-in for 300 news articles:
short reports, written here, of cooperation between other cities, in a JSON Lines file like the BBC set):
every page builds, and what the pages state is true of that corpus and of no other."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from coopnews import counts_per_year, events, load_corpus, partner_tables
from coopnews.partners.profiles import hubs
from coopnews.reporting import build_reports

pytestmark = pytest.mark.notebook
ROOT = Path(__file__).resolve().parents[2]
CITIES = [("Leeds", "Dortmund"), ("Bergen", "Valencia"), ("Leeds", "Bergen"), ("Dortmund", "Valencia"),
          ("Leeds", "Valencia")]
MONTHS = ["March", "June", "October"]


def _article(i: int) -> dict:
    a, b = CITIES[i % len(CITIES)]
    year = 2010 + (i % 4) + (2 if i % 3 == 0 else 0)
    body = (f"The city of {a} and the city of {b} signed a cooperation agreement on {MONTHS[i % 3]} {3 + i % 20}, "
            f"{year}. The mayor of {a} said the partnership would bring new jobs to {a}.\n\n"
            f"A delegation from {b} visited {a} in {MONTHS[(i + 1) % 3]} {year} to discuss investment in "
            f"port logistics and universities. Officials of {b} met business leaders of {a}.")
    return {"id": f"art-{i:03d}", "title": f"{a} and {b} deepen ties ({i})", "body": body}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("other-corpus")
    corpus_dir = tmp / "news"
    corpus_dir.mkdir()
    (corpus_dir / "articles.jsonl").write_text("\n".join(json.dumps(_article(i)) for i in range(30)) + "\n", "utf-8")
    plan = tmp / "plan.yaml"
    plan.write_text(json.dumps({"notebooks": str(ROOT / "notebooks"), "runs": [
        {"notebook": "[0-9][0-9]-*"},
        {"notebook": "04-partners", "for_each": {"parameter": "focus", "values": "top_partners", "n": 2}}]}), "utf-8")
    build = build_reports(corpus_dir, plan, tmp / "out", jobs=2, timeout=300, progress=False)
    return build, tmp / "out", load_corpus(corpus_dir, progress=False)


def _text(out: Path, result: dict) -> str:
    text = BeautifulSoup((out / result["html"]).read_text("utf-8"), "html.parser").get_text(" ")
    return " ".join(text.replace("“ ", "“").replace(" ”", "”").split())


def _result(build, notebook: str, slug: str = "default") -> dict:
    return next(r for r in build.results if r["notebook"] == notebook and r["slug"] == slug)


def test_every_page_builds(built):
    build, _, _ = built
    assert [r["error"] for r in build.failures] == []
    assert len(build.results) == 6


def test_pages_state_this_corpus_findings_only(built):
    build, out, corpus = built
    pages = {r["html"]: _text(out, r) for r in build.results}
    for html, text in pages.items():
        for seed_name in ("Nanjing", "Lyon", "Sophia Antipolis", "Guangzhou"):
            assert seed_name not in text, (html, seed_name)
    partners_page = pages[_result(build, "04-partners")["html"]]
    assert all(h in partners_page for h in hubs(partner_tables(corpus), n=3))
    counts = counts_per_year(events(corpus))
    busiest = int(counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[0])
    assert f"The busiest years: {busiest}" in pages[_result(build, "03-timeline")["html"]]
    assert "30 documents" in pages[_result(build, "01-load-corpus")["html"]]


def test_keywords_compare_few_groups_and_show_partners_in_context(built):
    build, out, _ = built
    text = _text(out, _result(build, "02-keywords"))
    assert re.search(r"groups by\s+partners", text)
    assert "“Leeds” in context" in text or "“Dortmund” in context" in text


def test_partner_page_is_centred_on_its_partner_with_events(built):
    build, out, _ = built
    focus = [r for r in build.results if r["slug"] != "default" and r["notebook"] == "04-partners"][0]
    name = focus["parameters"]["focus"]
    text = _text(out, focus)
    assert f"The map is centred on {name}" in text and f"{name} cooperates with" in text
    events_csv = out / "04-partners" / focus["slug"] / "events.csv"
    table = pd.read_csv(events_csv)
    assert len(table) and table["parties"].str.contains(name).all()
