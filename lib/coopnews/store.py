"""Partitioned Parquet tables in the corpus cache, keyed by each document's `cache_key`.

A table is a folder of part files. Every row carries the `cache_key` of its document, and each part
lists in its metadata the keys of all documents it covers (including those with no rows), so "done"
and "not done" differ. Parts are only ever added, atomically; a grown corpus adds one part holding only
its new documents. When a key is in several parts (an interrupted compaction), the first part wins.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from .files import write_parquet_atomic

MAX_PARTS = 64
_KEYS = "coopnews_keys"


def _part_name(keys) -> str:
    return "part-" + hashlib.sha1("\n".join(sorted(set(keys))).encode()).hexdigest()[:16] + ".parquet"


def _part_keys(part: Path) -> list[str]:
    metadata = pq.read_schema(part).metadata or {}
    return json.loads(metadata.get(_KEYS.encode(), b"[]"))


class Table:
    """One cached table: `<folder>/part-*.parquet`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def parts(self) -> list[Path]:
        return sorted(self.folder.glob("part-*.parquet")) if self.folder.exists() else []

    def keys(self) -> set[str]:
        """The cache keys of the documents this table covers (with or without rows)."""
        return {key for part in self.parts() for key in _part_keys(part)}

    def append(self, frame: pd.DataFrame, keys) -> None:
        """Store `frame`, the rows of the documents `keys` (some may have none)."""
        keys = sorted(set(keys))
        if not keys:
            return
        write_parquet_atomic(frame.reset_index(drop=True), self.folder / _part_name(keys),
                             metadata={_KEYS: json.dumps(keys)})
        if len(self.parts()) > MAX_PARTS:
            self.compact()

    def read(self, keys=None, *, columns: list[str] | None = None) -> pd.DataFrame:
        """Rows of the documents `keys` (all documents when None), in part order."""
        wanted = None if keys is None else set(keys)
        cols = None if columns is None else list(dict.fromkeys(["cache_key", *columns]))
        frames, seen = [], set()
        for part in self.parts():
            covered = set(_part_keys(part)) - seen
            if wanted is not None:
                covered &= wanted
            seen |= covered
            if covered:
                frame = pd.read_parquet(part, columns=cols)
                frames.append(frame[frame["cache_key"].isin(covered)])
        if not frames:
            return pd.DataFrame(columns=cols or ["cache_key"])
        return _uniform_dtypes(pd.concat(frames, ignore_index=True))

    def read_for(self, cache_keys, doc_ids) -> pd.DataFrame:
        """Rows of the documents whose keys are `cache_keys`, in that order (then stored order within a
        document), each labelled with its current id from `doc_ids`."""
        cache_keys, doc_ids = list(cache_keys), list(doc_ids)
        id_of = dict(zip(cache_keys, doc_ids))
        position = {key: i for i, key in enumerate(cache_keys)}
        rows = self.read(cache_keys)
        rows = rows.assign(doc_id=rows["cache_key"].map(id_of), _pos=rows["cache_key"].map(position))
        return rows.sort_values("_pos", kind="stable").drop(columns="_pos").reset_index(drop=True)

    def compact(self) -> None:
        """Merge all parts into one (written before the old ones are removed)."""
        parts = self.parts()
        if len(parts) <= 1:
            return
        merged = self.read()
        keys = sorted(self.keys())
        target = self.folder / _part_name(keys)
        write_parquet_atomic(merged, target, metadata={_KEYS: json.dumps(keys)})
        for part in parts:
            if part != target:
                part.unlink(missing_ok=True)


def _uniform_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as pandas' string dtype, whatever the parts held: a part whose column was all null
    reads back as object, so without this the dtype would depend on how the corpus was chunked."""
    for column in frame.columns:
        values = frame[column]
        if values.dtype != object:
            continue
        is_text = values.map(lambda v: isinstance(v, str))
        is_null = values.map(lambda v: pd.api.types.is_scalar(v) and pd.isna(v))
        if is_text.any() and (is_text | is_null).all():
            frame[column] = values.astype("str")
    return frame
