"""asiaai_graph: a curated, typed, provenance-backed knowledge graph of Asian AI.

>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> kg.search("딥시크")[0].name
'DeepSeek'
>>> [m.name for m in kg.models(developer="deepseek")]
['DeepSeek-V3']
"""

from asiaai_graph.version import __version__
from asiaai_graph.errors import DataError, NotFound, Problem
from asiaai_graph.graph import Edge, KnowledgeGraph
from asiaai_graph.loading import load
from asiaai_graph.rdf import from_rdf
from asiaai_graph.store import from_store, sparql
from asiaai_graph.schema import (
    Affiliation,
    AIModel,
    Citation,
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
    "Affiliation",
    "Citation",
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
