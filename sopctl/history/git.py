"""The one module that runs the `git` program; its failures become clear `SopctlError`s."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sopctl.errors import SopctlError
from sopctl.text.phrases import phrase

LOG_FORMAT = "%x1e%H%x1f%as%x1f%an%x1f%s"  # record separator, then fields split by \x1f


class GitError(SopctlError):
    """git failed, or is not installed."""


class NotARepository(GitError):
    """The folder is not inside a git repository."""


class UnknownRevision(GitError):
    """A branch, tag or commit that git does not know."""


@dataclass(frozen=True)
class FileChange:
    """One file of a commit: status letter (A, M, D, R, C, T), path, and the old path of a
    rename or copy. `same` is true for a rename that left the content unchanged."""

    status: str
    path: str
    old: str | None = None
    same: bool = False


@dataclass(frozen=True)
class Commit:
    hash: str
    date: dt.date  # the author date, as `git log` shows it
    author: str
    subject: str
    files: tuple[FileChange, ...]


def run(cwd: Path, *args: str) -> str:
    """Run `git ARGS` in `cwd` and return its output; failures raise `GitError`."""
    if not cwd.is_dir():
        raise GitError(phrase("folder_not_found", path=cwd), hint=phrase("check_path"))
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            env=_environment(),
            check=False,
        )
    except FileNotFoundError:
        raise _missing() from None
    if done.returncode != 0:
        raise _explain(cwd, args, done.stderr)
    return done.stdout


def _environment() -> dict[str, str]:
    # English messages, so that the failures below can be recognised
    return {**os.environ, "LC_ALL": "C", "LANGUAGE": "", "GIT_TERMINAL_PROMPT": "0"}


def _missing() -> GitError:
    return GitError(phrase("git_missing"), hint=phrase("git_missing_hint"))


def _explain(cwd: Path, args: Sequence[str], stderr: str) -> GitError:
    text = stderr.strip()
    lowered = text.lower()
    if "not a git repository" in lowered:
        return NotARepository(
            phrase("git_not_repository", path=cwd), hint=phrase("git_not_repository_hint")
        )
    if "dubious ownership" in lowered:
        return GitError(
            phrase("git_dubious", path=cwd), hint=f"git config --global --add safe.directory {cwd}"
        )
    unknown = ("unknown revision", "bad revision", "not a valid object name", "ambiguous argument")
    if any(phrase in lowered for phrase in unknown):
        return UnknownRevision(
            phrase("git_unknown_revision", revision=_revision_in(args)),
            hint=phrase("git_revision_hint"),
        )
    first = text.splitlines()[0] if text else phrase("git_no_message")
    return GitError(phrase("git_failed", command=args[0], detail=first))


def _revision_in(args: Sequence[str]) -> str:
    candidates = [a for a in args if not a.startswith("-") and a != "--"]
    return " ".join(candidates[1:]) or " ".join(args)


def find_top(path: Path) -> Path | None:
    """The root of the git work tree holding `path`, or None outside any repository."""
    folder = path if path.is_dir() else path.parent
    try:
        return Path(run(folder, "rev-parse", "--show-toplevel").strip()).resolve()
    except NotARepository:
        return None


def top_level(path: Path) -> Path:
    """Like `find_top`, but outside a repository raise `NotARepository` (exit 2)."""
    folder = path if path.is_dir() else path.parent
    return Path(run(folder, "rev-parse", "--show-toplevel").strip()).resolve()


def commit_of(top: Path, revision: str) -> str:
    """The full hash of the commit `revision` names."""
    found = ""
    if revision and not revision.startswith("-"):  # never let a revision pass as an option
        try:
            found = run(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip()
        except NotARepository:
            raise
        except GitError:
            found = ""
    if not found:
        raise UnknownRevision(
            phrase("git_unknown_revision", revision=revision), hint=phrase("git_revision_hint")
        )
    return found


def merge_base(top: Path, revision: str, other: str = "HEAD") -> str:
    """Where the current branch left `revision`: the base of a pull request."""
    first, second = commit_of(top, revision), commit_of(top, other)
    try:
        return run(top, "merge-base", first, second).strip()
    except GitError:
        raise UnknownRevision(
            phrase("git_no_common_ancestor", revision=revision, other=other),
            hint=phrase("git_fetch_depth_hint"),
        ) from None


def default_branch(top: Path) -> str:
    """origin's default branch (origin/HEAD), else `main`, else `master`."""
    try:
        remote = run(top, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD").strip()
    except GitError:
        remote = ""
    if remote:
        return remote.removeprefix("refs/remotes/")
    for name in ("main", "master"):
        if run(top, "branch", "--list", name).strip():
            return name
    raise UnknownRevision(phrase("git_no_default_branch"), hint=phrase("git_default_branch_hint"))


def changed_files(top: Path, base: str) -> list[Path]:
    """Files added, modified or renamed between `base` and the working tree, plus untracked
    files that are not ignored; deleted files are left out."""
    out = run(top, "diff", "--name-status", "-z", "-M", base, "--")
    changed = [c.path for c in _name_status(out.split("\0")) if c.status != "D"]
    changed += [p for p in run(top, "ls-files", "-z", "--others", "--exclude-standard").split("\0")]
    return [top / p for p in dict.fromkeys(changed) if p]


def tree_files(top: Path, revision: str, under: str) -> list[str]:
    """Paths (relative to the work tree) of the files below `under` at `revision`."""
    spec = [under] if under else []
    out = run(top, "ls-tree", "-r", "-z", "--name-only", "--full-tree", revision, "--", *spec)
    return [p for p in out.split("\0") if p]


def log(top: Path, *args: str) -> list[Commit]:
    """`git log` with the files each commit touched (renames detected), newest first."""
    out = run(top, "log", "-M", f"--format={LOG_FORMAT}", "--name-status", "-z", *args)
    return [_commit(record) for record in out.split("\x1e") if record.strip("\0\n")]


def _commit(record: str) -> Commit:
    header, _, rest = record.partition("\0")
    hash_, date, author, subject = header.split("\x1f", 3)
    files = _name_status(rest.lstrip("\n").split("\0"))
    return Commit(hash_, dt.date.fromisoformat(date), author, subject, tuple(files))


def _name_status(tokens: list[str]) -> list[FileChange]:
    changes: list[FileChange] = []
    index = 0
    while index < len(tokens) and tokens[index].strip():
        status = tokens[index].strip()
        if status[0] in "RC":
            old, new = tokens[index + 1], tokens[index + 2]
            changes.append(FileChange(status[0], new, old, same=status[1:] == "100"))
            index += 3
        else:
            changes.append(FileChange(status[0], tokens[index + 1]))
            index += 2
    return changes


def read_blobs(top: Path, specs: Sequence[str]) -> dict[str, str | None]:
    """The text of each `REVISION:PATH` (None where it does not exist), in one git process."""
    if not specs:
        return {}
    request = "".join(f"{spec}\n" for spec in specs).encode("utf-8")
    try:
        # bytes, not text: the batch protocol frames each blob by its size in bytes
        done = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=top,
            input=request,
            capture_output=True,
            env=_environment(),
            check=False,
        )
    except FileNotFoundError:
        raise _missing() from None
    if done.returncode != 0:
        raise _explain(top, ["cat-file"], done.stderr.decode("utf-8", "replace"))
    return dict(zip(specs, _split_batch(done.stdout), strict=True))


def _split_batch(out: bytes) -> list[str | None]:
    blobs: list[str | None] = []
    at = 0
    while at < len(out):
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if header[-1] in (b"missing", b"ambiguous"):
            blobs.append(None)
            continue
        size = int(header[-1])
        is_blob = header[-2] == b"blob"
        blobs.append(out[at : at + size].decode("utf-8", "replace") if is_blob else None)
        at += size + 1
    return blobs
