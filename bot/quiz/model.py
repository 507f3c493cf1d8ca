"""What a quiz question is: the prompt, the answer and every form of it that counts, the fact shown after it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.performance import Unit

# How a typed answer is read: a person's name, a nation (code or name), a time or mark, a place (`3rd`, `third`,
# `bronze`), a count, a Games (`1992`, `Barcelona 1992`), a venue, or true/false.
AnswerType = Literal["name", "nation", "performance", "place", "number", "games", "venue", "boolean"]
# `exact`: right or wrong. `closest`: partial credit by distance from the answer (a guess at a number).
Scoring = Literal["exact", "closest"]
Difficulty = Literal[1, 2, 3]
DIFFICULTY_NAMES: dict[int, str] = {1: "easy", 2: "medium", 3: "hard"}
DIFFICULTY_BY_NAME: dict[str, int] = {name: level for level, name in DIFFICULTY_NAMES.items()}

Param = str | int | float


class Question(BaseModel):
    """One question computed from the index. `key` is stable across runs: the server-wide no-repeat memory."""

    model_config = ConfigDict(frozen=True)

    key: str
    kind: str
    prompt: str
    answer_type: AnswerType
    # The answer as shown after the question.
    answer: str
    # Every answer that is right (a tie for 4th has two). Typed answers are matched against these by type.
    accepted: list[str]
    # Numeric answers: the value (seconds, metres, points, a count or a place), its unit and the decimals asked.
    value: float | None = None
    unit: Unit | None = None
    precision: int = 0
    scoring: Scoring = "exact"
    # For `closest` scoring: how far off a guess may be before it earns nothing.
    tolerance: float | None = None
    fact: str
    event_id: str | None
    title: str
    source_url: str
    sport: str | None
    year: int | None
    difficulty: Difficulty
    # Names of everyone in the question's event: a surname alone is accepted only when none of them shares it.
    names: list[str] = Field(default_factory=list)
    # How names not written given-names-first are read: `family_first` (Chen Shaoguo) or `either` (JPN pages).
    name_orders: dict[str, str] = Field(default_factory=dict)
    # Wrong answers from the most plausible down, for multiple choice.
    distractors: list[str] = Field(default_factory=list)
    # Filled when the question is picked for a game: the options in the order shown (the answer among them).
    choices: list[str] = Field(default_factory=list)
    # What the question was computed from, so that it can be checked against the index again.
    params: dict[str, Param] = Field(default_factory=dict)

    @property
    def difficulty_name(self) -> str:
        return DIFFICULTY_NAMES[self.difficulty]

    @property
    def is_binary(self) -> bool:
        """Two-way questions (true/false, A or B) get two buttons rather than four."""
        return self.answer_type == "boolean" or self.kind == "split_duel"
