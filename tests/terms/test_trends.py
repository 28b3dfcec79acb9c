"""Term trends by year and month, undated documents counted apart."""
from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from coopnews.plots.keywords import plot_trends
from coopnews.terms.trends import document_periods, term_trends

matplotlib.use("Agg")


def docs():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "text": ["Port port trade.", "Port deal signed.", "Trade fair.", "Port news without a date."],
        "date": ["2023-05-02", "2024-01", "2024", None],
    })


def test_periods():
    assert document_periods(docs(), period="year").tolist() == ["2023", "2024", "2024", "undated"]
    assert document_periods(docs(), period="month").tolist() == ["2023-05", "2024-01", "undated", "undated"]


def test_yearly_counts_and_rates():
    table = term_trends(docs(), ["port", "trade"], period="year")
    port = table[table["term"] == "port"].set_index("period")
    assert port.loc["2023", "count"] == 2 and port.loc["2024", "count"] == 1
    assert port.loc["undated", "count"] == 1 and port.loc["undated", "n_docs"] == 1
    assert port.loc["2024", "n_docs"] == 2
    assert port.loc["2023", "per_10k"] == pytest.approx(2 / 3 * 10_000)
    assert table["period"].tolist()[-1] == "undated"  # undated rows come last


def test_month_trend_puts_year_only_dates_apart():
    table = term_trends(docs(), ["trade"], period="month").set_index("period")
    assert table.loc["undated", "count"] == 1 and table.loc["undated", "n_docs"] == 2


def test_plot_says_how_many_documents_are_undated():
    ax = plot_trends(term_trends(docs(), ["port"]))
    assert any("1 undated document" in t.get_text() for t in ax.texts)


def test_bad_period_is_explained():
    with pytest.raises(ValueError, match="'year' or 'month'"):
        term_trends(docs(), ["port"], period="week")
