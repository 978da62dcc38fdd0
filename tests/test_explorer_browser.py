"""The HTML explorer: a self-contained page, and the same page driven in headless Chromium.

The browser tests need Debian's ``chromium`` and ``chromium-driver`` (``.ci/run``
installs them when it runs as root) and the ``selenium`` package; they use the
system chromedriver, so Selenium Manager never downloads anything. They are
skipped, saying why, only when no Chromium can be found.

Set ``ASIAAI_GRAPH_SCREENSHOT_DIR`` to keep copies of the screenshots. Speed
figures are in ``benchmarks/bench_explorer.py``; here the 10k run only checks
behaviour, with a bound loose enough for a busy 2-core machine.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main
from asiaai_graph.views.explorer import LANGUAGES, explorer_data, render, strings, write_html
from asiaai_graph.views.explorer.layout import layout
from asiaai_graph.schema import SECTIONS, Entity
from asiaai_graph.graph.search import normalize

from conftest import ROOT, SAMPLE

CHROMIUM = next((p for p in (os.environ.get("CHROMIUM_BINARY"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                             shutil.which("chromium"), shutil.which("chromium-browser")) if p and Path(p).exists()), None)
CHROMEDRIVER = next((p for p in (os.environ.get("CHROMEDRIVER"), "/usr/bin/chromedriver", shutil.which("chromedriver"))
                     if p and Path(p).exists()), None)


# --- the page, without a browser ----------------------------------------------------------------


def embedded(page: str) -> Any:
    """The data in the page, edges turned back from ``[source, target, relation]`` indexes into dicts."""
    match = re.search(r'<script id="asiaai-data" type="application/json">(.*?)</script>', page, re.S)
    assert match
    data = json.loads(match.group(1))
    relations = data.pop("relations")
    data["edges"] = [{"source": data["nodes"][s]["id"], "target": data["nodes"][t]["id"], "relation": relations[r]}
                     for s, t, r in data["edges"]]
    return data


def test_page_is_self_contained(sample: ag.KnowledgeGraph) -> None:
    page = render(sample)
    assert "cytoscape" in page and "The Cytoscape Consortium" in page  # inlined, with its licence
    assert "UNICODE LICENSE V3" in page  # the country names' licence
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
    assert page.count("</script>") == 4  # the interface text, the data, the library and the app, nothing else
    node = next(n for n in embedded(page)["nodes"] if n["id"] == "evil")
    assert node["names"]["en"] == "</script><script>alert(1)</script> & <!-- ]]>"


def test_country_page_and_cli(tmp_path: Path) -> None:
    out = tmp_path / "cn.html"
    code = main(["html", "-o", str(out), "--country", "CN", "--no-curated", "--data", str(SAMPLE)], out=io.StringIO())
    assert code == 0
    ids = {n["id"] for n in embedded(out.read_text(encoding="utf-8"))["nodes"]}
    assert {"CN", "baidu", "ernie", "shanghai", "shanghai-ai-industry-regulation", "sensetime-2018-round"} <= ids
    assert "KR" not in ids and "kr-private-ai-investment-2023" not in ids

    ko = tmp_path / "ko.html"
    assert main(["html", "-o", str(ko), "--lang", "ko", "--no-curated", "--data", str(SAMPLE)], out=io.StringIO()) == 0
    text = ko.read_text(encoding="utf-8")
    assert '<html lang="ko">' in text and "<title>asiaai_graph 탐색기</title>" in text
    with pytest.raises(ValueError, match="lang='fr'"):
        render(ag.load(SAMPLE, curated=False, cache=False), lang="fr")


def test_same_data_gives_the_same_bytes(tmp_path: Path) -> None:
    """The layout is computed in Python, seeded and rounded: two processes with different hash seeds agree."""
    script = ("import sys, asiaai_graph as ag; from asiaai_graph.views.explorer import write_html; "
              "write_html(ag.load(cache=False), sys.argv[1], lang='ja')")
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"page-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(out)], env=env, check=True, cwd=ROOT)
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]
    assert pages[0] == render(ag.load(cache=False), lang="ja").encode("utf-8")


def test_layout_is_a_map_of_countries(kg: ag.KnowledgeGraph) -> None:
    data = explorer_data(kg)
    regions = {r["id"]: r for r in data["regions"]}
    assert set(regions) == {n["countries"][0] if n["countries"] else "" for n in data["nodes"]
                            if n["type"] != "country"} | {n["id"] for n in data["nodes"] if n["type"] == "country"}
    for a in data["regions"]:  # the discs do not overlap
        for b in data["regions"]:
            if a["id"] < b["id"]:
                assert math.hypot(a["x"] - b["x"], a["y"] - b["y"]) >= a["r"] + b["r"], (a["id"], b["id"])
    for n in data["nodes"]:  # each entity sits in its home country's disc; a country at its centre
        home = regions[n["id"] if n["type"] == "country" else (n["countries"][0] if n["countries"] else "")]
        x, y, size, lod = n["pos"]
        assert math.hypot(x - home["x"], y - home["y"]) <= home["r"] + 1e-6, n["id"]
        assert size > 0 and lod >= 0
        if n["type"] == "country":
            assert (x, y, lod) == (home["x"], home["y"], 0)
    assert sum(r["count"] for r in data["regions"]) == len(data["nodes"])


def test_detail_levels_keep_each_view_small() -> None:
    """With many entities, the whole-map view shows about OVERVIEW of them; the rest appear as one zooms in."""
    nodes = [{"id": "KR", "type": "country", "countries": ["KR"]}]
    nodes += [{"id": f"org-{i:04d}", "type": "organization", "countries": ["KR"]} for i in range(3000)]
    edges = [{"source": f"org-{i:04d}", "target": "KR", "relation": "in_country"} for i in range(3000)]
    edges += [{"source": f"org-{i:04d}", "target": "org-0007", "relation": "subsidiary_of"} for i in range(20)]
    out = layout(nodes, edges, overview=200)
    lods = {rid: p[3] for rid, p in out["nodes"].items()}
    assert sum(1 for v in lods.values() if v == 0) == 200
    assert lods["KR"] == 0 and lods["org-0007"] == 0  # the country, then the most connected
    assert 140 <= sum(1 for v in lods.values() if 0 < v <= 2) <= 620  # about 4x as many at twice the zoom
    assert max(lods.values()) == pytest.approx(math.sqrt(3001 / 200), abs=0.01)


def test_interface_text_covers_the_schema() -> None:
    """Every string the page can show has all four languages: types, kinds, measures, regions, relations, fields."""
    table = strings()
    need: dict[str, set[str]] = {"types": set(), "kinds": set(), "regions": set(), "relations": set(), "fields": set()}
    for model in SECTIONS.values():
        need["types"].add(model.record_type)
        need["relations"] |= {r.relation for r in model.refs}
        # the coded values the panel translates (a cluster's status, certainty and sector too; other records'
        # statuses fall back to their words)
        coded = ("kind", "measure", "region", "accessibility", "category")
        for name in coded + (("status", "certainty", "sector") if model.record_type == "cluster" else ()):
            field = model.model_fields.get(name)
            if field is not None:
                values = {a for a in _literal_values(field.annotation)}
                need["regions" if name == "region" else "kinds"] |= values
        if issubclass(model, Entity):
            skip = {"id", "name", "labels", "sources"} | {r.field for r in model.refs if r.key is None}
            need["fields"] |= set(model.model_fields) - skip
    for section, keys in need.items():
        missing = sorted(keys - table[section].keys())
        assert not missing, (section, missing)
    for section, entries in table.items():
        for key, texts in entries.items():
            assert set(texts) >= set(LANGUAGES) and all(texts[lang].strip() for lang in LANGUAGES), (section, key)
    for key, texts in table["ui"].items():  # translated, not copied (short codes like "ID" may coincide)
        if len(texts["en"]) > 3:
            assert texts["ko"] != texts["en"] and texts["ja"] != texts["en"] and texts["zh"] != texts["en"], key
    for key in ("counts", "about", "more"):
        for lang in LANGUAGES:
            assert set(re.findall(r"\{\w+\}", table["ui"][key][lang])) == set(re.findall(r"\{\w+\}", table["ui"][key]["en"]))


def _literal_values(annotation: Any) -> set[str]:
    from typing import Literal, get_args, get_origin

    if get_origin(annotation) is Literal:
        return {str(a) for a in get_args(annotation)}
    return {v for arg in get_args(annotation) for v in _literal_values(arg)}


def test_country_names_in_every_language(kg: ag.KnowledgeGraph) -> None:
    countries = explorer_data(kg)["countries"]
    assert countries["KR"] == {"en": "South Korea", "ko": "한국", "zh": "韩国", "ja": "韓国"}  # the record's own labels first
    assert countries["TW"]["zh"] == "臺灣" and countries["TW"]["ja"] == "台湾"
    assert all(set(names) == set(LANGUAGES) and all(names.values()) for names in countries.values())


def test_sources_are_embedded(sample: ag.KnowledgeGraph) -> None:
    data = explorer_data(sample)
    v3 = next(n for n in data["nodes"] if n["id"] == "deepseek-v3")
    assert v3["citations"][0] == {"source": "bespick-2025-china-ai", "quote": "매개변수 6,710억 개를 자랑하는 ‘딥시크 V3’"}
    assert data["sources"]["bespick-2025-china-ai"]["publisher"] == "Bespin Global"
    assert ["parameters", sample["deepseek-v3"].parameters.describe()] in [f[:2] for f in v3["facts"]]  # type: ignore[attr-defined]


def test_the_page_names_each_fact_s_sources_and_every_disputed_value(tmp_path: Path, cache_dir: Path) -> None:
    (tmp_path / "curated.yaml").write_text(
        "sources:\n- {id: report, title: Technical report, kind: paper, language: en}\n"
        "organizations:\n- {id: acme, name: Acme, kind: startup, sources: [report]}\n"
        "models:\n- id: acme-1\n  name: Acme-1\n  kind: llm\n  developers: [acme]\n  parameters: 7000000000\n"
        "  sources:\n  - {source: report, fields: [developers, parameters], quote: 7B parameters}\n",
        encoding="utf-8")
    (tmp_path / "epoch.yaml").write_text(
        "import: {importer: epoch, source: epoch-test, title: 'Epoch AI, Test', version: '2025-12-31'}\n"
        "sources:\n- {id: epoch-test, title: Test, kind: dataset, language: en}\n"
        "models:\n- id: acme-1\n  name: Acme-1\n  kind: llm\n  developers: [acme]\n  parameters: 6900000000\n"
        "  sources:\n  - {source: epoch-test, fields: [developers, parameters], locator: Model=Acme-1}\n",
        encoding="utf-8")
    data = explorer_data(ag.load(tmp_path, curated=False))
    node = next(n for n in data["nodes"] if n["id"] == "acme-1")
    assert ["parameters", "7,000,000,000", ["report", "epoch-test"]] in node["facts"]
    assert node["disputes"] == [["parameters", node["disputes"][0][1],
                                 [["7,000,000,000", ["report"], True], ["6,900,000,000", ["epoch-test"], False]]]]
    assert "takes precedence" in node["disputes"][0][1]
    assert {"source": "epoch-test", "locator": "Model=Acme-1", "fields": ["developers", "parameters"]} in node["citations"]


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


def open_page(browser: Any, page: Path, timeout: float = 30.0) -> None:
    browser.get(page.as_uri())
    ready = wait_for(lambda: browser.execute_script("return document.body.getAttribute('data-ready')") == "true",
                     timeout)
    assert ready, errors_in(browser.get_log("browser"))


def shown(browser: Any) -> list[str]:
    ids: list[str] = browser.execute_script("return window.asiaaiExplorer.shown()")
    return ids


def keep_screenshot(browser: Any, path: Path) -> None:
    assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
    keep = os.environ.get("ASIAAI_GRAPH_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)


def test_explorer_in_chromium(browser: Any, kg: ag.KnowledgeGraph, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "explorer.html"
    write_html(kg, page)
    open_page(browser, page)
    assert errors_in(browser.get_log("browser")) == []
    assert len(shown(browser)) > 20

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
    shown_sources = {s.get_attribute("data-source") for s in panel.find_elements(By.CSS_SELECTOR, ".source")}
    assert shown_sources == {s.id for s in kg.sources_of("baidu")}
    for source in kg.sources_of("baidu"):
        assert source.title in panel.text and (source.publisher or "") in panel.text
        assert str(source.published or "") in panel.text
    quotes = [c.quote for c in kg["baidu"].sources if c.quote]  # type: ignore[attr-defined]
    assert all(q in panel.text for q in quotes)
    assert "baidu" in shown(browser)
    drawn_relations = browser.execute_script(
        "return window.asiaaiExplorer.cy.getElementById('baidu').connectedEdges().map(e => e.data('relation'))")
    assert "in country" in drawn_relations

    # the language switch turns the whole interface into Korean, not only the names
    browser.execute_script("window.asiaaiExplorer.setLang('ko')")
    assert panel.find_element(By.CSS_SELECTOR, "h2.name").text == "바이두"
    assert browser.execute_script("return window.asiaaiExplorer.cy.getElementById('baidu').data('label')") == "바이두"
    headings = [h.text for h in panel.find_elements(By.CSS_SELECTOR, "h3")]
    assert headings[0] == "사실" and headings[-1] == "출처" and headings[1].startswith("관계 (")
    assert panel.find_element(By.CSS_SELECTOR, ".badge").text == "기관 · 기업"  # the words of asiaai_graph.utils.i18n
    assert panel.find_element(By.CSS_SELECTOR, "tr[data-field='kind'] th").text == "종류"
    assert panel.find_element(By.CSS_SELECTOR, "tr[data-field='kind'] td").text == "기업"
    assert "바이두 — 소속 국가 → 중국" in panel.text
    drawn_relations = browser.execute_script(
        "return window.asiaaiExplorer.cy.getElementById('baidu').connectedEdges().map(e => e.data('relation'))")
    assert "소속 국가" in drawn_relations and "in country" not in drawn_relations
    kinds = browser.find_element(By.ID, "kinds").text
    assert f"기관 ({sum(1 for r in kg.values() if r.record_type == 'organization'):,})" in kinds and "organization" not in kinds
    assert browser.find_element(By.CSS_SELECTOR, "#country option[value='CN']").text == "중국 (CN)"
    assert browser.find_element(By.CSS_SELECTOR, "#country option[value='']").text == "모든 국가"
    assert re.fullmatch(r"전체 [\d,]+개 중 [\d,]+개 표시.*", browser.find_element(By.ID, "counts").text)
    assert browser.find_element(By.ID, "fit").text == "화면에 맞추기"
    assert browser.find_element(By.ID, "search").get_attribute("placeholder").startswith("어떤 이름으로든 검색")
    assert browser.find_element(By.CSS_SELECTOR, "#filters h2").text == "종류"
    assert browser.execute_script("return document.documentElement.lang") == "ko"
    keep_screenshot(browser, tmp_path / "explorer-ko.png")
    for lang, heading in (("zh", "来源"), ("ja", "出典")):
        browser.execute_script("window.asiaaiExplorer.setLang(arguments[0])", lang)
        assert panel.find_elements(By.CSS_SELECTOR, "h3")[-1].text == heading
    browser.execute_script("window.asiaaiExplorer.setLang('ko')")

    # filters: one country, one kind off
    browser.execute_script(
        "var s = document.getElementById('country'); s.value = 'KR'; s.dispatchEvent(new Event('change'));")
    visible = set(shown(browser))
    assert "naver" in visible and "alibaba" not in visible
    browser.execute_script(
        "var s = document.getElementById('country'); s.value = ''; s.dispatchEvent(new Event('change'));")
    browser.find_element(By.CSS_SELECTOR, "#kinds input[data-type='product']").click()
    types = browser.execute_script(
        "return window.asiaaiExplorer.cy.nodes().not('.region').map(n => n.data('type'))")
    assert types and "product" not in types

    browser.execute_script("window.asiaaiExplorer.setLang('en')")
    browser.find_element(By.CSS_SELECTOR, "#kinds input[data-type='product']").click()
    browser.execute_script("window.asiaaiExplorer.select('baidu')")
    browser.execute_script("document.querySelector('#panel h3:last-of-type').scrollIntoView()")
    time.sleep(0.5)
    keep_screenshot(browser, tmp_path / "explorer.png")
    assert errors_in(browser.get_log("browser")) == []


PROTOTYPE_SOURCES = """
sources:
  - id: constructor
    title: "Prototype Press on object keys"
    publisher: Prototype Press
    kind: news_article
    published: 2024-01-02
    language: en
"""
PROTOTYPE_A = PROTOTYPE_SOURCES + """
organizations:
  - id: tostring
    name: ToString Labs
    kind: company
    sources:
      - source: constructor
        quote: "ToString Labs builds parsers."
  - id: valueof
    name: ValueOf AI
    kind: startup
    parent: tostring
    sources: [constructor]
"""
PROTOTYPE_B = PROTOTYPE_SOURCES.replace("id: constructor", "id: proto-press-2024") + """
organizations:
  - id: constructor
    name: Constructor Robotics
    kind: company
    sources:
      - source: proto-press-2024
        quote: "Constructor Robotics makes arms."
  - id: hasownproperty
    name: HasOwnProperty Systems
    kind: research_lab
    parent: constructor
    sources: [proto-press-2024]
  - id: e0
    name: E Zero
    kind: startup
    sources: [proto-press-2024]
"""


@pytest.mark.parametrize("text,entity,source", [(PROTOTYPE_A, "valueof", "constructor"),
                                                (PROTOTYPE_B, "constructor", "proto-press-2024")])
def test_ids_named_like_object_properties(browser: Any, tmp_path: Path, text: str, entity: str, source: str) -> None:
    """``constructor`` is the one lowercase slug that is also a property of every JavaScript object (issue 10)."""
    from selenium.webdriver.common.by import By

    data = tmp_path / "prototype.yaml"
    data.write_text(text, encoding="utf-8")
    kg = ag.load(data, curated=False, cache=False)
    page = tmp_path / "prototype.html"
    write_html(kg, page)
    open_page(browser, page)
    ids = [r.id for r in kg.values() if isinstance(r, Entity)]
    assert sorted(shown(browser)) == sorted(ids)
    drawn = browser.execute_script("return window.asiaaiExplorer.cy.edges().length")
    assert drawn == len(kg.edges())  # no relation lost to an id clash (an entity may be called "e0")
    assert not [e for e in browser.get_log("browser") if "second element" in e["message"]]
    for rid in ids:
        assert browser.execute_script("return window.asiaaiSearch(arguments[0])", rid)[0] == rid
    browser.execute_script("window.asiaaiExplorer.select(arguments[0])", entity)
    panel = browser.find_element(By.ID, "panel")
    sources = panel.find_elements(By.CSS_SELECTOR, ".source")
    assert [s.get_attribute("data-source") for s in sources] == [source]
    assert "Prototype Press" in sources[0].text
    relations = panel.find_elements(By.CSS_SELECTOR, ".relations li")
    assert len(relations) == 1 and "subsidiary of" in relations[0].text

    def quotes(rid: str) -> list[str]:
        return [c.quote for c in kg[rid].sources if c.quote]  # type: ignore[attr-defined]

    assert all(q in panel.text for q in quotes(entity))
    relations[0].find_element(By.CSS_SELECTOR, "a.rel").click()
    other = next(r for r in ids if r not in (entity, "e0"))
    assert panel.find_element(By.CSS_SELECTOR, "h2.name").text == kg[other].label
    assert [s.get_attribute("data-source") for s in panel.find_elements(By.CSS_SELECTOR, ".source")] == [source]
    assert all(q in panel.text for q in quotes(other)) and quotes(entity) + quotes(other)
    browser.execute_script("window.asiaaiExplorer.setLang('ja')")
    browser.find_element(By.CSS_SELECTOR, "#kinds input[data-type='organization']").click()
    assert shown(browser) == [other]  # the selection stays
    assert browser.execute_script("return window.asiaaiExplorer.cy.getElementById('e0').length") == 0
    assert errors_in(browser.get_log("browser")) == []


@pytest.fixture(scope="module")
def synthetic_10k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 generated organizations (about 19,500 entities), as benchmarks/run.py makes them."""
    out = tmp_path_factory.mktemp("orgs-10000")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--orgs", "10000", "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return out


def test_explorer_at_10k_entities(browser: Any, synthetic_10k: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    kg = ag.load(synthetic_10k, curated=False)
    page = tmp_path / "explorer-10k.html"
    ids = write_html(kg, page)
    assert len(ids) > 18_000
    started = time.monotonic()
    open_page(browser, page, timeout=60)
    timings = browser.execute_script("return window.asiaaiExplorer.timings")
    assert timings["ready"] < 30_000, timings  # generous: the benchmark holds the real targets
    assert time.monotonic() - started < 60
    assert errors_in(browser.get_log("browser")) == []

    # the overview shows structure, not every node: every country's disc and its main entities
    overview = shown(browser)
    assert 100 <= len(overview) <= 1000
    regions = browser.execute_script("return window.asiaaiExplorer.cy.nodes('.region').map(n => n.data('region'))")
    assert {r.id for r in kg.values() if r.record_type == "country"} <= set(regions)
    assert "CN" in overview and "KR" in overview

    # search finds a generated name that the overview does not show, and selecting it brings it into view
    data = embedded(page.read_text(encoding="utf-8"))
    deep = next(n for n in data["nodes"] if n["type"] == "organization" and n["pos"][3] > 2 and n["names"].get("ko"))
    assert deep["id"] not in overview
    search = browser.find_element(By.ID, "search")
    search.click()
    search.send_keys(deep["names"]["ko"])
    first = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#results li[data-id]"))
    assert first and first[0].get_attribute("data-id") == deep["id"]
    search.send_keys("\n")
    panel = browser.find_element(By.ID, "panel")
    assert wait_for(lambda: panel.find_elements(By.CSS_SELECTOR, "h2.name"))
    assert panel.find_element(By.CSS_SELECTOR, "h2.name").text == deep["names"]["en"]
    assert wait_for(lambda: deep["id"] in shown(browser))
    # zoomed in there, entities of deeper detail levels are drawn, and the drawing stays bounded
    time.sleep(0.6)
    near = shown(browser)
    deeper = [n for n in data["nodes"] if n["id"] in set(near) and n["pos"][3] > 1.5]
    assert len(deeper) > 10 and len(near) <= 1000 + 40
    # a country has thousands of relations: the panel lists the first 300 and says how many more
    browser.execute_script("window.asiaaiExplorer.select('CN')")
    relations = sum(1 for e in data["edges"] if "CN" in (e["source"], e["target"]))
    assert relations > 1000
    items = panel.find_elements(By.CSS_SELECTOR, ".relations li")
    assert len(items) == 301 and items[-1].text == f"… and {relations - 300:,} more"
    assert panel.find_element(By.CSS_SELECTOR, "h3[data-heading='relations']").text == f"Relations ({relations:,})"
    browser.execute_script("window.asiaaiExplorer.setLang('ko')")
    assert panel.find_elements(By.CSS_SELECTOR, "h3")[-1].text == "출처"
    assert panel.find_elements(By.CSS_SELECTOR, ".relations li")[-1].text == f"… 외 {relations - 300:,}개"

    # Escape clears the selection; the whole-map view is the overview again
    browser.find_element(By.ID, "cy").click()
    browser.find_element(By.TAG_NAME, "body").send_keys("\ue00c")  # Escape
    assert wait_for(lambda: panel.text == "검색하거나 노드를 클릭하면 사실과 출처를 볼 수 있습니다.")
    browser.execute_script("document.getElementById('fit').click()")
    time.sleep(0.8)
    assert wait_for(lambda: set(shown(browser)) == set(overview))
    keep_screenshot(browser, tmp_path / "explorer-10k-ko.png")
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
    for asset in ("explorer.html", "explorer.js", "explorer.css", "strings.json", "layout.py",
                  "vendor/cytoscape.min.js", "vendor/cytoscape.LICENSE", "vendor/cldr.LICENSE"):
        assert f"asiaai_graph/views/explorer/{asset}" in names, asset


LABEL_BOXES = """
var cy = window.asiaaiExplorer.cy, boxes = [];
cy.nodes().not(".veil, .quiet").forEach(function (node) {
  var shows = node.hasClass("region") || node.hasClass("labelled") || node.hasClass("near") ||
    node.data("fs") * cy.zoom() >= 8;
  if (!shows || !node.data("label")) { return; }
  var b = node.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true,
                                    includeOverlays: false});
  boxes.push([node.id(), b.x1, b.y1, b.x2, b.y2]);
});
return boxes;
"""  # the labels on screen: the discs' names and the entities' readable names (not those the page quiets)


def _crossing(boxes: list[list[Any]]) -> list[tuple[str, str]]:
    return [(p[0], q[0]) for i, p in enumerate(boxes) for q in boxes[:i]
            if p[1] < q[3] and q[1] < p[3] and p[2] < q[4] and q[2] < p[4]]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_overview_labels_do_not_overlap(browser: Any, kg: ag.KnowledgeGraph, tmp_path: Path, lang: str) -> None:
    """Issue 22: neighbouring country names no longer print over each other, at the overview or zoomed in."""
    page = tmp_path / f"overview-{lang}.html"
    write_html(kg, page, lang=lang)
    open_page(browser, page)
    boxes = browser.execute_script(LABEL_BOXES)
    assert len(boxes) >= 25 and not _crossing(boxes)  # the big countries stay named
    keep_screenshot(browser, tmp_path / f"overview-{lang}.png")
    browser.execute_script("var cy = window.asiaaiExplorer.cy; cy.zoom({level: cy.zoom() * 2.5, "
                           "renderedPosition: {x: 450, y: 450}})")
    time.sleep(0.6)  # the view settles 90 ms after the last viewport event
    boxes = browser.execute_script(LABEL_BOXES)
    assert boxes and not _crossing(boxes)
