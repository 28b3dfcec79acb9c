"""The real-news development set: articles from ../shared/eval/news (Reuters-21578, BBC) and the seeds,
annotated per ../shared/ANNOTATION.md. Gold files (eval/gold/news/*.json) hold ids, short strings and
offsets; the texts stay in ../shared and are written out here, the same way every time, when needed.

    python eval/newsgold.py show reuters-13034            # the text with the offset of each line
    python eval/newsgold.py find reuters-13034 "Tokyo"     # offsets of every occurrence
    python eval/newsgold.py locate eval/gold/news/X.json   # fill start/end from text (+ occurrence), check
    python eval/newsgold.py check                          # check every gold file against its text
    python eval/newsgold.py write DIR                      # write the annotated texts + metadata.csv to DIR

Document ids: `reuters-<NEWID>` (a file holding the title line, then the dateline and the body as on the
wire; its publication date, from the Reuters <DATE> field, goes to metadata.csv as a sidecar would give
it), `bbc-<category>-<NNN>` (the original file, no publication date), and the seed file stems.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval" / "news"
GOLD = ROOT / "eval" / "gold" / "news"
SEEDS = ROOT / "seeds"

ORG_TYPES = {"government", "company", "bank", "university", "institute", "association", "zone", "embassy",
             "media", "supranational", "other"}
PLACE_TYPES = {"country", "region", "city", "district", "continent", "territory"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {None, "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
        "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"}
PAIR_TYPES = {"agreement", "twinning", "visit", "investment", "partnership", "membership", "other"}
EVENT_TYPES = {"visit", "meeting", "forum", "signing", "ties", "anniversary", "opening", "launch", "investment",
               "other"}
_VALUE = re.compile(r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|"
                    r"(?:\d{4}|XXXX|\d{3}|\d{2})(?:-(?:\d\d|XX|Q[1-4]|QX|H[12]|SP|SU|FA|WI|W\d\d|WXX)(?:-(?:\d\d|XX|WE))?)?"
                    r"(?:T(?:\d\d(?::\d\d(?::\d\d)?)?|MO|AF|EV|NI|DT))?|"
                    r"P(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|Q|H)|PT(?:\d+|X)(?:H|M|S)|"
                    r"XXXX-WXX(?:-\d)?|TXX?)$")


def use_news(folder: Path) -> None:
    """Read the texts from `folder` (holding reuters21578/ and bbc/) instead of ../shared/eval/news."""
    global SHARED
    SHARED = Path(folder)
    _reuters.cache_clear()


@lru_cache(maxsize=1)
def _reuters() -> dict[str, dict]:
    path = SHARED / "reuters21578" / "reuters21578.jsonl"
    if not path.is_file():
        raise SystemExit(f"{path}: not found; pass the folder holding reuters21578/ and bbc/ with --news")
    with path.open(encoding="utf-8") as fh:
        return {f"reuters-{r['newid']}": r for r in map(json.loads, fh)}


def _bbc_path(doc: str) -> Path:
    _, category, number = doc.split("-")
    return SHARED / "bbc" / "original" / category / f"{number}.txt"


def text_of(doc: str) -> str:
    """The document's text exactly as `write` puts it in its file."""
    if doc.startswith("reuters-"):
        r = _reuters()[doc]
        dateline = f"    {r['dateline'].strip()} " if r.get("dateline") else ""
        return f"{r['title']}\n{dateline}{r['body']}"
    if doc.startswith("bbc-"):
        raw = _bbc_path(doc).read_bytes()
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    return (SEEDS / f"{doc}.txt").read_text(encoding="utf-8")


def publication_date(doc: str) -> str | None:
    """What metadata gives (Reuters' <DATE> day); None for BBC; seeds print their own when they have one."""
    if doc.startswith("reuters-"):
        stamp = _reuters()[doc].get("datetime")
        return stamp[:10] if stamp else None
    return None


def write(docs: list[str], folder: Path) -> Path:
    """Write each document to `folder/<doc>.txt` (bytes as decoded text, UTF-8) and a metadata.csv sidecar."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for doc in docs:
        (folder / f"{doc}.txt").write_text(text_of(doc), encoding="utf-8")
        date = publication_date(doc)
        if date:
            rows.append({"file": f"{doc}.txt", "date": date})
    if rows:
        with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["file", "date"])
            writer.writeheader()
            writer.writerows(rows)
    return folder


def load_gold(folder: Path = GOLD, *, splits=None) -> dict[str, dict]:
    """doc id -> gold annotation, for every gold file in `folder` (optionally only some splits)."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        if path.name == "SELECTION.json":
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        if splits is None or gold["split"] in splits:
            out[gold["doc"]] = gold
    return out


def _occurrences(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), text)]


def _place(text: str, item: dict, key: str, where: str, problems: list[str]) -> None:
    """Fill item's start/end from item[key] (+ 'occurrence', 1-based), or check the ones it has."""
    needle = item.get(key)
    if not needle:
        problems.append(f"{where}: no '{key}'")
        return
    if "start" in item and "end" in item:
        if text[item["start"]:item["end"]] != needle:
            problems.append(f"{where}: text[{item['start']}:{item['end']}] is "
                            f"{text[item['start']:item['end']]!r}, not {needle!r}")
        return
    hits = _occurrences(text, needle)
    n = int(item.pop("occurrence", 1))
    if len(hits) < n:
        problems.append(f"{where}: {needle!r} occurs {len(hits)} times, occurrence {n} asked")
        return
    item["start"], item["end"] = hits[n - 1], hits[n - 1] + len(needle)


def check(gold: dict, *, fill: bool = False) -> list[str]:
    """Problems in one gold annotation (empty when it is consistent with its text); fills offsets if asked."""
    doc = gold.get("doc", "?")
    problems: list[str] = []
    try:
        text = text_of(doc)
    except (KeyError, FileNotFoundError):
        return [f"{doc}: no such document"]
    for key in ("split", "publication_date", "organisations", "places_all", "places", "pairs", "events", "timexes"):
        if key not in gold:
            problems.append(f"{doc}: missing '{key}'")
    if problems:
        return problems
    if gold["split"] not in ("dev", "heldout", "val", "val2"):
        problems.append(f"{doc}: split must be dev, heldout, val or val2")
    names: dict[str, str] = {}
    for layer, types in (("organisations", ORG_TYPES), ("places_all", PLACE_TYPES)):
        for e in gold[layer]:
            if e.get("type") not in types:
                problems.append(f"{doc}: {layer} {e.get('name')!r}: type {e.get('type')!r} not in {sorted(types)}")
            for form in [e["name"], *e.get("aliases", [])]:
                if form not in text and not e.get("registry_alias", False) and form != e["name"]:
                    problems.append(f"{doc}: {layer} {e['name']!r}: alias {form!r} is not in the text")
            if e["name"] in names:
                problems.append(f"{doc}: {e['name']!r} listed twice")
            names[e["name"]] = layer
            if not any(form in text for form in [e["name"], *e.get("aliases", [])]):
                problems.append(f"{doc}: {layer} {e['name']!r}: neither the name nor an alias is in the text")
    places = {e["name"] for e in gold["places_all"]}
    for p in gold["places"]:
        if p not in places:
            problems.append(f"{doc}: party place {p!r} is not in places_all")
    for i, pair in enumerate(gold["pairs"]):
        where = f"{doc}: pair {i} {pair.get('a')!r}-{pair.get('b')!r}"
        for side in ("a", "b"):
            if pair.get(side) not in names:
                problems.append(f"{where}: {pair.get(side)!r} is not an organisation or place of this document")
            elif names[pair[side]] == "places_all" and pair[side] not in gold["places"]:
                problems.append(f"{where}: {pair[side]!r} is a pair member but not listed in places (parties)")
        if pair.get("a") == pair.get("b"):
            problems.append(f"{where}: a pair needs two different parties")
        if pair.get("type") not in PAIR_TYPES:
            problems.append(f"{where}: type {pair.get('type')!r} not in {sorted(PAIR_TYPES)}")
        if len(pair.get("evidence", "")) > 100:
            problems.append(f"{where}: evidence quote longer than 100 characters")
        _place(text, pair, "evidence", where, problems)
    for i, event in enumerate(gold["events"]):
        where = f"{doc}: event {i} {event.get('text')!r}"
        if not _VALUE.match(str(event.get("date", ""))):
            problems.append(f"{where}: date {event.get('date')!r} is not a TIMEX3 value")
        if event.get("end_date") is not None and not _VALUE.match(str(event["end_date"])):
            problems.append(f"{where}: end_date {event.get('end_date')!r} is not a TIMEX3 value")
        if event.get("type") not in EVENT_TYPES:
            problems.append(f"{where}: type {event.get('type')!r} not in {sorted(EVENT_TYPES)}")
        if not event.get("parties"):
            problems.append(f"{where}: an event needs at least one party")
        for p in event.get("parties", []):
            if p not in names:
                problems.append(f"{where}: party {p!r} is not an organisation or place of this document")
        _place(text, event, "text", where, problems)
    for i, t in enumerate(gold["timexes"]):
        where = f"{doc}: timex {i} {t.get('text')!r}"
        if t.get("type") not in TIMEX_TYPES:
            problems.append(f"{where}: type {t.get('type')!r}")
        if not _VALUE.match(str(t.get("value", ""))):
            problems.append(f"{where}: value {t.get('value')!r} is not a TIMEX3 value")
        if t.get("mod") not in MODS:
            problems.append(f"{where}: mod {t.get('mod')!r}")
        _place(text, t, "text", where, problems)
    spans = sorted((t["start"], t["end"]) for t in gold["timexes"] if "start" in t)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if s2 < e1:
            problems.append(f"{doc}: timexes overlap at {s1}-{e1} and {s2}-{e2}")
    gold["timexes"].sort(key=lambda t: t.get("start", 0))
    return problems


# --- scoring (shared by eval/partners.py and eval/timeline.py) ----------------------------------------

def normalise(name: str) -> str:
    """Matching key: NFKC, one kind of dash and apostrophe, no leading 'the', no possessive, case-folded."""
    import unicodedata

    name = unicodedata.normalize("NFKC", str(name))
    name = re.sub(r"[\u2010-\u2015\u2212]", "-", re.sub(r"[\u2018\u2019\u02bc`´]", "'", name))
    name = re.sub(r"\s+", " ", name).strip(" \t\n.,;:\"“”")
    name = re.sub(r"(?:'s|')$", "", re.sub(r"^the\s+", "", name, flags=re.I)).strip()
    return name.casefold()


def gold_entities(gold: dict) -> dict[str, str]:
    """Gold name -> label (ORG for organisations, PLACE for places_all), without the implicit ones (a country
    only implied by "the French consul"), which are parties but not named entities."""
    out = {e["name"]: "ORG" for e in gold["organisations"] if not e.get("implicit")}
    out.update({e["name"]: "PLACE" for e in gold["places_all"] if not e.get("implicit")})
    return out


def name_index(gold: dict) -> dict[str, str]:
    """Normalised name or alias -> gold name."""
    index: dict[str, str] = {}
    for e in [*gold["organisations"], *gold["places_all"]]:
        for form in [e["name"], *e.get("aliases", [])]:
            index.setdefault(normalise(form), e["name"])
    return index


def match_units(gold: dict, units: dict[str, dict]) -> dict[str, str | None]:
    """Predicted canonical -> gold name it matches (its canonical name or one of its surface forms equals a
    gold name or alias), else None. `units`: canonical -> {"label", "surfaces"}."""
    index = name_index(gold)
    out = {}
    for canonical, unit in units.items():
        out[canonical] = next((index[k] for k in map(normalise, [canonical, *sorted(unit["surfaces"])])
                               if k in index), None)
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_entities(gold: dict, units: dict[str, dict], *, label: str | None = None):
    """(tp, fp, fn, errors) over one document's unique entities. A second predicted entity matching a
    gold entity already matched (the same partner split in two) counts as a false positive."""
    labels = gold_entities(gold)
    implicit = {e["name"] for e in [*gold["organisations"], *gold["places_all"]] if e.get("implicit")}
    wanted = {n for n, lab in labels.items() if label is None or lab == label}
    matched: set[str] = set()
    errors = []
    for canonical, hit in sorted(match_units(gold, units).items()):
        if (label is not None and units[canonical]["label"] != label) or hit in implicit:
            continue
        if hit is None or hit not in wanted or hit in matched:
            errors.append(("FP", canonical if hit is None else f"{canonical} (= {hit})"))
        else:
            matched.add(hit)
    errors += [("FN", n) for n in sorted(wanted - matched)]
    fp = sum(1 for kind, _ in errors if kind == "FP")
    return len(matched), fp, len(wanted - matched), errors


def score_pairs(gold: dict, units: dict[str, dict], pairs) -> tuple[int, int, int, list]:
    """(tp, fp, fn, errors) over one document's unique unordered pairs; `pairs` as (a, b) canonical names."""
    names = {c: hit or f"?{c}" for c, hit in match_units(gold, units).items()}
    truth = {frozenset((p["a"], p["b"])) for p in gold["pairs"]}
    found = {frozenset((names.get(a, f"?{a}"), names.get(b, f"?{b}"))) for a, b in pairs}
    found = {p for p in found if len(p) == 2}
    errors = [("FP", " + ".join(sorted(p))) for p in found - truth] + \
             [("FN", " + ".join(sorted(p))) for p in truth - found]
    return len(found & truth), len(found - truth), len(truth - found), sorted(errors)


def score_events(gold: dict, units: dict[str, dict], events) -> tuple[int, int, int, list]:
    """(matched gold, unmatched predicted, unmatched gold, errors): an event is right when its date value
    and at least one of its parties are right. `events` as (value, [canonical parties]), unique."""
    names = {c: hit for c, hit in match_units(gold, units).items() if hit}
    found = sorted({(str(v), frozenset(names[p] for p in ps if p in names), tuple(sorted(ps))) for v, ps in events},
                   key=lambda e: (e[0], sorted(e[1]), e[2]))  # frozensets have no total order: sort by their items
    truth = [(e["date"] if not e.get("end_date") else f"{e['date']}/{e['end_date']}", set(e["parties"]))
             for e in gold["events"]]
    used, tp, errors = set(), 0, []
    for value, parties in truth:
        hit = next((i for i, (v, ps, _) in enumerate(found)
                    if i not in used and v == value and ps & parties), None)
        if hit is None:
            errors.append(("FN", f"{value} {sorted(parties)}"))
        else:
            used.add(hit)
            tp += 1
    errors += [("FP", f"{v} {list(raw)}") for i, (v, _, raw) in enumerate(found) if i not in used]
    return tp, len(found) - len(used), len(truth) - tp, errors


def score_timexes(gold: dict, predicted) -> dict[str, int]:
    """TempEval-3 counts for one document: `predicted` as dicts with start, end, type, value (offsets into
    the gold text). strict = same extent; relaxed = overlapping extents; value/type = relaxed match with the
    same value/type."""
    truth = gold["timexes"]
    out = {"gold": len(truth), "predicted": len(predicted), "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    used: set[int] = set()
    for t in truth:
        hit = next((i for i, p in enumerate(predicted)
                    if i not in used and p["start"] < t["end"] and t["start"] < p["end"]), None)
        if hit is None:
            continue
        used.add(hit)
        p = predicted[hit]
        out["relaxed"] += 1
        out["strict"] += p["start"] == t["start"] and p["end"] == t["end"]
        out["value"] += str(p["value"]) == str(t["value"])
        out["type"] += p["type"] == t["type"]
    return out


def _show(doc: str) -> None:
    text = text_of(doc)
    print(f"# {doc}  publication date (metadata): {publication_date(doc)}  length {len(text)}")
    pos = 0
    for line in text.split("\n"):
        print(f"{pos:6d} | {line}")
        pos += len(line) + 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("show").add_argument("doc")
    find = sub.add_parser("find")
    find.add_argument("doc")
    find.add_argument("needle")
    locate = sub.add_parser("locate")
    locate.add_argument("files", nargs="+", type=Path)
    sub.add_parser("check")
    out = sub.add_parser("write")
    out.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "show":
        _show(args.doc)
    elif args.command == "find":
        text = text_of(args.doc)
        for n, start in enumerate(_occurrences(text, args.needle), 1):
            print(f"occurrence {n}: {start}-{start + len(args.needle)}  …{text[max(0, start - 40):start + len(args.needle) + 40]!r}")
    elif args.command == "locate":
        bad = 0
        for path in args.files:
            gold = json.loads(path.read_text(encoding="utf-8"))
            problems = check(gold, fill=True)
            path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            for p in problems:
                print(p)
            bad += bool(problems)
            print(f"{path}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
        return 1 if bad else 0
    elif args.command == "check":
        gold = load_gold()
        problems = [p for g in gold.values() for p in check(g)]
        for p in problems:
            print(p)
        n_timex = sum(len(g["timexes"]) for g in gold.values())
        n_pairs = sum(len(g["pairs"]) for g in gold.values())
        print(f"{len(gold)} gold files, {n_pairs} pairs, {n_timex} timexes, {len(problems)} problem(s)")
        return 1 if problems else 0
    elif args.command == "write":
        docs = [d["doc"] for d in json.loads((GOLD / "SELECTION.json").read_text())["documents"]]
        print(write(docs, args.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
