"""Keyness: which terms characterise a target set of documents against a reference.

Three statistics per term, from a = count in target, b = count in reference, c, d = words in each:
  * g2: log-likelihood (Dunning 1993) as in Rayson & Garside's calculator, G2 = 2(a ln(a/E1) + b ln(b/E2)),
    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d); p_value from chi-square with 1 degree of freedom.
  * log_ratio: Hardie (2014) effect size, log2((a/c) / (b/d)); a zero count is replaced by 0.5.
  * log_odds_z: Monroe, Colaresi & Quinn (2008) log-odds ratio with an informative Dirichlet prior, as a
    z-score: delta = log((a+al)/(c+a0-a-al)) - log((b+al)/(d+a0-b-al)), var = 1/(a+al) + 1/(b+al),
    where the prior al = a0 * (a+b)/(c+d) follows the whole corpus and a0 (prior_size) defaults to c+d.
Positive values = over-represented in the target.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .frequencies import corpus_tokenizer, doc_sizes, term_counts

KEYNESS_COLUMNS = {
    "term": "term",
    "count": "occurrences in the target",
    "ref_count": "occurrences in the reference",
    "g2": "log-likelihood G2 (Rayson's 2-term form; signed: negative when under-represented in the target)",
    "p_value": "p-value of |g2| against chi-square with 1 degree of freedom",
    "log_ratio": "Hardie's Log Ratio: log2 of the ratio of relative frequencies (zeros counted as 0.5)",
    "log_odds_z": "Monroe et al. log-odds ratio with informative Dirichlet prior, as a z-score",
}
GROUP_KEYNESS_COLUMNS = {"group": "the group (its documents are the target; all other documents the reference)",
                         **KEYNESS_COLUMNS}


def log_likelihood(a, b, c, d):
    """Rayson's G2 for counts a (target) and b (reference) in corpora of c and d words."""
    a, b, c, d = (np.asarray(x, dtype="float64") for x in (a, b, c, d))
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2 * (t1 + t2)


def chi2_sf_1df(g2) -> np.ndarray:
    """P(chi-square with 1 degree of freedom > g2) = erfc(sqrt(g2 / 2))."""
    return np.array([math.erfc(math.sqrt(max(float(x), 0.0) / 2)) for x in np.atleast_1d(g2)])


def log_ratio(a, b, c, d):
    """Hardie's Log Ratio: log2 of the target/reference ratio of relative frequencies (zeros as 0.5)."""
    a, b, c, d = (np.asarray(x, dtype="float64") for x in (a, b, c, d))
    return np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))


def log_odds_z(a, b, c, d, *, prior=None, prior_size: float | None = None):
    """Monroe et al.'s z-scored log-odds ratio with a Dirichlet prior (default: the pooled counts)."""
    a, b = np.asarray(a, dtype="float64"), np.asarray(b, dtype="float64")
    c, d = float(np.asarray(c)), float(np.asarray(d))
    pooled = a + b if prior is None else np.asarray(prior, dtype="float64")
    a0 = float(prior_size) if prior_size is not None else float(pooled.sum()) if prior is not None else c + d
    al = a0 * pooled / pooled.sum() if pooled.sum() > 0 else np.zeros_like(a)
    delta = np.log((a + al) / (c + a0 - a - al)) - np.log((b + al) / (d + a0 - b - al))
    return delta / np.sqrt(1 / (a + al) + 1 / (b + al))


def compare(target: pd.Series, reference: pd.Series, *, target_words: float | None = None,
            reference_words: float | None = None, min_count: int = 2) -> pd.DataFrame:
    """KEYNESS_COLUMNS for term counts `target` vs `reference` (Series indexed by term), by log_odds_z."""
    terms = target.index.union(reference.index)
    a = target.reindex(terms, fill_value=0).astype("float64")
    b = reference.reindex(terms, fill_value=0).astype("float64")
    c = float(target_words if target_words is not None else a.sum())
    d = float(reference_words if reference_words is not None else b.sum())
    if c <= 0 or d <= 0:
        raise ValueError("keyness needs words in both the target and the reference: check the grouping "
                         f"(target has {c:.0f} words, reference {d:.0f})")
    z = log_odds_z(a.to_numpy(), b.to_numpy(), c, d)
    g2 = log_likelihood(a.to_numpy(), b.to_numpy(), c, d)
    over = a.to_numpy() / c >= b.to_numpy() / d
    table = pd.DataFrame({
        "term": terms, "count": a.to_numpy().astype("int64"), "ref_count": b.to_numpy().astype("int64"),
        "g2": np.where(over, g2, -g2), "p_value": chi2_sf_1df(g2),
        "log_ratio": log_ratio(a.to_numpy(), b.to_numpy(), c, d), "log_odds_z": z,
    })
    table = table[table["count"] + table["ref_count"] >= min_count]
    return table.sort_values(["log_odds_z", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)


def groups_from_column(documents: pd.DataFrame, column: str) -> pd.DataFrame:
    """Long [doc_id, group] table from a metadata column (lists are exploded; empty values dropped)."""
    if column not in documents.columns:
        raise ValueError(f"no column {column!r} in the documents table; choose one of {sorted(documents.columns)}")
    long = pd.DataFrame({"doc_id": documents["doc_id"].to_numpy(), "group": documents[column].to_numpy()})
    long = long.explode("group")
    long = long[long["group"].notna() & (long["group"].astype(str) != "")]
    return long.assign(group=long["group"].astype(str)).reset_index(drop=True)


def keyness(documents: pd.DataFrame, target, *, by: str | None = None, min_count: int = 2,
            counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """KEYNESS_COLUMNS for the target documents (doc ids, or the value `target` of column `by`) vs the rest."""
    if by is not None:
        groups = groups_from_column(documents, by)
        ids = set(groups.loc[groups["group"] == str(target), "doc_id"])
    else:
        ids = {target} if isinstance(target, str) else set(target)
    if not ids:
        raise ValueError(f"no documents in the target {target!r}" + (f" of column {by!r}" if by else ""))
    counts = counts if counts is not None else term_counts(documents, tokenizer=corpus_tokenizer(documents))
    return _against_rest(counts, doc_sizes(counts, documents), ids, min_count=min_count)


def keyness_by_group(documents: pd.DataFrame, groups: pd.DataFrame, *, min_count: int = 2,
                     top_n: int | None = None, counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """GROUP_KEYNESS_COLUMNS: each group of `groups` [doc_id, group] against all other documents."""
    if not {"doc_id", "group"} <= set(groups.columns):
        raise ValueError("groups must be a DataFrame with columns doc_id and group (see groups_from_column)")
    counts = counts if counts is not None else term_counts(documents, tokenizer=corpus_tokenizer(documents))
    sizes = doc_sizes(counts, documents)
    tables = []
    for group in sorted(groups["group"].astype(str).unique()):
        ids = set(groups.loc[groups["group"].astype(str) == group, "doc_id"])
        if not ids or set(sizes.index) <= ids:
            continue  # a group holding every document has no reference
        table = _against_rest(counts, sizes, ids, min_count=min_count)
        table = table[table["count"] > 0]
        tables.append((table.head(top_n) if top_n else table).assign(group=group))
    if not tables:
        return pd.DataFrame({c: [] for c in GROUP_KEYNESS_COLUMNS})
    out = pd.concat(tables, ignore_index=True)[list(GROUP_KEYNESS_COLUMNS)]
    return out.sort_values(["group", "log_odds_z", "term"], ascending=[True, False, True], kind="stable") \
        .reset_index(drop=True)


def keyness_matrix(table: pd.DataFrame, *, value: str = "log_odds_z") -> pd.DataFrame:
    """Terms × groups table of `value` from keyness_by_group's output (missing = NaN)."""
    return table.pivot_table(index="term", columns="group", values=value, aggfunc="first")


def _against_rest(counts: pd.DataFrame, sizes: pd.Series, ids: set, *, min_count: int) -> pd.DataFrame:
    in_target = counts["doc_id"].isin(ids)
    target = counts[in_target].groupby("term")["count"].sum()
    reference = counts[~in_target].groupby("term")["count"].sum()
    in_sizes = sizes.index.isin(list(ids))
    return compare(target, reference, target_words=float(sizes[in_sizes].sum()),
                   reference_words=float(sizes[~in_sizes].sum()), min_count=min_count)
