"""The errors core modules raise, as (Bahasa Indonesia, English) pairs.

Core modules raise `SopctlError(phrase(KEY, **args))`; the CLI says it in the user's language.
Hints name `docs/format.md` sections or `sopctl … --help`, which every catalog can reach."""

from __future__ import annotations

FAILURES: dict[str, tuple[str, str]] = {
    # -- paths and catalogs --
    "path_missing": ("{path}: tidak ditemukan", "{path}: not found"),
    "check_path": ("periksa path yang diberikan", "check the path you gave"),
    "folder_not_found": ("{path}: folder tidak ditemukan", "{path}: no such folder"),
    "no_catalog": (
        "{path}: bukan bagian dari katalog SOP (tidak ada {config} di folder ini atau di atasnya)",
        "{path}: not inside an SOP catalog (no {config} in this folder or above it)",
    ),
    "no_catalog_hint": (
        "jalankan di dalam katalog, atau buat {config} di akar katalog",
        "run it inside a catalog, or create {config} at the catalog's root",
    ),
    "choices_close": (
        "maksud Anda `{close}`? pilihan: {choices}",
        "did you mean `{close}`? choices: {choices}",
    ),
    "choices": ("pilihan: {choices}", "choices: {choices}"),
    "unit_unknown": ("unit `{value}` tidak dikenal", "unknown unit `{value}`"),
    "area_unknown": ("area RB `{value}` tidak dikenal", "unknown RB area `{value}`"),
    # -- sopctl.toml --
    "config_unreadable": (
        "{path}: tidak dapat dibaca: {reason}",
        "{path}: cannot be read: {reason}",
    ),
    "config_toml": ("{where}: TOML tidak valid: {detail}", "{where}: invalid TOML: {detail}"),
    "config_toml_hint": (
        "periksa tanda kutip, tanda = dan [bagian] di sekitar baris ini",
        "check the quotes, `=` signs and [sections] around this line",
    ),
    "config_value": ("{where}: `{key}`: {detail}", "{where}: `{key}`: {detail}"),
    "config_hint": (
        "lihat docs/format.md bagian sopctl.toml, atau `sopctl schema --help`",
        "see docs/format.md, section sopctl.toml, or `sopctl schema --help`",
    ),
    "config_regex": (
        "{where}: `nomor.pola` bukan regex yang valid: {detail}",
        "{where}: `nomor.pola` is not a valid regex: {detail}",
    ),
    "config_regex_hint": (
        "regex Python, mis. '^\\d{{3}}/SOP/[A-Z]+/\\d{{4}}$'",
        "a Python regex, e.g. '^\\d{{3}}/SOP/[A-Z]+/\\d{{4}}$'",
    ),
    "template_invalid": (
        "`nomor.templat` tidak valid: {detail}",
        "`nomor.templat` is invalid: {detail}",
    ),
    "template_field_unknown": (
        "`nomor.templat` = {template}: kolom {fields} tidak dikenal",
        "`nomor.templat` = {template}: unknown fields {fields}",
    ),
    "template_urut_missing": (
        "`nomor.templat` = {template}: kolom {{urut}} wajib ada",
        "`nomor.templat` = {template}: the field {{urut}} is required",
    ),
    "template_fields_hint": ("kolom yang tersedia: {fields}", "available fields: {fields}"),
    "penetapan_general_twice": (
        "{where}: lebih dari satu `[[penetapan]]` tanpa daftar `sop` ({numbers})",
        "{where}: more than one `[[penetapan]]` without a `sop` list ({numbers})",
    ),
    "penetapan_general_hint": (
        "hanya satu Keputusan boleh menetapkan semua SOP lainnya; beri yang lain `sop`",
        "only one Keputusan may enact all the other SOPs; give the others a `sop` list",
    ),
    "number_template_failed": (
        "`nomor.templat` = {template}: {detail}",
        "`nomor.templat` = {template}: {detail}",
    ),
    "number_off_pattern": (
        "nomor baru `{number}` dari `nomor.templat` tidak cocok dengan `nomor.pola` ({pattern})",
        "the new number `{number}` from `nomor.templat` does not match `nomor.pola` ({pattern})",
    ),
    "number_off_pattern_hint": (
        "samakan `nomor.templat` dan `nomor.pola` di sopctl.toml",
        "make `nomor.templat` and `nomor.pola` in sopctl.toml agree",
    ),
    # -- new, renumber --
    "new_template": ("{template}: {detail}", "{template}: {detail}"),
    "new_template_hint": ("periksa {path}", "check {path}"),
    "not_readable_sop": (
        "{where}: berkas tidak dapat dibaca sebagai SOP",
        "{where}: the file cannot be read as an SOP",
    ),
    "run_lint_for_details": (
        "jalankan `sopctl lint {path}` untuk rinciannya",
        "run `sopctl lint {path}` for the details",
    ),
    # -- render, booklet, pdf --
    "render_invalid_sop": (
        "{path}: bukan SOP yang valid ({count} masalah)",
        "{path}: not a valid SOP ({count} problems)",
    ),
    "run_lint_and_fix": (
        "jalankan `sopctl lint {path}` dan perbaiki berkasnya",
        "run `sopctl lint {path}` and fix the file",
    ),
    "run_lint_and_fix_all": (
        "jalankan `sopctl lint` dan perbaiki berkasnya",
        "run `sopctl lint` and fix the file",
    ),
    "render_no_files": (
        "tidak ada berkas SOP (*.yaml) yang ditemukan",
        "no SOP files (*.yaml) found",
    ),
    "render_unsafe_name": (
        "{name}: nama berkas keluaran tidak aman",
        "{name}: unsafe output file name",
    ),
    "render_actor_undeclared": (
        "{sop}: langkah {number}: pelaksana `{actor}` tidak dideklarasikan",
        "{sop}: step {number}: actor `{actor}` is not declared",
    ),
    "booklet_suffix": (
        "{path}: berkas keluaran harus .html, .pdf atau .docx",
        "{path}: the output file must be .html, .pdf or .docx",
    ),
    "booklet_suffix_hint": ("mis. -o buku-sop.pdf", "e.g. -o buku-sop.pdf"),
    "booklet_empty": ("tidak ada SOP yang cocok dengan filter", "no SOP matches the filters"),
    "booklet_empty_hint": (
        "periksa --unit/--area/--status; SOP draf hanya dengan --termasuk-draf",
        "check --unit/--area/--status; drafts only with --termasuk-draf",
    ),
    "docx_missing": (
        "pustaka Word (python-docx) tidak terpasang",
        "the Word library (python-docx) is not installed",
    ),
    "docx_install_hint": (
        'pasang dengan `pip install "sopctl[word]"`',
        'install it with `pip install "sopctl[word]"`',
    ),
    "docx_template_big": (
        "{path}: templat Word terlalu besar",
        "{path}: the Word template is too large",
    ),
    "docx_template_bad": (
        "{path}: templat Word tidak dapat dibuka ({detail})",
        "{path}: the Word template cannot be opened ({detail})",
    ),
    "docx_template_hint": (
        "simpan ulang templates/sop.docx dari Word sebagai .docx",
        "save templates/sop.docx again from Word as .docx",
    ),
    "pdf_missing": (
        "mesin PDF (WeasyPrint) tidak terpasang",
        "the PDF engine (WeasyPrint) is not installed",
    ),
    "pdf_libraries": (
        "mesin PDF (WeasyPrint) tidak dapat memuat pustaka sistem: {detail}",
        "the PDF engine (WeasyPrint) cannot load its system libraries: {detail}",
    ),
    "pdf_install_hint": (
        'pasang dengan `pip install "sopctl[pdf]"`; di Debian/Ubuntu juga '
        "`apt-get install libpango-1.0-0 libpangoft2-1.0-0`",
        'install it with `pip install "sopctl[pdf]"`; on Debian/Ubuntu also '
        "`apt-get install libpango-1.0-0 libpangoft2-1.0-0`",
    ),
    # -- git --
    "git_missing": ("program `git` tidak ditemukan", "the `git` program was not found"),
    "git_missing_hint": (
        "pasang git dan pastikan ada di PATH",
        "install git and make sure it is on the PATH",
    ),
    "git_not_repository": (
        "{path}: bukan bagian dari repositori git",
        "{path}: not inside a git repository",
    ),
    "git_not_repository_hint": (
        "jalankan perintah ini di dalam repositori git (atau `git init` lebih dulu)",
        "run this command inside a git repository (or `git init` first)",
    ),
    "git_dubious": (
        "{path}: git menolak repositori milik pengguna lain",
        "{path}: git refuses a repository owned by another user",
    ),
    "git_unknown_revision": (
        "revisi git tidak dikenal: {revision}",
        "unknown git revision: {revision}",
    ),
    "git_revision_hint": (
        "periksa nama cabang, tag atau commit; di CI ambil riwayat lengkap "
        "(actions/checkout: fetch-depth: 0, GitLab: GIT_DEPTH: 0)",
        "check the branch, tag or commit name; in CI fetch the whole history "
        "(actions/checkout: fetch-depth: 0, GitLab: GIT_DEPTH: 0)",
    ),
    "git_no_common_ancestor": (
        "`{revision}` dan `{other}` tidak punya leluhur bersama",
        "`{revision}` and `{other}` have no common ancestor",
    ),
    "git_fetch_depth_hint": (
        "di CI ambil riwayat lengkap (actions/checkout: fetch-depth: 0)",
        "in CI fetch the whole history (actions/checkout: fetch-depth: 0)",
    ),
    "git_no_default_branch": (
        "cabang utama tidak ditemukan (origin/HEAD, main atau master)",
        "no main branch found (origin/HEAD, main or master)",
    ),
    "git_default_branch_hint": (
        "sebutkan revisi pembanding, mis. `sopctl diff v1.0`",
        "name the revision to compare with, e.g. `sopctl diff v1.0`",
    ),
    "git_failed": ("`git {command}` gagal: {detail}", "`git {command}` failed: {detail}"),
    "git_no_message": ("tanpa pesan", "no message"),
    # -- the operating system, when a command cannot read or write --
    "os_failed": ("{path}: {reason}", "{path}: {reason}"),
    "os_hint": (
        "periksa path, izin berkas dan ruang disk",
        "check the path, the file's permissions and the free disk space",
    ),
}
