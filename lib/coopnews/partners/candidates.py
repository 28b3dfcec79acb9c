"""Candidate spans of organisations and places in one text, before classify() makes mentions of them.

spaCy's spans (cut at line breaks, split where they join two names, completed where they cut one), rule
chunks of capitalised words, gazetteer and registry matches, and the shapes this genre names bodies and
places with ("Invest Hong Kong", "Port of Busan", "the Hungarian city of Dunakeszi", "Busan Metropolitan
City"); the spans of persons, which name no organisation or place. coopnews.partners.entities classifies
and cleans them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_data_yaml, one_of
from ..timeline.timex.lexicon import MONTHS, WEEKDAYS
from .gazetteer import (_CJK_CHAR, _DIRECTION_WORDS, _PARTICLE_NAME, _SAINT_WORDS, _gazetteer_entry, _small_town,
                        lookup_place)
from .mention import (_CLOSING_ONLY_HEADS, _NON_SPACE, _NOT_OPENING_A_NAME, _TAIL_CONNECTOR, HEAD_TYPE, LEGAL_FORMS,
                      Mention, _words, org_type)
from .persons import (_PERSON_TITLE_HEADS, REPRESENTATIVE_WORDS, TITLE_GRADE_WORDS, TITLE_HEADS, TITLE_WORDS,
                      _body_before_person)
from .registry import Registry, _demonym_keys, as_registry, normalise_name

SPACY_LABELS = {"ORG", "GPE", "LOC", "NORP", "FAC", "PERSON", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
_LEXICON, _ = load_data_yaml("entities.yaml")  # data/entities.yaml: the words below, editable


# --- lexicons of this genre (read and compiled once) ----------------------------------------------
EVENT_HEADS = frozenset(_LEXICON["event_heads"].split())


_TITLE_PREFIX = re.compile(
    rf"^(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:{TITLE_WORDS}\s+)*(?:{TITLE_HEADS}|General(?=\s+of\s)"
    rf"|{TITLE_WORDS}-(?i:{one_of(_PERSON_TITLE_HEADS)})\b)(?!['’])"  # "Vice-governor"
    rf"(?:\s+(?:of|at|for)\s+(?:the\s+)?)?\s*")  # "General of the X": the end of "Director-General of the X"
# what a title holder has, unnamed ("the Mayor's Office", "the Consul General's Commendation"): no organisation
_TITLE_HOLDERS_THING = re.compile(
    rf"^(?:{TITLE_WORDS}\s+)*(?:{one_of(_PERSON_TITLE_HEADS)})['’]s(?:[ \t]+[A-Z][\w-]*){{1,2}}$")
# a person's name written with its initials glued to it, after the body or place it serves ("Ulaanbaatar E.Bat-Uul",
# "the Energy Committee of Novosibirsk M.A.Grekhov"): the body or place ("Martin T. Sosnoff" is one person)
_INITIALLED_NAME_TAIL = re.compile(r"(?<=\w)[ \t]+(?:[A-Z]\.){1,3}[A-Z][a-z][\w'’-]*$")
# a body's officer after its possessive ("Fingal County Council’s Interim Chief Executive"): the body
_OFFICER_TAIL = re.compile(rf"['’]s(?:[ \t]+{TITLE_WORDS})*[ \t]+(?:{one_of(_PERSON_TITLE_HEADS)})$")


_ADJECTIVE = re.compile(r"(?:ic|ical|ial|ural|onal|ese|ish|ive)$")
_COMMON_WORDS = frozenset(_LEXICON["not_places"].split())  # big cities' names that are common words


_DEMONYM_WORDS = frozenset(_LEXICON["nationality_words"].split())


_DESCRIBED = re.compile(rf"\b(?P<kind>{one_of(_LEXICON['described_by'].split())})(?:[ \t]+|[ \t]*\n+(?![ \t]))"
                        r"((?:[A-Z]|\d+[a-zA-Z])[\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3})")  # "firm 3ami"
_ACRONYM_DESCRIBED = re.compile(r"\b([A-Z][A-Z&]{1,7})\s+(?:[a-z][a-z-]+\s+){0,4}"
                                rf"({one_of(_LEXICON['acronym_described_by'].split())})\b")
_APPOSED = re.compile(  # "Gazprom, the state gas firm", "Surgutneftegas, Russia's fourth-biggest oil producer"
    r"(?<![\w'’-])([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3})(?:,[ \t]+|[ \t]+is[ \t]+)"
    r"(?:a|an|the|[A-Z][a-z]+['’]s)[ \t]+(?:[\w-]+[ \t]+){0,4}?"
    rf"({one_of(_LEXICON['described_by'].split())})"
    r"(?=[ \t]*[,.;:)]|[ \t]+(?:of|which|that|whose|in|based|with|and|to|for|since|owned|controlled)\b)")
_MEDIA_TAIL = re.compile(rf"[ \t]+(?:{one_of(_LEXICON['media_described_by'])})$")
# a picture's credit run on after a name: "Exmouth Twinning Association - Credit: ...", "Dinan | Photo: ..."
_CREDIT_TAIL = re.compile(r"[ \t]*[-–—|][ \t]*(?:Credit|Credits|Photo|Photos|Picture|Pictures|Image|Source)"
                          r"(?:[ \t]*:.*)?$")
_MEDIA_DESCRIBED = re.compile(rf"\b((?:[A-Z][\w'’]*[ \t]+){{0,2}}[A-Z][a-z]+[A-Za-z]*)[ \t\n]+"
                              rf"(?:{one_of(_LEXICON['media_described_by'])})\b")
_BRACKETED = re.compile(r"<(?![A-Z0-9.&-]{1,10}>)([A-Z][^<>\n]{1,80}?)>")  # wire style "<Burnham Leasing>" (not a ticker)


_COUNTRY_OWNS = re.compile(r"\b([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)['’]s[ \t]+([A-Z][a-z]+[A-Za-z]*)(?=[ \t]+[a-z]|[.,;])")


_NAME_WORDS, _ = load_data_yaml("names.yaml")
_NOT_NAMES = frozenset(w.lower() for w in _NAME_WORDS["leading_words"].split() + _NAME_WORDS["never_in_names"].split()
                       + ["previously", "meanwhile", "however", "separately", "instead", "also", "still", "earlier",
                          "later", "yesterday", "today"])
NOT_NAME_WORDS = _NOT_NAMES  # for coopnews.partners.relations


_NOT_NAMES_CAPITALISED = frozenset(_NAME_WORDS["leading_words"].split())  # "With", "The": a headline's words


_FIELD_WORDS = frozenset(_LEXICON["field_words"].split())  # "Media", "Trade": fields of work
_FIELD_PAIRS = frozenset(" ".join(p.split(" and ")) for p in _NAME_WORDS["field_pairs"])  # "Science Technology"
# Words capitalised only because they open a sentence ("In 2002 S&N", "And the Regent Street Association").
_OPENING = re.compile(rf"^(?:(?:{one_of(_NAME_WORDS['leading_words'].split())}|Previously|Meanwhile|However)"
                      r"\s+(?:(?:19|20)\d\d,?\s+)?(?:the\s+)?)+")


_PEOPLE_OF = re.compile(rf"^(?:{one_of(_LEXICON['people_of_words'].split())})\s+(?:of|from|at)\s+(?:the\s+)?")
_TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:of|and|for|the|de|du|des|in|at|&))+$|\s+for\s+\d[\d,.]*$"  # "... PLC for 1"
                                 r"|\s+and\s+(?:Mr|Mrs|Ms|Dr|Prof)\.?$")  # "... Office of Tourism and Mr. Alexander"


_THE = re.compile(r"^(?:the|The|THE|a|an)\s+|^of\s+(?:the\s+)?(?=[A-Z])")  # "Eurocities and of NATO": NATO
_GERUND_LEAD = re.compile(r"^[A-Z][a-z]+ing[ \t]+the[ \t]+(?=[A-Z])"  # "Addressing the Kumasi Metropolitan Assembly"
                          r"|^(?:Representing|Welcoming|Addressing|Visiting|Thanking|Accompanying|Joining)[ \t]+(?=[A-Z])")


# "the Perth company Offshore Staff Solutions", "Shenzhen firm Kaifa": a place, a kind of business, then the name
_PLACE_KIND_LEAD = re.compile(rf"^([A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*)?)[ \t]+"
                              rf"(?:{one_of(_LEXICON['described_by'].split())})[ \t]+(?=[A-Z])")
_BASED_PREFIX = re.compile(r"^[A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*)?-based[ \t]+(?=[A-Z])")  # "London-based Vodafone"
_TRAIL = re.compile(r"(?:['’][sS]|['’])(?:[ \t]+\d+(?:st|nd|rd|th))?$"  # "Curitiba’s 16th (sister city)"
                    r"|[ \t]+(?:Mr|Mrs|Ms|Dr)\.?$")  # "... Legislative Assembly Mr. Chris Holden": a person's honorific
_DASH_ARTICLE_TAIL = re.compile(r"[ \t]+[-—–]{1,2}[ \t]+(?:The|A|An)$")
# the first words of a title the name runs into ("Hamburg First| Mayor Olaf Scholz", "Lyon Deputy| Mayor")
_TITLE_WORDS_TAIL = re.compile(rf"(?:[ \t]+{TITLE_WORDS})+$")
_TITLE_HEAD_AFTER = re.compile(rf"[ \t]+(?:{one_of(_PERSON_TITLE_HEADS)})\b")


def _dateline_dash_tail(s: str) -> re.Match | None:
    """The dash and article after a dateline's place that spaCy ran into the story's first words ("PRAGUE, Czech
    Republic - The city of ..."): a known place, then the dash."""
    m = _DASH_ARTICLE_TAIL.search(s)
    return m if m and lookup_place(s[:m.start()]) is not None else None


# a day the tagger ran into the name ("the Chinese City of Changchun on Friday December 12")
_DATE_TAIL = re.compile(rf"[ \t]+(?:on|in)[ \t]+(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+)?"
                        rf"(?:{one_of([w.capitalize() for w in (*WEEKDAYS, *MONTHS)])})\b.*$", re.DOTALL)
# ... "the Municipality of Krakow on 28 September"; a date the tagger ran into a name's start ("On the June 14 2007
# the Chinese Municipality of Chongqing")
_DATE_LEAD = re.compile(rf"(?:(?:{one_of([w.capitalize() for w in MONTHS])})\.?"
                        rf"(?:[ \t]+\d{{1,2}}(?:st|nd|rd|th)?|(?=[ \t]+(?:19|20)\d\d))|"  # "September 2019 Vice-"
                        rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{one_of([w.capitalize() for w in MONTHS])}))"
                        r",?(?:[ \t]+\d{4})?,?[ \t]+(?:the[ \t]+)?(?=[A-Z])")
# a verb of a headline in title case glued to the name before it, and what follows ("Zhou Hanmin Met",
# "University of Zaragoza Visited NanjingTech")
_HEADLINE_VERB = re.compile(rf"[ \t]+(?:{one_of(_LEXICON['headline_verbs'].split())})(?:[ \t].*)?$", re.DOTALL)
_WEB_LINE = re.compile(r"\n[ \t]*(?:Home\b|[^\n]*[>|])[^\n]*$", re.DOTALL)  # "... Cities\nHome > News": a breadcrumb
_EDGE_PUNCT = " \t\n.,;:!?\"“”‘'’()[]{}«»—–-<>•·*"
# a dateline's place or agency in capitals glued to the name after a dash ("HARBIN-The West Java Provincial
# Government", "KAZINFORM The Akimat of Akmola region", "HCM CITY — Representatives", "OSAKA--Osaka Mayor"; not
# "US-China Business Council")
_CAPITALS_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z'’.]+(?:[ \t][A-Z][A-Z'’.]+)*(?:[ \t]*[-—–:]?[ \t]*(?=The[ \t])|"
                                     r"[ \t]+[-—–:][ \t]+(?=[A-Z])|[ \t]*(?:--|—)[ \t]*(?=[A-Z]))")
# places, one or more with slashes, then a colon: a dateline ("Hyderabad/New Delhi: The Government of ..."); also
# read by coopnews.partners.relations, which checks that the places are known
COLON_DATELINE = re.compile(r"^\s*(?P<places>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}(?:[ \t]*/[ \t]*[A-Z][\w.'’-]*"
                            r"(?:[ \t]+[A-Z][\w.'’-]*){0,2})*)[ \t]*:[ \t]+(?=[A-Z])")


_ALPHA_WORD = (rf"(?:(?:{one_of(_NAME_WORDS['possessive_name_words'].split())})['’]s(?=[ \t]+[A-Z])"
               r"|(?:(?<=St )|(?<=St\. )|(?<=Saint ))[A-Z][a-z]+['’]s(?=[ \t]+[A-Z])"
               r"|(?:Co|Inc|Ltd|Corp|Bros|St)\.|(?:(?!U\.S\.|U\.K\.)[A-Z]\.){1,3}(?=[ \t]+[A-Z][a-z])"
               r"|[A-Z\u00C0-\u00DE](?:[\w\u00C0-\u024F&]|\.(?=[A-Za-z])"
               r"|['’‘](?!s\b)(?=\w))*(?:[-–‐][A-Za-z\u00C0-\u024F0-9][\w\u00C0-\u024F]*)*|[A-Z]{2,}\d*)")
_NUM_WORD = r"\d+(?:st|nd|rd|th)?"
_CONNECTOR = r"(?:of|and|&|for|de|du|des|da|do|dos|das|la|le|d'|on|the|für|et)"
_PAREN = r"\([A-Z][\w \-–]{1,40}\)(?=[ \t]+[A-Z])"
_CHUNK = re.compile(rf"(?<![\w'’]){_ALPHA_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*(?:{_ALPHA_WORD}|{_NUM_WORD}|{_PAREN}))*"
                    r"(?:[ \t]+plc\b)?")  # "Rothmans International plc": the one legal form written in lower case
_INVESTMENT_AGENCY = re.compile(r"(?<![\w-])Invest(?:[ \t]+in)?[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)")


_LEAD_CHARS = 400  # a story's headline, dateline and first sentence
_INITIALS_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")
_COUNTRY_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}(?!\w)|(?<![\w.-])[A-Z]{2,3}(?![\w.-])")  # U.S., UK


_DASH_ACRONYM_TAIL = re.compile(r"[ \t]+-[ \t]+[A-Z][A-Z&]{1,9}$")
_NATIONAL_BODY = re.compile(rf"\b([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)[ \t]+(?:{one_of(sorted(_CLOSING_ONLY_HEADS))})\b")
_AND_SPLIT = re.compile(r"\s+(?:and|&)\s+")
_PARTS_SPLIT = re.compile(r"\s+(?:and|&|in)\s+")
_COMPOUND_PART = r"(?:[A-Z](?:[a-zé]+|[A-Z]{1,2})|(?:[A-Z]\.){2,3})"  # "Morocco", "USA", "U.S."
# "Morocco-USA", "U.S.-China"
_COMPOUND = re.compile(rf"(?<![\w.-]){_COMPOUND_PART}(?:[-–]{_COMPOUND_PART})+(?![\w-])")
_LIST_AND = re.compile(r"^\s+(?:and|&)\s+(?:the\s+)?$")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|as well as\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?|\s*&\s*)$")
_ORDINAL_OR_BRACKETED = re.compile(r"\d+(?:st|nd|rd|th)?|\(.*\)")
_ORDINAL_OR_YEAR = re.compile(r"\d+(?:st|nd|rd|th)?|20\d\d|19\d\d")


_AND_SEPARATOR = re.compile(r"[ \t]+(?:and|&)[ \t]+(the[ \t]+)?")
_OF_SEPARATOR = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
_DASH = re.compile(r"([-–])")
_LIST_ITEM = re.compile(r"\S(?:.*?\S)?(?=[ \t]+(?:and|&)[ \t]+|$)")
_LEADING_AND = re.compile(r"(?:(?:and|&)[ \t]+)?")
_CAPITALISED_WORDS = re.compile(r"[A-Z][\w\u00C0-\u024F'’-]+(?:[ \t]+[A-Z][\w\u00C0-\u024F'’-]+)?")


_REPRESENTATIVE = re.compile(rf"^\s+(?-i:[A-Z][\w-]+\s+|(?:and|or|{one_of(sorted(TITLE_GRADE_WORDS))})\s+){{0,3}}?"
                             rf"(?:{one_of(_LEXICON['representative_words'].split())})\b",
                             re.IGNORECASE)  # "Yugoslav Finance Minister", "Japanese and British officials"; not "the Mexican state as both governments"


# "west London", "north west London": a lower-case compass word locates inside the place; the name is the rest
_LOWER_DIRECTION = re.compile(rf"^(?:(?:{one_of(sorted({w.lower() for w in _DIRECTION_WORDS if w[0] in 'NSEWC'}, key=len, reverse=True))})\s+)+(?=[A-Z])")


_LOWER_LEAD = re.compile(r"^[a-z][\w-]*(?:[ \t]+[a-z][\w-]*)*[ \t]+[-–—][ \t]+(?=[A-Z])")  # "arm - Acme Wines"


@dataclass
class Candidate:
    """One proposed span before the clean-up."""

    start: int
    end: int
    source: str  # registry | rule | spacy | split | list | described | gazetteer
    spacy_label: str = ""
    hint: str = ""  # for 'described': the noun naming the kind of organisation


_TOKEN = re.compile(r"\w+|[^\w\s]")
_TOKEN_FOLD = str.maketrans({"’": "'", "‘": "'", "–": "-", "‐": "-", "—": "-"})


def _fold(token: str) -> str:
    return token.translate(_TOKEN_FOLD).casefold()


@lru_cache(maxsize=8)
def _alias_index(registry: Registry) -> tuple[dict, re.Pattern | None]:
    """First token (folded) -> [(folded tokens, exact tokens, case-sensitive)], longest first; plus a regex
    for aliases in Chinese characters."""
    index: dict[str, list] = {}
    cjk = []
    for alias in registry.aliases():
        if _CJK_CHAR.search(alias):
            cjk.append(re.escape(alias))
            continue
        tokens = _TOKEN.findall(alias)
        if tokens:
            folded = tuple(_fold(t) for t in tokens)
            index.setdefault(folded[0], []).append((folded, tuple(tokens), len(alias) < 4))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index, (re.compile("|".join(cjk)) if cjk else None)


def _registry_matches(text: str, registry: Registry) -> list[tuple[int, int]]:
    """Spans of registry names and aliases in `text` (case-insensitive for names of 4+ characters)."""
    index, cjk = _alias_index(registry)
    tokens = list(_TOKEN.finditer(text))
    folded = [_fold(t.group()) for t in tokens]
    spans, i = [], 0
    while i < len(tokens):
        hit = None
        for alias_folded, alias_exact, exact in index.get(folded[i], ()):
            n = len(alias_folded)
            if tuple(folded[i:i + n]) != alias_folded:
                continue
            if exact and tuple(t.group() for t in tokens[i:i + n]) != alias_exact:
                continue
            if any(tokens[j + 1].start() - tokens[j].end() > 3 for j in range(i, i + n - 1)):
                continue
            hit = n
            break
        if hit:
            spans.append((tokens[i].start(), tokens[i + hit - 1].end()))
            i += hit
        else:
            i += 1
    if cjk is not None:
        spans.extend((m.start(), m.end()) for m in cjk.finditer(text))
    return spans


# --- a span's edges (titles, dates, datelines, possessives: classify() strips them too) -------------
_ORDINAL_LEAD = re.compile(r"\d{1,3}(?:st|nd|rd|th)[ \t]+(?=[A-Z])")  # "the 11th Japan National Mayor Association"


# a place's possessive before a body's name of two words or more ("China’s National Development and Reform
# Commission", "Italy’s Department for Development Policies"): the body is named without its place
_PLACE_POSSESSIVE_LEAD = re.compile(  # "Lyon's", "Republic of Korea's"
    r"([A-Z][\w.-]*(?:[ \t](?:of[ \t](?:the[ \t])?)?[A-Z][\w.-]*){0,2})['’]s[ \t]+(?=[A-Z][\w-]*[ \t]+\S)")


# a credit's or a press release's label before a name: "[Photo/Xiamen Daily]", "Media Contact Barbara ...",
# "Copyright © The X"
_CREDIT_LEAD = re.compile(r"(?:Photos?|Image|Source)/(?=[A-Z])|(?:Media|Press|News)[ \t]+"
                          r"(?:Release|Contacts?|Enquiries)[ \t:]+"
                          r"|Copyright[ \t]*(?:©|\(c\))?[ \t]*(?:(?:19|20)\d\d[ \t]*)?(?=[A-Z])"
                          r"|(?:Credit|Photo|Picture|Image|Source)s?[ \t]*:[ \t]*(?=[A-Z])")  # "Credit: Exmouth ..."
_AND_WORD_TAIL = re.compile(r"[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+)$")
_POSSESSIVE_WORD_TAIL = re.compile(r"['’]s[ \t]+([A-Z][\w-]*)$")


def _nationality_tail(s: str) -> re.Match | None:
    """The match of a nationality closing a span after "and" ("the Chinese Municipality of Chongqing and Norwegian
    county Sør-Trøndelag": the tagger stops at "Norwegian") or after a possessive ("Metzingen’s Hungarian twin
    town": the tagger takes the owner and the nationality for one name), else None."""
    for tail in (_AND_WORD_TAIL, _POSSESSIVE_WORD_TAIL):
        m = tail.search(s)
        if m and normalise_name(m.group(1)) in _demonym_keys(as_registry(None)):
            return m
    return None


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without a leading 'the', a date ("June 14 2007 the"), an ordinal ("11th"), titles, a place it is based
    in ("London-based"), the people of a body ("Officials of the"), a dateline in capitals ("HARBIN-The"), a
    credit's label ("Photo/"), a trailing possessive, date, "and" and a nationality or a possessive and a nationality
    ("Metzingen’s Hungarian"), a wire's acronym (" - IRI"),
    an unclosed bracket, a bracketed label's end or edge punctuation (bullets too)."""
    s = text[start:end]
    for _ in range(3):
        before = s
        closed = s.find("]")
        if 0 <= closed < len(s) - 1 and "[" not in s[:closed]:  # "Culture and Education] Royal University of": spaCy
            s, start = s[closed + 1:], start + closed + 1  # ran in from a bracketed section label
        lead = len(s) - len(s.lstrip(_EDGE_PUNCT))
        s, start = s[lead:], start + lead
        m = _THE.match(s) or _GERUND_LEAD.match(s) or _OPENING.match(s) or _LOWER_DIRECTION.match(s) or _LOWER_LEAD.match(s) \
            or _BASED_PREFIX.match(s) or _PEOPLE_OF.match(s) or _ORDINAL_LEAD.match(s) or _CAPITALS_DATELINE_LEAD.match(s) \
            or COLON_DATELINE.match(s) or _DATE_LEAD.match(s) or _CREDIT_LEAD.match(s)
        if m is None:
            m = _PLACE_KIND_LEAD.match(s)
            if m and lookup_place(m.group(1)) is None:
                m = None  # "Toyota Group Chairman ...": no place before the kind
        if m is None:
            m = _PLACE_POSSESSIVE_LEAD.match(s)
            if m and (lookup_place(m.group(1)) is None or _unnamed_body(s[m.end():].rstrip(_EDGE_PUNCT))):
                m = None  # "Bac Ninh’s Party Committee": the place names the body
        if m and m.end() < len(s):
            s, start = s[m.end():], start + m.end()
        if _TITLE_HOLDERS_THING.match(s):
            return start, start
        m = _TITLE_PREFIX.match(s)
        if m and lookup_place(s) is not None:
            m = None  # "General Santos City": a place's name opening with a title word
        if m and m.end() < len(s):
            s, start = s[m.end():], start + m.end()
        elif m:
            return start, start
        tail = _OFFICER_TAIL.search(s) or _INITIALLED_NAME_TAIL.search(s) or _TRAIL.search(s) or _DATE_TAIL.search(s) \
            or _MEDIA_TAIL.search(s) or _DASH_ACRONYM_TAIL.search(s) or _HEADLINE_VERB.search(s) \
            or _WEB_LINE.search(s) or _dateline_dash_tail(s) or _CREDIT_TAIL.search(s) \
            or (_TITLE_HEAD_AFTER.match(text, end) and _TITLE_WORDS_TAIL.search(s))
        if tail:
            s, end = s[:tail.start()], end - (len(s) - tail.start())
        opened = s.rfind("(")
        if opened > 0 and ")" not in s[opened:]:  # "Federation of Economic Organisations (Keidanren": spaCy
            s, end = s[:opened].rstrip(), start + len(s[:opened].rstrip())  # runs into the bracket
        conn = _TRAILING_CONNECTOR.search(s) or _nationality_tail(s)
        if conn:
            s, end = s[:conn.start()], end - (len(s) - conn.start())
        trail = len(s) - len(s.rstrip(_EDGE_PUNCT))
        if trail == 1 and _INITIALS_END.search(s):
            trail = 0  # "U.S.", "U.K.": the last dot is part of the abbreviation
        if trail:
            s, end = s[:len(s) - trail], end - trail
        if s == before:
            break
    return start, start + len(s)


@lru_cache(maxsize=200_000)
def org_name_span(name: str) -> int | None:
    """Length of the organisation name at the start of a capitalised chunk, or None when it is not one.

    Valid shapes: '... Head' ('Jiangning Development Zone'), '... Head of/for ...' ('Bank of China',
    'University of Science and Technology'), and 'Head Name' ('Fondation Sophia Antipolis', cut at 'and').
    """
    tokens = list(_NON_SPACE.finditer(name))
    words = [t.group() for t in tokens]
    content = [i for i, w in enumerate(words) if not _ORDINAL_OR_BRACKETED.fullmatch(w)]
    if not content:
        return None
    if words[content[-1]] in HEAD_TYPE:
        return len(name)
    for i, w in enumerate(words[:-1]):
        if w in HEAD_TYPE and (words[i + 1] in _TAIL_CONNECTOR or words[i + 1] == "on"):  # "Commission on the
            # Status of Women", "Council on Foreign Relations": a body named for its subject
            return len(name)
    if words[0] in HEAD_TYPE and words[0] not in _NOT_OPENING_A_NAME and len(words) >= 2:
        cut = next((i for i, w in enumerate(words) if w in ("and", "&")), len(words))
        return tokens[cut - 1].end() if cut >= 2 else None
    return None


_UNNAMED_LEVELS = frozenset(_LEXICON["unnamed_body_levels"].split())
_UNNAMED_HEADS = frozenset(_LEXICON["unnamed_body_heads"].split())


def _unnamed_body(surface: str) -> bool:
    """Whether a name is only a body's level and kind ("City Council", "Municipal People's Government"): an
    unnamed body, no organisation."""
    words = surface.split()
    return len(words) >= 2 and words[-1] in _UNNAMED_HEADS and all(w in _UNNAMED_LEVELS for w in words[:-1])


_DOCUMENT_OF = re.compile(rf"^(?:{one_of(_LEXICON['document_heads'].split())})[ \t]+of[ \t]")


@lru_cache(maxsize=200_000)
def is_event_name(name: str) -> bool:
    """True for names of events, plans and documents ('... Cooperation Conference', 'Nanjing Tech Week 2021',
    'Letter of Intent')."""
    if _DOCUMENT_OF.match(name):
        return True
    words = [w for w in _words(name) if not _ORDINAL_OR_YEAR.fullmatch(w)]
    if len(words) == 1 and words[0] in HEAD_TYPE:
        return False  # "Congress" alone is the legislature; "the Party Congress" is a meeting
    return bool(words) and (words[-1].strip(".") in EVENT_HEADS or words[-1].split("-")[-1] in EVENT_HEADS
                            or bool(_EVENT_HEAD_ON.search(name)))  # ... "Twinning-Agreement"


_EVENT_HEAD_ON = re.compile(r"\b(?:Forum|Conference|Summit|Symposium|Dialogue|Seminar|Round\s+Table|Roundtable|Fair|Expo|Festival|"
                            r"(?<!General )Agreement|Treaty)\s+(?:on|of|for)\s+(?:the\s+)?[A-Z]"
                            # "Forum on Cooperation between ...", "Agreement on Commerce"; a tie named as a partnership
                            r"|\b(?:Strategic|Sister[ -]Cit(?:y|ies)|Twin(?:ning)?|Friendship|Climate)\s+Partnership$"
                            # a tie named ("New Sister City", "Sister Cities Affiliation")
                            r"|\bSister[ -]Cit(?:y|ies)(?:\s+Affiliations?)?$")


_KIND_NAME_WORD = r"[A-Z](?:[a-z][\w-]*|['’][A-Z][a-z][\w-]*)"  # "Gyeongsangbuk", "Ma'anshan"; not "USDA", "Pakistan's"


_NAME_AND_KIND = re.compile(rf"\b{_KIND_NAME_WORD}(?:[ \t]{_KIND_NAME_WORD})?[ \t]+(?:provinces?|prefectures?|county|district)\b"
                            r"(?!(?<=district)[ \t]+of\b)(?!(?<=county)[ \t]+of\b)")  # "the Liwan district of Guangzhou": read where it stands
_THREE_WORDS_AND_KIND = re.compile(rf"\b({_KIND_NAME_WORD}[ \t]{_KIND_NAME_WORD}[ \t]{_KIND_NAME_WORD})[ \t]+"
                                   r"(?:province|prefecture|county|district)\b")


# the kind of place, then its name ("the Province of Shanxi", "Departamento de Moquegua"): data/entities.yaml
_KINDS_OF, _KINDS_DE = _LEXICON["kinds_of"], _LEXICON["kinds_de"]
_KIND_NAME = r"[A-Z][^\s,;()]*(?:[ \t][A-Z][^\s,;()]*)?"
# "the Province of Shanxi", "the Chinese City of Changchun", "the US Federal State of Massachusetts"
_KIND_OF = re.compile(rf"^(?:(?P<nat>[A-Z][a-z]+|[A-Z]{{2,3}}|(?:[A-Z]\.){{2,3}})[ \t]+)?(?:Federal[ \t]+)?"
                      rf"(?P<kind>{one_of(_KINDS_OF)})[ \t]+of[ \t]+"
                      rf"(?P<name>{_KIND_NAME})$"
                      rf"|^(?P<kind2>{one_of(_KINDS_DE)})[ \t]+(?:de[ \t]+la|del|de|di|du|do|da|d['’])[ \t]*"
                      rf"(?P<name2>{_KIND_NAME})$")


_LOCAL_SUFFIXES = "gu|si|gun|do|shi|ku|ken|cho|machi|mura"  # Korean and Japanese local governments' suffixes


# one alone, not after a capitalised word (a person: "Kim Seung-gun")
_SUFFIXED_NAME = re.compile(r"(?<![\w'’.-])(?<![A-Z][a-z][ \t])(?<![A-Z][a-z]{2}[ \t])"
                            rf"[A-Z][a-z]+-(?:{_LOCAL_SUFFIXES})(?![\w'’-])")
# a town's name of capitalised words that a particle joins ("Sully-sur-Loire", "Luxeuil-les-Bains", "Henley-on-Thames",
# "Niagara-on-the-Lake"): a place, which spaCy seldom tags whole
_PARTICLE_TOWN = re.compile(r"(?<![\w'’.-])[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)*-(?:sur|sous|lès|les|en|on|upon|under|am)-"
                            r"(?:the-)?[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)*(?![\w'’-])")
# two capitalised words a possessive or a particle links, which may name one town ("King's Lynn", "Newcastle upon
# Tyne", "Bishop's Stortford", "Stoke on Trent"): spaCy tags each word apart
_LINKED_TOWN = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?:['’]s[ \t]+|[ \t]+(?:upon|on|under)[ \t]+)"
                          r"[A-Z][a-z]+(?![\w'’-])")
# a county named after its kind, as in Britain and Ireland ("County Durham", "County Kerry"), one word alone
_COUNTY_FIRST = re.compile(r"(?<![\w'’.-])County[ \t]+([A-Z][a-z]+)(?![\w'’-]|[ \t]+[A-Z])")
_COUNTY_BODY_WORDS = frozenset(_LEXICON["county_body_words"].split())


# a London or royal borough, or a metropolitan one, named after one or two places
_BOROUGH_OF = re.compile(r"(?<![\w'’.-])(?:Royal|London|Metropolitan)[ \t]+Borough[ \t]+of[ \t]+[A-Z][\w'’-]+"
                         r"(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+)?(?![\w'’-])")
_UNNAMED_BODY_TAIL = re.compile(r"[ \t](?:Municipal|Provincial|Metropolitan|Regional|Prefectural)$")


def _kind_candidates(text: str) -> list[Candidate]:
    """A capitalised name and the kind of place it is in lower case ("Gyeongsangbuk province", "Haiyan county"),
    which the tagger often leaves out; `_place_of_kind` decides."""
    out = [Candidate(m.start(), m.end(), "rule") for m in _NAME_AND_KIND.finditer(text)]
    out += [Candidate(m.start(), m.end(), "rule") for m in _SUFFIXED_NAME.finditer(text)]  # "Wanju-gun"
    out += [Candidate(m.start(), m.end(), "rule") for m in _PARTICLE_TOWN.finditer(text)]  # "Sully-sur-Loire"
    out += [Candidate(m.start(), m.end(), "rule") for m in _COUNTY_FIRST.finditer(text)  # "County Durham", not
            if m.group(1) not in _COUNTY_BODY_WORDS  # "County Council", nor "Miami-Dade County Commissioner"
            and not _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())]
    out += [Candidate(m.start(), m.end(), "rule") for m in _LINKED_TOWN.finditer(text)  # "King's Lynn", "Newcastle
            if (lookup_place(m.group()) or (None, None))[1] == "city"]  # upon Tyne": when the gazetteer knows it whole
    out += [Candidate(m.start(), m.end(), "rule") for m in _BOROUGH_OF.finditer(text)]  # "the Royal Borough of
    # Kensington and Chelsea": one council, though "and" joins two names
    for m in _THREE_WORDS_AND_KIND.finditer(text):  # "Ba Ria-Vung Tau province", when the gazetteer knows the name
        if lookup_place(m.group(1)) is not None:
            out.append(Candidate(m.start(), m.end(), "rule"))
    return out


# --- candidate spans -------------------------------------------------------------------------------
def _registry_candidates(text: str, registry: Registry) -> list[Candidate]:
    """The registry's names in `text`; an alias that is a kind of place before "of" and a name ("the Canton of
    Guichen": Canton is also Guangzhou) gives the whole name, as a rule's candidate."""
    out = []
    for s, e in _registry_matches(text, registry):
        named = _NAME_AFTER_KIND.match(text, e)
        if named and _KIND_OF.match(text[s:named.end()]):
            out.append(Candidate(s, named.end(), "rule"))
        else:
            out.append(Candidate(s, e, "registry"))
    return out


_NAME_AFTER_KIND = re.compile(rf"[ \t]+of[ \t]+{_KIND_NAME}")  # the name _KIND_OF reads after "of"


def _splits_here(left: str, right: str) -> bool:
    """Whether 'LEFT and RIGHT' names two things rather than one ('Chamber of Commerce and Industry')."""
    last = left.split()[-1]
    if last.lower() in _DEMONYM_WORDS or _ADJECTIVE.search(last):
        return False
    if f"{last} {right.split()[0]}" in _FIELD_PAIRS:
        return False  # "Australia-China Science and Technology Innovation Association": one field, one name
    if all(w in LEGAL_FORMS or w.rstrip(".") in LEGAL_FORMS or w in ("Company", "Sons") for w in right.split()):
        return False  # "K. Sato and Co Ltd", "Smith and Sons Ltd": one company
    if len(right.split()) == 2 and right.split()[0].lower() in _FIELD_WORDS and right.split()[1] in HEAD_TYPE:
        return False  # "Phoenix Publishing and Media Group": a field and a head name nothing of their own
    return bool(org_name_span(right)) and len(right.split()) >= 2


def _repeated_pair(text: str, left: str, right: str) -> bool:
    """Whether 'LEFT and RIGHT' (RIGHT without its legal form) is one name the text uses twice or more ("Copper
    and Tin PLC ... Copper and Tin said"): a name of two words joined by 'and'."""
    words = right.split()
    while len(words) > 1 and (words[-1] in LEGAL_FORMS or words[-1].rstrip(".") in LEGAL_FORMS):
        words.pop()
    first, core = left.split()[-1], " ".join(words)
    if first.isupper() or org_type(core) is not None or org_type(first) is not None:
        return False  # "IMF and World Bank officials": two names of their own
    pair = re.compile(rf"(?<![\w-]){re.escape(first)}\s+(?:and|&)\s+{re.escape(core)}(?![\w-])")
    return len(pair.findall(text)) >= 2


_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Za-z]{1,9})\)")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*")


def _acronym_spans_and(text: str, end: int, chunk: str, sep: re.Match) -> bool:
    """Whether the bracketed acronym after the chunk spells the initials of its last capitalised words, both sides
    of the 'and' ("Roads and Transport Authority (RTA)"): one name."""
    acronym = _ACRONYM_AFTER.match(text, end)
    if not acronym:
        return False
    letters = acronym.group(1).upper()
    words = list(_CAPITALISED.finditer(chunk))[-len(letters):]
    return len(words) == len(letters) and words[0].start() < sep.start() \
        and "".join(w.group()[0] for w in words) == letters


def _chunks(text: str) -> list[tuple[int, int]]:
    """Capitalised name-like runs, split at a capitalised preposition ("Agreement Between Hangzhou ..."), at 'and
    the' and at 'and' between two names of their own (not when an acronym after the run spells both sides), and
    ended by a headline's verb ("Port of Seattle and Busan Port Authority Renew Sister Port Agreement")."""
    out = []
    for run in _CHUNK.finditer(text):
        for pos, chunk in _between_prepositions(run.start(), run.group()):
            out += _and_split(text, pos, chunk)
    return out


# a preposition a headline in title case writes with a capital, inside a run of capitalised words ("Cooperation
# Agreement Between Hangzhou Public Library and ...", "Sister City Ties With Lublin"): never inside a name
_CAPITALISED_PREPOSITION = re.compile(r"[ \t]+(?:Between|With|From|Into|Among|Amongst|Against|Across|Through|Toward|"
                                      r"Towards|Within|Without|Via|Despite|During|Upon|Onto|Amid)[ \t]+")


def _between_prepositions(pos: int, run: str) -> list[tuple[int, str]]:
    """The pieces of a capitalised run between its capitalised prepositions, with their offsets."""
    out, start = [], 0
    for m in _CAPITALISED_PREPOSITION.finditer(run):
        out.append((pos + start, run[start:m.start()]))
        start = m.end()
    return out + [(pos + start, run[start:])]


def _and_split(text: str, pos: int, chunk: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of one run split at 'and' as _chunks tells, the run ended by a headline's verb."""
    out = []
    verb = _HEADLINE_VERB.search(chunk) if " " in chunk else None
    if verb:
        chunk = chunk[:verb.start()]
    while True:
        cut = None
        for sep in _AND_SEPARATOR.finditer(chunk):
            left, right = chunk[:sep.start()], chunk[sep.end():]
            if _acronym_spans_and(text, pos + len(chunk), chunk, sep):
                continue
            if sep.group(1) or (_splits_here(left, right) and not _repeated_pair(text, left, right)):
                cut = sep
                break
        if cut is None:
            return out + [(pos, pos + len(chunk))]
        out.append((pos, pos + cut.start()))
        pos, chunk = pos + cut.end(), chunk[cut.end():]


def _rule_candidates(text: str, chunks: list[tuple[int, int]]) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Organisation-shaped chunks, and event-name chunks (which block organisations inside them)."""
    orgs, events = [], []
    for s, e in chunks:
        s, e = _strip_span(text, s, e)
        name = text[s:e]
        if len(name.split()) < 2:
            continue
        if is_event_name(name):
            host = _EVENT_OF_BODY.search(name)
            body = name[host.end():] if host else ""
            if host and len(body.split()) >= 2 and org_name_span(body) == len(body):
                events.append((s, s + host.start()))  # "the Annual Conference of the UNESCO Creative Cities Network":
                orgs.append(Candidate(s + host.end(), e, "rule"))  # the event, then the body whose it is
            elif not _SISTER_CITIES_BODY.fullmatch(name):  # "Fort Worth Sister Cities": _sister_cities_candidates
                events.append((s, e))
            continue
        name = name[:_body_before_person(name) or len(name)]  # "... People's Committee Nguyen Van An"
        for of in _OF_SEPARATOR.finditer(name):
            left, right = name[:of.start()], name[of.end():]
            if org_type(left) is None and org_name_span(right) and len(right.split()) >= 2:
                s, name = s + of.end(), right  # 'Students of the Lyon Business School'
                break
        of_country = _body_of_country_and(name)
        if of_country:  # "the Ukmergė District Municipality of Lithuania and Korosten municipality"
            name = of_country.group(1)
        length = org_name_span(name)
        if length and len(name[:length].split()) >= 2:
            orgs.append(Candidate(s, s + length, "rule"))
        elif not length:  # "Nantes Metropole and Jinan": a chunk of two names; each may be an organisation
            pos = 0
            for part in _AND_SPLIT.split(name):
                offset = name.index(part, pos)
                pos = offset + len(part)
                part_length = org_name_span(part) if len(part.split()) >= 2 else None
                if part_length and part_length == len(part) and not is_event_name(part):
                    orgs.append(Candidate(s + offset, s + offset + part_length, "rule"))
    return orgs, events


_EVENT_OF_BODY = re.compile(r"\b(?:Conference|Congress|Summit|Forum|Meeting|Assembly)[ \t]+of[ \t]+"
                            r"(?:the[ \t]+)?(?=[A-Z])")


def _compound_candidates(text: str, registry: Registry) -> list[Candidate]:
    """'China-France', 'Sino-French', 'China–Nanjing–France': each part that names a place or nationality
    ("West" of "Soviet-West German", "East-West" names none)."""
    out = []
    demonyms = _demonym_keys(registry)
    for m in _COMPOUND.finditer(text):
        pos = m.start()
        parts = _DASH.split(m.group())
        for k, part in enumerate(parts):
            if part not in "-–" and part not in _DIRECTION_WORDS \
                    and (lookup_place(part, registry) or normalise_name(part) in demonyms):
                out.append(Candidate(pos, pos + len(part), "split"))
            elif k == 0 and (before := _WORD_BEFORE.search(text, max(0, pos - 30), pos)) \
                    and lookup_place(text[before.start(1):pos + len(part)], registry):
                out.append(Candidate(before.start(1), pos + len(part), "split"))  # "San Diego-Yokohama"
            pos += len(part)
    return out


_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+[ \t]+)$")  # "San " before "Diego-Yokohama"


def _country_named_by(word: str, registry: Registry) -> tuple[str, str, str | None] | None:
    """The gazetteer entry of the country `word` names, itself ("U.S.", "Italy") or as its nationality
    ("Belgian", "West German"), else None."""
    place = lookup_place(_demonym_keys(registry).get(normalise_name(word)) or word, registry)
    return place if place and place[1] == "country" else None


def _agency_candidates(text: str, registry: Registry) -> list[Candidate]:
    """"Invest in Bavaria", "Invest Lyon": a place's investment promotion agency, named after the place."""
    out = []
    if "Invest" not in text:
        return out
    for m in _INVESTMENT_AGENCY.finditer(text):
        place = m.group(1)
        while place and lookup_place(place, registry) is None and " " in place:
            place = place.rsplit(" ", 1)[0]  # "Invest Lyon Chairman ...": the place is "Lyon"
        if lookup_place(place, registry) or " in" in text[m.start():m.start(1)]:  # "Invest in Bavaria"
            out.append(Candidate(m.start(), m.start(1) + len(place), "rule"))
    return out


# a town's sister-city body named after it ("the Sonoma Sister Cities welcomed ...", "Fort Worth Sister Cities"); not
# one with a head of its own after it ("Austin Sister Cities International") or a tie noun ("Minneapolis Sister City
# relationships", "its Czech Sister City of Brno")
_SISTER_CITIES_BODY = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’.-]+[ \t]+){1,3})Sister[ \t]+Cit(?:y|ies)"
                                 r"(?![\w'’-])(?![ \t]+(?:[A-Z]|(?:of|relationships?|relations|agreements?|ties|"
                                 r"partnerships?|affiliations?|status|links?)\b))")


_THE_BEFORE_NAME = re.compile(r"\b(?:the|The)[ \t]+$")


def sister_cities_place(surface: str, registry: Registry | None = None) -> tuple[str, str, str | None] | None:
    """The place a sister-city body is named after ("Fort Worth Sister Cities": Fort Worth), or None."""
    m = _SISTER_CITIES_BODY.fullmatch(surface)
    return lookup_place(m.group(1).strip(), registry) if m else None


def _sister_cities_candidates(text: str, registry: Registry) -> list[Candidate]:
    """"Fort Worth Sister Cities": the body, when the words before "Sister Cities" are a place the gazetteer knows
    (the longest run of them that is one), or one word after "the" ("the Sonoma Sister Cities welcomed ...")."""
    out = []
    if "Sister Cit" not in text:
        return out
    for m in _SISTER_CITIES_BODY.finditer(text):
        start = _known_place_start(m.group(1), registry)
        if start is not None:
            out.append(Candidate(m.start(1) + start, m.end(), "rule"))
            continue
        word = m.group(1).strip()
        if " " not in word and word.lower() not in _NOT_NAMES_OR_DEMONYMS \
                and normalise_name(word) not in _demonym_keys(registry) \
                and _THE_BEFORE_NAME.search(text, max(0, m.start() - 5), m.start()):
            out.append(Candidate(m.start(), m.end(), "rule"))
    return out


_NOT_NAMES_OR_DEMONYMS = _NOT_NAMES | _DEMONYM_WORDS


def _known_place_start(run: str, registry: Registry) -> int | None:
    """Where in a run of capitalised words before a head ("Visit Saigon" of "Visit Saigon Port") the longest run of
    them that is a place the gazetteer knows begins, or None."""
    words = list(re.finditer(r"\S+", run))
    return next((w.start() for i, w in enumerate(words)
                 if lookup_place(" ".join(v.group() for v in words[i:]), registry) is not None), None)


# a port named after its place ("the Port of Baltimore", "Port of Houston Authority"): the body that runs it
_PORT_OF = re.compile(r"(?<![\w-])Port[ \t]+of[ \t]+([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,2}?)(?:[ \t]+Authority)?"
                      r"(?![\w'’-])(?![ \t]+[A-Z])")


# a port named by its place before "Port" ("Saigon Port", "Guangzhou Port Authority"), with up to three words
_PORT_AFTER = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’.-]+[ \t]+){1,3})Port(?:[ \t]+Authority)?(?![\w'’-])"
                         r"(?![ \t]+(?:of\b|[A-Z]))")


def _port_candidates(text: str, registry: Registry) -> list[Candidate]:
    """"the Port of Baltimore", "the Port of Rotterdam Authority", "Saigon Port": a port named after a place it
    knows is the body that runs it (a port signs sister-port agreements), not the place. Before "Port" the
    place is the longest run of the words there that it knows ("Visit Saigon Port": Saigon Port). A town so
    named is the town ("Port of Spain")."""
    if "Port" not in text:
        return []
    found = [Candidate(m.start(), m.end(), "rule") for m in _PORT_OF.finditer(text)
             if lookup_place(m.group(1), registry) is not None and lookup_place(m.group(), registry) is None]
    for m in _PORT_AFTER.finditer(text):
        start = _known_place_start(m.group(1), registry)
        if start is not None:
            found.append(Candidate(m.start(1) + start, m.end(), "rule"))
    return found


_SAINT_IN_CAPITALS = re.compile(rf"(?<![\w.])(?:{'|'.join(w.upper() for w in _SAINT_WORDS)})\.[ \t]+[A-Z]{{3,}}"
                                r"(?:[ \t]+[A-Z]{3,})?(?![\w.])")


def _saint_candidates(text: str, registry: Registry) -> list[Candidate]:
    """"ST. LOUIS, March 3 -", "ST. PAUL, Minn.": a dateline's place whose abbreviated "Saint" (or "Mount",
    "Fort") ends in a period, where spaCy and the name chunks cut the name in two ("ST", "LOUIS")."""
    if "T. " not in text:
        return []
    return [Candidate(m.start(), m.end(), "spacy", "GPE") for m in _SAINT_IN_CAPITALS.finditer(text)
            if lookup_place(m.group(), registry) is not None]  # the gazetteer reads "ST." as "Saint"


def _national_body_candidates(text: str, registry: Registry) -> list[Candidate]:
    """"US Treasury", "the French Treasury": a country or its nationality before a head that closes a name
    (spaCy often tags the country and the body apart)."""
    if not any(head in text for head in _CLOSING_ONLY_HEADS):
        return []
    return [Candidate(m.start(), m.end(), "rule") for m in _NATIONAL_BODY.finditer(text)
            if _country_named_by(m.group(1), registry)]


@lru_cache(maxsize=8)
def _demonym_pattern(registry: Registry) -> re.Pattern:
    forms = sorted({k for k in registry.demonyms if k[:1].isupper()}, key=lambda k: (-len(k), k))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, forms))})(?![\w-])")


def _demonym_title_candidates(text: str, registry: Registry) -> list[Candidate]:
    """"Soviet first deputy prime minister ...", "U.S. Commerce Secretary ...", "a Yugoslav delegation": a
    nationality or a country's abbreviation right before a title or a delegation in a story's lead, which spaCy
    leaves untagged right after a wire dateline: the place the person represents."""
    lead = text[:_LEAD_CHARS]
    out = [Candidate(m.start(), m.end(), "rule") for m in _demonym_pattern(registry).finditer(lead)
           if _REPRESENTATIVE.match(text[m.end():m.end() + 60])]
    out += [Candidate(m.start(), m.end(), "rule") for m in _COUNTRY_ABBREVIATION.finditer(lead)  # "U.S. Commerce
            if _country_named_by(m.group(), registry) and _REPRESENTATIVE.match(text[m.end():m.end() + 60])]  # Secretary"
    return out


# a capitalised word right before a name, other than a sentence's first function word: the name is part of another
_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?!(?:The|In|At|From|To|And|Of|With|For|By|On|But|As|Both|Between)[ \t])"
                          r"[A-Z][\w'’.-]*[ \t]$")


def _list_candidates(text: str, chunks: list[tuple[int, int]], accepted: list[Mention],
                     persons: list[tuple[int, int]]) -> list[Candidate]:
    """Capitalised items of a comma list (3+ items) whose other items are mostly organisations, or that a plural
    kind of business introduces."""
    out = []
    orgs = {(m.start, m.end) for m in accepted if m.label == "ORG"}
    places = {(m.start, m.end) for m in accepted if m.label == "PLACE" and m.type is not None}
    weak = {(m.start, m.end) for m in accepted if m.label == "PLACE" and m.type is None}
    covered = [(m.start, m.end) for m in accepted if m.label == "ORG" or m.type is not None]
    chunks = [(s + a.start(), s + a.end()) for s, e in chunks
              for a in _LIST_ITEM.finditer(text[s:e])]
    chunks = [(s + len(_LEADING_AND.match(text[s:e]).group()), e) for s, e in chunks]
    groups, current = [], [chunks[0]] if chunks else []
    for prev, nxt in zip(chunks, chunks[1:]):
        if _LIST_GAP.match(text[prev[1]:nxt[0]]):
            current.append(nxt)
        else:
            groups.append(current)
            current = [nxt]
    if current:
        groups.append(current)
    for group in groups:
        if len(group) == 2 and not _LIST_AND.match(text[group[0][1]:group[1][0]]):
            continue
        commas = sum(1 for a, b in zip(group, group[1:]) if "," in text[a[1]:b[0]])
        if len(group) < 2 or (len(group) >= 3 and commas < 1):
            continue
        stripped = [_strip_span(text, s, e) for s, e in group]
        n_org = sum(1 for span in stripped if any(s <= span[0] and span[1] <= e for s, e in orgs))
        n_place = sum(1 for span in stripped if any(s < span[1] and span[0] < e for s, e in places))
        n_weak = sum(1 for span in stripped if span in weak)
        kinds = bool(_KINDS_BEFORE.search(text, max(0, group[0][0] - 40), group[0][0]))
        if n_org * 2 < len(group) and not (len(group) >= 3 and n_place == n_org == 0 and n_weak >= 2) and not kinds:
            continue
        for s, e in stripped:
            person = any(ps <= s and e <= pe for ps, pe in persons) and not org_type(text[s:e]) and not kinds
            if not person and not any(cs < e and s < ce and not (s <= cs and ce <= e) for cs, ce in covered):
                out.append(Candidate(s, e, "list"))
    return out


def _plural(word: str) -> str:
    """The plural of a kind of business: "company" -> "companies", "firm" -> "firms", "specialists" stays."""
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# a plural kind of business right before a list: its items are businesses ("deals with French companies
# Rhone-Poulenc, Pechiney and Imec", "lenders such as Barclays, Lloyds and HSBC")
_KINDS_BEFORE = re.compile(rf"\b(?:{one_of([_plural(w) for w in _LEXICON['described_by'].split()])})"
                           r"(?:,?[ \t]+(?:such[ \t]+as|including|like))?[ \t]*[:,]?[ \t]+$")


def _described_candidates(text: str) -> list[Candidate]:
    """'the French company Sanofi', 'the ENAC aviation school': a name next to a kind-of-organisation noun."""
    after = [Candidate(m.start(2), m.start(2) + _before_sentence_end(m.group(2)), "described", hint=m.group(1))
             for m in _DESCRIBED.finditer(text) if m.group(2).lower() not in _NOT_NAMES]
    before = [Candidate(m.start(1), m.end(1), "described", hint=m.group(2)) for m in _ACRONYM_DESCRIBED.finditer(text)]
    media = [Candidate(m.start(1), m.end(1), "described", hint="newspaper") for m in _MEDIA_DESCRIBED.finditer(text)]
    return after + before + media + _bracketed_candidates(text)


_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bCo)(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bBros)(?<!\bSt)\.[ \t]+[A-Z]")


def _before_sentence_end(name: str) -> int:
    """Length of a described name up to a full stop that ends its sentence ("specialists BridgeHead Software.
    They ..."), initials and "Co." kept."""
    m = _SENTENCE_END.search(name)
    return m.start() if m else len(name)


def _apposed_candidates(text: str, persons: list[tuple[int, int]]) -> list[Candidate]:
    """A name followed by a description as a kind of business, in apposition or after 'is' ("Gazprom, the state
    gas firm"; "Telefonica is the national telephone company"): an organisation, unless it is a person's full
    name or a word opening the sentence ("Meanwhile, the company ..."); the description ends there ("Smith, a
    company director" is no company).""" 
    out = []
    for m in _APPOSED.finditer(text):
        name = m.group(1)
        if name.split()[0].lower() in _NOT_NAMES or any(ps < m.end(1) and m.start(1) < pe and " " in text[ps:pe]
                                                        for ps, pe in persons):
            continue
        out.append(Candidate(m.start(1), m.end(1), "described", hint=m.group(2)))
    return out


def _bracketed_candidates(text: str) -> list[Candidate]:
    """'<Banque Commerciale pour l'Europe du Nord>': the wire writes the name of a company it has no ticker for
    in angle brackets (a ticker, '<BTOM.MI>', is no name)."""
    if "<" not in text:
        return []
    return [Candidate(m.start(1), m.end(1), "described") for m in _BRACKETED.finditer(text)]


def _country_owned_candidates(text: str, registry: Registry, persons: list[tuple[int, int]]) -> list[Candidate]:
    """"Argentina's Enarsa", "Brazil's Petrobras": one capitalised word after a country's possessive, that is no
    place, title or person, is the country's company (the wire names national firms so). A person is a name of
    two words or more, or the surname of one ("Tony Blair" ... "Britain's Blair")."""
    out = []
    if "'s" not in text and "’s" not in text:
        return out
    named = [text[s:e].split() for s, e in persons]
    surnames = {words[-1] for words in named if len(words) >= 2}
    for m in _COUNTRY_OWNS.finditer(text):
        owner, name = m.group(1), m.group(2)
        place = lookup_place(owner, registry)
        if not place or place[1] != "country" or lookup_place(name, registry) or name in surnames \
                or name.lower() in REPRESENTATIVE_WORDS or re.fullmatch(TITLE_HEADS, name) \
                or any(ps < m.end(2) and m.start(2) < pe and len(text[ps:pe].split()) >= 2 for ps, pe in persons):
            continue
        out.append(Candidate(m.start(2), m.end(2), "described", hint="company"))
    return out


# a province or state named where only a place goes, right after a preposition ("returning to Sarawak", "a
# delegation from Carlow"; not "Door in the Mountain"): a region the tagger may miss
_REGION_CONTEXT = re.compile(r"\b(?:to|in|from|of|with|between|visited|visiting)[ \t]+$")
_TOWN_CONTEXT = re.compile(r"\b(?:city|town|municipality|village)[ \t]+of[ \t]+$")  # "the Hungarian city of Dunakeszi"
# the rest of a list of regions that a plural kind ends ("Fukuoka, Ehime and Hiroshima prefectures")
_LIST_OF_KIND_AFTER = re.compile(r"(?:,[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)*,?[ \t]+(?:and|&)[ \t]+"
                                 r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+"
                                 r"(?:prefectures|provinces|states|regions|counties|governorates|oblasts)\b")
# a mayor and his name before "of" ("Mayor Robert Young of Augusta", "Vice Mayor Ziyu Ye of Lanxi"): a town follows
_MAYOR_OF = re.compile(r"\b[Mm]ayor(?:[ \t]+[A-Z][\w.'’-]*){1,4}[ \t]+of[ \t]+$")
# a town's tie told right after or before it: "Bourges twinned with ...", "... and Agrigento (since 2012)",
# "twinned with Bourges", "a sister city of Bourges"
_TIE_AFTER = re.compile(r"[ \t]+(?:(?:is|was|has[ \t]+been|had[ \t]+been|are|were)[ \t]+)?twinned\b"
                        r"|[ \t]*\((?:since|est\.?)[ \t]*(?:1[89]|20)\d\d\)")
_TIE_BEFORE = re.compile(r"\btwinned[ \t]+with[ \t]+$|\b(?:sister|twin)[ \t-]+(?:city|town)[ \t]+(?:of|with)[ \t]+$",
                         re.IGNORECASE)


def _gazetteer_candidates(text: str, chunks: list[tuple[int, int]], registry: Registry) -> list[Candidate]:
    """Chunks that are exactly a country or a city of 100,000+ people (spaCy sometimes tags nothing), or any
    place whose name has a hyphen or a particle ("Gilgit-Baltistan", "Bry-sur-Marne"): a shape names rarely
    have by chance; a region after a preposition ("returning to Sarawak"); any town after "city of" or "town
    of" ("the Hungarian city of Dunakeszi") or followed by the country or region it lies in ("Koror in Palau")."""
    out = []
    for s, e in chunks:
        for m in _CAPITALISED_WORDS.finditer(text[s:e]):
            third = _NEXT_NAME_WORD.match(text[s:e], m.end())
            longer = (text[s + m.start():s + third.end()],) if third else ()  # "San Luis Potosí"
            for piece in (*longer, m.group(), m.group().split()[0]):
                if piece.lower() in _COMMON_WORDS:
                    continue
                hit = _gazetteer_entry(piece)
                if hit and (hit[3] <= 2 or _PARTICLE_NAME.search(piece) or (hit[3] <= 4 and "-" in piece.strip("-"))
                            or (hit[3] == 3 and hit[1] == "region" and len(piece) >= 5 and piece == m.group()
                                and (_REGION_CONTEXT.search(text, max(0, s + m.start() - 12), s + m.start())
                                     or _LIST_OF_KIND_AFTER.match(text, s + m.start() + len(piece))))
                            or (hit[3] <= 5 and piece == m.group()
                                and _TOWN_CONTEXT.search(text, max(0, s + m.start() - 16), s + m.start()))
                            or (hit[3] <= 5 and hit[1] == "city" and piece == m.group()
                                and _MAYOR_OF.search(text, max(0, s + m.start() - 60), s + m.start()))
                            or (hit[3] <= 5 and piece == m.group() and _located_as_known(
                                text, s + m.start() + len(piece), hit[2], registry))
                            or (hit[3] <= 5 and piece == m.group() and (
                                _TIE_AFTER.match(text, s + m.start() + len(piece))
                                or _TIE_BEFORE.search(text, max(0, s + m.start() - 30), s + m.start())))):
                    out.append(Candidate(s + m.start(), s + m.start() + len(piece), "gazetteer"))
                    break
    return out


# a place's name joined by a lower-case word ("Trinidad and Tobago", "Port of Spain", "Isle of Man")
_CAPITAL_WORD = r"[A-Z][\w'’]+(?:-[a-z][\w'’]*)*"  # not "Spain-Shanghai" (twinning): a hyphen before a name ends it
_JOINING_WORDS = ("and", "of", "am", "an", "im", "upon", "on", "sur")
_CONNECTED_NAME = re.compile(rf"(?<![\w'’.-]){_CAPITAL_WORD}(?:[ \t]+{_CAPITAL_WORD})?"
                             rf"[ \t]+(?:{one_of(_JOINING_WORDS)})[ \t]+"
                             rf"{_CAPITAL_WORD}(?:[ \t]+{_CAPITAL_WORD})?(?![\w'’])")
_JOINING = re.compile(rf" (?:{one_of(_JOINING_WORDS)}) [A-Z]")


def _connected_place_candidates(text: str) -> list[Candidate]:
    """Countries, regions and cities of 100,000+ whose names join words with "and" or "of" ("Trinidad and
    Tobago", "Port of Spain"), which the tagger splits into two places, and towns of any size joined by a
    particle ("Marbach am Neckar", "Stratford upon Avon"): the longest name the gazetteer knows among the
    words there (a run may go on: "Port of Spain City Hall")."""
    if not _JOINING.search(text):
        return []
    out = []
    for m in _CONNECTED_NAME.finditer(text):
        words = list(re.finditer(r"\S+", m.group()))
        for i, j in sorted(((i, j) for i in range(len(words)) for j in range(i + 2, len(words))),
                           key=lambda ij: ij[0] - ij[1]):
            if words[i].group() in _JOINING_WORDS or words[j].group() in _JOINING_WORDS:
                continue
            piece = m.group()[words[i].start():words[j].end()]
            hit = _gazetteer_entry(piece)
            if hit and (hit[3] <= 3 or (hit[3] <= 5 and _PARTICLE_NAME.search(piece))):
                out.append(Candidate(m.start() + words[i].start(), m.start() + words[j].end(), "gazetteer"))
                break
    return out


_LOCATED_AFTER = re.compile(r"(?:[ \t]+in[ \t]+(?:the[ \t]+)?|,[ \t]*|[ \t]*\([ \t]*)"
                            r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})")


def _located_as_known(text: str, end: int, country: str | None, registry: Registry) -> bool:
    """Whether the words after a town's name locate it where the gazetteer has it ("Koror in Palau", "Quepos
    (Costa Rica)", "Hilo, Hawaii"): the text confirms the reading, however small the town."""
    after = _LOCATED_AFTER.match(text, end)
    if not after or country is None:
        return False
    words = after.group(1).split()
    return any((place := lookup_place(" ".join(words[:n]), registry)) is not None and place[1] in ("country", "region")
               and place[2] == country for n in range(len(words), 0, -1))


_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n[ \t]+")
_LAST_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*(?!.*\n[ \t]*\n)", re.S)
_NAME_START = re.compile(r"[A-Z][a-z]")


_SHORT_LINE = 40  # a wire wraps its lines at 50 to 70 characters; a shorter line ends where the writer ended it


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span start-end, cut at each line break that ends a short line: a list of names one per line
    ("Chief of Police\nBirmingham Police Department\nIan Stewart") is a name per line, while a wire's wrapped
    line ("Soviet\nUnion", at the end of a full line) keeps its name whole."""
    pieces, first = [], start
    for brk in re.finditer(r"\n", text[start:end]):
        at = start + brk.start()
        if at - (text.rfind("\n", 0, at) + 1) < _SHORT_LINE:
            pieces.append((first, at))
            first = at + 1
    pieces.append((first, end))
    out = []
    for a, b in pieces:
        piece = text[a:b]
        a += len(piece) - len(piece.lstrip())
        b -= len(piece) - len(piece.rstrip())
        if b > a:
            out.append((a, b))
    return out


def _spacy_candidates(doc) -> list[Candidate]:
    """spaCy's spans, each cut at a paragraph break (a line break then indentation: the wire's headline then
    dateline, "MACHINE TOOLS\n    WARSAW"); a name the wire wraps ("Soviet\nUnion") stays whole, and a span
    across a blank line ("Society\n\nDelegation of ...": a web page's section label, then a sentence) is none."""
    out = []
    for e in doc.ents:
        if e.label_ in SPACY_LABELS and (blank := _LAST_BLANK_LINE.search(e.text)):
            if e.label_ in ("GPE", "LOC", "FAC") and _NAME_START.match(e.text, blank.end()) \
                    and " " not in e.text[blank.end():].strip():
                # "Published on 02/08/2023\n\nSaint-Thurien has ...": a one-word name opening a paragraph
                out.append(Candidate(e.start_char + blank.end(), e.end_char, "spacy", e.label_))
            continue
        if e.label_ in SPACY_LABELS:
            cut = _PARAGRAPH_BREAK.search(e.text)
            end = e.start_char + cut.start() if cut else e.end_char
            out += [Candidate(start, stop, "spacy", e.label_)
                    for start, stop in _line_pieces(doc.text, e.start_char, end)]
        elif e.label_ == "DATE" and (tail := _DATELINE_TAIL.search(e.text)) \
                and (nationality := _DEMONYM_END.match(tail.group(1))):
            # "March 16 - West German": spaCy runs a dateline's date into the lead's first nationality
            start = e.start_char + tail.start(1)
            out.append(Candidate(start, start + nationality.end(), "spacy", "NORP"))
    return out


_JOINED = re.compile(r"^([A-Z][\w'’-]+)[ \t]+(?:and|&)[ \t]+([A-Z][\w'’-]+)$")


_PLACE_OF_KIND = re.compile(r"[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?[ \t](?:County|City|District|Province|Prefecture|Region)")
_TOWN_OF_COUNTRY = re.compile(  # "Jyvaskyla City of Finland": groups the town, its country
    r"([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?[ \t](?:County|City|District|Province|Prefecture|Region|Municipality))"
    r"[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)")
_PERSON_AFTER_PLACE = re.compile(r"[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,2}")


_TIES_WORDS = re.compile(r"(?:(?:Other|Our|Its|Their)[ \t]+)?(?:Sister|Twin|Partner|Friendship)[ -]"
                         r"(?:Cit(?:y|ies)|Towns?|Regions?|Provinces?|States?)", re.I)
# a piece of a span between commas, slashes or spaced dashes ("Recife, Salvador", "Baku - Dakar")
_LISTED_PART = re.compile(r"(?:^|(?<=,)|(?<=/)|(?<=[ \t][-–—][ \t]))(?:(?!,|/|[ \t]+[-–—][ \t]).)+")


_HYPHENED_PART = re.compile(r"(?:^|(?<=[a-z][-–]))[^-–]+")  # a piece of "San Diego-Yokohama" (no spaced dash)
_KIND_END = re.compile(r"[ \t](?:County|City|District|Region|Municipality|Borough|Parish)$")
_DANGLING_AND = re.compile(r"[ \t]+(?:and|&)$")  # a span that ends at "and", before a list's last name


def _split_joined_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    """spaCy's spans with 'A and B' of two one-word names cut in two when the text also names A or B alone
    ("Gazprom and Rosneft" ... "Gazprom said"): two organisations; "Procter and Gamble" stays whole. A place or
    organisation span of places the gazetteer knows, one after another with commas or slashes ("Recife, Salvador",
    the tagger's organisation "Auckland, Napier", "Franklin City/Williamson County"), is cut at each; of a place
    and a name ("Maharashtra, Eknath Shinde"), only the place is kept; a body "of" a country, "and" a name
    ("the Ukmergė District Municipality of Lithuania and Korosten"), is cut in two."""
    out = []
    for c in spans:
        if (dangling := _DANGLING_AND.search(text, c.start, c.end)) is not None:
            c = Candidate(c.start, dangling.start(), c.source, c.spacy_label)  # "Bukhara, Samarkand and": the list
        span = text[c.start:c.end]
        parts = list(_LISTED_PART.finditer(span)) if c.spacy_label in ("GPE", "LOC", "ORG") else []
        known = lookup_place(span) if c.spacy_label in ("GPE", "LOC") and len(parts) < 2 else None
        if c.spacy_label in ("GPE", "LOC") and len(parts) < 2 and known is None and ("-" in span or "–" in span):
            parts = list(_HYPHENED_PART.finditer(span))  # "San Diego-Yokohama": two places
            if not all(lookup_place(p.group()) for p in parts) or _KIND_END.search(span):
                parts = []  # not "Miami-Dade County", "Sisak-Moslavina County": one county
        if c.spacy_label != "PERSON" and (c.spacy_label != "GPE" or known is None) \
                and len(parts) < 2:  # "Żagań and Teltow" (a work of art to spaCy), "Bukhara and Samarkand"
            parts = list(re.finditer(r"(?:(?<=^)|(?<=[ \t]and[ \t])|(?<=[ \t]&[ \t]))(?:(?![ \t]+(?:and|&)[ \t]+).)+",
                                     text[c.start:c.end]))
            parts = parts if len(parts) == 2 and all(lookup_place(p.group().strip()) for p in parts) else []
        if len(parts) > 1 and all(lookup_place(p.group().strip()) or _PLACE_OF_KIND.fullmatch(p.group().strip())
                                  for p in parts):
            out += [Candidate(c.start + p.start() + len(p.group()) - len(p.group().lstrip()), c.start + p.end(),
                              c.source, c.spacy_label) for p in parts]
            continue
        if c.spacy_label == "ORG" and len(parts) == 2 and lookup_place(parts[0].group().strip()) \
                and _PERSON_AFTER_PLACE.fullmatch(parts[1].group()):
            out.append(Candidate(c.start, c.start + parts[0].end(), c.source, "GPE"))
            continue  # "Chief minister of Maharashtra, Eknath Shinde": the place, then its minister
        if c.spacy_label == "ORG" and len(parts) == 2 and _TIES_WORDS.fullmatch(parts[0].group().strip()) \
                and lookup_place(parts[1].group().strip()):
            out.append(Candidate(c.start + parts[1].start() + len(parts[1].group()) - len(parts[1].group().lstrip()),
                                 c.start + parts[1].end(), c.source, "GPE"))
            continue  # "two other Sister Cities – Nashville in the United States": the place the list begins with
        town = _TOWN_OF_COUNTRY.fullmatch(span) if c.spacy_label in ("GPE", "LOC", "ORG") else None
        if town and (lookup_place(town.group(2)) or ("", ""))[1] == "country":
            out += [Candidate(c.start, c.start + town.end(1), c.source, "GPE"),
                    Candidate(c.start + town.start(2), c.end, c.source, "GPE")]
            continue  # "Jyvaskyla City of Finland", "Qinghai Province of China": a place and its country
        of_country = _body_of_country_and(text[c.start:c.end]) if c.spacy_label == "ORG" else None
        if of_country:
            out += [Candidate(c.start, c.start + of_country.end(1), c.source, "ORG"),
                    Candidate(c.start + of_country.start(3), c.end, c.source, "ORG")]
            continue  # "the Ukmergė District Municipality of Lithuania and Korosten municipality": two parties
        two = _two_bodies(text[c.start:c.end]) if c.spacy_label == "ORG" else None
        if two:
            out += [Candidate(c.start, c.start + two.end(1), c.source, "ORG"),
                    Candidate(c.start + two.start(2), c.end, c.source, "ORG")]
            continue  # "World Citizen Organization and World Assembly of Islamic Cities have signed ...": two bodies
        m = _JOINED.match(text[c.start:c.end]) if c.spacy_label == "ORG" else None
        if m and any(_named_alone(text, word, c) for word in m.groups()):
            out += [Candidate(c.start + m.start(1), c.start + m.end(1), c.source, c.spacy_label),
                    Candidate(c.start + m.start(2), c.start + m.end(2), c.source, c.spacy_label)]
        else:
            out.append(c)
    return out


_AND_BODY = re.compile(r"^(\S+(?:[ \t]+\S+)+?)[ \t]+and[ \t]+([A-Z][\w'’-]*(?:[ \t]+\S+)+)$")
_ORGANISATION_ENDS = ("Organization", "Organisation")


def _two_bodies(span: str) -> re.Match | None:
    """The match of a span "A and B" that names two bodies (groups 1 and 2): each of two words or more, A ending
    in a body's head, B with a head of no company ("World Citizen Organization and World Assembly of Islamic
    Cities"); not "Chamber of Commerce and Industry", "Ministry of Industry and Information Technology", "Chengdu
    Municipal Foreign and Overseas Chinese Affairs Office", "the Charleston Area Convention and Visitors Bureau"."""
    m = _AND_BODY.match(span)
    if not m or " and " in m.group(2):
        return None
    first, second = m.group(1), m.group(2)
    head = first.split()[-1]
    return m if (head in HEAD_TYPE or head in _ORGANISATION_ENDS) \
        and org_type(second) not in (None, "company") else None


_OF_COUNTRY_AND = re.compile(r"^(.+?[ \t]of[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}))"
                             r"[ \t]+and[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})$")


def _body_of_country_and(name: str) -> re.Match | None:
    """The match of "<body> of <country> and <name>" ("Ukmergė District Municipality of Lithuania and
    Korosten": groups 1 and 3 are two names), else None ("Ministry of Industry and Trade" is one)."""
    m = _OF_COUNTRY_AND.match(name)
    place = lookup_place(m.group(2)) if m else None
    return m if place is not None and place[1] == "country" else None


def _named_alone(text: str, word: str, joined: Candidate) -> bool:
    """Whether `word` occurs in `text` outside the joined span and not joined to another name by 'and'."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        if joined.start <= m.start() < joined.end:
            continue
        if not re.match(r"[ \t]+(?:and|&)[ \t]+[A-Z]", text[m.end():m.end() + 8]) \
                and not re.search(r"[A-Z][\w'’-]*[ \t]+(?:and|&)[ \t]+$", text[max(0, m.start() - 40):m.start()]):
            return True
    return False


_DEMONYM_END = re.compile(r"(?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]*(?:an|ese|ish|i|ch)(?![\w'’-])")  # "West German"
_DATELINE_TAIL = re.compile(r"\s[-–—]{1,2}\s+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})$")


_THE_WORD_BEFORE = re.compile(r"(?<![\w'’])[Tt]he[ \t]+([A-Z][a-z]+)[ \t]+$")


def _completed_candidates(text: str, spans: list[Candidate], registry: Registry) -> list[Candidate]:
    """One-word organisation or group names whose capitalised first word spaCy left out ("The Free Democrats
    said": spaCy tags "Democrats"): the span from the word after "the", when that word is no nationality, title
    or place (a small town's name aside)."""
    out = []
    demonyms = _demonym_keys(registry)
    for c in spans:
        if c.spacy_label not in ("ORG", "NORP") or " " in text[c.start:c.end].strip():
            continue
        m = _THE_WORD_BEFORE.search(text, max(0, c.start - 40), c.start)
        if m is None:
            continue
        word = m.group(1)
        if normalise_name(word) in demonyms or word.lower() in _NOT_NAMES | _DEMONYM_WORDS \
                or re.fullmatch(TITLE_WORDS, word) or re.fullmatch(TITLE_HEADS, word) or word in HEAD_TYPE \
                or (lookup_place(word, registry) and not _small_town(word)):
            continue
        out.append(Candidate(m.start(1), c.end, "spacy", c.spacy_label))
    return out


_NEXT_NAME_WORD = re.compile(r"[ \t]+(?:(?:do|da|dos|das|de|del|di|du)[ \t]+)?([A-Z][\w\u00C0-\u024F-]*)(?=['’]s\b|[^\w'’]|$)")


def _extended_places(text: str, spans: list[Candidate], registry: Registry) -> list[Candidate]:
    """spaCy's places whose name goes on one more word ("Mayor of Montego Bay Leeroy Williams": spaCy tags
    "Montego"; "San Luis Potosí's City Hall": "San Luis"), after a particle too ("Rio Grande do Sul": "Rio
    Grande"), or opens one word before (a place or region: "General Santos City": "Santos City"): the span with
    that word when the two make a place the gazetteer knows."""
    out = []
    for c in spans:
        if c.spacy_label not in ("GPE", "LOC", "ORG"):  # "Rio Grande" may be tagged ORG
            continue
        m = _NEXT_NAME_WORD.match(text, c.end) or _NEXT_HYPHENED_WORD.match(text, c.end)  # "Gilgit-Baltistan"
        if m and lookup_place(text[c.start:m.end()], registry) is not None:
            out.append(Candidate(c.start, m.end(), "spacy", c.spacy_label))
        before = _PREVIOUS_NAME_WORD.search(text, max(0, c.start - 30), c.start)
        if before and c.spacy_label != "ORG" and lookup_place(text[before.start():c.end], registry) is not None:
            out.append(Candidate(before.start(), c.end, "spacy", c.spacy_label))  # "General Santos City": "Santos City"
    return out


_NEXT_HYPHENED_WORD = re.compile(r"-[A-Z][\w\u00C0-\u024F]*(?![\w-])")
_PREVIOUS_NAME_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w\u00C0-\u024F-]*[ \t]+$")


_AND_BETWEEN = re.compile(r"[ \t]*(?:,[ \t]*|[ \t]and[ \t]+|,[ \t]*and[ \t]+)$")


def _places_coordinated(text: str, spans: list[Candidate], registry: Registry) -> list[Candidate]:
    """One-word names spaCy tags persons that stand coordinated with a place the gazetteer knows ("Groton and
    New London have become sister cities", "Lyon, Groton and ..."), and that no longer person's name of the text
    holds ("Barack Obama ... Obama and Britain"): places no gazetteer knows, as GPE candidates."""
    places = [c for c in spans if c.spacy_label in ("GPE", "LOC")
              and lookup_place(text[c.start:c.end], registry) is not None]
    full_names = " ".join(text[c.start:c.end] for c in spans if c.spacy_label == "PERSON"
                          and " " in text[c.start:c.end].strip())
    out = []
    for c in spans:
        word = text[c.start:c.end]
        if c.spacy_label != "PERSON" or not re.fullmatch(r"[A-Z][a-z'’-]+", word) \
                or re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", full_names):
            continue
        if any(_AND_BETWEEN.match(text[c.end:p.start]) is not None and p.start - c.end <= 6 for p in places
               if p.start >= c.end) or any(0 <= c.start - p.end <= 6 and _AND_BETWEEN.match(text[p.end:c.start])
                                           for p in places):
            out.append(Candidate(c.start, c.end, "spacy", "GPE"))
    return out


_BODY_WORDS = frozenset(_LEXICON["body_words"].split())


_LOCAL_TITLES = ("Mayor", "Governor", "Premier")
_BEFORE_LOCAL_TITLE = re.compile(
    r"(?<![\w'’.-])((?:[A-Z][\w'’-]+[ \t]+){0,2}[A-Z][\w'’-]+)[ \t]+"
    r"(?:(?:Executive|Deputy|Vice|Lord|Acting|Lieutenant)[ \t]+)?(Mayor|Governor|Premier)\b(?![ \t]+of\b)")
# a place the gazetteers know before a local leader's title or its delegation in lower case
_BEFORE_LOCAL_WORD = re.compile(
    r"(?<![\w'’.-])([A-Z][\w'’-]+)[ \t]+(?:mayor|governor|premier|delegation|municipality)\b")
_NOT_TITLED_PLACES = frozenset(_LEXICON["not_titled_places"].split())


def _titled_place_candidates(text: str, registry: Registry) -> list[Candidate]:
    """The place a local leader's title follows ("Rabat Mayor Fatiha El Moudni", "Kisumu Governor Peter Anyang",
    "Busan Mayor Park Heong-joon"; spaCy tags "Busan Mayor" a person, or nothing): any name before "Mayor", a
    place the gazetteers know before "Governor" or "Premier" ("Bundesbank Governor" is no place); never a name
    before "Mayor of" ("Kang Jun Jie Deputy Mayor of Zhongwei") nor an acronym ("GHMC Mayor": the body)."""
    out = []
    for m in _BEFORE_LOCAL_TITLE.finditer(text):
        words = m.group(1).split()
        while words and (words[0] in _NOT_NAMES_CAPITALISED or words[0] in _NOT_TITLED_PLACES):
            words = words[1:]
        end_of_name = m.end(1)
        while len(words) > 1 and _UNNAMED_BODY_TAIL.search(" " + words[-1]):
            end_of_name = text.rindex(words.pop(), m.start(1), end_of_name)  # "Mersin Metropolitan Mayor": Mersin's
            end_of_name = len(text[:end_of_name].rstrip(" \t"))
        name = " ".join(words)
        if not words or words[-1] in _NOT_TITLED_PLACES | _NOT_NAMES_CAPITALISED or org_type(name) \
                or name.lower() in _NOT_NAMES or name.isupper():
            continue  # "Dieter Freytag The Mayor of Brühl"; "GHMC Mayor": the body
        if m.group(2) != "Mayor" and lookup_place(name, registry) is None:
            continue
        at = re.search(r"[ \t]+".join(map(re.escape, words)) + "$", text[m.start(1):end_of_name])
        start = m.start(1) + at.start()
        saint = _SAINT_BEFORE.search(text, max(0, start - 5), start)
        if saint and lookup_place(text[saint.start():end_of_name], registry) is not None:
            start = saint.start()  # "St. Paul Mayor Chris Coleman": Saint Paul, not "Paul"
        out.append(Candidate(start, end_of_name, "spacy", "GPE"))
    for m in _BEFORE_LOCAL_WORD.finditer(text):  # "Tartu mayor Urmas Klaas", "the Paphos delegation"
        if m.group(1) not in _NOT_NAMES_CAPITALISED and m.group(1) not in _DIRECTION_WORDS \
                and lookup_place(m.group(1), registry) is not None:  # not "West" of "the North West delegation"
            out.append(Candidate(m.start(1), m.end(1), "spacy", "GPE"))
    return out


_SAINT_BEFORE = re.compile(rf"(?<![\w.])(?:{'|'.join(w.title() for w in _SAINT_WORDS)})\.?[ \t]+$")  # the gazetteer's
_COMPASS_WORDS = sorted((w for w in _DIRECTION_WORDS if w[0] in "NSEWC"), key=len, reverse=True)  # not "Gulf"
_COMPASS_BEFORE = re.compile(rf"(?<![\w-])(?:{one_of(_COMPASS_WORDS)})[ \t]+$")  # "West Java"


def _compass_places(text: str, spans: list[Candidate], registry: Registry) -> list[Candidate]:
    """spaCy's spans that a compass word before them makes a place the gazetteer knows ("Previously West Java
    has signed": spaCy tags "Java" a person), as GPE candidates of the whole name."""
    out = []
    for c in spans:
        compass = _COMPASS_BEFORE.search(text, max(0, c.start - 12), c.start)
        if compass and lookup_place(text[compass.start():c.end], registry) is not None:
            out.append(Candidate(compass.start(), c.end, "spacy", "GPE"))
    return out


def _person_spans(text: str, spans: list[Candidate], registry: Registry) -> list[tuple[int, int]]:
    """The persons spaCy found, as (start, end), without the places and bodies it took for persons: a place's
    whole name ("Montego Bay", "Great Yarmouth"), a name with a body's word ("Kara-Suu Municipality"), a place
    after a title-case headline's word, a nationality or a verb's -ing form ("Agreement With Lublin", "to
    Ukrainian Lviv", "Promoting Tauranga exporters"), a place's
    name after its compass word ("West Java"), and the places of "Alnwick and Voerde". Such a span names no
    person, and its place must not become a surname that erases the place from the whole document."""
    demonyms = _demonym_keys(registry)
    out = []
    for c in spans:
        if c.spacy_label != "PERSON":
            continue
        compass = _COMPASS_BEFORE.search(text, max(0, c.start - 12), c.start)
        if compass and lookup_place(text[compass.start():c.end], registry) is not None:
            continue  # "Previously West Java has signed": spaCy tags "Java" a person
        parts = _and_parts(text, c.start, c.end)
        for s, e in parts:
            words = text[s:e].split()
            if any(w in _BODY_WORDS for w in words) or words[-1] in _LOCAL_TITLES \
                    or ((len(words) > 1 or len(parts) > 1) and lookup_place(" ".join(words), registry) is not None):
                continue  # "Howard said" alone stays a person
            lead, rest = words[0], " ".join(words[1:])
            if rest and " " not in rest and lookup_place(rest, registry) is not None \
                    and (lead in _NOT_NAMES_CAPITALISED or lead.lower() in _DEMONYM_WORDS
                         or normalise_name(lead) in demonyms or _GERUND.fullmatch(lead)):
                continue  # "Promoting Tauranga exporters": a verb opening the sentence, then the place
            out.append((s, e))
    return out


_GERUND = re.compile(r"[A-Z][a-z]{2,}ing")


def _and_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at "and" / "&" between names, or at "in" ("Horsens in Denmark", a town and its country
    spaCy read as a person): (start, end) of each part."""
    parts, s = [], start
    for m in _PARTS_SPLIT.finditer(text, start, end):
        parts.append((s, m.start()))
        s = m.end()
    return [(a, b) for a, b in parts + [(s, end)] if b > a]
