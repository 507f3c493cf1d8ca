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


# C0 and C1 controls but the line break and tab: shown as `\x1b`, never sent to a terminal (an ANSI sequence in a
# query or a page would recolour or clear the user's screen).
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c not in (0x09, 0x0A)}


def printable(text: str) -> str:
    """Text safe to print to a terminal: control characters written as escapes, a lone surrogate (an undecodable
    byte of an argument) as U+FFFD."""
    if not text.isascii():
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.translate(_CONTROLS)


def echoed(text: str, limit: int = 80) -> str:
    """What a user typed, as a message quotes it back: one line, controls escaped, at most `limit` characters."""
    flat = printable(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
