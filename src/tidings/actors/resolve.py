"""Resolve the tokens of one noun phrase to an actor code.

The phrase is normalised, then known names (persons, organisations, seats, countries, demonyms, capitals)
are found by longest match and role words by longest match over the rest. The phrase is cut at the
first preposition or relative pronoun outside a match: the part before it is the main part ("the US
commander" in "the US commander in Iraq"). Then:

1. The head role is the rightmost role word of the main part that is not a "weak" position word
   (leader, spokesman, adviser...), else the rightmost weak one: "rebel leader" -> REB, "US leader" -> GOV.
2. The entity is the most specific name of the main part: a person, else a dictionary actor, an
   organisation, a seat of power, a country (demonym, capital). With no name in the main part, a name
   after "of"/"from" is used: "Opponents of Rwanda's Senate" -> RWA + OPP. A position word alone ("spokesman",
   "adviser") stands for what the rest names: "a spokesman for the Foreign Ministry of X" -> X + GOV.
3. Combination: a person gives their dated code ("Russian President Vladimir Putin" -> RUSGOV), except
   a person in the possessive followed by a role ("Putin's critics") -> their country + role. An
   organisation gets a role appended unless the role is GOV, weak or already in its code ("UN troops" ->
   IGOUNOMIL, "Hamas militants" -> PSEREBHMS). A country gets its role ("Syrian state media" -> SYRMED).
   A role with no entity codes as an unknown country ("insurgents" -> ---REB).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tidings.actors.kb import Entry, KnowledgeBase, NameMatch, Sector, SectorMatch, split_code
from tidings.actors.normalize import Piece, normalize
from tidings.record import Actor

__all__ = ["UNKNOWN_COUNTRY", "resolve_phrase"]

UNKNOWN_COUNTRY = "---"
_BOUNDARY = frozenset(
    [
        "of", "in", "at", "from", "for", "on", "to", "with", "near", "by", "against", "over", "across",
        "inside", "outside", "within", "into", "under", "after", "before", "during", "since", "who",
        "which", "that", "whose", "whom", "than", "as", "between", "among", "amid", "including", "via"
    ]
)
_ARMED = frozenset({"REB", "UAF", "MIL"})
_TAIL_OK = frozenset({"of", "from"})
# Positions that work *for* someone: "spokesman for X", "adviser to X" (an envoy *to* X does not).
_SPEAKS_FOR = frozenset({"for", "to"})
_SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople",
                       "adviser", "advisor", "advisers", "advisors", "aide", "aides"})
_DETERMINERS = frozenset([
    "a", "an", "this", "that", "these", "those", "some", "several", "many", "two", "three", "four",
    "five"
])
_COUNTRYISH = ("country", "demonym", "capital")
_ENTITY_ORDER = ("person", "dictionary", "org", "seat", "country", "demonym", "capital")


def _text(words: Sequence[str]) -> str:
    start = 0
    while start < len(words) - 1 and words[start].lower() in _DETERMINERS | {"the"}:
        start += 1
    return " ".join(words[start:]).strip()


def _head(sectors: Sequence[SectorMatch]) -> SectorMatch | None:
    strong = [s for s in sectors if not s.sector.weak]
    if strong:
        return strong[-1]
    return sectors[-1] if sectors else None


def _choose(
    names: Sequence[NameMatch], head: SectorMatch | None, when: dt.date | None
) -> tuple[NameMatch, Entry] | None:
    """The most specific entity; among countries the one nearest before the head role."""
    if not names:
        return None
    best = [(m, m.best(when)) for m in names]
    for kind in _ENTITY_ORDER:
        of_kind = [(m, e) for m, e in best if e.kind == kind]
        if not of_kind:
            continue
        if kind in _COUNTRYISH:
            of_kind = [(m, e) for m, e in best if e.kind in _COUNTRYISH]
            if head is not None:
                before = [(m, e) for m, e in of_kind if m.end <= head.start]
                if before:
                    return before[-1]
        return of_kind[-1]
    return None


def _role_words(pieces: Sequence[Piece], match: SectorMatch) -> str:
    return " ".join(p.raw.lower() for p in pieces[match.start : match.end])


_NON_COUNTRY_PREFIXES = frozenset({"IGO", "NGO", "MNC", "IMG", "UAF", "---", "INT"})


def _counted(kb: KnowledgeBase, words: Sequence[str]) -> Sequence[str]:
    """``words`` without a lead that says how many ("more than 200 protesters" -> "200 protesters")."""
    start = 1 if words and words[0].lower() in ("the", "a", "an") else 0
    lowered = [w.lower() for w in words]
    for lead in kb.quantity_leads:
        if tuple(lowered[start:start + len(lead)]) == lead and len(words) > start + len(lead):
            return words[start + len(lead):]
    return words


def resolve_phrase(kb: KnowledgeBase, words: Sequence[str], when: dt.date | None) -> Actor | None:
    """See the module docstring."""
    written, words = words, _counted(kb, words)
    pieces = normalize(words)
    if not pieces:
        return None
    names = kb.find_names(pieces)
    covered = {i for m in names for i in range(m.start, m.end)}
    # "anti-Assad rebels", "an anti-Israel rally": what a group is against is not who it is; a leader or
    # seat of power opposed at home still says which country the group belongs to
    opposed = [m for m in names if m.start > 0 and pieces[m.start - 1].norm == "anti"]
    names = [m for m in names if m not in opposed]
    home = None
    for m in opposed:
        entry = m.best(when)
        if entry.kind in ("person", "seat"):
            home = entry.home or (entry.code_at(when) or "")[:3] or None
    sectors = kb.find_sectors(pieces, covered)
    covered |= {i for s in sectors for i in range(s.start, s.end)}
    cut = next(
        (i for i, p in enumerate(pieces) if i > 0 and i not in covered and p.norm in _BOUNDARY), len(pieces)
    )
    main_names = [m for m in names if m.end <= cut]
    main_sectors = [s for s in sectors if s.end <= cut]
    head = _head(main_sectors)
    chosen = _choose(main_names, head, when)
    if (chosen is None and cut + 1 < len(pieces) and head is not None and head.sector.weak
            and (pieces[cut].norm in _TAIL_OK or (pieces[cut].norm in _SPEAKS_FOR
                                                  and _role_words(pieces, head) in _SPEAKERS))):
        # "a spokesman for the Foreign Ministry of X", "adviser to the Iraqi prime minister": a position
        # word stands for whoever the rest of the phrase names
        inner = resolve_phrase(kb, words[pieces[cut + 1].token :], when)
        if inner is not None and inner.sector is None and inner.country is not None and head is not None:
            # "the leader of North Korea": the country with the position's role
            return _with_role(kb, _text(written), inner.name, inner.code, head.sector.code,
                              _role_words(pieces, head), head.sector.prefix)
        if inner is not None:
            return kb.make_actor(_text(written), inner.name, inner.code)
    at = cut
    while chosen is None and at < len(pieces) and pieces[at].norm in _TAIL_OK:
        # "ministry of defence of Ukraine": follow a chain of "of" phrases to the first name
        rest = range(at + 1, len(pieces))
        nxt = next((i for i in rest if i not in covered and pieces[i].norm in _BOUNDARY), len(pieces))
        tail_names = [m for m in names if m.start > at and m.end <= nxt]
        chosen = _choose(tail_names, None, when)
        if head is None:
            head = _head([s for s in sectors if s.start > at and s.end <= nxt])
        at = nxt
    text = _text(written)
    if chosen is None and home in kb.countries and head is not None and not head.sector.prefix:
        role_words = _role_words(pieces, head)
        return _with_role(kb, text, kb.countries[home], home, head.sector.code, role_words, False)
    if chosen is None:
        if head is None or head.sector.prefix:
            return None if head is None else kb.make_actor(text, _role_words(pieces, head), head.sector.code)
        role_words = _role_words(pieces, head)
        countries = kb.title_countries(role_words) or ()
        if len(countries) == 1:  # "the Taoiseach": a title of one country only
            only = countries[0]
            return _with_role(kb, text, kb.countries[only], only, head.sector.code, role_words, False)
        return kb.make_actor(text, role_words, UNKNOWN_COUNTRY + head.sector.code)
    match, entry = chosen
    if entry.kind == "demonym" and head is None and match.end == len(pieces) and \
            _numbered(kb, words[: pieces[match.start].token]):
        # "52,000 Venezuelans", "three Britons": people of the country, not its state
        country = entry.code or ""
        return _with_role(kb, text, kb.countries.get(country, country), country, "CVL",
                          " ".join(p.raw for p in pieces[match.start:match.end]), False)
    return _combine(kb, pieces, text, match, entry, head, when)


def _numbered(kb: KnowledgeBase, words: Sequence[str]) -> bool:
    """Whether words before a noun count it: a numeral ("52,000") or a number word ("three", "thousands")."""
    return any(w.replace(",", "").replace(".", "").isdigit() or w.lower() in kb.number_words for w in words)


def _home(kb: KnowledgeBase, entry: Entry, code: str) -> str | None:
    """The country a person entry is from: its own, or the country its code starts with."""
    return entry.home or (code[:3] if code[:3] in kb.countries else None)


def _combine_person(
    kb: KnowledgeBase,
    pieces: Sequence[Piece],
    text: str,
    match: NameMatch,
    entry: Entry,
    head: SectorMatch | None,
    role: Sector | None,
    code: str,
) -> Actor | None:
    """A person's actor: their dated code, or the role the text gives them."""
    if role is not None and role.code == "ELI":  # "former president Bush", whatever the date
        country = _home(kb, entry, code)
        if country:
            return kb.make_actor(text, entry.name, country + "ELI")
    titled = role is not None and head is not None and head.end <= match.start and not role.weak
    if titled and role is not None and code.endswith("ELI") and role.code != "ELI":
        # "Foreign Minister X" when our dated terms have X out of office: the text's title is newer
        country = _home(kb, entry, code)
        if country:
            return kb.make_actor(text, entry.name, country + role.code)
    possessive = pieces[match.end - 1].possessive
    if possessive and role is not None and head is not None and head.start >= match.end and not role.weak:
        country = _home(kb, entry, code)
        if country:
            return _with_role(kb, text, kb.countries.get(country, country), country, role.code,
                              _role_words(pieces, head), role.prefix)
    return kb.make_actor(text, entry.name, code)


def _combine(
    kb: KnowledgeBase,
    pieces: Sequence[Piece],
    text: str,
    match: NameMatch,
    entry: Entry,
    head: SectorMatch | None,
    when: dt.date | None,
) -> Actor | None:
    code = entry.code_at(when)
    if code is None:
        return None
    role = head.sector if head is not None and head.start >= match.end else None
    if head is not None and role is None and head.end <= match.start:
        role = head.sector  # a role word before the name: "President Bush", "rebel commander X"
    if entry.kind == "person":
        return _combine_person(kb, pieces, text, match, entry, head, role, code)
    country, sector = split_code(code, kb.countries)
    # a three-letter code from a user dictionary ("ARN") is a country-level actor too, unless it is a
    # generic organisation prefix
    is_bare_country = len(code) == 3 and (country is not None or (
        entry.kind == "dictionary" and code not in _NON_COUNTRY_PREFIXES))
    if entry.kind in _COUNTRYISH or is_bare_country:
        name = kb.countries.get(code, entry.name)
        if role is None or head is None:
            return kb.make_actor(text, name, code)
        return _with_role(kb, text, name, code, role.code, _role_words(pieces, head), role.prefix)
    if role is None:
        return kb.make_actor(text, entry.name, code)
    if entry.kind == "seat":
        # "Kremlin critics" -> RUSOPP; "Pentagon officials", "White House spokesman" keep the seat's code
        if not role.weak and role.code not in ("GOV", sector) and country is not None:
            return kb.make_actor(text, f"{entry.name} {_role_words(pieces, head) if head else ''}".strip(),
                                 country + role.code)
        return kb.make_actor(text, entry.name, code)
    chunks = {code[i : i + 3] for i in range(0, len(code), 3)}
    armed_already = role.code[:3] in _ARMED and bool(chunks & (_ARMED | {"IMG"}))
    if role.weak or role.code == "GOV" or role.prefix or role.code[:3] in chunks or armed_already:
        return kb.make_actor(text, entry.name, code)
    return kb.make_actor(text, entry.name, code + role.code)


def _with_role(
    kb: KnowledgeBase, text: str, country_name: str, country: str, role: str, words: str, prefix: bool
) -> Actor:
    code = role + country if prefix else country + role
    return kb.make_actor(text, f"{country_name} {words}", code)
