"""A corpus at any fsspec URL (memory://, file://, s3://…) loads exactly like the same files in a local folder."""
from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

import fsspec
import pandas as pd
import pytest
from fsspec.implementations.memory import MemoryFileSystem
from fsspec.registry import known_implementations

from coopnews import load_corpus
from coopnews.scale import access
from coopnews.cache.paths import corpus_cache_dir
from coopnews.corpus.read import corpus_root, iter_corpus_files, read_corpus, read_corpus_file, read_file
from coopnews.scale.pipeline import process

LYON = "004_3c3d29bd9ffa8773.txt"
EXTRA = {  # hand-written files added to the seeds: a subfolder, a sidecar, and files that must be skipped or hidden
    "metadata.csv": "file,title,date\n004_3c3d29bd9ffa8773.txt,Lyon and Guangzhou: thirty years of ties,2016-05-12\n",
    "wire/wire.jsonl": (
        '{"id": "w1", "date": "2019-09-02", "body": "Lyon and Guangzhou signed a new cooperation plan on Monday. '
        'The two cities will work together on urban regeneration from 2020 to 2022."}\n'
        '{"id": "w2", "body": "Nanjing opened an investment promotion office in Paris on 5 March 2021."}\n'),
    "wire/scan.pdf": b"%PDF-1.4 not a text file",
    "empty.txt": b"",
    ".notes.txt": "A hidden note that is not an article.",
    ".drafts/draft.txt": "A draft in a hidden folder.",
}
SKIPPED = {"empty.txt": "empty file (no text)",
           "wire/scan.pdf": "unsupported file type '.pdf' (supported: txt, md, html, json, jsonl, csv)"}


@pytest.fixture
def memory_fs():
    """fsspec's in-process memory filesystem, emptied after each test."""
    fs = fsspec.filesystem("memory")
    yield fs
    MemoryFileSystem.store.clear()
    MemoryFileSystem.pseudo_dirs[:] = [""]


def _files(seeds_dir: Path) -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted(seeds_dir.iterdir())}
    files.update({rel: data if isinstance(data, bytes) else data.encode("utf-8") for rel, data in EXTRA.items()})
    return files


@pytest.fixture
def local_dir(tmp_path, seeds_dir) -> Path:
    folder = tmp_path / "news"
    for rel, data in _files(seeds_dir).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


@pytest.fixture
def memory_url(memory_fs, seeds_dir) -> str:
    memory_fs.pipe({f"/bucket/news/{rel}": data for rel, data in _files(seeds_dir).items()})
    return "memory://bucket/news"


def test_memory_corpus_equals_the_local_folder(memory_url, local_dir):
    remote, local = load_corpus(memory_url, progress=False), load_corpus(local_dir, progress=False)
    pd.testing.assert_frame_equal(remote.documents, local.documents)  # no column depends on the root
    pd.testing.assert_frame_equal(remote.sentences, local.sentences)
    pd.testing.assert_frame_equal(remote.log, local.log)
    docs = remote.documents.set_index("doc_id")
    assert len(docs) == 7 and set(docs.loc[["w1", "w2"], "path"]) == {"wire/wire.jsonl"}
    assert docs.loc[LYON[:-4], ["title", "date", "date_source"]].tolist() == [
        "Lyon and Guangzhou: thirty years of ties", "2016-05-12", "sidecar"]
    skipped = remote.log[remote.log["status"] == "skipped"]
    assert dict(zip(skipped["path"], skipped["reason"])) == SKIPPED
    assert not remote.log["path"].str.contains("notes|draft").any()  # hidden files and folders are not read


def test_memory_corpus_is_cached_under_its_url(memory_url):
    first = process(memory_url, progress=False)
    again = process(memory_url + "/", progress=False)  # the same URL written differently
    assert first.root == memory_url and first.cache_dir == again.cache_dir
    assert first.cache_dir.name.startswith("news-") and again.stats["new"]["documents"] == 0
    assert corpus_cache_dir("memory:///bucket/news") == first.cache_dir
    assert corpus_cache_dir("memory://bucket/other") != first.cache_dir


def test_listing_and_reading_match_the_local_folder(memory_url, local_dir):
    remote, local = iter_corpus_files(memory_url), iter_corpus_files(local_dir)
    seeds = sorted(p.name for p in local_dir.glob("0*.txt"))
    assert [f.rel for f in remote] == [f.rel for f in local] == [*seeds, "empty.txt", "wire/scan.pdf",
                                                                 "wire/wire.jsonl"]
    assert [f.size for f in remote] == [f.size for f in local]
    items = lambda root: [dataclasses.astuple(i) for i in read_corpus(root)]  # noqa: E731
    assert items(memory_url) == items(local_dir)
    assert [dataclasses.astuple(i) for i in read_corpus_file(memory_url, "wire/wire.jsonl")] == [
        dataclasses.astuple(i) for i in read_file(local_dir / "wire" / "wire.jsonl", "wire/wire.jsonl")]


def test_files_come_in_pathlib_order_folder_by_folder(memory_fs, tmp_path):
    names = ["a.txt", "a-b.txt", "a/b.txt", "a/c/d.txt", "B.txt"]
    memory_fs.pipe({f"/order/{name}": name.encode() for name in names})
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    expected = ["B.txt", "a/b.txt", "a/c/d.txt", "a-b.txt", "a.txt"]  # "a" < "a-b.txt": parts, not strings
    assert [d.path for d in read_corpus("memory://order")] == [d.path for d in read_corpus(tmp_path)] == expected


def test_files_over_max_bytes_are_never_downloaded(memory_fs, monkeypatch):
    memory_fs.pipe({"/big/huge.txt": b"word " * 2_000, "/big/small.txt": b"Lyon and Nanjing.",
                    "/big/tiny.md": b"# Note\n\nA short one."})
    fetched = []
    cat_file = MemoryFileSystem.cat_file
    monkeypatch.setattr(MemoryFileSystem, "cat_file",
                        lambda self, path, *a, **k: fetched.append(path) or cat_file(self, path, *a, **k))
    items = list(read_corpus("memory://big", max_bytes=1_000))
    assert [(i.path, getattr(i, "reason", "ok")) for i in items] == [
        ("huge.txt", "too big: 10,000 bytes > max_bytes=1,000"), ("small.txt", "ok"), ("tiny.md", "ok")]
    assert sorted(fetched) == ["/big/small.txt", "/big/tiny.md"]


def test_file_url_is_the_plain_folder(local_dir):
    url = local_dir.as_uri()
    assert url.startswith("file:///") and corpus_root(url) == local_dir
    assert corpus_cache_dir(url) == corpus_cache_dir(local_dir)
    by_url, by_path = load_corpus(url, progress=False), load_corpus(local_dir, progress=False)
    pd.testing.assert_frame_equal(by_url.documents, by_path.documents)
    pd.testing.assert_frame_equal(by_url.log, by_path.log)
    assert by_url.root == local_dir


@pytest.mark.parametrize("where", ["memory://bucket/missing", "memory://bucket/news/empty.txt", "local"])
def test_missing_folder_is_named(where, memory_url, tmp_path):
    location = str(tmp_path / "nope") if where == "local" else where
    with pytest.raises(FileNotFoundError, match=f"corpus folder not found: {re.escape(location)} .*give a folder"):
        load_corpus(location, progress=False)


@pytest.mark.parametrize("protocol, package", [("s3", "s3fs"), ("gcs", "gcsfs")])
def test_missing_backend_names_the_package_to_install(protocol, package):
    if importlib.util.find_spec(package):
        pytest.skip(f"{package} is installed")
    with pytest.raises(ValueError, match=rf"{protocol}://bucket/news: .*pip install {package}"):
        process(f"{protocol}://bucket/news", progress=False)


def test_unknown_and_unimportable_protocols_are_clear_errors(monkeypatch):
    with pytest.raises(ValueError, match=r"nosuchfs://x/news: unknown protocol 'nosuchfs://'"):
        load_corpus("nosuchfs://x/news", progress=False)
    monkeypatch.setitem(known_implementations, "fakefs", {"class": "coopnews_fakefs_backend.FakeFileSystem",
                                                          "err": "Install coopnews_fakefs_backend to read FakeFS"})
    with pytest.raises(ValueError, match=r"fakefs:// locations .*FakeFS.*pip install coopnews_fakefs_backend"):
        load_corpus("fakefs://x/news", progress=False)


def test_url_roots_in_reports_and_partner_offsets(memory_url, tmp_path):
    from coopnews.commands.partners import _raw_texts
    from coopnews.reporting.build import build_info

    corpus = dataclasses.replace(load_corpus(memory_url, progress=False), root=memory_url)
    assert build_info(corpus, plan_path=tmp_path / "plan.yaml")["corpus_dir"] == memory_url
    texts = _raw_texts(corpus, {"w2", LYON[:-4]})
    assert texts["w2"] == "Nanjing opened an investment promotion office in Paris on 5 March 2021."
    assert texts[LYON[:-4]].startswith("Lyon has entertained many years ago")


def test_dask_engine_reads_a_memory_corpus(memory_url, local_dir, tmp_path):
    """Only the driver lists and reads the URL; Dask workers get decoded documents."""
    local = process(local_dir, stages=["timexes"], workers=1, progress=False, cache_dir=tmp_path / "local")
    remote = process(memory_url, stages=["timexes"], engine="dask", workers=2, partitions=2, progress=False,
                     cache_dir=tmp_path / "dask")
    assert remote.order.equals(local.order)
    expected, found = access.timexes(local.corpus()), access.timexes(remote.corpus())
    pd.testing.assert_frame_equal(found, expected)
    wire = found[found["doc_id"].isin(["w1", "w2"])]
    assert list(zip(wire["doc_id"], wire["text"], wire["value"])) == [
        ("w1", "Monday", "2019-09-02"), ("w1", "2020", "2020"), ("w1", "2022", "2022"),
        ("w2", "5 March 2021", "2021-03-05")]


def test_commands_take_a_url_folder(memory_url, local_dir, capsys):
    from coopnews.cli import main

    for command in ("events", "partners"):
        assert main([command, memory_url]) == 0
        from_url = capsys.readouterr().out
        assert main([command, str(local_dir)]) == 0
        assert from_url == capsys.readouterr().out and from_url.count("\n") > 5, command
