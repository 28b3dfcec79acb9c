"""Chinese and French: entities, cooperation pairs, time expressions and publication dates scored against the
project's own test articles (tests/data/zh, tests/data/fr; gold in tests/data/multilingual-gold, written per
../shared/ANNOTATION.md). Each gold file's "split" says `dev` (rules are
tuned on them: zh 01-04, fr 01-04, 09-12 and 17-22) or `heldout` (report only: zh 05-08, fr 05-08 and 13-16).

    python eval/multilingual.py                  # figures per language and split
    python eval/multilingual.py --errors dev     # and the errors of the dev split

Entities and pairs are scored as in eval/newsgold.py (unique entities per document, matched by canonical
name or surface form against gold names and aliases; unordered pairs). Time expressions are tagged on the
file's whole text (title and byline lines included) with the publication date the loader found as anchor;
value F1 counts a predicted expression right when it overlaps a gold one and has its value (TempEval-3
relaxed value). Publication dates: found = printed dates read right; invented = a date given where the
article prints none, or a wrong one.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "lib"))

from newsgold import prf, score_entities, score_pairs, score_timexes  # noqa: E402

DATA = ROOT / "tests" / "data"
GOLD = DATA / "multilingual-gold"
LANGUAGES = ("zh", "fr")


def load_gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.json"))}


def units_of(entities) -> dict[str, dict]:
    units: dict[str, dict] = {}
    for row in entities.itertuples():
        unit = units.setdefault(row.canonical, {"label": row.label, "surfaces": set()})
        unit["surfaces"].add(row.text)
    return units


def run(language: str):
    """The corpus of one language's test folder and its entity and pair tables."""
    import coopnews
    from coopnews.partners.relations import extract_pairs
    from coopnews.partners.entities import extract_entities

    corpus = coopnews.load_corpus(DATA / language, progress=False, use_cache=False)
    entities = extract_entities(corpus)
    pairs = extract_pairs(corpus, entities=entities)
    return corpus, entities, pairs


def evaluate(gold: dict[str, dict], *, show: str | None = None) -> list[dict]:
    from coopnews.timeline.timex import extract_timexes

    rows = []
    for language in LANGUAGES:
        corpus, entities, pairs = run(language)
        docs = corpus.documents.set_index("doc_id")
        for split in ("dev", "heldout"):
            c = {"ent": [0, 0, 0], "pair": [0, 0, 0], "tx_gold": 0, "tx_pred": 0, "tx_value": 0,
                 "dates_printed": 0, "dates_found": 0, "dates_invented": 0, "docs": 0}
            for doc, g in gold.items():
                if g["language"] != language or g["split"] != split:
                    continue
                c["docs"] += 1
                units = units_of(entities[entities["doc_id"] == doc])
                tp, fp, fn, errors = score_entities(g, units)
                c["ent"] = [a + b for a, b in zip(c["ent"], (tp, fp, fn))]
                doc_pairs = pairs[pairs["doc_id"] == doc]
                ptp, pfp, pfn, perrors = score_pairs(g, units, list(zip(doc_pairs["a"], doc_pairs["b"])))
                c["pair"] = [a + b for a, b in zip(c["pair"], (ptp, pfp, pfn))]
                date = docs.at[doc, "date"]
                date = None if not isinstance(date, str) else date
                raw = (DATA / language / f"{doc}.txt").read_text("utf-8")
                found = extract_timexes(raw, anchor=date, language=docs.at[doc, "language"]).to_dict("records")
                counts = score_timexes(g, found)
                c["tx_gold"] += counts["gold"]
                c["tx_pred"] += counts["predicted"]
                c["tx_value"] += counts["value"]
                printed = g["publication_date"]
                c["dates_printed"] += printed is not None
                c["dates_found"] += printed is not None and date == printed
                c["dates_invented"] += date is not None and date != printed
                if show == split:
                    print(f"--- {doc} ({docs.at[doc, 'language']}) date {date} (gold {printed})")
                    for kind, what in errors + [(k, f"pair {w}") for k, w in perrors]:
                        print(f"   {kind} {what}")
                    gold_spans = {(t["start"], t["end"], t["value"]) for t in g["timexes"]}
                    for t in found:
                        if (t["start"], t["end"], t["value"]) not in gold_spans:
                            print(f"   TX? {t['text']!r} {t['value']}")
                    for t in g["timexes"]:
                        if not any(f["start"] < t["end"] and t["start"] < f["end"] and f["value"] == t["value"] for f in found):
                            print(f"   TX-FN {t['text']!r} {t['value']}")
            ent = prf(*c["ent"])
            pair = prf(*c["pair"])
            tx = prf(c["tx_value"], c["tx_pred"] - c["tx_value"], c["tx_gold"] - c["tx_value"])
            rows.append({"language": language, "split": split, "docs": c["docs"], "entity_f1": ent[2],
                         "pair_f1": pair[2], "timex_value_f1": tx[2],
                         "dates_found": f"{c['dates_found']}/{c['dates_printed']}", "dates_invented": c["dates_invented"]})
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=("dev", "heldout"), help="print the errors of this split")
    args = parser.parse_args(argv)
    os.environ.setdefault("COOPNEWS_CACHE", tempfile.mkdtemp(prefix="coopnews-multilingual-"))
    rows = evaluate(load_gold(), show=args.errors)
    print(f"{'language':8} {'split':8} {'docs':>4} {'entity F1':>9} {'pair F1':>8} {'timex value F1':>14} "
          f"{'dates found':>11} {'invented':>8}")
    for r in rows:
        print(f"{r['language']:8} {r['split']:8} {r['docs']:>4} {r['entity_f1']:>9.2f} {r['pair_f1']:>8.2f} "
              f"{r['timex_value_f1']:>14.2f} {r['dates_found']:>11} {r['dates_invented']:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
