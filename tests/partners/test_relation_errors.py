"""One case per error class seen on real news (issue 12): what a reader of the sentence would list as
cooperation pairs, entities and dated events. The sentences are written for these tests."""
from __future__ import annotations

import pandas as pd
import pytest

from coopnews.partners.entities import entities_in_text
from coopnews.partners.gazetteer import lookup_place
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
    # a capital standing for its government gives the country-level pair (when the text names the country)
    ("The European Union agreed to open talks on a trade pact with Poland, a step towards ties with Warsaw.",
     {frozenset(("European Union", "Poland"))}),
    # ... but a city-to-city tie keeps the capital
    ("Vienna and Osaka, which is in Japan, are sister cities.", {frozenset(("Vienna", "Osaka"))}),
    # a person introduced with the place they represent speaks for it later
    ("Canadian Trade Minister Anne Quill arrived on Monday.\n\nQuill held talks with Brazil on farm exports.",
     {frozenset(("Canada", "Brazil"))}),
    # ... and one introduced with the organisation they lead speaks for it
    ("Volvo chairman Erik Lund spoke on Monday.\n\nLund held talks with Fiat SpA on trucks.",
     {frozenset(("Volvo", "Fiat SpA"))}),
    # ... as does one introduced after the name ("X, head of Y"), or with a possessive, whatever their surname's ending
    ("The visitors were led by Anna Jones, director general of the Fiat SpA works council.\n\n"
     "Jones later met Volvo AB managers.", {frozenset(("Fiat SpA", "Volvo AB"))}),
    ("Volvo's chairman Erik Lund arrived on Monday.\n\nLund held talks with Fiat SpA on trucks.",
     {frozenset(("Volvo", "Fiat SpA"))}),
    # ... names with particles and historical demonyms included
    ("West German President Richard von Weizsaecker spoke on Monday.\n\nWeizsaecker held talks with Bolivian leaders.",
     {frozenset(("West Germany", "Bolivia"))}),
    # a place modifying a title stands for the person's country
    ("Kenyan President Daniel Arap met Tanzania's leaders on Friday.", {frozenset(("Kenya", "Tanzania"))}),
    # ... also a title of two nouns ("consul general"), a locator of the consulate aside
    ("The Italian consul general in Guangzhou met Mayor Chen of Foshan on Tuesday.", {frozenset(("Italy", "Foshan"))}),
    # places acting through the people or bodies they send: the pair is read from those nouns
    ("Fresno Mayor Ann Cole and the Mayor of Tijuana signed a renewal of their sister city agreement.",
     {frozenset(("Fresno", "Tijuana"))}),
    ("Leaders of Dalian and Kitakyushu signed a memorandum on green development on Friday.",
     {frozenset(("Dalian", "Kitakyushu"))}),
    ("Officials from Incheon and Tianjin discussed port cooperation at a meeting in Incheon.",
     {frozenset(("Incheon", "Tianjin"))}),
    ("The mayors of Lyon and Turin met in Paris.", {frozenset(("Lyon", "Turin"))}),
    # ... or through the noun naming the place's kind
    ("The Guangdong provincial government and the state of Victoria agreed to deepen cooperation in education.",
     {frozenset(("Guangdong", "Victoria"))}),
    ("Zhejiang province and the state of Victoria agreed to deepen cooperation in agriculture.",
     {frozenset(("Zhejiang", "Victoria"))}),
    # ... but not a noun that is itself the tie ("a twin town of Leipzig")
    ("Lille has been a twin town of Leipzig since 1987.", {frozenset(("Lille", "Leipzig"))}),
    ("The mayor of Kobe welcomed a delegation from the sister city of Seattle.", {frozenset(("Kobe", "Seattle"))}),
    # partners in a list of places: every place of the list, the first included
    ("Petrol SA has joint ventures with partners in Angola, Algeria and Tunisia.",
     star("Petrol SA", "Angola", "Algeria", "Tunisia")),
    # a tie named by a cue word and a noun ("partner cities") heads its list like "sister cities" does
    ("Hefei's partner cities include Columbus, Freiburg and Osaka.", star("Hefei", "Columbus", "Freiburg", "Osaka")),
    # a sale is an acquisition seen from the seller
    ("Delta Energy Inc will sell a controlling interest to Harbour Partners Ltd.",
     {frozenset(("Delta Energy Inc", "Harbour Partners Ltd"))}),
    # a headline in capitals naming two parties and a cue states their relation; a dispute still is none
    ("VOLVO PLANS JOINT VENTURE IN CHINA\n    STOCKHOLM, March 11 - Volvo AB said it was in talks on a truck plant.",
     {frozenset(("Volvo AB", "China"))}),
    ("U.S. FILES COMPLAINT WITH GATT OVER JAPAN\n    WASHINGTON, March 11 - The U.S. said it had filed a complaint.",
     set()),
    # a relative clause on the party's own noun states its relation ("which visited")
    ("An IMF delegation, which visited Israel this week, warned of inflation.",
     {frozenset(("International Monetary Fund", "Israel"))}),
    # what a cue verb commits to ("agreed to supply") names the partner
    ("The Soviet Union has agreed to supply Iran with refined oil products.", {frozenset(("Soviet Union", "Iran"))}),
    # arriving in a place for a visit is visiting it
    ("A delegation from Hefei led by Vice Mayor Zhang Min arrived in Grenoble on Tuesday for a three-day visit.",
     {frozenset(("Hefei", "Grenoble"))}),
    # parties attending a ceremony together are guests, not partners
    ("Counsellor Li Hua and representatives of Schneider Electric and STMicroelectronics attended the signing ceremony.",
     set()),
    # where a delegation is, it visits; where an event is, is only its venue
    ("The Lyon delegation is in Wuhan this week.", {frozenset(("Lyon", "Wuhan"))}),
    ("The Lyon conference is in Wuhan this week.", set()),
    # a courtesy call is a visit
    ("The Consul General of Japan in Chicago, Kenji Sato, paid a courtesy call on the mayor of Milwaukee.",
     {frozenset(("Japan", "Milwaukee"))}),
    # a facility a company already has is located by a place, not partnered with it ...
    ("The deal is crucial to the future of Rover's Longbridge plant in the West Midlands.", set()),
    # ... but a facility being built there names a party
    ("Toyota will build a plant in Hungary.", {frozenset(("Toyota", "Hungary"))}),
    # one place naming a gathering is its venue, not a party
    ("The OECD plan was endorsed by the Venice economic summit this month.", set()),
    # market words are not cues ("stock exchanges" is no exchange between the cities)
    ("Nordex, which runs the Oslo, Helsinki and Riga stock exchanges, was founded in 1999.", set()),
    # an organisation named after a place is a body of that place, not its partner
    ("Wuhan and the Wuhan Municipal Commerce Bureau signed an agreement.", set()),
    # a grouping and its members: a star
    ("The Andean Community comprises Bolivia, Colombia, Ecuador and Peru.",
     star("Andean Community", "Bolivia", "Colombia", "Ecuador", "Peru")),
    # parties joining a body each pair with the body, not with each other
    ("Finland and Sweden joined the European Union in 1995.", star("European Union", "Finland", "Sweden")),
    # work with
    ("Toyota will work with Renault on electric engines.", {frozenset(("Toyota", "Renault"))}),
    # the object of a verb that is no cue is acted on, not a partner
    ("Canada urged closer cooperation with Mexico to persuade Brazil to cut tariffs.",
     {frozenset(("Canada", "Mexico"))}),
    # ... but the object of a verb of leaving is the traveller's home
    ("The trade minister left Hungary on a tour of Vietnam.", {frozenset(("Hungary", "Viet Nam"))}),
    # a company a signing sets out to create is its object, not a partner
    ("The state-owned Ghana Ports Authority signed an agreement with Nordsee Reederei AG to establish the Ghana "
     "Coastal Shipping line.", {frozenset(("Ghana Ports Authority", "Nordsee Reederei AG"))}),
    # two places one traveller visits are each the traveller's partner, not each other's
    ("Before visiting Peru, the Hungarian delegation made a trip to Chile.", star("Hungary", "Peru", "Chile")),
    ("Mayor Rossi of Turin will visit Busan in South Korea, as well as Vietnam.", star("Turin", "Busan", "Viet Nam")),
    # a relative clause holding both parties states their relation
    ("Valeo SA said it signed a letter of intent in which Siemens AG plans to buy Osram GmbH.",
     {frozenset(("Siemens AG", "Osram GmbH"))}),
    # "between A and B" pairs them even where the parser splits or misattaches the phrase
    ("The service is a joint venture between payments firm 7pay and data specialists NorthGrid Software.",
     {frozenset(("7pay", "NorthGrid Software"))}),
    ("The two governments formalised a supply deal between state oil firm Pemex and Chile's Enap.",
     {frozenset(("Pemex", "Enap"))}),
    # two coordinated clauses with subjects of their own state two relations, not one between their parties
    ("The Sino-German Institute of Applied Sciences was founded in Hefei last year, and schools such as Tongji "
     "University and Fudan University have signed agreements with the Technical University of Munich.",
     star("Technical University of Munich", "Tongji University", "Fudan University")),
    # "an agreement between A and B" names its two parties: they are nobody else's partners through it
    ("Renault Group signed a supply deal with Volvo AB after a separate agreement between Fiat SpA and Peugeot SA.",
     {frozenset(("Renault Group", "Volvo AB")), frozenset(("Fiat SpA", "Peugeot SA"))}),
    # the places one delegation comes from are fellow members, each paired with where it goes, not with each other
    ("A delegation of farm officials from Kenya, Zimbabwe, and Mozambique went on a field trip to Anhui province.",
     star("Anhui", "Kenya", "Zimbabwe", "Mozambique")),
    ("A delegation from Kenya, Zimbabwe and Mozambique went on a field trip to Anhui province.",
     star("Anhui", "Kenya", "Zimbabwe", "Mozambique")),
    # a sister town is a tie as a sister city is
    ("Redditch is a sister town of Nantes.", star("Redditch", "Nantes")),
    ("Since 2001 Redditch and Nantes have been friendship towns.", star("Redditch", "Nantes")),
    # a company's name for what it makes is no party: a modifier of a common noun, or with "a"
    ("BMW will build the Mini Convertible at its Oxford plant. Before Wednesday's announcement, BMW had invested "
     "some £280m in Mini production.", star("BMW", "Oxford")),
    ("BMW will build the Mini Convertible at its Oxford plant. Last year, almost one in six cars sold by the BMW "
     "group was a Mini.", star("BMW", "Oxford")),
    # ... but a body's name before its people or its officer still stands for it
    ("A delegation of Mishawaka High School students is planning to visit Shiojiri.",
     star("Mishawaka High School", "Shiojiri")),
    # "A and its sister city of B": B is A's partner, even after "between"
    ("The doctors came for a medical exchange between Macon-Bibb County and its sister city of Kurobe, Japan.",
     star("Macon-Bibb County", "Kurobe")),
    # "between A in X and B in Y": the parser joins B to X, the locator
    ("Formalised close to 40 years ago, the sister cities agreement between Blacktown City in Western Sydney and "
     "Porirua in Wellington was established to promote ties between the two cities.", star("Blacktown", "Porirua")),
    # who watches a signing is no party to it
    ("Lyon and Wuhan signed the agreement in the presence of the Mayor of Nanjing.", star("Lyon", "Wuhan")),
    ("Tikapur Hospital and Bhaktapur Hospital signed the Memorandum of Understanding at the witness of Kathmandu "
     "Municipality.", star("Tikapur Hospital", "Bhaktapur Hospital")),
    # the state a town's address abbreviates is no partner of the town
    ("Fort Worth, TX – Sister Cities fields youth sports teams\n\nFort Worth Sister Cities sent a youth team to "
     "Nagaoka, its sister city.", star("Fort Worth", "Nagaoka")),
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


def test_a_persons_surname_is_not_a_city():
    rows = entity_rows("Opposition leader Michael Howard spoke in Bournemouth. Mr Howard said Howard would win.")
    assert "Howard" not in rows and rows["Bournemouth"][:2] == ("PLACE", "Bournemouth")


def test_exhibition_and_shopping_centres_are_venues_and_an_honorific_names_a_person():
    names = set(entities_in_text("The fair opened at the Nanjing International Expo Centre and the Riverside "
                                 "Shopping Centre. Gen Pervez Musharraf met the Sino-French Innovation Centre "
                                 "and Siemens.")["canonical"])
    assert not names & {"Nanjing International Expo Centre", "Riverside Shopping Centre", "Gen Pervez Musharraf"}
    assert {"Sino-French Innovation Centre", "Siemens"} <= names


def test_a_name_after_a_kind_of_business_is_an_organisation():
    rows = entity_rows("A joint venture between security firm 4lane and storage specialists Brightvault was "
                       "agreed with textiles concern Filati Bianchi.")
    assert {name: rows[name][0] for name in ("4lane", "Brightvault", "Filati Bianchi")} == dict.fromkeys(
        ("4lane", "Brightvault", "Filati Bianchi"), "ORG")


def test_a_persons_surname_alone_is_not_an_organisation():
    rows = entity_rows("Speaking after farm trade talks with Japan, Lyng said the U.S. would press. Agriculture "
                       "Secretary Richard Lyng left.")
    assert "Lyng" not in rows and rows["Japan"][:2] == ("PLACE", "Japan")
    rows = entity_rows("U.S. trade official Clayton Yeutter spoke on Monday. Yeutter and Mitsubishi Corp agreed.")
    assert "Yeutter" not in rows and rows["Mitsubishi Corp"][0] == "ORG"


def test_wire_capitals_and_party_adjectives_are_not_organisations():
    names = set(entities_in_text("Two weeks before the U.S. Imposes tariffs, a Tory MP met U.S. Defence "
                                 "contractors and Boeing.")["canonical"])
    assert "Boeing" in names and not names & {"U.S. Imposes", "U.S. Defence", "Tory"}


def test_the_city_stands_for_the_city_the_headline_names():
    text = "Lyon opens an office in Guangzhou\n\nThe city will also sign a cooperation agreement with Wuhan next year."
    assert frozenset(("Lyon", "Wuhan")) in pair_set(text)


def test_the_company_stands_for_the_main_organisation_even_when_the_headline_names_a_place_first():
    text = ("NORDEX PLANS TRUCK PLANT IN BRAZIL\n\nSTOCKHOLM, May 4 - Nordex Motor Corp said it planned a truck "
            "venture.\n\nThe company said it had signed a letter of intent with the Industry Ministry of Brazil.")
    assert frozenset(("Nordex Motor Corp", "Industry Ministry of Brazil")) in pair_set(text)


def test_a_pronoun_reported_by_a_party_is_that_party_and_a_place_owning_a_body_only_locates_it():
    # "it" is the bank that said so, not the country the headline names; Hungary only owns the central bank
    text = ("POLAND'S PKO SIGNS ACCORD\n\nWARSAW, May 3 - <Bank Polski Kasa> said it signed a cooperation "
            "agreement with Hungary's central bank <Magyar Nemzeti Bank>.")
    assert pair_set(text) == {frozenset(("Bank Polski Kasa", "Magyar Nemzeti Bank"))}


def test_coordinated_subjects_act_jointly_through_a_chain_of_of():
    assert pair_set("Lyon and Nanjing have had a series of rounds of talks since 1978.") == {
        frozenset(("Lyon", "Nanjing"))}


def test_objects_listed_after_a_comma_are_each_the_subjects_partner_not_each_others():
    # the parser makes "Peugeot" a second verb of "signed"; it continues the list of objects
    assert pair_set("Valeo signed a supply contract with Renault, and Peugeot.") == star("Valeo", "Renault", "Peugeot")


def test_a_ministers_portfolio_is_not_an_organisation_but_a_bureau_before_its_director_is():
    names = set(entities_in_text("International Development Secretary Hilary Benn will visit Aceh. The Nanjing "
                                 "Investment Promotion Bureau Director Wang Li met Valeo.")["canonical"])
    assert "International Development" not in names
    assert {"Aceh", "Nanjing Investment Promotion Bureau", "Valeo"} <= names


def test_international_organisations_are_one_partner_whatever_the_form():
    table = entities_in_text("The WTO ruled on Monday. The World Trade Organisation said the EU and the IMF agreed.")
    canon = dict(zip(table["text"], zip(table["canonical"], table["type"])))
    assert canon["WTO"] == canon["World Trade Organisation"] == ("World Trade Organization", "supranational")
    assert canon["EU"] == ("European Union", "supranational")


def events_of(text: str, anchor: str | None = None):
    pairs = pairs_in_text(text, anchor=anchor)
    ents = entities_in_text(text)
    return events_in_text(text, anchor=anchor, entities=ents, pairs=pairs)


def test_an_event_the_text_does_not_date_on_a_calendar_keeps_its_underspecified_value():
    # no publication date: "on Monday" is XXXX-WXX-1 (TIMEX3: the weekday is known, its week is not), still the
    # date of the talks
    events = events_of("Pakistan and India held talks on Monday.")
    assert events["value"].tolist() == ["XXXX-WXX-1"] and set(events.iloc[0]["parties"]) == {"Pakistan", "India"}


def test_a_quarter_dates_figures_not_an_event():
    events = events_of("Under the agreement with Volvo, Renault will deliver 5,000 engines in the second quarter "
                       "of 1987 and signed the contract on 4 March 1987.", anchor="1987-03-10")
    assert events["value"].tolist() == ["1987-03-04"]


def test_a_news_agency_quoted_is_not_a_party_of_the_event():
    events = events_of("The visit to Wuhan is planned for 2026, according to the French news agency AFP.")
    assert events["value"].tolist() == ["2026"] and events.iloc[0]["parties"] == ["Wuhan"]


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


@pytest.mark.parametrize("follow_up", ["The two cities will cooperate on port logistics from 2015 to 2018.",
                                       "Both sides agreed to review the programme in 2016."])
def test_a_sentence_about_the_two_cities_takes_the_parties_of_the_last_relation(follow_up):
    events = events_of("Kobe and Seattle signed a twinning agreement on 3 May 1957. " + follow_up)
    later = events[events["value"] != "1957-05-03"]
    assert len(later) == 1 and set(later.iloc[0]["parties"]) == {"Kobe", "Seattle"}


def test_the_two_cities_with_no_relation_before_is_no_event():
    assert events_of("The two cities will cooperate on port logistics from 2015 to 2018.").empty


def test_a_name_the_parser_coordinates_with_the_verb_heads_its_own_list():
    # a parse as the parser gives it for "it signed the accord with the central bank (Narbank) and trade bank
    # (Tradbank)": the second bank is a conjunct of "signed"; the two banks are each the signer's partner
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from coopnews.partners import syntax

    words = ["Acme", "signed", "the", "accord", "with", "the", "central", "bank", "(", "Narbank", ")", "and",
             "trade", "bank", "(", "Tradbank", ")", "."]
    heads = [1, 1, 3, 1, 3, 9, 7, 9, 9, 4, 9, 1, 13, 1, 13, 13, 13, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "det", "amod", "nmod", "punct", "pobj", "punct", "cc",
            "compound", "conj", "punct", "appos", "punct", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "IN", "DT", "JJ", "NN", "-LRB-", "NNP", "-RRB-", "CC", "NN", "NN", "-LRB-",
            "NNP", "-RRB-", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags)

    def party(word):
        token = doc[words.index(word)]
        return {"start": token.idx, "end": token.idx + len(token), "label": "ORG", "canonical": word,
                "type": "company", "country": None}

    spans = [(doc[1].idx, doc[1].idx + 6), (doc[3].idx, doc[3].idx + 6)]
    found = syntax.relations(doc, [party("Acme"), party("Narbank"), party("Tradbank")], spans)
    assert {frozenset((a["canonical"], b["canonical"])) for a, b in found} == star("Acme", "Narbank", "Tradbank")


def test_wire_names_in_angle_brackets_are_organisations_and_aliases_of_the_name_before_them():
    table = entities_in_text("PARIS, March 3 - Export Bank <Eksportbank> signed an accord. <Telekom Polska Bhd> (TPB) "
                             "and <Vistula Leasing> agreed.")
    canon = dict(zip(table["text"], zip(table["label"], table["canonical"])))
    assert canon["Eksportbank"] == ("ORG", "Export Bank")
    assert canon["Vistula Leasing"] == ("ORG", "Vistula Leasing")
    assert canon["TPB"] == ("ORG", "Telekom Polska Bhd")


def test_a_company_name_ending_in_a_legal_form_is_an_organisation():
    rows = entity_rows("MILAN, May 4 - Ferretti Gruppo Spa said it reached agreement with Volvo AB.")
    assert rows["Ferretti Gruppo Spa"][:2] == ("ORG", "Ferretti Gruppo Spa")


def test_one_word_after_a_countrys_possessive_is_its_company_unless_a_place_title_or_person():
    rows = entity_rows("Chile's Codelco signed the deal, and Peru's Minera agreed. Michelle Bachelet spoke "
                       "before Chile's Bachelet left Chile's Santiago, as Chile's President said.")
    assert rows["Codelco"][:2] == ("ORG", "Codelco") and rows["Minera"][:2] == ("ORG", "Minera")
    assert rows.get("Bachelet", ("PLACE",))[0] != "ORG" and rows["Santiago"][0] == "PLACE"
    assert "President" not in rows


def test_a_name_before_news_agency_is_a_medium():
    rows = entity_rows("The talks went well, the official Slovpress news agency said.")
    assert rows["Slovpress"][:2] == ("ORG", "Slovpress")


def test_a_person_or_pronoun_who_is_to_visit_stands_for_the_main_party():
    found = pair_set("Hamburg steps up ties with Asia\n\nTrade Senator Anna Keller is to visit Osaka and Busan this "
                     "week. On Friday, she will visit Taipei.")
    assert star("Hamburg", "Osaka", "Busan", "Taipei") <= found
    assert frozenset(("Osaka", "Busan")) not in found


def test_an_acronym_the_text_defines_names_the_body_wherever_it_is_used():
    text = ("The Andean Development Authority (ANDEVA) met in Lima. Later Peru and ANDEVA held talks on water.")
    table = entities_in_text(text)
    assert (table["text"] == "ANDEVA").sum() == 2 and set(table[table["text"] == "ANDEVA"]["canonical"]) == {
        "Andean Development Authority"}
    assert frozenset(("Peru", "Andean Development Authority")) in pair_set(text)


def test_a_described_name_ends_with_its_sentence():
    rows = entity_rows("The deal was struck with storage specialists Vaultline Systems. They said Smith Bros. Ltd agreed.")
    assert "Vaultline Systems" in rows and not any(name.startswith("Vaultline Systems.") for name in rows)


def test_the_last_word_of_a_name_is_no_word_for_the_main_party():
    # "Corporation" ends a name here: it is not "the corporation" standing for the headline's company
    text = ("Baltic Freight Group opens office\n\nOfficials said China's National Shipping Corporation could join "
            "after signing an agreement with Maersk Line Ltd.")
    assert pair_set(text) == {frozenset(("National Shipping Corporation", "Maersk Line Ltd"))}


def test_a_named_airline_is_no_word_for_the_main_party_and_its_owner_only_identifies_it():
    text = ("Nordic Brewing Group buys stake in Tata Group\n\nMeanwhile, Tata Group's budget airline, Vistara "
            "Airlines, is to buy 10 jets from Airbus in a deal worth $1bn.")
    # the headline's stake is a pair of its own (the tagger's "Tata Group\n\nMeanwhile" hid it before)
    assert pair_set(text) == {frozenset(("Vistara Airlines", "Airbus")), frozenset(("Nordic Brewing Group", "Tata Group"))}


def test_a_person_holding_talks_stands_for_the_main_party():
    text = ("HUNGARY SEEKS NEW BANK LOANS\n\nBUDAPEST, May 3 - Hungary wants new loans, officials said. Finance "
            "Minister Peter Kovacs was holding talks with representatives of Citibank NA.")
    assert frozenset(("Hungary", "Citibank NA")) in pair_set(text)


def test_a_place_no_gazetteer_knows_is_not_the_main_party():
    text = ("Minister returns from Levant mission\n\nThe minister has arrived back from his mission to the Near "
            "Orient Lands. Mr Dupont also made a surprise trip to Jordan this week.")
    assert not any("Levant" in pair for pair in pair_set(text))  # "Levant": a name no gazetteer types


def test_a_name_described_as_a_business_is_an_organisation_everywhere_in_the_text():
    text = ("Nordwind Chips said it signed a memorandum with Iberdata to set up a venture. Iberdata is the national "
            "data company of Spain. The plant may go to Volgaprom, Russia's second-biggest chip producer. "
            "Kowalski, a company director, agreed.")
    rows = entity_rows(text)
    assert rows["Iberdata"][:2] == ("ORG", "Iberdata") and rows["Volgaprom"][:2] == ("ORG", "Volgaprom")
    assert rows.get("Kowalski", ("PLACE",))[0] != "ORG"
    table = entities_in_text(text)
    assert (table["text"] == "Iberdata").sum() == 2


def test_a_name_after_suitor_bidder_or_shipping_line_is_an_organisation():
    rows = entity_rows("Rival suitor Nordbourse raised its offer. The authority signed with the shipping line "
                       "Baltica Seetransport.")
    assert rows["Nordbourse"][0] == "ORG" and rows["Baltica Seetransport"][0] == "ORG"


def test_a_quoted_news_agency_or_the_dateline_city_is_not_the_main_party():
    text = ("TELECOM DEAL SIGNED\n    KUALA LUMPUR, April 2 - Malaysia's telecom authority has entered into a deal, "
            "the national news agency Bernama reported.\n    The company will buy a 20 pct stake in Axiata Bhd.")
    named = {name for pair in pair_set(text) for name in pair}
    assert not named & {"Bernama", "Kuala Lumpur"}


def test_an_official_the_wire_names_without_a_country_serves_the_datelines_country():
    # a lead about the reserve bank, not the minister: only the dateline tells whom the minister serves
    text = ("CENTRAL BANK HOLDS RATES\n\nOSLO, May 4 - The central bank left rates unchanged, Finance Minister Kari "
            "Lunde said, adding that Norway's economy was growing.\n\nLunde visited Chile and Peru last week.")
    assert star("Norway", "Chile", "Peru") <= pair_set(text)
    # a nationality before the title names another country: the person is no official of the dateline's
    text = ("CENTRAL BANK HOLDS RATES\n\nOSLO, May 4 - The central bank left rates unchanged, Swedish Finance Minister "
            "Kari Lunde said, adding that Norway's economy was growing.\n\nLunde visited Chile and Peru last week.")
    assert not star("Norway", "Chile", "Peru") & pair_set(text)


def test_the_government_of_a_wire_story_is_the_datelines_country():
    text = ("TRADE PACT SIGNED\n\nOTTAWA, May 2 - The federal government and the trading house Koyama Trading Co "
            "have signed a letter of intent to raise trade, the industry department said. Canada hopes for more.")
    assert frozenset(("Canada", "Koyama Trading Co")) in pair_set(text)
    # a government with a nationality of its own is not the dateline's
    text = text.replace("The federal government", "The Peruvian government")
    assert frozenset(("Canada", "Koyama Trading Co")) not in pair_set(text)


def test_the_owner_of_a_named_party_only_identifies_it():
    # the possessor of the partner (or of the unit the partner names) is not a partner itself
    assert pair_set("Norsk Energi AS signed a supply agreement with Halden Group's Vestfold Power Ltd.") == {
        frozenset(("Norsk Energi AS", "Vestfold Power Ltd"))}
    assert pair_set("Norsk Energi AS signed a supply agreement with Halden Group's Vestfold Power Ltd unit.") == {
        frozenset(("Norsk Energi AS", "Vestfold Power Ltd"))}


@pytest.mark.parametrize("text", [
    "Kestrel Labs Inc and Orman Pharma Ltd both have joint ventures with Brightwater Corp.",
    "Kestrel Labs Inc and Orman Pharma Ltd each signed a supply agreement with Brightwater Corp.",
    "Kestrel Labs Inc and Orman Pharma Ltd separately signed supply agreements with Brightwater Corp.",
])
def test_subjects_acting_each_on_their_own_are_not_partners_of_each_other(text):
    assert pair_set(text) == star("Brightwater Corp", "Kestrel Labs Inc", "Orman Pharma Ltd")


def test_both_before_the_list_keeps_it_joint():
    assert frozenset(("Lyon", "Turin")) in pair_set("Both Lyon and Turin signed a cooperation agreement.")


def test_he_or_she_stands_for_the_party_of_the_person_named_last():
    lead = "LOAN TALKS\n\nLIMA, June 3 - Peru will repay its debt, Finance Minister Carlos Vega said.\n\n"
    assert frozenset(("Peru", "Inter-American Development Bank")) in pair_set(
        lead + "On Monday he signed a loan agreement with the Inter-American Development Bank.")
    # the person named last is someone else, whose party the text does not give
    assert frozenset(("Peru", "Inter-American Development Bank")) not in pair_set(
        lead + "Economist Mr Tomas Herrera said he had signed a consulting agreement with the Inter-American "
               "Development Bank.")


def test_the_datelines_place_is_not_what_a_story_is_about():
    # a dated sentence naming only a venue takes the parties the story is about: never the city the wire files
    # from, however often the story names it
    body = ("Ministers arrive in Geneva this week. More people are hungry than in 1974, the year of the food "
            "conference in Rome.")
    filed = events_of("HUNGER TALKS OPEN\n\nGENEVA, June 2 - Hunger is growing, officials in Geneva said.\n\n" + body,
                      "1987-06-02")
    assert not any("Geneva" in parties for parties in filed["parties"])
    about = events_of("Hunger is growing, officials in Geneva said.\n\nGeneva welcomes ministers. " + body, "1987-06-02")
    assert [list(p) for p in about["parties"]] == [["Geneva"]]


def test_the_day_of_a_call_or_proposal_is_no_event():
    held = events_of("On Tuesday Turin held a cooperation summit with Lyon.", "2024-05-09")
    assert list(held["value"]) == ["2024-05-07"]
    called = events_of("On Tuesday Turin called for a cooperation summit with Lyon.", "2024-05-09")
    assert called.empty


@pytest.mark.parametrize("verb", ["travels to", "travelled to"])
def test_travelling_to_a_place_is_a_visit(verb):
    assert pair_set(f"The mayor of Porto {verb} Osaka on Monday.") == {frozenset(("Porto", "Osaka"))}


def test_an_offer_or_bid_for_a_company_is_an_investment():
    table = pairs_in_text("Harbour Holdings Plc made a recommended offer for Tidewell Plc.")
    assert list(zip(table["a"], table["b"], table["type"])) == [("Harbour Holdings Plc", "Tidewell Plc", "investment")]


def test_a_mission_with_a_nationality_stands_for_its_country():
    assert pair_set("An Argentine mission held talks with Chase Manhattan Bank.") == {
        frozenset(("Argentina", "Chase Manhattan Bank"))}


def test_the_ministers_stand_for_the_body_the_story_is_about():
    text = ("TRADE BLOC TALKS\n\nSINGAPORE, June 16 - Foreign ministers of the Andean Pact said trade would grow.\n\n"
            "The ministers held talks with officials of Japan and Canada on Tuesday.")
    assert pair_set(text) == star("Andean Pact", "Japan", "Canada")


def test_a_list_of_those_a_relative_clause_ties_to_a_partner():
    text = "Other firms that have invested in Kenya include Norway's Fjordkraft Group and the Dutch group Vitens NV."
    assert pair_set(text) == star("Kenya", "Fjordkraft Group", "Vitens NV")


def test_welcoming_a_decision_of_others_is_no_visit():
    assert not any("United Kingdom" in p for p in pair_set(
        "The UK has welcomed the decision by Chile and Peru to open a border crossing."))


def test_a_question_or_condition_states_no_relation():
    assert pair_set("The EU will begin entry talks with Serbia in May.") == {frozenset(("European Union", "Serbia"))}
    assert pair_set("The EU will decide on 17 December whether to begin entry talks with Serbia.") == set()
    assert pair_set("IMF AGREES NEW SERBIA LOAN\n\nSuch reforms are considered vital for Serbia if it is to fulfil its "
                    "ambition of joining the European Union.") == set()


def test_the_third_world_is_no_partner():
    text = "More than 30 ministers will attend, including delegations from Third World countries, the U.S. and Europe."
    assert "Third World" not in set(entities_in_text(text)["canonical"])


def test_who_approves_a_deal_is_no_partner_in_it():
    text = ("Harbin Motors Corp's proposed investment in Kestrel Cars Ltd is awaiting approval by its owner, the Harbin "
            "city government, and by the State Planning Commission.")
    assert pair_set(text) == {frozenset(("Harbin Motors Corp", "Kestrel Cars Ltd"))}


def test_coordinated_subjects_saying_they_will_cooperate_are_partners():
    assert pair_set("Halden Foods Inc and Orvik AB said they would form a partnership to sell frozen fish.") == {
        frozenset(("Halden Foods Inc", "Orvik AB"))}
    # saying something about a third party's deal is no tie between the speakers
    assert frozenset(("Halden Foods Inc", "Orvik AB")) not in pair_set(
        "Halden Foods Inc and Orvik AB said Tarn Fisheries Ltd would form a partnership with Lyngen Sea Ltd.")


def test_a_nationality_before_a_portfolio_and_being_somewhere_for_talks():
    # "Belgian Foreign Trade" is a portfolio, but its nationality still names the minister's country
    text = "Belgian Foreign Trade Minister Herman Van Dael spoke on Monday. Van Dael was also in Oslo for trade talks."
    assert {row.canonical for row in entities_in_text(text).itertuples()} == {"Belgium", "Oslo"}
    assert pair_set(text) == {frozenset(("Belgium", "Oslo"))}


def test_links_with_a_company_are_a_partnership():
    assert pair_set("Baltic Finance Group has strong links with Norrland Oil AB, Russian newspapers said.") == {
        frozenset(("Baltic Finance Group", "Norrland Oil AB"))}


def test_a_news_medium_reporting_an_event_is_no_party_of_it():
    text = ("LOAN TALKS\n\nBELGRADE, April 7 - Serbia has begun talks with Chase Manhattan Bank, the official "
            "Slovpress news agency said.\n\nThe talks began in Washington yesterday and Slovpress said the attitude "
            "of the banks was good.")
    events = events_of(text, "1987-04-07")
    assert not any("Slovpress" in parties for parties in events["parties"])
    assert ["Chase Manhattan Bank", "Serbia"] in [sorted(p) for p in events["parties"]]


def test_dealing_with_something_is_no_deal():
    events = events_of("Since taking office in 2003, the mayor of Lyon has had to deal with rows with Turin.", "2005-01-01")
    assert events.empty


def test_the_end_of_a_period_or_an_undecided_step_dates_no_event():
    assert events_of("Lyon signed an accord with Turin in 2004, extending their cooperation until 2030.",
                     "2005-01-01")["value"].tolist() == ["2004"]
    assert events_of("The council of Lyon will decide on 17 May whether to sign a twinning agreement with Turin.",
                     "2005-01-01").empty


def test_a_body_and_the_members_it_includes():
    text = "Talks on rates began among the Group of Seven leading industrial countries including Canada and Italy."
    assert star("G7", "Canada", "Italy") <= pair_set(text)
    assert frozenset(("Canada", "Italy")) not in pair_set(text)


def test_who_is_due_to_start_days_of_talks_with_others():
    text = ("TRADE BLOC TALKS\n\nSINGAPORE, June 16 - Foreign ministers of the Andean Pact said trade would grow.\n\n"
            "The ministers are due to start three days of talks tomorrow with officials of Japan and Canada.")
    assert pair_set(text) == star("Andean Pact", "Japan", "Canada")


def test_it_after_a_unit_said_is_the_unit_not_the_owner_in_the_headline():
    text = ("HALDEN GROUP UNIT SELLS BRANDS\n\nHalden Group Inc's Vestfold Foods Ltd unit said it sold four brands "
            "to Tarn Mills Inc.")
    assert pair_set(text) == {frozenset(("Vestfold Foods Ltd", "Tarn Mills Inc"))}


def test_saying_they_will_oppose_a_bid_is_no_tie():
    text = "Harbour Press Ltd and Tarn Media Plc say they will oppose any takeover bid from Kestrel Holdings Inc."
    assert frozenset(("Harbour Press Ltd", "Tarn Media Plc")) not in pair_set(text)


def test_a_place_owning_a_company_in_a_headline_is_no_partner():
    text = ("SPAIN'S AMS IN VENTURE TALKS WITH UNILEVER\n    ROME, March 5 - State-owned <Alimenti Meridionali Spa> "
            "(AMS) is discussing a venture with a foreign firm.")
    assert not any("Spain" in p for p in pair_set(text, anchor="1987-03-05"))


def test_a_person_with_a_portfolio_of_several_words_stands_for_the_country():
    text = ("TRADE\n    TOKYO, March 3 - Visiting U.S. Under-Secretary of State for Economic Affairs Alan Weller met "
            "Japanese business leaders.\n    Weller made the remark yesterday in talks with the Japan Chamber of "
            "Commerce.")
    assert frozenset(("United States", "Japan Chamber of Commerce")) in pair_set(text, anchor="1987-03-03")


def test_a_portfolio_that_goes_on_names_no_person():
    from coopnews.partners.relations import _mentions_by_doc, _people, sentence_spans

    text = "Valeo Group's Senior Vice President of Communications and Investment Relations Mafaron spoke."
    people = _people(sentence_spans(text), _mentions_by_doc(entities_in_text(text).assign(doc_id="")))
    assert "Communications" not in people.get("", {})


def test_a_capital_of_a_former_state_stands_for_it():
    text = "The Soviet Union has ties with France. The European Community signed a trade accord with Moscow."
    assert frozenset(("European Community", "Soviet Union")) in pair_set(text)


@pytest.mark.parametrize("text, anchor, expected", [
    # "here" in a wire story is the dateline's place, a party where someone comes to it ...
    ("TALKS\n    OSAKA, March 2 - Brazilian Finance Minister Dilson Funaro arrived here on Monday for talks.",
     "1987-03-02", {frozenset(("Brazil", "Osaka"))}),
    ("TALKS\n    LYON, March 11 - Soviet Deputy Prime Minister Ivan Orlov ended a brief visit here.", "1987-03-11",
     {frozenset(("Soviet Union", "Lyon"))}),
    # ... not where something is only done ("signed here": a venue)
    ("ACCORD\n    OSAKA, March 2 - The accord was signed here by Sony Corp and Acme Inc.", "1987-03-02",
     {frozenset(("Sony Corp", "Acme Inc"))}),
    # a person introduced with a country's abbreviation right after a dateline stands for the country
    ("TRADE\n    SEOUL, April 21 - U.S. Commerce Secretary Mark Dalby praised the new trade policies.\n"
     "    In a press conference after talks with South Korean leaders, Dalby called the plan important.",
     "1987-04-21", {frozenset(("United States", "South Korea"))}),
    # a dateline city of a former state gives that state when the story names it (Belgrade lies in Serbia today)
    ("PREMIER SAYS YUGOSLAVIA WILL PAY\n    BELGRADE, March 23 - Yugoslavia will pay its debts, Prime Minister "
     "Branko Mikulic said.\n    Mikulic visits West Germany next week, and debt is expected to figure high on the "
     "agenda of his talks with Chancellor Helmut Kohl.", "1987-03-23", {frozenset(("Yugoslavia", "West Germany"))}),
    # discussions are talks
    ("TRADE\n    WASHINGTON, March 11 - Canadian External Affairs Minister Joe Clark today held discussions with "
     "officials of the U.S. Treasury.", "1987-03-11", {frozenset(("Canada", "U.S. Treasury"))}),
    # being somewhere on the leg of a tour is a visit
    ("DEBT\n    LONDON, March 2 - Brazilian Finance Minister Dilson Funaro rejected a U.K. suggestion.\n"
     "    Funaro was in Britain on the first leg of a tour of European capitals.", "1987-03-02",
     {frozenset(("Brazil", "United Kingdom"))}),
    # a sum invested in a place: the parser hangs "in Portland" on the sum, not on "invest"
    ("Norsk Aluminium Corp in May agreed to invest about 80 mln dlrs in Portland.", None,
     {frozenset(("Norsk Aluminium Corp", "Portland"))}),
    # the city of a mayor named after it, which the parser hangs on the mayor's name
    ("Mayor of Adelaide Jane Lomax-Smith signed the friendship agreement with Qingdao in 2014.", None,
     {frozenset(("Adelaide", "Qingdao"))}),
    # a country after "the capital of" in an apposition only locates the city
    ("Weifang City and Suva, the capital of Fiji, held a signing ceremony for friendly cooperation cities.", None,
     {frozenset(("Weifang", "Suva"))}),
    ("Lyon signed an accord with Wuhan, the capital of Hubei province.", None, {frozenset(("Lyon", "Wuhan"))}),
    # fellow visitors are no partners of each other
    ("A delegation of mayors from Peru and Chile visited Beijing and Tianjin from May 19 to 26.", None,
     star("Peru", "Beijing", "Tianjin") | star("Chile", "Beijing", "Tianjin")),
    # a product visiting places is no person standing for the story's main party
    ("Kirin unveils fast robot\n\nJapanese electronics firm Kirin Denki has unveiled a robot. Aiko, has visited the "
     "UK, Germany and France as part of a world tour.", None, set()),
])
def test_pairs_of_the_fourth_round(text, anchor, expected):
    assert pair_set(text, anchor=anchor) == expected


@pytest.mark.parametrize("text, expected", [
    # a regulator reviewing a deal is not a party of it
    ("Bolton Motors has offered to pay $30m to settle the charges, in a deal that is under review by the Federal "
     "Trade Commission.", set()),
    # co-subjects of a cue each does on its own ("have all invested") are no partners of each other
    ("Carlsberg, Heineken and Diageo have all invested in the Indian beer industry in the last two years.", set()),
    # a place after another that only says where the first lies ("Sakhalin, in the far east of Russia")
    ("ONGC could invest in gas fields in Sakhalin, in the far east of Russia, next year.",
     {frozenset(("ONGC", "Sakhalin"))}),
    # "no treaty between A and B" states that there is none
    ("A lawyer said there was no treaty between the US and Russia to recognise court rulings.", set()),
    # a place owning a superlative ranks the deal; a role in a relation keeps its owner a party
    ("Nomura's takeover of Daiwa Securities - which will be Japan's largest-ever takeover deal - was agreed on "
     "Monday.", {frozenset(("Nomura", "Daiwa Securities"))}),
    ("The EU signed a trade deal with China, its biggest trading partner.",
     {frozenset(("European Union", "China"))}),
])
def test_pairs_of_the_fifth_round(text, expected):
    assert pair_set(text) == expected


def test_places_naming_stock_exchanges_are_no_parties():
    """'exchanges' after place names is the markets a company runs, not exchanges between the places (the issue's
    Amsterdam-Paris 'visit' pair)."""
    text = "Barclays is holding talks with Euronext, which runs the Amsterdam, Brussels, Lisbon and Paris exchanges."
    places = {"Amsterdam", "Brussels", "Lisbon", "Paris"}
    assert not any(pair & places for pair in pair_set(text))
    assert pair_set("Nanjing has strengthened exchanges with Lyon.") == {frozenset(("Nanjing", "Lyon"))}


@pytest.mark.parametrize("text, expected", [
    # a dateline of a place in capitals and a dash, with no date, is where the story was filed
    ("XIAMEN -- The city of Putian and Kragujevac in Serbia signed an agreement on Friday to become sister "
     "cities.", {frozenset(("Putian", "Kragujevac"))}),
    # a region after a comma behind a town it holds, and a country owning a place, only locate it
    ("A delegation from China's Haiyan county, Zhejiang Province, signed a friendship agreement with Leeds.",
     {frozenset(("Haiyan", "Leeds"))}),
    # "X has three sister cities: A, B and C" (the parser makes the list a fragment) and "has ... -- A, B"
    ("Chengdu now has three new sister cities: Manchester, Leeds and Bristol.",
     star("Chengdu", "Manchester", "Leeds", "Bristol")),
    ("Chengdu now has three new sister cities -- Manchester, Leeds and Bristol.",
     star("Chengdu", "Manchester", "Leeds", "Bristol")),
    # ... after a comma or "the others being"; a list that "became X's sister cities" or "are sister cities of X"
    ("Lviv has got three new sister cities, Dresden, Bremen and Lyon.", star("Lviv", "Dresden", "Bremen", "Lyon")),
    ("Odessa now has four sister cities in Italy, the others being Genoa, Turin and Naples.",
     star("Odessa", "Genoa", "Turin", "Naples")),
    ("Paris, Hamburg and Madrid became Kharkiv's new sister cities.", star("Kharkiv", "Paris", "Hamburg", "Madrid")),
    ("Gdynia and Pardubice are now sister cities of Lutsk.", star("Lutsk", "Gdynia", "Pardubice")),
    ("Lyon and Nanjing are sister cities.", {frozenset(("Lyon", "Nanjing"))}),
    # a place in a clause of "located" only says where another place lies
    ("Hanam, located to the east of the capital of Seoul, became Little Rock's sister city in 1992.",
     {frozenset(("Hanam", "Little Rock"))}),
    # "X city of Country": the country only locates the city
    ("The Mayor of Ulaanbaatar visited Novosibirsk city of Russia on October 6.",
     {frozenset(("Ulaanbaatar", "Novosibirsk"))}),
    # a nationality beside a town of that country only says where the town lies
    ("The Chilean delegation from Rancagua visited Shanxi to sign a friendship agreement.",
     {frozenset(("Rancagua", "Shanxi"))}),
    # a list whose items are pairs: each item a pair, none across items
    ("Several Indian states have forged partnerships with Japanese prefectures, including Kerala with Hyogo, Punjab "
     "with Saitama and Gujarat with Nara.", {frozenset(("Kerala", "Hyogo")), frozenset(("Punjab", "Saitama")),
                                              frozenset(("Gujarāt", "Nara"))}),
    # "the two cities" after two places the parse leaves apart; a person "head of ..., and mayor of X" stands for X
    ("The mayor of Rancagua and the vice-governor of Shanxi said that the two cities have begun a path to a closer "
     "relationship.", {frozenset(("Rancagua", "Shanxi"))}),
    ("Tom Miller, head of the Midwest Mayors Delegation, and mayor of Carmel, Indiana, spoke first. Chen Bo, the mayor "
     "of the city of Xiangyang, and Miller signed an agreement to establish a sister-city relationship between the two "
     "cities.", {frozenset(("Carmel", "Xiangyang"))}),
    # "... sister cities, which include A in X, B in Y and C in Z": a star; the countries only locate the cities
    ("Dayton has six sister cities, which include Hefei in China, Lille in France and Augsburg in Germany.",
     star("Dayton", "Hefei", "Lille", "Augsburg")),
    # a dateline of a place and its country with a single dash, or with a day and an agency and a colon
    ("CEBU, Philippines - Both Talisay City and Basra in Iraq yesterday signed a sister-city pact.",
     {frozenset(("Talisay", "Basra"))}),
    # "the capital of the state of X" only locates the capital
    ("The city of Accra has signed a sister city agreement with Guadalajara, the capital of the state of Jalisco "
     "in Mexico.", {frozenset(("Accra", "Guadalajara"))}),
    # what two partners made is no partner of theirs; "the X district of Y" only locates the district
    ("The Confucius Institute was jointly established by Hefei University and the University of Porto in 2015.",
     {frozenset(("Hefei University", "University of Porto"))}),
    ("A partnership between the historic Liwan district of Guangzhou and the 7th district of Lyon was signed.",
     {frozenset(("Liwan", "Lyon"))}),
    # "the provincial government" stands for the story's main party; "the U.S. states of" only locates them
    ("Kochi signed a pact with Busan. The provincial government has inked sister relationships with the U.S. "
     "states of Oregon and Missouri.", star("Kochi", "Busan", "Oregon", "Missouri")),
    # a kind of tie written in capitals names nothing; a country a town is "from" only locates it, not where a
    # traveller comes from
    ("On February 22, Daegu will sign a Friendship City agreement with Bac Ninh Province.",
     {frozenset(("Daegu", "Bắc Ninh"))}),
    ("Mersin signed a sister city protocol with Erdenet from Mongolia and Famagusta.",
     star("Mersin", "Erdenet", "Famagusta")),
    # being invited to visit is no visit
    ("Governor Ali said Balochistan signed a friendship agreement with Henan. He also invited the Governor of Henan "
     "to visit Quetta at his earliest convenience.", {frozenset(("Balochistan", "Henan"))}),
    # "friendly cities" is how Chinese English writes twinning
    ("Lyon and Beijing became friendly cities in 2015.", {frozenset(("Lyon", "Beijing"))}),
])
def test_city_diplomacy_shapes(text, expected):
    assert pair_set(text) == expected


def test_names_of_city_diplomacy_news():
    def found(text):
        return {(r.canonical, r.label) for r in entities_in_text(text).itertuples()}

    # a memorandum of understanding is a document, no organisation
    assert found("Manila and Guangzhou signed a memorandum of understanding (MOU) on trade.") == \
        {("Manila", "PLACE"), ("Guangzhou", "PLACE")}
    # a province is a place whatever the tagger says; a county no gazetteer knows is a place of that kind
    text = ("A delegation from Zhejiang Province visited Lyon. A delegation from China's Haiyan county, Zhejiang "
            "Province, came too.")
    rows = entities_in_text(text).drop_duplicates("text").set_index("text")
    assert (rows.loc["Zhejiang Province", "label"], rows.loc["Zhejiang Province", "type"]) == ("PLACE", "region")
    assert (rows.loc["Haiyan", "label"], rows.loc["Haiyan", "type"]) == ("PLACE", "district")
    # the kind in lower case is no part of the name, whether the gazetteer knows the place or not
    rows = entities_in_text("Ha Nam province signed a memorandum with Gyeongsangbuk province.")
    assert {(r.text, r.canonical) for r in rows.itertuples()} == {("Ha Nam", "Hà Nam"), ("Gyeongsangbuk", "Gyeongsangbuk")}
    # "Director-General of the X" gives X
    assert ("United Nations Industrial Development Organization", "ORG") in found(
        "Tehran Municipality and the Director-General of the United Nations Industrial Development Organization met.")
    # pycountry's "Amānat al ‘Āşimah [city]" makes no place called "City"
    assert not any(c.startswith("Amānat") for c, _ in found("The City of Windhoek signed a deal with the City of Suzhou."))


def test_a_named_delegation_is_its_city_and_a_headline_place_visited_is_no_main_party():
    """"the Hefei Economic Delegation" is Hefei's; "Mr. Li Ming Visits Chile" names the host, so "the delegation"
    of the next sentences is Hefei's, not Chile's."""
    text = ("Mr. Li Ming Visits Chile\nFrom 2 to 5 May, the Hefei Economic Delegation headed by Mr. Li Ming visited "
            "Chile. The delegation also visited the University of Chile and the Catholic University of Valparaiso.")
    assert pair_set(text) == star("Hefei", "Chile", "University of Chile", "Catholic University of Valparaiso")


@pytest.mark.parametrize("text, expected", [
    # a charge, a rejection or a postponement dates no cooperation event ...
    ("WASHINGTON, June 29 - The Securities and Exchange Commission charged Acme Stores Corp with failing to "
     "disclose steps it took last September to block a takeover by Bolt Corp.", []),
    ("Acme Corp said the joint venture agreement with Bolt Inc was scheduled to be signed in mid-February but was "
     "postponed.", []),
    ("Earlier this month Acme Corp rejected the Bolt Inc takeover bid.", []),
    # ... a signing does
    ("Acme Corp signed a joint venture agreement with Bolt Inc in mid-February.",
     [("1987-02", ["Acme Corp", "Bolt Inc"])]),
])
def test_a_clause_of_conflict_dates_no_event(text, expected):
    assert [(r.value, r.parties) for r in events_of(text, anchor="1987-06-30").itertuples()] == expected


def test_title_case_list_items_and_headlines():
    """A sister-city list written in title case ("Initiated Sister City Relationship between A and B") and a
    headline verb in capitals ("Mayor Li Ming Met with ...") make no organisation of the words around the names."""
    assert pair_set("Initiated Sister City Relationship between Durham and Zhuzhou, China") == \
        {frozenset(("Durham", "Zhuzhou"))}
    from coopnews.partners.candidates import _strip_span

    text = "Zhou Hanmin Met with Lyon's Mayor"
    assert _strip_span(text, 0, len("Zhou Hanmin Met")) == (0, len("Zhou Hanmin"))
    # ... also inside a name ("University of Porto Visited HefeiTech"), and a web page's breadcrumb line is no part
    # of the name above it
    names = set(entities_in_text("University of Porto Visited HefeiTech\nThe delegation met.").canonical)
    assert "University of Porto" in names and not any("Visited" in n for n in names)
    names = set(entities_in_text("Hefei Sister Cities\nHome > News\nHefei signed an agreement with Lyon.").canonical)
    assert not any(">" in n for n in names)


def test_a_web_pages_navigation_names_nothing():
    text = "Enquiries & Contacts\nHome\nNews & Events\nThe delegation of Zaragoza visited Nanjing Tech University."
    assert set(entities_in_text(text).canonical) == {"Zaragoza", "Nanjing Tech University"}
    assert "Home Office" in set(entities_in_text("The Home Office met officials from Lyon.").canonical)


def test_one_signing_told_twice_is_one_event():
    """The same calendar day with the same parties, or some of them, is the event told again (the issue's 'a single
    event emitted many times')."""
    text = ("Lyon signed a friendship agreement with Wuhan on May 4, 2023. The agreement between Lyon, Wuhan and the "
            "Wuhan University of Technology was signed on May 4, 2023 at the city hall.")
    assert [(r.value, r.parties) for r in events_of(text, anchor="2023-05-06").itertuples()] == \
        [("2023-05-04", ["Lyon", "Wuhan"])]


def test_a_launch_by_one_party_with_no_partner_is_no_cooperation_event():
    assert events_of("Toyota unveiled its trumpet-playing robot last year.", anchor="2005-02-01").empty
    events = events_of("Lyon and Wuhan launched a joint innovation centre in late May.", anchor="2019-06-30")
    assert [(r.value, r.parties) for r in events.itertuples()] == [("2019-05", ["Lyon", "Wuhan"])]


def test_an_honorific_alone_names_nothing():
    text = ("Mr. Zhang Wei, Vice Chairman of Hubei Province, signed a formal agreement with Hon. Ryan Reyes, Governor "
            "of the province of Ilocos Sur.")
    assert "Hon" not in set(entities_in_text(text).canonical)
    assert "Hon Hai Precision Industry" in set(entities_in_text("Hon Hai Precision Industry signed a deal with "
                                                                "Chengdu.").canonical)


def test_a_japanese_prefecture_is_a_place():
    rows = entities_in_text("Maryland celebrated the anniversary of its ties with Kanagawa Prefecture.")
    assert ("Kanagawa", "PLACE") in set(zip(rows.canonical, rows.label))


def test_names_of_fields_in_pairs_and_title_words_alone():
    assert set(entities_in_text("The Australia-China Science and Technology Innovation Association signed an "
                                "agreement with Mianyang.").canonical) == \
        {"Australia-China Science and Technology Innovation Association", "Mianyang"}
    assert set(entities_in_text("On behalf of CM Nawaz Akram, the Punjab delegation met officials of British "
                                "Columbia.").canonical) == {"Punjab", "British Columbia"}


def test_a_family_name_written_first_is_a_person_later():
    """"Diao Lei, deputy mayor of Guangzhou ... Diao met": the family name comes first; no place "Diao"."""
    text = ("Diao Lei, deputy mayor of Guangzhou, led a delegation to Durban. During the visit, Diao met the mayor of "
            "Durban.")
    assert set(entities_in_text(text).canonical) == {"Guangzhou", "Durban"}
    assert pair_set(text) == {frozenset(("Guangzhou", "Durban"))}


def test_it_stands_for_the_place_opening_the_sentence_before():
    """"Dayton signed ... It now has six sister cities, which include ...": 'it' is Dayton, the subject just
    before, not the headline's city; a sentence opening with a company leaves 'it' to the main party."""
    text = ("Hefei renews its sister city agreement with Dayton\n\n"
            "The mayor of Hefei met the mayor of Dayton on Monday and renewed the agreement.\n\n"
            "Dayton first signed a sister city agreement with Lille in 1990. "
            "Today it has six sister cities, which include Hefei in China, Augsburg in Germany and Holon in Israel.")
    assert star("Dayton", "Hefei", "Lille", "Augsburg", "Holon") <= pair_set(text)
    assert frozenset(("Hefei", "Augsburg")) not in pair_set(text)
    # a place naming what opens the sentence ("The US firm ...") is not what "it" stands for
    text = ("Volvo and Geely have until Friday to settle a disagreement over a takeover.\n\nThe deadline marks the "
            "point at which Volvo will gain the right to sell its car unit to Geely. The US firm is thought to be "
            "offering about $1bn to leave the arrangement. It has argued the deal was voided by Volvo's decision to "
            "sell off Volvo's finance arm and halve Geely's stake via a capital-raising effort.")
    assert not any("United States" in pair for pair in pair_set(text))


def test_a_diplomats_portfolio_is_no_organisation_and_a_person_after_a_body_is_not_in_its_name():
    """"Science and Technology Counselor Li Wen" is a diplomat's portfolio and name, no organisation; "Tran Van
    Binh" after "the Can Tho City People's Committee" is its chairman, not part of its name."""
    def orgs(text):
        return {r.canonical for r in entities_in_text(text).itertuples() if r.label == "ORG"}

    assert orgs("Consul General Ma Lin, Education Counselor Zhou Yu and Science and Technology Counselor Li Wen "
                "met the Dongguan Chamber of Commerce.") == {"Dongguan Chamber of Commerce"}
    assert orgs("Chairman of the Can Tho City People's Committee Tran Van Binh received a delegation from "
                "Gyeonggi Province.") == {"Can Tho City People's Committee"}
    # "People's" is part of a name ("People's Committee", curly quote too); a title after a body starts its person
    assert orgs("Chairman of the Ho Chi Minh City People’s Committee Tran Quoc Bao received a delegation from "
                "Gangwon Province.") == {"Ho Chi Minh City People’s Committee"}
    assert orgs("He met French Prime Minister Jean Roux and State Council Premier Li Ming.") == {"State Council"}
    # a word of a title alone is no organisation; a part of a hyphenated personal name is no place; a party
    # committee named by its level only is unnamed
    assert orgs("Secretary of the Provincial Party Committee Nguyen Van Loi met the delegation.") == set()
    assert orgs("The deal was signed by the Executive vice Governor of Hubei Province.") == set()
    assert {r.canonical for r in entities_in_text("Mayor Kim Dong-Sik of Gimhae visited Japan.").itertuples()} == \
        {"Japan"}


@pytest.mark.parametrize("text, expected", [
    # a name and its kind of place in lower case is a place ("Gyeongsangbuk province"), named without the kind;
    # "X Town" too
    ("Hanoi signed a memorandum of understanding on friendly relations with Jeollabuk province.",
     {frozenset(("Hanoi", "Jeollabuk"))}),
    # "the Lao province of X", "the South Central province of X": a nationality or a direction, then the kind of
    # place, names no place; X does
    ("The central province of Phu Yen and the Lao province of Savannakhet on May 1 signed a memorandum of "
     "understanding for future cooperation.", {frozenset(("Phú Yên", "Savannakhet"))}),
    ("The South Central province of Binh Dinh and Izumisano city signed a document on cooperation.",
     {frozenset(("Bình Định", "Izumisano"))}),
    # ... but a capitalised "Central Province" is a province's name
    ("The Central Province of Zambia signed an agreement with Jiangxi.", {frozenset(("Central", "Jiangxi"))}),
    ("In 2006 Hualien established friendship city ties with Takachiho Town in Japan.",
     {frozenset(("Hualien", "Takachiho Town"))}),
    # officials of several places paying calls on a host are fellow visitors, not partners of each other
    ("On May 3, officials from Sakai City, Nagoya City and Kobe City paid courtesy calls on Cebu City Mayor Tomas "
     "Reyes.", star("Cebu City", "Sakai", "Nagoya", "Kobe")),
    # a letter of intent is a document; a body named only by its level and kind is unnamed
    ("Quetta Municipal Corporation and Incheon City have signed Letter of Intent (LoI) for cooperation.",
     {frozenset(("Quetta Municipal Corporation", "Incheon"))}),
    ("At its City Council meeting, Fresno welcomed a delegation from Ensenada.", {frozenset(("Fresno", "Ensenada"))}),
    # a body in whose framework something happens is its frame, no party (and co-sponsors are no pair)
    ("The forum was sponsored by Tumbes and Piura in the framework of the Binational Border Committee.", set()),
    ("Lyon signed an agreement with Wuhan in the framework of the Sino-French Joint Committee.",
     {frozenset(("Lyon", "Wuhan"))}),
    # the kind of tie of places a verb takes names the relation ("established friendship cooperation cities with")
    ("Since 1990, Incheon has established friendship cooperation cities with Kobe and Tianjin.",
     star("Incheon", "Kobe", "Tianjin")),
    # two parties joined by a hyphen before the cooperation noun they name; not before a word of conflict
    ("The visit will deepen the Lyon-Wuhan partnership.", {frozenset(("Lyon", "Wuhan"))}),
    ("Japan-US trade talks resumed on Monday.", {frozenset(("Japan", "United States"))}),
    ("The Sino-French partnership was renewed.", {frozenset(("China", "France"))}),
    ("A US-Japan trade dispute flared up.", set()),
])
def test_pairs_of_the_sixth_round(text, expected):
    assert pair_set(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "its" or "the city's" owning the ties a sentence lists is the story's main party
    ("Mersin signs protocol with Famagusta. Its sister cities include Kotor, Batumi and Thessaloniki.",
     star("Mersin", "Famagusta", "Kotor", "Batumi", "Thessaloníki")),
    ("Mersin signs protocol with Famagusta. The city's sister cities are Kotor and Batumi.",
     star("Mersin", "Famagusta", "Kotor", "Batumi")),
    # towns after "sister cities in" are the ties; a country there only says where they are
    ("Mersin signs protocol with Famagusta. The city has sister cities in Kotor and Batumi.",
     star("Mersin", "Famagusta", "Kotor", "Batumi")),
    ("Mersin signs protocol with Famagusta. The city now has four sister cities in Greece.",
     {frozenset(("Mersin", "Famagusta"))}),
    # after a dateline, "the city government" of the lead is the dateline's city
    ("CEBU CITY (PNA) - The city government is planning to sign a sister city agreement with Busan.",
     {frozenset(("Cebu City", "Busan"))}),
    # places before a plural kind of place act through it ("Balochistan and Henan provinces signed")
    ("Sindh and Hubei provinces signed a letter to establish sister province relations.",
     {frozenset(("Sindh", "Hubei"))}),
    # a continent is no partner of a state or a city ("a trade mission to Asia"), only at its level
    ("Idaho Governor Brad Little led a trade mission to Asia and signed an agreement with Gunma Prefecture.",
     {frozenset(("Idaho", "Gunma"))}),
    ("China and Africa signed a cooperation plan.", {frozenset(("China", "Africa"))}),
    # "the City of X" or "the Capital": the kind of place alone is no place
    ("The mayor celebrated the sister-city relationship between the City of Tacoma and the City of Kitakyushu.",
     {frozenset(("Tacoma", "Kitakyushu"))}),
    # the nationality of a delegation is the one town of that country the story names; a president's stays a country
    ("Nagano delegation arrives in Clermont\n\nA delegation from Nagano arrived in Clermont on Monday. The Japanese "
     "delegation was welcomed by the Clermont City Council.", star("Nagano", "Clermont", "Clermont City Council")),
    ("An Iranian delegation from Urmia's municipality visited Erzurum. The Iranian delegation met the mayor of "
     "Erzurum. Tehran's new airport was busy.", None),
    ("Argentine President Ana Ruiz and Venezuelan President Luis Mora signed the deal in Caracas.",
     {frozenset(("Argentina", "Venezuela"))}),
])
def test_ties_owned_by_the_main_party_and_places_of_a_kind(text, expected):
    if expected is None:  # the nationality of a delegation never becomes a town that is not the story's main party
        assert not any("Tehran" in pair and "Erzurum" in pair for pair in pair_set(text))
    else:
        assert pair_set(text) == expected


def test_links_to_other_stories_and_page_stamps_date_no_event():
    """Below the headline, a line ending with a date in brackets links another story; "Date Created :" stamps the
    page. The headline's own date in brackets still dates its event, and so does the body."""
    text = ("Lyon and Wuhan celebrate 10 years of twinning (12 May 2024)\n\n"
            "Date Created : 5/3/2024 12:00:00 AM : Story Author : City News\n\n"
            "Lyon signed a new cooperation agreement with Wuhan on 12 May 2024.\n\n"
            "More news:\n"
            "Twinning News: Lyon delegation visits Wuhan (30 October 2018)\n"
            "Twinning News: Wuhan students welcomed by Lyon Twinning Society (6 June 2017)\n")
    assert sorted(events_of(text)["value"]) == ["2024-05-12"]


def test_a_country_in_brackets_after_a_listed_sister_city_only_locates_it():
    got = pair_set("Leeds has 12 sister cities, including Rosario (Argentina), Bilbao (Spain) and Cancun (Mexico).")
    assert got == {frozenset(("Leeds", "Rosario")), frozenset(("Leeds", "Bilbao")), frozenset(("Leeds", "Cancún"))}


@pytest.mark.parametrize("text, hub, members", [
    ("Since then Kofu has built gardens marking its sister city cooperation with cities like Lille in France, "
     "Dortmund in Germany and Suwon in South Korea.", "Kofu", {"Lille", "Dortmund", "Suwon"}),
    ("Leeds has four sister cities such as Lille, Dortmund and Siegen.", "Leeds", {"Lille", "Dortmund", "Siegen"}),
])
def test_sister_cities_listed_after_like_or_such_as(text, hub, members):
    assert pair_set(text) == {frozenset((hub, m)) for m in members}


def test_a_big_city_opening_a_two_word_name_is_no_family_name():
    # spaCy tags "Bandung Monument" and "Shenyang Daily" persons: a city of 100,000+ people is no family name
    text = ("The Mayor of Bandung, Rafi Kamil, unveiled Bandung Monument in Petaling Jaya. The sister city "
            "cooperation between the city of Bandung and Petaling Jaya began in 2015.")
    assert frozenset(("Bandung", "Petaling Jaya")) in pair_set(text)
    text = "Shenyang and Karachi have established friendly relations, Shenyang Daily reported on Friday."
    assert pair_set(text) == {frozenset(("Shenyang", "Karachi"))}


def test_a_curly_apostrophe_is_parsed_as_a_straight_one():
    # the parser read "Brazil’s Belo Horizonte" apart from "Brazil's Belo Horizonte" and found no pair
    text = "The mayors of Leeds and Brazil’s Belo Horizonte have formalised their “sister city” status, media report."
    assert pair_set(text) == {frozenset(("Leeds", "Belo Horizonte"))}


def test_countries_listed_after_cities_in_only_locate_unnamed_cities():
    text = "Mayor Hart said Pontiac has established relations with cities in Canada, Mexico and Japan."
    assert pair_set(text) == set()


def test_places_spacy_runs_together_with_commas_are_each_a_place():
    got = {row.canonical for row in entities_in_text("The others are Recife, Salvador and Rio de Janeiro.").itertuples()}
    assert got == {"Recife", "Salvador", "Rio de Janeiro"}


@pytest.mark.parametrize("text, expected", [
    # a nationality before "counterpart" and a place's name, or before an unnamed state, is no party
    ("The agreement is vital in establishing a bond between Laredo and the Mexican state as both governments work.",
     set()),
    # ... but the officials of two nations are their countries
    ("Following weekend talks here between Japanese and British officials, Lawson spoke.",
     {frozenset(("Japan", "United Kingdom"))}),
    # "X Prefecture of Japan": the country only locates the prefecture
    ("Benguet has an existing sisterhood agreement with Shizuoka Prefecture of Japan.",
     {frozenset(("Benguet", "Shizuoka"))}),
])
def test_nationalities_and_countries_that_only_qualify_a_place(text, expected):
    assert pair_set(text) == expected


def test_a_nationality_before_counterpart_and_a_name_is_no_party():
    found = entities_in_text("Leeds wants to deepen its sister city ties with its Japanese counterpart Kofu.")
    assert set(found["canonical"]) == {"Leeds", "Kofu"}


def test_a_list_of_sister_cities_starts_after_the_clause_before_it():
    found = pair_set("Bourges twinned with Korosten, Gdynia and Pardubice are now sister cities of Lutsk.")
    assert star("Lutsk", "Gdynia", "Pardubice") <= found
    assert frozenset(("Korosten", "Lutsk")) not in found


def test_he_after_a_man_the_text_names_is_that_man_not_the_main_party():
    text = ("Tories attack Labour plans\n\nThe plans were wrong, say the Tories. Tory chairman Liam Fox spoke to "
            "reporters.\n\nMr Kennedy is accelerating election preparations this week as he visits Leeds, Derby, "
            "Bristol and Hull.")
    assert pair_set(text) == set()  # was Labour (the story's main party) with each town


def test_a_local_government_in_a_story_of_two_countries_is_its_first_region():
    text = ("Regions of Peru, Italy sign twinning accord\n\nLIMA -- The governors of Peru's Cusco region and Italy's "
            "Tuscany signed a twinning accord on Monday.\n\nThe regional government has also inked sister relationships "
            "with the U.S. states of Utah and Ohio.")
    found = pair_set(text)
    assert star("Cusco Region", "Tuscany", "Utah", "Ohio") <= found  # "the regional government" was Peru
    assert not found & star("Peru", "Utah", "Ohio")


def test_these_three_cities_are_the_three_named_before():
    text = ("The mayor signed agreements with the Chinese cities of Harbin and Dalian, and a letter of intent with "
            "Xiamen. Quito has already been carrying out exchanges with these three cities.")
    assert pair_set(text) >= star("Quito", "Harbin", "Dalian", "Xiamen")


def test_sister_city_ties_with_cities_listed_after_a_colon_are_a_star():
    text = ("Besides those towns, Kisumu also has twin-city ties with five other cities around the world: Lyon in "
            "France, Osaka in Japan, Perth in Australia, and Denver and the State of Utah in the United States.")
    assert pair_set(text) == star("Kisumu", "Lyon", "Osaka", "Perth", "Denver", "Utah")  # none among the listed


def test_a_family_name_written_first_stands_for_the_place_its_bearer_governs():
    text = ("Li Wei, Governor of Hubei Province, led a delegation to Kenya in May 2016. During the visit, Li "
            "visited Mombasa, Nakuru and Nairobi.")
    assert pair_set(text) >= star("Hubei", "Mombasa", "Nakuru", "Nairobi")


@pytest.mark.parametrize("text, expected", [
    # a country qualifying a noun as an adjective would is no party
    ("Officials of U.S. states, cities and towns that have sister city ties with Mexican towns attended the gala "
     "hosted by the Mexican Embassy and Sister Cities International.", set()),
    ("Guam is Taichung's 18th US sister city.", {frozenset(("Guam", "Taichung"))}),
    # a country after a name and "from" only says where that name lies, whether or not the name is known
    ("Mersin Metropolitan Municipality signed a sister city protocol with Bayan Ulgii from Mongolia and Famagusta "
     "Municipality from Cyprus.", {frozenset(("Mersin Metropolitan Municipality", "Famagusta Municipality"))}),
    ("A delegation from Mongolia arrived in Mersin to sign a sister city protocol.",
     {frozenset(("Mongolia", "Mersin"))}),
])
def test_countries_that_only_qualify_or_locate(text, expected):
    assert pair_set(text) == expected


def test_dates_generic_state_bodies_and_spans_across_a_blank_line_are_no_organisations():
    found = entities_in_text("On December 17, the Committee on Trade and Friendly Ties with Foreign Countries held a "
                             "meeting. Later, the State Government hosted a dinner at the State Assembly.")
    assert set(found["canonical"]) == {"Committee on Trade and Friendly Ties"}
    found = entities_in_text("Meetings with the delegation\n\n2018-12-18 | Society\n\nDelegation of the People's "
                             "Republic of China arrived in Tashkent.")
    assert not any("\n" in name for name in found["canonical"])


def test_the_delegation_stands_for_the_party_whose_delegation_the_text_named_last():
    # the story's main party is the host (Wellington): "the delegation" is Kisumu's, visiting three towns
    # (the tagger's organisation "Auckland, Napier" is two towns; an ordinal opens no name)
    text = ("Wellington Mayor Meets Kisumu Delegation\n\nThe Mayor of Wellington, Jane Smith, met with the 5th Kisumu "
            "County Council (KCC) delegation led by Governor Peter Otieno on 5 March.\n\nAt the invitation of the "
            "city, the delegation will visit Auckland, Napier and Nelson from 5 to 10 March, 2017.")
    found = pair_set(text)
    assert star("Kisumu County Council", "Wellington", "Auckland", "Napier", "Nelson") <= found
    assert not found & star("Wellington", "Auckland", "Napier", "Nelson")


@pytest.mark.parametrize("text, expected", [
    # where a delegation or mission a place sends goes; a Japanese town written with "-cho"
    ("A Whanganui delegation to Japanese sister city Nagaizumi-cho will foster relations, says the mayor.",
     {frozenset(("Whanganui", "Nagaizumi-cho"))}),
    ("A Whanganui trade mission to Kofu next month will explore education links.", {frozenset(("Whanganui", "Kofu"))}),
])
def test_where_delegations_go(text, expected):
    assert pair_set(text) == expected


def test_a_building_is_a_venue():
    found = entities_in_text("The ceremony took place in the Pakuan Building, the seat of the West Java government.")
    assert set(found["canonical"]) == {"West Java"}


def test_people_the_text_titles_or_quotes_are_no_organisations():
    text = ("The signing was done by the President of the Dakhla City Council, Erragheb Hormatollah, and the Mayor "
            "of Nice, Christian Estrosi. Later, Christian Estrosi said he was pleased. Sanchez Marquez stated that "
            "she wants more trade. Royal Dutch said it would sell.")
    assert set(entities_in_text(text)["canonical"]) == {"Dakhla City Council", "Nice", "Royal Dutch"}
    text = ("Cape Town mayor Geordin Hill-Lewis signed an agreement with Nairobi. During the ceremony in Nairobi, "
            "Hill-Lewis said he was pleased. The chief minister of Maharashtra, Eknath Shinde signed the MoU.")
    assert set(entities_in_text(text)["canonical"]) == {"Cape Town", "Nairobi", "Mahārāshtra"}


@pytest.mark.parametrize("text, expected", [
    # a place in a clause of where another lies, before it; an organisation's acronym before "of" and its place
    ("Located north of Milwaukee, Washington County has been twinned with Galway since 2003.",
     {frozenset(("Washington", "Galway"))}),
    ("Nanjing signed an agreement with Sister Cities International (SCI) of Alabama.",
     {frozenset(("Nanjing", "Sister Cities International"))}),
    # two places written with a slash are two places
    ("A delegation from Franklin City/Williamson County arrived in Laois this week.",
     star("Laois", "Franklin", "Williamson County")),
])
def test_places_that_only_locate_and_places_joined_by_a_slash(text, expected):
    assert pair_set(text) == expected


def test_the_delegation_after_a_comma_and_words_before_its_province():
    text = ("Hamilton hosts visitors\n\nThe 180-strong delegation, from the southeast coastal province of Zhejiang, "
            "was led by its governor. "
            "On Friday the delegation met the Hamilton City Council.")
    assert pair_set(text) == {frozenset(("Zhejiang", "Hamilton City Council"))}


def test_a_country_and_a_town_in_it_are_no_pair_however_the_gazetteer_names_the_country():
    # the gazetteer named Sochi's country "Russian Federation" and Hanoi's "Vietnam": no longer told apart
    assert lookup_place("Sochi")[2] == lookup_place("Russia")[0] == "Russia"
    assert lookup_place("Hanoi")[2] == lookup_place("Vietnam")[0]
    assert lookup_place("Kinshasa")[2] == lookup_place("DR Congo")[0]
    assert lookup_place("Ankara")[2] == lookup_place("Turkey")[0] == "Turkey"
    text = ("Nagato delegation arrives in Sochi\n\nPresident Putin of Russia met the mayor. He pointed out that "
            "Nagato would be Sochi's tenth sister city.")
    assert frozenset(("Russia", "Sochi")) not in pair_set(text)


def test_fields_of_work_listed_after_a_minister_are_no_organisations():
    text = ("Mangal Lodha, minister of tourism, Skill Development & Entrepreneurship and Women & Child Development, "
            "attended. The mayors discussed Economic Development, Trade, Education and tourism with Lyon.")
    assert set(entities_in_text(text)["canonical"]) == {"Lyon"}


def test_a_body_the_parser_hangs_on_its_chairmans_name_is_the_party():
    # "Chairman of the X Committee <name> received ...": the parser makes the body the possessor of the name
    text = ("Chairman of the Hanoi People's Committee Tran Van Minh received the Governor of Chiba Prefecture, "
            "Ken Ito, on May 3.")
    assert pair_set(text) == {frozenset(("Hanoi People's Committee", "Chiba"))}


_TWO_TOWNS_STORY = (
    "Tartu officials in {b}\n\nA group of Tartu city officials spent three days in {b} last week. The Tartu guests "
    "toured the {b} theatre, a school and the botanical garden. {b} and its guests from Tartu talked about schools; "
    "the memorandum the two councils plan would cover culture and sport, said Ana Beridze, {b}'s deputy mayor. "
    "The mayor of Tartu, Urmas Klaas, thanked {b}.")


def test_the_two_places_a_story_is_about_are_its_pair_when_no_sentence_parse_pairs_them():
    # Tartu (Estonia) and Kutaisi (Georgia), each named more than anything else: the story's relation
    table = pairs_in_text(_TWO_TOWNS_STORY.format(b="Kutaisi"))
    assert {frozenset((a, b)) for a, b in zip(table["a"], table["b"])} == {frozenset(("Tartu", "Kutaisi"))}
    assert "Tartu" in table["sentence"].iloc[0] and "Kutaisi" in table["sentence"].iloc[0]


def test_two_main_places_of_one_country_are_no_pair_by_salience_alone():
    assert pair_set(_TWO_TOWNS_STORY.format(b="Narva")) == set()  # Narva is in Estonia too


@pytest.mark.parametrize("text", [
    "Leeds, Porto and Lyon have been named as the sister cities of Kazan, Perm and Omsk respectively.",
    "Italian cities Turin, Bari and Genoa were declared as sister cities to Kazan, Perm, and Omsk, respectively, "
    "at a forum held in Rome on Monday.",
])
def test_respectively_pairs_two_lists_member_by_member(text):
    first = [w for w in ("Leeds", "Porto", "Lyon", "Turin", "Bari", "Genoa") if w in text]
    assert pair_set(text) == {frozenset(p) for p in zip(first, ("Kazan", "Perm", "Omsk"))}


def test_members_of_a_long_list_are_never_paired_with_each_other_however_the_parse_went():
    from coopnews.partners.relations import _not_among_listed
    text = "Kazan has twin-city agreements with Leeds, Porto, Lyon and Dakar."

    def party(name: str) -> dict:
        start = text.index(name)
        return {"canonical": name, "start": start, "end": start + len(name), "label": "PLACE"}

    kazan, leeds, porto, lyon, dakar = map(party, ("Kazan", "Leeds", "Porto", "Lyon", "Dakar"))
    found = [(kazan, leeds), (leeds, porto), (porto, dakar), (kazan, dakar)]  # a parse that hung the list badly
    kept = _not_among_listed(found, [kazan, leeds, porto, lyon, dakar], text)
    assert {frozenset((a["canonical"], b["canonical"])) for a, b in kept} == star("Kazan", "Leeds", "Dakar")


def test_a_list_of_sister_cities_with_their_countries_is_a_star_of_its_hub():
    text = ("Tours currently has eight sister cities namely Kazan and Perm in Russia, Dakar in Senegal, Lima in Peru, "
            "Quito in Ecuador, Osaka and Kobe in Japan as well as Split in Croatia.")
    found = pair_set(text)
    assert not found & {frozenset(p) for p in [("Kazan", "Lima"), ("Perm", "Dakar"), ("Dakar", "Split")]}
    assert star("Tours", "Kazan", "Perm", "Dakar", "Lima", "Quito", "Split") <= found


def test_pairs_joined_by_as_well_as_after_between_stay_pairs():
    # four places in a row, yet no list: "between" pairs them two by two
    text = ("Spain and Peru signed letters of intent to establish sister-city relations between Seville and Trujillo "
            "as well as Toledo and Cusco.")
    assert frozenset(("Seville", "Trujillo")) in pair_set(text)


def test_places_coupled_by_hyphens_pair_couple_by_couple():
    text = ("Drawing on case studies of four twinning arrangements, namely Leeds-Dalian, Bristol-Guangzhou, "
            "Derby-Wuxi and York-Nanjing.")
    assert pair_set(text) == {frozenset(p) for p in [("Leeds", "Dalian"), ("Bristol", "Guangzhou"), ("Derby", "Wuxi"),
                                                     ("York", "Nanjing")]}


def test_a_country_after_a_town_no_gazetteer_knows_only_locates_it():
    text = ("Mayor of Sitia, Greece, Georgios Zervakis and the Mayor of Montego Bay hold a plaque that signifies "
            "the twinning of both cities.")
    assert pair_set(text) == {frozenset({"Sitia", "Montego Bay"})}


def test_signatories_named_with_their_places_before_their_titles():
    text = "The memorandum was signed by Agadir Mayor Ali Bennani and Nantes Mayor Paul Durand."
    assert pair_set(text) == {frozenset({"Agadir", "Nantes"})}


def test_inked_is_signed():
    text = "The sister city agreement was inked by Governor Kim of Gyeonggi and Governor Cox of Utah."
    assert pair_set(text) == {frozenset({"Gyeonggi", "Utah"})}


def test_a_tie_whose_kind_is_the_cue_links_its_holder_and_partner():
    text = "Warrnambool City Council will renew its sister city friendship with Changchun."
    assert pair_set(text) == {frozenset({"Warrnambool City Council", "Changchun"})}


def test_items_of_a_list_written_with_semicolons_are_no_pairs():
    text = ("Other partnerships being developed are with Matola, in Mozambique; Accra, in Ghana; Val de Marne, "
            "in France; and Kinshasa, in the Democratic Republic of Congo.")
    assert pair_set(text) == set()
    text = "Lyon's sister cities are Beirut; Birmingham; Frankfurt, in Germany; and Montreal."
    assert pair_set(text) == star("Lyon", "Beirut", "Birmingham", "Frankfurt am Main", "Montréal")


def test_two_between_phrases_state_two_relations():
    text = ("They were the friendship agreement between Kuching North City Commission and Dali City; education "
            "cooperation between Universiti Malaysia Sarawak and Yunnan University as well as literary cooperation "
            "between the Sarawak State Library and Yunnan Provincial Library.")
    assert pair_set(text) == {frozenset({"Kuching North City Commission", "Dali"}),
                              frozenset({"Universiti Malaysia Sarawak", "Yunnan University"}),
                              frozenset({"Sarawak State Library", "Yunnan Provincial Library"})}


@pytest.mark.parametrize("text, expected", [
    ("The agreement, signed by Ali Bennani, the President of Agadir Municipal Council, and Paul Durand, Chairman of "
     "the Nantes Metropolitan Committee, was attended by Morocco's Ambassador to France, Samir Idrissi.",
     {frozenset({"Agadir Municipal Council", "Nantes Metropolitan Committee"})}),
    ("The agreement was signed by the Head of Agadir Municipal Council, Ali Bennani, and the Mayor of Nantes, "
     "Paul Durand.", {frozenset({"Agadir Municipal Council", "Nantes"})}),
])
def test_signatories_named_after_their_titles_pair_their_bodies_not_the_witnesses(text, expected):
    assert pair_set(text) == expected


def test_a_local_papers_dateline_is_no_party():
    text = ("New London twins with Kingston\n\nMystic — New London has become a sister city of Kingston, Jamaica. "
            "The ceremony was held at the Mystic Museum of Art.")
    assert pair_set(text) == {frozenset({"New London", "Kingston"})}


def test_a_town_coordinated_with_a_known_place_is_a_place():
    text = "Officials said Groton and New London have become sister cities with Kingston, Jamaica."
    assert pair_set(text) == star("Kingston", "Groton", "New London")


def test_places_that_each_become_partners_of_a_third_are_not_each_others():
    text = "Officials said Groton and New London have become sister cities with Kingston, Jamaica."
    assert frozenset({"Groton", "New London"}) not in pair_set(text)
    assert pair_set("Lyon and Wuhan signed a partnership agreement.") == {frozenset({"Lyon", "Wuhan"})}


def test_a_delegation_led_to_visit_places_visits_them():
    text = ("Mohammed Ali, Chairman of the Department of Municipalities and Transport, led a delegation to visit "
            "several European cities, including Amsterdam, Copenhagen and Vienna.")
    assert pair_set(text) == star("Department of Municipalities and Transport", "Amsterdam", "Copenhagen", "Vienna")


def test_a_dateline_with_the_country_in_brackets_and_an_agency_is_no_party():
    text = ("New Delhi [India], November 20 (ANI): On Monday, a delegation from Japan's Fukuoka Prefectural "
            "Government arrived in Delhi to meet Chief Minister Arvind Kejriwal.")
    assert pair_set(text) == {frozenset({"Fukuoka Prefectural Government", "Delhi"})}


def test_a_title_case_headline_with_an_exonym_pairs_its_cities():
    text = "Montpellier and Fez Renew Sister City Agreement, Boost Economic Ties\n\nMontpellier and Fez make a new start."
    assert pair_set(text) == {frozenset({"Montpellier", "Fes"})}


def test_a_long_written_list_is_a_star_even_where_the_parse_breaks_it():
    text = ("The City of Gold Coast currently has eight sister cities namely Beihai and Zhuhai in China, Dubai in UAE, "
            "Fort Lauderdale in USA, Noumea in New Caledonia, Tainan and Taipei in Taiwan as well as Takasu in Japan.")
    found = pair_set(text)
    assert star("Gold Coast", "Beihai", "Zhuhai", "Dubai", "Fort Lauderdale", "Tainan", "Taipei") <= found
    assert not any("Gold Coast" not in p for p in found)  # never pairs among the items
    text = ("Angers has also been twinned with the towns of Bamako (Mali) since 1974, Pisa (Italy) since 1982, "
            "Wigan (England) since 1988, Yantai (China) since 2006 and Austin (USA) since 2011.")
    assert star("Angers", "Bamako", "Pisa", "Yantai", "Austin") <= pair_set(text)
    # a member no gazetteer knew does not break the list, and its locator is no member
    text = "Isfahan has signed sister city agreements with 13 cities of Xi’an, Kuala Lumpur, Freiburg, Florence and Lahore."
    assert pair_set(text) == star("Isfahan", "Xi’an", "Kuala Lumpur", "Freiburg", "Florence", "Lahore")
    text = ("Bandung has built monuments that symbolize its sister city cooperation with cities like Fortworth in the "
            "US, Braunschweig in Germany, Suwon in South Korea and Liuzhou in China.")
    assert pair_set(text) == star("Bandung", "Braunschweig", "Suwon", "Liuzhou")


@pytest.mark.parametrize("text, expected", [
    # "respectively" after the places maps the signatories to them; they still sign together
    ("Kofi Mensah and Alderman Patricia Dean, Mayors of Accra and Cape Town respectively signed the agreement.",
     {frozenset({"Accra", "Cape Town"})}),
    ("Lyon and Wuhan respectively signed agreements with Paris and Rome.",
     {frozenset({"Lyon", "Paris"}), frozenset({"Wuhan", "Rome"})}),
    # an envoy's title parsed as the name's modifier still says whom the envoy represents
    ("The pact was signed by Indian Ambassador to Japan Deepa Wadhwa and Mayor of Kyoto Daisaku Kadokawa.",
     {frozenset({"India", "Kyoto"})}),
])
def test_signatories_with_their_titles_and_places(text, expected):
    assert pair_set(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Miami-Dade County could become Curitiba’s 16th sister city.", {frozenset({"Miami-Dade County", "Curitiba"})}),
    ("“Żagań and Teltow have been sister cities for many years.", {frozenset({"Żagań", "Teltow"})}),
    ("The Jakarta administration and the Seoul Metropolitan Government have agreed to exchange missions to "
     "strengthen the sister-city relationship.", {frozenset({"Jakarta", "Seoul Metropolitan Government"})}),
])
def test_places_named_with_a_possessive_ordinal_as_a_title_or_through_their_administration(text, expected):
    assert pair_set(text) == expected


def test_an_akim_represents_his_place():
    text = "Akim of Almaty Yerbolat Dossayev met with the delegation of Harbin and signed a memorandum."
    assert pair_set(text) == {frozenset({"Almaty", "Harbin"})}


def test_a_semicolon_list_of_places_with_their_countries_and_years_is_a_star():
    text = ("Honolulu has sister city ties with Bangkok, Thailand (since 1962); Dakar, Senegal (since 1980); "
            "Beijing, China (since 1984); and Rome, Italy (since 2011).")
    assert pair_set(text) == star("Honolulu", "Bangkok", "Dakar", "Beijing", "Rome")


def test_three_places_with_semicolons_between_them_are_a_list():
    text = ("Honolulu has sister city ties with Bangkok, Thailand (since 1962); Dakar, Senegal (since 1980); and "
            "Rome, Italy (since 2011).")
    assert pair_set(text) == star("Honolulu", "Bangkok", "Dakar", "Rome")


def test_arrangements_with_places_are_agreements():
    text = "The District of Columbia has arrangements with Bangkok, Thailand; Dakar, Senegal; and Rome, Italy."
    assert pair_set(text) == star("Washington, D.C.", "Bangkok", "Dakar", "Rome")


@pytest.mark.parametrize("text, expected", [
    ("Many sister cities in Southern California, including Santa Barbara and Chula Vista, attended the reception.",
     set()),
    ("Osaka has sister cities in California such as San Francisco.", {frozenset({"Osaka", "San Francisco"})}),
    ("Hefei has three sister cities in Germany: Freiburg, Kiel and Augsburg.", star("Hefei", "Freiburg", "Kiel", "Augsburg")),
])
def test_a_place_after_in_that_locates_cities_is_no_partner(text, expected):
    assert pair_set(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the name right after "<title> of <place>" is the place's person in the sentences that follow
    ("Mayor of Ulaanbaatar D.Sumiyabazar received the guests. In February, D.Sumiyabazar paid an official visit to "
     "Beijing and Chongqing.", star("Ulaanbaatar", "Beijing", "Chongqing")),
    ("The Mayor of Kisumu Paul Otieno opened the fair. Later Otieno signed a memorandum with Lyon.",
     {frozenset({"Kisumu", "Lyon"})}),
])
def test_a_person_named_after_title_of_place_stands_for_it_later(text, expected):
    assert pair_set(text) == expected


def test_a_day_before_a_title_is_no_persons_name():
    from coopnews.partners.relations import _people
    text = "On Monday, Mayor of Ulaanbaatar S.Batbold received Berdnikov."
    sentences = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "end": [len(text)], "text": [text]})
    start = text.index("Ulaanbaatar")
    by_doc = {"d": [{"start": start, "end": start + 11, "label": "PLACE", "canonical": "Ulaanbaatar"}]}
    assert "Monday" not in _people(sentences, by_doc, homes={}).get("d", {})


@pytest.mark.parametrize("text, expected", [
    # a body below country level makes a town's or region's tie, never a country's
    ("Members of the Alnwick Town Council travelled to Germany to mark 30 years of twinning with Voerde.", set()),
    ("The Shenyang Municipal Committee hosted a delegation from Pakistan led by the mayor of Karachi.",
     {frozenset({"Shenyang Municipal Committee", "Karachi"})}),
    # a national body of another country still makes a country-level tie
    ("Nigeria signed a rescheduling accord with the French Treasury.", {frozenset({"Nigeria", "French Treasury"})}),
])
def test_a_local_body_is_never_paired_with_a_country(text, expected):
    assert pair_set(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the story names a Polish town that no sentence links: Poland only says where Swindon's partner lies
    ("The delegation from Swindon flew out to Poland today to explore twinning. Torun is a Polish city on the "
     "Vistula.", set()),
    # with no town of that country named, the country is still only where the trip goes (ANNOTATION.md: a
    # country is a party only in a relation at country level)
    ("A delegation from Swindon flew out to Poland today to discuss trade.", set()),
])
def test_a_country_that_locates_a_missed_partner_is_no_partner(text, expected):
    assert pair_set(text) == expected


def test_an_organisation_and_a_place_paired_off_the_storys_axis_are_no_pair():
    text = ("Dallas signs sister city pact with Dar es Salaam\n\nDallas Mayor Eric Johnson signed a sister city "
            "agreement with Dar es Salaam on Monday. Dallas and Dar es Salaam will cooperate on trade and health. "
            "The delegation will also visit Arusha, accompanied by members of the Tanzanian American Chamber of "
            "Commerce.")
    pairs = pair_set(text)
    assert frozenset({"Dallas", "Dar es Salaam"}) in pairs
    assert frozenset({"Arusha", "Tanzanian American Chamber of Commerce"}) not in pairs


@pytest.mark.parametrize("partner, kept", [("Renault SA", True), ("the Marseille Chamber of Commerce", False)])
def test_a_business_keeps_its_side_deal_in_a_story_about_others(partner, kept):
    text = ("Lyon and Wuhan renew sister city ties\n\nLyon and Wuhan renewed their sister city agreement on Monday. "
            f"Lyon and Wuhan will cooperate on health and education. Separately, Shenzhen signed a memorandum with "
            f"{partner}.")
    assert any("Shenzhen" in pair for pair in pair_set(text)) == kept


@pytest.mark.parametrize("text", [
    "Lublin became a brother city to Lviv.",
    "Lublin and Lviv have been brother cities since 2008.",
])
def test_brother_cities_are_twins(text):
    # "brother city" (as Chinese, Turkish and Ukrainian sources put it in English) names the same tie as "sister city"
    assert pair_set(text) == {frozenset(("Lublin", "Lviv"))}


@pytest.mark.parametrize("text, kept, dropped", [
    # a town named once in passing is no partner of a foreign country ("consulates in Lhasa")
    ("Nepal wants more trade with China. Nepal opened consulate missions in Lhasa and Hong Kong years ago. "
     "Nepal and China signed a trade pact on Monday.", ("China", "Nepal"), ("Lhasa", "Nepal")),
    # nor is a country named once in passing a partner of the story's town
    ("Dunedin deepens China ties. Dunedin has strong relationships with China. The mayor said Dunedin will also "
     "work with Peru.", ("China", "Dunedin"), ("Dunedin", "Peru")),
])
def test_a_town_and_a_foreign_country_named_in_passing_are_no_pair(text, kept, dropped):
    found = pair_set(text)
    assert frozenset(kept) in found and frozenset(dropped) not in found


def test_a_country_named_once_with_the_tie_is_a_partner():
    # the sentence gives the country the tie itself: a relation at country level (ANNOTATION.md), not a passing name
    text = ("Kimberley signs twin city pact. Kimberley has strengthened its ties with China after the Sol Plaatje "
            "Municipality signed an agreement. Kimberley will host a delegation in May.")
    assert frozenset(("China", "Kimberley")) in pair_set(text)


@pytest.mark.parametrize("text, expected", [
    # "between A and B, C and D": one party, "and", then a list with commas is a star on the first party
    ("The council approved sister city agreements between Davao City and Iligan City, Tagum City and Cagayan de "
     "Oro City.", star("Davao", "Iligan City", "Tagum City", "Cagayan de Oro")),
    # a plain list after "between" stays a relation of all its members
    ("Cooperation between France, Germany and Italy was agreed.",
     {frozenset(("France", "Germany")), frozenset(("France", "Italy")), frozenset(("Germany", "Italy"))}),
])
def test_between_one_party_and_a_list(text, expected):
    assert pair_set(text) == expected


def test_a_place_name_opening_with_a_title_word_is_whole():
    # "General Santos City" is a city, not the honorific "Gen" with a name, nor "Santos City" in Brazil
    found = {(r.text, r.canonical) for r in entities_in_text("Davao City signed an agreement with General Santos "
                                                             "City.").itertuples()}
    assert ("General Santos City", "General Santos") in found and not any(c == "Santos" for _, c in found)


@pytest.mark.parametrize("text, expected", [
    # a person's name after "of" and a place, or a title and a name after a body, is no part of the body's name
    ("Principal Secretary, Industries Department of Telangana Jayesh Ranjan signed an MoU with Ontario.",
     {"Industries Department of Telangana"}),
    ("Hebei Province Department of Human Resources and Social Security Director Wang met the delegation.",
     {"Hebei Province Department of Human Resources and Social Security"}),
    ("Georgia Department of Economic Development (GDEcD) Commissioner Pat Wilson met the delegation.",
     {"Georgia Department of Economic Development"}),
    # a body's branch in a place is the body's name; a body of a place stays whole
    ("Bank of China Jiangsu Branch signed a loan agreement.", {"Bank of China Jiangsu Branch"}),
    # a name ending in a person's title is a title, unless the title is what the body serves
    ("IT & Industries Principal Secretary, Jayesh Ranjan, met the Office of the Secretary.", {"Office of the Secretary"}),
])
def test_person_after_a_body_is_no_part_of_its_name(text, expected):
    assert {r.text for r in entities_in_text(text).itertuples() if r.label == "ORG"} == expected


def test_place_names_that_go_on_after_a_particle_are_whole():
    # "Caxias do Sul" (spaCy takes "Caxias" for a person), "Newcastle-upon-Tyne" (the gazetteer writes it with
    # spaces), "Bry-sur-Marne" (a town too small for a bare gazetteer name): each one place
    text = ("Little Rock's other sister cities are Caxias do Sul in Brazil and Newcastle-upon-Tyne in the United "
            "Kingdom. Moosburg is twinned with Bry-sur-Marne.")
    found = {(r.text, r.canonical) for r in entities_in_text(text).itertuples() if r.label == "PLACE"}
    assert {("Caxias do Sul", "Caxias do Sul"), ("Newcastle-upon-Tyne", "Newcastle upon Tyne"),
            ("Bry-sur-Marne", "Bry-sur-Marne")} <= found
    assert not any(c in ("Caxias", "Newcastle") for _, c in found)


@pytest.mark.parametrize("text, expected", [
    # offices a body already has only say where it works; offices it opens are its investment in the place
    ("This office is in addition to KOTRA's existing offices in New Delhi, Mumbai and Chennai.", set()),
    ("KOTRA opened new offices in Mumbai and Chennai.", star("KOTRA", "Mumbai", "Chennai")),
])
def test_offices_a_body_already_has_are_no_tie(text, expected):
    assert pair_set(text) == expected


def test_the_day_a_state_holds_on_is_no_event():
    # "As of 2021, ... sister cities were": how things stood then, no tie made in 2021
    text = "As of 2021, Little Rock's other sister cities were Changchun in China and Kaohsiung in Taiwan."
    assert "2021" not in set(events_of(text)["value"])
    assert "2021" in set(events_of("In 2021, Little Rock signed a sister city agreement with Changchun.")["value"])


def test_a_country_whose_name_is_a_nationality_and_s_is_a_country():
    # "Philippines" and "Laos" end like "Canadians": they are countries, not people who are Philippine or Lao
    found = {(r.canonical, r.label) for r in entities_in_text(
        "Cebu signed a deal with Vientiane of Laos. Media from the Philippines and Laos came, with Canadians.").itertuples()}
    assert {("Philippines", "PLACE"), ("Laos", "PLACE")} <= found and not any(c == "Canadians" for c, _ in found)


@pytest.mark.parametrize("text, expected", [
    # parties that "all" have ties, or have ties "to" another, each have their own: no tie among them
    ("P&G, Kroger and the University of Cincinnati all have ties to China.",
     star("China", "P&G", "Kroger", "University of Cincinnati")),
    ("Lyon and Wuhan have ties to Nanjing.", star("Nanjing", "Lyon", "Wuhan")),
    ("Lyon and Wuhan signed an agreement.", {frozenset(("Lyon", "Wuhan"))}),
])
def test_parties_that_each_have_ties_are_not_tied_to_each_other(text, expected):
    assert pair_set(text) == expected


def test_a_name_after_a_mayors_title_is_the_mayor():
    # "Taipei Mayor Ko": a one-word name no gazetteer knows, after a person's title, is the person
    assert pair_set("The agreement was signed by Taipei Mayor Ko and Houston Mayor Turner on July 30, 2021.") == \
        {frozenset(("Taipei", "Houston"))}


def test_a_preposition_opening_a_headline_is_no_part_of_a_name():
    # a headline in title case: "Beyond Gyeonggi Province and Jiangsu Province" names Gyeonggi Province
    found = {r.text for r in entities_in_text("Governor: Beyond Gyeonggi Province and Jiangsu Province, We Grow "
                                              "Together").itertuples()}
    assert "Gyeonggi Province" in found and not any(t.startswith("Beyond") for t in found)


@pytest.mark.parametrize("text, expected", [
    # countries after "cities of" say where those cities lie: no party, nor partners of each other
    ("The mayor proposed an economic community among the port cities of Korea, Japan and China.", set()),
    ("Cities of France and Germany signed a charter with Kyiv.", set()),
    # a country after "cooperation of" or "between" is a party
    ("Cooperation between France and Germany was strengthened.", {frozenset(("France", "Germany"))}),
])
def test_countries_that_locate_cities_are_no_parties(text, expected):
    assert pair_set(text) == expected


def test_a_verb_opening_a_sentence_makes_no_person_of_the_place_after_it():
    # spaCy tags "Promoting Rotorua" a person; "Rotorua" must not become a surname that erases the city
    text = ("Rotorua mayor Jane Hill will head a delegation to Rotorua's sister city in China next month. The group "
            "lands in Beijing on May 2 and then visits Beijing, sister city Yantai and Shanghai before flying back to "
            "New Zealand on May 9. Promoting Rotorua exporters and the city as a place for foreign students were the "
            "aims of the visit, Simmonds said.")
    assert "Rotorua" in {r.canonical for r in entities_in_text(text).itertuples() if r.label == "PLACE"}


def test_an_abbreviated_month_is_no_organisation():
    found = {r.text for r in entities_in_text("The MOU fulfils the pledges the mayors made in Sep, during the visit. "
                                              "The DEC appeal raised funds.").itertuples()}
    assert "Sep" not in found and "DEC" in found


@pytest.mark.parametrize("text, expected", [
    # places with slashes, then a colon, open a story as a dateline: the reporter's places, no parties
    ("Hyderabad/New Delhi: The Government of Telangana signed an MoU on economic cooperation with Ontario.",
     {frozenset(("Telangāna", "Ontario"))}),  # the government of a place is the place
    ("Lahore/Beijing: Punjab and Ningxia signed letters of intent.", {frozenset(("Punjab", "Ningxia"))}),
])
def test_a_dateline_with_a_colon_names_no_party(text, expected):
    assert pair_set(text) == expected


def test_a_port_named_after_its_place_is_the_body_that_runs_it():
    # "the Port of Baltimore has sister-port agreements with ...": the port signs, a star on it; "Port Moresby"
    # and "Port Louis" stay cities
    text = "The Port of Baltimore has sister-port agreements with Kaohsiung, Gdynia and Genoa."
    assert pair_set(text) == star("Port of Baltimore", "Kaohsiung", "Gdynia", "Genoa")
    found = {(r.canonical, r.label) for r in entities_in_text(
        "The Port of Houston Authority met officials from Port Moresby and Port Louis.").itertuples()}
    assert found == {("Port of Houston Authority", "ORG"), ("Port Moresby", "PLACE"), ("Port Louis", "PLACE")}


def test_places_a_spaced_dash_joins_are_two_and_a_bracketed_country_locates():
    # "Baku - Dakar (Senegal)": the dash opens a list, it joins no name; "(Vietnam)" after a name no gazetteer
    # knows still says where it lies, no partner of the list's head
    found = {r.canonical for r in entities_in_text("Among the sister cities of Baku - Dakar (Senegal), Izmir (Turkey)."
                                                   ).itertuples()}
    assert {"Baku", "Dakar"} <= found and "Baku - Dakar" not in found
    pairs = pair_set("Ulaanbaatar's sister cities include Naples (Italy) and Vung Tau- Con Dao (Vietnam).")
    assert not any("Viet Nam" in p for p in pairs)


@pytest.mark.parametrize("text, expected", [
    # the items of a list of sister cities are the head's partners, not each other's
    ("Among the sister cities of Baku are Dakar (Senegal), Izmir (Turkey) and Naples (Italy).",
     star("Baku", "Dakar", "İzmir", "Naples")),
    # joint parties stay joint outside sister-city sentences ("a partnership formed by A and B" with C)
    ("Gates Corp agreed to sell its shares to a partnership formed by Cobey Corp and Bear Stearns.",
     {frozenset(("Gates Corp", "Cobey Corp")), frozenset(("Gates Corp", "Bear Stearns")),
      frozenset(("Cobey Corp", "Bear Stearns"))}),
])
def test_the_items_of_a_sister_city_list_are_no_pairs(text, expected):
    assert pair_set(text) == expected


def test_hyphenated_regions_and_a_nationality_before_a_province():
    # "Gilgit-Baltistan" is one region the gazetteer knows, not "Gilgit"; "the Chinese Qinghai province" is Qinghai
    assert pair_set("Gilgit-Baltistan signed a sister-province agreement with the Chinese Qinghai province.") == \
        {frozenset(("Gilgit-Baltistan", "Qinghai"))}


def test_a_dateline_with_its_date_names_no_party():
    # "Nanjing, China, November 6, 2008 – ...": where and when the release was filed
    assert pair_set("Nanjing, China, November 6, 2008 – Mumbai signed a cooperation agreement with Seoul.") == \
        {frozenset(("Mumbai", "Seoul"))}


def test_what_a_party_joins_such_as_others_names_fellow_members():
    # "joins metropolises such as Johannesburg and Seoul as a member of ICLEI": Mumbai's tie is with ICLEI
    assert pair_set("Mumbai joins metropolises such as Johannesburg and Seoul as a member of ICLEI.") == \
        {frozenset(("Mumbai", "ICLEI"))}
    # cities "such as" others a party works with stay its partners
    assert pair_set("Seoul is working on a similar project with other cities, such as Tokyo and Taipei.") == \
        star("Seoul", "Tokyo", "Taipei")


def test_a_country_and_a_government_body_of_its_own_are_no_pair():
    # an ambassador to China visits a Chinese province's department: Vietnam's partner is the department
    found = pair_set("Vietnamese Ambassador to China Dang Minh Khoi paid a working visit to China's Guizhou "
                     "Department of Commerce.")
    assert frozenset(("Viet Nam", "Guizhou Department of Commerce")) in found
    assert frozenset(("China", "Guizhou Department of Commerce")) not in found
    # a foreign country's body stays a partner ("signed with Britain's Export Credits Guarantee Department")
    assert frozenset(("Nigeria", "Export Credits Guarantee Department")) in pair_set(
        "Nigeria signed an agreement with Britain's Export Credits Guarantee Department.")


def test_a_participle_of_a_visit_has_the_delegations_subject():
    # "the delegation will be on the road for seven days, visiting Beijing": the delegation visits; it stands
    # for the party whose delegation the story is about
    text = ("Wellington Mayor Celia Wade-Brown will lead a business delegation from Wellington. The delegation will "
            "be on the road for seven days, visiting Beijing, Tianjin and Shanghai.")
    assert star("Wellington", "Beijing", "Tianjin", "Shanghai") <= pair_set(text)


def test_a_place_after_a_title_in_lower_case_ends_before_the_persons_name():
    # "the governor of Saint Petersburg Sergey Movchan": the city, then its governor's name
    assert pair_set("Astana Mayor Aset Issekeshev met with the governor of Saint Petersburg Sergey Movchan on "
                    "Tuesday.") == {frozenset(("Astana", "Saint Petersburg"))}


def test_a_sister_city_list_whose_owner_comes_before_it_or_in_the_sentence_before_is_a_star():
    # "among the sister cities of X - A (Country), B (Country)": X owns the list; the countries only locate
    assert pair_set("Currently, among the sister cities of Perth - Dakar (Senegal), Izmir (Turkey), Naples "
                    "(Italy).") == star("Perth", "Dakar", "İzmir", "Naples")
    # "Other provinces that X has forged sisterhood ties with include A in Russia and B in Thailand"
    assert pair_set("Other provinces that Cebu has forged sisterhood ties with include Murcia in Spain and Hainan "
                    "in China.") == star("Cebu", "Murcia", "Hainan")
    # "X has over 12 sister cities. International partners include A ...": the list is X's, not the parse's
    assert pair_set("As of May 2021, Springfield has over 12 sister cities. International partners include Tours "
                    "in France and Kassel, Germany in 1990; Hama in Japan in 1994.") == \
        star("Springfield", "Tours", "Kassel", "Hama")


def test_a_list_of_couples_pairs_each_couple_and_nothing_across_them():
    # "notably A and B, C and D, and E and F": three ties, not a clique of six
    assert pair_set("Strong ties have developed between provinces and states, notably DKI Jakarta and New South "
                    "Wales, East Java and Western Australia, and Central Java and Queensland.") == \
        {frozenset(("Jakarta", "New South Wales")), frozenset(("East Java", "Western Australia")),
         frozenset(("Central Java", "Queensland"))}
    # "including the pair of A and B, of C and D, Country, and of E and F"
    assert pair_set("The province has 8 pairs of friendship cities, including the pair of Changsha and Brazzaville, "
                    "of Zhuzhou and Pietermaritzburg, South Africa, and of Xiangtan and Msoma, Tanzania.") == \
        {frozenset(("Changsha", "Brazzaville")), frozenset(("Zhuzhou", "Pietermaritzburg")),
         frozenset(("Xiangtan", "Msoma"))}


def test_an_acronym_never_defined_stands_for_the_one_body_whose_initials_it_is():
    # "the PPA" after "the Philippine Ports Authority", with no "(PPA)" anywhere
    text = ("The Philippine Ports Authority said on Friday it had signed a sister port agreement with Haikou. "
            "In 2004, the PPA signed a sister port agreement with the Port of Incheon.")
    ents = entities_in_text(text)
    assert ents.loc[ents.text == "PPA", "canonical"].tolist() == ["Philippine Ports Authority"]
    assert frozenset(("Philippine Ports Authority", "Port of Incheon")) in pair_set(text)
    # initials that fit no body of the text name nothing
    assert "MOU" not in entities_in_text("The Philippine Ports Authority signed an MOU with Haikou.").text.tolist()


def test_a_region_a_place_is_the_capital_of_only_locates_it():
    # "Darwin, capital of Australia's Northern Territory (NT), has signed ...": the territory signs nothing
    assert pair_set("The council of Darwin, capital of Australia's Northern Territory (NT), has signed an agreement "
                    "with Yuexiu District of Guangzhou.") == {frozenset(("Darwin", "Yuexiu District"))}
    assert pair_set("Melbourne (capital of Victoria state) and Indonesia's Bandung (capital of West Java province) "
                    "have signed a formal agreement.") == {frozenset(("Melbourne", "Bandung"))}


def test_the_head_alone_stands_for_the_body_named_head_of_place():
    # "The Port has memorandums ..." after "the Port of Long Beach": the port's partners are its own
    text = ("The Port of Long Beach has a sister port agreement with the Port of Qingdao in China. The Port has "
            "memorandums of understanding with the Port of Rotterdam and the Panama Canal Authority.")
    assert star("Port of Long Beach", "Port of Qingdao", "Port of Rotterdam", "Panama Canal Authority") == pair_set(text)
    # "the Bank" after "the Bank of England" (not "the Bank's Monetary Policy Committee")
    ents = entities_in_text("The Bank of England left rates on hold. Analysts said the Bank would wait.")
    assert ents.loc[ents.text == "Bank", "canonical"].tolist() == ["Bank of England"]


def test_credit_lines_and_an_agency_after_a_capitals_dateline_name_no_organisation():
    # "ALMATY. KAZINFORM The delegation ...": the agency, with no dash after it
    assert "KAZINFORM" not in entities_in_text(
        "ALMATY. KAZINFORM The delegation of the Saint Petersburg government arrived in Almaty.").text.tolist()
    # "Source: X" and "[Photo by X]" credit the outlet
    ents = entities_in_text("2017-June-14       Source: Newsgd.com\nGuangdong signed an agreement with New South "
                            "Wales. [Photo by Newsgd.com]")
    assert "Newsgd.com" not in ents.text.tolist()
    assert {"Guangdong", "New South Wales"} <= set(ents.canonical)


def test_each_year_of_a_sister_city_list_written_with_semicolons_dates_its_own_tie():
    # "partners include A in 1993; B in 1994; ...": the first item's year too, each with the hub and its member
    text = ("As of June 2021, Springfield has over 12 sister cities. International partners include Tours in "
            "France in 1993; Kassel, Germany in 1994; Hama, Japan in 2007.")
    found = {(e.value, tuple(e.parties)) for e in events_of(text, anchor="2021-06-20").itertuples()}
    assert {("1993", ("Springfield", "Tours")), ("1994", ("Kassel", "Springfield")),
            ("2007", ("Hama", "Springfield"))} <= found


def test_a_city_the_gazetteer_names_with_its_river_is_known_without_it():
    # "Frankfurt" is Frankfurt am Main, a city: no company's short name ("Frankfurt RheinMain GmbH")
    text = ("Talks were held between Hangzhou and Frankfurt on Thursday, with Bertram Roth of Frankfurt RheinMain "
            "GmbH International Marketing of the Region.")
    ents = entities_in_text(text)
    assert ents.loc[ents.text == "Frankfurt", "canonical"].tolist() == ["Frankfurt am Main"]
    assert frozenset(("Hangzhou", "Frankfurt am Main")) in pair_set(text)


def test_a_body_of_a_province_or_prefecture_is_no_partner_of_a_country():
    # a province's government visiting a country: a tie below country level, so no country pair
    assert frozenset(("People's Government of Sichuan Province", "Argentina")) not in pair_set(
        "A delegation of the People's Government of Sichuan Province visited Argentina from April 7th to 9th.")
    assert pair_set("The Toyama Prefecture Tourism Office signed an agreement with India.") == set()


def test_the_stops_a_mission_will_include_are_places_its_party_visits():
    # "The mission will include visits to A, B and C": the story's delegation visits each of them
    text = ("Vaughan Delegation to Participate in Trade Mission to China\n\nThe City of Vaughan is participating in "
            "a trade mission to China. The mission will include visits to Shanghai, Beijing and Zibo, as well as "
            "business meetings.")
    assert star("Vaughan", "Shanghai", "Beijing", "Zibo") <= pair_set(text)
    assert not any(p <= {"Shanghai", "Beijing", "Zibo"} for p in pair_set(text))


def test_a_name_after_a_title_is_a_person_even_when_a_word_of_it_is_a_small_town():
    # "Tokyo Governor Yoichi Masuzoe": Yoichi is also a Japanese town of 20,000, no organisation is named
    ents = entities_in_text("Tokyo Governor Yoichi Masuzoe visited Moscow in September.")
    assert "Yoichi Masuzoe" not in ents.text.tolist()
    assert pair_set("Tokyo Governor Yoichi Masuzoe visited Moscow in September.") == {frozenset(("Tokyo", "Moscow"))}


def test_members_of_a_body_are_people_not_a_party_that_joins_it():
    # "a warm welcome from members of the Invercargill council": people of the council, no membership pair
    assert pair_set("Mr Kobayashi of Kumagaya was pleased with the warm welcome from members of the Invercargill "
                    "City Council.") == set()
    assert pair_set("In Shanghai, the group would be joined by members of the Dunedin Chinese Gardens Trust and "
                    "Dunedin Shanghai Association.") == set()
    # a party said to be a member stays one; so do a body's members named after it
    assert frozenset(("Spain", "European Community")) in pair_set(
        "Spain is a full member of the European Community since it joined in 1986.")
    assert star("Gulf Cooperation Council", "Saudi Arabia", "Kuwait", "Oman") <= pair_set(
        "GCC members Saudi Arabia, Kuwait and Oman are threatening to impose duties.")


def test_a_membership_needs_a_body_to_be_a_member_of():
    # two states sharing membership of an alliance are no members of each other, nor of the places it reaches
    pairs = pair_set("Georgia and Bavaria share membership in a global alliance of regions, which also includes "
                     "partners in Brazil, South Africa and Canada.")
    assert not any(p <= {"Georgia", "Bavaria", "Brazil", "South Africa", "Canada"} for p in pairs)
    assert pair_set("In 1975 the area of Arnsberg joined with Brilon and Meschede to form a new district.") == set()
    # a country joining a bloc is one
    assert frozenset(("Portugal", "European Community")) in pair_set("Portugal joined the European Community in 1986.")


def test_two_bodies_a_delegation_met_once_each_are_no_partners_of_each_other():
    text = ("Lusaka Mayor visits Shenzhen\n\nThe Mayor of Lusaka led a delegation to Shenzhen this week. Lusaka and "
            "Shenzhen agreed to open a trade office. The delegation was received by the Bureau of Commerce, as well "
            "as by representatives of the Ministry of Foreign Affairs.")
    pairs = pair_set(text)
    assert frozenset(("Lusaka", "Shenzhen")) in pairs
    assert not any(p <= {"Bureau of Commerce", "Ministry of Foreign Affairs"} and len(p) == 2 for p in pairs)


def test_a_ministers_portfolio_is_no_organisation():
    for text in ("Minister for Agriculture and Regional Development Jane Doyle joined the council leaders.",
                 "The Minister of Trade and Industry Peter Banda visited Lusaka.",
                 "The Secretary of State for Tourism and Economic Development, Ana Lopes, spoke."):
        assert entities_in_text(text).query("label == 'ORG'").empty, text
    # a body of a kind after the title, and what a secretary serves, stay organisations
    assert "Publicity Department" in entities_in_text(
        "Chen Hao, minister of the Publicity Department, met the delegation.").text.tolist()
    assert "Communist Party" in entities_in_text(
        "Li Ming, General Secretary of the Communist Party, met the mayor.").text.tolist()


def test_a_place_and_its_own_public_bodies_are_one_side():
    pairs = pair_set("Mr. Wang Hao, Secretary of Sichuan Provincial Committee of the CPC and Governor of Sichuan "
                     "Provincial People's Government, and Mr. John Smith signed contracts on behalf of Sichuan and "
                     "Victoria of Australia.")
    assert frozenset(("Sichuan Provincial Committee of the CPC", "Sichuan Provincial People's Government")) not in pairs
    assert frozenset(("Sichuan Provincial Committee of the CPC", "Victoria")) in pairs


def test_a_name_is_read_as_the_region_of_a_country_the_story_names():
    # "Victoria" alone is a Hong Kong city; in a story of Australia it is the Australian state
    ents = entities_in_text("Australia's trade envoy said Victoria will open an office in Chengdu next year.")
    victoria = ents[ents.text == "Victoria"].iloc[0]
    assert (victoria.type, victoria.country) == ("region", "Australia")
    assert frozenset(("Australia", "Victoria")) not in pair_set(
        "Australia and Victoria signed a memorandum with Sichuan on education.")
    # a big town of another country stays itself
    ents = entities_in_text("Officials from Canada visited London on Monday.")
    assert ents[ents.text == "London"].iloc[0].country == "United Kingdom"


def test_a_sister_state_or_province_relationship_since_a_year_is_dated():
    for text, year, parties in (
            ("The talks deepened the engagement between Victoria and Jiangsu, which have enjoyed a Sister State "
             "relationship since 1979.", "1979", {"Victoria", "Jiangsu"}),
            ("Hyogo Prefecture and Western Australia have been sister states since 1981.", "1981",
             {"Hyogo Prefecture", "Western Australia"})):
        events = events_of(text, "2020-02-10")
        assert events.value.tolist() == [year], text
        assert set(events.parties.iloc[0]) & parties, text


def test_the_years_an_agreement_runs_for_are_its_term_not_its_date():
    text = ("Karelia and Tatarstan signed a protocol of agreement on cooperation for 2015 - 2017. "
            "The two regions first signed an agreement in July 2014.")
    assert events_of(text, "2015-03-02").value.tolist() == ["2014-07"]


def test_a_news_agency_is_media_in_the_body_and_nothing_in_its_credit():
    ents = entities_in_text("Xinhua reported that Nanjing and Lyon signed an agreement on May 3.")
    xinhua = ents[ents.text == "Xinhua"].iloc[0]
    assert (xinhua.label, xinhua.type, xinhua.canonical) == ("ORG", "media", "Xinhua News Agency")
    for text in ("HEFEI/SHANGHAI, May 30 (Xinhua) -- Lower Saxony expects to expand relations with Anhui.",
                 "Nanjing and Lyon signed an agreement.\n(Xinhua)\n",
                 "Pub Date: 21-02-05 16:32 Source:Xinhua\nAnhui and Maryland held a virtual event."):
        assert "Xinhua" not in " ".join(entities_in_text(text).text), text
    # the town of that name, said so, stays a place
    assert entities_in_text("The Xinhua county government met officials of Lyon.").label.tolist()[0] == "PLACE"
    # an event's parties leave the agency out
    assert all("TASS" not in p for p in events_of(
        "MOSCOW, June 20 (TASS) - TASS reported that Moscow and Astana signed a cooperation agreement on June 20, "
        "2000.", "2000-06-21").parties)


def test_a_town_of_its_country_is_the_town_and_the_country():
    text = "Kathmandu will also establish sister city relations with Dhaka of Bangladesh and Islamabad of Pakistan."
    ents = entities_in_text(text)
    assert set(zip(ents.canonical, ents.label)) >= {("Dhaka", "PLACE"), ("Bangladesh", "PLACE"),
                                                    ("Islamabad", "PLACE"), ("Pakistan", "PLACE")}
    assert not (ents.label == "ORG").any()
    assert pair_set(text) == {frozenset({"Kathmandu", "Dhaka"}), frozenset({"Kathmandu", "Islamabad"})}
    # a state's form before its name is the country, water before a country no town
    ents = entities_in_text("The Republic of Turkey, the Kingdom of Morocco and a well in the Gulf of Mexico.")
    assert ents[ents.label == "PLACE"].canonical.tolist() == ["Turkey", "Morocco", "Mexico"]


def test_an_agency_named_after_its_city_leaves_the_city_a_place():
    text = ("Liverpool leaders have signed a friendship agreement with Kunming, China. The agreement was welcomed "
            "by Invest Liverpool.")
    assert "Liverpool" in entities_in_text(text).canonical.tolist()
    assert pair_set(text) == {frozenset({"Liverpool", "Kunming"})}


def test_a_span_of_years_written_as_one_is_a_period_not_a_date():
    text = ("Lyon and Hanoi signed a framework agreement on cooperation for the 2023-2028 period on June 5, 2023. "
            "Lyon and Kaunas agreed a 2021-2023 decentralised cooperation programme.")
    assert events_of(text, "2023-06-07").value.tolist() == ["2023-06-05"]
    # told in words, the span dates what happened in it
    told = "Between 1981 and 1985, Hualien forged sister city ties with Ulsan."
    assert events_of(told, "2020-01-01").value.tolist() == ["1981/1985"]


def test_an_event_of_countries_in_a_story_of_provinces_has_the_provinces_too():
    text = ("Lahore and Guangzhou have been sister cities since 1992. Pakistan and China signed an agreement on "
            "June 3, 2021 on the establishment of sister-province relations between Sindh and Hubei Provinces in "
            "China.")
    signing = events_of(text, "2021-06-05").set_index("value").parties["2021-06-03"]
    assert "Sindh" in signing and "Beijing" not in signing


def test_a_headline_comma_joins_two_partners():
    assert pair_set("Paraíba, Liaoning agree to greater cooperation, exchanges") == {frozenset({"Paraíba", "Liaoning"})}
    # a country after its town still only locates it
    assert pair_set("Nanjing, China signs a deal") == set()


def test_a_town_written_beside_its_country_is_the_town():
    ents = entities_in_text("Busan Korea and Fukuoka Japan signed an agreement. The China Wenzhou delegation came.")
    assert {"Busan", "Fukuoka", "Wenzhou"} <= set(ents.canonical)
    assert not ents.canonical.str.contains(" ").any()
    assert pair_set("The mayor of Daegu Korea visited Legazpi City.") == {frozenset({"Daegu", "Legazpi"})}


def test_a_town_is_twinned_with_towns_not_with_countries():
    text = ("Chengdu has established sister-city relations with provinces and cities of ASEAN such as Indonesia, "
            "Laos and Thailand.")
    assert not any("Indonesia" in p or "Thailand" in p for p in pair_set(text))
    # two countries may state a country-level tie
    assert pair_set("Sister cities cooperation between China and the United States has grown.") == {
        frozenset({"China", "United States"})}


def test_a_province_after_a_preposition_is_a_place_the_tagger_missed():
    ents = entities_in_text("Upon returning to Sarawak, he said he had reached a consensus with the mayor.")
    assert ("Sarawak", "PLACE", "region") in set(zip(ents.canonical, ents.label, ents.type))
    assert "Mountain" not in set(entities_in_text("She won for Door in the Mountain, her collected poems.").canonical)


def test_the_last_of_two_provinces_before_a_plural_kind_is_a_place():
    assert pair_set("Sindh and Hubei Provinces signed a sister-province agreement.") == {frozenset({"Sindh", "Hubei"})}
    # a plural kind after a word the gazetteer does not know names no place
    assert "Other" not in set(entities_in_text("Other provinces that Cebu has ties with include Vladimir.").canonical)


def test_names_a_new_sister_city_joins_are_the_owners_sister_cities():
    # "X is Y's Nth sister city, joining A, B and C": a star on Y; the joiner is no partner of A, B or C
    text = "Lyon is Nanjing's fifth sister city, joining Leipzig, Germany; Limassol, Cyprus; and Florence, Italy."
    assert pair_set(text) == star("Nanjing", "Lyon", "Leipzig", "Limassol", "Florence")


def test_a_place_with_its_own_council_is_no_surname():
    # spaCy reads the agency "Advance Rockhampton" as a person; the council says Rockhampton is the city
    text = ("Rockhampton Regional Council will send a delegation to China. Mayor Strelow thanked Advance "
            "Rockhampton for its work. Rockhampton signed a sister city agreement with Zhenjiang.")
    assert "Rockhampton" in set(entities_in_text(text).canonical)
    assert frozenset({"Rockhampton", "Zhenjiang"}) in pair_set(text)


def test_a_small_town_after_city_of_is_a_place():
    # spaCy tags neither Dunakeszi, a town of 40,000 people, nor anything here
    assert "Dunakeszi" in set(entities_in_text("The delegation then went to the small city of Dunakeszi.").canonical)
    text = "Wuhan has two new partner cities -- Leeds, UK; the Hungarian city of Dunakeszi; and the Polish city of Lodz."
    assert pair_set(text) == star("Wuhan", "Leeds", "Dunakeszi", "Łódź")


def test_a_name_with_an_accented_capital_after_a_title_of_a_place_is_a_person():
    text = ("At the invitation of the mayor of Belgrade, Aleksandar Šapić, Skopje mayor Danela Arsovska paid an "
            "official visit to Belgrade today.")
    assert "Aleksandar Šapić" not in set(entities_in_text(text).canonical)
    assert pair_set(text) == {frozenset({"Belgrade", "Skopje"})}


def test_one_word_after_a_persons_title_is_the_person():
    text = "On Tuesday, Mr. Park Won-soon, Mayor of Seoul, paid a courtesy call on Governor Masuzoe."
    assert "Masuzoe" not in set(entities_in_text(text).canonical)
    # a firm's name that a title word opens stays the firm
    firm = "Dean Witter Reynolds Inc said it would appeal. Dean Witter denied the charges."
    assert "Witter" in " ".join(entities_in_text(firm).canonical)


def test_a_family_name_written_first_after_a_bodys_head_is_the_person():
    text = ("Vice Governor of Guangdong Provincial Government Liu Xiaojie and Standing Committee of Municipal "
            "People's Congress Chen Lyuping attended the signing.")
    names = set(entities_in_text(text).canonical)
    assert "Guangdong Provincial Government" in names
    assert not any("Liu" in n or "Chen" in n for n in names)


def test_a_towns_trip_to_a_country_makes_no_pair_with_the_country():
    assert pair_set("Mayor Smith of Tucson will lead a trade mission to Mexico next month.") == set()
    # a country-level relation still pairs the countries
    assert pair_set("China and France signed a trade agreement in Paris.") == {frozenset({"China", "France"})}


def test_a_named_sister_city_tie_is_no_organisation():
    text = "The Mayor of Chitose and Mayor Berkowitz signed the Reaffirmation of the Sister Cities Affiliation."
    assert not any("Reaffirmation" in n for n in entities_in_text(text).canonical)
    assert not any("Reaffirmation" in name for pair in pair_set(text) for name in pair)
    assert "New Sister City" not in set(entities_in_text("New Sister City for Rockhampton").canonical)


def test_a_town_the_text_gives_a_mayor_is_no_surname():
    # spaCy reads the agencies "Study Dunedin" and "Polytech Montpellier" as persons
    text = ("Dunedin Mayor Dave Cull will sign an agreement with Qingdao, Study Dunedin director Sarah Jones said. "
            "Dunedin and Qingdao have been sister cities for 20 years.")
    assert frozenset({"Dunedin", "Qingdao"}) in pair_set(text)
    text = ("Montpellier and Fez renewed their twinning agreement. The City of Montpellier will also connect "
            "Polytech Montpellier with a school in Fez.")
    assert frozenset({"Montpellier", "Fes"}) in pair_set(text)


def test_a_word_in_lower_case_no_gazetteer_knows_is_no_place():
    text = ("The mayor of Dunedin will present a pounamu, kauri and rimu carving to the Mayor of Qingdao, marking "
            "20 years of friendship between the two sister cities.")
    assert "kauri" not in set(entities_in_text(text).canonical)
    assert not any("kauri" in pair for pair in pair_set(text))


def test_a_year_marking_years_since_a_tie_dates_the_anniversary():
    events = events_of("This year marks 30 years since Tulsa became Zelenograd's sister city.", anchor="2021-06-01")
    assert [(v, set(p)) for v, p in zip(events["value"], events["parties"])] == [("2021", {"Tulsa", "Zelenograd"})]
    # a year "since" that gives a reason dates nothing by itself
    assert events_of("This is an important year since we are reading the news.", anchor="2021-06-01").empty


def test_a_place_locating_a_listed_member_is_paired_with_no_other_member():
    text = "The ministry has opened new missions in Basra in Iraq, Kabul in Afghanistan and Pyongyang in North Korea."
    assert pair_set(text) == set()
    text = "The mayors of Plock, Zhytomyr in Ukraine and Malaga in Spain have signed an agreement on cooperation."
    pairs = pair_set(text)
    assert frozenset({"Płock", "Málaga"}) in pairs and not any("Ukraine" in p or "Spain" in p for p in pairs)
    # an acronym in brackets is the member's own name, no locator
    text = "The Maryland Port Administration (MPA) and Port of Nagoya (Japan) renewed their sister-port agreement."
    assert frozenset({"Maryland Port Administration", "Port of Nagoya"}) in pair_set(text)


def test_what_a_delegation_is_made_of_pairs_no_members_with_each_other():
    text = ("Mayor Hsu will lead a delegation for an exchange trip to California. The delegation comprises members from "
            "the Hualien County Government and students of Tzu Chiang Elementary School and Huaren Junior High School.")
    assert not any("School" in name for pair in pair_set(text) for name in pair)
    # members who then visit someone still visit them
    text = "The delegation included six officials from the Laoshan District government who arrived in Columbia."
    assert frozenset({"Laoshan District", "Columbia"}) in pair_set(text)


def test_a_place_named_after_its_kind_where_people_meet_is_a_venue():
    text = ("Delegates of the Osaka Chamber of Commerce and the Busan Chamber of Commerce, meeting in Hakone in the "
            "mountain prefecture of Kanagawa, agreed to expand cooperation between them.")
    # "cooperation between them": the two chambers named before, not the prefecture they met in
    assert pair_set(text) == {frozenset({"Osaka Chamber of Commerce", "Busan Chamber of Commerce"})}


def test_a_places_possessive_is_no_part_of_a_bodys_name():
    text = "The deal was approved by China’s National Development and Reform Commission on Monday."
    assert set(entities_in_text(text).canonical) == {"China", "National Development and Reform Commission"}
    # a body named only by its place and kind keeps the place
    assert "Party Committee" not in set(entities_in_text("Bac Ninh’s Party Committee received them.").canonical)


def test_a_range_whose_last_day_writes_the_year_gives_it_to_its_first_day():
    events = events_of("From Sunday 29 May to Friday 3 June 2016, the Mayor of Perth led a delegation to Kagoshima.",
                       anchor="2016-03-17")
    assert list(events["value"]) == ["2016-05-29/2016-06-03"]


def test_an_aside_between_dashes_leaves_the_event_cue_in_the_dates_clause():
    text = ("A trade delegation from Leeds – including the city council and two universities – will be travelling "
            "to Hangzhou from April 14 to 18.")
    events = events_of(text)
    assert [(v, {"Leeds", "Hangzhou"} <= set(p)) for v, p in zip(events["value"], events["parties"])] == \
        [("XXXX-04-14/XXXX-04-18", True)]


def test_a_name_the_text_treats_as_a_persons_is_no_party():
    # spaCy may tag a person a place or an organisation; the text then calls them by their family name alone
    # before a person's verb, or after a quote's "said", or gives them a counterpart
    text = ("Miami's Tomas Regalado and the mayor of Madrid signed a twinning accord on Monday. Regalado recalled "
            "that talks began in 2009.")
    assert pair_set(text) == {frozenset({"Madrid", "Miami"})}
    text = ('The mayors of Curitiba, Luciano Ducci, and Durban signed a sister-city agreement. "We share a vision," '
            'said Ducci.')
    assert "Luciano Ducci" not in set(entities_in_text(text).canonical)
    assert pair_set(text) == {frozenset({"Curitiba", "Durban"})}
    text = "The protocol linking Montpellier to Fez was signed by Michaël Delafosse and his counterpart from Fez."
    assert "Michaël Delafosse" not in set(entities_in_text(text).canonical)
    # a band a quote's "said" names is no person: its name goes on
    text = "Apple agreed to sell the Band Aid single on iTunes, said Band Aid. The new Band Aid single sold well."
    assert "Band Aid" in set(entities_in_text(text).canonical)


def test_a_governor_written_gov_stands_for_the_state():
    text = ("New Jersey Gov. Phil Murphy met Indian officials in New Delhi on Monday. Murphy is visiting Agra and "
            "Pune this week, his office said.")
    assert {frozenset({"New Jersey", "Agra"}), frozenset({"New Jersey", "Pune"})} <= pair_set(text)


def test_a_states_news_agency_abbreviation_is_the_state():
    assert lookup_place("W.Va.")[:2] == ("West Virginia", "region")
    assert lookup_place("Minn.") == ("Minnesota", "region", "United States")
    assert lookup_place("Miss.") is None  # a title as well: never a state
    text = "CHARLESTON, W.Va. — A trade mission to Japan led by the governor will stop in Nagoya."
    assert "West Virginia" in set(entities_in_text(text).canonical)


def test_a_mayor_named_after_his_city_and_its_country_in_brackets_stands_for_the_city():
    text = "The mayor of Leipzig (Germany) Klaus Wowereit visited Tashkent and Samarkand last week."
    assert "Klaus Wowereit" not in set(entities_in_text(text).canonical)
    assert {frozenset({"Leipzig", "Tashkent"}), frozenset({"Leipzig", "Samarkand"})} <= pair_set(text)


def test_a_continent_is_no_partner_of_its_own_countries():
    text = "The governor's trade mission to Asia last year included visits to Korea, Japan and China."
    assert not any("Asia" in pair for pair in pair_set(text))
    # a continent with a country elsewhere is a party at its level
    assert frozenset({"China", "Africa"}) in pair_set("China and Africa signed a cooperation agreement in 2018.")


def test_two_countries_joined_by_a_hyphen_are_two_places_and_a_headline_topic_no_party():
    # "Portugal-USA:" opening a headline names the story's topic; the cities are the parties
    text = "Morocco-USA: Agadir and Abilene sign a twinning agreement"
    assert pair_set(text) == {frozenset({"Agadir", "Abilene"})}
    ents = set(entities_in_text("The 60th anniversary of Nepal-Japan diplomatic relations was marked.").canonical)
    assert {"Nepal", "Japan"} <= ents


def test_between_two_places_each_with_its_country_is_still_their_pair():
    text = ("The sister cities relationship between the cities of Accra, Ghana and Columbus, Ohio, United States "
            "will bring projects to Accra's schools.")
    assert frozenset({"Accra", "Columbus"}) in pair_set(text)


def test_a_governor_named_after_an_honorific_still_stands_for_his_province():
    text = ("Victoria's Premier Dan Andrews attended a dinner with the Governor of Sichuan, His Excellency Yin Li, "
            "in Melbourne. Governor Yin visited Geelong to attend the joint economic meeting.")
    assert pair_set(text) == {frozenset({"Sichuan", "Geelong"})}  # not the premier's Victoria


def test_a_line_of_a_list_of_ties_pairs_its_two_towns():
    # "Albany and Tomioka, Gunma / Signed: 2001": the corpus reads the two lines as one sentence
    assert pair_set("Bunbury and Tomioka, Gunma Signed: 1994") == {frozenset({"Bunbury", "Tomioka"})}


def test_a_pronoun_opening_a_sentence_is_no_organisation():
    text = "She and St. Thomas Economic Development Corporation will travel to Xuyi next year to sign the agreement."
    ents = set(entities_in_text(text).canonical)
    assert "She" not in ents and "St. Thomas Economic Development Corporation" in ents


def test_officials_from_a_city_and_the_city_of_another_cooperate_with_each_other():
    text = "Officials from Lyon and the Italian city of Turin discussed cooperation in trade and tourism on Monday."
    assert pair_set(text) == {frozenset({"Lyon", "Turin"})}


def test_a_list_of_ties_one_line_a_partner_pairs_each_with_the_holder():
    text = ("Sister Cities\n\nSince 1982 Kunming has forged sister-city ties with 12 cities around the world.\n\n"
            "1. Zurich, Switzerland\n\nDate: 1982.5.2\n\n2. Chiang Mai, Thailand\n\nDate: 1999.6.7\n\n"
            "The office said it welcomes proposals for new partners from cities in Africa and South America.")
    assert pair_set(text) == star("Kunming", "Zürich", "Chiang Mai")


def test_a_delegation_featuring_mayors_of_other_cities_does_not_pair_them_with_its_own():
    text = ("Mayor Grace Wanjiru of Nakuru led a delegation on a tour of various cities and provinces in China. The "
            "delegation featured deputy Mayor Peter Otieno, Mayor John Kamau of Eldoret, Mayor Mary Achieng of Kisumu, "
            "Kenyan Ambassador to China Sarah Serem, and others.")
    assert not pair_set(text) & {frozenset({"Nakuru", "Eldoret"}), frozenset({"Nakuru", "Kisumu"})}


def test_a_list_of_sister_cities_after_a_capitalised_heading_and_a_dash_is_a_star():
    text = "Cork has two other Sister Cities – Coburg in Germany and Shanghai in eastern China."
    assert pair_set(text) == star("Cork", "Coburg", "Shanghai")


def test_agreeing_with_someone_while_saying_something_is_no_agreement():
    text = ("Virginia Gov. Glenn Youngkin ordered state agencies to cut ties with Russian companies. Richmond Mayor "
            "Levar Stoney agreed with Youngkin, saying the city stands \"in support of a free Ukraine.\"")
    assert frozenset({"Richmond", "Virginia"}) not in pair_set(text)


def test_a_delegation_led_by_one_and_formed_by_others_does_not_pair_its_members():
    text = ("A Foshan delegation, led by Chairman of Foshan Municipal Committee of CPPCC Li Ming and formed by officials "
            "from Office of Municipal Committee of CPPCC, Foshan Foreign Affairs Bureau and Foshan Trade Association, "
            "visited Kenya and Uganda during November 21 to 30.")
    members = {"Office of Municipal Committee of CPPCC", "Foshan Foreign Affairs Bureau", "Foshan Trade Association"}
    assert not [p for p in pair_set(text) if len(p & members) == 2]


def test_cooperation_mechanisms_with_places_pair_them_with_the_subject():
    text = "Yunnan has established cooperation mechanisms with Chiang Mai and Vientiane."
    assert pair_set(text) == star("Yunnan", "Chiang Mai", "Vientiane")


def test_the_sentence_after_a_count_of_twin_cities_names_them():
    text = "Hamilton has three twin cities. Besides Kaunas, they are Napier, New Zealand; and Fukuoka, Japan."
    assert pair_set(text) == star("Hamilton", "Kaunas", "Napier", "Fukuoka")


def test_suspending_a_sister_city_relationship_is_no_tie():
    text = "Tacoma City Council unanimously voted to suspend the sister city relationship with Vladivostok on Tuesday."
    assert pair_set(text) == set()


def test_two_cities_ending_ties_with_their_own_counterparts_are_no_partners():
    text = "Uppsala and Lund announced the end of their sister city relationships with their counterparts in China."
    assert frozenset({"Uppsala", "Lund"}) not in pair_set(text)


def test_the_agency_an_agreement_is_reported_by_is_no_party_to_it():
    text = ("The agreement was inked by Siem Reap Governor Tea Kimsoth and Incheon Mayor Ahn Sang-soo on "
            "Thursday, according to the official Agence Kampuchea Presse (AKP).")
    assert pair_set(text) == {frozenset({"Siem Reap", "Incheon"})}


def test_a_list_after_a_places_counted_sister_cities_and_a_semicolon_is_its_star():
    text = ("In fact, Regina has three; Moose Jaw, SK; Jinan, China; Fujioka, Japan — in addition to Saskatoon’s four "
            "sister cities; Sherbrooke, QC; Shijiazhuang, China; Umeå, Sweden; and Chernivtsi, Ukraine.")
    pairs = pair_set(text)
    assert star("Saskatoon", "Sherbrooke", "Shijiazhuang", "Umeå", "Chernivtsi") <= pairs
    assert not [p for p in pairs if "QC" in p]


def test_a_sign_of_something_is_no_signing():
    text = ("Exam advice from the Qualifications and Curriculum Authority on schools in England was delayed. It is a "
            "sign of the QCA's concern that its advice went to ministers last December but was publicised only "
            "recently.")
    assert pair_set(text) == set()


def test_a_second_clause_run_into_the_first_ones_object_pairs_its_own_places():
    text = ("Tallinn and Riga are sister cities of Turku and Bremen and Lille are sister cities of Turin while "
            "Bergen is a sister city of Rostock.")
    assert pair_set(text) == star("Turku", "Tallinn", "Riga") | star("Turin", "Bremen", "Lille") \
        | star("Rostock", "Bergen")


def test_couples_after_between_are_paired_each_with_its_own_partner():
    text = ("Shandong and Sindh signed letters of intent to establish sister-city relations between Jinan and "
            "Hyderabad as well as Qingdao and Karachi.")
    assert {frozenset(("Jinan", "Hyderabad")), frozenset(("Qingdao", "Karachi"))} <= pair_set(text)
    assert frozenset(("Hyderabad", "Qingdao")) not in pair_set(text)
    text = ("Two sister city agreements were signed between Heyuan, Guangdong province and Tustin, California, and "
            "Tongchuan, Shaanxi province and Yorba Linda, California.")
    assert pair_set(text) == {frozenset(("Heyuan", "Tustin")), frozenset(("Tongchuan", "Yorba Linda"))}


def test_two_parties_renewing_their_commitment_to_an_alliance_are_a_pair():
    text = ("The Kaduna State Government and the Republic of Korea have renewed their commitment to a strategic "
            "alliance aimed at promoting trade.")
    assert pair_set(text) == {frozenset(("Kaduna", "South Korea"))}


def test_ties_ended_broken_or_violated_are_no_ties():
    assert pair_set("Turin ended its sister city agreement with Harbin in October.") == set()
    assert pair_set("Lyon and all other cities must break their ties with Moscow, the mayor said.") == set()
    assert pair_set("The embassy said Dresden had violated the sister city agreement with Xi'an.") == set()
    assert pair_set("Turin signed a sister city agreement with Harbin in October.") == {frozenset(("Turin", "Harbin"))}


def test_the_continent_a_delegation_goes_to_is_not_the_story_s_main_party():
    text = ("Mayor Kwon leads delegation to Europe\n\nFrom 3 to 9 May 2019, Mayor Kwon Young-jin of Daegu visited "
            "Germany, Austria and Turkey with members of Daegu City Government. During the trip, Mayor Kwon met with "
            "Jan van Dijk (mayor of Utrecht), Hans Berger (mayor of Graz) and Anna Weber (director of the Munich "
            "Chamber of Commerce).")
    pairs = pair_set(text)
    assert star("Daegu", "Utrecht", "Graz", "Munich Chamber of Commerce") <= pairs
    assert not [p for p in pairs if "Europe" in p]


def test_companies_given_as_examples_of_whom_a_delegation_met_are_its_partners():
    text = ("The pact was signed during the visit of a Pune delegation, led by Deputy Mayor Ravi Kulkarni, to Paris. "
            "The delegation also held a series of meetings with various French industrialists and decision-makers of "
            "companies, including Servier, SAFRAN Aircraft Engines, Thales Group, Keolis and Schneider Electric.")
    assert star("Pune", "Servier", "SAFRAN Aircraft Engines", "Thales Group", "Keolis", "Schneider Electric") \
        <= pair_set(text)
    text = ("The Louvre pact is an agreement between the Group of Seven leading industrial countries including the "
            "United States and West Germany to promote currency stability.")
    assert star("G7", "United States", "West Germany") <= pair_set(text)


def test_two_places_signing_similar_agreements_each_sign_their_own():
    assert pair_set("Tampere and Turku have signed similar agreements with Chinese cities.") == set()
    assert pair_set("Tampere and Turku have signed their own agreements with Chinese cities.") == set()
    assert pair_set("Tampere and Turku have signed a cooperation agreement.") == {frozenset(("Tampere", "Turku"))}


def test_between_two_towns_each_located_by_in_pairs_the_towns():
    text = "A letter of intent on cooperation between Foshan in Guangdong and Lyon in France was signed on Monday."
    assert pair_set(text) == {frozenset(("Foshan", "Lyon"))}


def test_two_places_becoming_a_pair_of_sister_provinces_are_a_pair():
    text = ("The Chinese province of Shandong and the U.S. state of Iowa became the first pair of sister "
            "province/state, while the Chinese city of Jinan and the U.S. city of Des Moines became the first pair of sister cities.")
    assert pair_set(text) == {frozenset(("Shandong", "Iowa")), frozenset(("Jinan", "Des Moines"))}


def test_an_end_negotiated_to_an_alliance_is_no_tie():
    assert pair_set("Fiat recently negotiated an end to its alliance with General Motors.") == set()
    assert pair_set("Renault ended its joint venture with Volvo.") == set()
    assert pair_set("At the end of the visit, Lyon signed an agreement with Turin.") == {frozenset(("Lyon", "Turin"))}


def test_a_state_after_a_town_only_locates_it():
    title = "Oregon and Idaho Celebrate Friendships with Korean Sister Cities\n\n"
    text = title + ("On May 3rd, the city of Salem, Oregon welcomed a delegation from its sister city Suwon, "
                    "Korea to celebrate 20 years of partnership.")
    assert pair_set(text) == {frozenset(("Salem", "Suwon"))}
    text = title + "The city of Spokane, Washington has had a partnership since 1975 with Jecheon, Korea."
    assert pair_set(text) == {frozenset(("Spokane", "Jecheon"))}
    table = entities_in_text("Delegations from Boston, Washington and Chicago arrived.")
    assert set(table.loc[table.canonical == "Washington", "type"]) == {"city"}
    table = entities_in_text("The city of Salem, Oregon signed the agreement.")
    assert set(table.loc[table.canonical == "Salem", "country"]) == {"United States"}


def test_strained_or_aborted_ties_are_no_cooperation():
    assert pair_set("Several issues shape the tense relations between Lyon and Turin.") == set()
    assert pair_set("Relations between Lyon and Turin have deteriorated.") == set()
    assert pair_set("French-Italian relations are going through a tense period.") == set()
    assert pair_set("Lyon aborted its proposed twinning agreement with Turin.") == set()
    assert pair_set("Despite strained relations, Lyon and Turin signed a cooperation agreement.") \
        == {frozenset(("Lyon", "Turin"))}
    assert pair_set("Relations between Lyon and Turin are excellent.") == {frozenset(("Lyon", "Turin"))}



def test_delegates_stand_for_the_party_of_the_mission():
    text = ("Mayor of Leeds leads trade mission to Germany\n\nThe mission will visit Munich next week. Delegates will "
            "meet representatives from German companies including Siemens and Bosch.")
    assert star("Leeds", "Siemens", "Bosch") <= pair_set(text)


def test_a_body_met_with_is_no_partner_of_the_companies_met_alongside_it():
    text = ("While in Tokyo, Mayor Bass worked to boost Japanese investment in L.A. — meeting with the Business Council "
            "for Pacific Understanding and executives from several Japanese corporations, including: Kenji Sato, "
            "Chairman of the Board, Panasonic; Taro Ito, Senior Vice President, Canon; and Jiro Mori, General Manager, "
            "Toshiba.")
    assert not pair_set(text) & star("Business Council for Pacific Understanding", "Panasonic", "Canon", "Toshiba")


def test_clauses_hung_on_each_other_keep_their_subjects_apart():
    text = "Lyon ensured the support of Turin, Nantes twinned with Jinan, and Lille became sister cities with Erfurt."
    assert pair_set(text) == {frozenset(("Lyon", "Turin")), frozenset(("Nantes", "Jinan")), frozenset(("Lille", "Erfurt"))}
    assert pair_set("Toyota said it signed an agreement with Renault.") == {frozenset(("Toyota", "Renault"))}


def test_a_history_or_a_distance_between_two_places_is_no_tie():
    text = ("The mayor recalled the history between Germany and France and the town twinning between Lyon and "
            "Frankfurt.")
    assert pair_set(text) == {frozenset(("Lyon", "Frankfurt am Main"))}


def test_friendship_and_links_between_two_places_are_ties():
    assert pair_set("The visit deepened the friendship between Lyon and Turin.") == {frozenset(("Lyon", "Turin"))}
    assert pair_set("The mayors spoke of strengthening the links between Lyon and Turin.") \
        == {frozenset(("Lyon", "Turin"))}


def test_coordinated_members_each_belong_to_the_network_not_to_each_other():
    text = ("Lyon Municipality and the Greater Lyon Union of Municipalities, which also includes Villeurbanne, have "
            "long been active members of the Eurocities network.")
    found = pair_set(text)
    assert star("Eurocities", "Lyon Municipality", "Greater Lyon Union of Municipalities") <= found
    assert frozenset(("Lyon Municipality", "Greater Lyon Union of Municipalities")) not in found


def test_sister_ports_listed_after_their_holder():
    text = ("Other Sister Ports of the Port of Seattle are: Port of Nagoya, Japan; Saigon Port, Vietnam; "
            "and Port of Busan, Korea.")
    assert pair_set(text) == star("Port of Seattle", "Port of Nagoya", "Saigon Port", "Port of Busan")


def test_a_wire_dateline_without_a_dash_names_no_party():
    text = ("Taipei, March 10 (CNA) Visiting Guam Governor Lourdes Leon Guerrero signed a sister-city agreement "
            "with the southern Taiwanese city of Kaohsiung.")
    assert pair_set(text) == {frozenset(("Guam", "Kaohsiung"))}


def test_a_city_apposed_to_a_city_is_the_next_item_of_a_list():
    text = "Atlanta in the United States, Hangzhou in China and Varadero in Cuba are the other cities twinned with Lyon."
    assert pair_set(text) == star("Lyon", "Atlanta", "Hangzhou", "Varadero")


def test_a_tie_apposed_to_the_last_item_of_a_list_pairs_that_item():
    text = "The mayor met officials in Beijing, Shanghai and Shenzhen, a sister city with Houston since 1986."
    assert pair_set(text) == {frozenset(("Shenzhen", "Houston"))}


def test_the_subject_after_an_opening_phrase_ending_in_a_place_signs():
    text = ("During the Lyon Forum 2022 in Shanghai, the Port of Rotterdam and the Port of Shanghai renewed the "
            "Memorandum of Understanding.")
    assert pair_set(text) == {frozenset(("Port of Rotterdam", "Port of Shanghai"))}


def test_executives_from_two_companies_act_for_them():
    text = "Top executives from Renault and Toyota have promised more substantial cooperation."
    assert pair_set(text) == {frozenset(("Renault", "Toyota"))}


def test_two_names_the_parser_nested_are_coordinated():
    text = "In 2019, the Guangzhou Port and Alexandria Port established a sister port relationship."
    assert pair_set(text) == {frozenset(("Guangzhou Port", "Alexandria Port"))}


def test_places_due_to_be_made_sister_cities_after_as_are_a_pair():
    text = ("Diplomatic and economic relations between France and China are expected to be strengthened as Lyon "
            "and Shanghai are due to be made sister cities on Tuesday.")
    assert frozenset(("Lyon", "Shanghai")) in pair_set(text)


def test_a_place_between_a_town_and_its_country_in_a_list_only_locates_it():
    text = ("Nagaoka is Honolulu's 28th sister city, joining Baguio, Philippines; Funchal, Madeira, Portugal; "
            "Haikou, China; Naha, Okinawa, Japan; Qinhuangdao, China.")
    found = pair_set(text)
    assert star("Honolulu", "Baguio", "Funchal", "Haikou", "Naha") <= found
    assert not {p for p in found if p & {"Madeira", "Okinawa"}}


def test_sister_museums_schools_and_universities_are_twinned():
    assert pair_set("The Lyon Fine Arts Museum is a sister museum to the Turin Egyptian Museum.") \
        == {frozenset(("Lyon Fine Arts Museum", "Turin Egyptian Museum"))}


def test_a_region_named_in_a_bodys_name_does_not_make_its_country_a_locator():
    text = ("The Lagos State Government and the People's Republic of China have renewed their commitment to a "
            "strategic alliance. The collaboration is designed to bolster ties between Lagos and China. Zhang "
            "Xiaoqin, Vice Chairman of the Standing Committee of Guangxi People's Congress, reaffirmed China's "
            "commitment to Lagos residents.")
    assert frozenset(("Lagos", "China")) in pair_set(text)


def test_a_place_opening_the_paragraph_after_a_dated_byline_is_a_party():
    text = "Published on 02/08/2023\n\nConcarneau has been twinned with the Irish town of Kinsale since 1995."
    assert pair_set(text) == {frozenset(("Concarneau", "Kinsale"))}


def test_the_holder_of_a_twin_town_is_its_partner():
    assert pair_set("Exmouth’s twin town, Langerwehe, escaped the worst of the flooding.") \
        == {frozenset(("Exmouth", "Langerwehe"))}


def test_items_after_as_well_as_belong_to_the_list_of_sister_cities():
    text = ("Huai'an donated medical supplies to its sister cities of Ikoma and Anjo in Japan as well as Wanju-gun "
            "in the Republic of Korea, sending 10,000 masks to each.")
    assert pair_set(text) == star("Huai'an", "Ikoma", "Anjō", "Wanju")


def test_a_place_a_building_stands_in_is_no_party():
    text = ("Kobe Mayor Kizo Hisamoto shakes hands with Seattle Mayor Bruce Harrell at the Kobe City Hall building in "
            "Chuo Ward on May 3 during the ceremony to sign a memorandum of cooperation.")
    assert pair_set(text) == {frozenset(("Kobe", "Seattle"))}


def test_a_title_of_a_place_gives_the_place_no_surname():
    text = ("A civic delegation from Halifax was invited to Aachen by Dr Jürgen Linden, Oberburgermeister of Aachen, "
            "to renew the twinning charter.")
    assert pair_set(text) == {frozenset(("Halifax", "Aachen"))}


def test_a_name_the_text_gives_a_kind_is_that_place_not_the_company_opening_with_it():
    text = ("Tumakuru Smart City Limited signed an agreement with Aalborg on Monday. The Danish city will share its "
            "know-how with Tumakuru district officials. Tumakuru and Aalborg have agreed to cooperate on smart city "
            "solutions.")
    assert frozenset(("Tumakuru", "Aalborg")) in pair_set(text)


def test_a_town_and_its_country_in_one_span_is_the_town():
    text = ("The Sister City relationship between Sanyo-Onoda Japan and the Moreton Bay Region has reached its "
            "30-year anniversary. Mayor Peter Flannery thanked our friends in Sanyo-Onoda for the gift.")
    assert pair_set(text) == {frozenset(("Sanyo-Onoda", "Moreton Bay Region"))}


def test_a_tie_apposed_to_a_name_pairs_its_owner_with_it():
    assert pair_set("The delegation visited Kobe, Seattle's sister city, last week.") == {frozenset(("Kobe", "Seattle"))}
    text = ("Huai'an sends masks to its sister cities. Medical supplies have been sent in four shipments to Szeged, "
            "its Hungarian sister city, since late March.")
    assert pair_set(text) == {frozenset(("Szeged", "Huai'an"))}


def test_a_place_hosting_a_delegation_from_its_sister_city_pairs_with_it():
    assert pair_set("The City of Rosemont is hosting a delegation from its sister city, Kitanami, Japan, this week.") \
        == {frozenset({"Rosemont", "Kitanami"})}


def test_a_subject_the_parser_hung_on_remains_is_still_the_subject():
    assert pair_set("But Hollowbury remains twinned with Vladimir.") == {frozenset({"Hollowbury", "Vladimir"})}


def test_a_place_after_a_compass_word_and_of_locates_a_partner_and_is_none():
    assert pair_set("Lyon is twinned with Vladimir, 120 miles east of Moscow.") == {frozenset({"Lyon", "Vladimir"})}


def test_a_city_and_a_territory_of_its_country_are_no_place_and_its_region():
    assert pair_set("Shanghai and Hong Kong signed a cooperation agreement.") == {frozenset({"Shanghai", "Hong Kong"})}
    assert pair_set("Nanjing and Jiangsu signed a cooperation agreement.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Beijing and Moscow established links in May 1995.", {frozenset({"Beijing", "Moscow"})}),
    ("The capitals, Beijing and Moscow, set up links in May 1995.", {frozenset({"Beijing", "Moscow"})}),
    ("The two sister cities, Lyon and Wuhan, signed an agreement.", {frozenset({"Lyon", "Wuhan"})}),
    # the sister cities of another, the list's owner: a star from it, never a pair of the two
    ("Nanjing's sister cities, Lyon and Wuhan, sent delegations.", star("Nanjing", "Lyon", "Wuhan")),
])
def test_links_set_up_and_a_list_apposed_to_a_plural_noun(text, expected):
    assert pair_set(text) == expected


def test_partners_listed_one_per_line_with_their_year_under_a_tie_line_are_a_star():
    text = ("Boulder has welcomed many visitors this year.\n\n"
            "All Boulder sister cities are listed below with the date they became one:\n\n"
            "Fujiyoshida, Japan (1962)\n\nKaohsiung, Taiwan (1983)\n\nBishkek, Kyrgyzstan (1994)\n")
    assert pair_set(text) == star("Boulder", "Fujiyoshida", "Kaohsiung", "Bishkek")
    # the same lines under a line that names no tie are no list of partners
    assert pair_set(text.replace("sister cities are listed below with the date they became one",
                                 "trips are listed below")) == set()


def test_places_paired_one_per_line_under_a_line_naming_ties_are_pairs():
    text = ("The grants fund city-to-city projects on water. The winners are:\n\n"
            "• Baltimore, Maryland, and Luxor, Egypt\n\n• Chicago, Illinois, and Casablanca, Morocco\n")
    assert pair_set(text) == {frozenset({"Baltimore", "Luxor"}), frozenset({"Chicago", "Casablanca"})}
    assert pair_set(text.replace("city-to-city projects on water", "a study of water")) == set()


def test_a_region_after_a_comma_locates_a_town_no_gazetteer_knows():
    text = "Mayor David Baxter of Monte Sereno, California and Mayor Tianjun Wu of Xingxiang signed the agreement."
    assert pair_set(text) == {frozenset({"Monte Sereno", "Xingxiang"})}
    # a town the gazetteer knows reads the same
    assert pair_set(text.replace("Monte Sereno", "Fresno")) == {frozenset({"Fresno", "Xingxiang"})}


def test_a_list_after_a_colon_behind_sister_cities_with_a_town_is_a_star_from_that_town():
    text = ("Eleven other cities have been named Sister Cities with Sacramento: Manila, Philippines; "
            "Matsuyama, Japan; and Jinan, China.")
    assert pair_set(text) == star("Sacramento", "Manila", "Matsuyama", "Jinan")
    assert pair_set("Nine towns are sister cities of Boise: Bilbao, Chita and Lyon.") == star(
        "Boise", "Bilbao", "Chita", "Lyon")


def test_a_country_or_continent_after_a_comma_locates_a_town_of_that_name_in_it():
    text = ("The Port of Oakland has sister-port agreements with five cities: Gdynia, Poland; St. Petersburg, "
            "Russia; Accra, Ghana; Ghana, Africa; and Rotterdam, The Netherlands.")
    # the gazetteer's first St. Petersburg is Florida's; Russia holds one, Africa holds Ghana
    assert pair_set(text) == star("Port of Oakland", "Gdynia", "St. Petersburg", "Accra", "Ghana", "Rotterdam")


def test_three_partners_each_with_the_country_that_locates_it_are_a_list_the_parser_may_break():
    text = ("Wuhan also signed friendship agreements with Siem Reap in Kampuchea, Biratnagar in Nepal and Bangkok in "
            "Thailand.")
    assert pair_set(text) == star("Wuhan", "Siem Reap", "Biratnagar", "Bangkok")


def test_a_country_before_port_city_qualifies_it_and_a_proclamation_is_a_document():
    text = "Durban, the coastal South African city, has signed an agreement with the China port city, Xiamen."
    assert pair_set(text) == {frozenset({"Durban", "Xiamen"})}
    text = "Jackson and Toulouse Mayor Pierre Baudis signed the Sister City Proclamation on Dec. 17, 1974."
    assert pair_set(text) == {frozenset({"Jackson", "Toulouse"})}


def test_the_group_after_a_delegation_is_that_delegation():
    text = ("A delegation from Jinan arrived in Tokyo on Monday. The group will visit Marubeni Corporation and "
            "Itochu Corporation.")
    assert star("Jinan", "Marubeni Corporation", "Itochu Corporation") <= pair_set(text)


def test_the_second_name_of_an_item_of_a_semicolon_list_locates_the_first():
    text = ("Dixon's four sister cities – Dickson, Siberia; Thika, Kenya; Castlebar, Ireland; and Herzberg, "
            "Germany – are on the new signs.")
    pairs = pair_set(text)
    assert not any("Siberia" in p or "Germany" in p or "Kenya" in p for p in pairs)
    assert frozenset({"Dixon", "Dickson"}) in pairs


def test_couples_for_example_after_a_sentence_of_partnerships_are_those_partnerships():
    text = ("Most provinces of the Netherlands have a partnership with a region in China. For example, Utrecht with "
            "Beijing, Rotterdam with Shanghai and Groningen with Tianjin. Some only exchange officials.")
    assert {frozenset(("Rotterdam", "Shanghai")), frozenset(("Groningen", "Tianjin"))} <= pair_set(text)
    # the same couples after a sentence of no relation tell none
    assert not pair_set(text.replace("have a partnership with a region in China", "lie in the west"))


def test_a_subject_with_another_party_acts_with_it():
    assert pair_set("Wuhan with Oita renewed two cooperation agreements.") == {frozenset({"Wuhan", "Ōita"})}
    assert pair_set("Wuhan, together with Oita, renewed two cooperation agreements.") == {frozenset({"Wuhan", "Ōita"})}


def test_the_partner_of_a_second_tie_is_no_partner_of_the_first_ties_partner():
    text = "Leeds has a formal friendship link with Dortmund and similar arrangements with Lille."
    assert pair_set(text) == star("Leeds", "Dortmund", "Lille")


def test_names_after_an_opening_according_to_are_the_subject():
    text = ("According to the city administration, Yerevan, Athens and Sofia will soon be among the twin cities of "
            "Astana.")
    assert pair_set(text) == star("Astana", "Yerevan", "Athens", "Sofia")


def test_the_second_item_hung_on_the_first_items_country_is_the_first_items_conjunct():
    text = "This year, Chengdu with Nagoya City in Japan and Busan in South Korea renewed two cooperation agreements."
    assert pair_set(text) == star("Chengdu", "Nagoya", "Busan")


def test_the_city_is_no_organisation_the_story_opens_with():
    text = "New twin town plan worries the SNP. The city is already twinned with Havana and Nuremberg."
    assert not any("SNP" in p for p in pair_set(text))


def test_the_first_cities_to_join_a_network_each_join_it():
    assert pair_set("Curitiba, Recife and Kingston are the first cities to join ICLEI.") == star(
        "ICLEI", "Curitiba", "Recife", "Kingston")
    assert pair_set("Curitiba and Recife are the first to join the ICLEI programme.") == star(
        "ICLEI", "Curitiba", "Recife")


def test_speakers_hoping_another_subject_acts_are_no_party():
    text = ("Canadian officials said they hoped the goodwill created by the visit would lead to further Siemens "
            "investment in Ontario.")
    assert pair_set(text) == {frozenset(("Siemens", "Ontario"))}


def test_members_of_a_body_listed_beside_officials_are_people():
    assert pair_set("The minister ended two days of talks with White House officials and members of Congress.") == set()


def test_a_speakers_own_trip_in_the_clause_he_reports_is_his():
    text = ("Hefei Mayor Li Ming told reporters his trip, which has already taken him to Lyon and Turin, was aimed at "
            "attracting investment.")
    assert pair_set(text) == star("Hefei", "Lyon", "Turin")


def test_a_passive_subject_is_not_the_subject_of_an_active_verb_beside_it():
    text = ("The company said that merger talks with Boots Plc had been called off and recently announced an offer "
            "for Halfords Plc.")
    assert frozenset(("Boots Plc", "Halfords Plc")) not in pair_set(text)


def test_he_after_an_unnamed_official_stands_for_the_officials_body():
    text = ("A senior World Bank official arrived in the capital on Monday. He said he had suggested to Bolivian "
            "authorities that they invest in roads.")
    assert pair_set(text) == {frozenset(("World Bank", "Bolivia"))}


def test_a_capital_in_a_story_of_its_mayor_is_the_town():
    text = ("Mayor Celia Smith said New Zealand's capital would welcome more visitors. Delegations between Wellington "
            "and China have resulted in increased prosperity for both.")
    assert pair_set(text) == {frozenset(("Wellington", "China"))}


def test_a_capital_of_between_dashes_locates_and_a_country_before_city_qualifies_it():
    text = "Since May, Kiel – the capital of the German state of Schleswig-Holstein – and the US city have a partnership."
    assert not any("Schleswig-Holstein" in p or "United States" in p for p in pair_set(text))


def test_a_comparison_ties_no_one():
    assert pair_set("Only Leeds, with 16, has more sister cities than Bristol, which has 11.") == set()


def test_twin_cities_a_town_is_assigned_are_its_own():
    text = "Bergen was assigned the Nordic twin cities Gothenburg, Aarhus and Turku in 1946."
    assert pair_set(text) == star("Bergen", "Gothenburg", "Aarhus", "Turku")


def test_a_network_that_consists_of_towns_has_them_as_members():
    assert pair_set("The Eurotowns network consists of 20 towns, including Hasselt and Kortrijk.") == star(
        "Eurotowns", "Hasselt", "Kortrijk")


def test_a_us_state_after_its_town_locates_it_even_when_a_country_shares_its_name():
    text = "Mayor Robert Young of Augusta, Georgia and Vice Mayor Ziyu Ye of Lanxi were signing the agreement."
    assert pair_set(text) == {frozenset(("Augusta", "Lanxi"))}


def test_bulleted_partners_with_since_and_a_year_under_a_tie_line_are_a_star():
    text = ("Our history.\n\nLeuven signed twinning treaties with four cities:\n\n"
            "  • Rennes (France) since 1961\n  • Krefeld (Germany) since 1975 with the old town hall\n"
            "  • With the Dutch city of Utrecht since 1980. Utrecht has a population of around 360,000.\n"
            "  • Lille (France) since 1994\n")
    assert pair_set(text) == star("Leuven", "Rennes", "Krefeld", "Utrecht", "Lille")
    events = events_of(text)
    assert {(v, frozenset(ps)) for v, ps in zip(events["value"], events["parties"])} >= {
        ("1961", frozenset({"Leuven", "Rennes"})), ("1980", frozenset({"Leuven", "Utrecht"}))}


def test_whom_a_traveller_is_joined_or_accompanied_by_is_his_side_not_his_partner():
    text = ("Missouri Gov. Jay Nixon left for Canada on Monday. Nixon was joined on his trip by Economic "
            "Development Director Mike Downing and Department of Agriculture head Richard Fordyce.")
    assert not any("Department of Agriculture" in p for p in pair_set(text))
    # the visit the sentence tells after the companion stays
    assert frozenset(("Wuhan", "Lyon")) in pair_set(
        "Mayor Li of Wuhan was accompanied by the head of the Hubei Trade Office on his visit to Lyon.")


def test_a_list_item_the_parser_hangs_on_the_subject_past_its_verb_is_no_second_hub():
    text = ("Angers has also been twinned with the towns of Bamako (Mali) since 1974, Pisa (Italy) since 1982, "
            "Wigan (England) since 1988 and Toruń (Poland) since 2016.")
    assert pair_set(text) == star("Angers", "Bamako", "Pisa", "Wigan", "Toruń")


def test_a_governor_by_title_and_name_alone_stands_for_the_state_the_story_names_most():
    text = ("Gov. Mary Stone on Friday left on a trip to Tokyo, where she will pitch investors on growth in "
            "Oregon's ports. Oregon has drawn Asian investment for decades. In Tokyo, Stone will meet executives "
            "of Hitachi, which has a plant in Oregon.")
    assert {frozenset(("Oregon", "Tokyo")), frozenset(("Oregon", "Hitachi"))} <= pair_set(text)
    # a story naming two states as often: whose governor she is, it does not tell
    text = ("Gov. Mary Stone on Friday left on a trip to Tokyo. Oregon and Idaho share a border; Oregon and Idaho "
            "farmers sell to Asia.")
    assert pair_set(text) == set()


def test_a_country_a_delegation_comes_from_is_no_country_in_passing():
    assert pair_set("Lyon is a big city. A delegation from Bahrain is visiting Lyon this week.") == {
        frozenset(("Bahrain", "Lyon"))}


def test_a_country_whose_leader_travels_is_no_country_in_passing():
    text = ("Guangzhou and Recife signed a cooperation agreement. China's ties with Brazil grow. The Chinese "
            "minister was in Brazil last week. Brazil and China will sign protocols. On November 13, the president "
            "of China will travel to Rio de Janeiro.")
    assert frozenset(("China", "Rio de Janeiro")) in pair_set(text)


def test_chairing_a_network_or_a_bloc_is_membership():
    assert pair_set("In 2007, the Mayor of Paris was elected chair of the C40 Cities Climate Leadership Group.") == {
        frozenset(("Paris", "C40 Cities Climate Leadership Group"))}
    assert pair_set("Ireland took over the chairmanship of the European Union in July.") == {
        frozenset(("Ireland", "European Union"))}


def test_a_delegation_in_a_place_visits_it_and_a_country_given_the_tie_stays():
    assert pair_set("The minister will also join the UK delegation in Poland.") == {
        frozenset(("United Kingdom", "Poland"))}
    assert pair_set("Sydney delegation in Guangzhou celebrates and strengthens ties with China") == {
        frozenset(("Sydney", "Guangzhou")), frozenset(("Sydney", "China"))}


def test_a_korean_mayor_named_after_his_city_is_no_party():
    assert pair_set("The Mayor of South Korea’s Busan city Park Heong-joon is visiting Vladivostok by invitation of "
                    "the Vladivostok city's Mayor on occasion of the 30th anniversary of the friendship relations "
                    "between the cities.") == {frozenset(("Busan", "Vladivostok"))}


def test_two_ties_one_subject_signs_are_each_the_subjects_not_each_others():
    assert pair_set("Denver signed a partnership with Lyon and an agreement with Turin last year.") == {
        frozenset(("Denver", "Lyon")), frozenset(("Denver", "Turin"))}


def test_an_infinitive_of_purpose_whose_object_is_the_cue_states_the_subjects_relation():
    assert pair_set("Siemens will invest 200 million euros to open a plant in Chengdu.") == {
        frozenset(("Siemens", "Chengdu"))}



def test_friends_from_the_north_are_no_party():
    assert pair_set("Ashford is hosting two events this weekend to celebrate their longtime partnership with their "
                    "friends from the North.") == set()


def test_couples_between_which_a_semicolon_list_runs_are_each_one_relation():
    assert pair_set("The governors signed cooperation agreements between Tatarstan and Sichuan; Perm and Anhui; "
                    "and Penza and Hubei.") == {frozenset(("Tatarstan, Respublika", "Sichuan")),
                                                frozenset(("Perm", "Anhui")), frozenset(("Penza", "Hubei"))}
    assert pair_set("Agreements were signed between Kazan and Wuhan; Perm and Hefei; and Penza and Xiangyang.") == {
        frozenset(("Kazan", "Wuhan")), frozenset(("Perm", "Hefei")), frozenset(("Penza", "Xiangyang"))}


def test_a_list_of_hyphened_couples_in_a_sentence_of_sister_cities_pairs_each_couple():
    assert pair_set("Gala for Sister Cities Marking Three Anniversaries: Awards Presented to Tacoma-Kitakyushu, "
                    "Fresno-Kochi, and Boise-Chita") == {frozenset(("Tacoma", "Kitakyushu")),
                                                        frozenset(("Fresno", "Kochi")), frozenset(("Boise", "Chita"))}


def test_a_governor_apposed_after_her_state_and_its_country_stands_for_the_state():
    text = ("Mexican governor announces investment\n\nThe governor of Aguascalientes, Mexico, María Teresa Jiménez "
            "Esquivel, recently concluded a work tour of Asia.\n\nGovernor Jiménez also met with other companies, "
            "although no investments were reported: Unipres and Tachi-S.")
    assert pair_set(text) == star("Aguascalientes", "Unipres", "Tachi-S")


def test_he_opening_a_sentence_is_the_person_the_sentence_before_named_first():
    text = ("Trade mission reaches Germany\n\nConnecticut Governor Ned Lamont met the Mayor of Leipzig, Burkhard "
            "Jung, on Monday.\nHe also toured the Siemens plant and signed an agreement with the company.")
    assert pair_set(text) == {frozenset(("Connecticut", "Leipzig")), frozenset(("Siemens", "Connecticut"))}


def test_a_surname_that_is_also_a_small_towns_name_with_a_title_after_it_is_a_person():
    assert pair_set("In June 2012, Pilar, President of the Salta Legislature and Vice-Governor of Salta, headed a "
                    "delegation to visit Tianjin.") == {frozenset(("Salta", "Tianjin"))}


def test_an_official_whose_name_a_weekday_follows_still_stands_for_his_body():
    text = ("WASHINGTON, Oct 20 - U.S. Treasury Secretary James Baker Monday met bankers in New York.\n"
            "Baker later signed an accord with the Bank of Japan, officials said.")
    assert pair_set(text) == {frozenset(("U.S. Treasury", "Bank of Japan"))}


def test_the_places_a_tour_includes_are_the_travellers_partners():
    text = ("MADRID, May 4 - Spanish Prime Minister Felipe Gonzalez flew to Mexico today, opening an American tour "
            "which includes Peru and Chile.")
    assert star("Spain", "Peru", "Chile") <= pair_set(text)


def test_they_after_a_list_stands_for_each_member_not_for_ties_among_them():
    assert pair_set("Canadian wheat sales to Greece and Ireland fell after they joined the European Community.") == \
        star("European Community", "Greece", "Ireland")
    assert pair_set("Paris and Lyon said they would sign an agreement with Turin.") == star("Turin", "Paris", "Lyon")


def test_a_deputy_prime_minister_in_lower_case_stands_for_his_country():
    text = ("Polish deputy prime minister Zbigniew Messner arrived in Paris today.\n"
            "Messner later signed an economic cooperation agreement with Renault.")
    assert frozenset(("Renault", "Poland")) in pair_set(text)


def test_the_members_of_a_visiting_group_are_paired_with_its_host_not_with_whom_they_travel():
    text = ("The Mayor of Busan is visiting Vladivostok on the 30th anniversary of the friendship between the cities.\n"
            "The Korean delegation will attend a forum between the cities.\n"
            "The visiting group comprises delegates of the Busan Port Authority, the Water Authority of Busan and the "
            "Hyundai Merchant Marine.")
    found = pair_set(text)
    assert frozenset(("Vladivostok", "Hyundai Merchant Marine")) in found
    assert frozenset(("Busan", "Hyundai Merchant Marine")) not in found


def test_a_town_and_its_country_before_an_en_dash_opening_the_text_are_a_dateline():
    text = ("Changsha, China – Tennessee Governor Bill Lee signed a Memorandum of Understanding with Sany Heavy "
            "Industry, the machinery maker.")
    assert pair_set(text) == {frozenset(("Tennessee", "Sany Heavy Industry"))}


def test_every_town_of_a_long_list_after_in_is_where_events_are_held():
    assert pair_set("Over the last year, ICLEI hosted workshops in Lisbon, Porto, Seville and Bilbao.") == set()


def test_a_headline_in_title_case_is_read_as_a_sentence():
    text = ("Jiangsu Delegation Visits Brazil, Chile, and Argentina to Boost Trade Ties\n\n"
            "The provincial delegation met officials in each country.")
    assert pair_set(text) == star("Jiangsu", "Brazil", "Chile", "Argentina")


def test_two_places_a_headline_in_capitals_visits_are_not_each_others_partners():
    text = ("TRADE DELEGATION HEADS TO PERU AND CHILE\n\n"
            "A delegation from Queensland will visit Peru and Chile next month.")
    assert pair_set(text) == star("Queensland", "Peru", "Chile")


def test_the_body_of_an_office_a_person_also_holds_is_no_party():
    text = ("Nanjing Mayor Han Liming met Leipzig Mayor Burkhard Jung, also President of the Association of German "
            "Cities, on Monday.")
    assert pair_set(text) == {frozenset(("Nanjing", "Leipzig"))}


def test_a_town_and_its_country_before_a_colon_opening_the_text_are_a_dateline():
    text = ("Doha, Qatar: The Qatar Chamber hosted a trade delegation from the Guangdong Chamber of Commerce on "
            "Sunday.")
    assert pair_set(text) == {frozenset(("Qatar Chamber", "Guangdong Chamber of Commerce"))}


def test_the_ties_that_unite_two_places_are_their_relation():
    text = "The accord reinforces the friendly ties that unite Lyon and Turin."
    assert pair_set(text) == {frozenset(("Lyon", "Turin"))}


def test_whom_a_party_was_joined_by_keeps_it_company_and_joins_nothing():
    text = ("The Palaszczuk Labor Government was joined by council leaders from Cairns, Mackay and Bundaberg who are "
            "members of the Regional Cities Alliance.")
    assert not any("Palaszczuk Labor Government" in pair for pair in pair_set(text))


def test_the_delegation_a_place_will_send_is_that_places():
    text = ("Trade Mission to Japan: Governor Propounds Plans to Enhance Business\n\n"
            "The Governor will be the first sitting Governor to visit Japan on official business.\n\n"
            "Salem: The U.S. State of Oregon, which has long traded with Asia, will send a high power delegation to "
            "Japan later this year.\n\n"
            "During the seven days trip, the delegation is planning to visit four Japanese cities including Osaka, Kobe "
            "and Nagoya.")
    assert star("Oregon", "Osaka", "Kobe", "Nagoya") <= pair_set(text)


def test_this_visit_in_a_sentence_of_countries_is_the_storys_event():
    text = ("Mombasa and Qingdao seal twinning arrangement\n\n"
            "Mombasa has signed an agreement with Qingdao to cooperate in trade and ports.\n"
            "The mayor of Mombasa and the Vice Mayor of Qingdao confirmed the sister city relations between the two "
            "cities.\n"
            "\"As the relations between Kenya and China grow, this visit and the signing of the MOU today will further "
            "strengthen this partnership,\" the mayor said.")
    today = [e for e in events_of(text, "2023-05-04").itertuples() if e.text == "today"]
    assert today and {"Mombasa", "Qingdao"} <= set(today[0].parties)


def test_two_stops_of_one_trip_are_not_each_others_partners():
    text = ("Leeds Mayor Tom Riordan met business leaders in India on Monday.\n"
            "Riordan, who posed for pictures with film stars yesterday during his Mumbai visit, will travel to New "
            "Delhi and Amritsar before returning home.")
    assert pair_set(text) == star("Leeds", "Mumbai", "New Delhi", "Amritsar")


def test_a_commitment_to_expanding_cooperation_ties_the_leaders_places():
    text = ("Officials of Tampere and Ningbo reaffirmed their commitment to expanding cooperation in trade and "
            "education at a meeting on Friday.")
    assert pair_set(text) == star("Tampere", "Ningbo")


def test_a_list_of_ties_below_its_heading_pairs_each_town_with_the_holder():
    bullets = ("Tampere has four sister-city relationships:\n\n"
               "  • City of Beihai in China\n"
               "  • City of Brighton in Tasmania, Australia\n"
               "  • Province of Shaanxi in China\n"
               "  • City of Frankston, Australia\n")
    assert pair_set(bullets) == star("Tampere", "Beihai", "Brighton", "Shaanxi", "Frankston")
    one_line = ("The sister cities of Tampere are:\n"
                "Saarbrucken, Nantes, Ljubljana, Atlanta.\n\n"
                "Nantes is the sixth largest city in France.")
    assert pair_set(one_line) == star("Tampere", "Saarbrücken", "Nantes", "Ljubljana", "Atlanta")


def test_deals_with_is_a_cue_as_a_noun_not_as_a_verb():
    assert pair_set("Finnish trade minister Anna Virtanen discussed possible deals with Renault and Danone.") == \
        star("Finland", "Renault", "Danone")
    assert pair_set("Finnish trade minister Anna Virtanen said Finland will deal with Renault's complaints.") == set()


def test_a_person_who_is_also_chairman_of_a_body_acts_for_the_first_office():
    text = ("Finnish first deputy prime minister Anna Virtanen spoke in Paris on Monday.\n"
            "Virtanen, who is also chairman of the Finnish Forest Industries Federation, told a news conference she "
            "had discussed possible deals with French companies Renault and Danone.")
    assert pair_set(text) == star("Finland", "Renault", "Danone")


def test_we_opening_a_quote_that_goes_on_speaks_for_the_last_speaker():
    text = ("Tampere Mayor Anna Virtanen leaves tomorrow to sign an agreement with Wuhan.\n"
            "\"It is a huge honour for a city our size,\" Ms Virtanen says.\n"
            "\"We have had a sister city relationship with Lanzhou for ten years.\"")
    assert pair_set(text) == star("Tampere", "Wuhan", "Lanzhou")
    # a quote with its own speaker is that speaker's, not the last one's
    attributed = text.replace("years.\"", "years,\" Governor Li Ming of Hubei said.")
    assert frozenset({"Tampere", "Lanzhou"}) not in pair_set(attributed)


def test_a_tie_apposed_without_its_partner_is_the_first_places():
    text = ("The city of Tampere and the Tampere Exchange Foundation will release a video produced by the city of "
            "Wuhan, which has had a sister city relationship with Tampere for 28 years.\n\n"
            "The video was produced in Finnish and Chinese.\n\n"
            "Meanwhile, the city of Tampere and the Tampere Exchange Foundation plan to produce and send a support "
            "video to the city of Lyon, another sister city in France.")
    assert pair_set(text) == star("Tampere", "Wuhan", "Lyon")


def test_it_in_a_clause_hung_on_the_main_one_is_the_main_subject():
    text = ("Estonia and Latvia signed a port agreement on Monday.\n"
            "Estonia has no official trade or government ties with Taiwan, while it maintains close links with "
            "China.")
    assert frozenset({"Estonia", "China"}) in pair_set(text) and frozenset({"Estonia", "Taiwan"}) not in \
        pair_set(text)


def test_a_countrys_envoy_meeting_a_local_body_pairs_the_country_with_it():
    text = ("Tampere seeks ties with a Chinese port city.\n"
            "The mayor said that the Chinese Ambassador met with the Deputy Mayor of the Tampere City Council "
            "several weeks ago to discuss a close relationship.")
    assert frozenset({"China", "Tampere City Council"}) in pair_set(text)
    # a country merely beside a local body stays out: "Lusaka City Council and Rwanda" is the town's tie
    assert frozenset({"Rwanda", "Lusaka City Council"}) not in pair_set(
        "Kigali seeks partners.\nThe Lusaka City Council signed an agreement with Kigali in Rwanda.")


def test_a_list_of_ties_with_their_founding_years_pairs_each_town_with_the_holder():
    text = ("Besides Leon, Tampere maintains sister city relationships with 3 other cities:\n"
            "- Kaunas, Lithuania (Established 1964)\n"
            "- Nagoya, Aichi, Japan (Established 1987)\n"
            "- Rosario, Santa Fe, Argentina (since 2004)\n"
            "The sister city programme is run by the city council.\n")
    assert pair_set(text) >= star("Tampere", "Kaunas", "Nagoya", "Rosario")


def test_a_delegation_led_to_several_places_visits_each():
    text = ("The news came from city hall on Monday. Mayor Anna Berg recently led a Tampere delegation on a visit to "
            "Kyoto, Osaka and Nagoya.")
    assert pair_set(text) == star("Tampere", "Kyoto", "Osaka", "Nagoya")


def test_a_person_introduced_by_title_name_and_place_later_acts_for_the_place():
    text = ("The visitors arrived on Monday: Mayor Anna Berg of Tampere and Mayor Jon Lund of Turku. On Tuesday, "
            "Lund signed a friendship agreement with Kyoto.")
    assert pair_set(text) == star("Turku", "Kyoto")


def test_towns_to_become_partner_towns_of_a_city_are_its_star():
    sentence = ("The news came on Monday. Bethlehem, Alexandria and Aqaba are to become partner towns of "
                "St. Petersburg.")
    assert pair_set(sentence) == star("St. Petersburg", "Bethlehem", "Alexandria", "Aqaba")
    headline = ("Bethlehem, Alexandria and Aqaba to become partner towns of St. Petersburg\n"
                "The city council approved the plan on Monday.")
    assert pair_set(headline) == star("St. Petersburg", "Bethlehem", "Alexandria", "Aqaba")


def test_they_after_a_delegations_stops_is_the_delegation_not_its_stops():
    text = ("LONDON: A delegation of 22 legislators from Kerala is in London. The delegation, which has already "
            "covered Germany and the Netherlands during the 11-day tour, is on the last leg of their visit, during "
            "which they plan to explore potential state partnerships with the UK in the fields of trade and energy.")
    found = pair_set(text)
    assert frozenset(("Germany", "United Kingdom")) not in found
    assert frozenset(("Netherlands", "United Kingdom")) not in found


def test_places_a_ranking_names_ahead_are_no_partners():
    after = "The report came on Monday. Peru is Kenya’s second-largest trading partner after Brazil."
    assert pair_set(after) == star("Peru", "Kenya")
    behind = "The report came on Monday. Japan is Ohio’s third-largest export partner, behind Mexico and Canada."
    assert pair_set(behind) == star("Japan", "Ohio")


def test_a_korean_surname_the_parser_reads_as_an_interjection_is_the_person():
    text = "Busan Mayor Oh Min-su left for Europe on Sunday. Oh will visit Porto before flying home."
    assert pair_set(text) == star("Busan", "Porto")


def test_each_tie_of_a_list_of_ties_is_the_subjects():
    listed = ("The mayor met foreign guests on Friday. He noted that the Izmir Metropolitan Municipality has sister "
              "city relations with Bremen, Bordeaux, a cooperation protocol with Porto, and a memorandum of "
              "understanding with Malmo.")
    assert pair_set(listed) == star("Izmir Metropolitan Municipality", "Bremen", "Bordeaux", "Porto", "Malmö")
    signed = "The council met on Monday. Lyon signed a partnership with Nanjing, a charter with Turin and an agreement with Porto."
    assert pair_set(signed) == star("Lyon", "Nanjing", "Turin", "Porto")


def test_the_delegation_a_towns_mayor_leads_is_the_towns():
    text = ("Seattle hosts many delegations each year, and Seattle officials say the visits pay off. The Lord Mayor "
            "of Galway, Cllr. Mary Byrne, is leading a delegation to Seattle and Boston this week. The delegation "
            "will meet with the Port of Seattle on Tuesday.")
    assert pair_set(text) == star("Galway", "Seattle", "Boston", "Port of Seattle")


def test_contacts_with_a_place_are_ties():
    text = "The mayor met the guests on Friday. He said Dalian had a long history of contacts with Argentina."
    assert pair_set(text) == star("Dalian", "Argentina")


def test_he_who_speaks_for_the_last_named_official_is_not_also_the_main_party():
    text = ("Bursa and Tashkent became sister cities on Monday. Mayor of Bursa Ali Demir met with Governor of "
            "Tashkent Jamshid Aliev in Uzbekistan. Aliev said the relations between the countries had grown fast. "
            "Besides, he said that after his appointment as Governor of Tashkent he made his first visit to Izmir "
            "to meet Turkish businessmen.")
    assert pair_set(text) == star("Tashkent", "Bursa", "İzmir")


def test_who_asks_another_to_make_a_tie_is_no_party_to_it():
    text = ("Officials said on Monday that the talks were planned. The Mayor of Lyon will ask Turin to renew its "
            "twinning agreement with Porto.")
    assert frozenset(("Lyon", "Porto")) not in pair_set(text)
    urged = "Officials said on Monday that the talks were planned. The Mayor of Lyon urged Turin to sign a twinning agreement with Porto."
    assert frozenset(("Lyon", "Porto")) not in pair_set(urged)


def test_the_maker_of_a_work_visited_is_no_partner_of_the_visitor():
    text = ("The mayor flew home on Friday. The Seoul mayor's visit to Copenhagen included a bike ride around town "
            "and a visit to the iconic 8 House by Bjarke Ingels Group (BIG).")
    found = pair_set(text)
    assert frozenset(("Seoul", "Copenhagen")) in found
    assert not any("Bjarke Ingels Group" in pair for pair in found)


def test_two_lists_of_a_subjects_ties_are_its_star():
    text = ("The city has many partners. Kunming has another sister city in South America, Cochabamba (Bolivia), "
            "as well as a friendly exchange city, Porto Seguro (Brazil).")
    assert pair_set(text) == star("Kunming", "Cochabamba", "Porto Seguro")


def test_countries_local_officials_come_from_are_no_parties():
    text = ("The tour ended on Sunday. At the invitation of the Shanghai People's Association for Friendship with "
            "Foreign Countries, a delegation of 14 mayors from 6 countries including Chile, Peru and Uruguay visited "
            "Shanghai in May.")
    assert not any(pair & {"Chile", "Peru", "Uruguay"} for pair in pair_set(text))


def test_whom_a_visits_programme_included_meetings_with_the_visitors_met():
    text = ("A delegation from Chuncheon visited Medellín in May. The agenda included meetings with entities such "
            "as Ruta N, the University of Antioquia and the Metropolitan Area.")
    assert pair_set(text) == star("Chuncheon", "Medellín", "Ruta N", "University of Antioquia", "Metropolitan Area")


def test_a_sister_city_association_pairs_with_the_partner_town_it_is_named_for():
    text = ("The week ended on Friday. Members of the Tacoma-Kitakyushu Sister City Association welcomed a "
            "delegation from Kitakyushu on Monday.")
    assert pair_set(text) == star("Tacoma-Kitakyushu Sister City Association", "Kitakyushu")
    home = "The week ended on Friday. The Tacoma Sister City Association welcomed a delegation from Tacoma on Monday."
    assert pair_set(home) == set()


def test_who_helps_with_what_others_do_is_no_party_to_it():
    text = ("The delegates came home on Sunday. The five-day mission to Japan was organized by the Ohio Chamber of "
            "Commerce with the help of the Ohio Foundation for Trade and Education.")
    assert pair_set(text) == star("Ohio Chamber of Commerce", "Japan")


def test_members_a_delegation_includes_meet_the_host_the_sentence_names():
    text = ("Perth delegation heads to Nanjing\nThe City of Perth has taken a 60-person delegation to Nanjing, "
            "including Perth businesses travelling with the Australia China Business Council and representatives "
            "from the University of Western Australia. The trip ends on Friday.")
    assert pair_set(text) == star("Nanjing", "Perth", "Australia China Business Council",
                                  "University of Western Australia")
    whom = "The trip ended on Friday. The delegation, including Mayor Joo Nak-young, visited Lima and Arequipa."
    assert not any("Joo" in name for pair in pair_set(whom) for name in pair)


def test_the_province_in_an_apposition_to_the_city_of_a_town_locates_it():
    text = ("The ceremony was held on Friday. The city of Guangzhou, capital of south China's Guangdong Province, "
            "knotted friendship city ties with Lahore.")
    assert pair_set(text) == star("Guangzhou", "Lahore")


def test_the_place_travellers_head_back_to_is_their_home_not_a_partner():
    text = ("Maharashtra Chief Minister Devendra Fadnavis is leading a delegation to the UK. They are also scheduled "
            "to interact with members of the Maharashtrian diaspora during their four-day UK visit before heading "
            "back to India on Sunday.")
    assert frozenset(("India", "United Kingdom")) not in pair_set(text)


def test_names_continuing_a_later_ties_list_are_its_items_not_ties_of_their_own():
    # the parser coordinates "St Brieuc" with "link", and hangs both lists' "with" on it
    text = ("The city has many partners. Dundee also has a less formal friendship link with Nablus and similar "
            "arrangements with Lucca in Italy, St Brieuc in France and the Finnish town of Vaasa.")
    assert pair_set(text) == star("Dundee", "Nablus", "Lucca", "Saint-Brieuc", "Vaasa")


def test_members_a_delegation_names_as_examples_are_on_its_side():
    # the mayors are examples of the Australian delegation: they and it are one side, the host the other
    text = ("Pune is keen to develop ties with the Australian cities of Brisbane and Ipswich, the chief minister "
            "said. A five-member Australian delegation, including Brisbane Mayor Jane Doe and Ipswich Mayor John "
            "Roe, met the chief minister in Pune on Tuesday.")
    assert pair_set(text) == star("Pune", "Brisbane", "Ipswich")


def test_a_place_a_likeness_sets_beside_the_subject_is_no_partner_of_it():
    # "Alongside Shenzhen, Shanghai has also twinned with Porto": compared, not paired
    for opener in ("Alongside Hangzhou, Kunming", "In addition to Hangzhou, Kunming", "Kunming, like Hangzhou,"):
        text = f"Braga has several partners. {opener} has also twinned with Braga, signing an agreement in May."
        got = pair_set(text)
        assert frozenset(("Hangzhou", "Kunming")) not in got and frozenset(("Braga", "Kunming")) in got, opener


def test_a_verb_coordinated_with_the_cue_says_something_else():
    # "visited X, and expressed hopes to import panels ... to New Zealand and Nigeria": the import is no visit
    text = ("The councillors toured the city on Monday. Dunedin City Councillor Ann Lee visited the Ningbo Solar "
            "Panel Co, and expressed hopes to ship its panels from Ningbo to New Zealand and Nigeria.")
    got = pair_set(text)
    assert frozenset(("Dunedin", "Ningbo Solar Panel Co")) in got
    assert not any("Nigeria" in pair for pair in got)


def test_two_hyphened_countries_before_a_local_relation_are_no_pair():
    # the countries say where the mayors and towns lie; "China-Africa cooperation" stays a country-level tie
    text = "Officials met on Monday. The Fifth Sino-U.S. Mayors Forum will be held in Denver."
    assert frozenset(("China", "United States")) not in pair_set(text)
    text = "Officials met on Monday. The pact between Gansu and Ohio is a model for Sino-US cooperation at the local level."
    assert pair_set(text) == {frozenset(("Gansu", "Ohio"))}
    text = "Officials met on Monday. The forum promotes China-Africa cooperation in farming."
    assert pair_set(text) == {frozenset(("China", "Africa"))}


def test_a_title_after_a_nationality_and_a_town_is_the_towns():
    # "French Montpellier Mayor ...": the mayor stands for Montpellier, not France
    text = ("On Monday, French Grenoble Mayor Ann Roux recalled her last trip. Roux has been leading a large "
            "delegation on a visit to Suzhou from October 22 to 25.")
    got = pair_set(text)
    assert frozenset(("Grenoble", "Suzhou")) in got and frozenset(("France", "Suzhou")) not in got


def test_a_noun_another_party_owns_on_the_way_ends_the_relation():
    # the talks are Rover's: the officials who were irritated by their disclosure are no party to them
    text = ("The deal was delayed on Monday. The paper said Chinese officials had been irritated by Rover's "
            "disclosure of its talks with Shanghai Automotive Industry Corp in October.")
    got = pair_set(text)
    assert frozenset(("China", "Shanghai Automotive Industry Corp")) not in got
    # a person's trip stands for the person's side ("during President Xi Jinping's visit to ...") and stays
    text = ("Chen has been invited to attend a forum for mayors from China and New Zealand which opens on Friday "
            "during President Xi Jinping's visit to New Zealand.")
    assert frozenset(("China", "New Zealand")) in pair_set(text)
    # a day is no owner: "Tuesday's meeting ... hosted by" keeps its parties
    text = ("The conference opened in Lisbon. Tuesday's meeting with Moroccan officials is being hosted by "
            "Portuguese Prime Minister Ana Costa.")
    assert frozenset(("Morocco", "Portugal")) in pair_set(text)


def test_two_capitals_beside_their_countries_stand_for_them():
    text = ("Officials met in Tokyo on Monday. Japan said a wider agreement on loans to Hungary was needed before "
            "Tokyo extended fresh credits to Budapest.")
    got = pair_set(text)
    assert frozenset(("Budapest", "Tokyo")) not in got and frozenset(("Hungary", "Japan")) in got
