"""coopnews: study international city-to-city cooperation from news articles.

What the notebooks use, in one place (plots are in coopnews.plots):

    from coopnews import load_corpus, term_counts, events
    corpus = load_corpus("seeds")

The library is organised by stage: corpus (files to documents and sentences), terms (frequencies,
keyness, collocations, keyphrases), timeline (temporal expressions, dated events), partners (entities,
cooperation pairs, profiles); then cache (per-document results on disk), scale (the pipeline, local or on
Dask, corpus totals, the cached accessors), plots, reporting and the command line.
"""
from __future__ import annotations

import importlib
import sys

__version__ = "0.1.0"

# name -> the module defining it; imported on first use, so `import coopnews.corpus` loads no later package
_EXPORTS = {name: module for module, names in {
    "corpus.language": ["keep_languages"],
    "corpus.quality": ["date_sources", "duplicates_table", "quality_summary", "removed_summary"],
    "corpus.tables": ["Corpus", "DOCUMENT_COLUMNS", "SENTENCE_COLUMNS"],
    "partners.profiles": ["PartnerTables", "choose_partners", "cooccurrence_graph", "counterparts", "hubs",
                          "known_partners", "partner_keyness", "partner_mentions", "partner_profiles",
                          "partner_timeline", "sector_matrix", "side_by_side", "top_partners", "type_matrix"],
    "partners.registry": ["candidates", "load_registry"],
    "partners.relations": ["pair_counts"],
    "scale.access": ["entities", "events", "load_corpus", "pairs", "partner_tables", "timexes"],
    "terms.collocations": ["collocates", "collocations"],
    "terms.frequencies": ["term_counts", "term_frequencies"],
    "terms.keyness": ["groups_from_column", "keyness_by_group", "keyness_matrix"],
    "terms.keyphrases": ["keyphrases"],
    "terms.kwic": ["kwic", "kwic_html"],
    "terms.sectors": ["sector_counts"],
    "terms.trends": ["term_trends"],
    "timeline.coverage": ["merged_events"],
    "timeline.events": ["counts_per_year", "filter_events", "unknown_year"],
}.items() for name in names}
__all__ = sorted([*_EXPORTS, "__version__"])


def lazy_exports(package: str, exports: dict[str, str]):
    """(__getattr__, __dir__) for `package`, whose names `exports` (name -> submodule) are imported from their
    submodule on first use and then kept in the package (PEP 562). Used here and by coopnews.reporting."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str):
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *exports})

    return __getattr__, __dir__


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
