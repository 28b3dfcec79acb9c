"""Bytes → text: BOMs, strict UTF-8, then charset-normalizer's detection; binary files are refused. A guess
that other encodings fit as well (short texts in a legacy encoding) is reported as a doubt."""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings we let the detector choose among when UTF-8 fails (news copies in English, French, Chinese), in
# order of preference when several fit a text equally well.
_CANDIDATES = ["utf_16", "cp1252", "gb18030", "big5", "latin_1", "shift_jis", "euc_kr", "cp1251"]
TIE = 0.02  # candidates whose chaos is within this of the best fit the bytes as well


@dataclass(frozen=True)
class Decoded:
    """A document's text, the encoding it was decoded with, and why that encoding is in doubt (None if not)."""

    text: str
    encoding: str
    doubt: str | None = None


class DecodeError(ValueError):
    """A file whose bytes are not text: `reason` is short and user-facing."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _looks_like_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM has a zero in every other byte of its ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for a document's bytes; raise DecodeError('empty'|'binary'|'undecodable')."""
    decoded = decode_text(data)
    return decoded.text, decoded.encoding


def decode_text(data: bytes) -> Decoded:
    """`decode_bytes` with the doubt of a guessed encoding: the other encodings that fit as well."""
    if not data.strip():
        raise DecodeError("empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding), encoding)
    utf16 = _looks_like_utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise DecodeError("binary")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data, cp_isolation=_CANDIDATES))
    if not matches:
        raise DecodeError("undecodable")
    least = min(m.chaos for m in matches)
    tied = sorted((m for m in matches if m.chaos <= least + TIE), key=lambda m: (-m.coherence, _rank(m.encoding)))
    best = tied[0]
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise DecodeError("binary")
    others = [m.encoding for m in tied[1:] if str(m) != text]
    doubt = f"read as {best.encoding}, but {', '.join(others)} fit its bytes as well" if others else None
    return Decoded(text, best.encoding, doubt)


def _rank(encoding: str) -> int:
    return _CANDIDATES.index(encoding) if encoding in _CANDIDATES else len(_CANDIDATES)


def _control_ratio(text: str) -> float:
    """Share of characters that are control characters other than whitespace."""
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / len(text)
