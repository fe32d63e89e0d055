"""Generated labelled articles for measuring clustering: our own templates, invented names, no real text.

Each story is one happening (a type of act between two countries, with named people, a place, a topic
and a day); its articles come from different outlets over a few days with reworded headlines and leads.
Hard negatives are built in: the same pair of countries and the same people appear in other stories on
other acts and other weeks, and unrelated stories share the calendar. Records go straight to clustering
(no spaCy): the features a real article would get (salient actors, countries, event types) are set from
the story, with some dropped or wrong, as extraction would.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from wirewatch.stories import cluster

COUNTRIES = [
    ("ARD", "Ardenia", "Ardenian"),
    ("BVR", "Bavaris", "Bavarian"),
    ("CLT", "Coltrane", "Coltranian"),
    ("DMR", "Dumaria", "Dumarian"),
    ("ELQ", "Elqar", "Elqari"),
    ("FNT", "Fentora", "Fentoran"),
    ("GLV", "Galvia", "Galvian"),
    ("HSK", "Haskel", "Haskeli"),
    ("IRV", "Irvania", "Irvanian"),
    ("JSP", "Jasper Isles", "Jasperian"),
    ("KVL", "Kovalia", "Kovalian"),
    ("LMT", "Lumetra", "Lumetran"),
    ("MRS", "Morasca", "Morascan"),
    ("NVD", "Novadia", "Novadian"),
    ("OSK", "Oskavia", "Oskavian"),
    ("PTR", "Petrania", "Petranian"),
    ("QNL", "Quenlin", "Quenlish"),
    ("RDV", "Radovia", "Radovian"),
    ("SLM", "Salmira", "Salmiran"),
    ("TRQ", "Torquay Union", "Torquan"),
    ("UVR", "Uvaro", "Uvaran"),
    ("VSK", "Veskaria", "Veskarian"),
    ("WLT", "Waltria", "Waltrian"),
    ("XNR", "Xenara", "Xenaran"),
]
SYL = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vo",
    "shi",
    "dra",
    "mel",
    "nor",
    "pa",
    "quin",
    "sol",
    "tar",
    "ul",
    "ve",
    "zan",
    "bri",
    "cor",
    "del",
    "fen",
    "gar",
    "hol",
    "jun",
]
ACTS = {
    "CONSULT": ["held talks with", "spoke by phone with", "met", "hosted"],
    "ACCUSE": ["accused", "condemned", "criticised", "blamed"],
    "SANCTION": [
        "imposed sanctions on",
        "expelled diplomats from",
        "cut trade ties with",
        "suspended aid to",
    ],
    "AGREE": [
        "signed an agreement with",
        "agreed to cooperate with",
        "pledged to work with",
        "reached a deal with",
    ],
    "THREATEN": ["threatened", "warned of retaliation against", "issued an ultimatum to", "vowed to punish"],
    "AID": ["sent aid to", "pledged relief money to", "flew supplies to", "offered a loan to"],
    "PROTEST": [
        "saw protests against",
        "faced demonstrations over",
        "saw marches against",
        "faced strikes over",
    ],
    "ASSAULT": [
        "shelled positions in",
        "launched strikes on",
        "attacked border posts of",
        "fired missiles at",
    ],
}
TOPICS = [
    ("fishing rights", "quotas", "trawlers"),
    ("a pipeline", "gas transit", "energy prices"),
    ("border security", "smuggling", "checkpoints"),
    ("a trade dispute", "tariffs", "steel exports"),
    ("migration", "asylum seekers", "camps"),
    ("a flood", "relief", "displaced families"),
    ("a spy case", "intelligence", "arrests"),
    ("water sharing", "a dam", "the river"),
    ("an election", "ballots", "observers"),
    ("a cyber attack", "hackers", "networks"),
    ("debt talks", "bonds", "creditors"),
    ("a rail link", "freight", "construction"),
    ("drug trafficking", "cartels", "seizures"),
    ("a ceasefire", "prisoners", "front lines"),
]
CITIES = [
    "Port Alder",
    "Mirecourt",
    "Salvessa",
    "Kordan",
    "Tilbury Cross",
    "Veltro",
    "Ashmere",
    "Brinholt",
    "Casteval",
    "Dunmore",
    "Elsgrave",
    "Farrow",
    "Glenport",
    "Harwick",
    "Istra",
    "Jalmer",
]
OUTLETS = [
    f"The {a} {b}"
    for a in ("Harbour", "Northern", "Capital", "Pacific", "Meridian", "Atlas", "Valley", "Coastal")
    for b in ("Times", "Post", "Ledger", "Courier")
]
HEADLINES = [
    "{A} {verb} {B} over {topic}",
    "{leaderA} {verb} {B} amid row over {topic}",
    "{Adj} leader {verb} {B}; {k1} in focus",
    "{B} responds after {A} {verb} it over {topic}",
    "{topic_cap}: {A} {verb} {B} in {city}",
    "What to know as {A} {verb} {B} over {k2}",
]
LEADS = [
    "{leaderA} of {A} {verb} {B} on {weekday}, officials said, in a move tied to {topic} and {k1}.",
    "{A} {verb} {B} in {city} on {weekday} as a dispute over {topic} deepened, {leaderB} said.",
    "Officials in {city} said {A} {verb} {B} this week; {leaderB} called the step a matter of {k2}.",
    "{leaderB}, {Bdj} leader, said {A} {verb} {B} after weeks of tension over {k1} and {k2}.",
]
NOUNS = [
    "harbour cranes",
    "grain silos",
    "copper mines",
    "wind farms",
    "fishing fleets",
    "border fences",
    "rail depots",
    "oil tankers",
    "vaccine stocks",
    "river barges",
    "army barracks",
    "coal trains",
    "customs posts",
    "refugee buses",
    "cargo flights",
    "power lines",
    "water pumps",
    "fertiliser plants",
    "cement kilns",
    "satellite links",
    "chip factories",
    "bank branches",
    "school buildings",
    "field hospitals",
    "airport runways",
    "ferry routes",
    "salt flats",
    "cattle herds",
    "rice paddies",
    "timber mills",
    "gold reserves",
    "diesel imports",
    "bridge repairs",
    "polling stations",
    "prison transfers",
    "naval drills",
    "radar sites",
    "cocoa farms",
    "tea estates",
    "lithium deposits",
    "shipyards",
    "textile mills",
    "fuel subsidies",
    "wheat shipments",
    "drone factories",
    "police academies",
    "tax offices",
    "court records",
    "phone networks",
    "power plants",
    "coffee exports",
    "sugar quotas",
    "dairy farms",
    "visa offices",
    "truck convoys",
]
INSTITUTIONS = [
    "interior ministry",
    "central bank",
    "supreme court",
    "coast guard",
    "trade office",
    "defence council",
    "health agency",
    "election board",
    "port authority",
    "energy regulator",
]
DETAILS = [
    "{official} of the {inst} said {num} {n1} had been affected and that {n2} would be reviewed.",
    "The {inst} put the cost at {num} million, citing {n1} and {n2}.",
    "According to the {inst}, {num} {n1} near {city} were part of the plan, along with {n2}.",
    "{official}, speaking for the {inst}, declined to say when {n1} would reopen.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class SynthArticle:
    id: str
    story: str
    day: int
    outlet: str
    text: str
    actors: tuple[str, ...]
    countries: tuple[str, ...]
    types: tuple[str, ...]

    def features(self, vec: np.ndarray) -> cluster.ArticleFeatures:
        """What the clustering step sees of this article, with its vector."""
        return cluster.ArticleFeatures(
            id=self.id, vec=vec, day=self.day, outlet=self.outlet, actors=self.actors,
            countries=self.countries, types=self.types,
        )  # fmt: skip


def _name(rng: random.Random) -> str:
    first = "".join(rng.choice(SYL) for _ in range(2)).capitalize()
    last = "".join(rng.choice(SYL) for _ in range(3)).capitalize()
    return f"{first} {last}"


def generate(
    n_stories: int, seed: int = 7, *, start_day: int = 739_000, days: int = 180, with_text: bool = True
) -> list[SynthArticle]:
    """Articles for n_stories stories, 1-8 articles each (mean about 3.5), sorted by day then id."""
    rng = random.Random(seed)
    leaders = {c[0]: [_name(rng) for _ in range(3)] for c in COUNTRIES}
    arts: list[SynthArticle] = []
    for s in range(n_stories):
        ca, cb = rng.sample(COUNTRIES, 2)
        if s and rng.random() < 0.35:  # a recurring pair: the hard negatives
            prev = arts[rng.randrange(len(arts))] if arts else None
            if prev and len(prev.countries) == 2:
                ca = next(c for c in COUNTRIES if c[0] == prev.countries[0])
                cb = next(c for c in COUNTRIES if c[0] == prev.countries[1])
        typ = rng.choice(list(ACTS))
        topic = rng.choice(TOPICS)
        city = rng.choice(CITIES)
        la, lb = rng.choice(leaders[ca[0]]), rng.choice(leaders[cb[0]])
        day0 = start_day + rng.randrange(days)
        n = min(8, 1 + int(rng.expovariate(1 / 2.5)))
        n1, n2, n3 = rng.sample(NOUNS, 3)
        inst, official, num = rng.choice(INSTITUTIONS), _name(rng), rng.randrange(3, 900)
        actors = (
            f"person:{la.lower().replace(' ', '-')}",
            f"person:{lb.lower().replace(' ', '-')}",
            f"state:{ca[0]}",
            f"state:{cb[0]}",
        )
        for j in range(n):
            verb = rng.choice(ACTS[typ])
            fill = {
                "A": ca[1],
                "B": cb[1],
                "Adj": ca[2],
                "Bdj": cb[2],
                "verb": verb,
                "topic": topic[0],
                "topic_cap": topic[0][0].upper() + topic[0][1:],
                "k1": topic[1],
                "k2": topic[2],
                "leaderA": la,
                "leaderB": lb,
                "city": city,
                "weekday": rng.choice(WEEKDAYS),
            }
            text = ""
            if with_text:
                extra = {
                    "n1": rng.choice((n1, n2, n3)),
                    "n2": rng.choice((n1, n2, n3)),
                    "inst": inst,
                    "official": official,
                    "num": num,
                    "city": city,
                }
                text = (
                    rng.choice(HEADLINES).format(**fill)
                    + ". "
                    + rng.choice(LEADS).format(**fill)
                    + " "
                    + rng.choice(DETAILS).format(**extra)
                )
            keep = [a for a in actors if rng.random() > 0.2] or [actors[2]]
            if rng.random() < 0.15:  # a wrong actor, as extraction sometimes gives
                other = rng.choice(COUNTRIES)
                keep.append(f"state:{other[0]}")
            countries = tuple(dict.fromkeys(a.split(":")[1] for a in keep if a.startswith("state:")))
            arts.append(
                SynthArticle(
                    id=f"syn{s:06d}{j:02d}",
                    story=f"story{s:06d}",
                    day=day0 + min(6, int(rng.expovariate(0.7))),
                    outlet=rng.choice(OUTLETS),
                    text=text,
                    actors=tuple(keep),
                    countries=countries or (ca[0], cb[0]),
                    types=(typ,) if rng.random() > 0.2 else (),
                )
            )
    arts.sort(key=lambda a: (a.day, a.id))
    return arts


def random_vectors(arts: list[SynthArticle], seed: int = 7, noise: float = 0.9) -> np.ndarray:
    """Unit vectors per article near a random story centroid (for timing without the embedding model).

    With noise 0.9 in 384 dimensions, two articles of one story have cosine of about 0.55 and of
    different stories about 0, close to what the model gives on the generated text.
    """
    from wirewatch.stories.embed import DIM

    rng = np.random.default_rng(seed)
    cents: dict[str, np.ndarray] = {}
    out = np.empty((len(arts), DIM), dtype=np.float32)
    for i, a in enumerate(arts):
        if a.story not in cents:
            c = rng.standard_normal(DIM).astype(np.float32)
            cents[a.story] = c / np.linalg.norm(c)
        v = cents[a.story] + noise * rng.standard_normal(DIM).astype(np.float32) / np.sqrt(DIM) * 1.0
        out[i] = v / np.linalg.norm(v)
    return out
