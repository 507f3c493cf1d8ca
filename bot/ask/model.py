"""What an answer to a question in plain words is: plain data, rendered by each face its own way."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from bot.answers import AthleteAnswer, EventAnswer, EventSummary, PodiumAnswer, RecordsAnswer
from bot.compare import CompareAnswer
from bot.match import Candidate
from bot.medals import MedalTableAnswer

# answer: a fact; pick: several events or athletes fit; did_you_mean: two readings of an unclear question;
# not_understood: what the bot can answer instead.
AskKind = Literal["answer", "pick", "did_you_mean", "not_understood"]
Slot = Literal["e", "x", "a", "b"]


class Reading(BaseModel):
    label: str  # what the button says
    question: str  # the question it asks


class AskAnswer(BaseModel):
    question: str
    kind: AskKind
    text: str
    intent: str | None = None
    command: str | None = None  # the slash command that shows the same, so people learn them
    source: EventSummary | None = None
    notes: list[str] = Field(default_factory=list)  # inferred, corrected or status-only values, said
    # The table the matching command would show, when the answer is a list.
    podium: PodiumAnswer | None = None
    event: EventAnswer | None = None
    athlete: AthleteAnswer | None = None
    compare: CompareAnswer | None = None
    medals: MedalTableAnswer | None = None
    records: RecordsAnswer | None = None
    pick_slot: Slot | None = None
    pick_kind: Literal["athlete", "event"] | None = None
    candidates: list[Candidate] = Field(default_factory=list)
    readings: list[Reading] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    follow_up: bool = False  # read as a follow-up of the previous question
