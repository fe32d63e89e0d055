-- wirewatch schema 5: people learned from titles and appositives ("Mexican Foreign Minister Juan Ramon
-- de la Fuente"), with the evidence that taught us, so later runs know the bare name too.
CREATE TABLE learned_actors (
    key         VARCHAR PRIMARY KEY,   -- the name's comparison form (case, accents, initials folded)
    actor_id    VARCHAR NOT NULL,
    name        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    role        VARCHAR,
    learned_from VARCHAR,              -- title | appositive
    article_id  VARCHAR NOT NULL,      -- the first article that taught it
    field       VARCHAR,
    start_char  INTEGER,
    end_char    INTEGER,
    evidence    VARCHAR
);
