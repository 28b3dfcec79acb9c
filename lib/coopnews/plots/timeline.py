"""Timeline plots that stay readable from 5 to 1,000 events: a labelled timeline ("Nanjing ↔ Lyon ·
agreement", labels never overlapping) for a few events or a window, per-year counts by type as small
multiples for many, and the densest period to zoom in on.

    window = densest_window(events)                  # (start_year, end_year) or None when all fit
    plot_event_overview(events, window=window)       # many events: small multiples
    plot_timeline(events, window=window)             # labelled detail
"""
from __future__ import annotations

import math

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..corpus.dates import timex_start
from .axes import new_axes
from .labels import place_labels

DETAIL_LIMIT = 40  # events a labelled timeline shows before it switches to a window
EMPTY = "no dated events with a known year"


def event_label(parties, event_type: str) -> str:
    """'Nanjing ↔ Lyon · agreement' ('no partner named' when the sentence names none)."""
    names = [str(p) for p in (list(parties) if isinstance(parties, (list, tuple)) or hasattr(parties, "tolist") else [])]
    who = " ↔ ".join(names[:3]) + (" …" if len(names) > 3 else "") if names else "no partner named"
    return f"{who} · {event_type}"


def dated(events: pd.DataFrame) -> pd.DataFrame:
    """Events with a calendar start (`when`, a Timestamp), in date order."""
    table = events.assign(when=events["value"].map(timex_start)).dropna(subset=["when"])
    return table.sort_values(["when", "doc_id", "start"], kind="stable")


def spread_within_period(table: pd.DataFrame) -> pd.Series:
    """x position of each event: its date, except that events dated only by year (or month) that share a
    lane and a period are spread evenly across that period instead of piling on its first day."""
    precision = table["value"].astype(str).str.split("/").str[0].str.len().map({4: "year", 7: "month"}).fillna("day")
    period_days = precision.map({"year": 365.0, "month": 30.0, "day": 0.0})
    keys = [table["lane"].astype(str), table["when"], precision]
    rank = table.groupby(keys, sort=False).cumcount()
    size = table.groupby(keys, sort=False)["when"].transform("size")
    offset = pd.to_timedelta(period_days * (rank + 0.5) / size, unit="D")
    return table["when"] + offset.where(precision != "day", pd.Timedelta(0))


def _label_priority(table: pd.DataFrame) -> pd.Series:
    """Events naming two partners with a cooperation type first, then one partner, then the rest."""
    n_parties = table["parties"].map(lambda ps: len(list(ps)) if ps is not None else 0).clip(upper=2)
    return -(2 * n_parties + (table["event_type"] != "other").astype(int))


def core_years(events: pd.DataFrame, *, coverage: float = 0.9) -> tuple[int, int] | None:
    """The shortest run of years holding `coverage` of the dated events (outliers such as a 1700 reference
    in a 2005 article left out of the axis), or None without dated events."""
    years = dated(events)["when"].map(lambda t: t.year).sort_values().to_numpy()
    if len(years) == 0:
        return None
    keep = max(1, math.ceil(coverage * len(years)))
    spans = [(years[i + keep - 1] - years[i], i) for i in range(len(years) - keep + 1)]
    _, i = min(spans)
    return int(years[i]), int(years[i + keep - 1])


def densest_window(events: pd.DataFrame, *, limit: int = DETAIL_LIMIT) -> tuple[int, int] | None:
    """(first, last) year of the densest run of years holding at most `limit` events (at least one year);
    None when every dated event fits in one labelled timeline."""
    table = dated(events)
    if len(table) <= limit:
        return None
    per_year = table["when"].map(lambda t: t.year).value_counts().sort_index()
    years = per_year.index.tolist()
    best, best_count = (years[0], years[0]), -1
    for i, first in enumerate(years):
        total = 0
        for last in years[i:]:
            if total + per_year[last] > limit and total > 0:
                break
            total += per_year[last]
            if total > best_count or (total == best_count and last - first < best[1] - best[0]):
                best, best_count = (first, last), total
    return best


def plot_timeline(events: pd.DataFrame, *, lanes: str = "type", window: tuple[int, int] | None = None,
                  max_lanes: int = 10, max_labels: int = DETAIL_LIMIT, empty_reason: str = "", ax=None):
    """Dated events on a calendar axis, one lane per event type (lanes='type') or partner ('partner'),
    each labelled with its parties and type; `window` (first, last year) restricts it. Labels that cannot
    be placed without overlapping are left out and counted in the title."""
    table = dated(events)
    years = table["when"].map(lambda t: t.year)
    core = core_years(events) if window is None and len(table) else None
    if core and years.max() - years.min() > max(10, 3 * (core[1] - core[0])):
        window = core  # a stray old year would otherwise squeeze every other event into one spot
    outside = int((~years.between(*window)).sum()) if window is not None else 0
    if window is not None:
        table = table[years.between(*window)]
    if lanes == "partner":
        table = table.assign(lane=table["parties"].map(lambda ps: list(ps) or ["(no partner named)"])).explode("lane")
    elif lanes == "type":
        table = table.assign(lane=table["event_type"])
    else:
        raise ValueError(f"lanes must be 'partner' or 'type', not {lanes!r}")
    order = table["lane"].value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:max_lanes].tolist()
    table = table[table["lane"].isin(order)]
    ax = new_axes(ax, figsize=(11, 1.6 + 0.9 * max(len(order), 1)))
    if table.empty:
        ax.text(0.5, 0.5, empty_reason or EMPTY, ha="center", va="center", transform=ax.transAxes, wrap=True)
        ax.set_axis_off()
        return ax
    table = table.assign(x=spread_within_period(table), y=table["lane"].map({lane: i for i, lane in enumerate(order)}))
    y = table["y"]
    colours = {kind: plt.cm.tab10(i % 10) for i, kind in enumerate(sorted(events["event_type"].unique()))}
    ax.scatter(table["x"], y, s=36, zorder=3, c=[colours[k] for k in table["event_type"]], edgecolors="white")
    ax.set_yticks(range(len(order)), [str(o)[:28] for o in order])
    ax.set_ylim(len(order) - 0.4, -0.9)
    days = mdates.date2num(table["x"].dt.to_pydatetime())  # floats: spans of centuries do not overflow
    span = (days.max() - days.min()) or 30.0
    ax.set_xlim(days.min() - span * 0.04 - 15, days.max() + span * 0.15 + 15)
    ax.grid(axis="x", alpha=0.3)
    labels = [event_label(p, t) for p, t in zip(table["parties"], table["event_type"])]
    ranked = table.assign(label=labels, priority=_label_priority(table)).sort_values("priority", kind="stable")
    shown = ranked.head(max_labels)
    left_out = place_labels(ax, shown["x"].tolist(), shown["y"].tolist(), shown["label"].tolist(), fontsize=7,
                            positions=_STACK)
    left_out += len(table) - len(shown)
    where = f" {window[0]}–{window[1]}" if window and window[0] != window[1] else (f" in {window[0]}" if window else "")
    notes = [f"{left_out} labels left out to avoid overlaps; every event is in the table" if left_out else "",
             f"{outside} events outside these years not drawn" if outside else "",
             "events dated only by year or month are spread across it" if (table["x"] != table["when"]).any() else ""]
    ax.set_title("\n".join([f"{len(table)} dated events{where} by {lanes}", *filter(None, notes)]), fontsize=10)
    return ax


_STACK = tuple((4, dy, "left", "bottom" if dy > 0 else "top") for dy in (4, -4, 14, -14, 24, -24)) + \
    tuple((-4, dy, "right", "bottom" if dy > 0 else "top") for dy in (4, -4, 14, -14))


def plot_event_overview(events: pd.DataFrame, *, window: tuple[int, int] | None = None, max_types: int = 8):
    """Small multiples: events per year, one panel per event type (shared years, own counts), over the years holding
    90% of the events; `window` shaded. Returns the Figure."""
    table = dated(events)
    core = core_years(events)
    types = table["event_type"].value_counts().index[:max_types].tolist()
    fig, axes = plt.subplots(max(1, len(types)), 1, figsize=(10, 0.9 + 0.85 * max(1, len(types))), sharex=True,
                             layout="constrained", squeeze=False)  # own y scale per type: rare types stay visible
    if core is None:
        axes[0, 0].text(0.5, 0.5, EMPTY, ha="center", va="center", transform=axes[0, 0].transAxes)
        axes[0, 0].set_axis_off()
        return fig
    years = table["when"].map(lambda t: t.year)
    inside = table[years.between(*core)]
    counts = inside.groupby([inside["when"].map(lambda t: t.year), "event_type"]).size().unstack(fill_value=0)
    counts = counts.reindex(range(core[0], core[1] + 1), fill_value=0)
    for ax, kind, i in zip(axes[:, 0], types, range(len(types))):
        values = counts[kind] if kind in counts.columns else pd.Series(0, index=counts.index)
        ax.bar(values.index, values.to_numpy(), color=plt.cm.tab10(i % 10), width=0.85)
        ax.set_ylabel(kind, rotation=0, ha="right", va="center", fontsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.yaxis.get_major_locator().set_params(integer=True, nbins=2)
        if window:
            ax.axvspan(window[0] - 0.5, window[1] + 0.5, color="#f2d7a6", alpha=0.5, zorder=0)
    axes[-1, 0].xaxis.get_major_locator().set_params(integer=True)
    outside = len(table) - len(inside)
    note = f"; {outside} events outside {core[0]}–{core[1]} not drawn" if outside else ""
    period = (f"{window[0]}–{window[1]}" if window[0] != window[1] else str(window[0])) if window else ""
    shade = f"shaded: {period}, shown in detail below; " if window else ""
    fig.suptitle(f"Events per year by type ({len(inside)} events{note})\n{shade}each panel has its own scale",
                 fontsize=10)
    return fig


def plot_events_per_year(counts: pd.DataFrame, *, ax=None):
    """Stacked bars of events per year by type (the table of events.counts_per_year)."""
    ax = new_axes(ax)
    if counts.empty:
        ax.text(0.5, 0.5, EMPTY, ha="center", va="center", transform=ax.transAxes)
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
