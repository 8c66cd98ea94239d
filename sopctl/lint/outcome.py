"""The outcome of the last whole-catalog lint, kept in `.sopctl-cache/outcome.json`, so that
a warm lint reads one small file and no SOP, and a lint after a few edits parses those files
only (issue 7: 16,500 SOPs in about a second).

A file's own findings depend on its bytes, the settings and the day (due dates); cross-file
findings on the facts of every file. The outcome keeps, for each file of the last run, its
stamp, its own findings (not yet waived), its waivers, its facts, its G001 date and the days
its findings hold on; and the cross-file findings of the whole catalog. A file whose stamp
vouches for it (`cachedir.vouches`) on a day its findings hold on is *fresh*: nothing of it
is read. Cross-file findings are reused only when the same files are all fresh.

The outcome is keyed by sopctl, the settings and the working folder (findings name files as
seen from it). JSON, never pickle (the folder lives in the user's repository); anything
unreadable raises `Damaged`, and lint then works without it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sopctl.catalog.folder import Catalog
from sopctl.lint.findings import Finding, known_code
from sopctl.lint.revision_dates import Dated, dated_of
from sopctl.lint.store import Stamp, cache_key, read_in_cache, save_in_cache, vouches
from sopctl.lint.waivers import Waiver, decode_waiver, encode_waiver

if TYPE_CHECKING:
    from sopctl.lint.rules.context import Facts
    from sopctl.lint.scan import FileRecord

OUTCOME_FILE = "outcome.json"
FACTS_FILE = "facts.json"  # apart: read only when cross-file rules must run again
FORMAT = 2
Entry = list[Any]  # [name, stamp, own findings, waivers, G001 date, days, facts' digest]
RawFacts = list[Any]  # [[nomor, nama, unit, area_rb, status], links, marks]
_BROKEN = (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError)


class Damaged(Exception):
    """An outcome file is not what this version writes."""


@dataclass
class Outcome:
    """`entries` of every file, in lint's order; `across`: [file index, line, column, code,
    args] of each cross-file finding; `token` pairs the outcome with its facts file."""

    key: str
    cwd: str
    written_ns: int
    token: str
    entries: list[Entry]
    across: list[list[Any]]

    def names(self) -> list[str]:
        return [entry[0] for entry in self.entries]

    def fresh(self, stamps: dict[str, Stamp | None], today: dt.date) -> dict[str, int]:
        """The index of each entry, by file name, whose file (now stamped `stamps`) is
        unchanged since and whose findings hold on `today`."""
        day = today.isoformat()
        found: dict[str, int] = {}
        try:
            for index, entry in enumerate(self.entries):
                stamp = stamps.get(entry[0])
                first, last = entry[5] or (None, None)
                if (
                    stamp is not None
                    and entry[1] == list(stamp)
                    and vouches(stamp, self.written_ns)
                    and (first is None or first <= day)
                    and (last is None or day <= last)
                ):
                    found[entry[0]] = index
        except _BROKEN as exc:
            raise Damaged(str(exc)) from exc
        return found

    def facts(self, catalog: Catalog) -> list[RawFacts]:
        """The facts of every entry, from the facts file written with this outcome."""
        try:
            raw = json.loads(read_in_cache(catalog, FACTS_FILE))
            facts = raw["facts"]
            if raw["token"] != self.token or len(facts) != len(self.entries):
                raise Damaged("facts of another outcome")  # another lint wrote in between
        except (OSError, *_BROKEN) as exc:
            raise Damaged(str(exc)) from exc
        return list(facts)


def load_outcome(catalog: Catalog, cwd: str) -> Outcome | None:
    """The outcome kept for this catalog, sopctl, settings and working folder, if any."""
    try:
        raw = json.loads(read_in_cache(catalog, OUTCOME_FILE))
        if raw["format"] != FORMAT or raw["key"] != cache_key(catalog, FORMAT):
            return None
        entries, across = raw["entries"], raw["across"]
        if raw["cwd"] != cwd or not isinstance(entries, list) or not isinstance(across, list):
            return None
        if not all(isinstance(e, list) and len(e) == 7 for e in entries):
            return None
        return Outcome(raw["key"], cwd, int(raw["written_ns"]), str(raw["token"]), entries, across)
    except (OSError, *_BROKEN):
        return None


def save_outcome(catalog: Catalog, outcome: Outcome, facts: list[RawFacts] | None) -> None:
    """Write the `facts`, then the outcome that names them by a new token; without `facts`,
    the outcome alone, still naming the facts file it was made with."""
    token = outcome.token
    if facts is not None:
        token = os.urandom(8).hex()
        save_in_cache(catalog, FACTS_FILE, _json({"token": token, "facts": facts}))
    body = {
        "format": FORMAT,
        "key": outcome.key,
        "cwd": outcome.cwd,
        "written_ns": time.time_ns(),
        "token": token,
        "entries": outcome.entries,
        "across": outcome.across,
    }
    save_in_cache(catalog, OUTCOME_FILE, _json(body))


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def new_outcome(
    catalog: Catalog,
    cwd: str,
    entries: list[Entry],
    across: Sequence[Finding],
    shown: Sequence[str],
) -> Outcome:
    """The outcome of `entries`, with `across` by file index (`shown`: names by index)."""
    index = {name: position for position, name in enumerate(shown)}
    coded = [[index[f.path], f.line, f.column, f.code, f.args] for f in across]
    return Outcome(cache_key(catalog, FORMAT), cwd, 0, "", entries, coded)


def encode_entry(name: str, stamp: Stamp | None, record: FileRecord, facts: RawFacts) -> Entry:
    """The entry of a file read with `stamp` into `record`, whose `encode_facts` are `facts`."""
    dated = dated_of(record)
    return [
        name,
        None if stamp is None else list(stamp),
        [[f.line, f.column, f.code, f.args] for f in record.findings],
        [encode_waiver(w) for w in record.waivers],
        None if dated is None else [dated.field, dated.date.isoformat(), *dated.at],
        _days(record),
        hashlib.blake2b(_json(facts), digest_size=8).hexdigest(),
    ]


def encode_facts(record: FileRecord) -> RawFacts:
    facts = record.facts
    strings = [facts.nomor, facts.nama, facts.unit, facts.area_rb, facts.status]
    return [strings, [list(link) for link in facts.links], facts.marks]


def _days(record: FileRecord) -> list[str | None] | None:
    """The days the record's findings hold on (`FileRecord.holds_on`), as [first, last]."""
    summary, judged = record.summary, record.judged
    if summary is None:
        return None
    dues = [d for d in (summary.monitoring_due, summary.evaluation_due) if d is not None]
    first = max((d + dt.timedelta(days=1) for d in dues if d < judged), default=None)
    last = min((d for d in dues if d >= judged), default=None)
    return [first.isoformat() if first else None, last.isoformat() if last else None]


@dataclass(frozen=True)
class Linted:
    """What lint reports on, from an outcome: the linted files' own findings (not waived
    yet), the cross-file findings in them, the waivers of the files these are in (by shown
    name; none for most files), and the linted files' G001 dates."""

    own: list[Finding]
    across: list[Finding]
    waivers: dict[str, list[Waiver]]
    dated: list[Dated]


def linted(
    outcome: Outcome, chosen: Sequence[int], shown: Sequence[str], anywhere: tuple[str, ...]
) -> Linted:
    """The `chosen` files (indexes) as lint reports on them; cross-file findings with a code
    in `anywhere` are taken from every file."""
    entries, picked = outcome.entries, set(chosen)
    try:
        across = [
            (index, Finding(shown[index], int(a), int(b), known_code(c), dict(d)))
            for index, a, b, c, d in outcome.across
            if index in picked or c in anywhere
        ]
        own = [
            Finding(shown[i], int(a), int(b), known_code(c), dict(d))
            for i in chosen
            for a, b, c, d in entries[i][2]
        ]
        waived = picked | {index for index, _ in across}
        waivers = {
            shown[i]: [decode_waiver(w) for w in entries[i][3]] for i in waived if entries[i][3]
        }
        dated = [_dated(entries[i], shown[i]) for i in chosen if entries[i][4] is not None]
    except _BROKEN as exc:
        raise Damaged(str(exc)) from exc
    return Linted(own, [item for _, item in across], waivers, dated)


def _dated(entry: Entry, shown: str) -> Dated:
    field, date, line, column = entry[4]
    return Dated(entry[0], shown, str(field), dt.date.fromisoformat(date), (line, column))


def facts_in(raw: Sequence[RawFacts], shown: Sequence[str]) -> list[Facts]:
    """Facts for cross-file rules (`shown`: the files' names by index)."""
    from sopctl.lint.rules.context import Facts

    found = []
    try:
        for (strings, links, marks), name in zip(raw, shown, strict=True):
            nomor, nama, unit, area_rb, status = _texts(strings)
            found.append(
                Facts(
                    name,
                    nomor,
                    nama,
                    unit,
                    area_rb,
                    status,
                    tuple([(_text(number), line, column) for number, line, column in links]),
                    {key: (line, column) for key, (line, column) in marks.items()},
                )
            )
    except _BROKEN as exc:
        raise Damaged(str(exc)) from exc
    return found


def _texts(values: list[Any]) -> list[Any]:
    if not all(value is None or isinstance(value, str) for value in values):
        raise TypeError("text expected")
    return values


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value
