"""Pair rows read against the whole story: filters of coopnews.partners.relations' rows (PAIR_COLUMNS dicts) that
drop what the document as a whole shows to be no cooperation pair: a country standing for a party's location, an
organisation and a place off the story's axis, a membership with no body, two bodies of one place, a country
twinned with a town, a trip to a country, fellow members of one delegation, chance meetings, countries in
passing and countries locating a partner the parse missed.

    rows = without_countries_a_party_stands_for(rows, entities, by_doc)
    rows = without_story_misreadings(rows, entities, by_doc)

`entities`: the entity table (coopnews.partners.entities.ENTITY_COLUMNS); `by_doc`: each document's mentions
as dicts with at least canonical and start, in text order.
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from ..data import load_data_yaml, word_alternatives
from . import syntax
from .gazetteer import is_territory, lookup_place
from .persons import ENVOY_TITLES


def without_story_misreadings(rows: list[dict], entities: pd.DataFrame, by_doc: dict[str, list[dict]]) -> list[dict]:
    """`rows` without the pairs the story as a whole shows to be none (each filter below, in this order)."""
    kind, home = _by_document_name(entities, "type"), _homes(entities)  # built once for the filters below
    rows = _without_incidental_pairs(_without_passing_countries(_without_countries_locating_a_partner(rows, kind, home),
                                                                kind, home, by_doc), kind, by_doc)
    rows = _without_chance_meetings(_without_bodiless_memberships(_without_a_places_own_bodies(rows, kind), kind),
                                    by_doc)
    rows = _without_trips_to_countries(_without_countries_twinned(rows, kind), kind, by_doc)
    return _without_fellow_delegates(rows, by_doc)


def _starts(by_doc: dict[str, list[dict]], doc: str, name: str) -> list[int]:
    """Where document `doc` names `name` (a canonical name): its mentions' starts."""
    return [m["start"] for m in by_doc.get(doc, ()) if m["canonical"] == name]


def _times_named(by_doc: dict[str, list[dict]], doc: str, name: str) -> int:
    return len(_starts(by_doc, doc, name))


def _by_document_name(entities: pd.DataFrame, column: str) -> dict[tuple[str, str], object]:
    """(doc_id, canonical) -> the entity table's `column` (a name's type, its country)."""
    return dict(zip(zip(entities["doc_id"], entities["canonical"]), entities[column]))


def _homes(entities: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(doc_id, canonical) -> the country the name lies in, for the names whose country is known."""
    return {key: country for key, country in _by_document_name(entities, "country").items()
            if isinstance(country, str)}


_LOCAL_BODY_WORDS = frozenset(load_data_yaml("relations.yaml")[0]["local_body_words"].split())


def _local_body(name: str) -> bool:
    """Whether an organisation's name is a body below country level's (data/relations.yaml local_body_words):
    "Lusaka City Council", "Jiangxi Provincial People's Government"."""
    return any(word.lower() in _LOCAL_BODY_WORDS for word in re.findall(r"[\w'’]+", name))


def _named_in(r: dict, name: str, by_doc: dict[str, list[dict]]) -> list[dict]:
    """The mentions of `name` (a canonical name) in the row's sentence."""
    return [m for m in by_doc.get(r["doc_id"], ()) if m["canonical"] == name and r["start"] <= m["start"] < r["end"]]


def _tied_with(r: dict, name: str, by_doc: dict[str, list[dict]]) -> bool:
    """Whether the row's sentence names `name` right after a tie noun and "with" ("strengthens ties with China")."""
    return any(_TIES_WITH_BEFORE.search(r["sentence"], 0, m["start"] - r["start"]) for m in _named_in(r, name, by_doc))


# a country's envoy right after its name: "the Chinese Ambassador met with the Deputy Mayor of the KSAMC"
_ENVOY_AFTER = re.compile(rf"[ \t]+{ENVOY_TITLES}\b", re.IGNORECASE)


def _envoy_of(r: dict, name: str, by_doc: dict[str, list[dict]]) -> bool:
    """Whether the row's sentence names the country `name` as its envoy's ("the Chinese Ambassador"): the envoy
    acts for the country with whom they meet, a local body too."""
    return any(_ENVOY_AFTER.match(r["sentence"], m["end"] - r["start"]) for m in _named_in(r, name, by_doc))


def without_countries_a_party_stands_for(rows: list[dict], entities: pd.DataFrame,
                                         by_doc: dict[str, list[dict]]) -> list[dict]:
    """Rows without a country paired with a place below country level when the sentence pairs that place with a
    party of that country too ("a delegation from Chile's O'Higgins region visited Shanxi": Shanxi's partner is
    O'Higgins, Chile only says where it lies), nor with a local body ("Lusaka City Council" and Rwanda: a town's
    tie, not a country's), nor with a government body of its own ("Shaanxi Department of Commerce" and China);
    country-level ties stay, and so does a country the sentence gives the tie ("Sydney delegation in Guangzhou
    strengthens ties with China"). `by_doc`: each document's mentions (_mentions_by_doc)."""
    if not rows or not len(entities):
        return rows
    places = entities[entities["label"] == "PLACE"]
    kind = _by_document_name(places, "type")
    body_kind = _by_document_name(entities[entities["label"] == "ORG"], "type")
    home = _homes(entities)
    partners: dict[tuple[str, int, str], set[str]] = {}
    for r in rows:
        for x, y in ((r["a"], r["b"]), (r["b"], r["a"])):
            if kind.get((r["doc_id"], y)) != "country" and home.get((r["doc_id"], y)):
                partners.setdefault((r["doc_id"], r["sent_id"], x), set()).add(home[(r["doc_id"], y)])

    def stood_for(r: dict) -> bool:
        for country, other, label in ((r["a"], r["b"], r["b_label"]), (r["b"], r["a"], r["a_label"])):
            if kind.get((r["doc_id"], country)) != "country" or kind.get((r["doc_id"], other)) == "country":
                continue
            if label == "PLACE" and country in partners.get((r["doc_id"], r["sent_id"], other), ()) \
                    and not _tied_with(r, country, by_doc):
                return True  # ... not "Sydney delegation in Guangzhou strengthens ties with China": its own tie
            if label == "ORG" and _local_body(other) and not _envoy_of(r, country, by_doc):
                return True
            if label == "ORG" and body_kind.get((r["doc_id"], other)) == "government" \
                    and home.get((r["doc_id"], other)) == country:
                return True  # "Shaanxi Department of Commerce" and China: a body of the country, no partner of it
        return False

    return [r for r in rows if not stood_for(r)]


def _most_paired(rows: list[dict]) -> dict[str, str]:
    """doc_id -> the party its rows name most (the first named on a tie): whom the story is about."""
    counts: dict[str, Counter] = {}
    for r in rows:
        counts.setdefault(r["doc_id"], Counter()).update((r["a"], r["b"]))
    return {doc: c.most_common(1)[0][0] for doc, c in counts.items()}


_TRADING_BODIES = ("company", "bank", "supranational", "zone")


def _without_incidental_pairs(rows: list[dict], kind: dict, by_doc: dict[str, list[dict]]) -> list[dict]:
    """Rows without an organisation and a place paired off the story's axis: neither is the party its rows name
    most, and the story names one of them only once ("... accompanied by members of the Tanzanian American
    Chamber of Commerce" pairs no chamber with "Arusha" in a story about Dallas). Businesses, banks, business
    zones and supranational bodies keep their side deals ("Ina signed a similar deal with West Germany's Hoechst
    AG"; "the Mayor of Guangzhou ... visited the eco-district of Lyon Confluence").
    `kind`: each (doc_id, name)'s type (_by_document_name)."""
    if not rows:
        return rows
    main = _most_paired(rows)

    def incidental(r: dict) -> bool:
        doc = r["doc_id"]
        org = r["a"] if r["a_label"] == "ORG" else r["b"]
        return {r["a_label"], r["b_label"]} == {"ORG", "PLACE"} and main[doc] not in (r["a"], r["b"]) \
            and min(_times_named(by_doc, doc, r["a"]), _times_named(by_doc, doc, r["b"])) <= 1 \
            and kind.get((doc, org)) not in _TRADING_BODIES

    return [r for r in rows if not incidental(r)]


_BODY_PLACES = ("supranational", "zone")  # places one joins as a member: the Schengen Area, the EU as a place


def _without_bodiless_memberships(rows: list[dict], kind: dict) -> list[dict]:
    """Rows without a membership that has no body to be a member of: both parties are towns, regions or countries
    ("Georgia and Bavaria share membership in a global alliance ..., which also includes partners in Brazil";
    "the area of Arnsberg joined with Brilon and Meschede"). A member joins an organisation, a bloc or a zone.
    `kind`: each (doc_id, name)'s type (_by_document_name)."""
    if not rows:
        return rows

    def body(r: dict, side: str) -> bool:
        return r[f"{side}_label"] == "ORG" or kind.get((r["doc_id"], r[side])) in _BODY_PLACES

    return [r for r in rows if r["type"] != "membership" or body(r, "a") or body(r, "b")]


_PUBLIC_BODIES = ("government", "association")


def _without_a_places_own_bodies(rows: list[dict], kind: dict) -> list[dict]:
    """Rows without two parties of one place: a place and its government, or two of its public bodies, both
    named after it ("Gyeonggi Provincial Government" and "Gyeonggi Province", "Sichuan Provincial Committee of the
    CPC" and "Sichuan Provincial People's Government"): one side, not partners. Other bodies of one city keep
    their deals ("Shanghai Automotive" with "Shanghai Port", "the New York Stock Exchange" with "the New York
    Futures Exchange").
    `kind`: each (doc_id, name)'s type (_by_document_name)."""
    if not rows:
        return rows

    def place_word(name: str) -> str | None:  # the longest place opening the name: "San Diego", not "San"
        words = re.sub(r"^[Tt]he\s+", "", name).split()
        return next((found[0] for n in (3, 2, 1) if len(words) >= n and len(" ".join(words[:n])) > 2
                     and (found := lookup_place(" ".join(words[:n]))) is not None), None)

    def one_side(r: dict) -> bool:
        word = place_word(r["a"])
        return word is not None and word == place_word(r["b"]) and all(
            r[f"{side}_label"] == "PLACE" or kind.get((r["doc_id"], r[side])) in _PUBLIC_BODIES for side in "ab")

    return [r for r in rows if not one_side(r)]


def _without_countries_twinned(rows: list[dict], kind: dict) -> list[dict]:
    """Rows without a twinning of a country and a party that is not one: towns, regions and ports are twinned
    with towns, regions and ports, and a country beside a twinning cue only counts or locates them ("Japan has
    the most ties with America (455)", "Chengdu has established sister-city relations with ... cities of ASEAN
    such as Indonesia", "our Sister City, Chyhyryn, Ukraine"). Two countries may state a country-level tie
    ("sister cities cooperation between China and the U.S."), and a territory is twinned like a town (Guam).
    `kind`: each (doc_id, name)'s type (_by_document_name)."""
    if not rows:
        return rows

    def country(r: dict, side: str) -> bool:  # a territory is twinned like a town ("Guam is Taichung's sister city")
        return r[f"{side}_label"] == "PLACE" and kind.get((r["doc_id"], r[side])) == "country" \
            and not is_territory(r[side])

    return [r for r in rows if r["type"] != "twinning" or country(r, "a") == country(r, "b")]


_TRIP_WORDS = word_alternatives(syntax.WORDS["trip_words"].split(), ending=r"\w*")
_TRIP_TO_BEFORE = re.compile(rf"\b(?:{_TRIP_WORDS})\b[^.;:\n]{{0,40}}?\b(?:to|in)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


def _without_trips_to_countries(rows: list[dict], kind: dict, by_doc: dict[str, list[dict]]) -> list[dict]:
    """Rows without a visit of a town or region to a country, which the sentence names as where it goes ("a trade
    mission to Mexico", "the governor's trip to China"): the country is where the visit happens, not a party to it
    (ANNOTATION.md: a country is a party only in a relation at country level). `kind`: each (doc_id, name)'s
    type (_by_document_name); `by_doc`: each document's mentions (_mentions_by_doc)."""

    def trip(r: dict) -> bool:
        if r["type"] != "visit" or r["a_label"] != "PLACE" or r["b_label"] != "PLACE":
            return False
        kinds = kind.get((r["doc_id"], r["a"])), kind.get((r["doc_id"], r["b"]))
        if (kinds[0] == "country") == (kinds[1] == "country"):
            return False
        country = r["a"] if kinds[0] == "country" else r["b"]
        if is_territory(country):
            return False
        starts = [s for s in _starts(by_doc, r["doc_id"], country) if r["start"] <= s < r["end"]]
        return bool(starts) and all(_TRIP_TO_BEFORE.search(r["sentence"], 0, s - r["start"]) for s in starts)

    return [r for r in rows if not trip(r)]


# "The delegation comprises members from the Hualien County Government and principals of ...": what a delegation
# is made of, its members told after the verb
_DELEGATION_MADE_OF = re.compile(
    r"\b(?:delegation|delegations|mission|team)\b(?:,[^,.;]{0,80}?(?:,|[ \t]and))?[ \t]+(?:(?:also|will|would)[ \t]+)?"
    r"(?:comprises|comprised|comprising|includes|included|including|features|featured|featuring|consists[ \t]+of|"
    r"consisted[ \t]+of|consisting[ \t]+of|formed[ \t]+(?:by|of)|involved|"
    r"(?:is|was|were|will[ \t]+be)[ \t]+(?:made[ \t]+up|composed)[ \t]+of)\b", re.IGNORECASE)


# whom a delegation comes from: "A delegation of officials from Kenya, Zimbabwe, and Mozambique went on a field
# trip ...": the places it comes from are fellow members, not partners
_DELEGATION_FROM = re.compile(r"\b(?:delegation|mission|team)(?:[ \t]+of[^.;,]{0,80}?)?[ \t]+from\b",
                              re.IGNORECASE)
_VISIT_AFTER = re.compile(r"\b(?:" + word_alternatives(syntax.WORDS["visit_told_words"].split(), ending=r"\w*")
                          + r")\b", re.IGNORECASE)


# "Nixon was joined on his trip by ... Department of Agriculture head Richard Fordyce": who travels with the subject
_COMPANION = re.compile(r"\b(?:joined|accompanied)[ \t]+(?:on[ \t]+(?:his|her|their|the)[ \t]+(?:[\w-]+[ \t]+)?"
                        r"(?:trip|visit|tour|mission|journey)[ \t]+)?by\b", re.IGNORECASE)
_COMPANION_END = re.compile(r"[,;.]|\b(?:on|during|to|in|at|for|when|while)\b")  # "... on his visit to Lyon"


def _without_fellow_delegates(rows: list[dict], by_doc: dict[str, list[dict]]) -> list[dict]:
    """Rows without two parties a sentence names only as what a delegation is made of ("The delegation
    comprises members from the Hualien County Government and principals and students of ... High School"), nor
    a traveller and whom the sentence says joins or accompanies him ("Nixon was joined on his trip by ...
    Department of Agriculture head Richard Fordyce"): fellow members of one side, not partners of each other
    (ANNOTATION.md: parties merely in the same list)."""

    def fellows(r: dict) -> bool:
        if r["type"] != "visit":
            return False
        if companions(r):
            return True
        made = _DELEGATION_MADE_OF.search(r["sentence"])
        if made is None:
            return from_one_list(r)
        after = r["start"] + made.end()
        starts = [[s - r["start"] for s in _starts(by_doc, r["doc_id"], name) if after <= s < r["end"]]
                  for name in (r["a"], r["b"])]
        if not all(starts):  # "The delegation featured ... Mayor Goshu Endalamahu of Bahir Dar": a member of it
            # and the party the delegation stands for, not named in the sentence
            named = [any(r["start"] <= s < r["end"] for s in _starts(by_doc, r["doc_id"], name))
                     for name in (r["a"], r["b"])]
            return any(starts) and not all(named)
        # "included six officials from the Laoshan District government who arrived in Columbia": a visit told
        return not _VISIT_AFTER.search(r["sentence"], made.end(), max(min(named) for named in starts))

    def companions(r: dict) -> bool:  # one side named only in the "joined by ..." phrase, the other before it
        cue = _COMPANION.search(r["sentence"])
        if cue is None:
            return False
        stop = _COMPANION_END.search(r["sentence"], cue.end())
        end = stop.start() if stop else len(r["sentence"])
        at = [[s - r["start"] for s in _starts(by_doc, r["doc_id"], name) if r["start"] <= s < r["end"]]
              for name in (r["a"], r["b"])]
        if not all(at):  # the traveller told by a title or a name ("Nixon was joined by ..."), not named here
            return any(all(cue.end() <= s < end for s in side) for side in at if side)
        return any(all(s < cue.start() for s in one) and all(cue.end() <= s < end for s in other)
                   for one, other in (at, at[::-1]))

    def from_one_list(r: dict) -> bool:  # "A delegation of officials from Kenya, Zimbabwe, and Mozambique went"
        come = _DELEGATION_FROM.search(r["sentence"])
        if come is None:
            return False
        after = r["start"] + come.end()
        starts = [[s for s in _starts(by_doc, r["doc_id"], name) if after <= s < r["end"]] for name in (r["a"], r["b"])]
        if not all(starts):
            return False
        return bool(_NAMES_LISTED.match(r["sentence"], come.end(), max(min(s) for s in starts) - r["start"]))

    return [r for r in rows if not fellows(r)]


# only names and the commas and "and" of a list: "from Kenya, Zimbabwe, and" before the list's last name
_NAMES_LISTED = re.compile(r"(?:[ \t]+(?:the[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*(?:,|,?[ \t]+and)?)*"
                           r"[ \t]+$")


def _without_chance_meetings(rows: list[dict], by_doc: dict[str, list[dict]]) -> list[dict]:
    """Rows without a meeting of two organisations the story names once each, neither being the party its rows
    name most: bodies a delegation met on its way ("received by the Secretariat of International Affairs, as
    well as by representatives of the secretariats of ..."), not partners of one another. Talks between
    bodies the story follows ("Deutsche Boerse ... talks with the London Stock Exchange") stay."""
    main = _most_paired(rows)

    def chance(r: dict) -> bool:
        doc = r["doc_id"]
        return r["type"] == "visit" and r["a_label"] == r["b_label"] == "ORG" and main[doc] not in (r["a"], r["b"]) \
            and _times_named(by_doc, doc, r["a"]) <= 1 and _times_named(by_doc, doc, r["b"]) <= 1

    return [r for r in rows if not chance(r)]


_TIES_WITH_BEFORE = re.compile(rf"\b(?:{'|'.join(syntax.WORDS['tie_nouns'].split())}|cooperation)[ \t]+with[ \t]+"
                               r"(?:the[ \t]+)?$", re.IGNORECASE)


_DELEGATION_FROM_BEFORE = re.compile(r"\b(?:delegations?|mission|visitors)(?:[ \t]+of[ \t]+[^.;,]{0,40}?)?[ \t]+"
                                     r"from[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


_LEADER_OF_BEFORE = re.compile(rf"\b(?:{syntax.WORDS['national_titles'].strip()})[ \t]+of[ \t]+(?:the[ \t]+)?$",
                               re.IGNORECASE)


def _without_passing_countries(rows: list[dict], kind: dict, home: dict, by_doc: dict[str, list[dict]]) -> list[dict]:
    """Rows without a town and a foreign country one of which the story names only once: a country in passing
    ("Tartu's other twin towns include ... Salisbury in Maryland, USA", "approaches from towns in such far-flung
    places as Romania and Bangladesh") or a town in passing ("Nepal already has consulates in Hong Kong and
    Lhasa") is no partner of the other, which the story names more; unless the sentence gives the country the
    tie ("Kimberley has strengthened its ties with China"). A place of no known kind counts as a town when
    it is the one named once. `by_doc`: each document's mentions (_mentions_by_doc); `kind`, `home`: each
    (doc_id, name)'s type and country (_by_document_name, _homes)."""
    if not rows:
        return rows

    def tied(r: dict, country: str) -> bool:  # "Kimberley has strengthened its ties with China": the country's own
        # tie; "A delegation from Bahrain is visiting Lyon", "the president of China will travel to Rio": it acts
        return _tied_with(r, country, by_doc) or any(
            _DELEGATION_FROM_BEFORE.search(r["sentence"], max(0, s - r["start"] - 80), s - r["start"])
            or _LEADER_OF_BEFORE.search(r["sentence"], max(0, s - r["start"] - 40), s - r["start"])
            for s in _starts(by_doc, r["doc_id"], country) if r["start"] <= s < r["end"])

    def passing(r: dict) -> bool:
        doc = r["doc_id"]
        if r["a_label"] != "PLACE" or r["b_label"] != "PLACE":
            return False
        for country, town in ((r["a"], r["b"]), (r["b"], r["a"])):
            if kind.get((doc, country)) != "country" or home.get((doc, town)) == country or tied(r, country):
                continue
            once = _times_named(by_doc, doc, country) <= 1, _times_named(by_doc, doc, town) <= 1
            if all(once):
                continue  # both named once: nothing tells which the story is about
            town_kind = kind.get((doc, town))
            if (town_kind == "city" and any(once)) or (not isinstance(town_kind, str) and once[1]):
                return True
        return False

    return [r for r in rows if not passing(r)]


def _without_countries_locating_a_partner(rows: list[dict], kind: dict, home: dict) -> list[dict]:
    """Rows without a town paired with a foreign country when the document names a place or body of that country
    and no row pairs any: the country only says where the town's partner lies, the partner the parse missed ("A
    delegation from Swindon flew out to Poland" in a story that names Toruń and never links it).
    `kind`, `home`: each (doc_id, name)'s type and country (_by_document_name, _homes)."""
    if not rows:
        return rows
    paired = {(r["doc_id"], name) for r in rows for name in (r["a"], r["b"])}
    unpaired: dict[str, set[str]] = {}
    for (doc, name), country in home.items():
        if kind.get((doc, name)) not in ("country", "region") and (doc, name) not in paired:
            unpaired.setdefault(doc, set()).add(country)  # a town ("Toruń"), not a region a body's name holds
    for doc, name in paired:
        if kind.get((doc, name)) != "country" and (doc, name) in home:
            unpaired.get(doc, set()).discard(home[(doc, name)])  # the country's own party is paired: it may stand

    def locating(r: dict) -> bool:
        return any(kind.get((r["doc_id"], country)) == "country" and kind.get((r["doc_id"], town)) == "city"
                   and home.get((r["doc_id"], town)) != country and country in unpaired.get(r["doc_id"], ())
                   for country, town in ((r["a"], r["b"]), (r["b"], r["a"])))

    return [r for r in rows if not locating(r)]
