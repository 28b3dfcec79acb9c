"""Findings written from the tables, never from a particular corpus: each function takes the tables a
notebook computed and returns Markdown sentences that state what they hold (the hubs, the top pairs and
their types, the busiest years, what is missing). Names from the corpus are Markdown-escaped.

    display(Markdown(corpus_findings(corpus)))
"""
from __future__ import annotations

import re

import pandas as pd

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md(text) -> str:
    """`text` with Markdown's special characters escaped (a name from a document stays plain text)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def listing(items, *, limit: int = 5, quote: bool = False) -> str:
    """'a, b and c' (at most `limit` items, then 'and N more')."""
    items = [f"“{md(i)}”" if quote else md(i) for i in items]
    if len(items) > limit:
        items = items[:limit] + [f"{len(items) - limit} more"]
    if not items:
        return "none"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


# --- 01 · corpus ---------------------------------------------------------------------------------------

def corpus_findings(corpus) -> str:
    """What the corpus holds: size, sources, languages, dates, copies, skipped files."""
    docs = corpus.documents
    n = len(docs)
    if n == 0:
        return "The folder holds no readable document: nothing below can be measured (see the skipped files)."
    lines = [f"- **{plural(n, 'document')}**, {int(docs['n_words'].sum()):,} words "
             f"(median {int(docs['n_words'].median()):,} per document)."]
    sources = docs["source"].dropna().value_counts()
    if len(sources):
        lines.append(f"- Sources: {plural(len(sources), 'publisher')}, most from {listing(sources.index[:3])} "
                     f"({share(int(sources.iloc[:3].sum()), n)} of the documents); "
                     f"{share(int(docs['source'].isna().sum()), n)} name no source.")
    else:
        lines.append("- No document names its source.")
    languages = docs["language"].value_counts()
    lines.append(f"- Languages: {listing([f'{lang} ({count})' for lang, count in languages.items()], limit=4)}.")
    dated = docs["date"].dropna().astype(str)
    if len(dated):
        years = sorted({d[:4] for d in dated})
        span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
        lines.append(f"- **{share(len(dated), n)} of the documents are dated** ({len(dated):,}), published {span}; "
                     "only these anchor events that name no year.")
    else:
        lines.append("- **No document carries a publication date**: events whose year the text does not state "
                     "cannot be placed in time.")
    copies = int(docs["duplicate_of"].notna().sum())
    lines.append(f"- {plural(copies, 'document')} {'is a copy' if copies == 1 else 'are copies'} of another "
                 "(kept, flagged)." if copies else "- No document is a copy of another.")
    skipped = int((corpus.log["status"] != "ok").sum()) if len(corpus.log) else 0
    lines.append(f"- {plural(skipped, 'file')} could not be read (listed below with the reason)." if skipped
                 else "- Every file was read.")
    return "\n".join(lines)


# --- 02 · keywords -------------------------------------------------------------------------------------

def top_terms_sentence(freq: pd.DataFrame, *, top_n: int = 15) -> str:
    """Which of the top terms run through the corpus and which are concentrated in few documents."""
    top = freq.head(top_n)
    if top.empty:
        return "No term occurs often enough to rank."
    even = top[top["dp"] <= top["dp"].quantile(0.34)]["term"].tolist()
    concentrated = top[top["dp"] >= max(0.6, top["dp"].quantile(0.66))]["term"].tolist()
    text = f"Among the {len(top)} most frequent terms, {listing(even, quote=True)} are spread most evenly across the documents"
    if concentrated:
        text += f", while {listing(concentrated, quote=True)} are concentrated in a few documents (high DP)"
    return text + "."


def keyness_sentence(key: pd.DataFrame, group_by: str, *, per_group: int = 3, limit: int = 6) -> str:
    """The most distinctive terms of each group (at most `limit` groups)."""
    significant = key[key["log_odds_z"] > 1.96]
    if significant.empty:
        return f"No group by `{md(group_by)}` has a significantly over-represented term (z > 1.96)."
    parts = []
    for group, part in significant.groupby("group", sort=True):
        terms = part.sort_values("log_odds_z", ascending=False)["term"].head(per_group)
        parts.append(f"**{md(group)}**: {listing(terms, quote=True)}")
    n = key["group"].nunique()
    extra = f" (the first {limit} of {n} groups)" if len(parts) > limit else ""
    return f"Distinctive terms by `{md(group_by)}`{extra}: " + "; ".join(parts[:limit]) + "."


def sector_sentence(sectors: pd.DataFrame, n_documents: int) -> str:
    """Which sectors are named most, in how many documents."""
    if sectors.empty:
        return "No sector cue of the lexicon occurs in the documents."
    totals = sectors.groupby("sector")["doc_id"].nunique().sort_values(ascending=False)
    top = [f"{md(s)} ({share(int(c), n_documents)} of documents)" for s, c in totals.head(4).items()]
    return f"The sectors named in most documents are {listing(top, limit=4)}."


def keyword_findings(freq: pd.DataFrame, key: pd.DataFrame, group_by: str, sectors: pd.DataFrame,
                     n_documents: int) -> str:
    """The closing summary of 02: themes, distinctive vocabulary, sectors."""
    return "\n".join(f"- {s}" for s in (top_terms_sentence(freq), keyness_sentence(key, group_by),
                                        sector_sentence(sectors, n_documents)))


# --- 03 · timeline -------------------------------------------------------------------------------------

def timeline_findings(all_events: pd.DataFrame, events: pd.DataFrame, counts: pd.DataFrame) -> str:
    """When events concentrate, of which types, between whom, and what cannot be dated."""
    if all_events.empty:
        return ("- The documents report **no dated event**: none of their sentences gives a calendar date "
                "(check that the texts are news reports and that their dates are written out).")
    if events.empty:
        return (f"- The documents report {plural(len(all_events), 'dated event')}, but **none passes the filters** "
                "(partners, dates or types): widen them.")
    lines = []
    known = events.dropna(subset=["year"])
    years = known["year"].astype(int)
    lines.append(f"- **{plural(len(events), 'event')}** from {plural(events['doc_id'].nunique(), 'document')}; "
                 f"{share(len(known), len(events))} have a known year"
                 + (f", from {years.min()} to {years.max()}." if len(known) else "."))
    if len(counts):
        busiest = counts.sum(axis=1).sort_values(ascending=False, kind="stable")
        top = [f"{int(y)} ({int(c)})" for y, c in busiest.head(3).items()]
        lines.append(f"- The busiest years: {listing(top)}; "
                     f"{share(int(busiest.head(3).sum()), int(busiest.sum()))} of the dated events fall in them.")
    types = events["event_type"].value_counts()
    named = [f"{md(t)} ({c})" for t, c in types.items() if t != "other"]
    other = int(types.get("other", 0))
    carry = "carries" if other == 1 else "carry"
    lines.append(f"- Types: {listing(named, limit=4)}"
                 + (f"; {plural(other, 'event')} {carry} no cooperation cue (type `other`)." if other else "."))
    with_parties = events.loc[events["parties"].map(lambda ps: len(list(ps)) >= 2 if ps is not None else False).astype(bool)]
    if len(with_parties):
        pairs = with_parties["parties"].map(lambda ps: " ↔ ".join(sorted(map(str, ps))[:2])).value_counts()
        lines.append(f"- Most frequent parties together: {listing([f'{md(p)} ({c})' for p, c in pairs.head(3).items()])}.")
    else:
        lines.append("- No event sentence names two partners: the events say when, not between whom.")
    unknown = int(events["year"].isna().sum())
    if unknown:
        lines.append(f"- {plural(unknown, 'event')} cannot be placed in a year (no year in the text and no "
                     "publication date); they are listed apart.")
    return "\n".join(lines)


# --- 04 · partners -------------------------------------------------------------------------------------

def partner_findings(tables, *, hub_names: list[str], pair_table: pd.DataFrame, focus: str = "",
                     focus_counterparts: pd.DataFrame | None = None) -> str:
    """Hubs, top pairs and their types, and (with a focus) the focus partner's counterparts."""
    entities = tables.entities
    if entities.empty:
        return "- The documents name **no organisation or place**: there is nothing to compare."
    n_partners = entities["canonical"].nunique()
    lines = [f"- **{plural(n_partners, 'partner')}** named ({plural(len(entities), 'mention')}); "
             f"{plural(len(tables.pairs), 'cooperation sentence')} link two of them."]
    if hub_names:
        lines.append(f"- The hubs (most cooperation sentences, countries left out): {listing(hub_names)}.")
    if len(pair_table):
        top = [f"{md(r.a)} ↔ {md(r.b)} ({r.sentences}; {', '.join(map(md, r.types))})"
               for r in pair_table.head(3).itertuples()]
        lines.append(f"- The top pairs (sentences; types): {'; '.join(top)}.")
        types = tables.pairs["type"].value_counts()
        lines.append(f"- Cooperation is mostly {listing([f'{md(t)} ({c})' for t, c in types.items()], limit=4)}.")
    else:
        lines.append("- **No sentence links two partners by a cooperation cue**: the documents name partners "
                     "but do not report cooperation between them.")
    if focus:
        if focus_counterparts is not None and len(focus_counterparts):
            names = [f"{md(r.counterpart)} ({r.sentences})" for r in focus_counterparts.head(5).itertuples()]
            lines.append(f"- **{md(focus)}** cooperates with {plural(len(focus_counterparts), 'counterpart')}, "
                         f"most often {listing(names)}.")
        else:
            lines.append(f"- **{md(focus)}** is named but appears in no cooperation sentence with another partner.")
    return "\n".join(lines)


def network_sentence(graph, *, shown_edges: int, communities: int) -> str:
    """How connected the network is and what the drawing keeps."""
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    if n == 0:
        return "No pair of partners is linked by a cooperation sentence, so there is no network to draw."
    import networkx as nx

    parts = nx.number_connected_components(graph)
    kept = f"the {shown_edges} strongest links are drawn" if shown_edges < m else "every link is drawn"
    return (f"{plural(n, 'partner')} and {plural(m, 'link')} in {plural(parts, 'connected group')}; {kept}, "
            f"colours mark {plural(communities, 'community', 'communities')} (modularity).")


def map_sentence(places: pd.DataFrame, n_partners: int, *, focus: str = "") -> str:
    """How many partners could be placed and where most of them are."""
    if places.empty:
        return "None of the partners could be placed on the map (no known city or country)."
    countries = places["country"].dropna().value_counts()
    where = f"; most are in {listing([f'{md(c)} ({n})' for c, n in countries.head(3).items()])}" if len(countries) else ""
    centred = f" The map is centred on {md(focus)}." if focus and focus in set(places["partner"]) else ""
    return (f"{len(places):,} of {n_partners:,} partners are placed (cities at their own coordinates; countries and "
            f"organisations at their country's capital){where}.{centred}")


def no_events_reason(partner: str, tables, events: pd.DataFrame) -> str:
    """Why a partner has no dated event: how many documents name it, how many are dated, what the text gives."""
    docs = tables.entities.loc[tables.entities["canonical"] == partner, "doc_id"].unique()
    dated = tables.documents[tables.documents["doc_id"].isin(docs)]["date"].notna().sum()
    naming = events["parties"].map(lambda ps: partner in list(ps)).astype(bool)
    yearless = int(events.loc[naming, "year"].isna().sum()) if len(events) else 0
    text = (f"No dated event names {partner}: it is named in {plural(len(docs), 'document')}, "
            f"{int(dated)} with a publication date")
    return text + (f"; {yearless} of its events give a day but no year." if yearless
                   else ", and no sentence naming it gives a calendar date.")
