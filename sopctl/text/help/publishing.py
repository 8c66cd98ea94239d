"""Help of the commands that turn the catalog into documents, reports and histories:
render, booklet, report, diff and riwayat. (Bahasa Indonesia, English) pairs."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # -- render ----------------------------------------------------------------------------
    "render": (
        """Render SOP ke dokumen format SOP-AP: bagian identitas dan tabel
        prosedur dengan diagram alir (kapsul, kotak, belah ketupat, penghubung
        antarhalaman).

        HTML: satu berkas mandiri per SOP (CSS, SVG dan logo di dalamnya).
        Markdown: tabel dan diagram Mermaid untuk ditinjau di pull request.
        PDF: dicetak dengan WeasyPrint (pip install "sopctl\\[pdf]"); kertas dan
        orientasi dari \\[buku] di sopctl.toml.
        DOCX: dokumen Word (pip install "sopctl\\[word]") dengan tabel identitas dan
        tabel prosedur sebagai tabel Word dan diagram alir sebagai bentuk Word; gaya,
        kepala dan kaki halaman dari templates/sop.docx katalog bila ada.

        Nama berkas keluaran diambil dari nomor SOP, mis.
        001-SOP-SDM-KPU-Prov-35-2022.html.

        Contoh:

          sopctl render sops/sdm --format html -o cetak

          sopctl render sops/sdm/cuti-tahunan.yaml -f pdf -o cetak

          sopctl render sops/sdm/cuti-tahunan.yaml -f docx -o cetak
        """,
        """Render SOPs as documents in the SOP-AP form: the identity section and the
        procedure table with its flowchart (capsules, boxes, diamonds, off-page
        connectors).

        HTML: one self-contained file per SOP (CSS, SVG and logo inside).
        Markdown: tables and Mermaid diagrams to review in a pull request.
        PDF: printed with WeasyPrint (pip install "sopctl\\[pdf]"); paper and
        orientation from \\[buku] in sopctl.toml.
        DOCX: a Word document (pip install "sopctl\\[word]") with the identity and
        procedure tables as Word tables and the flowchart as Word shapes; styles,
        page header and footer from the catalog's templates/sop.docx when there is one.

        Output files are named after the SOP number, e.g.
        001-SOP-SDM-KPU-Prov-35-2022.html. Documents are always in Bahasa Indonesia,
        the language of the official form.

        Example:

          sopctl render sops/sdm --format html -o cetak

          sopctl render sops/sdm/cuti-tahunan.yaml -f pdf -o cetak

          sopctl render sops/sdm/cuti-tahunan.yaml -f docx -o cetak
        """,
    ),
    "render.format": ("md, html, pdf atau docx.", "md, html, pdf or docx."),
    "render.output": (
        "Folder tujuan; tidak ada yang ditulis di luarnya.",
        "Target folder; nothing is written outside it.",
    ),
    # -- booklet ---------------------------------------------------------------------------
    "booklet": (
        """Susun Buku SOP: sampul, lembar penetapan, daftar isi per unit dengan
        nomor halaman, lalu setiap SOP mulai di halaman baru. Kepala halaman
        memuat nomor SOP; kaki halaman memuat nomor halaman, tanggal cetak dan
        commit git (bila katalog berada di repositori git).

        Contoh:

          sopctl booklet sops -o buku-sop.pdf

          sopctl booklet sops --unit sdm --status ditetapkan -o buku-sdm.html

          sopctl booklet sops -o buku-sop.docx
        """,
        """Compile the Buku SOP (the SOP book): cover, enactment sheet, contents per
        unit with page numbers, then every SOP from a new page. The page header
        shows the SOP number; the footer shows the page number, the print date and
        the git commit (when the catalog is in a git repository).

        The book is in Bahasa Indonesia, the language of the official form.

        Example:

          sopctl booklet sops -o buku-sop.pdf

          sopctl booklet sops --unit sdm --status ditetapkan -o buku-sdm.html

          sopctl booklet sops -o buku-sop.docx
        """,
    ),
    "booklet.path": (
        "Katalog atau subfolder (bawaan: folder ini).",
        "Catalog or subfolder (default: this folder).",
    ),
    "booklet.output": (
        "Berkas tujuan: .html, .pdf atau .docx (Word).",
        "Target file: .html, .pdf or .docx (Word).",
    ),
    # -- report ----------------------------------------------------------------------------
    "report": (
        """Rekap jumlah SOP per unit (subbagian) dan per area perubahan Reformasi Birokrasi.

        Setiap unit dan area di sopctl.toml selalu tampil, juga bila nol. Di bawah tabel: jumlah
        per status dan SOP yang terlambat monitoring atau evaluasi. Folder provinsi yang berisi
        beberapa katalog kabupaten/kota direkap per satker dan totalnya.

        Contoh:

          sopctl report sops

          sopctl report sops --by unit --by status

          sopctl report sops --unit sdm --status ditetapkan --format json

          sopctl report . --format html -o rekap-sop.html
        """,
        """Count SOPs per unit (subbagian) and per Bureaucratic Reform (RB) change area.

        Every unit and area in sopctl.toml is always shown, also when zero. Under the table:
        counts per status and the SOPs overdue for monitoring or evaluation. A provincial folder
        holding several regency/city catalogs is counted per satker, with totals. The report
        itself is in Bahasa Indonesia.

        Example:

          sopctl report sops

          sopctl report sops --by unit --by status

          sopctl report sops --unit sdm --status ditetapkan --format json

          sopctl report . --format html -o rekap-sop.html
        """,
    ),
    "report.path": (
        "Katalog, subfolder, atau folder berisi beberapa katalog (bawaan: folder ini).",
        "Catalog, subfolder, or a folder holding several catalogs (default: this folder).",
    ),
    "report.format": ("table, json, csv, md atau html.", "table, json, csv, md or html."),
    "report.by": (
        "Baris (dan kolom) tabel: unit, area, status, jenis atau satker; satu atau dua "
        "kali. Bawaan: unit × area (satker × area untuk beberapa katalog).",
        "The table's rows (and columns): unit, area, status, jenis or satker; once or "
        "twice. Default: unit × area (satker × area for several catalogs).",
    ),
    "report.output": (
        "Tulis ke berkas ini, bukan ke layar.",
        "Write to this file instead of the screen.",
    ),
    # -- diff ------------------------------------------------------------------------------
    "diff": (
        """Bandingkan katalog SOP antara dua revisi git, per SOP dan per langkah.

        Menampilkan SOP yang ditambahkan, dihapus, dinomori ulang, berganti nama atau berkasnya
        dipindah; untuk setiap SOP yang berubah: bidang identitas yang berubah dan langkah yang
        ditambahkan, dihapus atau diubah (dicocokkan menurut teks kegiatan, bukan hanya urutan).
        Pembanding adalah titik cabang (merge-base) BASE dengan HEAD, seperti sebuah pull request.

        Contoh:

          sopctl diff

          sopctl diff origin/main --format md > komentar.md

          sopctl diff v1.0 v2.0 --format json
        """,
        """Compare the SOP catalog between two git revisions, per SOP and per step.

        Shows the SOPs added, removed, renumbered, renamed or whose file moved; for every changed
        SOP: the identity fields that changed and the steps added, removed or changed (matched by
        their activity text, not only by their order). The base is the branch point
        (merge-base) of BASE and HEAD, as in a pull request. The change report is in Bahasa
        Indonesia.

        Example:

          sopctl diff

          sopctl diff origin/main --format md > komentar.md

          sopctl diff v1.0 v2.0 --format json
        """,
    ),
    "diff.base": (
        "Revisi pembanding (bawaan: cabang utama: origin/HEAD, main atau master).",
        "The base revision (default: the main branch: origin/HEAD, main or master).",
    ),
    "diff.head": (
        "Revisi yang dibandingkan (bawaan: pohon kerja).",
        "The revision compared (default: the working tree).",
    ),
    "diff.format": (
        "text, md (komentar pull request) atau json.",
        "text, md (a pull request comment) or json.",
    ),
    "diff.folder": (
        "Folder di dalam katalog (bawaan: folder ini).",
        "A folder inside the catalog (default: this folder).",
    ),
    # -- riwayat ---------------------------------------------------------------------------
    "riwayat": (
        """Tampilkan riwayat revisi satu SOP dari git, terbaru lebih dulu.

        Setiap baris: tanggal, commit, penulis, subjek commit, dan bidang atau langkah yang
        berubah. Penggantian nama berkas diikuti.

        Contoh:

          sopctl riwayat sops/sdm/duk.yaml

          sopctl riwayat sops/sdm/duk.yaml --format md
        """,
        """Show one SOP's revision history from git, newest first.

        Each row: date, commit, author, commit subject, and the fields or steps that changed.
        File renames are followed.

        Example:

          sopctl riwayat sops/sdm/duk.yaml

          sopctl riwayat sops/sdm/duk.yaml --format md
        """,
    ),
    "riwayat.path": ("Berkas SOP.", "SOP file."),
    "riwayat.format": ("table, json atau md.", "table, json or md."),
}
