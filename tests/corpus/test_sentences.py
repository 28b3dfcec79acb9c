"""Sentence spans (coopnews.corpus.sentences) on shapes of wire copy."""
from nltk.tokenize.punkt import PunktParameters

from coopnews.corpus.sentences import SentenceSplitter


def test_a_headline_in_capitals_is_one_sentence_whatever_abbreviations_it_holds():
    # a splitter that knows no abbreviation (as one trained on a corpus may not know "U.S.") still keeps the
    # headline whole; the body is split as before
    splitter = SentenceSplitter(PunktParameters(), origin="no abbreviations")
    text = "KESTREL MINING PLANS MORE U.S. JOINT VENTURES\n\nHOUSTON - Kestrel hopes to find partners. It said so."
    assert [text[s:e] for s, e in splitter.spans(text)] == [
        "KESTREL MINING PLANS MORE U.S. JOINT VENTURES", "HOUSTON - Kestrel hopes to find partners.", "It said so."]


def test_a_sentence_end_that_lost_its_space_still_ends_the_sentence():
    # web pages often lose the space after a stop ("on May 27.Talking to ..."); "St.Louis", "U.S.Army" stay whole
    splitter = SentenceSplitter(PunktParameters(), origin="no abbreviations")
    text = "The two cities met on May 27.Talking to the mayor, he said.The mayor of St.Louis thanked the U.S.Army."
    assert [text[s:e] for s, e in splitter.spans(text)] == [
        "The two cities met on May 27.", "Talking to the mayor, he said.",
        "The mayor of St.Louis thanked the U.S.Army."]


def test_a_name_after_a_shipped_abbreviation_is_not_learnt_as_a_sentence_start():
    # a corpus-trained splitter learns which words start sentences; had it counted "Petersburg" after "St." as
    # one (its training taking "St." for no abbreviation, as British copy writes "St Albans"), it would end a
    # sentence on every "St."
    texts = [f"Delegates from St. Petersburg visited St Albans on May {day}. They signed a memorandum. "
             f"The mayor of St Albans said the city has {day} partner towns. Trade grew by {day} percent."
             for day in range(1, 29)]
    splitter = SentenceSplitter.for_texts(texts)
    text = "Bethlehem and Acaba become partner towns of St. Petersburg\nThe governor of St. Petersburg welcomed them."
    assert [text[s:e] for s, e in splitter.spans(text)] == [
        "Bethlehem and Acaba become partner towns of St. Petersburg", "The governor of St. Petersburg welcomed them."]


def test_a_section_label_in_brackets_opening_a_paragraph_is_a_sentence_of_its_own():
    # portals' city profiles open paragraphs with "[Economy]", "[Relations with Lyon]": the label is no subject
    splitter = SentenceSplitter(PunktParameters(), origin="no abbreviations")
    text = "[Relations with Lyon] Lyon and Wuhan became sister cities in 1988. Trade grew. Talks resumed [May 4]."
    assert [text[s:e] for s, e in splitter.spans(text)] == [
        "[Relations with Lyon]", "Lyon and Wuhan became sister cities in 1988.", "Trade grew.",
        "Talks resumed [May 4]."]
