"""The event store's schema: a version number and the ordered migrations that reach it.

Documented table by table in ``docs/store.md``. A store records its version in ``schema_info``; opening
one applies the migrations it lacks, each in its own transaction, and refuses a store newer than this code.

    ingest_runs ─┐
    articles ────┼── mentions ── events ── actors (by code and name)
    skipped ─────┘
"""

from __future__ import annotations

SCHEMA_VERSION = 1

_V1 = [
    """
    CREATE TABLE ingest_runs (
        id          INTEGER PRIMARY KEY,
        started     TIMESTAMP NOT NULL,
        finished    TIMESTAMP,
        status      VARCHAR NOT NULL,          -- running | done | interrupted | recode
        coder       VARCHAR NOT NULL,
        inputs      VARCHAR NOT NULL,          -- JSON list of the paths given
        workers     INTEGER NOT NULL,
        articles    INTEGER NOT NULL DEFAULT 0,
        events      INTEGER NOT NULL DEFAULT 0,
        duplicates  INTEGER NOT NULL DEFAULT 0,
        near_duplicates INTEGER NOT NULL DEFAULT 0,
        skipped     INTEGER NOT NULL DEFAULT 0,
        ignored     INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE articles (
        id          VARCHAR PRIMARY KEY,       -- sha1 of the normalised text, 16 hex digits
        seq         BIGINT NOT NULL UNIQUE,    -- order in which articles entered the store
        name        VARCHAR NOT NULL,          -- where it was read: file, file:line, crawl.warc.gz#7
        doc_id      VARCHAR,                   -- the id the record carried, if any
        kind        VARCHAR NOT NULL,          -- reader: txt json jsonl csv html feed warc
        url         VARCHAR,
        title       VARCHAR,
        author      VARCHAR,
        published   DATE,
        site        VARCHAR,
        language    VARCHAR,
        text        VARCHAR NOT NULL,          -- kept for `tidings recode`
        duplicate_of VARCHAR,                  -- first copy of a near-duplicate (syndicated) article
        similarity  DOUBLE,                    -- estimated Jaccard similarity to that copy
        coder       VARCHAR,                   -- coder that last coded it (NULL for near-duplicates)
        run_id      INTEGER NOT NULL,
        minhash     BLOB NOT NULL              -- MinHash signature (uint64 little-endian)
    )
    """,
    """
    CREATE TABLE actors (
        code        VARCHAR NOT NULL,
        name        VARCHAR NOT NULL,
        country     VARCHAR,
        sector      VARCHAR,
        PRIMARY KEY (code, name)
    )
    """,
    """
    CREATE TABLE events (
        id              VARCHAR PRIMARY KEY,   -- the pipeline's stable event id
        article_id      VARCHAR NOT NULL,
        sentence        INTEGER NOT NULL,
        evidence        VARCHAR NOT NULL,
        span_start      INTEGER NOT NULL,
        span_end        INTEGER NOT NULL,
        trigger         VARCHAR,
        trigger_start   INTEGER,
        trigger_end     INTEGER,
        date            DATE,
        date_text       VARCHAR,
        date_precision  VARCHAR,
        source_text     VARCHAR, source_code VARCHAR, source_name VARCHAR, source_country VARCHAR,
        source_sector   VARCHAR,
        target_text     VARCHAR, target_code VARCHAR, target_name VARCHAR, target_country VARCHAR,
        target_sector   VARCHAR,
        cameo_code      VARCHAR NOT NULL,
        cameo_root      VARCHAR NOT NULL,
        cameo_name      VARCHAR NOT NULL,
        quad_class      INTEGER NOT NULL,
        goldstein       DOUBLE NOT NULL,
        plover_type     VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
        location_name   VARCHAR, location_text VARCHAR, location_country VARCHAR,
        location_lat    DOUBLE, location_lon DOUBLE, location_geonameid BIGINT,
        attribution_text VARCHAR, attribution_name VARCHAR, attribution_code VARCHAR,
        attribution_cue VARCHAR,
        factuality      VARCHAR NOT NULL,
        rule            VARCHAR NOT NULL,
        coder           VARCHAR NOT NULL,
        extra           VARCHAR                -- JSON: anything else the pipeline attached
    )
    """,
    """
    CREATE TABLE mentions (
        event_id    VARCHAR NOT NULL,
        article_id  VARCHAR NOT NULL,
        is_first    BOOLEAN NOT NULL,          -- the article the event was coded from
        PRIMARY KEY (event_id, article_id)
    )
    """,
    """
    CREATE TABLE skipped (
        id          VARCHAR PRIMARY KEY,       -- sha1 of name + reason: the same skip is kept once
        name        VARCHAR NOT NULL,
        reason      VARCHAR NOT NULL,          -- exception class: NotEnglish, MalformedInput, ...
        code        VARCHAR NOT NULL,          -- T004, T006, ...
        message     VARCHAR NOT NULL,
        article_id  VARCHAR,                   -- text hash when the input was read as an article
        minhash     BLOB,                      -- its MinHash, when it failed after the duplicate check
        run_id      INTEGER NOT NULL
    )
    """,
    "CREATE INDEX events_article ON events (article_id)",
    "CREATE INDEX events_date ON events (date)",
    "CREATE INDEX mentions_article ON mentions (article_id)",
    "CREATE INDEX articles_duplicate ON articles (duplicate_of)",
    # One row a mention, with counts in the spirit of GDELT's NumMentions / NumSources / NumArticles.
    """
    CREATE VIEW event_counts AS
    SELECT m.event_id,
           count(*) AS num_mentions,
           count(DISTINCT coalesce(a.site, a.id)) AS num_sources,
           count(DISTINCT m.article_id) AS num_articles
    FROM mentions m JOIN articles a ON a.id = m.article_id
    GROUP BY m.event_id
    """,
]

# Ordered: MIGRATIONS[n] takes a store from version n to n + 1.
MIGRATIONS: list[list[str]] = [_V1]

assert len(MIGRATIONS) == SCHEMA_VERSION

# Columns that record when or in which run something happened: they differ between two ingests of the
# same inputs; every other column is a function of the inputs and the coder.
RUN_COLUMNS = {"articles": ("run_id",), "skipped": ("run_id",)}
CONTENT_TABLES = ("articles", "events", "actors", "mentions", "skipped")
