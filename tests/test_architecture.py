"""The package's layering (ARCHITECTURE.md): one-way imports, no private names across modules, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "asiaai_graph"
ROOT = PACKAGE.parent
#: Modules over this many lines are hard to hold in mind (vendored files aside).
MAX_LINES = 500


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "vendor" not in p.parts)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_import_linter_layers_contract_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlinter.cli import lint_imports

    monkeypatch.chdir(ROOT)  # the contract lives in pyproject.toml
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _private_imports(source: str, here: str) -> list[str]:
    """What ``source`` (the module ``here``) imports from another module of the package that is private."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
            names = [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            modules, names = [a.name for a in node.names], []
        else:
            continue
        for module in modules:
            if not module.startswith("asiaai_graph") or module == here:
                continue
            if any(_private(part) for part in module.split(".")):
                found.append(f"{here} imports the private module {module}")
            found.extend(f"{here} imports the private name {module}.{n}" for n in names if _private(n))
    return found


def test_no_private_name_or_private_module_is_imported_across_modules() -> None:
    found = [f for path in _modules() for f in _private_imports(path.read_text(encoding="utf-8"), _module_name(path))]
    assert found == []


def test_the_check_sees_private_imports_even_inside_functions() -> None:
    source = (
        "from asiaai_graph.version import __version__\n"
        "def f():\n"
        "    from asiaai_graph.loading import _scan, load\n"
        "    import asiaai_graph._codes\n"
    )
    assert _private_imports(source, "asiaai_graph.graph") == [
        "asiaai_graph.graph imports the private name asiaai_graph.loading._scan",
        "asiaai_graph.graph imports the private module asiaai_graph._codes",
    ]


def test_no_module_is_over_the_size_a_newcomer_can_hold_in_mind() -> None:
    sizes = {_module_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in _modules()}
    assert {m: n for m, n in sizes.items() if n > MAX_LINES} == {}
