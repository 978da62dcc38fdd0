"""One record per entity, and ids that never break: data/moved.tsv, merged splits, and old ids that still work."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.cli import main
from asiaai_graph.datafiles.moved import MOVED_FILE, read_moved
from asiaai_graph.loading.loader import curated_data_dir
from asiaai_graph.utils.errors import DataError, MovedIdWarning

from conftest import ROOT


@pytest.fixture(scope="module")
def kg() -> ag.KnowledgeGraph:
    return ag.load()


def moved_note(call) -> tuple[object, list[str]]:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = call()
    return value, [str(w.message) for w in caught if issubclass(w.category, MovedIdWarning)]


# --- the table -----------------------------------------------------------------------------------------


def test_every_old_id_names_a_record_and_is_none_itself(kg: ag.KnowledgeGraph) -> None:
    table = read_moved(curated_data_dir() / MOVED_FILE)
    assert len(table) >= 50
    assert not [old for old in table if old in kg], "an old id is a record again: remove it from moved.tsv"
    assert not [new for new, _ in table.values() if new not in kg], "moved.tsv points at ids that are no records"
    assert kg.moved() == table


def test_the_table_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "moved.tsv"
    bad.write_text("old_id\tnew_id\treason\na\tb\tmerged\nb\ta\tmerged back\nc\tNot An Id\tx\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_moved(bad)
    messages = " ".join(p.message for p in info.value.problems)
    assert "cycle" in messages and "two ids and a reason" in messages
    chained = tmp_path / "chained.tsv"
    chained.write_text("old_id\tnew_id\treason\na\tb\tmerged\nb\tc\trenamed\n", encoding="utf-8")
    assert read_moved(chained)["a"] == ("c", "merged; then renamed")


# --- old ids keep working ------------------------------------------------------------------------------


def test_an_old_id_finds_the_new_record_with_a_note(kg: ag.KnowledgeGraph) -> None:
    record, said = moved_note(lambda: kg["zhong-xing-tong-xun"])
    assert record.id == "zte" and said and "'zhong-xing-tong-xun' is now 'zte'" in said[0]  # type: ignore[attr-defined]
    assert "zhong-xing-tong-xun" not in kg
    with pytest.warns(MovedIdWarning):
        assert kg.get("ma-yi-ji-tuan").id == "ant-group"  # type: ignore[union-attr]
    found, said = moved_note(lambda: [m.id for m in kg.models(developer="vivo-ai-lab")])
    assert "bluelm-7b" in found and said  # type: ignore[operator]
    with pytest.warns(MovedIdWarning):
        assert kg.resolve("wen-xin-yi-yan") == "ernie"


def test_the_cli_resolves_an_old_id_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["show", "zhong-xing-tong-xun", "--json"], out=out) == 0
    assert '"id": "zte"' in out.getvalue()
    assert "note: 'zhong-xing-tong-xun' is now 'zte'" in capsys.readouterr().err


def test_a_reference_to_an_old_id_in_yaml_is_read_as_the_new_id(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "sources:\n- id: my-note\n  title: My note\n  kind: report\n  language: en\n"
        "models:\n- id: my-model\n  name: My model\n  kind: llm\n  developers: [zhong-xing-tong-xun]\n"
        "  sources:\n  - {source: my-note, fields: [developers]}\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kg = ag.load(mine, cache=False)
    assert kg["my-model"].developers == ("zte",)  # type: ignore[attr-defined]
    assert any("zhong-xing-tong-xun" in str(w.message) for w in caught if issubclass(w.category, MovedIdWarning))


def test_the_rdf_export_states_old_iris_as_the_new(kg: ag.KnowledgeGraph) -> None:
    from asiaai_graph.rdf.export import blocks

    base = "https://w3id.org/asiaai-graph/id/"
    found = dict(blocks(kg))
    same_as = "http://www.w3.org/2002/07/owl#sameAs"
    assert found[base + "zhong-xing-tong-xun"] == [(same_as, base + "zte")]
    assert (same_as, "https://ror.org/00rjhhq63") in found[base + "zte"]
    assert (same_as, "http://www.wikidata.org/entity/Q136484") in found[base + "zte"]


# --- splits merged -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("rid", "names"), [
    ("ant-group", {"Ant Group", "蚂蚁集团"}),
    ("forschungszentrum-julich", {"Forschungszentrum Jülich", "Forschungszentrum Julich", "Research Center Juelich"}),
    ("shanghai-ai-lab", {"上海人工智能实验室", "上海市人工智能实验室"}),
    ("meta", {"Meta", "Facebook"}),
    ("vivo", {"vivo", "VIVO", "vivo AI lab"}),
    ("university-of-california-davis", {"University of California Davis", "UC Davis"}),
    ("zhejiang-lab", {"Zhejiang Lab", "Zhijiang Lab"}),
    ("ernie", {"文心一言", "文心大模型"}),
])
def test_one_entity_is_one_record(kg: ag.KnowledgeGraph, rid: str, names: set[str]) -> None:
    assert names <= set(kg[rid].names())  # type: ignore[attr-defined]


def test_names_people_use(kg: ag.KnowledgeGraph) -> None:
    # ROR's English names replace pinyin; the pinyin stays findable
    for rid, name in [("zte", "ZTE"), ("xiamen-university", "Xiamen University"), ("cloudwalk", "Cloudwalk"),
                      ("epfl", "Ecole Polytechnique Fédérale de Lausanne")]:
        assert kg[rid].name == name
    assert kg.search("Zhong Xing Tong Xun", limit=1)[0].id == "zte"
    # Chinese cities are written as English writes them
    assert kg["hangzhou"].name == "Hangzhou" and kg["harbin"].name == "Harbin" and kg["xian"].name == "Xi'an"


def test_no_id_ends_in_a_digest_and_none_is_mangled(kg: ag.KnowledgeGraph) -> None:
    import re

    assert not [i for i in kg if re.search(r"-[0-9a-f]{6}$", i) and len(i) > 40]
    assert not [i for i in kg if re.search(r"-[a-z]-[a-z]{2}-", i) and "f-ed-erale" in i]


def test_successors_and_parents_are_relations(kg: ag.KnowledgeGraph) -> None:
    assert kg["institute-of-computing-technology"].parent == "chinese-academy-of-sciences"  # type: ignore[attr-defined]
    assert ("institute-of-computing-technology", "subsidiary_of", "chinese-academy-of-sciences") in \
        [e[:3] for e in kg.edges()]
    schema = (ROOT / "asiaai_graph" / "rdf" / "ontology.ttl").read_text(encoding="utf-8")
    assert "aag:succeededBy" in schema
