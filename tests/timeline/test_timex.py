"""The TIMEX3 tagger on news-style expressions: extent, type and value, with and without an anchor date."""
import pandas as pd
import pytest

from coopnews.timeline.timex import TIMEX_COLUMNS, extract_timexes, extract_timexes_many, timex_rows
from coopnews.timeline.timex.grammar import RULES_BY_FIRST_WORD, TOKEN
from coopnews.timeline.timex.scanner import RULE_MATCHERS

CASES = [
    # sentence, anchor, expected (text, type, value) of the expressions, in order
    ("On March 26, 2025, the conference was held.", None, [("March 26, 2025", "DATE", "2025-03-26")]),
    ("On 24 June, the forum was held in Nanjing.", None, [("24 June", "DATE", "XXXX-06-24")]),
    ("On 24 June, the forum was held in Nanjing.", "2021-07-01", [("24 June", "DATE", "2021-06-24")]),
    ("The fair ran Nov. 6th to 7th.", "2024-12-01", [("Nov. 6th", "DATE", "2024-11-06"), ("7th", "DATE", "2024-11-07")]),
    ("He arrived on June 23th.", "2019-07-02", [("June 23th", "DATE", "2019-06-23")]),
    ("From November 16 to 18, the mayor visited France.", "2019-11-20",
     [("November 16", "DATE", "2019-11-16"), ("18", "DATE", "2019-11-18")]),
    # a year after a range of days dates both days, whatever the anchor; "3 to 5 November 2014" is two dates
    ("The consul visited Cebu and Davao on Nov 3-5, 2014.", None,
     [("Nov 3", "DATE", "2014-11-03"), ("5, 2014", "DATE", "2014-11-05")]),
    ("The mission ran from September 13-22, 2009.", "2010-01-15",
     [("September 13", "DATE", "2009-09-13"), ("22, 2009", "DATE", "2009-09-22")]),
    ("The delegation stayed from 3 to 5 November 2014.", None,
     [("3", "DATE", "2014-11-03"), ("5 November 2014", "DATE", "2014-11-05")]),
    ("In the period 1921-1946 the institute trained students.", None, [("1921", "DATE", "1921"), ("1946", "DATE", "1946")]),
    ("Sales grew from 2019 to 2021.", None, [("2019", "DATE", "2019"), ("2021", "DATE", "2021")]),
    ("The office opened last year.", "2018-11-10", [("last year", "DATE", "2017")]),
    ("The office opened last year.", None, [("last year", "DATE", "XXXX")]),
    ("This year the forum focused on trade.", "2021-06-30", [("This year", "DATE", "2021")]),
    ("The park will open next month.", "2025-12-15", [("next month", "DATE", "2026-01")]),
    ("The minister arrived Monday.", "2025-04-03", [("Monday", "DATE", "2025-03-31")]),
    ("The minister will arrive Monday.", "2025-04-03", [("Monday", "DATE", "2025-04-07")]),
    ("The minister will arrive Monday.", None, [("Monday", "DATE", "XXXX-WXX-1")]),
    # the verb right before the expression sets its direction, not a 'will' in the next clause
    ("Conable arrived here on Saturday and will hold talks with ministers.", "1987-04-06",
     [("Saturday", "DATE", "1987-04-04")]),
    ("The accord will be signed on Saturday.", "1987-04-06", [("Saturday", "DATE", "1987-04-11")]),
    ("The delegation arrived in Osaka on Monday for the forum, scheduled for next week.", "2023-10-14",
     [("Monday", "DATE", "2023-10-09"), ("next week", "DATE", "2023-W42")]),
    # wire copy puts the past verb after the day: it governs, not the noun "a plan to" further on
    ("Addis Ababa and Khartoum on Tuesday launched a plan to boost ties.", "2012-02-22",
     [("Tuesday", "DATE", "2012-02-21")]),
    ("The mayor will on Friday sign the accord.", "2012-02-22", [("Friday", "DATE", "2012-02-24")]),
    ("Over the past three years, investment rose.", "2025-01-01", [("the past three years", "DURATION", "P3Y")]),
    ("The talks lasted two days.", None, [("two days", "DURATION", "P2D")]),
    ("a 10-year plan", None, [("10-year", "DURATION", "P10Y")]),
    ("He waited 2 1/2 hours.", None, [("2 1/2 hours", "DURATION", "PT2H30M")]),
    ("Trade peaked in the 1990s.", None, [("the 1990s", "DATE", "199")]),
    ("They have been sister cities since the 1970’s.", None, [("the 1970’s", "DATE", "197")]),
    ("The two governors signed the plan on the 30th of last month.", "2024-05-10",
     [("the 30th of last month", "DATE", "2024-04-30")]),
    ("A delegation will visit on the 12th of next month.", None, [("the 12th of next month", "DATE", "XXXX-XX-12")]),
    ("It grew out of a pen-pal link started in the 1960′s.", None, [("the 1960′s", "DATE", "196")]),
    ("The MoU was signed on 16-01-2018 at New Delhi.", None, [("16-01-2018", "DATE", "2018-01-16")]),
    ("The protocol was signed on February, 26, 1996.", None, [("February, 26, 1996", "DATE", "1996-02-26")]),
    ("In February, 26 cities signed.", "2017-03-01", [("February", "DATE", "2017-02")]),
    ("Twinned in the 1960's, they met at Monday's fair.", "2020-03-04",
     [("the 1960's", "DATE", "196"), ("Monday", "DATE", "2020-03-02")]),
    ("Profits fell in the first quarter of 2013.", None, [("the first quarter of 2013", "DATE", "2013-Q1")]),
    ("Profits fell in the third quarter.", "2013-11-02", [("the third quarter", "DATE", "2013-Q3")]),
    ("The plant opens in spring 2026.", None, [("spring 2026", "DATE", "2026-SP")]),
    ("It was built in the summer.", "2020-10-01", [("the summer", "DATE", "2020-SU")]),
    ("Exports rose in March.", "2025-04-03", [("March", "DATE", "2025-03")]),
    ("Exports will rise in December.", "2025-04-03", [("December", "DATE", "2025-12")]),
    ("Exports rose in December.", "2025-04-03", [("December", "DATE", "2024-12")]),
    ("Exports rose in December.", None, [("December", "DATE", "XXXX-12")]),
    ("Talks resumed in March 2024.", None, [("March 2024", "DATE", "2024-03")]),
    ("The blast came at 10:35 a.m. Friday.", "1998-08-08", [("10:35 a.m. Friday", "TIME", "1998-08-07T10:35")]),
    ("The ferry sails daily.", None, [("daily", "SET", "P1D")]),
    ("The board meets every Monday.", None, [("every Monday", "SET", "XXXX-WXX-1")]),
    ("Prices are now higher.", "2020-01-01", [("now", "DATE", "PRESENT_REF")]),
    ("The deal was signed two years ago.", "2020-05-05", [("two years ago", "DATE", "2018")]),
    ("The deal was signed yesterday.", "2020-05-05", [("yesterday", "DATE", "2020-05-04")]),
    ("It happened in the 20th century.", None, [("the 20th century", "DATE", "19")]),
    ("It may rain.", None, []),
    ("The company has 1500 workers and a 6-year-old founder said it.", "2020-01-01", []),
    ("Invest in the Future was its theme.", None, [("the Future", "DATE", "FUTURE_REF")]),
    # a capitalised "Today" after a dateline's dash opens the sentence; it is no name
    ("LEEDS - Today the mayors signed the pact.", "2015-11-27", [("Today", "DATE", "2015-11-27")]),
    ("VOA Today aired the signing.", "2015-11-27", []),
]


@pytest.mark.parametrize("text, anchor, expected", CASES)
def test_expressions(text, anchor, expected):
    table = extract_timexes(text, anchor=anchor)
    assert list(zip(table["text"], table["type"], table["value"])) == expected


def test_offsets_slice_the_text():
    text = "The forum opened on 24 June 2021 and closed two days later, on Friday."
    table = extract_timexes(text, anchor="2021-06-30")
    assert list(table.columns) == list(TIMEX_COLUMNS)
    assert all(text[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))


def test_empty_text_gives_empty_table():
    table = extract_timexes("", anchor=None)
    assert isinstance(table, pd.DataFrame) and table.empty and list(table.columns) == list(TIMEX_COLUMNS)


def test_bad_anchor_is_a_clear_error():
    with pytest.raises(ValueError, match="not an ISO date"):
        extract_timexes("last year", anchor="yesterday")


MORE_CASES = [
    ("SALES ROSE IN THE FIRST QUARTER OF 1987.", None, [("THE FIRST QUARTER OF 1987", "DATE", "1987-Q1")]),
    ("THE PLANT CLOSED THREE YEARS AGO.", "2020-05-05", [("THREE YEARS AGO", "DATE", "2017")]),
    ("Output fell in mid-December.", "1987-03-01", [("mid-December", "DATE", "1986-12")]),
    ("Profit rose in FY 1987 and in Q3.", "1987-11-01", [("FY 1987", "DATE", "1987"), ("Q3", "DATE", "1987-Q3")]),
    # lowercasing "İ" adds a character and "ſ" (long s) stays unfolded: offsets and matches must not change
    ("The forum in İstanbul opened on March 26, 2025.", None, [("March 26, 2025", "DATE", "2025-03-26")]),
    ("It lasted ſeveral weeks from 3 May.", None, [("ſeveral weeks", "DURATION", "PXW"), ("3 May", "DATE", "XXXX-05-03")]),
    # a schedule line: the day before a colon is a date, not the hour of a clock time
    ("Saturday, April 12: the mayor opens the fair.", "2025-04-18", [("Saturday, April 12", "DATE", "2025-04-12")]),
    # a range of ordinal days: the first day takes the month (and year) of the last
    ("The mayor stayed in Kobe from the 2nd to the 4th of November.", "2024-12-09",
     [("2nd", "DATE", "2024-11-02"), ("the 4th of November", "DATE", "2024-11-04")]),
]


@pytest.mark.parametrize("text, anchor, expected", MORE_CASES)
def test_more_expressions(text, anchor, expected):
    table = extract_timexes(text, anchor=anchor)
    assert list(zip(table["text"], table["type"], table["value"])) == expected
    assert all(text[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))


# One case per error class found on real news (sentences written for these tests): the expected values follow
# ../shared/ANNOTATION.md.
ERROR_CLASSES = {
    "no publication date: a weekday stays an unknown day": (
        "The envoy arrived on Tuesday afternoon and left on Friday.", None,
        [("Tuesday afternoon", "TIME", "XXXX-WXX-2TAF"), ("Friday", "DATE", "XXXX-WXX-5")]),
    "no publication date: relative periods stay X at their unit": (
        "Talks began last week, three months ago the plan was drafted, and it ends next month.", None,
        [("last week", "DATE", "XXXX-WXX"), ("three months ago", "DATE", "XXXX-XX"), ("next month", "DATE", "XXXX-XX")]),
    "no publication date: today is an unknown day": (
        "The mayor said the square was crowded today.", None, [("today", "DATE", "XXXX-XX-XX")]),
    "recent years is the recent past": (
        "In recent years the two ports have traded more.", "2019-05-01", [("recent years", "DATE", "PAST_REF")]),
    "the past decade is one decade, a century one century": (
        "Over the past decade the town grew; the bridge has stood for a century.", "2019-05-01",
        [("the past decade", "DURATION", "P1DE"), ("a century", "DURATION", "P1CE")]),
    "so many decades ago is a decade": (
        "The two cities were twinned three decades ago.", "2021-06-01", [("three decades ago", "DATE", "199")]),
    "newspaper names are not sets": (
        "The report was carried by Business Daily and the Weekly Post on Monday.", "2020-03-04",
        [("Monday", "DATE", "2020-03-02")]),
    "the adjective future is not tagged, the noun is": (
        "Future cooperation was discussed, and the future of the port was in doubt.", None,
        [("the future", "DATE", "FUTURE_REF")]),
    "soon, but not as soon as": (
        "The bridge will reopen soon, as soon as repairs end.", "2020-01-01", [("soon", "DATE", "FUTURE_REF")]),
    "at present": ("At present the ferry runs twice.", None, [("present", "DATE", "PRESENT_REF")]),
    "holidays": (
        "Shops were full before Christmas, and over the Christmas period sales rose until Boxing Day.", None,
        [("Christmas", "DATE", "XXXX-12-25"), ("the Christmas period", "DATE", "XXXX-12"),
         ("Boxing Day", "DATE", "XXXX-12-26")]),
    "four-digit clock times with a time zone": (
        "Polls close at 2200 GMT; coverage runs from 1930 to 2330 GMT.", None,
        [("2200 GMT", "TIME", "XXXX-XX-XXT22:00"), ("1930", "TIME", "XXXX-XX-XXT19:30"),
         ("2330 GMT", "TIME", "XXXX-XX-XXT23:30")]),
    "parts of day": (
        "The delegation landed on the afternoon of May 5 and dined in the evening.", "2022-05-09",
        [("the afternoon of May 5", "TIME", "2022-05-05TAF"), ("the evening", "TIME", "2022-05-09TEV")]),
    "rates: a unit after a quantity, per unit": (
        "The plant makes 40,000 engines a year and 300 tonnes per day.", None,
        [("a year", "SET", "P1Y"), ("per day", "SET", "P1D")]),
    "sets of parts of day and weekends": (
        "Ferries leave every morning and at the weekends.", None,
        [("every morning", "SET", "XXXX-XX-XXTMO"), ("the weekends", "SET", "XXXX-WXX-WE")]),
    "a dateline a day after the publication date is the same year": (
        "OSLO, June 4 - The two ports signed a pact.", "1999-06-03", [("June 4", "DATE", "1999-06-04")]),
    "a day written in words": (
        "The offer is open until April Nine.", "1988-03-20", [("April Nine", "DATE", "1988-04-09")]),
    "quantity modifiers stay in the extent": (
        "The dispute has lasted for more than 40 years.", None, [("more than 40 years", "DURATION", "P40Y")]),
    "a couple of, a further unit": (
        "Sales fell in the last couple of weeks; the pact runs for a further year.", None,
        [("the last couple of weeks", "DURATION", "P2W"), ("a further year", "DURATION", "P1Y")]),
    "no preposition in the extent; end-year": (
        "The line should open by the end of June, after losses at end-1998.", "1999-01-10",
        [("the end of June", "DATE", "1999-06"), ("end-1998", "DATE", "1998")]),
    "the fall of a currency and the past two votes are not times": (
        "Traders watched the fall of the peso; the past two votes were close.", None, []),
    "results of a quarter that has not begun belong to last year": (
        "The firm expects to report a loss for the fourth quarter.", "1990-02-10",
        [("the fourth quarter", "DATE", "1989-Q4")]),
    "of a year belongs to the duration; the full year": (
        "It lost money in the first nine months of 1995 and in the full year 1995.", None,
        [("the first nine months of 1995", "DURATION", "P9M"), ("the full year 1995", "DATE", "1995")]),
    "vague spans before away": ("A deal may still be weeks away.", None, [("weeks", "DURATION", "PXW")]),
    "timestamp lines keep their clock time": (
        "Updated: 2022-07-14 16:05", None, [("2022-07-14 16:05", "TIME", "2022-07-14T16:05")]),
    "a clock time before the date": (
        "(Agency) 08:17, October 2, 2023", None, [("08:17, October 2, 2023", "TIME", "2023-10-02T08:17")]),
    "a year earlier in the sentence anchors a yearless date": (
        "At the Harbour Expo 2019 in Genoa, the ports signed a pact on June 12.", None,
        [("2019", "DATE", "2019"), ("June 12", "DATE", "2019-06-12")]),
    "so many years later counts from the year just mentioned": (
        "The towns first met in 1994. Six years later they were twinned.", "2020-01-01",
        [("1994", "DATE", "1994"), ("Six years later", "DATE", "2000")]),
    "a quantity modifier keeps an ago date a date": (
        "The treaty was signed more than 30 years ago.", "2020-03-01", [("more than 30 years ago", "DATE", "1990")]),
    "the X00s is a century; the decade ahead a span": (
        "Trade grew from the 1700s, and will grow in the decade ahead.", None,
        [("the 1700s", "DATE", "17"), ("the decade ahead", "DURATION", "P1DE")]),
    "titles and modifiers are not times": (
        "She appeared on Channel 5's This Morning to discuss pre-Christmas trade and Christmas shoppers.", None, []),
    "next month in a clause read as past stays this year": (
        "The minister said the licence expires in May.", "1990-04-20", [("May", "DATE", "1990-05")]),
    "what a past verb invites or agrees to do lies ahead": (
        "The director invited the mayor to open the fair in Porto on October 16.", "1987-04-02",
        [("October 16", "DATE", "1987-10-16")]),
    "... however far the date comes after the verb": (
        "She said he invited the regional governor to give the opening speech at the International Day of "
        "Cities in Lisbon October 16.", "1987-04-02", [("October 16", "DATE", "1987-10-16")]),
    "... but a date of the agreeing itself is past": (
        "They agreed on March 3 to cut output.", "1987-04-02", [("March 3", "DATE", "1987-03-03")]),
    "up to today is the present": (
        "Such fears have lasted up to today, the historian said.", None, [("today", "DATE", "PRESENT_REF")]),
    "an ordinal year is no amount of time": ("The line should profit in its first year of service.", None, []),
    "a future main clause far before a clause of 'when' sends its yearless date forward": (
        "The council will celebrate the anniversary of the twinning once our friends from Brittany come to stay with "
        "us from 15 to 18 September.", "2023-05-22", [("15", "DATE", "2023-09-15"), ("18 September", "DATE", "2023-09-18")]),
    "a visit scheduled in a month lies ahead; one that was scheduled on a day is past": (
        "The governor's visit to India, scheduled in September, is expected to bring investment. The first call "
        "was scheduled on Monday.", "2019-07-24",
        [("September", "DATE", "2019-09"), ("Monday", "DATE", "2019-07-22")]),
    "a month 'of that year' takes the year the text last named": (
        "The twinning was formed in 1930. In May of that year, the mayor visited Wiesbaden; on 3 June of the same "
        "year he returned.", "2024-01-10",
        [("1930", "DATE", "1930"), ("May of that year", "DATE", "1930-05"),
         ("3 June of the same year", "DATE", "1930-06-03")]),
    "no preposition before a clock time; the weekday apart": (
        "Voting ends before 1900 GMT on Sunday.", None,
        [("1900 GMT", "TIME", "XXXX-XX-XXT19:00"), ("Sunday", "DATE", "XXXX-WXX-7")]),
}


@pytest.mark.parametrize("text, anchor, expected", ERROR_CLASSES.values(), ids=ERROR_CLASSES.keys())
def test_error_classes_of_real_news(text, anchor, expected):
    table = extract_timexes(text, anchor=anchor)
    assert list(zip(table["text"], table["type"], table["value"])) == expected
    assert all(text[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))


def test_table_is_what_pandas_builds_from_lists():
    text = "The talks lasted two days and ended on Friday, June 24, 2021."
    table = extract_timexes(text, anchor="2021-06-30")
    expected = pd.DataFrame({name: table[name].tolist() for name in TIMEX_COLUMNS})
    pd.testing.assert_frame_equal(table, expected)


def test_batch_equals_one_call_per_text():
    texts = [case[0] for case in CASES + MORE_CASES]
    anchors = [case[1] for case in CASES + MORE_CASES]
    many = extract_timexes_many(texts, anchors=anchors)
    assert list(many.columns) == ["doc", *TIMEX_COLUMNS]
    singles = [extract_timexes(t, anchor=a).assign(doc=i) for i, (t, a) in enumerate(zip(texts, anchors))]
    expected = pd.concat(singles, ignore_index=True)[["doc", *TIMEX_COLUMNS]]
    pd.testing.assert_frame_equal(many, expected)
    with pytest.raises(ValueError, match="one anchor"):
        extract_timexes_many(["a", "b"], anchors=["2020-01-01"])


def test_each_word_tries_every_rule_that_can_match_there():
    """The scanner tries at a word only the rules RULES_BY_FIRST_WORD lists for it: none that matches is left out."""
    texts = [case[0] for case in CASES + MORE_CASES] + [
        "Late last year, early next month, the past year, the year-end, the end of the year, this past Monday, "
        "every other week, twice a week, the 20th century, the nineties, half an hour, a few days, several weeks, "
        "each of the past three years, at noon, tonight, yesterday morning, this spring, fiscal 1988, the year "
        "earlier quarter, more than two years, nearly a decade, the coming weeks, in the near future, currently."]
    missing = []
    for text in texts:
        for token in TOKEN.finditer(text):
            word = token.group().lower()
            if word not in RULES_BY_FIRST_WORD:
                continue
            for i, (name, rx, _) in enumerate(RULE_MATCHERS):
                m = rx.match(text, token.start())
                if m and m.end() > token.start() and i not in RULES_BY_FIRST_WORD[word]:
                    missing.append((word, name, m.group()))
    assert missing == []


def test_timex_rows_are_the_table_rows_as_tuples():
    text = "On 24 June 2021 Lyon and Guangzhou signed a pact; talks began last March and end in 2025-Q3."
    rows = timex_rows(text, anchor="2021-06-25")
    assert rows == list(extract_timexes(text, anchor="2021-06-25").itertuples(index=False, name=None))
    assert ("24 June 2021", "2021-06-24") in {(r[2], r[4]) for r in rows}


@pytest.mark.parametrize("text, anchor, expected", [
    # a weekday and an ordinal day with no month: that day of a month near the anchor falling on that weekday
    ("The ceremonies began on Saturday 4th with the signing.", "2011-06-14", ("Saturday 4th", "2011-06-04")),
    ("They met on Monday, the 13th.", "2011-06-14", ("Monday, the 13th", "2011-06-13")),
    ("The ceremonies began on Saturday 4th.", None, ("Saturday 4th", "XXXX-XX-04")),
])
def test_a_weekday_and_an_ordinal_day(text, anchor, expected):
    found = extract_timexes(text, anchor=anchor)
    assert list(zip(found["text"], found["value"])) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The delegation met on June, 17th.", [("June, 17th", "2019-06-17")]),
    ("In June, 17 people joined the exchange.", [("June", "2019-06")]),  # a count after the comma, no day
])
def test_a_comma_between_a_month_and_its_ordinal_day(text, expected):
    assert [tuple(r) for r in extract_timexes(text, anchor="2019-06-20")[["text", "value"]].values] == expected


@pytest.mark.parametrize("text, anchor, value", [
    # a slashed date is read day first or month first by what the text shows: a number above 12, the weekday
    # beside it, the document's other slashed dates, the publication date nearby; else month first
    ("The pact was signed on 25/05/2017.", None, "2017-05-25"),
    ("The pact was signed on 05/25/2017.", None, "2017-05-25"),
    ("The governors met in Bandung, Sunday (06/05/2018) night.", None, "2018-05-06"),
    ("The governors met in Bandung, Wednesday (06/05/2018) night.", None, "2018-06-05"),
    ("The pact was signed on 06/05/2018 and ratified on 20/06/2018.", None, "2018-05-06"),
    ("The pact was signed on 06/05/2018.", "2018-05-09", "2018-05-06"),
    ("The pact was signed on 06/05/2018.", "2018-06-08", "2018-06-05"),
    ("The pact was signed on 06/05/2018.", None, "2018-06-05"),
])
def test_a_slashed_date_is_read_in_the_order_the_text_shows(text, anchor, value):
    table = extract_timexes(text, anchor=anchor)
    assert table.loc[table["text"].str.contains("/"), "value"].tolist()[0] == value


@pytest.mark.parametrize("text, anchor, values", [
    # "on the 21st": a day of the month the story last named with a day, else of the publication date's month
    ("On the 22nd, Gwangju announced that it signed an agreement with Qingdao at City Hall on the 21st.", None,
     ["XXXX-XX-22", "XXXX-XX-21"]),
    ("On the 22nd, Gwangju announced that it signed an agreement with Qingdao at City Hall on the 21st.", "2023-03-23",
     ["2023-03-22", "2023-03-21"]),
    ("The delegation arrived on the 28th.", "2023-03-05", ["2023-02-28"]),
    ("The delegation visited from July 26 to 29. The MoU, signed at the event on the 27th, deepens ties.", "2018-09-04",
     ["2018-07-26", "2018-07-29", "2018-07-27"]),
    # an ordinal that ranks or counts dates nothing
    ("They marked it on the 30th anniversary.", "2023-03-05", []),
    ("It was the 21st, and rain fell.", None, []),
])
def test_a_day_of_the_month_alone(text, anchor, values):
    assert extract_timexes(text, anchor=anchor)["value"].tolist() == values


def test_weekdays_after_a_date_with_its_weekday_follow_it():
    # a delegation's report tells its days in order: "On Saturday, November 4 ... On Sunday ... On Monday"
    text = ("On Saturday, November 4, the delegation attended the opening of the farm. On Sunday, the delegation "
            "attended the expo. On Monday, the governor met the commerce department. On Wednesday, he signed a "
            "memorandum.")
    found = dict(zip(extract_timexes(text, anchor="2017-11-14")["text"],
                     extract_timexes(text, anchor="2017-11-14")["value"]))
    assert (found["Saturday, November 4"], found["Sunday"], found["Monday"], found["Wednesday"]) == \
        ("2017-11-04", "2017-11-05", "2017-11-06", "2017-11-08")
    # a date without its weekday does not set the days of a later weekday, which the publication date does
    text = "The deal was signed on March 3. On Monday, the two companies announced a joint venture."
    assert extract_timexes(text, anchor="2017-03-22").set_index("text").loc["Monday", "value"] == "2017-03-20"


def test_a_month_told_in_the_present_of_a_programme_is_the_nearest_one():
    # published in June: "the August visit coincides with ..." is this August, not last year's
    text = "The August visit coincides with the town's annual festival. The wheat season begins June 1."
    found = extract_timexes(text, anchor="2018-06-13").set_index("text")["value"]
    assert (found["August"], found["June 1"]) == ("2018-08", "2018-06-01")
    # a quarter's accounts in the present stay the past quarter
    assert extract_timexes("Net includes tax credits of 5 mln dlrs in the quarter.",
                           anchor="1987-03-02")["value"].tolist() == ["1986-Q4"]


def test_overnight_in_a_past_clause_is_the_night_before_publication():
    text = "The two mayors signed the agreement at a ceremony at City Hall overnight."
    assert extract_timexes(text, anchor="2016-07-19")["value"].tolist() == ["2016-07-18TNI"]
    assert extract_timexes("The mayors will sign the agreement overnight.",
                           anchor="2016-07-19")["value"].tolist() == ["2016-07-19TNI"]


def test_the_year_of_a_plans_name_is_no_date():
    for text in ("The city joined Horizon 2020 and the Made in China 2025 strategy.",
                 "Saudi Vision 2030 guides the plan.",
                 "The 2030 Agenda for Sustainable Development was adopted by both cities.",
                 "The line serves the Kuala Lumpur Structure Plan 2040."):
        assert extract_timexes(text, anchor="2021-06-13").empty, text
    # a year the text gives as a time stays one
    assert extract_timexes("The vision for 2030 is clear.", anchor="2021-06-13")["value"].tolist() == ["2030"]


def test_the_year_inside_a_documents_number_is_no_date():
    for text in ("The city follows Resolution No. 98/2023/QH15 on special policies.",
                 "Decree 15/2019/ND-CP sets the rules for the zone."):
        assert extract_timexes(text, anchor="2023-09-13").empty, text
    assert extract_timexes("The plan runs 2019/2020.", anchor="2023-09-13")["value"].tolist()[0] == "2019"
    for text in ("The title was created by municipal law 4,740/1973 and honours cities.",
                 "Decree No. 112/2008 sets the rules."):  # a law's number
        assert extract_timexes(text, anchor="2023-09-13").empty, text


def test_a_weekday_in_brackets_after_a_date_is_part_of_it():
    found = extract_timexes("On May 3 (Friday) and 4 (Saturday), 2019, the forum met in Lyon.", anchor="2019-12-30")
    assert found[["text", "value"]].values.tolist() == [["May 3 (Friday)", "2019-05-03"],
                                                        ["4 (Saturday), 2019", "2019-05-04"]]
    found = extract_timexes("The talks were held on May 3 (Fri), 2019.", anchor="2019-12-30")
    assert found[["text", "value"]].values.tolist() == [["May 3 (Fri), 2019", "2019-05-03"]]


def test_a_passive_to_be_before_a_month_points_ahead_not_back():
    # "to be signed in January": no past verb governs the month (the place after "in" must be capitalised)
    text = "The deal between Prague and Taipei is scheduled to be signed in January."
    assert extract_timexes(text, anchor="2019-12-12")["value"].tolist() == ["2020-01"]
    assert extract_timexes("The mayor flew to New York in March.", anchor="2019-12-12")["value"].tolist() == ["2019-03"]


def test_a_month_of_last_year_is_one_expression_in_that_year():
    found = extract_timexes("Xi Jinping came back to Muscatine in February of last year.", anchor="2013-06-20")
    assert found[["text", "value"]].values.tolist() == [["February of last year", "2012-02"]]
    found = extract_timexes("The office opened in March of this year.", anchor="1997-10-09")
    assert found[["text", "value"]].values.tolist() == [["March of this year", "1997-03"]]


def test_an_abbreviated_month_closed_up_to_its_year_is_that_month():
    found = extract_timexes("In Nov.2001, the vice chairman visited Bordeaux.", anchor="2005-03-01")
    assert found[["text", "value"]].values.tolist() == [["Nov.2001", "2001-11"]]


def test_a_day_closed_up_to_its_month_is_that_day():
    found = extract_timexes("He visited Marseille on 22July 2016, where he met the mayor.", anchor="2017-05-01")
    assert found[["text", "value"]].values.tolist() == [["22July 2016", "2016-07-22"]]
