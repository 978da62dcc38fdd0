"""Where a store takes queries and graphs: the URL layout of common SPARQL servers.

A store has a query endpoint (SPARQL 1.1 Protocol) and a Graph Store endpoint
(SPARQL 1.1 Graph Store HTTP Protocol, with the graph named in ``?graph=``).
Servers lay them out differently; :meth:`Endpoint.of` knows five:

===========  ==========================================  ======================  =====================================
server       URL you give                                query                   Graph Store
===========  ==========================================  ======================  =====================================
oxigraph     ``http://host:7878``                        ``…/query``             ``…/store``
fuseki       ``http://host:3030/DATASET``                ``…/query``             ``…/data``
graphdb      ``http://host:7200/repositories/REPO``      ``…`` (the repository)  ``…/rdf-graphs/service``
virtuoso     ``http://host:8890``                        ``…/sparql``            ``…/sparql-graph-crud``
neptune      ``https://cluster:8182``                    ``…/sparql``            ``…/sparql/gsp/``
===========  ==========================================  ======================  =====================================

(The README's "Triple stores" section gives the update endpoints too, with
the documentation each pattern comes from.) For any other layout, build an
:class:`Endpoint` with the two URLs.

Examples
--------
>>> Endpoint.of("http://127.0.0.1:7878")
Endpoint(query='http://127.0.0.1:7878/query', store='http://127.0.0.1:7878/store', bulk_param='no_transaction', chunked=True)
>>> Endpoint.of("http://localhost:3030/asiaai/", server="fuseki").store
'http://localhost:3030/asiaai/data'
>>> Endpoint.of("http://localhost:7200/repositories/asiaai", server="graphdb").query
'http://localhost:7200/repositories/asiaai'
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

__all__ = ["SERVERS", "Endpoint", "check_graph_iri", "endpoint_of", "redact", "with_params"]

#: server -> (query path, Graph Store path, the server's non-transactional bulk-load parameter or None,
#: whether it reads a request body sent with chunked transfer encoding)
_LAYOUTS: dict[str, tuple[str, str, str | None, bool]] = {
    "oxigraph": ("/query", "/store", "no_transaction", True),
    "fuseki": ("/query", "/data", None, True),
    "graphdb": ("", "/rdf-graphs/service", None, True),
    # Virtuoso 7.2 answers 201 to a chunked PUT and stores nothing: its bodies need a Content-Length
    "virtuoso": ("/sparql", "/sparql-graph-crud", None, False),
    "neptune": ("/sparql", "/sparql/gsp/", None, True),
}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[/\\]*")
# Every spelling of the at-sign that ends a user and password: '@', its percent-encoding, and the
# characters NFKC turns into '@' (the full-width U+FF20 CJK input methods type, the small U+FE6B),
# raw or percent-encoded as UTF-8.
_AT = re.compile(r"@|%40|\uFF20|\uFE6B|%EF%BC%A0|%EF%B9%AB", re.IGNORECASE)
# A query parameter whose name says it carries a credential (as the name is written, or with '_' and '-'
# spelled either way): its value up to the next '&', ';' or '#' is hidden.
_SECRET_PARAM = re.compile(
    r"([?&;](?:[^=&;#]*[-_.])?(?:access[-_]?token|token|api[-_]?key|apikey|key|password|passwd|pwd|secret|"
    r"client[-_]?secret|auth|authorization|sig|signature|credential|session)=)[^&;#]*",
    re.IGNORECASE,
)


def redact(url: str) -> str:
    """``url`` for a message: what lies between its scheme and its last ``@`` (a user and password) hidden.

    Whatever the spelling: a mistyped scheme, backslashes, no slashes, a
    password holding ``/``, ``?`` or ``#``, an at-sign written ``%40`` or
    full-width (``＠``, which CJK input methods type). An ``@`` has no other
    business in a store's URL (a graph name in a parameter is percent-encoded).

    Examples
    --------
    >>> redact("htttp://curator:s3cret@db.example/sparql"), redact("http://h:7878/query")
    ('htttp://***@db.example/sparql', 'http://h:7878/query')
    >>> redact("http:\\\\u:p@h/"), redact("u:pa?ss#x@h"), redact("http://u:p@ss@h")
    ('http:\\\\***@h/', 'u:***@h', 'http://***@h')
    >>> redact("http://curator:s3cret\uff20db.example"), redact("http://curator:s3cret%40db.example")
    ('http://***＠db.example', 'http://***%40db.example')

    A query parameter that carries a credential (``token``, ``api_key``, ``password``, a
    signature...) keeps its name and loses its value:

    >>> redact("https://db.example/sparql?access_token=abc123&default-graph-uri=x&X-Amz-Signature=f00")
    'https://db.example/sparql?access_token=***&default-graph-uri=x&X-Amz-Signature=***'
    """
    url = _SECRET_PARAM.sub(r"\1***", url)
    found = None
    for found in _AT.finditer(url):
        pass
    if found is None:
        return url
    at = found.start()
    scheme = _SCHEME.match(url)
    return (scheme.group() if scheme else "") + "***" + url[at:]


_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]+$")
#: The server layouts :meth:`Endpoint.of` knows.
SERVERS = tuple(_LAYOUTS)


@dataclass(frozen=True)
class Endpoint:
    """A store's query URL and Graph Store URL.

    ``bulk_param`` names a query parameter that makes the server load a PUT
    without a transaction (Oxigraph's ``no_transaction``): faster, but not
    atomic; used only by ``push(..., atomic=False)``. ``chunked`` says whether
    the server reads a body sent with chunked transfer encoding; when not, a
    push first writes the export to a temporary file and sends its length.
    """

    query: str
    store: str
    bulk_param: str | None = None
    chunked: bool = True

    @classmethod
    def of(cls, url: str, server: str = "oxigraph") -> Endpoint:
        """The endpoints of ``server`` (one of :data:`SERVERS`) at ``url``.

        Examples
        --------
        >>> Endpoint.of("https://db.example:8182", server="neptune").store
        'https://db.example:8182/sparql/gsp/'
        >>> Endpoint.of("https://db.example/repo/?access_token=t").query  # the path goes before the query string
        'https://db.example/repo/query?access_token=t'
        >>> Endpoint.of("http://x", server="blazegraph")
        Traceback (most recent call last):
        ...
        ValueError: unknown server 'blazegraph'; one of: oxigraph, fuseki, graphdb, virtuoso, neptune (or build an Endpoint with its URLs)
        """
        layout = _LAYOUTS.get(server)
        if layout is None:
            raise ValueError(
                f"unknown server {server!r}; one of: {', '.join(SERVERS)} (or build an Endpoint with its URLs)"
            )
        try:
            parts = urllib.parse.urlsplit(url)  # its errors quote the URL: say ours, redacted
        except ValueError:
            raise ValueError(f"not an http(s) URL: {redact(url)!r}") from None
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"a store URL must start with http:// or https://, got {redact(url)!r}")
        if _AT.search(parts.netloc):
            raise ValueError(
                "put credentials in the environment (ASIAAI_GRAPH_STORE_TOKEN, or ASIAAI_GRAPH_STORE_USER "
                f"and ASIAAI_GRAPH_STORE_PASSWORD) or pass auth=..., not in the URL: {redact(url)!r}")
        query, store, bulk, chunked = layout

        def at(path: str) -> str:  # the server's path after the URL's own, before its query string
            return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + path, parts.query, ""))

        return cls(at(query), at(store), bulk, chunked)


def endpoint_of(endpoint: str | Endpoint, server: str = "oxigraph") -> Endpoint:
    """``endpoint`` itself, or the layout of ``server`` at that URL.

    Examples
    --------
    >>> endpoint_of("http://127.0.0.1:7878").query
    'http://127.0.0.1:7878/query'
    """
    return endpoint if isinstance(endpoint, Endpoint) else Endpoint.of(endpoint, server)


def with_params(url: str, **params: str | None) -> str:
    """``url`` with query parameters added (a value of ``None`` adds a bare name).

    Examples
    --------
    >>> with_params("http://h/store", graph="https://w3id.org/asiaai-graph/graph/1#x")
    'http://h/store?graph=https%3A%2F%2Fw3id.org%2Fasiaai-graph%2Fgraph%2F1%23x'
    >>> with_params("http://h/sparql/gsp/?x=1", graph="urn:g", no_transaction=None)
    'http://h/sparql/gsp/?x=1&graph=urn%3Ag&no_transaction'
    """
    query = "&".join(
        urllib.parse.quote(k, safe="") if v is None else f"{urllib.parse.quote(k, safe='')}={urllib.parse.quote(v, safe='')}"
        for k, v in params.items()
    )
    return url + ("&" if "?" in url else "?") + query


def check_graph_iri(iri: str) -> str:
    """``iri`` if it can name a graph (an absolute IRI), else a ``ValueError``.

    Examples
    --------
    >>> check_graph_iri("urn:asiaai:main")
    'urn:asiaai:main'
    >>> check_graph_iri("main graph")
    Traceback (most recent call last):
    ...
    ValueError: a graph name must be an absolute IRI such as 'https://example.org/graph/main', got 'main graph'
    """
    if not isinstance(iri, str) or not _IRI.match(iri):
        raise ValueError(f"a graph name must be an absolute IRI such as 'https://example.org/graph/main', got {iri!r}")
    return iri
