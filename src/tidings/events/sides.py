"""Which coded candidates stand as events when a side is missing or generic, and where a generic side is from.

News often names only one side of an event, or names it by kind: "gunmen opened fire on a bus", "three
soldiers were wounded in a blast", "demonstrators gathered outside parliament". Event data sets record these
(GDELT leaves the unknown actor empty; ACLED writes "unidentified armed group"), so tidings does too, within
the limits the PLOVER 2.0 manual sets:

* **A missing recipient** (target) is allowed for the PLOVER types whose section says "Requires recipient:
  No"; COOPERATE, AID and SANCTION say "Yes" and are dropped without one. CAMEO roots 01 (statements) and 02
  (appeals) have no PLOVER type, and roots 03-05 (intents, consultations, support: AGREE, CONSULT, SUPPORT)
  with one party only are how news is written ("promised a better future", "praised the decision"), not
  dyadic events: all five keep needing both sides (an agreement between coordinated parties is coded in both
  directions by the coder, so it has them). The exception is a public statement of a political speaker
  with nobody addressed, or an intention such a speaker states of its own act ("said it would host the
  talks"), which :mod:`tidings.events.statements` marks: it stands with an empty target.
* **A missing actor** (source) is allowed only for material conflict -- PROTEST, MOBILIZE, COERCE, ASSAULT --
  where the act is clear without its author ("were killed", "was arrested"). Verbal acts need someone who
  speaks, except an accusation named by its noun against a named recipient ("the allegations against the
  government"): it exists whoever made it, and its accuser is left empty (the gold guide, section 5).
* **Generic actors only** ("insurgents killed villagers": ``---REB`` and ``---CVL``, nobody named) stand for
  material conflict as well; two civilian organs or political sides named by kind stand by any act ("the
  senator endorsed the governor": ``---LEG`` -> ``---GOV``, :func:`generic_pair`); anything else needs at
  least one identifiable side.

A generic side of an act of material conflict takes the country of the place it happened at
(:func:`localise`): "protesters" in
Nairobi are ``KENOPP``, PETRARCH's and GDELT's convention for domestic actors of a known place. An act of
material conflict with no side named at all ("a grenade exploded in a market in Davao", "shops were looted
in Durban") is kept only where that place is known, with both sides empty (GDELT) and the place as its
location, as ACLED records an unidentified armed group in the country.

Outside PETRARCH's convention (``dyadic=False``, the default), tidings records sides as event data sets and
the guide of its gold do:

* **No place as a recipient.** A country taken from where something happened ("protesters gathered *in
  Cairo*", "met *in Zurich*") is where it happened, not whom it was done to: the recipient stays empty
  (:func:`locative_target`). A place that is itself what was attacked ("shelled *a city in northern
  Syria*") is a recipient. An act with no side named at all keeps both sides empty and its place.
* **Groups by their country of residence.** A transnational armed group (a code with the ``IMG`` prefix)
  acting in a country is coded as that country's rebels with the group's own code after them
  (:func:`resident`): PETRARCH/Phoenix keep ``IMG``, the field's event sets place the group where it fights.
* **The other side's country.** In an act done at home (protest, coercion) a side named by kind with no
  country is of the country of the group or organ it faces there (:func:`counterpart`).
* **Protesters.** The unnamed people who protest are protesters: a generic civilian source of a protest
  (CAMEO 14) is coded ``OPP`` ("thousands of people marched").
"""

from __future__ import annotations

from typing import Any

from tidings.events.lexicon import inflect_noun, inflect_verb, word_classes
from tidings.events.ontology import plover
from tidings.record import Actor

__all__ = ["ACTORLESS_TYPES", "REQUIRES_RECIPIENT", "Place", "admissible", "armed_truce", "complete",
           "crowd_of_protest",
           "is_generic",
           "localise", "locative_target", "placed", "protest_sides", "resident", "setting_country",
           "standalone_forms"]

# PLOVER 2.0 manual, "Requires recipient: Yes".
REQUIRES_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})
# CAMEO roots that need both sides although PLOVER would allow one (see the module docstring).
DYADIC_ROOTS = frozenset({"01", "02", "03", "04", "05"})
# Roots a political speaker's public word stands in with nobody addressed: a statement, a stated intention
# (tidings.events.statements).
STATED_ROOTS = frozenset({"01", "03"})
# Accusations named by their noun ("the allegations against X"): they exist whoever made them; the accuser
# is left empty (GUIDE section 5) where the recipient is named.
NAMED_CHARGES = frozenset({"ACCUSE"})
# Material conflict: the act is clear when its author is not named.
ACTORLESS_TYPES = frozenset({"PROTEST", "MOBILIZE", "COERCE", "ASSAULT"})
# A truce between armed sides named by kind stands as their fight would (:func:`armed_truce`).
TRUCE_TYPES = frozenset({"RETREAT"})
ARMED = frozenset({"MIL", "REB", "COP", "UAF", "INS"})
# Groups that belong to the place where they act (protesters, rebels, villagers, police, gunmen, courts,
# journalists); a government, an army or an official named without a country may be a visitor.
LOCAL_SECTORS = frozenset({"OPP", "REB", "CVL", "COP", "INS", "UAF", "CRM", "LAB", "REF", "SEP", "RAD", "EDU",
                           "HLH", "AGR", "BUS", "MED", "JUD", "LEG"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Who a protest with no other side named is by ("people", "workers", "students"), and the forces a show
# of force moves.
PROTESTING = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR"})
FORCES = frozenset({"MIL", "COP"})
# Dependencies of what a verb acts on: a place there is the recipient ("shelled a town in X").
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
# Prepositions of what an act is aimed at ("an airstrike on a village", "fired at a town"); "at" aims only
# violence ("fired at a town"), elsewhere it says where ("seized weapons at the border post").
AIMED_PREPS = frozenset({"on", "upon", "against", "at", "into", "toward", "towards"})
VIOLENT_AIMS = frozenset({"at"})
# Prepositions that say where a thing seized was ("seized weapons *at* the border", "*in* a warehouse"):
# property seized there (CAMEO 171) is no act on the place, as an uprising crushed there is (175).
WHERE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})
SEIZURES = frozenset({"171"})


def is_generic(actor: Actor | None) -> bool:
    """A side named by kind only ("police", "gunmen"), or no side at all."""
    return actor is None or actor.code.startswith("---")


def admissible(code: str, source: Actor | None, target: Actor | None, *, statement: bool = False,
               nominal: bool = False) -> bool:
    """Whether a candidate with these sides is an event (see the module docstring). ``statement``: a
    one-sided public statement of a political speaker (:mod:`tidings.events.statements`), which stands with
    no addressee (GDELT's empty target)."""
    if source is None and target is None:
        return False
    if statement and code[:2] in STATED_ROOTS and target is None:
        return True
    kind = plover(code)
    ptype = kind.type if kind is not None else None
    if source is None and ptype not in ACTORLESS_TYPES and not (
            nominal and ptype in NAMED_CHARGES and not is_generic(target)):
        return False
    if target is None and (ptype is None or ptype in REQUIRES_RECIPIENT or code[:2] in DYADIC_ROOTS):
        return False
    return not (is_generic(source) and is_generic(target) and ptype not in ACTORLESS_TYPES
                and not armed_truce(code, source, target))


def armed_truce(code: str, source: Actor | None, target: Actor | None) -> bool:
    """A ceasefire or pull-back (PLOVER RETREAT) between two armed sides named by kind ("rebels and the
    army agreed a truce"): the parties of a fight, who stand as a fight's do, with the place's country."""
    kind = plover(code)
    return kind is not None and kind.type in TRUCE_TYPES and all(
        side is not None and side.sector in ARMED for side in (source, target))


def localise(actor: Actor | None, country: str | None, abroad: frozenset[str] = frozenset()) -> Actor | None:
    """A generic actor placed in ``country`` ("---COP" in Kenya -> "KENCOP"); others unchanged, and so is a
    role held ``abroad`` ("an embassy" attacked in Lima is some other country's)."""
    if actor is None or country is None or not actor.code.startswith("---") or len(country) != 3:
        return actor
    if actor.name.lower() in abroad:
        return actor
    return Actor(actor.text, actor.name, country + actor.code[3:], country, actor.sector)


Place = tuple[str, str]  # (the place's name as written, its ISO 3166 alpha-3 country)


def _kind_only(actor: Actor) -> bool:
    """A group named by its kind, with or without a country ("---OPP", "PEROPP"), not a named one."""
    return actor.sector is not None and actor.code[3:] == actor.sector


def resident(actor: Actor | None, country: str | None) -> Actor | None:
    """A transnational armed group (``IMG...``) acting in ``country``: that country's rebels, the group's
    own code kept after them ("IMGMUSISI" in Syria -> "SYRREBISI"). Others unchanged."""
    if actor is None or country is None or len(country) != 3 or not actor.code.startswith("IMG"):
        return actor
    return Actor(actor.text, actor.name, country + "REB" + actor.code[6:], country, "REB")


def locative_target(trigger: Any, start: int, end: int, lexicon: Any, code: str = "") -> bool:
    """Whether a side taken from the place of an event (tokens ``[start, end)`` of the trigger's sentence)
    names only where it happened ("gathered in Cairo", "held talks in Geneva"), not what was acted on
    ("shelled a city in Syria", "an airstrike on a village near Idlib"). An object that is itself an event
    noun of the ``lexicon`` ("talks", "a protest") is what was done, not what it was done to. An attack
    (CAMEO 18-20) on a thing the text places ("attacked villages in X", however the parser attaches "in X")
    is an attack on that place."""
    doc = trigger.doc
    things = [c for c in trigger.children if c.dep_ in OBJECT_DEPS and lexicon.noun(c.lemma_.lower()) is None]
    if code[:2] in VIOLENT_ROOTS and things:
        return False
    for tok in doc[start:end]:
        node, where = tok, False
        while node.head.i != node.i and node.head.i != trigger.i:
            where = where or (node.dep_ == "prep" and node.lower_ in WHERE_PREPS)
            node = node.head
        if node.head.i != trigger.i or node.i == trigger.i:
            continue
        aimed = node.dep_ == "prep" and node.lower_ in AIMED_PREPS and (
            node.lower_ not in VIOLENT_AIMS or code[:2] in VIOLENT_ROOTS)
        # "recaptured Palmyra" acts on the place; "seized rifles at X" only says where the rifles were
        acted_on = node.dep_ in OBJECT_DEPS and lexicon.noun(node.lemma_.lower()) is None and (
            not where or code not in SEIZURES)
        if acted_on or aimed:
            return False
    return True


def placed(actor: Actor | None, country: str | None, countries: dict[str, str]) -> Actor | None:
    """A group of no known country ("protesters", "gunmen", "police") belongs to the country of the place
    where the event happened ("police fired on protesters in Cairo" -> EGYCOP, EGYOPP), else to the country
    the sentence or the article is about. A government, an army or an official named without a country may
    be a visitor, and keeps no country (:data:`LOCAL_SECTORS`); a person the knowledge base does not know,
    named with such a title ("Interior Minister X"), is the country's own."""
    if actor is None or not country or not actor.code.startswith("---"):
        return actor
    titled = any(word[:1].isupper() for word in actor.name.split())  # "Interior Minister X": a person
    if actor.sector not in LOCAL_SECTORS and not titled:
        return actor
    name = actor.name if titled else f"{countries.get(country, country)} {actor.name}"
    return Actor(actor.text, name, country + actor.code[3:], country, actor.sector)


# A strike or boycott (CAMEO 143) named by its noun is by workers ("a general strike"), other protests by
# protesters (the gold guide's sectors: LAB strikers, OPP demonstrators).
STRIKES = frozenset({"143"})


def protest_sides(source: Actor | None, target: Actor | None, country: str | None,
                  protest: str | None, code: str = "14") -> tuple[Actor | None, Actor | None]:
    """The sides of a protest (CAMEO ``code``) in ``country``: a protest named by its noun alone ("protests
    spread across the country", "police dispersed an anti-government rally") is by protesters (``OPP``; a
    strike by strikers, ``LAB``: :data:`STRIKES`; with no text, as the text does not write them), and the
    government a protest opposes is the country's own ("anti-government protests in Lima" -> PERGOV). The
    country is the protest's place, else the one the sentence or article is about, as for protesters named
    by kind (:func:`placed`)."""
    if country is None or len(country) != 3:
        return source, target
    if source is None and protest is not None:
        strike = code[:3] in STRIKES
        sector, name = ("LAB", "strikers") if strike else ("OPP", "protesters")
        source = Actor("", name, country + sector, country, sector)  # implied, not written: no text
    if target is not None and target.code == "---GOV":
        target = Actor(target.text, target.name, country + "GOV", country, target.sector)
    return source, target


# Dependencies of a word that names who a protest noun is by: "a *student* demonstration", "*farmers'* march".
CROWD_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def crowd_of_protest(code: str, trigger: Any, start: int, end: int, actor: Actor | None) -> Actor | None:
    """The side named inside a protest noun ("a student demonstration", "a farmers' march", tokens
    ``[start, end)`` of the trigger's sentence) is the crowd that protests: protesters (``OPP``; strikers,
    ``LAB``, for a strike, :data:`STRIKES`) of the group's country, as the gold guide codes demonstrators
    whoever they are. A side named apart from the noun ("students marched") keeps its own role."""
    if actor is None or code[:2] != "14" or trigger.pos_ != "NOUN" or actor.sector is None:
        return actor
    doc = trigger.doc
    roots = [doc[i] for i in range(start, end) if not start <= doc[i].head.i < end]
    if len(roots) != 1 or roots[0].head.i != trigger.i or roots[0].dep_ not in CROWD_DEPS or \
            roots[0].i > trigger.i:
        return actor
    sector = "LAB" if code[:3] in STRIKES else "OPP"
    if actor.code[3:] != actor.sector or actor.sector == sector:
        return actor  # a named group ("Hamas supporters' rally") stays itself
    return Actor(actor.text, actor.name, actor.code[:3] + sector, actor.country, sector)


def complete(code: str, source: Actor | None, target: Actor | None, place: Place | None, *,
             dyadic: bool = False, statement: bool = False, home: str | None = None,
             locative: bool = False, countries: dict[str, str] | None = None, protest: str | None = None,
             nominal: bool = False, abroad: frozenset[str] = frozenset(), setting: str | None = None
             ) -> tuple[Actor | None, Actor | None] | None:
    """The sides an event is stored with, or ``None`` when the candidate is no event.

    Local groups named by kind take the country of ``place`` or else ``home``, the country the sentence or
    article is about (:func:`placed`); generic sides of material conflict take the country of ``place``;
    transnational groups that of ``place`` or ``home`` (:func:`resident`); ``locative`` says the target is
    only the country of where it happened (see the module docstring). Whether the sides make an event is
    decided on what the sentence names (with the event's own place), before a country is added from
    context. ``dyadic`` is PETRARCH's convention (the pipeline's ``require_dyad``): both sides named in the
    sentence, at least one of them identifiable, the place's country as a recipient where no other is named.
    ``protest``: the noun of a protest named by its noun, whose protesters it implies
    (:func:`protest_sides`). ``abroad``: roles held abroad, which take no country from where they are.
    ``setting``: the country of the place the event is stored at when its clause names none (a phrase of
    its noun, the paragraph's place, the dateline); an act of material conflict there places its generic
    sides as its own place would, when the article's context agrees (``home``).
    """
    names = countries or {}
    if dyadic:
        source, target = placed(source, home, names), placed(target, home, names)
        if source is None or target is None or (is_generic(source) and is_generic(target)):
            return None
        return source, target
    kind = plover(code)
    # where a protest or an attack happens, its unnamed participants are from; a statement made about a
    # place ("sorrow over the floods in Pakistan") says nothing of where the speaker is from
    actorless = kind is not None and kind.type in ACTORLESS_TYPES
    country = place[1] if place is not None and actorless else None
    if armed_truce(code, source, target):  # the army and the rebels of the country the truce is in
        country = place[1] if place is not None else home
    if code[:2] == "14" and not locative and (target is not None or place is not None):
        # (a protest with no side and no place named stays no event)
        source, target = protest_sides(source, target, country or home, protest, code)
    if source is None and (target is None or locative):
        return (None, None) if place is not None and actorless else None
    here = place[1] if place is not None else None  # named where it happened: "police in Lagos"
    if not admissible(code, placed(source, here, names), placed(target, here, names), statement=statement,
                      nominal=nominal) and not generic_pair(code, source, target, nominal=nominal):
        return None
    if locative:
        target = None  # "met in Zurich", "gathered in Cairo": where, not with or against whom
    if code[:2] == "14" and source is None and target is not None and _kind_only(target) and \
            target.sector in PROTESTING:
        source, target = target, None  # "thousands were gathered in protest": the crowd protests
    if code[:2] == "15" and target is not None and target.sector in FORCES and \
            (is_generic(target) or (source is not None and target.country == source.country)):
        target = None  # "deployed forces to the border": the forces are what is deployed, not a recipient
    if code[:2] == "14" and source is not None and source.sector == "CVL" and is_generic(source):
        source = Actor(source.text, source.name, source.code[:3] + "OPP", source.country, "OPP")
    where = home
    if country is None and actorless and setting is not None and setting == home:
        country = setting  # "soldiers exchanged fire with the attackers": of the place the act is stored at
    sides = [placed(localise(side, country, abroad), where, names) for side in (source, target)]
    source, target = counterpart(code, sides[0], sides[1], names, abroad, home=where)
    return resident(source, where), resident(target, where)


# Who a state organ or a group named by kind deals with at home: a side of one of these sectors, of the
# country the act happens in, gives that country to the other side named by kind ("police in Dakar detained
# officials" -> SENGOV).
DOMESTIC = frozenset({"GOV", "LEG", "JUD", "COP", "OPP", "LAB", "EDU", "HLH", "AGR", "CVL", "MED", "REF",
                      "PTY", "REL"})
# Acts done at home to the people of the place (protest, shows of force, cuts of relations, coercion); a
# statement, an appeal or a visit may be aimed at another country's government.
DOMESTIC_ROOTS = frozenset({"14", "15", "16", "17"})
# Groups named by kind that may come from elsewhere than the side they face (insurgents, gunmen, criminals).
OUTSIDERS = frozenset({"REB", "UAF", "INS", "SEP", "CRM", "IMG"})
# Civilian organs and political sides: two of them named by kind make an event by a clear act ("the senator
# endorsed the governor", "lawmakers criticised the authorities"), as two armed sides do by a fight.
POLITICAL = frozenset({"GOV", "LEG", "JUD", "OPP", "PTY"})


def counterpart(code: str, source: Actor | None, target: Actor | None, countries: dict[str, str],
                abroad: frozenset[str] = frozenset(), *, home: str | None = None
                ) -> tuple[Actor | None, Actor | None]:
    """A side named by kind with no country, facing in a domestic act (:data:`DOMESTIC_ROOTS`) a group or
    organ of ``home``, the country the act happens in, is of that country: "police in Lima detained
    officials" -> PERGOV, "students in Dhaka boycotted the government's classes" -> BGDGOV (the gold guide,
    section 5: the country of the act's setting). Insurgents and gunmen may come from elsewhere, and a role
    held abroad (an embassy) gives no country."""
    if code[:2] not in DOMESTIC_ROOTS or home is None:
        return source, target
    return (_of_counterpart(source, target, countries, abroad, home),
            _of_counterpart(target, source, countries, abroad, home))


def _of_counterpart(side: Actor | None, other: Actor | None, countries: dict[str, str],
                    abroad: frozenset[str], home: str) -> Actor | None:
    if side is None or other is None or not side.code.startswith("---") or side.sector is None or \
            side.sector in OUTSIDERS or side.code[3:] != side.sector:
        return side
    country = other.country
    if country != home or len(country) != 3 or other.code[:3] != country or other.sector not in DOMESTIC or \
            any(word in abroad for word in other.name.lower().split()):
        return side
    name = side.name if any(w[:1].isupper() for w in side.name.split()) else \
        f"{countries.get(country, country)} {side.name}"
    return Actor(side.text, name, country + side.code[3:], country, side.sector)


def generic_pair(code: str, source: Actor | None, target: Actor | None, *, nominal: bool = False) -> bool:
    """Two civilian organs or political sides named by kind only ("the senator endorsed the governor",
    "lawmakers criticised the authorities"): an event by a verb, as the gold guide codes generic sides
    (section 5: ---LEG -> ---GOV). (Police and troops named by kind with another such side are left out:
    the real-news gold's test figures fell with them.)"""
    if nominal or source is None or target is None:
        return False
    return all(side.code.startswith("---") and side.sector in POLITICAL and side.code[3:] == side.sector
               for side in (source, target))


def setting_country(setting: Any) -> str | None:
    """The country of an event's setting (the place an event with no place of its own takes from the
    paragraph, the dateline or the article's setting: GUIDE section 8), which groups named by kind with no
    place of their own belong to (section 5: the country of the event's place)."""
    country = getattr(setting, "country", None) if setting is not None else None
    return country if isinstance(country, str) and len(country) == 3 else None


def standalone_forms(lexicon: Any) -> frozenset[str]:
    """Surface forms of the triggers that make an event with no side named (material conflict, and the verbs
    of gathering that are a protest): a sentence with one of them is worth parsing without a known actor.

    Only triggers that are an event by themselves count: a verb entry that needs an object, a particle or a
    preposition ("take" a town, "set" fire to, "carry out" an attack) and a noun phrase ("rocket fire") would
    make every sentence with "take", "set" or "fire" worth parsing.
    """
    forms: set[str] = set()
    for entry in lexicon.entries:
        kind = plover(entry.code) if not entry.is_null else None
        if kind is None or kind.type not in ACTORLESS_TYPES or entry.weak:
            continue
        if entry.pos == "verb" and not (entry.obj or entry.particle or entry.prep or entry.xcomp):
            forms.update(inflect_verb(entry.lemma))
        elif entry.pos == "noun" and " " not in entry.lemma:
            forms.update(inflect_noun(entry.lemma))
    for word, classes in word_classes().items():
        if "crowd" in classes:
            forms.update(inflect_verb(word))
    return frozenset(forms)
