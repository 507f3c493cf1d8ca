"""Finding the event page a free-text query means, and completing an event query being typed.

Events are numbered newest first, so a sorted set of numbers is already in the order several fits are listed in.
Year, Games (by host city), season, gender and sport phrases filter; every remaining word must be found among the
event's words: its name (`track time trial`), its sport and that sport's other names (`bike`, `swim`). Among the
fits, those with fewest typos win, then those whose name the query names most, then those whose name the query
covers whole (`100 metres` is not `100 metres hurdles`). One left is a match; several are listed newest first.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass

from bot.index import EventInfo, PodiumIndex
from bot.match.fuzzy import Vocabulary, ranked
from bot.match.names import query_tokens
from bot.match.query import FILLER, GENDER_WORDS, EventQuery, QueryGrammar, stem
from bot.match.types import MAX_CHOICES

SUGGESTIONS = 5
CAP = 100  # autocomplete looks at the newest this many fitting events at most
SUGGEST_POOL = 1500  # events whose titles are ranked for suggestions at most
TYPO_CAP = 2000  # fits scored one by one when the query needed typos
_SEASON_ORDER = {"Summer": 0, "Winter": 1}


@dataclass(frozen=True, slots=True)
class EventFit:
    handle: int
    edits: int
    name_hits: int  # query words found in the event's name (not only in its sport)
    complete: bool  # every word of the event's name was named
    score: float


def _event_words(event: EventInfo) -> list[str]:
    name = event.event or event.title.split("–")[-1]
    return [stem(t) for t in query_tokens(name) if t not in GENDER_WORDS and t not in FILLER]


class EventMatcher:
    def __init__(self, index: PodiumIndex, grammar: QueryGrammar) -> None:
        self.grammar = grammar
        ordered = sorted(
            index.infos.items(),
            key=lambda item: (-(item[1].year or 0), _SEASON_ORDER.get(item[1].season or "", 2), item[1].title),
        )
        self.ids = [eid for eid, _ in ordered]
        self.titles = [e.title for _, e in ordered]
        sport_words: dict[str, set[str]] = {}
        for alias, sport in grammar.sports.items():
            sport_words.setdefault(sport, set()).update(stem(t) for t in alias.split())
        self.names: list[frozenset[str]] = []  # the words of each event's name
        self.sequences: list[tuple[str, ...]] = []  # ... in order
        self.words: list[frozenset[str]] = []  # ... and of its sport, with the sport's other names
        self.sport_of: list[str] = []
        post: dict[str, set[int]] = {}
        name_post: dict[str, set[int]] = {}
        self.by_year: dict[int, set[int]] = {}
        self.by_season: dict[str, set[int]] = {}
        self.by_gender: dict[str, set[int]] = {}
        self.by_sport: dict[str, set[int]] = {}
        for h, (_, event) in enumerate(ordered):
            sequence = tuple(_event_words(event))
            name = frozenset(sequence)
            sport = " ".join(query_tokens(event.sport or ""))
            words = set(name) | {stem(t) for t in sport.split()} | sport_words.get(sport, set())
            self.names.append(name)
            self.sequences.append(sequence)
            self.words.append(frozenset(words))
            self.sport_of.append(sport)
            for word in words:
                post.setdefault(word, set()).add(h)
            for word in name:
                name_post.setdefault(word, set()).add(h)
            if event.year is not None:
                self.by_year.setdefault(event.year, set()).add(h)
            self.by_season.setdefault(event.season or "", set()).add(h)
            self.by_gender.setdefault(event.gender or "", set()).add(h)
            self.by_sport.setdefault(sport, set()).add(h)
        self.post = post
        self.name_post = name_post
        self.vocab = Vocabulary(post)
        self.years = sorted(self.by_year, reverse=True)
        self.folded_titles = [" ".join(query_tokens(t)) for t in self.titles]

    def _parse(self, text: str, partial: bool = False, literal: bool = False) -> EventQuery:
        """The grammar's reading, where a four-digit word that is the year of Games in the index is a year too
        (the grammar knows 1890–2100; a corpus may hold Games beyond)."""
        q = self.grammar.parse(text, partial=partial, literal=literal)
        years = {int(w) for w in q.words if len(w) == 4 and w.isdigit() and int(w) in self.by_year}
        if years:
            q.years |= years
            q.words = [w for w in q.words if not (len(w) == 4 and w.isdigit() and int(w) in years)]
        return q

    # --- filters ------------------------------------------------------------------------------------------------
    def _filtered(self, q: EventQuery) -> set[int] | None:
        """Events the query's constraints allow; None when it has none."""
        sets: list[set[int]] = []
        if q.years:
            sets.append(set().union(*(self.by_year.get(y, set()) for y in q.years)))
        if q.games is not None:
            sets.append(set().union(*(self.by_year.get(y, set()) & self.by_season.get(s, set()) for y, s in q.games)))
        if q.season:
            sets.append(self.by_season.get(q.season, set()))
        if q.gender:
            sets.append(self.by_gender.get(q.gender, set()))
        for sport in q.sports:
            sets.append(self._sport(sport))
        if not sets:
            return None
        sets.sort(key=len)
        return set(sets[0]).intersection(*sets[1:])

    def _sport(self, sport: str) -> set[int]:
        """Events of a named sport; `artistic gymnastics` also takes pages filed under `Gymnastics`."""
        found = set(self.by_sport.get(sport, set()))
        wanted = set(sport.split())
        for name, handles in self.by_sport.items():
            if name != sport and name and set(name.split()) < wanted:
                found |= handles
        return found

    def _word(self, word: str, typos: bool, prefix: bool = False) -> dict[str, int]:
        found: dict[str, int] = {word: 0} if word in self.vocab else {}
        if prefix:
            for token in self.vocab.with_prefix(word, limit=500):
                found.setdefault(token, 0)
        if typos and not word.isdigit():
            for token, distance in self.vocab.near(word):
                found.setdefault(token, distance)
        return found

    # --- resolving ----------------------------------------------------------------------------------------------
    def resolve(self, text: str, suggest: bool = True) -> tuple[str, list[EventFit]]:
        q = self._parse(text)
        if not (q.words or q.years or q.games or q.season or q.sports or q.gender):
            return "none", []
        typos = False
        found = self._candidates(q, typos=False)
        if found is None:
            literal = self._parse(text, literal=True)  # `10k` as 10 kilometres, not 10,000 metres
            if literal.words != q.words:
                found = self._candidates(literal, typos=False)
        if found is None:
            typos = True
            found = self._candidates(q, typos=True)
        if found is None:
            return "none", self._suggest(q, text) if suggest else []
        count, best = self._choose(*found, typos, words=tuple(q.words))
        return ("match" if count == 1 else "ambiguous"), best

    def _candidates(
        self, q: EventQuery, typos: bool, prefix: str | None = None
    ) -> tuple[set[int], list[dict[str, int]]] | None:
        """The events the query's constraints and words allow, and each word's readings; None when none."""
        allowed = self._filtered(q)
        options = [self._word(w, typos) for w in q.words]
        if prefix:
            options.append(self._word(prefix, typos=False, prefix=True) or {})
        if not all(options):
            return None
        candidates = allowed
        for option in sorted(options, key=lambda o: sum(len(self.post[t]) for t in o)):
            union: set[int] = set()
            for token in option:
                union |= self.post[token]
            candidates = union if candidates is None else candidates & union
            if not candidates:
                return None
        return (candidates, options) if candidates else None

    def _choose(
        self, candidates: set[int], options: list[dict[str, int]], typos: bool, words: tuple[str, ...] = ()
    ) -> tuple[int, list[EventFit]]:
        """How many fits make the best class, and its newest 25. Fewest typos first, then those whose own name
        the query names most, then those it names whole, then those it names word for word in order (`large
        hill individual` is ski jumping's name; Nordic combined's is `individual large hill`). Work stays
        bounded: class sizes come from set operations, and only the fits shown are scored one by one."""
        if not options:
            return len(candidates), [self._fit(h, options) for h in heapq.nsmallest(MAX_CHOICES, candidates)]
        if typos:
            fits = [self._fit(h, options) for h in heapq.nsmallest(TYPO_CAP, candidates)]
            fewest = min(f.edits for f in fits)
            fits = [f for f in fits if f.edits == fewest]
            most = max(f.name_hits for f in fits)
            fits = [f for f in fits if f.name_hits == most]
            if any(f.complete for f in fits):
                fits = [f for f in fits if f.complete]
            return len(fits), fits[:MAX_CHOICES]
        hits: Counter[int] = Counter()
        for option in options:
            in_name: set[int] = set()
            for token in option:
                in_name |= self.name_post.get(token, set())
            hits.update(in_name & candidates)
        most = max(hits.values(), default=0)
        best = [h for h, n in hits.items() if n == most] if most else list(candidates)
        named = set().union(*options)
        complete = [h for h in best if self.names[h] and self.names[h] <= named]
        if complete:
            best = complete
            in_order = [h for h in best if self.sequences[h] == words]
            best = in_order or best
        return len(best), [self._fit(h, options) for h in heapq.nsmallest(MAX_CHOICES, best)]

    def _fits(self, q: EventQuery, typos: bool, prefix: str | None = None, cap: int | None = None) -> list[EventFit]:
        """The events fitting a query, each scored (`cap`: only the newest that many)."""
        found = self._candidates(q, typos, prefix)
        if found is None:
            return []
        candidates, options = found
        handles = sorted(candidates) if cap is None else heapq.nsmallest(cap, candidates)
        return [self._fit(h, options) for h in handles]

    def _fit(self, h: int, options: list[dict[str, int]]) -> EventFit:
        name = self.names[h]
        words = self.words[h]
        named: set[str] = set()
        cost = 0
        hits = 0
        for option in options:
            # The cheapest of this word's readings that the event holds, preferring one in its name.
            best: tuple[int, int, str] | None = None
            for token in words:
                distance = option.get(token)
                if distance is None:
                    continue
                key = (distance, 0 if token in name else 1, token)
                if best is None or key < best:
                    best = key
            if best is None:
                continue
            cost += best[0]
            if best[1] == 0:
                hits += 1
                named.add(best[2])
        complete = bool(name) and name <= named
        score = float(max(0, 100 - 15 * cost - 5 * len(name - named)))
        return EventFit(h, cost, hits, complete, score)

    def _suggest(self, q: EventQuery, text: str) -> list[EventFit]:
        """Nothing fits: the same words without the year, city or season, else titles that read alike."""
        if q.words and (q.years or q.games or q.season or q.gender):
            loose = EventQuery(sports=q.sports, words=q.words)
            fits = self._fits(loose, typos=False, cap=SUGGESTIONS) or self._fits(loose, typos=True, cap=SUGGESTIONS)
            if fits:
                return [EventFit(f.handle, f.edits, f.name_hits, f.complete, 50.0) for f in fits[:SUGGESTIONS]]
        typed = " ".join(query_tokens(text))
        if not typed:
            return []
        # Titles are ranked only among the events holding one of the query's words (or a word one typo from
        # it), the newest first and a bounded number of them: the work does not grow with the corpus.
        pool: set[int] = set()
        for word in q.words:
            for token, _ in self.vocab.near(word, 1 if len(word) > 3 and word.isalpha() else 0):
                pool |= self.post[token]
        handles = heapq.nsmallest(SUGGEST_POOL, pool)
        found = ranked(typed, [self.folded_titles[h] for h in handles], SUGGESTIONS)
        return [EventFit(handles[pos], 3, 0, False, score) for pos, score in found]

    # --- completing ---------------------------------------------------------------------------------------------
    def complete(self, text: str, limit: int) -> list[EventFit]:
        """Events for partial input, newest first: the last token is a prefix (of a word, a year, a city)."""
        limit = max(0, min(limit, MAX_CHOICES))
        q = self._parse(text, partial=True)
        partial = q.partial
        fits: list[EventFit] = []
        if partial is None:
            fits = self._fits(q, typos=False, cap=CAP) if (q.words or self._filtered(q) is not None) else []
            if not fits and q.words:
                fits = self._fits(q, typos=True, cap=CAP)
        else:
            fits = self._complete_partial(q, partial, limit)
        if not fits and len(" ".join(query_tokens(text))) >= 3:
            verdict, found = self.resolve(text, suggest=False)
            fits = found if verdict != "none" else []
        fits.sort(key=lambda f: (not f.complete, -f.name_hits, f.handle))
        return fits[:limit]

    def _complete_partial(self, q: EventQuery, partial: str, limit: int) -> list[EventFit]:
        found: list[EventFit] = []
        seen: set[int] = set()
        readings: list[EventQuery] = []
        if partial.isdigit():
            years = [y for y in self.years if str(y).startswith(partial)]
            if years:
                readings.append(EventQuery(q.years | set(years), q.games, q.season, q.gender, q.sports, q.words))
        for place, games in self.grammar.places.items():
            if place.startswith(partial) and len(partial) >= 2:
                merged = games if q.games is None else q.games | games
                readings.append(EventQuery(q.years, merged, q.season, q.gender, q.sports, q.words))
                break
        if partial in self.grammar.aliases:  # `kilo` is already a whole nickname
            words = [*q.words, *(stem(w) for w in self.grammar.aliases[partial])]
            readings.append(EventQuery(q.years, q.games, q.season, q.gender, q.sports, words))
        for token, gender in GENDER_WORDS.items():
            if len(partial) >= 3 and token.startswith(partial) and q.gender is None:
                readings.append(EventQuery(q.years, q.games, q.season, gender, q.sports, q.words))
                break
        word_fits = self._fits(q, typos=False, prefix=partial, cap=CAP)
        for reading in readings:
            for fit in self._fits(reading, typos=False, cap=CAP):
                if fit.handle not in seen:
                    seen.add(fit.handle)
                    found.append(fit)
        for fit in word_fits:
            if fit.handle not in seen:
                seen.add(fit.handle)
                found.append(fit)
        return found
