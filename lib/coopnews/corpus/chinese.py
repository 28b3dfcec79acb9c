"""Chinese word segmentation with jieba (its dictionary ships inside the package; nothing is downloaded).

    segment("南京市与里昂签署协议")  # [('南京市', 'ns', 0), ('与', 'p', 3), ...]: word, part of speech, offset
    words("南京市与里昂签署协议")    # ['南京市', '与', '里昂', '签署', '协议']
"""
from __future__ import annotations

import logging
import os
import tempfile
from functools import lru_cache

from ..data import load_data_yaml


@lru_cache(maxsize=1)
def _segmenter():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    # jieba caches its parsed dictionary in a temporary folder; one per user keeps processes apart
    jieba.dt.tmp_dir = os.path.join(tempfile.gettempdir(), f"coopnews-jieba-{os.getuid() if hasattr(os, 'getuid') else 0}")
    os.makedirs(jieba.dt.tmp_dir, exist_ok=True)
    jieba.dt.initialize()
    data, _ = load_data_yaml("entities_zh_fr.yaml")
    for word in data["zh"]["segmenter_words"]:
        jieba.dt.add_word(word, freq=None, tag="n")
    return jieba.posseg.POSTokenizer(jieba.dt)


def segment(text: str) -> list[tuple[str, str, int]]:
    """(word, part-of-speech flag, start offset) for every word of `text`, spaces and punctuation included."""
    out, pos = [], 0
    for pair in _segmenter().cut(text):
        word, flag = pair.word, pair.flag
        out.append((word, flag, pos))
        pos += len(word)
    return out


def words(text: str) -> list[str]:
    """The words of a Chinese `text` (no spaces or punctuation)."""
    return [w for w, flag, _ in segment(text) if w.strip() and flag != "x"]
