"""The medals family: who won a medal (a person, or a team's nation), a medallist's nation, the Games of a win."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from bot.index import PodiumIndex, athlete_key
from bot.models import MEDAL_ORDER, Event, Medal
from bot.quiz.facts import EventFacts, event_group, make_question, name_distractors, nation_names, question_key
from bot.quiz.kinds.base import Around, Kind, KindParams, Rows, names_of
from bot.quiz.matching import games_key
from bot.quiz.model import Question
from bot.quiz.wording import games_display, games_forms
from bot.text import normalize


def won_at(event: Event, name: str, medal: Medal) -> bool:
    """Whether the page of an event gives `name` this medal, in its final's rows or its infobox."""
    key = normalize(name)
    final = event.final_round()
    holders = [r.name for r in (final.results if final else []) if r.medal == medal]
    holders += [m.name for m in event.medals if m.medal == medal]
    return any(normalize(holder) == key for holder in holders)


def medal_questions(facts: EventFacts) -> Iterator[Question]:
    """Who won gold, silver or bronze (a person: teams are `team_medal_questions`)."""
    if facts.event.team:
        return
    for medal in MEDALS:
        holders = facts.medalists(medal)
        if not holders:
            continue
        rank = MEDAL_ORDER[medal]
        shared = " (one of them)" if len(holders) > 1 else ""
        rows = [r for r in facts.rows if r.medal == medal]
        result = f" in {facts.result_text(rows[0])}" if len(rows) == 1 and rows[0].value is not None else ""
        yield make_question(
            facts,
            key=question_key("medal", facts.id, medal),
            kind="medal",
            prompt=f"{facts.label}: who won {medal}{shared}?",
            answer_type="name",
            answer=" / ".join(holders),
            accepted=holders,
            fact=f"{' and '.join(holders)} won {medal}{result}.",
            difficulty=1 if medal == "gold" else 2,
            distractors=name_distractors(facts, rank, holders),
            params={"medal": medal},
        )


def team_medal_questions(facts: EventFacts) -> Iterator[Question]:
    """Which team (nation) won gold, silver or bronze."""
    if not facts.event.team:
        return
    ref = facts.index.reference
    for medal in MEDALS:
        holders = facts.medalists(medal)
        if not holders:
            continue
        nocs = [ref.nation_code(h) for h in holders]
        if None in nocs:
            continue
        yield from team_medal_of(facts, medal, [n for n in nocs if n])


def team_medal_of(facts: EventFacts, medal: Medal, nocs: list[str]) -> Iterator[Question]:
    ref = facts.index.reference
    names = [ref.nations[n].name for n in nocs if n in ref.nations]
    if len(names) != len(nocs):
        return
    others = nation_names(facts, nocs)
    yield make_question(
        facts,
        key=question_key("team_medal", facts.id, medal),
        kind="team_medal",
        prompt=f"{facts.label}: which team won {medal}?",
        answer_type="nation",
        answer=" / ".join(names),
        accepted=[*names, *nocs],
        fact=f"{' and '.join(names)} won {medal}.",
        difficulty=1 if medal == "gold" else 2,
        distractors=others,
        params={"medal": medal},
    )


def nation_questions(facts: EventFacts) -> Iterator[Question]:
    """Which nation a medalist represented, only where the nation is known."""
    if facts.event.team:
        return
    ref = facts.index.reference
    for medal in MEDALS:
        for name in facts.medalists(medal) or []:
            noc = facts.medal_noc(name, medal)
            nation = ref.nation(noc)
            if noc is None or nation is None or (facts.row_of(name) is None and facts.rows):
                continue
            others = nation_names(facts, [noc])
            yield make_question(
                facts,
                key=question_key("nation", facts.id, name),
                kind="nation",
                prompt=f"{facts.label}: which nation did {medal} medallist {name} represent?",
                answer_type="nation",
                answer=nation.name,
                accepted=[nation.name, noc],
                fact=f"{name} won {medal} for {nation.name} ({noc}).",
                difficulty=1 if medal == "gold" else 2,
                distractors=others,
                params={"name": name, "medal": medal, "noc": noc},
            )


def games_questions(facts: EventFacts, same_event: Mapping[tuple[str, str, str], list[str]]) -> Iterator[Question]:
    """At which Games an athlete won a medal in this event (any Games the index has them winning it counts)."""
    if facts.event.team or facts.event.year is None:
        return
    ref = facts.index.reference
    index = facts.index
    group = same_event.get(event_group(facts.event), [facts.id])
    for medal in MEDALS:
        for name in facts.medalists(medal) or []:
            if facts.rows and facts.row_of(name) is None:
                continue
            athlete = index.athletes.get(athlete_key(facts.event.sport, name))
            won = {facts.id}
            if athlete is not None:
                # The other Games of this event where the athlete appears, read from the event itself: the index's
                # appearances may not carry a medal the infobox alone gives (a Games whose final is not tabled).
                elsewhere = {a.event_id for a in athlete.appearances if a.event_id in group} - won
                won |= {e for e in elsewhere if won_at(index.events[e], name, medal)}
            won_games = sorted({(index.infos[e].year or 0, index.infos[e].season) for e in won})
            accepted = [form for y, s in won_games for form in games_forms(ref, y, s)]
            answer = " / ".join(games_display(ref, y, s) for y, s in won_games)
            # Wrong answers only from Games whose results for this event are in the index: settled as wrong. The
            # nearest first; of two as near, the earlier (never the set's order, which varies from run to run).
            held = sorted(
                {(index.infos[e].year or 0, index.infos[e].season) for e in group} - set(won_games),
                key=lambda g: (abs(g[0] - (facts.event.year or 0)), g[0], g[1] or ""),
            )
            yield make_question(
                facts,
                key=question_key("games", facts.id, name, medal),
                kind="games",
                prompt=f"{facts.event.sport} – {facts.event.event}: at which Games did {name} win {medal}?",
                answer_type="games",
                answer=answer,
                accepted=accepted,
                value=float(facts.event.year),
                fact=f"{name} won {medal} at {answer}.",
                difficulty=1 if medal == "gold" else 2,
                distractors=[games_display(ref, y, s) for y, s in held],
                params={"name": name, "medal": medal},
            )


MEDALS: tuple[Medal, ...] = ("gold", "silver", "bronze")


class MedalParams(KindParams):
    medal: Literal["gold", "silver", "bronze"]


class MedalKind(Kind[MedalParams]):
    name, family, Params = "medal", "medals", MedalParams
    answers_unlisted_medallist = True

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return medal_questions(facts)

    def check(self, question: Question, params: MedalParams, rows: Rows, index: PodiumIndex) -> list[str]:
        holders = names_of([r for r in rows.rows if r.medal == params.medal]) or {
            normalize(m.name) for m in rows.event.medals if m.medal == params.medal
        }
        box = {normalize(m.name) for m in rows.event.medals if m.medal == params.medal}
        accepted = {normalize(a) for a in question.accepted}
        if accepted != holders or (box and box != holders):
            return [f"{question.key}: holders {holders} / infobox {box} differ from {accepted}"]
        return []


class TeamMedalKind(Kind[MedalParams]):
    name, family, Params = "team_medal", "medals", MedalParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return team_medal_questions(facts)

    def check(self, question: Question, params: MedalParams, rows: Rows, index: PodiumIndex) -> list[str]:
        ref = index.reference
        holders = [r.name for r in rows.rows if r.medal == params.medal] or [
            m.name for m in rows.event.medals if m.medal == params.medal
        ]
        codes = {ref.nation_code(h) for h in holders}
        if not holders or None in codes or codes != {ref.nation_code(a) for a in question.accepted}:
            return [f"{question.key}: the {params.medal} team is {holders}, the question accepts {question.accepted}"]
        return []


class NationParams(KindParams):
    name: str
    medal: Literal["gold", "silver", "bronze"]
    noc: str


class NationKind(Kind[NationParams]):
    name, family, Params = "nation", "medals", NationParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return nation_questions(facts)

    def check(self, question: Question, params: NationParams, rows: Rows, index: PodiumIndex) -> list[str]:
        bad = f"{question.key}:"
        row = rows.one(params.name)
        entries = [m for m in rows.event.medals if normalize(m.name) == normalize(params.name) and m.noc]
        known = {x for x in [row.nation if row else None, *(m.noc for m in entries)] if x}
        out = [] if known == {params.noc} else [f"{bad} nation {params.noc} but the page gives {known or 'none'}"]
        nation = index.reference.nation(params.noc)
        if nation is None or normalize(nation.name) not in {normalize(a) for a in question.accepted}:
            out.append(f"{bad} nation {params.noc} unknown to the reference")
        return out


class GamesParams(KindParams):
    name: str
    medal: Literal["gold", "silver", "bronze"]


class GamesKind(Kind[GamesParams]):
    name, family, Params = "games", "medals", GamesParams

    def generate(self, facts: EventFacts, around: Around) -> Iterator[Question]:
        return games_questions(facts, around.groups)

    def check(self, question: Question, params: GamesParams, rows: Rows, index: PodiumIndex) -> list[str]:
        bad = f"{question.key}:"
        event = rows.event
        won = {
            (e.year, e.season)
            for e in (
                index.events[i.id]
                for i in index.infos.values()
                if normalize(i.sport or "") == normalize(event.sport or "")
                and normalize(i.event or "") == normalize(event.event or "")
                and i.gender == event.gender
            )
            if won_at(e, params.name, params.medal)
        }
        keys = {games_key(a) for a in question.accepted}
        out = []
        if any(str(year) not in keys for year, _ in won) or not won:
            out.append(f"{bad} {params.name} won {params.medal} at {won}, accepted {question.accepted}")
        out += [
            f"{bad} wrong option {w} is a Games {params.name} won at"
            for w in question.distractors
            if games_key(w) in keys
        ]
        return out
