"""What a user typed, as the bot reads it: invisible characters dropped, any run of spaces one space."""

from __future__ import annotations

import unicodedata

# Letters and symbols that draw nothing (Hangul fillers, the braille blank, the Mongolian vowel separator): a
# query of only these is as empty as one of spaces.
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u034f")
# Control, format (zero-width space and joiners, bidi marks, soft hyphen), surrogate, private-use, unassigned.
_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn"))


def visible(text: str) -> str:
    """`text` without characters that show nothing, spaces collapsed and trimmed: `"\u200b \u2060"` -> `""`."""
    if text.isascii() and text.isprintable():
        return " ".join(text.split())
    kept = (
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or (ch not in _BLANK and unicodedata.category(ch) not in _INVISIBLE)
    )
    return " ".join("".join(kept).split())
