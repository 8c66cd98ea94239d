"""Help of the commands that turn the catalog into documents, reports and histories:
render, booklet, report, diff and riwayat. (Bahasa Indonesia, English) pairs."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # -- render ----------------------------------------------------------------------------
    "render": (
        """Render SOP ke dokumen format SOP-AP: bagian identitas dan tabel
        prosedur dengan diagram alir (kapsul, kotak, belah ketupat, penghubung
        antarhalaman).

        - HTML: satu berkas mandiri per SOP (CSS, SVG dan logo di dalamnya).
        - Markdown: tabel dan diagram Mermaid untuk ditinjau di pull request.
        - PDF: dicetak dengan WeasyPrint (pip install "sopctl\\[pdf]"); kertas dan
        orientasi dari \\[buku] di sopctl.toml.
        - DOCX: dokumen Word (pip install "sopctl\\[word]") dengan tabel identitas dan
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

        - HTML: one self-contained file per SOP (CSS, SVG and logo inside).
        - Markdown: tables and Mermaid diagrams to review in a pull request.
        - PDF: printed with WeasyPrint (pip install "sopctl\\[pdf]"); paper and
        orientation from \\[buku] in sopctl.toml.
        - DOCX: a Word document (pip install "sopctl\\[word]") with the identity and
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
        """Susun Dokumen SOP (PermenPAN-RB 35/2012) dalam satu berkas PDF, HTML atau Word.

        Isinya: sampul, Keputusan penetapan lengkap dengan Lampiran daftar SOP (dari tabel
        `penetapan` di sopctl.toml), daftar isi dengan nomor halaman, penjelasan singkat
        penggunaan, lalu setiap SOP mulai di halaman baru. Bawaan: hanya SOP berstatus
        ditetapkan. Pada halaman SOP, kaki halaman memuat nomor halaman, tanggal cetak dan
        commit git (bila katalog berada di repositori git); sampul dan Keputusan tidak.

        Contoh:

          sopctl booklet sops -o buku-sop.pdf

          sopctl booklet sops --unit sdm --termasuk-draf -o buku-sdm.html

          sopctl booklet sops -o buku-sop.docx
        """,
        """Compile the Dokumen SOP (PermenPAN-RB 35/2012) as one PDF, HTML or Word file.

        It holds the cover, the enacting Keputusan in full with its lampiran listing the
        SOPs (from the `penetapan` tables of sopctl.toml), contents with page numbers, the
        penjelasan singkat penggunaan, then every SOP from a new page. By default only
        enacted SOPs. On SOP pages the footer shows the page number, the print date and the
        git commit (when the catalog is in a git repository); the cover and the Keputusan do
        not.

        The book is in Bahasa Indonesia, the language of the official form.

        Example:

          sopctl booklet sops -o buku-sop.pdf

          sopctl booklet sops --unit sdm --termasuk-draf -o buku-sdm.html

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
    "booklet.drafts": (
        "Sertakan juga SOP draf (ditandai DRAF; tidak masuk Lampiran Keputusan).",
        "Include the draft SOPs too (marked DRAF; not in the Keputusan's lampiran).",
    ),
    # -- formulir --------------------------------------------------------------------------
    "formulir": (
        """Cetak formulir monitoring dan evaluasi PermenPAN-RB 35/2012 per unit.

        Contoh:

          sopctl formulir monitoring sops --periode 2026-2 -o monitoring.pdf

          sopctl formulir evaluasi sops --tahun 2026 -o evaluasi.pdf
        """,
        """Print the monitoring and evaluation forms of PermenPAN-RB 35/2012, per unit.

        The forms are in Bahasa Indonesia, the language of the official form.

        Example:

          sopctl formulir monitoring sops --periode 2026-2 -o monitoring.pdf

          sopctl formulir evaluasi sops --tahun 2026 -o evaluasi.pdf
        """,
    ),
    "formulir.monitoring": (
        """Formulir monitoring (setiap 6 bulan): No, Prosedur, Penilaian berjalan /
        tidak berjalan dengan baik, Catatan, Tindakan yang harus diambil, Paraf
        Penilai. Satu halaman per unit; setiap SOP berstatus ditetapkan satu baris,
        diisi dari catatan `monitoring` terakhir dalam periode itu (kosong bila
        belum ada, untuk diisi dengan tangan).

        Contoh:

          sopctl formulir monitoring sops --periode 2026-2 -o monitoring.pdf

          sopctl formulir monitoring sops/sdm -o monitoring-sdm.html
        """,
        """The monitoring form (every 6 months): No, Prosedur, Penilaian berjalan /
        tidak berjalan dengan baik, Catatan, Tindakan yang harus diambil, Paraf
        Penilai. One page per unit; one row per enacted SOP, filled from its latest
        `monitoring` record of the period (blank when there is none yet, to fill in
        by hand).

        Example:

          sopctl formulir monitoring sops --periode 2026-2 -o monitoring.pdf

          sopctl formulir monitoring sops/sdm -o monitoring-sdm.html
        """,
    ),
    "formulir.evaluasi": (
        """Formulir evaluasi (tahunan): tujuh kriteria Ya/Tidak PermenPAN-RB 35/2012
        dan catatan, per SOP berstatus ditetapkan, diisi dari catatan `evaluasi`
        terakhir pada tahun itu (kosong bila belum ada).

        Contoh:

          sopctl formulir evaluasi sops --tahun 2026 -o evaluasi.pdf
        """,
        """The evaluation form (yearly): the seven Ya/Tidak criteria of PermenPAN-RB
        35/2012 and notes, per enacted SOP, filled from its latest `evaluasi` record
        of that year (blank when there is none yet).

        Example:

          sopctl formulir evaluasi sops --tahun 2026 -o evaluasi.pdf
        """,
    ),
    "formulir.periode": (
        "Semester: TAHUN-1 atau TAHUN-2 (mis. 2026-2), atau AWAL:AKHIR (bawaan: semester ini).",
        "Semester: YEAR-1 or YEAR-2 (e.g. 2026-2), or FIRST:LAST (default: this semester).",
    ),
    "formulir.drafts": (
        "Sertakan juga SOP draf (ditandai DRAF), mis. untuk uji coba penerapan.",
        "Include the draft SOPs too (marked DRAF), e.g. for a trial run.",
    ),
    "formulir.tahun": (
        "Tahun evaluasi (bawaan: tahun ini).",
        "Year evaluated (default: this year).",
    ),
    "formulir.output": ("Berkas tujuan: .html atau .pdf.", "Target file: .html or .pdf."),
    # -- verifikasi ------------------------------------------------------------------------
    "verifikasi": (
        """Periksa apakah SOP tercetak sama dengan katalog.

        Hasilnya cocok (versi yang berlaku), kedaluwarsa (versi lama dari riwayat git) atau
        tidak dikenal. Setiap SOP tercetak memuat kode QR berisi nomor SOP dan kode
        verifikasi (digest isinya), yang juga tercetak di bawah kode QR. Ini hanya
        menunjukkan versi mana yang dicetak; ini BUKAN tanda tangan elektronik (TTE) dan
        tidak membuktikan siapa yang menandatangani. Keluar dengan 1 bila ada yang tidak
        cocok.

        Contoh:

          sopctl verifikasi buku-sop.pdf sops

          sopctl verifikasi 3f9a1c2b7d4e5f60 sops
        """,
        """Check whether a printed SOP matches the catalog.

        The answer is: matches (the version in force), outdated (an older version from the
        git history) or unknown. Every printed SOP carries a QR code holding its number and
        a verification code (a digest of its content), also printed under the QR code. This
        only shows which version was printed; it is NOT an electronic signature (TTE) and
        proves nothing about who signed. Exits with 1 when anything does not match.

        Example:

          sopctl verifikasi buku-sop.pdf sops

          sopctl verifikasi 3f9a1c2b7d4e5f60 sops
        """,
    ),
    "verifikasi.source": (
        "Berkas PDF hasil cetak sopctl, kode verifikasi, atau teks kode QR.",
        "A PDF printed by sopctl, a verification code, or the QR code's text.",
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
        Teks dan Markdown memakai bahasa --lang; JSON sama dalam setiap bahasa.

        Contoh:

          sopctl diff

          sopctl diff origin/main --format md > komentar.md

          sopctl diff v1.0 v2.0 --format json
        """,
        """Compare the SOP catalog between two git revisions, per SOP and per step.

        Shows the SOPs added, removed, renumbered, renamed or whose file moved; for every changed
        SOP: the identity fields that changed and the steps added, removed or changed (matched by
        their activity text, not only by their order). The base is the branch point
        (merge-base) of BASE and HEAD, as in a pull request. The text and the Markdown are in
        the language of --lang; the JSON is the same in every language.

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
        berubah. Penggantian nama berkas diikuti. Tabel dan Markdown memakai bahasa --lang;
        JSON sama dalam setiap bahasa.

        Contoh:

          sopctl riwayat sops/sdm/duk.yaml

          sopctl riwayat sops/sdm/duk.yaml --format md
        """,
        """Show one SOP's revision history from git, newest first.

        Each row: date, commit, author, commit subject, and the fields or steps that changed.
        File renames are followed. The table and the Markdown are in the language of --lang;
        the JSON is the same in every language.

        Example:

          sopctl riwayat sops/sdm/duk.yaml

          sopctl riwayat sops/sdm/duk.yaml --format md
        """,
    ),
    "riwayat.path": ("Berkas SOP.", "SOP file."),
    "riwayat.format": ("table, json atau md.", "table, json or md."),
}
