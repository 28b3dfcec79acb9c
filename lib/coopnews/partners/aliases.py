"""One partner, one name across a corpus: an acronym that some document links to its long form names
that partner in the documents where it stands alone too.

    aliases = corpus_aliases(entities)        # {"GM": Alias("General Motors", "company", "United States")}
    entities = entities_with_aliases(entities, aliases)
    pairs = pairs_with_aliases(pairs, aliases)
    events = events_with_aliases(events, aliases)

A document links an acronym to a longer name when it defines it ("General Motors (GM)") or when the acronym
is the initials of a name the document uses ("GM" beside "General Motors") (coopnews.partners.entities.
link_names; the registry's aliases apply in every document already). Only links where the acronym is the
name's initials count here: "AOL" that one document links to "AOL Europe" is not renamed elsewhere. In a document that only
writes "GM", the mention keeps "GM" as its name: counted apart from "General Motors", it would split one
partner in two in every table and figure. Here each acronym linked to exactly one long form in the corpus
takes that name (and its type and country) wherever it stands alone; an acronym linked to two different
names ("PSA" as two companies) stays as written.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from .linking import is_acronym_of

_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,7}$")


class Alias(NamedTuple):
    name: str
    type: str | None
    country: str | None


def corpus_aliases(entities: pd.DataFrame) -> dict[str, Alias]:
    """acronym -> the one long name (with its type and country) the corpus' documents link it to; acronyms
    linked to several names are left out. `entities`: ENTITY_COLUMNS rows of the whole corpus."""
    if entities.empty:
        return {}
    orgs = entities[entities["label"] == "ORG"]
    short = orgs["text"].str.match(_ACRONYM) & (orgs["canonical"] != orgs["text"])
    linked = orgs.loc[short, ["text", "canonical", "type", "country"]]
    initials = [is_acronym_of(t, c) for t, c in zip(linked["text"], linked["canonical"])]
    linked = linked[initials]  # "GM" for "General Motors"; not "AOL" for "AOL Europe" (one document's division)
    if linked.empty:
        return {}
    names = linked.groupby("text")["canonical"].nunique()
    unique = names[names == 1].index
    first = linked[linked["text"].isin(unique)].drop_duplicates("text").sort_values("text")
    return {t: Alias(c, _value(k), _value(n)) for t, c, k, n in
            zip(first["text"], first["canonical"], first["type"], first["country"])}


def _value(v):
    return None if v is None or (isinstance(v, float) and v != v) else v


def entities_with_aliases(entities: pd.DataFrame, aliases: dict[str, Alias]) -> pd.DataFrame:
    """`entities` with every organisation mention still named by a linked acronym given the acronym's long
    name, type and country."""
    if not aliases or entities.empty:
        return entities
    alone = (entities["label"] == "ORG") & entities["canonical"].isin(aliases.keys())
    if not alone.any():
        return entities
    out = entities.copy()
    found = out.loc[alone, "canonical"].map(aliases)
    out.loc[alone, "canonical"] = [a.name for a in found]
    out.loc[alone, "type"] = [a.type for a in found]
    out.loc[alone, "country"] = [a.country for a in found]
    return out


def pairs_with_aliases(pairs: pd.DataFrame, aliases: dict[str, Alias]) -> pd.DataFrame:
    """`pairs` (PAIR_COLUMNS) with acronym partners renamed; a pair that becomes a partner with itself is
    dropped."""
    if not aliases or pairs.empty:
        return pairs
    names = {k: v.name for k, v in aliases.items()}
    a, b = pairs["a"].map(lambda x: names.get(x, x)), pairs["b"].map(lambda x: names.get(x, x))
    if a.equals(pairs["a"]) and b.equals(pairs["b"]):
        return pairs
    out = pairs.assign(a=a, b=b)
    return out[out["a"] != out["b"]].reset_index(drop=True)


def events_with_aliases(events: pd.DataFrame, aliases: dict[str, Alias]) -> pd.DataFrame:
    """`events` with acronym parties renamed (each party once, in its first place)."""
    if not aliases or events.empty or "parties" not in events:
        return events
    names = {k: v.name for k, v in aliases.items()}

    def renamed(parties):
        if parties is None or not any(p in names for p in parties):
            return parties
        return list(dict.fromkeys(names.get(p, p) for p in parties))

    return events.assign(parties=events["parties"].map(renamed))
