"""Bytes in every encoding a news copy arrives in come out as the same text."""
from __future__ import annotations

import pytest

from coopnews.corpus.decode import DecodeError, decode_bytes

FRENCH = "La Métropole de Lyon et Canton ont signé un accord « ville-ville » à l’hôtel de ville, été 2014."
CHINESE = "南京市与法国里昂签署友好合作协议，双方将在教育、科技和金融领域加强交流。"
ENGLISH = "Nanjing and Lyon signed a cooperation memorandum in Paris on November 16."


@pytest.mark.parametrize(
    "text, encoded, expected_encoding",
    [
        (ENGLISH, ENGLISH.encode("utf-8"), "utf-8"),
        (ENGLISH, b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), "utf-8-sig"),
        (FRENCH, FRENCH.encode("utf-16"), "utf-16"),
        (FRENCH, FRENCH.encode("utf-16-le"), "utf-16-le"),
        (CHINESE, CHINESE.encode("utf-8"), "utf-8"),
        (CHINESE * 3, (CHINESE * 3).encode("gb18030"), None),
        (FRENCH * 2, (FRENCH * 2).encode("cp1252"), None),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "utf8-chinese", "gb18030", "cp1252"],
)
def test_decodes_to_the_original_text(text, encoded, expected_encoding):
    decoded, encoding = decode_bytes(encoded)
    assert decoded == text
    if expected_encoding:
        assert encoding == expected_encoding


def test_latin1_french_without_curly_quotes():
    text = "Le maire de Lyon a reçu une délégation chinoise à l'Hôtel de Ville de Lyon en été. " * 2
    decoded, encoding = decode_bytes(text.encode("latin-1"))
    assert decoded == text
    assert encoding in {"cp1252", "latin_1", "iso8859_15", "iso8859_1"}


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"  \n\t\n", "empty"), (bytes(range(256)) * 4, "binary"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(200), "binary")],
    ids=["empty", "whitespace", "random-bytes", "png"],
)
def test_refuses_what_is_not_text(data, reason):
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert err.value.reason == reason
