"""Every bad invocation a user can make, in both languages: nothing of the other one shows.

Unknown commands and options, bad option values, missing arguments, bad files, bad
configuration, Ctrl-D at a prompt, and the help pages. Each output is searched for words that
only the other language uses, after the facts are taken out (paths, `code`, 'quoted' and
option names), so a phrase of typer, click, libyaml, tomllib, re, pydantic or the OS that
slipped through untranslated fails here."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONFIG, Make, git, valid_sop
from helpers import sopctl

from sopctl.text.codes import CODES
from sopctl.text.phrases import UI

# words only one language uses (not domain terms: `error` and `info` are Indonesian too)
INDONESIAN = {
    "tidak", "yang", "dan", "atau", "berkas", "saran", "bukan", "untuk", "dengan", "harus",
    "pilihan", "maksud", "pemakaian", "coba", "wajib", "periksa", "jalankan", "ditemukan",
    "kesalahan", "dibatalkan", "nilai", "opsi", "perintah", "bantuan", "sebutkan", "dikenal",
    "ini", "di", "ke", "dari", "tanggal", "bulan", "sah", "argumen", "lihat", "bagian", "ada",
    "langkah", "diubah", "ditambahkan", "dihapus", "dipindah", "dibuat", "dahulu", "lama",
    "berubah", "tanpa", "pohon", "kerja",
}  # fmt: skip
ENGLISH = {
    "the", "is", "not", "no", "and", "or", "of", "for", "to", "usage", "try", "help", "invalid",
    "missing", "such", "value", "file", "found", "expected", "while", "aborted", "default",
    "required", "must", "should", "input", "cannot", "unknown", "did", "mean", "options",
    "arguments", "commands", "show", "this", "message", "exit", "see", "check", "section",
    "out", "range", "day", "month", "allowed", "here", "mapping", "values", "str",
    "bool", "got", "unexpected", "requires", "command", "option", "argument",
    "step", "steps", "added", "removed", "changed", "formerly", "created", "changes",
    "history", "working", "tree", "branch",
}  # fmt: skip
FOREIGN = {"id": ENGLISH, "en": INDONESIAN}

FACTS = re.compile(
    r"`[^`\n]*`|'[^'\n]*'|\"[^\"\n]*\"|\S*[/\\]\S*|\S+\.(?:yaml|toml|md|pdf|html|txt|json)\b"
    r"|(?<!\w)--?[\w-]+|<[^>\n]*>|\{[^}\n]*\}|\[[^\]\n]*\]|https?://\S+"
)


def foreign_words(text: str, lang: str) -> set[str]:
    """The words of `text` that only the other language uses, facts left out."""
    plain = FACTS.sub(" ", text)
    return {word for word in re.findall(r"[A-Za-z]+", plain) if word.lower() in FOREIGN[lang]}


def catalog_fragments(lang: str) -> set[str]:
    """The fixed parts (between `{placeholders}`) of every phrase of the catalog in `lang`
    that the other language does not share: finding messages, CLI phrases, errors, usage."""
    side = 1 if lang == "en" else 0
    pairs = [*UI.values(), *((m.id[0], m.en[0]) for m in CODES.values())]
    pairs += [(m.id[1], m.en[1]) for m in CODES.values()]
    fragments = set()
    for pair in pairs:
        other = pair[1 - side]
        for part in re.split(r"\{[^}]*\}", pair[side]):
            part = part.strip(" .,:;()`'")
            if len(part) >= 12 and " " in part and part not in other:
                fragments.add(part)
    return fragments


FRAGMENTS = {"id": catalog_fragments("en"), "en": catalog_fragments("id")}  # the other's


def assert_speaks(text: str, lang: str) -> None:
    assert text.strip(), "nothing was said"
    found = foreign_words(text, lang)
    assert not found, f"{sorted(found)} in a {lang} message:\n{text}"
    phrases = sorted(fragment for fragment in FRAGMENTS[lang] if fragment in text)
    assert not phrases, f"{phrases} in a {lang} message:\n{text}"


BAD_TOML = {
    "syntax": CONFIG + "\n[satker\n",
    "unknown key": CONFIG + "\nwarna = 'merah'\n",
    "bad regex": CONFIG.replace("pola = '^", "pola = '(^"),
    "bad template": CONFIG.replace("{urut:03d}/SOP", "{urutan}/SOP"),
    "wrong type": CONFIG.replace('bahasa = "id"', "bahasa = 5"),
}
BAD_SOPS = {
    "sdm/sintaks.yaml": "nama: [tidak ditutup\nunit: sdm\n",
    "sdm/indentasi.yaml": "nama: a\n  unit: b\n",
    "sdm/kosong.yaml": "",
    "sdm/daftar.yaml": "- a\n",
    "sdm/tanggal.yaml": valid_sop().replace("pembuatan: 2022-03-01", "pembuatan: 2022-02-30"),
    "sdm/jenis.yaml": valid_sop().replace("jenis: administratif", "jenis: 5"),
    "sdm/status.yaml": valid_sop().replace("status: ditetapkan", "status: [x]"),
    "sdm/kontrol.yaml": 'nama: "a\x07b"\n',
    "sdm/biner.yaml": "nama: caf\udcff\n",
}


def say(capsys: pytest.CaptureFixture[str], lang: str, *args: str, cwd: Path) -> str:
    result = sopctl(capsys, *args, "--lang", lang, cwd=cwd)
    return result.out + result.err


@pytest.fixture(autouse=True)
def no_language_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOPCTL_LANG", raising=False)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    "args",
    [
        ["tidak-ada"],  # unknown command
        ["lint", "--format", "xml"],  # a value that is not a choice
        ["lint", "--bogus"],  # unknown option
        ["lint", "--fomat", "json"],  # a misspelt option
        ["report", "--by"],  # an option without its value
        ["lint", "--per-tanggal", "2024-13-40"],  # not a date
        ["riwayat"],  # missing argument
        ["diff", "a", "b", "c"],  # extra argument
        ["lint", "tidak-ada.yaml"],  # missing file
        ["renumber", "tidak-ada.yaml"],
        ["list", "--unit", "sdmm"],  # unknown unit, with a did-you-mean
        ["report", "--area", "pelayanan"],  # unknown RB area
        ["list", "--area", "zzz"],
        ["render", "-f", "odt"],
        ["booklet", "-o", "buku.txt"],
        ["new", "--nama", "Uji", "--yes"],  # missing required options without a terminal
        ["new", "--nama", "Uji", "--unit", "sdm", "--area", "xyz", "--pelaksana", "Staf", "--yes"],
        ["lint", "--select", "Z999"],
    ],
    ids=lambda args: " ".join(args),
)
def test_usage_errors_speak_one_language(
    args: list[str], lang: str, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    result = sopctl(capsys, *args, "--lang", lang, cwd=root)
    assert result.code == 2, result.err
    assert_speaks(result.err, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bad_files_speak_one_language(
    lang: str, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog()
    for relative, text in BAD_SOPS.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
    result = sopctl(capsys, "lint", *BAD_SOPS, "--lang", lang, cwd=root)
    assert result.code == 1
    assert result.out.count("error") >= len(BAD_SOPS)
    assert_speaks(result.out, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("case", sorted(BAD_TOML))
def test_bad_configuration_speaks_one_language(
    case: str, lang: str, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()}, config=BAD_TOML[case])
    for args in (["lint"], ["new", "--nama", "Uji", "--unit", "sdm", "--area", "manajemen-sdm",
                            "--pelaksana", "Staf", "--dry-run"]):  # fmt: skip
        result = sopctl(capsys, *args, "--lang", lang, cwd=root)
        if case == "bad template" and args == ["lint"]:
            continue  # lint does not make numbers
        assert result.code == 2, (case, args, result.err)
        assert_speaks(result.err, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_outside_a_catalog_and_outside_git(
    lang: str, tmp_path: Path, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert_speaks(say(capsys, lang, "lint", cwd=empty), lang)
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    assert_speaks(say(capsys, lang, "riwayat", "sdm/duk.yaml", cwd=root), lang)
    assert_speaks(say(capsys, lang, "diff", "v9", cwd=root), lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unknown_revision_in_a_repository(
    lang: str, make_catalog: Make, git_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "awal")
    result = sopctl(capsys, "diff", "v9.9", "--lang", lang, cwd=root)
    assert result.code == 2 and "v9.9" in result.err  # the revision, not the option, refused
    assert_speaks(result.err, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    "args",
    [
        [],
        ["lint", "-h"],
        ["new", "--help"],
        ["report", "-h"],
        ["diff", "-h"],
        ["riwayat", "--help"],
    ],
)
def test_help_pages_speak_one_language(
    args: list[str], lang: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    for chosen in ({"SOPCTL_LANG": lang}, {"--lang": lang}):
        if "SOPCTL_LANG" in chosen:
            monkeypatch.setenv("SOPCTL_LANG", lang)
            result = sopctl(capsys, *args)
        else:
            monkeypatch.delenv("SOPCTL_LANG")
            result = sopctl(capsys, *args, *(["--lang", lang] if args else []))
            if not args:
                continue  # `sopctl --lang` is not an option of the root
        panels = {"id": ("Opsi", "Pemakaian:"), "en": ("Options", "Usage:")}[lang]
        assert all(word in result.out for word in panels), result.out
        assert_speaks(_without_examples(result.out), lang)


def _without_examples(text: str) -> str:
    """Example command lines and the names of the choices are facts, not phrases."""
    return "\n".join(line for line in text.splitlines() if "sopctl " not in line)


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_ctrl_d_at_a_prompt(lang: str, make_catalog: Make) -> None:
    pexpect = pytest.importorskip("pexpect")
    root = make_catalog()
    program = shutil.which("sopctl") or str(Path(sys.executable).with_name("sopctl"))
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "SOPCTL_LANG": lang}
    child = pexpect.spawn(program, ["new"], cwd=str(root), env=env, encoding="utf-8", timeout=20)
    child.expect({"id": "Nama SOP", "en": "SOP title"}[lang])
    child.sendeof()
    child.expect(pexpect.EOF)
    said = child.before
    child.close()
    assert child.exitstatus == 1
    assert {"id": "Dibatalkan.", "en": "Aborted."}[lang] in said
    assert_speaks(said, lang)
    assert not list(root.rglob("*.yaml"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_refused_confirmation_answer_is_asked_in_the_language(
    lang: str, make_catalog: Make
) -> None:
    pexpect = pytest.importorskip("pexpect")
    root = make_catalog()
    program = shutil.which("sopctl") or str(Path(sys.executable).with_name("sopctl"))
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "SOPCTL_LANG": lang}
    flags = [
        "--nama",
        "Uji Coba",
        "--unit",
        "sdm",
        "--area",
        "manajemen-sdm",
        "--jenis",
        "teknis",
        "--pelaksana",
        "Staf",
    ]
    child = pexpect.spawn(
        program, ["new", *flags], cwd=str(root), env=env, encoding="utf-8", timeout=20
    )
    child.expect({"id": r"\[y/t\]", "en": r"\[y/n\]"}[lang])
    child.sendline("mungkin")
    child.expect({"id": "Jawab y", "en": "Please enter y or n"}[lang])
    child.sendline({"id": "t", "en": "n"}[lang])
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert not list(root.rglob("*.yaml"))


def test_the_catalog_fragments_catch_a_phrase_of_the_other_language() -> None:
    assert "Kode keluar" not in FRAGMENTS["en"]  # help is not in the phrase catalog
    assert any("berkas diperiksa" in fragment for fragment in FRAGMENTS["en"])
    assert any("files checked" in fragment for fragment in FRAGMENTS["id"])


def test_the_word_lists_catch_what_they_are_for() -> None:
    """The check itself: typer's and libyaml's English is caught, facts are not."""
    assert foreign_words("Usage: sopctl lint [OPTIONS] [paths]...", "id") == {"Usage"}
    assert foreign_words("Invalid value for '--format': 'xx' is not one of", "id") >= {"not"}
    assert foreign_words("sopctl: `duk.yaml`: tidak ditemukan", "en") == {"tidak", "ditemukan"}
    assert not foreign_words("sopctl: sdm/the.yaml: --help `not` 'or'", "id")
    completed = subprocess.run(["git", "--version"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0  # the git tests above run for real


def test_core_errors_follow_the_catalogs_language(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bahasa = "en"` in sopctl.toml: a core error is English without --lang."""
    root = make_catalog({"sdm/duk.yaml": valid_sop()}, config=CONFIG.replace('"id"', '"en"'))
    args = ["--nama", "Uji", "--unit", "sdm", "--area", "xyz", "--pelaksana", "Staf", "--yes"]
    result = sopctl(capsys, "new", *args, cwd=root)
    assert result.code == 2
    assert "unknown RB area `xyz`" in result.err
    assert_speaks(result.err, "en")
    result = sopctl(capsys, "new", *args, "--lang", "id", cwd=root)
    assert "area RB `xyz` tidak dikenal" in result.err


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("command", [["list"], ["report"]])
def test_skipped_files_are_named_in_the_language(
    command: list[str], lang: str, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "sdm/rusak.yaml": "nama: [tidak ditutup\n"})
    result = sopctl(capsys, *command, "--lang", lang, cwd=root)
    assert result.code == 0
    assert "sdm/rusak.yaml" in result.err
    assert_speaks(result.err, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unknown_command_in_a_fresh_process(tmp_path: Path, lang: str) -> None:
    """As the program starts for a user: no command module loaded yet (typer then adds its
    own "Did you mean" to click's message, which must still be said again)."""
    env = {**os.environ, "SOPCTL_LANG": lang, "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-m", "sopctl", "lnt"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert "`lint`" in done.stderr
    assert_speaks(done.stderr + done.stdout, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_report_table_speaks_one_language(
    lang: str, sample_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The terminal report's own words follow --lang; the names in it (units, RB areas,
    the Permen's criteria, business processes) are the catalog's and stay as written."""
    from sopctl.catalog.folder import open_catalog
    from sopctl.sop.model import KRITERIA

    result = sopctl(capsys, "report", "--lang", lang, cwd=sample_copy)
    assert result.code == 0, result.err
    config = open_catalog(sample_copy).config
    names = [*KRITERIA.values(), config.satker.nama]
    names += [item.nama for group in (config.units, config.areas, config.themes) for item in group]
    names += [unit.nama.removeprefix("Subbagian ") for unit in config.units]  # as the table has
    names += [process.nama for process in config.processes]
    text = result.out
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    assert ("Legend:" in text) == (lang == "en") and ("Keterangan:" in text) == (lang == "id")
    assert_speaks(text, lang)


# -- diff and riwayat: the change reports -----------------------------------------------------


def json_facts(data: object) -> set[str]:
    """Every text of a `--format json` answer that is a fact (paths, numbers, titles, steps'
    activities, the format's keys and values, commits, authors, subjects), not a phrase."""
    if isinstance(data, dict):
        skipped = {"kind", "summary"}  # the kinds are English words; a summary is phrases
        return {f for key, value in data.items() if key not in skipped for f in json_facts(value)}
    if isinstance(data, list):
        return {fact for item in data for fact in json_facts(item)}
    return {data} if isinstance(data, str) and data else set()


def without_facts(text: str, facts: set[str]) -> str:
    """`text` with each fact taken out, as written, as Markdown or as HTML escapes it."""
    from sopctl.text.escape import html_text, md_text

    shown = {form for fact in facts for form in (fact, md_text(fact), html_text(fact))}
    for fact in sorted(shown, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(fact)}(?!\w)", " ", text)
    return re.sub(r"\b[0-9a-f]{7}\b", " ", text)  # short commit hashes


@pytest.fixture
def changes(make_catalog: Make, git_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A catalog on main, then on the branch every kind of change `sopctl diff` names: an SOP
    added, one without number or title, one removed, one renumbered, one retitled and moved
    with steps added, removed, changed and moved."""
    from sop_repo import CUTI, base_files, commit, edit, init, sop, write

    monkeypatch.setenv("COLUMNS", "250")  # table cells unwrapped: facts stay whole
    root = make_catalog(base_files())
    init(root)
    commit(root, "Katalog awal")
    git(root, "switch", "-q", "-c", "fitur")
    edit(root, "sdm/cuti.yaml", f"nomor: {CUTI}", "nomor: 004/SOP/SDM/KPU-Prov-35/2022")
    (root / "umum/atk.yaml").unlink()
    duk = "sdm/duk.yaml"
    edit(root, duk, "nama: Penyusunan DUK Pegawai", "nama: Penyusunan DUK PNS")
    edit(root, duk, "waktu: 1 jam", "waktu: 2 jam")
    edit(root, duk, "  - kegiatan: Menyusun konsep DUK", "  - kegiatan: Mencatat di agenda\n"
         "    pelaksana: staf\n  - kegiatan: Menyusun konsep DUK")  # fmt: skip
    commit(root, "Revisi DUK")
    git(root, "mv", duk, "sdm/daftar-urut-kepangkatan.yaml")
    moved = "sdm/daftar-urut-kepangkatan.yaml"
    edit(root, moved, "penyusunan DUK\n", "penyusunan DUK Pegawai\n")  # reworded: changed
    text = (root / moved).read_text(encoding="utf-8")
    signing = text[text.index("  - kegiatan: Menandatangani") : text.index("monitoring:")]
    edit(root, moved, signing, "")  # the last step removed
    commit(root, "Pindahkan berkas DUK")
    write(root, "sdm/baru.yaml", sop("005/SOP/SDM/KPU-Prov-35/2024", "Penyusunan Formasi"))
    write(root, "sdm/konsep.yaml", "pelaksana: []\n")  # no number, no title yet
    return root


def facts_of(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> set[str]:
    result = sopctl(capsys, *args, "--format", "json", cwd=root)
    assert result.code == 0, result.err
    return json_facts(result.json())


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", ["text", "md"])
def test_the_diff_speaks_one_language(
    lang: str, fmt: str, changes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = facts_of(capsys, changes, "diff", "main")
    result = sopctl(capsys, "diff", "main", "--format", fmt, "--lang", lang, cwd=changes)
    assert result.code == 0, result.err
    said = {
        "id": ["titik cabang dari", "5 SOP berubah", "(dahulu", "langkah 4 (lama) dihapus"],
        "en": ["branch point of", "5 SOPs changed", "(formerly", "old step 4 removed"],
    }[lang]
    assert all(phrase in result.out for phrase in said), result.out
    assert "005/SOP/SDM/KPU-Prov-35/2024" in result.out  # the facts are still there
    assert_speaks(without_facts(result.out, facts), lang)
    nothing = sopctl(capsys, "diff", "HEAD", "HEAD", "--format", fmt, "--lang", lang, cwd=changes)
    assert_speaks(without_facts(nothing.out, facts), lang)


def test_the_diff_json_is_the_same_in_both_languages(
    changes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said = [sopctl(capsys, "diff", "main", "-f", "json", "--lang", lang, cwd=changes).out
            for lang in ("id", "en")]  # fmt: skip
    assert said[0] == said[1] and '"kind": "changed"' in said[0]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", ["table", "md"])
def test_the_riwayat_speaks_one_language(
    lang: str, fmt: str, changes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = "sdm/daftar-urut-kepangkatan.yaml"
    facts = facts_of(capsys, changes, "riwayat", path)
    result = sopctl(capsys, "riwayat", path, "--format", fmt, "--lang", lang, cwd=changes)
    assert result.code == 0, result.err
    said = {
        "id": ["dibuat", "berkas dipindah dari", "langkah 2 ditambahkan", "Riwayat Revisi"],
        "en": ["created", "file moved from", "step 2 added", "Revision history of"],
    }[lang]
    assert all(phrase in result.out for phrase in said), result.out
    assert_speaks(without_facts(result.out, facts), lang)


@pytest.mark.parametrize("command", ["diff", "riwayat"])
def test_the_change_reports_follow_the_catalogs_language(
    command: str, changes: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bahasa = "en"` in sopctl.toml: English without --lang; --lang and SOPCTL_LANG win."""
    config = changes / "sopctl.toml"
    config.write_text(CONFIG.replace('"id"', '"en"'), encoding="utf-8")
    args = [command, "sdm/daftar-urut-kepangkatan.yaml" if command == "riwayat" else "main"]
    english = {"diff": "SOP changes:", "riwayat": "file moved from"}[command]
    indonesian = {"diff": "Perubahan SOP:", "riwayat": "berkas dipindah dari"}[command]
    assert english in sopctl(capsys, *args, cwd=changes).out
    assert indonesian in sopctl(capsys, *args, "--lang", "id", cwd=changes).out
    monkeypatch.setenv("SOPCTL_LANG", "id")
    assert indonesian in sopctl(capsys, *args, cwd=changes).out
