"""Write src/tidings/actors/data/phoenix_organisations.tsv: intergovernmental bodies, blocs, NGOs and armed
and sub-state groups from the Phoenix dictionaries (../shared/dicts/phoenix, MIT licence, copied
to LICENSES/phoenix-MIT.txt), in the schema of organisations.tsv.

Kept: every actor with an undated code whose prefix is a country (an armed group's country of residence,
Phoenix's convention: FRAREB, YEMREB), IGO, NGO or IMG (an international militant group), under its
dictionary names; names organisations.tsv already has keep their packaged entry, and a country's own name,
other name or demonym (countries.tsv) is never a group's name (Phoenix lists some groups under the country
they fight in: "BOLIVIA", "GREECE"). A one-word name is kept only as an upper-case acronym (matched
case-sensitively by the knowledge base).

Run: .venv/bin/python scripts/phoenix_organisations.py
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tidings.actors.kb import KnowledgeBase
from tidings.datafiles import read_rows
from tidings.dictionaries.actors import load_phoenix_actors

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ROOT.parent / "shared" / "dicts" / "phoenix"
DATA = ROOT / "src" / "tidings" / "actors" / "data"
FILES = ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
ORG_PREFIXES = ("IGO", "NGO", "IMG")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&-]{1,9}$")


def _title(words: str) -> str:
    """Title case; short forms (at most three letters, or with a period or a digit) stay upper case."""
    parts = words.split()
    if parts and parts[0].lower() == "the" and len(parts) > 2:
        parts = parts[1:]
    out: list[str] = []
    for w in parts:
        small = w.lower() in ("of", "the", "and", "for", "in", "on", "de", "al", "el")
        short = _ACRONYM.match(w) is not None and (len(w) <= 3 or any(c in w for c in ".0123456789"))
        out.append(w.lower() if small and out else w if short else w.capitalize())
    return " ".join(out)


def _names(raw: str) -> list[str]:
    """ "ADEN ABYAN ISLAMIC ARMY (AAIA)" -> ["Aden Abyan Islamic Army", "AAIA"]."""
    found = re.findall(r"\(([^)]*)\)", raw)
    base = re.sub(r"\([^)]*\)", " ", raw)
    names = [n for n in [base, *found] if n.strip() and "+" not in n]
    out = []
    for name in names:
        words = name.split()
        if len(words) == 1:
            if _ACRONYM.match(words[0]) and len(words[0].replace(".", "")) >= 2:
                out.append(words[0])
        elif 2 <= len(words) <= 5:  # longer official names are written shorter in news
            out.append(_title(name))
    return out


def _packaged() -> set[str]:
    text = (DATA / "organisations.tsv").read_text(encoding="utf-8")
    rows = [row.record() for row in read_rows(text, source="actors/data/organisations.tsv")]
    names = {n.lower() for r in rows for n in [r["name"], *r["aliases"].split("|")] if n}
    text = (DATA / "countries.tsv").read_text(encoding="utf-8")  # a country's own name is never a group's
    rows = [row.record() for row in read_rows(text, source="actors/data/countries.tsv")]
    cells = [r[col] for r in rows for col in ("name", "aliases", "demonyms")]
    names.update(n.lower() for cell in cells for n in cell.split("|") if n)
    return names


def main() -> None:
    kb = KnowledgeBase.packaged()
    known = _packaged()
    rows = ["# Intergovernmental bodies, NGOs and armed groups (with their country of residence) from the "
            "Phoenix dictionaries (MIT, see LICENSES/phoenix-MIT.txt) by scripts/phoenix_organisations.py",
            "code\tname\taliases\tkind"]
    for file in FILES:
        for actor in load_phoenix_actors(PHOENIX / file, strict=False):
            code = actor.default
            if code is None or actor.dated or not (code[:3] in kb.countries or code[:3] in ORG_PREFIXES):
                continue
            names = [n for raw in actor.names for n in _names(raw) if n.lower() not in known]
            names = list(dict.fromkeys(names))
            if not names:
                continue
            kind = "igo" if code.startswith("IGO") else "ngo" if code.startswith("NGO") else "armed"
            rows.append("\t".join([code, names[0], "|".join(names[1:]), kind]))
            known.update(n.lower() for n in names)
    (DATA / "phoenix_organisations.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    shutil.copyfile(PHOENIX / "LICENSE.petrarch2.MIT.txt", ROOT / "LICENSES" / "phoenix-MIT.txt")


if __name__ == "__main__":
    main()
