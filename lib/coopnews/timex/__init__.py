"""Rule-based TIMEX3 tagger and normaliser for English news.

    extract_timexes("The forum was held on 24 June.", anchor="2021-07-01")
    # -> start, end, text, type (DATE|TIME|DURATION|SET), value (e.g. 2021-06-24)

Relative expressions are anchored on `anchor` (the publication date); a month or weekday without a year is
placed before or after the anchor by the tense of its clause. Without an anchor no year is invented: a
yearless date stays XXXX-MM-DD, "last year" becomes PAST_REF. Ranges ("November 16 to 18", "1921-1946")
give one expression per end point, as TimeML does.
"""
from __future__ import annotations

import re

import pandas as pd

from .calendar import parse_anchor
from .grammar import (COMPILED, DAY, FIRST_WORDS, MASTERS, NEXT_TOKEN, NUMBER_FOLLOW, NUMBER_WORD_FOLLOW, NUMBER_WORDS,
                      TOKEN, WEAK_FIRST_WORDS)
from .lexicon import MONTHS, WEEKDAYS
from .resolve import RESOLVERS, Context

TIMEX_COLUMNS = {
    "start": "character offset of the expression in the text",
    "end": "end offset (exclusive)",
    "text": "the expression as written",
    "type": "TIMEX3 type: DATE, TIME, DURATION or SET",
    "value": "TIMEX3 value: 2025-03-26, 2025-11, 2014, 199 (the 1990s), 2025-Q1, P3Y, PRESENT_REF, XXXX-11-07, ...",
}

_RULES = [(name, re.compile(rf"(?:{rx.pattern})(?![\w])", rx.flags), RESOLVERS[name]) for name, rx in COMPILED]
_RANGE_TAIL = re.compile(rf"\s*(?:-|–|—|to|and|until|through|till)\s*(?P<day>{DAY})(?![\w])(?!\s*(?:%|[-/]|\.\d))", re.IGNORECASE)
_DAY_RULES = {"date_mdy", "date_dmy", "day_range_head"}


def extract_timexes(text: str, *, anchor: str | None = None) -> pd.DataFrame:
    """Temporal expressions in `text` with their TIMEX3 type and value (TIMEX_COLUMNS)."""
    parsed = parse_anchor(anchor)
    ctx = Context(text, parsed[0] if parsed else None, parsed[1] if parsed else None)
    columns: dict[str, list] = {name: [] for name in TIMEX_COLUMNS}
    for row in _scan(text, ctx):
        for name, column in columns.items():
            column.append(row[name])
    return pd.DataFrame(columns)


def extract_timexes_many(texts, *, anchors=None) -> pd.DataFrame:
    """Temporal expressions of many texts in one table: column `doc` (position in `texts`) + TIMEX_COLUMNS."""
    texts = list(texts)
    anchors = list(anchors) if anchors is not None else [None] * len(texts)
    if len(anchors) != len(texts):
        raise ValueError(f"got {len(texts)} texts but {len(anchors)} anchors; give one anchor (or None) per text")
    columns: dict[str, list] = {"doc": [], **{name: [] for name in TIMEX_COLUMNS}}
    for i, (text, anchor) in enumerate(zip(texts, anchors)):
        parsed = parse_anchor(anchor)
        ctx = Context(text, parsed[0] if parsed else None, parsed[1] if parsed else None)
        for row in _scan(text, ctx):
            columns["doc"].append(i)
            for name in TIMEX_COLUMNS:
                columns[name].append(row[name])
    return pd.DataFrame(columns)


def _scan(text: str, ctx: Context):
    """Try the grammar where a word that can open an expression begins; keep the first accepted reading."""
    pos = 0
    masters = {kind: (rx.match, index) for kind, (rx, index) in MASTERS.items()}
    first_words, weak, follows = FIRST_WORDS, WEAK_FIRST_WORDS, NUMBER_FOLLOW.match
    number_words, word_follows = NUMBER_WORDS, NUMBER_WORD_FOLLOW.match
    for token in TOKEN.finditer(text):
        start = token.start()
        if start < pos:
            continue
        word = token.group()
        kind = "word"
        if word[0].isdigit():
            kind = "digit"
            if start > 1 and text[start - 1] in ",." and text[start - 2].isdigit():
                continue
            if not (len(word) == 4 and word[0] in "12") and not follows(text, token.end()):
                continue
        elif word[0] != "'":
            lower = word.lower()
            if lower in MONTHS:
                kind = "month"
            elif lower in WEEKDAYS:
                kind = "weekday"
            if lower in number_words:
                if not word_follows(text, token.end()):
                    continue
            elif lower in weak and not _next_could_continue(text, token.end()):
                continue
        match, index = masters[kind]
        m = match(text, start)
        if m is None:
            continue
        found = _resolve_at(text, start, index[m.lastindex - 1], ctx)
        if found is None:
            continue
        name, end, kind, value = found
        yield {"start": start, "end": end, "text": text[start:end], "type": kind, "value": value}
        pos = end
        if name in _DAY_RULES and kind == "DATE":
            tail = _range_tail(text, end, value)
            if tail:
                yield tail
                pos = tail["end"]


def _next_could_continue(text: str, end: int) -> bool:
    nxt = NEXT_TOKEN.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1)
    if word.lower() in ("the", "a", "an"):
        nxt = NEXT_TOKEN.match(text, nxt.end())
        if nxt is None:
            return False
        word = nxt.group(1)
    return word[0].isdigit() or word[0] == "'" or word.lower() in FIRST_WORDS


def _resolve_at(text: str, start: int, first: int, ctx: Context):
    """The first rule from index `first` on that matches at `start` and whose normaliser accepts it."""
    for name, rx, resolve in _RULES[first:]:
        rm = rx.match(text, start)
        if rm is None or rm.end() == start:
            continue
        end = rm.end()
        if text.endswith("'s", 0, end) or text.endswith("’s", 0, end):
            end -= 2
        ctx.start, ctx.end, ctx._direction = start, end, None
        result = resolve(rm.groupdict(), ctx)
        if result is not None and result[1]:
            return name, end, result[0], result[1]
    return None


def _range_tail(text: str, end: int, value: str):
    """The second day of 'November 16 to 18' as its own DATE, with the first day's month and year."""
    m = _RANGE_TAIL.match(text, end)
    if m is None or len(value) != 10:
        return None
    day = int(re.match(r"\d+", m.group("day")).group())
    first = int(value[8:10])
    if not first < day <= 31:
        return None
    return {"start": m.start("day"), "end": m.end("day"), "text": m.group("day"), "type": "DATE",
            "value": f"{value[:8]}{day:02d}"}
