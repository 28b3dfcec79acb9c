"""Accuracy of coopnews.entities and coopnews.pairs on the hand-annotated gold set (tests/data/gold/),
with spaCy's raw NER (en_core_web_sm: ORG → ORG, GPE/LOC → PLACE) scored side by side.

    .venv/bin/python eval/partners.py [GOLD_DIR] [--split seed|dev|heldout] [--show-errors]

Entities: P/R/F1 over the unique entities of each document (micro-averaged over documents), untyped and for
ORG and PLACE separately. A predicted entity matches a gold one when its canonical name or one of its
surface forms equals the gold name or one of its aliases (case, dashes, 'the' and possessives ignored).
Pairs: P/R/F1 over the unique unordered partner pairs of each document; the spaCy baseline pairs every two
of its entities in the same cue sentences. The gold format is described in tests/data/gold/README.md.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from coopnews import load_corpus  # noqa: E402
from coopnews.partners.entities import extract_entities, spacy_entities  # noqa: E402
from coopnews.partners.relations import pairs_in_sentences  # noqa: E402
from coopnews.partners.registry import normalise_name  # noqa: E402

SPLITS = ("seed", "dev", "heldout")


def load_gold(folder: Path) -> dict[str, dict]:
    """doc id -> gold annotation, for every *.json in `folder`."""
    files = sorted(folder.glob("*.json"))
    if not files:
        raise SystemExit(f"eval/partners.py: no gold *.json files in {folder} (see tests/data/gold/README.md)")
    return {(g := json.loads(f.read_text("utf-8")))["doc"]: g for f in files}


def corpora(gold: dict[str, dict]):
    """The seeds and the written articles, loaded as corpora; only documents with gold annotations."""
    folders = sorted({(ROOT / g["source"]).parent for g in gold.values()})
    out = []
    for folder in folders:
        corpus = load_corpus(folder, progress=False, use_cache=False)
        keep = corpus.documents["doc_id"].isin(gold)
        corpus.documents = corpus.documents[keep].reset_index(drop=True)
        corpus.sentences = corpus.sentences[corpus.sentences["doc_id"].isin(gold)].reset_index(drop=True)
        out.append(corpus)
    return out


def _gold_index(doc: dict) -> dict[str, str]:
    """Normalised name or alias -> gold entity name."""
    index = {}
    for e in doc["entities"]:
        for name in [e["name"], *e["aliases"]]:
            index.setdefault(normalise_name(name), e["name"])
    return index


def _units(entities: pd.DataFrame) -> dict[str, dict]:
    """canonical -> {label, surfaces} for one document's predictions."""
    units: dict[str, dict] = {}
    for row in entities.itertuples():
        unit = units.setdefault(row.canonical, {"label": row.label, "surfaces": set()})
        unit["surfaces"].add(row.text)
    return units


def _match(canonical: str, unit: dict, index: dict[str, str]) -> str | None:
    for name in [canonical, *sorted(unit["surfaces"])]:
        hit = index.get(normalise_name(name))
        if hit:
            return hit
    return None


def score_entities(doc: dict, entities: pd.DataFrame, label: str | None) -> tuple[int, int, int, list]:
    """(tp, fp, fn, errors) over the unique entities of one document, for one label or all (None)."""
    index = _gold_index(doc)
    gold_labels = {e["name"]: e["label"] for e in doc["entities"]}
    gold = {n for n, lab in gold_labels.items() if label is None or lab == label}
    matched, fp = set(), []
    for canonical, unit in _units(entities).items():
        hit = _match(canonical, unit, index)
        if label is not None:
            if unit["label"] != label:
                continue
            if hit is not None and gold_labels[hit] != label:
                hit = None
        if hit is None:
            fp.append(("FP", canonical))
        else:
            matched.add(hit)
    fn = [("FN", n) for n in sorted(gold - matched)]
    return len(matched & gold), len(fp), len(fn), fp + fn


def score_pairs(doc: dict, entities: pd.DataFrame, pairs: pd.DataFrame) -> tuple[int, int, int, list]:
    """(tp, fp, fn, errors) over the unique unordered pairs of one document."""
    index = _gold_index(doc)
    names = {c: (_match(c, u, index) or f"?{c}") for c, u in _units(entities).items()}
    gold = {frozenset((p["a"], p["b"])) for p in doc["pairs"]}
    pred = {frozenset((names.get(a, f"?{a}"), names.get(b, f"?{b}"))) for a, b in zip(pairs["a"], pairs["b"])}
    pred = {p for p in pred if len(p) == 2}
    errors = [("FP", " + ".join(sorted(p))) for p in pred - gold] + [("FN", " + ".join(sorted(p))) for p in gold - pred]
    return len(pred & gold), len(pred - gold), len(gold - pred), errors


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_systems(corpus) -> dict[str, tuple[pd.DataFrame, pd.DataFrame]]:
    """system name -> (entity table, pair table) for one corpus."""
    anchors = dict(zip(corpus.documents["doc_id"], corpus.documents["date"]))
    ours = extract_entities(corpus)
    raw_frames = spacy_entities(corpus.documents["text"].tolist())
    raw = pd.concat([f.assign(doc_id=d) for d, f in zip(corpus.documents["doc_id"], raw_frames)], ignore_index=True)
    out = {}
    for name, ents in (("coopnews", ours), ("spaCy NER", raw)):
        out[name] = (ents, pairs_in_sentences(corpus.sentences, ents, anchors=anchors))
    return out


def evaluate(gold: dict[str, dict], *, splits=SPLITS, show_errors: bool = False) -> pd.DataFrame:
    """One row per split, system and measure with tp, fp, fn, P, R, F1."""
    counts = defaultdict(lambda: [0, 0, 0])
    for corpus in corpora(gold):
        for system, (ents, pairs) in run_systems(corpus).items():
            for doc_id in corpus.documents["doc_id"]:
                doc = gold[doc_id]
                if doc["split"] not in splits:
                    continue
                e = ents[ents["doc_id"] == doc_id]
                p = pairs[pairs["doc_id"] == doc_id]
                groups = [doc["split"]] + (["written (dev+heldout)"] if doc["split"] != "seed" else [])
                results = {"entities": score_entities(doc, e, None), "ORG": score_entities(doc, e, "ORG"),
                           "PLACE": score_entities(doc, e, "PLACE"), "pairs": score_pairs(doc, e, p)}
                for measure, (tp, fp, fn, errors) in results.items():
                    for group in groups:
                        c = counts[(group, system, measure)]
                        c[0], c[1], c[2] = c[0] + tp, c[1] + fp, c[2] + fn
                    if show_errors and system == "coopnews" and measure in ("entities", "pairs"):
                        for kind, what in errors:
                            print(f"  {doc_id} {measure} {kind}: {what}")
    rows = []
    for (group, system, measure), (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        rows.append({"split": group, "system": system, "measure": measure, "tp": tp, "fp": fp, "fn": fn,
                     "P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)})
    order = {m: i for i, m in enumerate(["entities", "ORG", "PLACE", "pairs"])}
    split_order = {s: i for i, s in enumerate([*SPLITS, "written (dev+heldout)"])}
    table = pd.DataFrame(rows)
    table = table.sort_values(["split", "measure", "system"], key=lambda s: s.map(
        split_order if s.name == "split" else order if s.name == "measure" else lambda x: x)).reset_index(drop=True)
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", default=str(ROOT / "tests" / "data" / "gold"))
    parser.add_argument("--split", action="append", choices=SPLITS, help="only these splits (repeatable)")
    parser.add_argument("--show-errors", action="store_true", help="list coopnews' false positives and negatives")
    args = parser.parse_args(argv)
    gold = load_gold(Path(args.gold_dir))
    table = evaluate(gold, splits=tuple(args.split or SPLITS), show_errors=args.show_errors)
    n = pd.Series([g["split"] for g in gold.values()]).value_counts().to_dict()
    print(f"gold: {args.gold_dir} ({', '.join(f'{k}: {v} documents' for k, v in sorted(n.items()))})")
    print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
