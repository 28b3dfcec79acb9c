"""Normalisers of durations ("three years", "a 10-year plan") and sets ("every Monday", "twice a week", "daily")."""
from __future__ import annotations

import re

from .context import Context
from .fields import duration_value, month_number, unit_name
from .lexicon import DAY_PARTS, SETS, UNITS, WEEKDAYS, number_value

_RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|\bto\b|\bor\b)\s*")
# Bare plural units ("years") are a duration only after one of these words ("for years", "in recent months").
_PLURAL_CUE = re.compile(r"\b(?:for|over|in|within|recent|past|last|take|takes|took|taking)\s+$")
_AWAY = re.compile(r"\s+away\b")
_AFTER_A_WORD = re.compile(r"[A-Za-z]\s+$")
# "100,000 cars a year", "1.7 trillion cigarettes a year": "a year" after a quantity is a rate (SET)
_RATE_AFTER = re.compile(r"(?:\d|\b(?!(?:is|was|as|has|its|this|plus|less|yes|thus|perhaps|whereas|always|years|months|weeks|days|hours)\b)"
                         r"[a-z]{3,}s)\s*$")
_AGE = re.compile(r"\s+old\b")


def duration(g: dict, ctx: Context):
    unit = unit_name(g["unit"])
    if unit not in UNITS:
        return None
    raw_num = g.get("num")
    plural = g["unit"].lower().endswith("s") and not g["unit"].lower().endswith("ss")
    if raw_num:
        parts = _RANGE_SEPARATOR.split(raw_num.strip())
        num = number_value(parts[0]) if len(parts) == 1 else None
        if len(parts) == 1 and num is None and not plural:
            return None
    else:
        num = None if plural else 1
        if not plural and not g.get("span"):
            return None
        if plural and not g.get("span") and not (_PLURAL_CUE.search(ctx.before(8)) or _AWAY.match(ctx.text, ctx.end)):
            return None
    if raw_num and raw_num.strip().lower() in ("a", "an") and plural:
        return None
    if raw_num and raw_num.strip().lower() in ("a", "an") and not (g.get("span") or g.get("qmod")) \
            and _RATE_AFTER.search(ctx.before(20)):
        return "SET", duration_value(1, unit)
    if unit == "weekend" or _AGE.match(ctx.text, ctx.end, ctx.end + 5):
        return None  # "52 years old" is an age
    if raw_num and raw_num.strip().lower() == "a" and unit == "second":
        return None
    span = (g.get("span") or "").lower()
    if not raw_num and not plural and span in ("first", "second", "third") and not g.get("ofyear"):
        return None  # "the first year of operation": an ordinal, not an amount of time
    if not raw_num and not plural and span in ("past", "last", "next", "coming", "previous", "following", "same"):
        return None  # "the past year" is handled by the relative rule
    if span == "past" and not raw_num and unit in ("decade", "century"):
        return "DURATION", duration_value(1, unit)
    if span == "recent" and not raw_num and ctx.text[ctx.start:ctx.start + 4].lower() != "the ":  # "recent years": the recent past; "recent weeks": a vague span
        return ("DATE", "PAST_REF") if unit in ("year", "month", "decade") else ("DURATION", duration_value(None, unit))
    return "DURATION", duration_value(num, unit)


def adj_duration(g: dict, ctx: Context):
    unit = unit_name(g["unit"])
    num = 0.5 if g["num"].lower() == "half" else number_value(g["num"])
    if num is None or unit not in UNITS or unit == "weekend" or g.get("old"):
        return None  # "a 6-year-old boy" is an age, not a duration
    return "DURATION", duration_value(num, unit)


def set_(g: dict, ctx: Context):
    if g.get("adv"):
        if g["adv"][0].isupper() and _AFTER_A_WORD.search(ctx.text, max(0, ctx.start - 3), ctx.start):
            return None  # "China Daily", "Business Weekly": a title
        return "SET", SETS[g["adv"].lower()]
    if g.get("part"):  # "every morning"
        return "SET", f"XXXX-XX-XXT{DAY_PARTS[g['part'].lower()]}"
    if g.get("weekends"):
        return "SET", "XXXX-WXX-WE"
    if g.get("per"):
        unit = unit_name(g["unit3"])
        return ("SET", duration_value(1, unit)) if unit in UNITS else None
    if g.get("freq"):
        unit = unit_name(g["unit2"])
        return ("SET", duration_value(1, unit)) if unit in UNITS else None
    if g.get("wd"):
        return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}"
    if g.get("month"):
        return "SET", f"XXXX-{month_number(g['month']):02d}"
    unit = unit_name(g["unit"])
    if unit not in UNITS:
        return None
    num = number_value(g["num"]) if g.get("num") else 1
    if g.get("other"):
        num = 2
    return "SET", duration_value(num if num is not None else 1, unit)
