"""The partner registry (data/partners.yaml, user-editable): aliases → one canonical partner, names to ignore,
and the frequent names not in it yet (candidates to add).

    registry = load_registry()              # or load_registry("my-partners.yaml")
    registry.lookup("Nankin")               # {'name': 'Nanjing', 'label': 'PLACE', 'type': 'city', ...}
    candidates(entities, registry=registry) # names seen often that the registry does not know
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..data import load_data_yaml

PARTNER_COLUMNS = {
    "name": "canonical name",
    "label": "ORG or PLACE",
    "type": "ORG: government, company, bank, university, institute, association, zone, embassy, supranational, media, "
            "other; "
            "PLACE: city, region, country",
    "country": "the partner's country (English short name); null when unknown",
    "aliases": "other names of the partner (list)",
}
CANDIDATE_COLUMNS = {
    "canonical": "a name the extractor found that the registry does not list",
    "label": "ORG or PLACE",
    "type": "type guessed by the extractor",
    "country": "country guessed by the extractor",
    "mentions": "number of mentions in the corpus",
    "documents": "number of documents mentioning it",
    "examples": "up to three surface forms seen",
}
LABELS = ("ORG", "PLACE")
ORG_TYPES = ("government", "company", "bank", "university", "institute", "association", "zone", "embassy", "supranational",
             "media", "other")
PLACE_TYPES = ("city", "region", "country")

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc`´]")  # ʻ: the Hawaiian ʻokina ("Hawaiʻi")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"(?:'s|')$")


@lru_cache(maxsize=500_000)
def normalise_name(text: str) -> str:
    """Matching key for a name: NFKC, one kind of dash/apostrophe, no leading 'the' or possessive, case-folded."""
    text = unicodedata.normalize("NFKC", text)
    text = _APOSTROPHES.sub("'", _DASHES.sub("-", text))
    text = _SPACES.sub(" ", text).strip(" \t\n.,;:\"“”")
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text)).strip()
    return text.casefold()


@dataclass(eq=False)
class Registry:
    """Canonical partners with their aliases, names to ignore, demonyms and extra country names."""

    partners: pd.DataFrame
    ignore: frozenset[str]
    demonyms: dict[str, str]
    country_aliases: dict[str, str]  # normalised alias -> country name
    path: str
    _by_key: dict[str, dict] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for row in self.partners.to_dict("records"):
            entry = {k: row[k] for k in ("name", "label", "type", "country")}
            for alias in [row["name"], *row["aliases"]]:
                self._by_key.setdefault(normalise_name(alias), entry)

    def lookup(self, text: str) -> dict | None:
        """The registry entry (name, label, type, country) whose name or alias is `text`, else None."""
        return self._by_key.get(normalise_name(text))

    def is_ignored(self, text: str) -> bool:
        """True when `text` is listed under `ignore`."""
        return normalise_name(text) in self.ignore

    def aliases(self) -> list[str]:
        """Every name and alias, longest first (ties by name), for matching in text."""
        names = {a for row in self.partners.itertuples() for a in [row.name, *row.aliases]}
        return sorted(names, key=lambda a: (-len(a), a))

    def fingerprint(self) -> str:
        """A short hash of the registry's content: cached entities are valid for one registry only."""
        payload = json.dumps([self.partners.to_dict("records"), sorted(self.ignore), self.demonyms,
                              self.country_aliases], sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]

    @property
    def names(self) -> set[str]:
        """Canonical names of all partners listed."""
        return set(self.partners["name"])


@lru_cache(maxsize=8)
def _demonym_keys(registry: Registry) -> dict[str, str]:
    return {normalise_name(k): v for k, v in registry.demonyms.items()}


def _fail(path: str, reason: str) -> ValueError:
    return ValueError(f"{path}: {reason} (see the comments at the top of coopnews/data/partners.yaml for the format)")


def _as_list(value, path: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise _fail(path, f"{where} must be a list of names")
    return [str(v) for v in value]


def _parse_partners(entries, path: str) -> pd.DataFrame:
    if not isinstance(entries, list):
        raise _fail(path, "'partners' must be a list of entries with name, label, type")
    rows = []
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise _fail(path, f"partner #{i} has no 'name'")
        name = str(entry["name"])
        label = str(entry.get("label", "")).upper()
        if label not in LABELS:
            raise _fail(path, f"partner {name!r}: label must be ORG or PLACE, not {entry.get('label')!r}")
        kind = str(entry.get("type") or ("other" if label == "ORG" else "city"))
        allowed = ORG_TYPES if label == "ORG" else PLACE_TYPES
        if kind not in allowed:
            raise _fail(path, f"partner {name!r}: type {kind!r} is not one of {', '.join(allowed)}")
        rows.append({"name": name, "label": label, "type": kind, "country": entry.get("country"),
                     "aliases": _as_list(entry.get("aliases"), path, f"aliases of {name!r}")})
    return pd.DataFrame(rows, columns=list(PARTNER_COLUMNS))


def parse_registry(data: dict, *, path: str = "<registry>") -> Registry:
    """A Registry from the YAML structure (see data/partners.yaml); ValueError naming `path` when malformed."""
    if not isinstance(data, dict):
        raise _fail(path, "the file must be a mapping with 'partners', 'ignore', 'demonyms', 'country_aliases'")
    demonyms = data.get("demonyms") or {}
    country_aliases = data.get("country_aliases") or {}
    if not isinstance(demonyms, dict) or not isinstance(country_aliases, dict):
        raise _fail(path, "'demonyms' and 'country_aliases' must be mappings")
    aliases = {normalise_name(a): str(country) for country, names in country_aliases.items()
               for a in [country, *_as_list(names, path, f"country_aliases of {country!r}")]}
    return Registry(
        partners=_parse_partners(data.get("partners") or [], path),
        ignore=frozenset(normalise_name(n) for n in _as_list(data.get("ignore"), path, "'ignore'")),
        demonyms={str(k): str(v) for k, v in demonyms.items()},
        country_aliases=aliases,
        path=path,
    )


@lru_cache(maxsize=8)
def _load_cached(path: str | None, mtime: float) -> Registry:
    data, where = load_data_yaml("partners.yaml", path)
    return parse_registry(data, path=where)


def load_registry(path: str | Path | None = None) -> Registry:
    """The registry from `path` (default: the packaged data/partners.yaml); cached until the file changes."""
    if path in (None, ""):
        return _load_cached(None, 0.0)
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"partner registry not found: {p} (give a YAML file like coopnews/data/partners.yaml)")
    return _load_cached(str(p.resolve()), p.stat().st_mtime)


def as_registry(registry) -> Registry:
    """`registry` if it is a Registry, else the registry loaded from that path (None = packaged one)."""
    return registry if isinstance(registry, Registry) else load_registry(registry)


def candidates(entities: pd.DataFrame, *, registry=None, min_count: int = 2, top_n: int | None = 50) -> pd.DataFrame:
    """Frequent names in an entity table that neither the registry nor the gazetteers know (CANDIDATE_COLUMNS)."""
    reg = as_registry(registry)
    if entities.empty:
        return pd.DataFrame(columns=list(CANDIDATE_COLUMNS))
    gazetteer_place = (entities["label"] == "PLACE") & entities["type"].notna()
    known = entities["canonical"].map(lambda n: reg.lookup(n) is not None) | gazetteer_place
    rest = entities[~known]
    if "doc_id" not in rest:
        rest = rest.assign(doc_id="")
    grouped = rest.groupby("canonical", sort=True).agg(
        label=("label", "first"), type=("type", "first"), country=("country", "first"),
        mentions=("text", "size"), documents=("doc_id", "nunique"),
        examples=("text", lambda s: sorted(set(s))[:3]))
    table = grouped[grouped["mentions"] >= min_count].reset_index()
    table = table.sort_values(["mentions", "documents", "canonical"], ascending=[False, False, True])
    if top_n is not None:
        table = table.head(top_n)
    return table[list(CANDIDATE_COLUMNS)].reset_index(drop=True)


def registry_frame(registry=None) -> pd.DataFrame:
    """The registry's partners as a table (PARTNER_COLUMNS)."""
    return as_registry(registry).partners.copy()
