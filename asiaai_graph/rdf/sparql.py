"""SPARQL over the RDF export, with rows as plain Python values.

The rdflib graph of an export is built once per knowledge graph and base IRI
and kept on the (read-only) graph object. The export's prefixes (``aag:``,
``dcterms:``, ``prov:``, ``schema:``, ``skos:``, ...) are predeclared, so
queries may leave out their ``PREFIX`` lines.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> sparql(kg, 'SELECT ?name WHERE { ?m aag:developedBy/dcterms:identifier "deepseek" ; rdfs:label ?name }')
[{'name': 'DeepSeek-V3'}]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asiaai_graph.rdf.export import to_rdf
from asiaai_graph.rdf.mapping import PREFIXES, check_base

if TYPE_CHECKING:
    import rdflib

    from asiaai_graph.graph import KnowledgeGraph

__all__ = ["rdf_graph", "sparql"]

_CACHE = "_rdf_graph_cache"


def rdf_graph(kg: KnowledgeGraph, base: str | None = None) -> rdflib.Graph:
    """The export of ``kg`` as an rdflib graph, built on first use and then reused.

    Treat it as read-only; :meth:`KnowledgeGraph.to_rdf` gives a fresh copy.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> rdf_graph(kg) is rdf_graph(kg)
    True
    """
    base = check_base(base)
    cache: dict[str, rdflib.Graph] | None = kg.__dict__.get(_CACHE)
    if cache is None:
        cache = {}
        setattr(kg, _CACHE, cache)
    graph = cache.get(base)
    if graph is None:
        graph = cache[base] = to_rdf(kg, base)
    return graph


def _value(term: Any) -> Any:
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


def sparql(kg: KnowledgeGraph, query: str, base: str | None = None) -> list[dict[str, Any]]:
    """Run a SPARQL query over the export of ``kg``; one dict per row, variable name to value.

    IRIs come back as strings, literals as their Python value (``str``,
    ``int``, ``Decimal``, ``bool``, ``datetime.date``; a ``gYear`` or
    ``gYearMonth`` as its text), unbound variables as ``None``. An ``ASK``
    query gives ``[{"ask": True}]`` or ``[{"ask": False}]``; ``CONSTRUCT`` and
    ``DESCRIBE`` give ``subject``/``predicate``/``object`` rows.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> sparql(kg, 'ASK { ?m a aag:AIModel ; aag:openWeights true }')
    [{'ask': True}]
    >>> sparql(kg, 'SELECT ?x WHERE {')
    Traceback (most recent call last):
    ...
    ValueError: bad SPARQL query: ...
    """
    graph = rdf_graph(kg, base)
    try:
        result = graph.query(query, initNs=PREFIXES)
    except Exception as exc:  # rdflib reports a syntax error as a pyparsing exception
        if type(exc).__module__.split(".")[0] in ("pyparsing", "rdflib"):
            raise ValueError(f"bad SPARQL query: {exc}") from exc
        raise
    if result.type == "ASK":
        return [{"ask": bool(result.askAnswer)}]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        triples = sorted(result.graph, key=lambda t: tuple(x.n3() for x in t))
        return [{"subject": _value(s), "predicate": _value(p), "object": _value(o)} for s, p, o in triples]
    names = [str(v) for v in result.vars or ()]
    return [{name: _value(value) for name, value in zip(names, row)} for row in result]  # type: ignore[arg-type]
