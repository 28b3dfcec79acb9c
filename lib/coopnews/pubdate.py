"""Publication dates: datelines ("NANJING, China, April 3, 2025 /PRNewswire/ --") and header lines
("Updated: 2019-03-26 08:23"). Never copyright footers, never dates from the body."""
from __future__ import annotations

import re
from datetime import date

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
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

# Each pattern names year/month/day groups; the first that matches wins.
_DATE_PATTERNS = [
    re.compile(rf"{_YEAR}[-/.](?P<mnum>\d{{1,2}})[-/.](?P<day>\d{{1,2}})(?!\d)"),
    re.compile(rf"{_YEAR}\s*年\s*(?P<mnum>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日"),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
]
DATE_RE = "(?:" + "|".join(
    p.pattern.replace("?P<year>", "?:").replace("?P<month>", "?:").replace("?P<day>", "?:").replace("?P<mnum>", "?:")
    for p in _DATE_PATTERNS
) + ")"

_PLACE = r"[A-Z][\w.'’\-]*(?:[ -][A-Z][\w.'’\-]*){0,3}"
_DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}}),\s*(?P<date>{DATE_RE}|{_MONTH}\s+\d{{1,2}})"
    r"\s*(?:\((?P<wire1>[^)]{1,30})\)|/\s*(?P<wire2>[^/]{1,30}?)\s*/)?\s*(?:--|—|–|-)\s*",
    re.IGNORECASE,
)
_HEADER_LABEL = re.compile(
    r"^\s*(?:last\s+)?(?:updated|published|posted|released|date|time|publication\s+date|"
    r"publish(?:ed)?\s+time|发布时间|更新时间|日期|publié\s+le|mis\s+à\s+jour)\s*(?:on|le)?\s*[:：]?\s*",
    re.IGNORECASE,
)
_BARE_TIMESTAMP = re.compile(rf"^\s*{DATE_RE}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*$", re.IGNORECASE)
_BYLINE_DATE = re.compile(rf"^\s*(?:by|source|来源)\b[^|]{{1,80}}\|\s*(?P<date>{DATE_RE})", re.IGNORECASE)
_COPYRIGHT = re.compile(r"copyright|©|\(c\)\s*\d{4}|all rights reserved", re.IGNORECASE)


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


def match_dateline(line: str) -> tuple[tuple[str, str] | None, int] | None:
    """If `line` opens with a dateline, return (parsed date or None when it has no year, end offset)."""
    m = _DATELINE.match(line)
    if not m:
        return None
    place_words = m.group("place").replace(",", " ").split()
    has_wire = bool(m.group("wire1") or m.group("wire2"))
    if not (has_wire or place_words[0].isupper()):
        return None  # "Paris, March 3, 2025 - ..." in mixed case is too weak a signal without a wire name
    return parse_date(m.group("date")), m.end()


def match_header_date(line: str) -> tuple[str, str] | None:
    """A date from a header or timestamp line ("Updated: 2019-03-26 08:23"), never from a copyright line."""
    if _COPYRIGHT.search(line) or len(line.split()) > 14:
        return None
    label = _HEADER_LABEL.match(line)
    if label:
        return parse_date(line[label.end():])
    if _BARE_TIMESTAMP.match(line):
        return parse_date(line)
    byline = _BYLINE_DATE.match(line)
    if byline:
        return parse_date(byline.group("date"))
    return None
