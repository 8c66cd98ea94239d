"""An SOP's history from git: its revisions (`sopctl riwayat`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sopctl.history import git
from sopctl.history.compare import SopDiff, compare_sop
from sopctl.sop.yamlio import parse_text


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


def _data(text: str | None) -> Any:
    return parse_text(text.removeprefix("\ufeff")).data if text is not None else None
