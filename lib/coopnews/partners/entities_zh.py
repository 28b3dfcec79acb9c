"""Organisations and places in Chinese text, with the same Mention rows as the English finder.

jieba segments the text; a place is a word (or two adjacent words) that the registry or the multilingual
gazetteer (coopnews.partners.multilingual) knows, its canonical name the English one (南京 -> Nanjing); an
organisation is a run of name-like words ending in an organisation word (大学, 银行, 集团, 外事办公室,
总领事馆 ... in data/entities_zh_fr.yaml), e.g. 南京市人民政府外事办公室, 法国里昂商学院. A place's government
(里昂市政府) stands for the place; wire services in datelines (新华社南京10月22日电) are credits, not
organisations.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..corpus.chinese import segment
from .mention import Mention
from .multilingual import lexicon, place_names, registry_places
from .registry import Registry

_NAME_FLAGS = ("ns", "nt", "nz", "n", "nrt", "j", "eng", "nr", "nrfg", "l")
_ORDINAL = re.compile(r"^第[一二三四五六七八九十\d]+$|^\d+$")
_CREDIT = re.compile(r"^\s*[\u4e00-\u9fff]{0,8}\s*\d{1,2}月\d{1,2}日\s*电")


@lru_cache(maxsize=1)
def _suffixes() -> list[tuple[str, str]]:
    """(organisation word, type), longest first."""
    pairs = [(w, kind) for kind, words in lexicon()["zh"]["organisation_suffixes"].items() for w in words]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _org_type(name: str) -> str | None:
    return next((kind for word, kind in _suffixes() if name.endswith(word)), None)


def _place(name: str, registry: Registry, local: dict) -> tuple[str, str, str | None] | None:
    entry = registry.lookup(name)
    if entry and entry["label"] == "PLACE":
        return entry["name"], entry["type"], entry["country"]
    hit = local.get(name) or place_names("zh").get(name)
    if hit:
        return hit
    for suffix in sorted(lexicon()["zh"]["place_suffixes"], key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            return local.get(stem) or place_names("zh").get(stem)
    return None


def mentions(text: str, registry: Registry) -> list[Mention]:
    """Organisation and place mentions of one Chinese text, in reading order."""
    words = lexicon()["zh"]
    stop = set(words["not_in_names"])
    media = set(words["media_in_credits"])
    local = registry_places(registry, "zh")
    tokens = segment(text)  # (word, flag, start)
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        word, flag, start = tokens[i]
        found = _organisation_at(tokens, i, stop, registry, local)
        if found is not None:
            first, last = found
            s, e = tokens[first][2], tokens[last][2] + len(tokens[last][0])
            name = text[s:e]
            out = [m for m in out if m.end <= s]
            out.append(_org_or_place(s, e, name, registry, local))
            i = last + 1
            continue
        if word in media and _CREDIT.match(text, start + len(word)):
            i += 1
            continue
        for n in (2, 1):
            if i + n > len(tokens) or any(t[1] == "x" or not t[0].strip() for t in tokens[i:i + n]):
                continue
            surface = "".join(t[0] for t in tokens[i:i + n])
            entry = registry.lookup(surface) if n == 2 or len(surface) >= 2 else None
            place = _place(surface, registry, local) if len(surface) >= 2 and surface not in stop else None
            if entry and entry["label"] == "ORG":
                out.append(Mention(start, start + len(surface), surface, "ORG", entry["name"], entry["type"],
                                   entry["country"], "registry"))
            elif place:
                out.append(Mention(start, start + len(surface), surface, "PLACE", *place, "gazetteer"))
            else:
                continue
            i += n - 1
            break
        i += 1
    return out


def _organisation_at(tokens, i: int, stop: set, registry: Registry, local: dict) -> tuple[int, int] | None:
    """(first, last) token of an organisation name starting at token i, when token i opens one."""
    last = None
    j = i
    while j < len(tokens) and j - i < 8:
        word, flag, _ = tokens[j]
        if word in stop or not (flag.startswith(_NAME_FLAGS) or _ORDINAL.match(word) or word in ("驻", "对外", "·")):
            break
        if _org_type(word) and (j > i or len(word) >= 4 or registry.lookup(word)):
            last = j
        j += 1
    if last is None:
        return None
    name = "".join(t[0] for t in tokens[i:last + 1])
    if len(name) < 3 or (last == i and name in {w for w, _ in _suffixes()}):
        return None  # an organisation word alone ("研究基地") names nothing
    first = _place(tokens[i][0], registry, local)
    if first and first[1] == "country" and last > i + 1 and _place(tokens[i + 1][0], registry, local):
        i += 1  # "法国布列塔尼大区议会": the country only locates the body named after its region
    return i, last


def _org_or_place(s: int, e: int, name: str, registry: Registry, local: dict) -> Mention:
    entry = registry.lookup(name)
    if entry:
        return Mention(s, e, name, entry["label"], entry["name"], entry["type"], entry["country"], "registry")
    for word in sorted(lexicon()["zh"]["government_of_place"], key=len, reverse=True):
        if name.endswith(word):
            place = _place(name[: -len(word)], registry, local)
            if place:
                return Mention(s, e, name, "PLACE", *place, "rule")
    country = None
    for n in range(min(len(name), 6), 1, -1):
        place = _place(name[:n], registry, local)
        if place:
            country = place[2]
            break
    return Mention(s, e, name, "ORG", name, _org_type(name) or "other", country, "rule")
