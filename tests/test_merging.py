"""One record per entity: curated records and dataset imports of one id merge field by field, disagreements kept."""

from __future__ import annotations

from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.datafiles.merge import CURATED, Layer, merge_records
from asiaai_graph.schema import AIModel, Organization

EPOCH_NEW = Layer("epoch-notable", "Epoch AI, Notable AI Models (2025-12-31)", "2025-12-31", "epoch")
EPOCH_OLD = Layer("epoch-all", "Epoch AI, All AI Models (2025-03-14)", "2025-03-14", "epoch")
LIST = Layer("llm-jp", "LLM-jp (2026-08-22)", "2026-08-22", "llm-jp")


def model(**fields: object) -> AIModel:
    base: dict[str, object] = {"id": "m", "name": "M", "kind": "llm", "developers": ["a"]}
    return AIModel.model_validate(base | fields)


def merged(*pairs: tuple[AIModel, Layer]) -> AIModel:
    out, problems = merge_records(list(pairs))
    assert problems == []
    (record, _), = out
    assert isinstance(record, AIModel)
    return record


def test_a_disagreement_keeps_every_stated_value_and_prefers_the_newer_snapshot() -> None:
    old = model(parameters=100, sources=[{"source": "epoch-all", "fields": ["parameters"]}])
    new = model(parameters=104, sources=[{"source": "epoch-notable", "fields": ["parameters"]}])
    record = merged((old, EPOCH_OLD), (new, EPOCH_NEW))
    assert record.parameters is not None and record.parameters.value == 104
    (dispute,) = record.disputes
    assert dispute.field == "parameters"
    assert [(v.value, v.sources) for v in dispute.values] == [({"value": "104"}, ("epoch-notable",)),
                                                              ({"value": "100"}, ("epoch-all",))]
    assert "Notable AI Models" in dispute.reason


def test_curated_records_take_precedence_over_any_dataset() -> None:
    curated = model(released="2024-03", sources=[{"source": "article", "fields": ["released"]}])
    epoch = model(released="2023-11-02", sources=[{"source": "epoch-notable", "fields": ["released"]}])
    record = merged((epoch, EPOCH_NEW), (curated, CURATED))
    assert str(record.released) == "2024-03"
    assert record.disputes[0].values[1].sources == ("epoch-notable",)


def test_a_more_precise_date_that_agrees_is_no_dispute() -> None:
    curated = model(released=2024, sources=[{"source": "article", "fields": ["released"]}])
    listed = model(released="2024-12-26", sources=[{"source": "llm-jp", "fields": ["released"]}])
    record = merged((curated, CURATED), (listed, LIST))
    assert str(record.released) == "2024-12-26" and record.disputes == ()
    assert [c.source for c in record.sources] == ["article", "llm-jp"]


def test_lists_are_united_labels_kept_and_other_names_become_aliases() -> None:
    a = model(name="Qwen", labels={"zh": "通义千问"}, developers=["alibaba-cloud"], sources=["article"])
    b = model(name="Qwen-7B", labels={"zh": "千问"}, developers=["alibaba-group"], domains=["Language"],
              sources=["epoch-notable"])
    record = merged((a, CURATED), (b, EPOCH_NEW))
    assert record.name == "Qwen" and record.labels == {"zh": "通义千问"}
    assert record.developers == ("alibaba-cloud", "alibaba-group")
    assert set(record.aliases) == {"Qwen-7B", "千问"} and record.domains == ("Language",)


def test_two_curated_records_with_one_id_are_not_merged(tmp_path: Path) -> None:
    a = Organization(id="x", name="X", kind="company", sources=["s"])
    out, problems = merge_records([(a, CURATED), (a, CURATED)])
    assert len(out) == 2 and problems == []


def test_a_merge_that_breaks_a_rule_is_a_located_problem() -> None:
    a = model(open_weights=True, sources=["article"])
    b = model(accessibility="unreleased", sources=["epoch-notable"])
    out, problems = merge_records([(a, CURATED), (b, EPOCH_NEW)])
    assert out == [] and len(problems) == 1
    assert "contradicts" in problems[0][1] and problems[0][0] is a


def test_an_import_file_merges_with_the_curated_record_when_loaded(tmp_path: Path, cache_dir: Path) -> None:
    (tmp_path / "curated.yaml").write_text(
        "sources:\n- {id: report, title: Technical report, kind: paper, language: en}\n"
        "organizations:\n- {id: deepseek, name: DeepSeek, kind: startup, sources: [report]}\n"
        "models:\n- id: deepseek-v3\n  name: DeepSeek-V3\n  kind: llm\n  developers: [deepseek]\n"
        "  parameters: 671000000000\n"
        "  sources:\n  - {source: report, fields: [developers, parameters], quote: 671B total parameters}\n",
        encoding="utf-8")
    (tmp_path / "epoch.yaml").write_text(
        "import: {importer: epoch, source: epoch-test, title: 'Epoch AI, Test', version: '2025-12-31'}\n"
        "sources:\n- {id: epoch-test, title: Test, kind: dataset, language: en}\n"
        "models:\n- id: deepseek-v3\n  name: DeepSeek V3\n  kind: llm\n  developers: [deepseek]\n"
        "  parameters: 685000000000\n"
        "  sources:\n  - {source: epoch-test, fields: [developers, parameters], locator: Model=DeepSeek V3}\n",
        encoding="utf-8")
    kg = ag.load(tmp_path, curated=False)
    record = kg["deepseek-v3"]
    assert isinstance(record, AIModel) and record.parameters is not None
    assert record.parameters.value == 671000000000 and record.aliases == ("DeepSeek V3",)
    assert [(v.value, v.sources) for d in record.disputes for v in d.values] == [
        ({"value": "671000000000"}, ("report",)), ({"value": "685000000000"}, ("epoch-test",))]
    evidence = kg.sources_of("deepseek-v3", field="parameters")
    assert [(e.source.id, e.citation.quote or e.citation.locator, e.kept) for e in evidence] == [
        ("report", "671B total parameters", True), ("epoch-test", "Model=DeepSeek V3", False)]
    assert [e.source.id for e in kg.sources_of("deepseek-v3", field="developers")] == ["report", "epoch-test"]


def test_a_bad_import_header_is_a_located_error(tmp_path: Path, cache_dir: Path) -> None:
    (tmp_path / "x.yaml").write_text("import: {version: '2025'}\n", encoding="utf-8")
    with pytest.raises(ag.DataError) as info:
        ag.load(tmp_path, curated=False)
    (problem,) = info.value.problems
    assert problem.line == 1 and problem.field == "import" and "source" in problem.message
