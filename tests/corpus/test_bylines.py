"""Publication dates printed by Chinese and French pages are read; dates of body sentences never are."""
import pytest

from coopnews.corpus.pubdate import match_dateline, match_header_date


@pytest.mark.parametrize("line, expected", [
    ("发布时间：2024-10-22 10:30　来源：南京日报", "2024-10-22"),
    ("发布时间:2023-06-14阅读数:130", "2023-06-14"),
    ("2024年03月22日来源:中国江苏网", "2024-03-22"),
    ("来源：新华网 | 2024-10-22", "2024-10-22"),
    ("发表于 2014-6-13 11:23:50 | 只看该作者", "2014-06-13"),
    ("Publié le mardi 22 octobre 2024 à 10h30", "2024-10-22"),
    ("Mis à jour le 10/03/2020", "2020-03-10"),
    ("31 mai 2019 à 9h38 par Rédaction", "2019-05-31"),
    ("Par Jean Dupont, le 22 oct. 2024 à 10:30", "2024-10-22"),
    ("17.09.2013 à 16h32", "2013-09-17"),
    ("Par Jean Dupont - Publié le 3 juin 2024 à 17h40", "2024-06-03"),
    ("Ouest-Armor | Mis à jour le 22/03/2024 à 11h15", "2024-03-22"),
    # shapes French news sites print
    ("Publié le : 05/02/2025", "2025-02-05"),
    ("Par Claire Martin le 14 février 2025 à 08h15", "2025-02-14"),
    ("Mis en ligne le 7 avril 2023 à 12:04", "2023-04-07"),
    ("Créé le 3 mai 2022, modifié le 4 mai 2022", "2022-05-03"),
    ("Le 12 mars 2024 à 10h30", "2024-03-12"),
    ("12 mars 2024 - 10h30", "2024-03-12"),
    ("Mardi 12 mars 2024, 10:30", "2024-03-12"),
    # an outlet and only a date; a second labelled stamp after a bar; a press release's place and date
    ("Le Courrier - 04/07/2023", "2023-07-04"),
    ("La Voix de l'Ouest | 4 juillet 2023", "2023-07-04"),
    ("Sud-Matin - 4 juillet 2023 à 07h15", "2023-07-04"),
    ("Par Luc Henry | Publié le 04/07/2023 à 07h15 | Modifié le 05/07/2023 à 09h00", "2023-07-04"),
    ("Clermont-Ferrand, le 4 juillet 2023", "2023-07-04"),
    ("Aix-les-Bains, le mardi 4 juillet 2023", "2023-07-04"),
    ("Sud-Matin Publié le 04/07/2023 à 07h15", "2023-07-04"),
    ("Rédigé par Luc Henry le 04/07/2023", "2023-07-04"),
])
def test_header_and_byline_lines_give_the_publication_date(line, expected):
    assert match_header_date(line)[0] == expected


@pytest.mark.parametrize("line", [
    "2024年10月22日，南京市代表团访问里昂。",
    "Le 22 octobre 2024, la délégation a signé un accord.",
    "版权所有 2024-01-01",
    "Le maire - publié le 3 juin 2024 est venu à Lyon",
    "Le 12 mars 2024 à 10h30, le maire a reçu la délégation.",
    "Par ailleurs le 14 février 2025 la ville a signé un accord de coopération avec Hué.",
    "Clermont-Ferrand, le 4 juillet 2023, a signé un pacte d'amitié avec Oviedo.",
    "Les deux maires ont signé la charte - 04/07/2023 à Lyon",
    "Reuters - 04/07/2023",
    "Daily Courier - 4 July 2023",
    "Le maire de Vannes publié le 04/07/2023 à Lyon",
    "Les élus Publié le 04/07/2023, une charte a été signée.",
])
def test_body_sentences_and_copyright_lines_give_none(line):
    assert match_header_date(line) is None


def test_chinese_wire_dateline_is_cut_but_gives_no_year():
    line = "新华社巴黎3月12日电（记者 刘洋）法国波尔多市与武汉市举行会议。"
    date, end = match_dateline(line)
    assert date is None and line[end:].startswith("法国波尔多市")


def test_chinese_sentences_split_on_full_width_and_ascii_punctuation():
    from coopnews.corpus.sentences import SentenceSplitter

    text = "厦门与尼斯自2016年起开展交流.会谈后,双方签署了3.5亿元的意向书。代表团还将前往泉州!"
    spans = SentenceSplitter.for_texts([text]).spans(text)
    assert [text[s:e] for s, e in spans] == ["厦门与尼斯自2016年起开展交流.", "会谈后,双方签署了3.5亿元的意向书。",
                                             "代表团还将前往泉州!"]
