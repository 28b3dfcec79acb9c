"""Quality report tables for a loaded corpus: what is there, what is missing, what was skipped or cleaned."""
from __future__ import annotations

import pandas as pd

UNKNOWN = "(unknown)"
UNDATED = "undated"


def quality_summary(corpus) -> pd.DataFrame:
    """One row per measure (documents, skipped, words, dated share, duplicates, …): columns measure, value."""
    docs = corpus.documents
    dated = docs["date"].notna().sum()
    rows = [
        ("documents loaded", len(docs)),
        ("files or records skipped", len(corpus.skipped)),
        ("warnings (something ignored or guessed)", int((corpus.log["status"] == "warning").sum())),
        ("words", int(docs["n_words"].sum())),
        ("sentences", int(docs["n_sentences"].sum())),
        ("median words per document", int(docs["n_words"].median()) if len(docs) else 0),
        ("documents with a publication date", int(dated)),
        ("documents without a publication date", int(len(docs) - dated)),
        ("languages", docs["language"].nunique()),
        ("exact duplicates", int((docs["duplicate_kind"] == "exact").sum())),
        ("near duplicates", int((docs["duplicate_kind"] == "near").sum())),
        ("boilerplate lines removed", len(corpus.removed)),
        ("sentence model", corpus.sentence_model),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"]).astype({"value": str})


def documents_by(documents: pd.DataFrame, column: str) -> pd.DataFrame:
    """Documents per value of `column` (missing values as '(unknown)'): columns <column>, documents."""
    values = documents[column].astype(object).where(documents[column].notna(), UNKNOWN)
    counts = values.value_counts().rename_axis(column).reset_index(name="documents")
    return counts.sort_values(["documents", column], ascending=[False, True], kind="stable").reset_index(drop=True)


def documents_by_year(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents per publication year, undated ones in a last row 'undated': columns year, documents."""
    years = documents["date"].dropna().astype(str).str[:4]
    counts = years.value_counts().sort_index().rename_axis("year").reset_index(name="documents")
    undated = int(documents["date"].isna().sum())
    return pd.concat([counts, pd.DataFrame({"year": [UNDATED], "documents": [undated]})], ignore_index=True)


def date_sources(documents: pd.DataFrame) -> pd.DataFrame:
    """Where publication dates came from: columns date_source, documents, share."""
    out = documents_by(documents, "date_source")
    out["share"] = (out["documents"] / max(len(documents), 1)).round(3)
    return out


def duplicates_table(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents flagged as copies: columns doc_id, duplicate_of, duplicate_kind, duplicate_similarity, title."""
    flagged = documents[documents["duplicate_of"].notna()]
    return flagged[["doc_id", "duplicate_of", "duplicate_kind", "duplicate_similarity", "title"]].reset_index(drop=True)


def removed_summary(removed: pd.DataFrame) -> pd.DataFrame:
    """Boilerplate removed, by kind: columns kind, lines, documents, example."""
    if removed.empty:
        return pd.DataFrame(columns=["kind", "lines", "documents", "example"])
    grouped = removed.groupby("kind", sort=True)
    return pd.DataFrame({
        "lines": grouped.size(),
        "documents": grouped["doc_id"].nunique(),
        "example": grouped["text"].first().str.slice(0, 80),
    }).reset_index().sort_values(["lines", "kind"], ascending=[False, True], kind="stable").reset_index(drop=True)
