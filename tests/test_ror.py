"""ROR's records of Asia: read in both schemas, matched to the data folder's organizations, and what they state.

The file is read from ``../shared/datasets/ror-asia/`` (or ``ASIAAI_GRAPH_DATASETS``); the tests
that need it skip, saying why, when it is absent.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.importers.matching import MatchingTables, Matcher
from asiaai_graph.importers.ror import parse_ror_line, read_ror
from asiaai_graph.importers.ror_records import chinese_tag, english_name, match_ror, ror_kind
from asiaai_graph.schema import Organization

from conftest import ROOT

DATASETS = Path(os.environ.get("ASIAAI_GRAPH_DATASETS") or ROOT.parent / "shared" / "datasets")
ROR_FILE = DATASETS / "ror-asia" / "ror-asia.jsonl.gz"

needs_ror = pytest.mark.skipif(not ROR_FILE.is_file(),
                               reason=f"ROR's file is not beside this checkout ({ROR_FILE}); set ASIAAI_GRAPH_DATASETS")

V2 = {"release": "v2.9", "record": {
    "id": "https://ror.org/00rjhhq63", "status": "active", "established": 1985, "types": ["company"],
    "names": [{"lang": None, "types": ["ror_display", "label"], "value": "ZTE (China)"},
              {"lang": "zh", "types": ["label"], "value": "中兴通讯股份有限公司"},
              {"lang": None, "types": ["acronym"], "value": "ZTE"}],
    "locations": [{"geonames_details": {"country_code": "CN", "country_name": "China", "name": "Shenzhen",
                                        "country_subdivision_name": "Guangdong"}}],
    "external_ids": [{"type": "wikidata", "preferred": "Q136484", "all": ["Q136484"]}],
    "links": [{"type": "website", "value": "http://www.zte.com.cn/global"}],
    "relationships": [{"type": "child", "id": "https://ror.org/0xxxxxx00", "label": "ZTE (United States)"}]}}


def test_a_v2_record() -> None:
    r = parse_ror_line(json.dumps(V2), "ror.jsonl", 3)
    assert (r.ror, r.name, r.release, r.line) == ("00rjhhq63", "ZTE (China)", "v2.9", 3)
    assert r.labels() == (("zh", "中兴通讯股份有限公司"),) and r.labels("acronym") == ((None, "ZTE"),)
    assert (r.country, r.country_name, r.city, r.subdivision, r.wikidata, r.established) == \
        ("CN", "China", "Shenzhen", "Guangdong", "Q136484", 1985)
    assert r.related("child") == (("0xxxxxx00", "ZTE (United States)"),) and r.website == "http://www.zte.com.cn/global"


def test_a_bad_line_is_a_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "ror.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(V2) + "\n" + '{"release": "v2.9", "record": {"id": "x"}}\n')
    with pytest.raises(ag.DataError) as info:
        read_ror(path)
    assert info.value.problems[0].line == 2
    assert len(read_ror(path, skip_bad_rows=True)) == 1


def test_names_kinds_and_scripts() -> None:
    assert english_name("Naver (South Korea)", "South Korea") == "Naver"
    assert english_name("Hong Kong University of Science and Technology (Guangzhou)", "China").endswith("(Guangzhou)")
    assert ror_kind(["education"]) == "university" and ror_kind(["facility"]) == "research_lab"
    assert ror_kind(["funder", "government"]) == "government_body" and ror_kind(["funder"]) == "other"
    assert chinese_tag("香港中文大學", False) == "zh-Hant" and chinese_tag("清华大学", True) == "zh"


def test_matching_refuses_another_country_and_two_fits() -> None:
    record = parse_ror_line(json.dumps(V2), "ror.jsonl", 1)
    from asiaai_graph.importers.ror import RorTable

    table = RorTable("ror-asia", "f", "ror-jsonl", (), (record,), by_id={record.ror: record})
    matcher = Matcher([], MatchingTables({}, {}, frozenset(), ()), "ror-asia")
    zte = Organization(id="zte", name="ZTE", country="CN", kind="company", sources=["s"])
    elsewhere = Organization(id="zte-us", name="ZTE", country="US", kind="company", sources=["s"])
    by_label = Organization(id="zhong-xing", name="Zhong Xing", labels={"zh": "中兴通讯"}, kind="other", sources=["s"])
    assert match_ror(table, [zte, elsewhere], matcher).matched == {"zte": "00rjhhq63"}
    both = match_ror(table, [zte, by_label], matcher)
    assert both.matched == {} and "fits zhong-xing, zte" in both.notes[0]


@needs_ror
def test_the_file_reads_whole() -> None:
    table = read_ror(ROR_FILE)
    assert len(table) == 14_963 and not table.problems
    v1 = table.by_id["0090r4d87"]  # a v1 record: Institute of Computing Technology, CAS
    assert v1.labels() == (("zh", "中国科学院计算技术研究所"),) and v1.related("parent")[0][1] == "Chinese Academy of Sciences"


@needs_ror
def test_what_a_matched_record_states() -> None:
    kg = ag.load()
    zte = kg["zte"]
    assert (zte.ror, zte.wikidata, zte.country, zte.headquarters, str(zte.founded)) == \
        ("00rjhhq63", "Q136484", "CN", "shenzhen", "1985")  # type: ignore[attr-defined]
    cited = [c for c in zte.sources if c.source == "ror-asia"]  # type: ignore[attr-defined]
    assert cited and cited[0].locator == "https://ror.org/00rjhhq63" and "ror" in cited[0].fields
    assert kg["upstage"].labels["ko"] == "업스테이지"  # type: ignore[attr-defined]
    assert kg["chinese-university-of-hong-kong-cuhk"].labels["zh-Hant"] == "香港中文大學"  # type: ignore[attr-defined]
    assert kg["chinese-university-of-hong-kong-cuhk"].headquarters == "hong-kong"  # type: ignore[attr-defined]
    assert kg["lg-ai-research"].parent == "lg"  # type: ignore[attr-defined]


@needs_ror
def test_only_the_graphs_organizations_and_their_parents_come_in() -> None:
    written = (ROOT / "data" / "datasets" / "ror-asia.yaml").read_text(encoding="utf-8")
    assert 100 < written.count("\n- id: ") < 400  # of 14,963 records
    kg = ag.load()
    excluded = {"meta": "02388em19", "naver-ai-lab": "041051y78", "guangdong-provincial-peoples-hospital": "045kpgw45"}
    for rid, ror in excluded.items():
        assert kg[rid].ror != ror  # type: ignore[attr-defined]
