"""The axes every plot helper draws on, with fonts that can write Chinese labels when the machine has one."""
from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt

# Fonts with Chinese characters, tried after matplotlib's own DejaVu Sans (which has none) for labels such as
# 10月22日下午 or 南京市人民政府外事办公室. Debian: fonts-wqy-microhei or fonts-noto-cjk.
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei",
             "PingFang SC", "SimHei")


@lru_cache(maxsize=1)
def _cjk_fallback() -> None:
    """Add the installed Chinese fonts behind the default sans-serif font (matplotlib falls back glyph by glyph);
    after installing a font, remove matplotlib's font cache (matplotlib.get_cachedir()/fontlist-*.json) once."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    extra = [name for name in CJK_FONTS if name in installed]
    if extra and list(plt.rcParams["font.family"]) == ["sans-serif"]:  # the default, not a user's choice
        first = next((n for n in plt.rcParams["font.sans-serif"] if n in installed), "DejaVu Sans")
        plt.rcParams["font.family"] = [first, *extra]


_cjk_fallback()  # every plot module draws through this one


def new_axes(ax=None, *, figsize=(7, 3.5)):
    """`ax` if given, else the axes of a new figure of `figsize` inches."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax
