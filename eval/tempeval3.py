"""Score the TIMEX3 tagger on TempEval-3 (TimeML), with dateparser's search_dates as the peer, the TE3 way.

    .venv/bin/python eval/tempeval3.py                  # platinum test set (20 files, 138 timexes)
    .venv/bin/python eval/tempeval3.py --split train --errors    # TimeBank + AQUAINT, with the misses

Strict = same extent; relaxed = overlapping extents; value F1 = value accuracy over relaxed matches x relaxed
F1, type F1 likewise (UzZaman et al. 2013). The DCT is the CREATION_TIME TIMEX3; gold TIMEX3s are the ones
inside <TEXT>, with offsets into the TEXT content.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "eval" / "tempeval3"


@dataclass
class Document:
    name: str
    dct: str
    text: str
    gold: list[tuple[int, int, str, str]]  # start, end, type, value


def read_tml(path: Path) -> Document:
    """DCT, TEXT content and the TIMEX3s inside it (offsets into the TEXT content)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise SystemExit(f"{path}: not well-formed TimeML XML ({err}); give a TempEval-3 .tml file")
    dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    text_el = root.find("TEXT")
    if dct is None or text_el is None:
        raise SystemExit(f"{path}: no CREATION_TIME TIMEX3 or no <TEXT>; give a TempEval-3 .tml file")
    parts: list[str] = []
    gold: list[tuple[int, int, str, str]] = []
    size = [0]

    def walk(el):
        if el.text:
            parts.append(el.text)
            size[0] += len(el.text)
        for child in el:
            start = size[0]
            walk(child)
            if child.tag == "TIMEX3" and size[0] > start:
                gold.append((start, size[0], child.get("type"), child.get("value")))
            if child.tail:
                parts.append(child.tail)
                size[0] += len(child.tail)

    walk(text_el)
    return Document(path.name, dct[:10], "".join(parts), gold)


def read_split(data: Path, split: str) -> list[Document]:
    """All documents of the test (platinum) or train (TimeBank + AQUAINT) split."""
    folders = [data / "test"] if split == "test" else [data / "train" / "TimeBank", data / "train" / "AQUAINT"]
    files = sorted(f for folder in folders if folder.is_dir() for f in folder.glob("*.tml"))
    if not files:
        raise SystemExit(f"no .tml files under {', '.join(map(str, folders))}: give the TempEval-3 folder "
                         "(with test/ and train/TimeBank, train/AQUAINT) as the first argument")
    return [read_tml(f) for f in files]


def ours(doc: Document) -> list[tuple[int, int, str, str]]:
    from coopnews.timeline.timex import extract_timexes

    table = extract_timexes(doc.text, anchor=doc.dct)
    return list(zip(table["start"], table["end"], table["type"], table["value"]))


_DD_PARSER = None


def dateparser_peer(doc: Document) -> list[tuple[int, int, str, str]]:
    """search_dates anchored on the DCT; each match is a DATE at the precision dateparser reports for it."""
    global _DD_PARSER
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = datetime.fromisoformat(doc.dct)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if _DD_PARSER is None:
        _DD_PARSER = DateDataParser(languages=["en"], settings=settings)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
    out, pos = [], 0
    for substring, when in found:
        start = doc.text.find(substring, pos)
        if start < 0:
            continue
        pos = start + len(substring)
        out.append((start, pos, "DATE", _value_at_precision(substring, when, base)))
    return out


def _value_at_precision(substring: str, when: datetime, base: datetime) -> str:
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        period = parser.get_date_data(substring).period or "day"
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period == "time":
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.strftime("%Y-%m-%d")


def score(docs: list[Document], predictions: list[list[tuple]]) -> dict:
    """Strict/relaxed P, R, F1 and value/type F1 over all documents, plus per-type counts and the misses."""
    n_gold = n_sys = strict_hits = 0
    gold_hit = sys_hit = value_ok = type_ok = 0
    per_type: dict[str, list[int]] = {}
    errors: list[str] = []
    for doc, pred in zip(docs, predictions):
        n_gold += len(doc.gold)
        n_sys += len(pred)
        strict = {(s, e) for s, e, *_ in doc.gold} & {(s, e) for s, e, *_ in pred}
        strict_hits += len(strict)
        sys_hit += sum(1 for s, e, *_ in pred if any(s < ge and gs < e for gs, ge, *_ in doc.gold))
        for gs, ge, gtype, gvalue in doc.gold:
            stats = per_type.setdefault(gtype, [0, 0, 0])
            stats[0] += 1
            overlapping = [p for p in pred if p[0] < ge and gs < p[1]]
            if not overlapping:
                errors.append(f"MISS  {doc.name}\t{doc.dct}\t{gtype}\t{gvalue}\t{_context(doc.text, gs, ge)}")
                continue
            best = max(overlapping, key=lambda p: min(ge, p[1]) - max(gs, p[0]))
            gold_hit += 1
            stats[1] += 1
            if best[3] == gvalue:
                value_ok += 1
                stats[2] += 1
            else:
                errors.append(f"VALUE {doc.name}\t{doc.dct}\t{gtype}\t{gvalue} != {best[3]}\t"
                              f"{_context(doc.text, min(gs, best[0]), max(ge, best[1]))}")
            type_ok += best[2] == gtype
        for s, e, t, v in pred:
            if not any(s < ge and gs < e for gs, ge, *_ in doc.gold):
                errors.append(f"FALSE {doc.name}\t{doc.dct}\t{t}\t{v}\t{_context(doc.text, s, e)}")
    sp, sr = _ratio(strict_hits, n_sys), _ratio(strict_hits, n_gold)
    rp, rr = _ratio(sys_hit, n_sys), _ratio(gold_hit, n_gold)
    rf = _f1(rp, rr)
    return {"strict": (sp, sr, _f1(sp, sr)), "relaxed": (rp, rr, rf),
            "value_f1": rf * _ratio(value_ok, gold_hit), "type_f1": rf * _ratio(type_ok, gold_hit),
            "n_gold": n_gold, "n_sys": n_sys, "per_type": per_type, "errors": errors}


def _context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 50):start] + "[[" + text[start:end] + "]]" + text[end:end + 30]).replace("\n", " ")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def report(name: str, result: dict, seconds: float) -> str:
    sp, sr, sf = result["strict"]
    rp, rr, rf = result["relaxed"]
    return (f"{name:<22} {sp:6.3f} {sr:6.3f} {sf:6.3f}   {rp:6.3f} {rr:6.3f} {rf:6.3f}   "
            f"{result['value_f1']:7.3f} {result['type_f1']:7.3f}   {result['n_sys']:5d} {seconds:7.2f}s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="TempEval-3 folder (test/, train/)")
    ap.add_argument("--split", choices=["test", "train"], default="test")
    ap.add_argument("--errors", action="store_true", help="list misses, wrong values and false alarms of ours")
    ap.add_argument("--no-peer", action="store_true", help="skip dateparser (faster during development)")
    args = ap.parse_args(argv)
    docs = read_split(Path(args.data), args.split)
    print(f"TempEval-3 {args.split}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold TIMEX3")
    print(f"{'system':<22} {'strict P':>6} {'R':>6} {'F1':>6}   {'relax P':>6} {'R':>6} {'F1':>6}   "
          f"{'value F1':>7} {'type F1':>7}   {'n':>5} {'time':>8}")
    systems = [("coopnews.timex", ours)] + ([] if args.no_peer else [("dateparser.search_dates", dateparser_peer)])
    results = {}
    for name, system in systems:
        t0 = time.perf_counter()
        predictions = [system(d) for d in docs]
        results[name] = score(docs, predictions)
        print(report(name, results[name], time.perf_counter() - t0))
    for name, result in results.items():
        print(f"\nper gold type, {name}: type  gold  found  value-correct")
        for kind, (n, found, ok) in sorted(result["per_type"].items()):
            print(f"  {kind:<9} {n:5d} {found:6d} {ok:6d}   recall {_ratio(found, n):.3f}  value acc {_ratio(ok, found):.3f}")
    if args.errors:
        print("\nerrors of coopnews.timex:")
        for line in sorted(results["coopnews.timex"]["errors"]):
            print(line)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "lib"))
    sys.exit(main())
