"""Contradictions between stored claims, found in SQL with the limit inside the query.

The same four kinds, with the same rules, as :func:`tidings.claims.analysis.contradictions` (which works on
claims in memory): ``dead-but-seen``, ``confirmed-denied``, ``polarity`` and ``absent-but-seen``. Here each
kind is an equi-join on the subject (and claim type) that DuckDB streams into a top-N sort, so a request
costs the join's time and memory for ``limit`` rows, never the full list of pairs in Python: 1,000 firm and
1,000 denied claims about one person are a million candidate pairs, of which ``limit`` are ever built.
``tests/test_claims_sql.py`` checks that both give the same pairs.
"""

from __future__ import annotations

from typing import Any

from tidings.claims.analysis import DATELESS_WINDOW_DAYS
from tidings.claims.records import Claim, Contradiction

FIRM_SQL = "('asserted', 'reported')"

PAIRS_SQL = """
WITH c AS MATERIALIZED (
    SELECT id, subject_code, subject_name, type, polarity, factuality, refers_to, made_on, duration_days,
           article_id,
           row_number() OVER (PARTITION BY subject_code, subject_name, type
                              ORDER BY coalesce(refers_to, made_on) NULLS FIRST, article_id, cue_start) AS rn
    FROM claims{where}
),
seen AS MATERIALIZED (
    SELECT * FROM c WHERE type = 'appearance' AND factuality IN {firm} AND polarity = 'positive'
                          AND refers_to IS NOT NULL
),
dead AS (
    SELECT d.subject_code AS subject, 'dead-but-seen' AS kind, d.id AS first, s.id AS second,
           d.factuality || ' death, seen in public on ' || strftime(s.refers_to, '%Y-%m-%d') AS note,
           d.subject_name AS name, d.rn AS first_rn, s.rn AS second_rn
    FROM c d JOIN seen s ON s.subject_code = d.subject_code AND s.subject_name = d.subject_name
    WHERE d.type = 'death' AND d.factuality <> 'denied' AND d.polarity <> 'negative'
      AND s.refers_to >= coalesce(d.refers_to, d.made_on - INTERVAL {window} DAY)
    QUALIFY row_number() OVER (PARTITION BY d.id ORDER BY s.refers_to DESC, s.rn) = 1
),
denied AS (
    SELECT f.subject_code, 'confirmed-denied', f.id, n.id, f.type || ': ' || f.factuality || ' and denied',
           f.subject_name, f.rn, n.rn
    FROM c f JOIN c n ON n.subject_code = f.subject_code AND n.subject_name = f.subject_name
                     AND n.type = f.type
    WHERE f.factuality IN {firm} AND f.polarity = 'positive' AND n.factuality = 'denied'
),
polar AS (
    SELECT a.subject_code, 'polarity', a.id, b.id, a.type || ': positive and negative', a.subject_name,
           a.rn, b.rn
    FROM c a JOIN c b ON b.subject_code = a.subject_code AND b.subject_name = a.subject_name
                     AND b.type = a.type AND b.rn > a.rn
    WHERE a.factuality IN {firm} AND b.factuality IN {firm} AND a.polarity <> b.polarity
      AND a.refers_to IS NOT DISTINCT FROM b.refers_to
),
absent AS (
    SELECT g.subject_code, 'absent-but-seen', g.id, s.id,
           'absent and seen on ' || strftime(g.refers_to, '%Y-%m-%d'), g.subject_name, g.rn, s.rn
    FROM c g JOIN seen s ON s.subject_code = g.subject_code AND s.subject_name = g.subject_name
                        AND s.refers_to = g.refers_to AND s.article_id <> g.article_id
    WHERE g.type = 'absence' AND g.factuality IN {firm} AND g.refers_to IS NOT NULL
      AND coalesce(g.duration_days, 0) = 0
)
SELECT subject, kind, first, second, note FROM (
    SELECT * FROM dead UNION ALL SELECT * FROM denied UNION ALL SELECT * FROM polar
    UNION ALL SELECT * FROM absent
)
ORDER BY subject, name, kind, first_rn, second_rn, first, second
LIMIT ?
"""


def contradiction_pairs(con: Any, where: str, params: list[Any], limit: int) -> list[tuple[str, str, str,
                                                                                           str, str]]:
    """``(subject code, kind, first claim id, second claim id, note)``, at most ``limit``, over the claims
    selected by ``where`` (a ``WHERE`` clause over ``claims``, or "") and its parameters."""
    sql = PAIRS_SQL.format(where=where, firm=FIRM_SQL, window=DATELESS_WINDOW_DAYS)
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]))
            for r in con.execute(sql, [*params, limit]).fetchall()]


def contradictions(con: Any, where: str, params: list[Any], limit: int,
                   load: Any) -> list[Contradiction]:
    """The pairs of :func:`contradiction_pairs` as records; ``load(ids)`` gives the claims by id."""
    pairs = contradiction_pairs(con, where, params, limit)
    claims: dict[str, Claim] = load(sorted({i for p in pairs for i in (p[2], p[3])})) if pairs else {}
    return [Contradiction(subject, kind, claims[first], claims[second], note)
            for subject, kind, first, second, note in pairs]
