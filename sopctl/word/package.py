"""Opening a Word file as untrusted input: sizes capped, old and encrypted formats named,
XML parsed without DTDs, entities or network, and nothing outside the main part followed."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 50 * 1024 * 1024  # a Word SOP with scanned logos is a few MB
MAX_PART_BYTES = 16 * 1024 * 1024  # document.xml of a 40-page booklet is ~2 MB
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all parts together, as the archive declares them
MAX_MEMBERS = 2000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 compound file: .doc, or encrypted .docx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
MAIN = "word/document.xml"
CORE = "docProps/core.xml"


@dataclass
class WordError(Exception):
    """A file that cannot be imported; `key` names the phrase (text/phrases.py) that says why."""

    key: str
    details: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.key


@dataclass(frozen=True)
class Package:
    """The parts of a Word file that the importer reads."""

    document: Any  # the root element of word/document.xml
    keywords: str  # docProps/core.xml <cp:keywords>, "" when absent


def open_package(path: Path) -> Package:
    """Read `path` as a .docx; every reason it cannot be read is a WordError."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise WordError("impor_unreadable", {"detail": exc.strerror or str(exc)}) from exc
    if size > MAX_FILE_BYTES:
        raise WordError("impor_too_big", {"limit": MAX_FILE_BYTES // (1024 * 1024)})
    if head.startswith(_OLE):
        raise WordError("impor_encrypted" if _is_encrypted(path) else "impor_old_doc")
    if not head.startswith(b"PK"):
        raise WordError("impor_not_docx")
    try:
        with zipfile.ZipFile(path) as archive:
            return _read_parts(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise WordError("impor_not_docx") from exc
    except NotImplementedError as exc:  # an unknown compression method
        raise WordError("impor_not_docx") from exc


def _is_encrypted(path: Path) -> bool:
    with path.open("rb") as handle:
        return _ENCRYPTED in handle.read(1024 * 1024)


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse a package whose parts would unpack beyond the caps (zipfile never inflates a
    part past the size it declares, so the declared sizes bound the work)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise WordError("impor_too_big", {"limit": MAX_TOTAL_BYTES // (1024 * 1024)})


def _read_parts(archive: zipfile.ZipFile) -> Package:
    check_archive(archive)
    names = {member.filename for member in archive.infolist()}
    if MAIN not in names:
        raise WordError("impor_not_docx")
    document = parse_xml(_read_capped(archive, MAIN))
    keywords = ""
    if CORE in names:
        core = parse_xml(_read_capped(archive, CORE))
        found = core.find(
            "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords"
        )
        keywords = (found.text or "") if found is not None else ""
    return Package(document, keywords)


def _read_capped(archive: zipfile.ZipFile, name: str) -> bytes:
    """The part's bytes, stopping at the cap whatever size the archive claims (zip bombs)."""
    with archive.open(name) as handle:
        data = handle.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise WordError("impor_too_big", {"limit": MAX_PART_BYTES // (1024 * 1024)})
    return data


def parse_xml(data: bytes) -> Any:
    """An XML part parsed safely: no DTD loaded, no entity expanded, no network."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise WordError("impor_bad_xml", {"detail": str(exc)}) from exc
    if root.getroottree().docinfo.doctype:  # OOXML parts never declare one
        raise WordError("impor_bad_xml", {"detail": "DOCTYPE"})
    return root
