"""Finding the athlete or event a query means: resolve (match, ambiguous with a short list, or none with
suggestions) and autocomplete. `Matcher` is the entry point; the rest are its parts."""

from bot.match.matcher import Matcher
from bot.match.types import Candidate, Kind, Outcome, Resolution

__all__ = ["Candidate", "Kind", "Matcher", "Outcome", "Resolution"]
