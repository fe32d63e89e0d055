-- wirewatch schema 6: serving columns and small aggregates, so the API and dashboard answer from narrow
-- tables on a large store (100k articles / 1M events) instead of joining or aggregating whole tables.
-- Filled at write time in the same transaction as the rows they derive from (Store.write_batch), and
-- backfilled here for existing rows. Store.rebuild_serving() recomputes all of them from the base tables.

-- Events: the listing day (event date, else the article's publication date), the article's outlet, and
-- the chart day (event date when it has at least a month, else the publication date: weeks and seasons
-- have no month), so event lists, filters and timelines need no join with articles.
ALTER TABLE events ADD COLUMN day VARCHAR;
ALTER TABLE events ADD COLUMN outlet VARCHAR;
ALTER TABLE events ADD COLUMN chart_day VARCHAR;
UPDATE events SET
    day = coalesce(events.date, ar.published_date),
    outlet = ar.outlet,
    chart_day = CASE WHEN regexp_matches(events.date, '^[0-9]{4}-[0-9]{2}') THEN events.date
                ELSE ar.published_date END
FROM articles ar WHERE ar.id = events.article_id;

-- Quotes: the article's publication date, the quote list's order.
ALTER TABLE quotes ADD COLUMN published_date VARCHAR;
UPDATE quotes SET published_date = ar.published_date FROM articles ar WHERE ar.id = quotes.article_id;
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX mentions_actor ON mentions (actor_id);

-- Per actor totals (actor list order, actor page header). Recomputed for the actors a batch touches.
CREATE TABLE actor_stats (
    actor_id    VARCHAR PRIMARY KEY,
    articles    BIGINT NOT NULL,       -- distinct articles that mention the actor
    mentions    BIGINT NOT NULL,
    quotes      BIGINT NOT NULL,       -- quotes attributed to the actor
    as_source   BIGINT NOT NULL,       -- event_actors rows in each role
    as_target   BIGINT NOT NULL
);
INSERT INTO actor_stats
WITH ids AS (
    SELECT actor_id FROM mentions UNION SELECT actor_id FROM event_actors
    UNION SELECT speaker FROM quotes WHERE speaker IS NOT NULL
),
m AS (SELECT actor_id, count(DISTINCT article_id) AS articles, count(*) AS mentions FROM mentions GROUP BY 1),
q AS (SELECT speaker AS actor_id, count(*) AS quotes FROM quotes WHERE speaker IS NOT NULL GROUP BY 1),
ea AS (
    SELECT actor_id, count(*) FILTER (WHERE role = 'source') AS as_source,
           count(*) FILTER (WHERE role = 'target') AS as_target
    FROM event_actors GROUP BY 1
)
SELECT ids.actor_id, coalesce(m.articles, 0), coalesce(m.mentions, 0), coalesce(q.quotes, 0),
       coalesce(ea.as_source, 0), coalesce(ea.as_target, 0)
FROM ids LEFT JOIN m USING (actor_id) LEFT JOIN q USING (actor_id) LEFT JOIN ea USING (actor_id);

-- Asserted events per chart day and quad class: the overview timeline sums these (a few thousand rows).
-- Recomputed for the chart days a batch touches.
CREATE TABLE quad_days (
    chart_day   VARCHAR NOT NULL,
    quad        VARCHAR NOT NULL,
    n           BIGINT NOT NULL,
    PRIMARY KEY (chart_day, quad)
);
INSERT INTO quad_days
SELECT chart_day, quad_class, count(*) FROM events
WHERE factuality = 'asserted' AND quad_class IS NOT NULL AND chart_day IS NOT NULL GROUP BY ALL;

-- Search: each article's title and lead (first paragraph, at most 600 characters). Article search
-- matches these, not the whole body: a substring scan of every body costs ~50 ms of CPU per query on
-- 100k articles, too much to serve; titles and leads are about a tenth of it.
CREATE TABLE article_search (
    article_id  VARCHAR PRIMARY KEY,
    text        VARCHAR
);
INSERT INTO article_search
SELECT id, concat_ws(chr(10), title, left(paragraphs[1], 600)) FROM articles;
