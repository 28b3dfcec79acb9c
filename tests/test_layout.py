"""The library's packages depend on each other in one direction only:

    data → corpus → terms → timeline → partners → cache → scale → plots → reporting → commands (and cli)

Each package imports in a fresh interpreter without loading any package after it, no module imports a
package after its own (module-level or inside a function), and no modules import each other in a loop."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib" / "coopnews"
ORDER = ["data", "corpus", "terms", "timeline", "partners", "cache", "scale", "plots", "reporting", "commands"]
TOP_LEVEL = {"cli": "commands", "__main__": "commands"}  # modules of the root that belong to a package's rank


def _modules() -> dict[str, Path]:
    out = {}
    for path in LIB.rglob("*.py"):
        parts = list(path.relative_to(LIB.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _rank(module: str) -> int | None:
    """Position of a module's package in ORDER; None for the root package itself (it only re-exports)."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    package = TOP_LEVEL.get(parts[1], parts[1])
    return ORDER.index(package)


def _imports(module: str) -> set[str]:
    """The coopnews modules `module` imports, anywhere in its body."""
    path = MODULES[module]
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            candidates = [target, *(f"{target}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found.update(c for c in candidates if c in MODULES and c != module)
    return found


def test_every_package_of_the_order_exists():
    assert {m.split(".")[1] for m in MODULES if m.count(".") == 1 and (LIB / m.split(".")[1]).is_dir()} \
        >= set(ORDER)
    assert sorted(p.stem for p in LIB.glob("*.py")) == ["__init__", "__main__", "cli"]


@pytest.mark.parametrize("package", ORDER)
def test_package_imports_alone_without_later_packages(package):
    """A fresh interpreter imports the package and every module in it; no later package gets loaded."""
    modules = sorted(m for m in MODULES if m.split(".")[1:2] == [package])
    script = ("import importlib, json, sys\n"
              f"for name in {modules!r}:\n    importlib.import_module(name)\n"
              "print(json.dumps(sorted(m for m in sys.modules if m.startswith('coopnews.'))))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    later = [m for m in loaded if m in MODULES and (_rank(m) or 0) > ORDER.index(package)]
    assert not later, f"importing coopnews.{package} loads later packages: {later}"


def test_no_module_imports_a_later_package():
    wrong = [f"{m} imports {t}" for m in MODULES if _rank(m) is not None
             for t in sorted(_imports(m)) if _rank(t) is not None and _rank(t) > _rank(m)]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle():
    """No strongly connected set of modules (a package's __init__ and its own modules excepted)."""
    edges = {m: {t for t in _imports(m) if not m.startswith(t + ".")} for m in MODULES}
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(MODULES):
        if module not in index:
            visit(module)
    assert not cycles, cycles
