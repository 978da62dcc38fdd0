"""The dataset readers (asiaai_graph.importers): the four real files, and one fixture per failure.

The real files live beside the checkout in ``../shared/datasets`` (they are never copied into
the repository); set ``ASIAAI_GRAPH_DATASETS`` to read them from elsewhere (e.g. from a git
worktree). Tests that need them are skipped, with the reason, when the folder is absent.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from asiaai_graph.utils.errors import DataError
from asiaai_graph.importers import (
    country_code,
    is_asian_code,
    pair_llmjp,
    read_china_llms,
    read_epoch,
    read_llmjp,
)
from asiaai_graph.importers.epoch import EpochTable
from asiaai_graph.importers.llmjp import LlmJpTable
from asiaai_graph.importers.regions import ASIA, ASIA_SUBREGIONS, EPOCH_COUNTRY_CODES
from asiaai_graph.schema import PartialDate

from conftest import FIXTURES, ROOT

DATASETS = Path(os.environ.get("ASIAAI_GRAPH_DATASETS") or ROOT.parent / "shared" / "datasets")
NOTABLE = DATASETS / "epoch-notable-ai-models" / "notable-ai-models.csv"
ALL = DATASETS / "epoch-all-ai-models" / "all_ai_models.csv"
LLMJP_EN = DATASETS / "awesome-japanese-llm" / "README.en.md"
LLMJP_JA = DATASETS / "awesome-japanese-llm" / "README.ja.md"
CHINA = DATASETS / "awesome-llms-in-china" / "README.zh.md"
BAD = FIXTURES / "datasets"

needs_datasets = pytest.mark.skipif(
    not DATASETS.is_dir(),
    reason=f"the open datasets are not beside this checkout ({DATASETS}); set ASIAAI_GRAPH_DATASETS",
)


@pytest.fixture(scope="module")
def notable() -> EpochTable:
    return read_epoch(NOTABLE)


@pytest.fixture(scope="module")
def all_models() -> EpochTable:
    return read_epoch(ALL, skip_bad_rows=True)


@pytest.fixture(scope="module")
def llmjp_en() -> LlmJpTable:
    return read_llmjp(LLMJP_EN)


@pytest.fixture(scope="module")
def llmjp_ja() -> LlmJpTable:
    return read_llmjp(LLMJP_JA)


def _csv_records(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# --- regions -------------------------------------------------------------------------------


def test_m49_asia_has_its_fifty_areas_plus_taiwan() -> None:
    sizes = {name: len(codes) for name, codes in ASIA_SUBREGIONS.values()}
    assert sizes == {
        "Central Asia": 5, "Eastern Asia": 8, "South-eastern Asia": 11, "Southern Asia": 9, "Western Asia": 18
    }
    assert len(ASIA) == 51 and "TW" in ASIA
    assert all(len(code) == 2 and code.isupper() for code in ASIA)
    assert {"IL", "SA", "AE", "TR", "IR"} <= ASIA and not {"RU", "EG", "AU"} & ASIA


def test_country_spellings() -> None:
    assert country_code("Korea (Republic of)") == "KR"
    assert country_code("United Kingdom of Great Britain and Northern Ireland") == "GB"
    assert country_code("Multinational") is None and not is_asian_code(None)
    with pytest.raises(KeyError, match="Atlantis"):
        country_code("Atlantis")


@needs_datasets
def test_every_country_spelling_in_the_epoch_files_is_in_the_table() -> None:
    found: set[str] = set()
    clusters = NOTABLE.parent.parent / "epoch-gpu-clusters" / "gpu_clusters.csv"
    for path, column in ((NOTABLE, "Country (of organization)"), (ALL, "Country (from Organization)"),
                         (clusters, "Country")):
        for record in _csv_records(path):
            found.update(c for c in record[column].split(",") if c)
    assert found == set(EPOCH_COUNTRY_CODES)


# --- Epoch: the real files -------------------------------------------------------------------


@needs_datasets
def test_notable_reads_every_row(notable: EpochTable) -> None:
    assert notable.layout == "notable-2026-01" and notable.dataset == "epoch-notable-ai-models"
    assert len(notable) == len(_csv_records(NOTABLE)) == 976
    assert notable.problems == ()
    assert len(notable.asian_rows()) == 224


@needs_datasets
def test_all_models_reads_every_named_row_and_reports_the_nameless(all_models: EpochTable) -> None:
    assert all_models.layout == "all-2025-04"
    assert len(all_models) == 2225 and len(_csv_records(ALL)) == 2228
    assert [(p.line, p.field) for p in all_models.problems] == [(13859, "Model"), (13863, "Model"), (13864, "Model")]
    with pytest.raises(DataError) as err:
        read_epoch(ALL)
    assert [p.line for p in err.value.problems] == [13859, 13863, 13864]
    assert len(all_models.asian_rows()) == 668


@needs_datasets
@pytest.mark.parametrize("path", [NOTABLE, ALL], ids=["notable", "all"])
def test_line_numbers_point_at_the_start_of_each_row(path: Path) -> None:
    table = read_epoch(path, skip_bad_rows=True)
    lines = path.read_text(encoding="utf-8").split("\n")
    for row in table:
        first = row.cells["Model"].split("\n")[0]
        text = lines[row.line - 1]
        assert text.startswith(first) or text.startswith('"' + first.replace('"', '""')), (row.line, row.model)
    assert len({row.line for row in table}) == len(table)


@needs_datasets
def test_the_asian_rows_are_those_with_an_asian_country(notable: EpochTable, all_models: EpochTable) -> None:
    asian_spellings = {s for s, code in EPOCH_COUNTRY_CODES.items() if code in ASIA}
    for table, path, column in (
        (notable, NOTABLE, "Country (of organization)"),
        (all_models, ALL, "Country (from Organization)"),
    ):
        expected = sum(
            1
            for r in _csv_records(path)
            if r["Model"].strip() and asian_spellings & set(r[column].split(","))
        )
        assert len(table.asian_rows()) == expected


@needs_datasets
def test_a_name_with_a_line_break_and_a_float_count_read_exactly(notable: EpochTable) -> None:
    solar = notable.rows[0]
    assert (solar.line, solar.model, solar.cells["Model"]) == (2, "Solar Open 100B", "Solar Open 100B\n")
    assert solar.parameters == Decimal("102000000000") and solar.cells["Parameters"] == "102000000000.0"
    assert solar.parameters_notes == "102B, of which 12B active"
    assert solar.organizations == ("Upstage",) and solar.country_codes == ("KR",)
    exaone = notable.at_line(7)
    assert exaone.model == "K-EXAONE" and exaone.organizations == ("LG AI Research",)
    assert exaone.training_compute_flop == Decimal(152) * 10**22
    assert exaone.training_dataset_size == (Decimal(11) * 10**12,) and exaone.dataset_size_notes == "11T tokens"
    assert exaone.publication_date == PartialDate(2025, 12, 31) and exaone.publication_date.precision == "day"
    assert exaone.confidence == "Confident"


@needs_datasets
def test_numbers_are_never_rounded_through_float(all_models: EpochTable) -> None:
    exaone = next(r for r in all_models if r.model == "EXAONE 3.5-R 2.4B")
    assert exaone.training_compute_flop == Decimal(9504) * 10**19
    assert exaone.finetune_compute_flop == Decimal(144) * 10**19
    assert exaone.base_models == ("EXAONE 3.5 2.4B",)
    amplify = [r for r in all_models if r.model == "AMPLIFY"]
    assert [r.training_dataset_size for r in amplify] == [(Decimal("200000000000.9997"),)] * 2
    assert float(Decimal("200000000000.9997")) != Decimal("200000000000.9997")


@needs_datasets
def test_several_organizations_and_names_with_commas(notable: EpochTable, all_models: EpochTable) -> None:
    glm = notable.at_line(110)
    assert glm.model == "GLM-4.6" and glm.organizations == ("Z.ai (Zhipu AI)", "Tsinghua University")
    assert glm.countries == ("China", "China") and glm.organization_categories == ("Industry", "Academia")
    assert glm.organization_countries() == (("Z.ai (Zhipu AI)", "China"), ("Tsinghua University", "China"))
    sambanova = all_models.at_line(8507)
    assert sambanova.organizations == (
        "Stanford University", "SambaNova Systems, Inc", "Peking University", "Adobe", "University at Buffalo"
    )
    assert sambanova.is_asian and sambanova.country_codes.count("CN") == 1
    pythia = next(r for r in all_models if r.model == "Pythia-12b")
    assert "Booz Allen Hamilton, McLean" in pythia.organizations
    assert "Indraprastha Institute of Information Technology Delhi" in pythia.organizations
    assert pythia.organization_countries() is None  # 7 organizations, 9 countries: not paired in order
    # ...but EleutherAI and Stability AI each give two countries in rows of their own (Multinational, then one)
    paired = dict(pythia.organization_countries(all_models.country_runs()) or ())
    assert paired["Indraprastha Institute of Information Technology Delhi"] == "India"
    assert paired["Stability AI"] == "United Kingdom of Great Britain and Northern Ireland"
    assert paired["University of Amsterdam"] == "Netherlands"
    goku = next(r for r in all_models if r.model == "Goku-8B")  # "Hong Kong,China,China": HKU, then ByteDance
    assert goku.countries == ("Hong Kong", "China", "China")
    assert goku.organization_countries() == (("The University of Hong Kong", "Hong Kong"), ("ByteDance", "China"))
    fourcastnet = notable.at_line(3599)
    assert "NERSC, Lawrence Berkeley National Laboratory" in fourcastnet.organizations
    assert len(fourcastnet.organizations) == len(fourcastnet.countries) == 6


@needs_datasets
def test_links_and_lists(notable: EpochTable, all_models: EpochTable) -> None:
    hunyuan = next(r for r in notable if r.cells["Link"].startswith("https://web.archive.org/web/20250408105622/"))
    assert hunyuan.links[0] == "https://web.archive.org/web/20250408105622/https://www.dapingtime.com/article/2171.html"
    assert len(hunyuan.links) == 3
    allam = next(r for r in all_models if "previehttps://" in r.cells["Link"])
    assert allam.links == (
        "https://arxiv.org/abs/2407.15390",
        "https://huggingface.co/ALLaM-AI/ALLaM-7B-Instruct-previe",
        "https://www.middleeastainews.com/p/sdaias-allam-arabic-llm-live-on-watsonxw",
    )
    multi_size = next(r for r in notable if r.cells["Training dataset size (gradients)"] == "2260275840,2290000001")
    assert multi_size.training_dataset_size == (Decimal(2260275840), Decimal(2290000001))
    qwq = next(r for r in all_models if r.model == "QwQ-32B")
    assert qwq.base_models == ("Qwen2.5-Coder (32B)",) and qwq.confidence == "Speculative"
    assert qwq.model_accessibility == "Open weights (unrestricted)"
    assert qwq.last_modified is not None and qwq.last_modified.isoformat() == "2025-03-06T20:27:54+00:00"
    assert qwq.tasks == () and qwq.training_dataset_size_unit == "datapoints"


@needs_datasets
def test_reading_is_deterministic() -> None:
    first, second = read_epoch(NOTABLE), read_epoch(NOTABLE)
    assert [(r.line, r.model, r.values) for r in first] == [(r.line, r.model, r.values) for r in second]


# --- Epoch: one fixture per failure -----------------------------------------------------------


def test_a_header_of_neither_layout_names_the_missing_columns() -> None:
    path = BAD / "epoch_neither_layout.csv"
    with pytest.raises(DataError) as err:
        read_epoch(path)
    (problem,) = err.value.problems
    assert (problem.file, problem.line) == (str(path), 1)
    assert "closest is notable-2026-01" in problem.message
    assert "'Country (of organization)'" in problem.message and "'Frontier model'" in problem.message


def test_unreadable_rows_are_located_and_can_be_skipped() -> None:
    path = BAD / "epoch_bad_rows.csv"
    with pytest.raises(DataError) as err:
        read_epoch(path)
    found = [(p.line, p.record, p.field) for p in err.value.problems]
    assert found == [
        (3, "Bad Params LM", "Parameters"),
        (4, "Multi Line LM", "Publication date"),
        (4, "Multi Line LM", "Country (of organization)"),
        (6, None, "Model"),
    ]
    assert "not a number: 'about 7B'" in str(err.value)
    expected = f"{path}:4: record Multi Line LM, field Country (of organization): unknown country spelling 'Atlantis'"
    assert expected in str(err.value)
    table = read_epoch(path, skip_bad_rows=True)
    assert [(r.line, r.model) for r in table] == [(2, "Tiny LM"), (7, "Last LM")]
    assert table.problems == err.value.problems
    last = table.rows[1]
    assert last.organizations == ("A Lab", "B University") and last.country_codes == ("CN", "US") and last.is_asian
    assert last.parameters == Decimal("1.5e+9") == 1_500_000_000


def test_a_file_that_is_not_csv_is_located() -> None:
    path = BAD / "epoch_not_csv.csv"
    with pytest.raises(DataError) as err:
        read_epoch(path, skip_bad_rows=True)
    (problem,) = err.value.problems
    assert (problem.file, problem.line) == (str(path), 3) and "not valid CSV" in problem.message


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read the file"):
        read_epoch(tmp_path / "absent.csv")


# --- LLM-jp ------------------------------------------------------------------------------------


@needs_datasets
def test_llmjp_rows_and_categories(llmjp_en: LlmJpTable, llmjp_ja: LlmJpTable) -> None:
    assert len(llmjp_en) == len(llmjp_ja) == 422
    assert llmjp_en.problems == llmjp_ja.problems == ()
    categories = Counter(r.category for r in llmjp_en)
    assert categories == {
        "text-generation": 227, "benchmark": 56, "encoder": 50, "vision-language": 42,
        "embedding": 24, "speech": 22, "music": 1,
    }
    assert Counter(r.category for r in llmjp_ja) == categories
    lines = LLMJP_EN.read_text(encoding="utf-8").split("\n")
    assert all(lines[r.line - 1].startswith("|") and r.cells["Name"] in lines[r.line - 1] for r in llmjp_en)


@needs_datasets
def test_llmjp_row_cells(llmjp_en: LlmJpTable) -> None:
    row = llmjp_en.at_line(41)
    assert row.name == "Sarashina2-8x70B" and row.release_year == PartialDate(2024)
    assert row.heading == "Text Generation Models / Models built from scratch / General purpose"
    assert row.section == "generative" and row.category == "text-generation"
    assert row.columns == (
        "Name", "Release Year", "Architecture", "Max Context Length", "Training Data", "Developer",
        "License / Terms of Use",
    )
    arch = row.get("architecture")
    assert arch is not None and arch.text == "MoE\n(8x70b (465b))" and arch.bold == ("465b",)
    hf = "https://huggingface.co/sbintuitions/sarashina2-8x70b"
    assert [(link.text, link.url) for link in arch.links] == [("8x70b (465b)", hf)]
    assert row.name_links[0].url == "https://www.sbintuitions.co.jp/news/press/20241108_01/"
    assert row.developers == ("SB Intuitions",)
    licence = row.get("license")
    assert licence is not None and licence.text == "Sarashina Model NonCommercial License"
    fugaku = next(r for r in llmjp_en if r.name == "Fugaku-LLM")
    assert fugaku.developers == (
        "Titech", "Tohoku Univ.", "Fujitsu", "RIKEN", "Nagoya Univ.", "CyberAgent", "Kotoba Technologies"
    )
    speech = [r for r in llmjp_en if r.category == "speech"]
    assert speech and all(r.heading_path[0] == "Speech-Language Models" for r in speech)


@needs_datasets
def test_llmjp_english_and_japanese_rows_pair(llmjp_en: LlmJpTable, llmjp_ja: LlmJpTable) -> None:
    pairing = pair_llmjp(llmjp_en, llmjp_ja)
    assert len(pairing.pairs) == 422 and pairing.unpaired_en == pairing.unpaired_ja == ()
    assert Counter(p.how for p in pairing.pairs) == {"position+link": 414, "position+name": 5, "link": 2, "position": 1}
    by_line = {p.en.line: p for p in pairing.pairs}
    # The two files list these two rows in opposite order; links pair them across lines.
    assert (by_line[221].en.name, by_line[221].ja.name, by_line[221].ja.line) == ("Karamaru", "からまる", 220)
    assert by_line[220].ja.developers == ("フューチャー",) and by_line[220].en.developers == ("Future Corp.",)
    assert by_line[41].developers == (("SB Intuitions", "SB Intuitions"),)
    fugaku = next(p for p in pairing.pairs if p.en.name == "Fugaku-LLM")
    assert fugaku.developers[0] == ("Titech", "東工大") and fugaku.developers[3] == ("RIKEN", "理研")
    names = {pair for p in pairing.pairs for pair in p.developers}
    assert ("Research and Development Center for Large Language Models", "大規模言語モデル研究開発センター") in names
    # A comma inside one name: the Japanese cell names one developer, so the English cell is not split.
    assert ("The Japan Research Institute, Limited", "日本総合研究所") in names
    assert ("Intelligent Media Processing Research Team, AIST", "産総研 知的メディア処理研究チーム") in names


def test_llmjp_broken_rows_are_located() -> None:
    path = BAD / "llmjp_broken_rows.en.md"
    with pytest.raises(DataError) as err:
        read_llmjp(path)
    found = [(p.line, p.record, p.field) for p in err.value.problems]
    # the unclosed link is not a link, so the record name is the cell as written
    unclosed = "[Unclosed LM](https://example.org/unclosed"
    assert found == [(12, "Short LM", None), (13, unclosed, "Name"), (14, "Late LM", "Release Year")]
    assert all(p.file == str(path) for p in err.value.problems)
    table = read_llmjp(path, skip_bad_rows=True)
    assert [(r.line, r.name, r.category) for r in table] == [(11, "Good LM", "text-generation"), (21, "Ear", "speech")]
    assert [(n.line, n.record) for n in table.notes] == [(21, "Ear")] and "extra note" in table.notes[0].message
    assert table.rows[1].developers == ("Example Lab", "Example University")


# --- Awesome LLMs In China ----------------------------------------------------------------------


@needs_datasets
def test_china_list_rows() -> None:
    table = read_china_llms(CHINA)
    assert len(table) == 247 and table.problems == ()
    assert table.attribution is not None and table.attribution[0] == 7
    assert "微信公众号：走向未来" in table.attribution[1] and "github.com/wgwang/awesome-LLMs-In-China" in table.attribution[1]
    first = table.rows[0]
    assert (first.line, first.number, first.organizations, first.models[0].name) == (37, 1, ("百度",), "文心一言")
    assert (first.place, first.province, first.city) == ("北京", "北京", None)
    assert (first.category, first.official_site) == ("通用", True)
    huawei = table.at_line(48)
    assert [m.name for m in huawei.models] == ["盘古", "盘古气象", "盘古-Σ"] and (huawei.province, huawei.city) == ("广东", "深圳")
    qwen = table.at_line(40)
    assert qwen.notes is not None and "Qwen-1.8B,7B,14B,72B" in qwen.notes
    assert any(link.url == "https://github.com/QwenLM/Qwen" for link in qwen.links)
    assert [r.line for r in table if r.number == 192] == [228, 229]
    shanxi = table.at_line(282)
    assert shanxi.organizations == ("山西大学", "山西农业大学") and (shanxi.province, shanxi.city) == (None, "太原")
    assert [c.text for c in shanxi.extra] == ["基于Baichuan"]
    assert [(n.line, n.field) for n in table.notes] == [(274, "官网"), (282, None), (283, None)]
    assert Counter(r.official_site for r in table) == {False: 144, True: 102, None: 1}
    joint = {r.line: r.organizations for r in table if len(r.organizations) > 1}
    assert joint == {
        282: ("山西大学", "山西农业大学"),
        251: ("慧言科技", "天津大学"),
        65: ("晓多科技", "国家超算成都中心"),
        51: ("浙江大学", "OpenKG"),
    }


def test_china_broken_rows_are_located() -> None:
    path = BAD / "china_broken_rows.zh.md"
    with pytest.raises(DataError) as err:
        read_china_llms(path)
    assert [(p.line, p.record, p.field) for p in err.value.problems] == [(10, "示例二", "序号"), (11, "示例三", None)]
    table = read_china_llms(path, skip_bad_rows=True)
    assert [r.line for r in table] == [9, 12]
    assert table.attribution is not None and table.attribution[0] == 3
    last = table.rows[1]
    assert last.organizations == ("示例公司", "示例大学") and [m.url for m in last.models] == [
        "https://example.cn/a", "https://example.cn/b"
    ]
    assert [n.line for n in table.notes] == [12]
