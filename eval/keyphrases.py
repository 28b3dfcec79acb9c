"""Keyphrase extraction on public news benchmarks: ours vs YAKE (default settings) vs a TF-IDF n-gram baseline.

    .venv/bin/python eval/keyphrases.py [DATA_DIR]      # DATA_DIR defaults to ../shared/eval/keyphrase

Datasets (see DATA_DIR/SOURCE.md; the data is research-use only and never copied into the project):
  * 500N-KPCrowd test-50 (split.tsv), full text; first line = headline.
  * DUC-2001, all 308 documents; first <TEXT> block only, inner tags stripped. Test only.
Protocol: predictions and gold are lower-cased, split into words, Porter-stemmed and de-duplicated; exact match;
P@k = hits / min(k, predictions), R@k = hits / gold; F1 per document, macro-averaged (as in RESULTS.md).
Document frequencies for TF-IDF (ours and the baseline) come from the texts of the dataset being scored,
never from gold keys. Both coopnews presets were tuned on the 450 500N training documents only ("words" on
all their gold keys, "phrases" on their multi-word gold keys); both presets are scored on both datasets.
"""
from __future__ import annotations

import argparse
import html
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path

from nltk.stem import PorterStemmer

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "keyphrase"
_WORDS = re.compile(r"\w+")
_STEMMER = PorterStemmer()
_TEXT_BLOCK = re.compile(r"<TEXT>(.*?)</TEXT>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def normalise(phrase: str) -> str:
    """Lower-cased, Porter-stemmed words of `phrase` joined by spaces."""
    return " ".join(_STEMMER.stem(w) for w in _WORDS.findall(phrase.lower()))


def load_500n(root: Path, split: str = "test") -> list[tuple[str, str, list[str]]]:
    """(id, text, gold keys) of the 500N-KPCrowd documents in `split` (train | test | all)."""
    base = root / "500N-KPCrowd"
    if not (base / "split.tsv").exists():
        raise FileNotFoundError(f"{base / 'split.tsv'} not found: pass the keyphrase data folder as DATA_DIR")
    out = []
    for line in (base / "split.tsv").read_text("utf-8").splitlines():
        doc_id, part = line.split("\t")
        if split != "all" and part != split:
            continue
        text = (base / "docsutf8" / f"{doc_id}.txt").read_text("utf-8", errors="replace").replace("\r\n", "\n")
        keys = (base / "keys" / f"{doc_id}.key").read_text("utf-8", errors="replace").splitlines()
        out.append((doc_id, text, [k.strip() for k in keys if k.strip()]))
    return out


def load_duc(root: Path) -> list[tuple[str, str, list[str]]]:
    """(id, text, gold keys) of the 308 DUC-2001 documents: first <TEXT> block, inner tags stripped."""
    base = root / "DUC-2001"
    if not (base / "annotations.txt").exists():
        raise FileNotFoundError(f"{base / 'annotations.txt'} not found: pass the keyphrase data folder as DATA_DIR")
    out = []
    for line in (base / "annotations.txt").read_text("utf-8", errors="replace").splitlines():
        if "@" not in line:
            continue
        doc_id, keys = line.strip().split("@", 1)
        raw = (base / "docs" / doc_id).read_text("utf-8", errors="replace")
        block = _TEXT_BLOCK.search(raw)
        text = html.unescape(_TAG.sub(" ", block.group(1) if block else raw))
        text = re.sub(r"[ \t]*\n[ \t]*", "\n", text).strip()
        out.append((doc_id, text, [k.strip() for k in keys.split(";") if k.strip()]))
    return out


def score(predictions: list[list[str]], golds: list[list[str]], k: int) -> dict[str, float]:
    """Macro-averaged P@k, R@k, F1@k in percent."""
    ps, rs, fs = [], [], []
    for pred, gold in zip(predictions, golds):
        gold_set = {g for g in (normalise(x) for x in gold) if g}
        seen, top = set(), []
        for p in pred:
            n = normalise(p)
            if n and n not in seen:
                seen.add(n)
                top.append(n)
        top = top[:k]
        hits = sum(1 for p in top if p in gold_set)
        p = hits / min(k, len(top)) if top else 0.0
        r = hits / len(gold_set) if gold_set else 0.0
        ps.append(p)
        rs.append(r)
        fs.append(2 * p * r / (p + r) if p + r else 0.0)
    n = len(fs) or 1
    return {"P": 100 * sum(ps) / n, "R": 100 * sum(rs) / n, "F1": 100 * sum(fs) / n}


def yake_default(texts: list[str], k: int) -> list[list[str]]:
    """YAKE 0.7.3 with its default settings (n=3)."""
    import yake

    extractor = yake.KeywordExtractor(lan="en", top=k)
    return [[kw for kw, _ in extractor.extract_keywords(t)] for t in texts]


_TFIDF_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def tfidf_ngrams(texts: list[str], k: int, *, max_n: int = 3) -> list[list[str]]:
    """Plain TF-IDF over 1..max_n-grams without stopwords at either end (idf from `texts`)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    def grams(text):
        words = [w.lower() for w in _TFIDF_TOKEN.findall(text)]
        out = Counter()
        for n in range(1, max_n + 1):
            for i in range(len(words) - n + 1):
                g = words[i:i + n]
                if g[0] in STOP_WORDS or g[-1] in STOP_WORDS or any(w.isdigit() for w in g):
                    continue
                out[" ".join(g)] += 1
        return out

    counts = [grams(t) for t in texts]
    df = Counter(g for c in counts for g in c)
    n_docs = len(texts)
    preds = []
    for c in counts:
        scored = sorted(c, key=lambda g: (-c[g] * math.log((1 + n_docs) / (1 + df[g])), g))
        preds.append(scored[:k])
    return preds


def ours(preset: str):
    """coopnews.keyphrases with `preset` and document frequencies from the texts given."""

    def run(texts: list[str], k: int, *, scored_from: int = 0) -> list[list[str]]:
        from coopnews.terms.keyphrases import KeyphraseExtractor

        extractor = KeyphraseExtractor.fit(texts, preset=preset)
        return [[] for _ in texts[:scored_from]] + [
            [p for p, _ in found] for found in extractor.extract_many(texts[scored_from:], k=k)]

    return run


METHODS = {"coopnews phrases": ours("phrases"), "coopnews words": ours("words"), "YAKE default": yake_default,
           "TF-IDF 1-3gram": tfidf_ngrams}


def evaluate(name: str, docs, *, df_texts=None) -> list[dict]:
    """One row per method: F1@5, F1@10, P@10 and speed on `docs`."""
    texts = [t for _, t, _ in docs]
    golds = [g for _, _, g in docs]
    rows = []
    for method, run in METHODS.items():
        start = time.perf_counter()
        if method.startswith("coopnews") and df_texts is not None:
            # idf from the whole dataset's texts (no gold), predictions for the scored documents only
            preds = run(df_texts + texts, 10, scored_from=len(df_texts))[len(df_texts):]
        elif method == "TF-IDF 1-3gram" and df_texts is not None:
            preds = run(df_texts + texts, 10)[len(df_texts):]
        else:
            preds = run(texts, 10)
        seconds = time.perf_counter() - start
        s5, s10 = score(preds, golds, 5), score(preds, golds, 10)
        rows.append({"dataset": name, "method": method, "F1@5": s5["F1"], "F1@10": s10["F1"], "P@10": s10["P"],
                     "docs/s": len(docs) / seconds})
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), help="keyphrase data folder")
    parser.add_argument("--split", default="test", choices=["test", "train"],
                        help="500N split to score (train = the tuning documents)")
    args = parser.parse_args(argv)
    root = Path(args.data_dir)
    n500 = load_500n(root, args.split)
    others = [t for doc_id, t, _ in load_500n(root, "all") if doc_id not in {d for d, _, _ in n500}]
    rows = evaluate(f"500N-KPCrowd {args.split}-{len(n500)}", n500, df_texts=others)
    rows += evaluate(f"DUC-2001 {len(load_duc(root))}", load_duc(root))
    print(f"{'dataset':<24}{'method':<18}{'F1@5':>7}{'F1@10':>7}{'P@10':>7}{'docs/s':>9}")
    for r in rows:
        print(f"{r['dataset']:<24}{r['method']:<18}{r['F1@5']:7.2f}{r['F1@10']:7.2f}{r['P@10']:7.2f}"
              f"{r['docs/s']:9.1f}")
    print("bar (issue 3): F1@10 >= 18.5 on 500N test-50 and >= 28 on DUC-2001; the 'words' preset is the one "
          "for 500N-style keys, 'phrases' for DUC-style keys (no single setting reaches both).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
