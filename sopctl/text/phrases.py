"""Phrases of the command-line interface: summaries, prompts, notes and the errors the CLI
raises, as (Bahasa Indonesia, English) pairs. Part of the one message catalog: look them up
with `ui(key, lang, **args)`, or keep one unsaid as a `Phrase` (what core errors carry) and
say it later in the language the CLI picked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from sopctl.text.failures import FAILURES
from sopctl.text.usage import USAGE

_CLI: dict[str, tuple[str, str]] = {
    "error": ("error", "error"),
    "warning": ("peringatan", "warning"),
    "info": ("info", "info"),
    "suppressed": ("dikecualikan", "suppressed"),
    "summary": (
        "{files} berkas diperiksa: {error} error, {warning} peringatan, {info} info",
        "{files} files checked: {error} errors, {warning} warnings, {info} infos",
    ),
    "summary_suppressed": ("({n} dikecualikan)", "({n} suppressed)"),
    "hint": ("saran", "hint"),
    "unexpected": (
        "Kesalahan tak terduga: {error}. Jalankan ulang dengan --debug untuk detail, "
        "dan laporkan bila berulang.",
        "Unexpected error: {error}. Run again with --debug for details, and report it if "
        "it happens again.",
    ),
    "interrupted": ("Dibatalkan.", "Interrupted."),
    "unknown_code": ("kode aturan tidak dikenal: {code}", "unknown rule code: {code}"),
    "wrote": ("Ditulis: {path}", "Wrote: {path}"),
    "wrote_schema": ("Ditulis: {path} (untuk editor)", "Wrote: {path} (for editors)"),
    # -- authoring: new, fmt, list, renumber --
    "fmt_data_changed": (
        "tata letak baku akan mengubah data berkas; berkas dibiarkan (laporkan masalah ini)",
        "the canonical layout would change the file's data; file left as it is (please report)",
    ),
    "fmt_comment_lost": (
        "tata letak baku akan menghilangkan komentar; berkas dibiarkan (laporkan masalah ini)",
        "the canonical layout would lose a comment; file left as it is (please report)",
    ),
    "fmt_changed": ("dirapikan: {path}", "formatted: {path}"),
    "fmt_would_change": ("perlu dirapikan: {path}", "would reformat: {path}"),
    "fmt_summary": (
        "{files} berkas: {changed} dirapikan, {problems} tidak dapat dibaca",
        "{files} files: {changed} formatted, {problems} unreadable",
    ),
    "fmt_check_summary": (
        "{changed} dari {files} berkas perlu dirapikan; jalankan `sopctl fmt`",
        "{changed} of {files} files need formatting; run `sopctl fmt`",
    ),
    "new_title_empty": ("nama SOP tidak boleh kosong", "the SOP title must not be empty"),
    "new_title_taken": (
        "judul `{title}` sudah dipakai SOP lain di unit yang sama: {path}",
        "title `{title}` is already used in the same unit by {path}",
    ),
    "new_jenis_unknown": (
        "jenis `{value}` tidak dikenal; pilih salah satu: {choices}",
        "unknown type `{value}`; choose one of: {choices}",
    ),
    "new_actor_invalid": (
        "pelaksana `{value}` tidak sah; tulis `Nama Jabatan` atau `id=Nama Jabatan` "
        "(id: huruf kecil, angka, - dan _)",
        "invalid actor `{value}`; write `Job Title` or `id=Job Title` "
        "(id: lower case letters, digits, - and _)",
    ),
    "new_actor_taken": ("id pelaksana `{id}` sudah dipakai", "actor id `{id}` is already used"),
    "new_exists": (
        "{path} sudah ada; sopctl new tidak menimpa berkas",
        "{path} already exists; sopctl new never overwrites a file",
    ),
    "new_missing": (
        "opsi wajib tidak diberikan: {flags} (pertanyaan hanya diajukan di terminal)",
        "missing required options: {flags} (questions are only asked on a terminal)",
    ),
    "new_next": (
        "Berikutnya: isi setiap <isi ...> di berkas itu, lalu jalankan\n"
        "  sopctl lint {path}\n  sopctl fmt --check {path}",
        "Next: fill in every <isi ...> in that file, then run\n"
        "  sopctl lint {path}\n  sopctl fmt --check {path}",
    ),
    "ask_title": ("Nama SOP", "SOP title"),
    "ask_unit": ("Unit (nomor, id atau nama)", "Unit (number, id or name)"),
    "ask_area": ("Area RB (nomor, id atau nama)", "RB area (number, id or name)"),
    "ask_jenis": (
        "Jenis SOP (teknis/administratif, kosongkan bila tidak ada)",
        "SOP type (teknis/administratif, leave empty for none)",
    ),
    "ask_actor": (
        "Pelaksana ke-{n} (Nama Jabatan atau id=Nama Jabatan; kosongkan bila selesai)",
        "Actor {n} (Job Title or id=Job Title; leave empty when done)",
    ),
    "ask_actor_first": ("minimal satu pelaksana", "at least one actor"),
    "ask_write": ("Tulis {path}?", "Write {path}?"),
    "cancelled": ("Dibatalkan; tidak ada berkas yang ditulis.", "Cancelled; nothing written."),
    "list_skipped": (
        "{path}: dilewati, tidak dapat dibaca ({detail})",
        "{path}: skipped, cannot be read ({detail})",
    ),
    "list_empty": ("Tidak ada SOP yang cocok.", "No matching SOP."),
    "renumber_done": (
        "{path}: nomor {old} diganti {new}",
        "{path}: number {old} replaced by {new}",
    ),
    "renumber_links": (
        "Keterkaitan yang menyebut {old} (periksa SOP mana yang dimaksud):",
        "Links naming {old} (check which SOP each one meant):",
    ),
    "renumber_no_links": (
        "Tidak ada keterkaitan yang menyebut {old}.",
        "No link names {old}.",
    ),
    # -- impor: Word files in --
    "impor_unreadable": (
        "berkas tidak dapat dibaca ({detail})",
        "the file cannot be read ({detail})",
    ),
    "impor_missing": ("berkas tidak ditemukan", "file not found"),
    "impor_too_big": (
        "berkas terlalu besar untuk dibaca dengan aman (batas {limit} MB); berkas dilewati",
        "the file is too large to read safely (limit {limit} MB); skipped",
    ),
    "impor_old_doc": (
        "format Word lama (.doc); buka di Word lalu Simpan Sebagai .docx, kemudian impor lagi",
        "old Word format (.doc); open it in Word, Save As .docx, then import again",
    ),
    "impor_encrypted": (
        "berkas Word dilindungi kata sandi; simpan salinan tanpa kata sandi, lalu impor lagi",
        "the Word file is password-protected; save a copy without a password, then import again",
    ),
    "impor_not_docx": (
        "bukan berkas Word .docx (tidak terbaca sebagai arsip OOXML)",
        "not a Word .docx file (not readable as an OOXML package)",
    ),
    "impor_bad_xml": (
        "isi berkas Word rusak atau tidak sah ({detail})",
        "the Word file's content is damaged or invalid ({detail})",
    ),
    "impor_not_sop": (
        "tidak ditemukan tabel prosedur SOP-AP (baris judul No, Kegiatan, Pelaksana, Mutu Baku)",
        "no SOP-AP procedure table found (header row No, Kegiatan, Pelaksana, Mutu Baku)",
    ),
    "impor_exists": (
        "{path} sudah ada; sopctl impor tidak menimpa berkas (pindahkan atau pakai -o)",
        "{path} already exists; sopctl impor never overwrites a file (move it or use -o)",
    ),
    "impor_failed": ("tidak dapat diimpor: {detail}", "cannot be imported: {detail}"),
    "impor_file_error": ("{path}: {message}", "{path}: {message}"),
    "impor_summary": (
        "{files} berkas Word: {sops} SOP ditulis, {failed} gagal; {holes} isian <isi ...> "
        "perlu dilengkapi",
        "{files} Word files: {sops} SOPs written, {failed} failed; {holes} <isi ...> "
        "placeholders to fill in",
    ),
    "impor_next": (
        "Berikutnya: lengkapi setiap <isi ...>, lalu jalankan `sopctl lint` pada berkas itu.",
        "Next: fill in every <isi ...>, then run `sopctl lint` on those files.",
    ),
    "impor_failed_mark": ("gagal", "failed"),
    "impor_needs": ("{path}: perlu diperiksa: {notes}", "{path}: needs a person: {notes}"),
    "impor_note_nomor": ("nomor", "number"),
    "impor_note_nama": ("nama SOP", "SOP title"),
    "impor_note_unit": ("unit (pakai --unit)", "unit (use --unit)"),
    "impor_note_area": ("area RB (pakai --area)", "RB area (use --area)"),
    "impor_note_tanggal": ("tanggal", "dates"),
    "impor_note_pengesah": ("pengesah", "signer"),
    "impor_note_keterkaitan": ("keterkaitan tanpa nomor", "links without a number"),
    "impor_note_langkah": ("langkah", "steps"),
    "impor_note_pelaksana": ("pelaksana langkah", "actors of steps"),
    "impor_note_keputusan": ("tujuan Ya/Tidak", "Ya/Tidak targets"),
    "col_berkas": ("Berkas Word", "Word file"),
    "col_ditulis": ("Ditulis", "Written"),
    "col_langkah": ("Langkah", "Steps"),
    "col_pelaksana": ("Pelaksana", "Actors"),
    "col_simbol": ("Simbol", "Symbols"),
    "col_isian": ("<isi>", "<isi>"),
    # -- errors the CLI reports, whatever the command --
    "file_not_found": ("{path}: berkas tidak ditemukan", "{path}: file not found"),
    "not_sop_file": ("{path}: bukan berkas SOP", "{path}: not an SOP file"),
    "give_yaml_path": ("berikan path berkas .yaml", "give the path of a .yaml file"),
    "folder_missing": ("{path}: folder tidak ada", "{path}: no such folder"),
    "create_folder": ("buat foldernya terlebih dulu", "create the folder first"),
    "see_rule_codes": (
        "lihat docs/format.md bagian What lint checks",
        "see docs/format.md, section What lint checks",
    ),
    # -- documents and reports: render, booklet, report --
    "render_done": (
        "{count} berkas {format} ditulis ke {folder}",
        "{count} {format} files written to {folder}",
    ),
    "booklet_done": (
        "Buku SOP ({count} SOP) ditulis ke {path}",
        "SOP book ({count} SOPs) written to {path}",
    ),
    "output_suffix": (
        "{path}: berkas keluaran harus .html atau .pdf",
        "{path}: the output file must be .html or .pdf",
    ),
    "periode_unknown": ("--periode `{value}` tidak dikenal", "unknown --periode `{value}`"),
    "periode_hint": (
        "tulis TAHUN-1 atau TAHUN-2 (semester), mis. 2026-2, atau AWAL:AKHIR, "
        "mis. 2026-01-01:2026-06-30",
        "write YEAR-1 or YEAR-2 (a semester), e.g. 2026-2, or FIRST:LAST, "
        "e.g. 2026-01-01:2026-06-30",
    ),
    "tahun_unknown": ("--tahun `{value}` tidak masuk akal", "--tahun `{value}` makes no sense"),
    "tahun_hint": ("mis. --tahun 2026", "e.g. --tahun 2026"),
    "formulir_empty": (
        "tidak ada SOP berstatus ditetapkan di {path}",
        "no enacted SOP in {path}",
    ),
    "formulir_empty_hint": (
        "formulir hanya memuat SOP yang diterapkan (status: ditetapkan)",
        "the forms list only SOPs in force (status: ditetapkan)",
    ),
    "verify_not_code": (
        "`{value}` bukan berkas .pdf atau kode verifikasi (16 digit heksadesimal)",
        "`{value}` is neither a .pdf file nor a verification code (16 hexadecimal digits)",
    ),
    "verify_hint": (
        "kode verifikasi tercetak di bawah kode QR pada bagian identitas setiap SOP",
        "the verification code is printed under the QR code in each SOP's identity block",
    ),
    "verify_no_pypdf": (
        "membaca PDF memerlukan pypdf",
        "reading a PDF needs pypdf",
    ),
    "verify_unreadable": (
        "{path}: PDF tidak dapat dibaca: {detail}",
        "{path}: unreadable PDF: {detail}",
    ),
    "verify_none_in_pdf": (
        "{path}: tidak ada kode verifikasi sopctl di PDF ini",
        "{path}: no sopctl verification code in this PDF",
    ),
    "verify_cocok": (
        "cocok        {digest}  {nomor} {nama} ({path}): versi yang berlaku di katalog",
        "matches      {digest}  {nomor} {nama} ({path}): the version in force in the catalog",
    ),
    "verify_kedaluwarsa": (
        "kedaluwarsa  {digest}  {nomor} {nama} ({path}): versi lama (commit {date}); "
        "katalog memuat versi yang lebih baru",
        "outdated     {digest}  {nomor} {nama} ({path}): an older version (committed {date}); "
        "the catalog holds a newer one",
    ),
    "verify_tidak-dikenal": (
        "tidak dikenal {digest}: bukan versi SOP mana pun di katalog ini atau riwayat git-nya",
        "unknown      {digest}: no version of any SOP in this catalog or its git history",
    ),
    "verify_summary": (
        "{total} kode: {cocok} cocok, {kedaluwarsa} kedaluwarsa, {unknown} tidak dikenal "
        "(bukan tanda tangan elektronik)",
        "{total} codes: {cocok} match, {kedaluwarsa} outdated, {unknown} unknown "
        "(not an electronic signature)",
    ),
    "formulir_monitoring_done": (
        "Formulir monitoring {period} ({count} SOP) ditulis ke {path}",
        "Monitoring form, {period} ({count} SOPs), written to {path}",
    ),
    "formulir_evaluasi_done": (
        "Formulir evaluasi {period} ({count} SOP) ditulis ke {path}",
        "Evaluation form, {period} ({count} SOPs), written to {path}",
    ),
    "report_by_max": ("--by paling banyak dua dimensi", "--by takes at most two dimensions"),
    "report_by_hint": ("mis. --by unit --by area", "e.g. --by unit --by area"),
    "report_skipped": (
        "{count} berkas dilewati karena tidak valid (periksa dengan `sopctl lint`):",
        "{count} files skipped as invalid (check them with `sopctl lint`):",
    ),
    "report_unknown": (
        "{path}: {field} `{value}` tidak dikenal; dihitung sebagai {unknown}",
        "{path}: unknown {field} `{value}`; counted as {unknown}",
    ),
    # the report's frame words (the names in it are the catalog's and the Permen's)
    "report_col_unit": ("Unit", "Unit"),
    "report_col_area": ("Area RB", "RB area"),
    "report_col_status": ("Status", "Status"),
    "report_col_jenis": ("Jenis", "Type"),
    "report_col_satker": ("Satker", "Office"),
    "report_total": ("Jumlah", "Total"),
    "report_title_one": ("Rekapitulasi SOP {name}", "SOP summary, {name}"),
    "report_title_many": (
        "Rekapitulasi SOP {count} satuan kerja",
        "SOP summary, {count} offices",
    ),
    "report_scope": ("Cakupan: {parts}", "Scope: {parts}"),
    "report_legend": ("Keterangan: {pairs}", "Legend: {pairs}"),
    "report_per_status": ("Per status: {counts}", "Per status: {counts}"),
    "report_late": (
        "Terlambat monitoring: {monitoring} SOP; terlambat evaluasi: {evaluasi} SOP "
        "(jatuh tempo sebelum {today})",
        "Overdue (SOPs due before {today}): monitoring {monitoring}, evaluation {evaluasi}",
    ),
    "report_criteria_head": (
        "Hasil evaluasi terakhir ({count} SOP ditetapkan), kriteria PermenPAN-RB 35/2012:",
        "Latest evaluation results, PermenPAN-RB 35/2012 criteria (enacted SOPs: {count}):",
    ),
    "report_criteria_row": (
        "  {name}: ya {ya}, tidak {tidak}, belum dinilai {kosong}",
        "  {name}: yes {ya}, no {tidak}, not assessed {kosong}",
    ),
    "report_theme": ("{name} {count} SOP", "{name}: {count}"),
    "report_themes": ("RB Tematik: {themes}", "Thematic RB: {themes}"),
    "report_unknown_count": (
        "{count} SOP dengan unit atau area RB yang tidak dikenal dihitung sebagai {unknown}: "
        "{items}",
        "SOPs with an unknown unit or RB area, counted as {unknown} ({count}): {items}",
    ),
    "report_uncovered": (
        "Proses bisnis yang belum memiliki SOP: {items}",
        "Business processes without an SOP yet: {items}",
    ),
    "report_skipped_count": (
        "{count} berkas dilewati karena tidak valid (lihat stderr)",
        "Files skipped as invalid: {count} (see stderr)",
    ),
    # -- history: riwayat --
    "riwayat_hint": ("sebutkan satu berkas SOP", "name one SOP file"),
    "riwayat_none": (
        "{path}: belum ada di riwayat git (belum di-commit).",
        "{path}: not in the git history yet (not committed).",
    ),
    "riwayat_title": ("Riwayat Revisi {path}", "Revision history of {path}"),
    "revision_created": ("dibuat", "created"),
    "revision_moved": ("berkas dipindah dari {path}", "file moved from {path}"),
    # -- history: diff (and the change descriptions riwayat shares) --
    "change_added": ("ditambahkan", "added"),
    "change_removed": ("dihapus", "removed"),
    "change_changed": ("diubah", "changed"),
    "change_moved": ("dipindah", "moved"),
    "diff_title": ("Perubahan SOP: {sides}", "SOP changes: {sides}"),
    "diff_heading": ("Perubahan SOP", "SOP changes"),
    "diff_sides": (
        "{base} (titik cabang dari {ref}) → {head}",
        "{base} (branch point of {ref}) → {head}",
    ),
    "diff_working_tree": ("pohon kerja", "working tree"),
    "diff_nothing": ("Tidak ada SOP yang berubah.", "No SOP changed."),
    "diff_count_one": ("{count} SOP berubah: {kinds}", "{count} SOP changed: {kinds}"),
    "diff_count": ("{count} SOP berubah: {kinds}", "{count} SOPs changed: {kinds}"),
    "diff_renumbered": ("{count} dinomori ulang", "{count} renumbered"),
    "diff_renamed": ("{count} berganti nama", "{count} retitled"),
    "diff_file_moved": ("{count} berkasnya dipindah", "{count} moved to another path"),
    "diff_formerly": ("{path} (dahulu {old})", "{path} (formerly {old})"),
    "diff_no_number": ("tanpa nomor", "no number"),
    "diff_no_title": ("tanpa nama", "no title"),
    "diff_col_change": ("Perubahan", "Change"),
    "diff_col_file": ("Berkas", "File"),
    "step_added": ("langkah {step} ditambahkan: {kegiatan}", "step {step} added: {kegiatan}"),
    "step_removed": (
        "langkah {step} (lama) dihapus: {kegiatan}",
        "old step {step} removed: {kegiatan}",
    ),
    "step_kind": ("langkah {step} {kind}: {kegiatan}", "step {step} {kind}: {kegiatan}"),
    "step_kind_from": (
        "langkah {step} {kind} (dahulu langkah {old}): {kegiatan}",
        "step {step} {kind} (formerly step {old}): {kegiatan}",
    ),
    "describe_fields": ("diubah: {keys}", "changed: {keys}"),
    "describe_step": ("langkah {steps} {kind}", "step {steps} {kind}"),
    "describe_steps": ("langkah {steps} {kind}", "steps {steps} {kind}"),
    "describe_nothing": ("tanpa perubahan isi", "no change to the content"),
    # -- the local web app: serve --
    "serve_running": (
        "Katalog {root} dibuka di {url}\nTekan Ctrl+C untuk berhenti.",
        "Catalog {root} served at {url}\nPress Ctrl+C to stop.",
    ),
    "serve_host_warning": (
        "PERINGATAN: --host {host} membuka editor untuk komputer lain di jaringan; siapa pun "
        "yang dapat menjangkaunya dapat mengubah SOP. Gunakan hanya di jaringan tepercaya.",
        "WARNING: --host {host} opens the editor to other computers on the network; anyone who "
        "can reach it can change SOPs. Use it on a trusted network only.",
    ),
    "serve_port_taken": (
        "{host}:{port} tidak dapat dipakai ({detail})",
        "{host}:{port} cannot be used ({detail})",
    ),
    "serve_port_hint": (
        "pilih port lain dengan --port, mis. --port 8766 (0: port bebas mana saja)",
        "choose another port with --port, e.g. --port 8766 (0: any free port)",
    ),
    "serve_missing": (
        "sopctl serve memerlukan paket tambahan yang belum terpasang ({name})",
        "sopctl serve needs extra packages that are not installed ({name})",
    ),
    "serve_missing_hint": ('pip install "sopctl[serve]"', 'pip install "sopctl[serve]"'),
    # -- column headers of the terminal tables: list, riwayat --
    "col_nomor": ("Nomor", "Number"),
    "col_nama": ("Nama SOP", "SOP title"),
    "col_unit": ("Unit", "Unit"),
    "col_area": ("Area RB", "RB area"),
    "col_status": ("Status", "Status"),
    "col_efektif": ("Efektif", "Effective"),
    "col_jatuh_tempo": ("Jatuh tempo", "Next due"),
    "col_tanggal": ("Tanggal", "Date"),
    "col_commit": ("Commit", "Commit"),
    "col_penulis": ("Penulis", "Author"),
    "col_subjek": ("Subjek", "Subject"),
    "col_perubahan": ("Perubahan", "Changes"),
    # -- what a catalog may not do (issue 13: every file of a pull request is untrusted) --
    "template_outside": (
        "templat `{name}` menunjuk ke luar katalog ({target}); tidak dibaca",
        "template `{name}` points outside the catalog ({target}); not read",
    ),
    "template_failed": (
        "templat `{name}` gagal: {error}",
        "template `{name}` failed: {error}",
    ),
    "template_hint": (
        "templat di templates/ adalah kode: hanya pemelihara katalog yang boleh mengubahnya "
        "(lihat docs/ci.md); templat berjalan dalam sandbox Jinja",
        "templates in templates/ are code: only the catalog's maintainers may change them "
        "(see docs/ci.md); they run in Jinja's sandbox",
    ),
    "asset_outside": (
        "{setting} `{name}`: berkas di luar katalog (atau tautan simbolik ke luar); tidak dibaca",
        "{setting} `{name}`: the file is outside the catalog (or a symlink out of it); not read",
    ),
    "asset_kind": (
        "{setting} `{name}`: jenis gambar tidak didukung",
        "{setting} `{name}`: unsupported image type",
    ),
    "asset_kind_hint": ("gunakan .svg, .png atau .jpg", "use .svg, .png or .jpg"),
    "asset_unreadable": (
        "{setting} `{name}`: berkas tidak dapat dibaca ({error})",
        "{setting} `{name}`: the file cannot be read ({error})",
    ),
    "asset_too_large": (
        "{setting} `{name}`: berkas terlalu besar ({size} byte; batasnya {limit} byte)",
        "{setting} `{name}`: the file is too large ({size} bytes; the limit is {limit})",
    ),
    "asset_not_image": (
        "{setting} `{name}`: isi berkas bukan gambar {kind}",
        "{setting} `{name}`: the file's content is not a {kind} image",
    ),
    "asset_svg_external": (
        "{setting} `{name}`: SVG merujuk sumber luar ({ref}); ditolak",
        "{setting} `{name}`: the SVG refers to an outside resource ({ref}); refused",
    ),
    "asset_hint": (
        "path relatif terhadap akar katalog, di dalam katalog; SVG tanpa href/url ke luar, "
        "skrip atau entitas",
        "a path relative to the catalog root, inside it; an SVG without outside hrefs/urls, "
        "scripts or entities",
    ),
    "pdf_fetch_refused": (
        "PDF tidak dibuat: dokumen meminta sumber di luar katalog ({url})",
        "no PDF written: the document asked for a resource outside the catalog ({url})",
    ),
    "pattern_too_complex": (
        "{path}:{line}:1: `nomor.pola` terlalu rumit untuk dicocokkan dengan aman: "
        "pengulangan di dalam pengulangan, atau pilihan (|) yang diulang: {pattern}",
        "{path}:{line}:1: `nomor.pola` is too complex to match safely: a repetition "
        "inside a repetition, or a repeated alternation (|): {pattern}",
    ),
    "pattern_hint": (
        "tulis pola tanpa pengulangan bersarang, mis. '^\\d{{3}}/SOP/[A-Z]+/\\d{{4}}$'; pola "
        "seperti itu bisa membuat lint berjalan berjam-jam",
        "write the pattern without nested repetition, e.g. '^\\d{{3}}/SOP/[A-Z]+/\\d{{4}}$'; "
        "such a pattern can make lint run for hours",
    ),
    "write_failed": (
        "{path}: tidak dapat ditulis ({error}); berkas dibiarkan utuh",
        "{path}: cannot be written ({error}); the file was left intact",
    ),
    "write_failed_hint": (
        "periksa ruang disk dan izin berkas, lalu jalankan ulang",
        "check the free disk space and the file's permissions, then run again",
    ),
    "changed_while_formatting": (
        "{path}: berkas berubah selama dirapikan; tidak ditulis",
        "{path}: the file changed while it was being formatted; not written",
    ),
    "changed_while_formatting_hint": (
        "simpan perubahan Anda, lalu jalankan `sopctl fmt` lagi",
        "save your edit, then run `sopctl fmt` again",
    ),
}


UI: dict[str, tuple[str, str]] = {**_CLI, **FAILURES, **USAGE}


@dataclass(frozen=True)
class Phrase:
    """A catalog phrase not yet put in a language: its key and arguments. Arguments that are
    Phrases themselves are said in the same language."""

    key: str
    args: Mapping[str, object] = field(default_factory=dict)

    def say(self, lang: str) -> str:
        return ui(self.key, lang, **{k: say(v, lang) for k, v in self.args.items()})

    def __str__(self) -> str:
        return self.say("id")


class Sayable(Protocol):
    """Anything said in a language when shown: a Phrase, another program's message."""

    def say(self, lang: str) -> str: ...


Said = str | Sayable  # what an error carries: a phrase, or a fact to show as it is (a path)


def phrase(key: str, /, **args: object) -> Phrase:
    """The phrase `key` with `args`, to be said later (`KeyError` now for an unknown key)."""
    UI[key]
    return Phrase(key, args)


def say(text: object, lang: str) -> str:
    """A `Phrase` (or other `Sayable`) in `lang`; anything else as text."""
    speak = getattr(text, "say", None)
    return speak(lang) if callable(speak) else str(text)


def pick(entry: tuple[str, str], lang: str) -> str:
    """The side of a (Bahasa Indonesia, English) pair that `lang` names; Indonesian unless "en"."""
    return entry[1] if lang == "en" else entry[0]


def ui(key: str, lang: str, /, **args: object) -> str:
    """A CLI phrase in `lang`."""
    return pick(UI[key], lang).format(**args)
