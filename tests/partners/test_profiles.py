"""coopnews.partners on the seeds: Nanjing and Lyon are the hubs and their partners contrast as expected."""
from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from coopnews.partners import profiles as pt  # noqa: E402
from coopnews.scale.access import partner_tables  # noqa: E402
from coopnews.plots import partners as pplot  # noqa: E402


@pytest.fixture(scope="module")
def tables(seeds_corpus):
    return partner_tables(seeds_corpus)


def test_nanjing_and_lyon_are_the_hubs(tables):
    assert pt.hubs(tables, n=2) == ["Nanjing", "Lyon"]


def test_top_and_known_partners(tables):
    top = pt.top_partners(tables, n=5)
    assert top[:2] == ["Nanjing", "Lyon"]
    assert "China" not in top and "France" not in top  # countries are left out by default
    known = pt.known_partners(tables)
    assert {"Nanjing", "Lyon", "Guangzhou", "BNP Paribas", "Fondation Sophia Antipolis", "China"} <= known
    assert pt.top_partners(tables, n=3, min_mentions=100) == []


def counterpart_names(tables, partner):
    return set(pt.counterparts(tables, partner, n=None)["counterpart"])


def test_nanjing_partners_are_banks_companies_universities_and_sophia_antipolis(tables):
    others = pt.counterparts(tables, "Nanjing", n=None)
    names = set(others["counterpart"])
    # "cooperation between Nanjing and Sophia Antipolis" pairs the park with Nanjing; the foundation's own
    # agreement is with the Jiangning Development Zone (eval/gold/news/002_e616c3d33100e524.json: the
    # foundation and Nanjing are no pair under ANNOTATION.md)
    assert "Sophia Antipolis" in names
    assert "France" in names  # the delegation's visit to France
    assert "Guangzhou" not in names


def test_lyon_partners_are_guangzhou_universities_and_urban_work(tables):
    others = pt.counterparts(tables, "Lyon", n=None)
    names = set(others["counterpart"])
    assert "Guangzhou" in names
    # the universities' agreements are theirs, not the city's (a star from each university, not a clique)
    assert not {"Sun Yat-sen University", "Université Jean Moulin Lyon 3", "emlyon business school"} & names
    assert not {"BNP Paribas", "Allianz", "Valeo", "Dassault Systèmes"} & names
    assert counterpart_names(tables, "Guangzhou") >= {"Lyon", "Lyon Confluence"}


def test_sectors_contrast(tables):
    matrix = pt.sector_matrix(tables, ["Nanjing", "Lyon"])
    assert matrix.loc["Nanjing", "finance"] > matrix.loc["Lyon", "finance"]
    smart = [c for c in matrix.columns if "smart" in c or "urban" in c]
    assert smart and matrix.loc["Lyon", smart].sum() > matrix.loc["Nanjing", smart].sum()


def test_profiles_side_by_side(tables):
    profiles = pt.partner_profiles(tables, ["Nanjing", "Lyon"])
    assert list(profiles.columns) == list(pt.PROFILE_COLUMNS)
    nanjing, lyon = profiles.iloc[0], profiles.iloc[1]
    assert nanjing["mentions"] > lyon["mentions"] > 0
    assert nanjing["documents"] == 4 and lyon["documents"] == 3
    assert "Guangzhou" in lyon["top_counterparts"]
    assert (lyon["first_event"], lyon["last_event"]) == ("1988", "2014")
    assert {"partnership", "visit"} <= set(nanjing["cooperation_types"])  # gold: ties with France, the Paris visits
    assert "lyon" in lyon["keywords"] and "nanjing" in nanjing["keywords"]
    wide = pt.side_by_side(profiles)
    assert list(wide.columns) == ["Nanjing", "Lyon"] and "top_counterparts" in wide.index


def test_type_matrix(tables):
    matrix = pt.type_matrix(tables, ["Nanjing", "Lyon"])
    assert matrix.loc["Nanjing", "visit"] > 0
    assert matrix.loc["Lyon", "partnership"] > matrix.loc["Nanjing", "partnership"]


def test_timeline_years(tables):
    timeline = pt.partner_timeline(tables, ["Lyon", "Guangzhou"])
    assert set(timeline["partner"]) == {"Lyon", "Guangzhou"}
    assert {1988, 2013, 2014} <= set(timeline["year"].astype(int))


@pytest.mark.parametrize("kw, expected_first", [
    ({"focus": "Nankin"}, "Nanjing"),
    ({"focus": "Lyon"}, "Lyon"),
    ({"partners": ["Canton", "Lyon"]}, "Guangzhou"),
    ({}, "Nanjing"),
])
def test_choose_partners(tables, kw, expected_first):
    chosen = pt.choose_partners(tables, **kw)
    assert chosen[0] == expected_first and len(chosen) == len(set(chosen))


def test_unknown_partner_is_a_clear_error(tables):
    with pytest.raises(ValueError, match="Nanjing"):
        pt.choose_partners(tables, focus="Nanjin")


def test_network_is_deterministic_and_centred(tables):
    graph = pt.cooccurrence_graph(tables)
    assert graph.has_edge("Guangzhou", "Lyon") and graph.has_edge("BNP Paribas", "Bank of Nanjing")
    ax1 = pplot.plot_network(graph, seed=7)
    ax2 = pplot.plot_network(graph, seed=7)
    pos1 = [(t.get_text(), tuple(t.xy)) for t in ax1.texts]
    pos2 = [(t.get_text(), tuple(t.xy)) for t in ax2.texts]
    assert pos1 == pos2 and pos1 and {text for text, _ in pos1} <= set(graph.nodes)
    focused = pplot.plot_network(graph, focus="Lyon")
    labels = {t.get_text() for t in focused.texts}
    assert "Lyon" in labels and "BNP Paribas" not in labels


def test_plots_return_axes_or_figures(tables):
    partners = ["Nanjing", "Lyon", "Guangzhou"]
    assert pplot.plot_type_heatmap(pt.type_matrix(tables, partners)).get_title()
    assert pplot.plot_sector_heatmap(pt.sector_matrix(tables, partners)) is not None
    assert pplot.plot_timelines(pt.partner_timeline(tables, partners), partners=partners).get_yticklabels()
    fig = pplot.plot_keyness(pt.partner_keyness(tables, partners, top_n=5), top_n=5)
    assert len(fig.axes) >= 3
