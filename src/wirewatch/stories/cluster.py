"""Incremental story clustering over article features; no database here, so eval and bench drive it too.

An article joins the best candidate story when its score passes JOIN; otherwise it starts a story.
Candidates come from blocking, never from all stories: stories that share a salient actor or country
with the article and were active within WINDOW days of it (an inverted index, capped per key to the most
recently active stories), plus the story of any article it is a copy or update of. Scoring is vectorised
over the candidates: cosine to the story centroid, plus actor overlap, minus a time-gap penalty.
When an article scores above MERGE against two stories whose centroids are also close, the younger
story is merged into the older one (the older id stays; the merge is recorded so old links resolve).
Story ids derive from the founding article id, so re-running gives the same ids and a new article never
renumbers anything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from wirewatch.stories.embed import DIM

JOIN = 0.62  # score needed to join a story (tuned on split stories, seed 11: see eval/stories.py)
MERGE = 0.68  # score against a second story that also makes the two stories one
CENTROID_MERGE = 0.62  # and the two centroids must be this close
WINDOW = 10  # days: a story quiet for longer is not a candidate for a dated article
SLACK = 2  # days around a story's span that cost nothing
GAP_COST = 0.025  # score lost per day beyond the slack
ACTOR_WEIGHT = 0.22
GENERIC_WEIGHT = 0.3  # weight of a state or government actor in the overlap, against 1 for a named one
TYPE_WEIGHT = 0.04
KEY_CAP = 400  # most recently active stories kept per blocking key
STALE_RUN = 25  # out-of-window stories in a row after which a bucket scan stops
HASH_TABLES, HASH_BITS = 4, 10  # random-hyperplane keys of the embedding: an ANN block beside the actors
_POW = 1 << np.arange(HASH_BITS)
_PLANES = np.random.RandomState(384).standard_normal((HASH_TABLES * HASH_BITS, DIM)).astype(np.float32)


@dataclass
class ArticleFeatures:
    """What clustering knows about one article."""

    id: str
    vec: np.ndarray  # unit vector (DIM,)
    day: int | None = None  # ordinal publication day
    outlet: str | None = None
    actors: tuple[str, ...] = ()  # salient actor ids, most mentioned first
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    link: str | None = None  # the article this is a copy or update of, if any

    def block_keys(self) -> list[str]:
        return _keys(self.actors, self.countries) + vector_keys(self.vec)


@dataclass
class StoryState:
    """A story as clustering sees it: a vector sum, actor counts and its time span."""

    id: str
    vec_sum: np.ndarray
    n: int = 0
    first_day: int | None = None
    last_day: int | None = None
    actors: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)

    @property
    def centroid(self) -> np.ndarray:
        cached = self.__dict__.get("_centroid")
        if cached is None:
            norm = float(np.linalg.norm(self.vec_sum))
            cached = self.vec_sum / norm if norm > 0 else self.vec_sum
            self.__dict__["_centroid"] = cached
        return cached

    def add(self, a: ArticleFeatures) -> None:
        self.__dict__.pop("_top", None)
        self.__dict__.pop("_centroid", None)
        self.vec_sum = self.vec_sum + a.vec
        self.n += 1
        if a.day is not None:
            self.first_day = a.day if self.first_day is None else min(self.first_day, a.day)
            self.last_day = a.day if self.last_day is None else max(self.last_day, a.day)
        self.actors.update(a.actors)
        self.countries.update(a.countries)
        self.types.update(a.types)
        self.articles.append(a.id)

    def absorb(self, other: StoryState) -> None:
        self.__dict__.pop("_top", None)
        self.__dict__.pop("_centroid", None)
        self.vec_sum = self.vec_sum + other.vec_sum
        self.n += other.n
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d is not None]
        self.first_day = min(days) if days else None
        self.last_day = max(days) if days else None
        self.actors.update(other.actors)
        self.countries.update(other.countries)
        self.types.update(other.types)
        self.articles.extend(other.articles)

    def top_actors(self, k: int = 12) -> set[str]:
        """Cached until the story changes: scoring asks for it once per candidate per article."""
        cached = self.__dict__.get("_top")
        if cached is None:
            cached = {a for a, _ in self.actors.most_common(k)}
            self.__dict__["_top"] = cached
        return cached


@dataclass
class Assignment:
    article_id: str
    story_id: str
    how: str  # start | join | copy
    score: float


def story_id_for(article_id: str) -> str:
    return "st_" + article_id[:16]


class StoryIndex:
    """Stories and the blocking index over them; `add` places one article and says where it went."""

    def __init__(self) -> None:
        self.stories: dict[str, StoryState] = {}
        self.article_story: dict[str, str] = {}
        self.merged: dict[str, str] = {}  # old story id -> the story it went into
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.comparisons = 0

    # -- state ------------------------------------------------------------------------------
    def load(self, story: StoryState) -> None:
        """Put an existing story (from the store) into the index."""
        self.stories[story.id] = story
        for a in story.articles:
            self.article_story[a] = story.id
        for key in _keys(story.actors, story.countries) + vector_keys(story.centroid):
            self._index(key, story.id)

    def resolve(self, story_id: str) -> str:
        while story_id in self.merged:
            story_id = self.merged[story_id]
        return story_id

    def _index(self, key: str, sid: str) -> None:
        bucket = self.by_key[key]
        if sid in bucket:
            bucket.remove(sid)
        bucket.append(sid)
        if len(bucket) > KEY_CAP:
            del bucket[0 : len(bucket) - KEY_CAP]

    # -- clustering -------------------------------------------------------------------------
    def candidates(self, a: ArticleFeatures) -> list[str]:
        seen: dict[str, None] = {}
        for key in a.block_keys():
            stale = 0  # buckets are in order of last activity: a run of stale stories ends the scan
            for sid in reversed(self.by_key.get(key, ())):
                sid = self.resolve(sid)
                if sid in seen or sid not in self.stories:
                    continue
                s = self.stories[sid]
                if (
                    a.day is not None
                    and s.last_day is not None
                    and (a.day > s.last_day + WINDOW or a.day < (s.first_day or a.day) - WINDOW)
                ):
                    stale += 1
                    if stale >= STALE_RUN:
                        break
                    continue
                seen[sid] = None
        return list(seen)

    def score(self, a: ArticleFeatures, sids: list[str]) -> np.ndarray:
        if not sids:
            return np.zeros(0, dtype=np.float32)
        self.comparisons += len(sids)
        cents = np.stack([self.stories[s].centroid for s in sids])
        scores = cents @ a.vec
        mine = {x: actor_weight(x) for x in a.actors}
        total = sum(mine.values())
        my_types = set(a.types)
        for i, sid in enumerate(sids):
            s = self.stories[sid]
            if total:
                top = s.top_actors()
                overlap = sum(w for x, w in mine.items() if x in top) / total
                scores[i] += ACTOR_WEIGHT * overlap
            if my_types and s.types:
                scores[i] += TYPE_WEIGHT * (len(my_types & set(s.types)) / len(my_types))
            if a.day is not None and s.first_day is not None and s.last_day is not None:
                gap = max(0, s.first_day - SLACK - a.day, a.day - s.last_day - SLACK)
                scores[i] -= GAP_COST * gap
        return scores

    def add(self, a: ArticleFeatures) -> Assignment:
        if a.id in self.article_story:  # idempotent: an article is placed once
            sid = self.resolve(self.article_story[a.id])
            return Assignment(a.id, sid, "known", 1.0)
        linked = self.resolve(self.article_story[a.link]) if a.link and a.link in self.article_story else None
        if linked:
            self._put(a, linked)
            return Assignment(a.id, linked, "copy", 1.0)
        sids = self.candidates(a)
        scores = self.score(a, sids)
        if len(sids) and float(scores.max()) >= JOIN:
            order = np.argsort(-scores, kind="stable")
            best = sids[int(order[0])]
            for j in order[1:3]:
                other = sids[int(j)]
                if scores[j] < MERGE:
                    break
                if float(self.stories[best].centroid @ self.stories[other].centroid) >= CENTROID_MERGE:
                    best = self._merge(best, other)
            self._put(a, best)
            return Assignment(a.id, best, "join", float(scores.max()))
        sid = story_id_for(a.id)
        self.stories[sid] = StoryState(id=sid, vec_sum=np.zeros(DIM, dtype=np.float32))
        self._put(a, sid)
        return Assignment(a.id, sid, "start", 0.0)

    def _put(self, a: ArticleFeatures, sid: str) -> None:
        s = self.stories[sid]
        s.add(a)
        self.article_story[a.id] = sid
        for key in a.block_keys():
            self._index(key, sid)

    def _merge(self, x: str, y: str) -> str:
        """Merge two stories; the one founded first keeps its id (ids are stable, never renumbered)."""
        keep, gone = sorted((x, y), key=lambda s: (self.stories[s].first_day or 10**9, s))
        self.stories[keep].absorb(self.stories[gone])
        for art in self.stories[gone].articles:
            self.article_story[art] = keep
        del self.stories[gone]
        self.merged[gone] = keep
        k = self.stories[keep]
        for key in _keys(k.actors, k.countries) + vector_keys(k.centroid):
            self._index(key, keep)
        return keep


def _keys(actors: Counter[str] | Iterable[str], countries: Counter[str] | Iterable[str]) -> list[str]:
    return [f"a:{x}" for x in actors] + [f"c:{x}" for x in countries]


def vector_keys(vec: np.ndarray) -> list[str]:
    """SimHash bands of a unit vector: close vectors share at least one key with high probability."""
    bits = (_PLANES @ vec) > 0
    keys = []
    for t in range(HASH_TABLES):
        chunk = bits[t * HASH_BITS : (t + 1) * HASH_BITS]
        keys.append(f"h{t}:{int(chunk @ _POW)}")
    return keys


def actor_weight(actor_id: str) -> float:
    """A named person or body says more about which happening this is than a country does."""
    return GENERIC_WEIGHT if actor_id.startswith(("state:", "gov:")) else 1.0
