-- wirewatch schema 1: raw documents, their sightings, clean articles, boilerplate decisions, ingest runs.
CREATE TABLE raw_documents (
    id          VARCHAR PRIMARY KEY,   -- SHA-256 of content
    media_type  VARCHAR NOT NULL,
    size        BIGINT NOT NULL,
    declared    JSON,
    content     BLOB NOT NULL,
    first_run   VARCHAR
);

-- Every place a document was seen: one text on five sites is one raw document with five sightings.
CREATE TABLE sightings (
    doc_id      VARCHAR NOT NULL,
    source_key  VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    path        VARCHAR,
    url         VARCHAR,
    member      VARCHAR,
    fetched_at  VARCHAR,
    run_id      VARCHAR,
    PRIMARY KEY (doc_id, source_key)
);

CREATE TABLE articles (
    id                  VARCHAR PRIMARY KEY,
    title               VARCHAR,
    outlet              VARCHAR,
    publisher           VARCHAR,
    wire                VARCHAR,
    byline              VARCHAR[],
    dateline            VARCHAR,
    language            VARCHAR,
    published_date      VARCHAR,       -- ISO prefix: YYYY, YYYY-MM or YYYY-MM-DD
    published_precision VARCHAR,
    published_evidence  VARCHAR,
    published_source    VARCHAR,
    url                 VARCHAR,
    body                VARCHAR,
    paragraphs          VARCHAR[],
    captions            JSON,
    related_headlines   VARCHAR[],
    evidence            JSON,
    record              JSON,          -- the whole ArticleRecord as `wirewatch process` prints it
    extractor_version   VARCHAR,
    extracted_at        TIMESTAMP
);

CREATE TABLE boilerplate (
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    text        VARCHAR,
    reason      VARCHAR,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE ingest_runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMP,
    finished_at TIMESTAMP,
    inputs      JSON,
    added       INTEGER DEFAULT 0,
    known       INTEGER DEFAULT 0,
    skipped     INTEGER DEFAULT 0,
    status      VARCHAR
);

CREATE TABLE ingest_problems (
    run_id      VARCHAR NOT NULL,
    location    VARCHAR,
    reason      VARCHAR
);
