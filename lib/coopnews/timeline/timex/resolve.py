"""Normalisers: one function per grammar rule, from the rule's match to (TIMEX3 type, value), or None to reject.

They live in modules by what they normalise (dates, times, periods, durations, references); RESOLVERS maps each
grammar rule to its normaliser.
"""
from __future__ import annotations

from .context import Context
from .dates import (date_dmy, date_iso, date_mdy, day_range_head, holiday, month, month_year, ordinal_day, timestamp,
                    weekday, year)
from .durations import adj_duration, duration, set_
from .periods import ago, century, decade, half, quarter, relative, season, year_end
from .references import deictic
from .times import clock, daypart

RESOLVERS = {
    "timestamp": timestamp, "clock": clock, "daypart": daypart, "date_mdy": date_mdy, "date_dmy": date_dmy,
    "day_range_head": day_range_head, "date_iso": date_iso, "holiday": holiday, "month_year": month_year, "half": half,
    "quarter": quarter, "season": season, "decade": decade, "century": century, "ago": ago,
    "relative": relative, "year_end": year_end, "duration": duration, "adj_duration": adj_duration,
    "year": year, "weekday": weekday, "month": month, "deictic": deictic, "set": set_, "ordinal_day": ordinal_day,
}

__all__ = ["Context", "RESOLVERS", *sorted({f.__name__ for f in RESOLVERS.values()} | {"date_dmy"})]
