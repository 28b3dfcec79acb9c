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


def test_keywords_on_an_unchanged_folder_read_everything_from_the_cache(seeds_dir, tmp_path):
    """The second `coopnews keywords` on a folder builds no sentence splitter and stems no word (the terms
    stage stores each form's stem), so it never imports NLTK — and prints the same table."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    env = {**os.environ, "COOPNEWS_CACHE": str(tmp_path / "cache"), "TQDM_DISABLE": "1"}
    script = ("import sys, runpy; sys.argv = ['coopnews', 'keywords', sys.argv[1]]\n"
              "try:\n    runpy.run_module('coopnews', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "print('NLTK' if 'nltk' in sys.modules else 'no NLTK', file=sys.stderr)")
    runs = [subprocess.run([sys.executable, "-c", script, str(folder)], env=env, capture_output=True, text=True,
                           check=True) for _ in range(2)]
    assert runs[0].stderr.strip().endswith("NLTK") and not runs[0].stderr.strip().endswith("no NLTK")  # parsed
    assert runs[1].stderr.strip().endswith("no NLTK")
    assert runs[1].stdout == runs[0].stdout and '"term": "cooperation"' in runs[0].stdout
