"""Shared fixtures: where the shared data lives, the sample article, and a default pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """A default pipeline, made once a test module (a module that changes it changes only its own)."""
    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder (gold suites, dictionaries, samples); skip when this checkout has none."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def petrarch_suites(shared: Path) -> Path:
    folder = shared / "eval" / "petrarch"
    if not folder.is_dir():
        pytest.skip(f"PETRARCH gold suites not found at {folder}")
    return folder
