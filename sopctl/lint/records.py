"""Per-file results kept between runs, under `<catalog>/.sopctl-cache/`.

A record is found by the hash of the file's bytes, under a key made of sopctl's version (and
its source files' stamps, for development installs) and the catalog's settings, so any change
to either starts afresh. Findings that depend on the day (M001/M002) are reused only while the
day is on the same side of every due date (`FileRecord.holds_on`).

The cache is one JSON file, replaced atomically (two processes may run at once: the last one
to finish wins, and every record in either file is right for its content). JSON, not pickle:
the folder lives in the user's repository and must never be able to run code. Anything
unreadable is ignored and rebuilt. Reading a file's bytes is skipped when its size, mtime,
ctime (which no tool can set back) and inode are those recorded and it was last changed well
before the cache was written (as git does for its index).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sopctl.catalog.folder import Catalog
from sopctl.lint.codec import BROKEN, Encoded, RawRecord, decode_record, dumps, encoded
from sopctl.lint.scan import FileRecord, Read, default_workers, parse_all
from sopctl.lint.store import CACHE_DIR as CACHE_DIR
from sopctl.lint.store import (
    Stamp,
    collector_paused,
    content_digest,
    file_stamp,
    read_in_cache,
    save_in_cache,
    vouches,
)
from sopctl.lint.store import cache_key as key_of
from sopctl.sop.yamlio import read_bytes

CACHE_FILE = "lint.json"
FORMAT = 4


@dataclass
class Store:
    """The cache as read: `names` maps a file's name to its stamp and hash, `entries` maps a
    hash to a record, as JSON values (read from the file) or JSON text (made in this run)."""

    key: str
    written_ns: int = 0
    names: dict[str, tuple[Stamp, str]] = field(default_factory=dict)
    entries: dict[str, RawRecord | str] = field(default_factory=dict)


def read_records(
    catalog: Catalog,
    items: Sequence[tuple[Path, str]],
    today: dt.date,
    *,
    use_cache: bool = True,
    workers: int | None = None,
) -> list[FileRecord]:
    """The record of each (path, shown name), in order: from the cache when it holds, else by
    parsing (in several processes for many files). The cache is brought up to date."""
    found = _read(catalog, items, today, use_cache, workers, None)
    with collector_paused():
        return [
            item
            if isinstance(item, FileRecord)
            else decode_record(json.loads(item.encoded.record), path, shown)
            for item, (path, shown) in zip(found, items, strict=True)
        ]


def read_encoded(
    catalog: Catalog,
    items: Sequence[tuple[Path, str]],
    today: dt.date,
    *,
    use_cache: bool = True,
    stamps: Sequence[Stamp | None] | None = None,
) -> list[Encoded]:
    """`read_records`, each record as the caches keep it (what lint's outcome is made of);
    `stamps`: the files' stamps, when taken already."""
    found = _read(catalog, items, today, use_cache, None, stamps)
    # the record's JSON text is in the cache file now: not kept through the cross-file rules
    return [
        encoded(item)._replace(record="")
        if isinstance(item, FileRecord)
        else item.encoded._replace(record="")
        for item in found
    ]


def _read(
    catalog: Catalog,
    items: Sequence[tuple[Path, str]],
    today: dt.date,
    use_cache: bool,
    workers: int | None,
    stamps: Sequence[Stamp | None] | None,
) -> list[FileRecord | Read]:
    """Records found in the cache, and files read (in order)."""
    with collector_paused():
        store = load_store(catalog) if use_cache else None
        found: list[FileRecord | Read | None] = []
        hashes: list[tuple[Stamp, str | None] | None] = []
        for index, (path, shown) in enumerate(items):
            stamp = file_stamp(path) if stamps is None else stamps[index]
            known = _identify(path, stamp, store) if store is not None else None
            hashes.append(known)
            found.append(_cached(store, known, path, shown, today))
    missing = [i for i, record in enumerate(found) if record is None]
    parsed = parse_all([items[i] for i in missing], catalog, today, workers or default_workers())
    for index, read in zip(missing, parsed, strict=True):
        found[index] = read
    if store is not None:
        _update(store, catalog, items, hashes, parsed, missing)
    return [item for item in found if item is not None]


def cache_key(catalog: Catalog) -> str:
    """What every record depends on besides its file: sopctl itself and the settings."""
    return key_of(catalog, FORMAT)


def load_store(catalog: Catalog) -> Store:
    """The cache for this catalog and key; empty when missing, stale or unreadable."""
    key = cache_key(catalog)
    try:
        raw = json.loads(read_in_cache(catalog, CACHE_FILE))
        if raw["format"] != FORMAT or raw["key"] != key:
            return Store(key)
        names = {n: ((s[0], s[1], s[2], s[3]), s[4]) for n, s in raw["names"].items()}
        return Store(key, int(raw["written_ns"]), names, dict(raw["entries"]))
    except (OSError, *BROKEN):
        return Store(key)


def save_store(catalog: Catalog, store: Store) -> None:
    """Write the cache in one step; records made in this run are written as they came."""
    head = {
        "format": FORMAT,
        "key": store.key,
        "written_ns": time.time_ns(),
        "names": {n: [*stamp, digest] for n, (stamp, digest) in store.names.items()},
    }

    def pieces() -> Iterator[bytes]:
        yield (dumps(head)[:-1] + ',"entries":{').encode("utf-8")
        for index, (digest, entry) in enumerate(store.entries.items()):
            text = entry if isinstance(entry, str) else dumps(entry)
            yield f'{"," if index else ""}"{digest}":{text}'.encode()
        yield b"}}"

    save_in_cache(catalog, CACHE_FILE, pieces())


def _identify(path: Path, stamp: Stamp | None, store: Store) -> tuple[Stamp, str | None] | None:
    """The file's `stamp` and content hash, read from the cache when the stamp vouches for
    it; without the hash when the cache holds nothing (the worker that reads the file hashes
    it). None for what is never cached (links, unreadable files)."""
    if stamp is None:
        return None
    known = store.names.get(str(path))
    if known and known[0] == stamp and vouches(stamp, store.written_ns):
        return known
    if not store.entries:
        return stamp, None
    try:
        return stamp, content_digest(read_bytes(path))
    except OSError:
        return None


def _cached(
    store: Store | None,
    known: tuple[Stamp, str | None] | None,
    path: Path,
    shown: str,
    today: dt.date,
) -> FileRecord | None:
    if store is None or known is None or known[1] not in store.entries:
        return None
    entry = store.entries[known[1]]
    try:
        record = decode_record(json.loads(entry) if isinstance(entry, str) else entry, path, shown)
    except BROKEN:
        return None  # a damaged entry is parsed again
    return record if record.holds_on(today) else None


def _update(
    store: Store,
    catalog: Catalog,
    items: Sequence[tuple[Path, str]],
    hashes: list[tuple[Stamp, str | None] | None],
    parsed: Sequence[Read],
    missing: Sequence[int],
) -> None:
    """Keep the entries of this run's files; write only when something changed."""
    changed = False
    for index, read in zip(missing, parsed, strict=True):
        known = hashes[index]
        if known is None or read.digest is None or file_stamp(items[index][0]) != known[0]:
            hashes[index] = None
            continue  # not cacheable, or changed while it was being read
        hashes[index] = known = (known[0], read.digest)
        store.entries[read.digest] = read.encoded.record
        changed = True
    now: dict[str, tuple[Stamp, str]] = {}
    for (path, _), known in zip(items, hashes, strict=True):
        if known is not None and known[1] is not None:
            now[str(path)] = (known[0], known[1])
    these = {str(path) for path, _ in items}
    names = {n: k for n, k in store.names.items() if n not in these and Path(n).is_file()}
    names.update(now)
    used = {digest for _, digest in names.values()}
    changed = changed or names != store.names or used != set(store.entries)
    if changed:
        store.names = names
        store.entries = {d: e for d, e in store.entries.items() if d in used}
        save_store(catalog, store)
