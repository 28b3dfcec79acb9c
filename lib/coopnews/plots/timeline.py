"""Timeline plots: dated events on a calendar axis in lanes, and events per year by type."""
from __future__ import annotations

import textwrap

import pandas as pd

from ..corpus.dates import timex_start
from .axes import new_axes


def _lanes(events: pd.DataFrame, by: str) -> pd.DataFrame:
    table = events.assign(when=events["value"].map(timex_start)).dropna(subset=["when"])
    if by == "partner":
        table = table.assign(lane=table["parties"].map(lambda ps: list(ps) or ["(no partner named)"])).explode("lane")
    elif by == "type":
        table = table.assign(lane=table["event_type"])
    else:
        raise ValueError(f"lanes must be 'partner' or 'type', not {by!r}")
    return table.sort_values(["when", "lane", "doc_id", "start"], kind="stable")


def plot_timeline(events: pd.DataFrame, *, lanes: str = "type", label_width: int = 28, max_lanes: int = 12, ax=None):
    """Dated events on a calendar axis, one lane per event type (lanes='type') or partner (lanes='partner')."""
    table = _lanes(events, lanes)
    top = table["lane"].value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:max_lanes]
    table = table[table["lane"].isin(top)]
    order = sorted(top)
    ax = new_axes(ax, figsize=(10, 1.2 + 0.7 * max(len(order), 1)))
    if table.empty:
        ax.text(0.5, 0.5, "no dated events with a known year", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    y = table["lane"].map({lane: i for i, lane in enumerate(order)})
    ax.scatter(table["when"], y, s=40, zorder=3, color="tab:blue")
    seen: dict = {}
    for when, lane_y, text, value in zip(table["when"], y, table["text"], table["value"]):
        i = seen[lane_y] = seen.get(lane_y, -1) + 1  # stagger labels within a lane so neighbours do not overlap
        label = textwrap.shorten(f"{text} ({value})" if text != value else text, width=label_width, placeholder="…")
        ax.annotate(label, (when, lane_y), xytext=(4, (8, -12, 18, -22)[i % 4]), textcoords="offset points",
                    fontsize=8, rotation=0)
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(-0.8, len(order) - 0.2)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("date")
    ax.set_title(f"Dated events by {lanes}")
    return ax


def plot_events_per_year(counts: pd.DataFrame, *, ax=None):
    """Stacked bars of events per year by type (the table of events.counts_per_year)."""
    ax = new_axes(ax)
    if counts.empty:
        ax.text(0.5, 0.5, "no dated events with a known year", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    bottom = pd.Series(0, index=counts.index)
    for column in counts.columns:
        ax.bar(counts.index.astype(str), counts[column], bottom=bottom, label=column)
        bottom = bottom + counts[column]
    ax.set_ylabel("events")
    ax.set_xlabel("year")
    ax.legend(fontsize=8, frameon=False)
    ax.tick_params(axis="x", rotation=45)
    ax.set_title("Events per year by type")
    return ax
