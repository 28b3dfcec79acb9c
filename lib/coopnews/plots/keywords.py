"""Plots for the keyword tables: top terms with dispersion, N-way keyness, trends and sectors."""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from .axes import new_axes


def plot_top_terms(table: pd.DataFrame, *, top_n: int = 20, ax=None):
    """Horizontal bars of per_10k for term_frequencies' top terms, shaded by DP (darker = more even)."""
    ax = new_axes(ax, figsize=(7, max(2.5, 0.28 * min(top_n, len(table)) + 1)))
    top = table.head(top_n).iloc[::-1]
    colours = plt.cm.viridis((1 - top["dp"].fillna(1)).clip(0, 1) * 0.85)
    ax.barh(top["term"], top["per_10k"], color=colours)
    ax.set_xlabel("occurrences per 10,000 words")
    ax.set_title("Top terms (darker = spread evenly across documents; lighter = concentrated, high DP)")
    return ax


def plot_keyness_small_multiples(table: pd.DataFrame, *, top_n: int = 10, value: str = "log_odds_z",
                                 max_groups: int = 12):
    """One panel per group (keyness_by_group output): its `top_n` terms by `value`. Returns the Figure."""
    groups = sorted(table["group"].astype(str).unique())[:max_groups] if len(table) else []
    cols = min(3, max(1, len(groups)))
    rows = max(1, math.ceil(len(groups) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 0.3 * top_n * rows + 1.2 * rows),
                             layout="constrained", squeeze=False)
    for ax, group in zip(axes.flat, groups):
        part = table[table["group"].astype(str) == group].sort_values([value, "term"], ascending=[False, True])
        part = part.head(top_n).iloc[::-1]
        ax.barh(part["term"], part[value], color=["#3b6ea5" if v >= 0 else "#b5533c" for v in part[value]])
        ax.set_title(str(group)[:40], fontsize=10)
        ax.tick_params(axis="y", labelsize=8)
        ax.axvline(0, color="grey", linewidth=0.6)
    for ax in list(axes.flat)[len(groups):]:
        ax.set_visible(False)
    if not groups:
        axes.flat[0].text(0.5, 0.5, "no group has key terms (too few documents or words)", ha="center",
                          va="center", transform=axes.flat[0].transAxes)
        axes.flat[0].set_axis_off()
    label = {"log_odds_z": "log-odds z-score (Monroe et al.)", "g2": "log-likelihood G²",
             "log_ratio": "Log Ratio (Hardie)"}.get(value, value)
    fig.suptitle(f"Key terms of each group against the rest: {label}")
    return fig


def plot_trends(table: pd.DataFrame, *, ax=None, value: str = "per_10k"):
    """Lines of `value` by period for each term (term_trends output); undated documents noted, not plotted."""
    ax = new_axes(ax)
    dated = table[table["period"] != "undated"]
    undated = table[table["period"] == "undated"]
    for term, part in dated.groupby("term", sort=True):
        ax.plot(part["period"], part[value], marker="o", label=term)
    n_undated = int(undated["n_docs"].max()) if len(undated) else 0
    if n_undated:
        mentions = ", ".join(f"{t} {c}" for t, c in zip(undated["term"], undated["count"]))
        ax.text(0.01, 0.97, f"{n_undated} undated document(s) not shown (mentions: {mentions})",
                transform=ax.transAxes, va="top", fontsize=8, color="dimgray")
    if dated.empty:
        ax.text(0.5, 0.5, "no dated documents", ha="center", va="center", transform=ax.transAxes)
    ax.set_ylabel("per 10,000 words" if value == "per_10k" else value)
    ax.set_xlabel("period")
    if len(dated):
        ax.legend(fontsize=8, loc="upper right")
    return ax


def plot_sectors(table: pd.DataFrame, *, ax=None, column: str = "doc_id"):
    """Heat map of sector hits per document or group (sector_counts output)."""
    wide = table.pivot_table(index="sector", columns=column, values="hits", aggfunc="sum", fill_value=0)
    ax = new_axes(ax, figsize=(max(5, 0.7 * wide.shape[1] + 3), max(2.5, 0.35 * wide.shape[0] + 1)))
    if wide.empty:
        ax.text(0.5, 0.5, "no sector cue found", ha="center", va="center", transform=ax.transAxes)
        return ax
    ax.imshow(wide.to_numpy(), cmap="Blues", aspect="auto")
    ax.set_yticks(range(wide.shape[0]), wide.index)
    ax.set_xticks(range(wide.shape[1]), [str(c)[:18] for c in wide.columns], rotation=45, ha="right")
    for (r, c), v in pd.DataFrame(wide.to_numpy()).stack().items():
        if v:
            ax.text(c, r, int(v), ha="center", va="center", fontsize=7)
    ax.set_title("Sector cue hits")
    return ax
