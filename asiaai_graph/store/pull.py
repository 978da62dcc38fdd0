"""Pull a named graph from a triple store back into a :class:`~asiaai_graph.KnowledgeGraph`.

The graph is fetched as N-Triples (SPARQL 1.1 Graph Store HTTP Protocol ``GET``
on ``…?graph=IRI``), streamed to a temporary file, and read by
:func:`asiaai_graph.rdf.from_rdf`: every record is validated and every reference
checked, as for a YAML file. A store is not trusted more than a file; problems
name the graph they came from.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.from_store("http://127.0.0.1:7878", graph="urn:asiaai:main")  # doctest: +SKIP
>>> kg == ag.load()  # doctest: +SKIP
True
"""

from __future__ import annotations

import dataclasses
import os
import tempfile

from asiaai_graph.utils.errors import DataError
from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
from asiaai_graph.rdf.read import from_rdf
from asiaai_graph.store.client import Auth, StoreError, auth_from_env, request
from asiaai_graph.store.endpoint import Endpoint, check_graph_iri, endpoint_of, redact, with_params
from asiaai_graph.utils.limits import MAX_RDF_BYTES, STORE_DEADLINE

__all__ = ["from_store"]

#: Media types a store may answer with, and the reader's name for them.
_FORMATS = {
    "application/n-triples": "nt",
    "text/plain": "nt",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


def from_store(
    endpoint: str | Endpoint,
    graph: str,
    *,
    server: str = "oxigraph",
    base: str | None = None,
    auth: Auth | None = None,
    timeout: float = 300.0,
    retries: int = 3,
    backoff: float = 0.5,
    deadline: float | None = STORE_DEADLINE,
    max_bytes: int = MAX_RDF_BYTES,
) -> KnowledgeGraph:
    """Read the named graph ``graph`` of the store at ``endpoint`` into a validated knowledge graph.

    Parameters
    ----------
    endpoint
        The store's URL, laid out as ``server`` lays it out (see
        :class:`~asiaai_graph.store.endpoint.Endpoint`), or an ``Endpoint``.
    graph
        The named graph, as given to (or printed by) a push.
    base
        The IRI namespace the records were exported with.
    auth, timeout, retries, backoff
        As for :func:`asiaai_graph.store.pushing.push`.
    deadline, max_bytes
        Seconds the whole transfer may take, and the largest graph taken in
        bytes (see :func:`asiaai_graph.store.client.request`).

    Raises
    ------
    asiaai_graph.DataError
        Listing every record that does not validate, each naming the graph.
    asiaai_graph.utils.errors.StoreError
        With the server's status and message (404 when there is no such graph).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> ag.from_store("http://127.0.0.1:9", "urn:asiaai:main", retries=0)
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.StoreError: GET http://127.0.0.1:9/store?graph=urn%3Aasiaai%3Amain: could not reach the store: ...
    """
    check_graph_iri(graph)
    url = with_params(endpoint_of(endpoint, server).store, graph=graph)
    fd, path = tempfile.mkstemp(prefix="asiaai-graph-pull-", suffix=".rdf")
    try:
        with os.fdopen(fd, "w+b") as sink:
            answer = request(
                "GET",
                url,
                headers={"Accept": "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"},
                auth=auth if auth is not None else auth_from_env(),
                timeout=timeout,
                retries=retries,
                backoff=backoff,
                sink=sink,
                deadline=deadline,
                max_bytes=max_bytes,
            )
        fmt = _FORMATS.get(answer.content_type or "application/n-triples")
        if fmt is None:
            raise StoreError("GET", redact(url), status=answer.status,
                             message=f"expected RDF (N-Triples, Turtle or RDF/XML), got {answer.content_type!r}")
        try:
            return from_rdf(path, format=fmt, base=base)
        except DataError as exc:
            where = f"<{graph}> at {redact(endpoint_of(endpoint, server).store)}"
            raise DataError([dataclasses.replace(p, file=where) for p in exc.problems]) from None
    finally:
        os.unlink(path)
