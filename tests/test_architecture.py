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


#: Functions over this many lines (signature and docstring included) are hard to read at once.
MAX_FUNCTION_LINES = 80


def _long_functions(source: str, module: str) -> list[str]:
    return [f"{module}.{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and (node.end_lineno or node.lineno) - node.lineno + 1 > MAX_FUNCTION_LINES]


def test_no_function_is_longer_than_a_reader_can_hold_at_once() -> None:
    found = [f for p in _modules() for f in _long_functions(p.read_text(encoding="utf-8"), _module_name(p))]
    assert found == []


def test_the_function_check_counts_nested_functions_and_methods() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES))
    source = f"def short():\n    pass\nclass C:\n    def long(self):\n{body.replace('    ', '        ')}\n"
    assert _long_functions(source, "m") == [f"m.long ({MAX_FUNCTION_LINES + 1} lines, line 4)"]


def test_the_package_tree_reads_as_the_layers() -> None:
    """Top to bottom, the layers contract names the packages of the tree, and nothing else lies beside them."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = config["tool"]["importlinter"]["contracts"][0]
    layered = {name.strip().removeprefix("asiaai_graph.") for layer in contract["layers"] for name in layer.split("|")}
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert packages == layered
    assert modules == {"__init__", "__main__", "version"}
