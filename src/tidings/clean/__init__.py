"""Stage 1: clean scraped article text (pure functions, no models)."""

from tidings.clean.core import Cleaned, clean

__all__ = ["Cleaned", "clean"]
