"""One case per error class seen on real news (issue 12): what a reader of the sentence would list as
cooperation pairs, entities and dated events. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from coopnews.partners.entities import entities_in_text
from coopnews.partners.relations import cue_in, pairs_in_text
from coopnews.timeline.events import events_in_text


def pair_set(text: str, **kw) -> set[frozenset]:
    table = pairs_in_text(text, **kw)
    return {frozenset((a, b)) for a, b in zip(table["a"], table["b"])}


def star(hub: str, *others: str) -> set[frozenset]:
    return {frozenset((hub, o)) for o in others}


@pytest.mark.parametrize("text, expected", [
    # a head and its list is a star, not a clique
    ("Kobe's sister cities include Seattle, Marseille and Barcelona.", star("Kobe", "Seattle", "Marseille", "Barcelona")),
    # a list of guests states no cooperation among them
    ("The reception was attended by delegates from Hamburg, Osaka, Lyon, Turin and Seville.", set()),
    # a place and the country containing it are not a pair; the country only locates the city
    ("Bordeaux, France, signed a cooperation accord with Wuhan.", {frozenset(("Bordeaux", "Wuhan"))}),
    # a venue is never a party
    ("Lyon and Guangzhou signed the memorandum at the Grand Riverside Hotel in Shanghai.", {frozenset(("Lyon", "Guangzhou"))}),
    # co-hosting and attending are not cooperation by themselves
    ("Lyon and Turin co-hosted the innovation forum.", set()),
    ("Delegates from Lyon and Turin attended the expo in Milan.", set()),
    # disputes, complaints and sanctions are not cooperation
    ("The United States filed a complaint against the European Union at the World Trade Organization.", set()),
    ("Canada imposed sanctions on Iran after talks collapsed.", set()),
    # a negated relation is none
    ("Toyota said it had not negotiated with Renault.", set()),
    # "it" stands for the article's main party
    ("Toyota Motor Corp expands abroad.\n\nIt signed a joint venture agreement with Renault.",
     {frozenset(("Toyota Motor Corp", "Renault"))}),
    # a city's delegation acts for the city
    ("A delegation from Hefei visited Lyon in May.", {frozenset(("Hefei", "Lyon"))}),
])
def test_pairs_by_error_class(text, expected):
    assert pair_set(text) == expected


@pytest.mark.parametrize("sentence", [
    "Regulators opened an investigation into the bank.",  # not an investment
    "The result was significant for the region.",  # not a signing
    "The hostage crisis ended.",  # not hosting
])
def test_cue_words_go_by_sense(sentence):
    assert cue_in(sentence) is None


def entity_rows(text: str) -> dict[str, tuple[str, str]]:
    table = entities_in_text(text)
    return {row.text: (row.label, row.canonical, row.type) for row in table.itertuples()}


def test_countries_are_countries_never_companies():
    rows = entity_rows("The US phone firm signed a deal with Britain's biggest bank.")
    assert rows["US"] == ("PLACE", "United States", "country")


def test_acronym_and_short_forms_link_to_the_long_form():
    table = entities_in_text("The World Trade Organization (WTO) met in Geneva. Later the WTO said Lyphomed Inc "
                             "and Lyphomed would comply.")
    canon = dict(zip(table["text"], table["canonical"]))
    assert canon["WTO"] == "World Trade Organization"
    assert canon["Lyphomed"] == "Lyphomed Inc"


def test_nationality_before_a_title_names_the_country_represented():
    rows = entity_rows("Yugoslav Finance Minister Petar Novak met bankers in Paris.")
    assert rows["Yugoslav"][:2] == ("PLACE", "Yugoslavia")


def test_generic_words_venues_and_event_names_are_not_organisations():
    names = set(entities_in_text("The Summit opened at the Grand Riverside Hotel before the Lyon Partnership "
                                 "Innovation Cooperation Week.")["canonical"])
    assert not names & {"Summit", "Grand Riverside Hotel", "Lyon Partnership Innovation Cooperation Week"}


def events_of(text: str, anchor: str | None = None):
    pairs = pairs_in_text(text, anchor=anchor)
    ents = entities_in_text(text)
    return events_in_text(text, anchor=anchor, entities=ents, pairs=pairs)


def test_event_parties_are_the_relation_parties():
    events = events_of("Kobe and Seattle signed a twinning agreement on 3 May 1957.")
    assert events["value"].tolist() == ["1957-05-03"]
    assert set(events.iloc[0]["parties"]) == {"Kobe", "Seattle"}


def test_dateline_day_is_not_an_event():
    events = events_of("KOBE, March 3 - Kobe said it signed a twinning agreement with Seattle in 1957.",
                       anchor="1987-03-03")
    assert events["value"].tolist() == ["1957"]


def test_several_events_in_one_sentence_stay_apart_and_none_is_repeated():
    events = events_of("Lyon and Wuhan signed an accord in 2005 and opened a joint office in 2010. "
                       "In 2005 Lyon and Wuhan signed the accord after long talks.")
    assert sorted(events["value"]) == ["2005", "2010"]
