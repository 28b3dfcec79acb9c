"""Defaults that fit any corpus, chosen from its tables: which column to compare groups by (few groups),
document groups by partner when no column fits, and the terms to show in context (the top partners).

    groups, by = document_groups(corpus.documents, "", tables=partner_tables(corpus))
"""
from __future__ import annotations

import pandas as pd

from ..partners.profiles import top_partners
from ..terms.keyness import groups_from_column

GROUP_COLUMNS = ("source", "language")  # metadata columns worth comparing, in order of preference
PARTNERS = "partners"  # group_by value: each document in the groups of the top partners it names


def default_group_column(documents: pd.DataFrame, *, max_groups: int = 12) -> str:
    """The first of source, language, year with 2..max_groups groups covering 80% of the documents,
    else doc_id for a corpus of at most `max_groups` documents, else PARTNERS."""
    years = documents["date"].dropna().astype(str).str[:4] if "date" in documents.columns else pd.Series(dtype=str)
    for column in GROUP_COLUMNS:
        if column in documents.columns:
            values = documents[column].dropna()
            if 2 <= values.nunique() <= max_groups and len(values) >= 0.8 * len(documents):
                return column
    if 2 <= years.nunique() <= max_groups and len(years) >= 0.8 * len(documents):
        return "year"
    return "doc_id" if len(documents) <= max_groups else PARTNERS


def document_groups(documents: pd.DataFrame, group_by: str, *, tables=None, n_partners: int = 6) -> tuple[pd.DataFrame, str]:
    """([doc_id, group], the column used): `group_by`, or the default column when it is ''; 'year' groups
    by publication year; PARTNERS puts each document in the group of each of the top `n_partners`
    partners (countries left out) it names (needs `tables`, coopnews.partner_tables)."""
    by = group_by or default_group_column(documents)
    if by == "year":
        docs = documents.assign(year=documents["date"].astype("string").str[:4])
        return groups_from_column(docs, "year"), by
    if by == PARTNERS:
        if tables is None:
            raise ValueError("group_by='partners' needs the partner tables (tables=partner_tables(corpus))")
        names = top_partners(tables, n=n_partners, min_mentions=2)
        mentions = tables.entities[tables.entities["canonical"].isin(names)][["doc_id", "canonical"]]
        groups = mentions.drop_duplicates().rename(columns={"canonical": "group"}).sort_values(["group", "doc_id"])
        return groups.reset_index(drop=True), by
    return groups_from_column(documents, by), by


def default_kwic_terms(tables, *, n: int = 2) -> list[str]:
    """The `n` most mentioned partners (countries left out), as written most often in the documents."""
    names = top_partners(tables, n=n, min_mentions=1)
    entities = tables.entities
    out = []
    for name in names:
        forms = entities.loc[entities["canonical"] == name, "text"].value_counts()
        out.append(str(forms.index[0]) if len(forms) else name)
    return out
