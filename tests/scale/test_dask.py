"""The Dask engine on a LocalCluster with two workers gives exactly the local engine's tables."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from coopnews.cache import stages
from coopnews.scale import access
from coopnews.scale.totals import TOTALS
from coopnews.scale.pipeline import process
from coopnews.cache.tables import Table

WIRE = [  # hand-written, wire-style (hard-wrapped, dateline-free bodies), as JSON lines
    ('{"id": "w1", "date": "1987-03-02", "body": "Lyon and Guangzhou signed a twinning agreement on Monday,\\n'
     'the city said.\\nThe two cities will cooperate on urban regeneration from 1988 to 1990."}'),
    ('{"id": "w2", "date": "1987-03-05", "body": "BNP Paribas said it agreed with Bank of Nanjing\\n'
     'to open a joint office in Nanjing next month."}'),
    '{"id": "w3", "date": "1987-03-09", "body": ""}',
]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory, seeds_dir) -> Path:
    folder = tmp_path_factory.mktemp("dask-corpus")
    for path in sorted(seeds_dir.iterdir()):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "wire.jsonl").write_text("\n".join(WIRE) + "\n", "utf-8")
    return folder


def _stage_tables(cache: Path) -> dict[str, pd.DataFrame]:
    """Every cached table (parse and stages), rows sorted, without the cache's own part layout."""
    out = {}
    for folder in sorted([*cache.glob("stages/*"), cache / "documents", cache / "sentences", cache / "removed"]):
        table = Table(folder).read()
        table = table.drop(columns=[c for c in ("segments", "minhash") if c in table])
        table = table.astype({c: str for c in table.columns if table[c].dtype == object})
        out[folder.name.split("-")[0]] = table.sort_values(list(table.columns), kind="stable").reset_index(drop=True)
    return out


def test_dask_localcluster_tables_equal_the_local_engine(corpus_dir, tmp_path):
    local = process(corpus_dir, stages=stages.STAGES, workers=1, progress=False, cache_dir=tmp_path / "local",
                    totals=TOTALS)
    dask = process(corpus_dir, stages=stages.STAGES, engine="dask", workers=2, partitions=3, progress=False,
                   cache_dir=tmp_path / "dask", totals=TOTALS)
    assert local.order.equals(dask.order)
    assert dask.stats["new"]["entities"] == 7  # five seeds + two wire stories with text
    assert (local.log["status"] == "skipped").sum() == 1  # the empty wire story is logged, not lost
    local_tables, dask_tables = _stage_tables(tmp_path / "local"), _stage_tables(tmp_path / "dask")
    assert set(local_tables) == set(dask_tables) >= {"documents", "sentences", "entities", "events", "pairs", "terms",
                                                       "timexes"}
    for name, table in local_tables.items():
        pd.testing.assert_frame_equal(table, dask_tables[name], obj=name)
    assert set(dask.totals) == set(TOTALS)  # corpus totals merged on the cluster equal the local ones
    for name in TOTALS:
        pd.testing.assert_frame_equal(local.totals[name], dask.totals[name], obj=name)
    assert dask.totals["partners"].set_index("partner").loc["Bank of Nanjing", "documents"] == 2  # seed + wire
    corpus_local, corpus_dask = local.corpus(), dask.corpus()
    pd.testing.assert_frame_equal(access.events(corpus_local), access.events(corpus_dask))
    assert "1988/1990" in set(access.events(corpus_dask)["value"])


def test_unknown_engine_and_remote_paths_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        process(tmp_path, engine="spark", progress=False)
    with pytest.raises(ValueError, match="pip install s3fs"):
        process("s3://bucket/news", progress=False)
