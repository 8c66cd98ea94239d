"""The folder `<catalog>/.sopctl-cache/`: what its files are keyed by, how they are written,
and the stamps that tell, without reading a file, that it has not changed.

Light on purpose: the warm paths of lint start here and must not import the parser.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import stat
import subprocess
import tempfile
from pathlib import Path

from sopctl.catalog.folder import Catalog

CACHE_DIR = ".sopctl-cache"
RACY_NS = 3_000_000_000  # files changed this close to a cache's writing are not trusted by stamp
Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def cache_key(catalog: Catalog, format_: int) -> str:
    """What every cached result depends on besides its files: the cache file's `format_`,
    sopctl itself (its version and the content of its source files, never their mtimes, so
    that a CI cache restored on a fresh machine with the same install still hits) and the
    catalog's settings."""
    text = f"{format_}\0{_package_digest()}\0{catalog.config!r}"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@functools.cache
def _package_digest() -> str:
    """sopctl's version and a digest of its source files' names and bytes (about 3 ms)."""
    from sopctl import __version__

    package = Path(__file__).parent.parent  # the sopctl package
    digest = hashlib.blake2b(__version__.encode("utf-8"), digest_size=16)
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_trusted(root: Path) -> bool:
    """Whether `<root>/.sopctl-cache` may be read and written.

    Every file of a pull request may come from an attacker, so the folder is trusted only for
    where it comes from, never for what it holds: not when it is a symlink or resolves outside
    the catalog (lint would write elsewhere), and not when git tracks any file in it (a cache
    committed to the repository is a forgery as far as sopctl knows: it would vouch for files
    it never saw). A missing folder is trusted: sopctl creates it.
    """
    folder = root / CACHE_DIR
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):  # a symlink, or not a folder at all
        return False
    try:
        Path(os.path.realpath(folder)).relative_to(os.path.realpath(root))
    except (ValueError, OSError):
        return False
    return not _tracked(os.path.realpath(root), info.st_dev, info.st_ino)


@functools.cache
def _tracked(root: str, device: int, inode: int) -> bool:
    """Whether git tracks a file in the cache folder (asked once per process and folder, the
    folder known by its `device` and `inode`; git is not run outside a repository)."""
    here = Path(root)
    if not any((folder / ".git").exists() for folder in (here, *here.parents)):
        return False
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--", CACHE_DIR],
            cwd=root,
            capture_output=True,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
            check=False,
        )
    except OSError:  # no git: then no clone either, and nothing can be tracked
        return False
    return done.returncode == 0 and bool(done.stdout)


def read_in_cache(catalog: Catalog, name: str) -> bytes:
    """The bytes of one cache file; `OSError` when missing or when the folder is not
    trusted (`cache_trusted`), which every reader already treats as "no cache"."""
    if not cache_trusted(catalog.root):
        raise PermissionError(f"{CACHE_DIR}: not trusted")
    return (cache_folder(catalog) / name).read_bytes()


def cache_folder(catalog: Catalog) -> Path:
    return catalog.root / CACHE_DIR


def file_stamp(path: str | Path) -> Stamp | None:
    """Size, mtime, ctime (which no tool can set back) and inode of a regular file; None for
    links and unreadable paths (never cached: a link's target may lie outside the catalog)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def vouches(stamp: Stamp, written_ns: int) -> bool:
    """Whether an unchanged stamp proves unchanged content: the file was last changed well
    before the cache was written (as git does for its index), so a later edit within the
    clock's granularity cannot hide behind the same stamp."""
    return max(stamp[1], stamp[2]) < written_ns - RACY_NS


def save_in_cache(catalog: Catalog, name: str, data: bytes) -> None:
    """Write one cache file in one step; a failure to write is not the user's problem."""
    if not cache_trusted(catalog.root):
        return
    folder = cache_folder(catalog)
    with contextlib.suppress(OSError):
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            _write_atomic(ignore, b"# sopctl cache: never commit\n*\n")
        _write_atomic(folder / name, data)


def _write_atomic(path: Path, data: bytes) -> None:
    descriptor, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
