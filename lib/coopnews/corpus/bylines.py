"""Publication dates printed by Chinese and French pages, and Chinese wire datelines.

Header and byline lines, as stored pages print them (full-width or ASCII colons, labels glued to dates):
    发布时间：2024-10-22 10:30  来源：南京日报        2024年10月22日 来源:中国江苏网
    来源：新华网 | 2024-10-22                        发表于 2024-10-22 10:30:15 | 只看该作者
    Publié le 22 octobre 2024 à 10h30               Mis à jour le 22/10/2024
    Par Jean Dupont, le 22 oct. 2024 à 10:30        22 octobre 2024 à 9h38 par Rédaction
    Par Jean Dupont - Publié le 22 octobre 2024     Ouest-Armor | Mis à jour le 22/10/2024 à 11h15
Chinese datelines ("新华社南京10月22日电（记者 王某）", "本报讯（记者 李某）") carry no year, so they give no
date; they are taken out of the body like English datelines. Never a date from a body sentence: a line
counts only with a label, or as a bare date/time followed by byline words. The label words are in
data/bylines.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import load_data_yaml, one_of
from .dates import DATE_RE, parse_date

_DAY_FIRST = re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d\d)(?!\d)")
_CLOCK = r"(?:\s*(?:[,\-–]\s*)?(?:à\s*)?\d{1,2}\s*(?:[:：h]\s*\d{2})(?:[:：]\d{2})?)?"  # "à 10h30", ", 10:30", "- 10h30"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words, _ = load_data_yaml("bylines.yaml")
    zh_labels = one_of(sorted(words["zh_date_labels"], key=len, reverse=True))
    zh_meta = one_of(sorted(words["zh_byline_words"], key=len, reverse=True))
    fr_labels = one_of(sorted(words["fr_date_labels"], key=len, reverse=True))
    fr_meta = one_of(sorted(words["fr_byline_words"], key=len, reverse=True))
    fr_labels_after = one_of(sorted(words["fr_labels_after_byline"], key=len, reverse=True))
    weekday = rf"(?:(?:{one_of(words['fr_weekdays'])})\s+)?"
    fr_articles = one_of(words["fr_outlet_articles"])
    fr_capital_labels = one_of(sorted((w[0].upper() + w[1:] for w in words["fr_labels_after_byline"]), key=len, reverse=True))
    fr_months = one_of(sorted(words["fr_months"], key=len, reverse=True))
    agencies = one_of(sorted(words["zh_wire_agencies"], key=len, reverse=True))
    date = rf"(?:{DATE_RE}|{_DAY_FIRST.pattern})"
    plain_date = re.sub(r"\(\?P<\w+>", "(?:", date)  # a second date on the same line
    return {
        "zh_label": re.compile(rf"(?:^|\s|\|)(?:{zh_labels})\s*[:：]?\s*(?P<date>{date})"),
        "zh_leading": re.compile(rf"^\s*(?P<date>{date}){_CLOCK}\s*(?:[|｜/丨]\s*)?(?:{zh_meta})"),
        "zh_source": re.compile(rf"^\s*(?:{zh_meta})\s*[:：][^\n]{{0,40}}?(?P<date>{date})"),
        "fr_label": re.compile(rf"^\s*(?:{fr_labels})\s*(?:le\s+|:\s*)?{weekday}(?P<date>{date})", re.I),
        # "Par Julien Morel - Publié le 3 juin 2024", "Ouest-Armor | Mis à jour le 22/03/2024": a byline or
        # outlet piece, then a French label after a bar or a spaced dash
        "fr_label_after": re.compile(
            rf"^\s*[^\n|\d]{{2,60}}?\s(?:[|\-–—])\s*(?:{fr_labels_after})\s*(?:le\s+|:\s*)?{weekday}(?P<date>{date}){_CLOCK}"
            rf"(?:\s*[|\-–—]?\s*(?:{fr_labels_after})\s*(?:le\s+|:\s*)?{weekday}{plain_date}{_CLOCK})?\s*$",  # "| Modifié le …"
            re.I),
        # "Le Télégramme - 12/03/2024", "Le Progrès | 23 septembre 2024": an outlet then only a date. Only an outlet
        # led by a French article, or a date with a French month, so that no English line reads differently
        "fr_outlet": re.compile(
            rf"^\s*(?:(?:{fr_articles})\s*[A-ZÀ-Ý][^\n|\d.,;:!?]{{1,40}}?\s[|\-–—]\s*{weekday}(?P<date>{date})"
            rf"|[A-ZÀ-Ý][^\n|\d.,;:!?]{{1,40}}?\s[|\-–—]\s*{weekday}(?P<frdate>\d{{1,2}}(?:er)?\s+(?:{fr_months})\s+(?:19|20)\d\d))"
            rf"{_CLOCK}\s*$"),
        # "Ouest-Armor Publié le 12/03/2024 à 10h30": an outlet glued to a capitalised label, as the whole line
        "fr_outlet_label": re.compile(
            rf"^\s*[A-ZÀ-Ý][^\n|\d.,;:!?]{{1,40}}?\s(?:{fr_capital_labels})\s*(?:le\s+|:\s*)?{weekday}(?P<date>{date}){_CLOCK}\s*$"),
        # "Marseille, le 5 février 2025": a press release's place and date, as the whole line
        "fr_release": re.compile(
            rf"^\s*[A-ZÀ-Ý][\w'’\-]*(?:[ \-][A-ZÀ-Ýa-zà-ÿ][\w'’\-]*){{0,3}},\s*le\s+{weekday}(?P<date>{date}){_CLOCK}\s*$"),
        "fr_byline": re.compile(rf"^\s*(?:par|by)\s+[^\n]{{2,60}}?[,\-–|]\s*(?:le\s+)?{weekday}(?P<date>{date})", re.I),
        # "Par Claire Martin le 14 février 2025 à 08h15", only as the whole line ("Par ailleurs le 14 février
        # 2025 la ville a signé..." is a sentence)
        "fr_byline_le": re.compile(rf"^\s*(?:(?:rédigé|rédigée|écrit|écrite)\s+par|par|by)\s+[^\n\d]{{2,60}}?\s+le\s+{weekday}(?P<date>{date}){_CLOCK}\s*$",
                                   re.I),
        "bare": re.compile(rf"^\s*(?:le\s+)?{weekday}(?P<date>{date}){_CLOCK}\s*$", re.I),
        "fr_stamp": re.compile(rf"^\s*{weekday}(?P<date>{date}){_CLOCK}\s*(?:[|\-–,]\s*)?(?:{fr_meta})\b", re.I),
        "copyright": re.compile(r"版权|©|copyright|tous droits", re.I),
        "zh_dateline": re.compile(
            rf"^\s*(?:(?:{agencies})\s*[\u4e00-\u9fff]{{0,12}}?\s*(?:\d{{1,2}}月\d{{1,2}}日)?\s*(?:电|讯)"
            rf"|[\u4e00-\u9fff]{{1,6}}(?:网|报)讯)\s*(?:[（(][^）)\n]{{0,40}}[）)])?\s*"),
    }


def _parse(text: str) -> tuple[str, str] | None:
    """A date from the start of `text`: day-first numbers (22/10/2024) as French pages print them, else any."""
    m = _DAY_FIRST.match(text)
    if m:
        from datetime import date

        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat(), "day"
        except ValueError:
            return None
    return parse_date(text)


_SOURCES = {"zh_label": "timestamp", "zh_leading": "byline", "zh_source": "byline", "fr_label": "timestamp",
            "fr_label_after": "byline", "fr_byline": "byline", "fr_byline_le": "byline", "fr_stamp": "byline", "fr_outlet": "byline", "fr_outlet_label": "byline", "fr_release": "byline",
            "bare": "timestamp"}


_DIGIT = re.compile(r"\d")


def printed_header_date(line: str) -> tuple[str, str, str, int, int, bool] | None:
    """(ISO date, precision, source: byline | timestamp, start, end of the printed date, labelled) of a
    Chinese or French header/byline line, else None."""
    if len(line) > 160 or not _DIGIT.search(line):
        return None  # every printed date has a digit (ASCII or full-width)
    p = _patterns()
    if p["copyright"].search(line):
        return None
    for key, source in _SOURCES.items():
        m = p[key].search(line) if key == "zh_label" else p[key].match(line)
        if m:
            group = "date" if m.group("date") else "frdate"
            found = _parse(m.group(group))
            return (*found, source, m.start(group), m.end(group), key != "bare") if found else None
    return None


def match_header_date(line: str) -> tuple[str, str] | None:
    """The publication date of a Chinese or French header/byline line, else None."""
    found = printed_header_date(line)
    return found[:2] if found else None


def match_dateline(line: str) -> tuple[None, int] | None:
    """A Chinese wire or paper dateline opening `line` ("新华社巴黎10月22日电（记者 王某）"): (None, its end)."""
    m = _patterns()["zh_dateline"].match(line)
    if not m or m.end() >= len(line):
        return None
    return None, m.end()


@lru_cache(maxsize=1)
def _source_patterns() -> tuple[re.Pattern, re.Pattern]:
    words, _ = load_data_yaml("bylines.yaml")
    before = re.compile(rf"\b(?:(?:{one_of(words['source_before'])})\s+(?:the\s+)?|(?:{one_of(words['source_media'])})\s+)$",
                        re.IGNORECASE)
    after = re.compile(rf"(?:['’]s)?\s+(?:{one_of(words['source_after'])})\b"
                       rf"|['’]s\s+(?:[a-z]+\s+)?(?:{one_of(words['source_jobs'])})\b", re.IGNORECASE)
    return before, after


def named_as_source(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is given as the source of what its sentence says ("according to the
    French news agency AFP", "told Reuters", "the BBC's political editor"): a source, not a party."""
    before, after = _source_patterns()
    return bool(before.search(text, max(0, start - 40), start) or after.match(text, end))
