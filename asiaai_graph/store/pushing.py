"""Push a knowledge graph into a triple store: one named graph, replaced, streamed.

:func:`push` sends the RDF export as N-Triples in one SPARQL 1.1 Graph Store
HTTP Protocol ``PUT`` on ``…?graph=IRI``, with chunked transfer encoding: the
export is written a record at a time while it is sent, so the memory of the
Python process does not grow with the graph.

What replaces the graph atomically
----------------------------------
The Graph Store Protocol defines ``PUT`` as equivalent to ``DROP SILENT GRAPH
<g>; INSERT DATA { GRAPH <g> { … } }`` in one SPARQL 1.1 Update request, and
SPARQL 1.1 Update says each request *SHOULD* be treated atomically: a SHOULD,
not a MUST. A default push (``atomic=True``) relies on the server keeping that
SHOULD: a ``PUT`` cut off half-way, or with a bad triple in it, leaves the
previous graph. Oxigraph 0.5.13 does (its ``PUT`` clears and loads in one
transaction; the tests cut the connection mid-body and send a bad triple, and
both leave the previous graph); Oxigraph 0.5.9 does not (it commits the clear
first, so the same tests find the graph emptied). Other stores are not checked
here: use one whose Graph Store ``PUT`` is a single transaction.

``atomic=False`` asks a server that offers it (Oxigraph's ``no_transaction``
parameter) to use its bulk loader: several times faster and lighter on the
server, but a push cut short leaves part of the new graph. Pushing again
repairs it: a push is idempotent.

Examples
--------
>>> import asiaai_graph as ag
>>> default_graph_iri(ag.load())
'https://w3id.org/asiaai-graph/graph/0.1.0/...'
>>> ag.load().push("http://127.0.0.1:7878")  # doctest: +SKIP
Pushed(graph='https://w3id.org/asiaai-graph/graph/0.1.0/...', triples=..., bytes=..., seconds=...)
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from asiaai_graph.rdf.mapping import check_base
from asiaai_graph.store.client import Auth, StoreError, auth_from_env, request
from asiaai_graph.store.endpoint import Endpoint, check_graph_iri, endpoint_of, redact, with_params
from asiaai_graph.utils.limits import QUERY_DEADLINE, STORE_DEADLINE
from asiaai_graph.rdf.export import iter_ntriples
from asiaai_graph.version import __version__

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["GRAPH_NAMESPACE", "Pushed", "default_graph_iri", "push"]

#: Where default graph names live: ``GRAPH_NAMESPACE + "<library version>/<digest>"``.
GRAPH_NAMESPACE = "https://w3id.org/asiaai-graph/graph/"


@dataclass(frozen=True)
class Pushed:
    """What a push did: the graph it replaced, how many triples and bytes it sent, in how many seconds."""

    graph: str
    triples: int
    bytes: int
    seconds: float


def _pieces(kg: KnowledgeGraph, base: str | None) -> Iterator[tuple[int, bytes]]:
    """The N-Triples export in pieces of a few thousand lines: (lines, UTF-8 bytes)."""
    for chunk in iter_ntriples(kg, base):
        yield chunk.count("\n"), chunk.encode("utf-8")


def default_graph_iri(kg: KnowledgeGraph, base: str | None = None) -> str:
    """The graph name a push uses when given none: the library version and a digest of the export.

    ``https://w3id.org/asiaai-graph/graph/<version>/<16 hex digits of the SHA-256
    of the N-Triples export>``: the same data always gets the same name, other
    data another one. Computed once per graph and base, then kept.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> iri = default_graph_iri(kg)
    >>> iri.startswith("https://w3id.org/asiaai-graph/graph/"), iri == default_graph_iri(ag.load(cache=False))
    (True, True)
    """
    base = check_base(base)
    cache: dict[str | None, str] = kg.cache.setdefault(__name__, {})
    iri = cache.get(base)
    if iri is None:
        digest = hashlib.sha256()
        for _, data in _pieces(kg, base):
            digest.update(data)
        iri = cache[base] = f"{GRAPH_NAMESPACE}{__version__}/{digest.hexdigest()[:16]}"
    return iri


def push(
    kg: KnowledgeGraph,
    endpoint: str | Endpoint,
    graph: str | None = None,
    *,
    server: str = "oxigraph",
    base: str | None = None,
    auth: Auth | None = None,
    atomic: bool = True,
    timeout: float = 300.0,
    retries: int = 3,
    backoff: float = 0.5,
    deadline: float | None = STORE_DEADLINE,
    verify: bool = True,
    on_progress: Callable[[int], None] | None = None,
) -> Pushed:
    """Replace the named graph ``graph`` in the store at ``endpoint`` with the export of ``kg``.

    Parameters
    ----------
    endpoint
        The store's URL (laid out as ``server`` lays it out, see
        :class:`~asiaai_graph.store.endpoint.Endpoint`), or an ``Endpoint``.
    graph
        The named graph to replace; default :func:`default_graph_iri`.
    server
        ``oxigraph`` (default), ``fuseki``, ``graphdb``, ``virtuoso`` or ``neptune``.
    base
        The IRI namespace of the records in the export.
    auth
        :class:`~asiaai_graph.store.client.BasicAuth` or
        :class:`~asiaai_graph.store.client.BearerToken`; default: from the
        environment (:func:`~asiaai_graph.store.client.auth_from_env`).
    atomic
        ``True``: one transactional ``PUT`` (see the module notes).
        ``False``: the server's bulk loader, faster but not atomic (Oxigraph only).
    timeout, retries, backoff
        Seconds per connection, read or write; further attempts after a
        connection error or a 5xx answer; seconds before the first retry, doubled each time.
    deadline
        Seconds the whole push may take, every attempt included (``None``: no bound).
    verify
        After the ``PUT``, count the graph's triples with a query and raise
        ``StoreError`` unless the store holds every triple sent: a server that
        answers success and keeps less (Virtuoso 7.2 with a chunked body) is
        caught, not trusted.
    on_progress
        Called with the number of triples sent so far, every few thousand triples.

    Raises
    ------
    asiaai_graph.utils.errors.StoreError
        With the server's status and message, or why it could not be reached.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> done = push(ag.load(), "http://127.0.0.1:7878", "urn:asiaai:main")  # doctest: +SKIP
    >>> done.graph, done.triples > 1000  # doctest: +SKIP
    ('urn:asiaai:main', True)
    """
    ends = endpoint_of(endpoint, server)
    graph = check_graph_iri(graph) if graph is not None else default_graph_iri(kg, base)
    body = _Body(kg, base, on_progress)
    start = time.perf_counter()
    auth = auth if auth is not None else auth_from_env()
    options: dict[str, Any] = {"auth": auth, "timeout": timeout, "retries": retries, "backoff": backoff,
                               "deadline": deadline}
    url = _put_url(ends, graph, atomic, server)
    headers = {"Content-Type": "application/n-triples"}
    if ends.chunked:
        request("PUT", url, body=body, headers=headers, **options)
    else:  # the export on disk first, sent with its length: memory stays flat all the same
        with tempfile.TemporaryFile(prefix="asiaai-graph-push-") as spool:
            for piece in body():
                spool.write(piece)
            request("PUT", url, body=spool, headers=headers, **options)
    if verify:
        _verify(ends, graph, body.triples, options)
    return Pushed(graph, body.triples, body.bytes, time.perf_counter() - start)


def _verify(ends: Endpoint, graph: str, sent: int, options: dict[str, Any]) -> None:
    """Raise ``StoreError`` unless the store's graph ``graph`` holds ``sent`` triples."""
    from asiaai_graph.store.query import sparql

    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    rows = sparql(ends, query, **{**options, "deadline": QUERY_DEADLINE})
    held = rows[0].get("n") if len(rows) == 1 else None
    if held != sent:
        raise StoreError("PUT", redact(ends.store), status=None,
                         message=f"the store answered success but holds {held} triples of the {sent} sent "
                                 f"to <{graph}>; the graph is incomplete")


def _put_url(ends: Endpoint, graph: str, atomic: bool, server: str) -> str:
    """Where the graph is PUT: the store's graph URL, with the bulk loader's parameter when not atomic."""
    params: dict[str, str | None] = {"graph": graph}
    if not atomic:
        if ends.bulk_param is None:
            raise ValueError(f"{server} offers no non-transactional load; push with atomic=True")
        params[ends.bulk_param] = None
    return with_params(ends.store, **params)


class _Body:
    """The request body, made again for each attempt: the export in pieces, counted as they go."""

    def __init__(self, kg: KnowledgeGraph, base: str | None, on_progress: Callable[[int], None] | None) -> None:
        self.kg, self.base, self.on_progress = kg, base, on_progress
        self.triples = self.bytes = 0

    def __call__(self) -> Iterator[bytes]:
        self.triples = self.bytes = 0
        for lines, data in _pieces(self.kg, self.base):
            self.triples += lines
            self.bytes += len(data)
            yield data
            if self.on_progress is not None:
                self.on_progress(self.triples)
