-- wirewatch schema 7: the role each article record gives each actor, one row per entry of the record's
-- `actors` list that has an id and a role, so the actor page reads roles by index instead of parsing the
-- JSON record of every article that mentions the actor. Written in the same transaction as the article
-- (Store.write_batch, only for articles new to the store, so it always equals the stored record), and
-- backfilled here; Store.rebuild_serving() recomputes it from articles.record.
CREATE TABLE actor_roles (
    article_id      VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,      -- position in the record's actors list
    actor_id        VARCHAR NOT NULL,
    role            VARCHAR NOT NULL,
    published_date  VARCHAR,               -- the article's
    PRIMARY KEY (article_id, idx)
);
INSERT INTO actor_roles
SELECT ar.id, CAST(x.key AS INTEGER), json_extract_string(x.value, '$.id'),
       json_extract_string(x.value, '$.role'), ar.published_date
FROM articles ar, json_each(json_extract(ar.record, '$.actors')) AS x
WHERE json_extract_string(x.value, '$.id') IS NOT NULL AND json_extract_string(x.value, '$.role') IS NOT NULL;
CREATE INDEX actor_roles_actor ON actor_roles (actor_id);
