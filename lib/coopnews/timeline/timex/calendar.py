"""Calendar arithmetic on the anchor date: shifts by units, ISO weeks, nearest weekday or month by tense."""
from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

_ANCHOR = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_anchor(anchor: str | date | None) -> tuple[date, str] | None:
    """ISO anchor ('2025-04-03', '2025-04', '2025', or with a time) -> (date, precision 'day'|'month'|'year')."""
    if anchor is None:
        return None
    if isinstance(anchor, date):
        return anchor, "day"
    m = _ANCHOR.match(str(anchor))
    if not m:
        raise ValueError(f"anchor {anchor!r} is not an ISO date (give YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if day:
        return date(year, int(month), int(day)), "day"
    if month:
        return date(year, int(month), 1), "month"
    return date(year, 1, 1), "year"


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months (day clipped to the month's length)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, _cal.monthrange(year, month + 1)[1]))


def iso_week(d: date) -> str:
    """'2025-W14' for the ISO week containing `d`."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter(d: date) -> int:
    """Quarter (1-4) of `d`."""
    return (d.month - 1) // 3 + 1


def shifted_value(anchor: date, unit: str, n: int) -> str:
    """TIMEX3 value of the `unit` containing `anchor` moved by `n` units, at the unit's precision."""
    if unit in ("day", "night"):
        return (anchor + timedelta(days=n)).isoformat()
    if unit in ("week", "fortnight"):
        return iso_week(anchor + timedelta(weeks=n))
    if unit == "weekend":
        return iso_week(anchor + timedelta(weeks=n)) + "-WE"
    if unit == "month":
        return add_months(anchor, n).strftime("%Y-%m")
    if unit == "quarter":
        index = anchor.year * 4 + quarter(anchor) - 1 + n
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}"
    return ""


def weekday_date(anchor: date, weekday: int, direction: int) -> date:
    """The date of ISO `weekday` nearest `anchor` looking back (-1), forward (+1) or either way (0)."""
    delta = weekday - anchor.isoweekday()
    if direction < 0:
        return anchor + timedelta(days=delta - 7 if delta > 0 else delta)
    if direction > 0:
        return anchor + timedelta(days=delta + 7 if delta < 0 else delta)
    if delta > 3:
        delta -= 7
    elif delta < -3:
        delta += 7
    return anchor + timedelta(days=delta)


def month_year(anchor: date, month: int, day: int | None, direction: int) -> int:
    """Year of a yearless month (and day) seen from `anchor`: last occurrence (-1), next (+1) or nearest (0)."""
    here = (anchor.month, anchor.day if day else 0)
    there = (month, day or 0)
    if day and valid_day(anchor.year, month, day) and abs((date(anchor.year, month, day) - anchor).days) <= 7:
        return anchor.year  # a day within a week of the anchor: the same week, whatever the tense (or a dateline's time zone)
    if direction < 0:
        if there > here and (month - anchor.month) % 12 <= 1:
            return anchor.year  # next month in a past-tense clause: more often a wrong tense than last year's month
        return anchor.year if there <= here else anchor.year - 1
    if direction > 0:
        return anchor.year if there >= here else anchor.year + 1
    gap = month - anchor.month
    if gap > 6:
        return anchor.year - 1
    if gap < -6:
        return anchor.year + 1
    return anchor.year


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether `day` exists in `month` (of `year`, or of a leap year when the year is unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= _cal.monthrange(year or 2000, month)[1]
