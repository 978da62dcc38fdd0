"""What a new user met in the first hour (issue 22): one test, or a few, per wall.

Wall 8 (typed numbers in RDF and SPARQL) belongs to the RDF tests of issue 21.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


# --- wall 5: organizations by acronym and short name ------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ("G42", "g42"),                             # its name, not the model GR-2 one edit away
    ("Inception", "inception-g42"),             # a word of its name
    ("tii", "technology-innovation-institute"),  # the initials of its name
    ("MBZUAI", "mbzuai"),                       # the acronym in parentheses
    ("kaist", "kaist"),
])
def test_acronyms_and_short_names_rank_first(kg: ag.KnowledgeGraph, query: str, expected: str) -> None:
    assert kg.search(query)[0].id == expected


def test_a_common_word_is_no_short_name(kg: ag.KnowledgeGraph) -> None:
    # "Institute" is in many organizations' names: it finds them as part of a name, not as a short name
    from asiaai_graph.graph.search import short_names

    names = {"a": ("Alpha Institute",), "b": ("Beta Institute",), "c": ("Gamma Institute",),
             "d": ("Delta Institute",), "m": ("MediaTek Inc.",), "x": ("Med AI Technology",)}
    short = short_names(names, dict.fromkeys(names, "organization"))
    assert "Institute" not in short["a"] and "Alpha" in short["a"]
    from asiaai_graph.graph.search import NameIndex

    assert NameIndex(names, short).search("mediatek")[0] == "m"


# --- wall 7: short, readable repr and str ----------------------------------------------------------


def test_a_record_reads_in_one_short_line(kg: ag.KnowledgeGraph) -> None:
    record = kg["deepseek-v3"]
    assert repr(record) == str(record) == \
        "<AIModel deepseek-v3 'DeepSeek-V3' kind=llm developers=[deepseek] parameters=671,000,000,000>"
    assert max(len(repr(r)) for r in kg.records()) < 260  # was 4,700 for one model
    assert len(repr(kg.neighbors("naver"))) < 260 * len(kg.neighbors("naver"))


def test_a_quantity_reads_as_describe_prints_it(kg: ag.KnowledgeGraph) -> None:
    q = kg["deepseek-v3"].active_parameters
    assert str(q) == q.describe() == "≈ 37,000,000,000"
    assert repr(q) == "<Quantity ≈ 37,000,000,000>"
    money = kg["deepseek-v3"].training_cost
    assert str(money) == money.describe() and repr(money).startswith("<Money 5,580,000 USD")


def test_huge_figures_read_in_exact_scientific_notation(kg: ag.KnowledgeGraph) -> None:
    compute = kg["deepseek-v3"].training_compute
    assert compute.value == 3407800000000000000000000 and compute.describe().startswith("3.4078e+24 FLOP")


def test_frames_show_huge_figures_in_scientific_notation(kg: ag.KnowledgeGraph) -> None:
    pytest.importorskip("pandas")
    df = kg.to_frame("model").set_index("id")
    shown = df.loc[["deepseek-v3"], ["training_compute"]].to_string()
    assert "3.407800e+24" in shown and "3407799999" not in shown
    assert df.loc["deepseek-v3", "training_compute"] == float(kg["deepseek-v3"].training_compute.value)


# --- wall 12: odd values shown as facts --------------------------------------------------------------


def test_units_read_as_words(kg: ag.KnowledgeGraph) -> None:
    assert kg["deepseek-v3"].training_duration.describe() == "2 months"
    assert ag.Quantity.model_validate({"value": 1, "unit": "month"}).describe() == "1 month"
    # Epoch's gradients are a measure of their own (issue 18), not a training set's size in some unit
    assert not [m.id for m in kg.models() if m.training_dataset_size and m.training_dataset_size.unit == "gradients"]
    assert any(m.training_gradients for m in kg.models())
    code, text = run("show", "deepseek-v3")
    assert code == 0 and "2 months" in text and "2 month " not in text


# --- wall 10: import says which version it wrote ------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "datasets"


def test_import_without_a_version_is_refused_when_the_file_has_none(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    args = ("import", "china-llms", str(FIXTURES / "china_broken_rows.zh.md"), "-o", str(tmp_path), "--skip-bad-rows")
    code, _ = run(*args)
    assert code == 1 and "--version" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())  # nothing written with version: ''
    code, text = run(*args, "--version", "2024-11-30 (commit f2a1119)")
    assert code == 0 and "dataset version: 2024-11-30 (commit f2a1119) (as given by --version)" in text
    assert "version: 2024-11-30 (commit f2a1119)" in (tmp_path / "awesome-llms-in-china.yaml").read_text()


def test_import_reads_the_version_an_epoch_file_states(tmp_path: Path) -> None:
    code, text = run("import", "epoch", str(FIXTURES / "epoch_bad_rows.csv"), "-o", str(tmp_path), "--skip-bad-rows")
    assert code == 0 and "(read from the file)" in text


# --- wall 2: diff of two YAML files that name countries and curated records --------------------------

ORG = """organizations:
- id: my-lab
  name: My Lab
  kind: research_lab
  country: KR
  parent: naver
  sources:
  - source: my-notes
    fields: [country{extra}]
sources:
- id: my-notes
  title: My notes
  kind: report
  language: en
"""


def test_diff_of_two_yaml_files_that_name_countries(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(ORG.format(extra=""), encoding="utf-8")
    new.write_text(ORG.format(extra=", parent").replace("kind: research_lab", "kind: company"), encoding="utf-8")
    code, text = run("diff", str(old), str(new))
    assert code == 0 and "unknown id" not in text
    assert "my-lab" in text and "kind" in text and "company" in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(ORG.format(extra="").replace("kind: research_lab", "kind: lab"), encoding="utf-8")
    assert run("diff", str(old), str(bad))[0] == 1  # a schema error is still one


# --- wall 1: every problem of every kind in one run ------------------------------------------------

MIXED = """sources:
- id: my-src
  title: My notes
  kind: report
  language: en
organizations:
- id: my-lab
  name: My Lab
  kind: lab
  country: KRR
  sources:
  - source: nope-src
    fields: []
- id: my-lab
  name: My Lab again
  kind: research_lab
  country: KR
  sources:
  - source: my-src
    fields: []
models:
- id: my-model
  name: My Model
  kind: llm
  developers: [ghost-org]
  parameters: lots
  sources:
  - source: my-src
    fields: [developers]
"""


@pytest.mark.parametrize("curated", [True, False])
def test_schema_and_reference_problems_come_in_one_run(tmp_path: Path, curated: bool) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text(MIXED, encoding="utf-8")
    with pytest.raises(ag.DataError) as err:
        ag.load(path, curated=curated, cache=False)
    found = {(p.line, p.record, p.field): p.message for p in err.value.problems}
    assert found[(9, "my-lab", "kind")].startswith("Input should be")           # schema
    assert found[(10, "my-lab", "country")] == "unknown id 'KRR'"              # reference in the same record
    assert found[(12, "my-lab", "sources[0].source")] == "unknown source id 'nope-src'"
    assert found[(7, "my-lab", "id")].startswith("duplicate id 'my-lab'")
    assert found[(25, "my-model", "developers[0]")] == "unknown id 'ghost-org'"  # never reported before
    assert found[(26, "my-model", "parameters")]
    assert all(p.file and p.file.endswith("mixed.yaml") for p in err.value.problems)


# --- wall 3: countries without the curated records ------------------------------------------------------
# (more in tests/test_reference_tables.py)


def test_own_graph_with_country_kr(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(ORG.format(extra="").replace("  parent: naver\n", ""), encoding="utf-8")
    kg = ag.load(tmp_path / "mine.yaml", curated=False, cache=False)
    assert kg["my-lab"].country == "KR" and kg["KR"].name == "South Korea"  # type: ignore[attr-defined]
    code, text = run("validate", "--no-curated", str(tmp_path / "mine.yaml"))
    assert code == 0 and "valid" in text


# --- wall 4: an overlay corrects and extends curated records ------------------------------------------------

OVERLAY = """overlay: my corrections to the curated data
sources:
- id: my-notes
  title: My notes
  kind: report
  language: en
organizations:
- id: lg-ai-research
  labels: {ko: LG AI연구원}
  sources:
  - source: my-notes
    fields: []
models:
- id: deepseek-v3
  parameters: 672000000000
  sources:
  - source: my-notes
    fields: [parameters]
    quote: "672B"
"""


def test_an_overlay_extends_and_corrects_with_its_own_sources(tmp_path: Path) -> None:
    path = tmp_path / "fixes.yaml"
    path.write_text(OVERLAY, encoding="utf-8")
    kg = ag.load(path, cache=False)
    assert kg["lg-ai-research"].label_in("ko") == "LG AI연구원"
    model = kg["deepseek-v3"]
    assert model.parameters.value == 672000000000  # type: ignore[attr-defined]
    (dispute,) = [d for d in model.disputes if d.field == "parameters"]  # type: ignore[attr-defined]
    assert [v.value for v in dispute.values] == [{"value": "672000000000"}, {"value": "671000000000"}]
    assert dispute.values[0].sources == ("my-notes",) and "bespick-2025" in dispute.values[1].sources
    assert "fixes.yaml" in dispute.reason
    first = kg.sources_of("deepseek-v3", field="parameters")[0]
    assert (first.source.id, first.kept, first.value.value) == ("my-notes", True, 672000000000)
    assert kg["deepseek-v3"].training_duration.describe() == "2 months"  # type: ignore[attr-defined]  # the rest kept
    code, text = run("show", "deepseek-v3", "--data", str(path))
    assert code == 0 and "672,000,000,000 [my-notes" in text and "Disputes:" in text
    assert kg == ag.load(path)  # through the snapshot cache too


def test_an_overlay_must_cite_what_it_changes_and_name_a_record(tmp_path: Path) -> None:
    path = tmp_path / "fixes.yaml"
    path.write_text(OVERLAY.replace("    fields: [parameters]", "    fields: [released]")
                    .replace("- id: lg-ai-research", "- id: lg-ai-reserch"), encoding="utf-8")
    with pytest.raises(ag.DataError) as err:
        ag.load(path, cache=False)
    found = {(p.line, p.record, p.field): p.message for p in err.value.problems}
    assert "none of its citations states it" in found[(15, "deepseek-v3", "parameters")]
    assert "no record has this id" in found[(8, "lg-ai-reserch", "id")]


# --- wall 6: regions, places, years and sorting --------------------------------------------------------


def test_llm_builders_are_asian_unless_asked(kg: ag.KnowledgeGraph) -> None:
    import json

    from asiaai_graph.schema.regions import ASIA

    code, text = run("llm-builders", "--json")
    countries = {o.get("country") for o in json.loads(text)}
    assert code == 0 and countries <= ASIA and "KR" in countries
    code, text = run("llm-builders", "--json", "--region", "all")
    assert "US" in {o.get("country") for o in json.loads(text)}
    code, text = run("llm-builders", "--json", "--region", "the Gulf")
    assert {o["id"] for o in json.loads(text)} >= {"technology-innovation-institute", "inception-g42"}
    assert {o.id for o in kg.llm_builders(region="Gulf")} == {o["id"] for o in json.loads(text)}


@pytest.mark.parametrize(("region", "inside", "outside"), [
    ("East Asia", "KR", "IN"), ("Southeast Asia", "SG", "CN"), ("South Asia", "IN", "JP"),
    ("Central Asia", "KZ", "CN"), ("Western Asia", "IL", "IN"), ("the Gulf", "AE", "IL"), ("all of Asia", "TW", "US"),
])
def test_regions_are_named_groups_of_countries(region: str, inside: str, outside: str) -> None:
    from asiaai_graph.schema.regions import region_codes

    assert inside in region_codes(region) and outside not in region_codes(region)


def test_a_place_finds_its_organizations_and_a_country_filter_names_its_country(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run("list", "organization", "--place", "Hong Kong")
    assert code == 0 and "chinese-university-of-hong-kong-cuhk" in text and "sensetime" in text
    assert "baidu" not in text
    assert run("list", "organization", "--place", "Beijing")[1].count("\n") > 20
    code, _ = run("list", "organization", "--country", "Hong Kong")
    err = capsys.readouterr().err
    assert code == 2 and "a place in CN (China)" in err and "--place 'Hong Kong'" in err


def test_year_and_sort_on_the_command_line(kg: ag.KnowledgeGraph) -> None:
    import json

    code, text = run("list", "model", "--year", "2024", "--sort", "training_compute", "--limit", "5", "--json")
    rows = json.loads(text)
    assert code == 0 and len(rows) == 5 and all(r["released"].startswith("2024") for r in rows)
    compute = [kg[r["id"]].training_compute.value for r in rows]  # type: ignore[attr-defined]
    assert compute == sorted(compute, reverse=True)
    best = max((m for m in kg.records("model") if getattr(m, "training_compute", None)
                and str(m.released).startswith("2024")), key=lambda m: m.training_compute.value)
    assert rows[0]["id"] == best.id
    code, text = run("list", "model", "--sort", "training_compute", "--limit", "3")
    assert "TRAINING_COMPUTE" in text and "e+2" in text


# --- wall 9: --lang for headers, record types and kinds ------------------------------------------------


@pytest.mark.parametrize(("lang", "name", "type_", "kind"), [
    ("ko", "이름", "기관", "기업"), ("zh", "名称", "机构", "公司"), ("ja", "名前", "組織", "企業"),
])
def test_lang_translates_tables_types_and_kinds(lang: str, name: str, type_: str, kind: str) -> None:
    code, text = run("list", "organization", "--country", "CN", "--kind", "company", "--lang", lang, "--limit", "3")
    header = text.splitlines()[0]
    assert code == 0 and name in header and "NAME" not in header and "DETAILS" not in header
    assert f"  {type_}  " in text and kind in text and " company" not in text
    code, text = run("show", "baidu", "--lang", lang)
    assert code == 0 and f"({type_} baidu)" in text and kind in text and "RELATION" not in text
    code, text = run("stats", "--lang", lang)
    assert type_ in text and "organization" not in text


def test_epoch_placeholder_dates_keep_the_precision_the_file_states(kg: ag.KnowledgeGraph) -> None:
    from asiaai_graph.importers.epoch_cells import _date

    assert [str(_date(c)) for c in ("2024-10-11", "2024-10-01", "2024-01-01")] == ["2024-10-11", "2024-10", "2024"]
    kimi = kg["kimi-explorer"]  # Epoch: 2024-01-01, a placeholder (its own link is an article of 2024-10)
    assert str(kimi.released) == "2024" and kimi.released.precision == "year"  # type: ignore[attr-defined]
    code, text = run("show", "kimi-explorer")
    assert "2024-01-01" not in text


# --- wall 11: pictures without overlapping labels ---------------------------------------------------------


@pytest.mark.parametrize("target", ["KR", "CN", "lg-ai-research", "deepseek", "naver"])
def test_draw_places_every_label_clear_of_the_others(kg: ag.KnowledgeGraph, target: str) -> None:
    pytest.importorskip("matplotlib")
    from asiaai_graph.views.draw import figure
    from asiaai_graph.views.labels import boxes_overlap

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = figure(kg, target)
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    texts = [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
    boxes = [tuple(t.get_window_extent(renderer).extents) for t in texts]
    crossing = [(texts[i].get_text(), texts[j].get_text()) for i in range(len(boxes)) for j in range(i)
                if boxes_overlap(boxes[i], boxes[j])]
    assert not crossing
    discs = [tuple(c.get_window_extent(renderer).extents) for c in ax.collections]
    over_disc = [t.get_text() for t, b in zip(texts, boxes) if any(boxes_overlap(b, d) for d in discs)]
    assert not over_disc
    assert sum(1 for t in ax.texts if not t.get_visible()) <= len(ax.texts) // 4  # most names are kept


# --- the second newcomer review (issue 22): what the first round left ------------------------------------


def test_year_finds_a_policy_by_any_step_of_its_lifecycle() -> None:
    """Policies lost ``announced`` to the lifecycle, and --year read it: every year listed nothing."""
    import json

    code, text = run("list", "policy", "--country", "KR", "--year", "2024", "--json")
    ids = {r["id"] for r in json.loads(text)}
    assert code == 0 and "kr-ai-basic-act" in ids  # passed 2024-12-26, proposed in 2020, in force 2026
    code, text = run("list", "policy", "--country", "KR", "--year", "2026", "--json")
    assert "kr-ai-basic-act" in {r["id"] for r in json.loads(text)}


def test_a_summarised_picture_keeps_the_latest_policies_by_their_dates(kg: ag.KnowledgeGraph) -> None:
    from asiaai_graph.views.subgraphs import ecosystem, summarise

    ids = ecosystem(kg, "KR")
    summary = summarise(kg, ids, "KR")
    policies = [kg[i] for i in ids if kg[i].record_type == "policy"]
    first = {p.id: min((e.date for e in p.lifecycle), default=None) for p in policies}  # type: ignore[attr-defined]
    kept = {i for i in summary.ids if i in first}
    assert len(kept) == 8 and summary.others["policy"] == (8, len(policies))
    dated = sorted((d.year, d.month or 0, d.day or 0) for d in first.values() if d is not None)
    assert min((first[i].year, first[i].month or 0, first[i].day or 0) for i in kept) >= dated[-8]  # type: ignore[union-attr]


def test_amounts_sort_within_the_currency_the_user_names(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, _ = run("list", "investment", "--sort", "amount")
    assert code != 0 and "add --currency" in capsys.readouterr().err
    code, text = run("list", "investment", "--currency", "usd", "--sort", "amount", "--limit", "5", "--json")
    rows = json.loads(text)
    amounts = [float(r["amount"]["amount"]) for r in rows]
    assert code == 0 and len(rows) == 5 and {r["amount"]["currency"] for r in rows} == {"USD"}
    assert amounts == sorted(amounts, reverse=True)


def test_compute_shows_whole_h100s_and_json_keeps_the_dataset_values() -> None:
    import json
    import re

    code, text = run("compute", "JP", "--on", "2025-06-30")
    first = text.splitlines()[0]
    assert code == 0 and re.search(r": [\d,]+ H100 equivalents from \d+ clusters", first), first
    assert not re.search(r"\d\.\d{4,}", text)  # no estimate written to ten digits
    code, text = run("compute", "JP", "--on", "2025-06-30", "--json")
    assert "." in json.loads(text)["h100_equivalents"]


def test_lang_ko_translates_policy_and_money_tables_steps_and_disputes() -> None:
    code, text = run("policies", "--country", "KR", "--lang", "ko")
    assert code == 0 and "법률" in text and " law " not in text and " plan " not in text
    code, text = run("investments", "--investee", "moonshot", "--lang", "ko")
    assert code == 0 and "equity_round" not in text and "completed" not in text and "완료" in text
    code, text = run("show", "kr-ai-basic-act", "--lang", "ko")
    assert code == 0 and "국회 통과 2024-12-26" in text and "issuing_bodies" not in text and "발표 기관" in text
    code, text = run("disputes", "--lang", "ko")
    assert code == 0 and text.splitlines()[0].startswith("레코드") and not re.search(r"\d{20}", text)
