"""What a normaliser knows besides its match: the text, the anchor (publication) date and the clause's tense,
and the anchor arithmetic the normalisers share (yearless months and days, "yesterday", "last Monday")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import calendar as cal
from .lexicon import WEEKDAYS
from .tense import direction


UNKNOWN_DAY = "XXXX-XX-XX"
# The value of a period relative to an unknown publication date ("last week" -> XXXX-WXX), by unit.
UNKNOWN_PERIOD = {"day": UNKNOWN_DAY, "night": UNKNOWN_DAY, "week": "XXXX-WXX", "fortnight": "XXXX-WXX",
                  "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX",
                  "decade": "XXX", "century": "XX", "hour": UNKNOWN_DAY, "minute": UNKNOWN_DAY, "second": UNKNOWN_DAY}


@dataclass
class Context:
    """What a normaliser needs besides its match: the text, the anchor date and the clause's tense."""

    text: str
    anchor: date | None
    precision: str | None
    start: int = 0
    end: int = 0
    _direction: int | None = field(default=None, repr=False)

    @property
    def direction(self) -> int:
        if self._direction is None:
            self._direction = direction(self.text, self.start, self.end)
        return self._direction

    def before(self, n: int = 25) -> str:
        return self.text[max(0, self.start - n):self.start].lower()


def day_anchor(ctx: Context) -> date | None:
    return ctx.anchor if ctx.anchor is not None and ctx.precision == "day" else None


def relative_year(anchor: date | None, phrase: str | None) -> int | None:
    if not phrase or anchor is None:
        return None
    p = phrase.lower()
    return anchor.year + (-1 if ("last" in p or "previous" in p) else 1 if ("next" in p or "following" in p) else 0)


# An explicitly written year ("in 2001", "Tech Week 2020"), not an amount ("$2001", "2,001", "2001 workers").
_WRITTEN_YEAR = re.compile(r"(?<![\d$£€#.,/-])(?:1[89]\d\d|20\d\d)(?![\d%]|[,.]\d|\s*(?:-|–)\s*\d|\s+(?:per|[a-z]+s)\b)")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def year_before(ctx: Context, *, same_sentence: bool = True, width: int = 250) -> int | None:
    """The last year written before the expression: in its sentence (or its line), or within `width`
    characters when `same_sentence` is False ("In 2001 ... Seven years later")."""
    lo = max(0, ctx.start - width)
    before = ctx.text[lo:ctx.start]
    if same_sentence:
        cut = None
        for cut in _SENTENCE_END.finditer(before):
            pass
        if cut:
            before = before[cut.end():]
    years = _WRITTEN_YEAR.findall(before)
    return int(years[-1]) if years else None


def yearless_year(ctx: Context, month: int, day: int | None) -> int | None:
    stated = year_before(ctx)
    if stated is not None:
        return stated  # "at Tech Week 2020 ... on June 23": the year written earlier in the sentence
    if ctx.anchor is None:
        return None
    return cal.month_year(ctx.anchor, month, day, ctx.direction)


def relative_day(word: str | None, ctx: Context, rel: str = ""):
    anchor = day_anchor(ctx)
    if not word:
        return None
    w = word.lower()
    if anchor is None:  # no publication date: the day cannot be known, a weekday's name still can (TIMEX3)
        if w in WEEKDAYS:
            return f"XXXX-WXX-{WEEKDAYS[w]}"
        return UNKNOWN_DAY if w in ("today", "tonight", "yesterday", "tomorrow") else None
    if w in ("today", "tonight"):
        return anchor
    if w == "yesterday":
        return anchor - timedelta(days=1)
    if w == "tomorrow":
        return anchor + timedelta(days=1)
    if w in WEEKDAYS:
        rel = rel.lower()
        if rel in ("last", "this past"):
            d = cal.weekday_date(anchor - timedelta(days=1), WEEKDAYS[w], -1)
            return d - timedelta(days=7) if rel == "last" and (anchor - d).days < 2 else d
        if rel in ("next", "this coming"):
            return cal.weekday_date(anchor + timedelta(days=1), WEEKDAYS[w], 1)
        return cal.weekday_date(anchor, WEEKDAYS[w], ctx.direction)
    return None
