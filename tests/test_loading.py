"""Loading: user files beside the curated data, cross-file references, and the snapshot cache."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

import asiaai_graph as ag
from asiaai_graph.datafiles import read as yamlread
from asiaai_graph.loading.snapshot import SnapshotWarning

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
    # without the curated data, CN comes from the ISO reference table (issue 22), and nothing else does
    own = ag.load(tmp_path, curated=False, cache=False)
    assert own["CN"].name == "China" and "deepseek-v3" not in own and len(own.records("country")) == 1


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


# --- issue 10, class 5: a snapshot cache that cannot lie ---------------------------------------------------


def _one_snapshot(cache_dir: Path) -> Path:
    (snapshot,) = cache_dir.glob("*.snapshot")
    return snapshot


@pytest.mark.parametrize("where", [0.0, 0.25, 0.5, 0.9, -1])
def test_one_changed_byte_anywhere_is_detected(cache_dir: Path, where: float) -> None:
    fresh = ag.load(SAMPLE, curated=False)
    snapshot = _one_snapshot(cache_dir)
    data = bytearray(snapshot.read_bytes())
    at = int(len(data) * where) if where >= 0 else len(data) - 1  # the magic, the records, the state, the digest
    data[at] ^= 0x01
    snapshot.write_bytes(bytes(data))
    with pytest.warns(SnapshotWarning, match=f"ignoring the snapshot {snapshot}"):
        again = ag.load(SAMPLE, curated=False)
    assert again == fresh and list(again.items()) == list(fresh.items())
    assert _one_snapshot(cache_dir).read_bytes() != bytes(data)  # replaced by a good one


def _write_raw(path: Path, chunks: list[object], encoded: object, trailer: object) -> None:
    """A snapshot with a valid digest and whatever content (what a bug or a crafted file could hold)."""
    import hashlib

    from asiaai_graph.loading import snapshot

    body = b"".join(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in [*chunks, None, encoded, trailer])
    path.write_bytes(snapshot._MAGIC + body + hashlib.sha256(body).digest())


@pytest.mark.parametrize("damage", ["ids", "types", "edges", "attrs", "index", "names", "records", "trailer"])
def test_a_well_formed_snapshot_of_the_wrong_shape_is_refused(cache_dir: Path, damage: str) -> None:
    from asiaai_graph.loading import snapshot

    fresh = ag.load(SAMPLE, curated=False)
    path = _one_snapshot(cache_dir)
    encoded = snapshot._encode(fresh.state())
    chunks: list[object] = [list(c) for c in fresh.record_json()]
    trailer: object = {"key": path.stem, "records": len(fresh)}
    if damage == "ids":
        encoded["ids"] = [*encoded["ids"][:-1], encoded["ids"][0]]
    elif damage == "types":
        encoded["types"] = b"\xff" * len(encoded["types"])
    elif damage == "edges":
        encoded["edges"][2] = b"\xff\xff\xff\x00" + encoded["edges"][2][4:]
    elif damage == "attrs":
        encoded["attrs"] = {0: (("lead", ["a list"]),)}
    elif damage == "index":
        encoded["index"] = {"organization": [(["not", "a", "tuple"], b"")]}
    elif damage == "names":
        encoded["names"] = [["a list"], *encoded["names"][1:]]
    elif damage == "records":
        chunks = [[("deepseek", "not bytes")]]
    else:
        trailer = {"key": "another key", "records": len(fresh)}
    _write_raw(path, chunks, encoded, trailer)
    with pytest.warns(SnapshotWarning) as warned:
        again = ag.load(SAMPLE, curated=False)
    message = str(warned[0].message)
    assert "digest" not in message and "truncated" not in message, message  # the digest held: the shape did not
    assert again == fresh


def test_a_snapshot_is_keyed_by_the_bytes_that_were_parsed(tmp_path: Path, cache_dir: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    entities = data / "entities.yaml"
    before = entities.read_text(encoding="utf-8")
    after = before.replace("name: DeepSeek\n", "name: DeepSeek AI\n")
    original = yamlread.Reader.add_file

    def edit_then_read(self: yamlread.Reader, path: Path) -> None:
        if path.name == "entities.yaml":  # an edit between the key's read and the parse
            entities.write_text(after, encoding="utf-8")
        original(self, path)

    monkeypatch.setattr(yamlread.Reader, "add_file", edit_then_read)
    assert ag.load(data, curated=False)["deepseek"].label == "DeepSeek AI"
    monkeypatch.setattr(yamlread.Reader, "add_file", original)
    monkeypatch.setattr(yamlread, "parse_yaml", lambda *a, **k: pytest.fail("parsed although cached"))
    assert ag.load(data, curated=False)["deepseek"].label == "DeepSeek AI"  # the new content's key: a hit
    entities.write_text(before, encoding="utf-8")
    monkeypatch.undo()
    assert ag.load(data, curated=False)["deepseek"].label == "DeepSeek"  # the old content was never cached


def test_the_size_limit_holds_on_a_cache_hit(cache_dir: Path) -> None:
    ag.load(SAMPLE, curated=False)
    with pytest.raises(ag.DataError, match="over the limit of 100 bytes"):
        ag.load(SAMPLE, curated=False, max_file_size=100)


def test_a_snapshot_over_its_size_limit_is_refused(cache_dir: Path) -> None:
    from asiaai_graph.loading import snapshot

    kg = ag.load(SAMPLE, curated=False)
    key = _one_snapshot(cache_dir).stem
    with pytest.warns(SnapshotWarning, match="over the limit of 1000 bytes"):
        assert snapshot.read_snapshot(cache_dir, key, max_size=1000) is None
    assert len(kg) == 16


def test_writing_is_atomic_and_leaves_nothing_behind(tmp_path: Path, cache_dir: Path) -> None:
    import os
    import time

    cache_dir.mkdir()
    stale = cache_dir / ".left-by-a-killed-process.tmp"
    young = cache_dir / ".being-written-right-now.tmp"
    for f in (stale, young):
        f.write_bytes(b"half a snapshot")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    (cache_dir / ("0" * 64 + ".pickle")).write_bytes(b"an older format")
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources: [", encoding="utf-8")
    with pytest.raises(ag.DataError):  # a failed load leaves no temporary file and no snapshot
        ag.load([SAMPLE, bad], curated=False)
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted([stale.name, young.name, "0" * 64 + ".pickle"])
    ag.load(SAMPLE, curated=False)
    names = sorted(p.name for p in cache_dir.iterdir())
    assert young.name in names and stale.name not in names and not any(n.endswith(".pickle") for n in names)
    assert len([n for n in names if n.endswith(".snapshot")]) == 1


def test_a_read_only_cache_folder_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv("ASIAAI_GRAPH_CACHE_DIR", str(folder))
    try:
        assert len(ag.load(SAMPLE, curated=False)) == 16
    finally:
        folder.chmod(0o700)


def test_reading_a_snapshot_imports_no_yaml_parser_nor_platformdirs(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "ASIAAI_GRAPH_CACHE_DIR": str(tmp_path)}
    code = ("import sys, asiaai_graph as ag; kg = ag.load({p!r}, curated=False); "
            "print(sorted(m for m in ('yaml', 'platformdirs', 'pydantic') if m in sys.modules)); "
            "print(kg['deepseek'].name)").format(p=str(SAMPLE))
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)  # writes the snapshot
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout
    imported, name = out.splitlines()
    assert "yaml" not in imported and "platformdirs" not in imported
    assert name == "DeepSeek"


@pytest.mark.parametrize("curated", [True, False])
def test_the_streamed_first_load_builds_the_same_graph_as_the_records(curated: bool, cache_dir: Path) -> None:
    """A first load indexes slim copies of the records (yamlread.INDEX_FIELDS): the same state as the records give."""
    from asiaai_graph.loading.loader import curated_data_dir, load_records

    paths = [curated_data_dir()] if curated else [SAMPLE]
    whole = ag.KnowledgeGraph(load_records(paths))
    for kg in (ag.load(SAMPLE if not curated else None, curated=curated, cache=False),
               ag.load(SAMPLE if not curated else None, curated=curated)):
        assert kg.state() == whole.state()
        assert list(kg.items()) == list(whole.items())
