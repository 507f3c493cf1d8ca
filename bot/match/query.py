"""Constraints parsed out of a free-text event query: year, Games by host city, season, gender, sport phrases,
and the event's own words with nicknames and abbreviations expanded (`kilo`, `100 free`, `4x100`, `20k walk`).

Host cities, sport names and event nicknames come from the data files in `data/` (through `Reference`); only the
small grammar of genders, seasons and units lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.match.names import query_tokens
from bot.reference import Reference

GENDER_WORDS: dict[str, str] = {
    "men": "men", "mens": "men", "man": "men", "male": "men", "males": "men", "boys": "men", "m": "men",
    "women": "women", "womens": "women", "woman": "women", "female": "women", "females": "women",
    "ladies": "women", "lady": "women", "girls": "women", "w": "women", "mixed": "mixed",
}  # fmt: skip
SEASONS = {"summer": "Summer", "winter": "Winter"}
# Words people add that say nothing about which event: dropped before matching.
FILLER = frozenset({"at", "the", "in", "of", "olympics", "olympic", "games", "event", "results", "result", "s"})
UNITS = {"m": "metre", "km": "kilometre", "k": "kilometre", "kg": "kg", "mi": "mile"}
_NUMBER_UNIT = re.compile(r"^(\d+)(m|km|k|kg)$")
_YEAR = re.compile(r"^(18[89]\d|19\d\d|20\d\d|2100)$")
MAX_PHRASE = 4


def stem(token: str) -> str:
    """`metres` -> `metre`, `hurdles` -> `hurdle`: plural and singular compare alike."""
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


@dataclass
class EventQuery:
    years: set[int] = field(default_factory=set)
    games: set[tuple[int, str]] | None = None  # Games named by a host city; None when no city was named
    season: str | None = None
    gender: str | None = None
    sports: set[str] = field(default_factory=set)  # folded sport names named by a phrase (`track and field`)
    words: list[str] = field(default_factory=list)  # the event's own words, stemmed, in order
    partial: str | None = None  # the last token while it is still being typed (autocomplete)


@dataclass
class QueryGrammar:
    """The tables a query is read with, folded once."""

    places: dict[str, set[tuple[int, str]]]
    sports: dict[str, str]  # folded alias phrase -> folded sport name
    aliases: dict[str, list[str]]  # folded alias phrase -> expansion tokens

    @classmethod
    def from_reference(cls, ref: Reference) -> QueryGrammar:
        places: dict[str, set[tuple[int, str]]] = {}
        for games in ref.games:
            for place in (games.host_city, *games.places):
                key = " ".join(query_tokens(place))
                if key:
                    places.setdefault(key, set()).add((games.year, games.season))
        sports = {alias: " ".join(query_tokens(sport)) for alias, sport in ref.sports.items() if alias}
        aliases = {alias: query_tokens(expansion) for alias, expansion in ref.event_aliases.items() if alias}
        return cls(places, sports, aliases)

    def parse(self, text: str, partial: bool = False, literal: bool = False) -> EventQuery:
        """Read `text`; with `partial`, the last token is kept aside as a prefix still being typed. With `literal`,
        a number with a unit (`10k`) is read as written (10 kilometres) rather than as its nickname (10,000 m)."""
        tokens = query_tokens(text)
        out = EventQuery()
        if partial and tokens and not text[-1:].isspace():
            out.partial = tokens.pop()
        words: list[str] = []
        i = 0
        while i < len(tokens):
            taken = self._phrase(tokens, i, out, words, literal)
            if taken:
                i += taken
                continue
            token = tokens[i]
            previous = tokens[i - 1] if i else ""
            if _YEAR.match(token):
                out.years.add(int(token))
            elif token in SEASONS:
                out.season = SEASONS[token]
            elif token in GENDER_WORDS and not (token == "m" and previous.isdigit()):
                out.gender = GENDER_WORDS[token]  # `mixed` too: an event's own words leave gender words out
            elif token in UNITS and previous.isdigit():
                words.append(UNITS[token])
            elif _NUMBER_UNIT.match(token):
                number, unit = _NUMBER_UNIT.match(token).groups()  # type: ignore[union-attr]
                words += [number, UNITS[unit]]
            elif token not in FILLER:
                words.append(token)
            i += 1
        out.words = [stem(w) for w in words]
        return out

    def _phrase(self, tokens: list[str], i: int, out: EventQuery, words: list[str], literal: bool) -> int:
        """Take the longest phrase starting at `i` that is a host city, an event alias or a sport phrase."""
        for n in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
            key = " ".join(tokens[i : i + n])
            if literal and n == 1 and _NUMBER_UNIT.match(key):
                return 0
            if key in self.aliases and not (n == 1 and _YEAR.match(key)):
                # `two man` -> two-man: `man` is a gender word, which an event's own words leave out too.
                words.extend(t for t in self.aliases[key] if t not in GENDER_WORDS)
                return n
            if key in self.places and (n > 1 or len(key) > 2 or key == "la"):
                games = self.places[key]
                out.games = games if out.games is None else out.games | games
                return n
            if n > 1 and key in self.sports:
                # Several words naming a sport (`track and field`) constrain the sport; a single word (`swim`)
                # is matched softly, against the sport's own words, like any other word.
                out.sports.add(self.sports[key])
                return n
        return 0
