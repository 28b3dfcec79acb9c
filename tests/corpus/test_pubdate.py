"""Publication dates come from datelines and header lines, never from copyright footers or the body."""
from __future__ import annotations

import pytest

from coopnews.corpus.clean import clean_text
from coopnews.corpus.pubdate import match_dateline, match_header_date, parse_date


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
