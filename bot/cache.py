"""An on-disk cache of the parsed index, for warm starts.

One file per folder of pages under the cache directory. It is keyed by the code that shapes the index (the
source of the parser, models and index modules), by the reference tables, and by each page's name, size and
modification time: when a page changes, only that page is parsed again and the index is rebuilt; when the code
or the reference data change, everything is parsed again. A cold start on a large folder parses in several
processes. Whatever goes wrong with the cache file (missing, stale, truncated, unreadable) only costs a parse.

Derived state that is slow to build (the matcher's tables) can be cached next to it with `derived`, keyed by the
index's fingerprint and the deriving code's own version.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from bot.index import PodiumIndex, build_index
from bot.models import Event, LoadResult, Problem
from bot.parse import load_folder, page_files, parse_page
from bot.reference import Reference

FORMAT = 2
PACKAGE = Path(__file__).resolve().parent
# The modules whose code decides what the cached index holds.
INDEX_SOURCES = ("parse", "models.py", "index.py", "performance.py", "text.py", "reference.py", "cache.py")
PARALLEL_FROM = 400  # pages to parse before it pays to start worker processes
T = TypeVar("T")


@dataclass(frozen=True)
class CacheInfo:
    """What a load did: `warm` (nothing parsed), `partial` (changed pages parsed), `cold`, or `off`."""

    mode: str
    parsed: int
    fingerprint: str
    path: Path | None


def source_version(paths: Iterable[Path]) -> str:
    """A hash of the source files under `paths` (files, or folders of `.py` files)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                digest.update(file.relative_to(PACKAGE.parent).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:20]


def index_version(ref: Reference) -> str:
    code = source_version(PACKAGE / name for name in INDEX_SOURCES)
    tables = hashlib.sha256(pickle.dumps(ref, protocol=5)).hexdigest()[:20]
    return f"{FORMAT}-{code}-{tables}-py{sys.version_info[0]}.{sys.version_info[1]}"


def manifest(files: Sequence[Path]) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for path in files:
        stat = path.stat()
        out[path.name] = (stat.st_size, stat.st_mtime_ns)
    return out


def cache_file(cache_dir: Path, pages: Path) -> Path:
    folder = hashlib.sha256(str(pages.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"index-{folder}.pickle"


@contextmanager
def paused_gc() -> Iterator[None]:
    """No garbage collection while millions of long-lived objects are made: each full collection would walk them
    all again, for no cycles to find. They are frozen before collection resumes, or the first collection after
    it would walk them all at once (a second's pause at 7,500 pages)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _read(path: Path) -> Any:
    """A pickle from disk, or None."""
    try:
        with paused_gc(), path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError):
        return None


def _write(path: Path, payload: Any) -> None:
    """Atomically: a reader sees the old file or the new one, never half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=5)
        os.replace(tmp, path)
    except OSError:
        return  # a read-only or full disk: the next start parses again


def _parse_chunk(paths: list[Path], ref: Reference) -> list[tuple[str, Event | None, list[Problem]]]:
    out: list[tuple[str, Event | None, list[Problem]]] = []
    with paused_gc():
        for path in paths:
            event, problems = parse_page(path, ref)
            out.append((path.name, event, problems))
    return out


def parse_pages(
    paths: Sequence[Path], ref: Reference, workers: int | None = None
) -> dict[str, tuple[Event | None, list[Problem]]]:
    """Each page parsed as `load_folder` parses it; in worker processes when there are many."""
    count = workers if workers is not None else min(4, os.cpu_count() or 1)
    # Workers are forked (no re-import, no `__main__` guard needed), and only from a single-threaded process.
    forkable = "fork" in get_all_start_methods() and threading.active_count() == 1
    if count < 2 or len(paths) < PARALLEL_FROM or not forkable:
        return {name: (event, problems) for name, event, problems in _parse_chunk(list(paths), ref)}
    chunks = [list(paths[i :: count * 4]) for i in range(count * 4)]
    out: dict[str, tuple[Event | None, list[Problem]]] = {}
    with ProcessPoolExecutor(max_workers=count, mp_context=get_context("fork")) as pool:
        for part in pool.map(_parse_chunk, chunks, [ref] * len(chunks)):
            for name, event, problems in part:
                out[name] = (event, problems)
    return out


def compact(index: PodiumIndex) -> None:
    """Share what many models hold alike: the set of fields each one was given (700 bytes a row otherwise) and
    short repeated strings (codes, units, statuses, column names). Values are unchanged."""
    fields_sets: dict[frozenset[str], set[str]] = {}
    strings: dict[str, str] = {}

    def share(model: BaseModel) -> None:
        fields = model.__pydantic_fields_set__
        canonical = fields_sets.setdefault(frozenset(fields), fields)
        if canonical is not fields:
            object.__setattr__(model, "__pydantic_fields_set__", canonical)
        values = model.__dict__
        for key, value in values.items():
            if type(value) is str and len(value) <= 12:
                values[key] = strings.setdefault(value, value)
            elif type(value) is dict and value:
                values[key] = {strings.setdefault(k, k): v for k, v in value.items()}

    for event in index.events.values():
        share(event)
        for medal in event.medals:
            share(medal)
        for record in event.records:
            share(record)
        for rnd in event.rounds:
            share(rnd)
            for row in rnd.results:
                share(row)


def load_index(
    pages: Path, ref: Reference, cache_dir: Path, workers: int | None = None
) -> tuple[PodiumIndex, CacheInfo]:
    """The index of a folder of pages, from the cache when it is current, else parsed (and cached)."""
    with paused_gc():
        return _load_index(pages, ref, cache_dir, workers)


def _load_index(pages: Path, ref: Reference, cache_dir: Path, workers: int | None) -> tuple[PodiumIndex, CacheInfo]:
    if not pages.is_dir():
        return build_index(load_folder(pages, ref), ref), CacheInfo("off", 0, "", None)
    files = page_files(pages)
    current = manifest(files)
    version = index_version(ref)
    fingerprint = hashlib.sha256(repr((version, sorted(current.items()))).encode()).hexdigest()[:24]
    path = cache_file(cache_dir, pages)
    cached = _read(path)
    if isinstance(cached, dict) and cached.get("version") == version and cached.get("fingerprint") == fingerprint:
        index = PodiumIndex(reference=ref, **cached["index"])
        return index, CacheInfo("warm", 0, fingerprint, path)
    entries: dict[str, tuple[Event | None, list[Problem]]] = {}
    if isinstance(cached, dict) and cached.get("version") == version:
        old_manifest = cached.get("manifest", {})
        for name, stamp in current.items():
            if old_manifest.get(name) == stamp and name in cached.get("pages", {}):
                entries[name] = cached["pages"][name]
    todo = [p for p in files if p.name not in entries]
    entries.update(parse_pages(todo, ref, workers))
    events: list[Event] = []
    problems: list[Problem] = []
    for path_ in files:  # the order `load_folder` gives
        event, found = entries[path_.name]
        problems.extend(found)
        if event is not None:
            events.append(event)
    index = build_index(LoadResult.model_construct(events=events, problems=problems), ref)
    compact(index)
    payload = {
        "version": version,
        "fingerprint": fingerprint,
        "manifest": current,
        "pages": {name: entries[name] for name in current},
        "index": {"events": index.events, "athletes": index.athletes, "problems": index.problems},
    }
    _write(path, payload)
    mode = "cold" if len(todo) == len(files) else "partial"
    return index, CacheInfo(mode, len(todo), fingerprint, path)


def derived(cache_dir: Path, name: str, key: str, build: Callable[[], T]) -> T:
    """State derived from an index (its fingerprint in `key`), from the cache or built and cached."""
    path = cache_dir / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"
    cached = _read(path)
    if isinstance(cached, dict) and cached.get("key") == key:
        value: T = cached["value"]
        return value
    with paused_gc():
        value = build()
    for old in cache_dir.glob(f"{name}-*.pickle"):
        old.unlink(missing_ok=True)  # derived state of older indexes is never read again
    _write(path, {"key": key, "value": value})
    return value
