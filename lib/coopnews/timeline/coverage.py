"""One event reported in several articles, in several languages, as one row with its coverage per language.

    merged_events(events, corpus.documents)   # MERGED_COLUMNS, one row per distinct event

Two dated events are the same event when they have the same date value and share their parties (at least
two, or all of them when one names a single party): "10月22日, 南京市代表团抵达里昂" (zh), "le 22 octobre, une
délégation de Nankin ... Lyon" (fr) and "On October 22, a Nanjing delegation ... Lyon" (en) are one event,
since the partner finders give every language's names one canonical form (Nanjing, Lyon).
"""
from __future__ import annotations

import pandas as pd

MERGED_COLUMNS = {
    "value": "TIMEX3 value of the event's date",
    "parties": "canonical names of all partners named by any report of it",
    "event_type": "the most frequent event type among its reports",
    "reports": "dated events (sentences) merged into this one",
    "documents": "documents reporting it",
    "languages": "languages of those documents, with the number of documents in each ('en:1 fr:1 zh:1')",
    "doc_ids": "the documents, in corpus order",
    "sentence": "the first report's sentence (evidence)",
}


def _same(a: frozenset, b: frozenset) -> bool:
    shared = a & b
    return len(shared) >= 2 or (bool(shared) and (len(a) == 1 or len(b) == 1))


def merged_events(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Events (coopnews.timeline.events.EVENT_COLUMNS) merged across documents and languages (MERGED_COLUMNS);
    events without parties or without a known date stay single."""
    language = dict(zip(documents["doc_id"], documents["language"])) if "language" in documents else {}
    groups: list[dict] = []
    for row in events.itertuples(index=False):
        parties = frozenset(row.parties)
        group = None
        if parties and not str(row.value).startswith("XXXX"):
            group = next((g for g in groups if g["value"] == row.value and _same(g["parties"], parties)), None)
        if group is None:
            group = {"value": row.value, "parties": parties, "rows": []}
            groups.append(group)
        group["parties"] = group["parties"] | parties
        group["rows"].append(row)
    out = []
    for g in groups:
        docs = list(dict.fromkeys(r.doc_id for r in g["rows"]))
        counts = pd.Series([language.get(d, "und") for d in docs]).value_counts().sort_index()
        out.append({"value": g["value"], "parties": sorted(g["parties"]),
                    "event_type": pd.Series([r.event_type for r in g["rows"]]).mode().iloc[0],
                    "reports": len(g["rows"]), "documents": len(docs),
                    "languages": " ".join(f"{k}:{v}" for k, v in counts.items()), "doc_ids": docs,
                    "sentence": g["rows"][0].sentence})
    return pd.DataFrame(out, columns=list(MERGED_COLUMNS))
