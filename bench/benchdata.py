"""Shared by the benchmarks: where the public news data lives and how to read its bodies."""
from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = Path("shared") / "eval" / "news"  # beside the checkout, or beside a folder holding it (a git worktree)
REUTERS = next((folder / NEWS for folder in REPO.parents if (folder / NEWS).is_dir()),
               REPO.parent / NEWS) / "reuters21578" / "reuters21578.jsonl"


def read_texts(path: Path, *, limit: int | None = None, who: str = "bench") -> list[str]:
    """Non-empty bodies ('text', 'body' or 'content') of a JSON-lines file, in file order."""
    path = Path(path)
    if not path.is_file():
        raise SystemExit(f"{who}: {path}: not found; give a JSON-lines file with a 'text' or 'body' field per line "
                         f"(default: ../shared/eval/news/reuters21578/reuters21578.jsonl)")
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("text") or record.get("body") or record.get("content") or ""
            if text.strip():
                texts.append(text)
            if limit and len(texts) >= limit:
                break
    return texts
