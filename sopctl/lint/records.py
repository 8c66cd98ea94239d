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

import contextlib
import datetime as dt
import gc
import hashlib
import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sopctl.catalog.folder import Catalog
from sopctl.lint.findings import Finding, known_code
from sopctl.lint.rules.context import Facts
from sopctl.lint.scan import FileRecord, Summary, default_workers, parse_all
from sopctl.lint.store import CACHE_DIR as CACHE_DIR
from sopctl.lint.store import Stamp, file_stamp, read_in_cache, save_in_cache, vouches
from sopctl.lint.store import cache_key as key_of
from sopctl.lint.waivers import decode_waiver, encode_waiver

CACHE_FILE = "lint.json"
FORMAT = 3


@dataclass
class Store:
    """The cache as read: `names` maps a file's name to its stamp and hash, `entries` maps a
    hash to an encoded record."""

    key: str
    written_ns: int = 0
    names: dict[str, tuple[Stamp, str]] = field(default_factory=dict)
    entries: dict[str, Any] = field(default_factory=dict)


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
    with _collector_paused():
        store = load_store(catalog) if use_cache else None
        found: list[FileRecord | None] = []
        hashes: list[tuple[Stamp, str] | None] = []
        for path, shown in items:
            known = _identify(path, store) if store is not None else None
            hashes.append(known)
            found.append(_cached(store, known, path, shown, today))
    missing = [i for i, record in enumerate(found) if record is None]
    chosen = [items[i] for i in missing]
    parsed = parse_all(chosen, catalog, today, workers or default_workers())
    for index, record in zip(missing, parsed, strict=True):
        found[index] = record
    if store is not None:
        _update(store, catalog, items, hashes, found, missing)
    return [record for record in found if record is not None]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the cache is read: the records are hundreds of
    thousands of new objects, none in a cycle, and the collector would walk the growing heap
    again and again as they are made (about 0.2 s of a warm list at 16,500 SOPs)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


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
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return Store(key)


def save_store(catalog: Catalog, store: Store) -> None:
    """Write the cache in one step; a failure to write is not the user's problem."""
    body = {
        "format": FORMAT,
        "key": store.key,
        "written_ns": time.time_ns(),
        "names": {n: [*stamp, digest] for n, (stamp, digest) in store.names.items()},
        "entries": store.entries,
    }
    save_in_cache(catalog, CACHE_FILE, json.dumps(body, separators=(",", ":")).encode())


def _identify(path: Path, store: Store) -> tuple[Stamp, str] | None:
    """The file's stamp and content hash, read from the cache when the stamp vouches for it."""
    stamp = file_stamp(path)
    if stamp is None:
        return None
    known = store.names.get(str(path))
    if known and known[0] == stamp and vouches(stamp, store.written_ns):
        return known
    try:
        digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return None
    return stamp, digest


def _cached(
    store: Store | None,
    known: tuple[Stamp, str] | None,
    path: Path,
    shown: str,
    today: dt.date,
) -> FileRecord | None:
    if store is None or known is None or known[1] not in store.entries:
        return None
    try:
        record = decode(store.entries[known[1]], path, shown)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # a damaged entry is parsed again
    return record if record.holds_on(today) else None


def _update(
    store: Store,
    catalog: Catalog,
    items: Sequence[tuple[Path, str]],
    hashes: Sequence[tuple[Stamp, str] | None],
    found: Sequence[FileRecord | None],
    missing: Sequence[int],
) -> None:
    """Keep the entries of this run's files; write only when something changed."""
    changed = False
    for index in missing:
        known, record = hashes[index], found[index]
        if known is None or record is None or file_stamp(items[index][0]) != known[0]:
            continue  # not cacheable, or changed while it was being read
        store.entries[known[1]] = encode(record)
        changed = True
    now = {str(path): known for (path, _), known in zip(items, hashes, strict=True)}
    names = {n: k for n, k in store.names.items() if n not in now and Path(n).is_file()}
    names.update((name, known) for name, known in now.items() if known is not None)
    used = {digest for _, digest in names.values()}
    changed = changed or names != store.names or used != set(store.entries)
    if changed:
        store.names = names
        store.entries = {d: e for d, e in store.entries.items() if d in used}
        save_store(catalog, store)


def encode(record: FileRecord) -> list[Any]:
    """A record as JSON values, without its path and name (the same bytes, the same record)."""
    facts, summary = record.facts, record.summary
    return [
        [[f.line, f.column, f.code, f.args] for f in record.findings],
        [encode_waiver(w) for w in record.waivers],
        [facts.nomor, facts.nama, facts.unit, facts.area_rb, facts.status],
        [list(link) for link in facts.links],
        facts.marks,
        None if summary is None else _encode_summary(summary),
        record.judged.isoformat(),
    ]


def _encode_summary(summary: Summary) -> list[Any]:
    return [
        summary.valid,
        summary.jenis,
        summary.proses_bisnis,
        {k: v.isoformat() for k, v in summary.tanggal.items()},
        summary.marks,
        summary.monitoring_due.isoformat() if summary.monitoring_due else None,
        summary.evaluation_due.isoformat() if summary.evaluation_due else None,
        summary.text,
        summary.kriteria,
        list(summary.rb_tematik),
    ]


def decode(raw: list[Any], path: Path, shown: str) -> FileRecord:
    """The record `encode` wrote, for the file at `path` shown as `shown`."""
    findings, waivers, strings, links, marks, summary, judged = raw
    nomor, nama, unit, area_rb, status = (_text(s) for s in strings)
    facts = Facts(
        shown,
        nomor=nomor,
        nama=nama,
        unit=unit,
        area_rb=area_rb,
        status=status,
        links=tuple((str(n), int(line), int(col)) for n, line, col in links),
        marks={str(k): (int(v[0]), int(v[1])) for k, v in marks.items()},
    )
    return FileRecord(
        path=path,
        shown=shown,
        findings=tuple(
            Finding(shown, int(a), int(b), known_code(c), dict(d)) for a, b, c, d in findings
        ),
        waivers=tuple(decode_waiver(w) for w in waivers),
        facts=facts,
        summary=None if summary is None else _decode_summary(summary),
        judged=dt.date.fromisoformat(judged),
    )


def _decode_summary(raw: list[Any]) -> Summary:
    valid, jenis, process, dates, marks, monitoring, evaluation, text, kriteria, tematik = raw
    return Summary(
        valid=bool(valid),
        jenis=_text(jenis),
        proses_bisnis=_text(process),
        tanggal={str(k): dt.date.fromisoformat(v) for k, v in dates.items()},
        marks={str(k): (int(v[0]), int(v[1])) for k, v in marks.items()},
        monitoring_due=dt.date.fromisoformat(monitoring) if monitoring else None,
        evaluation_due=dt.date.fromisoformat(evaluation) if evaluation else None,
        text=str(text),
        kriteria={str(k): str(v) for k, v in kriteria.items()},
        rb_tematik=tuple(str(t) for t in tematik),
    )


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError("text expected")
    return value
