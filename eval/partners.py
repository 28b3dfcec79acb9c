"""Accuracy of coopnews' partners (entities), cooperation pairs and dated events on real news: the annotated
Reuters-21578 and BBC articles and the seeds (eval/gold/news/, conventions in ../shared/ANNOTATION.md), with a
naive anchor scored side by side.

    .venv/bin/python eval/partners.py [NEWS_DIR] [--split dev|val|val2|heldout] [--show-errors]

NEWS_DIR is the folder holding reuters21578/ and bbc/ (default: ../shared/eval/news next to the repository).
The texts are written out with eval/newsgold.py (texts + metadata.csv, the publication dates a sidecar
gives), loaded as a corpus and run through the pipeline (extract_entities, extract_pairs, extract_events).

Measures (scoring functions of eval/newsgold.py):
- entities: unique organisations and places of each document, all / ORG / PLACE;
- pairs: unique unordered cooperation pairs of each document;
- events: an event is right when its date value and at least one of its parties are right.
Micro = counts summed over documents; macro = mean F1 per document (documents with gold or predictions).

The anchor: spaCy's NER (ORG → ORG, GPE/LOC → PLACE), every two of its entities in a sentence holding a
cooperation cue as a pair, and every calendar date of such a sentence as an event with all its entities.
`--show-errors` lists coopnews' errors on dev and val only: the held-out half is for reporting.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "eval"))

import newsgold  # noqa: E402
from coopnews import load_corpus  # noqa: E402
from coopnews.partners.aliases import corpus_aliases, entities_with_aliases, events_with_aliases, pairs_with_aliases  # noqa: E402,E501
from coopnews.partners.entities import extract_entities, spacy_entities  # noqa: E402
from coopnews.partners.relations import cue_in, extract_pairs  # noqa: E402
from coopnews.timeline.events import dated_expressions, extract_events  # noqa: E402

SPLITS = ("dev", "val", "val2", "heldout")
MEASURES = ("entities", "ORG", "PLACE", "pairs", "events")
DEFAULT_NEWS = ROOT.parent / "shared" / "eval" / "news"


def load_documents(gold: dict[str, dict], folder: Path):
    """The gold documents written to `folder` (texts + metadata.csv) and loaded as a corpus, doc_id = gold id."""
    newsgold.write(sorted(gold), folder)
    corpus = load_corpus(folder, progress=False, use_cache=False)
    ids = corpus.documents["path"].map(lambda p: Path(str(p)).stem)
    rename = dict(zip(corpus.documents["doc_id"], ids))
    corpus.documents = corpus.documents.assign(doc_id=ids, duplicate_of=None)
    corpus.sentences = corpus.sentences.assign(doc_id=corpus.sentences["doc_id"].map(rename))
    missing = set(gold) - set(ids)
    if missing:
        raise SystemExit(f"eval/partners.py: documents not loaded from {folder}: {sorted(missing)[:5]}")
    return corpus


def units(entities: pd.DataFrame) -> dict[str, dict]:
    """canonical -> {label, surfaces} of one document's entity rows."""
    out: dict[str, dict] = {}
    for row in entities.itertuples():
        unit = out.setdefault(row.canonical, {"label": row.label, "surfaces": set()})
        unit["surfaces"].add(row.text)
    return out


def ours(corpus) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """coopnews' entity, pair and event tables, as scale.access gives them to users (acronyms named alike
    across the corpus)."""
    entities = extract_entities(corpus)
    pairs = extract_pairs(corpus, entities=entities)
    events = extract_events(corpus, entities=entities, pairs=pairs)
    aliases = corpus_aliases(entities)
    return (entities_with_aliases(entities, aliases), pairs_with_aliases(pairs, aliases),
            events_with_aliases(events, aliases))


def anchor(corpus) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The naive anchor's entity, pair and event tables (see the module docstring)."""
    docs = corpus.documents
    frames = spacy_entities(docs["text"].tolist())
    entities = pd.concat([f.assign(doc_id=d) for d, f in zip(docs["doc_id"], frames)], ignore_index=True)
    anchors = dict(zip(docs["doc_id"], docs["date"]))
    by_doc = {d: g for d, g in entities.groupby("doc_id")}
    pairs, events = [], []
    for sent in corpus.sentences.itertuples():
        ents = by_doc.get(sent.doc_id)
        if ents is None or cue_in(sent.text) is None:
            continue
        inside = ents[(ents["start"] >= sent.start) & (ents["end"] <= sent.end)]
        names = sorted(set(inside["canonical"]))
        pairs += [{"doc_id": sent.doc_id, "a": a, "b": b} for a, b in combinations(names, 2)]
        date = anchors.get(sent.doc_id)
        for value in dated_expressions(sent.text, anchor=date if isinstance(date, str) else None)["value"]:
            if names:
                events.append({"doc_id": sent.doc_id, "value": value, "parties": names})
    return (entities, pd.DataFrame(pairs, columns=["doc_id", "a", "b"]),
            pd.DataFrame(events, columns=["doc_id", "value", "parties"]))


def score_document(gold: dict, entities: pd.DataFrame, pairs: pd.DataFrame, events: pd.DataFrame) -> dict:
    """measure -> (tp, fp, fn, errors) for one document."""
    u = units(entities)
    return {
        "entities": newsgold.score_entities(gold, u),
        "ORG": newsgold.score_entities(gold, u, label="ORG"),
        "PLACE": newsgold.score_entities(gold, u, label="PLACE"),
        "pairs": newsgold.score_pairs(gold, u, list(zip(pairs["a"], pairs["b"]))),
        "events": newsgold.score_events(gold, u, {(str(v), tuple(sorted(ps)))
                                                  for v, ps in zip(events["value"], events["parties"])}),
    }


def evaluate(gold: dict[str, dict], corpus, *, show_errors: bool = False) -> pd.DataFrame:
    """One row per split, measure and system: micro tp/fp/fn, P, R, F1 and the macro F1."""
    counts = defaultdict(lambda: [0, 0, 0])
    per_doc = defaultdict(list)
    for system, run in (("coopnews", ours), ("anchor", anchor)):
        entities, pairs, events = run(corpus)
        groups = {name: {d: g for d, g in table.groupby("doc_id")} for name, table in
                  (("entities", entities), ("pairs", pairs), ("events", events))}
        for doc_id, doc in sorted(gold.items()):
            empty = {"entities": entities.iloc[0:0], "pairs": pairs.iloc[0:0], "events": events.iloc[0:0]}
            tables = {k: groups[k].get(doc_id, empty[k]) for k in empty}
            for measure, (tp, fp, fn, errors) in score_document(doc, **tables).items():
                c = counts[(doc["split"], measure, system)]
                c[0], c[1], c[2] = c[0] + tp, c[1] + fp, c[2] + fn
                if tp + fp + fn:
                    per_doc[(doc["split"], measure, system)].append(newsgold.prf(tp, fp, fn)[2])
                if show_errors and system == "coopnews" and doc["split"] != "heldout" and measure != "entities":
                    for kind, what in sorted(errors, key=str):  # a stable order to diff runs
                        print(f"  {doc_id} {measure} {kind}: {what}")
    rows = []
    for (split, measure, system), (tp, fp, fn) in counts.items():
        p, r, f = newsgold.prf(tp, fp, fn)
        macro = per_doc[(split, measure, system)]
        rows.append({"split": split, "measure": measure, "system": system, "tp": tp, "fp": fp, "fn": fn,
                     "P": round(p, 3), "R": round(r, 3), "F1": round(f, 3),
                     "macro F1": round(sum(macro) / len(macro), 3) if macro else 0.0})
    table = pd.DataFrame(rows)
    order = {**{s: i for i, s in enumerate(SPLITS)}, **{m: i for i, m in enumerate(MEASURES)},
             "coopnews": 0, "anchor": 1}
    return table.sort_values(["split", "measure", "system"], key=lambda s: s.map(order)).reset_index(drop=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("news", nargs="?", type=Path, default=DEFAULT_NEWS,
                        help="folder holding reuters21578/ and bbc/ (default: %(default)s)")
    parser.add_argument("--split", action="append", choices=SPLITS, help="only these splits (repeatable)")
    parser.add_argument("--show-errors", action="store_true", help="list coopnews' pair and event errors on dev and val")
    args = parser.parse_args(argv)
    if not (args.news / "reuters21578").is_dir():
        raise SystemExit(f"eval/partners.py: {args.news}: no reuters21578/ folder here; pass the folder of the news texts")
    newsgold.use_news(args.news)
    splits = tuple(args.split or SPLITS)
    gold = newsgold.load_gold(splits=splits)
    with tempfile.TemporaryDirectory(prefix="coopnews-eval-") as tmp:
        corpus = load_documents(gold, Path(tmp))
        table = evaluate(gold, corpus, show_errors=args.show_errors)
    n = pd.Series([g["split"] for g in gold.values()]).value_counts().to_dict()
    print(f"gold: eval/gold/news ({', '.join(f'{k}: {v} documents' for k, v in sorted(n.items()))}); texts: {args.news}")
    with pd.option_context("display.width", 200):
        print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
