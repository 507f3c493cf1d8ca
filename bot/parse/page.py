"""First pass over a page: title, infobox, headings, pipe tables and prose lines, each with its line number."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bot.text import clean_text

_TITLE = re.compile(r"^=(?!=)\s*(?P<title>.*?)\s*=\s*$")
_HEADING = re.compile(r"^(?P<eq>={2,6})\s*(?P<title>.*?)\s*(?P=eq)\s*$")
_INFOBOX_ITEM = re.compile(r"^\s*[-*]\s*(?P<key>[^:]{1,40}?)\s*:\s*(?P<value>.*)$")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")


class PageError(ValueError):
    """The page as a whole cannot be read; carries the line the reader stopped at."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(slots=True)
class TableRow:
    line: int
    cells: list[str]


@dataclass
class Table:
    line: int
    rows: list[TableRow]

    @property
    def header(self) -> list[str]:
        return self.rows[0].cells if self.rows else []


@dataclass
class Section:
    """A heading and what follows it up to the next heading; `path` holds the headings above it too."""

    level: int
    title: str
    line: int
    path: list[str]
    tables: list[Table] = field(default_factory=list)
    text: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class RawPage:
    title: str
    title_line: int
    infobox: dict[str, str]
    infobox_lines: dict[str, int]
    sections: list[Section]


def split_cells(line: str) -> list[str]:
    """Cells of a `| a | b |` row; pipes inside `[[link|text]]` or `{{template|...}}` do not split cells."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    return _split_body(body[:-1] if body.endswith("|") else body)


def _split_body(body: str) -> list[str]:
    """`split_cells` of a row without its outer pipes."""
    if _unmarked(body):
        # What `clean_text` makes of these cells, here across the row at once: composed (a pipe composes with
        # nothing, so the cells are composed alike), spaces collapsed, trimmed (the one space left on either
        # side of a pipe dropped).
        if not body.isascii():
            body = unicodedata.normalize("NFC", body)
        return " ".join(body.split()).replace(" |", "|").replace("| ", "|").split("|")
    if "[[" not in body and "{{" not in body:
        return [clean_cell(cell) for cell in body.split("|")]
    cells: list[str] = []
    depth = 0
    current: list[str] = []
    i = 0
    while i < len(body):
        pair = body[i : i + 2]
        if pair in ("[[", "{{"):
            depth += 1
            current.append(pair)
            i += 2
            continue
        if pair in ("]]", "}}") and depth:
            depth -= 1
            current.append(pair)
            i += 2
            continue
        if body[i] == "|" and depth == 0:
            cells.append("".join(current))
            current = []
        else:
            current.append(body[i])
        i += 1
    cells.append("".join(current))
    return [clean_cell(cell) for cell in cells]


_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_FLAG = re.compile(r"\{\{\s*flag[a-z]*\s*\|\s*([^|}]*)[^}]*\}\}", re.I)
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d+|citation needed)\]")
_BOLD = re.compile(r"'{2,}")


def _unmarked(text: str) -> bool:
    """Printable text without markup or entities: `clean_cell` only normalizes it and collapses its spaces."""
    return "[" not in text and "{" not in text and "&" not in text and "''" not in text and text.isprintable()


def clean_cell(raw: str) -> str:
    """Wiki markup the conversion may have left: links, flag templates (kept as their code), bold, footnotes."""
    text = raw
    if "[" in text or "{" in text:
        text = _LINK.sub(r"\1", text)
        text = _FLAG.sub(r"\1", text)
        text = _TEMPLATE.sub("", text)
        text = _FOOTNOTE.sub("", text)
    if "''" in text:
        text = _BOLD.sub("", text)
    return clean_text(text)


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else cp1252; binary data is refused."""
    if b"\x00" in data[:4096]:
        raise PageError("binary file, not a text page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_page(text: str) -> RawPage:
    lines = text.split("\n")
    title = ""
    title_line = 0
    infobox: dict[str, str] = {}
    infobox_lines: dict[str, int] = {}
    root = Section(level=1, title="", line=1, path=[])
    sections = [root]
    current = root
    stack: list[tuple[int, str]] = []
    in_infobox = False
    table: Table | None = None

    for number, raw in enumerate(lines, start=1):
        stripped = raw.replace("\ufeff", "").strip()
        if stripped.startswith("|") and not stripped.startswith("|}"):
            cells = _split_body(stripped[1:-1] if stripped.endswith("|") else stripped[1:])  # `split_cells`
            # A rule cell holds `--`; a row without one is no rule (the common case, checked first).
            if "--" in "".join(cells) and all(_SEPARATOR_CELL.match(c) for c in cells if c) and any(cells):
                continue  # markdown-style |---|---| rule under the header
            if table is None:
                table = Table(line=number, rows=[])
                current.tables.append(table)
            table.rows.append(TableRow(number, cells))
            continue
        table = None
        if not stripped:
            in_infobox = False if in_infobox and infobox else in_infobox
            continue
        if not title:
            match = _TITLE.match(stripped)
            if match and match.group("title"):
                title, title_line = clean_text(match.group("title")), number
                continue
        heading = _HEADING.match(stripped) if stripped.startswith("==") else None
        if heading:
            in_infobox = False
            level = len(heading.group("eq"))
            name = clean_text(heading.group("title"))
            stack = [(lvl, t) for lvl, t in stack if lvl < level]
            stack.append((level, name))
            current = Section(level=level, title=name, line=number, path=[t for _, t in stack])
            sections.append(current)
            continue
        if stripped.lower() in ("infobox", "{{infobox}}") and not infobox:
            in_infobox = True
            continue
        item = _INFOBOX_ITEM.match(stripped) if in_infobox else None
        if item:
            key = clean_text(item.group("key")).lower()
            infobox.setdefault(key, clean_cell(item.group("value")))
            infobox_lines.setdefault(key, number)
            continue
        in_infobox = False
        current.text.append((number, clean_text(stripped)))

    if not title:
        raise PageError("no '= Title =' line: not a results page", line=1)
    return RawPage(title=title, title_line=title_line, infobox=infobox, infobox_lines=infobox_lines, sections=sections)
