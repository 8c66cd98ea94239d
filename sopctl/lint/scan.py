"""Reading every SOP file of a catalog once into a `FileRecord`: from the cache, or by parsing.

A record holds all that lint, list, report and G001 need of one file, so a warm run parses
nothing: the per-file findings (load, schema, per-file rules, malformed waivers), the waivers,
the `Facts` for cross-file rules and a `Summary` of the SOP. Files are parsed across processes
when there are enough of them for it to pay.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import stat
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from sopctl.catalog.config import Config
from sopctl.catalog.folder import Catalog
from sopctl.catalog.names import normalize
from sopctl.lint.codec import Encoded, encoded
from sopctl.lint.findings import Finding
from sopctl.lint.rules import FILE_RULES
from sopctl.lint.rules.context import Facts, SopContext, facts_of
from sopctl.lint.rules.schedule import due_dates
from sopctl.lint.store import content_digest
from sopctl.lint.waivers import Waiver, read_waivers
from sopctl.sop.loader import Loaded, load_sop
from sopctl.sop.model import Sop
from sopctl.sop.yamlio import read_bytes

PARALLEL_FROM = 200  # files; below this, starting worker processes costs more than it saves
CHUNK = 100  # files per task sent to a worker


@dataclass(frozen=True)
class Summary:
    """An SOP reduced to what list, report and G001 read (`valid`: it passed the schema).

    Strings that cross-file rules also need (nomor, nama, unit, area_rb, status) are in `Facts`.
    """

    valid: bool
    jenis: str | None = None
    proses_bisnis: str | None = None
    tanggal: dict[str, dt.date] = field(default_factory=dict)  # pembuatan, revisi, efektif
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)  # "tanggal.revisi": (l, c)
    monitoring_due: dt.date | None = None
    evaluation_due: dt.date | None = None
    text: str = ""  # title and activities, normalized, for searching
    kriteria: dict[str, str] = field(default_factory=dict)  # latest evaluation: key -> ya/tidak
    rb_tematik: tuple[str, ...] = ()

    def at(self, key: str) -> tuple[int, int]:
        return self.marks.get(key, (1, 1))


@dataclass(frozen=True)
class FileRecord:
    """One SOP file as lint, list and report see it. `summary` is None when the file did not
    parse into a mapping. `findings` were judged on day `judged` and are not waived yet."""

    path: Path
    shown: str
    findings: tuple[Finding, ...]
    waivers: tuple[Waiver, ...]
    facts: Facts
    summary: Summary | None
    judged: dt.date

    def holds_on(self, today: dt.date) -> bool:
        """Whether the findings are the same on `today` (only due dates depend on the day)."""
        if self.summary is None or today == self.judged:
            return True
        dues = (self.summary.monitoring_due, self.summary.evaluation_due)
        return all((due < today) == (due < self.judged) for due in dues if due is not None)

    def shown_as(self, shown: str) -> FileRecord:
        """The same record for a file shown under another name (the cache stores no names)."""
        if shown == self.shown:
            return self
        return replace(
            self,
            shown=shown,
            findings=tuple(replace(f, path=shown) for f in self.findings),
            facts=replace(self.facts, shown=shown),
        )


def record_of(
    path: Path, shown: str, catalog: Catalog, today: dt.date, raw: bytes | None = None
) -> FileRecord:
    """Parse and check one file (`raw`: its bytes, when read already)."""
    item = load_sop(path, shown, catalog.root, raw)
    waivers, problems = read_waivers(shown, item.doc.comments, _first_content(item))
    findings = check_file(item, catalog.config, today) + problems
    summary = summarize(item, catalog.config)
    facts = facts_of(shown, item.doc)
    return FileRecord(path, shown, tuple(findings), tuple(waivers), facts, summary, today)


def _first_content(item: Loaded) -> int:
    """The line of the file's first YAML content (after it, no comment is the header): where
    the document's root node starts, since every other node lies inside it."""
    root = item.doc.value_marks.get(())
    return root[0] if root is not None else 1 << 30


def check_file(item: Loaded, config: Config, today: dt.date) -> list[Finding]:
    """The file's load findings, then every per-file rule if the SOP is schema-valid."""
    found = list(item.findings)
    if item.sop is not None:
        ctx = SopContext(item.shown, item.sop, item.doc, config, today)
        for rule in FILE_RULES.values():
            found.extend(rule(ctx))
    return found


def summarize(item: Loaded, config: Config) -> Summary | None:
    data = item.doc.data
    if not isinstance(data, dict):
        return None
    text = normalize(" ".join(_searchable(data)))
    sop = item.sop
    if sop is None:
        return Summary(valid=False, text=text)
    periode = config.periode
    monitoring, evaluation = due_dates(sop, periode.monitoring_bulan, periode.evaluasi_bulan)
    return Summary(
        valid=True,
        jenis=sop.jenis,
        proses_bisnis=sop.proses_bisnis,
        tanggal=_dates(sop),
        marks={f"tanggal.{k}": item.doc.locate(("tanggal", k)) for k in _dates(sop)},
        monitoring_due=monitoring,
        evaluation_due=evaluation,
        text=text,
        kriteria=latest_answers(sop),
        rb_tematik=tuple(sop.rb_tematik),
    )


def latest_answers(sop: Sop) -> dict[str, str]:
    """The seven criteria as the latest evaluation answered them (unanswered ones left out)."""
    if not sop.evaluasi:
        return {}
    latest = max(sop.evaluasi, key=lambda record: record.tanggal)
    answers = latest.kriteria.answers() if latest.kriteria else {}
    return {key: answer.nilai for key, answer in answers.items() if answer is not None}


def _dates(sop: Sop) -> dict[str, dt.date]:
    found = {"pembuatan": sop.tanggal.pembuatan}
    found.update({"revisi": sop.tanggal.revisi} if sop.tanggal.revisi else {})
    found.update({"efektif": sop.tanggal.efektif} if sop.tanggal.efektif else {})
    return found


def _searchable(data: dict[str, object]) -> Iterator[str]:
    if isinstance(data.get("nama"), str):
        yield str(data["nama"])
    steps = data.get("langkah")
    for step in steps if isinstance(steps, list) else ():
        if isinstance(step, dict) and isinstance(step.get("kegiatan"), str):
            yield step["kegiatan"]


class Read(NamedTuple):
    """A file read in a worker: the digest of its bytes (`content_digest`; None when it is
    not a regular file or could not be read) and its record as the caches keep it."""

    digest: str | None
    encoded: Encoded


def parse_all(
    items: Sequence[tuple[Path, str]], catalog: Catalog, today: dt.date, workers: int
) -> list[Read]:
    """(path, shown) pairs read and checked, in order; in `workers` processes when there are
    many. Workers send back JSON-ready values, never records (cheap to send, and what the
    main process writes to the caches as they are)."""
    if workers <= 1 or len(items) < PARALLEL_FROM:
        return _parse_chunk(list(items), catalog, today)
    chunks = [list(items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_collector) as pool:
        done = pool.map(_parse_chunk, chunks, [catalog] * len(chunks), [today] * len(chunks))
        return [read for chunk in done for read in chunk]


def _worker_collector() -> None:
    """The cycle collector in a worker: on (the caller may have paused it for its own
    reading), blind to what the worker inherited (modules, the catalog: never garbage), and
    run less often. A parsed file is thousands of short-lived containers freed by their
    reference counts; collecting after every 700 of them cost a worker about a third of
    its time (1.8 against 1.1 ms a file, over 4,000 files of the bench catalog)."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 100)
    gc.enable()


def _parse_chunk(items: list[tuple[Path, str]], catalog: Catalog, today: dt.date) -> list[Read]:
    found = []
    for path, shown in items:
        raw = _regular_bytes(path)
        record = record_of(path, shown, catalog, today, raw)
        found.append(Read(None if raw is None else content_digest(raw), encoded(record)))
    return found


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file (never of a link: its target may be outside the catalog)."""
    try:
        return read_bytes(path) if stat.S_ISREG(os.lstat(path).st_mode) else None
    except OSError:
        return None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
