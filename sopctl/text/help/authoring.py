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
    "impor": (
        """Impor SOP dari berkas Word (.docx) ke berkas YAML katalog.

        Dibaca: tabel identitas (Nomor, Tanggal Pembuatan/Revisi/Efektif, Disahkan oleh
        dengan nama dan NIP, Nama SOP, Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan,
        Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan) dan tabel prosedur (No,
        Kegiatan, satu kolom per Pelaksana, Kelengkapan, Waktu, Output, Keterangan), juga bila
        sel judulnya digabung atau tabelnya bersambung ke halaman berikutnya. Pelaksana setiap
        langkah diambil dari bentuk diagram alir (terminator, proses, keputusan) di kolom
        Pelaksana baris itu; tujuan Ya/Tidak dari label panah.

        Setiap SOP ditulis ke <unit>/<judul>.yaml (atau ke folder -o) dari templat
        impor.yaml.j2; berkas yang sudah ada tidak pernah ditimpa. Yang tidak terbaca menjadi
        isian <isi ...> yang ditandai `sopctl lint` (N001). Berkas yang tidak dapat dibaca
        (.doc lama, berkata sandi, bukan SOP) dilaporkan dan berkas lain tetap diimpor.

        Contoh:

          sopctl impor arsip/sop-cuti.docx --area manajemen-sdm

          sopctl impor arsip/*.docx --unit sdm -o sdm
        """,
        """Import SOPs from Word files (.docx) into the catalog's YAML files.

        Read: the identity table (Nomor, Tanggal Pembuatan/Revisi/Efektif, Disahkan oleh with
        name and NIP, Nama SOP, Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan,
        Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan) and the procedure table
        (No, Kegiatan, one column per Pelaksana, Kelengkapan, Waktu, Output, Keterangan), also
        with merged header cells or a table continued on the next page. Each step's actor comes
        from the flowchart shape (terminator, process, decision) in that row's Pelaksana
        column; Ya/Tidak targets from the arrow labels.

        Each SOP is written to <unit>/<title>.yaml (or to the -o folder) from the impor.yaml.j2
        template; an existing file is never overwritten. What cannot be read becomes an
        <isi ...> placeholder that `sopctl lint` reports (N001). Files that cannot be read (old
        .doc, password-protected, not an SOP) are reported and the others are still imported.

        Example:

          sopctl impor arsip/sop-cuti.docx --area manajemen-sdm

          sopctl impor arsip/*.docx --unit sdm -o sdm
        """,
    ),
    "impor.files": ("Berkas Word (.docx) yang diimpor.", "The Word files (.docx) to import."),
    "impor.output": (
        "Folder tujuan (bawaan: folder unit di akar katalog).",
        "Target folder (default: the unit's folder at the catalog root).",
    ),
    "impor.unit": (
        "Unit SOP ini bila tidak terbaca dari berkas: id, kode, nama atau alias.",
        "The SOPs' unit when the file does not say: id, code, name or alias.",
    ),
    "impor.area": (
        "Area RB SOP ini (formulir SOP-AP tidak memuatnya): id, nama atau alias.",
        "The SOPs' RB area (the SOP-AP form does not carry it): id, name or alias.",
    ),
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
