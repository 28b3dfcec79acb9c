"""Plots for the partner comparison: heat maps, parallel timelines, keyness small multiples, co-occurrence
network. Each takes an optional `ax` and returns it (a Figure for small multiples); none shows or saves."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .axes import new_axes
from .labels import place_labels
from .keywords import plot_keyness_small_multiples

TYPE_MARKERS = {"agreement": "s", "twinning": "D", "investment": "^", "visit": "o", "forum": "P",
                "partnership": "X", "education": "v", "membership": "*"}
LABEL_COLOURS = {"PLACE": "#4C72B0", "ORG": "#DD8452"}


def plot_heatmap(matrix: pd.DataFrame, *, ax=None, title: str = "", cmap: str = "Blues"):
    """A partners × categories count matrix as an annotated heat map."""
    ax = new_axes(ax, figsize=(max(4, 0.7 * len(matrix.columns) + 2), max(2, 0.45 * len(matrix) + 1)))
    if matrix.empty or not len(matrix.columns):
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    values = matrix.to_numpy(dtype=float)
    ax.imshow(values, cmap=cmap, aspect="auto", vmin=0)
    ax.set_xticks(range(len(matrix.columns)), [str(c) for c in matrix.columns], rotation=40, ha="right")
    ax.set_yticks(range(len(matrix.index)), [str(i) for i in matrix.index])
    top = values.max() or 1
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if values[i, j]:
                ax.text(j, i, f"{values[i, j]:.0f}", ha="center", va="center", fontsize=8,
                        color="white" if values[i, j] > top / 2 else "black")
    ax.set_title(title)
    return ax


def plot_sector_heatmap(matrix: pd.DataFrame, *, ax=None):
    """Sentences naming each partner (rows) that mention each sector (columns)."""
    return plot_heatmap(matrix, ax=ax, title="Sectors by partner (sentences)", cmap="Greens")


def plot_type_heatmap(matrix: pd.DataFrame, *, ax=None):
    """Cooperation sentences of each type (columns) each partner (rows) takes part in."""
    return plot_heatmap(matrix, ax=ax, title="Cooperation types by partner (sentences)", cmap="Purples")


def plot_timelines(timeline: pd.DataFrame, *, partners: list[str] | None = None, ax=None):
    """Parallel timelines: one row per partner, one marker per dated cooperation event (shape = type)."""
    partners = partners or list(dict.fromkeys(timeline["partner"]))
    ax = new_axes(ax, figsize=(8, max(2, 0.5 * len(partners) + 1)))
    if timeline.empty:
        ax.text(0.5, 0.5, "no dated cooperation events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    rows = {p: i for i, p in enumerate(partners)}
    for kind, group in timeline.groupby("type", sort=True):
        group = group[group["partner"].isin(rows)]
        ax.scatter(group["year"], group["partner"].map(rows), marker=TYPE_MARKERS.get(kind, "o"), s=45,
                   alpha=0.75, label=kind)
    ax.set_yticks(range(len(partners)), partners)
    ax.set_ylim(-0.5, len(partners) - 0.5)
    ax.invert_yaxis()
    ax.set_xlabel("year")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
    ax.set_title("Dated cooperation events by partner")
    return ax


def plot_keyness(table: pd.DataFrame, *, top_n: int = 10):
    """Small multiples of each partner's distinctive words (the keywords plot, reused)."""
    return plot_keyness_small_multiples(table, top_n=top_n)


def network_view(graph, *, focus: str | None = None, max_edges: int = 40):
    """(subgraph, communities): the `max_edges` heaviest links (around `focus` when given, with its
    neighbours) and a community index per node (greedy modularity, fixed order)."""
    import networkx as nx

    if focus and focus in graph:
        graph = graph.subgraph([focus, *graph.neighbors(focus)])
    edges = sorted(graph.edges(data="weight"), key=lambda e: (-(e[2] or 1), min(e[0], e[1]), max(e[0], e[1])))
    kept = nx.Graph()
    for a, b, weight in edges[:max_edges]:
        kept.add_node(a, **graph.nodes[a])
        kept.add_node(b, **graph.nodes[b])
        kept.add_edge(a, b, **graph.edges[a, b])
    kept = nx.Graph(kept.subgraph(sorted(kept.nodes)))
    if kept.number_of_nodes() == 0:
        return kept, {}
    groups = nx.community.greedy_modularity_communities(kept, weight="weight")
    ordered = sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0]))
    return kept, {node: i for i, group in enumerate(ordered) for node in group}


def plot_network(graph, *, ax=None, focus: str | None = None, max_edges: int = 40, max_labels: int = 25, seed: int = 7):
    """Co-occurrence network of partners: the heaviest `max_edges` links only (networkx spring layout,
    fixed seed), node size = mentions, colour = community, width = cooperation sentences; labels of the
    most mentioned partners placed without overlaps. With `focus`, that partner and its neighbours."""
    import networkx as nx

    ax = new_axes(ax, figsize=(9, 6.5))
    view, community = network_view(graph, focus=focus, max_edges=max_edges)
    if view.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no cooperation pairs", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    pos = nx.spring_layout(view, seed=seed, weight="weight", k=1.6 / max(1, view.number_of_nodes()) ** 0.5)
    sizes = [60 + 30 * view.nodes[n].get("mentions", 1) ** 0.8 for n in view.nodes]
    colours = [plt.cm.tab10(community[n] % 10) if community[n] < 10 else "#999999" for n in view.nodes]
    widths = [0.5 + view.edges[e]["weight"] ** 0.7 for e in view.edges]
    nx.draw_networkx_edges(view, pos, ax=ax, width=widths, alpha=0.3, edge_color="#555555")
    nx.draw_networkx_nodes(view, pos, ax=ax, node_size=sizes, node_color=colours, alpha=0.9, edgecolors="white")
    ranked = sorted(view.nodes, key=lambda n: (n != focus, -view.nodes[n].get("mentions", 0), n))[:max_labels]
    ax.margins(0.12)
    left_out = place_labels(ax, [pos[n][0] for n in ranked], [pos[n][1] for n in ranked], ranked, fontsize=7,
                            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    ax.set_axis_off()
    hidden = view.number_of_nodes() - len(ranked) + left_out
    note = f"; {hidden} smaller partners unlabelled" if hidden else ""
    ax.set_title(f"Cooperation network{' around ' + focus if focus else ''}: {view.number_of_edges()} strongest "
                 f"links, colours = communities{note}", fontsize=10)
    return ax
