"""The fast reading (libyaml + sopctl's YAML 1.2 constructor) equals ruamel.yaml's YAML 1.2
reading on generated SOPs, and on the words where YAML 1.1 and 1.2 disagree."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from ruamel.yaml import YAML
from test_fmt import sops

from sopctl.catalog.folder import sop_files
from sopctl.sop.yamlio import parse_text, read_file

YAML_1_1_WORDS = ["no", "yes", "on", "off", "y", "n", "No", "YES", "Off", "010", "0o10", "1:20"]


def ruamel(text: str) -> object:
    return YAML(typ="safe", pure=True).load(text)


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(sops())
def test_generated_sop_text_reads_the_same(text: str) -> None:
    assert parse_text(text).data == ruamel(text)


def test_benchmark_catalog_reads_the_same(tmp_path: Path) -> None:
    generator = load_generator()
    generator.generate(tmp_path, 120)
    files = sop_files(tmp_path)
    assert len(files) >= 100
    for path in files:
        assert read_file(path).data == ruamel(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize("word", YAML_1_1_WORDS)
def test_yaml_1_1_words_read_as_yaml_1_2(word: str) -> None:
    text = f"nama: {word}\nlangkah: [{word}]\n"
    data = parse_text(text).data
    assert data == ruamel(text)
    assert not isinstance(data["nama"], bool), "YAML 1.2: yes/no/on/off are text"
