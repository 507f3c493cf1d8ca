"""Queries the way people type them, made from a loaded index, each with what it was meant to find and the set
of answers it honestly fits (the oracle), and the scoring of verdicts the way a user feels them.

The oracle is deliberately simple and separate from the matcher: a query fits an athlete when every typed word is
one of the name's words or the initial of one, each used once, in any order; a query with typos also fits every
name within as many edits of it. An event query fits the events with the named year (or host city), gender and
event name.
"""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.index import PodiumIndex
from bot.match.query import GENDER_WORDS, QueryGrammar
from bot.match.types import MAX_CHOICES
from bot.text import normalize

FAMILY_FIRST = frozenset({"CHN", "JPN", "KOR", "PRK", "TPE", "VIE", "HKG", "MGL"})
ATHLETE_MIX = (
    ("exact", 8), ("folded", 12), ("surname", 12), ("swapped", 10), ("initial", 12), ("middle", 6),
    ("typo1", 16), ("typo2", 12), ("hyphen", 4), ("folded_swapped", 8),
)  # fmt: skip
EVENT_MIX = (("year_name", 30), ("city_alias", 20), ("sport_name_year", 20), ("typo", 20), ("no_year", 10))
OUTCOMES = ("right", "honest", "wrong", "missed")


@dataclass
class Query:
    kind: str  # athlete | event
    variant: str
    text: str
    intended: str  # id
    fits: set[str] = field(default_factory=set)
    clean: str | None = None  # for typo queries: the text before the typos
    edits: int = 0


def _typo(word: str, rng: random.Random) -> str:
    letters = string.ascii_lowercase
    i = rng.randrange(len(word))
    op = rng.choice(("sub", "del", "ins", "swap"))
    if op == "sub":
        return word[:i] + rng.choice([c for c in letters if c != word[i]]) + word[i + 1 :]
    if op == "del":
        return word[:i] + word[i + 1 :]
    if op == "ins":
        return word[:i] + rng.choice(letters) + word[i:]
    if i == len(word) - 1:
        i -= 1
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _with_typos(tokens: list[str], count: int, rng: random.Random) -> list[str] | None:
    """The tokens with `count` typos, on words long enough to carry them, `count` edits away (OSA) in all."""
    for _ in range(20):
        out = list(tokens)
        for _ in range(count):
            long = [i for i, t in enumerate(out) if len(t) >= (6 if count == 2 else 4) and t.isalpha()]
            if not long:
                return None
            i = rng.choice(long)
            out[i] = _typo(out[i], rng)
        if OSA.distance(" ".join(out), " ".join(tokens)) == count:
            return out
    return None


class AthleteOracle:
    """Which athletes a query honestly fits."""

    def __init__(self, index: PodiumIndex) -> None:
        self.ids = list(index.athletes)
        self.tokens = [normalize(name).split() for name in index.athletes.names]
        self.folded = [" ".join(t) for t in self.tokens]
        self.post: dict[str, set[int]] = {}
        for i, tokens in enumerate(self.tokens):
            for t in tokens:
                self.post.setdefault(t, set()).add(i)

    def fits(self, text: str) -> set[str]:
        typed = normalize(text).split()
        words = [t for t in typed if len(t) > 1]
        if not words:
            return set()
        found = set.intersection(*(self.post.get(w, set()) for w in words))
        out = set()
        for i in found:
            rest = list(self.tokens[i])
            ok = True
            for t in sorted(typed, key=len, reverse=True):
                match = t if t in rest else next((r for r in rest if len(t) == 1 and r.startswith(t)), None)
                if match is None:
                    ok = False
                    break
                rest.remove(match)
            if ok:
                out.add(self.ids[i])
        return out

    def near(self, text: str, edits: int) -> set[str]:
        found = process.extract(
            normalize(text), self.folded, scorer=OSA.distance, score_cutoff=edits, limit=None, processor=None
        )
        return {self.ids[pos] for _, _, pos in found}


def athlete_queries(index: PodiumIndex, count: int, seed: int) -> list[Query]:
    """Queries from randomly drawn athletes; their `fits` are filled in later by `attach_fits`."""
    rng = random.Random(seed)
    table = index.athletes
    numbers = range(len(table))  # an Athlete is made only for the ones drawn
    variants = [v for v, _ in ATHLETE_MIX]
    weights = [w for _, w in ATHLETE_MIX]
    out: list[Query] = []
    while len(out) < count and numbers:
        athlete = table.at(rng.choice(numbers))
        words = athlete.name.split()
        tokens = normalize(athlete.name).split()
        if len(words) < 2 or len(tokens) < 2:
            continue
        family_first = bool(set(athlete.nations) & FAMILY_FIRST)
        surname_word = words[0] if family_first else words[-1]
        given_words = words[1:] if family_first else words[:-1]
        variant = rng.choices(variants, weights)[0]
        text: str | None = None
        clean: str | None = None
        edits = 0
        if variant == "exact":
            text = athlete.name
        elif variant == "folded":
            text = " ".join(tokens)
        elif variant == "surname":
            text = surname_word if rng.random() < 0.5 else normalize(surname_word)
        elif variant == "swapped":
            text = " ".join([*given_words, surname_word] if family_first else [surname_word, *given_words])
        elif variant == "folded_swapped":
            text = normalize(
                " ".join([surname_word, *given_words] if not family_first else [*given_words, surname_word])
            )
        elif variant == "initial":
            initial = normalize(given_words[0])[:1].upper()
            text = f"{initial}. {surname_word}" if rng.random() < 0.6 else f"{initial} {normalize(surname_word)}"
        elif variant == "middle" and len(words) >= 3 and not family_first:
            text = f"{words[0]} {words[-1]}"
        elif variant == "hyphen" and "-" in athlete.name:
            text = athlete.name.replace("-", " " if rng.random() < 0.5 else "")
        elif variant in ("typo1", "typo2"):
            edits = 1 if variant == "typo1" else 2
            typed = _with_typos(tokens, edits, rng)
            if typed is not None:
                text, clean = " ".join(typed), " ".join(tokens)
        if not text:
            continue
        out.append(Query("athlete", variant, text, athlete.id, clean=clean, edits=edits))
    return out


def attach_fits(index: PodiumIndex, queries: list[Query]) -> None:
    """What each athlete query honestly fits (the oracle is built here, after the timings)."""
    oracle = AthleteOracle(index)
    by_id = index.athletes
    for query in queries:
        if query.variant == "hyphen":
            query.fits = oracle.fits(by_id[query.intended].name) | oracle.fits(query.text)
        elif query.clean is not None:
            query.fits = oracle.fits(query.clean) | oracle.near(query.text, query.edits)
        else:
            query.fits = oracle.fits(query.text)
        query.fits.add(query.intended)


def _core(name: str | None) -> str:
    return " ".join(t for t in normalize(name or "").split() if t not in GENDER_WORDS and t != "s")


def event_queries(index: PodiumIndex, count: int, seed: int) -> list[Query]:
    rng = random.Random(seed + 1)
    grammar = QueryGrammar.from_reference(index.reference)
    by_core: dict[str, list[str]] = {}
    for alias, expansion in grammar.aliases.items():
        by_core.setdefault(" ".join(expansion), []).append(alias)
    hosts: dict[tuple[int, str], list[str]] = {}
    for place, games in grammar.places.items():
        for g in games:
            hosts.setdefault(g, []).append(place)
    events = [(eid, e) for eid, e in index.infos.items() if e.year and e.event]
    cores = {eid: _core(e.event) for eid, e in events}
    variants = [v for v, _ in EVENT_MIX]
    weights = [w for _, w in EVENT_MIX]
    out: list[Query] = []
    while len(out) < count and events:
        eid, e = rng.choice(events)
        core = cores[eid]
        gender = {"men": "men's", "women": "women's"}.get(e.gender or "", "")
        variant = rng.choices(variants, weights)[0]
        years: set[int] | None = {e.year or 0}
        named_games: set[tuple[int, str]] | None = None
        with_gender = True
        sport: str | None = None
        if variant == "year_name":
            text = f"{e.year} {e.event}"
        elif variant == "city_alias":
            places = hosts.get((e.year or 0, e.season or ""))
            aliases = by_core.get(core)
            if not places or not aliases:
                continue
            place = rng.choice(places)
            named_games = grammar.places[place]
            years = None
            text = f"{place} {rng.choice(aliases)} {gender}".strip()
            with_gender = bool(gender)
        elif variant == "sport_name_year":
            sport = normalize(e.sport or "")
            text = f"{sport} {core} {e.year}"
            with_gender = False
        elif variant == "typo":
            words = core.split()
            long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
            if not long:
                continue
            i = rng.choice(long)
            words[i] = _typo(words[i], rng)
            text = f"{gender} {' '.join(words)} {e.year}".strip()
        else:
            text = f"{gender} {core}".strip()
            years = None
        fits = set()
        for other, oe in events:
            if cores[other] != core:
                continue
            if years is not None and oe.year not in years:
                continue
            if named_games is not None and (oe.year, oe.season) not in named_games:
                continue
            if with_gender and gender and oe.gender != e.gender:
                continue
            if sport is not None and normalize(oe.sport or "") != sport:
                continue
            fits.add(other)
        out.append(Query("event", variant, text, eid, fits | {eid}))
    return out


def score(query: Query, outcome: str, ids: Sequence[str]) -> str:
    """right: the intended one alone. honest: a list holding it when the query fits several (or, when more fit
    than a list can hold, a full list of genuine fits). wrong: a single answer that is someone else. missed."""
    if outcome == "match":
        return "right" if ids and ids[0] == query.intended else "wrong"
    if outcome == "ambiguous" and len(query.fits) > 1:
        if query.intended in ids:
            return "honest"
        if len(query.fits) > MAX_CHOICES and len(ids) >= MAX_CHOICES and set(ids) <= query.fits:
            return "honest"
    return "missed"
