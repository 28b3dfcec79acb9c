"""Generic date helpers: calendar dates in free text and metadata, ISO and TIMEX3 values as points in time.

Publication-date detection (datelines, header lines) is coopnews.corpus.pubdate; temporal expressions in
article bodies are coopnews.timeline.timex.
"""
from __future__ import annotations

import re
from datetime import date

import pandas as pd

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
MONTH_RE = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

# Each pattern names year/month/day groups; the first that matches wins.
_DATE_PATTERNS = [
    re.compile(rf"{_YEAR}[-/.](?P<mnum>\d{{1,2}})[-/.](?P<day>\d{{1,2}})(?!\d)"),
    re.compile(rf"{_YEAR}\s*年\s*(?P<mnum>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日"),
    re.compile(rf"{MONTH_RE}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_DAY}\s+{MONTH_RE},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{MONTH_RE},?\s+{_YEAR}", re.IGNORECASE),
]
DATE_RE = "(?:" + "|".join(
    p.pattern.replace("?P<year>", "?:").replace("?P<month>", "?:").replace("?P<day>", "?:").replace("?P<mnum>", "?:")
    for p in _DATE_PATTERNS
) + ")"

_ISO = re.compile(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?$")
_TIMEX_START = re.compile(r"^(\d{4})(?:-(\d\d|Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d)(?:-(\d\d))?)?$")


def parse_date(text: str) -> tuple[str, str] | None:
    """The first calendar date in `text` as (ISO string, precision 'day'|'month'), or None."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
        if groups.get("day") is None:
            return f"{year:04d}-{month:02d}", "month"
        try:
            return date(year, month, int(groups["day"])).isoformat(), "day"
        except ValueError:
            continue
    return None


def normalise_date(value: str) -> tuple[str, str] | None:
    """An ISO date and its precision from a metadata value such as '2025-04-03T08:00:00Z' or '2021'."""
    value = value.strip()
    if re.fullmatch(r"(19|20)\d{2}", value):
        return value, "year"
    if re.fullmatch(r"(19|20)\d{2}-\d{2}", value):
        return value, "month"
    return parse_date(value)


def is_iso_date(value) -> bool:
    """True for 'YYYY', 'YYYY-MM' and 'YYYY-MM-DD' strings."""
    return isinstance(value, str) and bool(_ISO.match(value))


def fractional_year(value) -> float | None:
    """An ISO date as a year with the month's middle as fraction (for plotting); None if not ISO."""
    m = _ISO.match(str(value)) if isinstance(value, str) else None
    if not m:
        return None
    month = int(m.group(2) or 7)
    return int(m.group(1)) + (month - 0.5) / 12


def timex_start(value: str) -> pd.Timestamp | None:
    """Calendar position of a TIMEX3 value: the start of its period (2025-Q2 -> 2025-04-01); None if yearless."""
    first = value.split("/")[0]
    m = _TIMEX_START.match(first)
    if not m:
        return pd.Timestamp(int(first) * 10, 1, 1) if re.fullmatch(r"\d{3}", first) else None
    year, part, day = int(m.group(1)), m.group(2), m.group(3)
    if part is None:
        return pd.Timestamp(year, 1, 1)
    if part.isdigit():
        return pd.Timestamp(year, int(part), int(day or 1))
    if part[0] == "Q":
        return pd.Timestamp(year, 3 * int(part[1]) - 2, 1)
    if part[0] == "H":
        return pd.Timestamp(year, 1 if part == "H1" else 7, 1)
    if part[0] == "W":
        return pd.Timestamp.fromisocalendar(year, int(part[1:]), 1)
    return pd.Timestamp(year, {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[part], 1)
