"""Chinese and French time expressions get the English tagger's TIMEX3 values and anchoring rules."""
from coopnews.timeline.timex import extract_timexes


def _values(text, anchor, language):
    table = extract_timexes(text, anchor=anchor, language=language)
    return list(zip(table["text"], table["value"]))


def test_chinese_dates_days_and_ranges_resolve_on_the_publication_date():
    found = _values("今年正值建交60周年，10月22日至25日，代表团访问成都。23日上午，双方签署协议。", "2024-10-26", "zh")
    assert found == [("今年", "2024"), ("10月22日", "2024-10-22"), ("25日", "2024-10-25"), ("23日上午", "2024-10-23TMO")]


def test_chinese_relative_durations_and_sets():
    found = dict(_values("两市自1988年结好，43年来合作不断。3年前、去年5月、上周五、每年、近年来。", "2023-06-18", "zh"))
    assert found == {"1988年": "1988", "43年来": "P43Y", "3年前": "2020", "去年5月": "2022-05", "上周五": "2023-06-09",
                     "每年": "P1Y", "近年来": "PAST_REF"}


def test_chinese_without_publication_date_invents_no_year():
    assert _values("昨天，双方于3月12日签署协议。", None, "zh") == [("昨天", "XXXX-XX-XX"), ("3月12日", "XXXX-03-12")]


def test_french_dates_ranges_and_relative_expressions():
    text = ("Du 28 au 30 octobre, la délégation a visité Chengdu. Mardi dernier, l'an dernier, "
            "depuis 35 ans, il y a dix ans, chaque année, les années 1980.")
    assert _values(text, "2024-11-07", "fr") == [
        ("28", "2024-10-28"), ("30 octobre", "2024-10-30"), ("Mardi dernier", "2024-11-05"), ("l'an dernier", "2023"),
        ("35 ans", "P35Y"), ("il y a dix ans", "2014"), ("chaque année", "P1Y"), ("les années 1980", "198")]


def test_french_clock_times_and_future_clauses():
    found = _values("Publié le 14 novembre 2024 à 18h05. Une délégation est attendue en septembre.", "2024-04-03", "fr")
    assert found == [("14 novembre 2024 à 18h05", "2024-11-14T18:05"), ("septembre", "2024-09")]


def test_french_simple_future_verbs_send_yearless_months_forward():
    found = _values("Une dizaine d'entreprises participeront dès janvier. Le maire rendra visite en mars.", "2023-09-12", "fr")
    assert found == [("janvier", "2024-01"), ("mars", "2024-03")]
