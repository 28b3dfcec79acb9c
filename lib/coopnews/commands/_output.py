"""Shared writers for subcommands: JSON lines to stdout, or a table to a file in the asked format."""
from __future__ import annotations

import io
import json
import math
import sys
from pathlib import Path

import pandas as pd

from ..cache.atomic import write_bytes_atomic, write_parquet_atomic
from ..corpus.clean import clean_text
from ..corpus.read import Skipped, read_files
from ..corpus.tables import publication_date
from ._args import output_file


def json_safe(value):
    """`value` as strict JSON can hold it: NaN, infinities, NA and NaT as null, numpy scalars and arrays as
    Python numbers and lists, dates as ISO strings (what jq and browsers accept)."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [json_safe(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return json_safe(value.tolist())  # numpy scalars and arrays (nested ones too)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def json_line(record: dict) -> str:
    """One strict JSON object (no NaN), UTF-8 characters kept."""
    return json.dumps(json_safe(record), ensure_ascii=False, allow_nan=False)


def write_jsonl(records, out=None) -> None:
    """One JSON object per line, UTF-8, to `out` (default stdout)."""
    stream = out or sys.stdout
    for record in records:
        stream.write(json_line(record) + "\n")


def write_table(df: pd.DataFrame, *, fmt: str, out: str | None) -> None:
    """`df` as jsonl (stdout by default), csv or parquet (which needs --out)."""
    output_file(out)
    if fmt == "jsonl":
        if out:
            buf = io.StringIO()
            write_jsonl(df.to_dict("records"), buf)
            write_bytes_atomic(out, buf.getvalue().encode("utf-8"))
        else:
            write_jsonl(df.to_dict("records"))
    elif fmt == "csv":
        if out:
            write_bytes_atomic(out, df.to_csv(index=False).encode("utf-8"))
        else:
            df.to_csv(sys.stdout, index=False)
    elif fmt == "parquet":
        if not out:
            raise ValueError("--format parquet needs --out FILE")
        write_parquet_atomic(df, Path(out))
    else:
        raise ValueError(f"unknown format {fmt!r} (use jsonl, csv or parquet)")


def file_documents(files, *, command: str, failures: list[str], text_column: str | None = None):
    """(raw document, cleaned text, publication date or None) for each document of loose files, the date
    found as the corpus loader finds it; what cannot be read is reported on stderr and in `failures`."""
    for name, item in read_files(files, text_column=text_column):
        if isinstance(item, Skipped):
            where = name if item.record is None else f"{name} record {item.record + 1}"
            print(f"coopnews {command}: {item.status}: {where}: {item.reason}", file=sys.stderr)
            if item.status == "skipped":
                failures.append(name)
            continue
        cleaned = clean_text(item.raw_text)
        found, _, _ = publication_date(item.meta, cleaned)
        yield item, cleaned, found[0] if found else None
