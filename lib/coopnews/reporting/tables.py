"""Tables a reader can browse: document titles (linked to the source URL when known) instead of ids, full
evidence sentences with the matched parties marked, a "showing N of M" line, and the whole table exported
as CSV and Parquet beside the report page. Every value is HTML-escaped here; the page's own script (see
coopnews.reporting.html) makes tables of class `coopnews-table` sortable and searchable.

    show_table(events, "events", documents=corpus.documents, highlight="parties")

Inside a report build, the hidden setup cell sets EXPORT_DIR_ENV (folder) and EXPORT_HREF_ENV (its path
relative to the page); elsewhere (JupyterLab) nothing is written and no export link is shown.
"""
from __future__ import annotations

import html
import io
import os
import re
from pathlib import Path

import pandas as pd

from ..cache.atomic import write_bytes_atomic, write_text_atomic

EXPORT_DIR_ENV = "COOPNEWS_REPORT_EXPORTS"
EXPORT_HREF_ENV = "COOPNEWS_REPORT_EXPORTS_HREF"
TABLE_CLASS = "coopnews-table"
MAX_ROWS = 1000  # rows written into the page; the exports always hold them all
EVIDENCE_COLUMNS = ("sentence", "evidence", "context")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,60}$")


class BrowsableTable:
    """What show_table returns: rendered by Jupyter as HTML (`_repr_html_`), with the exported paths."""

    def __init__(self, markup: str, exports: list[Path]):
        self.html = markup
        self.exports = exports

    def _repr_html_(self) -> str:
        return self.html


def show_table(table: pd.DataFrame, name: str, *, documents: pd.DataFrame | None = None, highlight=None,
               max_rows: int = MAX_ROWS, caption: str = "") -> BrowsableTable:
    """`table` as a browsable HTML table plus, inside a report build, <name>.csv and <name>.parquet.

    documents: corpus.documents, to show a `doc_id` column as the document's title linked to its url;
    highlight: the column(s) holding the names (a string or a list each) to mark in the evidence column."""
    if not _NAME.match(name):
        raise ValueError(f"table name {name!r}: use lower-case letters, digits, '-' or '_' (it names the export files)")
    exports = export_table(table, name)
    shown = table.head(max_rows)
    links = _export_links(exports)
    count = f"Showing {len(shown):,} of {len(table):,} rows" if len(shown) < len(table) else f"{len(table):,} rows"
    head = f'<p class="coopnews-table-count">{html.escape(caption + " · " if caption else "")}{count}{links}</p>'
    if table.empty:
        return BrowsableTable(head, exports)
    body = table_html(shown, documents=documents, highlight=highlight)
    return BrowsableTable(f'<div class="coopnews-table-wrap">{head}\n{body}</div>', exports)


def table_html(table: pd.DataFrame, *, documents: pd.DataFrame | None = None, highlight=None) -> str:
    """<table class="coopnews-table"> of `table`, every value escaped (see show_table for the options)."""
    titles = _document_links(documents)
    columns = list(table.columns)
    header = "".join(f"<th>{html.escape('document' if c == 'doc_id' and titles else str(c))}</th>" for c in columns)
    rows = []
    for _, row in table.iterrows():
        marks = _marks(row, highlight)
        cells = []
        for column in columns:
            value = row[column]
            if column == "doc_id" and titles:
                cells.append(f"<td>{titles.get(value, html.escape(str(value)))}</td>")
            elif column in EVIDENCE_COLUMNS and isinstance(value, str):
                cells.append(f'<td class="evidence"><div class="evidence">{marked(value, marks)}</div></td>')
            else:
                cells.append(f"<td>{html.escape(cell_text(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table class="{TABLE_CLASS}"><thead><tr>{header}</tr></thead><tbody>\n' + "\n".join(rows)
            + "\n</tbody></table>")


def cell_text(value) -> str:
    """A cell value as text: lists comma-separated, missing values empty, floats rounded."""
    if isinstance(value, (list, tuple, set)) or (hasattr(value, "tolist") and not isinstance(value, str)
                                                 and getattr(value, "ndim", 0) == 1):
        return ", ".join(cell_text(v) for v in list(value))
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _marks(row, highlight) -> list[str]:
    """The words to mark in a row's evidence: the values (strings or lists) of the `highlight` column(s)."""
    columns = [highlight] if isinstance(highlight, str) else list(highlight or [])
    words = []
    for column in columns:
        value = row[column] if column in row.index else None
        if isinstance(value, str):
            words.append(value)
        elif isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
            words.extend(str(v) for v in list(value))
    return words


_WORD_EDGE = r"(?<![^\W\u3400-\u9fff]){}(?![^\W\u3400-\u9fff])"  # no letter or digit beside it, CJK aside


def marked(text: str, words: list[str]) -> str:
    """`text` escaped, with every case-insensitive occurrence of `words` as a whole word wrapped in <mark>
    ("Gazprom" not inside "Gazpromneft"; Chinese names, written without spaces, anywhere)."""
    words = sorted({w for w in words if w and w.strip()}, key=len, reverse=True)
    if not words:
        return html.escape(text)
    pattern = re.compile("|".join(_WORD_EDGE.format(re.escape(w)) for w in words), re.IGNORECASE)
    out, last = [], 0
    for found in pattern.finditer(text):
        out.append(html.escape(text[last:found.start()]))
        out.append(f"<mark>{html.escape(found.group(0))}</mark>")
        last = found.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def _document_links(documents: pd.DataFrame | None) -> dict:
    """doc_id -> escaped title (or id), linked to the document's http(s) url when it has one."""
    if documents is None or documents.empty:
        return {}
    out = {}
    urls = documents["url"] if "url" in documents.columns else pd.Series(None, index=documents.index)
    for doc_id, title, url in zip(documents["doc_id"], documents.get("title", documents["doc_id"]), urls):
        text = html.escape(title if isinstance(title, str) and title.strip() else str(doc_id))
        tip = html.escape(str(doc_id), quote=True)
        if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
            out[doc_id] = f'<a href="{html.escape(url, quote=True)}" title="{tip}">{text}</a>'
        else:
            out[doc_id] = f'<span title="{tip}">{text}</span>'
    return out


def export_table(table: pd.DataFrame, name: str) -> list[Path]:
    """Write <name>.csv and <name>.parquet into the report's export folder (none outside a report build)."""
    folder = os.environ.get(EXPORT_DIR_ENV)
    if not folder:
        return []
    flat = table.reset_index(drop=True).copy()
    for column in flat.columns:
        if flat[column].dtype == object:
            flat[column] = flat[column].map(lambda v: v if isinstance(v, str) or v is None else cell_text(v))
    flat.columns = [str(c) for c in flat.columns]
    csv = Path(folder) / f"{name}.csv"
    parquet = Path(folder) / f"{name}.parquet"
    write_text_atomic(csv, flat.to_csv(index=False))
    buffer = io.BytesIO()
    flat.to_parquet(buffer, index=False)
    write_bytes_atomic(parquet, buffer.getvalue())
    return [csv, parquet]


def _export_links(exports: list[Path]) -> str:
    href = os.environ.get(EXPORT_HREF_ENV)
    if not exports or href is None:
        return ""
    links = " ".join(f'<a href="{html.escape(href + "/" + p.name, quote=True)}">{p.suffix[1:].upper()}</a>'
                     for p in exports)
    return f" · full table: {links}"
