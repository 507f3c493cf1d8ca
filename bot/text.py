"""Text clean-up and folding shared by the parser and the matcher."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff]+")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ASCII_NON_WORD = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def clean_text(raw: str) -> str:
    """Decode HTML entities, turn odd spaces into plain ones and trim."""
    text = html.unescape(raw) if "&" in raw else raw
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    # Every character `_SPACES` matches but the plain space is unprintable, so in printable text (most cells)
    # collapsing the spaces and trimming is a split and join, faster than the regex.
    if text.isprintable():
        return " ".join(text.split())
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Fold case, accents and letters Unicode cannot decompose (ł, ø, ß): `Glücklich` -> `glucklich`."""
    return anyascii(clean_text(text)).lower()


def normalize(text: str) -> str:
    """Fold, then keep only letters and digits separated by single spaces: the key names are compared on."""
    return _normalize(text)


@lru_cache(maxsize=16384)
def _normalize(text: str) -> str:
    # The same names, codes and headers are normalized again and again (per row, per page, per lookup).
    if text.isascii() and "&" not in text:
        # Nothing to decode or transliterate: the words are the runs of letters and digits, and spaces, odd
        # or not, are among the characters between them.
        return " ".join(_letters_and_digits(text.lower()).split())
    folded = fold(text)
    if folded.isascii():  # as `anyascii` makes it
        return " ".join(_letters_and_digits(folded).split())
    return _NON_WORD.sub(" ", folded).strip()


def _letters_and_digits(ascii_text: str) -> str:
    """Every character of ASCII text but letters and digits blanked; most names hold only those and spaces."""
    if ascii_text.replace(" ", "").isalnum():
        return ascii_text
    return ascii_text.translate(_ASCII_NON_WORD)


def slug(text: str) -> str:
    return normalize(text).replace(" ", "-")
