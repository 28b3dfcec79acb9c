"""Sectors and themes named in a text, from the editable lexicon coopnews/data/sectors.yaml.

    sectors_in("They signed deals on biomedicine and AI software.")   # ['ai_software', 'biomedicine']
    sector_counts(corpus.documents)                                   # hits per document and sector
    sector_counts(corpus.documents, by="source")                      # hits per group and sector
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..data import load_data_yaml

_CJK = re.compile(r"[\u3400-\u9fff]")

SECTOR_COUNT_COLUMNS = {
    "doc_id": "document (or, with by=COLUMN, the group: that column's value, named after the column)",
    "sector": "sector name from the lexicon",
    "hits": "cue matches in the document's (or group's) text",
    "docs": "documents with at least one hit (1 or 0 per document)",
    "n_docs": "documents in the group (with by=COLUMN only)",
}


def load_lexicon(path: str | Path | None = None) -> dict[str, list[str]]:
    """Sector name -> cue list from `path` (default: coopnews/data/sectors.yaml)."""
    data, where = load_data_yaml("sectors.yaml", path)
    if not isinstance(data, dict) or not all(isinstance(v, list) and v for v in data.values()):
        raise ValueError(f"{where}: expected a mapping of sector name to a non-empty list of cues")
    if path is None:  # the packaged lexicon also has Chinese and French cues
        extra, _ = load_data_yaml("sectors_zh_fr.yaml")
        data = {k: [*v, *extra.get(k, [])] for k, v in data.items()}
    return {str(k): [str(c) for c in v] for k, v in data.items()}


def _cue_regex(cue: str) -> str:
    if _CJK.search(cue):  # Chinese words are not delimited by spaces
        return re.escape(cue)
    prefix = cue.endswith("*")
    words = [re.escape(w) for w in re.split(r"[\s\-]+", cue.rstrip("*").strip()) if w]
    body = r"[\s\-]+".join(words)
    tail = r"\w*" if prefix else r"(?:s|es)?"
    return rf"(?<![\w\-]){body}{tail}(?![\w])"


@lru_cache(maxsize=8)
def _compiled(frozen: tuple) -> list[tuple[str, re.Pattern, re.Pattern | None]]:
    """(sector, case-insensitive pattern, case-sensitive pattern for capitalised cues) per sector."""
    out = []
    for sector, cues in frozen:
        upper = [c for c in cues if c.isupper() or (c[:1].isdigit() and c.upper() == c)]
        lower = [c for c in cues if c not in upper]
        ci = re.compile("|".join(_cue_regex(c) for c in lower), re.IGNORECASE) if lower else None
        cs = re.compile("|".join(_cue_regex(c) for c in upper)) if upper else None
        out.append((sector, ci, cs))
    return out


@lru_cache(maxsize=1)
def _default_patterns():
    return _compiled(tuple((k, tuple(v)) for k, v in load_lexicon().items()))


def _patterns(lexicon: dict[str, list[str]] | None):
    """Compiled cues of `lexicon`; the packaged lexicon is read and compiled once per process."""
    if lexicon is None:
        return _default_patterns()
    return _compiled(tuple((k, tuple(v)) for k, v in lexicon.items()))


def sector_hits(text: str, *, lexicon: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Cue matches per sector in `text` (sectors without a match left out)."""
    hits = {}
    for sector, ci, cs in _patterns(lexicon):
        n = (len(ci.findall(text)) if ci else 0) + (len(cs.findall(text)) if cs else 0)
        if n:
            hits[sector] = n
    return hits


def sectors_in(text: str, *, lexicon: dict[str, list[str]] | None = None) -> list[str]:
    """Sector names found in `text`, most cue hits first, ties by name."""
    hits = sector_hits(text or "", lexicon=lexicon)
    return sorted(hits, key=lambda s: (-hits[s], s))


def sector_counts(documents: pd.DataFrame, *, by: str | None = None,
                  lexicon: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """SECTOR_COUNT_COLUMNS per document, or per value of column `by` (lists exploded)."""
    if by is not None and by not in documents.columns:
        raise ValueError(f"no column {by!r} in the documents table; choose one of {sorted(documents.columns)}")
    rows = [{"doc_id": doc_id, "sector": sector, "hits": n, "docs": 1}
            for doc_id, text in zip(documents["doc_id"], documents["text"])
            for sector, n in sector_hits(text or "", lexicon=lexicon).items()]
    per_doc = pd.DataFrame(rows, columns=["doc_id", "sector", "hits", "docs"])
    if by is None:
        return per_doc.sort_values(["doc_id", "hits", "sector"], ascending=[True, False, True]).reset_index(drop=True)
    groups = pd.DataFrame({"doc_id": documents["doc_id"].to_numpy(), by: documents[by].to_numpy()}).explode(by)
    groups = groups[groups[by].notna()]
    merged = per_doc.merge(groups, on="doc_id")
    table = merged.groupby([by, "sector"], as_index=False).agg(hits=("hits", "sum"), docs=("docs", "sum"))
    table["n_docs"] = table[by].map(groups.groupby(by)["doc_id"].nunique())
    return table.sort_values([by, "hits", "sector"], ascending=[True, False, True]).reset_index(drop=True)
