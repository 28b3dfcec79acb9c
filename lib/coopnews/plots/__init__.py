"""Plot helpers, one module per stage. Each takes an optional matplotlib `ax` and returns it (or a
Figure for small multiples); none calls show() or savefig().

    from coopnews.plots import plot_top_terms, plot_timeline
"""
from .corpus import plot_counts, plot_documents_by_year, plot_length_distribution, plot_quality_overview
from .keywords import plot_keyness_small_multiples, plot_sectors, plot_top_terms, plot_trends
from .geography import partner_places, plot_map
from .partners import (network_view, plot_heatmap, plot_keyness, plot_network, plot_sector_heatmap, plot_timelines,
                       plot_type_heatmap)
from .timeline import densest_window, event_label, plot_event_overview, plot_events_per_year, plot_timeline

__all__ = [
    "densest_window", "event_label", "network_view", "partner_places", "plot_event_overview", "plot_map",
    "plot_counts", "plot_documents_by_year", "plot_events_per_year", "plot_heatmap", "plot_keyness",
    "plot_keyness_small_multiples", "plot_length_distribution", "plot_network", "plot_quality_overview",
    "plot_sector_heatmap", "plot_sectors", "plot_timeline", "plot_timelines", "plot_top_terms", "plot_trends",
    "plot_type_heatmap",
]
