"""Atomic writes: readers see the old file or the whole new one, never a part; no temporary files remain."""
from __future__ import annotations

import os
import stat

import pandas as pd
import pytest

from coopnews.cache.atomic import write_parquet_atomic, write_text_atomic


def test_written_files_have_ordinary_permissions(tmp_path):
    path = write_text_atomic(tmp_path / "page.html", "<p>hello</p>")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
    assert path.read_text() == "<p>hello</p>"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "table.parquet"
    write_parquet_atomic(pd.DataFrame({"a": [1]}), target)
    unserialisable = pd.DataFrame({"a": [object()]})
    with pytest.raises(Exception):
        write_parquet_atomic(unserialisable, target)
    assert pd.read_parquet(target)["a"].tolist() == [1]
    assert [p.name for p in tmp_path.iterdir()] == ["table.parquet"]
