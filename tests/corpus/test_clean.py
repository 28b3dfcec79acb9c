"""Boilerplate goes, every sentence of the body stays, and offsets map back to the raw text."""
from __future__ import annotations

import pytest

from coopnews.corpus.clean import clean_text, raw_span
from coopnews.corpus.sentences import SentenceSplitter

WEB_COPY = """English | 中文
Home > News > Business

Biz News

Lyon and Guangzhou Renew Their Sister-City Pact

Lyon and Guangzhou signed a new cooperation agreement on Monday. The two cities will work on smart-city projects.
Mayor Grégory Doucet said the partnership "has never been stronger."

Contact :
Press Office, City of Lyon
press@lyon.example / +33 4 00 00 00 00

From Lyon Daily

Copyright © 2019 Lyon Daily. All rights reserved.
"""

BODY_SENTENCES = [
    "Lyon and Guangzhou signed a new cooperation agreement on Monday.",
    "The two cities will work on smart-city projects.",
    'Mayor Grégory Doucet said the partnership "has never been stronger."',
]


def test_removes_each_kind_of_boilerplate_and_records_it():
    cleaned = clean_text(WEB_COPY)
    kinds = [kind for kind, _ in cleaned.removed]
    assert kinds == ["language switcher", "navigation", "section label", "contact", "contact", "contact",
                     "source line", "footer"]
    assert cleaned.source == "Lyon Daily"
    assert cleaned.title == "Lyon and Guangzhou Renew Their Sister-City Pact"
    for noise in ("中文", "Home >", "Biz News", "Contact", "press@", "From Lyon", "Copyright"):
        assert noise not in cleaned.text


def test_no_body_sentence_is_lost():
    cleaned = clean_text(WEB_COPY)
    for sentence in BODY_SENTENCES:
        assert sentence in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "Chinese companies invested in Lyon.",  # starts like a language switcher
        "News of the agreement spread quickly across Nanjing.",  # starts like a section label
        "From 2019 to 2021 the two cities exchanged 40 delegations.",  # starts like a source line
        "Copyright law was one of the topics of the forum, along with data protection and trade.",
        "Copyright law changed in 2019.",
        "Contact between the two universities began in 1988.",
    ],
)
def test_body_lines_that_look_like_boilerplate_are_kept(line):
    text = f"A Headline About Cooperation\n\nThe forum opened in Paris.\n{line}\nIt closed a day later."
    assert line in clean_text(text).text


def test_dateline_is_removed_from_the_body_and_parsed():
    raw = "NANJING, China, April 3, 2025 /PRNewswire/ -- On March 26, 2025, the conference was held."
    cleaned = clean_text(raw)
    assert cleaned.text == "On March 26, 2025, the conference was held."
    assert cleaned.dateline == ("2025-04-03", "day")
    assert cleaned.removed == [("dateline", "NANJING, China, April 3, 2025 /PRNewswire/ --")]


def test_markdown_heading_becomes_the_title():
    cleaned = clean_text("# Nanjing Tech Week opens\n\nThe week opened on Monday.")
    assert cleaned.title == "Nanjing Tech Week opens"
    assert cleaned.text.startswith("Nanjing Tech Week opens\n\nThe week")


def test_offsets_map_back_to_the_raw_text():
    cleaned = clean_text(WEB_COPY)
    for sentence in BODY_SENTENCES:
        start = cleaned.text.index(sentence)
        raw_start, raw_end = raw_span(cleaned.segments, start, start + len(sentence))
        assert WEB_COPY[raw_start:raw_end] == sentence


def test_sentences_have_offsets_into_the_text():
    cleaned = clean_text(WEB_COPY)
    splitter = SentenceSplitter.for_texts([cleaned.text])
    sentences = [cleaned.text[s:e] for s, e in splitter.spans(cleaned.text)]
    assert sentences[0] == "Lyon and Guangzhou Renew Their Sister-City Pact"  # the title is its own sentence
    assert sentences[1:] == BODY_SENTENCES


def test_abbreviations_do_not_end_sentences():
    text = "Mr. Chen met Dr. Peter of BMW Group Inc. in Paris. They discussed the U.S. market."
    splitter = SentenceSplitter.for_texts([text])
    assert [text[s:e] for s, e in splitter.spans(text)] == [
        "Mr. Chen met Dr. Peter of BMW Group Inc. in Paris.", "They discussed the U.S. market."]


def test_a_councillors_title_does_not_end_a_sentence():
    text = "The Lord Mayor of Cork, Cllr. Ann Doyle, is leading a delegation to Boston. Cr. Lee joins her."
    splitter = SentenceSplitter.for_texts([text])
    assert [text[s:e] for s, e in splitter.spans(text)] == [
        "The Lord Mayor of Cork, Cllr. Ann Doyle, is leading a delegation to Boston.", "Cr. Lee joins her."]


def test_hard_wrapped_wire_copy_is_rejoined_into_paragraphs():
    raw = ("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\n"
           "January and improving prospects for the coming harvest,\nthe company said in its weekly review.\n"
           "    The dry period means the harvest will be late this year.\nArrivals for the week were 155,221 bags\n"
           "of 60 kilos.\n")
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == [
        "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early "
        "January and improving prospects for the coming harvest, the company said in its weekly review.",
        "The dry period means the harvest will be late this year. Arrivals for the week were 155,221 bags of 60 kilos.",
    ]
    start = cleaned.text.index("Bahia cocoa zone")
    raw_start, raw_end = raw_span(cleaned.segments, start, start + len("Bahia cocoa zone"))
    assert raw[raw_start:raw_end] == "Bahia cocoa zone"


def test_a_wire_headline_in_capitals_right_above_its_wrapped_story_stays_its_title():
    raw = ("ACME U.K. SAYS PROSPECTS EXCITING\nAcme Holdings Plc which earlier announced a profit rise of 42 pct\n"
           "over 1985, said its prospects for growth were very exciting and that\nits chains sold more.\n"
           "    The profit figure exceeded a forecast by some 10 pct made during\nthe hostile bid last year.\n")
    cleaned = clean_text(raw)
    assert cleaned.title == "ACME U.K. SAYS PROSPECTS EXCITING"
    assert cleaned.text.split("\n")[:2] == [
        "ACME U.K. SAYS PROSPECTS EXCITING",
        "Acme Holdings Plc which earlier announced a profit rise of 42 pct over 1985, said its prospects for "
        "growth were very exciting and that its chains sold more."]


def test_prose_with_one_paragraph_per_line_keeps_its_line_breaks():
    raw = "Short Headline\n\n" + "\n".join(["This is a full paragraph of an article that runs well past ninety "
                                          "characters before it ends with a period."] * 4)
    assert clean_text(raw).text.count("\n") == 5


def test_a_trail_from_home_ending_in_the_story_title_is_navigation():
    raw = ("Home / Europe / Lyon and Turin trams to share spare parts\n\n"
           "Lyon and Turin trams to share spare parts\n\n"
           "The transport operators of Lyon and Turin signed an agreement on Monday.\n")
    cleaned = clean_text(raw)
    assert [kind for kind, _ in cleaned.removed] == ["navigation"]
    assert cleaned.title == "Lyon and Turin trams to share spare parts"
    assert "Home" not in cleaned.text and "Europe" not in cleaned.text


def test_a_line_broken_inside_a_sentence_runs_on_in_web_copy():
    # web copy: long paragraphs on a line each, a few lines broken inside a sentence; a short heading stays
    long = "The two cities have exchanged students, teachers, artists and officials every year since the charter."
    raw = (f"{long}\nFor many Lyon people, the\nRue de Turin is one of the grander streets of the civic\n"
           f"centre, a broad thoroughfare.\n{long}\nThis year, Lyon marks the 50th anniversary of the twinning "
           f"between Lyon and\nTurin, and a long line of exchange visits.\nTwinning News\n{long}\n{long}\n")
    assert clean_text(raw).text.split("\n") == [
        long, "For many Lyon people, the Rue de Turin is one of the grander streets of the civic centre, a broad "
        "thoroughfare.", long, "This year, Lyon marks the 50th anniversary of the twinning between Lyon and Turin, "
        "and a long line of exchange visits.", "Twinning News", long, long]
