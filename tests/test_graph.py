"""The graph's queries, answered on the dozen-record sample (independent of the curated data)."""

from __future__ import annotations

import pytest

import asiaai_graph as ag


def ids(records: list[ag.Record]) -> list[str]:
    return [r.id for r in records]


def test_mapping_protocol(sample: ag.KnowledgeGraph) -> None:
    assert len(sample) == 16 and "deepseek" in sample and "nope" not in sample
    assert sample.get("deepseek") is sample["deepseek"]
    assert sample.get("nope") is None
    assert list(sample) == sorted(sample)
    assert set(sample.keys()) == {r.id for r in sample.values()}


def test_not_found_suggests_close_ids(sample: ag.KnowledgeGraph) -> None:
    with pytest.raises(ag.NotFound) as info:
        sample["deepsek"]
    assert isinstance(info.value, KeyError)
    assert info.value.suggestions[0] == "deepseek"
    with pytest.raises(ag.NotFound) as by_name:
        sample["바이두"]
    assert by_name.value.suggestions == ("baidu",)


@pytest.mark.parametrize("query", ["바이두", "百度", "Baidu", "baidu", "BAIDU", " bai du "])
def test_search_finds_by_any_name(sample: ag.KnowledgeGraph, query: str) -> None:
    assert sample.search(query)[0].id == "baidu"


def test_search_ranks_exact_before_prefix_before_substring(sample: ag.KnowledgeGraph) -> None:
    assert ids(sample.search("deepseek")) == ["deepseek", "deepseek-v3"]
    assert ids(sample.search("딥시크 v3")) == ["deepseek-v3"]
    assert sample.search("seek")[0].id in {"deepseek", "deepseek-v3"}
    assert ids(sample.search("Deepsek")) == ["deepseek", "deepseek-v3"]  # close spellings, closest first
    assert sample.search("") == [] and sample.search("zzzz") == []


def test_organization_filters(sample: ag.KnowledgeGraph) -> None:
    assert ids(sample.organizations(country="CN")) == ["alibaba", "baidu", "deepseek", "sensetime"]
    assert ids(sample.organizations(country="CN", kind="startup")) == ["deepseek", "sensetime"]
    assert ids(sample.organizations(kind="university")) == []
    assert ids(sample.companies(country=sample["CN"])) == ["alibaba", "baidu", "deepseek", "sensetime"]
    assert ids(sample.companies(country="KR")) == []


def test_filters_refuse_unknown_ids_and_values(sample: ag.KnowledgeGraph) -> None:
    with pytest.raises(ag.NotFound):
        sample.organizations(country="ZZ")
    with pytest.raises(ValueError, match="is a organization, expected a country"):
        sample.organizations(country="baidu")
    with pytest.raises(ValueError, match="not one of"):
        sample.organizations(kind="compnay")
    with pytest.raises(ValueError, match="not a known measure"):
        sample.indicators(measure="gdp")


def test_models_and_llm_builders(sample: ag.KnowledgeGraph) -> None:
    assert ids(sample.models(developer="deepseek")) == ["deepseek-v3"]
    assert ids(sample.models(kind="llm", country="CN")) == ["deepseek-v3", "ernie"]
    assert ids(sample.models(kind="vision")) == []
    assert ids(sample.llm_builders()) == ["baidu", "deepseek"]
    assert ids(sample.llm_builders(country="KR")) == []


def test_policies_include_the_countrys_cities(sample: ag.KnowledgeGraph) -> None:
    assert ids(sample.policies(country="CN")) == ["shanghai-ai-industry-regulation"]
    assert ids(sample.policies(jurisdiction="shanghai")) == ["shanghai-ai-industry-regulation"]
    assert ids(sample.policies(country="KR")) == []


def test_investments(sample: ag.KnowledgeGraph) -> None:
    (round_,) = sample.investments(investee="sensetime")
    assert round_.investors[0].lead and round_.amount is not None and round_.amount.currency == "USD"
    assert sample.investments(investor="alibaba", country="CN", year=2018) == [round_]
    assert sample.investments(year=2017) == []


def test_indicators(sample: ag.KnowledgeGraph) -> None:
    assert ids(sample.indicators(measure="private_ai_investment")) == [
        "cn-private-ai-investment-2023", "kr-private-ai-investment-2023"]
    assert ids(sample.indicators(subject="KR")) == ["kr-private-ai-investment-2023"]


def test_neighbors_both_directions(sample: ag.KnowledgeGraph) -> None:
    pairs = [(rel, r.id) for rel, r in sample.neighbors("baidu")]
    assert pairs == [("in_country", "CN"), ("^developed_by", "ernie")]
    assert [r.id for _, r in sample.neighbors("alibaba", relation="invested_in")] == ["sensetime-2018-round"]
    assert ("cites", "bespick-2025-china-ai") in [(rel, r.id) for rel, r in sample.neighbors("baidu", include_sources=True)]


def test_path(sample: ag.KnowledgeGraph) -> None:
    chain = sample.path("ernie", "deepseek-v3")
    assert chain is not None
    assert [(a.id, rel, b.id) for a, rel, b in chain] == [
        ("ernie", "developed_by", "baidu"), ("baidu", "in_country", "CN"),
        ("CN", "^in_country", "deepseek"), ("deepseek", "^developed_by", "deepseek-v3")]
    assert sample.path("baidu", "baidu") == []
    assert sample.path("US", "deepseek") is None  # only a citation links them


def test_sources_of(sample: ag.KnowledgeGraph) -> None:
    assert ids(sample.sources_of("sensetime-2018-round")) == ["fnnews-2018-china-ai"]
    assert ids(sample.sources_of("alibaba")) == ["bespick-2025-china-ai", "fnnews-2018-china-ai"]
    assert sample.sources_of("fnnews-2018-china-ai") == []


def test_networkx_view(sample: ag.KnowledgeGraph) -> None:
    g = sample.graph
    assert g.number_of_nodes() == len(sample)
    assert g.has_edge("deepseek-v3", "deepseek", key="developed_by")
    assert g.edges["alibaba", "sensetime-2018-round", "invested_in"]["lead"] is True
    assert g.edges["deepseek-v3", "bespick-2025-china-ai", "cites"]["quotes"][1].startswith("전체 매개변수")
    assert g.nodes["shanghai"]["record"] is sample["shanghai"]
    assert sample.graph is g


def test_stats_and_edges(sample: ag.KnowledgeGraph) -> None:
    stats = sample.stats()
    assert stats["organization"] == 4 and stats["source"] == 2 and stats["relations"] == len(sample.edges())
    assert ("sensetime-2018-round", "investee", "sensetime") in [e[:3] for e in sample.edges()]


def test_constructor_checks_references(sample: ag.KnowledgeGraph) -> None:
    records = [r for r in sample.values() if r.id != "baidu"]
    with pytest.raises(ag.DataError) as info:
        ag.KnowledgeGraph(records)
    assert {(p.record, p.field) for p in info.value.problems} == {("ernie", "developers[0]")}
    assert ag.KnowledgeGraph(sample.values()) == sample
