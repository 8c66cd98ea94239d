"""The shipped sample catalog: lints clean, reproduces the published counts, reads as YAML 1.2."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import SAMPLE
from helpers import sopctl
from ruamel.yaml import YAML

from sopctl.catalog.folder import sop_files
from sopctl.sop.yamlio import read_file

FILES = sop_files(SAMPLE)


def test_sample_lints_clean(capsys: pytest.CaptureFixture[str]) -> None:
    # judged as of the day the sample's monitoring records were last brought up to date
    result = sopctl(capsys, "lint", str(SAMPLE), "--format", "json", "--per-tanggal", "2026-11-26")
    assert result.code == 0
    assert result.json() == []


def test_sample_counts_per_unit_are_the_published_table() -> None:
    counts = Counter(path.relative_to(SAMPLE).parts[0] for path in FILES)
    assert counts == {
        "sdm": 15,
        "data-informasi": 1,
        "perencanaan": 2,
        "umum-logistik": 2,
        "teknis": 2,
        "parmas": 3,
        "hukum": 2,
        "keuangan": 1,
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem[:40])
def test_fast_reading_equals_ruamel_yaml_1_2(path: Path) -> None:
    ruamel = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    assert read_file(path).data == ruamel
