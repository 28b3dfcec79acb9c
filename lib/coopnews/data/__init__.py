"""The editable data files (lexicons, word lists, registries) beside this module, and the one loader of them:
the packaged copy in coopnews/data/, or a user's file."""
from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import yaml


def read_data_text(name: str, path: str | Path | None = None) -> tuple[str, str]:
    """(text, where) of the user's `path`, else of the packaged coopnews/data/<name>."""
    if path is None:
        return resources.files("coopnews").joinpath(f"data/{name}").read_text("utf-8"), f"coopnews/data/{name}"
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: file not found (a copy of coopnews/data/{name} is a good start)")
    return p.read_text("utf-8"), str(p)


def load_data_yaml(name: str, path: str | Path | None = None) -> tuple[object, str]:
    """(parsed YAML, where) of `path` or the packaged coopnews/data/<name>; ValueError naming the file."""
    text, where = read_data_text(name, path)
    try:
        return yaml.safe_load(text), where
    except yaml.YAMLError as err:
        raise ValueError(f"{where}: not valid YAML ({err}); fix the file or use the packaged one") from None


def load_word_list(name: str, path: str | Path | None = None) -> frozenset[str]:
    """The lower-cased words (one a line; blank lines and # comments skipped) of `path` or of the packaged
    coopnews/data/<name>."""
    text, _ = read_data_text(name, path)
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


def one_of(words: Iterable[str]) -> str:
    """Regex alternatives matching any of a lexicon's `words` as written, tried in order ("a|b|c d")."""
    return "|".join(re.escape(w) for w in words)


def word_alternatives(words: Iterable[str], ending: str = r"[\w-]*") -> str:
    """Regex alternatives matching a lexicon's `words`, a trailing * matching any `ending` ("visit*": visits,
    visited)."""
    return "|".join(re.escape(w.rstrip("*")) + (ending if w.endswith("*") else "") for w in words)


def phrases_pattern(phrases: Iterable[str]) -> re.Pattern:
    """One case-insensitive pattern matching any of `phrases` as whole words, any spacing between their words."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?!\w)",
                      re.IGNORECASE)
