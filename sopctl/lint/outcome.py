"""The outcome of the last whole-catalog lint, kept in `.sopctl-cache/outcome.json`, so that
a warm lint reads one small file and no SOP, and a lint after a few edits parses those files
only (issue 17: 50,000 SOPs in about a second).

A file's own findings depend on its bytes, the settings and the day (due dates); cross-file
findings on the facts of every file. The outcome keeps, for each file of the last run, its
stamp, its own findings (not yet waived), its waivers, its facts' digest, its G001 date and
the days its findings hold on (all in `sopctl.lint.codec`'s form); the cross-file findings of
the whole catalog; and the stamp of every folder the catalog's walk listed, so that while no
folder changed the walk is not made again. A file whose stamp vouches for it
(`store.vouches`) on a day its findings hold on is *fresh*: nothing of it is read.
Cross-file findings are reused only when the same files are all fresh, or when the facts of
the files read again are what they were (the facts themselves are in `facts.json`).

The outcome is keyed by sopctl, the settings and the working folder (findings name files as
seen from it). JSON, never pickle (the folder lives in the user's repository); anything
unreadable raises `Damaged`, and lint then works without it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sopctl.catalog.config import CONFIG_NAME
from sopctl.catalog.folder import Catalog
from sopctl.lint.codec import (
    BROKEN,
    Encoded,
    RawFacts,
    decode_dated,
    decode_facts,
    decode_findings,
    decode_waivers,
    dumps,
)
from sopctl.lint.findings import Finding, known_code
from sopctl.lint.revision_dates import Dated
from sopctl.lint.store import RACY_NS, Stamp, cache_key, read_in_cache, save_in_cache
from sopctl.lint.waivers import Waiver

if TYPE_CHECKING:
    from sopctl.lint.rules.context import Facts

OUTCOME_FILE = "outcome.json"
FACTS_FILE = "facts.json"  # apart: read only when cross-file rules must run again
FORMAT = 4  # 4: with the nested catalogs the walk stopped at
Entry = list[Any]  # [name, stamp, own findings, waivers, G001 date, days, facts' digest]
_BROKEN = BROKEN


class Damaged(Exception):
    """An outcome file is not what this version writes."""


@dataclass
class Outcome:
    """`entries` of every file, in lint's order: the `walked` files the catalog's walk found,
    then files named outside it; `across`: [file index, line, column, code, args] of each
    cross-file finding; `token` pairs the outcome with its facts file; `folders`: [path,
    mtime, ctime, inode] of each folder the walk listed, stamped before it was listed;
    `nested`: the folders among them it stopped at, catalogs of their own."""

    key: str
    cwd: str
    written_ns: int
    token: str
    entries: list[Entry]
    across: list[list[Any]]
    folders: list[list[Any]] = field(default_factory=list)
    walked: int = 0
    nested: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [entry[0] for entry in self.entries]

    def walk(self, root: str) -> list[str] | None:
        """What walking the catalog at `root` would find now, when no folder it listed has
        changed since (adding, removing or renaming a file changes its folder's stamp, and
        so does adding or removing a `sopctl.toml`: `nested` holds too); None when some
        folder did, or its stamp cannot vouch for it (as for files)."""
        limit = self.written_ns - RACY_NS
        inside = os.path.join(root, "")
        try:
            if not self.folders or self.folders[0][0] != root:
                return None
            listed = {folder[0] for folder in self.folders} if self.nested else set()
            if not all(_nested_catalog(name, root, listed) for name in self.nested):
                return None
            for folder, mtime, ctime, inode in self.folders:
                if not (folder == root or folder.startswith(inside)) or max(mtime, ctime) >= limit:
                    return None
                info = os.lstat(folder)
                if (info.st_mtime_ns, info.st_ctime_ns, info.st_ino) != (mtime, ctime, inode):
                    return None
            return [entry[0] for entry in self.entries[: self.walked]]
        except OSError:
            return None
        except _BROKEN as exc:
            raise Damaged(str(exc)) from exc

    def fresh(self, stamps: dict[str, Stamp | None], today: dt.date) -> dict[str, int]:
        """The index of each entry, by file name, whose file (now stamped `stamps`) is
        unchanged since and whose findings hold on `today`."""
        day = today.isoformat()
        limit = self.written_ns - RACY_NS  # `vouches`, for many stamps
        found: dict[str, int] = {}
        try:
            for index, entry in enumerate(self.entries):
                stamp = stamps.get(entry[0])
                if stamp is None or stamp[1] >= limit or stamp[2] >= limit:
                    continue
                if tuple(entry[1]) != stamp:
                    continue
                days = entry[5]
                if days is not None:
                    first, last = days
                    if (first is not None and day < first) or (last is not None and last < day):
                        continue
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


def _nested_catalog(name: str, root: str, listed: set[str]) -> bool:
    """Whether `name`, kept as a catalog nested in `root`, is one: a folder the walk listed,
    below `root`, holding a `sopctl.toml` (never `root` itself, which would be linted again
    and again)."""
    inside = name.startswith(os.path.join(root, ""))
    return name in listed and inside and os.path.isfile(os.path.join(name, CONFIG_NAME))


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
        folders, walked, nested = raw["folders"], int(raw["walked"]), raw["nested"]
        if not isinstance(folders, list) or not 0 <= walked <= len(entries):
            return None
        if not isinstance(nested, list) or not all(isinstance(n, str) for n in nested):
            return None
        written, token = int(raw["written_ns"]), str(raw["token"])
        walk = (folders, walked, nested)
        return Outcome(raw["key"], cwd, written, token, entries, across, *walk)
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
        "folders": outcome.folders,
        "walked": outcome.walked,
        "nested": outcome.nested,
        "entries": outcome.entries,
        "across": outcome.across,
    }
    save_in_cache(catalog, OUTCOME_FILE, _json(body))


def _json(value: object) -> bytes:
    return dumps(value).encode("utf-8")


def new_outcome(
    catalog: Catalog,
    cwd: str,
    entries: list[Entry],
    across: Sequence[Finding],
    shown: Sequence[str],
    walk: tuple[list[list[Any]], int, list[str]],
) -> Outcome:
    """The outcome of `entries`, with `across` by file index (`shown`: names by index) and
    the `walk` that found them: the folders it listed, how many files it found and the
    nested catalogs it stopped at."""
    index = {name: position for position, name in enumerate(shown)}
    coded = [[index[f.path], f.line, f.column, f.code, f.args] for f in across]
    return Outcome(cache_key(catalog, FORMAT), cwd, 0, "", entries, coded, *walk)


def encode_entry(name: str, stamp: Stamp | None, read: Encoded) -> Entry:
    """The entry of a file read with `stamp` into `read`."""
    stamp_ = None if stamp is None else list(stamp)
    return [name, stamp_, read.findings, read.waivers, read.dated, read.days, read.digest]


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
        own = [f for i in chosen for f in decode_findings(entries[i][2], shown[i])]
        waived = picked | {index for index, _ in across}
        waivers = {shown[i]: decode_waivers(entries[i][3]) for i in waived if entries[i][3]}
        dated = [
            decode_dated(entries[i][4], entries[i][0], shown[i])
            for i in chosen
            if entries[i][4] is not None
        ]
    except _BROKEN as exc:
        raise Damaged(str(exc)) from exc
    return Linted(own, [item for _, item in across], waivers, dated)


def facts_in(raw: Sequence[RawFacts], shown: Sequence[str]) -> list[Facts]:
    """Facts for cross-file rules (`shown`: the files' names by index)."""
    try:
        return [decode_facts(facts, name) for facts, name in zip(raw, shown, strict=True)]
    except _BROKEN as exc:
        raise Damaged(str(exc)) from exc
