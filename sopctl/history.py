"""An SOP's history from git: its revisions (riwayat), and enacted SOPs changed after their
revision date (lint code G001)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sopctl import git
from sopctl.findings import Finding, finding
from sopctl.scan import FileRecord
from sopctl.semdiff import SopDiff, compare_sop
from sopctl.yamlio import parse_text

RECORDS = ("monitoring", "evaluasi")  # adding a record does not revise the SOP


@dataclass(frozen=True)
class Revision:
    """One commit that touched the SOP file; `diff` is empty when the commit created it."""

    commit: str
    date: dt.date
    author: str
    subject: str
    path: str  # relative to the repository, as it was in this commit
    old_path: str | None  # the name before, when this commit renamed the file
    created: bool
    diff: SopDiff

    @property
    def short(self) -> str:
        return self.commit[:7]


def revisions(path: Path) -> list[Revision]:
    """The commits that touched `path`, newest first, following renames."""
    top = git.top_level(path)
    relative = path.resolve().relative_to(top).as_posix()
    touched = [(c, c.files[0]) for c in git.log(top, "--follow", "--", relative) if c.files]
    specs = []
    for commit, change in touched:
        specs.append(f"{commit.hash}:{change.path}")
        if change.status != "A":
            specs.append(f"{commit.hash}^:{change.old or change.path}")
    texts = git.read_blobs(top, specs)
    return [_revision(commit, change, texts) for commit, change in touched]


def _revision(commit: git.Commit, change: git.FileChange, texts: dict[str, str | None]) -> Revision:
    after = _data(texts.get(f"{commit.hash}:{change.path}"))
    created = change.status in "AC"
    before = None if created else _data(texts.get(f"{commit.hash}^:{change.old or change.path}"))
    diff = SopDiff() if created else compare_sop(before, after)
    renamed = change.old if change.status == "R" else None
    return Revision(
        commit.hash, commit.date, commit.author, commit.subject, change.path, renamed, created, diff
    )


def revision_rows(path: Path) -> list[Revision]:
    """`revisions`, or nothing when the file is not in a git repository (for rendering)."""
    try:
        return revisions(path)
    except (git.GitError, ValueError):
        return []


def stale_revision_findings(root: Path, items: Sequence[FileRecord]) -> list[Finding]:
    """G001: an enacted SOP whose content changed in a commit dated after its revision date
    (or its effective date, when it has no revision date), without the date being updated.

    One `git log` for the whole catalog; file contents are read only for the commits that
    come after an SOP's date. The commit that adds a file is not a change, nor are commits
    that only add monitoring or evaluation records, reformat the file, or change a draft.
    """
    dated = [(item, _reference(item)) for item in items]
    candidates = [(item, ref) for item, ref in dated if ref is not None]
    top = _repository(root) if candidates else None
    if top is None:
        return []
    under = root.resolve().relative_to(top).as_posix()
    edits = _edits(git.log(top, "--no-merges", "--", under))
    late = {item.path: _late_edits(item, ref[1], top, edits) for item, ref in candidates}
    specs = [
        spec for found in late.values() for edit in found for spec in (edit.after, edit.before)
    ]
    texts = git.read_blobs(top, specs)
    found = []
    for item, (key, date) in candidates:
        edit = next((e for e in _meaningful(late[item.path], texts)), None)
        if edit is not None:
            at = item.summary.at(f"tanggal.{key}") if item.summary else (1, 1)
            found.append(
                finding(
                    item.shown,
                    at,
                    "G001",
                    field=key,
                    tanggal=date.isoformat(),
                    commit=edit.commit.hash[:7],
                    date=edit.commit.date.isoformat(),
                    subject=edit.commit.subject,
                )
            )
    return found


def _repository(root: Path) -> Path | None:
    try:
        return git.find_top(root)
    except git.GitError:  # git not installed: lint works without it, minus this check
        return None


def _reference(item: FileRecord) -> tuple[str, dt.date] | None:
    summary = item.summary
    if summary is None or not summary.valid or item.facts.status != "ditetapkan":
        return None
    for key in ("revisi", "efektif"):
        if key in summary.tanggal:
            return key, summary.tanggal[key]
    return None


@dataclass(frozen=True)
class _Edit:
    commit: git.Commit
    after: str  # REVISION:PATH of the file in the commit
    before: str  # REVISION:PATH of the file in its parent


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


def _late_edits(
    item: FileRecord, date: dt.date, top: Path, edits: dict[str, list[_Edit]]
) -> list[_Edit]:
    try:
        relative = item.path.resolve().relative_to(top).as_posix()
    except ValueError:
        return []
    return [edit for edit in edits.get(relative, []) if edit.commit.date > date]


def _meaningful(late: list[_Edit], texts: dict[str, str | None]) -> list[_Edit]:
    """The newest edit that revised the enacted SOP's content while keeping its dates."""
    for edit in late:
        before, after = _data(texts.get(edit.before)), _data(texts.get(edit.after))
        if not isinstance(before, dict) or not isinstance(after, dict):
            continue
        if before.get("status") != "ditetapkan" or before.get("tanggal") != after.get("tanggal"):
            return []  # enacted or re-dated here: later edits were already judged
        if _content(before) != _content(after):
            return [edit]
    return []


def _content(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in RECORDS}


def _data(text: str | None) -> Any:
    return parse_text(text.removeprefix("\ufeff")).data if text is not None else None
