"""The word lists that drive attribution and factuality, in one place so they are easy to extend.

Every list holds lower-case *lemmas* (spaCy's ``token.lemma_``) unless its name says otherwise. The
rules in :mod:`tidings.attribution.assess` only look words up here; adding a word to the right set is
enough to teach the rules a new cue.

Predicates that can introduce a source fall into classes, by what they imply about the embedded event:

* ``REPORT_VERBS``: the source says the event happened (``reported``).
* ``BELIEF_VERBS`` and ``ALLEGE_VERBS``: the source believes or alleges it (``hedged``).
* ``RUMOUR_VERBS``: it is rumoured or speculated (``rumoured``).
* ``PREDICT_VERBS``: the source expects it to happen (``hypothetical``).
* ``DENY_VERBS``: the source says it did not happen (``negated``).

A verb in these classes is a source predicate only when the event sits in its clausal complement (or
the verb is an inverted or parenthetical "..., officials said"): "the company reported a loss" makes
"loss" reported by the company, but "added 500 jobs" is not a report.
"""

from __future__ import annotations

# --- Source predicates -------------------------------------------------------------------------------

REPORT_VERBS: frozenset[str] = frozenset({
    "say", "tell", "report", "announce", "state", "confirm", "add", "note", "write", "insist", "declare",
    "explain", "reveal", "disclose", "acknowledge", "admit", "assert", "argue", "stress", "emphasise",
    "emphasize", "reiterate", "remark", "comment", "observe", "testify", "tweet", "post", "publish",
    "quote", "cite", "inform", "notify", "recount", "mention", "indicate", "conclude", "repeat",
    "respond", "reply", "answer", "complain", "boast", "concede", "recall", "warn", "caution", "claim",
    "maintain", "contend", "agree", "specify", "broadcast", "relate", "brief", "underline", "highlight",
    "point", "show", "find", "learn", "discover", "hear", "know", "see", "realise", "realize",
    "notice", "verify", "assure", "promise", "pledge", "vow", "threaten", "predict", "forecast",
})
"""Speech and report verbs. (``promise``/``pledge``/``vow``/``threaten``/``predict``/``forecast`` also
appear in :data:`PREDICT_VERBS`: they attribute, and make the embedded event hypothetical.)"""

BELIEF_VERBS: frozenset[str] = frozenset({
    "believe", "think", "suspect", "suppose", "assume", "guess", "estimate", "reckon", "suggest",
    "hint", "imply", "doubt", "fear", "feel", "presume", "surmise", "understand", "consider", "judge",
    "question", "dispute", "theorise", "theorize", "calculate", "worry",
})
"""Cognition verbs: the embedded event is the source's belief, so it is ``hedged``."""

ALLEGE_VERBS: frozenset[str] = frozenset({"allege", "accuse", "charge"})
"""An allegation is unproven by definition (like "allegedly"): ``hedged``, with the alleger as source."""

RUMOUR_VERBS: frozenset[str] = frozenset({"rumour", "rumor", "speculate", "whisper", "gossip"})

PREDICT_VERBS: frozenset[str] = frozenset({
    "expect", "predict", "forecast", "anticipate", "hope", "wish", "project", "promise", "pledge",
    "vow", "threaten", "foresee", "envisage", "envision",
})

DENY_VERBS: frozenset[str] = frozenset({"deny", "refute", "rebut", "disprove", "disavow", "dismiss"})

SOURCE_VERBS: frozenset[str] = (
    REPORT_VERBS | BELIEF_VERBS | ALLEGE_VERBS | RUMOUR_VERBS | PREDICT_VERBS | DENY_VERBS
)

ACCORDING_TO: tuple[str, str] = ("according", "to")
"""The lower-case words of the prepositional cue "according to X"."""

REPORT_NOUNS: frozenset[str] = frozenset({
    "report", "statement", "announcement", "claim", "comment", "remark", "assertion", "testimony",
    "account", "declaration", "confirmation", "admission", "news", "word", "indication", "finding",
    "assurance", "warning",
})
"""Nouns that carry a reported proposition: "reports that the army withdrew"."""

ALLEGE_NOUNS: frozenset[str] = frozenset({"allegation", "accusation", "charge", "suspicion", "belief"})

RUMOUR_NOUNS: frozenset[str] = frozenset({
    "rumour", "rumor", "speculation", "whisper", "hearsay", "gossip", "buzz", "chatter",
})

DENY_NOUNS: frozenset[str] = frozenset({"denial"})

RUMOUR_ADJECTIVES: frozenset[str] = frozenset({
    "unconfirmed", "unverified", "unsubstantiated", "rumoured", "rumored", "uncorroborated",
})
"""On a source noun ("unconfirmed reports said ...", "according to unnamed sources") these make the
report a rumour. On an event noun, "rumoured" does the same ("the rumoured merger"). A named but
anonymous source ("unnamed officials said") is a report, not a rumour."""

FROM_NEGATIVE_GOVERNORS: frozenset[str] = frozenset({
    "prevent", "stop", "keep", "bar", "ban", "block", "deter", "discourage", "dissuade", "refrain",
    "abstain", "restrain", "prohibit", "exclude", "preclude", "hinder", "restrict", "save", "spare",
})
"""Verbs with "from" + gerund whose gerund did not happen: "stopped them from leaving"."""

# --- Negation ----------------------------------------------------------------------------------------

NEGATION_WORDS: frozenset[str] = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody",
                                            "nothing", "none", "nowhere", "noone", "no-one"})
"""Lower-case forms of words that negate the clause they attach to."""

NEGATIVE_DETERMINERS: frozenset[str] = frozenset({"no", "neither"})
NEGATIVE_PRONOUNS: frozenset[str] = frozenset({"nobody", "nothing", "none", "noone", "no-one"})
NEGATIVE_PREPOSITIONS: frozenset[str] = frozenset({"without"})
"""A gerund under one of these did not happen: "left without paying"."""

NEGATIVE_GOVERNORS: frozenset[str] = frozenset({
    "fail", "refuse", "decline", "reject", "avoid", "neglect", "omit", "forget", "prevent",
    "block", "forbid", "ban", "bar", "prohibit", "halt", "deter", "cancel", "scrap", "abandon", "veto",
    "thwart", "foil", "avert", "rule", "call",
})
"""Verbs whose complement (infinitive, gerund, "from" + gerund, or event-noun object) did not happen:
"failed to reach", "refused to attend", "prevented them from leaving", "cancelled the meeting".
("rule"/"call" only count with the particle "out"/"off": "ruled out a merger", "called off the talks".)"""

NEGATIVE_PARTICLE_VERBS: frozenset[tuple[str, str]] = frozenset({("rule", "out"), ("call", "off")})
"""Governors in :data:`NEGATIVE_GOVERNORS` that need a particle to be negative."""

NEGATIVE_ADJECTIVES: frozenset[str] = frozenset({
    "cancelled", "canceled", "aborted", "averted", "foiled", "thwarted", "unable", "scrapped",
    "abandoned", "unwilling", "failed",
})
"""As a modifier of an event noun ("the cancelled visit") or a predicate adjective governing an
infinitive ("was unable to attend")."""

# --- Hedges ------------------------------------------------------------------------------------------

HEDGE_ADVERBS: frozenset[str] = frozenset({
    "reportedly", "allegedly", "apparently", "purportedly", "possibly", "probably", "likely", "perhaps",
    "maybe", "presumably", "supposedly", "seemingly", "ostensibly", "potentially", "conceivably",
    "reputedly", "arguably", "plausibly", "unlikely", "probable",
})

HEDGE_MODALS: frozenset[str] = frozenset({"may", "might", "could", "can", "ca"})
"""Possibility modals. They make an event ``hedged`` whether it is past ("may have met") or future
("could intensify"): the writer does not vouch that it happens, and a future possibility is a weaker
claim than a future plan ("will")."""

HEDGE_ADJECTIVES: frozenset[str] = frozenset({
    "alleged", "suspected", "possible", "probable", "likely", "apparent", "purported", "presumed",
    "supposed", "claimed", "reported", "unlikely", "putative", "feared", "unclear", "uncertain",
    "unconfirmed", "unverified",
})
"""On an event noun ("the alleged attack") or as a predicate ("it is possible that ...", "is likely
to attack")."""

HEDGE_RAISING_VERBS: frozenset[str] = frozenset({"seem", "appear"})
"""'appears to have fled', 'seems that ...'."""

PASSIVE_HEDGE_VERBS: frozenset[str] = frozenset({
    "say", "believe", "think", "report", "allege", "suspect", "understand", "rumour", "rumor", "know",
    "claim", "fear", "estimate", "consider", "suppose", "presume", "feel", "speculate",
})
"""Raising passives: 'is said to have met', 'is believed to be', 'was reported to have fled'. The
event is hedged (or rumoured for rumour verbs) and the source is unnamed."""

# --- Hypotheticals -----------------------------------------------------------------------------------

FUTURE_MODALS: frozenset[str] = frozenset({
    "will", "shall", "would", "'ll", "wo", "should", "must", "ought", "need", "'d", "gon",
})
"""Future, conditional and deontic auxiliaries: the event is not (yet) real."""

CONDITIONAL_MARKERS: frozenset[str] = frozenset({
    "if", "unless", "whether", "provided", "providing", "assuming", "lest", "suppose", "supposing",
})

INTENT_GOVERNORS: frozenset[str] = frozenset({
    "plan", "intend", "aim", "want", "seek", "hope", "wish", "expect", "threaten", "promise", "pledge",
    "vow", "agree", "decide", "prepare", "propose", "offer", "try", "attempt", "plot", "schedule", "set",
    "slate", "poise", "need", "have", "consider", "mull", "weigh", "contemplate", "urge", "ask", "order",
    "demand", "request", "encourage", "push", "lobby", "campaign", "negotiate", "discuss", "debate",
    "mean", "like", "prefer", "volunteer", "struggle", "strive", "resolve", "choose", "elect", "opt",
    "vote", "call", "appeal", "instruct", "command", "direct", "advise", "recommend", "invite", "allow",
    "permit", "authorise", "authorize", "approve", "require", "tell", "warn", "predict", "forecast",
    "anticipate", "project", "target", "eye", "explore", "study", "design", "bid", "move",
    "await", "delay", "postpone", "defer", "suspend", "conspire", "scramble", "rush", "hurry",
})
"""Verbs whose infinitive/gerund complement or event-noun object is not (yet) real: "plans to attack",
"is expected to announce", "threatened to retaliate", "postponed the vote". ("begin" is not here: see
:data:`IMPLICATIVE_GOVERNORS`.)"""

IMPLICATIVE_GOVERNORS: frozenset[str] = frozenset({
    "manage", "begin", "start", "continue", "resume", "keep", "proceed", "help", "force", "compel",
    "oblige", "get", "happen", "tend", "remember", "dare", "bother", "succeed", "finish", "complete",
    "end", "go", "come", "use", "serve", "cause", "make", "let", "see", "hear", "watch", "spend", "stop",
    "cease", "quit",
})
"""Verbs whose complement happened when they did ("managed to escape", "began shelling"). They win
over :data:`INTENT_GOVERNORS` when a lemma is in both."""

INTENT_NOUNS: frozenset[str] = frozenset({
    "plan", "proposal", "intention", "bid", "attempt", "effort", "threat", "promise", "pledge", "offer",
    "call", "demand", "request", "goal", "aim", "hope", "deal", "agreement", "plot", "scheme",
    "decision", "readiness", "willingness", "desire", "wish", "campaign", "push", "move", "order",
    "vow", "commitment", "ultimatum", "appeal", "prospect", "possibility", "chance", "option",
    "opportunity", "right", "permission", "authority", "mandate", "talk", "expectation", "forecast",
    "prediction", "target", "intent", "ambition", "initiative", "strategy", "idea",
})
"""Nouns whose infinitival or "of"-complement is not (yet) real: "plans to attack", "a deal to buy"."""

INTENT_ADJECTIVES: frozenset[str] = frozenset({
    "planned", "proposed", "expected", "intended", "scheduled", "upcoming", "forthcoming", "future",
    "prospective", "impending", "pending", "imminent", "threatened", "potential", "would-be",
    "anticipated", "projected", "hypothetical", "next", "due", "set", "poised", "slated", "ready",
    "eager", "willing", "about", "going", "bound", "keen", "determined", "prepared",
})
"""On an event noun ("the planned visit", "the upcoming summit") or as a predicate adjective governing
an infinitive ("is due to arrive", "is ready to negotiate")."""

SUPPORT_VERBS: frozenset[str] = frozenset({
    "hold", "launch", "stage", "carry", "conduct", "make", "take", "give", "mount", "wage", "sign", "reach",
    "begin", "start", "open", "host", "organise", "organize", "resume", "continue", "complete", "conclude",
    "finalise", "finalize", "seal", "strike", "have", "perform", "commit", "undertake", "initiate",
    "pursue", "attend", "join", "convene", "deliver", "issue", "unleash", "execute",
})
"""Light verbs whose object is the event itself ("held talks", "launched an attack", "struck a deal"):
the verb's negation, modals and hedges are the event noun's. Other verbs' objects are participants
("cut 500 jobs"), so the verb's factuality does not pass to them."""

OCCURRENCE_VERBS: frozenset[str] = frozenset({
    "take", "occur", "happen", "begin", "start", "resume", "continue", "end", "go", "come", "follow",
    "last", "proceed", "open", "close", "conclude", "fail", "collapse", "break", "succeed", "unfold",
    "erupt", "commence", "finish", "stall", "progress", "intensify", "escalate", "spread",
})
"""Verbs that say an event-noun subject happens ("the talks will take place", "the attack did not
happen"): their factuality is the noun's."""

CHANGE_VERBS: frozenset[str] = frozenset({
    "fall", "rise", "drop", "gain", "climb", "jump", "decline", "slide", "surge", "plunge", "slip", "lose",
    "increase", "decrease", "grow", "shrink", "soar", "tumble", "sink", "rally", "advance", "retreat",
    "dip", "edge", "slump", "rebound", "recover", "fell", "close", "end", "finish", "open",
})
"""Verbs of change: an infinitive after them is a result, not a purpose ("fell 5% to close at 3,883")."""
