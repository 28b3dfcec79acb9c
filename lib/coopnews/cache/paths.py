"""Where cached tables live: $COOPNEWS_CACHE, else ~/.cache/coopnews, one folder per corpus path or URL."""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from ..corpus.read import corpus_root as located
from ..corpus.read import location_url


def cache_root() -> Path:
    """The cache's base folder."""
    configured = os.environ.get("COOPNEWS_CACHE")
    root = Path(configured).expanduser() if configured else \
        Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "coopnews"
    blocked = next((p for p in (root, *root.parents) if p.exists() and not p.is_dir()), None)
    if blocked is not None:
        setting = f"COOPNEWS_CACHE={configured}" if configured else f"the cache folder {root}"
        raise ValueError(f"{setting}: {blocked} is a file, not a folder; point COOPNEWS_CACHE at a folder "
                         f"(it is created when missing)")
    return root


def corpus_cache_dir(corpus_root: str | Path) -> Path:
    """The folder holding one corpus' cached tables, named after the corpus folder and keyed on its
    resolved path (local folders, file:// URLs included) or its normalised URL (s3://, gcs://, …)."""
    root = located(corpus_root)
    if isinstance(root, Path):
        key = str(root.resolve())
        name = Path(key).name
    else:
        key = location_url(root)
        protocol, _, path = key.rpartition("://")
        name = re.sub(r"[^\w.-]+", "_", path.rstrip("/").rsplit("/", 1)[-1]) or re.sub(r"\W+", "_", protocol)
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return cache_root() / f"{name}-{digest}"
