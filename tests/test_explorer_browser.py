"""The HTML explorer: a self-contained page, and the same page driven in headless Chromium.

The browser test needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run``
installs them when it runs as root) and the ``selenium`` package; it uses the
system chromedriver, so Selenium Manager never downloads anything. It is
skipped, saying why, only when no Chromium can be found.

Set ``ASIAAI_GRAPH_SCREENSHOT_DIR`` to keep a copy of the screenshot.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main
from asiaai_graph.explorer import explorer_data, render, write_html
from asiaai_graph.search import normalize

from conftest import SAMPLE

CHROMIUM = next((p for p in (os.environ.get("CHROMIUM_BINARY"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                             shutil.which("chromium"), shutil.which("chromium-browser")) if p and Path(p).exists()), None)
CHROMEDRIVER = next((p for p in (os.environ.get("CHROMEDRIVER"), "/usr/bin/chromedriver", shutil.which("chromedriver"))
                     if p and Path(p).exists()), None)


# --- the page, without a browser ----------------------------------------------------------------


def embedded(page: str) -> Any:
    match = re.search(r'<script id="asiaai-data" type="application/json">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


def test_page_is_self_contained(sample: ag.KnowledgeGraph) -> None:
    page = render(sample)
    assert "cytoscape" in page and "The Cytoscape Consortium" in page  # inlined, with its licence
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"(https?:)?//", page)  # nothing fetched
    assert embedded(page) == explorer_data(sample)


def test_data_cannot_close_the_script_element(tmp_path: Path) -> None:
    evil = tmp_path / "evil.yaml"
    evil.write_text(
        (SAMPLE / "sources.yaml").read_text(encoding="utf-8")
        + 'organizations:\n  - id: evil\n    name: "</script><script>alert(1)</script> & <!-- ]]>"\n'
          "    kind: company\n    sources: [bespick-2025-china-ai]\n",
        encoding="utf-8",
    )
    kg = ag.load(evil, curated=False, cache=False)
    page = render(kg)
    assert page.count("</script>") == 3  # the data, the library and the app, nothing else
    node = next(n for n in embedded(page)["nodes"] if n["id"] == "evil")
    assert node["names"]["en"] == "</script><script>alert(1)</script> & <!-- ]]>"


def test_country_page_and_cli(tmp_path: Path) -> None:
    out = tmp_path / "cn.html"
    code = main(["html", "-o", str(out), "--country", "CN", "--no-curated", "--data", str(SAMPLE)], out=io.StringIO())
    assert code == 0
    ids = {n["id"] for n in embedded(out.read_text(encoding="utf-8"))["nodes"]}
    assert {"CN", "baidu", "ernie", "shanghai", "shanghai-ai-industry-regulation", "sensetime-2018-round"} <= ids
    assert "KR" not in ids and "kr-private-ai-investment-2023" not in ids


def test_sources_are_embedded(sample: ag.KnowledgeGraph) -> None:
    data = explorer_data(sample)
    v3 = next(n for n in data["nodes"] if n["id"] == "deepseek-v3")
    assert v3["citations"][0] == {"source": "bespick-2025-china-ai", "quote": "매개변수 6,710억 개를 자랑하는 ‘딥시크 V3’"}
    assert data["sources"]["bespick-2025-china-ai"]["publisher"] == "Bespin Global"
    assert ["parameters", sample["deepseek-v3"].parameters.describe()] in v3["facts"]  # type: ignore[attr-defined]


# --- the page in headless Chromium --------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("no Chromium binary found (install Debian's chromium and chromium-driver, as .ci/run does)")
    if CHROMEDRIVER is None:
        pytest.skip(f"Chromium is at {CHROMIUM} but no chromedriver was found (install Debian's chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="the browser test drives Chromium with selenium")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never download a driver or a browser

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1500,950",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(condition: Any, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def errors_in(logs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [entry for entry in logs if entry.get("level") in ("SEVERE", "ERROR")]


def test_explorer_in_chromium(browser: Any, kg: ag.KnowledgeGraph, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "explorer.html"
    write_html(kg, page)
    browser.get(page.as_uri())
    assert wait_for(lambda: browser.execute_script("return document.body.getAttribute('data-ready')") == "true"), \
        errors_in(browser.get_log("browser"))
    assert errors_in(browser.get_log("browser")) == []
    drawn = browser.execute_script("return window.asiaaiExplorer.cy.nodes(':visible').length")
    assert drawn > 20

    # the JavaScript normalisation is the Python one
    for text in ("DeepSeek-V3", "딥시크 V3", "Ｑｗｅｎ 2.5", "Straße", "百度 (Baidu)"):
        assert browser.execute_script("return window.asiaaiNormalize(arguments[0])", text) == normalize(text), text

    # the Korean name finds the entity, like kg.search
    search = browser.find_element(By.ID, "search")
    search.click()
    search.send_keys("바이두")
    first = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#results li[data-id]"))
    assert first and first[0].get_attribute("data-id") == "baidu"
    assert first[0].find_element(By.CSS_SELECTOR, ".name").text == "Baidu"
    for query in ("百度", "Baidu"):
        assert browser.execute_script("return window.asiaaiSearch(arguments[0])", query)[0] == "baidu"

    # clicking the result shows its facts and sources in the side panel
    first[0].click()
    panel = browser.find_element(By.ID, "panel")
    assert wait_for(lambda: panel.find_elements(By.CSS_SELECTOR, ".source"))
    assert panel.find_element(By.CSS_SELECTOR, "h2.name").text == "Baidu"
    shown = {s.get_attribute("data-source") for s in panel.find_elements(By.CSS_SELECTOR, ".source")}
    assert shown == {s.id for s in kg.sources_of("baidu")}
    for source in kg.sources_of("baidu"):
        assert source.title in panel.text and (source.publisher or "") in panel.text
        assert str(source.published or "") in panel.text
    quotes = [c.quote for c in kg["baidu"].sources if c.quote]  # type: ignore[attr-defined]
    assert all(q in panel.text for q in quotes)

    # the language switch relabels the graph and the panel
    browser.execute_script("window.asiaaiExplorer.setLang('ko')")
    assert panel.find_element(By.CSS_SELECTOR, "h2.name").text == "바이두"
    label = browser.execute_script("return window.asiaaiExplorer.cy.getElementById('baidu').data('label')")
    assert label == "바이두"

    # filters: one country, one kind off
    browser.execute_script(
        "var s = document.getElementById('country'); s.value = 'KR'; s.dispatchEvent(new Event('change'));")
    visible = set(browser.execute_script("return window.asiaaiExplorer.cy.nodes(':visible').map(n => n.id())"))
    assert "naver" in visible and "alibaba" not in visible
    browser.execute_script(
        "var s = document.getElementById('country'); s.value = ''; s.dispatchEvent(new Event('change'));")
    browser.find_element(By.CSS_SELECTOR, "#kinds input[data-type='product']").click()
    visible = browser.execute_script(
        "return window.asiaaiExplorer.cy.nodes(':visible').map(n => n.data('type'))")
    assert "product" not in visible

    browser.execute_script("window.asiaaiExplorer.setLang('en')")
    browser.find_element(By.CSS_SELECTOR, "#kinds input[data-type='product']").click()
    browser.execute_script("window.asiaaiExplorer.select('baidu')")
    browser.execute_script("document.querySelector('#panel h3:last-of-type').scrollIntoView()")
    time.sleep(0.5)
    shot = tmp_path / "explorer.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    keep = os.environ.get("ASIAAI_GRAPH_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "explorer.png")
    assert errors_in(browser.get_log("browser")) == []


def test_wheel_ships_the_explorer_assets(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    from conftest import ROOT

    subprocess.run([sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(tmp_path)],
                   cwd=ROOT, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for asset in ("explorer.html", "explorer.js", "explorer.css", "vendor/cytoscape.min.js", "vendor/cytoscape.LICENSE"):
        assert f"asiaai_graph/explorer/{asset}" in names, asset
