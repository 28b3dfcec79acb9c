"""Keyword in context: every occurrence of a term, phrase or regex with its left and right context.

    table = kwic(corpus.documents, "investment promotion", window=8, sort="right")
    html = kwic_html(table)      # document text escaped, the node in <mark>
"""
from __future__ import annotations

import html
import re

import pandas as pd

KWIC_COLUMNS = {
    "doc_id": "document",
    "start": "offset of the match in documents.text",
    "end": "end offset (exclusive)",
    "left": "up to `window` words before the match (same line only)",
    "node": "the matched text",
    "right": "up to `window` words after the match",
}
_WORDS_LEFT = re.compile(r"\S+\s*$")
_LINE_BREAK = re.compile(r"\n")


def query_pattern(query: str, *, regex: bool = False, case_sensitive: bool = False) -> re.Pattern:
    """Compiled pattern for a word or phrase (whole words, any whitespace between) or a regex."""
    if not query or not query.strip():
        raise ValueError("KWIC needs a non-empty term, phrase or regex")
    flags = 0 if case_sensitive else re.IGNORECASE
    if regex:
        try:
            return re.compile(query, flags)
        except re.error as err:
            raise ValueError(f"invalid regular expression {query!r}: {err} (or pass regex=False)") from err
    words = [re.escape(w) for w in query.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", flags)


def kwic(documents: pd.DataFrame, query: str, *, window: int = 8, regex: bool = False,
         case_sensitive: bool = False, sort: str | None = None, limit: int | None = None) -> pd.DataFrame:
    """KWIC_COLUMNS for every match of `query`; sort = None (document order), "left" or "right" context."""
    if sort not in (None, "left", "right"):
        raise ValueError(f"sort must be None, 'left' or 'right', not {sort!r}")
    pattern = query_pattern(query, regex=regex, case_sensitive=case_sensitive)
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        text = text or ""
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            rows.append({"doc_id": doc_id, "start": m.start(), "end": m.end(),
                         "left": _left_context(text, m.start(), window), "node": m.group(),
                         "right": _right_context(text, m.end(), window)})
    table = pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
    if sort == "right":
        key = table["right"].str.lower()
        table = table.assign(_k=key).sort_values(["_k", "doc_id", "start"], kind="stable").drop(columns="_k")
    elif sort == "left":
        key = table["left"].map(lambda s: " ".join(reversed(s.lower().split())))
        table = table.assign(_k=key).sort_values(["_k", "doc_id", "start"], kind="stable").drop(columns="_k")
    table = table.reset_index(drop=True)
    return table.head(limit) if limit else table


def _left_context(text: str, start: int, window: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    words = text[max(line_start, start - 40 * window - 1):start].split()
    return " ".join(words[-window:]) if window else ""


def _right_context(text: str, end: int, window: int) -> str:
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    words = text[end:min(line_end, end + 40 * window + 1)].split()
    return " ".join(words[:window]) if window else ""


def kwic_html(table: pd.DataFrame, *, max_rows: int | None = 200) -> str:
    """An HTML table of a kwic() result: document text escaped, the node wrapped in <mark>."""
    rows = table.head(max_rows) if max_rows else table
    body = "\n".join(
        f'<tr><td class="doc">{html.escape(str(r.doc_id))}</td><td class="left" style="text-align:right">'
        f'{html.escape(r.left)}</td><td class="node"><mark>{html.escape(r.node)}</mark></td>'
        f'<td class="right">{html.escape(r.right)}</td></tr>'
        for r in rows.itertuples())
    return ('<table class="kwic"><thead><tr><th>document</th><th>left</th><th>node</th><th>right</th></tr>'
            f"</thead><tbody>\n{body}\n</tbody></table>")
