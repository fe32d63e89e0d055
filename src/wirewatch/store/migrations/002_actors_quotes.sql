-- wirewatch schema 2: actors (knowledge-base and learned), their mentions per article, quotes.
CREATE TABLE actors (
    id          VARCHAR PRIMARY KEY,
    name        VARCHAR,
    kind        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    role        VARCHAR,
    first_seen  VARCHAR            -- article id where we first met it
);

CREATE TABLE mentions (
    article_id  VARCHAR NOT NULL,
    actor_id    VARCHAR NOT NULL,
    field       VARCHAR NOT NULL,  -- body | title | caption:N
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        VARCHAR,
    PRIMARY KEY (article_id, actor_id, field, start_char, end_char)
);

CREATE TABLE quotes (
    id          VARCHAR PRIMARY KEY,  -- article id + content offsets
    article_id  VARCHAR NOT NULL,
    speaker     VARCHAR,
    speaker_text VARCHAR,
    cue         VARCHAR,
    text        VARCHAR,
    kind        VARCHAR,
    channel     VARCHAR,
    start_char  INTEGER,
    end_char    INTEGER,
    date        VARCHAR
);
