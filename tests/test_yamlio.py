"""sopctl.sop.yamlio: YAML 1.2 data equal to ruamel.yaml's, problems instead of exceptions."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from sopctl.sop.yamlio import (
    MAX_BYTES,
    Document,
    Problem,
    dump_roundtrip,
    load_roundtrip,
    parse_text,
    read_file,
    write_atomic,
)

TRICKY_WORDS = """
    no yes on off y n Y N No Yes ON OFF 010 0o10 0x1f 0X1F 0x1F 1_000 1e3 1E3 .5 +1 -0 0 -1
    .inf +.inf -.inf .Inf .NaN .nan .NAN +.nan ~ null Null NULL nULL true True TRUE tRue false
    False FALSE 2022-03-01 2022-3-1 2022-03-01T10:00:00Z 2022-03-01t10:00:00.5+07:00 1:20
    12:30:00 0b101 0b102 00 09 08 0_8 1. -.5e+3 .5e3 .5e+3 1,000 1__ _1 -_ 0x_ 0o_ 0b_ 0o8 1e
    1.e5 0_.5 +0b1 -0x1F 2022-02-30 2022-03-01T25:00:00 = << 1.2.3 0.1.0 v1 0x 0o 0b + . -.
    1_000.5 sdm 15 Sekretaris
""".split()  # noqa: SIM905 - easier to read and extend than a list of quoted words
TRICKY_WORDS += ["2022-03-01 10:00:00", "2022-03-01 10:00:00.9999999", "15 menit", "2 hari"]


def ruamel_load(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def assert_same_as_ruamel(text: str) -> Document:
    """parse_text gives ruamel's data, or a problem where ruamel raises."""
    document = parse_text(text)
    try:
        expected = ruamel_load(text)
    except Exception:  # ruamel raises YAMLError, ValueError, KeyError, ... on bad values
        assert document.problems, text
        return document
    assert document.problems == [], text
    assert repr(document.data) == repr(expected), text  # repr: 1 != True != 1.0, nan == nan
    return document


@pytest.mark.parametrize("word", TRICKY_WORDS)
def test_plain_values_resolve_like_ruamel(word: str) -> None:
    assert_same_as_ruamel(f"k: {word}\nlist: [{word}, x]\n")


@pytest.mark.parametrize("word", TRICKY_WORDS)
def test_plain_keys_resolve_like_ruamel_or_are_reported(word: str) -> None:
    text = f"{word}: 1\n"
    document = parse_text(text)
    try:
        expected, raised = ruamel_load(text), False
    except Exception:  # e.g. `2022-02-30` or `<<: 1`
        expected, raised = {word: 1}, True
    if word == "<<":
        assert (document.data, [p.code for p in document.problems]) == ({}, ["Y006"])
    elif not raised and isinstance(next(iter(expected)), str):
        assert (document.data, document.problems) == (expected, [])
    else:
        assert [problem.code for problem in document.problems] == ["Y007"]
        assert document.data == {str(next(iter(expected))): 1}


def test_examples_from_the_brief() -> None:
    text = "a: no\nb: 010\nc: 0o10\nd: 1:20\ne: 2022-03-01\nf: '010'\ng: ~\nh:\n"
    assert parse_text(text).data == {
        "a": "no",
        "b": 10,
        "c": 8,
        "d": "1:20",
        "e": datetime.date(2022, 3, 1),
        "f": "010",
        "g": None,
        "h": None,
    }


NUMBER_LIKE = st.from_regex(
    r"\A[-+]?(0[box])?[0-9a-fA-F_]{0,4}(\.[0-9_]{0,3})?([eE][-+]?[0-9]{0,2})?\Z"
).filter(lambda word: word not in ("", "-", "+"))
DATE_LIKE = st.from_regex(
    r"\A[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"([Tt ][0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]{0,8})?( ?(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?\Z"
)
WORDS = st.one_of(st.sampled_from(TRICKY_WORDS), NUMBER_LIKE, DATE_LIKE)


@settings(max_examples=300)
@given(WORDS)
def test_generated_words_resolve_like_ruamel(word: str) -> None:
    assert_same_as_ruamel(f"k: {word}\n")


def render(value: Any, indent: int = 0) -> str:
    """Block-style YAML of nested dicts/lists whose leaves are plain words."""
    pad = " " * indent
    items = (
        [(f"{key}:", child) for key, child in value.items()]
        if isinstance(value, dict)
        else [("-", child) for child in value]
    )
    text = ""
    for head, child in items:
        if isinstance(child, str):
            text += f"{pad}{head} {child}\n"
        elif not child:
            text += f"{pad}{head} {'{}' if isinstance(child, dict) else '[]'}\n"
        else:
            text += f"{pad}{head}\n" + render(child, indent + 2)
    return text


KEYS = st.from_regex(r"\Ak_[a-z_]{0,6}\Z")
TREES = st.recursive(
    WORDS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, TREES, min_size=1, max_size=6))
def test_generated_mappings_load_like_ruamel(tree: dict[str, Any]) -> None:
    assert_same_as_ruamel(render(tree))


def test_explicit_core_tags_are_honoured_like_ruamel() -> None:
    text = (
        "a: !!str 123\nb: !!int '12'\nc: !!float '1'\nd: !!bool yes\ne: !!null ''\n"
        "f: !!timestamp '2022-01-01'\ng: !!seq [1]\nh: !!map {x: 1}\ni: ! 5\n"
    )
    document = assert_same_as_ruamel(text)
    assert document.data["a"] == "123"
    assert document.data["i"] == 5


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("k: !foo 1\n", "1"),
        ("k: !!int x\n", "x"),
        ("k: !!bool maybe\n", "maybe"),
        ("k: !!timestamp soon\n", "soon"),
        ("k: !!binary aGVsbG8=\n", "aGVsbG8="),
        ("k: !!set {a: null}\n", {"a": None}),
        ("k: !!seq {a: 1}\n", {"a": 1}),
        ("k: 2022-02-30\n", "2022-02-30"),
        ("k: =\n", "="),
    ],
)
def test_bad_values_and_unknown_tags_are_y007(text: str, value: Any) -> None:
    document = parse_text(text)
    assert document.data == {"k": value}
    assert [(problem.code, problem.line, problem.column) for problem in document.problems] == [
        ("Y007", 1, 4)
    ]


def test_impossible_date_keeps_the_string_and_explains() -> None:
    document = parse_text("tanggal:\n  pembuatan: 2022-02-30\n")
    assert document.data == {"tanggal": {"pembuatan": "2022-02-30"}}
    assert document.problems == [
        Problem("Y007", 2, 14, "'2022-02-30': day is out of range for month")
    ]


def test_non_string_keys_are_reported_and_stringified() -> None:
    document = parse_text("1: a\ntrue: b\n[x, y]: c\n")
    assert document.data == {"1": "a", "True": "b", "['x', 'y']": "c"}
    assert [(p.code, p.line) for p in document.problems] == [("Y007", 1), ("Y007", 2), ("Y007", 3)]


def test_duplicate_key_keeps_first_value_and_points_at_second() -> None:
    document = parse_text("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
    assert document.data == {"a": 1, "b": {"c": 2}}
    assert document.problems == [Problem("Y005", 4, 3, "c"), Problem("Y005", 5, 1, "a")]


def test_billion_laughs_is_fast_and_reported_once() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    start = time.perf_counter()
    document = parse_text("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    assert document.problems == [Problem("Y006", 2, 10, "alias")]


def test_alias_and_merge_key_are_y006() -> None:
    document = parse_text("base: &b {x: 1}\ncopy: *b\nmerged:\n  <<: {y: 2}\n  z: 3\n")
    assert document.data == {"base": {"x": 1}, "copy": None, "merged": {"z": 3}}
    assert [(p.code, p.line, p.column) for p in document.problems] == [
        ("Y006", 2, 7),
        ("Y006", 4, 3),
    ]


def test_alias_as_key_is_y006() -> None:
    document = parse_text("a: &k x\n*k : 1\n")
    assert document.data == {"a": "x"}
    assert document.problems == [Problem("Y006", 2, 1, "alias")]


def test_yaml_1_1_directive_is_reported_and_read_as_1_2() -> None:
    document = parse_text("%YAML 1.1\n---\na: yes\n")
    assert document.data == {"a": "yes"}
    assert document.problems == [Problem("Y007", 1, 1, "a %YAML 1.1 document is read as YAML 1.2")]
    assert parse_text("%YAML 1.2\n---\na: yes\n").problems == []


def test_recursive_alias_does_not_loop() -> None:
    document = parse_text("a: &x [1, *x]\n")
    assert document.data == {"a": [1, None]}
    assert [p.code for p in document.problems] == ["Y006"]


@pytest.mark.parametrize(
    ("text", "line", "column", "detail"),
    [
        ("a:\n\tb: 1\n", 2, 1, "cannot start any token"),
        ("a: 1\n---\nb: 2\n", 2, 1, "expected a single document"),
        ("a: [1, 2\nb: 3\n", 2, 2, "expected ',' or ']'"),
        ("a: 1\nb: é\x01\n", 2, 5, "control characters are not allowed"),
        ("a: *nowhere\n", 1, 4, "found undefined alias"),
    ],
)
def test_syntax_errors_are_y001_with_position(
    text: str, line: int, column: int, detail: str
) -> None:
    document = parse_text(text)
    assert document.data is None
    [problem] = document.problems
    assert (problem.code, problem.line, problem.column) == ("Y001", line, column)
    assert detail in problem.detail


def test_too_deep_nesting_is_y001() -> None:
    document = parse_text("a: " + "[" * 900 + "]" * 900 + "\n")
    assert [problem.code for problem in document.problems] == ["Y001"]
    assert parse_text("a: " + "[" * 50 + "]" * 50 + "\n").problems == []


def test_lone_surrogate_is_y002() -> None:
    assert parse_text("a: 1\nb: x\ud800\n").problems == [
        Problem("Y002", 2, 5, "surrogates not allowed")
    ]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("", "an empty file"),
        ("# only a comment\n", "an empty file"),
        ("- a\n- b\n", "a sequence"),
        ("just text\n", "a single value"),
    ],
)
def test_empty_or_non_mapping_root_is_y004(text: str, detail: str) -> None:
    document = parse_text(text)
    assert document.data is None
    assert document.problems == [Problem("Y004", 1, 1, detail)]


SOP = """\
# yaml-language-server: $schema=../../schemas/sop.schema.json
nama: "Penyusunan DUK # 1"  # sopctl: abaikan P009 -- alasan
tanggal: {pembuatan: 2022-03-01}
catatan: |
  # bukan komentar
  teks
langkah:
  - kegiatan: Memberikan disposisi
    pelaksana: sekretaris
  - kegiatan: 'Menyusun konsep DUK' # it's fine
    pelaksana: staf
"""


def test_marks_point_at_values_and_keys() -> None:
    document = parse_text(SOP)
    assert document.value_marks[()] == (2, 1)
    assert document.value_marks[("tanggal", "pembuatan")] == (3, 22)
    assert document.value_marks[("langkah", 1)] == (10, 5)
    assert document.value_marks[("langkah", 1, "pelaksana")] == (11, 16)
    assert document.key_marks[("langkah", 1, "pelaksana")] == (11, 5)
    assert ("langkah", 1) not in document.key_marks


def test_locate_walks_up_to_an_existing_ancestor() -> None:
    document = parse_text(SOP)
    assert document.locate(("langkah", 1, "pelaksana")) == (11, 16)
    assert document.locate(("langkah", 1, "pelaksana"), key=True) == (11, 5)
    assert document.locate(("langkah", 1, "mutu_baku", "waktu")) == (10, 5)
    assert document.locate(("langkah", 7), key=True) == (7, 1)
    assert document.locate(("tidak_ada",)) == (2, 1)
    assert Document(None, []).locate(("x",)) == (1, 1)


def test_comments_are_found_outside_quotes_and_block_scalars() -> None:
    assert parse_text(SOP).comments == [
        (1, " yaml-language-server: $schema=../../schemas/sop.schema.json"),
        (2, " sopctl: abaikan P009 -- alasan"),
        (10, " it's fine"),
    ]
    text = "a: \"multi\n  # no\n  line\" # yes\nb: 'it''s # no' # end\n"
    assert parse_text(text).comments == [(3, " yes"), (4, " end")]


def test_comments_survive_a_syntax_error() -> None:
    assert parse_text("# sopctl: abaikan P001\na: [\n").comments == [(1, " sopctl: abaikan P001")]


def test_read_file_strips_bom_and_accepts_crlf(tmp_path: Path) -> None:
    path = tmp_path / "sop.yaml"
    path.write_bytes(b"\xef\xbb\xbfnama: Tes\r\nlangkah:\r\n  - satu # c\r\n")
    document = read_file(path)
    assert document.problems == []
    assert document.data == {"nama": "Tes", "langkah": ["satu"]}
    assert document.key_marks[("nama",)] == (1, 1)
    assert document.value_marks[("langkah", 0)] == (3, 5)
    assert document.comments == [(3, " c")]


def test_read_file_reports_invalid_utf8_position(tmp_path: Path) -> None:
    path = tmp_path / "sop.yaml"
    path.write_bytes(b"a: 1\nb: caf\xc3\xa9 \xff\n")
    document = read_file(path)
    assert document.data is None
    assert document.problems == [Problem("Y002", 2, 9, "invalid start byte")]


def test_read_file_refuses_large_files(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (2 * 1024 * 1024) + b"\n")
    document = read_file(path)
    assert document.data is None
    assert [problem.code for problem in document.problems] == ["Y003"]
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES - 4) + b"\n")
    assert read_file(path).problems == []


def test_read_file_reports_os_errors(tmp_path: Path) -> None:
    assert read_file(tmp_path / "missing.yaml").problems == [
        Problem("Y008", 1, 1, "no such file or folder")
    ]
    assert read_file(tmp_path).problems == [Problem("Y008", 1, 1, "is a folder, not a file")]


def assert_well_formed(document: Document) -> None:
    assert document.data is None or isinstance(document.data, dict)
    assert document.data is not None or document.problems
    for problem in document.problems:
        assert problem.code in {f"Y00{n}" for n in range(1, 9)}
        assert problem.line >= 1 and problem.column >= 1


YAMLISH = st.text(alphabet=" \n\t-:?#&*!|>'\"[]{},%@`ab019.~<=\\\r\x85\ufeffé", max_size=120)


@settings(max_examples=400)
@given(st.one_of(st.text(), YAMLISH))
def test_parse_text_never_raises(text: str) -> None:
    assert_well_formed(parse_text(text))


@settings(max_examples=200)
@given(st.one_of(st.binary(), YAMLISH.map(lambda text: text.encode("utf-8"))))
def test_read_file_never_raises(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz.yaml"
    path.write_bytes(raw)
    assert_well_formed(read_file(path))


ROUNDTRIP = """\
# kepala
nama: 'Penyusunan DUK'  # judul
tanggal: {pembuatan: 2022-03-01}
langkah:
  - kegiatan: "Memberikan disposisi"
    pelaksana: sekretaris
  - kegiatan: Menyusun konsep
"""


def test_roundtrip_keeps_comments_order_and_quotes() -> None:
    data = load_roundtrip(ROUNDTRIP)
    assert list(data) == ["nama", "tanggal", "langkah"]
    assert dump_roundtrip(data) == ROUNDTRIP
    data["langkah"][1]["pelaksana"] = "staf"
    assert dump_roundtrip(data).endswith("  - kegiatan: Menyusun konsep\n    pelaksana: staf\n")


def test_roundtrip_errors_propagate() -> None:
    with pytest.raises(Exception, match="mapping values are not allowed"):
        load_roundtrip("a: b: c\n")


def test_import_does_not_load_ruamel() -> None:
    code = "import sys, sopctl.sop.yamlio; print('ruamel.yaml' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_write_atomic_replaces_content_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "sop.yaml"
    path.write_text("lama\n")
    path.chmod(0o640)
    write_atomic(path, "nama: baru\nlangkah: []\n")
    assert path.read_bytes() == b"nama: baru\nlangkah: []\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["sop.yaml"]
    write_atomic(tmp_path / "new.yaml", "é\n")
    assert (tmp_path / "new.yaml").read_bytes() == "é\n".encode()
    assert (tmp_path / "new.yaml").stat().st_mode & 0o777 == 0o644


def test_write_atomic_failure_leaves_original_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sop.yaml"
    path.write_text("lama\n")

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, "baru\n")
    assert path.read_text() == "lama\n"
    assert os.listdir(tmp_path) == ["sop.yaml"]
