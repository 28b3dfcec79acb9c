"""Normalisers: one function per grammar rule, from the rule's match to (TIMEX3 type, value), or None to reject."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import calendar as cal
from .lexicon import (DAY_PARTS, DECADE_WORDS, MONTHS, ORDINALS, SEASONS, SETS, UNIT_PLURALS, UNITS,
                      WEEKDAYS, number_value)
from .tense import direction


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


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _unit(word: str) -> str:
    w = re.sub(r"\s+", " ", word.lower())
    w = UNIT_PLURALS.get(w, w)
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


def _year_rel(anchor: date | None, phrase: str | None) -> int | None:
    if not phrase or anchor is None:
        return None
    p = phrase.lower()
    return anchor.year + (-1 if ("last" in p or "previous" in p) else 1 if ("next" in p or "following" in p) else 0)


def _full_date(year: int | None, month: int, day: int | None) -> str | None:
    if day is not None and not cal.valid_day(year, month, day):
        return None
    y = f"{year:04d}" if year else "XXXX"
    return f"{y}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _day_anchor(ctx: Context) -> date | None:
    return ctx.anchor if ctx.anchor is not None and ctx.precision == "day" else None


def _yearless(ctx: Context, month: int, day: int | None) -> int | None:
    if ctx.anchor is None:
        return None
    return cal.month_year(ctx.anchor, month, day, ctx.direction)


def date_mdy(g: dict, ctx: Context):
    month, day = _month(g["month"]), _day(g["day"])
    if g.get("year"):
        year = int(g["year"])
    elif g.get("yy"):
        year = 1900 + int(g["yy"]) if int(g["yy"]) > 30 else 2000 + int(g["yy"])
    elif g.get("rely"):
        year = _year_rel(ctx.anchor, g["rely"])
    else:
        year = _yearless(ctx, month, day)
    if g.get("month", "").lower().rstrip(".") == "may" and not (g.get("year") or g.get("wd")) and day > 31:
        return None
    value = _full_date(year, month, day)
    return ("DATE", value) if value else None


date_dmy = date_mdy


def day_range_head(g: dict, ctx: Context):
    month, day = _month(g["month"]), _day(g["day"])
    year = _yearless(ctx, month, day)
    value = _full_date(year, month, day)
    return ("DATE", value) if value else None


def date_iso(g: dict, ctx: Context):
    if g.get("year"):
        value = _full_date(int(g["year"]), int(g["month"]), int(g["day"]))
        if value and g.get("hour"):
            return "TIME", f"{value}T{g['hour']}:{g['minute']}"
        return ("DATE", value) if value else None
    if g.get("year2"):
        value = _full_date(int(g["year2"]), int(g["month2"]), int(g["day2"]))
        return ("DATE", value) if value else None
    year = int(g["year3"])
    year = year if year > 100 else (1900 + year if year > 30 else 2000 + year)
    month, day = int(g["month3"]), int(g["day3"])
    value = _full_date(year, month, day) if month <= 12 else None
    return ("DATE", value) if value else None


def month_year(g: dict, ctx: Context):
    return "DATE", f"{int(g['year']):04d}-{_month(g['month']):02d}"


def month(g: dict, ctx: Context):
    word = g["month"]
    m = _month(word)
    if word.lower().rstrip(".") == "may" and not (g.get("pmod") or g.get("rel") or g.get("rely")):
        if not re.search(r"\b(?:in|since|by|until|of|during|from|through|to|and|early|late|mid|before|after)\s+$",
                         ctx.before(12)):
            return None
    if len(word.rstrip(".")) <= 4 and word.lower().rstrip(".") not in ("may", "june", "july") \
            and not word.endswith(".") and not (g.get("pmod") or g.get("rel")):
        if not re.search(r"\b(?:in|since|by|until|of|during|from|through)\s+$", ctx.before(12)):
            return None
    rel = (g.get("rel") or "").lower()
    if g.get("rely"):
        year = _year_rel(ctx.anchor, g["rely"])
    elif ctx.anchor is None:
        year = None
    elif rel.startswith("last") or rel == "this past":
        year = ctx.anchor.year if m < ctx.anchor.month else ctx.anchor.year - 1
    elif rel.startswith("next") or rel == "this coming":
        year = ctx.anchor.year if m > ctx.anchor.month else ctx.anchor.year + 1
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = cal.month_year(ctx.anchor, m, None, ctx.direction)
    return "DATE", _full_date(year, m, None)


def clock(g: dict, ctx: Context):
    if g.get("noon"):
        hour, minute = (12 if g["noon"].lower() in ("noon", "midday") else 24), 0
    else:
        hour = int(g.get("hour") or g.get("hour2"))
        minute = int(g.get("minute") or 0)
        ampm = (g.get("ampm") or g.get("ampm2") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if not ampm and not g.get("tz") and not (g.get("dayword") or g.get("dayword2")):
            if not re.search(r"\b(?:at|by|until|from|to|before|after|around|about)\s+$", ctx.before(10)):
                return None
    day = _clock_day(g, ctx)
    if hour == 24:
        hour = 0
        day = day + timedelta(days=1) if isinstance(day, date) else day
    prefix = day.isoformat() if isinstance(day, date) else (day or "XXXX-XX-XX")
    return "TIME", f"{prefix}T{hour:02d}:{minute:02d}"


def _clock_day(g: dict, ctx: Context):
    if g.get("month2") or g.get("month3"):
        m = _month(g.get("month2") or g.get("month3"))
        d = _day(g.get("day2") or g.get("day3"))
        year = _yearless(ctx, m, d)
        if year is None or not cal.valid_day(year, m, d):
            return _full_date(None, m, d) if cal.valid_day(None, m, d) else None
        return date(year, m, d)
    return _relative_day(g.get("dayword") or g.get("dayword2"), ctx) or _day_anchor(ctx)


def _relative_day(word: str | None, ctx: Context, rel: str = ""):
    anchor = _day_anchor(ctx)
    if not word:
        return None
    w = word.lower()
    if anchor is None:
        if w in WEEKDAYS:
            return f"XXXX-WXX-{WEEKDAYS[w]}"
        return None
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


def daypart(g: dict, ctx: Context):
    if g.get("tonight"):
        day, part = _day_anchor(ctx), "NI"
        if g["tonight"].lower() == "tonight":
            return "TIME", (day.isoformat() if day else "XXXX-XX-XX") + "TNI"
        return "TIME", (day.isoformat() if day else "XXXX-XX-XX") + "TNI"
    if g.get("part2"):
        word = g["part2"].lower().replace("-", "")
        part = "AF" if "afternoon" in word else "MO"
        day = _relative_day(g["deictic2"], ctx)
    else:
        deictic = g["deictic"].lower()
        part = DAY_PARTS[g["part"].lower()]
        if deictic == "last":
            a = _day_anchor(ctx)
            day = a - timedelta(days=1) if a and part == "NI" else (a if a and part != "NI" else None)
        elif deictic == "this":
            day = _day_anchor(ctx)
        else:
            day = _relative_day(deictic, ctx)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{part}"
    prefix = day.isoformat() if isinstance(day, date) else day
    return "TIME", f"{prefix}T{part}"


def weekday(g: dict, ctx: Context):
    wd = WEEKDAYS[g["wd"].lower()]
    if g.get("plural"):
        return "SET", f"XXXX-WXX-{wd}"
    rel = (g.get("rel") or "").lower()
    rel = "" if rel in ("on", "early", "late", "earlier", "later") else rel
    day = _relative_day(g["wd"], ctx, rel)
    if day is None:
        return "DATE", f"XXXX-WXX-{wd}"
    return "DATE", day.isoformat() if isinstance(day, date) else day


def _ordinal(word: str) -> int:
    w = word.lower()
    if w in ("final", "last", "latter"):
        return 4
    return ORDINALS.get(w) or int(w[0])


def quarter(g: dict, ctx: Context):
    if g.get("qn") or g.get("qn2"):
        q = int(g.get("qn") or g.get("qn2"))
        year = g.get("year3") or g.get("year4")
        year = int(year) if year else (ctx.anchor.year if ctx.anchor else None)
        return "DATE", (f"{year:04d}" if year else "XXXX") + f"-Q{q}"
    rel = (g.get("rel") or "").lower()
    year = g.get("year1") or g.get("year2")
    year = int(year) if year else _year_rel(ctx.anchor, g.get("rely"))
    if g.get("ord"):
        q = _ordinal(g["ord"])
        if year is None and ctx.anchor is not None:
            current = cal.quarter(ctx.anchor)
            if rel in ("year-ago", "year-earlier", "comparable", "last"):
                year = ctx.anchor.year - 1
            elif rel == "next":
                year = ctx.anchor.year + 1
            elif q > current and ctx.direction < 0:
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
    year = int(g["year"]) if g.get("year") else _year_rel(ctx.anchor, g.get("rely") or "this year")
    return "DATE", (f"{year:04d}" if year else "XXXX") + f"-H{h}"


def season(g: dict, ctx: Context):
    rel = (g.get("rel") or "").lower()
    word = g["season"].lower()
    if word == "fall" and not (rel or g.get("year")) and not re.search(r"\b(?:in|this|last|next|the|of)\s+$", ctx.before(8)):
        return None
    if not (rel or g.get("year") or g.get("pmod")) and not re.search(r"\b(?:in|during|this|last|next|of|since|until|by)\s+$",
                                                                       ctx.before(10)):
        return None
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
        return "DATE", g["dec"][:3]
    if g.get("dec2"):
        century = 19 if ctx.anchor is None or int(g["dec2"]) > ctx.anchor.year % 100 else ctx.anchor.year // 100
        return "DATE", f"{century}{g['dec2'][0]}"
    return "DATE", f"19{DECADE_WORDS[g['decw'].lower()]}"


def century(g: dict, ctx: Context):
    n = int(g["num"]) if g.get("num") else ORDINALS[g["ordw"].lower()]
    return "DATE", f"{n - 1:02d}"


def _duration_value(num, unit: str) -> str:
    code, is_time = UNITS[unit]
    if unit in ("decade", "century", "millennium") and isinstance(num, (int, float)):
        num, code = num * {"decade": 10, "century": 100, "millennium": 1000}[unit], "Y"
    if unit == "weekend":
        return "P2D" if num == 1 else "PXWE"
    if unit == "fortnight":
        num = num * 2 if isinstance(num, (int, float)) else num
    if num is None:
        amount = "X"
    elif isinstance(num, float) and not num.is_integer():
        if code == "Y" and (num * 12).is_integer():
            return f"P{int(num)}Y{round(num % 1 * 12)}M" if num > 1 else f"P{int(num * 12)}M"
        if code == "H" and (num * 60).is_integer():
            return f"PT{int(num)}H{round(num % 1 * 60)}M" if num > 1 else f"PT{int(num * 60)}M"
        if code == "D" and (num * 24).is_integer():
            return f"PT{int(num * 24)}H"
        if code == "M" and not is_time:
            return f"P{num:g}M"
        amount = f"{num:g}"
    else:
        amount = str(int(num))
    return ("PT" if is_time else "P") + amount + code


def ago(g: dict, ctx: Context):
    unit = _unit(g["unit"])
    if unit not in UNITS:
        return None
    num = number_value(g["num"]) if g.get("num") else None
    d = g["dir"].lower()
    sign = 1 if d in ("later", "after", "from now", "hence") else -1
    if d in ("before", "after", "earlier", "later") or g.get("qmod"):  # "ten days before the vote": a distance
        return ("DURATION", _duration_value(num, unit)) if num is None or float(num).is_integer() else None
    if num is None or not float(num).is_integer():
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    if ctx.anchor is None or (ctx.precision != "day" and unit in ("day", "week", "hour", "minute", "second")):
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    n = int(num) * sign
    if unit in ("hour", "minute", "second"):
        return "DATE", ctx.anchor.isoformat()
    if unit == "week":
        if abs(n) <= 4:
            return "DATE", (ctx.anchor + timedelta(weeks=n)).isoformat()
        return "DATE", cal.iso_week(ctx.anchor + timedelta(weeks=n))
    if unit == "decade":
        return "DATE", f"{ctx.anchor.year + 10 * n:04d}"
    if unit == "century":
        return "DATE", f"{ctx.anchor.year // 100 + n:02d}"
    return "DATE", cal.shifted_value(ctx.anchor, unit, n)


def relative(g: dict, ctx: Context):
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    unit = g["unit"].lower()
    if rel == "the" and unit != "weekend":
        return None
    if ctx.anchor is None or (ctx.precision == "year" and unit not in ("year", "decade", "century")):
        ref = {"last": "PAST_REF", "past": "PAST_REF", "previous": "PAST_REF", "next": "FUTURE_REF",
               "coming": "FUTURE_REF", "following": "FUTURE_REF"}
        key = rel.replace("the ", "").replace("this ", "")
        if key in ref:
            return "DATE", ref[key]
        return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX")
    key = rel.replace("the ", "") if rel != "the" else rel
    if key in ("past", "last") and unit in ("decade", "century"):
        return "DURATION", _duration_value(1, unit)
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
    if ctx.anchor is None:
        return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
    return "DATE", cal.shifted_value(ctx.anchor, unit, 0)


def duration(g: dict, ctx: Context):
    unit = _unit(g["unit"])
    if unit not in UNITS:
        return None
    raw_num = g.get("num")
    plural = g["unit"].lower().endswith("s") and not g["unit"].lower().endswith("ss")
    if raw_num:
        parts = re.split(r"\s*(?:-|–|\bto\b|\bor\b)\s*", raw_num.strip())
        num = number_value(parts[0]) if len(parts) == 1 else None
        if len(parts) == 1 and num is None and not plural:
            return None
    else:
        num = None if plural else 1
        if not plural and not g.get("span"):
            return None
        if plural and not g.get("span") and not re.search(r"\b(?:for|over|in|within|recent|past|last)\s+$", ctx.before(8)):
            return None
    if raw_num and raw_num.strip().lower() in ("a", "an") and plural:
        return None
    if unit == "weekend" or re.match(r"\s+old\b", ctx.text[ctx.end:ctx.end + 5]):
        return None  # "52 years old" is an age
    if raw_num and raw_num.strip().lower() == "a" and unit == "second":
        return None
    span = (g.get("span") or "").lower()
    if not raw_num and not plural and span in ("past", "last", "next", "coming", "previous", "following", "same"):
        return None  # "the past year" is handled by the relative rule
    if span == "past" and not raw_num and unit in ("decade", "century"):
        return "DURATION", _duration_value(1, unit)
    if span == "recent" and not raw_num:
        return "DURATION", _duration_value(None, unit)
    return "DURATION", _duration_value(num, unit)


def adj_duration(g: dict, ctx: Context):
    unit = _unit(g["unit"])
    num = 0.5 if g["num"].lower() == "half" else number_value(g["num"])
    if num is None or unit not in UNITS or unit == "weekend" or g.get("old"):
        return None  # "a 6-year-old boy" is an age, not a duration
    return "DURATION", _duration_value(num, unit)


def year(g: dict, ctx: Context):
    y = g.get("year") or g.get("ystart")
    value = int(y)
    if not (g.get("pmod") or g.get("fiscal")):
        before = ctx.before(14)
        after = ctx.text[ctx.end:ctx.end + 12].lower()
        if re.search(r"(?:\bno\.|\bnumber|#|\bp\.|\bpage|\broute|\broom|\bflight|\babout|\bsome|\bover|\bnearly|\bthan)\s*$", before) \
                or re.match(r"\s*(?:people|men|women|workers|employees|troops|students|jobs|units|cars|tons|shares|"
                            r"soldiers|members|times|feet|meters|metres|miles|km|kilometers|yuan|dollars|euros|m\b|mw\b)", after):
            return None
        if ctx.anchor is not None and value > ctx.anchor.year + 60:
            return None
    return "DATE", f"{value:04d}"


def _in_a_name(ctx: Context) -> bool:
    """A capitalised word inside a sentence ('Invest in the Future', 'VOA Today') is part of a name."""
    words = re.findall(r"[A-Za-z]+", ctx.text[ctx.start:ctx.end])
    last = words[-1] if words else ""
    before = ctx.text[max(0, ctx.start - 3):ctx.start].strip()
    opening = not before or before[-1] in ".!?\"“‘'(\n:"
    return bool(last) and last[0].isupper() and not (opening and len(words) == 1) and last not in ("I",)


def deictic(g: dict, ctx: Context):
    word = re.sub(r"\s+", " ", g["word"].lower())
    if _in_a_name(ctx):
        return None
    anchor = _day_anchor(ctx)
    if word in ("today", "yesterday", "tomorrow"):
        day = _relative_day(word, ctx)
        if day is None:
            return "DATE", "PRESENT_REF" if word == "today" else ("PAST_REF" if word == "yesterday" else "FUTURE_REF")
        return "DATE", day.isoformat()
    if word in ("now", "right now", "currently", "nowadays", "at present", "presently", "these days", "the present",
                "current", "the time being", "time being"):
        if word == "current" and re.match(r"\s+(?:account|affairs|events|flowing|flow|rate|speed)", ctx.text[ctx.end:ctx.end + 9].lower()):
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


def set_(g: dict, ctx: Context):
    if g.get("adv"):
        return "SET", SETS[g["adv"].lower()]
    if g.get("freq"):
        unit = _unit(g["unit2"])
        return ("SET", _duration_value(1, unit)) if unit in UNITS else None
    if g.get("wd"):
        return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}"
    if g.get("month"):
        return "SET", f"XXXX-{_month(g['month']):02d}"
    unit = _unit(g["unit"])
    if unit not in UNITS:
        return None
    num = number_value(g["num"]) if g.get("num") else 1
    if g.get("other"):
        num = 2
    return "SET", _duration_value(num if num is not None else 1, unit)


RESOLVERS = {
    "clock": clock, "daypart": daypart, "date_mdy": date_mdy, "date_dmy": date_dmy,
    "day_range_head": day_range_head, "date_iso": date_iso, "month_year": month_year, "half": half,
    "quarter": quarter, "season": season, "decade": decade, "century": century, "ago": ago,
    "relative": relative, "year_end": year_end, "duration": duration, "adj_duration": adj_duration,
    "year": year, "weekday": weekday, "month": month, "deictic": deictic, "set": set_,
}
