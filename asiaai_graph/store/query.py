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
import urllib.parse
from collections.abc import Callable, Mapping
from decimal import InvalidOperation
from typing import Any

from asiaai_graph.rdf.mapping import PREFIXES
from asiaai_graph.rdf.numbers import result_decimal
from asiaai_graph.store.client import Auth, StoreError, auth_from_env, request
from asiaai_graph.store.endpoint import Endpoint, check_graph_iri, endpoint_of, redact
from asiaai_graph.utils.limits import MAX_ANSWER_BYTES, MAX_RESULT_ROWS, QUERY_DEADLINE

__all__ = ["decode_answer", "sparql", "to_python", "with_prefixes"]

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
    datatype = term.get("datatype", "")
    convert = _CONVERT.get(datatype) if isinstance(datatype, str) else None
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


def _graph_rows(text: str, max_rows: int) -> list[dict[str, Any]]:
    """``subject``/``predicate``/``object`` rows of an N-Triples answer, sorted as in memory."""
    import rdflib

    graph = rdflib.Graph().parse(data=text, format="nt")
    if len(graph) > max_rows:
        raise ValueError(f"{len(graph)} triples, more than max_rows={max_rows}")

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
    deadline: float | None = QUERY_DEADLINE,
    max_bytes: int = MAX_ANSWER_BYTES,
    max_rows: int = MAX_RESULT_ROWS,
) -> list[dict[str, Any]]:
    """Run ``query`` against the store at ``endpoint``; one dict per row, variable name to value.

    ``graph`` makes that named graph the query's default graph (the SPARQL
    protocol's ``default-graph-uri``), so a query written for the in-memory
    export runs unchanged against a pushed graph; without it the store's own
    default graph is queried. The query is sent as an HTML form (``POST``,
    ``application/x-www-form-urlencoded``), the one way every server reads.

    ``deadline`` bounds the whole request in seconds, ``max_bytes`` the
    answer and ``max_rows`` its rows; an answer that is not SPARQL results
    (HTML, the wrong JSON shape, an unknown media type) is a
    :class:`~asiaai_graph.utils.errors.StoreError` saying what came instead.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> ag.sparql("http://127.0.0.1:7878", "ASK { ?m a aag:AIModel }", graph="urn:asiaai:main")  # doctest: +SKIP
    [{'ask': True}]
    """
    ends = endpoint_of(endpoint, server)
    form = {"query": with_prefixes(query)}
    if graph is not None:
        form["default-graph-uri"] = check_graph_iri(graph)
    answer = request(
        "POST",
        ends.query,
        body=urllib.parse.urlencode(form).encode("ascii"),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        },
        auth=auth if auth is not None else auth_from_env(),
        timeout=timeout,
        retries=retries,
        backoff=backoff,
        deadline=deadline,
        max_bytes=max_bytes,
    )
    return decode_answer(answer.content_type, answer.body, max_rows, where=redact(ends.query), status=answer.status)


def decode_answer(content_type: str, body: bytes, max_rows: int = MAX_RESULT_ROWS, *, where: str = "<answer>",
                  status: int | None = None) -> list[dict[str, Any]]:
    """The rows of a store's answer (SPARQL JSON results, or N-Triples for ``CONSTRUCT``); ``StoreError`` if it is neither.

    Examples
    --------
    >>> decode_answer("application/sparql-results+json", b'{"head": {}, "boolean": true}')
    [{'ask': True}]
    >>> decode_answer("text/html", b"<html>Welcome</html>")
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.StoreError: POST <answer>: the server answered 200: expected SPARQL results (JSON or N-Triples), got text/html: <html>Welcome</html>
    """
    def bad(what: str) -> StoreError:
        return StoreError("POST", where, status=status if status is not None else 200,
                          message=f"expected SPARQL results (JSON or N-Triples), got {what}")

    if content_type in ("application/n-triples", "text/plain"):
        try:
            return _graph_rows(body.decode("utf-8"), max_rows)
        except Exception as exc:  # rdflib's ParseError and whatever else bad input raises in it
            raise bad(f"N-Triples that do not parse: {str(exc)[:200]}") from None
    if content_type not in ("application/sparql-results+json", "application/json"):
        raise bad(f"{content_type or 'no media type'}: {_start(body)}")
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise bad(f"JSON that does not parse ({str(exc)[:100]}): {_start(body)}") from None
    rows = _json_rows(data, max_rows)
    if isinstance(rows, str):
        raise bad(rows)
    return rows


def _start(body: bytes) -> str:
    return " ".join(body[:200].decode("utf-8", "replace").split())


def _json_rows(data: Any, max_rows: int) -> list[dict[str, Any]] | str:
    """The rows of SPARQL JSON results, or what is wrong with their shape."""
    if not isinstance(data, dict):
        return f"JSON {type(data).__name__}, not an object"
    if "boolean" in data:
        if not isinstance(data["boolean"], bool):
            return "a boolean answer that is not true or false"
        return [{"ask": data["boolean"]}]
    head, results = data.get("head"), data.get("results")
    names = head.get("vars", []) if isinstance(head, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names) or not isinstance(bindings, list):
        return "JSON without head.vars and results.bindings"
    if len(bindings) > max_rows:
        return f"{len(bindings)} rows, more than max_rows={max_rows}"
    rows = []
    for row in bindings:
        if not isinstance(row, dict):
            return "a row that is not an object"
        terms = {name: row.get(name) for name in names}
        if not all(t is None or (isinstance(t, dict) and isinstance(t.get("value"), str)) for t in terms.values()):
            return "a term without a text value"
        rows.append({name: to_python(t) for name, t in terms.items()})
    return rows
