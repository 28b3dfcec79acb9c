"""Rule-based TIMEX3 tagger and normaliser for English news (Chinese and French: `language="zh"|"fr"`).

    extract_timexes("The forum was held on 24 June.", anchor="2021-07-01")
    # -> start, end, text, type (DATE|TIME|DURATION|SET), value (e.g. 2021-06-24)
    extract_timexes_many(texts, anchors=dates)  # many texts, one table with a `doc` column (much faster)

Relative expressions are anchored on `anchor` (the publication date); a month or weekday without a year is
placed before or after the anchor by the tense of its clause, unless a year is written earlier in its sentence.
Without an anchor no date is invented: what cannot be known stays X at its unit (a yearless date XXXX-MM-DD,
"last year" XXXX, "next week" XXXX-WXX, "Monday" XXXX-WXX-1, "today" XXXX-XX-XX). Ranges ("November 16 to 18", "1921-1946")
give one expression per end point, as TimeML does.
"""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from .calendar import parse_anchor
from .resolve import Context
from . import fr, zh

LANGUAGE_TAGGERS = {"zh": zh.scan, "fr": fr.scan}  # documents.language -> tagger; others: English

TIMEX_COLUMNS = {
    "start": "character offset of the expression in the text",
    "end": "end offset (exclusive)",
    "text": "the expression as written",
    "type": "TIMEX3 type: DATE, TIME, DURATION or SET",
    "value": "TIMEX3 value: 2025-03-26, 2025-11, 2014, 199 (the 1990s), 2025-Q1, P3Y, PRESENT_REF, XXXX-11-07, ...",
}
MANY_COLUMNS = {"doc": "position of the text in `texts`", **TIMEX_COLUMNS}


def extract_timexes(text: str, *, anchor: str | None = None, language: str | None = None) -> pd.DataFrame:
    """Temporal expressions in `text` with their TIMEX3 type and value (TIMEX_COLUMNS); `language` (ISO 639-1,
    as in documents.language) picks the Chinese or French tagger, anything else the English one."""
    out = ([], [], [], [], [])
    _scan(text, anchor, language, out)
    return _frame(TIMEX_COLUMNS, out)


def timex_rows(text: str, *, anchor: str | None = None, language: str | None = None) -> list[tuple]:
    """extract_timexes' rows as (start, end, text, type, value) tuples, without building a table (for code
    looping over one document's expressions, where the table would cost more than the scan)."""
    out = ([], [], [], [], [])
    _scan(text, anchor, language, out)
    return list(zip(*out))


def extract_timexes_many(texts, *, anchors=None, languages=None) -> pd.DataFrame:
    """Temporal expressions of many texts in one table (MANY_COLUMNS: `doc`, then TIMEX_COLUMNS)."""
    texts = list(texts)
    anchors = list(anchors) if anchors is not None else [None] * len(texts)
    languages = list(languages) if languages is not None else [None] * len(texts)
    if len(anchors) != len(texts) or len(languages) != len(texts):
        raise ValueError(f"got {len(texts)} texts but {len(anchors)} anchors and {len(languages)} languages; "
                         "give one anchor (or None) and one language (or None) per text")
    out = ([], [], [], [], [])
    docs = []
    for i, (text, anchor, language) in enumerate(zip(texts, anchors, languages)):
        docs.extend([i] * _scan(text, anchor, language, out))
    return _frame(MANY_COLUMNS, (docs, *out))


def _scan(text: str, anchor, language, out) -> int:
    if language in LANGUAGE_TAGGERS:
        ctx = _context(text, anchor)
        return LANGUAGE_TAGGERS[language](text, ctx.anchor, ctx.precision, out)
    return _english_scanner()(text, _context(text, anchor), out)


@functools.cache
def _english_scanner():
    """coopnews.timeline.timex.scanner.scan, imported on first use: importing it compiles the grammar's
    regexes (about 0.5 s), which a command that only reads cached tables does not need."""
    from .scanner import scan

    return scan


@functools.lru_cache(maxsize=4096)
def _parsed_anchor(anchor: str | None):
    return parse_anchor(anchor)


def _context(text: str, anchor) -> Context:
    parsed = _parsed_anchor(anchor) if anchor is None or type(anchor) is str else parse_anchor(anchor)
    return Context(text, parsed[0] if parsed else None, parsed[1] if parsed else None)


_STR = pd.DataFrame({"s": ["x"]})["s"].dtype  # pandas' default string dtype, as pd.DataFrame(lists) infers it
_INDEXES: dict[tuple, pd.Index] = {}


def _strings(values: list[str]):
    """A pandas array of dtype _STR (from one pyarrow conversion when that is its storage)."""
    if getattr(_STR, "storage", None) == "pyarrow":
        import pyarrow as pa

        return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_STR)
    return pd.array(values, dtype=_STR)


def _frame(columns: dict, data: tuple) -> pd.DataFrame:
    """The table of `data` (integer columns, then the three string columns) under `columns`: what
    pd.DataFrame(dict of lists) gives, built from typed arrays (pandas' inference dominates a per-document call)."""
    names = tuple(columns)
    n_int = len(names) - 3
    arrays = [np.array(values, dtype=np.int64) for values in data[:n_int]] + [_strings(v) for v in data[n_int:]]
    if names not in _INDEXES:
        _INDEXES[names] = pd.Index(names)
    try:
        return pd.DataFrame._from_arrays(arrays, columns=_INDEXES[names], index=pd.RangeIndex(len(arrays[0])),
                                         verify_integrity=False)
    except (AttributeError, TypeError):  # a pandas without this constructor: the public (slower) one
        return pd.DataFrame(dict(zip(names, arrays)))
