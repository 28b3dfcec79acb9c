"""Dated events on the seed articles, the figures and cue types, and the `coopnews timex/events` offset contract."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from coopnews.partners.relations import pairs_in_text
from coopnews.scale.access import entities
from coopnews.timeline.events import (EVENT_COLUMNS, counts_per_year, dated_expressions, document_year, event_type,
                                      events_in_text, extract_events, figures_in, filter_events, unknown_year)


@pytest.fixture(scope="module")
def events(seeds_corpus):
    return extract_events(seeds_corpus, entities=entities(seeds_corpus))


def _doc(events, prefix):
    return events[events["doc_id"].str.startswith(prefix)]


def test_columns(events):
    assert list(events.columns) == list(EVENT_COLUMNS)


def test_seed_004_timeline(events):
    doc = _doc(events, "004")
    assert sorted(doc["value"]) == ["1921/1946", "1988", "2013", "2014", "2014"]
    assert doc.loc[doc["value"] == "1921/1946", "text"].item() == "1921-1946"
    assert sorted(doc["year"].tolist()) == [1921, 1988, 2013, 2014, 2014]


def test_seed_002_forum_takes_the_year_its_document_names(events):
    forum = _doc(events, "002").query("value == '2021-06-24'")
    assert len(forum) == 1
    row = forum.iloc[0]
    assert row["text"] == "24 June" and row["year"] == 2021 and row["year_source"] == "event name"
    assert "Forum" in row["sentence"] and row["event_type"] == "conference/forum"


def test_seed_003_conference_and_its_figures(events):
    conf = _doc(events, "003")
    assert conf["value"].tolist() == ["2025-03-26"]
    row = conf.iloc[0]
    assert row["event_type"] == "conference/forum"
    assert "102 projects" in row["figures"] and "130 billion yuan" in row["figures"]


def test_yearless_dates_without_any_year_stay_unknown(events):
    unknown = unknown_year(events)
    assert set(unknown["value"]) == {"XXXX-11-07", "XXXX-11-16/XXXX-11-18"}


@pytest.mark.parametrize("text, expected", [
    ("During the event, 102 major projects were signed, worth 130 billion yuan (about $18 billion).",
     ["102 projects", "130 billion yuan", "$18 billion"]),
    ("More than 150 representatives and 473 Chinese students attended.", ["150 representatives", "473 students"]),
    ("The budget is EUR 2.5 million.", ["EUR 2.5 million"]),
    ("No figures here.", []),
])
def test_figures(text, expected):
    assert figures_in(text) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The delegation visited Lyon.", "visit/delegation"),
    ("The two cities signed a memorandum of understanding.", "agreement/MoU signing"),
    ("A new centre was inaugurated in 2014.", "launch/inauguration"),
    ("The forum was held in Nanjing.", "conference/forum"),
    ("The weather was fine.", "other"),
])
def test_event_type(sentence, expected):
    assert event_type(sentence) == expected


@pytest.mark.parametrize("text, expected", [
    ("It was held within the framework of Nanjing Tech Week 2021.", 2021),
    ("The 2025 Investment Promotion Conference opened. Nanjing Tech Week 2021 too.", None),
    ("The park was launched in 2019.", None),
])
def test_document_year(text, expected):
    assert document_year(text) == expected


def test_events_in_text_with_anchor():
    table = events_in_text("The forum was held on 24 June. It drew 400 participants.", doc_id="x", anchor="2022-07-01")
    assert table["value"].tolist() == ["2022-06-24"] and table["year_source"].tolist() == ["anchor"]


def test_filters_and_counts(events):
    only = filter_events(events, types=["launch/inauguration"], start="2000-01-01")
    assert set(only["value"]) == {"2014"}
    counts = counts_per_year(events)
    assert counts.loc[2014].sum() == 2


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "coopnews", *args], capture_output=True, text=True, check=True).stdout


def test_cli_timex_offsets_slice_the_decoded_file(seeds_dir):
    path = Path(seeds_dir) / "003_e34678cbd33f4e69.txt"
    lines = [json.loads(line) for line in _cli("timex", str(path)).splitlines()]
    decoded = path.read_text(encoding="utf-8")
    assert lines and all(decoded[r["start"]:r["end"]] == r["text"] for r in lines)
    first = lines[0]
    assert (first["text"], first["value"], first["type"]) == ("March 26, 2025", "2025-03-26", "DATE")


def test_cli_timex_dct_anchors_yearless_dates(seeds_dir):
    path = Path(seeds_dir) / "002_e616c3d33100e524.txt"
    lines = [json.loads(line) for line in _cli("timex", str(path), "--dct", "2021-07-01").splitlines()]
    assert {"text": "24 June", "value": "2021-06-24"}.items() <= lines[0].items()


def test_cli_events_on_a_file(seeds_dir):
    path = Path(seeds_dir) / "004_3c3d29bd9ffa8773.txt"
    lines = [json.loads(line) for line in _cli("events", str(path)).splitlines()]
    decoded = path.read_text(encoding="utf-8")
    # the gold events (eval/gold/news) are 1988, 2013, 2014 (twice) and "many years ago" (PAST_REF, which
    # dates nothing: no event); "Today" is extra, and the institute's history "in the period 1921-1946" a period
    assert sorted(r["value"] for r in lines) == ["1988", "2013", "2014", "2014", "XXXX-XX-XX"]
    assert all(decoded[r["start"]:r["end"]] == r["text"] for r in lines)
    assert set(lines[0]) == {"doc", "value", "text", "start", "end", "sentence", "parties", "type", "figures"}


# --- dated cooperation events on invented sentences (entities and pairs from coopnews.partners) ----------

def _events_of(text: str, anchor: str | None = None):
    from coopnews.partners.entities import entities_in_text
    from coopnews.partners.relations import pairs_in_text
    return events_in_text(text, anchor=anchor, entities=entities_in_text(text),
                          pairs=pairs_in_text(text, anchor=anchor))


def _dated(events) -> set[tuple[str, frozenset]]:
    return {(v, frozenset(ps)) for v, ps in zip(events["value"], events["parties"])}


def test_cues_go_by_sense_investors_and_sums_are_no_event():
    # "investors" is not "invest", "billion" is a sum: no event in the first sentence; talks and a stake are
    assert _events_of("Markets in Oslo slid on Monday as investors weighed 4 billion dollars of outflows.").empty
    events = _events_of("Volvo acquired a stake in Geely in March. Officials of Oslo held talks in Bergen on Friday.",
                        anchor="2011-05-10")
    assert set(events["value"]) == {"2011-03", "2011-05-06"}


@pytest.mark.parametrize("text", [
    # the date of a relative clause that holds no event: the crisis, not the deal
    "Lisbon and Rabat renewed their trade deal, which helped Lisbon overcome a port strike last year.",
    # the day of the telling
    "Speaking on Tuesday, the mayor of Lyon said the partnership with Turin would grow.",
    "Cabinet spokesman Ali Hassan, quoted by the agency Petra yesterday, said Jordan had found support in talks "
    "with Egypt.",
    # a press event of one party
    "The accord between Fiat and Chrysler will be detailed at a news conference in Turin on Monday.",
    # the year of a law
    "Kobe signed a port accord with Seattle to comply with the 1990 law.",
])
def test_a_date_belongs_to_its_own_clause(text):
    assert _events_of(text, anchor="2020-06-10").empty


def test_a_payment_date_in_an_agreement_sentence_is_not_an_event():
    events = _events_of("Norway and Iceland agreed on 3 May to refinance 20 mln dlrs of loans due in 2030.",
                        anchor="2020-06-10")
    assert _dated(events) == {("2020-05-03", frozenset({"Norway", "Iceland"}))}


def test_a_date_fronting_its_sentence_dates_the_main_clause():
    events = _events_of("In 2005, after long talks, Lyon signed a twinning agreement with Wuhan.")
    assert _dated(events) == {("2005", frozenset({"Lyon", "Wuhan"}))}


def test_a_headline_in_capitals_is_not_an_event_of_its_own():
    text = ("SEOUL AND LIMA TO SIGN TRADE PACT THIS WEEK\n"
            "    LIMA, March 8 - Seoul and Lima will sign a trade pact on Thursday, officials said.")
    events = _events_of(text, anchor="1987-03-08")
    assert _dated(events) == {("1987-03-12", frozenset({"Seoul", "Lima"}))}


def test_both_countries_are_the_parties_not_the_venue_the_sentence_names():
    events = _events_of("Chile and Peru signed a fisheries accord in 2019. "
                        "Ministers of both countries met in Geneva on 4 May 2021.")
    assert ("2021-05-04", frozenset({"Chile", "Peru"})) in _dated(events)


def test_the_partners_are_the_parties_of_the_last_relation():
    events = _events_of("Volvo and Tata Motors formed a joint venture in 2024. "
                        "The partners will invest 2 billion rupees in a plant in Chennai by 2026.")
    assert ("2026", frozenset({"Volvo", "Tata Motors"})) in _dated(events)


def test_an_event_sentence_naming_no_party_takes_the_parties_the_article_is_about():
    events = _events_of("Lyon and Wuhan signed a twinning accord in 1988. Lyon and Wuhan renewed it in 2008. "
                        "Rome and Oslo met in 2009. The first mayor visited in 1995.")
    assert ("1995", frozenset({"Lyon", "Wuhan"})) in _dated(events)


@pytest.mark.parametrize("text", [
    "Ships from Lisbon arrived in Rabat on 3 May.",  # an arrival of anything is no visit
    "Lisbon stayed within the agreed-upon quota with Rabat on 3 May.",  # a cue inside a compound adjective
    "Talks of Lisbon with Rabat showed that the next week would be busy.",  # "that" opens a clause, even before a date
])
def test_no_event_without_a_cue_of_its_sense(text):
    assert _events_of(text, anchor="2020-06-10").empty


def test_the_past_places_no_event():
    assert _events_of("Ports of Lisbon and Rabat have signed many accords in the past.", anchor="2020-06-10").empty


@pytest.mark.parametrize("text", [
    "In recent years Lisbon and Rabat have signed several cooperation agreements.",
    "Lisbon signed a cooperation agreement with Rabat many years ago.",
])
def test_the_vague_past_dates_no_event(text):
    # "recent years", "many years ago" (PAST_REF) tell no date: no dated event, the pair stays
    assert _events_of(text, anchor="2020-06-10").empty
    pairs = pairs_in_text(text, anchor="2020-06-10")
    assert set(zip(pairs["a"], pairs["b"])) <= {("Lisbon", "Rabat"), ("Rabat", "Lisbon")} and len(pairs) == 1


def test_a_purchase_of_a_company_is_an_investment_event():
    events = _events_of("Volvo bought the Geely truck unit on 2 March 2010.")
    assert set(events["value"]) == {"2010-03-02"} and event_type("Volvo bought the unit.") != "other"


def test_the_venue_of_a_meeting_is_not_its_party():
    events = _events_of("Chile and Peru signed a fisheries accord in 2019. The talks began in Geneva on 4 May 2021.")
    assert ("2021-05-04", frozenset({"Chile", "Peru"})) in _dated(events)


def test_a_wire_lead_telling_an_event_in_the_present_dates_it_by_the_dateline():
    now = _events_of("BONN, April 2 - The mayor of Lyon begins a two-day visit to Bonn.", anchor="1987-04-02")
    assert _dated(now) == {("1987-04-02", frozenset({"Lyon", "Bonn"}))}
    # told as to come, or in the past: the dateline's day is not the event's
    assert _events_of("BONN, April 2 - The mayor of Lyon will begin a visit to Bonn.", anchor="1987-04-02").empty
    assert _events_of("BONN, April 2 - The mayor of Lyon visited Bonn.", anchor="1987-04-02").empty


def test_today_is_the_day_the_dateline_prints_when_it_differs_from_the_publication_date():
    events = _events_of("VISIT TO BONN\n    BONN, April 2 - The mayor of Lyon began talks in Bonn with the mayor of "
                        "Bonn today.", anchor="1987-04-04")
    assert ("1987-04-02", frozenset({"Lyon", "Bonn"})) in _dated(events)


def test_the_year_of_a_figure_is_no_event():
    events = _events_of("A delegation of the Asian Bank, which visited Peru this week, praised Peru for cutting "
                        "inflation from 90 pct in 1991 to 12 pct last year.", anchor="1996-05-02")
    assert {value for value, _ in _dated(events)} == {"1996-W18"}


def test_what_should_or_might_happen_is_no_event():
    text = "Officials think a loan from Oslo to Bergen should be agreed this year."
    assert _events_of(text, anchor="2020-06-10").empty
    assert _dated(_events_of("Oslo and Bergen agreed on a loan this year.", anchor="2020-06-10")) == \
        {("2020", frozenset({"Oslo", "Bergen"}))}


def test_the_venue_of_a_meeting_in_an_article_stating_no_relation_gives_way_to_its_main_partner():
    text = ("The Andean Council met on 2 May. The Andean Council set quotas and the Andean Council named a chair. "
            "The next meeting will be convened in Lima on 9 June.")
    events = _events_of(text, anchor="2020-05-10")
    assert ("2020-06-09", frozenset({"Andean Council"})) in _dated(events)


@pytest.mark.parametrize("text, value", [
    ("Kobe has been twinned with Seattle since 1957.", "1957"),  # ANNOTATION.md: "twinned since 1981"
    ("Renault merged with Nissan in 1999.", "1999"),
    ("Portugal joined the European Union in 1986.", "1986"),
    ("Lyon and Wuhan have exchanged students since 2010.", "2010"),
])
def test_cooperation_verbs_date_their_events(text, value):
    assert set(_events_of(text)["value"]) == {value}


@pytest.mark.parametrize("text", ["The partnership between Lyon and Wuhan, which began in 1988, is the oldest.",
                                  "Lyon and Wuhan have ties that date back to 1988."])
def test_a_relative_clause_telling_when_a_cooperation_began_dates_it(text):
    assert _dated(_events_of(text)) == {("1988", frozenset({"Lyon", "Wuhan"}))}


@pytest.mark.parametrize("text, language, value", [
    ("Lille et Turin ont renforcé leur coopération en 2019.", "fr", "2019"),
    ("2019年，南京与法国里昂加强了合作。", "zh", "2019"),
])
def test_chinese_and_french_cooperation_words_make_event_clauses(text, language, value):
    from coopnews.partners.entities import entities_in_text
    from coopnews.partners.relations import pairs_in_text
    events = events_in_text(text, entities=entities_in_text(text, language=language),
                            pairs=pairs_in_text(text, language=language), language=language)
    assert events["value"].tolist() == [value] and len(events.iloc[0]["parties"]) == 2


def test_a_renewal_is_an_event_of_its_own():
    events = _events_of("In 1987 Hamburg and Shanghai signed a partnership agreement, which was renewed in 2017.")
    assert sorted(events["value"]) == ["1987", "2017"]


def test_the_end_of_a_cooperation_is_no_event():
    events = _events_of("Oslo may restore ties with Minsk, broken off by Oslo last October.", anchor="2020-06-10")
    assert events.empty
    events = _events_of("The accord between Lyon and Wuhan, signed in 2005, expires in 2025.")
    assert events["value"].tolist() == ["2005"]


def test_a_meeting_naming_only_its_venue_has_no_party():
    assert _events_of("The party congress was held in Rabat on 3 May.", anchor="2020-06-10").empty


def test_a_repayment_date_is_not_an_event():
    text = "Oslo signed a deal with Bergen to lend it six mln dlrs over two years, for repayment starting in May 2030."
    assert _events_of(text, anchor="2020-06-10").empty


def test_discussions_held_today_are_an_event_of_the_datelines_day():
    text = ("TRADE\n    WASHINGTON, March 11 - Canadian External Affairs Minister Joe Clark today held "
            "discussions with officials of the U.S. Treasury.")
    assert ("1987-03-11", frozenset({"Canada", "U.S. Treasury"})) in _dated(_events_of(text, anchor="1987-03-11"))


def test_the_city_an_accord_was_signed_in_is_its_venue_not_its_party():
    text = ("SOVIET TRADE\n    PARIS, March 11 - The Soviet Union wants more joint business with France, Soviet Deputy "
            "Prime Minister Ivan Orlov said.\n    He cited an accord signed in Moscow last month with a French "
            "trading house.")
    dated = _dated(_events_of(text, anchor="1987-03-11"))
    assert any(value == "1987-02" for value, _ in dated)
    assert all("Moscow" not in parties for value, parties in dated if value == "1987-02")


def test_a_sentence_naming_only_countries_dates_the_relation_of_the_places_the_article_is_about():
    text = ("Durban and Xiamen signed a sister city agreement in 2017. On September 20, the exchange week opened, "
            "with artists from China and South Africa.")
    assert _dated(_events_of(text, anchor="2023-10-01")) == {
        ("2017", frozenset({"Durban", "Xiamen"})), ("2023-09-20", frozenset({"Durban", "Xiamen"}))}


def test_each_item_of_a_semicolon_list_with_its_year_is_an_event():
    text = ("Honolulu has sister city ties with Bangkok, Thailand (since 1962); Dakar, Senegal (since 1980); and "
            "Rome, Italy (since 2011).")
    assert _events_of(text)["value"].tolist() == ["1962", "1980", "2011"]
    # an item may carry a possessive, a dash, a name with a particle, or a dozen words
    text = ("Leeds has sister city ties with Lille, France (since 1957); Durham, England – Home of the Prince Bishop's "
            "See (since 1966); Rio de Janeiro, Brazil (since 1990); and Siegen, Germany (since 1995).")
    assert _events_of(text)["value"].tolist() == ["1957", "1966", "1990", "1995"]
    # clauses between semicolons are no list: "prices fell in 2002" dates nothing
    assert _events_of("Hefei signed with Lyon in 2001; prices fell in 2002; Paris grew.")["value"].tolist() == ["2001"]


def test_each_item_of_a_list_with_its_year_of_establishment_is_an_event():
    text = ("Tempe has three other sister city relationships: Chengdu, China (est. 1987); Himeji, Japan (est. 1976); "
            "and Taipei, Taiwan (est. 1979).")
    assert _dated(_events_of(text)) == {("1987", frozenset({"Tempe", "Chengdu"})),
                                        ("1976", frozenset({"Tempe", "Himeji"})),
                                        ("1979", frozenset({"Tempe", "Taipei"}))}


def test_each_line_of_a_list_of_partners_with_its_year_is_an_event_of_the_hub_and_the_partner():
    text = ("Sister Port Agreements\n\nThe Port of Oakland has sister port agreements with ports worldwide.\n\n"
            "Sister Port Agreements\n\nPort of Nagoya, Japan (1959)\nPort of Tokyo, Japan (1987)\n"
            "Port of Keelung, Taiwan (1988)\n")
    assert {("1959", frozenset({"Port of Oakland", "Port of Nagoya"})),
            ("1987", frozenset({"Port of Oakland", "Port of Tokyo"})),
            ("1988", frozenset({"Port of Oakland", "Port of Keelung"}))} <= _dated(_events_of(text))


def test_each_date_of_a_listed_tie_has_the_hub_and_its_member():
    text = ("Honolulu has sister city ties with Bangkok, Thailand (since 1962); Dakar, Senegal (since 1980); Seoul, "
            "Korea (since 1973); and Rome, Italy (since 2011).")
    assert _dated(_events_of(text)) == {("1962", frozenset({"Honolulu", "Bangkok"})),
                                        ("1980", frozenset({"Honolulu", "Dakar"})),
                                        ("1973", frozenset({"Honolulu", "Seoul"})),
                                        ("2011", frozenset({"Honolulu", "Rome"}))}


@pytest.mark.parametrize("text, anchor, values", [
    # "and" spans a period after "between" or across days in a row; else it joins two dates
    ("Between 1981 and 1985, Hualien forged sister city ties.", None, ["1981/1985"]),
    ("On 25 and 26 May, the assembly met in Dakar.", None, ["XXXX-05-25/XXXX-05-26"]),
    ("The mayors met on Thursday and Friday.", "2023-04-08", ["2023-04-06/2023-04-07"]),
    ("In 2016 and 2017, a Bangkok delegation visited Chengdu.", None, ["2016", "2017"]),
    ("Portsmouth has been twinned with Carrickfergus since 1993 and this year they mark it.", "2023-04-07",
     ["1993", "2023"]),
    ("The councils met on May 3 and 10.", None, ["XXXX-05-03", "XXXX-05-10"]),
])
def test_and_joins_a_range_only_where_it_spans_one(text, anchor, values):
    assert dated_expressions(text, anchor=anchor)["value"].tolist() == values


def test_a_line_holding_only_a_date_dates_the_agreement_on_the_next_line():
    text = ("International relations of the city\n\nHelsinki (Finland)\n\nMarch 3rd, 2011 in Riga\n\n"
            "Signature of a cooperation agreement between the cities of Riga and Helsinki.\n\n"
            "Subject of the agreement: culture and transport.\n\nOslo (Norway)\n\nMay 5th, 2015\n\n"
            "The city museum opened a new wing.")
    assert _dated(_events_of(text)) == {("2011-03-03", frozenset({"Riga", "Helsinki"}))}


def test_a_bodys_founding_year_is_no_cooperation_event():
    text = ("Lyon and Turin signed a new youth exchange agreement on 4 May 2023. Founded by President Eisenhower in "
            "1956, Sister Cities International supports such ties across the United States.")
    assert _events_of(text)["value"].tolist() == ["2023-05-04"]
    # a tie founded in a year stays an event
    assert "1958" in _events_of("The Lyon-Turin twinning, founded in 1958, is the region's oldest.")["value"].tolist()


def test_a_stamp_opening_its_line_dates_no_event():
    text = ("date 2023-03-10 Lyon deputy mayor leads trade mission to Wuhan\n\n"
            "The mission will visit Wuhan from March 13 to 16.")
    values = set(_events_of(text, anchor="2023-03-10")["value"])
    assert "2023-03-10" not in values
    assert "2023-03-13/2023-03-16" in values


def test_the_end_of_a_tie_is_no_cooperation_event():
    text = "Prague ended its sister agreement with Beijing in October. Lyon signed an agreement with Turin in May."
    values = set(_events_of(text, anchor="2019-12-01")["value"])
    assert "2019-10" not in values
    assert "2019-05" in values


def test_visitors_in_tourism_figures_are_no_visit():
    text = ("The kingdom recorded 607,542 Chinese visitors to Lyon during the January-September period of 2024, 12.6 "
            "percent of all tourist arrivals. Visitors from Turin toured Lyon in October 2024.")
    assert set(_events_of(text, anchor="2024-12-01")["value"]) == {"2024-10"}


def test_a_cue_inside_an_associations_name_dates_no_event():
    text = ("People living in the area of Germany that was hit by floods in July have thanked Exmouth Twinning "
            "Association for a generous donation.")
    assert not len(_events_of(text, anchor="2021-09-01"))


def test_a_founding_year_opening_the_sentence_dates_the_subjects_birth_not_its_visit():
    text = "Founded in 1900, the city of Lyon made a first visit to its partner Turin in 1973."
    assert set(_events_of(text)["value"]) == {"1973"}
    tie = "Established in 1988, the twinning between Lyon and Turin has brought many visits."
    assert set(_events_of(tie)["value"]) == {"1988"}


def test_a_museum_where_an_exhibition_opened_is_its_venue_the_partners_are_the_storys():
    text = ("A delegation from Jining visited its partner city Taganrog on November 9, 2018. In September 2016 a "
            "photo exhibition opened at the Taganrog Museum of Literature.")
    assert ("2016-09", frozenset({"Jining", "Taganrog"})) in _dated(_events_of(text, anchor="2018-11-09"))


def test_a_when_clause_after_the_date_tells_its_event():
    text = ("Marseille and Hamburg are twin cities. The second event was on the 28 of September, when an official "
            "delegation from Marseille came to Hamburg.")
    assert ("2018-09-28", frozenset({"Hamburg", "Marseille"})) in _dated(_events_of(text, anchor="2019-01-08"))
    assert not len(_events_of("The market was quiet on the 28 of September, when prices fell in Hamburg.",
                              anchor="2019-01-08"))


def test_becoming_sister_towns_is_a_tie_event():
    assert set(_events_of("Redditch and Nantes became sister towns in 2001.")["value"]) == {"2001"}


def test_the_day_in_a_wires_bracket_after_the_dateline_is_a_stamp():
    text = ("LONDON, (UrduPoint / Pakistan Point News - APP - 19th Jul, 2019 ):The promotion of Yangzhou was held in "
            "London to enhance cooperation between Yangzhou and London. Yangzhou signed an agreement with London in "
            "May 2018.")
    assert set(_events_of(text, anchor="2019-07-19")["value"]) == {"2018-05"}


def test_a_section_heading_dated_by_a_range_tells_its_event():
    """A line ending with a date in brackets links another story, unless the date is a range: a section of the
    story (its exchange of those days)."""
    text = ("Student exchanges with our partner cities\n\n"
            "Our students travel abroad every summer.\n\n"
            "1. Sister City Exchange between Hurstville City, NSW and Shiroishi City, Miyagi (25 – 30 July)\n\n"
            "Ten pupils stayed with host families.")
    assert ("XXXX-07-25/XXXX-07-30", frozenset({"Hurstville", "Shiroishi"})) in _dated(_events_of(text))


def test_an_aside_between_dashes_without_spaces_after_the_date_breaks_no_clause():
    # the aside's ", and" would end the date's clause before its verb and cue
    text = ("On November 10, Acme Travel Co—the marketing, tourism, and partnership agency of Lyon—and the "
            "Tokyo Metropolitan Government formalized an agreement to promote tourism.")
    assert _dated(_events_of(text, anchor="2016-11-12")) == {
        ("2016-11-10", frozenset({"Acme Travel Co", "Tokyo Metropolitan Government"}))}


def test_an_aside_telling_where_the_story_was_told_breaks_no_clause():
    text = ("The council published its news. In May of 1989, as noted in a recent press release, Tampere signed a "
            "twinning agreement with Kyoto.")
    assert _dated(_events_of(text, anchor="2019-06-01")) == {("1989-05", frozenset({"Tampere", "Kyoto"}))}


def test_two_dates_a_comma_and_to_join_are_one_range():
    text = "The Tampere delegation's trip to Kyoto will run from Friday, April 19, to Sunday, April 28."
    assert set(_events_of(text, anchor="2024-02-20")["value"]) == {"2024-04-19/2024-04-28"}


def test_a_weekend_dates_an_event_unless_its_days_follow():
    text = "Three students from Nantes, one of Jinan's sister cities, arrived in Jinan at the weekend."
    assert _dated(_events_of(text, anchor="2014-03-12")) == {("2014-W10-WE", frozenset({"Nantes", "Jinan"}))}
    text = "A delegation from Lyon travelled to Bry-sur-Marne, its twin town, over the weekend of 18-21 May."
    assert "2023-W20-WE" not in set(_events_of(text, anchor="2023-06-01")["value"])


def test_a_year_owning_a_noun_dates_no_event_a_day_owning_one_does():
    text = "This year's winners of the Lyon-Jinan sister city awards built new parks with Jinan."
    assert _events_of(text, anchor="2010-08-13").empty
    text = "Friday's visit by Lyon officials to Jinan, their sister city, renewed ties."
    assert _dated(_events_of(text, anchor="2022-05-10")) == {("2022-05-06", frozenset({"Lyon", "Jinan"}))}


def test_a_year_another_event_of_the_same_parties_dates_to_the_day_is_that_event_told_again():
    text = ("Forty years have passed since Tokyo officially became Beijing's sister city in 1979. "
            "Tokyo established a sister-city relationship with Beijing on March 14, 1979.")
    assert _dated(_events_of(text, anchor="2019-11-10")) == {("1979-03-14", frozenset({"Beijing", "Tokyo"}))}
    # a month stays beside a day of it: two visits
    text = "Mayor Li of Wuhan will visit Lyon later this month. Lyon's mayor visited Wuhan on April 19."
    assert {v for v, _ in _dated(_events_of(text, anchor="1987-04-10"))} == {"1987-04", "1987-04-19"}


def test_a_date_before_names_and_titles_only_reaches_the_verb_after_their_and():
    text = ("On 15th October 1968 the Lord Mayor of Leeds, Councillor John Rafferty, and the Mayor of Lille, "
            "Augustin Laurent signed a twinning agreement in Lille.")
    assert _dated(_events_of(text)) == {("1968-10-15", frozenset({"Leeds", "Lille"}))}
    # a clause of its own before ", but" keeps its break
    text = "Coface suspended its cover for contracts with Nigeria in 1983, but signed a new accord with Nigeria."
    assert "1983" not in {v for v, _ in _dated(_events_of(text, anchor="1987-03-27"))}


def test_of_two_dates_joined_by_or_the_first_dates_the_event():
    table = dated_expressions("Rover said the deal would be signed in March or early April.", anchor="2005-02-01")
    assert table["value"].tolist() == ["2005-03"]


def test_a_day_next_to_a_part_of_it_is_the_same_event():
    text = ("JAKARTA, March 23 - Mayor Li of Hefei arrived in Jakarta on Saturday for a visit to Indonesia. Today "
            "Li was scheduled to meet the governor of Jakarta in the afternoon.")
    values = {value for value, _ in _dated(_events_of(text, "1987-03-23"))}
    assert "1987-03-23TAF" in values and "1987-03-23" not in values


def test_a_when_clause_right_after_a_date_tells_its_event():
    text = ("Milan knows Wenzhou well, as the story goes back to 2002 when Wenzhou forged a sister city relationship "
            "with Prato.")
    assert "2002" in {value for value, _ in _dated(_events_of(text))}


def test_ties_forged_and_sisterhood_date_an_event():
    assert "1980" in {v for v, _ in _dated(_events_of("Tacloban renewed its partnership with Fukuyama, with which it "
                                                      "forged sisterhood in 1980."))}
    assert "1996" in {v for v, _ in _dated(_events_of("Lyon and Nanjing forged close links in 1996."))}


def test_a_delegation_that_will_be_somewhere_on_dates_visits_then():
    text = "Mayor Jane Smith of Leeds will head the delegation that will be in China from April 25-29."
    assert ("XXXX-04-25/XXXX-04-29", frozenset(("Leeds", "China"))) in _dated(_events_of(text))


def test_a_list_of_names_going_on_after_a_comma_and_and_breaks_no_clause():
    text = ("On November 10, based on full communication and negotiations, Fengdu County, Chongqing, China, and "
            "Guanajuato, Mexico, held an online signing ceremony to establish friendship city relations.")
    events = _events_of(text)
    assert any(v == "XXXX-11-10" and {"Fengdu County", "Guanajuato"} <= set(ps)
               for v, ps in zip(events["value"], events["parties"]))


def test_an_event_of_a_town_council_is_the_towns_too():
    text = ("The two cities have long been partners. Bristol City Council signed a new friendship agreement with "
            "Bordeaux on April 23, 2024. Bristol and Bordeaux have exchanged students for years.")
    assert _dated(_events_of(text)) == {("2024-04-23", frozenset({"Bordeaux", "Bristol", "Bristol City Council"}))}


def test_a_programme_in_place_since_a_year_dates_its_start():
    text = ("Guangzhou and Recife are partners. A mission from Guangzhou visited Recife as part of a cooperation "
            "exchange program that has been in place since 2001 in the areas of commerce and culture.")
    assert _dated(_events_of(text)) == {("2001", frozenset({"Guangzhou", "Recife"}))}


def test_a_range_of_ordinal_days_dates_one_visit_over_the_days():
    text = ("Perth delegation visits Kagoshima. A mayoral delegation from Perth visited Kagoshima from the 2nd to "
            "the 4th of November, to meet city officials.")
    table = events_in_text(text, anchor="2024-12-09")
    assert "2024-11-02/2024-11-04" in set(table["value"])
