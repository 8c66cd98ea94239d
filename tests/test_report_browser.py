"""The HTML report in a real headless Chromium: the SVG charts are drawn, with labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SAMPLE
from helpers import sopctl

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "tests" / "artifacts"


def test_sample_report_draws_every_chart(
    browser: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rekap.html"
    assert sopctl(capsys, "report", str(SAMPLE), "-f", "html", "-o", str(target)).code == 0
    page = browser.new_page(viewport={"width": 900, "height": 1200})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(target.as_uri())

    charts = page.locator("section.chart svg")
    assert charts.count() == 3
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 40
    rows = page.locator("g.baris")
    assert rows.count() == 8 + 8 + 2  # units, areas, statuses of the sample
    for index in range(rows.count()):
        row = rows.nth(index)
        value = int(row.get_attribute("data-value"))
        bar = row.locator("rect.bar").bounding_box()
        assert bar is not None and bar["height"] > 5
        assert (bar["width"] > 0) == (value > 0)
        label = row.locator("text.label")
        assert label.text_content().strip()
        assert label.bounding_box()["width"] > 10
        assert row.locator("text.nilai").text_content() == str(value)
    sdm = page.locator('#grafik-unit g.baris[data-key="sdm"]')
    assert sdm.locator("text.label").text_content() == "Sumber Daya Manusia"
    widest = max(rows.nth(i).locator("rect.bar").bounding_box()["width"] for i in range(8))
    assert sdm.locator("rect.bar").bounding_box()["width"] == widest  # 15 is the largest
    assert requests == [target.as_uri()]  # nothing fetched besides the page itself

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    page.close()
