"""`sopctl serve` over HTTP and its form layer: what is saved, what is refused, what is a 404."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import CONFIG, Make, valid_sop
from helpers import sopctl
from serving import COMMENTED, DUK, edit, hidden, posted, program, request, running

from sopctl.serve.forms import form_of
from sopctl.sop.yamlio import load_roundtrip, parse_text

# -- over HTTP ----------------------------------------------------------------------------------


@pytest.fixture
def catalog(make_catalog: Make, tmp_path: Path) -> Path:
    root = make_catalog({DUK: COMMENTED})
    outside = tmp_path / "rahasia.yaml"
    outside.write_text(valid_sop(), encoding="utf-8")
    with contextlib.suppress(OSError):  # no symlinks for this user (Windows, no developer mode)
        os.symlink(outside, root / "sdm" / "tautan.yaml")
    return root


TRAVERSALS = [
    "/sop/../../etc/passwd",
    "/sop/%2e%2e/%2e%2e/etc/passwd",
    "/sop/..%2f..%2fetc%2fpasswd",
    "/sop/%252e%252e/sopctl.toml",
    "/sop/sdm/../../rahasia.yaml",
    "/dokumen/..%2frahasia.yaml",
    "/edit/%2e%2e/rahasia.yaml",
    "/sop/sdm/tautan.yaml",  # a symlink leading out of the catalog
    "/edit/sdm/tautan.yaml",
    "/sop/sopctl.toml",
    "/sop/sdm/",
    "/sop/sdm",
    "/sop/",
    "/aset/../sopctl.toml",
    "/aset/",
]


def test_paths_outside_the_catalog_and_folders_are_404(catalog: Path) -> None:
    with running(catalog) as server:
        answers = {path: request(server.port, "GET", path) for path in TRAVERSALS}
        assert {path: a.status for path, a in answers.items()} == dict.fromkeys(TRAVERSALS, 404)
        assert all("root:" not in a.text and "Nama Pejabat" not in a.text for a in answers.values())
        assert "Halaman tidak ditemukan" in answers[TRAVERSALS[0]].text
        assert request(server.port, "GET", f"/sop/{DUK}").status == 200


def test_a_save_to_a_symlink_leading_out_is_404_and_writes_nothing(catalog: Path) -> None:
    outside = catalog.parent / "rahasia.yaml"
    before = outside.read_text(encoding="utf-8")
    with running(catalog) as server:
        page = request(server.port, "GET", f"/edit/{DUK}").text
        fields = {"csrf": hidden(page, "csrf"), "nama": "Diretas"}
        for path in ("/edit/sdm/tautan.yaml", "/edit/..%2frahasia.yaml", "/new/../rahasia.yaml"):
            assert request(server.port, "POST", path, form=fields).status in (404, 405)
    assert outside.read_text(encoding="utf-8") == before


def test_other_host_names_get_nothing(catalog: Path) -> None:
    with running(catalog) as server:
        rebound = request(server.port, "GET", "/", host="attacker.example:8765")
        assert rebound.status == 421 and "127.0.0.1" in rebound.text
        assert "Nama Pejabat" not in rebound.text
        assert request(server.port, "GET", "/", host=f"localhost:{server.port}").status == 200


def _edit_fields(page: str, **change: str) -> dict[str, str | list[str]]:
    """The fields the editor page would post (every step unchanged), with `change` applied."""
    form = form_of(load_roundtrip(hidden(page, "original")))
    fields: dict[str, str | list[str]] = dict(posted(form))
    for name in ("csrf", "version", "original"):
        fields[name] = hidden(page, name)
    fields.update(change)
    return fields


def test_a_post_without_the_pages_token_is_refused(catalog: Path) -> None:
    before = (catalog / DUK).read_text(encoding="utf-8")
    with running(catalog) as server:
        page = request(server.port, "GET", f"/edit/{DUK}").text
        for token in ("", "tebakan"):
            fields = _edit_fields(page, nama="Diubah tanpa token", csrf=token)
            answer = request(server.port, "POST", f"/edit/{DUK}", form=fields)
            assert answer.status == 403 and "Formulir kedaluwarsa" in answer.text
        answer = request(server.port, "POST", "/new", form={"nama": "X", "unit": "sdm"})
        assert answer.status == 403
    assert (catalog / DUK).read_text(encoding="utf-8") == before


def test_a_save_writes_the_change_keeps_comments_and_shows_findings(catalog: Path) -> None:
    with running(catalog) as server:
        page = request(server.port, "GET", f"/edit/{DUK}").text
        fields = _edit_fields(page, nama="Penyusunan DUK Pegawai Tahunan", status="draf")
        answer = request(server.port, "POST", f"/edit/{DUK}", form=fields)
        assert answer.status == 303
        assert answer.headers["location"] == f"/sop/{DUK}?disimpan=1"
        shown = request(server.port, "GET", answer.headers["location"])
        assert "Tersimpan: sdm/duk.yaml" in shown.text
    text = (catalog / DUK).read_text(encoding="utf-8")
    assert parse_text(text).data["nama"] == "Penyusunan DUK Pegawai Tahunan"
    assert "# urutan disepakati rapat 2022" in text and "# staf pelaksana kepegawaian" in text
    assert text == edit(COMMENTED, {"nama": [fields["nama"]], "status": ["draf"]})  # type: ignore[list-item]


def test_a_save_after_the_file_changed_on_disk_is_refused_showing_both(catalog: Path) -> None:
    path = catalog / DUK
    with running(catalog) as server:
        page = request(server.port, "GET", f"/edit/{DUK}").text
        elsewhere = path.read_text(encoding="utf-8").replace("Nama Pejabat", "Pejabat Baru")
        path.write_text(elsewhere, encoding="utf-8")
        fields = _edit_fields(page, nama="Judul dari browser")
        answer = request(server.port, "POST", f"/edit/{DUK}", form=fields)
        assert answer.status == 409
        assert "Penyimpanan ditolak" in answer.text
        assert "Pejabat Baru" in answer.text and "Judul dari browser" in answer.text
        reloaded = request(server.port, "GET", f"/edit/{DUK}").text
        assert "Pejabat Baru" in hidden(reloaded, "original")  # a reload shows the new file
    assert path.read_text(encoding="utf-8") == elsewhere


def test_new_makes_the_draft_sopctl_new_makes_and_refuses_a_taken_title(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flags = ["--nama", "Pengelolaan Arsip Kepegawaian", "--unit", "sdm", "--area"]
    flags += ["manajemen-sdm", "--jenis", "administratif", "--pelaksana"]
    flags += ["kasubbag=Kepala Subbagian SDM", "--pelaksana", "Staf Subbagian SDM"]
    expected = sopctl(capsys, "new", *flags, "--dry-run", cwd=catalog).out
    with running(catalog) as server:
        token = hidden(request(server.port, "GET", "/new").text, "csrf")
        fields = {
            "csrf": token,
            "nama": "Pengelolaan Arsip Kepegawaian",
            "unit": "sdm",
            "area": "manajemen-sdm",
            "jenis": "administratif",
            "pelaksana": "kasubbag=Kepala Subbagian SDM\nStaf Subbagian SDM",
        }
        answer = request(server.port, "POST", "/new", form=fields)
        assert answer.status == 303
        assert answer.headers["location"] == "/edit/sdm/pengelolaan-arsip-kepegawaian.yaml"
        again = request(server.port, "POST", "/new", form=fields)
        assert again.status == 422 and "sudah" in again.text
    written = (catalog / "sdm/pengelolaan-arsip-kepegawaian.yaml").read_text(encoding="utf-8")
    assert written == expected
    assert parse_text(written).data["status"] == "draf"


def test_pages_speak_english_with_lang_en(catalog: Path) -> None:
    with running(catalog, "en") as server:
        home = request(server.port, "GET", "/").text
        assert "SOP catalog" in home and "Overdue only" in home and "Daftar SOP" not in home
        missing = request(server.port, "GET", "/sop/../x.yaml")
        assert missing.status == 404 and "Page not found" in missing.text


def test_catalog_page_lists_and_filters_what_sopctl_list_does(
    sample_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = sopctl(
        capsys, "list", "--unit", "sdm", "--cari", "cuti", "-f", "json", cwd=sample_copy
    )
    with running(sample_copy) as server:
        every = request(server.port, "GET", "/").text
        sdm = request(server.port, "GET", "/?unit=sdm&cari=cuti").text
    assert every.count('<tr data-path="') == len(list(sample_copy.rglob("*.yaml")))
    rows = re.findall(r'<tr data-path="([^"]+)"', sdm)
    assert len(rows) >= 2 and rows == [row["path"] for row in listed.json()]


def test_report_and_document_pages_are_the_cli_outputs(
    sample_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.render.files import render_files

    name = "sdm/penyusunan-daftar-urut-kepangkatan-duk-pegawai.yaml"
    (rendered,) = render_files(open_catalog(sample_copy), [sample_copy / name], "html", tmp_path)
    with running(sample_copy) as server:
        document = request(server.port, "GET", f"/dokumen/{name}")
        report = request(server.port, "GET", "/laporan/dokumen")
    assert document.text == rendered.read_text(encoding="utf-8")
    assert document.headers["content-security-policy"].startswith("sandbox")
    assert report.text == sopctl(capsys, "report", str(sample_copy), "-f", "html").out


def test_the_program_serves_in_english_and_stops_on_ctrl_c(catalog: Path) -> None:
    with program(catalog, "--lang", "en") as server:
        home = request(server.port, "GET", "/")
        assert home.status == 200 and "SOP catalog" in home.text
        assert "frame-ancestors 'self'" in home.headers["content-security-policy"]
        assert home.headers["x-content-type-options"] == "nosniff"


def test_a_taken_port_is_a_clear_error(catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with running(catalog) as server:
        result = sopctl(capsys, "serve", str(catalog), "--port", str(server.port))
    assert result.code == 2
    assert f"127.0.0.1:{server.port} tidak dapat dipakai" in result.err
    assert "--port" in result.err and "Traceback" not in result.err


def test_another_host_is_warned_about_before_anything_listens(
    catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sopctl(capsys, "serve", str(catalog), "--host", "192.0.2.1", "--port", "0")
    assert "PERINGATAN: --host 192.0.2.1 membuka editor" in result.err
    assert result.code == 2 and "192.0.2.1:0 tidak dapat dipakai" in result.err  # not ours


def test_serve_outside_a_catalog_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(tmp_path / "x", ignore_errors=True)
    (tmp_path / "x").mkdir()
    result = sopctl(capsys, "serve", str(tmp_path / "x"))
    assert result.code == 2 and "bukan bagian dari katalog SOP" in result.err


# -- the page phrases ---------------------------------------------------------------------------


ERROR_PAGES = ("forbidden", "bad_form", "not_found")  # app.py names them as f"{key}_title"


def test_every_page_phrase_is_in_both_languages_and_used() -> None:
    import string

    from sopctl.text.pages import PAGES

    package = Path(__file__).resolve().parent.parent / "sopctl" / "serve"
    texts = [p for p in package.rglob("*.*") if p.suffix in {".py", ".j2", ".js", ".css"}]
    sources = "".join(p.read_text(encoding="utf-8") for p in texts)  # no __pycache__
    unused = []
    for key, (indonesian, english) in PAGES.items():
        assert indonesian.strip() and english.strip(), key
        names = [
            {f for _, f, _, _ in string.Formatter().parse(text) if f}
            for text in (indonesian, english)
        ]
        assert names[0] == names[1], key
        dynamic = key.startswith("severity_") or key.rsplit("_", 1)[0] in ERROR_PAGES
        if not dynamic and not re.search(rf"\bt\.{key}\b|\"{key}\"", sources):
            unused.append(key)
    assert not unused


def test_broken_files_are_shown_with_findings_and_never_edited_lossily(
    make_catalog: Make,
) -> None:
    odd = valid_sop(**{"    pelaksana: staf\n": "    pelaksana: [staf, kasubbag]\n"})
    root = make_catalog({"sdm/rusak.yaml": "nama: [tidak ditutup\n", "sdm/aneh.yaml": odd})
    with running(root) as server:
        home = request(server.port, "GET", "/")
        assert home.status == 200 and "sdm/rusak.yaml" in home.text
        broken = request(server.port, "GET", "/sop/sdm/rusak.yaml")
        assert broken.status == 200 and "Y001" in broken.text and "tidak ditutup" in broken.text
        for name in ("rusak", "aneh"):
            answer = request(server.port, "GET", f"/edit/sdm/{name}.yaml")
            assert answer.status == 422 and "tidak dapat dibuka di editor" in answer.text
    assert (root / "sdm/aneh.yaml").read_text(encoding="utf-8") == odd


def test_the_preview_draws_the_unsaved_form_or_names_what_is_wrong(catalog: Path) -> None:
    before = (catalog / DUK).read_text(encoding="utf-8")
    with running(catalog) as server:
        page = request(server.port, "GET", f"/edit/{DUK}").text
        fields = _edit_fields(page)
        fields["step.kegiatan"] = ["Menerima berkas usulan", *fields["step.kegiatan"][1:]]
        drawn = request(server.port, "POST", f"/preview/{DUK}", form=fields)
        assert drawn.status == 200 and "Menerima berkas usulan" in drawn.text
        assert 'class="halaman-prosedur"' in drawn.text and "<svg" in drawn.text
        wrong = request(
            server.port,
            "POST",
            f"/preview/{DUK}",
            form=fields | {"tanggal.pembuatan": "kemarin"},
        )
        assert wrong.status == 200 and "tanggal.pembuatan" in wrong.text
        assert "Belum dapat digambar" in wrong.text
    assert (catalog / DUK).read_text(encoding="utf-8") == before  # a preview writes nothing


def test_files_added_edited_and_removed_elsewhere_show_on_reload(make_catalog: Make) -> None:
    catalog = make_catalog({DUK: COMMENTED})
    other = catalog / "sdm" / "cuti.yaml"
    with running(catalog) as server:
        assert re.findall(r'<tr data-path="([^"]+)"', request(server.port, "GET", "/").text) == [
            DUK
        ]
        other.write_text(
            valid_sop().replace("001/SOP", "002/SOP").replace("(DUK)", "Cuti"), "utf-8"
        )
        added = request(server.port, "GET", "/").text
        assert re.findall(r'<tr data-path="([^"]+)"', added) == [DUK, "sdm/cuti.yaml"]
        other.write_text(valid_sop().replace("001/SOP", "002/SOP"), "utf-8")  # a K005 twin
        twins = request(server.port, "GET", "/").text  # the same title in one unit: K005
        assert 'class="badge error"' in twins and 'class="badge error"' not in added
        other.unlink()
        gone = request(server.port, "GET", "/").text
        assert re.findall(r'<tr data-path="([^"]+)"', gone) == [DUK]


def test_without_the_serve_extra_the_command_says_what_to_install(
    catalog: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    for name in [n for n in sys.modules if n.startswith(("sopctl.serve", "starlette"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "starlette", None)  # as if never installed
    result = sopctl(capsys, "serve", str(catalog), "--lang", "en")
    assert result.code == 2
    assert "sopctl serve needs extra packages that are not installed (starlette)" in result.err
    assert 'pip install "sopctl[serve]"' in result.err


def test_a_large_catalog_is_shown_a_page_at_a_time_keeping_the_filters(make_catalog: Make) -> None:
    from sopctl.serve.pages import PAGE_SIZE

    files = {}
    for n in range(1, PAGE_SIZE + 6):
        nomor = f"{n:03d}/SOP/SDM/KPU-Prov-35/2022"
        text = valid_sop().replace("001/SOP/SDM/KPU-Prov-35/2022", nomor)
        files[f"sdm/sop-{n:03d}.yaml"] = text.replace("(DUK) Pegawai", f"Nomor {n}")
    root = make_catalog(files)
    with running(root) as server:
        first = request(server.port, "GET", "/?unit=sdm").text
        rows = re.findall(r'<tr data-path="([^"]+)"', first)
        assert len(rows) == PAGE_SIZE and rows[0] == "sdm/sop-001.yaml"
        assert f"baris 1–{PAGE_SIZE}, halaman 1 dari 2" in first
        following = re.search(r'<a href="([^"]+)" rel="next">', first)
        assert following and following.group(1) == "/?unit=sdm&amp;halaman=2"
        second = request(server.port, "GET", "/?unit=sdm&halaman=2").text
        assert (
            re.findall(r'<tr data-path="([^"]+)"', second)[0] == f"sdm/sop-{PAGE_SIZE + 1:03d}.yaml"
        )
        assert 'rel="prev"' in second and 'rel="next"' not in second
        beyond = request(server.port, "GET", "/?halaman=99999999").text  # clamped, no error
        assert "halaman 1 dari 2" in beyond


def test_a_known_error_is_a_page_with_its_hint_not_a_traceback(make_catalog: Make) -> None:
    config = CONFIG.replace(
        'kode = "KPU-Prov-35"\n', 'kode = "KPU-Prov-35"\nlogo = "tidak-ada.png"\n'
    )
    root = make_catalog({DUK: COMMENTED}, config=config)
    with running(root) as server:
        answer = request(server.port, "GET", f"/dokumen/{DUK}")
    assert answer.status == 422
    assert "satker.logo `tidak-ada.png`" in answer.text and "saran:" in answer.text
    assert "Traceback" not in answer.text


def test_a_bug_is_a_page_saying_so_not_a_bare_500(
    catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sopctl.serve import pages

    def broken(*args: object) -> str:
        raise RuntimeError("rusak untuk uji")

    monkeypatch.setattr(pages, "report_html", broken)  # stands in for any bug
    with running(catalog) as server:
        answer = request(server.port, "GET", "/laporan/dokumen")
        assert request(server.port, "GET", "/").status == 200  # the server goes on
    assert answer.status == 500
    assert "Kesalahan tak terduga: RuntimeError: rusak untuk uji" in answer.text
