"""A second pass over one sentence's coded candidates: how news reports an attack.

The first pass (:mod:`tidings.events.coder`) codes each trigger on its own. News tells one act in several
words, and the words around a trigger say which kind of act it was:

* **the means** of an attack choose its CAMEO code (``data/means.tsv``): what carried it out as the
  subject or agent ("fighter jets hit", "suicide bombers targeted"), the instrument ("with a grenade"), the
  attack it happened in ("killed in a drone strike"), or the attack noun's own modifiers ("a car bomb
  attack"). A generic assault or fight (180, 190) becomes the means' code; a code the means refines
  (183 -> 1832) becomes the finer one; destruction of property (171, 1712) by a weapon named as its
  subject or agent is the attack with that weapon ("air strikes destroyed a hospital");
* **who acts against whom** can choose it too (``data/dyads.tsv``): state forces using violence against
  protesters is violent repression (175), not an assault (18) or a fight (19);
* **the harm and its cause are one act**: "a market stall owner was hurt as a grenade went off", "jets hit
  the town and killed five", "were injured in grenade attacks" are one attack with its victims, not an
  attack and a second act of violence by nobody. The casualty's victims become the cause's target where
  the cause has none of its own (or only its place); harm from an accident told beside it ("a tanker
  exploded, killing twelve") is none; two unnamed acts of violence in one clause ("the
  attack was carried out by suicide bombers") are one;
* **the ones an attack left dead or hurt** are its target ("a gun attack left six villagers dead");
* **a threat** is aimed at whom the threatened act is aimed at ("vowed to crush the rebels");
* **an act and its purpose clause** of one kind, one naming the doer and one the target ("police used
  tear gas to disperse protesters"), are one event; the ones who break up a protest did not hold it;
* **a consultation between parties** ("undertook mediation between X and Y") is with each of them;
* **a protest by a bare count** ("thousands marched") is by protesters;
* **a protest that is attacked** is the protesters: "police dispersed a protest" targets them (``---OPP``,
  placed later like every generic side);
* **participles that describe** ("media allied with the group", "militias backed by X", "troops deployed
  in the area") are no events of cooperation or posture;
* **what is alleged** ("allegations of shelling towns and targeting civilians") is not reported as fact;
* **private parties** act politically only towards a political actor: civilians or companies (CAMEO
  sectors CVL, BUS) that speak, appeal, promise, meet, cooperate, help, yield, investigate, demand, reject
  or warn (roots 01-13) with nobody or other private parties as the target make no event ("the utility
  warned swimmers", "residents urged neighbours"); a pleading of guilt (015) stands, and so do protests
  and violence. The travel of civilians is no political visit (042, 043) whatever the destination ("the
  family arrived in Greece"; GUIDE section 1: civilians are actors as targets);
* **a date is no act**: a trigger inside a date expression ("in March 2014", "Friday, March 30") is the
  month, not a protest march;
* **a private crime** is no political event: an assault, a rape or a murder (CAMEO 182, 1821, 1823) by
  nobody named on a civilian or nobody ("a girl was raped", "the murders of three neighbours") is ordinary
  crime between private persons (GUIDE section 1); the state's response to it is the event. Attacks with
  a weapon or by an armed actor are other codes or have a doer, and stand;
* **what is averted** has not happened ("to avoid war with X", "to prevent attacks"): no event; nor has
  an act in a clause of condition or doubt ("if the rebels attacked", "whether the town was shelled");
* **metaphors of competition** are no force: an attack on what a business sells or earns ("an assault
  on their market share"); an act whose author is a name tidings does not know as an actor (a club, a
  company) does not stand as an act by nobody; nor is a win by a score ("beat France 2-1");
* **a game** is play: in a sentence set in one (a word of class ``sport``: "quarter-finals", "qualifier")
  an act whose sides can only be teams (people, firms, countries named bare) is no event;
* **a work of fiction** tells no act of the world: under a film or a novel as subject, after "in the
  film", in a work's title or the name of a law (spaCy's WORK_OF_ART, LAW);
* **a question with a modal** ("Could the government ban cars?") asks, it does not report;
* **force in a figure of speech**: a violent verb whose doer is a thing of money or policy ("the new tax hit
  poor families") or a figurative war ("a trade war", "a war of words"); an attack on a thing said or
  decided ("attacked the government's handling of X") is criticism (111);
* **violence between two private persons** ("the man attacked his neighbour") is crime, as above;
* **a text released** ("released a white paper") is published, not set free (08); travellers described by a
  participle make no visit, demand of a market is no demand, firms do not fight, and a visit to one's own
  embassy visits nobody;
* **a win against a town** ("beating Leeds and Norwich") is a match won by clubs named by their towns, and
  **a battle with the courts** is a case at law; **harm** that a crime between private persons caused is
  that crime's;
* **a festive crowd** ("marched for the carnival parade") with no word of protest does not protest;
* **clashes "between the two sides"** of an act the sentence tells ("attacked X, triggering clashes between
  the two sides") are between that act's source and target, one event each way;
* **ground taken in a fight** ("recaptured two towns after clashes with X", "clashed with X and seized
  three villages") is taken from the other side of that fight, where the seizure names nobody else.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from tidings.datafiles import packaged_text, read_rows
from tidings.errors import DataError
from tidings.events.coder import CONTEST_VERBS, STATE_ACT, ActorRef, Candidate
from tidings.events.lexicon import singular, word_classes
from tidings.record import Actor

Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span
Actors = Callable[[Token], list[ActorRef]]  # the actors a noun phrase names (SentenceCoder.actors)

__all__ = ["DyadRule", "by_means", "descriptive", "means_of", "read_dyads", "read_means", "refine"]

VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Codes a means may replace: the generic assault and fight, and destruction of property by a weapon.
GENERIC_ATTACKS = frozenset({"180", "190"})
PROPERTY_CODES = frozenset({"171", "1712"})
# Where the means of an attack trigger are named.
INSTRUMENT_PREPS = frozenset({"with", "in", "by", "during", "after", "amid", "from"})
CAUSE_DEPS = frozenset({"advcl", "conj", "xcomp"})
CAUSE_PREPS = frozenset({"in", "by", "during", "after", "amid"})
# How far up from a participle describing a weapon its clause of cause may lie ("a bomb planted by X
# exploded": participle -> noun -> clause).
CAUSE_CLIMB = 2
# Participles that describe their noun ("troops deployed in X") are no events for these roots.
DESCRIPTIVE_ROOTS = frozenset({"05", "06", "15"})
PROTEST_ROOT = "14"
# A protest that is attacked or dispersed: roots whose target the protesters become.
REPRESSING_ROOTS = frozenset({"17", "18", "19"})
# Appeals, intentions, demands and threats: what their infinitive clause names is asked or promised.
ASKING_ROOTS = frozenset({"02", "03", "10", "13"})
# Hand-to-hand violence (physical assault, sexual assault, killing by physical assault) and the civilian
# sector: by nobody named on a civilian it is ordinary crime.
PRIVATE_CRIME_CODES = frozenset({"182", "1821", "1823"})
CIVILIAN = "CVL"
DATE_ENT = "DATE"  # spaCy's named-entity label of a date expression
DEMAND_ROOT = "10"
RELEASE_ROOT = "08"  # CAMEO 08 yield: release of persons or property among its codes
CRITICISM = "111"  # CAMEO: criticise or denounce
FICTION_CLIMB = 6  # how far up from a trigger the clause that a work of fiction frames may lie
TITLE_ENTS = frozenset({"WORK_OF_ART", "LAW"})  # spaCy's labels of the names of works and laws
# Civilians and companies (CAMEO sectors); the roots up to threats (13), the visit codes, and a pleading of
# guilt (015), which a private party makes as an event.
PRIVATE_SECTORS = frozenset({"CVL", "BUS"})
TOPIC_PREPS = frozenset({"on", "over", "regarding", "towards", "toward", "about"})  # "a position on X"
LAST_VERBAL_ROOT = "13"
VISIT_CODES = frozenset({"042", "043"})
INTENT_TO_MEET = "036"  # express intent to meet or negotiate
PRIVATE_EVENTS = frozenset({"015"})
# Occupying ground (CAMEO 192) and the fight (19) it was taken in; how far up a fight noun may hang from the
# seizure's verb ("after fierce clashes with X": noun -> prep -> verb, "engaged in clashes": one verb more).
SEIZE_GROUND = "192"
# "clashes between the two sides": words that name the parties of the act before; repression (17) and
# protest-breaking count as that act too ("police raided the camp, sparking clashes between the two sides")
SIDE_WORDS = frozenset({"side", "party", "camp"})
REPRESSION_ROOTS = frozenset({"17"})
FIGHT_ROOT = "19"
FIGHT_CLIMB = 4
# Appeals and demands that can be the aim of a protest ("rallied to urge X to ...").
AIM_ROOTS = frozenset({"02", "10"})


@dataclass(frozen=True, slots=True)
class DyadRule:
    """Sectors of the two sides that give an act of the listed roots another code; ``*`` is any side."""

    sources: frozenset[str]
    targets: frozenset[str]
    codes: tuple[str, ...]  # code prefixes the rule applies to ("18", "190")
    code: str

    def fits(self, source: Actor | None, target: Actor | None) -> bool:
        """Whether the two sides' sectors are the ones listed (any named side for ``*``, none for ``?``, a
        named side of no sector -- a state, a place acted on -- for ``@``)."""
        return _fits(self.sources, source) and _fits(self.targets, target)


def _fits(sectors: frozenset[str], side: Actor | None) -> bool:
    if side is None:
        return "?" in sectors
    return "*" in sectors or side.sector in sectors or ("@" in sectors and side.sector is None)


def _rows(text: str, header: list[str], source: str) -> Iterable[tuple[int, list[str]]]:
    for row in read_rows(text, source=source, header=header):
        if not all(row.cells[:-1]):
            raise row.error(f"expected {len(header)} tab-separated cells: {row.raw!r}")
        yield row.number, list(row.cells)


def read_means(text: str, *, source: str = "<means>") -> dict[str, str]:
    """Parse ``means.tsv`` (``means``, ``code``, ``note``): lowercase singular phrase -> CAMEO code."""
    table: dict[str, str] = {}
    for number, cells in _rows(text, ["means", "code", "note"], source):
        if not cells[1].isdigit() or cells[1][:2] not in VIOLENT_ROOTS:
            raise DataError(f"{source}:{number}: {cells[1]!r} is no code of roots 18-20")
        table[cells[0].lower()] = cells[1]
    return table


def read_dyads(text: str, *, source: str = "<dyads>") -> tuple[DyadRule, ...]:
    """Parse ``dyads.tsv`` (``source_sectors``, ``target_sectors``, ``codes``, ``code``, ``note``)."""
    rules: list[DyadRule] = []
    header = ["source_sectors", "target_sectors", "codes", "code", "note"]
    for number, cells in _rows(text, header, source):
        if not cells[3].isdigit():
            raise DataError(f"{source}:{number}: {cells[3]!r} is no CAMEO code")
        rules.append(DyadRule(frozenset(cells[0].split(",")), frozenset(cells[1].split(",")),
                              tuple(cells[2].split(",")), cells[3]))
    return tuple(rules)


def _packaged(name: str) -> str:
    return packaged_text("tidings.events", name)


@functools.cache
def means_table() -> dict[str, str]:
    """The packaged means of attack (``events/data/means.tsv``), loaded once."""
    return read_means(_packaged("means.tsv"), source="events/data/means.tsv")


@functools.cache
def dyad_rules() -> tuple[DyadRule, ...]:
    """The packaged side-dependent codes (``events/data/dyads.tsv``), loaded once."""
    return read_dyads(_packaged("dyads.tsv"), source="events/data/dyads.tsv")


def _classes(tok: Token) -> frozenset[str]:
    table = word_classes()
    return table.get(tok.lemma_.lower()) or table.get(singular(tok.lower_)) or frozenset()


# ------------------------------------------------------------------ means
def means_of(tok: Token, table: dict[str, str] | None = None) -> str | None:
    """The code of the means a noun names, its modifiers included ("suicide bomber", "fighter jet")."""
    table = means_table() if table is None else table
    head = singular(tok.lower_) if tok.pos_ in ("NOUN", "PROPN") else tok.lemma_.lower()
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    for start in range(len(mods)):  # the longest phrase first
        phrase = " ".join([m.lower_ for m in mods[start:]] + [head])
        if phrase in table:
            return table[phrase]
    for mod in mods:  # "a car bomb attack": the modifier is the means
        if mod.lower_ in table and mod.dep_ == "compound":
            return table[mod.lower_]
    return table.get(head) or table.get(tok.lemma_.lower())


def _pobjs(tok: Token, preps: frozenset[str]) -> list[Token]:
    return [p for prep in tok.children if prep.dep_ in ("prep", "agent") and prep.lower_ in preps | {"by"}
            for p in prep.children if p.dep_ == "pobj"] if tok is not None else []


def _doers(trigger: Token) -> list[Token]:
    """What the trigger names as its doer: its subject (or the first conjunct's, or the noun a relative
    clause describes: "air strikes that destroyed a clinic"), its passive agent."""
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    if trigger.dep_ == "relcl" and any(s.tag_ in ("WDT", "WP") for s in subjects):
        subjects = [trigger.head]
    if not subjects and trigger.dep_ == "conj":
        subjects = [c for c in trigger.head.children if c.dep_ == "nsubj"]
    agents = [p for a in trigger.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return subjects + agents


def by_means(cand: Candidate, table: dict[str, str] | None = None) -> Candidate:
    """The candidate with the code of the means its words name (see the module docstring)."""
    code = cand.code
    if code[:2] not in VIOLENT_ROOTS and code not in PROPERTY_CODES:
        return cand
    trigger = cand.trigger
    doers = _doers(trigger) if trigger.pos_ in ("VERB", "AUX") else []
    found = [(means_of(t, table), True) for t in doers]
    if trigger.pos_ in ("NOUN", "PROPN"):
        found.append((means_of(trigger, table), False))
    found += [(means_of(t, table), False) for t in _pobjs(trigger, INSTRUMENT_PREPS)]
    objects = [c for c in trigger.children if c.dep_ == "dobj"]  # "hit a post with grenades"
    found += [(means_of(t, table), False) for o in objects for t in _pobjs(o, frozenset({"with"}))]
    for means, doer in found:
        if means is None or means == code:
            continue
        if code in GENERIC_ATTACKS or (means.startswith(code) and len(means) > len(code)) or (
                doer and code in PROPERTY_CODES):
            cand.code, cand.rule = means, cand.rule + ":means"
            return cand
    return cand


# ------------------------------------------------------------------ sides
def by_dyad(cand: Candidate, rules: tuple[DyadRule, ...] | None = None) -> Candidate:
    """The code the sectors of the two sides give an act ("police beat protesters" -> 175)."""
    source = cand.source.actor if cand.source is not None else None
    target = cand.target.actor if cand.target is not None else None
    for rule in dyad_rules() if rules is None else rules:
        if rule.fits(source, target) and cand.code.startswith(rule.codes):
            cand.code, cand.rule = rule.code, cand.rule + ":dyad"
            return cand
    return cand


def protest_target(cand: Candidate, is_protest: Callable[[Token], bool]) -> Candidate:
    """ "dispersed a protest", "attacked the march": the protesters are the target."""
    trigger = cand.trigger
    if cand.target is not None and ":place-target" not in cand.rule and ":anonymous" not in cand.rule:
        return cand
    if cand.code[:2] not in REPRESSING_ROOTS or trigger.pos_ not in ("VERB", "AUX"):
        return cand
    obj = next((c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or not is_protest(obj):
        return cand
    crowd = Actor(obj.text, "protesters", "---OPP", None, "OPP")
    cand.target = ActorRef(crowd, obj.i, obj.i + 1)
    cand.rule = cand.rule.replace(":place-target", "").replace(":anonymous", "") + ":protest-target"
    return cand


# ------------------------------------------------------------------ one act
def _harm_group(harm: Token) -> list[Token]:
    """The harm and the verbs of harm it is coordinated with ("were killed and (were) injured")."""
    group = [harm]
    node = harm
    while node.dep_ == "conj" and node.head.i != node.i and "casualty" in _classes(node.head):
        node = node.head
        group.append(node)
    group += [c for c in harm.children if c.dep_ == "conj" and "casualty" in _classes(c)]
    return group


def _linked_any(harm: Token, cause: Token) -> bool:
    if any(_linked(h, cause) for h in _harm_group(harm)):
        return True
    # "died and others are unaccounted for after gunmen ambushed a convoy": the clause of cause hangs on
    # the verb the harm is coordinated with
    return cause.dep_ == "advcl" and any(c.dep_ == "conj" and c.i == cause.head.i for c in harm.children)


def _linked(harm: Token, cause: Token) -> bool:
    """Whether ``cause`` is what the harm came from: a clause on it ("when a grenade exploded"), a verb
    it is coordinated with or depends on ("hit the town and killed five", "opened fire, killing two"),
    the attack it happened in ("killed in an air strike"), or its subject ("a blast killed five")."""
    if cause.head.i == harm.i and cause.dep_ in CAUSE_DEPS | {"nsubj"}:
        return True
    if harm.head.i == cause.i and harm.dep_ in CAUSE_DEPS:
        return True
    if _in_cause_clause(harm, cause):
        return True
    return cause.dep_ == "pobj" and cause.head.lower_ in CAUSE_PREPS and cause.head.head.i == harm.i


def _in_cause_clause(harm: Token, cause: Token) -> bool:
    """The cause describes the thing that acted in the harm's clause of cause ("killed when a bomb planted
    by rebels went off"): up from the cause, through the noun it describes, to a clause on the harm, to
    the harm's own subject ("a mine laid by rebels killed three"), or to the clause the harm hangs on ("a
    bomb planted by militants exploded, killing five")."""
    node = cause
    if node.dep_ not in ("acl", "relcl"):
        return False
    for _ in range(CAUSE_CLIMB):
        node = node.head
        if node.head.i == harm.i and node.dep_ in CAUSE_DEPS | {"nsubj"}:
            return True
        if harm.head.i == node.i and harm.dep_ in CAUSE_DEPS:
            return True
        if node.head.i == node.i:
            return False
    return False


def _casualty(cand: Candidate) -> bool:
    return cand.trigger.pos_ in ("VERB", "AUX") and "casualty" in _classes(cand.trigger) and \
        cand.code[:2] in VIOLENT_ROOTS


def _code_of(ref: ActorRef | None) -> str | None:
    return ref.actor.code if ref is not None else None


def _fold(harm: Candidate, cause: Candidate) -> bool:
    """Fold the harm into its cause where they can be one act; whether it was folded. A harm told as the
    effect of a cause that hit something else ("strikes hit a hospital, killing seven") is that act too
    (GUIDE section 2); its victims become the cause's target only where the cause has none."""
    if harm.source is not None and cause.source is not None and \
            harm.source.actor.code != cause.source.actor.code:
        return False
    unplaced = harm.target is None or ":anonymous" in harm.rule or ":place-target" in harm.rule
    if unplaced or _code_of(harm.target) in (_code_of(cause.source), _code_of(cause.target)):
        return True  # nothing to add, or the wounded are a party to the clash
    if cause.target is None or ":place-target" in cause.rule or ":anonymous" in cause.rule:
        cause.target = harm.target
        cause.rule = cause.rule.replace(":place-target", "").replace(":anonymous", "") + ":victims"
        if cause.source is None and harm.source is not None:
            cause.source = harm.source
        return True
    return _effect_clause(harm.trigger, cause.trigger)


def _effect_clause(harm: Token, cause: Token) -> bool:
    """The harm hangs on the cause as a clause of effect or the cause on the harm as one of cause
    ("hit a hospital, killing seven", "were killed when strikes hit a market", "fighting killed five"); not
    two coordinated acts
    ("attacked soldiers and killed three civilians")."""
    effect = harm.dep_ == "advcl" and harm.head.i == cause.i
    # "fighting between X and Y killed five": the act as the harm's subject is its cause
    cause_clause = cause.dep_ in ("advcl", "nsubj") and cause.head.i == harm.i
    return bool(effect or cause_clause)


def accidental_harm(cand: Candidate) -> bool:
    """Harm by nobody that came from an accident told in the clause it hangs on ("a tanker exploded on the
    highway, killing twelve", "killed when a gas cylinder blew up"): no act of violence."""
    if not _casualty(cand) or cand.source is not None:
        return False
    for harm in _harm_group(cand.trigger):
        clauses = [harm.head] if harm.dep_ in CAUSE_DEPS and harm.head.i != harm.i else []
        clauses += [c for c in harm.children if c.dep_ in ("advcl", "conj")]
        for clause in clauses:
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any("hazard" in _classes(t) or any("hazard" in _classes(m) for m in t.children
                                                     if m.dep_ in ("compound", "amod")) for t in subjects):
                return True
    return False


def merge_casualties(cands: list[Candidate]) -> list[Candidate]:
    """Harm and the attack it came from, told in one sentence, are one event (see the module docstring)."""
    out: list[Candidate] = []
    for cand in cands:
        if _casualty(cand):
            causes = [c for c in cands if c is not cand and c.code[:2] in VIOLENT_ROOTS and
                      not _casualty(c) and _linked_any(cand.trigger, c.trigger)]
            if any(_fold(cand, cause) for cause in causes):
                continue
        out.append(cand)
    return out


def _governor(tok: Token) -> int:
    """The verb whose clause a trigger belongs to (itself if it is a verb)."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return int(node.i)
        node = node.head
    return int(node.i)


def one_unnamed_act(cands: list[Candidate]) -> list[Candidate]:
    """Two unnamed acts of violence in one clause are one act told twice ("the attack was carried out by
    suicide bombers"): the most specific code stands."""
    groups: dict[int, list[Candidate]] = {}
    for cand in cands:
        if cand.source is None and cand.target is None and cand.code[:2] in VIOLENT_ROOTS:
            groups.setdefault(_governor(cand.trigger), []).append(cand)
    dropped = {id(c) for group in groups.values() if len(group) > 1
               for c in group if c is not max(group, key=lambda g: len(g.code))}
    return [c for c in cands if id(c) not in dropped]


# ------------------------------------------------------------------ no events
def descriptive(cand: Candidate) -> bool:
    """A past participle that describes its noun ("media allied with X", "troops deployed in Y")."""
    trigger = cand.trigger
    if cand.code[:2] not in DESCRIPTIVE_ROOTS:
        return False
    if _subject_misread(trigger):
        return True
    if trigger.dep_ not in ("acl", "amod"):
        return False
    # a participle the tagger took for a past tense, on a noun that has its own role in the clause
    misread = trigger.tag_ == "VBD" and trigger.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
    return trigger.tag_ == "VBN" or misread


def habitual(cand: Candidate) -> bool:
    """What is done to a kind of people as a rule, told in the simple present passive with a bare plural
    subject and no date ("migrants are detained in crowded cells", "where people are held for months"), or
an infinitive passive that describes such a plural ("people due to be deported to X"): a
    practice described, not an act that happened (GUIDE section 6: a type in general)."""
    trigger = cand.trigger
    if trigger.tag_ != "VBN" or cand.source is not None:
        return False
    if trigger.dep_ == "xcomp" and trigger.head.dep_ == "amod" and _bare_plural(trigger.head.head):
        return not _dated(trigger.sent)  # "people due to be deported": who they are, no act
    aux = [c for c in trigger.children if c.dep_ == "auxpass"]
    if not aux or any(a.tag_ not in ("VBP", "VBZ") for a in aux):
        return False
    if any(c.dep_ in ("aux", "agent") for c in trigger.children):
        return False  # "have been detained", "are held by rebels": a perfect, or a doer named
    subjects = [c for c in trigger.children if c.dep_ == "nsubjpass"]
    if not subjects or not all(_bare_plural(s) for s in subjects):
        return False
    return not _dated(trigger.sent)


def _dated(sent: Span) -> bool:
    """Whether a sentence names a time its acts happened at: a date expression with a day or month name, a
    year or a word that points at a time ("on Monday", "in March 2019", "last week", "two days ago"), not
    a length of time ("for weeks", "up to three months")."""
    return any(ent.label_ == DATE_ENT and any(_points(t) for t in ent) for ent in sent.ents)


def _points(tok: Token) -> bool:
    return bool(tok.pos_ == "PROPN" or (tok.like_num and len(tok.text) == 4) or "deixis" in _classes(tok))


def _bare_plural(noun: Token) -> bool:
    """A plural common noun with no determiner, number or owner ("migrants", "people"): a kind, not a
    group."""
    return noun.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)


def _subject_misread(trigger: Token) -> bool:
    """ "Media allied with the group said ...", parsed as a clause the saying reports: a participle before a
    verb of saying that has no subject of its own describes that verb's subject."""
    head = trigger.head
    if trigger.dep_ != "ccomp" or trigger.tag_ not in ("VBD", "VBN") or trigger.i > head.i:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)


def averted(cand: Candidate) -> bool:
    """An event noun that is what someone wants to avoid or prevent ("to avoid war with X")."""
    trigger = cand.trigger
    return trigger.dep_ == "dobj" and "avert" in _classes(trigger.head)


def left_victims(cand: Candidate, actors: Actors) -> Candidate:
    """ "A gun attack left six villagers dead", "twin bombings left dozens injured": the ones left dead or
    hurt are the attack's target."""
    trigger = cand.trigger
    if cand.target is not None or cand.code[:2] not in VIOLENT_ROOTS or trigger.pos_ not in ("NOUN", "PROPN"):
        return cand
    leaves = [trigger.head] if trigger.dep_ == "nsubj" else []
    leaves += [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
    for leave in leaves:
        if leave.lemma_.lower() != "leave":
            continue
        victims = next((c for c in leave.children if c.dep_ == "dobj"), None)
        state = [c for c in leave.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")]
        state += [c for c in victims.children if c.dep_ == "amod"] if victims is not None else []
        if victims is not None and any("casualty" in _classes(s) for s in state):
            found = actors(victims)
            if found:
                cand.target = found[0]
                cand.rule = cand.rule.replace(":anonymous", "") + ":left"
    return cand


def crowd_source(cand: Candidate) -> Candidate:
    """ "Thousands marched through the capital": a protest whose subject is a bare count is by protesters."""
    trigger = cand.trigger
    if cand.source is not None or cand.code[:2] != PROTEST_ROOT or trigger.pos_ not in ("VERB", "AUX"):
        return cand
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.pos_ == "NUM" or "quantity" in _classes(subject)):
        return cand
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        return cand  # "thousands of farmers": the counted noun names them (SentenceCoder.actors)
    crowd = Actor(subject.text, "protesters", "---OPP", None, "OPP")
    cand.source = ActorRef(crowd, subject.i, subject.i + 1)
    cand.rule = cand.rule.replace(":anonymous", "") + ":crowd"
    return cand


def threat_target(cand: Candidate, actors: Actors) -> Candidate:
    """ "X vowed to crush Y", "X threatened to close Y's embassy": a threat coded on its verb is aimed at
    whom the threatened act is aimed at."""
    trigger = cand.trigger
    if cand.target is not None or cand.code[:2] != "13" or trigger.pos_ not in ("VERB", "AUX"):
        return cand
    for act in (c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")):
        aimed = [c for c in act.children if c.dep_ == "dobj"]
        aimed += _pobjs(act, frozenset({"against", "on", "at"}))
        if _aim_at_other(cand, aimed, actors, ":aimed"):
            return cand
    # "X warned Y that it would retaliate": the threat coded on the act is aimed at the one warned
    clause = trigger.dep_ in ("xcomp", "ccomp")
    warned = [c for c in trigger.head.children if c.dep_ == "dobj"] if clause else []
    _aim_at_other(cand, warned, actors, ":warned")
    return cand


def _aim_at_other(cand: Candidate, tokens: list[Token], actors: Actors,
                  rule: str) -> bool:
    """Make the first actor of ``tokens`` other than the source ``cand``'s target (rule suffix ``rule``)."""
    for tok in tokens:
        found = [r for r in actors(tok) if cand.source is None or r.actor.code != cand.source.actor.code]
        if found:
            cand.target = found[0]
            cand.rule += rule
            return True
    return False


def between_parties(cands: list[Candidate], actors: Actors) -> list[Candidate]:
    """ "Qatar undertook mediation between X and Y", "talks between X and Y hosted by Z": a consultation
    with no other side named is with each of the parties it is between (one event per party)."""
    out: list[Candidate] = []
    for cand in cands:
        trigger = cand.trigger
        if cand.target is not None or cand.source is None or cand.code[:2] != "04":
            out.append(cand)
            continue
        holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
        parties = [r for tok in _pobjs_exact(holders, "between") for r in actors(tok)
                   if r.actor.code != cand.source.actor.code]
        if not parties:
            out.append(cand)
            continue
        out += [replace(cand, target=party, rule=cand.rule + ":between") for party in parties]
    return out


def _one_actor(a: ActorRef | None, b: ActorRef | None) -> bool:
    """The same mention, or two mentions of one actor ("said the minister, as quoted by the agency": the
    one quoted is the speaker, not whom the statement is aimed at)."""
    return a is not None and b is not None and (
        (a.start, a.end) == (b.start, b.end) or (a.actor.code, a.actor.name) == (b.actor.code, b.actor.name))


def join_halves(cands: list[Candidate]) -> list[Candidate]:
    """ "Police used tear gas to disperse protesters": the act and its purpose clause are coded apart, one
    with the doer and one with the target; of one code family, they are one event."""
    out = list(cands)
    for part in cands:
        if part.source is not None or part.target is None or part not in out:
            continue
        whole = next((c for c in out if c is not part and c.target is None and c.source is not None
                      and c.code[:2] == part.code[:2] and part.trigger in c.trigger.subtree
                      and part.trigger.dep_ in ("advcl", "xcomp", "acl", "relcl")
                      and not _one_actor(c.source, part.target)), None)
        if whole is not None:
            whole.target, whole.rule = part.target, whole.rule + ":purpose-target"
            out.remove(part)
    return out


def taken_from_foe(cands: list[Candidate]) -> list[Candidate]:
    """ "Recaptured two towns after fierce clashes with X", "clashed with X and seized three villages": the
    ground taken in a fight is taken from the other side of that fight, where the seizure names nobody it
    was taken from. The fight is told in the seizure's own clause (a noun under it) or as a verb coordinated
    with it, by the same side."""
    for cand in cands:
        if cand.code[:3] != SEIZE_GROUND or cand.target is not None or cand.source is None:
            continue
        fight = next((c for c in cands if c.code[:2] == FIGHT_ROOT and c.target is not None
                      and c.source is not None and c.source.actor.code == cand.source.actor.code
                      and c.target.start != cand.source.start
                      and _told_with(c.trigger, cand.trigger)), None)
        if fight is not None:
            cand.target, cand.rule = fight.target, cand.rule + ":foe-target"
    return cands


def between_the_sides(cands: list[Candidate]) -> list[Candidate]:
    """ "X attacked Y, triggering clashes between the two sides": a fight noun whose parties are named only
    as "the two sides" (or "them") is between the two sides of the act whose clause it is in; one event
    each way, as a fight between named parties is."""
    out = list(cands)
    for cand in cands:
        noun = cand.trigger
        if cand.code[:2] != FIGHT_ROOT or noun.pos_ != "NOUN" or cand.target is not None or \
                not _between_the_sides(noun):
            continue
        act = next((c for c in cands if c is not cand and c.source is not None and c.target is not None
                    and c.code[:2] in VIOLENT_ROOTS | REPRESSION_ROOTS and _clause_of(noun, c.trigger)), None)
        if act is None or act.source is None or act.target is None:
            continue
        out.remove(cand)
        rule = cand.rule.replace(":light-verb", "") + ":between-sides"
        out.append(replace(cand, source=act.source, target=act.target, rule=rule))
        out.append(replace(cand, source=act.target, target=act.source, rule=rule + ":reverse"))
    return out


def _between_the_sides(noun: Token) -> bool:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            return any(p.dep_ == "pobj" and (p.lemma_.lower() in SIDE_WORDS or p.lower_ == "them")
                       for p in prep.children)
    return False


def _clause_of(noun: Token, verb: Token) -> bool:
    """The noun is the object of a participle or clause that hangs on ``verb`` ("attacked X, triggering
    clashes ..."), or of ``verb`` itself."""
    holder = noun.head
    return holder.i == verb.i or (holder.dep_ in ("advcl", "conj", "xcomp") and holder.head.i == verb.i)


def _told_with(fight: Token, act: Token) -> bool:
    """A fight noun in the act's clause ("took X after clashes with Y"), or verbs coordinated ("clashed
    with Y and took X", "took X and fought Y")."""
    if fight.pos_ == "NOUN":
        node = fight
        for _ in range(FIGHT_CLIMB):
            node = node.head
            if node.i == act.i:
                return True
            if node.pos_ in ("VERB", "AUX") and node.i != act.i and node.dep_ not in ("xcomp", "prep"):
                return _conjoined(act, node)
        return False
    return _conjoined(act, fight) or _conjoined(fight, act)


def _conjoined(second: Token, first: Token) -> bool:
    return bool(second.dep_ == "conj" and second.head.i == first.i)


def asked_or_promised(cands: list[Candidate]) -> list[Candidate]:
    """ "Called on the agency to keep providing aid", "vowed to go on helping the refugees": an act in the
    infinitive clause of an appeal, demand, intention or threat coded beside it is what is asked or
    promised, not an act of its own (the coder turns the act right under such a verb into the appeal; one
    more verb between them, "keep", "continue", left it standing as the act). Only where the appeal has its
    addressee: otherwise the act in the clause is all that names whom it is about."""
    asking = {c.trigger.i for c in cands if c.code[:2] in ASKING_ROOTS and c.target is not None}
    return [c for c in cands if c.code[:2] in ASKING_ROOTS or c.code[:2] == "01" or
            not _governed_by(c.trigger, asking)]


def _governed_by(tok: Token, heads: set[int]) -> bool:
    node = tok
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
        if node.i in heads:
            return True
    return False


def _purpose_clause(tok: Token) -> Token | None:
    """The purpose clause ("to urge X to ...") a trigger is, or is in through infinitives, if any."""
    node = tok
    for _ in range(3):
        if node.dep_ == "advcl":
            return node
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return None
        node = node.head
    return None


def protest_aim(cands: list[Candidate]) -> list[Candidate]:
    """ "Demonstrators gathered to urge the government to ...": an appeal or demand in the purpose clause of a
    protest is what the protest is for, not a second event."""
    out = list(cands)
    for aim in cands:
        if aim.code[:2] not in AIM_ROOTS:
            continue
        purpose = _purpose_clause(aim.trigger)
        heads = {purpose.head.i} if purpose is not None else set()
        protest = next((c for c in out if c.code[:2] == PROTEST_ROOT and (
            c.trigger.i in heads or _infinitive_of(aim.trigger, c.trigger))), None)
        if protest is None:
            continue
        out.remove(aim)
    return out


def _infinitive_of(tok: Token, protest: Token) -> bool:
    """An infinitive on the protest's verb ("rallied to demand X") or hung by the parser off a phrase of its
    clause ("rallied for weeks on end to demand X": "to demand" on a noun of the clause): the protest's
    purpose all the same."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) or \
            tok.dep_ not in ("relcl", "acl", "xcomp", "advcl"):
        return False
    node = tok.head
    for _ in range(4):
        if node.i == protest.i:
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False


def protest_not_by_repressor(cands: list[Candidate]) -> list[Candidate]:
    """ "Troops opened fire to break up a rally": the ones breaking up a protest did not hold it."""
    for cand in cands:
        if cand.code[:2] != PROTEST_ROOT or ":light-verb" not in cand.rule:
            continue
        if any(c.trigger.i == cand.trigger.head.i and c.code[:2] in REPRESSING_ROOTS for c in cands):
            cand.source, cand.rule = None, cand.rule.replace(":light-verb", "") + ":repressed"
    return cands


def _pobjs_exact(holders: list[Token], word: str) -> list[Token]:
    return [p for h in holders for prep in h.children if prep.dep_ == "prep" and prep.lower_ == word
            for p in prep.children if p.dep_ == "pobj"]


def conditional(cand: Candidate) -> bool:
    """An act in a clause of condition or doubt ("if they attacked", "whether she was hurt")."""
    node = cand.trigger
    for _ in range(3):
        if any(c.dep_ == "mark" and "condition" in _classes(c) for c in node.children):
            return True
        if (node.pos_ in ("VERB", "AUX") and node.dep_ != "xcomp") or node.head.i == node.i:
            return False  # an open clause is asked in its governor's clause ("if X asks us to send")
        node = node.head
    return False


def published(cand: Candidate) -> bool:
    """A text, a set of figures or a recording that is released ("released a white paper", "released new
    guidelines"): published, not a person or a thing set free (CAMEO 08)."""
    if cand.code[:2] != RELEASE_ROOT:
        return False
    released = [c for c in cand.trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if cand.trigger.dep_ == "acl":
        released.append(cand.trigger.head)  # "the figures released by the ministry"
    return any("publication" in _classes(t) for t in released)


def commercial(cand: Candidate) -> bool:
    """An act of force whose object is what a business sells or earns ("launched an attack on a rival's
    market share"): a metaphor of competition."""
    if cand.code[:2] not in VIOLENT_ROOTS | {"17"}:
        return False
    trigger = cand.trigger
    hit = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    hit += [p for h in [trigger, *hit] for p in _pobjs(h, frozenset({"on", "against", "into"}))]
    return any("commerce" in _classes(t) for t in hit)


def scoreline(cand: Candidate) -> bool:
    """Violence words around a match result written as digits split by a dash ("beat France 2-1"); or, when
    its sides can only be teams, anywhere in its sentence ("after a 4-0 thrashing their cup run was shot"): a
    sentence about a match, not violence."""
    if cand.code[:2] not in VIOLENT_ROOTS:
        return False
    if _team(cand.source) and _team(cand.target) and any(map(_match_score, cand.trigger.sent)):
        return True
    return any(_score(tok, 2) for tok in cand.trigger.subtree)


def _score(tok: Token, digits: int) -> bool:
    """Whether ``tok`` starts a score: two numbers of at most ``digits`` characters joined by a dash
    without spaces ("2-1")."""
    doc = tok.doc
    if not (tok.like_num and len(tok.text) <= digits and tok.i + 2 < len(doc)):
        return False
    dash, other = doc[tok.i + 1], doc[tok.i + 2]
    return dash.text in ("-", "–") and not tok.whitespace_ and not dash.whitespace_ and \
        other.like_num and len(other.text) <= digits


def _match_score(tok: Token) -> bool:
    """A match's score anywhere in a sentence: single digits ("a 2-0 defeat"), not a date ("on 3-4 May") nor
    a count of people ("killed 4-5 civilians")."""
    return _score(tok, 1) and tok.ent_type_ != DATE_ENT and tok.head.tag_ != "NNS"


def unknown_author(cand: Candidate) -> bool:
    """An act whose author is named but is no actor tidings knows ("the Lakers shot down the Celtics",
    "Amazon invaded the grocery market"): it is not an act by nobody, so it does not stand unnamed."""
    trigger = cand.trigger
    if cand.source is not None or trigger.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children):
        return False
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return any(s.pos_ == "PROPN" and s.ent_type_ not in ("GPE", "NORP", "LOC") for s in subjects)


def alleged(cand: Candidate) -> bool:
    """An act in the "of" complement of an allegation ("allegations of using force and targeting civilians"):
    what is alleged, not an act reported as fact (the allegation is the event)."""
    node = cand.trigger
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    prep = node.head if node.dep_ in ("pcomp", "pobj") else None
    if prep is None or prep.lower_ != "of":
        return False
    holder = prep.head  # the allegation, or a party it names ("allegations against X of ...")
    for _ in range(3):
        if "hearsay" in _classes(holder):
            return True
        if holder.pos_ in ("VERB", "AUX") or holder.head.i == holder.i:
            return False
        holder = holder.head
    return False


def _sector(ref: ActorRef | None) -> str | None:
    return None if ref is None else ref.actor.sector


def private_parties(cand: Candidate) -> bool:
    """An act of roots 01-13 by civilians or a company aimed at nobody political, or their travel."""
    if _sector(cand.source) not in PRIVATE_SECTORS:
        return False
    if cand.code in VISIT_CODES and _sector(cand.source) == CIVILIAN:
        return True  # a company's envoy to a capital may be on political business
    verbal = cand.code[:2] <= LAST_VERBAL_ROOT and cand.code not in PRIVATE_EVENTS
    return verbal and (cand.target is None or _sector(cand.target) in PRIVATE_SECTORS)


def in_date(cand: Candidate) -> bool:
    """A trigger the named-entity tagger reads as part of a date ("in March 2014")."""
    return bool(cand.trigger.ent_type_ == DATE_ENT)


def _team(ref: ActorRef | None) -> bool:
    """A side that can be a team in a game: a person, a civilian group, a firm, or a country named bare (its
    national team); not a state organ, an armed or political group or an international organisation."""
    if ref is None:
        return True
    actor = ref.actor
    return actor.sector in PRIVATE_SECTORS or (actor.sector is None and actor.code == actor.country)


def game(cand: Candidate) -> bool:
    """An act in a sentence set in a game ("Ruritania will meet Osterlich in the quarter-finals", "clashed
    with X in a qualifier") whose sides can only be teams: play, not a meeting or a fight (GUIDE sect. 1)."""
    if not any("sport" in _classes(t) for t in cand.trigger.sent if t.pos_ in ("NOUN", "PROPN")):
        return False
    return _team(cand.source) and _team(cand.target)


def titled(cand: Candidate) -> bool:
    """A trigger inside the name of a work or a law ("the film Invasion", "her novel The Siege", "the
    Prevention of Terrorism Act"): a name, not an act."""
    return cand.trigger.ent_type_ in TITLE_ENTS


def _work(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and "work" in _classes(tok)


def fiction(cand: Candidate) -> bool:
    """An act told in a work of fiction: under a clause whose subject is a film, a novel or a game ("the novel
    imagines a world in which X has invaded Y"), after "in the film", or in a work's title ("her novel The
    Siege", "the film, Invasion")."""
    node = cand.trigger
    for _ in range(FICTION_CLIMB):
        if node.dep_ == "appos" and _work(node.head):
            return True
        for child in node.children:
            if child.dep_ in ("nsubj", "compound", "appos") and _work(child):
                return True
            if child.dep_ == "prep" and child.lower_ == "in" and \
                    any(_work(p) for p in child.children if p.dep_ == "pobj"):
                return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def asked(cand: Candidate) -> bool:
    """An act asked about with a modal in a direct question ("Could the government ban cars?", "Will X attack
    Y?"): a possibility put to the reader, not an act reported."""
    if not cand.trigger.sent.text.rstrip(" \"'”’").endswith("?"):
        return False
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in cand.trigger.children)


def _figure_of_war(noun: Token) -> bool:
    """A word of war made a figure by its modifier ("a trade war", "a war of words")."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod")]
    mods += [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
             for p in prep.children if p.dep_ == "pobj"]
    return any("arena" in _classes(m) for m in mods)


def figurative(cand: Candidate) -> bool:
    """Force in a figure of speech: a violent act whose doer is a thing of money or policy ("the new tax hit
    poor families") or a figurative war ("a trade war that hit farmers"), or a word of war made a figure
    by its modifier, as the trigger or as what is waged ("waged a war of words")."""
    if cand.code[:2] not in VIOLENT_ROOTS:
        return False
    trigger = cand.trigger
    if trigger.pos_ in ("NOUN", "PROPN") and _figure_of_war(trigger):
        return True
    waged = [c for c in trigger.children if c.dep_ == "dobj"]
    if any(_figure_of_war(w) for w in waged):
        return True
    doers = [] if _by_a_person(trigger) else _doers(trigger)
    return any("abstract" in _classes(d) or _figure_of_war(d) for d in doers + _judged_for(trigger))


def _by_a_person(trigger: Token) -> bool:
    """A relative clause opened by "who": its doer is a person, whatever noun the parser hung it on ("an end
    to foreign rule, who shot the governor": not the rule)."""
    return trigger.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "whom")
                                           for c in trigger.children)


def _judged_for(trigger: Token) -> list[Token]:
    """The one a gerund's act is held against ("the checks have been criticised for targeting X", "rules
    known for hitting the poor"): the subject of the verb that governs "for" + the gerund, or the noun its
    relative clause describes."""
    prep = trigger.head if trigger.dep_ == "pcomp" else None
    if prep is None or prep.lower_ != "for" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = prep.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in subjects):
        return [verb.head]
    return subjects


def won_against_a_town(cand: Candidate) -> bool:
    """A verb of winning whose only other side is a place, by nobody or a team ("beating Leeds and Norwich",
    "beat the Red Sox in Boston"): clubs named by their towns, a match won; not an army that crushed an
    uprising in a town."""
    won = cand.trigger.lemma_.lower() in CONTEST_VERBS
    return won and ":place-target" in cand.rule and _team(cand.source)


def legal_battle(cand: Candidate) -> bool:
    """A fight or a battle whose other side is a court ("fought a long battle with the courts"): a case
    fought in court, no force."""
    if cand.code[:2] not in VIOLENT_ROOTS or _sector(cand.target) != "JUD":
        return False
    words = [cand.trigger] + [c for c in cand.trigger.children if c.dep_ == "dobj"]
    return any("fight" in _classes(w) for w in words)


def criticism(cand: Candidate) -> Candidate:
    """An attack on a thing said, decided or proposed is criticism (CAMEO 111), not force: "attacked the
    government's handling of the economy", "the plan came under attack from unions"."""
    if cand.code[:2] not in VIOLENT_ROOTS:
        return cand
    trigger = cand.trigger
    hit = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    hit += _pobjs(trigger, frozenset({"on", "against"}))
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "under":
        hit += [c for c in trigger.head.head.children if c.dep_ == "nsubj"]  # "the plan came under attack"
    if not any("stance" in _classes(t) for t in hit):
        return cand
    return replace(cand, code=CRITICISM, rule=cand.rule + ":criticism")


def _one_person(tok: Token) -> bool:
    return tok.tag_ == "NN" and "person" in _classes(tok)


def private_violence(cand: Candidate) -> bool:
    """Violence by one private person on one other or on nobody named ("the man attacked his neighbour with
    a knife", "a teenager shot a classmate"): a crime between private persons. Not with a weapon of war, nor
    on many victims or on a political actor."""
    placed = ":place-target" in cand.rule  # where it happened, not whom it hit
    if cand.code[:2] not in VIOLENT_ROOTS or (_sector(cand.target) not in (None, CIVILIAN) and not placed):
        return False
    trigger = cand.trigger
    if _sector(cand.source) not in (None, CIVILIAN) or not any(_one_person(d) for d in _doers(trigger)):
        return False
    if any("weapon" in _classes(t) for t in trigger.subtree) or means_of(trigger) is not None:
        return False
    unnamed = cand.target is None or placed
    hit = [c for c in trigger.children if c.dep_ == "dobj"] + _pobjs(trigger, frozenset({"on", "at"}))
    return all(_one_person(t) or (t.tag_ == "NN" and t.pos_ == "NOUN" and unnamed) for t in hit)


def travellers(cand: Candidate) -> bool:
    """A present participle of travel that describes its noun ("Russians travelling to Britain", "tourists
    visiting the city"): who the noun is, not a visit made."""
    trigger = cand.trigger
    return cand.code in VISIT_CODES and trigger.dep_ in ("acl", "csubj") and trigger.tag_ == "VBG"


def going_home(cand: Candidate) -> bool:
    """Travel home or back ("the expelled envoys flew home to Riga", "the team headed back to Lima"): a
    return, not a visit to the place."""
    if cand.code not in VISIT_CODES:
        return False
    return any("homeward" in _classes(c) and c.dep_ in ("advmod", "npadvmod", "prt", "dobj")
               for c in cand.trigger.children)


def migrants_travel(cand: Candidate) -> bool:
    """Civilians or migrants going, or meaning to go, to a country or a town ("thousands of migrants hope
    to reach Germany", "villagers travelled to the capital"): travel and migration, not a visit to a
    government, nor an intent to meet one (the place names no one to meet)."""
    if cand.code not in VISIT_CODES | {INTENT_TO_MEET}:
        return False
    if _sector(cand.source) not in (CIVILIAN, "REF") or cand.target is None:
        return False
    return cand.target.actor.sector is None and cand.target.actor.code == cand.target.actor.country


def stance_taken(cand: Candidate) -> bool:
    """A position taken as a stance, not ground ("the position taken by Hungary", "its position on the
    bill", "a position over the dam"): one position, described as someone's or as being on a topic."""
    if cand.code[:2] != "19":
        return False
    trigger = cand.trigger
    taken = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ == "acl":
        taken.append(trigger.head)
    return any(_stance_noun(t, described=t.i == trigger.head.i) for t in taken)


def _stance_noun(noun: Token, *, described: bool) -> bool:
    if noun.tag_ != "NN" or "viewpoint" not in _classes(noun):
        return False
    if described:
        return True  # "the position taken by X"
    return any((c.dep_ == "prep" and c.lower_ in TOPIC_PREPS) or (c.dep_ == "poss" and c.tag_ == "PRP$")
               for c in noun.children)


def market_demand(cand: Candidate) -> bool:
    """Demand as a market's ("an increased demand for fertiliser", "consumer demand"): no one demands."""
    trigger = cand.trigger
    if cand.code[:2] != DEMAND_ROOT or trigger.pos_ != "NOUN" or trigger.tag_ != "NN":
        return False
    return any("market" in _classes(m) for m in trigger.children if m.dep_ in ("amod", "compound"))


def firm_force(cand: Candidate) -> bool:
    """Force used by a company on nobody political ("the firm captured the dust", "fired a warning shot at
    rivals"): firms compete, they do not fight (GUIDE section 1: business acts are no events)."""
    return cand.code[:2] in VIOLENT_ROOTS and _sector(cand.source) == "BUS" and \
        _sector(cand.target) in (None, "BUS", CIVILIAN)


def own_mission(cand: Candidate, actors: Actors) -> bool:
    """A visit to the visitor's own country's embassy or mission abroad ("the minister visited the Portuguese
    embassy in Vienna"): a stop among one's own, not a visit to another party."""
    if cand.code not in VISIT_CODES or cand.source is None or cand.source.actor.country is None:
        return False
    places = [c for c in cand.trigger.children if c.dep_ == "dobj"] + _pobjs(cand.trigger, frozenset({"to"}))
    for place in places:
        if "mission" not in _classes(place):
            continue
        owners = [ref.actor.country for ref in actors(place)]
        owners += [ref.actor.country for m in place.children if m.dep_ in ("amod", "compound", "poss")
                   for ref in actors(m)]
        if cand.source.actor.country in owners:
            return True
    return False


def harm_of_crime(cand: Candidate, crimes: list[Candidate]) -> bool:
    """Harm by nobody named that a crime between private persons in its sentence caused ("the boy was hurt
    when a man attacked the car"): the crime's harm, no act of its own."""
    return _casualty(cand) and cand.source is None and \
        any(_linked_any(cand.trigger, crime.trigger) for crime in crimes)


def festive(cand: Candidate, is_protest: Callable[[Token], bool]) -> bool:
    """A crowd that marches or gathers for a parade, a festival, a race or a pilgrimage, aimed at nobody and
    with no word of protest in its sentence ("crowds marched through the city for the carnival parade")."""
    if cand.code[:2] != PROTEST_ROOT or cand.target is not None:
        return False
    sent = [t for t in cand.trigger.sent if t.i != cand.trigger.i]
    if not any("festivity" in _classes(t) for t in sent if t.pos_ in ("NOUN", "PROPN")):
        return False
    return not any(is_protest(t) for t in sent if t.pos_ in ("NOUN", "PROPN"))


def private_crime(cand: Candidate) -> bool:
    """Hand-to-hand violence (an assault, a rape, a murder) by nobody named, on a civilian or nobody."""
    if cand.code not in PRIVATE_CRIME_CODES or cand.source is not None or STATE_ACT in cand.rule:
        return False  # "two men were executed": the state's act (lexicon flag ``state``)
    return cand.target is None or cand.target.actor.sector == CIVILIAN


def private_acts(cands: Iterable[Candidate]) -> frozenset[int]:
    """The triggers of the candidates that are crimes between private persons (:func:`private_crime`,
    :func:`private_violence`): no event, so that a saying that reports one reports no event."""
    return frozenset(c.trigger.i for c in cands if private_crime(c) or private_violence(c))


# Candidates that are no event (each predicate's docstring says why), tried in this order.
NO_EVENT: tuple[Callable[[Candidate], bool], ...] = (
    descriptive, averted, conditional, commercial, unknown_author, scoreline, alleged, accidental_harm,
    private_crime, private_violence, in_date, private_parties, game, titled, fiction, asked, figurative,
    travellers, market_demand, firm_force, published, won_against_a_town, legal_battle)
NO_EVENT += (habitual, going_home, stance_taken, migrants_travel)  # (session 12)


def refine(cands: list[Candidate], is_protest: Callable[[Token], bool], actors: Actors) -> list[Candidate]:
    """The second pass (module docstring) over the candidates of one sentence."""
    crimes = [c for c in cands if private_violence(c)]
    kept = [c for c in cands if not any(no_event(c) for no_event in NO_EVENT) and not festive(c, is_protest)
            and not own_mission(c, actors) and not harm_of_crime(c, crimes)]
    kept = [threat_target(left_victims(by_means(protest_target(crowd_source(criticism(c)), is_protest)),
                                       actors), actors) for c in kept]
    kept = between_parties(one_unnamed_act(merge_casualties(kept)), actors)
    kept = protest_aim(asked_or_promised(protest_not_by_repressor(join_halves(kept))))
    kept = taken_from_foe(between_the_sides(kept))
    return [by_dyad(c) for c in kept]
