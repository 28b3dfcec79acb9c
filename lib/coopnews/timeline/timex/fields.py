"""Matched fields to numbers and TIMEX3 values: month and day numbers, unit names, ordinals, date and duration values."""
from __future__ import annotations

import re

from . import calendar as cal
from .lexicon import MONTHS, ORDINALS, UNIT_PLURALS, UNITS, number_value

_LEADING_NUMBER = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    """'3rd' -> 3, 'Six' -> 6, 'Twenty-one' -> 21."""
    m = _LEADING_NUMBER.match(word)
    return int(m.group()) if m else int(number_value(word))


def unit_name(word: str) -> str:
    w = _SPACES.sub(" ", word.lower())
    w = UNIT_PLURALS.get(w, w)
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


def ordinal_number(word: str) -> int:
    w = word.lower()
    if w in ("final", "last", "latter"):
        return 4
    return ORDINALS.get(w) or int(w[0])


def date_value(year: int | None, month: int, day: int | None) -> str | None:
    if day is not None and not cal.valid_day(year, month, day):
        return None
    y = f"{year:04d}" if year else "XXXX"
    return f"{y}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def duration_value(num, unit: str) -> str:
    code, is_time = UNITS[unit]
    if unit in ("decade", "millennium") and isinstance(num, (int, float)):  # "two decades": P20Y, as TimeBank
        num, code = num * {"decade": 10, "millennium": 1000}[unit], "Y"
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
