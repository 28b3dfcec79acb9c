"""Shared argument types for subcommands: numbers validated when parsed (argparse then exits with status 2 and
a one-line message naming the option), and output paths checked before any work is done."""
from __future__ import annotations

import argparse
from pathlib import Path


def positive_int(text: str) -> int:
    """An integer of at least 1 (`--chunk-size`, `--workers`, …)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def output_file(out: str | None) -> str | None:
    """`--out FILE`: a ValueError naming the fix when it is a folder or its parent is a file."""
    if out is None:
        return None
    path = Path(out)
    if path.is_dir():
        raise ValueError(f"--out {out} is a folder: give a file name, e.g. {path / 'table.csv'}")
    parent = next((p for p in path.parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise ValueError(f"--out {out}: {parent} is a file, not a folder")
    return out


def output_folder(out: str) -> str:
    """`--out DIR`: a ValueError naming the fix when it (or a parent) is a file."""
    path = Path(out)
    existing = next((p for p in (path, *path.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise ValueError(f"--out {out}: {existing} is a file, not a folder; give a folder for the pages")
    return out
