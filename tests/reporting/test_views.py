"""What a report reader sees, checked without running a notebook: browsable tables (titles, marked
evidence, counts, exports), findings written from the data, defaults that fit the corpus, timeline and
network labels that do not overlap, partners placed on the map, documented notebook parameters."""
from __future__ import annotations

import ast
import itertools
import json
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
import yaml

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from coopnews.plots.geography import map_extent, partner_places  # noqa: E402
from coopnews.plots.partners import network_view, plot_network  # noqa: E402
from coopnews.plots.timeline import core_years, densest_window, event_label, plot_event_overview, plot_timeline  # noqa: E402
from coopnews.reporting import findings  # noqa: E402
from coopnews.reporting.defaults import default_group_column  # noqa: E402
from coopnews.reporting.tables import EXPORT_DIR_ENV, EXPORT_HREF_ENV, show_table  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))

DOCS = pd.DataFrame({"doc_id": ["d1", "d2"], "title": ["Harbour <b>deal</b> signed", None],
                     "url": ["https://news.example/a?x=1&y=2", "javascript:alert('x')"]})
PAIRS = pd.DataFrame({"doc_id": ["d1", "d2", "d1"], "a": ["Porto", "Kiel", "Porto"], "b": ["Kiel", "Turku", "Turku"],
                      "sentence": ["Porto and Kiel <script>alert(1)</script> signed a pact.",
                                   "KIEL hosted Turku's delegation.", "Porto met Turku."]})


def test_show_table_titles_marks_and_escapes():
    out = show_table(PAIRS, "pairs", documents=DOCS, highlight=["a", "b"])._repr_html_()
    assert '<a href="https://news.example/a?x=1&amp;y=2"' in out and "Harbour &lt;b&gt;deal&lt;/b&gt; signed" in out
    assert "javascript:" not in out and ">d2<" in out  # no link for a non-http URL; no title: the id
    assert "<mark>Porto</mark> and <mark>Kiel</mark> &lt;script&gt;" in out and "<script>" not in out
    assert "<mark>KIEL</mark> hosted <mark>Turku</mark>" in out
    assert "3 rows" in out and 'class="coopnews-table"' in out and "CSV" not in out  # no build: no export


def test_a_partner_is_marked_as_a_whole_word_only():
    from coopnews.reporting.tables import marked
    assert marked("Gazprom and Gazpromneft signed.", ["Gazprom"]) == "<mark>Gazprom</mark> and Gazpromneft signed."
    assert marked("南京市与里昂签署协议", ["南京"]) == "<mark>南京</mark>市与里昂签署协议"  # no spaces between Chinese words


def test_show_table_says_how_much_it_shows_and_exports_everything(tmp_path, monkeypatch):
    monkeypatch.setenv(EXPORT_DIR_ENV, str(tmp_path / "page"))
    monkeypatch.setenv(EXPORT_HREF_ENV, "page")
    table = pd.DataFrame({"n": range(30), "names": [["a", "b"]] * 30})
    shown = show_table(table, "numbers", max_rows=10)
    assert "Showing 10 of 30 rows" in shown.html and 'href="page/numbers.csv"' in shown.html
    assert shown.html.count("<tr>") == 11
    assert len(pd.read_csv(tmp_path / "page" / "numbers.csv")) == 30
    back = pd.read_parquet(tmp_path / "page" / "numbers.parquet")
    assert len(back) == 30 and back["names"].iloc[0] == "a, b"
    with pytest.raises(ValueError, match="table name"):
        show_table(table, "../x")


def _events(n: int, *, start_year: int = 2001) -> pd.DataFrame:
    rows = []
    for i in range(n):
        year = start_year + (i % 12 if i % 5 else 6)
        rows.append({"doc_id": f"d{i}", "start": i, "value": f"{year}-{1 + i % 12:02d}-01", "year": year,
                     "event_type": ["agreement", "visit", "forum"][i % 3], "sentence": "s",
                     "parties": [["Porto", "Kiel"], ["Turku"], []][i % 3], "text": str(year)})
    return pd.DataFrame(rows)


def _overlaps(ax) -> list:
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_visible()]
    return [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]


@pytest.mark.parametrize("n", [6, 60])
def test_timeline_labels_say_who_and_what_without_overlapping(n):
    events = _events(n)
    window = densest_window(events)
    assert (window is None) == (n <= 40)
    ax = plot_timeline(events, window=window)
    labels = [t.get_text() for t in ax.texts]
    assert labels and "Porto ↔ Kiel · agreement" in labels and "no partner named · forum" in labels
    assert _overlaps(ax) == []
    if window:
        inside = events["year"].between(*window).sum()
        assert inside <= 40 and str(window[0]) in ax.get_title()
    plt.close("all")


def test_axis_leaves_out_stray_old_years():
    events = pd.concat([_events(40), _events(1, start_year=1700)], ignore_index=True)
    assert core_years(events)[0] >= 2001


def test_empty_timeline_says_why():
    ax = plot_timeline(_events(0).reindex(columns=_events(1).columns), empty_reason="Kiel is named in 2 documents")
    assert "Kiel is named in 2 documents" in ax.texts[0].get_text()
    plt.close("all")


def test_network_keeps_top_edges_colours_communities_and_labels_apart():
    import networkx as nx

    graph = nx.Graph()
    for i in range(60):
        graph.add_edge(f"P{i % 12}", f"Q{i}", weight=1 + (i % 7))
        graph.nodes[f"Q{i}"]["mentions"] = 1
    view, community = network_view(graph, max_edges=25)
    assert view.number_of_edges() == 25 and set(community) == set(view.nodes)
    ax = plot_network(graph, max_edges=25)
    assert _overlaps(ax) == []
    plt.close("all")


def test_partners_are_placed_from_the_gazetteer():
    mentions = pd.DataFrame({"partner": ["Lyon", "France", "Acme Bank", "Nowhere-on-earth"],
                             "label": ["PLACE", "PLACE", "ORG", "ORG"], "type": ["city", "country", "bank", "other"],
                             "country": ["France", "France", "Japan", None], "mentions": [5, 3, 2, 1]})
    places = partner_places(mentions).set_index("partner")
    assert abs(places.loc["Lyon", "lat"] - 45.75) < 0.5 and abs(places.loc["Lyon", "lon"] - 4.85) < 0.5
    assert places.loc["France", "placed_by"] == "capital" and abs(places.loc["France", "lat"] - 48.85) < 0.5
    assert places.loc["Acme Bank", "placed_by"] == "capital" and "Nowhere-on-earth" not in places.index
    west, east, south, north = map_extent(places.reset_index(), focus="Lyon")
    assert west < 4.85 < east and south < 45.75 < north


def test_findings_come_from_the_tables():
    events = _events(30)
    counts = events.groupby(["year", "event_type"]).size().unstack(fill_value=0)
    text = findings.timeline_findings(events, events, counts)
    busiest = int(counts.sum(axis=1).idxmax())
    assert "30 events" in text and str(busiest) in text and "Kiel ↔ Porto" in text
    assert "no dated event" in findings.timeline_findings(events.head(0), events.head(0), counts.head(0))
    assert findings.md("a*b_[c]") == "a\\*b\\_\\[c\\]"


def test_group_default_fits_the_corpus():
    many = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)], "source": ["A", "B"] * 20,
                         "language": ["en"] * 40, "date": [None] * 40})
    assert default_group_column(many) == "source"
    assert default_group_column(many.assign(source=None)) == "partners"
    assert default_group_column(many.head(5).assign(source=None)) == "doc_id"


def _registry_names() -> set[str]:
    data = yaml.safe_load((ROOT / "lib" / "coopnews" / "data" / "partners.yaml").read_text("utf-8"))
    entries = data.get("partners", data) if isinstance(data, dict) else data
    names = set()
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("name"):
            names.add(str(entry["name"]))
    return names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_state_no_corpus_specific_finding(path):
    """No partner of the packaged registry (the seeds' partners) is named in a notebook's text or code."""
    nb = json.loads(path.read_text("utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"])
    named = sorted(n for n in _registry_names() if len(n) > 3 and n in text)
    assert named == [], named


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_papermill_documents_every_parameter(path):
    """`papermill --help-notebook` lists every parameter of the parameters cell, each with its help."""
    import papermill as pm

    nb = json.loads(path.read_text("utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
    declared = [n.target.id for n in ast.parse("".join(cell["source"])).body if isinstance(n, ast.AnnAssign)]
    inspected = pm.inspect_notebook(str(path))
    assert list(inspected) == declared
    assert all(info["help"] for info in inspected.values())


def test_no_events_reason_names_documents_and_dates():
    from coopnews.partners.profiles import PartnerTables

    tables = PartnerTables(pd.DataFrame({"doc_id": ["d1", "d2"], "text": ["", ""], "date": ["2020-01-01", None]}),
                           pd.DataFrame(), pd.DataFrame({"doc_id": ["d1", "d2"], "canonical": ["Kiel", "Kiel"]}),
                           pd.DataFrame())
    text = findings.no_events_reason("Kiel", tables, _events(0).reindex(columns=_events(1).columns))
    assert "named in 2 documents, 1 with a publication date" in text


def test_widgets_filter_in_jupyterlab_and_say_so_in_a_static_page(monkeypatch):
    from coopnews.reporting.widgets import STATIC_NOTE, explore_events

    events = _events(12)
    monkeypatch.delenv(EXPORT_DIR_ENV, raising=False)
    view = explore_events(events, DOCS)
    partners, types = view.children[0].children
    assert set(partners.options) == {"Porto", "Kiel", "Turku"} and "visit" in types.options
    partners.value = ("Turku",)  # the views update on change without error
    monkeypatch.setenv(EXPORT_DIR_ENV, "/nowhere")
    assert explore_events(events, DOCS).data == STATIC_NOTE
    plt.close("all")


def test_timeline_spanning_centuries_draws():
    events = pd.concat([_events(12), _events(1, start_year=1700)], ignore_index=True)
    ax = plot_timeline(events)
    assert "1 events outside these years not drawn" in ax.get_title() and len(ax.texts) == 12
    assert len(plot_timeline(pd.concat([_events(2), _events(1, start_year=1990)], ignore_index=True)).texts) == 3
    plt.close("all")


def test_timeline_title_with_every_note_fits_the_figure():
    events = pd.concat([_events(300), _events(1, start_year=1700)], ignore_index=True)
    ax = plot_timeline(events, max_labels=5)
    title = ax.get_title()
    assert "labels left out" in title and "outside these years" in title, title
    fig = ax.figure
    fig.canvas.draw()
    box = ax.title.get_window_extent()
    assert box.x0 >= 0 and box.x1 <= fig.bbox.x1, (box, fig.bbox)
    overview = plot_event_overview(events, window=(2004, 2006))
    overview.canvas.draw()
    box = overview._suptitle.get_window_extent()
    assert "outside" in overview._suptitle.get_text() and box.x0 >= 0 and box.x1 <= overview.bbox.x1, box
    plt.close("all")


def test_pages_the_previous_build_made_and_this_one_does_not_are_removed(tmp_path):
    from coopnews.reporting.build import remove_stale

    old = [{"html": "04-partners/focus-kiel.html", "executed": "_runs/04-partners/focus-kiel.ipynb"},
           {"html": "04-partners/default.html", "executed": "_runs/04-partners/default.ipynb"},
           {"html": "gone/default.html", "executed": ""}]
    for run in old:
        (tmp_path / run["html"]).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / run["html"]).write_text("page")
        (tmp_path / run["html"][:-5]).mkdir()
        (tmp_path / run["html"][:-5] / "pairs.csv").write_text("a,b\n")
    (tmp_path / "_runs").mkdir()
    (tmp_path / "_runs" / "manifest.json").write_text(json.dumps({"build": {}, "runs": old}))
    (tmp_path / "notes.txt").write_text("not ours")
    remove_stale(tmp_path, [{"html": "04-partners/default.html"}])
    assert (tmp_path / "04-partners" / "default.html").exists() and (tmp_path / "04-partners" / "default").is_dir()
    assert not (tmp_path / "04-partners" / "focus-kiel.html").exists()
    assert not (tmp_path / "04-partners" / "focus-kiel").exists() and not (tmp_path / "gone").exists()
    assert (tmp_path / "notes.txt").exists()


def test_map_draws_the_land_traced_once_per_process():
    """Every partner page draws a map: the coastline is traced once per process and each map shows the land
    (filled) and the coast (lines) under the partners, centred on the focus."""
    from matplotlib.path import Path as Path_

    from coopnews.plots.geography import land_paths, plot_map

    places = pd.DataFrame({"partner": ["Lyon", "Guangzhou"], "label": ["PLACE", "PLACE"], "type": ["city", "city"],
                           "country": ["France", "China"], "mentions": [5, 3], "lat": [45.76, 23.13],
                           "lon": [4.84, 113.26], "placed_by": ["city", "city"]})
    pairs = pd.DataFrame({"a": ["Guangzhou"], "b": ["Lyon"], "sentences": [2]})
    land_paths.cache_clear()
    axes = [plot_map(places, pairs, focus=focus) for focus in ("Lyon", None)]
    assert land_paths.cache_info().misses == 1
    for ax in axes:
        land, coast = ax.collections[:2]
        for drawn in (land, coast):  # continents and islands: many closed outlines (MOVETO starts each)
            assert sum(int((p.codes == Path_.MOVETO).sum()) for p in drawn.get_paths()) > 100
        west, east = ax.get_xlim()
        assert west <= 4.84 <= east and west <= 113.26 <= east
        assert {t.get_text() for t in ax.texts} >= {"Lyon", "Guangzhou"}
    plt.close("all")


def test_one_event_without_a_cue_is_told_in_the_singular():
    events = _events(4)
    events["event_type"] = ["visit/delegation"] * 3 + ["other"]
    counts = events.groupby(["year", "event_type"]).size().unstack(fill_value=0)
    assert "1 event carries no cooperation cue" in findings.timeline_findings(events, events, counts)
