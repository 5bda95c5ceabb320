"""Write src/tidings/actors/data/phoenix_leaders.tsv: people in government since 1945, with dated roles,
derived from the Phoenix country actor dictionary (../shared/dicts/phoenix/Phoenix.Countries.actors.txt,
MIT licence, copied to LICENSES/phoenix-MIT.txt), in the schema of leaders.tsv.

Kept: every person with a dated government (GOV) term that ends in 1945 or later, under a name of two words
or more that leaders.tsv does not already have; all their dated country-level codes (GOV, ELI, MIL, OPP, ...)
become rows. Aliases are the dictionary's other names of two words or more that do not start with a title
("CHANCELLOR_MERKEL" is a title and a surname, which the resolver composes by itself).
Phoenix dates are inclusive; leaders.tsv ends are exclusive (one day is added); a term the dictionary leaves
open ends on the day it was generated (2014-01-30), as nothing later is known from it.

Run: .venv/bin/python scripts/phoenix_leaders.py
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tidings.actors.kb import SECTOR_CODES, KnowledgeBase
from tidings.datafiles import read_rows
from tidings.dictionaries.actors import load_phoenix_actors

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ROOT.parent / "shared" / "dicts" / "phoenix"
DATA = ROOT / "src" / "tidings" / "actors" / "data"
SINCE = dt.date(1945, 1, 1)
# The dictionary was generated on 2014-01-30: a term it leaves open is only known to run until then.
AS_OF = dt.date(2014, 1, 31)


def _title(words: str) -> str:
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in words.split())


def _packaged_names() -> set[str]:
    text = (DATA / "leaders.tsv").read_text(encoding="utf-8")
    rows = [row.record() for row in read_rows(text, source="actors/data/leaders.tsv")]
    return {n.lower() for r in rows for n in [r["name"], *r["aliases"].split("|")] if n}


def main() -> None:
    kb = KnowledgeBase.packaged()
    titles = set(kb.address) | {"president", "chancellor", "kanzler", "prime", "premier", "minister",
                                "secretary", "general", "gen", "foreign", "defense", "defence", "vice",
                                "deputy",
                                "former", "ex", "acting", "interim", "leader", "chairman"}
    known = _packaged_names()
    rows = ["# People in government since 1945 with dated roles, derived from the Phoenix country actor "
            "dictionary (MIT, see LICENSES/phoenix-MIT.txt) by scripts/phoenix_leaders.py",
            "name\taliases\tactor\trole\tstart\tend"]
    for actor in load_phoenix_actors(PHOENIX / "Phoenix.Countries.actors.txt", strict=False):
        name = _title(actor.names[0])
        government = [d for d in actor.dated if d.code[3:6] == "GOV" and (d.end is None or d.end >= SINCE)]
        packaged = any(_title(n).lower() in known for n in actor.names)
        if not government or not 2 <= len(name.split()) <= 5 or packaged:
            continue  # a person leaders.tsv has (under any of their names) keeps its entry
        aliases = [_title(n) for n in actor.names[1:]
                   if len(n.split()) >= 2 and n.split()[0].lower() not in titles]
        aliases = [a for a in dict.fromkeys(aliases) if a != name]
        for dated in actor.dated:
            country, role = dated.code[:3], dated.code[3:]
            if country not in kb.countries or len(role) != 3 or role not in SECTOR_CODES:
                continue
            end = dated.end + dt.timedelta(days=1) if dated.end else AS_OF
            start = dated.start.isoformat() if dated.start else ""
            rows.append("\t".join([name, "|".join(aliases), country, role, start, end.isoformat()]))
        known.add(name.lower())
    (DATA / "phoenix_leaders.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    shutil.copyfile(PHOENIX / "LICENSE.petrarch2.MIT.txt", ROOT / "LICENSES" / "phoenix-MIT.txt")


if __name__ == "__main__":
    main()
