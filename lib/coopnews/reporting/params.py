"""Check report runs against their notebooks' `parameters` cells: names, types, partner names."""
from __future__ import annotations

import ast
import json
import logging
import re
from pathlib import Path

from ..partners.profiles import known_partners
from ..scale.access import partner_tables

PARTNER_PARAMETERS = {"focus", "partner", "partners"}  # parameters whose values must be partners of the corpus
SET_BY_BUILDER = "corpus_dir"  # always the --corpus folder; a plan cannot set it


def notebook_parameters(path: Path) -> dict[str, dict]:
    """The notebook's parameters: name -> {type, default, help}, from papermill plus an AST fallback."""
    import nbformat
    import papermill as pm

    logger = logging.getLogger("papermill")
    level = logger.level
    logger.setLevel(logging.ERROR)  # "Unable to parse line": the AST below covers what papermill cannot parse
    try:
        inspected = pm.inspect_notebook(str(path))
    finally:
        logger.setLevel(level)
    found = {name: {"type": info["inferred_type_name"], "default": info["default"], "help": info["help"]}
             for name, info in inspected.items()}
    nb = nbformat.read(str(path), as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code" and "parameters" in c.get("metadata", {}).get("tags", [])]
    for cell in cells[:1]:
        for name, annotation, default in _assignments(cell.source):
            found.setdefault(name, {"type": annotation or "None", "default": default, "help": ""})
    return found


def _assignments(source: str) -> list[tuple[str, str | None, str | None]]:
    """(name, annotation, default) for each top-level assignment (papermill misses `x: int | None = 1`)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    out = []
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.append((node.target.id, ast.unparse(node.annotation),
                        ast.unparse(node.value) if node.value is not None else None))
        elif isinstance(node, ast.Assign):
            out.extend((t.id, None, ast.unparse(node.value)) for t in node.targets if isinstance(t, ast.Name))
    return out


def validate_runs(runs: list, corpus) -> list[str]:
    """One message per problem found in `runs` (plan.Run objects); empty when all is well."""
    problems, cache, seen = [], {}, {}
    known = None
    for run in runs:
        where = f"entry {run.entry} ({run.label})"
        if run.path not in cache:
            try:
                cache[run.path] = notebook_parameters(run.path)
            except Exception as err:  # an unreadable notebook is a plan problem, not a crash
                cache[run.path] = None
                problems.append(f"{run.path}: cannot read its parameters cell: {err}")
        declared = cache[run.path]
        if declared is None:
            continue
        if SET_BY_BUILDER not in declared:
            problems.append(f"{where}: notebook {run.path.name} has no `{SET_BY_BUILDER}` parameter "
                            "(its parameters cell must start with `corpus_dir: str = \"../seeds\"`)")
        for name, value in run.parameters.items():
            if name == SET_BY_BUILDER:
                problems.append(f"{where}: `{SET_BY_BUILDER}` is set from --corpus; remove it from the plan")
            elif name not in declared:
                names = ", ".join(n for n in declared if n != SET_BY_BUILDER) or "none"
                problems.append(f"{where}: unknown parameter {name!r} for {run.notebook} (it has: {names})")
            else:
                expected = declared[name]["type"]
                if expected in (None, "None"):
                    expected = _literal_type(declared[name]["default"])
                if not type_matches(value, expected):
                    problems.append(f"{where}: parameter {name!r} should be {expected}, "
                                    f"got {type(value).__name__} {json.dumps(value, ensure_ascii=False)}")
                elif name in PARTNER_PARAMETERS:
                    if known is None:
                        known = known_partners(partner_tables(corpus))
                    problems.extend(_partner_problems(where, name, value, known))
        key = (str(run.path), json.dumps(run.parameters, sort_keys=True, default=str))
        if key in seen:
            problems.append(f"{where}: same notebook and parameters as entry {seen[key]}")
        seen.setdefault(key, run.entry)
    return problems


def _literal_type(default: str | None) -> str | None:
    """The type name of an unannotated default literal (`ratio = 0.5` -> float)."""
    try:
        value = ast.literal_eval(default) if default is not None else None
    except (ValueError, SyntaxError):
        return None
    return None if value is None else type(value).__name__


_TYPE_CHECKS = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list),
    "tuple": lambda v: isinstance(v, list),
    "dict": lambda v: isinstance(v, dict),
    "none": lambda v: v is None,
}


def type_matches(value, annotation: str | None) -> bool:
    """Whether a YAML value fits a parameter annotation such as `int`, `list[str]`, `str | None`."""
    if not annotation:
        return True
    text = annotation.replace(" ", "")
    optional = re.fullmatch(r"(?:typing\.)?Optional\[(.+)\]", text)
    options = [optional.group(1), "None"] if optional else _split_union(text)
    for option in options:
        base, _, inner = option.partition("[")
        check = _TYPE_CHECKS.get(base.rsplit(".", 1)[-1].lower())
        if check is None:
            return True  # a type we do not know how to check
        if check(value):
            if inner and isinstance(value, list) and base.lower() in ("list", "tuple"):
                return all(type_matches(v, inner.rstrip("]")) for v in value)
            return True
    return False


def _split_union(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "["
        depth -= ch == "]"
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return parts + [current]


def _partner_problems(where: str, name: str, value, known) -> list[str]:
    names = [v for v in (value if isinstance(value, list) else [value]) if v != ""]
    if not names:
        return []
    missing = [n for n in names if n not in known]
    if not missing:
        return []
    return [f"{where}: parameter {name!r}: {', '.join(repr(m) for m in missing)} "
            f"not among the corpus's partners ({len(known)} known; list them with `coopnews partners`)"]
