"""Normaliser of deictic references: "today", "now", "recently", "the future" -> a date or PRESENT/PAST/FUTURE_REF."""
from __future__ import annotations

import re

from .context import Context, day_anchor, relative_day

_LETTERS = re.compile(r"[A-Za-z]+")
_SPACES = re.compile(r"\s+")
# "current account", "current rate": the adjective, not the present.
_NOT_TIME_CURRENT = re.compile(r"\s+(?:account|affairs|events|flowing|flow|rate|speed)")


def _in_a_name(ctx: Context) -> bool:
    """A capitalised word inside a sentence ('Invest in the Future', 'VOA Today') is part of a name."""
    words = _LETTERS.findall(ctx.text, ctx.start, ctx.end)
    last = words[-1] if words else ""
    before = ctx.text[max(0, ctx.start - 3):ctx.start].strip()
    opening = not before or before[-1] in ".!?\"“‘'(\n:"
    return bool(last) and last[0].isupper() and not (opening and len(words) == 1) and last not in ("I",)


def deictic(g: dict, ctx: Context):
    word = _SPACES.sub(" ", g["word"].lower())
    if _in_a_name(ctx):
        return None
    anchor = day_anchor(ctx)
    if word in ("today", "yesterday", "tomorrow"):
        day = relative_day(word, ctx)
        if day is None:
            return "DATE", "PRESENT_REF" if word == "today" else ("PAST_REF" if word == "yesterday" else "FUTURE_REF")
        return "DATE", day.isoformat()
    if word in ("now", "right now", "currently", "nowadays", "at present", "presently", "these days", "the present",
                "current", "the time being", "time being"):
        if word == "current" and _NOT_TIME_CURRENT.match(ctx.text[ctx.end:ctx.end + 9].lower()):
            return None
        return "DATE", "PRESENT_REF"
    if word in ("recently", "lately", "previously", "formerly", "the past", "in the past", "recent"):
        return "DATE", "PAST_REF"
    if word == "as soon as possible":
        return "DATE", "FUTURE_REF"
    if "term" in word:
        return "DATE", "FUTURE_REF" if ("long" in word or "medium" in word) else "PRESENT_REF"
    _ = anchor
    return "DATE", "FUTURE_REF"
