"""TIMEX3 tagging of Chinese news text: 2024年10月22日, 10月22日上午, 25日, 今年, 去年3月, 43年来, 每年,
2024-11-22 10:30, 上世纪80年代 ... Values follow the English tagger's conventions and its anchoring rules
(coopnews.timeline.timex.anchoring). Words are in data/timex_zh.yaml; stored web text may carry ASCII
punctuation where the original had full-width, so both are accepted.

    scan(text, anchor, precision, out) -> number of expressions appended to out (the English tagger's lists)
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ...data import load_data_yaml, one_of
from .anchoring import Anchored, date_value, emit, select


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data, _ = load_data_yaml("timex_zh.yaml")
    return data


def chinese_number(text: str) -> int | None:
    """'43' -> 43, '十二' -> 12, '三十' -> 30, '两' -> 2; None for vague amounts ('几', '多')."""
    if text.isdigit():
        return int(text)
    digits = lexicon()["numerals"]
    if any(ch not in digits for ch in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + digits[ch]
    return value


def _rules() -> list[tuple[str, re.Pattern]]:
    lex = lexicon()
    num = rf"(?:\d+|[{''.join(lex['numerals'])}]+)"
    weekday = rf"(?:[（(]?(?:{one_of(lex['weekday_words'])})[{''.join(lex['weekdays'])}][）)]?)"
    part = rf"(?:{one_of(sorted(lex['day_parts'], key=len, reverse=True))})"
    clock = r"(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}(?:时|点)(?:\d{1,2}分|半)?)"
    day_tail = rf"(?:\s*{weekday})?(?:\s*{part})?(?:\s*{clock})?"
    units = one_of(sorted(lex["units"], key=len, reverse=True))
    vague = one_of(lex["vague"])
    rel = lambda key: one_of(sorted(lex[key], key=len, reverse=True))  # noqa: E731
    refs = [w for words in lex["references"].values() for w in words]
    return [
        ("stamp", re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
                             r"(?:[\sT]+(?P<hh>\d{1,2})[:：](?P<mm>\d{2})(?::(?P<ss>\d{2}))?)?(?!\d)")),
        ("ymd", re.compile(rf"(?P<y>(?:19|20)\d{{2}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]{day_tail}")),
        ("ym", re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?!\d|份?\s*\d)")),
        ("relyear_md", re.compile(rf"(?P<rel>{rel('years')})\s*(?P<m>\d{{1,2}})\s*月(?:\s*(?P<d>\d{{1,2}})\s*[日号]{day_tail})?")),
        ("md", re.compile(rf"(?<![\d年])(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]{day_tail}")),
        ("d", re.compile(rf"(?<![\d月年.\-/])(?P<d>\d{{1,2}})\s*[日号](?![本报电讯])(?:\s*{part})?(?:\s*{clock})?")),
        ("m", re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月份?(?![\d底初中])")),
        ("decade", re.compile(r"(?:(?P<c>上|二十|20|十九|19|21|二十一)?世纪)?(?P<dd>[1-9]0|[二三四五六七八九]十)年代")),
        ("century", re.compile(r"(?P<c>\d{2}|二十一|二十|十九)世纪")),
        ("y_part", re.compile(rf"(?:(?P<y>(?:19|20)\d{{2}})\s*年|(?P<rel>{rel('years')}))(?P<part>{rel('year_parts')}|{rel('halves')}|{rel('seasons')}|第(?P<q>[一二三四1-4])季度)")),
        ("year", re.compile(r"(?P<y>(?:19|20)\d{2})\s*年(?!\d)(?!代)")),
        ("year_range_head", re.compile(r"(?P<y>(?:19|20)\d{2})(?=\s*(?:至|到|-|—|–|~)\s*(?:19|20)\d{2}\s*年)")),
        ("relyear", re.compile(rf"(?P<rel>{rel('years')})")),
        ("relmonth", re.compile(rf"(?P<rel>{rel('months')})")),
        ("relweek", re.compile(rf"(?P<rel>{rel('weeks')})")),
        ("relday", re.compile(rf"(?P<rel>{rel('days')})(?:\s*(?P<part>{part}))?")),
        ("weekday", re.compile(rf"(?P<rel>上|下|本|这)?(?:个)?(?:{one_of(lex['weekday_words'])})(?P<wd>[{''.join(lex['weekdays'])}])(?:\s*(?P<part>{part}))?")),
        ("ago", re.compile(rf"(?P<n>{num})\s*(?P<unit>年|个月|周|天)\s*前")),
        ("duration", re.compile(rf"(?:过去|近|最近|未来)?(?P<n>{num}|{vague}|{num}\s*多|{vague}十)\s*(?P<unit>{units})(?P<more>多)?(?P<since>来|以来)?")),
        ("set", re.compile(rf"(?:{one_of(sorted(lex['sets'], key=len, reverse=True))})")),
        ("ref", re.compile(rf"(?:{one_of(sorted(refs, key=len, reverse=True))})")),
        ("clock", re.compile(rf"(?P<part>{part})?\s*(?P<clock>{clock})")),
    ]


@lru_cache(maxsize=1)
def rules() -> tuple:
    return tuple(_rules())


@lru_cache(maxsize=1)
def _future() -> re.Pattern:
    return re.compile(one_of(lexicon()["future_cues"]))


def scan(text: str, anchor: date | None, precision: str | None, out: tuple) -> int:
    """Append the Chinese temporal expressions of `text` to `out`; return how many."""
    ctx = Anchored(text, anchor, precision, _future())
    candidates = []
    for priority, (name, pattern) in enumerate(rules()):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), priority, (name, m)))
    n = 0
    for start, end, _, (name, m) in select(candidates):
        ctx.enter(start)
        found = RESOLVE[name](m, ctx)
        if found is None:
            continue
        kind, value, end = found if len(found) == 3 else (*found, end)
        ctx.state_month(value)
        emit(out, start, end, text[start:end].rstrip(), kind, value)
        n += 1
    return n


# --- normalisers: (match, context) -> (type, value[, end]) or None -------------------------------------------

def _clock(m: re.Match) -> str | None:
    """'T10:30' from the clock part of a match, '' when there is none."""
    c = m.groupdict().get("clock") or ""
    found = re.search(r"(\d{1,2})(?:[:：](\d{2})|(?:时|点)(?:(\d{1,2})分|(半))?)", c)
    if not found:
        return ""
    hour, minute = int(found.group(1)), int(found.group(2) or found.group(3) or (30 if found.group(4) else 0))
    before = m.group(0)[:m.group(0).find(c)] if c else ""
    if any(p in before for p in ("下午", "晚上", "傍晚", "晚间", "当晚")) and hour < 12:
        hour += 12
    return f"T{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _part_code(m: re.Match) -> str:
    text = m.group(0)
    for word, code in sorted(lexicon()["day_parts"].items(), key=lambda kv: -len(kv[0])):
        if word in text:
            return "T" + code
    return ""


def _with_time(m: re.Match, value: str | None):
    if value is None:
        return None
    clock = _clock(m) if "clock" in m.re.groupindex or ":" in m.group(0) else ""
    if clock is None:
        return None
    if clock:
        return "TIME", value + clock
    part = _part_code(m)
    return ("TIME", value + part) if part else ("DATE", value)


def _day_clock(m: re.Match, value: str | None):
    """A date with its weekday, part of day or clock time: one expression (TIME when it has a time)."""
    if value is None:
        return None
    text = m.group(0)
    clock = re.search(r"(\d{1,2})[:：](\d{2})|(\d{1,2})(?:时|点)(?:(\d{1,2})分|(半))?", text[text.find("日") if "日" in text else 0:])
    if clock:
        hour = int(clock.group(1) or clock.group(3))
        minute = int(clock.group(2) or clock.group(4) or (30 if clock.group(5) else 0))
        if any(p in text for p in ("下午", "晚上", "傍晚", "晚间")) and hour < 12:
            hour += 12
        return "TIME", f"{value}T{hour:02d}:{minute:02d}"
    part = _part_code(m)
    return ("TIME", value + part) if part else ("DATE", value)


def stamp(m, ctx):
    value = date_value(int(m["y"]), int(m["m"]), int(m["d"]))
    if value is None:
        return None
    ctx.state_year(int(m["y"]))
    if m["hh"] is not None:
        seconds = f":{m['ss']}" if m["ss"] else ""
        return "TIME", f"{value}T{int(m['hh']):02d}:{m['mm']}{seconds}"
    return "DATE", value


def ymd(m, ctx):
    ctx.state_year(int(m["y"]))
    return _day_clock(m, date_value(int(m["y"]), int(m["m"]), int(m["d"])))


def ym(m, ctx):
    ctx.state_year(int(m["y"]))
    value = date_value(int(m["y"]), int(m["m"]), None)
    return None if value is None else ("DATE", value)


def _relative_year(ctx, word: str) -> int | None:
    shift = lexicon()["years"][word]
    return None if ctx.anchor is None else ctx.anchor.year + shift


def relyear_md(m, ctx):
    year = _relative_year(ctx, m["rel"])
    day = int(m["d"]) if m["d"] else None
    value = date_value(year, int(m["m"]), day)
    if year is not None:
        ctx.state_year(year)
    return _day_clock(m, value) if day is not None else (None if value is None else ("DATE", value))


def md(m, ctx):
    month, day = int(m["m"]), int(m["d"])
    year = ctx.year_of(month, day, m.start(), m.end())
    return _day_clock(m, date_value(year, month, day))


def d(m, ctx):
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    ym_ = ctx.month_of_day(day, m.start(), m.end())
    value = date_value(*ym_, day) if ym_ else f"XXXX-XX-{day:02d}"
    if ym_ and value is None:
        return None
    return _day_clock(m, value)


def m_(m, ctx):
    month = int(m["m"])
    if not 1 <= month <= 12:
        return None
    value = date_value(ctx.year_of(month, None, m.start(), m.end()), month, None)
    return None if value is None else ("DATE", value)


def decade(m, ctx):
    tens = chinese_number(m["dd"])
    century = m["c"]
    if century in (None, "上", "二十", "20"):
        base = 19 if century != "21" else 20
    else:
        base = {"十九": 18, "19": 18, "21": 20, "二十一": 20}.get(century, 19)
    if century in ("二十", "20"):
        base = 19
    return "DATE", f"{base}{tens // 10}"


def century(m, ctx):
    n = chinese_number(m["c"])
    return None if n is None else ("DATE", f"{n - 1:02d}")


def y_part(m, ctx):
    lex = lexicon()
    year = int(m["y"]) if m["y"] else _relative_year(ctx, m["rel"])
    y = f"{year:04d}" if year else "XXXX"
    part = m["part"]
    if year is not None:
        ctx.state_year(year)
    if part in lex["halves"]:
        return "DATE", f"{y}-{lex['halves'][part]}"
    if part in lex["seasons"]:
        return "DATE", f"{y}-{lex['seasons'][part]}"
    if m["q"]:
        return "DATE", f"{y}-Q{chinese_number(m['q'])}"
    return "DATE", y  # 年初 / 年底: the year (its mod START/END is not a value)


def year(m, ctx):
    ctx.state_year(int(m["y"]))
    return "DATE", m["y"]


def year_range_head(m, ctx):
    return "DATE", m["y"]


def relyear(m, ctx):
    y = _relative_year(ctx, m["rel"])
    if y is None:
        return "DATE", "XXXX"
    ctx.state_year(y)
    return "DATE", f"{y:04d}"


def relmonth(m, ctx):
    return "DATE", ctx.shifted("month", lexicon()["months"][m["rel"]]) or "XXXX-XX"


def relweek(m, ctx):
    return "DATE", ctx.shifted("week", lexicon()["weeks"][m["rel"]]) or "XXXX-WXX"


def relday(m, ctx):
    shift = lexicon()["days"][m["rel"]]
    if shift is None:
        return None  # 当天 ("that day") is anaphora
    value = ctx.shifted("day", shift) or "XXXX-XX-XX"
    part = _part_code(m) if m["part"] else ""
    return ("TIME", value + part) if part else ("DATE", value)


def weekday(m, ctx):
    wd = lexicon()["weekdays"][m["wd"]]
    rel = {"上": -1, "下": 1, "本": 0, "这": 0}.get(m["rel"] or "", None)
    if rel is not None and ctx.day is not None:  # 上周五: Friday of the previous week, 本周五: of this week
        monday = ctx.day - timedelta(days=ctx.day.isoweekday() - 1)
        value = (monday + timedelta(days=7 * rel + wd - 1)).isoformat()
    else:
        value = ctx.weekday(wd, 0 if rel is None else rel, m.start(), m.end())
    part = _part_code(m) if m["part"] else ""
    return ("TIME", value + part) if part else ("DATE", value)


def _unit_code(unit: str) -> str:
    return lexicon()["units"][unit]


def ago(m, ctx):
    n = chinese_number(m["n"])
    unit = {"年": "year", "个月": "month", "周": "week", "天": "day"}[m["unit"]]
    if n is None or ctx.anchor is None:
        return "DATE", "PAST_REF"
    value = ctx.shifted(unit, -n)
    return "DATE", value or "PAST_REF"


def duration(m, ctx):
    after = ctx.text[m.end():m.end() + 3]
    if m["unit"] in ("年", "周", "日", "月") and any(after.startswith(w) or (m["unit"] + after).startswith(w)
                                                   for w in lexicon()["not_after_number"]):
        return None
    if m["unit"] == "年" and not m["since"] and re.fullmatch(r"(?:19|20)\d\d", m["n"] or ""):
        return None
    raw = m["n"].rstrip("多").strip()
    n = chinese_number(raw) if raw else None
    code = _unit_code(m["unit"])
    if m["unit"] in ("日", "月") and n is not None and not m["since"] and not ctx.text[m.start() - 1:m.start()] in "为期了续":
        return None  # "25日", "3月" are dates; "为期3日" is a duration
    if n is None:
        value = f"P{'X'}{'DE' if raw.endswith('十') else code}" if code not in ("H", "MIN") else "PTXH"
    elif code == "H":
        value = f"PT{n}H"
    elif code == "MIN":
        value = f"PT{n}M"
    else:
        value = f"P{n}{code}"
    return "DURATION", value


def set_(m, ctx):
    return "SET", lexicon()["sets"][m.group(0)]


def ref(m, ctx):
    word = m.group(0)
    for value, words in lexicon()["references"].items():
        if word in words:
            if value == "FUTURE_REF" and ctx.text[m.end():m.end() + 1] not in "将，,。的":
                return None  # "未来合作": adjectival, not tagged
            return "DATE", value
    return None


def clock(m, ctx):
    hhmm = _clock(m)
    if not hhmm:
        return None
    base = ctx.day.isoformat() if ctx.day else "XXXX-XX-XX"
    return "TIME", base + hhmm


RESOLVE = {
    "stamp": stamp, "ymd": ymd, "ym": ym, "relyear_md": relyear_md, "md": md, "d": d, "m": m_,
    "decade": decade, "century": century, "y_part": y_part, "year": year, "year_range_head": year_range_head,
    "relyear": relyear, "relmonth": relmonth, "relweek": relweek, "relday": relday, "weekday": weekday,
    "ago": ago, "duration": duration, "set": set_, "ref": ref, "clock": clock,
}
