"""The partitioned Parquet table: tiered compaction keeps the part count bounded while rewriting each row a
bounded number of times, every row reads back exactly once (also after an interrupted compaction), and
`partitions()` / `read_partition` split a table for a map-reduce without losing or repeating a document."""
from __future__ import annotations

import collections
import hashlib
import json
import os
import pathlib
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pyarrow.parquet as pq
import pytest

from coopnews.cache import tables as store
from coopnews.cache.tables import Table, read_partition

TARGET = 20_000  # bytes: a few dozen of the test's appended parts (about 2.5 kB each) fill one
MAX_SMALL = 16
ROWS_PER_DOC = (5, 1, 2, 0)  # the fourth document of every chunk has no rows, but is still "done"


def _chunk(i: int, *, rows_per_doc=ROWS_PER_DOC) -> tuple[pd.DataFrame, list[str]]:
    """Chunk `i`: its documents' rows (a globally unique `row` id each) and the keys of its documents."""
    keys = [f"doc{i:04d}-{j}" for j in range(len(rows_per_doc))]
    rows = [(key, i * 100 + 10 * j + n, f"sentence {n} of {key}") for j, key in enumerate(keys)
            for n in range(rows_per_doc[j])]
    return pd.DataFrame(rows, columns=["cache_key", "row", "text"]), keys


def _grow(table: Table, n: int) -> pd.DataFrame:
    """Append n chunks to `table`; returns all appended rows in cache-key order (then appended order)."""
    frames = []
    for i in range(n):
        frame, keys = _chunk(i)
        table.append(frame, keys)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True).sort_values("cache_key", kind="stable", ignore_index=True)


def _metadata_keys(part) -> list[str]:
    return json.loads(pq.read_schema(part).metadata[b"coopnews_keys"])


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """300 chunks appended to a compacting table and to one that never compacts, counting every row
    written (by id), the most small parts seen after an append, and each part that reached the target."""
    folder = tmp_path_factory.mktemp("store")
    writes, full_seen, most_small = collections.Counter(), {}, 0
    original = store.write_parquet_atomic

    def counting(df, path, **kwargs):
        writes.update(df["row"].tolist())
        return original(df, path, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "write_parquet_atomic", counting)
        table = Table(folder / "tiered", target_part_bytes=TARGET, max_parts=MAX_SMALL)
        frames = []
        for i in range(300):
            frame, keys = _chunk(i)
            table.append(frame, keys)
            frames.append(frame)
            sizes = {part: part.stat() for part in table.parts()}
            most_small = max(most_small, sum(stat.st_size < TARGET for stat in sizes.values()))
            full_seen.update({part: stat.st_mtime_ns for part, stat in sizes.items() if stat.st_size >= TARGET})
    reference = Table(folder / "never-compacted", max_parts=10**9)
    expected = _grow(reference, 300)
    return {"table": table, "reference": reference, "expected": expected, "writes": writes,
            "full_seen": full_seen, "most_small": most_small}


def test_many_small_appends_keep_the_part_count_bounded(grown):
    assert grown["most_small"] <= MAX_SMALL
    assert len(grown["table"].parts()) < 30  # 300 appends
    assert len(grown["reference"].parts()) == 300


def test_compaction_rewrites_each_row_a_bounded_number_of_times(grown):
    writes, expected = grown["writes"], grown["expected"]
    assert set(writes) == set(expected["row"])
    assert max(writes.values()) <= 4  # appended once, then merged at most 3 times (levels 1-3)
    assert sum(writes.values()) <= 3.5 * len(expected)  # amortised linear: ~3 writes a row on average


def test_parts_that_reach_the_target_are_never_rewritten(grown):
    full_seen = grown["full_seen"]
    assert full_seen, "the test should fill some parts up to the target"
    for part, mtime in full_seen.items():
        assert part.exists() and part.stat().st_mtime_ns == mtime


def test_compacted_table_reads_every_row_once_in_the_same_order(grown):
    table, expected = grown["table"], grown["expected"]
    pd.testing.assert_frame_equal(table.read(), expected)
    pd.testing.assert_frame_equal(table.read(), grown["reference"].read())
    some = ["doc0007-0", "doc0150-2", "doc0299-1", "doc0042-3"]
    assert table.read(some)["row"].tolist() == [700, 701, 702, 703, 704, 15020, 15021, 29910]


def test_keys_and_partitions_cover_every_document_once(grown):
    table = grown["table"]
    all_keys = {f"doc{i:04d}-{j}" for i in range(300) for j in range(4)}
    assert table.keys() == all_keys
    listed = [key for _, keys in table.partitions() for key in keys]
    assert len(listed) == len(all_keys) and set(listed) == all_keys
    for part, keys in table.partitions():
        assert keys == sorted(keys) and set(keys) <= set(_metadata_keys(part))
    assert [p for p, _ in table.partitions()] == [p for p in table.parts() if p in dict(table.partitions())]


def test_documents_without_rows_stay_covered_after_compaction(grown):
    table = grown["table"]
    rowless = [f"doc{i:04d}-3" for i in range(300)]
    assert set(rowless) <= table.keys()
    assert set(rowless) <= {key for _, keys in table.partitions(rowless) for key in keys}
    assert table.read(rowless).empty


def test_partitions_restricted_to_keys_leave_out_parts_without_them(grown):
    table = grown["table"]
    wanted = ["doc0003-1", "doc0290-0", "not-stored"]
    found = table.partitions(wanted)
    assert sorted(key for _, keys in found for key in keys) == ["doc0003-1", "doc0290-0"]
    assert all(keys for _, keys in found) and len(found) <= 2


def test_read_partition_equals_the_matching_rows_of_read(grown):
    table = grown["table"]
    whole = table.read(columns=["row"])
    partitions = table.partitions()
    for part, keys in partitions:
        expected = whole[whole["cache_key"].isin(keys)].reset_index(drop=True)
        pd.testing.assert_frame_equal(read_partition(part, keys, columns=["row"]), expected)
    with ProcessPoolExecutor(max_workers=1) as pool:  # the map-reduce use: workers read one part each
        pieces = list(pool.map(read_partition, *zip(*partitions)))
    pd.testing.assert_frame_equal(pd.concat(pieces, ignore_index=True).sort_values("cache_key", kind="stable",
                                                                                   ignore_index=True), table.read())


def _small_table(folder, n: int = 12, **options) -> tuple[Table, pd.DataFrame]:
    table = Table(folder, max_parts=10**9, **options)
    return table, _grow(table, n)


class Killed(Exception):
    """The process dying in the middle of a compaction."""


@pytest.mark.parametrize(("step", "after"), [
    ("unlink", 0),  # every merged part written, no old part deleted yet
    ("unlink", 1),
    ("unlink", 7),
    ("write", 2),   # killed while writing the third merged part
])
def test_an_interrupted_compaction_still_reads_each_row_once(tmp_path, monkeypatch, step, after):
    table, expected = _small_table(tmp_path / "t", target_part_bytes=1_500)  # compact() writes 4 parts
    before = set(table.parts())
    calls = []

    def dying(original):
        def wrapper(*args, **kwargs):
            if len(calls) == after:
                raise Killed
            calls.append(args)
            return original(*args, **kwargs)
        return wrapper

    with monkeypatch.context() as patch:
        if step == "unlink":
            patch.setattr(pathlib.Path, "unlink", dying(pathlib.Path.unlink))
        else:
            patch.setattr(store, "write_parquet_atomic", dying(store.write_parquet_atomic))
        with pytest.raises(Killed):
            table.compact()
    left = set(table.parts())
    assert len(left - before) == (4 if step == "unlink" else after)
    assert len(before - left) == (after if step == "unlink" else 0)
    assert table.keys() == {f"doc{i:04d}-{j}" for i in range(12) for j in range(4)}
    listed = [key for _, keys in table.partitions() for key in keys]
    assert len(listed) == len(set(listed)) == 48
    pd.testing.assert_frame_equal(table.read(), expected)
    table.compact()  # the next compaction finishes the job: no key is left in two parts
    assert 1 < len(table.parts()) <= 4
    assert sum(len(_metadata_keys(part)) for part in table.parts()) == 48
    pd.testing.assert_frame_equal(table.read(), expected)


def test_compact_cuts_parts_of_about_the_target_size_without_splitting_a_document(tmp_path):
    big_docs = (40, 3, 0)  # 40 rows: a document bigger than a tenth of a part
    table = Table(tmp_path / "t", max_parts=10**9, target_part_bytes=8_000)
    frames = []
    for i in range(20):
        frame, keys = _chunk(i, rows_per_doc=big_docs)
        table.append(frame, keys)
        frames.append(frame)
    table.compact()
    parts = table.parts()
    assert 2 <= len(parts) < 10
    covered = [set(_metadata_keys(part)) for part in parts]
    assert sum(map(len, covered)) == len(set().union(*covered)) == 60
    for part, keys in zip(parts, covered):
        assert set(pd.read_parquet(part)["cache_key"]) <= keys
    expected = pd.concat(frames, ignore_index=True).sort_values("cache_key", kind="stable", ignore_index=True)
    pd.testing.assert_frame_equal(table.read(), expected)


def test_the_first_part_holding_a_key_wins(tmp_path):
    table = Table(tmp_path / "t")
    table.append(pd.DataFrame({"cache_key": ["a", "b"], "x": [1, 2]}), ["a", "b"])
    table.append(pd.DataFrame({"cache_key": ["a", "c"], "x": [10, 30]}), ["a", "c"])
    first, second = table.parts()
    winner = 1 if "b" in _metadata_keys(first) else 10
    assert table.read(["a"])["x"].tolist() == [winner]
    assert dict(table.partitions(["a"])) == {first: ["a"]}
    assert sorted(table.read()["x"]) == sorted([winner, 2, 30])


def test_key_lists_are_read_once_per_unchanged_part(tmp_path, monkeypatch):
    table, _ = _small_table(tmp_path / "t", n=5)
    reads = []
    original = store._part_keys
    monkeypatch.setattr(store, "_part_keys", lambda part: reads.append(part) or original(part))
    table.keys()
    table.partitions()
    table.read()
    assert len(reads) == 5
    table.append(*_chunk(99))
    table.keys()
    assert len(reads) == 6 and reads[-1] not in reads[:5]
    changed = table.parts()[0]
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    table.partitions()
    assert reads[6:] == [changed]


def test_an_old_single_merged_part_still_reads_and_is_never_rewritten(tmp_path):
    folder = tmp_path / "t"
    old = pd.concat([_chunk(i)[0] for i in range(40)], ignore_index=True)
    old_keys = sorted({f"doc{i:04d}-{j}" for i in range(40) for j in range(4)})
    name = "part-" + hashlib.sha1("\n".join(old_keys).encode()).hexdigest()[:16] + ".parquet"  # as cached before
    store.write_parquet_atomic(old, folder / name, metadata={"coopnews_keys": json.dumps(old_keys)})
    (old_part,) = Table(folder).parts()
    stamp = old_part.stat().st_mtime_ns
    table = Table(folder, target_part_bytes=old_part.stat().st_size, max_parts=4)
    frames = [old]
    for i in range(40, 80):
        frame, keys = _chunk(i)
        table.append(frame, keys)
        frames.append(frame)
    assert old_part.stat().st_mtime_ns == stamp and len(table.parts()) <= 8
    expected = pd.concat(frames, ignore_index=True).sort_values("cache_key", kind="stable", ignore_index=True)
    pd.testing.assert_frame_equal(table.read(), expected)
    assert len(table.keys()) == 320


def test_text_columns_read_as_strings_whichever_part_they_come_from(tmp_path):
    table = Table(tmp_path / "t")
    table.append(pd.DataFrame({"cache_key": ["a"], "label": pd.Series([None], dtype=object)}), ["a"])
    table.append(pd.DataFrame({"cache_key": ["b"], "label": ["ORG"]}), ["b"])
    assert table.read()["label"].dtype == "str"
    table.compact()
    assert table.read()["label"].dtype == "str"
    assert table.read()["label"].isna().tolist() == [True, False]
