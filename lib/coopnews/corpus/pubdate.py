"""Publication dates printed on the page: datelines ("NANJING, China, April 3, 2025 /PRNewswire/ --"),
timestamp lines ("Updated: 2019-03-26 08:23", "(Xinhua) 13:57, September 29, 2024", "Source: Xinhua |
2021-05-04") and bylines ("By Li Wei | May 4, 2021", "By Jane Smith, May 4, 2021 10:12 am"). Never copyright
footers, never dates from the body: a line counts only when it is nothing but names, labels and one date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import bylines
from .dates import DATE_RE, MONTH_RE, MONTHS, parse_date

_PLACE = r"[A-Z][\w.'’\-]*(?:[ -][A-Z][\w.'’\-]*){0,3}"
_DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE}(?:\s*\[[^\]\n]{{1,30}}\])?(?:,\s*{_PLACE}){{0,2}}),\s*"  # "New Delhi [India],"
    rf"(?P<date>{DATE_RE}|{MONTH_RE}\s+\d{{1,2}})"
    r"\s*(?:\((?P<wire1>[^)]{1,30})\)|/\s*(?P<wire2>[^/]{1,30}?)\s*/)?"
    r"\s*(?:--|—|–|-|(?<=\)):|(?<=\))(?=[ \t]+\w))\s*",  # "Taipei, March 10 (CNA) Visiting ...": a wire, no dash
    re.IGNORECASE,
)
_HEADER_LABEL = re.compile(
    r"^\s*(?:last\s+)?(?:updated|update|published|posted|released|modified|created|date|time|publication\s+date|"
    r"publish(?:ed)?\s+time|发布时间|更新时间|日期|publié\s+le|mis\s+à\s+jour)\s*(?:on|at|le)?\s*[:：]?\s*",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_CLOCK = (r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?:\s*(?:[ap]\.?m\.?))?"
          r"(?:\s*\(?(?:[A-Z]{2,4}|GMT\s*[+-]\s*\d{1,2}|UTC\s*[+-]?\s*\d{0,2}|[+-]\d\d:?\d\d)\)?)?")
# A printed date with what may surround it on a timestamp line: a weekday, a clock time before or after.
_STAMP = (rf"(?:{_WEEKDAY},?\s*)?(?:{_CLOCK}\s*,?\s*)?(?:{_WEEKDAY},?\s*)?(?:{DATE_RE})"
          rf"(?:\s*(?:,|\bat\b|T)?\s*{_CLOCK})?")
_AGENCY = r"\(\s*[A-Z][\w .&'-]{0,30}\)"
_BARE_TIMESTAMP = re.compile(rf"\s*(?:{_AGENCY}\s*)?{_STAMP}\s*", re.IGNORECASE)  # used with fullmatch
# "By Jane Smith, May 4, 2021", "By Jane Smith on May 4, 2021 10:12 am": a byline ending in its date.
_BYLINE_END = re.compile(rf"^\s*(?:by|author\s*:)\s+(?P<name>[^\d|:]{{2,60}}?)\s*(?:,|\bon\b|-|–|—)?\s*"
                         rf"(?P<stamp>{_STAMP})\s*$", re.IGNORECASE)
_BYLINE_START = re.compile(r"^\s*(?:by|author\s*:|written\s+by)\s", re.IGNORECASE)
_CLOCK_ONLY = re.compile(rf"\s*{_CLOCK}\s*", re.IGNORECASE)
_INNER_LABEL = re.compile(r"\s(?:updated|published|posted|released|date)\s*(?:on|at)?\s*[:：]?\s*", re.IGNORECASE)
_SEGMENTS = re.compile(r"\s*[|·•]\s*|\s+[–—]\s+|\s{3,}")
_COPYRIGHT = re.compile(r"copyright|©|\(c\)\s*\d{4}|all rights reserved", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?][\"”’]?\s+[A-Z]|[.!?]$")
_WEEKDAYS = frozenset(d + "day" for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))


@dataclass(frozen=True)
class PrintedDate:
    """A page's own date as printed: ISO date, precision, where it was read and the printed words' span."""

    date: str
    precision: str
    source: str  # dateline | byline | timestamp
    start: int  # span of the printed date expression in the line
    end: int
    labelled: bool = False  # said to be the page's date ("Updated:", "By …"), not a bare date line


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


def dateline_span(line: str) -> tuple[int, int] | None:
    """Offsets of the date inside a dateline that opens `line`."""
    m = _DATELINE.match(line)
    return (m.start("date"), m.end("date")) if m else None


_DIGIT = re.compile(r"\d")


def printed_date(line: str) -> PrintedDate | None:
    """The page's date from a timestamp line or a byline (see the module doc), or None for any other line;
    Chinese and French header and byline shapes (coopnews.corpus.bylines) when no English one is found."""
    if not _DIGIT.search(line) or _COPYRIGHT.search(line) or len(line.split()) > 16:
        return None  # every printed date has a digit (ASCII or full-width)
    found = _printed_date(line)
    if found is None and (local := bylines.printed_header_date(line)):
        found = PrintedDate(*local)
    return found


def _printed_date(line: str) -> PrintedDate | None:
    """printed_date for English shapes."""
    ends_byline = _BYLINE_END.match(line)
    if ends_byline and _is_name(ends_byline.group("name")):
        return _found(line, ends_byline.start("stamp"), ends_byline.end("stamp"), "byline", True)
    pieces = _pieces(line)
    found = None
    for start, end in pieces:
        piece = line[start:end]
        label = _HEADER_LABEL.match(piece)
        body_start = start + (label.end() if label else 0)
        stamp = _BARE_TIMESTAMP.fullmatch(line, body_start, end)
        if stamp and found is None:
            found = (body_start, end, bool(label))
        elif not (_is_name(piece) or _CLOCK_ONLY.fullmatch(piece) or _inner_label(line, start, end)):
            return None  # a piece of running text: not a timestamp line
    if found is None:
        inner = next((span for s, e in pieces if (span := _inner_label(line, s, e))), None)
        if inner:  # "Source:Xinhua Updated:2021-05-04 10:12"
            return _found(line, *inner, "byline" if _BYLINE_START.match(line) else "timestamp", True)
        if len(pieces) == 1 and (label := _HEADER_LABEL.match(line)) and len(line.split()) <= 10:
            date = parse_date(line[label.end():])  # "Updated 10:12 GMT, 4 May 2021 (edited)"
            if date:
                return PrintedDate(*date, "timestamp", label.end(), len(line.rstrip()), True)
        return None
    start, end, labelled = found
    source = "byline" if _BYLINE_START.match(line) else "timestamp"
    return _found(line, start, end, source, labelled or source == "byline" or len(pieces) > 1)


def _inner_label(line: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the stamp after a label inside a name piece ("Source:Xinhua Updated:2021-05-04")."""
    m = _INNER_LABEL.search(line, start, end)
    if m and _is_name(line[start:m.start()]) and _BARE_TIMESTAMP.fullmatch(line, m.end(), end):
        return m.end(), end
    return None


def _pieces(line: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of a line cut at |, ·, •, a spaced dash or a wide gap."""
    out, pos, stop = [], 0, len(line.rstrip())
    for sep in _SEGMENTS.finditer(line, 0, stop):
        if sep.start() > pos:
            out.append((pos, sep.start()))
        pos = sep.end()
    if pos < stop:
        out.append((pos, stop))
    return out


def _found(line: str, start: int, end: int, source: str, labelled: bool) -> PrintedDate | None:
    agency = re.compile(rf"\s*(?:{_AGENCY})?\s*").match(line, start, end)
    start = agency.end()
    date = parse_date(line[start:end])
    return PrintedDate(*date, source, start, end, labelled) if date else None


def _is_name(piece: str) -> bool:
    """A byline, source or label piece: a few words, no sentence, not starting with a date word."""
    words = piece.strip().split()
    if not words or len(words) > 8 or _SENTENCE.search(piece.strip()):
        return not words
    first = words[0].strip(",:").lower()
    if first in ("by", "source", "from", "author", "editor", "photo", "written", "reporter"):
        first = words[1].strip(",:").lower() if len(words) > 1 else ""
    return first.rstrip(".") not in MONTHS and first not in _WEEKDAYS and not first[:1].isdigit()


def match_header_date(line: str) -> tuple[str, str] | None:
    """(ISO date, precision) from a timestamp line or byline ("Updated: 2019-03-26 08:23"), else None."""
    found = printed_date(line)
    return (found.date, found.precision) if found else None
