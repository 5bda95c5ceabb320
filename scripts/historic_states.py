"""Write src/tidings/actors/data/historic.tsv: the states that ceased to exist since 1945, from pycountry's
ISO 3166-3 list (``pycountry.historic_countries``), in the schema of countries.tsv.

Only former sovereign states are kept (dependencies, territories and zones are not actors); each gets the
names ISO gives (the parts of "Zaire, Republic of" read both ways) and the common English name and demonym
newspapers use. Run: .venv/bin/python scripts/historic_states.py
"""

from __future__ import annotations

from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "tidings" / "actors" / "data" / "historic.tsv"

# ISO 3166-3 codes of former sovereign states, with the English names and demonyms news uses for them.
STATES: dict[str, tuple[str, list[str], list[str]]] = {
    "SUN": ("Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"], ["Soviet"]),
    "CSK": ("Czechoslovakia", ["Czechoslovak Socialist Republic"], ["Czechoslovak"]),
    "DDR": ("East Germany", ["German Democratic Republic", "GDR"], ["East German"]),
    "YUG": ("Yugoslavia", ["Socialist Federal Republic of Yugoslavia", "Federal Republic of Yugoslavia"],
            ["Yugoslav"]),
    "SCG": ("Serbia and Montenegro", [], []),
    "YMD": ("South Yemen", ["People's Democratic Republic of Yemen"], ["South Yemeni"]),
    "VDR": ("North Vietnam", ["Democratic Republic of Vietnam"], ["North Vietnamese"]),
    "ZAR": ("Zaire", ["Republic of Zaire"], ["Zairean", "Zairian"]),
    "DHY": ("Dahomey", ["Republic of Dahomey"], ["Dahomeyan"]),
    "HVO": ("Upper Volta", ["Republic of Upper Volta"], ["Upper Voltan"]),
    "RHO": ("Rhodesia", ["Southern Rhodesia"], ["Rhodesian"]),
    "SKM": ("Sikkim", ["Kingdom of Sikkim"], ["Sikkimese"]),
}


def _iso_names(name: str) -> list[str]:
    """ "Zaire, Republic of" -> ["Zaire, Republic of", "Republic of Zaire"]."""
    parts = [p.strip() for p in name.split(",")]
    names = [name]
    if len(parts) == 2 and parts[1].endswith(" of"):
        names.append(f"{parts[1]} {parts[0]}")
    return names


def main() -> None:
    rows = ["# Former states since 1945 (ISO 3166-3 codes, from pycountry.historic_countries via "
            "scripts/historic_states.py): code, name, aliases, demonyms (schema of countries.tsv)",
            "code\tname\taliases\tdemonyms"]
    for record in sorted(pycountry.historic_countries, key=lambda r: r.alpha_3):
        if record.alpha_3 not in STATES:
            continue
        name, aliases, demonyms = STATES[record.alpha_3]
        names = [a for a in [*aliases, *_iso_names(record.name)]
                 if a != name and "," not in a and "(" not in a]
        unique = list(dict.fromkeys(names))
        rows.append(f"{record.alpha_3}\t{name}\t{'|'.join(unique)}\t{'|'.join(demonyms)}")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
