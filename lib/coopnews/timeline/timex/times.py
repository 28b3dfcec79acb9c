"""Normalisers of times of day: clock times ("10:35 a.m. Friday", "noon") and day parts ("Monday morning", "tonight")."""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar as cal
from .context import Context, day_anchor, relative_day, yearless_year
from .fields import date_value, day_number, month_number
from .lexicon import DAY_PARTS

# A bare hour ("10") is a time only after one of these words ("at 10", "until 10").
_AFTER_A_WORD = re.compile(r"[A-Za-z0-9]['’]?s?\s+$")
_CLOCK_CUE = re.compile(r"\b(?:at|by|until|from|to|before|after|around|about)\s+$")


def clock(g: dict, ctx: Context):
    if g.get("noon"):
        hour, minute = (12 if g["noon"].lower() in ("noon", "midday") else 24), 0
    elif g.get("mil"):  # "1130 GMT"
        hour, minute = int(g["mil"][:2]), int(g["mil"][2:])
    else:
        hour = int(g.get("hour") or g.get("hour2"))
        minute = int(g.get("minute") or 0)
        ampm = (g.get("ampm") or g.get("ampm2") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if not ampm and not g.get("tz") and not (g.get("dayword") or g.get("dayword2")):
            if not _CLOCK_CUE.search(ctx.before(10)):
                return None
    day = _clock_day(g, ctx)
    if hour == 24:
        hour = 0
        day = day + timedelta(days=1) if isinstance(day, date) else day
    prefix = day.isoformat() if isinstance(day, date) else (day or "XXXX-XX-XX")
    return "TIME", f"{prefix}T{hour:02d}:{minute:02d}"


def _clock_day(g: dict, ctx: Context):
    if g.get("month2") or g.get("month3"):
        m = month_number(g.get("month2") or g.get("month3"))
        d = day_number(g.get("day2") or g.get("day3"))
        year = yearless_year(ctx, m, d)
        if year is None or not cal.valid_day(year, m, d):
            return date_value(None, m, d) if cal.valid_day(None, m, d) else None
        return date(year, m, d)
    return relative_day(g.get("dayword") or g.get("dayword2"), ctx) or day_anchor(ctx)


def daypart(g: dict, ctx: Context):
    if g.get("tonight"):
        day = day_anchor(ctx)
        if day and g["tonight"].lower() == "overnight" and ctx.direction < 0:
            day -= timedelta(days=1)  # "signed the agreement ... overnight", published the next morning: last night
        return "TIME", (day.isoformat() if day else "XXXX-XX-XX") + "TNI"
    if g.get("part3"):  # "the afternoon of May 5"
        part = DAY_PARTS[g["part3"].lower()]
        month, day_of_month = month_number(g.get("month4") or g["month5"]), day_number(g.get("day4") or g["day5"])
        year = int(g["year4"]) if g.get("year4") else yearless_year(ctx, month, day_of_month)
        value = date_value(year, month, day_of_month)
        return ("TIME", f"{value}T{part}") if value else None
    if g.get("part4"):  # "the evening": of the day the text is about
        day = day_anchor(ctx)
        return "TIME", (day.isoformat() if day else "XXXX-XX-XX") + "T" + DAY_PARTS[g["part4"].lower()]
    if g.get("part2"):
        word = g["part2"].lower().replace("-", "")
        part = "AF" if "afternoon" in word else "MO"
        day = relative_day(g["deictic2"], ctx)
    else:
        deictic = g["deictic"].lower()
        if g["deictic"] == "This" and g["part"][0].isupper() and _AFTER_A_WORD.search(ctx.text, max(0, ctx.start - 6), ctx.start):
            return None  # "ITV's This Morning": a title
        part = DAY_PARTS[g["part"].lower()]
        if deictic == "last":
            a = day_anchor(ctx)
            day = a - timedelta(days=1) if a and part == "NI" else (a if a and part != "NI" else None)
        elif deictic == "this":
            day = day_anchor(ctx)
        else:
            day = relative_day(deictic, ctx)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{part}"
    prefix = day.isoformat() if isinstance(day, date) else day
    return "TIME", f"{prefix}T{part}"
