"""The axes every plot helper draws on."""
from __future__ import annotations

import matplotlib.pyplot as plt


def new_axes(ax=None, *, figsize=(7, 3.5)):
    """`ax` if given, else the axes of a new figure of `figsize` inches."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax
