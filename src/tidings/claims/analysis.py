"""Across articles and sources: claims grouped by subject and type, contradictions, presence timelines.

Pure functions over lists of :class:`~tidings.claims.records.Claim` and
:class:`~tidings.claims.records.Appearance` (read from the database or straight from articles).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

from tidings.claims.records import Appearance, Claim, Contradiction, Gap, Whereabouts

FIRM = frozenset({"asserted", "reported"})
"""Factuality of a claim that says something happened (as opposed to hedged, rumoured or denied)."""
DATELESS_WINDOW_DAYS = 30
"""A claim with no date of its own is taken to be about the month before it was published: a sighting in
that window (or later) contradicts a dateless death claim."""
MIN_GAP_DAYS = 7


def subject_key(claim: Claim) -> str:
    """Claims are about the same subject when they share name and code (people share country codes)."""
    return f"{claim.subject.code}|{claim.subject.name}"


def group_claims(claims: list[Claim]) -> dict[tuple[str, str], list[Claim]]:
    """Claims by (subject key, claim type), each group in date order (date referred to, else made)."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[(subject_key(claim), claim.type)].append(claim)
    for items in groups.values():
        items.sort(key=lambda c: (c.effective_date or dt.date.min, c.doc_id, c.cue_span[0]))
    return dict(groups)


def matches_subject(claim_or_name: Claim | Appearance, query: str) -> bool:
    """True when ``query`` is the subject's name (any case, hyphens as spaces), or its actor code."""
    actor = claim_or_name.subject if isinstance(claim_or_name, Claim) else claim_or_name.person
    norm = query.lower().replace("-", " ").strip()
    return norm == actor.name.lower().replace("-", " ") or query.upper() == actor.code


def contradictions(claims: list[Claim]) -> list[Contradiction]:
    """Pairs of claims about one subject that cannot both hold.

    * ``dead-but-seen``: a death claim (not denied, not negative) and a firm sighting of the same person on
      or after the date the death claim refers to (for a dateless claim: within
      :data:`DATELESS_WINDOW_DAYS` before its publication, or later).
    * ``confirmed-denied``: the same claim type and subject, one firm and positive, one denied.
    * ``polarity``: the same claim type, subject and date (or both dateless), one positive one negative,
      both firm.
    * ``absent-but-seen``: a firm absence and a firm appearance of one person on the same day.
    """
    out: list[Contradiction] = []
    groups = group_claims(claims)
    by_subject: dict[str, dict[str, list[Claim]]] = defaultdict(dict)
    for (subject, kind), items in groups.items():
        by_subject[subject][kind] = items
    for subject, kinds in by_subject.items():
        code = subject.split("|", 1)[0]
        seen = [c for c in kinds.get("appearance", []) if c.factuality in FIRM and c.polarity == "positive"
                and c.refers_to is not None]
        out.extend(_dead_but_seen(code, kinds.get("death", []), seen))
        for kind, items in kinds.items():
            out.extend(_opposed(code, kind, items))
        out.extend(_absent_but_seen(code, kinds.get("absence", []), seen))
    return out


def _dead_but_seen(code: str, deaths: list[Claim], seen: list[Claim]) -> list[Contradiction]:
    out: list[Contradiction] = []
    for death in deaths:
        if death.factuality == "denied" or death.polarity == "negative":
            continue
        floor = death.refers_to or ((death.made_on - dt.timedelta(days=DATELESS_WINDOW_DAYS))
                                    if death.made_on else None)
        later = [s for s in seen
                 if floor is not None and s.refers_to is not None and s.refers_to >= floor]
        if later:
            sighting = max(later, key=lambda s: s.refers_to or dt.date.min)
            out.append(Contradiction(code, "dead-but-seen", death, sighting,
                                     f"{death.factuality} death, seen in public on {sighting.refers_to}"))
    return out


def _opposed(code: str, kind: str, items: list[Claim]) -> list[Contradiction]:
    """Claims of one type and subject that are confirmed and denied, or firm and of opposite polarity."""
    out: list[Contradiction] = []
    firm = [c for c in items if c.factuality in FIRM]
    for denied in (c for c in items if c.factuality == "denied"):
        for claim in firm:
            if claim.polarity == "positive":
                out.append(Contradiction(code, "confirmed-denied", claim, denied,
                                         f"{kind}: {claim.factuality} and denied"))
    for i, first in enumerate(firm):
        for second in firm[i + 1:]:
            if first.polarity != second.polarity and first.refers_to == second.refers_to:
                out.append(Contradiction(code, "polarity", first, second,
                                         f"{kind}: positive and negative"))
    return out


def _absent_but_seen(code: str, absences: list[Claim], seen: list[Claim]) -> list[Contradiction]:
    absent = [c for c in absences if c.factuality in FIRM and c.refers_to is not None and not c.duration_days]
    return [Contradiction(code, "absent-but-seen", gone, there, f"absent and seen on {gone.refers_to}")
            for gone in absent for there in seen
            if there.refers_to == gone.refers_to and there.doc_id != gone.doc_id]


def timeline(person: str, sightings: list[Appearance], claims: list[Claim], as_of: dt.date, *,
             min_gap_days: int = MIN_GAP_DAYS) -> Whereabouts:
    """Where ``person`` (a name or actor code) was last seen as of ``as_of``, the gaps longer than
    ``min_gap_days`` in their public appearances, and the claims made about them during each gap.

    Gaps come from three places: between two dated appearances; a reported absence over a period
    ("absent for 15 days" ending on a date); and the open gap from the last sighting to ``as_of``. A claim
    belongs to a gap when the date it refers to lies inside it, or, for a dateless claim, when it was
    published inside it or comes from an article that reports that gap.
    """
    mine = [a for a in sightings if matches_subject(a, person) and a.date is not None and a.date <= as_of
            and (a.made_on is None or a.made_on <= as_of)]
    # on one day, a sighting dated by its own words is the better evidence than one dated by its context
    seen = sorted((a for a in mine if a.kind == "appearance"),
                  key=lambda a: (a.date or dt.date.min, a.date_text is not None))
    last = seen[-1] if seen else None
    days = (as_of - last.date).days if last is not None and last.date is not None else None
    raw: list[tuple[dt.date, dt.date, str, str, str]] = []  # start, end, reason, evidence, doc_id
    for before, after in itertools.pairwise(seen):
        if before.date and after.date and (after.date - before.date).days > min_gap_days:
            raw.append((before.date, after.date, "between appearances", after.evidence, after.doc_id))
    for absence in (a for a in mine if a.kind == "absence" and a.duration_days):
        if absence.date is not None and (absence.duration_days or 0) > min_gap_days:
            raw.append((absence.start or absence.date, absence.date, "reported absence", absence.evidence,
                        absence.doc_id))
    if last is not None and days is not None and days > min_gap_days and last.date is not None:
        raw.append((last.date, as_of, "since last seen", last.evidence, last.doc_id))
    gaps, docs = _merge(raw)
    mine_claims = [c for c in claims
                   if matches_subject(c, person) and (c.made_on is None or c.made_on <= as_of)]
    in_gaps: list[tuple[Gap, list[Claim]]] = []
    for gap, gap_docs in zip(gaps, docs, strict=True):
        inside = [c for c in mine_claims
                  if c.type not in ("appearance", "absence") and _in_gap(c, gap, gap_docs)]
        in_gaps.append((gap, inside))
    return Whereabouts(person, as_of, last, days, gaps, in_gaps)


def _in_gap(claim: Claim, gap: Gap, docs: set[str]) -> bool:
    if claim.refers_to is not None:
        return gap.start <= claim.refers_to <= gap.end
    if claim.made_on is not None and gap.start <= claim.made_on <= gap.end:
        return True
    return claim.doc_id in docs


def _merge(raw: list[tuple[dt.date, dt.date, str, str, str]]) -> tuple[list[Gap], list[set[str]]]:
    gaps: list[Gap] = []
    docs: list[set[str]] = []
    for start, end, reason, evidence, doc_id in sorted(raw):
        if gaps and start < gaps[-1].end:
            prev = gaps[-1]
            evidence_all = prev.evidence + ((evidence,) if evidence not in prev.evidence else ())
            gaps[-1] = Gap(prev.start, max(prev.end, end), prev.reason, evidence_all)
            docs[-1].add(doc_id)
        else:
            gaps.append(Gap(start, end, reason, (evidence,)))
            docs.append({doc_id})
    return gaps, docs
