"""Questions in plain words: intent patterns, slots resolved through the matcher, answers composed from the
existing answer models, follow-ups per channel and person. No network, no language model."""

from bot.ask.engine import Asker
from bot.ask.model import AskAnswer, Reading

__all__ = ["AskAnswer", "Asker", "Reading"]
