"""Issue 17: the package is grouped by layer, and every import path published before still works."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import asiaai_graph
from asiaai_graph.utils.moved import MOVED

#: Every module path of 0.2 (the flat package), and the names documented or used from it.
OLD_PATHS = {
    "asiaai_graph.draw": ["draw", "chart", "figure"],
    "asiaai_graph.notebook": ["record_html", "graph_html"],
    "asiaai_graph.yamlwrite": ["write_yaml", "dumps"],
    "asiaai_graph.yamlread": ["read_files"],
    "asiaai_graph.explorer": ["write_html", "explorer_data"],
    "asiaai_graph.explorer.layout": ["layout"],
    "asiaai_graph.search": ["normalize", "NameIndex"],
    "asiaai_graph.loading": ["load", "load_records", "curated_data_dir"],
    "asiaai_graph.graph": ["KnowledgeGraph", "Edge"],
    "asiaai_graph.snapshot": ["SnapshotWarning", "snapshot_key"],
    "asiaai_graph.errors": ["DataError", "NotFound", "Problem", "StoreError"],
    "asiaai_graph.merging": ["merge_records"],
    "asiaai_graph.importing": ["import_dataset"],
    "asiaai_graph.index": ["names_of"],
    "asiaai_graph.flat": ["flatten"],
    "asiaai_graph.i18n": ["tr"],
    **{f"asiaai_graph.{old}": [] for old in MOVED},
}


@pytest.mark.parametrize("path", sorted(OLD_PATHS))
def test_an_old_import_path_gives_the_same_module_and_names(path: str) -> None:
    module = importlib.import_module(path)
    for name in OLD_PATHS[path]:
        assert getattr(module, name) is not None
    head = path.split(".")[1]
    if head in MOVED:
        new = importlib.import_module(path.replace(f"asiaai_graph.{head}", f"asiaai_graph.{MOVED[head]}", 1))
        assert module is new  # the very module: patching one patches the other


def test_the_documented_paths_of_the_readme_import() -> None:
    from asiaai_graph.views.draw import chart, draw
    from asiaai_graph.views.notebook import record_html
    from asiaai_graph.datafiles.write import write_yaml
    from asiaai_graph.store import Endpoint
    from asiaai_graph.schema import Organization
    from asiaai_graph.rdf import from_rdf, serialize, validate

    assert all(callable(f) for f in (chart, draw, record_html, write_yaml, from_rdf, serialize, validate))
    assert Endpoint and Organization


def test_old_paths_work_in_a_fresh_interpreter_without_importing_the_package_first() -> None:
    code = ("from asiaai_graph.yamlwrite import write_yaml; import asiaai_graph.search as s; "
            "import asiaai_graph.graph.search as t; print(s is t, write_yaml.__module__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "asiaai_graph.datafiles.write"]


def test_names_that_never_existed_still_fail() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("asiaai_graph.nothing_here")
    with pytest.raises(AttributeError):
        asiaai_graph.graph.NoSuchThing  # type: ignore[attr-defined]


def test_a_moved_package_stays_a_package_for_its_files() -> None:
    from importlib import resources

    import asiaai_graph.explorer  # the old path first, then the explorer's files through the new one

    assert asiaai_graph.explorer.__spec__.name == "asiaai_graph.views.explorer"
    assert resources.files("asiaai_graph.views.explorer").joinpath("strings.json").is_file()
