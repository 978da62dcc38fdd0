"""Compute clusters and accelerators: the questions, the compute-on-a-date rule, the CLI, RDF and SHACL, the views.

These tests read the data folder as loaded (curated records and the imports in data/datasets, which
hold Epoch AI's GPU clusters and ML hardware); they do not need the datasets themselves.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import pytest

import asiaai_graph as ag
from asiaai_graph import Accelerator, ComputeCluster, KnowledgeGraph, NotFound
from asiaai_graph.cli import main
from asiaai_graph.schema import AIModel, Country, Organization, Source


def run(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out=out) == 0
    return out.getvalue()


# --- the questions, on the data folder ----------------------------------------------------------------


def test_japans_clusters_with_their_owners_and_chips(kg: ag.KnowledgeGraph) -> None:
    japan = {c.id: c for c in kg.clusters(country="JP")}
    assert len(japan) >= 30 and all(c.country == "JP" for c in japan.values())
    abci = japan["aist-abci-3-0"]
    assert abci.owners == ("aist",) and [c.chip for c in abci.chips] == ["nvidia-h200-sxm"]
    assert abci.chips[0].quantity is not None and abci.chips[0].quantity.value == 6128
    assert isinstance(kg["nvidia-h200-sxm"], Accelerator) and kg["nvidia-h200-sxm"].makers == ("nvidia",)  # type: ignore[union-attr]
    assert kg["aist"].record_type == "organization"
    assert abci.builds_upon == ("aist-abci-2-0",) and kg["aist-abci-2-0"].superseded_by == ("aist-abci-3-0",)  # type: ignore[attr-defined]


def test_cluster_filters_combine_and_check_their_values(kg: ag.KnowledgeGraph) -> None:
    aist = kg.clusters(owner="aist")
    assert aist and all("aist" in c.owners for c in aist)
    h100 = kg.clusters(country="JP", chip="nvidia-h100-sxm5-80gb")
    assert h100 and all(c.country == "JP" and "nvidia-h100-sxm5-80gb" in [x.chip for x in c.chips] for c in h100)
    planned = kg.clusters(country="KR", status="planned")
    assert planned and all(c.status == "planned" and c.country == "KR" for c in planned)
    assert sorted(c.id for c in kg.clusters(country="CN")) == sorted(
        c.id for status in ("existing", "planned", "decommissioned") for c in kg.clusters(country="CN", status=status))
    with pytest.raises(ValueError, match="status='running'"):
        kg.clusters(status="running")
    with pytest.raises(NotFound):
        kg.clusters(owner="no-such-owner")
    with pytest.raises(ValueError, match="owner='JP' is a country"):
        kg.clusters(owner="JP")


def test_anonymised_chinese_systems_are_facts_about_china(kg: ag.KnowledgeGraph) -> None:
    anonymous = [c for c in kg.clusters(country="CN") if c.name == "Anonymized Chinese System"]
    assert len(anonymous) > 200
    assert all(not c.owners and c.id.startswith("anonymized-chinese-system-line-") for c in anonymous)
    assert all(c.sources[0].locator == f"Name=Anonymized Chinese System, line {c.id.rsplit('-', 1)[1]}"
               for c in anonymous)


def test_hardware_by_maker_and_foundry(kg: ag.KnowledgeGraph) -> None:
    huawei = kg.hardware(maker="huawei")
    assert len(huawei) >= 19 and all("huawei" in a.makers for a in huawei)
    assert "huawei-ascend-910b" in [a.id for a in huawei]
    smic = kg.hardware(foundry="smic")
    assert smic and all("smic" in a.foundries for a in smic)
    assert {a.id for a in kg.hardware(maker="huawei", foundry="smic")} == {a.id for a in huawei} & {a.id for a in smic}
    ascend = kg["huawei-ascend-910b"]
    assert isinstance(ascend, Accelerator)
    assert ascend.process_node is not None and (ascend.process_node.value, ascend.process_node.unit) == (7, "nm")


def test_a_model_trained_on_ascend_chips_links_to_the_ascend_record_made_by_huawei(kg: ag.KnowledgeGraph) -> None:
    model = kg["pangu-ultra"]
    assert isinstance(model, AIModel) and model.training_hardware == ("huawei-ascend-910b",)
    chip = kg["huawei-ascend-910b"]
    assert isinstance(chip, Accelerator) and chip.makers == ("huawei",) and "pangu-ultra" in chip.trained_models
    assert kg["huawei"].name == "Huawei"
    assert ("pangu-ultra", "trained_on", "huawei-ascend-910b") in [e[:3] for e in kg.edges()]
    assert ("huawei-ascend-910b", "used_to_train", "pangu-ultra") in [e[:3] for e in kg.edges()]


def test_models_trained_on_a_makers_chips(kg: ag.KnowledgeGraph) -> None:
    on_huawei = {m.id for m in kg.trained_on(maker="huawei")}
    assert {"pangu-ultra", "pangu-sigma", "codegeex", "ernie-3-0-titan"} <= on_huawei
    for rid in on_huawei:  # each says so itself or is listed by a Huawei chip
        model = kg[rid]
        assert isinstance(model, AIModel)
        chips = set(model.training_hardware) | {a.id for a in kg.hardware() if rid in a.trained_models}
        assert any("huawei" in kg[c].makers for c in chips)  # type: ignore[attr-defined]
    assert {m.id for m in kg.trained_on(chip="huawei-ascend-910")} <= on_huawei
    with pytest.raises(ValueError, match="give one of"):
        kg.trained_on()
    with pytest.raises(ValueError, match="give one of"):
        kg.trained_on(maker="huawei", chip="huawei-ascend-910")


# --- the compute of a country on a date: the rule, on records made for it -------------------------------


def _cluster(rid: str, **fields: Any) -> ComputeCluster:
    data: dict[str, Any] = {"id": rid, "name": rid.upper(), "status": "existing", "country": "KR", "sources": ["s"]}
    return ComputeCluster.model_validate(data | fields)


@pytest.fixture(scope="module")
def small() -> KnowledgeGraph:
    return KnowledgeGraph([
        Source(id="s", title="Test", kind="dataset", language="en"),
        Country(id="KR", name="South Korea", sources=["s"]),
        Country(id="JP", name="Japan", sources=["s"]),
        _cluster("a", h100_equivalents=100, first_operational="2024-03-15"),
        _cluster("b", h100_equivalents=50, first_operational=2024),  # a year: counts from 2024-12-31
        _cluster("c", h100_equivalents=20, first_operational="2024-06"),  # a month: from 2024-06-30
        _cluster("d", h100_equivalents=7, first_operational=2020, status="decommissioned", decommissioned="2024-05-01"),
        _cluster("e", h100_equivalents=1000, status="planned", planned_operational=2026),
        _cluster("f", first_operational=2023),  # no H100 equivalents
        _cluster("g", h100_equivalents=3),  # no date
        _cluster("h", h100_equivalents=9, first_operational=2023, possible_duplicate=True),
        _cluster("j", h100_equivalents=4000, first_operational=2021, country="JP"),
    ])


@pytest.mark.parametrize(("on", "total", "counted"), [
    ("2024-03-14", 7 + 0, ["d"]),
    ("2024-03-15", 107, ["a", "d"]),
    ("2024-05-01", 100, ["a"]),           # d is decommissioned that day
    ("2024-06-29", 100, ["a"]),           # c is known to the month only
    ("2024-06-30", 120, ["a", "c"]),
    ("2024-12-30", 120, ["a", "c"]),      # b is known to the year only
    ("2024-12-31", 170, ["a", "b", "c"]),
])
def test_compute_on_a_day_sums_the_clusters_sure_to_run(small: KnowledgeGraph, on: str, total: int,
                                                         counted: list[str]) -> None:
    result = small.compute("KR", on=on)
    assert result.h100_equivalents == Decimal(total)
    assert sorted(result.clusters) == counted
    assert result.country == "KR" and result.on == dt.date.fromisoformat(on)


def test_compute_says_what_it_leaves_out(small: KnowledgeGraph) -> None:
    result = small.compute("KR", on=dt.date(2025, 1, 1))
    assert result.clusters == ("a", "b", "c")  # largest first
    why = dict(result.left_out)
    assert why == {"d": "decommissioned 2024-05-01", "f": "no H100 equivalents", "g": "no first operational date",
                   "h": "a possible duplicate of another row"}  # the planned cluster e is not a left-out one
    with_duplicates = small.compute("KR", on="2025-01-01", possible_duplicates=True)
    assert with_duplicates.h100_equivalents == 179 and "h" in with_duplicates.clusters
    assert small.compute("JP", on="2025-01-01").h100_equivalents == 4000  # only the country's clusters
    assert "possible duplicates" in result.rule


def test_compute_checks_its_arguments(small: KnowledgeGraph) -> None:
    with pytest.raises(ValueError, match="not a day"):
        small.compute("KR", on="2024-13-01")
    with pytest.raises(NotFound):
        small.compute("XX", on="2024-01-01")
    assert small.compute("KR").on == dt.date.today()


def test_compute_of_the_data_folder_grows_with_time(kg: ag.KnowledgeGraph) -> None:
    totals = [kg.compute("CN", on=f"{year}-12-31").h100_equivalents for year in (2019, 2021, 2023, 2024)]
    assert totals == sorted(totals) and totals[0] < totals[-1]
    japan = kg.compute("JP", on="2025-06-30")
    by_id = {c.id: c for c in kg.clusters(country="JP")}
    assert japan.h100_equivalents == sum(by_id[c].h100_equivalents.value for c in japan.clusters)  # type: ignore[union-attr]
    assert "aist-abci-3-0" in japan.clusters and "fpt-ai-factory-japan" not in japan.clusters  # planned


# --- the command line, in every language ----------------------------------------------------------------


def test_cli_lists_japans_clusters_with_owners_and_chips() -> None:
    text = run("clusters", "--country", "JP")
    line = next(li for li in text.splitlines() if li.startswith("aist-abci-3-0 "))
    assert "National Institute of Advanced Industrial Science and Technology (AIST)" in line
    assert "NVIDIA H200 SXM" in line and "existing" in line and "6,128" in line and "2025-01-20" in line
    assert text.splitlines()[0].split()[:3] == ["ID", "NAME", "STATUS"]


@pytest.mark.parametrize(("lang", "words"), [
    ("ko", ("이름", "상태", "운영 중")), ("zh", ("名称", "状态", "已建成")), ("ja", ("名前", "状態", "稼働中")),
])
def test_cli_compute_commands_speak_the_language_asked(lang: str, words: tuple[str, ...]) -> None:
    text = run("clusters", "--country", "일본" if lang == "ko" else "JP", "--lang", lang)
    assert all(w in text for w in words) and "STATUS" not in text
    compute = run("compute", "JP", "--on", "2025-06-30", "--lang", lang)
    assert "Rule" not in compute and "H100" in compute
    report = run("compute-report", "--lang", lang)
    assert "CLUSTERS" not in report


def test_cli_json_of_clusters_hardware_and_compute() -> None:
    clusters = json.loads(run("clusters", "--owner", "AIST", "--json"))
    assert clusters and all("aist" in c["owners"] and c["record_type"] == "cluster" for c in clusters)
    chips = json.loads(run("hardware", "--maker", "Huawei", "--json"))
    assert {c["id"] for c in chips} >= {"huawei-ascend-910b", "huawei-ascend-910"}
    compute = json.loads(run("compute", "JP", "--on", "2025-06-30", "--json"))
    assert Decimal(compute["h100_equivalents"]) > 0 and compute["on"] == "2025-06-30" and compute["rule"]
    assert all(set(item) == {"id", "why"} for item in compute["left_out"])
    models = json.loads(run("trained-on", "--maker", "huawei", "--json"))
    assert "pangu-ultra" in {m["id"] for m in models}
    report = json.loads(run("compute-report", "--json"))
    assert report["countries"]["JP"]["clusters"] >= 30 and report["makers"]["huawei"] >= 19


def test_cli_trained_on_names_the_chips_and_list_takes_clusters() -> None:
    text = run("trained-on", "--maker", "huawei")
    line = next(li for li in text.splitlines() if li.startswith("pangu-ultra "))
    assert "Huawei Ascend 910B" in line
    assert "aist-abci-3-0" in run("list", "cluster", "--country", "JP")


def test_cli_refuses_an_unknown_status() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["clusters", "--status", "running"], out=io.StringIO())
    assert exc.value.code == 2


# --- RDF and SHACL --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compute_graph(kg: ag.KnowledgeGraph) -> KnowledgeGraph:
    """A slice of the data folder around Japan's clusters and Huawei's chips, with all it refers to."""
    keep = {c.id for c in kg.clusters(country="JP")} | {"huawei-ascend-910b", "pangu-ultra"}
    todo = list(keep)
    while todo:
        record = kg[todo.pop()]
        for _, other in kg.neighbors(record.id):
            if other.id not in keep and (other.record_type in ("country", "organization", "accelerator", "place")
                                         or other.id in keep):
                keep.add(other.id)
                todo.append(other.id)
        for c in getattr(record, "sources", ()):
            keep.add(c.source)
    records = [kg[i] for i in keep]
    ids = {r.id for r in records}
    # the slice keeps only the references it can: a cluster's related rows outside Japan are dropped
    return KnowledgeGraph(_trim(r, ids) for r in records)


def _trim(record: Any, ids: set[str]) -> Any:
    changes = {}
    for ref in type(record).refs:
        value = getattr(record, ref.field)
        if isinstance(value, tuple) and ref.key is None:
            changes[ref.field] = tuple(v for v in value if v in ids)
        elif isinstance(value, str) and value not in ids:
            changes[ref.field] = None
    if isinstance(record, Organization):
        changes["members"] = ()
    return record.model_copy(update=changes) if changes else record


def test_rdf_round_trip_of_clusters_and_accelerators(compute_graph: KnowledgeGraph) -> None:
    text = compute_graph.serialize(format="turtle")
    assert "aag:ComputeCluster" in text and "aag:Accelerator" in text and "aag:usesChip" in text
    back = ag.from_rdf(text.encode(), format="turtle")
    assert back == compute_graph
    abci = back["aist-abci-3-0"]
    assert isinstance(abci, ComputeCluster) and abci.chips[0].quantity is not None
    assert abci.first_operational == compute_graph["aist-abci-3-0"].first_operational  # type: ignore[attr-defined]


def test_the_export_of_the_new_kinds_conforms_to_the_shapes(compute_graph: KnowledgeGraph) -> None:
    from asiaai_graph.rdf import validate

    conforms, report = validate(compute_graph.to_rdf())
    assert conforms, report


def test_shapes_catch_a_cluster_with_a_bad_status(compute_graph: KnowledgeGraph) -> None:
    from rdflib import Literal, URIRef

    from asiaai_graph.rdf import validate
    from asiaai_graph.rdf.vocab import AAG

    g = compute_graph.to_rdf()
    abci = URIRef("https://w3id.org/asiaai-graph/id/aist-abci-3-0")
    g.set((abci, AAG.status, Literal("running")))
    conforms, report = validate(g)
    assert not conforms and "status" in report


def test_sparql_over_the_new_kinds(kg: ag.KnowledgeGraph) -> None:
    rows = kg.sparql("""
        SELECT ?model WHERE {
          ?m aag:trainedOn/aag:madeBy/dcterms:identifier "huawei" ; dcterms:identifier ?model .
        } ORDER BY ?model""")
    assert "pangu-ultra" in [r["model"] for r in rows]


# --- what people look at ---------------------------------------------------------------------------------


def test_a_countrys_picture_and_page_hold_its_clusters_and_chips(kg: ag.KnowledgeGraph) -> None:
    from asiaai_graph.views.explorer import explorer_data
    from asiaai_graph.views.style import COLORS
    from asiaai_graph.views.subgraphs import ecosystem, summarise

    ids = ecosystem(kg, "JP")
    assert "aist-abci-3-0" in ids and "nvidia-h200-sxm" in ids
    assert "huawei-ascend-910b" in ecosystem(kg, "CN")  # made by a Chinese organization
    china = summarise(kg, ecosystem(kg, "CN"), "CN")
    kept = [i for i in china.ids if kg[i].record_type == "cluster"]
    assert len(kept) == 8 and china.clusters > 200  # the largest eight of China's clusters are drawn
    assert {"accelerator", "cluster"} <= set(COLORS)
    data = explorer_data(kg, "JP")
    node = next(n for n in data["nodes"] if n["id"] == "aist-abci-3-0")
    assert node["type"] == "cluster" and node["kind"] == "existing" and node["countries"] == ["JP"]
    assert {"cluster", "accelerator"} <= set(data["types"])


def test_the_picture_of_a_country_names_the_new_kinds_in_its_language(kg: ag.KnowledgeGraph) -> None:
    pytest.importorskip("matplotlib")
    from asiaai_graph.views.draw import figure

    fig = figure(kg, "KR", lang="ko")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "컴퓨팅 클러스터" in legend and "AI 가속기" in legend


def test_a_bad_cluster_in_a_users_file_is_located(tmp_path: Any) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "sources:\n- {id: mine, title: My notes, kind: report, language: en}\n"
        "clusters:\n"
        "- id: my-cluster\n  name: My cluster\n  status: existing\n  country: JP\n"
        "  chips: [{chip: no-such-chip, quantity: 8}]\n  h100_equivalents: -5\n  sources: [mine]\n"
        "- id: other-cluster\n  name: Other\n  status: running\n  sources: [mine]\n",
        encoding="utf-8")
    with pytest.raises(ag.DataError) as exc:
        ag.load(path, cache=False)
    found = {(p.record, p.field) for p in exc.value.problems}
    assert ("my-cluster", "h100_equivalents") in found and ("other-cluster", "status") in found
    assert all(p.file and p.file.endswith("mine.yaml") and p.line for p in exc.value.problems)
    path.write_text(path.read_text(encoding="utf-8").replace("h100_equivalents: -5", "h100_equivalents: 5")
                    .replace("status: running", "status: planned"), encoding="utf-8")
    with pytest.raises(ag.DataError) as exc:
        ag.load(path, cache=False)
    (problem,) = exc.value.problems
    assert (problem.record, problem.field) == ("my-cluster", "chips[0].chip") and "no-such-chip" in problem.message
