"""What the pipeline found in a local corpus folder, kept with its cache and keyed by the folder's file stats,
so that a run on an unchanged folder reads nothing but the cache.

    stamp = folder_stamp(root, text_column=None, max_bytes=10_000_000, threshold=0.8)
    found = read_snapshot(cache_dir, stamp)        # (order, log, duplicates, facts) or None
    write_snapshot(cache_dir, stamp, order, log, duplicates, facts)

The stamp is a hash of every file's relative path, size and modification time (nanoseconds) under the folder,
the reading options and the parser version: any added, removed, touched or resized file gives a new stamp,
and the pipeline then reads the folder as before. Only the latest snapshot of a cache is kept.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from ..cache.atomic import write_parquet_atomic
from ..cache.code import code_fingerprint
from ..corpus.tables import PARSER_VERSION

FOLDER = "snapshot"  # in the corpus cache folder
_FACTS = "coopnews_snapshot"
ORDER_COLUMNS = ["doc_id", "cache_key", "path", "record"]
DUPLICATE_COLUMNS = ["duplicate_of", "duplicate_kind", "duplicate_similarity"]
LOG_COLUMNS = ["path", "record", "doc_id", "status", "reason"]


def folder_stamp(root: Path, **options) -> str:
    """A hash of the stats (relative path, size, mtime in ns) of every file under `root` and of `options`."""
    digest = hashlib.sha1(json.dumps([PARSER_VERSION, code_fingerprint(), options], sort_keys=True, default=str).encode())
    for folder, subfolders, files in os.walk(root):
        subfolders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            rel = os.path.relpath(path, root)
            digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


def _paths(cache_dir: Path, stamp: str) -> tuple[Path, Path]:
    folder = Path(cache_dir) / FOLDER
    return folder / f"{stamp}-documents.parquet", folder / f"{stamp}-log.parquet"


def read_snapshot(cache_dir: Path, stamp: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict] | None:
    """(order, log, duplicates, facts) stored for `stamp`; None when there is none or it cannot be read."""
    documents, log = _paths(cache_dir, stamp)
    if not documents.exists() or not log.exists():
        return None
    try:
        table = pq.read_table(documents)
        facts = json.loads((table.schema.metadata or {})[_FACTS.encode()])
        frame = table.to_pandas()
        log_frame = pd.read_parquet(log)
    except (OSError, ValueError, KeyError):
        return None
    frame["record"] = frame["record"].astype(object).where(frame["record"].notna(), None)
    order = frame[ORDER_COLUMNS]
    duplicates = frame[["cache_key", *DUPLICATE_COLUMNS]]
    log_frame = log_frame.astype({"record": object}).where(log_frame.notna(), None)
    return order, log_frame, duplicates, facts


def write_snapshot(cache_dir: Path, stamp: str, order: pd.DataFrame, log: pd.DataFrame, duplicates: pd.DataFrame,
                   facts: dict) -> None:
    """Store what a run found for `stamp` (the log first, so a documents file always has its log), then remove
    the older snapshots."""
    documents_path, log_path = _paths(cache_dir, stamp)
    frame = pd.concat([order[ORDER_COLUMNS].reset_index(drop=True),
                       duplicates[DUPLICATE_COLUMNS].reset_index(drop=True)], axis=1)
    frame["record"] = pd.array(frame["record"].tolist(), dtype="Int64")
    log = log.reindex(columns=LOG_COLUMNS).copy()
    log["record"] = pd.array([None if pd.isna(r) else int(r) for r in log["record"]], dtype="Int64")
    write_parquet_atomic(log, log_path)
    write_parquet_atomic(frame, documents_path, metadata={_FACTS: json.dumps(facts)})
    for old in documents_path.parent.glob("*.parquet"):
        if not old.name.startswith(stamp):
            old.unlink(missing_ok=True)
