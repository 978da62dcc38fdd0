"""The wheel carries the curated data (one source of truth: top-level data/) and a verified snapshot of it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(out)],
        cwd=ROOT, check=True, capture_output=True,
    )
    (built,) = out.glob("*.whl")
    return built


def test_wheel_contains_every_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data_files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yaml"))
    assert data_files, "no curated data found"
    for rel in data_files:
        assert f"asiaai_graph/{rel}" in names, rel
    assert "asiaai_graph/py.typed" in names
    assert not any(n.startswith("tests/") or n.startswith("data/") for n in names)


_CHECK = """
import hashlib, json, sys
import asiaai_graph as ag

def fingerprint(kg):
    h = hashlib.sha256(repr(kg.state()).encode())
    for rid in kg:
        record = kg[rid]
        h.update(type(record).__pydantic_serializer__.to_json(record))
    return h.hexdigest()

def main():
    kg = ag.load()  # the first load after install
    before = sorted(m for m in ("yaml", "platformdirs", "asiaai_graph.datafiles.read") if m in sys.modules)
    shipped = fingerprint(kg)
    fresh = fingerprint(ag.load(cache=False))  # what the YAML gives
    print(json.dumps({"file": ag.__file__, "imported": before, "same": shipped == fresh, "n": len(kg)}))

main()
"""


def test_wheel_ships_a_snapshot_equal_to_the_yaml_and_uses_it(wheel: Path, tmp_path: Path) -> None:
    names = [n for n in zipfile.ZipFile(wheel).namelist() if n.startswith("asiaai_graph/snapshots/")]
    assert len(names) == 1 and names[0].endswith(".snapshot")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASIAAI_GRAPH_")}
    env.update(PYTHONPATH=str(site), ASIAAI_GRAPH_CACHE_DIR=str(cache))
    out = subprocess.run([sys.executable, "-c", _CHECK], env=env, cwd=tmp_path, check=True, capture_output=True,
                         text=True).stdout
    result = json.loads(out.splitlines()[-1])
    assert result["file"].startswith(str(site))  # the installed copy, not the checkout
    assert result["imported"] == []  # no YAML read, no cache folder looked up
    assert result["same"] and result["n"] > 100
    assert not cache.exists() or not list(cache.glob("*.snapshot"))  # nothing written: the shipped one served


def test_a_changed_curated_file_does_not_use_the_shipped_snapshot(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    countries = site / "asiaai_graph" / "data" / "countries.yaml"
    countries.write_text(countries.read_text(encoding="utf-8").replace("name: China\n", "name: PRC\n", 1),
                         encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASIAAI_GRAPH_")}
    env.update(PYTHONPATH=str(site), ASIAAI_GRAPH_CACHE_DIR=str(tmp_path / "cache"))
    code = "import asiaai_graph as ag; print(ag.load()['CN'].name)"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, check=True, capture_output=True,
                         text=True).stdout
    assert out.strip() == "PRC"
    assert len(list((tmp_path / "cache").glob("*.snapshot"))) == 1
