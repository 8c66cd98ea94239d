"""`sopctl fmt`: canonical layout, same data, comments kept, idempotent, bad files left alone."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE, Make
from helpers import sopctl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopctl.catalog.folder import sop_files
from sopctl.sop.canonical import CanonicalError, canonical_text
from sopctl.sop.model import KEY_ORDER
from sopctl.sop.yamlio import parse_text

MESSY = """\
# yaml-language-server: $schema=../../schemas/sop.schema.json
# Catatan penyusun: dibahas di rapat 3 Maret
nama: 'Penyusunan DUK'   # judul sementara
nomor: "001/SOP/SDM/KPU-Prov-35/2022"
unit: sdm
status: draf
area_rb: manajemen-sdm
tanggal: {efektif: 2022-04-14, pembuatan: 2022-03-01}
disahkan_oleh: {nip: '197501012000031001', nama: "Nama Pejabat", jabatan: Sekretaris}
pelaksana: [{nama: Staf, id: staf}, {id: kasubbag, nama: Kepala Subbagian}]
langkah:
  - {pelaksana: staf, kegiatan: "Menyusun: konsep", mutu_baku: {output: Konsep, waktu: 1 hari}}
  # langkah pemeriksaan
  - pelaksana: kasubbag
    tidak: 1
    kegiatan: Memeriksa konsep; sudah benar?
    ya: 3
  - kegiatan: Selesai
    pelaksana: staf
"""


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_fmt(capsys: pytest.CaptureFixture[str]) -> Run:
    """`sopctl fmt ARGS` run in `cwd` as the console script runs it: (exit code, out, err)."""

    def run(cwd: Path, *args: str) -> tuple[int, str, str]:
        result = sopctl(capsys, "fmt", *args, cwd=cwd)
        return result.code, result.out, result.err

    return run


def comments(text: str) -> list[str]:
    return sorted(c.strip() for _, c in parse_text(text).comments)


def test_canonical_layout_orders_keys_uses_block_style_and_settles_quotes() -> None:
    out = canonical_text(MESSY)
    data = parse_text(out).data
    assert data == parse_text(MESSY).data
    assert list(data) == [k for k in KEY_ORDER if k in data]
    assert list(data["tanggal"]) == ["pembuatan", "efektif"]
    assert list(data["disahkan_oleh"]) == ["jabatan", "nama", "nip"]
    assert [list(a) for a in data["pelaksana"]] == [["id", "nama"], ["id", "nama"]]
    assert list(data["langkah"][1]) == ["kegiatan", "pelaksana", "ya", "tidak"]
    assert list(data["langkah"][0]["mutu_baku"]) == ["waktu", "output"]
    assert "{" not in out and "[" not in out  # every mapping and list in block style
    assert "nama: Penyusunan DUK" in out  # quotes dropped where not needed
    assert 'nip: "197501012000031001"' in out  # kept (as double quotes) where needed
    assert 'kegiatan: "Menyusun: konsep"' in out
    assert out.startswith("# yaml-language-server: $schema=../../schemas/sop.schema.json\n")
    assert comments(out) == comments(MESSY)
    assert canonical_text(out) == out


def test_unparseable_text_is_refused_with_its_place() -> None:
    with pytest.raises(CanonicalError) as caught:
        canonical_text("nama: x\nunit: [sdm\n")
    assert caught.value.where[0] >= 2
    with pytest.raises(CanonicalError):
        canonical_text("nama: x\nnama: y\n")  # a duplicate key: which one is meant?


def test_fmt_writes_the_canonical_layout_and_a_second_run_changes_nothing(
    make_catalog: Make, run_fmt: Run
) -> None:
    root = make_catalog({"sdm/duk.yaml": MESSY})
    path = root / "sdm" / "duk.yaml"
    code, out, _ = run_fmt(root)
    assert code == 0 and "sdm/duk.yaml" in out
    first = path.read_text(encoding="utf-8")
    assert first == canonical_text(MESSY)
    assert run_fmt(root) == (0, "", "")
    assert path.read_text(encoding="utf-8") == first


def test_check_lists_the_files_to_change_and_writes_nothing(
    make_catalog: Make, run_fmt: Run
) -> None:
    root = make_catalog({"sdm/duk.yaml": MESSY, "sdm/rapi.yaml": canonical_text(MESSY)})
    code, out, err = run_fmt(root, "--check", str(root))
    assert code == 1
    assert "duk.yaml" in out and "rapi.yaml" not in out
    assert "1 dari 2" in err
    assert (root / "sdm" / "duk.yaml").read_text(encoding="utf-8") == MESSY


def test_diff_shows_the_change_and_writes_nothing(make_catalog: Make, run_fmt: Run) -> None:
    root = make_catalog({"sdm/duk.yaml": MESSY})
    code, out, _ = run_fmt(root, "--diff", "sdm/duk.yaml")
    assert code == 1
    assert "--- a/sdm/duk.yaml" in out and "+++ b/sdm/duk.yaml" in out
    assert "-nama: 'Penyusunan DUK'   # judul sementara" in out
    assert (root / "sdm" / "duk.yaml").read_text(encoding="utf-8") == MESSY


def test_a_bad_file_is_reported_and_never_stops_the_others(
    make_catalog: Make, run_fmt: Run
) -> None:
    broken = "nama: x\nlangkah:\n  - kegiatan: [tidak ditutup\n"
    root = make_catalog({"a/rusak.yaml": broken, "b/duk.yaml": MESSY})
    code, _, err = run_fmt(root)
    assert code == 1
    assert "a/rusak.yaml:4:1" in err or "a/rusak.yaml:3:" in err
    assert (root / "a" / "rusak.yaml").read_text(encoding="utf-8") == broken
    assert (root / "b" / "duk.yaml").read_text(encoding="utf-8") == canonical_text(MESSY)


def test_every_sample_sop_is_canonical() -> None:
    files = sop_files(SAMPLE)
    assert len(files) >= 28
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert canonical_text(text) == text, path


def test_fmt_check_passes_on_the_sample_catalog(run_fmt: Run) -> None:
    assert run_fmt(SAMPLE.parent, "--check", "sops")[0] == 0


def test_fmt_keeps_the_data_of_every_sample_sop_reordered() -> None:
    """Every sample SOP with its top-level keys shuffled comes back with the same data."""
    rng = random.Random(35)
    for path in sop_files(SAMPLE):
        data = parse_text(path.read_text(encoding="utf-8")).data
        keys = list(data)
        rng.shuffle(keys)
        shuffled = "".join(_block(k, data[k]) for k in keys)
        assert parse_text(shuffled).data == data
        assert parse_text(canonical_text(shuffled)).data == data, path


# -- generated SOPs ----------------------------------------------------------------------

_words = st.text(
    alphabet=st.sampled_from(list("abcdeéfgh ijk:#-'\"/0123456789[]{},?&*!|>%@`")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() == s and s != "")
_dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


@st.composite
def sops(draw: st.DrawFn) -> str:
    """The text of an SOP-like file: keys in any order, flow or block, any quoting."""
    steps = [
        {
            "pelaksana": draw(st.sampled_from(["staf", "kasubbag"])),
            "kegiatan": draw(_words),
            **({"ya": draw(st.integers(1, 9))} if draw(st.booleans()) else {}),
            "mutu_baku": {
                "output": draw(_words),
                "kelengkapan": draw(st.lists(_words, max_size=2)),
            },
        }
        for _ in range(draw(st.integers(2, 4)))
    ]
    data: dict[str, Any] = {
        "status": draw(st.sampled_from(["draf", "ditetapkan"])),
        "nama": draw(_words),
        "nomor": draw(_words),
        "unit": "sdm",
        "tanggal": {"efektif": draw(_dates), "pembuatan": draw(_dates)},
        "dasar_hukum": draw(st.lists(_words, max_size=3)),
        "langkah": steps,
        "pelaksana": [{"nama": draw(_words), "id": "staf"}],
    }
    keys = draw(st.permutations(list(data)))
    flow = draw(st.booleans())
    # a comment above the first key is the file's header and stays on top; others move with
    # the key below them
    noted = draw(st.sets(st.sampled_from(keys[1:])))
    header = "# yaml-language-server: $schema=../schemas/sop.schema.json\n"
    return (header if draw(st.booleans()) else "") + "".join(
        (f"# tentang {k}\n" if k in noted else "")
        + (_flow(k, data[k]) if flow else _block(k, data[k]))
        for k in keys
    )


def _scalar(value: Any) -> str:
    if isinstance(value, dt.date | int):
        return str(value.isoformat() if isinstance(value, dt.date) else value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow_value(v) for v in value) + "]"
    return _scalar(value)


def _flow(key: str, value: Any) -> str:
    return f"{key}: {_flow_value(value)}\n"


def _block(key: str, value: Any, indent: str = "") -> str:
    if isinstance(value, dict) and value:
        inner = "".join(_block(k, v, indent + "  ") for k, v in value.items())
        return f"{indent}{key}:\n{inner}"
    if isinstance(value, list) and value:
        items = "".join(f"{indent}  - {_flow_value(v)}\n" for v in value)
        return f"{indent}{key}:\n{items}"
    return f"{indent}{key}: {_flow_value(value)}\n"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sops())
def test_fmt_keeps_data_and_is_idempotent_on_generated_sops(text: str) -> None:
    before = parse_text(text)
    assert not before.problems, text
    once = canonical_text(text)
    assert parse_text(once).data == before.data
    assert canonical_text(once) == once
    assert comments(once) == comments(text)
    lines = once.splitlines()
    for line, comment in parse_text(once).comments:  # each stays right above its key
        if "tentang" in comment:
            assert lines[line].startswith(comment.strip().removeprefix("tentang ") + ":"), once
