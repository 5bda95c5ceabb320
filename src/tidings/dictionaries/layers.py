"""The Phoenix / PETRARCH-2 dictionaries as layers *beneath* tidings' own lexicon and actors.

``--dictionaries DIR`` (``Options.dictionaries``) adds a folder of PETRARCH-format dictionaries *on top* of
tidings' data. The layers here do the opposite, for the MIT-licensed Phoenix dictionaries (a folder such as
``../shared/dicts/phoenix``, given as ``Options.phoenix_dir``): a verb pattern tidings has (same lemma,
particle, object, preposition and complement) keeps tidings' code, and on equal specificity tidings' entry
wins; an actor name or role word tidings already knows keeps tidings' reading. What the field's dictionaries
add is only what tidings does not know.

Three layers can be switched on separately (``Options.phoenix``): ``"verbs"`` (``CAMEO.2.0.txt``),
``"actors"`` (the names of the country, international and non-state actor files) and ``"agents"`` (the role
words of ``Phoenix.agents.txt`` and of the actor files). All are off by default; each layer's effect is
measured by ``scripts/eval_phoenix_layers.py`` (``evaluation/phoenix-layers.md``): the verb layer costs much
precision, the actor layer gains nothing, the agent layer gains one event on the development articles and
loses one on the development snippets. What each import skipped
is logged, not discarded: the verb importer's report at INFO with the
number ``[W102]``, the actor lines it could not read as the warning ``[W103]``, the number of names and
role words added as ``[W104]``.

The dictionaries are not shipped inside the package: the project's no-gold-text check finds six-word runs
of the evaluation texts in them (organisation names, the licence text), so they are read from a folder.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tidings.actors.kb import Entry as ActorEntry
from tidings.actors.kb import Sector, Term
from tidings.actors.normalize import normalize
from tidings.dictionaries.actors import read_phoenix_directory
from tidings.dictionaries.verbs import read_cameo_verbs
from tidings.events.lexicon import Lexicon
from tidings.log import get_logger, warn

__all__ = ["LAYERS", "with_phoenix_actors", "with_phoenix_verbs"]

LAYERS = frozenset({"verbs", "actors", "agents"})
_ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt")
log = get_logger(__name__)


@functools.cache
def _phoenix_verbs(directory: Path) -> tuple[Any, ...]:
    imported = read_cameo_verbs(directory / "CAMEO.2.0.txt")
    log.info("[W102] Phoenix verb layer: %s", imported.report.summary(),
             extra={"tidings_code": "W102"})
    return tuple(imported.entries)


def with_phoenix_verbs(lexicon: Lexicon, directory: Path) -> Lexicon:
    """``lexicon`` over the Phoenix verb patterns of ``directory``: the Phoenix entries first, ours added on
    top (ours win)."""
    return Lexicon.from_entries(_phoenix_verbs(Path(directory))).extend(lexicon.entries)


def with_phoenix_actors(kb: Any, directory: Path, *, actors: bool = True, agents: bool = True) -> Any:
    """Add the Phoenix actors (names) and agents (role words) of ``directory`` to ``kb`` (a fresh
    :class:`~tidings.actors.KnowledgeBase`) where it knows no such name or role word; returns ``kb``."""
    problems: list[str] = []
    added = 0
    for name in _ACTOR_FILES:
        path = Path(directory) / name
        if not path.is_file():
            continue
        data = read_phoenix_directory(path, strict=False)
        problems.extend(data.problems)
        added += _add_actors(kb, data.actors) if actors else 0
        added += _add_agents(kb, data.agents) if agents else 0
    if problems:
        warn("W103", f"Phoenix actor layer: {len(problems)} dictionary lines skipped, first: {problems[0]}")
    layers = " and ".join(n for n, on in (("actors", actors), ("agents", agents)) if on)
    log.info("[W104] Phoenix %s layer: %d names and role words added beneath ours", layers, added,
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
