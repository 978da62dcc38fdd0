"""The JSON Schema for editors: every data file validates against it, a bad record does not."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from asiaai_graph.datafiles.files import curated_files
from asiaai_graph.cli import main
from asiaai_graph.readwrite.jsonschema import data_file_schema
from asiaai_graph.schema import SECTIONS

from conftest import ROOT, SAMPLE

jsonschema = pytest.importorskip("jsonschema")

DATA_FILES = curated_files(ROOT / "data") + sorted(SAMPLE.glob("*.yaml"))


def as_json(path: Path) -> Any:
    """A YAML file as an editor's YAML support sees it: dates are strings."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = data_file_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_there_are_data_files() -> None:
    assert any(p.parent.name == "data" for p in DATA_FILES)


@pytest.mark.parametrize("path", DATA_FILES, ids=[f"{p.parent.name}/{p.name}" for p in DATA_FILES])
def test_every_data_file_validates(validator: Any, path: Path) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(as_json(path))]
    assert not errors, errors[:5]


BAD = [
    {"organizations": [{"id": "x", "name": "X", "kind": "company", "sources": ["s"], "ceo": "someone"}]},  # unknown field
    {"organizations": [{"id": "x", "name": "X", "kind": "bank", "sources": ["s"]}]},  # unknown kind
    {"models": [{"id": "x", "name": "X", "kind": "llm", "sources": ["s"]}]},  # no developers
    {"models": [{"id": "X Y", "name": "X", "kind": "llm", "developers": ["d"], "sources": ["s"]}]},  # bad id
    {"models": [{"id": "x", "name": "X", "kind": "llm", "developers": ["d"], "sources": ["s"], "released": "May 2024"}]},
    {"models": [{"id": "x", "name": "X", "kind": "llm", "developers": ["d"], "sources": ["s"],
                 "parameters": {"value": 1, "qualifier": "roughly"}}]},
    {"organisations": []},  # unknown section
    {"countries": {"id": "KR"}},  # not a list
]


@pytest.mark.parametrize("document", BAD)
def test_bad_records_do_not_validate(validator: Any, document: Any) -> None:
    assert not validator.is_valid(document)


def test_shorthands_are_accepted(validator: Any) -> None:
    good = {"models": [{"id": "x", "name": "X", "kind": "llm", "developers": ["d"], "released": "2024-05",
                        "parameters": 7_000_000_000, "active_parameters": {"value": 1e9, "qualifier": "about"},
                        "sources": ["s", {"source": "t", "quote": "..."}]}]}
    assert validator.is_valid(good)


def test_schema_covers_every_section() -> None:
    assert set(data_file_schema()["properties"]) == set(SECTIONS) | {"overlay", "reference"}


def test_an_overlay_names_its_record_and_gives_only_what_it_changes(validator: Any) -> None:
    """Headed ``overlay:``, a record needs only its id and sources; without the header, name and kind too."""
    record = {"id": "naver", "labels": {"ko": "네이버"}, "sources": [{"source": "mine", "fields": ["labels"]}]}
    assert not list(validator.iter_errors({"overlay": "Korean labels", "organizations": [record]}))
    missing = {e.message for e in validator.iter_errors({"organizations": [record]})}
    assert {"'name' is a required property", "'kind' is a required property"} <= missing
    assert list(validator.iter_errors({"overlay": "x", "organizations": [{"labels": {"ko": "네이버"}}]}))


def test_cli_schema(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["schema"], out=out) == 0
    assert json.loads(out.getvalue()) == data_file_schema()
    path = tmp_path / "asiaai-graph.schema.json"
    assert main(["schema", "-o", str(path)], out=io.StringIO()) == 0
    assert json.loads(path.read_text(encoding="utf-8"))["title"] == "asiaai_graph data file"
