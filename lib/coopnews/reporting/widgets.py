"""Interactive views for JupyterLab (ipywidgets): choose partners, a focus, a date range and event types,
and the timeline, map, network and evidence tables update. In a batch report (a static page) they show
a one-line note instead, since a page has no kernel to talk to.

    explore_events(events(corpus), corpus.documents)
    explore_partners(partner_tables(corpus), corpus.documents)
"""
from __future__ import annotations

import os

import pandas as pd

from ..plots.geography import partner_places, plot_map
from ..plots.partners import plot_network
from ..plots.timeline import densest_window, plot_timeline
from ..partners.profiles import cooccurrence_graph, counterparts, partner_mentions, top_partners
from ..partners.relations import pair_counts
from ..timeline.events import filter_events
from .tables import EXPORT_DIR_ENV, show_table

STATIC_NOTE = ("*Interactive filters (partners, focus, dates, event types) appear here when this notebook is "
               "opened in JupyterLab (`make lab`).*")


def in_report() -> bool:
    """Whether this kernel runs for a batch report (the report's setup cell sets the export folder)."""
    return bool(os.environ.get(EXPORT_DIR_ENV))


def _static_note():
    from IPython.display import Markdown

    return Markdown(STATIC_NOTE)


def _years(events: pd.DataFrame) -> tuple[int, int]:
    years = events["year"].dropna().astype(int)
    return (int(years.min()), int(years.max())) if len(years) else (2000, 2030)


def explore_events(events: pd.DataFrame, documents: pd.DataFrame, *, lanes: str = "type"):
    """Partners, year range and event types -> the labelled timeline and the evidence table."""
    if in_report():
        return _static_note()
    import ipywidgets as w
    from IPython.display import display
    import matplotlib.pyplot as plt

    parties = sorted({str(p) for ps in events["parties"] for p in ps})
    first, last = _years(events)
    partners = w.SelectMultiple(options=parties, description="partners", rows=6)
    years = w.IntRangeSlider(value=(first, last), min=first, max=last, description="years")
    types = w.SelectMultiple(options=sorted(events["event_type"].unique()), description="types", rows=6)
    lane = w.ToggleButtons(options=["type", "partner"], value=lanes, description="lanes")
    out = w.Output()

    def update(_=None):
        kept = filter_events(events, partners=list(partners.value), start=str(years.value[0]),
                             end=f"{years.value[1]}-12-31", types=list(types.value))
        with out:
            out.clear_output(wait=True)
            plot_timeline(kept, lanes=lane.value, window=densest_window(kept))
            plt.show()
            display(show_table(kept[["doc_id", "value", "event_type", "parties", "sentence"]], "events",
                               documents=documents, highlight="parties", max_rows=200))

    for control in (partners, years, types, lane):
        control.observe(update, names="value")
    update()
    return w.VBox([w.HBox([partners, types]), w.HBox([years, lane]), out])


def explore_partners(tables, documents: pd.DataFrame):
    """A focus partner -> its map, network, counterparts and evidence sentences."""
    if in_report():
        return _static_note()
    import ipywidgets as w
    from IPython.display import display
    import matplotlib.pyplot as plt

    names = top_partners(tables, n=200, min_mentions=1)
    focus = w.Dropdown(options=["(all)", *names], description="focus")
    places = partner_places(partner_mentions(tables))
    counts = pair_counts(tables.pairs)
    graph = cooccurrence_graph(tables)
    out = w.Output()

    def update(_=None):
        chosen = None if focus.value == "(all)" else focus.value
        with out:
            out.clear_output(wait=True)
            plot_map(places, counts, focus=chosen)
            plot_network(graph, focus=chosen)
            plt.show()
            if chosen:
                display(show_table(counterparts(tables, chosen, n=None), "counterparts"))
                mine = tables.pairs[(tables.pairs["a"] == chosen) | (tables.pairs["b"] == chosen)]
                display(show_table(mine[["doc_id", "a", "b", "type", "sentence"]], "pairs", documents=documents,
                                   highlight=["a", "b"], max_rows=200))

    focus.observe(update, names="value")
    update()
    return w.VBox([focus, out])
