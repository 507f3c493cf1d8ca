"""First pass over a page: title, infobox, headings, pipe tables and prose lines, each with its line number."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from bot.text import clean_text

_INFOBOX_ITEM = re.compile(r"^\s*[-*]\s*(?P<key>[^:]{1,40}?)\s*:\s*(?P<value>.*)$")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
# Any run of carriage returns before a newline is one line end (`\r\r\n` from a doubly converted file), as is a
# run of lone carriage returns.
_LINE_BREAK = re.compile(r"\r*\n|\r+")
# `;Heat 1` / `; Heat 1`: a definition-list term, used on real pages as a heading below the `====` level.
_TERM_HEADING = re.compile(r"^;\s*(?P<title>[^:;]{1,60}?)\s*$")
# A cell longer than this is kept as written: markup is not looked for in it, so no cell costs more than linear time.
MAX_MARKUP_CELL = 2000


class PageError(ValueError):
    """The page as a whole cannot be read; carries the line the reader stopped at."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(slots=True)
class TableRow:
    line: int
    cells: list[str]
    # Cells that held only table attributes (`align=left`, `style="…"`): in wiki syntax an attribute is written
    # before its cell's content behind a pipe, so such a cell may be the first half of the cell after it.
    attributes: tuple[int, ...] = ()


@dataclass
class Table:
    line: int
    rows: list[TableRow]

    @property
    def header(self) -> list[str]:
        return self.rows[0].cells if self.rows else []

    def join_attribute_cells(self) -> None:
        """Rows wider than the table because an attribute (`align=left|`) was split from its cell's content:
        the attribute cells are dropped, those followed by a written cell first, until the row fits."""
        if not any(row.attributes for row in self.rows):
            return  # most tables: no attribute cell anywhere
        widths = Counter(len(row.cells) for row in self.rows)
        target = min(len(self.header), widths.most_common(1)[0][0])
        for row in self.rows:
            if not row.attributes or len(row.cells) <= target:
                continue
            extra = len(row.cells) - target
            cells = row.cells
            ranked = sorted(row.attributes, key=lambda i: (i + 1 >= len(cells) or not cells[i + 1], -i))
            drop = set(ranked[:extra])
            row.cells = [cell for i, cell in enumerate(cells) if i not in drop]
            row.attributes = ()


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


def title_of(line: str) -> str | None:
    """`= Title =` (a stripped line): the title, or None. Read with string operations: a pattern with a lazy group
    between runs of spaces took cubic time on a line of spaces."""
    if len(line) < 3 or line[0] != "=" or line[1] == "=" or line[-1] != "=":
        return None
    return line[1:-1].strip() or None


def heading_of(line: str) -> tuple[int, str] | None:
    """`==Section==` to `======Section======` (a stripped line): its level and title, or None. As `title_of`, read
    without a regex; the same run of `=` closes it (the longest that does, from six down to two)."""
    run = len(line) - len(line.lstrip("="))
    for level in range(min(run, 6), 1, -1):
        if len(line) >= 2 * level and line.endswith("=" * level):
            return level, line[level:-level].strip()
    return None


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


# No `[` inside a link: each attempt stops at the next `[`, so a run of `[[` costs linear time, not quadratic.
_LINK = re.compile(r"\[\[(?:[^\[\]|]*\|)?([^\[\]]*)\]\]")
_FLAG = re.compile(r"\{\{\s*flag[a-z]*\s*\|\s*([^|}]*)[^}]*\}\}", re.I)
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d+|citation needed)\]")
_BOLD = re.compile(r"'{2,}")
# Table attributes the conversion left at the start of a cell: `align=left`, `style="…" |`, `width=30`.
_ATTRIBUTES = re.compile(
    r"^(?:\s*(?:align|style|width|rowspan|colspan|bgcolor|class|valign|scope|data-sort-value)\s*=\s*"
    r"(?:\"[^\"]*\"|'[^']*'|[^\s|\"']*)\s*\|?)+",
    re.I,
)
# Where `=` belongs to a table attribute (so the cleaning above has work to do), not to a tie (`=4`) or a note (`=OR`).
_ATTRIBUTE_NAME = re.compile(
    r"(?:align|style|width|rowspan|colspan|bgcolor|class|valign|scope|data-sort-value)\s*=", re.I
)
_STRUCK = re.compile(r"<s>.*?</s>|<del>.*?</del>", re.I)  # a struck attempt or result: not the result
_TAGS = re.compile(r"<br\s*/?>|<hr\s*/?>", re.I)
_HTML = re.compile(r"</?(?:small|sup|sub|span|center|b|i|u|nowiki|ref|abbr|font)[^<>]{0,200}>", re.I)


def _attribute_cells(row: str) -> tuple[int, ...]:
    """The indexes of a row's cells that hold only table attributes (see `TableRow.attributes`)."""
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    if "[[" in body or "{{" in body:
        return ()  # pipes inside links would shift the indexes; such rows are rare
    return tuple(i for i, cell in enumerate(body.split("|")) if cell.strip() and _ATTRIBUTES.fullmatch(cell.strip()))


def _unmarked(text: str) -> bool:
    """Printable text without markup or entities: `clean_cell` only normalizes it and collapses its spaces."""
    return (
        "[" not in text
        and "{" not in text
        and "&" not in text
        and "''" not in text
        and ("=" not in text or _ATTRIBUTE_NAME.search(text) is None)  # `=4`, `=OR` are no markup
        and "<" not in text
        and text.isprintable()
    )


def clean_cell(raw: str) -> str:
    """Wiki markup the conversion may have left: links, flag templates (kept as their code), bold, footnotes."""
    text = raw
    if ("[" in text or "{" in text) and len(text) <= MAX_MARKUP_CELL:
        text = _LINK.sub(r"\1", text)
        text = _FLAG.sub(r"\1", text)
        text = _TEMPLATE.sub("", text)
        text = _FOOTNOTE.sub("", text)
    if "''" in text:
        text = _BOLD.sub("", text)
    if "=" in text and _ATTRIBUTE_NAME.search(text):
        text = _ATTRIBUTES.sub("", text)
    if "<" in text and len(text) <= MAX_MARKUP_CELL:
        text = _STRUCK.sub("", text)
        text = _TAGS.sub(", ", text) if not text.lstrip().startswith(("<br", "<hr")) else _TAGS.sub(" ", text)
        text = _HTML.sub("", text)
    return clean_text(text)


_STRAY = ("]]", "|", " ")


# Keys that open an infobox whose `Infobox` line was lost (the template line was dropped with the prose).
INFOBOX_KEYS = frozenset(
    {"event", "games", "venue", "date", "dates", "competitors", "nations", "gold", "goldnoc", "win value", "prev"}
)


def _key_of(raw: str) -> str:
    return clean_text(raw).lower()


def infobox_value(raw: str) -> str:
    """An infobox value cleaned like a cell, without the stray `]]` or trailing `|` the conversion left (trimmed
    with string operations: an end-anchored pattern is tried at every position, quadratic on a long value)."""
    text = clean_cell(raw)
    while text.startswith(_STRAY):
        text = text[2:] if text.startswith("]]") else text[1:]
    while text.endswith(_STRAY):
        text = text[:-2] if text.endswith("]]") else text[:-1]
    return text


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else cp1252; binary data is refused."""
    if b"\x00" in data[:4096]:
        raise PageError("binary file, not a text page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return _LINE_BREAK.sub("\n", text) if "\r" in text else text


def split_lines(text: str) -> list[str]:
    """The lines of a page as the reader numbers them (see `_LINE_BREAK`)."""
    return _LINE_BREAK.split(text) if "\r" in text else text.split("\n")


def read_page(text: str) -> RawPage:
    lines = split_lines(text)
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
    term_level = 2  # the level a `;Term` heading takes: one below the heading above it

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
            attributes = _attribute_cells(stripped) if "=" in stripped and _ATTRIBUTE_NAME.search(stripped) else ()
            table.rows.append(TableRow(number, cells, attributes))
            continue
        table = None
        if not stripped:
            in_infobox = False if in_infobox and infobox else in_infobox
            continue
        if not title:
            found = title_of(stripped)
            if found:
                title, title_line = clean_text(found), number
                continue
        heading = heading_of(stripped) if stripped.startswith("==") else None
        term = _TERM_HEADING.match(stripped) if stripped.startswith(";") and not heading else None
        if heading or term:
            in_infobox = False
            if heading:
                level, name = heading[0], clean_text(heading[1])
                term_level = level + 1
            else:
                assert term is not None
                level, name = term_level, clean_cell(term.group("title"))
            stack = [(lvl, t) for lvl, t in stack if lvl < level]
            stack.append((level, name))
            current = Section(level=level, title=name, line=number, path=[t for _, t in stack])
            sections.append(current)
            continue
        if stripped.lower() in ("infobox", "{{infobox}}") and not infobox:
            in_infobox = True
            continue
        item = _INFOBOX_ITEM.match(stripped) if in_infobox or (not infobox and current is root) else None
        if item and not in_infobox and _key_of(item.group("key")) not in INFOBOX_KEYS:
            item = None  # before any heading, a `- Key: Value` line opens an infobox only with a key an infobox has
        if item:
            in_infobox = True
            key = clean_text(item.group("key")).lower()
            infobox.setdefault(key, infobox_value(item.group("value")))
            infobox_lines.setdefault(key, number)
            continue
        in_infobox = False
        current.text.append((number, clean_text(stripped)))

    if not title:
        raise PageError("no '= Title =' line: not a results page", line=1)
    return RawPage(title=title, title_line=title_line, infobox=infobox, infobox_lines=infobox_lines, sections=sections)
