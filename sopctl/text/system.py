"""What other programs say (the operating system, libyaml, tomllib, re, dates), in the users'
language.

Their messages arrive in English and stay so where they are stored (findings in the cache keep
the English detail); `foreign(text, lang)` puts the known phrases in Bahasa Indonesia when they
are shown. A phrase not in the tables below is shown as it came: a fact, never hidden."""

from __future__ import annotations

import errno
import functools
import re
from dataclasses import dataclass

# errno -> (Bahasa Indonesia, English); strerror itself differs between systems and locales
OS_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("berkas atau folder tidak ada", "no such file or folder"),
    errno.EACCES: ("izin ditolak", "permission denied"),
    errno.EPERM: ("operasi tidak diizinkan", "operation not permitted"),
    errno.EISDIR: ("ini sebuah folder, bukan berkas", "is a folder, not a file"),
    errno.ENOTDIR: ("bagian path bukan folder", "a part of the path is not a folder"),
    errno.EEXIST: ("sudah ada", "already exists"),
    errno.ENOSPC: ("ruang disk habis", "no space left on the disk"),
    errno.EROFS: ("disk hanya-baca", "read-only disk"),
    errno.ENAMETOOLONG: ("nama berkas terlalu panjang", "file name too long"),
    errno.ELOOP: ("terlalu banyak tautan simbolik", "too many symbolic links"),
    errno.EMFILE: ("terlalu banyak berkas terbuka", "too many open files"),
    errno.EBUSY: ("sedang dipakai program lain", "in use by another program"),
    errno.EIO: ("kesalahan baca/tulis perangkat", "input/output error"),
    errno.EINVAL: ("argumen tidak sah", "invalid argument"),
    errno.EXDEV: ("tidak dapat dipindah antar-disk", "cannot move across disks"),
}


def os_reason(exc: OSError, lang: str) -> str:
    """Why an operation failed, by errno; an unknown errno keeps the system's own words."""
    pair = OS_REASONS.get(exc.errno or -1)
    if pair is None:
        return exc.strerror or str(exc)
    return pair[1] if lang == "en" else pair[0]


@dataclass(frozen=True)
class OsReason:
    """An OSError's reason, said when shown."""

    exc: OSError

    def say(self, lang: str) -> str:
        return os_reason(self.exc, lang)

    def __str__(self) -> str:
        return self.say("id")


def os_detail(exc: OSError) -> str:
    """The English reason, for texts that are stored and said later (finding details)."""
    return os_reason(exc, "en")


# (English phrase as a regex, Bahasa Indonesia); the longer phrases first
_PHRASES: tuple[tuple[str, str], ...] = (
    # libyaml: contexts
    (r"while parsing a block mapping", "saat membaca pemetaan blok"),
    (r"while parsing a block collection", "saat membaca daftar blok"),
    (r"while parsing a flow sequence", "saat membaca daftar dalam [ ]"),
    (r"while parsing a flow mapping", "saat membaca pemetaan dalam { }"),
    (r"while parsing a (?:block |flow )?node", "saat membaca nilai"),
    (r"while parsing a tag", "saat membaca tag"),
    (r"while scanning a simple key", "saat membaca kunci"),
    (r"while scanning a (?:double-)?quoted scalar", "saat membaca teks bertanda kutip"),
    (r"while scanning a plain scalar", "saat membaca teks"),
    (r"while scanning a block scalar", "saat membaca teks blok (| atau >)"),
    (r"while scanning an? (anchor|alias)", r"saat membaca \1"),
    (r"while scanning a (?:%YAML )?directive", "saat membaca direktif"),
    (r"while scanning a tag", "saat membaca tag"),
    (r"while scanning for the next token", "saat membaca token berikutnya"),
    (r"while composing a mapping", "saat menyusun pemetaan"),
    # libyaml: problems
    (r"could not find expected ':'", "tidak menemukan `:` yang diharapkan"),
    (r"did not find expected key", "tidak menemukan kunci yang diharapkan"),
    (r"did not find expected '-' indicator", "tidak menemukan tanda `-` yang diharapkan"),
    (r"did not find expected ',' or '\]'", "tidak menemukan `,` atau `]` yang diharapkan"),
    (r"did not find expected ',' or '\}'", "tidak menemukan `,` atau `}` yang diharapkan"),
    (r"did not find expected node content", "tidak menemukan isi nilai yang diharapkan"),
    (r"did not find expected <document start>", "tidak menemukan awal dokumen"),
    (r"did not find expected comment or line break", "sesudahnya harus komentar atau baris baru"),
    (r"did not find expected whitespace or line break", "sesudahnya harus spasi atau baris baru"),
    (r"did not find expected alphabetic or numeric character", "harus huruf atau angka"),
    (r"did not find expected tag URI", "tidak menemukan URI tag"),
    (
        r"mapping values are not allowed (?:in this context|here)",
        "nilai pemetaan (`:`) tidak boleh di sini",
    ),
    (
        r"(?:block )?sequence entries are not allowed (?:in this context|here)",
        "butir daftar (`- `) tidak boleh di sini",
    ),
    (
        r"found character (?:'.*' )?that cannot start any token",
        "ada karakter yang tidak boleh mengawali nilai",
    ),
    (
        r"found a tab character (?:that violates?|where an) indentation(?: space is expected)?",
        "ada karakter tab di indentasi (gunakan spasi)",
    ),
    (r"found unexpected end of stream", "berkas berakhir sebelum waktunya"),
    (r"found unexpected ':'", "ada `:` yang tidak diharapkan"),
    (r"found unknown escape character", "ada karakter escape (\\) yang tidak dikenal"),
    (r"found undefined tag handle", "ada tag yang tidak dikenal"),
    (r"found duplicate %YAML directive", "direktif %YAML muncul dua kali"),
    (r"found incompatible YAML document", "dokumen YAML versi yang tidak didukung"),
    (r"found an indentation indicator equal to 0", "indikator indentasi tidak boleh 0"),
    (r"found unexpected document separator", "ada pemisah dokumen yang tidak diharapkan"),
    (
        r"expected <block end>, but found '?<block (?:sequence|mapping) start>'?",
        "indentasi tidak cocok dengan baris sebelumnya",
    ),
    (
        r"expected <block end>, but found '?<scalar>'?",
        "indentasi tidak cocok dengan baris sebelumnya",
    ),
    (r"expected <block end>, but found", "indentasi tidak cocok; ditemukan"),
    (r"expected a single document in the stream", "berkas harus berisi satu dokumen saja"),
    (r"but found another document", "tetapi ada dokumen lain"),
    (r"control characters are not allowed", "karakter kontrol tidak diizinkan"),
    (r"invalid leading UTF-8 octet", "bukan teks UTF-8 yang valid"),
    (r"incomplete UTF-8 octet sequence", "urutan UTF-8 tidak lengkap"),
    (r"invalid trailing UTF-8 octet", "bukan teks UTF-8 yang valid"),
    (r"special characters are not allowed", "karakter khusus tidak diizinkan"),
    # sopctl's own details (sop.yamlio, sop.construct)
    (r"^a sequence$", "daftar"),
    (r"^a single value$", "satu nilai"),
    (r"^an empty file$", "berkas kosong"),
    (r"nesting too deep", "susunan terlalu dalam"),
    (r"larger than (\d+) bytes", r"lebih dari \1 byte"),
    (r"merge key '<<'", "merge key `<<`"),
    (r"key (.+) is not a string", r"kunci \1 bukan teks"),
    (r"invalid number", "angka tidak sah"),
    (r"invalid (\S+) ", r"\1 tidak sah: "),
    (r"unsupported tag (\S+) here", r"tag \1 tidak didukung di sini"),
    (r"unsupported tag", "tag tidak didukung"),
    (r"a %YAML 1.1 document is read as YAML 1.2", "dokumen %YAML 1.1 dibaca sebagai YAML 1.2"),
    # dates (datetime)
    (r"day is out of range for month", "tanggal itu tidak ada di bulan tersebut"),
    (r"month must be in 1\.\.12", "bulan harus 1 sampai 12"),
    (r"year (\d+) is out of range", r"tahun \1 di luar jangkauan"),
    (r"Invalid isoformat string", "bukan tanggal YYYY-MM-DD"),
    (r"does not match the formats? (.+?)\.?$", r"tidak cocok dengan format \1"),
    # UTF-8 decoding (UnicodeDecodeError.reason)
    (r"invalid start byte", "byte awal tidak sah"),
    (r"invalid continuation byte", "byte lanjutan tidak sah"),
    (r"unexpected end of data", "data berakhir sebelum waktunya"),
    (r"surrogates not allowed", "karakter surrogate tidak diizinkan"),
    # tomllib
    (r"Invalid value", "nilai tidak sah"),
    (r"Cannot overwrite a value", "nilai ini sudah ditulis sebelumnya"),
    (r"Cannot declare (.+) twice", r"\1 dideklarasikan dua kali"),
    (r"Expected '=' after a key in a key/value pair", "harus ada `=` sesudah kunci"),
    (r"Expected ']' at the end of a table declaration", "harus ada `]` di akhir nama bagian"),
    (r"Expected ']' at the end of an array declaration", "harus ada `]]` di akhir nama bagian"),
    (r"Expected newline or end of document after a statement", "harus baris baru sesudah nilai"),
    (r"Unterminated string", "teks tidak ditutup dengan tanda kutip"),
    (r"Unclosed array", "daftar [ ] tidak ditutup"),
    (r"Unclosed inline table", "tabel { } tidak ditutup"),
    (r"Unescaped '\\' in a string", "karakter `\\` tanpa escape di dalam teks"),
    (r"Illegal character", "karakter tidak sah"),
    (r"Invalid statement", "pernyataan tidak sah"),
    (r"Invalid initial character for a key part", "awal kunci tidak sah"),
    (r"Invalid date or datetime", "tanggal tidak sah"),
    (r"at end of document", "di akhir berkas"),
    # re
    (r"missing \), unterminated subpattern", "kurung `(` tidak ditutup"),
    (r"unterminated character set", "himpunan `[` tidak ditutup"),
    (r"nothing to repeat", "tidak ada yang diulang"),
    (r"multiple repeat", "pengulangan ganda"),
    (r"unbalanced parenthesis", "kurung `)` tanpa pasangan"),
    (r"min repeat greater than max repeat", "batas bawah pengulangan melebihi batas atas"),
    (r"bad escape \(end of pattern\)", "escape `\\` di akhir pola"),
    (r"bad escape", "escape tidak sah"),
    (r"bad character range", "rentang karakter tidak sah"),
    (r"unknown extension", "ekstensi tidak dikenal"),
    (r"redefinition of group name", "nama grup didefinisikan ulang:"),
    (r"look-behind requires fixed-width pattern", "look-behind harus berpanjang tetap"),
    (r" at position (\d+)", r" di posisi \1"),
    # string.Formatter (nomor.templat)
    (r"Single '\}' encountered in format string", "ada `}` tanpa pasangan"),
    (r"Single '\{' encountered in format string", "ada `{` tanpa pasangan"),
    (r"expected '\}' before end of string", "`}` tidak ditemukan sebelum akhir teks"),
    (r"unmatched '\{' in format spec", "`{` tanpa pasangan"),
    # pydantic, when it reaches a user unexplained
    (r"Input should be (.+?) or (.+)", r"harus \1 atau \2"),
    (r"Field required", "wajib diisi"),
    (r"Extra inputs are not permitted", "kunci tidak dikenal"),
    (r"Value error, ", ""),
)
_OS = tuple((f"^{re.escape(english)}$", indonesian) for indonesian, english in OS_REASONS.values())


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The phrases' patterns, compiled when first needed (every command imports this module,
    few show another program's message)."""
    return tuple((re.compile(pattern), said) for pattern, said in (*_OS, *_PHRASES))


def foreign(text: str, lang: str) -> str:
    """`text`, a message of another program, with every known phrase in `lang`."""
    if lang == "en" or not text:
        return text
    for pattern, said in _compiled():
        text = pattern.sub(said, text)
    return text


@dataclass(frozen=True)
class Foreign:
    """Another program's message, said when shown."""

    text: str

    def say(self, lang: str) -> str:
        return foreign(self.text, lang)

    def __str__(self) -> str:
        return self.say("id")
