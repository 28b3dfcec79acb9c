"""Term frequencies over calendar time (month or year of the document date); undated documents apart.

    table = term_trends(corpus.documents, ["investment", "lyon"], period="year")
    # rows with period "undated" hold the documents without a usable date (kept, never dropped)
"""
from __future__ import annotations

import pandas as pd

from .frequencies import corpus_tokenizer, doc_sizes, term_counts
from .tokens import stem

UNDATED = "undated"
TREND_COLUMNS = {
    "period": "YYYY or YYYY-MM of the document date; 'undated' for documents without one (or, by month, "
              "with only a year)",
    "term": "term as asked",
    "count": "occurrences of the term (all forms of its stem) in the period's documents",
    "docs": "documents of the period containing the term",
    "n_docs": "documents in the period",
    "n_words": "words (tokens) in the period's documents",
    "per_10k": "count per 10,000 words of the period",
}


def document_periods(documents: pd.DataFrame, *, period: str = "year") -> pd.Series:
    """Period label of each document (index doc_id): YYYY or YYYY-MM, or 'undated'."""
    if period not in ("year", "month"):
        raise ValueError(f"period must be 'year' or 'month', not {period!r}")
    width = 4 if period == "year" else 7
    dates = documents["date"] if "date" in documents.columns else pd.Series([None] * len(documents))
    labels = [d[:width] if isinstance(d, str) and len(d) >= width and d[:4].isdigit() else UNDATED
              for d in dates]
    return pd.Series(labels, index=documents["doc_id"].to_numpy(), name="period")


def term_trends(documents: pd.DataFrame, terms: list[str], *, period: str = "year",
                counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """TREND_COLUMNS for each asked term and period (dated periods in order, then 'undated')."""
    if isinstance(terms, str):
        terms = [terms]
    periods = document_periods(documents, period=period)
    counts = counts if counts is not None else term_counts(documents, tokenizer=corpus_tokenizer(
        documents, extra_names=[t for t in terms if " " in t.strip()]))
    sizes = doc_sizes(counts, documents)
    frame = pd.DataFrame({"period": periods, "n_words": sizes.reindex(periods.index).fillna(0).to_numpy()})
    per_period = frame.groupby("period").agg(n_docs=("n_words", "size"), n_words=("n_words", "sum"))
    form_stem = counts.assign(key=counts["form"].map(stem), period=counts["doc_id"].map(periods))
    rows = []
    for term in terms:
        key = stem(" ".join(term.lower().split()))
        hits = form_stem[form_stem["key"] == key]
        by_period = hits.groupby("period").agg(count=("count", "sum"), docs=("doc_id", "nunique"))
        for label, info in per_period.iterrows():
            count = int(by_period["count"].get(label, 0))
            rows.append({"period": label, "term": term, "count": count, "docs": int(by_period["docs"].get(label, 0)),
                         "n_docs": int(info["n_docs"]), "n_words": int(info["n_words"]),
                         "per_10k": count / info["n_words"] * 10_000 if info["n_words"] else 0.0})
    table = pd.DataFrame(rows, columns=list(TREND_COLUMNS))
    order = table["period"].eq(UNDATED)
    return table.assign(_u=order).sort_values(["_u", "period", "term"], kind="stable").drop(columns="_u") \
        .reset_index(drop=True)
