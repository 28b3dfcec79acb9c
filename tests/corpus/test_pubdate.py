"""Publication dates come from datelines and header lines, never from copyright footers or the body."""
from __future__ import annotations

import pytest

from coopnews.corpus.clean import clean_text
from coopnews.corpus.pubdate import match_dateline, match_header_date, parse_date, printed_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("March 26, 2025", ("2025-03-26", "day")),
        ("Mar. 26, 2025", ("2025-03-26", "day")),
        ("26 March 2025", ("2025-03-26", "day")),
        ("2019-03-26 08:23", ("2019-03-26", "day")),
        ("2019/3/6", ("2019-03-06", "day")),
        ("2019年3月26日", ("2019-03-26", "day")),
        ("3 avril 2025", ("2025-04-03", "day")),
        ("June 2021", ("2021-06", "month")),
        ("February 30, 2021", None),
        ("no date here", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("NANJING, China, April 3, 2025 /PRNewswire/ -- On March 26, 2025, the conference", ("2025-04-03", "day")),
        ("PARIS, 3 avril 2025 (AFP) - La ville de Lyon", ("2025-04-03", "day")),
        ("LYON, France, June 24, 2021 -- The forum", ("2021-06-24", "day")),
        ("SALVADOR, Feb 26 - Showers continued", None),  # a dateline without a year gives no date
        ("Taipei, March 10 (CNA) Visiting Guam Governor Lourdes Leon Guerrero signed", None),  # a wire, no dash
    ],
)
def test_datelines(line, expected):
    found = match_dateline(line)
    assert found is not None
    assert found[0] == expected


@pytest.mark.parametrize(
    "line",
    ["On March 26, 2025, the conference was held in Nanjing.", "Paris, March 3, 2025 - the mayor said",
     "Nanjing is becoming a hub for international collaboration."],
)
def test_body_sentences_are_not_datelines(line):
    assert match_dateline(line) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Updated: 2019-03-26 08:23", ("2019-03-26", "day")),
        ("Published on March 3, 2020", ("2020-03-03", "day")),
        ("2019-03-26 08:23", ("2019-03-26", "day")),
        ("By Li Wei | March 5, 2021", ("2021-03-05", "day")),
        ("发布时间：2019年3月26日", ("2019-03-26", "day")),
        ("Copyright © 2018, CCPIT Nanjing Sub-Council. All rights reserved.", None),
        ("The forum was held on 24 June 2021 in Nanjing.", None),
    ],
)
def test_header_lines(line, expected):
    assert match_header_date(line) == expected


def test_header_line_is_removed_and_becomes_the_date():
    cleaned = clean_text("Nanjing opens a French bank branch\nUpdated: 2019-03-26 08:23\n\nThe branch opened on Monday.")
    assert cleaned.header_date == ("2019-03-26", "day")
    assert "Updated" not in cleaned.text
    assert ("header", "Updated: 2019-03-26 08:23") in cleaned.removed


# Printed shapes of a page's own date (lines written for these tests, in the shapes news pages print).
PRINTED = {
    "labelled timestamp": ("Updated: 2022-07-14 16:05", "2022-07-14", "timestamp", "2022-07-14 16:05"),
    "source and timestamp": ("Source: Harbour Times | Updated: 2022-07-14 16:05", "2022-07-14", "timestamp",
                             "2022-07-14 16:05"),
    "clock time first": ("08:17, October 2, 2023", "2023-10-02", "timestamp", "08:17, October 2, 2023"),
    "agency and clock time": ("(Agency) 08:17, October 2, 2023", "2023-10-02", "timestamp", "08:17, October 2, 2023"),
    "byline with a bar": ("By Ana Costa | October 2, 2023", "2023-10-02", "byline", "October 2, 2023"),
    "byline, outlet, timestamp": ("By Ana Costa | portnews.example | Updated: 2023-10-02 08:17", "2023-10-02",
                                  "byline", "2023-10-02 08:17"),
    "byline with a comma": ("By Ana Costa, October 2, 2023", "2023-10-02", "byline", "October 2, 2023"),
    "byline with on and a time": ("By Ana Costa on Oct. 2, 2023 8:17 am", "2023-10-02", "byline",
                                  "Oct. 2, 2023 8:17 am"),
    "weekday and date": ("Monday, October 2, 2023", "2023-10-02", "timestamp", "Monday, October 2, 2023"),
    "day first": ("Published on 02 October 2023", "2023-10-02", "timestamp", "02 October 2023"),
    "outlet and bare timestamp": ("Harbour Times | 2023-10-02 08:17:44", "2023-10-02", "timestamp",
                                  "2023-10-02 08:17:44"),
    "date and clock time apart": ("October 2, 2023 | 8:17 AM", "2023-10-02", "timestamp", "October 2, 2023"),
    "source and label without bars": ("Source:Harbour Times Updated:2023-10-02 08:17", "2023-10-02", "timestamp",
                                      "2023-10-02 08:17"),
    "time zone": ("Last modified: 2023-10-02 08:17 (GMT+8)", "2023-10-02", "timestamp", "2023-10-02 08:17 (GMT+8)"),
}


@pytest.mark.parametrize("line, date, source, evidence", PRINTED.values(), ids=PRINTED.keys())
def test_printed_dates_of_the_page(line, date, source, evidence):
    found = printed_date(line)
    assert (found.date, found.source, line[found.start:found.end]) == (date, source, evidence)


@pytest.mark.parametrize("line", [
    "By March 2023, the two ports had signed twelve deals.",
    "On October 2, 2023, the mayors met in Porto.",
    "October 2, 2023 - The mayor of Porto said the deal was signed.",
    "Copyright © 2023 Harbour Times. All rights reserved.",
    "Porto, October 2, 2023",
])
def test_body_lines_and_copyright_give_no_page_date(line):
    assert printed_date(line) is None


def test_page_date_comes_with_its_source_and_evidence():
    raw = ("Two ports sign a pact\nBy Ana Costa | Updated: 2023-10-02 08:17\n\n"
           "The ports of Porto and Genoa signed a pact on September 28, 2023.")
    cleaned = clean_text(raw)
    assert cleaned.header_date == ("2023-10-02", "day") and cleaned.header_source == "byline"
    assert raw[slice(*cleaned.header_span)] == "2023-10-02 08:17"
    assert "Ana Costa" not in cleaned.text


def test_a_date_in_the_body_is_never_the_page_date():
    cleaned = clean_text("Two ports sign a pact\n\nThe ports signed a pact on September 28, 2023, in Porto.\n"
                         "The deal was announced on the next day.")
    assert cleaned.header_date is None and cleaned.dateline is None


def test_a_dated_dateline_under_the_headline_is_read_and_kept():
    raw = "Two ports sign a pact\nPORTO, Oct. 2, 2023 (Agency) - The ports of Porto and Genoa signed a pact."
    cleaned = clean_text(raw)
    assert cleaned.dateline == ("2023-10-02", "day") and raw[slice(*cleaned.dateline_span)] == "Oct. 2, 2023"
    assert "Oct. 2, 2023" in cleaned.text
