"""Partitioned Parquet tables in the corpus cache, keyed by each document's `cache_key`.

A table is a folder of part files. Every row carries the `cache_key` of its document, and each part
lists in its metadata the keys of all documents it covers (including those with no rows), so "done"
and "not done" differ. Parts are only ever added, atomically; a grown corpus adds one part holding only
its new documents. Parts are read in name order (a hash of their keys, so merged parts land anywhere in
it), and when a key is in several parts (an interrupted compaction, or two runs that computed the same
document: copies of the same rows) the first part wins: it alone is responsible for the key's rows, so
each row is read once whatever the order. Rows come back in cache-key order (then stored order within
a document), which depends neither on how the corpus was chunked nor on compaction.

Compaction is tiered: a part at least `TARGET_PART_BYTES` big (file size) is never rewritten. An appended
part is at level 0; merging parts writes parts one level above the highest of them, cut at document
boundaries into pieces of about the target size. When more than `MAX_PARTS` parts are smaller than the
target, the lowest level holding `LEVEL_FACTOR` or more of them is merged. Each rewrite takes a row one
level up and each level takes LEVEL_FACTOR times more appends to fill, so a row is rewritten about
log8(target / size of the part it was appended in) times (2-4 for chunks of 256 documents) and the I/O
stays linear in the corpus.

Several processes may share a table: appends and compactions hold the folder's lock exclusively, listings
and reads hold it shared (coopnews.cache.lock), so no reader sees a part that another process removes.
"""
from __future__ import annotations

import hashlib
import json
from itertools import groupby
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from .atomic import write_parquet_atomic
from .lock import folder_lock

MAX_PARTS = 64  # parts smaller than the target allowed before `append` merges some
TARGET_PART_BYTES = 64 * 2**20  # file size at which a part is complete and never rewritten
LEVEL_FACTOR = 8  # merge the small parts of one level once there are this many
_KEYS = "coopnews_keys"
# A part's key list lives in its footer (~100 bytes a key); pyarrow refuses footers over 100 MB by default,
# which parts written by the former merge-everything compaction exceed past about a million documents.
_FOOTER_LIMITS = {"thrift_string_size_limit": 2**31 - 1, "thrift_container_size_limit": 2**31 - 1}


def _part_name(keys, level: int = 0) -> str:
    """`part-<hash of the keys>.parquet` for an appended part, `part-<hash>-<level>.parquet` for a merged one."""
    digest = hashlib.sha1("\n".join(sorted(set(keys))).encode()).hexdigest()[:16]
    return f"part-{digest}.parquet" if level == 0 else f"part-{digest}-{level}.parquet"


def _level(part: Path) -> int:
    """How many merges the part's rows have been through at most (0 for appended parts and old caches)."""
    suffix = part.name.removesuffix(".parquet").split("-")[2:]
    return int(suffix[0]) if suffix and suffix[0].isdigit() else 0


def _footer(part: Path) -> pq.FileMetaData:
    return pq.ParquetFile(part, **_FOOTER_LIMITS).metadata


def _part_keys(part: Path) -> list[str]:
    """The sorted keys a part's metadata says it covers."""
    metadata = _footer(part).metadata or {}
    return sorted(set(json.loads(metadata.get(_KEYS.encode(), b"[]"))))


def _with_key(columns: list[str] | None) -> list[str] | None:
    return None if columns is None else list(dict.fromkeys(["cache_key", *columns]))


def read_partition(part: Path, keys, *, columns: list[str] | None = None) -> pd.DataFrame:
    """Rows of the documents `keys` (every row when None) held in one part file, in cache-key order (then
    stored order)."""
    frame = pd.read_parquet(part, columns=_with_key(columns), **_FOOTER_LIMITS)
    if keys is not None:
        frame = frame[frame["cache_key"].isin(list(keys))]
    return _uniform_dtypes(frame.sort_values("cache_key", kind="stable", ignore_index=True))


class Table:
    """One cached table: `<folder>/part-*.parquet`."""

    def __init__(self, folder: Path, *, target_part_bytes: int = TARGET_PART_BYTES, max_parts: int = MAX_PARTS):
        self.folder = Path(folder)
        self.target_part_bytes = target_part_bytes
        self.max_parts = max_parts
        self._known: dict[Path, tuple[tuple[int, int], list[str]]] = {}  # part → ((mtime_ns, size), keys)

    def parts(self) -> list[Path]:
        return sorted(self.folder.glob("part-*.parquet")) if self.folder.exists() else []

    def reading(self):
        """A context in which the parts listed stay in place (no other process compacts them): hold it while
        reading parts listed by `partitions` with `read_partition`."""
        return folder_lock(self.folder, exclusive=False)

    def writing(self):
        """A context in which this process alone changes or reads the parts."""
        return folder_lock(self.folder, exclusive=True)

    def keys(self) -> set[str]:
        """The cache keys of the documents this table covers (with or without rows)."""
        with self.reading():
            return {key for _, keys in self._covered() for key in keys}

    def partitions(self, keys=None) -> list[tuple[Path, list[str]]]:
        """Each part with the sorted keys it is responsible for (among `keys` when given), in part order;
        parts responsible for none are left out. Read one with `read_partition(part, keys)`."""
        wanted = None if keys is None else set(keys)
        out, seen = [], set()
        with self.reading():
            covered_parts = self._covered()
        for part, covered in covered_parts:
            mine = [key for key in covered if key not in seen]
            seen.update(mine)
            if wanted is not None:
                mine = [key for key in mine if key in wanted]
            if mine:
                out.append((part, mine))
        return out

    def append(self, frame: pd.DataFrame, keys) -> None:
        """Store `frame`, the rows of the documents `keys` (some may have none)."""
        keys = sorted(set(keys))
        if not keys:
            return
        with self.writing():
            write_parquet_atomic(frame.reset_index(drop=True), self.folder / _part_name(keys),
                                 metadata={_KEYS: json.dumps(keys)})
            self.compact_small()

    def read(self, keys=None, *, columns: list[str] | None = None) -> pd.DataFrame:
        """Rows of the documents `keys` (all documents when None), in cache-key order (then stored order)."""
        return self._rows(keys, columns).sort_values("cache_key", kind="stable", ignore_index=True)

    def read_for(self, cache_keys, doc_ids) -> pd.DataFrame:
        """Rows of the documents whose keys are `cache_keys`, in that order (then stored order within a
        document), each labelled with its current id from `doc_ids`."""
        cache_keys = list(cache_keys)
        last = {key: i for i, key in enumerate(cache_keys)}  # a key given twice: its last position and id
        positions = np.fromiter(last.values(), dtype=np.int64, count=len(last))
        ids = np.asarray(list(doc_ids), dtype=object)[positions]
        rows = self._rows(cache_keys, None)
        found = pd.Index(list(last)).get_indexer(rows["cache_key"])  # vectorised: no per-row dict lookup
        order = np.argsort(positions[found], kind="stable")
        return rows.assign(doc_id=pd.array(ids[found], dtype="str")).take(order).reset_index(drop=True)

    def compact(self) -> None:
        """Merge all parts, whatever their size, into as few as possible of about the target size (one for
        a table smaller than that); each key's rows are kept once."""
        with self.writing():
            parts = self.parts()
            if len(parts) > 1 or (parts and parts[0].stat().st_size >= 2 * self.target_part_bytes):
                self._merge(parts)

    def compact_small(self) -> None:
        """When more than `max_parts` parts are smaller than the target, merge the lowest level holding
        `LEVEL_FACTOR` of them or more (max_parts // 8 if fewer, at least 2), and again until half the
        limit is left or no level qualifies; if still over the limit (too many levels for the limit),
        merge the lowest, smallest parts down to half the limit."""
        with self.writing():
            self._compact_small()

    def _compact_small(self) -> None:
        small = self._small_parts()
        if len(small) <= self.max_parts:
            return
        factor = max(2, min(LEVEL_FACTOR, self.max_parts // 8))
        while len(small) > self.max_parts // 2 and (batch := _lowest_full_level(small, factor)):
            self._merge(batch)
            small = self._small_parts()
        if len(small) > self.max_parts:
            lowest = sorted(small, key=lambda item: (_level(item[0]), item[1], item[0]))
            self._merge([part for part, _ in lowest[:len(small) - self.max_parts // 2 + 1]])

    def _small_parts(self) -> list[tuple[Path, int]]:
        sizes = [(part, part.stat().st_size) for part in self.parts()]
        return [(part, size) for part, size in sizes if size < self.target_part_bytes]

    def _covered(self) -> list[tuple[Path, list[str]]]:
        """Every part with the keys its metadata lists, read once per (path, mtime, size)."""
        known = {}
        for part in self.parts():
            stat = part.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            cached = self._known.get(part)
            known[part] = (stamp, cached[1] if cached and cached[0] == stamp else _part_keys(part))
        self._known = known
        return [(part, keys) for part, (_, keys) in known.items()]

    def _rows(self, keys, columns: list[str] | None) -> pd.DataFrame:
        with self.reading():
            frames = [read_partition(part, mine, columns=columns) for part, mine in self.partitions(keys)]
        if not frames:
            return pd.DataFrame(columns=_with_key(columns) or ["cache_key"])
        return _uniform_dtypes(pd.concat(frames, ignore_index=True))

    def _merge(self, batch: list[Path]) -> None:
        """Rewrite the parts `batch` as parts of about the target size, one level above the highest of
        them: each key's rows once (the first part of the batch, in name order, holding a key wins) and
        never split between parts; all written before the old parts are removed."""
        batch = sorted(batch)
        plan, seen = [], set()
        for part in batch:
            keys = [key for key in _part_keys(part) if key not in seen]
            seen.update(keys)
            plan.append((part, keys))
        if sum(part.stat().st_size for part in batch) < 2 * self.target_part_bytes:
            pieces = [[(part, key) for part, keys in plan for key in keys]]  # one part: no need to weigh keys
        else:
            pieces = _pieces([item for part, keys in plan for item in _key_bytes(part, keys)], self.target_part_bytes)
        level = max(map(_level, batch)) + 1
        written, loaded = [], {}
        for piece in filter(None, pieces):
            frames = []
            for part, group in groupby(piece, key=lambda item: item[0]):
                if part not in loaded:
                    loaded = {part: pd.read_parquet(part, **_FOOTER_LIMITS)}  # one input in memory at a time
                frame = loaded[part]
                frames.append(frame[frame["cache_key"].isin([key for _, key in group])])
            keys = sorted(key for _, key in piece)
            rows = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
            written.append(write_parquet_atomic(rows, self.folder / _part_name(keys, level),
                                                metadata={_KEYS: json.dumps(keys)}))
        for part in batch:
            if part not in written:
                part.unlink(missing_ok=True)


def _lowest_full_level(small: list[tuple[Path, int]], factor: int) -> list[Path]:
    """The parts of the lowest level holding at least `factor` of `small` (none if no level does)."""
    levels: dict[int, list[Path]] = {}
    for part, _ in small:
        levels.setdefault(_level(part), []).append(part)
    full = [level for level, parts in levels.items() if len(parts) >= factor]
    return levels[min(full)] if full else []


def _key_bytes(part: Path, keys: list[str]) -> list[tuple[Path, str, float]]:
    """(part, key, estimated bytes) for `keys` of one part: its share of the column data, plus its entry
    in the footer's key list (stored twice, once base64-encoded)."""
    footer = _footer(part)
    data = sum(footer.row_group(i).column(j).total_compressed_size
               for i in range(footer.num_row_groups) for j in range(footer.num_columns))
    per_row = data / max(footer.num_rows, 1)
    counts = pd.read_parquet(part, columns=["cache_key"], **_FOOTER_LIMITS)["cache_key"].value_counts()
    return [(part, key, per_row * counts.get(key, 0) + 2.4 * (len(key) + 3)) for key in keys]


def _pieces(plan: list[tuple[Path, str, float]], target: int) -> list[list[tuple[Path, str]]]:
    """The plan cut at key boundaries into n pieces of about total/n bytes, n = total // target (at least 1)."""
    total = sum(size for *_, size in plan)
    n = max(1, int(total // target))
    pieces: list[list[tuple[Path, str]]] = [[]]
    done = 0.0
    for part, key, size in plan:
        if pieces[-1] and len(pieces) < n and done >= len(pieces) * total / n:
            pieces.append([])
        pieces[-1].append((part, key))
        done += size
    return pieces


def _uniform_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as pandas' string dtype, whatever the parts held: a part whose column was all null
    reads back as object, so without this the dtype would depend on how the corpus was chunked."""
    for column in frame.columns:
        values = frame[column]
        if values.dtype != object:
            continue
        if pd.api.types.infer_dtype(values, skipna=True) == "string":  # strings, some missing, nothing else
            frame[column] = values.astype("str")
    return frame
