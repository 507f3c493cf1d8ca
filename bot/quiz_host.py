"""Quiz games in many channels at once, each a pure `QuizSession` kept in step with the repository.

The service over the game (`bot.quiz`, pure) and the storage (`bot.storage`): it sits above both, so neither
imports the other's way up (the quiz package never imports storage).

Every face (the console, Discord) goes through a `QuizHost`: it starts games (questions picked from the pool with
the server's no-repeat memory), forwards answers and commands to the right channel's session, writes what happens
(questions asked, every answer before it is acknowledged, questions closed, games ended), and at start closes the
games a crash cut off. It never sleeps and never reads a clock: callers pass `now`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from bot.errors import BadOption
from bot.index import PodiumIndex
from bot.quiz.export import answer_entry, answers_csv, as_json, result_of, transcript
from bot.quiz.model import Question
from bot.quiz.pool import game_pool, resolve_sport
from bot.quiz.select import pick_questions
from bot.quiz.session import (
    AnswerOutcome,
    GameEnded,
    QuestionClosed,
    QuestionOpened,
    QuizEvent,
    QuizSession,
    QuizStateError,
    Standing,
)
from bot.storage.engine import StorageError, StorageFault
from bot.storage.repository import ChannelBusy, GameRecord, InterruptedGame, LeaderRow, Period, QuizRepository

log = logging.getLogger(__name__)

Mode = Literal["buttons", "typed"]
MAX_QUESTIONS = 50
# A game's pool reaches into further draws of events until it holds this many times the questions asked that are
# new to the server: some have too few settled wrong answers to be shown with options.
FRESH_MARGIN = 2


class AnswerNotSaved(StorageError):
    """The database refused the answer's write: it is not acknowledged and does not count; the player may answer
    again (the game goes on, and its writes catch up when the database is back)."""

    def __init__(self) -> None:
        super().__init__("Could not save your answer — try again.")


@dataclass(frozen=True)
class GameOptions:
    questions: int = 10
    seconds: float = 20.0
    mode: Mode = "buttons"
    sport: str | None = None
    games: str | None = None
    event_id: str | None = None
    difficulty: int | None = None
    seed: int | None = None
    # Consult the server's memory of questions already asked (off to replay a seeded game exactly).
    remember: bool = True

    def described(self) -> dict[str, object]:
        return {
            "sport": self.sport,
            "games": self.games,
            "event": self.event_id,
            "difficulty": self.difficulty,
        }


@dataclass(frozen=True)
class GamePlan:
    """A game checked and its questions picked, not started yet (see `QuizHost.prepare`)."""

    guild_id: str
    channel_id: str
    host_id: str
    owner: str
    options: GameOptions
    seed: int
    questions: tuple[Question, ...]
    players: tuple[str, ...] = ()


@dataclass
class LiveGame:
    game_id: int
    guild_id: str
    channel_id: str
    seed: int
    mode: Mode
    session: QuizSession
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # What happened in the game that the database has not taken yet (it refused): written, in order, before
    # anything else of this game (see `QuizHost._flush`).
    unsaved: list[QuizEvent] = field(default_factory=list)


# How long a process's lease on its games lasts unless renewed (on another host; on this one, while it lives).
LEASE_SECONDS = 60.0


class QuizHost:
    """The games this process runs, by channel. `owner` names the role for crash recovery (`shard:0`, `console`);
    each host writes its games as `role@instance`, its own instance, and holds a lease on them in the database,
    so another process of the same role (a second console, an unsharded second bot) never closes them."""

    def __init__(
        self,
        index: PodiumIndex,
        repo: QuizRepository,
        *,
        owner: str,
        reveal_seconds: float = 5.0,
        lease_seconds: float = LEASE_SECONDS,
    ) -> None:
        self.index = index
        self.repo = repo
        self.role = owner
        self.instance = uuid.uuid4().hex
        self.owner = self.owned_by(owner)
        self.reveal_seconds = reveal_seconds
        self.lease_seconds = lease_seconds
        self.live: dict[str, LiveGame] = {}
        self._renewed: dt.datetime | None = None

    def owned_by(self, role: str) -> str:
        return role if "@" in role else f"{role}@{self.instance}"

    async def recover(
        self, now: dt.datetime, owners: Collection[str] | None = None, *, owner_prefix: str | None = None
    ) -> list[InterruptedGame]:
        """Take this process's lease, then close the games a shutdown or crash cut off: those of this role
        (unless `owners` or `owner_prefix` say otherwise) whose process is gone. The caller tells each channel,
        then calls `repo.mark_announced`."""
        await self.claim(now)
        if owners is None and owner_prefix is None:
            owners = [self.role]
        return await self.repo.recover(now, owners=owners, owner_prefix=owner_prefix)

    async def claim(self, now: dt.datetime) -> None:
        await self.repo.claim(self.instance, now, self.lease_seconds)
        self._renewed = now

    async def renew(self, now: dt.datetime) -> None:
        """Keep the lease (a third of its length at most between writes). A database that refuses is logged: the
        lease holds on this host as long as the process lives, and the next renewal tries again."""
        if self._renewed is not None and (now - self._renewed).total_seconds() < self.lease_seconds / 3:
            return
        try:
            await self.claim(now)
        except StorageFault as err:
            log.warning("could not renew the lease of quiz host %s: %s", self.instance, err)

    async def release(self) -> None:
        """Give up the lease at a clean shutdown (its games are closed or will be recovered)."""
        try:
            await self.repo.release(self.instance)
        except StorageFault as err:
            log.warning("could not release the lease of quiz host %s: %s", self.instance, err)
        self._renewed = None

    def game_in(self, channel_id: str) -> LiveGame | None:
        return self.live.get(channel_id)

    async def start(
        self,
        *,
        guild_id: str,
        channel_id: str,
        host_id: str,
        options: GameOptions,
        now: dt.datetime,
        players: Collection[str] = (),
        owner: str | None = None,
    ) -> tuple[LiveGame, list[QuizEvent]]:
        """Pick the questions and open the first: `prepare`, then `begin`."""
        plan = await self.prepare(
            guild_id=guild_id,
            channel_id=channel_id,
            host_id=host_id,
            options=options,
            now=now,
            players=players,
            owner=owner,
        )
        return await self.begin(plan, now)

    async def prepare(
        self,
        *,
        guild_id: str,
        channel_id: str,
        host_id: str,
        options: GameOptions,
        now: dt.datetime,
        players: Collection[str] = (),
        owner: str | None = None,
    ) -> GamePlan:
        """Every check a start makes, and the questions picked, without starting anything: `BadOption` for options
        no game fits (an unknown sport or Games, no questions), `ChannelBusy` when the channel has a game already.
        A face runs it before it answers anyone, so these errors can be told to the host alone. `owner` overrides
        the host's (a sharded process owns each game by its guild's shard). The pool (a seeded draw of events, see
        `_pick`) is built in a worker thread: a few tenths of a second on a whole Olympics, during which the event
        loop keeps serving."""
        if not 1 <= options.questions <= MAX_QUESTIONS:
            raise BadOption(f"A quiz has 1 to {MAX_QUESTIONS} questions.")
        if not 5 <= options.seconds <= 300:
            raise BadOption("A question lasts 5 to 300 seconds.")
        self._check_free(channel_id, await self.repo.running_game(channel_id))
        seed = options.seed if options.seed is not None else random.SystemRandom().randrange(2**31)
        asked: dict[str, float] = {}
        if options.remember:
            asked = await self.repo.asked_keys(guild_id)
            # Questions other games of this server (served by this process alone) are about to ask.
            for other in self.live.values():
                if other.guild_id == guild_id:
                    asked.update({q.key: now.timestamp() * 1000 for q in other.session.questions})
        picked = await asyncio.to_thread(self._pick, options, seed, asked)
        if not picked:
            raise BadOption("No questions fit these options: try another sport, Games or difficulty.")
        owned = self.owned_by(owner) if owner else self.owner
        return GamePlan(guild_id, channel_id, host_id, owned, options, seed, tuple(picked), tuple(players))

    def _pick(self, options: GameOptions, seed: int, asked: dict[str, float]) -> list[Question]:
        """The game's questions: one seed, one game (for the same memory). The pool is a seeded draw of the events
        that fit (the whole of a small index), widened to further draws rather than repeat questions."""
        rng = random.Random(seed)
        pool = game_pool(
            self.index,
            rng,
            sport=options.sport,
            games=options.games,
            event_id=options.event_id,
            difficulty=options.difficulty,
            asked=asked.keys(),
            fresh=FRESH_MARGIN * options.questions,
        )
        return pick_questions(
            pool, options.questions, rng, asked=set(asked), last_asked=asked, choices=options.mode == "buttons"
        )

    def _check_free(self, channel_id: str, running: GameRecord | None) -> None:
        if running is not None or channel_id in self.live:
            raise ChannelBusy(running.id if running else self.live[channel_id].game_id)

    async def begin(self, plan: GamePlan, now: dt.datetime) -> tuple[LiveGame, list[QuizEvent]]:
        """Start a prepared game and open its first question. `ChannelBusy` when a game started in the channel
        since the plan was made (here, or in another process: the database checks)."""
        self._check_free(plan.channel_id, None)
        if self._renewed is None:  # no game without a lease: another process would take it for cut off
            await self.claim(now)
        options = plan.options
        session = QuizSession(
            plan.questions,
            host_id=plan.host_id,
            seconds=options.seconds,
            reveal_seconds=self.reveal_seconds,
            players=plan.players,
        )
        game_id = await self.repo.start_game(
            guild_id=plan.guild_id,
            channel_id=plan.channel_id,
            owner=plan.owner,
            host_id=plan.host_id,
            mode=options.mode,
            seed=plan.seed,
            question_count=len(plan.questions),
            seconds=options.seconds,
            now=now,
            options=options.described(),
        )
        session.game_id = str(game_id)
        live = LiveGame(game_id, plan.guild_id, plan.channel_id, plan.seed, options.mode, session)
        self.live[plan.channel_id] = live
        async with live.lock:
            events = session.start(now)
            await self._persist(live, events)
        return live, events

    def _game(self, channel_id: str) -> LiveGame:
        live = self.live.get(channel_id)
        if live is None:
            raise QuizStateError("No quiz is running in this channel: `/quiz start` begins one.")
        return live

    async def answer(
        self,
        channel_id: str,
        player_id: str,
        player_name: str,
        now: dt.datetime,
        *,
        choice: int | None = None,
        text: str | None = None,
    ) -> AnswerOutcome:
        """A player's answer, written to the database before this returns (so before it is acknowledged).

        The answer is judged and scored first without touching the game, then written, and only once it is stored
        does it count in the game: a failed write changes nothing (the player may answer again), and the game's
        scores always agree with the database's (its leaderboard and export)."""
        live = self.live.get(channel_id)
        if live is None:
            return AnswerOutcome("closed")
        async with live.lock:
            outcome = live.session.evaluate(player_id, player_name, now, choice=choice, text=text)
            if not outcome.accepted or outcome.result is None:
                return outcome
            try:
                await self._flush(live)  # the question must be stored before an answer to it
                stored_now = await self.repo.record_answer(live.game_id, outcome.result)
            except StorageFault as err:
                raise AnswerNotSaved() from err
            if stored_now:
                live.session.commit(outcome.result)
                return outcome
            # Another process serving this game stored this player's first answer: that one counts, here too.
            stored = await self.repo.stored_answer(live.game_id, outcome.result.number, player_id)
            if stored is None:  # cannot be: the write was refused for this very answer
                raise StorageError(f"Game #{live.game_id}: the answer of {player_id} is neither new nor stored.")
            return AnswerOutcome("duplicate", live.session.adopt(stored))

    async def tick(self, channel_id: str, now: dt.datetime) -> list[QuizEvent]:
        """What the clock moved on: also a retry of the writes the database refused so far."""
        live = self.live.get(channel_id)
        if live is None:
            return []
        async with live.lock:
            events = live.session.tick(now)
            await self._persist(live, events)
            return events

    async def skip(self, channel_id: str, actor: str, now: dt.datetime, *, can_manage: bool) -> list[QuizEvent]:
        live = self._game(channel_id)
        async with live.lock:
            events = live.session.skip(actor, now, can_manage=can_manage)
            await self._persist(live, events)
            return events

    async def pause(self, channel_id: str, actor: str, now: dt.datetime, *, can_manage: bool) -> list[QuizEvent]:
        live = self._game(channel_id)
        async with live.lock:
            return live.session.pause(actor, now, can_manage=can_manage)

    async def resume(self, channel_id: str, actor: str, now: dt.datetime, *, can_manage: bool) -> list[QuizEvent]:
        live = self._game(channel_id)
        async with live.lock:
            return live.session.resume(actor, now, can_manage=can_manage)

    async def stop(self, channel_id: str, actor: str, now: dt.datetime, *, can_manage: bool) -> list[QuizEvent]:
        live = self._game(channel_id)
        async with live.lock:
            events = live.session.stop(actor, now, can_manage=can_manage)
            await self._persist(live, events)
            return events

    async def _persist(self, live: LiveGame, events: list[QuizEvent]) -> None:
        """Write what happened. A database that refuses (a `StorageFault`) does not stop the game: the events wait
        in `live.unsaved` and are written first at the next tick or answer. A game stays live until its end is
        written."""
        live.unsaved.extend(events)
        try:
            await self._flush(live)
        except StorageFault as err:
            log.warning("quiz #%s: %s (%d writes waiting)", live.game_id, err, len(live.unsaved))

    async def _flush(self, live: LiveGame) -> None:
        while live.unsaved:
            event = live.unsaved[0]
            if isinstance(event, QuestionOpened):
                await self.repo.ask(live.game_id, event.number, event.question, event.opened_at, again=True)
            elif isinstance(event, QuestionClosed):
                await self.repo.close_question(live.game_id, event.number, event.closed_at, skipped=event.skipped)
            elif isinstance(event, GameEnded):
                await self.repo.end_game(live.game_id, "stopped" if event.status == "stopped" else "finished", event.at)
                self.live.pop(live.channel_id, None)
            live.unsaved.pop(0)

    # --------------------------------------------------------------------------------------- reading

    def scores(self, channel_id: str) -> list[Standing]:
        return self._game(channel_id).session.standings()

    async def leaderboard(
        self, guild_id: str, now: dt.datetime, *, period: Period = "all", sport: str | None = None, limit: int = 10
    ) -> list[LeaderRow]:
        name = resolve_sport(self.index.reference, sport) if sport else None
        return await self.repo.leaderboard(guild_id, now=now, period=period, sport=name, limit=limit)

    async def export(self, channel_id: str) -> tuple[int, str]:
        """The CSV of the channel's last game that is over: (game id, CSV text)."""
        game_id, text, _ = await self.export_files(channel_id)
        return game_id, text

    async def export_files(self, channel_id: str) -> tuple[int, str, str]:
        """The channel's last game that is over: (game id, the answers as CSV, the game as a JSON transcript)."""
        game = await self.repo.last_game(channel_id)
        if game is None:
            raise QuizStateError("No finished quiz in this channel yet.")
        rows = await self.repo.export_rows(game.id)
        document = transcript(
            seed=game.seed,
            mode=game.mode,
            questions=[(a.number, a.question) for a in await self.repo.asked(game.id)],
            answers=[
                answer_entry(r.question, r.player, r.given, result_of(r.correct, r.credit), r.points) for r in rows
            ],
            scores=[(s.name, s.points, s.place) for s in await self.repo.standings(game.id)],
        )
        return game.id, answers_csv(rows), as_json(document)
