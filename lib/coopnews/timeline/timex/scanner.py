"""The scanner: where an expression may begin, which grammar rules to try there, and the reading it keeps.

At each candidate opener (a number or a word of FIRST_WORDS) the rules that can start there are tried in grammar
order; the first whose normaliser accepts the match wins and the scan resumes after it. One master regex per
opener tries them all at once and gives the winning rule's groups; a word opener's master holds only the rules
that can begin with that word (RULES_BY_FIRST_WORD), so most failures are quick.
"""
from __future__ import annotations

import re

from .grammar import (DAY, FIRST_WORDS, YEAR, MAY_CONTINUE, NEXT_TOKEN, NUMBER_FOLLOW, NUMBER_WORD_FOLLOW, NUMBER_WORDS,
                      OPENERS, RULES, RULES_BY_FIRST_WORD, TOKEN, TOKEN_LOWERCASE,
                      WEAK_FIRST_WORDS, master, openers_of)
from .lexicon import MONTHS, WEEKDAYS
from .resolve import RESOLVERS, Context

# Each rule alone, anchored like the master regexes end: (name, compiled, normaliser).
RULE_MATCHERS = [(name, re.compile(rf"(?:{pattern})(?![\w])", re.IGNORECASE), RESOLVERS[name])
                 for name, pattern in RULES]
_RANGE_TAIL = re.compile(rf"\s*(?:-|–|—|to|and|until|through|till)\s*(?P<day>{DAY})(?![\w])(?!\s*(?:%|[-/]|\.\d))",
                         re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"\d+")
_DAY_RULES = frozenset({"date_mdy", "date_dmy"})  # not day_range_head: "5 November 2014" after "3 to" is read alone
_YEAR_AFTER = re.compile(rf"\s*,?\s*(?P<year>{YEAR})(?![\w])(?!\s*[-–/]\s*\d)")
_WEEKDAY_IN_BRACKETS = re.compile(r"\s*\(\s*(?:%s)\.?\s*\)" % "|".join(
    sorted({w for d in WEEKDAYS for w in (d, d[:3])}, key=len, reverse=True)), re.IGNORECASE)  # "(Friday)", "(Fri)"
_NO_CHECK, _NUMBER_CHECK, _WEAK_CHECK = 0, 1, 2
# Letters IGNORECASE matches with an ASCII letter that str.lower() does not turn into it (long s, dotless and
# dotted capital i).
_UNFOLDED = re.compile("[\u017f\u0131\u0130]")


def _kind(word: str) -> str:
    return "month" if word in MONTHS else "weekday" if word in WEEKDAYS else "word"


_ALL_RULES = tuple(range(len(RULES)))


def _rule_set(openers: tuple[int, ...], rest: tuple[int, ...]) -> tuple | None:
    """(master match, its groups, rules to try after the master's rule): the master tries `openers`, and when the
    normaliser rejects its rule, the rules of `rest` after it are tried one by one. None: nothing can open."""
    if not openers:
        return None
    rx, groups = master(openers)
    return rx.match, groups, rest


_KIND_RULES = {kind: _rule_set(openers_of(kind), _ALL_RULES) for kind in OPENERS}


def _word_opener(word: str) -> tuple:
    """For a lowercase opening word: (the follow-up test it needs, its rule set; see _rule_set).

    The rule set keeps the original dispatch by kind (month, weekday, other word), restricted to the rules that can
    begin with this word (RULES_BY_FIRST_WORD) when that is known.
    """
    check = _NUMBER_CHECK if word in NUMBER_WORDS else _WEAK_CHECK if word in WEAK_FIRST_WORDS else _NO_CHECK
    kind = _kind(word)
    possible = RULES_BY_FIRST_WORD.get(word)
    if possible is None:
        return check, _KIND_RULES[kind]
    kind_openers = set(openers_of(kind))
    return check, _rule_set(tuple(i for i in possible if i in kind_openers), possible)


_WORD_OPENERS: dict[str, tuple] = {}


def tokens(text: str):
    """TOKEN matches in `text` (found in its lowercased copy when that gives the same matches)."""
    if text.isascii() or not _UNFOLDED.search(text):
        lowered = text.lower()
        if len(lowered) == len(text):
            return TOKEN_LOWERCASE.finditer(lowered)
    return TOKEN.finditer(text)


_OF_THAT_YEAR = re.compile(r"[ \t]+of[ \t]+(?:that|the[ \t]+same)[ \t]+year\b")


def scan(text: str, ctx: Context, out: tuple[list, list, list, list, list]) -> int:
    """Append start, end, text, type and value of each expression in `text` to the five lists of `out`; the count."""
    starts, ends, texts, types, values = out
    found_before = len(starts)
    pos = 0
    follows, word_follows, may_continue = NUMBER_FOLLOW.match, NUMBER_WORD_FOLLOW.match, MAY_CONTINUE.match
    openers, digit_rules, word_rules = _WORD_OPENERS, _KIND_RULES["digit"], _KIND_RULES["word"]
    for token in tokens(text):
        start = token.start()
        if start < pos:
            continue
        word = token.group()
        first = word[0]
        if first.isdigit():
            if start > 1 and text[start - 1] in ",." and text[start - 2].isdigit():
                continue
            if not (len(word) == 4 and first in "12") and not follows(text, token.end()):
                continue
            found = _resolve(text, start, digit_rules, ctx)
        elif first == "'":
            found = _resolve(text, start, word_rules, ctx)
        else:
            lower = word.lower()
            opener = openers.get(lower)
            if opener is None:
                opener = openers[lower] = _word_opener(lower)
            check, rules = opener
            if check == _NUMBER_CHECK:
                if not word_follows(text, token.end()):
                    continue
            elif check == _WEAK_CHECK and not (may_continue(text, token.end())
                                              and _next_could_continue(text, token.end())):
                continue
            if rules is None:
                continue
            found = _resolve(text, start, rules, ctx)
        if found is None:
            continue
        name, end, kind, value = found
        starts.append(start)
        ends.append(end)
        texts.append(text[start:end])
        types.append(kind)
        values.append(value)
        pos = end
        same = _OF_THAT_YEAR.match(text, end) if kind == "DATE" and value[4:5] == "-" else None
        if same:  # "In May of that year": the month of the year the text last named
            year = next((v[:4] for v in reversed(values[found_before:-1]) if v[:4].isdigit()), None)
            if year is not None:
                value = values[-1] = year + value[4:]
                end = pos = ends[-1] = same.end()
                texts[-1] = text[start:end]
        if kind == "DATE" and name in _DAY_RULES:
            bracket = _WEEKDAY_IN_BRACKETS.match(text, end)
            if bracket:  # "September 6 (Friday), 2013": the weekday, then the year, belong to the date
                end = pos = bracket.end()
                year = _YEAR_AFTER.match(text, end)
                if year and len(value) == 10:
                    value = values[-1] = year.group("year") + value[4:]
                    end = pos = year.end()
                ends[-1], texts[-1] = end, text[start:end]
            tail = _range_tail(text, end, value)
            if tail:
                tail_start, pos, day_text, tail_value = tail
                bracket = _WEEKDAY_IN_BRACKETS.match(text, pos)
                if bracket:  # "6 (Friday) and 7 (Saturday), 2013"
                    pos = bracket.end()
                    day_text = text[tail_start:pos]
                year = _YEAR_AFTER.match(text, pos)
                if year:  # "Nov 3-5, 2014": the year ends the range and dates both days
                    values[-1] = year.group("year") + value[4:]
                    tail_value, pos, day_text = year.group("year") + tail_value[4:], year.end(), text[tail_start:year.end()]
                starts.append(tail_start)
                ends.append(pos)
                texts.append(day_text)
                types.append("DATE")
                values.append(tail_value)
    return len(starts) - found_before


def _next_could_continue(text: str, end: int) -> bool:
    nxt = NEXT_TOKEN.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1)
    if word.lower() in ("the", "a", "an", "than", "to", "least", "most"):  # "more than 50 years", "up to a year"
        nxt = NEXT_TOKEN.match(text, nxt.end())
        if nxt is None:
            return False
        word = nxt.group(1)
    return word[0].isdigit() or word[0] == "'" or word.lower() in FIRST_WORDS


def _accept(name: str, resolve, groups: dict, text: str, start: int, end: int, ctx: Context):
    """(name, end, type, value) when the normaliser accepts the match, else None."""
    if text.endswith(("'s", "’s"), 0, end) and name != "decade":  # "Monday's talks"; "the 1970's" is a decade
        end -= 2
    ctx.start, ctx.end, ctx._direction = start, end, None
    result = resolve(groups, ctx)
    if result is not None and result[1]:
        return name, end, result[0], result[1]
    return None


def _resolve(text: str, start: int, rules: tuple, ctx: Context):
    """The first rule matching at `start` (one master match), or when its normaliser rejects it, the first later
    rule that matches and is accepted: (name, end, type, value), or None."""
    match, groups, rest = rules
    m = match(text, start)
    if m is None:
        return None
    first, names, numbers = groups[m.lastindex]
    end = m.end(m.lastindex)
    if end > start:
        values = m.group(*numbers) if len(numbers) > 1 else (m.group(numbers[0]),)
        name, _, resolve = RULE_MATCHERS[first]
        found = _accept(name, resolve, dict(zip(names, values)), text, start, end, ctx)
        if found is not None:
            return found
    for i in rest:
        if i <= first:
            continue
        name, rx, resolve = RULE_MATCHERS[i]
        m = rx.match(text, start)
        if m is None or m.end() == start:
            continue
        found = _accept(name, resolve, m.groupdict(), text, start, m.end(), ctx)
        if found is not None:
            return found
    return None


def _range_tail(text: str, end: int, value: str):
    """The second day of 'November 16 to 18' as (start, end, text, value), with the first day's month and year."""
    m = _RANGE_TAIL.match(text, end)
    if m is None or len(value) != 10:
        return None
    day = int(_LEADING_NUMBER.match(m.group("day")).group())
    if not int(value[8:10]) < day <= 31:
        return None
    return m.start("day"), m.end("day"), m.group("day"), f"{value[:8]}{day:02d}"
