"""The export as an :class:`rdflib.Graph`, and the formats written through rdflib (JSON-LD, RDF/XML).

rdflib is imported only when one of these functions runs.

Examples
--------
>>> import asiaai_graph as ag
>>> g = to_rdf(ag.load())
>>> len(g) > 1000
True
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from asiaai_graph.rdf.export.triples import Emitter, Encoding
from asiaai_graph.rdf.mapping import PREFIXES, check_base

if TYPE_CHECKING:
    import rdflib
    from rdflib.term import Node

    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["RdflibEncoding", "to_jsonld", "to_rdf", "to_xml"]


class RdflibEncoding(Encoding["Node"]):
    """Terms as rdflib terms (:class:`~rdflib.term.URIRef`, :class:`~rdflib.term.Literal`).

    Examples
    --------
    >>> RdflibEncoding("https://example.org/id/").node("CN")
    rdflib.term.URIRef('https://example.org/id/CN')
    """

    def __init__(self, base: str) -> None:
        from rdflib import Literal, URIRef

        super().__init__(base)
        self.uri = URIRef
        self.literal = Literal
        self.iris: dict[str, URIRef] = {}

    def node(self, rel: str) -> Node:
        return self.uri(self.base + rel)

    def iri(self, iri: str) -> Node:
        u = self.iris.get(iri)
        if u is None:
            u = self.iris[iri] = self.uri(iri)
        return u

    def plain(self, text: str) -> Node:
        return self.literal(text)

    def tagged(self, text: str, lang: str) -> Node:
        return self.literal(text, lang=lang)

    def typed(self, lexical: str, datatype: str) -> Node:
        return self.literal(lexical, datatype=self.iri(datatype))  # type: ignore[arg-type]  # a URIRef is a str


def to_rdf(kg: KnowledgeGraph, base: str | None = None) -> rdflib.Graph:
    """The export as an :class:`rdflib.Graph`, with the vocabulary prefixes bound.

    Holds exactly the triples of :func:`~asiaai_graph.rdf.export.text.to_turtle`.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from rdflib import URIRef
    >>> from asiaai_graph.rdf.vocab import AAG
    >>> g = to_rdf(ag.load())
    >>> (URIRef("https://w3id.org/asiaai-graph/id/deepseek-v3"), AAG.developedBy,
    ...  URIRef("https://w3id.org/asiaai-graph/id/deepseek")) in g
    True
    """
    from rdflib import Graph

    base = check_base(base)
    graph = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    graph.bind("aagid", base, override=True)
    emitter = Emitter(kg, RdflibEncoding(base))
    graph.addN((s, p, o, graph) for s, po in emitter.blocks() for p, o in po)
    return graph


def to_jsonld(kg: KnowledgeGraph, base: str | None = None) -> str:
    """The export as JSON-LD, compacted with the package's ``context.jsonld``; nodes and values sorted.

    Examples
    --------
    >>> import asiaai_graph as ag, json
    >>> doc = json.loads(to_jsonld(ag.load()))
    >>> next(n for n in doc["@graph"] if n["@id"] == "aagid:CN")["@type"]
    'Country'
    """
    from asiaai_graph.rdf.vocab import context

    base = check_base(base)
    ctx = context(base)
    doc = json.loads(to_rdf(kg, base).serialize(format="json-ld", context=ctx, auto_compact=True))
    if isinstance(doc, list):  # an empty graph
        doc = {"@graph": doc}
    nodes = doc["@graph"] if "@graph" in doc else [{k: v for k, v in doc.items() if k != "@context"}]

    def key(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    for node in nodes:
        for name, value in node.items():
            if isinstance(value, list):
                node[name] = sorted(value, key=key)
    nodes.sort(key=lambda n: n.get("@id", ""))
    out = {"@context": ctx, "@graph": nodes}
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def to_xml(kg: KnowledgeGraph, base: str | None = None) -> str:
    """The export as RDF/XML, written by rdflib.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> to_xml(ag.load()).startswith("<?xml")
    True
    """
    text: str = to_rdf(kg, base).serialize(format="xml")
    return text
