"""Help of the commands that write SOPs or list them: new, renumber and list.
(Bahasa Indonesia, English) pairs."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # -- new -------------------------------------------------------------------------------
    "new": (
        """Buat SOP baru berstatus draf dengan nomor bebas berikutnya.

        Berkas dibuat dari templat new.yaml.j2 (templates/ katalog menggantikan templat bawaan).

        Di terminal, yang belum diberikan lewat opsi ditanyakan; di skrip, --nama, --unit, --area
        dan minimal satu --pelaksana wajib. Berkas ditulis ke <katalog>/<unit>/<judul>.yaml dan
        tidak pernah menimpa berkas yang ada.

        Contoh:

          sopctl new

          sopctl new --nama "Penyusunan DUK Pegawai" --unit sdm --area manajemen-sdm \\
            --pelaksana "kasubbag=Kepala Subbagian SDM" --pelaksana "Staf Subbagian SDM" --yes
        """,
        """Create a new draft SOP with the next free number.

        The file is made from the new.yaml.j2 template (a catalog's templates/ replaces the
        built-in one).

        On a terminal, what was not given as an option is asked; in scripts, --nama, --unit,
        --area and at least one --pelaksana are required. The file is written to
        <katalog>/<unit>/<judul>.yaml and never overwrites an existing file.

        Example:

          sopctl new

          sopctl new --nama "Penyusunan DUK Pegawai" --unit sdm --area manajemen-sdm \\
            --pelaksana "kasubbag=Kepala Subbagian SDM" --pelaksana "Staf Subbagian SDM" --yes
        """,
    ),
    "new.nama": ("Nama (judul) SOP.", "Name (title) of the SOP."),
    "new.unit": (
        "Unit pemilik: id, kode, nama atau alias.",
        "Owning unit: id, code, name or alias.",
    ),
    "new.area": ("Area RB: id, nama atau alias.", "RB area: id, name or alias."),
    "new.jenis": (
        "Jenis SOP: teknis atau administratif.",
        "SOP type: teknis (technical) or administratif (administrative).",
    ),
    "new.pelaksana": (
        "Pelaksana, urut kolom tabel; boleh diulang: `Nama Jabatan` atau `id=Nama Jabatan`.",
        "Actor, in the order of the table's columns; may be repeated: `Job Title` or "
        "`id=Job Title`.",
    ),
    "new.yes": ("Tulis tanpa konfirmasi.", "Write without asking for confirmation."),
    "new.dry_run": (
        "Tampilkan berkas yang akan ditulis; tidak menulis.",
        "Show the file that would be written; write nothing.",
    ),
    # -- renumber --------------------------------------------------------------------------
    "renumber": (
        """Beri SOP di PATH nomor bebas berikutnya (mis. setelah nomor ganda dari dua cabang).

        Setiap keterkaitan di katalog yang menyebut nomor lama ditampilkan, agar penulis memeriksa
        SOP mana yang dimaksud. Komentar berkas tetap ada; penulisan bersifat atomik.

        Contoh:

          sopctl renumber sops/sdm/penyusunan-duk.yaml
        """,
        """Give the SOP at PATH the next free number (e.g. after two branches took the same one).

        Every link in the catalog that names the old number is shown, so that the author checks
        which SOP it meant. The file's comments are kept; the write is atomic.

        Example:

          sopctl renumber sops/sdm/penyusunan-duk.yaml
        """,
    ),
    "renumber.path": ("Berkas SOP yang diberi nomor baru.", "The SOP file to give a new number."),
    # -- list ------------------------------------------------------------------------------
    "list": (
        """Daftar SOP katalog, dengan saringan dan urutan.

        Kolom: nomor, nama, unit, area RB, status, tanggal efektif dan jatuh tempo monitoring atau
        evaluasi berikutnya (dari periode di sopctl.toml dan catatan SOP).

        Berkas yang tidak dapat dibaca dilewati dengan catatan di stderr.

        Contoh:

          sopctl list

          sopctl list --unit sdm --status ditetapkan --sort efektif

          sopctl list --jatuh-tempo --format csv > terlambat.csv

          sopctl list --cari "surat masuk" --format json
        """,
        """List the catalog's SOPs, filtered and sorted.

        Columns: number, title, unit, RB area, status, effective date and the next monitoring or
        evaluation due date (from the periods in sopctl.toml and the SOP's records).

        Files that cannot be read are skipped with a note on stderr.

        Example:

          sopctl list

          sopctl list --unit sdm --status ditetapkan --sort efektif

          sopctl list --jatuh-tempo --format csv > terlambat.csv

          sopctl list --cari "surat masuk" --format json
        """,
    ),
    "list.status": ("Hanya status ini.", "Only this status."),
    "list.jatuh_tempo": (
        "Hanya SOP yang terlambat monitoring/evaluasi.",
        "Only SOPs overdue for monitoring/evaluation.",
    ),
    "list.cari": (
        "Cari di nama dan kegiatan langkah (tanpa beda huruf besar/aksen).",
        "Search titles and step activities (ignoring case and accents).",
    ),
    "list.sort": ("Urutkan menurut kolom ini.", "Sort by this column."),
    "list.reverse": ("Urutan terbalik.", "Reverse the order."),
    "list.format": ("table, json atau csv.", "table, json or csv."),
}
