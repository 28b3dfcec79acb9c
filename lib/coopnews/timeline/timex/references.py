"""Normaliser of deictic references: "today", "now", "recently", "the future" -> a date or PRESENT/PAST/FUTURE_REF."""
from __future__ import annotations

import re

from .context import Context, day_anchor, relative_day
from .fields import duration_value, unit_name
from .lexicon import FUTURE_NOUN_FOLLOWERS

_LETTERS = re.compile(r"[A-Za-z]+")
_SPACES = re.compile(r"\s+")
# "current account", "current rate": the adjective, not the present.
_PRESENT_TODAY = re.compile(r"\b(?:up\s+to|until|till|to\s+this)\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_NUMBER_NEXT = re.compile(r"\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|few|several|many|couple)\b)")
_NOT_TIME_CURRENT = re.compile(r"\s+(?:account|affairs|events|flowing|flow|rate|speed)")


def _in_a_name(ctx: Context) -> bool:
    """A capitalised word inside a sentence ('Invest in the Future', 'VOA Today') is part of a name; one word after a
    sentence's start, a colon or a dateline's dash opens the sentence."""
    words = _LETTERS.findall(ctx.text, ctx.start, ctx.end)
    last = words[-1] if words else ""
    before = ctx.text[max(0, ctx.start - 3):ctx.start].strip()
    opening = not before or before[-1] in ".!?\"“‘'(\n:-–—"  # "PETALING JAYA - Today, ...": a dateline's dash
    return bool(last) and last[0].isupper() and not (opening and len(words) == 1) and last not in ("I",)


def _future_noun(word: str, ctx: Context):
    """'the future' (the noun, capitalised in a title too) is FUTURE_REF; the adjective ('future cooperation',
    'the future owner', 'current policies') is not tagged; a bare 'future' only in 'in future'."""
    nxt = _NEXT_WORD.match(ctx.text, ctx.end)
    if nxt and nxt.group(1) not in FUTURE_NOUN_FOLLOWERS:
        return None
    if word == "current":
        return "DATE", "PRESENT_REF"
    if word == "future" and not ctx.before(4).endswith("in "):
        return None
    return "DATE", "FUTURE_REF"


def deictic(g: dict, ctx: Context):
    word = _SPACES.sub(" ", g["word"].lower())
    if word in ("future", "the future", "current"):
        return _future_noun(word, ctx)
    if _in_a_name(ctx):
        return None
    if word == "present":
        return ("DATE", "PRESENT_REF") if ctx.before(3) == "at " else None  # "at present"; not "present" alone
    if word == "soon" and ctx.before(3).endswith("as "):
        return None  # "as soon as they land": a conjunction
    if word == "the past" and _NUMBER_NEXT.match(ctx.text, ctx.end):
        return None  # "the past two polls": a modifier of what follows
    anchor = day_anchor(ctx)
    if word == "today" and anchor is None and _PRESENT_TODAY.search(ctx.before(12)) and ctx.text[ctx.end:ctx.end + 1] != "'":
        return "DATE", "PRESENT_REF"  # "up to today": the present age, not a day
    if word in ("today", "yesterday", "tomorrow"):
        day = relative_day(word, ctx)
        return "DATE", day if isinstance(day, str) else day.isoformat()
    if word in ("now", "right now", "currently", "nowadays", "at present", "presently", "these days", "the present",
                "current", "the time being", "time being"):
        if word == "current" and _NOT_TIME_CURRENT.match(ctx.text[ctx.end:ctx.end + 9].lower()):
            return None
        return "DATE", "PRESENT_REF"
    if word in ("recently", "lately", "previously", "formerly", "the past", "in the past", "recent"):
        return "DATE", "PAST_REF"
    if word.endswith(" ahead") and not word.endswith("s ahead"):  # "the decade ahead": the next one, a span
        return "DURATION", duration_value(1, unit_name(word.split()[1])).replace("P10Y", "P1DE")
    if word == "as soon as possible":
        return "DATE", "FUTURE_REF"
    if "term" in word:
        return "DATE", "FUTURE_REF" if ("long" in word or "medium" in word) else "PRESENT_REF"
    _ = anchor
    return "DATE", "FUTURE_REF"
