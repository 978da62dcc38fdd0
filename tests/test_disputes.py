"""Disputes only where sources disagree about the same thing, and each element credited to the sources that state it."""

from __future__ import annotations

import io
import json

import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main
from asiaai_graph.datafiles.merge import Layer, merge_records
from asiaai_graph.datafiles.statements import refines
from asiaai_graph.schema import AIModel, Money, Organization, Quantity

EPOCH = Layer("epoch-notable", "Epoch AI, Notable AI Models", "2025-12-31", "epoch")
LLMJP = Layer("llm-jp", "LLM-jp", "2026-08-22", "llm-jp")
CHINA = Layer("china", "Awesome LLMs In China", "2024-11-30", "china-llms")
ROR = Layer("ror-asia", "ROR", "2026-06-23", "ror")


@pytest.fixture(scope="module")
def kg() -> ag.KnowledgeGraph:
    return ag.load()


def one(*pairs: tuple[object, Layer], within: dict[str, str] | None = None) -> object:
    out, problems = merge_records(list(pairs), within)  # type: ignore[arg-type]
    assert problems == []
    return out[0][0]


def model(**fields: object) -> AIModel:
    return AIModel.model_validate({"id": "m", "name": "M", "kind": "llm", "developers": ["a"], **fields})


# --- what is no dispute --------------------------------------------------------------------------------


def test_different_measures_are_different_fields(kg: ag.KnowledgeGraph) -> None:
    v3 = kg["deepseek-v3"]  # a stated cost (the newsletter) and Epoch's estimate in 2023 dollars
    assert v3.training_cost.amount == 5_580_000 and v3.training_compute_cost.price_year == 2023  # type: ignore[attr-defined]
    calm2 = kg["calm2-7b"]  # Epoch's datapoints and LLM-jp's tokens
    assert calm2.training_dataset_size.unit == "datapoints" and calm2.training_tokens is not None  # type: ignore[attr-defined]
    fields = {d.field for _, d in kg.disputes("model")}
    assert not fields & {"training_dataset_size", "training_tokens", "training_gradients", "training_cost"}


def test_a_size_class_or_a_bound_is_refined_by_an_exact_count() -> None:
    about = Quantity(value=13_000_000_000, qualifier="about")
    assert refines(Quantity(value=13_200_000_000), about)
    merged = one((model(parameters=13_200_000_000, sources=[{"source": "e", "fields": ["parameters"]}]), EPOCH),
                 (model(parameters={"value": 13_000_000_000, "qualifier": "about"},
                        sources=[{"source": "l", "fields": ["parameters"]}]), LLMJP))
    assert merged.parameters.value == 13_200_000_000 and merged.disputes == ()  # type: ignore[attr-defined]
    at_least = Quantity(value=100_000_000_000, qualifier="at_least")
    assert refines(Quantity(value=100_000_000_000), at_least) and not refines(Quantity(value=99), at_least)
    # two exact counts that differ disagree, however close
    assert not refines(Quantity(value=104), Quantity(value=100))
    # money compares only in one currency and price year
    assert not refines(Money(amount=5, currency="USD", price_year=2023), Money(amount=5, currency="USD",
                                                                                qualifier="about"))


def test_a_city_refines_its_province() -> None:
    org = lambda hq, src: Organization(id="o", name="O", kind="company", headquarters=hq,  # noqa: E731
                                       sources=[{"source": src, "fields": ["headquarters"]}])
    merged = one((org("guangdong", "c"), CHINA), (org("shenzhen", "r"), ROR), within={"shenzhen": "guangdong"})
    assert merged.headquarters == "shenzhen" and merged.disputes == ()  # type: ignore[attr-defined]
    other = one((org("guangzhou", "c"), CHINA), (org("shenzhen", "r"), ROR), within={"shenzhen": "guangdong"})
    assert other.headquarters == "guangzhou" and "over the datasets" not in other.disputes[0].reason  # type: ignore[attr-defined]
    assert "the datasets over ROR" in other.disputes[0].reason  # type: ignore[attr-defined]


def test_what_is_left_are_real_disagreements(kg: ag.KnowledgeGraph) -> None:
    found = kg.disputes()
    # between datasets: 126 before issue 18; the curated pages' disagreements are kept on purpose (issue 19)
    between_datasets = [(rid, d) for rid, d in found
                        if all(kg[s].kind == "dataset" for v in d.values for s in v.sources)]
    assert 0 < len(between_datasets) <= 40
    for rid, dispute in found:
        assert len(dispute.values) >= 2 and dispute.reason
        assert all(v.sources for v in dispute.values)
    assert ("inception-g42", "country") in [(rid, d.field) for rid, d in found]


def test_the_disputes_command(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["disputes", "organization", "--json"], out=out) == 0
    rows = json.loads(out.getvalue())
    inception = next(r for r in rows if r["record"] == "inception-g42")
    assert [v["value"] for v in inception["values"]] == ["AE", "US"] and "newer version" in inception["reason"]


# --- provenance per element ----------------------------------------------------------------------------


def test_a_merged_list_credits_each_element_to_its_sources() -> None:
    epoch = model(developers=["bytedance"], sources=[{"source": "e", "fields": ["developers", "released"]}],
                  released="2023-08-18")
    china = model(developers=["douyin"], sources=[{"source": "c", "fields": ["developers"]}])
    merged = one((epoch, EPOCH), (china, CHINA))
    assert merged.developers == ("bytedance", "douyin")  # type: ignore[attr-defined]
    fields = {c.source: c.fields for c in merged.sources}  # type: ignore[attr-defined]
    assert fields == {"e": ("developers.bytedance", "released"), "c": ("developers.douyin",)}


def test_doubao_in_the_graph(kg: ag.KnowledgeGraph) -> None:
    evidence = {e.source.id for e in kg.sources_of("dou-bao", field="developers.bytedance")}
    assert evidence == {"epoch-all-ai-models"}  # the Chinese list names only 春田知韵（抖音）


def test_a_qualifier_stays_with_the_file_that_gives_it() -> None:
    compute = {"value": 1e21, "unit": "FLOP"}
    notable = model(training_compute=compute | {"confidence": "Confident"},
                    sources=[{"source": "n", "fields": ["training_compute"]}])
    older = model(training_compute=compute | {"confidence": "Likely"},
                  sources=[{"source": "a", "fields": ["training_compute"]}])
    merged = one((notable, EPOCH), (older, Layer("epoch-all", "Epoch AI, All AI Models", "2025-03-14", "epoch")))
    assert merged.training_compute.confidence == "Confident" and merged.disputes == ()  # type: ignore[attr-defined]
    note = next(c.note for c in merged.sources if c.source == "a")  # type: ignore[attr-defined]
    assert note is not None and "Confidence Likely" in note
