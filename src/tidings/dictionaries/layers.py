"""The Phoenix / PETRARCH-2 dictionaries shipped with tidings, as layers beneath its own lexicon and actors.

``dictionaries/data/phoenix`` holds the MIT-licensed PETRARCH-2 dictionaries (see its README and licence).
They are layered *beneath* tidings' own data: a verb pattern tidings has (same lemma, particle, object,
preposition and complement) keeps tidings' code, and on equal specificity tidings' entry wins; an actor name
or role word tidings already knows keeps tidings' reading. What the field's dictionaries add is only what
tidings does not know.

Two layers can be switched on separately (``Options.phoenix``): ``"verbs"`` (``CAMEO.2.0.txt``) and
``"actors"`` (the country, international and non-state actor files and the agents). What each import
skipped is logged, not discarded: the verb importer's report at INFO with the number ``[W102]``, the actor
lines it could not read as the warning ``[W103]``, the number of names and role words added as ``[W104]``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.actors.kb import Entry as ActorEntry
from tidings.actors.kb import Sector, Term
from tidings.actors.normalize import normalize
from tidings.dictionaries.actors import read_phoenix_directory
from tidings.dictionaries.verbs import read_cameo_verbs
from tidings.events.lexicon import Lexicon
from tidings.log import get_logger, warn

__all__ = ["LAYERS", "phoenix_directory", "with_phoenix_actors", "with_phoenix_verbs"]

LAYERS = frozenset({"verbs", "actors"})
_ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt")
log = get_logger(__name__)


def phoenix_directory() -> Path:
    """Where the vendored dictionaries are (inside the installed package)."""
    return Path(str(resources.files("tidings.dictionaries").joinpath("data", "phoenix")))


@functools.cache
def _phoenix_verbs() -> tuple[Any, ...]:
    imported = read_cameo_verbs(phoenix_directory() / "CAMEO.2.0.txt")
    log.info("[W102] Phoenix verb layer: %s", imported.report.summary(),
             extra={"tidings_code": "W102"})
    return tuple(imported.entries)


def with_phoenix_verbs(lexicon: Lexicon) -> Lexicon:
    """``lexicon`` over the Phoenix verb patterns: the Phoenix entries first, ours added on top (ours win)."""
    return Lexicon.from_entries(_phoenix_verbs()).extend(lexicon.entries)


def with_phoenix_actors(kb: Any) -> Any:
    """Add the Phoenix actors and agents to ``kb`` (a fresh :class:`~tidings.actors.KnowledgeBase`) where it
    knows no such name or role word; returns ``kb``."""
    problems: list[str] = []
    added = 0
    for name in _ACTOR_FILES:
        data = read_phoenix_directory(phoenix_directory() / name, strict=False)
        problems.extend(data.problems)
        added += _add_actors(kb, data.actors) + _add_agents(kb, data.agents)
    if problems:
        warn("W103", f"Phoenix actor layer: {len(problems)} dictionary lines skipped, first: {problems[0]}")
    log.info("[W104] Phoenix actor layer: %d names and role words added beneath ours", added,
             extra={"tidings_code": "W104"})
    return kb


def _known(kb: Any, alias: str) -> bool:
    pieces = normalize(alias.split())
    matches = kb.find_names(pieces, guard=False) if pieces else []
    return not pieces or any(m.start == 0 and m.end == len(pieces) for m in matches)


def _add_actors(kb: Any, actors: Iterable[Any]) -> int:
    added = 0
    for actor in actors:
        title = " ".join(w.capitalize() if len(w) > 3 else w for w in actor.names[0].split())
        terms = tuple(Term(d.code, d.start, d.end + dt.timedelta(days=1) if d.end else None)
                      for d in actor.dated)
        entry = ActorEntry("dictionary", title, actor.default, terms)
        for alias in actor.names:
            if not _known(kb, alias):
                kb.add_name(alias, entry)
                added += 1
    return added


def _add_agents(kb: Any, agents: Iterable[Any]) -> int:
    added = 0
    for agent in agents:
        sector = Sector(agent.code, agent.forms[0].lower(), prefix=agent.prefix)
        for form in agent.forms:
            if kb.sector_of(form) is None:
                kb.add_sector(form, sector)
                added += 1
    return added
