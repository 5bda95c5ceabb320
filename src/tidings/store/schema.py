"""The event store's schema: a version number and the ordered migrations that reach it.

Documented table by table in ``docs/store.md``. A store records its version in ``schema_info``; opening
one applies the migrations it lacks, each in its own transaction, and refuses a store newer than this code.

    ingest_runs ─┐
    articles ────┼── mentions ── events ── actors (by code and name)
    skipped ─────┘   │
                     ├── claims ── appearances (by claim id)      (version 2)
                     └── summaries (one row an article)            (version 2)
    mentions by event_id: an index, so that a page of events finds its counts (version 3)
"""

from __future__ import annotations

SCHEMA_VERSION = 3

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

# Version 2: what articles say about people (claims, and the sightings among them) and each article's 5W1H
# summary. Written with the article's events in the same batch transaction; a store migrated from version 1
# has them empty until `tidings recode` fills them.
_V2 = [
    """
    CREATE TABLE claims (
        id              VARCHAR PRIMARY KEY,   -- the claim id: hash of article id, cue offset, type, subject
        article_id      VARCHAR NOT NULL,
        subject_text    VARCHAR,               -- the words in the article ("he", "the North Korean leader")
        subject_code    VARCHAR NOT NULL,
        subject_name    VARCHAR NOT NULL,
        subject_country VARCHAR,
        subject_sector  VARCHAR,
        type            VARCHAR NOT NULL,      -- health death whereabouts appearance absence ...
        polarity        VARCHAR NOT NULL,      -- positive | negative
        factuality      VARCHAR NOT NULL,      -- asserted reported hedged rumoured denied
        attribution_text VARCHAR, attribution_name VARCHAR, attribution_code VARCHAR,
        attribution_cue VARCHAR,
        refers_to       DATE,                  -- the date the claim is about
        refers_to_text  VARCHAR,
        precision       VARCHAR,               -- day | month | year
        date_basis      VARCHAR,               -- text | context
        made_on         DATE,                  -- publication date of the article
        duration_days   INTEGER,
        evidence        VARCHAR NOT NULL,
        span_start      INTEGER NOT NULL,
        span_end        INTEGER NOT NULL,
        sentence        INTEGER NOT NULL,
        cue             VARCHAR NOT NULL,
        cue_start       INTEGER NOT NULL,
        cue_end         INTEGER NOT NULL,
        cues            VARCHAR NOT NULL       -- JSON list of the factuality cue words
    )
    """,
    """
    CREATE TABLE appearances (
        id              VARCHAR PRIMARY KEY,   -- the id of the claim it comes from
        article_id      VARCHAR NOT NULL,
        person_text     VARCHAR,
        person_code     VARCHAR NOT NULL,
        person_name     VARCHAR NOT NULL,
        person_country  VARCHAR,
        person_sector   VARCHAR,
        kind            VARCHAR NOT NULL,      -- appearance | absence
        date            DATE,                  -- for an absence over a period: its last day
        date_text       VARCHAR,
        duration_days   INTEGER,
        factuality      VARCHAR NOT NULL,      -- asserted | reported
        source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_cue VARCHAR,
        evidence        VARCHAR NOT NULL,
        span_start      INTEGER NOT NULL,
        span_end        INTEGER NOT NULL,
        made_on         DATE
    )
    """,
    """
    CREATE TABLE summaries (
        article_id  VARCHAR PRIMARY KEY,
        who         VARCHAR,                   -- JSON {"text": ..., resolved values} or NULL, each question
        what        VARCHAR,
        "when"      VARCHAR,
        "where"     VARCHAR,
        why         VARCHAR,
        how         VARCHAR
    )
    """,
    "CREATE INDEX claims_article ON claims (article_id)",
    "CREATE INDEX claims_subject ON claims (subject_code)",
    "CREATE INDEX appearances_article ON appearances (article_id)",
    "CREATE INDEX appearances_person ON appearances (person_code)",
]

# Version 3: the API's event pages look up the mention counts of their 50 rows by event id; without an index
# on it that is a pass over every mention (most of a page's cost at a million events).
_V3 = [
    "CREATE INDEX mentions_event ON mentions (event_id)",
]

# Ordered: MIGRATIONS[n] takes a store from version n to n + 1.
MIGRATIONS: list[list[str]] = [_V1, _V2, _V3]

assert len(MIGRATIONS) == SCHEMA_VERSION

# Columns that record when or in which run something happened: they differ between two ingests of the
# same inputs; every other column is a function of the inputs and the coder.
RUN_COLUMNS = {"articles": ("run_id",), "skipped": ("run_id",)}
CONTENT_TABLES = ("articles", "events", "actors", "mentions", "skipped", "claims", "appearances", "summaries")
# The tables written per coded article (replaced together by `tidings recode`).
ANALYSIS_TABLES = ("claims", "appearances", "summaries")

CLAIM_COLUMNS = (
    "id", "article_id", "subject_text", "subject_code", "subject_name", "subject_country", "subject_sector",
    "type", "polarity", "factuality", "attribution_text", "attribution_name", "attribution_code",
    "attribution_cue", "refers_to", "refers_to_text", "precision", "date_basis", "made_on", "duration_days",
    "evidence", "span_start", "span_end", "sentence", "cue", "cue_start", "cue_end", "cues",
)
"""The ``claims`` columns, one row a :class:`tidings.claims.Claim` (the API reads the same list)."""
APPEARANCE_COLUMNS = (
    "id", "article_id", "person_text", "person_code", "person_name", "person_country", "person_sector",
    "kind", "date", "date_text", "duration_days", "factuality", "source_text", "source_name", "source_code",
    "source_cue", "evidence", "span_start", "span_end", "made_on",
)
"""The ``appearances`` columns, one row a :class:`tidings.claims.Appearance`."""
SUMMARY_QUESTIONS = ("who", "what", "when", "where", "why", "how")
