"""Stage: geocode place names to GeoNames ids, ISO alpha-3 countries and coordinates."""

from tidings.places.geocoder import Geocoder, normalise_name

__all__ = ["Geocoder", "normalise_name"]
