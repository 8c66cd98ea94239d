"""A real headless Chromium opens every sample SOP's HTML and checks the printed geometry."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM_ARGS

from sopctl.catalog.folder import open_catalog
from sopctl.render.chart.layout import paper
from sopctl.render.files import render_files

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).resolve().parent.parent / "sops"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SCREENSHOT_OF = "002-SOP-PARMAS-KPU-Prov-35-2022.html"  # loops back and spans two pages

# Runs in the page: every overflow and misplaced symbol, as readable strings.
CHECK = """(width) => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > width + 1) problems.push(`page scrolls: ${doc.scrollWidth} > ${width}`);
  for (const el of document.querySelectorAll('table, img, svg')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 1) problems.push(`${el.tagName} ends at ${r.right} > ${width}`);
  }
  for (const page of document.querySelectorAll('.halaman-prosedur')) {
    for (const sym of page.querySelectorAll('g.simbol')) {
      const s = sym.getBoundingClientRect();
      const step = sym.dataset.step, actor = sym.dataset.actor;
      const th = page.querySelector(`th[data-actor="${CSS.escape(actor)}"]`);
      const tr = page.querySelector(`tr[data-step="${step}"]`);
      const c = th.getBoundingClientRect(), row = tr.getBoundingClientRect();
      if (s.left < c.left || s.right > c.right)
        problems.push(`step ${step}: x ${s.left}-${s.right} not in ${actor} ${c.left}-${c.right}`);
      if (s.top < row.top || s.bottom > row.bottom)
        problems.push(`step ${step}: y ${s.top}-${s.bottom} outside row ${row.top}-${row.bottom}`);
    }
  }
  for (const tr of document.querySelectorAll('tr[data-step]')) {
    const wanted = parseFloat(tr.style.height), got = tr.getBoundingClientRect().height;
    if (Math.abs(got - wanted) > 1.5)
      problems.push(`step ${tr.dataset.step}: row is ${got} px, measured ${wanted} px`);
  }
  const symbols = document.querySelectorAll('g.simbol').length;
  const rows = document.querySelectorAll('tr[data-step]').length;
  if (symbols !== rows) problems.push(`${symbols} symbols for ${rows} steps`);
  return problems;
}"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    catalog = open_catalog(SAMPLE)
    return render_files(catalog, [], "html", tmp_path_factory.mktemp("html"))


def test_every_sample_sop_fits_the_page_and_symbols_sit_in_their_columns(
    browser: Any, rendered: list[Path]
) -> None:
    buku = open_catalog(SAMPLE).config.buku
    width = int(paper(buku.kertas, buku.orientasi).width)
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.emulate_media(media="print")
    failures: dict[str, list[str]] = {}
    for path in rendered:
        page.goto(path.as_uri())
        problems = page.evaluate(CHECK, width)
        if problems:
            failures[path.name] = problems
    page.close()
    assert len(rendered) >= 20
    assert failures == {}


def test_screenshot_of_a_two_page_procedure(browser: Any, rendered: list[Path]) -> None:
    """Saved for a person to look at: tests/artifacts/ (git-ignored)."""
    target = next(p for p in rendered if p.name == SCREENSHOT_OF)
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(target.as_uri())
    shot = ARTIFACTS / "sop-parmas-002.png"
    page.screenshot(path=str(shot), full_page=True)
    page.close()
    assert shot.stat().st_size > 10_000


BARE_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <cachedir>{cache}</cachedir>
  <match target="font">
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintfull</const></edit>
  </match>
</fontconfig>
"""


def test_rows_hold_their_text_in_a_browser_without_system_fonts(
    browser: Any, rendered: list[Path], tmp_path: Path
) -> None:
    """No system font at all and full hinting (glyphs on whole pixels): only the embedded
    Liberation Sans is there, and every row still holds its measured height."""
    config = tmp_path / "fonts.conf"
    config.write_text(BARE_FONTCONFIG.format(cache=tmp_path / "cache"), encoding="utf-8")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    width = int(paper("A4", "landscape").width)
    failures: dict[str, list[str]] = {}
    bare = browser.browser_type.launch(executable_path=executable, args=CHROMIUM_ARGS, env=env)
    page = bare.new_page(viewport={"width": width, "height": 900})
    page.emulate_media(media="print")
    for path in rendered:
        page.goto(path.as_uri())
        problems = page.evaluate(CHECK, width)
        if problems:
            failures[path.name] = problems
    bare.close()
    assert len(rendered) >= 20
    assert failures == {}
