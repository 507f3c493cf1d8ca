"""An on-disk cache of the parsed index, for warm starts.

Two files per folder of pages under the cache directory: the index, and each page's digest (read only to rebuild
the index). They are keyed by the code that shapes the index (the source of the parser, models and index
modules), by the reference tables, and by each page's name, size and modification time: when a page changes,
only that page is parsed again and the index is rebuilt from the digests; when the code or the reference data
change, everything is parsed again. A cold start on a large folder parses in several processes (and, called
through `build_apart`, in a child process). Every file starts with a small header (what it was built from, the
length and checksum of the rest): whatever goes wrong with a file (missing, stale, truncated, corrupted) only
costs a rebuild.

Derived state that is slow to build (the matcher's tables) can be cached next to it with `derived`, keyed by the
index's fingerprint and the deriving code's own version.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Any, TypeVar

import pydantic

from bot.index import PageDigest, PodiumIndex, assemble, build_index, digest
from bot.models import Problem
from bot.parse import PAGE_SUFFIXES, load_folder, parse_page
from bot.reference import Reference

FORMAT = 5
PACKAGE = Path(__file__).resolve().parent
# The modules whose code decides what the cached index holds.
INDEX_SOURCES = ("parse", "models.py", "index.py", "performance.py", "text.py", "reference.py", "cache.py")
PARALLEL_FROM = 400  # pages to parse before it pays to start worker processes
T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CacheInfo:
    """What a load did: `warm` (the index read as it was), `rebuilt` (from the pages' cached digests, nothing
    parsed), `partial` (changed pages parsed), `cold` (every page parsed), or `off`."""

    mode: str
    parsed: int
    fingerprint: str
    path: Path | None
    stored: bool = True  # False when the cache could not be written (the next start parses again)


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
    # Events stay pickled pydantic models until asked for: a pydantic upgrade must not meet them at query time.
    return f"{FORMAT}-{code}-{tables}-py{sys.version_info[0]}.{sys.version_info[1]}-pydantic{pydantic.VERSION}"


def listing(pages: Path) -> dict[str, tuple[int, int]]:
    """Each page of a folder (the ones `page_files` lists, in its order) with its size and modification time.
    Read from the directory entries, without a Path object per page: every start does this."""
    found: dict[str, tuple[int, int]] = {}
    with os.scandir(pages) as entries:
        for entry in entries:
            if entry.is_file() and os.path.splitext(entry.name)[1].lower() in PAGE_SUFFIXES:
                stat = entry.stat()
                found[entry.name] = (stat.st_size, stat.st_mtime_ns)
    return dict(sorted(found.items()))


def cache_file(cache_dir: Path, pages: Path) -> Path:
    folder = hashlib.sha256(str(pages.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"index-v{FORMAT}-{folder}.pickle"  # the format in the name: old files are never opened


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


def _read(path: Path, header: dict[str, Any] | None = None) -> Any:
    """The payload of a cache file, or None: when the file is missing, cut short, corrupted (its checksum), or
    written with another header than `header` (another version or fingerprint). Header and payload are read from
    one open file, so a writer replacing the file in between cannot pair one with the other."""
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
            if not isinstance(found, dict) or (header is not None and _header_part(found) != header):
                return None
            data = handle.read()
        if len(data) != found.get("length") or hashlib.blake2b(data).hexdigest() != found.get("checksum"):
            return None
        with paused_gc():
            return pickle.loads(data)
    except Exception:  # whatever a damaged file makes pickle raise, it only costs a rebuild
        return None


def _read_header(path: Path) -> dict[str, Any] | None:
    """A cache file's header alone (a few bytes at its start), or None."""
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
    except Exception:
        return None
    return _header_part(found) if isinstance(found, dict) else None


def _header_part(found: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in found.items() if k not in ("length", "checksum")}


def _write(path: Path, payload: Any, header: dict[str, Any]) -> bool:
    """Atomically: a reader sees the old file or the new one, never half of one. The header (with the payload's
    length and checksum) is pickled first, so it can be read alone. False when the file could not be written."""
    tmp: str | None = None
    try:
        data = pickle.dumps(payload, protocol=5)
        head = {**header, "length": len(data), "checksum": hashlib.blake2b(data).hexdigest()}
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(head, handle, protocol=5)
            handle.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False  # a read-only or full disk: the next start parses again


def writable(cache_dir: Path) -> bool:
    """Whether cache files can be written there (a cold start built apart needs it)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=cache_dir):
            return True
    except OSError:
        return False


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
    pages: Path, ref: Reference, cache_dir: Path, workers: int | None = None, stamp: Stamp | None = None
) -> tuple[PodiumIndex, CacheInfo]:
    """The index of a folder of pages, from the cache when it is current, else parsed (and cached). `stamp`
    (from `stamp_of`) spares listing the folder again when the caller already did."""
    with paused_gc():
        return _load_index(pages, ref, cache_dir, workers, stamp)


@dataclass(frozen=True)
class Stamp:
    files: list[str]  # page names, in load order
    manifest: dict[str, tuple[int, int]]
    version: str
    fingerprint: str
    path: Path


def stamp_of(pages: Path, ref: Reference, cache_dir: Path) -> Stamp:
    """What a folder's cached index is keyed by: its pages' names, sizes and times, and the code and reference
    tables (about 60 ms at 7,500 pages: a start computes it once)."""
    current = listing(pages)
    files = list(current)
    version = index_version(ref)
    fingerprint = hashlib.sha256(repr((version, sorted(current.items()))).encode()).hexdigest()[:24]
    return Stamp(files, current, version, fingerprint, cache_file(cache_dir, pages))


def _header(stamp: Stamp) -> dict[str, Any]:
    return {"version": stamp.version, "fingerprint": stamp.fingerprint}


def _is_current(stamp: Stamp) -> bool:
    return _read_header(stamp.path) == _header(stamp)


def needs_build(pages: Path, ref: Reference, cache_dir: Path, stamp: Stamp | None = None) -> int:
    """How many pages a folder has when its cached index is missing or stale (0 when it is current, or when
    `pages` is not a folder): a caller may then build it apart (`build_apart`) before loading it warm."""
    if not pages.is_dir():
        return 0
    stamp = stamp or stamp_of(pages, ref, cache_dir)
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
        log.warning("building the index cache in a child process failed (exit %s): building here", child.exitcode)
        return None
    mode, parsed = result
    return str(mode), int(parsed)


def _build_and_send(build: Callable[[], tuple[str, int]], send: Any) -> None:
    send.send(build())
    send.close()


def _load_index(
    pages: Path, ref: Reference, cache_dir: Path, workers: int | None, stamp: Stamp | None
) -> tuple[PodiumIndex, CacheInfo]:
    if not pages.is_dir():
        return build_index(load_folder(pages, ref), ref), CacheInfo("off", 0, "", None)
    stamp = stamp or stamp_of(pages, ref, cache_dir)
    files, current, version, fingerprint, path = (
        stamp.files,
        stamp.manifest,
        stamp.version,
        stamp.fingerprint,
        stamp.path,
    )
    cached = _read(path, _header(stamp))
    if isinstance(cached, dict) and "index" in cached:
        return PodiumIndex(reference=ref, **cached["index"]), CacheInfo("warm", 0, fingerprint, path)
    del cached
    # The pages' digests are a file of their own, read only when the index must be rebuilt: a warm start
    # that read them too would hold their memory (glibc keeps what Python frees) for nothing.
    entries: dict[str, Entry] = {}
    kept = _read(pages_file(path), {"version": version})
    if isinstance(kept, dict):
        old_manifest = kept.get("manifest", {})
        for name, size_time in current.items():
            if old_manifest.get(name) == size_time and name in kept.get("pages", {}):
                entries[name] = kept["pages"][name]
    del kept
    todo = [pages / name for name in files if name not in entries]
    opened: dict[str, PageDigest] = {}
    for name, packed, found in _parsed(todo, ref, workers):
        entries[name] = (packed, found)
        if packed is not None:
            opened[name] = pickle.loads(packed)  # while the workers go on
    digests: list[PageDigest] = []
    problems: list[Problem] = []
    for name in files:  # the order `load_folder` gives
        packed, found = entries[name]
        problems.extend(found)
        if packed is not None:
            page = opened.pop(name) if name in opened else pickle.loads(packed)
            digests.append(page)
    pages_payload = {"manifest": current, "pages": {n: entries[n] for n in current}}
    stored = _write(pages_file(path), pages_payload, {"version": version})
    del (
        entries,
        pages_payload,
        opened,
    )  # before the index is assembled: the peak of a cold start is what the process keeps
    index = assemble(digests, problems, ref)
    del digests
    parts = {"events": index.events, "infos": index.infos, "athletes": index.athletes, "problems": problems}
    stored = _write(path, {"index": parts}, _header(stamp)) and stored
    if not stored:
        log.warning("could not write the index cache in %s: the next start parses again", cache_dir)
    _prune(cache_dir)
    mode = "cold" if len(todo) == len(files) else "partial" if todo else "rebuilt"
    return index, CacheInfo(mode, len(todo), fingerprint, path, stored)


def _prune(cache_dir: Path) -> None:
    """Remove what no start will read again: files of other cache formats, and temporary files an interrupted
    write left behind (an hour old: a write in progress elsewhere keeps its own)."""
    stale_before = time.time() - 3600
    try:
        for found in cache_dir.iterdir():
            other_format = found.suffix == ".pickle" and f"-v{FORMAT}-" not in found.name
            left_over = found.suffix == ".tmp" and found.stat().st_mtime < stale_before
            if other_format or left_over:
                found.unlink(missing_ok=True)
    except OSError:
        return


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
    cached = _read(path, {"key": key})
    if isinstance(cached, dict) and "value" in cached:
        value: T = cached["value"]
        return value
    with paused_gc():
        value = build()
    for old in cache_dir.glob(f"{name}-*.pickle"):
        old.unlink(missing_ok=True)  # derived state of older indexes is never read again
    _write(path, {"value": value}, {"key": key})
    return value
