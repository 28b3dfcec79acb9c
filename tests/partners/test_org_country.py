"""The country of an organisation read from its name: the place the name is of, not any word that is also a town."""
from __future__ import annotations

import pytest

from coopnews.partners.entities import entities_in_text


def countries(text: str) -> dict[str, str | None]:
    table = entities_in_text(text)
    table = table[table["label"] == "ORG"]
    return {t: (None if c != c else c) for t, c in zip(table["text"], table["country"])}


@pytest.mark.parametrize("text, expected", [
    # "Union" and "Confederation" are head words (and towns in the gazetteer); "Danish" names the country
    ("The National Union of Dockworkers met the Confederation of Danish Industry in Aarhus on Monday.",
     {"National Union of Dockworkers": None, "Confederation of Danish Industry": "Denmark"}),
    # a surname that is also a small town names no country; the city a bank is "of" does
    ("Fenwick & Marks Ltd signed a supply agreement with the Bank of Kiel.",
     {"Fenwick & Marks Ltd": None, "Bank of Kiel": "Germany"}),
    # a large city opening the name
    ("Shares in Tokyo Stock Exchange rose while Kiel Harbour Authority signed a deal.",
     {"Tokyo Stock Exchange": "Japan", "Kiel Harbour Authority": "Germany"}),
])
def test_organisation_country_from_its_name(text, expected):
    assert countries(text) == expected
