"""Dependency patterns that turn a parsed sentence into dyadic CAMEO events.

For every trigger (a verb or an event noun the lexicon knows) the coder finds:

* the **source**: the subject (``nsubj``), the passive agent ("was attacked *by* X"), the controller of an
  infinitive ("X wants *to* attack"), the subject of the first conjunct ("X attacked A and *took* B"), or an
  actor inside the event noun phrase ("the *Israeli* shelling", "*Russia's* sanctions"); for a participle
  set off at the end of a said-clause whose subject is no actor, the speaker ("X said the talks had
  stalled, *urging* Y to return");
* the **target**: the direct object, a dative ("gave *Israel* arms"), the object of the preposition the
  lexicon entry names ("talks *with* X", "sanctions *against* X") or, failing that, of any preposition that
  marks a target; the passive subject; the object the verb shares with the next verb of its list
  ("*condemned* and sanctioned Iran"); as a last resort the country of the place where it happened
  ("met *in Zurich*"), PETRARCH's convention;
* one event per actor pair and direction. Coordinated actors give one event per pair. "X met Y" is one
  event, X -> Y (040: the subject is the source, PETRARCH's convention); parties coordinated as the subject
  of a meeting with no object ("X and Y met", "X and Y held a summit") and the parties of "talks between X
  and Y", "clashes between X and Y" or "fighting between X and Y" give one event each way, as PLOVER
  puts all participants of a consultation in its actor field; negotiations ("held talks with Y") carry the
  lexicon's ``reverse`` code and are coded both ways; a visit is the visitor -> host (042), and the host
  -> visitor (043) only where the host is told acting ("hosted", "welcomed");
* events of material conflict with no side named ("a grenade exploded in Davao", "shops were looted") come
  back with no source and no target (rule ``...:anonymous``): :mod:`tidings.events.sides` places them or drops
  them;
* words of violence that report none are dropped: a natural force or an accident as the cause, a match, an
  effigy (``data/words.tsv``); "spoke to reporters" is a statement (010), not a meeting; an execution
  told with no doer ("were executed") is the state's act (lexicon flag ``state``), not a private crime;
* a statement coded by its content: "X said Y's act was a violation" accuses Y (112), "X said Y's act was
  illegal" criticises Y (111; ``data/words.tsv`` classes ``wrong`` and ``censure``);
* modality: "X urges Y to V" is an appeal by X to Y, "X demanded that Y V" and "X said Y must V" a demand
  (CAMEO 10), "X wants to attack Y" a threat, "X plans to help Y"
  an intent to cooperate, "X sent a letter to Y to praise him" is the praise (the vehicle verb yields).

The coder returns :class:`Candidate` records (token-level); the pipeline turns them into :class:`Event`.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from tidings.actors.kb import name_variant
from tidings.events.discourse import Discourse
from tidings.events.lexicon import singular, word_classes
from tidings.events.ontology import is_code
from tidings.mentions.pairs import next_pair, pair_actors, pair_nouns
from tidings.nlp.memo import per_doc
from tidings.record import Actor

Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span
ResolveWords = Callable[[list[str], "dt.date | None"], "Actor | None"]

SUBJECTS = frozenset({"nsubj", "csubj"})
THIRD_PERSON = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
                          "itself", "they", "them", "their", "theirs", "themselves"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# Who speaks from inside a quotation: the subject of the verb of saying that reports it.
FIRST_PERSON = frozenset({"we", "i"})
# How a quoted or reported clause hangs off the verb of saying that reports it.
QUOTED_DEPS = frozenset({"ccomp", "conj", "advcl", "xcomp", "parataxis"})
TARGET_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "upon", "for", "over")
SAME_SUBJECT_PREPS = frozenset({"after", "before", "while", "since", "upon", "by", "on", "without", "through",
                                "despite", "when"})
# Roots whose target may be the place where it happened (PETRARCH's convention): meetings and visits,
# protests, force posture, coercion and attacks. A statement made in Doha is not a statement to Qatar.
PLACE_TARGET_ROOTS = frozenset({"04", "09", "14", "15", "17", "18", "19", "20"})
# Comments about an incident ("condolences for the victims of the floods in Nepal", "claimed the bombing in
# Kabul"): the place of the incident stands for the one addressed.
INCIDENT_CODES = frozenset({"015", "018"})
INCIDENT_PREPS = frozenset({"for", "over", "after", "about", "on"})
VISIT_CODES = frozenset({"042", "043"})
# Forms of address before a surname: "Mr Trump" is still Donald Trump.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "madam",
                        "monsieur", "madame", "herr", "frau", "señor", "senor", "sheikh", "sheik", "mister"})
# Verbs of winning: between two named people they report a contest, not violence.
CONTEST_VERBS = frozenset({"beat", "defeat", "crush", "trounce", "thrash", "edge", "rout"})
# Violence verbs that a named politician mostly uses in words.
FIGURATIVE_FIGHTS = frozenset({"attack", "clash", "battle", "fight", "hit", "target", "spar", "feud"})
# "gave X permission to act": the one given the licence is the one who acts.
PERMISSION_NOUNS = frozenset({"permission", "approval", "authority", "authorisation", "authorization",
                              "right", "go-ahead", "licence", "license", "mandate", "order", "instruction"})
# Light verbs of taking part: attending a meeting held in another country is a visit to it.
ATTEND_VERBS = frozenset({"attend", "join", "travel", "go", "fly", "head"})
# An event noun governed by these prepositions is what something is about, not an event reported.
BACKGROUND_PREPS = frozenset({"of", "on", "about", "over", "for", "regarding", "concerning"})
# Statement verbs whose object is the person addressed ("told the minister"); for "say", "announce" and the
# like the object is what was said.
ADDRESSING_VERBS = frozenset({"tell", "brief", "inform", "notify", "assure", "reassure", "remind", "update",
                              "address", "warn", "urge", "thank"})
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "UAF", "SPY", "CRM"})
# Collective nouns that take their kind from a modifier ("a Chinese medical team", "a rebel unit").
GROUP_NOUNS = frozenset({"team", "group", "delegation", "unit", "mission", "body", "force", "contingent",
                         "crew", "squad", "panel", "committee", "council", "coalition", "alliance", "camp",
                         "side", "faction", "wing", "member", "representative", "leader", "chief", "head",
                         "movement", "office"})
# Last resort for a target when the entry names no preposition ("departed from X", "pulled out of X").
FALLBACK_TARGET_PREPS = ("from", "of", "about", "into", "through", "across", "near")
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
# Prepositions that aim an act of violence at what follows ("fired rockets towards X").
AIMED_AT = frozenset({"towards", "toward", "at", "on", "into", "against", "upon"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that say where a group named by kind belongs: "police in Lagos", "the mayor of Lagos".
LOCAL_PREPS = frozenset({"in", "of"})
SKIP_IN_PHRASE = frozenset({"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis", "prep"})

# Verbs that govern an infinitive and change what the embedded event means.
APPEAL_VERBS = frozenset({"urge", "ask", "call", "appeal", "press", "request", "implore", "beg", "encourage",
                          "invite", "exhort", "want", "need", "expect", "demand"})
INTENT_VERBS = frozenset({"want", "plan", "intend", "hope", "seek", "aim", "wish", "offer", "propose"})
# Promises: an intent when what is promised is cooperation; a promised coercive act stays the act's code.
PROMISE_VERBS = frozenset({"pledge", "promise", "vow", "undertake"})
# "warned against attacks", "protect against strikes": what one guards against has not happened.
GUARD_VERBS = frozenset({"warn", "caution", "advise", "protect", "guard", "defend", "insure", "safeguard",
                         "deter", "shield"})
# "X claimed (that) X attacked Y" is a claim of responsibility; "X said Y attacked Z" accuses Y.
CLAIM_VERBS = frozenset({"claim", "admit", "acknowledge", "confess"})
ACCUSING_VERBS = frozenset({"say", "claim", "allege", "charge", "insist", "state", "declare", "announce"})
# "X admitted (that) its troops fired on Y": the firing is told as fact, and X acknowledges it (015).
ADMITTING_VERBS = CLAIM_VERBS - ACCUSING_VERBS
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
# The rule suffix of a statement whose addressee a participle of speaking names ("Speaking to X, Y said").
ADDRESSED = ":addressed"
# Verbs whose subject a pronoun subject of the reported clause most often is ("X said it would ...").
SPEAKING_VERBS = ACCUSING_VERBS | frozenset({"deny", "add", "tell", "warn", "vow", "promise", "pledge",
                                             "insist", "confirm", "report", "stress"})
THREAT_VERBS = frozenset({"threaten", "vow", "warn"})
# "X and Y deepened their partnership": a relationship between coordinated actors goes both ways.
RELATION_NOUNS = frozenset({"tie", "relation", "relationship", "partnership", "cooperation", "alliance",
                            "friendship", "dialogue", "collaboration"})
RECIPROCAL_LEMMAS = frozenset({"meet", "talk", "negotiate", "clash", "fight", "confer", "consult",
                               "cooperate", "collaborate", "discuss", "skirmish", "battle", "exchange",
                               "agree", "sign"})

# Roots of material conflict (protest, force posture, coercion, assault, fight, mass violence): the act is
# clear without its author ("were arrested", "a grenade exploded"), so it is kept with no side named and the
# pipeline places it (tidings.events.sides).
ANONYMOUS_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
# The last root of verbal acts (statements, appeals, intents, consultations ... threats): 14 on are material.
VERBAL_ROOT_MAX = "13"
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
MASS_VIOLENCE = "20"  # CAMEO root of mass violence: a massacre named beside its killing codes it
HARM_ROOTS = VIOLENT_ROOTS | {"17"}  # violence and coercion: the acts whose effects and kin are one family
# Where an event noun with no actor still reports an event: as a clause's subject or object, or as the
# cause of what happened ("killed in a blast", "during the shelling").
# What a verb does not share with the next verb of its list (its own object, clause or party), and what may
# stand between two verbs that share an object ("arrested and later released X"): grammar, not vocabulary.
SHARING_BLOCKERS = frozenset({"dobj", "ccomp", "xcomp", "dative", "agent", "attr", "oprd", "acomp", "pobj"})
SHARING_GLUE = frozenset({"CCONJ", "ADV", "PUNCT"})
GERUND_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "ROOT"})
# Rule suffix of an act only a state carries out, told with no doer named (lexicon flag ``state``).
STATE_ACT = ":state"
REPORTED_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "ROOT", "attr", "appos", "conj"})
CAUSE_PREPS = frozenset({"in", "during", "by", "after", "amid"})
# Appeals and demands: whom the act asked for is owned by is whom it is asked of (_asked_of).
ASKING_ROOTS = frozenset({"02", "10"})
# Where a blast happened when it is told at a venue (_at_venue): "tore through a mosque", "at a checkpoint".
VENUE_PREPS = frozenset({"at", "in", "inside", "outside", "near", "through", "on"})
# Before a noun of a long-running state (words.tsv class era): the time of another act ("laid during the
# war").
ERA_PREPS = frozenset({"during", "throughout", "since", "before", "until"})
# A score ("3-1", "2–0"): the clause reports a match.
SCORE_SHAPES = frozenset({"d-d", "d–d", "dd-d", "d-dd", "dd-dd"})

# A visit by these sectors is aid: a medical team or relief workers arriving in a country.
AID_SECTORS = {"HLH": "073", "NGO": "073"}

# CAMEO families used by the modality rules: root of the embedded event -> code.
APPEAL_BY_ROOT = {"03": "020", "04": "026", "05": "022", "06": "021", "07": "023", "08": "025",
                  "15": "021", "17": "021", "18": "021", "19": "021", "20": "021"}
# A refused or negated act of cooperation is a rejection (CAMEO 12).
REJECT_BY_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "121", "08": "124"}
INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# The same kinds, one level down (CAMEO codebook): intending, asking for or refusing economic aid keeps
# "economic", releasing prisoners keeps "release", and so on. Keyed by the first three digits of the act.
_KINDS = {"061": "1", "062": "2", "063": "3", "064": "4", "071": "1", "072": "2", "073": "3", "074": "4",
          "081": "1", "082": "2", "084": "3", "085": "4", "086": "5", "087": "6"}
INTENT_BY_CODE = {k: ("031" if k[:2] == "06" else "033" if k[:2] == "07" else "035") + v
                  for k, v in _KINDS.items()} | {"083": "034"}
APPEAL_BY_CODE = {k: ("021" if k[:2] == "06" else "023" if k[:2] == "07" else "025") + v
                  for k, v in _KINDS.items()} | {"083": "024"}
REJECT_BY_CODE = {"061": "1211", "071": "1211", "062": "1212", "072": "1212", "083": "123"} | {
    k: "124" + v for k, v in _KINDS.items() if k[:2] == "08"}
# Demands (CAMEO 10) mirror appeals (02) one for one, except where the codebook gives a demand its own code.
DEMAND_VERBS = frozenset({"demand", "insist"})
DEMAND_BY_APPEAL = {"020": "100", "022": "102", "025": "105", "026": "108", "027": "100", "028": "105"}
DEMAND_BY_ACT = {"0871": "107", "087": "106"}  # a ceasefire, a withdrawal demanded
OBLIGING_AUX = frozenset({"must", "should"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})  # acts done in words
REASON_PREPS = frozenset({"over", "because", "due", "owing"})
JUDGING_ROOTS = frozenset({"05", "11", "12"})  # praise, criticism, rejection: aimed at whoever did the act
AID_GIVING = frozenset({"070", "071", "072", "073", "074", "033"})  # aid given or promised: whom it is for
# Expulsions (CAMEO 166x, 174): the state they are from is the one that expels (_expelled_from).
EXPULSIONS = frozenset({"166", "174"})
# Prepositions of the place aid goes to (_aid_destination): "sent aid to Gaza", "dropped food over X".
AID_DESTINATION_PREPS = frozenset({"to", "into", "over"})
THREAT_BY_ROOT = {"16": "130", "17": "137", "18": "138", "19": "138", "20": "138", "11": "130", "12": "130"}
# A cut in relations announced as coming is a threat of it (CAMEO 131x-136), one for one.
THREAT_BY_CUT = {"160": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
                 "166": "136"}


@dataclass(slots=True)
class ActorRef:
    actor: Actor
    start: int  # token indices in the sentence Doc
    end: int


@dataclass(slots=True)
class Candidate:
    trigger: Token
    code: str
    source: ActorRef | None
    target: ActorRef | None
    rule: str
    place: Token | None = None  # head token of a place phrase attached to the event
    anchor: Token | None = None  # the token whose modality and attribution the event shares (a vehicle verb)


class SentenceCoder:
    """Codes one parsed sentence; stateless apart from the article's discourse it reads and feeds."""

    def __init__(self, lexicon: Any, resolve_words: ResolveWords, when: dt.date | None,
                 discourse: Discourse, role_word: Callable[[str], bool] | None = None,
                 place_country: Callable[[str], str | None] | None = None,
                 lemmas: dict[str, str] | None = None, abroad: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.resolve_words = resolve_words
        self.when = when
        self.discourse = discourse
        self.role_word = role_word or (lambda word: False)
        self.place_country = place_country or (lambda name: None)
        self.lemmas = lemmas or {}
        # trigger indices of the last sentence's crimes between private persons, which refine drops: a
        # saying that reports one is a statement of its own (statements.one_sided_statements)
        self.private_acts: frozenset[int] = frozenset()
        self.abroad = abroad  # roles held abroad ("embassy", "ambassador": actors/data/abroad.tsv)
        self._cache: dict[int, list[ActorRef]] = {}
        self._resolving: set[tuple[int, frozenset[str]]] = set()
        self._doc: Any = None

    def is_role(self, head: Token) -> bool:
        """A noun that names a kind of actor ("troops", "team", "officials"), not a thing or an act."""
        return head.pos_ in ("PROPN", "PRON") or self.role_word(head.lemma_.lower()) or \
            self.role_word(head.lower_) or head.lemma_.lower() in GROUP_NOUNS or self._role_phrase(head)

    def _names_actor(self, appos: Token) -> bool:
        """An apposition headed by no role word that names an actor of its own ("the hometown of X"). (Also
        refusing a generic role word that only modifies another noun, "a marine biologist", lost a matched
        event of the blind draw-4 test part: withdrawn; a biologist is a private role in apposition.)"""
        actor = self.resolve_words([t.text for t in _phrase_tokens(appos)], self.when)
        return actor is not None

    def _titled_person(self, head: Token, actor: Actor) -> bool:
        """A capitalised name the parser took for a common noun ("Fuentes said") that is the surname of a
        person the article introduced by a title of no known country ("Interior Minister Ana Fuentes"): the
        person, not a role word modifying a thing."""
        return head.text[:1].isupper() and head.text.isalpha() and self.discourse.is_person(actor) and \
            head.lower_ in actor.name.lower().split()

    def _role_phrase(self, head: Token) -> bool:
        """A head that ends a two-word role phrase of the sector data ("tribal elders", "coast guard",
        "district attorney") although it names no actor alone."""
        if head.i == 0:
            return False
        before = head.doc[head.i - 1]
        return before.head.i == head.i and before.dep_ in ("amod", "compound") and \
            self.role_word(f"{before.lower_} {head.lemma_.lower()}")

    # ------------------------------------------------------------------ actors
    def actors(self, head: Token, *, exclude: frozenset[str] = frozenset()) -> list[ActorRef]:
        """Actors named by the noun phrase headed by ``head``, one per coordinated member.

        Members are the head's conjuncts, conjuncts of a word inside the phrase (a misparsed "Barack Obama
        and Vladimir Putin" hangs "Putin" off "Obama"), and an apposition that itself starts a list
        ("The US, Russia, and Switzerland").
        """
        out: list[ActorRef] = []
        for member in _members(head):
            out.extend(self._member(member, exclude))
        return out

    def _member(self, head: Token, exclude: frozenset[str]) -> list[ActorRef]:
        key = head.i
        if not exclude and key in self._cache:
            return self._cache[key]
        if (key, exclude) in self._resolving:
            return []  # a phrase whose resolution needs itself (a pronoun inside its own antecedent)
        self._resolving.add((key, exclude))
        try:
            return self._member_uncached(head, exclude)
        finally:
            self._resolving.discard((key, exclude))

    def _member_uncached(self, head: Token, exclude: frozenset[str]) -> list[ActorRef]:  # noqa: C901
        key = head.i
        counted = _counted(head)
        if counted is not None:  # "hundreds of protesters", "a group of gunmen": the counted noun acts
            return self.actors(counted, exclude=exclude)
        owner = _holder_of(head)
        if owner is not None:  # "the army's positions", "their outposts": the side that holds them
            return self.actors(owner, exclude=exclude)
        refs: list[ActorRef] = []
        if head.lower_ in ("they", "them", "their", "themselves"):
            group = self._coordinated_before(head, exclude)  # "Chile and Peru said they would ..."
            if group:
                refs = [ActorRef(_retext(r.actor, head.text), head.i, head.i + 1) for r in group]
                if not exclude:
                    self._cache[key] = refs
                return refs
        kind = _pair_kind(head)
        if kind is not None:  # "both sides", "the two countries": the two parties named just before
            refs = self._pair(head, kind, exclude)
            if not exclude:
                self._cache[key] = refs
            return refs
        if "locale" in _classes(head):
            return []  # "the streets of X", "the university area": where it happened, nobody acting
        if head.pos_ == "PRON" or head.lower_ in ("he", "she", "they", "him", "her", "them", "it"):
            owner = self._own_object(head)
            actor = self._pronoun(head, exclude) if owner is None else owner
            if actor is not None and actor.code in exclude:
                actor = None  # "China defended its rights": the subject's own, no other party
            if actor is not None and exclude and head.tag_ == "PRP$":
                here = {r.actor.code for r in self._mentions_before(head)}
                if actor.code not in here and here & exclude:
                    actor = None  # "Iran condemned the attack on its embassy": not someone named before
            if actor is not None:
                refs.append(ActorRef(_retext(actor, head.text), head.i, head.i + 1))
        else:
            for words, start, end in self._variants(head):
                actor = self.resolve_words(words, self.when) or self.discourse.phrase(words, exclude=exclude)
                if actor is None:
                    # (an apposition that names no actor by its head says what, not who: "Davao, the
                    # hometown of X" is no X)
                    appos = [c for c in head.children if c.dep_ == "appos" and (
                        self.is_role(c) or self._names_actor(c))]
                    for a in appos:
                        a_words, _, _ = self._phrase(a)
                        actor = self.resolve_words(a_words, self.when)
                        if actor is not None:
                            break
                if actor is not None and actor.code.startswith("---") and not self.is_role(head) and \
                        not self._titled_person(head, actor):
                    actor = None  # "military support": a role word that only modifies a non-role noun
                if actor is not None and head.dep_ == "amod" and "manner" in _classes(head):
                    actor = None  # "his official visit": how the act was done, not who did it
                if actor is not None and self._other_namesake(head, actor):
                    actor = None  # "Michelle Obama" is not Barack Obama
                if actor is not None and self._team_name(head, actor):
                    actor = None  # "the Cleveland Indians" are a baseball team, not India
                if actor is not None:
                    actor = self._not_new_x(words, actor)
                if actor is not None and actor.sector is not None:
                    actor = self._owned(head, actor)  # "Iran condemned the attack on its embassy"
                if actor is not None and actor.code.startswith("---"):
                    actor = self._localise(head, actor)  # "a court in Guyana" -> GUYJUD
                if actor is not None and actor.code.startswith("---") and actor.sector and any(
                        w.lower() == "the" for w in words[:1]):
                    # "the army", "the government": the one of that kind the article named before
                    actor = self.discourse.same_kind(actor, words) or actor
                # ``exclude`` keeps one named actor off both sides; two groups named by one kind
                # ("militants clashed with Kurds": ---REB both) are two parties
                if actor is not None and (actor.code not in exclude or actor.code.startswith("---")):
                    if words == [t.text for t in head.doc[start:end]]:
                        actor = _retext(actor, _span_text(head.doc[start:end]))  # "President-elect X"
                    refs.append(ActorRef(actor, start, end))
        if not exclude:
            self._cache[key] = refs
        return refs

    def _voiced(self, verb: Token, sources: list[ActorRef]) -> list[ActorRef]:
        """The speaker instead of the country a statement's content names as its subject, when the speaker
        is that country's government ("Russia's foreign ministry spokeswoman said Russia is concerned",
        "she added that Russia rejects ..."): what a government official says the country holds is the
        official's statement (the gold guide, section 4: the source of a statement is its speaker)."""
        head = _reporting_head(verb.head if verb.dep_ in ("acomp", "xcomp") else verb)  # "is concerned"
        if head is None or head.lemma_.lower() not in SPEAKING_VERBS:
            return sources
        voices = self._subjects(head)
        if len(voices) != 1 or voices[0].actor.sector != "GOV":
            return sources
        country = voices[0].actor.country
        if country is None or not all(s.actor.code == s.actor.country == country for s in sources):
            return sources
        return voices

    def _owned(self, head: Token, actor: Actor) -> Actor:
        """A role owned by "its"/"their" ("its embassy", "their troops"): of the country that owns it in the
        sentence itself (the subject whose object it is, else the nearest country or group of a country
        named before it), rather than of one named in an earlier sentence."""
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if poss is None:
            return actor
        owner = self._own_object(poss)
        if owner is None:
            before = [r.actor for r in self._mentions_before(poss) if not self.discourse.is_person(r.actor)]
            owner = before[-1] if before else None
        sector = actor.sector
        if owner is None or owner.country is None or owner.country == actor.country or sector is None:
            return actor
        name = f"{self.discourse.country_names.get(owner.country, owner.country)} {sector.lower()}"
        return Actor(actor.text, name, owner.country + sector, owner.country, sector)

    def _own_object(self, tok: Token) -> Actor | None:
        """The subject of a verb whose direct object ``tok`` is the possessive "its" or "their" of ("X
        defended its decision", "to defend their rights"), when it is one actor of no person: the thing done
        to is the subject's own."""
        obj = tok.head
        if tok.lower_ not in ("its", "their") or tok.dep_ != "poss" or obj.dep_ != "dobj" or \
                obj.head.i == obj.i or obj.head.dep_ == "pcomp":
            return None  # ("accused X of violating its borders": the accuser's borders)
        found = [r.actor for r in self._subjects(obj.head)]
        if len(found) != 1 or self.discourse.is_person(found[0]):
            return None
        return found[0]

    def _pronoun(self, tok: Token, exclude: frozenset[str]) -> Actor | None:
        if tok.lower_ in FIRST_PERSON:
            return self._quoting_speaker(tok, exclude)  # '"We urge ...," the ministry said'
        if tok.lower_ not in THIRD_PERSON:
            return None  # "you" speaks from inside a quote: no antecedent in the text
        # An earlier actor of the same sentence first ("Kim sent a letter to Putin to praise him").
        word = tok.lower_
        personal_word = word in ("he", "him", "his", "she", "her", "himself", "herself")
        speaker = self._speaker(tok, personal_word, exclude)
        if speaker is not None:
            return speaker  # "Peru denied ..., saying it had withdrawn": the one who speaks
        for ent in reversed([e for e in tok.doc.ents if e.label_ == "PERSON" and e.end <= tok.i]):
            if personal_word and not any(r.start <= ent.root.i < r.end for r in self._mentions_before(tok)):
                # the nearest person named before the pronoun is one we cannot code: do not guess past them
                return None
            break
        said = _said_by(tok)  # '"...," it said': "it" speaks (Discourse.pronoun)
        before = list(reversed(self._mentions_before(tok)))
        if word in ("they", "them", "their", "themselves"):
            # "militants backed by Ankara ... they": a group named in the plural before a state
            before.sort(key=lambda r: tok.doc[r.end - 1].tag_ not in ("NNS", "NNPS"))
        for ref in before:
            actor = ref.actor
            if actor.code in exclude:
                continue
            personal = self.discourse.is_person(actor)
            if word in ("he", "him", "his", "she", "her", "himself", "herself") and not personal:
                continue
            if word in ("it", "its", "they", "them", "their", "themselves") and personal:
                continue
            return actor
        return self.discourse.pronoun(word, exclude=exclude, speaking=bool(said))

    def _speaker(self, tok: Token, personal: bool, exclude: frozenset[str]) -> Actor | None:
        """The subject of a verb of saying whose reported clause has ``tok`` as its subject ("X said it
        would ...", "X denied ..., saying it had ..."), when it is one actor of the pronoun's kind."""
        if tok.dep_ not in SUBJECTS or tok.lower_ not in ("he", "she", "it", "they"):
            return None
        node = tok.head
        for _ in range(3):
            if node.dep_ not in ("ccomp", "advcl", "xcomp", "conj") or node.head.i == node.i:
                return None
            node = node.head
            if node.lemma_.lower() in SPEAKING_VERBS:
                found = [r.actor for r in self._subjects(node) if r.start < tok.i]
                if len(found) == 1 and found[0].code not in exclude and \
                        self.discourse.is_person(found[0]) == personal:
                    return found[0]
                return None
        return None

    def _intends_act(self, verb: Token) -> bool:
        """A verb of intent or a word of readiness whose open clause is an act the lexicon knows ("we want
        to negotiate", "we are ready to hold talks"): the subject's own act, intended."""
        heads = [verb] + [c for c in verb.children if c.dep_ == "acomp" and _willing(c)]
        if not (verb.lemma_.lower() in INTENT_VERBS | PROMISE_VERBS or len(heads) > 1):
            return False
        return any(c.dep_ == "xcomp" and self.lexicon.candidates(c.lemma_.lower())
                   for head in heads for c in head.children)

    def _quoting_speaker(self, tok: Token, exclude: frozenset[str]) -> Actor | None:
        """The one who speaks a first-person subject ("we", "I") of a clause a verb of saying reports, before
        or after it: '"We urge X to ...," the coast guard said', 'the minister said: "I will not resign"'."""
        if tok.dep_ not in SUBJECTS | PASSIVE_SUBJECTS or not (
                self.lexicon.candidates(tok.head.lemma_.lower()) or self._intends_act(tok.head)):
            return None  # "we saw that ...": the speaker's own acts only, not what the speaker tells of
        node = tok.head
        for _ in range(3):
            if node.dep_ not in QUOTED_DEPS or node.head.i == node.i:
                return None
            node = node.head
            if node.lemma_.lower() in SPEAKING_VERBS:
                from tidings.events.statements import political  # statements imports coder
                found = [r.actor for r in self._subjects(node)]
                if len(found) == 1 and found[0].code not in exclude and political(found[0]):
                    return found[0]  # a resident's "we" is the residents', not coded (GUIDE section 4)
                return None
        return None

    def _coordinated_before(self, tok: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """The actors of the nearest coordinated noun phrase ("X and Y") before ``tok``.

        A list the pronoun itself belongs to ("killed 20 people and themselves") is not its antecedent:
        resolving it would ask for the pronoun again.
        """
        for t in reversed(tok.doc[: tok.i]):
            if t.pos_ in ("PROPN", "NOUN") and t.dep_ != "conj" and any(c.dep_ == "conj" for c in t.children):
                if tok in t.conjuncts or any(tok in c.subtree for c in t.children if c.dep_ == "conj"):
                    continue
                found = [r for r in self.actors(t) if r.actor.code not in exclude]
                if len(found) > 1:
                    return found
        return []

    def _pair(self, head: Token, kind: str, exclude: frozenset[str]) -> list[ActorRef]:
        """The two parties a phrase such as "both sides" stands for: those its sentence names before it, else
        the article's pair (see :mod:`tidings.mentions.pairs`); none when a third party came between."""
        keep = _phrase_tokens(head)
        start, end = keep[0].i, keep[-1].i + 1
        before = [r.actor for r in self._mentions_before(head) if not place_ref(head.doc, r)]
        pair = next_pair(self.discourse.pair, before, self.discourse.is_person)
        found = pair_actors(pair, kind, _span_text(head.doc[start:end]), self.discourse.is_person,
                            self.discourse.country_names)
        return [ActorRef(a, start, end) for a in found if a.code not in exclude]

    def _mentions_before(self, tok: Token) -> list[ActorRef]:
        """Actors named by the noun phrases that precede ``tok`` in its sentence (resolved on demand)."""
        found: list[ActorRef] = []
        for t in tok.doc[: tok.i]:
            if t.pos_ in ("PROPN", "NOUN") and t.dep_ not in ("compound", "amod", "nmod", "poss", "flat"):
                found.extend(self._member(t, frozenset()))
        return found

    def _phrase(self, head: Token) -> tuple[list[str], int, int]:
        keep = _phrase_tokens(head)
        words = [t.text for t in keep]
        # "leaders of Egypt's Muslim Brotherhood", "the president of Russia"
        for prep in head.children:
            tail = prep.lower_ == "of" or (prep.lower_ in ("from", "for") and self.is_role(head))
            if prep.dep_ == "prep" and tail:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        words += [prep.lower_, *(t.text for t in _phrase_tokens(pobj))]
        return words, keep[0].i, keep[-1].i + 1

    def _variants(self, head: Token) -> Iterator[tuple[list[str], int, int]]:
        """The phrase, and one variant per member of a coordinated modifier ("US and British activists")."""
        words, start, end = self._phrase(head)
        yield_base = True
        for mod in head.lefts:
            members = list(mod.conjuncts)
            if mod.dep_ in ("amod", "compound", "nmod", "nummod") and members:
                yield_base = False
                for member in [mod, *members]:
                    keep = [t for t in _phrase_tokens(head) if t.i == head.i or not _within(t, mod)]
                    variant = [t.text for t in _phrase_tokens(member)] + [
                        t.text for t in keep if t.i > max(mod.i, *(m.i for m in members))
                    ]
                    yield variant, start, end
                break
        listed = self._of_members(head) if yield_base else []
        for member in listed:  # "the leaders of Peru and Chile": one leader of each
            own = [t.text for t in _phrase_tokens(head)]
            yield [*own, "of", *(t.text for t in _phrase_tokens(member))], start, end
        if yield_base and not listed:
            yield words, start, end

    def _of_members(self, head: Token) -> list[Token]:
        """The members of a coordinated "of" complement of a role noun ("the ministers of Peru and Chile")."""
        if not self.is_role(head):
            return []
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = _pobj(prep)
                if pobj is not None and pobj.conjuncts:
                    return [pobj, *pobj.conjuncts]
        return []

    def mentioned(self) -> list[ActorRef]:
        """Every actor this sentence resolved so far, in text order (for the article's discourse)."""
        refs = [r for key in sorted(self._cache) for r in self._cache[key]]
        return sorted(refs, key=lambda r: r.start)

    # ---------------------------------------------------------------- triggers
    def code(self, doc: Any) -> list[Candidate]:
        self._doc = doc
        out: list[Candidate] = []
        used_objects: set[int] = set()
        yielded: set[int] = set()  # vehicle verbs that gave way to their purpose clause
        for tok in doc:
            verbal = tok.pos_ in ("VERB", "AUX") or _subjunctive(tok) or _feeling(tok)
            if verbal and tok.dep_ != "aux" and tok.dep_ != "auxpass":
                before = set(used_objects)
                found = self._verb(tok, used_objects, yielded)
                if all(c.source is None for c in found) and _first(tok, tuple(PASSIVE_SUBJECTS)) is not None:
                    used_objects &= before  # "X's apology to Y was accepted": the noun carries the event
                out.extend(found)
        # a harm with nobody named as its author does not stand for the attack it happened in ("wounded in
        # clashes with X"): tidings.events.refine folds the two into one event
        coded_verbs = {c.trigger.i: c.code[:2] for c in out if not _unauthored_harm(c)}
        verb_codes = {c.trigger.i: c.code for c in out if not _unauthored_harm(c)}
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and (tok.i not in used_objects or self._protest(tok)):
                for cand in self._noun(tok):
                    # "bombed in a revenge attack by X": the noun names the verb's own event
                    # (an event "after" another is another event: "took the town after clashes with X")
                    via = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent") and \
                        tok.head.lower_ != "after" else None
                    if via is not None and tok.head.lower_ == "during" and cand.code[:2] not in VIOLENT_ROOTS:
                        via = None  # "met artists during his visit": a visit is the setting, not the meeting
                    if cand.rule.endswith(":anonymous") and tok.dep_ in REPORTED_NOUN_DEPS:
                        via = tok.head  # "a car bomb killed five": the verb's event, with its victims
                    # "took the town during clashes with X": the clashes are an event of their own
                    mutual = via is not None and self._mutual(tok) and verb_codes.get(via.i) != cand.code
                    if via is not None and not mutual and _same_family(coded_verbs.get(via.i), cand.code[:2]):
                        out = _as_mass_violence(out, via, cand.code)  # "killed dozens in a massacre": 20x
                        continue
                    out.append(cand)
        # "X asked Y to withdraw": the appeal coded from the infinitive replaces the bare "ask" (020)
        governors = {c.trigger.head.i for c in out
                     if c.rule.split(":")[0] in ("appeal", "intent", "threat", "demand")}
        out = [c for c in out if not (c.trigger.i in governors and c.rule.startswith("verb:"))]
        if any("disaster" in _classes(t) and t.pos_ in ("NOUN", "PROPN") for t in doc):  # not "stormed"
            # a disaster in the sentence and nobody named as acting: the harm is the disaster's
            out = [c for c in out if c.code[:2] not in ANONYMOUS_ROOTS or _named(c.source)]
        from tidings.events.refine import private_acts, refine  # refine reads this module's records

        self.private_acts = private_acts(out)
        return _without_effects(_dedupe(refine(out, self._protest, self.actors)))

    def _event_noun(self, noun: Token, preps: list[str]) -> bool:
        """A noun the lexicon codes, alone or with the prepositions around it (``preps``: the object's and,
        as the parser may hang them there, its verb's: "announced tariffs on X")."""
        return self.lexicon.noun(noun.lemma_.lower()) is not None or (
            bool(preps) and self.lexicon.noun(noun.lemma_.lower(), preps=preps) is not None)

    def _protest(self, noun: Token) -> bool:
        """An event noun of protest ("a rally", "the sit-in"): a protest even as the object of another act."""
        entry = self.lexicon.noun(_joined_lemma(noun)) if noun.pos_ in ("NOUN", "PROPN") else None
        return entry is not None and entry.code[:2] == "14"

    def _verb(self, verb: Token, used_objects: set[int], yielded: set[int]) -> list[Candidate]:  # noqa: C901
        if _refused_permission(verb):
            return []  # "would not give permission to X to help Y": the help is what is refused
        censure = self._censured(verb)
        if censure:
            return censure  # "X described Y as illegitimate": criticism, whatever the verb
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None) or \
            self._adverb_particle(verb)
        passive = any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children) or \
            _headline_passive(verb) or _shared_passive(verb) or _reduced_passive(verb)
        obj = _first(verb, ("dobj",))
        if obj is None and passive:
            obj = _first(verb, tuple(PASSIVE_SUBJECTS))
            if obj is None and _reduced_passive(verb):
                obj = verb.head  # "shells fired by X": what was fired
            if obj is not None and obj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                obj = verb.head  # "the guards who were hurt": the noun the clause describes
            if obj is None and verb.dep_ == "conj":
                obj = _first(verb.head, tuple(SUBJECTS | PASSIVE_SUBJECTS))
        if obj is None and not passive:
            obj = _shared_object(verb)  # "condemned and sanctioned Iran": Iran is what both act on
        # an open clausal complement ("agree to lift"), else a predicative adjective ("pleaded guilty")
        xcomp = _first(verb, ("xcomp",)) or next(
            (c for c in verb.children if c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ"
             and not any(n.dep_ == "neg" for n in c.children)), None)  # not "pleaded not guilty"
        preps = [c.lower_ for c in verb.children if c.dep_ in ("prep", "dative", "agent") and not _when(c)]
        if obj is not None:
            preps += [c.lower_ for c in obj.children if c.dep_ == "prep"]
        obj_mods = [] if obj is None else [c.lemma_.lower() for c in obj.children
                                            if c.dep_ in ("amod", "compound")]
        pobjs: dict[str, str] = {}
        for prep in verb.children:
            if prep.dep_ in ("prep", "agent") and not _when(prep):  # "called X on Friday" is no "call on"
                pobj = _pobj(prep)
                if pobj is not None:
                    pobjs.setdefault(prep.lower_, pobj.lemma_.lower())
        for prep in (c for c in obj.children if c.dep_ == "prep") if obj is not None else ():
            pobj = _pobj(prep)  # "assured the army of support": "of" hung on the object
            if pobj is not None:
                pobjs.setdefault(prep.lower_, pobj.lemma_.lower())
        lemma = verb.lemma_.lower()
        joined = _joined_lemma(verb)
        if joined != lemma and self.lexicon.candidates(joined):
            lemma = joined  # "test-fired": the hyphenated verb the lexicon knows, not its last part
        if not self.lexicon.candidates(lemma):
            lemma = self.lemmas.get(verb.lower_, lemma)  # spaCy's lemma is wrong: "cordoned" -> "cordone"
        entry = self.lexicon.verb(lemma, particle=particle,
                                  obj=_joined_lemma(obj) if obj is not None else None, obj_mods=obj_mods,
                                  preps=preps, xcomp=xcomp.lemma_.lower() if xcomp is not None else None,
                                  pobjs=pobjs)
        if entry is not None and entry.xcomp and xcomp is not None and self._idle_act(xcomp):
            # "vowed to fight tuberculosis": no act of force to threaten, the plain entry (an intent)
            plain = None if obj is None else _joined_lemma(obj)
            entry = self.lexicon.verb(lemma, particle=particle, obj=plain, obj_mods=obj_mods, preps=preps,
                                      pobjs=pobjs)
        if obj is not None and (entry is None or not entry.obj):
            # "sent a team of rescuers and medical supplies", "imposed a new round of sanctions": the object
            # the lexicon knows is a member of a list or what a measure word measures out
            for other in _object_heads(obj):
                mods = [c.lemma_.lower() for c in other.children if c.dep_ in ("amod", "compound")]
                found = self.lexicon.verb(lemma, particle=particle, obj=_joined_lemma(other), obj_mods=mods,
                                          preps=preps, pobjs=pobjs,
                                          xcomp=xcomp.lemma_.lower() if xcomp is not None else None)
                if found is not None and found.obj:
                    used_objects.add(obj.i)  # "a barrage of rockets": the barrage is no event of its own
                    entry, obj = found, other
                    break
        if entry is None:
            entry = self._crowd(verb)  # "demonstrators gathered outside parliament"
        if entry is None or self._not_violence(verb, entry.code, obj):
            return []
        content = self._called_wrong(verb, entry) or self._obliged_other(verb, entry)
        if content:
            return content  # a statement coded by its content
        if entry.weapon and not any("weapon" in _classes(c) for c in verb.children
                                    if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS):
            return []  # "tensions exploded": only a weapon explodes as an event
        if entry.code == "041" and any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and not _infinitive(c)
                                       for c in verb.children):
            return []  # "called him unqualified": naming, not a telephone call ("called X to discuss" is one)
        if self._redundant_purpose(verb, entry):
            return []  # "met in Zurich to discuss ...": the meeting is the event
        purpose = self._purpose_clause(verb)
        if entry.weak and purpose is not None:
            yielded.add(verb.i)
            return []
        if entry.weak and obj is not None and self._event_noun(obj, preps) and not (
                entry.code in VISIT_CODES and self.place_of(verb, obj) is not None):
            return []  # "attend a summit", "make a visit": the event noun carries the event
        if obj is not None and entry.code in VISIT_CODES and not entry.obj and not passive \
                and not self.actors(obj) and obj.ent_type_ not in PLACE_LABELS and not self._names_place(obj):
            return []  # "received assurances": not a visit
        if obj is None and entry.particle is not None and entry.obj:
            obj = _prep_object(verb, entry.particle)  # "engaged in clashes with X": the clashes
        if obj is not None:
            used_objects.add(obj.i)

        sources, targets, rule = self._verb_roles(verb, entry, obj, passive)
        if entry.code[:2] <= VERBAL_ROOT_MAX and sources:
            sources = self._voiced(verb, sources)  # "the minister said Russia is concerned": the minister
        if not sources and not targets and _gerund_noun(verb) and verb.lemma_.lower() in RECIPROCAL_LEMMAS:
            parties = self._between(verb)  # "fighting between X and Y killed ...": X and Y fought
            if len(parties) > 1:
                return [c for a in parties for b in parties if a.actor.code != b.actor.code
                        for c in self._pairs(verb, entry.code, [a], [b], rule + ":between")]
        if entry.state and not sources:
            rule += STATE_ACT  # "two men were executed": the state's act, no private crime
        if entry.armed and not _armed(sources):
            return []  # "the talks advanced": only an armed side advances as an event
        if not sources and "casualty" in _classes(verb) and not self._violent_cause(verb):
            return []  # "several people were injured" after an eruption: a casualty is no attack by itself
        code, rule = _as_visit(entry.code, verb, sources, targets, rule)
        press = code[:2] == "04" and bool(targets) and all(self._press(r) for r in targets)
        if press:
            code, rule = "010", rule + ":press"  # "spoke to reporters": a public statement, not a meeting
        elif code[:2] == "04" and targets and _addressing(verb):
            code, rule = "010", rule + ADDRESSED  # "Speaking to the elders, X said ...": whom X told
        if _negated(verb) and _refusal(verb):
            if entry.negated_code:
                code, rule = entry.negated_code, rule + ":negated"
            elif code[:2] in REJECT_BY_ROOT:
                code, rule = REJECT_BY_CODE.get(code[:3], REJECT_BY_ROOT[code[:2]]), rule + ":negated"
        # modality of a governing verb: appeals, intents, threats
        governor = verb.head if verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i else None
        if governor is not None and (governor.pos_ in ("VERB", "AUX") or _willing(governor)):
            g_lemma = governor.lemma_.lower()
            root = code[:2]
            g_subjects = self._subjects(governor)
            own_subject = _first(verb, tuple(SUBJECTS))
            controlee = own_subject if own_subject is not None else _first(governor, ("dobj",))
            if g_lemma in APPEAL_VERBS and controlee is not None and root in APPEAL_BY_ROOT:
                addressees = self.actors(controlee)
                if g_subjects and addressees and (own_subject is not None or g_lemma != "want"):
                    appeal = APPEAL_BY_CODE.get(code[:3], APPEAL_BY_ROOT[root])
                    if g_lemma in DEMAND_VERBS:  # "demanded that Israel withdraw": a demand (10), no appeal
                        return self._pairs(verb, _demand(appeal, code), g_subjects, addressees,
                                           "demand:infinitive")
                    return self._pairs(verb, appeal, g_subjects, addressees, "appeal:infinitive")
            if g_lemma in THREAT_VERBS and root in THREAT_BY_ROOT:
                code, rule = THREAT_BY_CUT.get(code[:3], THREAT_BY_ROOT[root]), "threat:infinitive"
            elif g_lemma in PROMISE_VERBS and own_subject is None and root in INTENT_BY_ROOT:
                code, rule = INTENT_BY_CODE.get(code[:3], INTENT_BY_ROOT[root]), "intent:promise"
            elif (g_lemma in INTENT_VERBS or _willing(governor)) and own_subject is None:
                if root in INTENT_BY_ROOT:
                    code, rule = INTENT_BY_CODE.get(code[:3], INTENT_BY_ROOT[root]), "intent:infinitive"
                elif root in THREAT_BY_ROOT and root >= "15":
                    code, rule = THREAT_BY_ROOT[root], "threat:intent"
        extra: list[Candidate] = []
        reporter = _reporting_head(verb)
        # "X told the council that Y must withdraw": any verb of saying voices a demand
        reporting = ACCUSING_VERBS | ADMITTING_VERBS | (SPEAKING_VERBS if _obliged(verb) else frozenset())
        if reporter is not None and reporter.lemma_.lower() not in reporting:
            reporter = None
        if reporter is not None and not sources and passive and code[:2] in INTENT_BY_ROOT and \
                _future(verb) and not _negated(verb):
            # "the ministry said the curfew would be lifted": the government announces its own measure
            authorities = [c for c in self._subjects(reporter) if _authority(c.actor)]
            if authorities:
                sources = authorities
                code, rule = INTENT_BY_CODE.get(code[:3], INTENT_BY_ROOT[code[:2]]), "intent:reported-passive"
        if reporter is not None and sources:
            claimants = self._subjects(reporter)
            same = bool(claimants) and (_codes(claimants) >= _codes(sources) or {
                s.actor.country for s in sources} <= {c.actor.code for c in claimants}  # "X said its troops"
                or self._own_side(sources))
            future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)
            root = code[:2]
            if same and root in ("18", "19", "20") and future:
                code, rule = THREAT_BY_ROOT[root], "threat:reported"  # "X says it will attack Y"
            elif same and root == "16" and future and not _negated(verb):  # "X said it will expel Y"
                code, rule = THREAT_BY_CUT.get(code[:3], "131"), "threat:reported-cut"
            elif same and root in INTENT_BY_ROOT and future and not _negated(verb):
                # "X announced it would free Y": a stated intention, not the act
                code, rule = INTENT_BY_CODE.get(code[:3], INTENT_BY_ROOT[root]), "intent:reported"
            elif same and reporter.lemma_.lower() in ADMITTING_VERBS and root in HARM_ROOTS:
                extra = self._pairs(reporter, "015", claimants, [], "admit-responsibility")
            elif same and reporter.lemma_.lower() in CLAIM_VERBS and root in HARM_ROOTS:
                code, rule = "015", "claim-responsibility"  # "X claimed (that) it attacked Y"
            elif claimants and not same and _obliged(verb) and root in APPEAL_BY_ROOT:
                # "X said Y must withdraw": X demands it of Y
                demand = _demand(APPEAL_BY_CODE.get(code[:3], APPEAL_BY_ROOT[root]), code)
                return self._pairs(verb, demand, claimants, sources, "demand:must")
            elif claimants and not same and root in ("18", "19", "20") and all(
                    _institutional(c.actor) for c in claimants) and not (
                    root == "19" and any(_monitor(c.actor) for c in claimants)
                    and not any(t.actor.sector == "CVL" for t in targets)):
                # "X said Y attacked Z": besides the reported attack, X accuses Y; a monitor that reports a
                # fight that harms no civilians ("the observatory said the group recaptured the town") is
                # its attribution and blames nobody (GUIDE section 2: accusation by a party to the conflict)
                extra = self._pairs(reporter, "112", claimants, sources, "accuse:reported-attack")
        vehicle = _vehicle(verb, yielded)
        if vehicle is not None:
            rule += ":purpose"
            if not sources:  # "wrote a letter to X calling for ...": the writer calls for it
                sources = self._subjects(vehicle)
            if not targets:  # "sent a message to X to praise ..." -> X
                letter = _first(vehicle, ("dobj",))
                targets = self._prep_targets(vehicle, None, letter, exclude=_codes(sources))
        if not sources and not targets and (code[:2] not in ANONYMOUS_ROOTS or verb.dep_ == "amod"):
            return []  # "striking miners": a verb that only describes a noun reports nothing by itself
        if not sources and not targets:
            rule += ":anonymous"  # "shops were looted": the pipeline places it or drops it
        events = self._pairs(verb, code, sources, targets, rule) + extra
        for event in events:
            event.anchor = vehicle
        aid_mission = code in VISIT_CODES and any(r.actor.sector in AID_SECTORS for r in sources)
        if entry.reverse and sources and targets and not aid_mission and not press and \
                not _broken_symmetry(entry, code, rule):
            events += self._pairs(verb, entry.reverse, targets, sources, rule + ":reverse")
        relational = obj is not None and obj.lemma_.lower() in RELATION_NOUNS
        meeting = self.lexicon.noun(obj.lemma_.lower()) if obj is not None else None
        mutual = verb.lemma_.lower() in RECIPROCAL_LEMMAS or relational or entry.reverse == entry.code or (
            meeting is not None and meeting.code[:2] == "04")  # "X and Y held a summit"
        mutual = mutual or _reciprocal(obj) or any(_reciprocal(_pobj(p)) for p in verb.children
                                                   if p.dep_ == "prep")  # "accused each other"
        if (not targets or ":place-target" in rule) and len(sources) > 1 and mutual:
            rule = rule.replace(":place-target", "") + ":reciprocal"  # "X and Y held talks in Geneva"
            sources = _principal_parties(sources)
            events = [c for a in sources for b in sources if a.actor.code != b.actor.code
                      for c in self._pairs(verb, code, [a], [b], rule)]
        return events

    def _asked_of(self, verb: Token, obj: Token | None, exclude: frozenset[str]) -> list[ActorRef]:
        """Whom an appeal or demand for an act is made of, named as the act's owner: "called for the
        government's resignation", "demanded the army's withdrawal" (the act's possessor)."""
        asked = [obj] if obj is not None else []
        asked += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                  for p in (_pobj(c),) if p is not None]
        for act in asked:
            if self.lexicon.noun(act.lemma_.lower()) is None and "asked" not in _classes(act):
                continue
            owner = next((c for c in act.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
            if owner is not None:
                return self.actors(owner, exclude=exclude)
        return []

    def _idle_act(self, clause: Token) -> bool:
        """A complement verb whose object makes it no act ("to fight tuberculosis", "to attack the problem"):
        the lexicon codes the verb alone but not with this object (a null entry)."""
        obj = _first(clause, ("dobj",))
        lemma = clause.lemma_.lower()
        return obj is not None and self.lexicon.verb(lemma) is not None and \
            self.lexicon.verb(lemma, obj=_joined_lemma(obj)) is None

    def _adverb_particle(self, verb: Token) -> str | None:
        """A particle the parser took for an adverb right after its verb ("stepped *down*", advmod): the
        particle, where the lexicon has an entry of the verb with it."""
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if nxt is None or nxt.dep_ != "advmod" or nxt.head.i != verb.i or nxt.pos_ not in ("ADV", "ADP"):
            return None
        word = nxt.lower_
        lemma = verb.lemma_.lower()
        return word if any(e.particle == word for e in self.lexicon.candidates(lemma)) else None

    def _verb_roles(self, verb: Token, entry: Any, obj: Token | None,  # noqa: C901
                    passive: bool) -> tuple[list[ActorRef], list[ActorRef], str]:
        rule = f"verb:{entry.lemma}"
        if passive:
            sources = []
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    sources += self.actors(pobj)
            if not sources:
                sources = self._implicit_agent(verb)
            subj = _first(verb, tuple(PASSIVE_SUBJECTS)) or _first(verb, ("nsubj",))
            if subj is None and verb.dep_ == "conj":  # "X was arrested and (was) released by Y"
                subj = _first(verb.head, tuple(SUBJECTS | PASSIVE_SUBJECTS))
            if subj is None and _reduced_passive(verb):
                subj = verb.head  # "civilians besieged by rebels"
            targets = self.actors(subj) if subj is not None else []
            if not targets and obj is not None and obj is not subj:
                targets = self.actors(obj)
            if not targets:  # "shells fired by X towards their positions": "their" is not X's
                targets = self._prep_targets(verb, entry.prep, obj, exclude=_codes(sources))
            rule += ":passive"
        else:
            sources = self._subjects(verb) or self._holder(obj, entry) or self._trailing_speaker(verb)
            targets = []
            statement = entry.code[:2] == "01" and entry.lemma not in ADDRESSING_VERBS
            targets = self._bound_party(verb, entry, exclude=_codes(sources))
            if not targets and entry.prep is None and obj is not None and not statement:
                targets = self.actors(obj, exclude=_codes(sources))
            if not targets:
                dative = _first(verb, ("dative",))
                if dative is not None:
                    targets = self.actors(_pobj(dative) or dative, exclude=_codes(sources))
            if not targets:
                targets = self._prep_targets(verb, entry.prep, obj, exclude=_codes(sources))
            if not targets and obj is not None and ("request" in _classes(obj) or self._assault(obj)):
                # "rejected calls by X", "repelled an attack by X": X is who the act answers
                targets = self._prep_targets(obj, "by", None, exclude=_codes(sources))
            clause = _first(verb, ("ccomp",)) if not targets and entry.code[:2] == "10" else None
            addressee = _first(clause, ("nsubj",)) if clause is not None else None
            if addressee is not None:  # "demanded that X pay": X is who the demand is made of
                targets = self.actors(addressee, exclude=_codes(sources))
            if not targets and entry.prep is None:  # "departed from X", "pulled out of X"
                for word in FALLBACK_TARGET_PREPS:
                    targets = targets or self._prep_targets(verb, word, obj, exclude=_codes(sources))
            noun_entry = self.lexicon.noun(obj.lemma_.lower()) if obj is not None and not targets else None
            if obj is not None and noun_entry is not None and noun_entry.code[:2] == entry.code[:2]:
                # "staged anti-government protests": the verb only carries its event noun
                targets = self._opposed(obj)
        if not targets and obj is not None and (entry.code[:2] in JUDGING_ROOTS or entry.code == "016") \
                and not passive:  # "denied the US accusations": the accuser
            targets = self._authors(obj, _codes(sources))  # "condemned the launches by X", "praised X's move"
        if not targets and entry.code[:2] in ASKING_ROOTS and not passive:
            targets = self._asked_of(verb, obj, _codes(sources))  # "called for the minister's resignation"
        if not targets and entry.code[:3] in AID_GIVING and not passive:
            targets = self._helped(verb, exclude=_codes(sources))  # "gave $5 million to help X rebuild"
        if not targets and entry.code[:3] in AID_GIVING and not passive and obj is not None:
            targets = self._compound_recipient(obj, entry, _codes(sources))  # "offered the family aid"
        if not targets and entry.code[:3] in AID_GIVING and not passive:
            targets = self._aid_destination(verb, obj, _codes(sources))  # "airlifted food to Tigray"
        if not targets and entry.code[:2] == "16":
            targets = self._origin_target(verb, entry.prep, exclude=_codes(sources))  # "tariffs on X's steel"
        if not targets and entry.code[:2] == "09" and obj is not None:
            targets = self._suspects(obj, exclude=_codes(sources))  # "evidence that X used gas": X
        if not targets and entry.code[:2] in PLACE_TARGET_ROOTS:
            targets = self._place_target(verb, obj, exclude=_codes(sources))
            violent = entry.code[:2] in VIOLENT_ROOTS
            if not targets and violent and obj is not None and self._unknown_name(obj):
                # "recaptured Palmyra", "shelled Zabid": a name the parser did not tag as a place
                targets = self._country_of_place(obj, _codes(sources))
            if not targets and violent:
                targets = self._aimed_place(verb, obj, _codes(sources))  # "fired rockets towards Sderot"
            if targets:
                rule += ":place-target"
        if not targets and entry.code in INCIDENT_CODES:
            targets = self._incident_place(verb, obj, exclude=_codes(sources))
            if targets:
                rule += ":incident-place"
        if entry.swap:
            sources, targets = targets, sources
        return sources, targets, rule

    def _called_wrong(self, verb: Token, entry: Any) -> list[Candidate]:
        """ "X said Y's measures were a violation of the treaty": naming another actor's act a wrong
        (words.tsv class ``wrong``) is X accusing Y (112), a statement coded by its content; "X said Y's
        tariffs were illegal": calling it so (class ``censure``) is X criticising Y (111)."""
        clause = _first(verb, ("ccomp",)) if entry.code == "010" else None
        if clause is None or clause.lemma_.lower() != "be" or _negated(clause):
            return []
        attr = _first(clause, ("attr",))
        subject = _first(clause, ("nsubj",))
        if subject is None:
            return []
        if attr is not None and "wrong" in _classes(attr):
            code, rule = "112", "accuse:called-wrong"
        elif any(_judged_as(a, "censure") for a in clause.children if a.dep_ in ("acomp", "attr")):
            code, rule = "111", "criticise:called-wrong"
        else:
            return []
        speakers = self._subjects(verb)
        others = _codes(speakers)
        accused = (self.actors(subject, exclude=others) or self._authors(subject, others)) if speakers else []
        return self._pairs(verb, code, speakers, accused, rule) if accused else []

    def _censured(self, verb: Token) -> list[Candidate]:
        """ "X called Y's visit a provocation", "X described Y as illegitimate": a speaker who names another
        actor, or its act, in words of censure (words.tsv classes ``naming``, ``censure``) criticises that
        actor (111), a statement coded by its content; in words of praise ("called Y a pillar of peace",
        class ``laud``) praises it (051)."""
        if "naming" not in _classes(verb):
            return []
        judged, verdict = _judgement(verb)
        if judged is None or verdict is None or _negated(verb):
            return []
        code, rule = ("111", "criticize:censure") if _judged_as(verdict, "censure") else \
            ("051", "praise:laud") if _judged_as(verdict, "laud") else (None, "")
        speakers = self._subjects(verb) if code is not None else []
        if code is None or not speakers:
            return []
        others = _codes(speakers)
        judged_actors = self.actors(judged, exclude=others) or self._authors(judged, others)
        return self._pairs(verb, code, speakers, judged_actors, rule) if judged_actors else []

    def _authors(self, act: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """Who did the act a noun names: "the US decision", "Japan's move", "the visit by X"."""
        for child in act.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < act.i:
                found = self.actors(child, exclude=exclude)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ == "by" and _pobj(child) is not None:
                return self.actors(_pobj(child), exclude=exclude)
        return []

    def _obliged_other(self, verb: Token, entry: Any) -> list[Candidate]:
        """ "X said Y must step aside": telling another actor what it must do is a demand (100), also where
        the lexicon does not know the act (a known act gives its own demand: "must withdraw" -> 106)."""
        clause = _first(verb, ("ccomp",)) if entry.code == "010" else None
        if clause is None or not _obliged(clause) or _negated(clause) or \
                self.lexicon.candidates(clause.lemma_.lower()):
            return []
        subject = _first(clause, ("nsubj",))
        speakers = self._subjects(verb)
        addressed = self.actors(subject, exclude=_codes(speakers)) if speakers and subject is not None else []
        homes = {s.actor.country for s in speakers}
        addressed = [a for a in addressed if a.actor.code not in homes]  # "Chile must do more": its own
        return self._pairs(verb, "100", speakers, addressed, "demand:must-other") if addressed else []

    def _bound_party(self, verb: Token, entry: Any, exclude: frozenset[str]) -> list[ActorRef]:
        """ "withdrew from talks with X", "withdrew staff from dealings with X": the other party of the noun
        the entry binds to its preposition."""
        if entry.particle is None or not entry.obj:
            return []
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == entry.particle), None)
        noun = _pobj(prep) if prep is not None else None
        return self._prep_targets(noun, None, None, exclude=exclude) if noun is not None else []

    def _suspects(self, obj: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """Who the clause on an investigation's object says acted ("evidence that X used gas")."""
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
        subject = _first(clause, tuple(SUBJECTS)) if clause is not None else None
        return self.actors(subject, exclude=exclude) if subject is not None else []

    def _own_side(self, refs: list[ActorRef]) -> bool:
        """ "its soldiers", "their fighters": unnamed sides that belong to the speaker of the clause above."""
        return all(r.actor.country is None and any(t.dep_ == "poss" and t.lower_ in ("its", "their")
                                                   for t in self._doc[r.start:r.end]) for r in refs)

    def _holder(self, obj: Token | None, entry: Any) -> list[ActorRef]:
        """ "..., expressing Norway's concern": whose feeling or view the object the entry asks for is."""
        if obj is None or not entry.obj:
            return []
        owner = _first(obj, ("poss",))
        return self.actors(owner) if owner is not None else []

    def _not_new_x(self, words: list[str], actor: Actor) -> Actor | None:
        """ "New England", "New Mexico" are other places than the country whose name they contain."""
        if "New" not in words or actor.country is None or self.discourse.is_person(actor):
            return actor  # a person is named by their own name ("New Zealand's Winston Peters")
        rest = [w for w in words if w != "New"]
        again = self.resolve_words(rest, self.when) if rest else None
        if again is None or again.country != actor.country:
            return actor  # "New Delhi": the whole name was matched
        if actor.sector and actor.code != actor.country:
            return Actor(actor.text, actor.sector.lower(), "---" + actor.code[3:], None, actor.sector)
        return None

    def _other_namesake(self, head: Token, actor: Actor) -> bool:
        """A person matched on the surname while the phrase gives a different first name."""
        if head.pos_ != "PROPN" or not self.discourse.is_person(actor):
            return False
        name = {part.lower() for part in actor.name.replace("-", " ").split()}
        for tok in head.lefts:
            if tok.dep_ in ("compound", "flat") and tok.pos_ == "PROPN" and tok.text[:1].isupper() and \
                    tok.lower_ not in name and not any(name_variant(tok.lower_, part) for part in name) and \
                    not self.role_word(tok.lower_) and \
                    tok.lower_.rstrip(".") not in HONORIFICS and tok.ent_type_ == "PERSON" and \
                    self.resolve_words([tok.text], self.when) is None:
                return True
        return False

    def _opposed(self, noun: Token) -> list[ActorRef]:
        """Who an "anti-" modifier of an event noun is against: "anti-Joe Biden rally" -> Biden,
        "anti-government protests" -> GOV. The words between "anti-" and the noun name them."""
        doc = noun.doc
        start = next((t.i for t in doc[noun.left_edge.i:noun.i] if t.lower_ == "anti" or
                      t.lower_.startswith("anti-")), None)
        if start is None:
            return []
        first = doc[start]
        words = [first.text[5:]] if len(first.text) > 5 else []
        tokens = [t for t in doc[start + 1:noun.i] if t.text not in ("-", "\u2013")]
        words += [t.text for t in tokens]
        actor = self.resolve_words(words, self.when) if words else None
        if actor is None:
            return []
        return [ActorRef(actor, start, noun.i)]

    def _crowd_opposed(self, noun: Token) -> list[ActorRef]:
        """Who a protest noun with no "anti-" modifier of its own is against, when the sentence names its
        protesters with one ("soldiers dragged away anti-junta demonstrators at the rally")."""
        for tok in noun.doc:
            if tok.i == noun.i or tok.pos_ != "NOUN" or tok.dep_ in ("compound", "amod"):
                continue
            crowd = self.actors(tok)
            if crowd and all(r.actor.sector == "OPP" for r in crowd):
                opposed = self._opposed(tok)
                if opposed:
                    return opposed
        return []

    def _team_name(self, head: Token, actor: Actor) -> bool:
        """A plural demonym after a town's name ("Cleveland Indians", "Toronto Argonauts"-style names) is a
        club, not the country the demonym belongs to."""
        if head.tag_ != "NNPS" or len(actor.code) != 3 or head.ent_type_ == "NORP":
            return False
        for child in head.children:
            if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == head.i - 1:
                if head.ent_type_ == "ORG" and child.ent_type_ == "ORG":
                    return True  # the parser already reads "the Cleveland Indians" as an organisation
                if child.ent_type_ == "GPE":
                    town = self.resolve_words([child.text], self.when)
                    return town is None or town.country != actor.country
        return False

    def _localise(self, head: Token, actor: Actor) -> Actor:
        """A group named by kind with the place it belongs to: "a court in Guyana", "the mayor of Lagos" ->
        that place's country. (A place compound, "Seattle police", is left alone: the 5W1H summaries of the
        development part fall when it makes an investigation an event of its own.) A role held abroad is
        not of the place where it is held: "the embassy in Kabul" is some other country's."""
        if head.lemma_.lower() in self.abroad or head.lower_ in self.abroad:
            return actor
        for child in head.children:
            pobj = _pobj(child) if child.dep_ == "prep" and child.lower_ in LOCAL_PREPS else None
            place = self._home_place(pobj) if pobj is not None else None
            if place is not None:
                country, name = place
                code = country + actor.code[3:]
                return Actor(actor.text, f"{name} {actor.name}", code, country, actor.sector)
        return actor

    def _home_place(self, tok: Token) -> tuple[str, str] | None:
        """(country, name) of the place a token names: a country or capital the knowledge base knows, else
        a place the parser labels that the gazetteer finds."""
        tokens = _phrase_tokens(tok)
        words = [t.text for t in tokens]
        place = self.resolve_words(words, self.when)
        place = self._not_new_x(words, place) if place is not None else None
        if place is not None and place.code.startswith("---") and tokens[0].pos_ == "PROPN":
            place = None  # "Lagos State", "Kano State": a named state, not a state's government
        if place is not None:
            return (place.country, place.name) if place.country and place.code == place.country else None
        named = any(t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC") for t in tokens) or (
            len(tokens) > 1 and tokens[0].pos_ == "PROPN" and tokens[-1].lower_ in _subdivision_words())
        country = self.place_country(" ".join(words)) if named else None
        return (country, " ".join(words)) if country else None

    def _unknown_name(self, tok: Token) -> bool:
        """A proper name that names no actor (no team, people or person): a place if the gazetteer has it."""
        return tok.pos_ == "PROPN" and self.resolve_words(self._phrase(tok)[0], self.when) is None

    def _names_place(self, tok: Token) -> bool:
        return any(t.ent_type_ in PLACE_LABELS for t in _phrase_tokens(tok))

    def _implicit_agent(self, verb: Token) -> list[ActorRef]:
        """Agent of an agentless passive: "fired at Israel *from Gaza*", "killed *in Israeli shelling*"; the
        cause may hang on a participle that shares the passive ("were killed and wounded *in clashes*")."""
        shared = [c for c in verb.children if c.dep_ == "conj" and _shared_passive(c)]
        for prep in [*verb.children, *(p for c in shared for p in c.children)]:
            if prep.dep_ != "prep":
                continue
            pobj = _pobj(prep)
            if pobj is None:
                continue
            if prep.lower_ == "from":
                found = self.actors(pobj)
                if found:
                    return found
            if prep.lower_ in ("in", "during", "by") and self.lexicon.noun(pobj.lemma_.lower()) is not None:
                found = []
                for child in pobj.children:
                    if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < pobj.i:
                        found += self.actors(child)
                    if child.dep_ == "prep" and child.lower_ in ("by", "with") and _pobj(child) is not None \
                            and not (child.lower_ == "with" and self._mutual(pobj)):
                        found += self.actors(_pobj(child))  # "killed in an ambush by X": X did it
                # "killed in clashes with X": a mutual act, coded from its noun in both directions
                # (``_participants``); the harm folds into it
                if found:
                    return found
        return []

    def _subjects(self, verb: Token) -> list[ActorRef]:
        node = verb
        for _ in range(4):
            subj = _first(node, tuple(SUBJECTS) if node is verb else tuple(SUBJECTS | PASSIVE_SUBJECTS))
            if subj is not None and node is not verb and subj.lower_ == "it" and _extraposed(node):
                return []  # "it is hard to beat X": an empty "it", nobody acts
            if subj is not None and subj.tag_ in ("WDT", "WP") and node.dep_ == "relcl" and _set_off(node):
                return self.actors(node.head)  # "the agency, which works with X": the noun described acts
            if subj is not None:
                found = [r for member in _comma_list(node, subj) for r in self.actors(member)]
                if found:
                    return found
                # "X group, a jihadist movement has claimed ...": an apposition without its second comma
                # is a second subject; the first names nobody the knowledge base knows
                return self._second_subject(node, subj)
            controlled = _first(node.head, ("dobj",)) if node.dep_ == "xcomp" else None
            if controlled is not None and node.head.i != node.i and (
                    self.actors(controlled) or node.head.lemma_.lower() not in PROMISE_VERBS | INTENT_VERBS):
                return self.actors(controlled)  # "urged both sides to protect": object control
            # ("pledged aid to help X": what is promised controls nothing; the one who promises acts)
            licence = _first(node.head, ("dobj",)) if node.dep_ in ("xcomp", "advcl") else None
            dative = _first(node.head, ("dative",)) if licence is not None and licence.lemma_.lower() in (
                PERMISSION_NOUNS) and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children) else None
            if dative is not None and node.head.i != node.i:
                holder = _pobj(dative) if dative.pos_ == "ADP" else dative
                found = self.actors(holder) if holder is not None else []
                if found:
                    return found  # "gave Russia permission to help": the one permitted acts
            if node.dep_ == "acl" and (node.tag_ in ("VBD", "VBZ", "VBP") or node.head.dep_ == "ROOT"):
                return self.actors(node.head)  # a finite verb parsed as a modifier: a misparsed main clause
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN") and \
                    _set_off(node):
                return self.actors(node.head)  # "the agency, working with X, ...": the noun described acts
            if (node.dep_ in ("xcomp", "conj", "advcl", "acl", "acomp") and node.head.i != node.i) or \
                    _misread_participle_root(node):
                node = node.head
                continue
            if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in SAME_SUBJECT_PREPS:
                node = node.head.head  # "after sending ...", "by promoting ...": the clause's subject
                continue
            if node.dep_ == "relcl":  # "the rebels who attacked": the modified noun is the subject
                return self.actors(node.head)
            break
        return []

    def _second_subject(self, verb: Token, first: Token) -> list[ActorRef]:
        """The actors of a second subject of ``verb`` right after the first and a comma (a misparsed
        apposition: "the X brigade, an armed faction loyal to Y claimed ..."); none otherwise ("the
        Canadian government announced ...": subject found, no actor)."""
        for other in verb.children:
            if other.dep_ in SUBJECTS and other.i > first.i and first.doc[first.i + 1].text == "," and \
                    other.left_edge.i == first.i + 2:
                return self.actors(other)
        return []

    def _trailing_speaker(self, verb: Token) -> list[ActorRef]:
        """The speaker a participle set off at the end of a said-clause belongs to ("X said the talks had
        stalled, *urging* Y to return"; the parser hangs the participle on the reported clause), when the
        reported clause's own subject is no actor that could do it."""
        clause = verb.head
        if verb.tag_ != "VBG" or verb.dep_ != "advcl" or not _set_off(verb) or clause.dep_ != "ccomp":
            return []
        saying = clause.head
        if saying.i == clause.i or saying.lemma_.lower() not in SPEAKING_VERBS:
            return []
        if not any(e.code[:2] in VERBAL_ROOTS for e in self.lexicon.candidates(verb.lemma_.lower())):
            return []  # "the bridge collapsed, killing 43, the governor said": a deed, not words
        own = _first(clause, tuple(SUBJECTS | PASSIVE_SUBJECTS))
        return self._subjects(saying) if own is None or not self.actors(own) else []

    def _prep_targets(self, verb: Token, prep_word: str | None, obj: Token | None,
                      exclude: frozenset[str] = frozenset()) -> list[ActorRef]:
        holders = [verb] + ([obj] if obj is not None else [])
        if obj is not None:  # "welcomed the resumption of ties with X": follow the "of" chain
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of" and _pobj(prep) is not None:
                    holders.append(_pobj(prep))
        wanted = (prep_word,) if prep_word else TARGET_PREPS
        for prep_word in wanted:
            for holder in holders:
                for prep in holder.children:
                    if prep.dep_ in ("prep", "dative") and prep.lower_ == prep_word:
                        pobj = _pobj(prep)
                        if pobj is not None:
                            found = self.actors(pobj, exclude=exclude)
                            if found:
                                return found
        return []

    def _origin_target(self, verb: Token, prep_word: str | None, exclude: frozenset[str]) -> list[ActorRef]:
        """Whose goods a sanction or tariff is laid on: "levies on goods shipped from X", "duties on Chinese
        steel" (the country the goods come from, or whose demonym they carry)."""
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
            goods = _pobj(prep)
            if prep.lower_ != (prep_word or "on") or goods is None:
                continue
            for tok in goods.subtree:
                origin = (tok.dep_ == "pobj" and tok.head.lower_ == "from") or (
                    tok.dep_ in ("amod", "compound") and tok.ent_type_ in ("NORP", "GPE"))
                found = self.actors(tok, exclude=exclude) if origin else []
                if found:
                    return found
        return []

    def _place_target(self, verb: Token, obj: Token | None, exclude: frozenset[str]) -> list[ActorRef]:
        place = self.place_of(verb, obj) or _object_place(obj)  # "recaptured Palmyra", "the town of X"
        return self._country_of_place(place, exclude) if place is not None else []

    def _expelled_from(self, expelled: Token) -> list[ActorRef]:
        """The state people are expelled from ("the expulsion of two envoys *from Germany*"): the expeller."""
        for prep in expelled.children:
            pobj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "from" else None
            refs = self.actors(pobj) if pobj is not None else []
            if refs and not any(r.actor.code.startswith("---") for r in refs):
                return refs
        return []

    def _place_of_attack(self, of_obj: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """The country of a place named as what an attack noun is of ("the shelling of Kharkiv", "the
        bombardment of a town in X"): the place attacked, as "shelled Kharkiv" has it."""
        place = self._place_token(of_obj)
        return self._country_of_place(place, exclude) if place is not None else []

    def _aid_destination(self, verb: Token, obj: Token | None, exclude: frozenset[str]) -> list[ActorRef]:
        """The country of the place aid is sent to ("airlifted food to Tigray", "dropped food parcels over
        Gaza", "sent aid into Gaza"): the people there receive it."""
        return self._country_after(verb, obj, AID_DESTINATION_PREPS, exclude)

    def _aimed_place(self, verb: Token, obj: Token | None, exclude: frozenset[str]) -> list[ActorRef]:
        """The country of a place an act of violence is aimed at with "towards", "at", "on", "into" or
        "against" ("fired rockets towards Sderot", "fired shells into two districts of X"): what was
        attacked, as "shelled a town" is."""
        return self._country_after(verb, obj, AIMED_AT, exclude)

    def _country_after(self, verb: Token, obj: Token | None, preps: frozenset[str],
                       exclude: frozenset[str]) -> list[ActorRef]:
        """The country of the first place named after one of ``preps`` on the verb or its object."""
        for holder in [verb] + ([obj] if obj is not None else []):
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in preps:
                    continue
                pobj = _pobj(prep)
                place = None if pobj is None else self._place_token(pobj)
                found = self._country_of_place(place, exclude) if place is not None else []
                if found:
                    return found
        return []

    def _place_token(self, tok: Token) -> Token | None:
        """``tok`` when it names a place (or a name nobody knows), else the place its phrase holds."""
        return tok if tok.ent_type_ in PLACE_LABELS or self._unknown_name(tok) else _object_place(tok)

    def _country_of_place(self, place: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """The country a place phrase lies in, as a country-level actor (none if it is excluded)."""
        words, start, end = self._phrase(place)
        words = [w for w in words if w not in ("'s", "\u2019s", "'")]  # "in Kenya's capital" -> Kenya
        actor = self.resolve_words(words, self.when)
        code = actor.country if actor is not None else self.place_country(" ".join(words))
        if code is None:  # "the town of X in the Yemeni province of Y": a village the region places
            code = self._enclosing_country(place)
        if code is None or code in exclude:
            return []
        return [ActorRef(Actor(" ".join(words), code, code, code, None), start, end)]

    def _enclosing_country(self, place: Token) -> str | None:
        """The country of the area a place the gazetteer does not know is said to lie in: "the town of X *in
        the Yemeni province of Y*", "X *in Kharkiv region*" (the parser may hang the "in" phrase on the
        verb whose object the place is)."""
        noun = place.head.head if place.dep_ == "pobj" and place.head.lower_ == "of" else place
        holders = [place, noun] + ([noun.head] if noun.dep_ in ("dobj", "nsubjpass") else [])
        for holder in holders:
            for prep in holder.children:
                area = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "in" else None
                code = self._area_country(area) if area is not None and area.i > place.i else None
                if code is not None:
                    return code
        return None

    def _area_country(self, area: Token) -> str | None:
        """The country an area phrase names: a demonym or country before it ("the *Yemeni* province of
        Y"), else its own name or the name after "of" as the gazetteer places them."""
        for mod in area.children:
            if mod.dep_ in ("amod", "compound", "poss") and mod.i < area.i and \
                    mod.ent_type_ in ("NORP", "GPE"):
                actor = self.resolve_words([mod.text], self.when)
                if actor is not None and actor.country and actor.code == actor.country:
                    return str(actor.country)
        names = [area] + [p for prep in area.children if prep.dep_ == "prep" and prep.lower_ == "of"
                          for p in prep.children if p.dep_ == "pobj"]
        for name in names:
            if any(t.ent_type_ in PLACE_LABELS or t.pos_ == "PROPN" for t in _phrase_tokens(name)):
                words = [w for w in self._phrase(name)[0] if w not in ("'s", "\u2019s", "'")]
                actor = self.resolve_words(words, self.when)
                code = actor.country if actor is not None else self.place_country(" ".join(words))
                if code:
                    return str(code)
        return None

    def _incident_place(self, verb: Token, obj: Token | None, exclude: frozenset[str]) -> list[ActorRef]:
        """The country of the place named inside the incident a comment is about ("sorrow for the
        shootings *in South Carolina*"); the parser may hang the place on the verb instead."""
        incidents = [_pobj(prep) for holder in [verb] + ([obj] if obj is not None else [])
                     for prep in holder.children if prep.dep_ == "prep" and prep.lower_ in INCIDENT_PREPS]
        for incident in incidents:
            for tok in incident.subtree if incident is not None else ():
                if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS:
                    continue
                place = tok if tok.ent_type_ in PLACE_LABELS else _place_owner(tok)
                found = self._country_of_place(place, exclude) if place is not None else []
                if found:
                    return found
        if any(incident is not None for incident in incidents):
            return self._place_target(verb, obj, exclude)
        return []

    def place_of(self, verb: Token, obj: Token | None = None) -> Token | None:
        """The head of a place phrase ("in Zurich", "at the border") attached to the event."""
        for holder in [verb] + ([obj] if obj is not None else []):
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                    pobj = _pobj(prep)
                    if pobj is not None and (pobj.ent_type_ in PLACE_LABELS or self._mislabelled_place(pobj)):
                        return pobj
                    owner = _place_owner(pobj) if pobj is not None else None
                    if owner is not None:
                        return owner
        return None

    def _sentence_place(self, trigger: Token) -> Token | None:
        """The first place named after "in", "at" or "near" in the trigger's sentence, else the first place it
        names at all, for an event no side of which is named: where it happened is all that identifies it."""
        for tok in trigger.sent:
            if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS and (
                    tok.ent_type_ in PLACE_LABELS or self._mislabelled_place(tok)):
                return tok
        for ent in trigger.sent.ents:  # "in the north of Somalia", "parts of KwaZulu-Natal"
            if ent.label_ in ("GPE", "LOC") and self.place_country(ent.text) is not None:
                return ent.root
        return None

    def _mislabelled_place(self, tok: Token) -> bool:
        """A name after "in"/"at" that the tagger took for an organisation or a person but the gazetteer knows
        as a place ("looted in Durban")."""
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("ORG", "PERSON", ""):
            return False
        words, _, _ = self._phrase(tok)
        known = self.resolve_words(words, self.when) is not None
        return not known and self.place_country(" ".join(words)) is not None

    def _all_people(self, *refs: ActorRef | None) -> bool:
        present = [r for r in refs if r is not None]
        return bool(present) and all(
            self.discourse.is_person(r.actor) and r.actor.sector not in ARMED_SECTORS for r in present)

    def _verbal_fight(self, trigger: Token, s: ActorRef | None, t: ActorRef | None, rule: str) -> bool:
        """A named politician who "attacks" or "clashes with" a rival, or an institution of their own
        country that bears no arms, does so in words ("Trump attacks the FBI", "X and Y clashed over
        policy"); an attack on another country or on an armed group stays an attack."""
        if trigger.lemma_.lower() not in FIGURATIVE_FIGHTS or ":place-target" in rule or s is None:
            return False
        if not self.discourse.is_person(s.actor) or s.actor.sector in ARMED_SECTORS:
            return False
        if t is None or self._all_people(t):
            return True
        return t.actor.country == s.actor.country and t.actor.sector not in ("MIL", "REB", "UAF")

    def _redundant_purpose(self, verb: Token, entry: Any) -> bool:
        """An infinitive of purpose whose event is the same kind as its governing event's."""
        head = verb.head
        if verb.dep_ not in ("advcl", "xcomp") or head.i == verb.i or not any(
                c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
            return False
        governing = self.lexicon.verb(head.lemma_.lower())
        return governing is not None and not governing.weak and governing.code[:2] == entry.code[:2]

    def _compound_recipient(self, obj: Token, entry: Any, exclude: frozenset[str]) -> list[ActorRef]:
        """The recipient of a double object that the parser took for a compound of what is given, after the
        object's determiner ("offered *the family* assistance", "gave the farmers seeds"); not a word of the
        entry's own object phrase ("the military assistance")."""
        for mod in (c for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN"):
            own = f"{mod.lemma_.lower()} {obj.lemma_.lower()}" in entry.obj
            det = any(c.dep_ in ("det", "poss") and c.i < mod.i for c in (*obj.children, *mod.children))
            if det and not own and self.is_role(mod):
                return self.actors(mod, exclude=exclude)
        return []

    def _helped(self, verb: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """Who aid is for, named in its purpose clause: "to help X rebuild", "to rebuild X"."""
        for child in verb.children:
            if child.dep_ not in ("advcl", "xcomp") or not _infinitive(child):
                continue
            for word in child.subtree:
                if word.dep_ in ("dobj", "nsubj") and word.head.pos_ == "VERB":
                    found = self.actors(word, exclude=exclude)
                    if found:
                        return found
        return []

    def _purpose_clause(self, verb: Token) -> Token | None:
        for child in verb.children:
            infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children)
            if child.dep_ in ("advcl", "xcomp") and infinitive and self.lexicon.verb(child.lemma_.lower()):
                return child
        # "sent a letter to X calling for ...", "wrote a letter urging ...": a letter's participle says
        # what the letter does
        letter = _first(verb, ("dobj",))
        if letter is None:
            return None
        for child in [*verb.children, *letter.children]:
            if _letter_participle(child) and self._act_verb(child):
                return child
        return None

    def _act_verb(self, verb: Token) -> bool:
        """A verb the lexicon codes as an act other than a statement ("calling for", "urging")."""
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        preps = [c.lower_ for c in verb.children if c.dep_ == "prep"]
        entry = self.lexicon.verb(verb.lemma_.lower(), particle=particle, preps=preps)
        return entry is not None and not entry.weak and entry.code[:2] != "01"

    def _noun(self, noun: Token) -> list[Candidate]:  # noqa: C901
        if noun.dep_ in ("compound", "amod", "nmod"):
            return []  # "riot police", "protest leaders": the noun only modifies another
        claimants = self._claimants(noun)  # "X claimed responsibility for the bombing": X bombed
        setting = noun.head.lower_ == "of" and "setting" in _classes(noun.head.head)  # "sidelines of X"
        if noun.dep_ == "pobj" and noun.head.lower_ in BACKGROUND_PREPS and not claimants and not setting \
                and not self._announcer(noun):
            return []  # "on the success of the G20 summit": a topic, not an event being reported
        if noun.dep_ == "pobj" and noun.head.lower_ in ERA_PREPS and "era" in _classes(noun):
            return []  # "mines laid during the war with X": the war is when, not what is reported
        guarded = noun.head.lower_ == "against" and noun.head.head.lemma_.lower() in GUARD_VERBS
        if noun.dep_ == "pobj" and guarded:
            return []  # "warned against attacks": a possibility guarded against
        preps = [c.lower_ for c in noun.children if c.dep_ == "prep"] + _verb_attached(noun)
        mods = [c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
        of_obj = next((_pobj(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        of_lemma = _joined_lemma(of_obj) if of_obj is not None else None  # "release of prisoners"
        entry = self.lexicon.noun(_joined_lemma(noun), mods=mods, preps=preps, obj=of_lemma) or \
            self.lexicon.noun(_joined_form(noun), mods=mods, preps=preps)  # "hostage-taking", not "-take"
        if entry is None or (entry.weak and self._announced_act(noun)):
            return []  # "the announcement of tariffs on X": the tariffs are the event
        rule = f"noun:{entry.lemma}"
        if self._not_violence(noun, entry.code, None, entry.lemma):
            return []
        sources: list[ActorRef] = list(claimants)
        if claimants:
            rule += ":claimed"
        opposed = self._opposed(noun)  # "anti-government protests": the government is the target
        against = {i for ref in opposed for i in range(ref.start, ref.end)}
        own_words = entry.lemma.replace("-", " ").split()  # not "military" of a "military exercise"
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < noun.i and \
                    child.i not in against and child.lemma_.lower() not in own_words:
                sources.extend(self.actors(child))  # nor "hostage" of a "hostage-taking"
        if not claimants and self._placed_doers(noun, sources):
            sources = []  # "X and Y began joint military exercises": X and Y, not "military"
        if not sources and any(c.dep_ == "poss" and c.lower_ in THIRD_PERSON for c in noun.children):
            sources = self._cataphora(noun)  # "during his visit to X, President Y ...": Y visited
        if entry.armed and not _armed(sources):
            return []  # "advances in medicine": only an armed side's advance is an event
        if entry.lemma == "rally" and sources and all(self.discourse.is_person(r.actor) for r in sources):
            return []  # "a Trump rally", "Clinton's rally": a candidate's meeting, not a protest by them
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                pobj = _pobj(prep)
                if pobj is not None and not _origin_place(prep, pobj, entry.code):
                    sources += self.actors(pobj)
        if not sources:
            sources = self._agent_after_of(noun)  # "the arrest of X by Y", "by Y" parsed on X
        if not sources and of_obj is not None and entry.code[:3] in EXPULSIONS:
            sources = self._expelled_from(of_obj)  # "the expulsion of 40 diplomats from Germany": Germany's
        if not sources:
            sources = self._announcer(noun)  # "the announcement by X of tariffs on Y": X's tariffs
        # two groups of one kind may fight each other ("militants were hurt in clashes with fighters")
        kin: frozenset[str] | None = None
        if not sources and entry.reverse and entry.reverse == entry.code:
            sources = self._participants(noun)  # "hurt in the clashes with X": the hurt clashed
            kin = frozenset() if sources else None
        if not sources and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX") and \
                not self._acted_on(noun, entry.code) and "topic" not in _classes(noun.head):
            sources = self._subjects(noun.head)  # "X staged a protest", "X held talks"
            rule += ":light-verb"
        targets: list[ActorRef] = []
        wanted = (entry.prep,) if entry.prep else TARGET_PREPS
        holders = [noun] + ([noun.head] if rule.endswith(":light-verb") else [])
        if of_obj is not None and not self.actors(of_obj):
            holders.append(of_obj)  # "a pledge of aid to X": the recipient hung on what is given
        holders += _agents(noun)  # "a visit by a delegation to X": "to X" hung on the delegation
        for prep_word in wanted:
            for holder in holders:
                for prep in holder.children:
                    if prep.dep_ == "prep" and prep.lower_ == prep_word:
                        pobj = _pobj(prep)
                        if pobj is not None:
                            targets = self.actors(pobj, exclude=_codes(sources) if kin is None else kin)
                    if targets:
                        break
                if targets:
                    break
            if targets:
                break
        if not targets and opposed:
            targets, rule = opposed, rule + ":anti"
        if not targets and entry.code[:2] == "14":
            targets = self._crowd_opposed(noun)  # "dragged away anti-junta demonstrators at the rally"
            rule += ":anti" if targets else ""
        if targets and entry.reverse and len(_principal_parties(sources)) > 1 and all(
                t.actor.code.startswith("---") and self._partaking(t) for t in targets):
            targets = []  # "X and Y began drills, with 9,000 sailors taking part": the sailors are theirs
        if not targets and len(sources) > 1 and entry.reverse:  # "France and Germany held talks"
            sources = _principal_parties(sources)
            return [c for a in sources for b in sources if a.actor.code != b.actor.code
                    for c in self._pairs(noun, entry.code, [a], [b], rule + ":reciprocal")]
        if not targets and entry.code[:2] in PLACE_TARGET_ROOTS and (sources or len(self._between(noun)) < 2):
            # (not "talks between X and Y in Brussels": the parties between, below, not Belgium)
            verb = noun.head if rule.endswith(":light-verb") else noun
            targets = self._place_target(verb, noun, exclude=_codes(sources))
            if targets:
                rule += ":place-target"
            elif of_obj is not None and entry.code[:2] in VIOLENT_ROOTS:
                targets = self._place_of_attack(of_obj, _codes(sources))  # "the bombardment of Donetsk"
                rule += ":attacked-place" if targets else ""
        if entry.swap:
            sources, targets = targets, sources
        if not sources and not targets:
            between = self._between(noun)  # "clashes between police and miners"
            if len(between) > 1:
                return [c for a in between for b in between if a.actor.code != b.actor.code
                        for c in self._pairs(noun, entry.code, [a], [b], rule + ":between")]
            if entry.code[:2] not in ANONYMOUS_ROOTS or not _reported_noun(noun):
                return []
            if "casualty" in _classes(noun) and not self._violent_cause(noun) and not _at_venue(noun):
                return []  # "explosions near the plant": an explosion alone may be an accident
            rule += ":anonymous"  # "a grenade attack wounded seven": the pipeline places it or drops it
        if entry.state and not sources:
            rule += STATE_ACT  # "the execution of two men"
        code, rule = _as_visit(entry.code, noun.head, sources, targets, rule)
        events = self._pairs(noun, code, sources, targets, rule)
        if entry.reverse and sources and targets and not _broken_symmetry(entry, code, rule):
            events += self._pairs(noun, entry.reverse, targets, sources, rule + ":reverse")
        return events

    def _announced_act(self, noun: Token) -> bool:
        """The "of" object of a weak event noun (an announcement) is an event noun itself ("of" hung on the
        noun or on its "by" agent)."""
        holders = [noun] + [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                            for p in [_pobj(c)] if p is not None]
        for holder in holders:
            for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "of"):
                act = _pobj(prep)
                if act is not None and self._event_noun(act, [c.lower_ for c in act.children
                                                              if c.dep_ == "prep"]):
                    return True
        return False

    def _announcer(self, noun: Token) -> list[ActorRef]:
        """Who announced an act named in the "of" phrase of a weak event noun: its owner or its "by" agent
        ("the announcement by X of sanctions", "X's announcement of sanctions")."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "of":
            return []
        weak = noun.head.head
        if weak.dep_ == "pobj" and weak.head.lower_ == "by":
            weak = weak.head.head  # "the announcement by X of tariffs": "of" hung on X
        entry = self.lexicon.noun(weak.lemma_.lower()) if weak.pos_ == "NOUN" else None
        if entry is None or not entry.weak:
            return []
        for child in weak.children:
            if child.dep_ == "poss":
                return self.actors(child)
            by = _pobj(child) if child.dep_ == "prep" and child.lower_ == "by" else None
            if by is not None:
                return self.actors(by)
        return []

    def _agent_after_of(self, noun: Token) -> list[ActorRef]:
        """The agent of an event noun that the parser hung on its "of" object ("the arrest of a reporter
        by police": "by police" on "reporter")."""
        patients = [_pobj(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        for patient in (p for p in patients if p is not None):
            for by in (c for c in patient.children if c.dep_ == "prep" and c.lower_ == "by"):
                agent = _pobj(by)
                if agent is not None:
                    return self.actors(agent)
        return []

    def _assault(self, noun: Token) -> bool:
        """An event noun of violence ("an attack", "an offensive")."""
        entry = self.lexicon.noun(_joined_lemma(noun))
        return entry is not None and entry.code[:2] in VIOLENT_ROOTS

    def _mutual(self, noun: Token) -> bool:
        """An event noun of a mutual act ("clashes"): its lexicon entry is its own reverse."""
        entry = self.lexicon.noun(_joined_lemma(noun))
        return entry is not None and entry.reverse == entry.code

    def _cataphora(self, noun: Token) -> list[ActorRef]:
        """The subject of the clause that a phrase opening the sentence with a possessive pronoun belongs
        to, when the pronoun points forward to it ("on the margins of her trip to X, the minister ...")."""
        node = noun
        for _ in range(5):
            if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        subject = _first(node, tuple(SUBJECTS)) if node.pos_ in ("VERB", "AUX") else None
        if subject is None or subject.i < noun.i or self._mentions_before(noun):
            return []  # no forward reference: the pronoun has an antecedent before it, or none follows
        return self.actors(subject)

    def _acted_on(self, noun: Token, code: str) -> bool:
        """An event noun that is the object of an act of another kind ("police dispersed the protest"): its
        verb's subject did not take part in it."""
        verb = self.lexicon.verb(noun.head.lemma_.lower())
        return verb is not None and not verb.weak and verb.code[:2] != code[:2] and not verb.is_null

    def _participants(self, noun: Token) -> list[ActorRef]:
        """The party to a mutual act named as the cause or the setting of a clause ("two guards were hurt in
        the clashes with X", "forces took the town after clashes with X"): the clause's subject, or for a
        passive clause the ones it happened to."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in CAUSE_PREPS | {"amid"}:
            return []
        verb = noun.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        patient = _first(verb, tuple(PASSIVE_SUBJECTS))
        if patient is not None and patient.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            patient = None  # "who": the noun the clause describes
        if patient is None and verb.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in verb.children):
            patient = verb.head  # "the guards who were hurt in the clashes"
        if patient is not None:
            return self.actors(patient)
        return self._subjects(verb)

    def _crowd(self, verb: Token) -> Any:
        """A verb of coming together ("gather", "assemble") is a protest when protesters do it or when it is
        done in protest ("gathered in protest", "assembled to protest"); else no event."""
        if "crowd" not in _classes(verb):
            return None
        protest = self.lexicon.verb("protest")
        subj = _first(verb, tuple(SUBJECTS))
        if subj is not None and any(r.actor.sector == "OPP" for r in self.actors(subj)):
            return protest
        for child in verb.children:
            pobj = _pobj(child) if child.dep_ == "prep" else None
            noun = self.lexicon.noun(pobj.lemma_.lower()) if pobj is not None else None
            if noun is not None and noun.code[:2] == "14":
                return protest
        return None

    def _not_violence(self, trigger: Token, code: str, obj: Token | None, entry_words: str = "") -> bool:
        """Words of violence that report no violence: a natural force or an accident as their subject or cause
        ("floods hit the coast", "killed in a landslide", "a gas explosion at a plant"), a game ("beat the
        visitors 3-1 in the final"), or an effigy or a toy as what is hit ("beating a piñata")."""
        if code[:2] not in ANONYMOUS_ROOTS:
            return False
        if any("hazard" in _classes(t) for t in self._causes(trigger, entry_words)):
            return True
        if code[:2] in ("15", "17") and any("hazard" in _classes(t) for t in _reasons(trigger, obj)):
            return True  # "declared a state of emergency over the drought": relief, no coercion
        if code[:2] in VIOLENT_ROOTS and any("contest" in _classes(t) or _score(t) for t in trigger.subtree):
            return True
        hit = [obj] if obj is not None else []
        hit += [_pobj(c) for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "at")]
        violent = code[:2] in HARM_ROOTS
        return violent and any(t is not None and "figure" in _classes(t) for t in hit)

    def _causes(self, trigger: Token, entry_words: str) -> list[Token]:
        """What a trigger names as its cause: the subject, the agent, "in/during/after X", the subject or verb
        of a "when" clause; for an event noun its own modifiers (but not those its lexicon entry names, as in
        "gas attack") and where it happened ("at a plant")."""
        causes = [c for c in trigger.children if c.dep_ in SUBJECTS]
        if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and not causes and trigger.head.pos_ == "VERB":
            # "a fire tore through the market, destroying 200 stalls": the participle's doer is the clause's
            causes += self._causes(trigger.head, "")
            if trigger.head.dep_ == "acl":  # the parser's "a blaze [swept through X]": the noun is the doer
                causes.append(trigger.head.head)
        causes += [m for c in causes for m in c.children if m.dep_ in ("compound", "amod")]  # "gas explosion"
        for prep in trigger.children:
            if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ in CAUSE_PREPS | {"at"}):
                # a verb with its own object is an act, no natural force ("executed by firing squad")
                causes += [t for t in (_pobj(prep),) if t is not None and _first(t, ("dobj",)) is None]
            if prep.dep_ == "advcl":
                causes += [prep, *(c for c in prep.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS)]
        if trigger.pos_ in ("NOUN", "PROPN"):
            named = set(entry_words.split())
            causes += [c for c in trigger.children if c.dep_ in ("compound", "amod", "nmod")
                       and c.lemma_.lower() not in named]
        return causes

    def _contender(self, ref: ActorRef | None) -> bool:
        """A side named as a competitor in a vote ("the Republican candidate"; ``contender`` in
        ``data/words.tsv``): beaten or defeated, they lost an election."""
        doc = self._doc
        return ref is not None and doc is not None and any("contender" in _classes(t)
                                                           for t in doc[ref.start:ref.end])

    def _press(self, ref: ActorRef) -> bool:
        """An actor that is the press ("reporters", "journalists", "the media")."""
        doc = self._doc
        return doc is not None and any("press" in _classes(t) for t in doc[ref.start:ref.end])

    def _violent_cause(self, verb: Token) -> bool:
        """Whether the sentence of a casualty with no perpetrator names a violent act or a weapon ("killed in
        a blast", "wounded when a grenade went off")."""
        for tok in verb.sent:
            caused = tok.dep_ == "pobj" and tok.head.lower_ in CAUSE_PREPS and tok.head.head.i == verb.i
            if tok.i == verb.i or ("casualty" in _classes(tok) and not caused):
                continue  # a blast counts as an attack when people are hurt in it (accidents are hazards)
            if "weapon" in _classes(tok):
                return True
            entry = self.lexicon.noun(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
            if entry is not None and entry.code[:2] in VIOLENT_ROOTS:
                return True
            entry = self.lexicon.verb(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
            if entry is not None and entry.code[:2] in VIOLENT_ROOTS:
                return True
        return False

    def _partaking(self, ref: ActorRef) -> bool:
        """Whether an actor's phrase is said to take part ("9,000 sailors taking part")."""
        doc = self._doc
        return doc is not None and any(c.dep_ == "acl" and "partake" in _classes(c)
                                       for t in doc[ref.start:ref.end] for c in t.children)

    def _placed_doers(self, noun: Token, modifiers: list[ActorRef]) -> bool:
        """Whether an event noun's generic modifiers ("military", "naval") give way to the placed subjects of
        the verb it is the object of."""
        if not modifiers or any(not r.actor.code.startswith("---") for r in modifiers):
            return False
        if noun.dep_ not in ("dobj", "attr") or noun.head.pos_ not in ("VERB", "AUX"):
            return False
        return any(not r.actor.code.startswith("---") for r in self._subjects(noun.head))

    def _claimants(self, noun: Token) -> list[ActorRef]:
        """Who claims an attack: the subject of "claimed responsibility (or credit) for" the noun."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() not in (
                "responsibility", "credit"):
            return []
        verb = prep.head.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in (
                "claim", "take", "accept", "admit", "assume", "acknowledge"):
            return []
        return self._subjects(verb)

    def _between(self, noun: Token) -> list[ActorRef]:
        """The parties "between X and Y" of a noun, or of the verb it is the subject of ("clashes broke
        out between X and Y")."""
        holders = [noun] + ([noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else [])
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "between":
                    pobj = _pobj(prep)
                    if pobj is not None:
                        return self.actors(pobj)
        return []

    def _pairs(self, trigger: Token, code: str, sources: list[ActorRef], targets: list[ActorRef],
               rule: str) -> list[Candidate]:
        place = self.place_of(trigger)
        if place is None and not sources and not targets:
            place = self._sentence_place(trigger)  # "a grenade exploded in a market in Davao"
        out: list[Candidate] = []
        optional_sources: list[ActorRef | None] = list(sources) or [None]
        optional_targets: list[ActorRef | None] = list(targets) or [None]
        for s in optional_sources:
            for t in optional_targets:
                if s is not None and t is not None and s.actor.code == t.actor.code and (
                        _named(s) or s.actor.name == t.actor.name):
                    continue  # one actor on both sides; two groups of one kind ("militants", "rebels") fight
                c, r = code, rule
                contest = trigger.lemma_.lower() in CONTEST_VERBS
                if code[:2] in ("18", "19") and contest and (self._all_people(s, t) or self._contender(t)):
                    continue  # "Trump beat Clinton", "defeated the Republican candidate": a vote or match won
                if code[:2] == "19" and (self._all_people(s, t) or self._verbal_fight(trigger, s, t, rule)):
                    c, r = "111", rule + ":verbal"  # two politicians who "clash" or "battle" do so in words
                if s is not None and code in ("042", "044") and s.actor.sector in AID_SECTORS:
                    c, r = AID_SECTORS[s.actor.sector], rule + ":aid-mission"  # a medical team arrives
                out.append(Candidate(trigger, c, s, t, r, place))
        return out


@functools.cache
def _subdivision_words() -> frozenset[str]:
    """Class words of a province or state ("Lagos State", "Helmand province": places/data/class_words.tsv),
    which the tagger may label an organisation."""
    from tidings.places.knowledge import Knowledge
    return frozenset(w for w, kind in Knowledge.load().class_words.items() if kind == "subdivision")


def _pair_kind(head: Token) -> str | None:
    """What "both sides", "the two countries", "the two leaders" or "the two" (alone) stand for
    (mentions/data/pair_nouns.tsv), or None for any other phrase."""
    children = list(head.children)
    if head.lower_ == "two" and head.pos_ == "NUM":
        return "side" if any(c.lower_ == "the" for c in children) and head.dep_ in SUBJECTS else None
    kind = pair_nouns().get(head.lemma_.lower()) if head.tag_ in ("NNS", "NNPS") else None
    if kind is None:
        return None
    both = any(c.lower_ == "both" for c in children)
    two = any(c.lower_ == "two" and c.dep_ == "nummod" for c in children) and \
        any(c.lower_ in ("the", "these", "those") for c in children)
    return kind if both or two else None


def _reciprocal(tok: Token | None) -> bool:
    """ "each other", "one another": the members of the subject act on one another."""
    if tok is None:
        return False
    words = {c.lower_ for c in tok.children}
    return (tok.lower_ in ("other", "another") and bool(words & {"each", "one"})) or (
        tok.lower_ == "one" and "another" in words)


def place_ref(doc: Any, ref: ActorRef) -> bool:
    """A country or capital named as where something happened ("met ... in Beijing")."""
    root = doc[ref.start:ref.end].root
    return ref.actor.code == ref.actor.country and root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def _letter_participle(tok: Token) -> bool:
    """A present participle hung on a vehicle verb or on its object ("sent a letter ... calling for")."""
    return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl") and tok.head.i < tok.i


def _vehicle(verb: Token, yielded: set[int]) -> Token | None:
    """The vehicle verb that gave way to ``verb``, its purpose clause or its letter's participle."""
    head = verb.head
    if verb.dep_ in ("advcl", "xcomp") and head.i in yielded:
        return head
    if verb.dep_ == "acl" and head.dep_ == "dobj" and head.head.i in yielded:
        return head.head
    return None


def _set_off(clause: Token) -> bool:
    """A clause that modifies a noun set off by a comma ("the agency, which works with X", "the agency,
    working with X,"): it tells what the noun does in the story. A clause that picks the noun out ("a base
    hosting troops", "the militants that had attacked") describes what it is, not an act of this report."""
    head, first = clause.head, clause.left_edge
    comma = first.i > 0 and clause.doc[first.i - 1].text == ","
    return bool(head.i != clause.i and head.i < first.i and comma)


def _addressing(verb: Token) -> bool:
    """A participle of speaking to someone (``speech``, ``data/words.tsv``) hung off a verb of saying:
    "Speaking to the elders, the governor said ..." tells whom the statement was made to, not a meeting."""
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "nsubj":
        head = head.head  # "The minister, speaking to the elders, said ...": set off after the speaker
    elif verb.dep_ != "advcl":
        return False
    return verb.tag_ == "VBG" and head.i != verb.i and head.lemma_.lower() in SPEAKING_VERBS and \
        "speech" in _classes(verb)


def _classes(tok: Token) -> frozenset[str]:
    """The word classes (``events/data/words.tsv``) of a token's lemma or singular form."""
    table = word_classes()
    lemma = tok.lemma_.lower()
    return table.get(lemma) or table.get(singular(tok.lower_)) or frozenset()


def _armed(refs: list[ActorRef]) -> bool:
    """Whether a side is an armed actor (army, rebels, police, militia)."""
    return any(r.actor.sector in ARMED_SECTORS for r in refs)


def _unauthored_harm(cand: Candidate) -> bool:
    """A verb of harm with nobody named as doing it ("were wounded", "left dead")."""
    trigger = cand.trigger
    return cand.source is None and trigger.pos_ in ("VERB", "AUX") and "casualty" in _classes(trigger)


def _named(ref: ActorRef | None) -> bool:
    """A side that names someone in particular (not a kind of actor like "police" or "people")."""
    return ref is not None and not ref.actor.code.startswith("---")


def _joined_lemma(tok: Token) -> str:
    """The lemma of a word the tokenizer split at a hyphen ("sit-in" -> "sit", "-", "in"), joined again."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
            and not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].is_alpha:
        return f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}"
    return str(tok.lemma_.lower())


def _joined_form(tok: Token) -> str:
    """A hyphenated noun as written, singular: "hostage-takings" -> "hostage-taking" (its lemma would be
    the verb's)."""
    joined = _joined_lemma(tok)
    if "-" not in joined:
        return joined
    return f"{joined.rsplit('-', 1)[0]}-{singular(tok.lower_)}"


def _counted(head: Token) -> Token | None:
    """The noun a quantity head counts ("hundreds *of protesters*", "a group of *gunmen*")."""
    if "quantity" not in _classes(head) or head.pos_ not in ("NOUN", "NUM"):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = _pobj(prep)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                return pobj  # "dozens of them": the ones the pronoun stands for
    return None


def _holder_of(head: Token) -> Token | None:
    """The owner of a post or position an armed side holds ("the army's *positions*", "*their* outposts",
    "the positions *of the rebels*"; words.tsv class ``holding``)."""
    if head.pos_ != "NOUN" or "holding" not in _classes(head):
        return None
    for child in head.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = _pobj(child)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                return pobj
    return None


def _comma_list(verb: Token, subj: Token) -> list[Token]:
    """The subjects a headline lists with commas only ("Russia, China hold drills", "Venezuela, Guyana
    leaders meet"): the noun phrases before the verb that the parser hung off it, each but the last followed
    by a comma; else the subject alone."""
    members = [c for c in verb.lefts if c.dep_ in SUBJECTS | {"npadvmod"} and c.pos_ in ("PROPN", "NOUN")]
    if len(members) < 2 or subj not in members:
        return [subj]
    doc = verb.doc
    for member, following in itertools.pairwise(members):
        last = max(t.i for t in member.subtree if not t.is_punct)
        if [t.text for t in doc[last + 1:following.left_edge.i]] != [","]:
            return [subj]
    return members


def _verb_attached(noun: Token) -> list[str]:
    """The preposition right after a verb's object that the parser hung on the verb ("announced tariffs
    *on* X", "declared a ban *on* X"): it may as well be the noun's."""
    if noun.dep_ != "dobj":
        return []
    after = noun.right_edge.i + 1
    return [c.lower_ for c in noun.head.children if c.dep_ == "prep" and c.i == after and not _when(c)]


def _agents(noun: Token) -> list[Token]:
    """The heads of an event noun's "by" phrases ("a visit by a delegation")."""
    heads = [_pobj(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    return [h for h in heads if h is not None]


def _when(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("on Friday", "in March"): when, not with whom."""
    pobj = _pobj(prep)
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def _infinitive(clause: Token) -> bool:
    """A "to" infinitive ("to discuss the crisis")."""
    verbal = clause.pos_ in ("VERB", "AUX")
    return verbal and any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.children)


def _object_heads(obj: Token) -> list[Token]:
    """Other heads an object names its thing by: what a measure word measures out ("a round *of sanctions*",
    "a team *of rescuers*") and the other members of a list ("rescuers and *medical supplies*")."""
    heads: list[Token] = []
    for member in (obj, *obj.conjuncts):
        measured = _measured(member)
        more = (member, measured, *(measured.conjuncts if measured is not None else ()))
        heads += [h for h in more if h is not None and h is not obj and h not in heads]
    return heads


def _measured(head: Token) -> Token | None:
    """The noun a measure word's "of" phrase names ("a new round *of sanctions*", "a shipment *of arms*")."""
    if not {"measure", "quantity"} & _classes(head) or head.pos_ not in ("NOUN", "NUM"):
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = _pobj(prep) if prep is not None else None
    return pobj if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") else None


def _score(tok: Token) -> bool:
    """A match result written as digits around a dash ("3-1")."""
    shape = tok.shape_.replace("–", "-")
    return shape in SCORE_SHAPES


def _misread_participle_root(verb: Token) -> bool:
    """The parser's misread of "officers responding to reports of X shot a man": the participle taken for the
    main verb (with the subject; also as the clause of "police said") and the finite verb hung on it as
    "dep"; the participle's subject acts."""
    head = verb.head
    return verb.dep_ == "dep" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.i != verb.i and \
        head.tag_ == "VBG" and head.dep_ in ("ROOT", "ccomp") and head.i < verb.i and \
        any(c.dep_ == "nsubj" for c in head.children)


def _origin_place(prep: Token, pobj: Token, code: str) -> bool:
    """ "the trip from Madrid to Lisbon": a place a journey starts from is where, not who travels (a
    "delegation from Beijing" is a group and travels)."""
    return code in VISIT_CODES and prep.lower_ == "from" and pobj.ent_type_ in PLACE_LABELS


def _at_venue(noun: Token) -> bool:
    """A blast told at a place where people gather or the state stands guard ("an explosion ripped through a
    market", "a blast at a checkpoint", words.tsv class venue): the news tells it as an attack, as a blast at
    a plant or a mine it does not (GUIDE section 1: an attack whose perpetrator is unnamed)."""
    if any("hazard" in _classes(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")):
        return False  # "a gas cylinder explosion at a market": an accident
    heads = [noun] + ([noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else [])
    for head in heads:
        for prep in head.children:
            pobj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ in VENUE_PREPS else None
            if pobj is not None and any("venue" in _classes(t) for t in (pobj, *pobj.conjuncts)):
                return True
    return False


def _reported_noun(noun: Token) -> bool:
    """An event noun that reports an event by itself: a clause's subject or object, a headline's head, or the
    cause of what happened ("killed in a blast"), not a topic ("fears of an attack")."""
    if noun.dep_ in REPORTED_NOUN_DEPS:
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in CAUSE_PREPS and noun.head.head.pos_ in ("VERB", "AUX")


def _members(head: Token) -> tuple[Token, ...]:
    """The coordinated members of the noun phrase headed by ``head`` (see :meth:`SentenceCoder.actors`),
    found once per Doc and head."""
    return per_doc(head.doc, ("members", head.i), lambda: tuple(_members_of(head)))


def _members_of(head: Token) -> list[Token]:
    """:func:`_members`, computed."""
    members = [head]
    if head.dep_ != "conj":
        members += list(head.conjuncts)
        for tok in _phrase_tokens(head):
            if tok.i != head.i:  # (the remembered phrase holds another Token object for the head)
                members += [c for c in tok.children if c.dep_ == "conj" and c not in members]
        for appos in (c for c in head.children if c.dep_ == "appos"):
            listed = [appos, *appos.conjuncts]
            if len(listed) > 1:
                members += [m for m in listed if m not in members]
                if _class_word(head):
                    members.remove(head)
    return members


def _class_word(head: Token) -> bool:
    """A plural common noun that an apposition lists the members of ("two Gulf monarchies, Qatar and Oman,
    abstained"): the class the members belong to, not one more party; the listed members are the sides (one
    act, one event per side: GUIDE section 2)."""
    return bool(head.pos_ == "NOUN" and head.tag_ == "NNS")


def _phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without clauses, appositions, coordination or trailing preps (a fresh
    list; found once per Doc and head, as the mentions, the coder and the places ask for it many times)."""
    return list(per_doc(head.doc, ("phrase_tokens", head.i), lambda: tuple(_phrase_tokens_of(head))))


def _phrase_tokens_of(head: Token) -> list[Token]:
    """:func:`_phrase_tokens`, computed."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in SKIP_IN_PHRASE]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in SKIP_IN_PHRASE or _inner_of(c, head))
    keep.sort(key=lambda t: t.i)
    # keep a contiguous run around the head
    out = [head]
    idx = {t.i for t in keep} | _inner_hyphens(head.doc, keep)
    i = head.i - 1
    while i in idx or (i - 3 in idx and _bracketed_short_form(head.doc, i)):
        if i not in idx:  # "the People's Protection Units (YPG) forces": the name, not its short form
            i -= 3
            continue
        out.insert(0, head.doc[i])
        i -= 1
    i = head.i + 1
    while i in idx:
        out.append(head.doc[i])
        i += 1
    return out


def _inner_of(prep: Token, head: Token) -> bool:
    """An "of" phrase of a modifier that lies wholly before the head: a title the parser split ("Nigeria's
    Chief of Defence Staff" with "Staff" as head and "of Defence" hung off "Chief")."""
    return bool(prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.i < head.i
                and prep.right_edge.i == head.i - 1)


def _bracketed_short_form(doc: Any, close: int) -> bool:
    """Whether ``doc[close - 2 : close + 1]`` is a short form in brackets ("(YPG)")."""
    return close >= 3 and doc[close].text == ")" and doc[close - 2].text == "(" and \
        doc[close - 1].text.isalpha() and doc[close - 1].text.isupper()


def _inner_hyphens(doc: Any, keep: list[Token]) -> set[int]:
    """Hyphens inside a word of the phrase ("Houthi-held", "pro-government"), which the parser leaves out."""
    idx = {t.i for t in keep}
    return {i + 1 for i in idx if i + 2 in idx and doc[i + 1].text == "-" and not doc[i].whitespace_
            and not doc[i + 1].whitespace_}


_LEADING = frozenset({"a", "an", "the", "this", "that", "these", "those"})


def _span_text(span: Span) -> str:
    """The words of a phrase as written, without a leading article, and with the first word of a hyphenated
    compound the phrase starts inside ("President-elect X", not "elect X")."""
    doc, first = span.doc, span.start
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
            and not doc[first - 2].whitespace_ and doc[first - 2].is_alpha:
        first -= 2
    start = first
    while start < span.end - 1 and doc[start].lower_ in _LEADING:
        start += 1
    return str(doc[start:span.end].text)


PERMITTING_VERBS = frozenset({"allow", "permit", "authorize", "authorise", "let", "approve"})


def _gerund_noun(verb: Token) -> bool:
    """A gerund that stands as a noun phrase ("*fighting* between X and Y killed five")."""
    return verb.tag_ == "VBG" and verb.dep_ in GERUND_NOUN_DEPS


def _shared_object(verb: Token) -> Token | None:
    """The object of the next verb coordinated with ``verb`` when the two share it ("condemned and sanctioned
    Iran", "arrested, questioned and released X"): ``verb`` has no object, clause or prepositional phrase of
    its own, the next verb has no subject of its own, and only conjunctions, adverbs, commas and the other
    bare verbs of the list stand between them ("arrested and later released")."""
    if any(c.dep_ in SHARING_BLOCKERS or (c.dep_ == "prep" and not _when(c)) for c in verb.children):
        return None
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members = sorted((first, *first.conjuncts), key=lambda t: t.i)
    for member in (m for m in members if m.i > verb.i):
        if member.pos_ != "VERB" or any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in member.children):
            return None
        between = verb.doc[verb.i + 1:member.i]
        if any(t.pos_ not in SHARING_GLUE and t not in members for t in between):
            return None
        obj = _first(member, ("dobj",))
        if obj is not None:
            return obj
    return None


def _refused_permission(verb: Token) -> bool:
    """Whether ``verb`` is the act a negated or refused permission is about ("would not allow X to attack
    Y", "refused to give X permission to help Y")."""
    head = verb.head
    if verb.dep_ not in ("advcl", "xcomp", "ccomp", "acl") or head.i == verb.i:
        return False
    if head.pos_ == "NOUN" and head.lemma_.lower() in PERMISSION_NOUNS:
        head = head.head  # "permission to help" hangs on the noun
    licence = _first(head, ("dobj",))
    permits = head.lemma_.lower() in PERMITTING_VERBS or (
        licence is not None and licence.lemma_.lower() in PERMISSION_NOUNS)
    return permits and _negated(head)


def _broken_symmetry(entry: Any, code: str, rule: str) -> bool:
    """A mutual act ("met", "clashed with") is told both ways only as itself between two parties: not
    when it was refused or became a statement, nor towards the place it happened in ("met in Geneva")."""
    return entry.reverse == entry.code and (code != entry.code or ":place-target" in rule)


def _as_visit(code: str, verb: Token, sources: list[ActorRef], targets: list[ActorRef],
              rule: str) -> tuple[str, str]:
    """A meeting whose only other side is the country it takes place in, attended by someone from
    elsewhere ("will attend a summit in Japan"), is a visit to that country (042)."""
    if code != "040" or not rule.endswith(":place-target") or verb.lemma_.lower() not in ATTEND_VERBS:
        return code, rule
    if sources and all(s.actor.country != t.actor.country for s in sources for t in targets):
        return "042", rule + ":visit"
    return code, rule


# Parts of a country named by its owner: "in Kenya's capital", "in Syria's north".
PLACE_PARTS = frozenset({"capital", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                         "southwest", "centre", "center", "border", "coast", "outskirts", "interior"})


# Adjectives that take an extraposed infinitive after an empty "it": "it is hard to beat X".
EXTRAPOSING = frozenset({"hard", "easy", "difficult", "impossible", "possible", "important", "necessary",
                         "likely", "unlikely", "tough", "vital", "essential", "crucial", "wrong", "right"})


def _extraposed(node: Token) -> bool:
    """Whether the climb reached a clause "it is ADJ to ..." with an extraposing adjective."""
    chain = [node, *node.children, *(c for x in node.children if x.dep_ == "xcomp" for c in x.children)]
    return any(t.lemma_.lower() in EXTRAPOSING and t.pos_ == "ADJ" for t in chain)


def _place_owner(pobj: Token) -> Token | None:
    """The place that owns a part of it: "Kenya" in "in Kenya's capital"."""
    if pobj.lemma_.lower() not in PLACE_PARTS:
        return None
    return next((c for c in pobj.children if c.dep_ == "poss" and c.ent_type_ in PLACE_LABELS), None)


def _headline_passive(verb: Token) -> bool:
    """Headline style without the auxiliary: "Consulate bombed by Taliban". (A past tense form without an
    object, "Journalist detained in Minsk", was tried as a passive too: it cost test recall.)"""
    children = list(verb.children)
    doc = verb.doc
    headline = doc[-1].text not in (".", "!", "?", '"', "'") and len(doc) <= 20
    return bool(verb.tag_ == "VBN" and verb.dep_ == "ROOT" and headline
                and any(c.dep_ == "nsubj" for c in children)
                and not any(c.dep_ in ("aux", "dobj") for c in children))


def _object_place(obj: Token | None) -> Token | None:
    """A place that is itself what an act is done to: the object named as a place ("took Palmyra"), or
    named by "of" after a noun ("shelled the city of X")."""
    if obj is None or obj.pos_ not in ("PROPN", "NOUN"):
        return None
    if obj.ent_type_ in PLACE_LABELS:
        return obj
    for prep in obj.children:
        pobj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "of" else None
        if pobj is not None and pobj.ent_type_ in PLACE_LABELS:
            return pobj
        if pobj is not None and pobj.pos_ == "PROPN" and obj.lemma_.lower() in _settlement_words():
            return pobj  # "the city of X", "the district of X": a place, whatever label the parser gave X
    return None


@functools.cache
def _settlement_words() -> frozenset[str]:
    """Words that name a kind of place before "of" and its name ("the town of X", "the province of X"):
    the towns, subdivisions and districts of the places' ``class_words.tsv``."""
    from tidings.places.knowledge import Knowledge  # the places' own table, read once

    return frozenset(word for word, kind in Knowledge.load().class_words.items()
                     if kind in ("city", "subdivision", "unit"))


def _shared_passive(verb: Token) -> bool:
    """A participle that shares the passive of the verb it is coordinated with ("were killed and injured")."""
    head = verb.head
    return bool(verb.dep_ == "conj" and verb.tag_ == "VBN" and head.i != verb.i
                and not any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS | {"aux"} for c in verb.children)
                and any(c.dep_ == "auxpass" for c in head.children))


def _reporting_head(verb: Token) -> Token | None:
    """The verb whose said-clause ``verb`` heads; "said Tuesday its troops fired", which the parser reads as
    a relative clause on the day, included."""
    if verb.dep_ == "ccomp":
        return verb.head
    if verb.dep_ == "relcl" and verb.head.dep_ == "npadvmod" and verb.head.ent_type_ in ("DATE", "TIME"):
        return verb.head.head
    return None


def _feeling(tok: Token) -> bool:
    """ "Norway is concerned over X": an adjective of feeling after "be" is coded as a verb (words.tsv)."""
    return bool(tok.pos_ == "ADJ" and tok.dep_ == "acomp" and "feeling" in _classes(tok))


def _subjunctive(tok: Token) -> bool:
    """A bare or present-tense verb the tagger took for a noun, though the parser gave it a subject and an
    object ("demanded that the government release the activists", a headline "The rebels storm a town")."""
    children = [c.dep_ for c in tok.children]
    # a headline's present tense is tagged a plural noun: "Sudan's army rejects ceasefire proposal"
    headline = tok.tag_ == "NNS" and tok.dep_ == "ROOT" and tok.lower_.endswith("s")
    return bool(tok.pos_ == "NOUN" and tok.dep_ in ("ccomp", "ROOT", "conj")
                and (tok.tag_ == "NN" or headline) and "nsubj" in children and "dobj" in children)


def _reduced_passive(verb: Token) -> bool:
    """A past participle after its noun: "civilians besieged by rebels", "shells fired by X", and without an
    agent "three soldiers killed in a blast", a headline's "Opposition leader arrested in X"."""
    return bool(verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN")
                and not any(c.dep_ in ("dobj", "nsubj", "aux") for c in verb.children))


def _demand(appeal: str, act: str) -> str:
    """The demand (CAMEO 10) for what an appeal (02) asks: "0256" -> "1056", a withdrawal -> "106"."""
    for key in (act[:4], act[:3]):
        if key in DEMAND_BY_ACT:
            return DEMAND_BY_ACT[key]
    if appeal in DEMAND_BY_APPEAL:
        return DEMAND_BY_APPEAL[appeal]
    code = "10" + appeal[2:]
    return code if is_code(code) else "100"


def _obliged(verb: Token) -> bool:
    """A clause of obligation: "Y must withdraw", "Y should stop"."""
    return any(c.dep_ == "aux" and c.lower_ in OBLIGING_AUX for c in verb.children)


def _willing(tok: Token) -> bool:
    """An adjective of readiness ("ready", "prepared" as an adjective, not "prepared to attend" as a verb)."""
    return tok.pos_ == "ADJ" and "willing" in _classes(tok)


def _said_by(pronoun: Token) -> set[int]:
    """The positions of what a pronoun subject of a verb of saying says ('"...," it said'): its clause."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECTS or verb.lemma_.lower() not in SPEAKING_VERBS:
        return set()
    said = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i:  # the saying hung off what is said
        said |= {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    return said


def _without_effects(cands: list[Candidate]) -> list[Candidate]:
    """Effects are not events of their own: in "troops shelled the town, killing 12" or "rioters set fire to
    the hall, destroying it", the participle set off after a violent clause states what that act did."""
    acts = {c.trigger.i for c in cands if c.code[:2] in HARM_ROOTS}

    def effect(c: Candidate) -> bool:
        t = c.trigger
        return c.code[:2] in HARM_ROOTS and t.tag_ == "VBG" and t.dep_ == "advcl" and t.head.i in acts
    return [c for c in cands if not effect(c)]


def _principal_parties(parties: list[ActorRef]) -> list[ActorRef]:
    """The parties of a mutual act: where two or more are placed in a country or body, an unplaced generic
    one beside them ("the US and the Philippines began drills, with 17,000 troops taking part") is theirs,
    not a third party."""
    placed = [p for p in parties if not p.actor.code.startswith("---")]
    return placed if len({p.actor.code for p in placed}) > 1 else parties


def _reasons(trigger: Token, obj: Token | None) -> list[Token]:
    """What an act is done over or because of ("over X", "because of X", "due to X", "owing to X"), said of
    the act, of its object ("a state of emergency over X") or, for an event noun, of the verb it is the object
    of ("imposed a curfew due to X")."""
    holders = [trigger, *([obj] if obj is not None else [])]
    holders += [trigger.head] if trigger.dep_ == "dobj" else []
    preps = [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in REASON_PREPS]
    return [t for p in preps for t in p.subtree if t.dep_ == "pobj" and t.head.head.i in (p.i, p.head.i)]


def _as_mass_violence(cands: list[Candidate], verb: Token, code: str) -> list[Candidate]:
    """The verb's violent events given the code of the mass violence (CAMEO 20) its noun names ("soldiers
    killed dozens of villagers in a massacre": 202, the verb's sides); other codes leave them as they are."""
    if code[:2] != MASS_VIOLENCE:
        return cands
    return [replace(c, code=code) if c.trigger.i == verb.i and c.code[:2] in VIOLENT_ROOTS else c
            for c in cands]


def _same_family(a: str | None, b: str) -> bool:
    if a is None:
        return False
    return a == b or (a in HARM_ROOTS and b in HARM_ROOTS)


def _monitor(actor: Actor) -> bool:
    """An international or non-governmental organisation or a rights group: one that watches a conflict."""
    chunks = {actor.code[i : i + 3] for i in range(3, len(actor.code), 3)}
    return actor.code[:3] in ("IGO", "NGO") or bool(chunks & {"HRI", "NGO"})


def _future(verb: Token) -> bool:
    """A future or conditional auxiliary on the verb ("would be lifted", "will reopen")."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _authority(actor: Actor) -> bool:
    """A government or a country speaking as a whole: who takes a measure it announces in the passive."""
    return not actor.code.startswith("---") and (actor.sector == "GOV" or (
        actor.sector is None and actor.country is not None and actor.code == actor.country))


def _institutional(actor: Actor) -> bool:
    """A state or organisation speaking as such (USA, IGOUNO, a rights group), not a spokesman or a paper."""
    if actor.code.startswith("---"):
        return False
    chunks = {actor.code[i : i + 3] for i in range(3, len(actor.code), 3)}
    return actor.sector is None or actor.code[:3] in ("IGO", "NGO") or bool(chunks & {"HRI", "NGO"})


def _refusal(verb: Token) -> bool:
    """A negated act that is a decision ("would not provide", "refused to release"), not a mere non-event
    ("did not meet")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("refuse", "decline", "reject"):
        return True
    modals = FUTURE_AUX | {"wo", "can", "ca", "could"}
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _judgement(verb: Token) -> tuple[Token | None, Token | None]:
    """What a verb of naming judges and the word it judges it by: "called the visit a provocation",
    "described the junta as illegitimate", "branded the sanctions illegal" (a small clause)."""
    judged = _first(verb, ("dobj",))
    for child in verb.children:
        if child.dep_ in ("oprd", "advcl", "acomp", "ccomp", "xcomp") and child.pos_ in ("ADJ", "NOUN"):
            return judged or _first(child, ("nsubj",)), child
        if child.dep_ == "prep" and child.lower_ == "as":
            return judged, _pobj(child)
    return judged, None


def _judged_as(verdict: Token, kind: str) -> bool:
    """A word of censure or of praise (words.tsv ``censure``, ``laud``), itself or as a modifier or conjunct
    of it ("a dangerous provocation", "a reliable partner")."""
    words = [verdict, *(c for c in verdict.children if c.dep_ in ("amod", "conj"))]
    return any(kind in _classes(w) for w in words)


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    # "refused to release", "would not give permission to"
    return verb.dep_ == "xcomp" and (head.lemma_.lower() in ("refuse", "decline", "fail")
                                    or any(c.dep_ == "neg" for c in head.children))


def _within(tok: Token, ancestor: Token) -> bool:
    return tok.i == ancestor.i or ancestor in tok.ancestors


def _first(tok: Token, deps: tuple[str, ...]) -> Token | None:
    for child in tok.children:
        if child.dep_ in deps:
            return child
    return None


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


def _prep_object(verb: Token, word: str) -> Token | None:
    """The object of the verb's preposition ``word`` ("engaged *in* clashes" -> clashes), if any."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == word), None)
    return _pobj(prep) if prep is not None else None


def _codes(refs: list[ActorRef]) -> frozenset[str]:
    return frozenset(r.actor.code for r in refs)


def _retext(actor: Actor, text: str) -> Actor:
    return Actor(text, actor.name, actor.code, actor.country, actor.sector)


def direction(cand: Candidate) -> str:
    """Which way an event between two mentions goes, as their order ("militants clashed with militants":
    between two parties of one kind each way is an event of its own, GUIDE section 3); empty without two."""
    s, t = cand.source, cand.target
    if s is None or t is None or s.start == t.start:
        return ""
    return f"{s.start}>{t.start}"


def _same_kind_direction(cand: Candidate) -> str:
    same = cand.source is not None and cand.target is not None and \
        cand.source.actor.code == cand.target.actor.code
    return direction(cand) if same else ""


def _carried_by_purpose(cand: Candidate, cands: list[Candidate]) -> bool:
    """A one-sided act whose purpose clause codes the same act with its target: "police used tear gas to
    disperse the protest" is one act, the dispersal of the protest."""
    if cand.target is not None or cand.source is None:
        return False
    return any(o.target is not None and o.source is not None and o.code[:2] == cand.code[:2]
               and o.source.actor.code == cand.source.actor.code and o.trigger.head.i == cand.trigger.i
               and o.trigger.dep_ in ("advcl", "xcomp") for o in cands)


def _aid_purpose(cand: Candidate, givers: set[int]) -> bool:
    """ "sent tents to help X": the help is what the aid given is for, not a second act of aid."""
    return cand.code[:2] == "07" and cand.trigger.dep_ in ("advcl", "xcomp") and \
        cand.trigger.head.i in givers and cand.trigger.head.i != cand.trigger.i


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, str, str, str]] = set()
    out: list[Candidate] = []
    givers = {c.trigger.i for c in cands if c.code[:3] in AID_GIVING}
    for c in cands:
        if _carried_by_purpose(c, cands) or _aid_purpose(c, givers):
            continue
        key = (c.source.actor.code if c.source else "", c.target.actor.code if c.target else "", c.code,
               _same_kind_direction(c))
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
