"""Normalisers of calendar dates: month-day(-year), ISO and slashed dates, month-year, a month, a weekday, a year."""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar as cal
from .context import Context, day_anchor, relative_day, relative_year, yearless_year
from .fields import date_value, day_number, month_number
from .lexicon import FUTURE_NOUN_FOLLOWERS, HOLIDAYS, MONTHS, WEEKDAYS

# A bare "May" or "Mar" is a month only after one of these words ("in May", "since Mar").
_MAY_CUE = re.compile(r"\b(?:in|since|by|until|of|during|from|through|to|and|early|late|mid|before|after)\s+$")
_ABBREVIATION_CUE = re.compile(r"\b(?:in|since|by|until|of|during|from|through)\s+$")
# A number that reads like a year is a count or a label after/before these ("No. 1990", "2000 workers").
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\bno\.|\bnumber|#|\bp\.|\bpage|\broute|\broom|\bflight|\babout|\bsome|\bover|\bnearly|\bthan)\s*$")
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:people|men|women|workers|employees|troops|students|jobs|units|cars|tons|shares|"
    r"soldiers|members|times|feet|meters|metres|miles|km|kilometers|yuan|dollars|euros|m\b|mw\b)")
# the year of a plan's or programme's name, which names no date ("Vision 2030", "Horizon 2020", "Made in China
# 2025", "the 2030 Agenda for Sustainable Development": plan names are not tagged, ANNOTATION.md)
_PLAN_NAME_BEFORE = re.compile(r"\b(?:Vision|Agenda|Horizon|Plan|Strategy|Roadmap|Blueprint"
                               r"|Made[ \t]+in[ \t]+[A-Z][\w-]+)[ \t]+$")  # "the Kuala Lumpur Structure Plan 2040"
_PLAN_NAME_AFTER = re.compile(r"[ \t]+Agenda\b")
# the year of a document's number ("Resolution No. 98/2023/QH15", "Decree 15/2019/ND-CP"): no date
_CODE_BEFORE = re.compile(r"\d/$")
_CODE_AFTER = re.compile(r"/[A-Z0-9]")
# or of a law's ("municipal law 4,740/1973", "Decree No. 112/2008")
_LAW_NUMBER_BEFORE = re.compile(r"\b(?:laws?|decrees?|resolutions?|ordinances?|acts?|regulations?)[ \t]+"
                                r"(?:no\.?[ \t]*)?\d[\d.,]*/$", re.IGNORECASE)


def date_mdy(g: dict, ctx: Context):
    month, day = month_number(g["month"]), day_number(g["day"])
    if g.get("year"):
        year = int(g["year"])
    elif g.get("yy"):
        year = 1900 + int(g["yy"]) if int(g["yy"]) > 30 else 2000 + int(g["yy"])
    elif g.get("rely"):
        year = relative_year(ctx.anchor, g["rely"])
    else:
        year = yearless_year(ctx, month, day)
    if g.get("month", "").lower().rstrip(".") == "may" and not (g.get("year") or g.get("wd")) and day > 31:
        return None
    value = date_value(year, month, day)
    return ("DATE", value) if value else None


date_dmy = date_mdy


def day_range_head(g: dict, ctx: Context):
    """'3' of '3 to 5 November (2014)': the month and year of the date that ends the range."""
    month, day = month_number(g["month"]), day_number(g["day"])
    year = int(g["year"]) if g.get("year") else yearless_year(ctx, month, day)
    value = date_value(year, month, day)
    return ("DATE", value) if value else None


def timestamp(g: dict, ctx: Context):
    """A date and its clock time as one TIME: '2021-05-04 10:12' -> 2021-05-04T10:12."""
    for p in ("a", "b"):
        if g.get(f"{p}time"):
            break
    if g.get(f"{p}y"):
        year, month, day = int(g[f"{p}y"]), int(g[f"{p}mn"]), int(g[f"{p}d"])
    else:
        year = int(g.get(f"{p}y2") or g[f"{p}y3"])
        month = month_number(g.get(f"{p}month") or g[f"{p}month3"])
        day = day_number(g.get(f"{p}d2") or g[f"{p}d3"])
    value = date_value(year, month, day)
    if value is None:
        return None
    hour, minute = (int(x) for x in g[f"{p}time"].split(":")[:2])
    ampm = (g.get(f"{p}ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return "TIME", f"{value}T{hour:02d}:{minute:02d}"


def date_iso(g: dict, ctx: Context):
    if g.get("year"):
        value = date_value(int(g["year"]), int(g["month"]), int(g["day"]))
        if value and g.get("hour"):
            return "TIME", f"{value}T{g['hour']}:{g['minute']}"
        return ("DATE", value) if value else None
    if g.get("year2"):
        value = date_value(int(g["year2"]), int(g["month2"]), int(g["day2"]))
        return ("DATE", value) if value else None
    if g.get("year5"):  # "16-01-2018": read as a slashed date
        value = _slashed_date(int(g["year5"]), int(g["month5"]), int(g["day5"]), ctx)
        return ("DATE", value) if value else None
    year = int(g["year3"])
    year = year if year > 100 else (1900 + year if year > 30 else 2000 + year)
    value = _slashed_date(year, int(g["month3"]), int(g["day3"]), ctx)
    return ("DATE", value) if value else None


# Slashed dates whose order shows: a first number above 12 is a day (25/05/2018), a second one is (05/25/2018).
_DAY_FIRST = re.compile(r"(?<![\d/])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/\d\d(?:\d\d)?\b")
_MONTH_FIRST = re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/\d\d(?:\d\d)?\b")
_WEEKDAY_NAME = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def _slashed_date(year: int, first: int, second: int, ctx: Context) -> str | None:
    """'a/b/year' read month first (US) or day first (most of the world): the only valid reading; else the one
    the weekday beside it names ("Sunday (06/05/2018)"); else the order the document's other slashed dates show;
    else the reading nearer the publication date, within three months of it; else month first."""
    readings = [d for d in ((year, first, second), (year, second, first)) if date_value(*d)]
    if len(readings) < 2:
        return date_value(*readings[0]) if readings else None
    if readings[0] == readings[1]:
        return date_value(*readings[0])
    beside = _WEEKDAY_NAME.findall(ctx.text[max(0, ctx.start - 14):ctx.start] + " " + ctx.text[ctx.end:ctx.end + 14])
    if len(beside) == 1:
        named = [d for d in readings if date(*d).isoweekday() == WEEKDAYS[beside[0].lower()]]
        if len(named) == 1:
            return date_value(*named[0])
    day_first, month_first = bool(_DAY_FIRST.search(ctx.text)), bool(_MONTH_FIRST.search(ctx.text))
    if day_first != month_first:
        return date_value(*readings[1 if day_first else 0])
    if ctx.anchor is not None:
        gap, nearest = min((abs((date(*d) - ctx.anchor).days), d) for d in readings)
        if gap <= 92:
            return date_value(*nearest)
    return date_value(*readings[0])


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _is_modifier(ctx: Context) -> bool:
    """The expression modifies the lowercase noun after it ("Christmas shoppers")."""
    nxt = _NEXT_WORD.match(ctx.text, ctx.end)
    return bool(nxt) and nxt.group(1) not in FUTURE_NOUN_FOLLOWERS | {"to", "ever", "day", "eve"}


def holiday(g: dict, ctx: Context):
    """'Christmas' -> XXXX-12-25 (the year from the anchor and tense), 'the Christmas period' -> the month."""
    month, day = HOLIDAYS[" ".join(g["hol"].lower().replace("’", "'").split())]
    if ctx.text[ctx.start - 1:ctx.start] == "-" or (day is not None and _is_modifier(ctx)):
        return None  # "pre-Christmas sales", "Christmas shoppers"
    if g.get("year"):
        year = int(g["year"])
    else:
        year = yearless_year(ctx, month, day)
    return "DATE", date_value(year, month, day)


def month_year(g: dict, ctx: Context):
    return "DATE", f"{int(g['year']):04d}-{month_number(g['month']):02d}"


def month(g: dict, ctx: Context):
    word = g["month"]
    m = month_number(word)
    if word.lower().rstrip(".") == "may" and not (g.get("pmod") or g.get("rel") or g.get("rely")):
        if not _MAY_CUE.search(ctx.before(12)):
            return None
    if len(word.rstrip(".")) <= 4 and word.lower().rstrip(".") not in ("may", "june", "july") \
            and not word.endswith(".") and not (g.get("pmod") or g.get("rel")):
        if not _ABBREVIATION_CUE.search(ctx.before(12)):
            return None
    rel = (g.get("rel") or "").lower()
    if g.get("rely"):
        year = relative_year(ctx.anchor, g["rely"])
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
    return "DATE", date_value(year, m, None)


def weekday(g: dict, ctx: Context):
    wd = WEEKDAYS[g["wd"].lower()]
    if g.get("plural"):
        return "SET", f"XXXX-WXX-{wd}"
    if g.get("wday"):
        return "DATE", _day_of_weekday(int(g["wday"]), wd, ctx.anchor)
    rel = (g.get("rel") or "").lower()
    rel = "" if rel in ("on", "early", "late", "earlier", "later") else rel
    day = relative_day(g["wd"], ctx, rel)
    if day is None:
        return "DATE", f"XXXX-WXX-{wd}"
    if isinstance(day, date) and not rel and ctx.direction <= 0:
        day = _day_of_the_narrative(wd, day, ctx) or day
    return "DATE", day.isoformat() if isinstance(day, date) else day


_WEEKDAY_AND_DATE = re.compile(
    rf"\b(?:{'|'.join(w.capitalize() for w in WEEKDAYS)}),?[ \t]+(?:the[ \t]+)?"
    rf"(?:(?P<month>{'|'.join(m.capitalize() for m in MONTHS)})\.?[ \t]+(?P<day>\d{{1,2}})\b"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<month2>{'|'.join(m.capitalize() for m in MONTHS)})\b)")


def _day_of_the_narrative(wd: int, by_anchor: date, ctx: Context) -> date | None:
    """A bare weekday after a date written with its weekday in the 800 characters before ("On Saturday, November
    4, the delegation ... On Monday, the governor met ..."): the text tells its days in order, so the weekday is
    the first one after that date, when that day is no later than the publication date and within two weeks
    before the day the publication date alone gives (`by_anchor`)."""
    told = list(_WEEKDAY_AND_DATE.finditer(ctx.text, max(0, ctx.start - 800), ctx.start))
    anchor = day_anchor(ctx)
    if not told or anchor is None:
        return None
    m = told[-1]
    month, day = month_number(m["month"] or m["month2"]), int(m["day"] or m["day2"])
    year = cal.month_year(anchor, month, day, -1)
    if not cal.valid_day(year, month, day):
        return None
    start = date(year, month, day)
    found = cal.weekday_date(start + timedelta(days=1), wd, 1)
    if found > anchor or not 0 <= (by_anchor - found).days <= 14:
        return None
    return found


def _day_of_weekday(day: int, wd: int, anchor: date | None) -> str:
    """The date of day `day` of a month near `anchor` that falls on ISO weekday `wd` ("Saturday 4th" in a story of
    14 June 2011: 2011-06-04), the nearest such within two months; 'XXXX-XX-04' with no anchor or none."""
    if anchor is None:
        return f"XXXX-XX-{day:02d}"
    months = [cal.add_months(anchor.replace(day=1), shift) for shift in range(-2, 3)]
    found = [date(m.year, m.month, day) for m in months
             if cal.valid_day(m.year, m.month, day) and date(m.year, m.month, day).isoweekday() == wd]
    return min(found, key=lambda d: abs((d - anchor).days)).isoformat() if found else f"XXXX-XX-{day:02d}"


_ON_BEFORE = re.compile(r"\bon\s+$")
# A month the text names with a day ("July 26", "26 July"): the month a later "on the 27th" falls in.
_FULL_MONTHS = "|".join(m.capitalize() for m in MONTHS if len(m) > 4 or m in ("may", "june", "july"))
_MONTH_TOLD = re.compile(rf"\b({_FULL_MONTHS})(?=\s+\d{{1,2}}\b)|(?<=\d\s)({_FULL_MONTHS})\b")


def ordinal_day(g: dict, ctx: Context):
    """"on the 21st": that day of the month the text last named with a day ("July 26 ... on the 27th"), else of
    the publication date's month, of the month before when the day lies after the publication day in a past
    clause; 'XXXX-XX-21' without either. "the 30th of last month": that day of the month before the anchor's."""
    day = int(g["oday"])
    if g.get("orel"):  # "the 30th of last month": the anchor's month, or the one before or after
        anchor = day_anchor(ctx)
        if anchor is None:
            return "DATE", f"XXXX-XX-{day:02d}"
        month = cal.add_months(anchor.replace(day=1), {"last": -1, "this": 0, "next": 1}[g["orel"].lower()])
        value = date_value(month.year, month.month, day)
        return ("DATE", value) if value else None
    if not _ON_BEFORE.search(ctx.before(6)):
        return None  # "the 21st" alone may rank or count
    told = [m.group(1) or m.group(2) for m in _MONTH_TOLD.finditer(ctx.text, max(0, ctx.start - 800), ctx.start)]
    if told:  # "from July 26 to 29 ... the MoU signed at the event on the 27th": the month the story tells
        month = month_number(told[-1])
        value = date_value(yearless_year(ctx, month, day), month, day)
        return ("DATE", value) if value else None
    anchor = day_anchor(ctx)
    if anchor is None:
        return "DATE", f"XXXX-XX-{day:02d}"
    month = anchor.replace(day=1)
    if day > anchor.day and ctx.direction < 0:
        month = cal.add_months(month, -1)
    value = date_value(month.year, month.month, day)
    return ("DATE", value) if value else None


def year(g: dict, ctx: Context):
    y = g.get("year") or g.get("ystart")
    value = int(y)
    if not (g.get("pmod") or g.get("fiscal")):
        before = ctx.before(14)
        after = ctx.text[ctx.end:ctx.end + 12].lower()
        if _NOT_A_YEAR_BEFORE.search(before) or _NOT_A_YEAR_AFTER.match(after):
            return None
        if _PLAN_NAME_BEFORE.search(ctx.text, max(0, ctx.start - 30), ctx.start) \
                or _PLAN_NAME_AFTER.match(ctx.text, ctx.end):
            return None
        if _CODE_BEFORE.search(ctx.text, max(0, ctx.start - 2), ctx.start) and (
                _CODE_AFTER.match(ctx.text, ctx.end)
                or _LAW_NUMBER_BEFORE.search(ctx.text, max(0, ctx.start - 40), ctx.start)):
            return None
        if ctx.anchor is not None and value > ctx.anchor.year + 60:
            return None
    return "DATE", f"{value:04d}"
