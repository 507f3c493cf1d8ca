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

import ctypes
import ctypes.util
import gc
import hashlib
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Any, TypeVar

from bot.index import PageDigest, PodiumIndex, assemble, build_index, digest
from bot.models import Problem
from bot.parse import load_folder, page_files, parse_page
from bot.reference import Reference

FORMAT = 3
PACKAGE = Path(__file__).resolve().parent
# The modules whose code decides what the cached index holds.
INDEX_SOURCES = ("parse", "models.py", "index.py", "performance.py", "text.py", "reference.py", "cache.py")
PARALLEL_FROM = 400  # pages to parse before it pays to start worker processes
T = TypeVar("T")


@dataclass(frozen=True)
class CacheInfo:
    """What a load did: `warm` (the index read as it was), `rebuilt` (from the pages' cached digests, nothing
    parsed), `partial` (changed pages parsed), `cold` (every page parsed), or `off`."""

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


def pages_file(index_file: Path) -> Path:
    """Where the digests of the pages behind an index file are kept, for rebuilding it when pages change."""
    return index_file.with_name(index_file.name.replace("index-", "pages-", 1))


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


def _read_header(path: Path) -> Any:
    """The first pickle of a file written with a header (see `_write`), without reading the rest; or None."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError):
        return None


def _read_body(path: Path) -> Any:
    """The second pickle of a file written with a header, or None."""
    try:
        with paused_gc(), path.open("rb") as handle:
            pickle.load(handle)
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError):
        return None


def _write(path: Path, payload: Any, header: Any = None) -> None:
    """Atomically: a reader sees the old file or the new one, never half of one. A `header` is pickled first,
    so that it can be read alone."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            if header is not None:
                pickle.dump(header, handle, protocol=5)
            pickle.dump(payload, handle, protocol=5)
        os.replace(tmp, path)
    except OSError:
        return  # a read-only or full disk: the next start parses again


# A parsed page as the cache keeps it: its digest pickled (None when the page could not be read), and its problems.
Entry = tuple[bytes | None, list[Problem]]


def _parse_chunk(paths: list[Path], ref: Reference) -> list[tuple[str, bytes | None, list[Problem]]]:
    """Pages parsed and digested; the digest travels pickled, and is cached as it came."""
    out: list[tuple[str, bytes | None, list[Problem]]] = []
    with paused_gc():
        for path in paths:
            event, problems = parse_page(path, ref)
            packed = pickle.dumps(digest(event), protocol=5) if event is not None else None
            out.append((path.name, packed, problems))
    return out


def parse_pages(paths: Sequence[Path], ref: Reference, workers: int | None = None) -> dict[str, Entry]:
    """Each page parsed as `load_folder` parses it, and digested for the index; in worker processes when there
    are many."""
    return {name: (packed, problems) for name, packed, problems in _parsed(paths, ref, workers)}


def _parsed(
    paths: Sequence[Path], ref: Reference, workers: int | None = None
) -> Iterator[tuple[str, bytes | None, list[Problem]]]:
    """Pages parsed and digested, in no particular order: chunks come back as workers finish them, so the caller
    can take in one while the others are parsed."""
    count = workers if workers is not None else min(4, os.cpu_count() or 1)
    # Workers are forked (no re-import, no `__main__` guard needed), and only from a single-threaded process.
    forkable = "fork" in get_all_start_methods() and threading.active_count() == 1
    if count < 2 or len(paths) < PARALLEL_FROM or not forkable:
        yield from _parse_chunk(list(paths), ref)
        return
    parts = count * 8  # small enough that the last chunks finish together
    chunks = [list(paths[i::parts]) for i in range(parts)]
    with ProcessPoolExecutor(max_workers=count, mp_context=get_context("fork")) as pool:
        for done in as_completed([pool.submit(_parse_chunk, chunk, ref) for chunk in chunks]):
            yield from done.result()


def load_index(
    pages: Path, ref: Reference, cache_dir: Path, workers: int | None = None
) -> tuple[PodiumIndex, CacheInfo]:
    """The index of a folder of pages, from the cache when it is current, else parsed (and cached)."""
    with paused_gc():
        return _load_index(pages, ref, cache_dir, workers)


@dataclass(frozen=True)
class _Stamp:
    files: list[Path]
    manifest: dict[str, tuple[int, int]]
    version: str
    fingerprint: str
    path: Path


def _stamp(pages: Path, ref: Reference, cache_dir: Path) -> _Stamp:
    files = page_files(pages)
    current = manifest(files)
    version = index_version(ref)
    fingerprint = hashlib.sha256(repr((version, sorted(current.items()))).encode()).hexdigest()[:24]
    return _Stamp(files, current, version, fingerprint, cache_file(cache_dir, pages))


def _is_current(stamp: _Stamp) -> bool:
    header = _read_header(stamp.path)
    return bool(header == {"version": stamp.version, "fingerprint": stamp.fingerprint})


def needs_build(pages: Path, ref: Reference, cache_dir: Path) -> int:
    """How many pages a folder has when its cached index is missing or stale (0 when it is current, or when
    `pages` is not a folder): a caller may then build it apart (`build_apart`) before loading it warm."""
    if not pages.is_dir():
        return 0
    stamp = _stamp(pages, ref, cache_dir)
    return 0 if _is_current(stamp) else len(stamp.files)


def build_apart(build: Callable[[], tuple[str, int]]) -> tuple[str, int] | None:
    """Run `build` (which fills the cache) in a forked child process and return what it returns, or None when
    that cannot be done (no fork, threads running, the child failed): the caller then builds in-process.

    A cold start makes a few hundred MB of short-lived objects; glibc and Python's allocator keep much of that
    memory after it is freed, so a bot that parsed in-process would stay at its start-up peak. Built apart, the
    process itself only ever loads the finished cache (warm, a third of a second at 7,500 pages)."""
    if "fork" not in get_all_start_methods() or threading.active_count() != 1:
        return None
    context = get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_build_and_send, args=(build, send), daemon=False)
    child.start()
    send.close()
    try:
        result = receive.recv() if receive.poll(None) else None
    except EOFError:
        result = None  # the child died before it could answer
    child.join()
    if child.exitcode != 0 or not isinstance(result, tuple):
        return None
    mode, parsed = result
    return str(mode), int(parsed)


def _build_and_send(build: Callable[[], tuple[str, int]], send: Any) -> None:
    send.send(build())
    send.close()


def _load_index(pages: Path, ref: Reference, cache_dir: Path, workers: int | None) -> tuple[PodiumIndex, CacheInfo]:
    if not pages.is_dir():
        return build_index(load_folder(pages, ref), ref), CacheInfo("off", 0, "", None)
    stamp = _stamp(pages, ref, cache_dir)
    files, current, version, fingerprint, path = (
        stamp.files,
        stamp.manifest,
        stamp.version,
        stamp.fingerprint,
        stamp.path,
    )
    if _is_current(stamp):
        cached = _read_body(path)
        if isinstance(cached, dict) and "index" in cached:
            return PodiumIndex(reference=ref, **cached["index"]), CacheInfo("warm", 0, fingerprint, path)
    # The pages' digests are a file of their own, read only when the index must be rebuilt: a warm start
    # that read them too would hold their memory (glibc keeps what Python frees) for nothing.
    entries: dict[str, Entry] = {}
    kept = _read(pages_file(path))
    if isinstance(kept, dict) and kept.get("version") == version:
        old_manifest = kept.get("manifest", {})
        for name, size_time in current.items():
            if old_manifest.get(name) == size_time and name in kept.get("pages", {}):
                entries[name] = kept["pages"][name]
    del kept
    todo = [p for p in files if p.name not in entries]
    opened: dict[str, PageDigest] = {}
    for name, packed, found in _parsed(todo, ref, workers):
        entries[name] = (packed, found)
        if packed is not None:
            opened[name] = pickle.loads(packed)  # while the workers go on
    digests: list[PageDigest] = []
    problems: list[Problem] = []
    for path_ in files:  # the order `load_folder` gives
        packed, found = entries[path_.name]
        problems.extend(found)
        if packed is not None:
            page = opened.pop(path_.name) if path_.name in opened else pickle.loads(packed)
            digests.append(page)
    _write(pages_file(path), {"version": version, "manifest": current, "pages": {n: entries[n] for n in current}})
    del entries, opened  # before the index is assembled: the peak of a cold start is what the process keeps
    index = assemble(digests, problems, ref)
    del digests
    parts = {"events": index.events, "infos": index.infos, "athletes": index.athletes, "problems": problems}
    _write(path, {"index": parts}, header={"version": version, "fingerprint": fingerprint})
    mode = "cold" if len(todo) == len(files) else "partial" if todo else "rebuilt"
    return index, CacheInfo(mode, len(todo), fingerprint, path)


def release_memory() -> None:
    """Hand the memory a load freed back to the system. glibc keeps freed blocks for reuse, so without this a
    bot that started cold would stay at its start-up peak (150 MB more at 7,500 pages) for its whole life."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        return  # not glibc: nothing to do, or nothing we can do


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
