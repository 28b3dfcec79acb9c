"""What the Chinese and French taggers share: a candidate-span scanner (longest match first, no overlaps) and
the anchoring of yearless and relative values on the publication date, by the same rules as English
(../shared/ANNOTATION.md): a year stated earlier in the sentence anchors a yearless date, else the anchor and
the clause's tense choose the year; without an anchor what cannot be known stays X."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import calendar as cal

_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?:\s|$)")


@dataclass
class Anchored:
    """The anchor (publication date) of one text and the year last stated in the current sentence."""

    text: str
    anchor: date | None
    precision: str | None
    future: re.Pattern
    sentence_year: int | None = None
    sentence_month: tuple[int | None, int] | None = None  # (year, month) of the last day-precise date
    _sentence_end: int = field(default=-1, repr=False)

    def enter(self, start: int) -> None:
        """Moving to an expression at `start`: forget the sentence year once a sentence boundary is passed."""
        if self._sentence_end >= 0 and _SENTENCE_END.search(self.text, self._sentence_end, start):
            self.sentence_year = None
            self.sentence_month = None
        self._sentence_end = start

    def state_year(self, year: int) -> None:
        self.sentence_year = year

    def state_month(self, value: str) -> None:
        """Remember the month of a day-precise value ('2024-10-22', 'XXXX-10-22') for the days after it."""
        m = re.match(r"(\d{4}|XXXX)-(\d\d)-\d\d", value)
        if m:
            self.sentence_month = (None if m.group(1) == "XXXX" else int(m.group(1)), int(m.group(2)))

    @property
    def day(self) -> date | None:
        return self.anchor if self.anchor is not None and self.precision == "day" else None

    def direction(self, start: int, end: int) -> int:
        """+1 when the clause speaks of the future, else -1 (news reports what happened)."""
        lo = start
        while lo > 0 and start - lo < 40 and not _SENTENCE_END.match(self.text, lo - 1):
            lo -= 1
        hi = end
        while hi < len(self.text) and hi - end < 30 and not _SENTENCE_END.match(self.text, hi):
            hi += 1
        return 1 if self.future.search(self.text[lo:hi]) else -1

    def year_of(self, month: int, day: int | None, start: int, end: int) -> int | None:
        """Year of a yearless month (and day): the sentence's year, else from the anchor by tense, else None."""
        if self.sentence_year is not None:
            return self.sentence_year
        if self.anchor is None:
            return None
        return cal.month_year(self.anchor, month, day, self.direction(start, end))

    def month_of_day(self, day: int, start: int, end: int) -> tuple[int, int] | None:
        """(year, month) of a bare day of the month ("25日"): the anchor's month, the previous one when the day
        lies after the anchor in a past clause."""
        if self.sentence_month is not None:
            return self.sentence_month
        anchor = self.day
        if anchor is None:
            return None
        if day > anchor.day and self.direction(start, end) < 0:
            prev = cal.add_months(anchor.replace(day=1), -1)
            return prev.year, prev.month
        return anchor.year, anchor.month

    def shifted(self, unit: str, n: int) -> str | None:
        """The unit ('day', 'week', 'month', 'year') containing the anchor moved by `n`; None without anchor."""
        if self.anchor is None or (unit in ("day", "week") and self.day is None) or \
                (unit == "month" and self.precision == "year"):
            return None
        return cal.shifted_value(self.anchor, unit, n)

    def weekday(self, weekday: int, rel: int, start: int, end: int) -> str:
        """Date of a weekday (1 = Monday): rel -1 last, +1 next, 0 by tense (this week's when it names it)."""
        anchor = self.day
        if anchor is None:
            return f"XXXX-WXX-{weekday}"
        if rel < 0:
            return cal.weekday_date(anchor - timedelta(days=1), weekday, -1).isoformat()
        if rel > 0:
            return cal.weekday_date(anchor + timedelta(days=1), weekday, 1).isoformat()
        return cal.weekday_date(anchor, weekday, self.direction(start, end)).isoformat()


def date_value(year: int | None, month: int | None, day: int | None) -> str | None:
    """'2025-03-26', 'XXXX-03-26', '2025-03', 'XXXX-XX-26'; None for an impossible day."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (not 1 <= day <= 31 or (month and not cal.valid_day(year, month, day))):
        return None
    y = f"{year:04d}" if year else "XXXX"
    m = f"{month:02d}" if month else "XX"
    return f"{y}-{m}" + (f"-{day:02d}" if day is not None else "")


def select(candidates: list[tuple[int, int, int, object]]) -> list[tuple[int, int, int, object]]:
    """Non-overlapping (start, end, priority, payload) candidates: leftmost, then longest, then lowest priority."""
    out: list = []
    for cand in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]), c[2])):
        if out and cand[0] < out[-1][1]:
            continue
        out.append(cand)
    return out


def emit(out: tuple, start: int, end: int, text: str, kind: str, value: str) -> None:
    """Append one expression to the five column lists of the English tagger's output."""
    out[0].append(start)
    out[1].append(end)
    out[2].append(text)
    out[3].append(kind)
    out[4].append(value)
