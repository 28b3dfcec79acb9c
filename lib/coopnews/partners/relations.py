"""Cooperation pairs: relations between two parties that a sentence states (who cooperates with whom, how,
when, with the sentence as evidence), read from the sentence's dependency parse (coopnews.partners.syntax).

    pairs = extract_pairs(corpus)                 # PAIR_COLUMNS
    pairs_in_text("Lyon and Guangzhou signed a memorandum in 2013.")

Only sentences holding a cooperation cue (data/cooperation_cues.yaml) of a non-setting type are parsed. The
parties are organisation and place mentions, without places that only locate an organisation ("the Chinese
Consulate in Lyon", "Lyon's ECAM LaSalle", "a Hamburg-based firm"), the wire dateline's places, and headlines
printed in capitals; "it" or "the company" stands for the document's main party (its headline or lead).

Chinese and French documents (language 'zh' or 'fr') have no parser here: there a pair is every two
different parties of a sentence holding a cue (the packaged cues plus data/cooperation_cues_zh_fr.yaml),
without venues and locators (data/parties_zh_fr.yaml: "在南京会见", "accueillie à Rennes", "Chengdu, la
capitale du Sichuan"), places opening an event's name ("南京—里昂经贸交流会"), a country written against
its own city ("法国里昂") and a city or region paired with its own country.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import combinations, islice, takewhile
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from ..corpus.bylines import named_as_source
from ..corpus.pubdate import match_dateline
from ..corpus.sentences import SentenceSplitter
from ..data import load_data_yaml, phrases_pattern
from ..terms.sectors import sectors_in
from ..timeline.events import is_tie_line
from ..timeline.timex import extract_timexes
from ..timeline.timex.lexicon import MONTHS
from . import syntax
from .candidates import COLON_DATELINE, NOT_NAME_WORDS
from .entities import entities_in_text, extract_entities, is_title_case
from .gazetteer import capital_of, continent_of, lies_in, lookup_place, names_a_direction
from .pair_filters import without_countries_a_party_stands_for, without_story_misreadings
from .persons import (FAMILY_NAMES_FIRST, LIST_SEPARATOR, NAME_END, PERSONAL_TITLES, REPRESENTATIVE_WORDS,
                      TITLE_GRADE_WORDS)
from .registry import load_registry, normalise_name

PAIR_COLUMNS = {
    "doc_id": "document",
    "sent_id": "sentence (corpus.sentences.sent_id)",
    "start": "start of the sentence in documents.text",
    "end": "end of the sentence (exclusive)",
    "a": "canonical name of the partner mentioned first",
    "b": "canonical name of the other partner",
    "a_label": "ORG or PLACE",
    "b_label": "ORG or PLACE",
    "type": "cooperation type (first matching type of data/cooperation_cues.yaml): agreement, twinning, investment, "
            "visit, membership, partnership",
    "cue": "the cue word that made the sentence a cooperation sentence",
    "sector": "first sector of coopnews.terms.sectors.sectors_in(sentence); null when none",
    "date": "TIMEX3 value of the first DATE in the sentence (anchored on the publication date); null when none",
    "sentence": "the sentence (evidence)",
}
_QUALIFIER_GAP = re.compile(r"^[”\"]?\.?(?:\)|\s*\([A-Z][A-Za-z.&]{1,9}\))?"  # "Sister Cities International (TSCI) of Alabama"
                            r"(?:\s+(?:in|at|of)\s+|\s*,\s*(?:the\s+|of\s+|in\s+)?|['’]s\s+)$")
_OWNER_GAP = re.compile(r"^['’]s\s+$")
_BASED = re.compile(r"^[-–‐]?\s?based\b")
# a place right after another that only says where the first lies ("Gaydon, near Warwick", "Sakhalin, in the far
# east of Russia", "Hefei, in eastern China", "the Liwan district of Guangzhou"); "in" and "on" only after a comma
# ("a delegation from Lyon in Wuhan")
_PLACE_LOCATOR_GAP = re.compile(
    r"^\s*(?:,\s*(?:in|on)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central|centre|center|heart|"
    r"outskirts|interior)[\w-]*\s+(?:part\s+)?(?:of\s+)?)?|,?\s*(?:just\s+)?(?:near|outside|close\s+to|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+|\s+(?:district|county|borough|suburb|ward)\s+of\s+)"
    r"(?:the\s+)?$", re.I)
_HEADLINE = re.compile(r"^[^a-z]*$")

_TICKER = re.compile(r"<[A-Z0-9.]{1,10}>|[<>]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LOCATOR_GAP = re.compile(r"^$")  # "法国里昂" (France's Lyon): written together, the country only locates the city
COOCCURRENCE_LANGUAGES = ("zh", "fr")  # languages whose pairs are read by co-occurrence, not from a parse


def _plain(sentence: str) -> str:
    """The sentence with stock tickers ("<BASF.F>") and angle brackets blanked (same length, same offsets),
    which the parser otherwise reads as words."""
    return _TICKER.sub(lambda m: " " * len(m.group()), sentence)


_LETTERS = re.compile(r"[^\W\d_][\w'’-]*")


def _sentence_cased(body: str, parties: list[dict], people: dict | None) -> str:
    """`body` with each line written as a headline in title case or in capitals re-written as a sentence (same
    length, same offsets): the words outside the parties' names in small letters, a name in capitals with a
    capital first letter only. The parser reads "Hunan Delegation Visits Russia, Poland, and Hungary" as one
    long name; "Hunan delegation visits Russia, Poland, and Hungary" as the visit it reports."""
    out, first = [], 0
    for line in body.splitlines(keepends=True):
        out.append(_line_sentence_cased(line, first, parties, people or {}))
        first += len(line)
    return "".join(out)


def _line_sentence_cased(line: str, first: int, parties: list[dict], people: dict) -> str:
    words = list(_LETTERS.finditer(line))
    capitals = len(words) >= 3 and not any(ch.islower() for ch in line)
    if not (capitals or is_title_case(line)):
        return line
    named = [(int(p["start"]) - first, int(p["end"]) - first) for p in parties]
    chars = list(line)
    for k, w in enumerate(words):
        inside = any(a <= w.start() and w.end() <= b for a, b in named)
        new = w.group().capitalize() if (inside and capitals and len(w.group()) > 3) or (k == 0 and not inside) else \
            w.group() if inside or w.group() in people or (w.group().isupper() and not capitals) else w.group().lower()
        if len(new) == len(w.group()):
            chars[w.start():w.end()] = new
    return "".join(chars)


def _dateline_end(sentence: str) -> int:
    """Length of the wire dateline opening `sentence` (0 when there is none): its places are the
    reporter's location, not parties."""
    m = match_dateline(sentence)
    if m:
        return m[1]
    m = _DASH_DATELINE.match(sentence) or _TITLE_DASH_DATELINE.match(sentence)
    if m:
        return m.end()  # "NANJING -- The city of ...", "CEBU, Philippines - Both ...", "Mystic — Groton"
    m = _PLACE_COUNTRY_DASH.match(sentence)  # "Hefei, China – Arkansas Governor Asa Hutchinson ...", "Dubai, UAE: The"
    if m and (lookup_place(m.group("country")) or (None, None))[1] == "country" and lookup_place(m.group("place")):
        return m.end()
    m = COLON_DATELINE.match(sentence)  # "Hyderabad/New Delhi: ...", "BEIJING: ...": the places are all known
    if m and all(lookup_place(p.strip()) for p in m.group("places").split("/")):
        return m.end()
    m = _DATED_DATELINE.match(sentence)  # "Nanjing, China, November 6, 2008 – Mumbai ..."
    return m.end() if m and all(lookup_place(p.strip()) for p in m.group("places").split(",")) else 0


_DASH_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,2}(?:,[ \t]*[A-Z][A-Za-z.]+)?"
                            r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"  # "LAHORE, Jan 27 (APP):"
                            r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?(?:--|—|–|[ \t]-[ \t]|(?<=\)):)[ \t]*")


_TITLE_DASH_DATELINE = re.compile(r"^\s*[A-Z][a-z'’.-]+(?:[ \t]+[A-Z][a-z'’.-]+){0,2}(?:,[ \t]*[A-Z][A-Za-z.]+)?"
                                  r"[ \t]+(?:—|--)[ \t]+(?=[A-Z])")  # a local paper's "Mystic — Groton and ..."


# a town and its country before an en dash or a colon, opening the text: a web page's dateline
_PLACE_COUNTRY_DASH = re.compile(r"^\s*(?P<place>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,2}),[ \t]*"
                                 r"(?P<country>[A-Z][\w.]+(?:[ \t]+[A-Z][\w.]+){0,2})(?:[ \t]+–|:)[ \t]+(?=[A-Z])")


_MONTH_NAME = rf"(?:{'|'.join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))})\.?"
_DATED_DATELINE = re.compile(r"^\s*(?P<places>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}(?:,[ \t]*[A-Z][\w.'’-]*"
                             r"(?:[ \t]+[A-Z][\w.'’-]*){0,2})?),[ \t]*(?:" + _MONTH_NAME + r"[ \t]+\d{1,2},?[ \t]+\d{4}|"
                             r"\d{1,2}[ \t]+" + _MONTH_NAME + r",?[ \t]+\d{4})[ \t]*(?:[-–—]+|:)[ \t]*")


def _fail(path: str, reason: str) -> ValueError:
    return ValueError(f"{path}: {reason} (see the comments at the top of coopnews/data/cooperation_cues.yaml)")


@lru_cache(maxsize=8)
def _load_cues(path: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    data, where = load_data_yaml("cooperation_cues.yaml", path)
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise _fail(where, "must map each cooperation type to a list of cue words")
    return tuple((str(k), tuple(str(c) for c in v)) for k, v in data.items())


def load_cues(path: str | Path | None = None) -> dict[str, list[str]]:
    """Cooperation type -> cue words, from `path` (default: the packaged data/cooperation_cues.yaml)."""
    if path not in (None, "") and not Path(path).is_file():
        raise FileNotFoundError(f"cue lexicon not found: {path} (give a YAML file like coopnews/data/cooperation_cues.yaml)")
    return {k: list(v) for k, v in _load_cues(None if path in (None, "") else str(path))}


@lru_cache(maxsize=8)
def _cue_patterns(path: str | None, local: bool = False) -> tuple[tuple[str, re.Pattern], ...]:
    """(type, pattern) per cooperation type; `local`: for Chinese and French text, with the packaged
    lexicon's data/cooperation_cues_zh_fr.yaml cues added type by type (Chinese cues match anywhere)."""
    data = _load_cues(path)
    if local and path is None:
        extra, _ = load_data_yaml("cooperation_cues_zh_fr.yaml")
        data = tuple((k, (*v, *map(str, extra.get(k, [])))) for k, v in data)
    out = []
    for kind, cues in data:
        parts = []
        for cue in sorted(cues, key=lambda c: (-len(c), c)):
            body = re.escape(cue.rstrip("*")).replace(r"\ ", r"[\s-]+")
            if _CJK.search(cue):  # Chinese words are not delimited by spaces
                parts.append(body)
                continue
            parts.append(r"(?<!\w)" + body + (r"\w*" if cue.endswith("*") else "") + r"(?!\w)")
        out.append((kind, re.compile("(?:" + "|".join(parts) + ")", re.I)))
    return tuple(out)


def cue_in(sentence: str, *, cues: str | Path | None = None, language: str | None = None) -> tuple[str, str] | None:
    """(cooperation type, cue word) of the first listed type whose cue occurs in `sentence`, else None;
    `language` 'zh' or 'fr' adds the Chinese and French cues."""
    for kind, pattern in _cue_patterns(None if cues in (None, "") else str(cues), language in COOCCURRENCE_LANGUAGES):
        m = pattern.search(sentence)
        if m:
            return kind, m.group()
    return None


def _masked(text: str, mentions: list[dict]) -> str:
    """The sentence with its entity mentions blanked out, so 'University' in a name is not a cue."""
    chars = list(text)
    for m in mentions:
        chars[m["start"]:m["end"]] = " " * (m["end"] - m["start"])
    return "".join(chars)


def _parties(mentions: list[dict], text: str) -> list[dict]:
    """Partner mentions of one sentence in reading order, without places that only locate an organisation or
    another place, or qualify a noun (_only_locates)."""
    rows = sorted(mentions, key=lambda m: (m["start"], m["end"]))
    out, dropped = [], None
    for i, m in enumerate(rows):
        if m["label"] == "PLACE" and names_a_direction(m["text"]):
            continue  # "to celebrate their partnership with their friends from the North": no party
        if m["label"] == "PLACE" and (_only_locates(m, rows[i - 1] if i else None,
                                                    rows[i + 1] if i + 1 < len(rows) else None, text)
                                      or dropped is not None and dropped["canonical"] == m["canonical"]
                                      and _BRACKET_GAP.fullmatch(text[dropped["end"]:m["start"]])):
            if out and out[-1] is rows[i - 1] and _locates_town(m, out[-1], text):
                out[-1] = {**out[-1], "end": m["end"]}  # "the city of Salem, Oregon welcomed ...": the parse may
                # make the state the subject, which then stands for the town
            dropped = m  # "Australia's Northern Territory (NT)": the bracketed short form locates as its long form
            continue
        out.append(m)
    return out


_BRACKET_GAP = re.compile(r"\s*\(\s*")


def _locates_town(m: dict, town: dict, text: str) -> bool:
    """Whether place `m` is the region or country of the town right before it, after a comma, and a verb follows
    ("the city of Salem, Oregon welcomed ...")."""
    return town["label"] == "PLACE" and town.get("type") in ("city", "district") and m.get("type") in (
        "region", "country") and bool(m.get("country")) and m.get("country") == town.get("country") \
        and text[town["end"]:m["start"]].strip() == "," and bool(_VERB_AFTER.match(text, m["end"]))


_VERB_AFTER = re.compile(r"\s+(?!(?:to|and|or|in|on|at|for|with|from|of|as|since)\b)[a-z]")  # "Salem, Oregon welcomed"


def _only_locates(m: dict, prev: dict | None, nxt: dict | None, text: str) -> bool:
    """Whether place `m` (between mentions `prev` and `nxt` of its sentence `text`) only says where an
    organisation or another place is: "the Chinese Consulate in Lyon", "Lyon's ECAM LaSalle", "a Hamburg-based
    firm", "a factory in Gaydon, near Warwick", "Haiyan county, Zhejiang Province", "China's Haiyan county", "the
    U.S. states of Oregon", "Batesville in the U.S. state of Indiana", "the capital of the state of Jalisco", or,
    a country, only qualifies a noun ("U.S. states, cities and towns", "Taichung's 18th US sister city")."""
    before = text[prev["end"]:m["start"]] if prev is not None else None
    after = text[m["end"]:nxt["start"]] if nxt is not None else None
    if prev is not None and prev["label"] == "ORG" and _QUALIFIER_GAP.match(before):
        return True
    if nxt is not None and _OWNER_GAP.match(after):
        return True  # the owner of an organisation or of a place ("China's Haiyan county")
    if prev is not None and prev["label"] == "PLACE" and (_PLACE_LOCATOR_GAP.match(before) or _holds(prev, m, before)
                                                       or _second_of_item(prev, m, text)):
        return True
    if m.get("type") == "country" and _BRACKETED_AFTER_NAME.search(text, max(0, m["start"] - 30), m["start"]) \
            and re.match(r"\s*\)", text[m["end"]:]):
        return True  # "Vung Tau- Con Dao (Vietnam)": a bracketed country after a name locates it, known or not
    label = _TOPIC_LABEL.match(text)
    if label and m.get("type") == "country" and m["end"] <= label.end():
        return True  # "Morocco-USA: Laâyoune and Arlington seal a twinning agreement": the story's topic, no party
    if _CAPITAL_OF_BEFORE.search(text, max(0, m["start"] - 50), m["start"]):
        return True  # "Darwin, capital of Australia's Northern Territory", "Bandung (capital of West Java province)"
    if _LOCATED_BEFORE.search(text, max(0, m["start"] - 40), m["start"]):
        return True  # "Located north of Milwaukee, Washington County has ...": the clause only says where
    named_from = _NAME_FROM.search(text, max(0, m["start"] - 40), m["start"])
    if named_from and m.get("type") == "country" and not (
            prev is not None and prev["label"] == "PLACE" and prev["end"] == named_from.start("gap")):
        return True  # "Bayan Ulgii from Mongolia" (a town no gazetteer knows), "Famagusta Municipality from TRNC"
    return bool(_BASED.match(text[m["end"]:]) or (m.get("type") == "country" and (
        _COUNTRY_OF_STATES.match(text[m["end"]:]) or _COUNTRY_AS_ADJECTIVE.match(text[m["end"]:])))
                or _STATE_OF.search(text[max(0, m["start"] - 60):m["start"]]))


_ITEM_OPENS = re.compile(r"(?:;|:|\s[–—-]|\sand)\s*$")
_ITEM_ENDS = re.compile(r"\s*(?:;|\s[–—-]\s|[.)]?\s*$)")


def _second_of_item(prev: dict, m: dict, text: str) -> bool:
    """Whether place `m` is the second name of an item "Town, Place" of a list written with semicolons ("four
    sister cities – Dickson, Siberia; Thika, Kenya; ... and Herzberg, Germany –"): there it says where the town
    lies, whatever the gazetteer knows of either."""
    return text[prev["end"]:m["start"]] == ", " and bool(_ITEM_ENDS.match(text, m["end"])) \
        and bool(_ITEM_OPENS.search(text, 0, prev["start"])) and ";" in text


_CAPITAL_OF_BEFORE = re.compile(r"[\w.)][ \t]*(?:[,(]|[ \t][–—-])[ \t]*(?:the\s+)?(?:provincial\s+|state\s+)?"
                                r"capital(?:\s+city)?\s+of\s+(?:the\s+)?"
                                r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?['’]s?\s+)?$")
_TOPIC_LABEL = re.compile(r"\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?(?:[-–/][A-Z][\w.]*(?: [A-Z][\w.]*)?)+:(?=\s)")
_BRACKETED_AFTER_NAME = re.compile(r"[A-Z][\w.’'-]*[ \t]*\([ \t]*$")
_LOCATED_BEFORE = re.compile(r"\b(?:[Ll]ocated|[Ss]ituated|[Ll]ying)\s+(?:just\s+|about\s+|some\s+)?(?:(?:north|south|east|west)"
                             r"(?:-?(?:east|west))?\s+of|near|outside|close\s+to)\s+(?:the\s+)?$")
_NAME_FROM = re.compile(r"\b[A-Z][\w.’'-]*(?P<gap>\s+from\s+(?:the\s+)?)$")  # a capitalised word, then "from"
_COUNTRY_OF_STATES = re.compile(r"^\s+(?:states?|provinces?|prefectures?|regions?|counties|county|cities|city)\s+of\b")
# a country qualifying a noun, as an adjective would ("U.S. states, cities and towns", "Taichung's 18th US sister
# city", "US firms"): no party
_COUNTRY_AS_ADJECTIVE = re.compile(r"^\s+(?:(?:sister|twin|partner|friendship|port)[ -](?:cities|city|towns|town|"
                                   r"states|provinces)|states|cities|city|towns|town|provinces|counties|municipalities|"
                                   r"companies|firms|businesses|counterparts)\b(?!\s+of\b)")
_STATE_OF = re.compile(r"(?:[A-Z][\w.'’-]*,?\s+in\s+the\s+(?:[A-Z][\w.]*\s+){1,2}|\bcapital\s+of\s+(?:the\s+)?)"
                       r"(?:state|province|county|region|prefecture|department)\s+of\s+$")
_PLACE_RANK = {"district": 0, "city": 1, "region": 2, "country": 3, "continent": 4}


def _holds(prev: dict, m: dict, gap: str) -> bool:
    """Whether place `m`, after a comma, "from", "of" or a bracket (`gap`) right behind place `prev`, is a bigger
    place that holds it ("Haiyan county, Zhejiang Province", "Trier, Rhineland-Palatinate", "Manchester, UK",
    "Ulan-Ude from Russia", "Kochi Prefecture of Japan", "Rosario (Argentina)"), not the next item of a list nor
    where a traveller comes from ("arrived in Beijing from Tokyo")."""
    small, big = _PLACE_RANK.get(prev.get("type"), -1), _PLACE_RANK.get(m.get("type"), -1)
    if re.fullmatch(r"\s*\(\s*", gap) and big in (2, 3) and big > small:
        return True  # "Rosario (Argentina)", "Puerto Morelos (Mexico)": the bracket locates the place before it
    if not re.fullmatch(r"\s*,\s*(?:[Tt]he\s+)?|\s+(?:from|of)\s+(?:the\s+)?", gap):
        return False
    if small < 0 and big in (2, 3) and "," in gap:
        return True  # "Mayor of Sitia, Greece, Georgios Zervakis", "Monte Sereno, California": a town no gazetteer
        # knows, then its country or region
    if small == 3 and "," in gap and continent_of(str(prev["canonical"])) == m["canonical"]:
        return True  # "Ghana, Africa": the continent holds the country
    country = prev.get("country")
    if small in (0, 1) and big == 3 and "," in gap and isinstance(country, str) and country != m["canonical"] \
            and lies_in(str(m["canonical"]), country):
        return True  # "Augusta, Georgia": a state of the town's country that shares its name with a country
    if small < 0 or big <= small or big == 4:
        return False
    return not isinstance(country, str) or country in (m.get("country"), m["canonical"]) \
        or (big == 3 and "," in gap and lies_in(str(prev["canonical"]), str(m["canonical"])))  # unknown: NaN;
    # "St. Petersburg, Russia", though the gazetteer's first St. Petersburg is Florida's


def _sector(sentence: str) -> str | None:
    found = sectors_in(sentence)
    return found[0] if found else None


def _date(sentence: str, anchor: str | None, language: str | None = None) -> str | None:
    found = extract_timexes(sentence, anchor=anchor if isinstance(anchor, str) and anchor else None,
                            language=language if isinstance(language, str) else None)
    dates = found[found["type"] == "DATE"] if len(found) else found
    if not len(dates):
        return None
    calendar = dates[dates["value"].astype(str).str.match(r"^(?:\d{4}|XXXX)")]
    return str((calendar if len(calendar) else dates).iloc[0]["value"])


_NOT_CUES = phrases_pattern(syntax.WORDS["not_cues"])


def _relation_cues(sentence: str, cues) -> tuple[tuple[str, str] | None, list[tuple[int, int]]]:
    """(type, cue word) of the first non-setting type whose cue occurs in `sentence`, and the spans of all
    its non-setting cues; phrases that only look like cues ("stock exchanges", data/relations.yaml
    not_cues) are skipped."""
    sentence = _NOT_CUES.sub(lambda m: " " * len(m.group()), sentence)
    first, spans = None, []
    patterns = _cue_patterns(None if cues in (None, "") else str(cues))
    setting = [m.span() for kind, pattern in patterns if kind in syntax.SETTING_TYPES for m in pattern.finditer(sentence)]
    for kind, pattern in patterns:
        if kind in syntax.SETTING_TYPES:
            continue
        for m in pattern.finditer(sentence):
            if any(s <= m.start() and m.end() <= e and (s, e) != m.span() for s, e in setting):
                continue  # "jointly" inside "jointly hosted"
            first = first or (kind, m.group())
            spans.append(m.span())
    return first, spans


def _mentions_by_doc(entities: pd.DataFrame) -> dict[str, list[dict]]:
    """doc_id -> its entity rows as dicts, by start (one pass over the table, not one frame per document)."""
    out: dict[str, list[dict]] = {}
    if not len(entities):
        return out
    for row in entities.sort_values(["doc_id", "start"], kind="stable").to_dict("records"):
        out.setdefault(row["doc_id"], []).append(row)
    return out


@lru_cache(maxsize=8)
def _any_relation_cue(path: str | None) -> re.Pattern:
    """One pattern matching any cue of a non-setting type (the cheap test before a sentence is looked at):
    the cue alternatives of every type behind a single word-boundary test."""
    bodies = []
    for kind, cues in _load_cues(path):
        if kind in syntax.SETTING_TYPES:
            continue
        for cue in cues:
            body = re.escape(cue.rstrip("*")).replace(r"\ ", r"[\s-]+")
            bodies.append(body if _CJK.search(cue) else body + (r"\w*" if cue.endswith("*") else "") + r"(?!\w)")
    bodies.sort(key=lambda b: (-len(b), b))
    return re.compile(r"(?<!\w)(?:" + "|".join(bodies) + ")", re.I)


_NAME_PARTICLES = frozenset("von van de da del der den di du la le bin al dos das ter".split())  # "Richard von Weizsaecker"
_POSSESSIVE = re.compile(r"^['’]s(?=[ \t])")
_PERSON_BEFORE = re.compile(  # "Digby Jones, director general of the UK's Confederation of British Industry"
    r"(?<![\w.])(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}),[ \t]+(?:the[ \t]+|a[ \t]+)?"
    r"(?P<title>(?!and\b)(?:[\w-]+[ \t]+){0,3}[A-Za-z]+)[ \t]+(?:of|at|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.]*['’]s[ \t]+)?$")
# what opens no person's name after "<title> of <place>" ("Mayor of Tokyo Ward ..."); "ward" is no kind of place
# to the parser's rules (data/relations.yaml place_kind_nouns), where it would make Tokyo's wards its partners
_PLACE_KIND_WORDS = frozenset(syntax.WORDS["place_kind_nouns"].split()) | {"ward", "wards"}
# "... Vice Mayor of " before a place: the words of a title, then "of" (the title's words are checked by the caller)
_TITLE_OF_PLACE_BEFORE = re.compile(
    r"(?<![\w.])(?P<title>(?:[A-Za-z-]+[ \t]+){0,2}[A-Za-z]+)[ \t]+of[ \t]+(?:the[ \t]+)?$")
_PERSON_BEFORE_SECOND = re.compile(  # "Jim Brainard, head of the Heartland Mayors Delegation, and mayor of Carmel"
    r"(?<![\w.])(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}),[ \t]+(?:the[ \t]+|a[ \t]+)?(?:[\w-]+[ \t]+){0,3}?"
    r"[A-Za-z]+[ \t]+(?:of|at|for)[ \t]+[^,;]{1,80},[ \t]+and[ \t]+(?:the[ \t]+|a[ \t]+)?"
    r"(?P<title>(?:[\w-]+[ \t]+){0,3}[A-Za-z]+)[ \t]+(?:of|at|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.]*['’]s[ \t]+)?$")
_ORG_TITLES = frozenset(load_data_yaml("relations.yaml")[0]["organisation_titles"].split())
# "Mayor Adanech Abiebie of ", "President Xi Jinping of ": a title, the person's name, then "of" the place
_TITLE_NAME_OF_BEFORE = re.compile(r"(?<![\w.])(?P<run>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,5}),?[ \t]+of[ \t]+"
                                   r"(?:the[ \t]+)?$")
_BRACKETED_COUNTRY = re.compile(r"^[ \t]*\([A-Z][a-z][^()\n]{0,28}\)(?=[ \t]+[A-Z])")  # "(Germany)", not "(GDEcD)"
_HONOURED = re.compile(r"^,?[ \t]+(?:(?:His|Her)[ \t]+Excellency|H\.[ \t]?E\.)(?=[ \t]+[A-Z])")
_PORTFOLIO_GOES_ON = re.compile(r"\s+(?:and|&)\s")
_PORTFOLIO_WORDS = frozenset(("of", "for"))  # "Under-Secretary of State for Economic Affairs Allen Wallis"
_NAME_APPOSED_AFTER = re.compile(r"^,[ \t]+((?:[A-Z][\w'’.-]*[ \t]+){1,3}[A-Z][\w'’.-]*),")
_PERSON_AFTER = re.compile(r"^((?:\s+(?:[A-Z][\w'’.-]*|" + "|".join(sorted(_ORG_TITLES | REPRESENTATIVE_WORDS | _NAME_PARTICLES
                                                                     | _PORTFOLIO_WORDS | TITLE_GRADE_WORDS))
                           + r")(?![\w-])){1,10})")


def _people(sentences: pd.DataFrame, by_doc: dict[str, list[dict]],
            homes: dict[str, dict] | None = None) -> dict[str, dict[str, dict]]:
    """doc_id -> surname -> the place or organisation mention a person stands for, for persons introduced
    with it and a title: "Pakistani President Pervez Musharraf", "U.S. Agriculture Secretary Richard Lyng",
    "Bundesbank President Karl Otto Poehl", "Gazprom chairman Aleksey Miller" (the words after the mention, up
    to the last title word, then one to three names, the last being the surname), and officials the wire names
    without a country (`_national_officials`; `homes`: _home_countries, computed when not given)."""
    out: dict[str, dict[str, dict]] = {}
    starts = {d: [r["start"] for r in rows] for d, rows in by_doc.items()}
    for sent in sentences.itertuples(index=False):
        rows = by_doc.get(sent.doc_id)
        if not rows:
            continue
        i = bisect_left(starts[sent.doc_id], sent.start)
        while i < len(rows) and rows[i]["start"] < sent.end:
            r = rows[i]
            i += 1
            if r["end"] > sent.end or _town_follows_country(r, rows[i] if i < len(rows) else None, sent):
                continue
            title_words = REPRESENTATIVE_WORDS if r["label"] == "PLACE" else REPRESENTATIVE_WORDS | _ORG_TITLES
            tail = sent.text[_past_country_locator(r, rows[i] if i < len(rows) else None, sent.text, sent.start)
                             - sent.start:]
            owned = _POSSESSIVE.match(tail)  # "ONGC's chairman Subir Raha"
            after = _HONOURED.sub(" ", _BRACKETED_COUNTRY.sub("", tail[owned.end():] if owned else tail, count=1), count=1)
            # ... "mayor of Berlin (Germany) Klaus Wowereit", "Governor of Guangdong, His Excellency Zhu Xiaodan":
            # the country in brackets, the honorific left out
            m = _PERSON_AFTER.match(after)
            words = m.group(1).split() if m else []
            titles = [k for k, w in enumerate(words) if w.lower().strip(".") in title_words
                      or w.lower().rsplit("-", 1)[-1] in title_words]  # "Under-Secretary"
            names = words[titles[-1] + 1:] if titles else []
            if any(w in _PORTFOLIO_WORDS for w in names):  # "... of State for Economic Affairs Allen Wallis":
                names = names[max(k for k, w in enumerate(names) if w in _PORTFOLIO_WORDS) + 1:]  # the portfolio's
                if len(names) < 2 or _PORTFOLIO_GOES_ON.match(after, m.end()):  # last word, then the name
                    names = []
            if not (1 <= len(names) <= 4 and names[-1][:1].isupper() and all(
                    (w[:1].isupper() or w in _NAME_PARTICLES) and w.lower() not in title_words for w in names)):
                ahead = sent.text[max(0, r["start"] - sent.start - 160):r["start"] - sent.start]
                before = _PERSON_BEFORE.search(ahead[-120:]) or _PERSON_BEFORE_SECOND.search(ahead)
                names = [] if owned else _name_after_title(_TITLE_NAME_OF_BEFORE.search(ahead[-80:]), title_words)
                names = names or (before.group("name").split() if before and any(
                    w in title_words for w in before.group("title").lower().split()) else [])
                title_of = _TITLE_OF_PLACE_BEFORE.search(ahead[-60:])
                if not names and title_of and not owned \
                        and any(w in title_words for w in title_of.group("title").lower().split()):
                    # "Vice Mayor of Tianjin Zhu Peng", "Mayor of Ulaanbaatar D.Sumiyabazar": the name right after
                    # the place (not "Mayor of Russia's Irkutsk City Dmitry Berdnikov", nor "of Tokyo Ward")
                    names = list(takewhile(lambda w: w[:1].isupper() and w.lower().strip(".") not in title_words,
                                           words))[:3]
                    names = [] if names and names[0].lower() in _PLACE_KIND_WORDS else names
                    apposed = _NAME_APPOSED_AFTER.match(after) if not names else None
                    names = apposed.group(1).split() if apposed else names  # "The governor of Aguascalientes,
                    # Mexico, María Teresa Jiménez Esquivel, recently concluded ...": the name between commas
            kept = list(takewhile(lambda w: w.lower() not in NOT_NAME_WORDS, names))
            names = kept if len(kept) >= 2 else [] if len(kept) < len(names) else names  # "Treasury Secretary
            # James Baker Monday in Frankfurt": the name ends before the day; "On Monday, Mayor of Ulaanbaatar
            # S.Batbold": no person "On Monday"
            surname = NAME_END.sub("", names[-1]) if names else ""  # "Baker's" -> Baker; "Jones" stays
            if len(surname) > 2 and surname[:1].isupper() and not surname.isupper():
                out.setdefault(sent.doc_id, {}).setdefault(surname, r)
            if 2 <= len(names) <= 3 and names[0] in FAMILY_NAMES_FIRST:  # "Li Wei, Governor of Hubei" ... "Li said"
                out.setdefault(sent.doc_id, {}).setdefault(names[0], r)
            if len(names) == 4 and names[2][:1].isupper() and len(names[2]) > 2:  # "María Teresa Jiménez Esquivel"
                out.setdefault(sent.doc_id, {}).setdefault(names[2], r)  # ... "Governor Jiménez": two surnames
    homes = _home_countries(sentences, by_doc) if homes is None else homes
    for doc_id, found in [*_national_officials(sentences, homes).items(), *_local_officials(sentences, by_doc).items()]:
        for surname, r in found.items():
            out.setdefault(doc_id, {}).setdefault(surname, r)
    return out


def _town_follows_country(place: dict, nxt: dict | None, sent) -> bool:
    """Whether a country (or its nationality) comes right before a town or region of the sentence ("French
    Montpellier Mayor Michaël Delafosse"): the title that follows is the town's, not the country's."""
    return nxt is not None and place["label"] == "PLACE" and place.get("type") == "country" \
        and nxt["label"] == "PLACE" and nxt.get("type") in ("city", "region", "district") and nxt["end"] <= sent.end \
        and not sent.text[place["end"] - sent.start:nxt["start"] - sent.start].strip()


def _name_after_title(found: re.Match | None, title_words: frozenset) -> list[str]:
    """The one to three words of a person's name after the last title word of a run ("Mayor Adanech Abiebie"),
    or none when the run holds no title word."""
    words = found.group("run").split() if found else []
    titles = [k for k, w in enumerate(words) if w.lower().strip(".") in title_words]
    names = words[titles[-1] + 1:] if titles else []
    return names if 1 <= len(names) <= 3 else []


def _past_country_locator(place: dict, nxt: dict | None, text: str, offset: int) -> int:
    """Where the words after a place begin, past its country written between commas ("The governor of
    Aguascalientes, Mexico, María Teresa Jiménez Esquivel": the governor's place is Aguascalientes, Mexico only
    locates it); `offset` is where `text` begins in the document."""
    if nxt is None or place["label"] != "PLACE" or place.get("type") == "country" or nxt["label"] != "PLACE" \
            or nxt.get("type") != "country" or text[place["end"] - offset:nxt["start"] - offset].strip() != "," \
            or text[nxt["end"] - offset:nxt["end"] - offset + 1] != ",":
        return place["end"]
    return nxt["end"]


# a governor or a mayor by title and name alone ("Gov. John Bel Edwards on Friday left on a trip to ...")
_LOCAL_TITLED = re.compile(r"(?<![\w'’.-])(?P<title>Gov\.|Governor|Mayor)[ \t]+"
                           r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){0,2})")
_LOCAL_TITLE_WORD = r"(?:Gov\.|Governor|Mayor)[ \t]+[A-Z]"
_MORE_NAME_OF = re.compile(r"(?:[ \t]+[A-Z][\w'’.-]+)*,?[ \t]+of\b")  # "Mayor Goshu Endalamahu of Bahir Dar"
_OF_PLACE_THEN_NAME = r"\bof[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?,[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,2}"
_SERVES = {"Gov.": ("region",), "Governor": ("region",), "Mayor": ("city", "district", None)}


def _local_officials(sentences: pd.DataFrame, by_doc: dict[str, list[dict]]) -> dict[str, dict[str, dict]]:
    """doc_id -> surname -> the place a governor or a mayor introduced by title and name alone serves ("Gov. John
    Bel Edwards on Friday left on a trip to South Korea and Japan, where he will pitch ... Louisiana's
    manufacturing sector"): the region (for a governor) or the town (for a mayor) the document names most, named
    at least twice and more often than any other of its kind. Not "Louisiana Gov. ...", "Shizuoka's Governor
    ...", "Mayor ... of Hefei", nor a person the document introduces elsewhere with a place ("the Mayor of
    Shezai, Xuzhixin")."""
    out: dict[str, dict[str, dict]] = {}
    titled = sentences["text"].str.contains(_LOCAL_TITLE_WORD, regex=True) if len(sentences) else []
    docs = set(sentences.loc[titled, "doc_id"]) if len(sentences) else set()  # the few stories with such a title
    for doc_id, doc in sentences[sentences["doc_id"].isin(docs)].groupby("doc_id", sort=False):
        mentions = by_doc.get(doc_id)
        if not mentions:
            continue
        whole = "\n".join(doc.text)
        served: dict[tuple, dict | None] = {}
        for text in doc.text:
            for m, surname in _untold_titled(text, _LOCAL_TITLED):
                if _MORE_NAME_OF.match(text, m.end()) \
                        or re.search(rf"{_OF_PLACE_THEN_NAME}{re.escape(surname)}\b", whole):
                    continue  # "Mayor ... of Hefei"; "Mayor of Shezai, Xuzhixin" ... "Mayor Xuzhixin said"
                kinds = _SERVES[m.group("title")]
                if kinds not in served:
                    served[kinds] = _most_named_of_kind(mentions, kinds)
                if served[kinds] is not None:
                    out.setdefault(doc_id, {}).setdefault(surname, served[kinds])
    return out


def _most_named_of_kind(mentions: list[dict], kinds: tuple) -> dict | None:
    """The first mention of the place of one of the types `kinds` (None: a place of no known type) the document
    names most, if it is named at least twice and more often than any other place of those types; else None."""
    counts = Counter(m["canonical"] for m in mentions if m["label"] == "PLACE"
                     and (m.get("type") if isinstance(m.get("type"), str) else None) in kinds)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(m for m in mentions if m["canonical"] == ranked[0][0])


_NATIONAL_TITLED = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(sorted((re.escape(t.strip()).replace(r"\ ", r"[ \t]+") for t in
                                          load_data_yaml("relations.yaml")[0]["national_titles"].title().split("|")),
                                         key=len, reverse=True))
    + r")[ \t]+(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)[ \t]*$")


def _national_officials(sentences: pd.DataFrame, homes: dict[str, dict]) -> dict[str, dict[str, dict]]:
    """doc_id -> surname -> the dateline's country (its mention in the document), for persons introduced with a
    national title and nothing before it naming whom they serve ("BRASILIA, March 6 - Finance Minister Dilson
    Funaro ...", "..., Prime Minister Branko Mikulic said" in a Belgrade story naming Yugoslavia): the wire names
    its own country's officials without their country. Not "Swiss President ...", "ONGC's President ...",
    "Bundesbank President ...", nor when the dateline's country is not named in the document."""
    out: dict[str, dict[str, dict]] = {}
    for doc_id, doc in sentences[sentences.doc_id.isin(homes)].groupby("doc_id", sort=False):
        for text in doc.text:
            for _, surname in _untold_titled(text, _NATIONAL_TITLED):
                out.setdefault(doc_id, {}).setdefault(surname, homes[doc_id])
    return out


def _untold_titled(text: str, titled: re.Pattern):
    """(match, surname) of each person the pattern `titled` finds in `text` by a title and a name (its group
    "name"), when the word before the title does not tell whom they serve ("Swiss President", "ONGC's President",
    "Bundesbank President", "Louisiana Gov." do) and the surname looks like one."""
    for m in titled.finditer(text):
        before = _WORD_BEFORE.search(text, 0, m.start())
        if before and (before.group(1)[:1].isupper() or before.group(1).endswith(("'s", "’s"))):
            continue
        surname = NAME_END.sub("", m.group("name").split()[-1])
        if len(surname) > 2 and surname[:1].isupper() and not surname.isupper():
            yield m, surname


_ANY_PERSON = re.compile(  # "Mr Straw", "Foreign Secretary Jack Straw", "US President George Bush"
    rf"\b(?:(?:{'|'.join(PERSONAL_TITLES)})\.?|(?:[A-Z][a-z]+[ \t]+){{0,2}}(?:"
    + "|".join(sorted({w.title() for w in _ORG_TITLES | REPRESENTATIVE_WORDS if w.isalpha()}, key=len, reverse=True))
    + r"))[ \t]+(?:[A-Z][\w'’-]+[ \t]+){0,2}(?P<surname>[A-Z][\w'’-]+)")


def _people_named(sentences: pd.DataFrame, people: dict[str, dict[str, dict]], docs: set,
                  by_doc: dict[str, list[dict]]) -> dict[str, list]:
    """doc_id -> (offset, party, sentence start) of each naming of a person in text order, for the documents
    `docs`: the party
    `people` (`_people`) gives for their surname, or None for a person it does not know ("Foreign Secretary
    Jack Straw", "Mr Straw"); and the party of an unnamed one ("a senior Petroleos de Venezuela (PDVSA) official
    said", from each document's mentions `by_doc`, by start)."""
    out: dict[str, list] = {}
    for doc_id, doc in sentences[sentences.doc_id.isin(docs)].groupby("doc_id", sort=False):
        names = people.get(doc_id, {})
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b") \
            if names else None
        mentions = by_doc.get(doc_id, [])
        starts = [r["start"] for r in mentions]
        for start, text in zip(doc.start, doc.text):
            found = {start + m.start(): names[m.group()] for m in pattern.finditer(text)} if pattern else {}
            for m in _ANY_PERSON.finditer(text):
                found.setdefault(start + m.start("surname"), names.get(NAME_END.sub("", m.group("surname"))))
            for r in mentions[bisect_left(starts, start):bisect_left(starts, start + len(text))]:
                if r["end"] <= start + len(text) and _UNNAMED_OFFICIAL.match(text, r["end"] - start):
                    found.setdefault(r["start"], r)
            if found:
                out.setdefault(doc_id, []).extend((offset, party, start) for offset, party
                                                  in sorted(found.items(), key=lambda x: x[0]))
    return out


# an unnamed person after the body or place they speak for ("a senior Petroleos de Venezuela (PDVSA) official said")
_UNNAMED_OFFICIAL = re.compile(r"(?:[ \t]*\([^()\n]{1,20}\))?[ \t]+(?:official|spokesman|spokeswoman|spokesperson)"
                               r"(?![\w-])(?![ \t]+[A-Z])")


_HE_SHE = re.compile(r"\b(?:" + "|".join(syntax.WORDS["person_pronouns"].split()) + r")\b", re.IGNORECASE)


def _last_named(sent, uses: list) -> dict | None:
    """The party of the person the sentence's first 'he' or 'she' stands for ("Saouma, in Brazil for talks, said
    ... He also said he signed three accords"): the person named last before it in its own sentence, else the
    first person named in the last sentence that names one, its subject more often than not ("Mohd Shafie paid a
    courtesy call on the Governor of Jiangxi, Yi Lianhong ... He had also visited"); None when the sentence has
    no such pronoun or no person of `_people` was named before it. `uses`: _people_named."""
    pronoun = _HE_SHE.search(sent.text) or syntax.quoted_we(sent.text)  # '"We have a Sister City relationship
    if pronoun is None:  # with ...": a quote going on from the sentence before speaks for its speaker
        return None
    before = [(party, start) for offset, party, start in uses if offset < sent.start + pronoun.start()]
    if not before or before[-1][1] == sent.start:
        return before[-1][0] if before else None
    return next(party for party, start in before if start == before[-1][1])


def _home_countries(sentences: pd.DataFrame, by_doc: dict[str, list[dict]]) -> dict[str, dict]:
    """doc_id -> the mention of the country its wire dateline's place lies in ("BRASILIA, March 6 - ..." ->
    Brazil; "BELGRADE" -> Yugoslavia in a story naming it: `named_state`), for documents with a dateline whose
    country they name."""
    out = {}
    for doc_id, texts in sentences.groupby("doc_id", sort=False).head(3).groupby("doc_id", sort=False).text:
        country = _dateline_country(texts)
        rows = by_doc.get(doc_id, ())
        state = named_state(country, {r["canonical"] for r in rows if r["label"] == "PLACE"}) if country else None
        mention = next((r for r in rows if r["canonical"] == state and r["label"] == "PLACE"), None) if state else None
        if mention is not None:
            out[doc_id] = mention
    return out


_FORMER_STATES_OF = {present: [former for former, presents in syntax.WORDS["former_states"].items()
                                if present in presents]
                      for presents in syntax.WORDS["former_states"].values() for present in presents}


def named_state(country: str, named: set[str]) -> str | None:
    """`country` when the document names it (`named`: canonical names), else the former state it lay in that the
    document names (data/relations.yaml former_states: "Serbia" in a story of "Yugoslavia"), else None."""
    if country in named:
        return country
    return next((f for f in _FORMER_STATES_OF.get(country, ()) if f in named), None)


def _dateline_places(sentences: pd.DataFrame) -> dict[str, dict]:
    """doc_id -> the place its wire dateline names ("PARIS, March 11 - ..." -> Paris), as a mention: what "here"
    stands for in the story."""
    out = {}
    for doc_id, texts in sentences.groupby("doc_id", sort=False).head(3).groupby("doc_id", sort=False).text:
        place = _dateline_place(texts)
        if place:
            out[doc_id] = {"label": "PLACE", "text": "here", "canonical": place[0], "type": place[1],
                           "country": place[2]}
    return out


def _dateline_country(texts) -> str | None:
    """The country of the place a wire dateline names ("BRASILIA, March 6 - ..." -> Brazil) in a document's first
    sentences (headline, lead: `texts`), or None."""
    place = _dateline_place(texts)
    return place[2] if place else None


def _dateline_place(texts) -> tuple[str, str, str | None] | None:
    """The gazetteer entry of the place the first wire dateline of `texts` names, or None."""
    text = next((t for t in texts if match_dateline(t)), None)
    if text:
        return lookup_place(text.split(",", 1)[0].strip().title())
    dash = next((m for m in map(_DASH_DATELINE.match, texts) if m), None)  # "DAVAO CITY (MindaNews/29 May) –"
    return lookup_place(re.split(r"[,(]|\s[-–—]", dash.group(), maxsplit=1)[0].strip().title()) if dash else None


def _candidates(sentences: pd.DataFrame, by_doc: dict[str, list[dict]], people: dict[str, dict[str, dict]], cues,
                progress: bool, heres: dict[str, dict] | None = None) -> list[tuple]:
    """(sentence row, dateline length, text after the dateline, its party mentions with offsets into that
    text, cue, cue spans) for sentences that hold a cooperation cue of a non-setting type and two parties (or
    one and a word that may stand for the main party; a person of `people` counts as the place they stand
    for): the only sentences parsed."""
    out = []
    starts = {d: [r["start"] for r in rows] for d, rows in by_doc.items()}
    any_cue = _any_relation_cue(None if cues in (None, "") else str(cues))
    told: tuple | None = None  # (doc_id, sent_id, cue) of the last sentence kept
    for sent in tqdm(sentences.itertuples(index=False), total=len(sentences), desc="pairs", unit="sentence",
                     disable=not progress):
        rows = by_doc.get(sent.doc_id)
        if not rows or _HEADLINE.match(sent.text):
            continue  # a headline in capitals: its parse is unreliable (_headline_pairs reads it)
        if not any_cue.search(sent.text):
            example = told is not None and told[:2] == (sent.doc_id, sent.sent_id - 1) \
                and _EXAMPLES_OPEN.match(sent.text)  # "... have a partnership with a city in China. For
            if not example:  # example, Amsterdam with Beijing, The Hague with Qingdao": the pairs the sentence
                continue  # before tells of; else no cue at all (the cheap test first)
            shifted = _mentions_inside(sent, rows, starts[sent.doc_id])
            if len(shifted) >= 4:
                out.append((sent, 0, sent.text, _parties(shifted, sent.text), told[2], []))
            continue
        cut = _dateline_end(sent.text)
        shifted = _mentions_inside(sent, rows, starts[sent.doc_id], cut)
        body = sent.text[cut:]
        shifted = [r for r in shifted if not named_as_source(body, r["start"], r["end"])]  # "told AFP"
        named = {r["canonical"] for r in shifted}
        named |= {m["canonical"] for name, m in people.get(sent.doc_id, {}).items()
                  if name in body and re.search(rf"\b{re.escape(name)}\b", body)}
        if heres and sent.doc_id in heres and _HERE.search(body):
            named = named | {heres[sent.doc_id]["canonical"]}  # "a brief visit here": the dateline's place
        if not named or (len(named) < 2 and not syntax.may_stand_for_main(body) and not _HE_SHE.search(body)):
            continue
        cue, cue_spans = _relation_cues(_masked(body, shifted), cues)
        if cue is None:
            continue
        out.append((sent, cut, body, _parties(shifted, body), cue, cue_spans))
        told = (sent.doc_id, sent.sent_id, cue)
    return out


_HERE = re.compile(r"\bhere\b")
_EXAMPLES_OPEN = re.compile(r"\s*(?:For\s+(?:example|instance)|Examples\s+include|Among\s+them)\b")


def _mentions_inside(sent, rows: list[dict], starts: list[int], cut: int = 0) -> list[dict]:
    """The mentions of `rows` (one document's, by start; `starts` their starts) lying in the sentence after its
    first `cut` characters (a dateline), with offsets into that text."""
    out = []
    i = bisect_left(starts, sent.start)
    while i < len(rows) and rows[i]["start"] < sent.end:
        r = rows[i]
        if r["end"] <= sent.end and r["start"] - sent.start >= cut:
            out.append({**r, "start": r["start"] - sent.start - cut, "end": r["end"] - sent.start - cut})
        i += 1
    return out


_HEADLINE_OWNER = re.compile(r"['’]S\s")
_HEADLINE_AND = re.compile(r"\s*(?:,|,?\s+AND|&)\s+$")
_HEADLINE_DESTINATION = re.compile(r"\b(?:TO|IN|VISITS?|TOURS?)\s+(?:THE\s+)?$")  # "heads to", "visits"


def _headline_pairs(sentences: pd.DataFrame, by_doc: dict[str, list[dict]], cues) -> list[dict]:
    """PAIR_COLUMNS rows of headlines in capitals ("ROTHMANS CLOSE TO JOINT VENTURE IN CHINA"), which are not
    parsed (a parse of capitals is unreliable): a headline naming exactly two parties, neither holding the
    other nor owning it ("ITALY'S SME"), with a cooperation cue and no word of conflict states their relation."""
    rows = []
    starts = {d: [r["start"] for r in ms] for d, ms in by_doc.items()}
    any_cue = _any_relation_cue(None if cues in (None, "") else str(cues))
    for sent in sentences.itertuples(index=False):
        ms = by_doc.get(sent.doc_id)
        if not ms or not _HEADLINE.match(sent.text) or not any_cue.search(sent.text):
            continue
        inside = _mentions_inside(sent, ms, starts[sent.doc_id])
        parties = {m["canonical"]: m for m in _parties(inside, sent.text)
                   if m["label"] == "ORG" or m.get("type")}
        if len(parties) != 2 or syntax.states_conflict(sent.text):
            continue
        a, b = sorted(parties.values(), key=lambda m: m["start"])
        if syntax.contains(a, b) or syntax.contains(b, a) or syntax.named_after(a, b) or syntax.named_after(b, a) \
                or _HEADLINE_OWNER.match(sent.text, a["end"]):
            continue  # "ITALY'S SME IN VENTURE TALKS": the place only owns or locates the company
        if _HEADLINE_AND.match(sent.text[a["end"]:b["start"]]) and _HEADLINE_DESTINATION.search(sent.text[:a["start"]]):
            continue  # "DELEGATION HEADS TO SOUTH KOREA AND JAPAN": two places visited, not each other's partners
        cue, _ = _relation_cues(_masked(sent.text, inside), cues)
        if cue is not None:
            rows.append(_pair_row(sent, a, b, cue, _sector(sent.text), None))
    return rows


_TIES_WITH_COUNTED = re.compile(r"\s+(?:has|have|maintains|boasts)\s+(?:[a-z]+\s+)?(?:sister|twin|friendship)[ -]"
                                r"(?:city|cities|town|towns)\s+(?:ties|relations|relationships|links|agreements)\s+with\s+"
                                r"(?:over\s+|more\s+than\s+|some\s+)?\d+\s+(?:other\s+|more\s+)?(?:cities|towns)\b")
# what a list's line holds besides its places: a number or a bullet, separators, "in" before a place's locator, the
# place's kind ("City of Beihai")
_LIST_ITEM_REST = re.compile(r"\s*(?:\d{1,3}[.)]|[•·▪◦‣*–-])?(?:[\s,;.]|\bthe\b|\bin\b|"
                             r"\b(?:City|Town|Municipality|Province|Prefecture|County|District)\s+of\b)*"
                             r"(?:\(\s*(?:(?:[Ee]stablished|[Ss]igned|[Ss]ince)\s+(?:in\s+)?)?(?:1[89]|20)\d\d\s*\)\s*)?")
# a line that heads a list of ties, written below it: "The sister cities of Tbilisi are:"
_TIES_OF_HEADING = re.compile(r"\b(?:sister|twin|partner|friendship)[ -]"
                              r"(?:cities|towns|provinces|regions|municipalities)\s+of\s+$", re.I)
_HEADING_END = re.compile(r"\s+(?:are|include)\s*:\s*$|\s*:\s*$")
_IN_WORD = re.compile(r"\bin\b")  # "City of Brighton in Tasmania, South Australia": what follows locates the town
_PROSE_WORDS = 15  # a line of more words is prose again: the list has ended
# a sentence naming the ties counted in the one before: "They are ...", "Besides Khabarovsk, they are ..."
_THEY_ARE = re.compile(r"\s*(?:(?:Besides|Apart\s+from|Other\s+than|In\s+addition\s+to|Along\s+with)\s+[^,.;]{1,40},\s+)?"
                       r"(?:they|these|the\s+others)\s+(?:are|include)\b", re.I)


def _listed_tie_lines(sentences: pd.DataFrame, by_doc: dict[str, list[dict]]) -> list[dict]:
    """PAIR_COLUMNS rows of a list of ties written one line a partner: after "Guangzhou has forged sister-city
    ties with 38 cities" (or "has 38 sister cities"), each following short line that holds only a numbered place
    and its country ("1. Fukuoka, Japan") pairs that place with the holder, until prose resumes; so does each town
    of a sentence right after that says what they are ("Besides Khabarovsk, they are Napier, New Zealand; ...")."""
    rows = []
    hinted = sentences["text"].str.contains(r"(?:sister|twin|partner|friendship)[ -]", case=False, regex=True)
    listing = sentences[sentences["doc_id"].isin(set(sentences.loc[hinted, "doc_id"]))]
    for doc_id, doc in listing.groupby("doc_id", sort=False):
        ms = by_doc.get(doc_id)
        if not ms:
            continue
        starts = [m["start"] for m in ms]
        holder = None
        for sent in doc.itertuples(index=False):
            inside = _mentions_inside(sent, ms, starts)
            found = next((m for m in inside if m["label"] == "PLACE" and (
                _HAS_TIES.match(sent.text, m["end"]) or _TIES_WITH_COUNTED.match(sent.text, m["end"])
                or (_TIES_OF_HEADING.search(sent.text[:m["start"]]) and _HEADING_END.fullmatch(sent.text, m["end"]))
            )), None)
            if found is not None:
                holder = found
                continue
            if holder is None:
                continue
            if _THEY_ARE.match(sent.text):  # "Victoria has four twin cities. Besides Khabarovsk, they are Napier, ..."
                rows += [_pair_row(sent, holder, m, ("twinning", "twin cities"), None, None) for m in inside
                         if m["label"] == "PLACE" and m.get("type") in ("city", "region", "district")
                         and m["canonical"] != holder["canonical"]]
                holder = None
                continue
            if len(sent.text.split()) > _PROSE_WORDS:
                holder = None
                continue
            rows += [_pair_row(sent, holder, item, ("twinning", "sister cities"), None, None)
                     for item in _listed_towns(sent, inside) if item["canonical"] != holder["canonical"]]
    return rows


def _listed_towns(sent, inside: list[dict]) -> list[dict]:
    """The partners a line of a list of ties names: its first place ("1. Fukuoka, Japan", "• City of Beihai in
    China"), and each further town before any "in" ("Saarbrücken, Nantes, Ljubljana"); a country, a state after a
    town ("Dayton, Ohio") and what follows "in" only locate. None when the line holds other words."""
    if not inside or not _LIST_ITEM_REST.fullmatch(_masked(sent.text, inside)):
        return []
    first, *rest = inside
    if first["label"] != "PLACE" or first.get("type") not in ("city", "region", "district"):
        return []
    return [first] + [m for m in rest if m["label"] == "PLACE" and m.get("type") == "city"
                      and not _IN_WORD.search(sent.text, first["end"], m["start"])]


_PLACES_COUNTED = re.compile(r"\b(?:these|those)\s+(?P<n>two|three|four|five|six)\s+(?P<kind>cities|towns|municipalities|"
                             r"provinces|regions|prefectures|states)\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _pairs_with_places_counted(sentences: pd.DataFrame, by_doc: dict[str, list[dict]], cues,
                               anchors: dict) -> list[dict]:
    """PAIR_COLUMNS rows of a sentence naming one place and "these three cities" ("Bogota has been carrying out
    exchanges with these three cities"): that place with each of the last three places of that kind the text
    named before, when it named that many."""
    rows = []
    starts = {d: [r["start"] for r in ms] for d, ms in by_doc.items()}
    for sent in sentences.itertuples(index=False):
        counted = _PLACES_COUNTED.search(sent.text)
        ms = by_doc.get(sent.doc_id)
        if not counted or not ms:
            continue
        inside = _mentions_inside(sent, ms, starts[sent.doc_id])
        named = {m["canonical"]: m for m in _parties(inside, sent.text)
                 if m["label"] == "PLACE" and m.get("type") != "country"}
        cue, _ = _relation_cues(_masked(sent.text, inside), cues)
        if len(named) != 1 or cue is None or syntax.states_conflict(sent.text):
            continue
        party = next(iter(named.values()))
        cities = counted.group("kind").lower() in ("cities", "towns", "municipalities")
        earlier: dict[str, dict] = {}
        for m in reversed([m for m in ms if m["end"] <= sent.start]):
            if m["label"] == "PLACE" and m["canonical"] != party["canonical"] and \
                    ((m.get("type") == "city" or not isinstance(m.get("type"), str)) if cities else m.get("type") == "region"):
                earlier.setdefault(m["canonical"], m)
            if len(earlier) == _NUMBERS[counted.group("n").lower()]:
                break
        if len(earlier) != _NUMBERS[counted.group("n").lower()]:
            continue
        date = _date(sent.text, anchors.get(sent.doc_id))
        rows.extend(_pair_row(sent, party, m, cue, _sector(sent.text), date) for m in reversed(earlier.values()))
    return rows


def _lead_mentions(sentences: pd.DataFrame, entities: pd.DataFrame, docs: set) -> dict[str, list[list[dict]]]:
    """doc_id -> the mentions of each of its first two sentences (its headline and lead), for `docs`, without
    the wire dateline's places, the sources they quote ("the national news agency Bernama reported"), the
    places that only locate another ("China's Haiyan county") and the places visited ("Mr. Yang Visits Israel":
    the visitor's side is the story's main party, not its host)."""
    out: dict[str, list[list[dict]]] = {}
    if not docs or not len(entities) or not len(sentences):
        return out
    lead = sentences[sentences["doc_id"].isin(docs)].sort_values(["doc_id", "start"]).groupby("doc_id").head(2)
    ents = entities[entities["doc_id"].isin(docs)].sort_values("start").to_dict("records")
    rows_by_doc: dict[str, list] = {}
    for r in ents:
        rows_by_doc.setdefault(r["doc_id"], []).append(r)
    for d, s, e, text in zip(lead["doc_id"], lead["start"], lead["end"], lead["text"]):
        cut = s + _dateline_end(text)
        inside = [r for r in rows_by_doc.get(d, []) if r["start"] >= cut and r["end"] <= e
                  and not named_as_source(text, r["start"] - s, r["end"] - s)]
        kept = _parties([{**r, "start": r["start"] - s, "end": r["end"] - s, "at": k} for k, r in enumerate(inside)], text)
        kept = [m for m in kept if not _VISITED_BEFORE.search(text[max(0, m["start"] - 20):m["start"]])]
        out.setdefault(d, []).append([inside[m["at"]] for m in kept])  # without locators ("China's Haiyan county")
    return out


_VISITED_BEFORE = re.compile(r"\b(?:visits?|visited|visiting|tours?|toured|arrives?\s+in|arrived\s+in|trip\s+to|"
                             r"visit\s+to|(?:delegation|mission)s?\s+to)\s+(?:the\s+)?$", re.I)


def _dateline_governments(sentences: pd.DataFrame, heres: dict[str, dict]) -> dict[str, dict]:
    """doc_id -> the dateline's place, for stories whose lead opens with the unnamed government of a place
    ("DAVAO CITY (MindaNews) - The city government is planning ...", "LAHORE - The provincial government
    ..."): the government of the place the story is filed from is its main party."""
    out = {}
    opening = sentences[sentences["doc_id"].isin(heres)].groupby("doc_id", sort=False).head(3)
    for doc_id, texts in opening.groupby("doc_id", sort=False).text:
        for text in texts:
            cut = _dateline_end(text)
            if cut:
                if _LOCAL_GOVERNMENT_OPENING.match(text, cut):
                    out[doc_id] = heres[doc_id]
                break
    return out


_LOCAL_GOVERNMENT_OPENING = re.compile(
    rf"(?:The|the)\s+(?:{'|'.join(sorted(syntax.LOCAL_LEVELS))})\s+(?:government|administration|council|authorities)\b")


def _main_parties(lead: dict[str, list[list[dict]]]) -> dict[str, dict]:
    """doc_id -> the mention of the document's main party: the first party of its headline, else the first
    organisation (or place) of its lead sentence; places no gazetteer knows and continents ("Mayor Ko leads
    delegation to Europe") are left out."""
    out: dict[str, dict] = {}
    for d, sentences in lead.items():
        for k, inside in enumerate(sentences):
            inside = [r for r in inside if _known_party(r) and r["canonical"] not in _WORLD_REGIONS]
            orgs = [r for r in inside if r["label"] == "ORG"]
            pick = inside if k == 0 else (orgs or inside)
            if pick:
                out[d] = pick[0]
                break
    return out


def _main_local_places(lead: dict[str, list[list[dict]]]) -> dict[str, dict]:
    """doc_id -> the first place below country level a gazetteer knows in the headline, else in the lead
    sentence: what "the provincial government" stands for in a story whose main party is a country ("Local
    governments of S. Korea, Japan form sister relationship ... The governors of South Jeolla Province and ...")."""
    out: dict[str, dict] = {}
    for d, sentences in lead.items():
        for inside in sentences:
            places = [r for r in inside if r["label"] == "PLACE" and r.get("type") in ("region", "city", "district")]
            if places:
                out[d] = places[0]
                break
    return out


def _known_party(mention: dict) -> bool:
    """An organisation, or a place some gazetteer knows (its type is known): "the Middle East" of a headline
    or an unknown capitalised name is not what "he" or "it" stands for."""
    return mention["label"] == "ORG" or isinstance(mention.get("type"), str)


def _main_organisations(lead: dict[str, list[list[dict]]]) -> dict[str, dict]:
    """doc_id -> the document's main organisation: the first organisation of its headline or lead sentence
    (what "the company" stands for)."""
    out: dict[str, dict] = {}
    for d, sentences in lead.items():
        orgs = [r for inside in sentences for r in inside if r["label"] == "ORG"]
        if orgs:
            out[d] = orgs[0]
    return out


def _locates(m: dict, other: dict | None, text: str) -> bool:
    """True when country `m` only locates its city or region `other` written right against it ("法国里昂")."""
    if other is None or other["label"] != "PLACE" or m["type"] != "country" or other["type"] == "country":
        return False
    if other["country"] != m["canonical"]:
        return False
    gap = text[m["end"]:other["start"]] if m["start"] < other["start"] else text[other["end"]:m["start"]]
    return bool(_LOCATOR_GAP.match(gap))


@lru_cache(maxsize=1)
def _not_party_before() -> re.Pattern:
    """Chinese and French words right before a venue or a locator (data/parties_zh_fr.yaml)."""
    data, _ = load_data_yaml("parties_zh_fr.yaml")
    verbs = "|".join(map(re.escape, data["fr"]["venue_verbs"]))
    heads = "|".join(map(re.escape, data["fr"]["locator_heads"]))
    venue_zh = "|".join(map(re.escape, data["zh"]["venue_before"]))
    seats = "|".join(map(re.escape, data["fr"]["seat_words"]))
    missions = "|".join(map(re.escape, data["fr"]["mission_heads"]))
    return re.compile(
        rf"(?:{venue_zh})$"  # 在南京会见
        rf"|\b(?:{verbs})\b[^.;,]{{0,30}}?\bà\s+$"  # accueillie lundi à Rennes
        rf"|,\s*(?:la\s+|le\s+)?(?:{heads})\s+(?:du|de\s+la|de\s+l['’]|des|d['’])\s*$"  # , la capitale du Sichuan
        rf"|,\s*(?:dans|en|au|aux)\s+(?:le\s+|la\s+|les\s+|l['’])?"  # , dans le Sichuan; , au Mali; , aux Pays-Bas
        rf"(?:(?:{heads})\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*)?$"  # , dans l'État de Washington
        rf"|\b(?:{seats})\s+(?:à|en|au|aux)\s+$"  # basée à Qingdao
        rf"|\b(?:{missions})s?\b[^.;,]{{0,25}}?\b(?:de|du|d['’])\s*[^\s.;,]+\s+à\s+$"  # consul général de Chine à Rennes
        rf"|\w\s*\(\s*$",  # Chengdu (Sichuan)
        re.IGNORECASE)


@lru_cache(maxsize=1)
def _event_name_after() -> re.Pattern:
    data, _ = load_data_yaml("parties_zh_fr.yaml")
    nouns = "|".join(map(re.escape, data["zh_event_nouns"]))
    return re.compile(rf"^[\u3400-\u9fff—\-–·]{{0,12}}?(?:{nouns})")


def _in_event_name(after: str) -> bool:
    """True when a Chinese place opens the name of an event ("南京—里昂经贸交流会")."""
    return bool(_event_name_after().match(after[:20]))


def _not_a_party(before: str) -> bool:
    """True when the words before a place make it a venue or a locator ("在南京", "Chengdu, dans le Sichuan")."""
    return bool(_not_party_before().search(before[-60:]))


def _cooccurring_parties(mentions: list[dict], text: str) -> list[dict]:
    """Chinese and French partners of one sentence in reading order, each once: `_parties` without venues,
    locators and places opening an event's name."""
    rows = sorted(mentions, key=lambda m: (m["start"], m["end"]))
    keep = []
    for i, m in enumerate(rows):
        prev = rows[i - 1] if i else None
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if m["label"] == "PLACE":
            if _locates(m, prev, text) or _locates(m, nxt, text) or _not_a_party(text[:m["start"]]) \
                    or _in_event_name(text[m["end"]:]):
                continue
            if prev is not None and prev["label"] == "ORG" and _QUALIFIER_GAP.match(text[prev["end"]:m["start"]]):
                continue
            if nxt is not None and nxt["label"] == "ORG" and _OWNER_GAP.match(text[m["end"]:nxt["start"]]):
                continue
        keep.append(m)
    seen, out = set(), []
    for m in keep:
        if m["canonical"] not in seen:
            seen.add(m["canonical"])
            out.append(m)
    return out


@lru_cache(maxsize=1)
def _list_words() -> frozenset:
    data, _ = load_data_yaml("parties_zh_fr.yaml")
    return frozenset(w.lower() for w in [*data["fr"]["list_words"], *data["fr"]["locator_heads"]])


def _list_members(parties: list[dict], mentions: list[dict], text: str) -> dict[int, int]:
    """French lists of parties, as id(party) -> list number, for lists whose members are not partners of each
    other: three or more parties joined by commas and "et" ("jumelée avec Denver, Kiel, Plymouth et Cadix";
    "avec Wigan, en Angleterre, Haarlem, aux Pays-Bas, et Bamako", the list's locators left out), or two that
    follow another party of the sentence ("Nankin a visité Lyon et Marseille"; "des liens avec Beaune et avec
    Kirkland"), unless "entre" opens them ("les échanges entre le Jiangsu et la Normandie"). Two parties
    opening a sentence ("Lyon et Canton ont signé") stay a pair."""
    groups: list[list[dict]] = []
    for i, m in enumerate(parties):
        if i and _joined_in_list(parties[i - 1], m, mentions, text):
            groups[-1].append(m)
        else:
            groups.append([m])
    out: dict[int, int] = {}
    for n, group in enumerate(groups):
        if len(group) < 2:
            continue
        first = group[0]
        before = any(p["end"] <= first["start"] for p in parties)
        opened_by_between = re.search(r"\bentre\s+(?:le\s+|la\s+|les\s+|l['’])?$", text[:first["start"]], re.I)
        # "La Région Bretagne et les villes de Brest et de Lorient ont signé ... avec Rimouski": co-signers
        with_after = any(p["start"] >= group[-1]["end"] and re.search(r"\bavec\s+(?:\S+\s+){0,4}$",
                                                                       text[group[-1]["end"]:p["start"]], re.I)
                         for p in parties)
        if len(group) >= 3 or (before and not opened_by_between) or with_after:
            out.update({id(p): n for p in group})
    return out


def _joined_in_list(a: dict, b: dict, mentions: list[dict], text: str) -> bool:
    """True when only list words, commas and other mentions (a list member's locator) stand between a and b."""
    if b["start"] - a["end"] > 80:
        return False
    chars = list(text[a["end"]:b["start"]])
    for m in mentions:
        s, e = max(m["start"], a["end"]), min(m["end"], b["start"])
        if s < e:
            chars[s - a["end"]:e - a["end"]] = " " * (e - s)
    gap = "".join(chars)
    if re.search(r"[.;:!?()«»\"]", gap):
        return False
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", gap)]
    return ("," in gap or "et" in words or "ou" in words) and all(w in _list_words() for w in words)


@lru_cache(maxsize=1)
def _french_clause_words() -> tuple[re.Pattern, re.Pattern]:
    data, _ = load_data_yaml("parties_zh_fr.yaml")
    fr = data["fr"]
    attending = re.compile(rf"\b(?:{'|'.join(map(re.escape, fr['attendance_words']))})[^,;]*", re.IGNORECASE)
    verbs = "|".join(map(re.escape, fr["clause_verbs"]))
    joints = "|".join(map(re.escape, fr["clause_joints"]))
    clause = re.compile(rf"(?:,\s*(?:{joints})|;)\s+(?:la\s+|le\s+|les\s+|l['’])?(?P<subject>[A-ZÀ-Þ][^\s,;]*(?:\s+[A-ZÀ-Þ][^\s,;]*){{0,3}})"
                        rf"\s+(?:{verbs})\b")
    return attending, clause


@lru_cache(maxsize=1)
def _epithet_pattern() -> tuple[re.Pattern, dict]:
    data, _ = load_data_yaml("parties_zh_fr.yaml")
    fr = data["fr"]
    adjectives = {k.lower(): v for k, v in fr["nationality_adjectives"].items()}
    demonyms = {f"{stem}{ending}".lower(): city for city, stems in fr["city_demonyms"].items()
                for stem in stems for ending in ("", "e", "s", "es")}
    heads = "|".join(map(re.escape, fr["epithet_heads"]))
    words = "|".join(map(re.escape, sorted({*adjectives, *demonyms}, key=len, reverse=True)))
    pattern = re.compile(rf"\b(?:la|le|une|un|cette|ce|son|sa|l['’])\s*(?:{heads})(?:\s+(?:économique|officielle|municipale))?"
                         rf"\s+(?P<adj>{words})\b", re.IGNORECASE)
    return pattern, {**adjectives, **{k: ("city", v) for k, v in demonyms.items()}}


def _epithet_mentions(sent, doc_rows: list[dict], inside: list[dict]) -> list[dict]:
    """French epithets naming a city of a country ("la ville chinoise", "son homologue allemand", "la délégation
    sénégalaise"): the city of that country named last before them in the document, as a mention of the
    sentence (data/parties_zh_fr.yaml: epithet_heads, nationality_adjectives)."""
    pattern, adjectives = _epithet_pattern()
    out = []
    for m in pattern.finditer(sent.text):
        if any(r["start"] < m.end() and m.start() < r["end"] for r in inside):
            continue
        country = adjectives[m.group("adj").lower()]
        if isinstance(country, tuple):  # "la délégation bordelaise": Bordeaux
            from .multilingual import place_names

            place = place_names("fr").get(normalise_name(country[1]))
            if place:
                out.append({"canonical": place[0], "label": "PLACE", "type": place[1], "country": place[2],
                            "start": m.start("adj"), "end": m.end("adj"), "text": m.group("adj")})  # the head stays a cue
            continue
        at = sent.start + m.start()
        before = [r for r in doc_rows if r["end"] <= at and r["label"] == "PLACE" and r["country"] == country
                  and r["type"] not in ("country", "region")]
        if before:
            ref = max(before, key=lambda r: r["start"])
            out.append({**ref, "start": m.start("adj"), "end": m.end("adj"), "text": m.group("adj")})
    return out


def _between_pairs(pairs: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """"un partenariat entre A et B", "l'accord signé entre A et B": A and B are partners of each other only,
    not of the sentence's other parties ("L'Institut X est le fruit d'un partenariat entre A et B")."""
    for a, b in zip(parties, parties[1:]):
        if re.search(r"\bentre\s+(?:la\s+|le\s+|les\s+|l['’])?(?:\w+\s+(?:de\s+|d['’]|du\s+)?)?$", text[:a["start"]], re.I) \
                and re.fullmatch(r"\s+et\s+(?:la\s+|le\s+|les\s+|l['’])?(?:\w+\s+(?:de\s+|d['’]|du\s+))?",
                                 text[a["end"]:b["start"]], re.I):
            inside = {id(a), id(b)}
            return [(x, y) for x, y in pairs if {id(x), id(y)} == inside or not ({id(x), id(y)} & inside)]
    return pairs


def _mission_of(org: dict, place: dict) -> bool:
    """True when `org` is a French-named embassy or consulate of the country `place` lies in ("l'ambassade de
    Chine en France" and Nankin): a country's mission is on its own cities' side, no partner of theirs."""
    if org["label"] != "ORG" or place["label"] != "PLACE":
        return False
    from .multilingual import place_names

    data, _ = load_data_yaml("parties_zh_fr.yaml")
    heads = "|".join(map(re.escape, data["fr"]["mission_heads"]))
    m = re.match(rf"(?i:(?:{heads})s?(?:\s+généra(?:l|le|ux))?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]))"
                 rf"(?P<country>[^\s,]+(?:[ -][A-ZÀ-Þ][^\s,]*)*)", org["text"])
    if not m:
        return False
    found = place_names("fr").get(normalise_name(m.group("country")))
    if not found or found[1] != "country":
        return False
    return found[0] in (place["country"], place["canonical"])


def _not_attending(parties: list[dict], text: str) -> list[dict]:
    """French parties that only attend ("en présence de l'ambassadrice de France au Sénégal"), up to the next
    comma or semicolon, are left out: attending is not cooperating."""
    spans = [(m.start(), m.end()) for m in _french_clause_words()[0].finditer(text)]
    return [p for p in parties if not any(s <= p["start"] and p["end"] <= e for s, e in spans)]


def _clauses(parties: list[dict], text: str) -> dict[int, int]:
    """id(party) -> clause number, clauses cut where ", et", ", mais" or ";" opens a new subject and its verb
    ("Lorient échange avec Gaspé, et Brest est jumelée avec Saguenay"): parties of two clauses are no pair."""
    cuts = [m.start() for m in _french_clause_words()[1].finditer(text)]
    return {id(p): sum(c < p["start"] for c in cuts) for p in parties}


def _same_place(a: dict, b: dict) -> bool:
    """A place and the bigger place it lies in (Nanjing - China, Nanjing - Jiangsu) are not a pair."""
    if a["label"] != "PLACE" or b["label"] != "PLACE" or a["type"] == b["type"]:
        return False
    return bool(a["country"]) and a["country"] == b["country"]


def _cooccurrence_pairs(sentences: pd.DataFrame, entities: pd.DataFrame, anchors: dict, languages: dict,
                        cues, progress: bool) -> list[dict]:
    """PAIR_COLUMNS rows of Chinese and French sentences: every two different parties of a cue sentence."""
    rows = []
    by_doc = {d: g.to_dict("records") for d, g in entities.groupby("doc_id", sort=False)} if len(entities) else {}
    for sent in tqdm(sentences.itertuples(index=False), total=len(sentences), desc="pairs (zh, fr)",
                     unit="sentence", disable=not progress):
        inside = [{**r, "start": r["start"] - sent.start, "end": r["end"] - sent.start}
                  for r in by_doc.get(sent.doc_id, []) if r["start"] >= sent.start and r["end"] <= sent.end]
        language = languages.get(sent.doc_id)
        if language == "fr":
            inside = sorted(inside + _epithet_mentions(sent, by_doc.get(sent.doc_id, []), inside),
                            key=lambda m: (m["start"], m["end"]))
        if len({r["canonical"] for r in inside}) < 2:
            continue
        cue = cue_in(_masked(sent.text, inside), cues=cues, language=language)
        if cue is None:
            continue
        parties = _cooccurring_parties(inside, sent.text)
        if language == "fr":  # "le maire de Niort ... en visite en France": the city is the party, not its country
            parties = [p for p in parties if not (p["label"] == "PLACE" and p["type"] == "country" and any(
                q["label"] == "PLACE" and q["type"] != "country" and q["country"] == p["canonical"] for q in parties))]
        clause = {}
        if language == "fr":
            parties = _not_attending(parties, sent.text)
            clause = _clauses(parties, sent.text)
        listed = _list_members(parties, inside, sent.text) if language == "fr" else {}
        pairs = [(a, b) for a, b in combinations(parties, 2) if not _same_place(a, b)
                 and not (id(a) in listed and listed.get(id(a)) == listed.get(id(b)))
                 and clause.get(id(a)) == clause.get(id(b))
                 and not (language == "fr" and (_mission_of(a, b) or _mission_of(b, a)))]
        if language == "fr":
            pairs = _between_pairs(pairs, parties, sent.text)
        if not pairs:
            continue
        sector, date = _sector(sent.text), _date(sent.text, anchors.get(sent.doc_id), language)
        rows.extend(_pair_row(sent, a, b, cue, sector, date) for a, b in pairs)
    return rows


def _pair_row(sent, a: dict, b: dict, cue: tuple[str, str], sector: str | None, date: str | None) -> dict:
    return {"doc_id": sent.doc_id, "sent_id": sent.sent_id, "start": sent.start, "end": sent.end,
            "a": a["canonical"], "b": b["canonical"], "a_label": a["label"], "b_label": b["label"],
            "type": cue[0], "cue": cue[1], "sector": sector, "date": date, "sentence": sent.text}


def pairs_in_sentences(sentences: pd.DataFrame, entities: pd.DataFrame, *, anchors: dict | None = None,
                       cues: str | Path | None = None, progress: bool = False,
                       languages: dict | None = None) -> pd.DataFrame:
    """Pairs (PAIR_COLUMNS) from sentences [doc_id, sent_id, start, end, text] and an entity table, in
    sentence order: the relations read from the dependency parse of each sentence holding a cooperation cue;
    for documents whose language (`languages`: doc_id -> code) is Chinese or French, the co-occurring
    parties of each cue sentence. `anchors` maps doc_id to the publication date."""
    anchors = anchors or {}
    languages = languages or {}
    local = sentences["doc_id"].map(lambda d: languages.get(d) in COOCCURRENCE_LANGUAGES).astype(bool) \
        if languages and len(sentences) else pd.Series(False, index=sentences.index)
    by_doc = _mentions_by_doc(entities)
    rows = without_countries_a_party_stands_for(_parsed_pairs(sentences[~local], entities, by_doc, anchors, cues,
                                                              progress), entities, by_doc)
    rows += _main_place_pairs(sentences[~local], by_doc, rows, cues, anchors)
    found = {(r["doc_id"], frozenset((r["a"], r["b"]))) for r in rows}
    rows += [r for r in _listed_tie_pairs(sentences[~local], by_doc, cues, anchors)
             if (r["doc_id"], frozenset((r["a"], r["b"]))) not in found]
    rows = without_story_misreadings(rows, entities, by_doc)
    if local.any():
        rows += _cooccurrence_pairs(sentences[local], entities, anchors, languages, cues, progress)
        order = {key: i for i, key in enumerate(zip(sentences["doc_id"], sentences["sent_id"]))}
        rows.sort(key=lambda r: order[(r["doc_id"], r["sent_id"])])  # stable: pairs of a sentence keep their order
    return pd.DataFrame(rows, columns=list(PAIR_COLUMNS))


def _main_place_pairs(sentences: pd.DataFrame, by_doc: dict[str, list[dict]], rows: list[dict], cues,
                      anchors: dict) -> list[dict]:
    """PAIR_COLUMNS rows pairing the two places a cooperation story is about when no sentence was read as pairing
    them (the parse missed the tie the story is written around): the two parties it names most, other than
    countries, when both are places below country level in two different countries, each is named more often
    than any other party and their countries are not paired already. The evidence is the first sentence naming
    both with a cooperation cue, else the first naming both in a story that has a cue; none stating a conflict."""
    found = {(r["doc_id"], frozenset((r["a"], r["b"]))) for r in rows}
    candidates = {}
    for doc_id, mentions in by_doc.items():
        a, b = _two_main_places(mentions)
        if a is None or (doc_id, frozenset((a["canonical"], b["canonical"]))) in found \
                or (doc_id, frozenset((a["country"], b["country"]))) in found:
            continue  # paired already, or their countries are: "Taipei" and "Washington" stand for governments
        candidates[doc_id] = (mentions, a, b)
    out = []
    chosen = sentences[sentences["doc_id"].isin(set(candidates))]
    for doc_id, sents in chosen.groupby("doc_id", sort=False):
        mentions, a, b = candidates[doc_id]
        row = _main_pair_evidence(sents, mentions, a, b, cues)
        if row is not None:
            sent, cue = row
            out.append(_pair_row(sent, a, b, cue, _sector(sent.text), _date(sent.text, anchors.get(doc_id))))
    return out


def _two_main_places(mentions: list[dict]) -> tuple[dict | None, dict | None]:
    """The two parties (not countries) a document names most, when both are places with a known country, the
    countries differ and the second is named more often than the third; else (None, None)."""
    counts: dict[str, int] = {}
    first: dict[str, dict] = {}
    for m in mentions:
        if m["label"] == "PLACE" and m.get("type") == "country":
            continue
        counts[m["canonical"]] = counts.get(m["canonical"], 0) + 1
        first.setdefault(m["canonical"], m)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]["start"]))
    if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[1]] <= counts[ranked[2]]):
        return None, None
    a, b = first[ranked[0]], first[ranked[1]]
    if a["label"] != "PLACE" or b["label"] != "PLACE" or not a.get("type") or not b.get("type"):
        return None, None
    ca, cb = a.get("country"), b.get("country")
    if not isinstance(ca, str) or not isinstance(cb, str) or ca == cb:
        return None, None
    return a, b


_CIVIC = re.compile(r"\b(?:" + "|".join(map(re.escape, syntax.WORDS["civic_words"].split())) + r")\b", re.IGNORECASE)


# a line of a list of paired places, each with its locator ("• Baltimore, Maryland, and Luxor, Egypt")
_PAIR_LINE = re.compile(r"[ \t]*(?:[•·*–-][ \t]*)?(?P<a>[A-Z][^\n,()]{1,40}),[ \t]*[A-Z][^\n,()]{1,30},?[ \t]+"
                        r"(?:and|&)[ \t]+(?P<b>[A-Z][^\n,()]{1,40}),[ \t]*[A-Z][^\n,()]{1,30}[ \t.;,]*")


def _listed_tie_pairs(sentences: pd.DataFrame, by_doc: dict[str, list[dict]], cues, anchors: dict) -> list[dict]:
    """PAIR_COLUMNS rows for ties listed one per line, two lines or more, right under a line that names a tie:
    partners with the year of each tie ("All Colorado Springs sister cities are listed below with the date they
    became one:", "Sister Port Agreements"), the party each line opens with paired with the one party the line
    above names, else the party the document names most; or two places a line pairs ("• Baltimore, Maryland,
    and Luxor, Egypt" under "... city-to-city assistance ... The recipients also include:")."""
    out = []
    for doc_id, sents in sentences.groupby("doc_id", sort=False):
        mentions = by_doc.get(doc_id)
        if not mentions:
            continue
        lines = [(sent, sent.start + m.start(), sent.start + m.end(), m.group())
                 for sent in sents.itertuples(index=False) for m in re.finditer(r"[^\n]*\S[^\n]*", sent.text)]
        k = 0
        while k < len(lines):
            run, read = _tie_lines(lines, k)
            couples = [] if run else list(takewhile(_pair_line, islice(lines, k, None)))
            if max(len(run), len(couples)) < 2 or k == 0:
                k += max(1, read, len(couples))
                continue
            first = k - 1  # the line above: its pieces in the sentences the line holds ("... assistance. The
            while first > 0 and lines[first - 1][0].sent_id != lines[first][0].sent_id \
                    and lines[first][1] - lines[first - 1][2] <= 1:  # recipients also include:")
                first -= 1
            top_start, top_end = lines[first][1], lines[k - 1][2]
            cue, _ = _relation_cues(" ".join(line[3] for line in lines[first:k]), cues)
            if cue is not None and cue[0] in ("twinning", "agreement", "partnership"):
                out += _tie_line_rows(run, mentions, top_start, top_end, cue, anchors.get(doc_id)) if run \
                    else _pair_line_rows(couples, mentions, cue)
            k += read + len(couples)
    return out


def _tie_line(line: tuple) -> bool:
    """Whether a (sentence, start, end, text) line is a partner's with its year (timeline.events.is_tie_line)."""
    return is_tie_line(line[3])


def _tie_lines(lines: list[tuple], k: int) -> tuple[list[tuple], int]:
    """The tie lines (_tie_line) of the list that starts at lines[k], and how many lines it spans: a sentence of
    its own after an item, before the next item, is a note on that item ("• With the English town of Hitchin
    since 1958. Hitchin has a population of around 33,000.")."""
    run, j = [], k
    while j < len(lines):
        if _tie_line(lines[j]):
            run.append(lines[j])
        elif not (run and j + 1 < len(lines) and _tie_line(lines[j + 1])
                  and lines[j][0].sent_id != run[-1][0].sent_id
                  and not lines[j][3].lstrip().startswith(("•", "·", "*"))):
            break
        j += 1
    return run, j - k


def _pair_line(line: tuple) -> bool:
    """Whether a (sentence, start, end, text) line pairs two places (_PAIR_LINE); a cheap test first."""
    return len(line[3]) <= 180 and (" and " in line[3] or "&" in line[3]) and _PAIR_LINE.fullmatch(line[3]) is not None


def _pair_line_rows(run: list[tuple], mentions: list[dict], cue: tuple[str, str]) -> list[dict]:
    """The rows of one list of lines that each pair two places (_PAIR_LINE): the places the line opens with and
    names after "and"."""
    rows = []
    for sent, start, end, text in run:
        m = _PAIR_LINE.fullmatch(text)
        a = next((x for x in mentions if x["start"] == start + m.start("a") and x["label"] == "PLACE"), None)
        b = next((x for x in mentions if x["start"] == start + m.start("b") and x["label"] == "PLACE"), None)
        if a is not None and b is not None and a["canonical"] != b["canonical"]:
            rows.append(_pair_row(sent, a, b, cue, None, None))
    return rows


# what a line of a list of ties writes before its partner: a bullet, or "with" and the kind of place ("• With the
# English town of Hitchin since 1958.", "• And with the Czech city of Kutnà Hora since 2012.")
_TIE_LINE_OPENING = re.compile(r"[ \t•·*–-]*(?:(?:[Aa]nd[ \t]+)?[Ww]ith[ \t]+"
                               r"(?:the[ \t]+(?:[\w-]+[ \t]+){1,3}of[ \t]+)?)?")


def _tie_line_rows(run: list[tuple], mentions: list[dict], top_start: int, top_end: int, cue: tuple[str, str],
                   anchor: str | None) -> list[dict]:
    """The rows of one list of tie lines (_listed_tie_pairs) under the line at [top_start, top_end): each line's
    first party, when the line opens with it, and the hub, a party that is no item of the list."""
    items = []
    for sent, start, end, text in run:
        first = next((m for m in mentions if start <= m["start"] < end), None)
        if first is not None and _TIE_LINE_OPENING.fullmatch(text[:first["start"] - start]):
            items.append((sent, text, first))
    listed = {m["canonical"] for _, _, m in items}
    above = {m["canonical"]: m for m in mentions if top_start <= m["start"] and m["end"] <= top_end}
    counts = Counter(m["canonical"] for m in mentions if m.get("type") != "country" and m["canonical"] not in listed)
    if len(above) == 1:
        hub = next(iter(above.values()))
    elif counts:
        hub = next(m for m in mentions if m["canonical"] == counts.most_common(1)[0][0])
    else:
        return []
    return [_pair_row(sent, hub, item, cue, None, _date(text, anchor)) for sent, text, item in items
            if item["canonical"] != hub["canonical"]]


def _main_pair_evidence(sents: pd.DataFrame, mentions: list[dict], a: dict, b: dict, cues):
    """(sentence, cue) stating the two main places' tie: the first sentence naming both with a cooperation
    cue, else the first naming both with the story's first cue; None without either, on a conflict, or in a
    story with no word of civic ties (data/relations.yaml civic_words)."""
    if not any(_CIVIC.search(text) for text in sents["text"]):
        return None
    starts = [m["start"] for m in mentions]
    story_cue, together = None, []
    for sent in sents.itertuples(index=False):
        inside = _mentions_inside(sent, mentions, starts)
        cue, _ = _relation_cues(_masked(sent.text, inside), cues)
        story_cue = story_cue or cue
        names = {m["canonical"] for m in inside}
        if a["canonical"] in names and b["canonical"] in names and not syntax.states_conflict(sent.text):
            if cue is not None:
                return sent, cue
            together.append(sent)
    return (together[0], story_cue) if together and story_cue is not None else None


_COUNTRY_LEVEL_ORGS = ("supranational", "government")


def _country_level(found: list[tuple[dict, dict]], named: set[str],
                   here: set[str] = frozenset()) -> list[tuple[dict, dict]]:
    """Pairs with a capital standing for its government ("ties with Budapest" next to the EC, "in Washington
    for talks" with Belgium) given at country level, when the document names that country: a capital paired
    with a country, a national or supranational body, or another capital when the sentence (`here`: its
    parties) names both countries ("Japan said an agreement on loans to Poland was needed before Tokyo extended
    credits to Warsaw"). Ties of a document about towns' own governments, and twinning, never come here."""
    def level(p: dict) -> bool:
        return (p["label"] == "PLACE" and p.get("type") == "country") or \
            (p["label"] == "ORG" and p.get("type") in _COUNTRY_LEVEL_ORGS)

    def state_of(p: dict) -> str | None:
        if p["label"] != "PLACE" or p.get("type") != "city":
            return None
        state = capital_of(str(p["canonical"]))
        return named_state(state, named) if state else None  # "Moscow" next to "the Soviet Union"

    def country(p: dict, other: dict) -> dict:
        state = state_of(p)
        if state is None or state == other["canonical"] or not (level(other) or (
                state in here and state_of(other) in here)):
            return p  # "Japan said ... loans to Poland ... before Tokyo extended ... to Warsaw": two capitals beside
        # their countries in one sentence stand each for its state
        return {**p, "canonical": state, "type": "country", "country": state}

    return _distinct((country(a, b), country(b, a)) for a, b in found)


def _distinct(found) -> list[tuple[dict, dict]]:
    """Pairs of two different parties, each pair once, in order; none of a place and a place it lies in (after
    a party was given at another level, "Paris" -> France, "the French delegation" -> Louviers)."""
    out, seen = [], set()
    for a, b in found:
        key = frozenset((a["canonical"], b["canonical"]))
        if len(key) == 2 and key not in seen and not syntax.contains(a, b) and not syntax.contains(b, a):
            seen.add(key)
            out.append((a, b))
    return out


_OFFICIALS_FROM = re.compile(
    r"\b(?:" + "|".join(load_data_yaml("relations.yaml")[0]["local_official_plurals"].split()) + r")[ \t]+from[ \t]+"
    r"(?:\w+[ \t]+){0,2}(?:countries|nations)[ \t]*,?[ \t]*(?:including|such[ \t]+as|like|namely)[ \t]+"
    r"(?:[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)?)+")


def _without_officials_countries(found: list[tuple[dict, dict]], text: str) -> list[tuple[dict, dict]]:
    """`found` without the pairs of a country named only as where local officials come from ("a delegation formed
    by 23 mayors from 9 countries including Costa Rica, Panama ... and Mexico visited Beijing"): the mayors act
    for their towns, no country acts. Only such a count of countries with its examples: "a forum for mayors from
    China and New Zealand ... during President Xi Jinping's visit" may name a country's own act."""
    spans = [m.span() for m in _OFFICIALS_FROM.finditer(text)]
    if not spans:
        return found

    def homeland(p: dict) -> bool:
        return p["label"] == "PLACE" and p.get("type") == "country" and any(s <= p["start"] < e for s, e in spans)

    return [(a, b) for a, b in found if not homeland(a) and not homeland(b)]


_LOCAL_LEVEL_WORDS = "|".join(load_data_yaml("relations.yaml")[0]["local_level_words"].split())
# after the second of two hyphened countries: a local level in the name it qualifies, or in what follows its noun
_AT_LOCAL_LEVEL = re.compile(rf"(?:[ \t]+[A-Z][\w.'’-]*){{0,3}}?[ \t]+(?:{_LOCAL_LEVEL_WORDS})\b"
                             rf"|[ \t]+\w+[ \t]+at[ \t]+(?:the[ \t]+)?(?:{_LOCAL_LEVEL_WORDS})[ \t]+levels?\b", re.I)
_HYPHEN_GAP = re.compile(r"[ \t]*[-–—][ \t]*")


def _without_local_level_countries(found: list[tuple[dict, dict]], text: str) -> list[tuple[dict, dict]]:
    """`found` without the pairs of two countries a hyphen joins before a relation of their towns or regions ("the
    Sino-U.S. Mayors Summit", "the Forum on China-Africa Local Government Cooperation", "Sino-US cooperation at
    the local level"): the countries name where the parties lie, and act at no level of their own (ANNOTATION.md:
    a country is a party only when the text states a relation at country level)."""
    def local_couple(a: dict, b: dict) -> bool:
        if not all(p["label"] == "PLACE" and p.get("type") in ("country", "continent") and "start" in p
                   for p in (a, b)):
            return False
        first, second = (a, b) if a["start"] < b["start"] else (b, a)
        return _HYPHEN_GAP.fullmatch(text, first["end"], second["start"]) is not None \
            and _AT_LOCAL_LEVEL.match(text, second["end"]) is not None

    return [(a, b) for a, b in found if not local_couple(a, b)]


def _nationalities_as_places(found: list[tuple[dict, dict]], main: dict | None, text: str) -> list[tuple[dict, dict]]:
    """Pairs with a country named by the nationality of a delegation ("the French delegation", "a Japanese
    delegation") given to the story's main party when it is a town or region of that country (Louviers, "Louviers
    twinning delegation to visit Weymouth"): the delegation comes from it, and the country is a party only at
    country level (ANNOTATION.md). Otherwise, or before a title ("Argentine President"), the country stays."""
    def place_for(p: dict) -> dict:
        if p["label"] != "PLACE" or p.get("type") != "country" or not _is_nationality(str(p.get("text") or "")) \
                or not _DELEGATION_AFTER.match(text, int(p["end"])):
            return p
        if main is not None and main["label"] == "PLACE" and main.get("country") == p["canonical"] \
                and main.get("type") in ("city", "district", "region"):
            return {**main, "start": p["start"], "end": p["end"]}
        return p

    return _distinct((place_for(a), place_for(b)) for a, b in found)


_DELEGATION_AFTER = re.compile(r"\s+(?:delegation|delegations|delegates|visitors|guests)\b")


def _is_nationality(word: str) -> bool:
    """Whether `word` is a nationality of the default registry's demonyms ("French", "Japanese")."""
    return normalise_name(word) in _nationalities(load_registry())


@lru_cache(maxsize=4)
def _nationalities(registry) -> frozenset:
    return frozenset(normalise_name(k) for k in registry.demonyms)


_WORLD_REGIONS = frozenset(load_data_yaml("relations.yaml")[0]["world_regions"])


def _continent_and_town(a: dict, b: dict) -> bool:
    """A continent or a world region (data/relations.yaml world_regions) and a place below a country (a city, a
    state, a province), or a country on that continent: a city's "trade mission to Asia" or "sister cities in
    Asia" is no tie with a continent, nor is "a trade mission to Asia, with visits to Korea and Japan" one of
    Asia with Japan; a continent is a party only at its level ("China-Africa cooperation")."""
    if a["label"] != "PLACE" or a["canonical"] not in _WORLD_REGIONS or b["label"] != "PLACE":
        return False
    if b.get("type") == "country":
        return continent_of(b["canonical"]) == a["canonical"]
    return b.get("type") in ("city", "region", "district") and b["canonical"] not in _WORLD_REGIONS


# "between", or "the ties that unite" ("reinforcing friendly ties that unite Catalonia and Jiangsu")
_BETWEEN_BEFORE = re.compile(r"(?:\bbetween|\b(?:ties|relations|relationship|bonds?|friendship|links)\s+"
                             r"(?:(?:that|which)\s+(?:unite|bind|link|connect|join)s?"
                             r"|uniting|binding|linking|connecting|joining))\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}$", re.I)
_NO_BETWEEN = re.compile(rf"(?:\bno\s+(?:[A-Za-z-]+\s+){{0,2}}|\b(?:{'|'.join(sorted(syntax.UNRELATED_BETWEEN))})\s+)"
                         r"between\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}$", re.I)
# "no agreement between", "the history between Germany and France": no tie between the two
_BETWEEN_GAP = re.compile(r"^(?:(?:,\s*|\s+in\s+(?:the\s+)?)"  # "Lagos, Nigeria and", "Foshan in Guangdong and"
                          r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
                          r"(?:\s+(?:province|state|county|prefecture|region))?,?)?"  # "Heyuan, Guangdong province and"
                          r"\s+and\s+(?:the\s+)?(?:[A-Z][\w.-]*['’]s\s+)?(?:[a-z-]+\s+){0,3}$")


def _with_between_pairs(found: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """`found` plus the two parties written "between A and B" ("a joint venture between security firm 3ami and
    storage specialists BridgeHead Software"; "between energy firm PDVSA and Argentina's Enarsa"), which the
    parser often splits or misattaches: read from the words around them."""
    seen = {frozenset((a["canonical"], b["canonical"])) for a, b in found}
    out = list(found)
    items = _without_locators(parties, text)
    couple_ends = set()  # index of the second party of each couple written "between A and B"
    for i, (a, b) in enumerate(zip(items, items[1:])):
        key = frozenset((a["canonical"], b["canonical"]))
        if len(key) < 2 or not _BETWEEN_GAP.match(text[a["end"]:b["start"]]) or syntax.contains(a, b) \
                or syntax.contains(b, a):
            continue
        before = text[max(0, a["start"] - 60):a["start"]]
        if (_BETWEEN_BEFORE.search(before) and not _NO_BETWEEN.search(before)) or (
                i - 1 in couple_ends and _NEXT_COUPLE.match(text[items[i - 1]["end"]:a["start"]])):
            couple_ends.add(i + 1)  # "between Sahiwal and Wuzhong as well as Bahawalpur and Zhongwei": two couples
            if key not in seen:
                seen.add(key)
                out.append((a, b))
    couples = [frozenset((items[i - 1]["canonical"], items[i]["canonical"])) for i in sorted(couple_ends)]
    if len(couples) < 2:
        return out
    couple_of = {name: k for k, c in enumerate(couples) for name in c}  # "between Tatarstan and Sichuan; Perm and
    # Anhui; and Penza and Hubei": each couple is a relation, not one with the other couples' members
    return [(a, b) for a, b in out if couple_of.get(a["canonical"], -1) == couple_of.get(b["canonical"], -2)
            or a["canonical"] not in couple_of or b["canonical"] not in couple_of]


_NEXT_COUPLE = re.compile(r"^(?:(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?,?\s+(?:and|as\s+well\s+as)\s+"
                          r"|\s*;\s*(?:(?:and|as\s+well\s+as)\s+)?)"  # or a semicolon ("; Perm and Anhui")
                          r"(?:between\s+)?(?:the\s+)?$")


def _without_locators(parties: list[dict], text: str) -> list[dict]:
    """`parties` without those that only locate the town before them ("Heyuan, Guangdong province", "Foshan in
    Guangdong")."""
    return [p for q, p in zip([None, *parties], parties)
            if not (q is not None and q.get("type") in ("city", "district") and p.get("type") in ("region", "country")
                    and (text[q["end"]:p["start"]].strip() == "," or (
                        _IN_GAP.match(text[q["end"]:p["start"]]) and q.get("country") == p.get("country"))))]


_TIES_LISTED = re.compile(r"(?:\b(?:sister|twin|twinned|friendship|friendly(?:\s+(?:cooperative|cooperation|exchange))?|partner)"
                          r"[ -](?:(?:cities|towns|provinces|states|regions|municipalities)(?:\s*(?::|;|--|—|–)|,?\s+(?:which\s+)?"
                          r"(?:include|includes|including|are|such\s+as|like)\b|,(?=\s+[A-Z])|\s+(?:in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?"
                          r",\s+)?the\s+others?\s+being\b)"
                          r"|(?:city|town)\s+(?:cooperation|relations?|ties|partnerships?)\s+with\s+(?:other\s+)?"
                          r"(?:cities|towns|municipalities)\s+(?:like|such\s+as|including)\b"
                          r"|(?:city|town|province|state)\s+(?:relations|relationships|ties|links|agreements)\s+with\s+"
                          r"[^:;.]{0,40}?\b(?:cities|towns|municipalities|provinces|states|regions|places)\b(?-i:[^:;.A-Z]){0,40}:)"
                          r"|\b(?:sister|twin|friendship|partner)[ -]?(?:cities|towns|provinces|states|regions|municipalities)\s+of\s+"
                          r"(?P<of>(?-i:[A-Z])[^:;,.()]{0,40}?)\s+(?:-|--|—|–)"
                          # "Eleven other cities have been named Sister Cities with Sacramento: Manila, ..."
                          r"|\b(?:sister|twin|friendship|partner)[ -]?(?:cities|towns|provinces|states|regions|"
                          r"municipalities)\s+(?:with|of)\s+(?P<with>(?-i:[A-Z])[^:;,.()]{0,40}?)\s*:"
                          r"|\b(?:sister|twin|sisterhood|friendship|twinning)\s+(?:ties|relations|links|agreements)\s+with\s+"
                          r"(?:include|includes|are)\b"
                          r"|^\s*(?:(?:International|Foreign|Overseas|Other|Its|Their)\s+)+partners\s+include\b)"
                          r"\s*", re.I)
_IN_GAP = re.compile(r"^\s+in\s+(?:the\s+)?$")
_STATE_CODE_AFTER = re.compile(r",\s*[A-Z]{2}\.?")  # "Gatineau, QC": the province's code locates the town
_TIES_OWNER_GAP = re.compile(r"['’]s?\s+(?:[a-z0-9][\w-]*\s+){0,2}")  # "Edmonton’s four (sister cities)"
_IN_BEFORE = re.compile(r"[\w)]\s+in\s+(?:the\s+)?$")  # "Fortworth in the US": the country locates a town


def _state_codes(parties: list[dict], text: str) -> set[str]:
    """Names of the parties that are a state's or province's code after a town, no gazetteer place ("Gatineau,
    QC")."""
    return {p["canonical"] for q, p in zip(parties, parties[1:])
            if not isinstance(p.get("type"), str) and _STATE_CODE_AFTER.fullmatch(text[q["end"]:p["end"]])}


def _with_listed_ties(found: list[tuple[dict, dict]], parties: list[dict], text: str,
                      holder: dict | None = None) -> list[tuple[dict, dict]]:
    """`found` plus a star from the one party before "sister cities:" ("-- ", "which include") to each party listed
    after it ("Chengdu has three new sister cities: Manchester, Leeds and Bristol"; "it has 6 sister cities, which
    include Hefei in China, Lille in France and ..."; "its sister city cooperation with cities like Suwon in South
    Korea"), which the parser reads as a fragment of its own or
    misattaches; the hub is the party before the words, the one after "sister cities of X -", the place the sentence
    before says "has over 20 sister cities" (`holder`) when no party comes before the words, the one whose ties they
    are ("in addition to Edmonton's four sister cities;"), or the one every pair already found shares. A place
    after "in" right behind a listed place, a country after "in" or a state's code ("Gatineau, QC") only locates
    it."""
    m = _TIES_LISTED.search(text)
    if not m:
        return found
    before = {p["canonical"]: p for p in parties if p["end"] <= m.start()}
    hub_named = "of" if m.group("of") else "with" if m.group("with") else None
    if hub_named:  # "among the sister cities of Baku - Dakar (Senegal), ...", "Sister Cities with Sacramento: Manila"
        before = {p["canonical"]: p for p in parties
                  if m.start(hub_named) <= p["start"] and p["end"] <= m.end(hub_named)}
    elif not before and holder is not None:  # "X has over 20 sister cities. Partners include ..."
        before = {holder["canonical"]: holder}
    owner = next((p for p in parties if p["end"] <= m.start()
                  and _TIES_OWNER_GAP.fullmatch(text[p["end"]:m.start()])), None)
    if len(before) > 1 and owner is not None:  # "Calgary has six ... in addition to Edmonton's four sister cities;"
        before = {owner["canonical"]: owner}
    codes = _state_codes(parties, text)
    after = [p for i, p in enumerate(parties) if p["start"] >= m.end() and not (
        i and parties[i - 1]["start"] >= m.end() and _IN_GAP.match(text[parties[i - 1]["end"]:p["start"]]))
        and not (p.get("type") == "country" and _IN_BEFORE.search(text, max(0, p["start"] - 20), p["start"]))
        and p["canonical"] not in codes]
    found = [(a, b) for a, b in found if a["canonical"] not in codes and b["canonical"] not in codes]
    listed = {p["canonical"] for p in after}
    if len(before) != 1 and found:  # "Currently, it has 6 sister cities, which include ...": the hub of the pairs found
        shared = set.intersection(*({a["canonical"], b["canonical"]} for a, b in found)) - listed
        hubs = [a if a["canonical"] in shared else b for a, b in found[:1]] if len(shared) == 1 else []
        before = {h["canonical"]: h for h in hubs}
    if len(before) != 1:
        return found
    hub = next(iter(before.values()))
    out = [(a, b) for a, b in found if not (a["canonical"] in listed and b["canonical"] in listed)]
    seen = {frozenset((a["canonical"], b["canonical"])) for a, b in out}
    for p in after:
        key = frozenset((hub["canonical"], p["canonical"]))
        if len(key) == 2 and key not in seen and not syntax.contains(hub, p) and not syntax.contains(p, hub):
            seen.add(key)
            out.append((hub, p))
    return out


_TIES_OF = re.compile(r"\s(?:are|were|became|become|is|was)\s+(?:now\s+|officially\s+|also\s+)?(?:(?P<of>the\s+)?|"
                      r"(?P<owner>[^\s,;]+(?:\s+[A-Z][^\s,;]*){0,3}?)['’]s?\s+)(?:new\s+|first\s+|official\s+)?"
                      r"(?:sister|twin|twinned|friendship|partner)[ -](?:cities|towns|city|town|municipalities|regions|provinces|"
                      r"states)(?(owner)|\s+of\s+(?:the\s+)?)")
_GOVERNED_BEFORE = re.compile(r"\b(?:with|to|of|by|from|for|in)\s+(?:the\s+)?$")


# a tie in apposition to a name ("Shenzhen, a sister city with Houston since 1986", "Mito, its twin town of 20 years")
_APPOSED_TIE = re.compile(r",\s+(?:a|the|another|one\s+of\s+(?:the\s+)?)\s*"
                          r"(?:new\s+|first\s+|official\s+|long-?time\s+)?(?:sister|twin|twinned|friendship|partner)"
                          r"[ -](?:cities|towns|city|town|ports?|provinces?|states?|regions?)"
                          r"\s+(?:of|with|to)\s+(?:the\s+)?")


_COUNTRY_AFTER = re.compile(r"\s*,\s*([A-Z][^;,.:]{1,40}?)\s*(?:[;.:]|$)")


def _without_middle_locators(found: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """`found` without a place written between a town and its country in a list of items parted by semicolons
    ("Baguio, Philippines; Funchal, Madeira, Portugal; Naha, Okinawa, Japan"): it locates the town, whatever
    the gazetteer makes of it (Okinawa is also a town)."""
    if text.count(";") < 2:
        return found
    middle = set()
    for before, p in zip(parties, parties[1:]):
        country = _COUNTRY_AFTER.match(text, p["end"])
        if before.get("label") == p.get("label") == "PLACE" and text[before["end"]:p["start"]].strip() == "," \
                and text[:before["start"]].rstrip().endswith((";", ":")) and country \
                and (lookup_place(country.group(1)) or ("", ""))[1] == "country":
            middle.add(p["canonical"])
    return [(a, b) for a, b in found if a["canonical"] not in middle and b["canonical"] not in middle] if middle \
        else found


# a tie in apposition that names no partner: the sentence's first place owns it ("the city of Busan ... will send
# a video to the city of St. Petersburg, another sister city in Russia")
_APPOSED_OWN_TIE = re.compile(r",\s+(?:another|its|their|our)\s+(?:new\s+|first\s+|official\s+|long-?time\s+)?"
                              r"(?:sister|twin|twinned|friendship|partner)[ -](?:city|town|province|state|region)\b"
                              r"(?!\s+(?:of|with|to)\b)", re.IGNORECASE)


def _with_apposed_tie(found: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """A name followed by its tie in apposition pairs with the tie's partner ("meeting officials in Beijing,
    Shanghai and Shenzhen, a sister city with Houston since 1986": Shenzhen and Houston), the name right
    before the comma, whatever the parser hung the apposition on (here the list's first item); a tie naming no
    partner ("St. Petersburg, another sister city in Russia") is the sentence's first place's."""
    ties = [(next((p for p in parties if p["end"] == m.start()), None),
             next((p for p in parties if p["start"] == m.end()), None)) for m in _APPOSED_TIE.finditer(text)]
    first = next((p for p in parties if p["label"] == "PLACE"), None)
    ties += [(next((p for p in parties if p["end"] == m.start()), None), first)
             for m in _APPOSED_OWN_TIE.finditer(text) if first is not None and first["end"] < m.start()]
    return _with_new_pairs(found, [(a, b) for a, b in ties if a is not None and b is not None])


def _with_new_pairs(found: list[tuple[dict, dict]], new: list[tuple[dict, dict]]) -> list[tuple[dict, dict]]:
    """`found` plus each pair of `new` of two different parties that it does not hold yet, in order."""
    out = list(found)
    seen = {frozenset((a["canonical"], b["canonical"])) for a, b in out}
    for a, b in new:
        key = frozenset((a["canonical"], b["canonical"]))
        if len(key) == 2 and key not in seen:
            seen.add(key)
            out.append((a, b))
    return out


def _with_ties_of(found: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """A list of places that "are now sister cities of" a place, or "became Kyiv's new sister cities", is a star
    around that place: each listed place pairs with it and none with another ("Paris, Hamburg and Madrid became
    Kyiv's new sister cities"; "Gdynia and Pardubice are now sister cities of Zhytomyr")."""
    m = _TIES_OF.search(text)
    if not m:
        return found
    if m.group("owner"):
        hub = next((p for p in parties if p["start"] >= m.start("owner") and p["end"] == m.end("owner")), None)
    else:
        hub = next((p for p in parties if p["start"] == m.end()), None)
    ahead = [p for p in parties if p["end"] <= m.start()]
    if hub is None or not ahead or ahead[-1]["end"] != m.start():
        return found
    listed = [ahead[-1]]
    for prev in reversed(ahead[:-1]):
        if not LIST_SEPARATOR.match(text[prev["end"]:listed[0]["start"]]) \
                or _GOVERNED_BEFORE.search(text, max(0, prev["start"] - 12), prev["start"]):
            break  # "Bourges twinned with Korosten, Gdynia and Pardubice are ...": Korosten ends the clause before
        listed.insert(0, prev)
    names = {p["canonical"] for p in listed} - {hub["canonical"]}
    out = [(a, b) for a, b in found if not (a["canonical"] in names and b["canonical"] in names)]
    return _with_new_pairs(out, [(hub, p) for p in listed])


def _listed(parties: list[dict], text: str) -> list[list[dict]]:
    """The lists of two or more parties the sentence writes ("Multan, Karachi and Gwadar"; "Beihai and Zhuhai in
    China, Dubai in UAE as well as Takasu in Japan", the members' locators left out): runs of parties that only
    a comma, "and" or "as well as" separates, in order."""
    return [members for members, _ in _list_runs(parties, text) if len(members) > 1]


def _list_runs(parties: list[dict], text: str) -> list[tuple[list[dict], list[dict]]]:
    """(members, locators) of each run of parties _listed reads, runs of one member included; a locator is a
    place that locates the member before it ("Zhuhai in China", "Bamako (Mali)")."""
    runs: list[tuple[list[dict], list[dict]]] = []
    end = 0
    for p in parties:
        gap = text[end:p["start"]]
        located = bool(runs and _MEMBER_LOCATOR_GAP.match(gap))
        if located or _NAME_IN_BEFORE.search(gap):
            if located:
                runs[-1][1].append(p)  # "Zhuhai in China": the country locates the member before it
            else:
                runs.append(([], []))  # "cities like Fortworth in the US, Braunschweig ...": a list opens at a
            end = p["end"]  # name that is no mention
            continue
        if runs and _MEMBER_GAP.match(gap):
            runs[-1][0].append(p)
        else:
            runs.append(([p], []))
        end = p["end"]
    return runs


# "Zhuhai in China", "Bamako (Mali)", "Koror in Palau" (Koror no mention): the place after "in" locates a member
_MEMBER_LOCATOR_GAP = re.compile(r"^(?:,?\s+(?:[A-Z][\w.'’-]*\s+){0,3}in\s+(?:the\s+)?|\s*\(\s*)$")
_NAME_IN_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s+in\s+(?:the\s+)?$")  # "cities like Fortworth in the US": no member
_MEMBER_SEPARATOR = r"(?:[,;]\s+(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
_MEMBER_TAIL = (r"\s*\)?(?:\s+in\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"  # "Noumea in New Caledonia"
                r"(?:\s+since\s+\d{4})?")  # "Pisa (Italy) since 1982, ..."
# between two members: a member's tail, then names no gazetteer knew as members of their own ("Xi’an, Kuala
# Lumpur, Freiburg, Florence": Freiburg was no mention)
_MEMBER_GAP = re.compile(rf"^{_MEMBER_TAIL}{_MEMBER_SEPARATOR}"
                         rf"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}(?:\s*\([^()]{{1,40}}\))?{_MEMBER_TAIL}"
                         rf"{_MEMBER_SEPARATOR})*$")


def _long_lists(parties: list[dict], text: str) -> list[list[dict]]:
    """The lists of four or more parties the sentence writes (_listed), or three with semicolons between them
    ("Bangkok, Thailand (since 1962); Dakar, Senegal; and Rome, Italy") or with the places that locate them
    after "with" ("agreements with Siem Reap in Cambodia, Biratnagar in Nepal and Bangkok in Thailand"; "the mayors
    of Plock, Zhytomyr in Ukraine and Malaga in Spain signed" are co-signers), not after "between" ("between A and
    B as well as C and D" are couples)."""
    return [g for g, located in _list_runs(parties, text)
            if (len(g) >= 4 or len(g) == 3 and (";" in text[g[0]["end"]:g[-1]["start"]] or len(located) >= 2
                                                and _WITH_BEFORE.search(text, 0, g[0]["start"])))
            and not _BETWEEN_BEFORE.search(text, 0, g[0]["start"])]


_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?(?:(?:cities|towns)\s+of\s+)?$")


def _not_among_listed(found: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """Pairs without two members of one list of four or more parties: such a list is one side of the relation
    (ANNOTATION.md: a head and its list is a star), however the parser hung its members. Nor a place that only
    locates a member of a list paired with that list ("missions in Basra in Iraq, Kabul in Afghanistan and
    Pyongyang in North Korea"; "the mayors of Plock, Zhytomyr in Ukraine and Malaga in Spain signed")."""
    lists = [{p["canonical"] for p in g} for g in _long_lists(parties, text)]
    located = [({p["canonical"] for p in members + locators},
                {p["canonical"] for p in locators if p["label"] == "PLACE"} - {p["canonical"] for p in members})
               for members, locators in _list_runs(parties, text) if len(members) >= 2 and locators]
    found = [(a, b) for a, b in found
             if not any({a["canonical"], b["canonical"]} <= run and {a["canonical"], b["canonical"]} & locators
                        for run, locators in located)]
    if not lists:
        return found
    couples = {frozenset((a["canonical"], b["canonical"])) for a, b in _couples(parties, text)}
    return [(a, b) for a, b in found if not any(a["canonical"] in g and b["canonical"] in g for g in lists)
            or frozenset((a["canonical"], b["canonical"])) in couples]


def _star_over_listed(found: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """`found` with each list of four or more parties made a star: a party the sentence names and that is paired
    with one member, or any party paired with two, is paired with every member ("Gold Coast has eight sister
    cities namely Beihai and Zhuhai in China, Dubai in UAE, Fort Lauderdale in USA, Noumea ..."; "twinned with
    Bamako (Mali) since 1974, Pisa (Italy) since 1982, ..."), which the parser of a long list breaks apart. One link
    through "the city" read as the main party stays one link: an error there must not spread to a whole list."""
    lists = [g for g in _long_lists(parties, text) if len({p["canonical"] for p in g}) >= min(len(g), 4)]
    if not lists or not found:
        return found
    codes = _state_codes(parties, text)
    member = {p["canonical"]: k for k, g in enumerate(lists) for p in g if p["canonical"] not in codes}
    named = {p["canonical"] for p in parties}
    links = Counter((hub["canonical"], member[item["canonical"]]) for pair in found for hub, item in (pair, pair[::-1])
                    if item["canonical"] in member and hub["canonical"] not in member)
    out, seen = list(found), {frozenset((a["canonical"], b["canonical"])) for a, b in found}
    for (hub_name, k), count in sorted(links.items()):
        if hub_name not in named and count < 2:
            continue
        hub = next(h for pair in found for h in pair if h["canonical"] == hub_name)
        for p in (p for p in lists[k] if p["canonical"] not in codes):
            key = frozenset((hub_name, p["canonical"]))
            if len(key) == 2 and key not in seen and not syntax.contains(hub, p) and not syntax.contains(p, hub):
                seen.add(key)
                out.append((hub, p))
    return out


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _respective_pairs(found: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """"A, B and C are twinned with X, Y and Z respectively": the pairs of the two lists' members in order (A-X,
    B-Y, C-Z), not every member of one with every member of the other, when the sentence was read as relating
    them; other pairs stay."""
    if not found or not _RESPECTIVELY.search(text):
        return found
    lists = _listed(parties, text)
    if len(lists) != 2 or len(lists[0]) != len(lists[1]):
        return found
    return _as_written(found, list(zip(lists[0], lists[1])))


def _hyphen_couples(found: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """"Twinnings such as Leeds-Dalian, Bristol-Guangzhou and York-Nanjing": with two or more couples of places a
    hyphen joins, each couple is a pair and two members of different couples are none, when the sentence was
    read as relating them; other pairs stay."""
    couples = [(a, b) for a, b in zip(parties, parties[1:]) if text[a["end"]:b["start"]] in ("-", "–")
               and a["label"] == b["label"] == "PLACE"]
    return _as_written(found, couples) if len(couples) >= 2 else found


def _as_written(found: list[tuple[dict, dict]], written: list[tuple[dict, dict]]) -> list[tuple[dict, dict]]:
    """`found` with its pairs among the parties of `written` replaced by the pairs `written` states, when the
    sentence was read as relating any two of them; other pairs stay."""
    members = {p["canonical"] for pair in written for p in pair}
    if not any(a["canonical"] in members and b["canonical"] in members for a, b in found):
        return found
    return [(a, b) for a, b in found if not (a["canonical"] in members and b["canonical"] in members)] + written


_THE_TWO_PLACES = re.compile(r"\b(?:the\s+two|both)\s+(?:sister\s+|twin\s+|partner\s+|friendship\s+)?(?:cities|towns|"
                             r"municipalities|provinces|regions|prefectures|states|counties)\b", re.I)


def _the_two_places(parties: list[dict], people: dict[str, dict] | None, text: str) -> list[tuple[dict, dict]]:
    """The pair a sentence names and then calls "the two cities" ("Wang Li, the mayor of Xiangyang, and Brainard
    signed an agreement to establish a sister-city relationship between the two cities"), when the parse gave
    none: exactly two places below country level, a person the document ties to a place counting as it."""
    if not _THE_TWO_PLACES.search(text):
        return []
    places = {p["canonical"]: p for p in parties if p["label"] == "PLACE" and p.get("type") != "country"}
    for name, place in (people or {}).items():
        if place.get("label") == "PLACE" and place.get("type") != "country" and re.search(rf"\b{re.escape(name)}\b", text):
            places.setdefault(place["canonical"], place)
    if len(places) != 2 or len(parties) > 3:
        return []
    a, b = places.values()
    return [] if syntax.contains(a, b) or syntax.contains(b, a) else [(a, b)]


_EACH_OTHER = re.compile(r"\b(?:between\s+them|with\s+each\s+other|with\s+one\s+another)\b", re.I)


def _each_other(parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """The couple "A and B" a sentence names before saying they cooperate "between them" or "with each other"
    ("Officials from the National Governors' Association and the Governors Association of Korea ... discussed
    ways to promote cooperation between them"), when the parse gave none: the first two parties of the
    sentence, joined by "and", neither lying in the other."""
    said = _EACH_OTHER.search(text)
    if said is None or len(parties) < 2:
        return []
    a, b = parties[:2]
    if b["end"] > said.start() or not _AND_GAP.match(text[a["end"]:b["start"]]) or a["canonical"] == b["canonical"]:
        return []
    return [] if syntax.contains(a, b) or syntax.contains(b, a) else [(a, b)]


def _comma_couple(parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """The two parties opening a headline-like sentence joined by a comma, a headline's "and" ("Paraiba, Liaoning
    agree to greater cooperation", "Rotterdam, Guangzhou ports sign sister deal"), or the line of a list of ties
    ("Albany and Tomioka, Gunma / Signed: 2001"), when the parse read the second as locating the first or found
    no verb: two parties of different countries, where one cannot lie in the other."""
    if len(parties) != 2 or text[:parties[0]["start"]].strip() \
            or text[parties[0]["end"]:parties[1]["start"]] not in (", ", " and "):
        return []
    a, b = parties
    countries = {p.get("country") for p in parties}
    return [(a, b)] if len(countries) == 2 and None not in countries else []


_WITH_GAP = re.compile(r"^\s+with\s+(?:both\s+)?(?:the\s+)?$")
_WITH_ITEM_BEFORE = re.compile(r"(?:\bincluding|\bsuch\s+as|\blike|[,:;]|,?\s+and)\s+(?:the\s+)?$")
_LOCATOR_TYPES = frozenset(("country", "continent", "region"))
_IN_AFTER = re.compile(r"\s+in\s")
_AND_GAP = re.compile(r"^\s+and\s+(?:the\s+)?$")
_AND_ITEM_BEFORE = re.compile(r"(?:\bincluding|\bsuch\s+as|\bnotably|\bnamely|\bpairs?\s+of|[,:;]|,\s+and)\s+(?:of\s+)?"
                              r"(?:the\s+)?(?-i:[A-Z]{2,4}\s+)?$")  # "notably DKI Jakarta and New South Wales"
_AND_ITEMS_OPEN = re.compile(r"(?:\bincluding|\bsuch\s+as|\bnotably|\bnamely|\bpairs?\s+of|:)\s+(?:of\s+)?(?:the\s+)?"
                             r"(?-i:[A-Z]{2,4}\s+)?$")


def _couples(parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """The items of a list of two or more couples "A and B", opened by "notably", "including", "the pair of"
    ("notably Jakarta and New South Wales, East Java and Western Australia"), or none."""
    at = [i for i, (a, b) in enumerate(zip(parties, parties[1:]))
          if _AND_GAP.match(text[a["end"]:b["start"]])
          and _AND_ITEM_BEFORE.search(text, max(0, a["start"] - 16), a["start"])
          and not _IN_AFTER.match(text, b["end"])]  # "Tainan and Taipei in Taiwan" are two items of a list
    if len(at) < 2 or not _AND_ITEMS_OPEN.search(text, max(0, parties[at[0]]["start"] - 16), parties[at[0]]["start"]):
        return []
    if any(j - i > 3 or any(p.get("type") not in _LOCATOR_TYPES for p in parties[i + 2:j]) for i, j in zip(at, at[1:])):
        return []  # only the country or region of a couple may come between two couples: the list is all couples
    return [(parties[i], parties[i + 1]) for i in at]


_ITINERARY = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+(?:\w+\s+){0,2}?(?:mission|delegation|trip|tour|"
                        r"itinerary|visit)\s+(?:will\s+|would\s+)?(?:also\s+)?(?:include[sd]?|take[sn]?\s+in|took\s+in|"
                        r"cover(?:s|ed)?)\s+(?:\w+\s+){0,2}?(?:visits?|stops?|calls?)\s+(?:to|in|at)\s+")


def _itinerary(parties: list[dict], text: str, traveller: dict | None) -> list[tuple[dict, dict]]:
    """"The mission will include visits to Shanghai, Beijing, Hong Kong, and Zibo": the places of the list right
    after the words, each visited by the party whose delegation or trip the story tells (`traveller`: the
    delegation named last, else the story's main party); nothing when there is no such party or it is listed."""
    m = _ITINERARY.search(text)
    if m is None or traveller is None:
        return []
    listed = next((g for g in _listed(parties, text) if g[0]["start"] == m.end()), None)
    if listed is None:
        first = next((p for p in parties if p["start"] == m.end() and p["label"] == "PLACE"), None)
        listed = [first] if first is not None else []
    names = {p["canonical"] for p in listed}
    if traveller["canonical"] in names:
        return []
    return [(traveller, p) for p in listed if p["label"] == "PLACE" and not syntax.contains(p, traveller)]


def _with_paired_items(found: list[tuple[dict, dict]], parties: list[dict], text: str) -> list[tuple[dict, dict]]:
    """A list whose items are pairs, "including Kerala with Hyogo, Assam with Kyoto and Punjab with Saitama"
    (two items or more), or "notably Jakarta and New South Wales, East Java and Western Australia" (two items
    or more, the first after "notably", "including", "the pair of"): each item is a pair, and no party pairs
    with another item's."""
    items = [(a, b) for a, b in zip(parties, parties[1:])
             if _WITH_GAP.match(text[a["end"]:b["start"]])
             and _WITH_ITEM_BEFORE.search(text, max(0, a["start"] - 16), a["start"])]
    items = (items if len(items) > 1 else []) + _couples(parties, text)
    if not items:
        return found
    item_of = {p["canonical"]: k for k, item in enumerate(items) for p in item}
    out = [(a, b) for a, b in found if item_of.get(a["canonical"], -1) == item_of.get(b["canonical"], -1)
           or a["canonical"] not in item_of or b["canonical"] not in item_of]
    return _with_new_pairs(out, items)


def _parsed_pairs(sentences: pd.DataFrame, entities: pd.DataFrame, by_doc: dict[str, list[dict]], anchors: dict,
                  cues, progress: bool) -> list[dict]:
    """PAIR_COLUMNS rows of the relations read from the dependency parse of each cue sentence (English);
    `by_doc` is `entities` by document (_mentions_by_doc)."""
    homes = _home_countries(sentences, by_doc)
    people = _people(sentences, by_doc, homes)
    heres = _dateline_places(sentences)
    candidates = _candidates(sentences, by_doc, people, cues, progress, heres)
    named_people = _people_named(sentences, people, {sent.doc_id for sent, *_ in candidates}, by_doc)
    lead = _lead_mentions(sentences, entities, {sent.doc_id for sent, *_ in candidates})
    main, main_org, local = _main_parties(lead), _main_organisations(lead), _main_local_places(lead)
    main.update(_dateline_governments(sentences, heres))
    openers = _opening_parties(sentences, by_doc, {(sent.doc_id, sent.sent_id - 1) for sent, *_ in candidates
                                                   if _IT.search(sent.text)})
    delegations = _delegations_sent(sentences, by_doc, {sent.doc_id for sent, *_ in candidates
                                                        if _THE_DELEGATION.search(sent.text)})
    holders = _tie_holders(sentences, by_doc, {(sent.doc_id, sent.sent_id - 1) for sent, *_ in candidates
                                               if _TIES_LISTED.search(sent.text)})
    parsed = syntax.parse([_sentence_cased(_plain(body), parties, people.get(sent.doc_id))
                           for sent, _, body, parties, _, _ in candidates])
    municipal = _municipal_documents(sentences, {sent.doc_id for sent, *_ in candidates})
    rows = []
    hosts: dict[tuple[str, str], dict] = {}  # (doc_id, visitor) -> whom its last visit went to
    for (sent, _, body, parties, cue, spans), doc in zip(candidates, parsed):
        visitor = _last_delegation(sent, delegations.get(sent.doc_id, ()))
        found = syntax.relations(doc, parties, spans, main.get(sent.doc_id), people.get(sent.doc_id),
                                 main_org.get(sent.doc_id), homes.get(sent.doc_id),
                                 _last_named(sent, named_people.get(sent.doc_id, ())), heres.get(sent.doc_id),
                                 it=openers.get((sent.doc_id, sent.sent_id - 1)), local=local.get(sent.doc_id),
                                 visitor=visitor)
        strained = syntax.strains_a_tie(doc)  # "the tense relations between Budapest and Kyiv"
        found = _with_listed_ties(found if strained else _with_between_pairs(found, parties, body), parties, body,
                                  holders.get((sent.doc_id, sent.sent_id - 1)))
        found = _with_paired_items(_with_apposed_tie(_with_ties_of(found, parties, body), parties, body), parties, body)
        if not found and not strained and not syntax.ends_a_tie(doc):  # "Prague ended its sister agreement with ..."
            found = _the_two_places(parties, people.get(sent.doc_id), body) \
                or _itinerary(parties, body, visitor or main.get(sent.doc_id)) or _comma_couple(parties, body) \
                or _each_other(parties, body)
        found = _star_over_listed(_not_among_listed(found, parties, body), parties, body)
        found = _hyphen_couples(_respective_pairs(found, parties, body), parties, body)
        found = _without_middle_locators(found, parties, body)
        if cue[0] == "membership" and _MEMBERS_OF.search(body):
            found = _without_people_members(found, body)
        if not found:
            continue
        if cue[0] != "twinning" and sent.doc_id not in municipal:
            named = {r["canonical"] for r in by_doc.get(sent.doc_id, ())}
            found = _country_level(found, named, {p["canonical"] for p in parties})
        found = [(a, b) for a, b in found if not _continent_and_town(a, b) and not _continent_and_town(b, a)
                 and not syntax.contains(a, b) and not syntax.contains(b, a)]  # whoever "he" was: Sochi, Russia
        found = _without_local_level_countries(_without_officials_countries(found, body), body)
        found = _nationalities_as_places(found, main.get(sent.doc_id), body)
        traveller = visitor or main.get(sent.doc_id)  # whom "the delegation" or "the group" stands for
        if traveller is not None:
            found = _members_with_host(found, traveller, hosts.get((sent.doc_id, traveller["canonical"])), body)
        if cue[0] == "visit":
            for a, b in found:
                hosts[(sent.doc_id, a["canonical"])], hosts[(sent.doc_id, b["canonical"])] = b, a
        sector, date = _sector(sent.text), _date(sent.text, anchors.get(sent.doc_id))
        rows.extend(_pair_row(sent, a, b, cue, sector, date) for a, b in found)
    return rows + _headline_pairs(sentences, by_doc, cues) + _pairs_with_places_counted(sentences, by_doc, cues, anchors) \
        + _listed_tie_lines(sentences, by_doc)


# "The visiting group comprises delegates of the SH Corporation, the Water Authority of Seoul ...": what a
# delegation the text named before is made of
_DELEGATION_MADE_OF = re.compile(
    r"\b(?:delegation|group|team|mission)\b[^.;]{0,20}?\b(?:comprises|comprised|includes|included|including|consists[ \t]+of|"
    r"consisted[ \t]+of|(?:is|was)[ \t]+made[ \t]+up[ \t]+of|(?:is|was)[ \t]+composed[ \t]+of)\b"
    r"(?![ \t]+(?:a[ \t]+)?(?:visits?|trips?|stops?|tours?)\b)",  # not "a mission to Asia, which included visits to"
    re.IGNORECASE)


def _members_with_host(found: list[tuple[dict, dict]], visitor: dict, host: dict | None,
                       text: str) -> list[tuple[dict, dict]]:
    """`found` with the members a sentence gives the visiting delegation ("The visiting group comprises
    delegates of the SH Corporation, the Water Authority of Seoul") paired with whom the delegation visits
    (`host`: the partner of the visitor's last visit), not with the visitor they travel with; as they are when
    the host is unknown (None: "The delegation included six officials from Laoshan who arrived in Columbia")."""
    made_of = _DELEGATION_MADE_OF.search(text)
    if made_of is not None:  # "has taken a delegation to Guangzhou, including ...": the host the sentence names
        named = next((b if a["canonical"] == visitor["canonical"] else a for a, b in found
                      if visitor["canonical"] in (a["canonical"], b["canonical"])
                      and max(a["start"], b["start"]) < made_of.end()), None)
        if named is None and made_of.group().lower().endswith("including"):
            return found  # "The delegation, including Mayor Joo, visited Lima": whom it includes, then where it went
        host = named or host
    if made_of is None or host is None:
        return found
    out = []
    for a, b in found:
        member = b if a["canonical"] == visitor["canonical"] else a if b["canonical"] == visitor["canonical"] else None
        if member is None or member["start"] < made_of.end():
            out.append((a, b))
        elif host["canonical"] != member["canonical"]:
            out.append((host, member))
    return out


_IT = re.compile(r"\b[Ii]ts?\b")
# a story of a town's own government: its mayor, its council, its municipality
_MUNICIPAL = re.compile(r"\b(?:[Mm]ayors?|[Cc]ity[ \t]+[Cc]ouncil|[Mm]unicipal(?:ity)?)\b")


def _municipal_documents(sentences: pd.DataFrame, docs: set) -> set:
    """The documents of `docs` that tell of a town's own government (a mayor, a city council): there a capital
    is the town, not its country's government ("Delegations between Wellington and China")."""
    chosen = sentences[sentences.doc_id.isin(docs)]
    return {doc_id for doc_id, texts in chosen.groupby("doc_id", sort=False).text
            if any(_MUNICIPAL.search(t) for t in texts)}
# "members of the Invercargill council", "joined by members of the Dunedin Chinese Gardens Trust": people who
# belong to a body, no party that joins one; unless a party of the pair is said to be one ("Spain is a member
# of the EC", "Mumbai, as a new member of ICLEI")
_MEMBERS_OF = re.compile(r"\bmembers\s+of\b", re.I)  # plural: "a member of ICLEI" is a party joining
_NAMES_BETWEEN = re.compile(r"\s*(?:the\s+)?(?:(?:[A-Z][\w'’.-]*|and|&|,)\s*)*$")


def _without_people_members(found: list[tuple[dict, dict]], text: str) -> list[tuple[dict, dict]]:
    """`found` without the pairs of a body whose "members of" the sentence names, people rather than a party
    ("a warm welcome from members of the Invercargill council", "joined by members of the Dunedin Chinese
    Gardens Trust and Dunedin Shanghai Association"), unless the other party of the pair is said to be one
    ("Spain is a member of the European Community")."""
    ends = [m.end() for m in _MEMBERS_OF.finditer(text)]

    def joined_by_people(p: dict) -> bool:
        return any(end <= p["start"] and _NAMES_BETWEEN.match(text[end:p["start"]]) for end in ends)

    return [(a, b) for a, b in found
            if not (joined_by_people(b) and not _IS_MEMBER_OF.match(text, a["end"])
                    or joined_by_people(a) and not _IS_MEMBER_OF.match(text, b["end"]))]


_CO_NAMES = r"(?:(?:and|&)\s+(?:the\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?:of\s+|the\s+)*(?-i:[A-Z])[\w'’.-]*)*\s*)?"
_IS_MEMBER_OF = re.compile(r"[\s,]*" + _CO_NAMES + r"(?:,\s*which\s+[^,;.]{1,80},\s*)?"
                           r"(?:(?:is|are|was|were|became|become|has(?:\s+long)?\s+been|have(?:\s+long)?\s+been|"
                           r"remains?|as|joins?|joined)\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?members?\s+of\b", re.I)
# "Spain is a member of", "Tripoli Municipality and the Al-Fayhaa Union of Municipalities, which ..., have long been
# active members of"
_THE_DELEGATION = re.compile(r"\b[Tt]he\s+(?:delegations?|group)\b")  # syntax.DELEGATION_WORDS
_DELEGATION_AFTER = re.compile(r"(?:['’]s?)?\s+(?:\([^()]{1,15}\)\s+)?(?:(?:[a-z][\w-]*|[A-Z][a-z]+)\s+){0,2}?"
                               r"delegations?\b")  # "Whanganui delegation", "Mayor Association (JNMA) trade delegation"
_DELEGATION_BEFORE = re.compile(r"\bdelegations?,?\s+(?:from|of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?(?:of\s+)?$")
# "a delegation from Kisumu", "The delegation, from the southeast coastal province of Zhejiang"
# "New Jersey, which ..., will send a high power delegation to India": the delegation New Jersey sends; "The
# Lord Mayor of Cork, Cllr. Kieran McCarthy, is leading a delegation to New York": the one its mayor leads
_DELEGATION_SENT_AFTER = re.compile(r"(?:,[^,;.]{1,120},|,[^,;]{1,40},)?\s+"
                                    r"(?:(?:will|would|is\s+to|plans\s+to|has|had|is|was|will\s+be)\s+)?"
                                    r"(?:send|sends|sent|sending|dispatch|dispatches|dispatched|"
                                    + "|".join(load_data_yaml("relations.yaml")[0]["leading_verbs"].split())
                                    + r")\s+(?:a|an|its|the)\s+"
                                    r"(?:[\w-]+\s+){0,3}?delegations?\b")


def _delegations_sent(sentences: pd.DataFrame, by_doc: dict[str, list[dict]], docs: set) -> dict[str, list]:
    """doc_id -> (offset, party) of each delegation the text names with whom it comes from, in text order
    ("the 11th Japan National Mayor Association (JNMA) delegation", "a delegation from Kisumu"): what "the
    delegation" of a later sentence stands for, rather than the story's main party, often its host."""
    out: dict[str, list] = {}
    for doc_id, doc in sentences[sentences.doc_id.isin(docs & set(by_doc))].groupby("doc_id", sort=False):
        rows = by_doc[doc_id]
        starts = [r["start"] for r in rows]
        found = [(sent.start + r["start"], r) for sent in doc.itertuples(index=False)
                 for r in _mentions_inside(sent, rows, starts)
                 if _DELEGATION_AFTER.match(sent.text, r["end"]) or _DELEGATION_SENT_AFTER.match(sent.text, r["end"])
                 or _DELEGATION_BEFORE.search(sent.text, max(0, r["start"] - 80), r["start"])]
        if found:
            out[doc_id] = found
    return out


def _last_delegation(sent, sent_by: list) -> dict | None:
    """The party of the delegation named last before the sentence, or None."""
    before = [party for offset, party in sent_by if offset < sent.start]
    return before[-1] if before else None


def _keyed_sentences(sentences: pd.DataFrame, keys: set):
    """The sentences whose (doc_id, sent_id) is in `keys`, as rows, in the frame's order."""
    if not keys:
        return iter(())
    return sentences[[k in keys for k in zip(sentences["doc_id"], sentences["sent_id"])]].itertuples(index=False)


def _opening_parties(sentences: pd.DataFrame, by_doc: dict[str, list[dict]], keys: set) -> dict[tuple, dict]:
    """(doc_id, sent_id) -> the place that opens the sentence as its subject, for `keys`: what "it" in the next
    sentence stands for ("Cincinnati signed ... in 1994. Currently, it has eight sister cities, which include
    ..."). A sentence opening with anything else (a date, a person, a company, whose "it" the main
    organisation decides, "Lyon and Nanjing") or a place not followed by a verb (data/relations.yaml
    subject_verbs: not "Cincinnati's mayor", "Lyon, France,", "The US firm") opens with no place."""
    out: dict[tuple, dict] = {}
    for sent in _keyed_sentences(sentences, keys):
        body = sent.text[_dateline_end(sent.text):]
        opening = sent.end - len(body.lstrip())
        first = next((r for r in by_doc.get(sent.doc_id, ()) if r["start"] == opening), None)
        if first is not None and first["label"] == "PLACE" and _known_party(first) \
                and _SUBJECT_NEXT.match(sent.text, first["end"] - sent.start):
            out[(sent.doc_id, sent.sent_id)] = first
    return out


_HAS_TIES = re.compile(r"\s+(?:now\s+|currently\s+|also\s+)?(?:has|have|boasts|maintains)\s+(?:over\s+|more\s+than\s+|"
                       r"about\s+|around\s+|some\s+|nearly\s+|almost\s+)?(?:\d+|two|three|four|five|six|seven|eight|"
                       r"nine|ten|eleven|twelve|several|many|a\s+number\s+of)\s+(?:international\s+|foreign\s+|other\s+)?"
                       r"(?:sister|twin|partner|friendship)[ -](?:cities|towns|provinces|states|regions|municipalities|"
                       r"(?:city|town)[ -](?:relationships|relations|ties|partnerships))\b")  # "five sister-city ties"


def _tie_holders(sentences: pd.DataFrame, by_doc: dict[str, list[dict]], keys: set) -> dict[tuple, dict]:
    """(doc_id, sent_id) -> the place that, in that sentence, "has over 20 sister cities", for `keys`: whose
    partners a list in the next sentence names ("Davao City has over 20 sister cities. International partners
    include Bitung in Indonesia, Tacoma in the USA ...")."""
    out: dict[tuple, dict] = {}
    for sent in _keyed_sentences(sentences, keys):
        rows = by_doc.get(sent.doc_id, ())
        holder = next((r for r in _mentions_inside(sent, rows, [r["start"] for r in rows])
                       if r["label"] == "PLACE" and _HAS_TIES.match(sent.text, r["end"])), None)
        if holder is not None:
            out[(sent.doc_id, sent.sent_id)] = holder
    return out


_SUBJECT_NEXT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:"
                           + "|".join(load_data_yaml("relations.yaml")[0]["subject_verbs"].split()) + r")\b")


def extract_pairs(corpus, *, entities: pd.DataFrame | None = None, registry=None, cues: str | Path | None = None,
                  progress: bool = False) -> pd.DataFrame:
    """Cooperation pairs of every sentence of a Corpus (PAIR_COLUMNS), in document and sentence order."""
    if entities is None:
        entities = extract_entities(corpus, registry=registry, progress=progress)
    anchors = dict(zip(corpus.documents["doc_id"], corpus.documents["date"]))
    languages = dict(zip(corpus.documents["doc_id"], corpus.documents["language"])) \
        if "language" in corpus.documents else None
    return pairs_in_sentences(corpus.sentences, entities, anchors=anchors, cues=cues, progress=progress,
                              languages=languages)


def sentence_spans(text: str) -> pd.DataFrame:
    """Sentences of one text (doc_id '', sent_id, start, end, text) with the corpus sentence splitter."""
    spans = SentenceSplitter.for_texts([text]).spans(text)
    return pd.DataFrame([{"doc_id": "", "sent_id": i, "start": s, "end": e, "text": text[s:e]}
                         for i, (s, e) in enumerate(spans)], columns=["doc_id", "sent_id", "start", "end", "text"])


def pairs_in_text(text: str, *, anchor: str | None = None, registry=None, cues: str | Path | None = None,
                  language: str | None = None) -> pd.DataFrame:
    """Cooperation pairs of one text (PAIR_COLUMNS; doc_id is ''); `language` 'zh' or 'fr' for Chinese or
    French text."""
    entities = entities_in_text(text, registry=registry, language=language).assign(doc_id="")
    return pairs_in_sentences(sentence_spans(text), entities, anchors={"": anchor}, cues=cues,
                              languages={"": language})


def pair_counts(pairs: pd.DataFrame) -> pd.DataFrame:
    """Unordered partner pairs with the number of sentences and documents linking them, most first."""
    if pairs.empty:
        return pd.DataFrame(columns=["a", "b", "sentences", "documents", "types"])
    ordered = pairs.assign(x=pairs[["a", "b"]].min(axis=1), y=pairs[["a", "b"]].max(axis=1))
    table = ordered.groupby(["x", "y"]).agg(sentences=("sent_id", "size"), documents=("doc_id", "nunique"),
                                           types=("type", lambda s: sorted(set(s)))).reset_index()
    table = table.rename(columns={"x": "a", "y": "b"})
    return table.sort_values(["sentences", "documents", "a", "b"], ascending=[False, False, True, True]).reset_index(drop=True)
