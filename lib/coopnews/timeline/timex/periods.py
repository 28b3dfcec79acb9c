"""Normalisers of calendar periods: quarters, halves, seasons, decades, centuries, and periods relative to the
anchor ("last year", "two years ago", "year-end")."""
from __future__ import annotations

import re
from datetime import timedelta

from . import calendar as cal
from .context import UNKNOWN_PERIOD, Context, relative_year, year_before
from .fields import duration_value, ordinal_number, unit_name
from .lexicon import DECADE_WORDS, ORDINALS, SEASONS, UNITS, number_value

# A season word is a date only after one of these words ("in the summer", "last fall").
_FALL_CUE = re.compile(r"\b(?:in|this|last|next|the|of)\s+$")
_SEASON_CUE = re.compile(r"\b(?:in|during|this|last|next|of|since|until|by)\s+$")
_SPACES = re.compile(r"\s+")
_OF_NEXT = re.compile(r"\s+of\b")


def quarter(g: dict, ctx: Context):
    if g.get("qn") or g.get("qn2"):
        q = int(g.get("qn") or g.get("qn2"))
        year = g.get("year3") or g.get("year4")
        year = int(year) if year else (ctx.anchor.year if ctx.anchor else None)
        return "DATE", (f"{year:04d}" if year else "XXXX") + f"-Q{q}"
    rel = (g.get("rel") or "").lower()
    year = g.get("year1") or g.get("year2")
    year = int(year) if year else relative_year(ctx.anchor, g.get("rely"))
    if g.get("ord"):
        q = ordinal_number(g["ord"])
        if year is None and ctx.anchor is not None:
            current = cal.quarter(ctx.anchor)
            if rel in ("year-ago", "year-earlier", "comparable", "last"):
                year = ctx.anchor.year - 1
            elif rel == "next":
                year = ctx.anchor.year + 1
            elif q > current and (ctx.direction < 0 or q > current + 1):  # results of a quarter not yet begun
                year = ctx.anchor.year - 1
            else:
                year = ctx.anchor.year
        return "DATE", (f"{year:04d}" if year else "XXXX") + f"-Q{q}"
    if ctx.anchor is None:
        return "DATE", "XXXX-QX"
    if rel in ("next",):
        return "DATE", cal.shifted_value(ctx.anchor, "quarter", 1)
    if rel in ("this", "current"):
        return "DATE", cal.shifted_value(ctx.anchor, "quarter", 0)
    if rel in ("year-ago", "year-earlier", "comparable"):
        return "DATE", cal.shifted_value(ctx.anchor, "quarter", -5)
    if rel in ("last", "previous", "latest", "past", "recent", "prior", "just-ended", "most recent") or ctx.direction < 0:
        return "DATE", cal.shifted_value(ctx.anchor, "quarter", -1)
    return "DATE", cal.shifted_value(ctx.anchor, "quarter", 0)


def half(g: dict, ctx: Context):
    h = 1 if g["ord"].lower() in ("first", "1st") else 2
    year = int(g["year"]) if g.get("year") else relative_year(ctx.anchor, g.get("rely") or "this year")
    return "DATE", (f"{year:04d}" if year else "XXXX") + f"-H{h}"


def season(g: dict, ctx: Context):
    rel = (g.get("rel") or "").lower()
    word = g["season"].lower()
    if word == "fall" and not (rel or g.get("year")) and not _FALL_CUE.search(ctx.before(8)):
        return None
    if not (rel or g.get("year") or g.get("pmod")) and not _SEASON_CUE.search(ctx.before(10)):
        return None
    if rel == "the" and not g.get("year") and _OF_NEXT.match(ctx.text, ctx.end):
        return None  # "the fall of the dollar"
    code = SEASONS[word]
    if g.get("year"):
        year = int(g["year"])
    elif ctx.anchor is None:
        year = None
    elif rel in ("last", "past", "this past"):
        year = ctx.anchor.year - 1 if _season_month(code) >= ctx.anchor.month else ctx.anchor.year
    elif rel in ("next", "coming", "this coming"):
        year = ctx.anchor.year + 1 if _season_month(code) <= ctx.anchor.month else ctx.anchor.year
    else:
        year = ctx.anchor.year
    return "DATE", (f"{year:04d}" if year else "XXXX") + f"-{code}"


def _season_month(code: str) -> int:
    return {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]


def decade(g: dict, ctx: Context):
    if g.get("dec"):
        if g["dec"].endswith("00") and not g.get("pmod"):
            return "DATE", g["dec"][:2]  # "the 1600s": the century
        return "DATE", g["dec"][:3]
    if g.get("dec2"):
        century = 19 if ctx.anchor is None or int(g["dec2"]) > ctx.anchor.year % 100 else ctx.anchor.year // 100
        return "DATE", f"{century}{g['dec2'][0]}"
    return "DATE", f"19{DECADE_WORDS[g['decw'].lower()]}"


def century(g: dict, ctx: Context):
    n = int(g["num"]) if g.get("num") else ORDINALS[g["ordw"].lower()]
    return "DATE", f"{n - 1:02d}"


def ago(g: dict, ctx: Context):
    unit = unit_name(g["unit"])
    if unit not in UNITS:
        return None
    num = number_value(g["num"]) if g.get("num") else None
    d = g["dir"].lower()
    sign = 1 if d in ("later", "after", "from now", "hence") else -1
    if d in ("later", "earlier") and unit == "year" and num is not None and float(num).is_integer() \
            and not g.get("qmod"):
        year = year_before(ctx, same_sentence=False)
        if year is not None:  # "In 2001 ... Seven years later": from the year just mentioned
            return "DATE", f"{year + int(num) * (1 if d == 'later' else -1):04d}"
    if d in ("before", "after", "earlier", "later"):  # "ten days before the vote": a distance
        return ("DURATION", duration_value(num, unit)) if num is None or float(num).is_integer() else None
    if num is None or not float(num).is_integer():
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    if ctx.anchor is None or (ctx.precision != "day" and unit in ("day", "week", "hour", "minute", "second")):
        return "DATE", UNKNOWN_PERIOD[unit]
    n = int(num) * sign
    if unit in ("hour", "minute", "second"):
        return "DATE", ctx.anchor.isoformat()
    if unit == "week":
        if abs(n) <= 4:
            return "DATE", (ctx.anchor + timedelta(weeks=n)).isoformat()
        return "DATE", cal.iso_week(ctx.anchor + timedelta(weeks=n))
    if unit == "decade":  # "three decades ago": the decade it falls in
        return "DATE", f"{(ctx.anchor.year + 10 * n) // 10:03d}"
    if unit == "century":
        return "DATE", f"{ctx.anchor.year // 100 + n:02d}"
    return "DATE", cal.shifted_value(ctx.anchor, unit, n)


def relative(g: dict, ctx: Context):
    rel = _SPACES.sub(" ", g["rel"].lower())
    unit = g["unit"].lower()
    if rel == "the" and unit != "weekend":
        return None
    key = rel.replace("the ", "") if rel != "the" else rel
    if unit in ("decade", "century") and key in ("past", "last", "next", "coming", "following", "previous"):
        return "DURATION", "P1DE" if unit == "decade" else "P1CE"  # "the past decade": a span, not a date
    if ctx.anchor is None or (ctx.precision == "year" and unit not in ("year", "decade", "century")):
        return "DATE", UNKNOWN_PERIOD[unit]
    if key in ("this", "current", "same"):
        n = 0
    elif key in ("last", "past", "previous", "latest", "this past"):
        n = -1
    elif key in ("next", "coming", "following", "this coming"):
        n = 1
    elif key == "the":  # the weekend
        n = -1 if ctx.direction < 0 and ctx.anchor.isoweekday() < 6 else 0
    else:
        n = 0
    if key == "latest" and unit != "year":
        n = 0
    return "DATE", cal.shifted_value(ctx.anchor, unit, n)


def year_end(g: dict, ctx: Context):
    unit = (g.get("which") or g.get("unit")).lower()
    if ctx.anchor is None or (unit == "day" and ctx.precision != "day"):
        return "DATE", UNKNOWN_PERIOD[unit]
    return "DATE", cal.shifted_value(ctx.anchor, unit, 0)
