"""The tagger's grammar: one regex per rule (named groups for the normaliser), joined into master regexes.

Rules are tried in order at each position, so longer and more specific rules come first. TOKEN finds where an
expression may begin; RULES_BY_FIRST_WORD says which rules can begin with each opening word, so the scanner's
master regex for that word holds only those.
"""
from __future__ import annotations

import functools
import re
import string

from .lexicon import DECADE_WORDS, HOLIDAYS, MONTHS, ONES, ORDINALS, SEASONS, TENS, UNITS, WEEKDAYS


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cased(words) -> str:
    """Case-sensitive alternation of Title-case and UPPER-case forms."""
    forms = [w.title() for w in words] + [w.upper() for w in words]
    return "(?-i:" + _alt(forms) + ")"


_FULL_MONTHS = [m for m, n in MONTHS.items() if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
MONTH = rf"(?:{_cased(_FULL_MONTHS)}\b|{_cased(_ABBR_MONTHS)}(?:\.|\b))"
WEEKDAY = rf"(?:{_cased(WEEKDAYS)}\b)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"  # "April 12: Governor ..." is a date; "12:30" a time
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d|,\d\d\d|\.\d|\s*%|\s*per\s?cent)"
_NUMWORD = rf"(?:(?:{_alt(TENS)})(?:[-\s](?:{_alt(k for k in ONES if ONES[k] < 10 and k != 'zero')}))?|{_alt(ONES)})"
NUMBER = (rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{_NUMWORD}(?:\s+hundred)?|one\s+and\s+a\s+half|a\s+few|a\s+couple(?:\s+of)?|couple\s+of"
          r"|several|many|few|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of|half\s+an?|a|an)")
NUMBER_RANGE = rf"{NUMBER}(?:\s*(?:-|–|to|or)\s*{NUMBER})?"
_UNIT_WORDS = [u for u in UNITS if u not in ("night",)]
UNIT = rf"(?:{_alt(_UNIT_WORDS)}|centuries|millennia)s?\b"
UNIT_SINGULAR = rf"(?:{_alt(_UNIT_WORDS)})\b"
QUANT_MOD = (r"(?:about|around|approximately|nearly|almost|roughly|more\s+than|less\s+than|fewer\s+than|at\s+least|"
             r"at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|just\s+over|just\s+under|well\s+over|over|under|"
             r"close\s+to|some)")
POINT_MOD = (r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half)\s+of"
             r"|early|late|mid|earlier|later|around|about|end(?=-))")
ORDINAL = rf"(?:{_alt(ORDINALS)}|[1-4](?:st|nd|rd|th))"
DECADE = rf"(?:{_alt(DECADE_WORDS)})"
TZ = r"(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|ET|PT|local\s+time|Beijing\s+time|Paris\s+time)"
AMPM = r"(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)"
DAYWORD = rf"(?:{WEEKDAY}|today|yesterday|tomorrow|tonight)"
_DAY_WORDS = [w for w, n in ONES.items() if 1 <= n] + [f"{t}-{o}" for t in ("twenty", "thirty") for o, n in ONES.items()
                                                   if 1 <= n <= (9 if t == "twenty" else 1)] + ["twenty", "thirty"]
DAY_WORD = rf"(?:{_cased(_DAY_WORDS)}\b)"
MILITARY_TIME = r"(?:[01]\d|2[0-3])[0-5]\d"
HOLIDAY = _alt(w.replace("'", "’") for w in HOLIDAYS) + "|" + _alt(HOLIDAYS)
YEAR_REL = r"(?:this|last|next|the\s+previous|the\s+following|the\s+same)\s+year"

_CLOCK_24 = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"


def _full_date(p: str) -> str:
    """A date with day, month and year in the forms timestamp lines print, its groups named with prefix `p`."""
    return (rf"(?:(?P<{p}y>(?:19|20)\d\d)[-/.](?P<{p}mn>[01]?\d)[-/.](?P<{p}d>[0-3]?\d)(?!\d)"
            rf"|(?P<{p}month>{MONTH})\s*(?P<{p}d2>{DAY}),?\s*(?P<{p}y2>{YEAR})"
            rf"|(?P<{p}d3>{DAY})\s+(?P<{p}month3>{MONTH}),?\s*(?P<{p}y3>{YEAR}))")


RULES: list[tuple[str, str]] = [
    # a timestamp line: "2021-05-04 10:12", "March 3, 2022 09:41", "09:41, March 3, 2022", "3 May 2022 at 9:41 am"
    ("timestamp", rf"{_full_date('a')}(?:\s*,?\s*(?:at\s+)?|T)(?P<atime>{_CLOCK_24})(?:\s*(?P<aampm>{AMPM}))?(?![\d:])"
                  rf"|(?P<btime>{_CLOCK_24})(?:\s*(?P<bampm>{AMPM}))?\s*,?\s+{_full_date('b')}"),
    ("clock", rf"(?:(?:at\s+)?(?:about|around|approximately|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?"
              rf"(?:(?P<dayword>{DAYWORD})\s*,?\s+(?:at\s+)?)?"
              rf"(?:(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\s*(?P<ampm>{AMPM})?|(?P<hour2>1[0-2]|0?[1-9])\s*(?P<ampm2>{AMPM})"
              rf"|(?P<noon>noon|midday|midnight)"
              rf"|(?P<mil>{MILITARY_TIME})(?=(?:\s*(?:-|–|to|and)\s*{MILITARY_TIME})?\s*\(?(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]T|local\s+time)\b))"
              rf"(?:\s*\(?(?P<tz>{TZ})\)?)?"
              rf"(?:\s*,?\s*(?P<dayword2>today|yesterday|tomorrow|{WEEKDAY})(?:\s*,?\s*(?P<month2>{MONTH})\s+(?P<day2>{DAY}))?"
              rf"|\s*,?\s*(?P<month3>{MONTH})\s+(?P<day3>{DAY}))?"),
    ("daypart", rf"(?:(?P<mod>early|late|mid)[-\s]+)?(?:(?P<deictic>this|last|yesterday|tomorrow|today|{WEEKDAY})\s+)"
                r"(?P<part>morning|afternoon|evening|night)\b|(?P<tonight>tonight|overnight)\b"
                r"|(?P<part2>mid-?afternoon|mid-?morning|late\s+afternoon|early\s+morning)\s+(?P<deictic2>today|yesterday)"
                rf"|(?:the\s+)?(?P<part3>morning|afternoon|evening|night)\s+of\s+(?:(?P<month4>{MONTH})\s+(?P<day4>{DAY})|(?P<day5>{DAY})\s+(?P<month5>{MONTH}))(?:\s*,?\s*(?P<year4>{YEAR}))?"
                r"|(?P<the>the)\s+(?P<part4>morning|afternoon|evening)\b(?!\s+(?:of|session|edition|news|paper|rush|peak)\b)"),
    ("date_mdy", rf"(?:(?P<pmod>early|late|around|mid)\s+)?(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?:the\s+)?(?P<month>{MONTH})"
                 rf"(?:,\s*(?=\d\d?(?:st|nd|rd|th)\b|\d\d?\s*,\s*(?:1[5-9]|20)\d\d\b)|\s*)(?P<day>{DAY}|{DAY_WORD})"
                 # "June, 17th", "February, 26, 1996"
                 rf"(?:\s*,?\s*(?P<year>{YEAR})|\s*,\s*'(?P<yy>\d\d)\b|\s+(?P<rely>{YEAR_REL}))?"),
    ("date_dmy", rf"(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?:the\s+)?(?P<day>{DAY})(?:(?:\s+of)?\s+|(?<=\d)(?=[A-Z]))"
                 rf"(?P<month>{MONTH})"
                 rf"(?:\s*,?\s*(?P<year>{YEAR}))?"),
    ("day_range_head", rf"(?:the\s+)?(?P<day>{DAY})(?=\s*(?:-|–|—|to|and|until|through)\s*(?:the\s+)?{DAY}\s+"
                       rf"(?:of\s+)?(?P<month>{MONTH})"
                       rf"(?:\s*,?\s*(?P<year>{YEAR}))?)"),
    ("date_iso", rf"(?P<year>(?:1[5-9]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?\b"
                 r"|(?P<year2>(?:19|20)\d\d)/(?P<month2>[01]?\d)/(?P<day2>[0-3]?\d)\b"
                 r"|(?P<month3>[0-3]?\d)/(?P<day3>[0-3]?\d)/(?P<year3>(?:19|20)\d\d|\d\d)\b"
                 r"|(?P<month5>[0-3]?\d)-(?P<day5>[0-3]?\d)-(?P<year5>(?:19|20)\d\d)\b"),  # "16-01-2018"
    # "signed it at City Hall on the 21st", "On the 22nd, Gwangju announced": a day of the month alone, after "on"
    # "on the 30th of last month" (Korean and Chinese English-language press): that day of the month named
    ("ordinal_day", r"the\s+(?P<oday>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?:\s+of\s+(?P<orel>last|this|next)\s+month\b"
                    r"|(?=\s*(?:[,.;:)]|$)|\s+(?:at|in|and|to|with|by|when|as|during|that|for|from)\b))"),
    ("holiday", rf"(?:the\s+)?(?P<hol>{HOLIDAY})\b(?:\s+(?P<year>{YEAR}))?"),
    ("month_year", rf"(?:(?P<pmod>{POINT_MOD})[-\s]+)?(?P<month>{MONTH})(?:(?:\s+of|,)?\s+|(?<=\.))(?P<year>{YEAR})"),
    # "Nov.2001": an abbreviation's full stop may close up to the year
    ("half", rf"(?:the\s+)?(?P<ord>first|second|1st|2nd|latter)\s+half(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rely>{YEAR_REL})|the\s+year))?"),
    ("quarter", rf"(?:the\s+)?(?:(?P<rel>this|last|next|latest|current|previous|past|recent|same|year-ago|year-earlier|"
                rf"comparable|prior|final|just-ended|just\s+ended|most\s+recent)\s+(?:year's\s+)?)?(?:(?P<year1>{YEAR})\s+)?"
                rf"(?:fiscal\s+|calendar\s+)?(?:(?P<ord>{ORDINAL}|final|last)[-\s]+(?:fiscal[-\s]+)?(?:-\s*)?quarter\b|(?P<bare>quarter)\b)"
                rf"(?:\s+of\s+(?:fiscal\s+|the\s+)?(?:(?P<year2>{YEAR})|(?P<rely>{YEAR_REL})))?"
                rf"|\b(?:Q(?P<qn>[1-4])\s*(?P<year3>{YEAR})?|(?P<year4>{YEAR})\s*Q(?P<qn2>[1-4]))\b"),
    ("season", rf"(?:(?P<pmod>early|late|mid)[-\s]+)?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|the)\s+)?"
               rf"(?P<season>{_alt(SEASONS)})\b(?:\s+(?:of\s+)?(?P<year>{YEAR}))?"),
    ("decade", rf"(?:the\s+)?(?:(?P<pmod>early|late|mid)[-\s]+)?(?:(?P<dec>1[5-9]\d0|20\d0)['’′]?s\b|'(?P<dec2>\d0)s\b|(?P<decw>{DECADE})\b)"),
    ("century", rf"(?:the\s+)?(?:(?P<pmod>early|late|mid)[-\s]+)?(?:(?P<num>\d{{1,2}})(?:st|nd|rd|th)|(?P<ordw>{_alt(ORDINALS)}))[-\s]century\b"),
    ("ago", rf"(?:(?P<qmod>{QUANT_MOD})\s+)?(?:(?P<num>{NUMBER})\s+)?(?P<unit>{UNIT})\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence|back)\b"),
    ("relative", rf"(?:(?P<pmod>{POINT_MOD})\s+(?:in\s+)?)?(?P<rel>this|last|next|past|coming|previous|following|current|"
                 rf"the\s+same|the\s+current|the\s+coming|the\s+past|the\s+previous|the\s+next|the\s+following|the\s+last|"
                 rf"the\s+latest|the|this\s+coming|this\s+past)\s+(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<unit>week|weekend|month|year|decade|century)\b"
                 r"(?!\s*-?\s*(?:ago|earlier|old|long|later)\b)"),
    ("year_end", r"(?P<which>year|month|week)-end\b|(?:the\s+)?(?P<which2>end|beginning|start|middle)\s+of\s+(?:the\s+)?(?P<unit>year|month|week|day)\b"),
    ("duration", rf"(?:(?P<every>each|all)\s+of\s+)?(?:the\s+)?(?:(?P<span>past|last|next|first|coming|previous|final|following|latest|recent|"
                 rf"remaining|initial|ensuing|same|prior|preceding|subsequent|second|third)\s+)?(?:(?P<qmod>{QUANT_MOD})\s+)?"
                 rf"(?:(?P<num>{NUMBER_RANGE})\s+)?(?:(?:more|additional|full|straight|consecutive|successive|trading|business|"
                 rf"calendar|working|further|extra)\s+)?(?P<unit>{UNIT})(?P<orso>\s+or\s+so)?(?:\s+of\s+(?P<ofyear>{YEAR})\b)?"),
    ("adj_duration", rf"(?P<num>\d+(?:\.\d+)?|{_NUMWORD}|half)-(?P<unit>{UNIT_SINGULAR})(?P<old>-old)?\b"),
    ("year", rf"(?:(?P<pmod>{POINT_MOD})[-\s]+)?(?:(?P<fiscal>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|the\s+fiscal\s+year|(?:the\s+)?full\s+year)\s*)?"
             rf"(?<![$£€#.\d])(?P<year>{YEAR})\b(?!\s*(?:-\s*\d|[-–]\d))|(?<![$£€#.\d])(?P<ystart>{YEAR})(?=\s*[-–]\s*(?:1[5-9]|20)\d\d\b)"),
    ("weekday", rf"(?:(?P<rel>this\s+coming|this\s+past|this|last|next|early|late|earlier|later)\s+)?(?P<wd>{WEEKDAY})(?P<plural>s\b)?"
                r"(?:\s*,?\s+(?:the\s+)?(?P<wday>[0-3]?\d)(?:st|nd|rd|th)\b)?"),  # "Saturday 4th": the 4th, a Saturday
    ("month", rf"(?:(?P<pmod>{POINT_MOD})[-\s]+)?(?:(?P<rel>this\s+past|this\s+coming|this|last|next)\s+)?(?P<month>{MONTH})"
              rf"(?:\s+(?:of\s+)?(?P<rely>{YEAR_REL}))?"),  # "May this year", "February of last year"
    ("deictic", r"(?P<word>today|yesterday|tomorrow|right\s+now|now|currently|nowadays|presently|these\s+days|"
                r"the\s+present|recently|lately|formerly|the\s+past|the\s+near\s+future|the\s+future|"
                r"(?:the\s+)?coming\s+(?:days|weeks|months|years|decades)|"
                r"(?:the\s+)?(?:days|weeks|months|years|decades)\s+ahead|the\s+(?:decade|year|month|week)\s+ahead|in\s+the\s+past|recent|current|future|soon(?!\s+(?:after|before|as|afterwards?)\b)|"
                r"present|"
                r"(?:the\s+)?time\s+being|as\s+soon\s+as\s+possible)\b(?!-)"),
    ("set", rf"(?P<each>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{NUMBER})\s+)?(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<month>{MONTH}))"
            r"|(?P<freq>once|twice|thrice|(?:\d+|two|three|four|five|six|ten)\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit2>"
            rf"{UNIT_SINGULAR})|(?P<adv>daily|nightly|weekly|monthly|annually|yearly|hourly|biweekly|biannually)\b"
            r"|(?P<each2>every|each)\s+(?P<part>morning|afternoon|evening|night)\b|(?:the\s+)?(?P<weekends>weekends)\b"
            rf"|(?P<per>per)\s+(?P<unit3>{UNIT_SINGULAR})"),
]


def _renamed(pattern: str, prefix: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", rf"(?P<{prefix}\1>", pattern)


COMPILED = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in RULES]

# Rules that can open with a number, a month name or a weekday name; a word opens any rule but these three.
OPENERS = {
    "digit": {"timestamp", "clock", "date_dmy", "day_range_head", "date_iso", "quarter", "decade", "century", "ago", "duration",
              "adj_duration", "year", "set", "daypart"},
    "month": {"timestamp", "date_mdy", "month_year", "month", "clock"},
    "weekday": {"clock", "daypart", "date_mdy", "date_dmy", "weekday", "set"},
    "word": {name for name, _ in RULES} - {"date_iso", "day_range_head", "timestamp"},
}


@functools.lru_cache(maxsize=None)
def master(indices: tuple[int, ...]) -> tuple[re.Pattern, dict[int, tuple[int, tuple[str, ...], tuple[int, ...]]]]:
    """One regex trying the rules at `indices` in grammar order, and for the group wrapping each rule: the rule's
    index and its named groups (names, group numbers in the master), so one match gives the rule's groups."""
    body = "|".join(f"(?P<r{i}_>{_renamed(RULES[i][1], f'r{i}_')})" for i in indices)
    rx = re.compile(r"(?<![\w'])(?:" + body + r")(?![\w])", re.IGNORECASE)
    groups = {}
    for i in indices:
        prefix = f"r{i}_"
        named = sorted((number, name[len(prefix):]) for name, number in rx.groupindex.items()
                       if name.startswith(prefix) and name != prefix)
        groups[rx.groupindex[prefix]] = (i, tuple(n for _, n in named), tuple(number for number, _ in named))
    return rx, groups


def openers_of(kind: str) -> tuple[int, ...]:
    """Indices of the rules an opener of `kind` (digit, month, weekday, word) may start."""
    return tuple(i for i, (name, _) in enumerate(RULES) if name in OPENERS[kind])


MASTERS = {kind: master(openers_of(kind)) for kind in OPENERS}
MASTER = MASTERS["word"][0]

# Words an expression can start with: the scanner tries the grammar only where one of these (or a digit) begins.
FIRST_WORDS = frozenset(
    [m for m in MONTHS] + list(WEEKDAYS) + list(ONES) + list(TENS) + list(ORDINALS) + list(SEASONS)
    + list(DECADE_WORDS) + [u for u in UNITS] + [u + "s" for u in UNITS] + ["centuries", "millennia"]
    + """the a an at about around approximately shortly just after before early late mid this last next past coming
    previous following current same latest each all every other final initial more less fewer most up no nearly
    almost roughly over under well close some several many few dozens hundreds thousands half fiscal fy calendar
    q year month week end beginning start middle turn by earlier later recent remaining ensuing prior
    preceding subsequent today yesterday tomorrow tonight overnight now right currently nowadays presently these
    recently lately formerly future noon midday midnight once twice thrice daily nightly weekly monthly annually
    yearly hourly biweekly biannually time comparable final just soon present per weekends full christmas boxing
    new valentine halloween bastille morning afternoon evening night further extra""".split())
NUMBER_WORDS = frozenset(list(ONES) + list(TENS) + ["a", "an", "half", "few", "several", "many", "dozens", "hundreds",
                                                    "thousands"])
# Frequent words that open an expression only when the next word could too ("the past three years", "at 10 a.m.").
WEAK_FIRST_WORDS = frozenset("""the a an at in on by as over under some more less up no well close just after before
    all other end start turn right time these about around early late this each every year month week half
    many few several same prior earlier later most first second third fourth final past next previous
    following current coming recent per new full""".split())


def _trie(words) -> str:
    """A regex alternation of `words` nested by shared prefixes, so a failing word fails after a letter or two."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        parts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 and len(parts[0]) == 1 else "(?:" + "|".join(parts) + ")"
        return body + "?" if optional else body

    return emit(tree)


# What may follow a number that starts an expression ("10 a.m.", "24 June", "three years", "1990s", "10-year").
NUMBER_FOLLOW = re.compile(
    rf"(?:[.,]\d+)?(?:\s+\d/\d)?(?:[:/]\d|(?:st|nd|rd|th)\b|['’′]?s\b|\s*(?:-|–|—)\s*\w|\s*(?:a\.?m\b|p\.?m\b|{UNIT}|{MONTH}|"
    r"(?:to|or|and|through)\s+\w|more\b|additional\b|full\b|further\b|extra\b|straight\b|consecutive\b|successive\b|trading\b|"
    rf"business\b|calendar\b|working\b|times\b|hundred\b|{TZ}|\s*Q[1-4]\b|in\s+the\s+morning))", re.IGNORECASE)
NEXT_TOKEN = re.compile(r"[\s-]+([A-Za-z]+|\d|'\d)")
NUMBER_WORD_FOLLOW = re.compile(rf"(?:[\s-]+(?:{_alt(k for k in ONES if ONES[k] < 10)}|and\s+a\s+half|hundred|of))?"
                                + NUMBER_FOLLOW.pattern, re.IGNORECASE)

_ASCII_WORD_END = r"(?-i:(?![A-Za-z]))"
_OPENER = rf"(?:\d|'\d|(?:{_trie(sorted(w for w in FIRST_WORDS if w.isalpha()))}){_ASCII_WORD_END})"
_ARTICLE = rf"(?-i:[Tt][Hh][Ee]|[Aa][Nn]?|[Tt][Hh][Aa][Nn]|[Tt][Oo]|[Ll][Ee][Aa][Ss][Tt]|[Mm][Oo][Ss][Tt]){_ASCII_WORD_END}"
# A quick test that the next word (after an article) could continue an expression; the scanner confirms it with
# NEXT_TOKEN, so this only has to let every such case through.
MAY_CONTINUE = re.compile(rf"[\s-]+(?:{_ARTICLE}[\s-]+{_OPENER}|(?!{_ARTICLE}){_OPENER})", re.IGNORECASE)

# Candidate openers only: a number, a '90s-style decade, or a word of FIRST_WORDS (whole word).
_TOKEN = rf"(?<![A-Za-z0-9])(?:\d+|'\d|(?:{_trie(sorted(FIRST_WORDS))})(?![A-Za-z]))"
TOKEN = re.compile(_TOKEN, re.IGNORECASE)
# TOKEN for lowercased text, case-sensitive (twice as fast): the same matches wherever lowercasing keeps the
# offsets and folds letters as IGNORECASE does, i.e. in text without "ſ", "ı" or "İ" (see scanner.tokens).
TOKEN_LOWERCASE = re.compile(_TOKEN)

# Characters that can follow an opening word, for the first-word analysis below: every character the grammar
# names, plus one of each class it tests (space, digit, word character, other).
_PROBE_FOLLOWERS = sorted({ch for _, pattern in RULES for ch in pattern if not ch.isalpha()}
                          | set(string.punctuation) | set(string.digits) | set(string.whitespace)
                          | {"\xa0", "_", "é", "¤", "–", "—", "’", "‘"})


def _rules_by_first_word() -> dict[str, tuple[int, ...]]:
    """For each opening word, the indices of the rules that can match text starting with it (in grammar order).

    A rule can start with word w when, for some following character c, "w" + c (in lower, Title or UPPER case)
    is the beginning of a match of the rule: the `regex` module's partial matching answers that (tests check it
    against real matches). Without the `regex` module the table is empty and the scanner uses the master regex
    of the word's kind (slower, same result).
    """
    try:
        import regex
    except ImportError:  # pragma: no cover - regex comes with nltk and dateparser
        return {}
    rules = [regex.compile(pattern, regex.IGNORECASE | regex.V0) for _, pattern in RULES]
    table = {}
    for word in sorted(w for w in FIRST_WORDS if w.isalpha()):
        forms = (word, word.title(), word.upper())
        kept = []
        for i, rx in enumerate(rules):
            if not any(rx.fullmatch(f, partial=True) for f in forms):
                continue
            if any(rx.fullmatch(f) or any(rx.fullmatch(f + c, partial=True) for c in _PROBE_FOLLOWERS) for f in forms):
                kept.append(i)
        table[word] = tuple(kept)
    return table


RULES_BY_FIRST_WORD = _rules_by_first_word()
