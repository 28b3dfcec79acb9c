"""Short names and acronyms of a document linked to the longer names of the same document that they stand for:
the same name in capitals ("YUGOSLAVIA"), its first words or an abbreviation of each word ("LyphoMed" for
"LyphoMed Inc", "Acme Labs" for "Acme Laboratories Inc"), its initials ("KHI" for "Kawasaki Heavy Industries Ltd"),
a later distinctive word ("Vintner" for "Harlow Vintner Co") or a bare head ("the Commission"). Reads the heads and
legal forms of coopnews.partners.mention and the gazetteer's small towns; coopnews.partners.entities.link_names
applies these tests to each document's mentions, and coopnews.partners.aliases reads is_acronym_of.

    is_acronym_of("BOA", "Banque de l'Ouest Atlantique")   # True
"""
from __future__ import annotations

import re

from .gazetteer import _small_town
from .mention import HEAD_TYPE, LEGAL_FORMS, Mention
from .registry import normalise_name

_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,7}$")
_INITIAL_SKIP = frozenset("of and the for de du des la le & in on".split())


_ELIDED = re.compile(r"^(?:[ldLD]['’])(?=\w)")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _INITIAL_SKIP and w[:1].isalpha()).upper()


def is_acronym_of(acronym: str, name: str) -> bool:
    """Whether `acronym` is made of the initials of `name`, its legal form counted or not and elided articles
    dropped: "NSC" for "Northern Steel Corp", "KHM" for "Korvath Heavy Machines Ltd", "BOA" for "Banque de
    l'Ouest Atlantique"."""
    letters = acronym.replace(".", "").replace("&", "")
    words = [_ELIDED.sub("", w) for w in name.split()]
    if letters == _initials(" ".join(words)):
        return True
    while len(words) > 1 and (words[-1] in LEGAL_FORMS or words[-1].rstrip(".") in LEGAL_FORMS
                              or words[-1] + "." in LEGAL_FORMS):
        words.pop()
    return letters == _initials(" ".join(words))


def _links_to(short: Mention, long: Mention) -> bool:
    """Whether `short` names the same partner as the longer mention `long` of the same document: the same
    name in other capitals ("YUGOSLAVIA"), its first words ("LyphoMed" for "LyphoMed Inc"), or its acronym
    ("KHI" for "Kawasaki Heavy Industries Ltd")."""
    a, b = normalise_name(short.canonical), normalise_name(long.canonical)
    if a == b:
        return short.canonical.isupper() and not long.canonical.isupper()
    if short.label == "ORG" and long.label == "ORG" and b.startswith(a + " "):
        return not _MODEL_NUMBER.search(b, len(a))  # not "BMW 1 Series 116", the company's car
    if short.label == "PLACE" and long.label == "ORG" and b.startswith(a + " ") and _short_company_name(short, long):
        return True
    if short.label == "ORG" and long.label == "ORG" and _abbreviates(short.canonical, long.canonical):
        return True
    if short.label == "ORG" and long.label == "ORG" and " " in a and _PLACE_OF.sub("", long.canonical).lower() == a:
        return True  # "the Port Authority" for "Port of Rotterdam Authority"
    if _ACRONYM.match(short.text) and long.label == "ORG" and (short.canonical == short.text or (
            short.label == "PLACE" and short.type != "country" and short.text.isupper())):
        return is_acronym_of(short.text, long.canonical)  # "FAO" for "Federal Audit Office", not the town Fao
    return False


_MODEL_NUMBER = re.compile(r"\s\w*\d")  # a word with a digit after the short name: a product's model ("A380")
_PLACE_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}(?=[ \t]+[A-Z])")


def _short_company_name(short: Mention, long: Mention) -> bool:
    """Whether a place mention is the short form of a company of the document whose name it opens and whose
    name holds a legal form ("Brakmann" for "Brakmann AG", "Stirling" for "Stirling Pumps Inc"): only when the
    place is unknown to the gazetteers or a small town, never a country, region or city."""
    if not any(w in LEGAL_FORMS or w.rstrip(".") in LEGAL_FORMS or w + "." in LEGAL_FORMS
               for w in long.canonical.split()[1:]):
        return False
    return short.type is None or (short.type == "city" and _small_town(short.canonical))


def _abbreviates(short: str, long: str) -> bool:
    """Whether each word of `short` opens the same word of `long`, a plural 's' and a legal form of `long` aside:
    "Soc Dems" and "Social Democrat" for "Social Democrats", "Acme Labs" for "Acme Laboratories Inc" (two
    words or more, each of three letters or more)."""
    a, b = short.split(), long.split()
    while len(b) > len(a) and (b[-1] in LEGAL_FORMS or b[-1].rstrip(".") in LEGAL_FORMS):
        b = b[:-1]  # "Delmar Labs" for "Delmar Laboratories Inc"
    if len(a) != len(b) or len(a) < 2 or short == long:
        return False
    for w, full in zip(a, b):
        stem = w[:-1] if w.endswith("s") and full.endswith("s") and len(w) > 3 else w
        if len(w) < 3 or not w[:1].isupper() or not full.startswith(stem):
            return False
    return True


def _distinctive_word_of(m: Mention, longest: list[Mention]) -> Mention | None:
    """The one longer organisation of the document of which a one-word organisation is a later word, neither a
    head nor a legal form ("Vintner" for "Harlow Vintner Co", "Rapide" for "MJ Rapide"), else None."""
    if m.label != "ORG" or " " in m.text or m.text in HEAD_TYPE or m.text in LEGAL_FORMS or len(m.text) < 3 \
            or m.source in ("registry", "acronym") or m.text.isupper():
        return None
    found = {L.canonical: L for L in longest if L.label == "ORG" and m.text in L.canonical.split()[1:]}
    return next(iter(found.values())) if len(found) == 1 else None


def _headed_by(m: Mention, longest: list[Mention]) -> Mention | None:
    """The one longer organisation of the document that a bare organisation head stands for ("the Commission"
    after "the European Commission"; "the Sister Cities Association" after "Jacksonville Sister Cities
    Association"), else None (none, or several: "European Commission" and "Trade Commission")."""
    if m.label != "ORG" or (" " in m.text and not _BODY_OF_A_PLACE.fullmatch(m.text)) \
            or (" " not in m.text and m.text not in HEAD_TYPE):
        return None
    found = {L.canonical: L for L in longest if L.label == "ORG" and L.canonical.endswith(" " + m.text)
             and (" " not in m.text or _PLACE_WORDS.fullmatch(L.canonical[:-len(m.text) - 1]))}
    return next(iter(found.values())) if len(found) == 1 else None


# a town's body named without its town ("the Sister Cities Association" after "Jacksonville Sister Cities
# Association"): a kind of body, and the longer name is the town's name before it
_BODY_OF_A_PLACE = re.compile(r"(?:Sister[ -]Cit(?:y|ies)|Twinning|Friendship)[ \t]+(?:Association|Committee|Society)")
_PLACE_WORDS = re.compile(r"[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)?")
