"""The folder `<catalog>/.sopctl-cache/`: what its files are keyed by, how they are written,
and the stamps that tell, without reading a file, that it has not changed.

Light on purpose: the warm paths of lint start here and must not import the parser.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from sopctl.catalog.folder import Catalog

CACHE_DIR = ".sopctl-cache"
RACY_NS = 3_000_000_000  # files changed this close to a cache's writing are not trusted by stamp
Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def cache_key(catalog: Catalog, format_: int) -> str:
    """What every cached result depends on besides its files: the cache file's `format_`,
    sopctl itself (its version, and its source files' stamps for development installs) and
    the catalog's settings."""
    from sopctl import __version__

    package = Path(__file__).parent.parent  # the sopctl package
    sources = sorted(
        (p.relative_to(package).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
        for p in package.rglob("*.py")
    )
    text = f"{format_}\0{__version__}\0{sources}\0{catalog.config!r}"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def content_digest(raw: bytes) -> str:
    """What finds a file's record in the per-file cache: the hash of its bytes."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


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


def make_cache_folder(catalog: Catalog) -> Path | None:
    """The cache folder, made (ignoring itself in git) if it is not there yet; None when it
    cannot be. Lint makes it before walking the catalog, so that making it does not change
    the catalog folder's stamp after the walk stamped it."""
    folder = cache_folder(catalog)
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            _write_atomic(ignore, b"# sopctl cache: never commit\n*\n")
    except OSError:
        return None
    return folder


def save_in_cache(catalog: Catalog, name: str, data: bytes | Iterable[bytes]) -> None:
    """Write one cache file in one step (`data` whole, or in pieces, so that a large file
    is never held twice in memory); a failure to write is not the user's problem."""
    folder = make_cache_folder(catalog)
    if folder is not None:
        with contextlib.suppress(OSError):
            _write_atomic(folder / name, data)


def _write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    descriptor, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while cached results are read and used: they are
    hundreds of thousands of new objects, none in a cycle, and the collector would walk the
    growing heap again and again as they are made (about 0.2 s of a warm list, and more of a
    cold lint's cross-file rules, at 16,500 SOPs)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
