"""The front door: load a folder of pages once, then ask questions of it."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot import answers
from bot import medals as medal_tables
from bot.about import AboutAnswer, about_answer
from bot.ask import AskAnswer, Asker
from bot.cache import (
    PARALLEL_FROM,
    CacheInfo,
    Stamp,
    build_apart,
    load_index,
    needs_build,
    release_memory,
    stamp_of,
    writable,
)
from bot.charts import Chart, ChartKind, make_chart
from bot.compare import CompareAnswer, compare_answer
from bot.errors import Ambiguous, BadOption, NotFound, PodiumError
from bot.index import PodiumIndex, build_index
from bot.match import Kind, Matcher, Resolution
from bot.parse import PAGE_SUFFIXES, load_folder
from bot.reference import DATA_DIR, Reference, load_reference
from bot.text import normalize
from bot.userinput import visible

DEFAULT_PAGES = DATA_DIR / "pages"
BUILD_APART_FROM = PARALLEL_FROM  # pages: below this, parsing in-process leaves little memory behind


class DataFolderError(PodiumError):
    """The folder of pages is missing, is not a folder, or holds no pages: a bot on it would know nothing."""


def require_pages(folder: Path) -> Path:
    """The folder, if it holds pages; else `DataFolderError` saying what is wrong (faces check before loading, so
    that `--data /nope` is told, not answered with "No event matches")."""
    shown = repr(str(folder)) if len(str(folder)) <= 200 else repr(str(folder)[:200] + "…")
    try:
        if not folder.exists():
            raise DataFolderError(f"The data folder {shown} does not exist (set --data or PODIUM_DATA_DIR).")
        if not folder.is_dir():
            raise DataFolderError(f"The data folder {shown} is a file, not a folder of pages.")
        has_pages = any(p.is_file() and p.suffix.lower() in PAGE_SUFFIXES for p in folder.iterdir())
    except (OSError, ValueError) as err:  # a name too long, a NUL, no permission
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise DataFolderError(f"The data folder {shown} cannot be read: {reason}.") from None
    if not has_pages:
        suffixes = ", ".join(PAGE_SUFFIXES)
        raise DataFolderError(f"The data folder {shown} holds no pages (files ending {suffixes}).")
    return folder


class Podium:
    """Parsed events, their index and matcher; every face asks its questions here."""

    def __init__(self, index: PodiumIndex, matcher: Matcher | None = None) -> None:
        self.index = index
        self.matcher = matcher or Matcher(index)
        self.cache: CacheInfo | None = None
        self._asker: Asker | None = None

    @classmethod
    def load(
        cls, pages: Path = DEFAULT_PAGES, reference: Reference | None = None, cache_dir: Path | None = None
    ) -> Podium:
        """Parse a folder of pages. With `cache_dir` (settings.cache_dir), a warm start reads the parsed index and
        the matcher's tables from there instead, and only pages that changed are parsed again."""
        ref = reference or load_reference()
        if cache_dir is None:
            return cls(build_index(load_folder(pages, ref), ref))
        built = None
        stamp = stamp_of(pages, ref, cache_dir) if pages.is_dir() else None
        if needs_build(pages, ref, cache_dir, stamp) >= BUILD_APART_FROM and writable(cache_dir):
            # Parsed in a child process that fills the cache; this one then starts warm from it, without the
            # memory a parse leaves behind. (Where the cache cannot be written, parsing here is the only way.)
            built = build_apart(lambda: cls._from_cache(pages, ref, cache_dir, stamp).cache_mode())
        podium = cls._from_cache(pages, ref, cache_dir, stamp)
        if built is not None and podium.cache is not None:
            podium.cache = replace(podium.cache, mode=built[0], parsed=built[1])
        gc.freeze()  # the index lives as long as the process: later collections need not walk it (no long pauses)
        release_memory()
        return podium

    @classmethod
    def _from_cache(cls, pages: Path, ref: Reference, cache_dir: Path, stamp: Stamp | None) -> Podium:
        index, info = load_index(pages, ref, cache_dir, stamp=stamp)
        slot = f"matcher-{info.path.stem}" if info.path else "matcher"
        matcher = Matcher.cached(index, cache_dir, info.fingerprint, slot) if info.fingerprint else None
        podium = cls(index, matcher)
        podium.cache = info
        return podium

    def cache_mode(self) -> tuple[str, int]:
        return (self.cache.mode, self.cache.parsed) if self.cache else ("off", 0)

    @property
    def problems(self) -> list[Any]:
        return self.index.problems

    def resolve(self, kind: Kind, query: str) -> Resolution:
        if kind == "athlete":
            return self.matcher.resolve_athlete(query)
        return self.matcher.resolve_event(query)

    def _one(self, kind: Kind, query: str) -> str:
        if not visible(query):  # empty, spaces, or characters that show nothing (`\u200b`)
            raise BadOption(f"Type {'an event' if kind == 'event' else 'an athlete'} to look up.")
        if query in (self.index.events if kind == "event" else self.index.athletes):  # an id, as a pick gives
            return query
        if kind == "event" and (missing := self.unloaded_sport(query)):
            loaded = ", ".join(sorted({e.sport for e in self.index.infos.values() if e.sport})) or "none"
            raise NotFound("event", query, hint=f"No {missing.lower()} events are loaded (sports loaded: {loaded}).")
        verdict = self.resolve(kind, query)
        if verdict.outcome == "match":
            return verdict.candidates[0].id
        if verdict.outcome == "ambiguous":
            raise Ambiguous(kind, query, [(c.id, c.name, c.detail) for c in verdict.candidates])
        raise NotFound(kind, query, [c.name for c in verdict.candidates])

    def unloaded_sport(self, query: str) -> str | None:
        """A sport the query names (by its name, or a phrase of several words such as `track and field`) of which
        no event is loaded, while it names none that is: `curling` must not be answered with cycling."""
        words = normalize(query).split()
        named: set[str] = set()
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i : i + size])
                sport = self.index.reference.sports.get(phrase)
                if sport and (size > 1 or phrase == normalize(sport)):
                    named.add(sport)
        loaded = {e.sport for e in self.index.infos.values() if e.sport}
        if not named or named & loaded:
            return None
        return sorted(named)[0]

    def event_id(self, query: str) -> str:
        return self._one("event", query)

    def athlete_id(self, query: str) -> str:
        return self._one("athlete", query)

    def event(self, query: str) -> answers.EventAnswer:
        return answers.event_answer(self.index, self.event_id(query))

    def podium(self, query: str) -> answers.PodiumAnswer:
        return answers.podium_answer(self.index, self.event_id(query))

    def athlete(self, query: str) -> answers.AthleteAnswer:
        return answers.athlete_answer(self.index, self.athlete_id(query))

    def records(self, query: str) -> answers.RecordsAnswer:
        return answers.records_answer(self.index, self.event_id(query))

    def compare(self, athlete_a: str, athlete_b: str) -> CompareAnswer:
        return compare_answer(self.index, self.athlete_id(athlete_a), self.athlete_id(athlete_b))

    def about(self) -> AboutAnswer:
        return about_answer(self.index)

    def chart(self, query: str, kind: ChartKind = "gaps") -> Chart:
        return make_chart(self.event(query), kind)

    def export(self) -> dict[str, Any]:
        """The whole parsed index as one JSON-ready document (schema in the README)."""
        return {
            "events": [
                {"id": eid, **event.model_dump(mode="json", exclude={"infobox"})}
                for eid, event in self.index.events.items()
            ],
            "problems": [p.model_dump(mode="json") for p in self.index.problems],
        }

    # --- medal tables, nations, Games (bot/medals.py) ------------------------------------------------------------
    def medals(self, query: str = "") -> medal_tables.MedalTableAnswer:
        return medal_tables.medal_table(
            self.index, medal_tables.read_scope(self.index, self.matcher.events.grammar, query)
        )

    def nation(self, query: str) -> medal_tables.NationAnswer:
        return medal_tables.nation_answer(self.index, query)

    def games(self, query: str) -> medal_tables.GamesAnswer:
        return medal_tables.games_answer(self.index, self.matcher.events.grammar, query)

    # --- questions in plain words (bot/ask/) ---------------------------------------------------------------------
    @property
    def asker(self) -> Asker:
        """One asker per Podium: it keeps each person's last question for follow-ups."""
        if self._asker is None:
            self._asker = Asker(self.index, self.matcher)
        return self._asker

    def ask(self, question: str, who: tuple[str, str] | None = None) -> AskAnswer:
        return self.asker.ask(question, who)
