"""Phrases of the pages `sopctl serve` shows, as (Bahasa Indonesia, English) pairs.

Part of the one message catalog; templates read them as `t.key` (`page_phrases(lang)`), and a
phrase with `{placeholders}` is filled in with `t.key.format(...)`.
"""

from __future__ import annotations

from sopctl.text.phrases import pick

PAGES: dict[str, tuple[str, str]] = {
    # -- every page --
    "app_name": ("Katalog SOP", "SOP catalog"),
    "nav_catalog": ("Katalog", "Catalog"),
    "nav_new": ("SOP baru", "New SOP"),
    "nav_report": ("Laporan", "Report"),
    "local_only": (
        "Hanya di komputer ini; berkas disimpan di folder katalog.",
        "On this computer only; files are saved in the catalog folder.",
    ),
    "not_found_title": ("Halaman tidak ditemukan", "Page not found"),
    "not_found_text": (
        "Tidak ada SOP atau halaman di alamat ini di katalog.",
        "There is no SOP or page at this address in the catalog.",
    ),
    "forbidden_title": ("Formulir kedaluwarsa", "Form expired"),
    "forbidden_text": (
        "Formulir ini tidak dikirim dari halaman sopctl serve yang sedang berjalan. Muat ulang "
        "halamannya lalu kirim lagi.",
        "This form was not sent from the running sopctl serve page. Reload the page and send "
        "it again.",
    ),
    "bad_host": (
        "Alamat host tidak dikenal; buka sopctl serve lewat http://127.0.0.1 atau http://localhost.",
        "Unknown host; open sopctl serve at http://127.0.0.1 or http://localhost.",
    ),
    "bad_form_title": ("Formulir tidak lengkap", "Incomplete form"),
    "bad_form_text": (
        "Isian formulir tidak utuh. Muat ulang halaman editor lalu coba lagi.",
        "The form arrived incomplete. Reload the editor and try again.",
    ),
    "error_title": ("Tidak dapat ditampilkan", "Cannot be shown"),
    "error_hint": ("saran", "hint"),
    "back_to_catalog": ("Kembali ke katalog", "Back to the catalog"),
    # -- catalog --
    "catalog_title": ("Daftar SOP", "SOPs"),
    "catalog_count": ("{shown} dari {total} SOP", "{shown} of {total} SOPs"),
    "catalog_page": (
        "baris {first}–{last}, halaman {page} dari {pages}",
        "rows {first}–{last}, page {page} of {pages}",
    ),
    "page_prev": ("Sebelumnya", "Previous"),
    "page_next": ("Berikutnya", "Next"),
    "filter_unit": ("Unit", "Unit"),
    "filter_area": ("Area RB", "RB area"),
    "filter_status": ("Status", "Status"),
    "filter_all": ("(semua)", "(all)"),
    "filter_overdue": ("Hanya yang jatuh tempo", "Overdue only"),
    "filter_search": ("Cari judul atau kegiatan", "Search titles and activities"),
    "filter_apply": ("Terapkan", "Apply"),
    "filter_reset": ("Hapus saringan", "Clear filters"),
    "col_due": ("Jatuh tempo", "Next due"),
    "col_findings": ("Temuan lint", "Lint findings"),
    "catalog_empty": ("Tidak ada SOP yang cocok.", "No matching SOP."),
    "catalog_skipped": (
        "Berkas yang tidak dapat dibaca sebagai SOP",
        "Files that cannot be read as an SOP",
    ),
    "count_error": ("{n} error", "{n} errors"),
    "count_warning": ("{n} peringatan", "{n} warnings"),
    "count_info": ("{n} info", "{n} infos"),
    "count_none": ("bersih", "clean"),
    "severity_error": ("error", "error"),
    "severity_warning": ("peringatan", "warning"),
    "severity_info": ("info", "info"),
    "severity_suppressed": ("dikecualikan", "waived"),
    # -- one SOP --
    "open_editor": ("Ubah SOP ini", "Edit this SOP"),
    "findings_title": ("Temuan lint", "Lint findings"),
    "findings_none": (
        "Tidak ada temuan: SOP ini lolos lint.",
        "No findings: this SOP passes lint.",
    ),
    "finding_waived": ("dikecualikan: {reason}", "waived: {reason}"),
    "saved": ("Tersimpan: {path}", "Saved: {path}"),
    "saved_unchanged": (
        "Tidak ada perubahan; berkas dibiarkan.",
        "Nothing changed; file left as is.",
    ),
    "invalid_document": (
        "Dokumen belum dapat dirender karena berkas belum sesuai skema; perbaiki temuan di "
        "samping.",
        "The document cannot be rendered until the file matches the schema; fix the findings "
        "beside it.",
    ),
    "document_frame": ("Dokumen SOP {nomor}", "SOP document {nomor}"),
    "file_source": ("Isi berkas", "File contents"),
    # -- editor --
    "edit_title": ("Ubah SOP: {path}", "Edit SOP: {path}"),
    "section_identity": ("Identitas", "Identity"),
    "section_actors": ("Pelaksana", "Actors"),
    "section_steps": ("Langkah", "Steps"),
    "section_preview": ("Pratinjau diagram alir", "Flowchart preview"),
    "field_nomor": ("Nomor SOP", "SOP number"),
    "field_nama": ("Nama SOP", "SOP title"),
    "field_unit": ("Unit", "Unit"),
    "field_area": ("Area RB", "RB area"),
    "field_jenis": ("Jenis", "Type"),
    "field_status": ("Status", "Status"),
    "field_proses_bisnis": ("Kode proses bisnis", "Business process code"),
    "field_pembuatan": ("Tanggal pembuatan", "Date made"),
    "field_revisi": ("Tanggal revisi", "Revision date"),
    "field_efektif": ("Tanggal efektif", "Effective date"),
    "field_jabatan": ("Disahkan oleh: jabatan", "Enacted by: position"),
    "field_pejabat": ("Disahkan oleh: nama", "Enacted by: name"),
    "field_nip": ("Disahkan oleh: NIP (18 angka)", "Enacted by: NIP (18 digits)"),
    "field_dasar_hukum": ("Dasar hukum (satu per baris)", "Legal basis (one per line)"),
    "field_kualifikasi": (
        "Kualifikasi pelaksana (satu per baris)",
        "Actor qualifications (one per line)",
    ),
    "field_keterkaitan": (
        "Keterkaitan (satu per baris: nomor SOP, atau nomor | prasyarat, lanjutan atau terkait)",
        "Links (one per line: an SOP number, or number | prasyarat, lanjutan or terkait)",
    ),
    "field_peralatan": ("Peralatan/perlengkapan (satu per baris)", "Equipment (one per line)"),
    "field_peringatan": ("Peringatan (satu per baris)", "Warnings (one per line)"),
    "field_pencatatan": (
        "Pencatatan dan pendataan (satu per baris)",
        "Records kept (one per line)",
    ),
    "field_none": ("(tidak ada)", "(none)"),
    "actor_id": ("id", "id"),
    "actor_nama": ("Nama jabatan", "Job title"),
    "actor_add": ("Tambah pelaksana", "Add actor"),
    "step_kegiatan": ("Kegiatan", "Activity"),
    "step_pelaksana": ("Pelaksana", "Actor"),
    "step_ya": ("Ya →", "Ya (yes) →"),
    "step_tidak": ("Tidak →", "Tidak (no) →"),
    "step_lanjut": ("Lanjut ke", "Then go to"),
    "step_next": ("(langkah berikutnya)", "(the next step)"),
    "step_missing": ("{n} (tidak ada)", "{n} (no such step)"),
    "step_removed": ("(langkah yang dihapus)", "(a removed step)"),
    "step_kelengkapan": ("Kelengkapan (satu per baris)", "Requirements (one per line)"),
    "step_waktu": ("Waktu (mis. 15 menit)", "Time (e.g. 15 menit)"),
    "step_output": ("Output", "Output"),
    "step_keterangan": ("Keterangan", "Remarks"),
    "step_add": ("Tambah langkah", "Add step"),
    "step_add_decision": ("Tambah keputusan", "Add decision"),
    "step_up": ("Naikkan", "Move up"),
    "step_down": ("Turunkan", "Move down"),
    "remove": ("Hapus", "Remove"),
    "save": ("Simpan", "Save"),
    "cancel": ("Batal", "Cancel"),
    "preview_note": (
        "Pratinjau diperbarui saat Anda mengetik; belum disimpan.",
        "The preview follows your typing; nothing is saved yet.",
    ),
    "preview_invalid": (
        "Belum dapat digambar; periksa isian ini:",
        "Cannot be drawn yet; check these fields:",
    ),
    "changed_on_disk": (
        "Berkas ini diubah di luar browser sejak editor dibuka. Menyimpan akan ditolak; muat "
        "ulang untuk melihat isinya sekarang.",
        "This file was changed outside the browser since the editor opened. Saving will be "
        "refused; reload to see what it holds now.",
    ),
    "unreadable_title": (
        "Berkas tidak dapat dibuka di editor",
        "The file cannot be opened in the editor",
    ),
    "unreadable_text": (
        "Berkas ini bukan YAML yang dapat dibaca, atau memuat isian yang tidak dapat ditampilkan "
        "formulir (mis. daftar di tempat teks); perbaiki dulu di editor teks (lihat temuan lint).",
        "This file is not readable YAML, or holds values the form cannot show (e.g. a list where "
        "text belongs); fix it in a text editor first (see the lint findings).",
    ),
    # -- stale save --
    "conflict_title": ("Penyimpanan ditolak: berkas berubah", "Save refused: the file changed"),
    "conflict_text": (
        "{path} diubah di luar browser setelah editor dibuka. Perubahan Anda TIDAK disimpan, "
        "agar perubahan lain tidak tertimpa. Salin isian Anda bila perlu, lalu buka editor lagi.",
        "{path} was changed outside the browser after the editor opened. Your changes were NOT "
        "saved, so that the other changes are not overwritten. Copy your text if you need it, "
        "then open the editor again.",
    ),
    "conflict_changes": (
        "Beda isian Anda dari berkas sekarang (- di berkas, + isian Anda)",
        "How your version differs from the file now (- in the file, + yours)",
    ),
    "conflict_disk": ("Isi berkas sekarang", "The file now"),
    "conflict_mine": ("Isian Anda", "Your version"),
    "conflict_reopen": ("Buka editor lagi", "Open the editor again"),
    # -- new --
    "new_title": ("SOP baru", "New SOP"),
    "new_intro": (
        "Sama dengan `sopctl new`: draf dengan nomor berikutnya, lalu dibuka di editor.",
        "The same as `sopctl new`: a draft with the next number, then opened in the editor.",
    ),
    "new_actors": (
        "Pelaksana (satu per baris: Nama Jabatan, atau id=Nama Jabatan)",
        "Actors (one per line: Job Title, or id=Job Title)",
    ),
    "new_create": ("Buat draf", "Create draft"),
    "new_failed": ("Draf belum dibuat:", "No draft made:"),
    # -- report --
    "report_title": ("Laporan SOP", "SOP report"),
    "report_frame": ("Laporan SOP per unit dan area RB", "SOP report per unit and RB area"),
}


def page_phrases(lang: str) -> dict[str, str]:
    """Every page phrase in `lang`, for the templates."""
    return {key: pick(pair, lang) for key, pair in PAGES.items()}
