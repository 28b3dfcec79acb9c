"""One organisation or place mention (the fields of coopnews.partners.entities.TEXT_ENTITY_COLUMNS and the source
that found it), and the words of an organisation's name that this genre's rules read everywhere: its heads (Bank,
University, Committee, ...: the kind of organisation) and its legal forms (Ltd, AG, SpA, ...), from
data/entities.yaml. Shared by coopnews.partners.entities, which finds the mentions, and coopnews.partners.linking,
which links them within a document; it imports neither.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..data import load_data_yaml

_LEXICON, _ = load_data_yaml("entities.yaml")  # data/entities.yaml: the words below, editable
ORG_HEADS = {kind: str(words).split() for kind, words in _LEXICON["organisation_heads"].items()}
HEAD_TYPE = {w: kind for kind, words in ORG_HEADS.items() for w in words}
LEGAL_FORMS = frozenset(str(_LEXICON["legal_forms"]).split())


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
