"""SPARQL over the RDF export, run by Oxigraph, with rows as plain Python values.

The export of a knowledge graph is loaded once per base IRI into an
in-memory :class:`pyoxigraph.Store` (streamed from the N-Triples writer, so
the text is never held whole) and kept in the graph's
:attr:`~asiaai_graph.KnowledgeGraph.cache`. The export's prefixes (``aag:``,
``dcterms:``, ``prov:``, ``schema:``, ``skos:``, ...) are predeclared, so
queries may leave out their ``PREFIX`` lines.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> rows = sparql(kg, 'SELECT ?name WHERE { ?m aag:developedBy/dcterms:identifier "deepseek" ; rdfs:label ?name }')
>>> {'name': 'DeepSeek-V3'} in rows
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyoxigraph

    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["python_value", "sparql", "store"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
_INTEGERS = ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
             "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")
# Filled on the first query (this module is imported with the package, so it imports nothing heavy):
# datatype -> how rdflib's toPython reads the lexical form (datatypes not here stay text), and
# pyoxigraph.Literal.
_CONVERT: dict[str, Callable[[str], Any]] = {}
_LITERAL: list[Any] = []


def _setup() -> None:
    import datetime
    from decimal import Decimal

    import pyoxigraph

    _CONVERT.update({
        **{_XSD + name: int for name in _INTEGERS},
        _XSD + "decimal": Decimal,
        _XSD + "boolean": lambda text: _BOOLEANS.get(text.lower(), text),
        _XSD + "double": float,
        _XSD + "float": float,
        _XSD + "date": datetime.date.fromisoformat,
        _XSD + "dateTime": datetime.datetime.fromisoformat,
        _XSD + "time": datetime.time.fromisoformat,
    })
    _LITERAL.append(pyoxigraph.Literal)


def store(kg: KnowledgeGraph, base: str | None = None) -> pyoxigraph.Store:
    """The export of ``kg`` in an in-memory Oxigraph store, built on first use and then reused.

    Kept in ``kg.cache["asiaai_graph.rdf.sparql"]``, one store per base IRI;
    treat it as read-only (an update would change what :func:`sparql`
    answers). ``kg.cache.pop("asiaai_graph.rdf.sparql")`` frees them.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> store(kg) is store(kg), len(store(kg)) == kg.serialize(format="nt").count("\\n")
    (True, True)
    """
    import pyoxigraph

    from asiaai_graph.rdf.export.text import iter_ntriples
    from asiaai_graph.rdf.mapping import check_base

    base = check_base(base)
    stores: dict[str, pyoxigraph.Store] = kg.cache.setdefault(__name__, {})
    found = stores.get(base)
    if found is None:
        found = pyoxigraph.Store()
        # The writer's own output: IRIs and literals are already checked, so skip re-validating them.
        for chunk in iter_ntriples(kg, base):
            found.load(input=chunk, format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=True)
        stores[base] = found
    return found


def python_value(term: Any) -> Any:
    """A SPARQL result term as a plain Python value, as rdflib's ``toPython`` gives it.

    IRIs and blank nodes give their text; literals their value: ``str``,
    ``int`` (``xsd:integer`` and its subtypes), ``Decimal``, ``float``
    (``xsd:double``, ``xsd:float``), ``bool``, ``datetime.date`` /
    ``datetime.datetime`` / ``datetime.time``; a ``gYear``, ``gYearMonth``,
    other datatypes and ill-formed values as their text; ``None`` stays ``None``.

    Examples
    --------
    >>> from pyoxigraph import Literal, NamedNode
    >>> xsd = "http://www.w3.org/2001/XMLSchema#"
    >>> python_value(Literal("42", datatype=NamedNode(xsd + "integer")))
    42
    >>> python_value(Literal("2024-05-01", datatype=NamedNode(xsd + "date")))
    datetime.date(2024, 5, 1)
    >>> python_value(Literal("2024", datatype=NamedNode(xsd + "gYear"))), python_value(NamedNode("https://x.org/a"))
    ('2024', 'https://x.org/a')
    """
    if term is None:
        return None
    if not _LITERAL:
        _setup()
    if term.__class__ is not _LITERAL[0]:
        return getattr(term, "value", str(term))  # an IRI, a blank node (a quoted triple: its text)
    text: str = term.value
    if term.language:
        return text
    dt: str = term.datatype.value
    if dt == _XSD_STRING:
        return text
    convert = _CONVERT.get(dt)
    if convert is None:
        return text
    try:
        return convert(text)
    except (ValueError, ArithmeticError):  # decimal.InvalidOperation is an ArithmeticError
        return text


def _sort_key(triple: pyoxigraph.Triple) -> tuple[str, str, str]:
    return (str(triple.subject), str(triple.predicate), str(triple.object))


def sparql(kg: KnowledgeGraph, query: str, base: str | None = None) -> list[dict[str, Any]]:
    """Run a SPARQL query over the export of ``kg``; one dict per row, variable name to value.

    IRIs come back as strings, literals as their Python value (``str``,
    ``int``, ``Decimal``, ``bool``, ``datetime.date``; a ``gYear`` or
    ``gYearMonth`` as its text; see :func:`python_value`), unbound variables as
    ``None``. An ``ASK`` query gives ``[{"ask": True}]`` or
    ``[{"ask": False}]``; ``CONSTRUCT`` and ``DESCRIBE`` give
    ``subject``/``predicate``/``object`` rows, sorted.

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
    import pyoxigraph

    from asiaai_graph.rdf.mapping import PREFIXES

    found = store(kg, base)
    try:
        result = found.query(query, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise ValueError(f"bad SPARQL query: {exc}") from None
    if isinstance(result, pyoxigraph.QueryBoolean):
        return [{"ask": bool(result)}]
    if isinstance(result, pyoxigraph.QueryTriples):
        return [{"subject": python_value(t.subject), "predicate": python_value(t.predicate),
                 "object": python_value(t.object)} for t in sorted(result, key=_sort_key)]
    names = [v.value for v in result.variables]
    value = python_value
    return [{name: value(solution[i]) for i, name in enumerate(names)} for solution in result]
