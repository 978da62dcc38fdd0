"""Old import paths keep working: modules that moved when the package was grouped by layer.

Before 0.3 the package kept 31 modules side by side (``asiaai_graph.search``,
``asiaai_graph.draw``, ...). They now live in packages named after their layer;
a published import path never breaks, so each old path gives **the same module
object** as the new one (not a copy: patching one patches the other). The finder
is installed by ``import asiaai_graph``; it does nothing for any other name.

Examples
--------
>>> import asiaai_graph.search, asiaai_graph.graph.search
>>> asiaai_graph.search is asiaai_graph.graph.search
True
>>> from asiaai_graph.draw import draw  # documented in 0.2's README
>>> draw.__module__
'asiaai_graph.views.draw'
>>> new_name("asiaai_graph.explorer.layout"), new_name("asiaai_graph.schema")
('asiaai_graph.views.explorer.layout', None)
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType

__all__ = ["MOVED", "install", "new_name"]

#: Old module (under ``asiaai_graph.``) -> where it lives now.
MOVED: dict[str, str] = {
    "errors": "utils.errors", "limits": "utils.limits", "i18n": "utils.i18n", "progress": "utils.progress",
    "safetext": "utils.safetext", "gcpause": "utils.gcpause",
    "sourcefiles": "datafiles.files", "yamlparse": "datafiles.parse", "yamlread": "datafiles.read",
    "yamlwrite": "datafiles.write", "merging": "datafiles.merge",
    "references": "graph.references", "folding": "graph.folding", "index": "graph.index", "paths": "graph.paths",
    "search": "graph.search", "nxgraph": "graph.nxgraph", "diff": "graph.diff", "queries": "graph.queries",
    "outputs": "graph.outputs", "provenance": "graph.provenance", "traversal": "graph.traversal",
    "snapshot": "loading.snapshot", "importing": "importers.importing", "flat": "readwrite.flat",
    "style": "views.style", "subgraphs": "views.subgraphs", "fonts": "views.fonts", "draw": "views.draw",
    "notebook": "views.notebook", "explorer": "views.explorer",
}
# asiaai_graph.graph and asiaai_graph.loading became packages of the same name, which give the old
# modules' public names (KnowledgeGraph, load...) themselves.


def new_name(fullname: str) -> str | None:
    """Where the module ``fullname`` lives now, or ``None`` when it did not move."""
    prefix, _, rest = fullname.partition(".")
    if prefix != "asiaai_graph" or not rest:
        return None
    head, _, tail = rest.partition(".")
    new = MOVED.get(head)
    if new is None:
        return None
    return f"asiaai_graph.{new}" + (f".{tail}" if tail else "")


class _MovedFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds an old path and loads it as the module at its new path.

    The import system sets ``__spec__`` on the module it is given; the module's
    own spec is put back, so that it stays a package where it is one
    (``importlib.resources`` reads the explorer's files through it).
    """

    def __init__(self) -> None:
        self._specs: dict[int, importlib.machinery.ModuleSpec | None] = {}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if new_name(fullname) is None:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        new = new_name(spec.name)
        assert new is not None
        module = importlib.import_module(new)
        self._specs[id(module)] = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        """The module at the new path is already executed: only its own spec is put back."""
        module.__spec__ = self._specs.pop(id(module), module.__spec__)


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _MovedFinder())
