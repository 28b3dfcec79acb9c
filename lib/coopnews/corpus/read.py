"""Files → raw documents: walk a corpus folder (a local path or any URL fsspec understands: s3://,
gcs://, memory://, file://…), decode each file, split collections (JSON, JSONL, CSV) into records,
extract HTML text, and apply the optional `metadata.csv` sidecar. Nothing is dropped silently: every
file or record that cannot become a document yields a `Skipped` with its reason."""
from __future__ import annotations

import csv
import errno
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath

from fsspec import AbstractFileSystem
from fsspec.core import split_protocol, url_to_fs
from fsspec.implementations.local import LocalFileSystem, make_path_posix
from fsspec.registry import known_implementations

from .dates import normalise_date
from .decode import DecodeError, decode_bytes, decode_text

SINGLE_DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
COLLECTION_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
SIDECAR = "metadata.csv"
TEXT_FIELDS = ("text", "body", "content", "article", "fulltext", "full_text")
ID_FIELDS = ("id", "doc_id", "docid", "newid", "uid", "guid")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "datetime", "published", "pubdate", "published_at", "publication_date")
META_FIELDS = ("source", "url", "language")
SIDECAR_COLUMNS = ("file", "title", "date", "source", "url", "language")
FETCH_FILES, FETCH_BYTES = 64, 64_000_000  # files read together (concurrently on object stores)
CSV_FIELD_LIMIT = 2**31 - 1  # the csv module refuses fields over 131,072 characters by default; max_bytes bounds them
SUPPORTED = "give a folder of .txt/.md/.html/.json/.jsonl/.csv files"


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
    """A file or record that did not become a document, and why; or (status "warning") a note about one that
    did, or about a sidecar row or field that was ignored."""

    path: str
    reason: str
    record: int | None = None
    status: str = "skipped"  # skipped | warning


@dataclass(frozen=True)
class CorpusFile:
    """One file of a corpus folder, as listed by its filesystem."""

    path: str  # on its filesystem
    rel: str  # relative to the corpus root, with forward slashes
    size: int | None  # bytes, when the filesystem lists it

    @property
    def name(self) -> str:
        return self.rel.rsplit("/", 1)[-1]

    @property
    def folder(self) -> str:
        return self.rel.rpartition("/")[0]


def filesystem(location: str | Path) -> tuple[AbstractFileSystem, str]:
    """The fsspec filesystem of a local path or URL, and the path on it (no I/O; a Path is always local)."""
    text = str(location)
    if _is_local_path(location):
        return LocalFileSystem(), make_path_posix(text)
    try:
        return url_to_fs(text)
    except ImportError as err:
        raise ValueError(_missing_backend(text, err)) from err
    except ValueError as err:
        if not str(err).startswith("Protocol not known"):
            raise
        protocol = str(err).rsplit(" ", 1)[-1]
        raise ValueError(f"{text}: unknown protocol '{protocol}://' (fsspec knows s3, gcs, az, http, memory, "
                         f"file, …; for a local folder give its path)") from err


def _is_local_path(location: str | Path) -> bool:
    """A Path, or a string with no URL protocol: a local path, read without asking fsspec."""
    return isinstance(location, PurePath) or ("://" not in str(location) and "::" not in str(location))


def _missing_backend(url: str, err: ImportError) -> str:
    """What to install when fsspec cannot import the filesystem a URL needs."""
    links = [split_protocol(link)[0] or link for link in url.split("::")]
    protocol = next((p for p in links if known_implementations.get(p, {}).get("err") == str(err)), links[0])
    module = getattr(err.__cause__, "name", None)
    install = f"pip install {module.split('.')[0]}" if module else "install the package it names"
    return (f"{url}: reading {protocol}:// locations needs a package that is not installed ({err}); {install}. "
            f"Until then only local folders and fsspec's built-in filesystems (file, memory, …) can be read")


def corpus_root(location: str | Path) -> Path | str:
    """How a corpus location is recorded: a Path for a local folder (file:// URLs included), else the URL."""
    if _is_local_path(location):
        return Path(location)
    fs, folder = filesystem(location)
    return Path(folder) if isinstance(fs, LocalFileSystem) else str(location)


def location_url(location: str | Path) -> str:
    """One spelling of a location's URL however it was written (protocol + path on its filesystem)."""
    if "::" in str(location):  # a chained URL: every link matters
        return str(location).rstrip("/")
    fs, folder = filesystem(location)
    return fs.unstrip_protocol(folder.rstrip("/"))


def corpus_location(location: str | Path) -> tuple[AbstractFileSystem, str]:
    """The filesystem and folder of a corpus; FileNotFoundError when that is not a folder."""
    fs, folder = filesystem(location)
    if not fs.isdir(folder):
        shown = corpus_root(location)
        hint = SUPPORTED if isinstance(shown, Path) else f"{SUPPORTED}; check the URL and your access to it"
        raise FileNotFoundError(f"corpus folder not found: {shown} ({hint})")
    return fs, folder


def is_folder(location: str | Path) -> bool:
    """Whether a local path or URL names a folder (for commands that take folders and files alike)."""
    try:
        fs, folder = filesystem(location)
        return bool(fs.isdir(folder))
    except (ValueError, OSError):
        return False


def iter_corpus_files(root: str | Path) -> list[CorpusFile]:
    """Every non-hidden file under `root` (a folder or URL), sorted, except sidecars."""
    fs, folder = corpus_location(root)
    return [f for f in _listing(fs, folder)[0] if f.name != SIDECAR]


def _listing(fs: AbstractFileSystem, folder: str) -> tuple[list[CorpusFile], list[Skipped]]:
    """Every non-hidden file under `folder` with its size, in path order (as pathlib sorts paths), and a
    Skipped for every entry that cannot be read (unreadable folders, dangling links, link loops, …)."""
    if isinstance(fs, LocalFileSystem):
        return _local_listing(folder)
    return _fs_listing(fs, folder), []


def _local_listing(folder: str) -> tuple[list[CorpusFile], list[Skipped]]:
    """`_listing` of a local folder, walked with os.scandir so nothing it cannot read goes unreported.
    Links to files are read; links to folders are followed once (a folder already read is not read again)."""
    files: list[CorpusFile] = []
    problems: list[Skipped] = []
    visited = {os.path.realpath(folder)}
    stack = [(folder, "")]
    while stack:
        path, rel = stack.pop()
        try:
            with os.scandir(path) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as err:
            problems.append(Skipped(f"{rel or '.'}/", f"unreadable folder ({err.strerror or err}): none of its "
                                    f"files were read; check its permissions"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders are not part of the corpus
            child = f"{rel}/{entry.name}" if rel else entry.name
            found = _local_entry(entry, child, visited, problems)
            if isinstance(found, CorpusFile):
                files.append(found)
            elif found is not None:
                stack.append((found, child))
    return sorted(files, key=lambda f: f.rel.split("/")), sorted(problems, key=lambda p: p.path)


def _local_entry(entry: os.DirEntry, rel: str, visited: set[str], problems: list[Skipped]) -> CorpusFile | str | None:
    """A file of the listing, a folder to walk (its path), or None (a problem was recorded, or nothing to read)."""
    try:
        if entry.is_symlink():
            target = os.readlink(entry.path)
            try:
                os.stat(entry.path)
            except OSError as err:
                what = {errno.ELOOP: "symlink loop", errno.ENOENT: "dangling link (its target does not exist)"}
                problems.append(Skipped(rel, f"{what.get(err.errno, f'unreadable link ({err.strerror})')}: "
                                        f"-> {target}; fix or remove the link"))
                return None
        if entry.is_dir():
            real = os.path.realpath(entry.path)
            if any(seen == real or seen.startswith(real.rstrip(os.sep) + os.sep) for seen in visited):
                problems.append(Skipped(f"{rel}/", f"symlink loop: a link to {real}, a folder already read or "
                                        f"holding the corpus; not followed"))
                return None
            visited.add(real)
            return entry.path
        if entry.is_file():
            return CorpusFile(entry.path, rel, entry.stat().st_size)
        problems.append(Skipped(rel, "not a regular file (a device, socket or pipe); not read"))
    except OSError as err:
        problems.append(Skipped(rel, f"unreadable ({err.strerror or err}); check its permissions"))
    return None


def _fs_listing(fs: AbstractFileSystem, folder: str) -> list[CorpusFile]:
    """`_listing` on any other fsspec filesystem."""
    prefix = folder.rstrip("/") + "/"
    files = []
    for name, info in fs.find(folder, detail=True).items():
        rel = name[len(prefix):]
        if not name.startswith(prefix) or any(part.startswith(".") for part in rel.split("/")):
            continue
        if info.get("type") == "file" or (info.get("islink") and fs.isfile(name)):  # a link to a file counts
            files.append(CorpusFile(name, rel, info.get("size")))
    return sorted(files, key=lambda f: f.rel.split("/"))


def read_corpus(root: str | Path, *, text_column: str | None = None, max_bytes: int = 10_000_000) -> Iterator[RawDocument | Skipped]:
    """Yield a RawDocument or a Skipped for every file (and every record of a collection) under `root`, and a
    Skipped (status "warning") for every sidecar row or field that was ignored and every guessed encoding."""
    fs, folder = corpus_location(root)
    listing, problems = _listing(fs, folder)
    yield from problems
    sidecar_paths = {f.folder: f.path for f in listing if f.name == SIDECAR}
    files = [f for f in listing if f.name != SIDECAR]
    names_in = {}
    for f in files:
        names_in.setdefault(f.folder, set()).add(f.name)
    sidecars: dict[str, dict] = {}
    for batch in _batches(files):
        contents = _fetch(fs, [f for f in batch if _wants_bytes(f, max_bytes)])
        for f in batch:
            if f.folder not in sidecars:
                sidecars[f.folder], notes = _read_sidecar(fs, sidecar_paths.get(f.folder), f.folder,
                                                          names_in[f.folder])
                yield from notes
            sidecar = sidecars[f.folder]
            for item in _read(fs, f.path, f.rel, size=f.size, content=contents.get(f.path),
                              text_column=text_column, max_bytes=max_bytes):
                if isinstance(item, RawDocument):
                    overrides = sidecar.get(f.name) or sidecar.get(f.rel) or {}
                    item.meta.update({k: v for k, v in overrides.items() if v})
                yield item
    for where in sorted(set(sidecar_paths) - set(sidecars)):  # sidecars of folders with no other file
        _, notes = _read_sidecar(fs, sidecar_paths[where], where, set())
        yield from notes


def _batches(files: list[CorpusFile]) -> Iterator[list[CorpusFile]]:
    """Consecutive files, at most FETCH_FILES and (but for a single big file) FETCH_BYTES at a time."""
    batch, size = [], 0
    for f in files:
        if batch and (len(batch) == FETCH_FILES or size + (f.size or 0) > FETCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(f)
        size += f.size or 0
    if batch:
        yield batch


def _wants_bytes(f: CorpusFile, max_bytes: int) -> bool:
    suffix = PurePosixPath(f.name).suffix.lower()
    if suffix in SINGLE_DOCUMENT_SUFFIXES:
        return f.size is not None and f.size <= max_bytes
    return suffix in COLLECTION_SUFFIXES


def _fetch(fs: AbstractFileSystem, files: list[CorpusFile]) -> dict[str, bytes | Exception]:
    """The bytes (or the error) of each file, read together: concurrently on asynchronous filesystems."""
    if len(files) < 2:
        return {}  # read where it is used
    paths = [f.path for f in files]
    return dict(zip(paths, fs.cat_ranges(paths, None, None, on_error="return")))


def read_file(path: Path, rel: str, *, text_column: str | None = None, max_bytes: int = 10_000_000) -> Iterator[RawDocument | Skipped]:
    """Documents (or reasons to skip) from one local file."""
    yield from _read(LocalFileSystem(), str(path), rel, text_column=text_column, max_bytes=max_bytes)


def read_corpus_file(root: str | Path, rel: str, *, text_column: str | None = None,
                     max_bytes: int = 10_000_000) -> Iterator[RawDocument | Skipped]:
    """Documents (or reasons to skip) from the file at `rel` in a corpus folder, local or at a URL."""
    fs, folder = filesystem(root)
    yield from _read(fs, f"{folder.rstrip('/')}/{rel}", rel, text_column=text_column, max_bytes=max_bytes)


def _read(fs: AbstractFileSystem, path: str, rel: str, **options) -> Iterator[RawDocument | Skipped]:
    """Documents (or reasons to skip) from one file on `fs`; whatever a malformed file raises becomes a
    Skipped naming it, so one file never stops a load."""
    done = 0
    try:
        for item in _read_file(fs, path, rel, **options):
            done += 1
            yield item
    except Exception as err:  # noqa: BLE001 - whatever a malformed file raises (RecursionError too): log it, go on
        where = "" if not done else f" after {done} item(s)"
        yield Skipped(rel, f"could not be read{where}: {type(err).__name__}: {_short(err)}")


def _short(err: BaseException, limit: int = 200) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[:limit] + "…"


def _read_file(fs: AbstractFileSystem, path: str, rel: str, *, size: int | None = None,
               content: bytes | Exception | None = None, text_column: str | None,
               max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Documents (or reasons to skip) from one file on `fs`; `size`/`content` when already known."""
    name = PurePosixPath(path.rsplit("/", 1)[-1])
    suffix = name.suffix.lower()
    if suffix not in SINGLE_DOCUMENT_SUFFIXES | COLLECTION_SUFFIXES:
        yield Skipped(rel, f"unsupported file type '{suffix or name.name}' (supported: txt, md, html, json, jsonl, csv)")
        return
    try:
        size = fs.size(path) if size is None else size
        if suffix in SINGLE_DOCUMENT_SUFFIXES and size is not None and size > max_bytes:
            yield Skipped(rel, f"too big: {size:,} bytes > max_bytes={max_bytes:,}")
            return
        content = fs.cat_file(path) if content is None else content
        if isinstance(content, Exception):
            raise content
        decoded = decode_text(content)
    except DecodeError as err:
        yield Skipped(rel, _explain_decode_error(err.reason))
        return
    except OSError as err:
        yield Skipped(rel, f"unreadable ({err.strerror or err}); check its permissions")
        return
    text, encoding = decoded.text, decoded.encoding
    if decoded.doubt:
        yield Skipped(rel, f"encoding guessed with low confidence: {decoded.doubt}; if its text looks wrong, "
                           f"re-save the file as UTF-8", status="warning")
    stem = name.stem
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
            except RecursionError:
                yield Skipped(rel, f"line {n + 1} is nested too deeply to read", record=n)
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            yield Skipped(rel, f"not valid JSON: {err.msg} at line {err.lineno}")
            return
        except RecursionError:
            yield Skipped(rel, "JSON nested too deeply to read; give a list of flat objects")
            return
        if isinstance(data, dict):
            data = data.get("documents", [data])
        if not isinstance(data, list):
            yield Skipped(rel, f"JSON holds a {_json_kind(data)}, not an object or a list of objects with a text field")
            return
        yield from data
    else:
        if csv.field_size_limit() < CSV_FIELD_LIMIT:
            csv.field_size_limit(CSV_FIELD_LIMIT)
        reader = csv.DictReader(io.StringIO(text))
        try:
            yield from reader
        except csv.Error as err:
            yield Skipped(rel, f"CSV malformed at line {reader.line_num}: {err}; the rows after it were not read")


def _json_kind(value) -> str:
    return {str: "string", bool: "boolean", int: "number", float: "number", type(None): "null"}.get(type(value), "value")


def _pick(record: dict, names: tuple[str, ...]) -> str | None:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, ""):
            return str(value)
    return None


def _collection_documents(stem, rel, text, encoding, suffix, *, text_column, max_bytes) -> Iterator[RawDocument | Skipped]:
    fmt = suffix.lstrip(".").replace("ndjson", "jsonl")
    n = -1
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
    if n < 0:
        yield Skipped(rel, "empty collection: no records" + (" (a header line only)" if fmt == "csv" else ""))


def _read_sidecar(fs: AbstractFileSystem, path: str | None, folder: str,
                  names: set[str]) -> tuple[dict[str, dict], list[Skipped]]:
    """file name → overrides from a folder's metadata.csv (file,title,date,source,url,language), and a
    warning for each thing in it that is ignored (named by the sidecar's path): the whole sidecar when
    unreadable, unknown columns, rows without a file or naming a file not in `names`, dates not understood."""
    if path is None:
        return {}, []
    where = f"{folder}/{SIDECAR}" if folder else SIDECAR

    def note(reason: str, row: int | None = None) -> Skipped:
        return Skipped(where, f"sidecar: {reason}", record=row, status="warning")

    try:
        text, _ = decode_bytes(fs.cat_file(path))
        if csv.field_size_limit() < CSV_FIELD_LIMIT:
            csv.field_size_limit(CSV_FIELD_LIMIT)
        reader = csv.DictReader(io.StringIO(text))
        rows = list(reader)
        columns = [c for c in (reader.fieldnames or []) if c is not None]
    except (DecodeError, csv.Error, OSError, ValueError) as err:
        return {}, [note(f"unreadable ({getattr(err, 'reason', err)}); all its overrides are ignored")]
    if "file" not in columns:
        return {}, [note(f"no 'file' column (columns: {', '.join(columns) or 'none'}); all its overrides are ignored")]
    notes = []
    unknown = [c for c in columns if c not in SIDECAR_COLUMNS]
    if unknown:
        notes.append(note(f"unknown column(s) {', '.join(unknown)} ignored (known: {', '.join(SIDECAR_COLUMNS)})"))
    out = {}
    for n, row in enumerate(rows):
        name = (row.get("file") or "").strip()
        if None in row:
            notes.append(note(f"row {n + 1} has more fields than the header; the extra ones are ignored", n))
        if not name:
            notes.append(note(f"row {n + 1} names no file; ignored", n))
            continue
        if name not in names and name.removeprefix(f"{folder}/") not in names:
            notes.append(note(f"row {n + 1} names '{name}', which is not a file of this folder; ignored", n))
        meta = {k: (row.get(k) or "").strip() for k in SIDECAR_COLUMNS[1:]}
        if meta["date"] and not normalise_date(meta["date"]):
            notes.append(note(f"row {n + 1} ({name}): date '{meta['date']}' not understood (use YYYY-MM-DD); ignored", n))
            meta["date"] = ""
        if meta["date"]:
            meta["date_source"] = "sidecar"
        out[name] = meta
    return out, notes


def read_files(paths: Iterable[str | Path], *, text_column: str | None = None,
               max_bytes: int = 10_000_000) -> Iterator[tuple[str, RawDocument | Skipped]]:
    """(path as given, document or reason to skip) for every document of loose files named on a command
    line; a path that is not a file gives one Skipped "no such file"."""
    for name in paths:
        path = Path(name)
        if not path.is_file():
            yield str(name), Skipped(str(name), "no such file")
            continue
        for item in read_file(path, path.name, text_column=text_column, max_bytes=max_bytes):
            yield str(name), item
