"""SPARQL queries against a store, with the rows of the in-memory query.

:func:`sparql` sends a query over the SPARQL 1.1 Protocol and gives the same
row shape as :func:`asiaai_graph.rdf.sparql` (one dict per row, variable name
to a plain Python value): IRIs as strings; literals as ``str``, ``int``,
``Decimal``, ``float``, ``bool``, ``datetime.date``/``datetime``, a ``gYear`` or
``gYearMonth`` (or any value it cannot read) as its text; unbound as ``None``.
``ASK`` gives ``[{"ask": …}]``; ``CONSTRUCT``/``DESCRIBE`` give sorted
``subject``/``predicate``/``object`` rows. The export's prefixes (``aag:``,
``dcterms:``, ``rdfs:``…) are declared for the query when it does not declare
them itself, as in memory.

Examples
--------
>>> to_python({"type": "literal", "value": "671000000000",
...            "datatype": "http://www.w3.org/2001/XMLSchema#decimal"})
Decimal('671000000000')
>>> to_python({"type": "literal", "value": "2024", "datatype": "http://www.w3.org/2001/XMLSchema#gYear"})
'2024'
>>> to_python({"type": "uri", "value": "https://w3id.org/asiaai-graph/id/CN"})
'https://w3id.org/asiaai-graph/id/CN'
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Mapping
from decimal import InvalidOperation
from typing import Any

from asiaai_graph.rdf.mapping import PREFIXES
from asiaai_graph.rdf.numbers import result_decimal
from asiaai_graph.store.client import Auth, StoreError, auth_from_env, request
from asiaai_graph.store.endpoint import Endpoint, check_graph_iri, endpoint_of, with_params

__all__ = ["sparql", "to_python", "with_prefixes"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
             "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
             "unsignedByte")
_STRINGS = ("string", "normalizedString", "token", "anyURI", "language", "Name", "NCName", "NMTOKEN")


def _bool(text: str) -> bool:
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ValueError(text)


_CONVERT: dict[str, Callable[[str], Any]] = {
    **{_XSD + t: int for t in _INTEGERS},
    **{_XSD + t: str for t in _STRINGS},
    _XSD + "decimal": result_decimal,
    _XSD + "double": float,
    _XSD + "float": float,
    _XSD + "boolean": _bool,
    _XSD + "date": datetime.date.fromisoformat,
    _XSD + "dateTime": datetime.datetime.fromisoformat,
    _XSD + "time": datetime.time.fromisoformat,
}
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)


def to_python(term: Mapping[str, str] | None) -> Any:
    """A term of the SPARQL 1.1 JSON results format as a plain Python value.

    Examples
    --------
    >>> to_python({"type": "literal", "value": "딥시크", "xml:lang": "ko"})
    '딥시크'
    >>> to_python({"type": "literal", "value": "true", "datatype": "http://www.w3.org/2001/XMLSchema#boolean"})
    True
    >>> to_python(None) is None
    True
    """
    if term is None:
        return None
    value = term["value"]
    if term.get("type") != "literal" and term.get("type") != "typed-literal":
        return value
    convert = _CONVERT.get(term.get("datatype", ""))
    if convert is None:
        return value
    try:
        return convert(value)
    except (ValueError, InvalidOperation):
        return value


def with_prefixes(query: str) -> str:
    """``query`` with ``PREFIX`` lines for the export's prefixes it uses but does not declare.

    Examples
    --------
    >>> print(with_prefixes("ASK { ?m a aag:AIModel }"))
    PREFIX aag: <https://w3id.org/asiaai-graph/ontology#>
    ASK { ?m a aag:AIModel }
    >>> with_prefixes("PREFIX aag: <urn:x#> ASK { ?m a aag:AIModel }")
    'PREFIX aag: <urn:x#> ASK { ?m a aag:AIModel }'
    """
    declared = {m.group(1) or "" for m in _DECLARED.finditer(query)}
    lines = [
        f"PREFIX {name}: <{ns}>\n"
        for name, ns in PREFIXES.items()
        if name not in declared and re.search(rf"(?<![\w.-]){re.escape(name)}:", query)
    ]
    return "".join(lines) + query


def _graph_rows(text: str) -> list[dict[str, Any]]:
    """``subject``/``predicate``/``object`` rows of an N-Triples answer, sorted as in memory."""
    import rdflib

    graph = rdflib.Graph().parse(data=text, format="nt")

    def value(term: Any) -> Any:
        if isinstance(term, rdflib.Literal):
            lex: dict[str, str] = {"type": "literal", "value": str(term)}
            if term.datatype is not None:
                lex["datatype"] = str(term.datatype)
            return to_python(lex)
        return str(term)

    triples = sorted(graph, key=lambda t: tuple(x.n3() for x in t))
    return [{"subject": value(s), "predicate": value(p), "object": value(o)} for s, p, o in triples]


def sparql(
    endpoint: str | Endpoint,
    query: str,
    graph: str | None = None,
    *,
    server: str = "oxigraph",
    auth: Auth | None = None,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 0.5,
) -> list[dict[str, Any]]:
    """Run ``query`` against the store at ``endpoint``; one dict per row, variable name to value.

    ``graph`` makes that named graph the query's default graph (the SPARQL
    protocol's ``default-graph-uri``), so a query written for the in-memory
    export runs unchanged against a pushed graph; without it the store's own
    default graph is queried.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> ag.sparql("http://127.0.0.1:7878", "ASK { ?m a aag:AIModel }", graph="urn:asiaai:main")  # doctest: +SKIP
    [{'ask': True}]
    """
    ends = endpoint_of(endpoint, server)
    url = ends.query if graph is None else with_params(ends.query, **{"default-graph-uri": check_graph_iri(graph)})
    answer = request(
        "POST",
        url,
        body=with_prefixes(query).encode("utf-8"),
        headers={
            "Content-Type": "application/sparql-query; charset=utf-8",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        },
        auth=auth if auth is not None else auth_from_env(),
        timeout=timeout,
        retries=retries,
        backoff=backoff,
    )
    kind = answer.content_type
    if kind in ("application/n-triples", "text/plain"):
        return _graph_rows(answer.body.decode("utf-8"))
    if kind not in ("application/sparql-results+json", "application/json"):
        raise StoreError("POST", url, status=answer.status, message=f"unexpected content type {kind!r}")
    data = json.loads(answer.body)
    if "boolean" in data:
        return [{"ask": bool(data["boolean"])}]
    names = data["head"].get("vars", [])
    return [{name: to_python(row.get(name)) for name in names} for row in data["results"]["bindings"]]
