"""Dataset imports as records: reproducible, one record per entity, every row in scope accounted for.

The six open datasets live beside the checkout in ``../shared/datasets`` (never in the
repository); set ``ASIAAI_GRAPH_DATASETS`` to read them from elsewhere (e.g. from a git
worktree). ``data/datasets/imports.json`` lists which file each import reads and with which
arguments: these tests and the re-import both read it. The tests import the six files
themselves (about 20 s); the Epoch rule for organizations a file gives no country reads the
countries the loaded data holds (Moonshot, placed in China by the notable file), as do the GPU
clusters rows without a country, and the ML hardware file's scope reads the models and clusters
the loaded data holds (tests/test_compute_import.py tests those two files further).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main
from asiaai_graph.importers import read_china_llms, read_clusters, read_epoch, read_hardware, read_llmjp
from asiaai_graph.importers.ror import read_ror
from asiaai_graph.importers.epoch import EpochTable
from asiaai_graph.importers.llmjp_records import KINDS as LLMJP_KINDS
from asiaai_graph.importers.matching import MatchingTables, key, read_tables
from asiaai_graph.importers.regions import country_code, is_asian_code
from asiaai_graph.importers.importing import ImportResult, curated_tables_dir, dumps_import, import_dataset, write_import
from asiaai_graph.graph.index import names_of
from asiaai_graph.datafiles.merge import CURATED, Layer, merge_records
from asiaai_graph.schema import Organization, Record
from asiaai_graph.datafiles.files import curated_files
from asiaai_graph.datafiles.read import read_files

from conftest import ROOT

DATASETS = Path(os.environ.get("ASIAAI_GRAPH_DATASETS") or ROOT.parent / "shared" / "datasets")
DATA = ROOT / "data"
IMPORTED = DATA / "datasets"
JOBS: list[dict[str, Any]] = json.loads((IMPORTED / "imports.json").read_text(encoding="utf-8"))["imports"]
NAMED_KINDS = ("organization", "model", "place", "accelerator")

needs_datasets = pytest.mark.skipif(
    not DATASETS.is_dir(),
    reason=f"the open datasets are not beside this checkout ({DATASETS}); set ASIAAI_GRAPH_DATASETS",
)


def run_job(job: dict[str, Any]) -> ImportResult:
    """One import as ``imports.json`` describes it."""
    options = {k: v for k, v in job.items() if k in ("skip_bad_rows", "version")}
    return import_dataset(job["importer"], DATASETS / job["file"], **options)


@pytest.fixture(scope="module")
def imports() -> dict[str, ImportResult]:
    """Every import of ``imports.json``, by its output file name."""
    if not DATASETS.is_dir():
        pytest.skip(f"the open datasets are not beside this checkout ({DATASETS}); set ASIAAI_GRAPH_DATASETS")
    return {job["output"]: run_job(job) for job in JOBS}


@pytest.fixture(scope="module")
def tables() -> MatchingTables:
    return read_tables(curated_tables_dir())


@pytest.fixture(scope="module")
def curated() -> list[Record]:
    """The hand-written records (the top-level YAML files of data/), as the importers match against them."""
    return read_files(curated_files(DATA), unknown_ok=True)[0]


def merged(curated: Sequence[Record], imports: Iterable[ImportResult]) -> list[Record]:
    """Curated records and imports folded into one record per id, as loading does (references unchecked)."""
    found = [(r, CURATED) for r in curated]
    for result in imports:
        layer = Layer(result.source.id, result.source.title, result.source.version or "", result.importer)
        found += [(r, layer) for r in result.records]
    records, problems = merge_records(found)
    assert not problems, [message for _, message in problems]
    return [r for r, _ in records]


def identity_keys(record: Record) -> list[str]:
    """What says which real-world entity a record is: its names, labels and aliases (normalised), and its
    ROR and Wikidata ids (``ror:...``, ``wikidata:...``), which name one organization whatever it is called."""
    keys = [key(name) for name in names_of(record) if key(name)]
    for scheme in ("ror", "wikidata"):
        value = getattr(record, scheme, None)
        if value:
            keys.append(f"{scheme}:{value}")
    return keys


def shared_names(records: Iterable[Record], distinct: frozenset[frozenset[str]]) -> list[tuple[str, str, list[str]]]:
    """(kind, key, ids) for every name, label, alias, ROR id or Wikidata id two records of one kind share, unless
    listed as distinct."""
    by_key: dict[tuple[str, str], set[str]] = {}
    for r in records:
        if r.record_type in NAMED_KINDS:
            for k in identity_keys(r):
                by_key.setdefault((r.record_type, k), set()).add(r.id)
    out = []
    for (kind, k), ids in sorted(by_key.items()):
        pairs = [frozenset((a, b)) for a in ids for b in ids if a < b]
        if any(pair not in distinct for pair in pairs):
            out.append((kind, k, sorted(ids)))
    return out


# --- the files in data/datasets/ are what the importers make ---------------------------------------


@needs_datasets
@pytest.mark.parametrize("job", JOBS, ids=[job["output"] for job in JOBS])
def test_reimporting_gives_the_written_file_byte_for_byte(job: dict[str, Any], imports: dict[str, ImportResult]) -> None:
    result = imports[job["output"]]
    assert job["output"] == f"{result.source.id}.yaml", "imports.json names the file write_import writes"
    written = IMPORTED / job["output"]
    if not written.is_file():
        pytest.skip(f"{written} is not imported in this checkout (asiaai-graph import ... -o data/datasets)")
    assert dumps_import(result).encode("utf-8") == written.read_bytes(), (
        f"{written} is out of date: import {job['file']} again (matching.tsv, distinct.tsv or exclusions.tsv changed?)"
    )


@needs_datasets
def test_importing_twice_gives_the_same_bytes(tmp_path: Path, imports: dict[str, ImportResult]) -> None:
    job = JOBS[-1]  # the smallest file: the Chinese list
    first = write_import(imports[job["output"]], tmp_path / "a").read_bytes()
    assert write_import(run_job(job), tmp_path / "b").read_bytes() == first


# --- one record per real-world entity --------------------------------------------------------------


@needs_datasets
def test_no_two_records_of_a_kind_share_a_name_unless_listed_distinct(
    curated: list[Record], imports: dict[str, ImportResult], tables: MatchingTables
) -> None:
    clashes = shared_names(merged(curated, imports.values()), tables.distinct)
    assert not clashes, "records of one kind share a name: match them in data/matching.tsv or list them in " \
                        f"data/distinct.tsv: {clashes}"


@needs_datasets
def test_a_planted_duplicate_is_caught(curated: list[Record], imports: dict[str, ImportResult],
                                       tables: MatchingTables) -> None:
    planted = Organization(id="zhipu-ai-again", name="Z.AI", labels={"zh": "智谱华章"}, kind="company", sources=["s"])
    records = [*merged(curated, imports.values()), planted]
    clashes = shared_names(records, tables.distinct)
    assert ("organization", key("智谱华章"), ["zhipu-ai", "zhipu-ai-again"]) in clashes
    assert not shared_names(records, tables.distinct | {frozenset(("zhipu-ai", "zhipu-ai-again"))})


def test_shared_names_compares_normalised_names_and_identifiers() -> None:
    a = Organization(id="a", name="LG AI Research", kind="company", sources=["s"])
    b = Organization(id="b", name="X", aliases=["LG  AI-Research"], kind="company", sources=["s"])
    c = Organization(id="c", name="LG AI", kind="company", sources=["s"])
    assert shared_names([a, b, c], frozenset()) == [("organization", "lgairesearch", ["a", "b"])]
    d = Organization(id="d", name="Zhong Xing Tong Xun", ror="00rjhhq63", kind="company", sources=["s"])
    e = Organization(id="e", name="ZTE", ror="00rjhhq63", wikidata="Q136484", kind="company", sources=["s"])
    f = Organization(id="f", name="ZTE Corporation", wikidata="Q136484", kind="company", sources=["s"])
    assert shared_names([d, e, f], frozenset()) == [("organization", "ror:00rjhhq63", ["d", "e"]),
                                                    ("organization", "wikidata:Q136484", ["e", "f"])]


@needs_datasets
@pytest.mark.parametrize(("rid", "sources"), [
    ("deepseek-v3", {"bespick-2025", "epoch-notable-ai-models", "epoch-all-ai-models"}),
    ("qwen", {"bespick-2025", "awesome-llms-in-china"}),
    ("fugaku-llm", {"epoch-all-ai-models", "llm-jp-awesome-japanese-llm"}),
    ("pangu-weather", {"epoch-notable-ai-models", "epoch-all-ai-models", "awesome-llms-in-china"}),
    ("zhipu-ai", {"epoch-notable-ai-models", "epoch-all-ai-models", "awesome-llms-in-china"}),
    ("minimax", {"epoch-notable-ai-models", "epoch-all-ai-models", "awesome-llms-in-china"}),
    ("preferred-networks", {"epoch-all-ai-models", "llm-jp-awesome-japanese-llm"}),
    ("tokyo-institute-of-technology", {"epoch-all-ai-models", "llm-jp-awesome-japanese-llm"}),
])
def test_an_entity_in_several_sources_is_one_record_citing_each(
    rid: str, sources: set[str], curated: list[Record], imports: dict[str, ImportResult]
) -> None:
    record = {r.id: r for r in merged(curated, imports.values())}[rid]
    assert sources <= {c.source for c in record.sources}


@needs_datasets
def test_the_alibaba_rule(curated: list[Record], imports: dict[str, ImportResult]) -> None:
    records = {r.id: r for r in merged(curated, imports.values())}
    epoch_qwen = records["qwen-72b"]
    assert epoch_qwen.developers == ("alibaba-group",)  # Epoch's Organization cell says Alibaba
    assert records["qwen"].developers == ("alibaba-cloud",)  # the article and the Chinese list say Alibaba Cloud
    assert "awesome-llms-in-china" in {c.source for c in records["alibaba-cloud"].sources}


@needs_datasets
def test_imported_ids_are_short_and_acronyms_find_their_organization(
    curated: list[Record], imports: dict[str, ImportResult]
) -> None:
    from asiaai_graph.importers.matching import MAX_SLUG
    from asiaai_graph.graph.search import NameIndex
    from asiaai_graph.graph.index import names_of

    records = merged(curated, imports.values())
    imported = {r.id for result in imports.values() for r in result.records}
    assert max(len(rid) for rid in imported) <= MAX_SLUG
    tails = [rid for rid in imported if re.search(r"-[0-9a-f]{6}$", rid) and len(rid) > MAX_SLUG - 10]
    assert tails == [], "ids cut short with a digest: give each a readable id in data/matching.tsv"
    index = NameIndex({r.id: names_of(r) for r in records})
    for acronym, rid in [("AIST", "aist"), ("HKUST", "hong-kong-university-of-science-and-technology"),
                         ("KAUST", "king-abdullah-university-of-science-and-technology-kaust"), ("MBZUAI", "mbzuai")]:
        assert index.search(acronym)[0] == rid, acronym


@needs_datasets
def test_homonyms_stay_apart(curated: list[Record], imports: dict[str, ImportResult]) -> None:
    records = {r.id: r for r in merged(curated, imports.values())}
    assert records["northeastern-university"].country == "US"
    assert records["northeastern-university-china"].country == "CN"
    assert records["jiutian"].developers == ("china-mobile",)
    assert records["jiutian-lion"].developers != ("china-mobile",)
    assert records["bailing"].developers == ("ant-group",)


# --- every row in scope is imported or excluded ----------------------------------------------------


def _cited(result: ImportResult, kind: str = "model") -> set[str]:
    return {c.locator or "" for r in result.records if r.record_type == kind for c in r.sources
            if c.source == result.source.id}


def _excluded(tables: MatchingTables, dataset: str) -> set[str]:
    return {e.locator for e in tables.exclusions if e.dataset == dataset}


def epoch_rows_in_scope(table: EpochTable) -> list[Any]:
    """Rows with an organization in Asia: by the row's countries, or, for a row without any, by the countries
    the same file gives its organizations elsewhere, or else by the country the data folder's records of that
    name hold (the importer's rule, written again here, matching by name rather than by id, to check it)."""
    runs = table.country_runs()
    asian = {org for row in table.rows for org, country in row.organization_countries(runs) or ()
             if is_asian_code(country_code(country))}
    placed = {key(name) for o in ag.load().organizations() if is_asian_code(o.country) for name in names_of(o)}
    return [r for r in table.rows if r.is_asian or (not any(r.country_codes) and (
        set(r.organizations) & asian or any(key(o) in placed for o in r.organizations)))]


#: Rows in scope per file version (SHA-256), as the dataset analysis for issue 9 counted them (with other code).
IN_SCOPE = {
    "365f2fccd7e946b2edabe1cf5bef48633f538b07fb0153acc41fac9869e3b787": 224,  # Epoch notable: Asian rows
    # Epoch all: 668 Asian rows, and Moonshot's 3 rows without a country (Kimi k1.5 l.183, Moonshot-v1 l.1847,
    # Kimi Explorer l.4186): this file places Moonshot nowhere, the notable file in China (data/datasets/README.md)
    "5d81f5cce379759011a666fba8bbe35fac3853c63583815908aeeec5fc76fc10": 668 + 3,
    "748c2733a70224c467cb8091b96c3d5a6bb91636c8ef3c8bdd4699940c4994ec": 227 + 42 + 22,  # LLM-jp: text, vision, speech
    "5a461c12d5ee36867d1a4c20d18a0fc72c3e289f40b57b5f437a4a78a915c8cf": 247,  # the Chinese list: every row
    # GPU clusters: 371 rows in Asian countries (347 in East, South and South-east Asia, 21 in Saudi Arabia and the UAE,
    # 3 in Israel) and 12 without a country whose owner is placed in Asia (Zhipu AI's Paper on GLM-130B...; G42's
    # Condor Galaxy 4 to 9, once the curated data placed G42 in the UAE)
    "4da98d5233cd942f4145384e4595051c719c724f7bcea7e7bf97a35f80a30c6f": 371 + 12,
    # ML hardware: 48 chips of Asian makers, 50 more that the graph's models or clusters name, 2 whose ML models it holds
    "c8511b287f08cb51aececa21089e85a7fc4399c7025eafae10053834dea8b869": 48 + 50 + 2,
}

#: The record kind an importer's rows become (the Epoch model files, LLM-jp and the Chinese list: models).
ROW_KINDS = {"epoch-clusters": "cluster", "epoch-hardware": "accelerator"}


def rows_in_scope(job: dict[str, Any]) -> tuple[list[tuple[int, list[str], list[str]]], list[str]]:
    """The rows in scope of one job's file, each as (line, the locators its model records are cited by, the
    locators that exclude it), and the locators of the rows the reader could not read."""
    path = DATASETS / job["file"]
    if job["importer"] == "epoch":
        table = read_epoch(path, skip_bad_rows=job.get("skip_bad_rows", False))
        rows = [(r.line, [f"Model={r.model}"], [f"Model={r.model}", f"line {r.line}"]) for r in epoch_rows_in_scope(table)]
        return rows, [f"line {p.line}" for p in table.problems]
    if job["importer"] == "llm-jp":
        table_jp = read_llmjp(path)
        return [(r.line, [f"{r.heading}: {r.name}"], [f"{r.heading}: {r.name}"])
                for r in table_jp.rows if r.category in LLMJP_KINDS], [f"line {p.line}" for p in table_jp.problems]
    if job["importer"] == "epoch-clusters":
        return [(r.line, [loc], [loc, f"line {r.line}"]) for r, loc in cluster_rows_in_scope(path)], []
    if job["importer"] == "epoch-hardware":
        return [(r.line, [loc], [loc]) for r, loc in hardware_rows_in_scope(path)], []
    table_cn = read_china_llms(path)
    return [(r.line, [f"序号={r.number}, 大模型={m.name}" for m in r.models], []) for r in table_cn.rows], []


def cluster_rows_in_scope(path: Path) -> list[tuple[Any, str]]:
    """(row, locator) of the GPU clusters rows in scope: in an Asian country, or without a country and owned by an
    organization the data folder places in Asia (the importer's rule, written again here by names, to check it)."""
    table = read_clusters(path)
    placed = {key(name) for o in ag.load().organizations() if is_asian_code(o.country) for name in names_of(o)}
    names = table.names()
    return [(r, f"Name={r.cluster}" if names[r.cluster] == 1 else f"Name={r.cluster}, line {r.line}")
            for r in table.rows if is_asian_code(r.country_code)
            or (not r.country and any(key(o) in placed for o in r.owners))]


def hardware_rows_in_scope(path: Path) -> list[tuple[Any, str]]:
    """(row, locator) of the ML hardware rows in scope: an Asian maker (the importer's list, or placed in Asia by the
    data folder), a chip a model or cluster of the graph names, or a model of the graph in its ML models cell
    (the importer's rule, written again here by names)."""
    from asiaai_graph.importers.hardware_records import ASIAN_MAKERS

    kg = ag.load()
    placed = {key(name) for o in kg.organizations() if is_asian_code(o.country) for name in names_of(o)}
    named = {c for m in kg.models() for c in m.training_hardware} | {c.chip for x in kg.clusters() for c in x.chips}
    chip_names = {key(n) for c in named for n in names_of(kg[c])}
    models = {c.locator[len("Model="):] for m in kg.models() for c in m.sources
              if c.source.startswith("epoch-") and c.locator and c.locator.startswith("Model=")}
    return [(r, f"Hardware name={r.hardware}") for r in read_hardware(path).rows
            if (r.manufacturer and (r.manufacturer in ASIAN_MAKERS or key(r.manufacturer) in placed))
            or key(r.hardware) in chip_names or set(r.ml_models) & models]
MODEL_JOBS = [job for job in JOBS if job["importer"] != "ror"]  # ROR's rows in scope are what the others hold


@needs_datasets
@pytest.mark.parametrize("job", MODEL_JOBS, ids=[job["output"] for job in MODEL_JOBS])
def test_every_row_in_scope_is_imported_or_excluded(job: dict[str, Any], imports: dict[str, ImportResult],
                                                     tables: MatchingTables) -> None:
    result = imports[job["output"]]
    cited, excluded = _cited(result, ROW_KINDS.get(job["importer"], "model")), _excluded(tables, result.source.id)
    rows, unreadable = rows_in_scope(job)
    left_out = [line for line, _, excluding in rows if any(loc in excluded for loc in excluding)]
    imported = [line for line, citing, _ in rows if all(loc in cited or loc in excluded for loc in citing)]
    missing = sorted({line for line, _, _ in rows} - set(left_out) - set(imported))
    assert not missing, f"{job['file']}: rows neither imported nor in exclusions.tsv, at lines {missing[:20]}"
    assert set(unreadable) <= excluded, f"{job['file']}: unreadable rows not in exclusions.tsv"
    print(f"{job['output']}: {len(rows)} rows in scope: {len(set(imported) - set(left_out))} imported, "
          f"{len(left_out)} excluded; {len(unreadable)} unreadable rows, excluded")
    if result.sha256 in IN_SCOPE:
        assert len(rows) == IN_SCOPE[result.sha256]


@needs_datasets
def test_every_exclusion_names_a_row_of_its_dataset(imports: dict[str, ImportResult], tables: MatchingTables) -> None:
    known: dict[str, set[str]] = {}
    for job in JOBS:
        result = imports[job["output"]]
        path = DATASETS / job["file"]
        if job["importer"] == "epoch":
            table = read_epoch(path, skip_bad_rows=True)
            names = {f"Model={r.model}" for r in table.rows} | {f"line {r.line}" for r in table.rows}
            names |= {f"line {p.line}" for p in table.problems}
        elif job["importer"] == "llm-jp":
            names = {f"{r.heading}: {r.name}" for r in read_llmjp(path).rows}
        elif job["importer"] == "epoch-clusters":
            clusters = read_clusters(path)
            names = {f"Name={r.cluster}" for r in clusters.rows} | {f"line {r.line}" for r in clusters.rows}
            names |= {f"Name={r.cluster}, line {r.line}" for r in clusters.rows}
        elif job["importer"] == "epoch-hardware":
            names = {f"Hardware name={r.hardware}" for r in read_hardware(path).rows}
        elif job["importer"] == "ror":
            names = {f"https://ror.org/{r.ror}" for r in read_ror(path)}
        else:
            names = {f"序号={r.number}, 大模型={m.name}" for r in read_china_llms(path).rows for m in r.models}
        known[result.source.id] = names
    stale = [(e.dataset, e.locator) for e in tables.exclusions if e.locator not in known.get(e.dataset, set())]
    assert not stale, f"exclusions.tsv rows that name no row: {stale}"


# --- the tables are all in use ---------------------------------------------------------------------


@needs_datasets
def test_every_matching_row_is_used_by_an_import(imports: dict[str, ImportResult], tables: MatchingTables) -> None:
    used = set().union(*(result.table_entries_used for result in imports.values()))
    stale = sorted(entry for entry in tables.names if entry not in used)
    assert not stale, f"matching.tsv rows that no import uses (kind, dataset, name key): {stale}"


@needs_datasets
def test_every_distinct_id_is_a_record(curated: list[Record], imports: dict[str, ImportResult],
                                       tables: MatchingTables) -> None:
    ids = {r.id for r in merged(curated, imports.values())}
    missing = sorted(i for pair in tables.distinct for i in pair if i not in ids)
    assert not missing, f"distinct.tsv names ids that are no record: {missing}"


# --- what a user sees ------------------------------------------------------------------------------


@needs_datasets
def test_korean_llm_builders_through_the_cli(tmp_path: Path, imports: dict[str, ImportResult]) -> None:
    for path in curated_files(DATA):
        (tmp_path / path.relative_to(DATA)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, tmp_path / path.relative_to(DATA))
    for result in imports.values():
        write_import(result, tmp_path / "datasets")
    out = io.StringIO()
    assert main(["llm-builders", "--country", "KR", "--json", "--no-curated", "--data", str(tmp_path)], out=out) == 0
    builders = {o["id"]: o for o in json.loads(out.getvalue())}
    expected = {"lg-ai-research", "upstage", "kt", "sk-telecom", "kakao", "ncsoft", "samsung-electronics", "naver"}
    assert expected <= set(builders), sorted(expected - set(builders))
    assert "exaone-3-0" in builders["lg-ai-research"]["llms"]
    assert all(o["country"] == "KR" for o in builders.values())
