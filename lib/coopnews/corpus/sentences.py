"""Sentences with character offsets (NLTK Punkt) and word counts.

Punkt's pre-trained English tables are NLTK data, which a fresh machine lacks and no registry package
ships; when they are installed we use them, otherwise Punkt is trained on the corpus itself and
seeded with the abbreviations in coopnews/data/abbreviations.txt. The trained parameters are stored
with the corpus cache, so a grown corpus keeps the same sentence boundaries for its old documents.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache

from typing import TYPE_CHECKING

from ..data import load_word_list
from .nltk_import import import_nltk

if TYPE_CHECKING:  # NLTK is imported where Punkt is used: importing it costs about a second
    from nltk.tokenize.punkt import PunktParameters

SAMPLE_CHARS = 1_000_000  # a corpus' models (Punkt parameters, multi-word names) learn from its first characters
_PARAGRAPH = re.compile(r"[^\n]+")
# Chinese sentences end in 。！？ or, in web text stored with ASCII punctuation, in ! ? or a "." before a Chinese
# character or the end of the paragraph (never inside "3.5亿").
_CJK_SENTENCE = re.compile(r"(?:[^。！？!?.]|\.(?![\u3400-\u9fff“”\"]|\s*$))+(?:[。！？!?]+|\.|$)[”」』\"]?")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[\u3400-\u9fff]|[^\W_\u3400-\u9fff]+(?:['’\-][^\W_\u3400-\u9fff]+)*")


def count_words(text: str) -> int:
    """Words in `text`: runs of letters/digits (with inner apostrophes or hyphens); one per CJK character."""
    return sum(1 for _ in _WORD.finditer(text))


def corpus_sample(texts: Iterable[str], *, max_chars: int = SAMPLE_CHARS) -> list[str]:
    """The first texts of a corpus up to `max_chars` characters (the last one whole): what its models learn from.
    Reads no further than it needs from an iterator."""
    sample, seen = [], 0
    for text in texts:
        sample.append(text)
        seen += len(text)
        if seen >= max_chars:
            break
    return sample


@lru_cache(maxsize=1)
def default_abbreviations() -> frozenset[str]:
    """Lower-cased abbreviations (without the final period) that Punkt should never end a sentence on."""
    return load_word_list("abbreviations.txt")


def _pretrained_english() -> PunktParameters | None:
    """NLTK's own English Punkt tables, if the user has installed the punkt_tab data."""
    import_nltk()
    try:
        from nltk.tokenize.punkt import PunktTokenizer

        return PunktTokenizer("english")._params
    except (LookupError, OSError, ImportError):
        return None


# the fields of SentenceSplitter.to_json, which from_json reads back
PARAMETER_FIELDS = ("origin", "abbrev_types", "collocations", "sent_starters", "ortho_context")


# a sentence end a web page lost its space after ("at a meeting on May 27.Talking to ...", "said.The mayor"): two
# lower-case letters or a digit, the stop, then a capitalised word ("St.Louis", "U.S.Army" are no end)
_GLUED_END = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=\d\.)(?=[A-Z][a-z]{2})")


def _unglued(chunk: str, pieces) -> list[tuple[int, int]]:
    """Punkt's (start, end) pieces of `chunk`, each cut again where a sentence end lost its space (_GLUED_END)."""
    out = []
    for start, end in pieces:
        for cut in _GLUED_END.finditer(chunk, start, end):
            if cut.start() > start:
                out.append((start, cut.start()))
                start = cut.start()
        out.append((start, end))
    return out


_CAPITALS_LINE = re.compile(r"^[^a-z\n]*[A-Z][^a-z\n]*$")  # a line with no lower-case letter: a headline
# a section label in brackets opening a paragraph ("[Relations with Beijing] Beijing and Phnom Penh became ..."): a
# heading of its own, not the sentence's subject
_BRACKET_HEADING = re.compile(r"\[[^\[\]\n]{1,80}\](?=\s+[A-Z“\"])")


class SentenceSplitter:
    """Splits text into sentence spans: paragraphs (lines) first, then Punkt inside each."""

    def __init__(self, params: PunktParameters, *, origin: str):
        self.params = params
        self.origin = origin  # "nltk punkt_tab" or "trained on N chars"
        import_nltk()
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        self._punkt = PunktSentenceTokenizer(params)

    @classmethod
    def for_texts(cls, texts: Iterable[str], *, max_chars: int = SAMPLE_CHARS) -> SentenceSplitter:
        """Pretrained English tables if installed, else Punkt trained on (the first `max_chars` of) `texts`."""
        pretrained = _pretrained_english()
        if pretrained is not None:
            return cls(pretrained, origin="nltk punkt_tab (english)")
        sample = corpus_sample(texts, max_chars=max_chars)  # enough to learn the corpus' abbreviations
        seen = sum(map(len, sample))
        import_nltk()
        from nltk.tokenize.punkt import PunktTrainer

        shipped = default_abbreviations()

        class SeededTrainer(PunktTrainer):
            """Knows the shipped abbreviations while it learns, so that the word after one ("St. Petersburg",
            "Gov. Newsom") is not learnt as a sentence's first word, which would later end a sentence on them."""

            def _reclassify_abbrev_types(self, types):
                return (found for found in super()._reclassify_abbrev_types(types) if found[0] not in shipped)

        trainer = SeededTrainer()
        trainer.INCLUDE_ALL_COLLOCS = True
        trainer._params.abbrev_types.update(shipped)
        trainer.train("\n\n".join(sample), finalize=False)
        trainer.finalize_training()
        params = trainer.get_params()
        params.abbrev_types.update(shipped)
        return cls(params, origin=f"punkt trained on {seen:,} chars + shipped abbreviations")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every sentence in `text`, in order; never crosses a line break; a line printed in
        capitals (a wire headline) is one sentence, whatever abbreviations it holds."""
        out = []
        for para in _PARAGRAPH.finditer(text):
            base, chunk = para.start(), para.group()
            if re.search(r"[。！？]", chunk) or len(_CJK_CHAR.findall(chunk)) * 3 > len(chunk):
                pieces = ((m.start(), m.end()) for m in _CJK_SENTENCE.finditer(chunk))
            elif _CAPITALS_LINE.match(chunk):
                pieces = [(0, len(chunk))]  # a wire headline: "NIPPON MINING PLANS MORE U.S. JOINT VENTURES"
            else:
                heading = _BRACKET_HEADING.match(chunk)
                cut = heading.end() if heading else 0
                pieces = [(0, cut)] * bool(cut) + [
                    (cut + a, cut + b) for a, b in _unglued(chunk[cut:], self._punkt.span_tokenize(chunk[cut:]))]
            for start, end in pieces:
                piece = chunk[start:end]
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece) - len(piece.rstrip())
                if end - trail > start + lead:
                    out.append((base + start + lead, base + end - trail))
        return out

    def to_json(self) -> str:
        """The parameters as JSON, to store beside the cache."""
        p = self.params
        return json.dumps(
            {
                "origin": self.origin,
                "abbrev_types": sorted(p.abbrev_types),
                "collocations": sorted(list(c) for c in p.collocations),
                "sent_starters": sorted(p.sent_starters),
                "ortho_context": sorted(p.ortho_context.items()),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, payload: str) -> SentenceSplitter:
        data = json.loads(payload)
        import_nltk()
        from nltk.tokenize.punkt import PunktParameters

        params = PunktParameters()
        params.abbrev_types = set(data["abbrev_types"])
        params.collocations = {tuple(c) for c in data["collocations"]}
        params.sent_starters = set(data["sent_starters"])
        for key, value in data["ortho_context"]:
            params.ortho_context[key] = value
        return cls(params, origin=data["origin"])

    def fingerprint(self) -> str:
        """A short hash of the parameters: part of every cached row's key."""
        return hashlib.sha1(self.to_json().encode("utf-8")).hexdigest()[:12]
