"""Epoch AI's GPU clusters and ML hardware files: read faithfully, imported by their rules, each fact on its row.

The files live beside the checkout in ``../shared/datasets`` (or ``ASIAAI_GRAPH_DATASETS``); the tests that
need them skip, saying why, without them. The readers' handling of bad input is tested on small files
written here. tests/test_importers.py checks what every import shares (byte-identical re-import, every row
in scope imported or excluded, one record per entity, the tables in use).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import asiaai_graph as ag
from asiaai_graph.importers import read_clusters, read_hardware
from asiaai_graph.importers.build import QUOTE_LIMIT
from asiaai_graph.importers.clusters_records import USER_GROUPS, operational, planned
from asiaai_graph.importers.epoch_clusters import COLUMNS as CLUSTER_COLUMNS
from asiaai_graph.importers.epoch_hardware import COLUMNS as HARDWARE_COLUMNS
from asiaai_graph.importers.hardware_records import ASIAN_MAKERS
from asiaai_graph.importers.importing import ImportResult, import_dataset
from asiaai_graph.importers.regions import is_asian_code
from asiaai_graph.schema import Accelerator, ComputeCluster, PartialDate
from asiaai_graph.utils.errors import DataError

from conftest import ROOT

DATASETS = Path(os.environ.get("ASIAAI_GRAPH_DATASETS") or ROOT.parent / "shared" / "datasets")
CLUSTERS = DATASETS / "epoch-gpu-clusters" / "gpu_clusters.csv"
HARDWARE = DATASETS / "epoch-ml-hardware" / "ml_hardware.csv"

needs_datasets = pytest.mark.skipif(
    not CLUSTERS.is_file() or not HARDWARE.is_file(),
    reason=f"Epoch AI's GPU clusters and ML hardware files are not beside this checkout ({DATASETS}); "
           "set ASIAAI_GRAPH_DATASETS",
)


@pytest.fixture(scope="module")
def clusters_import() -> ImportResult:
    if not CLUSTERS.is_file():
        pytest.skip(f"the GPU clusters file is not beside this checkout ({CLUSTERS}); set ASIAAI_GRAPH_DATASETS")
    return import_dataset("epoch-clusters", CLUSTERS, version="2025-12-17 (mirror commit a64f15a)")


@pytest.fixture(scope="module")
def hardware_import() -> ImportResult:
    if not HARDWARE.is_file():
        pytest.skip(f"the ML hardware file is not beside this checkout ({HARDWARE}); set ASIAAI_GRAPH_DATASETS")
    return import_dataset("epoch-hardware", HARDWARE)


def _rows(path: Path) -> dict[int, dict[str, str]]:
    """Every row of a CSV by the line it starts on, read with the standard library alone (to check the reader)."""
    out: dict[int, dict[str, str]] = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        end = reader.line_num
        for cells in reader:
            out[end + 1] = dict(zip(header, cells))
            end = reader.line_num
    return out


# --- the readers, on the real files ------------------------------------------------------------------


@needs_datasets
def test_the_clusters_reader_reads_every_row_as_written() -> None:
    table = read_clusters(CLUSTERS)
    raw = _rows(CLUSTERS)
    assert len(table.rows) == len(raw) == 786 and not table.problems
    for row in table.rows:
        assert row.cells == raw[row.line]  # the line is where the row starts; cells as written
    abci = table.at_line(247)
    assert (abci.cluster, abci.country_code, abci.owners, abci.chips) == (
        "AIST ABCI 3.0", "JP", ("National Institute of Advanced Industrial Science and Technology (AIST)",),
        (("NVIDIA H200 SXM", abci.values["Chip quantity (primary)"]),))
    assert str(abci.h100_equivalents) == "6128.0000000902255"  # exact, never through float
    assert sum(1 for r in table.rows if r.cluster == "Anonymized Chinese System") == 257
    quoted = [r for r in table.rows if r.cells["Name"].startswith('"')]
    assert quoted and all(r.cluster == r.cells["Name"].strip()[1:-1] for r in quoted)


@needs_datasets
def test_the_hardware_reader_reads_every_row_as_written() -> None:
    table = read_hardware(HARDWARE)
    raw = _rows(HARDWARE)
    assert len(table.rows) == len(raw) == 170 and not table.problems
    for row in table.rows:
        assert row.cells == raw[row.line]
    ascend = next(r for r in table.rows if r.hardware == "Huawei Ascend 910B")
    assert (ascend.manufacturer, ascend.foundries, ascend.ml_models) == ("Huawei", ("SMIC",),
                                                                         ("Pangu Ultra", "Pangu Ultra MoE", "Spark-X1"))
    assert ascend.figures["process_node"] == 7 and ascend.release_date == PartialDate.parse("2022-03-17")


# --- the clusters import ----------------------------------------------------------------------------


@needs_datasets
def test_every_asian_cluster_row_is_a_record_citing_its_row(clusters_import: ImportResult) -> None:
    table = read_clusters(CLUSTERS)
    clusters = [r for r in clusters_import.records if isinstance(r, ComputeCluster)]
    asian = [r for r in table.rows if is_asian_code(r.country_code)]
    names = table.names()
    cited = {c.locator for r in clusters for c in r.sources}
    for row in asian:
        locator = f"Name={row.cluster}" if names[row.cluster] == 1 else f"Name={row.cluster}, line {row.line}"
        assert locator in cited, row.line
    # and the rows without a country owned by an organization the data folder places in Asia
    from asiaai_graph.graph.index import names_of
    from asiaai_graph.importers.matching import key

    placed = {key(n) for o in ag.load().organizations() if is_asian_code(o.country) for n in names_of(o)}
    owned = [r for r in table.rows if not r.country and any(key(o) in placed for o in r.owners)]
    assert len(clusters) == len(asian) + len(owned)
    outside = [r for r in clusters if r.country is None]
    assert {r.id for r in outside} >= {"paper-on-glm-130b", "paper-on-codefuse", "condor-galaxy-4-cg-4"}


@needs_datasets
def test_each_cluster_field_is_named_by_the_citation_of_its_row(clusters_import: ImportResult) -> None:
    identity = {"id", "name", "labels", "aliases", "description", "sources", "disputes"}
    for record in clusters_import.records:
        if not isinstance(record, ComputeCluster):
            continue
        stated = {f for f in type(record).model_fields if f not in identity and getattr(record, f) not in (None, ())}
        first = record.sources[0]
        assert first.source == "epoch-gpu-clusters" and set(first.fields) == stated, record.id
        assert all(c.locator == first.locator for c in record.sources)


@needs_datasets
def test_a_rows_sources_and_quote_are_kept_as_its_evidence(clusters_import: ImportResult) -> None:
    table = read_clusters(CLUSTERS)
    by_locator: dict[str, Any] = {}
    names = table.names()
    for row in table.rows:
        by_locator[f"Name={row.cluster}" if names[row.cluster] == 1 else f"Name={row.cluster}, line {row.line}"] = row
    long_quotes = 0
    for record in clusters_import.records:
        if not isinstance(record, ComputeCluster):
            continue
        row = by_locator[record.sources[0].locator or ""]
        assert record.sources[0].links == tuple(dict.fromkeys(row.sources))
        quote = "".join(c.quote or "" for c in record.sources)
        assert quote == (row.quote or "")  # verbatim, in pieces of at most 400 characters
        assert all(len(c.quote or "") <= QUOTE_LIMIT for c in record.sources)
        long_quotes += len(record.sources) > 1
    assert long_quotes >= 4


@needs_datasets
def test_cluster_figures_and_dates_keep_the_rows_precision(clusters_import: ImportResult) -> None:
    records = {r.id: r for r in clusters_import.records}
    abci = records["aist-abci-3-0"]
    assert isinstance(abci, ComputeCluster)
    assert abci.h100_equivalents is not None and abci.h100_equivalents.value == 6128  # 6128.0000000902255
    assert abci.first_operational == PartialDate.parse("2025-01-20") and abci.sector == "public"
    assert abci.user_groups == ("industry", "academia", "and government in Japan")
    month = records["aist-abci-q"]
    assert isinstance(month, ComputeCluster) and month.first_operational == PartialDate.parse("2025-06")
    planned_ones = [r for r in records.values() if isinstance(r, ComputeCluster) and r.planned_operational]
    assert planned_ones and all(r.status == "planned" or r.first_operational is None for r in planned_ones)


def test_the_date_rules() -> None:
    day = PartialDate.parse("2024-11-15")
    assert operational(day, "2024-11-15") == (day, None)
    assert operational(day, "2024-11") == (PartialDate(2024, 11), None)
    assert operational(PartialDate.parse("2016-07-01"), "2016") == (PartialDate(2016), None)
    assert operational(day, "Q4 2024") == (PartialDate(2024), "first operational: the row says Q4 2024")
    assert operational(day, "Q1 2024")[0] == day  # a quarter the date is not in: kept, and noted
    assert operational(PartialDate.parse("2024-11-14"), None) == (PartialDate.parse("2024-11-14"), None)
    kept, note = operational(day, None)  # a 15th without a note: Epoch's way of writing a month
    assert kept == PartialDate(2024, 11) and note is not None and "15th" in note
    assert planned("Planned Q4 2025") == PartialDate(2025) and planned("Planned 2029-02") == PartialDate(2029, 2)
    assert planned("completion unclear") is None


@needs_datasets
def test_owners_and_users_are_organizations_one_record_each(clusters_import: ImportResult) -> None:
    records = {r.id: r for r in clusters_import.records}
    tsubame = records["gsic-tsubame-3-0"]
    assert isinstance(tsubame, ComputeCluster)
    assert tsubame.owners == ("tokyo-institute-of-technology",) and tsubame.users == ("tokyo-institute-of-technology",)
    assert "Tokyo Tech" in records["tokyo-institute-of-technology"].aliases  # type: ignore[attr-defined]
    stargate = records["stargate-uae-phase-1"]
    assert isinstance(stargate, ComputeCluster)
    assert stargate.owners == ("stargate-openai",) and stargate.users == ("openai",)
    assert "OpenAI" not in records["stargate-openai"].aliases  # type: ignore[attr-defined]
    groups = {g for r in records.values() if isinstance(r, ComputeCluster) for g in r.user_groups}
    assert groups <= USER_GROUPS and "Cloud" in groups
    org_names = {n for r in records.values() if r.record_type == "organization" for n in r.names()}  # type: ignore[attr-defined]
    assert not org_names & USER_GROUPS


# --- the hardware import ---------------------------------------------------------------------------------


@needs_datasets
def test_every_asian_made_chip_is_a_record(hardware_import: ImportResult) -> None:
    table = read_hardware(HARDWARE)
    chips = {r.name: r for r in hardware_import.records if isinstance(r, Accelerator)}
    asian_made = [r for r in table.rows if r.manufacturer in ASIAN_MAKERS or r.manufacturer in ("Huawei", "Alibaba")]
    assert len(asian_made) == 48
    assert all(r.hardware in chips for r in asian_made)
    assert "NVIDIA GeForce GTX 280" not in chips  # a non-Asian maker's chip no record of the graph names
    assert "NVIDIA H800 SXM5" in chips  # trained DeepSeek-V3, Kimi K2...


@needs_datasets
def test_each_chip_fact_is_its_rows(hardware_import: ImportResult) -> None:
    raw = {cells["Hardware name"]: cells for cells in _rows(HARDWARE).values()}
    for record in hardware_import.records:
        if not isinstance(record, Accelerator):
            continue
        cells = raw[record.name]
        citation = record.sources[0]
        assert citation.locator == f"Hardware name={record.name}"
        if record.tdp is not None:
            assert record.tdp.value == round(float(cells["TDP (W)"]), 6) and record.tdp.unit == "W"
        if record.released is not None:  # a first of the month is the month, 1 January the year (the README)
            year, month, day = cells["Release date"].split("-")
            stated = cells["Release date"] if day != "01" else year if month == "01" else f"{year}-{month}"
            assert record.released.isoformat() == stated
        assert record.chip_type == (cells["Type"] or None)
        for link in citation.links:
            assert link in cells["Link to datasheet"] + cells["Source for the price"] + cells["Notes"]


@needs_datasets
def test_ml_models_link_to_the_graphs_models(hardware_import: ImportResult, kg: ag.KnowledgeGraph) -> None:
    records = {r.id: r for r in hardware_import.records}
    ascend = records["huawei-ascend-910"]
    assert isinstance(ascend, Accelerator)
    assert set(ascend.trained_models) == {"pangu-alpha", "codegeex", "pangu-sigma", "ernie-3-0-titan"}
    assert all(kg[m].record_type == "model" for r in records.values() for m in getattr(r, "trained_models", ()))
    assert any("Pangu Ultra MoE" in note for note in hardware_import.notes)  # not a row of the model files


# --- bad input --------------------------------------------------------------------------------------------


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_bad_cluster_row_is_located_and_the_others_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", CLUSTER_COLUMNS, [
        {"Name": "Good", "Status": "Existing", "Country": "Japan"},
        {"Name": "Bad number", "Status": "Existing", "H100 equivalents": "lots"},
        {"Name": "Bad country", "Status": "Existing", "Country": "Atlantis"},
        {"Name": "", "Status": "Existing"},
        {"Name": "Bad flag", "Status": "Existing", "Single cluster?": "Maybe"},
    ])
    with pytest.raises(DataError) as exc:
        read_clusters(path)
    found = [(p.line, p.record, p.field) for p in exc.value.problems]
    assert found == [(3, "Bad number", "H100 equivalents"), (4, "Bad country", "Country"), (5, None, "Name"),
                     (6, "Bad flag", "Single cluster?")]
    assert "Atlantis" in str(exc.value)
    table = read_clusters(path, skip_bad_rows=True)
    assert [r.cluster for r in table.rows] == ["Good"] and len(table.problems) == 4


def test_a_file_that_is_not_the_dataset_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "h.csv", HARDWARE_COLUMNS[:3], [{"Hardware name": "X"}])
    with pytest.raises(DataError, match="the header lacks this column") as exc:
        read_hardware(path)
    assert {p.field for p in exc.value.problems} == set(HARDWARE_COLUMNS[3:])
    with pytest.raises(DataError, match="empty"):
        read_clusters(_write(tmp_path / "empty.csv", (), []))
    (tmp_path / "bad.csv").write_bytes(b"Name,Status\n\xff\xfe,x\n")
    with pytest.raises(DataError, match="not UTF-8"):
        read_clusters(tmp_path / "bad.csv")


def test_a_bad_hardware_row_is_located(tmp_path: Path) -> None:
    path = _write(tmp_path / "h.csv", HARDWARE_COLUMNS, [{"Hardware name": "Chip", "TDP (W)": "hot"},
                                                         {"Hardware name": "Fine", "TDP (W)": "100.0"}])
    with pytest.raises(DataError) as exc:
        read_hardware(path)
    (problem,) = exc.value.problems
    assert (problem.line, problem.record, problem.field) == (2, "Chip", "TDP (W)")
    assert [r.hardware for r in read_hardware(path, skip_bad_rows=True).rows] == ["Fine"]


# --- the audit sample ---------------------------------------------------------------------------------------


@needs_datasets
def test_the_audit_sample_prints_facts_with_their_rows(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "audit_sample.py"), "--n", "12", "--seed", "7"],
                          capture_output=True, text=True, check=True, cwd=tmp_path,
                          env={**os.environ, "ASIAAI_GRAPH_DATASETS": str(DATASETS)})
    facts = [block for block in done.stdout.split("\n\n") if block.strip().startswith("#")]
    assert len(facts) == 12, done.stdout
    for block in facts:
        assert ".csv:" in block and "record:" in block and "field:" in block and "cell" in block
    again = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "audit_sample.py"), "--n", "12", "--seed", "7"],
                           capture_output=True, text=True, check=True, cwd=tmp_path,
                           env={**os.environ, "ASIAAI_GRAPH_DATASETS": str(DATASETS)})
    assert again.stdout == done.stdout  # the same seed draws the same sample
