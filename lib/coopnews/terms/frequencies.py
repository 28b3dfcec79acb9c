"""Term frequencies of a corpus: raw counts, per 10,000 words, document frequency and Gries' DP dispersion.

    counts = term_counts(corpus.documents)        # doc_id, term, count (stems grouped, names merged)
    table = term_frequencies(counts, corpus.documents)

DP (Gries 2008, "Dispersions and adjusted frequencies in corpora") = half the sum over documents of
|share of the term's occurrences in the document - share of the corpus's words in the document|:
0 = spread exactly like the corpus, close to 1 = all in one small document. dp_norm divides by 1 - min share
(Lijffijt & Gries 2012), so 1 is the most uneven spread possible.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd
from tqdm import tqdm

from .tokens import Tokenizer, corpus_names, stem_groups

COUNT_COLUMNS = {
    "doc_id": "document",
    "term": "term as displayed: the most frequent word form of its stem group, or a multi-word name",
    "form": "the word form counted on this row (several forms of one stem give several rows)",
    "count": "occurrences of the form in the document",
    "doc_tokens": "tokens in the document, stopwords included (the denominator for rates and DP)",
}
FREQUENCY_COLUMNS = {
    "term": "term (most frequent form of its stem group, or a multi-word name)",
    "count": "occurrences in the corpus",
    "per_10k": "occurrences per 10,000 words of the corpus (all tokens, stopwords included)",
    "doc_freq": "documents containing the term",
    "doc_share": "doc_freq / number of documents",
    "dp": "Gries' deviation of proportions: 0 = evenly spread, near 1 = concentrated in few documents",
    "dp_norm": "dp / (1 - smallest document share): 1 = as concentrated as possible",
    "forms": "word forms grouped under the term, most frequent first",
}


def corpus_tokenizer(documents: pd.DataFrame, *, names: bool = True, extra_names=(), min_name_count: int = 2,
                     keep_numbers: bool = False) -> Tokenizer:
    """A Tokenizer that merges the multi-word names recurring in `documents` (their first SAMPLE_CHARS
    characters, as the terms stage does; plus `extra_names`)."""
    found = corpus_names(documents["text"], min_count=min_name_count, extra=extra_names) if names else list(extra_names)
    return Tokenizer(names=found, keep_numbers=keep_numbers)


def term_counts(documents: pd.DataFrame, *, tokenizer: Tokenizer | None = None, stems: bool = True,
                progress: bool = False) -> pd.DataFrame:
    """Long table of COUNT_COLUMNS for every document of `documents` (one row per document and word form)."""
    _check_documents(documents)
    tok = tokenizer or corpus_tokenizer(documents)
    rows_doc, rows_form, rows_n, rows_size = [], [], [], []
    is_term: dict[str, bool] = {}
    for doc_id, text in tqdm(zip(documents["doc_id"], documents["text"]), total=len(documents),
                             desc="counting terms", unit="doc", disable=not progress):
        tokens = tok.tokens(text or "")
        kept = [(form, n) for form, n in Counter(tokens).items()
                if is_term.get(form) or (form not in is_term and is_term.setdefault(form, tok.is_term(form)))]
        rows_doc.extend([doc_id] * len(kept))
        rows_form.extend(f for f, _ in kept)
        rows_n.extend(n for _, n in kept)
        rows_size.extend([len(tokens)] * len(kept))
    long = pd.DataFrame({"doc_id": rows_doc, "form": rows_form, "count": rows_n, "doc_tokens": rows_size})
    return counts_by_term(long, stems=stems)


def counts_by_term(form_counts: pd.DataFrame, *, stems: bool = True) -> pd.DataFrame:
    """COUNT_COLUMNS from per-document form counts (doc_id, form, count, doc_tokens; e.g. the cached terms stage,
    coopnews.scale.access.terms): each form gets its term (stem groups over the whole table when `stems`, from
    its `stem` column when it has one)."""
    long = form_counts[["doc_id", "form", "count", "doc_tokens"]].copy()
    totals = long.groupby("form", sort=False)["count"].sum().to_dict()
    known = None
    if "stem" in form_counts:
        pairs = form_counts[["form", "stem"]].drop_duplicates("form")
        known = dict(zip(pairs["form"].tolist(), pairs["stem"].tolist()))
    display = stem_groups(totals, known) if stems else {f: f for f in totals}
    long["term"] = long["form"].map(display)
    long = long[list(COUNT_COLUMNS)].sort_values(["doc_id", "term", "form"], kind="stable")
    return long.reset_index(drop=True)


def doc_sizes(counts: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.Series:
    """Tokens per document (stopwords included; terms only when `counts` lacks doc_tokens)."""
    if "doc_tokens" in counts.columns:
        out = counts.groupby("doc_id", sort=False)["doc_tokens"].first().astype("float64")
    else:
        out = counts.groupby("doc_id", sort=False)["count"].sum().astype("float64")
    if documents is not None:
        out = out.reindex(documents["doc_id"]).fillna(0.0)
    return out


def term_frequencies(counts: pd.DataFrame, documents: pd.DataFrame | None = None, *, min_count: int = 1,
                     top_n: int | None = None) -> pd.DataFrame:
    """FREQUENCY_COLUMNS for every term of `counts` (from term_counts), most frequent first."""
    sizes = doc_sizes(counts, documents)
    sizes = sizes[sizes > 0]
    total_words = float(sizes.sum()) or 1.0
    share = sizes / total_words
    by_term = counts.groupby(["term", "doc_id"], sort=False)["count"].sum()
    term_total = by_term.groupby(level="term").sum()
    form_totals = (counts.groupby(["term", "form"])["count"].sum().reset_index()
                   .sort_values(["term", "count", "form"], ascending=[True, False, True]))
    forms_of: dict[str, list[str]] = {}
    for term, form in zip(form_totals["term"], form_totals["form"]):
        forms_of.setdefault(term, []).append(form)
    # DP = 0.5 * (sum over docs with the term of |v - s| + sum of s over docs without it)
    v = by_term / by_term.groupby(level="term", sort=False).transform("sum").to_numpy()
    s = share.reindex(by_term.index.get_level_values("doc_id")).to_numpy()
    present_share = pd.Series(s, index=by_term.index).groupby(level="term").sum()
    abs_dev = pd.Series(abs(v.to_numpy() - s), index=by_term.index).groupby(level="term").sum()
    dp = 0.5 * (abs_dev + (1.0 - present_share))
    min_share = float(share.min()) if len(share) else 0.0
    table = pd.DataFrame({
        "term": term_total.index,
        "count": term_total.to_numpy(),
        "per_10k": term_total.to_numpy() / total_words * 10_000,
        "doc_freq": by_term.groupby(level="term").size().reindex(term_total.index).to_numpy(),
    })
    table["doc_share"] = table["doc_freq"] / max(len(sizes), 1)
    table["dp"] = dp.reindex(term_total.index).to_numpy().clip(0, 1)
    table["dp_norm"] = (table["dp"] / (1 - min_share)).clip(0, 1) if min_share < 1 else 0.0
    table["forms"] = [forms_of[t] for t in table["term"]]
    table = table[table["count"] >= min_count]
    table = table.sort_values(["count", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return table.head(top_n) if top_n else table


def dp_dispersion(term_counts_per_doc: list[float], doc_sizes_list: list[float]) -> float:
    """Gries' DP of one term from its count in each document and each document's size."""
    total_f, total_s = float(sum(term_counts_per_doc)), float(sum(doc_sizes_list))
    if total_f == 0 or total_s == 0:
        raise ValueError("DP needs a term that occurs at least once and documents with words")
    return 0.5 * sum(abs(f / total_f - s / total_s) for f, s in zip(term_counts_per_doc, doc_sizes_list))


def _check_documents(documents: pd.DataFrame) -> None:
    missing = {"doc_id", "text"} - set(documents.columns)
    if missing:
        raise ValueError(f"documents table lacks column(s) {sorted(missing)}: pass corpus.documents "
                         "(or a DataFrame with doc_id and text)")
