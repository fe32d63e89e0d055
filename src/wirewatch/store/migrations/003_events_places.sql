-- wirewatch schema 3: events (one row per event report in one article), who took part, places named.
-- The full event record stays in articles.record; these tables are for filtering, joining and serving.
CREATE TABLE events (
    id              VARCHAR PRIMARY KEY,   -- article id + ':' + event id within the article (e1, e2 ...)
    article_id      VARCHAR NOT NULL,
    type            VARCHAR NOT NULL,      -- PLOVER type
    mode            VARCHAR,
    contexts        VARCHAR[],
    source          VARCHAR[],             -- actor ids
    target          VARCHAR[],
    source_countries VARCHAR[],
    target_countries VARCHAR[],
    factuality      VARCHAR,
    date            VARCHAR,               -- ISO prefix at its precision, or NULL
    date_precision  VARCHAR,
    date_reason     VARCHAR,               -- why there is no date, when there is none
    place_name      VARCHAR,
    place_country   VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    intensity       DOUBLE,
    quad_class      VARCHAR,               -- VC, MC, VK, MK
    cameo           VARCHAR,
    goldstein       DOUBLE,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    trigger_text    VARCHAR,
    sentence_start  INTEGER,
    sentence_end    INTEGER,
    sentence        VARCHAR,               -- the evidence sentence, sliced from the body
    record          JSON                   -- the event exactly as `wirewatch process` prints it
);

-- Directed country pairs per event: source country -> target country; parties that are all sources
-- (a phone call) give both directions. Dyad queries and timelines read this table.
CREATE TABLE event_dyads (
    event_id        VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    source_country  VARCHAR NOT NULL,
    target_country  VARCHAR NOT NULL,
    mutual          BOOLEAN NOT NULL,
    PRIMARY KEY (event_id, source_country, target_country)
);

-- Which actors took part in which event, in which role: actor pages and `events --actor` read this.
CREATE TABLE event_actors (
    event_id        VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    actor_id        VARCHAR NOT NULL,
    role            VARCHAR NOT NULL,      -- source | target
    PRIMARY KEY (event_id, actor_id, role)
);

CREATE TABLE places (
    article_id      VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    name            VARCHAR,
    country         VARCHAR,
    admin1          VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    geonameid       BIGINT,
    mentions        JSON,
    PRIMARY KEY (article_id, idx)
);

CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_date ON events (date);
CREATE INDEX dyads_pair ON event_dyads (source_country, target_country);
CREATE INDEX event_actors_actor ON event_actors (actor_id);
