"""Dated events: calendar dates in article bodies with their sentence, type, parties and key figures.

    events = extract_events(corpus, entities=entities)   # EVENT_COLUMNS, one row per dated sentence

A dated event is a DATE expression of the cleaned body (the dateline and boilerplate are already out of
documents.text) that names a calendar date or period: 2025-03-26, 2025-11, 2014, 2025-Q1, or a range
"1921-1946" (joined into one event whose value is "1921/1946"). Fuzzy references (PRESENT_REF, "recent
years") and durations are not events.

Years. Relative and yearless dates are anchored on the publication date (documents.date). A document with
no publication date gets no invented year, with one exception, the document-year rule: when the document
names exactly one year as part of the name of an event ("Nanjing Tech Week 2021", "the 2025 ... Conference"),
its yearless dates ("24 June") take that year (year_source = "event name"). Otherwise the year stays unknown
(value XXXX-06-24, year <NA>).

With a pairs table (the pipeline), a date is an event date only when its own clause (the sentence cut before
relative and subordinate clauses and reporting verbs: data/events.yaml) holds an event cue, and it is not the
day of the telling ("said on Monday"), of a payment ("debt due in 1987") or of a law ("the 1978 law").

Figures come from the event sentence, and from the following sentences (up to the next dated sentence) that
refer back to the event ("During the event, 102 major projects were signed").
"""
from __future__ import annotations

import re
from collections import Counter, namedtuple
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from ..corpus.dates import timex_start
from ..corpus.bylines import named_as_source
from ..corpus.pubdate import dateline_span, match_dateline
from ..corpus.sentences import SentenceSplitter
from ..data import load_data_yaml, one_of, phrases_pattern
from .timex import timex_rows

EVENT_COLUMNS = {
    "doc_id": "document",
    "sent_id": "sentence of the date (corpus.sentences)",
    "start": "start of the date expression in documents.text",
    "end": "end of the date expression (exclusive)",
    "text": "the date expression as written (a range such as '1921-1946' is one expression)",
    "value": "TIMEX3 value (2025-03-26, 2014, XXXX-11-07); a range is 'start/end' (1921/1946)",
    "year": "year of the event (first year of a range); <NA> when it cannot be known",
    "year_source": "text (the expression names it) | anchor (publication date) | event name (document-year rule) | none",
    "event_type": "type from the cue lexicon (data/event_cues.yaml), 'other' when no cue is in the sentence",
    "sentence": "the sentence holding the date (evidence)",
    "parties": "canonical names of the parties of the cooperation relations of the sentence (pairs table); "
               "without a pairs table, of the partners (ORG/PLACE entities) named in the sentence",
    "figures": "key figures: money amounts with currency, numbers of projects, attendees, students...",
}

_CJK = re.compile(r"[\u3400-\u9fff]")
# A calendar value; a yearless one only with its month or season known ("XXXX", an unanchored "last year", is not)
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d\d|Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d)(?:-\d\d)?|-W\d\d-WE)?$|"
                       r"^XXXX-(?:\d\d|Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d)(?:-\d\d)?$|^\d{3}$")
# What else dates a stated cooperation event (ANNOTATION.md: TIMEX3 syntax, X for what the text cannot tell):
# a day, week or year the article does not let one place ("Monday", "next week", "last year" without a
# publication date: XXXX-XX-XX, XXXX-WXX-1, XXXX-WXX, XXXX) or a part of a day ("Monday afternoon": XXXX-WXX-1TAF). The vague
# past ("many years ago", "in recent years": PAST_REF) dates no event: readers annotating real city-cooperation
# articles with ANNOTATION.md never made one of it. Clock times are stamps and bylines, not events.
_UNDERSPECIFIED = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?|-WXX(?:-[1-7])?)?(?:T(?:MO|AF|EV|NI))?$")
# A quarter or a half-year dates figures ("output in the first quarter of 1987"), not a cooperation event
_REPORTING_PERIOD = re.compile(r"-(?:Q[1-4]|H[12])\b")
# a span of years a programme or agreement runs for ("a new program of cooperation ... for 2016-2018", "Agreement
# on cooperation ... for 2015 - 2017"): its term, not the date it was signed
_TERM_FOR = re.compile(r"\bfor\s+(?:the\s+(?:period|years)\s+(?:of\s+)?)?$", re.IGNORECASE)
_YEAR_SPAN = re.compile(r"^\d{4}/\d{4}$")
# a span of years written as one ("the 2023-2028 period", "a 2021-2023 cooperation programme", "Mayor (2013-2018)")
# names a period, a programme's or an office's; told in words ("talks from 1978 to 1986", "between 1981 and
# 1985") it dates what happened in it
_PERIOD_WRITTEN = re.compile(r"\d{4}[ \t]*[-–—][ \t]*\d{2,4}$")


def _names_a_period(text: str, timex, s_start: int) -> bool:
    """Whether a span of years (a TIMEX row of `text`, in the sentence opening at `s_start`) is a period rather
    than an event's date: written as one ("2023-2028") or the term an agreement runs for ("for 2015 - 2017")."""
    return bool(_YEAR_SPAN.match(timex.value)) and bool(
        _PERIOD_WRITTEN.match(text, timex.start, timex.end)
        or _TERM_FOR.search(text, max(s_start, timex.start - 30), timex.start))


_RANGE_WORDS = r"-|–|—|,?\s*(?:to|through|until|till)|and"  # "from Friday, April 19, to Sunday, April 28"
_RANGE_JOIN = re.compile(rf"\s*(?:{_RANGE_WORDS})\s*$", re.IGNORECASE)
_RANGE_JOIN_LOCAL = re.compile(rf"\s*(?:{_RANGE_WORDS}|至|到|au|et)\s*$", re.IGNORECASE)  # Chinese and French ranges
_LOCAL_LANGUAGES = ("zh", "fr")  # languages with their own cues, range words and TIME-dated events
_TIMED = re.compile(r"^\d{4}-\d\d-\d\dT")  # a TIME value with its day


def _phrases(phrases) -> str:
    """Regex alternatives for a YAML list of phrases: any spacing between words, a trailing * any ending."""
    return "|".join(re.escape(p).replace(r"\*", r"[\w-]*").replace(r"\ ", r"\s+") for p in phrases)


_WORDS, _ = load_data_yaml("events.yaml")  # data/events.yaml: the word lists below, editable
# Event types that one party does alone: with no partner in the sentence, no cooperation event (data/events.yaml)
_ALONE_TYPES = frozenset(_WORDS["alone_event_types"])
_EVENT_NOUNS = f"(?:{one_of(_WORDS['event_name_nouns'].split())})"
_NAME_WORD = r"(?:[A-Z][\w&'’.-]*|of|and|for|the|on|de|du)"
_EVENT_NAME_YEAR = re.compile(
    rf"\b(?:[A-Z][\w&'’.-]*\s+(?:{_NAME_WORD}\s+){{0,6}}{_EVENT_NOUNS}\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<y2>(?:19|20)\d\d)\s+(?:{_NAME_WORD}\s+){{0,8}}{_EVENT_NOUNS})\b")
_BACK_REFERENCE = re.compile(
    r"\b(?:during|at|on\s+the\s+sidelines\s+of|after|before)\s+the\s+"
    rf"(?:{one_of(_WORDS['referring_nouns'].split())})\b|^\s*(?:the\s+)?(?:{one_of(_WORDS['opening_nouns'].split())})\b",
    re.IGNORECASE)
_JOINT_REFERENCE = re.compile(  # "the two cities", "both sides", "the partners": the last relation's parties
    rf"\b(?:(?:the\s+)?(?:{one_of(_WORDS['joint_reference_quantifiers'].split())})\s+"
    rf"(?:{one_of(_WORDS['joint_reference_nouns'].split())})"
    rf"|the\s+(?:{one_of(_WORDS['joint_reference_definite'].split())}))\b", re.IGNORECASE)
# "this visit", "this agreement": the event the article is about, whatever countries the sentence names beside it
_EVENT_OF_THE_STORY = re.compile(r"\bthis\s+(?:visit|agreement|signing|memorandum|MoU|MOU|partnership)\b", re.I)
_DASH_BREAK = re.compile(r"\s[-–—]+\s")  # a clause break of its own, or one side of an aside between dashes
_EM_DASH = re.compile(r"—")  # a dash written without spaces opens or closes an aside
_TELLING_ASIDE = re.compile(rf",\s+as\s+(?:{one_of(_WORDS['telling_asides'].split())})\b[^,;.]*,")
_CLAUSE_BREAK = re.compile(
    rf";|{_DASH_BREAK.pattern}|,\s+(?:{one_of(_WORDS['comma_openers'].split())})\b"
    rf"|\b(?:{one_of(_WORDS['clause_openers'].split())})\b", re.IGNORECASE)
_VENUE = re.compile(rf"\b(?:{one_of(_WORDS['venue_words'].split())})\b[^,.;]{{0,40}}\b(?:in|at)\s+(?:the\s+)?$",
                    re.IGNORECASE)
_PRESENT_EVENT = re.compile(  # "begins talks", "is visiting", not "will begin" or "to sign"
    rf"(?P<modal>\b(?:will|would|to|may|might|could|should|shall|can|must)\s+)?"
    rf"\b(?:{one_of(_WORDS['present_event_verbs'].split())}"
    rf"|(?:is|are)\s+(?:{one_of(_WORDS['present_event_participles'].split())}))\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:should|could|might|may)\s+(?:not\s+)?(?:be|have\s+been)?\s*$", re.IGNORECASE)
_RELATIVE_ASPECT = re.compile(
    rf"(?:{one_of(_WORDS['relative_openers'].split())})\b[^,;]*?\b"
    rf"(?:{_phrases(_WORDS['aspect_verbs'])})\b",
    re.IGNORECASE)
_ENDED = re.compile(rf"\b(?:{_phrases(_WORDS['ending_words'])})\s+(?:[\w.'’-]+\s+){{0,3}}$", re.IGNORECASE)
_ENDS_TIE = re.compile(rf"\b(?:{one_of(_WORDS['tie_ending_verbs'].split())})\b(?:\s+[\w'’-]+){{0,4}}?\s+"
                       rf"(?:{one_of(_WORDS['tie_nouns'].split())})\b", re.IGNORECASE)
_GENERIC_TIMES = frozenset(_WORDS["generic_times"])
_DATE_PREPOSITIONS = frozenset(_WORDS["date_prepositions"].split())
_REPORTED_ON = re.compile(  # "said on Tuesday", "the announcement earlier today", "a news conference on Monday"
    rf"\b(?:{one_of(_WORDS['reporting_words'].split())}|{_WORDS['press_events']})"
    rf"\s+(?:(?:on|late|early|earlier|this|last|next)\s+|(?:in|at)\s+(?:(?-i:[A-Z][\w.'’-]*)\s+)*)*$",
    re.IGNORECASE)
_NAMES_A_THING = re.compile(  # "the 1978 law", "January 1987 Soviet laws": the date names a law or a figure
    rf"\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}(?:{one_of(_WORDS['dated_nouns'].split())})\b")
_RELATION_CUE = re.compile(rf"\b(?:{_phrases(_WORDS['relation_cues'])})\b", re.IGNORECASE)
_RELATION_CUE_LOCAL = re.compile(
    rf"\b(?:{_phrases(c for c in _WORDS['relation_cues_zh_fr'] if not _CJK.search(c))})\b"
    rf"|{_phrases(c for c in _WORDS['relation_cues_zh_fr'] if _CJK.search(c))}", re.IGNORECASE)
# "deal with", "stock exchange": a cue word in another sense (data/relations.yaml not_cues, as for pairs)
_NOT_CUES = phrases_pattern(load_data_yaml("relations.yaml")[0]["not_cues"])
# a clause of conflict dates no cooperation ("the SEC charged Allied with failing to disclose steps it took last
# September", "rejected the takeover bid earlier this month"); talks about a dispute stay a meeting
_CONFLICT = re.compile(r"\b(?:" + "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"\b"
                                          for w in _WORDS["event_conflict_words"].split()) + ")", re.IGNORECASE)
_PRESS_EVENT = re.compile(rf"\b(?:{_WORDS['press_events']})\b", re.IGNORECASE)
_TOURISM = re.compile(rf"\b(?:{_phrases(_WORDS['tourism_words'])})\b", re.IGNORECASE)  # figures of tourists
_VISITORS = re.compile(r"\bvisitors?\b", re.IGNORECASE)
_FIGURE_DUE = re.compile(  # "475 mln dlrs of debt due in 1987", "for repayment starting in 1988": a payment
    r"(?:\d\s*(?:pct|%)|\b(?:mln|million|billion|bn|dlrs|dollars|yuan|euros?|stg|pounds))\b[^;]{0,60}?"
    r"\b(?:due|repayable|payable|maturing|at|repayments?\s+(?:starting|beginning|due))\s+(?:in|on|by|from)?\s*"
    r"(?:the\s+)?$", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|through|up\s+to)\s+(?:the\s+(?:end|middle|start)\s+of\s+)?$|"
                    r"\bas\s+(?:of|at)\s+$", re.IGNORECASE)  # "As of 2021, its sister cities were": a state, no event
# "will decide whether to begin talks": a question or condition (data/relations.yaml undecided_words, as for pairs)
_UNDECIDED = phrases_pattern(load_data_yaml("relations.yaml")[0]["undecided_words"].split())
_FIGURE_AT = re.compile(  # "inflation from 440 pct in 1985 to 19.7 pct last year": the date of a figure
    r"\d(?:[\d.,]*\d)?\s*(?:pct|%|percent|per\s+cent|mln|million|billion|bn|dlrs|dollars|stg|pounds|yuan|euros?)"
    r"\s+(?:in|for|during|by)?\s*(?:the\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_SCALE = r"(?:trillion|billion|million|thousand|bn|mn|m)\b"
_MONEY = re.compile(
    rf"(?:(?:US\$|\$|€|£|¥|RMB|USD|EUR|CNY)\s?\d[\d,]*(?:\.\d+)?(?:\s*{_SCALE})?"
    rf"|\d[\d,]*(?:\.\d+)?\s*(?:{_SCALE}\s*)?(?:yuan|euros?|dollars|US\s+dollars|USD|RMB|EUR|CNY|pounds))",
    re.IGNORECASE)
_COUNTED = re.compile(
    rf"(?P<num>\d[\d,]*)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<noun>{one_of(_WORDS['counted_nouns'].split())})\b",
    re.IGNORECASE)


def load_cues(path: str | Path | None = None) -> dict[str, list[str]]:
    """Event type -> cue list, from data/event_cues.yaml or `path`."""
    data, source = load_data_yaml("event_cues.yaml", path)
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ValueError(f"{source}: expected a mapping 'event type: [cue, ...]'; see the comments of data/event_cues.yaml")
    return {str(k): [str(c) for c in v] for k, v in data.items()}


@lru_cache(maxsize=8)
def _cue_patterns(path: str | None, local: bool = False) -> tuple[tuple[str, re.Pattern], ...]:
    """(type, pattern) per event type; `local`: for Chinese and French text, with the packaged lexicon's
    data/event_cues_zh_fr.yaml cues added (Chinese cues match anywhere)."""
    out = []
    extra = load_data_yaml("event_cues_zh_fr.yaml")[0] if path is None and local else {}
    for kind, cues in load_cues(path).items():
        parts = [re.escape(c).replace(r"\*", r"[\w-]*").replace(r"\ ", r"[\s-]+") for c in cues]
        words = r"\b(?:" + "|".join(parts) + r")\b(?!-\w)"  # not inside a compound: "agreed-upon ratios"
        local = [str(c) for c in extra.get(kind, [])]
        chinese = [re.escape(c) for c in local if _CJK.search(c)]
        french = [re.escape(c).replace(r"\*", r"[\w-]*") for c in local if not _CJK.search(c)]
        alternatives = [words] + ([r"\b(?:" + "|".join(french) + r")\b"] if french else []) + chinese
        out.append((kind, re.compile("|".join(alternatives), re.IGNORECASE)))
    return tuple(out)


def event_type(sentence: str, *, cues_path: str | None = None, language: str | None = None) -> str:
    """Event type with the most cue hits in `sentence` (ties: lexicon order), else 'other'; `language` 'zh'
    or 'fr' adds the Chinese and French cues."""
    best, best_hits = "other", 0
    for kind, pattern in _cue_patterns(str(cues_path) if cues_path else None, language in _LOCAL_LANGUAGES):
        hits = len(pattern.findall(sentence))
        if hits > best_hits:
            best, best_hits = kind, hits
    return best


def figures_in(text: str) -> list[str]:
    """Money amounts with currency and counted things ('102 projects') in `text`, in order of appearance."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _MONEY.finditer(text):
        found.append((m.start(), re.sub(r"\s+", " ", m.group()).strip()))
        taken.append(m.span())
    for m in _COUNTED.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        found.append((m.start(), f"{m.group('num')} {m.group('noun').lower()}"))
    return [f for _, f in sorted(found)]


def document_year(text: str) -> int | None:
    """The year named in event names of `text` ("Tech Week 2021") when there is exactly one, else None."""
    years = {int(m.group("y1") or m.group("y2")) for m in _EVENT_NAME_YEAR.finditer(text)}
    return years.pop() if len(years) == 1 else None


def dated_expressions(text: str, *, anchor: str | None = None, language: str | None = None,
                      underspecified: bool = False) -> pd.DataFrame:
    """Calendar DATE expressions of `text`, ranges joined ('1921-1946' -> value '1921/1946'); `underspecified`:
    also the values that date an event without placing it on a calendar (XXXX-XX-XX, XXXX-WXX, XXXX,
    XXXX-XX-XXTAF)."""
    return pd.DataFrame(_dated_rows(text, anchor=anchor, language=language, underspecified=underspecified),
                        columns=list(_Dated._fields))


_Dated = namedtuple("_Dated", "start end text type value")  # one row of dated_expressions


def _dated_rows(text: str, *, anchor: str | None, language: str | None, underspecified: bool) -> list[_Dated]:
    """dated_expressions' rows (a document's few dates: plain tuples, no table to build and read back); of two
    dates joined by "or", the first."""
    local = language in _LOCAL_LANGUAGES
    rows = []
    for start, end, expression, kind, value in timex_rows(text, anchor=anchor, language=language):
        if local and _TIMED.match(value):  # "10月22日下午", "mardi 5 mars à 10h": the day of a TIME dates its event
            kind, value = "DATE", value[:10]
        if (kind == "DATE" and _CALENDAR.match(value)) \
                or (underspecified and kind in ("DATE", "TIME") and _UNDERSPECIFIED.match(value)):
            rows.append(_Dated(start, end, expression, kind, value))
    joined: list[_Dated] = []
    for row in rows:
        prev = joined[-1] if joined else None
        join = (_RANGE_JOIN_LOCAL if local else _RANGE_JOIN).fullmatch(text[prev.end:row.start]) if prev else None
        if prev and "/" not in prev.value and join and row.start - prev.end <= 9 and \
                (not _AND.fullmatch(join.group()) or _and_is_a_range(text, prev, row)):
            joined[-1] = prev._replace(end=row.end, text=text[prev.start:row.end],
                                       value=f"{_in_the_year_of(prev, row)}/{row.value}")
        elif prev and _OR.fullmatch(text[prev.end:row.start]):
            continue  # "would be signed in March or early April": the second guess dates no other event
        else:
            joined.append(row)
    return joined


_OR = re.compile(r"\s+(?:or|ou)\s+(?:(?:in|on|by|en|le)\s+)?", re.IGNORECASE)


def _in_the_year_of(first: _Dated, last: _Dated) -> str:
    """The value of a range's first day, in the year its last day writes when the first writes none ("From Sunday
    29 May to Friday 3 June 2016": 2016-05-29, whatever the tense made of "29 May" alone; "December 28 to
    January 3, 2016": 2015-12-28)."""
    days = [_DAY.fullmatch(v) for v in (first.value, last.value)]
    if not all(days) or days[1].group(1) == "XXXX" or _WRITTEN_YEAR.search(first.text):
        return first.value
    year = int(days[1].group(1)) - (first.value[5:] > last.value[5:])
    return f"{year:04d}{first.value[4:]}"


_WRITTEN_YEAR = re.compile(r"\d{4}|['’]\d\d\b")
_AND = re.compile(r"\s*(?:and|et)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|entre)\s+(?:the\s+)?$", re.IGNORECASE)


def _and_is_a_range(text: str, first: _Dated, second: _Dated) -> bool:
    """"between 1981 and 1985", "March 22 and 23" (days in a row) span a period; "in 2008 and 2013", "since 1993
    and this year" name two dates."""
    if _BETWEEN.search(text[max(0, first.start - 12):first.start]):
        return True
    days = [_DAY.fullmatch(v) for v in (first.value, second.value)]
    if not all(days) or days[0].group(1) != days[1].group(1):
        return False
    year = 2000 if days[0].group(1) == "XXXX" else int(days[0].group(1))  # a leap year holds any yearless day
    start, end = (date(year, int(d.group(2)), int(d.group(3))) for d in days)
    return 0 < (end - start).days <= 2


_DAY = re.compile(r"(\d{4}|XXXX)-(\d\d)-(\d\d)")


def extract_events(corpus, *, entities: pd.DataFrame | None, pairs: pd.DataFrame | None = None,
                   cues_path: str | None = None, progress: bool = False) -> pd.DataFrame:
    """Dated events of every original (non-duplicate) document of `corpus` (EVENT_COLUMNS).

    With `pairs` (a table with doc_id, start = sentence start, a, b: coopnews.partners.relations.PAIR_COLUMNS)
    an event is a date of a sentence that states a cooperation relation, its parties the relation's; one
    event per date and party set. Without, every dated sentence is an event whose parties come from
    `entities` (ENTITY_COLUMNS; None: no parties)."""
    docs = corpus.documents
    docs = docs[docs["duplicate_of"].isna()] if "duplicate_of" in docs else docs
    sentences = {d: g.sort_values("start") for d, g in corpus.sentences.groupby("doc_id", sort=False)}
    no_sentences = corpus.sentences.iloc[0:0]
    by_doc = {d: g for d, g in entities.groupby("doc_id", sort=False)} if entities is not None and len(entities) else {}
    relations, hubs = _relations_by_sentence(pairs)
    rows: list[dict] = []
    for doc in tqdm(docs.itertuples(), total=len(docs), desc="dated events", unit="doc", disable=not progress):
        rows.extend(_document_events(doc, sentences.get(doc.doc_id, no_sentences), by_doc.get(doc.doc_id), cues_path,
                                     relations.get(doc.doc_id, {}) if pairs is not None else None,
                                     hubs.get(doc.doc_id, {})))
    table = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    table = table.astype({"sent_id": "int64", "start": "int64", "end": "int64", "year": "Int64"})  # also when empty
    return table.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def events_in_text(text: str, *, doc_id: str = "", anchor: str | None = None, sentences=None,
                   entities: pd.DataFrame | None = None, pairs: pd.DataFrame | None = None,
                   cues_path: str | None = None, language: str | None = None) -> pd.DataFrame:
    """Dated events of one cleaned text (EVENT_COLUMNS); sentences as (start, end) spans, split here if None;
    `pairs` (start = sentence start, a, b) as in extract_events; `language` 'zh' or 'fr' for Chinese or French."""
    if sentences is None:
        sentences = SentenceSplitter.for_texts([text]).spans(text)
    sents = pd.DataFrame([(i, s, e) for i, (s, e) in enumerate(sentences)], columns=["sent_id", "start", "end"])
    doc = pd.Series({"doc_id": doc_id, "date": anchor, "text": text, "language": language})
    relations, hubs = None, {}
    if pairs is not None:
        by_sentence, star_hubs = _relations_by_sentence(pairs.assign(doc_id=doc_id))
        relations, hubs = by_sentence.get(doc_id, {}), star_hubs.get(doc_id, {})
    table = pd.DataFrame(_document_events(doc, sents, entities, cues_path, relations, hubs),
                         columns=list(EVENT_COLUMNS))
    table["year"] = table["year"].astype("Int64")
    return table


def _relations_by_sentence(pairs: pd.DataFrame | None) -> tuple[dict[str, dict[int, list[str]]],
                                                                 dict[str, dict[int, str]]]:
    """doc_id -> sentence start -> the parties of the relations stated in that sentence (in order); and doc_id ->
    sentence start -> the party every one of the sentence's three or more relations holds (the hub of a star:
    "Honolulu's sister cities are Seoul (1973), Manila (1980) and Naha (1990)")."""
    out: dict[str, dict[int, list[str]]] = {}
    shared: dict[tuple, tuple[set, int]] = {}  # (doc_id, start) -> parties in every relation so far, relations
    if pairs is None or not len(pairs):
        return out, {}
    for doc_id, start, a, b in zip(pairs["doc_id"], pairs["start"], pairs["a"], pairs["b"]):
        parties = out.setdefault(doc_id, {}).setdefault(int(start), [])
        parties.extend(p for p in (a, b) if p not in parties)
        common, n = shared.get((doc_id, int(start)), ({a, b}, 0))
        shared[(doc_id, int(start))] = (common & {a, b}, n + 1)
    hubs: dict[str, dict[int, str]] = {}
    for (doc_id, start), (common, n) in shared.items():
        if n >= 3 and len(common) == 1:
            hubs.setdefault(doc_id, {})[start] = next(iter(common))
    return out, hubs


def _item_of_date(parties: list[str], hub: str | None, mentions: list[tuple], begin: int, date_start: int) -> list[str]:
    """The parties of one of several dates in a star's sentence: the hub and the member named last before the
    date (after `begin`, the previous date), when there is one; else all the sentence's parties."""
    named = [(e, name) for s, e, name in mentions if begin <= s and e <= date_start and name in parties and name != hub]
    return sorted({hub, max(named)[1]}) if hub in parties and named else parties


def _document_events(doc, sents: pd.DataFrame, entities, cues_path, relations=None, hubs=None) -> list[dict]:
    """Dated events of one document; `relations` (sentence start -> parties) when events come from pairs, and
    `hubs` (sentence start -> a star's hub, _relations_by_sentence)."""
    if relations is not None:
        if entities is not None and "type" in entities:
            entities = entities[entities["type"] != "media"]  # "Tanjug said ...": a news medium reports, it is no party
        mentions = [] if entities is None else list(zip(entities["start"], entities["end"], entities["canonical"]))
        countries = set() if entities is None or "type" not in entities else \
            set(entities.loc[entities["type"] == "country", "canonical"])
        events = _relation_events(doc, sents, relations, cues_path, mentions, countries, hubs or {})
        towns = _towns_of_bodies(entities)
        for event in events if towns else ():
            event["parties"] = sorted({*event["parties"], *(towns[p] for p in event["parties"] if p in towns)})
        return events
    anchor = doc.date if isinstance(doc.date, str) and doc.date else None
    text = doc.text
    language = _language(doc)
    dates = dated_expressions(text, anchor=anchor, language=language)
    if dates.empty:
        return []
    doc_year = None if anchor else document_year(text)
    spans = list(zip(sents["sent_id"], sents["start"], sents["end"]))
    dated_sents = {_sentence_of(spans, s) for s in dates["start"]}
    by_sentence: dict = {}
    for row in dates.itertuples():
        by_sentence.setdefault(_sentence_of(spans, row.start), []).append(row.value)
    mentions = [] if entities is None else list(zip(entities["start"], entities["end"], entities["canonical"]))
    out = []
    for row in dates.itertuples():
        sent = _sentence_of(spans, row.start)
        if sent is None or _less_precise_twin(row.value, by_sentence[sent]):
            continue
        sent_id, s_start, s_end = sent
        value, year, source = _year(row.value, row.text, anchor, doc_year)
        sentence = text[s_start:s_end]
        out.append({
            "doc_id": doc.doc_id, "sent_id": int(sent_id), "start": int(row.start), "end": int(row.end),
            "text": row.text, "value": value, "year": year, "year_source": source,
            "event_type": event_type(sentence, cues_path=cues_path, language=language), "sentence": sentence,
            "parties": _parties(mentions, s_start, s_end),
            "figures": _event_figures(text, spans, sent, dated_sents),
        })
    return out


_BODY_LEXICON = load_data_yaml("entities.yaml")[0]
_BODY_LEVELS = frozenset(_BODY_LEXICON["unnamed_body_levels"].split())
_BODY_HEADS = frozenset(_BODY_LEXICON["unnamed_body_heads"].split())


def _towns_of_bodies(entities: pd.DataFrame | None) -> dict[str, str]:
    """Organisation -> the place it governs, for the document's bodies named as a place the document names and a
    kind of government ("Bristol City Council", "Canmore Town Council", "Seoul Metropolitan Government"): an
    event of the council is the town's too."""
    if entities is None or "label" not in entities:
        return {}
    places = set(entities.loc[entities["label"] == "PLACE", "canonical"])
    out = {}
    for name in set(entities.loc[entities["label"] == "ORG", "canonical"]):
        words = name.split()
        for cut in range(1, len(words)):
            rest = words[cut:]
            if " ".join(words[:cut]) in places and rest[-1] in _BODY_HEADS and all(w in _BODY_LEVELS for w in rest[:-1]):
                out[name] = " ".join(words[:cut])
                break
    return out


def _relation_events(doc, sents: pd.DataFrame, relations: dict[int, list[str]], cues_path,
                     mentions: list[tuple], countries: set[str] = frozenset(),
                     hubs: dict[int, str] | None = None) -> list[dict]:
    """One event per date whose own clause holds an event cue (_dates_an_event), with the parties of the sentence
    (_sentence_parties); a date already seen in the document with the same parties (on a calendar day, some of them) is the same event. The wire
    dateline's day is no event, unless the lead tells its event in the present with no date of its own
    ("BONN, April 2 - the minister begins talks"); a headline in capitals gives none."""
    anchor = doc.date if isinstance(doc.date, str) and doc.date else None
    text = doc.text
    anchor = _dateline_day(text, anchor) or anchor
    language = _language(doc)
    dates = [row for row in _dated_rows(text, anchor=anchor, language=language, underspecified=True)
             if not _REPORTING_PERIOD.search(row.value)]
    if not dates:
        return []
    spans = list(zip(sents["sent_id"], sents["start"], sents["end"]))
    opening = len(text) - len(text.lstrip())  # where the headline starts: a sentence after it is below it
    by_sentence: dict = {}
    for row in dates:
        sent = _sentence_of(spans, row.start)
        if sent is not None:
            by_sentence.setdefault(sent, []).append(row)
    out, seen = [], set()

    @lru_cache(maxsize=2)
    def main(kind: str) -> list[str] | None:  # the parties the document is about, found once when first asked
        return _main_relation(relations) if kind == "relation" else _most_named(mentions, text, spans)

    following = dict(zip(spans, spans[1:]))
    for (sent_id, s_start, s_end), rows in by_sentence.items():
        sentence = text[s_start:s_end]
        if _is_headline(sentence):  # a headline in capitals repeats an event of the body, less precisely
            continue
        carried = _dated_line(text, (sent_id, s_start, s_end), rows, following, relations, cues_path, language)
        if carried is not None:  # "January 19th, 2008 in Tunis" above "Signature of an agreement between ..."
            (sent_id, s_start, s_end), rows = carried, rows[:1]
            sentence = text[s_start:s_end]
        dateline = match_dateline(sentence)
        begin = s_start + (dateline[1] if dateline else 0)
        values = [r.value for r in rows]
        if dateline and all(r.start < begin for r in rows) and _told_in_the_present(sentence, begin - s_start):
            rows = [r for r in rows if _DAY.match(r.value)][:1]  # the lead's event happens on the dateline's day
        else:
            inside = [r.start - s_start for r in rows]
            listed = [r for r in rows if _on_a_tie_line(sentence, r.start - s_start)] \
                if carried is None and relations.get(int(s_start)) else []
            rows = rows if carried is not None else [  # a partner's line in a list of ties dates the tie
                r for r in rows if r in listed or (r.start >= begin and not _less_precise_twin(r.value, values)
                and not _names_a_period(text, r, s_start)
                and not (s_start > opening and "/" not in r.value  # a range dates a section's event, not a link
                         and _links_a_story(sentence, r.start - s_start, r.end - s_start))
                and _dates_an_event(sentence, r.start - s_start, r.end - s_start, inside, cues_path, language))]
        if not rows:
            continue
        parties = _sentence_parties(text, s_start, s_end, begin, relations, mentions, main, countries)
        if not parties:
            continue
        kind = event_type(sentence, cues_path=cues_path, language=language)
        if kind in _ALONE_TYPES and len(parties) == 1 and not relations.get(int(s_start)):
            continue  # "the plan will be unveiled in late May": one party launching, with no partner, cooperates with none
        if not relations.get(int(s_start)) and _FOUNDED.search(sentence):
            continue  # "Sister Cities International, which was founded back in 1956": a body's birth, no one's tie
        hub = (hubs or {}).get(int(s_start)) if len(rows) > 1 else None
        for k, row in enumerate(rows):
            value, year, source = _year(row.value, row.text, anchor, None)
            these = _item_of_date(parties, hub, mentions, rows[k - 1].end if k else s_start, row.start) if hub \
                else parties  # "Bamako (Mali) since 1974, Pisa (Italy) since 1982": each date its member's
            if any(v == value and (seen_parties <= set(these) or seen_parties >= set(these) if _ISO_DAY.match(value)
                                   else seen_parties == set(these)) for v, seen_parties in seen):
                continue  # a calendar day with the same parties, or some of them: the same event told again
            seen.add((value, frozenset(these)))
            out.append({
                "doc_id": doc.doc_id, "sent_id": int(sent_id), "start": int(row.start), "end": int(row.end),
                "text": row.text, "value": value, "year": year, "year_source": source,
                "event_type": kind, "sentence": sentence,
                "parties": sorted(these), "figures": figures_in(sentence),
            })
    return _without_coarser_twins(out)


def _without_coarser_twins(events: list[dict]) -> list[dict]:
    """Events without a year that another event of the same parties dates more precisely: one event told twice
    ("Tokyo officially became Beijing's sister city in 1979" ... "established a sister-city relationship with
    Beijing on March 14, 1979"). A month stays: "later this month" and "on April 19" may be two visits."""
    finer: dict[tuple, list[str]] = {}  # parties -> the months and days that date them
    for e in events:
        if _CALENDAR_PREFIX.match(e["value"]):
            finer.setdefault(tuple(e["parties"]), []).append(e["value"])
    return [e for e in events if not (_YEAR.fullmatch(e["value"])
                                      and _less_precise_twin(e["value"], finer.get(tuple(e["parties"]), [])))]


_YEAR = re.compile(r"\d{4}")
_CALENDAR_PREFIX = re.compile(r"\d{4}-\d\d")


_FOUNDED = re.compile(rf"\b(?:{_phrases(_WORDS['founding_words'])})\b", re.IGNORECASE)
_FOUNDED_OPENING = re.compile(rf"\W*(?:{_phrases(_WORDS['founding_openers'])})[ \t]+(?:(?:back[ \t]+)?in[ \t]+)?$")
_TIE_SUBJECT = re.compile(rf",?[ \t]+(?:\w+[ \t]+){{0,6}}?(?:{_phrases(_WORDS['tie_subject_words'])})\b", re.IGNORECASE)
# a line of a list of partners, each with the year of its tie ("Kaohsiung, Taiwan (1983)", "Port of Tokyo, Japan
# (1987)", "• Himeji, Japan (est. 1976)", "• Wiesbaden (Germany) since 1969"): the year dates the tie
# (coopnews.partners.relations pairs the line)
_TIE_LINE = re.compile(r"[ \t]*(?:[•·*–-][ \t]*)?[A-Z][^\n()]{1,80}?\((?:(?:est\.?|since|signed|established)[ \t]*)?"
                       r"(?:1[89]|20)\d\d\)[ \t.;,]*"
                       r"|[ \t]*(?:[•·*–-][ \t]*)?[A-Z][^\n]{1,80}?[ \t]+since[ \t]+(?:1[89]|20)\d\d[ \t.;,]*")
# a bulleted line of such a list that goes on after the year ("• Melle (Germany) since 1977 with the City of ...")
_BULLETED_TIE_LINE = re.compile(r"[ \t]*[•·*][ \t]*[A-Z][^\n]{1,80}?[ \t]+since[ \t]+(?:1[89]|20)\d\d\b[^\n]{0,100}")
_TIE_LINE_END = re.compile(r"(?:\)|since[ \t]+\d{4})[ \t.;,]*$")


def is_tie_line(line: str) -> bool:
    """Whether a line of text is a partner's in a list of ties with their years (_TIE_LINE); a cheap test first."""
    if _TIE_LINE_END.search(line) is not None and _TIE_LINE.fullmatch(line) is not None:
        return True
    return "since" in line and _BULLETED_TIE_LINE.fullmatch(line) is not None
_DATE_LINE_REST = re.compile(r"^[\s,.;:•·*()-]*(?:(?:on|in|since)\s+)?[\s,.;:()-]*(?:(?:in|at)\s+[A-Z][\w'’.-]*"
                             r"(?:[ \t]+[A-Z][\w'’.-]*){0,3})?[\s,.;:()-]*$", re.IGNORECASE)


def _dated_line(text: str, span: tuple, rows: list, following: dict, relations: dict[int, list[str]], cues_path,
                language) -> tuple | None:
    """The sentence a line holding only a date (and where: "January 19th, 2008 in Tunis", "In June 12th, 1964
    in Cologne.") dates, as a web page's list of agreements writes it: the next sentence, when it states a
    relation with an event cue; else None."""
    _, s_start, s_end = span
    if len(rows) != 1 or not _DAY.match(rows[0].value) or span not in following:
        return None
    rest = text[s_start:rows[0].start] + " " + text[rows[0].end:s_end]
    if not _DATE_LINE_REST.match(rest):
        return None
    nxt = following[span]
    if not relations.get(int(nxt[1])) or not _has_cue(text[nxt[1]:nxt[2]], cues_path, language):
        return None
    return nxt


def _dateline_day(text: str, anchor: str | None) -> str | None:
    """The day a wire dateline prints ("TAIPEI, April 11 -"), in the year the publication date gives, when it
    differs from that date by a few days at most: "today" and "Monday" are told from the dateline's day
    (eval/gold/news/README.md: a dateline day that differs from the metadata day keeps its printed value)."""
    if not anchor or not _ISO_DAY.match(anchor):
        return None
    for line in text.split("\n", 3)[:3]:
        line = line.strip()
        span = dateline_span(line) if match_dateline(line) else None
        if span is None:
            continue
        days = [str(row[4]) for row in timex_rows(line[span[0]:span[1]], anchor=anchor) if _ISO_DAY.match(str(row[4]))]
        if days and days[0] != anchor and \
                abs((pd.Timestamp(days[0]) - pd.Timestamp(anchor)).days) <= _DATELINE_DRIFT_DAYS:
            return days[0]
        return None
    return None


_ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_DATELINE_DRIFT_DAYS = 7


def _sentence_parties(text: str, s_start: int, s_end: int, begin: int, relations: dict[int, list[str]],
                      mentions: list[tuple], main, countries: set[str] = frozenset()) -> list[str] | None:
    """The parties of a sentence's events: those of the relations it states (with the places and bodies it names
    below country level when those relations are only of countries and the article is about such places, or
    the article's own relation when the sentence tells of "this visit" or "this agreement"); for
    "the two cities", "both sides", "the partners", those of the last relation before (not the venue it names:
    "talks of both countries in Geneva"); else the partners it names (not as a source), or, when it names none or only the
    venue of a meeting ("the talks began in Geneva"), the parties the article is about (none: no event; a
    venue is no party, ANNOTATION.md); when it names only countries (`countries`: the document's) and the article
    is about other places ("Durban and Xiamen signed ... On September 20, artists from China and South Africa"),
    those places. `main("relation")`, `main("named")`: the document's main relation and most named partner
    (_main_relation, _most_named), found once per document."""
    parties = relations.get(int(s_start))
    if not parties and _JOINT_REFERENCE.search(text, s_start, s_end):
        parties = _last_relation_before(relations, s_start)
    if parties and set(parties) <= countries and not set(main("relation") or parties) <= countries:
        # "Pakistan and China signed ... between Sindh and Hubei" in a story of places: the provinces too
        return parties + (_acting_below_countries(text, mentions, begin, s_end, countries)
                          or (main("relation") if _EVENT_OF_THE_STORY.search(text, begin, s_end) else []))
    if parties:
        return parties
    named = _parties(mentions, begin, s_end, text)
    if named and all(_VENUE.search(text, max(begin, s - 60), s) for s, e, name in mentions
                     if s >= begin and e <= s_end and name in named):
        return main("relation") or main("named")  # a venue is no party
    if named and set(named) <= countries:
        local = main("relation")
        if local and not set(local) <= countries:
            return local
    return named or main("relation")


_WHERE_BEFORE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$", re.IGNORECASE)


def _acting_below_countries(text: str, mentions: list[tuple], begin: int, end: int, countries: set[str]) -> list[str]:
    """The partners below country level a sentence names from `begin` to `end`, but where something happens
    ("signed in Wuhan"): beside a relation of countries, the places and bodies the event concerns."""
    return [name for name in _parties(mentions, begin, end, text) if name not in countries and not any(
        _WHERE_BEFORE.search(text, max(begin, s - 12), s) for s, e, n in mentions if n == name and begin <= s < end)]


def _on_a_tie_line(sentence: str, start: int) -> bool:
    """Whether the date at `start` closes a line of a list of partners with their years (is_tie_line)."""
    line_end = sentence.find("\n", start)
    return is_tie_line(sentence[sentence.rfind("\n", 0, start) + 1:len(sentence) if line_end < 0 else line_end])


def _dates_an_event(sentence: str, start: int, end: int, date_starts: list[int], cues_path, language) -> bool:
    """Whether the date at sentence[start:end] is the date of an event: not "the past", not the day of the
    telling ("said on Monday"), of a payment ("debt due in 1987"), of an ending ("broken off last October"),
    of a law ("the 1978 law"), of a figure ("440 pct in 1985"), the end of a period ("support until 2007") or
    the day a state holds on ("As of 2021, its sister cities were"),
    nor of a page's stamp ("Date Created : 5/3/2023", "date 2023-03-10" opening a line), nor of a tie's end
    ("ended its sister agreement with Beijing in October"), and its clause holds an event cue."""
    before = sentence[:start]
    if _FOUNDED_OPENING.match(before) and not _TIE_SUBJECT.match(sentence, end):
        return False  # "Founded in 1900, the Philadelphia Orchestra made ...": the subject's birth
    if _STAMPED.search(before[-40:]) or _LINE_STAMP.search(before) or _WIRE_BRACKET_BEFORE.search(before):
        return False  # "Date Created : 5/3/2023 12:00:00 AM", "date 2023-03-10 Mayor leads ...": a page's stamp
    if sentence[start:end].lower() in _GENERIC_TIMES or _REPORTED_ON.search(before) or _FIGURE_DUE.search(before) \
            or _ENDED.search(before) or _NAMES_A_THING.match(sentence, end) or _FIGURE_AT.search(before[-40:]) \
            or _UNTIL.search(before[-20:]) or _OF_DAYS.match(sentence, end) \
            or (_POSSESSIVE.match(sentence, end) and _YEAR_WORD.search(sentence, start, end)):
        return False
    begin, stop = _date_clause(sentence, start, end, date_starts)
    clause = sentence[begin:stop]
    if _ENDS_TIE.search(clause):
        return False  # "Prague ended its sister agreement with Beijing in October": the tie's end
    if _has_cue(clause, cues_path, language):
        return True
    after_date = sentence[:stop].rstrip().endswith(",") or not sentence[end:stop].strip()
    when = _WHEN_AFTER.match(sentence, stop) if after_date else None
    if when and _has_cue(when.group(), cues_path, language):
        return True  # "The second event was on the 28 of September, when a delegation from Marseille came"; "can
        # date back to 2002 when Wenzhou forged sister city relationship with Prato"
    item = sentence.rfind(";", 0, start)  # the list item holds the clause: "; Sunderland – George Washington's home"
    if item >= 0 and _list_item(sentence, item, stop):  # "ties with Bangkok, Thailand (since 1962); Dakar (since 1980)"
        return _has_cue(sentence[:sentence.index(";")], cues_path, language)
    first = sentence.find(";", end)  # the first item: "partners include Manado in 1993; Tacoma in 1994; ..."
    if item < 0 and first >= 0 and _list_item(sentence, sentence.rfind(";"), len(sentence)) \
            and not _LIST_ITEM_OTHER_WORD.search(sentence, begin, first):
        return _has_cue(sentence[:first], cues_path, language)
    # "the partnership, which began in 1988": the noun the relative clause tells the start of
    return bool(_RELATIVE_ASPECT.match(clause)) and _has_cue(sentence[max(0, begin - 60):begin], cues_path, language)


# A lowercase word that makes a clause of a list item ("prices fell in 2002"); not a possessive's "s", a piece of a
# hyphenated name ("Bry-sur-Marne"), a particle of a place's name ("Rio de Janeiro", "Newcastle upon Tyne") nor the
# year a tie was established ("Himeji, Japan (est. 1976)").
_LIST_ITEM_OTHER_WORD = re.compile(
    r"(?<![’'-])\b(?!(?:since|and|in|from|of|the|until|to|de|da|do|di|du|del|la|le|les|am|an|upon|on|van|von|der|"
    r"den|y|sur|est|established)\b)[a-z]+\b")


def _list_item(sentence: str, begin: int, stop: int) -> bool:
    """Whether sentence[begin:stop] is an item of a list written with semicolons: it opens with one, and it and
    every piece between the sentence's semicolons are short (a name, its locator, a date), no clauses."""
    if not sentence.startswith(";", begin):
        return False
    pieces = sentence.split(";")[1:-1] + [sentence[begin + 1:stop]]
    return all(len(_WORD.findall(piece)) <= 12 and not _LIST_ITEM_OTHER_WORD.search(piece) for piece in pieces)


def _links_a_story(sentence: str, start: int, end: int) -> bool:
    """Whether the date in brackets closes a line with no full stop ("HebWeb News: Visit from Twin Town St Pol
    (May 2018)"): below the headline, a link to another story, whose date is no event of this one."""
    return sentence[:start].rstrip().endswith("(") and _LINK_DATE.match(sentence, end) is not None


_LINK_DATE = re.compile(r"\s*\)[ \t]*(?:\n|$)")  # a date in brackets closing a line with no full stop
_LINE_STAMP = re.compile(  # a stamp's label opening its line, with or without a colon
    rf"(?:^|\n)[ \t]*(?:date|dated|{one_of(_WORDS['stamp_labels'].split())})(?:[ \t]+on)?[ \t]*:?[ \t]*$",
    re.IGNORECASE)
# a wire's bracket after a dateline in capitals, holding its credit and the day it filed ("LONDON, (UrduPoint /
# Pakistan Point News - APP - 19th Jul, 2019 ):"): a stamp
_WIRE_BRACKET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'’-]+,?[ \t]*\([^()\n]*$")
_STAMPED = re.compile(rf"\b(?:{one_of(_WORDS['stamp_labels'].split())})\s*(?:on\s*)?:\s*$", re.IGNORECASE)


def _is_headline(sentence: str) -> bool:
    """Whether `sentence` is a headline in capitals: three Latin words or more, all in capitals."""
    words = _LATIN_WORD.findall(sentence)
    return len(words) >= 3 and all(w.isupper() for w in words) and not _CJK.search(sentence)


def _told_in_the_present(sentence: str, begin: int) -> bool:
    """Whether the sentence after its dateline (from `begin`) tells an event in the present ("the minister
    begins talks", "is visiting"), not as to come ("will begin", "to sign")."""
    return any(not m.group("modal") for m in _PRESENT_EVENT.finditer(sentence, begin))


# a year owning a noun ("this year's winners", "last year's conference"): that year's edition of something that
# recurs, no event's date ("Friday's visit", "August's visit" stay)
_POSSESSIVE = re.compile(r"['’]s\b")
_YEAR_WORD = re.compile(r"\byear\b", re.IGNORECASE)
_OF_DAYS = re.compile(r"\s+of\s+\d")  # "over the weekend of 18-21 May": the days date the event
_WHEN_AFTER = re.compile(r"when\b[^;.]*", re.IGNORECASE)  # the clause "when" opens after a date, to a full stop
_YEARS_SINCE = re.compile(r"\b(?:years|decades)\s+since$", re.IGNORECASE)  # "30 years since", not "a year since we"


def _date_clause(sentence: str, start: int, end: int, date_starts: list[int]) -> tuple[int, int]:
    """The (start, end) of the clause of `sentence` holding the date at [start, end): from the last clause break
    before it to the next one after it; "since", "after" directly followed by a date ("since 1988") are its
    preposition. A date opening a clause with no words of its own ("In 2005, after long talks, ...") reaches
    the next one. An aside between two dashes breaks no clause ("a delegation – including the city council –
    will be taking to Wuhan from March 23 to 27"; "On November 10, NYC & Company—the marketing, tourism, and
    partnership body of New York City—and the Tokyo Metropolitan Government formalized an agreement"), nor does
    an aside telling where the story was told ("In May of 1989, as noted in a recent press release, ...")."""
    begin, stop = 0, len(sentence)
    aside = None  # where the clause began before an open dash
    dashes = [m.start() for m in _EM_DASH.finditer(sentence, end)]
    glued = list(zip(dashes[::2], dashes[1::2]))  # "NYC & Company—the marketing, tourism, and partnership body—and"
    told = [(m.start(), m.end()) for m in _TELLING_ASIDE.finditer(sentence, end)]  # ", as noted in a release,"
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.group().lower() in _DATE_PREPOSITIONS and any(0 <= d - m.end() <= 5 for d in date_starts):
            continue
        if any(a < m.start() < b for a, b in glued) or any(a <= m.start() < b for a, b in told):
            continue  # a break inside an aside between two dashes, or one telling where the story was told, after
            # the date
        if _YEARS_SINCE.search(sentence, 0, m.end()):
            continue  # "This year marks 30 years since Hebei became Goiás' sister province": the anniversary's clause
        if m.end() <= start:
            dash = _DASH_BREAK.fullmatch(m.group()) is not None
            begin, aside = (aside, None) if dash and aside is not None else (m.start(), begin if dash else aside)
        elif m.start() >= end:
            if len(_WORD.findall(sentence, begin, start)) + \
                    len(_WORD.findall(sentence, end, m.start())) < 2:
                continue
            if m.group().startswith(",") and not _OWN_WORD.search(sentence, begin, start) \
                    and not _OWN_WORD.search(sentence, end, m.start()):
                continue  # "On 15 October 1968 the Lord Mayor of Leeds, Councillor John Rafferty, and the Mayor of
                # Lille signed": names and titles only, the subject goes on after "and"
            if _NAMES_AND_NAME.match(sentence, m.start()) \
                    and not _OWN_WORD.search(sentence, max(end, sentence.rfind(",", end, m.start())), m.start()):
                continue  # "On November 10, based on ..., Fengdu County, Chongqing Municipality, China, and
                # Guanajuato ... held": a list of names goes on after ", and"
            stop = m.start()
            break
    return begin, stop


_NAMES_AND_NAME = re.compile(r",\s+and\s+(?:the\s+)?[A-Z]")
_OWN_WORD = re.compile(r"\b(?!(?:the|of|and|de|du|la|le|von|van|der)\b)[a-z][a-z'’-]*\b")  # a word no name holds


def _has_cue(clause: str, cues_path, language) -> bool:
    """Whether `clause` holds an event cue told as happening: a press conference is none, nor visitors in tourism
    figures, nor a cue told as what should or might happen ("loans should be agreed this year") or as a
    question or condition ("will decide on 17 December whether to begin talks")."""
    clause = _NOT_CUES.sub(" ", _PRESS_EVENT.sub(" ", clause))
    if _TOURISM.search(clause):  # "recorded 607,542 Chinese visitors": tourists, no visit
        clause = _VISITORS.sub(" ", clause)
    if _CONFLICT.search(clause):
        return False
    patterns = _clause_cues(str(cues_path) if cues_path else None, language in _LOCAL_LANGUAGES)
    return any(not _HYPOTHETICAL.search(clause, 0, m.start()) and not _UNDECIDED.search(clause, 0, m.start())
               and not _inside_a_name(clause, m) for p in patterns for m in p.finditer(clause))


# a body's head after a capitalised cue: the cue is a word of the body's name
_BODY_HEAD_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*)*[ \t]+(?:Association|Society|Club|Trust|Federation|"
                              r"Foundation)\b")


def _inside_a_name(clause: str, cue: re.Match) -> bool:
    """Whether a cue is a word of an association's name ("thanks to Exmouth Twinning Association", "the Sister
    Cities Association"): capitalised, before an association's head."""
    return cue.group()[:1].isupper() and bool(_BODY_HEAD_AFTER.match(clause, cue.end()))


@lru_cache(maxsize=8)
def _clause_cues(path: str | None, local: bool) -> tuple[re.Pattern, ...]:
    """The patterns whose match makes a clause an event clause: the cooperation words (data/events.yaml) and the
    event cues of every type (data/event_cues.yaml or `path`); `local`: with the Chinese and French ones."""
    return (_RELATION_CUE, *([_RELATION_CUE_LOCAL] if local else []), *(p for _, p in _cue_patterns(path, local)))


def _most_named(mentions: list[tuple], text: str, spans=()) -> list[str] | None:
    """The partner a document states no relation of names most often (three times or more, not as a source),
    never the place of its wire dateline (where the reporter files from, not whom the story is about); `spans`
    the document's (sent_id, start, end) sentences."""
    filed_from = _dateline_places(mentions, text, spans)
    counts = Counter(str(name) for s, e, name in mentions
                     if isinstance(name, str) and name and name not in filed_from and not named_as_source(text, s, e))
    top = counts.most_common(1)
    return [top[0][0]] if top and top[0][1] >= 3 else None


def _dateline_places(mentions: list[tuple], text: str, spans) -> set[str]:
    """Canonical names of the mentions inside the wire dateline opening one of the document's first sentences."""
    for _, start, end in list(spans)[:3]:
        dateline = match_dateline(text[start:end])
        if dateline:
            return {str(name) for s, e, name in mentions if start <= s and e <= start + dateline[1]}
    return set()


def _main_relation(relations: dict[int, list[str]]) -> list[str] | None:
    """The parties the document is about: those of the relation its sentences state most often (the first
    one on a tie), for an event sentence naming no party ("King Faisal visited in 1967")."""
    counts: dict[frozenset, int] = {}
    first: dict[frozenset, list[str]] = {}
    for start in sorted(relations):
        key = frozenset(relations[start])
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, relations[start])
    return first[max(counts, key=counts.get)] if counts else None


def _last_relation_before(relations: dict[int, list[str]], start: int) -> list[str] | None:
    """The parties of the last sentence before `start` that states a relation (for "the two cities …")."""
    before = [s for s in relations if s < start]
    return relations[max(before)] if before else None


def _language(doc) -> str | None:
    """The document's language code (documents.language), None when unknown."""
    language = getattr(doc, "language", None)
    return language if isinstance(language, str) and language else None


def _less_precise_twin(value: str, values: list[str]) -> bool:
    """'2025' next to '2025-03-26' in one sentence ("On March 26, 2025, the 2025 Conference...") is the same event;
    so is a day next to a part of it ("Today he ... was scheduled to meet ministers in the afternoon")."""
    return any(other != value and (other.startswith(value + "-") or other.startswith(value + "T")) for other in values)


def _sentence_of(spans, pos: int):
    for sent_id, start, end in spans:
        if start <= pos < end:
            return sent_id, start, end
    return None


def _year(value: str, expression: str, anchor: str | None, doc_year: int | None):
    """(value, year, year_source) with the document-year rule applied to yearless values."""
    first = value.split("/")[0]
    if not first[:3].isdigit() and not first.startswith("XXXX"):
        return value, pd.NA, "none"  # no calendar year in the value
    if first.startswith("XXXX"):
        if doc_year is None:
            return value, pd.NA, "none"
        value = "/".join(f"{doc_year:04d}{v[4:]}" if v.startswith("XXXX") else v for v in value.split("/"))
        return value, doc_year, "event name"
    year = int(first[:4]) if len(first) >= 4 else int(first[:3]) * 10
    written = bool(re.search(r"\b" + re.escape(first[:4]), expression)) or len(first) == 3
    return value, year, "text" if written or not anchor else "anchor"


def _parties(mentions: list[tuple], start: int, end: int, text: str = "") -> list[str]:
    """Canonical names of the (start, end, canonical) mentions inside [start, end), less those `text` names as
    the sentence's source ("told AFP", "according to Kuna")."""
    return sorted({str(name) for s, e, name in mentions if s >= start and e <= end and isinstance(name, str) and name
                   and not (text and named_as_source(text, s, e))})


def _event_figures(text: str, spans, sent, dated_sents) -> list[str]:
    sent_id, start, end = sent
    figures = figures_in(text[start:end])
    following = [s for s in spans if s[0] > sent_id][:5]
    for other in following:
        if other in dated_sents:
            break
        chunk = text[other[1]:other[2]]
        if _BACK_REFERENCE.search(chunk):
            figures.extend(f for f in figures_in(chunk) if f not in figures)
    return figures


def filter_events(events: pd.DataFrame, *, partners=(), start: str = "", end: str = "", types=()) -> pd.DataFrame:
    """Events naming any of `partners`, of any of `types`, dated within [start, end] (ISO; yearless events kept)."""
    keep = pd.Series(True, index=events.index)
    if partners:
        wanted = {p.lower() for p in partners}
        keep &= events["parties"].map(lambda ps: any(str(p).lower() in wanted for p in ps))
    if types:
        keep &= events["event_type"].isin(list(types))
    dates = events["value"].map(timex_start)
    if start:
        keep &= dates.isna() | (dates >= pd.Timestamp(start))
    if end:
        keep &= dates.isna() | (dates <= pd.Timestamp(end))
    return events[keep].reset_index(drop=True)


def unknown_year(events: pd.DataFrame) -> pd.DataFrame:
    """Events whose year cannot be known (no publication date, no document year), to list apart."""
    return events[events["year"].isna()][["doc_id", "text", "value", "event_type", "sentence"]].reset_index(drop=True)


def counts_per_year(events: pd.DataFrame) -> pd.DataFrame:
    """Events per year (rows) and event type (columns), years without events left out."""
    known = events.dropna(subset=["year"])
    if known.empty:
        return pd.DataFrame()
    table = known.groupby(["year", "event_type"]).size().unstack(fill_value=0)
    return table.sort_index().reindex(sorted(table.columns), axis=1)
