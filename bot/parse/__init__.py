"""Pages in, validated events out: `parse_page` for one page, `load_folder` for a folder of them."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from bot.models import Event, LoadResult, Problem
from bot.parse.event import build_event
from bot.parse.page import PageError, decode, read_page
from bot.reference import Reference, load_reference

PAGE_SUFFIXES = (".txt", ".wiki", ".page")
logger = logging.getLogger(__name__)


def parse_text(text: str, file: str, ref: Reference, problems: list[Problem]) -> Event:
    return build_event(read_page(text), file, ref, problems)


def parse_page(path: Path, ref: Reference | None = None) -> tuple[Event | None, list[Problem]]:
    """One page: the event (None when the page cannot be read at all) and every problem found in it."""
    problems: list[Problem] = []
    reference = ref or load_reference()
    try:
        text = decode(path.read_bytes())
        return parse_text(text, path.name, reference, problems), problems
    except PageError as err:
        problems.append(Problem(file=path.name, line=err.line, message=str(err)))
    except OSError as err:
        problems.append(Problem(file=path.name, line=None, message=f"cannot read file: {err.strerror}"))
    except Exception as err:  # a parser defect on one page must not stop the others from loading
        logger.exception("parser failed on %s", path)
        problems.append(Problem(file=path.name, line=None, message=f"page could not be parsed ({type(err).__name__})"))
    return None, problems


def page_files(folder: Path) -> list[Path]:
    """The pages of a folder, by name. (Sorted as names, not as Path objects: ten times faster at 7,500 pages,
    and every start lists the folder to check its cache.)"""
    with os.scandir(folder) as entries:
        names = sorted(e.name for e in entries if e.is_file() and os.path.splitext(e.name)[1].lower() in PAGE_SUFFIXES)
    return [folder / name for name in names]


def load_folder(folder: Path, ref: Reference | None = None) -> LoadResult:
    """Every page in a folder; a broken page is reported and the rest still load."""
    reference = ref or load_reference()
    events: list[Event] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return LoadResult(events=[], problems=[Problem(file=str(folder), line=None, message="not a folder")])
    for path in page_files(folder):
        event, found = parse_page(path, reference)
        problems.extend(found)
        if event is not None:
            events.append(event)
    return LoadResult(events=events, problems=problems)


__all__ = ["load_folder", "parse_page", "parse_text"]
