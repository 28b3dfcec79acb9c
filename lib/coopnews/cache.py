"""Where cached tables live: $COOPNEWS_CACHE, else ~/.cache/coopnews, one folder per corpus path."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_root() -> Path:
    """The cache's base folder."""
    configured = os.environ.get("COOPNEWS_CACHE")
    if configured:
        return Path(configured).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "coopnews"


def corpus_cache_dir(corpus_root: Path) -> Path:
    """The folder holding one corpus' cached tables (named after the corpus path)."""
    resolved = str(Path(corpus_root).resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:16]
    return cache_root() / f"{Path(resolved).name}-{digest}"
