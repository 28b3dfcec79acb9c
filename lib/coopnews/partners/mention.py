"""One organisation or place mention (the fields of coopnews.partners.entities.TEXT_ENTITY_COLUMNS and the source
that found it), and the words of an organisation's name that this genre's rules read everywhere: its heads (Bank,
University, Committee, ...: the kind of organisation) and its legal forms (Ltd, AG, SpA, ...), from
data/entities.yaml, and the kind of organisation a name's heads make it (org_type). Shared by
coopnews.partners.entities, which finds the mentions, coopnews.partners.persons, which drops those that are
people, and coopnews.partners.linking, which links them within a document; it imports none of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_data_yaml

_LEXICON, _ = load_data_yaml("entities.yaml")  # data/entities.yaml: the words below, editable
ORG_HEADS = {kind: str(words).split() for kind, words in _LEXICON["organisation_heads"].items()}
HEAD_TYPE = {w: kind for kind, words in ORG_HEADS.items() for w in words}
LEGAL_FORMS = frozenset(str(_LEXICON["legal_forms"]).split())
_CLOSING_ONLY_HEADS = frozenset(_LEXICON["closing_only_heads"].split())
_NOT_OPENING_A_NAME = _CLOSING_ONLY_HEADS | frozenset(_LEXICON["heads_opening_only_with_of"].split())
_TAIL_CONNECTOR = frozenset("of for de du des d' la le".split())
_SPECIAL_TYPES = [
    (re.compile(r"Development Zone|High-Tech Zone|Hi-Tech Zone|New Area|Industrial Park|Science Park|Technology Park|Free Trade Zone"), "zone"),
    (re.compile(r"Chamber of Commerce"), "association"),
    (re.compile(r"Business School|Institute of Technology|School of"), "university"),
    (re.compile(r"\b(?:State|City|Municipal|Provincial|County|Regional|Executive|Legislative|Town|Departmental) (?:Council|Committee)|Party Committee|People's Government"), "government"),
    (re.compile(r"\b(?:Embassy|Consulate)\b"), "embassy"),
    (re.compile(r"^Invest(?:[ \t]+in)?[ \t]+[A-Z]"), "government"),  # "Invest in Bavaria", "Invest Lyon": an agency
]
_NAME_WORD = re.compile(r"[\w\u00C0-\u024F.&'’-]+")
_NON_SPACE = re.compile(r"\S+")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    canonical: str
    type: str | None
    country: str | None
    source: str


def _words(name: str) -> list[str]:
    return _NAME_WORD.findall(name)


@lru_cache(maxsize=200_000)
def org_type(name: str) -> str | None:
    """ORG type from the head word of an organisation name (the last one before 'of'/'for'), or None."""
    for pattern, kind in _SPECIAL_TYPES:
        if pattern.search(name):
            return kind
    words = _words(name)
    cut = next((i for i, w in enumerate(words) if w in _TAIL_CONNECTOR and i > 0), len(words))
    heads = [HEAD_TYPE[w] for w in words[:cut] if w in HEAD_TYPE] or [HEAD_TYPE[w] for w in words if w in HEAD_TYPE]
    return heads[-1] if heads else None

