"""The geocoder's index read back from the cache answers every look-up as the freshly built one does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.places.cache import cache_dir, cached
from tidings.places.geocoder import Geocoder


def test_cached_index_gives_the_same_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path))
    built = cached(Geocoder, 15_000)  # builds and writes the file
    [written] = tmp_path.glob("geocoder-*.sqlite")
    read = cached(Geocoder, 15_000)  # reads it back
    assert read is not built and read._cities is not built._cities
    names = [*list(built._cities)[::25], *built._countries, *built._states, *built._regions,
             *built._subdivisions, "Springfield, Illinois", "Paris, France", "the Hague", "New York City",
             "Georgia"]
    for name in names:
        for hint in (None, "USA", "IND"):
            assert read.geocode(name, country=hint) == built.geocode(name, country=hint), (name, hint)
    written.write_bytes(b"not an SQLite file")  # a damaged file is rebuilt, not trusted
    again = cached(Geocoder, 15_000)
    assert again.geocode("Mumbai") == built.geocode("Mumbai")


def test_cache_folder_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", "")
    assert cache_dir() is None
    monkeypatch.delenv("TIDINGS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "tidings"
