"""What an actor code means, in words an analyst uses: USA -> "United States", USAGOV -> "United States
government", IGOUNO -> "United Nations", ---REB -> "rebels (country unknown)".

Read from the packaged tables only (countries, former states, organisations, sector names), so that the API
can name codes without loading the knowledge base. A code of a person's role (USAGOV for a president) is named
by the role, not by the person: the person is a name the article used, the code is what the events count.
"""

from __future__ import annotations

import functools

from tidings.datafiles import packaged_text, read_rows

__all__ = ["code_label"]


def _rows(name: str) -> list[dict[str, str]]:
    text = packaged_text("tidings.actors", name)
    return [row.record() for row in read_rows(text, source=f"actors/data/{name}")]


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    countries = {r["code"]: r["name"] for name in ("countries.tsv", "historic.tsv") for r in _rows(name)}
    organisations: dict[str, str] = {}
    for row in _rows("organisations.tsv"):
        if row["kind"] != "seat":  # "White House" is where USAGOV sits, not what it is
            organisations.setdefault(row["code"], row["name"])  # a code's first row is its canonical name
    sectors = {r["code"]: r["name"] for r in _rows("sector_names.tsv")}
    return countries, organisations, sectors


def code_label(code: str | None) -> str | None:
    """The name of what ``code`` stands for, or None for no code."""
    if not code:
        return None
    countries, organisations, sectors = _tables()
    code = code.upper()
    if code in countries:
        return countries[code]
    head, rest = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    words = [sectors.get(chunk, chunk) for chunk in rest]
    if head in countries and all(chunk in sectors for chunk in rest):
        return " ".join([countries[head], *words])  # a country's sector: "North Korea media", not its paper
    if code in organisations:
        return organisations[code]
    if head in countries:
        return " ".join([countries[head], *words])
    if head == "---":
        return f"{' '.join(words) or 'actor'} (country unknown)"
    for size in range(len(code) - 3, 2, -3):  # the longest organisation the code starts with: IGOUNO + MIL
        if code[:size] in organisations:
            tail = [code[i:i + 3] for i in range(size, len(code), 3)]
            return " ".join([organisations[code[:size]], *(sectors.get(c, c) for c in tail)])
    return " ".join([sectors.get(head, head), *words])
