"""Every question kind, each one unit that generates and checks its questions, grouped by family:

    medals.py   medal, team_medal, nation, games        places.py   place, athlete_place, tf_ahead, tf_medal
    results.py  winning_result, margin, record, tf_winner   splits.py   split_fastest, split_duel
    event.py    count, venue

`KINDS` lists them in the order an event's questions are generated (the pool keeps that order).
"""

from __future__ import annotations

from typing import Any

from bot.quiz.kinds.base import Kind
from bot.quiz.kinds.event import CountKind, VenueKind
from bot.quiz.kinds.medals import GamesKind, MedalKind, NationKind, TeamMedalKind
from bot.quiz.kinds.places import AthletePlaceKind, PlaceKind, TfAheadKind, TfMedalKind
from bot.quiz.kinds.results import MarginKind, RecordKind, TfWinnerKind, WinningResultKind
from bot.quiz.kinds.splits import SplitDuelKind, SplitFastestKind

KINDS: dict[str, Kind[Any]] = {
    kind.name: kind
    for kind in (
        MedalKind(),
        TeamMedalKind(),
        PlaceKind(),
        AthletePlaceKind(),
        WinningResultKind(),
        MarginKind(),
        NationKind(),
        CountKind(),
        SplitFastestKind(),
        SplitDuelKind(),
        TfAheadKind(),
        TfMedalKind(),
        RecordKind(),
        VenueKind(),
        GamesKind(),
        TfWinnerKind(),
    )
}
