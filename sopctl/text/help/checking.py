"""Help of the program itself, of the options several commands share, and of the commands
that check files: lint, fmt and schema. (Bahasa Indonesia, English) pairs."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # -- sopctl ----------------------------------------------------------------------------
    "app": (
        """SOP sebagai kode: buat, periksa, daftar, render dan laporkan SOP-AP
        (PermenPAN-RB 35/2012) yang disimpan sebagai berkas YAML di repositori git.

        Contoh: sopctl lint sops

        Bantuan dalam bahasa Inggris: SOPCTL_LANG=en sopctl --help
        """,
        """SOPs as code: create, check, list, render and report SOP-AP
        (PermenPAN-RB 35/2012) kept as YAML files in a git repository.

        Example: sopctl lint sops

        Help in Bahasa Indonesia (the default): SOPCTL_LANG=id sopctl --help
        """,
    ),
    "app.debug": (
        "Tampilkan traceback lengkap bila terjadi kesalahan.",
        "Show the full traceback when an error occurs.",
    ),
    "app.version": ("Tampilkan versi.", "Show the version."),
    # -- options several commands share ----------------------------------------------------
    "common.lang": (
        "Bahasa pesan dan bantuan: id (bawaan) atau en. Juga SOPCTL_LANG atau `bahasa` di "
        "sopctl.toml.",
        "Language of messages and help: id (the default) or en. Also SOPCTL_LANG or `bahasa` "
        "in sopctl.toml.",
    ),
    "common.paths": (
        "Berkas atau folder SOP (bawaan: seluruh katalog di folder ini).",
        "SOP files or folders (default: the whole catalog in this folder).",
    ),
    "common.unit": (
        "Hanya unit ini (id, kode atau alias).",
        "Only this unit (id, code or alias).",
    ),
    "common.area": ("Hanya area RB ini (id atau alias).", "Only this RB area (id or alias)."),
    "common.statuses": (
        "Hanya status ini (boleh diulang). Bawaan: selain dicabut.",
        "Only this status (may be repeated). Default: all but dicabut.",
    ),
    # -- lint ------------------------------------------------------------------------------
    "lint": (
        """Periksa berkas SOP terhadap format SOP-AP dan aturan katalog.

        Aturan lintas berkas (nomor unik, keterkaitan, unit, area RB) selalu melihat seluruh
        katalog, juga bila hanya satu berkas yang diperiksa.

        Kode keluar: 0 tanpa error, 1 ada error, 2 salah pemakaian atau konfigurasi, 3 kesalahan
        tak terduga.

        Contoh:

          sopctl lint sops

          sopctl lint sops/sdm/cuti-tahunan.yaml --format json

          sopctl lint --select P --ignore P010 --format github

          sopctl lint sops --changed-since origin/main --format github
        """,
        """Check SOP files against the SOP-AP format and the catalog's rules.

        Rules across files (unique numbers, links, units, RB areas) always look at the whole
        catalog, also when only one file is checked.

        Exit codes: 0 no errors, 1 errors found, 2 wrong usage or configuration, 3 unexpected
        failure.

        Example:

          sopctl lint sops

          sopctl lint sops/sdm/cuti-tahunan.yaml --format json

          sopctl lint --select P --ignore P010 --format github

          sopctl lint sops --changed-since origin/main --format github
        """,
    ),
    "lint.format": (
        "text, json, github, sarif atau gitlab.",
        "text, json, github, sarif or gitlab.",
    ),
    "lint.changed_since": (
        "Hanya berkas SOP yang berubah sejak cabang ini berpisah dari REF (git), "
        "ditambah keterkaitan (K002) yang rusak di berkas mana pun.",
        "Only the SOP files changed since this branch left REF (git), "
        "plus broken links (K002) in any file.",
    ),
    "lint.select": (
        "Hanya kode (atau awalan) ini, mis. P atau P009,K001.",
        "Only these codes (or prefixes), e.g. P or P009,K001.",
    ),
    "lint.ignore": ("Lewati kode (atau awalan) ini.", "Skip these codes (or prefixes)."),
    "lint.as_of": (
        "Nilai jatuh tempo monitoring/evaluasi per tanggal ini (bawaan: hari ini).",
        "Judge monitoring/evaluation due dates as of this date (default: today).",
    ),
    "lint.no_cache": (
        "Baca ulang setiap berkas; abaikan dan jangan perbarui cache .sopctl-cache/.",
        "Read every file again; neither use nor update the .sopctl-cache/ cache.",
    ),
    "lint.no_waivers": (
        "Abaikan semua pengecualian (# sopctl: abaikan ...): tampilkan setiap temuan, untuk audit.",
        "Disregard every suppression (# sopctl: ignore ...): show every finding, for audits.",
    ),
    # -- fmt -------------------------------------------------------------------------------
    "fmt": (
        """Rapikan berkas SOP ke satu tata letak baku.

        Urutan kunci sesuai format SOP, indentasi dan tanda kutip seragam, setiap pemetaan dan
        daftar dalam gaya blok (satu butir per baris, agar diff git jelas).

        Komentar dan modeline tetap ada; data tidak pernah berubah (diperiksa sebelum menulis).
        Berkas yang tidak dapat dibaca dilaporkan dan dibiarkan. Penulisan bersifat atomik.

        Kode keluar: 0 selesai, 1 ada berkas yang perlu dirapikan (--check/--diff) atau tidak dapat
        dibaca, 2 salah pemakaian.

        Contoh:

          sopctl fmt sops

          sopctl fmt --check sops

          sopctl fmt --diff sops/sdm/cuti-tahunan.yaml
        """,
        """Rewrite SOP files into one canonical layout.

        Keys in the order of the SOP format, uniform indentation and quotes, every mapping and
        list in block style (one item per line, so that git diffs stay clear).

        Comments and modelines are kept; the data never changes (checked before writing).
        Files that cannot be read are reported and left alone. Writes are atomic.

        Exit codes: 0 done, 1 some file needs formatting (--check/--diff) or cannot be read,
        2 wrong usage.

        Example:

          sopctl fmt sops

          sopctl fmt --check sops

          sopctl fmt --diff sops/sdm/cuti-tahunan.yaml
        """,
    ),
    "fmt.check": (
        "Jangan ubah apa pun; keluar 1 bila ada berkas yang perlu dirapikan.",
        "Change nothing; exit 1 when some file needs formatting.",
    ),
    "fmt.diff": (
        "Tampilkan perubahannya (unified diff); tidak menulis.",
        "Show the changes (unified diff); write nothing.",
    ),
    # -- schema ----------------------------------------------------------------------------
    "schema": (
        """Tulis JSON Schema berkas SOP dan sopctl.toml (untuk editor, mis. VS Code + YAML).

        Contoh:

          sopctl schema

          sopctl schema -o schemas
        """,
        """Write the JSON Schemas of SOP files and sopctl.toml (for editors, e.g. VS Code + YAML).

        Example:

          sopctl schema

          sopctl schema -o schemas
        """,
    ),
    "schema.output": (
        "Folder tujuan (bawaan: schemas/ di akar katalog, tempat modeline berkas dari "
        "`sopctl new` menunjuk; di luar katalog: ./schemas).",
        "Target folder (default: schemas/ at the catalog's root, where the modelines of files "
        "made by `sopctl new` point; outside a catalog: ./schemas).",
    ),
}
