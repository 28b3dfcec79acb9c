"""N-gram collocations (NLTK's collocation finders) and window collocates of a node term.

Association measures are NLTK's: PMI (log2 observed/expected), log-likelihood ratio (Dunning) and
Student's t-score. N-grams never cross a document or a dropped stopword: stopwords are removed before
pairing only at the n-gram's ends (so "bank of china" stays a trigram, "of the" is never one).
"""
from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from ..corpus.nltk_import import import_nltk
from .frequencies import _check_documents, corpus_tokenizer
from .tokens import Tokenizer

COLLOCATION_COLUMNS = {
    "ngram": "the words joined by spaces",
    "count": "occurrences of the n-gram",
    "pmi": "pointwise mutual information (log2 of observed over expected)",
    "llr": "log-likelihood ratio (Dunning)",
    "t_score": "Student's t-score (observed - expected) / sqrt(observed)",
}
COLLOCATE_COLUMNS = {
    "collocate": "term within the window around the node",
    "count": "co-occurrences within the window",
    "collocate_count": "occurrences of the collocate in the corpus",
    "left": "co-occurrences on the left of the node",
    "right": "co-occurrences on the right",
    "pmi": "log2(observed / expected), expected = collocate frequency × window slots / corpus tokens",
    "llr": "log-likelihood ratio of the same 2×2 table (NLTK BigramAssocMeasures)",
    "t_score": "(observed - expected) / sqrt(observed)",
}
_JOINERS = frozenset({"of", "for", "and", "de", "the", "in", "on", "to"})  # may sit inside a trigram


def _finders() -> dict:
    """n -> NLTK's collocation finder and association measures (NLTK imported on use: it takes about a second)."""
    import_nltk()
    from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures,
                                   TrigramCollocationFinder)

    return {2: (BigramCollocationFinder, BigramAssocMeasures), 3: (TrigramCollocationFinder, TrigramAssocMeasures)}


def _token_lists(documents: pd.DataFrame, tokenizer: Tokenizer) -> list[list[str]]:
    _check_documents(documents)
    return [tokenizer.tokens(t or "") for t in documents["text"]]


def collocations(documents: pd.DataFrame, *, n: int = 2, min_count: int = 3, by: str = "llr",
                 top_n: int | None = 25, tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """COLLOCATION_COLUMNS for n-grams (n = 2 or 3) seen at least `min_count` times, best `by` first."""
    if n not in (2, 3):
        raise ValueError(f"n must be 2 or 3, not {n!r}")
    if by not in ("pmi", "llr", "t_score", "count"):
        raise ValueError(f"by must be pmi, llr, t_score or count, not {by!r}")
    tok = tokenizer or corpus_tokenizer(documents)
    finder_cls, measures = _finders()[n]
    finder = finder_cls.from_documents(_token_lists(documents, tok))
    finder.apply_freq_filter(min_count)
    finder.apply_ngram_filter(lambda *words: not tok.is_term(words[0]) or not tok.is_term(words[-1]))
    if n == 3:  # a joining word may sit in the middle ("bank of china"), other stopwords may not
        finder.apply_ngram_filter(lambda w1, w2, w3: not tok.is_term(w2) and w2 not in _JOINERS)
    return scored_ngrams(finder, measures, by=by, top_n=top_n)


def bigram_collocations(bigrams: pd.DataFrame, words: pd.DataFrame, tokens: int, *, min_count: int = 3,
                        by: str = "llr", top_n: int | None = 25) -> pd.DataFrame:
    """COLLOCATION_COLUMNS from corpus totals instead of texts: `bigrams` [w1, w2, count] (adjacent terms),
    `words` [form, count] (term frequencies) and the corpus' `tokens` — the same scores as
    collocations(n=2) on the documents (see coopnews.scale.totals: "bigrams", "terms", "group_sizes")."""
    if by not in ("pmi", "llr", "t_score", "count"):
        raise ValueError(f"by must be pmi, llr, t_score or count, not {by!r}")
    import_nltk()
    from nltk import FreqDist

    finder_cls, measures = _finders()[2]
    word_fd = FreqDist(dict(zip(words["form"], words["count"])))
    ngram_fd = FreqDist(dict(zip(zip(bigrams["w1"], bigrams["w2"]), bigrams["count"])))
    finder = finder_cls(word_fd, ngram_fd)
    finder.N = int(tokens)  # every token, stopwords included, as from_documents counts them
    finder.apply_freq_filter(min_count)
    return scored_ngrams(finder, measures, by=by, top_n=top_n)


def scored_ngrams(finder, measures, *, by: str, top_n: int | None) -> pd.DataFrame:
    """COLLOCATION_COLUMNS for every n-gram a (filtered) NLTK finder holds, best `by` first."""
    scores = {name: dict(finder.score_ngrams(fn)) for name, fn in
              (("pmi", measures.pmi), ("llr", measures.likelihood_ratio), ("t_score", measures.student_t))}
    rows = [{"ngram": " ".join(g), "count": finder.ngram_fd[g], "pmi": scores["pmi"][g],
             "llr": scores["llr"][g], "t_score": scores["t_score"][g]} for g in scores["pmi"]]
    table = pd.DataFrame(rows, columns=list(COLLOCATION_COLUMNS))
    table = table.sort_values([by, "ngram"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return table.head(top_n) if top_n else table


def collocates(documents: pd.DataFrame, node: str, *, window: int = 5, min_count: int = 2, by: str = "llr",
               top_n: int | None = 25, tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """COLLOCATE_COLUMNS: terms within `window` tokens either side of `node` (a word or merged name)."""
    tok = tokenizer or corpus_tokenizer(documents)
    node = " ".join(tok.tokens(node))
    if not node:
        raise ValueError("collocates needs a node term with at least one word")
    left, right, freq = Counter(), Counter(), Counter()
    slots = node_count = n_tokens = 0
    for tokens in _token_lists(documents, tok):
        n_tokens += len(tokens)
        freq.update(tokens)
        for i, t in enumerate(tokens):
            if t != node:
                continue
            node_count += 1
            before, after = tokens[max(0, i - window):i], tokens[i + 1:i + 1 + window]
            slots += len(before) + len(after)
            left.update(w for w in before if tok.is_term(w) and w != node)
            right.update(w for w in after if tok.is_term(w) and w != node)
    rows = []
    for word in sorted(set(left) | set(right)):
        observed = left[word] + right[word]
        if observed < min_count:
            continue
        expected = freq[word] * slots / n_tokens
        rows.append({"collocate": word, "count": observed, "collocate_count": freq[word], "left": left[word],
                     "right": right[word], "pmi": math.log2(observed / expected),
                     "llr": _finders()[2][1].likelihood_ratio(min(observed, freq[word]), (slots, freq[word]),
                                                             max(n_tokens, slots + freq[word])),
                     "t_score": (observed - expected) / math.sqrt(observed)})
    table = pd.DataFrame(rows, columns=list(COLLOCATE_COLUMNS))
    table = table.sort_values([by, "collocate"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return table.head(top_n) if top_n else table
