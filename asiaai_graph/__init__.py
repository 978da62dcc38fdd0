"""asiaai_graph: a curated, typed, provenance-backed knowledge graph of Asian AI.

>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> kg.search("딥시크")[0].name
'DeepSeek'
>>> "DeepSeek-V3" in [m.name for m in kg.models(developer="deepseek")]
True

Names are imported on first use (PEP 562), so ``import asiaai_graph`` is cheap
and a command that answers from the snapshot cache never imports what it does
not need; ``from asiaai_graph import Organization`` works as usual.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from asiaai_graph.utils.moved import install as _install_moved
from asiaai_graph.version import __version__

_install_moved()  # old module paths (asiaai_graph.search, asiaai_graph.draw...) keep working

if TYPE_CHECKING:
    from asiaai_graph.utils.errors import DataError, NotFound, Problem
    from asiaai_graph.graph.knowledge_graph import Edge, KnowledgeGraph
    from asiaai_graph.loading.loader import load
    from asiaai_graph.rdf import from_rdf
    from asiaai_graph.store import from_store, sparql
    from asiaai_graph.schema import (
        Accelerator,
        Affiliation,
        AIModel,
        Citation,
        ComputeCluster,
        Country,
        Entity,
        Goal,
        Indicator,
        Investment,
        InvestorRole,
        Money,
        Organization,
        PartialDate,
        Partnership,
        Person,
        Place,
        Policy,
        Product,
        Quantity,
        Record,
        Source,
    )

__all__ = [
    "AIModel",
    "Accelerator",
    "Affiliation",
    "Citation",
    "ComputeCluster",
    "Country",
    "DataError",
    "Edge",
    "Entity",
    "Goal",
    "Indicator",
    "Investment",
    "InvestorRole",
    "KnowledgeGraph",
    "Money",
    "NotFound",
    "Organization",
    "PartialDate",
    "Partnership",
    "Person",
    "Place",
    "Policy",
    "Problem",
    "Product",
    "Quantity",
    "Record",
    "Source",
    "__version__",
    "from_rdf",
    "from_store",
    "load",
    "sparql",
]

#: Public name -> the module that defines it.
_HOMES: dict[str, str] = {
    **dict.fromkeys(("DataError", "NotFound", "Problem"), "asiaai_graph.utils.errors"),
    **dict.fromkeys(("Edge", "KnowledgeGraph"), "asiaai_graph.graph.knowledge_graph"),
    "load": "asiaai_graph.loading.loader",
    "from_rdf": "asiaai_graph.rdf",
    "from_store": "asiaai_graph.store",
    "sparql": "asiaai_graph.store",
    **dict.fromkeys(
        (n for n in __all__ if n[0].isupper() and n not in ("DataError", "NotFound", "Problem", "Edge", "KnowledgeGraph")),
        "asiaai_graph.schema",
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'asiaai_graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
