"""Issue 13, what sopctl makes from an untrusted catalog: rendering must not run code, read
files outside the catalog or fetch URLs; CSV, Markdown and terminal output must not carry
formulas, mentions or escape sequences from SOP text; `fmt` must lose nothing. Each test is
one attack through the CLI on real files; the numbers are the cases of the issue."""

from __future__ import annotations

import csv
import errno
import io
import os
import sys
from pathlib import Path

import pytest
from conftest import CONFIG, Make, git, valid_sop
from helpers import sopctl
from sop_repo import commit, init

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="symlinks: POSIX")
RCE = """{{ cycler.__init__.__globals__.os.popen('echo DIRE""TAS').read() }}"""  # prints DIRETAS
SECRET = "RAHASIA-KANTOR-7f3a"
NEW = (
    *("new", "--nama", "Rencana Kerja", "--unit", "sdm", "--area", "manajemen-sdm"),
    *("--pelaksana", "Staf", "--yes"),
)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside every catalog that nothing may read."""
    path = tmp_path / "rahasia.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _outputs(folder: Path) -> str:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return "".join(p.read_text("utf-8", "replace") for p in files)


# -- 3. templates are sandboxed and confined -----------------------------------------------


@pytest.mark.parametrize(
    ("template", "verb"),
    [
        ("sop.md.j2", ("render", "--format", "md", "-o", "out")),
        ("sop.html.j2", ("render", "--format", "html", "-o", "out")),
        ("booklet.html.j2", ("booklet", "-o", "out/buku.html")),
        ("report.html.j2", ("report", "--format", "html", "-o", "out/rekap.html")),
        (
            "new.yaml.j2",
            NEW,
        ),
    ],
)
def test_3_template_code_does_not_run(
    template: str, verb: tuple[str, ...], make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(), f"templates/{template}": f"x{RCE}\n"})
    result = sopctl(capsys, *verb, cwd=root)
    assert result.code == 2, result.err
    assert "DIRETAS" not in result.out + result.err + _outputs(root)
    assert f"`{template}:1`" in result.err and "sandbox" in result.err
    english = sopctl(capsys, *verb, "--lang", "en", cwd=root)
    assert "failed: access to attribute" in english.err


@needs_posix
def test_3_include_of_a_symlink_out_of_the_catalog_is_refused(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], secret: Path
) -> None:
    root = make_catalog(
        {"sdm/duk.yaml": valid_sop(), "templates/sop.md.j2": '{% include "bocor.j2" %}\n'}
    )
    (root / "templates/bocor.j2").symlink_to(secret)
    result = sopctl(capsys, "render", "--format", "md", "-o", "out", cwd=root)
    assert result.code == 2
    assert "bocor.j2" in result.err and "luar katalog" in result.err
    assert SECRET not in result.out + result.err + _outputs(root)


# -- 4. the logo and what the PDF printer may fetch ----------------------------------------


def _with_logo(name: str) -> str:
    return CONFIG.replace('kode = "KPU-Prov-35"\n', f'kode = "KPU-Prov-35"\nlogo = "{name}"\n')


@pytest.mark.parametrize("kind", ["parent", "absolute", "symlink"])
def test_4_logo_outside_the_catalog_is_refused(
    kind: str, make_catalog: Make, capsys: pytest.CaptureFixture[str], secret: Path
) -> None:
    copy = secret.with_suffix(".png")
    copy.write_bytes(b"\x89PNG\r\n\x1a\n" + SECRET.encode())
    name = {"parent": "../rahasia.png", "absolute": copy.as_posix(), "symlink": "logo.png"}[kind]
    if kind == "symlink":
        if sys.platform == "win32":
            pytest.skip("symlinks: POSIX")
        root = make_catalog({"sdm/duk.yaml": valid_sop()}, _with_logo(name))
        (root / "logo.png").symlink_to(copy)
    else:
        root = make_catalog({"sdm/duk.yaml": valid_sop()}, _with_logo(name))
    result = sopctl(capsys, "render", "--format", "html", "-o", "out", cwd=root)
    assert result.code == 2
    assert "satker.logo" in result.err and "di luar katalog" in result.err
    assert not (root / "out").exists() or not list((root / "out").iterdir())


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="http://127.0.0.1:9/x.png"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="file:///etc/hostname"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "http://x.invalid/a.css";</style>'
        "</svg>",
        '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://x.invalid/#a)"/>'
        "</svg>",
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
)
def test_4_svg_logo_with_outside_references_is_refused(
    svg: str, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "logo.svg": svg}, _with_logo("logo.svg"))
    result = sopctl(capsys, "render", "--format", "html", "-o", "out", cwd=root)
    assert result.code == 2
    assert "satker.logo `logo.svg`" in result.err


def test_4_lint_reports_an_unsafe_logo(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><image href="http://127.0.0.1:9/x"/></svg>'
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "logo.svg": svg}, _with_logo("logo.svg"))
    result = sopctl(capsys, "lint", "--format", "json", "--lang", "en", cwd=root)
    assert result.code == 1
    (item,) = result.json()
    assert (item["path"], item["code"], item["line"]) == ("sopctl.toml", "C001", 7)
    assert "http://127.0.0.1:9/x" in item["message"] and "refused" in item["message"]
    assert sopctl(capsys, "lint", "sdm/duk.yaml", cwd=root).code == 0  # one file: not checked


def test_4_logo_that_is_not_the_image_it_claims_is_refused(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "logo.png": "<html>"}, _with_logo("logo.png"))
    result = sopctl(capsys, "render", "--format", "html", "-o", "out", cwd=root)
    assert result.code == 2 and "bukan gambar" in result.err


def test_4_a_self_contained_svg_logo_is_embedded(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient '
        'id="g"/></defs><rect width="10" height="10" style="fill:url(#g)"/></svg>'
    )
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "logo.svg": svg}, _with_logo("logo.svg"))
    result = sopctl(capsys, "render", "--format", "html", "-o", "out", cwd=root)
    assert result.code == 0, result.err
    assert "data:image/svg+xml;base64," in _outputs(root / "out")


def test_4_pdf_printer_fetches_nothing_outside_the_catalog(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], secret: Path
) -> None:
    pytest.importorskip("weasyprint")
    builtin = (Path(__file__).parent.parent / "templates" / "sop.html.j2").read_text("utf-8")
    spying = builtin.replace("<body>", f'<body><img src="{secret.as_uri()}">', 1)
    assert spying != builtin
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "templates/sop.html.j2": spying})
    result = sopctl(capsys, "render", "--format", "pdf", "-o", "out", cwd=root)
    assert result.code == 2
    assert secret.as_uri() in result.err
    assert not list((root / "out").glob("*.pdf"))


def test_4_pdfs_printed_on_every_core_fetch_nothing_outside_the_catalog(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], secret: Path
) -> None:
    """Several SOPs print in worker processes: the refusal still stops the print with the
    same clear error, and no PDF is left behind."""
    pytest.importorskip("weasyprint")
    builtin = (Path(__file__).parent.parent / "templates" / "sop.html.j2").read_text("utf-8")
    spying = builtin.replace("<body>", f'<body><img src="{secret.as_uri()}">', 1)
    files = {f"sdm/duk-{n}.yaml": valid_sop(**{"001/": f"00{n}/"}) for n in range(1, 4)}
    root = make_catalog({**files, "templates/sop.html.j2": spying})
    result = sopctl(capsys, "render", "--format", "pdf", "-o", "out", cwd=root)
    assert result.code == 2
    assert secret.as_uri() in result.err and "Traceback" not in result.err
    assert not list((root / "out").iterdir())


# -- 7. CSV cells ---------------------------------------------------------------------------


def test_7_csv_cells_never_start_a_formula(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    title = '=HYPERLINK("http://x.invalid","klik")'
    config = CONFIG + '\n[[unit]]\nid = "sdm"\nnama = "@SUM(1+1)"\nkode = "SDM"\n'
    root = make_catalog({"sdm/duk.yaml": valid_sop(**{"Penyusunan Daftar": title})}, config)
    listed = sopctl(capsys, "list", "--format", "csv", cwd=root)
    assert listed.code == 0, listed.err
    rows = list(csv.DictReader(io.StringIO(listed.out)))
    assert rows[0]["nama"].startswith("'=HYPERLINK")
    report = sopctl(capsys, "report", "--format", "csv", cwd=root)
    cells = [cell for row in csv.reader(io.StringIO(report.out)) for cell in row]
    assert "'@SUM(1+1)" in cells
    assert not any(cell[:1] in ("=", "+", "@") for cell in cells)


# -- 8. Markdown for pull-request comments -------------------------------------------------


def test_8_diff_markdown_escapes_sop_text_and_file_names(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], git_env: dict[str, str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    init(root)
    commit(root, "Awal")
    git(root, "switch", "-q", "-c", "fitur")
    title = "# Diretas @admin <img src=x onerror=alert(1)> [klik](http://x.invalid)"
    name = "sdm/a`b|c.yaml"
    (root / name).write_text(
        valid_sop(**{"Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai": title, "001/": "002/"}),
        encoding="utf-8",
    )
    commit(root, "Tambah")
    result = sopctl(capsys, "diff", "main", "--format", "md", cwd=root)
    assert result.code == 0, result.err
    out = result.out
    assert "<img" not in out and "@admin" not in out and "](http" not in out
    assert [line for line in out.splitlines() if line.startswith("#")] == ["### Perubahan SOP"]
    row = next(line for line in out.splitlines() if "a`b" in line)
    assert "`` sdm/a`b\\|c.yaml ``" in row or "``sdm/a`b\\|c.yaml``" in row
    assert row.count(" | ") == 3  # four cells: the file name's `|` did not split the row


@needs_posix
def test_8_diff_never_reads_a_symlink_out_of_the_catalog(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], git_env: dict[str, str], secret: Path
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    init(root)
    commit(root, "Awal")
    leak = secret.with_suffix(".yaml")
    leak.write_text(f"nama: {SECRET}\nunit: sdm\n", encoding="utf-8")
    (root / "sdm/bocor.yaml").symlink_to(leak)
    for form in ("md", "text", "json"):
        result = sopctl(capsys, "diff", "main", "--format", form, cwd=root)
        assert result.code == 0, result.err
        assert SECRET not in result.out and "bocor.yaml" in result.out


# -- 9. terminal escape sequences ----------------------------------------------------------


def test_9_control_characters_never_reach_the_terminal(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    nomor = '"\\e]0;diretas\\a\\e[2J\\e[31mX"'
    title = '"Judul \\e[8mtersembunyi"'
    text = valid_sop(
        **{
            "nomor: 001/SOP/SDM/KPU-Prov-35/2022": f"nomor: {nomor}",
            "nama: Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai": f"nama: {title}",
        }
    )
    root = make_catalog({"sdm/duk.yaml": text})
    lint = sopctl(capsys, "lint", cwd=root)
    assert lint.code == 1 and "I002" in lint.out
    listed = sopctl(capsys, "list", cwd=root)
    assert listed.code == 0 and "tersembunyi" in listed.out
    for result in (lint, listed):
        assert not any(ord(c) < 32 and c not in "\n\t" for c in result.out + result.err)


# -- 12. fmt loses nothing -----------------------------------------------------------------

UNFORMATTED = {"jenis: administratif\n": "jenis:   administratif\n"}


def test_12_fmt_keeps_crlf_and_bom(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog()
    path = root / "sdm/duk.yaml"
    path.parent.mkdir()
    text = valid_sop(**UNFORMATTED)
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert sopctl(capsys, "fmt", cwd=root).code == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n") > 50  # every line still ends in CRLF
    assert b"jenis: administratif\r\n" in raw
    assert sopctl(capsys, "fmt", "--check", cwd=root).code == 0  # and stays formatted


@needs_posix
def test_12_fmt_writes_through_a_symlink(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"asli/duk.yaml": valid_sop(**UNFORMATTED)})
    (root / "sdm").mkdir()
    (root / "sdm/duk.yaml").symlink_to(root / "asli/duk.yaml")
    assert sopctl(capsys, "fmt", "sdm/duk.yaml", cwd=root).code == 0
    assert (root / "sdm/duk.yaml").is_symlink()
    assert "jenis: administratif\n" in (root / "asli/duk.yaml").read_text("utf-8")


def test_12_fmt_refuses_to_overwrite_an_edit_made_while_it_runs(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sopctl.sop.canonical as canonical

    root = make_catalog({"sdm/duk.yaml": valid_sop(**UNFORMATTED)})
    path = root / "sdm/duk.yaml"
    edited = valid_sop(**UNFORMATTED) + "# suntingan staf yang baru disimpan\n"
    real = canonical.canonical_text

    def while_formatting(text: str, lang: str = "id") -> str:
        path.write_text(edited, encoding="utf-8")  # a colleague saves meanwhile
        return real(text, lang)

    monkeypatch.setattr(canonical, "canonical_text", while_formatting)
    result = sopctl(capsys, "fmt", cwd=root)
    assert result.code == 2
    assert "berubah selama dirapikan" in result.err
    assert path.read_text("utf-8") == edited


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
def test_12_fmt_write_failure_is_a_clear_error_with_the_file_intact(
    code: int,
    make_catalog: Make,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(**UNFORMATTED)})
    before = (root / "sdm/duk.yaml").read_bytes()

    def full_disk(descriptor: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", full_disk)  # the disk fills up as the new text is flushed
    result = sopctl(capsys, "fmt", cwd=root)
    assert result.code == 2, result.err
    assert "tidak dapat ditulis" in result.err and os.strerror(code) in result.err
    assert "Traceback" not in result.err
    assert (root / "sdm/duk.yaml").read_bytes() == before
    assert sorted(p.name for p in (root / "sdm").iterdir()) == ["duk.yaml"]  # no temp file left
