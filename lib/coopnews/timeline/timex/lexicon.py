"""Word lists of the temporal tagger: months, weekdays, number words, units, seasons and their TIMEX3 codes."""
from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}

UNITS = {  # unit word (singular) -> (TIMEX3 duration code, is a time unit: PT..)
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "millennium": ("ML", False),
}
UNIT_PLURALS = {"centuries": "century", "millennia": "millennium"}

ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
VAGUE_QUANTITIES = ("a few", "a couple of", "a couple", "several", "some", "many", "a number of", "few",
                    "dozens of", "hundreds of", "thousands of", "a dozen")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "thirtieth": 30, "thirty-first": 31}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}
# Fixed-date holidays: name -> (month, day); a day of None names the season around it ("the Christmas period").
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
            "new year's day": (1, 1), "new year's eve": (12, 31), "new year day": (1, 1), "valentine's day": (2, 14),
            "halloween": (10, 31), "bastille day": (7, 14), "christmas period": (12, None),
            "christmas season": (12, None), "christmas holidays": (12, None)}
# Words after which "future" / "the future" is still the noun ("the future of", "the future is"); before any
# other lowercase word it is the adjective ("future cooperation", "the future owner"), which is not tagged.
FUTURE_NOUN_FOLLOWERS = frozenset("""of is was will would and or but for in with to as that which at on by are were
    has have had could can may might looks look seems seem holds hold lies lie remains remain depends depend belongs
    belong because when where if than so it we they he she i you together too""".split())
SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
        "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W", "biannually": "P6M"}
PRESENT_WORDS = ("now", "currently", "current", "nowadays", "at present", "presently", "right now", "these days",
                 "at the moment", "the present", "today's", "present-day", "for now", "so far", "to date")
PAST_WORDS = ("recently", "recent", "lately", "previously", "formerly", "the past", "earlier", "once",
              "in the past", "past")
FUTURE_WORDS = ("the future", "future", "soon", "shortly", "the near future", "the coming", "the years ahead",
                "the months ahead", "the weeks ahead", "the days ahead", "later", "eventually", "in the future")


def number_value(words: str) -> int | float | None:
    """'twenty-five' -> 25, '3' -> 3, '1 1/2' -> 1.5, 'a' -> 1; None for vague quantities ('several')."""
    w = words.lower().replace(",", "").strip()
    if w in ("a", "an", "one"):
        return 1
    if w in ("a couple of", "a couple", "couple of"):
        return 2
    if w in ("a dozen", "dozen"):
        return 12
    if w in ("half a", "half an", "a half"):
        return 0.5
    try:
        return float(w) if "." in w else int(w)
    except ValueError:
        pass
    parts = w.replace("-", " ").replace(" and ", " ").split()
    if len(parts) == 2 and "/" in parts[1] and parts[0].isdigit():
        num, den = parts[1].split("/")
        return int(parts[0]) + int(num) / int(den) if den.isdigit() and int(den) else None
    total, current = 0, 0
    for part in parts:
        if part in ONES:
            current += ONES[part]
        elif part in TENS:
            current += TENS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif part in ("a", "an", "half"):
            if part == "half":
                current += 0.5
            else:
                current += 1
        else:
            return None
    return total + current if parts else None
