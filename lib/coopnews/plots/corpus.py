"""Plots of a corpus' make-up: documents by source, language and year, and document lengths."""
from __future__ import annotations

import matplotlib.pyplot as plt

from ..corpus.quality import UNDATED, UNKNOWN, documents_by, documents_by_year
from .axes import new_axes

MUTED = "#b0b0b0"
ACCENT = "#3b6ea8"


def plot_counts(table, column: str, *, ax=None, title: str | None = None, top: int = 12):
    """Horizontal bars of a documents_by() table (top `top` values)."""
    ax = new_axes(ax)
    shown = table.head(top).iloc[::-1]
    colors = [MUTED if value == UNKNOWN else ACCENT for value in shown[column]]
    ax.barh(shown[column].astype(str), shown["documents"], color=colors, height=0.6)
    ax.set_xlabel("documents")
    ax.set_title(title or f"Documents by {column}")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def plot_documents_by_year(documents, *, ax=None):
    """Bars of documents per publication year; undated documents in grey, labelled as such."""
    ax = new_axes(ax)
    table = documents_by_year(documents)
    colors = [MUTED if year == UNDATED else ACCENT for year in table["year"]]
    ax.bar(table["year"].astype(str), table["documents"], color=colors)
    ax.set_ylabel("documents")
    ax.set_title("Documents by publication year (grey: no publication date)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return ax


def plot_length_distribution(documents, *, ax=None, bins: int = 20):
    """Histogram of words per document."""
    ax = new_axes(ax)
    ax.hist(documents["n_words"], bins=bins, color=ACCENT)
    ax.set_xlabel("words per document")
    ax.set_ylabel("documents")
    ax.set_title("Document length")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return ax


def plot_quality_overview(documents):
    """2×2 small multiples: by source, by language, by year, length. Returns the Figure."""
    fig, axes = plt.subplots(2, 2, figsize=(10, 6), layout="constrained")
    plot_counts(documents_by(documents, "source"), "source", ax=axes[0, 0], title="By source (grey: unknown)")
    plot_counts(documents_by(documents, "language"), "language", ax=axes[0, 1], title="By language")
    plot_documents_by_year(documents, ax=axes[1, 0])
    axes[1, 0].set_title("By publication year (grey: undated)")
    plot_length_distribution(documents, ax=axes[1, 1])
    return fig
