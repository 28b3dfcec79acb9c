"""Entity error classes of real news, each on a sentence written for the test (coopnews.partners.entities)."""
from __future__ import annotations

import pytest

from coopnews.partners.entities import entities_in_text
from coopnews.partners.gazetteer import lookup_place


def found(text: str) -> dict[str, tuple[str, str | None]]:
    """canonical -> (label, type) of the entities of `text`."""
    return {row.canonical: (row.label, row.type) for row in entities_in_text(text).itertuples()}


def test_a_small_town_word_opening_a_party_name_keeps_the_name():
    # "Green" is also a small town: "Green Democrats" is no place followed by a word
    assert found("The Green Democrats also want lower fees for students.") == {
        "Green Democrats": ("ORG", "other")}


def test_a_party_name_spacy_cut_after_the_opening_the_is_whole():
    # spaCy tags only "Democrats" after a sentence-opening "The"
    assert found("The Free Democrats also backed the budget.") == {"Free Democrats": ("ORG", "other")}
    assert found("Turnout fell.\n\nThe Green Democrats say the Christian Democrats lost.") == {
        "Green Democrats": ("ORG", "other"), "Christian Democrats": ("ORG", "other")}


def test_a_place_opening_a_company_name_of_the_document_is_the_company():
    from coopnews.partners.entities import link_names
    from coopnews.partners.mention import Mention

    text = "Korvath AG said on Monday that Korvath will sell Leeds Pumps Plc's unit in Leeds."
    long = Mention(0, 10, "Korvath AG", "ORG", "Korvath AG", "company", None, "rule")
    short = Mention(31, 38, "Korvath", "PLACE", "Korvath", None, None, "spacy")  # spaCy: GPE
    pumps = Mention(49, 64, "Leeds Pumps Plc", "ORG", "Leeds Pumps Plc", "company", None, "rule")
    city = Mention(76, 81, "Leeds", "PLACE", "Leeds", "city", "United Kingdom", "spacy")
    out = {m.text: (m.label, m.canonical) for m in link_names([long, short, pumps, city], text)}
    assert out["Korvath"] == ("ORG", "Korvath AG")
    assert out["Leeds"] == ("PLACE", "Leeds")  # a known city stays a place


def test_compass_words_alone_name_no_place():
    got = found("Western bankers in Vienna said the Gulf states agreed, as did the South East.")
    assert got == {"Vienna": ("PLACE", "city")}
    assert set(found("Oil from the Middle East reached Rotterdam.")) == {"Middle East", "Rotterdam"}


def test_groups_of_people_are_no_organisations():
    got = found("Leaders of Catholics, Hindus and Kurds met Irish Sikhs and Arab Europeans in Leeds.")
    assert got == {"Leeds": ("PLACE", "city")}
    assert "Christian Democrats" in found("The Christian Democrats met Hindu Council of Canada officials.")


def test_seas_gulfs_and_rivers_are_no_places():
    got = found("Tankers crossed the Baltic Sea, the Gulf of Oman and the Bay of Biscay to reach Genoa.")
    assert not {"Baltic Sea", "Gulf of Oman", "Bay of Biscay"} & set(got)
    assert got["Genoa"] == ("PLACE", "city") and got["Oman"] == ("PLACE", "country")  # a place named inside stays


def test_a_nationality_before_a_representative_still_names_the_country():
    got = found("The French President met Hindus and Sikhs in Leeds.")
    assert got["France"] == ("PLACE", "country") and "Hindus" not in got and "Sikhs" not in got


def test_people_named_after_a_role_or_given_a_title_are_no_organisations():
    assert found("Marta Quell, the bank's chief economist, said rates would fall.") == {}
    assert found("Opposition finance spokesman Owain Pryce said the plan would fail.") == {}
    assert found("Shares rose against shopping mall developer Carlo Benetti.") == {}
    # a company after a role-like noun keeps its legal form, and stays
    assert "Olympia Holdings Ltd" in found("The deal was signed with developer Olympia Holdings Ltd in Toronto.")
    assert "Lisbon Futures Exchange" in found("Traders at the Lisbon Futures Exchange, an exchange spokesman said, sold.")


def test_an_acronym_matches_a_name_without_its_legal_form_or_elided_article():
    got = found("Korvath Heavy Machines Ltd will supply the plant. KHM said the order was worth 10 mln dlrs. "
                "The Banque de l'Ouest Atlantique joined it; BOA said so.")
    assert set(got) == {"Korvath Heavy Machines Ltd", "Banque de l'Ouest Atlantique"}


def test_wire_paragraph_breaks_end_names():
    text = ("TURKEY, CHILE TO SWAP COPPER, WOOL PRODUCTS\n    ANKARA, May 3 - Turkey will buy copper from Chile, the\n"
            "Anatolia news agency said. Ties were set out in an accord for a new shipping line\n"
            "    The two sides said Chile would also sell wool.")
    got = found(text)
    assert not [name for name in got if "\n" in name or name in ("The", "PRODUCTS")]
    assert got["Anatolia"] == ("ORG", "media") and got["Ankara"] == ("PLACE", "city")


def test_a_spacy_span_ends_at_a_paragraph_break():
    from types import SimpleNamespace

    from coopnews.partners.candidates import _spacy_candidates

    text = ("POLAND, CUBA TO SWAP SUGAR, MACHINE TOOLS\n    WARSAW, June 9 - Poland agreed to swap tools with the "
            "Soviet\nUnion")  # a wire wraps its lines at 50 to 70 characters
    start, wrapped = text.index("MACHINE"), text.index("Soviet")
    ents = [SimpleNamespace(text=text[start:start + 27], start_char=start, end_char=start + 27, label_="ORG"),
            SimpleNamespace(text="Soviet\nUnion", start_char=wrapped, end_char=wrapped + 12, label_="GPE")]
    spans = [text[c.start:c.end] for c in _spacy_candidates(SimpleNamespace(ents=ents, text=text))]
    assert spans == ["MACHINE TOOLS", "Soviet\nUnion"]


def test_a_newspaper_name_of_several_words_is_whole():
    assert found("The Farmers Weekly newspaper said on Monday that wheat prices fell.") == {
        "Farmers Weekly": ("ORG", "media")}


def test_compound_compass_adjectives_name_nothing():
    from coopnews.partners.candidates import Candidate
    from coopnews.partners.entities import classify
    from coopnews.partners.registry import as_registry

    text = "Gas was found in the Southwestern part of the basin near Tripoli."
    start = text.index("Southwestern")
    assert classify(text, Candidate(start, start + 12, "spacy", "ORG"), as_registry(None), {}) is None


def test_a_span_from_a_capitals_headline_into_the_body_is_no_name():
    from coopnews.partners.entities import link_names
    from coopnews.partners.mention import Mention

    text = "POLAND, CUBA TO SWAP SUGAR, MACHINE TOOLS\nWARSAW, June 9 - Poland agreed to buy sugar."
    start, end = text.index("MACHINE"), text.index(",", text.index("WARSAW"))
    span = Mention(start, end, text[start:end], "ORG", text[start:end], "other", None, "spacy")
    assert link_names([span], text) == []


def test_short_forms_of_an_organisation_join_it():
    from coopnews.partners.entities import link_names
    from coopnews.partners.mention import Mention

    def org(text, start):
        return Mention(start, start + len(text), text, "ORG", text, "other", None, "spacy")

    text = "The Social Democrats won. A Social Democrat MP said Soc Dems would vote. The Trade Commission agreed."
    names = ["Social Democrats", "Social Democrat", "Soc Dems", "Trade Commission", "Commission"]
    mentions = [org(n, text.index(n)) for n in names[:4]] + [org("Commission", text.rindex("Commission"))]
    got = [m.canonical for m in link_names(mentions, text)]
    assert got == ["Social Democrats"] * 3 + ["Trade Commission"] * 2
    # a head shared by two longer names stays as it is
    two = mentions + [org("European Commission", 0)]
    assert [m.canonical for m in link_names(two, text)][4] == "Commission"


def test_a_capitals_headline_fragment_is_no_long_form_for_the_body():
    from coopnews.partners.entities import link_names
    from coopnews.partners.mention import Mention

    text = "GLASS AND STEEL IN PERU STEEL DEAL\nLIMA, May 4 - Steel said it signed."
    head = Mention(10, 28, "STEEL IN PERU STEEL", "ORG", "STEEL IN PERU STEEL", "other", None, "spacy")
    body = Mention(49, 54, "Steel", "ORG", "Steel", "other", None, "spacy")
    assert [m.canonical for m in link_names([head, body], text)] == ["Steel"]


def test_a_lower_case_compass_word_is_no_part_of_a_place_name():
    got = found("Visits to Derby, Leeds and west Glasgow are planned for the week.")
    assert set(got) == {"Derby", "Leeds", "Glasgow"}


def test_titles_with_their_holder_or_portfolio_are_no_organisations():
    got = found("The accord followed a meeting between Bosch GmbH, Siemens AG, Economy Minister Hans Kruger and Linde AG.")
    assert set(got) == {"Bosch GmbH", "Siemens AG", "Linde AG"}
    got = found("The visit was announced by Rafael Soto, the Chilean Minister of Energy, on Monday.")
    assert not [name for name in got if "Minister" in name]
    assert "Ministry of Energy" in found("The Ministry of Energy signed with Chemie Werke AG.")


def test_people_of_a_place_of_the_document_are_no_entities():
    got = found("Protests in Kurdistan spread as Kurdistanis marched in Erbil; a Kurdistani group joined.")
    assert set(got) == {"Kurdistan", "Erbil"}
    assert found("Middle Eastern buyers and Western banks bought bonds in Vienna.") == {"Vienna": ("PLACE", "city")}


def test_subdivisions_listed_with_a_second_name_are_places():
    from coopnews.partners.gazetteer import lookup_place

    assert lookup_place("Isle of Anglesey") == ("Isle of Anglesey", "region", "United Kingdom")
    assert lookup_place("Sir Ynys Môn") == ("Isle of Anglesey", "region", "United Kingdom")  # "... [Sir Ynys Môn GB-YNM]"
    assert lookup_place("Gerona")[1:] == ("region", "Spain")  # "Girona [Gerona]"


def test_laws_are_no_organisations_and_a_medium_drops_its_descriptor():
    from coopnews.partners.candidates import Candidate
    from coopnews.partners.entities import classify
    from coopnews.partners.registry import as_registry

    got = found("The Data Privacy Bill and the Fair Lending Act were praised by the Press Union news agency.")
    assert got == {"Press Union": ("ORG", "association")}
    text = "He told the Continental Press news agency on Monday."
    span = Candidate(text.index("Continental"), text.index(" on Monday"), "spacy", "ORG")  # spaCy's span
    assert classify(text, span, as_registry(None), {}).text == "Continental Press"


def test_a_name_cut_at_the_possessive_of_a_venue_is_the_venue():
    got = found("On Saturday, a spokeswoman for the St Oswald's Shopping Centre in Cardiff said it was busy.")
    assert got == {"Cardiff": ("PLACE", "city")}  # spaCy: ORG "the St Oswald's"
    assert found("Sales at St Giles's Shopping Centre rose.") == {}


def test_and_co_ends_one_company_name():
    assert found("Osaka trader Hiroshi Sato and Co Ltd said it would buy the mill.")["Hiroshi Sato and Co Ltd"][0] == "ORG"


def test_an_acronym_defined_after_a_name_ending_in_a_full_stop():
    got = entities_in_text("Power company <Aguas Minerales de Galicia S.A.> (AMGSA) said AMGSA would sell bonds.")
    assert set(got["canonical"]) == {"Aguas Minerales de Galicia S.A."}


def test_short_forms_by_acronym_abbreviation_or_distinctive_word():
    from coopnews.partners.entities import link_names
    from coopnews.partners.mention import Mention

    def m(text, label, canonical=None, type_=None):
        return Mention(0, len(text), text, label, canonical or text, type_, None, "spacy")

    mentions = [m("Federal Audit Office", "ORG", type_="government"), m("FAO", "PLACE", "Fao", "city"),
                m("Delmar Laboratories Inc", "ORG", type_="company"), m("Delmar Labs", "ORG", type_="institute"),
                m("Harlow Vintner Co", "ORG", type_="company"), m("Vintner", "ORG", type_="other")]
    got = [(x.text, x.label, x.canonical) for x in link_names(mentions)]
    assert got[1] == ("FAO", "ORG", "Federal Audit Office")  # an acronym in capitals, not the town Fao
    assert got[3][2] == "Delmar Laboratories Inc" and got[5][2] == "Harlow Vintner Co"
    # a word shared by two longer names links to neither
    two = [m("Harlow Vintner Co", "ORG"), m("Keld Vintner Group", "ORG"), m("Vintner", "ORG")]
    assert link_names(two)[2].canonical == "Vintner"


def test_a_company_described_with_a_city_name_is_the_company_throughout():
    got = entities_in_text("Japanese electronics firm Sendai unveiled a robot. Sendai said it would sell it next year.")
    assert list(got["label"]) == ["ORG", "ORG"]


def test_an_adverb_opening_a_sentence_is_no_name():
    from coopnews.partners.candidates import Candidate
    from coopnews.partners.entities import classify
    from coopnews.partners.registry import as_registry

    text = "Stock prices rose.\nEarlier, Ventrex and Calgene said they would work together."
    start = text.index("Earlier")
    assert classify(text, Candidate(start, start + 7, "list"), as_registry(None), {}) is None


def test_works_are_no_organisations():
    assert found("Ravi Kapur, star of Monsoon, said the comedy series Summer Hours would end.") == {}


def test_a_lower_case_lead_and_dash_are_no_part_of_a_name():
    got = found("It already has a US brewing arm - Kestrel Ales & Ciders. Kestrel said sales rose.")
    assert "Kestrel Ales & Ciders" in got and not [n for n in got if n.startswith("arm")]


def test_products_and_divisions_after_an_organisations_possessive_are_no_partners():
    assert found("Toshi Ando, from Nikon's Optical Engineering Research Laboratory, built it.") == {
        "Nikon": ("ORG", "other")}
    assert "Agfa-Gevaert NV" in found("The deal with Bayer AG's Agfa-Gevaert NV unit was signed.")
    got = found("The Trade Ministry's Export Control Department and Japan Steel's Blast Furnace Lab met.")
    assert "Export Control Department" in got and "Blast Furnace Lab" not in got


def test_a_name_of_two_words_joined_by_and_that_the_text_repeats_is_one_name():
    from coopnews.partners.candidates import _chunks

    text = ("Peru's Copper and Tin PLC will build the plant. Copper and Tin Chairman Luis Vega signed. "
            "Fiat and Chrysler Corp met IMF and World Bank officials, then IMF and World Bank staff.")
    chunks = [text[s:e] for s, e in _chunks(text)]
    assert "Copper and Tin PLC" in chunks  # base: 'Copper', 'Tin PLC'
    assert "Fiat" in chunks and "Chrysler Corp" in chunks  # said once: two companies
    assert "IMF and World Bank" not in chunks


def test_a_titled_surname_tagged_as_an_unknown_place_is_the_person():
    from coopnews.partners.persons import _not_surnames
    from coopnews.partners.mention import Mention
    from coopnews.partners.registry import as_registry

    text = "The deal unravelled as Mr Prewitt left for Leeds."
    start = text.index("Prewitt")
    surname = Mention(start, start + 7, "Prewitt", "PLACE", "Prewitt", None, None, "spacy")  # spaCy: GPE
    city = Mention(text.index("Leeds"), text.index("Leeds") + 5, "Leeds", "PLACE", "Leeds", "city", "United Kingdom",
                   "spacy")
    assert [m.text for m in _not_surnames(text, [surname, city], [], as_registry(None))] == ["Leeds"]


def test_a_price_after_a_company_name_is_no_part_of_it():
    got = found("It sold the brand to Harlow Vintners PLC for 1.2 billion dlrs.")
    assert "Harlow Vintners PLC" in got


def test_a_nationality_spacy_runs_into_the_dateline_date_is_found():
    got = found("LIMA, May 4 - West German Economics Minister Karl Brandt said the talks went well.")
    assert got.get("West Germany", (None,))[0] == "PLACE"
    assert not any("Following" in g for g in found("LIMA, May 4 - Following the talks, the ministers left."))


def test_a_body_before_its_presidents_title_stays_an_organisation():
    got = found("Riksbank Governor Karl Lund met Finance Secretary Anna Berg in Oslo.")
    assert got.get("Riksbank", (None,))[0] == "ORG"
    assert "Finance" not in got  # a portfolio before a secretary's title is no organisation


def test_a_company_name_may_open_with_initials():
    got = found("K. Sato and Co Ltd signed a supply deal with T.R. Hollis Corp.")
    assert got.get("K. Sato and Co Ltd", (None,))[0] == "ORG"
    assert got.get("T.R. Hollis Corp", (None,))[0] == "ORG"


def test_a_city_written_without_its_accents_is_the_city():
    # English wire copy drops accents: "Bogota" is Bogotá; a town's bare form ("Garcia") stays a name
    got = {row.text: (row.canonical, row.country) for row in entities_in_text(
        "Officials from Bogota and Sao Paulo met bankers in Montreal, Ana Garcia said.").itertuples()}
    assert got == {"Bogota": ("Bogotá", "Colombia"), "Sao Paulo": ("São Paulo", "Brazil"),
                   "Montreal": ("Montréal", "Canada")}


def test_a_name_after_a_personal_title_is_a_person_whatever_place_it_names():
    # Essex is a county; "Ms Essex" is the minister speaking
    assert found("Ms Essex said the councils of Wales would gain.") == {"Wales": ("PLACE", "region")}


def test_a_companys_first_word_alone_names_the_company():
    text = ("Varnell Industries Inc said it signed a licensing pact with Orbis Sports Ltd on Monday. Varnell signed similar "
            "pacts in May with Tarn Apparel Inc.")
    rows = entities_in_text(text)
    assert list(rows[rows["text"] == "Varnell"]["canonical"]) == ["Varnell Industries Inc"]
    from coopnews.partners.relations import pairs_in_text
    pairs = pairs_in_text(text)
    assert {frozenset(p) for p in zip(pairs["a"], pairs["b"])} == {
        frozenset(("Varnell Industries Inc", "Orbis Sports Ltd")), frozenset(("Varnell Industries Inc", "Tarn Apparel Inc"))}


def test_a_first_word_the_text_also_writes_in_lower_case_is_no_name():
    rows = entities_in_text("Summit Bank Corp opened in May. The summit was held in June, and Summit said it grew.")
    assert "Summit" not in set(rows["text"])


def test_a_place_ending_a_persons_name_after_a_particle_is_the_person():
    got = found("Garcia and Mexican President Miguel de la Madrid met in Rio de Janeiro on Monday.")
    assert got == {"Mexico": ("PLACE", "country"), "Rio de Janeiro": ("PLACE", "city")}


def test_where_a_company_is_based_is_no_part_of_its_name():
    assert found("The deal with London-based Vodafone Group was signed.") == {
        "London": ("PLACE", "city"), "Vodafone Group": ("ORG", "company")}


def test_two_one_word_names_joined_by_and_are_two_when_the_text_names_one_alone():
    got = found("Russian firms Gazprom and Rosneft will merge. Gazprom said the deal was done.")
    assert set(got) == {"Gazprom", "Rosneft"}
    # a name of two words joined by 'and' that the text never splits stays one
    assert "Procter and Gamble" in found("Procter and Gamble said on Monday that Procter and Gamble would grow.")


def test_a_national_treasury_and_congress_are_government_bodies():
    # spaCy tags "UK" and "Treasury" apart, and "Congress" ends event names ("World Congress")
    got = found("The grant comes from the UK Treasury, and the bill now goes to Congress.")
    assert got["UK Treasury"] == ("ORG", "government")
    assert got["Congress"] == ("ORG", "government")
    assert "World Energy Congress" not in found("Delegates arrived in Rome for the World Energy Congress.")


def test_a_title_before_a_name_keeps_the_body_and_drops_the_person():
    got = found("Treasury Secretary Dana Kell met U.S. Treasury officials in Washington.")
    assert not any("Kell" in name for name in got)
    assert got["U.S. Treasury"] == ("ORG", "government")


def test_the_people_of_a_body_opening_a_sentence_are_cut_from_its_name():
    got = found("Officials of the Portuguese Finance Ministry and West German Treasury met in Bonn.")
    assert "Portuguese Finance Ministry" in got and not any(name.startswith("Officials") for name in got)


def test_a_nationality_before_a_title_after_a_dateline_is_the_country():
    # spaCy leaves "Soviet" untagged right after a wire dateline
    got = found("TALKS\n    PARIS, March 11 - Soviet Deputy Prime Minister Ivan Orlov ended a brief visit here.")
    assert got["Soviet Union"] == ("PLACE", "country")


def test_a_compass_word_in_a_hyphenated_pair_of_nationalities_is_no_place():
    got = found("Talks covered Soviet-West German joint ventures and East-West trade.")
    assert "West" not in got and "East" not in got


def test_a_wire_acronym_after_a_bracketed_name_is_its_alias_and_a_ticker_no_name():
    text = ("    ROME, March 5 - State-owned food company <Alimenti Meridionali Spa - AMS> is discussing joint "
            "ventures with Unilever PLC-NV <UN.A>.\n    AMS said talks were at an early stage.")
    rows = entities_in_text(text)
    assert set(rows.canonical) == {"Rome", "Alimenti Meridionali Spa", "Unilever PLC-NV"}
    assert set(rows[rows.canonical == "Alimenti Meridionali Spa"].text) == {"Alimenti Meridionali Spa", "AMS"}


def test_a_headline_word_no_gazetteer_knows_is_no_place():
    from coopnews.partners.entities import link_names
    from coopnews.partners.mention import Mention

    text = "DUMOND EXPECTS TRADE PROBLEMS SOLVED\n    PARIS, March 2 - Talks with Oman went well."
    word = Mention(0, 6, "DUMOND", "PLACE", "DUMOND", None, None, "spacy")  # spaCy: GPE
    oman = Mention(text.index("Oman"), text.index("Oman") + 4, "Oman", "PLACE", "Oman", "country", "Oman", "spacy")
    assert [m.canonical for m in link_names([word, oman], text)] == ["Oman"]


def test_titles_governments_and_papers_are_no_organisations():
    got = found("The U.K. Government had no part in it, Reagan's National Security Adviser said.")
    assert got == {"United Kingdom": ("PLACE", "country")}  # "the X Government" stands for X
    assert found("The reform was set out in a White Paper and in the draft Constitution.") == {}
    assert found("It is staid in contrast to Mr Lyons' image of the canyon.") == {}
    assert found("The Federal Reserve Board met on Monday.") == {"Federal Reserve Board": ("ORG", "other")}


def test_a_country_abbreviation_before_a_title_after_a_dateline_is_the_country():
    text = "TRADE\n    SEOUL, April 21 - U.S. Commerce Secretary Mark Dalby praised the new policies."
    rows = entities_in_text(text)
    assert ("U.S.", "United States") in set(zip(rows.text, rows.canonical))  # the abbreviation keeps its last dot


def test_a_portfolio_before_a_lowercase_title_is_no_organisation():
    assert "Trade" not in found("Lyng and Trade representative Clayton Yeutter met Japanese officials.")


def test_a_name_spacy_runs_into_a_bracket_stops_before_it_and_the_bracket_is_an_alias():
    text = ("The Japan Overseas Trade Organisation (JOTRO) approved the plan. The Federation of Economic "
            "Organisations (Keidanren) backed it, and Keidanren said so.")
    rows = entities_in_text(text)
    assert set(rows.canonical) == {"Japan Overseas Trade Organisation", "Federation of Economic Organisations"}


def test_two_names_joined_by_and_are_each_found():
    got = found("Nantes Metropole and Jinan signed a letter of intent on urban planning cooperation.")
    assert got["Nantes Metropole"] == ("ORG", "government") and got["Jinan"] == ("PLACE", "city")


def test_an_investment_agency_named_after_its_place_is_an_organisation():
    assert found("Invest in Bavaria opened an office in Shenzhen in 2015.")["Invest in Bavaria"] == ("ORG", "government")
    assert found("Invest Lyon opened a representative office in Beijing.")["Invest Lyon"] == ("ORG", "government")
    assert found("Foreign companies invest in China every year.") == {"China": ("PLACE", "country")}


def test_a_mayors_city_is_cut_from_the_name_that_follows_it():
    got = found("Lord Mayor of Birmingham John Lines hosted a reception for the visiting Changchun delegation.")
    assert got == {"Birmingham": ("PLACE", "city"), "Changchun": ("PLACE", "city")}


@pytest.mark.parametrize("text, expected", [
    # the outlet a dateline or the last line credits is no partner (and "Xinhua" no Chinese town)
    ("HUE, Vietnam, March 4 (Yonhap) -- The city of Hue signed a pact with Gyeongju.",
     {"Viet Nam", "Huế", "Gyeongju"}),
    ("NANJING, May 3 (Xinhua) -- Nanjing signed a pact with Lyon.", {"Nanjing", "Lyon"}),
    ("ERIE, Pennsylvania (WXYZ) — A delegation from Kofu arrived.", {"Erie", "Pennsylvania", "Kofu"}),
    ("Talks were led by the Cebu Chamber of Commerce. (TRIBUNE)", {"Cebu Chamber of Commerce"}),
])
def test_an_outlet_credited_in_brackets_names_no_partner(text, expected):
    assert set(found(text)) == expected


def test_a_kind_of_place_before_of_names_the_place():
    # "the Province of X", "the State of X", "the Municipality of X", "the Chinese City of X" are places
    got = found("The Province of Shanxi and the State of Jalisco signed with the Municipality of Port Elgin.")
    assert got == {"Shanxi": ("PLACE", "region"), "Jalisco": ("PLACE", "region"), "Port Elgin": ("PLACE", "city")}
    got = found("Leeds and the Chinese City of Changchun on Monday March 2 agreed on a plan.")
    assert got == {"Leeds": ("PLACE", "city"), "Changchun": ("PLACE", "city")}
    assert found("The Ashanti Region and the Kochi Prefecture of Japan") == {
        "Ashanti": ("PLACE", "region"), "Kochi": ("PLACE", "region"), "Japan": ("PLACE", "country")}


def test_a_citys_government_stands_for_the_city():
    assert found("The ceremony was hosted by Montpellier Government, France.") == {
        "Montpellier": ("PLACE", "city"), "France": ("PLACE", "country")}


@pytest.mark.parametrize("text, gone", [
    ("As part of the Bridges of Trust project, the towns met.", "Bridges of Trust"),  # a programme
    ("PM Modi said the framework could help.", "Modi"),
    ("Utilities director, Marina Hollands, will visit.", "Marina Hollands"),
    ("He met Nana Kofi Barima Mensah, Chief of Nkawie, and his elders.", "Nana Kofi Barima Mensah"),
    ("Mayor Moore said the pledge stood.", "Moore"),  # a surname after a title, not Moore, Oklahoma
    ("Kwame Osei, Kumasi Metropolitan Chief Executive, said so.", "Kumasi Metropolitan Chief Executive"),
    ("The talks were held at the Port Elgin Civic Centre.", "Port Elgin Civic Centre"),  # a venue
])
def test_names_that_are_no_partner(text, gone):
    assert not any(gone in name for name in found(text))


def test_a_name_after_a_gerund_or_an_article_is_cut_there():
    assert "Kumasi Metropolitan Assembly" in found("Addressing the Kumasi Metropolitan Assembly, he spoke.")
    assert "Laredo Products Office" in found("Eads agreed to open a Laredo Products Office in Texas.")
    got = found("In a reception for Vice Governor of Japan's Wakayama Prefecture Shimo Hiroshi in Hanoi, he spoke.")
    assert set(got) == {"Japan", "Wakayama", "Hanoi"}


def test_words_of_a_title_case_headline_are_no_organisation_unless_the_text_repeats_them():
    got = found("Leeds Seeks to Bolster ‘Twin Town’ Ties with Kofu\n\nLeeds wants closer ties with Kofu.")
    assert set(got) == {"Leeds", "Kofu"}
    got = found("Siemens Buys Stake In Kofu Networks Unit\n\nSiemens said it bought the stake.")
    assert "Siemens" in got


def test_a_quantifier_opening_a_sentence_names_no_place():
    assert found("Each prefecture will sign with a state. Both Leeds and Kofu agreed.") == {
        "Leeds": ("PLACE", "city"), "Kofu": ("PLACE", "city")}


def test_a_family_name_written_first_is_the_person_not_an_organisation():
    text = "Mayor of Wuxi Sun Jianhua met the Mayor of Leeds on 14 October. Sun said trade would grow."
    assert set(found(text)) == {"Wuxi", "Leeds"}
    text = "Yeosu Mayor Lee Min-ho signed the pact. Lee said he would visit Kofu."
    assert set(found(text)) == {"Yeosu", "Kofu"}
    # ... unless the words open an organisation's name
    assert set(found("Sun Microsystems said it would cut jobs. Sun makes servers.")) == {"Sun Microsystems"}


def test_a_korean_or_japanese_local_government_suffix_names_a_place():
    got = found("Iloilo City signed a sister city pact with Jungnang-gu of Seoul, and Suwon-si and Minato-ku joined.")
    assert got["Jungnang-gu"] == ("PLACE", "district")  # was an organisation
    assert {name for name, (label, _) in got.items() if label == "PLACE"} == {
        "Iloilo", "Jungnang-gu", "Seoul", "Suwon", "Minato"}


@pytest.mark.parametrize("text, expected", [
    # a park is a venue; a technology or industrial park is an organisation, a national park a place
    ("The delegation toured MacArthur Park and the Twin Towns Park, then the Suzhou Industrial Park.",
     {"Suzhou Industrial Park"}),
    # a month and year is a date; an adjective before a lower-case body word leaves an unnamed body
    ("In March 2022, the Jiujiang Municipal government hosted the talks.", {"Jiujiang"}),
    # a forum "on" something is an event
    ("The Leeds-Kofu Forum on Cooperation between Local Governments opened.", {"Leeds", "Kofu"}),
    # generic words and acronyms standing for a body or a document named elsewhere
    ("Madam Mason thanked the Association. The LGU signed the LoI.", set()),
    # a local body or a prefecture "of" a country: the body or the place, the country apart
    ("The Sacheon City Council of the Republic of Korea met Hunan Province of the People's Republic of China.",
     {"Sacheon City Council", "Hunan", "China"}),
])
def test_more_names_that_are_no_organisation(text, expected):
    assert set(found(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # an honorific before a name
    ("Municipal commissioner Dr K N Raghavan said the MoU would help.", set()),
    # a person's name after the place a title is "of", when the text writes the surname alone too
    ("The meeting was attended by Mayor of Kara-Suu Nurlan Toktobaev. Toktobaev said the towns would trade.",
     {"Kara-Suu"}),
])
def test_people_named_after_a_title_or_alone_are_no_organisation(text, expected):
    assert {name for name, (label, _) in found(text).items() if label == "ORG" or name in expected} == expected


def test_the_end_of_a_bodys_name_after_a_title_is_no_person():
    got = found("Jean Morel, President of the Foundation Sophia Antipolis, said Sophia Antipolis would host it.")
    assert "Foundation" not in got and any("Sophia Antipolis" in name for name in got)


@pytest.mark.parametrize("text, place, kind", [
    # the kind of place after a name no gazetteer knows
    ("The people of Ostravka, in the Menkora district of Bavelia, welcomed Mayor Hall.", "Menkora", "district"),
    ("The council thanked the Tarrow Regional Council and Quillabar community for the visit.", "Quillabar", None),
    # the list a twinning names
    ("Its twin towns are Wexley, Marbeck, Dolnica-Zdrój and Saint-Aubin-sur-Loire.", "Wexley", None),
])
def test_a_name_no_gazetteer_knows_is_a_place_by_its_neighbours(text, place, kind):
    label, got_kind = found(text)[place]
    assert (label, got_kind if isinstance(got_kind, str) else None) == ("PLACE", kind)  # was an organisation


@pytest.mark.parametrize("text", [
    "The officials of Kashima City led by Shinichi Taguchi visited Danao City.",
    "The guests were Deputy Mayors of Karasu Sabri Aslanbay, Hüdaver Ağun and İsmail Karakaş.",
    "The premier will meet companies in the sectors of Agribusiness, Energy, Industrial Manufacturing, as well as "
    "Leisure and Tourism.",
])
def test_people_leading_a_delegation_or_listed_and_fields_of_work_are_no_organisation(text):
    assert not [name for name, (label, _) in found(text).items() if label == "ORG"]


def test_a_group_led_by_a_company_keeps_the_company():
    assert found("A consortium led by Morgan Stanley bought the stake.")["Morgan Stanley"][0] == "ORG"


def test_an_acronym_of_a_country_is_the_country():
    got = found("Governor Kim of the Republic of Korea (RoK) met officials. RoK's trade office will help.")
    assert got == {"South Korea": ("PLACE", "country")}  # "RoK" was an organisation


def test_a_subdivision_written_with_a_hyphen_for_a_spaced_dash_is_found():
    assert found("Officials of Ba Ria-Vung Tau province met them.") == {"Bà Rịa - Vũng Tàu": ("PLACE", "region")}


def test_fields_of_work_and_kinds_of_place():
    # a name made only of fields or commodities is no organisation
    assert found("The talks covered Gold, Nickel, Lithium and Agriculture.") == {}
    # "the Emirate of X" (a region, though a city has its name), "X Autonomous Region" are places; "the Emirate"
    # alone names none
    got = found("The aim is for the Emirate to grow. The Emirate of Abu Dhabi and the Ningxia Hui Autonomous Region "
                "signed it.")
    assert got == {"Abu Dhabi": ("PLACE", "region"), "Ningxia": ("PLACE", "region")}


@pytest.mark.parametrize("text, expected", [
    # an agency after a dateline in capitals, in brackets before a colon, or crediting its correspondent
    ("XI'AN. KAZINFORM – As part of the state visit, Xi'an and Almaty signed an agreement.", {"Xi’an", "Almaty"}),
    ("BRISBANE, 2 Feb. 2009 (WAM): Abu Dhabi and Brisbane signed a pact.", {"Brisbane", "Abu Dhabi"}),
    ("Kazinform correspondent cites the mayor of Almaty.", {"Almaty"}),
    # ... but a state's abbreviation in a dateline is a place: the state
    ("WINSTON-SALEM, N.C. - RJR Nabisco Inc said it sold four brands.",
     {"Winston-Salem", "North Carolina", "RJR Nabisco Inc"}),
    # honorifics alone name nothing
    ("The delegation met YAB Ir. Hj. Datuk Seri Idris Haron, the Chief Minister of Malacca, and YBhg. Tan Sri Ong "
     "Ka Ting.", {"Malacca"}),
    ("The Hon'ble Chief Minister of Kerala, Shri Anil Menon, signed the MoU with the Hon’ble Governor of Tottori.",
     {"Kerala", "Tottori"}),
])
def test_agencies_credited_and_honorifics_are_no_organisations(text, expected):
    assert set(found(text)) == expected


def test_a_city_followed_by_region_or_oblast_is_the_region_another_party():
    text = ("The governor of Tashkent region met officials of the Kostanay region and of the Lviv oblast. "
            "Tashkent hosted them.")
    found = entities_in_text(text)
    assert set(zip(found["canonical"], found["type"])) == {
        ("Tashkent Region", "region"), ("Kostanay Region", "region"), ("Lviv Region", "region"), ("Tashkent", "city")}


@pytest.mark.parametrize("text, expected", [
    # an envoy's name after the country they are sent to is a person, the country a place
    ("The Mayor of Osh met the Ambassador of the Republic of Tajikistan to Kyrgyzstan Rustam Nazarov on Monday.",
     {"Osh", "Tajikistan", "Kyrgyzstan"}),
    # "Representing" opens no name
    ("Representing Bolton Borough Council last weekend were the mayor and his wife.", {"Bolton Borough Council"}),
    # places coupled by hyphens in a list of twinnings are places; a town's compound name alone stays one name
    ("Namely Leeds-Dalian, Bristol-Guangzhou and York-Nanjing.",
     {"Leeds", "Dalian", "Bristol", "Guangzhou", "York", "Nanjing"}),
    ("Chatham-Kent Mayor Ann Lee met the Changchun delegation.", {"Chatham-Kent", "Changchun"}),
])
def test_envoys_gerunds_and_hyphen_couples(text, expected):
    assert set(entities_in_text(text)["canonical"]) == expected


def test_goals_are_a_programme_not_an_organisation():
    text = "Both cities work to meet the Sustainable Development Goals (SDGs) with the help of Lyon University."
    assert set(entities_in_text(text)["canonical"]) == {"Lyon University"}


def test_places_spacy_takes_for_persons_leave_the_place_in_the_document():
    # spaCy's "persons" here are a headline's word and a place, a place's whole name, a body, two places joined:
    # none may turn a place into a surname that erases it from the whole text
    from coopnews.partners.candidates import Candidate, _person_spans
    from coopnews.partners.registry import as_registry
    text = ("Partner Agreement With Lublin. Mayor Jan Nowak visited Montego Bay, then Alnwick and Voerde and the "
            "Kara-Suu Municipality.")
    names = ("With Lublin", "Jan Nowak", "Montego Bay", "Alnwick and Voerde", "Kara-Suu Municipality")
    spans = [Candidate(text.index(n), text.index(n) + len(n), "spacy", "PERSON") for n in names]
    assert [text[s:e] for s, e in _person_spans(text, spans, as_registry(None))] == ["Jan Nowak", "Alnwick"]


@pytest.mark.parametrize("text, expected", [
    # spaCy tags "Montego", then the mayor's name: the place's name goes on
    ("Mayor of Montego Bay Desmond Clarke welcomed the guests.", {"Montego Bay"}),
    # councillors by their titles, a shrine and a station are no organisations
    ("Cllr Byrne met the Mayor of Ballina at the Katori Shrine and Flinders Street Station.", {"Ballina"}),
    # the mayor's name after the place and its country
    ("Mayor of Sitia, Greece, Georgios Zervakis thanked the Mayor of Montego Bay.", {"Sitia", "Greece", "Montego Bay"}),
])
def test_names_after_a_mayors_place_councillors_and_venues(text, expected):
    assert set(found(text)) == expected


@pytest.mark.parametrize("text", [
    # a portfolio after a title is fields of work, no organisation
    "The Director of Public Relations and Media and the Head of Communications and International Affairs met "
    "the guests from Tarsus.",
    # a generic word alone is no organisation
    "Sister cities date back to the 9th Century, when Tarsus and Le Mans were twinned.",
    # the field a secretary serves is a portfolio
    "The Secretary for Economy and Finance, Mr. Tai Kin Ip, led a delegation from Tarsus.",
])
def test_portfolios_and_generic_words_are_no_organisations(text):
    assert set(found(text)) - {"Le Mans"} == {"Tarsus"}


def test_partnerships_agreements_and_corridors_are_ties_or_plans_not_organisations():
    text = ("Taipei and Houston reaffirmed their Sister City Partnership under the Australia-Japan Agreement on "
            "Commerce and the China-Pakistan Economic Corridor.")
    assert {name for name, (label, _) in found(text).items() if label == "ORG"} == set()
    # ... but the General Agreement on Tariffs and Trade is a body
    assert found("Talks at the General Agreement on Tariffs and Trade resumed.")[
        "General Agreement on Tariffs and Trade"][0] == "ORG"


def test_a_headline_in_title_case_keeps_the_places_its_body_names():
    # spaCy runs "Kyrenia Became Sister City" into one span, which names nothing
    text = "Kyrenia Became Sister City with Antalya\n\nThe mayor of Kyrenia met officials in Antalya on Monday."
    found = entities_in_text(text)
    assert set(found[found["start"] < text.index("\n")]["canonical"]) == {"Kyrenia", "Antalya"}


@pytest.mark.parametrize("text, expected", [
    # the place before a local leader's title, and the leader's name after it
    ("The deal was signed by Kisumu Governor Peter Anyang and Rabat Mayor Fatiha El Moudni.", {"Kisumu", "Rabat"}),
    ("Busan Mayor Park Heong-joon and Toride Mayor Kazuyuki Fujii signed.", {"Busan", "Toride"}),
    # a central bank's governor; a name before "Mayor of"; an acronym before "Mayor" is the body
    ("Bundesbank Governor Karl Otto Poehl met Bank of Japan Governor Satoshi Sumita.", {"Bundesbank", "Bank of Japan"}),
    ("Kang Jun Jie, Deputy Mayor of Zhongwei, met GHMC Mayor B. Rao.", {"Zhongwei", "GHMC"}),
])
def test_the_place_before_a_mayor_or_governor(text, expected):
    assert set(found(text)) == expected


def test_the_name_before_mayor_is_a_place_even_where_spacy_reads_an_organisation():
    # spaCy tags "Kapiti" an organisation; "Metropolitan" only names the level of the mayor's body
    text = ("Porirua Mayor Nick Leggett, Hutt Mayor Ray Wallace and Kapiti Mayor Jenny Rowan signed the agreement. "
            "Mersin Metropolitan Mayor Burhanettin Kocamaz was there.")
    table = entities_in_text(text)
    assert set(table[table["label"] == "PLACE"]["canonical"]) >= {"Porirua", "Hutt", "Kapiti"}
    assert "Kapiti" not in set(table[table["label"] == "ORG"]["canonical"])
    assert not any("Metropolitan" in name for name in table["canonical"])


def test_places_written_without_their_own_letters_are_found():
    # "ł", "ı" are no accents: "Wroclaw", "Bialystok" and "Diyarbakir" are how English text writes them
    text = "Lviv's twin towns include Krakow, Wroclaw and Bialystok; Diyarbakir sent a delegation."
    assert set(found(text)) == {"Lviv", "Kraków", "Wrocław", "Białystok", "Diyarbakır"}


@pytest.mark.parametrize("text, agency", [
    ("Tamale, Sept 21, GNA – A delegation from the German city of Bonn has called on the Mayor of Tamale.", "GNA"),
    ("Hualien, May 3 (CNA) Hualien Mayor Wei Lin signed a sister city agreement with Lviv.", "CNA"),
])
def test_the_agency_after_a_dateline_in_mixed_case_is_no_organisation(text, agency):
    assert agency not in found(text)


def test_countries_named_by_their_usual_acronyms():
    assert lookup_place("UAE")[0] == "United Arab Emirates"
    assert lookup_place("PNG")[0] == "Papua New Guinea"
    assert found("The UAE signed an agreement with France.")["United Arab Emirates"] == ("PLACE", "country")


def test_a_country_whose_possessive_lost_its_apostrophe_is_the_country():
    assert found("He would rather deal with Brazils ties with commercial banks.") == {"Brazil": ("PLACE", "country")}


def test_english_exonyms_name_the_city_the_gazetteer_knows():
    assert [lookup_place(n)[0] for n in ("Kiev", "Bombay", "Calcutta", "Saigon", "Fez")] == \
        ["Kyiv", "Mumbai", "Kolkata", "Ho Chi Minh City", "Fes"]


def test_a_body_of_a_country_and_a_second_name_are_two():
    text = ("A partnership agreement was signed between the Ukmergė District Municipality of Lithuania and Korosten "
            "municipality in Zhytomyr oblast.")
    names = found(text)
    assert "Ukmergė District Municipality" in names and names["Korosten"][0] == "PLACE"


def test_names_inside_a_quoted_event_title_are_no_organisations():
    text = ("The signing took place during the “Bridges of Trust: Empowering Ukrainian and EU Municipalities through "
            "Building Municipal Partnerships” event in Kaunas.")
    assert not any(label == "ORG" for label, _ in found(text).values())


def test_a_name_after_head_is_a_person():
    text = "The agreement was signed by Korosten municipality head Volodymyr Moskalenko."
    assert "Volodymyr Moskalenko" not in found(text)


def test_a_name_a_quote_attributes_with_said_is_a_person():
    # spaCy sometimes tags such a name an organisation (in longer texts than a test holds): the rule sees it so
    from coopnews.partners.persons import _not_persons
    from coopnews.partners.mention import Mention
    from coopnews.partners.registry import as_registry
    text = '"This is a historic day," said Shahar Azran. Sister Cities International then met in Haifa.'
    azran = Mention(31, 43, "Shahar Azran", "ORG", "Shahar Azran", "other", None, "spacy")
    sci = Mention(45, 72, "Sister Cities International", "ORG", "Sister Cities International", "other", None, "spacy")
    assert _not_persons(text, [azran, sci], as_registry(None)) == [sci]


@pytest.mark.parametrize("text, name", [
    ("HARBIN-The West Java Provincial Government signed an agreement with Heilongjiang.",
     "West Java Provincial Government"),
    ("HCM CITY — Representatives of the Can Tho Business Association arrived in Lyon.", "Can Tho Business Association"),
])
def test_a_dateline_in_capitals_glued_to_a_name_is_no_part_of_it(text, name):
    orgs = {n for n, (label, _) in found(text).items() if label == "ORG"}
    assert orgs == {name}


def test_names_a_capitals_word_opens_with_a_hyphen_stay_whole():
    orgs = {n for n, (label, _) in found("The US-China Business Council met the ASEAN-Japan Centre.").items()}
    assert {"US-China Business Council", "ASEAN-Japan Centre"} <= orgs


def test_indonesian_provinces_by_their_english_names():
    assert [lookup_place(n)[0] for n in ("West Java", "Jawa Barat", "North Sumatra", "East Kalimantan")] == \
        ["West Java", "West Java", "North Sumatra", "East Kalimantan"]
    text = "Previously West Java has successively signed sister province agreements with Guangxi and Sichuan."
    assert found(text)["West Java"] == ("PLACE", "region")


def test_a_bodys_kind_alone_names_no_organisation():
    text = "The Consulate General hosted the delegation. Faculty from Okayama University visited Lyon."
    assert not any(n in found(text) for n in ("Consulate General", "Faculty"))
    assert "Consulate General in Strasbourg" in found("The Consulate General in Strasbourg signed with Nanjing.")


@pytest.mark.parametrize("text, absent", [
    ("Katie Crawley, spokesperson for the Mayor's Office, said the partnership with Kanifing started in 2016.",
     {"s Office", "Mayor's Office"}),
    ("Each partner was presented the Consul General’s Commendation for steadfast service.", {"s Commendation"}),
])
def test_what_a_title_holder_has_is_no_organisation(text, absent):
    assert not absent & set(found(text))


def test_a_bodys_officer_after_its_possessive_leaves_the_body():
    text = ("The delegation was greeted by Mayor of Fingal Cllr Eoghan O’Brien, Fingal County Council’s Interim "
            "Chief Executive AnnMarie Farrelly, Director of Housing Mary Byrne and the county architect.")
    assert "Fingal County Council" in found(text)
    assert not [n for n in found(text) if "Executive" in n]


@pytest.mark.parametrize("text", [
    "Washington, D.C. and Addis Ababa will become sister cities this month.",
    "The mayor of the District of Columbia visited Addis Ababa.",
])
def test_washington_dc_is_one_city(text):
    places = found(text)
    assert places["Washington, D.C."] == ("PLACE", "city")
    assert not {"D.C.", "Columbia", "Washington"} & set(places)


def test_towns_written_without_their_accents_are_places():
    text = "Torun signed with Kosice, and the mayors of Lamia and Chania visited Saint-Etienne and Rzeszow."
    assert {n for n, (label, _) in found(text).items() if label == "PLACE"} == \
        {"Toruń", "Rzeszów", "Košice", "Lamía", "Chaniá", "Saint-Étienne"}
    assert found("The friendship between Mong Cai and Dongxing will grow.")["Móng Cái"] == ("PLACE", "city")


@pytest.mark.parametrize("text", [
    "Led by Paphos mayor Phedonas Phedonos, the meeting discussed tourism.",
    "The Paphos delegation was received at the town hall.",
])
def test_a_known_place_before_a_title_or_delegation_in_lower_case_is_a_place(text):
    assert found(text).get("Paphos") == ("PLACE", "city")


@pytest.mark.parametrize("text, name, canonical, kind", [
    ("Mr. Zenón Cuevas Pare, chairman of Departamento de Moquegua, visited Hubei.", "Departamento de Moquegua",
     "Moquegua", "region"),
    ("The Provincia de Buenos Aires signed an agreement with Jiangsu.", "Provincia de Buenos Aires", "Buenos Aires",
     "region"),
    ("The Municipio de Guadalajara signed an agreement with Accra.", "Municipio de Guadalajara", "Guadalajara", "city"),
])
def test_a_place_named_with_its_kind_in_spanish_is_the_place(text, name, canonical, kind):
    rows = entities_in_text(text)
    row = rows[rows.text == name].iloc[0]
    assert (row.label, row.canonical, row.type) == ("PLACE", canonical, kind)


def test_a_name_written_with_initials_is_cut_from_the_body_before_it():
    text = "Mayor of Ulaanbaatar E.Bat-Uul met the head of the Energy Committee of Novosibirsk M.A.Grekhov."
    assert {name: label for name, (label, _) in found(text).items()} == \
        {"Ulaanbaatar": "PLACE", "Energy Committee of Novosibirsk": "ORG"}
    # a middle initial is the person's own: no place "Martin" (a Slovak town) is left of "Martin T. Sosnoff"
    assert "Martin" not in found("Martin T. Sosnoff said his MTS Acquisition Corp has received few shares.")


@pytest.mark.parametrize("text, canonical", [
    ("Representatives of the Canton of Guichen met the Skerries delegation.", "Guichen"),
    ("The Governorate of Jendouba signed an agreement with Sardinia.", "Jendouba"),
])
def test_a_canton_or_governorate_of_a_name_is_that_place(text, canonical):
    rows = entities_in_text(text)
    assert rows[rows.canonical == canonical].label.tolist()[:1] == ["PLACE"]
    assert "Guangzhou" not in set(rows.canonical)  # "Canton" alone is Guangzhou's old name


def test_the_word_after_memorandum_of_is_no_place():
    # "the memorandum of Understanding": spaCy may read "Understanding" as a place; it names the document
    found = entities_in_text("Kisumu County and the Rabat region signed the memorandum of Understanding on Monday.")
    assert "Understanding" not in set(found["canonical"])
    assert "Kisumu" in set(found["canonical"])


def test_a_place_whose_name_goes_on_after_a_particle_is_whole():
    # "Rio Grande do Sul": spaCy may tag "Rio Grande" alone, and as an organisation; the gazetteer knows the whole name
    found = entities_in_text("Shiga Governor visits Brazil. The governor will visit Rio Grande do Sul, Shiga's sister "
                             "state, in November.")
    assert "Rio Grande do Sul" in set(found["canonical"])
    assert "Rio Grande" not in set(found["canonical"])



def test_a_bylines_author_is_no_organisation():
    text = "Kampala, Juba sign action plan\nBy Alem-Tesfa Woldu\nKampala and Juba signed an annual action plan on Monday."
    assert set(entities_in_text(text).canonical) == {"Kampala", "Juba"}


def test_a_name_a_title_of_follows_is_a_person():
    text = ("A delegation of the Municipality of Chongqing was received by Fan E Mai Yang, deputy head of the "
            "secretariat of Dubai Municipality.")
    assert "Fan E Mai Yang" not in set(entities_in_text(text).canonical)


def test_a_government_then_a_persons_name_is_the_government():
    text = "The mission included the Deputy Minister-President of the Walloon Government Willy Borsus."
    assert "Walloon Government" in set(entities_in_text(text).canonical)


def test_a_datelines_saint_in_capitals_is_one_place():
    text = "ST. PAUL, Minn., March 3 - 3M Co said it signed a supply agreement with Japan's Sumitomo Corp."
    found = set(entities_in_text(text).canonical)
    assert "Saint Paul" in found and not found & {"ST", "Paul", "PAUL"}
    assert lookup_place("St Paul")[:2] == ("Saint Paul", "city")


def test_a_municipality_or_administration_before_its_heads_name_is_the_body_alone():
    ents = set(entities_in_text("The Izmit Metropolitan Municipality Tahir Buyukakin received the visitors.").canonical)
    assert "Izmit Metropolitan Municipality" in ents
    assert not any("Buyukakin" in e for e in ents)


def test_a_round_table_a_fair_or_a_dinner_is_an_event_no_organisation():
    from coopnews.partners.candidates import is_event_name
    assert is_event_name("UNDP Round Table of Mayors for Urban Resilience")
    assert is_event_name("Harbin International Trade Fair of Northern Products")
    assert is_event_name("Sister City Festivities") and is_event_name("Anniversary Gala Dinner")
    assert not is_event_name("Fair Trade Foundation") and not is_event_name("Bank of China")
    ents = set(entities_in_text("The mayors of Rabat and Lille met at the UNDP Round Table of Mayors for Urban "
                                "Resilience in Geneva on Monday.").canonical)
    assert not any("Round Table" in e for e in ents)


def test_a_common_word_opening_a_headline_is_no_organisation():
    text = ("Focus will be on trade and culture\n\nThe Mayor of Leeds will lead a trade mission to India next week. "
            "The focus of the visit is on new business links.")
    assert "Focus" not in set(entities_in_text(text).canonical)
    # a name written only where sentences open, never in lower case, stays ("Keidanren said ...")
    assert "Keidanren" in set(entities_in_text("Keidanren signed the agreement. Keidanren said so.").canonical)


def test_a_portfolio_before_minister_is_no_organisation():
    text = ("Treasurer and Citizenship and Multicultural Interests Minister Mike Nahan witnessed the signing in "
            "Amaravati on Friday.")
    assert "Citizenship" not in set(entities_in_text(text).canonical)


def test_a_saint_city_before_its_mayor_keeps_its_saint():
    text = "St. Paul Mayor Chris Coleman will lead a delegation to Nagasaki and Changsha in November."
    ents = set(entities_in_text(text).canonical)
    assert "Saint Paul" in ents and "Paul" not in ents


def test_the_compass_word_of_a_region_before_delegation_is_no_place_alone():
    ents = set(entities_in_text("The North West delegation visited Philadelphia and Boston this week.").canonical)
    assert "West" not in ents and {"Philadelphia", "Boston"} <= ents


def test_a_nationality_before_district_names_no_place():
    ents = set(entities_in_text("Six officials from this Asian district met the mayor of Medellin.").canonical)
    assert "Asian" not in ents and "Medellín" in ents


def test_a_name_between_commas_after_a_governors_title_is_a_person():
    text = ("LAGOS – Lagos State Governor, Kayode Adeyemi-Bello, has declared his administration’s readiness to "
            "partner with the government of United Arab Emirates (UAE) in the areas of traffic management and security.")
    ents = set(entities_in_text(text).canonical)
    assert "Kayode Adeyemi-Bello" not in ents and "United Arab Emirates" in ents


def test_a_nigerian_style_state_name_is_the_state():
    assert lookup_place("Ogun State") == ("Ogun", "region", "Nigeria")
    assert lookup_place("Rivers State")[1:] == ("region", "Nigeria")


def test_a_date_the_tagger_ran_into_a_name_is_cut_off():
    for text in ("The Deputy Mayor of Nantes visited the Municipality of Gdansk on 28 September to discuss the twinning.",
                 "On the June 14 2007 the Chinese Municipality of Wuhan and Norwegian county Rogaland deepened their "
                 "relationship by signing a Twinning-Agreement."):
        names = set(entities_in_text(text).canonical)
        assert not [n for n in names if any(w in n for w in ("September", "June", "Norwegian", "Agreement"))], names


def test_a_name_with_a_role_in_brackets_after_it_is_a_person():
    text = ("Kanagawa prefecture representatives Junichi Inoue (vice mayor), Keiko Shibasaki (city policy), Ayako "
            "Sakurai (city policy) and Kazutaka Doi (director) visited Kaunas.")
    ents = set(entities_in_text(text).canonical)
    assert not ents & {"Junichi Inoue", "Keiko Shibasaki", "Ayako Sakurai", "Kazutaka Doi"} and "Kaunas" in ents



def test_a_verb_opening_bulleted_lines_is_no_organisation(tmp_path):
    from coopnews import load_corpus
    from coopnews.partners.entities import extract_entities

    steps = ["Promoting exchanges and visits by delegations and businesses to foster a supportive environment for "
             "economic growth.", "Encouraging mutual understanding and collaboration in trade and investment "
             "relations between the business communities of both regions.", "Keeping each other informed about "
             "trade exhibitions and investment seminars, providing assistance as needed.", "Sharing economic "
             "information on available goods and services to benefit local business communities.", "Supporting "
             "joint ventures or investment opportunities by advising each other of interested firms."]
    (tmp_path / "mou.txt").write_text(
        "The memorandum outlines a series of commitments between Oregon and Jeonju City to enhance economic "
        "cooperation and cultural exchange. The steps include:\n\n" + "".join(f"  • {s}\n" for s in steps),
        encoding="utf-8")
    ents = set(extract_entities(load_corpus(tmp_path, progress=False, use_cache=False)).canonical)
    assert not ents & {"Encouraging", "Sharing", "Supporting"} and "Oregon" in ents


@pytest.mark.parametrize("text, outlet", [
    ("Geraldton has a sister city relationship with Zhanjiang. (ABC Mid West: Jo Prendergast)\n\nMore follows.",
     "ABC Mid West"),
    ("The meeting of local governments ended in Yangzhou.\n(Xinhua News Agency October 9, 2005)", "Xinhua News Agency"),
    ("The mayor of Melaka signed an MoU with Xiamen in Kuala Lumpur.-Bernama\n", "Bernama"),
    ("The expo, to run from May 3-6, is expected to attract visitors from all over the world. [Photo/Fuzhou Daily]",
     "Fuzhou Daily"),
])
def test_an_outlet_credited_in_brackets_or_closing_an_article_is_no_organisation(text, outlet):
    assert not [name for name in entities_in_text(text).canonical if outlet in name]


@pytest.mark.parametrize("text, name", [
    ("Gallipoli and Peronne, because they're related to the First World War, we would stay with.", "First World War"),
    ("The mayor hosted the Republican National Convention in St. Paul in 2008.", "Republican National Convention"),
    ("Chengdu won the China International Sister City Exchange and Cooperation Prize in 2010.",
     "China International Sister City Exchange and Cooperation Prize"),
])
def test_wars_conventions_and_prizes_are_no_organisations(text, name):
    assert name not in set(entities_in_text(text).canonical)


def test_a_nationality_after_a_compass_word_before_province_names_no_place():
    text = ("The State of Oregon signed a memorandum to establish a sister-state relationship with the South Korean "
            "province of Jeollabuk-do.")
    ents = set(entities_in_text(text).canonical)
    assert "South Korean" not in ents and "Oregon" in ents


@pytest.mark.parametrize("text, title", [
    ("The Lord Mayor of Galway, Cllr. Peter Keane, is leading a delegation to Chicago.", "Cllr"),
    ("Speaking at last Monday's meeting of Bray Municipal District, the Cathaoirleach, Cllr Joe Behan, said both groups "
     "agreed to come together as the one body.", "Cathaoirleach"),
    ("Logan Mayor Darren Power and Cr Raven visited Sanyo-Onoda in 2012.", "Cr Raven"),
])
def test_a_councillors_title_is_no_place_or_organisation(text, title):
    assert title not in set(entities_in_text(text).canonical)


def test_a_coast_written_in_lower_case_is_no_place():
    text = "Haikou has established sister city relations with Puntarenas, on the west coast of Costa Rica."
    ents = set(entities_in_text(text).canonical)
    assert "west coast" not in ents and {"Haikou", "Costa Rica"} <= ents


def test_a_small_town_followed_by_the_country_it_lies_in_is_a_place():
    ents = entities_in_text("Its sister cities include Koror in Palau and Hilo in Hawaii.")
    assert {"Koror", "Hilo"} <= set(ents.canonical)
    assert set(ents[ents.canonical.isin(["Koror", "Hilo"])].label) == {"PLACE"}


@pytest.mark.parametrize("written, canonical", [
    ("La Celle Saint-Cloud", "La Celle-Saint-Cloud"),
    ("Aix en Provence", "Aix-en-Provence"),
    ("Bry sur Marne", "Bry-sur-Marne"),
])
def test_a_hyphenated_town_written_with_spaces_is_found(written, canonical):
    assert lookup_place(written) is not None and lookup_place(written)[0] == canonical
    ents = entities_in_text(f"The town twinning between Beckum and {written} was celebrated on Saturday.")
    assert canonical in set(ents.canonical)


def test_an_attache_or_an_inspector_is_a_title():
    text = ("The delegation included Organization Department Inspector Olzhas Bekov and the embassy's Air Attaché, "
            "Colonel Jean Morel.")
    ents = set(entities_in_text(text).canonical)
    assert not ents & {"Organization Department Inspector", "Air Attaché"}


def test_fields_of_study_and_smart_cities_are_no_organisations():
    text = ("The partnership will include 1) information sharing on Smart Cities initiatives; 2) youth exchanges pairing "
            "students in Science, Technology, Engineering, Arts and Math.")
    assert entities_in_text(text).empty


def test_a_function_after_a_title_and_a_name_cut_before_a_person_are_no_organisations():
    text = ("We met with Mayor Mori, the Deputy Mayor, the Director of Policy Promotion and the Manager of the "
            "Secretarial Division. Report by Ann Lee, Legislative Deputy, Office of Mayor Garcia.")
    ents = set(entities_in_text(text).canonical)
    assert not ents & {"Policy Promotion", "Office of"}


def test_a_states_form_cut_from_its_country_is_the_country():
    text = ("The agreement between the city of Varna, Republic of Bulgaria and the city of Dordrecht, the Kingdom of "
            "the Netherlands, was signed in 2001.")
    table = entities_in_text(text)
    assert "Republic" not in set(table.canonical)
    assert set(table.loc[table.type == "country", "canonical"]) == {"Bulgaria", "Netherlands"}


def test_programmes_and_plenipotentiaries_are_no_parties():
    text = ("The mayors signed a declaration on joint projects within the INTERREG and IPA programmes. "
            "The Ambassador Extraordinary and Plenipotentiary of Mongolia was received in Hanoi. "
            "The UNDP programme helps.")
    ents = set(entities_in_text(text).canonical)
    assert not ents & {"INTERREG", "IPA", "Plenipotentiary"}
    assert {"Mongolia", "Hanoi", "UNDP"} <= ents


def test_a_quoted_title_after_a_programme_word_is_no_organisation():
    text = 'Bitola and Florina signed a declaration on joint promotion with a project "Cultural Industries", MIA reported.'
    assert "Cultural Industries" not in set(entities_in_text(text).canonical)


def test_a_bare_compass_point_without_the_names_no_place():
    text = "East meets West at the mall today when Stockton and Foshan become sister cities. Trade with the West grew."
    table = entities_in_text(text)
    assert len(table[table.canonical == "East"]) == 0
    assert len(table[table.text == "West"]) == 1


def test_names_with_their_place_in_brackets_are_people():
    text = ("Signatories: the mayors Femke Halsema (Amsterdam) and Matteo Lepore (Bologna). "
            "Siemens AG (Munich) invested.")
    ents = set(entities_in_text(text).canonical)
    assert not ents & {"Femke Halsema", "Matteo Lepore"}
    assert {"Amsterdam", "Bologna", "Siemens AG", "Munich"} <= ents


def test_a_port_named_before_port_is_the_port_body():
    text = "Its partners include Visit Saigon Port, Vietnam, and the Guangzhou Port Authority. Other Sister Ports follow."
    table = entities_in_text(text)
    ports = table[table.label == "ORG"].set_index("canonical").type.to_dict()
    assert ports == {"Saigon Port": "zone", "Guangzhou Port Authority": "zone"}
    assert "Ho Chi Minh City" not in set(table.canonical)


def test_a_governors_surname_is_no_region():
    text = ("Guam Governor Lourdes Leon Guerrero signed a sister-city agreement with Kaohsiung. As part of an "
            "eight-day visit that concludes Wednesday, Guerrero traveled to Kaohsiung on March 5.")
    assert set(entities_in_text(text).canonical) == {"Guam", "Kaohsiung"}


def test_place_names_joined_by_and_or_of_are_one_place():
    text = ("Leaders hope Port of Spain-Shanghai twinning will help. Xi Jinping visited Trinidad and Tobago, and "
            "Port of Spain City Hall held the ceremony.")
    table = entities_in_text(text)
    assert set(table.canonical) == {"Port of Spain", "Shanghai", "Trinidad and Tobago"}
    assert set(table[table.canonical == "Port of Spain"].label) == {"PLACE"}


def test_two_bodies_joined_by_and_are_two_organisations():
    text = ("World Citizen Organization and World Assembly of Islamic Cities have signed a memorandum of "
            "understanding in Qazvin. The Chamber of Commerce and Industry and the Charleston Area Convention and "
            "Visitors Bureau attended.")
    orgs = set(entities_in_text(text).query("label == 'ORG'").canonical)
    assert {"World Citizen Organization", "World Assembly of Islamic Cities", "Chamber of Commerce and Industry",
            "Charleston Area Convention and Visitors Bureau"} <= orgs
    assert "World Citizen Organization and World Assembly of Islamic Cities" not in orgs


def test_english_names_of_cities_are_places():
    text = "Delegations from Cologne, Seville, Ghent, Bruges and Tangiers met in Cracow."
    assert set(entities_in_text(text).query("label == 'PLACE'").canonical) \
        == {"Cologne", "Seville", "Ghent", "Bruges", "Tangier", "Kraków"}


def test_a_body_named_without_its_place_is_the_body_the_text_named():
    text = ("The Port of Rotterdam Authority and the state signed. They discussed challenges faced by the Port "
            "Authority.")
    table = entities_in_text(text)
    assert set(table[table.text == "Port Authority"].canonical) == {"Port of Rotterdam Authority"}


def test_a_name_before_people_is_a_people_no_organisation():
    text = ("Arnhem is breaking ties with Wuhan over the treatment of the Uyghur people, aimed at friendship between "
            "the Dutch and Namibian people. The Lyon population grew.")
    ents = set(entities_in_text(text).canonical)
    assert not ents & {"Uyghur", "Namibian"}
    assert {"Arnhem", "Wuhan", "Lyon"} <= ents


def test_a_royal_of_a_country_is_a_person_standing_for_it():
    text = ("On the occasion of the trade mission to China headed by Prince Philip of Belgium, the Antwerp Port "
            "Authority signed a Memorandum of Understanding.")
    table = entities_in_text(text)
    assert "Prince Philip of Belgium" not in set(table.canonical)
    assert set(table[table.text == "Belgium"].type) == {"country"}


def test_regions_named_in_english_are_places():
    text = ("The partnership connects Romania and the state of Bavaria, as North Rhine-Westphalia works with "
            "Catalonia and Lower Saxony with Silesia.")
    table = entities_in_text(text)
    regions = set(table[table.type == "region"].canonical)
    assert regions == {"Bavaria", "North Rhine-Westphalia", "Catalonia", "Lower Saxony", "Silesia"}


def test_chinese_autonomous_regions_and_korean_provinces_in_english():
    text = ("The Guangxi Zhuang Autonomous Region and Gyeonggi Province signed with the Ningxia Hui Autonomous "
            "Region, Inner Mongolia and South Chungcheong.")
    table = entities_in_text(text)
    assert set(table[table.type == "region"].canonical) \
        == {"Guangxi", "Gyeonggi", "Ningxia", "Inner Mongolia", "South Chungcheong"}


def test_a_city_before_oblast_tagged_as_a_body_is_the_region():
    text = "Lyon sent 12 ambulances to its partner city and 30,000 euros to Chernihiv Oblast."
    table = entities_in_text(text)
    assert set(table[table.text == "Chernihiv Oblast"].type) == {"region"}
    assert not len(table[table.label == "ORG"])


def test_a_place_is_found_at_each_of_its_uses():
    text = ("Brittany/ Saint-Thurien's twinning committee hosts its Irish friends from Kilmacow\n\n"
            "Published on 02/08/2023 | La rédaction\n\n"
            "Saint-Thurien has been twinned with the Irish village of Kilmacow since 1995. The guests stayed with "
            "host families in Saint-Thurien.")
    table = entities_in_text(text)
    assert len(table[table.canonical == "Saint-Thurien"]) == 3
    assert len(table[table.canonical == "Kilmacow"]) == 2


def test_a_nationality_is_no_other_use_of_the_country_it_stands_for():
    text = ("Vietnam, Japanese localities sign cooperation agreement. The Japanese Ambassador to Vietnam spoke of "
            "the friendship. He hoped more Japanese investors would come.")
    table = entities_in_text(text)
    assert list(table.text).count("Japanese") == 1  # the ambassador's, who stands for Japan


def test_a_korean_or_japanese_suffixed_name_is_a_place_candidate_whatever_the_tagger_says():
    from coopnews.partners.candidates import _kind_candidates
    text = "Masks went to Wanju-gun in Korea and Minato-ku in Tokyo, Kim Seung-gun said."
    spans = {text[c.start:c.end] for c in _kind_candidates(text)}
    assert {"Wanju-gun", "Minato-ku"} <= spans and "Kim Seung-gun" not in spans and "Seung-gun" not in spans



def test_a_name_before_of_the_and_a_capital_is_no_other_use_of_a_place():
    from coopnews.partners.entities import _place_uses
    from coopnews.partners.mention import Mention
    from coopnews.partners.registry import as_registry
    text = "Pirates row\n\nThe sequel to Pirates of the Caribbean took $305m, and Saint-Thurien's film club saw it."
    found = [Mention(0, 7, "Pirates", "PLACE", "Pirates", None, None, "spacy"),
             Mention(68, 81, "Saint-Thurien", "PLACE", "Saint-Thurien", None, None, "spacy")]
    assert [text[m.start:m.end] for m in _place_uses(text, found, as_registry(None))] == []


def test_olympic_is_no_place_in_a_sports_story():
    table = entities_in_text("The Olympic champion won in Athens. Greece hosted the Olympic Games; the Beijing Olympics "
                             "came next.")
    assert set(table.canonical) == {"Athens", "Greece", "Beijing"}


def test_a_dateline_glued_by_a_double_dash_is_no_part_of_the_name():
    assert set(entities_in_text("OSAKA--Osaka Mayor Hirofumi Yoshimura ended the tie with San Francisco.").canonical) \
        == {"Osaka", "San Francisco"}


def test_wires_credited_in_brackets_with_a_date_after_a_dateline_are_no_parties():
    table = entities_in_text("LONDON, (UrduPoint / Pakistan Point News - APP - 19th Jul, 2019 ):The promotion of "
                             "Yangzhou, a city in east China's Jiangsu Province, was held Thursday in London.")
    assert set(table.canonical) == {"London", "Yangzhou", "China", "Jiangsu"}


def test_an_officer_named_after_the_title_is_a_person():
    assert found("Bunbury City Council international relations senior officer Isabell Evans said it went well.") \
        == {"Bunbury City Council": ("ORG", "government")}


def test_two_places_a_spaced_dash_joins_in_a_headline_are_no_person():
    got = found("Chitose - Anchorage sister city student exchange\nStudents from Mears Junior High School in "
                "Anchorage visited Chitose City.")
    assert "Anchorage" in got


def test_miss_before_a_surname_makes_a_person():
    assert found("Isabell Evans of Bunbury City Council met them. Miss Evans said the visit went well.") \
        == {"Bunbury City Council": ("ORG", "government")}


def test_a_town_name_a_particle_joins_is_a_place_whatever_the_tagger_says():
    got = found("Wallingford has asked to break ties with Luxeuil-les-Bains. The concert celebrated links with "
                "Sully-sur-Loire, and Henley-on-Thames sent a choir.")
    assert {"Luxeuil-les-Bains", "Sully-sur-Loire", "Henley-on-Thames"} <= set(got)
    assert got["Sully-sur-Loire"] == ("PLACE", "city")


def test_a_town_the_gazetteer_knows_with_a_possessive_or_upon_is_one_place():
    table = entities_in_text("King's Lynn is twinned with Emmerich. Newcastle upon Tyne signed with Taiyuan. "
                             "Councillors in Bishop's Stortford voted on it.")
    places = dict(zip(table.text, zip(table.label, table.country)))
    assert places["King's Lynn"] == ("PLACE", "United Kingdom")
    assert places["Newcastle upon Tyne"] == ("PLACE", "United Kingdom")
    assert places["Bishop's Stortford"] == ("PLACE", "United Kingdom")
    assert "King" not in places and "Newcastle" not in places


def test_a_county_named_after_its_kind_is_a_region_not_a_county_body():
    got = found("County Durham ended 54 years of links with Kostroma. The County Council met, and Miami-Dade County "
                "Commissioner Jean Monestime spoke.")
    assert got["County Durham"] == ("PLACE", "region")
    assert "County Council" not in got and "County Commissioner" not in got


def test_a_dateline_place_keeps_no_dash_and_article_after_it():
    table = entities_in_text("PRAGUE, Czech Republic - The city of Prague approved a partnership agreement with Taipei.")
    assert "Czech Republic" in set(table.text) and not any(t.endswith("The") for t in table.text)



def test_a_longer_name_that_adds_a_model_number_is_a_product_not_the_company():
    from coopnews.partners.linking import _links_to
    from coopnews.partners.mention import Mention
    bmw = Mention(0, 3, "BMW", "ORG", "BMW", "company", "Germany", "spacy")
    car = Mention(20, 36, "BMW 1 Series 116", "ORG", "BMW 1 Series 116", "company", None, "spacy")
    bank = Mention(40, 57, "BMW Bank GmbH", "ORG", "BMW Bank GmbH", "company", None, "spacy")
    assert not _links_to(bmw, car) and _links_to(bmw, bank)


def test_renew_in_a_title_case_headline_ends_the_name_before_it():
    from coopnews.partners.candidates import _HEADLINE_VERB
    name = "Busan Port Authority Renew Sister Port Agreement After 42 Years"
    assert name[:_HEADLINE_VERB.search(name).start()] == "Busan Port Authority"


def test_names_one_per_short_line_are_one_name_each_not_one_run():
    text = ("Speakers at the police exchange in Phoenix included:\nA.C. Roper\nChief of Police\n"
            "Birmingham Police Department\nIan Stewart\nQueensland Police Service\n\nThe officers met for two days.")
    names = set(entities_in_text(text).canonical)
    assert {"Birmingham Police Department", "Queensland Police Service"} <= names
    assert not any("\n" in n or "Ian Stewart" in n for n in names)


def test_a_wire_line_wrapped_inside_a_name_keeps_the_name_whole():
    text = ("Officials in Jakarta said the country would ask the Asian Development\nBank for a loan to rebuild roads, "
            "a ministry spokesman said.")
    assert "Asian Development Bank" in set(entities_in_text(text).canonical)


def test_a_press_release_label_and_a_weekday_abbreviation_name_nothing():
    got = found("Media Release Thursday 27 March 2003\n\nThe Christchurch City Council welcomed Kurashiki.\n\n"
                "Media Contact Barbara Smith, Christchurch City Council, Ph 941 8251.\n\nBy Staff\nThu., Dec. 12, 2019")
    assert "Christchurch City Council" in got
    assert not any(n.startswith("Media") or n.startswith("Thu") for n in got)


def test_copyright_label_and_a_following_mr_are_not_part_of_a_body_name():
    got = found("She met the director of Taganrog Office of Tourism and Information and Mr. Alexander Mirgorodsky.\n\n"
                "Copyright © Foreign Affairs Office of Guangzhou Municipal Government")
    assert "Taganrog Office of Tourism and Information" in got
    assert "Foreign Affairs Office of Guangzhou Municipal Government" in got
    assert not any(n.startswith("Copyright") or n.endswith("Mr") for n in got)


def test_a_hyphenated_title_and_a_month_with_a_year_do_not_open_a_place_name():
    got = found("In September 2019 Vice-governor Jilin Province Zhu Tianshu visited Zuid-Holland. "
                "Vice-Governor Jilin Province met the King's Commissioner.")
    assert not any("governor" in n.lower() or n.startswith("September") for n in got)


def test_a_korean_metropolitan_city_is_the_city_not_a_company():
    table = entities_in_text("Busan Metropolitan City signed a friendship agreement with the Municipality of Phnom Penh.")
    assert table[table.text == "Busan Metropolitan City"][["label", "type"]].values.tolist() == [["PLACE", "city"]]


def test_a_kind_of_body_or_place_in_the_plural_alone_names_nothing():
    got = found("Councillors from Suqian met the Councils of both towns. Regions, Municipalities, Chambers and Groups "
                "signed a charter with the Lyon Chamber of Commerce.")
    assert "Lyon Chamber of Commerce" in got
    assert not {"Councillors", "Councils", "Regions", "Municipalities", "Chambers", "Groups"} & set(got)


def test_led_in_a_title_case_headline_ends_the_name_before_it():
    from coopnews.partners.candidates import _HEADLINE_VERB
    name = "Vice President Rong Weidong Led A Trade Promotion Group to the U.S."
    assert name[:_HEADLINE_VERB.search(name).start()] == "Vice President Rong Weidong"


def test_two_fields_joined_by_and_inside_a_body_name_keep_the_name_whole():
    got = found("The Greater Houston Convention and Visitors Bureau met the Zhonglian Urban and Rural Development "
                "Research Center and the Zhongshan Foreign and Overseas Chinese Affairs Bureau in Beijing.")
    assert {"Greater Houston Convention and Visitors Bureau", "Zhonglian Urban and Rural Development Research Center",
            "Zhongshan Foreign and Overseas Chinese Affairs Bureau"} <= set(got)
    assert not {"Visitors Bureau", "Zhonglian Urban", "Overseas Chinese Affairs Bureau"} & set(got)


def test_a_headline_verb_ends_a_run_of_names_before_it_is_split_at_and():
    got = found("Port of Seattle and Busan Port Authority Renew Sister Port Agreement After 42 Years\n\nThe ports met.")
    assert {"Port of Seattle", "Busan Port Authority"} <= set(got)
    assert not any(" and " in name for name in got)


def test_a_saints_or_a_collective_nouns_possessive_stays_inside_the_name():
    got = found("The Wicklow St Patrick's Day Committee visited Eichenzell in June with the Bray Children's Hospital.")
    assert {"Wicklow St Patrick's Day Committee", "Bray Children's Hospital"} <= set(got)
    assert "Wicklow St Patrick" not in got


def test_a_town_in_its_country_that_spacy_reads_as_a_person_is_two_places():
    got = found("Chengdu signed friendship city agreements with Maastricht, as well as a cooperative agreement with "
                "Horsens in Denmark.")
    assert got["Horsens"] == ("PLACE", "city") and got["Denmark"] == ("PLACE", "country")


def test_two_known_places_spacy_joins_with_and_or_a_dangling_and_are_two_places():
    got = found("The sister cities of Lahore include Istanbul, Fez, Bukhara and Samarkand, Isfahan and Glasgow. "
                "Kolkata, Bukhara, Samarkand and Tashkent are important cities. Trinidad and Tobago signed.")
    assert {"Bukhara", "Samarkand", "Trinidad and Tobago"} <= set(got)
    assert not any(("Bukhara" in n or "Samarkand" in n) and n not in ("Bukhara", "Samarkand") for n in got)


def test_two_known_places_joined_by_a_hyphen_are_two_places_a_county_stays_one():
    got = found("Commendations Presented to Riverside-Sendai, San Diego-Yokohama, and Pasadena-Mishima\n\n"
                "The San Diego-Yokohama sister city tie is old. Miami-Dade County signed with Bry-sur-Marne.")
    assert {"San Diego", "Yokohama", "Riverside", "Sendai", "Miami-Dade County", "Bry-sur-Marne"} <= set(got)
    assert not {"San", "San Diego-Yokohama", "Dade"} & set(got)


def test_a_small_town_whose_tie_is_told_beside_it_is_a_place():
    got = found("Bourges twinned with Korosten, Gdynia and Pardubice are now sister cities. Perm has sister cities: "
                "Oxford (since 1995), Duisburg (since 2007) and Agrigento (since 2012).")
    assert got["Bourges"][0] == "PLACE" and got["Agrigento"][0] == "PLACE"


def test_a_town_whose_name_a_particle_joins_without_hyphens_is_one_place():
    got = found("Marbach am Neckar fit the partnership. Visitors from Stratford upon Avon came on Monday.")
    assert got["Marbach am Neckar"][0] == "PLACE" and "Stratford-upon-Avon" in got
    assert "Marbach" not in got and "Neckar" not in got


def test_an_embassy_in_the_country_takes_its_seat_as_written():
    names = set(entities_in_text("The Chinese Embassy in the Czech Republic met the Consulate General in Strasbourg. "
                                 "Consul General Ito of the Consulate General of Japan in the Detroit office came."
                                 ).canonical)
    assert {"Chinese Embassy in the Czech Republic", "Consulate General in Strasbourg",
            "Consulate General of Japan"} <= names


def test_the_two_capitals_after_an_american_or_canadian_town_are_its_state_or_province():
    got = found("The mayor of Fort Worth, TX met the mayor of Gatineau, QC on Monday. Washington, DC hosted them.")
    assert got["Texas"] == ("PLACE", "region") and got["Quebec"] == ("PLACE", "region")
    assert "TX" not in got and "QC" not in got and set(got) == {"Fort Worth", "Texas", "Gatineau", "Quebec",
                                                                "Washington, D.C."}


def test_a_town_of_a_kind_of_its_country_is_the_town_and_the_country():
    got = found("The mayor of Jyvaskyla City of Finland met the governor of Qinghai Province of China.")
    assert set(got) == {"Jyvaskyla City", "Finland", "Qinghai", "China"}
    assert got["Finland"] == got["China"] == ("PLACE", "country") and got["Jyvaskyla City"][0] == "PLACE"


def test_a_body_of_a_town_the_gazetteer_knows_is_not_cut_before_a_person():
    # "Can" is a town too; "Tho City" is no person: the body is of Can Tho City
    assert "Department of Health of Can Tho City" in found(
        "It signed agreements with the Department of Health of Can Tho City on health care.")
    assert found("The Government of Telangana Jayesh Ranjan spoke.") == {"Telangāna": ("PLACE", "region")}  # the
    # government of a place is the place (test_the_government_of_a_place_is_the_place), not "Telangana Jayesh"


def test_a_country_named_with_of_owning_a_town_is_cut_from_the_town():
    got = found("Since 1989 the Republic of Korea’s Anyang City and the United States’ Hampton City have been "
                "sister cities.")
    assert got["Anyang"] == ("PLACE", "city") and got["Hampton"] == ("PLACE", "city")
    assert not any("Korea’s" in name for name in got)


def test_a_library_a_museum_or_an_orchestra_opening_a_sentence_is_a_body():
    # spaCy tags only the town: the name's head word makes the body
    assert found("In March, Hangzhou Public Library welcomed a guest from Leeds.")["Hangzhou Public Library"] == (
        "ORG", "other")
    assert found("Gastonia Natural History Museum sent staff to Gotha.")["Gastonia Natural History Museum"] == (
        "ORG", "other")


def test_a_name_with_and_whose_acronym_follows_is_one_body():
    got = found("Dubai’s Roads and Transport Authority (RTA) and the Seoul Metropolitan Government signed an MoU.")
    assert got["Roads and Transport Authority"] == ("ORG", "government")
    assert "Roads" not in got and "Transport Authority" not in got
    # the acronym spells only the name after "and": two bodies
    got = found("The Lyon Chamber of Commerce and Jinan Municipal Government (JMG) signed an MoU.")
    assert "Jinan Municipal Government" in got and "Lyon Chamber of Commerce" in got


def test_a_title_in_the_plural_names_people_not_a_body():
    got = found("A delegation of 25 Ambassadors and the High Commissioners will arrive in Kochi on Wednesday.")
    assert got == {"Kochi": ("PLACE", "city")}
    assert "Executive Directors" not in found("Mattar Al Tayer, Chairman of the Board of Executive Directors, signed.")


def test_a_compound_of_places_written_with_dotted_abbreviations_is_the_places():
    assert found("The tour marks the 40th anniversary of U.S.-China diplomatic relations.") == {
        "United States": ("PLACE", "country"), "China": ("PLACE", "country")}
    assert set(found("Talks on China-U.S. trade resumed.")) == {"China", "United States"}


def test_a_carmaker_or_a_film_company_opening_a_sentence_is_a_company():
    got = found("Nanjing Auto is in talks with Rover to take a 20% stake in the venture.")
    assert got["Nanjing Auto"] == ("ORG", "company")
    assert found("Further Films is working in partnership with Percept Films.")["Further Films"] == ("ORG", "company")


def test_a_towns_sister_cities_body_named_after_it_is_an_association():
    assert found("The Fort Worth Sister Cities group hosted the delegation.") == {
        "Fort Worth Sister Cities": ("ORG", "association")}
    assert found("Last month the Sonoma Sister Cities welcomed a delegation from Lyon.")["Sonoma Sister Cities"] == (
        "ORG", "association")
    # a tie, not a body
    assert set(found("Lyon and Nanjing became Sister Cities in 1990.")) == {"Lyon", "Nanjing"}
    assert "Minneapolis Sister City" not in found("It marks three of Minneapolis Sister City relationships.")
    assert found("It hosted the Dutch Sister City of Haarlem.") == {"Haarlem": ("PLACE", "city")}


def test_a_capitalised_preposition_and_verb_of_a_title_case_headline_are_no_part_of_a_name():
    got = found("Signing Ceremony of Cooperation Agreement Between Hangzhou Public Library and Leeds Central Library "
                "Launched Successfully\nIn March, the two libraries met.")
    assert got == {"Hangzhou Public Library": ("ORG", "other"), "Leeds Central Library": ("ORG", "other")}


def test_an_accented_spelling_of_a_city_the_gazetteer_writes_plain_is_that_city():
    # the gazetteer writes "Chengdu"; a Spanish page writes "Chengdú"
    assert found("Valencia and Chengdú are twin cities.") == {
        "Valencia": ("PLACE", "city"), "Chengdu": ("PLACE", "city")}
    assert lookup_place("Chengdú") == ("Chengdu", "city", "China")
    assert lookup_place("Xiamén") == ("Xiamen", "city", "China")


def test_a_nationality_before_a_town_of_its_country_is_no_part_of_the_towns_name():
    # a translation's word order: "the German Duisburg", "British Portsmouth"
    assert found("Since 40 years the German Duisburg and the Chinese Wuhan are sister cities.") == {
        "Duisburg": ("PLACE", "city"), "Wuhan": ("PLACE", "city")}
    assert set(found("Duisburg became twinned with British Portsmouth in 1950, with French Calais in 1964.")) == {
        "Duisburg", "Portsmouth", "Calais"}
    # a place named with a nationality's word stays whole
    assert found("British Columbia signed the accord.") == {"British Columbia": ("PLACE", "region")}


def test_a_bare_town_name_is_the_town_though_its_council_and_association_are_named_after_it():
    text = ("The Canmore Town Council approved a friendship agreement with Sedona.\nSedona Sister Cities Association "
            "Chairman Tom Reed hopes a sister city relationship between Sedona and Canmore starts next year.")
    rows = entities_in_text(text)
    last = rows[rows["start"] > text.index("between")]
    assert dict(zip(last["text"], zip(last["label"], last["canonical"]))) == {
        "Sedona": ("PLACE", "Sedona"), "Canmore": ("PLACE", "Canmore")}


def test_a_name_no_gazetteer_knows_then_a_comma_and_a_country_ending_a_list_item_is_a_town():
    got = found("Its partners are Manila, Philippines; Liestal, Switzerland; and Chisinau, Moldova.")
    assert got["Liestal"] == ("PLACE", "city")
    got = found("The club welcomed 25 delegates from its sister city of Herzberg/Elster, Germany, for a week.")
    assert got["Herzberg/Elster"] == ("PLACE", "city")
    # a titled person before a comma and a country's abbreviation stays no place
    text = "In talks with Finance Minister Kiichi Miyazawa, the U.S. Group urged Japan on."
    assert "Kiichi Miyazawa" not in found(text)


def test_lies_in_knows_every_country_holding_a_place_of_a_name():
    from coopnews.partners.gazetteer import lies_in
    assert lies_in("St. Petersburg", "Russia") and lies_in("St. Petersburg", "United States")
    assert not lies_in("Rotterdam", "Belgium")


def test_an_event_of_a_body_names_the_body_not_an_organisation_called_after_the_event():
    got = found("Braga will host the Annual Conference of the UNESCO Creative Cities Network in July.")
    assert set(got) == {"Braga", "UNESCO Creative Cities Network"} and got["UNESCO Creative Cities Network"][0] == "ORG"
    assert set(found("Lyon hosted the Annual Conference of the Lyon and Nantes Sister Cities.")) <= {"Lyon", "Nantes"}


def test_a_church_a_bar_a_firehouse_are_venues_and_an_accord_or_a_series_no_organisation():
    assert found("The concert at Holy Trinity Church and the Prestbury Sports Bar followed a reception at the "
                 "Old Firehouse.") == {}
    assert set(found("The two premiers signed the Ontario-Jiangsu Friendship Accord.")) == {"Ontario", "Jiangsu"}
    assert set(found("The Africa Documentary Series opened in Jacksonville.")) == {"Africa", "Jacksonville"}


def test_an_organ_named_by_its_kind_alone_is_no_organisation():
    assert found("The Executive Committee met in Lyon, and the Closing Plenary was held in Turin.") == {
        "Lyon": ("PLACE", "city"), "Turin": ("PLACE", "city")}
    assert "Steering Board of Eurocities" in found("The Steering Board of Eurocities met in Leipzig.")


def test_a_pictures_credit_is_no_part_of_the_name_before_it():
    got = found("A visit to Langerwehe. Picture: Exmouth Twinning Association - Credit: Exmouth Twinning Association\n"
                "The Exmouth Twinning Association went to Dinan this year.")
    assert "Exmouth Twinning Association" in got and not any("Credit" in name for name in got)
    assert "Dinan - Credit" not in found("The group at the festival in Dinan - Credit: Exmouth Twinning Association\n"
                                         "It went to Dinan this year.")


def test_a_towns_sister_cities_association_named_without_the_town_is_that_association():
    rows = entities_in_text("The Jacksonville Sister Cities Association met in May. Arrangements were made by the "
                            "Mayor's office and the Sister Cities Association.")
    assert set(rows["canonical"]) == {"Jacksonville Sister Cities Association"}


def test_networks_of_cities_are_known_by_the_short_names_news_uses():
    got = found("Oslo joined C40 last year; Lyon is a member of UCLG and Eurocities.")
    assert {"C40 Cities Climate Leadership Group", "United Cities and Local Governments", "Eurocities"} <= set(got)
    assert got["C40 Cities Climate Leadership Group"] == ("ORG", "association")


def test_of_after_and_opens_no_name():
    assert found("Lyon is a member of Eurocities and of NATO.")["North Atlantic Treaty Organization"][0] == "ORG"
    assert "of the ABCD" not in found("Lyon is a member of Eurocities and of the ABCD.")


def test_a_memorandum_written_m_o_u_is_a_document():
    got = found("Binh Dinh signed a Memorandum of Understanding (M.O.U) with the Korean Industry Technology "
                "Association.")
    assert "M.O.U" not in got and "Korean Industry Technology Association" in got


def test_a_persons_honorific_after_a_body_is_no_part_of_its_name():
    got = found("They met the Head of Appropriations Committee of California Legislative Assembly Mr. Chris R. Holden "
                "in Lahore.")
    assert "Appropriations Committee of California Legislative Assembly" in got


def test_a_street_or_an_avenue_is_an_address_not_an_organisation():
    assert found("The delegation walked down Kakawa Street to the Lagos office.") == {"Lagos": ("PLACE", "city")}
    assert "Silk Road Fund" in found("The Silk Road Fund supports Nairobi.")


def test_fields_of_culture_and_planning_and_a_bodys_organs_are_no_organisations():
    assert found("Cities joined in Folk Art, Design, Film, Gastronomy, Literature, Media Arts and Music.") == {}
    assert found("Talks covered Environment & Climate Change and Planning and Infrastructures.") == {}
    got = found("The General Assembly and the World Council met in Paris; the World Bank came.")
    assert set(got) == {"Paris", "World Bank"}


def test_a_headline_verb_ends_a_name_and_a_resolution_is_a_document():
    text = ("City Council Approves Resolution Affirming Support for Lviv Sister City\n\nOn Monday the City Council "
            "approved the Resolution Affirming Support for our sister city. The City of Sebastopol is twinned with Lviv.")
    assert not any("Resolution" in name or "Approves" in name for name in found(text))


def test_a_possessive_written_in_capitals_leaves_the_place():
    assert found("GLASGOW'S council has voted to twin the city with Karachi.") == {
        "Glasgow": ("PLACE", "city"), "Karachi": ("PLACE", "city")}


def test_items_a_plural_kind_of_business_introduces_are_businesses():
    assert found("He had discussed deals with French companies Rhone-Poulenc, Pechiney and Imec.") == {
        "Rhone-Poulenc": ("ORG", "company"), "Pechiney": ("ORG", "company"), "Imec": ("ORG", "company")}


def test_the_adjective_of_a_world_region_is_no_name():
    assert "Nordic" not in found("Bergen was assigned the Nordic twin cities Gothenburg, Aarhus and Turku in 1946.")
    assert found("The Nordic Council met in Oslo.")["Nordic Council"][0] == "ORG"


def test_a_name_described_as_an_agency_is_an_organisation():
    assert found("They held talks with Hermes, the German export credit agency.")["Hermes"][0] == "ORG"


def test_a_news_agencys_state_abbreviation_after_a_us_town_is_the_state():
    names = found("Raytheon, based in Waltham, Mass., said it would build a plant in Dalton, Ga., next year.")
    assert names["Massachusetts"] == ("PLACE", "region") and names["Georgia"] == ("PLACE", "region")
    assert "Massachusetts" not in found("The pope celebrated Mass. Rome then welcomed the delegation.")


def test_a_name_after_a_title_of_a_place_and_a_comma_is_a_person_not_a_place():
    text = ("On May 31, 2006, the Governor of Tokyo, Shintaro Ishihara and the Mayor of London, Ken Livingstone, "
            "signed a Partnership Agreement.")
    assert set(found(text)) == {"Tokyo", "London"}


def test_a_federal_state_of_a_country_is_the_state():
    assert found("Basel has a partnership with the US Federal State of Massachusetts.")["Massachusetts"] == (
        "PLACE", "region")


def test_a_network_of_mayors_the_registry_knows_is_an_organisation_not_a_conference():
    got = found("The United States Conference of Mayors and the China Association of Mayors signed an agreement.")
    assert got["United States Conference of Mayors"] == ("ORG", "association") and "United States" not in got


def test_a_university_and_its_campus_town_after_a_dash_are_one_organisation():
    got = found("The University of Nebraska—Omaha has an ongoing partnership with Shizuoka University.")
    assert set(got) == {"University of Nebraska—Omaha", "Shizuoka University"}


def test_a_postal_state_in_brackets_after_a_town_is_the_state():
    got = found("The delegation included Fort Worth (TX) Mayor Betsy Price and Gatineau (QC) Mayor Ann Lee.")
    assert got["Texas"] == ("PLACE", "region") and "TX" not in got


def test_hawaiian_names_with_their_okina_and_degrees_after_a_name():
    got = found("Governor Josh Green, M.D., will travel on behalf of the state of Hawai‘i and meet with leaders "
                "from Fukuoka, Ehime and Hiroshima prefectures.")
    assert got["Hawaii"] == ("PLACE", "region") and got["Ehime"] == ("PLACE", "region") and "M.D." not in got


def test_a_photo_credit_and_a_place_then_whom_for_are_no_organisations():
    assert found("A judge ruled Thursday that the case can go on. (AP Photo/John Bazemore)") == {}
    got = found("Highlights include joining the Indiana Pacers in Mumbai for the National Basketball Association's "
                "first games in India.")
    assert got["Mumbai"][0] == "PLACE" and got["National Basketball Association"][0] == "ORG"


def test_the_surname_of_a_titled_person_written_with_a_possessive_is_no_place():
    got = found("The MoUs were signed at a seminar held on March 3, 2019, as part of the state’s Chief Minister "
                "Arjun Singh Tomar’s business promotion visit to Malaysia.\n"
                "Tomar assured investors of low-cost land at Nashik and Pune.")
    assert "Tomar" not in got and got["Malaysia"][0] == "PLACE" and got["Pune"][0] == "PLACE"


def test_a_compass_word_alone_is_a_direction_not_a_region_of_that_name():
    got = found("Ashford is hosting two events to celebrate its partnership with friends from the North, and "
                "Lagos will host delegates from the Far North Region of Cameroon.")
    assert got.get("North", (None, None))[1] != "region" and got["Far North"] == ("PLACE", "region")


def test_networks_of_cities_the_registry_knows_and_a_pages_language_links():
    got = found("Also in... (Español)\nDortmund has been a member of Efus since 2011 and joined Eurotowns in 2015.")
    assert got["European Forum for Urban Security"][0] == "ORG" and got["Eurotowns"][0] == "ORG"
    assert "Español" not in got


def test_a_london_or_royal_borough_named_after_two_places_is_one_council():
    got = found("The London Borough of Barking and Dagenham signed a friendship agreement with Motomiya City.")
    assert got["London Borough of Barking and Dagenham"] == ("ORG", "government")
    assert "Barking" not in got and "Dagenham" not in got


def test_the_first_words_of_a_title_are_not_part_of_the_place_before_it():
    got = found("Beijing Party Secretary Cai Qi met Hamburg First Mayor Peter Tschentscher on Monday.")
    assert "Hamburg" in got and "Hamburg First" not in got


def test_the_surnames_of_a_titled_four_word_name_are_the_person():
    got = found("Puebla Mayor Juan Carlos Rodriguez Hurtado signed the accord with Ulsan.\n"
                "\"It is a great day,\" Hurtado said.")
    assert "Rodriguez" not in got and "Hurtado" not in got and "Puebla" in got and "Ulsan" in got
    # the fourth word a place: the name of three words stops before it
    assert "Punjab" in found("The accord ties Punjab and California.\nDuring the tenure of Chief Minister Chaudhry "
                             "Parvez Elahi Punjab and California became sister states.")


def test_a_name_after_the_cities_of_is_a_town_whatever_the_tagger_says():
    got = found("The twinning agreement between the cities of Águeda and Rio Grande has completed 25 years.")
    assert got.get("Águeda") == ("PLACE", "city")


def test_a_towns_community_is_the_town():
    got = found("A delegation of representatives from the Toowoomba Community will visit Takatsuki in May.")
    assert got.get("Toowoomba") == ("PLACE", "city") and "Toowoomba Community" not in got
    assert found("Spain joined the European Community in 1986.")["European Community"][0] == "ORG"


def test_a_field_and_a_head_after_and_end_one_name():
    got = found("Two Zhejiang firms, Hangzhou Steam Turbine and Jiangnan Publishing and Media Group, opened offices "
                "in Kent.")
    assert "Jiangnan Publishing and Media Group" in got and "Media Group" not in got


def test_a_chinese_name_followed_by_who_the_person_is_is_no_organisation():
    got = found("On Monday, Sun Jianguo, standing committee member of the CPC Hubei Provincial Committee, met a "
                "delegation of Region Hannover.")
    assert "Sun Jianguo" not in got and "Region Hannover" in got


def test_a_town_is_read_in_the_country_the_story_names_unless_the_other_is_far_bigger_or_a_capital():
    def country_of(text: str, name: str) -> str:
        table = entities_in_text(text)
        return table[table["canonical"] == name]["country"].iloc[0]
    assert country_of("Canada and China trade more.\nThe City of Victoria signed with Suzhou.", "Victoria") == "Canada"
    assert country_of("Canada and China trade more.\nLondon signed with Suzhou.", "London") == "United Kingdom"
    assert country_of("The United States sent mayors.\nThey met the mayor in Athens on Monday.", "Athens") == "Greece"


def test_a_titled_persons_name_of_a_place_tagged_as_a_body_is_the_place():
    # spaCy may tag "Bounthavy Sisomphone of Vientiane" after "Mayor" as one organisation: the mayor's town
    from coopnews.partners.candidates import Candidate
    from coopnews.partners.entities import classify
    from coopnews.partners.registry import as_registry

    text = "Mayor Kim Min-soo and Mayor Bounthavy Sisomphone of Vientiane will sign a memorandum."
    start = text.index("Bounthavy")
    span = Candidate(start, text.index(" will"), "spacy", "ORG")
    mention = classify(text, span, as_registry(None), {})
    assert (mention.text, mention.label, mention.type) == ("Vientiane", "PLACE", "city")


def test_a_bracketed_section_label_is_no_part_of_the_name_after_it():
    text = ("[Economy] The major industries of Vientiane include agriculture and tourism.\n\n"
            "[Culture and Education] Royal University of Vientiane is the largest university in Laos.")
    assert "Royal University of Vientiane" in found(text)


def test_a_name_owning_sister_cities_is_a_town_whatever_its_last_word():
    got = found("Maple Park's sister city is Kaunas, Lithuania, and the two towns trade students.")
    assert got.get("Maple Park", ("?",))[0] == "PLACE" and "Kaunas" in got


def test_a_regional_body_named_with_its_country_is_the_body_its_country_apart():
    got = found("Documents on cooperation between the Poltava Regional State Administration and the Vitebsk "
                "Regional Executive Committee of Belarus were signed on Monday.")
    assert got.get("Vitebsk Regional Executive Committee", ("?",))[0] == "ORG" and got.get("Belarus") == (
        "PLACE", "country")


def test_the_government_of_a_place_is_the_place():
    got = found("The Government of Tonga signed a memorandum with the City of Sendai on Monday, and officials from "
                "the Government of Punjab visited Lyon.")
    assert got.get("Tonga") == ("PLACE", "country") and got.get("Punjab", ("?",))[0] == "PLACE"
    assert not any(name.startswith("Government of") for name in got)


def test_a_special_administrative_region_is_its_place_by_any_of_its_names():
    text = ("The Hong Kong SAR Government signed a deal with Seville. A Macao SAR Government delegation visited "
            "Porto, and Macau officials met the HKSAR team there.")
    assert found(text) == {"Hong Kong": ("PLACE", "region"), "Macao": ("PLACE", "region"),
                           "Seville": ("PLACE", "city"), "Porto": ("PLACE", "city")}



def test_a_company_whose_legal_form_is_written_in_lower_case_is_one_name():
    from coopnews.partners.candidates import _chunks

    text = "PEKING, March 12 - Brandvik International plc said it plans a joint venture in China."
    assert "Brandvik International plc" in [text[s:e] for s, e in _chunks(text)]  # whatever the tagger says
    assert found(text)["Brandvik International plc"] == ("ORG", "company")


def test_a_possessive_and_a_nationality_after_a_town_leave_the_town():
    text = "The report came out on Monday. The club visited Metzingen’s Hungarian twin town of Nagykálló last week."
    got = found(text)
    assert set(got) == {"Metzingen", "Nagykálló"} and got["Metzingen"] == ("PLACE", "city")


def test_the_somali_nationality_is_somalia():
    got = found("The report came on Monday. Doha will host talks between Somali and Qatari authorities.")
    assert got.get("Somalia") == ("PLACE", "country") and "Somali" not in got


def test_a_towns_short_form_is_the_town_the_text_names_in_full():
    text = "The delegation went to Washington DC on Monday. Washington has many ties with Lyon."
    assert found(text) == {"Washington, D.C.": ("PLACE", "city"), "Lyon": ("PLACE", "city")}


def test_a_town_named_like_a_common_word_is_the_town_beside_another_place():
    # "Cork" alone opening a sentence may be the material; beside another place the text names, it is the town
    text = "The Lord Mayor of Cork flew out on Monday. Cork and Coburg have been twinned since 1988."
    rows = entities_in_text(text)
    assert list(rows[rows.canonical == "Cork"].start) == [18, 43]
    alone = "The Lord Mayor of Cork flew out on Monday. Cork floats, and the city sells it."
    rows = entities_in_text(alone)
    assert list(rows[rows.canonical == "Cork"].start) == [18]


def test_a_body_named_for_its_subject_after_on_is_one_organisation():
    text = "The delegation met the Seattle Commission on the Status of Women on Tuesday."
    assert found(text) == {"Seattle Commission on the Status of Women": ("ORG", "government")}


def test_a_street_named_in_the_romance_way_is_a_venue():
    text = "For many Cardiff people, the Boulevard de Nantes is one of the grander roads in the city."
    assert found(text) == {"Cardiff": ("PLACE", "city")}


def test_the_towns_a_nationality_introduces_lie_in_its_country():
    # the gazetteer knows only England's Ipswich; the text says this one is Australian
    got = {row.text: row.country for row in entities_in_text(
        "Pune wants closer ties with the Australian cities of Brisbane and Ipswich, its mayor said. The mayor of "
        "Ipswich will visit in May.").itertuples()}
    assert got == {"Pune": "India", "Brisbane": "Australia", "Ipswich": "Australia"}


def test_compass_words_and_a_nationality_before_a_title_name_the_region():
    # "Western Australian Premier": the state, not Australia; "West German firms" names no place
    got = {row.text: row.canonical for row in entities_in_text(
        "Western Australian Premier Ann Lee will visit Surabaya on Monday. South Australian Premier Tom Roe met "
        "officials of Shandong. Ventures with West German firms grew.").itertuples()}
    assert got == {"Western Australian": "Western Australia", "Surabaya": "Surabaya",
                   "South Australian": "South Australia", "Shandong": "Shandong"}


def test_a_company_described_by_its_town_and_kind_is_named_without_them():
    got = found("Premier Lee and Governor Roe will also witness the signing of a Memorandum of Understanding "
                "between the East Java Department of Manpower and the Perth company Offshore Labour Services Pty Ltd.")
    assert got.get("Offshore Labour Services Pty Ltd", (None,))[0] == "ORG"
    assert not any(name.startswith("Perth company") for name in got)


def test_a_wire_between_its_dateline_and_date_is_no_organisation():
    got = found("MACAU SAR - Asia Pacific Wire Service - 12 May 2024 - A Macau delegation has wrapped up a visit to "
                "Hanoi and Vientiane.")
    assert "Asia Pacific Wire Service" not in got and got.get("Hanoi", (None,))[0] == "PLACE"


def test_office_holders_named_by_their_title_are_no_organisation():
    got = found("Estonia joined the summit of Heads of State and Government of Central and Eastern Europe and China. "
                "The 12+1 Heads of Government met in Dubrovnik.")
    assert not any("Heads" in name or name.startswith("Government of") for name in got)
    assert got.get("Estonia", (None,))[0] == "PLACE"


def test_a_nationality_before_a_kind_of_place_is_no_region_named_alike():
    # the gazetteer knows a Somali Region of Ethiopia; "the Somali city" is Mogadishu, described
    got = found("The Mayor of Mogadishu met the Turkish envoy. Ankara will help rebuild the Somali city.")
    assert "Somali" not in got and got.get("Mogadishu") == ("PLACE", "city")
