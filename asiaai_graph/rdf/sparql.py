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

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from asiaai_graph.utils.errors import QueryError
from asiaai_graph.utils.limits import MAX_RESULT_BYTES, MAX_RESULT_ROWS, SPARQL_TIMEOUT

if TYPE_CHECKING:
    import pyoxigraph

    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["python_value", "sparql", "store", "uses_service"]

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

    import pyoxigraph

    from asiaai_graph.rdf.numbers import result_decimal

    _CONVERT.update({
        **{_XSD + name: int for name in _INTEGERS},
        _XSD + "decimal": result_decimal,
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


def sparql(
    kg: KnowledgeGraph,
    query: str,
    base: str | None = None,
    *,
    timeout: float = SPARQL_TIMEOUT,
    max_rows: int = MAX_RESULT_ROWS,
    max_bytes: int = MAX_RESULT_BYTES,
    service: bool = False,
) -> list[dict[str, Any]]:
    """Run a SPARQL query over the export of ``kg``; one dict per row, variable name to value.

    IRIs come back as strings, literals as their Python value (``str``,
    ``int``, ``Decimal``, ``float``, ``bool``, ``datetime.date``; a ``gYear`` or
    ``gYearMonth`` as its text; see :func:`python_value`), unbound variables as
    ``None``. An ``ASK`` query gives ``[{"ask": True}]`` or
    ``[{"ask": False}]``; ``CONSTRUCT`` and ``DESCRIBE`` give
    ``subject``/``predicate``/``object`` rows, sorted.

    The query runs in a child process (see :mod:`asiaai_graph.rdf.isolated`):
    it is stopped after ``timeout`` seconds or at Ctrl-C, an answer of more
    than ``max_rows`` rows, or whose values hold more than ``max_bytes``
    characters in all, is refused, and a failure of the engine is a
    :class:`~asiaai_graph.utils.errors.QueryError` (a ``ValueError``), never a
    dead process. A ``SERVICE`` clause would make the engine contact another
    server: it is refused unless ``service=True`` (and, where ``os.fork``
    exists, the child running the query cannot open a socket at all).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> sparql(kg, 'ASK { ?m a aag:AIModel ; aag:openWeights true }')
    [{'ask': True}]
    >>> sparql(kg, 'SELECT ?x WHERE {')
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.QueryError: bad SPARQL query: ...
    >>> sparql(kg, 'SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.QueryError: the query has a SERVICE clause, which would contact another server; pass service=True to allow it
    """
    from asiaai_graph.rdf.isolated import run_isolated
    from asiaai_graph.rdf.mapping import PREFIXES

    if not service and uses_service(query):
        raise QueryError("the query has a SERVICE clause, which would contact another server; "
                         "pass service=True to allow it")
    if max_rows < 0 or max_bytes < 0:
        raise ValueError(f"max_rows and max_bytes must be 0 or more, got {max_rows} and {max_bytes}")
    found = store(kg, base)
    if not _LITERAL:
        _setup()  # its imports, here: the child may not open files

    def work(check: Callable[[], None]) -> list[dict[str, Any]]:
        return _answer(found, query, PREFIXES, (max_rows, max_bytes), check)

    rows: list[dict[str, Any]] = run_isolated(work, timeout, offline=not service)
    return rows


def _answer(found: pyoxigraph.Store, query: str, prefixes: dict[str, str], bounds: tuple[int, int],
            check: Callable[[], None]) -> list[dict[str, Any]]:
    """The rows of ``query`` (in the child process), within ``bounds`` (rows, characters); ``check`` between rows."""
    import pyoxigraph

    try:
        result = found.query(query, prefixes=prefixes)
    except SyntaxError as exc:
        raise QueryError(f"bad SPARQL query: {exc}") from None
    if isinstance(result, pyoxigraph.QueryBoolean):
        return [{"ask": bool(result)}]
    value = python_value
    max_rows, max_bytes = bounds
    size = 0
    if isinstance(result, pyoxigraph.QueryTriples):
        triples = []
        for t in result:
            triples.append(t)
            size += _weight((t.subject, t.predicate, t.object), size, max_bytes)
            _count(len(triples), max_rows, check)
        return [{"subject": value(t.subject), "predicate": value(t.predicate), "object": value(t.object)}
                for t in sorted(triples, key=_sort_key)]
    rows: list[dict[str, Any]] = []
    names = [v.value for v in result.variables]
    for solution in result:
        terms = [solution[i] for i in range(len(names))]
        size += _weight(terms, size, max_bytes)
        rows.append({name: value(term) for name, term in zip(names, terms)})
        _count(len(rows), max_rows, check)
    return rows


def _weight(terms: Any, size: int, max_bytes: int) -> int:
    """The characters of ``terms``' values; :class:`QueryError` if they take the answer past ``max_bytes``."""
    weight = sum(len(getattr(term, "value", "")) for term in terms if term is not None)
    if size + weight > max_bytes:
        raise QueryError(f"the answer holds more than {max_bytes} characters (max_bytes); "
                         "narrow the query or pass max_bytes=")
    return weight


def _count(n: int, max_rows: int, check: Callable[[], None]) -> None:
    if n > max_rows:
        raise QueryError(f"the answer has more than {max_rows} rows (max_rows); add a LIMIT or pass max_rows=")
    if not n & 1023:
        check()


# What may hold the word SERVICE without meaning it: comments, strings and IRIs. uses_service walks the
# query once from left to right; each piece is matched where it starts, by a pattern that cannot
# backtrack (one character class or one escape, repeated), so the work is linear in the query's length.
# A backslash outside them escapes the next character of a prefixed name (PN_LOCAL_ESC: aag:x\' or
# aag:x\#), which therefore opens no string and no comment. Where the walk is unsure (a string that
# never closes), the word anywhere after counts. This is the first line only: the query then runs in a
# child that can open no socket (run_isolated(offline=True)), so a spelling missed here still cannot
# reach the network.
_WORD = r"(?<![\w:?$])SERVICE(?![\w:])"
_SPECIAL = re.compile(r"""[#'"<\\]|""" + _WORD, re.IGNORECASE)
_KEYWORD = re.compile(_WORD, re.IGNORECASE)
_PIECES = {
    "#": re.compile(r"#[^\n\r]*"),
    "'''": re.compile(r"'''(?:[^'\\]|\\.|'(?!''))*'''", re.DOTALL),
    '"""': re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL),
    "'": re.compile(r"'(?:[^'\\\n\r]|\\.)*'"),
    '"': re.compile(r'"(?:[^"\\\n\r]|\\.)*"'),
    "<": re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>'),
}


def uses_service(query: str) -> bool:
    """Whether ``query`` has a ``SERVICE`` clause (outside comments, strings and IRIs).

    Examples
    --------
    >>> uses_service("SELECT * { SERVICE <http://x.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT * { ?s rdfs:label "SERVICE" } # no SERVICE here')
    False
    >>> uses_service("SELECT * { ?s aag:x\\\\' ?o SERVICE <http://x.org/sparql> { ?a ?b ?c } }")
    True
    """
    at = 0
    while True:
        found = _SPECIAL.search(query, at)
        if found is None:
            return False
        start, token = found.start(), found.group()
        if len(token) > 1:
            return True  # the keyword itself
        if token == "\\":
            at = start + 2  # an escaped character of a prefixed name
            continue
        opener = token * 3 if token in "'\"" and query.startswith(token * 3, start) else token
        piece = _PIECES[opener].match(query, start)
        if piece is not None:
            at = piece.end()
        elif token == "<":
            at = start + 1  # a less-than sign, not an IRI
        else:
            # A string that never closes is a syntax error, but count the word anywhere after it.
            return _KEYWORD.search(query, start) is not None
