"""`sopctl serve` in a real headless Chromium: filter the catalog, open an SOP, edit it in the
form (a step's text and actor, a new decision), save, and a save refused as stale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from serving import running

from sopctl.catalog.folder import open_catalog
from sopctl.render.files import render_files
from sopctl.sop.yamlio import parse_text

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DUK = "sdm/penyusunan-daftar-urut-kepangkatan-duk-pegawai.yaml"
FONT_STATES = (
    "async () => { await document.fonts.ready; return [...document.fonts].map(f => f.status); }"
)
COMMENT = "  # urutan langkah disepakati rapat subbagian, Maret 2022\n"


@pytest.fixture
def catalog(sample_copy: Path) -> Path:
    path = sample_copy / DUK
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("langkah:\n", "langkah:\n" + COMMENT, 1), encoding="utf-8")
    return sample_copy


def shoot(page: Any, name: str) -> None:
    """Saved for a person to look at: tests/artifacts/ (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)


def test_filter_open_edit_add_a_decision_and_save(browser: Any, catalog: Path) -> None:
    path = catalog / DUK
    with running(catalog) as server:
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        page.goto(server.url + "/")
        everything = page.locator("tr[data-path]").count()
        shoot(page, "serve-catalog.png")
        with page.expect_navigation():
            page.select_option("select[name=unit]", "sdm")  # applies at once
        shown = page.locator("tr[data-path]").evaluate_all("rows => rows.map(r => r.dataset.path)")
        assert 0 < len(shown) < everything and all(p.startswith("sdm/") for p in shown)
        assert DUK in shown

        page.click(f"a[href='/sop/{DUK}']")
        document = page.frame_locator("#document")
        assert "001/SOP/SDM/KPU-Prov-35/2022" in document.locator("body").inner_text()
        assert page.locator("#findings").is_visible()
        frame = next(f for f in page.frames if "/dokumen/" in f.url)
        faces = frame.evaluate(FONT_STATES)
        assert "loaded" in faces and "error" not in faces  # the bundled font is not blocked
        shoot(page, "serve-sop.png")

        page.click("text=Ubah SOP ini")
        page.wait_for_selector("#editor")
        steps = page.locator("fieldset.step")
        count = steps.count()
        second = steps.nth(2)
        second.locator("textarea.kegiatan").fill("Menghimpun data kepegawaian dari SIMPEG")
        second.locator("select.actor-select").select_option("kasubbag")

        page.click("#add-decision")
        decision = steps.nth(count)
        decision.locator("textarea.kegiatan").fill("Memeriksa kelengkapan lampiran DUK; lengkap?")
        decision.locator("select.actor-select").select_option("kabag")
        decision.locator("input[name='step.waktu']").fill("15 menit")
        decision.locator("input[name='step.output']").fill("Lampiran DUK diperiksa")
        decision.locator("button[data-act=up]").click()  # before the last step, the end
        last_key = steps.nth(count).get_attribute("data-key")
        decision = steps.nth(count - 1)
        decision.locator("select.target-ya").select_option(last_key)
        decision.locator("select.target-tidak").select_option("o3")  # back to "Menyusun konsep"
        assert decision.locator("legend .no").inner_text() == str(count)

        preview = page.frame_locator("#preview")
        preview.locator("text=Memeriksa kelengkapan lampiran DUK").first.wait_for(timeout=15000)
        page.locator("fieldset.step").nth(count - 1).scroll_into_view_if_needed()
        shoot(page, "serve-editor.png")

        with page.expect_navigation():
            page.click("#save")
        assert "disimpan=1" in page.url
        assert page.locator("#saved").inner_text().startswith("Tersimpan")
        findings = page.locator("#findings").inner_text()
        rerendered = page.frame_locator("#document").locator("body").inner_text()
        page.close()

    text = path.read_text(encoding="utf-8")
    data = parse_text(text).data
    steps_on_disk = data["langkah"]
    assert COMMENT in text  # the comment survived
    assert len(steps_on_disk) == count + 1
    assert steps_on_disk[2]["kegiatan"] == "Menghimpun data kepegawaian dari SIMPEG"
    assert steps_on_disk[2]["pelaksana"] == "kasubbag"
    added = steps_on_disk[count - 1]
    assert added["kegiatan"] == "Memeriksa kelengkapan lampiran DUK; lengkap?"
    assert (added["pelaksana"], added["ya"], added["tidak"]) == ("kabag", count + 1, 4)
    assert added["mutu_baku"] == {"waktu": "15 menit", "output": "Lampiran DUK diperiksa"}
    assert steps_on_disk[4]["ya"] == 6 and steps_on_disk[4]["tidak"] == 4  # untouched decision
    assert "Memeriksa kelengkapan lampiran DUK" in rerendered
    assert "Tidak ada temuan" in findings or "P0" in findings or "W" in findings

    expected = render_files(open_catalog(catalog), [path], "html", catalog.parent / "cetak")
    assert "Memeriksa kelengkapan lampiran DUK" in expected[0].read_text(encoding="utf-8")


def test_a_stale_save_is_refused_and_shows_both_versions(browser: Any, catalog: Path) -> None:
    path = catalog / DUK
    with running(catalog) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{server.url}/edit/{DUK}")
        page.locator("input[name=nama]").fill("Judul yang diketik di browser")
        elsewhere = path.read_text(encoding="utf-8").replace("semesteran", "tahunan")
        path.write_text(elsewhere, encoding="utf-8")  # another editor saves meanwhile
        page.locator("#changed").wait_for(state="visible", timeout=10000)
        page.click("#save")
        page.wait_for_selector("#conflict")
        assert "Penyimpanan ditolak" in page.locator("h1").inner_text()
        assert "tahunan" in page.locator("#disk").inner_text()
        assert "Judul yang diketik di browser" in page.locator("#mine").inner_text()
        changes = page.locator("#changes").inner_text()
        assert (
            "+nama: Judul yang diketik di browser" in changes and "-  - Memberikan" not in changes
        )
        assert "tahunan" in changes  # the other editor's change would be undone: shown as -
        shoot(page, "serve-conflict.png")
        page.close()
    assert path.read_text(encoding="utf-8") == elsewhere


def test_a_change_made_outside_shows_on_reload(browser: Any, catalog: Path) -> None:
    path = catalog / DUK
    with running(catalog) as server:
        page = browser.new_page()
        page.goto(f"{server.url}/?cari=kepangkatan")
        assert "Daftar Urut Kepangkatan" in page.locator("table.catalog").inner_text()
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("nama: Penyusunan Daftar", "nama: Pemutakhiran Daftar"), "utf-8"
        )
        page.reload()
        assert "Pemutakhiran Daftar Urut Kepangkatan" in page.locator("table.catalog").inner_text()
        page.close()


def test_paths_leading_out_of_the_catalog_are_404_in_the_browser(
    browser: Any, catalog: Path
) -> None:
    with running(catalog) as server:
        page = browser.new_page()
        for path in (
            "/sop/../../etc/passwd",
            "/sop/%2e%2e/%2e%2e/etc/passwd",
            "/sop/..%2fsopctl.toml",
        ):
            response = page.goto(server.url + path)
            assert response is not None and response.status == 404, path
            assert "Halaman tidak ditemukan" in page.locator("h1").inner_text()
            assert "root:" not in page.content()
        page.close()


def test_removing_a_step_a_decision_points_to_shows_it_and_the_finding_after_saving(
    browser: Any, catalog: Path
) -> None:
    with running(catalog) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{server.url}/edit/{DUK}")
        steps = page.locator("fieldset.step")
        steps.nth(3).locator("button[data-act=remove]").click()  # "Menyusun konsep", Tidak of 5
        decision = steps.nth(3)
        assert decision.locator("legend .no").inner_text() == "4"
        tidak = decision.locator("select.target-tidak")
        assert tidak.evaluate("s => s.options[s.selectedIndex].text") == "(langkah yang dihapus)"
        with page.expect_navigation():
            page.click("#save")
        findings = page.locator("#findings").inner_text()
        page.close()
    step = parse_text((catalog / DUK).read_text(encoding="utf-8")).data["langkah"][3]
    assert step["kegiatan"] == "Memeriksa konsep DUK; sudah benar?"
    assert step["ya"] == 5 and "tidak" not in step  # the Ya target renumbered, Tidak gone
    assert "P005" in findings and "tidak punya `tidak`" in findings
