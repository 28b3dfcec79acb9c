"""Partner profiles and side-by-side comparison: who cooperates with whom, how, in which sectors, when.

    tables = coopnews.partner_tables(corpus)     # entities + pairs of a corpus (cached per document)
    top_partners(tables, n=10)                   # most mentioned partners (not countries), for reports
    profiles = partner_profiles(tables, ["Nanjing", "Lyon"])
    side_by_side(profiles)                       # one column per partner
    sector_matrix(tables, partners), type_matrix(tables, partners), cooccurrence_graph(tables)
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from ..corpus.dates import fractional_year, is_iso_date
from ..terms.frequencies import corpus_tokenizer, term_counts
from ..terms.keyness import keyness_by_group
from ..terms.sectors import sectors_in
from .registry import as_registry, normalise_name
from .relations import pair_counts

PROFILE_COLUMNS = {
    "partner": "canonical name",
    "label": "ORG or PLACE",
    "type": "partner type (see coopnews.partners.entities.ENTITY_COLUMNS)",
    "country": "partner's country; null when unknown",
    "mentions": "mentions in the corpus",
    "documents": "documents mentioning it",
    "pairs": "cooperation sentences linking it to another partner",
    "first_event": "earliest date of a cooperation sentence naming it (its date, else the publication date)",
    "last_event": "latest such date",
    "sectors": "sectors of the sentences naming it, most frequent first (coopnews.terms.sectors)",
    "cooperation_types": "types of its cooperation pairs, most frequent first",
    "top_counterparts": "partners it is most often paired with, most first",
    "keywords": "distinctive words of its documents against the other partners' (log-odds z, keyness_by_group)",
}
MENTION_COLUMNS = {
    "partner": "canonical name", "label": "ORG or PLACE", "type": "partner type", "country": "country",
    "mentions": "mentions", "documents": "documents mentioning it",
}
TIMELINE_COLUMNS = {
    "partner": "canonical name", "counterpart": "the other partner", "doc_id": "document",
    "date": "ISO date of the event (sentence date, else publication date)", "year": "year as a float (for plotting)",
    "type": "cooperation type", "sentence": "evidence",
}


@dataclass
class PartnerTables:
    """Everything the comparison needs from one corpus, computed once."""

    documents: pd.DataFrame  # doc_id, text, date
    sentences: pd.DataFrame  # corpus.sentences
    entities: pd.DataFrame  # coopnews.partners.entities.ENTITY_COLUMNS
    pairs: pd.DataFrame  # coopnews.partners.relations.PAIR_COLUMNS
    _terms: pd.DataFrame | None = field(default=None, init=False, repr=False, compare=False)

    def term_counts(self) -> pd.DataFrame:
        """coopnews.terms.frequencies.term_counts of the documents, computed on first use and kept (a page's
        profiles and its keyness plot both contrast the partners' words)."""
        if self._terms is None:
            docs = self.documents[["doc_id", "text"]]
            self._terms = term_counts(docs, tokenizer=corpus_tokenizer(docs))
        return self._terms


def partner_mentions(tables: PartnerTables) -> pd.DataFrame:
    """One row per canonical partner (MENTION_COLUMNS), most mentioned first, ties by name."""
    ents = tables.entities
    if ents.empty:
        return pd.DataFrame(columns=list(MENTION_COLUMNS))
    table = ents.groupby("canonical").agg(label=("label", "first"), type=("type", "first"),
                                          country=("country", "first"), mentions=("text", "size"),
                                          documents=("doc_id", "nunique")).reset_index()
    table = table.rename(columns={"canonical": "partner"})
    return table.sort_values(["mentions", "partner"], ascending=[False, True]).reset_index(drop=True)


def top_partners(tables: PartnerTables, *, n: int = 10, min_mentions: int = 2,
                 exclude_types: tuple[str, ...] = ("country",)) -> list[str]:
    """Canonical names of the most mentioned partners (countries left out by default), ties by name."""
    table = partner_mentions(tables)
    table = table[(table["mentions"] >= min_mentions) & ~table["type"].isin(exclude_types)]
    return table["partner"].head(n).tolist()


def known_partners(tables: PartnerTables) -> set[str]:
    """Every canonical partner name found in the corpus."""
    return set(tables.entities["canonical"])


def resolve_partner(name: str, tables: PartnerTables, *, registry=None) -> str:
    """The canonical name for `name` (an alias is accepted); ValueError listing close names when unknown."""
    known = known_partners(tables)
    if name in known:
        return name
    entry = as_registry(registry).lookup(name)
    if entry and entry["name"] in known:
        return entry["name"]
    by_key = {normalise_name(k): k for k in known}
    if normalise_name(name) in by_key:
        return by_key[normalise_name(name)]
    close = difflib.get_close_matches(name, sorted(known), n=5)
    raise ValueError(f"partner {name!r} is not in this corpus; close names: {', '.join(close) or 'none'} "
                     f"(see known_partners(corpus))")


def choose_partners(tables: PartnerTables, partners: list[str] | None = None, *, focus: str = "", n: int = 8,
                    min_mentions: int = 2, registry=None) -> list[str]:
    """Partners to compare: `focus` and its main counterparts when a focus is given, else `partners`
    (aliases accepted), else the top `n` partners."""
    if focus:
        focus = resolve_partner(focus, tables, registry=registry)
        others = counterparts(tables, focus, n=None)
        others = others[others["type"] != "country"]["counterpart"].tolist()
        return [focus, *others[: max(0, n - 1)]]
    if partners:
        return list(dict.fromkeys(resolve_partner(p, tables, registry=registry) for p in partners))
    table = partner_mentions(tables)
    table = table[(table["mentions"] >= min_mentions) & (table["type"] != "country")]
    return table["partner"].head(n).tolist()


def _long_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """Each pair twice: once from each side (partner, counterpart)."""
    a = pairs.rename(columns={"a": "partner", "b": "counterpart"})
    b = pairs.rename(columns={"b": "partner", "a": "counterpart"})
    return pd.concat([a, b], ignore_index=True)


def _event_dates(pairs: pd.DataFrame, documents: pd.DataFrame) -> pd.Series:
    """ISO date of each pair: the sentence's date when it is a calendar date, else the publication date."""
    published = pairs["doc_id"].map(dict(zip(documents["doc_id"], documents["date"])))
    own = pairs["date"].where(pairs["date"].map(is_iso_date))
    return own.fillna(published)


def partner_timeline(tables: PartnerTables, partners: list[str]) -> pd.DataFrame:
    """Dated cooperation events of each partner (TIMELINE_COLUMNS), in date order."""
    if tables.pairs.empty:
        return pd.DataFrame(columns=list(TIMELINE_COLUMNS))
    pairs = tables.pairs.assign(date=_event_dates(tables.pairs, tables.documents))
    long = _long_pairs(pairs)
    long = long[long["partner"].isin(partners) & long["date"].notna()]
    long = long.drop_duplicates(["partner", "doc_id", "sent_id"])
    out = long.assign(year=long["date"].map(fractional_year))[list(TIMELINE_COLUMNS)]
    out = out[out["year"].notna()]
    return out.sort_values(["partner", "year", "doc_id"]).reset_index(drop=True)


@lru_cache(maxsize=4096)
def _sectors_of(sentence: str) -> tuple[str, ...]:
    return tuple(sectors_in(sentence))


def _mention_sentences(tables: PartnerTables, partners: list[str]) -> pd.DataFrame:
    """(partner, doc_id, sent_id, text) for each sentence naming one of `partners`."""
    ents = tables.entities[tables.entities["canonical"].isin(partners)]
    if ents.empty:
        return pd.DataFrame(columns=["partner", "doc_id", "sent_id", "text"])
    sents = tables.sentences
    rows = []
    for doc_id, group in ents.groupby("doc_id", sort=False):
        doc_sents = sents[sents["doc_id"] == doc_id]
        starts = doc_sents["start"].to_numpy()
        idx = starts.searchsorted(group["start"].to_numpy(), side="right") - 1
        for partner, i in zip(group["canonical"], idx):
            if i >= 0:
                s = doc_sents.iloc[int(i)]
                rows.append({"partner": partner, "doc_id": doc_id, "sent_id": int(s["sent_id"]), "text": s["text"]})
    return pd.DataFrame(rows).drop_duplicates(["partner", "doc_id", "sent_id"]).reset_index(drop=True)


def sector_matrix(tables: PartnerTables, partners: list[str]) -> pd.DataFrame:
    """Partners × sectors: sentences naming the partner that mention each sector (coopnews.terms.sectors)."""
    sents = _mention_sentences(tables, partners)
    rows = [(p, s) for p, text in zip(sents.get("partner", []), sents.get("text", [])) for s in _sectors_of(text)]
    if not rows:
        return pd.DataFrame(0, index=pd.Index(partners, name="partner"), columns=pd.Index([], name="sector"))
    table = pd.DataFrame(rows, columns=["partner", "sector"]).value_counts().unstack(fill_value=0)
    table = table.reindex(index=partners, fill_value=0)
    return table[sorted(table.columns, key=lambda c: (-table[c].sum(), c))]


def type_matrix(tables: PartnerTables, partners: list[str]) -> pd.DataFrame:
    """Partners × cooperation types: pairs of each type the partner takes part in."""
    long = _long_pairs(tables.pairs) if len(tables.pairs) else pd.DataFrame(columns=["partner", "type", "doc_id", "sent_id"])
    long = long[long["partner"].isin(partners)].drop_duplicates(["partner", "doc_id", "sent_id"])
    table = long.groupby(["partner", "type"]).size().unstack(fill_value=0) if len(long) else pd.DataFrame()
    table = table.reindex(index=partners, fill_value=0)
    table.index.name, table.columns.name = "partner", "type"
    return table[sorted(table.columns, key=lambda c: (-table[c].sum(), c))] if len(table.columns) else table


def counterparts(tables: PartnerTables, partner: str, *, n: int | None = 10) -> pd.DataFrame:
    """The partners `partner` is paired with: counterpart, label, type, sentences, documents, types."""
    cols = ["counterpart", "label", "type", "country", "sentences", "documents", "types"]
    if tables.pairs.empty:
        return pd.DataFrame(columns=cols)
    long = _long_pairs(tables.pairs)
    long = long[long["partner"] == partner]
    if long.empty:
        return pd.DataFrame(columns=cols)
    info = tables.entities.drop_duplicates("canonical").set_index("canonical")
    table = long.groupby("counterpart").agg(sentences=("sent_id", "size"), documents=("doc_id", "nunique"),
                                            types=("type", lambda s: sorted(set(s)))).reset_index()
    for col in ("label", "type", "country"):
        table[col] = table["counterpart"].map(info[col])
    table = table.sort_values(["sentences", "documents", "counterpart"], ascending=[False, False, True])
    return table[cols].head(n if n is not None else len(table)).reset_index(drop=True)


def partner_keyness(tables: PartnerTables, partners: list[str], *, min_count: int = 2,
                    top_n: int | None = 10) -> pd.DataFrame:
    """Distinctive words of each partner's documents against the other partners' (keyness_by_group)."""
    ents = tables.entities[tables.entities["canonical"].isin(partners)]
    groups = ents[["doc_id", "canonical"]].drop_duplicates().rename(columns={"canonical": "group"})
    groups = groups.sort_values(["group", "doc_id"]).reset_index(drop=True)
    if groups["group"].nunique() < 2:  # nothing to contrast with
        return pd.DataFrame(columns=["group", "term", "count", "ref_count", "g2", "p_value", "log_ratio", "log_odds_z"])
    return keyness_by_group(tables.documents[["doc_id", "text"]], groups, min_count=min_count, top_n=top_n,
                            counts=tables.term_counts())


def _ranked(values, n: int) -> list[str]:
    counts = pd.Series(list(values), dtype="object").value_counts()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, _ in ranked[:n]]


def partner_profiles(tables: PartnerTables, partners: list[str] | None = None, *, n: int = 5,
                     keywords: bool = True) -> pd.DataFrame:
    """One row per partner (PROFILE_COLUMNS); partners default to top_partners."""
    if partners is None:
        partners = partner_mentions(tables).query("type != 'country'")["partner"].head(10).tolist()
    mentions = partner_mentions(tables).set_index("partner")
    pairs = tables.pairs.assign(date=_event_dates(tables.pairs, tables.documents)) if len(tables.pairs) else tables.pairs
    long = _long_pairs(pairs) if len(pairs) else pd.DataFrame(columns=["partner", "counterpart", "type", "date"])
    sents = _mention_sentences(tables, partners)
    key = partner_keyness(tables, partners, top_n=n) if keywords and len(partners) >= 2 else None
    rows = []
    for p in partners:
        own = long[long["partner"] == p]
        dates = sorted(d for d in own["date"].dropna().astype(str) if is_iso_date(d))
        texts = sents[sents["partner"] == p]["text"] if len(sents) else []
        info = mentions.loc[p] if p in mentions.index else None
        rows.append({
            "partner": p,
            "label": None if info is None else info["label"], "type": None if info is None else info["type"],
            "country": None if info is None else info["country"],
            "mentions": 0 if info is None else int(info["mentions"]),
            "documents": 0 if info is None else int(info["documents"]),
            "pairs": int(own.drop_duplicates(["doc_id", "sent_id"]).shape[0]) if len(own) else 0,
            "first_event": dates[0] if dates else None, "last_event": dates[-1] if dates else None,
            "sectors": _ranked((s for text in texts for s in _sectors_of(text)), n),
            "cooperation_types": _ranked(own.drop_duplicates(["doc_id", "sent_id"])["type"], n) if len(own) else [],
            "top_counterparts": _ranked(own["counterpart"], n) if len(own) else [],
            "keywords": [] if key is None else key[key["group"] == p]["term"].head(n).tolist(),
        })
    return pd.DataFrame(rows, columns=list(PROFILE_COLUMNS))


def side_by_side(profiles: pd.DataFrame) -> pd.DataFrame:
    """Profiles transposed: one column per partner, one row per field; lists shown comma-separated."""
    shown = profiles.set_index("partner").T
    return shown.map(lambda v: ", ".join(map(str, v)) if isinstance(v, list) else v)


def cooccurrence_graph(tables: PartnerTables, *, partners: list[str] | None = None, min_weight: int = 1):
    """networkx Graph of partners linked by cooperation sentences (edge weight = sentences), attributes
    label/type/mentions on nodes; restricted to edges touching `partners` when given."""
    import networkx as nx

    counts = pair_counts(tables.pairs)
    if partners:
        counts = counts[counts["a"].isin(partners) | counts["b"].isin(partners)]
    counts = counts[counts["sentences"] >= min_weight]
    graph = nx.Graph()
    info = partner_mentions(tables).set_index("partner")
    for row in counts.itertuples():
        for node in (row.a, row.b):
            if node not in graph:
                meta = info.loc[node] if node in info.index else None
                graph.add_node(node, label=None if meta is None else meta["label"],
                               type=None if meta is None else meta["type"],
                               mentions=0 if meta is None else int(meta["mentions"]))
        graph.add_edge(row.a, row.b, weight=int(row.sentences), types=list(row.types))
    return graph


def hubs(tables: PartnerTables, *, n: int = 2, exclude_types: tuple[str, ...] = ("country",)) -> list[str]:
    """The `n` partners in the most cooperation sentences (then with the most counterparts); countries left out."""
    if tables.pairs.empty:
        return []
    long = _long_pairs(tables.pairs)
    kinds = tables.entities.drop_duplicates("canonical").set_index("canonical")["type"]
    long = long[~long["partner"].map(kinds).isin(exclude_types)]
    score = long.groupby("partner").agg(sentences=("sent_id", lambda s: len(set(zip(long.loc[s.index, "doc_id"], s)))),
                                        degree=("counterpart", "nunique")).reset_index()
    score = score.sort_values(["sentences", "degree", "partner"], ascending=[False, False, True])
    return score["partner"].head(n).tolist()
