"""Reading the values of a Word SOP's cells: dates in Indonesian, the signature block, list
items without their bullets, links to other SOPs, and decision targets in labels."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "feb", "pebruari", "february"),
            ("maret", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("agustus", "agu", "agt", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov", "nopember", "nop"),
            ("desember", "des", "dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WORDS_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_BULLET = re.compile(r"^\s*(?:[-–—•·▪●o*]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])\s+")
_NIP = re.compile(r"\bNIP\b\.?\s*:?\s*([\d\s]*)", re.IGNORECASE)
_SIGNATURE = re.compile(r"^\(?\s*(tanda\s*tangan|ttd|cap|stempel)", re.IGNORECASE)
_HUBUNGAN = re.compile(r"\((prasyarat|lanjutan|terkait)\)\s*$", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(r"^\S*\d\S*/\S+")
_TARGET = {
    "ya": re.compile(r"\b(?:ya|yes|y)\b\D{0,24}?(\d{1,3})\b", re.IGNORECASE),
    "tidak": re.compile(r"\b(?:tidak|no|t)\b\D{0,24}?(\d{1,3})\b", re.IGNORECASE),
    "lanjut": re.compile(r"\b(?:lanjut|ke langkah|menuju)\b\D{0,16}?(\d{1,3})\b", re.IGNORECASE),
}
_WRITTEN = {  # in the Keterangan column: "Jika tidak lengkap, kembali ke langkah 1"
    "ya": re.compile(
        r"\b(?:jika|bila|apabila)\s+(?:ya|sudah|lengkap|sesuai|benar)\b[^.;]{0,40}?"
        r"\blangkah\s+(?:no\.?\s*)?(\d{1,3})\b",
        re.IGNORECASE,
    ),
    "tidak": re.compile(
        r"\b(?:jika|bila|apabila)\s+(?:tidak|belum)\b[^.;]{0,40}?"
        r"\blangkah\s+(?:no\.?\s*)?(\d{1,3})\b",
        re.IGNORECASE,
    ),
}
EMPTY = {"", "-", "–", "—", "tidak ada", "nihil", "n/a", "belum disahkan"}


def read_date(text: str) -> dt.date | None:
    """`7 Februari 2022`, `07-02-2022`, `07/02/2022` or `2022-02-07`; None otherwise."""
    text = " ".join(text.replace(",", " ").split())
    try:
        if match := _WORDS_DATE.match(text):
            month = MONTHS.get(match.group(2).lower())
            if month is None:
                return None
            return dt.date(int(match.group(3)), month, int(match.group(1)))
        if match := _ISO_DATE.match(text):
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match := _DMY_DATE.match(text):
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:  # 31 Februari
        return None
    return None


def items(paragraphs: Iterable[str]) -> list[str]:
    """List items without bullets or numbers; `-` and `tidak ada` mean no item."""
    found = [_BULLET.sub("", p).strip() for p in paragraphs]
    return [item for item in found if item.lower() not in EMPTY]


@dataclass(frozen=True)
class Signer:
    """What the `Disahkan oleh` cell says; `nip` is 18 digits or "" when not readable."""

    jabatan: str
    nama: str
    nip: str


def read_signer(paragraphs: Sequence[str]) -> Signer | None:
    """Jabatan lines, then (after the space for signature and stamp) the name, then the NIP."""
    lines = [p for p in paragraphs if p.strip()]
    if not lines or all(line.lower() in EMPTY for line in lines):
        return None
    nip_at = next((i for i, line in enumerate(lines) if _NIP.search(line)), None)
    nip = ""
    if nip_at is not None:
        match = _NIP.search(lines[nip_at])
        digits = re.sub(r"\s", "", match.group(1)) if match else ""
        nip = digits if len(digits) == 18 else ""
    before = lines[:nip_at] if nip_at is not None else lines
    kept = [line for line in before if not _SIGNATURE.match(line)]
    gap = next((i for i, line in enumerate(before) if _SIGNATURE.match(line)), None)
    if gap is not None:
        jabatan = [line for line in before[:gap]]
        names = [line for line in before[gap + 1 :] if not _SIGNATURE.match(line)]
    else:
        jabatan, names = kept[:-1], kept[-1:]
    return Signer(" ".join(jabatan).strip(), " ".join(names).strip(), nip)


@dataclass(frozen=True)
class Link:
    nomor: str | None  # None when no number could be read
    text: str
    hubungan: str


def read_link(text: str) -> Link:
    """`002/SOP/... Judul (lanjutan)`: the number (first token with a digit and a `/`)."""
    hubungan = "terkait"
    if match := _HUBUNGAN.search(text):
        hubungan = match.group(1).lower()
        text = text[: match.start()].strip()
    token = text.split(" ", 1)[0]
    nomor = token if _NUMBER_TOKEN.match(token) else None
    return Link(nomor, text, hubungan)


def target(kind: str, texts: Iterable[str]) -> int | None:
    """The step number a label names for `kind` (ya, tidak, lanjut), if one does."""
    for text in texts:
        if match := _TARGET[kind].search(text):
            return int(match.group(1))
    return None


def written_target(kind: str, text: str) -> int | None:
    """The step a sentence such as `Jika tidak lengkap, kembali ke langkah 1` names."""
    match = _WRITTEN[kind].search(text)
    return int(match.group(1)) if match else None


def tidy_nomor(text: str) -> str:
    """`001 / SOP / SDM / 2022` -> `001/SOP/SDM/2022`."""
    return re.sub(r"\s*/\s*", "/", " ".join(text.split()))
