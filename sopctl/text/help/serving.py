"""Help of `sopctl serve`, the local browser view and form editor. (Bahasa Indonesia, English)
pairs."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    "serve": (
        """Buka katalog di browser: lihat, saring dan ubah SOP lewat formulir.

        Halaman: daftar SOP dengan saringan dan temuan lint, dokumen SOP-AP tiap
        SOP, formulir untuk mengubah identitas, pelaksana dan langkah (dengan
        pratinjau diagram alir), SOP baru, dan laporan.

        Hanya untuk komputer ini (127.0.0.1), kecuali --host diberikan.
        Simpanan ditulis ke berkas YAML katalog dengan komentar dan urutan kunci
        tetap; simpanan ditolak bila berkasnya diubah di luar browser sejak
        formulir dibuka. Perubahan dari editor lain tampil saat halaman dimuat
        ulang. Perlu paket tambahan: pip install "sopctl\\[serve]".

        Contoh:

          sopctl serve sops

          sopctl serve sops --port 8800 --buka
        """,
        """Open the catalog in a browser: view, filter and edit SOPs in a form.

        Pages: the SOP list with filters and lint findings, each SOP's SOP-AP
        document, a form to change the identity, actors and steps (with a
        flowchart preview), new SOPs, and the report.

        For this computer only (127.0.0.1), unless --host is given. Saving
        writes the catalog's YAML file keeping comments and key order; a save is
        refused when the file was changed outside the browser since the form
        was opened. Changes from other editors show when the page is reloaded.
        Needs extra packages: pip install "sopctl\\[serve]".

        Example:

          sopctl serve sops

          sopctl serve sops --port 8800 --buka
        """,
    ),
    "serve.path": (
        "Folder di dalam katalog (bawaan: folder kerja).",
        "A folder inside the catalog (default: the working folder).",
    ),
    "serve.port": (
        "Port di komputer ini; 0 memilih port bebas.",
        "Port on this computer; 0 picks a free one.",
    ),
    "serve.host": (
        "Alamat untuk mendengarkan; selain 127.0.0.1 membuka editor ke jaringan (hati-hati).",
        "Address to listen on; anything but 127.0.0.1 opens the editor to the network (careful).",
    ),
    "serve.buka": ("Buka browser setelah server berjalan.", "Open the browser once it runs."),
}
