"""Words of a text as analysis terms: a compiled-regex tokenizer, stopwords, stems and multi-word names.

    tok = Tokenizer(names=find_names(texts))          # names = recurring capitalised sequences
    tok.terms("The Bank of China signed...")           # ['bank of china', 'signed', ...]
    group = stem_groups(counts)                        # {'signed': 'signed', 'signs': 'signed', ...}

The tokenizer is one compiled regex over lower-cased text (measured 10-15 MB/s on Reuters-21578, against
0.3-1.3 MB/s for NLTK's Treebank, NLTKWord, Toktok and WordPunct tokenizers: see bench/bench_keywords.py).
Words keep inner hyphens and apostrophes (city-led, don't); a possessive 's is dropped; numbers are
separate tokens ("4th" and "5G" stay whole) and are not terms unless asked. Stopwords are spaCy's English list (no model needed) plus
the news words in coopnews/data/stopwords-news.txt, and spaCy's Chinese and French lists (data/stopwords_zh_fr.yaml).
Chinese is cut into words by jieba (coopnews.corpus.chinese), so keyword statistics count words, not characters. Multi-word names are merged by NLTK's MWETokenizer.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


from ..corpus.chinese import words as chinese_words
from ..corpus.nltk_import import import_nltk
from ..corpus.sentences import corpus_sample
from ..data import load_data_yaml, load_word_list, one_of

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+|['’](?![sS]\b)[^\W\d_]+)*|\d+(?:[.,:]\d+)*[^\W_]*")
_NUMBER = re.compile(r"\d")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CAP = r"[A-Z][\w’'\-.&]*[\w&]|[A-Z]"
_NAME = re.compile(rf"(?<![\w’'])(?:{_CAP})(?:[ \t]+(?:(?:of|for|and|de|du|des|la|le|the|&)[ \t]+)*(?:{_CAP}))+")
_WORDS, _ = load_data_yaml("names.yaml")  # data/names.yaml: the word lists below, editable
_LEADING = re.compile(rf"^(?:(?:{one_of(_WORDS['leading_words'].split())})\.?\s+)+")
_POSSESSIVE = re.compile(r"['’][sS]\b")
_JOINER = re.compile(r"\s(?:and|&)\s")
_MONTHS = frozenset(_WORDS["never_in_names"].split())



@lru_cache(maxsize=1)
def _stemmer():
    """NLTK's English Snowball stemmer, imported on first use (NLTK takes about a second to import)."""
    import_nltk()
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=4)
def load_stopwords(path: str | None = None) -> frozenset[str]:
    """spaCy's English stopwords plus the news words in data/stopwords-news.txt (or the file at `path`)."""
    english = spacy_stop_words("en")
    if path is not None and not Path(path).is_file():
        raise FileNotFoundError(f"stopword file not found: {path} (give a text file with one word a line)")
    words = load_word_list("stopwords-news.txt", path)
    return frozenset({w.replace("'", "’") for w in english} | english | words | _chinese_french_stopwords())


@lru_cache(maxsize=1)
def _chinese_french_stopwords() -> frozenset[str]:
    """spaCy's Chinese and French stopwords (less French words that are English words too) and the news words
    of data/stopwords_zh_fr.yaml."""
    data, _ = load_data_yaml("stopwords_zh_fr.yaml")
    FRENCH, CHINESE = spacy_stop_words("fr"), spacy_stop_words("zh")
    french = (set(FRENCH) | set(data["french"])) - set(data["french_words_also_english"])
    return frozenset(set(CHINESE) | set(data["chinese"]) | french | {w.replace("'", "’") for w in french})


@lru_cache(maxsize=None)
def spacy_stop_words(lang: str) -> frozenset[str]:
    """spaCy's stopword list of language `lang`, read from spacy/lang/<lang>/stop_words.py alone: importing it
    the usual way imports spaCy (about a second) and runs the language package first (spacy.lang.fr compiles
    its tokenizer exceptions: 6 s)."""
    import importlib.util

    spacy = importlib.util.find_spec("spacy")  # where spaCy is installed, without importing it
    path = Path(spacy.origin).parent / "lang" / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"coopnews_stop_words_{lang}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


def tokenize(text: str) -> list[str]:
    """Lower-cased word and number tokens of `text`; Chinese runs are cut into words by jieba."""
    tokens = _TOKEN.findall(text.lower())
    if not _CJK.search(text):
        return tokens
    return [w for t in tokens for w in (chinese_words(t) if _CJK.search(t) else (t,))]


def stem(word: str) -> str:
    """Snowball (Porter 2) stem of one lower-cased word; multi-word names are kept whole."""
    return word if " " in word else _cached_stem(word)


@lru_cache(maxsize=200_000)
def _cached_stem(word: str) -> str:
    return _stemmer().stem(word)


def find_names(texts: Iterable[str], *, min_count: int = 2, max_words: int = 6,
               extra: Iterable[str] = ()) -> list[str]:
    """Lower-cased multi-word names (capitalised word sequences seen `min_count` times) plus `extra`.

    Every capitalised run ("the Foundation Sophia Antipolis and ...") is split at and/&, and each
    sub-sequence that starts and ends with a capitalised word counts; a name is dropped when a longer
    kept name contains it and is as frequent (so "sophia antipolis" stays only if it also occurs alone).
    """
    counts: Counter[str] = Counter()
    for text in texts:
        for match in _NAME.finditer(text):
            for part in _JOINER.split(_POSSESSIVE.split(match.group())[0]):
                counts.update(_name_spans(_LEADING.sub("", part), max_words))
    kept = {name: n for name, n in counts.items() if n >= min_count}
    dominated = set()
    for other, m in kept.items():
        words = other.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                inner = " ".join(words[i:j])
                if inner != other and kept.get(inner, m + 1) <= m:
                    dominated.add(inner)
    found = set(kept) - dominated
    found.update(" ".join(tokenize(name)) for name in extra if len(tokenize(name)) >= 2)
    return sorted(found)


def corpus_names(texts: Iterable[str], *, min_count: int = 2, extra: Iterable[str] = ()) -> list[str]:
    """The multi-word names of a corpus: find_names over its first SAMPLE_CHARS characters (the sample its
    sentence splitter learns from), so notebooks and the terms stage merge the same names."""
    return find_names(corpus_sample(texts), min_count=min_count, extra=extra)


def _name_spans(run: str, max_words: int) -> set[str]:
    """Lower-cased sub-sequences of a capitalised run that start and end with a capitalised non-stopword."""
    stop = load_stopwords()
    words = _TOKEN.findall(run)
    ok = [w[:1].isupper() and w.lower() not in stop and w.lower() not in _MONTHS and not w[0].isdigit()
          for w in words]
    spans = set()
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + max_words) + 1):
            if ok[i] and ok[j - 1] and all(not words[k][0].isdigit() for k in range(i, j)):
                spans.add(" ".join(w.lower() for w in words[i:j]))
    return spans


class Tokenizer:
    """Text → lower-cased terms: regex tokens, names merged, stopwords/numbers/short words dropped."""

    def __init__(self, *, names: Iterable[str] = (), stopwords: Iterable[str] | None = None,
                 keep_numbers: bool = False, min_length: int = 2):
        self.names = sorted({n.lower() for n in names})
        self.stopwords = load_stopwords() if stopwords is None else frozenset(w.lower() for w in stopwords)
        self.keep_numbers = keep_numbers
        self.min_length = min_length
        self._seen: set[str] = set()
        self._not_terms: set[str] = set()
        import_nltk()
        from nltk.tokenize import MWETokenizer  # imported on use: NLTK takes about a second to import

        self._mwe = MWETokenizer([tuple(tokenize(n)) for n in self.names], separator=" ") if self.names else None

    def tokens(self, text: str) -> list[str]:
        """Every token of `text` in order (names merged), stopwords included."""
        toks = tokenize(text)
        return self._mwe.tokenize(toks) if self._mwe else toks

    def is_term(self, token: str) -> bool:
        """Whether a token counts as a term (not a stopword, number or too short)."""
        if token in self.stopwords or len(token) < self.min_length:
            return False
        return self.keep_numbers or not token[0].isdigit()

    def terms(self, text: str) -> list[str]:
        """The terms of `text` in order."""
        return [t for t in self.tokens(text) if self.is_term(t)]

    def term_counts(self, text: str) -> Counter[str]:
        """How often each term occurs in `text` (fast path: count tokens, then filter each type once)."""
        counts = Counter(self.tokens(text))
        for t in set(counts).difference(self._seen):  # each word type is judged once per tokenizer
            self._seen.add(t)
            if not self.is_term(t):
                self._not_terms.add(t)
        for t in self._not_terms.intersection(counts):
            del counts[t]
        return counts


def stem_groups(counts: dict[str, int] | Counter, stems: dict[str, str] | None = None) -> dict[str, str]:
    """Map each word form to the most frequent form sharing its stem (ties: alphabetical). `stems`: the
    forms' stems when already known (the cached terms stage stores them), else each form is stemmed."""
    stem_of = stems.__getitem__ if stems is not None else stem
    best: dict[str, tuple[int, str]] = {}
    for form, n in counts.items():
        key = stem_of(form)
        current = best.get(key)
        if current is None or (n, _neg(form)) > (current[0], _neg(current[1])):
            best[key] = (n, form)
    return {form: best[stem_of(form)][1] for form in counts}


def _neg(form: str) -> tuple:
    """Sort key making alphabetically earlier forms compare larger."""
    return tuple(-ord(c) for c in form)
