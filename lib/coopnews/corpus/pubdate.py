"""Publication dates: datelines ("NANJING, China, April 3, 2025 /PRNewswire/ --") and header lines
("Updated: 2019-03-26 08:23"). Never copyright footers, never dates from the body."""
from __future__ import annotations

import re

from . import bylines
from .dates import DATE_RE, MONTH_RE, parse_date

_PLACE = r"[A-Z][\w.'’\-]*(?:[ -][A-Z][\w.'’\-]*){0,3}"
_DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}}),\s*(?P<date>{DATE_RE}|{MONTH_RE}\s+\d{{1,2}})"
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


def match_dateline(line: str) -> tuple[tuple[str, str] | None, int] | None:
    """If `line` opens with a dateline, return (parsed date or None when it has no year, end offset)."""
    m = _DATELINE.match(line)
    if not m:
        return bylines.match_dateline(line)  # Chinese wire and paper datelines
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
        found = parse_date(line[label.end():])
        if found:
            return found
    if _BARE_TIMESTAMP.match(line):
        return parse_date(line)
    byline = _BYLINE_DATE.match(line)
    if byline:
        return parse_date(byline.group("date"))
    return bylines.match_header_date(line)  # Chinese and French header and byline shapes
