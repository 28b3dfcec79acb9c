"""Report plans: read the YAML plan, expand it into runs (notebook x parameters) and validate every run
against its notebook's `parameters` cell before anything executes. The format is described in
reports/README.md and at the top of reports/plan.yaml."""
from __future__ import annotations

import fnmatch
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..partners.profiles import known_partners, top_partners
from ..scale.access import events, partner_tables
from .params import validate_runs
from .slugs import assign_slugs

ENTRY_KEYS = {"notebook", "parameters", "parameter_sets", "for_each", "name"}
FOR_EACH_KEYS = {"parameter", "values", "n", "min_mentions"}
VALUE_SOURCES = ("top_partners", "partners", "years", "event_years")
NOTEBOOK_STEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class PlanError(ValueError):
    """A plan that cannot run; the message lists every problem found."""

    def __init__(self, source: str, problems: list[str]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        n = len(self.problems)
        super().__init__(f"{source}: {n} problem{'s' if n != 1 else ''}, nothing was run:\n{lines}")


@dataclass
class Run:
    """One report to build: a notebook and the parameters injected into it (corpus_dir excluded)."""

    notebook: str  # notebook stem, also the report's folder
    path: Path  # the .ipynb file
    parameters: dict = field(default_factory=dict)
    entry: int = 0  # 1-based position of the plan entry it came from
    name: str | None = None  # explicit slug from the plan
    slug: str = ""

    @property
    def label(self) -> str:
        """`notebook` or `notebook focus=Lyon top_n=10`."""
        params = " ".join(f"{k}={_show(v)}" for k, v in self.parameters.items())
        return f"{self.notebook} {params}".strip()

    @property
    def relpath(self) -> str:
        """Where the report lives under the output folder."""
        return f"{self.notebook}/{self.slug}.html"


@dataclass
class Plan:
    """A parsed plan file: its entries and the folder holding its notebooks."""

    source: Path
    notebooks_dir: Path
    entries: list[dict]
    problems: list[str] = field(default_factory=list)  # found while reading; reported with the runs' problems


def _show(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def default_notebooks_dir() -> Path:
    """The project's notebooks/ folder (next to lib/)."""
    return Path(__file__).resolve().parents[3] / "notebooks"


def load_plan(path: str | Path, *, notebooks_dir: str | Path | None = None) -> Plan:
    """Read a plan file; `notebooks_dir` overrides the plan's `notebooks:` key."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"plan file not found: {path} (give a YAML plan, e.g. reports/plan.yaml)")
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as err:
        raise PlanError(str(path), [f"not valid YAML: {err}"]) from None
    problems = []
    if not isinstance(data, dict) or not isinstance(data.get("runs"), list):
        raise PlanError(str(path), ["the plan must be a mapping with a `runs:` list (see reports/README.md)"])
    unknown = sorted(set(data) - {"runs", "notebooks"})
    if unknown:
        problems.append(f"unknown top-level key(s) {', '.join(unknown)} (allowed: notebooks, runs)")
    if notebooks_dir is not None:
        folder = Path(notebooks_dir)
    elif data.get("notebooks"):
        folder = (path.parent / str(data["notebooks"]))
    else:
        folder = default_notebooks_dir()
    if not folder.is_dir():
        raise PlanError(str(path), problems + [f"notebooks folder not found: {folder} "
                                               "(set `notebooks:` in the plan or --notebooks)"])
    if not data["runs"]:
        problems.append("`runs:` is empty: list at least one notebook")
    return Plan(source=path, notebooks_dir=folder.resolve(), entries=data["runs"], problems=problems)


def plan_runs(plan: Plan, corpus) -> list[Run]:
    """Expand and validate every entry of `plan` on `corpus`; raises PlanError listing all problems."""
    runs, problems = [], list(plan.problems)
    for i, entry in enumerate(plan.entries, start=1):
        entry_runs, entry_problems = _expand_entry(i, entry, plan, corpus)
        runs.extend(entry_runs)
        problems.extend(entry_problems)
    problems.extend(validate_runs(runs, corpus))
    if problems:
        raise PlanError(str(plan.source), sorted(problems, key=_entry_number))
    assign_slugs(runs)
    return runs


def _entry_number(problem: str) -> int:
    found = re.match(r"entry (\d+)", problem)
    return int(found.group(1)) if found else 0


def _expand_entry(i: int, entry, plan: Plan, corpus) -> tuple[list[Run], list[str]]:
    where = f"entry {i}"
    if not isinstance(entry, dict) or "notebook" not in entry:
        return [], [f"{where}: must be a mapping with a `notebook:` key, got {entry!r}"]
    where = f"entry {i} ({entry['notebook']})"
    problems = [f"{where}: unknown key {k!r} (allowed: {', '.join(sorted(ENTRY_KEYS))})"
                for k in sorted(set(entry) - ENTRY_KEYS, key=str)]
    paths, found_problem = _notebook_paths(entry["notebook"], plan)
    if found_problem:
        problems.append(f"{where}: {found_problem}")
    base = entry.get("parameters") or {}
    if not isinstance(base, dict):
        problems.append(f"{where}: `parameters` must be a mapping of name: value")
        base = {}
    sets = entry.get("parameter_sets") or [{}]
    if not isinstance(sets, list) or not all(isinstance(s, dict) for s in sets):
        problems.append(f"{where}: `parameter_sets` must be a list of mappings")
        sets = [{}]
    if "for_each" in entry:
        values, param, each_problem = _for_each_values(entry["for_each"], corpus)
        if each_problem:
            problems.append(f"{where}: for_each: {each_problem}")
        else:
            sets = [{**s, param: v} for s in sets for v in values]
    name = entry.get("name")
    if name is not None and (len(paths) * len(sets) != 1):
        problems.append(f"{where}: `name` can only be given to an entry that makes exactly one run")
    runs = [Run(notebook=p.stem, path=p, parameters={**base, **s}, entry=i, name=None if name is None else str(name))
            for p in paths for s in sets]
    return runs, problems


def _notebook_paths(spec, plan: Plan) -> tuple[list[Path], str | None]:
    """The notebooks an entry names: a stem, a glob over stems, or a path to an .ipynb file."""
    spec = str(spec)
    if spec.endswith(".ipynb"):
        path = (plan.source.parent / spec).resolve()
        if not path.is_file():
            return [], f"notebook file not found: {path}"
        return _checked_stems([path])
    available = sorted(plan.notebooks_dir.glob("*.ipynb"))
    stems = [p.stem for p in available]
    if any(ch in spec for ch in "*?["):
        matched = [p for p in available if fnmatch.fnmatchcase(p.stem, spec)]
        if not matched:
            return [], f"no notebook in {plan.notebooks_dir} matches {spec!r} (have: {', '.join(stems) or 'none'})"
        return _checked_stems(matched)
    path = plan.notebooks_dir / f"{spec}.ipynb"
    if not path.is_file():
        return [], f"notebook not found: {path} (have: {', '.join(stems) or 'none'})"
    return _checked_stems([path])


def _checked_stems(paths: list[Path]) -> tuple[list[Path], str | None]:
    bad = [p.name for p in paths if not NOTEBOOK_STEM.match(p.stem)]
    if bad:
        return [], f"notebook names must be letters, digits, '.', '_' or '-': {', '.join(bad)}"
    return paths, None


def _for_each_values(spec, corpus) -> tuple[list, str, str | None]:
    """The values of a `for_each` expansion, the parameter they set, or a problem."""
    if not isinstance(spec, dict) or not isinstance(spec.get("parameter"), str):
        return [], "", "must be a mapping with `parameter:` (the name to set) and `values:`"
    unknown = sorted(set(spec) - FOR_EACH_KEYS)
    if unknown:
        return [], "", f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(FOR_EACH_KEYS))})"
    param, values = spec["parameter"], spec.get("values")
    if isinstance(values, list):
        return values, param, None
    if values not in VALUE_SOURCES:
        return [], param, f"`values` must be a list or one of {', '.join(VALUE_SOURCES)}, got {values!r}"
    for key in ("n", "min_mentions"):
        if key in spec and (not isinstance(spec[key], int) or isinstance(spec[key], bool) or spec[key] < 0):
            return [], param, f"`{key}` must be a non-negative integer, got {spec[key]!r}"
    return expansion_values(values, corpus, n=spec.get("n", 10), min_mentions=spec.get("min_mentions", 2)), param, None


def expansion_values(source: str, corpus, *, n: int = 10, min_mentions: int = 2) -> list:
    """Values for `for_each: {values: source}`: partner names or years found in `corpus`."""
    if source == "top_partners":
        return list(top_partners(partner_tables(corpus), n=n, min_mentions=min_mentions))
    if source == "partners":
        return sorted(known_partners(partner_tables(corpus)))
    if source == "years":
        return document_years(corpus)
    if source == "event_years":
        years = events(corpus)["year"].dropna()
        return sorted({int(y) for y in years})
    raise ValueError(f"unknown values source {source!r}")


def document_years(corpus) -> list[int]:
    """Publication years of the dated documents, ascending."""
    dates = corpus.documents["date"].dropna().astype(str)
    return sorted({int(d[:4]) for d in dates if d[:4].isdigit()})
