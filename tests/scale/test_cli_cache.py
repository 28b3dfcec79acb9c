"""The folder commands read the parallel pipeline's cache: `events` then `partners` compute entities once,
and a re-run gives the same lines."""
from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

import coopnews.data

from coopnews.cache import stages
from coopnews.cli import main


def _lines(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_events_then_partners_on_a_folder_compute_entities_once(seeds_dir, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    assert main(["events", str(folder)]) == 0
    events = _lines(capsys)
    assert events and {e["doc"] for e in events} <= {p.stem for p in folder.glob("*.txt")}
    monkeypatch.setitem(stages.STAGES, "entities", dataclasses.replace(
        stages.STAGES["entities"], compute=lambda *a, **k: pytest.fail("entities computed again")))
    assert main(["partners", str(folder)]) == 0
    pairs = _lines(capsys)
    assert {("Guangzhou", "Lyon Confluence")} <= {(p["a"], p["b"]) for p in pairs}
    for p in pairs:
        assert (folder / f"{p['doc']}.txt").read_text("utf-8")[p["start"]:p["end"]] == p["sentence"]
    assert main(["events", str(folder)]) == 0
    assert _lines(capsys) == events


def test_a_cue_lexicon_given_explicitly_gives_the_cached_lines(seeds_dir, tmp_path, capsys):
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    data = Path(coopnews.data.__file__).parent
    for command, cues in (("events", data / "event_cues.yaml"), ("partners", data / "cooperation_cues.yaml")):
        assert main([command, str(folder)]) == 0
        cached = _lines(capsys)
        assert main([command, str(folder), "--cues", str(cues)]) == 0
        assert _lines(capsys) == cached
