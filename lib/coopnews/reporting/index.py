"""reports/index.html: every run of a build, grouped by notebook, with status, duration, parameters, link."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from ..cache.atomic import write_text_atomic
from .execute import display_value
from .html import render_template


def index_html(results: list[dict], build: dict) -> str:
    """The index page (self-contained, every value escaped by the template)."""
    groups: dict[str, list[dict]] = {}
    for result in results:
        groups.setdefault(result["notebook"], []).append({
            **result, "href": quote(result["html"]), "anchor": f"nb-{result['notebook']}",
            "parameters": [(k, display_value(v)) for k, v in result["parameters"].items()],
        })
    n_failed = sum(r["status"] != "ok" for r in results)
    return render_template("index.html.j2", runs=results, groups=list(groups.items()), build=build,
                           n_ok=len(results) - n_failed, n_failed=n_failed)


def write_index(out_dir: str | Path, results: list[dict], build: dict) -> Path:
    """Render the index completely, then replace out_dir/index.html atomically."""
    return write_text_atomic(Path(out_dir) / "index.html", index_html(results, build))
