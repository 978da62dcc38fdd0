"""The graph as a :class:`networkx.MultiDiGraph` (``kg.graph``), built without decoding every record.

One node per record, with ``record_type``, ``name`` and ``record``; one edge per
relation, keyed by the relation; a ``cites`` edge from each entity to each
source it cites, with the quotes. The ``record`` attribute is read from the
graph on first access, so building the view at 100k organizations costs the
nodes and edges, not 200,000 validations.

Examples
--------
>>> import asiaai_graph as ag
>>> g = to_multidigraph(ag.load())
>>> g.nodes["deepseek"]["record"].name, g.nodes["deepseek"]["record_type"]
('DeepSeek', 'organization')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asiaai_graph.utils.gcpause import gc_paused

if TYPE_CHECKING:
    import networkx as nx

    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["NodeAttributes", "to_multidigraph"]


class NodeAttributes(dict[str, Any]):
    """A node's attributes: ``record`` is looked up in the knowledge graph when first read."""

    __slots__ = ("_kg", "_rid")

    def bind(self, kg: KnowledgeGraph, rid: str) -> None:
        """Read ``record`` from ``kg[rid]`` when it is first asked for."""
        self._kg = kg
        self._rid = rid

    def __missing__(self, key: str) -> Any:
        if key == "record" and hasattr(self, "_kg"):
            value = self._kg[self._rid]
            self[key] = value
            return value
        raise KeyError(key)


def to_multidigraph(kg: KnowledgeGraph) -> nx.MultiDiGraph[str]:
    """``kg`` as a networkx multigraph (see the module docstring)."""
    import networkx as nx

    class _Graph(nx.MultiDiGraph):  # type: ignore[misc]
        node_attr_dict_factory = NodeAttributes

    g: nx.MultiDiGraph[str] = _Graph()
    state = kg.state()
    with gc_paused():  # millions of new dicts and nothing to collect: the cyclic GC would only scan them again
        g.add_nodes_from((rid, {"record_type": rt, "name": state["names"][rid][0]})
                         for rid, rt in state["types"].items())
        for rid, attrs in g.nodes(data=True):
            attrs.bind(kg, rid)
        add_edge = g.add_edge  # with the attributes as arguments: add_edges_from looks each edge up again to set them
        for source, rel, target, attrs in state["edges"]:
            add_edge(source, target, rel, **dict(attrs))
        for rid, sid, quotes in kg.citation_pairs():
            add_edge(rid, sid, "cites", quotes=quotes)
    return g
