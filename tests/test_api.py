"""The public API is small, sorted, pinned, typed, and cheap to import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import asiaai_graph as ag

from conftest import ROOT

PUBLIC = [
    "AIModel", "Accelerator", "Affiliation", "Citation", "ComputeCluster", "Country", "DataError", "Edge", "Entity", "Goal", "Indicator",
    "Investment", "InvestorRole", "KnowledgeGraph", "Money", "NotFound", "Organization", "PartialDate",
    "Partnership", "Person", "Place", "Policy", "Problem", "Product", "Quantity", "Record", "Source",
    "__version__", "from_rdf", "from_store", "load", "sparql",
]


def test_all_is_pinned_and_sorted() -> None:
    assert ag.__all__ == PUBLIC
    assert ag.__all__ == sorted(ag.__all__)
    for name in ag.__all__:
        assert getattr(ag, name) is not None


def test_every_public_callable_has_a_docstring_with_an_example() -> None:
    missing = []
    for name in ag.__all__:
        obj = getattr(ag, name)
        if callable(obj):
            doc = obj.__doc__ or ""
            if not doc.strip():
                missing.append(name)
    for name, member in vars(ag.KnowledgeGraph).items():
        if not name.startswith("_") and ">>>" not in (member.__doc__ or ""):
            missing.append(f"KnowledgeGraph.{name}")
    assert ">>>" in (ag.load.__doc__ or "")
    assert missing == []


def test_importing_does_not_import_rdflib_or_networkx() -> None:
    code = "import sys, asiaai_graph; print(sorted(m for m in ('rdflib', 'networkx') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_py_typed_is_shipped() -> None:
    assert (Path(ag.__file__).parent / "py.typed").is_file()


def test_mypy_passes_on_the_package() -> None:
    from mypy import api

    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "asiaai_graph")])
    assert status == 0, stdout + stderr
