"""User-facing errors: one base class, each face turns them into a friendly reply."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.userinput import echoed

# `scheme://user:secret@host`: what stands between the user's colon and the `@` is a password.
_PASSWORD = re.compile(r"(?P<head>://[^:/@\s]*:)[^@\s]*@")


def hide_password(text: str) -> str:
    """Text that may hold a URL, as it may be shown or logged: `postgresql://u:***@host/db`."""
    return _PASSWORD.sub(lambda m: m["head"] + "***@", text)


class PodiumError(Exception):
    """Something the user can fix: the message is safe to show them."""


class BadOption(PodiumError):
    pass


class NotFound(PodiumError):
    def __init__(self, kind: str, query: str, suggestions: Sequence[str] = (), hint: str | None = None) -> None:
        """`hint`: why nothing matches, when the bot knows (said instead of suggestions)."""
        self.kind, self.query, self.suggestions, self.hint = kind, query, list(suggestions), hint
        closest = f" Closest: {', '.join(self.suggestions)}." if self.suggestions else ""
        super().__init__(hint or f"No {kind} matches '{echoed(query)}'.{closest}")


class Ambiguous(PodiumError):
    """Several candidates fit about equally: the answer is the list, never a guess."""

    def __init__(self, kind: str, query: str, candidates: Sequence[tuple[str, str, str]]) -> None:
        # candidates: (id, name, detail)
        self.kind, self.query, self.candidates = kind, query, list(candidates)
        listed = "; ".join(f"{name} ({detail})" for _, name, detail in self.candidates)
        super().__init__(f"'{echoed(query)}' fits several {kind}s: {listed}.")
