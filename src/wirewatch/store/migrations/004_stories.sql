-- wirewatch schema 4: the corpus level. Near-duplicate texts, stories across outlets and days, canonical
-- events (one real act, many reports), tone per article. Written by wirewatch.stories.update_corpus.

-- Article vectors (all-MiniLM-L6-v2 int8, title + lead) so a rebuild or a merge needs no re-embedding.
CREATE TABLE article_vectors (
    article_id  VARCHAR PRIMARY KEY,
    model       VARCHAR NOT NULL,
    vec         FLOAT[] NOT NULL
);

-- MinHash signature of the body's 5-word shingles, and its LSH band keys (candidate lookup by index).
CREATE TABLE doc_signatures (
    article_id  VARCHAR PRIMARY KEY,
    sig         UBIGINT[] NOT NULL,
    n_chars     INTEGER
);
CREATE TABLE doc_bands (
    band_key    BIGINT NOT NULL,       -- band number in the high bits, hash of the band's rows below
    article_id  VARCHAR NOT NULL,
    PRIMARY KEY (band_key, article_id)
);

-- Duplicate groups: one text, N publications. relation: original | copy (same text elsewhere) |
-- update (an edited version at the same outlet or URL). group_id is the first article of the group.
CREATE TABLE doc_groups (
    article_id  VARCHAR PRIMARY KEY,
    group_id    VARCHAR NOT NULL,
    relation    VARCHAR NOT NULL,
    of_article  VARCHAR,               -- the article it is a copy or update of
    similarity  DOUBLE                 -- estimated Jaccard of the shingle sets
);
CREATE INDEX doc_groups_group ON doc_groups (group_id);

CREATE TABLE article_tone (
    article_id  VARCHAR PRIMARY KEY,
    compound    DOUBLE,                -- VADER compound, mean over body sentences (-1..1)
    pos         DOUBLE,
    neg         DOUBLE,
    n_sentences INTEGER
);

CREATE TABLE stories (
    id          VARCHAR PRIMARY KEY,   -- 'st_' + the founding article's id prefix: stable, never renumbered
    label       VARCHAR,
    first_seen  VARCHAR,               -- earliest publication date (ISO), NULL if no article is dated
    last_seen   VARCHAR,
    n_articles  INTEGER,
    n_outlets   INTEGER,
    outlets     VARCHAR[],
    actors      VARCHAR[],             -- salient actor ids, most mentioned first
    countries   VARCHAR[],
    types       VARCHAR[],             -- event types, most reported first
    vec_sum     FLOAT[],               -- sum of member vectors; centroid = vec_sum / |vec_sum|
    updated_at  TIMESTAMP
);

CREATE TABLE story_articles (
    article_id  VARCHAR PRIMARY KEY,
    story_id    VARCHAR NOT NULL,
    how         VARCHAR,               -- start | join | copy (followed its duplicate group)
    score       DOUBLE,
    day         INTEGER,               -- ordinal publication day used for clustering
    actors      VARCHAR[],             -- the salient actors clustering used
    countries   VARCHAR[],
    types       VARCHAR[]
);
CREATE INDEX story_articles_story ON story_articles (story_id);

-- A merged story's id keeps pointing somewhere: old links resolve through this table.
CREATE TABLE story_merges (
    from_id     VARCHAR PRIMARY KEY,
    into_id     VARCHAR NOT NULL,
    merged_at   TIMESTAMP
);

CREATE TABLE canonical_events (
    id              VARCHAR PRIMARY KEY,   -- 'ce_' + hash of the first report's event id
    story_id        VARCHAR,
    type            VARCHAR NOT NULL,
    mode            VARCHAR,
    factuality      VARCHAR,
    date            VARCHAR,               -- the event's own date at its precision, NULL if none
    date_precision  VARCHAR,
    day             VARCHAR,               -- date for timelines: the event date, else earliest publication
    source          VARCHAR[],
    target          VARCHAR[],
    countries       VARCHAR[],
    contexts        VARCHAR[],
    intensity       DOUBLE,
    quad_class      VARCHAR,
    n_reports       INTEGER,
    n_articles      INTEGER,
    n_outlets       INTEGER,               -- independent sources: a wire copy on five sites counts once
    outlets         VARCHAR[]
);
CREATE INDEX canonical_story ON canonical_events (story_id);

CREATE TABLE canonical_event_reports (
    event_id        VARCHAR PRIMARY KEY,   -- events.id
    canonical_id    VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL
);
CREATE INDEX canonical_reports_canon ON canonical_event_reports (canonical_id);

-- Directed country pairs per canonical event (the union of its reports' pairs): dyad timelines.
CREATE TABLE canonical_dyads (
    canonical_id    VARCHAR NOT NULL,
    source_country  VARCHAR NOT NULL,
    target_country  VARCHAR NOT NULL,
    PRIMARY KEY (canonical_id, source_country, target_country)
);
CREATE INDEX canonical_dyads_pair ON canonical_dyads (source_country, target_country);
