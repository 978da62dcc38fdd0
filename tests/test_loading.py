"""Loading: user files beside the curated data, cross-file references, and the snapshot cache."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph import yamlread
from asiaai_graph.snapshot import SnapshotWarning

from conftest import SAMPLE

USER_FILE = """\
organizations:
  - id: my-lab
    name: My Lab
    labels: {ko: 마이랩}
    kind: research_lab
    country: CN
    sources: [fnnews-2018-china-ai]
models:
  - id: my-llm
    name: My LLM
    kind: llm
    developers: [my-lab, baidu]
    sources: [fnnews-2018-china-ai]
"""


def test_user_files_reference_records_in_other_files(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(USER_FILE, encoding="utf-8")
    kg = ag.load([SAMPLE, tmp_path / "mine.yaml"], curated=False, cache=False)
    assert kg["my-llm"].developers == ("my-lab", "baidu")  # type: ignore[attr-defined]
    assert [o.id for o in kg.llm_builders(country="CN")] == ["baidu", "deepseek", "my-lab"]


def test_user_files_load_beside_the_curated_data(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        USER_FILE.replace("fnnews-2018-china-ai", "my-notes").replace("developers: [my-lab, baidu]", "developers: [my-lab]")
        + "sources:\n  - {id: my-notes, title: My notes, kind: website, language: en}\n",
        encoding="utf-8",
    )
    kg = ag.load(tmp_path, cache=False)
    assert "my-llm" in kg and "deepseek-v3" in kg
    with pytest.raises(ag.DataError) as info:  # without the curated data, CN is unknown
        ag.load(tmp_path, curated=False, cache=False)
    assert [(p.record, p.field, p.message) for p in info.value.problems] == [("my-lab", "country", "unknown id 'CN'")]


def test_a_file_given_twice_is_read_once() -> None:
    kg = ag.load([SAMPLE, SAMPLE / "entities.yaml"], curated=False, cache=False)
    assert len(kg) == 16


def test_an_empty_file_is_fine(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert len(ag.load(tmp_path, curated=False, cache=False)) == 0


def test_snapshot_is_reused_and_rebuilt_on_change(tmp_path: Path, cache_dir: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    first = ag.load(data, curated=False)
    assert len(list(cache_dir.glob("*.snapshot"))) == 1

    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("YAML was parsed although the snapshot is current")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlread, "parse_yaml", no_yaml)
        again = ag.load(data, curated=False)
    assert again == first
    assert again["deepseek-v3"] == first["deepseek-v3"]

    entities = data / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("name: DeepSeek\n", "name: DeepSeek AI\n"),
                        encoding="utf-8")
    changed = ag.load(data, curated=False)
    assert changed["deepseek"].label == "DeepSeek AI"
    assert len(list(cache_dir.glob("*.snapshot"))) == 2


def test_a_corrupt_snapshot_is_ignored(tmp_path: Path, cache_dir: Path) -> None:
    ag.load(SAMPLE, curated=False)
    (snapshot,) = cache_dir.glob("*.snapshot")
    snapshot.write_bytes(snapshot.read_bytes()[:100])
    with pytest.warns(SnapshotWarning, match="truncated|EOFError|Ran out"):
        assert len(ag.load(SAMPLE, curated=False)) == 16


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("code ran from a snapshot",))


def test_a_snapshot_that_would_run_code_is_refused(cache_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ag.load(SAMPLE, curated=False)
    (snapshot,) = cache_dir.glob("*.snapshot")
    magic = snapshot.read_bytes().split(b"\n", 1)[0] + b"\n"
    snapshot.write_bytes(magic + pickle.dumps([("x", _Boom())]))
    with pytest.warns(SnapshotWarning, match="plain data only"):
        kg = ag.load(SAMPLE, curated=False)  # falls back to the YAML
    assert len(kg) == 16
    assert "code ran" not in capsys.readouterr().out


def test_records_from_a_snapshot_equal_fresh_ones(cache_dir: Path) -> None:
    fresh = ag.load(SAMPLE, curated=False, cache=False)
    ag.load(SAMPLE, curated=False)
    again = ag.load(SAMPLE, curated=False)
    assert again._records == {}  # nothing materialised until asked for
    assert again.llm_builders() == fresh.llm_builders()
    assert list(again.items()) == list(fresh.items())
    assert again.edges() == fresh.edges() and again.stats() == fresh.stats()
    assert again.search("百度") == fresh.search("百度")


def test_cache_can_be_turned_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ag.load(SAMPLE, curated=False, cache=False)
    monkeypatch.setenv("ASIAAI_GRAPH_NO_CACHE", "1")
    ag.load(SAMPLE, curated=False)
    assert not cache_dir.exists()


def test_curated_snapshot_matches_the_yaml(cache_dir: Path) -> None:
    fresh = ag.load(cache=False)
    ag.load()  # writes the snapshot
    assert ag.load() == fresh
