"""The one message catalog, in Bahasa Indonesia (the users' language, the default) and English.

Every text is a (Bahasa Indonesia, English) pair found by key: finding codes with their
severity, message and hint here (`render`); CLI phrases in `sopctl.text.phrases` (`ui`); help texts
in `sopctl.text.help` (`help_text`). The CLI picks the language; core modules return values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from sopctl.text.system import foreign

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Message:
    severity: Severity
    id: tuple[str, str]  # (message, hint) in Bahasa Indonesia
    en: tuple[str, str]  # (message, hint) in English


ERR: Severity = "error"
WARN: Severity = "warning"
INFO: Severity = "info"

CODES: dict[str, Message] = {
    # -- the file itself ---------------------------------------------------------------
    "Y001": Message(
        ERR,
        (
            "Sintaks YAML tidak valid: {detail}",
            "periksa indentasi (spasi, bukan tab), titik dua dan tanda kutip di sekitar baris ini",
        ),
        (
            "Invalid YAML syntax: {detail}",
            "check indentation (spaces, not tabs), colons and quotes around this line",
        ),
    ),
    "Y002": Message(
        ERR,
        (
            "Berkas bukan teks UTF-8 yang valid",
            "simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai, Encoding UTF-8)",
        ),
        ("File is not valid UTF-8 text", "save the file again as UTF-8"),
    ),
    "Y003": Message(
        ERR,
        (
            "Berkas terlalu besar ({detail}); batasnya 1 MiB",
            "satu berkas berisi satu SOP; pecah berkas ini",
        ),
        ("File too large ({detail}); the limit is 1 MiB", "keep one SOP per file"),
    ),
    "Y004": Message(
        ERR,
        (
            "Berkas harus berisi satu pemetaan SOP (kunci: nilai), bukan {detail}",
            "mulai dari `sopctl new` atau contoh di docs/format.md bagian Example",
        ),
        (
            "The file must hold one SOP mapping (key: value), not {detail}",
            "start from `sopctl new` or the example in docs/format.md, section Example",
        ),
    ),
    "Y005": Message(
        ERR,
        ("Kunci `{detail}` muncul dua kali", "hapus atau gabungkan salah satunya"),
        ("Key `{detail}` appears twice", "remove or merge one of them"),
    ),
    "Y006": Message(
        ERR,
        (
            "Anchor, alias dan merge key YAML (&, *, <<) tidak didukung",
            "tulis nilainya secara langsung",
        ),
        (
            "YAML anchors, aliases and merge keys (&, *, <<) are not supported",
            "write the value out in full",
        ),
    ),
    "Y007": Message(
        ERR,
        ("Nilai tidak valid: {detail}", "tanggal ditulis YYYY-MM-DD dan harus ada di kalender"),
        ("Invalid value: {detail}", "dates are YYYY-MM-DD and must exist"),
    ),
    "Y008": Message(
        ERR,
        ("Berkas tidak dapat dibaca: {detail}", "periksa izin berkas"),
        ("File cannot be read: {detail}", "check the file's permissions"),
    ),
    "Y009": Message(
        ERR,
        (
            "Tautan simbolik menunjuk ke luar katalog; tidak diikuti",
            "salin berkasnya ke dalam katalog",
        ),
        (
            "Symbolic link points outside the catalog; not followed",
            "copy the file into the catalog",
        ),
    ),
    "Y010": Message(
        ERR,
        (
            "Bukan berkas biasa (FIFO, perangkat atau soket); tidak dibaca",
            "ganti dengan berkas SOP biasa, atau hapus",
        ),
        (
            "Not a regular file (a FIFO, device or socket); not read",
            "replace it with a regular SOP file, or remove it",
        ),
    ),
    # -- schema --------------------------------------------------------------------------
    "S001": Message(
        ERR,
        ("Kunci `{key}` tidak dikenal", "maksud Anda `{close}`?"),
        ("Unknown key `{key}`", "did you mean `{close}`?"),
    ),
    "S002": Message(
        ERR,
        ("Kunci wajib `{key}` tidak ada", "tambahkan `{key}`"),
        ("Required key `{key}` is missing", "add `{key}`"),
    ),
    "S003": Message(
        ERR,
        ("`{key}`: {detail}", "lihat docs/format.md bagian Keys"),
        ("`{key}`: {detail_en}", "see docs/format.md, section Keys"),
    ),
    # -- identity and enactment ------------------------------------------------------------
    "I001": Message(
        ERR,
        (
            "SOP berstatus `{status}` wajib punya `nomor`",
            "isi nomor sesuai tata naskah dinas, atau jalankan `sopctl renumber`",
        ),
        (
            "An SOP with status `{status}` needs a `nomor`",
            "fill in the number, or run `sopctl renumber`",
        ),
    ),
    "I002": Message(
        ERR,
        ("Nomor `{nomor}` tidak sesuai pola nomor katalog", "pola di sopctl.toml: {pattern}"),
        (
            "Number `{nomor}` does not match the catalog's number pattern",
            "pattern in sopctl.toml: {pattern}",
        ),
    ),
    "I003": Message(
        ERR,
        (
            "SOP yang ditetapkan wajib punya `tanggal.efektif`",
            "isi tanggal mulai berlaku (YYYY-MM-DD)",
        ),
        ("An enacted SOP needs `tanggal.efektif`", "add the effective date"),
    ),
    "I004": Message(
        ERR,
        (
            "SOP yang ditetapkan wajib punya `disahkan_oleh` (jabatan, nama, nip)",
            "isi pejabat yang mengesahkan",
        ),
        ("An enacted SOP needs `disahkan_oleh` (jabatan, nama, nip)", "add the enacting official"),
    ),
    "I005": Message(
        ERR,
        ("SOP yang ditetapkan wajib punya `dasar_hukum`", "cantumkan minimal satu peraturan"),
        ("An enacted SOP needs `dasar_hukum`", "list at least one regulation"),
    ),
    "I006": Message(
        ERR,
        (
            "Tanggal efektif {efektif} lebih awal dari tanggal pembuatan {pembuatan}",
            "tanggal efektif harus sama atau sesudah tanggal pembuatan",
        ),
        (
            "Effective date {efektif} is before the creation date {pembuatan}",
            "the effective date must be on or after the creation date",
        ),
    ),
    "I007": Message(
        ERR,
        (
            "Tanggal revisi {revisi} lebih awal dari tanggal pembuatan {pembuatan}",
            "tanggal revisi harus sama atau sesudah tanggal pembuatan",
        ),
        (
            "Revision date {revisi} is before the creation date {pembuatan}",
            "the revision date must be on or after the creation date",
        ),
    ),
    "I008": Message(
        ERR,
        (
            "Tanggal efektif {efektif} lebih awal dari Keputusan Nomor {keputusan} "
            "tanggal {tanggal} yang menetapkannya",
            "SOP berlaku paling cepat pada tanggal Keputusan penetapannya; perbaiki "
            "`tanggal.efektif` atau `[[penetapan]]` di sopctl.toml",
        ),
        (
            "Effective date {efektif} is before Keputusan No. {keputusan} of {tanggal}, "
            "which enacts it",
            "an SOP takes effect on or after the decree that enacts it; fix "
            "`tanggal.efektif` or `[[penetapan]]` in sopctl.toml",
        ),
    ),
    "I009": Message(
        WARN,
        (
            "SOP `{nomor}` berstatus ditetapkan, tetapi tidak ada Keputusan di sopctl.toml "
            "yang menetapkannya",
            "tambahkan nomornya ke `sop` pada `[[penetapan]]` yang menetapkannya",
        ),
        (
            "SOP `{nomor}` is enacted, but no Keputusan in sopctl.toml enacts it",
            "add its number to `sop` of the `[[penetapan]]` that enacts it",
        ),
    ),
    # -- procedure -------------------------------------------------------------------------
    "P001": Message(
        ERR,
        (
            "Langkah {step}: pelaksana `{actor}` tidak ada di daftar `pelaksana`",
            "maksud Anda `{close}`?",
        ),
        (
            "Step {step}: actor `{actor}` is not declared under `pelaksana`",
            "did you mean `{close}`?",
        ),
    ),
    "P002": Message(
        ERR,
        (
            "Pelaksana `{actor}` tidak melakukan satu langkah pun",
            "hapus pelaksana ini atau tetapkan langkah untuknya",
        ),
        ("Actor `{actor}` performs no step", "remove the actor or give it a step"),
    ),
    "P003": Message(
        ERR,
        (
            "Prosedur harus punya tepat satu langkah mulai; ada {count}",
            "langkah pertama adalah mulai; hapus `simbol: mulai` dari langkah lain",
        ),
        (
            "The procedure needs exactly one start step; found {count}",
            "the first step is the start; remove `simbol: mulai` elsewhere",
        ),
    ),
    "P004": Message(
        ERR,
        (
            "Prosedur tidak punya langkah selesai",
            "langkah terakhir adalah selesai kecuali diberi `simbol` lain",
        ),
        ("The procedure has no end step", "the last step is the end unless given another `simbol`"),
    ),
    "P005": Message(
        ERR,
        (
            "Langkah {step} adalah keputusan tetapi tidak punya `{missing}`",
            "keputusan punya dua cabang: `ya: N` dan `tidak: N` (nomor langkah)",
        ),
        (
            "Step {step} is a decision but has no `{missing}`",
            "a decision has two exits: `ya: N` and `tidak: N` (step numbers)",
        ),
    ),
    "P006": Message(
        ERR,
        (
            "Langkah {step}: `{key}: {target}` tidak menunjuk langkah lain yang ada",
            "nomor langkah 1 sampai {count}, bukan langkah itu sendiri",
        ),
        (
            "Step {step}: `{key}: {target}` does not point at another existing step",
            "step numbers run from 1 to {count}, not the step itself",
        ),
    ),
    "P007": Message(
        ERR,
        (
            "Langkah {step} tidak dapat dicapai dari langkah mulai",
            "periksa `ya`, `tidak` dan `lanjut` pada langkah sebelumnya",
        ),
        (
            "Step {step} cannot be reached from the start",
            "check `ya`, `tidak` and `lanjut` of the steps before it",
        ),
    ),
    "P008": Message(
        ERR,
        (
            "Dari langkah {step} prosedur tidak pernah mencapai langkah selesai",
            "pastikan setiap jalur berakhir di langkah selesai (hindari putaran tanpa jalan keluar)",
        ),
        (
            "From step {step} the procedure never reaches an end",
            "make every path end at an end step (no loop without an exit)",
        ),
    ),
    "P009": Message(
        ERR,
        (
            "Langkah {step}: mutu baku `{key}` belum diisi",
            'isi `mutu_baku.waktu` (mis. "15 menit") dan `mutu_baku.output`',
        ),
        (
            "Step {step}: mutu baku `{key}` is missing",
            'fill in `mutu_baku.waktu` (e.g. "15 menit") and `mutu_baku.output`',
        ),
    ),
    "P010": Message(
        ERR,
        (
            "Langkah {step}: waktu `{waktu}` tidak terbaca",
            'tulis angka lalu satuan: menit, jam, hari, minggu atau bulan (mis. "2 hari")',
        ),
        (
            "Step {step}: time `{waktu}` cannot be read",
            'write a number and a unit: menit, jam, hari, minggu or bulan (e.g. "2 hari")',
        ),
    ),
    "P011": Message(
        ERR,
        ("Id pelaksana `{actor}` dipakai dua kali", "setiap pelaksana punya id unik"),
        ("Actor id `{actor}` is used twice", "give every actor its own id"),
    ),
    # -- catalog ---------------------------------------------------------------------------
    "K001": Message(
        ERR,
        (
            "Nomor `{nomor}` juga dipakai oleh {other}",
            "nomor SOP harus unik; jalankan `sopctl renumber` pada salah satunya",
        ),
        (
            "Number `{nomor}` is also used by {other}",
            "SOP numbers must be unique; run `sopctl renumber` on one of them",
        ),
    ),
    "K002": Message(
        ERR,
        ("Keterkaitan `{nomor}` tidak ditemukan di katalog", "maksud Anda `{close}`?"),
        ("Linked SOP `{nomor}` is not in the catalog", "did you mean `{close}`?"),
    ),
    "K003": Message(
        ERR,
        (
            "Unit `{value}` tidak dikenal",
            "maksud Anda `{close}`? Unit yang dikenal (sopctl.toml): {choices}",
        ),
        (
            "Unknown unit `{value}`",
            "did you mean `{close}`? The known units (sopctl.toml): {choices}",
        ),
    ),
    "K004": Message(
        ERR,
        (
            "Area RB `{value}` tidak dikenal",
            "maksud Anda `{close}`? Area RB yang dikenal (sopctl.toml): {choices}",
        ),
        (
            "Unknown RB area `{value}`",
            "did you mean `{close}`? The known RB areas (sopctl.toml): {choices}",
        ),
    ),
    "K006": Message(
        ERR,
        ("Tema RB Tematik `{value}` tidak dikenal", "maksud Anda `{close}`?"),
        ("Unknown RB Tematik theme `{value}`", "did you mean `{close}`?"),
    ),
    "K005": Message(
        ERR,
        (
            "Judul `{nama}` sudah dipakai SOP lain di unit yang sama: {other}",
            "bedakan judulnya atau gabungkan kedua SOP",
        ),
        (
            "Title `{nama}` is already used in the same unit by {other}",
            "make the titles distinct or merge the SOPs",
        ),
    ),
    # -- the catalog's settings ------------------------------------------------------------
    "C001": Message(
        ERR,
        (
            "Berkas yang dinamai sopctl.toml ditolak: {detail}",
            "logo harus berkas PNG, JPEG atau SVG mandiri di dalam katalog",
        ),
        (
            "A file sopctl.toml names is refused: {detail_en}",
            "the logo must be a PNG, JPEG or self-contained SVG inside the catalog",
        ),
    ),
    # -- lifecycle -------------------------------------------------------------------------
    "M001": Message(
        WARN,
        (
            "Monitoring terakhir {last}; jatuh tempo {due} (setiap {months} bulan)",
            "lakukan monitoring dan catat di `monitoring`",
        ),
        (
            "Last monitoring {last}; due {due} (every {months} months)",
            "monitor the SOP and record it under `monitoring`",
        ),
    ),
    "M002": Message(
        WARN,
        (
            "Evaluasi terakhir {last}; jatuh tempo {due} (setiap {months} bulan)",
            "lakukan evaluasi dan catat di `evaluasi`",
        ),
        (
            "Last evaluation {last}; due {due} (every {months} months)",
            "evaluate the SOP and record it under `evaluasi`",
        ),
    ),
    "M003": Message(
        WARN,
        (
            "Evaluasi {tanggal} belum menjawab semua kriteria: {missing}",
            "isi `kriteria` dengan ya atau tidak untuk ketujuh kriteria PermenPAN-RB 35/2012",
        ),
        (
            "Evaluation of {tanggal} does not answer every criterion: {missing}",
            "fill in `kriteria` with ya or tidak for all seven criteria of PermenPAN-RB 35/2012",
        ),
    ),
    "M004": Message(
        WARN,
        (
            "Evaluasi {tanggal} menjawab `tidak` ({criteria}) tanpa tindakan yang harus diambil",
            "isi `tindakan` pada catatan evaluasi itu",
        ),
        (
            "Evaluation of {tanggal} answers `tidak` ({criteria}) without an action to take",
            "fill in `tindakan` in that evaluation record",
        ),
    ),
    # -- authoring (sopctl new) ------------------------------------------------------------
    "N001": Message(
        WARN,
        ("`{key}` masih berisi isian templat `{text}`", "ganti dengan isi yang sebenarnya"),
        (
            "`{key}` still holds the template placeholder `{text}`",
            "replace it with the real content",
        ),
    ),
    # -- history (git) ---------------------------------------------------------------------
    "G001": Message(
        WARN,
        (
            "Isi SOP diubah pada {date} (commit {commit}: {subject}), sesudah tanggal {field} "
            "{tanggal}, tetapi tanggal revisi tidak diperbarui",
            "perbarui `tanggal.revisi` ke tanggal perubahan disahkan; lihat `sopctl riwayat`",
        ),
        (
            "The SOP's content changed on {date} (commit {commit}: {subject}), after its "
            "{field} date {tanggal}, but the revision date was not updated",
            "update `tanggal.revisi` to the date the change was enacted; see `sopctl riwayat`",
        ),
    ),
    # -- suppressions ----------------------------------------------------------------------
    "X001": Message(
        ERR,
        (
            "Pengecualian `{detail}` tidak sah",
            "tulis: # sopctl: abaikan KODE -- alasan (alasan wajib)",
        ),
        (
            "Invalid suppression `{detail}`",
            "write: # sopctl: ignore CODE -- reason (a reason is required)",
        ),
    ),
    "X002": Message(
        WARN,
        (
            "Pengecualian `{codes}` tidak mengecualikan temuan apa pun",
            "hapus pengecualian ini; pengecualian berlaku untuk baris yang sama atau baris di "
            "bawahnya, atau untuk seluruh berkas bila ditulis di komentar awal berkas",
        ),
        (
            "Suppression `{codes}` suppresses no finding",
            "remove it; a suppression applies to its own line or the line below, or to the "
            "whole file when written in the comments at the top of the file",
        ),
    ),
    "X003": Message(
        ERR,
        (
            "Temuan {waived} tidak dapat dikecualikan",
            "perbaiki berkasnya: sintaks, encoding dan skema (kode Y dan S) serta temuan "
            "pengecualian (X) selalu dilaporkan",
        ),
        (
            "Finding {waived} cannot be suppressed",
            "fix the file: syntax, encoding and schema findings (codes Y and S) and "
            "suppression findings (X) are always reported",
        ),
    ),
}


def render(code: str, lang: str, args: Mapping[str, str]) -> tuple[str, str]:
    """The (message, hint) of a finding in `lang`; unknown placeholders are left visible."""
    entry = CODES[code]
    message, hint = entry.en if lang == "en" else entry.id
    if "detail" in args and lang != "en":  # other programs' words, stored in English
        args = {**args, "detail": foreign(args["detail"], lang)}
    return _fill(message, args), _fill_hint(hint, args)


def _fill(template: str, args: Mapping[str, str]) -> str:
    return template.format_map(_Keep(args))


def _fill_hint(template: str, args: Mapping[str, str]) -> str:
    """Without a suggestion (`close`), a hint's did-you-mean sentence is dropped: the whole
    hint when that is all it says."""
    if "{close}" in template and not args.get("close"):
        _question, asked, rest = template.partition("? ")
        if not asked or "{close}" in rest:
            return ""
        template = rest[:1].upper() + rest[1:]
    return _fill(template, args)


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
