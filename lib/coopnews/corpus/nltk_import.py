"""NLTK, imported without scipy.stats.

`import nltk` runs nltk/__init__.py, which imports nearly every NLTK module; one of them,
nltk.metrics.association, imports scipy.stats for Fisher's exact test alone, and scipy.stats takes about a
second to import (1.6 s → 0.6 s for NLTK here). coopnews never uses that test, so NLTK is imported with
scipy.stats held back, and the test is given back as a function that imports scipy.stats on first call:
NLTK behaves as before for anyone who uses it."""
from __future__ import annotations

import sys


def import_nltk() -> None:
    """Import NLTK (once per process) without importing scipy.stats; call it before `from nltk... import`."""
    if "nltk" in sys.modules:
        return
    if "scipy.stats" in sys.modules:  # already paid for
        import nltk  # noqa: F401
        return
    sys.modules["scipy.stats"] = None  # `from scipy.stats import ...` raises ImportError while NLTK imports
    try:
        import nltk  # noqa: F401
    finally:
        if sys.modules.get("scipy.stats", 0) is None:
            del sys.modules["scipy.stats"]
    association = sys.modules.get("nltk.metrics.association")
    if association is not None:
        association.fisher_exact = _fisher_exact  # NLTK's fallback would raise NotImplementedError


def _fisher_exact(*args, **kwargs):
    from scipy.stats import fisher_exact

    return fisher_exact(*args, **kwargs)
