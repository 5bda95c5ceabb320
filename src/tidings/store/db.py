"""The store: one DuckDB file, one writer, each batch in one transaction.

    store = Store.open("tidings.duckdb")      # creates or migrates
    run = store.start_run(["crawl/"], workers=2)
    store.write_batch(batch)                  # articles, events, actors, mentions, skips: all or nothing
    store.finish_run(run)
    rows = store.events(EventQuery(actor="RUS", since=date(2024, 1, 1)))

Every query is parameterised; nothing a user types is pasted into SQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from tidings.claims.records import Appearance, Claim, appearances
from tidings.errors import InputError, StoreError
from tidings.record import Actor, Attribution, Event
from tidings.store import versions
from tidings.store.filters import EventFilter, event_where
from tidings.store.schema import (
    ANALYSIS_TABLES,
    APPEARANCE_COLUMNS,
    CLAIM_COLUMNS,
    CONTENT_TABLES,
    MIGRATIONS,
    RUN_COLUMNS,
    SCHEMA_VERSION,
    SUMMARY_QUESTIONS,
)

if TYPE_CHECKING:
    from tidings.summary.core import Summary

DEFAULT_DB = "tidings.duckdb"


@dataclass(slots=True)
class StoredArticle:
    """An article row about to be written (the text, its metadata and its dedup links)."""

    id: str
    seq: int
    name: str
    kind: str
    text: str
    minhash: bytes
    doc_id: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    site: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    coder: str | None = None


@dataclass(slots=True)
class Skip:
    """An input that was not coded, and why (with the article's hash when it was read as one)."""

    error: InputError
    article_id: str | None = None
    minhash: bytes | None = None


@dataclass(slots=True)
class Batch:
    """What one transaction writes."""

    run_id: int
    articles: list[StoredArticle] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)  # of the coded articles (appearances derive from them)
    summaries: list[Summary] = field(default_factory=list)  # one a coded article
    duplicates: int = 0  # exact copies met in this batch (nothing is written for them)
    ignored: int = 0  # container records counted only (WARC requests, metadata)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of ``tidings events``; ``None`` means any."""

    actor: str | None = None  # source or target code
    source: str | None = None
    target: str | None = None
    code: str | None = None  # CAMEO code, or a prefix of one ("19", "190")
    root: str | None = None
    quad: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    factuality: str | None = None
    limit: int | None = 100


EVENT_COLUMNS = (
    "id", "article_id", "sentence", "evidence", "span_start", "span_end", "trigger", "trigger_start",
    "trigger_end", "date", "date_text", "date_precision",
    "source_text", "source_code", "source_name", "source_country", "source_sector",
    "target_text", "target_code", "target_name", "target_country", "target_sector",
    "cameo_code", "cameo_root", "cameo_name", "quad_class", "goldstein",
    "plover_type", "plover_mode", "plover_context",
    "location_name", "location_text", "location_country", "location_lat", "location_lon",
    "location_geonameid", "attribution_text", "attribution_name", "attribution_code", "attribution_cue",
    "factuality", "rule", "coder", "extra",
)
ARTICLE_COLUMNS = ("id", "seq", "name", "doc_id", "kind", "url", "title", "author", "published", "site",
                   "language", "text", "duplicate_of", "similarity", "coder", "run_id", "minhash")


def event_row(event: Event, article_id: str) -> tuple[Any, ...]:
    """An event flattened to the ``events`` columns (actors, CAMEO, PLOVER, place, attribution)."""
    s, t, loc, att, pl = event.source, event.target, event.location, event.attribution, event.plover
    trig = event.trigger_span
    extra = {k: v for k, v in event.extra.items() if _jsonable(v)}
    return (
        event.event_id, article_id, event.sentence, event.evidence, event.span[0], event.span[1],
        event.trigger or None, trig[0] if trig else None, trig[1] if trig else None,
        event.date, event.date_text, event.date_precision,
        s.text if s else None, s.code if s else None, s.name if s else None, s.country if s else None,
        s.sector if s else None,
        t.text if t else None, t.code if t else None, t.name if t else None, t.country if t else None,
        t.sector if t else None,
        event.cameo.code, event.cameo.root, event.cameo.name, event.cameo.quad_class, event.cameo.goldstein,
        pl.type if pl else None, pl.mode if pl else None, pl.context if pl else None,
        loc.name if loc else None, loc.text if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.geonameid if loc else None,
        att.text if att else None, att.name if att else None, att.code if att else None,
        att.cue if att else None,
        event.factuality, event.rule, event.coder, json.dumps(extra, sort_keys=True) if extra else None,
    )


def claim_row(claim: Claim) -> tuple[Any, ...]:
    """A claim flattened to :data:`~tidings.store.schema.CLAIM_COLUMNS`."""
    s, a = claim.subject, claim.attribution
    return (claim.claim_id, claim.doc_id, s.text, s.code, s.name, s.country, s.sector, claim.type,
            claim.polarity, claim.factuality, a.text if a else None, a.name if a else None,
            a.code if a else None, a.cue if a else None, claim.refers_to, claim.refers_to_text,
            claim.precision, claim.date_basis, claim.made_on, claim.duration_days, claim.evidence,
            claim.span[0], claim.span[1], claim.sentence, claim.cue, claim.cue_span[0], claim.cue_span[1],
            json.dumps(list(claim.cues)))


def appearance_row(seen: Appearance) -> tuple[Any, ...]:
    """A sighting flattened to :data:`~tidings.store.schema.APPEARANCE_COLUMNS`."""
    p, src = seen.person, seen.source
    return (seen.claim_id, seen.doc_id, p.text, p.code, p.name, p.country, p.sector, seen.kind, seen.date,
            seen.date_text, seen.duration_days, seen.factuality, src.text if src else None,
            src.name if src else None, src.code if src else None, src.cue if src else None, seen.evidence,
            seen.span[0], seen.span[1], seen.made_on)


def summary_row(summary: Summary) -> tuple[Any, ...]:
    """A 5W1H summary as ``(article_id, who, what, when, where, why, how)``, each answer JSON or NULL."""
    out: list[Any] = [summary.doc_id]
    for question in SUMMARY_QUESTIONS:
        answer = summary.answer(question)
        out.append(json.dumps(answer.to_dict(), sort_keys=True, default=str) if answer is not None else None)
    return tuple(out)


def row_claim(row: dict[str, Any]) -> Claim:
    """A ``claims`` row back as a :class:`~tidings.claims.Claim`."""
    attribution = None
    if row.get("attribution_text"):
        attribution = Attribution(row["attribution_text"], row.get("attribution_name"),
                                  row.get("attribution_code"), row.get("attribution_cue") or "")
    cues = row.get("cues")
    return Claim(
        doc_id=row["article_id"],
        subject=Actor(row.get("subject_text") or row["subject_name"], row["subject_name"],
                      row["subject_code"], row.get("subject_country"), row.get("subject_sector")),
        type=row["type"], polarity=row["polarity"], factuality=row["factuality"], attribution=attribution,
        refers_to=row.get("refers_to"), refers_to_text=row.get("refers_to_text"),
        precision=row.get("precision"), made_on=row.get("made_on"), evidence=row["evidence"],
        span=(int(row["span_start"]), int(row["span_end"])), sentence=int(row.get("sentence") or 0),
        cue=row.get("cue") or "", cue_span=(int(row.get("cue_start") or 0), int(row.get("cue_end") or 0)),
        duration_days=row.get("duration_days"),
        cues=tuple(json.loads(cues)) if isinstance(cues, str) and cues else (),
        date_basis=row.get("date_basis"),
    )


def row_appearance(row: dict[str, Any]) -> Appearance:
    """An ``appearances`` row back as an :class:`~tidings.claims.Appearance`."""
    source = None
    if row.get("source_text"):
        source = Attribution(row["source_text"], row.get("source_name"), row.get("source_code"),
                             row.get("source_cue") or "")
    return Appearance(
        person=Actor(row.get("person_text") or row["person_name"], row["person_name"], row["person_code"],
                     row.get("person_country"), row.get("person_sector")),
        kind=row["kind"], date=row.get("date"), date_text=row.get("date_text"),
        duration_days=row.get("duration_days"), factuality=row["factuality"], source=source,
        evidence=row["evidence"], span=(int(row["span_start"]), int(row["span_end"])),
        doc_id=row["article_id"], made_on=row.get("made_on"), claim_id=row["id"])


SUBJECT_SQL = ("(upper({p}_code) = upper(?) OR lower(replace({p}_name, '-', ' ')) = "
               "lower(replace(trim(?), '-', ' ')))")
"""A person asked for by name (any case, hyphens as spaces) or actor code, as
:func:`tidings.claims.matches_subject` does it."""


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def skip_id(error: InputError) -> str:
    return hashlib.sha1(f"{error.doc_id}\x00{error.reason}".encode()).hexdigest()[:16]


class Store:
    """A DuckDB event store. Use :meth:`open`; close it (or use ``with``) to release the file lock."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
        name = str(path)
        if read_only and name != ":memory:" and not Path(name).is_file():
            raise StoreError(f"no store at {name} (run `tidings ingest` first)")
        try:
            con = duckdb.connect(name, read_only=read_only)
        except duckdb.Error as exc:
            from tidings.store.serving import find_server

            served = find_server(name)
            if served is not None:
                raise StoreError(f"cannot open {name}: it is served by process {served.pid} ({served.url}); "
                                 "read it through the API, or stop the server") from exc
            raise StoreError(f"cannot open {name}: {exc}") from exc
        store = cls(con, name)
        if read_only:
            if store.version() != SCHEMA_VERSION:
                con.close()
                raise StoreError(f"{name} has schema version {store.version()}, this tidings reads "
                                 f"{SCHEMA_VERSION}: open it once without read-only to migrate")
        else:
            store.migrate()
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def version(self) -> int:
        found = self.con.execute("SELECT count(*) FROM information_schema.tables "
                                 "WHERE table_name = 'schema_info'").fetchone()
        if not found or not found[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_info").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def migrate(self) -> int:
        """Apply the migrations this store lacks, each in one transaction; return the version."""
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {current}; this tidings knows up to "
                             f"{SCHEMA_VERSION}: upgrade tidings")
        for version in range(current, SCHEMA_VERSION):
            with self._transaction():
                if version == 0:
                    self.con.execute("CREATE TABLE schema_info (version INTEGER NOT NULL, "
                                     "applied TIMESTAMP NOT NULL)")
                for statement in MIGRATIONS[version]:
                    self.con.execute(statement)
                self.con.execute("INSERT INTO schema_info VALUES (?, ?)", [version + 1, _now()])
        return SCHEMA_VERSION

    # ---------------------------------------------------------------- writing
    def start_run(self, inputs: Sequence[str], *, workers: int, coder: str, status: str = "running") -> int:
        with self._transaction():
            self.con.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
            row = self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM ingest_runs").fetchone()
            run_id = int(row[0]) if row else 1
            self.con.execute("INSERT INTO ingest_runs (id, started, status, coder, inputs, workers) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             [run_id, _now(), status, coder, json.dumps(list(inputs)), workers])
        return run_id

    def finish_run(self, run_id: int, status: str = "done") -> None:
        self.con.execute("UPDATE ingest_runs SET finished = ?, status = ? WHERE id = ?",
                         [_now(), status, run_id])
        versions.bump(self.path)

    def next_seq(self) -> int:
        row = self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()
        return int(row[0]) if row else 1

    def known(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids are stored already."""
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id) UNION "
                                "SELECT article_id FROM skipped WHERE list_contains(?, article_id)",
                                [list(ids), list(ids)]).fetchall()
        return {r[0] for r in rows}

    def failure(self, article_id: str) -> tuple[str, str] | None:
        """``(reason, message)`` of a stored skip of this article, if it was skipped."""
        row = self.con.execute("SELECT reason, message FROM skipped WHERE article_id = ? ORDER BY id LIMIT 1",
                               [article_id]).fetchone()
        return (row[0], row[1]) if row else None

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """``(article id, MinHash signature)`` of every first copy (and of articles that failed coding)."""
        cursor = self.con.execute(
            "SELECT id, minhash FROM articles WHERE duplicate_of IS NULL UNION ALL "
            "SELECT DISTINCT article_id, minhash FROM skipped WHERE minhash IS NOT NULL")
        while rows := cursor.fetchmany(1000):
            for article_id, blob in rows:
                yield article_id, bytes(blob)

    def write_batch(self, batch: Batch) -> None:
        """Write a batch in one transaction: all of it is in the store afterwards, or none of it."""
        with self._transaction():
            self._write(batch)

    def _write(self, batch: Batch) -> None:
        con = self.con
        if batch.articles:
            con.executemany(
                f"INSERT OR IGNORE INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
                [[a.id, a.seq, a.name, a.doc_id, a.kind, a.url, a.title, a.author, a.published, a.site,
                  a.language, a.text, a.duplicate_of, a.similarity, a.coder, batch.run_id, a.minhash]
                 for a in batch.articles])
        self._insert_events(batch.events)
        self._insert_analysis(batch.claims, batch.summaries)
        for article in batch.articles:
            if article.duplicate_of is not None:
                con.execute("INSERT OR IGNORE INTO mentions SELECT event_id, ?, false FROM mentions "
                            "WHERE article_id = ? AND is_first", [article.id, article.duplicate_of])
        if batch.skipped:
            con.executemany("INSERT OR IGNORE INTO skipped VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            [[skip_id(s.error), s.error.doc_id or "", s.error.reason, s.error.code,
                              str(s.error), s.article_id, s.minhash, batch.run_id] for s in batch.skipped])
        near = sum(1 for a in batch.articles if a.duplicate_of is not None)
        con.execute(
            "UPDATE ingest_runs SET articles = articles + ?, events = events + ?, "
            "duplicates = duplicates + ?, near_duplicates = near_duplicates + ?, skipped = skipped + ?, "
            "ignored = ignored + ? WHERE id = ?",
            [len(batch.articles) - near, len(batch.events), batch.duplicates, near, len(batch.skipped),
             batch.ignored, batch.run_id])

    def _insert_events(self, events: Sequence[Event]) -> None:
        if not events:
            return
        self.con.executemany(
            f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
            [list(event_row(e, e.doc_id)) for e in events])
        self.con.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?, true)",
                             [[e.event_id, e.doc_id] for e in events])
        actors = {(a.code, a.name): a for e in events for a in (e.source, e.target) if a is not None}
        self.con.executemany("INSERT OR IGNORE INTO actors VALUES (?, ?, ?, ?)",
                             [[a.code, a.name, a.country, a.sector] for a in actors.values()])

    def _insert_analysis(self, claims: Sequence[Claim], summaries: Sequence[Summary]) -> None:
        """Claims, the sightings among them, and 5W1H summaries."""
        if claims:
            self.con.executemany(
                f"INSERT OR IGNORE INTO claims ({', '.join(CLAIM_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(CLAIM_COLUMNS))})", [list(claim_row(c)) for c in claims])
            seen = appearances(list(claims))
            if seen:
                self.con.executemany(
                    f"INSERT OR IGNORE INTO appearances ({', '.join(APPEARANCE_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(APPEARANCE_COLUMNS))})",
                    [list(appearance_row(a)) for a in seen])
        if summaries:
            self.con.executemany("INSERT OR IGNORE INTO summaries VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 [list(summary_row(s)) for s in summaries])

    # ---------------------------------------------------------------- recoding
    def articles_to_recode(self, coder: str, *, everything: bool = False) -> list[tuple[str, str,
                                                                                        dt.date | None,
                                                                                        str | None,
                                                                                        str | None]]:
        """``(id, text, published, title, url)`` of first copies coded by another coder (or all)."""
        sql = "SELECT id, text, published, title, url FROM articles WHERE duplicate_of IS NULL"
        params: list[Any] = []
        if not everything:  # another coder, or stored before claims and summaries were (schema version 1)
            sql += " AND (coder IS DISTINCT FROM ? OR id NOT IN (SELECT article_id FROM summaries))"
            params.append(coder)
        rows = self.con.execute(sql + " ORDER BY seq", params).fetchall()
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def replace_events(self, article_ids: Sequence[str], events: Sequence[Event], coder: str, *,
                       claims: Sequence[Claim] = (), summaries: Sequence[Summary] = ()) -> None:
        """Swap the events, claims, sightings and summaries of these articles (and their near-duplicates'
        mentions)."""
        ids = list(article_ids)
        with self._transaction():
            self.con.execute("DELETE FROM mentions WHERE event_id IN "
                             "(SELECT id FROM events WHERE list_contains(?, article_id))", [ids])
            self.con.execute("DELETE FROM events WHERE list_contains(?, article_id)", [ids])
            for table in ANALYSIS_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [ids])
        with self._transaction():
            self._insert_events(events)
            self._insert_analysis(claims, summaries)
            self.con.execute("INSERT OR IGNORE INTO mentions SELECT m.event_id, a.id, false FROM articles a "
                             "JOIN mentions m ON m.article_id = a.duplicate_of AND m.is_first "
                             "WHERE list_contains(?, a.duplicate_of)", [ids])
            self.con.execute("UPDATE articles SET coder = ? WHERE list_contains(?, id)", [coder, ids])

    # ---------------------------------------------------------------- reading
    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        """Events matching ``query`` with their mention counts and first article's URL, newest first."""
        where, params = _where(query)
        sql = ("SELECT e.id AS event_id, e.date, e.source_code, e.source_name, e.cameo_code, e.cameo_name, "
               "e.target_code, e.target_name, e.quad_class, e.goldstein, e.plover_type, e.factuality, "
               "e.attribution_text, e.location_name, c.num_mentions, c.num_sources, c.num_articles, "
               "a.url, a.title, e.evidence, e.coder "
               "FROM events e JOIN articles a ON a.id = e.article_id "
               "LEFT JOIN event_counts c ON c.event_id = e.id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY e.date DESC NULLS LAST, a.seq, e.span_start, e.id")
        if query.limit is not None:
            sql += " LIMIT ?"
            params.append(query.limit)
        return self._dicts(sql, params)

    def claims(self, subject: str | None = None, kind: str | None = None) -> list[Claim]:
        """Stored claims, about ``subject`` (name or actor code) and of type ``kind`` when given."""
        where, params = claims_where(subject, kind)
        sql = ("SELECT c.* FROM claims c JOIN articles a ON a.id = c.article_id" + where
               + " ORDER BY c.made_on NULLS FIRST, a.seq, c.span_start, c.cue_start, c.id")
        return [row_claim(r) for r in self._dicts(sql, params)]

    def appearances(self, person: str | None = None) -> list[Appearance]:
        """Stored sightings and non-sightings, of ``person`` (name or actor code) when given."""
        where, params = "", []
        if person:
            where, params = " WHERE " + SUBJECT_SQL.format(p="person"), [person, person]
        return [row_appearance(r) for r in self._dicts(
            f"SELECT * FROM appearances{where} "
            "ORDER BY date NULLS FIRST, made_on, article_id, span_start, id", params)]

    def summaries(self, article_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Stored summaries as ``{"doc_id", "who", ..., "how"}`` (answers decoded), in store order."""
        sql = ("SELECT s.article_id, s.who, s.what, s.\"when\", s.\"where\", s.why, s.how FROM summaries s "
               "JOIN articles a ON a.id = s.article_id")
        params: list[Any] = []
        if article_ids is not None:
            sql += " WHERE list_contains(?, s.article_id)"
            params.append(list(article_ids))
        out = []
        for row in self.con.execute(sql + " ORDER BY a.seq", params).fetchall():
            out.append({"doc_id": row[0], **{q: json.loads(v) if v else None
                                              for q, v in zip(SUMMARY_QUESTIONS, row[1:], strict=True)}})
        return out

    def summary(self) -> dict[str, int]:
        sql = """SELECT
            (SELECT count(*) FROM articles WHERE duplicate_of IS NULL),
            (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
            (SELECT count(*) FROM events),
            (SELECT count(*) FROM mentions),
            (SELECT count(*) FROM actors),
            (SELECT count(*) FROM skipped),
            (SELECT count(*) FROM ingest_runs)"""
        row = self.con.execute(sql).fetchone() or (0,) * 7
        keys = ("articles", "near_duplicates", "events", "mentions", "actors", "skipped", "runs")
        return dict(zip(keys, (int(v) for v in row), strict=True))

    def run(self, run_id: int) -> dict[str, Any]:
        rows = self._dicts("SELECT * FROM ingest_runs WHERE id = ?", [run_id])
        if not rows:
            raise StoreError(f"no ingest run {run_id}")
        return rows[0]

    def skip_reasons(self, run_id: int | None = None) -> list[tuple[str, int]]:
        sql = "SELECT reason, count(*) FROM skipped"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        rows = self.con.execute(sql + " GROUP BY reason ORDER BY 2 DESC, 1", params).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def top_dyads(self, limit: int = 10) -> list[dict[str, Any]]:
        """The most frequent (source, target) pairs, with their event count and mean Goldstein score."""
        return self._dicts(
            "SELECT source_code, target_code, count(*) AS events, round(avg(goldstein), 2) AS goldstein, "
            "sum(coalesce(c.num_mentions, 1)) AS mentions, "
            "string_agg(DISTINCT cameo_root, ',' ORDER BY cameo_root) AS roots "
            "FROM events e LEFT JOIN event_counts c ON c.event_id = e.id "
            "WHERE source_code IS NOT NULL AND target_code IS NOT NULL "
            "GROUP BY ALL ORDER BY events DESC, mentions DESC, source_code, target_code LIMIT ?", [limit])

    def contents(self, *, with_run_columns: bool = False) -> dict[str, list[tuple[Any, ...]]]:
        """Every content table, sorted: two stores made from the same inputs compare equal."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        for table in CONTENT_TABLES:
            columns = [r[0] for r in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]).fetchall()]
            if not with_run_columns:
                columns = [c for c in columns if c not in RUN_COLUMNS.get(table, ())]
            quoted = ", ".join(f'"{c}"' for c in columns)  # summaries has columns named when and where
            rows = self.con.execute(f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()
            out[table] = rows
        return out

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _transaction(self) -> _Transaction:
        return _Transaction(self.con, self.path)


class _Transaction:
    """One transaction; a commit bumps the store's write version (:mod:`tidings.store.versions`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.con.execute("COMMIT")
            versions.bump(self.path)
        else:
            self.con.execute("ROLLBACK")


def claims_where(subject: str | None, kind: str | None) -> tuple[str, list[Any]]:
    """``WHERE`` clause (or "") and parameters selecting claims about ``subject`` (name or code) of a type."""
    where: list[str] = []
    params: list[Any] = []
    if subject:
        where.append(SUBJECT_SQL.format(p="subject"))
        params += [subject, subject]
    if kind:
        where.append("type = ?")
        params.append(kind)
    return (" WHERE " + " AND ".join(where) if where else ""), params


def _where(query: EventQuery) -> tuple[list[str], list[Any]]:
    clause, params = event_where(EventFilter(
        actor=query.actor, source=query.source, target=query.target, code=query.code, root=query.root,
        quad=query.quad, since=query.since, until=query.until, factuality=query.factuality))
    return ([clause.removeprefix(" WHERE ")] if clause else []), params


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
