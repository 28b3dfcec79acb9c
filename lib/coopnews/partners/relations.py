"""Cooperation pairs: two partners linked in one sentence by a cooperation cue (data/cooperation_cues.yaml),
with the cooperation type, the sector, the date and the sentence as evidence.

    pairs = extract_pairs(corpus)                 # PAIR_COLUMNS
    pairs_in_text("Lyon and Guangzhou signed a memorandum in 2013.")

A pair is every two different partners of a cue sentence, except a place that only locates an organisation
("the Chinese Consulate in Lyon", "Lyon's ECAM LaSalle") and a city or region paired with its own country.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from ..corpus.sentences import SentenceSplitter
from ..data import load_data_yaml
from ..terms.sectors import sectors_in
from ..timeline.timex import extract_timexes
from .entities import entities_in_text, extract_entities

PAIR_COLUMNS = {
    "doc_id": "document",
    "sent_id": "sentence (corpus.sentences.sent_id)",
    "start": "start of the sentence in documents.text",
    "end": "end of the sentence (exclusive)",
    "a": "canonical name of the partner mentioned first",
    "b": "canonical name of the other partner",
    "a_label": "ORG or PLACE",
    "b_label": "ORG or PLACE",
    "type": "cooperation type: agreement, twinning, investment, visit, forum, partnership, education",
    "cue": "the cue word that made the sentence a cooperation sentence",
    "sector": "first sector of coopnews.terms.sectors.sectors_in(sentence); null when none",
    "date": "TIMEX3 value of the first DATE in the sentence (anchored on the publication date); null when none",
    "sentence": "the sentence (evidence)",
}
_QUALIFIER_GAP = re.compile(r"^[”\"]?(?:\s+(?:in|at|of)\s+|\s*,\s*(?:the\s+)?|['’]s\s+)$")
_OWNER_GAP = re.compile(r"^['’]s\s+$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LOCATOR_GAP = re.compile(r"^$")  # "法国里昂" (France's Lyon): written together, the country only locates the city


def _fail(path: str, reason: str) -> ValueError:
    return ValueError(f"{path}: {reason} (see the comments at the top of coopnews/data/cooperation_cues.yaml)")


@lru_cache(maxsize=8)
def _load_cues(path: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    data, where = load_data_yaml("cooperation_cues.yaml", path)
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise _fail(where, "must map each cooperation type to a list of cue words")
    if path is None:  # the packaged lexicon also speaks Chinese and French
        extra, _ = load_data_yaml("cooperation_cues_zh_fr.yaml")
        data = {k: [*v, *extra.get(k, [])] for k, v in data.items()}
    return tuple((str(k), tuple(str(c) for c in v)) for k, v in data.items())


def load_cues(path: str | Path | None = None) -> dict[str, list[str]]:
    """Cooperation type -> cue words, from `path` (default: the packaged data/cooperation_cues.yaml)."""
    if path not in (None, "") and not Path(path).is_file():
        raise FileNotFoundError(f"cue lexicon not found: {path} (give a YAML file like coopnews/data/cooperation_cues.yaml)")
    return {k: list(v) for k, v in _load_cues(None if path in (None, "") else str(path))}


@lru_cache(maxsize=8)
def _cue_patterns(path: str | None) -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for kind, cues in _load_cues(path):
        parts = []
        for cue in sorted(cues, key=lambda c: (-len(c), c)):
            body = re.escape(cue.rstrip("*")).replace(r"\ ", r"[\s-]+")
            if _CJK.search(cue):  # Chinese words are not delimited by spaces
                parts.append(body)
                continue
            parts.append(r"(?<!\w)" + body + (r"\w*" if cue.endswith("*") else "") + r"(?!\w)")
        out.append((kind, re.compile("(?:" + "|".join(parts) + ")", re.I)))
    return tuple(out)


def cue_in(sentence: str, *, cues: str | Path | None = None) -> tuple[str, str] | None:
    """(cooperation type, cue word) of the first listed type whose cue occurs in `sentence`, else None."""
    for kind, pattern in _cue_patterns(None if cues in (None, "") else str(cues)):
        m = pattern.search(sentence)
        if m:
            return kind, m.group()
    return None


def _masked(text: str, mentions: pd.DataFrame) -> str:
    """The sentence with its entity mentions blanked out, so 'University' in a name is not a cue."""
    chars = list(text)
    for s, e in zip(mentions["start"], mentions["end"]):
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _parties(mentions: pd.DataFrame, text: str) -> list[dict]:
    """Partners of one sentence in reading order, without places that only locate an organisation."""
    rows = mentions.sort_values(["start", "end"]).to_dict("records")
    keep = []
    for i, m in enumerate(rows):
        prev = rows[i - 1] if i else None
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if m["label"] == "PLACE":
            if _locates(m, prev, text) or _locates(m, nxt, text) or _not_a_party(text[:m["start"]]) \
                    or _in_event_name(text[m["end"]:]):
                continue
            if prev is not None and prev["label"] == "ORG" and _QUALIFIER_GAP.match(text[prev["end"]:m["start"]]):
                continue
            if nxt is not None and nxt["label"] == "ORG" and _OWNER_GAP.match(text[m["end"]:nxt["start"]]):
                continue
        keep.append(m)
    seen, out = set(), []
    for m in keep:
        if m["canonical"] not in seen:
            seen.add(m["canonical"])
            out.append(m)
    return out


def _locates(m: dict, other: dict | None, text: str) -> bool:
    """True when country `m` only locates its city or region `other` written right against it ("法国里昂")."""
    if other is None or other["label"] != "PLACE" or m["type"] != "country" or other["type"] == "country":
        return False
    if other["country"] != m["canonical"]:
        return False
    gap = text[m["end"]:other["start"]] if m["start"] < other["start"] else text[other["end"]:m["start"]]
    return bool(_LOCATOR_GAP.match(gap))


@lru_cache(maxsize=1)
def _not_party_before() -> re.Pattern:
    """Chinese and French words right before a venue or a locator (data/parties_zh_fr.yaml)."""
    data, _ = load_data_yaml("parties_zh_fr.yaml")
    verbs = "|".join(map(re.escape, data["fr"]["venue_verbs"]))
    heads = "|".join(map(re.escape, data["fr"]["locator_heads"]))
    venue_zh = "|".join(map(re.escape, data["zh"]["venue_before"]))
    return re.compile(
        rf"(?:{venue_zh})$"  # 在南京会见
        rf"|\b(?:{verbs})\b[^.;,]{{0,30}}?\bà\s+$"  # accueillie lundi à Rennes
        rf"|,\s*(?:la\s+|le\s+)?(?:{heads})\s+(?:du|de\s+la|de\s+l['’]|des|d['’])\s*$"  # , la capitale du Sichuan
        rf"|,\s*(?:dans|en)\s+(?:le\s+|la\s+|l['’])?$"  # , dans le Sichuan
        rf"|\w\s*\(\s*$",  # Chengdu (Sichuan)
        re.IGNORECASE)


@lru_cache(maxsize=1)
def _event_name_after() -> re.Pattern:
    data, _ = load_data_yaml("parties_zh_fr.yaml")
    nouns = "|".join(map(re.escape, data["zh_event_nouns"]))
    return re.compile(rf"^[\u3400-\u9fff—\-–·]{{0,12}}?(?:{nouns})")


def _in_event_name(after: str) -> bool:
    """True when a Chinese place opens the name of an event ("南京—里昂经贸交流会")."""
    return bool(_event_name_after().match(after[:20]))


def _not_a_party(before: str) -> bool:
    """True when the words before a place make it a venue or a locator ("在南京", "Chengdu, dans le Sichuan")."""
    return bool(_not_party_before().search(before[-60:]))


def _same_place(a: dict, b: dict) -> bool:
    """A place and the bigger place it lies in (Nanjing - China, Nanjing - Jiangsu) are not a pair."""
    if a["label"] != "PLACE" or b["label"] != "PLACE" or a["type"] == b["type"]:
        return False
    return bool(a["country"]) and a["country"] == b["country"]


def _sector(sentence: str) -> str | None:
    found = sectors_in(sentence)
    return found[0] if found else None


def _date(sentence: str, anchor: str | None, language: str | None = None) -> str | None:
    found = extract_timexes(sentence, anchor=anchor if isinstance(anchor, str) and anchor else None,
                            language=language if isinstance(language, str) else None)
    dates = found[found["type"] == "DATE"] if len(found) else found
    if not len(dates):
        return None
    calendar = dates[dates["value"].astype(str).str.match(r"^(?:\d{4}|XXXX)")]
    return str((calendar if len(calendar) else dates).iloc[0]["value"])


def pairs_in_sentences(sentences: pd.DataFrame, entities: pd.DataFrame, *, anchors: dict | None = None,
                       cues: str | Path | None = None, progress: bool = False,
                       languages: dict | None = None) -> pd.DataFrame:
    """Pairs (PAIR_COLUMNS) from sentences [doc_id, sent_id, start, end, text] and an entity table;
    `anchors` and `languages` map doc_id to the publication date and the language."""
    rows = []
    anchors = anchors or {}
    languages = languages or {}
    by_doc = {d: g for d, g in entities.groupby("doc_id", sort=False)} if len(entities) else {}
    spans = {d: list(zip(g["start"], g["end"], g["canonical"])) for d, g in by_doc.items()}
    for sent in tqdm(sentences.itertuples(index=False), total=len(sentences), desc="pairs", unit="sentence",
                     disable=not progress):
        ents = by_doc.get(sent.doc_id)
        if ents is None or len({c for s, e, c in spans[sent.doc_id] if s >= sent.start and e <= sent.end}) < 2:
            continue  # fewer than two partners in the sentence: no pair (cheap test before the table work)
        inside = ents[(ents["start"] >= sent.start) & (ents["end"] <= sent.end)]
        if inside["canonical"].nunique() < 2:
            continue
        shifted = inside.assign(start=inside["start"] - sent.start, end=inside["end"] - sent.start)
        cue = cue_in(_masked(sent.text, shifted), cues=cues)
        if cue is None:
            continue
        parties = _parties(shifted, sent.text)
        pairs = [(a, b) for a, b in combinations(parties, 2) if not _same_place(a, b)]
        if not pairs:
            continue
        sector, date = _sector(sent.text), _date(sent.text, anchors.get(sent.doc_id), languages.get(sent.doc_id))
        for a, b in pairs:
            rows.append({"doc_id": sent.doc_id, "sent_id": sent.sent_id, "start": sent.start, "end": sent.end,
                         "a": a["canonical"], "b": b["canonical"], "a_label": a["label"], "b_label": b["label"],
                         "type": cue[0], "cue": cue[1], "sector": sector, "date": date, "sentence": sent.text})
    return pd.DataFrame(rows, columns=list(PAIR_COLUMNS))


def extract_pairs(corpus, *, entities: pd.DataFrame | None = None, registry=None, cues: str | Path | None = None,
                  progress: bool = False) -> pd.DataFrame:
    """Cooperation pairs of every sentence of a Corpus (PAIR_COLUMNS), in document and sentence order."""
    if entities is None:
        entities = extract_entities(corpus, registry=registry, progress=progress)
    anchors = dict(zip(corpus.documents["doc_id"], corpus.documents["date"]))
    languages = dict(zip(corpus.documents["doc_id"], corpus.documents["language"])) \
        if "language" in corpus.documents else None
    return pairs_in_sentences(corpus.sentences, entities, anchors=anchors, cues=cues, progress=progress,
                              languages=languages)


def sentence_spans(text: str) -> pd.DataFrame:
    """Sentences of one text (doc_id '', sent_id, start, end, text) with the corpus sentence splitter."""
    spans = SentenceSplitter.for_texts([text]).spans(text)
    return pd.DataFrame([{"doc_id": "", "sent_id": i, "start": s, "end": e, "text": text[s:e]}
                         for i, (s, e) in enumerate(spans)], columns=["doc_id", "sent_id", "start", "end", "text"])


def pairs_in_text(text: str, *, anchor: str | None = None, registry=None, cues: str | Path | None = None) -> pd.DataFrame:
    """Cooperation pairs of one text (PAIR_COLUMNS; doc_id is '')."""
    entities = entities_in_text(text, registry=registry).assign(doc_id="")
    return pairs_in_sentences(sentence_spans(text), entities, anchors={"": anchor}, cues=cues)


def pair_counts(pairs: pd.DataFrame) -> pd.DataFrame:
    """Unordered partner pairs with the number of sentences and documents linking them, most first."""
    if pairs.empty:
        return pd.DataFrame(columns=["a", "b", "sentences", "documents", "types"])
    ordered = pairs.assign(x=pairs[["a", "b"]].min(axis=1), y=pairs[["a", "b"]].max(axis=1))
    table = ordered.groupby(["x", "y"]).agg(sentences=("sent_id", "size"), documents=("doc_id", "nunique"),
                                           types=("type", lambda s: sorted(set(s)))).reset_index()
    table = table.rename(columns={"x": "a", "y": "b"})
    return table.sort_values(["sentences", "documents", "a", "b"], ascending=[False, False, True, True]).reset_index(drop=True)
