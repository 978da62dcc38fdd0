"""The graph layer: the :class:`KnowledgeGraph`, its indexes and the questions it answers.

:mod:`~asiaai_graph.graph.knowledge_graph` holds the class; its parts are
:mod:`~asiaai_graph.graph.queries`, :mod:`~asiaai_graph.graph.traversal`,
:mod:`~asiaai_graph.graph.provenance` and :mod:`~asiaai_graph.graph.outputs`,
built on plain-data indexes (:mod:`~asiaai_graph.graph.index`,
:mod:`~asiaai_graph.graph.search`, :mod:`~asiaai_graph.graph.paths`,
:mod:`~asiaai_graph.graph.nxgraph`), the references between records
(:mod:`~asiaai_graph.graph.references`) and name folding
(:mod:`~asiaai_graph.graph.folding`). The class is imported on first use, so that
importing an index does not import the whole graph.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import Edge, Evidence, KnowledgeGraph

__all__ = ["Edge", "Evidence", "KnowledgeGraph"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("asiaai_graph.graph.knowledge_graph"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
