"""Lint code G001: an enacted SOP whose content changed in a commit dated after its revision
date (or its effective date, when it has none), without the date being updated.

Not a plain rule, since it reads git history: lint runs it only when asked (`checks`), and
it does nothing (and runs no git) outside a git repository, or without git. The commit that
adds a file is not a change, nor are commits that only add monitoring or evaluation records,
reformat the file or change a draft.

Speed: one `git log` for the whole catalog. File versions are read only for SOPs with commits
dated after their date: first the versions before and after all those commits (when only
records differ, that settles it, without parsing), then, for the rest, the version before
and after each of those commits. Each verdict is remembered in `.sopctl-cache/g001.json` under the
newest such commit, which can never mean anything else; later runs only read the log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sopctl.history import git
from sopctl.lint.findings import Finding, finding
from sopctl.lint.store import CACHE_DIR, cache_trusted

if TYPE_CHECKING:
    from sopctl.lint.scan import FileRecord

RECORDS = ("monitoring", "evaluasi", "revisi")  # adding a record does not revise the SOP
MEMO_FILE = "g001.json"
Verdict = list[str] | None  # the commit that changed the content: [hash, date, subject]


class Dated(NamedTuple):  # a tuple: lint makes one per enacted SOP, 16,000 in a national run
    """What G001 reads of an enacted SOP: its file, and the date (`field`: revisi, else
    efektif) that content changes must not postdate, at line and column `at`."""

    path: str  # absolute
    shown: str
    field: str
    date: dt.date
    at: tuple[int, int]


def dated_of(item: FileRecord) -> Dated | None:
    """The record's reference date, when G001 applies to it (a valid, enacted SOP)."""
    summary = item.summary
    if summary is None or not summary.valid or item.facts.status != "ditetapkan":
        return None
    for key in ("revisi", "efektif"):
        if key in summary.tanggal:
            at = summary.at(f"tanggal.{key}")
            return Dated(str(item.path), item.shown, key, summary.tanggal[key], at)
    return None


@dataclass(frozen=True)
class _Edit:
    commit: git.Commit
    after: str  # REVISION:PATH of the file in the commit
    before: str  # REVISION:PATH of the file in its parent


def stale_revision_findings(
    root: Path, items: Sequence[Dated], *, remember: bool = True
) -> list[Finding]:
    """G001 findings for `items` (files of the catalog at `root`); `remember` uses the memo.

    Costs nothing outside a git repository, and one `git log` inside one."""
    top = _work_tree(root) if items else None
    if top is None:
        return []
    under = root.resolve().relative_to(top).as_posix()
    try:
        edits = _edits(git.log(top, "--no-merges", "--", under))
    except git.GitError:  # not a repository after all, or no git: lint works without G001
        return []
    if not edits:
        return []  # no file of the catalog was ever edited after it was added
    late = {item.path: _late_edits(item, top, edits) for item in items}
    keys = {path: _memo_key(found) for path, found in late.items() if found}
    memo = _load(root) if remember else {}
    pending = [(keys[p], found) for p, found in late.items() if found and keys[p] not in memo]
    _judge(pending, top, memo)
    kept = {key: memo[key] for key in keys.values()}
    if remember and (pending or len(kept) != len(memo)):
        _save(root, kept)
    verdicts = [(item, memo.get(keys[item.path])) for item in items if item.path in keys]
    return [_finding(item, verdict) for item, verdict in verdicts if verdict is not None]


def _finding(item: Dated, verdict: list[str]) -> Finding:
    hash_, when, subject = verdict
    return finding(
        item.shown,
        item.at,
        "G001",
        field=item.field,
        tanggal=item.date.isoformat(),
        commit=hash_[:7],
        date=when,
        subject=subject,
    )


def _judge(pending: list[tuple[str, list[_Edit]]], top: Path, memo: dict[str, Verdict]) -> None:
    """Fill in `memo` for each (key, late edits), reading as few file versions as possible."""
    ends = git.read_blobs(top, [spec for _, late in pending for spec in _ends(late)])
    unsettled = []
    for key, late in pending:
        old, new = (ends.get(spec) for spec in _ends(late))
        if old is not None and new is not None and _records_only(old, new):
            memo[key] = None  # the usual case: only records were added since the date
        else:
            unsettled.append((key, late))
    specs = [spec for _, late in unsettled for edit in late for spec in (edit.after, edit.before)]
    texts = git.read_blobs(top, specs)
    parsed: dict[str, Any] = {}  # a blob is the "after" of one edit and the "before" of the next
    for key, late in unsettled:
        edit = _meaningful(late, texts, parsed)
        commit = edit.commit if edit else None
        memo[key] = [commit.hash, commit.date.isoformat(), commit.subject] if commit else None


def _ends(late: list[_Edit]) -> tuple[str, str]:
    """The file as it was before the first late edit, and after the last one."""
    return late[-1].before, late[0].after


def _work_tree(root: Path) -> Path | None:
    """The top of the git work tree holding `root` (the nearest folder with a `.git`, as git
    finds it), told without running git; None outside any."""
    here = root.resolve()
    return next((folder for folder in (here, *here.parents) if (folder / ".git").exists()), None)


def _edits(commits: Sequence[git.Commit]) -> dict[str, list[_Edit]]:
    """Content edits of each file (by its current path), newest first, following renames."""
    current: dict[str, str | None] = {}  # path in older history -> path today (None: gone)
    edits: dict[str, list[_Edit]] = {}
    for commit in commits:
        for change in commit.files:
            today = current.get(change.path, change.path)
            edited = change.status in "MT" or (change.status == "R" and not change.same)
            if edited and today is not None:
                before = f"{commit.hash}^:{change.old or change.path}"
                edit = _Edit(commit, f"{commit.hash}:{change.path}", before)
                edits.setdefault(today, []).append(edit)
            if change.status == "R" and change.old is not None:
                current[change.old] = today
            if change.status in "RAC":
                current[change.path] = None  # older history of this path is another file
    return edits


def _late_edits(item: Dated, top: Path, edits: dict[str, list[_Edit]]) -> list[_Edit]:
    prefix = os.path.join(str(top), "")
    if item.path.startswith(prefix):  # absolute under the (resolved) root: no need to ask
        relative = item.path[len(prefix) :].replace(os.sep, "/")
    else:
        try:
            relative = Path(item.path).resolve().relative_to(top).as_posix()
        except ValueError:
            return []
    return [edit for edit in edits.get(relative, []) if edit.commit.date > item.date]


def _memo_key(late: list[_Edit]) -> str:
    # the newest commit fixes every older one, and so the whole verdict; the date fixes `late`
    return f"{late[0].after}\0{late[-1].commit.hash}\0{len(late)}"


def _meaningful(
    late: list[_Edit], texts: dict[str, str | None], parsed: dict[str, Any]
) -> _Edit | None:
    """The newest edit that revised the enacted SOP's content while keeping its dates."""
    for edit in late:
        old, new = texts.get(edit.before), texts.get(edit.after)
        if old is None or new is None or _records_only(old, new):
            continue
        before, after = _parsed(old, parsed), _parsed(new, parsed)
        if not isinstance(before, dict) or not isinstance(after, dict):
            continue
        if before.get("status") != "ditetapkan" or before.get("tanggal") != after.get("tanggal"):
            return None  # enacted or re-dated here: later edits were already judged
        if _content(before) != _content(after):
            return edit
    return None


def _parsed(text: str, parsed: dict[str, Any]) -> Any:
    from sopctl.sop.yamlio import parse_text

    if text not in parsed:
        parsed[text] = parse_text(text.removeprefix("\ufeff")).data
    return parsed[text]


def _content(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in RECORDS}


_TOP_KEY = re.compile(r"^(?=[a-z_]+:(?:[ \t]|$))", re.MULTILINE)
_OTHER_COLUMN_0 = re.compile(r"^(?![ \t]|[a-z_]+:(?:[ \t]|$)|#|-[ \t]|-$|$)", re.MULTILINE)


def _records_only(old: str, new: str) -> bool:
    """Whether an edit touched nothing but the monitoring and evaluation records, told from the
    text alone: adding a record is the most common edit of an enacted SOP, and parsing every
    version of every file would be slow."""
    before, after = _sections(old), _sections(new)
    if before is None or after is None:
        return False
    keys = (before.keys() | after.keys()) - set(RECORDS)
    return all(before.get(key) == after.get(key) for key in keys)


def _sections(text: str) -> dict[str, str] | None:
    """The text under each top-level key of a block-style SOP file. In such a file a line that
    starts in column 0 is a key, a comment or a list item, since YAML indents everything else;
    None when the file is laid out otherwise (flow style, unknown keys), to parse it instead."""
    from sopctl.sop.model import KEY_ORDER

    if _OTHER_COLUMN_0.search(text.replace("\r\n", "\n")):
        return None
    parts = _TOP_KEY.split(text.replace("\r\n", "\n"))[1:]  # [0]: comments above the first key
    sections = {part.split(":", 1)[0]: part for part in parts}
    if len(sections) != len(parts) or not sections.keys() <= set(KEY_ORDER):
        return None
    return sections


def _load(root: Path) -> dict[str, Verdict]:
    if not cache_trusted(root):
        return {}
    try:
        raw = json.loads((root / CACHE_DIR / MEMO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return (
        {k: v for k, v in raw.items() if v is None or _is_verdict(v)}
        if isinstance(raw, dict)
        else {}
    )


def _is_verdict(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 3 and all(isinstance(v, str) for v in value)


def _save(root: Path, memo: dict[str, Verdict]) -> None:
    """Keep the verdicts of this run only (so the file never grows); failing to write is fine."""
    from sopctl.sop.yamlio import write_atomic

    if not cache_trusted(root):
        return
    folder = root / CACHE_DIR
    with contextlib.suppress(OSError):
        folder.mkdir(exist_ok=True)
        write_atomic(folder / MEMO_FILE, json.dumps(memo, ensure_ascii=False))
