"""Which coopnews computed a cached row: a digest of the package's own code and data files (lexicons,
registry, grammars). It is part of every cache key, so rows a different version of coopnews wrote (an
upgrade, an edited lexicon, a changed rule) are computed again instead of being read back as this version's."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # lib/coopnews
SUFFIXES = (".py", ".yaml", ".yml", ".json", ".txt", ".csv", ".tsv")  # what computes rows (not templates, CSS)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """12 hex digits identifying the package's code and data files (their paths and bytes)."""
    digest = hashlib.sha1()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in SUFFIXES and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
