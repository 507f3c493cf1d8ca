"""What the matcher answers: a verdict (match, ambiguous, none) and its candidates, best first."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Outcome = Literal["match", "ambiguous", "none"]
Kind = Literal["athlete", "event"]

# Discord's limits: at most 25 choices, each label at most 100 characters.
MAX_CHOICES = 25
MAX_LABEL = 100


class Candidate(BaseModel):
    id: str
    name: str
    detail: str
    score: float


class Resolution(BaseModel):
    query: str
    kind: Kind
    outcome: Outcome
    candidates: list[Candidate]


def clip(text: str, limit: int = MAX_LABEL) -> str:
    """Text cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
