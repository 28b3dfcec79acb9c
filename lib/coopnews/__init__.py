"""coopnews: study international city-to-city cooperation from news articles.

The public API, one module per stage: corpus (loading), keywords, timeline, partners, plots, reports.
"""
from .corpus import DOCUMENT_COLUMNS, SENTENCE_COLUMNS, Corpus, load_corpus

__version__ = "0.1.0"
__all__ = ["Corpus", "DOCUMENT_COLUMNS", "SENTENCE_COLUMNS", "load_corpus", "__version__"]
