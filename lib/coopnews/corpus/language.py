"""Language of a document with py3langid (its model ships inside the package, so it works offline)."""
from __future__ import annotations

from functools import lru_cache

# langid's finer Chinese labels fold into zh; unknown short texts come back as "und".
_FOLD = {"wuu": "zh", "yue": "zh", "nan": "zh", "hak": "zh", "gan": "zh", "cmn": "zh"}
_SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_chars: int = 20) -> tuple[str, float]:
    """(ISO 639-1 code, probability) for `text`; ('und', 0.0) when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < min_chars:
        return "und", 0.0
    code, prob = _identifier().classify(sample)
    return _FOLD.get(code, code), round(float(prob), 4)


def keep_languages(corpus, languages):
    """The corpus restricted to documents in `languages` (ISO 639-1 codes as in documents.language); all of it
    when `languages` is empty."""
    if not languages:
        return corpus
    wanted = {str(code).lower() for code in languages}
    docs = corpus.documents
    return corpus.subset(docs.loc[docs["language"].isin(wanted), "doc_id"])
