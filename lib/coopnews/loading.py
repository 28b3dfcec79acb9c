"""Files → raw documents: walk a folder, decode each file, split collections (JSON, JSONL, CSV) into
records, extract HTML text, and apply the optional `metadata.csv` sidecar. Nothing is dropped
silently: every file or record that cannot become a document yields a `Skipped` with its reason."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import DecodeError, decode_bytes
from .pubdate import parse_date

SINGLE_DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
COLLECTION_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
SIDECAR = "metadata.csv"
TEXT_FIELDS = ("text", "body", "content", "article", "fulltext", "full_text")
ID_FIELDS = ("id", "doc_id", "docid", "newid", "uid", "guid")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "datetime", "published", "pubdate", "published_at", "publication_date")
META_FIELDS = ("source", "url", "language")


@dataclass
class RawDocument:
    """One document as read from disk, before cleaning."""

    doc_id: str
    path: str  # relative to the corpus root, with forward slashes
    record: int | None  # position inside a collection file; None for single-document files
    raw_text: str  # the document's text as decoded (whole file, extracted HTML text, or the record's field)
    encoding: str
    fmt: str  # txt, md, html, json, jsonl, csv
    meta: dict = field(default_factory=dict)  # title/date/source/url/language given by the file or record

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(self.raw_text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Skipped:
    """A file or record that did not become a document, and why."""

    path: str
    reason: str
    record: int | None = None


def iter_corpus_files(root: Path) -> list[Path]:
    """Every non-hidden file under `root`, sorted, except sidecars."""
    files = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file() or p.name == SIDECAR:
            continue
        files.append(p)
    return files


def read_corpus(root: Path, *, text_column: str | None = None, max_bytes: int = 10_000_000) -> Iterator[RawDocument | Skipped]:
    """Yield a RawDocument or a Skipped for every file (and every record of a collection) under `root`."""
    sidecars = {}
    for f in iter_corpus_files(root):
        rel = f.relative_to(root).as_posix()
        folder = f.parent
        if folder not in sidecars:
            sidecars[folder] = _read_sidecar(folder / SIDECAR)
        sidecar = sidecars[folder]
        if isinstance(sidecar, Skipped):
            yield sidecar
            sidecars[folder] = sidecar = {}
        for item in read_file(f, rel, text_column=text_column, max_bytes=max_bytes):
            if isinstance(item, RawDocument):
                overrides = sidecar.get(f.name) or sidecar.get(rel) or {}
                item.meta.update({k: v for k, v in overrides.items() if v})
            yield item


def read_file(path: Path, rel: str, *, text_column: str | None = None, max_bytes: int = 10_000_000) -> Iterator[RawDocument | Skipped]:
    """Documents (or reasons to skip) from one file."""
    suffix = path.suffix.lower()
    if suffix not in SINGLE_DOCUMENT_SUFFIXES | COLLECTION_SUFFIXES:
        yield Skipped(rel, f"unsupported file type '{suffix or path.name}' (supported: txt, md, html, json, jsonl, csv)")
        return
    size = path.stat().st_size
    if suffix in SINGLE_DOCUMENT_SUFFIXES and size > max_bytes:
        yield Skipped(rel, f"too big: {size:,} bytes > max_bytes={max_bytes:,}")
        return
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except DecodeError as err:
        yield Skipped(rel, _explain_decode_error(err.reason))
        return
    except OSError as err:
        yield Skipped(rel, f"unreadable: {err.strerror or err}")
        return
    stem = path.stem
    if suffix in {".txt", ".md", ".markdown"}:
        yield RawDocument(stem, rel, None, text, encoding, suffix.lstrip(".").replace("markdown", "md"))
    elif suffix in {".html", ".htm"}:
        yield _html_document(stem, rel, text, encoding)
    else:
        yield from _collection_documents(stem, rel, text, encoding, suffix, text_column=text_column, max_bytes=max_bytes)


def _explain_decode_error(reason: str) -> str:
    return {
        "empty": "empty file (no text)",
        "binary": "binary file (not text): convert it to .txt or remove it",
        "undecodable": "undecodable: no known text encoding fits its bytes; re-save it as UTF-8",
    }[reason]


def _html_document(stem: str, rel: str, text: str, encoding: str) -> RawDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    meta = {}
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and og.get("content"):
        meta["title"] = og["content"].strip()
    elif soup.title and soup.title.string:
        meta["title"] = soup.title.string.strip()
    for attrs in ({"property": "article:published_time"}, {"name": "pubdate"}, {"name": "date"},
                  {"name": "DC.date"}, {"itemprop": "datePublished"}):
        tag = soup.find("meta", attrs=attrs)
        if tag and tag.get("content"):
            meta["date"] = tag["content"].strip()
            meta["date_source"] = "header"
            break
    if "date" not in meta:
        time_tag = soup.find("time", attrs={"datetime": True})
        if time_tag:
            meta["date"], meta["date_source"] = time_tag["datetime"].strip(), "header"
    lang = soup.html.get("lang") if soup.html else None
    if lang:
        meta["language"] = lang.split("-")[0].lower()
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template"]):
        tag.decompose()
    body = soup.find("article") or soup.body or soup
    lines = [re.sub(r"\s+", " ", line).strip() for line in body.get_text("\n").split("\n")]
    extracted = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return RawDocument(stem, rel, None, extracted, encoding, "html", meta)


def _records(text: str, suffix: str, rel: str) -> Iterator[dict | Skipped]:
    if suffix in {".jsonl", ".ndjson"}:
        for n, line in enumerate(text.splitlines()):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                yield Skipped(rel, f"line {n + 1} is not valid JSON ({err.msg})", record=n)
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            yield Skipped(rel, f"not valid JSON: {err.msg} at line {err.lineno}")
            return
        yield from (data if isinstance(data, list) else data.get("documents", [data]) if isinstance(data, dict) else [])
    else:
        yield from csv.DictReader(io.StringIO(text))


def _pick(record: dict, names: tuple[str, ...]) -> str | None:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, ""):
            return str(value)
    return None


def _collection_documents(stem, rel, text, encoding, suffix, *, text_column, max_bytes) -> Iterator[RawDocument | Skipped]:
    fmt = suffix.lstrip(".").replace("ndjson", "jsonl")
    for n, record in enumerate(_records(text, suffix, rel)):
        if isinstance(record, Skipped):
            yield record
            continue
        if not isinstance(record, dict):
            yield Skipped(rel, "record is not an object with named fields", record=n)
            continue
        if text_column is not None:
            if text_column not in record:
                available = ", ".join(map(str, record)) or "none"
                yield Skipped(rel, f"no '{text_column}' field (fields: {available}); set text_column", record=n)
                continue
            body = record[text_column]
        else:
            body = _pick(record, TEXT_FIELDS)
        if body is None or not str(body).strip():
            yield Skipped(rel, "empty text field", record=n)
            continue
        body = str(body)
        if len(body.encode("utf-8", "surrogatepass")) > max_bytes:
            yield Skipped(rel, f"too big: record text exceeds max_bytes={max_bytes:,}", record=n)
            continue
        meta = {"title": _pick(record, TITLE_FIELDS), "date": _pick(record, DATE_FIELDS)}
        meta.update({k: _pick(record, (k,)) for k in META_FIELDS})
        if meta["date"]:
            meta["date_source"] = "record"
        doc_id = _pick(record, ID_FIELDS) or f"{stem}-{n + 1}"
        yield RawDocument(doc_id, rel, n, body, encoding, fmt, {k: v for k, v in meta.items() if v})


def _read_sidecar(path: Path) -> dict[str, dict] | Skipped:
    """file name → overrides from a metadata.csv (file,title,date,source,url,language)."""
    if not path.exists():
        return {}
    try:
        text, _ = decode_bytes(path.read_bytes())
        rows = list(csv.DictReader(io.StringIO(text)))
    except (DecodeError, csv.Error) as err:
        return Skipped(path.name, f"sidecar {path.name} unreadable ({err}); its overrides are ignored")
    if rows and "file" not in rows[0]:
        return Skipped(path.name, f"sidecar {path.name} has no 'file' column; its overrides are ignored")
    out = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        if name:
            meta = {k: (row.get(k) or "").strip() for k in ("title", "date", "source", "url", "language")}
            if meta["date"]:
                meta["date_source"] = "sidecar"
            out[name] = meta
    return out


def normalise_date(value: str) -> tuple[str, str] | None:
    """An ISO date and its precision from a metadata value such as '2025-04-03T08:00:00Z' or '2021'."""
    value = value.strip()
    if re.fullmatch(r"(19|20)\d{2}", value):
        return value, "year"
    if re.fullmatch(r"(19|20)\d{2}-\d{2}", value):
        return value, "month"
    return parse_date(value)
