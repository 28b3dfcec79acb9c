"""Plots for the partner comparison: heat maps, parallel timelines, keyness small multiples, co-occurrence
network. Each takes an optional `ax` and returns it (a Figure for small multiples); none shows or saves."""
from __future__ import annotations

import pandas as pd

from .axes import new_axes
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


def plot_network(graph, *, ax=None, focus: str | None = None, max_nodes: int = 40, seed: int = 7):
    """Co-occurrence network of partners (networkx spring layout with a fixed seed): size = mentions,
    colour = ORG/PLACE, width = cooperation sentences; with `focus`, that partner and its neighbours."""
    import networkx as nx

    ax = new_axes(ax, figsize=(8, 6))
    if focus and focus in graph:
        graph = graph.subgraph([focus, *graph.neighbors(focus)])
    if graph.number_of_nodes() > max_nodes:
        keep = sorted(graph.nodes, key=lambda n: (-graph.degree(n, weight="weight"), n))[:max_nodes]
        graph = graph.subgraph(keep)
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no cooperation pairs", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    graph = nx.Graph(graph.subgraph(sorted(graph.nodes)))
    pos = nx.spring_layout(graph, seed=seed, weight="weight", k=1.2 / max(1, graph.number_of_nodes()) ** 0.5)
    sizes = [80 + 40 * graph.nodes[n].get("mentions", 1) ** 0.8 for n in graph.nodes]
    colours = [LABEL_COLOURS.get(graph.nodes[n].get("label"), "#999999") for n in graph.nodes]
    widths = [0.5 + graph.edges[e]["weight"] ** 0.7 for e in graph.edges]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, alpha=0.35, edge_color="#555555")
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=sizes, node_color=colours, alpha=0.9,
                           edgecolors="white")
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=7)
    for label, colour in LABEL_COLOURS.items():
        ax.scatter([], [], color=colour, label=label)
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    ax.set_axis_off()
    ax.set_title(f"Cooperation network{' around ' + focus if focus else ''}")
    return ax
