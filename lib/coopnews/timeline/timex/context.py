"""What a normaliser knows besides its match: the text, the anchor (publication) date and the clause's tense,
and the anchor arithmetic the normalisers share (yearless months and days, "yesterday", "last Monday")."""
from __future__ import annotations

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


def yearless_year(ctx: Context, month: int, day: int | None) -> int | None:
    if ctx.anchor is None:
        return None
    return cal.month_year(ctx.anchor, month, day, ctx.direction)


def relative_day(word: str | None, ctx: Context, rel: str = ""):
    anchor = day_anchor(ctx)
    if not word:
        return None
    w = word.lower()
    if anchor is None:  # no publication date: the day cannot be known
        return UNKNOWN_DAY if w in WEEKDAYS or w in ("today", "tonight", "yesterday", "tomorrow") else None
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
