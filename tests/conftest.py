"""Shared fixtures. Tests never read ../shared: what they use lives in tests/data or seeds/."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Every test session gets its own corpus cache, so tests never see a user's cache."""
    os.environ["COOPNEWS_CACHE"] = str(tmp_path_factory.mktemp("coopnews-cache"))
    os.environ.setdefault("TQDM_DISABLE", "1")
    yield


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_corpus(_private_cache):
    """The five seed articles, loaded once per session."""
    from coopnews import load_corpus

    return load_corpus(SEEDS, progress=False)
