"""TIMEX3 tagging of French news text: le 5 mars 2026, mardi 5 mars, 1er juin, mars 2026, les 27 et 28 juin
dernier, du 28 au 30 octobre, 10/03/2020 à 16h32, l'an dernier, mardi dernier, depuis 35 ans, il y a dix ans,
les années 1980, chaque année ... Values follow the English tagger's conventions and its anchoring rules
(coopnews.timeline.timex.anchoring); prepositions ("le", "en", "depuis") stay out of the extent. Words are in
data/timex_fr.yaml.

    scan(text, anchor, precision, out) -> number of expressions appended to out (the English tagger's lists)
"""
from __future__ import annotations

import regex as re  # variable-width look-behinds ("du 28 au 30 octobre")
from datetime import date
from functools import lru_cache

from ...data import load_data_yaml, one_of
from .anchoring import Anchored, date_value, emit, select

_I = re.IGNORECASE


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data, _ = load_data_yaml("timex_fr.yaml")
    return data


def _alt(words) -> str:
    return one_of(sorted(words, key=len, reverse=True))


def french_number(text: str) -> int | None:
    """'35' -> 35, 'trois' -> 3, 'vingt-cinq' -> 25; None for vague amounts ('plusieurs')."""
    text = text.lower().strip()
    if text.isdigit():
        return int(text)
    nums = lexicon()["numbers"]
    total = 0
    for part in re.split(r"[-\s]+(?:et[-\s]+)?", text):
        if part not in nums:
            return None
        total += nums[part]
    return total or None


def _rules() -> list[tuple[str, re.Pattern]]:
    lex = lexicon()
    abbreviations = [w for w in lex["months"] if len(w) <= 4 and w not in ("mars", "mai", "juin", "août", "aout")]
    full = [w for w in lex["months"] if w not in abbreviations]
    month = rf"(?P<month>{_alt(full)}|(?:{_alt(abbreviations)})\.?)"
    wd = rf"(?P<wd>{_alt(lex['weekdays'])})"
    day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:er|e)?"
    year = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\d,.]\d)"
    part = rf"(?P<part>{_alt(lex['day_parts'])})"
    clock = r"(?:(?:à\s+)?(?P<hh>\d{1,2})\s*(?:h|H|:)\s*(?P<mm>\d{2})?)"
    rel = rf"(?P<rel>{_alt(lex['previous'] + lex['next'])})"
    num_word = _alt(lex["numbers"])
    number = rf"(?:\d+(?:,\d+)?|{num_word}(?:[-\s](?:et[-\s])?{num_word})?)"
    units = _alt(lex["units"])
    mods = _alt(lex["quantity_mods"])
    refs = [w for words in lex["references"].values() for w in words]
    return [
        ("stamp", re.compile(rf"(?P<d>\d{{1,2}})[/.](?P<m>\d{{1,2}})[/.](?P<y>(?:19|20)\d\d)(?:\s*(?:à|-)?\s*{clock})?(?!\d)")),
        ("iso", re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[T\s]+(?P<hh>\d\d):(?P<mm>\d\d))?(?!\d)")),
        ("range_head", re.compile(rf"(?<=\b(?:du|les|des|entre)\s)(?P<day>[12]\d|3[01]|0?[1-9])(?:er|e)?(?=\s+(?:au|et|-|–)\s+(?:[12]\d|3[01]|0?[1-9])(?:er|e)?\s+{month})", _I)),
        ("dmy", re.compile(rf"(?:{wd}\s+)?{day}\s+{month}(?:\s+{year})?(?:\s+{rel})?(?:\s+(?:au\s+)?{part})?(?:\s+{clock})?", _I)),
        ("month_year", re.compile(rf"(?:(?P<edge>début|fin|mi|courant)[-\s](?:de\s+|d')?)?{month}\s+{year}", _I)),
        ("season", re.compile(rf"(?<=\b(?:le|au|l'|en|cet|ce|du|de\s+l')\s?)(?P<season>{_alt(lex['seasons'])})(?:\s+(?P<year>(?:19|20)\d\d)|\s+{rel})?", _I)),
        ("quarter", re.compile(rf"(?:le\s+|au\s+)?(?P<ord>premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e|dernier)\s+(?P<unit>trimestre|semestre)(?:\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)|\s+{rel})?", _I)),
        ("decade", re.compile(r"(?:les\s+|des\s+)?années\s+(?P<dec>(?:19|20)?[1-9]0)(?!\d)", _I)),
        ("century", re.compile(r"(?P<c>[XVI]+|\d{2})(?:e|ème|è)\s+siècle", _I)),
        ("edge_year", re.compile(rf"(?P<edge>début|fin|mi)[-\s](?:de\s+l'année\s+)?{year}", _I)),
        ("year", re.compile(rf"(?<![\d,.])(?:l'année\s+)?{year}(?!\s*(?:%|euros|€|habitants|m²|km))", _I)),
        ("relative", re.compile(rf"(?:l'|la\s+|le\s+)?(?P<unit>année|an|mois|semaine)(?:-ci)?\s+{rel}", _I)),
        ("this", re.compile(rf"(?P<this>{_alt(lex['this'])})\s+(?P<unit>année|mois|semaine|matin|après-midi|soir|week-end)(?:-ci|-là)?", _I)),
        ("weekday", re.compile(rf"(?:(?:ce|le)\s+)?{wd}(?!\s+\d)(?:\s+{rel})?(?:\s+{part})?", _I)),
        ("deictic", re.compile(rf"(?P<word>aujourd'hui|aujourd’hui|hier|demain|avant-hier|après-demain)(?:\s+{part})?", _I)),
        ("month", re.compile(rf"(?<=\b(?:en|de|d'|dès|depuis|jusqu'en|fin|début|mi|courant)[\s-]){month}(?:\s+{rel})?|(?:début|fin|mi)-{month}", _I)),
        ("ago", re.compile(rf"il\s+y\s+a\s+(?P<n>{number}|quelques|plusieurs)\s+(?P<unit>{units})", _I)),
        ("duration", re.compile(rf"(?:(?P<mod>{mods})\s+)?(?P<n>{number}|{_alt(lex['vague'])})\s+(?:(?:prochaine?s?|dernière?s?|derniers?|premières?|premiers?)\s+)?(?P<unit>{units})(?!\s+(?:de\s+)?(?:plus\s+tard|après|d'âge))", _I)),
        ("duration_one", re.compile(r"(?P<n>une|un)\s+(?P<unit>décennie|siècle)", _I)),
        ("set", re.compile(rf"(?:{_alt(lex['sets'])})\b", _I)),
        ("ref", re.compile(rf"(?:{_alt(refs)})\b", _I)),
        ("clock", re.compile(r"(?<![\d/.])(?P<hh>[01]?\d|2[0-3])\s*h\s*(?P<mm>[0-5]\d)?(?![\w])", _I)),
    ]


@lru_cache(maxsize=1)
def rules() -> tuple:
    return tuple(_rules())


@lru_cache(maxsize=1)
def _future() -> re.Pattern:
    endings = one_of(lexicon().get("future_endings", []))
    verbs = rf"|\b[^\W\d_]{{2,}}(?:{endings})\b" if endings else ""  # "participeront", "enverra": future tense
    return re.compile(rf"\b(?:{one_of(lexicon()['future_cues'])})\b{verbs}", _I)


def scan(text: str, anchor: date | None, precision: str | None, out: tuple) -> int:
    """Append the French temporal expressions of `text` to `out`; return how many."""
    ctx = Anchored(text, anchor, precision, _future())
    candidates = []
    for priority, (name, pattern) in enumerate(rules()):
        for m in pattern.finditer(text):
            if m.end() > m.start() and (m.start() == 0 or not text[m.start() - 1].isalnum()) \
                    and (m.end() == len(text) or not text[m.end()].isalnum() or name == "range_head"):
                candidates.append((m.start(), m.end(), priority, (name, m)))
    n = 0
    for start, end, _, (name, m) in select(candidates):
        ctx.enter(start)
        found = RESOLVE[name](m, ctx)
        if found is None:
            continue
        kind, value = found
        ctx.state_month(value)
        emit(out, start, end, text[start:end], kind, value)
        n += 1
    return n


def _month(word: str) -> int:
    return lexicon()["months"][word.lower().rstrip(".")]


def _shift(m) -> int:
    rel = (m.groupdict().get("rel") or "").lower()
    return -1 if rel in lexicon()["previous"] else 1 if rel in lexicon()["next"] else 0


def _timed(m, value: str | None):
    """(DATE, value), or TIME with the clock time or part of day the match carries."""
    if value is None:
        return None
    g = m.groupdict()
    if g.get("hh"):
        hour, minute = int(g["hh"]), int(g.get("mm") or 0)
        if hour < 24 and minute < 60:
            return "TIME", f"{value}T{hour:02d}:{minute:02d}"
    if g.get("part"):
        code = lexicon()["day_parts"][g["part"].lower()]
        if code != "MI":
            return "TIME", f"{value}T{code}"
    return "DATE", value


def stamp(m, ctx):
    ctx.state_year(int(m["y"]))
    return _timed(m, date_value(int(m["y"]), int(m["m"]), int(m["d"])))


def iso(m, ctx):
    ctx.state_year(int(m["y"]))
    return _timed(m, date_value(int(m["y"]), int(m["m"]), int(m["d"])))


def range_head(m, ctx):
    month = _month(m["month"])
    day = int(m["day"])
    tail = ctx.text[m.end():m.end() + 40]
    stated = re.search(r"(?:19|20)\d\d", tail.split(".")[0][:30])
    year = int(stated.group()) if stated else ctx.year_of(month, day, m.start(), m.end() + 20)
    return "DATE", date_value(year, month, day)


def dmy(m, ctx):
    month, day = _month(m["month"]), int(m["day"])
    if m["year"]:
        year = int(m["year"])
        ctx.state_year(year)
    elif m["rel"] and ctx.anchor is not None:
        year = ctx.anchor.year + (0 if _shift(m) == 0 else 0)
        from . import calendar as cal
        year = cal.month_year(ctx.anchor, month, day, _shift(m))
    else:
        year = ctx.year_of(month, day, m.start(), m.end())
    return _timed(m, date_value(year, month, day))


def month_year(m, ctx):
    ctx.state_year(int(m["year"]))
    return "DATE", date_value(int(m["year"]), _month(m["month"]), None)


def season(m, ctx):
    code = lexicon()["seasons"][m["season"].lower()]
    if m["year"]:
        return "DATE", f"{m['year']}-{code}"
    shift = _shift(m)
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    return "DATE", f"{ctx.anchor.year + shift:04d}-{code}"


def quarter(m, ctx):
    ord_ = m["ord"].lower()
    n = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "troisième": 3, "3e": 3, "quatrième": 4,
         "4e": 4, "dernier": 4}[ord_]
    if m["unit"].lower() == "semestre":
        if n > 2:
            n = 2
        code = f"H{n}"
    else:
        code = f"Q{n}"
    year = int(m["year"]) if m["year"] else (ctx.sentence_year or (ctx.anchor.year + _shift(m) if ctx.anchor else None))
    return "DATE", f"{year:04d}-{code}" if year else f"XXXX-{code}"


def decade(m, ctx):
    dec = m["dec"]
    return "DATE", dec[:3] if len(dec) == 4 else f"19{dec[0]}"


def century(m, ctx):
    c = m["c"].upper()
    if c.isdigit():
        n = int(c)
    else:
        values = {"I": 1, "V": 5, "X": 10}
        n = sum(values[ch] if i + 1 == len(c) or values[ch] >= values[c[i + 1]] else -values[ch]
                for i, ch in enumerate(c))
    return "DATE", f"{n - 1:02d}"


def edge_year(m, ctx):
    ctx.state_year(int(m["year"]))
    return "DATE", m["year"]


def year(m, ctx):
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"(?:n°|no|numéro|article|loi|rue|route)\s*$", before):
        return None
    ctx.state_year(int(m["year"]))
    return "DATE", m["year"]


def relative(m, ctx):
    unit = {"année": "year", "an": "year", "mois": "month", "semaine": "week"}[m["unit"].lower()]
    value = ctx.shifted(unit, _shift(m))
    if value is None:
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit]
    return "DATE", value


def this(m, ctx):
    unit = m["unit"].lower()
    if unit in ("année", "mois", "semaine"):
        value = ctx.shifted({"année": "year", "mois": "month", "semaine": "week"}[unit], 0)
        return "DATE", value or {"année": "XXXX", "mois": "XXXX-XX", "semaine": "XXXX-WXX"}[unit]
    if unit == "week-end":
        value = ctx.shifted("week", 0)
        return "DATE", (value or "XXXX-WXX") + "-WE"
    code = lexicon()["day_parts"][unit]
    base = ctx.day.isoformat() if ctx.day else "XXXX-XX-XX"
    return "TIME", f"{base}T{code}"


def weekday(m, ctx):
    wd = lexicon()["weekdays"][m["wd"].lower()]
    value = ctx.weekday(wd, _shift(m), m.start(), m.end())
    return _timed(m, value)


def deictic(m, ctx):
    word = m["word"].lower().replace("’", "'")
    shift = {"aujourd'hui": 0, "hier": -1, "demain": 1, "avant-hier": -2, "après-demain": 2}[word]
    if word == "aujourd'hui" and not m["part"]:
        after = ctx.text[m.end():m.end() + 12].lower()
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if "encore" in after or "jusqu'" in before or "d'" in before[-3:]:
            return "DATE", "PRESENT_REF"
    return _timed(m, ctx.shifted("day", shift) or "XXXX-XX-XX")


def month(m, ctx):
    month_ = _month(m["month"])
    if m["rel"] and ctx.anchor is not None:
        from . import calendar as cal
        year = cal.month_year(ctx.anchor, month_, None, _shift(m))
    else:
        year = ctx.year_of(month_, None, m.start(), m.end())
    return "DATE", date_value(year, month_, None)


def ago(m, ctx):
    n = french_number(m["n"])
    unit = lexicon()["units"][m["unit"].lower()]
    names = {"Y": "year", "M": "month", "W": "week", "D": "day"}
    if n is None or ctx.anchor is None or unit not in names:
        return "DATE", "PAST_REF"
    return "DATE", ctx.shifted(names[unit], -n) or "PAST_REF"


def duration(m, ctx):
    before = ctx.text[max(0, m.start() - 15):m.start()].lower()
    if re.search(r"(?:âgée?s?\s+de|âgés\s+de)\s*$", before):
        return None  # ages
    if m["n"].lower() == "des" and m["unit"].lower() not in ("décennies", "siècles", "années"):
        return None
    unit = lexicon()["units"][m["unit"].lower()]
    n = french_number(m["n"]) if m["n"].lower() not in lexicon()["vague"] else None
    if m["n"].isdigit() and unit == "Y" and re.fullmatch(r"(?:19|20)\d\d", m["n"]):
        return None
    amount = "X" if n is None else str(n)
    if unit == "H":
        return "DURATION", f"PT{amount}H"
    if unit == "MIN":
        return "DURATION", f"PT{amount}M"
    return "DURATION", f"P{amount}{unit}"


def duration_one(m, ctx):
    return "DURATION", "P1" + lexicon()["units"][m["unit"].lower()]


def set_(m, ctx):
    return "SET", lexicon()["sets"][m.group(0).lower()]


def ref(m, ctx):
    word = m.group(0).lower()
    for value, words in lexicon()["references"].items():
        if word in words:
            return "DATE", value
    return None


def clock(m, ctx):
    base = ctx.day.isoformat() if ctx.day else "XXXX-XX-XX"
    return "TIME", f"{base}T{int(m['hh']):02d}:{m['mm'] or '00'}"


RESOLVE = {
    "stamp": stamp, "iso": iso, "range_head": range_head, "dmy": dmy, "month_year": month_year, "season": season,
    "quarter": quarter, "decade": decade, "century": century, "edge_year": edge_year, "year": year,
    "relative": relative, "this": this, "weekday": weekday, "deictic": deictic, "month": month, "ago": ago,
    "duration": duration, "duration_one": duration_one, "set": set_, "ref": ref, "clock": clock,
}
