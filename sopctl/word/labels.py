"""The printed labels of the SOP-AP form and their variants, matched on tidied text."""

from __future__ import annotations

import re

IDENTITY: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("nomor", r"^(nomor( sop)?|(no|nmr) sop)$"),
        ("pembuatan", r"^(tanggal|tgl) (pembuatan|dibuat|penyusunan)$"),
        ("revisi", r"^(tanggal|tgl) (revisi|perubahan)$"),
        ("efektif", r"^(tanggal|tgl) (efektif|berlaku|mulai berlaku)$"),
        ("disahkan", r"^(disahkan|ditetapkan|pengesahan)( oleh)?$"),
        ("nama", r"^(nama|judul) sop$"),
        ("dasar_hukum", r"^dasar hukum$"),
        ("kualifikasi", r"^kualifikasi pelaksana$"),
        ("keterkaitan", r"^keterkaitan( dengan sop lain)?$"),
        ("peralatan", r"^(peralatan|perlengkapan)( (dan )?(peralatan|perlengkapan))?$"),
        ("peringatan", r"^peringatan$"),
        ("pencatatan", r"^pencatatan( (dan )?pendataan)?$"),
    )
)
PAIRED = ("dasar_hukum", "kualifikasi", "keterkaitan", "peralatan", "peringatan", "pencatatan")

COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("no", r"^(no|nomor|no urut)$"),
        ("kegiatan", r"^(uraian )?(kegiatan|aktivitas|prosedur)( kegiatan)?$|^uraian$"),
        ("pelaksana", r"^pelaksana$"),
        ("mutu", r"^mutu baku$"),
        ("kelengkapan", r"^(kelengkapan|persyaratan)( ?(dan )?(kelengkapan|persyaratan))?$"),
        ("waktu", r"^waktu$"),
        ("output", r"^(output|keluaran|hasil)$"),
        ("keterangan", r"^(keterangan|ket)$"),
    )
)
_TIDY = re.compile(r"[^a-z0-9/&]+")


def tidy(text: str) -> str:
    """Lower case, punctuation as spaces, `/` spaced: `Peralatan/Perlengkapan:` ->
    `peralatan perlengkapan`."""
    words = _TIDY.sub(" ", text.lower().replace("/", " ").replace("&", " dan ")).split()
    return " ".join(words)


def identity_label(text: str) -> str | None:
    """The identity field a cell's label names, if it is one."""
    return _match(IDENTITY, tidy(text))


def column_label(text: str) -> str | None:
    """The procedure column a header cell names, if it is one."""
    return _match(COLUMNS, tidy(text))


def _match(table: tuple[tuple[str, re.Pattern[str]], ...], tidied: str) -> str | None:
    return next((key for key, pattern in table if pattern.match(tidied)), None)


def split_label(text: str) -> tuple[str | None, str]:
    """`Nomor SOP : 001/...` -> ("nomor", "001/..."); a bare label gives an empty value."""
    key = identity_label(text)
    if key is not None:
        return key, ""
    head, colon, rest = text.partition(":")
    if colon:
        key = identity_label(head)
        if key is not None:
            return key, rest.strip()
    return None, text
