"""Keyness statistics against worked examples and hand computations, and the N-way table."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from coopnews.terms.keyness import chi2_sf_1df, compare, groups_from_column, keyness, keyness_by_group, log_likelihood, log_odds_z, \
    log_ratio


@pytest.mark.parametrize("a, b, c, d, expected", [
    (10, 0, 1000, 1000, 2 * 10 * math.log(2)),                        # E1 = E2 = 5
    (20, 20, 100, 300, 2 * (20 * math.log(2) + 20 * math.log(2 / 3))),  # E1 = 10, E2 = 30
    (5, 5, 1000, 1000, 0.0),
])
def test_log_likelihood_follows_raysons_calculator_formula(a, b, c, d, expected):
    assert float(log_likelihood(a, b, c, d)) == pytest.approx(expected)


@pytest.mark.parametrize("g2, p", [(3.84, 0.05), (6.63, 0.01), (10.83, 0.001), (15.13, 0.0001)])
def test_p_values_match_the_calculators_critical_values(g2, p):
    # UCREL's calculator lists these G2 critical values for 1 d.f.
    assert chi2_sf_1df(g2)[0] == pytest.approx(p, rel=0.02)


@pytest.mark.parametrize("a, b, c, d, expected", [
    (20, 20, 100, 300, math.log2(3)),     # relative frequencies 0.2 vs 0.0667
    (10, 10, 1000, 1000, 0.0),
    (8, 0, 1000, 1000, math.log2(8 / 0.5)),  # Hardie: a zero frequency counts as 0.5
])
def test_hardie_log_ratio(a, b, c, d, expected):
    assert float(log_ratio(a, b, c, d)) == pytest.approx(expected)


def test_monroe_log_odds_z_hand_computed():
    # two corpora over three words; prior = pooled counts (alpha_w = y_w, alpha_0 = 30)
    target, ref = [6, 3, 1], [2, 8, 10]
    c, d = 10, 20
    pooled = [6 + 2, 3 + 8, 1 + 10]
    a0 = sum(pooled)
    expected = []
    for y_i, y_j, al in zip(target, ref, pooled):
        delta = math.log((y_i + al) / (c + a0 - y_i - al)) - math.log((y_j + al) / (d + a0 - y_j - al))
        expected.append(delta / math.sqrt(1 / (y_i + al) + 1 / (y_j + al)))
    got = log_odds_z(target, ref, c, d, prior=pooled)
    assert list(got) == pytest.approx(expected)
    assert got[0] > 0 > got[2]


def test_compare_signs_and_sorting():
    table = compare(pd.Series({"lyon": 10, "port": 1}), pd.Series({"lyon": 1, "port": 10, "trade": 5}),
                    target_words=100, reference_words=100, min_count=2)
    assert table["term"].tolist()[0] == "lyon"
    row = table.set_index("term")
    assert row.loc["lyon", "g2"] > 0 > row.loc["port", "g2"]
    assert row.loc["trade", "count"] == 0 and row.loc["trade", "log_ratio"] < 0


def _docs():
    return pd.DataFrame({
        "doc_id": ["a1", "a2", "b1", "b2"],
        "text": ["Lyon silk and Lyon cuisine.", "Lyon hosts silk fairs.", "Nanjing builds robots.",
                 "Nanjing robots and Nanjing chips."],
        "city": ["Lyon", "Lyon", "Nanjing", ["Nanjing", "Jiangsu"]],
    })


def test_keyness_by_group_interface():
    docs = _docs()
    table = keyness_by_group(docs, groups_from_column(docs, "city"), min_count=2)
    assert list(table.columns) == ["group", "term", "count", "ref_count", "g2", "p_value", "log_ratio",
                                   "log_odds_z"]
    top = table.groupby("group").head(1).set_index("group")["term"].to_dict()
    assert top["Lyon"] == "lyon" and top["Nanjing"] == "nanjing"
    assert "Jiangsu" in top  # a document may belong to several groups
    for _, part in table.groupby("group"):
        assert part["log_odds_z"].is_monotonic_decreasing


def test_keyness_by_group_top_n_and_doc_list_target():
    docs = _docs()
    table = keyness_by_group(docs, pd.DataFrame({"doc_id": ["a1", "b1"], "group": ["x", "y"]}), top_n=1,
                             min_count=1)
    assert table.groupby("group").size().max() == 1
    by_list = keyness(docs, ["b1", "b2"], min_count=2)
    assert by_list.iloc[0]["term"] == "nanjing"


def test_unknown_column_is_explained():
    with pytest.raises(ValueError, match="no column 'partner'"):
        groups_from_column(_docs(), "partner")


def test_small_multiples_one_panel_per_group():
    import matplotlib

    matplotlib.use("Agg")
    from coopnews.plots.keywords import plot_keyness_small_multiples

    docs = _docs()
    fig = plot_keyness_small_multiples(keyness_by_group(docs, groups_from_column(docs, "city"), min_count=1),
                                       top_n=3)
    titles = sorted(ax.get_title() for ax in fig.axes if ax.get_visible())
    assert titles == ["Jiangsu", "Lyon", "Nanjing"]
    assert all(len(ax.patches) <= 3 for ax in fig.axes)
