"""Share the graph through a triple store: push, pull and query over SPARQL 1.1.

* :func:`push` (``kg.push(url)``) replaces one named graph with the export, in one
  streamed Graph Store Protocol ``PUT``;
* :func:`from_store` (``ag.from_store(url, graph)``) reads a named graph back,
  validated like any file;
* :func:`sparql` (``ag.sparql(url, query)``, ``kg.sparql(query, endpoint=url)``)
  queries the store and answers with the rows of the in-memory query.

``url`` is the store's address, laid out as Oxigraph lays it out unless
``server=`` names another layout (``fuseki``, ``graphdb``, ``virtuoso``,
``neptune``); :class:`Endpoint` takes explicit URLs. Credentials come from
``auth=`` or from the environment (``ASIAAI_GRAPH_STORE_TOKEN``, or
``ASIAAI_GRAPH_STORE_USER`` and ``ASIAAI_GRAPH_STORE_PASSWORD``). Failures raise
:class:`StoreError` with the server's status and message.

The HTTP client (:mod:`~asiaai_graph.store.client`) and the URL layouts
(:mod:`~asiaai_graph.store.endpoint`) know nothing of the graph; pulling reads
(:mod:`~asiaai_graph.rdf.read`), pushing writes (:mod:`~asiaai_graph.rdf.export`).

Examples
--------
>>> from asiaai_graph.store import Endpoint
>>> Endpoint.of("http://localhost:3030/asiaai", server="fuseki").query
'http://localhost:3030/asiaai/query'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asiaai_graph.store.client import BasicAuth, BearerToken, StoreError, auth_from_env
    from asiaai_graph.store.endpoint import SERVERS, Endpoint
    from asiaai_graph.store.pull import from_store
    from asiaai_graph.store.push import Pushed, default_graph_iri, push
    from asiaai_graph.store.query import sparql

__all__ = [
    "SERVERS",
    "BasicAuth",
    "BearerToken",
    "Endpoint",
    "Pushed",
    "StoreError",
    "auth_from_env",
    "default_graph_iri",
    "from_store",
    "push",
    "sparql",
]

#: Public name -> the module of this package that defines it, imported on first use (PEP 562): the
#: command line reads the server layouts without importing the RDF reader and writer.
_HOMES = {
    "BasicAuth": "client", "BearerToken": "client", "StoreError": "client", "auth_from_env": "client",
    "SERVERS": "endpoint", "Endpoint": "endpoint", "from_store": "pull", "Pushed": "push",
    "default_graph_iri": "push", "push": "push", "sparql": "query",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'asiaai_graph.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"asiaai_graph.store.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
