"""File names for reports: slugs sanitised from the parameters, bounded, unique within a notebook."""
from __future__ import annotations

import hashlib
import re
import unicodedata

SLUG_MAX = 60
_SLUG_ODD = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = SLUG_MAX) -> str:
    """A file-name-safe slug: ASCII letters, digits and '-', no dots, bounded length, never empty."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_ODD.sub("-", ascii_text.lower()).strip("-")
    digest = hashlib.sha1(str(text).encode("utf-8")).hexdigest()[:8]
    if not slug:
        return f"x-{digest}"
    if len(slug) > max_length:
        slug = f"{slug[:max_length - 9].rstrip('-')}-{digest}"
    return slug


def parameters_slug(parameters: dict, *, max_length: int = SLUG_MAX) -> str:
    """`focus-lyon`, `top-n-10-year-2021`; `default` for no parameters. Odd characters become '-'."""
    if not parameters:
        return "default"
    text = "-".join(f"{k}-{_slug_value(v)}" for k, v in parameters.items())
    slug = slugify(text, max_length=max_length)
    lost = any(ord(c) > 127 and not unicodedata.combining(c) for c in unicodedata.normalize("NFKD", text))
    if lost and not slug.startswith("x-") and len(slug) <= max_length - 9:
        # letters with no ASCII form were dropped: add a digest so 'Nanjing' and '南京 Nanjing' stay apart
        slug = f"{slug}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"
    return slug


def _slug_value(value) -> str:
    if isinstance(value, list):
        return "-".join(_slug_value(v) for v in value)
    return str(value)


def assign_slugs(runs: list) -> None:
    """Give every run a slug unique within its notebook folder (suffix -2, -3 on collisions)."""
    taken: dict[str, set[str]] = {}
    for run in runs:
        base = slugify(run.name) if run.name else parameters_slug(run.parameters)
        used = taken.setdefault(run.notebook, set())
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        run.slug = slug
