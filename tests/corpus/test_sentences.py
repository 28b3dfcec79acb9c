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
